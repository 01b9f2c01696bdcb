"""Scheme & validation: browse a scheme's tree (questions, options, weights, rules) and read the
validation report of every data file (``indexer validate indicators country_profiles``)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from indexer import app_data as dat
from indexer import app_format as fmt
from indexer import app_lang as lang
from indexer import app_widgets as ui
from indexer.model import Node

data = dat.load_data()
L = lang.current()  # bound for format_func (called outside the run too, by AppTest)
tr = lang.translator(L)
st.title(tr("page.scheme"))

tab_tree, tab_report = st.tabs([tr("sc.tab.tree"), tr("sc.tab.report")], key="scheme_view", on_change="rerun")


def pct(x: float) -> str:
    return f"{x:.0%}" if L == "en" else f"{lang.num(x * 100, 0)} %"


def tree_view() -> None:
    ids = list(data.schemes)
    if not ids:
        st.info(tr("sc.no_scheme", dir=dat.SCHEMES_DIR))
        return
    ui.ensure_choice("scheme", ids, dat.default_scheme(data) or ids[0])
    sid = st.selectbox(tr("w.scheme"), ids, key="scheme", format_func=lambda x: fmt.scheme_label(lang.shown(data, x, L)[0]))
    # the scheme's texts in the app's language (codes, weights and scores as the scheme's)
    s, translation = lang.shown(data, sid, L)

    def level(name: str) -> str:
        return translation.level(name) if translation is not None else name
    st.subheader(s.title)
    if s.description:
        st.write(s.description)
    if s.source:
        st.caption(tr("sc.source", source=s.source))
    n_leaves = len(s.leaves)
    n_areas = len(s.root.children)
    facts = [f"`{data.rel(s.path)}`", tr("sc.version", v=s.version),
             f"{n_areas} {s.level_name(1)}s" if L == "en" else f"{level(s.level_name(1))}: {n_areas}",
             tr("count.questions", n=n_leaves), tr("sc.scale", lo=f"{s.scale[0]:g}", hi=f"{s.scale[1]:g}"),
             tr("sc.aggregation", how=s.aggregation), tr("sc.missing", how=s.missing),
             tr("sc.levels", levels=", ".join(level(x) for x in s.levels))]
    if s.min_coverage:
        facts.append(tr("sc.min_coverage", pct=pct(s.min_coverage)))
    st.caption(" · ".join(facts))
    if s.bands:
        st.caption(tr("sc.bands") + " · ".join(f"{lang.band(translation, b.label)} ≥ {b.min:g}" for b in s.bands))
    st.caption(tr("sc.profiles", n=len(data.profiles(sid))))

    def rule(n: Node) -> str:
        bits = []
        if n.weight != 1:
            bits.append(tr("sc.weight", w=f"{n.weight:g}"))
        if n.aggregation:
            bits.append(n.aggregation)
        if n.min_coverage is not None:
            bits.append(tr("sc.needs", pct=pct(n.min_coverage)))
        return f" · :gray[{', '.join(bits)}]" if bits else ""

    def leaf_block(n: Node) -> None:
        st.markdown(f"**{n.code}** {n.title}{rule(n)}")
        if n.question:
            st.markdown(f"> {n.question}")
        if n.help:
            st.caption(n.help)
        if n.numeric is not None:
            num = n.numeric
            rng = (f"{num.min:g}–{num.max:g}" if num.normalise is None else tr("sc.normalised", how=num.normalise))
            st.caption(tr("sc.number", unit=f" ({num.unit})" if num.unit else "", range=rng, best=tr(f"best.{num.best}")
                          if num.best in ("low", "high") else num.best))
        elif n.options:
            st.markdown("\n".join(f"- `{o.value}` {o.label} — **{o.score:g}**" for o in n.options))

    for area in s.root.children:
        n_under = len(s.leaves_under(area.code))
        with st.expander(f"{area.code} · {area.title} ({tr('count.questions', n=n_under)})"):
            if area.is_leaf:
                leaf_block(area)
                continue
            st.caption(f"{level(area.level).capitalize()}{rule(area)}")
            for child in area.children:
                if child.is_leaf:
                    leaf_block(child)
                    continue
                st.markdown(f"##### {child.code} {child.title}{rule(child)}")
                for d in s.descendants(child.code):
                    if d.is_leaf:
                        leaf_block(d)
                    else:
                        st.markdown(f"###### {d.code} {d.title}{rule(d)}")


def report_view() -> None:
    probs = list(data.problems)
    files = {p.path for p in probs}
    n_err = sum(p.severity == "error" for p in probs)
    n_files = sum(1 for _ in data.bundle.profile_schemes) + sum(len(f) for f in data.bundle.scheme_paths.values())
    st.caption(tr("sc.report_note", schemes=dat.SCHEMES_DIR, profiles=dat.PROFILES_DIR, root=data.root, n=n_files))
    if not probs:
        st.success(tr("sc.no_problems"), icon=":material/task_alt:")
        return
    (st.error if n_err else st.warning)(
        tr("sc.counts", errors=tr("sc.n_errors", n=n_err), warnings=tr("sc.n_warnings", n=len(probs) - n_err),
           files=tr("sc.n_files", n=len(files)))
        + (tr("sc.excluded") if data.excluded else ""))
    by_file = pd.DataFrame([{"file": data.rel(p.path), "severity": p.severity, "code": p.code} for p in probs])
    summary = (by_file.groupby("file")
               .agg(errors=("severity", lambda x: int((x == "error").sum())),
                    warnings=("severity", lambda x: int((x == "warning").sum())),
                    codes=("code", lambda x: ", ".join(sorted(set(x)))))
               .reset_index().sort_values(["errors", "warnings"], ascending=False))
    if L != "en":
        summary = summary.rename(columns={c: tr(f"sc.col.{c}") for c in ("file", "errors", "warnings", "codes")})
    st.dataframe(summary, hide_index=True, width="stretch")
    sev = st.segmented_control(tr("sc.show"), ["errors", "warnings"], selection_mode="multi",
                               default=["errors", "warnings"], key="val_sev", format_func=lambda x: tr(f"sc.sev.{x}"))
    codes = sorted({p.code for p in probs})
    pick = st.multiselect(tr("sc.codes"), codes, key="val_codes", placeholder=tr("sc.all_codes"))
    keep = [p for p in probs if (p.severity + "s") in (sev or []) and (not pick or p.code in pick)]
    df = pd.DataFrame([{"file": data.rel(p.path), "line": p.line, "col": p.column, "severity": p.severity,
                        "code": p.code, "message": p.message} for p in keep])
    if L != "en" and not df.empty:
        df = df.assign(severity=[tr(f"sc.severity.{x}") if x in ("error", "warning") else x for x in df.severity])
        df = df.rename(columns={c: tr(f"sc.col.{c}") for c in ("file", "line", "col", "severity", "code", "message")})
    st.dataframe(df, hide_index=True, width="stretch", height=min(600, 38 + 35 * max(1, len(df))))
    st.download_button(tr("sc.download"), data=lambda: "".join(
        f"{data.rel(p.path)}:{p.line}:{p.column}: {p.severity} {p.code}: {p.message}\n" for p in probs),
                       file_name="validation.txt", mime="text/plain", on_click="ignore", icon=":material/download:")


for tab, view in ((tab_tree, tree_view), (tab_report, report_view)):
    if tab.open:
        with tab:
            view()
