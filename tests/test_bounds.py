"""Bounds of a partly coded profile (SPEC §3.1), verdicts, rank bounds and the to-do list.

Every number is computed by hand in a comment; schemes are synthetic (built here) or the demo.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from conftest import REPO, profile_text, write_files
from hypothesis import given
from hypothesis import strategies as st
from test_properties import SETTINGS, build_scheme, profile, trees
from test_score_rules import OPTS, scheme

from indexer.cli import main
from indexer.compare import CSV_COLUMNS, compare
from indexer.load import load_paths
from indexer.model import AGGREGATIONS, NOT_APPLICABLE, Scheme
from indexer.score import COLUMNS, csv_text, score, score_arrays, sort_profiles
from indexer.todo import todo

approx = pytest.approx


def bounds(r) -> tuple[float | None, float | None]:  # noqa: ANN001 - a conftest Row
    return (r.lower, r.upper)


# ----------------------------------------------------------------------------------------------
# every aggregation, by hand


def test_weighted_mean(score_yaml):
    s = scheme(f"""
        - code: A
          children:
            - {{code: A1, weight: 3, options: {OPTS}}}
            - {{code: A2, options: {OPTS}}}
        - code: B
          weight: 2
          children:
            - {{code: B1, options: {OPTS}}}
            - {{code: B2, options: [{{value: a, score: 80}}, {{value: b, score: 20}}]}}
        """)
    r = score_yaml(s, profile_text("A1: a\nB1: b"))
    # A: (3·100 + 1·0)/4 = 75 .. (3·100 + 1·100)/4 = 100
    assert bounds(r["A"]) == (approx(75.0), approx(100.0))
    # B: (50 + 20)/2 = 35 .. (50 + 80)/2 = 65 (B2's own options, not the scale)
    assert bounds(r["B"]) == (approx(35.0), approx(65.0))
    # overall: (1·75 + 2·35)/3 = 145/3 .. (1·100 + 2·65)/3 = 230/3
    assert bounds(r["overall"]) == (approx(145 / 3), approx(230 / 3))
    # the provisional score (skip) is (100 + 2·50)/3 = 66.67: inside here, but see test_skip_score_can_lie_outside
    assert r["overall"].score == approx(200 / 3)
    # answered leaves keep their score
    assert bounds(r["A1"]) == (100.0, 100.0)
    assert bounds(r["A2"]) == (0.0, 100.0)


def test_skip_score_can_lie_outside_the_bounds(score_yaml):
    # the case: one answered indicator at 100, the provisional (skip) area score says 100,
    # but once coded the area can only reach (100 + 100 + 100 + 50)/4 = 87.5 at best
    s = scheme(f"""
        - code: A
          children:
            - {{code: A1, options: {OPTS}}}
            - {{code: A2, options: {OPTS}}}
            - {{code: A3, options: {OPTS}}}
            - {{code: A4, options: [{{value: x, score: 0}}, {{value: y, score: 50}}]}}
        """)
    r = score_yaml(s, profile_text("A1: a"))
    assert r["A"].score == 100.0
    # lower (100 + 0 + 0 + 0)/4 = 25, upper (100 + 100 + 100 + 50)/4 = 87.5
    assert bounds(r["A"]) == (25.0, 87.5)


def test_geometric_open_leaf_lower_is_zero(score_yaml):
    s = scheme(f"""
        - code: G
          aggregation: geometric
          children:
            - {{code: G1, options: {OPTS}}}
            - {{code: G2, options: {OPTS}}}
        - code: H
          aggregation: geometric
          children:
            - {{code: H1, options: {OPTS}}}
            - {{code: H2, options: [{{value: a, score: 80}}, {{value: b, score: 20}}]}}
        """)
    r = score_yaml(s, profile_text("G1: b\nH1: b"))
    # G: an open leaf whose lowest option is 0 → Π = 0; upper sqrt(50·100) = 70.71…
    assert bounds(r["G"]) == (0.0, approx(math.sqrt(5000)))
    # H: sqrt(50·20) = 31.62… .. sqrt(50·80) = 63.25…
    assert bounds(r["H"]) == (approx(math.sqrt(1000)), approx(math.sqrt(4000)))


def test_median_min_max(score_yaml):
    s = scheme(f"""
        - code: M
          aggregation: median
          children:
            - {{code: M1, options: {OPTS}}}
            - {{code: M2, options: {OPTS}}}
            - {{code: M3, options: {OPTS}}}
        - code: E
          aggregation: median
          children:
            - {{code: E1, options: {OPTS}}}
            - {{code: E2, options: {OPTS}}}
        - code: LO
          aggregation: min
          children:
            - {{code: LO1, options: {OPTS}}}
            - {{code: LO2, options: {OPTS}}}
        - code: HI
          aggregation: max
          children:
            - {{code: HI1, options: {OPTS}}}
            - {{code: HI2, options: {OPTS}}}
        """)
    r = score_yaml(s, profile_text("M1: b\nM2: a\nE1: b\nLO1: b\nHI1: b"))
    # median(50, 100, 0) = 50 .. median(50, 100, 100) = 100
    assert bounds(r["M"]) == (50.0, 100.0)
    # even count: median(50, 0) = 25 .. median(50, 100) = 75
    assert bounds(r["E"]) == (25.0, 75.0)
    # min(50, 0) = 0 .. min(50, 100) = 50;  max(50, 0) = 50 .. max(50, 100) = 100
    assert bounds(r["LO"]) == (0.0, 50.0)
    assert bounds(r["HI"]) == (50.0, 100.0)
    # overall (mean of the four areas): (50 + 25 + 0 + 50)/4 = 31.25 .. (100 + 75 + 50 + 100)/4 = 81.25
    assert bounds(r["overall"]) == (31.25, 81.25)


def test_numeric_open_leaf_spans_the_scale(score_yaml):
    s = scheme("""
        - code: N
          children:
            - {code: HI, numeric: {min: 0, max: 20, best: high}}
            - {code: LO, numeric: {min: 2, max: 12, best: low, unit: years}}
        """, scale="[0, 10]")
    r = score_yaml(s, profile_text("LO: 5"))
    # LO answered: (12 - 5)/(12 - 2) of [0, 10] = 7; HI open: the scale's ends 0 and 10 (not its goalposts)
    assert bounds(r["LO"]) == (7.0, 7.0)
    assert bounds(r["HI"]) == (0.0, 10.0)
    # N: (0 + 7)/2 = 3.5 .. (10 + 7)/2 = 8.5
    assert bounds(r["N"]) == (3.5, 8.5)


def test_not_applicable(score_yaml):
    s = scheme(f"""
        - code: A
          children:
            - {{code: A1, options: {OPTS}}}
            - {{code: A2, options: {OPTS}}}
        - code: B
          children:
            - {{code: B1, options: {OPTS}}}
        - code: C
          children:
            - {{code: C1, options: {OPTS}}}
            - {{code: C2, options: {OPTS}}}
        """)
    r = score_yaml(s, profile_text("A1: n/a\nB1: n/a\nC1: n/a\nC2: b"))
    # n/a is excluded, not open: A is A2 alone, 0..100; B has no applicable leaf: no bounds
    assert bounds(r["A"]) == (0.0, 100.0)
    assert bounds(r["A1"]) == (None, None)
    assert bounds(r["B"]) == (None, None)
    # C: C2 alone, answered: 50..50
    assert bounds(r["C"]) == (50.0, 50.0)
    # overall over A and C: (0 + 50)/2 = 25 .. (100 + 50)/2 = 75
    assert bounds(r["overall"]) == (25.0, 75.0)


def test_given_scores(score_yaml):
    s = scheme(f"""
        - code: A
          children:
            - {{code: A1, options: {OPTS}}}
            - {{code: A2, options: {OPTS}}}
        - code: B
          children:
            - {{code: B1, options: {OPTS}}}
            - {{code: B2, options: {OPTS}}}
        """)
    r = score_yaml(s, profile_text("B1: a", scores="A: 40"))
    # A is given: 40..40; the leaves under it are not open and have no bounds
    assert bounds(r["A"]) == (40.0, 40.0)
    assert bounds(r["A1"]) == (None, None)
    # B: (100 + 0)/2 = 50 .. 100; overall (40 + 50)/2 = 45 .. (40 + 100)/2 = 70
    assert bounds(r["B"]) == (50.0, 100.0)
    assert bounds(r["overall"]) == (45.0, 70.0)
    # nested given scores: overall 55 and A 40 published side by side; B lies under a given score
    r = score_yaml(s, profile_text("", scores="overall: 55\nA: 40"))
    assert bounds(r["overall"]) == (55.0, 55.0)
    assert bounds(r["A"]) == (40.0, 40.0)
    assert bounds(r["B"]) == (None, None)
    assert bounds(r["B1"]) == (None, None)
    # a given leaf score: A1 at 30, A2 open: (30 + 0)/2 = 15 .. (30 + 100)/2 = 65
    r = score_yaml(s, profile_text("", scores="A1: 30"))
    assert bounds(r["A"]) == (15.0, 65.0)


def test_missing_zero_and_min_coverage_are_ignored(score_yaml):
    body = f"""
        - code: A
          children:
            - {{code: A1, options: {OPTS}}}
            - {{code: A2, options: {OPTS}}}
        """
    r = score_yaml(scheme(body, missing="zero"), profile_text("A1: b"))
    # the score counts A2 as 0: (50 + 0)/2 = 25; the bounds let it be anything: 25 .. (50 + 100)/2 = 75
    assert r["A"].score == 25.0
    assert bounds(r["A"]) == (25.0, 75.0)
    r = score_yaml(scheme(body, min_coverage=1), profile_text("A1: b"))
    # below the coverage rule: no score, but bounds
    assert r["A"].score is None
    assert bounds(r["A"]) == (25.0, 75.0)


def test_complete_profile_bounds_are_the_score():
    bundle = load_paths([REPO / "indicators" / "demo.yaml", REPO / "country_profiles" / "demo"])
    sch = bundle.schemes["demo"]
    profs = sort_profiles([p for p in bundle.profiles if p.country in ("XA", "XB")])  # both fully coded
    a = score_arrays(sch, profs)
    assert np.nanmin(a.coverage) == 1.0
    # exactly equal, NaN where there is no score (XB's WORK.3 is n/a)
    assert np.array_equal(a.lower, a.score, equal_nan=True)
    assert np.array_equal(a.upper, a.score, equal_nan=True)


def test_columns_of_every_output(tmp_path, runner):
    band = COLUMNS.index("band")
    assert COLUMNS[band + 1:band + 3] == ["lower", "upper"]  # SPEC §5: right after band (extensions may follow)
    bundle = load_paths([REPO / "indicators" / "demo.yaml", REPO / "country_profiles" / "demo"])
    sch = bundle.schemes["demo"]
    profs = sort_profiles(bundle.profiles)
    text = csv_text(score_arrays(sch, profs))
    # the fast CSV is the table's CSV byte for byte
    assert text == score(sch, profs)[COLUMNS].to_csv(index=False, lineterminator="\n")
    import csv
    import io

    row = next(r for r in csv.DictReader(io.StringIO(text)) if (r["country"], r["code"]) == ("XC", "NAT"))
    # XC 2024: NAT.1 = 100, NAT.2 open: NAT 50..100
    assert (row["lower"], row["upper"]) == ("50.0", "100.0")
    demo = [str(REPO / "indicators" / "demo.yaml"), str(REPO / "country_profiles" / "demo")]
    out = runner.invoke(main, ["export", *demo, "--output", str(tmp_path / "x.csv")])
    assert out.exit_code == 0, out.output
    head = (tmp_path / "x.csv").read_text().splitlines()[0]
    assert ",band,lower,upper," in head
    out = runner.invoke(main, ["score", *demo, "--format", "json"])
    assert out.exit_code == 0
    import json

    rows = [r for r in json.loads(out.stdout) if r["country"] == "XC" and r["code"] == "NAT.2"]
    assert (rows[0]["score"], rows[0]["lower"], rows[0]["upper"]) == (None, 0.0, 100.0)
    from indexer.export import SCORE_COLUMNS, scores_frame

    assert {"lower", "upper"} <= set(SCORE_COLUMNS)
    df = scores_frame(sch, profs)
    r = df[(df.country == "XC") & (df.code == "overall")].iloc[0]
    # XC overall: WORK 8.33 (final), NAT 50..100: (8.33 + 50)/2 .. (8.33 + 100)/2
    assert (r.lower, r.upper) == (approx((25 / 3 + 50) / 2), approx((25 / 3 + 100) / 2))


# ----------------------------------------------------------------------------------------------
# the property


@st.composite
def partial_profiles(draw, sch: Scheme):
    """A profile with random answered, n/a and open leaves, sometimes a given score (with its
    subtree left unanswered), and the open leaves."""
    answers: dict[str, str | None] = {}
    scores: dict[str, float] = {}
    composites = [n for n in sch.nodes[1:] if not n.is_leaf]
    under: set[str] = set()
    if composites and draw(st.booleans()):
        g = draw(st.sampled_from(composites))
        lo, hi = sch.scale
        scores[g.code] = draw(st.floats(lo, hi))
        under = {d.code for d in sch.descendants(g.code)}
    open_ = []
    for leaf in sch.leaves:
        if leaf.code in under:
            continue
        kind = draw(st.sampled_from(["answer", "n/a", "open", "open"]))
        if kind == "n/a":
            answers[leaf.code] = NOT_APPLICABLE
        elif kind == "open":
            open_.append(leaf)
        else:
            answers[leaf.code] = _answer(draw, leaf)
    return answers, scores, open_


def _answer(draw, leaf) -> str:  # noqa: ANN001
    if leaf.numeric is not None:
        return repr(draw(st.floats(-200, 200)))
    return draw(st.sampled_from([o.value for o in leaf.options]))


def _extreme(leaf, best: bool) -> str:  # noqa: ANN001 - the answer that scores a leaf's lowest/highest
    if leaf.numeric is not None:
        high = leaf.numeric.best == "high"
        return repr(float(leaf.numeric.max if high == best else leaf.numeric.min))
    pick = max if best else min
    return pick(leaf.options, key=lambda o: o.score).value


@SETTINGS
@given(data=st.data())
def test_completions_lie_within_the_bounds(data):
    scale = data.draw(st.sampled_from([(0, 100), (1, 5), (0, 1)]))
    tree = data.draw(trees(aggs=AGGREGATIONS, scale=scale))
    sch = build_scheme(tree, scale=scale, aggregation=data.draw(st.sampled_from(AGGREGATIONS)),
                       missing=data.draw(st.sampled_from(["skip", "zero"])),
                       min_coverage=data.draw(st.sampled_from([0, 0.5, 1])))
    answers, scores, open_ = data.draw(partial_profiles(sch))
    from dataclasses import replace

    base = replace(profile(answers), scores=scores)
    partial = score_arrays(sch, [base])
    lower, upper = partial.lower[0], partial.upper[0]
    completions = {
        "random": {leaf.code: _answer(data.draw, leaf) for leaf in open_},
        "worst": {leaf.code: _extreme(leaf, False) for leaf in open_},
        "best": {leaf.code: _extreme(leaf, True) for leaf in open_},
    }
    done = score_arrays(sch, [replace(base, answers={**answers, **c}) for c in completions.values()])
    # a complete profile: coverage 1 wherever there is coverage, so the thresholds let every score through
    random_, worst, best = done.score
    assert np.array_equal(np.isnan(random_), np.isnan(lower))
    ok = ~np.isnan(lower)
    assert np.all(lower[ok] <= upper[ok])
    assert np.all(random_[ok] >= lower[ok] - 1e-9 * (1 + np.abs(lower[ok])))
    assert np.all(random_[ok] <= upper[ok] + 1e-9 * (1 + np.abs(upper[ok])))
    # the all-worst and all-best completions reach the bounds exactly
    assert np.array_equal(worst, lower, equal_nan=True)
    assert np.array_equal(best, upper, equal_nan=True)
    # and a complete profile's bounds are its score
    assert np.array_equal(done.lower[0], random_, equal_nan=True)


# ----------------------------------------------------------------------------------------------
# compare: baseline bounds, verdicts, rank bounds; the to-do list

CMP_SCHEME = scheme(f"""
    - code: A
      children:
        - {{code: A1, options: {OPTS}}}
        - {{code: A2, options: {OPTS}}}
    - code: B
      children:
        - {{code: B1, options: {OPTS}}}
    - code: C
      children:
        - {{code: C1, options: {OPTS}}}
    - code: D
      children:
        - {{code: D1, options: {OPTS}}}
    """)


@pytest.fixture
def cmp_bundle(tmp_path):
    files = {
        "t.yaml": CMP_SCHEME,
        # members: XA: A 100, B 100, C 100, D 0 → 75;  XB: A 50, B 50, C 100, D 0 → 50
        "XA.yaml": profile_text("A1: a\nA2: a\nB1: a\nC1: a\nD1: c", country="XA"),
        "XB.yaml": profile_text("A1: b\nA2: b\nB1: b\nC1: a\nD1: c", country="XB"),
        # compared: A1 c, A2 open → A 0..50; B1 open → 0..100; C 100; D 50
        "XC.yaml": profile_text("A1: c\nC1: a\nD1: b", country="XC"),
        "groups.yaml": "groups:\n  G: {title: Two, members: [XA, XB]}\n",
    }
    write_files(tmp_path, files)
    return load_paths([tmp_path])


def test_verdicts_and_rank_bounds(cmp_bundle):
    b = cmp_bundle
    cmp_ = compare(b.schemes["t"], b.profiles, ["XC"], group=b.groups["G"])
    t = cmp_.table.set_index("code")
    # baseline (mean of XA, XB; both complete so its bounds meet): A 75, B 75, C 100, D 0, overall 62.5
    assert t.loc[["overall", "A", "B", "C", "D"], "baseline_lower"].tolist() == [62.5, 75.0, 75.0, 100.0, 0.0]
    assert t.loc["A", ["baseline_lower", "baseline_upper"]].tolist() == [75.0, 75.0]
    assert t.loc["overall", ["lower", "upper", "baseline_lower", "baseline_upper"]].tolist() == [
        37.5, 75.0, 62.5, 62.5]  # (0 + 0 + 100 + 50)/4 .. (50 + 100 + 100 + 50)/4
    # A 0..50 < 75: below; B 0..100 ∋ 75: undetermined; C 100 = 100: equal; D 50 > 0: above
    assert t.loc[["A", "B", "C", "D", "overall"], "verdict"].tolist() == [
        "below", "undetermined", "equal", "above", "undetermined"]
    # rank bounds among XA, XB and XC: best 1 + #{lower_other > upper}, worst 1 + #{upper_other > lower}
    # A: XC 0..50 vs XA 100, XB 50 → best 2, worst 3;  B: 0..100 → 1..3;  C: 1..1;  D: 1..1
    # overall 37.5..75 vs 75, 50 → best 1 (nobody above 75), worst 3
    assert t.loc[["A", "B", "C", "D", "overall"], "rank_best"].tolist() == [2, 1, 1, 1, 1]
    assert t.loc[["A", "B", "C", "D", "overall"], "rank_worst"].tolist() == [3, 3, 1, 1, 3]
    assert list(cmp_.csv_frame().columns) == CSV_COLUMNS
    assert CSV_COLUMNS[:9] == ["code", "level", "depth", "country", "year", "score", "baseline", "gap", "baseline_n"]
    assert CSV_COLUMNS[9:17] == ["coverage", "lower", "upper", "baseline_lower", "baseline_upper", "verdict",
                               "rank_best", "rank_worst"]
    # without a baseline: no verdict, no rank bounds, the country's bounds all the same
    t0 = compare(b.schemes["t"], b.profiles, ["XC"]).table.set_index("code")
    assert set(t0.verdict) == {""}
    assert t0.loc["A", ["lower", "upper"]].tolist() == [0.0, 50.0]


def test_baseline_bounds_of_partly_coded_members(tmp_path):
    files = {
        "t.yaml": CMP_SCHEME,
        "XA.yaml": profile_text("A1: a\nA2: a\nB1: a\nC1: a\nD1: a", country="XA"),
        # XB leaves A2 open: A 50..100 (its score, skip: 100 from A1 alone); D1 open: D has no score
        "XB.yaml": profile_text("A1: a\nB1: c\nC1: a", country="XB"),
        "XC.yaml": profile_text("A1: b\nA2: b\nB1: b\nC1: b\nD1: b", country="XC"),
        "groups.yaml": "groups:\n  G: {title: Two, members: [XA, XB]}\n",
    }
    write_files(tmp_path, files)
    b = load_paths([tmp_path])
    t = compare(b.schemes["t"], b.profiles, ["XC"], group=b.groups["G"]).table.set_index("code")
    # A: members' lower 100 and 50 → mean 75; upper 100 and 100 → 100; XC's 50 < 75: below
    assert t.loc["A", ["baseline_lower", "baseline_upper", "verdict"]].tolist() == [75.0, 100.0, "below"]
    # D: XB has no score (D1 open, nothing else): it is left out of the baseline and of its bounds;
    # the baseline is XA's 100, n = 1
    assert t.loc["D", ["baseline", "baseline_n", "baseline_lower", "baseline_upper"]].tolist() == [100.0, 1, 100.0, 100.0]


def test_todo_ranks_and_settles(cmp_bundle):
    b = cmp_bundle
    res = todo(b.schemes["t"], b.profiles, "XC", group=b.groups["G"])
    o = res.open
    # share in overall × range: B1 1/4 × 100 = 25, A2 1/4 · 1/2 × 100 = 12.5
    assert o.code.tolist() == ["B1", "A2"]
    assert o.swing.tolist() == [25.0, 12.5]
    assert o.share.tolist() == [0.25, 0.125]
    # B1 lies under the undetermined B and overall; A2 under overall only (A is below already)
    assert o.decides.tolist() == ["overall B", "overall"]
    n = res.nodes.set_index("code")
    # overall 37.5..75 vs 62.5: B1 at best → lower (0 + 100 + 100 + 50)/4 = 62.5, not above;
    # B1 at worst → upper (50 + 0 + 100 + 50)/4 = 50 < 62.5: below with one answer
    assert (n.loc["overall", "to_settle"], n.loc["overall", "settles_as"], n.loc["overall", "first"]) == (1, "below", "B1")
    # B: one answer settles it either way (100 > 75 or 0 < 75)
    assert (n.loc["B", "to_settle"], n.loc["B", "settles_as"]) == (1, "either")
    # decided nodes need nothing
    assert n.loc["A", "verdict"] == "below" and n.loc["A", "to_settle"] is pd_na()
    assert n.loc["A", "open_n"] == 1 and n.loc["C", "open_n"] == 0


def pd_na():  # noqa: ANN201
    import pandas as pd

    return pd.NA


def test_todo_cannot_settle_when_the_baseline_is_uncertain(tmp_path):
    files = {
        "t.yaml": CMP_SCHEME,
        "XA.yaml": profile_text("A1: a\nA2: a\nB1: a\nC1: a\nD1: a", country="XA"),
        # the member leaves A2 open: the baseline's A is (50 + 0)/2 .. (50 + 100)/2 = 25..75 (n = 1)
        "XB.yaml": profile_text("A1: b\nB1: a\nC1: a\nD1: a", country="XB"),
        "XC.yaml": profile_text("A1: b\nB1: b\nC1: b\nD1: b", country="XC"),
        "groups.yaml": "groups:\n  G: {title: One, members: [XB]}\n",
    }
    write_files(tmp_path, files)
    b = load_paths([tmp_path])
    res = todo(b.schemes["t"], b.profiles, "XC", group=b.groups["G"])
    n = res.nodes.set_index("code")
    # XC's A: 25..75 against 25..75: A2 at best gives 75, not > 75; at worst 25, not < 25:
    # no answer of XC settles it
    assert n.loc["A", "verdict"] == "undetermined"
    assert n.loc["A", "to_settle"] is pd_na() and n.loc["A", "settles_as"] == ""


def test_todo_command(tmp_path, runner, cmp_bundle):
    out = runner.invoke(main, ["todo", "t", str(tmp_path), "--country", "XC", "--baseline", "G", "--format", "csv"])
    assert out.exit_code == 0, out.output
    lines = out.stdout.splitlines()
    assert lines[0] == "order,code,title,area,lowest,highest,range,share,swing,decides"
    assert [ln.split(",")[1] for ln in lines[1:]] == ["B1", "A2"]
    out = runner.invoke(main, ["todo", "t", str(tmp_path), "--country", "XC", "--baseline", "G"])
    assert out.exit_code == 0
    assert "1 → below" in out.stdout
    out = runner.invoke(main, ["todo", "t", str(tmp_path), "--country", "XZ"])
    assert out.exit_code == 1
    assert "cannot-compare" in out.stderr
    out = runner.invoke(main, ["compare", "t", str(tmp_path), "--country", "XC", "--baseline", "G", "--format", "csv"])
    assert out.exit_code == 0
    head, *rows = out.stdout.splitlines()
    assert head.split(",") == CSV_COLUMNS
    over = dict(zip(CSV_COLUMNS, rows[0].split(","), strict=True))
    assert (over["lower"], over["upper"], over["verdict"], over["rank_best"], over["rank_worst"]) == (
        "37.5", "75.0", "undetermined", "1", "3")
