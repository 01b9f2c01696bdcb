"""`indexer report`: country profile PDFs (SPEC §5), one country or every country of a group."""

from __future__ import annotations

import sys
import time

import click

from ..cli import (
    COUNTRY,
    InvalidInput,
    countries_with_profiles,
    find_group,
    note_warnings,
    problem,
    select,
    warn,
    write_file,
    wrote,
)
from ..guard import check_output
from ..i18n import DEFAULT_LANGUAGE, LANGUAGES
from ..model import DEFAULT_STAT, STATS


@click.command("report")
@click.argument("scheme")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--country", type=COUNTRY, help="ISO alpha-2 code of the country to profile, e.g. KZ.")
@click.option("--all", "all_", is_flag=True, help="A profile for every country of --group (or of the data).")
@click.option("--group", help="With --all: only the members of this group (also the default baseline).")
@click.option("--baseline", "baseline", help="A group defined in a groups file among PATHS, e.g. EU27.")
@click.option("--stat", type=click.Choice(list(STATS)), default=DEFAULT_STAT, show_default=True,
              help="The baseline statistic.")
@click.option("--year", type=int, help="Reference year (default: the country's latest profile); each "
              "country and member uses its profile for that year or its latest earlier one.")
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="The PDF to write (with --country).")
@click.option("--output-dir", type=click.Path(file_okay=False), help="Folder for the PDFs (with --all), "
              "named CC-SCHEME-YEAR.pdf.")
@click.option("--runs", type=click.IntRange(0, 1_000_000), default=2000, show_default=True,
              help="Monte Carlo runs for the rank's robustness band (0: leave out the robustness and "
              "policy-transfer sections).")
@click.option("--coding", "coding", multiple=True, metavar="ID",
              help="With --country: prefer this coding where a country-year has several (repeat for an order).")
@click.option("--lang", "lang", type=click.Choice(LANGUAGES), default=DEFAULT_LANGUAGE, show_default=True,
              help="The language of the profile: its words, the scheme's texts (from its translation file, "
                   "e.g. indicators/mipex-core.ru.yaml; English where none), country names and numbers.")
@click.option("--workers", type=click.IntRange(1, 64), default=2, show_default=True,
              help="Processes rendering PDFs in parallel (with --all).")
def command(scheme, paths, country, all_, group, baseline, stat, year, output, output_dir, runs, coding,  # noqa: ANN001
            lang, workers) -> None:
    """A country profile PDF: scores, baseline, ranks, gaps, changes and every answer with its source."""
    if all_ == bool(country):
        raise click.UsageError("give --country CC (one profile) or --all (every country), not both")
    if country:
        if not output:
            raise click.UsageError("--country needs --output FILE.pdf")
        if output_dir:
            raise click.UsageError("--output-dir goes with --all; use --output FILE.pdf with --country")
        if group:
            raise click.UsageError("--group goes with --all; for the baseline use --baseline")
        check_output(output)
    else:
        if not output_dir:
            raise click.UsageError("--all needs --output-dir DIR")
        if output:
            raise click.UsageError("--output goes with --country; use --output-dir DIR with --all")
        check_output(output_dir, "--output-dir", folder=True)

    from ..report import ReportError
    from ..robustness import TooManyRuns

    sel = select(scheme, paths, groups=True)
    note_warnings(sel)
    base = find_group(sel, baseline)
    members = find_group(sel, group)
    if base is None and members is not None:
        base = members
    have = {p.country for p in sel.profiles}
    try:
        if country:
            from ..report import profile_pdf

            if country not in have:
                raise InvalidInput([problem("no-profile", f"{country} has no profile of {sel.scheme.id} among "
                                                          f"{', '.join(paths)} ({countries_with_profiles(sel)})")])
            pdf = profile_pdf(sel.scheme, sel.profiles, country, group=base, stat=stat, year=year, runs=runs,
                              coding=coding, lang=lang)
            write_file(pdf, output)
            wrote(output, f"the {sel.scheme.id} profile of {country} ({len(pdf) // 1024} KB PDF)")
            return
        _report_all(sel, members, base, stat, year, output_dir, workers, runs, lang)
    except ReportError as err:
        raise InvalidInput([problem("cannot-report", str(err))]) from None
    except TooManyRuns as err:
        raise click.BadParameter(str(err), param_hint="--runs") from None


def _report_all(sel, members, base, stat, year, output_dir, workers, runs, lang) -> None:  # noqa: ANN001
    from ..compare import Scored
    from ..report import analyses, report_all

    scored = Scored.of(sel.scheme, sel.profiles)
    if members is not None:
        countries = [m for m in members.members if scored.row_for(m, year) is not None]
        left = [m for m in members.members if m not in countries]
        if left:
            when = f" up to {year}" if year else ""
            warn(f"no profile{when} of {sel.scheme.id} for {len(left)} member(s) of {members.name}: {', '.join(left)}")
    else:
        countries = sorted(c for c in scored.rows if scored.row_for(c, year) is not None)
    if not countries:
        where = f"of {members.name} " if members is not None else ""
        when = f" up to {year}" if year else ""
        raise InvalidInput([problem("no-profile", f"no country {where}has a profile of {sel.scheme.id}{when}")])

    def extras(c: str) -> dict:
        return analyses(sel.scheme, scored, c, group=base, stat=stat, year=year, runs=runs, lang=lang)

    t0 = time.perf_counter()
    if sys.stderr.isatty():
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
        )

        with Progress(TextColumn("[bold]report[/]"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.description}"),
                      TimeElapsedColumn(), console=Console(stderr=True), transient=True) as bar:
            task = bar.add_task("preparing", total=len(countries))

            def step(c: str, path: str) -> None:
                bar.update(task, advance=1, description=c)

            paths = report_all(sel.scheme, scored, countries, output_dir, group=base, stat=stat, year=year,
                               workers=workers, progress=step, extras=extras, lang=lang)
    else:
        paths = report_all(sel.scheme, scored, countries, output_dir, group=base, stat=stat, year=year,
                           workers=workers, extras=extras, lang=lang)
    click.echo(f"indexer: wrote {len(paths)} profile{'s' * (len(paths) != 1)} to {output_dir} "
               f"in {time.perf_counter() - t0:.1f} s", err=True)
