"""Synthetic schemes and profiles for the benchmarks, in the public formats of SPEC §1–2 only.

Everything is deterministic for a given seed. Profiles use real ISO 3166-1 alpha-2 codes,
cycling through them and then through years, so any number of distinct (country, year) profiles
can be made; every generated profile says ``provenance: illustrative``. Generated data lives only
in temporary folders and is never committed.

    python -m benchmarks.generate OUT_DIR --profiles 2000 --indicators 192 --seed 1
"""

from __future__ import annotations

import argparse
import json
import random
from dataclasses import dataclass
from pathlib import Path

#: ISO 3166-1 alpha-2 codes of real countries (a fixed list, so the data never depends on the
#: installed pycountry). Cycled through, then the year moves on.
ISO_CODES = (
    "AD AE AF AG AL AM AO AR AT AU AZ BA BB BD BE BF BG BH BI BJ BN BO BR BS BT BW BY BZ CA CD "
    "CF CG CH CI CL CM CN CO CR CU CV CY CZ DE DJ DK DM DO DZ EC EE EG ER ES ET FI FJ FM FR GA "
    "GB GD GE GH GM GN GQ GR GT GW GY HN HR HT HU ID IE IL IN IQ IR IS IT JM JO JP KE KG KH KI "
    "KM KN KP KR KW KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MG MH MK ML MM MN MR MT MU "
    "MV MW MX MY MZ NA NE NG NI NL NO NP NR NZ OM PA PE PG PH PK PL PT PW PY QA RO RS RU RW SA "
    "SB SC SD SE SG SI SK SL SM SN SO SR SS ST SV SY SZ TD TG TH TJ TL TM TN TO TR TT TV TZ UA "
    "UG US UY UZ VC VE VN VU WS YE ZA ZM ZW"
).split()

FIRST_YEAR = 2000

#: option sets for generated option leaves: (value, label, score); values exercise the SPEC's
#: typing rules (letters, `yes`/`no` that must stay strings, plain numbers as values)
OPTION_SETS = (
    (("a", "Equal treatment", 100), ("b", "With restrictions", 50), ("c", "No access", 0)),
    (("yes", "Yes", 100), ("no", "No", 0)),
    (("a", "Automatic", 100), ("b", "Discretionary, short", 67), ("c", "Discretionary, long", 33),
     ("d", "Not possible", 0)),
    (("1", "One year or less", 100), ("3", "Up to three years", 50), ("5", "Five years or more", 0)),
)


@dataclass(frozen=True)
class Leaf:
    code: str
    options: tuple[tuple[str, str, int], ...] | None  # None: numeric
    lo: float = 0.0
    hi: float = 10.0
    best: str = "low"


@dataclass(frozen=True)
class SchemeSpec:
    """What :func:`scheme_yaml` wrote: enough to generate answers."""

    id: str
    leaves: tuple[Leaf, ...]
    text: str


def _q(s: str) -> str:
    """A YAML double-quoted scalar (JSON's string syntax is valid YAML)."""
    return json.dumps(s, ensure_ascii=False)


def scheme_yaml(n_indicators: int, *, seed: int = 1, areas: int = 8, dims_per_area: int = 3,
                numeric_share: float = 0.2, scheme_id: str = "bench") -> SchemeSpec:
    """A scheme with ``n_indicators`` leaves under areas and dimensions (mixed depth).

    Each area has ``dims_per_area`` dimensions; every area's last indicator hangs directly
    under the area (depth 2), the others under a dimension (depth 3). About ``numeric_share``
    of the leaves are numeric (goalposts), the rest have 2–4 options. Some nodes have weight 2,
    one area aggregates by median.
    """
    rng = random.Random(seed)
    areas = max(1, min(areas, n_indicators))
    per_area = [n_indicators // areas + (1 if a < n_indicators % areas else 0) for a in range(areas)]
    lines = [
        "# Synthetic scheme for benchmarks (generated; not a real index).",
        f"id: {scheme_id}",
        "title: Synthetic benchmark index",
        'version: "1.0"',
        "source: indexer benchmarks, generated",
        "scale: [0, 100]",
        "levels: [area, dimension, indicator]",
        "aggregation: mean",
        "missing: skip",
        "bands:",
        "  - {min: 80, label: Favourable}",
        "  - {min: 60, label: Slightly favourable}",
        "  - {min: 41, label: Halfway favourable}",
        "  - {min: 21, label: Slightly unfavourable}",
        "  - {min: 1, label: Unfavourable}",
        "  - {min: 0, label: Critically unfavourable}",
        "children:",
    ]
    leaves: list[Leaf] = []

    def leaf(code: str, indent: str) -> None:
        out = [f"{indent}- code: {code}", f"{indent}  title: Indicator {code}",
               f"{indent}  question: {_q(f'What does the law say about matter {code}?')}"]
        if rng.random() < numeric_share:
            lo = float(rng.choice((0, 1, 3)))
            hi = lo + float(rng.choice((5, 10, 12, 15)))
            best = rng.choice(("low", "high"))
            out.append(f"{indent}  numeric: {{min: {lo:g}, max: {hi:g}, best: {best}, unit: years}}")
            leaves.append(Leaf(code, None, lo, hi, best))
        else:
            opts = OPTION_SETS[rng.randrange(len(OPTION_SETS))]
            out.append(f"{indent}  options:")
            for value, label, score in opts:
                shown = _q(value) if value in ("yes", "no") else value
                out.append(f"{indent}    - {{value: {shown}, label: {_q(label)}, score: {score}}}")
            leaves.append(Leaf(code, opts))
        lines.extend(out)

    for a in range(areas):
        acode = f"A{a + 1}"
        lines += [f"  - code: {acode}", f"    title: Policy area {a + 1}"]
        if a == 1:
            lines.append("    aggregation: median")
        lines.append("    children:")
        n = per_area[a]
        n_dims = max(1, min(dims_per_area, n - 1)) if n > 1 else 0
        under_dims = n - 1 if n > 1 else 0
        per_dim = [under_dims // n_dims + (1 if d < under_dims % n_dims else 0) for d in range(n_dims)] if n_dims else []
        k = 0
        for d, m in enumerate(per_dim):
            dcode = f"{acode}.D{d + 1}"
            lines += [f"      - code: {dcode}", f"        title: Dimension {d + 1} of area {a + 1}"]
            if rng.random() < 0.2:
                lines.append("        weight: 2")
            lines.append("        children:")
            for _ in range(m):
                k += 1
                leaf(f"{dcode}.{k}", "          ")
        k += 1
        leaf(f"{acode}.{k}", "      ")  # mixed depth: straight under the area
    return SchemeSpec(scheme_id, tuple(leaves), "\n".join(lines) + "\n")


def country_years(n_profiles: int) -> list[tuple[str, int]]:
    """``n_profiles`` distinct (country, year) pairs: real ISO codes cycling, then years."""
    k = len(ISO_CODES)
    return [(ISO_CODES[i % k], FIRST_YEAR + i // k) for i in range(n_profiles)]


def profile_yaml(spec: SchemeSpec, country: str, year: int, rng: random.Random, *,
                 long_share: float = 0.25, na_share: float = 0.03, blank_share: float = 0.0,
                 status: str = "final") -> str:
    """One profile: every leaf answered (short form, or long form with a source and note),
    a few ``n/a``; ``blank_share`` leaves blank (not answered yet: a warning unless final)."""
    lines = [
        f"# Synthetic profile for benchmarks (generated): {country} {year}.",
        f"scheme: {spec.id}",
        f"country: {country}",
        f"year: {year}",
        f"status: {status}",
        "provenance: illustrative",
        "coder: benchmarks.generate",
        "answers:",
    ]
    for lf in spec.leaves:
        r = rng.random()
        if r < blank_share:
            lines.append(f"  {lf.code}:")
            continue
        if r < blank_share + na_share:
            value = "n/a"
        elif lf.options is None:
            x = rng.uniform(lf.lo - 1, lf.hi + 1)
            value = str(int(x)) if rng.random() < 0.7 else f"{x:.1f}"
        else:
            value = rng.choice(lf.options)[0]  # plain, as people write it (`no` stays a string)
        if rng.random() < long_share:
            art = rng.randrange(1, 300)
            lines.append(f"  {lf.code}: {{answer: {value}, source: {_q(f'Law No. {rng.randrange(10, 999)}-IV, art. {art}')}, "
                         f"note: {_q('Checked against the consolidated text; see the amendment of ' + str(year - 1) + '.')}}}")
        else:
            lines.append(f"  {lf.code}: {value}")
    return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class Dataset:
    root: Path
    scheme_path: Path
    profiles_dir: Path
    n_profiles: int
    n_indicators: int
    bytes: int


def write_dataset(root: str | Path, n_profiles: int, n_indicators: int, *, seed: int = 1,
                  **profile_options) -> Dataset:
    """Write ``root/scheme.yaml`` and ``root/profiles/<CC>/bench-<year>.yaml``."""
    root = Path(root)
    spec = scheme_yaml(n_indicators, seed=seed)
    root.mkdir(parents=True, exist_ok=True)
    scheme_path = root / "scheme.yaml"
    scheme_path.write_text(spec.text, encoding="utf-8")
    total = len(spec.text.encode())
    pdir = root / "profiles"
    rng = random.Random(seed * 1_000_003 + n_profiles)
    made: set[str] = set()
    for country, year in country_years(n_profiles):
        d = pdir / country
        if country not in made:
            d.mkdir(parents=True, exist_ok=True)
            made.add(country)
        text = profile_yaml(spec, country, year, rng, **profile_options)
        blob = text.encode()
        (d / f"{spec.id}-{year}.yaml").write_bytes(blob)
        total += len(blob)
    return Dataset(root, scheme_path, pdir, n_profiles, n_indicators, total)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.generate", description=__doc__.splitlines()[0])
    ap.add_argument("out", help="folder to write (scheme.yaml and profiles/)")
    ap.add_argument("--profiles", type=int, default=2000)
    ap.add_argument("--indicators", type=int, default=192)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--blank-share", type=float, default=0.0)
    ap.add_argument("--status", default="final", choices=("draft", "review", "final"))
    a = ap.parse_args(argv)
    ds = write_dataset(a.out, a.profiles, a.indicators, seed=a.seed, blank_share=a.blank_share, status=a.status)
    print(f"wrote {ds.n_profiles} profiles × {ds.n_indicators} indicators ({ds.bytes / 1e6:.1f} MB) to {ds.root}")


if __name__ == "__main__":
    main()
