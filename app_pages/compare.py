"""Compare: countries side by side against a baseline group, from the overall score down to
each country's answer and the law it cites. Everything shown comes from ``compare.compare``
and ``compare.time_series`` (via ``indexer.app_data``); this page only lays it out."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import streamlit as st

from indexer import app_data as dat
from indexer import app_figures as figs
from indexer import app_format as fmt
from indexer import app_lang as lang
from indexer import app_svg as svgs
from indexer import app_widgets as ui
from indexer.compare import STATS, empty_baseline_notes, thin_notes
from indexer.guard import csv_text
from indexer.i18n import MESSAGES

data = dat.load_data()
L = lang.current()
tr = lang.translator(L)
st.title(tr("cmp.title"))

ids = data.schemes_with_profiles()
if not ids:
    st.info(tr("cmp.no_profiles"))
    st.stop()

# The page reads top to bottom: selections, notices and the overall cards (``top``), then the
# views (``views``). The open view runs first, though: its charts then reach the browser with the
# first elements and are drawn in its first pass, before the widgets' code has been fetched (issue
# 19, A/B: the first chart ~0.08 s sooner). The selections are read from session state (kept valid
# by ensure_choice), and their widgets, drawn afterwards in ``top``, show the same values.
top = st.container()
views = st.container()

# --- selections ---------------------------------------------------------------------------------
ui.ensure_choice("scheme", ids, dat.default_scheme(data))
sid: str = st.session_state["scheme"]
scheme = data.schemes[sid]
#: the scheme's texts in the app's language (codes and scores as ``scheme``'s)
vscheme, translation = lang.shown(data, sid, L)
level1 = translation.level(scheme.level_name(1)) if translation is not None else scheme.level_name(1)
coding = ui.coding_choice(data, sid)
s = dat.scored(data, sid, coding)
all_countries = data.countries(sid)
ui.ensure_choices("countries", all_countries, dat.default_countries(data, sid))
groups = dat.usable_groups(data, sid)
ui.ensure_choice("baseline", [ui.NO_GROUP, *groups], dat.default_group(data, sid) or ui.NO_GROUP)
ui.ensure_choice("stat", list(STATS), dat.DEFAULT_STAT)
years = data.years(sid)
ui.ensure_choice("year", [ui.LATEST, *years], ui.LATEST)
countries: list[str] = st.session_state["countries"]
group_name = fmt.none_if(st.session_state["baseline"], ui.NO_GROUP)
stat: str = st.session_state["stat"]
year = fmt.none_if(st.session_state["year"], ui.LATEST)
group = data.groups.get(group_name) if group_name else None


def _add(codes: list[str]) -> None:
    st.session_state["countries"] = list(dict.fromkeys([*st.session_state.get("countries", []), *codes]))


def selections() -> None:
    """The selection widgets, showing the state read above."""
    c_scheme, c_year, c_base, c_stat = st.columns([3, 1, 2, 1])
    c_scheme.selectbox(tr("w.scheme"), ids, key="scheme", format_func=lambda x: fmt.scheme_label(lang.shown(data, x, L)[0]))
    ui.coding_selector(data, sid)
    c_year.selectbox(tr("w.year"), [ui.LATEST, *years], key="year",
                     format_func=lambda y: tr("cmp.latest") if y == ui.LATEST else str(y), help=tr("cmp.year_help"))
    c_base.selectbox(tr("cmp.baseline"), [ui.NO_GROUP, *groups], key="baseline",
                     format_func=lambda g: tr("cmp.no_group") if g == ui.NO_GROUP else
                     tr("cmp.group_option", name=g, title=data.groups[g].title, n=len(data.groups[g].members)))
    c_stat.selectbox(tr("cmp.stat"), list(STATS), key="stat", format_func=lambda x: fmt.stat_label(x, L),
                     help=tr("cmp.stat_help"))
    missing_peers = [c for c in dat.peers(data, sid) if c not in countries]
    # the chips need the whole width once several countries are picked (at 1280 px a half-width
    # box scrolled "Kazakhstan (KZ)" out of sight, issue 18): the peers button goes beside it only
    # while it is short
    if missing_peers and len(countries) <= 3:
        c_countries, c_peers = st.columns([5, 2], vertical_alignment="bottom")
    else:
        c_countries, c_peers = st.container(), st.container()
    c_countries.multiselect(tr("w.countries"), all_countries, key="countries",
                            format_func=lambda c: fmt.country_label(c, L), placeholder=tr("cmp.pick_ph"))
    if missing_peers:
        c_peers.button(tr("cmp.add_peers", codes=", ".join(missing_peers)), on_click=_add, args=(missing_peers,),
                       help=tr("cmp.peers_help"))


present = [c for c in countries if s.row_for(c, year) is not None]
absent = [c for c in countries if c not in present]


def absent_notice() -> None:
    if absent:
        st.warning(tr("cmp.absent", year=year, who=", ".join(fmt.country_label(c) for c in absent)))


if not present:  # nothing to compare: the selections and why
    with top:
        selections()
        if countries:
            absent_notice()
        else:
            st.info(tr("cmp.pick_one"))
    st.stop()
cmp_ = dat.comparison(data, sid, present, group_name, stat, year, coding=coding)
t = cmp_.table
#: the same comparison with the scheme's texts in the app's language, for the charts' labels
cmp_shown = replace(cmp_, scheme=vscheme)
bands = translation.bands if translation is not None else None  # the charts' band labels


def summary() -> None:
    """The notices (absent countries, provenance, the years used) and the overall cards."""
    absent_notice()
    # --- provenance and years
    used = [s.profile(s.row_for(c, cmp_.year)[1]) for c in present]
    members = [s.profile(s.row_for(m, cmp_.year)[1]) for m in cmp_.members_used]
    ui.show_provenance(used, members=members)
    ui.excluded_notice(data, sid)
    notes = [tr("cmp.scores_for", year=cmp_.year)]
    older = {c: y for c, y in cmp_.years_used.items() if y < cmp_.year}
    if older:
        notes.append(tr("cmp.older", items=", ".join(f"{c} {y}" for c, y in older.items())))
    if group is not None:
        carried = [m for m, y in cmp_.members_used.items() if y < cmp_.year]
        notes.append(tr("cmp.baseline_note", stat=fmt.stat_label(stat, L), group=group.name, k=len(cmp_.members_used),
                        n=len(group.members), year=cmp_.year) + (tr("cmp.carried", n=len(carried)) if carried else "."))
    if cmp_.other_codings:
        notes.append(tr("cmp.other_codings", items="; ".join(f"{c}: {', '.join(o)}" for c, o in cmp_.other_codings.items())))
    st.caption(" ".join(notes))

    # --- overall
    overall = t[t.code == "overall"].set_index("country")
    cards = present + (["__baseline__"] if group is not None else [])
    # at most four cards a row: a fifth and sixth made names such as "Russian Federation (RU)" too
    # narrow to read at 1280 px (issue 18)
    per_row = 4
    for start in range(0, len(cards), per_row):
        cols = st.columns(per_row if len(cards) > per_row else len(cards))
        for col, c in zip(cols, cards[start:start + per_row], strict=False):
            with col.container(border=True):
                if c == "__baseline__":
                    r = overall.iloc[0]
                    st.metric(fmt.baseline_label(group, stat), fmt.fmt_score(r.baseline),
                              help=tr("cmp.baseline_help", stat=fmt.stat_label(stat, L).capitalize()))
                    st.caption(tr("cmp.baseline_n", k=fmt.fmt_int(r.baseline_n), n=len(group.members))
                               + (tr("cmp.thin", mark=fmt.THIN_MARK) if r.thin else "")
                               + (tr("cmp.their_bounds", bounds=fmt.fmt_bounds(r.baseline_lower, r.baseline_upper, words=True))
                                  if fmt.is_open_interval(r.baseline_lower, r.baseline_upper) else ""))
                    continue
                r = overall.loc[c]
                gap = None if fmt.is_missing(r.gap) else tr("cmp.gap", gap=f"{float(r.gap):+.1f}", group=group.name)
                verdict = fmt.fmt_verdict(r.verdict, group, stat)
                rank = fmt.fmt_rank_bounds(r.rank_best, r.rank_worst, r.rank_n) if group is not None else "–"
                if fmt.is_missing(r.score) and fmt.is_open_interval(r.lower, r.upper):
                    # no score yet: what it can still become (SPEC §3.1), never a guess
                    st.metric(fmt.country_label(c), f"{float(r.lower):.0f}–{float(r.upper):.0f}",  # exact below
                              help=tr("cmp.bounds_help"))
                    st.caption(f"**{fmt.fmt_bounds(r.lower, r.upper, words=True).capitalize()}** · "
                               + tr("cmp.coverage", pct=fmt.fmt_pct(r.coverage)) + (f" · {verdict}" if verdict else "")
                               + (" · " + tr("cmp.rank", rank=rank) if group is not None else "")
                               + " · " + tr("cmp.profile", year=r.year) + f" · {r.provenance}")
                    continue
                st.metric(fmt.country_label(c), fmt.fmt_score(r.score), delta=gap, help=tr("cmp.overall_help"))
                if fmt.is_missing(r.score):
                    st.caption(tr("cmp.no_overall", why=fmt.no_score_reason(scheme, scheme.root, r.coverage)) + " · "
                               + tr("cmp.profile", year=r.year) + f" · {fmt.coding_text(r.coding, r.provenance)}")
                else:
                    still = (tr("cmp.could_become", bounds=fmt.fmt_bounds(r.lower, r.upper, words=True))
                             if fmt.is_open_interval(r.lower, r.upper) else "")
                    shown_rank = rank if fmt.is_open_interval(r.lower, r.upper) else fmt.fmt_rank(r["rank"], r.rank_n)
                    st.caption(f"**{lang.band(translation, r.band) or '–'}** · " + tr("cmp.rank", rank=shown_rank)
                               + " · " + tr("cmp.coverage", pct=fmt.fmt_pct(r.coverage)) + still
                               + (f" · {verdict}" if verdict and still else "")
                               + " · " + tr("cmp.profile", year=r.year) + f" · {fmt.coding_text(r.coding, r.provenance)}")


# --- views --------------------------------------------------------------------------------------

def baseline_notes(codes: list[str]) -> bool:
    """Say where the baseline is thin or missing among ``codes``; True when the chart would be
    empty (no baseline and no country score there), so that the words replace it."""
    if group is None:
        return False
    sub = t[t.code.isin(codes)]
    if sub.thin.any():
        st.caption(f"{fmt.THIN_MARK} " + " ".join(n.text(L) for n in thin_notes(cmp_, codes)))
    if (sub.baseline_n.fillna(0) == 0).any():
        why = " ".join(n.text(L) for n in empty_baseline_notes(cmp_, s, codes))
        if (sub.baseline_n.fillna(0) == 0).all() and sub.score.isna().all():
            st.info(why)
            return True
        st.caption(why)
    return False


def areas_view() -> None:
    if baseline_notes([k.code for k in scheme.root.children]):
        return
    # static SVG images by default (no charting library in the browser: the first view stays
    # light), their values in words in a closed box below; plotly's charts, with zoom and hover,
    # on the user's choice (ui.interactive_toggle)
    interactive = ui.interactive_toggle()
    area_rows = t[t.depth == 1]
    drawable = max([int(area_rows[area_rows.country == c].score.notna().sum()) for c in present]
                   + [int(area_rows.drop_duplicates("code").baseline.notna().sum())])
    if len(scheme.root.children) >= 3 and drawable >= 3:
        a, b = st.columns(2)
        ui.show_chart(interactive, lambda: svgs.radar_svg(cmp_shown, bands=bands),
                      lambda: figs.radar_figure(cmp_shown, bands=bands), key="radar", where=a)
    else:  # a radar of one or two axes (or values) is a line or a point: bars only
        b = st.container()
        if len(scheme.root.children) < 3:
            st.caption(tr("cmp.no_radar_few", title=vscheme.title, n=len(scheme.root.children), level=level1))
        else:
            st.caption(tr("cmp.no_radar", n=drawable, level=level1))
    ui.show_chart(interactive, lambda: svgs.bars_svg(cmp_shown, bands=bands),
                  lambda: figs.bars_figure(cmp_shown, bands=bands), key="bars", where=b)
    areas = t[t.depth == 1]
    unscored = [c for c in present if areas[areas.country == c].score.isna().all()]
    if unscored:
        st.caption(tr("cmp.unscored", who=", ".join(fmt.country_label(c) for c in unscored)))
    if (t.depth == 1).any() and any(fmt.is_open_interval(r.lower, r.upper) for r in t[t.depth == 1].itertuples()):
        st.caption(tr("cmp.bars_note"))
    st.caption(tr("cmp.hover") if interactive else tr("cmp.static_hover"))
    if not interactive:
        ui.chart_values(lambda: svgs.chart_values(cmp_shown, bands=bands, level=level1), key="values_areas")

def verdicts_view() -> None:
    st.caption(tr("cmp.verdicts_note"))
    top = t[t.depth <= 1]
    rows = []
    for r in top.itertuples():
        row = {tr("col.code"): r.code, tr("col.title"): tr("w.overall") if r.code == "overall" else vscheme.node(r.code).title,
               tr("col.country"): fmt.country_label(r.country), tr("col.score"): r.score, tr("col.coverage"): r.coverage,
               tr("col.can_become"): fmt.fmt_bounds(r.lower, r.upper)}
        if group is not None:
            row |= {fmt.baseline_label(group, stat): fmt.fmt_bounds(r.baseline_lower, r.baseline_upper),
                    tr("col.verdict"): tr(f"pdf.verdict.{r.verdict}") if f"pdf.verdict.{r.verdict}" in MESSAGES
                    else r.verdict or "–",
                    tr("col.rank"): fmt.fmt_rank_bounds(r.rank_best, r.rank_worst, r.rank_n)}
        rows.append(row)
    ui.show_table(pd.DataFrame(rows), {tr("col.score"): fmt.SCORE, tr("col.coverage"): fmt.PCT})
    if group is None:
        st.caption(tr("cmp.pick_baseline"))
    else:
        st.caption(tr("cmp.baseline_bounds", stat=fmt.stat_label(stat, L)))


def heatmap_view() -> None:
    if baseline_notes([k.code for k in scheme.root.children]):
        return
    interactive = ui.interactive_toggle()
    ui.show_chart(interactive, lambda: svgs.heatmap_svg(cmp_shown, bands=bands),
                  lambda: figs.heatmap_figure(cmp_shown, bands=bands), key="heat")
    if not interactive:
        ui.chart_values(lambda: svgs.chart_values(cmp_shown, bands=bands, level=level1), key="values_heat")

def drill_view() -> None:
    st.caption(tr("cmp.drill_note"))
    node = scheme.root
    max_depth = max(n.depth for n in scheme.nodes)
    cols = st.columns(max(1, min(max_depth, 4)))
    depth = 1
    while node.children:
        opts = [ui.ALL, *(k.code for k in node.children)]
        key = f"drill_{depth}"
        ui.ensure_choice(key, opts, ui.ALL)
        level = node.children[0].level
        col = cols[(depth - 1) % len(cols)]
        shown_level = translation.level(level) if translation is not None else level
        pick = col.selectbox(shown_level.capitalize(), opts, key=key,
                             format_func=lambda c, lv=shown_level: tr("cmp.all_level", level=lv) if c == ui.ALL
                             else f"{c} {vscheme.node(c).title}")
        if pick == ui.ALL:
            break
        node = scheme.node(pick)
        depth += 1
    for d in range(depth + 1, max_depth + 2):  # forget deeper picks when an upper one changed
        st.session_state.pop(f"drill_{d}", None)

    if node.children:
        kids = [k.code for k in node.children]
        sub = t[t.code.isin(kids)]
        rows = []
        for code in kids:
            block = sub[sub.code == code].set_index("country")
            row = {"code": code, "title": vscheme.node(code).title}
            for c in present:
                r = block.loc[c]
                row[f"{c} score"] = r.score
                row[f"{c} coverage"] = r.coverage
                if group is not None:
                    row[f"{c} rank"] = fmt.fmt_rank(r["rank"], r.rank_n)
            if group is not None:
                r0 = block.iloc[0]
                row[fmt.baseline_label(group, stat)] = r0.baseline
                row["baseline n"] = fmt.n_text(r0)
            rows.append(row)
        df = pd.DataFrame(rows)
        fmts = {c: fmt.SCORE for c in df.columns if c.endswith("score")} | {
            c: fmt.PCT for c in df.columns if c.endswith("coverage")}
        if group is not None:
            fmts[fmt.baseline_label(group, stat)] = fmt.SCORE
        ui.show_table(df, fmts)
        if node.depth >= 1 and len(kids) >= 3:
            with st.expander(tr("cmp.chart_of", code=node.code, title=vscheme.node(node.code).title)):
                st.plotly_chart(figs.bars_figure(cmp_shown, node.code, bands=bands), key=f"bars_{node.code}",
                                config={"displaylogo": False})
    else:  # an indicator: the answers
        leaf = vscheme.node(node.code)
        st.markdown(f"#### {leaf.code} {leaf.title}")
        if leaf.question:
            st.markdown(tr("cmp.q", q=leaf.question))
        if leaf.help:
            st.caption(leaf.help)
        if leaf.numeric is not None:
            num = leaf.numeric
            st.caption(tr("cmp.numeric", unit=num.unit or tr("q.no_unit"), lo=lang.num(num.min), hi=lang.num(num.max),
                          best=tr(f"best.{num.best}")))
        else:
            ui.show_table(pd.DataFrame([{tr("col.value"): o.value, tr("col.label"): o.label, tr("col.score"): o.score}
                                         for o in leaf.options]), {tr("col.score"): "{:g}"}, width="content")
        block = t[t.code == leaf.code].set_index("country")
        rows = []
        for c in present:
            p = s.profile(s.row_for(c, cmp_.year)[1])
            r = block.loc[c]
            cit = p.citations.get(leaf.code)
            given = [a for a in [leaf.code, *scheme.ancestors(leaf.code)] if a in p.scores]
            if given:
                ans = tr("cmp.published_score", code=given[0], score=fmt.fmt_score(p.scores[given[0]]))
            else:
                ans = fmt.answer_text(leaf, p.answers.get(leaf.code))
            rows.append({"country": fmt.country_label(c), "year": p.year, "answer": ans,
                         "source (law cited)": cit.source if cit else "", "quote": cit.quote if cit else "",
                         "confidence": cit.confidence if cit else "", "note": cit.note if cit else "",
                         "score": r.score, "coverage": r.coverage,
                         "provenance": fmt.coding_text(p.coding, p.provenance),
                         "url": cit.url if cit else ""})
        ui.show_table(pd.DataFrame(rows), {"score": fmt.SCORE, "coverage": fmt.PCT},
                       column_config={"answer": st.column_config.TextColumn(width="medium"),
                                      "source (law cited)": st.column_config.TextColumn(width="medium"),
                                      "url": st.column_config.LinkColumn("url")})
        if group is not None:
            r0 = block.iloc[0]
            st.caption(tr("cmp.baseline_at", base=fmt.baseline_label(group, stat), code=leaf.code,
                          score=fmt.fmt_score(r0.baseline), n=fmt.n_text(r0)))

def trend_view() -> None:
    ts_years = s.years()
    if len(ts_years) < 2:
        st.info(tr("cmp.one_year"))
    else:
        ts = dat.series(data, sid, present, group_name, stat, level=1, coding=coding)
        trend_opts = ["overall", *(k.code for k in scheme.root.children)]
        ui.ensure_choice("trend_node", trend_opts, "overall")
        code = st.selectbox(tr("cmp.node"), trend_opts, key="trend_node",
                            format_func=lambda c: tr("w.overall") if c == "overall" else f"{c} {vscheme.node(c).title}")
        st.plotly_chart(figs.trend_figure(ts, code, present, fmt.baseline_label(group, stat) if group else None,
                                         scheme.scale), key="trend", config={"displaylogo": False})
        st.caption(tr("cmp.trend_note", mark=fmt.THIN_MARK))
        rows = ts[ts.code == code]
        none = [c for c in present if rows[rows.country == c].score.isna().all()]
        one = [c for c in present if c not in none and len(s.rows.get(c, [])) < 2]
        if none:
            st.caption(tr("cmp.no_score_any", code=code, who=", ".join(fmt.country_label(c) for c in none)))
        if one:
            st.caption(tr("cmp.one_profile", who=", ".join(fmt.country_label(c) for c in one)))

def table_view() -> None:
    ui.show_table(t, {"score": fmt.SCORE, "baseline": fmt.SCORE, "gap": fmt.GAP, "coverage": fmt.PCT,
                       "rank": "{:.0f}"})
    st.download_button(tr("cmp.download"), data=lambda: csv_text(t),
                       file_name=f"{sid}-{cmp_.year}-{'-'.join(present)}.csv", mime="text/csv",
                       on_click="ignore", icon=":material/download:")
    st.caption(tr("cmp.rounded"))


with views:
    # Lazy tabs: only the open tab's content runs (a tab switch reruns the page).
    tab_areas, tab_verdicts, tab_heat, tab_drill, tab_trend, tab_table = st.tabs(
        [tr(f"tab.{x}") for x in ("areas", "verdicts", "heatmap", "drill", "trends", "table")], key="compare_view",
        on_change="rerun")
    for tab, view in ((tab_areas, areas_view), (tab_verdicts, verdicts_view), (tab_heat, heatmap_view), (tab_drill, drill_view),
                      (tab_trend, trend_view), (tab_table, table_view)):
        if tab.open:
            with tab:
                view()
with top:
    selections()
    summary()
