"""Reform scenarios: what if a country changed some answers, or adopted another country's
answers in an area — every level and rank recomputed — and the smallest set of changes that
would lift it to a target, with the countries that already have the better answer. A thin view
over ``indexer.whatif.what_if`` and ``indexer.transfer.transfer``."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from indexer import app_data as dat
from indexer import app_format as fmt
from indexer import app_lang as lang
from indexer import app_widgets as ui
from indexer.i18n import MESSAGES
from indexer.model import NOT_APPLICABLE
from indexer.notes import say
from indexer.transfer import TransferError, transfer
from indexer.whatif import Reform, WhatIfError, adopt, what_if

BLANK = "(blank)"
NONE = "(none)"


@st.cache_resource(max_entries=32, show_spinner=False)
def run_what_if(_data: dat.AppData, version: str, sid: str, country: str, year: int | None, group: str | None,
                adopt_from: str | None, areas: tuple[str, ...], sets: tuple[tuple[str, str | None], ...],
                coding: tuple[str, ...] = ()):
    scheme, profiles = _data.schemes[sid], dat.scored(_data, sid, coding)
    reform = Reform()
    for a in areas:
        reform = reform + adopt(scheme, profiles, adopt_from, a, year=year)
    if sets:
        reform = reform + Reform(dict(sets), sources={c: "set" for c, _ in sets})
    return what_if(scheme, profiles, country, reform, group=_data.groups.get(group) if group else None, year=year)


@st.cache_resource(max_entries=32, show_spinner=False)
def run_transfer(_data: dat.AppData, version: str, sid: str, country: str, year: int | None, group: str | None,
                 stat: str, target: float | None, within: bool, coding: tuple[str, ...] = ()):
    return transfer(_data.schemes[sid], dat.scored(_data, sid), country, group=_data.groups.get(group) if group else None,
                    stat=stat, target=target, year=year, within_group=within, coding=coding)


data = dat.load_data()
L = lang.current()  # bound for format_func (called outside the run too, by AppTest)
tr = lang.translator(L)
st.title(tr("page.reform"))
ids = data.schemes_with_profiles()
if not ids:
    st.info(tr("rf.no_profiles"))
    st.stop()

# --- selections (shared with Compare and Country profile) ---------------------------------------
sid, scheme, s, country, year, group_name, group, stat = ui.country_controls(data, ids)
#: the scheme's texts in the app's language (codes and scores as ``scheme``'s)
vscheme, translation = lang.shown(data, sid, L)

coding = ui.current_coding()
answered = s.choose(coding, answers=True)  # a reform changes answers: the coding that has them
row = answered.row_for(country, year)
profile = answered.profile(row[1])
ui.show_provenance([profile])
st.caption(tr("rf.caption", scheme=fmt.scheme_label(vscheme), country=fmt.country_label(country, L), year=profile.year,
              status=profile.status, coding=fmt.coding_text(profile.coding, profile.provenance)))

TAB_WHATIF = tr("rf.tab.whatif")
tab_whatif, tab_gaps = st.tabs([TAB_WHATIF, tr("rf.tab.gaps")], key="reform_view", on_change="rerun")


def _set_changes(changes: dict[str, str]) -> None:
    """Put a set of changes into the What-if selections (a button's callback)."""
    st.session_state["rf_leaves"] = list(changes)
    for code, ans in changes.items():
        if scheme.node(code).numeric is not None:
            st.session_state[f"rf_num_{code}"] = float(ans)
        else:
            st.session_state[f"rf_set_{code}"] = ans
    st.session_state["rf_adopt_areas"] = []
    st.session_state["reform_view"] = TAB_WHATIF


def whatif_view() -> None:
    st.markdown(tr("rf.adopt_head"))
    a1, a2 = st.columns([1, 3])
    others = [c for c in data.countries(sid) if c != country]
    ui.ensure_choice("rf_adopt_from", [NONE, *others], NONE)
    src = fmt.none_if(a1.selectbox(tr("rf.from"), [NONE, *others], key="rf_adopt_from",
                                   format_func=lambda c: tr("rf.none") if c == NONE else fmt.country_label(c, L)), NONE)
    areas_all = [k.code for k in scheme.root.children]
    ui.ensure_choices("rf_adopt_areas", areas_all, [])
    a2.multiselect(tr("rf.areas"), areas_all, key="rf_adopt_areas", disabled=src is None,
                   format_func=lambda c: f"{c} {vscheme.node(c).title}", placeholder=None if L == "en" else tr("rf.choose"))
    st.markdown(tr("rf.single_head"))
    leaves = [x.code for x in scheme.leaves]
    ui.ensure_choices("rf_leaves", leaves, [])
    st.multiselect(tr("rf.indicators"), leaves, key="rf_leaves", format_func=lambda c: f"{c} {vscheme.node(c).title}",
                   placeholder=tr("rf.pick_indicators"))
    sets: list[tuple[str, str | None]] = []
    picked_leaves = st.session_state["rf_leaves"]
    if picked_leaves:
        cols = st.columns(min(3, len(picked_leaves)))
        for i, code in enumerate(picked_leaves):
            leaf = vscheme.node(code)
            col = cols[i % len(cols)]
            now = profile.answers.get(code)
            label = tr("rf.now", code=code, answer=fmt.answer_text(leaf, now))
            if leaf.numeric is not None:
                key = f"rf_num_{code}"
                if key not in st.session_state:
                    st.session_state[key] = float(now) if now not in (None, NOT_APPLICABLE) else float(leaf.numeric.min or 0)
                v = col.number_input(label, key=key)
                sets.append((code, repr(float(v)) if not float(v).is_integer() else str(int(v))))
            else:
                opts = [o.value for o in leaf.options] + [NOT_APPLICABLE, BLANK]
                key = f"rf_set_{code}"
                ui.ensure_choice(key, opts, now if now in opts else opts[0])
                v = col.selectbox(label, opts, key=key,
                                  format_func=lambda v, lf=leaf: tr("rf.blank") if v == BLANK else
                                  v if v == NOT_APPLICABLE else fmt.answer_text(lf, v))
                sets.append((code, None if v == BLANK else v))
    areas = tuple(st.session_state["rf_adopt_areas"]) if src else ()
    if not areas and not sets:
        st.info(tr("rf.pick_something"))
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
    m1.metric(tr("rf.overall_before"), fmt.fmt_score(ov.before))
    m2.metric(tr("rf.overall_after"), fmt.fmt_score(ov.after),
              delta=None if fmt.is_missing(ov.delta) else f"{float(ov.delta):+.1f}")
    if group is not None:
        m3.metric(tr("rf.rank_in", group=group.name), "–" if fmt.is_missing(ov.rank_after) else
                  fmt.fmt_rank(ov.rank_after, ov.rank_n),
                  delta=None if fmt.is_missing(ov.rank_after) or fmt.is_missing(ov.rank_before)
                  or ov.rank_after == ov.rank_before else tr("rf.places", d=f"{int(ov.rank_before) - int(ov.rank_after):+d}"),
                  help=tr("rf.rank_before", rank=fmt.fmt_rank(ov.rank_before, ov.rank_n)))
    if fmt.is_missing(ov.after):
        st.caption(tr("rf.no_overall_after", why=fmt.no_score_reason(scheme, scheme.root, None)))
    import plotly.graph_objects as go

    areas_t = res.table[res.table.depth == 1]
    fig = go.Figure([go.Bar(x=areas_t.code, y=areas_t.before, name=tr("rf.before")),
                     go.Bar(x=areas_t.code, y=areas_t.after, name=tr("rf.after"))])
    fig.update_layout(barmode="group", height=320, yaxis={"range": list(scheme.scale), "title": tr("col.score")},
                      margin={"l": 10, "r": 10, "t": 30, "b": 40}, legend={"orientation": "h"})
    st.plotly_chart(fig, key="reform_bars", config={"displaylogo": False})
    st.markdown(tr("rf.changes_head"))
    blank = tr("rf.blank")
    sb, sa = tr("rf.col.score_before"), tr("rf.col.score_after")
    ui.show_table(pd.DataFrame([{tr("col.code"): c.code, tr("rf.col.from"): c.before if c.before is not None else blank,
                                  tr("rf.col.to"): c.after if c.after is not None else blank, sb: c.before_score,
                                  sa: c.after_score, tr("rf.col.source"): tr("rf.src.set") if c.source == "set"
                                  else say(c.source, L)} for c in res.changes]),
                   {sb: fmt.SCORE, sa: fmt.SCORE})
    st.markdown(tr("rf.moved_head"))
    cols = ["code", "title", "level", "before", "after", "delta"] + (["rank_before", "rank_after", "rank_n"] if group else [])
    moved = res.moved[cols].copy()
    if L != "en":  # the scheme's texts and the columns in the app's language (codes and numbers as they are)
        moved["title"] = [vscheme.node(c).title if c in vscheme.index else x for c, x in zip(moved.code, moved.title, strict=True)]
        if translation is not None:
            moved["level"] = [translation.level(x) if isinstance(x, str) else x for x in moved.level]
    names = {c: tr(f"rf.col.{c}") for c in cols}
    ui.show_table(moved.rename(columns=names), {names["before"]: fmt.SCORE, names["after"]: fmt.SCORE,
                                                 names["delta"]: fmt.GAP, names.get("rank_before", "-"): "{:.0f}",
                                                 names.get("rank_after", "--"): "{:.0f}"})
    for n in res.notes:
        st.caption(say(n, L))


def gaps_view() -> None:
    g1, g2, g3 = st.columns([2, 1, 2])
    modes = ["baseline", "score"]
    ui.ensure_choice("rf_target_mode", modes, "baseline" if group is not None else "score")
    mode = g1.radio(tr("rf.target"), modes, key="rf_target_mode", horizontal=True,
                    format_func=lambda m: tr("rf.target_base", base=fmt.baseline_label(group, stat, L)) if m == "baseline"
                    else tr("rf.target_score"))
    if "rf_target" not in st.session_state:
        st.session_state["rf_target"] = 60.0
    g2.number_input(tr("rf.score"), key="rf_target", min_value=float(scheme.scale[0]), max_value=float(scheme.scale[1]),
                    disabled=mode != "score")
    g3.checkbox(tr("rf.within"), key="rf_within", disabled=group is None, help=tr("rf.within_help"))
    if mode == "baseline" and group is None:
        st.info(tr("rf.pick_group"))
        return
    target = None if mode == "baseline" else float(st.session_state["rf_target"])
    try:
        res = run_transfer(data, data.version, sid, country, year, group_name, stat, target,
                           bool(st.session_state.get("rf_within")) and group is not None, coding)
    except TransferError as err:
        st.info(say(err.note, L) if err.note is not None else str(err))
        return
    bounds = res.objective != "score"
    m1, m2, m3 = st.columns(3)
    if fmt.is_missing(res.overall) and not fmt.is_missing(res.lower):
        m1.metric(tr("rf.overall_now"), fmt.fmt_bounds(res.lower, res.upper),
                  help=tr("rf.overall_now_help", cov=fmt.fmt_pct(res.coverage)))
    else:
        m1.metric(tr("rf.overall_now"), fmt.fmt_score(res.overall))
    m2.metric(tr("rf.target"), fmt.fmt_score(res.target),
              help=say(res.target_note, L) if res.target_note is not None else tr("rf.target_score"))
    if res.reachable:
        m3.metric(tr("rf.changes_needed"), str(len(res.steps)), help=tr("rf.changes_help", n=res.candidates))
    else:
        m3.metric(tr("rf.changes_needed"), tr("rf.out_of_reach") if not (fmt.is_missing(res.overall)
                  and fmt.is_missing(res.lower)) else "–")
    for n in res.notes:
        st.caption(say(n, L))
    own = {c: v for c, v in res.codings.items() if "(" in v}
    if own:
        st.caption(tr("rf.codings", items=", ".join(f"{c} {v}" for c, v in sorted(own.items()))))
    if res.steps:
        if not res.reachable:
            head = tr("rf.head.every")
        elif res.objective == "lower":
            head = tr("rf.head.lower", target=fmt.fmt_score(res.target), country=country)
        elif res.objective == "upper":
            head = tr("rf.head.upper", country=country)
        else:
            head = tr("rf.head.smallest")
        how = tr(f"rf.method.{res.method}") if res.method in ("greedy", "search") else res.method
        st.markdown(f"**{head}** — {how}")
        if res.answers:
            st.caption(tr("rf.answers_note", changes=len(res.steps) - res.answers, answers=res.answers, country=country))
        gain = tr(f"rf.gain.{res.objective}")
        c_after, c_bounds = tr("rf.col.overall_after"), tr("rf.col.bounds_after")
        open_, kinds = tr("rf.open"), {"change": tr("rf.kind.change"), "answer": tr("rf.kind.answer")}
        rows = []
        for i, st_ in enumerate(res.steps):
            ans = st_.kind == "answer"
            title = vscheme.node(st_.code).title if st_.code in vscheme.index else st_.title
            row = {tr("rf.col.step"): i + 1, tr("rf.col.edit"): f"{kinds.get(st_.kind, st_.kind)} {st_.code}",
                   tr("col.title"): title,
                   tr("col.answer"): f"{f'({open_})' if ans else st_.answer} → {st_.to_answer}",
                   tr("col.score"): f"{open_ if ans else f'{st_.score:.0f}'} → {st_.to_score:.0f}", gain: st_.gain,
                   c_after: st_.overall_after}
            if bounds:
                row[c_bounds] = fmt.fmt_bounds(st_.lower_after, st_.upper_after)
            row[tr("rf.col.models")] = ", ".join(st_.models) or "–"
            rows.append(row)
        ui.show_table(pd.DataFrame(rows), {gain: "{:+.2f}", c_after: "{:.2f}"},
                       height=min(38 + 35 * len(rows), 560))
        if group is not None:
            st.caption(tr("rf.models_note"))
        st.button(tr("rf.try"), on_click=_set_changes, args=(res.changes,), icon=":material/science:")
    elif res.status == "sure" or (res.objective == "score" and res.reachable):
        st.success(tr("rf.already", country=fmt.country_label(country, L)))
    if res.after and (res.steps or bounds):
        st.markdown(tr("rf.after_head"))
        sb, sa = tr("rf.col.score_before"), tr("rf.col.score_after")
        ui.show_table(pd.DataFrame([{
            tr("col.code"): a.code, tr("col.title"): vscheme.node(a.code).title if a.code in vscheme.index else a.title,
            sb: a.score_before, sa: a.score_after,
            tr("rf.col.coverage_before"): fmt.fmt_pct(a.coverage_before),
            tr("rf.col.coverage_after"): fmt.fmt_pct(a.coverage_after),
            tr("rf.col.bounds_before"): fmt.fmt_bounds(a.lower_before, a.upper_before),
            tr("rf.col.bounds_after"): fmt.fmt_bounds(a.lower_after, a.upper_after)} for a in res.after]),
            {sb: fmt.SCORE, sa: fmt.SCORE})
        verdict_box = {"sure": st.success, "possibly": st.warning, "no": st.error}[res.status]
        verdict_box(tr(f"rf.status.{res.status}", target=fmt.fmt_score(res.target)))
        if res.objective == "lower" and res.possible_in is not None:
            st.caption(tr("rf.possible_now", upper=fmt.fmt_score(res.upper)) if res.possible_in == 0 else
                       tr("rf.possible_in", n=res.possible_in))
    if group is not None:
        st.markdown(tr("rf.provisions_head", country=country, base=fmt.baseline_label(group, stat, L)))
        if res.provisions.empty:
            st.caption(tr("rf.provisions_none"))
        else:
            prov = res.provisions
            if L != "en":  # the scheme's titles in the app's language
                prov = prov.copy()
                prov["title"] = [vscheme.node(c).title if c in vscheme.index else x
                                 for c, x in zip(prov.code, prov.title, strict=True)]
            names = {c: tr(f"rf.prov.{c}") if f"rf.prov.{c}" in MESSAGES else c for c in prov.columns}
            prov = prov.rename(columns=names)
            ui.show_table(prov, {names["score"]: fmt.SCORE, names["baseline"]: fmt.SCORE, names["gap"]: fmt.GAP,
                                  names["group_best"]: fmt.SCORE})


for tab, view in ((tab_whatif, whatif_view), (tab_gaps, gaps_view)):
    if tab.open:
        with tab:
            view()
