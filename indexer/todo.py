"""Todo: a country's coding to-do list -- which open indicators decide its scores.

For a partly coded profile every node has bounds (SPEC §3.1, ``indexer.bounds``). Against a
baseline each node has a verdict: above, below, or undetermined while the intervals overlap.
This module answers, for one country:

- **what decides** a node: its open indicators ranked by how far each can move it, its weight
  share in the node times its option range (``share × (highest − lowest)``, in points of the
  node's score; exact for weighted means, a first-order guide for the other aggregations);
- **how many answers settle it at best**: the least ``k`` such that answering the ``k`` first
  indicators of that ranking all at their best makes ``lower > baseline_upper`` (above), or all
  at their worst makes ``upper < baseline_lower`` (below). Each ``k`` is checked by recomputing the
  node's bounds with the engine's own kernel (all hypotheses of all nodes as rows of one array).
  For weighted means the ranking's order is optimal, so ``k`` is the true minimum. The baseline's
  bounds are held as they are, which is exact even for a member of the group: answering at best
  raises the member's ``lower`` but leaves its ``upper`` (the one that enters ``baseline_upper``)
  as it was, and likewise at worst. The one approximation: a member without a score at the node
  is left out of the baseline now and would enter it once it has one;
- **the to-do list**: every open indicator, ranked by how far it can move the overall score
  (its share of the overall × its option range), with the undetermined nodes it lies under;
- **the answers to re-read**: those given before their question was revised (``indexer.versions``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from .bounds import leaf_shares, propagate
from .compare import Comparison, Scored, compare
from .model import Group, Profile, Scheme
from .versions import Stale, stale_answers

OPEN_COLUMNS = ["order", "code", "title", "area", "lowest", "highest", "range", "share", "swing", "decides"]
"""One row per open indicator, best first: ``share`` of the overall score, ``swing = share ×
range`` (overall points it can still move), ``decides`` the undetermined nodes above it."""

NODE_COLUMNS = ["code", "title", "level", "depth", "score", "coverage", "lower", "upper", "baseline",
                "baseline_lower", "baseline_upper", "verdict", "open_n", "to_settle", "settles_as", "first"]
"""One row per composite node: bounds, verdict, open indicators below it, and for an undetermined
node the least number of answers that settles the verdict at best (``to_settle``; empty when no
answers of this country can settle it), the verdict they would give (``settles_as``: above,
below, or either when as few answers can settle it both ways) and the
indicators to answer first (``first``, space-separated, in order)."""


class TodoError(ValueError):
    """A to-do list that cannot be made (a country without a profile)."""


@dataclass(frozen=True)
class Todo:
    scheme: Scheme
    country: str
    year: int
    profile: Profile
    group: Group | None
    stat: str
    comparison: Comparison
    nodes: pd.DataFrame  # NODE_COLUMNS
    open: pd.DataFrame  # OPEN_COLUMNS
    ranking: dict[str, list[str]]  # node code -> its open indicators, most decisive first
    #: answers given before their question was revised (``indexer.versions``): to re-read
    reread: tuple[Stale, ...] = ()

    @property
    def undetermined(self) -> pd.DataFrame:
        return self.nodes[self.nodes.verdict == "undetermined"]


def todo(
    scheme: Scheme,
    profiles: Sequence[Profile] | Scored,
    country: str,
    *,
    group: Group | None = None,
    stat: str = "mean",
    year: int | None = None,
    exclude: Sequence[str] = (),
) -> Todo:
    """The coding to-do list of ``country`` (its profile for ``year`` or its latest earlier one)."""
    scored = profiles if isinstance(profiles, Scored) else Scored.of(scheme, profiles, exclude)
    r = scored.row_for(country, year)
    if r is None:
        raise TodoError(f"{country} has no profile of {scheme.id}" + (f" for {year} or earlier" if year else ""))
    cmp_ = compare(scheme, scored, [country], group=group, stat=stat, year=r[0])
    _, i = r
    arrays = scored.arrays
    tree = arrays.tree
    assert tree is not None and arrays.leaf_values is not None and arrays.open is not None
    leaves = scheme.leaves
    lo_x, hi_x = arrays.extremes
    span = hi_x - lo_x
    one = tree.take([i])
    vals = arrays.leaf_values[i]
    is_open = arrays.open[i] & ~tree.excluded[[scheme.index[leaf.code] for leaf in leaves]]
    lower = arrays.lower[i]
    share = leaf_shares(one, arrays.lower[[i]])[0]
    leaf_k = np.array([scheme.index[leaf.code] for leaf in leaves], dtype=int)

    t = cmp_.table.set_index("code")
    verdict = {c: t.at[c, "verdict"] for c in t.index}
    base_lo = {c: t.at[c, "baseline_lower"] for c in t.index}
    base_up = {c: t.at[c, "baseline_upper"] for c in t.index}

    # rank the open leaves under every composite node; then settle the undetermined ones
    ranking: dict[str, list[str]] = {}
    jobs: list[tuple[int, list[int]]] = []  # (node position, open leaf columns in ranking order)
    col_of = {leaf.code: j for j, leaf in enumerate(leaves)}
    for k, node in enumerate(scheme.nodes):
        if node.is_leaf or tree.excluded[k] or np.isnan(lower[k]) or share[k] <= 0:
            continue
        under = [col_of[d.code] for d in scheme.descendants(node.code) if d.is_leaf and is_open[col_of[d.code]]]
        move = {j: share[leaf_k[j]] / share[k] * span[j] for j in under}
        order = sorted((j for j in under if move[j] > 0), key=lambda j: (-move[j], j))
        ranking[node.code] = [leaves[j].code for j in order]
        if verdict.get(node.code) == "undetermined" and order:
            jobs.append((k, order))
    settle: dict[str, tuple[int, str]] = {}
    if jobs:
        rows_lo, rows_hi, meta = [], [], []
        base_row = np.where(is_open, np.nan, vals)
        for k, order in jobs:
            for m in range(1, len(order) + 1):
                top = np.zeros(len(leaves), dtype=bool)
                top[order[:m]] = True
                # above at best: the first m at their highest, every other open leaf at its lowest
                rows_hi.append(np.where(is_open, np.where(top, hi_x, lo_x), base_row))
                # below at best: the first m at their lowest, every other open leaf at its highest
                rows_lo.append(np.where(is_open, np.where(top, lo_x, hi_x), base_row))
                meta.append((k, m))
        hyp = one.take(np.zeros(len(meta), dtype=int))
        up_case = propagate(hyp, np.array(rows_hi), arrays.leaf_col)
        down_case = propagate(hyp, np.array(rows_lo), arrays.leaf_col)
        for row, (k, m) in enumerate(meta):
            code = scheme.nodes[k].code
            if code in settle:
                continue
            up, down = up_case[row, k] > base_up[code], down_case[row, k] < base_lo[code]
            if up or down:
                settle[code] = (m, "either" if up and down else "above" if up else "below")

    node_rows = []
    for node in scheme.nodes:
        if node.is_leaf or node.code not in t.index:
            continue
        rr = t.loc[node.code]
        under_open = [d.code for d in scheme.descendants(node.code) if d.is_leaf and is_open[col_of[d.code]]]
        m, how = settle.get(node.code, (None, ""))
        node_rows.append({
            "code": node.code, "title": node.title, "level": node.level, "depth": node.depth,
            "score": rr.score, "coverage": rr.coverage, "lower": rr.lower, "upper": rr.upper,
            "baseline": rr.baseline, "baseline_lower": rr.baseline_lower, "baseline_upper": rr.baseline_upper,
            "verdict": rr.verdict, "open_n": len(under_open), "to_settle": m, "settles_as": how,
            "first": " ".join(ranking.get(node.code, [])[:m]) if m else "",
        })
    nodes = pd.DataFrame(node_rows, columns=NODE_COLUMNS)
    nodes["to_settle"] = nodes["to_settle"].astype("Int64")

    undetermined = {c for c, v in verdict.items() if v == "undetermined"}
    open_rows = []
    overall = scheme.root.code
    for j in ranking.get(overall, []) + [j_code for j_code in (leaves[j].code for j in range(len(leaves)) if is_open[j])
                                         if j_code not in ranking.get(overall, [])]:
        jj = col_of[j]
        leaf = leaves[jj]
        s = share[leaf_k[jj]]
        open_rows.append({
            "code": leaf.code, "title": leaf.title, "area": scheme.area_of(leaf.code),
            "lowest": lo_x[jj], "highest": hi_x[jj], "range": span[jj], "share": s, "swing": s * span[jj],
            "decides": " ".join(c for c in reversed(scheme.ancestors(leaf.code)) if c in undetermined),
        })
    open_df = pd.DataFrame(open_rows, columns=OPEN_COLUMNS[1:])
    open_df.insert(0, "order", np.arange(1, len(open_df) + 1))
    prof = scored.profile(i)
    return Todo(scheme, country, cmp_.years_used[country], prof, group, stat, cmp_, nodes,
                open_df, ranking, stale_answers(prof, scheme))
