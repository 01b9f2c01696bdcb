"""The country profile's sections beyond MIPEX, in the profile's language: the robustness of the
rank (``indexer.robustness``) and the smallest reform that reaches the baseline
(``indexer.transfer``). :func:`analyses` runs both and returns them as ``report_data(extras=...)``
sections: a title, a sentence, a table and a note, every word from the message catalogue
(``pdf.rb.*``, ``pdf.tr.*`` in :mod:`indexer.i18n_report`), every number formatted by CLDR
(Babel) for the language. The analyses return data; only here does it become prose.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from .i18n import DEFAULT_LANGUAGE, MESSAGES, fmt_number, t
from .i18n import country_name as cldr_country_name
from .model import DEFAULT_STAT, Group, Profile, Scheme
from .notes import Pct, fmt_value, say

if TYPE_CHECKING:
    from .compare import Scored


def analyses(
    scheme: Scheme,
    profiles: Sequence[Profile] | Scored,
    country: str,
    *,
    group: Group | None = None,
    stat: str = DEFAULT_STAT,
    year: int | None = None,
    runs: int = 2000,
    seed: int = 0,
    lang: str = DEFAULT_LANGUAGE,
) -> dict[str, Any]:
    """The sections beyond MIPEX, for ``report_data(extras=...)``, in ``lang``: the robustness
    band of the country's rank (``runs`` Monte Carlo runs, seeded) and the smallest reform that
    reaches the baseline. Both need a group; ``runs=0`` leaves both out."""
    if group is None or runs <= 0:
        return {}
    out: dict[str, Any] = {"robustness": robustness_section(scheme, profiles, country, group, year, runs=runs,
                                                            seed=seed, lang=lang)}
    tr = transfer_section(scheme, profiles, country, group, stat=stat, year=year, lang=lang)
    if tr:
        out["transfer"] = tr
    return out


def _num(x: float, lang: str, digits: int) -> str:
    """A number for the section's text and table: CLDR's separators, a true minus sign."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "–"
    s = fmt_number(x, lang, digits)
    return s.replace("-", "−")


def _shown(scheme: Scheme, lang: str) -> tuple[Scheme, Any]:
    """The scheme with its texts in ``lang`` (titles) and its translation (level names)."""
    if lang == DEFAULT_LANGUAGE:
        return scheme, None
    from .translate import translated

    shown, translation, _ = translated(scheme, lang)
    return shown, translation


def _level(translation: Any, name: str) -> str:
    return translation.level(name) if translation is not None else name


# ----------------------------------------------------------------------------------------------
# robustness of the rank


def robustness_section(scheme: Scheme, profiles: Sequence[Profile] | Scored, country: str, group: Group | None,
                       year: int | None, runs: int = 2000, seed: int = 0, lang: str = DEFAULT_LANGUAGE) -> dict:
    """The ``robustness`` section: a sentence, the band as ``overall = {"lo", "hi"}`` (shown
    next to the overall rank), and the total and first-order effect of each assumption on the
    ranks (Sobol' indices)."""
    from .robustness import _band_of, robustness

    res = robustness(scheme, profiles, group=group, year=year, include=[country], runs=runs, seed=seed,
                     bootstrap=0)
    b = _band_of(res, country)
    _, translation = _shown(scheme, lang)

    def w(key: str, /, **kw: Any) -> str:
        return t(f"pdf.rb.{key}", lang, **kw)

    def factor(name: str) -> str:
        return factor_label(name, scheme, lang, translation)

    name = cldr_country_name(country, lang)
    if b["nominal_rank"] is None:
        text = w("no_rank", country=name, year=res.year)
        overall = None
    else:
        pool = w("pool_group", group=res.group.name) if res.group is not None else w("pool_all")
        text = w("text", rank=b["nominal_rank"], n=b["n"], pool=pool, year=res.year, runs=fmt_number(res.runs, lang),
                 varied=", ".join(factor(f.name) for f in res.factors), lo=b["p05_rank"], hi=b["p95_rank"],
                 median=b["median_rank"], share=_pct(0.9, lang))
        overall = {"lo": b["p05_rank"], "hi": b["p95_rank"]}
    a = res.assumptions
    noise = (w("noise_uniform", noise=_pct(a.noise, lang)) if a.weight_noise == "uniform"
             else w("noise_dirichlet", k=_num(a.concentration, lang, 1)))
    out = {
        "title": w("title"),
        "text": text,
        "columns": [w("col.factor"), w("col.st"), w("col.s1")],
        "rows": [[factor(r.factor), _num(float(r.ST_rank), lang, 3), _num(float(r.S1_rank), lang, 3)]
                 for r in res.sensitivity.itertuples(index=False)],
        "widths": [1, 0, 0],
        "note": w("note", seed=res.seed, noise=noise,
                  aggregations=", ".join(w(f"agg.{x}") if f"pdf.rb.agg.{x}" in MESSAGES else x for x in a.aggregations),
                  level=_level(translation, scheme.level_name(1))),
    }
    if overall:
        out["overall"] = overall
    return out


def factor_label(name: str, scheme: Scheme, lang: str = DEFAULT_LANGUAGE, translation: Any = None) -> str:
    """An uncertain factor of ``robustness`` (``weights:area``, ``aggregation``, ``missing``,
    ``drop``) as a reader reads it in ``lang``: "weights (area)", "веса (уровень «область
    политики»)"; level names from ``translation`` (the scheme's, in ``lang``). Unknown names as
    they are."""
    if translation is None and lang != DEFAULT_LANGUAGE:
        translation = _shown(scheme, lang)[1]
    kind, _, level = name.partition(":")
    if kind == "weights" and level:
        return t("pdf.rb.factor.weights", lang, level=_level(translation, level))
    if kind in ("aggregation", "missing", "drop"):
        return t(f"pdf.rb.factor.{kind}", lang, level=_level(translation, scheme.level_name(1)))
    return name


def _pct(x: float, lang: str) -> str:
    return fmt_value(Pct(x), lang)


# ----------------------------------------------------------------------------------------------
# policy transfer: the smallest reform


def transfer_section(scheme: Scheme, profiles: Sequence[Profile] | Scored, country: str, group: Group | None, *,
                     stat: str = DEFAULT_STAT, year: int | None = None, target: float | None = None,
                     within_group: bool = False, lang: str = DEFAULT_LANGUAGE) -> dict | None:
    """The ``transfer`` section: the smallest reform that lifts the country to the group's
    baseline overall (or ``target``), step by step, with model countries. None when there is
    neither a group nor a target."""
    from .transfer import TransferError, transfer

    if group is None and target is None:
        return None

    def w(key: str, /, **kw: Any) -> str:
        return t(f"pdf.tr.{key}", lang, **kw)

    try:
        res = transfer(scheme, profiles, country, group=group, stat=stat, target=target, year=year,
                       within_group=within_group)
    except TransferError as err:
        return {"title": w("title_short"), "text": w("cannot", why=say(err.note, lang) if err.note else str(err)),
                "rows": []}
    shown, _ = _shown(scheme, lang)
    name = cldr_country_name(country, lang)

    def n1(x: float) -> str:
        return _num(x, lang, 1)

    if res.target_note is not None:
        goal = w("goal_base", base=say(res.target_note, lang), target=n1(res.target))
    else:
        goal = w("goal_given", target=n1(res.target))
    k = len(res.steps)
    if math.isnan(res.overall) and math.isnan(res.lower):
        text = w("no_bounds", country=name)
    elif res.objective != "score":
        text = w("bounds", country=name, cov=_pct(res.coverage, lang), lo=n1(res.lower), hi=n1(res.upper)) + " "
        if res.steps:
            text += w(f"edits.{res.status}", n=k, changes=k - res.answers, answers=res.answers, goal=goal)
        else:
            text += w(f"none.{res.status}", goal=goal)
    elif not res.steps:
        text = w("already", country=name, overall=n1(res.overall), goal=goal)
    elif res.reachable:
        text = w("fewest", country=name, overall=n1(res.overall), goal=goal, k=k, n=res.candidates)
    else:
        text = w("out_of_reach", country=name, n=res.candidates, best=n1(res.best_possible), goal=goal)
    if res.codings.get(country):  # the reform is planned on the coding that answers indicators,
        # which may not be the one the profile's scores above come from (published figures first)
        text += " " + w("coding", country=name, label=res.codings[country], year=str(res.year))
    bounds = res.objective != "score"
    columns = [w("col.step"), w("col.indicator"), w("col.from"), w("col.to"), w("col.gain"),
               w("col.bounds_after") if bounds else w("col.overall_after"), w("col.models")]
    rows = []
    for i, s in enumerate(res.steps):
        title = shown.node(s.code).title if s.code in shown.index else s.title
        after = (f"{n1(s.lower_after)}–{n1(s.upper_after)}" if s.lower_after != s.upper_after else n1(s.lower_after)) \
            if bounds else n1(s.overall_after)
        rows.append([str(i + 1), f"{s.code} {title}", s.answer if s.kind == "change" else w("open"), s.to_answer,
                     _num(s.gain, lang, 2), after, ", ".join(s.models) or "–"])
    note = w("models") + " " + (w("greedy") if res.method == "greedy" else w("search"))
    if res.answers:
        note += " " + w("open_note")
    if not rows:  # at or above the target already: a sentence, no empty table, no note on models
        return {"title": w("title"), "text": text, "rows": []}
    return {"title": w("title"), "text": text, "columns": columns, "rows": rows, "widths": [0, 1, 0, 0, 0, 0, 0],
            "align": ["right", "left", "left", "left", "right", "right", "left"], "note": note}


__all__ = ["analyses", "factor_label", "robustness_section", "transfer_section"]
