"""Scheme & validation: browse a scheme's tree (questions, options, weights, rules) and read the
validation report of every data file (``indexer validate indicators country_profiles``)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from indexer import app_support as sup
from indexer.model import Node

data = sup.load_data()
st.title(sup.t("page.scheme", sup.current_language()))

tab_tree, tab_report = st.tabs(["Indicator tree", "Validation report"], key="scheme_view", on_change="rerun")


def tree_view() -> None:
    ids = list(data.schemes)
    if not ids:
        st.info(f"No scheme in `{sup.SCHEMES_DIR}/`.")
        return
    sup.ensure_choice("scheme", ids, sup.default_scheme(data) or ids[0])
    sid = st.selectbox("Scheme", ids, key="scheme", format_func=lambda s: sup.scheme_label(data.schemes[s]))
    s = data.schemes[sid]
    st.subheader(s.title)
    if s.description:
        st.write(s.description)
    if s.source:
        st.caption(f"Source: {s.source}")
    n_leaves = len(s.leaves)
    facts = [f"`{data.rel(s.path)}`", f"version {s.version}", f"{len(s.root.children)} {s.level_name(1)}s",
             f"{n_leaves} indicators", f"scale {s.scale[0]:g}–{s.scale[1]:g}", f"aggregation {s.aggregation}",
             f"missing answers: {s.missing}", f"levels: {', '.join(s.levels)}"]
    if s.min_coverage:
        facts.append(f"min coverage {s.min_coverage:.0%}")
    st.caption(" · ".join(facts))
    if s.bands:
        st.caption("Bands: " + " · ".join(f"{b.label} ≥ {b.min:g}" for b in s.bands))
    n_prof = len(data.profiles(sid))
    st.caption(f"{n_prof} profile{'s' * (n_prof != 1)} of this scheme in use.")

    def rule(n: Node) -> str:
        bits = []
        if n.weight != 1:
            bits.append(f"weight {n.weight:g}")
        if n.aggregation:
            bits.append(n.aggregation)
        if n.min_coverage is not None:
            bits.append(f"needs {n.min_coverage:.0%} answered")
        return f" · :gray[{', '.join(bits)}]" if bits else ""

    def leaf_block(n: Node) -> None:
        st.markdown(f"**{n.code}** {n.title}{rule(n)}")
        if n.question:
            st.markdown(f"> {n.question}")
        if n.help:
            st.caption(n.help)
        if n.numeric is not None:
            num = n.numeric
            rng = (f"{num.min:g}–{num.max:g}" if num.normalise is None else f"normalised ({num.normalise})")
            st.caption(f"A number{f' ({num.unit})' if num.unit else ''}: {rng}, best {num.best}.")
        elif n.options:
            st.markdown("\n".join(f"- `{o.value}` {o.label} — **{o.score:g}**" for o in n.options))

    for area in s.root.children:
        n_under = sum(1 for d in s.descendants(area.code) if d.is_leaf) if area.children else 1
        with st.expander(f"{area.code} · {area.title} ({n_under} indicator{'s' * (n_under != 1)})"):
            if area.is_leaf:
                leaf_block(area)
                continue
            st.caption(f"{area.level.capitalize()}{rule(area)}")
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
    st.caption(f"Every file under `{sup.SCHEMES_DIR}/` and `{sup.PROFILES_DIR}/` of `{data.root}`, checked as "
               f"`indexer validate {sup.SCHEMES_DIR} {sup.PROFILES_DIR}` does (about {n_files} scheme and profile files).")
    if not probs:
        st.success("No problems: every scheme, profile and group file is valid.", icon=":material/task_alt:")
        return
    (st.error if n_err else st.warning)(
        f"{n_err} error{'s' * (n_err != 1)} and {len(probs) - n_err} warning{'s' * (len(probs) - n_err != 1)} "
        f"in {len(files)} file{'s' * (len(files) != 1)}."
        + (" Profile files with errors are left out of every score." if data.excluded else ""))
    by_file = pd.DataFrame([{"file": data.rel(p.path), "severity": p.severity, "code": p.code} for p in probs])
    summary = (by_file.groupby("file")
               .agg(errors=("severity", lambda x: int((x == "error").sum())),
                    warnings=("severity", lambda x: int((x == "warning").sum())),
                    codes=("code", lambda x: ", ".join(sorted(set(x)))))
               .reset_index().sort_values(["errors", "warnings"], ascending=False))
    st.dataframe(summary, hide_index=True, width="stretch")
    sev = st.segmented_control("Show", ["errors", "warnings"], selection_mode="multi",
                               default=["errors", "warnings"], key="val_sev")
    codes = sorted({p.code for p in probs})
    pick = st.multiselect("Problem codes", codes, key="val_codes", placeholder="all codes")
    keep = [p for p in probs if (p.severity + "s") in (sev or []) and (not pick or p.code in pick)]
    df = pd.DataFrame([{"file": data.rel(p.path), "line": p.line, "col": p.column, "severity": p.severity,
                        "code": p.code, "message": p.message} for p in keep])
    st.dataframe(df, hide_index=True, width="stretch", height=min(600, 38 + 35 * max(1, len(df))))
    st.download_button("Download the report (text)", data=lambda: "".join(
        f"{data.rel(p.path)}:{p.line}:{p.column}: {p.severity} {p.code}: {p.message}\n" for p in probs),
                       file_name="validation.txt", mime="text/plain", on_click="ignore", icon=":material/download:")


for tab, view in ((tab_tree, tree_view), (tab_report, report_view)):
    if tab.open:
        with tab:
            view()
