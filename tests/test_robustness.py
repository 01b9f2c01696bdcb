"""robustness: the vectorised Monte Carlo against the engine, seeds, Sobol' indices against SALib,
ranks, given scores, rank_band, the command; convergence."""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from indexer.cli import main
from indexer.load import load_paths
from indexer.robustness import (
    Assumptions,
    Model,
    RobustnessError,
    rank_band,
    ranks,
    robustness,
    sobol_indices,
)
from indexer.score import score_arrays

ROOT = Path(__file__).resolve().parents[1]
OPTS = "[{value: a, score: 100}, {value: b, score: 50}, {value: c, score: 0}]"

# mixed depth, weights, a median area, min_coverage on one area, a numeric leaf
SCHEME = f"""\
id: rb
title: Robustness test scheme
version: "1"
aggregation: mean
missing: skip
children:
  - code: A
    weight: 2
    children:
      - code: A.D
        children:
          - code: A1
            options: {OPTS}
          - code: A2
            weight: 3
            options: {OPTS}
      - code: A3
        numeric: {{min: 0, max: 10, best: low}}
  - code: B
    aggregation: median
    children:
      - code: B1
        options: {OPTS}
      - code: B2
        options: {OPTS}
      - code: B3
        options: {OPTS}
  - code: C
    min_coverage: 0.6
    children:
      - code: C1
        options: {OPTS}
      - code: C2
        weight: 2
        options: {OPTS}
"""

PROFILES = {
    "P1": {"A1": "a", "A2": "b", "A3": "2", "B1": "a", "B2": "c", "B3": "b", "C1": "b", "C2": "a"},
    "P2": {"A1": "c", "A2": "a", "A3": "8", "B1": "b", "B2": "b", "B3": "n/a", "C1": "a"},  # C2 blank
    "P3": {"A1": "b", "A2": "c", "A3": "0", "B1": "c", "B2": "a", "B3": "a", "C1": "c", "C2": "c"},
    "P4": {"A1": "a", "A2": "a", "B1": "a", "B2": "a", "B3": "c", "C1": "a", "C2": "b"},  # A3 blank
    "P5": {"A1": "b", "A2": "b", "A3": "5", "B1": "b", "B2": "c", "B3": "c"},  # C unanswered
}
COUNTRIES = {"P1": "AT", "P2": "BE", "P3": "CY", "P4": "DK", "P5": "EE"}


def _profile(cc: str, answers: dict[str, str], scores: dict[str, float] | None = None, year: int = 2024,
             provenance: str = "expert") -> str:
    out = f"scheme: rb\ncountry: {cc}\nyear: {year}\nstatus: draft\nprovenance: {provenance}\n"
    out += "answers:\n" + "".join(f"  {k}: {v}\n" for k, v in answers.items()) if answers else ""
    if scores:
        out += "scores:\n" + "".join(f"  {k}: {v}\n" for k, v in scores.items())
    return out


@pytest.fixture
def data(tmp_path: Path) -> Path:
    (tmp_path / "rb.yaml").write_text(SCHEME)
    for key, ans in PROFILES.items():
        (tmp_path / f"{key}.yaml").write_text(_profile(COUNTRIES[key], ans))
    (tmp_path / "groups.yaml").write_text("groups:\n  G: {title: Five, members: [AT, BE, CY, DK, EE]}\n")
    return tmp_path


def _load(path: Path):
    b = load_paths([str(path)])
    return b, b.schemes["rb"], [p for p in b.profiles if p.scheme == "rb"]


def _engine(scheme, profiles, model: Model, inp, r: int) -> np.ndarray:
    """The engine's overall for replication ``r`` of decoded inputs."""
    w = {n.code: float(inp.weights[r, k]) for k, n in enumerate(scheme.nodes) if k}
    agg = {} if inp.aggregation[r] < 0 else {n.code: model.methods[inp.aggregation[r]] for n in scheme.nodes if n.children}
    ex = [] if inp.drop[r] == 0 else [scheme.root.children[inp.drop[r] - 1].code]
    return score_arrays(scheme, profiles, weights=w, aggregation=agg, missing="zero" if inp.missing[r] else "skip",
                        exclude=ex).score[:, 0]


# ----------------------------------------------------------------------------------------------
# the model against the engine


def test_nominal_inputs_reproduce_the_engine(data: Path) -> None:
    _, scheme, profiles = _load(data)
    m = Model(scheme, profiles)
    y = m.evaluate(m.nominal_inputs(2))
    ref = score_arrays(scheme, profiles).score[:, 0]
    np.testing.assert_allclose(y[0], ref, rtol=0, atol=1e-12)
    np.testing.assert_array_equal(y[0], y[1])


@pytest.mark.parametrize("noise", ["uniform", "dirichlet"])
def test_every_replication_equals_the_engine_with_those_assumptions(data: Path, noise: str) -> None:
    """Each run is the engine's score under that run's weights, method, missing rule and drop."""
    _, scheme, profiles = _load(data)
    m = Model(scheme, profiles, Assumptions(weight_noise=noise, aggregations=("mean", "geometric", "median", "min", "max")))
    U = np.random.default_rng(3).random((120, m.D))
    inp = m.decode(U)
    Y = m.evaluate(inp)
    # every discrete choice is exercised
    assert set(inp.aggregation) == set(range(5)) and set(inp.missing) == {0, 1} and set(inp.drop) == {0, 1, 2, 3}
    for r in range(len(U)):
        ref = _engine(scheme, profiles, m, inp, r)
        np.testing.assert_array_equal(np.isnan(Y[r]), np.isnan(ref))
        np.testing.assert_allclose(Y[r], ref, rtol=1e-12, atol=1e-12)


def test_weight_noise_is_as_documented(data: Path) -> None:
    _, scheme, profiles = _load(data)
    m = Model(scheme, profiles, Assumptions(noise=0.2))
    inp = m.decode(np.random.default_rng(0).random((4000, m.D)))
    k = scheme.index["A2"]  # nominal weight 3
    assert inp.weights[:, k].min() >= 3 * 0.8 and inp.weights[:, k].max() <= 3 * 1.2
    assert abs(inp.weights[:, k].mean() - 3) < 0.02
    d = Model(scheme, profiles, Assumptions(weight_noise="dirichlet", concentration=40))
    inp = d.decode(np.random.default_rng(0).random((4000, d.D)))
    top = [scheme.index[c] for c in ("A", "B", "C")]
    np.testing.assert_allclose(inp.weights[:, top].sum(axis=1), 4.0)  # the sum of the siblings' weights is kept
    np.testing.assert_allclose(inp.weights[:, top].mean(axis=0), [2, 1, 1], atol=0.03)  # centred on the nominal shares


def test_factors_and_levels(data: Path) -> None:
    _, scheme, profiles = _load(data)
    m = Model(scheme, profiles)
    assert [f.name for f in m.factors] == ["weights:area", "weights:dimension", "weights:indicator",
                                           "aggregation", "missing", "drop"]
    m = Model(scheme, profiles, Assumptions(factors=("weights:area", "drop")))
    assert [f.name for f in m.factors] == ["weights:area", "drop"] and m.D == 4
    with pytest.raises(RobustnessError):
        Model(scheme, profiles, Assumptions(factors=("weights:nope",)))
    with pytest.raises(RobustnessError):
        Model(scheme, profiles, Assumptions(factors=("colour",)))


# ----------------------------------------------------------------------------------------------
# ranks, seeds, summaries


def test_competition_ranks_with_ties_and_missing() -> None:
    s = np.array([[50.0, 70.0, 50.0, np.nan, 10.0], [1.0, 1.0, 1.0, 1.0, 1.0]])
    np.testing.assert_array_equal(ranks(s), [[2, 1, 2, np.nan, 4], [1, 1, 1, 1, 1]])
    # rounding noise never splits a tie
    np.testing.assert_array_equal(ranks(np.array([60.0, 60.0 + 1e-12, 59.0]), tol=1e-9), [1, 1, 3])


def test_same_seed_same_output_different_seed_different(data: Path) -> None:
    b, scheme, profiles = _load(data)
    g = b.groups["G"]
    r1 = robustness(scheme, profiles, group=g, runs=800, seed=7)
    r2 = robustness(scheme, profiles, group=g, runs=800, seed=7)
    r3 = robustness(scheme, profiles, group=g, runs=800, seed=8)
    assert r1.table.equals(r2.table) and r1.sensitivity.equals(r2.sensitivity)
    np.testing.assert_array_equal(r1.scores, r2.scores)
    assert not np.array_equal(r1.scores, r3.scores, equal_nan=True)
    assert not r1.sensitivity.ST_rank.equals(r3.sensitivity.ST_rank)


def test_robustness_table(data: Path) -> None:
    b, scheme, profiles = _load(data)
    res = robustness(scheme, profiles, group=b.groups["G"], runs=1600, seed=1)
    t = res.table.set_index("country")
    nominal = score_arrays(scheme, sorted(profiles, key=lambda p: p.country)).score[:, 0]
    np.testing.assert_allclose(t.loc[["AT", "BE", "CY", "DK", "EE"], "nominal_score"], nominal)
    assert res.runs == 1600 and res.n_base == 200  # 6 factors + 2
    assert res.scores.shape == (1600, 5)
    for c in t.index:
        row = t.loc[c]
        assert 1 <= row.p05_rank <= row.median_rank <= row.p95_rank <= 5
        assert float(row.p05_rank).is_integer() and float(row.p95_rank).is_integer()
    # the band of a country is the nearest-rank quantiles of its ranks over all runs
    col = res.countries.index("AT")
    rk = np.sort(res.rank_matrix[:, col])
    assert t.loc["AT", "p05_rank"] == rk[math.ceil(0.05 * 1600) - 1]
    assert t.loc["AT", "p95_rank"] == rk[math.ceil(0.95 * 1600) - 1]
    assert t.loc["AT", "median_rank"] == rk[800 - 1]
    assert set(res.sensitivity.factor) == {f.name for f in res.factors}
    assert ((res.sensitivity.ST_rank >= -1e-9) & (res.sensitivity.ST_rank <= 1.5)).all()


def test_a_country_never_ranked_has_no_sensitivity_not_zero(data: Path) -> None:
    """FI answers one indicator only: with min_coverage 0.75 on the root, no run gives it an
    overall score, so no rank: its per-country indices are NaN ("not ranked"), never 0.000."""
    (data / "fi.yaml").write_text(_profile("FI", {"A1": "a"}))
    (data / "rb.yaml").write_text(SCHEME.replace("missing: skip\n", "missing: skip\nmin_coverage: 0.75\n"))
    b, scheme, profiles = _load(data)
    res = robustness(scheme, profiles, group=b.groups["G"], include=["FI"], runs=400, seed=3)
    pc = res.per_country.set_index("country")
    assert not pc.loc["FI", "ranked"].any()
    assert pc.loc["FI", "ST_rank"].isna().all() and pc.loc["FI", "S1_rank"].isna().all()
    ranked = pc.drop(index="FI")
    assert ranked.ranked.all() and ranked.ST_rank.notna().all()


def test_only_weights_varied_gives_zero_for_a_constant(tmp_path: Path) -> None:
    """A country whose every leaf scores alike cannot move with weights: its score band is a point."""
    (tmp_path / "rb.yaml").write_text(SCHEME)
    (tmp_path / "a.yaml").write_text(_profile("AT", {c: "b" for c in ("A1", "A2", "B1", "B2", "B3", "C1", "C2")} | {"A3": "5"}))
    (tmp_path / "b.yaml").write_text(_profile("BE", PROFILES["P1"]))
    _, scheme, profiles = _load(tmp_path)
    res = robustness(scheme, profiles, runs=400, seed=0, assumptions=Assumptions(factors=("weights",)))
    at = res.table.set_index("country").loc["AT"]
    assert at.p05_score == pytest.approx(50) and at.p95_score == pytest.approx(50)


# ----------------------------------------------------------------------------------------------
# Sobol' indices: the same numbers as SALib


def _salib_problem_and_outputs(model: Model, n: int, country: int, seed: int):
    from SALib.sample import sobol as sobol_sample

    problem = model.problem()
    X = sobol_sample.sample(problem, n, calc_second_order=False, seed=seed)
    Y = model.evaluate(X)[:, country]
    return problem, X, Y


def test_estimators_equal_salib_on_salib_design(data: Path) -> None:
    """On SALib's own sample, our Jansen / Saltelli estimators give SALib's numbers."""
    from SALib.analyze import sobol as sobol_analyze

    _, scheme, profiles = _load(data)
    model = Model(scheme, profiles)
    problem, X, Y = _salib_problem_and_outputs(model, 256, 0, seed=11)
    G = len(model.factors)
    Si = sobol_analyze.analyze(problem, Y, calc_second_order=False, seed=1)
    Yr = Y.reshape(-1, G + 2)  # SALib's rows: A, AB_1..AB_G, B for each base row
    S1, ST, _ = sobol_indices(Yr[:, 0], Yr[:, -1], Yr[:, 1:-1].T)
    # SALib lists groups in order of first appearance, as model.problem() writes them
    np.testing.assert_allclose(ST, Si["ST"], rtol=1e-9, atol=1e-12)
    np.testing.assert_allclose(S1, Si["S1"], rtol=1e-9, atol=1e-12)


def test_total_effects_agree_with_salib_within_sampling_error(data: Path) -> None:
    """Independent designs (ours: numpy Generator; SALib: scrambled Sobol' sequence) on the same
    model — one country's overall score — give the same total effects within sampling error."""
    from SALib.analyze import sobol as sobol_analyze

    b, scheme, profiles = _load(data)
    model = Model(scheme, profiles)
    col = 0  # AT
    problem, X, Y = _salib_problem_and_outputs(model, 4096, col, seed=5)
    Si = sobol_analyze.analyze(problem, Y, calc_second_order=False, seed=1)
    res = robustness(scheme, profiles, group=b.groups["G"], runs=8 * 4096, seed=3)
    ours = res.per_country[res.per_country.country == "AT"].set_index("factor")
    for j, f in enumerate(model.factors):
        mine = ours.loc[f.name, "ST_score"]
        tol = max(0.04, 3 * Si["ST_conf"][j])
        assert abs(mine - Si["ST"][j]) <= tol, (f.name, mine, Si["ST"][j], Si["ST_conf"][j])
    # the assumptions that matter are found by both
    assert max(Si["ST"]) > 0.2


# ----------------------------------------------------------------------------------------------
# given (published) scores


def test_given_area_scores_are_fixed_leaves_and_a_published_overall_is_rederived(tmp_path: Path) -> None:
    (tmp_path / "rb.yaml").write_text(SCHEME)
    (tmp_path / "a.yaml").write_text(_profile("AT", PROFILES["P1"]))
    (tmp_path / "b.yaml").write_text(_profile("BE", {}, {"A": 40, "B": 80, "C": 60}, provenance="published"))
    (tmp_path / "c.yaml").write_text(_profile("CY", {}, {"overall": 55, "A": 50, "B": 70, "C": 45}, provenance="published"))
    (tmp_path / "d.yaml").write_text(_profile("DK", {}, {"overall": 35}, provenance="published"))
    _, scheme, profiles = _load(tmp_path)
    m = Model(scheme, profiles)
    y = m.evaluate(m.nominal_inputs(1))[0]
    # BE: its given areas aggregated (weights 2, 1, 1); CY: re-derived from its areas; DK: fixed
    assert y[1] == pytest.approx((2 * 40 + 80 + 60) / 4)
    assert y[2] == pytest.approx((2 * 50 + 70 + 45) / 4)
    assert y[3] == 35
    res = robustness(scheme, profiles, runs=1600, seed=2)
    t = res.table.set_index("country")
    assert t.loc["CY", "nominal_score"] == 55  # the published overall stays the nominal
    assert t.loc["DK", "p05_score"] == t.loc["DK", "p95_score"] == 35
    assert res.rederived == {"overall": 1}
    pc = res.per_country.set_index(["country", "factor"])
    for f in ("weights:dimension", "weights:indicator", "missing"):
        assert pc.loc[("BE", f), "ST_score"] == 0  # nothing below a given area moves it
    assert pc.loc[("BE", "drop"), "ST_score"] > 0.1


def test_rank_band_for_the_report(data: Path) -> None:
    b, scheme, profiles = _load(data)
    band = rank_band(scheme, profiles, "CY", b.groups["G"], 2024, runs=800, seed=0)
    assert set(band) >= {"nominal_rank", "median_rank", "p05_rank", "p95_rank", "n"}
    assert band["n"] == 5 and 1 <= band["p05_rank"] <= band["median_rank"] <= band["p95_rank"] <= 5
    assert all(isinstance(band[k], int) for k in ("nominal_rank", "median_rank", "p05_rank", "p95_rank"))
    assert band == rank_band(scheme, profiles, "CY", b.groups["G"], 2024, runs=800, seed=0)


def test_rank_band_adds_a_country_outside_the_group(data: Path) -> None:
    b, scheme, profiles = _load(data)
    from indexer.model import Group

    band = rank_band(scheme, profiles, "EE", Group("G2", ("AT", "BE")), None, runs=400)
    assert band["n"] == 3


# ----------------------------------------------------------------------------------------------
# the command


def test_cli_csv_json_and_sensitivity(data: Path) -> None:
    run = CliRunner().invoke
    r = run(main, ["robustness", str(data / "rb.yaml"), str(data), "--group", "G", "--runs", "400", "--format", "csv"])
    assert r.exit_code == 0, r.output
    lines = r.stdout.splitlines()
    assert lines[0].startswith("country,year,nominal_score,nominal_rank,median_rank,p05_rank,p95_rank")
    assert len(lines) == 6
    again = run(main, ["robustness", str(data / "rb.yaml"), str(data), "--group", "G", "--runs", "400", "--format", "csv"])
    assert again.stdout == r.stdout
    r = run(main, ["robustness", str(data / "rb.yaml"), str(data), "--runs", "400", "--format", "csv", "--sensitivity"])
    assert r.exit_code == 0 and r.stdout.splitlines()[0].startswith("factor,description,ST_rank")
    r = run(main, ["robustness", str(data / "rb.yaml"), str(data), "--runs", "400", "--format", "json",
                   "--factor", "aggregation", "--factor", "drop"])
    doc = json.loads(r.stdout)
    assert [s["factor"] for s in doc["sensitivity"]] == ["aggregation", "drop"]
    assert doc["runs"] == 400 and len(doc["countries"]) == 5
    r = run(main, ["robustness", str(data / "rb.yaml"), str(data), "--runs", "400"])
    assert r.exit_code == 0 and "rank 5–95%" in r.stdout and "Sensitivity" in r.stdout
    r = run(main, ["robustness", str(data / "rb.yaml"), str(data), "--group", "NOPE"])
    assert r.exit_code == 1 and "unknown-group" in r.stderr
    r = run(main, ["robustness", str(data / "rb.yaml"), str(data), "--factor", "colour"])
    assert r.exit_code == 1 and "cannot-analyse" in r.stderr


def test_cli_on_the_demo_data_labels_illustrative() -> None:
    r = CliRunner().invoke(main, ["robustness", str(ROOT / "indicators" / "demo.yaml"),
                                  str(ROOT / "country_profiles" / "demo"), "--group", "DEMO", "--runs", "200"])
    assert r.exit_code == 0, r.output
    assert "ILLUSTRATIVE" in r.stdout


# ----------------------------------------------------------------------------------------------
# convergence (sigma and beta), on a one-leaf scheme so that scores are the answers


CONV_SCHEME = """\
id: cv
title: Convergence test
version: "1"
children:
  - code: X
    numeric: {min: 0, max: 100, best: high}
"""


@pytest.fixture
def conv_data(tmp_path: Path) -> Path:
    (tmp_path / "cv.yaml").write_text(CONV_SCHEME)
    series = {"AT": {2010: 20, 2020: 50}, "BE": {2010: 60, 2020: 70}, "CY": {2010: 100, 2020: 90},
              "KZ": {2010: 10, 2015: 30, 2020: 40}}
    for cc, by in series.items():
        for y, v in by.items():
            (tmp_path / f"{cc}-{y}.yaml").write_text(f"scheme: cv\ncountry: {cc}\nyear: {y}\nanswers:\n  X: {v}\n")
    (tmp_path / "groups.yaml").write_text("groups:\n  G: {title: Three, members: [AT, BE, CY]}\n")
    return tmp_path


def test_convergence_by_hand(conv_data: Path) -> None:
    from indexer.convergence import convergence

    b = load_paths([str(conv_data)])
    res = convergence(b.schemes["cv"], b.profiles, b.groups["G"], country="KZ", min_n=3)
    t = res.table.set_index("year")
    assert list(t.index) == [2010, 2015, 2020]
    # 2010: 20, 60, 100 → mean 60, sd 40; 2015 carried forward; 2020: 50, 70, 90 → mean 70, sd 20
    assert t.loc[2010, "mean"] == pytest.approx(60) and t.loc[2010, "sd"] == pytest.approx(40)
    assert t.loc[2015, "sd"] == pytest.approx(40) and t.loc[2015, "carried"] == 3
    assert t.loc[2020, "mean"] == pytest.approx(70) and t.loc[2020, "sd"] == pytest.approx(20)
    assert t.loc[2020, "cv"] == pytest.approx(20 / 70)
    # KZ: 10 → 30 → 40 against 60, 60, 70; rank among the members plus KZ (2015: above AT's 20)
    assert list(t.distance) == pytest.approx([-50, -30, -30]) and list(t["rank"]) == [4, 3, 4]
    assert list(t.fresh) == [3, 0, 3] and res.carried == {2010: [], 2015: ["AT", "BE", "CY"], 2020: []}
    # sigma over the years with fresh members only (2015 is all carried forward): sd 40, 20 over
    # 2010 and 2020: slope −2 per year
    assert res.sigma["sigma_slope"] == pytest.approx(-2.0) and res.sigma["converging"] is True
    assert res.sigma["years"] == 2
    assert (res.sigma["first"], res.sigma["last"]) == pytest.approx((40, 20))
    # beta: yearly change (3, 1, −1) on first score (20, 60, 100): slope −0.05, intercept 4
    assert res.beta["beta"] == pytest.approx(-0.05) and res.beta["intercept"] == pytest.approx(4.0)
    assert res.beta["r2"] == pytest.approx(1.0) and res.beta["n"] == 3 and res.beta["converging"] is True
    strict = convergence(b.schemes["cv"], b.profiles, b.groups["G"], years=[2010, 2015, 2020], carry_forward=False)
    assert list(strict.table.year) == [2010, 2020]  # 2015: no member has a profile of that year
    strict_kz = convergence(b.schemes["cv"], b.profiles, b.groups["G"], years=[2010, 2015, 2020], country="KZ",
                            carry_forward=False, min_n=3)
    assert strict_kz.table.set_index("year").loc[2015, "n"] == 0  # kept: KZ has a 2015 profile
    # without the country, a year where no member has a score is left out of the table
    bare = convergence(b.schemes["cv"], b.profiles, b.groups["G"], years=[2005, 2010, 2015, 2020], carry_forward=False,
                       min_n=3)
    assert list(bare.table.year) == [2010, 2020]


def test_convergence_needs_enough_fresh_members_for_a_verdict(conv_data: Path) -> None:
    from indexer.convergence import MIN_N, convergence

    b = load_paths([str(conv_data)])
    res = convergence(b.schemes["cv"], b.profiles, b.groups["G"])  # 3 members < MIN_N = 5
    assert MIN_N == 5
    assert res.sigma["converging"] is None and res.beta["converging"] is None
    assert "at least 5 members" in res.sigma["why"] and "0 such years" in res.sigma["why"]
    r = CliRunner().invoke(main, ["convergence", str(conv_data / "cv.yaml"), str(conv_data), "--baseline", "G",
                                  "--country", "KZ"])
    assert r.exit_code == 0
    assert "Sigma-convergence: undetermined: needs two years" in r.stdout
    assert "Beta-convergence: undetermined" in r.stdout and "–" not in r.stdout.split("Sigma")[1]
    assert "  2015: AT, BE, CY" in r.stdout  # which values are carried forward
    header = r.stdout.splitlines()[2].split()
    assert header.count("mean") == 1 and "(mean)" in header


def test_convergence_cli(conv_data: Path) -> None:
    r = CliRunner().invoke(main, ["convergence", str(conv_data / "cv.yaml"), str(conv_data), "--baseline", "G",
                                  "--country", "KZ", "--format", "csv"])
    assert r.exit_code == 0, r.output
    assert r.stdout.splitlines()[0] == "year,n,fresh,carried,mean,median,sd,cv,min,max,baseline,country,score,distance,rank"
    r = CliRunner().invoke(main, ["convergence", str(conv_data / "cv.yaml"), str(conv_data), "--baseline", "G",
                                  "--min-n", "3"])
    assert "Sigma-convergence" in r.stdout and "converging" in r.stdout
    r = CliRunner().invoke(main, ["convergence", str(conv_data / "cv.yaml"), str(conv_data), "--baseline", "G",
                                  "--format", "json", "--years", "2010,2020", "--min-n", "3"])
    doc = json.loads(r.stdout)
    assert doc["beta"]["beta"] == pytest.approx(-0.05) and len(doc["years"]) == 2


# ----------------------------------------------------------------------------------------------
# the app page (AppTest through the navigation)


def _page(name: str):
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=120)
    at.run()
    at.switch_page(f"app_pages/{name}.py")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_robustness_page(demo_app_root: Path) -> None:
    at = _page("robustness")
    assert [m.label for m in at.metric] == ["Atlantis (demo) (XA)", "Borduria (demo) (XB)", "Carpania (demo) (XC)"]
    assert at.metric[0].value == "rank 1"
    assert "Illustrative data" in at.warning[0].value
    assert any("band" in c.value for c in at.caption) and len(at.get("plotly_chart")) == 1
    for view in ("Which assumptions matter", "Convergence"):
        at.session_state["robustness_view"] = view
        at.run()
        assert not at.exception, [e.value for e in at.exception]
    assert any("Sigma-convergence" in c.value for c in at.caption)
    at.session_state["robustness_view"] = "Rank bands"
    at.multiselect(key="rb_factors").set_value(["drop"])
    at.run()
    assert not at.exception and any("1 assumptions + 2" in c.value for c in at.caption)


def test_report_extra_and_scored_input(data: Path) -> None:
    from indexer.compare import Scored
    from indexer.report_sections import robustness_section as report_extra

    b, scheme, profiles = _load(data)
    band = rank_band(scheme, Scored.of(scheme, profiles), "CY", b.groups["G"], 2024, runs=800, seed=0)
    assert band == rank_band(scheme, profiles, "CY", b.groups["G"], 2024, runs=800, seed=0)
    ex = report_extra(scheme, profiles, "CY", b.groups["G"], 2024, runs=800)
    assert ex["overall"] == {"lo": band["p05_rank"], "hi": band["p95_rank"]}
    assert ex["title"] and ex["columns"] and len(ex["rows"]) == 6 and "90%" in ex["text"]
