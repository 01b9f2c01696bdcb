"""`indexer import`: a CSV/Excel/Parquet table of answers or published scores into profiles."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import click

from ..cli import QUIET_WARNINGS, InvalidInput, summary_line, warn
from ..guard import check_output
from ..model import PROVENANCES, STATUSES
from ..problems import has_errors, sort_problems


@click.command("import")
@click.argument("table", type=click.Path())
@click.option("--scheme", "scheme_ref", required=True, help="A scheme file or the id of one in indicators/.")
@click.option("--out-dir", required=True, type=click.Path(file_okay=False),
              help="Folder of the profiles, e.g. country_profiles/<scheme>.")
@click.option("--sheet", help="Excel: the sheet to read (default: the first).")
@click.option("--kind", type=click.Choice(["answers", "scores"]), default="answers", show_default=True,
              help="answers → `answers:`; scores → published scores in `scores:`.")
@click.option("--layout", type=click.Choice(["wide", "long", "auto"]), default="auto", show_default=True,
              help="wide: a row per country-year, a column per code; long: country,year,code,answer rows.")
@click.option("--status", type=click.Choice(STATUSES), help="Status of every profile (default: the table's "
              "status column, else draft).")
@click.option("--provenance", type=click.Choice(PROVENANCES), help="Provenance of every profile (default: "
              "the table's provenance column, else expert).")
@click.option("--year", type=int, help="Reference year of rows without one (or of a table without a year column).")
@click.option("--ignore", multiple=True, help="A column to skip (wide tables with extra columns); repeatable.")
@click.option("--meta", type=click.Path(dir_okay=False),
              help="A COINr iMeta table: its group and denominator columns are skipped, as indexer.coinr does.")
@click.option("--pattern", default="{country}-{year}.yaml", show_default=True,
              help="File name of each profile under --out-dir ({country}, {year}, {scheme}).")
@click.option("--force", is_flag=True, help="Overwrite profiles whose content differs.")
@click.option("--dry-run", is_flag=True, help="Check and report; write nothing.")
def command(table, scheme_ref, out_dir, sheet, kind, layout, status, provenance, year, ignore, meta, pattern,  # noqa: ANN001
            force, dry_run) -> None:
    """Import TABLE (CSV, Excel or Parquet) into one profile per country and year.

    Every cell is checked against the scheme first; on any error nothing is written and the
    problems are listed as TABLE:ROW:COLUMN. A profile file that exists with other content is
    never overwritten without --force; one with the same content is left as it is.
    """
    from ..load import Bundle
    from ..tables import import_table
    from ..validate import resolve_scheme

    if not Path(table).exists():
        raise click.BadParameter(f"no such file: {table}", param_hint="TABLE")
    if year is not None and not 1000 <= year <= 9999:
        raise click.BadParameter("must be a four-digit year", param_hint="--year")
    if not pattern.endswith((".yaml", ".yml")) or "{country}" not in pattern or "{year}" not in pattern:
        raise click.BadParameter("must name a .yaml file and contain {country} and {year}", param_hint="--pattern")
    try:
        sample = pattern.format(country="AA", year=2000, scheme="s")
    except (KeyError, IndexError, ValueError):
        raise click.BadParameter("use only {country}, {year} and {scheme}", param_hint="--pattern") from None
    if Path(sample).is_absolute() or ".." in Path(sample).parts:
        raise click.BadParameter("must name a file under --out-dir (no absolute path, no '..')", param_hint="--pattern")
    check_output(out_dir, "--out-dir", folder=True)
    if meta:
        ignore = (*ignore, *_coinr_extra_columns(meta))
    bundle = Bundle()
    sid = resolve_scheme(scheme_ref, bundle)
    if sid is None:
        raise click.BadParameter(f"no scheme {scheme_ref!r}: give a scheme file or the id of one in indicators/",
                                 param_hint="--scheme")
    if has_errors(bundle.problems) or sid not in bundle.schemes:
        raise InvalidInput(bundle.problems, summary_line(bundle.problems))
    scheme = bundle.schemes[sid]
    try:
        res = import_table(table, scheme, out_dir, sheet=sheet, kind=kind,
                           layout=None if layout == "auto" else layout, status=status, provenance=provenance,
                           year=year, ignore=ignore, pattern=pattern, force=force, dry_run=dry_run)
    except OSError as err:  # the output folder cannot be written
        raise click.ClickException(f"cannot write under {out_dir}: {err.strerror or err}") from None
    problems = sort_problems(res.problems)
    if not res.ok:
        raise InvalidInput(problems, summary_line(problems) + "; nothing written")
    # the blanks of imported drafts (missing-answer) and uncited answers (missing-source) are
    # expected of a table: counted per code in one line, not printed one by one (issue 18)
    quiet = QUIET_WARNINGS | {"missing-source"}
    for p in problems:
        if p.code not in quiet:
            click.echo(str(p), err=True)
    counted = Counter(p.code for p in problems if p.code in quiet)
    if counted:
        warn(", ".join(f"{n} {code}" for code, n in sorted(counted.items()))
             + " (expected of a table; `indexer validate` lists them)")
    elif problems:
        warn(summary_line(problems))
    n = len(res.profiles)
    changed = n - len(res.unchanged)
    verb = "would write" if dry_run else "wrote"
    click.echo(f"indexer: {verb} {changed} of {n} profile{'s' * (n != 1)} ({res.layout} {kind} table) to {out_dir}"
               + (f"; {len(res.unchanged)} unchanged" if res.unchanged else ""), err=True)


def _coinr_extra_columns(meta: str) -> list[str]:
    """The iData columns a COINr iMeta table declares as groups or denominators (not indicators
    nor aggregates): what ``indexer.coinr.import_idata`` skips, so the command infers the same."""
    import pandas as pd

    try:
        m = pd.read_csv(meta)
    except (OSError, ValueError) as err:
        raise click.BadParameter(f"cannot read {meta} as a CSV table: {err}", param_hint="--meta") from None
    if not {"iCode", "Type"} <= set(m.columns):
        raise click.BadParameter(f"{meta} is not a COINr iMeta table (it needs iCode and Type columns)",
                                 param_hint="--meta")
    from ..coinr import extra_columns

    return extra_columns(m)
