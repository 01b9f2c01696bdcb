"""The parsed form of schemes, profiles and groups: frozen dataclasses, built only by ``load``."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

AGGREGATIONS = ("mean", "geometric", "median", "min", "max")
MISSING_RULES = ("skip", "zero")
STATUSES = ("draft", "review", "final")
PROVENANCES = ("official", "published", "expert", "illustrative")
CONFIDENCES = ("high", "medium")
#: baseline statistics of a group's scores
STATS = ("mean", "median", "min", "max")
#: the one default statistic of a baseline, everywhere (CLI, app, PDF, exports): SPEC §5's mean.
#: MIPEX's printed "averages" are medians (../shared/data/README.md): `--stat median` gives them.
DEFAULT_STAT = "mean"
#: the default order in which codings of one country-year are preferred (see ``indexer.codings``)
PROVENANCE_ORDER = ("published", "official", "expert", "illustrative")
NOT_APPLICABLE = "n/a"
ROOT = "overall"
#: a version that can be ordered: dotted whole numbers (``2020.6``, ``1.10``)
VERSION_RE = re.compile(r"\d{1,9}(\.\d{1,9})*\Z")


def version_key(text: str) -> tuple[int, ...] | None:
    """``"2020.10"`` -> ``(2020, 10)``, which orders after ``(2020, 9)``; None for a version that
    is not dotted whole numbers (it can only be compared for equality). Trailing zeros do not
    count: ``1.0`` is ``1``."""
    if not VERSION_RE.match(text):
        return None
    parts = [int(x) for x in text.split(".")]
    while len(parts) > 1 and parts[-1] == 0:
        parts.pop()
    return tuple(parts)


@dataclass(frozen=True, slots=True)
class Option:
    value: str
    label: str
    score: float


@dataclass(frozen=True, slots=True)
class Numeric:
    """Goalposts of a numeric leaf. ``normalise`` (extension) rescales across countries."""

    min: float | None
    max: float | None
    best: str = "high"
    unit: str = ""
    normalise: str | None = None  # None (goalposts) | "minmax" | "zscore"
    range: tuple[float, float] | None = None


@dataclass(frozen=True, slots=True)
class Band:
    min: float
    label: str


@dataclass(frozen=True, slots=True)
class Node:
    code: str
    title: str
    depth: int
    level: str
    weight: float = 1.0
    aggregation: str | None = None  # None: the scheme's default
    min_coverage: float | None = None  # None: the scheme's default
    children: tuple[Node, ...] = ()
    options: tuple[Option, ...] = ()
    numeric: Numeric | None = None
    question: str = ""
    help: str = ""
    #: a label grouping leaves in the questionnaire and the PDF (e.g. MIPEX's dimensions); not a level
    section: str = ""
    #: the scheme version in which this question's meaning last changed (``revised:``), so that
    #: an answer given under an earlier version is flagged for re-reading; empty: never revised
    revised: str = ""

    @property
    def is_leaf(self) -> bool:
        return not self.children

    def option(self, value: str) -> Option | None:
        for o in self.options:
            if o.value == value:
                return o
        return None

    def answer_text(self, answer: str | None) -> str:
        """An answer as a reader sees it: ``b: With restrictions``, ``8 years``, ``not
        applicable``, ``–`` (blank)."""
        if answer is None:
            return "–"
        if answer == NOT_APPLICABLE:
            return "not applicable"
        if self.numeric is not None:
            return f"{answer} {self.numeric.unit}".strip()
        opt = self.option(answer)
        if opt is None:
            return answer
        return f"{opt.value}: {opt.label}" if opt.label and opt.label != opt.value else opt.value


@dataclass(frozen=True, slots=True)
class Scheme:
    id: str
    title: str
    version: str
    root: Node
    path: str = ""
    description: str = ""
    source: str = ""
    scale: tuple[float, float] = (0.0, 100.0)
    levels: tuple[str, ...] = ("area", "dimension", "indicator")
    aggregation: str = "mean"
    missing: str = "skip"
    min_coverage: float = 0.0
    bands: tuple[Band, ...] = ()
    #: every node, root first, then the tree in order (pre-order)
    nodes: tuple[Node, ...] = ()
    #: code -> position in ``nodes``
    index: Mapping[str, int] = field(default_factory=dict)
    #: code -> parent code (the root's is None)
    parents: Mapping[str, str | None] = field(default_factory=dict)

    @property
    def leaves(self) -> tuple[Node, ...]:
        return tuple(n for n in self.nodes if n.is_leaf)

    def node(self, code: str) -> Node:
        return self.nodes[self.index[code]]

    def method_of(self, node: Node) -> str:
        """The aggregation of a composite node: its own, else the scheme's default."""
        return node.aggregation or self.aggregation

    def min_coverage_of(self, node: Node) -> float:
        """The coverage a composite node needs to have a score: its own, else the scheme's."""
        return node.min_coverage if node.min_coverage is not None else self.min_coverage

    def band(self, score: float | None) -> str:
        """The label of the first band whose ``min`` <= the unrounded score ('' if none)."""
        if score is None or score != score:
            return ""
        for b in self.bands:
            if b.min <= score:
                return b.label
        return ""

    def ancestors(self, code: str) -> list[str]:
        """Codes above ``code``, nearest first, ending with the root."""
        out = []
        p = self.parents.get(code)
        while p is not None:
            out.append(p)
            p = self.parents.get(p)
        return out

    def area_of(self, code: str) -> str:
        """The code of the root's child that ``code`` lies under (``code`` itself at depth 1 or
        for the root)."""
        anc = self.ancestors(code)
        return anc[-2] if len(anc) >= 2 else code

    def descendants(self, code: str) -> list[Node]:
        """Every node below ``code`` (not itself), in order."""
        out: list[Node] = []
        stack = list(reversed(self.node(code).children))
        while stack:
            n = stack.pop()
            out.append(n)
            stack.extend(reversed(n.children))
        return out

    def leaves_under(self, code: str) -> list[Node]:
        """The leaves (questions) at or below ``code``, in order: the node itself if it is one."""
        node = self.node(code)
        return [node] if node.is_leaf else [d for d in self.descendants(code) if d.is_leaf]

    def level_name(self, depth: int) -> str:
        return level_name(self.levels, depth)


def level_name(levels: tuple[str, ...], depth: int) -> str:
    if depth == 0:
        return ROOT
    if depth <= len(levels):
        return levels[depth - 1]
    return f"level{depth}"


@dataclass(frozen=True, slots=True)
class Citation:
    """What a long-form answer says besides its value."""

    source: str = ""
    note: str = ""
    url: str = ""
    #: the provision's own words that settle the answer (CODING.md)
    quote: str = ""
    #: ``high`` or ``medium`` (CODING.md); empty when not given
    confidence: str = ""


#: what a long-form answer carries besides its value, in :class:`Citation`'s order (CODING.md);
#: the one list that the questionnaire, the exports and the importer use
CITATION_FIELDS = ("source", "note", "url", "quote", "confidence")

@dataclass(frozen=True, slots=True)
class Profile:
    """One country's answers to one scheme for one reference year.

    ``answers`` maps a leaf code to the answer's text: ``"n/a"`` for not applicable, ``None``
    for a blank (not answered yet). A code that is not in ``answers`` is absent too.
    """

    scheme: str
    country: str
    year: int
    path: str = ""
    status: str = "draft"
    provenance: str = "expert"
    answers: Mapping[str, str | None] = field(default_factory=dict)
    citations: Mapping[str, Citation] = field(default_factory=dict)
    scores: Mapping[str, float] = field(default_factory=dict)
    has_answers_section: bool = True
    #: ``status``/``provenance`` as the file wrote them where invalid (the fields above hold the default)
    as_written: Mapping[str, str] = field(default_factory=dict)
    #: codes whose answer could not be read (reported as bad-value; not also as missing)
    unreadable: frozenset[str] = frozenset()
    coder: str = ""
    reviewer: str = ""
    notes: str = ""
    source: str = ""
    title: str = ""
    #: which coding of the country-year this is (``coding:``; default: the provenance). Several
    #: codings of one country and year coexist; (scheme, country, year, coding) is the identity.
    coding: str = ""
    #: the version of the scheme the answers were given against (``scheme_version:``; empty:
    #: not stated). Answers to questions revised after it are flagged (``revised-question``).
    scheme_version: str = ""

    def __post_init__(self) -> None:
        if not self.coding:
            object.__setattr__(self, "coding", self.provenance)

    @property
    def key(self) -> tuple[str, str, int, str]:
        return (self.scheme, self.country, self.year, self.coding)

    @property
    def has_answers(self) -> bool:
        """Whether any indicator is answered (a value or n/a): the profile codes provisions,
        rather than only giving published scores."""
        return any(v is not None for v in self.answers.values())

    @property
    def is_illustrative(self) -> bool:
        return self.provenance == "illustrative"


@dataclass(frozen=True, slots=True)
class Group:
    name: str
    members: tuple[str, ...]
    title: str = ""
    path: str = ""
