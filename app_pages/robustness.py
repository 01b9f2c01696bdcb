"""Robustness: how far each country's rank depends on the index's assumptions (weights,
aggregation, missing-answer rule, one area left out), which assumptions matter most (Sobol'
indices), and whether the group converges over the years. A thin view over
``indexer.robustness.robustness`` and ``indexer.convergence.convergence``."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
import streamlit as st

from indexer import app_data as dat
from indexer import app_format as fmt
from indexer import app_lang as lang
from indexer import app_widgets as ui
from indexer.convergence import ConvergenceError, convergence
from indexer.guard import csv_text
from indexer.i18n import MESSAGES
from indexer.report_sections import factor_label
from indexer.robustness import Assumptions, RobustnessError, robustness

FACTORS = ("weights", "aggregation", "missing", "drop")
RUNS = (1000, 2000, 5000, 10000)


@st.cache_resource(max_entries=16, show_spinner="Running the Monte Carlo…")
def run_robustness(_data: dat.AppData, version: str, sid: str, group: str | None, year: int | None,
                   include: tuple[str, ...], runs: int, seed: int, factors: tuple[str, ...], kind: str, noise: float):
    g = _data.groups.get(group) if group else None
    return robustness(_data.schemes[sid], _data.profiles(sid), group=g, year=year, include=include, runs=runs,
                      seed=seed, assumptions=Assumptions(factors=factors, weight_noise=kind, noise=noise))


@st.cache_resource(max_entries=16, show_spinner=False)
def run_convergence(_data: dat.AppData, version: str, sid: str, group: str, code: str, country: str | None,
                    stat: str):
    return convergence(_data.schemes[sid], _data.profiles(sid), _data.groups[group], code=code, country=country,
                       stat=stat)


data = dat.load_data()
L = lang.current()  # bound for format_func (called outside the run too, by AppTest)
tr = lang.translator(L)
st.title(tr("rob.title"))
ids = data.schemes_with_profiles()
if not ids:
    st.info(tr("rf.no_profiles"))
    st.stop()

# --- selections (scheme, group, year and countries are shared with the other pages) -------------
ui.ensure_choice("scheme", ids, dat.default_scheme(data))
c_scheme, c_year, c_base = st.columns([3, 1, 2])
sid = c_scheme.selectbox(tr("w.scheme"), ids, key="scheme", format_func=lambda s: fmt.scheme_label(lang.shown(data, s, L)[0]))
scheme = data.schemes[sid]
#: the scheme's texts in the app's language (codes and scores as ``scheme``'s)
vscheme, translation = lang.shown(data, sid, L)
groups = dat.usable_groups(data, sid)
ui.ensure_choice("baseline", [ui.NO_GROUP, *groups], dat.default_group(data, sid) or ui.NO_GROUP)
c_base.selectbox(tr("rb.within"), [ui.NO_GROUP, *groups], key="baseline",
                 format_func=lambda g: tr("rb.every_country") if g == ui.NO_GROUP else
                 tr("rb.group_option", g=g, title=data.groups[g].title, n=len(data.groups[g].members)))
years = data.years(sid)
ui.ensure_choice("year", [ui.LATEST, *years], ui.LATEST)
c_year.selectbox(tr("w.year"), [ui.LATEST, *years], key="year",
                 format_func=lambda y: tr("cmp.latest") if y == ui.LATEST else str(y), help=tr("cmp.year_help"))
all_countries = data.countries(sid)
ui.ensure_choices("countries", all_countries, dat.default_countries(data, sid))
st.multiselect(tr("rb.highlight"), all_countries, key="countries", format_func=lambda c: fmt.country_label(c, L),
               placeholder=None if L == "en" else tr("cmp.pick_ph"))

with st.expander(tr("rb.varied"), expanded=False):
    # the assumptions get a row of their own: five chips did not fit half a row at 1280 px
    # ("Missing-a..." was cut, issue 18)
    a1 = st.container()
    a2, a3, a4 = st.columns([1, 1, 1])
    ui.ensure_choices("rb_factors", list(FACTORS), list(FACTORS))
    a1.multiselect(tr("rb.assumptions"), list(FACTORS), key="rb_factors", format_func=lambda f: tr(f"rb.factor.{f}"),
                   placeholder=None if L == "en" else tr("rf.choose"))
    ui.ensure_choice("rb_kind", ["uniform", "dirichlet"], "uniform")
    a2.selectbox(tr("rb.noise"), ["uniform", "dirichlet"], key="rb_kind", help=tr("rb.noise_help"))
    if "rb_noise" not in st.session_state:
        st.session_state["rb_noise"] = 0.25
    a3.slider("± x (uniform)", 0.05, 0.5, key="rb_noise", step=0.05)
    ui.ensure_choice("rb_runs", list(RUNS), 2000)
    a4.selectbox(tr("rb.runs"), list(RUNS), key="rb_runs", help=tr("rb.runs_help"))
    if "rb_seed" not in st.session_state:
        st.session_state["rb_seed"] = 0
    a4.number_input(tr("rb.seed"), min_value=0, step=1, key="rb_seed", help=tr("rb.seed_help"))

group_name = fmt.none_if(st.session_state["baseline"], ui.NO_GROUP)
group = data.groups.get(group_name) if group_name else None
year = fmt.none_if(st.session_state["year"], ui.LATEST)
focus: list[str] = st.session_state["countries"]
factors = tuple(st.session_state["rb_factors"])
if not factors:
    st.info(tr("rb.pick_factor"))
    st.stop()
try:
    res = run_robustness(data, data.version, sid, group_name, year, tuple(focus), int(st.session_state["rb_runs"]),
                         int(st.session_state["rb_seed"]), factors, st.session_state["rb_kind"],
                         float(st.session_state["rb_noise"]))
except RobustnessError as err:
    st.error(str(err))
    st.stop()

t = res.table
profiles = [p for p in (data.profile(sid, c, y) for c, y in res.years_used.items()) if p is not None]
ui.show_provenance([p for p in profiles if p.country in focus], members=[p for p in profiles if p.country not in focus])
ui.excluded_notice(data, sid)
pool = tr("rb.members", group=group.name) if group is not None else tr("rb.every_country")
st.caption(tr("rb.caption", pool=pool, year=res.year, runs=f"{res.runs:,}" if L == "en" else lang.num(res.runs),
              base=f"{res.n_base:,}" if L == "en" else lang.num(res.n_base), k=len(res.factors), seed=res.seed,
              secs=f"{res.seconds:.2f}" if L == "en" else lang.num(res.seconds, 2)))


def localized(df: pd.DataFrame, formats: Mapping[str, str]) -> tuple[pd.DataFrame, dict[str, str]]:
    """A library table with its column names in the app's language (``rb.col.*``; unchanged in
    English and where the catalogue has no name), and its formats renamed alike."""
    names = {c: tr(f"rb.col.{c}") for c in df.columns if isinstance(c, str) and f"rb.col.{c}" in MESSAGES}
    return df.rename(columns=names), {names.get(k, k): v for k, v in formats.items()}


ranked = t[t.runs_scored > 0]
unranked = t.loc[t.runs_scored == 0, "country"].tolist()

# --- the highlighted countries ------------------------------------------------------------------
shown = [c for c in focus if c in set(t.country)]
if shown:
    cols = st.columns(min(4, len(shown)))
    for i, c in enumerate(shown):
        r = t[t.country == c].iloc[0]
        with cols[i % len(cols)].container(border=True):
            if r.runs_scored == 0:
                st.metric(fmt.country_label(c, L), tr("rb.not_ranked"))
                st.caption(tr("rb.no_overall"))
            else:
                st.metric(fmt.country_label(c, L), tr("rb.rank", rank=fmt.fmt_int(r.nominal_rank)),
                          help=tr("rb.nominal_help"))
                st.caption(tr("rb.band", lo=fmt.fmt_int(r.p05_rank), hi=fmt.fmt_int(r.p95_rank),
                              med=fmt.fmt_int(r.median_rank), n=r.rank_n, score=fmt.fmt_score(r.nominal_score),
                              slo=fmt.fmt_score(r.p05_score), shi=fmt.fmt_score(r.p95_score)))

tab_bands, tab_sens, tab_conv = st.tabs([tr("rb.tab.bands"), tr("rb.tab.sens"), tr("rb.tab.conv")],
                                        key="robustness_view", on_change="rerun")


def bands_view() -> None:
    import plotly.graph_objects as go

    if ranked.empty:
        st.info(tr("rb.nothing"))
        return
    d = ranked.sort_values(["nominal_rank", "country"], ascending=[False, True])
    labels = [fmt.country_label(c, L) for c in d.country]
    colour = ["#d62728" if c in focus else "#1f77b4" for c in d.country]
    fig = go.Figure()
    fig.add_trace(go.Scatter(
        x=d.median_rank, y=labels, mode="markers", name=tr("rb.median_rank"), marker={"color": colour, "size": 9},
        error_x={"type": "data", "symmetric": False, "array": d.p95_rank - d.median_rank,
                 "arrayminus": d.median_rank - d.p05_rank, "thickness": 2, "width": 0},
        hovertemplate="%{y}: " + tr("rb.median_rank") + " %{x}<extra></extra>"))
    fig.add_trace(go.Scatter(x=d.nominal_rank, y=labels, mode="markers", name=tr("rb.nominal_rank"),
                             marker={"symbol": "diamond-open", "size": 11, "color": "black"}))
    fig.update_layout(height=max(300, 22 * len(d) + 80), xaxis_title=tr("rb.xaxis"),
                      margin={"l": 10, "r": 10, "t": 30, "b": 40}, legend={"orientation": "h"})
    fig.update_xaxes(autorange="reversed")
    st.plotly_chart(fig, key="rank_bands", config={"displaylogo": False})
    df = t.assign(country=[fmt.country_label(c, L) for c in t.country])
    ui.show_table(*localized(df.drop(columns=["rank_n"]), {
        "nominal_score": fmt.SCORE, "p05_score": fmt.SCORE, "median_score": fmt.SCORE, "p95_score": fmt.SCORE,
        "nominal_rank": "{:.0f}", "median_rank": "{:.0f}", "p05_rank": "{:.0f}", "p95_rank": "{:.0f}",
        "mean_rank": "{:.2f}"}))
    st.download_button(tr("rb.download"), data=lambda: csv_text(res.csv_frame()), on_click="ignore",
                       file_name=f"{sid}-{res.year}-robustness.csv", mime="text/csv", icon=":material/download:")
    if unranked:
        st.caption(tr("rb.unranked", who=", ".join(unranked)))
    if res.rederived.get("overall"):
        st.caption(tr("rb.rederived", n=res.rederived["overall"]))


def sensitivity_view() -> None:
    import plotly.graph_objects as go

    s = res.sensitivity
    if L != "en":  # the factors as a reader reads them ("веса (уровень «индикатор»)"); values unchanged
        s = s.assign(factor=[factor_label(f, scheme, L, translation) for f in s.factor])
    fig = go.Figure()
    fig.add_trace(go.Bar(x=s.factor, y=s.ST_rank, name=tr("rb.st"),
                         error_y={"type": "data", "array": s.ST_rank_conf}))
    fig.add_trace(go.Bar(x=s.factor, y=s.S1_rank, name=tr("rb.s1")))
    fig.update_layout(barmode="group", yaxis_title=tr("rb.share"), height=360,
                      margin={"l": 10, "r": 10, "t": 30, "b": 40}, legend={"orientation": "h"})
    st.plotly_chart(fig, key="sensitivity", config={"displaylogo": False})
    ui.show_table(*localized(s, {c: "{:.3f}" for c in ("ST_rank", "ST_rank_conf", "S1_rank", "ST_score", "S1_score")}))
    st.caption(tr("rb.sobol"))
    mine = [c for c in focus if c in set(res.per_country.country)]
    if mine:
        pc = res.per_country[res.per_country.country.isin(mine)]
        wide = pc.pivot(index="factor", columns="country", values="ST_rank").reindex([f.name for f in res.factors])
        st.markdown(tr("rb.per_country"))
        unranked = [c for c in wide.columns if wide[c].isna().all()]
        shown = wide.astype(object).where(wide.notna(), tr("rb.not_ranked"))  # no rank is not "perfectly robust" (0)
        if L != "en":
            shown.index = [factor_label(f, scheme, L, translation) for f in shown.index]
            shown.index.name = "factor"
        ui.show_table(*localized(shown.reset_index(), {c: "{:.3f}" for c in wide.columns if c not in unranked}))
        if unranked:
            st.caption(tr("rb.never_ranked", who=", ".join(fmt.country_label(c, L) for c in unranked)))


def convergence_view() -> None:
    import plotly.graph_objects as go

    if group is None:
        st.info(tr("rb.pick_group"))
        return
    opts = ["overall", *(k.code for k in scheme.root.children)]
    ui.ensure_choice("rb_conv_node", opts, "overall")
    code = st.selectbox(tr("cmp.node"), opts, key="rb_conv_node",
                        format_func=lambda c: tr("w.overall") if c == "overall" else f"{c} {vscheme.node(c).title}")
    who = focus[0] if focus else None
    try:
        cv = run_convergence(data, data.version, sid, group.name, code, who, st.session_state.get("stat", "mean")
                             if st.session_state.get("stat") in ("mean", "median", "min", "max") else "mean")
    except ConvergenceError as err:
        st.info(str(err))
        return
    ct = cv.table[cv.table.n > 0]
    if ct.empty:
        st.info(tr("rb.no_member", group=group.name, code=code))
        return
    fig = go.Figure()
    fig.add_trace(go.Scatter(x=ct.year, y=ct["mean"], name=tr("rb.group_mean", group=group.name),
                             mode="lines+markers"))
    fig.add_trace(go.Scatter(x=ct.year, y=ct.sd, name=tr("rb.sd"), mode="lines+markers",
                             yaxis="y2", line={"dash": "dot"}))
    if who:
        fig.add_trace(go.Scatter(x=cv.table.year, y=cv.table.score, name=fmt.country_label(who, L), mode="lines+markers",
                                 line={"color": "#d62728"}))
    fig.update_layout(height=380, yaxis={"title": tr("col.score")}, margin={"l": 10, "r": 10, "t": 30, "b": 40},
                      yaxis2={"title": "sd", "overlaying": "y", "side": "right"}, legend={"orientation": "h"})
    st.plotly_chart(fig, key="convergence", config={"displaylogo": False})
    sg, b = cv.sigma, cv.beta
    verdict = {True: tr("rb.conv.yes"), False: tr("rb.conv.no"), None: tr("rb.conv.undetermined")}
    st.caption(tr("rb.conv_note", first=fmt.fmt_score(sg["first"]), last=fmt.fmt_score(sg["last"]),
                  slope=f"{sg['sigma_slope']:+.3f}", sigma=verdict[sg["converging"]], y0=b["first_year"],
                  y1=b["last_year"], beta="–" if fmt.is_missing(b["beta"]) else format(b["beta"], "+.4f"),
                  n=b["n"], bverdict=verdict[b["converging"]]))
    ui.show_table(*localized(cv.table, {"mean": fmt.SCORE, "median": fmt.SCORE, "sd": fmt.SCORE, "cv": "{:.3f}",
                              "min": fmt.SCORE, "max": fmt.SCORE, "baseline": fmt.SCORE, "score": fmt.SCORE,
                              "distance": fmt.GAP, "rank": "{:.0f}"}))


for tab, view in ((tab_bands, bands_view), (tab_sens, sensitivity_view), (tab_conv, convergence_view)):
    if tab.open:
        with tab:
            view()
