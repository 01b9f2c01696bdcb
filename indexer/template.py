"""Template: a blank questionnaire for a scheme, country and year, as commented YAML.

Every indicator appears with its question, help and options as comments above a blank answer,
so the file validates as a draft (one ``missing-answer`` warning per indicator).
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING

from .i18n import DEFAULT_LANGUAGE, country_name, fmt_number, t
from .model import Node, Scheme
from .translate import localise

if TYPE_CHECKING:
    from .translate import Translation

#: characters YAML does not allow anywhere in a file, comments included (PyYAML's reader)
_NON_PRINTABLE = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _printable(text: str) -> str:
    """Text for a comment: a control character (say ESC in a title) would make the file unreadable."""
    return _NON_PRINTABLE.sub("\ufffd", text)


def _comment(text: str, indent: str, prefix: str = "") -> list[str]:
    lines = []
    for i, raw in enumerate(_printable(str(text)).strip().splitlines() or [""]):
        lead = prefix if i == 0 else " " * len(prefix)
        lines.append(f"{indent}# {lead}{raw.rstrip()}".rstrip())
    return lines


def _yaml_str(s: str) -> str:
    # JSON's escapes are YAML's: control characters too (a raw one would make the file unreadable)
    return json.dumps(s, ensure_ascii=False)


#: words that YAML readers take for null or a boolean (this project's loader keeps booleans as text)
_SPECIAL_WORDS = {"null", "true", "false", "yes", "no", "on", "off", "y", "n"}


def _key(code: str) -> str:
    """A code or id as YAML: plain when every YAML reader keeps it as that text, else quoted
    (``1.10``, ``010``, ``12`` would be read as numbers, ``null`` as nothing)."""
    if code[:1].isalpha() and code.isascii() and code.lower() not in _SPECIAL_WORDS:
        return code
    return _yaml_str(code)


def _one_line(text: str) -> str:
    """A title on one line (a multi-line title would end the comment it is written in)."""
    return " ".join(_printable(str(text)).split())


def template(scheme: Scheme, country: str, year: int, *, coder: str = "", lang: str = "en",
             translation: Translation | None = None) -> str:
    """The questionnaire text for ``country`` and ``year`` under ``scheme``.

    With ``lang`` (and the scheme's ``translation`` into it) the comments are in that language:
    the interface's words from ``indexer.i18n``, the scheme's texts from the translation (each
    falling back to English where it is missing or stale), the country's name and the numbers
    from CLDR. YAML keys, codes and option values stay English, so the file reads the same.
    """
    shown = localise(scheme, translation)
    out = [
        "# " + t("template.title", lang, title=_one_line(shown.title), id=scheme.id, version=_one_line(scheme.version)),
        "# " + t("template.country", lang, code=country, name=country_name(country, lang), year=year),
    ]
    if lang != DEFAULT_LANGUAGE:
        out.append("# " + t("template.language", lang))
        fallback = _english_fallbacks(scheme, shown)
        if fallback:
            out.append("# " + t("template.stale", lang, n=fallback))
    out += ["# " + t(key, lang) for key in ("template.how1", "template.how2", "template.example1",
                                             "template.example2", "template.confidence", "template.blank")]
    out += [
        "",
        f"scheme: {_key(scheme.id)}",
        f"country: {_yaml_str(country)}",
        f"year: {year}",
        f"scheme_version: {_yaml_str(scheme.version)}",
        "status: draft",
        "provenance: expert",
        f"coder: {_yaml_str(coder)}",
        "answers:",
    ]
    section = ""
    for node in shown.nodes[1:]:
        if node.depth == 1:
            section = ""
        # a section label groups the questions of an area (it is not a scoring level); it heads
        # the first of its questions, or the indicator whose first question opens it
        first = node if node.is_leaf else next((x for x in shown.descendants(node.code) if x.is_leaf), None)
        if first is not None and node.depth > 1 and first.section and first.section != section:
            section = first.section
            out += ["", f"  # --- {_one_line(section)}"]
        out.extend(_node_lines(node, lang, translation))
    return "\n".join(out) + "\n"


def _english_fallbacks(scheme: Scheme, shown: Scheme) -> int:
    """How many of the scheme's texts the localised scheme still shows in English."""
    from .translate import source_texts

    english = dict(source_texts(scheme))
    now = dict(source_texts(shown))
    return sum(1 for k, v in english.items() if now.get(k) == v)


def _node_lines(node: Node, lang: str = DEFAULT_LANGUAGE, translation: Translation | None = None) -> list[str]:
    ind = "  "
    if not node.is_leaf:
        bar = "=" if node.depth == 1 else "-"
        level = translation.level(node.level) if translation is not None else node.level
        return ["", f"{ind}# {bar * 3} {node.code} {_one_line(node.title)} ({_one_line(level)})".rstrip()]
    lines = [f"{ind}# {node.code} {_one_line(node.title)}".rstrip()]
    if node.question:
        lines += _comment(node.question, ind, t("template.question", lang))
    if node.help:
        lines += _comment(node.help, ind, t("template.help", lang))
    if node.numeric is not None:
        num = node.numeric
        if num.normalise is None:
            rng = f"{fmt_number(num.min, lang)}..{fmt_number(num.max, lang)}"
        else:
            rng = t("template.normalised", lang, method=num.normalise)
        unit = f" {_one_line(num.unit)}" if num.unit else ""
        lines.append(f"{ind}#   " + t("template.numeric", lang, unit=unit, range=rng, best=t(f"best.{num.best}", lang)))
    for o in node.options:
        lines += _comment(f"{o.label} ({fmt_number(o.score, lang)})", ind, f"  {o.value} = ")
    lines.append(f"{ind}{_key(node.code)}:")
    return lines
