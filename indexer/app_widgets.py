"""The app's shared widgets and session state: the page list, keeping selections across pages,
select boxes whose value must stay one of their options, the *Coding* selector, the selection
row of the one-country pages, and the shared tables and notices (provenance, excluded files).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import pandas as pd
import streamlit as st

from .app_data import (
    DEFAULT_STAT,
    AppData,
    coding_options,
    default_countries,
    default_group,
    default_scheme,
    scored,
    usable_groups,
)
from .app_format import (
    coding_text,
    country_label,
    display_frame,
    illustrative_countries,
    none_if,
    scheme_label,
    stat_label,
)
from .app_lang import current as current_language
from .i18n import t
from .model import Profile

# ==============================================================================================
# navigation


#: page file stem -> (title, icon), in navigation order; other pages follow by name
KNOWN_PAGES = {
    "compare": ("Compare", ":material/compare_arrows:"),
    "country": ("Country profile", ":material/flag:"),
    "robustness": ("Robustness", ":material/ssid_chart:"),
    "reform": ("Reform scenarios", ":material/construction:"),
    "questionnaire": ("Questionnaire", ":material/edit_note:"),
    "scheme": ("Scheme & validation", ":material/account_tree:"),
}


def page_files(folder: Path) -> list[Path]:
    """Every page script of ``folder`` (``*.py`` not starting with ``_``): the known pages in
    their order, then the others by name."""
    found = {p.stem: p for p in folder.glob("*.py") if not p.name.startswith("_")}
    known = [found[s] for s in KNOWN_PAGES if s in found]
    return known + sorted((p for s, p in found.items() if s not in KNOWN_PAGES), key=lambda p: p.stem)


def page_title(stem: str) -> tuple[str, str]:
    """(title, icon) of a page file."""
    return KNOWN_PAGES.get(stem, (stem.replace("_", " ").capitalize(), ":material/article:"))


# ==============================================================================================
# session state and selectors


#: select-box values standing for "no choice" (Streamlit shows a None value as an empty box)
LATEST = "latest"
NO_GROUP = "(none)"
ALL = ""


#: the Coding selector's entry for the default order (published, official, expert, illustrative)
DEFAULT_CODING = "(default: published first)"


def keep_state(*keys: str) -> None:
    """Keep widget values across pages: Streamlit forgets a widget's state when a page that
    does not draw it runs; re-assigning the key marks it as the user's own."""
    for k in keys:
        if k in st.session_state:
            st.session_state[k] = st.session_state[k]


def ensure_choice(key: str, options: Sequence[Any], default: Any) -> None:
    """Before drawing a select widget with ``key``: make its state one of ``options``."""
    cur = st.session_state.get(key, None)
    if key not in st.session_state or cur not in options:
        st.session_state[key] = default if default in options else (options[0] if options else None)


def ensure_choices(key: str, options: Sequence[Any], default: Sequence[Any]) -> None:
    """Like :func:`ensure_choice` for a multiselect: drop values that are no longer options."""
    if key in st.session_state and isinstance(st.session_state[key], list):
        kept = [v for v in st.session_state[key] if v in options]
        if kept or not st.session_state[key]:
            st.session_state[key] = kept
            return
    st.session_state[key] = [v for v in default if v in options]


def coding_selector(data: AppData, scheme_id: str, where: Any = None) -> tuple[str, ...]:
    """The *Coding* selector (shared by the pages through session state), shown only where some
    country-year of the scheme has several codings; returns the preferred codings (() = default)."""
    ids = coding_options(data, scheme_id)
    if not ids:
        return ()
    ensure_choice("coding", [DEFAULT_CODING, *ids], DEFAULT_CODING)
    provs = {p.coding: p.provenance for p in data.profiles(scheme_id)}
    L = current_language()
    pick = (where or st).selectbox(
        t("coding.label", L), [DEFAULT_CODING, *ids], key="coding",
        format_func=lambda c: t("coding.default", L) if c == DEFAULT_CODING else coding_text(c, provs[c]),
        help=t("coding.help", L))
    return () if pick == DEFAULT_CODING else (pick,)


def coding_choice(data: AppData, scheme_id: str) -> tuple[str, ...]:
    """What :func:`coding_selector` returns, without drawing it (its state made valid first): a
    page can use the choice before it draws the selector."""
    ids = coding_options(data, scheme_id)
    if not ids:
        return ()
    ensure_choice("coding", [DEFAULT_CODING, *ids], DEFAULT_CODING)
    return current_coding()


def current_coding() -> tuple[str, ...]:
    """The coding the *Coding* selector prefers (() = the default order)."""
    c = st.session_state.get("coding")
    return () if c in (None, DEFAULT_CODING) else (c,)


def country_controls(data: AppData, ids: Sequence[str]) -> tuple:
    """The selection row of the one-country pages (scheme, country, year, baseline group and
    statistic; shared with Compare through session state). Returns
    ``(scheme_id, scheme, scored, country, year, group_name, group, stat)``."""
    from .app_lang import shown
    from .compare import STATS

    L = current_language()  # noqa: N806 - bound here: format_func runs outside the run too (AppTest)
    ensure_choice("scheme", ids, default_scheme(data))
    # the year and statistic boxes need room for "latest" and "median" at 1280 px (issue 18)
    c_scheme, c_country, c_year, c_base, c_stat = st.columns([3, 2, 1.3, 2, 1.3])
    sid = c_scheme.selectbox(t("w.scheme", L), ids, key="scheme", format_func=lambda x: scheme_label(shown(data, x, L)[0]))
    sc = scored(data, sid, coding_selector(data, sid))
    all_countries = data.countries(sid)
    picked = st.session_state.get("countries") or []
    ensure_choice("country", all_countries, (picked or default_countries(data, sid) or all_countries)[0])
    country = c_country.selectbox(t("w.country", L), all_countries, key="country",
                                  format_func=lambda c: country_label(c, L))
    cyears = [y for y, _ in sc.rows.get(country, [])]
    ensure_choice("country_year", [LATEST, *cyears], LATEST)
    year = none_if(c_year.selectbox(t("w.year", L), [LATEST, *cyears], key="country_year",
                                    format_func=lambda y: t("cmp.latest", L) if y == LATEST else str(y)), LATEST)
    groups = usable_groups(data, sid)
    ensure_choice("baseline", [NO_GROUP, *groups], default_group(data, sid) or NO_GROUP)
    group_name = none_if(c_base.selectbox(
        t("cmp.baseline", L), [NO_GROUP, *groups], key="baseline",
        format_func=lambda g: t("cmp.no_group", L) if g == NO_GROUP else f"{g} — {data.groups[g].title}"), NO_GROUP)
    ensure_choice("stat", list(STATS), DEFAULT_STAT)
    stat = c_stat.selectbox(t("cmp.stat", L), list(STATS), key="stat", format_func=lambda x: stat_label(x, L))
    group = data.groups.get(group_name) if group_name else None
    return sid, data.schemes[sid], sc, country, year, group_name, group, stat


# ==============================================================================================
# charts


#: the session-state key of the *Interactive charts* switch (shared by the pages)
INTERACTIVE_KEY = "interactive_charts"


def interactive_toggle(where: Any = None) -> bool:
    """The *Interactive charts* switch: off (the default), light static charts drawn on the
    server (:mod:`indexer.app_svg`, shown as images: no charting library in the browser); on,
    plotly's charts with zoom and hover (its 4.7 MB bundle loads then). Returns whether it is on."""
    L = current_language()
    return bool((where or st).toggle(t("cmp.interactive", L), key=INTERACTIVE_KEY, help=t("cmp.interactive_help", L)))


def show_chart(interactive: bool, svg: Callable[[], str], figure: Callable[[], Any], key: str,
               where: Any = None) -> None:
    """One chart: plotly's ``figure()`` where ``interactive``, else the static ``svg()`` as an
    image (only the one shown is built). The image travels as Markdown (``app_svg.chart_image``),
    which needs no code beyond what the page's title already loaded: inline SVG would need
    Streamlit's HTML-in-Markdown parser, and ``st.image`` its image element, both fetched only
    after the page's first drawing, and the chart waited for them (issue 19)."""
    from .app_svg import chart_image

    w = where or st
    if interactive:
        w.plotly_chart(figure(), key=key, config={"displaylogo": False})
    else:
        w.markdown(chart_image(svg()))


def chart_values(values: Callable[[], pd.DataFrame], key: str, where: Any = None) -> None:
    """The static charts' values in words (``app_svg.chart_values``: what their tooltips carry),
    in a box that starts closed; its table is built only once the box is opened (the box's
    change reruns the page), so the default view stays as light as before."""
    box = (where or st).expander(t("val.title", current_language()), key=key, on_change="rerun")
    if box.open:
        with box:
            show_table(values())


# ==============================================================================================
# tables and notices


def show_table(df: pd.DataFrame, formats: Mapping[str, str] | None = None, **kw: Any) -> None:
    """A small table as :func:`display_frame` shows it, numbers right-aligned."""
    formats = dict(formats or {})
    config = {c: st.column_config.TextColumn(alignment="right") for c in formats}
    config.update(kw.pop("column_config", {}) or {})
    st.dataframe(display_frame(df, formats), hide_index=True, width=kw.pop("width", "stretch"),
                 column_config=config, **kw)


def show_provenance(profiles: Iterable[Profile], *, members: Iterable[Profile] = ()) -> None:
    """A visible warning naming the illustrative countries among ``profiles`` (and baseline
    ``members``), and the sources of published scores."""
    profiles = list(profiles)
    members = [m for m in members if m.country not in {p.country for p in profiles}]
    ill = illustrative_countries(profiles)
    ill_m = illustrative_countries(members)
    if ill or ill_m:
        parts = []
        if ill:
            parts.append(", ".join(country_label(c) for c in ill))
        if ill_m:
            parts.append(t("prov.members", current_language(), who=", ".join(country_label(c) for c in ill_m)))
        one = len(ill) + len(ill_m) == 1
        st.warning(t("prov.illustrative_one" if one else "prov.illustrative_many", current_language(),
                     who="; ".join(parts)), icon=":material/warning:")
    published = [p for p in profiles + members if p.provenance in ("published", "official")]
    if published:
        shown = [p for p in profiles if p.provenance in ("published", "official")]
        L = current_language()
        who = ", ".join(country_label(p.country) for p in shown) if shown else t("prov.sources_members", L)
        if shown and len(published) > len(shown):
            who = t("prov.sources_and_members", L, who=who)
        # lazy: the table runs only once the expander is opened (a page whose first view has no
        # other table then does not load the browser's table component, 1.2 MB of JavaScript)
        box = st.expander(t("prov.sources", L, who=who), key="prov_sources", on_change="rerun")
        if box.open:
            col = {k: t(f"prov.col.{k}", L) for k in ("country", "year", "provenance", "source", "notes")}
            rows = [{col["country"]: p.country, col["year"]: p.year, col["provenance"]: p.provenance,
                     col["source"]: p.source or p.title or t("prov.no_source", L),
                     col["notes"]: p.notes}
                    for p in sorted(published, key=lambda p: (p.country, p.year))]
            box.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")


def excluded_notice(data: AppData, scheme_id: str | None = None) -> None:
    bad = data.excluded_profiles(scheme_id)
    if bad:
        files = ", ".join(bad[:5]) + (" …" if len(bad) > 5 else "")
        st.error(t("excluded.notice", current_language(), n=len(bad), files=files), icon=":material/error:")

