"""whatif: reforms typed by hand or adopted from another country — hand-computed oracles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import REPO
from conftest import profile_yaml as _profile

from indexer.cli import main
from indexer.load import load_paths
from indexer.whatif import Reform, WhatIfError, adopt, parse_set, what_if

OPTS = "[{value: a, score: 100}, {value: b, score: 50}, {value: c, score: 0}]"
SCHEME = f"""\
id: tiny
title: Tiny
version: "1"
children:
  - code: A
    children:
      - code: A1
        options: {OPTS}
      - code: A2
        weight: 3
        options: {OPTS}
  - code: B
    children:
      - code: B1
        options: {OPTS}
      - code: B2
        numeric: {{min: 0, max: 10, best: low}}
"""


@pytest.fixture
def data(tmp_path: Path) -> Path:
    files = {
        "tiny.yaml": SCHEME,
        # AT: A = (100 + 3*50)/4 = 62.5; B = (0 + 80)/2 = 40; overall 51.25
        "at.yaml": _profile("AT", {"A1": "a", "A2": "b", "B1": "c", "B2": "2"}),
        # BE: A = (0 + 300)/4 = 75; B = (100 + 0)/2 = 50; overall 62.5
        "be.yaml": _profile("BE", {"A1": "c", "A2": "a", "B1": "a", "B2": "10"}),
        # CY: A = (50 + 0)/4 = 12.5; B = (50 + 50)/2 = 50; overall 31.25
        "cy.yaml": _profile("CY", {"A1": "b", "A2": "c", "B1": "b", "B2": "5"}),
        # DK: published areas and overall
        "dk.yaml": _profile("DK", {}, {"overall": 55.01, "A": 70, "B": 40}),
        "old.yaml": _profile("AT", {"A1": "c", "A2": "c", "B1": "c", "B2": "10"}, year=2019),
        "groups.yaml": "groups:\n  G: {title: Group, members: [AT, BE, CY, DK]}\n",
    }
    for name, text in files.items():
        (tmp_path / name).write_text(text)
    return tmp_path


def _load(path: Path):
    b = load_paths([str(path)])
    return b, b.schemes["tiny"], b.profiles_of("tiny")


def _row(res, code):  # noqa: ANN001, ANN202
    return res.table.set_index("code").loc[code]


def test_set_answers_recomputes_every_level_and_ranks(data: Path) -> None:
    b, scheme, profiles = _load(data)
    res = what_if(scheme, profiles, "CY", {"A2": "a", "B2": "0"}, group=b.groups["G"])
    # A: (50 + 300)/4 = 87.5; B: (50 + 100)/2 = 75; overall 81.25
    assert _row(res, "A").before == pytest.approx(12.5) and _row(res, "A").after == pytest.approx(87.5)
    assert _row(res, "B").after == pytest.approx(75)
    o = _row(res, "overall")
    assert (o.before, o.after, o.delta) == pytest.approx((31.25, 81.25, 50))
    # overall ranks among AT 51.25, BE 62.5, DK 55.01 (published): CY last → first
    assert (o.rank_before, o.rank_after, o.rank_n) == (4, 1, 4)
    # A: AT 62.5, BE 75, DK 70 → CY 4th then 1st; B: AT 40, BE 50, DK 40 → CY ties BE at 50 (rank 1), then 1st
    assert (_row(res, "A").rank_before, _row(res, "A").rank_after) == (4, 1)
    assert (_row(res, "B").rank_before, _row(res, "B").rank_after) == (1, 1)
    assert [(c.code, c.before, c.after, c.before_score, c.after_score) for c in res.changes] == [
        ("A2", "c", "a", 0.0, 100.0), ("B2", "5", "0", 50.0, 100.0)]
    assert set(res.moved.code) == {"overall", "A", "A2", "B", "B2"}
    assert res.overall() == pytest.approx((31.25, 81.25))


def test_na_and_blank_are_changes_too(data: Path) -> None:
    _, scheme, profiles = _load(data)
    res = what_if(scheme, profiles, "AT", {"A1": "n/a", "B1": None})
    # A = A2 alone = 50; B = B2 alone = 80; overall 65
    assert _row(res, "A").after == pytest.approx(50) and _row(res, "B").after == pytest.approx(80)
    assert _row(res, "overall").after == pytest.approx(65)
    assert [(c.code, c.after) for c in res.changes] == [("A1", "n/a"), ("B1", None)]


def test_year_rule_and_unknown_country(data: Path) -> None:
    _, scheme, profiles = _load(data)
    res = what_if(scheme, profiles, "AT", {"A1": "a"}, year=2020)  # the 2019 profile
    assert res.before_profile.year == 2019
    # 2019: A = (0 + 0)/4 → (100)/4 = 25; B = 0; overall 0 → 12.5
    assert _row(res, "overall").after == pytest.approx(12.5)
    with pytest.raises(WhatIfError) as e:
        what_if(scheme, profiles, "FI", {"A1": "a"})
    assert e.value.problems[0][0] == "no-profile"


def test_invalid_changes_are_all_reported(data: Path) -> None:
    _, scheme, profiles = _load(data)
    with pytest.raises(WhatIfError) as e:
        what_if(scheme, profiles, "AT", {"A1": "z", "A": "a", "ZZ": "a", "B2": "many"})
    assert sorted(c for c, _ in e.value.problems) == ["not-a-leaf", "not-a-number", "unknown-code", "unknown-option"]
    with pytest.raises(WhatIfError):
        parse_set(["A1"])
    assert parse_set(["A1=a", "B1="]).answers == {"A1": "a", "B1": None}


def test_adopt_an_area_from_another_country(data: Path) -> None:
    b, scheme, profiles = _load(data)
    reform = adopt(scheme, profiles, "BE", "A")
    assert reform.answers == {"A1": "c", "A2": "a"} and reform.clear == ("A",)
    res = what_if(scheme, profiles, "CY", reform, group=b.groups["G"])
    assert _row(res, "A").after == pytest.approx(75)
    assert _row(res, "overall").after == pytest.approx((75 + 50) / 2)
    assert all(c.source.key == "note.src.adopted" and c.source.values == {"country": "BE", "year": "2024", "code": "A",
                                                                         "coding": ""} for c in res.changes)
    assert str(res.changes[0].source) == "adopted from BE 2024 (A)"
    assert res.changes[0].source.text("ru") == "заимствовано: BE, 2024 (A)"


def test_contradictory_instructions_are_refused_never_resolved_silently(data: Path) -> None:
    b, scheme, profiles = _load(data)
    with pytest.raises(WhatIfError) as e:
        adopt(scheme, profiles, "BE", "A") + parse_set(["A1=a"])
    assert [c for c, _ in e.value.problems] == ["conflicting-reform"]
    assert "A1 is both adopted from BE 2024 (A) and set" in e.value.problems[0][1]
    with pytest.raises(WhatIfError) as e:
        adopt(scheme, profiles, "BE", "A") + adopt(scheme, profiles, "AT", "A")
    assert {c for c, _ in e.value.problems} == {"conflicting-reform"}
    # the command line says so (exit 1), whatever the order of the options
    r = CliRunner().invoke(main, ["whatif", str(data / "tiny.yaml"), str(data), "--country", "CY",
                                  "--set", "A1=a", "--adopt", "BE:A"])
    assert r.exit_code == 1 and "conflicting-reform" in r.stderr and "A1 is both" in r.stderr
    # different indicators do not conflict
    assert set((adopt(scheme, profiles, "BE", "A") + parse_set(["B1=a"])).answers) == {"A1", "A2", "B1"}


def test_adopting_keeps_answers_the_other_country_lacks_and_names_replaced_citations(tmp_path: Path) -> None:
    from conftest import write_files

    files = {"tiny.yaml": SCHEME,
             "cy.yaml": (_profile("CY", {"A1": "b", "B1": "b", "B2": "5"}).replace(
                 "  A1: b\n", "  A1: {answer: b, source: 'CY Act, art. 3'}\n") + "  A2: {answer: c, source: 'CY Act, art. 4'}\n"),
             "be.yaml": _profile("BE", {"A1": "c", "A2": None, "B1": "a", "B2": "10"})}
    write_files(tmp_path, files)
    b, scheme, profiles = _load(tmp_path)
    reform = adopt(scheme, profiles, "BE", "A")
    assert reform.answers == {"A1": "c"} and reform.keep == ("A2",)
    res = what_if(scheme, profiles, "CY", reform)
    assert res.after_profile.answers["A2"] == "c"  # BE has no A2: CY's own (cited) answer stays
    assert res.after_profile.citations["A2"].source == "CY Act, art. 4"
    assert [c.code for c in res.changes] == ["A1"]
    keys = {n.key: n.values for n in res.notes}
    assert keys["note.whatif.replaced"] | {"by": None} == {"code": "A1", "country": "CY", "before": "b",
                                                          "source": "CY Act, art. 3", "after": "c", "by": None}
    assert keys["note.whatif.kept"] == {"country": "CY", "codes": ("A2",)}
    assert "A1: CY's answer b (cited: CY Act, art. 3) is replaced by c (adopted from BE 2024 (A))." in map(str, res.notes)
    assert "Not adopted, kept as CY answers them (the other country has no answer): A2." in map(str, res.notes)


def test_adopting_into_a_published_profile_recomputes_its_overall(data: Path) -> None:
    """DK publishes A, B and the overall: adopting BE's A replaces DK's given A by BE's answers,
    and the given overall is recomputed from A (75) and the given B (40)."""
    b, scheme, profiles = _load(data)
    res = what_if(scheme, profiles, "DK", adopt(scheme, profiles, "BE", "A"), group=b.groups["G"])
    o = _row(res, "overall")
    assert o.before == pytest.approx(55.01) and o.after == pytest.approx(57.5)
    assert res.dropped_given == ("overall",)
    v = res.notes[0].values
    assert res.notes[0].key == "note.whatif.recomputed" and v["code"] == "overall"
    assert v["recomputed"].value == pytest.approx(55) and v["rounding"].value == pytest.approx(-0.01)
    assert "55.00" in str(res.notes[0]) and "-0.010" in str(res.notes[0])
    assert "55,00" in res.notes[0].text("ru") and "−0,010" in res.notes[0].text("ru")
    assert _row(res, "A").after == pytest.approx(75) and _row(res, "B").after == pytest.approx(40)
    codes = [c.code for c in res.changes]
    assert codes == ["A", "A1", "A2"]  # the given A removed, its answers adopted
    # a published area has no answers: one answer under it cannot be changed
    with pytest.raises(WhatIfError) as e:
        what_if(scheme, profiles, "DK", {"A1": "a"})
    assert e.value.problems[0][0] == "given-score-conflict"


def test_adopting_a_published_area_brings_its_given_score(data: Path) -> None:
    _, scheme, profiles = _load(data)
    res = what_if(scheme, profiles, "AT", adopt(scheme, profiles, "DK", "B"))
    assert _row(res, "B").after == 40 and _row(res, "overall").after == pytest.approx((62.5 + 40) / 2)
    assert res.after_profile.scores == {"B": 40}
    assert "B1" not in {k for k, v in res.after_profile.answers.items() if v is not None}


def test_no_change(data: Path) -> None:
    _, scheme, profiles = _load(data)
    res = what_if(scheme, profiles, "AT", Reform({"A1": "a"}))
    assert res.changes == () and res.moved.empty and [n.key for n in res.notes] == ["note.whatif.nothing"]


def test_cli(data: Path) -> None:
    run = CliRunner().invoke
    base = ["whatif", str(data / "tiny.yaml"), str(data), "--country", "CY"]
    r = run(main, base + ["--set", "A2=a", "--set", "B2=0", "--group", "G"])
    assert r.exit_code == 0, r.output
    assert "+50.0" in r.stdout and "4/4" in r.stdout and "1/4" in r.stdout
    r = run(main, base + ["--adopt", "BE:A", "--format", "csv"])
    lines = r.stdout.splitlines()
    assert lines[0] == "code,level,depth,country,year,before,after,delta,rank_before,rank_after,rank_n"
    assert lines[1].startswith("overall,overall,0,CY,2024,31.25,62.5,31.25")
    r = run(main, base + ["--set", "A2=a", "--format", "json"])
    doc = json.loads(r.stdout)
    assert doc["changes"][0]["code"] == "A2" and doc["rows"][0]["after"] == pytest.approx((87.5 + 50) / 2)
    r = run(main, base + ["--set", "A2=q"])
    assert r.exit_code == 1 and "unknown-option" in r.stderr and not r.stdout
    r = run(main, base)
    assert r.exit_code == 2
    r = run(main, base + ["--adopt", "FI:A"])
    assert r.exit_code == 1 and "no-profile" in r.stderr


# ----------------------------------------------------------------------------------------------
# the app page (AppTest through the navigation)


def _run(at):  # noqa: ANN001, ANN202
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_reform_page_what_if_and_smallest_reform(demo_app_root: Path) -> None:
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(REPO / "streamlit_app.py"), default_timeout=120)
    _run(at)
    at.switch_page("app_pages/reform.py")
    _run(at)
    assert "Illustrative data" in at.warning[0].value
    at.selectbox(key="country").set_value("XB")
    at.multiselect(key="rf_leaves").set_value(["WORK.1"])
    _run(at)
    at.selectbox(key="rf_set_WORK.1").set_value("a")
    _run(at)
    got = {m.label: (m.value, m.delta) for m in at.metric}
    # XB: WORK.1 c → a lifts WORK.ACCESS 0 → 50, WORK 0 → 50, overall 18.06 → 43.06
    assert got["Overall before"][0] == "18.1" and got["Overall after"] == ("43.1", "+25.0")
    assert got["Rank in DEMO"][0] == "3 of 3"
    # adopt XA's NAT
    at.selectbox(key="rf_adopt_from").set_value("XA")
    _run(at)
    at.multiselect(key="rf_adopt_areas").set_value(["NAT"])
    _run(at)
    assert {m.label: m.value for m in at.metric}["Overall after"] == "69.4"  # (50 + 88.89) / 2
    # the smallest reform to the DEMO mean ((92.36 + 18.06 + 54.17) / 3 = 54.86): two changes; then tried in What if
    at.session_state["reform_view"] = "Smallest reform to a target"
    _run(at)
    got = {m.label: m.value for m in at.metric}
    assert got["Changes needed"] == "2" and got["Target"] == "54.9"
    at.button[0].click()
    _run(at)
    assert at.multiselect(key="rf_leaves").value == ["WORK.1", "WORK.2"]
    assert {m.label: m.value for m in at.metric}["Overall after"] == "68.1"
