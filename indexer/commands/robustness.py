"""`indexer robustness`: how robust each country's rank is to the assumptions of the index.

A vectorised Monte Carlo over weights, aggregation, missing-answer rule and dropping an area
(see ``indexer.robustness``), with every country's nominal and median rank, its 5–95 % rank band,
and the Sobol' indices of each assumption.
"""

from __future__ import annotations

import json
import math

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
    warn,
    write_output,
)
from ..guard import FiniteFloatRange, csv_text


def _rank(v: float) -> str:
    return "–" if v is None or (isinstance(v, float) and math.isnan(v)) else str(int(v))


def robustness_text(res) -> str:  # noqa: ANN001 - a Robustness
    s = res.scheme
    a = res.assumptions
    t = res.table
    pool = (f"the members of {res.group.name} ({res.group.title})" if res.group is not None else "every country")
    extra = [c for c in res.countries if res.group is not None and c not in res.group.members]
    if extra:
        pool += f", plus {', '.join(extra)}"
    lines = [
        f"{s.title} ({s.id} {s.version}): robustness of the overall ranks, {res.year}",
        f"Pool: {pool} with a profile up to {res.year}.",
        f"{res.runs} runs ({res.n_base} base rows × ({len(res.factors)} factors + 2), seed {res.seed}); "
        f"assumptions varied: {', '.join(f.name for f in res.factors)}.",
    ]
    if any(f.kind == "weights" for f in res.factors):
        lines.append("Weights: " + (f"each node's weight × U(1 − {a.noise:g}, 1 + {a.noise:g})." if a.weight_noise == "uniform"
                                    else f"sibling shares ~ Dirichlet(κ = {a.concentration:g} × nominal shares)."))
    scored = t[t.nominal_score.notna() | (t.runs_scored > 0)]
    rows = []
    for r in scored.itertuples(index=False):
        band = f"{_rank(r.p05_rank)}–{_rank(r.p95_rank)}"
        rows.append([r.country, str(r.year), fmt_num(r.nominal_score), _rank(r.nominal_rank), _rank(r.median_rank),
                     band, f"{fmt_num(r.p05_score)}–{fmt_num(r.p95_score)}"])
    out = "\n".join(lines) + "\n\n"
    out += text_table(["country", "year", "score", "rank", "median rank", "rank 5–95%", "score 5–95%"], rows,
                      right={2, 3, 4, 5, 6})
    out += "\nSensitivity (Sobol' indices of each assumption; rank = variance-weighted over the countries' ranks):\n"
    out += text_table(["factor", "ST rank", "±95%", "S1 rank", "ST score", "S1 score", "what varies"],
                      [[r.factor, fmt_num(r.ST_rank, 3), fmt_num(r.ST_rank_conf, 3), fmt_num(r.S1_rank, 3),
                        fmt_num(r.ST_score, 3), fmt_num(r.S1_score, 3), r.description]
                       for r in res.sensitivity.itertuples(index=False)], right={1, 2, 3, 4, 5})
    notes = ["ST = total effect (Jansen), S1 = first order (Saltelli 2010); ranks are competition ranks, "
             "bands nearest-rank quantiles over all runs."]
    unscored = t.loc[t.nominal_score.isna() & (t.runs_scored == 0), "country"].tolist()
    if unscored:
        notes.append(f"No overall score (coverage below the scheme's min_coverage), so not ranked: {', '.join(unscored)}.")
    if res.rederived:
        n = res.rederived.get("overall", 0)
        if n:
            notes.append(f"{n} countr{'y' if n == 1 else 'ies'} publish the overall and every area: each run re-derives "
                         "their overall from the published area scores (the nominal is the published overall).")
    older = sorted(f"{c} {y}" for c, y in res.years_used.items() if y < res.year)
    if older:
        notes.append(f"Profiles older than {res.year} (carried forward): {', '.join(older)}.")
    if res.illustrative:
        notes.append(illustrative_note(', '.join(res.illustrative)))
    return out + "\n" + "\n".join(notes) + "\n"


@click.command("robustness")
@click.argument("scheme")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--group", "--baseline", "group", help="Rank within this group's members (default: every country).")
@click.option("--country", "countries", multiple=True, type=COUNTRY, help="Also rank this country (e.g. one outside the group); repeatable.")
@click.option("--year", type=int, help="Reference year (default: the latest in the pool); older profiles carry forward.")
@click.option("--runs", type=click.IntRange(10, 10_000_000), default=10_000, show_default=True,
              help="Model evaluations in all (base rows × (factors + 2)); refused beyond what fits in 2 GiB.")
@click.option("--seed", type=click.IntRange(0, 2**63 - 1), default=0, show_default=True, help="Seed of the random numbers (same seed, same output).")
@click.option("--factor", "factors", multiple=True,
              help="Assumption to vary: weights, weights:LEVEL, aggregation, missing, drop; repeatable (default: all).")
@click.option("--weights", "weight_noise", type=click.Choice(["uniform", "dirichlet"]), default="uniform", show_default=True)
@click.option("--noise", type=FiniteFloatRange(0, 1, max_open=True), default=0.25, show_default=True,
              help="± share of uniform weight noise.")
@click.option("--concentration", type=FiniteFloatRange(0, 1e6, min_open=True), default=50.0, show_default=True,
              help="κ of Dirichlet weight noise.")
@click.option("--aggregations", default="mean,geometric,median", show_default=True,
              help="Methods the aggregation factor draws from (comma list).")
@click.option("--sensitivity", is_flag=True, help="With csv/json: output the sensitivity indices instead of the countries.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False))
def command(scheme, paths, group, countries, year, runs, seed, factors, weight_noise, noise, concentration,
            aggregations, sensitivity, fmt, output) -> None:  # noqa: ANN001
    """Monte Carlo robustness of every country's overall rank, with Sobol' indices of each assumption."""
    from ..robustness import (
        SENSITIVITY_COLUMNS,
        Assumptions,
        RobustnessError,
        TooManyRuns,
        robustness,
    )

    methods = tuple(m.strip() for m in aggregations.split(",") if m.strip())
    bad = [m for m in methods if m not in ("mean", "geometric", "median", "min", "max")]
    if bad or not methods:
        raise click.BadParameter("use methods among mean, geometric, median, min, max", param_hint="--aggregations")
    sel = select(scheme, paths, groups=bool(group))
    note_warnings(sel)
    grp = find_group(sel, group)
    have = {p.country for p in sel.profiles}
    for c in countries:
        if c not in have:
            raise InvalidInput([problem("no-profile", f"{c} has no profile of {sel.scheme.id} among {', '.join(paths)}")])
    if not sel.profiles:
        warn(f"no profile of scheme {sel.scheme.id!r} under {', '.join(paths)}")
    assumptions = Assumptions(factors=tuple(factors) or Assumptions().factors, weight_noise=weight_noise,
                              noise=noise, concentration=concentration, aggregations=methods)
    try:
        res = robustness(sel.scheme, sel.profiles, group=grp, year=year, include=countries, runs=runs, seed=seed,
                         assumptions=assumptions)
    except TooManyRuns as err:
        raise click.BadParameter(str(err), param_hint="--runs") from None
    except RobustnessError as err:
        raise InvalidInput([problem("cannot-analyse", str(err))]) from None
    if fmt == "table":
        text = robustness_text(res)
    elif fmt == "csv":
        df = res.sensitivity[SENSITIVITY_COLUMNS] if sensitivity else res.csv_frame()
        text = csv_text(df)
    elif sensitivity:
        text = records_json(res.sensitivity[SENSITIVITY_COLUMNS])
    else:
        meta = {
            "scheme": res.scheme.id, "version": res.scheme.version, "year": res.year,
            "group": None if res.group is None else res.group.name, "runs": res.runs, "base_rows": res.n_base,
            "seed": res.seed, "assumptions": res.assumptions.describe(), "illustrative": res.illustrative,
            "rederived": res.rederived,
        }
        text = json.dumps({**meta, "countries": json.loads(records_json(res.table)),
                           "sensitivity": json.loads(records_json(res.sensitivity)),
                           "per_country": json.loads(records_json(res.per_country))},
                          ensure_ascii=False, indent=1) + "\n"
    write_output(text, output)
