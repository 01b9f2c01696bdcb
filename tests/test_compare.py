"""compare: baselines, carry-forward, --exclude, ranks, gap ordering — hand-computed oracles."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner
from conftest import profile_yaml

from indexer.cli import main
from indexer.compare import (
    CompareError,
    baseline_stat,
    compare,
    competition_rank,
    gaps,
    time_series,
    weight_shares,
)
from indexer.load import load_paths

SCHEME = """\
id: tiny
title: Tiny
version: "1"
children:
  - code: A
    children:
      - code: A1
        options: [{value: a, score: 100}, {value: b, score: 50}, {value: c, score: 0}]
      - code: A2
        weight: 3
        options: [{value: a, score: 100}, {value: b, score: 50}, {value: c, score: 0}]
  - code: B
    children:
      - code: B1
        options: [{value: a, score: 100}, {value: b, score: 50}, {value: c, score: 0}]
"""

GROUPS = """\
groups:
  G: {title: Group, members: [AT, BE, CY, DK]}
"""


def profile(cc: str, year: int, answers: dict[str, str], scores: dict[str, float] | None = None) -> str:
    return profile_yaml(cc, answers, scores, year=year)


@pytest.fixture
def data(tmp_path: Path) -> Path:
    files = {
        "tiny.yaml": SCHEME,
        "groups.yaml": GROUPS,
        # AT 2024: A = (100·1 + 50·3)/4 = 62.5; B = 100; overall = 81.25
        "AT-2024.yaml": profile("AT", 2024, {"A1": "a", "A2": "b", "B1": "a"}),
        # BE 2024: A = (0 + 100·3)/4 = 75; B = 0; overall = 37.5
        "BE-2024.yaml": profile("BE", 2024, {"A1": "c", "A2": "a", "B1": "c"}),
        # CY only 2020 (carried forward to 2024): A = 50; B absent → overall = A = 50
        "CY-2020.yaml": profile("CY", 2020, {"A1": "b", "A2": "b", "B1": None}),
        # DK only 2030: not used for 2024
        "DK-2030.yaml": profile("DK", 2030, {"A1": "a", "A2": "a", "B1": "a"}),
        # KZ (not a member) 2022: A = (50 + 0)/4 = 12.5; B = 50; overall = 31.25
        "KZ-2022.yaml": profile("KZ", 2022, {"A1": "b", "A2": "c", "B1": "b"}),
        # KZ 2019: A = 0; B = 0; overall 0
        "KZ-2019.yaml": profile("KZ", 2019, {"A1": "c", "A2": "c", "B1": "c"}),
    }
    for name, text in files.items():
        (tmp_path / name).write_text(text.replace("B1: None", "B1:"))
    return tmp_path


def load(data: Path):
    b = load_paths([data])
    assert not [p for p in b.problems if p.severity == "error"], b.problems
    return b.schemes["tiny"], b.profiles, b.groups["G"]


def row(cmp_, country: str, code: str):
    t = cmp_.table
    r = t[(t.country == country) & (t.code == code)]
    assert len(r) == 1
    return r.iloc[0]


def test_baseline_stat_kernel_skips_missing() -> None:
    v = np.array([[10.0, np.nan], [20.0, np.nan], [60.0, 5.0]])
    mean, n = baseline_stat(v, "mean")
    assert mean[0] == pytest.approx(30.0) and n.tolist() == [3, 1]
    assert mean[1] == pytest.approx(5.0)  # the two members without a score are not zeros
    assert baseline_stat(v, "median")[0][0] == pytest.approx(20.0)
    assert baseline_stat(v, "min")[0][0] == 10.0 and baseline_stat(v, "max")[0][0] == 60.0
    even = np.array([[1.0], [2.0], [10.0], [20.0]])
    assert baseline_stat(even, "median")[0][0] == pytest.approx(6.0)  # (2 + 10) / 2
    empty, n0 = baseline_stat(np.full((2, 1), np.nan), "mean")
    assert math.isnan(empty[0]) and n0[0] == 0


def test_competition_rank_ties() -> None:
    pool = np.array([[90.0], [70.0], [70.0], [50.0], [np.nan]])
    rank, n = competition_rank(np.array([70.0]), pool)
    assert rank[0] == 2 and n[0] == 4  # 90 > 70; the two 70s share rank 2; NaN not ranked
    rank, _ = competition_rank(np.array([50.0]), pool)
    assert rank[0] == 4  # 1, 2, 2, 4


@pytest.mark.parametrize(
    ("stat", "expected_overall", "expected_b"),
    [
        # members used for 2024: AT 81.25, BE 37.5, CY 50 (2020, carried); DK has no profile ≤ 2024
        ("mean", (81.25 + 37.5 + 50) / 3, (100 + 0) / 2),
        ("median", 50.0, 50.0),
        ("min", 37.5, 0.0),
        ("max", 81.25, 100.0),
    ],
)
def test_each_statistic(data: Path, stat: str, expected_overall: float, expected_b: float) -> None:
    scheme, profiles, group = load(data)
    cmp_ = compare(scheme, profiles, ["KZ"], group=group, stat=stat, year=2024)
    r = row(cmp_, "KZ", "overall")
    assert r.baseline == pytest.approx(expected_overall)
    assert r.baseline_n == 3
    assert r.gap == pytest.approx(31.25 - expected_overall)
    b = row(cmp_, "KZ", "B")
    assert b.baseline == pytest.approx(expected_b)
    assert b.baseline_n == 2  # CY has no score for B: left out, not counted as zero


def test_carry_forward_years(data: Path) -> None:
    scheme, profiles, group = load(data)
    cmp_ = compare(scheme, profiles, ["KZ", "AT"], group=group, year=2024)
    assert cmp_.years_used == {"KZ": 2022, "AT": 2024}
    assert cmp_.members_used == {"AT": 2024, "BE": 2024, "CY": 2020}
    assert cmp_.carried == {"CY": 2020, "KZ": 2022}
    assert row(cmp_, "KZ", "overall").year == 2022
    # default year = the latest year of the compared countries
    assert compare(scheme, profiles, ["KZ"], group=group).year == 2022
    # 2021: KZ's 2019 profile; members: CY 2020 only
    early = compare(scheme, profiles, ["KZ"], group=group, year=2021)
    assert early.years_used == {"KZ": 2019}
    assert row(early, "KZ", "overall").baseline == pytest.approx(50.0)
    assert row(early, "KZ", "overall").baseline_n == 1
    with pytest.raises(CompareError):
        compare(scheme, profiles, ["KZ"], group=group, year=2018)


def test_compared_member_counts_like_any_member(data: Path) -> None:
    scheme, profiles, group = load(data)
    cmp_ = compare(scheme, profiles, ["AT"], group=group, stat="mean", year=2024)
    r = row(cmp_, "AT", "overall")
    assert r.baseline == pytest.approx((81.25 + 37.5 + 50) / 3)
    assert r["rank"] == 1 and r.rank_n == 3  # AT is counted once


def test_ranks_include_non_member(data: Path) -> None:
    scheme, profiles, group = load(data)
    cmp_ = compare(scheme, profiles, ["KZ"], group=group, year=2024)
    r = row(cmp_, "KZ", "overall")
    assert r["rank"] == 4 and r.rank_n == 4  # 81.25, 50, 37.5 are all above 31.25
    b = row(cmp_, "KZ", "B")
    assert b["rank"] == 2 and b.rank_n == 3  # B: AT 100 > KZ 50 > BE 0


def test_exclude_recomputes_without_subtree(data: Path) -> None:
    scheme, profiles, group = load(data)
    cmp_ = compare(scheme, profiles, ["KZ"], group=group, stat="mean", year=2024, exclude=["B"])
    r = row(cmp_, "KZ", "overall")
    assert r.score == pytest.approx(12.5)  # overall = A alone
    assert r.baseline == pytest.approx((62.5 + 75 + 50) / 3)
    assert set(cmp_.table.code) == {"overall", "A", "A1", "A2"}


def test_level_stops_at_depth(data: Path) -> None:
    scheme, profiles, group = load(data)
    cmp_ = compare(scheme, profiles, ["KZ"], group=group, year=2024, level="area")
    assert cmp_.table.code.tolist() == ["overall", "A", "B"]
    with pytest.raises(CompareError):
        compare(scheme, profiles, ["KZ"], group=group, year=2024, level="nonsense")


def test_weight_shares_and_gap_ordering(data: Path) -> None:
    scheme, profiles, group = load(data)
    shares = weight_shares(scheme)
    # A and B: 1/2 each; A1 = 1/2 · 1/4, A2 = 1/2 · 3/4, B1 = 1/2
    assert shares["A1"] == pytest.approx(0.125) and shares["A2"] == pytest.approx(0.375)
    assert shares["B1"] == pytest.approx(0.5)
    cmp_ = compare(scheme, profiles, ["KZ"], group=group, stat="mean", year=2024)
    g = gaps(cmp_, "KZ")
    # baselines (mean of AT, BE, CY): A1 (100+0+50)/3 = 50, A2 (50+100+50)/3 = 66.67, B1 50, A 62.5, B 50
    # KZ: A1 50 (no gap), A2 0, B1 50 (no gap), A 12.5, B 50 (no gap)
    # impacts: A = 0.5 · (62.5 − 12.5) = 25; A2 = 0.375 · 66.67 = 25.0 → tie broken by code
    assert g.code.tolist() == ["A", "A2"]
    assert g.impact.tolist() == pytest.approx([25.0, 0.375 * 200 / 3])


def test_time_series_carries_forward(data: Path) -> None:
    scheme, profiles, group = load(data)
    ts = time_series(scheme, profiles, ["KZ"], [2018, 2019, 2020, 2022], group=group, level="overall")
    assert ts.as_of.tolist() == [2019, 2020, 2022]  # nothing before KZ's first profile
    assert ts.year.tolist() == [2019, 2019, 2022]
    # 2019: no member has a profile yet → no baseline; 2020: CY only (50)
    assert math.isnan(ts.baseline.iloc[0]) and ts.baseline_n.iloc[0] == 0
    assert ts.baseline.iloc[1] == pytest.approx(50.0)


def test_cli_compare_csv(data: Path) -> None:
    res = CliRunner().invoke(main, ["compare", str(data / "tiny.yaml"), str(data), "--country", "KZ",
                                    "--country", "AT", "--baseline", "G", "--stat", "median", "--year", "2024",
                                    "--format", "csv"])
    assert res.exit_code == 0, res.output
    lines = res.stdout.splitlines()
    # SPEC §5's columns, then the bounds (SPEC §3.1; tests/test_bounds.py), then the coding (extension)
    assert lines[0] == ("code,level,depth,country,year,score,baseline,gap,baseline_n,"
                        "coverage,lower,upper,baseline_lower,baseline_upper,verdict,rank_best,rank_worst,coding")
    assert lines[1].startswith("overall,overall,0,KZ,2022,31.25,50.0,-18.75,3,") and lines[1].endswith(",expert")
    assert lines[2].startswith("overall,overall,0,AT,2024,81.25,50.0,31.25,3,") and lines[2].endswith(",expert")
    assert len(lines) == 1 + 2 * 6


def test_cli_compare_without_baseline_leaves_columns_empty(data: Path) -> None:
    res = CliRunner().invoke(main, ["compare", str(data / "tiny.yaml"), str(data), "--country", "KZ", "--format", "csv"])
    assert res.exit_code == 0, res.output
    assert res.stdout.splitlines()[1] == "overall,overall,0,KZ,2022,31.25,,,,1.0,31.25,31.25,,,,,,expert"


@pytest.mark.parametrize(
    "args",
    [
        ["--country", "KZ", "--baseline", "NOPE"],  # unknown group
        ["--country", "KZ", "--year", "2010"],  # no profile up to the year
        ["--country", "UZ"],  # no profile at all
    ],
)
def test_cli_compare_errors_exit_1_without_output(data: Path, args: list[str]) -> None:
    res = CliRunner().invoke(main, ["compare", str(data / "tiny.yaml"), str(data), *args, "--format", "csv"])
    assert res.exit_code == 1
    assert res.stdout == ""


def test_cli_compare_table_names_year_and_n(data: Path) -> None:
    res = CliRunner().invoke(main, ["compare", "tiny", str(data), "--country", "KZ", "--baseline", "G",
                                    "--stat", "median", "--year", "2024"])
    assert res.exit_code == 0, res.output
    out = res.stdout
    assert "KZ 2022" in out and "G median" in out
    assert "no profile for 2024; its 2022 profile is used" in out
    assert "CY 2020" in out  # a member carried forward is named
    assert "DK" in out  # a member with no profile up to 2024 is named


def test_scores_only_profiles_compare(tmp_path: Path) -> None:
    """Published profiles give area scores only; baselines work on them too."""
    (tmp_path / "tiny.yaml").write_text(SCHEME)
    (tmp_path / "groups.yaml").write_text(GROUPS)
    for cc, a, b in [("AT", 40, 60), ("BE", 80, 20)]:
        (tmp_path / f"{cc}.yaml").write_text(profile(cc, 2020, {}, {"A": a, "B": b}))
    (tmp_path / "KZ.yaml").write_text(profile("KZ", 2020, {"A1": "a", "A2": "a", "B1": "c"}))
    b = load_paths([tmp_path])
    cmp_ = compare(b.schemes["tiny"], b.profiles, ["KZ"], group=b.groups["G"], stat="mean")
    assert row(cmp_, "KZ", "A").baseline == pytest.approx(60.0)
    assert row(cmp_, "KZ", "overall").baseline == pytest.approx(50.0)  # AT 50, BE 50
    assert row(cmp_, "KZ", "A1").baseline_n == 0  # nothing below a given score


def test_min_coverage_override_is_for_the_compared_countries_only(data: Path) -> None:
    # the scheme demands full coverage; UZ answers one indicator of three
    (data / "tiny.yaml").write_text(SCHEME.replace('version: "1"\n', 'version: "1"\nmin_coverage: 1\n'))
    (data / "UZ-2024.yaml").write_text(profile("UZ", 2024, {"A1": "b"}))
    scheme, profiles, group = load(data)
    strict = compare(scheme, profiles, ["UZ"], group=group, stat="mean", year=2024)
    assert math.isnan(row(strict, "UZ", "overall").score)
    loose = compare(scheme, profiles, ["UZ"], group=group, stat="mean", year=2024, min_coverage=0)
    r = row(loose, "UZ", "overall")
    assert r.score == pytest.approx(50.0)  # A = A1 = 50 (A2 absent, skipped); B has nothing
    assert r.coverage == pytest.approx(1 / 3)
    # the baseline keeps the scheme's rule: CY (B unanswered, coverage 2/3) has no overall
    assert r.baseline == pytest.approx((81.25 + 37.5) / 2)
    assert r.baseline_n == 2
    assert r["rank"] == 2 and r.rank_n == 3  # 81.25 > 50 > 37.5
