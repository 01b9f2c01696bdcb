"""What-if: a reform is a set of answer changes; recompute every level and the ranks in a group.

A reform is typed by hand (``--set LMM.ACC.1=a``: a leaf and its new answer, ``n/a``, or nothing
for a blank) or made by *adopting* another country's answers in one area (``--adopt SE:LMM``:
every answer under that node is replaced by the other country's; where the other country has no
answer for an indicator, the country keeps its own, and ``notes`` says so; where the other
country has a given (published) score there, that score is adopted too). A reform says one thing
per indicator: two instructions for the same indicator (``--set LMM.ACC.1=a --adopt SE:LMM``, or
two countries' LMM) are refused (``conflicting-reform``), never resolved silently. ``notes``
names every cited answer that a reform replaces.

Scoring is the engine's (``score.score_arrays``) on every profile of the scheme, once as they are
and once with the country's profile reformed, so that every number is the one ``score`` and
``compare`` would show; ranks are competition ranks among the group's members (each with its
profile for the year or its latest earlier one), the country added when it is not a member.

Given scores. Answers cannot be changed under a given (published) score — a published area has
no answers — so ``--set`` refuses a leaf that lies under one (adopt the whole area instead). A
given score *above* an adopted area (a published overall) is dropped in the reformed profile and
recomputed from its children; ``before`` stays the engine's score of the profile as it is (the
published figure), so the delta of such a node also contains the rounding of the published
figures: ``notes`` says so, with the recomputed value before the reform.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

import numpy as np
import pandas as pd

from .compare import Scored, competition_rank
from .load import number_of
from .model import NOT_APPLICABLE, Group, Profile, Scheme
from .notes import Note, Num
from .score import score_arrays

CSV_COLUMNS = ["code", "level", "depth", "country", "year", "before", "after", "delta",
               "rank_before", "rank_after", "rank_n"]


class WhatIfError(ValueError):
    """A reform that cannot be applied: ``problems`` lists (code, message) pairs."""

    def __init__(self, problems: Sequence[tuple[str, str]]) -> None:
        super().__init__("; ".join(m for _, m in problems))
        self.problems = list(problems)


@dataclass(frozen=True)
class Reform:
    """Answer changes (leaf code → answer text, ``n/a``, or None for a blank), given scores to
    set, and subtrees whose answers and given scores are cleared first (an adopted area)."""

    answers: Mapping[str, str | None] = field(default_factory=dict)
    scores: Mapping[str, float] = field(default_factory=dict)
    clear: tuple[str, ...] = ()
    #: leaf/node code -> where the change comes from: "set", or a note ("adopted from SE 2024 (LMM)")
    sources: Mapping[str, str | Note] = field(default_factory=dict)
    #: leaves under a cleared node that keep the country's own answer (the adopted-from country has none)
    keep: tuple[str, ...] = ()

    def __add__(self, other: Reform) -> Reform:
        """Both reforms at once; refused (:class:`WhatIfError`) where they say two things about one
        indicator or node."""
        clash = []
        for code in sorted((set(self.answers) | set(self.keep) | set(self.scores))
                           & (set(other.answers) | set(other.keep) | set(other.scores))):
            clash.append(("conflicting-reform",
                          f"{code} is both {self.sources.get(code, 'changed')} and {other.sources.get(code, 'changed')}: "
                          "a reform says one thing per indicator; drop one of the two instructions"))
        for a, b in ((self, other), (other, self)):
            for code in a.clear:
                if code in b.clear:
                    clash.append(("conflicting-reform", f"{code} is adopted twice; adopt it from one country"))
        if clash:
            raise WhatIfError(list(dict.fromkeys(clash)))
        return Reform({**self.answers, **other.answers}, {**self.scores, **other.scores},
                      self.clear + tuple(c for c in other.clear if c not in self.clear),
                      {**self.sources, **other.sources}, self.keep + other.keep)


@dataclass(frozen=True)
class Change:
    """One leaf (or given score) that a reform changes."""

    code: str
    before: str | None
    after: str | None
    before_score: float
    after_score: float
    source: str | Note = ""  # "set", or where an adopted answer comes from (``notes.say`` renders it)


@dataclass(frozen=True)
class WhatIf:
    """The result of :func:`what_if`.

    ``table``: one row per node (tree order): code, title, level, depth, country, year, before,
    after, delta, rank_before, rank_after, rank_n, band_before, band_after.
    """

    scheme: Scheme
    country: str
    year: int
    group: Group | None
    changes: tuple[Change, ...]
    table: pd.DataFrame
    before_profile: Profile
    after_profile: Profile
    dropped_given: tuple[str, ...] = ()
    #: what a reader should know about the result, as data (``str(note)``: English; ``note.text(lang)``)
    notes: tuple[Note, ...] = ()
    members_used: dict[str, int] = field(default_factory=dict)

    @property
    def moved(self) -> pd.DataFrame:
        """Rows whose score or rank changed."""
        t = self.table
        d = t.delta.fillna(0).abs() > 1e-12
        d |= t.before.isna() != t.after.isna()
        if self.group is not None:
            d |= t.rank_before.fillna(-1) != t.rank_after.fillna(-1)
        return t[d]

    @property
    def illustrative(self) -> bool:
        return self.before_profile.provenance == "illustrative"

    def overall(self) -> tuple[float, float]:
        r = self.table.iloc[0]
        return float(r.before), float(r.after)

    def csv_frame(self) -> pd.DataFrame:
        return self.table[CSV_COLUMNS]


# ----------------------------------------------------------------------------------------------
# building reforms


def parse_set(items: Sequence[str]) -> Reform:
    """``["LMM.1=a", "ATN.3=n/a", "PP.2="]`` → a reform (an empty answer is a blank)."""
    answers: dict[str, str | None] = {}
    bad = []
    for item in items:
        if "=" not in item:
            bad.append(("bad-value", f"{item!r}: write CODE=ANSWER (e.g. LMM.ACC.1=a)"))
            continue
        code, text = item.split("=", 1)
        code, text = code.strip(), text.strip()
        answers[code] = text or None
    if bad:
        raise WhatIfError(bad)
    return Reform(answers, sources={c: "set" for c in answers})


def _profile_for(scored: Scored, country: str, year: int | None) -> Profile | None:
    r = scored.row_for(country, year)
    return None if r is None else scored.profile(r[1])


def adopt(scheme: Scheme, profiles: Sequence[Profile] | Scored, source: str, code: str, *,
          year: int | None = None) -> Reform:
    """The reform "adopt ``source``'s answers under ``code``" (an area, or any node or leaf).

    Every leaf under ``code`` takes ``source``'s answer (absent stays absent); ``source``'s given
    scores at or under ``code`` come along; the target's own at or under ``code`` are cleared."""
    if code not in scheme.index or code == scheme.root.code:
        raise WhatIfError([("unknown-code", f"{scheme.id} has no node {code!r} to adopt")])
    scored = profiles if isinstance(profiles, Scored) else Scored.of(scheme, profiles)
    # adopting provisions needs answers: the source's coding that answers indicators, where it has one
    src = _profile_for(scored.choose(scored.prefer, answers=True), source, year)
    if src is None:
        when = f" for {year} or earlier" if year else ""
        raise WhatIfError([("no-profile", f"{source} has no profile of {scheme.id}{when} to adopt from")])
    node = scheme.node(code)
    under = [node] + scheme.descendants(code)
    scores = {n.code: src.scores[n.code] for n in under if n.code in src.scores}
    given_under = {d.code for c in scores for d in scheme.descendants(c)}
    leaves = [n.code for n in under if n.is_leaf and n.code not in given_under and n.code not in scores]
    answers = {c: src.answers[c] for c in leaves if src.answers.get(c) is not None}
    keep = tuple(c for c in leaves if c not in answers)
    label = Note.of("note.src.adopted", country=source, year=str(src.year), code=code,
                    coding="" if src.coding == src.provenance else f" {src.coding}")
    return Reform(answers, scores, (code,), {c: label for c in [*leaves, *scores]}, keep)


def parse_adopt(scheme: Scheme, profiles: Sequence[Profile] | Scored, items: Sequence[str], *,
                year: int | None = None) -> Reform:
    """``["SE:LMM", "DE:ATN"]`` → the sum of those adoptions."""
    out = Reform()
    for item in items:
        if ":" not in item:
            raise WhatIfError([("bad-value", f"{item!r}: write COUNTRY:CODE (e.g. SE:LMM)")])
        cc, code = (s.strip() for s in item.split(":", 1))
        out = out + adopt(scheme, profiles, cc, code, year=year)
    return out


def check_reform(scheme: Scheme, reform: Reform) -> list[tuple[str, str]]:
    """Problems with the answers of a reform (unknown codes, options, numbers)."""
    problems = []
    for code, text in reform.answers.items():
        if code not in scheme.index:
            problems.append(("unknown-code", f"{scheme.id} has no indicator {code!r}"))
            continue
        node = scheme.node(code)
        if not node.is_leaf:
            problems.append(("not-a-leaf", f"{code} is not an indicator (it has children); set its indicators, "
                             "or adopt it from a country with --adopt CC:" + code))
            continue
        if text is None or text == NOT_APPLICABLE:
            continue
        if node.numeric is not None:
            if number_of(text) is None:
                problems.append(("not-a-number", f"{code} takes a number, not {text!r}"))
        elif node.option(str(text)) is None:
            values = ", ".join(o.value for o in node.options)
            problems.append(("unknown-option", f"{code} has no option {text!r} ({values})"))
    for code in reform.scores:
        if code not in scheme.index:
            problems.append(("unknown-code", f"{scheme.id} has no node {code!r}"))
    return problems


def apply_reform(scheme: Scheme, profile: Profile, reform: Reform) -> tuple[Profile, tuple[str, ...]]:
    """The reformed profile, and the given scores dropped above the changes (recomputed).

    Raises :class:`WhatIfError` for a changed leaf under a given score that is not cleared."""
    problems = check_reform(scheme, reform)
    if problems:
        raise WhatIfError(problems)
    answers = dict(profile.answers)
    scores = dict(profile.scores)
    citations = dict(profile.citations)
    for code in reform.clear:
        for n in [scheme.node(code)] + scheme.descendants(code):
            scores.pop(n.code, None)
            if n.code in reform.keep:
                continue
            answers.pop(n.code, None)
            citations.pop(n.code, None)
    for code in reform.answers:
        if code in scores:  # a given leaf score is replaced by the answer
            del scores[code]
        for a in scheme.ancestors(code):
            if a in scores and a not in reform.scores and not _above_clear(scheme, a, reform, code):
                raise WhatIfError([("given-score-conflict",
                                    f"{code} lies under {profile.country}'s given score of {a} ({scores[a]:g}): a "
                                    f"published score has no answers to change; adopt the whole node instead "
                                    f"(--adopt CC:{a})")])
    dropped = []
    touched = list(reform.clear) + list(reform.answers) + list(reform.scores)
    for code in touched:
        for a in scheme.ancestors(code):
            if a in scores and a not in reform.scores:
                del scores[a]
                dropped.append(a)
    for code, text in reform.answers.items():
        if text is None:
            answers[code] = None
        else:
            answers[code] = text
        citations.pop(code, None)
    scores.update(reform.scores)
    after = replace(profile, answers=answers, scores=scores, citations=citations)
    return after, tuple(dict.fromkeys(dropped))


def _above_clear(scheme: Scheme, ancestor: str, reform: Reform, code: str) -> bool:
    """Whether ``ancestor`` lies above a cleared node that contains ``code`` (an adopted area
    under a published overall: the overall is recomputed, no conflict)."""
    chain = [code] + scheme.ancestors(code)
    for c in reform.clear:
        if c in chain and ancestor in scheme.ancestors(c):
            return True
    return False


# ----------------------------------------------------------------------------------------------
# the what-if


def what_if(
    scheme: Scheme,
    profiles: Sequence[Profile] | Scored,
    country: str,
    changes: Mapping[str, str | None] | Reform,
    *,
    group: Group | None = None,
    year: int | None = None,
) -> WhatIf:
    """Apply ``changes`` to ``country``'s profile (for ``year`` or its latest earlier one;
    default its latest) and recompute every node and the ranks within ``group``.

    ``changes``: leaf code → new answer (``n/a``, or None for a blank), or a :class:`Reform`
    (e.g. from :func:`adopt`). Raises :class:`WhatIfError` for invalid changes.
    """
    reform = changes if isinstance(changes, Reform) else Reform(dict(changes), sources={c: "set" for c in changes})
    scored = profiles if isinstance(profiles, Scored) else Scored.of(scheme, [p for p in profiles if p.scheme == scheme.id])
    # the reformed country in its coding that answers indicators (the one a reform changes);
    # the members, for ranks, as comparisons use them
    target = _profile_for(scored.choose(scored.prefer, answers=True), country, year)
    if target is None:
        when = f" for {year} or earlier" if year else ""
        raise WhatIfError([("no-profile", f"{country} has no profile of {scheme.id}{when}")])
    year = year if year is not None else target.year
    after_profile, dropped = apply_reform(scheme, target, reform)

    before_rows = scored.arrays.profiles
    t_row = before_rows.index(target)
    after_list = list(before_rows)
    after_list[t_row] = after_profile
    S0 = scored.arrays.score
    S1 = score_arrays(scheme, after_list).score
    members: dict[str, int] = {}
    if group is not None:
        for m in group.members:
            r = scored.row_for(m, year)
            if r is not None:
                members[m] = r[1]
    before = S0[t_row]
    after = S1[t_row]
    nodes = scheme.nodes
    n = len(nodes)
    if group is not None:
        others = [i for c, i in members.items() if c != country]
        P0 = S0[others] if others else np.empty((0, n))
        P1 = S1[others] if others else np.empty((0, n))
        rank_before, rank_n = competition_rank(before, np.vstack([P0, before[None, :]]))
        rank_after, rank_n_after = competition_rank(after, np.vstack([P1, after[None, :]]))
        rank_n = np.maximum(rank_n, rank_n_after)
    else:
        rank_before = rank_after = np.full(n, np.nan)
        rank_n = np.zeros(n, dtype=int)
    table = pd.DataFrame({
        "code": [x.code for x in nodes],
        "title": [x.title for x in nodes],
        "level": [x.level for x in nodes],
        "depth": [x.depth for x in nodes],
        "country": country,
        "year": target.year,
        "before": before,
        "after": after,
        "delta": after - before,
        "rank_before": rank_before,
        "rank_after": rank_after,
        "rank_n": pd.array(rank_n if group is not None else [pd.NA] * n, dtype="Int64"),
    })
    table["band_before"] = [scheme.band(v) for v in before]
    table["band_after"] = [scheme.band(v) for v in after]

    # the changes: answers leaf by leaf, then given scores set or removed (not those recomputed)
    ch = []
    for k, node in enumerate(nodes):
        c = node.code
        src = reform.sources.get(c, "")
        if node.is_leaf:
            a0, a1 = _text(target.answers.get(c)), _text(after_profile.answers.get(c))
            if a0 != a1:
                ch.append(Change(c, a0, a1, float(before[k]), float(after[k]), src))
        g0, g1 = target.scores.get(c), after_profile.scores.get(c)
        if g0 != g1 and c not in dropped:
            ch.append(Change(c, None if g0 is None else f"given {g0:g}", None if g1 is None else f"given {g1:g}",
                             float(before[k]), float(after[k]), src))
    notes: list[Note] = []
    if dropped:
        recomputed = score_arrays(scheme, [replace(target, scores={k: v for k, v in target.scores.items()
                                                                   if k not in dropped})]).score[0]
        for code in dropped:
            k = scheme.index[code]
            notes.append(Note.of("note.whatif.recomputed", code=code, given=Num(target.scores[code], None),
                                 recomputed=Num(float(recomputed[k])),
                                 rounding=Num(float(recomputed[k] - before[k]), 3)))
    for c in ch:
        cit = target.citations.get(c.code)
        if c.before is not None and cit is not None and cit.source and not c.before.startswith("given"):
            by = c.source if c.source and c.source != "set" else Note.of(
                "note.whatif.set" if c.source == "set" else "note.whatif.the_reform")
            if c.after is None:
                notes.append(Note.of("note.whatif.replaced_blank", code=c.code, country=country, before=c.before,
                                     source=cit.source, by=by))
            else:
                notes.append(Note.of("note.whatif.replaced", code=c.code, country=country, before=c.before,
                                     source=cit.source, after=c.after, by=by))
    kept = [k for k in reform.keep if target.answers.get(k) is not None]
    if kept:
        notes.append(Note.of("note.whatif.kept", country=country, codes=tuple(kept)))
    if not ch:
        notes.append(Note.of("note.whatif.nothing"))
    return WhatIf(scheme=scheme, country=country, year=year, group=group, changes=tuple(ch), table=table,
                  before_profile=target, after_profile=after_profile, dropped_given=dropped, notes=tuple(notes),
                  members_used={m: scored.profile(i).year for m, i in members.items()})


def _text(v: object) -> str | None:
    if v is None:
        return None
    return str(v)

