"""The app in Russian (AppTest): the sidebar's language selector switches every page's own words
(message catalogue), the scheme's texts (translation file) and country names (CLDR), while
widget keys and the values they hold stay the same."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest
from test_app import APP, TIMEOUT, clear_caches, root, run, svg_charts, texts  # noqa: F401 - fixtures

from indexer.i18n import t
from indexer.load import load_paths
from indexer.translate import translated

REPO = Path(__file__).resolve().parents[1]
PAGES = ("compare", "country", "robustness", "reform", "questionnaire", "scheme")


def russian_app() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    run(at)
    at.sidebar.selectbox(key="lang").set_value("ru")
    return run(at)


@pytest.mark.usefixtures("root")
def test_every_page_renders_in_russian():
    at = russian_app()
    assert at.title[0].value == t("cmp.title", "ru") == "Сравнение стран"
    assert "Казахстан (KZ)" in texts(at) and "Армения (AM)" in texts(at)
    titles = {"compare": "Сравнение стран", "country": "Казахстан (KZ)", "robustness": "Устойчивость мест в рейтинге",
              "reform": "Сценарии реформ", "questionnaire": "Анкета", "scheme": "Схема и проверка"}
    for page in PAGES:
        at.switch_page(f"app_pages/{page}.py")
        run(at)
        assert at.session_state["lang"] == "ru", page  # the choice survives the switch of page
        assert at.title[0].value.startswith(titles[page]), (page, at.title[0].value)
        if page == "country":
            assert [m.label for m in at.metric][:4] == ["Общая оценка", "Категория", "Место", "Охват"]
            assert "Источники" in [h.value for h in at.subheader]
    # and back to English
    at.sidebar.selectbox(key="lang").set_value("en")
    run(at)
    at.switch_page("app_pages/compare.py")
    run(at)
    assert at.title[0].value == "Compare countries"


@pytest.mark.usefixtures("root")
def test_questionnaire_asks_the_russian_question():
    scheme = load_paths([str(REPO / "indicators")]).schemes["mipex-core"]
    ru, translation, problems = translated(scheme, "ru")
    assert translation is not None and not [p for p in problems if p.is_error]
    leaf = ru.leaves[0]
    assert leaf.question != scheme.leaves[0].question  # translated, not the English fallback

    at = russian_app()
    at.switch_page("app_pages/questionnaire.py")
    run(at)
    assert at.title[0].value == "Анкета"
    at.button(key="q_open").click()  # the default pick: Kazakhstan's profile of mipex-core
    run(at)
    shown = texts(at)
    assert leaf.question in shown and scheme.leaves[0].question not in shown
    assert f"**{leaf.code}** {leaf.title}" in shown
    n = at.session_state["q_nonce"]
    box = at.selectbox(key=f"q{n}_{leaf.code}_answer")
    assert box.label == "Ответ"
    assert box.options[0] == "— ответа пока нет —"
    # option labels are Russian; the values (what is saved) stay the scheme's codes
    assert any(o.startswith(f"{leaf.options[0].value} — {leaf.options[0].label}") for o in box.options)
    assert box.value in (*(o.value for o in leaf.options), "", "n/a")
    assert at.selectbox(key=f"q{n}_meta_status").label == "Статус"


@pytest.mark.usefixtures("root")
def test_reform_page_body_in_russian():
    at = russian_app()
    at.switch_page("app_pages/reform.py")
    run(at)
    shown = texts(at)
    assert "**Перенять ответы другой страны в отдельных областях**" in shown
    assert "Сценарий — это расчёт" in shown and "A scenario is a calculation" not in shown
    at.multiselect(key="rf_leaves").set_value([at.multiselect(key="rf_leaves").options[0].split(" ")[0]])
    run(at)
    labels = [m.label for m in at.metric]
    assert labels[:2] == ["Общая оценка до", "Общая оценка после"], labels
    assert "**Что изменилось**" in texts(at)
    # the other tab: the widget values stay the same in either language
    at.session_state["reform_view"] = t("rf.tab.gaps", "ru")
    at.session_state["rf_target_mode"] = "score"
    at.session_state["rf_target"] = 99.0
    run(at)
    assert "Цель" in [m.label for m in at.metric]
    assert at.radio(key="rf_target_mode").value == "score"


@pytest.mark.usefixtures("root")
def test_robustness_page_body_in_russian():
    at = russian_app()
    at.session_state["rb_runs"] = 1000
    at.switch_page("app_pages/robustness.py")
    run(at)
    shown = texts(at)
    assert "Места по общей оценке среди" in shown and "Overall ranks among" not in shown
    assert at.metric[0].label == "Казахстан (KZ)"
    assert at.metric[0].value == "без места" or at.metric[0].value.startswith("место ")
    assert at.expander[0].label == "Варьируемые допущения"
    for view in ("sens", "conv"):
        at.session_state["robustness_view"] = t(f"rb.tab.{view}", "ru")
        run(at)
        if view == "sens":  # the assumptions named in Russian in the Sobol' table
            factors = {v for df in at.dataframe for v in df.value.iloc[:, 0] if isinstance(v, str)}
            assert {"метод агрегирования", "правило для отсутствующих ответов"} <= factors, factors
            assert "aggregation" not in factors
    assert at.session_state["rb_factors"] == ["weights", "aggregation", "missing", "drop"]  # values unchanged


@pytest.mark.usefixtures("root")
def test_scheme_page_body_in_russian():
    scheme = load_paths([str(REPO / "indicators")]).schemes["mipex-core"]
    ru, _, _ = translated(scheme, "ru")
    at = russian_app()
    at.switch_page("app_pages/scheme.py")
    run(at)
    assert at.selectbox(key="scheme").value == "mipex-core"
    assert at.subheader[0].value == ru.title != scheme.title
    area = ru.root.children[0]
    assert at.expander[0].label == f"{area.code} · {area.title} (9 вопросов)"  # LMM: 9 questions, CLDR "many"
    assert "Категории: " in texts(at) and "Bands: " not in texts(at)
    at.session_state["scheme_view"] = t("sc.tab.report", "ru")
    run(at)
    assert at.warning or at.success or at.error
    assert "проверенные так же" in texts(at)


@pytest.mark.usefixtures("root")
def test_reform_page_notes_in_russian(root):  # noqa: F811 - the fixture of test_app
    """The notes the library writes (whatif: the cited answer a reform replaces; transfer: the
    reform planned on the bounds, the target out of reach) show in Russian, never in English."""
    from indexer.compare import Scored
    from indexer.transfer import transfer
    from indexer.whatif import what_if

    at = russian_app()
    at.session_state["country"] = "KZ"
    at.session_state["baseline"] = "EU27"
    at.switch_page("app_pages/reform.py")
    run(at)
    b = load_paths([str(root / "indicators"), str(root / "country_profiles")])
    scheme = b.schemes["mipex-core"]
    kz = max((p for p in b.profiles_of("mipex-core") if p.country == "KZ"), key=lambda p: p.year)
    code = next(c for c in (x.code for x in scheme.leaves)
                if kz.citations.get(c) and kz.citations[c].source and kz.answers.get(c) not in (None, "n/a")
                and scheme.node(c).options)
    other = next(o.value for o in scheme.node(code).options if o.value != kz.answers[code])
    at.session_state["rf_leaves"] = [code]
    at.session_state[f"rf_set_{code}"] = other
    run(at)
    res = what_if(scheme, Scored.of(scheme, b.profiles_of("mipex-core")), "KZ", {code: other}, group=b.groups["EU27"])
    assert "note.whatif.replaced" in [n.key for n in res.notes]
    shown = texts(at)
    for n in res.notes:
        assert n.text("ru") in shown and str(n) not in shown, n.key
    assert "заменяется ответом" in shown and "is replaced by" not in shown
    # the smallest reform: AM (no overall score) is planned on its bounds
    at.session_state["country"] = "AM"
    at.session_state["reform_view"] = t("rf.tab.gaps", "ru")
    at.session_state["rf_target_mode"] = "score"
    at.session_state["rf_target"] = 99.0
    run(at)
    tr_ = transfer(scheme, b.profiles_of("mipex-core"), "AM", group=b.groups["EU27"], target=99.0)
    assert "note.transfer.on_bounds" in [n.key for n in tr_.notes]
    assert tr_.notes, "expected notes about the bounds or the target"
    shown = texts(at)
    for n in tr_.notes:
        assert n.text("ru") in shown and str(n) not in shown, n.key
def chart_words(at: AppTest) -> str:
    """Every word a reader can meet in the page's Plotly charts: trace names (legend), hover
    templates and their data, bar and cell texts, axis and colour-bar titles."""
    import json

    out = []
    for chart in at.get("plotly_chart"):
        spec = json.loads(chart.proto.spec)
        lay = spec.get("layout", {})
        out += [str(lay.get(ax, {}).get("title", {}).get("text", "")) for ax in ("xaxis", "yaxis")]
        for tr in spec["data"]:
            out += [str(tr.get(k, "")) for k in ("name", "hovertemplate", "customdata", "text")]
            out.append(str(tr.get("colorbar", {}).get("title", {}).get("text", "")))
    return "\n".join(out)


@pytest.mark.usefixtures("root")
def test_compare_charts_speak_russian():
    at = russian_app()
    # against the OECD (36 members, 14 with area scores in LMM, FR, EDU, PR, AD): thin there, so the
    # thin mark's words are on the charts (the EU27's area baselines rest on 14 of 27: not thin)
    at.selectbox(key="baseline").set_value("OECD2019")
    run(at)
    # the static charts (the default)
    svg = "\n".join(svg_charts(at))
    assert svg.count('class="idx-chart"') == 2
    for ru in ("Лепестковая диаграмма оценок", "Столбчатая диаграмма оценок", "иллюстративно", "оценка",
               "охват", "место", "профиль 2024 г.", "мало данных", "Казахстан (KZ)"):
        assert ru in svg, ru
    for en in ("Radar chart", "Bar chart", "illustrative", "coverage ", "rank ", " thin<", "Kazakhstan"):
        assert en not in svg, en
    # their values in words: the box's title and the table's headings and words in Russian
    at.session_state["values_areas"] = True
    run(at)
    assert [e.label for e in at.expander if e.label == "Значения диаграмм"]
    df = at.dataframe[-1].value
    assert list(df.columns)[1:] == ["страна", "оценка", "категория", "может составить", "охват", "место", "год профиля",
                                    "n базовой группы"]
    assert "Казахстан (KZ) · иллюстративно" in set(df["страна"]) and df["n базовой группы"].str.contains("мало данных").any()
    at.session_state["values_areas"] = False
    # the interactive ones
    at.toggle(key="interactive_charts").set_value(True)
    run(at)
    words = chart_words(at)
    assert len(at.get("plotly_chart")) >= 2
    for ru in ("оценка", "охват", "место", "профиль 2024 г.", "(членов группы с оценкой: ", "возможный диапазон",
               "когда будут даны ответы на все открытые вопросы"):
        assert ru in words, ru
    for en in ("score ", "coverage ", "rank ", "profile ", " members", "possible range", "once every open",
               "answered", " thin", "favourable"):
        assert en not in words, en
    # and in English again: the same charts in English words
    at.sidebar.selectbox(key="lang").set_value("en")
    words = chart_words(run(at))
    assert "coverage " in words and "possible range" in words and "охват" not in words


@pytest.mark.usefixtures("root")
def test_provenance_box_and_coding_selector_in_russian():
    """The published-sources box above the pages (after peers with published scores are added)
    speaks the app's language."""
    at = russian_app()
    peers = [b for b in at.button if "MD" in b.label]
    if peers:
        peers[0].click()
        run(at)
    labels = [e.label for e in at.expander]
    assert any(x.startswith("Источники опубликованных оценок") for x in labels), labels
    assert not any("Sources of published scores" in x for x in labels)
