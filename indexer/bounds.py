"""Bounds of a partly coded profile (SPEC §3.1): what each node's score can still become.

An *open* leaf is applicable (not ``n/a``), absent, and not under a given score. ``lower`` scores
every open leaf at its lowest option score (a numeric leaf: the scale's minimum), ``upper`` at
its highest (the scale's maximum); answered leaves and given scores keep their scores; every
composite node aggregates with its own method and weights, ignoring ``min_coverage`` and the
``missing`` rule. All five aggregations are non-decreasing in every child, so the final score
lies in ``[lower, upper]``; at coverage 1, ``lower = upper = score``.

Kernels here are pure numpy over rows of profiles (or of hypothetical completions of one
profile, see ``indexer.todo``), columns of nodes in ``scheme.nodes`` order.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from .model import Node, Scheme

VERDICTS = ("above", "below", "equal", "undetermined")


def leaf_extremes(scheme: Scheme, leaves: tuple[Node, ...]) -> tuple[np.ndarray, np.ndarray]:
    """The lowest and highest score each leaf can take: its options' least and greatest score;
    a numeric leaf spans the scale (``[scale[0], scale[1]]``)."""
    lo = np.empty(len(leaves))
    hi = np.empty(len(leaves))
    for j, leaf in enumerate(leaves):
        if leaf.numeric is not None or not leaf.options:
            lo[j], hi[j] = scheme.scale
        else:
            scores = [o.score for o in leaf.options]
            lo[j], hi[j] = min(scores), max(scores)
    return lo, hi


@dataclass(frozen=True)
class TreeInputs:
    """What a tree walk needs besides the leaf values (all per profile row where 2-D).

    ``given`` (rows × nodes) given scores, NaN for none; ``below`` (rows × nodes) True under a
    given score; ``excluded`` (nodes,) dropped subtrees; ``weights``/``aggregation`` overrides by code.
    """

    scheme: Scheme
    given: np.ndarray
    below: np.ndarray
    excluded: np.ndarray
    weights: Mapping[str, float]
    aggregation: Mapping[str, str]

    def take(self, rows: np.ndarray | list[int]) -> TreeInputs:
        """The same tree for the given profile rows (repeats allowed: hypotheses of one profile)."""
        return TreeInputs(self.scheme, self.given[rows], self.below[rows], self.excluded, self.weights,
                          self.aggregation)


def propagate(inputs: TreeInputs, leaf_values: np.ndarray, leaf_col: Mapping[str, int]) -> np.ndarray:
    """Every node's value from leaf values, ignoring ``min_coverage``: rows × nodes.

    ``leaf_values`` is rows × leaves (NaN: the leaf has no value, e.g. ``n/a``). A given score
    replaces the node's aggregate; a node under a given score has none (unless given); an
    excluded node has none. Composite nodes aggregate their children with ``score.aggregate``
    (their own method and weights), children without a value left out.
    """
    from .score import aggregate

    scheme = inputs.scheme
    nodes, idx = scheme.nodes, scheme.index
    n = leaf_values.shape[0]
    out = np.full((n, len(nodes)), np.nan)
    for k in range(len(nodes) - 1, -1, -1):  # children before parents
        node = nodes[k]
        if inputs.excluded[k]:
            continue
        if node.is_leaf:
            s = leaf_values[:, leaf_col[node.code]]
        else:
            kids = [idx[c.code] for c in node.children if not inputs.excluded[idx[c.code]]]
            if kids:
                w = np.array([inputs.weights.get(nodes[c].code, nodes[c].weight) for c in kids], dtype=float)
                method = inputs.aggregation.get(node.code) or scheme.method_of(node)
                s = aggregate(out[:, kids], w, method)
            else:
                s = np.full(n, np.nan)
        s = np.where(inputs.below[:, k], np.nan, s)
        g = inputs.given[:, k]
        out[:, k] = np.where(np.isnan(g), s, g)
    return out


def open_leaves(state: np.ndarray, below_leaf: np.ndarray, given_leaf: np.ndarray) -> np.ndarray:
    """Rows × leaves: True where a leaf is open (absent, applicable, not under or at a given score)."""
    from .score import ABSENT

    return (state == ABSENT) & ~below_leaf & np.isnan(given_leaf)


def bound_leaf_values(leaf_vals: np.ndarray, is_open: np.ndarray, extreme: np.ndarray) -> np.ndarray:
    """Leaf values with every open leaf at ``extreme`` (its lowest or highest score)."""
    return np.where(is_open, extreme[None, :], leaf_vals)


def leaf_shares(inputs: TreeInputs, lower: np.ndarray) -> np.ndarray:
    """Rows × nodes: each node's weight share in the overall score among the nodes with bounds,
    the product down its path of ``w / Σ w(siblings with bounds)``; 0 for a node without bounds.

    A leaf's share in a node is ``share[leaf] / share[node]``. It is exact for weighted means
    (the bound moves by share × change); a first-order guide for the other aggregations.
    """
    scheme = inputs.scheme
    nodes, idx = scheme.nodes, scheme.index
    n = lower.shape[0]
    has = ~np.isnan(lower)
    share = np.zeros((n, len(nodes)))
    share[:, 0] = np.where(has[:, 0], 1.0, 0.0)
    for k, node in enumerate(nodes):  # parents before children
        kids = [idx[c.code] for c in node.children if not inputs.excluded[idx[c.code]]]
        if not kids:
            continue
        w = np.array([inputs.weights.get(nodes[c].code, nodes[c].weight) for c in kids], dtype=float)
        wk = np.where(has[:, kids], w[None, :], 0.0)
        total = wk.sum(axis=1, keepdims=True)
        with np.errstate(invalid="ignore", divide="ignore"):
            part = np.where(total > 0, wk / np.where(total > 0, total, 1.0), 0.0)
        # a given score at a node fixes it: its children do not move it
        fixed = ~np.isnan(inputs.given[:, k])[:, None]
        share[:, kids] = np.where(fixed, 0.0, share[:, [k]] * part)
    return share


# ----------------------------------------------------------------------------------------------
# comparing intervals


def verdicts(lower: np.ndarray, upper: np.ndarray, base_lower: np.ndarray, base_upper: np.ndarray) -> np.ndarray:
    """``above`` where ``lower > base_upper``, ``below`` where ``upper < base_lower``, ``equal``
    where both intervals are the same single point, ``undetermined`` where they overlap
    otherwise; '' where either side has no bounds."""
    out = np.full(np.shape(lower), "undetermined", dtype=object)
    missing = np.isnan(lower) | np.isnan(upper) | np.isnan(base_lower) | np.isnan(base_upper)
    with np.errstate(invalid="ignore"):
        out[(lower == upper) & (base_lower == base_upper) & (lower == base_lower)] = "equal"
        out[lower > base_upper] = "above"
        out[upper < base_lower] = "below"
    out[missing] = ""
    return out


def rank_bounds(lower: np.ndarray, upper: np.ndarray, pool_lower: np.ndarray,
                pool_upper: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Best and worst possible rank (1 = highest) of a country whose bounds are ``lower``,
    ``upper`` (per column) among the *others* ``pool_lower``/``pool_upper`` (rows × columns):
    best ``1 + #{others: lower_other > upper}``, worst ``1 + #{others: upper_other > lower}``.
    Others without bounds are left out. Returns (best, worst, n) with n the pool size with bounds
    counting the country; NaN ranks where the country has no bounds."""
    has = ~np.isnan(pool_lower) & ~np.isnan(pool_upper)
    with np.errstate(invalid="ignore"):
        best = (has & (pool_lower > upper[None, :])).sum(axis=0) + 1.0
        worst = (has & (pool_upper > lower[None, :])).sum(axis=0) + 1.0
    none = np.isnan(lower) | np.isnan(upper)
    n = has.sum(axis=0) + (~none).astype(int)
    return np.where(none, np.nan, best), np.where(none, np.nan, worst), n
