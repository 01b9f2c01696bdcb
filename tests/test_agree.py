"""Agreement of two codings of one country-year (indexer.agree, `indexer agree`): hand-computed
oracles on the tiny scheme of test_compare, the kappa kernel, n/a, defaults and errors."""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st
from test_codings import coded
from test_codings import data as data_fixture

from indexer.agree import AgreeError, agree, weighted_kappa
from indexer.cli import main
from indexer.load import load_paths

# the fixture of test_codings: BE 2024 has two codings (expert, final: A1 c, A2 a, B1 c → A = 75, B = 0,
# overall 37.5; coder-b, draft: A1 a, A2 a, B1 b → A = 100, B = 50, overall 75); KZ has one
data = data_fixture


def test_kappa_kernel_by_hand() -> None:
    # pairs (0, 100), (100, 100), (0, 50) on 0–100: Σw·O = (1 + 0 + .5)/3 = 1/2; margins rows (2/3, 0, 1/3),
    # columns (0, 1/3, 2/3) → Σw·E = 2/9·.5 + 4/9·1 + 1/9·.5 = 11/18; κ = 1 − (1/2)/(11/18) = 2/11
    assert weighted_kappa(np.array([0, 100, 0]), np.array([100, 100, 50]), (0, 100)) == pytest.approx(2 / 11)
    assert weighted_kappa(np.array([0, 50, 100]), np.array([0, 50, 100]), (0, 100)) == pytest.approx(1.0)
    # both raters used one and the same category: chance agreement is perfect, κ undefined
    assert math.isnan(weighted_kappa(np.array([50, 50]), np.array([50, 50]), (0, 100)))
    assert math.isnan(weighted_kappa(np.array([]), np.array([]), (0, 100)))
    # exact opposites on two categories: κ = 1 − 1/(1/2) = −1
    assert weighted_kappa(np.array([0, 100]), np.array([100, 0]), (0, 100)) == pytest.approx(-1.0)


def test_two_codings_by_hand(data: Path) -> None:
    b = load_paths([data])
    res = agree(b.schemes["tiny"], b.profiles, "BE")
    assert (res.first.coding, res.second.coding) == ("expert", "coder-b")  # final before draft
    n = res.nodes.set_index("code")
    assert n.loc["overall", ["questions", "both", "same"]].tolist() == [3, 3, 1]
    assert n.loc["overall", "agreement"] == pytest.approx(1 / 3)
    assert n.loc["overall", "kappa"] == pytest.approx(2 / 11)
    assert n.loc["overall", "mean_abs_diff"] == pytest.approx(50.0)  # (100 + 0 + 50)/3
    assert n.loc["overall", ["score_1", "score_2", "diff"]].tolist() == [37.5, 75.0, 37.5]
    assert n.loc["A", ["both", "same", "score_1", "score_2"]].tolist() == [2, 1, 75.0, 100.0]
    assert n.loc["A", "kappa"] == pytest.approx(0.0) and n.loc["B", "kappa"] == pytest.approx(0.0)
    q = res.questions.set_index("code")
    assert q.loc["A1", ["answer_1", "answer_2", "abs_diff"]].tolist() == ["c", "a", 100.0]
    assert bool(q.loc["A2", "same"]) and q.loc["A2", "abs_diff"] == 0


def test_codings_in_the_order_given_and_na_and_open(data: Path) -> None:
    (data / "BE/tiny-2024-b.yaml").write_text(coded("BE", {"A1": "n/a", "A2": "a", "B1": None}, provenance="expert",
                                                    coding="coder-b", status="draft"))
    b = load_paths([data])
    res = agree(b.schemes["tiny"], b.profiles, "BE", codings=["coder-b", "expert"])
    assert (res.first.coding, res.second.coding) == ("coder-b", "expert")
    q = res.questions.set_index("code")
    # A1: n/a against c is an answer each (both) but not the same, and has no score to compare
    assert bool(q.loc["A1", "both"]) and not q.loc["A1", "same"] and math.isnan(q.loc["A1", "abs_diff"])
    assert not q.loc["B1", "both"]  # open in coder-b
    n = res.nodes.set_index("code")
    assert n.loc["overall", ["questions", "both", "same"]].tolist() == [3, 2, 1]
    assert n.loc["overall", "mean_abs_diff"] == 0.0  # only A2 scored by both
    assert math.isnan(n.loc["B", "agreement"])


def test_errors_are_problems_not_tracebacks(data: Path) -> None:
    b = load_paths([data])
    with pytest.raises(AgreeError, match="no two codings with answers"):
        agree(b.schemes["tiny"], b.profiles, "KZ")
    with pytest.raises(AgreeError, match="no coding desk"):
        agree(b.schemes["tiny"], b.profiles, "BE", codings=["expert", "desk"])
    r = CliRunner().invoke(main, ["agree", str(data / "tiny.yaml"), str(data), "--country", "KZ"])
    assert r.exit_code == 1 and "cannot-compare" in r.output and "Traceback" not in r.output
    r = CliRunner().invoke(main, ["agree", str(data / "tiny.yaml"), str(data), "--country", "BE", "--coding", "x"])
    assert r.exit_code == 1 and "two codings" in r.output


def test_cli_table_csv_json(data: Path) -> None:
    args = ["agree", str(data / "tiny.yaml"), str(data), "--country", "BE"]
    r = CliRunner().invoke(main, args)
    assert r.exit_code == 0, r.output
    assert "Median |score 2 − score 1| over the 2 areas scored by both: 37.5 points." in r.output
    assert "Answered differently: A1 c/a, B1 c/b." in r.output
    r = CliRunner().invoke(main, [*args, "--format", "json"])
    doc = json.loads(r.stdout)
    assert (doc["coding_1"], doc["coding_2"]) == ("expert", "coder-b")
    assert [x["code"] for x in doc["nodes"]] == ["overall", "A", "B"] and len(doc["questions"]) == 3
    r = CliRunner().invoke(main, [*args, "--format", "csv", "--depth", "2"])
    assert r.stdout.splitlines()[0].startswith("code,title,level,depth,questions,both,same,agreement,kappa")
    assert len(r.stdout.splitlines()) == 1 + 6  # overall, A, A1, A2, B, B1


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from([0.0, 50.0, 100.0]), min_size=1, max_size=30), st.data())
def test_kappa_properties(x: list[float], data: st.DataObject) -> None:
    """κ of a rater with itself is 1 (or undefined with one category); κ is symmetric and at most 1."""
    xa = np.array(x)
    k_self = weighted_kappa(xa, xa, (0, 100))
    assert math.isnan(k_self) if len(set(x)) == 1 else k_self == pytest.approx(1.0)
    y = np.array(data.draw(st.lists(st.sampled_from([0.0, 50.0, 100.0]), min_size=len(x), max_size=len(x))))
    k1, k2 = weighted_kappa(xa, y, (0, 100)), weighted_kappa(y, xa, (0, 100))
    assert (math.isnan(k1) and math.isnan(k2)) or (k1 == pytest.approx(k2) and k1 <= 1 + 1e-12)


def test_an_unknown_coding_is_named(data: Path) -> None:
    """With two codings given, the one no profile has is named (not a generic 'no two codings'),
    and the country's codings are listed with their years."""
    b = load_paths([data])
    with pytest.raises(AgreeError, match=r"BE has no coding nope \(its codings: expert 2024; coder-b \(expert\) 2024\)"):
        agree(b.schemes["tiny"], b.profiles, "BE", codings=["expert", "nope"])
    with pytest.raises(AgreeError, match="the two codings must differ"):
        agree(b.schemes["tiny"], b.profiles, "BE", codings=["expert", "expert"])
