"""`indexer export`: scores, answers with sources, given scores or a comparison as CSV/Excel/Parquet."""

from __future__ import annotations

from pathlib import Path

import click

from ..cli import COUNTRY, InvalidInput, find_group, note_warnings, select, warn, write_file, wrote
from ..guard import check_output
from ..model import DEFAULT_STAT, STATS
from ..problems import Problem


@click.command("export")
@click.argument("scheme")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--what", type=click.Choice(["scores", "answers", "given", "compare"]), default="scores",
              show_default=True, help="scores: every node of every profile; answers: every leaf with its "
              "answer and source; given: published scores from `scores:`; compare: a comparison.")
@click.option("--format", "fmt", type=click.Choice(["csv", "xlsx", "parquet"]),
              help="Default: from the --output suffix, else csv.")
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="The file to write (atomically); "
              "csv may go to stdout.")
@click.option("--country", "countries", multiple=True, type=COUNTRY, help="compare: a country to compare (default: all).")
@click.option("--baseline", "group", help="compare: a group among PATHS, e.g. EU27.")
@click.option("--stat", type=click.Choice(list(STATS)), default=DEFAULT_STAT, show_default=True)
@click.option("--year", type=int, help="compare: the reference year (default: the latest).")
@click.option("--raw", is_flag=True, help="csv: write text cells as they are, for programs. By default a cell "
              "beginning with = + - @ or a tab gets a leading ' so that no spreadsheet runs it as a formula "
              "(`indexer import` removes it again).")
def command(scheme, paths, what, fmt, output, countries, group, stat, year, raw) -> None:  # noqa: ANN001
    """Export SCHEME's profiles under PATHS as a tidy table (with the scheme's id and version)."""
    from ..export import (
        about_rows,
        answers_frame,
        compare_frame,
        given_frame,
        scores_frame,
        table_bytes,
    )

    if fmt is None:
        suffix = Path(output).suffix.lower().lstrip(".") if output else ""
        fmt = {"xlsx": "xlsx", "parquet": "parquet", "pq": "parquet"}.get(suffix, "csv")
    if fmt != "csv" and not output:
        raise click.UsageError(f"--format {fmt} needs --output FILE")
    check_output(output)
    if what != "compare" and (countries or group or year is not None):
        raise click.UsageError("--country, --baseline and --year apply to --what compare only")
    sel = select(scheme, paths)
    note_warnings(sel)
    s = sel.scheme
    if not sel.profiles:
        warn(f"no profile of scheme {s.id!r} under {', '.join(paths)}")
    if what == "scores":
        df = scores_frame(s, sel.profiles)
    elif what == "answers":
        df = answers_frame(s, sel.profiles)
    elif what == "given":
        df = given_frame(s, sel.profiles)
    else:
        from ..compare import CompareError

        grp = None
        if group:
            grp = find_group(sel, group)
        chosen = list(countries) or sorted({p.country for p in sel.profiles})
        if not chosen:
            raise InvalidInput([Problem("<command line>", 0, 0, "error", "cannot-compare",
                                        f"no profile of {s.id} to compare")])
        try:
            df = compare_frame(s, sel.profiles, chosen, group=grp, stat=stat, year=year)
        except CompareError as err:
            raise InvalidInput([Problem("<command line>", 0, 0, "error", "cannot-compare", str(err))]) from None
    blob = table_bytes(df, fmt, scheme=s, what=what, about=about_rows(s, what, df, sel.profiles), raw=raw)
    if output:
        write_file(blob, output)
        wrote(output, f"{len(df)} row{'s' * (len(df) != 1)} of {what} ({fmt}, {s.id})")
    else:
        click.echo(blob.decode("utf-8"), nl=False)
