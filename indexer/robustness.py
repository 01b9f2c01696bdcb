"""Robustness of scores and ranks: a vectorised Monte Carlo over the assumptions of an index.

A methodologist questions four things about a composite index (the "assumptions", or uncertain
*factors* of a sensitivity analysis):

``weights:<level>``
    the weights of the nodes of one level (one factor per level, e.g. ``weights:area``,
    ``weights:dimension``, ``weights:indicator``). Two noise models, both driven by one uniform
    number ``u`` per node so that the same design serves Sobol' estimation and SALib:

    - ``uniform`` (default): multiplicative noise, ``w' = w · (1 + x · (2u − 1))``, i.e. each
      weight is drawn uniformly within ±x of its nominal value (default x = 25 %, as COINr's
      usual setting);
    - ``dirichlet``: the shares of each set of siblings are drawn from a Dirichlet distribution
      centred on the nominal shares, ``Dirichlet(κ · w/Σw)``, by the gamma construction
      ``g_i = Γ⁻¹(κ·p_i; u_i)`` (inverse regularised incomplete gamma) then ``w'_i = Σw · g_i/Σg``;
      ``κ`` (default 50) is the concentration: larger is closer to the nominal weights.

``aggregation``
    the method of every composite node, drawn uniformly from ``aggregations`` (default mean,
    geometric, median) — one method for the whole tree in a replication. (The nominal run keeps
    each node's own method.)

``missing``
    the missing-answer rule, ``skip`` or ``zero`` with probability ½ each (SPEC §3).

``drop``
    leave one top-level node (area) out, or none: ``none`` and each area with equal probability
    ``1/(K+1)``. A dropped area is excluded as ``--exclude`` does (its leaves leave the coverage
    count too).

Given (published) scores. A profile's given score is a fixed value: the assumptions act only
above it. Published MIPEX profiles, which give the eight area scores (and the overall), thus
enter as *fixed leaves of the area level*: the area weights, the aggregation of the areas and the
dropping of an area move their overall; the indicator-level assumptions do not. One exception:
a given score whose children all have given scores of their own (a published overall above
published areas) is *re-derived* from those children in every replication — otherwise it could
not move at all, and the question "how robust is the ranking to the way the areas are combined"
would have no answer for published data. The reported ``nominal_score``/``nominal_rank`` remain the
engine's own (the published overall); the re-derived nominal may differ from it by the rounding
of the published figures.

Design and estimators. ``N`` base rows are drawn twice (matrices ``A`` and ``B`` of uniform
numbers, one column per input; numpy ``Generator`` seeded by ``seed``); for each factor ``i``
the radial matrix ``A_B^i`` is ``A`` with factor ``i``'s columns taken from ``B`` (the design of
Saltelli et al. 2010, the one of ``SALib.sample.sobol``/``saltelli`` without second order).
That is ``N (G + 2)`` model evaluations for ``G`` factors; ``runs`` counts all of them
(``N = runs // (G + 2)``). Every evaluation is a valid draw from the input distribution, so the
rank quantiles use all of them.

- total effect (Jansen 1999): ``ST_i = ½ E[(f(A) − f(A_B^i))²] / V``,
- first order (Saltelli 2010): ``S1_i = E[f(B) (f(A_B^i) − f(A))] / V``,

with ``V`` the variance of ``f`` over ``A`` and ``B`` and ``f`` centred on the mean of all runs,
exactly as ``SALib.analyze.sobol`` computes them. They are given per country (output: its rank,
and its score) and summarised over countries by the variance-weighted mean
``Σ_c V_c S_{i,c} / Σ_c V_c`` — the generalised index of Gamboa et al. (2014) for a vector
output, here the vector of ranks.

Vectorisation. Answers are read and leaves scored once (``score.score_arrays`` for each missing
rule, which also gives the coverage of every node and, per dropped area, of the root). Every
replication is then a re-aggregation: the tree is walked once per batch of replications that
share the discrete choices (aggregation method × missing rule: at most six batches), each node a
few array operations over (replications × countries); nodes whose children are all leaves reduce
to two matrix products (weighted mean, geometric mean) or a fixed value (median, min, max do not
depend on weights). No Python loop per replication.

Ranks are competition ranks (1 = highest; ties share the best rank) within the pool (the
group's members with a profile up to the year, plus any country added), counted with a
tolerance of 1e-9 of the scale so that rounding noise never splits a tie. Rank quantiles are
nearest-rank (inverted-CDF) quantiles, so bands are whole ranks.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .model import Group, Profile, Scheme
from .robustness_stats import _pooled, _quantiles, ranks, sobol_indices  # noqa: F401 - re-exported
from .score import score_arrays

WEIGHT_NOISE = ("uniform", "dirichlet")
FACTOR_KINDS = ("weights", "aggregation", "missing", "drop")
DEFAULT_AGGREGATIONS = ("mean", "geometric", "median")

CSV_COLUMNS = ["country", "year", "nominal_score", "nominal_rank", "median_rank", "p05_rank", "p95_rank",
               "mean_rank", "p05_score", "median_score", "p95_score", "runs_scored", "rank_n", "provenance"]
SENSITIVITY_COLUMNS = ["factor", "description", "ST_rank", "ST_rank_conf", "S1_rank", "ST_score", "S1_score"]


class RobustnessError(ValueError):
    """An analysis that cannot be run (no countries, unknown factor, ...)."""


class TooManyRuns(RobustnessError):
    """``runs`` would not fit in the memory allowed (``MAX_ROBUSTNESS_BYTES``)."""


#: memory the model evaluations of one analysis may take; more runs are refused, not attempted
#: (measured here: about 10 bytes × (2 × dimensions + 6 × countries + 20) per run, with margin)
MAX_ROBUSTNESS_BYTES = 2 * 2**30


def run_bytes(dimensions: int, countries: int) -> int:
    """Estimated bytes per model evaluation (run) of :func:`robustness`."""
    return 10 * (2 * dimensions + 6 * countries + 20)


@dataclass(frozen=True)
class Assumptions:
    """Which assumptions vary, and how.

    ``factors``: any of ``weights`` (every level), ``weights:<level>`` (one level),
    ``aggregation``, ``missing``, ``drop``. ``noise`` is the ± share of ``uniform`` weight noise;
    ``concentration`` the κ of ``dirichlet`` noise.
    """

    factors: tuple[str, ...] = FACTOR_KINDS
    weight_noise: str = "uniform"
    noise: float = 0.25
    concentration: float = 50.0
    aggregations: tuple[str, ...] = DEFAULT_AGGREGATIONS

    def describe(self) -> dict:
        return {"factors": list(self.factors), "weight_noise": self.weight_noise, "noise": self.noise,
                "concentration": self.concentration, "aggregations": list(self.aggregations)}


@dataclass(frozen=True)
class Factor:
    """One uncertain factor: a group of columns of the unit-cube input matrix."""

    name: str
    kind: str
    columns: tuple[int, ...]
    description: str


@dataclass(frozen=True)
class Inputs:
    """Decoded inputs of ``R`` replications."""

    weights: np.ndarray  # (R, nodes): the weight of every node (the root's unused)
    aggregation: np.ndarray  # (R,) int: index into Model.methods; -1 = each node's own
    missing: np.ndarray  # (R,) int: 0 skip, 1 zero
    drop: np.ndarray  # (R,) int: 0 none, i = the i-th top-level node left out


# ----------------------------------------------------------------------------------------------
# the model: the index as a function of the uncertain inputs


class Model:
    """The overall score of a fixed set of profiles as a function of the uncertain inputs.

    ``evaluate(U)`` maps a unit-cube matrix ``U`` (replications × ``D`` inputs) to overall
    scores (replications × countries). ``problem()`` is the same model's SALib problem.
    """

    def __init__(self, scheme: Scheme, profiles: Sequence[Profile], assumptions: Assumptions | None = None,
                 *, chunk: int = 4096, context: Sequence[Profile] = ()) -> None:
        self.scheme = scheme
        self.profiles = tuple(profiles)
        self.assumptions = a = assumptions or Assumptions()
        self.chunk = chunk
        if a.weight_noise not in WEIGHT_NOISE:
            raise RobustnessError(f"unknown weight noise {a.weight_noise!r}; use {' or '.join(WEIGHT_NOISE)}")
        if not 0 <= a.noise < 1:
            raise RobustnessError("weight noise must lie in [0, 1)")
        if a.concentration <= 0:
            raise RobustnessError("the Dirichlet concentration must be > 0")
        for m in a.aggregations:
            if m not in ("mean", "geometric", "median", "min", "max"):
                raise RobustnessError(f"unknown aggregation {m!r}")
        if "geometric" in a.aggregations and scheme.scale[0] < 0:
            raise RobustnessError("geometric aggregation needs a scale that starts at 0 or above")
        nodes = scheme.nodes
        idx = scheme.index
        self.n_nodes = len(nodes)
        self.C = len(self.profiles)
        self.top = [idx[c.code] for c in scheme.root.children]
        self.methods = tuple(a.aggregations)
        self._build_factors()

        # leaf values per missing rule, coverage masks, given scores: the engine's own arrays
        profs = self.profiles
        # numeric leaves normalised across the countries of a year are scored among every profile
        # of those years (``context``), as ``score`` and ``compare`` score them; the rows of the
        # pool come first and are the ones kept
        C = self.C
        if any(n.numeric is not None and n.numeric.normalise for n in scheme.leaves) and context:
            years = {p.year for p in profs}
            mine = set(map(id, profs))
            profs = profs + tuple(p for p in context if p.scheme == scheme.id and p.year in years and id(p) not in mine)

        def arrays(**kw):  # noqa: ANN003, ANN202
            a = score_arrays(scheme, profs, **kw)
            return a.score[:C], a.coverage[:C]

        base = {rule: arrays(missing=rule) for rule in ("skip", "zero")}
        self.nominal_scores = arrays()[0][:, 0]
        self.leaf_nodes = [k for k, n in enumerate(nodes) if n.is_leaf]
        self.leaf_values = {r: base[r][0][:, self.leaf_nodes] for r in ("skip", "zero")}  # (C, L)
        self.leaf_col = {k: j for j, k in enumerate(self.leaf_nodes)}
        self.leafok = {r: ~np.isnan(v) for r, v in self.leaf_values.items()}
        self.leaf0 = {r: np.where(self.leafok[r], v, 0.0) for r, v in self.leaf_values.items()}
        self.leaflog = {r: np.log(np.where(v > 0, v, 1.0)) for r, v in self.leaf0.items()}
        cov = base[scheme.missing][1]
        self.ok: dict[int, np.ndarray] = {}
        for k, n in enumerate(nodes):
            if n.is_leaf:
                continue
            mc = scheme.min_coverage_of(n)
            c = cov[:, k]
            self.ok[k] = ~(np.isnan(c) | (c < mc)) if mc > 0 else np.ones(self.C, dtype=bool)
        mc_root = scheme.min_coverage_of(scheme.root)
        root_ok = [self.ok[0]]
        for t in self.top:
            if mc_root > 0:
                c = arrays(exclude=[nodes[t].code])[1][:, 0]
                root_ok.append(~(np.isnan(c) | (c < mc_root)))
            else:
                root_ok.append(np.ones(self.C, dtype=bool))
        self.root_ok = np.array(root_ok)  # (K+1, C)
        #: per drop choice, 1 for the top-level nodes kept, 0 for the one left out
        K = len(self.top)
        self._keep = np.ones((K + 1, K))
        for d in range(1, K + 1):
            self._keep[d, d - 1] = 0.0

        # given scores: fixed, unless every child of the node has a given score (re-derived)
        self.fixed: dict[int, tuple[np.ndarray, np.ndarray]] = {}
        given = np.full((self.C, self.n_nodes), np.nan)
        for i, p in enumerate(self.profiles):
            for code, v in p.scores.items():
                if code in idx:
                    given[i, idx[code]] = v
        has = ~np.isnan(given)
        for k, n in enumerate(nodes):
            if not has[:, k].any():
                continue
            mask = has[:, k].copy()
            if n.children:
                kids = [idx[c.code] for c in n.children]
                mask &= ~has[:, kids].all(axis=1)
            if mask.any():
                self.fixed[k] = (mask, np.where(mask, given[:, k], 0.0))
        #: node code -> how many profiles have that given score re-derived in every run
        self.rederived: dict[str, int] = {}
        for k, n in enumerate(nodes):
            if n.children and has[:, k].any():
                fixed = self.fixed[k][0] if k in self.fixed else np.zeros(self.C, dtype=bool)
                count = int((has[:, k] & ~fixed).sum())
                if count:
                    self.rederived[n.code] = count

        # the tree, children before parents
        self.order = [k for k in range(self.n_nodes - 1, -1, -1) if not nodes[k].is_leaf]
        self.kids = {k: [idx[c.code] for c in nodes[k].children] for k in self.order}
        self.leaf_pos = {k: [p for p, c in enumerate(v) if nodes[c].is_leaf] for k, v in self.kids.items()}
        self.leaf_cols = {k: [self.leaf_col[c] for c in v if nodes[c].is_leaf] for k, v in self.kids.items()}
        self.comp_kids = {k: [(p, c) for p, c in enumerate(v) if not nodes[c].is_leaf] for k, v in self.kids.items()}
        self.nominal_w = np.array([n.weight for n in nodes], dtype=float)

    # -- factors -------------------------------------------------------------------------------

    def _build_factors(self) -> None:
        scheme, a = self.scheme, self.assumptions
        nodes = scheme.nodes
        wanted = list(dict.fromkeys(a.factors))
        max_depth = max(n.depth for n in nodes)
        level_names = [scheme.level_name(d) for d in range(1, max_depth + 1)]
        kinds: list[tuple[str, int | None]] = []
        for f in wanted:
            if f == "weights":
                kinds += [("weights", d) for d in range(1, max_depth + 1)]
            elif f.startswith("weights:"):
                lvl = f.split(":", 1)[1]
                if lvl not in level_names:
                    raise RobustnessError(f"{scheme.id} has no level {lvl!r} ({', '.join(level_names)})")
                kinds.append(("weights", level_names.index(lvl) + 1))
            elif f in ("aggregation", "missing", "drop"):
                kinds.append((f, None))
            else:
                raise RobustnessError(f"unknown factor {f!r}; use weights, weights:<level>, aggregation, missing or drop")
        factors: list[Factor] = []
        col = 0
        self.weight_cols: dict[int, int] = {}  # node -> column
        self.agg_col = self.miss_col = self.drop_col = None
        seen: set = set()
        for kind, d in kinds:
            if (kind, d) in seen:
                continue
            seen.add((kind, d))
            if kind == "weights":
                members = [k for k, n in enumerate(nodes) if n.depth == d]
                # a level whose every sibling set has one node cannot change anything
                parents = {scheme.parents[nodes[k].code] for k in members}
                if not any(len(scheme.node(p).children) > 1 for p in parents):
                    continue
                cols = tuple(range(col, col + len(members)))
                for k, c in zip(members, cols, strict=True):
                    self.weight_cols[k] = c
                col += len(members)
                noise = (f"±{a.noise:.0%} uniform" if a.weight_noise == "uniform"
                         else f"Dirichlet shares, κ = {a.concentration:g}")
                factors.append(Factor(f"weights:{scheme.level_name(d)}", "weights", cols,
                                      f"weights of the {len(members)} nodes of level {scheme.level_name(d)} ({noise})"))
            elif kind == "aggregation":
                self.agg_col = col
                factors.append(Factor("aggregation", kind, (col,), "aggregation of every composite node: "
                                      + ", ".join(a.aggregations)))
                col += 1
            elif kind == "missing":
                self.miss_col = col
                factors.append(Factor("missing", kind, (col,), "missing-answer rule: skip or zero"))
                col += 1
            elif kind == "drop":
                if len(scheme.root.children) < 2:
                    continue
                self.drop_col = col
                factors.append(Factor("drop", kind, (col,), f"leave out one {scheme.level_name(1)} or none "
                                      f"({len(scheme.root.children)} + 1 choices)"))
                col += 1
        if not factors:
            raise RobustnessError("no assumption to vary")
        self.factors = tuple(factors)
        self.D = col

    def problem(self) -> dict:
        """The SALib problem of this model (groups = factors)."""
        names, groups = [], []
        for f in self.factors:
            for c in f.columns:
                names.append(f"x{c}")
                groups.append(f.name)
        return {"num_vars": self.D, "names": names, "bounds": [[0.0, 1.0]] * self.D, "groups": groups}

    def decode(self, U: np.ndarray) -> Inputs:
        """Unit-cube inputs → weights and discrete choices."""
        U = np.asarray(U, dtype=float)
        R = U.shape[0]
        a = self.assumptions
        w = np.broadcast_to(self.nominal_w, (R, self.n_nodes)).copy()
        if self.weight_cols:
            ks = np.array(list(self.weight_cols))
            cs = np.array([self.weight_cols[k] for k in ks])
            u = np.clip(U[:, cs], 1e-12, 1 - 1e-12)
            if a.weight_noise == "uniform":
                w[:, ks] = self.nominal_w[ks] * (1.0 + a.noise * (2.0 * u - 1.0))
            else:
                from scipy.special import gammaincinv

                g = np.empty_like(u)
                pos = {k: j for j, k in enumerate(ks)}
                for k in self.order:
                    sib = [c for c in self.kids[k] if c in pos]
                    if not sib:
                        continue
                    js = [pos[c] for c in sib]
                    wn = self.nominal_w[sib]
                    alpha = a.concentration * wn / wn.sum()
                    x = gammaincinv(alpha, u[:, js])
                    x = np.maximum(x, 1e-300)
                    g[:, js] = wn.sum() * x / x.sum(axis=1, keepdims=True)
                w[:, ks] = g
        agg = (np.minimum((U[:, self.agg_col] * len(self.methods)).astype(int), len(self.methods) - 1)
               if self.agg_col is not None else np.full(R, -1))
        nominal_missing = 1 if self.scheme.missing == "zero" else 0
        miss = (np.minimum((U[:, self.miss_col] * 2).astype(int), 1)
                if self.miss_col is not None else np.full(R, nominal_missing))
        K = len(self.top)
        drop = (np.minimum((U[:, self.drop_col] * (K + 1)).astype(int), K)
                if self.drop_col is not None else np.zeros(R, dtype=int))
        return Inputs(w, agg, miss, drop)

    def nominal_inputs(self, R: int = 1) -> Inputs:
        nominal_missing = 1 if self.scheme.missing == "zero" else 0
        return Inputs(np.broadcast_to(self.nominal_w, (R, self.n_nodes)).copy(), np.full(R, -1),
                      np.full(R, nominal_missing), np.zeros(R, dtype=int))

    # -- evaluation ----------------------------------------------------------------------------

    def evaluate(self, U: np.ndarray | Inputs) -> np.ndarray:
        """Overall scores (replications × countries) for unit-cube inputs or decoded ``Inputs``."""
        inp = U if isinstance(U, Inputs) else self.decode(U)
        R = inp.weights.shape[0]
        out = np.full((R, self.C), np.nan)
        key = (inp.aggregation + 1) * 2 + inp.missing
        order = np.argsort(key, kind="stable")
        ks = key[order]
        bounds = np.flatnonzero(np.diff(ks)) + 1
        for rows in np.split(order, bounds):
            if not len(rows):
                continue
            a_i, m_i = int(inp.aggregation[rows[0]]), int(inp.missing[rows[0]])
            method = self.methods[a_i] if a_i >= 0 else None
            for s in range(0, len(rows), self.chunk):
                r = rows[s:s + self.chunk]
                out[r] = self._batch(method, "zero" if m_i else "skip", inp.weights[r], inp.drop[r])
        return out

    def _batch(self, method: str | None, rule: str, W: np.ndarray, drop: np.ndarray) -> np.ndarray:
        """Overall scores of one batch of replications sharing the aggregation and missing rule.

        Every node keeps its value (replications × countries, or countries alone when it cannot
        vary: a median, min or max of fixed children), with 0 where it has no score, and ``has``
        (countries,): whether it has a score — which depends on the missing rule and coverage
        only, never on weights or methods. Geometric means stay in log space between levels (their
        logs, and where they are 0); values are made only where a parent needs them.
        """
        scheme = self.scheme
        nodes = scheme.nodes
        R, C = W.shape[0], self.C
        Lnan, L0, Lok, Llog = self.leaf_values[rule], self.leaf0[rule], self.leafok[rule], self.leaflog[rule]
        val: dict[int, np.ndarray] = {}
        logs: dict[int, tuple[np.ndarray, np.ndarray]] = {}  # node -> (log value, is zero)
        has: dict[int, np.ndarray] = {}
        K = len(self.top)

        def value(c: int) -> np.ndarray:
            if c not in val:
                lg, z = logs[c]
                with np.errstate(over="ignore"):
                    val[c] = np.where(z | ~has[c], 0.0, np.exp(lg))
            return val[c]

        def log_of(c: int) -> tuple[np.ndarray, np.ndarray]:
            if c not in logs:
                v = val[c]
                logs[c] = (np.log(np.where(v > 0, v, 1.0)), has[c] & (v == 0))
            return logs[c]

        for k in self.order:
            node = nodes[k]
            m = method or scheme.method_of(node)
            kids = self.kids[k]
            lpos, lcol, comp = self.leaf_pos[k], self.leaf_cols[k], self.comp_kids[k]
            is_root = k == 0
            okm = np.empty((len(kids), C), dtype=bool)
            if lpos:
                okm[lpos] = Lok[:, lcol].T
            for p, c in comp:
                okm[p] = has[c]
            lg = zero = None
            if m in ("mean", "geometric"):
                Wk = W[:, kids]
                if is_root and K:
                    Wk = Wk * self._keep[drop]  # a dropped area weighs 0
                    scored = ((Wk > 0).astype(float) @ okm.astype(float)) > 0  # (R, C)
                else:
                    scored = okm.any(axis=0)
                den = Wk @ okm.astype(float)  # 0 only where ``scored`` is False
                with np.errstate(invalid="ignore", divide="ignore"):
                    if m == "mean":
                        num = Wk[:, lpos] @ L0[:, lcol].T if lpos else np.zeros((R, C))
                        for p, c in comp:
                            num += Wk[:, p:p + 1] * value(c)
                        res = num / den
                    else:
                        num = Wk[:, lpos] @ Llog[:, lcol].T if lpos else np.zeros((R, C))
                        zf = Lok[:, lcol] & (L0[:, lcol] == 0)  # (C, leaves)
                        if is_root and K and lpos:
                            zero = ((Wk[:, lpos] > 0).astype(float) @ zf.T.astype(float)) > 0
                        else:
                            zero = zf.any(axis=1)
                        for p, c in comp:
                            clg, cz = log_of(c)
                            num += Wk[:, p:p + 1] * clg
                            zero = zero | ((cz & (Wk[:, p:p + 1] > 0)) if is_root and K else cz)
                        lg = num / den
                        res = None
            else:  # median, min, max: unweighted
                fixed_kids = all(value(c).ndim == 1 for _, c in comp)
                if fixed_kids:
                    Vc = np.empty((C, len(kids)))
                    if lpos:
                        Vc[:, lpos] = Lnan[:, lcol]
                    for p, c in comp:
                        Vc[:, p] = np.where(has[c], value(c), np.nan)
                    if is_root and K:  # one value per drop choice, then gathered
                        Vd = np.broadcast_to(Vc, (K + 1, C, len(kids))).copy()
                        for d in range(1, K + 1):
                            Vd[d, :, d - 1] = np.nan
                        res = _aggregate3(Vd, m)[drop]
                    else:
                        res = _aggregate3(Vc[None], m)[0]
                else:
                    V = np.empty((R, C, len(kids)))
                    if lpos:
                        V[:, :, lpos] = Lnan[:, lcol]
                    for p, c in comp:
                        V[:, :, p] = value(c)
                        if not has[c].all():
                            V[:, ~has[c], p] = np.nan
                    if is_root and K:
                        rr = np.flatnonzero(drop > 0)
                        V[rr, :, drop[rr] - 1] = np.nan
                    res = _aggregate3(V, m)
                scored = ~np.isnan(res) if is_root or res.ndim == 1 else okm.any(axis=0)
                res = np.where(np.isnan(res), 0.0, res)
            scored = scored & (self.root_ok[drop] if is_root else self.ok[k])
            if k in self.fixed:
                mask, given = self.fixed[k]
                if lg is not None:
                    with np.errstate(divide="ignore"):
                        lg = np.where(mask, np.log(np.where(given > 0, given, 1.0)), lg)
                    zero = (zero & ~mask) | (mask & (given == 0))
                else:
                    res = np.where(mask, given, res)
                scored = scored | mask
            if is_root:
                has[k] = scored
                if lg is not None:
                    logs[k] = (lg, zero)
                else:
                    val[k] = res
                out = value(k)
                if k in self.fixed:  # exactly the given value (not exp(log(value)))
                    out = np.where(self.fixed[k][0], self.fixed[k][1], out)
                out = np.where(scored, out, np.nan)
                return np.broadcast_to(out, (R, C)) if out.ndim == 1 else out
            has[k] = scored
            if lg is not None:
                if not scored.all():
                    lg = np.where(scored, lg, 0.0)
                    zero = zero & scored
                logs[k] = (lg, zero)
            else:
                if not scored.all():
                    res = np.where(scored, res, 0.0)
                val[k] = res
        raise AssertionError("unreachable")  # pragma: no cover


def _aggregate3(V: np.ndarray, m: str) -> np.ndarray:
    """Median, min or max over the last axis of (replications × countries × children), NaN = no
    score (unweighted, like ``score.aggregate``); NaN where no child has a score."""
    ok = ~np.isnan(V)
    if m == "median":
        Vs = np.sort(V, axis=2)  # NaN last
        n = ok.sum(axis=2)
        lo = np.maximum((n - 1) // 2, 0)[..., None]
        hi = np.maximum(n // 2, 0)[..., None]
        out = (np.take_along_axis(Vs, lo, axis=2)[..., 0] + np.take_along_axis(Vs, hi, axis=2)[..., 0]) / 2
    else:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)
            out = np.nanmin(V, axis=2) if m == "min" else np.nanmax(V, axis=2)
    return np.where(ok.any(axis=2), out, np.nan)


# ----------------------------------------------------------------------------------------------
# the analysis


@dataclass(frozen=True)
class Robustness:
    """The result of :func:`robustness`.

    ``table``: one row per country (see ``CSV_COLUMNS``), best nominal rank first:
    ``nominal_score``/``nominal_rank`` (the index as defined; given scores as given),
    ``median_rank``, ``p05_rank``, ``p95_rank`` and ``mean_rank`` over the runs where the
    country has a score (``runs_scored``), the same quantiles of its score, and ``rank_n`` (the
    median number of countries ranked in a run).
    ``sensitivity``: one row per factor: ``ST_rank``/``S1_rank`` (variance-weighted over the
    countries' ranks; ``ST_rank_conf`` a 95 % bootstrap half-width), ``ST_score``/``S1_score``
    (likewise over the overall scores). ``per_country``: the indices of every country.
    ``scores``/``rank_matrix``: every run (runs × countries, columns in ``countries`` order).
    """

    scheme: Scheme
    year: int
    group: Group | None
    countries: tuple[str, ...]
    years_used: dict[str, int]
    runs: int
    n_base: int
    seed: int | None
    assumptions: Assumptions
    factors: tuple[Factor, ...]
    table: pd.DataFrame
    sensitivity: pd.DataFrame
    per_country: pd.DataFrame
    scores: np.ndarray = field(repr=False)
    rank_matrix: np.ndarray = field(repr=False)
    rederived: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0

    @property
    def illustrative(self) -> list[str]:
        t = self.table
        return sorted(set(t.loc[t.provenance == "illustrative", "country"]))

    def csv_frame(self) -> pd.DataFrame:
        return self.table[CSV_COLUMNS]


def _plain_profiles(profiles) -> list[Profile]:  # noqa: ANN001 - profiles or a compare.Scored
    arrays = getattr(profiles, "arrays", None)
    return list(arrays.profiles if arrays is not None else profiles)


def select_profiles(scheme: Scheme, profiles: Sequence[Profile], *, group: Group | None = None,
                    year: int | None = None, include: Sequence[str] = ()) -> tuple[int, list[Profile]]:
    """The pool: the group's members (or every country) with a profile for ``year`` or their
    latest earlier one (SPEC §5's rule), plus the countries in ``include``. Default year: the
    latest year of the pool's profiles."""
    from .codings import choose

    profiles = [p for p in _plain_profiles(profiles) if p.scheme == scheme.id]
    profiles = [profiles[i] for i in choose(profiles)]  # one coding per country-year, the default one
    by: dict[str, list[Profile]] = {}
    for p in sorted(profiles, key=lambda p: (p.country, p.year)):
        by.setdefault(p.country, []).append(p)
    wanted = list(group.members) if group is not None else sorted(by)
    for c in include:
        if c not in wanted:
            wanted.append(c)
    if year is None:
        years = [by[c][-1].year for c in wanted if c in by]
        if not years:
            raise RobustnessError(f"no profile of {scheme.id} for the countries asked")
        year = max(years)
    chosen = []
    for c in wanted:
        ps = [p for p in by.get(c, []) if p.year <= year]
        if ps:
            chosen.append(ps[-1])
        elif c in include:
            raise RobustnessError(f"{c} has no profile of {scheme.id} for {year} or earlier")
    return year, chosen


def robustness(scheme: Scheme, profiles: Sequence[Profile], **options) -> Robustness:
    """Monte Carlo robustness of every pool country's overall score and rank, and the Sobol'
    indices of each assumption (see the module docstring; options as :func:`_robustness`).

    BLAS runs one thread inside: the replications are many small matrix products, which a second
    BLAS thread only slows on a busy 2-core machine (measured: about half the replications per
    second with numpy's default of 2 threads, `make bench` figure ``robustness``)."""
    from threadpoolctl import threadpool_limits

    with threadpool_limits(limits=1, user_api="blas"):
        return _robustness(scheme, profiles, **options)


def _robustness(
    scheme: Scheme,
    profiles: Sequence[Profile],
    *,
    group: Group | None = None,
    year: int | None = None,
    include: Sequence[str] = (),
    runs: int = 10_000,
    seed: int | None = 0,
    assumptions: Assumptions | None = None,
    bootstrap: int = 100,
) -> Robustness:
    """Monte Carlo robustness of every pool country's overall score and rank, and the Sobol'
    indices of each assumption (see the module docstring for the design)."""
    import time

    t0 = time.perf_counter()
    year, chosen = select_profiles(scheme, profiles, group=group, year=year, include=include)
    if not chosen:
        raise RobustnessError(f"no profile of {scheme.id} up to {year} in the pool")
    model = Model(scheme, chosen, assumptions, context=_plain_profiles(profiles))
    G = len(model.factors)
    per_run = run_bytes(model.D, len(chosen))
    if int(runs) * per_run > MAX_ROBUSTNESS_BYTES:
        raise TooManyRuns(f"{int(runs):,} runs of this selection need about {int(runs) * per_run / 2**30:.1f} GiB; "
                          f"at most {MAX_ROBUSTNESS_BYTES // per_run:,} runs fit in "
                          f"{MAX_ROBUSTNESS_BYTES / 2**30:g} GiB")
    N = max(2, int(runs) // (G + 2))
    rng = np.random.default_rng(seed)
    A = rng.random((N, model.D))
    B = rng.random((N, model.D))
    blocks = [A, B]
    for f in model.factors:
        AB = A.copy()
        cols = list(f.columns)
        AB[:, cols] = B[:, cols]
        blocks.append(AB)
    U = np.concatenate(blocks)
    Y = model.evaluate(U)  # (N (G + 2), C)
    span = scheme.scale[1] - scheme.scale[0]
    tol = 1e-9 * span
    RK = ranks(Y, tol)

    # nominal: the engine's own scores (given scores as given)
    nominal = model.nominal_scores
    nominal_rank = ranks(nominal[None, :], tol)[0]
    countries = tuple(p.country for p in chosen)
    rank_n = (~np.isnan(RK)).sum(axis=1)
    r_med, r05, r95 = _quantiles(RK, (0.5, 0.05, 0.95))
    y_med, y05, y95 = _quantiles(Y, (0.5, 0.05, 0.95))
    scored_runs = (~np.isnan(Y)).sum(axis=0)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean_rank = np.where(scored_runs > 0, np.nansum(RK, axis=0) / scored_runs, np.nan)
    table = pd.DataFrame({
        "country": countries,
        "year": [p.year for p in chosen],
        "nominal_score": nominal,
        "nominal_rank": nominal_rank,
        "median_rank": r_med,
        "p05_rank": r05,
        "p95_rank": r95,
        "mean_rank": mean_rank,
        "p05_score": y05,
        "median_score": y_med,
        "p95_score": y95,
        "runs_scored": scored_runs,
        "rank_n": int(np.median(rank_n)) if len(rank_n) else 0,
        "provenance": [p.provenance for p in chosen],
    })
    table = table.sort_values(["nominal_rank", "country"], na_position="last", kind="stable").reset_index(drop=True)

    YA, YB = Y[:N], Y[N:2 * N]
    YAB = Y[2 * N:].reshape(G, N, -1)
    RA, RB = RK[:N], RK[N:2 * N]
    RAB = RK[2 * N:].reshape(G, N, -1)
    brng = np.random.default_rng(None if seed is None else seed + 1)
    S1r, STr, conf = _pooled(RA, RB, RAB, bootstrap, brng)
    S1s, STs, _ = _pooled(YA, YB, YAB)
    sens = pd.DataFrame({
        "factor": [f.name for f in model.factors],
        "description": [f.description for f in model.factors],
        "ST_rank": STr, "ST_rank_conf": conf, "S1_rank": S1r, "ST_score": STs, "S1_score": S1s,
    })
    s1c, stc, _ = sobol_indices(RA, RB, RAB)
    s1y, sty, _ = sobol_indices(YA, YB, YAB)
    rows = []
    # a country never ranked (or never scored) in any run has no sensitivity: NaN, not 0 ("robust")
    ranked = np.isfinite(RK).any(axis=0)
    scored_any = np.isfinite(Y).any(axis=0)
    nan = float("nan")
    for gi, f in enumerate(model.factors):
        for ci, c in enumerate(countries):
            rows.append((c, f.name, stc[gi, ci] if ranked[ci] else nan, s1c[gi, ci] if ranked[ci] else nan,
                         sty[gi, ci] if scored_any[ci] else nan, s1y[gi, ci] if scored_any[ci] else nan,
                         bool(ranked[ci])))
    per_country = pd.DataFrame(rows, columns=["country", "factor", "ST_rank", "S1_rank", "ST_score", "S1_score",
                                              "ranked"])
    return Robustness(
        scheme=scheme, year=year, group=group, countries=countries,
        years_used={p.country: p.year for p in chosen}, runs=len(U), n_base=N, seed=seed,
        assumptions=model.assumptions, factors=model.factors, table=table, sensitivity=sens,
        per_country=per_country, scores=Y, rank_matrix=RK,
        rederived=dict(model.rederived), seconds=time.perf_counter() - t0,
    )


def rank_band(scheme: Scheme, profiles: Sequence[Profile], country: str, group: Group | None,
              year: int | None, runs: int = 2000, seed: int = 0) -> dict:
    """One country's rank band in ``group`` (for the PDF report): ``nominal_rank``,
    ``median_rank``, ``p05_rank``, ``p95_rank`` (whole ranks; None where unranked) and ``n``
    (the countries with an overall score, the country included), with ``runs``, ``year`` and
    ``nominal_score``. ``profiles`` may be a ``compare.Scored``. Uses the default assumptions
    (every factor varied; see the module docstring)."""
    res = robustness(scheme, profiles, group=group, year=year, include=[country], runs=runs, seed=seed,
                     bootstrap=0)
    return _band_of(res, country)


def _band_of(res: Robustness, country: str) -> dict:
    row = res.table[res.table.country == country].iloc[0]

    def num(v):  # noqa: ANN001, ANN202
        return None if v is None or (isinstance(v, float) and math.isnan(v)) else int(v)

    return {
        "nominal_rank": num(row.nominal_rank), "median_rank": num(row.median_rank),
        "p05_rank": num(row.p05_rank), "p95_rank": num(row.p95_rank),
        "n": int(res.table.nominal_score.notna().sum()), "runs": res.runs, "year": res.year,
        "nominal_score": None if math.isnan(row.nominal_score) else float(row.nominal_score),
    }
