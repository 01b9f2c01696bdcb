"""Load: YAML files into the model. With :mod:`indexer.read`, its reader, the only code that
touches raw YAML.

Files are read into plain Python values (``read``), checked, and built into frozen dataclasses;
every problem is a record with its line and column, located only when a file has one.
"""

from __future__ import annotations

import gc
import math
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .model import (
    AGGREGATIONS,
    CONFIDENCES,
    MISSING_RULES,
    NOT_APPLICABLE,
    PROVENANCES,
    ROOT,
    STATUSES,
    Band,
    Citation,
    Group,
    Node,
    Numeric,
    Option,
    Profile,
    Scheme,
    level_name,
    version_key,
)
from .problems import Problem, excerpt
from .read import (  # noqa: F401 - re-exported: the loading stage's reader, one import for its users
    MAX_EXPANDED_VALUES,
    MAX_FILE_BYTES,
    Key,
    LexFloat,
    LexInt,
    Locator,
    RawFile,
    _Collector,
    _Loader,
    read_yaml,
)

if TYPE_CHECKING:
    from .translate import Translation

# ----------------------------------------------------------------------------------------------
# value checks shared by the parsers

ID_RE = re.compile(r"[a-z0-9][a-z0-9._-]*\Z")
CODE_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*\Z")
VALUE_RE = re.compile(r"[A-Za-z0-9_/-]+\Z|-?(0|[1-9][0-9]*)(\.[0-9]*[1-9])?\Z")
COUNTRY_RE = re.compile(r"[A-Z]{2}\Z")


def is_number(v: Any) -> bool:
    return isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v)


#: the largest magnitude of a scale end, a goalpost or a weight: sums, spans and products of
#: such numbers stay finite (near 1.7e308 they overflow to inf and scores become NaN)
MAX_MAGNITUDE = 1e12


def is_bounded(v: Any) -> bool:
    """A finite number no larger in magnitude than ``MAX_MAGNITUDE``."""
    return is_number(v) and abs(v) <= MAX_MAGNITUDE


def value_text(v: Any) -> str | None:
    """The text of an option value or answer, or None when YAML did not keep it.

    Strings are themselves; ints and floats whose YAML text is their own decimal form become
    that text (``67`` → ``"67"``, ``2.5`` → ``"2.5"``); anything else (``010``, ``1.10``, a list)
    has no faithful text.
    """
    if isinstance(v, str):
        return v
    if isinstance(v, LexInt | LexFloat) or isinstance(v, bool):
        return None
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float) and math.isfinite(v):
        return repr(v)
    return None


def number_of(v: Any) -> float | None:
    """A number, or a string that reads as a finite number, as float; else None."""
    if is_number(v):
        return float(v)
    if isinstance(v, str):
        s = v.strip()
        if not s or len(s) > 64:
            return None
        try:
            x = float(s)
        except ValueError:
            return None
        return x if math.isfinite(x) else None
    return None


def is_country_code(cc: str) -> bool:
    """ISO 3166-1 alpha-2, upper case (user-assigned codes allowed; see ``indexer.countries``)."""
    from .countries import is_valid_code

    return isinstance(cc, str) and bool(COUNTRY_RE.match(cc)) and is_valid_code(cc)


def _text(v: Any) -> str:
    if v is None:
        return ""
    return v if isinstance(v, str) else str(v)


def _text_field(c: _Collector, d: dict, key: str, where: tuple[Key, ...], what: str = "", default: str = "") -> str:
    """The text of a free-text field (a title, note, source...): a string as it is, a number as
    written; anything else (a list, a mapping) is a ``bad-value`` and is never converted."""
    v = d.get(key)
    if v is None:
        return default
    if isinstance(v, str):
        return v
    if isinstance(v, int | float) and not isinstance(v, bool):
        return str(getattr(v, "text", v))
    kind = "list" if isinstance(v, list) else "mapping" if isinstance(v, dict) else type(v).__name__
    c.error(where + (key,), "bad-value", f"{what}{key} must be text, not a {kind}; quote it")
    return default


# ----------------------------------------------------------------------------------------------
# schemes

SCHEME_KEYS = {"id", "title", "version", "description", "source", "scale", "levels", "aggregation",
               "missing", "min_coverage", "bands", "children", "notes", "url", "license"}
NODE_KEYS = {"code", "title", "weight", "aggregation", "min_coverage", "children", "options", "numeric",
             "question", "help", "notes", "source", "description", "section", "revised"}
OPTION_KEYS = {"value", "label", "score", "help", "notes"}
NUMERIC_KEYS = {"min", "max", "best", "unit", "normalise", "range"}


def _check_keys(c: _Collector, mapping: dict, allowed: set[str], where: tuple[Key, ...], what: str) -> None:
    for k in mapping:
        if k not in allowed:
            c.warn(where + (k,), "unknown-field", f"{what} has no field {excerpt(k)}; it is ignored", at="key")


def parse_scheme(data: dict, c: _Collector) -> Scheme | None:
    """Build a :class:`Scheme` from plain values, recording every problem in ``c``."""
    _check_keys(c, data, SCHEME_KEYS, (), "a scheme")
    sid = data.get("id")
    if sid is None or sid == "":
        c.error(("id",) if "id" in data else (), "missing-field", "the scheme has no `id`; add `id: my-index`")
        sid = ""
    elif not isinstance(sid, str) or not ID_RE.match(sid):
        c.error(("id",), "bad-value", f"id {excerpt(sid)} must be lower case letters, digits, '.', '_' or '-'")
        sid = _text(sid)
    version = data.get("version")
    if version is None or version == "":
        c.error(("version",) if "version" in data else (), "missing-field",
                'the scheme has no `version`; add `version: "1.0"`')
        version = ""
    elif not isinstance(version, str):
        c.error(("version",), "bad-value",
                f"version {excerpt(getattr(version, 'text', version))} must be a string: quote it")
        version = str(getattr(version, "text", version))
    title = _text_field(c, data, "title", (), default=_text(sid)) if "title" in data else None
    description = _text_field(c, data, "description", ())
    source = _text_field(c, data, "source", ())
    for k in ("notes", "url", "license"):
        _text_field(c, data, k, ())
    scale = (0.0, 100.0)
    if "scale" in data:
        s = data["scale"]
        if (isinstance(s, list) and len(s) == 2 and all(is_bounded(x) for x in s) and s[0] < s[1]):
            scale = (float(s[0]), float(s[1]))
        else:
            c.error(("scale",), "bad-value",
                    f"scale {excerpt(s)} must be [low, high] with low < high, each within ±{MAX_MAGNITUDE:g}")
    levels: tuple[str, ...] = ("area", "dimension", "indicator")
    if "levels" in data:
        lv = data["levels"]
        if isinstance(lv, list) and lv and all(isinstance(x, str) and x and x != ROOT for x in lv) and len(set(lv)) == len(lv):
            levels = tuple(lv)
        else:
            c.error(("levels",), "bad-value", "levels must be a list of distinct names (not 'overall')")
    aggregation = data.get("aggregation", "mean")
    if aggregation not in AGGREGATIONS:
        c.error(("aggregation",), "bad-value", f"aggregation {excerpt(aggregation)} is not one of {', '.join(AGGREGATIONS)}")
        aggregation = "mean"
    missing = data.get("missing", "skip")
    if missing not in MISSING_RULES:
        c.error(("missing",), "bad-value", f"missing {excerpt(missing)} is not one of skip, zero")
        missing = "skip"
    min_cov = data.get("min_coverage", 0)
    if not (is_number(min_cov) and 0 <= min_cov <= 1):
        c.error(("min_coverage",), "bad-value", f"min_coverage {excerpt(min_cov)} must be a number from 0 to 1")
        min_cov = 0
    bands: list[Band] = []
    if "bands" in data:
        b = data["bands"]
        if not isinstance(b, list):
            c.error(("bands",), "bad-value", "bands must be a list of {min, label}")
        else:
            for i, item in enumerate(b):
                if not (isinstance(item, dict) and is_number(item.get("min")) and isinstance(item.get("label"), str)):
                    c.error(("bands", i), "bad-value", "a band must be {min: number, label: text}")
                    continue
                if bands and item["min"] >= bands[-1].min:
                    c.error(("bands", i, "min"), "bad-value",
                            f"bands must be listed highest min first; {item['min']} follows {bands[-1].min}")
                if not scale[0] <= item["min"] <= scale[1]:
                    c.error(("bands", i, "min"), "score-out-of-scale",
                            f"band min {item['min']} lies outside the scale {scale[0]:g}..{scale[1]:g}")
                bands.append(Band(float(item["min"]), item["label"]))
    ctx = _SchemeCtx(c, scale, levels, aggregation, version)
    children = data.get("children")
    if children is None or children == []:
        c.error(("children",) if "children" in data else (), "empty-node",
                "the scheme has no `children`; add at least one area")
        kids: tuple[Node, ...] = ()
    elif not isinstance(children, list):
        c.error(("children",), "bad-value", "children must be a list of nodes")
        kids = ()
    else:
        kids = ctx.children(children, ("children",), 1)
    if aggregation == "geometric" and scale[0] < 0:
        c.error(("aggregation",), "bad-value", "geometric aggregation needs a scale that starts at 0 or above")
    root = Node(code=ROOT, title=title if title is not None else _text(sid), depth=0, level=ROOT,
                children=kids)
    if c.has_errors:
        return None
    nodes: list[Node] = []
    parents: dict[str, str | None] = {ROOT: None}
    stack: list[Node] = [root]
    while stack:
        n = stack.pop()
        nodes.append(n)
        for ch in n.children:
            parents[ch.code] = n.code
        stack.extend(reversed(n.children))
    return Scheme(
        id=sid, title=root.title, version=version, root=root, description=description,
        source=source, scale=scale, levels=levels, aggregation=aggregation,
        missing=missing, min_coverage=float(min_cov), bands=tuple(bands), nodes=tuple(nodes),
        index={n.code: i for i, n in enumerate(nodes)}, parents=parents,
    )


#: levels of nodes below the root (MIPEX has 3; each stage walks the tree, some recursively)
MAX_SCHEME_DEPTH = 64


class _SchemeCtx:
    def __init__(self, c: _Collector, scale: tuple[float, float], levels: tuple[str, ...], aggregation: str,
                 version: str = "") -> None:
        self.c = c
        self.scale = scale
        self.levels = levels
        self.version = version
        self.seen: set[str] = {ROOT}
        self.aggregations = {aggregation}
        # ids of the node mappings walked: a YAML alias can put one mapping at many places (and
        # nested aliases at exponentially many: a "billion laughs"); each is walked once only
        self.walked: set[int] = set()

    def revised(self, d: dict, where: tuple[Key, ...], code: str, leaf: bool) -> str:
        """A question's ``revised:``: the scheme version, dotted whole numbers like the scheme's own
        and not after it, in which its meaning last changed (only questions carry it)."""
        v = d.get("revised")
        if v is None:
            return ""
        at = where + ("revised",)
        if not isinstance(v, str):
            self.c.error(at, "bad-value", f"{code}: revised {excerpt(getattr(v, 'text', v))} must be a string: quote it")
            return ""
        if not leaf:
            self.c.error(at, "bad-value", f"{code}: only a question (a leaf) carries `revised`; move it to the "
                         "questions whose meaning changed")
            return ""
        mine, scheme = version_key(v), version_key(self.version)
        if mine is None or scheme is None:
            self.c.error(at, "bad-value", f"{code}: revised {excerpt(v)} must be a version of dotted whole numbers, "
                         f"like the scheme's (version {excerpt(self.version)}), e.g. \"2020.6\"")
            return ""
        if mine > scheme:
            self.c.error(at, "bad-value", f"{code}: revised {excerpt(v)} is later than the scheme's version "
                         f"{excerpt(self.version)}")
            return ""
        return v

    def children(self, items: list, where: tuple[Key, ...], depth: int) -> tuple[Node, ...]:
        out = []
        for i, item in enumerate(items):
            n = self.node(item, where + (i,), depth)
            if n is not None:
                out.append(n)
        return tuple(out)

    def node(self, d: Any, where: tuple[Key, ...], depth: int) -> Node | None:
        c = self.c
        if not isinstance(d, dict):
            c.error(where, "bad-value", f"a node must be a mapping with a `code`, not {excerpt(d)}")
            return None
        if depth > MAX_SCHEME_DEPTH:  # every stage walks the tree: scoring, templates, reports
            c.error(where, "bad-value", f"the scheme nests deeper than {MAX_SCHEME_DEPTH} levels here; "
                    "flatten it")
            return None
        if id(d) in self.walked:
            c.error(where, "duplicate-code",
                    f"this node repeats (by a YAML alias) the node {excerpt(d.get('code'))} used above")
            return None
        self.walked.add(id(d))
        _check_keys(c, d, NODE_KEYS, where, "a node")
        code = d.get("code")
        if code is None or code == "":
            c.error(where, "missing-field", "this node has no `code`")
            code = ""
        elif not isinstance(code, str) or not CODE_RE.match(code):
            c.error(where + ("code",), "bad-value", f"code {excerpt(code)} must be letters, digits, '.', '_' or '-'")
            code = _text(code)
        elif code in self.seen:
            c.error(where + ("code",), "duplicate-code",
                    f"code {code!r} is used twice" + (" ('overall' names the root)" if code == ROOT else ""))
        self.seen.add(code)
        title = _text_field(c, d, "title", where, f"{code}: ", default=code) if d.get("title") is not None else code
        question, help_ = (_text_field(c, d, k, where, f"{code}: ") for k in ("question", "help"))
        for k in ("notes", "source", "description"):
            _text_field(c, d, k, where, f"{code}: ")
        weight = d.get("weight", 1)
        if not (is_bounded(weight) and weight > 0):
            c.error(where + ("weight",), "bad-weight",
                    f"{code}: weight {excerpt(weight)} must be a number > 0 and at most {MAX_MAGNITUDE:g}")
            weight = 1
        agg = d.get("aggregation")
        if agg is not None and agg not in AGGREGATIONS:
            c.error(where + ("aggregation",), "bad-value",
                    f"{code}: aggregation {excerpt(agg)} is not one of {', '.join(AGGREGATIONS)}")
            agg = None
        if agg == "geometric" and self.scale[0] < 0:
            c.error(where + ("aggregation",), "bad-value", "geometric aggregation needs a scale that starts at 0 or above")
        mc = d.get("min_coverage")
        if mc is not None and not (is_number(mc) and 0 <= mc <= 1):
            c.error(where + ("min_coverage",), "bad-value", f"{code}: min_coverage must be a number from 0 to 1")
            mc = None
        kinds = [k for k in ("children", "options", "numeric") if d.get(k) is not None]
        if len(kinds) > 1:
            c.error(where + (kinds[1],), "bad-value", f"{code}: a node has either children, options or numeric, not {' and '.join(kinds)}", at="key")
        level = level_name(self.levels, depth)
        common = dict(code=code, title=title, depth=depth, level=level, weight=float(weight),
                      aggregation=agg, min_coverage=None if mc is None else float(mc),
                      question=question, help=help_, section=_text_field(c, d, "section", where, f"{code}: "),
                      revised=self.revised(d, where, code, leaf=kinds[:1] != ["children"]))
        if not kinds:
            key = next((k for k in ("children", "options", "numeric") if k in d), None)
            c.error(where + ((key,) if key else ()), "empty-node",
                    f"{code} has no children, options or numeric; give it at least one child or its options")
            return None
        kind = kinds[0]
        if kind == "children":
            ch = d["children"]
            if not isinstance(ch, list):
                c.error(where + ("children",), "bad-value", f"{code}: children must be a list of nodes")
                return None
            if not ch:
                c.error(where + ("children",), "empty-node", f"{code} has no children; add one or make it a leaf")
                return None
            return Node(children=self.children(ch, where + ("children",), depth + 1), **common)  # type: ignore[arg-type]
        if kind == "options":
            return Node(options=self.options(d["options"], where + ("options",), code), **common)  # type: ignore[arg-type]
        return Node(numeric=self.numeric(d["numeric"], where + ("numeric",), code), **common)  # type: ignore[arg-type]

    def options(self, items: Any, where: tuple[Key, ...], code: str) -> tuple[Option, ...]:
        c = self.c
        if not isinstance(items, list):
            c.error(where, "bad-value", f"{code}: options must be a list of {{value, label, score}}")
            return ()
        if len(items) < 2:
            c.error(where, "bad-value", f"{code}: a leaf needs 2 or more options (has {len(items)})")
        out: list[Option] = []
        seen: set[str] = set()
        for i, o in enumerate(items):
            w = where + (i,)
            if not isinstance(o, dict):
                c.error(w, "bad-value", f"{code}: an option must be {{value, label, score}}, not {excerpt(o)}")
                continue
            _check_keys(c, o, OPTION_KEYS, w, "an option")
            if o.get("value") is None:
                c.error(w, "missing-field", f"{code}: an option has no `value`")
                continue
            text = value_text(o["value"])
            if text is None or not VALUE_RE.match(text) or len(text) > 40:
                shown = getattr(o["value"], "text", o["value"])
                c.error(w + ("value",), "bad-value",
                        f"{code}: option value {excerpt(shown)} must be a short word or a number without "
                        "leading zeros; quote it to keep its text")
                continue
            if text == NOT_APPLICABLE:
                c.error(w + ("value",), "bad-value",
                        f"{code}: option value 'n/a' is reserved: the answer n/a means not applicable")
                continue
            if text in seen:
                c.error(w + ("value",), "duplicate-option", f"{code}: option value {text!r} is listed twice")
            seen.add(text)
            score = o.get("score")
            if score is None:
                c.error(w, "missing-field", f"{code}: option {text!r} has no `score`")
                continue
            if not is_number(score):
                c.error(w + ("score",), "bad-value", f"{code}: option {text!r} score {excerpt(score)} is not a number")
                continue
            if not self.scale[0] <= score <= self.scale[1]:
                c.error(w + ("score",), "score-out-of-scale",
                        f"{code}: option {text!r} scores {score:g}, outside the scale {self.scale[0]:g}..{self.scale[1]:g}")
            label = _text_field(c, o, "label", w, f"{code}: ", default=text)
            for k in ("help", "notes"):
                _text_field(c, o, k, w, f"{code}: ")
            out.append(Option(text, label, float(score)))
        return tuple(out)

    def numeric(self, d: Any, where: tuple[Key, ...], code: str) -> Numeric | None:
        c = self.c
        if not isinstance(d, dict):
            c.error(where, "bad-value", f"{code}: numeric must be {{min, max, best, unit}}")
            return None
        _check_keys(c, d, NUMERIC_KEYS, where, "numeric")
        norm = d.get("normalise")
        if norm is not None and norm not in ("minmax", "zscore"):
            c.error(where + ("normalise",), "bad-value", f"{code}: normalise must be minmax or zscore")
            norm = None
        lo, hi = d.get("min"), d.get("max")
        if norm is None:
            for k in ("min", "max"):
                if k not in d:
                    c.error(where, "missing-field", f"{code}: numeric needs `{k}`")
        for k, v in (("min", lo), ("max", hi)):
            if v is not None and not is_bounded(v):
                c.error(where + (k,), "bad-value",
                        f"{code}: numeric {k} {excerpt(v)} is not a number within ±{MAX_MAGNITUDE:g}")
        if is_number(lo) and is_number(hi) and not lo < hi:
            c.error(where + ("max",), "bad-value", f"{code}: numeric min ({lo:g}) must be below max ({hi:g})")
        best = d.get("best", "high")
        if best not in ("low", "high"):
            c.error(where + ("best",), "bad-value", f"{code}: best must be low or high, not {excerpt(best)}")
            best = "high"
        rng = None
        if "range" in d:
            r = d["range"]
            if isinstance(r, list) and len(r) == 2 and all(is_bounded(x) for x in r) and r[0] < r[1]:
                rng = (float(r[0]), float(r[1]))
                if not (self.scale[0] <= r[0] and r[1] <= self.scale[1]):
                    c.error(where + ("range",), "score-out-of-scale",
                            f"{code}: range {r[0]:g}..{r[1]:g} leaves the scale {self.scale[0]:g}..{self.scale[1]:g}")
            else:
                c.error(where + ("range",), "bad-value", f"{code}: range must be [low, high] with low < high")
        return Numeric(min=float(lo) if is_bounded(lo) else None, max=float(hi) if is_bounded(hi) else None,
                       best=best, unit=_text_field(c, d, "unit", where, f"{code}: "), normalise=norm, range=rng)


# ----------------------------------------------------------------------------------------------
# profiles

PROFILE_KEYS = {"scheme", "country", "year", "status", "provenance", "coder", "reviewer", "notes",
                "answers", "scores", "source", "title", "url", "date", "coding", "scheme_version"}
ANSWER_KEYS = {"answer", "source", "note", "url", "quote", "confidence"}


def _short_code(code: str) -> str:
    """A code of a profile's (not yet checked against a scheme) as a message quotes it: in short."""
    return code if len(code) <= 40 else code[:37] + "..."


def parse_profile(data: dict, c: _Collector, path: str) -> Profile | None:
    _check_keys(c, data, PROFILE_KEYS, (), "a profile")
    for k in ("scheme", "country", "year"):
        if data.get(k) is None or data.get(k) == "":
            c.error((k,) if k in data else (), "missing-field", f"the profile has no `{k}`")
    scheme = data.get("scheme")
    if scheme is not None and not isinstance(scheme, str):
        c.error(("scheme",), "bad-value", f"scheme {excerpt(scheme)} must be a scheme id")
    country = data.get("country")
    if country is not None and not is_country_code(country):
        c.error(("country",), "bad-value",
                f"country {excerpt(country)} is not an ISO 3166-1 alpha-2 code in upper case (e.g. KZ)")
    year = data.get("year")
    if year is not None and not (isinstance(year, int) and not isinstance(year, bool | LexInt) and 1000 <= year <= 9999):
        c.error(("year",), "bad-value", f"year {excerpt(getattr(year, 'text', year))} must be a four-digit year")
    # an invalid status or provenance falls back to the default, and is kept as the file wrote it
    # (short text only) so that an editor shows the typo instead of the default
    as_written: dict[str, str] = {}
    status = data.get("status", "draft")
    if status not in STATUSES:
        c.error(("status",), "bad-value", f"status {excerpt(status)} is not one of {', '.join(STATUSES)}")
        if isinstance(status, str) and len(status) <= 40:
            as_written["status"] = status
        status = "draft"
    prov = data.get("provenance", "expert")
    if prov not in PROVENANCES:
        c.error(("provenance",), "bad-value", f"provenance {excerpt(prov)} is not one of {', '.join(PROVENANCES)}")
        if isinstance(prov, str) and len(prov) <= 40:
            as_written["provenance"] = prov
        prov = "expert"
    coding = data.get("coding")
    if coding is not None and not (isinstance(coding, str) and ID_RE.match(coding)):
        c.error(("coding",), "bad-value",
                f"coding {excerpt(getattr(coding, 'text', coding))} must be an id: lower-case letters, digits, "
                "'.', '_' or '-', starting with a letter or digit (e.g. desk, coder-b)")
        coding = None
    texts = {k: _text_field(c, data, k, ()) for k in ("coder", "reviewer", "notes", "source", "title", "url", "date")}
    scheme_version = data.get("scheme_version")
    if scheme_version is not None and not (isinstance(scheme_version, str) and scheme_version.strip()):
        c.error(("scheme_version",), "bad-value",
                f"scheme_version {excerpt(getattr(scheme_version, 'text', scheme_version))} must be the scheme's "
                'version as a string: quote it, e.g. scheme_version: "2020.6"')
        # an unquoted number keeps its text as written (2020.10 stays 2020.10), so that the checks of
        # the answers read the version the file meant, not "not stated"
        scheme_version = value_text(scheme_version) or getattr(scheme_version, "text", None)
    answers: dict[str, str | None] = {}
    unreadable: set[str] = set()
    citations: dict[str, Citation] = {}
    raw_answers = data.get("answers")
    if raw_answers is not None and not isinstance(raw_answers, dict):
        c.error(("answers",), "bad-value", "answers must be a mapping of indicator code to answer")
        raw_answers = None
    for code, v in (raw_answers or {}).items():
        if not isinstance(code, str):
            # a code written like a number keeps its text (`1.10:` is the code '1.10', not 1.1)
            code_text = value_text(code) or (code.text if isinstance(code, LexInt | LexFloat) else None)
            if code_text is None:
                c.error(("answers", code), "bad-value", f"answer key {excerpt(code)} is not a code", at="key")
                continue
            code = code_text
        code = sys.intern(code)  # thousands of profiles share one copy of each code
        if isinstance(v, dict):
            bad = [k for k in v if k not in ANSWER_KEYS]
            for k in bad:
                c.warn(("answers", code, k), "unknown-field", f"{_short_code(code)}: an answer has no field {excerpt(k)}", at="key")
            conf = v.get("confidence")
            if conf is not None and conf not in CONFIDENCES:
                c.error(("answers", code, "confidence"), "bad-value",
                        f"{_short_code(code)}: confidence {excerpt(conf)} is not one of {', '.join(CONFIDENCES)}")
                conf = None
            cit = Citation(*(_text_field(c, v, k, ("answers", code), f"{_short_code(code)}: ")
                             for k in ("source", "note", "url", "quote")), _text(conf))
            if cit.source or cit.note or cit.url or cit.quote or cit.confidence:
                citations[code] = cit
            v = v.get("answer")
            where: tuple[Key, ...] = ("answers", code, "answer")
        else:
            where = ("answers", code)
        if v is None or v == "":
            answers[code] = None
            continue
        text = value_text(v)
        if text is None and isinstance(v, LexInt | LexFloat):
            # a number written as YAML would not keep it (`2.50`, `1.5e+3`, `010`): its text as
            # written, which a numeric leaf reads as a number and an option leaf matches as text
            text = v.text
        if text is None:
            shown = getattr(v, "text", v)
            c.error(where, "bad-value", f"{_short_code(code)}: answer {excerpt(shown)} is not a value; quote it to keep its text")
            unreadable.add(code)
            continue
        answers[code] = text
    if "provenance" in data and prov in ("illustrative", "expert"):
        # CODING.md: every answer of a coding that says it rests on no published source cites
        # its law (a file that declares no provenance, e.g. a quick test table, is not nagged)
        for code, ans in answers.items():
            if ans is not None and not (code in citations and citations[code].source):
                c.warn(("answers", code), "missing-source",
                       f"{_short_code(code)} is answered without a `source` (law, number, article); "
                       f"an {prov} profile cites the provision behind every answer")
    scores: dict[str, float] = {}
    raw_scores = data.get("scores")
    if raw_scores is not None and not isinstance(raw_scores, dict):
        c.error(("scores",), "bad-value", "scores must be a mapping of node code to score")
        raw_scores = None
    for code, v in (raw_scores or {}).items():
        if not isinstance(code, str):
            code = _text(getattr(code, "text", code))
        x = v if is_number(v) else None
        if x is None:
            c.error(("scores", code), "bad-value", f"score of {_short_code(code)} {excerpt(getattr(v, 'text', v))} is not a number")
            continue
        scores[code] = float(x)
    if c.has_errors and not (isinstance(scheme, str) and isinstance(country, str) and isinstance(year, int)):
        return None
    return Profile(
        scheme=_text(scheme), country=_text(country), year=int(year) if isinstance(year, int) else 0, path=path,
        status=status, provenance=prov, answers=answers, citations=citations, scores=scores,
        has_answers_section="answers" in data, unreadable=frozenset(unreadable), coder=texts["coder"],
        reviewer=texts["reviewer"], notes=texts["notes"], source=texts["source"], title=texts["title"],
        coding=coding or prov, as_written=as_written, scheme_version=(scheme_version or "").strip(),
    )


# ----------------------------------------------------------------------------------------------
# groups


def parse_groups(data: dict, c: _Collector, path: str) -> list[Group]:
    groups = data.get("groups")
    out: list[Group] = []
    extra = [k for k in data if k != "groups"]
    for k in extra:
        c.warn((k,), "unknown-field", f"a group file has no field {excerpt(k)}; it is ignored", at="key")
    if not isinstance(groups, dict) or not groups:
        c.error(("groups",), "bad-value", "groups must map a group name to {title, members}")
        return out
    for name, g in groups.items():
        if not isinstance(name, str) or not CODE_RE.match(name):
            c.error(("groups", name), "bad-value", f"group name {excerpt(name)} must be letters, digits, '.', '_' or '-'", at="key")
            continue
        if isinstance(g, list):
            g = {"members": g}
        if not isinstance(g, dict):
            c.error(("groups", name), "bad-value", f"group {name} must be {{title, members}}")
            continue
        members = g.get("members")
        if not isinstance(members, list) or not members:
            c.error(("groups", name) + (("members",) if "members" in g else ()), "missing-field",
                    f"group {name} has no members")
            continue
        ok: list[str] = []
        for i, m in enumerate(members):
            if not is_country_code(m):
                c.error(("groups", name, "members", i), "bad-value",
                        f"group {name}: member {excerpt(m)} is not an ISO 3166-1 alpha-2 code")
            elif m in ok:
                c.error(("groups", name, "members", i), "duplicate-code", f"group {name}: {m} is listed twice")
            else:
                ok.append(m)
        title = _text_field(c, g, "title", ("groups", name), f"group {name}: ", default=name)
        out.append(Group(name=name, members=tuple(ok), title=title, path=path))
    return out


# ----------------------------------------------------------------------------------------------
# files and folders


@dataclass
class Bundle:
    """Everything read from a set of paths."""

    schemes: dict[str, Scheme] = field(default_factory=dict)
    profiles: list[Profile] = field(default_factory=list)
    groups: dict[str, Group] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    #: files that could not be classified or read: path -> True
    broken: set[str] = field(default_factory=set)
    #: path of a file -> the scheme id it names (profiles, including those with errors)
    profile_schemes: dict[str, str] = field(default_factory=dict)
    #: scheme id -> every file that declares it, in reading order (more than one: duplicate-scheme)
    scheme_paths: dict[str, list[str]] = field(default_factory=dict)
    #: translation files (``translation: <scheme id>``, ``language: ru``), checked by ``validate``
    translations: list[Translation] = field(default_factory=list)

    @property
    def scheme_files(self) -> dict[str, str]:
        """Scheme id -> the first file that declares it (also for schemes with errors)."""
        return {sid: files[0] for sid, files in self.scheme_paths.items()}

    def profiles_of(self, scheme_id: str) -> list[Profile]:
        return [p for p in self.profiles if p.scheme == scheme_id]


def iter_yaml_files(paths: Iterable[str | Path]) -> Iterator[str]:
    """Files named directly, and ``*.yaml``/``*.yml`` under folders (sorted, recursively)."""
    seen: set[Path] = set()
    for p in paths:
        p = Path(p)
        if p.is_dir():
            found = sorted(q for q in p.rglob("*") if q.suffix in (".yaml", ".yml") and q.is_file())
            # rglob does not enter linked folders: below ``p`` only a linked file needs resolving
            # (one lstat instead of one per folder of the path, for each of ~700 files)
            real = p.resolve()
            keys = [q.resolve() if q.is_symlink() else real / q.relative_to(p) for q in found]
        else:
            found = [p]
            keys = [p.resolve()]
        for q, key in zip(found, keys, strict=True):
            if key not in seen:  # a file named twice (or inside a folder also named) is read once
                seen.add(key)
                yield str(q)


def kind_of(data: Any) -> str | None:
    if not isinstance(data, dict):
        return None
    if "groups" in data:
        return "groups"
    if "translation" in data:
        return "translation"
    if "scheme" in data or "answers" in data or "country" in data:
        return "profile"
    if "children" in data or "id" in data or "levels" in data:
        return "scheme"
    return None


def load_file(path: str | Path, bundle: Bundle | None = None) -> Bundle:
    """Read one file into ``bundle`` (a new one by default)."""
    b = bundle if bundle is not None else Bundle()
    raw = read_yaml(path)
    b.problems.extend(raw.problems)
    spath = raw.path
    if not raw.ok:
        b.broken.add(spath)
        return b
    data = raw.data
    kind = kind_of(data)
    c = _Collector(spath, raw.text, node=raw.node)
    raw.node = None
    if kind is None:
        if data is None:
            c.error((), "missing-field", "the file is empty; a scheme needs `id`, a profile `scheme`, a group file `groups`")
        else:
            c.error((), "unknown-file-kind",
                    f"the top level must be a mapping with `id` and `children` (scheme), `scheme` (profile) "
                    f"or `groups` (or `translation`, a translation file); found {type(data).__name__}")
        b.broken.add(spath)
    elif kind == "scheme":
        s = parse_scheme(data, c)
        sid = data.get("id")
        first = b.scheme_paths[sid][0] if isinstance(sid, str) and sid in b.scheme_paths else None
        if isinstance(sid, str):
            b.scheme_paths.setdefault(sid, []).append(spath)
        if first is not None and first != spath:
            # whether or not either file has errors: two definitions of one id are one too many
            c.error(("id",), "duplicate-scheme", f"scheme {sid!r} is also defined in {first}")
        elif s is not None:
            if s.id in b.schemes:  # the same file read twice
                c.error(("id",), "duplicate-scheme",
                        f"scheme {s.id!r} is also defined in {b.schemes[s.id].path}")
            else:
                b.schemes[s.id] = Scheme(**{**_fields(s), "path": spath})
    elif kind == "translation":
        from .translate import parse_translation

        tr = parse_translation(data, c, spath)
        if tr is not None:
            b.translations.append(tr)
    elif kind == "profile":
        pr = parse_profile(data, c, spath)
        if isinstance(data.get("scheme"), str):
            b.profile_schemes[spath] = data["scheme"]
        if pr is not None:
            b.profiles.append(pr)
    else:
        for g in parse_groups(data, c, spath):
            if g.name in b.groups:
                c.error(("groups", g.name), "duplicate-group",
                        f"group {g.name} is also defined in {b.groups[g.name].path}", at="key")
            else:
                b.groups[g.name] = g
    b.problems.extend(c.problems())
    return b


def _fields(obj: Any) -> dict[str, Any]:
    return {f: getattr(obj, f) for f in obj.__dataclass_fields__}


def load_paths(paths: Iterable[str | Path]) -> Bundle:
    """Read every scheme, profile and group file under ``paths`` (per-file checks only).

    Cross-file checks (answers against their scheme, duplicate profiles) are ``validate``'s.
    """
    b = Bundle()
    # The cyclic garbage collector would walk the growing bundle over and over (a third of the
    # time for thousands of profiles); reading makes next to no reference cycles, so it waits.
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        for f in iter_yaml_files(paths):
            load_file(f, b)
    finally:
        if gc_was_enabled:
            gc.enable()
    return b
