"""Read: YAML text into plain Python values, and problems located by line and column.

Part of the loading stage (``load`` builds the model from what this reads; nothing else reads
YAML). Valid input is parsed by libyaml (``CSafeLoader``) with no line tracking; only a file with a
problem is composed a second time to find the line and column of each problem (``Locator``).

YAML typing follows the contract (SPEC §1): no scalar is ever a boolean (``yes``, ``no``, ``on``,
``off``, ``NO`` and even ``true`` stay strings, since no field of the formats is boolean), duplicate
keys are reported (not silently dropped), and a number whose text YAML would not keep (``010``,
``1.10``, ``1_000``) is remembered as such so that an option value written that way is refused.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .problems import ERROR, WARNING, Problem, excerpt

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
