"""Index content: the mipex-core scheme, the published reference profiles, groups and codings.

The published figures are checked against the CSV files of ``shared/data/mipex-published/``,
which lives beside the repository (``<repo>/../shared``); tests that need it are skipped, with
the reason, where it is absent.
"""

from __future__ import annotations

import csv
import dataclasses
import importlib.util
import io
import math
import re
import subprocess
import sys
from collections import defaultdict
from functools import cache
from pathlib import Path

import pandas as pd
import pytest

from indexer.load import load_paths
from indexer.score import score
from indexer.validate import validate_paths

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
DATA = SHARED / "data" / "mipex-published"
PUBLISHED = REPO / "country_profiles" / "published"
CORE = REPO / "indicators" / "mipex-core.yaml"

needs_data = pytest.mark.skipif(
    not DATA.is_dir(),
    reason=f"published MIPEX data not found at {DATA} (shared/ must sit beside the repository)",
)

AREAS = ["LMM", "FR", "EDU", "PP", "PR", "ATN", "AD", "HEALTH"]
BANDS = [
    (80, "Favourable"),
    (60, "Slightly favourable"),
    (41, "Halfway favourable"),
    (21, "Slightly unfavourable"),
    (1, "Unfavourable"),
    (0, "Critically unfavourable"),
]


# ----------------------------------------------------------------------------------------------
# helpers


@cache
def builder():
    """The build script as a module (its pycountry-based name -> ISO2 mapping is reused)."""
    path = REPO / "scripts" / "build_reference_profiles.py"
    spec = importlib.util.spec_from_file_location("build_reference_profiles", path)
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod
    spec.loader.exec_module(mod)
    return mod


@cache
def bundle():
    b = load_paths([REPO / "indicators", REPO / "country_profiles"])
    return b


def scheme(sid: str):
    return bundle().schemes[sid]


def profiles_of(sid: str):
    return [p for p in bundle().profiles if p.scheme == sid]


@cache
def published_index():
    """(scheme, country, year) -> profile, for the published reference profiles."""
    return {p.key[:3]: p for p in bundle().profiles if p.provenance == "published"}


def rows(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def yaml_text_of(profile, code: str) -> str:
    """The value of ``code`` under ``scores:`` as written in the file (its digits)."""
    text = Path(profile.path).read_text(encoding="utf-8")
    m = re.search(rf"^  {re.escape(code)}: (\S+)\s*$", text.split("\nscores:\n", 1)[1], re.M)
    assert m, f"{profile.path}: no `{code}:` under scores"
    return m.group(1)


def published(scheme_id: str, country: str, year: int, code: str, text: str) -> None:
    """Assert that the published value ``text`` is in the profile, unchanged."""
    p = published_index().get((scheme_id, country, year))
    assert p is not None, f"no published {scheme_id} profile for {country} {year}"
    assert code in p.scores, f"{p.path}: {code} missing (published {text})"
    assert p.scores[code] == float(text), f"{p.path}: {code} is {p.scores[code]}, published {text}"
    assert yaml_text_of(p, code) == text.strip(), f"{p.path}: {code} digits differ from {text!r}"


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "indexer", *args], cwd=REPO,
                          capture_output=True, text=True, timeout=300)


# ----------------------------------------------------------------------------------------------
# the scheme


#: indicators per area in mipex-core 2020.2 (docs/content.md: the counts MIPEX 2020's published
#: area scores imply — LMM in ninths, EDU in sevenths, ATN in eighths, PP in steps of 5 — and 58 in all)
AREA_SIZES = {"LMM": 9, "FR": 6, "EDU": 7, "PP": 10, "PR": 6, "ATN": 8, "AD": 6, "HEALTH": 6}


#: Family reunion's indicators are composites of three questions (2020.3: every published FR value
#: is a multiple of 1/18, docs/content.md)
FR_INDICATORS = ["FR.SPONSOR", "FR.FAMILY", "FR.INTEG", "FR.MEANS", "FR.SECURE", "FR.RIGHTS"]

#: so are Education's (2020.4: published EDU values such as 38.14 = 801/21 are sevenths that only
#: indicators scoring thirds give, docs/content.md)
EDU_INDICATORS = ["EDU.SCHOOL", "EDU.FURTHER", "EDU.LANG", "EDU.SUPPORT", "EDU.HERITAGE",
                  "EDU.PARENTS", "EDU.DIVERSITY"]

#: and Permanent residence's are composites of four questions (2020.5: published PR values such as
#: 52.08 = 1250/24 are twenty-fourths that only indicators scoring quarters give, docs/content.md)
PR_INDICATORS = ["PR.ACCESS", "PR.INTEG", "PR.MEANS", "PR.SECURE", "PR.EXPEL", "PR.RIGHTS"]

#: and Health's are composites of four questions (2020.6: published HEALTH values such as 72.96 =
#: 1751/24 are twenty-fourths; the questions follow the four sections of MIPEX's Health strand)
HEALTH_INDICATORS = ["HEALTH.LEGAL", "HEALTH.ASYLUM", "HEALTH.UNDOC", "HEALTH.ACCESS",
                     "HEALTH.RESPOND", "HEALTH.CHANGE"]

#: and so are Anti-discrimination's (2020.6: published AD values are twenty-fourths too; the
#: questions are the elements MIPEX's anti-discrimination pages name in its four dimensions)
AD_INDICATORS = ["AD.DEFS", "AD.EMPLOY", "AD.SOCIAL", "AD.SERVICES", "AD.ENFORCE", "AD.EQUALITY"]


def _indicator_score(ind, answers) -> float:
    """An indicator's score: its option's, or (a composite) the plain mean of its questions'."""
    if ind.is_leaf:
        return ind.option(answers[ind.code]).score
    return sum(q.option(answers[q.code]).score for q in ind.children) / len(ind.children)


def test_core_scheme_shape():
    s = scheme("mipex-core")
    assert s.version == "2020.6"
    assert s.levels == ("area", "indicator", "question")
    assert s.aggregation == "mean" and s.missing == "skip"
    assert [(b.min, b.label) for b in s.bands] == BANDS
    assert [n.code for n in s.root.children] == AREAS
    assert "unofficial reconstruction" in s.source.lower()
    assert {a.code: len(a.children) for a in s.root.children} == AREA_SIZES
    assert len(s.leaves) == 138
    assert [n.code for n in s.node("FR").children] == FR_INDICATORS
    assert [n.code for n in s.node("EDU").children] == EDU_INDICATORS
    assert [n.code for n in s.node("PR").children] == PR_INDICATORS
    assert [n.code for n in s.node("HEALTH").children] == HEALTH_INDICATORS
    assert [n.code for n in s.node("AD").children] == AD_INDICATORS
    composites = [ind for a in ("FR", "EDU", "PR", "AD", "HEALTH") for ind in s.node(a).children]
    for ind in composites:
        size = 4 if ind.code.startswith(("PR.", "AD.", "HEALTH.")) else 3
        assert len(ind.children) == size and all(q.is_leaf and q.level == "question" for q in ind.children)
        assert s.min_coverage_of(ind) == 0 and s.method_of(ind) == "mean" and ind.weight == 1
    for area in s.root.children:
        assert area.weight == 1 and s.method_of(area) == "mean" and s.min_coverage_of(area) == 0.5
        for leaf in (q for ind in area.children for q in (ind.children or (ind,))):
            assert leaf.is_leaf, f"{leaf.code}: questions sit under their indicator"
            assert leaf.weight == 1
            assert leaf.code.startswith(area.code + "."), leaf.code
            assert leaf.section, f"{leaf.code} has no section label"
            assert leaf.question and leaf.help, f"{leaf.code} lacks a question or help"
            scores = [o.score for o in leaf.options]
            assert len(scores) >= 2 and all(0 <= x <= 100 for x in scores)
            assert max(scores) == 100, f"{leaf.code}: best practice must score 100"


def _pp_profile(answers: dict[str, str]):
    from indexer.model import Profile
    return Profile(scheme="mipex-core", country="ZZ", year=2024, answers=answers)


def _area_score(answers: dict[str, str], code: str) -> float | None:
    table = score(scheme("mipex-core"), [_pp_profile(answers)])
    row = table[table["code"] == code].iloc[0]
    return None if row["score"] != row["score"] else float(row["score"])


def test_pp_is_the_plain_mean_of_its_ten_indicators():
    """Issue 12's case: the three electoral items at 0, the other PP items at 100. MIPEX 2020
    averages indicators straight into the area: (0+0+0 + 7*100)/10 = 70; with the old four-
    dimension step it was (0 + 100 + 100 + 100)/4 = 75. (With the 2020.1 set of seven items the
    plain mean was 4*100/7 = 57.14; with the split items it is 70, still the plain mean.)"""
    pp = [leaf.code for leaf in scheme("mipex-core").node("PP").children]
    assert len(pp) == 10
    votes = ["PP.VOTE.1", "PP.VOTE.2", "PP.VOTE.3"]
    answers = {c: ("c" if c in votes else "a") for c in pp}
    assert _area_score(answers, "PP") == pytest.approx(700 / 10)
    # the issue's own figure: the three votes at 0 and four other PP items at 100 (three blank):
    # (0 + 0 + 0 + 4 * 100) / 7 = 57.14, where the old dimension step gave 75
    seven = {c: ("c" if c in votes else "a") for c in votes + ["PP.LIB.1", "PP.LIB.2", "PP.CONS.1", "PP.IMPL.1"]}
    assert _area_score(seven, "PP") == pytest.approx(400 / 7)
    assert round(400 / 7, 2) == 57.14
    # a complete synthetic coding's area equals the plain mean of its indicators, area by area
    s = scheme("mipex-core")
    full = {leaf.code: leaf.options[i % len(leaf.options)].value for i, leaf in enumerate(s.leaves)}
    for area in s.root.children:
        expected = sum(_indicator_score(ind, full) for ind in area.children) / len(area.children)
        assert _area_score(full, area.code) == pytest.approx(expected), area.code


def test_family_reunion_is_the_mean_of_six_three_question_indicators():
    """2020.3: FR = mean of its six indicators, each the plain mean of its three questions.
    Hand-computed: SPONSOR (100, 0, 100) = 200/3, FAMILY 100, INTEG (0, 0, 100) = 100/3, MEANS 50,
    SECURE 100, RIGHTS (50, 100, 100) = 250/3; FR = (200/3 + 100 + 100/3 + 50 + 100 + 250/3) / 6
    = 1300/18 = 72.22 (an eighteenth, as MIPEX's published FR values are)."""
    pick = {"FR.SPONSOR": "aca", "FR.FAMILY": "aaa", "FR.INTEG": "cca", "FR.MEANS": "bbb",
            "FR.SECURE": "aaa", "FR.RIGHTS": "baa"}
    s = scheme("mipex-core")
    answers = {q.code: pick[ind][i] for ind in pick for i, q in enumerate(s.node(ind).children)}
    assert _area_score(answers, "FR") == pytest.approx(1300 / 18)
    assert _area_score(answers, "FR.SPONSOR") == pytest.approx(200 / 3)
    # nine of eighteen questions (three indicators) reach the area's half coverage: the area is
    # the mean of the three indicators that have a score, (200/3 + 100 + 100/3) / 3 = 66.67
    nine = {k: v for k, v in answers.items() if s.parents[k] in ("FR.SPONSOR", "FR.FAMILY", "FR.INTEG")}
    assert _area_score(nine, "FR") == pytest.approx(200 / 3)
    # one question fewer and FR has no score (8/18 < 0.5), though its indicators still do
    eight = dict(list(nine.items())[1:])
    assert _area_score(eight, "FR") is None and _area_score(eight, "FR.INTEG") == pytest.approx(100 / 3)


def test_education_is_the_mean_of_seven_three_question_indicators():
    """2020.4: EDU = mean of its seven indicators, each the plain mean of its three questions.
    Hand-computed: SCHOOL (100, 50, 50) = 200/3, FURTHER (100, 0, 100) = 200/3, LANG (50, 50, 0)
    = 100/3, SUPPORT (100, 50, 100) = 250/3, HERITAGE (0, 0, 50) = 50/3, PARENTS (50, 50, 50) = 50,
    DIVERSITY (100, 0, 50) = 50; EDU = (200 + 200 + 100 + 250 + 50 + 150 + 150) / 3 / 7
    = 1100/21 = 52.38 (a twenty-first, as MIPEX's published EDU values are)."""
    pick = {"EDU.SCHOOL": "abb", "EDU.FURTHER": "aca", "EDU.LANG": "bbc", "EDU.SUPPORT": "aba",
            "EDU.HERITAGE": "ccb", "EDU.PARENTS": "bbb", "EDU.DIVERSITY": "acb"}
    s = scheme("mipex-core")
    answers = {q.code: pick[ind][i] for ind in pick for i, q in enumerate(s.node(ind).children)}
    assert _area_score(answers, "EDU") == pytest.approx(1100 / 21)
    assert round(1100 / 21, 2) == 52.38
    assert _area_score(answers, "EDU.SUPPORT") == pytest.approx(250 / 3)
    # the seven questions of 2020.3 alone (one per indicator, 7 of 21 < half) give no EDU score
    old = {c: answers[c] for c in ("EDU.ACC.1", "EDU.ACC.2", "EDU.NEED.1", "EDU.NEED.2",
                                   "EDU.OPP.1", "EDU.OPP.2", "EDU.ICE.1")}
    assert _area_score(old, "EDU") is None
    # eleven of 21 reach half coverage; the area is the mean of the indicators that have a score
    eleven = {k: v for k, v in answers.items()
              if s.parents[k] in ("EDU.SCHOOL", "EDU.FURTHER", "EDU.LANG") or k == "EDU.NEED.2"
              or k == "EDU.NEED.5"}
    assert len(eleven) == 11
    # SCHOOL 200/3, FURTHER 200/3, LANG 100/3, SUPPORT (100, 50) = 75
    assert _area_score(eleven, "EDU") == pytest.approx((200 / 3 + 200 / 3 + 100 / 3 + 75) / 4)


def test_permanent_residence_is_the_mean_of_six_four_question_indicators():
    """2020.5: PR = mean of its six indicators, each the plain mean of its four questions.
    Hand-computed: ACCESS (100, 50, 0, 100) = 250/4, INTEG (0, 0, 50, 100) = 150/4, MEANS (50, 50,
    100, 100) = 300/4, SECURE (100, 100, 50, 100) = 350/4, EXPEL (50, 0, 0, 0) = 50/4, RIGHTS (100,
    100, 100, 50) = 350/4; PR = (250 + 150 + 300 + 350 + 50 + 350) / 4 / 6 = 1450/24 = 60.42 (a
    twenty-fourth, as MIPEX's published PR values are; six 0/50/100 items give only 12.5 steps)."""
    pick = {"PR.ACCESS": "abca", "PR.INTEG": "ccba", "PR.MEANS": "bbaa", "PR.SECURE": "aaba",
            "PR.EXPEL": "bccc", "PR.RIGHTS": "aaab"}
    s = scheme("mipex-core")
    answers = {q.code: pick[ind][i] for ind in pick for i, q in enumerate(s.node(ind).children)}
    assert len(answers) == 24
    assert _area_score(answers, "PR") == pytest.approx(1450 / 24)
    assert round(1450 / 24, 2) == 60.42
    assert _area_score(answers, "PR.EXPEL") == pytest.approx(12.5)
    # the six questions of 2020.4 alone (6 of 24 < half) give no PR score
    old = {c: answers[c] for c in ("PR.ELIG.1", "PR.COND.1", "PR.COND.2", "PR.SEC.1", "PR.SEC.2",
                                   "PR.RTS.1")}
    assert _area_score(old, "PR") is None
    # twelve of 24 reach half coverage: ACCESS and INTEG whole (250/4, 150/4), and the first
    # question of each other indicator (MEANS 50, SECURE 100, EXPEL 50, RIGHTS 100)
    twelve = {k: v for k, v in answers.items() if s.parents[k] in ("PR.ACCESS", "PR.INTEG")}
    twelve |= {c: answers[c] for c in ("PR.COND.2", "PR.SEC.1", "PR.SEC.2", "PR.RTS.1")}
    assert len(twelve) == 12
    assert _area_score(twelve, "PR") == pytest.approx((62.5 + 37.5 + 50 + 100 + 50 + 100) / 6)
    # one fewer and PR has no score, though its indicators still do
    eleven = {k: v for k, v in twelve.items() if k != "PR.RTS.1"}
    assert _area_score(eleven, "PR") is None and _area_score(eleven, "PR.ACCESS") == pytest.approx(62.5)


def test_health_is_the_mean_of_six_four_question_indicators():
    """2020.6: HEALTH = mean of its six indicators, each the plain mean of its four questions.
    Hand-computed: LEGAL (100, 50, 100, 100) = 350/4, ASYLUM (50, 0, 100, 50) = 200/4, UNDOC (0, 0,
    50, 0) = 50/4, ACCESS (100, 50, 50, 100) = 300/4, RESPOND (50, 0, 50, 0) = 100/4, CHANGE (50,
    50, 0, 0) = 100/4; HEALTH = (350 + 200 + 50 + 300 + 100 + 100) / 4 / 6 = 1100/24 = 45.83."""
    pick = {"HEALTH.LEGAL": "abaa", "HEALTH.ASYLUM": "bcab", "HEALTH.UNDOC": "ccbc",
            "HEALTH.ACCESS": "abba", "HEALTH.RESPOND": "bcbc", "HEALTH.CHANGE": "bbcc"}
    s = scheme("mipex-core")
    # the six questions kept from 2020.5 open their indicators, in the order of the sections
    assert [s.node(ind).children[0].code for ind in pick] == [
        "HEALTH.ENT.1", "HEALTH.ENT.2", "HEALTH.ENT.3", "HEALTH.ACC.1", "HEALTH.RESP.1", "HEALTH.CHG.1"]
    answers = {q.code: pick[ind][i] for ind in pick for i, q in enumerate(s.node(ind).children)}
    assert len(answers) == 24
    assert _area_score(answers, "HEALTH") == pytest.approx(1100 / 24)
    assert round(1100 / 24, 2) == 45.83
    assert _area_score(answers, "HEALTH.UNDOC") == pytest.approx(12.5)
    # the six questions of 2020.5 alone (6 of 24 < half) give no Health score
    old = {c: answers[c] for c in ("HEALTH.ENT.1", "HEALTH.ENT.2", "HEALTH.ENT.3", "HEALTH.ACC.1",
                                   "HEALTH.RESP.1", "HEALTH.CHG.1")}
    assert _area_score(old, "HEALTH") is None
    # improving one answer never lowers the area: ASYLUM's c -> a adds 100/4/6
    better = answers | {s.node("HEALTH.ASYLUM").children[1].code: "a"}
    assert _area_score(better, "HEALTH") == pytest.approx(1200 / 24)


def test_anti_discrimination_keeps_its_2020_5_questions_first():
    """2020.6: AD = mean of six four-question indicators; each 2020.5 question opens its indicator
    (codes stable, so existing answers still count). Hand-computed: DEFS (100, 100, 50, 100) = 350/4,
    EMPLOY all b = 200/4, SOCIAL (100, 0, 0, 0) = 100/4, SERVICES (50, 50, 50, 0) = 150/4, ENFORCE all
    a = 400/4, EQUALITY (50, 0, 50, 0) = 100/4; AD = (350 + 200 + 100 + 150 + 400 + 100) / 24 = 54.17."""
    s = scheme("mipex-core")
    assert [s.node(ind).children[0].code for ind in AD_INDICATORS] == [
        "AD.DEF.1", "AD.FIELD.1", "AD.FIELD.2", "AD.FIELD.3", "AD.ENF.2", "AD.EQ.1"]
    pick = {"AD.DEFS": "aaba", "AD.EMPLOY": "bbbb", "AD.SOCIAL": "accc", "AD.SERVICES": "bbbc",
            "AD.ENFORCE": "aaaa", "AD.EQUALITY": "bcbc"}
    answers = {q.code: pick[ind][i] for ind in pick for i, q in enumerate(s.node(ind).children)}
    assert len(answers) == 24
    assert _area_score(answers, "AD") == pytest.approx(1300 / 24)
    assert round(1300 / 24, 2) == 54.17


def test_answered_indicators_are_never_dropped_by_a_dimension_rule():
    """Issue 12's second case: PP.VOTE.1 answered 0 and the other electoral items blank used to
    drop the vote (its dimension was below half coverage) and give PP 100; now every answered
    indicator counts: (0 + 6*100)/7 = 85.71 with seven of ten answered (coverage 0.7 >= 0.5)."""
    pp = [leaf.code for leaf in scheme("mipex-core").node("PP").children]
    blank = {"PP.VOTE.2", "PP.VOTE.3", "PP.VOTE.4"}
    answers = {c: ("c" if c == "PP.VOTE.1" else "a") for c in pp if c not in blank}
    assert _area_score(answers, "PP") == pytest.approx(600 / 7)
    # the figure with the 2020.1 item set (seven PP items, two voting items blank): 4/5 = 80
    five = {"PP.VOTE.1": "c", "PP.LIB.1": "a", "PP.CONS.1": "a", "PP.CONS.2": "a", "PP.IMPL.1": "a"}
    assert _area_score(five, "PP") == pytest.approx(80.0)


def test_core_help_names_a_european_standard():
    known = re.compile(r"20\d\d/\d+/E[CU]|77/486/EEC|ETS No\.|ECHR|European Convention on Nationality"
                       r"|Convention|Recommendation|Charter|TFEU|Common Basic Principles|ECN|CJEU|Court of Justice"
                       r"|No binding|No European")
    for leaf in scheme("mipex-core").leaves:
        assert known.search(leaf.help), f"{leaf.code}: help names no standard: {leaf.help!r}"


def test_edition_schemes_are_containers():
    assert [n.code for n in scheme("mipex-2015").root.children] == AREAS
    assert [n.code for n in scheme("mipex-iii").root.children] == AREAS[:-1]  # no health in MIPEX III
    for sid in ("mipex-2015", "mipex-2015-nohealth", "mipex-iii"):
        s = scheme(sid)
        assert all(n.numeric and n.numeric.min == 0 and n.numeric.max == 100 for n in s.leaves)
        assert [(b.min, b.label) for b in s.bands] == BANDS


# ----------------------------------------------------------------------------------------------
# (c) everything validates; (d) the codings score


def test_validate_reports_no_error():
    problems = validate_paths([REPO / "indicators", REPO / "country_profiles"])
    errors = [str(p) for p in problems if p.severity == "error"]
    assert errors == []
    # in this content (demo/ aside) the only warnings are the blanks of the draft codings
    for p in problems:
        if "demo" not in Path(p.path).parts:
            assert p.code == "missing-answer", str(p)


def test_cli_validate_exit_0():
    r = run_cli("validate", "indicators", "country_profiles")
    assert r.returncode == 0, r.stderr[-2000:]
    assert " 0 errors" in r.stderr


@pytest.mark.parametrize("cc", ["KZ", "AM"])
def test_codings_score_with_coverage(cc):
    r = run_cli("score", "mipex-core", "country_profiles", "--format", "csv")
    assert r.returncode == 0, r.stderr[-2000:]
    df = pd.read_csv(io.StringIO(r.stdout), keep_default_na=False, dtype={"country": str})
    # the first desk coding (a second, independent one such as KZ's desk-b has its own rows)
    mine = df[(df.country == cc) & (df.year == 2024) & (df.coding == "desk")]
    assert len(mine) == len(scheme("mipex-core").nodes)
    overall = mine[mine.code == "overall"].iloc[0]
    p = next(p for p in desk_codings() if p.country == cc and p.year == 2024 and p.coding == "desk")
    # coverage counts the applicable questions: an n/a answer leaves the denominator
    na = sum(v == "n/a" for v in p.answers.values())
    answered = (sum(v is not None for v in p.answers.values()) - na) / (len(scheme("mipex-core").leaves) - na)
    assert float(overall.coverage) == pytest.approx(answered)
    # honest gaps: an overall score only from three quarters of the questions answered (min_coverage
    # 0.75): counted on the 138 questions of 2020.6
    assert (overall.score != "") == (answered >= 0.75)
    assert (overall.score != "") == (cc == "KZ")


def desk_codings():
    """Every coding of mipex-core that no published source backs (KZ, AM, the EU desk codings)."""
    return sorted((p for p in profiles_of("mipex-core") if p.provenance == "illustrative"),
                  key=lambda p: (p.country, p.year))


@pytest.mark.parametrize("p", desk_codings(), ids=lambda p: f"{p.country}-{p.year}")
def test_codings_are_sourced(p):
    """CODING.md: every answer carries source, url, quote and confidence (high | medium); every
    indicator is listed, answered or blank (a blank keeps its comment), so the gaps show."""
    assert p.provenance == "illustrative" and p.status == "draft"
    answered = {k: v for k, v in p.answers.items() if v is not None}
    assert answered, "no answers"
    for code in answered:
        cit = p.citations.get(code)
        assert cit and cit.source and cit.url and cit.quote, f"{p.country} {code}: source, url and quote"
        assert cit.confidence in ("high", "medium"), f"{p.country} {code}: confidence"
        assert cit.url.startswith(("http://", "https://")), f"{p.country} {code}: {cit.url!r}"
        assert len(cit.quote.split()) <= 80, f"{p.country} {code}: a quote is the provision's words, not a page"
    assert set(p.answers) == {leaf.code for leaf in scheme("mipex-core").leaves}


@pytest.mark.parametrize("p", [p for p in desk_codings() if p.coding == "desk"],
                         ids=lambda p: f"{p.country}-{p.year}")
def test_codings_follow_the_consistency_rules(p):
    """docs/coding/typical-case.md, rules of the consistency passes: where HEALTH.ENT.3 (the care
    undocumented adults may receive) is c, "emergency care only, or none", HEALTH.ENT.10 (the
    conditions attached to that care) is c too, "no entitlement beyond emergency care", and an
    ENT.10 of a or b needs an ENT.3 of a or b. (The independent desk-b codings are records of a
    second coder and are not re-read, so they are left out.)"""
    ent3, ent10 = p.answers.get("HEALTH.ENT.3"), p.answers.get("HEALTH.ENT.10")
    if ent3 == "c":
        assert ent10 in (None, "c"), f"{p.country}: ENT.3 c but ENT.10 {ent10}"
    if ent10 in ("a", "b"):
        assert ent3 in ("a", "b"), f"{p.country}: ENT.10 {ent10} but ENT.3 {ent3}"


def test_kazakhstan_and_armenia_are_coded():
    """Issue 13's bar: at least 60 % of the 58 indicators answered for each (n/a counts as an
    answer: the provision says the indicator does not apply)."""
    n = len(scheme("mipex-core").leaves)
    got = {p.country: sum(v is not None for v in p.answers.values()) for p in desk_codings()
           if p.country in ("KZ", "AM") and p.year == 2024}
    assert got["KZ"] >= 0.6 * n, got
    assert got["AM"] >= 0.6 * n, got


# ----------------------------------------------------------------------------------------------
# (a) every published value is in a profile, unchanged


@needs_data
def test_areas_2020_2024_in_profiles():
    b = builder()
    data = rows("areas_2020_2024.csv")
    assert len(data) == 41 * 9
    for r in data:
        published("mipex-core", r["iso2"], int(r["year"]), b.SERIES_2020[r["series"]], r["score"])


@needs_data
def test_access_to_nationality_in_profiles():
    b = builder()
    data = rows("access_to_nationality_2007_2019.csv")
    assert len(data) == 541
    for r in data:
        cc = b.iso2(r["country_name"])
        if r["iso3"]:
            assert b.iso2(r["iso3"]) == cc
        published("mipex-core", cc, int(r["year"]), "ATN", r["MIPEX_ATN_2020"])


@needs_data
@pytest.mark.parametrize("name", ["political_participation_2019.csv", "health_2019_top38.csv"])
def test_website_2019_in_profiles(name):
    b = builder()
    for r in rows(name):
        published("mipex-core", b.iso2(r["country"]), int(r["year"]), b.AREA_NAMES[r["area"]],
                  r["score_rounded"])


@needs_data
def test_mipex_2015_in_profiles():
    """Areas in both MIPEX 2015 schemes (Health only in the 8-area one); the overall WITHOUT
    Health only in mipex-2015-nohealth, the overall WITH Health only in mipex-2015."""
    b = builder()
    for r in rows("areas_2014_partial.csv"):
        code = b.AREA_NAMES[r["area"]]
        published("mipex-2015", b.iso2(r["country"]), int(r["year"]), code, r["score_rounded"])
        if code != "HEALTH":
            published("mipex-2015-nohealth", b.iso2(r["country"]), int(r["year"]), code, r["score_rounded"])
    data = rows("overall_2014.csv")
    assert len(data) == 38
    for r in data:
        published("mipex-2015-nohealth", b.iso2(r["country"]), int(r["year"]), "overall", r["overall_rounded"])


@needs_data
def test_mipex2015_country_pages_in_profiles():
    data = rows("mipex2015_country_pages_2014.csv")
    overall = [r for r in data if r["series"] == "Overall (8 areas, with health)"]
    assert len(overall) == 33 and len(data) - len(overall) == 94
    b = builder()
    for r in data:
        code = "overall" if r in overall else b.AREA_NAMES[r["series"]]
        published("mipex-2015", r["iso2"], int(r["year"]), code, r["score"])
        if code not in ("overall", "HEALTH"):
            published("mipex-2015-nohealth", r["iso2"], int(r["year"]), code, r["score"])
        p = published_index()[("mipex-2015", r["iso2"], int(r["year"]))]
        assert r["source_url"] in p.notes, f"{p.path}: source page of {code} not named"


@needs_data
def test_score_mipex_2015_gives_the_2014_overall_with_health():
    """`indexer score mipex-2015` reproduces every 2014 overall (with Health) of the country pages."""
    r = run_cli("score", "mipex-2015", "country_profiles", "--format", "csv")
    assert r.returncode == 0, r.stderr[-2000:]
    df = pd.read_csv(io.StringIO(r.stdout), dtype={"country": str}, keep_default_na=False)
    got = df[(df.code == "overall") & (df.year == 2014)].set_index("country").score
    want = {r["iso2"]: float(r["score"]) for r in rows("mipex2015_country_pages_2014.csv")
            if r["series"].startswith("Overall")}
    assert len(want) == 33
    for cc, v in want.items():
        assert float(got[cc]) == v, cc
    # and where a country has all eight areas, the published with-Health overall is their
    # rounded mean (whole numbers: within 0.5 + rounding of the areas, i.e. 1 point)
    areas = df[(df.depth == 1) & (df.score != "")].groupby("country").score.agg(lambda x: (len(x), x.astype(float).mean()))
    for cc, v in want.items():
        n, mean = areas.get(cc, (0, None))
        if n == 8:
            assert abs(mean - v) <= 1, (cc, mean, v)


@needs_data
def test_the_two_2015_series_never_share_a_scheme():
    """The overall without Health never appears in mipex-2015, nor the one with Health in
    mipex-2015-nohealth, which has no Health area at all."""
    assert "HEALTH" not in scheme("mipex-2015-nohealth").index
    assert [n.code for n in scheme("mipex-2015-nohealth").root.children] == AREAS[:-1]
    without = {builder().iso2(r["country"]): float(r["overall_rounded"]) for r in rows("overall_2014.csv")}
    with_h = {r["iso2"]: float(r["score"]) for r in rows("mipex2015_country_pages_2014.csv")
              if r["series"].startswith("Overall")}
    differ = [cc for cc in with_h if with_h[cc] != without[cc]]
    assert differ, "the two series should differ somewhere"
    for cc in differ:
        assert published_index()[("mipex-2015", cc, 2014)].scores["overall"] == with_h[cc]
        assert published_index()[("mipex-2015-nohealth", cc, 2014)].scores["overall"] == without[cc]
    for cc in set(without) - set(with_h):  # no with-Health figure: no given overall in mipex-2015
        assert "overall" not in published_index()[("mipex-2015", cc, 2014)].scores


@needs_data
def test_overall_2019_in_profiles():
    data = rows("overall_2019.csv")
    assert len(data) == 56
    for r in data:
        published("mipex-core", r["iso2"], int(r["year"]), "overall", r["overall"])
        p = published_index()[("mipex-core", r["iso2"], int(r["year"]))]
        assert r["source_url"] in p.notes, f"{p.path}: source page not named"


@needs_data
@pytest.mark.parametrize(("group", "n"), [("MIPEX2020", 56), ("EU27", 27)])
def test_2019_overall_baseline_is_49(group, n):
    """MIPEX printed both averages as 49 ('average MIPEX (49), EU (49)'): medians."""
    r = run_cli("compare", "mipex-core", "country_profiles", "--country", "DE", "--baseline", group,
                "--stat", "median", "--year", "2019", "--format", "csv")
    assert r.returncode == 0, r.stderr[-2000:]
    df = pd.read_csv(io.StringIO(r.stdout))
    ov = df[df.code == "overall"].iloc[0]
    assert ov.baseline == 49 and ov.baseline_n == n and ov.score == 58


@needs_data
def test_mipex_iii_in_profiles():
    b = builder()
    data = rows("overall_2010.csv")
    assert len(data) == 30
    for r in data:  # the other columns are covariates of the replication data, not MIPEX figures
        published("mipex-iii", b.iso2(r["short"]), 2010, "overall", r["mipex10"])


@needs_data
def test_every_published_profile_comes_from_the_data():
    """No reference profile holds a value that is not in a CSV (nothing invented)."""
    b = builder()
    expected = {(r.scheme, r.country, r.year): r.scores for r in b.collect(DATA).values()}
    got = published_index()
    assert set(got) == set(expected)
    for key, p in got.items():
        assert {c: float(v) for c, v in expected[key].items()} == dict(p.scores), p.path
        assert p.status == "final" and p.source and "mipex-published/" in p.source
        assert not p.answers


@needs_data
def test_reference_profiles_are_up_to_date():
    assert builder().build(DATA, PUBLISHED, check=True) == []


def test_kosovo_maps_to_xk():
    assert builder().iso2("Kosovo") == "XK"
    assert builder().iso2("Korea") == "KR" and builder().iso2("UK") == "GB"


# ----------------------------------------------------------------------------------------------
# (b) the engine's overall from the eight published areas equals the published overall


@needs_data
def test_overall_is_mean_of_the_eight_published_areas():
    core = scheme("mipex-core")
    published_overall: dict[tuple[str, int], float] = {}
    for r in rows("areas_2020_2024.csv"):
        if r["series"] == "Overall":
            published_overall[(r["iso2"], int(r["year"]))] = float(r["score"])
    assert len(published_overall) == 41
    variants = []
    for (cc, year) in published_overall:
        p = published_index()[("mipex-core", cc, year)]
        areas = {c: v for c, v in p.scores.items() if c != "overall"}
        assert sorted(areas) == sorted(AREAS)
        variants.append(dataclasses.replace(p, scores=areas))
    df = score(core, variants)
    overall = df[df.code == "overall"].set_index(["country", "year"])
    assert len(overall) == 41
    for (cc, year), want in published_overall.items():
        got = overall.loc[(cc, year), "score"]
        assert not math.isnan(got), f"{cc} {year}: no overall from 8 areas"
        assert abs(got - want) <= 0.01, f"{cc} {year}: engine {got}, published {want}"
        assert overall.loc[(cc, year), "coverage"] == 1.0


@needs_data
def test_few_published_areas_give_no_overall():
    """One, two or three published areas never pass for an overall score (SPEC §3)."""
    core = scheme("mipex-core")
    p = published_index()[("mipex-core", "CA", 2020)]
    for keep in (["ATN"], ["ATN", "PP"], ["ATN", "PP", "HEALTH"]):
        v = dataclasses.replace(p, scores={c: p.scores[c] for c in keep})
        df = score(core, [v])
        assert math.isnan(df[df.code == "overall"].score.iloc[0]), keep
    # the 2019 profiles merge ATN, PP and HEALTH with the published overall (overall_2019.csv):
    # the overall shown is the published one, never a mean of three areas
    de = published_index()[("mipex-core", "DE", 2019)]
    df = score(core, [de]).set_index("code")
    assert df.loc["overall", "score"] == 58
    assert df.loc["ATN", "score"] == 41.75 and df.loc["PP", "score"] == 60
    three = dataclasses.replace(de, scores={c: v for c, v in de.scores.items() if c != "overall"})
    assert math.isnan(score(core, [three]).set_index("code").loc["overall", "score"])


# ----------------------------------------------------------------------------------------------
# groups


def test_groups():
    g = bundle().groups
    for name in ("EU27", "EU28", "EU15", "MIPEX2020", "EAEU", "CentralAsia", "EaP", "SouthCaucasus"):
        assert name in g and g[name].title, name
    eu27, eu28, eu15 = (set(g[n].members) for n in ("EU27", "EU28", "EU15"))
    assert len(eu27) == 27 and eu28 - eu27 == {"GB"} and eu15 <= eu28 and len(eu15) == 15
    assert set(g["EAEU"].members) == {"AM", "BY", "KZ", "KG", "RU"}
    assert set(g["CentralAsia"].members) == {"KZ", "KG", "TJ", "TM", "UZ"}
    assert set(g["EaP"].members) == {"AM", "AZ", "BY", "GE", "MD", "UA"}
    assert set(g["SouthCaucasus"].members) == {"AM", "AZ", "GE"}
    oecd = set(g["OECD2019"].members)
    assert len(oecd) == 36 and {"LT", "LV", "IL", "CL", "MX", "TR"} <= oecd
    assert not oecd & {"CO", "CR"}  # members since 2020 and 2021
    for grp in g.values():
        assert len(set(grp.members)) == len(grp.members), f"{grp.name} lists a country twice"


@needs_data
def test_mipex2020_group_matches_the_56_countries():
    b = builder()
    countries = {b.iso2(r["country"]) for r in rows("political_participation_2019.csv")}
    assert len(countries) == 56
    assert set(bundle().groups["MIPEX2020"].members) == countries
    assert set(bundle().groups["EU28"].members) <= countries
    c2014 = {b.iso2(r["country"]) for r in rows("overall_2014.csv")}
    assert set(bundle().groups["MIPEX2015"].members) == c2014


def test_published_profiles_layout():
    """One file per scheme, country and year: published/<scheme>/<CC>/<scheme>-<year>.yaml."""
    counts = defaultdict(int)
    for p in bundle().profiles:
        if p.provenance != "published":
            continue
        rel = Path(p.path).resolve().relative_to(PUBLISHED)
        assert rel.parts == (p.scheme, p.country, f"{p.scheme}-{p.year}.yaml"), rel
        counts[p.scheme] += 1
    assert counts["mipex-2015"] == 38 and counts["mipex-2015-nohealth"] == 38 and counts["mipex-iii"] == 30 and counts["mipex-core"] > 500
