"""Reform scenarios: what if a country changed some answers, or adopted another country's
answers in an area — every level and rank recomputed — and the smallest set of changes that
would lift it to a target, with the countries that already have the better answer. A thin view
over ``indexer.whatif.what_if`` and ``indexer.transfer.transfer``."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from indexer import app_support as sup
from indexer.model import NOT_APPLICABLE
from indexer.transfer import TransferError, transfer
from indexer.whatif import Reform, WhatIfError, adopt, what_if

BLANK = "(blank)"
NONE = "(none)"


@st.cache_resource(max_entries=32, show_spinner=False)
def run_what_if(_data: sup.AppData, version: str, sid: str, country: str, year: int | None, group: str | None,
                adopt_from: str | None, areas: tuple[str, ...], sets: tuple[tuple[str, str | None], ...],
                coding: tuple[str, ...] = ()):
    scheme, profiles = _data.schemes[sid], sup.scored(_data, sid, coding)
    reform = Reform()
    for a in areas:
        reform = reform + adopt(scheme, profiles, adopt_from, a, year=year)
    if sets:
        reform = reform + Reform(dict(sets), sources={c: "set" for c, _ in sets})
    return what_if(scheme, profiles, country, reform, group=_data.groups.get(group) if group else None, year=year)


@st.cache_resource(max_entries=32, show_spinner=False)
def run_transfer(_data: sup.AppData, version: str, sid: str, country: str, year: int | None, group: str | None,
                 stat: str, target: float | None, within: bool, coding: tuple[str, ...] = ()):
    return transfer(_data.schemes[sid], sup.scored(_data, sid), country, group=_data.groups.get(group) if group else None,
                    stat=stat, target=target, year=year, within_group=within, coding=coding)


data = sup.load_data()
L = sup.current_language()  # bound for format_func (called outside the run too, by AppTest)
st.title(sup.t("page.reform", L))
ids = data.schemes_with_profiles()
if not ids:
    st.info("No profiles yet: add one on the **Questionnaire** page.")
    st.stop()

# --- selections (shared with Compare and Country profile) ---------------------------------------
sid, scheme, s, country, year, group_name, group, stat = sup.country_controls(data, ids)

coding = sup.current_coding()
answered = s.choose(coding, answers=True)  # a reform changes answers: the coding that has them
row = answered.row_for(country, year)
profile = answered.profile(row[1])
sup.show_provenance([profile])
st.caption(f"{sup.scheme_label(scheme)} · {sup.country_label(country)}, profile of **{profile.year}** "
           f"({profile.status}, {sup.coding_text(profile.coding, profile.provenance)}). A scenario is a calculation, "
           "not a description of any law.")

tab_whatif, tab_gaps = st.tabs(["What if", "Smallest reform to a target"], key="reform_view", on_change="rerun")


def _set_changes(changes: dict[str, str]) -> None:
    """Put a set of changes into the What-if selections (a button's callback)."""
    st.session_state["rf_leaves"] = list(changes)
    for code, ans in changes.items():
        if scheme.node(code).numeric is not None:
            st.session_state[f"rf_num_{code}"] = float(ans)
        else:
            st.session_state[f"rf_set_{code}"] = ans
    st.session_state["rf_adopt_areas"] = []
    st.session_state["reform_view"] = "What if"


def whatif_view() -> None:
    st.markdown("**Adopt another country's answers in some areas**")
    a1, a2 = st.columns([1, 3])
    others = [c for c in data.countries(sid) if c != country]
    sup.ensure_choice("rf_adopt_from", [NONE, *others], NONE)
    src = sup.none_if(a1.selectbox("From", [NONE, *others], key="rf_adopt_from",
                                   format_func=lambda c: c if c == NONE else sup.country_label(c, L)), NONE)
    areas_all = [k.code for k in scheme.root.children]
    sup.ensure_choices("rf_adopt_areas", areas_all, [])
    a2.multiselect("Areas", areas_all, key="rf_adopt_areas", disabled=src is None,
                   format_func=lambda c: f"{c} {scheme.node(c).title}")
    st.markdown("**Change single indicators**")
    leaves = [x.code for x in scheme.leaves]
    sup.ensure_choices("rf_leaves", leaves, [])
    st.multiselect("Indicators", leaves, key="rf_leaves", format_func=lambda c: f"{c} {scheme.node(c).title}",
                   placeholder="Pick indicators to change")
    sets: list[tuple[str, str | None]] = []
    picked_leaves = st.session_state["rf_leaves"]
    if picked_leaves:
        cols = st.columns(min(3, len(picked_leaves)))
        for i, code in enumerate(picked_leaves):
            leaf = scheme.node(code)
            col = cols[i % len(cols)]
            now = profile.answers.get(code)
            label = f"{code} (now: {sup.answer_text(leaf, now)})"
            if leaf.numeric is not None:
                key = f"rf_num_{code}"
                if key not in st.session_state:
                    st.session_state[key] = float(now) if now not in (None, NOT_APPLICABLE) else float(leaf.numeric.min or 0)
                v = col.number_input(label, key=key)
                sets.append((code, repr(float(v)) if not float(v).is_integer() else str(int(v))))
            else:
                opts = [o.value for o in leaf.options] + [NOT_APPLICABLE, BLANK]
                key = f"rf_set_{code}"
                sup.ensure_choice(key, opts, now if now in opts else opts[0])
                v = col.selectbox(label, opts, key=key,
                                  format_func=lambda v, lf=leaf: v if v in (NOT_APPLICABLE, BLANK) else sup.answer_text(lf, v))
                sets.append((code, None if v == BLANK else v))
    areas = tuple(st.session_state["rf_adopt_areas"]) if src else ()
    if not areas and not sets:
        st.info("Pick areas to adopt from another country, or indicators to change.")
        return
    try:
        res = run_what_if(data, data.version, sid, country, year, group_name, src, areas, tuple(sets), coding)
    except WhatIfError as err:
        for _, msg in err.problems:
            st.error(msg)
        return
    t = res.table.set_index("code")
    ov = t.loc["overall"]
    m1, m2, m3 = st.columns(3)
    m1.metric("Overall before", sup.fmt_score(ov.before))
    m2.metric("Overall after", sup.fmt_score(ov.after),
              delta=None if sup.is_missing(ov.delta) else f"{float(ov.delta):+.1f}")
    if group is not None:
        m3.metric(f"Rank in {group.name}", "–" if sup.is_missing(ov.rank_after) else
                  f"{int(ov.rank_after)} of {sup.fmt_int(ov.rank_n)}",
                  delta=None if sup.is_missing(ov.rank_after) or sup.is_missing(ov.rank_before)
                  or ov.rank_after == ov.rank_before else f"{int(ov.rank_before) - int(ov.rank_after):+d} places",
                  help=f"Before: {sup.fmt_rank(ov.rank_before, ov.rank_n)}")
    if sup.is_missing(ov.after):
        st.caption(f"No overall score after the reform either: {sup.no_score_reason(scheme, scheme.root, None)} "
                   "or too few indicators answered for the coverage rule.")
    import plotly.graph_objects as go

    areas_t = res.table[res.table.depth == 1]
    fig = go.Figure([go.Bar(x=areas_t.code, y=areas_t.before, name="before"),
                     go.Bar(x=areas_t.code, y=areas_t.after, name="after")])
    fig.update_layout(barmode="group", height=320, yaxis={"range": list(scheme.scale), "title": "score"},
                      margin={"l": 10, "r": 10, "t": 30, "b": 40}, legend={"orientation": "h"})
    st.plotly_chart(fig, key="reform_bars", config={"displaylogo": False})
    st.markdown("**Changes**")
    sup.show_table(pd.DataFrame([{"code": c.code, "from": c.before if c.before is not None else BLANK,
                                  "to": c.after if c.after is not None else BLANK, "score before": c.before_score,
                                  "score after": c.after_score, "source": c.source} for c in res.changes]),
                   {"score before": sup.SCORE, "score after": sup.SCORE})
    st.markdown("**What moved**")
    cols = ["code", "title", "level", "before", "after", "delta"] + (["rank_before", "rank_after", "rank_n"] if group else [])
    sup.show_table(res.moved[cols], {"before": sup.SCORE, "after": sup.SCORE, "delta": sup.GAP,
                                     "rank_before": "{:.0f}", "rank_after": "{:.0f}"})
    for n in res.notes:
        st.caption(n)


def gaps_view() -> None:
    g1, g2, g3 = st.columns([2, 1, 2])
    modes = ["baseline", "score"]
    sup.ensure_choice("rf_target_mode", modes, "baseline" if group is not None else "score")
    mode = g1.radio("Target", modes, key="rf_target_mode", horizontal=True,
                    format_func=lambda m: f"the {sup.baseline_label(group, stat, L)}" if m == "baseline" else "a score")
    if "rf_target" not in st.session_state:
        st.session_state["rf_target"] = 60.0
    g2.number_input("Score", key="rf_target", min_value=float(scheme.scale[0]), max_value=float(scheme.scale[1]),
                    disabled=mode != "score")
    g3.checkbox("Only answers some member already has", key="rf_within", disabled=group is None,
                help="Policy transfer proper: a change must copy an answer found in the group.")
    if mode == "baseline" and group is None:
        st.info("Pick a baseline group, or set a target score.")
        return
    target = None if mode == "baseline" else float(st.session_state["rf_target"])
    try:
        res = run_transfer(data, data.version, sid, country, year, group_name, stat, target,
                           bool(st.session_state.get("rf_within")) and group is not None, coding)
    except TransferError as err:
        st.info(str(err))
        return
    bounds = res.objective != "score"
    m1, m2, m3 = st.columns(3)
    if sup.is_missing(res.overall) and not sup.is_missing(res.lower):
        m1.metric("Overall now", sup.fmt_bounds(res.lower, res.upper),
                  help=f"No score: coverage {sup.fmt_pct(res.coverage)} is below the overall's rule; "
                       "the bounds are what the score can still become once every open indicator is answered.")
    else:
        m1.metric("Overall now", sup.fmt_score(res.overall))
    m2.metric("Target", sup.fmt_score(res.target), help=res.target_source)
    if res.reachable:
        m3.metric("Changes needed", str(len(res.steps)), help=f"Smallest number, of {res.candidates} candidates")
    else:
        m3.metric("Changes needed", "out of reach" if not (sup.is_missing(res.overall) and sup.is_missing(res.lower))
                  else "–")
    for n in res.notes:
        st.caption(n)
    own = {c: v for c, v in res.codings.items() if "(" in v}
    if own:
        st.caption("Codings read indicator by indicator: " + ", ".join(f"{c} {v}" for c, v in sorted(own.items()))
                   + " (the codings that answer indicators).")
    if res.steps:
        how = {"greedy": "weighted means throughout: the largest gains first, which is provably the fewest changes",
               "search": "an exact search over the tree (the aggregation is not a weighted mean everywhere)"}
        if not res.reachable:
            head = "Every candidate change"
        elif res.objective == "lower":
            head = (f"Smallest reform reaching {sup.fmt_score(res.target)} for sure (its lower bound reaches the "
                    f"target whatever {country}'s open answers turn out to be)")
        elif res.objective == "upper":
            head = (f"No reform reaches the target for sure; the smallest after which {country} can reach it "
                    "(its upper bound reaches the target)")
        else:
            head = "Smallest reform"
        st.markdown(f"**{head}** — {how.get(res.method, res.method)}")
        if res.answers:
            st.caption(f"{len(res.steps) - res.answers} change(s) of answered indicators and {res.answers} answer(s) "
                       f"to open ones: *answer* means the reform enacts the indicator's best answer where "
                       f"{country}'s coding leaves it open (its present state unknown).")
        gain = {"score": "gain alone", "lower": "lower bound +", "upper": "upper bound +"}[res.objective]
        rows = []
        for i, st_ in enumerate(res.steps):
            ans = st_.kind == "answer"
            row = {"step": i + 1, "edit": f"{st_.kind} {st_.code}", "title": st_.title,
                   "answer": f"{'(open)' if ans else st_.answer} → {st_.to_answer}",
                   "score": f"{'open' if ans else f'{st_.score:.0f}'} → {st_.to_score:.0f}", gain: st_.gain,
                   "overall after": st_.overall_after}
            if bounds:
                row["bounds after"] = sup.fmt_bounds(st_.lower_after, st_.upper_after)
            row["models"] = ", ".join(st_.models) or "–"
            rows.append(row)
        sup.show_table(pd.DataFrame(rows), {gain: "{:+.2f}", "overall after": "{:.2f}"},
                       height=min(38 + 35 * len(rows), 560))
        if group is not None:
            st.caption("Models: members of the group whose answer scores at least as much as the proposed one.")
        st.button("Try these changes in What if", on_click=_set_changes, args=(res.changes,),
                  icon=":material/science:")
    elif res.status == "sure" or (res.objective == "score" and res.reachable):
        st.success(f"{sup.country_label(country)} is at or above the target already.")
    if res.after and (res.steps or bounds):
        st.markdown("**After the reform** — the score where coverage allows, and the bounds")
        sup.show_table(pd.DataFrame([{
            "code": a.code, "title": a.title, "score before": a.score_before, "score after": a.score_after,
            "coverage before": sup.fmt_pct(a.coverage_before), "coverage after": sup.fmt_pct(a.coverage_after),
            "bounds before": sup.fmt_bounds(a.lower_before, a.upper_before),
            "bounds after": sup.fmt_bounds(a.lower_after, a.upper_after)} for a in res.after]),
            {"score before": sup.SCORE, "score after": sup.SCORE})
        say = {"sure": st.success, "possibly": st.warning, "no": st.error}[res.status]
        say({"sure": f"Target {sup.fmt_score(res.target)} reached **for sure** after the reform: the lower bound "
                     "reaches it, whatever the open answers turn out to be.",
             "possibly": f"Target {sup.fmt_score(res.target)} **possibly** reached after the reform: the upper bound "
                         "reaches it, the lower bound does not — it depends on the open answers.",
             "no": f"Target {sup.fmt_score(res.target)} **not reached**."}[res.status])
        if res.objective == "lower" and res.possible_in is not None:
            st.caption("Without any change the target is possible already (upper bound "
                       f"{sup.fmt_score(res.upper)}); the reform makes it certain." if res.possible_in == 0 else
                       f"{res.possible_in} change(s) would make it merely possible (upper bound ≥ target).")
    if group is not None:
        st.markdown(f"**Provisions where {country} trails the {sup.baseline_label(group, stat)}**")
        if res.provisions.empty:
            st.caption("None (or no member has indicator-level answers).")
        else:
            sup.show_table(res.provisions, {"score": sup.SCORE, "baseline": sup.SCORE, "gap": sup.GAP,
                                            "group_best": sup.SCORE})


for tab, view in ((tab_whatif, whatif_view), (tab_gaps, gaps_view)):
    if tab.open:
        with tab:
            view()
