"""Score: answers → leaf scores → every composite node, vectorised over profiles.

The kernels are small pure functions over numpy arrays whose rows are profiles (countries and
years); the tree is walked once, children before parents, each step a handful of array
operations over all profiles at once. The result is the one tidy score table
(``scheme, country, year, code, level, depth, score, coverage, band, lower, upper, provenance,
status``) that feeds the CLI, the app, the PDF and exports. ``lower``/``upper`` are the bounds of
SPEC §3.1 (``indexer.bounds``): computed on first use, so callers that only need scores (the
robustness and reform searches) never pay for them.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

import numpy as np

from .bounds import TreeInputs, bound_leaf_values, leaf_extremes, open_leaves, propagate
from .load import number_of
from .model import NOT_APPLICABLE, Node, Profile, Scheme

if TYPE_CHECKING:  # pandas is imported where a table is built: `indexer score --format csv` never needs it
    import pandas as pd

ABSENT, ANSWERED, NA = 0, 1, 2

COLUMNS = ["scheme", "country", "year", "code", "level", "depth", "score", "coverage", "band", "lower", "upper"]
#: extension (README): the coding of the profile, after SPEC's columns, so that several codings
#: of one country-year stay apart: (scheme, country, year, coding, code) is the key of a row
COLUMNS += ["coding"]


# ----------------------------------------------------------------------------------------------
# kernels


def goalposts(x: np.ndarray, lo: float, hi: float, best: str, scale: tuple[float, float]) -> np.ndarray:
    """Numeric leaf score by goalposts.

    ``x`` is clipped to ``[lo, hi]``; ``best='high'`` scores ``(x - lo) / (hi - lo)`` of the scale,
    ``best='low'`` scores ``(hi - x) / (hi - lo)`` of it, i.e. ``s0 + share * (s1 - s0)`` for a
    scale ``[s0, s1]``. Missing data: NaN in, NaN out.
    """
    xc = np.clip(x, lo, hi)
    # multiply before dividing: one rounding, so a score that is a whole number comes out as one
    # (29 on goalposts 0..100 is 29, not 29/100·100 = 28.999999999999996, which misses a band at 29)
    span = (xc - lo) if best == "high" else (hi - xc)
    return scale[0] + span * (scale[1] - scale[0]) / (hi - lo)


def aggregate(values: np.ndarray, weights: np.ndarray, method: str) -> np.ndarray:
    """Aggregate children's scores, row by row, over the children that have a score.

    ``values`` is (profiles × children) with NaN for "no score"; ``weights`` (children,) > 0.

    - ``mean``: Σ w·s / Σ w over the scored children;
    - ``geometric``: Π s^(w/Σw) over the scored children; 0 if any scored child is 0;
    - ``median``: the unweighted median of the scored children;
    - ``min`` / ``max``: of the scored children.

    Missing data: a child without a score is left out (its weight too); a row where no child
    has a score gets NaN.
    """
    scored = ~np.isnan(values)
    any_scored = scored.any(axis=1)
    if method == "mean":
        w = np.where(scored, weights, 0.0)
        total = w.sum(axis=1)
        with np.errstate(invalid="ignore", divide="ignore"):
            out = (np.where(scored, values, 0.0) * w).sum(axis=1) / total
    elif method == "geometric":
        w = np.where(scored, weights, 0.0)
        total = w.sum(axis=1)
        zero = (scored & (values == 0)).any(axis=1)
        with np.errstate(invalid="ignore", divide="ignore"):
            logs = np.where(scored & (values > 0), np.log(np.where(values > 0, values, 1.0)), 0.0)
            out = np.exp((logs * w).sum(axis=1) / total)
        out = np.where(zero, 0.0, out)
    elif method in ("median", "min", "max"):
        fn = {"median": np.nanmedian, "min": np.nanmin, "max": np.nanmax}[method]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)
            out = fn(values, axis=1) if values.shape[1] else np.full(values.shape[0], np.nan)
    else:  # pragma: no cover - validated by the loader
        raise ValueError(f"unknown aggregation {method!r}")
    if method in ("mean", "geometric") and values.shape[1]:
        # an average lies between the least and the greatest of what it averages, but rounding
        # can put it an ulp outside: exp(log 100) = 100.00000000000004 (above the scale), a mean
        # of 41s with weights 0.1 = 40.99999999999999 (below a band at 41). Clip it back.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)
            out = np.clip(out, np.nanmin(values, axis=1), np.nanmax(values, axis=1))
    return np.where(any_scored, out, np.nan)


def coverage(answered: np.ndarray, applicable: np.ndarray) -> np.ndarray:
    """Share of applicable leaves that are answered: ``answered / applicable``; NaN where 0/0."""
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(applicable > 0, answered / np.where(applicable > 0, applicable, 1), np.nan)


def bands_of(scores: np.ndarray, scheme: Scheme) -> np.ndarray:
    """The label of the first band whose ``min`` <= the unrounded score; '' for no score/band."""
    out = np.full(scores.shape, "", dtype=object)
    done = np.isnan(scores)
    for b in scheme.bands:
        hit = ~done & (scores >= b.min)
        out[hit] = b.label
        done |= hit
    return out


# ----------------------------------------------------------------------------------------------
# answers into arrays


@dataclass(frozen=True)
class Answers:
    """Answers of many profiles to one scheme as arrays (rows: profiles; columns: leaves)."""

    leaves: tuple[Node, ...]
    raw: np.ndarray  # float: the option's score or the numeric answer; NaN if none
    state: np.ndarray  # int8: ABSENT, ANSWERED or NA


def answer_arrays(scheme: Scheme, profiles: Sequence[Profile]) -> Answers:
    """Read answers into arrays. Option leaves take the option's score; numeric leaves keep the
    number (``leaf_scores`` turns it into a score). An answer that matches nothing counts as absent
    (validation reports it; scoring never guesses)."""
    leaves = scheme.leaves
    col = {n.code: j for j, n in enumerate(leaves)}
    tables = [({o.value: o.score for o in n.options} if n.numeric is None else None) for n in leaves]
    raw = np.full((len(profiles), len(leaves)), np.nan)
    state = np.zeros((len(profiles), len(leaves)), dtype=np.int8)
    for i, p in enumerate(profiles):
        row, st = raw[i], state[i]
        for code, text in p.answers.items():
            j = col.get(code)
            if j is None or text is None:
                continue
            if text == NOT_APPLICABLE:
                st[j] = NA
                continue
            table = tables[j]
            v = table.get(text) if table is not None else number_of(text)
            if v is not None:
                row[j] = v
                st[j] = ANSWERED
    return Answers(leaves, raw, state)


def leaf_scores(scheme: Scheme, answers: Answers, years: np.ndarray) -> np.ndarray:
    """Scores of the leaves: option scores as they are, numeric answers by their rule.

    Goalposts (SPEC §3) for ``numeric: {min, max, best}``; with ``normalise`` (an extension) the
    number is rescaled across the profiles of the same year (see ``indexer.normalise``).
    """
    out = answers.raw.copy()
    for j, leaf in enumerate(answers.leaves):
        num = leaf.numeric
        if num is None:
            continue
        if num.normalise is None:
            out[:, j] = goalposts(answers.raw[:, j], num.min, num.max, num.best, scheme.scale)  # type: ignore[arg-type]
        else:
            from .normalise import normalise_by_year

            out[:, j] = normalise_by_year(answers.raw[:, j], years, num, scheme.scale)
    return out


# ----------------------------------------------------------------------------------------------
# the tree


@dataclass(frozen=True)
class ScoreArrays:
    """Scores and coverage of every node (columns, in ``scheme.nodes`` order) of every profile,
    and their bounds (``lower``, ``upper``; SPEC §3.1) computed on first use."""

    scheme: Scheme
    profiles: tuple[Profile, ...]
    score: np.ndarray
    coverage: np.ndarray
    tree: TreeInputs | None = None  # what the bounds need (None: arrays built by hand, no bounds)
    leaf_values: np.ndarray | None = None  # rows × leaves: scores of answered leaves, NaN otherwise
    open: np.ndarray | None = None  # rows × leaves: True where the leaf is open (SPEC §3.1)

    @cached_property
    def leaf_col(self) -> dict[str, int]:
        return {leaf.code: j for j, leaf in enumerate(self.scheme.leaves)}

    @cached_property
    def extremes(self) -> tuple[np.ndarray, np.ndarray]:
        """(lowest, highest) score of each leaf (``bounds.leaf_extremes``)."""
        return leaf_extremes(self.scheme, self.scheme.leaves)

    def _bound(self, extreme: np.ndarray) -> np.ndarray:
        if self.tree is None or self.leaf_values is None or self.open is None:
            return np.full_like(self.score, np.nan)
        return propagate(self.tree, bound_leaf_values(self.leaf_values, self.open, extreme), self.leaf_col)

    @cached_property
    def lower(self) -> np.ndarray:
        """Every open leaf at its lowest score, aggregated without coverage thresholds."""
        return self._bound(self.extremes[0])

    @cached_property
    def upper(self) -> np.ndarray:
        """Every open leaf at its highest score, aggregated without coverage thresholds."""
        return self._bound(self.extremes[1])


def score_arrays(
    scheme: Scheme,
    profiles: Sequence[Profile],
    *,
    weights: dict[str, float] | None = None,
    aggregation: dict[str, str] | None = None,
    missing: str | None = None,
    exclude: Sequence[str] = (),
    min_coverage: float | None = None,
) -> ScoreArrays:
    """Score every node of every profile.

    Options (for comparisons and sensitivity analysis; defaults are the scheme's own):
    ``weights`` and ``aggregation`` override nodes by code; ``missing`` overrides the scheme's
    missing-answer rule; ``exclude`` drops subtrees as if they were not in the scheme;
    ``min_coverage`` replaces every node's coverage threshold (0: provisional scores from
    whatever is answered, shown with their coverage).
    """
    profiles = tuple(profiles)
    nodes = scheme.nodes
    n, N = len(profiles), len(nodes)
    idx = scheme.index
    ans = answer_arrays(scheme, profiles)
    years = np.array([p.year for p in profiles], dtype=np.int64)
    leaf_vals = leaf_scores(scheme, ans, years)
    leaf_col = {leaf.code: j for j, leaf in enumerate(ans.leaves)}
    missing_rule = missing or scheme.missing
    weights = weights or {}
    aggregation = aggregation or {}

    excluded = np.zeros(N, dtype=bool)
    for code in exclude:
        if code in idx:
            excluded[idx[code]] = True
            for d in scheme.descendants(code):
                excluded[idx[d.code]] = True

    # given scores, and the nodes that lie below one (per profile)
    given = np.full((n, N), np.nan)
    below = np.zeros((n, N), dtype=bool)
    for i, p in enumerate(profiles):
        for code, v in p.scores.items():
            k = idx.get(code)
            if k is None:
                continue
            given[i, k] = v
            for d in scheme.descendants(code):
                below[i, idx[d.code]] = True

    score = np.full((n, N), np.nan)
    applicable = np.zeros((n, N))
    answered = np.zeros((n, N))
    lo = scheme.scale[0]
    for k in range(N - 1, -1, -1):  # reverse pre-order: children before parents
        node = nodes[k]
        if excluded[k]:
            continue
        if node.is_leaf:
            j = leaf_col[node.code]
            st = ans.state[:, j]
            s = leaf_vals[:, j].copy()
            if missing_rule == "zero":
                s = np.where(st == ABSENT, lo, s)
            under = below[:, k] | ~np.isnan(given[:, k])
            s = np.where(below[:, k], np.nan, s)
            applicable[:, k] = np.where(under, 1.0, (st != NA).astype(float))
            answered[:, k] = np.where(under, 1.0, (st == ANSWERED).astype(float))
        else:
            kids = [idx[c.code] for c in node.children if not excluded[idx[c.code]]]
            w = np.array([weights.get(nodes[c].code, nodes[c].weight) for c in kids], dtype=float)
            method = aggregation.get(node.code) or scheme.method_of(node)
            s = aggregate(score[:, kids], w, method) if kids else np.full(n, np.nan)
            applicable[:, k] = applicable[:, kids].sum(axis=1) if kids else 0.0
            answered[:, k] = answered[:, kids].sum(axis=1) if kids else 0.0
            mc = scheme.min_coverage_of(node)
            if min_coverage is not None:
                mc = min_coverage
            if mc > 0:
                cov = coverage(answered[:, k], applicable[:, k])
                s = np.where(np.isnan(cov) | (cov < mc), np.nan, s)
            # a node under a given score has no score of its own (unless given)
            s = np.where(below[:, k], np.nan, s)
        g = given[:, k]
        score[:, k] = np.where(np.isnan(g), s, g)
    cov = coverage(answered, applicable)
    cov = np.where(below, np.nan, cov)
    cov[:, excluded] = np.nan
    tree = TreeInputs(scheme, given, below, excluded, dict(weights), dict(aggregation))
    leaf_k = [idx[leaf.code] for leaf in ans.leaves]
    is_open = open_leaves(ans.state, below[:, leaf_k], given[:, leaf_k])
    answered_vals = np.where(ans.state == ANSWERED, leaf_vals, np.nan)
    return ScoreArrays(scheme, profiles, score, cov, tree, answered_vals, is_open)


def sort_profiles(profiles: Sequence[Profile]) -> list[Profile]:
    """By country, year and coding (several codings of one country-year may coexist)."""
    return sorted(profiles, key=lambda p: (p.country, p.year, p.coding))


def to_table(arrays: ScoreArrays, *, exclude: Sequence[str] = ()) -> pd.DataFrame:
    """The tidy score table: one row per node per profile, root first then the tree in order."""
    import pandas as pd

    scheme = arrays.scheme
    profiles = arrays.profiles
    keep = [k for k, node in enumerate(scheme.nodes) if node.code not in _excluded_codes(scheme, exclude)]
    nodes = [scheme.nodes[k] for k in keep]
    n, m = len(profiles), len(nodes)
    sc = arrays.score[:, keep].reshape(-1)
    cv = arrays.coverage[:, keep].reshape(-1)
    df = pd.DataFrame(
        {
            "scheme": np.repeat(scheme.id, n * m),
            "country": np.repeat([p.country for p in profiles], m),
            "year": np.repeat(np.array([p.year for p in profiles], dtype=np.int64), m),
            "code": np.tile([x.code for x in nodes], n),
            "level": np.tile([x.level for x in nodes], n),
            "depth": np.tile(np.array([x.depth for x in nodes], dtype=np.int64), n),
            "score": sc,
            "coverage": cv,
            "band": bands_of(sc, scheme),
            "lower": arrays.lower[:, keep].reshape(-1),
            "upper": arrays.upper[:, keep].reshape(-1),
            "provenance": np.repeat([p.provenance for p in profiles], m),
            "status": np.repeat([p.status for p in profiles], m),
            "coding": np.repeat([p.coding for p in profiles], m),
        }
    )
    return df


def csv_text(arrays: ScoreArrays, *, exclude: Sequence[str] = ()) -> str:
    """``indexer.guard.csv_text(to_table(arrays)[COLUMNS])``, byte for byte,
    without pandas (about ten times faster, and no pandas import for ``indexer score --format csv``).

    It writes what pandas writes: floats as numpy's ``astype(str)`` (the shortest repr), an empty
    cell for no score, integers as they are, and the quoting of the ``csv`` module pandas uses.
    """
    import csv
    import io

    from .guard import neutralise

    def quoted(*fields: object) -> str:  # the csv module's text of these fields, then a comma
        out = io.StringIO()
        # "\r\n" between records: a cell holding "\r" is quoted too (indexer.guard.csv_text)
        csv.writer(out, lineterminator="\r\n").writerow([*fields, ""])  # "" so no field stands alone
        return out.getvalue()[:-2]

    def cells(x: np.ndarray) -> list:
        out = x.astype(str).astype(object)  # what pandas writes for floats
        out[np.isnan(x)] = ""
        return out.tolist()

    def cells_like(x: np.ndarray, ref: np.ndarray, ref_cells: list) -> list:
        """``cells(x)``, reusing the text of ``ref`` where the values are the same (bounds of a
        complete profile are its scores: most rows need no formatting of their own)."""
        same = ((x == ref) & (np.signbit(x) == np.signbit(ref))) | (np.isnan(x) & np.isnan(ref))  # -0.0 prints apart
        differ = np.flatnonzero(~same)
        if not differ.size:
            return ref_cells
        out = list(ref_cells)
        for j, text in zip(differ.tolist(), cells(x[differ]), strict=True):
            out[j] = text
        return out

    scheme = arrays.scheme
    excluded = _excluded_codes(scheme, exclude)
    keep = [k for k, node in enumerate(scheme.nodes) if node.code not in excluded]
    node_part = [quoted(x.code, x.level, x.depth) for x in (scheme.nodes[k] for k in keep)]
    m = len(keep)
    sc, cv = arrays.score[:, keep], arrays.coverage[:, keep]
    lw, up = arrays.lower[:, keep], arrays.upper[:, keep]
    bands = bands_of(sc.reshape(-1), scheme).tolist()
    label = {b: quoted(neutralise(b))[:-1] for b in set(bands)}  # a band label is free text
    chunks = [quoted(*COLUMNS)[:-1] + "\n"]
    for i, p in enumerate(arrays.profiles):  # one string per profile: a small peak of memory
        head, lo, coding = quoted(scheme.id, p.country, p.year), i * m, quoted(p.coding)[:-1]
        sc_cells = cells(sc[i])
        chunks.append("".join([f"{head}{node}{s},{c},{label[b]},{lo_},{up_},{coding}\n" for node, s, c, b, lo_, up_
                               in zip(node_part, sc_cells, cells(cv[i]), bands[lo:lo + m],
                                      cells_like(lw[i], sc[i], sc_cells), cells_like(up[i], sc[i], sc_cells),
                                      strict=True)]))
    return "".join(chunks)


def _excluded_codes(scheme: Scheme, exclude: Sequence[str]) -> set[str]:
    out: set[str] = set()
    for code in exclude:
        if code in scheme.index:
            out.add(code)
            out.update(d.code for d in scheme.descendants(code))
    return out


def score(scheme: Scheme, profiles: Sequence[Profile], **options) -> pd.DataFrame:
    """The tidy score table of ``profiles`` (sorted by country and year) under ``scheme``.

    ``options`` are those of :func:`score_arrays` (weights, aggregation, missing, exclude).
    Profiles are assumed valid (see ``indexer.validate``); scores are never rounded.
    """
    arrays = score_arrays(scheme, sort_profiles(profiles), **options)
    return to_table(arrays, exclude=options.get("exclude", ()))
