"""Country profile PDFs: ``report_data`` (plain JSON-able data) → ``render_pdf`` (typst).

Two stages, so the app, the CLI and tests can each use the part they need:

- :func:`report_data` gathers everything a profile shows (scores, baseline, ranks, strongest and
  weakest indicators, changes since the previous profile, the largest gaps, the annex of answers
  with their citations) as plain data: dicts, lists, strings, numbers and ``None``. Numbers are
  never rounded here.
- :func:`render_pdf` turns that data into a PDF: matplotlib draws the charts as vector SVG, the
  typst template ``templates/report.typ`` lays out the pages (DejaVu Sans, shipped with
  matplotlib, so Latin, Cyrillic and Armenian print without system fonts). Only here are numbers
  formatted for display (1 decimal, like ``indexer score``).

:func:`profile_pdf` does both (the app's download button); :func:`report_all` renders many
countries in a ``spawn`` process pool (a process that ran typst deadlocks a forked pool).

Extra sections (robustness bands, policy-transfer gaps, …) are computed elsewhere and passed in
as ``extras``; see :func:`report_data` for their shape.
"""

from __future__ import annotations

import datetime as _dt
import gettext
import json
import math
import multiprocessing
import os
import re
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from contextvars import ContextVar
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import __version__
from .i18n import DEFAULT_LANGUAGE, fmt_number
from .i18n import country_name as cldr_country_name
from .model import DEFAULT_STAT, NOT_APPLICABLE, ROOT, Group, Node, Profile, Scheme
from .report_charts import _band_colour, _is_open, area_chart_svg, history_chart_svg
from .report_sections import analyses  # noqa: F401 - the sections beyond MIPEX, re-exported for callers

if TYPE_CHECKING:  # rendering (the spawn workers) never needs pandas: compare is imported lazily
    from .compare import Comparison, Scored

TEMPLATE = Path(__file__).with_name("templates") / "report.typ"
#: the language of the profile being built or rendered (``report_data(lang=...)``; ``data["lang"]``)
_LANG: ContextVar[str] = ContextVar("report_lang", default=DEFAULT_LANGUAGE)


def _w(key: str, /, **kw: Any) -> str:
    """A message of the catalogue in the profile's language."""
    from .i18n import t

    return t(key, _LANG.get(), **kw)
TODO_N = 10  # open indicators listed in the profile's to-do list

#: the language of a country's name in its own script, where that is one clear language
#: (pycountry's iso3166-1 translations). Others show the English name only.
NATIVE_LANGUAGE = {
    "AM": "hy", "AZ": "az", "BG": "bg", "BY": "be", "GE": "ka", "GR": "el", "KG": "ky",
    "KZ": "kk", "MK": "mk", "MN": "mn", "RS": "sr", "RU": "ru", "TJ": "tg", "UA": "uk", "UZ": "uz",
    "AT": "de", "DE": "de", "CZ": "cs", "DK": "da", "EE": "et", "ES": "es", "FR": "fr",
    "HR": "hr", "HU": "hu", "IS": "is", "IT": "it", "LT": "lt", "LV": "lv", "NL": "nl", "NO": "nb",
    "PL": "pl", "PT": "pt", "RO": "ro", "SE": "sv", "SI": "sl", "SK": "sk", "TR": "tr", "FI": "fi",
    "JP": "ja", "KR": "ko", "CN": "zh_CN", "IL": "he", "BR": "pt_BR", "MX": "es", "AR": "es", "CL": "es",
}

#: languages whose script DejaVu Sans (the report's font) cannot print
_UNPRINTABLE = {"ja", "ko", "zh_CN"}

ILLUSTRATIVE_NOTICE = ("ILLUSTRATIVE DATA: not a published or official coding. These answers and scores "
                       "show how the index works; they do not describe the law in force.")

TOP_N = 5
GAPS_N = 8
CHANGES_N = 12


class ReportError(ValueError):
    """A report that cannot be made (no profile of the country, unknown statistic, …)."""


# ----------------------------------------------------------------------------------------------
# names


@lru_cache(maxsize=512)
def native_name(code: str) -> str | None:
    """The country's name in its own language and script (Қазақстан, Հայաստան), if known and
    different from the English name; ``None`` otherwise."""
    lang = NATIVE_LANGUAGE.get(code)
    if lang is None or lang in _UNPRINTABLE:
        return None
    try:
        import pycountry

        c = pycountry.countries.get(alpha_2=code)
        if c is None:
            return None
        t = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
        name = t.gettext(c.name)
    except (OSError, ImportError, LookupError):
        return None
    if not name or name in (c.name, cldr_country_name(code)) or "," in name:
        return None
    return name


# ----------------------------------------------------------------------------------------------
# data


def _num(v: Any) -> float | None:
    if v is None or type(v).__name__ == "NAType":
        return None
    v = float(v)
    return None if math.isnan(v) else v


def _int(v: Any) -> int | None:
    f = _num(v)
    return None if f is None else int(f)


def _row(r: Any) -> dict[str, Any]:
    """A comparison table row as plain data."""
    return {
        "code": r.code, "title": _w("pdf.overall") if r.depth == 0 else (r.title or r.code), "level": r.level,
        "depth": int(r.depth), "score": _num(r.score), "band": r.band or "", "coverage": _num(r.coverage),
        "baseline": _num(r.baseline), "gap": _num(r.gap), "baseline_n": _int(r.baseline_n),
        "rank": _int(r.rank), "rank_n": _int(r.rank_n), "thin": bool(getattr(r, "thin", False)),
        # bounds of a partly coded profile (SPEC §3.1)
        "lower": _num(r.lower), "upper": _num(r.upper), "baseline_lower": _num(r.baseline_lower),
        "baseline_upper": _num(r.baseline_upper), "verdict": r.verdict or "",
        "rank_best": _int(r.rank_best), "rank_worst": _int(r.rank_worst),
    }



def answer_text(node: Node, answer: str | None) -> str:
    """An answer as a reader sees it (see :meth:`Node.answer_text`), in the profile's language."""
    if answer == NOT_APPLICABLE:
        return _w("pdf.not_applicable")
    return node.answer_text(answer)


def _profile_meta(p: Profile) -> dict[str, Any]:
    return {
        "year": p.year, "status": p.status, "provenance": p.provenance, "coding": p.coding, "coder": p.coder,
        "reviewer": p.reviewer, "title": p.title, "source": p.source, "notes": p.notes,
        "file": os.path.basename(p.path) if p.path else "",
        "has_answers": bool(p.answers), "given_scores": sorted(p.scores),
    }


def _scheme_meta(s: Scheme) -> dict[str, Any]:
    return {
        "id": s.id, "title": s.title, "version": s.version, "source": s.source,
        "description": s.description, "scale": [s.scale[0], s.scale[1]], "levels": list(s.levels),
        "bands": [{"min": b.min, "label": b.label} for b in s.bands],
        "n_indicators": len(s.leaves), "n_areas": len(s.root.children),
    }


def report_data(
    scheme: Scheme,
    profiles: Sequence[Profile] | Scored,
    country: str,
    *,
    group: Group | None = None,
    stat: str = DEFAULT_STAT,
    year: int | None = None,
    extras: Mapping[str, Mapping[str, Any]] | None = None,
    top: int = TOP_N,
    coding: Sequence[str] = (),
    lang: str = DEFAULT_LANGUAGE,
) -> dict[str, Any]:
    """Everything the country profile of ``country`` shows, as plain JSON-able data.

    ``lang``: the language of the profile's words (message catalogue), of the scheme's texts
    (its translation file, ``translate.translated``; English where there is none), of the
    country's name (CLDR) and of its numbers. Scores do not depend on it.

    ``year``: the country's profile for that year or its latest earlier one (default: its
    latest). ``group``/``stat``: the baseline (each member's profile up to the same year).
    ``profiles`` may be a :class:`~indexer.compare.Scored` to score many countries once.

    ``extras`` adds sections computed elsewhere, keyed by name, each a mapping with
    ``title`` (str), optional ``text`` (str), optional ``columns`` (list of str) and ``rows``
    (list of lists of str/number/None), optional ``note`` (str). Two names are placed where they
    belong rather than at the end: ``robustness`` (its optional ``overall`` =
    ``{"lo": 3, "hi": 8}``, the 5–95 % rank band, is shown next to the overall rank) and
    ``transfer`` (policy-transfer gaps, after the largest gaps). Raises :class:`ReportError`.
    """
    token = _LANG.set(lang)
    try:
        return _report_data(scheme, profiles, country, group=group, stat=stat, year=year, extras=extras, top=top,
                            coding=coding, lang=lang)
    finally:
        _LANG.reset(token)


def _report_data(scheme: Scheme, profiles: Sequence[Profile] | Scored, country: str, *, group: Group | None,
                 stat: str, year: int | None, extras: Mapping[str, Mapping[str, Any]] | None, top: int,
                 coding: Sequence[str], lang: str) -> dict[str, Any]:
    from .compare import CompareError, Scored, compare, empty_baseline_notes, thin_notes
    from .translate import translated

    translation = None
    if lang != DEFAULT_LANGUAGE:
        # the scheme's texts in the language; codes, values and scores are the same
        scheme, translation, _ = translated(scheme, lang)
    scored = profiles if isinstance(profiles, Scored) else Scored.of(scheme, profiles)
    if tuple(coding) != scored.prefer:  # the codings preferred where a country-year has several
        scored = scored.choose(coding)
    try:
        cmp_ = compare(scheme, scored, [country], group=group, stat=stat, year=year)
    except CompareError as err:
        raise ReportError(str(err)) from None
    used_year = cmp_.years_used[country]
    row_i = scored.row_for(country, used_year)[1]
    profile = scored.profile(row_i)
    t = cmp_.table
    rows = [_row(r) for r in t.itertuples(index=False)]
    by_code = {r["code"]: r for r in rows}

    # the group's range at each area, for the chart
    if group is not None and cmp_.members_used:
        lo = compare(scheme, scored, [country], group=group, stat="min", year=cmp_.year, level=1).table
        hi = compare(scheme, scored, [country], group=group, stat="max", year=cmp_.year, level=1).table
        for r_lo, r_hi in zip(lo.itertuples(index=False), hi.itertuples(index=False), strict=True):
            by_code[r_lo.code]["min"] = _num(r_lo.baseline)
            by_code[r_hi.code]["max"] = _num(r_hi.baseline)

    overall = by_code[ROOT]
    areas = [r for r in rows if r["depth"] == 1]
    baseline = None
    notes: list[str] = []
    if year is not None and used_year < year:
        notes.append(_w("pdf.n.no_profile_year", country=country, year=year, used=used_year))
    if group is not None:
        carried = {m: y for m, y in cmp_.members_used.items() if y < cmp_.year and m != country}
        missing = [m for m in group.members if m not in cmp_.members_used]
        baseline = {
            "group": group.name, "title": group.title or group.name, "stat": stat,
            "members": len(group.members), "members_used": len(cmp_.members_used),
            "missing": missing, "carried": dict(sorted(carried.items())),
            "is_member": country in group.members, "year": cmp_.year,
        }
        if carried:
            notes.append(_w("pdf.n.carried", year=cmp_.year,
                            items=", ".join(f"{m} {y}" for m, y in sorted(carried.items()))))
        if missing:
            notes.append(_w("pdf.n.missing", group=group.name, year=cmp_.year, items=", ".join(missing)))
        shown = [ROOT, *(k.code for k in scheme.root.children)]  # the nodes whose n the profile prints
        thin = " ".join(n.text(lang) for n in thin_notes(cmp_, shown))
        if thin:
            notes.append("* " + thin)
        empty = " ".join(n.text(lang) for n in empty_baseline_notes(cmp_, scored, shown))
        if empty:
            notes.append(empty)
        if cmp_.illustrative_members:
            notes.append(_w("pdf.n.ill_members", items=", ".join(cmp_.illustrative_members)))
    if overall["score"] is None:
        cov = overall["coverage"]
        why = (_w("pdf.n.why_cov", cov=_pct(cov), need=_pct(scheme.min_coverage))
               if cov is not None and cov < scheme.min_coverage else _w("pdf.n.why_areas"))
        notes.append(_w("pdf.n.no_overall", why=why))

    unscored = []
    for a in areas:
        node = scheme.node(a["code"])
        need = scheme.min_coverage_of(node)
        if a["score"] is None and a["coverage"] is not None and a["coverage"] < need:
            unscored.append((a["title"], need))
    if unscored:
        needs = [_pct(n) for n in sorted({n for _, n in unscored})]
        level = translation.level(scheme.level_name(1)) if translation is not None else scheme.level_name(1)
        notes.append(_w("pdf.n.unscored", k=len(unscored), n=len(areas), level=level,
                        titles=", ".join(t for t, _ in unscored), needs=_w("pdf.or").join(needs)))

    strongest, weakest, basis = _strong_weak(scheme, profile, rows, top)
    data = {
        "format": 1,
        "generator": f"indexer {__version__}",
        "generated": _dt.date.today().isoformat(),
        "country": {"code": country, "name": cldr_country_name(country, lang),
                    "native": None if NATIVE_LANGUAGE.get(country) == lang else native_name(country)},
        "lang": lang,
        #: English band and level labels -> the language's (from the scheme's translation)
        "labels": {"bands": dict(translation.bands) if translation else {},
                   "levels": dict(translation.levels) if translation else {}},
        "scheme": _scheme_meta(scheme),
        "year": used_year,
        "asked_year": year,
        "profile": _profile_meta(profile),
        "illustrative": profile.is_illustrative,
        "notice": (ILLUSTRATIVE_NOTICE if lang == DEFAULT_LANGUAGE else _w("pdf.notice")) if profile.is_illustrative else None,
        "baseline": baseline,
        "overall": overall,
        "areas": areas,
        "nodes": [r for r in rows if r["depth"] > 0],
        "strongest": strongest,
        "weakest": weakest,
        "strength_basis": basis,
        "changes": _changes(scheme, scored, country, used_year, row_i),
        "history": _history(scheme, scored, country, profile.coding),
        "gaps": _gaps(cmp_, country) if group is not None else [],
        "comparable": sum(1 for r in rows if r["depth"] > 0 and r["score"] is not None
                          and r["baseline"] is not None),
        "annex": _annex(scheme, profile, by_code),
        "todo": _todo(scheme, scored, country, group, stat, used_year, top=TODO_N),
        "notes": notes,
        "extras": _extras(extras),
    }
    return data


def _todo(scheme: Scheme, scored: Scored, country: str, group: Group | None, stat: str, year: int,
          top: int) -> dict | None:
    """The coding to-do list (``indexer.todo``): the undetermined verdicts of the overall and the
    areas with what settles them, and the first ``top`` open indicators; None when nothing is open."""
    from .todo import todo

    res = todo(scheme, scored, country, group=group, stat=stat, year=year)
    if res.open.empty:
        return None
    nodes = res.nodes[res.nodes.depth <= 1]
    return {
        "n_open": len(res.open),
        "undetermined": [{"code": r.code, "title": _w("pdf.overall") if r.depth == 0 else r.title, "depth": int(r.depth),
                          "open_n": int(r.open_n), "to_settle": _int(r.to_settle), "settles_as": r.settles_as,
                          "first": r.first.split() if r.first else []}
                         for r in nodes.itertuples(index=False) if r.verdict == "undetermined"],
        "open": [{"order": int(r.order), "code": r.code, "title": r.title, "area": r.area,
                  "range": [_num(r.lowest), _num(r.highest)], "share": _num(r.share), "swing": _num(r.swing),
                  "decides": r.decides.split() if r.decides else []}
                 for r in res.open.head(top).itertuples(index=False)],
    }


def _strong_weak(scheme: Scheme, profile: Profile, rows: list[dict], top: int) -> tuple[list, list, str]:
    """The highest and lowest scored indicators (leaves); for a profile of given scores only,
    the nodes that carry them (e.g. areas)."""
    leaf_codes = {n.code for n in scheme.leaves}
    cand = [r for r in rows if r["code"] in leaf_codes and r["score"] is not None]
    basis = "indicator"
    if not cand:
        given = set(profile.scores) - {ROOT}
        cand = [r for r in rows if r["code"] in given and r["score"] is not None]
        basis = "given"
    if not cand:
        return [], [], basis
    k = min(top, max(1, len(cand) // 2))
    order = {r["code"]: i for i, r in enumerate(rows)}
    hi = sorted(cand, key=lambda r: (-r["score"], order[r["code"]]))[:k]
    lo_pool = [r for r in cand if r not in hi]
    lo = sorted(lo_pool, key=lambda r: (r["score"], order[r["code"]]))[:k]

    def with_answer(r: dict) -> dict:
        out = dict(r)
        if basis == "indicator":
            out["answer"] = answer_text(scheme.node(r["code"]), profile.answers.get(r["code"]))
        out["area"] = scheme.area_of(r["code"])
        return out

    return [with_answer(r) for r in hi], [with_answer(r) for r in lo], basis


def _title(node: Node) -> str:
    return _w("pdf.overall") if node.depth == 0 else (node.title or node.code)


def _changes(scheme: Scheme, scored: Scored, country: str, year: int, row: int) -> dict | None:
    """Changes since the country's previous profile of the same coding: scores of the overall,
    areas and dimensions (every composite node), and the answers that changed. A profile of
    another coding (MIPEX's published figures before a desk coding) is not an earlier state of
    this one: the difference would be the coders', not the law's, so it is not shown as a change."""
    now_p = scored.profile(row)
    prev = [(y, i) for y, i in scored.rows_in_coding(country, now_p.coding) if y < year]
    if not prev:
        return None
    py, pi = prev[-1]
    S = scored.arrays.score
    before_p = scored.profile(pi)
    nodes = []
    for k, n in enumerate(scheme.nodes):
        if n.is_leaf:
            continue
        a, b = _num(S[pi, k]), _num(S[row, k])
        if a is None and b is None:
            continue
        if a is not None and b is not None and abs(b - a) < 0.05:
            continue
        nodes.append({"code": n.code, "title": _title(n), "level": n.level, "depth": n.depth,
                      "before": a, "after": b, "change": None if a is None or b is None else b - a})
    answers = []
    for leaf in scheme.leaves:
        a, b = before_p.answers.get(leaf.code), now_p.answers.get(leaf.code)
        if a == b:
            continue
        k = scheme.index[leaf.code]
        answers.append({"code": leaf.code, "title": leaf.title or leaf.code,
                        "before": answer_text(leaf, a), "after": answer_text(leaf, b),
                        "score_before": _num(S[pi, k]), "score_after": _num(S[row, k])})
    return {"previous_year": py, "nodes": nodes, "answers": answers,
            "previous_provenance": before_p.provenance}


def _history(scheme: Scheme, scored: Scored, country: str, coding: str) -> dict:
    """The overall and area scores of every profile of the country in ``coding``, by year: a
    line joins the states of one coding only (MIPEX's published series and a desk coding of a
    later year are two readings, not a change of the law)."""
    years = scored.rows_in_coding(country, coding)
    S = scored.arrays.score
    codes = [ROOT] + [c.code for c in scheme.root.children]
    series = []
    for code in codes:
        k = scheme.index[code]
        vals = [_num(S[i, k]) for _, i in years]
        if any(v is not None for v in vals):
            node = scheme.node(code)
            series.append({"code": code, "title": _title(node),
                           "values": vals})
    return {"years": [y for y, _ in years], "series": series}


def _gaps(cmp_: Comparison, country: str) -> list[dict]:
    from .compare import gaps

    g = gaps(cmp_, country).head(GAPS_N)
    return [{"code": r.code, "title": r.title or r.code, "level": r.level, "depth": int(r.depth),
             "score": _num(r.score), "baseline": _num(r.baseline), "gap": _num(r.gap),
             "baseline_n": _int(r.baseline_n), "weight_share": _num(r.weight_share),
             "impact": _num(r.impact)} for r in g.itertuples(index=False)]


def _annex(scheme: Scheme, profile: Profile, by_code: dict[str, dict]) -> dict:
    """Every answer with the law it cites; or the scores the profile gives."""
    rows = []
    for leaf in scheme.leaves:
        ans = profile.answers.get(leaf.code)
        if ans is None:
            continue
        cit = profile.citations.get(leaf.code)
        rows.append({
            "code": leaf.code, "title": leaf.title or leaf.code, "area": scheme.area_of(leaf.code),
            "answer": ans, "answer_text": answer_text(leaf, ans),
            "score": by_code.get(leaf.code, {}).get("score"),
            "source": cit.source if cit else "", "note": cit.note if cit else "",
            "url": cit.url if cit else "", "quote": cit.quote if cit else "",
            "confidence": cit.confidence if cit else "",
        })
    given = []
    for code in scheme.index:
        if code in profile.scores:
            node = scheme.node(code)
            given.append({"code": code, "title": _title(node),
                          "score": profile.scores[code]})
    unanswered = [n.code for n in scheme.leaves if profile.answers.get(n.code) is None]
    kind = "answers" if rows or not given else "scores"
    return {"kind": kind, "rows": rows, "given": given,
            "n_answered": sum(1 for r in rows if r["answer"] != NOT_APPLICABLE),
            "n_na": sum(1 for r in rows if r["answer"] == NOT_APPLICABLE),
            "n_cited": sum(1 for r in rows if r["source"] or r["url"]),
            "unanswered": unanswered if rows else []}


def _extras(extras: Mapping[str, Mapping[str, Any]] | None) -> dict:
    out: dict[str, Any] = {}
    for name, sec in (extras or {}).items():
        if not isinstance(sec, Mapping):
            raise ReportError(f"extra section {name!r} must be a mapping with a title")
        sec = json.loads(json.dumps(dict(sec), default=_plain_json))  # plain data, or fail now
        sec.setdefault("title", name)
        out[name] = sec
    return out


def _plain_json(v: Any) -> Any:
    if hasattr(v, "item"):
        return v.item()
    if type(v).__name__ == "NAType":
        return None
    raise TypeError(f"not JSON-able: {type(v).__name__}")


# ----------------------------------------------------------------------------------------------
# display: formatted strings for the template


def fmt(v: float | None, digits: int = 1, sign: bool = False) -> str:
    """A number as shown in the profile (1 decimal, like ``indexer score``); – for none."""
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return "–"
    lang = _LANG.get()
    if lang != DEFAULT_LANGUAGE:  # CLDR's decimal sign and grouping (66,7)
        s = fmt_number(abs(v) if sign else v, lang, digits)
        if sign:
            s = ("−" if round(v, digits) < 0 else "+" if round(v, digits) > 0 else "±") + s
        return s.replace("-", "−")
    s = f"{v:+.{digits}f}" if sign else f"{v:.{digits}f}"
    if s in ("-0.0", "+0.0", "-0", "+0"):
        s = s[1:] if not sign else "±" + s[1:]
    return s.replace("-", "−")


def _pct(v: float | None, digits: int = 0) -> str:
    """A share as a percentage in the profile's language (``40%``, ``40 %``)."""
    from .notes import Pct, fmt_value

    return "–" if v is None else fmt_value(Pct(v, digits), _LANG.get())


def _rank(r: dict) -> str:
    """``3 of 27``; – without a rank or where the country would rank only against itself; while
    the profile is partly coded, the ranks it can still reach: ``2–9 of 27``."""
    if _is_open(r) and r.get("rank_best") is not None and (r.get("rank_n") or 0) >= 2:
        best, worst = r["rank_best"], r["rank_worst"]
        # the pool of the rank bounds counts the country itself even where it has no score yet
        # (rank_n counts the ranked only): "5–28 of 27" would read as a rank below the last
        return _w("rank.of", rank=best if best == worst else f"{best}–{worst}", n=max(r["rank_n"], worst))
    if r.get("rank") is None or (r.get("rank_n") or 0) < 2:
        return "–"
    return _w("rank.of", rank=r["rank"], n=r["rank_n"])


def _safe_link(url: str) -> str:
    """``url`` if a PDF may link to it (http, https, mailto), else '' (shown as text only: a
    ``javascript:`` or ``file:`` link in a PDF runs code or opens local files)."""
    return url if re.match(r"(?i)(https?://|mailto:)[^\s]", url.strip()) else ""


def _bounds(r: dict) -> str:
    """``12.5–70.8`` where the score can still move; '' where it is final."""
    return f"{fmt(r['lower'])}–{fmt(r['upper'])}" if _is_open(r) else ""


def _breakable(url: str) -> str:
    """A URL with break opportunities after / ? & = (zero-width spaces) so it wraps in a cell."""
    return "".join(ch + ("\u200b" if ch in "/?&=_-." else "") for ch in url)


def view(data: dict) -> dict:
    """The data with every number formatted for display, and the words in the profile's
    language (``d.w``, ``d.s``): what the template reads."""
    token = _LANG.set(data.get("lang", DEFAULT_LANGUAGE))
    try:
        return _view(data)
    finally:
        _LANG.reset(token)


def _view(data: dict) -> dict:
    from .report_words import sentences, stat_word, words

    d = data
    lang = _LANG.get()
    labels = d.get("labels") or {}
    bands, levels = labels.get("bands", {}), labels.get("levels", {})
    base = d["baseline"]
    stat_name = _w("base.label", group=base["group"], stat=stat_word(base["stat"], lang)) if base else ""

    def node_view(r: dict) -> dict:
        cov = r.get("coverage")
        return {**{k: v for k, v in r.items() if isinstance(v, str | int) and not isinstance(v, bool)},
                "score": fmt(r.get("score")), "baseline": fmt(r.get("baseline")),
                "gap": fmt(r.get("gap"), sign=True), "rank": _rank(r),
                "n": "" if r.get("baseline_n") is None else str(r["baseline_n"]) + ("*" if r.get("thin") else ""),
                "coverage": "" if cov is None or cov >= 1 else _pct(cov),
                "band": bands.get(r.get("band") or "", r.get("band") or ""), "answer": r.get("answer", ""),
                "level": levels.get(r.get("level") or "", r.get("level") or ""),
                "colour": _band_colour(d, r.get("score")) if r.get("band") else None,
                "has_range": r.get("min") is not None and r.get("max") is not None,
                "gap_neg": (r.get("gap") or 0) < 0,
                "bounds": _bounds(r), "verdict": _verdict_word(r.get("verdict") or "")}

    ov = d["overall"]
    robust = (d["extras"].get("robustness") or {}).get("overall")
    rank_band = f"{robust['lo']}–{robust['hi']}" if robust and "lo" in robust and "hi" in robust else ""
    country = d["country"]
    prof = d["profile"]
    v: dict[str, Any] = {
        "country": country, "scheme": d["scheme"], "year": str(d["year"]),
        "profile": {**prof, "year": str(prof["year"])},
        "illustrative": d["illustrative"], "notice": d["notice"] or "",
        "provenance_text": _provenance_text(prof["provenance"])
        + (_w("pdf.coding_id", coding=prof["coding"]) if prof.get("coding", prof["provenance"]) != prof["provenance"]
           else ""),
        "baseline": None if base is None else {
            **{k: base[k] for k in ("group", "title")}, "stat": stat_word(base["stat"], lang),
            "name": stat_name, "members": str(base["members"]), "members_used": str(base["members_used"]),
            "is_member": base["is_member"], "year": str(base["year"]),
        },
        "overall": {**node_view(ov), "rank_band": rank_band,
                    "top_colour": _band_colour(d, d["scheme"]["scale"][1])},
        "areas": [node_view(r) for r in d["areas"]],
        "strongest": [node_view(r) for r in d["strongest"]],
        "weakest": [node_view(r) for r in d["weakest"]],
        "strength_basis": d["strength_basis"],
        "level1": levels.get((d["scheme"]["levels"] or ["area"])[0], (d["scheme"]["levels"] or ["area"])[0]),
        "lang": lang,
        "history_span": "–".join(str(y) for y in sorted({min(d["history"]["years"] or [0]),
                                                            max(d["history"]["years"] or [0])})),
        "gaps": [{**node_view(r), "impact": fmt(r["impact"], 2)} for r in d["gaps"]],
        "comparable": d["comparable"],
        "notes": d["notes"],
        "todo": _todo_view(d.get("todo")),
        "generator": d["generator"], "generated": d["generated"],
        "changes": None, "annex": None, "extras": [],
        "robustness": None, "transfer": None,
    }
    ch = d["changes"]
    if ch is not None:
        v["changes"] = {
            "previous_year": str(ch["previous_year"]),
            "nodes": [{**r, "before": fmt(r["before"]), "after": fmt(r["after"]),
                       "change": fmt(r["change"], sign=True), "depth": r["depth"],
                       "neg": (r["change"] or 0) < 0} for r in ch["nodes"][:CHANGES_N]],
            "more_nodes": max(0, len(ch["nodes"]) - CHANGES_N),
            "answers": [{**r, "score_before": fmt(r["score_before"]), "score_after": fmt(r["score_after"])}
                        for r in ch["answers"][:CHANGES_N]],
            "more_answers": max(0, len(ch["answers"]) - CHANGES_N),
            "previous_provenance": ch["previous_provenance"],
        }
    an = d["annex"]
    v["annex"] = {
        "kind": an["kind"],
        "rows": [{**r, "score": fmt(r["score"]), "url_text": _breakable(r["url"]), "url_link": _safe_link(r["url"]),
                  "answer_text": r["answer_text"]} for r in an["rows"]],
        "given": [{**r, "score": fmt(r["score"])} for r in an["given"]],
        "n_answered": str(an["n_answered"]), "n_cited": str(an["n_cited"]), "n_na": str(an["n_na"]),
        "n_rows": str(len(an["rows"])), "unanswered": an["unanswered"],
    }
    for name, sec in d["extras"].items():
        sv = {"title": str(sec.get("title", name)), "text": str(sec.get("text", "") or ""),
              "note": str(sec.get("note", "") or ""),
              "columns": [str(c) for c in sec.get("columns", []) or []],
              "rows": [[_cell(c) for c in row] for row in sec.get("rows", []) or []],
              "widths": [1 if x else 0 for x in sec.get("widths", []) or []],
              "align": [str(x) for x in sec.get("align", []) or []]}
        if name in ("robustness", "transfer"):
            v[name] = sv
        else:
            v["extras"].append(sv)
    v["w"] = words(lang)
    v["s"] = sentences(d, v, lang)
    return v


def _verdict_word(verdict: str) -> str:
    """``above`` / ``выше``: a verdict in the profile's language ('' for none)."""
    return _w(f"pdf.verdict.{verdict}") if verdict in ("above", "below", "equal", "undetermined") else verdict


def _todo_view(td: dict | None) -> dict | None:
    if td is None:
        return None
    return {
        "n_open": str(td["n_open"]),
        "undetermined": [{**u, "to_settle": "" if u["to_settle"] is None else str(u["to_settle"]),
                          "first": " ".join(u["first"])} for u in td["undetermined"]],
        "open": [{"order": str(o["order"]), "code": o["code"], "title": o["title"], "area": o["area"],
                  "range": f"{fmt(o['range'][0], 0)}–{fmt(o['range'][1], 0)}", "share": _pct(o["share"], 1),
                  "swing": fmt(o["swing"]),
                  "decides": ", ".join(_w("level.overall") if c == ROOT else c for c in o["decides"]) or "–"} for o in td["open"]],
    }


def _cell(c: Any) -> str:
    if isinstance(c, bool) or c is None:
        return "–" if c is None else str(c)
    if isinstance(c, float):
        return fmt(c)
    return str(c)


def _provenance_text(p: str) -> str:
    return _w(f"pdf.prov.{p}") if p in ("official", "published", "expert", "illustrative") else p


# ----------------------------------------------------------------------------------------------
# PDF


def _font_dirs() -> list[str]:
    """Folders typst loads fonts from: matplotlib's DejaVu fonts (Latin, Cyrillic, Armenian)."""
    import matplotlib

    return [os.path.join(matplotlib.get_data_path(), "fonts", "ttf")]


_compiler = None
_compiler_pid = None
_lock = threading.Lock()


def _get_compiler() -> Any:
    global _compiler, _compiler_pid
    if _compiler is None or _compiler_pid != os.getpid():
        import typst

        _compiler = typst.Compiler(str(TEMPLATE), root=str(TEMPLATE.parent), font_paths=_font_dirs(),
                                   ignore_system_fonts=True)
        _compiler_pid = os.getpid()
    return _compiler


def render_pdf(data: dict) -> bytes:
    """The PDF of :func:`report_data`'s result (A4, 2–4 pages)."""
    v = view(data)
    inputs = {"data": json.dumps(v, ensure_ascii=False)}
    token = _LANG.set(data.get("lang", DEFAULT_LANGUAGE))
    try:
        with _lock:  # matplotlib's rc_context and the shared typst Compiler are not thread-safe
            chart = area_chart_svg(data)
            if chart:
                inputs["chart_areas"] = chart
            hist = history_chart_svg(data)
            if hist:
                inputs["chart_history"] = hist
            return bytes(_get_compiler().compile(format="pdf", sys_inputs=inputs))
    finally:
        _LANG.reset(token)


def profile_pdf(scheme: Scheme, profiles: Sequence[Profile] | Scored, country: str, *, runs: int = 2000,
                **kw: Any) -> bytes:
    """The country profile PDF of ``country`` (keywords as :func:`report_data`).

    Unless ``extras`` are given, the robustness band and the policy-transfer section are added
    when there is a baseline group (``runs=0`` leaves them out)."""
    if "extras" not in kw:
        kw["extras"] = analyses(scheme, profiles, country, group=kw.get("group"), stat=kw.get("stat", "median"),
                                year=kw.get("year"), runs=runs, lang=kw.get("lang", DEFAULT_LANGUAGE))
    return render_pdf(report_data(scheme, profiles, country, **kw))


def report_filename(data: dict) -> str:
    return f"{data['country']['code']}-{data['scheme']['id']}-{data['year']}.pdf"


def _render_to(job: tuple[dict, str]) -> tuple[str, str, float]:
    from .fileio import atomic_write

    data, path = job
    t0 = time.perf_counter()
    atomic_write(path, render_pdf(data))
    return data["country"]["code"], path, time.perf_counter() - t0


def _warm() -> None:
    import matplotlib.figure  # noqa: F401 - imported once per worker, before the first job

    _get_compiler()


def report_all(
    scheme: Scheme,
    profiles: Sequence[Profile] | Scored,
    countries: Sequence[str],
    out_dir: str | Path,
    *,
    group: Group | None = None,
    stat: str = DEFAULT_STAT,
    year: int | None = None,
    extras: Callable[[str], Mapping[str, Any] | None] | None = None,
    workers: int = 2,
    progress: Callable[[str, str], None] | None = None,
    lang: str = DEFAULT_LANGUAGE,
) -> list[str]:
    """Write one profile PDF per country into ``out_dir`` (named ``CC-SCHEME-YEAR.pdf``);
    returns the paths in the order of ``countries``.

    The data of every country is gathered first (scored once), so a country without a profile
    raises :class:`ReportError` before any file is written. PDFs are rendered in a ``spawn``
    pool of ``workers`` processes (1: in this process); ``progress(country, path)`` is called
    as each file is written. ``extras(country)`` may add sections to each report. ``lang``: the
    language of every profile (see :func:`report_data`).
    """
    from .compare import Scored

    scored = profiles if isinstance(profiles, Scored) else Scored.of(scheme, profiles)
    jobs = []
    for c in dict.fromkeys(countries):
        d = report_data(scheme, scored, c, group=group, stat=stat, year=year,
                        extras=extras(c) if extras else None, lang=lang)
        jobs.append((d, str(Path(out_dir) / report_filename(d))))
    Path(out_dir).mkdir(parents=True, exist_ok=True)
    done: dict[str, str] = {}
    if workers <= 1 or len(jobs) <= 2:
        for job in jobs:
            c, path, _ = _render_to(job)
            done[c] = path
            if progress:
                progress(c, path)
    else:
        ctx = multiprocessing.get_context("spawn")
        with ctx.Pool(min(workers, len(jobs)), initializer=_warm) as pool:
            for c, path, _ in pool.imap_unordered(_render_to, jobs):
                done[c] = path
                if progress:
                    progress(c, path)
    return [done[d["country"]["code"]] for d, _ in jobs]
