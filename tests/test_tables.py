"""tables: import (CSV/Excel/Parquet → profiles) and export (scores, answers, given, compare)."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pytest
from click.testing import CliRunner

from indexer.cli import main
from indexer.dump import profile_yaml, same_profile, yaml_float, yaml_scalar
from indexer.export import answers_frame
from indexer.load import load_file, load_paths
from indexer.problems import CATALOGUE
from indexer.tables import canonical_number, import_table, read_table

REPO = Path(__file__).resolve().parents[1]
DEMO = REPO / "country_profiles" / "demo"

SCHEME = """\
id: tiny
title: Tiny
version: "2"
children:
  - code: LMM
    children:
      - code: LMM.1
        options: [{value: a, score: 100}, {value: b, score: 50}, {value: c, score: 0}]
      - code: LMM.2
        numeric: {min: 0, max: 10, best: low}
  - code: NAT
    children:
      - code: NAT.1
        options: [{value: "yes", score: 100}, {value: "no", score: 0}]
"""


def run(*args: str):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture
def scheme(tmp_path):
    p = tmp_path / "tiny.yaml"
    p.write_text(SCHEME)
    return load_file(p).schemes["tiny"]


@pytest.fixture
def scheme_path(tmp_path, scheme):
    return tmp_path / "tiny.yaml"


def write_csv(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def write_xlsx(path: Path, sheets: dict[str, list[list]]) -> Path:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for r in rows:
            ws.append(r)
    wb.save(path)
    return path


def files(folder: Path) -> dict[str, str]:
    return {p.name: p.read_text() for p in sorted(folder.glob("*.yaml"))} if folder.exists() else {}


WIDE = """\
country,year,LMM.1,LMM.2,NAT.1,status
Austria,2020,a,3,yes,review
KAZ,2020,b,,no,review
am,2021,c,10,n/a,draft
"""


# ----------------------------------------------------------------------------------------------
# import


def test_wide_csv_import(tmp_path, scheme):
    t = write_csv(tmp_path / "w.csv", WIDE)
    res = import_table(t, scheme, tmp_path / "out", provenance="expert")
    assert res.ok, res.problems
    assert [p.name for p in res.written] == ["AT-2020.yaml", "KZ-2020.yaml", "AM-2021.yaml"]
    b = load_paths([tmp_path / "out"])
    # imported answers carry no citation: each is a missing-source warning, and nothing else
    assert {p.code for p in b.problems} <= {"missing-source"}
    prof = {p.country: p for p in b.profiles}
    assert prof["AT"].answers == {"LMM.1": "a", "LMM.2": "3", "NAT.1": "yes"}
    assert prof["AT"].status == "review" and prof["AM"].status == "draft"
    assert prof["KZ"].answers["LMM.2"] is None and prof["AM"].answers["NAT.1"] == "n/a"
    # the blank is a missing-answer warning at its cell
    (w,) = [p for p in res.problems if p.code == "missing-answer"]
    assert (w.line, w.column, w.severity) == (3, 4, "warning")
    # the files say the same as the Profile objects returned
    for imp in res.profiles:
        assert same_profile(load_file(imp.path).profiles[0], imp.profile, scheme)


def test_long_csv_import_with_sources(tmp_path, scheme):
    t = write_csv(tmp_path / "l.csv", "country,year,code,answer,source,note,url\n"
                  'KZ,2024,LMM.1,b,"Law No. 477-IV, art. 49",checked,https://example.org/a\n'
                  "KZ,2024,LMM.2,8.50,,,\n"
                  "KZ,2024,NAT.1,no,Constitution,,\n")
    res = import_table(t, scheme, tmp_path / "out")
    assert res.ok and res.layout == "long"
    p = load_file(tmp_path / "out" / "KZ-2024.yaml").profiles[0]
    assert p.answers == {"LMM.1": "b", "LMM.2": "8.5", "NAT.1": "no"}
    assert p.citations["LMM.1"].source == "Law No. 477-IV, art. 49"
    assert p.citations["LMM.1"].url == "https://example.org/a" and p.citations["LMM.1"].note == "checked"
    assert "LMM.2" not in p.citations
    assert p.provenance == "expert" and p.status == "draft"


def test_scores_import_wide_and_long(tmp_path, scheme):
    t = write_csv(tmp_path / "s.csv", "iso3,year,overall,LMM,NAT\nAUT,2019,55.5,41.75,NA\n")
    res = import_table(t, scheme, tmp_path / "o1", kind="scores", provenance="published")
    assert res.ok, res.problems
    p = load_file(tmp_path / "o1" / "AT-2019.yaml").profiles[0]
    assert p.scores == {"overall": 55.5, "LMM": 41.75} and not p.has_answers_section
    t2 = write_csv(tmp_path / "s2.csv", "country,year,code,score\nAT,2019,overall,55.5\nAT,2019,LMM,41.75\n")
    res2 = import_table(t2, scheme, tmp_path / "o2", kind="scores", provenance="published")
    assert res2.ok
    assert files(tmp_path / "o1") == files(tmp_path / "o2")
    bad = write_csv(tmp_path / "s3.csv", "country,year,code,score\nAT,2019,LMM,140\nAT,2019,XX,1\nAT,2019,NAT,high\n")
    res3 = import_table(bad, scheme, tmp_path / "o3", kind="scores")
    assert [(p.line, p.column, p.code) for p in res3.problems] == [
        (2, 4, "score-out-of-scale"), (3, 3, "unknown-code"), (4, 4, "not-a-number")]
    assert not (tmp_path / "o3").exists()


def test_problems_carry_path_row_column(tmp_path, scheme):
    t = write_csv(tmp_path / "bad.csv", "country,year,LMM.1,LMM.2,NAT.1\n"
                  "Narnia,2020,a,1,yes\n"
                  "AT,20x0,a,1,yes\n"
                  "AT,2020,d,1,yes\n"
                  "DE,2020,a,lots,yes\n"
                  "AT,2020,a,1,no\n")
    res = import_table(t, scheme, tmp_path / "out")
    got = [(p.line, p.column, p.severity, p.code) for p in res.problems]
    assert got == [
        (2, 1, "error", "unknown-country"),
        (3, 2, "error", "bad-value"),
        (4, 3, "error", "unknown-option"),
        (5, 4, "error", "not-a-number"),
        (6, 1, "error", "duplicate-profile"),
    ]
    assert str(res.problems[2]) == f"{t}:4:3: error unknown-option: AT 2020: LMM.1 has no option 'd' (a, b, c)"
    assert not (tmp_path / "out").exists()  # nothing written on error
    assert set(p.code for p in res.problems) <= set(CATALOGUE)


def test_header_problems(tmp_path, scheme):
    t = write_csv(tmp_path / "h.csv", "country,year,lmm.1,LMM,LMM.2,LMM.2\nAT,2020,a,b,1,2\n")
    res = import_table(t, scheme, tmp_path / "out")
    got = [(p.line, p.column, p.code) for p in res.problems]
    assert got == [(1, 3, "unknown-code"), (1, 4, "not-a-leaf"), (1, 6, "duplicate-column")]
    assert "did you mean 'LMM.1'" in res.problems[0].message
    t2 = write_csv(tmp_path / "h2.csv", "land,year,LMM.1\nAT,2020,a\n")
    probs = import_table(t2, scheme, tmp_path / "out").problems
    assert [(p.line, p.column, p.code) for p in probs] == [(1, 0, "bad-table"), (1, 1, "unknown-code")]
    assert "needs a 'country' column" in probs[0].message


def test_ignore_columns_and_default_year(tmp_path, scheme):
    t = write_csv(tmp_path / "w.csv", "uName,uCode,GDP,LMM.1\nAustria,AUT,400,a\n")
    assert not import_table(t, scheme, tmp_path / "o").ok  # GDP is not a code
    res = import_table(t, scheme, tmp_path / "o", ignore=["GDP"], year=2018)
    assert res.ok and [p.name for p in res.written] == ["AT-2018.yaml"]


def test_long_duplicates_and_status_conflicts(tmp_path, scheme):
    t = write_csv(tmp_path / "l.csv", "country,year,code,answer,status\n"
                  "AT,2020,LMM.1,a,final\nAT,2020,LMM.1,b,final\nAT,2020,LMM.2,3,review\n"
                  "AT,2020,ZZZ,3,final\nAT,2020,LMM,a,final\nAT,2020,YYY,,final\n")
    res = import_table(t, scheme, tmp_path / "o")
    got = [(p.line, p.column, p.code) for p in res.problems]
    assert (3, 3, "duplicate-answer") in got and (4, 5, "bad-value") in got
    assert (5, 3, "unknown-code") in got and (6, 3, "not-a-leaf") in got
    assert (7, 3, "unknown-code") in got  # blank answer or not


def test_final_profile_with_blank_is_an_error(tmp_path, scheme):
    t = write_csv(tmp_path / "w.csv", "country,year,LMM.1,LMM.2,NAT.1\nAT,2020,a,,yes\n")
    res = import_table(t, scheme, tmp_path / "o", status="final")
    (p,) = res.problems
    assert (p.line, p.column, p.severity, p.code) == (2, 4, "error", "missing-answer")
    assert not (tmp_path / "o").exists()


def test_na_markers(tmp_path, scheme):
    # NA is blank for a numeric leaf, but an option leaf takes only an empty cell as blank
    t = write_csv(tmp_path / "w.csv", "country,year,LMM.1,LMM.2,NAT.1\nAT,2020,a,NA,yes\nDE,2020,NA,1,yes\n")
    res = import_table(t, scheme, tmp_path / "o")
    assert [(p.line, p.column, p.code) for p in res.problems if p.is_error] == [(3, 3, "unknown-option")]


def test_excel_problems_name_the_sheet(tmp_path, scheme):
    rows = [["country", "year", "LMM.1", "LMM.2", "NAT.1"]] + [["AT", 2000 + i, "a", 1, "yes"] for i in range(11)]
    rows.append(["DE", 2020, "d", 2.5, "no"])
    x = write_xlsx(tmp_path / "data.xlsx", {"intro": [["read me"]], "answers": rows})
    res = import_table(x, scheme, tmp_path / "o", sheet="answers")
    (p,) = res.problems
    assert str(p) == f"{x}:13:3: error unknown-option: sheet 'answers': DE 2020: LMM.1 has no option 'd' (a, b, c)"
    (q,) = import_table(x, scheme, tmp_path / "o", sheet="nope").problems
    assert q.code == "bad-table" and "'answers'" in q.message
    # the first sheet by default: 'intro' has no indicator column
    assert import_table(x, scheme, tmp_path / "o").problems[0].code == "bad-table"


def test_excel_numbers_and_text(tmp_path, scheme):
    x = write_xlsx(tmp_path / "n.xlsx", {"s": [["country", "year", "LMM.1", "LMM.2", "NAT.1"],
                                               ["Kazakhstan", 2024.0, "b", 2.50, "no"],
                                               ["Armenia", 2024, "c", 7, "yes"]]})
    res = import_table(x, scheme, tmp_path / "o")
    assert res.ok, res.problems
    b = {p.country: p for p in load_paths([tmp_path / "o"]).profiles}
    assert b["KZ"].answers["LMM.2"] == "2.5" and b["AM"].answers["LMM.2"] == "7"


def test_force_and_identical_content(tmp_path, scheme):
    out = tmp_path / "out"
    t = write_csv(tmp_path / "w.csv", WIDE)
    assert import_table(t, scheme, out).ok
    before = files(out)
    mtimes = {p: p.stat().st_mtime_ns for p in out.iterdir()}
    # the same table again: nothing to do
    again = import_table(t, scheme, out)
    assert again.ok and again.written == [] and len(again.unchanged) == 3
    assert {p: p.stat().st_mtime_ns for p in out.iterdir()} == mtimes
    # a hand-edited file with the same content (comments, short form) counts as the same
    at = out / "AT-2020.yaml"
    at.write_text("# my notes\nscheme: tiny\ncountry: AT\nyear: 2020\nstatus: review\nprovenance: expert\n"
                  "answers: {LMM.1: a, LMM.2: 3.0, NAT.1: 'yes'}\n")
    edited = at.read_text()
    assert import_table(t, scheme, out).ok and at.read_text() == edited
    # a changed table: refused, all or nothing, unless --force
    t2 = write_csv(tmp_path / "w2.csv", WIDE.replace("Austria,2020,a", "Austria,2020,b")
                   + "DE,2020,a,1,yes,draft\n")
    res = import_table(t2, scheme, out)
    (p,) = [p for p in res.problems if p.is_error]
    assert p.code == "profile-exists" and p.path == str(at) and "row 2" in p.message
    assert at.read_text() == edited and not (out / "DE-2020.yaml").exists()
    forced = import_table(t2, scheme, out, force=True)
    assert forced.ok and sorted(x.name for x in forced.written) == ["AT-2020.yaml", "DE-2020.yaml"]
    assert load_file(at).profiles[0].answers["LMM.1"] == "b"
    assert files(out)["KZ-2020.yaml"] == before["KZ-2020.yaml"]


def test_cli_import(tmp_path, scheme_path):
    t = write_csv(tmp_path / "w.csv", WIDE)
    out = tmp_path / "out"
    r = run("import", t, "--scheme", scheme_path, "--out-dir", out, "--provenance", "illustrative")
    assert r.exit_code == 0, r.output
    assert "wrote 3 of 3 profiles" in r.stderr and "missing-answer" in r.stderr
    assert all(p.provenance == "illustrative" for p in load_paths([out]).profiles)
    r = run("import", t, "--scheme", scheme_path, "--out-dir", out, "--status", "review")
    assert r.exit_code == 1 and "profile-exists" in r.stderr and "nothing written" in r.stderr
    r = run("import", t, "--scheme", scheme_path, "--out-dir", out, "--status", "final", "--force")
    assert r.exit_code == 1 and "missing-answer" in r.stderr  # final with a blank: an error
    r = run("import", t, "--scheme", scheme_path, "--out-dir", out, "--status", "review", "--force", "--dry-run")
    assert r.exit_code == 0 and "would write 3 of 3" in r.stderr
    assert load_file(out / "AT-2020.yaml").profiles[0].status == "review"  # the table's status
    r = run("import", tmp_path / "nope.csv", "--scheme", scheme_path, "--out-dir", out)
    assert r.exit_code == 2
    r = run("import", t, "--scheme", "no-such-scheme", "--out-dir", out)
    assert r.exit_code == 2


def test_read_table_variants(tmp_path):
    t = write_csv(tmp_path / "semi.csv", "\ufeffcountry;year;A\n\nAT;2020;1\n")
    table, probs = read_table(t)
    assert probs == [] and table.header == ["country", "year", "A"] and table.rows == [(3, ["AT", "2020", "1"])]
    t = write_csv(tmp_path / "multi.csv", 'country,year,A\nAT,2020,"two\nlines"\nDE,2020,x,extra\n')
    table, probs = read_table(t)
    assert [r[0] for r in table.rows] == [2, 4]
    assert [(p.line, p.column, p.severity) for p in probs] == [(4, 4, "warning")]
    (tmp_path / "latin.csv").write_bytes("country\nÖsterreich\n".encode("latin-1"))
    assert read_table(tmp_path / "latin.csv")[1][0].code == "bad-table"
    assert read_table(tmp_path / "x.xls")[1][0].code == "bad-table"


# ----------------------------------------------------------------------------------------------
# YAML text


def test_yaml_scalars_read_back_as_their_text():
    import yaml

    from indexer.load import _Loader, value_text

    for t in ["a", "yes", "NO", "n/a", "8", "-5", "010", "4.10", "4.1", "1e-05", "0x1F", "1_000", "null",
              "2018-01-01", "12:30", "LMM.1", "inf", ".5", "a b", "", "é", 'q"uote']:
        out = yaml_scalar(t)
        assert value_text(yaml.load(f"k: {out}", Loader=_Loader)["k"]) == t, t
        assert str(yaml.safe_load(f"k: {out}")["k"]) == t or out.startswith('"'), t
    for x in [1e-05, 55.5, 1e300, -0.1, 100.0, 0.1 + 0.2]:
        assert yaml.load(f"k: {yaml_float(x)}", Loader=_Loader)["k"] == x
    assert canonical_number("8.0") == "8" and canonical_number("4.10") == "4.1" and canonical_number("+3") == "3"


def test_profile_yaml_round_trips_the_demo(tmp_path):
    b = load_paths([REPO / "indicators" / "demo.yaml", DEMO])
    s = b.schemes["demo"]
    for i, p in enumerate(b.profiles_of("demo")):
        f = tmp_path / f"p{i}.yaml"
        f.write_text(profile_yaml(p, s))
        loaded = load_file(f)
        assert loaded.problems == []
        assert same_profile(p, loaded.profiles[0], s), p.path


# ----------------------------------------------------------------------------------------------
# export and round trips


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "parquet"])
def test_demo_export_import_round_trip(tmp_path, fmt):
    out = tmp_path / f"answers.{fmt}"
    r = run("export", "demo", DEMO, "--what", "answers", "--output", out)
    assert r.exit_code == 0, r.output
    b = load_paths([REPO / "indicators" / "demo.yaml", DEMO])
    s = b.schemes["demo"]
    res = import_table(out, s, tmp_path / "p1")
    assert res.ok, res.problems
    originals = {p.key: p for p in b.profiles_of("demo")}
    imported = load_paths([tmp_path / "p1"]).profiles
    assert len(imported) == len(originals) == 4
    for p in imported:
        assert same_profile(originals[p.key], p, s), p.key
    # export the imported profiles and import again: the same files
    out2 = tmp_path / f"again.{fmt}"
    assert run("export", "demo", tmp_path / "p1", "--what", "answers", "--output", out2).exit_code == 0
    assert import_table(out2, s, tmp_path / "p2").ok
    assert files(tmp_path / "p1") == files(tmp_path / "p2")
    # and importing it over the first set changes nothing
    again = import_table(out2, s, tmp_path / "p1")
    assert again.ok and again.written == []


def test_wide_import_export_import(tmp_path, scheme, scheme_path):
    t = write_csv(tmp_path / "w.csv", WIDE)
    assert import_table(t, scheme, tmp_path / "a").ok
    shutil.copy(scheme_path, tmp_path / "a" / "tiny.yaml")
    e = tmp_path / "e.xlsx"
    assert run("export", "tiny", tmp_path / "a", "--what", "answers", "-o", e).exit_code == 0
    assert import_table(e, scheme, tmp_path / "b").ok
    assert files(tmp_path / "b") == {k: v for k, v in files(tmp_path / "a").items() if k != "tiny.yaml"}


def test_given_scores_round_trip(tmp_path, scheme, scheme_path):
    t = write_csv(tmp_path / "s.csv", "country,year,overall,LMM\nAT,2019,55.5,41.75\nDE,2019,,60\nFR,2019,,NA\n")
    res = import_table(t, scheme, tmp_path / "a", kind="scores", provenance="published")
    assert res.ok and [(p.line, p.code, p.severity) for p in res.problems] == [(4, "missing-field", "warning")]
    assert sorted(files(tmp_path / "a")) == ["AT-2019.yaml", "DE-2019.yaml"]
    g = tmp_path / "given.csv"
    assert run("export", scheme_path, tmp_path / "a", "--what", "given", "-o", g).exit_code == 0
    df = pd.read_csv(g)
    assert list(df.code) == ["overall", "LMM", "LMM"] and set(df.scheme_version.astype(str)) == {"2"}
    assert import_table(g, scheme, tmp_path / "b", kind="scores").ok
    assert files(tmp_path / "a") == files(tmp_path / "b")


def test_excel_export_opens_with_openpyxl_and_pandas(tmp_path):
    out = tmp_path / "scores.xlsx"
    r = run("export", "demo", DEMO, "--what", "scores", "--output", out)
    assert r.exit_code == 0, r.output
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["scores", "about"]
    about = {row[0]: row[1] for row in wb["about"].iter_rows(min_row=2, values_only=True)}
    assert about["scheme"] == "demo" and about["scheme_version"] == "1.0" and about["what"] == "scores"
    df = pd.read_excel(out, sheet_name="scores", dtype={"scheme_version": str})
    assert list(df.columns[:2]) == ["scheme", "scheme_version"]
    assert set(df.scheme) == {"demo"} and set(df.scheme_version) == {"1.0"}
    csv = tmp_path / "scores.csv"
    run("export", "demo", DEMO, "-o", csv)
    ref = pd.read_csv(csv, dtype={"scheme_version": str})
    np.testing.assert_array_equal(df.score.to_numpy(), ref.score.to_numpy())  # unrounded in both


def test_export_scores_matches_score_command(tmp_path):
    r1 = run("score", "demo", DEMO, "--format", "csv")
    r2 = run("export", "demo", DEMO)
    a, b = pd.read_csv(pd.io.common.StringIO(r1.stdout)), pd.read_csv(pd.io.common.StringIO(r2.stdout))
    assert list(b.columns) == ["scheme", "scheme_version", "country", "year", "code", "level", "depth", "score",
                               "coverage", "band", "lower", "upper", "provenance", "status", "coding"]
    pd.testing.assert_frame_equal(a, b[a.columns])


def test_parquet_carries_the_scheme(tmp_path):
    import pyarrow.parquet as pq

    out = tmp_path / "a.parquet"
    assert run("export", "demo", DEMO, "--what", "answers", "-o", out).exit_code == 0
    t = pq.read_table(out)
    assert b"indexer" in t.schema.metadata and b'"scheme_version": "1.0"' in t.schema.metadata[b"indexer"]
    df = t.to_pandas()
    assert set(df.scheme) == {"demo"} and list(df.columns[:2]) == ["scheme", "scheme_version"]


def test_answers_frame_columns_and_scores():
    b = load_paths([REPO / "indicators" / "demo.yaml", DEMO])
    s = b.schemes["demo"]
    df = answers_frame(s, b.profiles_of("demo"))
    assert list(df.columns) == ["scheme", "scheme_version", "country", "year", "code", "answer", "score", "source",
                                "note", "url", "quote", "confidence", "status", "provenance", "coder", "reviewer",
                                "notes", "coding"]
    assert len(df) == 4 * len(s.leaves)
    xb = df[(df.country == "XB") & (df.code == "WORK.3")].iloc[0]
    assert xb.answer == "n/a" and np.isnan(xb.score)
    xa = df[(df.country == "XA") & (df.year == 2024) & (df.code == "WORK.2")].iloc[0]
    assert xa.answer == "3" and xa.score == 75.0 and "art. 6" in xa.source
    assert answers_frame(s, []).empty


def test_export_compare(tmp_path):
    out = tmp_path / "c.csv"
    r = run("export", "demo", DEMO, "--what", "compare", "--country", "XA", "--country", "XB", "-o", out)
    assert r.exit_code == 0, r.output
    df = pd.read_csv(out, dtype={"scheme_version": str})
    assert set(df.country) == {"XA", "XB"} and set(df.scheme_version) == {"1.0"}
    assert {"baseline", "gap", "baseline_n"} <= set(df.columns)
    r = run("export", "demo", DEMO, "--what", "compare", "--baseline", "NOPE", "-o", out)
    assert r.exit_code == 1 and "unknown-group" in r.stderr


def test_export_usage(tmp_path):
    assert run("export", "demo", DEMO, "--format", "xlsx").exit_code == 2
    assert run("export", "demo", DEMO, "--year", "2024").exit_code == 2
    r = run("export", "demo", tmp_path, "--what", "answers")
    assert r.exit_code == 0 and r.stdout.startswith("scheme,scheme_version,country")
    assert "no profile" in r.stderr


def test_quote_and_confidence_are_exported_and_imported_back(tmp_path):
    """CODING.md's fields travel with the answers: export --what answers, then import the table."""
    src = tmp_path / "in"
    src.mkdir()
    (src / "p.yaml").write_text(
        "scheme: demo\ncountry: XE\nyear: 2030\nprovenance: illustrative\nanswers:\n"
        "  WORK.1: {answer: a, source: 'Act, art. 5', url: 'https://example.org/5', quote: 'may work', confidence: high}\n"
        "  WORK.2: {answer: 3, source: 'Act, art. 6', quote: 'three years', confidence: medium}\n")
    out = tmp_path / "a.csv"
    assert run("export", "demo", str(src), "--what", "answers", "-o", out).exit_code == 0
    import pandas as pd

    df = pd.read_csv(out, keep_default_na=False).set_index("code")
    assert (df.loc["WORK.1", "quote"], df.loc["WORK.1", "confidence"]) == ("may work", "high")
    assert (df.loc["WORK.2", "quote"], df.loc["WORK.2", "confidence"]) == ("three years", "medium")
    back = tmp_path / "back"
    res = run("import", str(out), "--scheme", "demo", "--out-dir", str(back))
    assert res.exit_code == 0, res.output
    (p,) = load_paths([str(back)]).profiles
    assert (p.citations["WORK.1"].quote, p.citations["WORK.1"].confidence) == ("may work", "high")
    assert p.citations["WORK.2"].confidence == "medium"


def test_import_counts_expected_warnings_instead_of_listing_them(tmp_path):
    """A table of answers has blanks and no citations: those warnings are counted in one line."""
    t = tmp_path / "t.csv"
    t.write_text("country,year,WORK.1,WORK.2,WORK.3,NAT.1,NAT.2\nXA,2030,a,3,yes,5,\nXB,2030,b,4,no,,\n")
    res = run("import", str(t), "--scheme", "demo", "--out-dir", str(tmp_path / "out"))
    assert res.exit_code == 0, res.output
    lines = [ln for ln in res.stderr.splitlines() if ln]
    assert not [ln for ln in lines if "warning missing-" in ln]  # none listed one by one
    assert "warning: 3 missing-answer (expected of a table" in res.stderr
    assert lines[-1].startswith("indexer: wrote 2 of 2 profiles")
