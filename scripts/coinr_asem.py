"""Build the COINr ASEM example as indexer data: two schemes and (optionally) 51 profiles each.

    .venv/bin/python scripts/coinr_asem.py                       # writes indicators/asem-coinr*.yaml
    .venv/bin/python scripts/coinr_asem.py --profiles country_profiles/asem-coinr

Schemes (from ASEM_iMeta.csv; numeric leaves normalised across countries, best from Direction):
- ``asem-coinr``: min-max to [0, 100], weighted arithmetic means (COINr's coinr_minmax_amean.csv);
- ``asem-coinr-geo``: min-max to [1, 100], weighted geometric means (coinr_minmax1_gmean.csv).
Profiles come from ASEM_iData.csv through the ordinary table importer (``indexer import``).
The data live in the shared reference folder (../shared/data/coinr-asem); see its README.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from indexer.coinr import import_idata, scheme_from_imeta  # noqa: E402
from indexer.fileio import atomic_write  # noqa: E402
from indexer.load import load_file  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "coinr-asem"
SOURCE = ("COINr 1.1.14 example data set ASEM (Asia-Europe Sustainable Connectivity, EU JRC); "
          "Becker et al. (2022), COINr: an R package for developing composite indicators, JOSS 7(78), 4567")

#: scheme id -> (title, range, aggregation, COINr results file)
VARIANTS = {
    "asem-coinr": ("ASEM Sustainable Connectivity (COINr example): min-max [0, 100], weighted arithmetic means",
                   (0.0, 100.0), "mean", "coinr_minmax_amean.csv"),
    "asem-coinr-geo": ("ASEM Sustainable Connectivity (COINr example): min-max [1, 100], weighted geometric means",
                       (1.0, 100.0), "geometric", "coinr_minmax1_gmean.csv"),
}


def scheme_text(sid: str, data: Path = DATA) -> str:
    title, rng, agg, results = VARIANTS[sid]
    return scheme_from_imeta(
        data / "ASEM_iMeta.csv", id=sid, title=title, version="coinr-1.1.14", range=rng, aggregation=agg,
        description=("49 indicators of 51 Asian and European countries (2018), normalised across the countries "
                     f"of the year as COINr does; reproduces COINr's {results}."),
        source=SOURCE)


@click.command()
@click.option("--data", type=click.Path(file_okay=False, path_type=Path), default=DATA, show_default=True)
@click.option("--schemes", "scheme_dir", type=click.Path(file_okay=False, path_type=Path),
              default=ROOT / "indicators", show_default=True)
@click.option("--profiles", type=click.Path(file_okay=False, path_type=Path),
              help="Also import ASEM_iData.csv into <this>/<scheme id>/.")
@click.option("--force", is_flag=True)
def main(data: Path, scheme_dir: Path, profiles: Path | None, force: bool) -> None:
    for sid in VARIANTS:
        path = scheme_dir / f"{sid}.yaml"
        atomic_write(path, scheme_text(sid, data))
        b = load_file(path)
        if b.problems or sid not in b.schemes:
            raise SystemExit("\n".join(map(str, b.problems)) or f"{path}: not a scheme")
        click.echo(f"wrote {path}")
        if profiles is not None:
            res = import_idata(data / "ASEM_iData.csv", data / "ASEM_iMeta.csv", b.schemes[sid],
                               profiles / sid, force=force)
            errors = [p for p in res.problems if p.severity == "error"]
            if errors:
                raise SystemExit("\n".join(map(str, errors)))
            click.echo(f"wrote {len(res.written)} profiles to {profiles / sid} ({len(res.unchanged)} unchanged)")


if __name__ == "__main__":
    main()
