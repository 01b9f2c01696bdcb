"""A profile being edited in the questionnaire: its values (:class:`Answer`), edits applied to
its YAML text with ruamel's round trip (comments, order and quoting kept; only changed values
differ), the engine's check of the result (:func:`check_text`), and the open document
(:class:`Doc`: opened, new or uploaded, saved through :mod:`indexer.app_save`).
"""

from __future__ import annotations

import copy
import io
import os
import re
import tempfile
import threading
from collections.abc import Iterable, Mapping, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .app_data import SCHEMES_DIR, AppData
from .app_save import (
    SaveConflict,
    Snapshot,
    UnsafePath,
    check_new_profile,
    new_profile_path,
    safe_profile_path,
    save_profile,
    snapshot,
)
from .load import load_file
from .model import (
    CITATION_FIELDS,
    CONFIDENCES,
    NOT_APPLICABLE,
    Node,
    Profile,
    Scheme,
)
from .problems import ERROR, Problem, sort_problems
from .template import template
from .validate import check_profile

# ==============================================================================================
# values and round-trip edits


@dataclass(frozen=True)
class Answer:
    """One indicator's entry as the questionnaire edits it."""

    answer: str | None = None
    source: str = ""
    note: str = ""
    url: str = ""
    quote: str = ""
    confidence: str = ""

    @property
    def cited(self) -> bool:
        return any(getattr(self, f) for f in CITATION_FIELDS)


META_FIELDS = ("status", "provenance", "coder", "reviewer", "scheme_version")
#: the header's keys in the order ``indexer template`` writes them: a header field the file lacks
#: is inserted after the last of these that precedes it, so it never lands after ``answers:``
HEADER_ORDER = ("scheme", "country", "year", "scheme_version", "status", "provenance", "coding", "coder",
                "reviewer")
#: the Confidence box's choices: not given, or one of the model's levels
CONFIDENCE_CHOICES = ("", *CONFIDENCES)


def answers_of(profile: Profile, scheme: Scheme) -> dict[str, Answer]:
    """Every leaf's entry in a profile (blank where absent)."""
    out = {}
    for leaf in scheme.leaves:
        cit = profile.citations.get(leaf.code)
        out[leaf.code] = Answer(profile.answers.get(leaf.code),
                                **{f: getattr(cit, f) if cit else "" for f in CITATION_FIELDS})
    return out


def meta_of(profile: Profile) -> dict[str, str]:
    """The editable header fields; an invalid status or provenance as the file wrote it."""
    return {"status": profile.status, "provenance": profile.provenance, "coder": profile.coder,
            "reviewer": profile.reviewer, "scheme_version": profile.scheme_version, **profile.as_written}


_PLAIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9_/-]*\Z")
_PLAIN_INT = re.compile(r"(0|[1-9][0-9]{0,14})\Z")
_PLAIN_FLOAT = re.compile(r"-?(0|[1-9][0-9]*)\.[0-9]*[1-9]\Z")
#: words YAML 1.1 readers (PyYAML, many others) take for booleans or null: always quoted
_YAML11_SPECIAL = {"y", "n", "yes", "no", "on", "off", "true", "false", "null"}


def _yaml():
    from ruamel.yaml import YAML

    y = YAML()  # round trip
    y.preserve_quotes = True
    y.width = 4096
    y.indent(mapping=2, sequence=4, offset=2)
    return y


def _quoted(s: str):
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    return DoubleQuotedScalarString(s)


def _answer_scalar(node: Node, text: str | None) -> Any:
    """An answer as the YAML scalar to write: plain where that keeps its text (``b``, ``n/a``,
    ``8``), double-quoted where a YAML 1.1 reader would change it (``"yes"``, ``"NO"``)."""
    if text is None:
        return None
    if text == NOT_APPLICABLE:
        return NOT_APPLICABLE
    if _PLAIN_INT.match(text):
        return int(text)
    if node.numeric is not None and _PLAIN_FLOAT.match(text) and repr(float(text)) == text:
        return float(text)
    if _PLAIN_WORD.match(text) and text.lower() not in _YAML11_SPECIAL:
        return text
    return _quoted(text)


class EditError(ValueError):
    """The profile's YAML cannot be edited (not YAML, or its top level is not a mapping)."""


def apply_edits(text: str, scheme: Scheme, before: Mapping[str, Answer], after: Mapping[str, Answer],
                meta_before: Mapping[str, str] | None = None, meta_after: Mapping[str, str] | None = None) -> str:
    """``text`` with the entries that differ between ``before`` and ``after`` rewritten.

    A ruamel round trip keeps comments, key order and quoting; entries that did not change are
    not touched (so their text stays byte for byte). A changed entry keeps its form: the long
    form ``{answer, source, url, quote, confidence, note}`` is updated in place; a short ``CODE: b`` becomes a
    one-line ``{answer: b, source: "..."}`` only when a citation is added. A new entry is
    inserted after the nearest answered indicator before it in the scheme's order.
    """
    y, doc = _load_tree(text)
    _edit_tree(doc, scheme, before, after, meta_before, meta_after)
    return _dump(y, doc)


def _load_tree(text: str) -> tuple[Any, Any]:
    """(the ruamel round-trip reader, the document read from ``text``); :class:`EditError` where
    the text is not YAML or its top level is not a mapping."""
    from ruamel.yaml.comments import CommentedMap
    from ruamel.yaml.error import YAMLError

    y = _yaml()
    try:
        doc = y.load(text) if text.strip() else CommentedMap()
    except YAMLError as err:
        raise EditError(f"the file is not valid YAML: {str(err).splitlines()[0]}") from None
    if doc is None:
        doc = CommentedMap()
    if not isinstance(doc, CommentedMap):
        raise EditError("the file's top level is not a mapping")
    return y, doc


def _edit_tree(doc: Any, scheme: Scheme, before: Mapping[str, Answer], after: Mapping[str, Answer],
               meta_before: Mapping[str, str] | None = None, meta_after: Mapping[str, str] | None = None) -> None:
    """:func:`apply_edits` on a document already read (changed in place)."""
    from ruamel.yaml.comments import CommentedMap

    for k in META_FIELDS:
        new = (meta_after or {}).get(k)
        if new is None or new == (meta_before or {}).get(k):
            continue
        if new == "" and k not in doc:
            continue
        value = new if k in ("status", "provenance") else _quoted(new)
        if k in doc:
            doc[k] = value
        else:
            keys = list(doc)
            earlier = HEADER_ORDER[:HEADER_ORDER.index(k)]
            doc.insert(max((keys.index(h) + 1 for h in earlier if h in keys), default=0), k, value)
    answers = doc.get("answers")
    if not isinstance(answers, CommentedMap):
        if not any(after.get(c, Answer()) != before.get(c, Answer()) for c in after):
            return
        if answers is not None and len(answers) > 0:  # a list or a scalar: leave it to validation
            raise EditError("`answers:` is not a mapping of indicator code to answer")
        answers = CommentedMap()
        doc["answers"] = answers
    order = scheme.index
    shared = _shared_ids(doc)
    for leaf in scheme.leaves:
        code = leaf.code
        new = after.get(code, Answer())
        if new == before.get(code, Answer()):
            continue
        scalar = _answer_scalar(leaf, new.answer)
        old = answers.get(code)
        if code not in answers and new == Answer():
            continue
        if isinstance(old, CommentedMap) and (id(old) in shared or old.anchor.value or old.merge):
            # `NAT.2: *x` shares WORK.1's mapping: edit a copy of its own, never the other answer
            old = answers[code] = _own_copy(old)
        if isinstance(old, CommentedMap):
            if "answer" not in old or _scalar_text(old.get("answer")) != new.answer:
                old["answer"] = scalar
            for f in CITATION_FIELDS:
                val = getattr(new, f)
                if val:
                    if _scalar_text(old.get(f)) != val:
                        old[f] = _quoted(val)
                elif f in old:
                    del old[f]
            continue
        if new.cited:
            entry = CommentedMap()
            entry["answer"] = scalar
            for f in CITATION_FIELDS:
                if getattr(new, f):
                    entry[f] = _quoted(getattr(new, f))
            entry.fa.set_flow_style()
            value: Any = entry
        else:
            value = scalar
        if code in answers:
            answers[code] = value
        else:
            pos = 0
            for i, k in enumerate(answers):
                if isinstance(k, str) and k in order and order[k] < order[code]:
                    pos = i + 1
            answers.insert(pos, code, value)


def _shared_ids(doc: Any) -> set[int]:
    """ids of the mappings and lists that occur at more than one place of a document (by YAML
    aliases), found by an iterative walk that enters each of them once."""
    seen: set[int] = set()
    shared: set[int] = set()
    stack = [doc]
    while stack:
        obj = stack.pop()
        kids = list(obj.values()) if isinstance(obj, dict) else obj if isinstance(obj, list) else ()
        for k in kids:
            if isinstance(k, dict | list):
                if id(k) in seen:
                    shared.add(id(k))
                else:
                    seen.add(id(k))
                    stack.append(k)
    return shared


def _own_copy(m: Any) -> Any:
    """A fresh mapping with ``m``'s keys and values (merged keys included), no anchor, same style."""
    from ruamel.yaml.comments import CommentedMap

    fresh = CommentedMap()
    for k, v in m.items():
        fresh[k] = v
    if m.fa.flow_style():
        fresh.fa.set_flow_style()
    return fresh


def _scalar_text(v: Any) -> str | None:
    if v is None:
        return None
    if isinstance(v, bool):
        return str(v).lower()
    return str(v)


def _dump(y, doc) -> str:
    buf = io.StringIO()
    y.dump(doc, buf)
    return buf.getvalue()


def new_profile_text(scheme: Scheme, country: str, year: int, *, coder: str = "") -> str:
    """A blank questionnaire (``indexer template``) to fill in."""
    return template(scheme, country, year, coder=coder)


@dataclass(frozen=True)
class Checked:
    """A profile text read and checked by the engine, as if it were saved at ``label``."""

    profile: Profile | None
    problems: tuple[Problem, ...]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == ERROR]


def check_text(text: str, schemes: Mapping[str, Scheme], label: str,
               others: Iterable[Profile] = (), path: Path | None = None) -> Checked:
    """Read ``text`` as a profile file and check it against its scheme, exactly as
    ``indexer validate`` would (problems are reported at ``label``). ``others``: profiles
    already on disk; one with the same scheme, country and year in another file than ``path``
    is a ``duplicate-profile``."""
    fd, tmp = tempfile.mkstemp(suffix=".yaml", prefix="indexer-q-")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        b = load_file(tmp)
        problems = list(b.problems)
        profile = b.profiles[0] if b.profiles else None
        if profile is None and not b.problems and tmp not in b.profile_schemes:
            problems.append(Problem(tmp, 1, 1, ERROR, "unknown-file-kind", "this is not a profile (no `scheme:`)"))
        if profile is not None:
            scheme = schemes.get(profile.scheme)
            if scheme is None:
                problems.append(Problem(tmp, 1, 1, ERROR, "unknown-scheme",
                                        f"scheme {profile.scheme!r} is not in {SCHEMES_DIR}/"))
            else:
                problems.extend(check_profile(profile, scheme))
            me = None if path is None else Path(path).resolve()
            for o in others:
                if o.key == profile.key and (me is None or Path(o.path).resolve() != me):
                    problems.append(Problem(tmp, 1, 1, ERROR, "duplicate-profile",
                                            f"{profile.scheme} {profile.country} {profile.year} is also in {o.path}"))
                    break
    finally:
        try:
            os.unlink(tmp)
        except OSError:
            pass
    problems = [replace(p, path=label) for p in problems]
    if profile is not None:
        profile = replace(profile, path=str(path) if path is not None else label)
    return Checked(profile, tuple(sort_problems(problems)))




# ==============================================================================================
# questionnaire documents: a profile being edited


class DocError(ValueError):
    """A profile that cannot be opened for editing; ``problems`` says why (one line each)."""

    def __init__(self, problems: Sequence[Problem | str]) -> None:
        self.problems = [str(p) for p in problems]
        super().__init__("; ".join(self.problems[:3]))


@dataclass
class Doc:
    """A profile open in the questionnaire: where it will be saved, the file as it was when
    opened (for conflict detection), the text edits apply to, and the values before and now."""

    path: Path
    opened: Snapshot
    base_text: str
    scheme_id: str
    country: str
    year: int
    before: dict[str, Answer]
    meta_before: dict[str, str]
    values: dict[str, Answer]
    meta: dict[str, str]
    origin: str = "file"  # file | new | upload
    conflict: Snapshot | None = None
    #: ``base_text`` read once by ruamel at the first edit (never changed: each edit works on a
    #: copy), its reader, the text with nothing changed (``base_text`` itself: nothing to change,
    #: nothing rewritten), and the last text made (state -> text): each edit costs a copy and a
    #: dump, not a parse (what :func:`apply_edits` does, in the same steps)
    _tree: Any = field(default=None, repr=False, compare=False)
    _reader: Any = field(default=None, repr=False, compare=False)
    _plain: str | None = field(default=None, repr=False, compare=False)
    _last: tuple[Any, str] | None = field(default=None, repr=False, compare=False)
    #: (the text being read, ruamel's reading of it in a background thread: :meth:`read_ahead`)
    _ahead: tuple[str, Future] | None = field(default=None, repr=False, compare=False)

    def text(self, scheme: Scheme) -> str:
        """The file as it would be saved now (only changed values differ from ``base_text``):
        ``apply_edits(base_text, scheme, before, values, meta_before, meta)``; with nothing
        changed, ``base_text`` itself."""
        if self._plain is not None and self.values == self.before and self.meta == self.meta_before:
            return self._plain
        state = (self.scheme_id, tuple(sorted(self.values.items())), tuple(sorted(self.meta.items())))
        if self._last is not None and self._last[0] == state:
            return self._last[1]
        if self._tree is None:
            ahead, self._ahead = self._ahead, None
            if ahead is not None and ahead[0] == self.base_text:
                self._reader, self._tree = ahead[1].result()  # EditError as _load_tree's
            else:
                self._reader, self._tree = _load_tree(self.base_text)
        tree = copy.deepcopy(self._tree)
        _edit_tree(tree, scheme, self.before, self.values, self.meta_before, self.meta)
        out = _dump(self._reader, tree)
        self._last = (state, out)
        return out

    def read_ahead(self, delay: float = 0.0) -> None:
        """Start ruamel's reading of ``base_text`` in a background thread, after ``delay``
        seconds (the questionnaire calls this once the page is drawn: the first edit then finds
        the tree read, not 0.1–0.2 s of parsing to do). Nothing when it is read or being read."""
        if self._tree is not None or (self._ahead is not None and self._ahead[0] == self.base_text):
            return
        text, fut = self.base_text, Future()

        def work() -> None:
            if not fut.set_running_or_notify_cancel():
                return
            try:
                fut.set_result(_load_tree(text))
            except BaseException as err:  # noqa: BLE001 - handed to the edit that waits for it
                fut.set_exception(err)

        self._ahead = (text, fut)
        timer = threading.Timer(delay, work)
        timer.daemon = True
        timer.name = "indexer-read-ahead"
        timer.start()

    def prepare(self) -> None:
        """The text with nothing changed is ``base_text``: opening a profile reads it with the
        engine only (:func:`check_text`); ruamel's round trip (0.1–0.2 s for a 130 kB profile)
        reads it at the first edit, where :class:`EditError` says if it cannot."""
        self._tree = self._reader = self._last = self._ahead = None
        self._plain = self.base_text

    def mark_saved(self, snap: Snapshot) -> None:
        """After a save of ``snap.text`` (the text made from the current values): it is the new
        base, and the text with nothing changed (a round trip of a round trip's output is the
        same text); the parse of it waits for the next edit."""
        self.opened = snap
        self.base_text = snap.text
        self.before = dict(self.values)
        self.meta_before = dict(self.meta)
        self.origin = "file"
        self.conflict = None
        self._tree = self._reader = self._last = self._ahead = None
        self._plain = snap.text


#: the largest profile file the questionnaire opens (a round trip of 2 MB takes seconds; 50 MB of
#: `notes:` took minutes); larger files are edited in a text editor and checked with `validate`
MAX_EDIT_BYTES = 1_000_000


def _check_size(label: str, size: int) -> None:
    if size > MAX_EDIT_BYTES:
        raise DocError([f"{label}: {size / 1e6:.1f} MB is too large to edit here (the limit is "
                        f"{MAX_EDIT_BYTES / 1e6:g} MB); edit it in a text editor and check it with `indexer validate`"])


def _doc_from_text(data: AppData, text: str, path: Path, opened: Snapshot, origin: str) -> Doc:
    label = data.rel(path)
    _check_size(label, len(text.encode("utf-8")))
    ck = check_text(text, data.schemes, label)
    p = ck.profile
    if p is None:
        raise DocError(ck.errors or ["the file is not a profile"])
    scheme = data.schemes.get(p.scheme)
    if scheme is None:
        raise DocError([f"{label}: scheme {p.scheme!r} is not in {SCHEMES_DIR}/"])
    before, meta = answers_of(p, scheme), meta_of(p)
    doc = Doc(path=path, opened=opened, base_text=text, scheme_id=p.scheme, country=p.country, year=p.year,
              before=before, meta_before=meta, values=dict(before), meta=dict(meta), origin=origin)
    doc.prepare()
    return doc


def open_doc(data: AppData, path: str | Path) -> Doc:
    """Open a profile file of the data root for editing."""
    try:
        real = safe_profile_path(data.root, path)
    except UnsafePath as err:
        raise DocError([str(err)]) from None
    try:
        _check_size(data.rel(real), real.stat().st_size)
    except OSError:
        pass  # missing: said below
    snap = snapshot(real)
    if not snap.exists:
        raise DocError([f"{data.rel(real)} does not exist"])
    return _doc_from_text(data, snap.text, real, snap, "file")


def new_doc(data: AppData, scheme_id: str, country: str, year: Any, *, coder: str = "") -> Doc:
    """A new profile (a blank questionnaire) for ``country_profiles/<CC>/<scheme>-<year>.yaml``."""
    problems = check_new_profile(scheme_id, country, year, data.schemes)
    if problems:
        raise DocError(problems)
    try:
        path = new_profile_path(data.root, scheme_id, country, year)
    except UnsafePath as err:
        raise DocError([str(err)]) from None
    if path.exists():
        raise DocError([f"{data.rel(path)} exists already: open it instead"])
    for p in data.bundle.profiles:
        # a questionnaire of that country-year exists: open it; published scores alone do not
        # block a coding of one's own (codings coexist, see indexer.codings)
        if p.key[:3] == (scheme_id, country, year) and (p.provenance != "published" or p.coding == "expert"):
            raise DocError([f"{country} {year} already has a {scheme_id} profile in {data.rel(p.path)}: open it instead"])
    text = new_profile_text(data.schemes[scheme_id], country, year, coder=coder)
    return _doc_from_text(data, text, path, Snapshot(path), "new")


def upload_doc(data: AppData, name: str, blob: bytes) -> Doc:
    """An uploaded profile file, to be saved over the profile of the same scheme, country and
    year (if there is one) or as a new profile."""
    _check_size(name, len(blob))
    try:
        text = blob.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise DocError([f"{name}: not UTF-8 text"]) from None
    ck = check_text(text, data.schemes, name)
    p = ck.profile
    if p is None:
        raise DocError(ck.errors or [f"{name}: not a profile"])
    if p.scheme not in data.schemes:
        raise DocError([f"{name}: scheme {p.scheme!r} is not in {SCHEMES_DIR}/"])
    existing = [q for q in data.bundle.profiles if q.key == p.key]
    try:
        path = (safe_profile_path(data.root, existing[0].path) if existing
                else new_profile_path(data.root, p.scheme, p.country, p.year))
    except UnsafePath as err:
        raise DocError([str(err)]) from None
    return _doc_from_text(data, text, path, snapshot(path), "upload")


def save_doc(data: AppData, doc: Doc, scheme: Scheme, *, force: bool = False, text: str | None = None) -> Snapshot:
    """Save a document (see :func:`save_profile`); ``force`` accepts what is on disk now as the
    base (after the user has seen both versions); ``text``: ``doc.text(scheme)`` where the caller
    has it already. Updates ``doc`` on success, or sets ``doc.conflict`` and raises
    :class:`SaveConflict`."""
    text = doc.text(scheme) if text is None else text
    opened = doc.conflict if (force and doc.conflict is not None) else doc.opened
    try:
        snap = save_profile(data.root, opened, text)
    except SaveConflict as err:
        doc.conflict = err.disk
        raise
    doc.mark_saved(snap)
    return snap
