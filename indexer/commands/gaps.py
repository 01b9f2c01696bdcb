"""`indexer gaps`: the provisions that separate a country from a baseline, and the smallest set
of answer changes that lifts its overall score to a target, with model countries."""

from __future__ import annotations

import json

import click

from ..cli import (
    COUNTRY,
    InvalidInput,
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
from ..guard import FiniteFloatRange, csv_text
from ..model import DEFAULT_STAT, STATS


def gaps_text(res, top: int = 0) -> str:  # noqa: ANN001 - a Transfer
    s = res.scheme
    head = [f"{s.title} ({s.id} {s.version}): policy gaps of {res.country} ({res.year})"]
    if res.group is not None:
        head.append(f"Baseline: {res.stat} of {res.group.name} ({res.group.title}) over the members with a score "
                    f"({len(res.members_used)} of {len(res.group.members)} members have a profile up to {res.year}).")
    now = f"Overall now {fmt_num(res.overall, 2)}"
    if res.lower == res.lower and not (res.lower == res.upper == res.overall):
        now += f" (coverage {res.coverage:.0%}; bounds [{fmt_num(res.lower, 2)}, {fmt_num(res.upper, 2)}])"
    head.append(f"{now}; target {fmt_num(res.target, 2)} ({res.target_source}).")
    out = "\n".join(head) + "\n"
    p = res.provisions
    if res.group is not None:
        shown = p if not top else p.head(top)
        out += f"\nProvisions where {res.country} trails the {res.group.name} {res.stat} ({len(p)}; largest gap first):\n"
        out += text_table(["code", "answer", "score", "baseline", "gap", "n", "group best", "leaders"],
                          [[r.code, r.answer, fmt_num(r.score), fmt_num(r.baseline), fmt_num(r.gap),
                            "" if r.baseline_n is None else str(r.baseline_n), fmt_num(r.group_best), r.leaders]
                           for r in shown.itertuples(index=False)], right={2, 3, 4, 5, 6})
    out += reform_text(res)
    notes = ["Models: group members whose answer scores at least the proposed one."] if res.group is not None else []
    notes += [str(n) for n in res.notes]
    if res.codings:
        named = [f"{c} {v}" for c, v in sorted(res.codings.items()) if c == res.country or "(" in v]
        notes.append("Codings read, indicator by indicator (the codings that answer indicators; a coding of its "
                     "own name with its provenance): " + ", ".join(named) + ".")
    if res.illustrative:
        notes.append(illustrative_note(res.country))
    return out + ("\n" + "\n".join(notes) + "\n" if notes else "")


STATUS_WORDS = {
    "sure": "reached for sure (lower bound ≥ target, whatever the open answers turn out to be)",
    "possibly": "possibly reached (upper bound ≥ target > lower bound: it depends on the open answers)",
    "no": "not reached",
}


def _interval(lo: float, hi: float) -> str:
    return fmt_num(lo, 2) if abs(hi - lo) < 1e-9 else f"[{fmt_num(lo, 2)}, {fmt_num(hi, 2)}]"


def reform_text(res) -> str:  # noqa: ANN001 - a Transfer
    """The smallest reform: heading, steps, the overall and touched areas after it, the status."""
    c, t = res.country, fmt_num(res.target, 2)
    bounds = res.objective != "score"
    out = ""
    if not res.steps:
        if res.status == "sure" or (res.objective == "score" and res.reachable):
            out += f"\n{c} is at or above the target already: no change needed.\n"
        elif res.objective == "upper" and res.reachable:
            out += (f"\nNo reform reaches {t} for sure; {c} can reach it already (upper bound "
                    f"{fmt_num(res.upper, 2)}): no change makes that more certain.\n")
    else:
        n, k_ans = len(res.steps), res.answers
        how = {"greedy": "weighted means: largest gain first, provably minimal",
               "search": "exact search over the tree"}.get(res.method, res.method)
        edits = f"{n} change{'s' * (n != 1)}"
        if k_ans:
            edits = f"{n} edit{'s' * (n != 1)}"
            edits += f" ({n - k_ans} change{'s' * (n - k_ans != 1)} of answered indicators, {k_ans} answer{'s' * (k_ans != 1)} to open ones)"
        if not res.reachable:
            word = "Every candidate change (the target is out of reach)"
        elif res.objective == "lower":
            word = f"Smallest reform reaching {t} for sure (lower bound ≥ target, whatever {c}'s open answers turn out to be)"
        elif res.objective == "upper":
            word = (f"No reform reaches {t} for sure (its lower bound can rise to {fmt_num(res.best_possible, 2)} at most). "
                    f"Smallest reform after which {c} can reach it (upper bound ≥ target)")
        else:
            word = "Smallest reform"
        out += f"\n{word}: {edits} of {res.candidates} candidates ({how}):\n"
        gain = {"score": "gain alone", "lower": "lower +", "upper": "upper +"}[res.objective]
        head = ["#", "edit", "code", "from", "to", "score", gain, "overall after"] + (["bounds after"] if bounds else [])
        head.append("models")
        rows = []
        for i, st in enumerate(res.steps):
            ans = st.kind == "answer"
            rows.append([str(i + 1), st.kind, st.code, "(open)" if ans else st.answer, st.to_answer,
                         f"{'open' if ans else fmt_num(st.score, 0)}→{fmt_num(st.to_score, 0)}", f"+{st.gain:.2f}",
                         fmt_num(st.overall_after, 2)] + ([_interval(st.lower_after, st.upper_after)] if bounds else [])
                        + [" ".join(st.models) or "–"])
        out += text_table(head, rows, right={0, 6, 7})
        if k_ans:
            out += (f"edit 'answer': the reform enacts the indicator's best answer where {c}'s coding leaves it open "
                    "(its present answer unknown); 'change': an answered indicator gets a better answer.\n")
    if res.after and (res.steps or bounds):
        out += "\nAfter the reform (score where coverage allows; bounds of SPEC §3.1):\n"
        out += text_table(["node", "score", "coverage", "bounds"],
                          [[a.code, f"{fmt_num(a.score_before, 2)} → {fmt_num(a.score_after, 2)}",
                            f"{a.coverage_before:.0%} → {a.coverage_after:.0%}",
                            f"{_interval(a.lower_before, a.upper_before)} → {_interval(a.lower_after, a.upper_after)}"]
                           for a in res.after], right=set())
        out += f"Target {t}: {STATUS_WORDS[res.status]}.\n"
    if res.possible_in is not None and res.objective == "lower":
        out += (f"Without any change the target is possible already (upper bound {fmt_num(res.upper, 2)} ≥ {t}); "
                "the reform makes it certain.\n"
                if res.possible_in == 0 else
                f"{res.possible_in} change{'s' * (res.possible_in != 1)} would make it merely possible (upper bound ≥ {t}).\n")
    return out


def _null_nan(x):  # noqa: ANN001, ANN202 - JSON has no NaN: a missing number is null
    if isinstance(x, float) and x != x:
        return None
    if isinstance(x, dict):
        return {k: _null_nan(v) for k, v in x.items()}
    if isinstance(x, list | tuple):
        return [_null_nan(v) for v in x]
    return x


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
            "candidates": res.candidates, "illustrative": res.illustrative, "notes": [str(n) for n in res.notes],
            "objective": res.objective, "coverage": res.coverage, "lower": res.lower, "upper": res.upper,
            "status": res.status, "possible_in": res.possible_in,
            "after": json.loads(records_json(res.after_frame())),
            "codings": res.codings,
            "steps": [st.__dict__ | {"models": list(st.models)} for st in res.steps],
        }
        text = json.dumps(_null_nan({**meta, "provisions": json.loads(records_json(res.provisions))}),
                          ensure_ascii=False, indent=1, allow_nan=False) + "\n"
    write_output(text, output)
