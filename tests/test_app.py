"""The Streamlit app, driven by AppTest: every page renders its default view, reacts to a
changed selection, and the questionnaire saves into a temporary data root (INDEXER_DATA_ROOT),
refuses to overwrite a file changed on disk, and cannot write outside country_profiles/."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from indexer import app_support as sup
from indexer.load import load_paths

REPO = Path(__file__).resolve().parents[1]
APP = str(REPO / "streamlit_app.py")
TIMEOUT = 120  # the first run imports pandas and plotly and reads every data file


def make_data_root(dest: Path) -> Path:
    """A copy of the repository's data as a data root. It is sure to
    hold illustrative Kazakhstan and Armenia profiles of mipex-core: the repository's own
    where they exist, else minimal stand-ins (every indicator answered with its first option)."""
    (dest / "indicators").mkdir(parents=True)
    shutil.copytree(REPO / "indicators", dest / "indicators", dirs_exist_ok=True)
    shutil.copytree(REPO / "country_profiles", dest / "country_profiles")
    b = load_paths([dest / "indicators", dest / "country_profiles"])
    scheme = b.schemes.get("mipex-core")
    if scheme is not None:
        have = {p.country for p in b.profiles_of("mipex-core")}
        for cc in ("KZ", "AM"):
            if cc not in have:
                lines = [f"scheme: mipex-core\ncountry: {cc}\nyear: 2024\nstatus: draft\nprovenance: illustrative\nanswers:"]
                for leaf in scheme.leaves:
                    ans = leaf.options[0].value if leaf.options else f"{leaf.numeric.min:g}"
                    lines.append(f'  {leaf.code}: {{answer: "{ans}", source: "test stand-in"}}')
                (dest / "country_profiles" / cc).mkdir(exist_ok=True)
                (dest / "country_profiles" / cc / "mipex-core-2024.yaml").write_text("\n".join(lines) + "\n")
    return dest


@pytest.fixture(autouse=True)
def clear_caches():
    st.cache_data.clear()
    st.cache_resource.clear()
    yield
    st.cache_data.clear()
    st.cache_resource.clear()


@pytest.fixture
def root(tmp_path: Path, monkeypatch) -> Path:
    r = make_data_root(tmp_path / "data")
    monkeypatch.setenv(sup.ENV_ROOT, str(r))
    return r




def run(at: AppTest) -> AppTest:
    at.run(timeout=TIMEOUT)
    assert not at.exception, [e.value for e in at.exception]
    return at


def app(page: str | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    run(at)
    if page:
        at.switch_page(f"app_pages/{page}.py")
        run(at)
    return at


#: how the static charts travel: a Markdown image whose source is the SVG itself
IMAGE = "](data:image/svg+xml;base64,"


def svg_charts(at: AppTest) -> list[str]:
    """The static SVG charts on the page (``indexer.app_svg``), decoded from the Markdown images
    that carry them (``app_svg.chart_image``)."""
    import base64

    return [base64.b64decode(m.value.split(IMAGE, 1)[1].rstrip(")")).decode() for m in at.markdown if IMAGE in m.value]


def texts(at: AppTest) -> str:
    parts = [m.label + " " + str(m.value) for m in at.metric]
    for kind in ("markdown", "caption", "warning", "info", "error", "success", "subheader", "title"):
        parts += [str(e.value) for e in getattr(at, kind)]
    return "\n".join(parts)


# ----------------------------------------------------------------------------------------------
# navigation


def test_every_page_file_is_in_the_navigation(tmp_path: Path):
    for name in ("scheme", "zeta", "compare", "questionnaire", "country", "alpha", "reform", "_helper"):
        (tmp_path / f"{name}.py").write_text("")
    got = [p.stem for p in sup.page_files(tmp_path)]
    assert got == ["compare", "country", "reform", "questionnaire", "scheme", "alpha", "zeta"]
    real = [p.stem for p in sup.page_files(REPO / "app_pages")]
    assert real[0] == "compare" and {"country", "questionnaire", "scheme"} <= set(real)
    assert sup.page_title("zeta_view") == ("Zeta view", ":material/article:")


def test_the_page_reads_the_data_the_entry_script_read(root: Path, monkeypatch):
    from indexer import app_data as dat

    data = dat.load_data()
    walks: list[Path] = []
    monkeypatch.setattr(dat, "fingerprint", lambda r: walks.append(r) or data.version.split("@")[0])
    with dat.same_data_for_the_page(data):
        assert dat.load_data() is data and walks == []  # no second walk of the data root in a run
    assert dat.load_data() is data and walks == [root.resolve()]  # the next run looks for changed files again


# ----------------------------------------------------------------------------------------------
# compare


def test_compare_default_shows_kazakhstan_and_armenia_against_eu27(root: Path):
    at = app()
    labels = [m.label for m in at.metric]
    assert labels[:2] == ["Kazakhstan (KZ)", "Armenia (AM)"]
    assert "EU27 mean" in labels
    warn = " ".join(w.value for w in at.warning)
    assert "Illustrative data" in warn and "Kazakhstan (KZ)" in warn and "Armenia (AM)" in warn
    assert at.selectbox(key="stat").value == "mean"  # one default statistic everywhere
    assert at.selectbox(key="baseline").value == "EU27"
    # radar and bars (only the open tab runs), static SVG: no plotly until the user asks for it
    charts = svg_charts(at)
    assert len(charts) == 2 and not at.get("plotly_chart")
    assert 'data-testid="idx-radar"' in charts[0] and 'data-testid="idx-bars"' in charts[1]
    assert at.toggle(key="interactive_charts").value is False
    assert "n = " in texts(at)  # baseline_n shown


def test_the_default_compare_page_needs_no_html_parser(root: Path):
    """No element of the default page allows HTML: the browser then never fetches Streamlit's
    HTML-in-Markdown parser, which the first chart used to wait for (issue 19); the charts are
    Markdown images, each with its title and every value in words as its alt text."""
    at = app()
    assert not [m.value[:60] for m in at.main.markdown if m.proto.allow_html]
    assert not [m.value[:60] for m in at.sidebar.markdown if m.proto.allow_html]
    cap = at.sidebar.caption[0]
    assert cap.value.startswith("Data: ") and cap.value.endswith("`")  # the root, a code span
    assert cap.proto.allow_html is False  # a path could hold anything: never read as HTML
    images = [m.value for m in at.markdown if IMAGE in m.value]
    assert [x.startswith(("![Radar chart of scores", "![Bar chart of scores")) for x in images] == [True, True]
    # the alt text (Markdown's escapes undone) is the chart's title and <desc>: every area's value
    import re

    from indexer.compare import compare

    b = load_paths([root / "indicators", root / "country_profiles"])
    scheme = b.schemes["mipex-core"]
    cmp_ = compare(scheme, b.profiles_of("mipex-core"), ["KZ", "AM"], group=b.groups["EU27"], stat=sup.DEFAULT_STAT)
    alt = re.sub(r"\\(.)", r"\1", images[1][2:images[1].index(IMAGE)])
    assert alt.startswith("Bar chart of scores: Kazakhstan (KZ) (illustrative), Armenia (AM) (illustrative) · EU27 mean. ")
    kz = cmp_.table[(cmp_.table.country == "KZ") & (cmp_.table.depth == 1)]
    for r in kz.itertuples():
        if not sup.is_missing(r.score):
            assert f"{scheme.node(r.code).title}: Kazakhstan (KZ) {r.score:.1f}" in alt, r.code


def test_the_static_charts_values_are_in_a_closed_box(root: Path):
    """What the static charts' tooltips carried (score, band, bounds, coverage, rank, profile year,
    the baseline's n and thin mark) is in *Values of the charts*: closed and not built by default,
    opened a table with one row per area and country and the baseline's row."""
    from indexer.compare import compare

    at = app()
    box = [e for e in at.expander if e.label == "Values of the charts"]
    assert len(box) == 1 and not at.dataframe  # closed: its table is not built
    at.session_state["values_areas"] = True
    run(at)
    df = at.dataframe[-1].value
    b = load_paths([root / "indicators", root / "country_profiles"])
    scheme = b.schemes["mipex-core"]
    cmp_ = compare(scheme, b.profiles_of("mipex-core"), ["KZ", "AM"], group=b.groups["EU27"], stat=sup.DEFAULT_STAT)
    areas = cmp_.table[cmp_.table.depth == 1]
    assert len(df) == len(scheme.root.children) * 3  # KZ, AM and the EU27 mean for each area
    assert list(df.columns) == ["area", "country", "score", "band", "can become", "coverage", "rank", "profile year",
                                "baseline n"]
    for r in areas.itertuples():
        title = scheme.node(r.code).title
        row = df[(df.area == title) & df.country.str.startswith(sup.country_label(r.country))].iloc[0]
        assert row.score == sup.fmt_score(r.score) and row.coverage == sup.fmt_pct(r.coverage)
        assert row["rank"] == (f"{r.rank:.0f} of {r.rank_n:.0f}" if not sup.is_missing(r.rank) else "–")
        assert row["profile year"] == str(r.year)
        assert row["can become"] == (sup.fmt_bounds(r.lower, r.upper) if sup.is_open_interval(r.lower, r.upper) else "")
        base = df[(df.area == title) & (df.country == "EU27 mean")].iloc[0]
        assert base.score == sup.fmt_score(r.baseline)
        assert base["baseline n"] == f"{r.baseline_n:.0f}" + (" ⚠ thin" if r.thin else "")
    assert (df["baseline n"].str.contains("⚠ thin")).any() == bool(areas.thin.any())
    # switched to the interactive charts (hover), the box is gone
    at.toggle(key="interactive_charts").set_value(True)
    run(at)
    assert not [e for e in at.expander if e.label == "Values of the charts"]


def test_interactive_charts_toggle_swaps_svg_for_plotly_and_back(root: Path):
    at = app()
    at.toggle(key="interactive_charts").set_value(True)
    run(at)
    assert len(at.get("plotly_chart")) == 2 and svg_charts(at) == []  # the same two charts, with hover
    assert "Hover for coverage" in texts(at)
    # the choice is the user's for the session: the Country profile's chart follows it
    at.switch_page("app_pages/country.py")
    run(at)
    assert len(at.get("plotly_chart")) >= 1 and svg_charts(at) == []
    at.toggle(key="interactive_charts").set_value(False)
    run(at)
    assert len(svg_charts(at)) == 1 and not [c for c in at.get("plotly_chart") if "country_bars" in str(c.proto.id)]
    at.switch_page("app_pages/compare.py")
    run(at)
    assert len(svg_charts(at)) == 2 and not at.get("plotly_chart")
    assert "Values of the charts" in texts(at)


def test_compare_default_falls_back_to_demo_countries(demo_app_root: Path):
    at = app()
    assert [m.label for m in at.metric] == ["Atlantis (demo) (XA)", "Borduria (demo) (XB)",
                                            "Carpania (demo) (XC)", "DEMO mean"]
    assert "Illustrative data" in at.warning[0].value
    charts = svg_charts(at)
    assert len(charts) == 1 and 'data-testid="idx-bars"' in charts[0]  # two areas: bars, no radar


def test_compare_reacts_to_a_changed_selection(root: Path):
    at = app()
    at.selectbox(key="stat").set_value("mean")
    run(at)
    assert "EU27 mean" in [m.label for m in at.metric]
    peers = [b for b in at.button if b.label.startswith("Add post-Soviet peers")]
    assert peers
    peers[0].click()
    run(at)
    labels = [m.label for m in at.metric]
    assert {"Moldova, Republic of (MD)", "Ukraine (UA)"} & set(labels) or any("(RU)" in x for x in labels)
    assert at.multiselect(key="countries").value[:2] == ["KZ", "AM"]
    assert any("Sources of published scores" in e.label for e in at.expander)


def test_compare_without_countries_keeps_its_selections(root: Path):
    """The page runs its view before drawing the selections: with nothing to compare it still
    draws them, with the reason, and no view."""
    at = app()
    at.multiselect(key="countries").set_value([])
    run(at)
    assert [i.value for i in at.info] == ["Pick at least one country."]
    assert at.multiselect(key="countries").value == [] and at.selectbox(key="stat").value == "mean"
    assert not at.metric and not at.tabs and not svg_charts(at)


def test_compare_cards_show_bounds_where_there_is_no_score(root: Path):
    # the provisional toggle is gone: a country without a score shows what it can still become
    from indexer.compare import compare

    at = app()
    assert not [t for t in at.toggle if t.key == "provisional"]
    b = load_paths([root / "indicators", root / "country_profiles"])
    cmp_ = compare(b.schemes["mipex-core"], b.profiles_of("mipex-core"), ["KZ"], group=b.groups["EU27"], stat=sup.DEFAULT_STAT)
    r = cmp_.table.set_index("code").loc["overall"]
    shown = {m.label: m.value for m in at.metric}["Kazakhstan (KZ)"]
    if sup.is_missing(r.score) and r.lower != r.upper:
        assert shown == f"{r.lower:.0f}–{r.upper:.0f}"  # whole numbers fit a card; the caption has decimals
        assert any(f"Between {r.lower:.1f} and {r.upper:.1f}" in c.value and sup.fmt_pct(r.coverage) in c.value
                   for c in at.caption)
    else:  # KZ coded far enough to have a score
        assert shown == sup.fmt_score(r.score)
    # the Verdicts tab: overall and every area for each country, with the engine's verdicts
    at.session_state["compare_view"] = "Verdicts"
    run(at)
    df = at.dataframe[-1].value
    areas = len(b.schemes["mipex-core"].root.children)
    assert len(df) == (1 + areas) * len(at.multiselect(key="countries").value)
    kz = df[df.country == "Kazakhstan (KZ)"].set_index("code")
    assert kz.loc["overall", "verdict"] == (r.verdict or "–")


@pytest.mark.parametrize("tab", ["Heatmap", "Trends", "Table"])
def test_compare_tabs_render(root: Path, tab: str):
    at = app()
    at.multiselect(key="countries").set_value(["KZ", "AM", "RU"])
    at.session_state["compare_view"] = tab
    run(at)
    if tab == "Table":
        assert at.get("download_button")
        assert {"coverage", "baseline_n", "provenance"} <= set(at.dataframe[-1].value.columns)
    elif tab == "Heatmap":  # static, like the Areas tab, until the user asks for the interactive one
        charts = svg_charts(at)
        assert len(charts) == 1 and 'data-testid="idx-heat"' in charts[0] and not at.get("plotly_chart")
        at.session_state["values_heat"] = True  # its values in words, as under the Areas tab's charts
        run(at)
        df = at.dataframe[-1].value
        areas = load_paths([root / "indicators"]).schemes["mipex-core"].root.children
        assert list(df.area.unique()) == [a.title for a in areas]
        assert len(df) == len(areas) * len(at.metric)  # each compared country and the baseline (a card each)
        at.toggle(key="interactive_charts").set_value(True)
        run(at)
        assert len(at.get("plotly_chart")) == 1 and not svg_charts(at)
        assert not [e for e in at.expander if e.label == "Values of the charts"]
    else:
        assert at.get("plotly_chart")


def test_compare_drills_down_to_an_answer_and_its_law(root: Path):
    at = app()
    at.session_state["compare_view"] = "Drill-down"
    run(at)
    # pick the first indicator that Kazakhstan answers, area by area
    scheme = sup.read_data(root).schemes["mipex-core"]
    kz = next(p for p in sup.read_data(root).profiles("mipex-core") if p.country == "KZ" and p.coding == "desk")
    code = next(c for c, v in kz.answers.items() if v is not None)
    path = list(reversed([code, *scheme.ancestors(code)]))[1:]  # area, indicator
    for depth, c in enumerate(path, start=1):
        at.selectbox(key=f"drill_{depth}").set_value(c)
        run(at)
    table = at.dataframe[-1].value
    row = table[table.country == "Kazakhstan (KZ)"].iloc[0]
    assert row["provenance"] == "desk (illustrative)"  # the coding, with its provenance
    assert row["source (law cited)"] == kz.citations[code].source
    assert row["quote"] == kz.citations[code].quote and row["confidence"] == kz.citations[code].confidence
    assert code in texts(at)


# ----------------------------------------------------------------------------------------------
# country profile


def test_country_page_default_and_another_country(root: Path):
    at = app("country")
    assert at.title[0].value.startswith("Kazakhstan (KZ)")
    assert "Illustrative data" in at.warning[0].value
    assert [m.label for m in at.metric] == ["Overall score", "Band", "Rank", "Coverage"]
    try:
        import indexer.report  # noqa: F401
    except ImportError:
        assert not at.get("download_button")
    else:
        assert [b.label for b in at.get("download_button")] == ["Download the profile (PDF)"]
    at.selectbox(key="country").set_value("DE")
    run(at)
    assert at.title[0].value.startswith("Germany (DE)")
    # Germany's own profile is MIPEX's published one; the EU27 baseline counts France and Poland
    # from illustrative desk codings (no published figures for 2024), and the warning says so
    (warn,) = [w.value for w in at.warning if "Illustrative" in w.value]
    assert warn.startswith("**Illustrative data:** baseline members ") and "Germany" not in warn
    assert "France (FR)" in warn and "Poland (PL)" in warn
    assert at.metric[0].value != "–"
    assert "Sources" in [h.value for h in at.subheader]


def _nodes(node, path: str = ""):
    """(delta path, element) of every element under ``node`` (not inside text elements)."""
    yield path, node
    kids = getattr(node, "children", None)
    if kids is not None and type(node).__name__ not in ("Markdown", "Caption"):
        for k, child in (kids.items() if isinstance(kids, dict) else enumerate(kids)):
            yield from _nodes(child, f"{path}/{k}")


def _layout(node) -> dict[str, str]:
    """Each element's place on the page (its delta path) -> its kind."""
    return {path: type(n).__name__ for path, n in _nodes(node)}


def test_country_page_keeps_its_layout_from_country_to_country(root: Path):
    """What one country shows and another does not (notes, captions, changes, gaps) lives in a
    slot of its own: the tables keep their places, so the browser updates them instead of drawing
    them anew (issue 19: the country change, 0.40 vs 0.36 s in 9 pairs)."""
    at = app("country")
    before = _layout(at.main)
    # Kazakhstan (the default) has two codings of 2024: their agreement box fills a slot of its own,
    # which a country with one coding leaves empty
    agree_slots = [w for w, n in _nodes(at.main) if type(n).__name__ == "Expander"
                   and str(getattr(n, "label", "")).startswith("Two codings of")]
    assert len(agree_slots) == 1
    seen = set()
    for cc in ("AM", "DE", "KZ"):
        at.selectbox(key="country").set_value(cc)
        run(at)
        after = _layout(at.main)
        seen.add(sum(1 for kind in after.values() if kind == "Caption"))
        for where, kind in before.items():
            if any(where == slot or where.startswith(slot + "/") for slot in agree_slots):
                continue
            # the page's slots everywhere; and where the country has the same kinds of content
            # (AM: answers, sources, no other years), every table and heading in its place
            if where.count("/") == 1 or (cc == "AM" and kind in ("Dataframe", "Subheader", "Metric")):
                assert after.get(where) == kind, (cc, where, kind, after.get(where))
    assert len(seen) > 1  # the countries do differ in what they show


def test_country_page_names_illustrative_baseline_members(root: Path):
    at = app("country")
    at.selectbox(key="country").set_value("AM")
    at.selectbox(key="baseline").set_value("EAEU")
    run(at)
    warn = " ".join(w.value for w in at.warning)
    assert "Armenia (AM)" in warn and "baseline members Kazakhstan (KZ)" in warn


def test_pdf_button_builds_a_pdf(root: Path):
    pytest.importorskip("indexer.report")
    data = sup.load_data(root)
    make = sup.pdf_maker(data, "mipex-core", "KZ", "EU27", "median")
    blob = make()
    assert blob[:5] == b"%PDF-" and len(blob) > 10_000


def test_country_page_on_demo_data(demo_app_root: Path):
    at = app("country")
    assert at.title[0].value.startswith("Atlantis (demo) (XA)")
    at.selectbox(key="country_year").set_value(2020)
    run(at)
    assert "2020" in at.caption[0].value


# ----------------------------------------------------------------------------------------------
# scheme and validation


def test_scheme_page_tree_and_validation_report(root: Path):
    at = app("scheme")
    assert at.selectbox(key="scheme").value == "mipex-core"
    assert len(at.expander) == 8
    at.selectbox(key="scheme").set_value("demo")
    run(at)
    assert at.subheader[0].value == "Demo integration policy index"
    at.session_state["scheme_view"] = "Validation report"
    run(at)
    assert at.warning or at.success or at.error


def test_validation_report_lists_a_broken_file(root: Path):
    (root / "country_profiles" / "broken.yaml").write_text("scheme: demo\ncountry: XA\nyear: [\n")
    at = app("scheme")
    at.session_state["scheme_view"] = "Validation report"
    run(at)
    assert "country_profiles/broken.yaml" in set(at.dataframe[0].value.file)  # the summary by file
    df = at.dataframe[-1].value
    assert "country_profiles/broken.yaml" in set(df.file) and "yaml-syntax" in set(df.code)


# ----------------------------------------------------------------------------------------------
# questionnaire


def open_profile(at: AppTest, rel: str) -> int:
    at.selectbox(key="q_pick").set_value(rel)
    at.button(key="q_open").click()
    run(at)
    return at.session_state["q_nonce"]


def test_questionnaire_edit_and_save(root: Path):
    at = app("questionnaire")
    rel = "country_profiles/KZ/mipex-core-2024.yaml"
    assert at.selectbox(key="q_pick").value == rel
    path = root / rel
    before = path.read_text()
    n = open_profile(at, rel)
    assert "Illustrative data" in at.warning[0].value
    kz = sup.read_data(root).profile("mipex-core", "KZ", 2024)
    code = next(c for c, v in kz.answers.items() if v is None)  # a blank one
    area = code.split(".")[0]
    at.radio(key=f"q{n}_area").set_value(area)
    run(at)
    leaf = sup.read_data(root).schemes["mipex-core"].node(code)
    value = leaf.options[0].value if leaf.options else str(int(leaf.numeric.max))
    (at.selectbox if leaf.options else at.text_input)(key=f"q{n}_{code}_answer").set_value(value)
    at.text_input(key=f"q{n}_{code}_source").set_value("Test Law, art. 1")
    run(at)
    assert "unsaved changes" in texts(at)
    at.button(key="q_save").click()
    run(at)
    assert any("Saved" in s.value for s in at.success)
    after = path.read_text()
    changed = [ln for ln in after.splitlines() if ln not in before.splitlines()]
    assert len(changed) == 1 and code in changed[0] and "Test Law, art. 1" in changed[0]
    assert after.count("#") == before.count("#")  # every comment kept
    again = sup.read_data(root).profile("mipex-core", "KZ", 2024)
    assert again.answers[code] == value and again.citations[code].source == "Test Law, art. 1"


def test_questionnaire_refuses_to_overwrite_a_changed_file(root: Path):
    at = app("questionnaire")
    rel = "country_profiles/demo/XA-2024.yaml"
    n = open_profile(at, rel)
    theirs = (root / rel).read_text().replace("coder: indexer project", "coder: someone else")
    (root / rel).write_text(theirs)
    at.radio(key=f"q{n}_area").set_value("NAT")
    run(at)
    at.selectbox(key=f"q{n}_NAT.2_answer").set_value("c")
    run(at)
    at.button(key="q_save").click()
    run(at)
    assert (root / rel).read_text() == theirs
    assert any("changed on disk" in e.value for e in at.error)
    shown = [c.value.rstrip("\n") for c in at.code]
    assert theirs.rstrip("\n") in shown and any("NAT.2: {answer: c" in c for c in shown)
    assert at.button(key="q_save").disabled
    at.button(key="q_reload").click()
    run(at)
    assert at.session_state["q_doc"].meta["coder"] == "someone else"
    assert not any("changed on disk" in e.value for e in at.error)


def test_questionnaire_new_profile_cannot_escape(root: Path):
    at = app("questionnaire")
    at.radio(key="q_how").set_value("Start a new profile")
    run(at)
    listing = sorted(str(p) for p in root.parent.rglob("*"))
    for bad in ("../../x", "../x", "/x", "K/"):
        at.text_input(key="q_new_country").set_value(bad)
        at.button(key="q_start").click()
        run(at)
        assert at.error and "ISO 3166-1" in at.error[0].value
        assert at.session_state["q_doc"] is None if "q_doc" in at.session_state else True
    assert sorted(str(p) for p in root.parent.rglob("*")) == listing


def test_questionnaire_new_profile_is_saved(root: Path):
    at = app("questionnaire")
    at.radio(key="q_how").set_value("Start a new profile")
    run(at)
    at.selectbox(key="q_new_scheme").set_value("demo")
    at.text_input(key="q_new_country").set_value("xd")
    at.number_input(key="q_new_year").set_value(2031)
    at.button(key="q_start").click()
    run(at)
    n = at.session_state["q_nonce"]
    at.selectbox(key=f"q{n}_WORK.1_answer").set_value("b")
    at.text_input(key=f"q{n}_WORK.2_answer").set_value("4")
    run(at)
    at.button(key="q_save").click()
    run(at)
    p = sup.read_data(root).profile("demo", "XD", 2031)
    assert p is not None and p.answers["WORK.1"] == "b" and p.answers["WORK.2"] == "4"
    assert Path(p.path) == (root / "country_profiles/XD/demo-2031.yaml").resolve()


def test_questionnaire_live_validation_and_preview(demo_app_root: Path):
    at = app("questionnaire")
    n = open_profile(at, "country_profiles/demo/XA-2024.yaml")
    preview = at.dataframe[0].value
    assert list(preview.node)[:1] == ["overall"]
    at.text_input(key=f"q{n}_WORK.2_answer").set_value("three")
    run(at)
    assert any("not-a-number" in e.value for e in at.error)
    assert at.button(key="q_save").disabled
    at.text_input(key=f"q{n}_WORK.2_answer").set_value("0")
    run(at)
    assert not any("not-a-number" in e.value for e in at.error)
    assert float(at.dataframe[0].value.score.iloc[0]) > float(preview.score.iloc[0])


def test_questionnaire_upload(demo_app_root: Path):
    at = app("questionnaire")
    at.radio(key="q_how").set_value("Upload a file")
    run(at)
    blob = b"scheme: demo\ncountry: XE\nyear: 2030\nanswers:\n  WORK.1: a  # mine\n"
    at.file_uploader(key="q_upload").upload("xe.yaml", blob, "application/x-yaml")
    run(at)
    doc = at.session_state["q_doc"]
    assert doc.country == "XE" and doc.origin == "upload"
    at.button(key="q_save").click()
    run(at)
    assert (demo_app_root / "country_profiles/XE/demo-2030.yaml").read_bytes() == blob
    # a file whose country would escape is refused
    at.file_uploader(key="q_upload").set_value(("bad.yaml", b"scheme: demo\ncountry: ../../x\nyear: 2030\n", "x"))
    run(at)
    assert at.error
    assert not (demo_app_root.parent / "x").exists()


def test_questionnaire_shows_a_mistyped_status_and_warns_of_uncited_saves(demo_app_root: Path):
    at = app("questionnaire")
    at.radio(key="q_how").set_value("Upload a file")
    run(at)
    blob = b"scheme: demo\ncountry: XE\nyear: 2030\nstatus: drfat\nprovenance: expert\nanswers:\n  WORK.1: a\n"
    at.file_uploader(key="q_upload").upload("xe.yaml", blob, "application/x-yaml")
    run(at)
    n = at.session_state["q_nonce"]
    box = at.selectbox(key=f"q{n}_meta_status")
    assert box.value == "drfat" and "drfat" in box.options[-1]  # the typo, not a silent "draft"
    assert any("drfat" in e.value for e in at.error)
    assert at.button(key="q_save").disabled
    box.set_value("draft")
    run(at)
    assert not at.button(key="q_save").disabled
    at.button(key="q_save").click()
    run(at)
    saved = (demo_app_root / "country_profiles/XE/demo-2030.yaml").read_text()
    assert "status: draft" in saved
    flash = " ".join(s.value for s in at.success)
    assert "1 answer cites no source yet: WORK.1" in flash


def test_questionnaire_new_country_code_is_checked_as_typed(demo_app_root: Path):
    at = app("questionnaire")
    at.radio(key="q_how").set_value("Start a new profile")
    run(at)
    at.text_input(key="q_new_country").set_value("Kaz")
    run(at)
    assert not any("saved as" in c.value for c in at.caption)
    assert any("did you mean **KZ**" in w.value for w in at.warning)
    at.text_input(key="q_new_country").set_value("kg")
    run(at)
    assert any("saved as `country_profiles/KG/" in c.value for c in at.caption)


def test_questionnaire_answer_these_first(demo_app_root: Path):
    # XC 2024 leaves NAT.2 blank: it is the one open indicator, under the undetermined NAT and overall
    at = app("questionnaire")
    n = open_profile(at, "country_profiles/demo/XC-2024.yaml")
    first = [d.value for d in at.dataframe if "can move overall by" in d.value.columns][0]
    assert list(first["indicator"].str.split().str[0]) == ["NAT.2"]
    # share of the overall 1/2 · 1/2 = 0.25 × option range 100 = 25 points
    assert float(first["can move overall by"].iloc[0]) == 25.0
    at.radio(key=f"q{n}_order").set_value("Answer these first")
    run(at)
    labels = [e.key for e in at.selectbox if e.key and e.key.endswith("_answer")]
    assert labels == [f"q{n}_NAT.2_answer"]
    at.selectbox(key=f"q{n}_NAT.2_answer").set_value("a")
    run(at)
    assert not [d for d in at.dataframe if "can move overall by" in d.value.columns]  # nothing open


def test_rank_bounds_count_the_country_in_the_pool():
    # KZ has no overall yet: 27 members are ranked, KZ could come 28th; "5–28 of 27" read wrong
    assert sup.fmt_rank_bounds(5, 28, 27) == "5–28 of 28"
    assert sup.fmt_rank_bounds(3, 9, 27) == "3–9 of 27" and sup.fmt_rank_bounds(4, 4, 9) == "4 of 9"


def test_country_page_sets_two_codings_of_the_year_side_by_side(root: Path):
    """Germany 2024 has two codings with answers (desk, desk-b): the Country profile shows their
    agreement per area, the numbers indexer.agree gives (itself tested by hand); Armenia,
    with one coding, shows no such box."""
    from indexer.agree import agree
    from indexer.load import load_paths

    at = app("country")
    at.selectbox(key="country").set_value("AM")
    run(at)
    assert not [e for e in at.expander if e.label.startswith("Two codings of")]
    at.selectbox(key="country").set_value("DE")
    run(at)
    b = load_paths([root / "indicators", root / "country_profiles"])
    res = agree(b.schemes["mipex-core"], b.profiles, "DE", year=2024)
    (box,) = [e for e in at.expander if e.label.startswith("Two codings of 2024 side by side")]
    assert box.label == (f"Two codings of 2024 side by side: desk (illustrative) and desk-b (illustrative) answer "
                         f"{res.nodes.iloc[0].agreement * 100:.0f}% of the questions alike")
    df = box.dataframe[0].value
    assert list(df["code"]) == list(res.nodes.code) and list(df["alike"]) == list(res.nodes.same)
    assert df["kappa"].tolist() == [f"{k:.2f}" for k in res.nodes.kappa]  # shown with two decimals
    differ = res.questions[res.questions.both & ~res.questions.same]
    assert any(c.value.startswith("Answered differently") and f"{differ.iloc[0].code} " in c.value for c in box.caption)


def test_questionnaire_marks_a_profile_as_re_read_against_the_current_version(root: Path):
    rel = "country_profiles/KZ/mipex-core-2024.yaml"
    path = root / rel
    path.write_text(path.read_text().replace('scheme_version: "2020.6"', 'scheme_version: "2020.5"'))
    before = path.read_text()
    at = app("questionnaire")
    n = open_profile(at, rel)
    flagged = [w.value for w in at.warning if "revised-question" in w.value]
    assert flagged and all("2020.5" in w for w in flagged)
    # the card of a revised question that the file answers says so (AD.FIELD.1, revised in 2020.6)
    at.radio(key=f"q{n}_area").set_value("AD")
    run(at)
    cards = [w.value for w in at.warning if w.value.startswith("This question was revised in 2020.6")]
    in_ad = [w for w in flagged if w.split("revised-question: ", 1)[-1].startswith("AD.")]
    assert len(cards) == len(in_ad) >= 3  # KZ answers AD.FIELD.1-3 and AD.ENF.2
    box = at.selectbox(key=f"q{n}_meta_scheme_version")
    assert box.value == "2020.5" and box.options == ["2020.5", "2020.6"]
    box.set_value("2020.6")
    run(at)
    assert not [w for w in at.warning if "revised-question" in w.value or w.value.startswith("This question")]
    at.button(key="q_save").click()
    run(at)
    after = path.read_text()
    assert after == before.replace('scheme_version: "2020.5"', 'scheme_version: "2020.6"')
