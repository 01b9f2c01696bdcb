"""Robustness: how far each country's rank depends on the index's assumptions (weights,
aggregation, missing-answer rule, one area left out), which assumptions matter most (Sobol'
indices), and whether the group converges over the years. A thin view over
``indexer.robustness.robustness`` and ``indexer.convergence.convergence``."""

from __future__ import annotations

import streamlit as st

from indexer import app_support as sup
from indexer.convergence import ConvergenceError, convergence
from indexer.guard import csv_text
from indexer.robustness import Assumptions, RobustnessError, robustness

FACTORS = {"weights": "Weights (every level)", "aggregation": "Aggregation method", "missing": "Missing-answer rule",
           "drop": "Leave one area out"}
RUNS = (1000, 2000, 5000, 10000)


@st.cache_resource(max_entries=16, show_spinner="Running the Monte Carlo…")
def run_robustness(_data: sup.AppData, version: str, sid: str, group: str | None, year: int | None,
                   include: tuple[str, ...], runs: int, seed: int, factors: tuple[str, ...], kind: str, noise: float):
    g = _data.groups.get(group) if group else None
    return robustness(_data.schemes[sid], _data.profiles(sid), group=g, year=year, include=include, runs=runs,
                      seed=seed, assumptions=Assumptions(factors=factors, weight_noise=kind, noise=noise))


@st.cache_resource(max_entries=16, show_spinner=False)
def run_convergence(_data: sup.AppData, version: str, sid: str, group: str, code: str, country: str | None,
                    stat: str):
    return convergence(_data.schemes[sid], _data.profiles(sid), _data.groups[group], code=code, country=country,
                       stat=stat)


data = sup.load_data()
L = sup.current_language()  # bound for format_func (called outside the run too, by AppTest)
st.title(sup.t("rob.title", L))
ids = data.schemes_with_profiles()
if not ids:
    st.info("No profiles yet: add one on the **Questionnaire** page.")
    st.stop()

# --- selections (scheme, group, year and countries are shared with the other pages) -------------
sup.ensure_choice("scheme", ids, sup.default_scheme(data))
c_scheme, c_year, c_base = st.columns([3, 1, 2])
sid = c_scheme.selectbox("Scheme", ids, key="scheme", format_func=lambda s: sup.scheme_label(data.schemes[s]))
scheme = data.schemes[sid]
groups = sup.usable_groups(data, sid)
sup.ensure_choice("baseline", [sup.NO_GROUP, *groups], sup.default_group(data, sid) or sup.NO_GROUP)
c_base.selectbox("Rank within", [sup.NO_GROUP, *groups], key="baseline",
                 format_func=lambda g: "every country" if g == sup.NO_GROUP else
                 f"{g} — {data.groups[g].title} ({len(data.groups[g].members)} members)")
years = data.years(sid)
sup.ensure_choice("year", [sup.LATEST, *years], sup.LATEST)
c_year.selectbox("Year", [sup.LATEST, *years], key="year", format_func=str,
                 help="Each country's profile for this year, or else its latest earlier one.")
all_countries = data.countries(sid)
sup.ensure_choices("countries", all_countries, sup.default_countries(data, sid))
st.multiselect("Highlight these countries (ranked with the group even when they are not members)", all_countries,
               key="countries", format_func=lambda c: sup.country_label(c, L))

with st.expander("Assumptions varied", expanded=False):
    # the assumptions get a row of their own: five chips did not fit half a row at 1280 px
    # ("Missing-a..." was cut, issue 18)
    a1 = st.container()
    a2, a3, a4 = st.columns([1, 1, 1])
    sup.ensure_choices("rb_factors", list(FACTORS), list(FACTORS))
    a1.multiselect("Assumptions", list(FACTORS), key="rb_factors", format_func=FACTORS.get)
    sup.ensure_choice("rb_kind", ["uniform", "dirichlet"], "uniform")
    a2.selectbox("Weight noise", ["uniform", "dirichlet"], key="rb_kind",
                 help="uniform: each weight × U(1 − x, 1 + x); dirichlet: sibling shares drawn around the nominal ones.")
    if "rb_noise" not in st.session_state:
        st.session_state["rb_noise"] = 0.25
    a3.slider("± x (uniform)", 0.05, 0.5, key="rb_noise", step=0.05)
    sup.ensure_choice("rb_runs", list(RUNS), 2000)
    a4.selectbox("Runs", list(RUNS), key="rb_runs", help="Model evaluations in all (base rows × (factors + 2)).")
    if "rb_seed" not in st.session_state:
        st.session_state["rb_seed"] = 0
    a4.number_input("Seed", min_value=0, step=1, key="rb_seed", help="Same seed, same numbers.")

group_name = sup.none_if(st.session_state["baseline"], sup.NO_GROUP)
group = data.groups.get(group_name) if group_name else None
year = sup.none_if(st.session_state["year"], sup.LATEST)
focus: list[str] = st.session_state["countries"]
factors = tuple(st.session_state["rb_factors"])
if not factors:
    st.info("Pick at least one assumption to vary.")
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
sup.show_provenance([p for p in profiles if p.country in focus], members=[p for p in profiles if p.country not in focus])
sup.excluded_notice(data, sid)
pool = f"{group.name} members" if group is not None else "every country"
st.caption(f"Overall ranks among {pool} with a profile up to **{res.year}** · {res.runs:,} runs "
           f"({res.n_base:,} base rows × ({len(res.factors)} assumptions + 2)), seed {res.seed}, "
           f"{res.seconds:.2f} s. Each run redraws the assumptions and re-aggregates every country; the band is "
           "the 5th–95th percentile of its rank over all runs.")

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
                st.metric(sup.country_label(c), "not ranked")
                st.caption("No overall score (too few indicators answered for the coverage rule).")
            else:
                st.metric(sup.country_label(c), f"rank {sup.fmt_int(r.nominal_rank)}",
                          help="Nominal rank: the index as defined.")
                st.caption(f"band {sup.fmt_int(r.p05_rank)}–{sup.fmt_int(r.p95_rank)} (median {sup.fmt_int(r.median_rank)}) "
                           f"of {r.rank_n} · score {sup.fmt_score(r.nominal_score)} "
                           f"({sup.fmt_score(r.p05_score)}–{sup.fmt_score(r.p95_score)})")

tab_bands, tab_sens, tab_conv = st.tabs(["Rank bands", "Which assumptions matter", "Convergence"],
                                        key="robustness_view", on_change="rerun")


def bands_view() -> None:
    import plotly.graph_objects as go

    if ranked.empty:
        st.info("No country has an overall score here: nothing to rank.")
        return
    d = ranked.sort_values(["nominal_rank", "country"], ascending=[False, True])
    labels = [sup.country_label(c) for c in d.country]
    colour = ["#d62728" if c in focus else "#1f77b4" for c in d.country]
    fig = go.Figure()
    fig.add_trace(go.Scatter(
        x=d.median_rank, y=labels, mode="markers", name="median rank", marker={"color": colour, "size": 9},
        error_x={"type": "data", "symmetric": False, "array": d.p95_rank - d.median_rank,
                 "arrayminus": d.median_rank - d.p05_rank, "thickness": 2, "width": 0},
        hovertemplate="%{y}: median rank %{x}<extra></extra>"))
    fig.add_trace(go.Scatter(x=d.nominal_rank, y=labels, mode="markers", name="nominal rank",
                             marker={"symbol": "diamond-open", "size": 11, "color": "black"}))
    fig.update_layout(height=max(300, 22 * len(d) + 80), xaxis_title="rank (1 = highest); bar = 5–95 % band",
                      margin={"l": 10, "r": 10, "t": 30, "b": 40}, legend={"orientation": "h"})
    fig.update_xaxes(autorange="reversed")
    st.plotly_chart(fig, key="rank_bands", config={"displaylogo": False})
    df = t.assign(country=[sup.country_label(c) for c in t.country])
    sup.show_table(df.drop(columns=["rank_n"]), {
        "nominal_score": sup.SCORE, "p05_score": sup.SCORE, "median_score": sup.SCORE, "p95_score": sup.SCORE,
        "nominal_rank": "{:.0f}", "median_rank": "{:.0f}", "p05_rank": "{:.0f}", "p95_rank": "{:.0f}",
        "mean_rank": "{:.2f}"})
    st.download_button("Download (CSV)", data=lambda: csv_text(res.csv_frame()), on_click="ignore",
                       file_name=f"{sid}-{res.year}-robustness.csv", mime="text/csv", icon=":material/download:")
    if unranked:
        st.caption(f"Not ranked (no overall score: too few indicators answered or published): "
                   f"{', '.join(unranked)}.")
    if res.rederived.get("overall"):
        st.caption(f"{res.rederived['overall']} countries publish their overall and every area score: each run "
                   "re-derives their overall from the published areas (the nominal stays the published figure). "
                   "Published area scores are fixed: only assumptions above them (area weights, aggregation, "
                   "leaving an area out) move these countries.")


def sensitivity_view() -> None:
    import plotly.graph_objects as go

    s = res.sensitivity
    fig = go.Figure()
    fig.add_trace(go.Bar(x=s.factor, y=s.ST_rank, name="total effect (ST)",
                         error_y={"type": "data", "array": s.ST_rank_conf}))
    fig.add_trace(go.Bar(x=s.factor, y=s.S1_rank, name="first order (S1)"))
    fig.update_layout(barmode="group", yaxis_title="share of the variance of the ranks", height=360,
                      margin={"l": 10, "r": 10, "t": 30, "b": 40}, legend={"orientation": "h"})
    st.plotly_chart(fig, key="sensitivity", config={"displaylogo": False})
    sup.show_table(s, {c: "{:.3f}" for c in ("ST_rank", "ST_rank_conf", "S1_rank", "ST_score", "S1_score")})
    st.caption("Sobol' indices: ST (total effect, Jansen estimator) is the share of the variance of the ranks "
               "that would vanish if that assumption were fixed, interactions included; S1 (first order) the "
               "share it explains alone. Summed over countries, weighted by the variance of each country's rank; "
               "± = 95 % bootstrap half-width.")
    mine = [c for c in focus if c in set(res.per_country.country)]
    if mine:
        pc = res.per_country[res.per_country.country.isin(mine)]
        wide = pc.pivot(index="factor", columns="country", values="ST_rank").reindex([f.name for f in res.factors])
        st.markdown("**Total effect on the rank of each highlighted country**")
        unranked = [c for c in wide.columns if wide[c].isna().all()]
        shown = wide.astype(object).where(wide.notna(), "not ranked")  # no rank is not "perfectly robust" (0)
        sup.show_table(shown.reset_index(), {c: "{:.3f}" for c in wide.columns if c not in unranked})
        if unranked:
            st.caption(f"Not ranked in any run (no score at the ranked node): {', '.join(map(sup.country_label, unranked))}; "
                       "they have no sensitivity to report.")


def convergence_view() -> None:
    import plotly.graph_objects as go

    if group is None:
        st.info("Pick a group (**Rank within**) to see whether its members converge.")
        return
    opts = ["overall", *(k.code for k in scheme.root.children)]
    sup.ensure_choice("rb_conv_node", opts, "overall")
    code = st.selectbox("Node", opts, key="rb_conv_node",
                        format_func=lambda c: "Overall" if c == "overall" else f"{c} {scheme.node(c).title}")
    who = focus[0] if focus else None
    try:
        cv = run_convergence(data, data.version, sid, group.name, code, who, st.session_state.get("stat", "mean")
                             if st.session_state.get("stat") in ("mean", "median", "min", "max") else "mean")
    except ConvergenceError as err:
        st.info(str(err))
        return
    ct = cv.table[cv.table.n > 0]
    if ct.empty:
        st.info(f"No member of {group.name} has a score at {code} in any year.")
        return
    fig = go.Figure()
    fig.add_trace(go.Scatter(x=ct.year, y=ct["mean"], name=f"{group.name} mean", mode="lines+markers"))
    fig.add_trace(go.Scatter(x=ct.year, y=ct.sd, name="standard deviation (sigma)", mode="lines+markers",
                             yaxis="y2", line={"dash": "dot"}))
    if who:
        fig.add_trace(go.Scatter(x=cv.table.year, y=cv.table.score, name=sup.country_label(who), mode="lines+markers",
                                 line={"color": "#d62728"}))
    fig.update_layout(height=380, yaxis={"title": "score"}, margin={"l": 10, "r": 10, "t": 30, "b": 40},
                      yaxis2={"title": "sd", "overlaying": "y", "side": "right"}, legend={"orientation": "h"})
    st.plotly_chart(fig, key="convergence", config={"displaylogo": False})
    sg, b = cv.sigma, cv.beta
    verdict = {True: "converging", False: "not converging", None: "undetermined"}
    st.caption(f"**Sigma-convergence:** the standard deviation goes from {sup.fmt_score(sg['first'])} to "
               f"{sup.fmt_score(sg['last'])} (slope {sg['sigma_slope']:+.3f} a year): {verdict[sg['converging']]}. "
               f"**Beta-convergence** {b['first_year']}–{b['last_year']}: β = "
               f"{'–' if sup.is_missing(b['beta']) else format(b['beta'], '+.4f')} over {b['n']} members "
               f"(β < 0: those starting lower improve faster): {verdict[b['converging']]}. Years without a new "
               "profile carry the latest earlier one forward ('carried').")
    sup.show_table(cv.table, {"mean": sup.SCORE, "median": sup.SCORE, "sd": sup.SCORE, "cv": "{:.3f}",
                              "min": sup.SCORE, "max": sup.SCORE, "baseline": sup.SCORE, "score": sup.SCORE,
                              "distance": sup.GAP, "rank": "{:.0f}"})


for tab, view in ((tab_bands, bands_view), (tab_sens, sensitivity_view), (tab_conv, convergence_view)):
    if tab.open:
        with tab:
            view()
