"""Convergence: does a country close its distance to a baseline, and do a group's members
converge, over the years?

Per year (``compare.time_series``, so each member uses its profile for that year or, with
``carry_forward``, its latest earlier one — SPEC §5's rule): the members' scores at one node
(default the overall), their baseline (``stat``), dispersion and, for ``country``, its score,
distance to the baseline (``score − baseline``) and rank.

- **sigma-convergence**: the dispersion of members' scores falls over time. Reported: the
  standard deviation (sample, ``ddof=1``) and coefficient of variation per year, their first and
  last values, and the least-squares slope of the standard deviation on the year (``sigma_slope``,
  points per year); ``converging`` when the slope is negative.
- **beta-convergence**: members that start lower improve faster. Over the members with a score in
  both the first and the last year, the least-squares regression of the yearly change
  ``(s_last − s_first) / (y_last − y_first)`` on the first-year score: ``beta`` (< 0: converging),
  its intercept, R² and n.

Members without a score in a year are left out of that year (never counted as zero); a year in
which no member (and not the country) has a score is left out of the table. A verdict needs
evidence, not carried-forward copies: sigma's slope is fitted over the years in which at least
``MIN_N`` members, and at least half of that year's members, have a profile *of that year*
(``fresh``), and needs two such years; beta uses
the members observed in both its first and last such year, and needs ``MIN_N`` of them.
Otherwise the verdict is "undetermined", with the reason in ``sigma["why"]`` / ``beta["why"]``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .compare import DEFAULT_STAT, STATS, Scored, baseline_stat, competition_rank, time_series
from .model import Group, Profile, Scheme

#: the fewest members observed in a year (not carried forward) for that year to count in a verdict
MIN_N = 5

COLUMNS = ["year", "n", "fresh", "carried", "mean", "median", "sd", "cv", "min", "max", "baseline", "country", "score",
           "distance", "rank"]


class ConvergenceError(ValueError):
    """A convergence analysis that cannot be made."""


@dataclass(frozen=True)
class Convergence:
    scheme: Scheme
    group: Group
    code: str
    stat: str
    country: str | None
    table: pd.DataFrame  # one row per year (COLUMNS)
    sigma: dict = field(default_factory=dict)
    beta: dict = field(default_factory=dict)
    scores: pd.DataFrame = field(default_factory=pd.DataFrame)  # year × member
    #: year -> the members whose score that year is carried forward from an earlier profile
    carried: dict = field(default_factory=dict)
    #: the fewest fresh members a year needs to count in a verdict
    min_n: int = MIN_N


def _slope(x: np.ndarray, y: np.ndarray) -> tuple[float, float, float]:
    """Least squares y = a + b x: (b, a, R²); NaN with fewer than two distinct x."""
    ok = ~(np.isnan(x) | np.isnan(y))
    x, y = x[ok], y[ok]
    if len(x) < 2 or np.ptp(x) == 0:
        return float("nan"), float("nan"), float("nan")
    b, a = np.polyfit(x, y, 1)
    res = y - (a + b * x)
    tot = ((y - y.mean()) ** 2).sum()
    r2 = 1 - (res ** 2).sum() / tot if tot > 0 else float("nan")
    return float(b), float(a), float(r2)


def convergence(
    scheme: Scheme,
    profiles: Sequence[Profile],
    group: Group,
    *,
    years: Sequence[int] | None = None,
    code: str = "overall",
    country: str | None = None,
    stat: str = DEFAULT_STAT,
    carry_forward: bool = True,
    min_n: int = MIN_N,
) -> Convergence:
    """Distance of ``country`` to ``group``'s ``stat`` and the group's sigma- and
    beta-convergence at node ``code``, for each year in ``years`` (default: every year with a
    profile of a member or of the country)."""
    if stat not in STATS:
        raise ConvergenceError(f"unknown statistic {stat!r}; use one of {', '.join(STATS)}")
    if code not in scheme.index:
        raise ConvergenceError(f"{scheme.id} has no node {code!r}")
    scored = Scored.of(scheme, [p for p in profiles if p.scheme == scheme.id])
    who = list(dict.fromkeys(list(group.members) + ([country] if country else [])))
    if years is None:
        years = sorted({y for c in who for y, _ in scored.rows.get(c, [])})
    years = sorted(set(years))
    if not years:
        raise ConvergenceError(f"no profile of {scheme.id} for {group.name}{' or ' + country if country else ''}")
    ts = time_series(scheme, scored, who, years, group=group, stat=stat)
    ts = ts[ts.code == code]
    if not carry_forward:
        ts = ts[ts.year == ts.as_of]
    wide = ts.pivot(index="as_of", columns="country", values="score")
    wide = wide.reindex(index=years)
    used = ts.pivot(index="as_of", columns="country", values="year").reindex(index=years)
    members = [m for m in group.members if m in wide.columns]
    rows = []
    for y in years:
        vals = wide.loc[y, members].to_numpy(dtype=float) if members else np.array([])
        ok = vals[~np.isnan(vals)]
        n = len(ok)
        base = baseline_stat(vals[:, None], stat)[0][0] if len(vals) else np.nan
        sd = float(np.std(ok, ddof=1)) if n >= 2 else np.nan
        mean = float(ok.mean()) if n else np.nan
        carried = int(sum(1 for m in members if not np.isnan(wide.loc[y, m]) and used.loc[y, m] < y)) if members else 0
        row = {"year": y, "n": n, "fresh": n - carried, "carried": carried, "mean": mean, "median": float(np.median(ok)) if n else np.nan,
               "sd": sd, "cv": sd / mean if n >= 2 and mean else np.nan,
               "min": float(ok.min()) if n else np.nan, "max": float(ok.max()) if n else np.nan,
               "baseline": float(base), "country": country or "", "score": np.nan, "distance": np.nan,
               "rank": np.nan}
        if country and country in wide.columns:
            s = float(wide.loc[y, country])
            row["score"] = s
            row["distance"] = s - base
            pool = vals if country in members else np.append(vals, s)
            row["rank"] = float(competition_rank(np.array([s]), pool[:, None])[0][0])
        rows.append(row)
    table = pd.DataFrame(rows, columns=COLUMNS)
    table = table[(table.n > 0) | table.score.notna()].reset_index(drop=True)  # years with nothing: out
    counted = table[(table.fresh >= min_n) & (2 * table.fresh >= table.n)]
    sigma = {"first": np.nan, "last": np.nan, "sigma_slope": np.nan, "converging": None, "years": len(counted),
             "why": ""}
    if len(counted) >= 2:
        slope, _, _ = _slope(counted.year.to_numpy(dtype=float), counted.sd.to_numpy(dtype=float))
        sigma.update({"first": float(counted.sd.iloc[0]), "last": float(counted.sd.iloc[-1]), "sigma_slope": slope,
                      "converging": bool(slope < 0) if slope == slope else None})
    else:
        sigma["why"] = (f"needs two years in which at least {min_n} members, and at least half of them, are "
                        f"observed that year (not carried forward); {len(counted)} such year{'s' * (len(counted) != 1)}")
    beta = {"beta": np.nan, "intercept": np.nan, "r2": np.nan, "n": 0, "converging": None,
            "first_year": None, "last_year": None, "why": ""}
    if len(counted) >= 2 and members:
        y0, y1 = int(counted.year.iloc[0]), int(counted.year.iloc[-1])
        first, last = wide.loc[y0, members], wide.loc[y1, members]
        seen0 = pd.Series([used.loc[y0, m] == y0 for m in members], index=members)
        seen1 = pd.Series([used.loc[y1, m] == y1 for m in members], index=members)
        both = first.notna() & last.notna() & seen0 & seen1
        beta.update({"first_year": y0, "last_year": y1, "n": int(both.sum())})
        if both.sum() >= min_n:
            x = first[both].to_numpy(dtype=float)
            g = (last[both].to_numpy(dtype=float) - x) / (y1 - y0)
            b, a, r2 = _slope(x, g)
            beta.update({"beta": b, "intercept": a, "r2": r2, "converging": bool(b < 0) if b == b else None})
        else:
            beta["why"] = f"needs {min_n} members observed in both {y0} and {y1}; {int(both.sum())} are"
    else:
        beta["why"] = sigma["why"] or "needs members"
    carried_by_year = {int(y): [m for m in members if not np.isnan(wide.loc[y, m]) and used.loc[y, m] < y]
                       for y in table.year}
    return Convergence(scheme, group, code, stat, country, table, sigma, beta, wide, carried_by_year, min_n)
