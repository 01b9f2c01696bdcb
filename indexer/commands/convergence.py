"""`indexer convergence`: a country's distance to a baseline over the years, and whether the
group's members converge (sigma: dispersion falls; beta: laggards improve faster)."""

from __future__ import annotations

import json

import click

from ..cli import (
    COUNTRY,
    InvalidInput,
    find_group,
    fmt_num,
    note_warnings,
    parse_years,
    problem,
    records_json,
    select,
    text_table,
    write_output,
)
from ..guard import csv_text
from ..model import DEFAULT_STAT, STATS


def convergence_text(res) -> str:  # noqa: ANN001 - a Convergence
    s, g, min_n = res.scheme, res.group, res.min_n
    out = (f"{s.title} ({s.id} {s.version}): convergence of {g.name} ({g.title}) at {res.code}"
           f"{f', and {res.country} against its {res.stat}' if res.country else ''}\n\n")
    if res.table.empty:
        return out + "No member has a score at this node in these years.\n"
    headers = ["year", "n", "fresh", "carried", "mean", "sd", "cv", "min", "max", f"baseline ({res.stat})"]
    if res.country:
        headers += [res.country, "distance", "rank"]
    rows = []
    for r in res.table.itertuples(index=False):
        row = [str(r.year), str(r.n), str(r.fresh), str(r.carried), fmt_num(r.mean), fmt_num(r.sd), fmt_num(r.cv, 3),
               fmt_num(r.min), fmt_num(r.max), fmt_num(r.baseline)]
        if res.country:
            row += [fmt_num(r.score), fmt_num(r.distance), "–" if r.rank != r.rank else f"{int(r.rank)}/{r.n + (res.country not in g.members)}"]
        rows.append(row)
    out += text_table(headers, rows, right=set(range(1, len(headers))))
    sg, b = res.sigma, res.beta
    verdict = {True: "converging", False: "not converging", None: "undetermined"}
    if sg["converging"] is None:
        out += f"\nSigma-convergence: undetermined: {sg['why']}.\n"
    else:
        out += (f"\nSigma-convergence over the {sg['years']} years with at least {min_n} (and half the) members observed: sd "
                f"{fmt_num(sg['first'])} → {fmt_num(sg['last'])}, slope {fmt_num(sg['sigma_slope'], 3)} "
                f"points a year: {verdict[sg['converging']]}.\n")
    if b["converging"] is None:
        out += f"Beta-convergence: undetermined: {b['why']}.\n"
    else:
        out += (f"Beta-convergence {b['first_year']}–{b['last_year']}: yearly change = {fmt_num(b['intercept'], 3)} "
                f"{'+' if b['beta'] >= 0 else '−'} {fmt_num(abs(b['beta']), 4)} × first score "
                f"(R² {fmt_num(b['r2'], 2)}, n = {b['n']}): {verdict[b['converging']]}.\n")
    carried = {y: ms for y, ms in res.carried.items() if ms}
    if carried:
        out += "\nCarried forward (a member's latest earlier profile stands for the year; --no-carry-forward leaves them out):\n"
        for y, ms in carried.items():
            out += f"  {y}: {', '.join(ms)}\n"
    out += ("fresh = members with a profile of that very year; only years with at least "
            f"{min_n} fresh members, and at least half of the members fresh, count in the verdicts.\n")
    return out


@click.command("convergence")
@click.argument("scheme")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--baseline", "--group", "group", required=True, help="The group whose convergence is measured.")
@click.option("--country", type=COUNTRY, help="Also the distance of this country to the baseline.")
@click.option("--years", help="FROM:TO or a comma list (default: every year with a profile).")
@click.option("--code", default="overall", show_default=True, help="The node (overall, an area, ...).")
@click.option("--stat", type=click.Choice(list(STATS)), default=DEFAULT_STAT, show_default=True)
@click.option("--carry-forward/--no-carry-forward", default=True, show_default=True,
              help="Use a member's latest earlier profile in years it has none.")
@click.option("--min-n", type=click.IntRange(2, None), default=5, show_default=True,
              help="Members a year needs, observed that year (not carried forward), to count in a verdict.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False))
def command(scheme, paths, group, country, years, code, stat, carry_forward, min_n, fmt, output) -> None:  # noqa: ANN001
    """Sigma- and beta-convergence of a group, and a country's distance to its baseline, by year."""
    from ..convergence import ConvergenceError, convergence

    year_list = parse_years(years)
    sel = select(scheme, paths, groups=True)
    note_warnings(sel)
    grp = find_group(sel, group)
    try:
        res = convergence(sel.scheme, sel.profiles, grp, years=year_list, code=code, country=country, stat=stat,
                          carry_forward=carry_forward, min_n=min_n)
    except ConvergenceError as err:
        raise InvalidInput([problem("cannot-compare", str(err))]) from None
    if fmt == "table":
        text = convergence_text(res)
    elif fmt == "csv":
        text = csv_text(res.table)
    else:
        def clean(d: dict) -> dict:
            return {k: (None if isinstance(v, float) and v != v else v) for k, v in d.items()}

        text = json.dumps({"scheme": res.scheme.id, "group": grp.name, "code": code, "stat": stat,
                           "country": country, "sigma": clean(res.sigma), "beta": clean(res.beta),
                           "years": json.loads(records_json(res.table))}, ensure_ascii=False, indent=1) + "\n"
    write_output(text, output)
