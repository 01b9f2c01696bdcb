"""A seeded random sample of answered questions per calibrated coding, for an audit of existing
answers (docs/calibration.md: "A random audit", "A second random audit").

The sample must not depend on which way an answer sits against a published figure, so the rule
knows nothing of those figures: for each desk coding that the calibration compares
(scripts/calibrate.py, ``desk_codings``), the answered questions (blanks and n/a left out) whose
note does not carry ``--skip-note`` (answers changed on that day, which their own reviews cover)
and that are not in ``--exclude`` (an earlier sample), sorted by code; then ``k`` of them drawn by
``random.Random(f"{seed}-{country}").sample``. The same seed on the same codings gives the same
sample; the pool moves as answers change, so the sample an audit read is the JSON committed beside
its reports (docs/coding/blanks-2026-12/pass8/, pass10/audit-sample.json).

    .venv/bin/python scripts/audit_sample.py --seed 20261202 --k 8 \\
        --skip-note "1 December 2026" --exclude docs/coding/blanks-2026-12/pass8/audit-sample.json
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "scripts"))

from calibrate import desk_codings  # noqa: E402

from indexer.model import NOT_APPLICABLE, Profile  # noqa: E402


def eligible(profile: Profile, skip_note: str = "", exclude: Iterable[str] = ()) -> list[str]:
    """The codes of ``profile`` that may be drawn, sorted: answered (not blank, not n/a), not in
    ``exclude``, and whose note does not contain ``skip_note`` (when given)."""
    skip = set(exclude)
    out = []
    for code, value in profile.answers.items():
        if value in (None, "", NOT_APPLICABLE) or code in skip:
            continue
        note = profile.citations[code].note if code in profile.citations else ""
        if skip_note and skip_note in note:
            continue
        out.append(code)
    return sorted(out)


def sample(profiles: Iterable[Profile], seed: int, k: int, skip_note: str = "",
           exclude: Mapping[str, Iterable[str]] | None = None) -> dict[str, list[str]]:
    """country -> ``k`` codes drawn from :func:`eligible` with ``Random(f"{seed}-{country}")``
    (all of them when fewer are eligible), sorted."""
    exclude = exclude or {}
    out = {}
    for p in profiles:
        pool = eligible(p, skip_note, exclude.get(p.country, ()))
        out[p.country] = sorted(random.Random(f"{seed}-{p.country}").sample(pool, min(k, len(pool))))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--k", type=int, default=8)
    ap.add_argument("--skip-note", default="")
    ap.add_argument("--exclude", help="a JSON file country -> [codes] of an earlier sample")
    args = ap.parse_args(argv)
    try:
        exclude = json.loads(Path(args.exclude).read_text(encoding="utf-8")) if args.exclude else {}
    except (OSError, ValueError) as err:
        ap.error(f"--exclude {args.exclude}: {err} (give the JSON file of an earlier sample: country -> [codes])")
    _, profiles, _ = desk_codings()
    print(json.dumps(sample(profiles, args.seed, args.k, args.skip_note, exclude)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
