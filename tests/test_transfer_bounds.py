"""transfer on a partly coded country: the smallest reform planned on its bounds (SPEC §3.1) —
"for sure" (lower bound), "possibly" (upper bound), "answer" edits of open indicators — checked by
hand on a small scheme and against brute force and every worst completion on random ones."""

from __future__ import annotations

import itertools
import json
import math
import random
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import profile_yaml as _profile
from test_transfer import _random_case

from indexer.cli import main
from indexer.load import load_paths
from indexer.score import score_arrays
from indexer.transfer import reach_status, transfer

OPTS = "[{value: a, score: 100}, {value: b, score: 50}, {value: c, score: 0}]"
SCHEME = f"""\
id: part
title: Partly coded
version: "1"
aggregation: mean
missing: skip
min_coverage: 0.75
children:
  - code: A
    min_coverage: 0.5
    children:
      - {{code: A1, options: {OPTS}}}
      - {{code: A2, options: {OPTS}}}
  - code: B
    min_coverage: 0.5
    children:
      - {{code: B1, options: {OPTS}}}
      - {{code: B2, options: {OPTS}}}
  - code: G
    min_coverage: 0.5
    children:
      - {{code: G1, options: {OPTS}}}
      - {{code: G2, options: {OPTS}}}
"""


@pytest.fixture
def data(tmp_path: Path) -> Path:
    files = {
        "part.yaml": SCHEME,
        # XA: A1 = c (0), A2 open; B1 = b (50), B2 open; G given 40. Answered 4 of 6 (67 % < 75 %):
        # no overall. Bounds: A [0, 50], B [25, 75], G 40; overall [65/3, 165/3] = [21.67, 55].
        "xa.yaml": _profile("XA", {"A1": "c", "B1": "b"}, {"G": 40}, scheme="part"),
        # AT: complete, the group's best answers are A1 = a, A2 = b, B1 = a, B2 = b
        "at.yaml": _profile("AT", {"A1": "a", "A2": "b", "B1": "a", "B2": "b", "G1": "c", "G2": "c"}, scheme="part"),
        "groups.yaml": "groups:\n  G: {title: Group, members: [AT]}\n",
    }
    for name, text in files.items():
        (tmp_path / name).write_text(text)
    return tmp_path


def _load(path: Path):  # noqa: ANN202
    b = load_paths([str(path)])
    return b, b.schemes["part"], b.profiles_of("part")


def test_bounds_now(data: Path) -> None:
    _, scheme, profiles = _load(data)
    res = transfer(scheme, profiles, "XA", target=30)
    assert math.isnan(res.overall) and res.coverage == pytest.approx(4 / 6)
    assert res.lower == pytest.approx(65 / 3) and res.upper == pytest.approx(55)
    assert res.objective == "lower" and res.possible_in == 0  # upper 55 ≥ 30 already


def test_sure_with_changes_only(data: Path) -> None:
    _, scheme, profiles = _load(data)
    # need 40 − 21.67 = 18.33 on the lower bound; each leaf's share is 1/3 × 1/2 = 1/6: change A1
    # c→a +16.67, answer A2 +16.67, answer B2 +16.67, change B1 b→a +8.33. One edit is short; two
    # changes (A1, B1) give +25 with no answer, preferred to any pair with an answer
    res = transfer(scheme, profiles, "XA", target=40)
    assert res.method == "greedy" and res.reachable and res.status == "sure"
    assert [(s.code, s.kind, s.to_answer) for s in res.steps] == [("A1", "change", "a"), ("B1", "change", "a")]
    assert res.steps[0].gain == pytest.approx(100 / 6) and res.steps[1].gain == pytest.approx(50 / 6)
    assert res.steps[-1].lower_after == pytest.approx(65 / 3 + 25)  # 46.67
    assert res.steps[-1].upper_after == pytest.approx(80)  # (100 + 100 + 40) / 3
    assert math.isnan(res.steps[-1].overall_after)  # coverage still 4/6
    after = {a.code: a for a in res.after}
    assert list(after) == ["overall", "A", "B"]  # the overall and the touched areas
    assert after["A"].score_after == 100 and after["A"].lower_after == 50 and after["A"].upper_after == 100
    assert after["B"].score_after == 100 and after["B"].lower_after == 50


def test_sure_needs_an_answer(data: Path) -> None:
    _, scheme, profiles = _load(data)
    # need 50 − 21.67 = 28.33: two changes give 25 (short); A1 (+16.67) and one answer (+16.67;
    # A2 before B2 by code) give 33.33
    res = transfer(scheme, profiles, "XA", target=50)
    assert sorted((s.code, s.kind) for s in res.steps) == [("A1", "change"), ("A2", "answer")]
    assert res.answers == 1 and res.status == "sure"
    a2 = next(s for s in res.steps if s.code == "A2")
    assert a2.answer == "" and a2.score == 0 and a2.to_score == 100
    # after: A = 100, B [25, 75], G 40 → lower 55, upper 71.67; coverage 5/6 ≥ 75 %: a score,
    # A 100, B 50 (B1 alone, missing: skip), G 40 → 63.33
    ov = res.after[0]
    assert ov.lower_after == pytest.approx(55) and ov.upper_after == pytest.approx(215 / 3)
    assert ov.coverage_after == pytest.approx(5 / 6) and ov.score_after == pytest.approx(190 / 3)
    # target 70, need 48.33: three edits, at least two answers (2 × 16.67 + 16.67 = 50; one answer
    # and both changes give 41.67)
    res = transfer(scheme, profiles, "XA", target=70)
    assert sorted((s.code, s.kind) for s in res.steps) == [("A1", "change"), ("A2", "answer"), ("B2", "answer")]
    assert res.after[0].lower_after == pytest.approx(215 / 3)  # A 100, B 75, G 40


def test_possibly_when_open_answers_are_restricted(data: Path) -> None:
    b, scheme, profiles = _load(data)
    # within the group the best answers of A2 and B2 are b (50): the lower bound reaches at most
    # A 75, B 75, G 40 = 63.33 < 74. The upper bound 55 needs +19: A1 (+16.67) and B1 (+8.33)
    res = transfer(scheme, profiles, "XA", group=b.groups["G"], target=74, within_group=True)
    assert res.objective == "upper" and res.reachable and res.status == "possibly"
    assert res.best_possible == pytest.approx(80)
    assert sorted(s.code for s in res.steps) == ["A1", "B1"] and res.answers == 0
    ov = res.after[0]
    assert ov.lower_after == pytest.approx(140 / 3) and ov.upper_after == pytest.approx(80)  # A [50,100], B [50,100]
    assert res.steps[0].models == ("AT",)


def test_out_of_reach(data: Path) -> None:
    _, scheme, profiles = _load(data)
    res = transfer(scheme, profiles, "XA", target=90)  # every leaf at 100: (100 + 100 + 40) / 3 = 80
    assert not res.reachable and res.status == "no" and res.objective == "upper"
    assert res.best_possible == pytest.approx(80) and "short of 90.00" in str(res.notes[-1])
    assert res.notes[-1].values["best"].value == pytest.approx(80) and res.notes[-1].values["target"].value == 90


def test_reach_status() -> None:
    assert reach_status(math.nan, 50, 70, 50) == "sure"
    assert reach_status(math.nan, 49.9, 70, 50) == "possibly"
    assert reach_status(60, 40, 49.9, 50) == "no"
    assert reach_status(60, math.nan, math.nan, 50) == "sure"


def test_cli_bounds(data: Path) -> None:
    run = CliRunner().invoke
    base = ["gaps", str(data / "part.yaml"), str(data), "--country", "XA", "--target", "50"]
    r = run(main, base)
    assert r.exit_code == 0, r.output
    assert "bounds [21.67, 55.00]" in r.stdout and "for sure" in r.stdout
    assert "2 edits (1 change of answered indicators, 1 answer to open ones)" in r.stdout
    assert "[21.67, 55.00] → [55.00, 71.67]" in r.stdout
    doc = json.loads(run(main, base + ["--format", "json"]).stdout)
    assert doc["status"] == "sure" and doc["objective"] == "lower"
    assert {s["code"]: s["kind"] for s in doc["steps"]} == {"A1": "change", "A2": "answer"}
    assert doc["after"][0]["lower_after"] == pytest.approx(55)
    csv = run(main, base + ["--format", "csv"]).stdout.splitlines()
    assert any(ln.startswith("A2,") and ",answer," in ln for ln in csv)


# ----------------------------------------------------------------------------------------------
# random schemes: minimal by brute force, and "sure" holds for every completion


def _completions(scheme, profile, leaves):  # noqa: ANN001, ANN202
    """Every answer of each leaf (numeric: both ends, the middle and the present answer)."""
    choices = []
    for leaf in leaves:
        now = profile.answers.get(leaf.code)
        if leaf.numeric is not None:
            choices.append(sorted({"0", "5", "10"} | ({str(now)} if now is not None else set())))
        else:
            choices.append([o.value for o in leaf.options])
    return choices


def _open_leaves(scheme, profile):  # noqa: ANN001, ANN202
    under = {d.code for g in profile.scores for d in scheme.descendants(g)} | set(profile.scores)
    return [x for x in scheme.leaves if profile.answers.get(x.code) is None and x.code not in under]


@pytest.mark.parametrize("only_mean", [True, False], ids=["means", "any-aggregation"])
def test_sure_reform_minimal_and_holds_for_every_completion(tmp_path: Path, only_mean: bool) -> None:
    rng = random.Random(20261130 + only_mean)
    seen = {"sure": 0, "brute": 0, "completions": 0}
    for case in range(120):
        text, answers, given = _random_case(rng, only_mean)
        text = text.replace("children:\n", "min_coverage: 0.95\nchildren:\n", 1)  # partial profiles have no overall
        answers = {k: v for k, v in answers.items() if v == "n/a" or rng.random() > 0.35}
        d = tmp_path / f"c{case}"
        d.mkdir()
        (d / "rnd.yaml").write_text(text)
        (d / "p.yaml").write_text(_profile("AT", answers, given, scheme="rnd"))
        b = load_paths([str(d)])
        assert not [p for p in b.problems if p.severity == "error"], (text, b.problems)
        scheme, (profile,) = b.schemes["rnd"], b.profiles
        a = score_arrays(scheme, [profile])
        if not math.isnan(a.score[0, 0]) or math.isnan(a.lower[0, 0]):
            continue
        lo, hi = float(a.lower[0, 0]), float(a.upper[0, 0])
        for target in (lo + rng.uniform(0, max(hi - lo, 1)), hi + rng.uniform(0, 20)):
            res = transfer(scheme, [profile], "AT", target=target)
            reformed = replace(profile, answers={**profile.answers, **res.changes})
            # brute force: the fewest edits (any answer of an answered or open leaf) with lower ≥ target
            under = {dd.code for g in profile.scores for dd in scheme.descendants(g)}
            free = [x for x in scheme.leaves if profile.answers.get(x.code) != "n/a" and x.code not in under]
            choices = [([None] if profile.answers.get(x.code) is None else []) + c
                       for x, c in zip(free, _completions(scheme, profile, free), strict=True)]
            if math.prod(len(c) for c in choices) <= 1500:
                variants, edits = [], []
                for combo in itertools.product(*choices):
                    ans = dict(profile.answers)
                    n = 0
                    for x, v in zip(free, combo, strict=True):
                        now = profile.answers.get(x.code)
                        if v is not None and str(v) != str(now):
                            ans[x.code] = v
                            n += 1
                    variants.append(replace(profile, answers=ans))
                    edits.append(n)
                lows = score_arrays(scheme, variants).lower[:, 0]
                ok = [n for n, v in zip(edits, lows, strict=True) if v >= target - 1e-9]
                if res.objective == "lower":
                    assert ok and len(res.steps) == min(ok), (text, answers, target, res.steps)
                else:
                    assert not ok, (text, answers, target, min(ok))
                seen["brute"] += 1
            if res.status != "sure":
                continue
            seen["sure"] += 1
            # every completion of the open leaves left after the reform (worst ones included) reaches the target
            rest = _open_leaves(scheme, reformed)
            combos = list(itertools.product(*_completions(scheme, reformed, rest)))
            if len(combos) > 300:
                combos = [tuple(c[0] for c in _completions(scheme, reformed, rest))] + rng.sample(combos, 300)
            done = [replace(reformed, answers={**reformed.answers, **dict(zip([x.code for x in rest], c, strict=True))})
                    for c in combos]
            sc = score_arrays(scheme, done)
            worst = score_arrays(scheme, [reformed]).lower[0, 0]
            assert (sc.score[:, 0] >= target - 1e-9).all(), (text, answers, res.changes, target)
            assert min(sc.score[:, 0]) >= worst - 1e-9
            seen["completions"] += len(done)
    assert seen["sure"] > 10 and seen["brute"] > 10, seen


# ----------------------------------------------------------------------------------------------
# the app's Smallest reform tab


def test_app_tab_shows_bounds(data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil

    import streamlit as st
    from streamlit.testing.v1 import AppTest

    root = tmp_path / "root"
    (root / "indicators").mkdir(parents=True)
    shutil.copy(data / "part.yaml", root / "indicators" / "part.yaml")
    (root / "country_profiles").mkdir()
    for name in ("xa.yaml", "at.yaml", "groups.yaml"):
        shutil.copy(data / name, root / "country_profiles" / name)
    monkeypatch.setenv("INDEXER_DATA_ROOT", str(root))
    st.cache_data.clear()
    st.cache_resource.clear()
    at = AppTest.from_file(str(Path(__file__).resolve().parent.parent / "streamlit_app.py"), default_timeout=120)
    at.run()
    at.switch_page("app_pages/reform.py")
    at.run()
    at.selectbox(key="country").set_value("XA")
    at.selectbox(key="baseline").set_value("G")
    at.session_state["reform_view"] = "Smallest reform to a target"
    at.session_state["rf_target_mode"] = "score"
    at.session_state["rf_target"] = 50.0
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    got = {m.label: m.value for m in at.metric}
    assert got["Overall now"] == "21.7–55.0" and got["Changes needed"] == "2" and got["Target"] == "50.0"
    assert any("**for sure**" in s.value for s in at.success)
    st.cache_data.clear()
    st.cache_resource.clear()


def test_report_extra_bounds(data: Path) -> None:
    from indexer.report_sections import transfer_section as report_extra

    _, scheme, profiles = _load(data)
    ex = report_extra(scheme, profiles, "XA", None, target=50)
    assert "bounds are [21.7, 55.0]" in ex["text"] and "2: 1 changes, 1 answers" in ex["text"]
    assert "for sure" in ex["text"]
    rows = {r[1].split()[0]: r for r in ex["rows"]}
    assert rows["A2"][2] == "(open)" and rows["A1"][2] == "c"
    # planned on the bounds: the table shows the overall's bounds after each step (the lower reaches 50 after both)
    assert ex["columns"][5] == "bounds after"
    assert {rows["A1"][5], rows["A2"][5]} == {"38.3–71.7", "55.0–71.7"}
    ru = report_extra(scheme, profiles, "XA", None, target=50, lang="ru")
    assert "[21,7; 55,0]" in ru["text"] and "гарантированно" in ru["text"] and ru["columns"][5] == "пределы после"
    assert {r[2] for r in ru["rows"]} == {"(нет ответа)", "c"}


def test_json_has_no_nan(data: Path) -> None:
    r = CliRunner().invoke(main, ["gaps", str(data / "part.yaml"), str(data), "--country", "XA", "--target", "40",
                                  "--format", "json"])
    assert "NaN" not in r.stdout
    doc = json.loads(r.stdout)
    assert doc["overall"] is None and doc["steps"][-1]["overall_after"] is None  # coverage 4/6: no score
    assert doc["lower"] == pytest.approx(65 / 3)
