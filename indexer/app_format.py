"""How the app writes values: scores, shares, ranks, bounds and verdicts in the app's language,
country, scheme and baseline labels, and tables turned into display text. Pure functions (no
widgets), shared by the pages and the figures.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd

from .app_lang import current as current_language
from .i18n import country_name as cldr_country_name
from .i18n import fmt_number, t
from .model import (
    Group,
    Node,
    Profile,
    Scheme,
)

STAT_LABELS = {"median": "median", "mean": "mean", "min": "minimum", "max": "maximum"}


SCORE = "{:.1f}"


GAP = "{:+.1f}"


PCT = "{:.0%}"


#: beside a baseline's n where the value rests on fewer than half of the group's members
THIN_MARK = "⚠"


def none_if(value: Any, sentinel: Any) -> Any:
    return None if value == sentinel else value


def answer_text(node: Node, answer: str | None) -> str:
    """An answer as a reader sees it (see :meth:`Node.answer_text`)."""
    return node.answer_text(answer)


def is_missing(v: Any) -> bool:
    if v is None or v is pd.NA:
        return True
    try:
        return bool(pd.isna(v))
    except (TypeError, ValueError):
        return False


def number_or_none(v: Any) -> float | None:
    """``v`` as a float, or None where it is missing (:func:`is_missing`)."""
    return None if is_missing(v) else float(v)


def fmt_score(v: Any, digits: int = 1) -> str:
    """A score as shown (rounded for display only, written as the app's language writes
    numbers: ``66.7``, ``66,7``); – for none."""
    if is_missing(v):
        return "–"
    lang = current_language()
    return f"{float(v):.{digits}f}" if lang == "en" else fmt_number(float(v), lang, digits)


def fmt_pct(v: Any) -> str:
    if is_missing(v):
        return "–"
    lang = current_language()
    return f"{float(v) * 100:.0f}%" if lang == "en" else f"{fmt_number(float(v) * 100, lang, 0)}%"


def fmt_int(v: Any) -> str:
    return "–" if is_missing(v) else str(int(v))


def fmt_rank(rank: Any, n: Any) -> str:
    return "–" if is_missing(rank) else t("rank.of", current_language(), rank=int(rank), n=fmt_int(n))


def is_open_interval(lower: Any, upper: Any) -> bool:
    """True where bounds exist and differ: the score can still move (SPEC §3.1)."""
    return not is_missing(lower) and not is_missing(upper) and float(lower) != float(upper)


def fmt_bounds(lower: Any, upper: Any, words: bool = False) -> str:
    """``12.5–70.8`` (or ``between 12.5 and 70.8``) for open bounds; the point if they meet; – for none."""
    if is_missing(lower) or is_missing(upper):
        return "–"
    if not is_open_interval(lower, upper):
        return fmt_score(lower)
    if words:
        return t("w.between", current_language(), a=fmt_score(lower), b=fmt_score(upper))
    return f"{fmt_score(lower)}–{fmt_score(upper)}"


def fmt_rank_bounds(best: Any, worst: Any, n: Any) -> str:
    """``3–9 of 28`` where the bounds leave room, ``3 of 28`` where they meet."""
    if is_missing(best) or is_missing(worst):
        return "–"
    span = f"{int(best)}" if int(best) == int(worst) else f"{int(best)}–{int(worst)}"
    # the pool of the rank bounds counts the country itself even where it has no score yet
    # (rank_n counts the ranked only): never "5–28 of 27"
    pool = int(worst) if is_missing(n) else max(int(n), int(worst))
    return t("rank.of", current_language(), rank=span, n=fmt_int(pool))


VERDICT_KEYS = ("verdict.above", "verdict.below", "verdict.equal", "verdict.undetermined")


VERDICT_WORDS = {"above": "above", "below": "below", "equal": "level with",
                 "undetermined": "undetermined against"}


def fmt_verdict(verdict: Any, group: Group | None, stat: str) -> str:
    """``above the EU27 mean whatever the open answers`` and the like; '' without a verdict."""
    if group is None or is_missing(verdict) or not verdict:
        return ""
    base = baseline_label(group, stat)
    if f"verdict.{verdict}" in VERDICT_KEYS:
        return t(f"verdict.{verdict}", current_language(), base=base)
    return f"{VERDICT_WORDS.get(verdict, verdict)} the {base} whatever the open answers"


def country_label(code: str, lang: str | None = None) -> str:
    """``Kazakhstan (KZ)``, ``Казахстан (KZ)``: the name in ``lang`` (default: the app's), CLDR's."""
    name = cldr_country_name(code, lang or current_language())
    return code if name == code else f"{name} ({code})"


def scheme_label(scheme: Scheme) -> str:
    return f"{scheme.title} ({scheme.id} {scheme.version})"


def stat_label(stat: str, lang: str | None = None) -> str:
    """``median``, ``медиана``: a statistic's name in ``lang`` (default: the app's)."""
    return t(f"stat.{stat}", lang or current_language()) if stat in STAT_LABELS else stat


def baseline_label(group: Group | None, stat: str, lang: str | None = None) -> str:
    lang = lang or current_language()
    if group is None:
        return t("base.none", lang)
    return t("base.label", lang, group=group.name, stat=stat_label(stat, lang))


def coding_text(coding: str, provenance: str) -> str:
    """A coding as every view names it: its provenance, and its own id where it has one."""
    return provenance if coding == provenance else f"{coding} ({provenance})"


def n_text(r: Any) -> str:
    """A baseline's n as the charts show it: ``8 ⚠ thin`` when it is thin (compare.is_thin)."""
    thin = f" {THIN_MARK} " + t("fig.thin", current_language()) if getattr(r, "thin", False) else ""
    return fmt_int(r.baseline_n) + thin


def no_score_reason(scheme: Scheme, node: Node, coverage: Any) -> str:
    """Why a node has no score, in words (for a caption), from its coverage and the scheme's
    ``min_coverage`` rule (the rule is the engine's; this only explains it)."""
    mc = scheme.min_coverage_of(node)
    lang = current_language()
    if is_missing(coverage):
        return t("noscore.nothing", lang)
    if coverage == 0:
        return t("noscore.none", lang)
    if mc > 0 and coverage < mc:
        return t("noscore.below", lang, cov=fmt_pct(coverage), need=fmt_pct(mc))
    return t("noscore.parts", lang)


def display_frame(df: pd.DataFrame, formats: Mapping[str, str] | None = None) -> pd.DataFrame:
    """The table as text for display: numbers in ``formats`` (``{"score": "{:.1f}"}``) rounded
    for display only, and – wherever a value is missing (Streamlit would show "None")."""
    formats = formats or {}
    out = df.copy()
    for col in out.columns:
        fmt = formats.get(col)
        vals = out[col].tolist()
        if fmt is not None:
            out[col] = ["–" if is_missing(v) else _formatted(fmt, v) for v in vals]
        elif any(is_missing(v) for v in vals):
            out[col] = ["–" if is_missing(v) else str(v) for v in vals]
    return out


def _formatted(fmt: str, v: Any) -> str:
    """``fmt.format(v)``, or in another language than English its numbers as CLDR writes them
    (the formats the pages use: scores, gaps, percentages, ``{:.Nf}``, ``{:g}``)."""
    lang = current_language()
    if lang == "en" or not isinstance(v, int | float):
        return fmt.format(v)
    m = re.fullmatch(r"\{:(\+?)\.(\d)([f%])\}", fmt)
    if m:
        x = float(v) * (100 if m.group(3) == "%" else 1)
        text = fmt_number(abs(x) if m.group(1) else x, lang, int(m.group(2)))
        if m.group(1):
            text = ("+" if x >= 0 else "−") + text
        return text + ("%" if m.group(3) == "%" else "")
    if fmt == "{:g}":
        return fmt_number(float(v), lang)
    return fmt.format(v)


def illustrative_countries(profiles: Iterable[Profile]) -> list[str]:
    return sorted({p.country for p in profiles if p.is_illustrative})
