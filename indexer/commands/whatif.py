"""`indexer whatif`: apply a reform (answer changes) to a country and show what moves."""

from __future__ import annotations

import json
import math

import click

from ..cli import (
    COUNTRY,
    InvalidInput,
    check_country,
    find_group,
    fmt_num,
    illustrative_note,
    note_warnings,
    problem,
    records_json,
    select,
    text_table,
    write_output,
)
from ..guard import csv_text


def _rank(v: float) -> str:
    return "–" if v is None or (isinstance(v, float) and math.isnan(v)) else str(int(v))


def whatif_text(res, show_all: bool = False) -> str:  # noqa: ANN001 - a WhatIf
    s = res.scheme
    head = [f"{s.title} ({s.id} {s.version}): what if {res.country} ({res.before_profile.year}) changed "
            f"{len(res.changes)} provision{'s' * (len(res.changes) != 1)}"]
    if res.group is not None:
        head.append(f"Ranks among {res.group.name} ({res.group.title}): {len(res.members_used)} members with a profile "
                    f"up to {res.year}{'' if res.country in res.group.members else f', plus {res.country}'}.")
    out = "\n".join(head) + "\n\nChanges:\n"
    out += text_table(["code", "from", "to", "score before", "score after", "source"],
                      [[c.code, c.before if c.before is not None else "(blank)", c.after if c.after is not None else "(blank)",
                        fmt_num(c.before_score), fmt_num(c.after_score), str(c.source)] for c in res.changes], right={3, 4})
    t = res.table if show_all else res.moved
    title = "Every node" if show_all else "What moved (--all for every node)"
    headers = ["code", "level", "before", "after", "delta"]
    if res.group is not None:
        headers += ["rank before", "rank after"]
    rows = []
    for r in t.itertuples(index=False):
        row = ["  " * int(r.depth) + r.code, r.level, fmt_num(r.before), fmt_num(r.after), _delta(r.delta)]
        if res.group is not None:
            n = "" if r.rank_n is None or r.rank_n is _NA else f"/{r.rank_n}"
            row += [_rank(r.rank_before) + n, _rank(r.rank_after) + n]
        rows.append(row)
    out += f"\n{title}:\n" + text_table(headers, rows, right=set(range(2, len(headers))))
    notes = ["Scores rounded to 1 decimal for display; – = no score."]
    notes += [str(n) for n in res.notes]
    if res.illustrative:
        notes.append(illustrative_note(res.country))
    return out + "\n" + "\n".join(notes) + "\n"


def _delta(v: float) -> str:
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return "–"
    return f"{v:+.1f}"


@click.command("whatif")
@click.argument("scheme")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--country", required=True, type=COUNTRY, help="ISO alpha-2 code of the reforming country.")
@click.option("--set", "sets", multiple=True, metavar="CODE=ANSWER",
              help="A new answer for an indicator (n/a, or nothing for a blank); repeatable.")
@click.option("--adopt", "adopts", multiple=True, metavar="CC:CODE",
              help="Adopt country CC's answers under node CODE (e.g. SE:LMM); repeatable.")
@click.option("--group", "--baseline", "group", help="Show ranks among this group's members.")
@click.option("--year", type=int, help="Reference year (default: the country's latest profile).")
@click.option("--all", "show_all", is_flag=True, help="Table: every node, not only those that moved.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False))
def command(scheme, paths, country, sets, adopts, group, year, show_all, fmt, output) -> None:  # noqa: ANN001
    """Recompute every score and rank of --country after a reform (--set and/or --adopt)."""
    from ..compare import Scored
    from ..whatif import Reform, WhatIfError, parse_adopt, parse_set, what_if

    if not sets and not adopts:
        raise click.UsageError("name a reform: --set CODE=ANSWER and/or --adopt CC:CODE")
    for a in adopts:
        if ":" in a:
            check_country(a.split(":", 1)[0].strip(), "--adopt")
    sel = select(scheme, paths, groups=bool(group))
    note_warnings(sel)
    grp = find_group(sel, group)
    try:
        reform = Reform()
        if adopts:
            reform = reform + parse_adopt(sel.scheme, Scored.of(sel.scheme, sel.profiles), adopts, year=year)
        if sets:
            reform = reform + parse_set(sets)
        res = what_if(sel.scheme, sel.profiles, country, reform, group=grp, year=year)
    except WhatIfError as err:
        raise InvalidInput([problem(code, msg) for code, msg in err.problems]) from None
    if fmt == "table":
        text = whatif_text(res, show_all)
    elif fmt == "csv":
        text = csv_text(res.csv_frame())
    else:
        meta = {
            "scheme": res.scheme.id, "version": res.scheme.version, "country": res.country,
            "year": res.before_profile.year, "group": None if grp is None else grp.name,
            "illustrative": res.illustrative, "dropped_given": list(res.dropped_given), "notes": [str(n) for n in res.notes],
            "changes": [{**c.__dict__, "source": str(c.source)} for c in res.changes],
        }
        text = json.dumps({**meta, "rows": json.loads(records_json(res.table))}, ensure_ascii=False, indent=1) + "\n"
    write_output(text, output)


try:  # pandas' missing marker, for the text of Int64 cells
    from pandas import NA as _NA
except ImportError:  # pragma: no cover
    _NA = None

