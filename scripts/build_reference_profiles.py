#!/usr/bin/env python3
"""Build the reference profiles of published MIPEX figures.

Reads the CSV files of ``shared/data/mipex-published/`` and writes one YAML profile per scheme,
country and reference year under ``country_profiles/published/<scheme>/<CC>/<scheme>-<year>.yaml``:

- ``mipex-core`` (MIPEX 2020 series): ``areas_2020_2024.csv`` (8 areas + overall, 2020-2024),
  ``access_to_nationality_2007_2019.csv``, ``political_participation_2019.csv``,
  ``health_2019_top38.csv`` and ``overall_2019.csv`` (the 2019 overall with Health, 56
  countries), merged per country-year;
- ``mipex-2015`` (MIPEX 2015 edition, year 2014, eight areas): ``areas_2014_partial.csv`` and
  ``mipex2015_country_pages_2014.csv`` (areas, and the overall *with* Health);
- ``mipex-2015-nohealth`` (the same edition's series *without* Health: seven areas):
  ``overall_2014.csv`` (the 7-area overall) and the seven non-Health areas of the two files above.
  The two overall series never share a scheme, so they never share a series, trend or baseline;
- ``mipex-iii`` (MIPEX III, year 2010): ``overall_2010.csv``.

Every value is written with the same digits as in its CSV (``76.125`` stays ``76.125``). A value
given twice for the same node with different digits is an error, never silently resolved.

Idempotent: files are rewritten only when their content changes, each through a temporary file
and ``os.replace`` (atomic); generated files that are no longer produced are removed.

Usage::

    .venv/bin/python scripts/build_reference_profiles.py [--data DIR] [--out DIR] [--check]

``--check`` writes nothing and exits 1 if any file would change.
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pycountry

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "data" / "mipex-published"
DEFAULT_OUT = REPO / "country_profiles" / "published"

# The edition each scheme's figures come from, as cited in every profile's notes.
CITATION = {
    "mipex-core": "Solano, G. & Huddleston, T. (2020), Migrant Integration Policy Index 2020, "
    "CIDOB and MPG, mipex.eu",
    "mipex-2015": "Huddleston, T., Bilgili, O., Joki, A.-L. & Vankova, Z. (2015), Migrant "
    "Integration Policy Index 2015, CIDOB and MPG, 2015.mipex.eu",
    "mipex-2015-nohealth": "Huddleston, T., Bilgili, O., Joki, A.-L. & Vankova, Z. (2015), Migrant "
    "Integration Policy Index 2015, CIDOB and MPG, 2015.mipex.eu; series without the Health area",
    "mipex-iii": "Huddleston, T., Niessen, J. et al. (2011), Migrant Integration Policy Index III, "
    "British Council and MPG; as compiled by Manatschal, A. & Bernauer, J. (2016)",
}

# Area order of the schemes (the root first), for a stable layout of `scores:`.
ORDER = ["overall", "LMM", "FR", "EDU", "PP", "PR", "ATN", "AD", "HEALTH"]

# Series names of areas_2020_2024.csv -> mipex-core codes.
SERIES_2020 = {
    "Overall": "overall",
    "Labour Market Mobility Strand": "LMM",
    "Family Reunification Strand": "FR",
    "Education Strand": "EDU",
    "Political Participation Strand": "PP",
    "Permanent Residence Strand": "PR",
    "Citizenship Strand": "ATN",
    "Antidiscrimination Strand": "AD",
    "Health Strand": "HEALTH",
}

# Series names of mipex2015_country_pages_2014.csv that are not area names -> codes.
SERIES_2015_PAGES = {"Overall (8 areas, with health)": "overall"}

# Area names of the website files (2014 and 2019) -> codes.
AREA_NAMES = {
    "Labour Market Mobility": "LMM",
    "Family Reunion": "FR",
    "Education": "EDU",
    "Political Participation": "PP",
    "Permanent Residence": "PR",
    "Access to Nationality": "ATN",
    "Anti-discrimination": "AD",
    "Health": "HEALTH",
}

# Country names as MIPEX prints them that pycountry does not resolve by itself. Each maps to an
# ISO 3166-1 alpha-3 code, which pycountry then turns into alpha-2 — so every code still comes
# from pycountry's tables, never from this script. (pycountry names them "Korea, Republic of",
# "Russian Federation", "Türkiye" and "United Kingdom".)
ALIASES = {
    "Korea": "KOR",
    "South Korea": "KOR",
    "Russia": "RUS",
    "Turkey": "TUR",
    "UK": "GBR",
}
# Kosovo has no ISO 3166-1 code and no pycountry entry; the user-assigned code XK (used by the
# European Commission and others) stands for it. No file here has Kosovo today; the rule is kept
# so that a future file with it maps the same way everywhere.
USER_ASSIGNED = {"Kosovo": "XK", "XKX": "XK", "XKK": "XK"}


def iso2(name_or_code: str) -> str:
    """ISO 3166-1 alpha-2 of a country name or alpha-2/alpha-3 code, by pycountry."""
    key = name_or_code.strip()
    if key in USER_ASSIGNED:
        return USER_ASSIGNED[key]
    key = ALIASES.get(key, key)
    try:
        return pycountry.countries.lookup(key).alpha_2
    except LookupError:
        raise SystemExit(f"build_reference_profiles: no ISO 3166 code for {name_or_code!r}") from None


@dataclass
class Ref:
    """One reference profile being assembled."""

    scheme: str
    country: str
    year: int
    scores: dict[str, str] = field(default_factory=dict)  # code -> the value's text, as published
    sources: dict[str, list[str]] = field(default_factory=dict)  # code -> source descriptions
    pages: dict[str, list[str]] = field(default_factory=dict)  # code -> source pages (URLs) given in the data

    def give(self, code: str, text: str, source: str, page: str = "") -> None:
        text = text.strip()
        float(text)  # must read as a number
        old = self.scores.get(code)
        if old is not None and float(old) != float(text):
            raise SystemExit(
                f"build_reference_profiles: {self.scheme} {self.country} {self.year} {code}: "
                f"{old} ({'; '.join(self.sources[code])}) vs {text} ({source}); "
                "keep the editions apart rather than choosing one"
            )
        self.scores.setdefault(code, text)
        self.sources.setdefault(code, [])
        if source not in self.sources[code]:
            self.sources[code].append(source)
        page = page.strip()
        if page and page not in self.pages.setdefault(code, []):
            self.pages[code].append(page)


# What each file is: (edition, vintage, precision) for the `source:` text of a profile.
FILES = {
    "areas_2020_2024.csv": "MIPEX 2020 series; 'EU Policy Indicators Scores (2020-2024)' workbook; 2 decimals",
    "access_to_nationality_2007_2019.csv": "MIPEX 2020 series; core-indicator series 2007-2019; unrounded",
    "political_participation_2019.csv": "MIPEX 2020 edition; mipex.eu website (political-participation page); whole numbers",
    "health_2019_top38.csv": "MIPEX 2020 edition; mipex.eu website (health page, top 38 of 56); whole numbers",
    "areas_2014_partial.csv": "MIPEX 2015 edition; 2015.mipex.eu area rank tables; whole numbers",
    "overall_2014.csv": "MIPEX 2015 edition, overall WITHOUT Health (mean of 7 areas); via okfde/2030-watch.de dataset; whole numbers",
    "mipex2015_country_pages_2014.csv": "MIPEX 2015 edition; 2015.mipex.eu country pages (overall WITH Health, mean of 8 areas); whole numbers",
    "overall_2019.csv": "MIPEX 2020 edition; 'MIPEX Score (with Health)' of the mipex.eu country pages; whole numbers",
    "overall_2010.csv": "MIPEX III (2011 edition); replication data of Manatschal & Bernauer (2016), column mipex10; whole numbers",
}


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def collect(data: Path) -> dict[tuple[str, str, int], Ref]:
    refs: dict[tuple[str, str, int], Ref] = {}

    def ref(scheme: str, country: str, year: int) -> Ref:
        key = (scheme, country, year)
        if key not in refs:
            refs[key] = Ref(scheme, country, year)
        return refs[key]

    # --- mipex-core: the MIPEX 2020 series -------------------------------------------------
    f = "areas_2020_2024.csv"
    for r in read_csv(data / f):
        code = SERIES_2020[r["series"]]
        cc = iso2(r["iso2"])
        ref("mipex-core", cc, int(r["year"])).give(code, r["score"], f)

    f = "access_to_nationality_2007_2019.csv"
    for r in read_csv(data / f):
        cc = iso2(r["country_name"])
        if r["iso3"] and iso2(r["iso3"]) != cc:
            raise SystemExit(f"build_reference_profiles: {f}: {r['country_name']} is not {r['iso3']}")
        ref("mipex-core", cc, int(r["year"])).give("ATN", r["MIPEX_ATN_2020"], f)

    for f in ("political_participation_2019.csv", "health_2019_top38.csv"):
        for r in read_csv(data / f):
            code = AREA_NAMES[r["area"]]
            ref("mipex-core", iso2(r["country"]), int(r["year"])).give(code, r["score_rounded"], f,
                                                                        r["source_url"])

    f = "overall_2019.csv"
    for r in read_csv(data / f):
        ref("mipex-core", iso2(r["iso2"]), int(r["year"])).give("overall", r["overall"], f, r["source_url"])

    # --- mipex-2015: the MIPEX 2015 edition (eight areas, overall with Health) ---------------
    # --- mipex-2015-nohealth: the same edition's seven areas and its overall without Health ----
    def area_2015(cc: str, year: int, code: str, text: str, f: str, page: str) -> None:
        ref("mipex-2015", cc, year).give(code, text, f, page)
        if code != "HEALTH":
            ref("mipex-2015-nohealth", cc, year).give(code, text, f, page)

    f = "areas_2014_partial.csv"
    for r in read_csv(data / f):
        area_2015(iso2(r["country"]), int(r["year"]), AREA_NAMES[r["area"]], r["score_rounded"], f,
                  r["source_url"])
    f = "mipex2015_country_pages_2014.csv"
    for r in read_csv(data / f):
        cc, year = iso2(r["iso2"]), int(r["year"])
        if r["series"] in SERIES_2015_PAGES:
            ref("mipex-2015", cc, year).give(SERIES_2015_PAGES[r["series"]], r["score"], f, r["source_url"])
        else:
            area_2015(cc, year, AREA_NAMES[r["series"]], r["score"], f, r["source_url"])
    f = "overall_2014.csv"
    for r in read_csv(data / f):
        ref("mipex-2015-nohealth", iso2(r["country"]), int(r["year"])).give("overall", r["overall_rounded"], f)

    # --- mipex-iii: MIPEX III ----------------------------------------------------------------
    f = "overall_2010.csv"
    for r in read_csv(data / f):
        ref("mipex-iii", iso2(r["short"]), 2010).give("overall", r["mipex10"], f)

    return refs


def q(text: str) -> str:
    """A YAML double-quoted scalar."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def render(r: Ref) -> str:
    files = sorted({s for srcs in r.sources.values() for s in srcs})
    codes = sorted(r.scores, key=ORDER.index)
    by_file = {f: [c for c in codes if f in r.sources[c]] for f in files}
    source = "; ".join(f"mipex-published/{f} ({FILES[f]})" for f in files)
    note_lines = [
        f"Published MIPEX figures, copied unchanged ({CITATION[r.scheme]}).",
        *(f"{', '.join(by_file[f])} from {f}: {FILES[f]}." for f in files),
    ]
    for c in codes:
        if r.pages.get(c):
            note_lines.append(f"Source page of {c}: {' ; '.join(r.pages[c])}.")
    if r.scheme == "mipex-core" and "overall" not in r.scores:
        note_lines.append(
            "No published overall: the overall shown is computed only when enough areas are given "
            "(min_coverage 0.75), i.e. not from one, two or three areas."
        )
    if r.scheme == "mipex-2015":
        note_lines.append("Overall WITH Health (mean of 8 areas); the series without Health is the "
                          "scheme mipex-2015-nohealth, never mixed with this one.")
    if r.scheme == "mipex-2015-nohealth":
        note_lines.append("Overall WITHOUT Health (mean of 7 areas); the series with Health is the "
                          "scheme mipex-2015, never mixed with this one.")
    lines = [
        "# Generated by scripts/build_reference_profiles.py from shared/data/mipex-published/.",
        "# Do not edit: change the script or the data and run it again.",
        f"scheme: {r.scheme}",
        f"country: {q(r.country)}",
        f"year: {r.year}",
        "status: final",
        "provenance: published",
        f"title: {q(f'{r.country} {r.year}, published MIPEX scores ({r.scheme})')}",
        f"source: {q(source)}",
        "notes: >-",
        *("  " + line for line in note_lines),
        "scores:",
        *(f"  {c}: {r.scores[c]}" for c in codes),
    ]
    return "\n".join(lines) + "\n"


def target(out: Path, r: Ref) -> Path:
    return out / r.scheme / r.country / f"{r.scheme}-{r.year}.yaml"


def write_atomic(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def build(data: Path, out: Path, *, check: bool = False) -> list[str]:
    """Write (or with ``check`` only compare) every profile; return the paths that changed."""
    refs = collect(data)
    wanted = {target(out, r): render(r) for r in refs.values()}
    changed: list[str] = []
    for path, text in sorted(wanted.items()):
        old = path.read_text(encoding="utf-8") if path.exists() else None
        if old != text:
            changed.append(str(path))
            if not check:
                write_atomic(path, text)
    if out.exists():
        for stale in sorted(out.rglob("*.yaml")):
            if stale not in wanted:
                changed.append(f"{stale} (removed)")
                if not check:
                    stale.unlink()
        if not check:
            for d in sorted((p for p in out.rglob("*") if p.is_dir()), reverse=True):
                if not any(d.iterdir()):
                    d.rmdir()
    return changed


def summary(refs: Iterable[Ref]) -> str:
    from collections import Counter

    c = Counter(r.scheme for r in refs)
    return ", ".join(f"{k}: {v}" for k, v in sorted(c.items()))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder of the CSV files")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder")
    ap.add_argument("--check", action="store_true", help="write nothing; exit 1 if out of date")
    a = ap.parse_args(argv)
    if not a.data.is_dir():
        print(f"build_reference_profiles: no data folder {a.data}", file=sys.stderr)
        return 2
    changed = build(a.data, a.out, check=a.check)
    print(f"{len(collect(a.data))} profiles ({summary(collect(a.data).values())}); "
          f"{len(changed)} {'would change' if a.check else 'changed'}")
    for c in changed:
        print("  " + c)
    return 1 if (a.check and changed) else 0


if __name__ == "__main__":
    raise SystemExit(main())
