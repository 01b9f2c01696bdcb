"""Every scoring rule of SPEC §3, each with a hand-computed example (arithmetic in comments)."""

from __future__ import annotations

import textwrap

import pytest
from conftest import profile_text

approx = pytest.approx

OPTS = "[{value: a, score: 100}, {value: b, score: 50}, {value: c, score: 0}]"


def scheme(body: str, **head: object) -> str:
    """A scheme `t` with the given top-level settings and `children:` body (YAML, 2-space indent)."""
    lines = ["id: t", "title: Test", 'version: "1"']
    for k, v in head.items():
        lines.append(f"{k}: {v}")
    lines.append("children:")
    lines += ["  " + ln for ln in textwrap.dedent(body).strip("\n").splitlines()]
    return "\n".join(lines) + "\n"


# ----------------------------------------------------------------------------------------------
# weights


def test_weights(score_yaml):
    s = scheme(f"""
        - code: A
          children:
            - {{code: A1, weight: 3, options: {OPTS}}}
            - {{code: A2, options: {OPTS}}}
        - code: B
          weight: 2
          children:
            - {{code: B1, options: {OPTS}}}
        """)
    r = score_yaml(s, profile_text("A1: a\nA2: c\nB1: b"))
    # A = (3·100 + 1·0) / (3 + 1) = 75
    assert r["A"].score == approx(75.0)
    # B = 50 (one child)
    assert r["B"].score == approx(50.0)
    # overall = (1·75 + 2·50) / (1 + 2) = 175/3 = 58.333…
    assert r["overall"].score == approx(175 / 3)
    assert r["overall"].coverage == approx(1.0)


def test_weights_only_of_scored_children(score_yaml):
    s = scheme(f"""
        - code: A
          children:
            - {{code: A1, weight: 3, options: {OPTS}}}
            - {{code: A2, options: {OPTS}}}
            - {{code: A3, weight: 6, options: {OPTS}}}
        """)
    # A3 absent: its weight leaves the denominator: (3·50 + 1·100) / 4 = 62.5
    r = score_yaml(s, profile_text("A1: b\nA2: a"))
    assert r["A"].score == approx(62.5)
    assert r["A"].coverage == approx(2 / 3)


# ----------------------------------------------------------------------------------------------
# goalposts


GOAL = scheme("""
    - code: N
      children:
        - {code: HI, numeric: {min: 0, max: 20, best: high}}
        - {code: LO, numeric: {min: 2, max: 12, best: low, unit: years}}
    """)


@pytest.mark.parametrize(
    ("hi", "lo", "s_hi", "s_lo"),
    [
        # HI: (5 - 0)/(20 - 0) = 0.25 → 25;  LO: (12 - 5)/(12 - 2) = 0.7 → 70
        (5, 5, 25.0, 70.0),
        # below min: HI -3 → clipped to 0 → 0;  LO 1 → clipped to 2 → (12 - 2)/10 = 1 → 100
        (-3, 1, 0.0, 100.0),
        # above max: HI 25 → clipped to 20 → 100;  LO 40 → clipped to 12 → 0
        (25, 40, 100.0, 0.0),
        # at the goalposts themselves
        (20, 12, 100.0, 0.0),
        # fractions: HI 2.5/20 = 0.125 → 12.5;  LO (12 - 9.5)/10 = 0.25 → 25
        (2.5, 9.5, 12.5, 25.0),
    ],
)
def test_goalposts_with_clipping(score_yaml, hi, lo, s_hi, s_lo):
    r = score_yaml(GOAL, profile_text(f"HI: {hi}\nLO: {lo}"))
    assert r["HI"].score == approx(s_hi)
    assert r["LO"].score == approx(s_lo)
    assert r["N"].score == approx((s_hi + s_lo) / 2)


def test_numeric_leaf_accepts_a_string_that_reads_as_a_number(score_yaml):
    # "8" (quoted) on HI: 8/20 = 0.4 → 40;  long form {answer: "4"} on LO: (12 - 4)/10 → 80
    r = score_yaml(GOAL, profile_text('HI: "8"\nLO: {answer: "4", source: Law}'))
    assert r["HI"].score == approx(40.0)
    assert r["LO"].score == approx(80.0)


# ----------------------------------------------------------------------------------------------
# n/a versus absent, and `missing: zero`

THREE = f"""
    - code: A
      children:
        - {{code: A1, options: {OPTS}}}
        - {{code: A2, options: {OPTS}}}
        - {{code: A3, options: {OPTS}}}
    """


def test_na_versus_absent_skip(score_yaml):
    s = scheme(THREE)
    out = score_yaml(
        s,
        profile_text("A1: a\nA2: n/a\nA3: c", country="XA"),  # n/a
        profile_text("A1: a\nA3: c", country="XB"),  # A2 absent (not listed)
        profile_text("A1: a\nA2:\nA3: c", country="XC"),  # A2 blank
    )
    na, absent, blank = out[("XA", 2024)], out[("XB", 2024)], out[("XC", 2024)]
    # all three: A = (100 + 0)/2 = 50 (A2 has no score either way)
    for r in (na, absent, blank):
        assert r["A"].score == approx(50.0)
        assert r["A2"].score is None
    # coverage: n/a leaves the denominator: 2/2 = 1;  absent/blank: answered 2 of 3 applicable
    assert na["A"].coverage == approx(1.0)
    assert absent["A"].coverage == approx(2 / 3)
    assert blank["A"].coverage == approx(2 / 3)
    # a leaf's own coverage: n/a → empty (no applicable leaf); absent → 0
    assert na["A2"].coverage is None
    assert absent["A2"].coverage == 0.0


def test_missing_zero(score_yaml):
    s = scheme(THREE, missing="zero")
    out = score_yaml(
        s,
        profile_text("A1: a\nA2: n/a\nA3: b", country="XA"),
        profile_text("A1: a\nA3: b", country="XB"),
    )
    na, absent = out[("XA", 2024)], out[("XB", 2024)]
    # n/a still excluded: (100 + 50)/2 = 75, coverage 2/2
    assert na["A"].score == approx(75.0)
    assert na["A2"].score is None
    assert na["A"].coverage == approx(1.0)
    # absent scores the scale minimum 0: (100 + 0 + 50)/3 = 50; still counted as unanswered: 2/3
    assert absent["A2"].score == 0.0
    assert absent["A"].score == approx(50.0)
    assert absent["A"].coverage == approx(2 / 3)


def test_missing_zero_on_a_scale_from_1(score_yaml):
    s = scheme("""
        - code: A
          children:
            - {code: A1, options: [{value: a, score: 5}, {value: b, score: 1}]}
            - {code: A2, options: [{value: a, score: 5}, {value: b, score: 1}]}
            - {code: A3, numeric: {min: 0, max: 10}}
        """, scale="[1, 5]", missing="zero")
    r = score_yaml(s, profile_text("A1: a"))
    # absent A2 and A3 score the scale minimum 1: (5 + 1 + 1)/3 = 7/3
    assert r["A2"].score == 1.0
    assert r["A3"].score == 1.0
    assert r["A"].score == approx(7 / 3)
    assert r["A"].coverage == approx(1 / 3)


# ----------------------------------------------------------------------------------------------
# aggregation methods

FOUR = """
    - code: G
      aggregation: {method}
      children:
        - {{code: G1, weight: 3, numeric: {{min: 0, max: 100}}}}
        - {{code: G2, numeric: {{min: 0, max: 100}}}}
        - {{code: G3, numeric: {{min: 0, max: 100}}}}
        - {{code: G4, weight: 10, numeric: {{min: 0, max: 100}}}}
    """


def _agg(score_yaml, method: str, answers: str) -> float | None:
    return score_yaml(scheme(FOUR.format(method=method)), profile_text(answers))["G"].score


def test_geometric_without_a_zero(score_yaml):
    # weights 3 and 1 (G3, G4 absent): 100^(3/4) · 25^(1/4) = 10^1.5 · 5^0.5 = √5000 = 70.7107…
    assert _agg(score_yaml, "geometric", "G1: 100\nG2: 25") == approx(5000 ** 0.5)
    # weights 1 and 1: (16 · 64)^(1/2) = 32
    assert _agg(score_yaml, "geometric", "G2: 16\nG3: 64") == approx(32.0)


def test_geometric_with_a_zero(score_yaml):
    # any scored child at 0 → 0
    assert _agg(score_yaml, "geometric", "G1: 100\nG2: 0\nG3: 80") == 0.0


def test_median_unweighted_even_count(score_yaml):
    # scores 0, 50, 75, 100 (weights 3, 1, 1, 10 are ignored): median = (50 + 75)/2 = 62.5
    assert _agg(score_yaml, "median", "G1: 0\nG2: 50\nG3: 75\nG4: 100") == approx(62.5)
    # odd count (G4 absent): 0, 50, 75 → 50
    assert _agg(score_yaml, "median", "G1: 0\nG2: 50\nG3: 75") == approx(50.0)


def test_min_and_max(score_yaml):
    answers = "G1: 30\nG2: 90\nG3: n/a\nG4: 60"
    # of the scored children 30, 90, 60 (weights play no part)
    assert _agg(score_yaml, "min", answers) == approx(30.0)
    assert _agg(score_yaml, "max", answers) == approx(90.0)


def test_mean_is_the_default_and_root_uses_the_scheme_aggregation(score_yaml):
    s = scheme("""
        - code: A
          aggregation: mean
          children:
            - {code: A1, numeric: {min: 0, max: 100}}
            - {code: A2, numeric: {min: 0, max: 100}}
        - code: B
          children:
            - {code: B1, numeric: {min: 0, max: 100}}
            - {code: B2, numeric: {min: 0, max: 100}}
        """, aggregation="min")
    r = score_yaml(s, profile_text("A1: 20\nA2: 80\nB1: 60\nB2: 100"))
    # A overrides to mean: (20 + 80)/2 = 50;  B takes the scheme's `min`: min(60, 100) = 60
    assert r["A"].score == approx(50.0)
    assert r["B"].score == approx(60.0)
    # the root aggregates the top level with the scheme's `min`: min(50, 60) = 50
    assert r["overall"].score == approx(50.0)
    assert (r["overall"].level, r["overall"].depth) == ("overall", 0)


def test_no_scored_child_no_score(score_yaml):
    s = scheme(THREE)
    r = score_yaml(s, profile_text("A1: n/a\nA2: n/a"))
    # nothing scored: A and the root have no score; coverage 0 of 1 applicable leaf (A3)
    assert r["A"].score is None
    assert r["overall"].score is None
    assert r["A"].coverage == 0.0


# ----------------------------------------------------------------------------------------------
# given scores

GIVEN = f"""
    - code: A
      children:
        - {{code: A1, options: {OPTS}}}
        - code: A2
          children:
            - {{code: A2x, options: {OPTS}}}
            - {{code: A2y, options: {OPTS}}}
    - code: B
      children:
        - {{code: B1, options: {OPTS}}}
        - {{code: B2, options: {OPTS}}}
    """


def test_given_score_replaces_children(score_yaml, problems_of):
    s = scheme(GIVEN)
    p = profile_text("B1: a\nB2: c", scores="A: 40")
    r = score_yaml(s, p)
    # A is given 40; nothing below it has a score or a coverage
    assert r["A"].score == 40.0
    assert r["A"].coverage == approx(1.0)  # its 3 leaves count as answered: 3/3
    for code in ("A1", "A2", "A2x", "A2y"):
        assert r[code].score is None and r[code].coverage is None
    # B = (100 + 0)/2 = 50;  overall = (40 + 50)/2 = 45
    assert r["B"].score == approx(50.0)
    assert r["overall"].score == approx(45.0)
    # coverage: leaves under the given score count as answered: (3 + 2)/5 = 1
    assert r["overall"].coverage == approx(1.0)
    # and they are not reported missing
    probs = problems_of({"t.yaml": s, "p.yaml": p})
    assert [x.code for x in probs] == []


def test_given_score_with_unanswered_leaves_elsewhere(score_yaml):
    s = scheme(GIVEN)
    r = score_yaml(s, profile_text("B1: b", scores="A: 40"))
    # overall coverage: A's 3 leaves (answered by the given score) + B1 answered, B2 absent: 4/5
    assert r["overall"].coverage == approx(0.8)
    # overall = (40 + 50)/2 = 45
    assert r["overall"].score == approx(45.0)


def test_nested_given_scores_overall_and_area(score_yaml):
    s = scheme(GIVEN)
    r = score_yaml(s, profile_text("", scores="overall: 55.5\nA: 40\nB: 71.25"))
    # the given scores are the scores; nothing is recomputed
    assert r["overall"].score == 55.5
    assert r["A"].score == 40.0
    assert r["B"].score == 71.25
    # all five leaves lie under a given score: overall coverage 5/5; the areas lie below the
    # given overall, so their coverage is empty
    assert r["overall"].coverage == approx(1.0)
    assert r["A"].coverage is None and r["B"].coverage is None
    for code in ("A1", "A2", "A2x", "A2y", "B1", "B2"):
        assert r[code].score is None and r[code].coverage is None


def test_given_overall_only_leaves_areas_without_score(score_yaml):
    s = scheme(GIVEN)
    r = score_yaml(s, profile_text("", scores="overall: 60"))
    assert r["overall"].score == 60.0
    assert r["A"].score is None and r["B"].score is None


def test_given_score_on_a_dimension_and_on_a_leaf(score_yaml):
    s = scheme(GIVEN)
    r = score_yaml(s, profile_text("A1: b\nB2: a", scores="A2: 20\nB1: 30"))
    # A = (50 + 20)/2 = 35;  B = (30 + 100)/2 = 65;  overall = (35 + 65)/2 = 50
    assert r["A2"].score == 20.0
    assert r["A2x"].score is None
    assert r["A"].score == approx(35.0)
    assert r["B1"].score == 30.0 and r["B1"].coverage == approx(1.0)
    assert r["B"].score == approx(65.0)
    assert r["overall"].score == approx(50.0)
    # A's coverage: A1 answered + A2's two leaves under a given score: 3/3
    assert r["A"].coverage == approx(1.0)


# ----------------------------------------------------------------------------------------------
# min_coverage


def test_min_coverage_overall_with_one_published_area(score_yaml):
    s = scheme(GIVEN, min_coverage=0.6)
    r = score_yaml(s, profile_text("", scores="A: 40"))
    # overall coverage: A's 3 leaves of 5 = 0.6 → meets 0.6 exactly: scored, 40
    assert r["overall"].coverage == approx(0.6)
    assert r["overall"].score == approx(40.0)
    s = scheme(GIVEN, min_coverage=0.61)
    r = score_yaml(s, profile_text("", scores="A: 40"))
    # 0.6 < 0.61: no overall score, though A has one (the published area is not passed off
    # as an overall score)
    assert r["overall"].score is None
    assert r["A"].score == 40.0
    assert r["B"].score is None  # B: 0 of 2 answered
    assert r["B"].coverage == 0.0


def test_min_coverage_node_override(score_yaml):
    s = scheme(f"""
        - code: A
          min_coverage: 1
          children:
            - {{code: A1, options: {OPTS}}}
            - {{code: A2, options: {OPTS}}}
        - code: B
          min_coverage: 0
          children:
            - {{code: B1, options: {OPTS}}}
            - {{code: B2, options: {OPTS}}}
        - code: C
          children:
            - {{code: C1, options: {OPTS}}}
            - {{code: C2, options: {OPTS}}}
        """, min_coverage=0.5)
    r = score_yaml(s, profile_text("A1: a\nB1: b\nC1: c\nC2: n/a"))
    # A: coverage 1/2 < its own 1 → no score
    assert r["A"].coverage == approx(0.5) and r["A"].score is None
    # B: coverage 1/2, its own min 0 → scored 50 (the scheme's 0.5 is overridden)
    assert r["B"].score == approx(50.0)
    # C: coverage 1/1 (C2 n/a) ≥ 0.5 → 0
    assert r["C"].coverage == approx(1.0) and r["C"].score == 0.0
    # overall: coverage (1 + 1 + 1)/(2 + 2 + 1) = 0.6 ≥ 0.5; scored children B, C: (50 + 0)/2 = 25
    assert r["overall"].coverage == approx(0.6)
    assert r["overall"].score == approx(25.0)


def test_min_coverage_does_not_apply_to_leaves(score_yaml):
    s = scheme(THREE, min_coverage=1)
    r = score_yaml(s, profile_text("A1: a\nA2: b"))
    # leaves keep their scores; A's coverage 2/3 < 1 → no score
    assert r["A1"].score == 100.0 and r["A2"].score == 50.0
    assert r["A"].score is None and r["overall"].score is None


# ----------------------------------------------------------------------------------------------
# bands

BANDED = scheme("""
    - code: A
      children:
        - {code: X, numeric: {min: 0, max: 1000}}
    """, bands="[{min: 80, label: Favourable}, {min: 60, label: Slightly}, {min: 20, label: Low}]")


@pytest.mark.parametrize(
    ("x", "band"),
    [
        (1000, "Favourable"),
        (800, "Favourable"),  # 800/1000 · 100 = 80 ≥ 80
        (799.99, "Slightly"),  # 79.999 < 80: not Favourable (never rounded up)
        (600, "Slightly"),
        (599.999, "Low"),
        (200, "Low"),
        (199, ""),  # 19.9: below every band
    ],
)
def test_bands(score_yaml, x, band):
    r = score_yaml(BANDED, profile_text(f"X: {x}"))
    assert r["X"].score == approx(x / 10)
    assert r["X"].band == band
    assert r["A"].band == band and r["overall"].band == band


def test_no_band_without_score(score_yaml):
    r = score_yaml(BANDED, profile_text("X: n/a"))
    assert r["X"].score is None and r["X"].band == ""


# ----------------------------------------------------------------------------------------------
# trees: mixed depth, level names


def test_mixed_depth_and_level_names(score_yaml):
    s = scheme(f"""
        - {{code: L0, options: {OPTS}}}
        - code: D
          children:
            - code: D1
              children:
                - {{code: D1a, options: {OPTS}}}
                - code: D1b
                  children:
                    - {{code: D1bx, options: {OPTS}}}
        """, levels="[area, dimension]")
    r = score_yaml(s, profile_text("L0: a\nD1a: c\nD1bx: b"))
    # levels: depth 1 area (leaf L0 and composite D alike), 2 dimension, 3 level3, 4 level4
    assert (r["L0"].level, r["L0"].depth) == ("area", 1)
    assert (r["D"].level, r["D"].depth) == ("area", 1)
    assert (r["D1"].level, r["D1"].depth) == ("dimension", 2)
    assert (r["D1a"].level, r["D1a"].depth) == ("level3", 3)
    assert (r["D1b"].level, r["D1b"].depth) == ("level3", 3)
    assert (r["D1bx"].level, r["D1bx"].depth) == ("level4", 4)
    # D1b = 50;  D1 = (0 + 50)/2 = 25;  D = 25;  overall = (100 + 25)/2 = 62.5
    assert r["D1b"].score == approx(50.0)
    assert r["D1"].score == approx(25.0)
    assert r["D"].score == approx(25.0)
    assert r["overall"].score == approx(62.5)


def test_default_levels(score_yaml):
    s = scheme(f"""
        - code: A
          children:
            - code: B
              children:
                - code: C
                  children:
                    - {{code: D, options: {OPTS}}}
        """)
    r = score_yaml(s, profile_text("D: b"))
    assert [r[c].level for c in ("overall", "A", "B", "C", "D")] == [
        "overall", "area", "dimension", "indicator", "level4"]
    assert r["overall"].score == approx(50.0)


# ----------------------------------------------------------------------------------------------
# a scale other than 0–100


def test_scale_1_to_5(score_yaml):
    s = scheme("""
        - code: A
          children:
            - {code: H, numeric: {min: 0, max: 10, best: high}}
            - {code: L, numeric: {min: 0, max: 10, best: low}}
            - {code: O, options: [{value: a, score: 5}, {value: b, score: 2}, {value: c, score: 1}]}
        """, scale="[1, 5]", bands="[{min: 4, label: good}, {min: 1, label: poor}]")
    r = score_yaml(s, profile_text("H: 5\nL: 2.5\nO: b"))
    # H: 1 + (5 - 0)/10 · (5 - 1) = 3;  L: 1 + (10 - 2.5)/10 · 4 = 4;  O: 2
    assert r["H"].score == approx(3.0)
    assert r["L"].score == approx(4.0)
    assert r["O"].score == 2.0
    # A = (3 + 4 + 2)/3 = 3
    assert r["A"].score == approx(3.0)
    assert (r["L"].band, r["H"].band, r["A"].band) == ("good", "poor", "poor")
    # clipping on this scale: H -1 → 1 (the scale's minimum), L 11 → 1
    r = score_yaml(s, profile_text("H: -1\nL: 11\nO: a"))
    assert r["H"].score == approx(1.0) and r["L"].score == approx(1.0)
    # A = (1 + 1 + 5)/3 = 7/3
    assert r["A"].score == approx(7 / 3)


def test_answer_67_matches_option_67(score_yaml):
    s = scheme("""
        - code: A
          children:
            - {code: Q, options: [{value: "67", score: 67}, {value: 33, score: 33}, {value: "no", score: 0}]}
        """)
    # 67 (a YAML int) matches option "67"; "33" (a string) matches option 33 (a YAML int)
    assert score_yaml(s, profile_text("Q: 67"))["Q"].score == 67.0
    assert score_yaml(s, profile_text('Q: "33"'))["Q"].score == 33.0
    # `no` is the string "no", not a boolean
    assert score_yaml(s, profile_text("Q: no"))["Q"].score == 0.0


def test_scores_are_not_rounded(score_yaml):
    s = scheme("""
        - code: A
          children:
            - {code: X, numeric: {min: 0, max: 3}}
        """)
    r = score_yaml(s, profile_text("X: 1"))
    # 1/3 · 100 = 33.333…, kept at full precision (to the last bits of a double)
    assert r["X"].score == approx(100 / 3, rel=1e-15, abs=0)
    assert r["X"].score != round(r["X"].score, 10)


@pytest.mark.parametrize("x", [7, 14, 28, 29, 55, 56, 57, 58])
def test_goalposts_hit_whole_numbers_exactly(score_yaml, x):
    # x on goalposts 0..100 scores x: exactly, so that a band floor at x is reached
    # (x/100 · 100 is 28.999999999999996 for x = 29 in floating point; x · 100/100 is 29)
    s = scheme("""
        - {code: X, numeric: {min: 0, max: 100}}
        - {code: Y, numeric: {min: 0, max: 100, best: low}}
        """, bands=f"[{{min: {x}, label: at-or-above}}, {{min: 0, label: below}}]")
    r = score_yaml(s, profile_text(f"X: {x}\nY: {100 - x}"))
    assert r["X"].score == x and r["Y"].score == x
    assert r["X"].band == "at-or-above" and r["Y"].band == "at-or-above"


def test_goalposts_on_another_scale_exactly(score_yaml):
    # scale [1, 5], goalposts 0..8: x = 6 → 1 + 6·4/8 = 4 exactly
    s = scheme("""
        - {code: X, numeric: {min: 0, max: 8}}
        """, scale="[1, 5]")
    assert score_yaml(s, profile_text("X: 6"))["X"].score == 4.0


@pytest.mark.parametrize("method", ["mean", "geometric"])
@pytest.mark.parametrize("x", [5, 41, 100])
def test_equal_children_aggregate_to_their_score_exactly(score_yaml, method, x):
    # children all at x aggregate to x itself: never a hair above the scale's top (exp(log 100)
    # is 100.00000000000004) nor below a band's floor (exp(log 5) is 4.999999999999999; a mean
    # with weights 0.1, 0.1, 0.1 gives 40.99999999999999 for 41 as well)
    s = scheme(f"""
        - code: G
          aggregation: {method}
          children:
            - {{code: G1, weight: 0.1, numeric: {{min: 0, max: 100}}}}
            - {{code: G2, weight: 0.1, numeric: {{min: 0, max: 100}}}}
            - {{code: G3, weight: 0.1, numeric: {{min: 0, max: 100}}}}
        """, aggregation=method, bands=f"[{{min: {x}, label: at}}, {{min: 0, label: below}}]")
    r = score_yaml(s, profile_text(f"G1: {x}\nG2: {x}\nG3: {x}"))
    assert r["G"].score == x and r["overall"].score == x
    assert r["G"].band == "at" and r["overall"].band == "at"
