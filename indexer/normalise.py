"""Normalise: numeric indicators rescaled across the countries of the same year (as COINr does).

A numeric leaf with ``numeric: {normalise: minmax|zscore, range: [lo, hi], best: high|low}``
is not scored by fixed goalposts but relative to the other profiles scored together with it
that have the same reference ``year``. Every function here is pure and vectorised: it takes
numpy arrays (one value per profile, NaN for "no value") and returns a new array.

Missing-data rule (every function): a NaN (absent or ``n/a``) stays NaN and takes no part in
the statistics (min, max, mean, sd) of its year; a year where no profile has a value gives NaN
throughout.

Rules that COINr leaves undefined, decided here:

- a year where every value is equal (including a year with one profile): ``minmax`` gives the
  middle of the range and ``zscore`` gives z = 0 (also the middle), i.e. "at the average" --
  rather than NaN, which would drop the indicator from that year's aggregates silently;
- ``numeric.min``/``numeric.max``, when given beside ``normalise``, cap the values before
  normalising (values are clipped to ``[min, max]``, as SPEC §3 clips goalposts).

``zscore`` maps z-scores onto the range (see :func:`zscore`): ``c + z * h`` with the range's
centre ``c = (lo + hi) / 2`` and ``h = (hi - lo) / 10``, so on a 0-100 scale a score is the
T-score ``50 + 10 z``; COINr's ``n_zscore(m_sd = c(m, s))`` is ``range: [m - 5 s, m + 5 s]``
(its default ``c(0, 1)`` is ``range: [-5, 5]``). Scores are not clipped: a value more than 5
standard deviations from its year's mean falls outside the range (impossible with 26 or fewer
profiles in the year, since then ``|z| <= (n - 1) / sqrt(n) < 5``); ``normalise_by_year`` then
clips it to the scheme's scale, so a score never leaves the scale.
"""

from __future__ import annotations

import numpy as np

from .model import Numeric

METHODS = ("minmax", "zscore")

#: ``zscore``: the range spans this many standard deviations (mean ± 5 sd)
ZSCORE_SPAN = 10.0


def _groups(years: np.ndarray | None, n: int) -> tuple[np.ndarray, int]:
    """Group index of every row (0..k-1) and the number of groups k."""
    if years is None:
        return np.zeros(n, dtype=np.intp), 1
    _, inv = np.unique(np.asarray(years), return_inverse=True)
    inv = inv.reshape(-1)
    return inv, int(inv.max()) + 1 if n else 0


def group_min_max(x: np.ndarray, groups: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """Per-row min and max of ``x`` over the rows of its group, ignoring NaN (NaN if none)."""
    lo = np.full(k, np.inf)
    hi = np.full(k, -np.inf)
    valid = ~np.isnan(x)
    np.minimum.at(lo, groups[valid], x[valid])
    np.maximum.at(hi, groups[valid], x[valid])
    lo[np.isinf(lo)] = np.nan
    hi[np.isinf(hi)] = np.nan
    return lo[groups], hi[groups]


def group_mean_sd(x: np.ndarray, groups: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per-row mean, sample standard deviation (n - 1, as R's ``sd``) and count of ``x`` over
    the rows of its group, ignoring NaN. The sd is NaN where the group has fewer than 2 values."""
    valid = ~np.isnan(x)
    g = groups[valid]
    v = x[valid]
    n = np.bincount(g, minlength=k).astype(float)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = np.bincount(g, weights=v, minlength=k) / n
        dev2 = np.bincount(g, weights=(v - mean[g]) ** 2, minlength=k)  # two-pass: no cancellation
        sd = np.sqrt(dev2 / (n - 1))
    sd = np.where(n >= 2, sd, np.nan)
    return mean[groups], sd[groups], n[groups]


def minmax(
    x: np.ndarray,
    years: np.ndarray | None = None,
    *,
    range: tuple[float, float] = (0.0, 100.0),  # noqa: A002 - the scheme's word
    best: str = "high",
) -> np.ndarray:
    """Min-max normalisation within each year (COINr ``n_minmax``), to ``range = [l, u]``:

    - ``best='high'``: ``l + (x - min) / (max - min) * (u - l)``;
    - ``best='low'``:  ``l + (max - x) / (max - min) * (u - l)`` (COINr: multiply by the
      direction -1, then min-max; the same numbers).

    ``min`` and ``max`` are taken over the non-missing values of the same year. Missing data:
    NaN stays NaN and is left out of min and max. A year whose values are all equal gives
    ``(l + u) / 2`` to each of its values.
    """
    x = np.asarray(x, dtype=float)
    groups, k = _groups(years, x.shape[0])
    lo, hi = group_min_max(x, groups, k)
    l, u = float(range[0]), float(range[1])  # noqa: E741
    span = hi - lo
    flat = span == 0
    with np.errstate(invalid="ignore", divide="ignore"):
        share = (x - lo) / np.where(flat, 1.0, span) if best == "high" else (hi - x) / np.where(flat, 1.0, span)
    share = np.where(flat, 0.5, share)
    return np.where(np.isnan(x), np.nan, l + share * (u - l))


def zscore(
    x: np.ndarray,
    years: np.ndarray | None = None,
    *,
    range: tuple[float, float] = (0.0, 100.0),  # noqa: A002 - the scheme's word
    best: str = "high",
) -> np.ndarray:
    """Z-score standardisation within each year (COINr ``n_zscore``), placed on ``range``:

    ``z = (x - mean) / sd`` with the mean and the sample standard deviation (denominator
    ``n - 1``, as R's ``sd``) of the non-missing values of the same year; ``z`` is negated for
    ``best='low'``. The score is ``c + z * h`` with ``c = (l + u) / 2`` and
    ``h = (u - l) / 10`` for ``range = [l, u]``: the range's centre is the year's mean and its
    ends lie 5 standard deviations away (``50 + 10 z`` on 0-100). Scores are not clipped.

    Missing data: NaN stays NaN and is left out of the mean and sd. A year with one value or
    with all values equal (sd 0 or undefined) gives z = 0, i.e. ``c``.
    """
    x = np.asarray(x, dtype=float)
    groups, k = _groups(years, x.shape[0])
    mean, sd, _ = group_mean_sd(x, groups, k)
    flat = np.isnan(sd) | (sd == 0)
    with np.errstate(invalid="ignore", divide="ignore"):
        z = (x - mean) / np.where(flat, 1.0, sd)
    z = np.where(flat, 0.0, z)
    if best == "low":
        z = -z
    l, u = float(range[0]), float(range[1])  # noqa: E741
    c, h = (l + u) / 2.0, (u - l) / ZSCORE_SPAN
    return np.where(np.isnan(x), np.nan, c + z * h)


def normalise_by_year(
    raw: np.ndarray, years: np.ndarray, numeric: Numeric, scale: tuple[float, float]
) -> np.ndarray:
    """Leaf scores of a normalised numeric leaf: ``raw`` (one number per profile, NaN for no
    answer or ``n/a``) normalised across the profiles of the same year by ``numeric.normalise``
    to ``numeric.range`` (default: the scheme's ``scale``), respecting ``numeric.best``.

    ``numeric.min``/``max``, when given, first clip the values (outlier caps). Missing data:
    NaN in, NaN out, and NaN takes no part in any year's statistics.
    """
    x = np.asarray(raw, dtype=float)
    if numeric.min is not None or numeric.max is not None:
        x = np.clip(x, numeric.min if numeric.min is not None else -np.inf,
                    numeric.max if numeric.max is not None else np.inf)
    rng = numeric.range if numeric.range is not None else scale
    if numeric.normalise == "minmax":
        return minmax(x, years, range=rng, best=numeric.best)
    if numeric.normalise == "zscore":
        # more than 5 sd from the year's mean would leave the range: clip to the scheme's scale,
        # so that every score stays on the scale (and geometric means never see a negative)
        return np.clip(zscore(x, years, range=rng, best=numeric.best), scale[0], scale[1])
    raise ValueError(f"unknown normalisation {numeric.normalise!r}; use one of {', '.join(METHODS)}")


__all__ = ["METHODS", "minmax", "zscore", "normalise_by_year", "group_min_max", "group_mean_sd"]
