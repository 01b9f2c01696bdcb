"""Template: a blank questionnaire for a scheme, country and year, as commented YAML.

Every indicator appears with its question, help and options as comments above a blank answer,
so the file validates as a draft (one ``missing-answer`` warning per indicator).
"""

from __future__ import annotations

import json
import re

from .countries import country_name
from .model import Node, Scheme

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


def template(scheme: Scheme, country: str, year: int, *, coder: str = "") -> str:
    """The questionnaire text for ``country`` and ``year`` under ``scheme``."""
    out = [
        f"# Questionnaire: {_one_line(scheme.title)} ({scheme.id}, version {_one_line(scheme.version)})",
        f"# Country: {country} ({country_name(country)}), reference year {year}.",
        "# Answer each indicator with one option value (or a number for numeric indicators),",
        "# or n/a where it does not apply. Cite the law behind every answer in the long form:",
        '#   CODE: {answer: b, source: "Law No. ..., art. N", url: "https://...",',
        '#          quote: "the provision\'s own words", confidence: high, note: "..."}',
        "# (confidence: high when the quoted provision settles the answer by itself, else medium).",
        "# Leave an answer blank until you know it: blank answers are reported as missing.",
        "",
        f"scheme: {_key(scheme.id)}",
        f"country: {_yaml_str(country)}",
        f"year: {year}",
        "status: draft",
        "provenance: expert",
        f"coder: {_yaml_str(coder)}",
        "answers:",
    ]
    section = ""
    for node in scheme.nodes[1:]:
        if not node.is_leaf:
            section = ""
        elif node.section and node.section != section:
            # a section label groups the questions of an area (it is not a scoring level)
            section = node.section
            out += ["", f"  # --- {_one_line(section)}"]
        out.extend(_node_lines(node))
    return "\n".join(out) + "\n"


def _node_lines(node: Node) -> list[str]:
    ind = "  "
    if not node.is_leaf:
        bar = "=" if node.depth == 1 else "-"
        return ["", f"{ind}# {bar * 3} {node.code} {_one_line(node.title)} ({node.level})".rstrip()]
    lines = [f"{ind}# {node.code} {_one_line(node.title)}".rstrip()]
    if node.question:
        lines += _comment(node.question, ind, "Q: ")
    if node.help:
        lines += _comment(node.help, ind, "help: ")
    if node.numeric is not None:
        num = node.numeric
        if num.normalise is None:
            rng = f"{num.min:g}..{num.max:g}"
        else:
            rng = f"normalised ({num.normalise}) across countries"
        unit = f" {_one_line(num.unit)}" if num.unit else ""
        lines.append(f"{ind}#   a number{unit}, {rng}, best {num.best}")
    for o in node.options:
        lines += _comment(f"{o.label} ({o.score:g})", ind, f"  {o.value} = ")
    lines.append(f"{ind}{_key(node.code)}:")
    return lines
