"""The exact search of the smallest reform (``indexer.transfer``'s module docstring): ``F_v(j)``,
the highest score node ``v`` can reach with at most ``j`` changes below it, by (max, +) and
(max, min/max) convolutions of the children's tables, and by thresholds for a median."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .model import Profile, Scheme

TOL = 1e-9
BIG = 1e9  # an unreachable budget


@dataclass(frozen=True)
class Candidate:
    code: str
    answer: str
    score: float
    best: str
    best_score: float
    kind: str = "change"  # "change" an answered leaf, or "answer" an open one (``score`` = its lowest)


def _methods(scheme: Scheme) -> list[str]:
    return [scheme.method_of(n) for n in scheme.nodes]


def _conv(a: np.ndarray, b: np.ndarray, op) -> tuple[np.ndarray, np.ndarray]:  # noqa: ANN001
    """(max, op) convolution of two non-decreasing tables: c[j] = max_{i} op(a[i], b[j − i]);
    also the ``i`` of each maximum."""
    na, nb = len(a), len(b)
    M = op(a[:, None], b[None, :])
    c = np.empty(na + nb - 1)
    split = np.empty(na + nb - 1, dtype=int)
    for j in range(na + nb - 1):
        i0, i1 = max(0, j - nb + 1), min(j, na - 1)
        ii = np.arange(i0, i1 + 1)
        vals = M[ii, j - ii]
        best = int(np.argmax(vals))
        c[j], split[j] = vals[best], ii[best]
    return c, split


def _median_table(tables: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """F(j) of an (unweighted) median of children with tables ``tables``, and the budget of each
    child for each j (rows j, columns children)."""
    m = len(tables)
    J = sum(len(t) - 1 for t in tables)
    T = np.unique(np.concatenate(tables))
    cost = np.full((m, len(T)), BIG)
    for i, t in enumerate(tables):
        j = np.searchsorted(t, T - TOL, side="left")
        cost[i] = np.where(j < len(t), j, BIG)
    F = np.full(J + 1, -np.inf)
    alloc = np.zeros((J + 1, m), dtype=int)
    order = np.argsort(cost, axis=0, kind="stable")  # children by cost, per threshold
    srt = np.take_along_axis(cost, order, axis=0)
    if m % 2:
        h = (m + 1) // 2
        c_t = srt[:h].sum(axis=0)  # cost of reaching median >= T[t]
        for j in range(J + 1):
            ok = np.flatnonzero(c_t <= j)
            t = ok[-1]  # the highest reachable threshold (T sorted); 0 changes always reach T of the median
            F[j] = T[t]
            alloc[j, order[:h, t]] = cost[order[:h, t], t].astype(int)
        return F, alloc
    h = m // 2
    sum_h, sum_h1 = srt[:h].sum(axis=0), srt[:h + 1].sum(axis=0)
    in_h = np.zeros((m, len(T)), dtype=bool)
    np.put_along_axis(in_h, order[:h], True, axis=0)
    excl = np.where(in_h, sum_h1[None, :] - cost, sum_h[None, :])  # (u, t2): h smallest without u
    pair = cost[:, :, None] + excl[:, None, :]  # (u, t1, t2)
    ubest = pair.argmin(axis=0)
    pcost = pair.min(axis=0)  # (t1, t2)
    value = (T[:, None] + T[None, :]) / 2
    valid = T[:, None] <= T[None, :] + TOL
    for j in range(J + 1):
        ok = valid & (pcost <= j)
        t1, t2 = np.unravel_index(np.argmax(np.where(ok, value, -np.inf)), ok.shape)
        F[j] = value[t1, t2]
        u = ubest[t1, t2]
        chosen = [i for i in order[:h + 1, t2] if i != u][:h]
        for i in chosen:
            alloc[j, i] = int(cost[i, t2])
        alloc[j, u] = int(cost[u, t1])
    return F, alloc


def search_tables(scheme: Scheme, profile: Profile, S: np.ndarray, candidates: Sequence[Candidate]
                  ) -> tuple[dict[int, np.ndarray], dict[int, tuple[list[int], np.ndarray]]]:
    """F_v(j) for every node (tables), and for each composite node its scored children and their
    budgets for each j — the exact search of the module docstring."""
    nodes = scheme.nodes
    idx = scheme.index
    methods = _methods(scheme)
    cand = {c.code: c for c in candidates}
    F: dict[int, np.ndarray] = {}
    split: dict[int, tuple[list[int], np.ndarray]] = {}
    for k in range(len(nodes) - 1, -1, -1):
        node = nodes[k]
        if node.code in profile.scores or node.is_leaf:
            c = cand.get(node.code)
            F[k] = np.array([S[k], c.best_score]) if c is not None and node.code not in profile.scores else np.array([S[k]])
            continue
        if math.isnan(S[k]):
            F[k] = np.array([np.nan])
            continue
        kids = [idx[c.code] for c in node.children]
        kids = [c for c in kids if not math.isnan(F[c][0]) and c in F]
        m = methods[k]
        tables = [F[c] for c in kids]
        if m == "median":
            Fk, alloc = _median_table(tables)
        else:
            w = np.array([nodes[c].weight for c in kids])
            if m == "mean":
                g = [w[i] * t for i, t in enumerate(tables)]
                op = np.add
            elif m == "geometric":
                with np.errstate(divide="ignore"):
                    g = [w[i] * np.log(t) for i, t in enumerate(tables)]
                op = np.add
            else:
                g = list(tables)
                op = np.minimum if m == "min" else np.maximum
            acc, splits = g[0], []
            for t in g[1:]:
                acc, sp = _conv(acc, t, op)
                splits.append(sp)
            J = len(acc) - 1
            alloc = np.zeros((J + 1, len(kids)), dtype=int)
            for j in range(J + 1):
                r = j
                for i in range(len(kids) - 1, 0, -1):
                    left = int(splits[i - 1][r])
                    alloc[j, i] = r - left
                    r = left
                alloc[j, 0] = r
            if m == "mean":
                Fk = acc / w.sum()
            elif m == "geometric":
                Fk = np.exp(acc / w.sum())
            else:
                Fk = acc
        F[k], split[k] = Fk, (kids, alloc)
    return F, split


def search_set(scheme: Scheme, profile: Profile, S: np.ndarray, candidates: Sequence[Candidate], target: float
               ) -> tuple[list[Candidate], float, np.ndarray]:
    """A smallest set reaching ``target`` by the exact search (all candidates if none does).
    Returns (set, the overall the search expects, F_root)."""
    F, split = search_tables(scheme, profile, S, candidates)
    root = F[0]
    hit = np.flatnonzero(root >= target - TOL)
    j = int(hit[0]) if len(hit) else len(root) - 1
    cand = {c.code: c for c in candidates}
    chosen: list[Candidate] = []

    def walk(k: int, budget: int) -> None:
        if budget <= 0:
            return
        node = scheme.nodes[k]
        if node.is_leaf or node.code in profile.scores:
            if node.code in cand and node.code not in profile.scores:
                chosen.append(cand[node.code])
            return
        kids, alloc = split[k]
        for c, b in zip(kids, alloc[min(budget, len(alloc) - 1)], strict=True):
            walk(c, int(b))

    walk(0, j)
    return chosen, float(root[j]), root
