"""`indexer agree`: how far two codings of one country and year agree (inter-coder reliability)."""

from __future__ import annotations

import json

import click

from ..cli import (
    COUNTRY,
    InvalidInput,
    fmt_num,
    illustrative_note,
    note_warnings,
    problem,
    records_json,
    select,
    text_table,
    write_output,
)


def agree_text(res) -> str:  # noqa: ANN001 - an Agreement
    s = res.scheme
    l1, l2 = res.labels
    out = (f"{s.title} ({s.id} {s.version}): two codings of {res.country} {res.year}\n"
           f"1 = {l1} ({res.first.path})\n2 = {l2} ({res.second.path})\n\n")
    rows = []
    for r in res.nodes.itertuples(index=False):
        rows.append(["  " * int(r.depth) + r.code, r.level, str(r.questions), str(r.both), str(r.same),
                     "–" if r.agreement != r.agreement else f"{r.agreement * 100:.0f}%", fmt_num(r.kappa, 2),
                     fmt_num(r.mean_abs_diff), fmt_num(r.score_1), fmt_num(r.score_2),
                     "–" if r.diff != r.diff else f"{r.diff:+.1f}"])
    out += text_table(["code", "level", "questions", "both", "same", "agreement", "kappa", "mean |Δ|", "score 1",
                       "score 2", "2 − 1"], rows, right=set(range(2, 11)))
    median, n_areas = res.median_area_diff
    notes = ["questions: applicable questions under the node; both: answered by both codings; same: the same "
             "answer; agreement = same / both; kappa: Cohen's linearly weighted kappa on the answers' scores "
             "(1 = perfect, 0 = chance); mean |Δ|: mean |score 1 − score 2| of the questions both scored, in points."]
    if n_areas:
        notes.append(f"Median |score 2 − score 1| over the {n_areas} {s.level_name(1)}s scored by both: "
                     f"{median:.1f} points.")
    differ = res.differing
    if len(differ):
        notes.append("Answered differently: " + ", ".join(f"{r.code} {r.answer_1}/{r.answer_2}"
                                                           for r in differ.itertuples(index=False)) + ".")
    ill = [lab for p, lab in zip((res.first, res.second), res.labels, strict=True) if p.is_illustrative]
    if ill:
        notes.append(illustrative_note(f"{res.country} ({', '.join(ill)})"))
    return out + "\n" + "\n".join(notes) + "\n"


@click.command("agree")
@click.argument("scheme")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--country", required=True, type=COUNTRY, help="ISO alpha-2 code of the country.")
@click.option("--year", type=int, help="The year (default: the latest year with two codings that answer).")
@click.option("--coding", "codings", multiple=True,
              help="The two codings to set side by side (give it twice: 1, then 2); default: the first two "
                   "codings with answers in the order of preference.")
@click.option("--depth", type=int, default=1, show_default=True, help="Down to this level (1: areas).")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True,
              help="csv: one row per node; json: nodes and questions.")
@click.option("--output", "-o", type=click.Path(dir_okay=False))
def command(scheme, paths, country, year, codings, depth, fmt, output) -> None:  # noqa: ANN001
    """How far two codings of one country and year agree: per area, the share of questions answered
    alike, weighted kappa, mean score difference, and each coding's score."""
    from ..agree import AgreeError, agree

    sel = select(scheme, paths)
    note_warnings(sel)
    try:
        res = agree(sel.scheme, sel.profiles, country, year=year, codings=codings, depth=max(depth, 1))
    except AgreeError as err:
        raise InvalidInput([problem("cannot-compare", str(err))]) from None
    if fmt == "table":
        text = agree_text(res)
    elif fmt == "csv":
        text = res.nodes.to_csv(index=False, lineterminator="\n")
    else:
        meta = {"scheme": res.scheme.id, "version": res.scheme.version, "country": res.country, "year": res.year,
                "coding_1": res.first.coding, "coding_2": res.second.coding,
                "illustrative": [p.coding for p in (res.first, res.second) if p.is_illustrative]}
        text = json.dumps({**meta, "nodes": json.loads(records_json(res.nodes)),
                           "questions": json.loads(records_json(res.questions))}, ensure_ascii=False, indent=1) + "\n"
    write_output(text, output)
