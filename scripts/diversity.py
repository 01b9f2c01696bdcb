"""Questions ranked by how diverse the codings' answers are: the neutral rule that drew the
consistency passes of 1 December 2026 (docs/calibration.md, docs/coding/typical-case.md).

A consistency pass re-reads one question in every coding under one written rule. Which questions
to re-read must not depend on a calibration against published figures (that would steer the
selection towards them); this rule knows nothing of them: the Shannon entropy, in bits, of the
options the codings chose (blanks and n/a left out), highest first, ties by code. Each round
was drawn from the codings as they stood before it, leaving out the questions already re-read.

    .venv/bin/python scripts/diversity.py                    # the 20 most diverse questions
    .venv/bin/python scripts/diversity.py --top 8 --exclude LMM.ACC.1 FR.COND.2
"""

from __future__ import annotations

import argparse
import math
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from indexer.load import load_paths  # noqa: E402
from indexer.model import NOT_APPLICABLE, Profile  # noqa: E402


def entropy(options: Iterable[str]) -> float:
    """Shannon entropy in bits of the chosen options (0 when all agree or none answered)."""
    counts = Counter(options)
    n = sum(counts.values())
    return -sum(c / n * math.log2(c / n) for c in counts.values()) if n else 0.0


def ranked(profiles: Sequence[Profile], exclude: Iterable[str] = ()) -> list[tuple[float, str, dict[str, int]]]:
    """(entropy, question, option counts) for every question answered in ``profiles``, most
    diverse first, ties by code; questions in ``exclude`` are left out."""
    skip = set(exclude)
    codes = sorted({code for p in profiles for code in p.answers} - skip)
    out = []
    for code in codes:
        chosen = [p.answers.get(code) for p in profiles]
        options = [o for o in chosen if o not in (None, "", NOT_APPLICABLE)]
        out.append((round(entropy(options), 3), code, dict(sorted(Counter(options).items()))))
    return sorted(out, key=lambda r: (-r[0], r[1]))


def desk_profiles(root: Path = REPO / "country_profiles", scheme: str = "mipex-core") -> list[Profile]:
    """The first desk coding of every country (not the independent desk-b records)."""
    bundle = load_paths([root])
    return sorted((p for p in bundle.profiles if p.scheme == scheme and p.coding == "desk"),
                  key=lambda p: (p.country, p.year))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--top", type=int, default=20)
    ap.add_argument("--exclude", nargs="*", default=[])
    args = ap.parse_args(argv)
    ps = desk_profiles()
    print(f"{len(ps)} codings: {', '.join(p.country for p in ps)}")
    for h, code, counts in ranked(ps, args.exclude)[: args.top]:
        print(f"{h:5.3f}  {code:14}  {counts}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
