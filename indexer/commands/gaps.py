"""`indexer gaps`: the provisions that separate a country from a baseline, and the smallest set
of answer changes that lifts its overall score to a target, with model countries."""

from __future__ import annotations

import json

import click

from ..cli import (
    COUNTRY,
    InvalidInput,
    check_country,
    find_group,
    fmt_num,
    note_warnings,
    problem,
    records_json,
    select,
    text_table,
    write_output,
)
from ..guard import FiniteFloatRange, csv_text
from ..model import DEFAULT_STAT, STATS


def gaps_text(res, top: int = 0) -> str:  # noqa: ANN001 - a Transfer
    s = res.scheme
    head = [f"{s.title} ({s.id} {s.version}): policy gaps of {res.country} ({res.year})"]
    if res.group is not None:
        head.append(f"Baseline: {res.stat} of {res.group.name} ({res.group.title}) over the members with a score "
                    f"({len(res.members_used)} of {len(res.group.members)} members have a profile up to {res.year}).")
    head.append(f"Overall now {fmt_num(res.overall, 2)}; target {fmt_num(res.target, 2)} ({res.target_source}).")
    out = "\n".join(head) + "\n"
    p = res.provisions
    if res.group is not None:
        shown = p if not top else p.head(top)
        out += f"\nProvisions where {res.country} trails the {res.group.name} {res.stat} ({len(p)}; largest gap first):\n"
        out += text_table(["code", "answer", "score", "baseline", "gap", "n", "group best", "leaders"],
                          [[r.code, r.answer, fmt_num(r.score), fmt_num(r.baseline), fmt_num(r.gap),
                            "" if r.baseline_n is None else str(r.baseline_n), fmt_num(r.group_best), r.leaders]
                           for r in shown.itertuples(index=False)], right={2, 3, 4, 5, 6})
    if not res.steps:
        if res.overall >= res.target - 1e-9:
            out += f"\n{res.country} is at or above the target already: no change needed.\n"
    else:
        word = "Smallest reform" if res.reachable else "Every candidate change (the target is out of reach)"
        how = {"greedy": "weighted means: largest gain first, provably minimal",
               "search": "exact search over the tree"}.get(res.method, res.method)
        out += (f"\n{word}: {len(res.steps)} change{'s' * (len(res.steps) != 1)} of {res.candidates} candidates "
                f"({how}):\n")
        out += text_table(["#", "code", "from", "to", "score", "gain alone", "overall after", "models"],
                          [[str(i + 1), st.code, st.answer, st.to_answer, f"{fmt_num(st.score, 0)}→{fmt_num(st.to_score, 0)}",
                            f"+{st.gain:.2f}", fmt_num(st.overall_after, 2), " ".join(st.models) or "–"]
                           for i, st in enumerate(res.steps)], right={0, 5, 6})
    notes = ["Models: group members whose answer scores at least the proposed one."] if res.group is not None else []
    notes += list(res.notes)
    if res.codings:
        named = [f"{c} {v}" for c, v in sorted(res.codings.items()) if c == res.country or "(" in v]
        notes.append("Codings read, indicator by indicator (the codings that answer indicators; a coding of its "
                     "own name with its provenance): " + ", ".join(named) + ".")
    if res.illustrative:
        notes.append(f"ILLUSTRATIVE data, not a published or official coding: {res.country}.")
    return out + ("\n" + "\n".join(notes) + "\n" if notes else "")


@click.command("gaps")
@click.argument("scheme")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--country", required=True, type=COUNTRY, help="ISO alpha-2 code of the country.")
@click.option("--baseline", "--group", "group", help="A group defined in a groups file among PATHS, e.g. EU27.")
@click.option("--stat", type=click.Choice(list(STATS)), default=DEFAULT_STAT, show_default=True)
@click.option("--target", type=FiniteFloatRange(), help="Overall score to reach (default: the baseline's overall).")
@click.option("--year", type=int, help="Reference year (default: the country's latest profile).")
@click.option("--within-group", is_flag=True, help="Only answers some member of the group already has.")
@click.option("--top", type=click.IntRange(0), default=0, help="Table: list only the N largest provision gaps.")
@click.option("--coding", "coding", multiple=True, metavar="ID",
              help="Prefer this coding where a country-year has several codings that answer indicators "
                   "(repeat for an order).")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False))
def command(scheme, paths, country, group, stat, target, year, within_group, top, coding, fmt, output) -> None:  # noqa: ANN001
    """Provisions separating --country from a --baseline, and the smallest reform reaching a target."""
    from ..transfer import TransferError, transfer

    check_country(country)
    if within_group and not group:
        raise click.UsageError("--within-group needs --baseline GROUP")
    if group is None and target is None:
        raise click.UsageError("give --baseline GROUP (its overall is the target) and/or --target SCORE")
    sel = select(scheme, paths, groups=bool(group))
    note_warnings(sel)
    grp = find_group(sel, group)
    try:
        res = transfer(sel.scheme, sel.profiles, country, group=grp, stat=stat, target=target, year=year,
                       within_group=within_group, coding=coding)
    except TransferError as err:
        raise InvalidInput([problem("cannot-compare", str(err))]) from None
    if fmt == "table":
        text = gaps_text(res, top)
    elif fmt == "csv":
        text = csv_text(res.csv_frame())
    else:
        meta = {
            "scheme": res.scheme.id, "version": res.scheme.version, "country": res.country, "year": res.year,
            "baseline": None if grp is None else {"group": grp.name, "stat": stat, "members_used": res.members_used},
            "overall": res.overall, "target": res.target, "target_source": res.target_source,
            "reachable": res.reachable, "best_possible": res.best_possible, "method": res.method,
            "candidates": res.candidates, "illustrative": res.illustrative, "notes": list(res.notes),
            "codings": res.codings,
            "steps": [st.__dict__ | {"models": list(st.models)} for st in res.steps],
        }
        text = json.dumps({**meta, "provisions": json.loads(records_json(res.provisions))},
                          ensure_ascii=False, indent=1) + "\n"
    write_output(text, output)
