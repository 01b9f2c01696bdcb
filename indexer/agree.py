"""Agree: how far two codings of one country and year agree (inter-coder reliability).

Two coders read the same law by the same method (a first desk coding and a second, independent
one; an expert's draft and a reviewer's) and answer the same questionnaire. Before their scores
are compared with anyone else's, a methodologist asks how much they differ from each other: that
difference is the noise floor of every comparison made with a single coding.

For each node shown (the overall and every area; ``depth`` for deeper levels), over the questions
(leaves) under it:

- ``questions``: the applicable questions under the node (either coding answers it or leaves it
  open; a question both codings call ``n/a`` is not counted);
- ``both``: answered by both codings (an ``n/a`` counts as an answer);
- ``same``: of those, the same answer; ``agreement = same / both`` (NaN when ``both`` is 0);
- ``kappa``: Cohen's linearly weighted kappa on the answers' scores (:func:`weighted_kappa`),
  questions scored by both;
- ``mean_abs_diff``: the mean |score₁ − score₂| over the questions scored by both, in scale points;
- ``score_1``, ``score_2``, ``diff`` (= score_2 − score_1): the node's scores under each coding,
  by the scheme's own rules (coverage, aggregation), as ``indexer score`` gives them.

Nothing here changes a score: it reads the same score arrays as every other view.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from .codings import label, rank
from .model import NOT_APPLICABLE, Profile, Scheme
from .score import ScoreArrays, score_arrays

QUESTION_COLUMNS = ["code", "area", "answer_1", "answer_2", "score_1", "score_2", "both", "same", "abs_diff"]
NODE_COLUMNS = ["code", "title", "level", "depth", "questions", "both", "same", "agreement", "kappa",
                "mean_abs_diff", "score_1", "score_2", "diff"]


class AgreeError(ValueError):
    """An agreement that cannot be computed (fewer than two codings of the country-year)."""


# ----------------------------------------------------------------------------------------------
# kernels


def weighted_kappa(x: np.ndarray, y: np.ndarray, scale: tuple[float, float]) -> float:
    """Cohen's kappa with linear weights, for two raters' scores of the same items.

    ``x``, ``y``: the two scores of each item (equal length, no NaN). The categories are the
    distinct score values used by either rater. With observed proportions ``O[i, j]`` (rater 1
    gave category i, rater 2 category j), expected ``E = outer(row margins, column margins)`` and
    disagreement weights ``w[i, j] = |c_i − c_j| / (scale[1] − scale[0])``::

        κ_w = 1 − Σ w·O / Σ w·E

    1 is perfect agreement, 0 what chance gives with these margins, below 0 worse than chance.
    NaN when there are no items or Σ w·E = 0 (both raters used one and the same category, so
    chance agreement is already perfect and κ is undefined).
    """
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    if x.size == 0:
        return float("nan")
    cats, inv = np.unique(np.concatenate([x, y]), return_inverse=True)
    k = len(cats)
    ix, iy = inv[: x.size], inv[x.size:]
    obs = np.zeros((k, k))
    np.add.at(obs, (ix, iy), 1.0)
    obs /= x.size
    exp = np.outer(obs.sum(axis=1), obs.sum(axis=0))
    span = scale[1] - scale[0]
    w = np.abs(cats[:, None] - cats[None, :]) / (span if span else 1.0)
    denom = float((w * exp).sum())
    if denom == 0:
        return float("nan")
    return float(1.0 - (w * obs).sum() / denom)


# ----------------------------------------------------------------------------------------------
# the agreement


@dataclass(frozen=True)
class Agreement:
    """Two codings of one country-year side by side: ``questions`` (one row per question) and
    ``nodes`` (the overall and the areas, or deeper with ``depth``; columns in the module
    docstring)."""

    scheme: Scheme
    country: str
    year: int
    first: Profile
    second: Profile
    questions: pd.DataFrame
    nodes: pd.DataFrame

    @property
    def labels(self) -> tuple[str, str]:
        return label(self.first), label(self.second)

    @property
    def differing(self) -> pd.DataFrame:
        """The questions both codings answer, differently (rows of ``questions``)."""
        q = self.questions
        return q[q.both & ~q.same]

    @property
    def median_area_diff(self) -> tuple[float, int]:
        """(median |score_2 − score_1|, n) over the depth-1 nodes both codings score (NaN, 0 if none)."""
        d = self.nodes.loc[self.nodes.depth == 1, "diff"].abs().dropna()
        return (float(d.median()) if len(d) else float("nan")), len(d)


def pick_codings(scheme: Scheme, profiles: Sequence[Profile], country: str, year: int | None,
                 codings: Sequence[str] = ()) -> tuple[Profile, Profile]:
    """The two codings to set side by side: ``codings`` (two ids) of ``year`` (default: the
    latest year that has both) or, by default, the two first codings with answers of ``year`` (or
    of the latest year that has two), in ``indexer.codings``' order of preference."""
    mine = [p for p in profiles if p.scheme == scheme.id and p.country == country]
    if not mine:
        raise AgreeError(f"{country} has no profile of {scheme.id}")
    if len(codings) not in (0, 2):
        raise AgreeError("give two codings to set side by side (--coding ID twice), or none for the default")
    if codings and codings[0] == codings[1]:
        raise AgreeError("the two codings must differ")
    for y in sorted({p.year for p in mine}, reverse=True) if year is None else [year]:
        of_year = {p.coding: p for p in mine if p.year == y}
        if codings:
            if all(c in of_year for c in codings):
                return of_year[codings[0]], of_year[codings[1]]
            continue
        answered = sorted((p for p in of_year.values() if p.has_answers), key=rank)
        if len(answered) >= 2:
            return answered[0], answered[1]
    when = f" in {year}" if year is not None else ""
    have = _codings_by_year([p for p in mine if year is None or p.year == year] or mine)
    if not codings:
        raise AgreeError(f"{country} has no two codings with answers of the same year{when} (its codings: {have})")
    missing = [c for c in codings if all(p.coding != c or (year is not None and p.year != year) for p in mine)]
    if missing:
        raise AgreeError(f"{country} has no coding {' or '.join(missing)}{when} (its codings: {have})")
    raise AgreeError(f"{country} has no year with both codings {' and '.join(codings)} (its codings: {have})")


def _codings_by_year(profiles: Sequence[Profile]) -> str:
    """``published 2007–2024 (18 years); desk (illustrative) 2024``: each coding with its years."""
    years: dict[str, list[int]] = {}
    for p in sorted(profiles, key=lambda p: (rank(p), p.year)):
        years.setdefault(label(p), []).append(p.year)
    return "; ".join(f"{lab} {ys[0]}" if len(ys) == 1 else f"{lab} {ys[0]}–{ys[-1]} ({len(ys)} years)"
                     for lab, ys in years.items())


def agree(scheme: Scheme, profiles: Sequence[Profile], country: str, *, year: int | None = None,
          codings: Sequence[str] = (), depth: int = 1) -> Agreement:
    """How far two codings of ``country`` agree, question by question and per node down to
    ``depth`` (1: the areas)."""
    p1, p2 = pick_codings(scheme, profiles, country, year, codings)
    arrays = score_arrays(scheme, [p1, p2])
    questions = question_table(scheme, arrays)
    nodes = node_table(scheme, arrays, questions, depth)
    return Agreement(scheme, country, p1.year, p1, p2, questions, nodes)


def question_table(scheme: Scheme, arrays: ScoreArrays) -> pd.DataFrame:
    """One row per question: each coding's answer (None: open) and score (NaN: open or n/a),
    ``both`` (answered by both), ``same`` (the same answer) and |score₁ − score₂|."""
    p1, p2 = arrays.profiles
    col = scheme.index
    rows = []
    for leaf in scheme.leaves:
        a1, a2 = p1.answers.get(leaf.code), p2.answers.get(leaf.code)
        s1, s2 = float(arrays.score[0, col[leaf.code]]), float(arrays.score[1, col[leaf.code]])
        both = a1 is not None and a2 is not None
        rows.append({"code": leaf.code, "area": scheme.area_of(leaf.code), "answer_1": a1, "answer_2": a2,
                     "score_1": s1, "score_2": s2, "both": both, "same": both and a1 == a2,
                     "abs_diff": abs(s1 - s2) if both else float("nan")})
    return pd.DataFrame(rows, columns=QUESTION_COLUMNS)


def node_table(scheme: Scheme, arrays: ScoreArrays, questions: pd.DataFrame, depth: int = 1) -> pd.DataFrame:
    """The overall and every node down to ``depth``: agreement over the questions under it and its
    two scores (module docstring)."""
    q = questions.set_index("code")
    col = scheme.index
    rows = []
    for node in [scheme.root, *(n for n in scheme.nodes if 1 <= n.depth <= depth)]:
        under = [d.code for d in scheme.leaves_under(node.code)]
        sub = q.loc[under]
        both_na = (sub.answer_1 == NOT_APPLICABLE) & (sub.answer_2 == NOT_APPLICABLE)
        sub = sub[~both_na]
        both = sub[sub.both]
        scored = both.dropna(subset=["score_1", "score_2"])
        s1, s2 = float(arrays.score[0, col[node.code]]), float(arrays.score[1, col[node.code]])
        rows.append({
            "code": "overall" if node is scheme.root else node.code,
            "title": node.title, "level": "overall" if node is scheme.root else node.level,
            "depth": 0 if node is scheme.root else node.depth,
            "questions": len(sub), "both": len(both), "same": int(both.same.sum()),
            "agreement": float(both.same.mean()) if len(both) else float("nan"),
            "kappa": weighted_kappa(scored.score_1.to_numpy(), scored.score_2.to_numpy(), scheme.scale),
            "mean_abs_diff": float(scored.abs_diff.mean()) if len(scored) else float("nan"),
            "score_1": s1, "score_2": s2, "diff": s2 - s1,
        })
    return pd.DataFrame(rows, columns=NODE_COLUMNS)
