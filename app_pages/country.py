"""Country profile: one country against the baseline — scores, strongest and weakest
indicators, changes between years, the sources of every answer — and its PDF. The content is
``compare.compare`` and ``report.report_data`` (the same data the PDF prints), laid out."""

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

data = dat.load_data()
tr = lang.translator()
ids = data.schemes_with_profiles()
if not ids:
    st.title(tr("page.country"))
    st.info(tr("cty.no_profiles"))
    st.stop()

head = st.container()  # the title goes above the selections, once the country is known

# --- selections (scheme, baseline and statistic are shared with Compare) -------------------------
sid, scheme, s, country, year, group_name, group, stat = ui.country_controls(data, ids)

coding = ui.current_coding()
cmp_ = dat.comparison(data, sid, [country], group_name, stat, year, coding=coding)
used_year = cmp_.years_used[country]
profile = s.profile(s.row_for(country, used_year)[1])
view = dat.profile_view(data, sid, country, group_name, stat, year, coding)
t = cmp_.table
by = t.set_index("code")

native = (view or {}).get("country", {}).get("native")
head.title(f"{fmt.country_label(country)}" + (f" · {native}" if native else ""))
vscheme, translation = lang.shown(data, sid)
st.caption(f"{fmt.scheme_label(vscheme)} · {tr('cty.profile_of', year=used_year)} ({profile.status}, "
           f"{fmt.coding_text(profile.coding, profile.provenance)}) · "
           f"`{data.rel(profile.path)}`")

with st.container():
    ui.show_provenance([profile], members=[s.profile(s.row_for(m, cmp_.year)[1]) for m in cmp_.members_used])
    if profile.title or profile.notes:
        with st.expander(tr("cty.about")):
            if profile.title:
                st.markdown(f"**{profile.title}**")
            if profile.coder:
                st.caption(tr("cty.coder", coder=profile.coder)
                           + (tr("cty.reviewer", reviewer=profile.reviewer) if profile.reviewer else ""))
            if profile.notes:
                st.write(profile.notes)

# --- PDF ----------------------------------------------------------------------------------------
make_pdf = dat.pdf_maker(data, sid, country, group_name, stat, year, coding)
if make_pdf is not None:
    st.download_button(tr("cty.pdf"), data=make_pdf, on_click="ignore",
                       file_name=f"{country}-{sid}-{used_year}.pdf", mime="application/pdf",
                       icon=":material/picture_as_pdf:", type="primary")

# --- overall and areas --------------------------------------------------------------------------
ov = by.loc["overall"]
c1, c2, c3, c4 = st.columns([1, 2, 1, 1])
open_overall = fmt.is_open_interval(ov.lower, ov.upper)
if fmt.is_missing(ov.score) and open_overall:  # no score yet: what it can still become (SPEC §3.1)
    c1.metric(tr("cty.overall"), fmt.fmt_bounds(ov.lower, ov.upper), help=tr("cmp.bounds_help"))
else:
    c1.metric(tr("cty.overall"), fmt.fmt_score(ov.score),
              delta=None if fmt.is_missing(ov.gap) else tr("cmp.gap", gap=f"{float(ov.gap):+.1f}", group=group.name))
c2.metric(tr("cty.band"), lang.band(translation, ov.band) or "–")
c3.metric(tr("cty.rank"), (fmt.fmt_rank_bounds(ov.rank_best, ov.rank_worst, ov.rank_n) if open_overall
                   else fmt.fmt_rank(ov["rank"], ov.rank_n)) if group else "–",
          help=tr("cty.rank_help"))
c4.metric(tr("cty.coverage"), fmt.fmt_pct(ov.coverage), help=tr("cty.coverage_help"))
with st.container():
    if group is not None:
        st.caption(tr("cty.baseline", base=fmt.baseline_label(group, stat), score=fmt.fmt_score(ov.baseline),
                      n=fmt.n_text(ov), members=len(group.members)))
    if open_overall:
        verdict = fmt.fmt_verdict(ov.verdict, group, stat)
        st.caption(tr("cty.partly", pct=fmt.fmt_pct(ov.coverage), bounds=fmt.fmt_bounds(ov.lower, ov.upper, words=True),
                      verdict=f"; {verdict}" if verdict else ""))
    elif fmt.is_missing(ov.score) and view is None:
        st.caption(tr("cmp.no_overall", why=fmt.no_score_reason(scheme, scheme.root, ov.coverage)) + ".")

# the chart, then the area table at full width: ten columns do not fit half a page (issue 18)
# static SVG unless the user switched on the interactive charts (shared with Compare)
shown_cmp, shown_bands = replace(cmp_, scheme=vscheme), translation.bands if translation is not None else None
ui.show_chart(ui.interactive_toggle(), lambda: svgs.bars_svg(shown_cmp, bands=shown_bands, width=720),
              lambda: figs.bars_figure(shown_cmp, bands=shown_bands), key="country_bars")
areas = t[t.depth == 1]
df = pd.DataFrame({
    "area": [f"{r.code} {vscheme.node(r.code).title}" for r in areas.itertuples()],
    "score": areas.score, "band": [lang.band(translation, b) for b in areas.band], "coverage": areas.coverage,
    "can become": [fmt.fmt_bounds(r.lower, r.upper) if fmt.is_open_interval(r.lower, r.upper) else ""
                   for r in areas.itertuples()],
    fmt.baseline_label(group, stat): areas.baseline, "n": [fmt.n_text(r) for r in areas.itertuples()], "gap": areas.gap,
    "rank": [(fmt.fmt_rank_bounds(r.rank_best, r.rank_worst, r.rank_n) if fmt.is_open_interval(r.lower, r.upper)
              else fmt.fmt_rank(r.rank, r.rank_n)) if group else "–" for r in areas.itertuples()],
    "verdict": list(areas.verdict),
})
if group is None:
    df = df.drop(columns=[fmt.baseline_label(group, stat), "n", "gap", "rank", "verdict"])
if not (df["can become"] != "").any():
    df = df.drop(columns="can become")
names = {c: tr(k) for c, k in (("area", "cty.col.area"), ("score", "col.score"), ("band", "col.band"),
                                ("coverage", "col.coverage"), ("can become", "col.can_become"), ("gap", "col.gap"),
                                ("rank", "col.rank"), ("verdict", "col.verdict"))}
df = df.rename(columns=names)
ui.show_table(df, {names["score"]: fmt.SCORE, names["coverage"]: fmt.PCT, fmt.baseline_label(group, stat): fmt.SCORE,
                    names["gap"]: fmt.GAP}, column_config={"n": st.column_config.Column(help=tr("cty.n_help"))})

with st.container():
    for note in (view or {}).get("notes", []):
        st.caption(note)

# --- strongest, weakest, gaps ----------------------------------------------------------------------
# one slot whatever the country has (an element that comes or goes would shift every one after it:
# the browser would draw them all anew, the tables' grids included)
with st.container():
    if view is None:
        st.info(tr("cty.no_report"))
    else:
        basis = view["strength_basis"]
        st.subheader(tr("cty.sw_indicators") if basis == "indicator" else tr("cty.sw_published"))
        if not view["strongest"]:
            st.caption(tr("cty.nothing"))
        else:
            a, b = st.columns(2)
            for col, key, label in ((a, "strongest", tr("cty.strongest")), (b, "weakest", tr("cty.weakest"))):
                rows = view[key]
                col.markdown(f"**{label}**")
                with col:
                    df = pd.DataFrame([{
                        "code": r["code"], "title": r["title"], "score": r["score"], "answer": r.get("answer", ""),
                        "baseline": r["baseline"], "n": r["baseline_n"]} for r in rows])
                    if basis != "indicator":
                        df = df.drop(columns="answer")
                    ui.show_table(df, {"score": fmt.SCORE, "baseline": fmt.SCORE})
        with st.container():
            if view["gaps"]:
                st.subheader(tr("cty.gaps", base=fmt.baseline_label(group, stat)))
                st.caption(tr("cty.gaps_note"))
                ui.show_table(pd.DataFrame([{
                    "code": g["code"], "title": g["title"], "level": g["level"], "score": g["score"],
                    "baseline": g["baseline"], "n": g["baseline_n"], "gap": g["gap"], "impact": g["impact"]}
                    for g in view["gaps"]]), {"score": fmt.SCORE, "baseline": fmt.SCORE, "gap": fmt.GAP, "impact": "{:.2f}"})

        # --- changes between years ---------------------------------------------------------------------
        with st.container():
            hist = view["history"]
            ch = view["changes"]
            if len(hist["years"]) > 1:
                st.subheader(tr("cty.changes"))
                import plotly.graph_objects as go

                fig = go.Figure([go.Scatter(x=hist["years"], y=sr["values"], name=sr["title"], mode="lines+markers")
                                 for sr in hist["series"]],
                                layout={"height": 340, "margin": {"l": 40, "r": 10, "t": 20, "b": 10},
                                        "xaxis": {"dtick": 1}, "yaxis": {"title": {"text": "score"}},
                                        "legend": {"orientation": "h", "y": -0.2}})
                st.plotly_chart(fig, key="history", config={"displaylogo": False})
            if ch is not None:
                st.caption(tr("cty.since", year=ch["previous_year"], prov=ch["previous_provenance"]))
                if ch["nodes"]:
                    ui.show_table(pd.DataFrame([{"code": r["code"], "title": r["title"], "level": r["level"],
                                                  f"{ch['previous_year']}": r["before"], f"{used_year}": r["after"],
                                                  "change": r["change"]} for r in ch["nodes"]]),
                                   {str(ch["previous_year"]): fmt.SCORE, str(used_year): fmt.SCORE, "change": fmt.GAP})
                else:
                    st.caption(tr("cty.no_change"))
                if ch["answers"]:
                    st.markdown(tr("cty.answers_changed"))
                    ui.show_table(pd.DataFrame(ch["answers"]), {"score_before": fmt.SCORE, "score_after": fmt.SCORE})
            elif len(hist["years"]) <= 1:
                st.caption(tr("cty.one_profile", year=used_year))

# --- sources ------------------------------------------------------------------------------------
st.subheader(tr("cty.sources"))
rows, blank = [], []
for leaf in scheme.leaves:
    ans = profile.answers.get(leaf.code)
    if ans is None:
        if leaf.code in profile.answers:
            blank.append(leaf.code)
        continue
    cit = profile.citations.get(leaf.code)
    shown_leaf = vscheme.node(leaf.code)
    rows.append({"code": leaf.code, "indicator": shown_leaf.title, "answer": fmt.answer_text(shown_leaf, ans),
                 "score": by.loc[leaf.code].score, "source (law cited)": cit.source if cit else "",
                 "quote": cit.quote if cit else "", "confidence": cit.confidence if cit else "",
                 "note": cit.note if cit else "", "url": cit.url if cit else ""})
with st.container():
    if rows:
        st.caption(tr("cty.cited", k=len(rows), n=len(scheme.leaves),
                      c=sum(1 for r in rows if r["source (law cited)"] or r["url"])))
        ui.show_table(pd.DataFrame(rows), {"score": fmt.SCORE},
                       column_config={"answer": st.column_config.TextColumn(width="medium"),
                                      "source (law cited)": st.column_config.TextColumn(width="large"),
                                      "url": st.column_config.LinkColumn("url")})
with st.container():
    if blank:
        with st.expander(tr("cty.not_answered", n=len(blank))):
            st.write(", ".join(blank))
with st.container():
    if profile.scores:
        st.markdown(tr("cty.given_published") if profile.provenance == "published" else tr("cty.given"))
        g_score = tr("col.score")
        ui.show_table(pd.DataFrame([{tr("col.code"): c, tr("col.title"): tr("w.overall") if c == "overall"
                                      else vscheme.node(c).title, g_score: v}
                                     for c, v in profile.scores.items() if c in scheme.index]),
                       {g_score: "{:.2f}"}, width="content")
        if profile.source:
            st.caption(tr("cty.source", source=profile.source))
with st.container():
    if not rows and not profile.scores:
        st.caption(tr("cty.no_answers"))

# --- two codings of the year side by side (indexer.agree) ---------------------------------------
with st.container():
    agr = dat.agreement(data, sid, country, used_year)
    if agr is not None:
        l1, l2 = (fmt.coding_text(p.coding, p.provenance) for p in (agr.first, agr.second))
        ov = agr.nodes.iloc[0]
        with st.expander(tr("cty.agree", year=agr.year, a=l1, b=l2, pct=fmt.fmt_pct(ov.agreement))):
            st.caption(tr("cty.agree_note"))
            g_score = tr("col.score")
            shown = [{tr("col.code"): r.code, tr("col.title"): tr("w.overall") if r.code == "overall"
                      else vscheme.node(r.code).title, tr("agr.col.both"): int(r.both),
                      tr("agr.col.same"): int(r.same), tr("agr.col.agreement"): r.agreement,
                      tr("agr.col.kappa"): r.kappa, f"{g_score} · {l1}": r.score_1, f"{g_score} · {l2}": r.score_2}
                     for r in agr.nodes.itertuples(index=False)]
            ui.show_table(pd.DataFrame(shown), {tr("agr.col.agreement"): fmt.PCT, tr("agr.col.kappa"): "{:.2f}",
                                                f"{g_score} · {l1}": fmt.SCORE, f"{g_score} · {l2}": fmt.SCORE})
            differ = agr.differing
            if len(differ):
                st.caption(tr("cty.agree_diff", a=l1, b=l2, items=", ".join(
                    f"{r.code} {r.answer_1}/{r.answer_2}" for r in differ.itertuples(index=False))))
