"""COINr's ASEM example: the engine reproduces COINr 1.1.14's own numbers at every level.

The scheme is generated from ASEM_iMeta.csv and the 51 profiles are imported from
ASEM_iData.csv by the ordinary importer, into tmp_path; every column of COINr's results
(the 49 normalised indicators, 8 pillars, 2 sub-indices and the index) is compared to 1e-9,
including where a country has missing indicators (COINr skips NA in its means; so does the
engine with ``missing: skip``: both re-weight over the children that have a value).
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from indexer.coinr import import_idata
from indexer.countries import code_of
from indexer.load import load_file, load_paths
from indexer.score import score

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
DATA = SHARED / "data" / "coinr-asem"

pytestmark = pytest.mark.skipif(not (DATA / "ASEM_iMeta.csv").is_file(),
                                reason=f"the shared COINr reference data are absent ({DATA})")

TOL = 1e-9


def _script():
    spec = importlib.util.spec_from_file_location("coinr_asem", REPO / "scripts" / "coinr_asem.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """Both variants: scheme text, scheme, profiles, score table and COINr's results."""
    tmp = tmp_path_factory.mktemp("asem")
    script = _script()
    out = {}
    for sid, (_, _, _, results) in script.VARIANTS.items():
        text = script.scheme_text(sid)
        path = tmp / f"{sid}.yaml"
        path.write_text(text)
        b = load_file(path)
        assert b.problems == [], b.problems
        scheme = b.schemes[sid]
        res = import_idata(DATA / "ASEM_iData.csv", DATA / "ASEM_iMeta.csv", scheme, tmp / sid)
        assert res.ok, [str(p) for p in res.problems if p.is_error]
        bundle = load_paths([tmp / sid])
        profiles = bundle.profiles_of(sid)
        ref = pd.read_csv(DATA / results)
        ref.index = [code_of(c) for c in ref.pop("uCode")]
        ref = ref.rename(columns={"Index": "overall"})
        df = score(scheme, profiles)
        ours = df.pivot(index="country", columns="code", values="score")
        out[sid] = dict(text=text, scheme=scheme, profiles=profiles, res=res, ref=ref, ours=ours, df=df)
    return out


def test_the_meta_becomes_the_tree(built):
    s = built["asem-coinr"]["scheme"]
    meta = pd.read_csv(DATA / "ASEM_iMeta.csv")
    ind = meta[meta.Type == "Indicator"]
    assert [leaf.code for leaf in s.leaves] == list(ind.iCode)
    assert s.levels == ("sub-index", "pillar", "indicator")
    assert [n.code for n in s.root.children] == ["Conn", "Sust"]
    for r in ind.itertuples():
        n = s.node(r.iCode)
        assert n.numeric.normalise == "minmax" and n.numeric.range == (0.0, 100.0)
        assert n.numeric.best == ("low" if r.Direction == -1 else "high")
        assert n.weight == r.Weight and s.parents[r.iCode] == r.Parent
    assert built["asem-coinr-geo"]["scheme"].aggregation == "geometric"
    assert built["asem-coinr-geo"]["scheme"].leaves[0].numeric.range == (1.0, 100.0)


def test_profiles_imported_from_idata(built):
    b = built["asem-coinr"]
    assert len(b["profiles"]) == 51 and {p.year for p in b["profiles"]} == {2018}
    data = pd.read_csv(DATA / "ASEM_iData.csv")
    n_na = int(data[[leaf.code for leaf in b["scheme"].leaves]].isna().sum().sum())
    warnings = [p for p in b["res"].problems if p.code == "missing-answer"]
    assert len(warnings) == n_na and all(p.severity == "warning" for p in warnings)
    at = next(p for p in b["profiles"] if p.country == "AT")
    assert at.provenance == "published" and at.answers["LPI"] == "4.097985"


@pytest.mark.parametrize("sid", ["asem-coinr", "asem-coinr-geo"])
def test_every_aggregate_at_every_level_matches_coinr(built, sid):
    b = built[sid]
    ref, ours = b["ref"], b["ours"]
    s = b["scheme"]
    assert sorted(ref.index) == sorted(ours.index)
    assert set(ref.columns) == {n.code for n in s.nodes}  # every node, the indicators too
    ours = ours.loc[ref.index, ref.columns]
    # missing exactly where COINr's are (indicators with NA; no aggregate is missing)
    assert (ours.isna().to_numpy() == ref.isna().to_numpy()).all()
    assert ref.isna().to_numpy().sum() > 0
    diff = (ours - ref).abs()
    by_level: dict[str, float] = {}
    for code in ref.columns:
        lv = s.node(code).level
        by_level[lv] = max(by_level.get(lv, 0.0), float(np.nanmax(diff[code].to_numpy())))
    assert set(by_level) == {"indicator", "pillar", "sub-index", "overall"}
    assert max(by_level.values()) < TOL, by_level


def test_countries_with_missing_indicators_are_reweighted(built):
    """Where a country lacks indicators, COINr's pillar is the weighted mean over the present
    ones — the engine's ``skip`` rule; scoring the absent ones 0 (``missing: zero``) differs."""
    b = built["asem-coinr"]
    data = pd.read_csv(DATA / "ASEM_iData.csv").set_index("uCode")
    bd = code_of("BGD")
    assert data.loc["BGD", ["Pat", "CultServ"]].isna().any()
    pillar = "P2P"
    kids = [n.code for n in b["scheme"].node(pillar).children]
    present = [k for k in kids if not np.isnan(b["ref"].loc[bd, k])]
    assert len(present) < len(kids)
    assert b["ref"].loc[bd, pillar] == pytest.approx(b["ref"].loc[bd, present].mean(), abs=TOL)
    zero = score(b["scheme"], b["profiles"], missing="zero").pivot(index="country", columns="code", values="score")
    assert abs(zero.loc[bd, pillar] - b["ref"].loc[bd, pillar]) > 1


def test_committed_schemes_are_the_generated_ones(built):
    for sid in ("asem-coinr", "asem-coinr-geo"):
        committed = REPO / "indicators" / f"{sid}.yaml"
        assert committed.read_text() == built[sid]["text"], f"run scripts/coinr_asem.py to refresh {committed}"
        assert load_file(committed).problems == []


def test_coinr_results_import_as_published_scores(built, tmp_path):
    """COINr's own results table imported with ``--kind scores``: every node is given, and the
    root (not in the table: COINr's ``Index`` column is skipped) is aggregated from them."""
    from indexer.tables import import_table

    b = built["asem-coinr"]
    res = import_table(DATA / "coinr_minmax_amean.csv", b["scheme"], tmp_path, kind="scores", year=2018,
                       ignore=["Index"], provenance="published")
    assert res.ok, res.problems
    profiles = load_paths([tmp_path]).profiles
    df = score(b["scheme"], profiles).pivot(index="country", columns="code", values="score")
    ref = b["ref"]
    np.testing.assert_allclose(df.loc[ref.index, "overall"], ref["overall"], rtol=0, atol=TOL)
    np.testing.assert_allclose(df.loc[ref.index, "Conn"], ref["Conn"], rtol=0, atol=0)


def test_the_command_infers_what_the_library_infers(built, tmp_path):
    """`indexer import --meta iMeta.csv` skips the group and denominator columns as
    `import_idata` does (no --ignore flags), and writes the same profiles."""
    from click.testing import CliRunner

    from indexer.cli import main

    b = built["asem-coinr"]
    scheme_path = tmp_path / "asem-coinr.yaml"
    scheme_path.write_text(b["text"])
    res = CliRunner().invoke(main, ["import", str(DATA / "ASEM_iData.csv"), "--scheme", str(scheme_path),
                                    "--meta", str(DATA / "ASEM_iMeta.csv"), "--provenance", "published",
                                    "--out-dir", str(tmp_path / "out")])
    assert res.exit_code == 0, res.output
    without = CliRunner().invoke(main, ["import", str(DATA / "ASEM_iData.csv"), "--scheme", str(scheme_path),
                                        "--out-dir", str(tmp_path / "out2")])
    assert without.exit_code == 1 and without.stderr.count("unknown-code") == 8
    mine = {(p.country, p.year): dict(p.answers) for p in load_paths([tmp_path / "out"]).profiles_of("asem-coinr")}
    lib = {(p.country, p.year): dict(p.answers) for p in b["profiles"]}
    assert mine == lib and len(mine) == 51


def test_a_frame_goes_to_profiles_without_yaml(built):
    """The in-memory path: the iData frame → profiles → scores, the same numbers as the
    YAML round trip of import_idata."""
    from indexer.coinr import profiles_from_idata

    b = built["asem-coinr"]
    data = pd.read_csv(DATA / "ASEM_iData.csv")
    meta = pd.read_csv(DATA / "ASEM_iMeta.csv")
    res = profiles_from_idata(data, meta, b["scheme"])
    assert res.ok, [str(p) for p in res.problems if p.is_error]
    assert all(imp.text == "" for imp in res.profiles)  # no YAML written or kept
    profiles = [imp.profile for imp in res.profiles]
    ours = score(b["scheme"], profiles).pivot(index="country", columns="code", values="score")
    assert ours.shape == b["ours"].shape
    assert (ours - b["ours"]).abs().max().max() < TOL
