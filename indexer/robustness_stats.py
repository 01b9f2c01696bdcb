"""Ranks and the Sobol' estimators of the robustness analysis (:mod:`indexer.robustness`).

Small pure functions over arrays: competition ranks with a tolerance, first-order and total
Sobol' indices from the radial design, their pooled and bootstrapped summaries over countries,
and nearest-rank quantiles. The formulas are in each docstring and in the module docstring of
:mod:`indexer.robustness`.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np


def ranks(scores: np.ndarray, tol: float = 0.0) -> np.ndarray:
    """Competition ranks along the last axis (1 = highest; ties share the best rank: 1, 2, 2, 4);
    NaN stays NaN and is not counted. A value within ``tol`` of the next higher one ties with it.

    Vectorised over rows: one sort per row (``argsort``), then a running maximum of the
    positions where a new (lower) value starts.
    """
    S = np.asarray(scores, dtype=float)
    flat = S.reshape(-1, S.shape[-1])
    n, c = flat.shape
    if c == 0:
        return S.copy()
    nan = np.isnan(flat)
    filled = np.where(nan, -np.inf, flat)
    order = np.argsort(-filled, axis=1, kind="stable")
    srt = np.take_along_axis(filled, order, axis=1)
    pos = np.arange(1, c + 1, dtype=float)
    new = np.ones((n, c), dtype=bool)
    new[:, 1:] = srt[:, 1:] < srt[:, :-1] - tol
    rank_sorted = np.maximum.accumulate(np.where(new, pos, 0.0), axis=1)
    out = np.empty_like(flat)
    np.put_along_axis(out, order, rank_sorted, axis=1)
    out[nan] = np.nan
    return out.reshape(S.shape)


def sobol_indices(YA: np.ndarray, YB: np.ndarray, YAB: np.ndarray, center: float | np.ndarray | None = None
                  ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """First-order (Saltelli 2010) and total-effect (Jansen) indices, as SALib computes them.

    ``YA``, ``YB``: (N, ...) outputs of the base matrices; ``YAB``: (G, N, ...) outputs of the
    radial matrices. Outputs are centred on ``center`` (default: the mean of all runs). Returns
    (S1, ST, V) with shapes (G, ...), (G, ...), (...); an output that does not vary gets 0.
    """
    if center is None:
        center = np.concatenate([YA[None], YB[None], YAB]).mean(axis=(0, 1))
    A, B, AB = YA - center, YB - center, YAB - center
    V = np.var(np.concatenate([A, B]), axis=0)
    vt = 0.5 * np.mean((A[None] - AB) ** 2, axis=1)
    v1 = np.mean(B[None] * (AB - A[None]), axis=1)
    eps = np.finfo(float).eps
    with np.errstate(invalid="ignore", divide="ignore"):
        ST = np.where(V > eps, vt / np.where(V > eps, V, 1.0), 0.0)
        S1 = np.where(V > eps, v1 / np.where(V > eps, V, 1.0), 0.0)
    return S1, ST, V


def _pooled(YA: np.ndarray, YB: np.ndarray, YAB: np.ndarray, bootstrap: int = 0,
            rng: np.random.Generator | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Variance-weighted indices over the columns (countries) that never miss a value:
    ``Σ_c V_c S_{i,c} / Σ_c V_c``, i.e. Σ of the partial variances over Σ of the variances.

    Returns (S1, ST, ST_conf) where ST_conf is the 95 % half-width of ``bootstrap`` resamples of
    the base rows (NaN without). Resampling is a counts matrix times per-row sums: no loop over
    replications.
    """
    G = YAB.shape[0]
    full = ~(np.isnan(YA).any(axis=0) | np.isnan(YB).any(axis=0) | np.isnan(YAB).any(axis=(0, 1)))
    if not full.any():
        return np.full(G, np.nan), np.full(G, np.nan), np.full(G, np.nan)
    A, B, AB = YA[:, full], YB[:, full], YAB[:, :, full]
    center = np.concatenate([A[None], B[None], AB]).mean(axis=(0, 1))
    A, B, AB = A - center, B - center, AB - center
    N = A.shape[0]
    # per base row: Σ_c of the pieces of each estimator
    d_t = 0.5 * ((A[None] - AB) ** 2).sum(axis=2)  # (G, N)
    d_1 = (B[None] * (AB - A[None])).sum(axis=2)  # (G, N)
    sq = (A ** 2 + B ** 2).sum(axis=1)  # (N,)

    def indices(M: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """M: (resamples, N) counts of each base row."""
        n = M.sum(axis=1, keepdims=True)
        mean_ab = (M @ (A + B)) / (2 * n)  # (resamples, C)
        V = (M @ sq)[:, None] / (2 * n) - (mean_ab ** 2).sum(axis=1, keepdims=True)  # Σ_c var_c
        with np.errstate(invalid="ignore", divide="ignore"):
            st = np.where(V > np.finfo(float).eps, (M @ d_t.T) / n / V, 0.0)
            s1 = np.where(V > np.finfo(float).eps, (M @ d_1.T) / n / V, 0.0)
        return s1, st

    s1, st = indices(np.ones((1, N)))
    conf = np.full(G, np.nan)
    if bootstrap and N > 2:
        rng = rng or np.random.default_rng()
        idx = rng.integers(0, N, (bootstrap, N))
        M = np.zeros((bootstrap, N))
        np.add.at(M, (np.repeat(np.arange(bootstrap), N), idx.ravel()), 1.0)
        conf = 1.959963984540054 * indices(M)[1].std(axis=0, ddof=1)
    return s1[0], st[0], conf


def _quantiles(x: np.ndarray, qs: Sequence[float]) -> list[np.ndarray]:
    """Nearest-rank (inverted-CDF) quantiles of each column over its non-NaN values: one sort."""
    srt = np.sort(x, axis=0)  # NaN last
    n = (~np.isnan(x)).sum(axis=0)
    out = []
    for q in qs:
        k = np.clip(np.ceil(q * n).astype(int) - 1, 0, max(x.shape[0] - 1, 0))
        v = srt[k, np.arange(x.shape[1])] if x.shape[0] else np.full(x.shape[1], np.nan)
        out.append(np.where(n > 0, v, np.nan))
    return out
