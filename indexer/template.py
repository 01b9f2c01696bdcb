"""Template: a blank questionnaire for a scheme, country and year, as commented YAML.

Every indicator appears with its question, help and options as comments above a blank answer,
so the file validates as a draft (one ``missing-answer`` warning per indicator).
"""

from __future__ import annotations

from .countries import country_name
from .model import Node, Scheme


def _comment(text: str, indent: str, prefix: str = "") -> list[str]:
    lines = []
    for i, raw in enumerate(str(text).strip().splitlines() or [""]):
        lead = prefix if i == 0 else " " * len(prefix)
        lines.append(f"{indent}# {lead}{raw.rstrip()}".rstrip())
    return lines


def _yaml_str(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def template(scheme: Scheme, country: str, year: int, *, coder: str = "") -> str:
    """The questionnaire text for ``country`` and ``year`` under ``scheme``."""
    out = [
        f"# Questionnaire: {scheme.title} ({scheme.id}, version {scheme.version})",
        f"# Country: {country} ({country_name(country)}), reference year {year}.",
        "# Answer each indicator with one option value (or a number for numeric indicators),",
        "# or n/a where it does not apply. Cite the law behind every answer in the long form:",
        '#   CODE: {answer: b, source: "Law No. ..., art. N", note: "...", url: "https://..."}',
        "# Leave an answer blank until you know it: blank answers are reported as missing.",
        "",
        f"scheme: {scheme.id}",
        f"country: {_yaml_str(country)}",
        f"year: {year}",
        "status: draft",
        "provenance: expert",
        f"coder: {_yaml_str(coder)}",
        "answers:",
    ]
    for node in scheme.nodes[1:]:
        out.extend(_node_lines(node))
    return "\n".join(out) + "\n"


def _node_lines(node: Node) -> list[str]:
    ind = "  "
    if not node.is_leaf:
        bar = "=" if node.depth == 1 else "-"
        return ["", f"{ind}# {bar * 3} {node.code} {node.title} ({node.level})".rstrip()]
    lines = [f"{ind}# {node.code} {node.title}".rstrip()]
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
        unit = f" {num.unit}" if num.unit else ""
        lines.append(f"{ind}#   a number{unit}, {rng}, best {num.best}")
    for o in node.options:
        lines += _comment(f"{o.label} ({o.score:g})", ind, f"  {o.value} = ")
    lines.append(f"{ind}{node.code}:")
    return lines
