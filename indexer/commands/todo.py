"""`indexer todo`: a country's coding to-do list -- the open indicators that decide its scores."""

from __future__ import annotations

import json

import click

from ..cli import (
    COUNTRY,
    InvalidInput,
    bounds_text,
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


def todo_text(res, top: int = 0) -> str:  # noqa: ANN001 - a Todo
    s = res.scheme
    g = res.group
    head = [f"{s.title} ({s.id} {s.version}): coding to-do list of {res.country} ({res.year})"]
    if g is not None:
        head.append(f"Verdicts against the {res.stat} of {g.name} ({g.title}).")
    out = "\n".join(head) + "\n\n"
    n = res.nodes
    cols = ["code", "level", "score", "coverage", "bounds", "open"]
    if g is not None:
        cols += [f"{g.name} bounds", "verdict", "to settle", "answer first"]
    rows = []
    for r in n.itertuples(index=False):
        row = ["  " * int(r.depth) + r.code, r.level, fmt_num(r.score),
               "–" if r.coverage != r.coverage else f"{r.coverage * 100:.0f}%",
               bounds_text(r.lower, r.upper) or fmt_num(r.lower), str(r.open_n)]
        if g is not None:
            settle = "" if r.verdict != "undetermined" else (
                f"{r.to_settle} → {r.settles_as}" if r.settles_as else "not by these answers alone")
            row += [bounds_text(r.baseline_lower, r.baseline_upper) or fmt_num(r.baseline_lower), r.verdict or "–",
                    settle, r.first]
        rows.append(row)
    out += text_table(cols, rows, right={2, 3, 5})
    o = res.open if not top else res.open.head(top)
    if len(res.open):
        out += (f"\nOpen indicators, answer these first ({len(res.open)}; by how far each can still move the overall "
                "score: share × option range, in overall points):\n")
        out += text_table(["#", "code", "area", "range", "share", "swing", "decides"],
                          [[str(r.order), r.code, r.area, f"{fmt_num(r.lowest, 0)}–{fmt_num(r.highest, 0)}",
                            f"{r.share * 100:.1f}%", fmt_num(r.swing, 2), r.decides or "–"]
                           for r in o.itertuples(index=False)], right={0, 3, 4, 5})
    else:
        out += f"\n{res.country} {res.year} has no open question: every score is final.\n"
    if res.reread:
        out += (f"\nAnswered before their question was revised ({len(res.reread)}; re-read each against the question "
                f"and help as they are now, then set scheme_version: \"{s.version}\"): "
                + ", ".join(f"{x.code} ({x.revised})" for x in res.reread) + "\n")
    notes = ["Bounds: what a score can still become once every open question is answered (SPEC §3.1)."]
    if g is not None:
        notes.append("To settle: the least number of answers, taken in the order of 'answer first', that decides "
                     "the verdict if they all turn out the favourable way for it (the baseline held as it is).")
    if res.profile.is_illustrative:
        notes.append(illustrative_note(res.country))
    return out + "\n" + "\n".join(notes) + "\n"


@click.command("todo")
@click.argument("scheme")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--country", required=True, type=COUNTRY, help="ISO alpha-2 code of the country.")
@click.option("--baseline", "group", help="A group defined in a groups file among PATHS, e.g. EU27 (gives verdicts).")
@click.option("--stat", type=click.Choice(["mean", "median", "min", "max"]), default="mean", show_default=True)
@click.option("--year", type=int, help="Reference year (default: the country's latest profile).")
@click.option("--top", type=int, default=0, help="List only the N first open questions.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True,
              help="csv: the open questions, one row each; json: verdicts per node and the open questions.")
@click.option("--output", "-o", type=click.Path(dir_okay=False))
def command(scheme, paths, country, group, stat, year, top, fmt, output) -> None:  # noqa: ANN001
    """A country's coding to-do list: bounds and verdicts per node, and the open questions that decide them."""
    from ..todo import TodoError, todo

    sel = select(scheme, paths, groups=bool(group))
    note_warnings(sel)
    grp = find_group(sel, group)
    try:
        res = todo(sel.scheme, sel.profiles, country, group=grp, stat=stat, year=year)
    except TodoError as err:
        raise InvalidInput([problem("cannot-compare", str(err))]) from None
    o = res.open if not top else res.open.head(top)
    if fmt == "table":
        text = todo_text(res, top)
    elif fmt == "csv":
        text = o.to_csv(index=False, lineterminator="\n")
    else:
        meta = {"scheme": res.scheme.id, "version": res.scheme.version, "country": res.country, "year": res.year,
                "baseline": None if grp is None else {"group": grp.name, "stat": stat},
                "illustrative": res.profile.is_illustrative}
        text = json.dumps({**meta, "nodes": json.loads(records_json(res.nodes)), "open": json.loads(records_json(o)),
                           "reread": [{"code": x.code, "revised": x.revised} for x in res.reread]},
                          ensure_ascii=False, indent=1) + "\n"
    write_output(text, output)
