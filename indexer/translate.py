"""Translate: a scheme's texts in another language, read from a translation file.

A translation file (``indicators/<scheme-id>.<lang>.yaml``, README "Translation files") is keyed
by node code; every text carries the fingerprint of the English text it was translated from, so a
changed English text makes its translation *stale*. The file is read by the loader (``load``
classifies it by its ``translation:`` key and calls :func:`parse_translation`), parsed into frozen
dataclasses and checked against its scheme by :func:`check_translation` (``validate`` does that
for every translation among the paths).

Display code never reads a translation file itself: :func:`localise` gives a scheme whose
display texts (titles, questions, help, option labels, units, sections, description) are in the
language, falling back to English text by text where a translation is missing or stale; codes,
option values, levels and band labels stay English there (they are data). :class:`Translation`
has :meth:`~Translation.band` and :meth:`~Translation.level` for showing those.
"""

from __future__ import annotations

import hashlib
import re
import textwrap
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .model import ROOT, Node, Scheme
from .problems import ERROR, Problem, excerpt

#: a language code: ISO 639-1/639-3 letters, optionally with a BCP 47 subtag (``ru``, ``kk``, ``hy``, ``sr-Latn``)
LANG_RE = re.compile(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})*\Z")
#: the language the schemes are written in
SOURCE_LANGUAGE = "en"

TOP_KEYS = {"translation", "language", "version", "translator", "notes", "title", "description",
            "source", "levels", "sections", "bands", "nodes"}
#: the scheme's own texts a translation may give (top level of the file)
SCHEME_TEXTS = ("title", "description", "source")
#: texts of a node that a translation may give, in the order they are written
NODE_TEXTS = ("title", "question", "help", "unit")
NODE_KEYS = set(NODE_TEXTS) | {"options", "notes"}
TEXT_KEYS = {"text", "source"}


def fingerprint(text: str) -> str:
    """The fingerprint of an English source text: 8 hex digits of the SHA-256 of its words.

    Whitespace is collapsed first, so re-wrapping a YAML paragraph keeps the fingerprint while
    any change of a word, a number or a punctuation mark changes it.
    """
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()[:8]


@dataclass(frozen=True, slots=True)
class Text:
    """One translated text and the fingerprint of the English it was translated from
    (``""``: none recorded, so whether it is current cannot be told)."""

    text: str
    source: str = ""


@dataclass(frozen=True, slots=True)
class NodeTexts:
    """The translated texts of one node; a text that is not translated is absent (None)."""

    code: str
    title: Text | None = None
    question: Text | None = None
    help: Text | None = None
    unit: Text | None = None
    #: option value -> its translated label
    options: Mapping[str, Text] = field(default_factory=dict)

    def get(self, name: str) -> Text | None:
        return getattr(self, name)


@dataclass(frozen=True, slots=True)
class Translation:
    """A scheme's texts in one language."""

    scheme: str
    language: str
    path: str = ""
    version: str = ""
    translator: str = ""
    title: Text | None = None
    description: Text | None = None
    #: the scheme's ``source:`` (its citation: the "About" paragraph of profiles)
    source: Text | None = None
    #: English level name -> translated name (``area`` -> ``область``)
    levels: Mapping[str, str] = field(default_factory=dict)
    #: English section label -> translated label (the English label is its own source)
    sections: Mapping[str, str] = field(default_factory=dict)
    #: English band label -> translated label
    bands: Mapping[str, str] = field(default_factory=dict)
    #: node code -> its texts
    nodes: Mapping[str, NodeTexts] = field(default_factory=dict)

    @property
    def key(self) -> tuple[str, str]:
        return (self.scheme, self.language)

    def band(self, label: str) -> str:
        """A band label in this language (the English one where not translated)."""
        return self.bands.get(label, label)

    def level(self, name: str) -> str:
        """A level name in this language (the English one where not translated)."""
        return self.levels.get(name, name)

    def section(self, label: str) -> str:
        return self.sections.get(label, label)


# ----------------------------------------------------------------------------------------------
# what a scheme asks to be translated


def source_texts(scheme: Scheme) -> Iterator[tuple[tuple[Any, ...], str]]:
    """Every English text of ``scheme`` that a translation gives, with its key path in a
    translation file: ``("title",)``, ``("nodes", code, "question")``, ``("nodes", code,
    "options", value)``. Labels (levels, sections, bands) are not included: they are keyed by
    their English text (see :func:`source_labels`)."""
    if scheme.title:
        yield ("title",), scheme.title
    if scheme.description:
        yield ("description",), scheme.description
    if scheme.source:
        yield ("source",), scheme.source
    for n in scheme.nodes[1:]:
        for name, text in _node_sources(n):
            yield ("nodes", n.code, *name), text


def _node_sources(n: Node) -> Iterator[tuple[tuple[str, ...], str]]:
    if n.title:
        yield ("title",), n.title
    if n.question:
        yield ("question",), n.question
    if n.help:
        yield ("help",), n.help
    if n.numeric is not None and n.numeric.unit:
        yield ("unit",), n.numeric.unit
    for o in n.options:
        if o.label and o.label != o.value:
            yield ("options", o.value), o.label


def source_labels(scheme: Scheme) -> dict[str, list[str]]:
    """The labels a translation gives, by kind: levels in use, sections, bands (in order)."""
    depths = {n.depth for n in scheme.nodes[1:]}
    levels = list(dict.fromkeys(scheme.level_name(d) for d in sorted(depths)))
    sections = list(dict.fromkeys(n.section for n in scheme.nodes if n.section))
    bands = list(dict.fromkeys(b.label for b in scheme.bands if b.label))
    return {"levels": levels, "sections": sections, "bands": bands}


# ----------------------------------------------------------------------------------------------
# parsing (called by load.load_file with its collector)


def parse_translation(data: dict, c: Any, path: str) -> Translation | None:
    """Build a :class:`Translation` from plain values, recording problems in the collector ``c``
    (``load._Collector``). Problems against the scheme are :func:`check_translation`'s."""
    from .load import _check_keys

    _check_keys(c, data, TOP_KEYS, (), "a translation file")
    sid = data.get("translation")
    if not isinstance(sid, str) or not sid:
        c.error(("translation",), "missing-field" if sid in (None, "") else "bad-value",
                "`translation:` must name the scheme id this file translates, e.g. `translation: mipex-core`")
        sid = ""
    lang = data.get("language")
    if lang is None or lang == "":
        c.error(("language",) if "language" in data else (), "missing-field",
                "the translation has no `language`; add e.g. `language: ru` (kk, hy, ...)")
        lang = ""
    elif not isinstance(lang, str) or not LANG_RE.match(lang):
        c.error(("language",), "bad-value",
                f"language {excerpt(lang)} must be a language code in lower case: ru, kk, hy, ...")
        lang = ""
    elif lang == SOURCE_LANGUAGE:
        c.error(("language",), "bad-value", "the schemes are written in English; a translation is into another language")
    version = data.get("version", "")
    translator = data.get("translator", "")
    for key, value in (("version", version), ("translator", translator)):
        if not isinstance(value, str):
            c.error((key,), "bad-value", f"{key} must be text: quote it")
    title = _text(data, ("title",), c)
    description = _text(data, ("description",), c)
    source = _text(data, ("source",), c)
    labels = {kind: _labels(data, kind, c) for kind in ("levels", "sections", "bands")}
    nodes: dict[str, NodeTexts] = {}
    raw_nodes = data.get("nodes")
    if raw_nodes is not None and not isinstance(raw_nodes, dict):
        c.error(("nodes",), "bad-value", "nodes must map node codes to their texts")
    elif raw_nodes:
        for code, d in raw_nodes.items():
            where = ("nodes", code)
            code_s = code if isinstance(code, str) else str(getattr(code, "text", code))
            if d is None:
                continue  # a code listed with nothing yet: untranslated
            if not isinstance(d, dict):
                c.error(where, "bad-value", f"the texts of {excerpt(code_s)} must be a mapping (title, question, help, options)")
                continue
            _check_keys(c, d, NODE_KEYS, where, f"node {code_s}")
            texts = {name: _text(d, (name,), c, where) for name in NODE_TEXTS}
            options: dict[str, Text] = {}
            raw_opts = d.get("options")
            if raw_opts is not None and not isinstance(raw_opts, dict):
                c.error(where + ("options",), "bad-value", "options must map option values to their labels")
            elif raw_opts:
                for value in raw_opts:
                    value_s = value if isinstance(value, str) else str(getattr(value, "text", value))
                    t = _text(raw_opts, (value,), c, where + ("options",))
                    if t is not None:
                        options[value_s] = t
            nodes[code_s] = NodeTexts(code_s, options=options, **texts)
    if c.has_errors:
        return None
    return Translation(scheme=sid, language=lang, path=path, version=str(version), translator=str(translator),
                       title=title, description=description, source=source, levels=labels["levels"],
                       sections=labels["sections"], bands=labels["bands"], nodes=nodes)


def _text(d: dict, key: tuple[Any, ...], c: Any, where: tuple[Any, ...] = ()) -> Text | None:
    """A text: a string, or ``{text, source}``; None when absent or empty (untranslated)."""
    (k,) = key
    v = d.get(k)
    if v is None:
        return None
    if isinstance(v, str):
        return Text(v.strip()) if v.strip() else None
    if isinstance(v, dict):
        from .load import _check_keys

        _check_keys(c, v, TEXT_KEYS, where + key, "a translated text")
        text, source = v.get("text"), v.get("source", "")
        if text is not None and not isinstance(text, str):
            c.error(where + key + ("text",), "bad-value", "text must be text: quote it")
            return None
        if source is None:
            source = ""
        elif isinstance(source, int | float) and not isinstance(source, bool):
            # an unquoted fingerprint of digits reads as a number: take its text (``01234567``, ``1e234567``)
            source = getattr(source, "text", None) or str(source)
        if not isinstance(source, str) or (source and not re.fullmatch(r"[0-9a-f]{8}", source)):
            c.error(where + key + ("source",), "bad-value",
                    f"source {excerpt(getattr(source, 'text', source))} must be the 8 hex digits of a fingerprint "
                    "(indexer translate --update records them)")
            return None
        if text is None or not text.strip():
            return None
        return Text(text.strip(), source)
    c.error(where + key, "bad-value", "a translated text must be text or {text: ..., source: ...}")
    return None


def _labels(data: dict, kind: str, c: Any) -> dict[str, str]:
    raw = data.get(kind)
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        c.error((kind,), "bad-value", f"{kind} must map each English label to its translation")
        return {}
    out = {}
    for k, v in raw.items():
        if v is None or (isinstance(v, str) and not v.strip()):
            continue
        if not isinstance(v, str):
            c.error((kind, k), "bad-value", f"the translation of {excerpt(k)} must be text")
            continue
        out[str(k)] = v.strip()
    return out


# ----------------------------------------------------------------------------------------------
# checking against the scheme


def check_translation(tr: Translation, scheme: Scheme) -> list[Problem]:
    """Problems of a translation against its scheme: unknown codes and option values (errors),
    untranslated texts (one warning per node or label kind), stale translations (one warning
    per text whose English changed since it was translated, or that records no fingerprint)."""
    from .load import _Collector
    from .validate import _read_text

    c = _Collector(tr.path, "")
    sources = dict(source_texts(scheme))
    index = scheme.index
    for code, nt in tr.nodes.items():
        if code not in index or code == ROOT:
            c.error(("nodes", code), "unknown-code", f"{scheme.id} has no node {excerpt(code)}", at="key")
            continue
        node = scheme.node(code)
        values = {o.value for o in node.options}
        for value in nt.options:
            if value not in values:
                opts = ", ".join(o.value for o in node.options) or "none: it has no options"
                c.error(("nodes", code, "options", value), "unknown-option",
                        f"{code} has no option {excerpt(value)} ({opts})", at="key")
    untranslated: dict[tuple[Any, ...], list[str]] = {}
    for keypath, english in sources.items():
        t = _lookup(tr, keypath)
        if t is None:
            owner = keypath[:2] if keypath[0] == "nodes" else ()
            untranslated.setdefault(owner, []).append(_name(keypath))
            continue
        if not t.source:
            c.warn(keypath, "stale-translation",
                   f"{_label(keypath)} records no `source` fingerprint, so it cannot be checked against the English; "
                   f"check it and run `indexer translate {scheme.id} --lang {tr.language} --update`")
        elif t.source != fingerprint(english):
            c.warn(keypath, "stale-translation",
                   f"the English {_label(keypath)} changed since it was translated (now {excerpt(' '.join(english.split()))}); "
                   "revise the translation, then record the new fingerprint (indexer translate --update)")
    # a translated text for which the English has nothing (any more)
    for keypath in _given(tr):
        if keypath not in sources and not (keypath[0] == "nodes" and (keypath[1] not in index or keypath[1] == ROOT)) \
                and not (len(keypath) == 4 and keypath[3] not in {o.value for o in scheme.node(keypath[1]).options}):
            c.warn(keypath, "stale-translation",
                   f"the English has no {_label(keypath)} (any more); remove this translation")
    for owner, names in untranslated.items():
        where = owner if owner and owner[1] in tr.nodes else ("nodes",) if owner else ()
        what = f"{owner[1]}: " if owner else "the scheme's "
        c.warn(where, "untranslated", f"{what}{', '.join(names)} not translated into {tr.language}", at="key")
    for kind, labels in source_labels(scheme).items():
        given: Mapping[str, str] = getattr(tr, kind)
        missing = [lab for lab in labels if lab not in given]
        if missing:
            c.warn((kind,), "untranslated",
                   f"{len(missing)} {kind[:-1]} label{'s' * (len(missing) != 1)} not translated into {tr.language}: "
                   + ", ".join(excerpt(m) for m in missing[:4]) + (", ..." if len(missing) > 4 else ""), at="key")
        for lab in given:
            if lab not in labels:
                c.warn((kind, lab), "stale-translation",
                       f"{scheme.id} has no {kind[:-1]} {excerpt(lab)} (any more: its English may have changed); "
                       "translate the current label and remove this one", at="key")
    if not c.pending:
        return []
    c.text = _read_text(tr.path)
    return c.problems()


def _lookup(tr: Translation, keypath: tuple[Any, ...]) -> Text | None:
    if keypath[0] != "nodes":
        return getattr(tr, keypath[0])
    nt = tr.nodes.get(keypath[1])
    if nt is None:
        return None
    if keypath[2] == "options":
        return nt.options.get(keypath[3])
    return nt.get(keypath[2])


def _given(tr: Translation) -> Iterator[tuple[Any, ...]]:
    for name in SCHEME_TEXTS:
        if getattr(tr, name) is not None:
            yield (name,)
    for code, nt in tr.nodes.items():
        for name in NODE_TEXTS:
            if nt.get(name) is not None:
                yield ("nodes", code, name)
        for value in nt.options:
            yield ("nodes", code, "options", value)


def _name(keypath: tuple[Any, ...]) -> str:
    if keypath[0] != "nodes":
        return keypath[0]
    if keypath[2] == "options":
        return f"option {keypath[3]}"
    return keypath[2]


def _label(keypath: tuple[Any, ...]) -> str:
    if keypath[0] != "nodes":
        return f"scheme {keypath[0]}"
    if keypath[2] == "options":
        return f"label of {keypath[1]} option {keypath[3]}"
    return f"{keypath[2]} of {keypath[1]}"


# ----------------------------------------------------------------------------------------------
# finding a translation and showing a scheme in it


def translation_path(scheme: Scheme, lang: str) -> Path:
    """Where the ``lang`` translation of ``scheme`` lives: beside the scheme file
    (``indicators/mipex-core.ru.yaml``), else in ``indicators/``."""
    from .validate import schemes_dir

    if scheme.path:
        return Path(scheme.path).with_name(f"{scheme.id}.{lang}.yaml")
    return schemes_dir() / f"{scheme.id}.{lang}.yaml"


def available_languages(scheme: Scheme) -> list[str]:
    """The languages of the translation files found beside the scheme (``en`` first)."""
    folder = translation_path(scheme, "xx").parent
    found = sorted(q.name[len(scheme.id) + 1:-len(".yaml")] for q in folder.glob(f"{scheme.id}.*.yaml")) \
        if folder.is_dir() else []
    return [SOURCE_LANGUAGE] + [x for x in found if LANG_RE.match(x) and x != SOURCE_LANGUAGE]


def load_translation(scheme: Scheme, lang: str, path: str | Path | None = None) -> tuple[Translation | None, list[Problem]]:
    """Read and check the ``lang`` translation of ``scheme`` (from ``path``, else
    :func:`translation_path`). Returns the translation (None when the file is missing or has
    errors) and every problem of the file, sorted. A missing file is no problem: the caller
    says what it needs."""
    from .load import load_file
    from .problems import sort_problems

    p = Path(path) if path is not None else translation_path(scheme, lang)
    if not p.is_file():
        return None, []
    b = load_file(p)
    problems = list(b.problems)
    trs = [t for t in b.translations if t.scheme == scheme.id and t.language == lang]
    if not trs and not any(x.is_error for x in problems):
        problems.append(Problem(str(p), 1, 1, ERROR, "bad-value",
                                f"this file is not the {lang} translation of {scheme.id}; "
                                f"give it `translation: {scheme.id}` and `language: {lang}`"))
    if trs:
        problems += check_translation(trs[0], scheme)
    problems = sort_problems(problems)
    if any(x.severity == ERROR for x in problems):
        return None, problems
    return (trs[0] if trs else None), problems


def translated(scheme: Scheme, lang: str) -> tuple[Scheme, Translation | None, list[Problem]]:
    """The one call a view needs (app, PDF): ``scheme`` shown in ``lang``, the translation (for
    :meth:`Translation.band` and :meth:`Translation.level`), and the problems of its file.

    English, a language with no translation file, or a file with errors give the English
    scheme and no translation (the problems say why, for the view to show); never raises."""
    if lang == SOURCE_LANGUAGE or not LANG_RE.match(lang or ""):
        return scheme, None, []
    tr, problems = load_translation(scheme, lang)
    return localise(scheme, tr), tr, problems


def current(t: Text | None, english: str) -> str | None:
    """The translated text when it is current (its fingerprint matches ``english``, or none
    was recorded); None when missing or stale (show the English instead)."""
    if t is None or not english:
        return None
    if t.source and t.source != fingerprint(english):
        return None
    return t.text


def localise(scheme: Scheme, tr: Translation | None) -> Scheme:
    """``scheme`` with its display texts in ``tr``'s language, each falling back to the English
    where it is not translated or its translation is stale. Codes, option values, scores,
    levels and band labels are unchanged, so scoring a localised scheme gives the same table."""
    if tr is None:
        return scheme

    def node(n: Node) -> Node:
        nt = tr.nodes.get(n.code)
        kids = tuple(node(ch) for ch in n.children)
        changes: dict[str, Any] = {"children": kids} if n.children else {}
        if n.section:
            changes["section"] = tr.sections.get(n.section, n.section)
        if nt is not None:
            for name in ("title", "question", "help"):
                text = current(nt.get(name), getattr(n, name))
                if text is not None:
                    changes[name] = text
            if n.options:
                changes["options"] = tuple(
                    replace(o, label=current(nt.options.get(o.value), o.label if o.label != o.value else "") or o.label)
                    for o in n.options)
            if n.numeric is not None and n.numeric.unit:
                unit = current(nt.unit, n.numeric.unit)
                if unit is not None:
                    changes["numeric"] = replace(n.numeric, unit=unit)
        return replace(n, **changes) if changes else n

    root = node(scheme.root)
    title = current(tr.title, scheme.title) or scheme.title
    root = replace(root, title=title)
    nodes: list[Node] = []
    stack = [root]
    while stack:
        n = stack.pop()
        nodes.append(n)
        stack.extend(reversed(n.children))
    return replace(scheme, title=title, root=root, nodes=tuple(nodes),
                   description=current(tr.description, scheme.description) or scheme.description,
                   source=current(tr.source, scheme.source) or scheme.source)


# ----------------------------------------------------------------------------------------------
# writing a translation file (a skeleton, or a refreshed one)


def _quoted(s: str) -> str:
    import json

    return json.dumps(s, ensure_ascii=False)


def _text_lines(key: str, english: str, t: Text | None, indent: str) -> list[str]:
    """``# en: ...`` comment lines, then ``key: {source: f, text: "..."}`` (a long text folded)."""
    from .template import _printable

    out = [f"{indent}# {line}" for line in
           textwrap.wrap("en: " + " ".join(_printable(english).split()), 96 - len(indent),
                         break_long_words=False, break_on_hyphens=False)]
    # a stale translation keeps its old fingerprint (it stays reported until revised); a text
    # without one is taken as translated from the current English; a blank gets the current one
    source = t.source if t is not None and t.source else fingerprint(english)
    text = t.text if t is not None else ""
    if len(text) <= 60 or "\n" in text or _printable(text) != text:
        out.append(f'{indent}{key}: {{source: "{source}", text: {_quoted(text)}}}')
    else:
        out.append(f"{indent}{key}:")
        out.append(f'{indent}  source: "{source}"')
        out.append(f"{indent}  text: >-")
        out += [f"{indent}    {line}" for line in
                textwrap.wrap(" ".join(text.split()), 96 - len(indent) - 4, break_long_words=False, break_on_hyphens=False)]
    return out


def skeleton(scheme: Scheme, lang: str, existing: Translation | None = None) -> str:
    """The text of a translation file of ``scheme`` into ``lang``: every English text as a
    comment above its translation (blank where there is none yet), each with the fingerprint
    of its English. ``existing`` translations are kept, stale ones with their old fingerprint."""
    from .template import _key

    ex = existing or Translation(scheme.id, lang)
    out = [
        f"# {scheme.id} in {lang}: a translation file (README, 'Translation files'). Each text carries the",
        "# fingerprint (`source`) of the English it translates; when the English changes, `indexer validate`",
        "# reports the translation as stale. Fill in `text`; then `indexer translate "
        f"{scheme.id} --lang {lang} --update`.",
        f"translation: {_key(scheme.id)}",
        f"language: {lang}",
        f"version: {_quoted(scheme.version)}",
    ]
    if ex.translator:
        out.append(f"translator: {_quoted(ex.translator)}")
    for name in SCHEME_TEXTS:
        english = getattr(scheme, name)
        if english:
            out += _text_lines(name, english, getattr(ex, name), "")
    for kind, labels in source_labels(scheme).items():
        given: Mapping[str, str] = getattr(ex, kind)
        if not labels:
            continue
        out.append(f"{kind}:  # English label: translation")
        for lab in labels:
            out.append(f"  {_quoted(lab)}: {_quoted(given.get(lab, ''))}")
    out.append("nodes:")
    for n in scheme.nodes[1:]:
        nt = ex.nodes.get(n.code) or NodeTexts(n.code)
        if not n.is_leaf:
            out.append("")
        out.append(f"  {_key(n.code)}:")
        body: list[str] = []
        opts: list[str] = []
        for keypath, english in _node_sources(n):
            if keypath[0] == "options":
                opts += _text_lines(_key(keypath[1]), english, nt.options.get(keypath[1]), "      ")
            else:
                body += _text_lines(keypath[0], english, nt.get(keypath[0]), "    ")
        if opts:
            body += ["    options:"] + opts
        out += body or ["    {}"]
    return "\n".join(out) + "\n"


__all__ = ["Text", "NodeTexts", "Translation", "fingerprint", "parse_translation", "check_translation",
           "load_translation", "localise", "skeleton", "source_texts", "source_labels", "translation_path",
           "available_languages", "current", "translated", "SOURCE_LANGUAGE"]
