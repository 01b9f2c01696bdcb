"""The command line of the core (SPEC §5): validate and score through click's CliRunner."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys

import pytest
from conftest import FIXTURES, REPO, profile_text, write_files

from indexer.cli import main

HEADER = "scheme,country,year,code,level,depth,score,coverage,band,lower,upper,coding"  # coding: an extension, last
DEMO_ORDER = ["overall", "WORK", "WORK.ACCESS", "WORK.1", "WORK.2", "WORK.3", "NAT", "NAT.1", "NAT.2"]


@pytest.fixture
def demo(tmp_path):
    """A copy of the demo scheme and profiles: tmp/indicators/demo.yaml, tmp/profiles/*.yaml."""
    shutil.copytree(REPO / "country_profiles" / "demo", tmp_path / "profiles")
    (tmp_path / "indicators").mkdir()
    shutil.copy(REPO / "indicators" / "demo.yaml", tmp_path / "indicators" / "demo.yaml")
    return tmp_path


def rows(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text)))


# ----------------------------------------------------------------------------------------------
# validate


def test_validate_exit_0(runner, in_repo):
    res = runner.invoke(main, ["validate", "indicators/demo.yaml", "country_profiles/demo"])
    assert res.exit_code == 0
    # the one warning on stdout, the summary on stderr
    assert res.stdout.count("warning missing-answer") == 1
    assert "1 warning" in res.stderr


def test_validate_exit_1(runner, in_repo):
    res = runner.invoke(main, ["validate", str(FIXTURES / "invalid" / "bad-weight")])
    assert res.exit_code == 1
    assert len(res.stdout.splitlines()) == 3
    assert "Traceback" not in res.output


@pytest.mark.parametrize(
    "args",
    [
        ["validate"],  # no PATHS
        ["validate", "no/such/path.yaml"],
        ["validate", "--format", "xml", "indicators"],
        ["score", "demo"],  # no PATHS
        ["score", "no-such-scheme", "country_profiles/demo"],  # unknown scheme
        ["score", "demo", "no/such/folder"],
        ["score", "demo", "country_profiles/demo", "--format", "xml"],
        ["template", "demo", "--country", "Kazakhstan", "--year", "2024"],
        ["template", "demo", "--country", "KZ", "--year", "24"],
        ["template", "no-such-scheme", "--country", "KZ", "--year", "2024"],
        ["frobnicate"],
    ],
)
def test_wrong_usage_exit_2(runner, in_repo, args):
    res = runner.invoke(main, args)
    assert res.exit_code == 2, res.output
    assert res.stdout == ""
    assert "Traceback" not in res.output


def test_python_m_indexer(in_repo):
    ok = subprocess.run([sys.executable, "-m", "indexer", "validate", "indicators/demo.yaml"],
                        capture_output=True, text=True, timeout=60)
    assert ok.returncode == 0 and ok.stdout == ""
    bad = subprocess.run([sys.executable, "-m", "indexer", "validate", str(FIXTURES / "invalid" / "yaml-syntax")],
                         capture_output=True, text=True, timeout=60)
    assert bad.returncode == 1 and "yaml-syntax" in bad.stdout and "Traceback" not in bad.stderr
    usage = subprocess.run([sys.executable, "-m", "indexer", "score"], capture_output=True, text=True, timeout=60)
    assert usage.returncode == 2


# ----------------------------------------------------------------------------------------------
# score: formats


def test_score_csv_header_order_and_empty_cells(runner, in_repo):
    res = runner.invoke(main, ["score", "demo", "country_profiles/demo", "--format", "csv"])
    assert res.exit_code == 0
    lines = res.stdout.splitlines()
    assert lines[0] == HEADER
    rs = rows(res.stdout)
    # profiles by country then year, each root first then the tree in pre-order
    keys = [(r["country"], r["year"]) for r in rs[:: len(DEMO_ORDER)]]
    assert keys == [("XA", "2020"), ("XA", "2024"), ("XB", "2024"), ("XC", "2024")]
    for i in range(0, len(rs), len(DEMO_ORDER)):
        assert [r["code"] for r in rs[i:i + len(DEMO_ORDER)]] == DEMO_ORDER
    assert rs[0]["level"] == "overall" and rs[0]["depth"] == "0"
    by = {(r["country"], r["year"], r["code"]): r for r in rs}
    # XB answers WORK.3 n/a: no score, no coverage, no band: empty cells
    assert by["XB", "2024", "WORK.3"]["score"] == ""
    assert by["XB", "2024", "WORK.3"]["coverage"] == ""
    assert by["XB", "2024", "WORK.3"]["band"] == ""
    # XC leaves NAT.2 blank: no score, coverage 0
    assert by["XC", "2024", "NAT.2"]["score"] == ""
    assert float(by["XC", "2024", "NAT.2"]["coverage"]) == 0.0
    # unrounded: XA 2024 overall = (287.5/3 + 800/9)/2 = 92.3611…, written in full
    assert by["XA", "2024", "overall"]["score"] == repr((287.5 / 3 + 800 / 9) / 2)
    assert len(by["XA", "2024", "overall"]["score"]) > 10


def test_score_json(runner, in_repo):
    res = runner.invoke(main, ["score", "demo", "country_profiles/demo", "--format", "json"])
    assert res.exit_code == 0
    data = json.loads(res.stdout)
    assert len(data) == 4 * len(DEMO_ORDER)
    assert set(HEADER.split(",")) <= set(data[0])
    by = {(d["country"], d["year"], d["code"]): d for d in data}
    assert by["XB", 2024, "WORK.3"]["score"] is None
    assert by["XB", 2024, "WORK.3"]["coverage"] is None
    assert by["XA", 2024, "overall"]["score"] == pytest.approx((287.5 / 3 + 800 / 9) / 2, rel=1e-15)
    assert by["XA", 2024, "overall"]["depth"] == 0


def test_score_table(runner, in_repo):
    res = runner.invoke(main, ["score", "demo", "country_profiles/demo"])
    assert res.exit_code == 0
    assert "92.4" in res.stdout  # displays round (XA 2024 overall 92.36…)
    assert "Illustrative" in res.stdout


def test_score_scheme_by_path(runner, demo):
    res = runner.invoke(main, ["score", str(demo / "indicators" / "demo.yaml"), str(demo / "profiles"), "--format", "csv"])
    assert res.exit_code == 0
    assert len(rows(res.stdout)) == 4 * len(DEMO_ORDER)
    # the scheme file among PATHS as well: read once, same output
    res2 = runner.invoke(main, ["score", str(demo / "indicators" / "demo.yaml"), str(demo), "--format", "csv"])
    assert res2.exit_code == 0 and res2.stdout == res.stdout


# ----------------------------------------------------------------------------------------------
# score: --output


def test_score_output_writes_the_file_atomically(runner, demo, in_repo):
    out = demo / "out" / "scores.csv"
    out.parent.mkdir()
    out.write_text("old content\n")
    expected = runner.invoke(main, ["score", "demo", str(demo / "profiles"), "--format", "csv"]).stdout
    res = runner.invoke(main, ["score", "demo", str(demo / "profiles"), "--format", "csv", "--output", str(out)])
    assert res.exit_code == 0
    assert res.stdout == ""
    assert out.read_text() == expected
    # nothing left beside it (the temporary file was renamed over it)
    assert [p.name for p in out.parent.iterdir()] == ["scores.csv"]


def test_score_output_untouched_on_error(runner, demo, in_repo):
    out = demo / "scores.csv"
    out.write_text("old content\n")
    (demo / "profiles" / "XB-2024.yaml").write_text(
        (demo / "profiles" / "XB-2024.yaml").read_text().replace("{answer: c,", "{answer: z,"))
    res = runner.invoke(main, ["score", "demo", str(demo / "profiles"), "--format", "csv", "--output", str(out)])
    assert res.exit_code == 1
    assert out.read_text() == "old content\n"
    assert sorted(p.name for p in demo.iterdir()) == ["indicators", "profiles", "scores.csv"]


# ----------------------------------------------------------------------------------------------
# score: which files count


def test_error_in_a_used_profile_exit_1_no_stdout(runner, demo, in_repo):
    f = demo / "profiles" / "XB-2024.yaml"
    f.write_text(f.read_text().replace("{answer: c,", "{answer: z,"))
    for fmt in ("csv", "json", "table"):
        res = runner.invoke(main, ["score", "demo", str(demo / "profiles"), "--format", fmt])
        assert res.exit_code == 1
        assert res.stdout == ""
        # `  WORK.1: {answer: z, ...}` is line 9 of XB-2024.yaml (after scheme_version); the
        # value at column 20
        assert f"{f}:9:20: error unknown-option" in res.stderr


def test_error_in_the_scheme_exit_1(runner, demo):
    s = demo / "indicators" / "demo.yaml"
    s.write_text(s.read_text().replace("weight: 2", "weight: 0"))
    res = runner.invoke(main, ["score", str(s), str(demo / "profiles"), "--format", "csv"])
    assert res.exit_code == 1 and res.stdout == ""
    assert "bad-weight" in res.stderr


def test_final_profile_with_missing_answer_exit_1(runner, demo, in_repo):
    f = demo / "profiles" / "XC-2024.yaml"
    f.write_text(f.read_text().replace("status: draft", "status: final"))
    res = runner.invoke(main, ["score", "demo", str(demo / "profiles"), "--format", "csv"])
    assert res.exit_code == 1 and res.stdout == ""
    assert "error missing-answer" in res.stderr


def test_warnings_only_exit_0_with_a_note(runner, in_repo, tmp_path):
    # XC's blank NAT.2 is what a draft is expected to have: not repeated by a data command
    res = runner.invoke(main, ["score", "demo", "country_profiles/demo", "--format", "csv"])
    assert res.exit_code == 0
    assert "warning" not in res.stderr
    # any other warning is: one line, pointing to `indexer validate`
    (tmp_path / "p.yaml").write_text("scheme: demo\ncountry: XA\nyear: 2024\nanswers:\n  WORK.1: a\n  ZZ.9: a\n"
                                     .replace("  ZZ.9: a\n", "") + "colour: red\n")
    res = runner.invoke(main, ["score", "demo", str(tmp_path / "p.yaml"), "--format", "csv"])
    assert res.exit_code == 0
    assert len(res.stderr.splitlines()) == 1 and "0 errors, 1 warning in 1 file" in res.stderr


def test_other_schemes_broken_profiles_are_skipped(runner, demo, in_repo):
    # a profile of fx with an unknown option, a profile of an unknown scheme, and a broken
    # scheme file of another id: none is used by `score demo`
    write_files(demo / "profiles", {
        "fx-XA.yaml": profile_text("A1: zzz", scheme="fx"),
        "nope-XA.yaml": profile_text("A1: a", scheme="nope"),
        "other-scheme.yaml": "id: other\nversion: 1\nchildren: []\n",
    })
    shutil.copy(FIXTURES / "valid" / "fx.yaml", demo / "profiles" / "fx.yaml")
    res = runner.invoke(main, ["score", "demo", str(demo / "profiles"), "--format", "csv"])
    assert res.exit_code == 0, res.stderr
    assert {r["scheme"] for r in rows(res.stdout)} == {"demo"}
    assert len(rows(res.stdout)) == 4 * len(DEMO_ORDER)


@pytest.mark.parametrize(
    "content",
    [
        b"scheme: demo\ncountry: XD\nyear: 2024\nanswers: {WORK.1: [\n",  # YAML syntax
        b"\xff\xfe\x00garbage",  # not UTF-8
        b"- just\n- a list\n",  # not a scheme, profile nor group file
        b"",  # empty
    ],
)
def test_a_file_that_cannot_be_read_exit_1(runner, demo, in_repo, content):
    (demo / "profiles" / "zz-broken.yaml").write_bytes(content)
    res = runner.invoke(main, ["score", "demo", str(demo / "profiles"), "--format", "csv"])
    assert res.exit_code == 1
    assert res.stdout == ""
    assert "zz-broken.yaml:" in res.stderr


def test_no_matching_profile_header_alone(runner, tmp_path, in_repo):
    write_files(tmp_path, {"p.yaml": profile_text("A1: a\nA2: 1\nB1: yes", scheme="fx")})
    shutil.copy(FIXTURES / "valid" / "fx.yaml", tmp_path / "fx.yaml")
    res = runner.invoke(main, ["score", "demo", str(tmp_path), "--format", "csv"])
    assert res.exit_code == 0
    assert res.stdout == HEADER + "\n"
    assert "warning" in res.stderr and "no profile" in res.stderr
    res = runner.invoke(main, ["score", "demo", str(tmp_path), "--format", "json"])
    assert res.exit_code == 0 and json.loads(res.stdout) == []


def test_duplicate_profile_exit_1(runner, demo, in_repo):
    shutil.copy(demo / "profiles" / "XA-2024.yaml", demo / "profiles" / "XA-2024-copy.yaml")
    res = runner.invoke(main, ["score", "demo", str(demo / "profiles"), "--format", "csv"])
    assert res.exit_code == 1 and res.stdout == ""
    assert "duplicate-profile" in res.stderr


def test_scheme_file_and_another_definition_of_its_id_exit_1(runner, demo):
    # SCHEME names a valid file; PATHS hold another file declaring the same id: which one the
    # profiles mean is unclear, so score refuses (it used to say "no scheme", exit 2)
    other = (demo / "indicators" / "demo.yaml").read_text().replace("weight: 2", "weight: 3")
    (demo / "profiles" / "demo-copy.yaml").write_text(other)
    res = runner.invoke(main, ["score", str(demo / "indicators" / "demo.yaml"), str(demo / "profiles"), "--format", "csv"])
    assert res.exit_code == 1, res.output
    assert res.stdout == ""
    assert "duplicate-scheme" in res.stderr


def test_scheme_id_with_a_broken_second_definition_exit_1(runner, demo, in_repo):
    (demo / "profiles" / "demo-broken.yaml").write_text("id: demo\nversion: '1'\nchildren: []\n")
    res = runner.invoke(main, ["score", "demo", str(demo / "profiles"), str(demo / "indicators"), "--format", "csv"])
    assert res.exit_code == 1 and res.stdout == ""
    assert "duplicate-scheme" in res.stderr


# ----------------------------------------------------------------------------------------------
# the golden file: `indexer score demo country_profiles/demo --format csv`

GOLDEN = FIXTURES / "golden" / "demo_scores.csv"

# Checked by hand (indicators/demo.yaml; goalposts WORK.2 0..12 months best low, NAT.1 3..12
# years best low; WORK.3 weighs 2; bands 80/60/41/21/1/0):
#
# XA 2024 (every leaf answered: coverage 1 everywhere)
#   WORK.1 a → 100                      WORK.2 3 → (12 − 3)/12 = 0.75 → 75
#   WORK.ACCESS = (100 + 75)/2 = 87.5   WORK.3 yes → 100
#   WORK = (1·87.5 + 2·100)/3 = 287.5/3 = 95.833…
#   NAT.1 5 → (12 − 5)/9 = 7/9 → 77.777…   NAT.2 a → 100
#   NAT = (77.777… + 100)/2 = 88.888…
#   overall = (95.833… + 88.888…)/2 = 92.361…  (Favourable; WORK.2 and NAT.1: Slightly favourable)
# XA 2020
#   WORK.1 b → 50; WORK.2 6 → 6/12 → 50; WORK.ACCESS 50; WORK.3 no → 0; WORK = 50/3 = 16.667
#   NAT.1 8 → 4/9 → 44.444; NAT.2 b → 50; NAT = 47.222; overall = 31.944
# XB 2024 (WORK.3 n/a: no score, empty coverage; WORK has ACCESS alone)
#   WORK.1 c → 0; WORK.2 12 → 0; WORK.ACCESS 0; WORK 0
#   NAT.1 10 → 2/9 → 22.222; NAT.2 b → 50; NAT = 36.111; overall = 18.056
# XC 2024 (NAT.2 blank: NAT's coverage 1/2, overall 4/5)
#   WORK.1 b → 50; WORK.2 20 → clipped to 12 → 0; WORK.ACCESS 25; WORK.3 no → 0; WORK = 25/3
#   NAT.1 3 → 1 → 100; NAT = 100; overall = (8.333 + 100)/2 = 54.167
#   bounds (SPEC §3.1; every other row has lower = upper = score): NAT.2 open 0..100,
#   NAT (100 + 0)/2 = 50 .. 100, overall (8.333 + 50)/2 = 29.167 .. (8.333 + 100)/2 = 54.167
HAND = {
    ("XA", "2024"): {
        "overall": (((1 * 87.5 + 2 * 100) / 3 + (700 / 9 + 100) / 2) / 2, 1.0, "Favourable"),
        "WORK": ((1 * 87.5 + 2 * 100) / 3, 1.0, "Favourable"),
        "WORK.ACCESS": (87.5, 1.0, "Favourable"),
        "WORK.1": (100.0, 1.0, "Favourable"),
        "WORK.2": (75.0, 1.0, "Slightly favourable"),
        "WORK.3": (100.0, 1.0, "Favourable"),
        "NAT": ((700 / 9 + 100) / 2, 1.0, "Favourable"),
        "NAT.1": (700 / 9, 1.0, "Slightly favourable"),
        "NAT.2": (100.0, 1.0, "Favourable"),
    },
    ("XA", "2020"): {
        "overall": ((50 / 3 + (400 / 9 + 50) / 2) / 2, 1.0, "Slightly unfavourable"),
        "WORK": (50 / 3, 1.0, "Unfavourable"),
        "WORK.3": (0.0, 1.0, "Critically unfavourable"),
        "NAT.1": (400 / 9, 1.0, "Halfway favourable"),
    },
    ("XB", "2024"): {
        "overall": ((0 + (200 / 9 + 50) / 2) / 2, 1.0, "Unfavourable"),
        "WORK": (0.0, 1.0, "Critically unfavourable"),
        "WORK.3": (None, None, ""),
        "NAT": ((200 / 9 + 50) / 2, 1.0, "Slightly unfavourable"),
    },
    ("XC", "2024"): {
        "overall": ((25 / 3 + 100) / 2, 0.8, "Halfway favourable"),
        "WORK": (25 / 3, 1.0, "Unfavourable"),
        "WORK.2": (0.0, 1.0, "Critically unfavourable"),
        "NAT": (100.0, 0.5, "Favourable"),
        "NAT.2": (None, 0.0, ""),
    },
}


def test_golden_file_checked_by_hand():
    by = {(r["country"], r["year"], r["code"]): r for r in rows(GOLDEN.read_text())}
    assert len(by) == 4 * len(DEMO_ORDER)
    for (country, year), codes in HAND.items():
        for code, (score, cov, band) in codes.items():
            r = by[country, year, code]
            if score is None:
                assert r["score"] == ""
            else:
                assert float(r["score"]) == pytest.approx(score, rel=1e-12)
            if cov is None:
                assert r["coverage"] == ""
            else:
                assert float(r["coverage"]) == pytest.approx(cov)
            assert r["band"] == band, (country, year, code)


def test_score_matches_the_golden_file(runner, in_repo):
    res = runner.invoke(main, ["score", "demo", "country_profiles/demo", "--format", "csv"])
    assert res.exit_code == 0
    assert res.stdout == GOLDEN.read_text()


def test_csv_quotes_what_needs_quoting(runner, tmp_path):
    scheme = """
    id: q
    title: Quoting
    version: "1"
    bands: [{min: 50, label: 'Good, "very"'}, {min: 0, label: Poor}]
    levels: ["area, first"]
    children:
      - {code: A, options: [{value: a, score: 100}, {value: b, score: 0}]}
    """
    write_files(tmp_path, {"q.yaml": scheme, "p.yaml": "scheme: q\ncountry: XA\nyear: 2024\nanswers:\n  A: a\n"})
    res = runner.invoke(main, ["score", str(tmp_path / "q.yaml"), str(tmp_path), "--format", "csv"])
    assert res.exit_code == 0, res.output
    rs = rows(res.stdout)
    assert [(r["code"], r["level"], r["band"]) for r in rs] == [
        ("overall", "overall", 'Good, "very"'), ("A", "area, first", 'Good, "very"')]


@pytest.mark.parametrize("fmt", ["table", "json", "csv"])
def test_no_profile_in_an_empty_folder(runner, tmp_path, in_repo, fmt):
    (tmp_path / "empty").mkdir()
    res = runner.invoke(main, ["score", "demo", str(tmp_path / "empty"), "--format", fmt])
    assert res.exit_code == 0
    assert "no profile" in res.stderr
    if fmt == "csv":
        assert res.stdout == HEADER + "\n"
    if fmt == "json":
        assert json.loads(res.stdout) == []


def test_validate_an_empty_folder(runner, tmp_path):
    res = runner.invoke(main, ["validate", str(tmp_path)])
    assert res.exit_code == 0 and res.stdout == ""


def test_output_that_cannot_be_written_exit_2(runner, tmp_path, in_repo):
    (tmp_path / "afile").write_text("x")
    res = runner.invoke(main, ["score", "demo", "country_profiles/demo", "--format", "csv",
                               "--output", str(tmp_path / "afile" / "scores.csv")])
    assert res.exit_code == 2, res.output
    assert res.exception is None or isinstance(res.exception, SystemExit)
    assert res.stdout == ""
    assert (tmp_path / "afile").read_text() == "x"


def test_a_file_named_twice_is_read_once(runner, in_repo):
    res = runner.invoke(main, ["score", "demo", "country_profiles/demo", "./country_profiles/demo/XA-2024.yaml",
                               "country_profiles/demo/", "--format", "csv"])
    assert res.exit_code == 0, res.stderr
    assert len(rows(res.stdout)) == 4 * len(DEMO_ORDER)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ('id: t\nversion: "1"\nchildren: [\n', "yaml-syntax"),  # unreadable YAML
        ('id: 5\nversion: "1"\nchildren: []\n', "bad-value"),  # an id that is no id
    ],
)
def test_scheme_file_that_cannot_be_read_exit_1(runner, tmp_path, in_repo, text, code):
    # SCHEME names a file that exists: its problems are shown (exit 1), not "no scheme" (exit 2)
    s = tmp_path / "s.yaml"
    s.write_text(text)
    for paths in (["country_profiles/demo"], [str(tmp_path)]):  # the file beside or among PATHS
        res = runner.invoke(main, ["score", str(s), *paths, "--format", "csv"])
        assert res.exit_code == 1, res.output
        assert res.stdout == ""
        lines = [ln for ln in res.stderr.splitlines() if ln.startswith(str(s))]
        assert code in lines[0] and len(lines) == len(set(lines))


def test_output_is_all_or_nothing(runner, demo, in_repo, monkeypatch):
    # a crash between writing and renaming leaves the old file as it was, and no temporary file
    import os

    out = demo / "scores.json"
    out.write_text("old\n")

    def boom(src, dst):  # noqa: ANN001, ANN202
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", boom)
    res = runner.invoke(main, ["score", "demo", str(demo / "profiles"), "--format", "json", "--output", str(out)])
    assert res.exit_code != 0 and res.stdout == ""
    assert out.read_text() == "old\n"
    assert sorted(p.name for p in demo.iterdir()) == ["indicators", "profiles", "scores.json"]
    monkeypatch.undo()
    res = runner.invoke(main, ["score", "demo", str(demo / "profiles"), "--format", "json", "--output", str(out)])
    assert res.exit_code == 0
    assert len(json.loads(out.read_text())) == 4 * len(DEMO_ORDER)
