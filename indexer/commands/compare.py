"""`indexer compare`: side-by-side scores and gaps to a baseline (SPEC §5)."""

from __future__ import annotations

import json
import math

import click

from ..cli import (
    COUNTRY,
    InvalidInput,
    bounds_text,
    countries_with_profiles,
    find_group,
    fmt_num,
    illustrative_note,
    note_warnings,
    parse_years,
    problem,
    records_json,
    select,
    text_table,
    warn,
    write_output,
)
from ..countries import country_name
from ..guard import FiniteFloatRange, csv_text
from ..model import DEFAULT_STAT, STATS


def codings_notes(cmp_) -> list[str]:  # noqa: ANN001 - a Comparison
    """Which coding each compared country (and any member with several) is read in, with its
    provenance, where a country-year has more than one coding or a coding of its own name."""
    t = cmp_.table.drop_duplicates("country")
    shown = {r.country: (r.coding, r.provenance) for r in t.itertuples(index=False)}
    out = []
    named = [f"{c} {cmp_.years_used[c]}: {label_of(*shown[c])}" for c in cmp_.countries
             if shown[c][0] != shown[c][1] or c in cmp_.other_codings]
    if named:
        out.append("Codings used: " + "; ".join(named) + ".")
    labels = cmp_.other_codings
    members: dict[tuple[str, ...], list[str]] = {}  # baseline members, grouped by their other codings
    for c, others in labels.items():
        if c in cmp_.countries:
            out.append(f"{c} has other codings of the same year, not used here: {', '.join(others)}"
                       " (--coding ID prefers one).")
        else:
            members.setdefault(tuple(others), []).append(c)
    for others, who in members.items():
        ids = {p.coding for p in cmp_.other_profiles[who[0]]}
        hint = f"--coding {ids.pop()} prefers it" if len(ids) == 1 else "--coding ID prefers one"
        out.append(f"{', '.join(who)} {'has' if len(who) == 1 else 'have'} other codings of the same year, not used "
                   f"here: {', '.join(others)} (baseline member{'s' if len(who) > 1 else ''}; {hint}).")
    return out


def label_of(coding: str, provenance: str) -> str:
    return provenance if coding == provenance else f"{coding} ({provenance})"


def _count(v) -> str:  # noqa: ANN001 - an Int64 cell
    return "" if v is None or type(v).__name__ == "NAType" else str(v)


def _coverage(cov: float) -> str:
    """`` (40%)`` where a score stands on less than all its indicators; '' otherwise."""
    return "" if cov != cov or cov >= 1 else f" ({cov * 100:.0f}%)"


def _rank(r) -> str:  # noqa: ANN001 - a row of the comparison table
    """``3/27`` and, where the bounds leave room, the possible range: ``3/27 (2–9)``."""
    now = "–" if math.isnan(r.rank) else f"{int(r.rank)}/{r.rank_n}"
    if _count(r.rank_best) and _count(r.rank_worst) and r.rank_best != r.rank_worst:
        now += f" ({r.rank_best}–{r.rank_worst})"
    return now


def comparison_text(cmp_, gaps_top: int = 0, scored=None) -> str:  # noqa: ANN001 - a Comparison, a Scored
    """The comparison as a readable text table, with the years and baseline_n named; a thin
    baseline value (fewer than half the members) has a * beside its n and a note, a node with
    no baseline a note saying why (``scored``: the scoring used, for the members' reasons)."""
    from ..compare import empty_baseline_reason, gaps, thin_note

    s = cmp_.scheme
    t = cmp_.table
    countries = list(cmp_.countries)
    g = cmp_.group
    head = [f"{s.title} ({s.id} {s.version}): scores for {cmp_.year}"]
    if g is not None:
        head.append(f"Baseline: {cmp_.stat} of {g.name} ({g.title}) over the members with a score; "
                    f"n = members behind each baseline value ({len(cmp_.members_used)} of {len(g.members)} "
                    f"members have a profile up to {cmp_.year}).")
    if cmp_.exclude:
        head.append(f"Excluded from every score: {', '.join(cmp_.exclude)}.")
    if cmp_.min_coverage is not None:
        head.append(f"Coverage threshold of the compared countries replaced by {cmp_.min_coverage:g}: their scores "
                    "of partly answered nodes are provisional (read them with their coverage); baselines keep the "
                    "scheme's thresholds.")
    headers = ["code", "level"]
    for c in countries:
        headers += [f"{c} {cmp_.years_used[c]}", f"{c} bounds"]
    if g is not None:
        headers += [f"{g.name} {cmp_.stat}", "n", f"{g.name} bounds"]
        headers += [f"gap {c}" for c in countries] + [f"rank {c}" for c in countries] + [f"verdict {c}" for c in countries]
    rows = []
    for code, block in t.groupby("code", sort=False):
        first = block.iloc[0]
        by = {r.country: r for r in block.itertuples(index=False)}
        row = ["  " * int(first.depth) + str(code), str(first.level)]
        for c in countries:
            r = by[c]
            row += [fmt_num(r.score) + _coverage(r.coverage), bounds_text(r.lower, r.upper)]
        if g is not None:
            row += [fmt_num(first.baseline), str(first.baseline_n) + ("*" if first.thin else ""),
                    bounds_text(first.baseline_lower, first.baseline_upper)]
            row += [fmt_num(by[c].gap) for c in countries]
            row += [_rank(by[c]) for c in countries]
            row += [by[c].verdict or "–" for c in countries]
        rows.append(row)
    right = set(range(2, len(headers) - (len(countries) if g is not None else 0)))
    out = "\n".join(head) + "\n\n" + text_table(headers, rows, right)
    notes = ["Scores rounded to 1 decimal for display; (NN%) = coverage where below 100%; – = no score.",
             "Bounds L–U: what a partly coded score can still become once every open question is answered "
             "(blank where the score is final); verdict: above/below the baseline whatever the open answers "
             "turn out to be, else undetermined; rank: now (best–worst possible)."]
    for c in countries:
        if cmp_.years_used[c] < cmp_.year:
            notes.append(f"{c} ({country_name(c)}): no profile for {cmp_.year}; its {cmp_.years_used[c]} profile is used.")
    older = {m: y for m, y in cmp_.members_used.items() if y < cmp_.year and m not in countries}
    if older:
        listed = ", ".join(f"{m} {y}" for m, y in sorted(older.items()))
        notes.append(f"Members whose latest profile is older than {cmp_.year} (carried forward): {listed}.")
    if g is not None:
        missing = [m for m in g.members if m not in cmp_.members_used]
        if missing:
            notes.append(f"Members with no profile up to {cmp_.year} (left out): {', '.join(missing)}.")
    thin = thin_note(cmp_)
    if thin:
        notes.append("* " + thin)
    empty = empty_baseline_reason(cmp_, scored)
    if empty:
        notes.append(empty)
    notes += codings_notes(cmp_)
    ill = cmp_.illustrative
    if ill:
        notes.append(illustrative_note(', '.join(ill)))
    ill_m = [m for m in cmp_.illustrative_members if m not in countries]  # compared ones: the line above
    if ill_m:
        notes.append(f"Baseline members counted from ILLUSTRATIVE codings (no published or official profile for "
                     f"the year used): {', '.join(ill_m)}.")
    out += "\n" + "\n".join(notes) + "\n"
    if gaps_top and g is not None:
        for c in countries:
            gp = gaps(cmp_, c).head(gaps_top)
            if gp.empty:
                continue
            out += f"\nLargest gaps of {c} to the {g.name} {cmp_.stat} (impact = weight share × gap, in overall points):\n"
            out += text_table(["code", "level", "score", "baseline", "gap", "impact"],
                              [[r.code, r.level, fmt_num(r.score), fmt_num(r.baseline), fmt_num(r.gap), fmt_num(r.impact, 2)]
                               for r in gp.itertuples(index=False)], right={2, 3, 4, 5})
    return out


@click.command("compare")
@click.argument("scheme")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--country", "countries", multiple=True, required=True, type=COUNTRY, help="ISO alpha-2 code; repeat for more.")
@click.option("--baseline", "group", help="A group defined in a groups file among PATHS, e.g. EU27.")
@click.option("--stat", type=click.Choice(list(STATS)), default=DEFAULT_STAT, show_default=True)
@click.option("--year", type=int, help="Reference year (default: the latest of the compared countries).")
@click.option("--years", "years", help="A time series instead: FROM:TO or a comma list.")
@click.option("--level", help="Stop at this level (a name such as area, or a depth).")
@click.option("--exclude", multiple=True, help="Recompute every score without this node's subtree; repeatable.")
@click.option("--min-coverage", type=FiniteFloatRange(0, 1), help="Replace the scheme's coverage thresholds, "
              "e.g. 0 for provisional scores of partly answered profiles (shown with their coverage).")
@click.option("--gaps", "gaps_top", type=click.IntRange(0), default=0, help="Also list each country's N largest gaps (table); "
              "with csv/json, output the gap ranking instead.")
@click.option("--coding", "coding", multiple=True, metavar="ID",
              help="Prefer this coding where a country-year has several (repeat for an order); default: "
                   "published, official, expert, illustrative.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False))
@click.option("--skip-invalid", is_flag=True, help="Leave out profile files with errors (each named on stderr) instead of stopping.")
def command(scheme, paths, countries, group, stat, year, years, level, exclude, min_coverage, gaps_top, coding, fmt,  # noqa: ANN001
            output, skip_invalid) -> None:
    """Side-by-side scores of --country against a --baseline group, with gaps and ranks."""
    from ..compare import CSV_COLUMNS, CompareError, Scored, compare, gaps, time_series

    year_list = parse_years(years)
    sel = select(scheme, paths, groups=True, skip_invalid=skip_invalid)
    note_warnings(sel)
    grp = find_group(sel, group)
    for e in exclude:
        if e not in sel.scheme.index or e == "overall":
            raise click.BadParameter(f"{sel.scheme.id} has no node {e!r} to exclude", param_hint="--exclude")
    try:
        if year_list is not None:
            df = time_series(sel.scheme, sel.profiles, countries, year_list, group=grp, stat=stat,
                             level=level, exclude=exclude, min_coverage=min_coverage, coding=coding)
            if df.empty:
                warn("no profile of the compared countries in those years")
            cols = ["as_of", *CSV_COLUMNS]
            if fmt == "csv":
                text = csv_text(df[cols])
            elif fmt == "json":
                text = records_json(df)
            else:
                text = text_table(["as of", "country", "year", "code", "score", "baseline", "gap", "n"],
                                  [[str(r.as_of), r.country, str(r.year), "  " * int(r.depth) + r.code,
                                    fmt_num(r.score) + _coverage(r.coverage),
                                    fmt_num(r.baseline), fmt_num(r.gap), _count(r.baseline_n) + ("*" if r.thin else "")]
                                   for r in df.itertuples(index=False)], right={4, 5, 6, 7})
                if grp is not None and "thin" in df and df.thin.any():
                    text += (f"* Thin baseline: the {grp.name} {stat} rests on fewer than half of the group's "
                             f"{len(grp.members)} members (n shown).\n")
            write_output(text, output)
            return
        scored = Scored.of(sel.scheme, sel.profiles, exclude, prefer=coding)
        cmp_ = compare(sel.scheme, scored, countries, group=grp, stat=stat, year=year, level=level,
                       exclude=exclude, min_coverage=min_coverage, coding=coding)
    except CompareError as err:
        msg = str(err)
        if "no profile" in msg:
            msg += f" ({countries_with_profiles(sel)})"
        raise InvalidInput([problem("cannot-compare", msg)]) from None
    if fmt == "table":
        text = comparison_text(cmp_, gaps_top=gaps_top, scored=scored)
    elif gaps_top:
        import pandas as pd

        frames = [gaps(cmp_, c).head(gaps_top).assign(country=c) for c in cmp_.countries]
        df = pd.concat(frames, ignore_index=True)
        df = df[["country"] + [c for c in df.columns if c != "country"]]
        text = csv_text(df) if fmt == "csv" else records_json(df)
    elif fmt == "csv":
        text = csv_text(cmp_.csv_frame())
    else:
        meta = {
            "scheme": cmp_.scheme.id, "version": cmp_.scheme.version, "year": cmp_.year,
            "baseline": None if grp is None else {"group": grp.name, "stat": stat, "members_used": cmp_.members_used},
            "years_used": cmp_.years_used, "illustrative": cmp_.illustrative,
            "illustrative_members": [m for m in cmp_.illustrative_members if m not in countries],
            "codings_used": {c: cmp_.table[cmp_.table.country == c].coding.iloc[0] for c in cmp_.countries},
            "member_codings": cmp_.member_coding, "other_codings": cmp_.other_codings,
        }
        rows = json.loads(records_json(cmp_.table))
        text = json.dumps({**meta, "rows": rows}, ensure_ascii=False, indent=1) + "\n"
    write_output(text, output)

