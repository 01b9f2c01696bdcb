"""``score.csv_text`` (the CLI's CSV path, without pandas) writes exactly what the tidy table's
``to_csv`` writes."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import numpy as np

from indexer import score as S
from indexer.load import load_paths
from indexer.model import Band

ROOT = Path(__file__).resolve().parent.parent


def _pandas_csv(arrays: S.ScoreArrays, **kw) -> str:  # noqa: ANN003
    return S.to_table(arrays, **kw)[S.COLUMNS].to_csv(index=False, lineterminator="\n")


def _demo():  # noqa: ANN202
    b = load_paths([ROOT / "indicators" / "demo.yaml", ROOT / "country_profiles" / "demo"])
    scheme = b.schemes["demo"]
    return scheme, S.sort_profiles(b.profiles_of("demo"))


def test_same_text_as_pandas() -> None:
    scheme, profiles = _demo()
    arrays = S.score_arrays(scheme, profiles)
    assert S.csv_text(arrays) == _pandas_csv(arrays)
    code = scheme.nodes[1].code
    assert S.csv_text(arrays, exclude=[code]) == _pandas_csv(arrays, exclude=[code])
    empty = S.score_arrays(scheme, [])
    assert S.csv_text(empty) == _pandas_csv(empty) == ",".join(S.COLUMNS) + "\n"


def test_quoting_and_any_float() -> None:
    scheme, profiles = _demo()
    odd = dataclasses.replace(scheme, bands=(Band(50, 'Good, "very"'), Band(0, "two\nlines")))
    rng = np.random.default_rng(7)
    vals = np.concatenate([10.0 ** rng.uniform(-30, 30, 200), rng.uniform(-1, 1, 200),
                           [0.0, -0.0, 1e16, 1e-5, 1e-4, 1 / 3, np.nan, np.inf, -np.inf]])
    n = len(odd.nodes)
    rows = int(np.ceil(vals.size / n))
    score = np.resize(vals, (rows, n))
    cov = np.resize(vals[::-1], (rows, n))
    arrays = S.ScoreArrays(odd, tuple(profiles[i % len(profiles)] for i in range(rows)), score, cov)
    assert S.csv_text(arrays) == _pandas_csv(arrays)
