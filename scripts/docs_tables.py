"""The two tables in the docs that are derived from the bundled codings: the content table of
docs/content.md (one row per coding: questions answered, high / medium, overall with coverage) and
the ``indexer compare`` output the README shows. Both go stale whenever an answer changes, so they
are generated here and checked by a test, like the calibration table (scripts/calibrate.py).

    .venv/bin/python scripts/docs_tables.py            # print both
    .venv/bin/python scripts/docs_tables.py --write    # refresh docs/content.md and README.md
    .venv/bin/python scripts/docs_tables.py --check    # exit 1 when either is stale

A content row keeps its place and its last column (the coding's report, written by hand); the
other columns are recomputed. A coding without a row is appended (report: docs/coding/CC-YYYY.md),
a row whose file is gone is dropped. The overall shows its bounds (SPEC §3.1) where it has no score
or where no published profile of the country exists (Kazakhstan, Armenia: the project's own
codings, whose open questions are the point).
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from indexer.load import load_paths  # noqa: E402
from indexer.model import NOT_APPLICABLE, Profile  # noqa: E402
from indexer.score import score  # noqa: E402

CONTENT = REPO / "docs" / "content.md"
README = REPO / "README.md"
HEADER = "| profile | answered | high / medium | overall (coverage) | report |"
COMPARE = ("compare", "mipex-core", "country_profiles", "--country", "KZ", "--country", "AM",
           "--baseline", "EU27", "--level", "area")
_ROW = re.compile(r"^\| `([A-Z]{2}/[^`]+\.yaml)`[^|]*\|.*\| ([^|]+) \|$")


def content_row(p: Profile, scheme, published: set[str], report: str) -> str:
    """One row of the content table for the coding ``p`` (numbers as ``indexer score`` gives them)."""
    rel = Path(p.path).resolve().relative_to(REPO / "country_profiles").as_posix()
    answered = {c: v for c, v in p.answers.items() if v not in (None, "")}
    na = sum(v == NOT_APPLICABLE for v in answered.values())
    conf = [p.citations[c].confidence for c in answered if c in p.citations]
    r = score(scheme, [p]).set_index("code").loc["overall"]
    cov = f"{float(r.coverage):.0%}"
    bounds = f"bounds {float(r.lower):.1f}–{float(r.upper):.1f}"
    if r.score != r.score:  # NaN: no overall
        overall = f"– ({cov}, below 75 %; {bounds})" if p.country not in published else f"– ({cov}, below 75 %)"
    elif p.country not in published:
        overall = f"{float(r.score):.1f} ({cov}; {bounds})"
    else:
        overall = f"{float(r.score):.1f} ({cov})"
    name = f"`{rel}`" + ("" if p.coding == "desk" else f" (`coding: {p.coding}`)")
    n = f"{len(answered) - na} of {len(scheme.leaves)}" + (f" + {na} n/a" if na else "")
    return f"| {name} | {n} | {conf.count('high')} / {conf.count('medium')} | {overall} | {report} |"


def _codings() -> tuple:
    b = load_paths([str(REPO / "indicators" / "mipex-core.yaml"), str(REPO / "country_profiles")])
    mine = [p for p in b.profiles if p.scheme == "mipex-core" and p.provenance == "illustrative"
            and "demo" not in Path(p.path).parts]
    published = {p.country for p in b.profiles if p.provenance != "illustrative"}
    return b.schemes["mipex-core"], mine, published


def update_content(text: str) -> str:
    """``text`` (docs/content.md) with its content table recomputed."""
    scheme, mine, published = _codings()
    by_rel = {Path(p.path).resolve().relative_to(REPO / "country_profiles").as_posix(): p for p in mine}
    lines = text.split("\n")
    i = lines.index(HEADER) + 2
    j = i
    while j < len(lines) and lines[j].startswith("| `"):
        j += 1
    rows, seen = [], set()
    for line in lines[i:j]:
        m = _ROW.match(line)
        if m and m.group(1) in by_rel:
            seen.add(m.group(1))
            rows.append(content_row(by_rel[m.group(1)], scheme, published, m.group(2)))
    for rel in sorted(set(by_rel) - seen):
        p = by_rel[rel]
        rows.append(content_row(p, scheme, published, f"docs/coding/{p.country}-{p.year}.md"))
    lines[i:j] = rows
    return "\n".join(lines)


def compare_output() -> str:
    """What the README's ``indexer compare`` example prints on the bundled data."""
    r = subprocess.run([sys.executable, "-m", "indexer", *COMPARE], cwd=REPO, capture_output=True,
                       text=True, timeout=300, check=True)
    return r.stdout.rstrip("\n")


def update_readme(text: str) -> str:
    """``text`` (README.md) with the output under its ``$ indexer compare`` example recomputed."""
    key = "$ indexer " + " ".join(COMPARE) + "\n"
    start = text.index(key) + len(key)
    end = text.index("```", start)
    return text[:start] + compare_output() + "\n" + text[end:]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args(argv)
    stale = []
    for path, update in ((CONTENT, update_content), (README, update_readme)):
        old = path.read_text(encoding="utf-8")
        new = update(old)
        if args.write and new != old:
            from indexer.fileio import atomic_write

            atomic_write(path, new)
        elif args.check and new != old:
            stale.append(path.relative_to(REPO).as_posix())
        elif not (args.write or args.check):
            print(new[new.index(HEADER):].split("\n\n")[0] if path == CONTENT else compare_output(), end="\n\n")
    if stale:
        print(f"{', '.join(stale)} out of date: run scripts/docs_tables.py --write", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
