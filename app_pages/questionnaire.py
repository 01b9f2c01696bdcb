"""Questionnaire: open a profile (or start one, or upload one), answer every indicator with its
source and note, watch the engine's validation and a score preview update live, and save.

Saving (``indexer.app_save``, ``indexer.app_edit``) writes the YAML atomically with ruamel's round trip (comments,
order and quoting kept; only changed values differ), only inside ``country_profiles/``, and
refuses to overwrite a file that changed on disk since it was opened (both versions are shown).
"""

from __future__ import annotations

import datetime as _dt

import pandas as pd
import streamlit as st

from indexer import app_data as dat
from indexer import app_edit as qdoc
from indexer import app_format as fmt
from indexer import app_lang as lang
from indexer import app_save as qsave
from indexer import app_widgets as ui
from indexer.countries import code_of
from indexer.load import is_country_code
from indexer.model import CITATION_FIELDS, NOT_APPLICABLE, PROVENANCES, STATUSES, Node
from indexer.score import score as score_table
from indexer.versions import stale_answers

data = dat.load_data()
L = lang.current()
tr = lang.translator(L)
st.title(tr("q.title"))

doc: qdoc.Doc | None = st.session_state.get("q_doc")
if doc is not None and doc.scheme_id not in data.schemes:
    doc = st.session_state["q_doc"] = None


def _start(new: qdoc.Doc) -> None:
    st.session_state["q_nonce"] = st.session_state.get("q_nonce", 0) + 1
    st.session_state["q_doc"] = new
    st.session_state.pop("q_error", None)


def _open_selected() -> None:
    try:
        _start(qdoc.open_doc(data, data.root / st.session_state["q_pick"]))
    except qdoc.DocError as err:
        st.session_state["q_error"] = err.problems


def _start_new() -> None:
    cc = (st.session_state.get("q_new_country") or "").strip().upper()
    try:
        _start(qdoc.new_doc(data, st.session_state["q_new_scheme"], cc, int(st.session_state["q_new_year"]),
                           coder=st.session_state.get("q_new_coder", "")))
    except qdoc.DocError as err:
        st.session_state["q_error"] = err.problems


# --- open, start or upload ----------------------------------------------------------------------
HOW = {"Open a profile": "q.how.open", "Start a new profile": "q.how.new", "Upload a file": "q.how.upload"}
with st.expander(tr("q.open_expander"), expanded=doc is None):
    how = st.radio(tr("q.how"), list(HOW), horizontal=True, format_func=lambda h: tr(HOW[h]),
                   key="q_how", label_visibility="collapsed")
    if how == "Open a profile":
        files = sorted({data.rel(p.path) for p in data.bundle.profiles if p.scheme in data.schemes})
        labels = {data.rel(p.path): f"{p.country} {p.year} · {p.scheme} · {fmt.coding_text(p.coding, p.provenance)}"
                  for p in data.bundle.profiles}
        if not files:
            st.caption(tr("q.no_profiles"))
        else:
            # Kazakhstan's latest core profile in the default order of codings (a second,
            # independent coding such as desk-b is listed too, not opened first)
            kz = data.profile("mipex-core", "KZ", max(data.years("mipex-core", ["KZ"]), default=0))
            default = data.rel(kz.path) if kz is not None and data.rel(kz.path) in files else \
                next((f for f in files if "/KZ/" in f), files[0])
            ui.ensure_choice("q_pick", files, default)
            c1, c2 = st.columns([5, 1], vertical_alignment="bottom")
            c1.selectbox(tr("q.profile_file"), files, key="q_pick", format_func=lambda f: f"{labels.get(f, '')} — {f}")
            c2.button(tr("q.open"), on_click=_open_selected, type="primary", key="q_open")
    elif how == "Start a new profile":
        ids = list(data.schemes)
        ui.ensure_choice("q_new_scheme", ids, "mipex-core" if "mipex-core" in ids else ids[0])
        c1, c2, c3, c4 = st.columns([3, 2, 1, 2])
        c1.selectbox(tr("w.scheme"), ids, key="q_new_scheme", format_func=lambda s: fmt.scheme_label(lang.shown(data, s, L)[0]))
        cc = c2.text_input(tr("q.country_code"), key="q_new_country", max_chars=12, placeholder=tr("q.country_code_ph"))
        if "q_new_year" not in st.session_state:
            st.session_state["q_new_year"] = _dt.date.today().year
        c3.number_input(tr("w.year"), min_value=1000, max_value=9999, step=1, key="q_new_year")
        c4.text_input(tr("q.coder"), key="q_new_coder")
        if cc.strip():
            code = cc.strip().upper()
            if is_country_code(code):
                st.caption(f"{fmt.country_label(code)} · {tr('q.saved_as')} `{dat.PROFILES_DIR}/"
                           f"{code}/{st.session_state['q_new_scheme']}-{st.session_state['q_new_year']}.yaml`")
            else:
                guess = code_of(cc)
                st.warning(tr("q.not_a_code", typed=cc.strip())
                           + (tr("q.did_you_mean", code=guess, name=fmt.country_label(guess)) if guess else
                              tr("q.two_letters")), icon=":material/edit:")
        st.button(tr("q.start"), on_click=_start_new, type="primary", key="q_start")
    else:
        up = st.file_uploader(tr("q.upload"), type=["yaml", "yml"], key="q_upload")
        if up is not None and st.session_state.get("q_upload_id") != up.file_id:
            st.session_state["q_upload_id"] = up.file_id
            try:
                _start(qdoc.upload_doc(data, up.name, up.getvalue()))
                st.rerun()
            except qdoc.DocError as err:
                st.session_state["q_error"] = err.problems
    for line in st.session_state.get("q_error", []):
        st.error(line, icon=":material/block:")

# the confirmation of a save goes into a slot that is always there: an element that comes and
# goes above the form would shift every element after it, and the browser would draw them all
# again. The save area fills it (save_area, on every run: a fragment may only write into a slot
# outside it that it wrote in the last run of the whole page)
flash_slot = st.empty()

if doc is None:
    st.info(tr("q.open_first"))
    st.stop()

scheme = data.schemes[doc.scheme_id]
#: the scheme's texts in the app's language (titles, questions, help, option labels, sections);
#: codes, values and scores are the same as ``scheme``'s, which edits and checks use
view, translation = lang.shown(data, doc.scheme_id)
nonce = st.session_state.get("q_nonce", 0)


def wkey(code: str, part: str) -> str:
    return f"q{nonce}_{code}_{part}"


# --- sync the values from the widgets (before anything is computed from them) --------------------
PARTS = ("answer", *CITATION_FIELDS)


def _sync() -> None:
    """The document's values as the widgets hold them (also in the Save button's callback, which
    runs before the page: a value typed just before the click is in the widgets only)."""
    for leaf in scheme.leaves:
        cur = doc.values.get(leaf.code, qdoc.Answer())
        upd = {}
        for part in PARTS:
            k = wkey(leaf.code, part)
            if k in st.session_state:
                v = st.session_state[k]
                if part == "answer" and isinstance(v, str):
                    v = v.strip() or None
                elif part != "answer":
                    v = (v or "").strip()
                upd[part] = v
        if upd:
            doc.values[leaf.code] = qdoc.Answer(**{p: upd.get(p, getattr(cur, p)) for p in PARTS})
    for m in qdoc.META_FIELDS:
        k = wkey("meta", m)
        if k in st.session_state:
            doc.meta[m] = (st.session_state[k] or "").strip() if m in ("coder", "reviewer") else st.session_state[k]


_sync()

# --- the coding to-do list: open indicators, most decisive first (``indexer.todo``) ----------------
todo_group = dat.default_group(data, doc.scheme_id)
todo_stat = st.session_state.get("stat", dat.DEFAULT_STAT)


def _todo(profile):  # noqa: ANN001, ANN202 - a Profile (or None) → a Todo (or None)
    """The to-do list of the profile as edited, among the other profiles as they are on disk."""
    if profile is None:
        return None
    from indexer.todo import todo

    pool = [p for p in data.profiles(doc.scheme_id) if p.key != profile.key] + [profile]
    try:
        return todo(scheme, pool, profile.country, group=data.groups.get(todo_group) if todo_group else None,
                    stat=todo_stat, year=profile.year)
    except ValueError:
        return None


# --- the text as it would be saved, checked by the engine (memoised per state) --------------------
def _memo_key() -> tuple:
    return (nonce, doc.opened.digest, doc.base_text.__hash__(), tuple(sorted(doc.values.items())),
            tuple(sorted(doc.meta.items())))


def _checked() -> tuple[str, qdoc.Checked]:
    """The text as it would be saved now and the engine's check of it (the page's, when the state
    is the one the page showed)."""
    memo = st.session_state.get("q_memo")
    if memo is not None and memo[0] == _memo_key():
        return memo[1], memo[2]
    text = doc.text(scheme)
    return text, qdoc.check_text(text, data.schemes, data.rel(doc.path), others=data.bundle.profiles, path=doc.path)


def _save() -> None:
    """The Save button: the values as typed, checked, written (atomically, unless the file changed
    on disk since it was opened). A save reruns only the save area (:func:`save_area`); one that
    cannot be written runs the whole page, which shows why (errors, or both versions)."""
    _sync()
    st.session_state["q_whole_page"] = True  # unless saved, below
    try:
        text, ck = _checked()
    except qdoc.EditError as err:
        st.session_state["q_error"] = [str(err)]
        return
    if ck.errors:
        return  # the page shows them; the button is disabled
    try:
        qdoc.save_doc(data, doc, scheme, text=text)
    except qsave.SaveConflict:
        return  # the page shows both versions
    except qsave.UnsafePath as err:
        st.session_state["q_error"] = [str(err)]
        return
    st.session_state.pop("q_whole_page", None)
    memo = st.session_state.get("q_memo")
    if memo is not None and memo[1] == text:
        # what was checked is what is on disk now: the page's check, preview and to-do list stand
        st.session_state["q_memo"] = (_memo_key(), *memo[1:])
    uncited = [p.message.split(" ", 1)[0] for p in ck.problems if p.code == "missing-source"]
    st.session_state["q_flash"] = (tr("q.saved_at", path=data.rel(doc.path), time=_dt.datetime.now().strftime("%H:%M:%S"))
                                   + (tr("q.uncited", n=len(uncited), codes=", ".join(uncited[:8])
                                         + (" …" if len(uncited) > 8 else "")) if uncited else ""))


memo_key = _memo_key()
memo = st.session_state.get("q_memo")
if memo is None or memo[0] != memo_key:
    try:
        text, checked = _checked()
    except qdoc.EditError as err:
        st.error(tr("q.cannot_edit", err=err))
        st.stop()
    preview = score_table(scheme, [checked.profile]) if checked.profile is not None else None
    memo = (memo_key, text, checked, preview, _todo(checked.profile))
    st.session_state["q_memo"] = memo
_, text, checked, preview, todo_list = memo
dirty = text != doc.opened.text

# --- header -------------------------------------------------------------------------------------
def state_text(dirty: bool) -> str:
    state = {"new": tr("q.state.new"), "upload": tr("q.state.upload")}.get(
        doc.origin, tr("q.state.dirty") if dirty else tr("q.state.saved"))
    return f"`{data.rel(doc.path)}` · {state}"


st.subheader(f"{fmt.country_label(doc.country)} · {doc.year} · {view.title}")
state_slot = st.empty()  # the save area writes the state (save_area)
if doc.origin == "upload" and doc.opened.exists:
    st.warning(tr("q.upload_replaces", path=data.rel(doc.path)))
if doc.meta.get("provenance") == "illustrative":
    ui.show_provenance([checked.profile] if checked.profile is not None else [])
given = sorted(checked.profile.scores) if checked.profile is not None else []
if given:
    st.info(tr("q.given_scores", codes=", ".join(given)))

# --- conflict -----------------------------------------------------------------------------------
if doc.conflict is not None:
    disk = doc.conflict
    st.error(tr("q.conflict", path=data.rel(doc.path),
                what=tr("q.conflict.deleted") if not disk.exists else tr("q.conflict.changed")),
             icon=":material/sync_problem:")
    a, b = st.columns(2)
    a.markdown(tr("q.on_disk"))
    a.code(disk.text if disk.exists else tr("q.deleted"), language="yaml", height=360)
    b.markdown(tr("q.yours"))
    b.code(text, language="yaml", height=360)
    with st.expander(tr("q.differences"), expanded=True):
        st.code(qsave.diff_text(disk.text, text) or tr("q.no_difference"), language="diff", wrap_lines=True)
    r1, r2, r3 = st.columns([2, 2, 3])
    if r1.button(tr("q.reload"), key="q_reload"):
        try:
            _start(qdoc.open_doc(data, doc.path))
        except qdoc.DocError as err:
            st.session_state["q_error"] = err.problems
            st.session_state["q_doc"] = None
        st.rerun()
    sure = r3.checkbox(tr("q.sure"), key=f"q{nonce}_sure")
    if r2.button(tr("q.force"), key="q_force", disabled=not sure):
        try:
            qdoc.save_doc(data, doc, scheme, force=True)
            st.session_state["q_flash"] = tr("q.saved_replacing", path=data.rel(doc.path))
        except qsave.SaveConflict:
            pass
        st.rerun()

# --- meta ---------------------------------------------------------------------------------------
m1, m2, m3, m4, m5 = st.columns(5)
for col, m, opts in ((m1, "status", list(STATUSES)), (m2, "provenance", list(PROVENANCES))):
    k = wkey("meta", m)
    in_file = doc.meta_before.get(m)
    if in_file and in_file not in opts:
        # what the file says, even when it is not a valid value: the box never hides a typo
        opts = [*opts, in_file]
    if k not in st.session_state:
        st.session_state[k] = doc.meta.get(m) if doc.meta.get(m) in opts else opts[0]
    col.selectbox(tr(f"q.{m}"), opts, key=k,
                  format_func=lambda v, ok=(STATUSES if m == "status" else PROVENANCES): v if v in ok else tr("q.not_valid", v=v))
for col, m in ((m3, "coder"), (m4, "reviewer")):
    k = wkey("meta", m)
    if k not in st.session_state:
        st.session_state[k] = doc.meta.get(m, "")
    col.text_input(tr(f"q.{m}"), key=k)
k = wkey("meta", "scheme_version")
# what the file states (or "not stated") and the scheme's version: the only two choices
versions = list(dict.fromkeys([doc.meta_before.get("scheme_version", ""), scheme.version]))
if k not in st.session_state:
    st.session_state[k] = doc.meta.get("scheme_version", "")
m5.selectbox(tr("q.scheme_version"), versions, key=k, format_func=lambda v: v or tr("q.version_unstated"),
             help=tr("q.scheme_version_help", version=scheme.version))

# --- areas: progress and picker ------------------------------------------------------------------
areas = list(scheme.root.children)
cov = {}
if preview is not None:
    cov = {r.code: r.coverage for r in preview.itertuples(index=False) if r.depth <= 1}


def answered(node: Node) -> tuple[int, int]:
    ls = scheme.leaves_under(node.code)
    return sum(1 for n in ls if doc.values[n.code].answer is not None), len(ls)


main, side = st.columns([3, 2], gap="large")
with side:
    st.markdown(tr("q.progress"))
    for a in areas:
        k, n = answered(a)
        st.progress(k / n if n else 0.0, text=tr("q.area_progress", code=a.code, title=view.node(a.code).title, k=k, n=n)
                    + ("" if fmt.is_missing(cov.get(a.code)) else tr("q.area_coverage", pct=fmt.fmt_pct(cov.get(a.code)))))
    k, n = answered(scheme.root)
    st.caption(tr("q.all_answered", k=k, n=n, na=sum(1 for v in doc.values.values() if v.answer == NOT_APPLICABLE)))

    # validation
    st.markdown(tr("q.validation"))
    errs = checked.errors
    missing = [p for p in checked.problems if p.code == "missing-answer"]
    others = [p for p in checked.problems if p.code != "missing-answer"]
    if not errs and not others:
        st.success(tr("q.no_problems") + (tr("q.not_answered_yet", n=len(missing)) if missing else "") + ".",
                   icon=":material/task_alt:")
    for p in others:
        (st.error if p.severity == "error" else st.warning)(f"`{p.line}:{p.column}` {p.code}: {p.message}")
    if missing and (errs or others):
        (st.error if missing[0].severity == "error" else st.caption)(
            tr("q.missing_answers", n=len(missing),
               final=tr("q.missing_final") if missing[0].severity == "error" else ""))

    # score preview
    st.markdown(tr("q.preview"))
    if preview is not None:
        pv = preview[preview.depth <= 1]
        # codes, not titles, and coverage before band: the side column is narrow at 1280 px (issue 18);
        # the area names are in Progress just above
        ui.show_table(pd.DataFrame({
            tr("col.node"): [r.code for r in pv.itertuples()],
            tr("col.score"): pv.score, tr("col.coverage"): pv.coverage,
            tr("col.band"): [lang.band(translation, b) for b in pv.band]}), {tr("col.score"): fmt.SCORE, tr("col.coverage"): fmt.PCT},
            column_config={tr("col.node"): st.column_config.TextColumn(width="small"),
                           tr("col.score"): st.column_config.TextColumn(width="small", alignment="right"),
                           tr("col.coverage"): st.column_config.TextColumn(width="small", alignment="right")})
        st.caption(tr("q.preview_note"))

    # answer these first
    if todo_list is not None and len(todo_list.open):
        st.markdown(tr("q.first"))
        und = todo_list.undetermined
        base = fmt.baseline_label(todo_list.group, todo_list.stat) if todo_list.group is not None else None
        ui.show_table(pd.DataFrame({
            "#": todo_list.open.order,
            tr("q.col.indicator"): [f"{r.code} {view.node(r.code).title}" for r in todo_list.open.itertuples()],
            tr("q.col.swing"): todo_list.open.swing, tr("q.col.decides"): todo_list.open.decides.replace("", "–"),
        }).head(10), {tr("q.col.swing"): "{:.1f}"})
        if base is not None and len(und):
            settle = [tr("q.todo_after", code=r.code, k=r.to_settle, first=r.first) for r in und.itertuples() if r.settles_as]
            st.caption(tr("q.todo_note", n=len(todo_list.open)) + tr("q.todo_undetermined", base=base, codes=", ".join(und.code))
                       + (tr("q.todo_settle", items="; ".join(settle)) if settle else ""))
        else:
            st.caption(tr("q.todo_note", n=len(todo_list.open)))

    # save and download
    st.markdown(tr("q.save_head"))

    @st.fragment
    def save_area() -> None:
        """Save, download and the changes to save. A click on Save reruns this fragment alone
        (issue 19: drawing the whole page again took most of a save's time): nothing else on the
        page changes with a save but the state in the header and the confirmation, written into
        their slots; the checks, preview and to-do list made from the saved values stand. A save
        that could not be written runs the whole page, which says why."""
        if st.session_state.pop("q_whole_page", False):
            st.rerun(scope="app")
        now_dirty = text != doc.opened.text
        saved = st.session_state.pop("q_flash", None)
        if saved:
            flash_slot.success(saved, icon=":material/check_circle:")
        else:
            flash_slot.empty()
        state_slot.caption(state_text(now_dirty))
        can_save = not errs and doc.conflict is None
        st.button(tr("q.save"), type="primary", key="q_save", disabled=not can_save, icon=":material/save:",
                  help=None if can_save else (tr("q.fix_errors") if errs else tr("q.resolve_conflict")), on_click=_save)
        st.download_button(tr("q.download"), data=lambda: text.encode("utf-8"), file_name=doc.path.name,
                           mime="application/x-yaml", on_click="ignore", key="q_download", icon=":material/download:")
        if now_dirty:
            with st.expander(tr("q.changes")):
                st.code(qsave.diff_text(doc.opened.text, text, "on disk", "to save") or tr("q.none"), language="diff",
                        wrap_lines=True)

    save_area()

with main:
    ui.ensure_choice(f"q{nonce}_area", [a.code for a in areas], areas[0].code)

    first = todo_list is not None and len(todo_list.open) > 0
    shows = {"By area": "q.show.by_area", "Answer these first": "q.show.first"}
    order = st.radio(tr("q.show"), ["By area", "Answer these first"] if first else ["By area"], key=f"q{nonce}_order",
                     horizontal=True, help=tr("q.show_help"), format_func=lambda o: tr(shows[o]))
    if order == "Answer these first" and first:
        cards = [(view.node(c), view.node(a)) for c, a in zip(todo_list.open.code, todo_list.open.area, strict=True)]
        level1 = translation.level(scheme.level_name(1)) if translation is not None else scheme.level_name(1)
        st.caption(tr("q.cards_note", n=len(cards), level=level1))
    else:
        # static labels: a radio whose labels change is reset by the browser (the counts are in Progress)
        area = view.node(st.radio(tr("q.area"), [a.code for a in areas], key=f"q{nonce}_area", horizontal=True))
        st.markdown(f"#### {area.code} {area.title}")
        cards = [(view.node(leaf.code), area) for leaf in scheme.leaves_under(area.code)]
    # answers given before their question was revised (as the file now stands): flagged on the card
    stale = {x.code: x.revised for x in stale_answers(checked.profile, scheme)} if checked.profile is not None else {}
    for leaf, area in cards:
        parent = scheme.parents.get(leaf.code)
        with st.container(border=True):
            head = f"**{leaf.code}** {leaf.title}"
            within = [view.node(parent).title] if parent and parent != area.code else []
            if not within and leaf.section:
                within = [leaf.section]
            if order == "Answer these first" and first:
                within.insert(0, area.title)
            if within:
                head += f"  \n:gray[{' · '.join(within)}]"
            st.markdown(head)
            if leaf.question:
                st.markdown(leaf.question)
            if leaf.help:
                st.caption(leaf.help)
            if leaf.code in stale:
                st.warning(tr("q.revised", version=stale[leaf.code], current=scheme.version), icon=":material/history:")
            v = doc.values[leaf.code]
            ka = wkey(leaf.code, "answer")
            if leaf.numeric is not None:
                num = leaf.numeric
                if ka not in st.session_state:
                    st.session_state[ka] = v.answer or ""
                st.text_input(tr("q.answer"), key=ka,
                              placeholder=tr("q.numeric_ph", unit=num.unit or tr("q.no_unit"), lo=lang.num(num.min),
                                             hi=lang.num(num.max), best=tr(f"best.{num.best}")))
            else:
                opts = [ui.ALL, *(o.value for o in leaf.options), NOT_APPLICABLE]
                if v.answer is not None and v.answer not in opts:
                    opts.append(v.answer)  # an answer that is not an option: shown, flagged by validation
                if ka not in st.session_state:
                    st.session_state[ka] = v.answer or ui.ALL

                def fmt_answer(val, leaf=leaf):
                    if val == ui.ALL:
                        return tr("q.opt.blank")
                    if val == NOT_APPLICABLE:
                        return tr("q.opt.na")
                    o = leaf.option(val)
                    return f"{val} — {o.label} ({lang.num(o.score)})" if o else tr("q.opt.not_option", v=val, code=leaf.code)

                st.selectbox(tr("q.answer"), opts, key=ka, format_func=fmt_answer)
            c1, c2, c3 = st.columns([3, 3, 2])
            for col, part, label in ((c1, "source", tr("q.source")), (c2, "note", tr("q.note")), (c3, "url", tr("q.url"))):
                k = wkey(leaf.code, part)
                if k not in st.session_state:
                    st.session_state[k] = getattr(v, part)
                col.text_input(label, key=k)
            c4, c5 = st.columns([6, 2])
            kq, kc = wkey(leaf.code, "quote"), wkey(leaf.code, "confidence")
            if kq not in st.session_state:
                st.session_state[kq] = v.quote
            if kc not in st.session_state:
                st.session_state[kc] = v.confidence if v.confidence in qdoc.CONFIDENCE_CHOICES else ""
            c4.text_input(tr("q.quote"), key=kq)
            c5.selectbox(tr("q.confidence"), qdoc.CONFIDENCE_CHOICES, key=kc,
                         format_func=lambda c: c or tr("q.conf.none"), help=tr("q.conf_help"))

# the page is drawn: ruamel reads the file in the background for the first edit (Doc.read_ahead)
doc.read_ahead(delay=0.2)
