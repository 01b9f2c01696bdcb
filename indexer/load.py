"""Load: the only code that touches raw YAML.

Reading is fast on valid input: files are parsed by libyaml (``CSafeLoader``) into plain Python
values with no line tracking, checked, and built into frozen dataclasses. Only when a file has a
problem is it composed a second time to find the line and column of each problem (``Locator``).

YAML typing follows the contract (SPEC §1): no scalar is ever a boolean (``yes``, ``no``, ``on``,
``off``, ``NO`` and even ``true`` stay strings, since no field of the formats is boolean), duplicate
keys are reported (not silently dropped), and a number whose text YAML would not keep (``010``,
``1.10``, ``1_000``) is remembered as such so that an option value written that way is refused.
"""

from __future__ import annotations

import gc
import math
import os
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

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
from .problems import ERROR, WARNING, Problem, excerpt

if TYPE_CHECKING:
    from .translate import Translation

# ----------------------------------------------------------------------------------------------
# the YAML loader

_BaseLoader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class LexInt(int):
    """An int whose YAML text is not its decimal form (``010``, ``0x1F``, ``1_000``, ``1:30``)."""

    text: str


class LexFloat(float):
    """A float whose YAML text is not its shortest form (``1.10``, ``1e3``, ``.5``)."""

    text: str


_STR, _INT, _FLOAT, _NULL, _MAP, _SEQ = (f"tag:yaml.org,2002:{t}" for t in ("str", "int", "float", "null", "map", "seq"))
#: nesting beyond which the fast constructor hands over to PyYAML's (whose recursion limit it keeps)
_FAST_MAX_DEPTH = 64


class _Unusual(Exception):
    """Raised by the fast constructor for anything it leaves to PyYAML's own constructor."""


class _Loader(_BaseLoader):  # type: ignore[misc, valid-type]
    """libyaml's safe loader, minus booleans, plus duplicate-key records.

    Speed (valid files are the common case): ``resolve`` is a specialised copy of PyYAML's
    (no path resolvers), and ``construct_document`` first tries a direct build of the node tree
    that handles only str/int/float/null scalars, maps and sequences with scalar keys and no
    duplicate key, in a text without aliases. Anything else (an alias, a tag, a merge key, a
    duplicate, deep nesting, any error) starts over on PyYAML's constructor, so the result and
    every problem are exactly PyYAML's.
    """

    def __init__(self, stream: Any) -> None:
        super().__init__(stream)
        self.duplicates: list[tuple[int, int, str]] = []
        self.root: Any = None  # the document's node tree, once composed
        # an alias makes two places share one object: left to PyYAML (a '*' anywhere is enough)
        self._fast = isinstance(stream, str) and "*" not in stream

    def resolve(self, kind: Any, value: Any, implicit: Any) -> str:
        # BaseResolver.resolve without path resolvers (this loader has none), with the implicit
        # resolvers looked up once per first character
        if kind is yaml.ScalarNode:
            if implicit[0]:
                for tag, regexp in self._resolvers_by_char.get(value[:1], self._resolvers_wild):
                    if regexp.match(value):
                        return tag
            return self.DEFAULT_SCALAR_TAG
        if kind is yaml.SequenceNode:
            return self.DEFAULT_SEQUENCE_TAG
        return self.DEFAULT_MAPPING_TAG

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        pass  # no path resolvers

    def ascend_resolver(self) -> None:
        pass

    def construct_document(self, node: Any) -> Any:
        self.root = node  # kept for locating this file's problems (Locator): no second composition
        if self._fast:
            try:
                return self._build(node, 0)
            except Exception:  # noqa: BLE001 - unusual input: PyYAML decides and reports
                self.duplicates.clear()
        return super().construct_document(node)

    def _scalar(self, node: Any) -> Any:
        tag = node.tag
        if tag == _STR:
            return node.value
        if tag == _INT:
            text = node.value
            try:
                v = int(text)
            except ValueError:
                return self.construct_yaml_int(node)
            return v if str(v) == text else self.construct_yaml_int(node)
        if tag == _FLOAT:
            text = node.value
            try:
                x = float(text)
            except ValueError:
                return self.construct_yaml_float(node)
            return x if repr(x) == text and math.isfinite(x) else self.construct_yaml_float(node)
        if tag == _NULL:
            return None
        raise _Unusual(tag)

    def _build(self, node: Any, depth: int) -> Any:
        cls = node.__class__
        if cls is yaml.ScalarNode:
            return self._scalar(node)
        if depth > _FAST_MAX_DEPTH:
            raise _Unusual("deep")
        if cls is yaml.MappingNode and node.tag == _MAP:
            out: dict = {}
            for key_node, value_node in node.value:
                if key_node.__class__ is not yaml.ScalarNode:
                    raise _Unusual("key")
                key = key_node.value if key_node.tag == _STR else self._scalar(key_node)
                if key in out:
                    raise _Unusual("duplicate")
                if value_node.__class__ is yaml.ScalarNode:
                    out[key] = value_node.value if value_node.tag == _STR else self._scalar(value_node)
                else:
                    out[key] = self._build(value_node, depth + 1)
            return out
        if cls is yaml.SequenceNode and node.tag == _SEQ:
            return [self._build(item, depth + 1) for item in node.value]
        raise _Unusual(node.tag)

    def construct_mapping(self, node: Any, deep: bool = False) -> dict:
        if isinstance(node, yaml.MappingNode):
            self.flatten_mapping(node)
        mapping: dict = {}
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=deep)
            try:
                hash(key)
            except TypeError:
                raise yaml.constructor.ConstructorError(
                    None, None, "a mapping key must be a plain value", key_node.start_mark
                ) from None
            if key in mapping:
                m = key_node.start_mark
                self.duplicates.append((m.line + 1, m.column + 1, str(key)))
            mapping[key] = self.construct_object(value_node, deep=deep)
        return mapping

    def construct_yaml_int(self, node: Any) -> int:
        value = super().construct_yaml_int(node)
        if str(value) != node.value:
            value = LexInt(value)
            value.text = node.value
        return value

    def construct_yaml_float(self, node: Any) -> float:
        value = super().construct_yaml_float(node)
        if not math.isfinite(value) or repr(value) != node.value:
            value = LexFloat(value)
            value.text = node.value
        return value


_Loader.add_constructor("tag:yaml.org,2002:map", _Loader.construct_mapping)
_Loader.add_constructor("tag:yaml.org,2002:int", _Loader.construct_yaml_int)
_Loader.add_constructor("tag:yaml.org,2002:float", _Loader.construct_yaml_float)
# No booleans: drop the bool resolver (yes/no/on/off/true/false stay strings); timestamps likewise.
_Loader.yaml_implicit_resolvers = {
    ch: [(tag, rx) for tag, rx in resolvers if tag not in ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp")]
    for ch, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
}
_Loader._resolvers_wild = tuple(_Loader.yaml_implicit_resolvers.get(None, ()))
_Loader._resolvers_by_char = {ch: tuple(rs) + _Loader._resolvers_wild
                              for ch, rs in _Loader.yaml_implicit_resolvers.items() if ch is not None}


class _Composer(_BaseLoader):  # type: ignore[misc, valid-type]
    pass


_Composer.yaml_implicit_resolvers = _Loader.yaml_implicit_resolvers

#: files larger than this are refused rather than read into memory
MAX_FILE_BYTES = 256 * 1024 * 1024
#: a file with YAML aliases may name one value many times; written out in full (every alias
#: replaced by its value) it may hold at most this many values (each 1,000 characters of text
#: counting as one more): a "billion laughs" of a few hundred bytes is refused before any use
MAX_EXPANDED_VALUES = 1_000_000


@dataclass
class RawFile:
    """A file read into plain values, with the problems met while reading it."""

    path: str
    data: Any = None
    text: str = ""
    problems: list[Problem] = field(default_factory=list)
    ok: bool = True
    #: the composed node tree (line and column marks) of a file read without error, for locating
    #: the problems its parser finds; dropped once they are located
    node: Any = None


def _mark_problem(path: str, err: BaseException, code: str = "yaml-syntax") -> Problem:
    mark = getattr(err, "problem_mark", None) or getattr(err, "context_mark", None)
    line, col = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    what = getattr(err, "problem", None) or str(err).splitlines()[0] if str(err) else type(err).__name__
    if len(what) > 100:  # e.g. a long tag quoted by PyYAML: quote a short excerpt only
        what = what[:97] + "..."
    return Problem(path, line, col, ERROR, code, f"{what}; fix the YAML here")


def read_yaml(path: str | Path) -> RawFile:
    """Read one YAML file into plain values; never raises for bad input."""
    spath = str(path)
    raw = RawFile(spath)
    try:
        if os.path.exists(spath) and not os.path.isfile(spath):
            raw.problems.append(Problem(spath, 1, 1, ERROR, "unreadable-file",
                                        "not a regular file (a device, a pipe or a socket); give a YAML file"))
            raw.ok = False
            return raw
        size = os.path.getsize(spath)
        if size > MAX_FILE_BYTES:
            raw.problems.append(Problem(spath, 1, 1, ERROR, "unreadable-file",
                                        f"file is {size // 2**20} MB; the limit is {MAX_FILE_BYTES // 2**20} MB"))
            raw.ok = False
            return raw
        with open(spath, "rb") as fh:
            blob = fh.read()
    except OSError as err:
        raw.problems.append(Problem(spath, 1, 1, ERROR, "unreadable-file", f"cannot read the file: {err.strerror or err}"))
        raw.ok = False
        return raw
    try:
        text = blob.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = blob.count(b"\n", 0, err.start) + 1
        col = err.start - (blob.rfind(b"\n", 0, err.start) + 1) + 1
        raw.problems.append(Problem(spath, line, col, ERROR, "yaml-syntax",
                                    "the file is not UTF-8 text; save it as UTF-8"))
        raw.ok = False
        return raw
    raw.text = text
    loader = _Loader(text)
    try:
        raw.data = loader.get_single_data()
    except yaml.YAMLError as err:
        raw.problems.append(_mark_problem(spath, err))
        raw.ok = False
    except RecursionError:
        raw.problems.append(Problem(spath, 1, 1, ERROR, "yaml-syntax", "the YAML nests too deep to read"))
        raw.ok = False
    except Exception as err:  # noqa: BLE001 - MemoryError, ValueError, ..., and whatever PyYAML's
        # constructors raise on a bad explicit tag (`!!timestamp x`: AttributeError, `!!bool x`: KeyError)
        raw.problems.append(Problem(spath, 1, 1, ERROR, "yaml-syntax", f"cannot read the YAML ({type(err).__name__})"))
        raw.ok = False
    finally:
        loader.dispose()
    if raw.ok:
        raw.node = loader.root
    if raw.ok and not loader._fast:
        bomb = _alias_bomb(raw.data)
        if bomb:
            line, col = _first_alias(text)
            raw.problems.append(Problem(spath, line, col, ERROR, "yaml-syntax", bomb))
            raw.data, raw.ok, raw.node = None, False, None
    for line, col, key in loader.duplicates:
        raw.problems.append(Problem(spath, line, col, ERROR, "duplicate-key",
                                    f"key {excerpt(key)} appears twice in one mapping; keep one"))
    return raw


def _alias_bomb(data: Any, limit: int = MAX_EXPANDED_VALUES) -> str:
    """Why ``data`` (as PyYAML built it, aliases sharing objects) is refused, or ''.

    Counts the values the document would hold with every alias written out, each shared
    list or mapping once (memoised, iteratively: no recursion), stopping past ``limit``; a
    value that contains itself (``&a [*a]``) is refused too.
    """
    size: dict[int, int] = {}
    open_: set[int] = set()
    stack: list[tuple[Any, bool]] = [(data, False)]

    def kids(obj: Any) -> list[Any]:
        return [*obj.keys(), *obj.values()] if isinstance(obj, dict) else list(obj)

    def weight(v: Any) -> int:
        if isinstance(v, dict | list):
            return size[id(v)]
        return 1 + (len(v) // 1000 if isinstance(v, str) else 0)

    while stack:
        obj, done = stack.pop()
        if not isinstance(obj, dict | list) or (not done and id(obj) in size):
            continue
        if done:
            open_.discard(id(obj))
            total = 1 + sum(weight(k) for k in kids(obj))
            if total > limit:
                return (f"YAML aliases here repeat values {limit:,}+ times over (a 'billion laughs'); "
                        "write the values out instead of aliasing them")
            size[id(obj)] = total
            continue
        open_.add(id(obj))
        stack.append((obj, True))
        for k in kids(obj):
            if isinstance(k, dict | list):
                if id(k) in open_:
                    return "a YAML alias here refers to a value that contains it; write the value out"
                if id(k) not in size:
                    stack.append((k, False))
    return ""


def _first_alias(text: str) -> tuple[int, int]:
    """(line, column) of the first alias (``*name``) of a YAML text, (1, 1) if none is found."""
    try:
        for event in yaml.parse(text, Loader=_Composer):
            if isinstance(event, yaml.AliasEvent):
                return event.start_mark.line + 1, event.start_mark.column + 1
    except yaml.YAMLError:
        pass
    return (1, 1)


# ----------------------------------------------------------------------------------------------
# locating problems (only when there are some)

Key = str | int


class Locator:
    """Finds the line and column of a key path in a YAML text, by composing it once, lazily."""

    def __init__(self, text: str, root: Any = None) -> None:
        self._text = text
        self._root: Any = root
        self._composed = root is not None  # a tree the reader composed already: not composed again
        # id(mapping node) -> {key text: (key node, value node)}, the last occurrence kept;
        # built on first use so that locating many problems in one mapping stays linear
        self._maps: dict[int, dict[str, tuple[Any, Any]]] = {}

    def _entries(self, node: Any) -> dict[str, tuple[Any, Any]]:
        entries = self._maps.get(id(node))
        if entries is None:
            entries = {kn.value: (kn, vn) for kn, vn in node.value if isinstance(kn, yaml.ScalarNode)}
            self._maps[id(node)] = entries
        return entries

    def _compose(self) -> Any:
        if not self._composed:
            self._composed = True
            loader = _Composer(self._text)
            try:
                self._root = loader.get_single_node()
            except (yaml.YAMLError, RecursionError, MemoryError, ValueError):
                self._root = None
            finally:
                loader.dispose()
        return self._root

    def find(self, keypath: tuple[Key, ...], at: str = "value") -> tuple[int, int]:
        """(line, column) of the value (or, with ``at='key'``, the key) at ``keypath``.

        Falls back to the deepest part of the path that exists; (1, 1) if nothing does.
        """
        node = self._compose()
        if node is None:
            return (1, 1)
        best = node.start_mark
        for i, k in enumerate(keypath):
            last = i == len(keypath) - 1
            if isinstance(node, yaml.MappingNode):
                # the last occurrence is the one the data kept
                found = self._entries(node).get(getattr(k, "text", None) or str(k))
                if found is None:
                    break
                kn, vn = found
                if last and at == "key":
                    best = kn.start_mark
                    break
                best = vn.start_mark if not (isinstance(vn, yaml.ScalarNode) and vn.value == "" and vn.tag.endswith("null")) else kn.start_mark
                node = vn
            elif isinstance(node, yaml.SequenceNode) and isinstance(k, int) and 0 <= k < len(node.value):
                node = node.value[k]
                best = node.start_mark
            else:
                break
        return (best.line + 1, best.column + 1)


@dataclass
class _Collector:
    """Problems of one file, with their key paths, located when the file is done."""

    path: str
    text: str
    pending: list[tuple[tuple[Key, ...], str, str, str, str]] = field(default_factory=list)
    node: Any = None  # the reader's node tree (RawFile.node), if it kept one

    def add(self, keypath: tuple[Key, ...], code: str, message: str, severity: str = ERROR, at: str = "value") -> None:
        self.pending.append((keypath, at, severity, code, message))

    def error(self, keypath: tuple[Key, ...], code: str, message: str, at: str = "value") -> None:
        self.add(keypath, code, message, ERROR, at)

    def warn(self, keypath: tuple[Key, ...], code: str, message: str, at: str = "value") -> None:
        self.add(keypath, code, message, WARNING, at)

    @property
    def has_errors(self) -> bool:
        return any(p[2] == ERROR for p in self.pending)

    def problems(self) -> list[Problem]:
        if not self.pending:
            return []
        loc = Locator(self.text, self.node)
        out = []
        for keypath, at, severity, code, message in self.pending:
            line, col = loc.find(keypath, at)
            out.append(Problem(self.path, line, col, severity, code, message))
        return out


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
