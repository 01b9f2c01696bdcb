"""Policy transfer: which provisions separate a country from a baseline, and the smallest set of
answer changes that lifts its overall score to a target — with the countries that already have
the better answer ("models").

The smallest reform
-------------------
A *change* gives one answered indicator (leaf) of the country another answer. Blank and ``n/a``
indicators are not candidates (answering them is a question of data, not a reform), nor are
indicators under a given (published) score, nor numeric indicators normalised across countries
(their score depends on the other countries). Every other answered leaf is a candidate, with its
*best achievable answer*: its highest-scoring option (numeric: the goalpost at the ``best`` end);
with ``within_group=True`` only answers some member of the group has count ("transfer" proper).

A change never alters which leaves are answered, so neither coverage nor which nodes have a score
changes: only scores move. Every aggregation of SPEC §3 (weighted mean, geometric mean, median,
min, max) is non-decreasing in each child's score, so giving a changed leaf anything but its best
achievable answer never helps: a reform is a *set of leaves*.

**Weighted means throughout (the usual case): greedy is exact.** With means on every path from a
candidate to the root and no given score in between, the overall is linear in the leaf scores,
``overall = Σ_l share_l · s_l``, where ``share_l`` is the product, down the leaf's path, of
``w / Σ w`` over the siblings that have a score — fixed, as the scored set is fixed. So a set
``R`` of changes raises the overall by exactly ``Σ_{l∈R} g_l`` with ``g_l = share_l · (best_l −
s_l) ≥ 0``, independently per leaf. Any ``k`` changes gain at most the sum of the ``k`` largest
``g_l``; taking the leaves in decreasing order of ``g_l`` attains that bound for every ``k``. The
smallest ``k`` whose top-``k`` sum reaches ``target − overall`` is therefore the minimum number of
changes, and those top-``k`` leaves are a minimum set. ∎

**Otherwise: an exact search over the tree.** For a node ``v`` and a budget ``j`` let
``F_v(j)`` be the highest score ``v`` can reach with at most ``j`` changes below it. A leaf has
``F(0) = s``, ``F(j≥1) = best``; a given score is constant. Children's subtrees are disjoint and
the aggregation is monotone in each child, so ``F_v(j) = max over splits j_1 + … + j_m = j of
agg(F_1(j_1), …, F_m(j_m))`` — each child independently at its best for its share of the budget.
The split is found exactly:

- mean (``Σ w F``), geometric (``Σ w log F``), min and max are associative: children are merged
  pairwise by (max, +) or (max, min/max) convolutions of their tables;
- median (unweighted) by thresholds: with ``c_i(t)`` the least budget that lifts child ``i`` to
  ``t``, an odd number ``m`` of children reaches median ``≥ t`` at cost = the sum of the
  ``(m+1)/2`` smallest ``c_i(t)``; an even ``m`` reaches ``(t1 + t2)/2`` (``t1 ≤ t2``) at cost
  ``min_u [c_u(t1) + Σ of the m/2 smallest c_i(t2), i ≠ u]`` (``m/2`` children at ``t2`` or above
  and one more at ``t1`` or above), over every pair of values the children can take.

Min-coverage rules need nothing more (coverage does not change). The least ``j`` with
``F_root(j) ≥ target`` is the minimum number of changes; the splits give a set. The greedy path
is used only where its premise holds, and every answer is checked with the real scorer
(``score.score_arrays``); if that check ever disagreed the search would be run instead.

A partly coded country: the reform on its bounds
------------------------------------------------
A country with *no overall score* (its coverage is below the root's ``min_coverage``) still has
bounds (SPEC §3.1, ``indexer.bounds``): ``lower`` with every open leaf at its lowest option score,
``upper`` at its highest. Its reform is planned on them. Besides *changes* of answered leaves, a
reform may *answer* an open leaf (blank, applicable, not under a given score): the reform enacts
that provision at its best achievable answer, so its score is known whatever the law says today.
An answer raises ``lower`` by ``share × (best − lowest)`` and never raises ``upper``. The objective:

1. **for sure** — the fewest edits (changes + answers) after which the reformed country's
   ``lower`` reaches the target: the target is met *whatever the open answers turn out to be*.
   Among sets of that size, the fewest answers (a reform of known provisions is preferred to
   enacting ones whose present state is unknown). ``lower`` aggregates like a score with the
   open leaves fixed at their lowest, ignoring coverage, so the two algorithms above apply
   unchanged to the ``lower`` tree with the answers as extra candidates (``score`` = lowest).
   Under weighted means the choice is exact in both criteria: any set of ``k`` edits with ``a``
   answers gains at most ``A(a) + C(k − a)`` (the sums of the ``a`` largest answer gains and the
   ``k − a`` largest change gains), which the top lists attain; the least ``k``, then the least
   ``a``, with ``A(a) + C(k − a) ≥ target − lower`` is the optimum. ∎ Otherwise the exact search
   gives the least ``k``; of the sets it finds, one without answers (searched separately over the
   changes alone) is taken when it is as small — the fewest answers is then not guaranteed.
2. **possibly** — if no reform reaches it for sure (some open leaf cannot be answered at its
   highest: a normalised numeric leaf, or ``within_group`` answers), the fewest *changes* after
   which ``upper`` reaches the target: the target can still be met, depending on the open
   answers. Answers never raise ``upper``, so they are not candidates.
3. otherwise out of reach: every candidate change is listed, and how far ``upper`` goes.

A country *with* an overall score keeps the objective above (its score reaches the target), so
its results are as before. Whatever the objective, the result reports the overall and every
touched area after the reform — the score where coverage allows, always the bounds — and a
status (:func:`reach_status`): *sure* when ``lower ≥ target``, *possibly* when ``upper ≥
target > lower``, *no* otherwise.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

import numpy as np
import pandas as pd

from . import codings
from .compare import DEFAULT_STAT, STATS, Scored, baseline_stat
from .model import Group, Profile, Scheme
from .notes import Note, Num, Pct
from .score import ANSWERED, answer_arrays, score_arrays
from .transfer_search import TOL, Candidate, _median_table, _methods, search_set

__all__ = ["Candidate", "Step", "Transfer", "TransferError", "_median_table", "transfer"]

CSV_COLUMNS = ["code", "title", "answer", "score", "baseline", "gap", "baseline_n", "step", "to_answer", "to_score",
               "gain", "overall_after", "models", "kind", "lower_after", "upper_after"]
OBJECTIVES = ("score", "lower", "upper")
"""What the smallest reform lifts to the target: the overall score (a country with one), its
lower bound ("for sure") or its upper bound ("possibly"); see the module docstring."""
STATUSES = ("sure", "possibly", "no")


class TransferError(ValueError):
    """A gap analysis that cannot be made (no profile, no target, ...). ``note``: the reason as
    data, for a view that shows it in its language (``str(err)`` is the English)."""

    def __init__(self, message: str | Note) -> None:
        super().__init__(str(message))
        self.note = message if isinstance(message, Note) else None


@dataclass(frozen=True)
class Step:
    """One change of the minimal reform, in order of gain."""

    code: str
    title: str
    answer: str
    to_answer: str
    score: float
    to_score: float
    gain: float  # overall points this change alone adds to the current profile
    overall_after: float  # the overall after this and every earlier step (real scorer)
    models: tuple[str, ...]  # group members whose answer scores at least ``to_score``
    kind: str = "change"  # "change" (answered now) or "answer" (open now: ``answer`` is "", ``score`` its lowest)
    lower_after: float = math.nan  # the overall's bounds after this and every earlier step
    upper_after: float = math.nan


@dataclass(frozen=True)
class NodeAfter:
    """A node (the overall, or an area a step touches) before and after the reform: score
    (NaN where coverage does not allow one), coverage and bounds."""

    code: str
    title: str
    score_before: float
    score_after: float
    coverage_before: float
    coverage_after: float
    lower_before: float
    lower_after: float
    upper_before: float
    upper_after: float


@dataclass(frozen=True)
class Transfer:
    """The result of :func:`transfer`.

    ``provisions``: every answered leaf where the country trails the baseline (or, without a
    group, could score more), with the group's leaders. ``steps``: a smallest set of changes that
    reaches ``target`` (empty when the country is there already); ``reachable`` False when even
    every candidate change falls short (``steps`` then lists them all and ``best_possible`` says
    how far they go). ``method``: ``greedy`` (weighted means: provably optimal), ``search``
    (exact tree search) or ``none``.
    """

    scheme: Scheme
    country: str
    year: int
    group: Group | None
    stat: str
    target: float
    target_source: str
    overall: float
    provisions: pd.DataFrame
    steps: tuple[Step, ...]
    reachable: bool
    best_possible: float
    method: str
    candidates: int
    illustrative: bool = False
    members_used: dict[str, int] = field(default_factory=dict)
    #: what a reader should know about the result, as data (``str(note)``: English; ``note.text(lang)``)
    notes: tuple[Note, ...] = ()
    #: the target's source as data (the group and statistic; None for a given target)
    target_note: Note | None = None
    #: country and members -> the coding used, with its provenance (``codings.label``)
    codings: dict[str, str] = field(default_factory=dict)
    #: what the reform lifts to the target (``OBJECTIVES``): "score", "lower" or "upper"
    objective: str = "score"
    #: the overall now: coverage and bounds
    coverage: float = math.nan
    lower: float = math.nan
    upper: float = math.nan
    #: after the reform (``steps`` applied): "sure", "possibly" or "no" (:func:`reach_status`)
    status: str = "no"
    #: the overall and each touched area, before and after
    after: tuple[NodeAfter, ...] = ()
    #: planned on the lower bound: the fewest changes that make the target merely possible
    possible_in: int | None = None

    @property
    def answers(self) -> int:
        """How many steps answer an open indicator."""
        return sum(s.kind == "answer" for s in self.steps)

    def after_frame(self) -> pd.DataFrame:
        """One row per reported node (the overall first), before and after."""
        cols = [f.name for f in NodeAfter.__dataclass_fields__.values()]
        return pd.DataFrame([{c: getattr(n, c) for c in cols} for n in self.after], columns=cols)

    @property
    def changes(self) -> dict[str, str]:
        return {s.code: s.to_answer for s in self.steps}

    def csv_frame(self) -> pd.DataFrame:
        """The provisions, with the minimal-set columns filled for the steps (steps first)."""
        p = self.provisions.copy()
        step_of = {s.code: (i + 1, s) for i, s in enumerate(self.steps)}
        extra = [s for s in self.steps if s.code not in set(p.code)]
        if extra:
            p = pd.concat([p, pd.DataFrame({"code": [s.code for s in extra], "title": [s.title for s in extra],
                                            "answer": [s.answer for s in extra],
                                            "score": [s.score if s.kind == "change" else np.nan for s in extra]})],
                          ignore_index=True)
        p["step"] = pd.array([step_of[c][0] if c in step_of else pd.NA for c in p.code], dtype="Int64")
        p["to_answer"] = [step_of[c][1].to_answer if c in step_of else "" for c in p.code]
        p["to_score"] = [step_of[c][1].to_score if c in step_of else np.nan for c in p.code]
        p["gain"] = [step_of[c][1].gain if c in step_of else np.nan for c in p.code]
        p["overall_after"] = [step_of[c][1].overall_after if c in step_of else np.nan for c in p.code]
        p["models"] = [" ".join(step_of[c][1].models) if c in step_of else "" for c in p.code]
        p["kind"] = [step_of[c][1].kind if c in step_of else "" for c in p.code]
        p["lower_after"] = [step_of[c][1].lower_after if c in step_of else np.nan for c in p.code]
        p["upper_after"] = [step_of[c][1].upper_after if c in step_of else np.nan for c in p.code]
        p = p.sort_values(["step"], na_position="last", kind="stable").reset_index(drop=True)
        for c in ("baseline", "gap"):
            if c not in p:
                p[c] = np.nan
        if "baseline_n" not in p:
            p["baseline_n"] = pd.array([pd.NA] * len(p), dtype="Int64")
        return p[CSV_COLUMNS]


# ----------------------------------------------------------------------------------------------
# candidates


def best_answers(scheme: Scheme, profile: Profile, leaf_scores: dict[str, float], *,
                 allowed: dict[str, dict[str, float]] | None = None) -> list[Candidate]:
    """Each answered leaf that could score more, with its best achievable answer.

    ``leaf_scores``: the profile's current leaf scores. ``allowed``: leaf → {answer: score} to
    choose from (default: the scheme's options; numeric leaves the ``best`` goalpost)."""
    ans = answer_arrays(scheme, [profile])
    out = []
    below_given = set()
    for code in profile.scores:
        if code in scheme.index:
            below_given.update(d.code for d in scheme.descendants(code))
            below_given.add(code)
    lo, hi = scheme.scale
    for j, leaf in enumerate(ans.leaves):
        if ans.state[0, j] != ANSWERED or leaf.code in below_given:
            continue
        s = leaf_scores.get(leaf.code, np.nan)
        if s != s:
            continue
        if allowed is not None:
            choices = allowed.get(leaf.code, {})
        elif leaf.numeric is not None:
            if leaf.numeric.normalise is not None:
                continue
            x = leaf.numeric.min if leaf.numeric.best == "low" else leaf.numeric.max
            choices = {_num_text(x): hi}
        else:
            choices = {o.value: o.score for o in leaf.options}
        if not choices:
            continue
        best = max(choices, key=lambda a: (choices[a], -list(choices).index(a)))
        if choices[best] > s + TOL:
            out.append(Candidate(leaf.code, str(profile.answers.get(leaf.code)), float(s), best, float(choices[best])))
    return out


def open_answers(scheme: Scheme, is_open: np.ndarray, lowest: np.ndarray, *,
                 allowed: dict[str, dict[str, float]] | None = None) -> list[Candidate]:
    """Each open leaf (``is_open``, per leaf in ``scheme.leaves`` order) whose best achievable
    answer scores above its lowest (``lowest``, per leaf): an "answer" candidate, its ``score``
    the lowest (its value in the lower bound). Numeric leaves normalised across countries are
    left out (their score depends on the other countries)."""
    hi = scheme.scale[1]
    out = []
    for j, leaf in enumerate(scheme.leaves):
        if not is_open[j]:
            continue
        if allowed is not None:
            choices = allowed.get(leaf.code, {})
        elif leaf.numeric is not None:
            if leaf.numeric.normalise is not None:
                continue
            choices = {_num_text(leaf.numeric.min if leaf.numeric.best == "low" else leaf.numeric.max): hi}
        else:
            choices = {o.value: o.score for o in leaf.options}
        if not choices:
            continue
        best = max(choices, key=lambda a: (choices[a], -list(choices).index(a)))
        if choices[best] > lowest[j] + TOL:
            out.append(Candidate(leaf.code, "", float(lowest[j]), best, float(choices[best]), kind="answer"))
    return out


def reach_status(score: float, lower: float, upper: float, target: float) -> str:
    """Whether ``target`` is reached: "sure" when ``lower ≥ target`` (whatever the open answers
    turn out to be), "possibly" when ``upper ≥ target > lower``, "no" otherwise. Without bounds
    (a node with no applicable leaf) the score decides ("sure" or "no")."""
    if math.isnan(lower) or math.isnan(upper):
        return "sure" if not math.isnan(score) and score >= target - TOL else "no"
    if lower >= target - TOL:
        return "sure"
    return "possibly" if upper >= target - TOL else "no"


def _num_text(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else repr(float(x))


# ----------------------------------------------------------------------------------------------
# the minimal reform


def greedy_applies(scheme: Scheme, profile: Profile, candidates: Sequence[Candidate]) -> bool:
    """Whether every composite node above a candidate aggregates by weighted mean, with no given
    score on the way (the premise under which greedy is exact)."""
    methods = _methods(scheme)
    for c in candidates:
        for a in scheme.ancestors(c.code):
            if methods[scheme.index[a]] != "mean" or a in profile.scores:
                return False
    return True


def _shares(scheme: Scheme, S: np.ndarray) -> dict[str, float]:
    """Each node's share of the overall under weighted means, over the siblings with a score."""
    idx = scheme.index
    shares = {scheme.root.code: 1.0}
    for node in scheme.nodes:
        if node.code not in shares:
            continue
        kids = [c for c in node.children if not math.isnan(S[idx[c.code]])]
        total = sum(c.weight for c in kids)
        for c in kids:
            shares[c.code] = shares[node.code] * c.weight / total
    return shares


def greedy_set(scheme: Scheme, S: np.ndarray, candidates: Sequence[Candidate], need: float
               ) -> tuple[list[Candidate], float]:
    """Leaves in decreasing order of ``share × (best − score)`` until the gains reach ``need``.
    Returns (set, total gain); the whole list if it never does."""
    sh = _shares(scheme, S)
    ranked = sorted(candidates, key=lambda c: (-sh.get(c.code, 0.0) * (c.best_score - c.score), c.code))
    total, out = 0.0, []
    for c in ranked:
        if total >= need - TOL:
            break
        out.append(c)
        total += sh.get(c.code, 0.0) * (c.best_score - c.score)
    return out, total


def greedy_fewest_answers(scheme: Scheme, V: np.ndarray, changes: Sequence[Candidate], answers: Sequence[Candidate],
                          need: float) -> tuple[list[Candidate], float]:
    """Under weighted means: the fewest edits whose gains (``share × (best − score)``, shares of
    ``V``'s tree) reach ``need``, and among those the fewest answers — the least ``k``, then the
    least ``a``, with ``A(a) + C(k − a) ≥ need`` (top-``a`` answer gains plus top-``(k − a)``
    change gains; module docstring). Returns (set, total gain); every candidate if none does."""
    sh = _shares(scheme, V)

    def ranked(cs: Sequence[Candidate]) -> tuple[list[Candidate], np.ndarray]:
        gain = {c.code: sh.get(c.code, 0.0) * (c.best_score - c.score) for c in cs}
        r = sorted(cs, key=lambda c: (-gain[c.code], c.code))
        return r, np.concatenate([[0.0], np.cumsum([gain[c.code] for c in r])])

    rc, C = ranked(changes)
    ra, A = ranked(answers)
    for k in range(len(rc) + len(ra) + 1):
        for a in range(max(0, k - len(rc)), min(k, len(ra)) + 1):
            if A[a] + C[k - a] >= need - TOL:
                return ra[:a] + rc[:k - a], float(A[a] + C[k - a])
    return ra + rc, float(A[-1] + C[-1])


def sure_reform(scheme: Scheme, profile: Profile, L: np.ndarray, changes: Sequence[Candidate],
                answers: Sequence[Candidate], target: float, verify) -> tuple[list[Candidate], str, float]:  # noqa: ANN001
    """The fewest edits (changes and answers) lifting the lower bound of the overall (``L[0]``,
    ``L`` the lower bounds of every node) to ``target``, the fewest answers among them (exact
    under weighted means; module docstring). ``verify(edits) -> lower`` rescores with the real
    kernel. Returns (set, method, the lower bound with every candidate)."""
    cands = [*changes, *answers]
    if L[0] >= target - TOL or not cands:
        return [], "none", float(L[0])
    if greedy_applies(scheme, profile, cands):
        chosen, gain = greedy_fewest_answers(scheme, L, changes, answers, target - L[0])
        got = verify(chosen)
        if abs(got - (L[0] + gain)) <= 1e-6 * max(1.0, abs(got)):
            total = greedy_fewest_answers(scheme, L, changes, answers, math.inf)[1]
            return chosen, "greedy", float(L[0] + total)
    mixed, _, root = search_set(scheme, profile, L, cands, target)
    if changes:
        only, reach, _ = search_set(scheme, profile, L, changes, target)
        if reach >= target - TOL and len(only) <= len(mixed):
            mixed = only
    return mixed, "search", float(root[-1])


def minimal_reform(scheme: Scheme, profile: Profile, S: np.ndarray, candidates: Sequence[Candidate],
                   target: float, verify) -> tuple[list[Candidate], str, float]:  # noqa: ANN001
    """A smallest set of candidate changes lifting the overall (``S[0]``) to ``target``.

    ``verify(changes) -> overall`` scores a set with the real scorer. Greedy where it is provably
    exact (weighted means), else (or if the scorer disagrees) the exact search.
    Returns (set, method, best possible overall with every candidate)."""
    if not math.isnan(S[0]) and S[0] >= target - TOL:
        return [], "none", float(S[0])
    if not candidates:
        return [], "none", float(S[0])
    if greedy_applies(scheme, profile, candidates):
        chosen, gain = greedy_set(scheme, S, candidates, target - S[0])
        got = verify(chosen)
        best_all = got if len(chosen) == len(candidates) else S[0] + sum(
            _shares(scheme, S).get(c.code, 0.0) * (c.best_score - c.score) for c in candidates)
        if abs(got - (S[0] + gain)) <= 1e-6 * max(1.0, abs(got)):
            return chosen, "greedy", float(best_all)
    chosen, _, root = search_set(scheme, profile, S, candidates, target)
    return chosen, "search", float(root[-1])


# ----------------------------------------------------------------------------------------------
# the analysis


def transfer(
    scheme: Scheme,
    profiles: Sequence[Profile] | Scored,
    country: str,
    *,
    group: Group | None = None,
    stat: str = DEFAULT_STAT,
    target: float | None = None,
    year: int | None = None,
    within_group: bool = False,
    coding: Sequence[str] = (),
) -> Transfer:
    """Provisions separating ``country`` from ``group``'s ``stat``, and a smallest reform lifting
    its overall to ``target`` (default: the group's baseline overall).

    Codings (``indexer.codings``): the country and the members are read in their codings that
    answer indicators (``answers=True``; ``coding`` preferred where it exists), since provisions
    are compared indicator by indicator; the default target, the group's overall baseline, is
    the comparison's (published figures first, ``coding`` preferred), as ``compare`` shows it."""
    if stat not in STATS:
        raise TransferError(f"unknown statistic {stat!r}; use one of {', '.join(STATS)}")
    scored = profiles if isinstance(profiles, Scored) else Scored.of(scheme, [p for p in profiles if p.scheme == scheme.id])
    default = scored.choose(coding)  # what comparisons and baselines use
    scored = scored.choose(coding, answers=True)  # what indicator-level analyses use
    r = scored.row_for(country, year)
    if r is None:
        when = Note.of("note.transfer.when", year=str(year)) if year else ""
        raise TransferError(Note.of("note.transfer.no_profile", country=country, scheme=scheme.id, when=when))
    y_used, row = r
    year = year if year is not None else y_used
    prof = scored.profile(row)
    S_all = scored.arrays.score
    S = S_all[row]
    members: dict[str, int] = {}
    if group is not None:
        for m in group.members:
            rm = scored.row_for(m, year)
            if rm is not None:
                members[m] = rm[1]
    member_rows = list(members.values())
    M = S_all[member_rows] if member_rows else np.empty((0, len(scheme.nodes)))
    base, base_n = baseline_stat(M, stat) if group is not None else (np.full(len(scheme.nodes), np.nan),
                                                                     np.zeros(len(scheme.nodes), dtype=int))
    if group is not None:  # the overall baseline as comparisons show it (default codings)
        drows = [rd[1] for m in group.members if (rd := default.row_for(m, year)) is not None]
        base0 = baseline_stat(S_all[drows][:, :1] if drows else np.empty((0, 1)), stat)[0][0]
    if target is None:
        if group is None:
            raise TransferError(Note.of("note.transfer.need_target"))
        base = base.copy()
        base[0] = base0
        if math.isnan(base[0]):
            raise TransferError(Note.of("note.transfer.no_member_overall", group=group.name, year=str(year)))
        target, source = float(base[0]), f"{group.name} {stat}"
        target_note = Note.of("note.transfer.target_source", group=group.name, stat=Note.of(f"stat.{stat}"))
    else:
        source, target_note = "given", None
    target = float(target)

    # leaf scores of the country and of the members; the answers members hold
    leaves = scheme.leaves
    li = [scheme.index[x.code] for x in leaves]
    leaf_scores = {x.code: float(S[k]) for x, k in zip(leaves, li, strict=True)}
    allowed = None
    member_answers: dict[str, dict[str, tuple[str, float]]] = {}  # leaf -> member -> (answer, score)
    for mc, mr in members.items():
        mp = scored.profile(mr)
        for x, k in zip(leaves, li, strict=True):
            s = S_all[mr, k]
            a = mp.answers.get(x.code)
            if not math.isnan(s) and a is not None and a != "n/a" and x.code not in mp.scores:
                member_answers.setdefault(x.code, {})[mc] = (str(a), float(s))
    if within_group:
        allowed = {}
        for code, by in member_answers.items():
            choices: dict[str, float] = {}
            for a, s in by.values():
                choices[a] = max(s, choices.get(a, -np.inf))
            allowed[code] = choices
    candidates = best_answers(scheme, prof, leaf_scores, allowed=allowed)

    pool = [scored.profile(i) for i in range(len(scored.arrays.profiles))]
    needs_context = any(x.numeric is not None and x.numeric.normalise for x in leaves)
    A_all = scored.arrays
    L, U = A_all.lower[row], A_all.upper[row]
    cov_now = float(A_all.coverage[row, 0])

    def evaluate(sets: Sequence[Sequence[Candidate]]) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """Score, coverage, lower and upper (rows: the sets; columns: nodes) of the country with
        each set of edits applied, by the real scorer."""
        variants = [replace(prof, answers={**prof.answers, **{c.code: c.best for c in cs}}) for cs in sets]
        if needs_context:
            parts = []
            for v in variants:
                ctx = list(pool)
                ctx[row] = v
                a = score_arrays(scheme, ctx)
                parts.append((a.score[row], a.coverage[row], a.lower[row], a.upper[row]))
            return tuple(np.array([q[i] for q in parts]) for i in range(4))  # type: ignore[return-value]
        a = score_arrays(scheme, variants)
        return a.score, a.coverage, a.lower, a.upper

    def verifier(which: int):  # noqa: ANN202 - the overall's score (0), lower (2) or upper (3) after a set
        return lambda cs: float(evaluate([cs])[which][0, 0])

    notes: list[Note] = []
    objective, possible_in = "score", None
    answers_c: list[Candidate] = []
    if not math.isnan(S[0]):
        chosen, method, best_possible = minimal_reform(scheme, prof, S, candidates, target, verifier(0))
        metric = 0
    elif math.isnan(L[0]):
        notes.append(Note.of("note.transfer.no_bounds", country=country))
        chosen, method, best_possible, metric = [], "none", float("nan"), 0
    else:
        lowest = A_all.extremes[0]
        answers_c = open_answers(scheme, A_all.open[row], lowest, allowed=allowed)
        mc = scheme.min_coverage_of(scheme.root)
        notes.append(Note.of("note.transfer.on_bounds", country=country, cov=Pct(cov_now), need=Pct(mc),
                             lower=Num(float(L[0])), upper=Num(float(U[0]))))
        chosen, method, best_possible = sure_reform(scheme, prof, L, candidates, answers_c, target, verifier(2))
        objective, metric = "lower", 2
        up, up_method, up_best = minimal_reform(scheme, prof, U, candidates, target, verifier(3))
        up_ok = float(U[0]) >= target - TOL or (bool(up) and verifier(3)(up) >= target - TOL)
        possible_in = len(up) if up_ok else None
        if best_possible < target - TOL:  # not for sure: possibly, on the upper bound
            objective, chosen, method, best_possible, metric = "upper", up, up_method, up_best, 3
            answers_c = []
    got = verifier(metric)(chosen) if chosen else float((S, None, L, U)[metric][0])
    reachable = not math.isnan(got) and got >= target - TOL
    all_cands = [*candidates, *answers_c]

    # steps: in order of standalone gain (in the objective's terms), with the cumulative
    # overall, lower and upper from the scorer
    steps: list[Step] = []
    if chosen:
        base_now = float((S, None, L, U)[metric][0])
        alone = evaluate([[c] for c in chosen])[metric][:, 0] - base_now
        order = sorted(range(len(chosen)), key=lambda i: (-alone[i], chosen[i].code))
        ordered = [chosen[i] for i in order]
        cs, _, cl, cu = evaluate([ordered[:i + 1] for i in range(len(ordered))])
        for n_, i in enumerate(order):
            c = ordered[n_]
            models = tuple(sorted(m for m, (_, v) in member_answers.get(c.code, {}).items() if v >= c.best_score - TOL))
            steps.append(Step(c.code, scheme.node(c.code).title, c.answer, c.best, c.score, c.best_score,
                              float(alone[i]), float(cs[n_, 0]), models, c.kind, float(cl[n_, 0]), float(cu[n_, 0])))
    if not reachable and not (math.isnan(S[0]) and math.isnan(L[0])):
        key = {"score": "note.transfer.short", "lower": "note.transfer.short_lower",
               "upper": "note.transfer.short_upper"}[objective]
        notes.append(Note.of(key, n=len(all_cands), country=country, best=Num(best_possible), target=Num(target)))

    # the overall and every area a step touches, before and after
    ea = evaluate([chosen])
    touched = {scheme.area_of(c.code) for c in chosen}
    after = []
    for k, node in enumerate(scheme.nodes):
        if k == 0 or (node.code in touched and node.depth == 1):
            after.append(NodeAfter(node.code, node.title, float(S[k]), float(ea[0][0, k]),
                                   float(A_all.coverage[row, k]), float(ea[1][0, k]), float(L[k]), float(ea[2][0, k]),
                                   float(U[k]), float(ea[3][0, k])))
    status = reach_status(after[0].score_after, after[0].lower_after, after[0].upper_after, target)

    # provisions: answered leaves where the country trails the baseline (or can improve)
    rows = []
    for x, k in zip(leaves, li, strict=True):
        s = S[k]
        if math.isnan(s) or prof.answers.get(x.code) in (None, "n/a"):
            continue
        b = base[k]
        held = member_answers.get(x.code, {})
        top = max((v[1] for v in held.values()), default=np.nan)
        leaders = sorted(m for m, (_, v) in held.items() if v >= top - TOL) if held else []
        trails = (not math.isnan(b) and s < b - TOL) or (group is None and any(c.code == x.code for c in candidates))
        if not trails:
            continue
        rows.append({
            "code": x.code, "title": x.title, "answer": str(prof.answers.get(x.code)), "score": float(s),
            "baseline": float(b), "gap": float(s - b), "baseline_n": int(base_n[k]),
            "group_best": top, "leaders": " ".join(leaders) if top > s + TOL else "",
        })
    provisions = pd.DataFrame(rows, columns=["code", "title", "answer", "score", "baseline", "gap", "baseline_n",
                                             "group_best", "leaders"])
    provisions["baseline_n"] = provisions["baseline_n"].astype("Int64")
    provisions = provisions.sort_values(["gap", "code"], kind="stable").reset_index(drop=True)
    if group is not None and int(base_n[li].max(initial=0)) == 0:
        notes.append(Note.of("note.transfer.no_indicator_baseline", group=group.name, year=str(year)))
    return Transfer(
        scheme=scheme, country=country, year=year, group=group, stat=stat, target=target, target_source=source,
        target_note=target_note,
        overall=float(S[0]), provisions=provisions, steps=tuple(steps), reachable=reachable,
        best_possible=best_possible, method=method, candidates=len(all_cands),
        illustrative=prof.provenance == "illustrative", members_used={m: scored.profile(i).year for m, i in members.items()},
        notes=tuple(notes),
        codings={c: codings.label(scored.profile(i)) for c, i in {**members, country: row}.items()},
        objective=objective, coverage=cov_now, lower=float(L[0]), upper=float(U[0]), status=status,
        after=tuple(after), possible_in=possible_in,
    )
