"""The app's words for thin and empty baselines, and its Coding selector (AppTest)."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_app import app, clear_caches, make_data_root, run, svg_charts, texts  # noqa: F401 - clear_caches: autouse fixture

from indexer import app_support as sup


@pytest.fixture
def root(tmp_path: Path, monkeypatch) -> Path:
    r = make_data_root(tmp_path / "data")
    monkeypatch.setenv(sup.ENV_ROOT, str(r))
    return r


def test_eaeu_says_why_instead_of_an_empty_radar(root: Path):
    # a Kazakhstan with no Education and no Health answers (the bundled coding has all eight areas
    # since 2020.4): no EAEU member has an Education score, and KZ has an overall only just (105 of 138)
    from indexer.load import load_paths

    scheme = load_paths([root / "indicators"]).schemes["mipex-core"]
    lines = ["scheme: mipex-core\ncountry: KZ\nyear: 2024\ncoding: desk\nstatus: draft\nprovenance: illustrative\nanswers:"]
    lines += [f'  {leaf.code}: {{answer: "{leaf.options[0].value}", source: "test stand-in"}}'
              for leaf in scheme.leaves if not leaf.code.startswith(("EDU.", "HEALTH."))]
    (root / "country_profiles" / "KZ" / "mipex-core-2024.yaml").write_text("\n".join(lines) + "\n")
    at = app()
    at.selectbox(key="baseline").set_value("EAEU")
    run(at)
    words = texts(at)
    assert "No member of EAEU has a score at" in words
    assert "KZ, AM are compared and also members" in words
    assert "BY, KG have none" in words
    # the compared countries have area scores of their own (KZ six, AM six): the radar draws them,
    # whatever the empty baseline
    assert len(svg_charts(at)) == 2 and "No radar" not in words
    # the EAEU median overall rests on RU alone: thin, flagged on the card
    assert "thin" in words and "n = 1 of 5 members" in words


def test_coding_selector_switches_the_coding(demo_app_root: Path):
    (demo_app_root / "country_profiles" / "XB-coder-b.yaml").write_text(
        "scheme: demo\ncountry: XB\nyear: 2024\nstatus: draft\nprovenance: expert\ncoding: coder-b\nanswers:\n"
        "  WORK.1: a\n  WORK.2: 0\n  WORK.3: \"yes\"\n  NAT.1: 3\n  NAT.2: a\n")
    at = app()
    assert at.selectbox(key="coding").options[0] == sup.DEFAULT_CODING
    by = {m.label: m.value for m in at.metric}
    # default: expert before illustrative → XB's second coder, every answer the best: 100
    assert by["Borduria (demo) (XB)"] == "100.0"
    assert "coder-b (expert)" in texts(at)
    at.selectbox(key="coding").set_value("illustrative")
    run(at)
    by = {m.label: m.value for m in at.metric}
    # the bundled illustrative XB: overall 18.056 (README's hand computation)
    assert by["Borduria (demo) (XB)"] == "18.1"
    assert "coder-b (expert)" in texts(at)  # named among the codings not used
