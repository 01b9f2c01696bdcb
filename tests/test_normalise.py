"""normalise: min-max and z-score across the profiles of one year — formulas, direction, NaN."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from indexer.load import load_paths
from indexer.model import Numeric
from indexer.normalise import minmax, normalise_by_year, zscore
from indexer.score import score

nan = np.nan


def test_minmax_formula_and_direction():
    x = np.array([2.0, 4.0, 10.0])
    assert minmax(x, range=(0, 100)).tolist() == [0.0, 25.0, 100.0]
    assert minmax(x, range=(0, 100), best="low").tolist() == [100.0, 75.0, 0.0]
    assert minmax(x, range=(1, 100)).tolist() == [1.0, 1 + 0.25 * 99, 100.0]


def test_minmax_by_year_and_missing():
    x = np.array([1.0, nan, 3.0, 10.0, 20.0, nan])
    years = np.array([2020, 2020, 2020, 2021, 2021, 2022])
    out = minmax(x, years, range=(0, 100))
    assert out[[0, 2, 3, 4]].tolist() == [0.0, 100.0, 0.0, 100.0]
    assert np.isnan(out[1]) and np.isnan(out[5])  # missing stays missing; an all-missing year too


def test_minmax_constant_year_gives_the_middle():
    out = minmax(np.array([5.0, 5.0, nan, 7.0]), np.array([1, 1, 1, 2]), range=(0, 100))
    assert out[0] == out[1] == 50.0 and np.isnan(out[2]) and out[3] == 50.0


def test_zscore_matches_coinr_and_maps_onto_the_range():
    x = np.array([1.0, 2.0, 3.0, 4.0, nan, 10.0])
    v = x[~np.isnan(x)]
    z = (x - v.mean()) / v.std(ddof=1)  # R's sd(): n - 1
    # COINr n_zscore(m_sd = c(0, 1)) is range [-5, 5]
    np.testing.assert_allclose(zscore(x, range=(-5, 5)), z, rtol=0, atol=1e-12)
    np.testing.assert_allclose(zscore(x, range=(0, 100)), 50 + 10 * z, rtol=0, atol=1e-12)
    np.testing.assert_allclose(zscore(x, range=(0, 100), best="low"), 50 - 10 * z, rtol=0, atol=1e-12)
    assert np.isnan(zscore(x)[4])


def test_zscore_single_value_or_constant_gives_the_centre():
    assert zscore(np.array([7.0]), range=(0, 100)).tolist() == [50.0]
    assert zscore(np.array([3.0, 3.0, nan]), range=(0, 10))[:2].tolist() == [5.0, 5.0]


def test_normalise_by_year_defaults_to_scale_and_clips_to_min_max():
    num = Numeric(min=None, max=5.0, best="high", normalise="minmax")
    out = normalise_by_year(np.array([0.0, 5.0, 50.0]), np.array([1, 1, 1]), num, (0.0, 10.0))
    assert out.tolist() == [0.0, 10.0, 10.0]  # 50 capped at max 5, then min-max to the scale
    with pytest.raises(ValueError):
        normalise_by_year(np.array([1.0]), np.array([1]), Numeric(None, None, normalise="rank"), (0.0, 1.0))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(st.none(), st.floats(-1e6, 1e6)), min_size=1, max_size=30),
       st.sampled_from(["high", "low"]))
def test_minmax_properties(values, best):
    x = np.array([nan if v is None else v for v in values])
    out = minmax(x, range=(1, 100), best=best)
    assert (np.isnan(out) == np.isnan(x)).all()
    ok = ~np.isnan(x)
    assert ((out[ok] >= 1 - 1e-9) & (out[ok] <= 100 + 1e-9)).all()
    order = np.argsort(x[ok], kind="stable")
    s = out[ok][order]
    assert (np.diff(s) >= -1e-9).all() if best == "high" else (np.diff(s) <= 1e-9).all()


@settings(max_examples=40, deadline=None)
@given(st.lists(st.floats(-1e3, 1e3), min_size=2, max_size=26))
def test_zscore_stays_on_range_up_to_26_values(values):
    out = zscore(np.array(values), range=(0, 100))
    assert ((out >= 0) & (out <= 100)).all()  # |z| <= (n-1)/sqrt(n) < 5 for n <= 26


SCHEME = """\
id: norm
title: Normalised
version: "1"
children:
  - code: A
    children:
      - code: X
        numeric: {normalise: minmax, best: low}
      - code: Y
        options: [{value: a, score: 100}, {value: b, score: 0}]
  - code: Z
    numeric: {normalise: zscore, range: [0, 100]}
"""


def _profile(cc: str, year: int, x: str, y: str, z: str) -> str:
    return f"scheme: norm\ncountry: {cc}\nyear: {year}\nanswers:\n  X: {x}\n  Y: {y}\n  Z: {z}\n"


def test_engine_scores_normalised_leaves_per_year(tmp_path):
    (tmp_path / "s.yaml").write_text(SCHEME)
    (tmp_path / "a.yaml").write_text(_profile("XA", 2020, "1", "a", "1"))
    (tmp_path / "b.yaml").write_text(_profile("XB", 2020, "3", "b", "3"))
    (tmp_path / "c.yaml").write_text(_profile("XC", 2020, "n/a", "a", "5"))
    (tmp_path / "d.yaml").write_text(_profile("XA", 2024, "9", "a", ""))
    b = load_paths([tmp_path])
    df = score(b.schemes["norm"], b.profiles).set_index(["country", "year", "code"]).score
    assert df["XA", 2020, "X"] == 100.0 and df["XB", 2020, "X"] == 0.0  # best: low
    assert np.isnan(df["XC", 2020, "X"])  # n/a takes no part
    assert df["XA", 2024, "X"] == 50.0  # alone in its year: the middle
    z = np.array([1.0, 3.0, 5.0])
    zz = (z - 3.0) / z.std(ddof=1)
    assert df["XA", 2020, "Z"] == pytest.approx(50 + 10 * zz[0], abs=1e-12)
    assert np.isnan(df["XA", 2024, "Z"])  # blank stays missing
    assert df["XA", 2020, "A"] == pytest.approx(100.0)
    assert df["XA", 2020, "overall"] == pytest.approx((100 + 50 + 10 * zz[0]) / 2)
