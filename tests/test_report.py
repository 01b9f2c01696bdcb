"""indexer report: country profile PDFs, checked through the text pypdf extracts from them."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from click.testing import CliRunner

pytest.importorskip("typst")
pypdf = pytest.importorskip("pypdf")

from indexer.cli import main  # noqa: E402
from indexer.load import load_paths  # noqa: E402
from indexer.report import (  # noqa: E402
    ReportError,
    native_name,
    profile_pdf,
    render_pdf,
    report_all,
    report_data,
)

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "country_profiles" / "demo"
DEMO_SCHEME = ROOT / "indicators" / "demo.yaml"

SCHEME = """\
id: tiny
title: Tiny index
version: "1"
bands:
  - {min: 50, label: Good}
  - {min: 0, label: Poor}
children:
  - code: A
    title: Area A
    children:
      - code: A1
        title: First question
        options: [{value: a, label: Full, score: 100}, {value: b, label: Half, score: 50}, {value: c, label: None, score: 0}]
      - code: A2
        title: Second question
        options: [{value: a, label: Full, score: 100}, {value: b, label: Half, score: 50}, {value: c, label: None, score: 0}]
  - code: B
    title: Area B
    children:
      - code: B1
        title: Third question
        numeric: {min: 0, max: 10, best: low, unit: years}
"""

GROUPS = "groups:\n  G: {title: Test group, members: [AT, DE, AM]}\n"


def _profile(cc: str, year: int, provenance: str, answers: str = "", scores: str = "") -> str:
    out = f"scheme: tiny\ncountry: {cc}\nyear: {year}\nstatus: draft\nprovenance: {provenance}\n"
    if answers:
        out += "answers:\n" + answers
    if scores:
        out += "scores:\n" + scores
    return out


@pytest.fixture
def tiny(tmp_path: Path) -> Path:
    files = {
        "tiny.yaml": SCHEME,
        "groups.yaml": GROUPS,
        "KZ-2024.yaml": _profile("KZ", 2024, "illustrative", (
            '  A1: {answer: b, source: "Law No. 477-IV, art. 49", note: "Checked 2024", url: "https://adilet.zan.kz/eng/docs/Z1100000477"}\n'
            "  A2: a\n  B1: 8\n")),
        "AM-2024.yaml": _profile("AM", 2024, "illustrative", "  A1: a\n  A2: c\n  B1: n/a\n"),
        "AM-2020.yaml": _profile("AM", 2020, "illustrative", "  A1: c\n  A2: c\n  B1: n/a\n"),
        "AT-2024.yaml": _profile("AT", 2024, "expert", "  A1: a\n  A2: a\n  B1: 2\n"),
        "DE-2024.yaml": _profile("DE", 2024, "published", scores="  A: 62.5\n  B: 40\n"),
    }
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def pdf_text(pdf: bytes) -> list[str]:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return [p.extract_text() for p in reader.pages]


def flat(text: str) -> str:
    """Extracted text with line breaks and URL break hints removed, for phrase searches."""
    return " ".join(text.replace("\u200b", "").split())


def cli_overall(scheme: str, paths: list[str], country: str, year: int) -> float:
    """The overall score as `indexer score` computes it."""
    res = CliRunner().invoke(main, ["score", scheme, *paths, "--format", "csv"])
    assert res.exit_code == 0, res.output
    for row in csv.DictReader(io.StringIO(res.stdout)):
        if row["country"] == country and int(row["year"]) == year and row["code"] == "overall":
            return float(row["score"])
    raise AssertionError(f"no overall for {country} {year}")


def test_demo_profile_shows_name_score_baseline_and_notice_on_every_page() -> None:
    b = load_paths([DEMO, DEMO_SCHEME])
    pdf = profile_pdf(b.schemes["demo"], b.profiles, "XA", group=b.groups["DEMO"], stat="median")
    assert pdf.startswith(b"%PDF")
    pages = pdf_text(pdf)
    assert 2 <= len(pages) <= 4
    text = flat("\n".join(pages))
    overall = cli_overall(str(DEMO_SCHEME), [str(DEMO)], "XA", 2024)
    assert "Atlantis" in text
    assert f"{overall:.1f}" in text  # 92.4, formatted as shown
    assert "DEMO median" in text
    assert "Changes since 2020" in text  # XA has a 2020 profile
    assert "Atlantis Aliens Act, art. 5 (fictional)" in text  # the annex cites the law
    for page in pages:
        assert "ILLUSTRATIVE DATA" in page


def test_native_names_print_and_extract(tiny: Path) -> None:
    assert native_name("KZ") == "Қазақстан"
    assert native_name("AM") == "Հայաստան"
    assert native_name("XA") is None
    b = load_paths([tiny])
    s = b.schemes["tiny"]
    kz = flat("\n".join(pdf_text(profile_pdf(s, b.profiles, "KZ", group=b.groups["G"]))))
    assert "Kazakhstan" in kz and "Қазақстан" in kz
    assert "Law No. 477-IV, art. 49" in kz and "https://adilet.zan.kz/eng/docs/Z1100000477" in kz
    am = flat("\n".join(pdf_text(profile_pdf(s, b.profiles, "AM", group=b.groups["G"]))))
    assert "Armenia" in am and "Հայաստան" in am
    assert "Changes since 2020" in am and "not applicable" in am


def test_report_data_is_plain_and_matches_the_score(tiny: Path) -> None:
    import json

    b = load_paths([tiny])
    s = b.schemes["tiny"]
    d = report_data(s, b.profiles, "KZ", group=b.groups["G"], stat="mean")
    json.dumps(d)  # plain data only
    assert d["overall"]["score"] == pytest.approx(cli_overall(str(tiny / "tiny.yaml"), [str(tiny)], "KZ", 2024))
    assert d["baseline"]["group"] == "G" and d["baseline"]["stat"] == "mean"
    assert d["baseline"]["is_member"] is False
    assert d["overall"]["rank_n"] == 4  # AT, DE, AM and KZ itself
    assert d["illustrative"] and d["notice"]
    assert [r["code"] for r in d["annex"]["rows"]] == ["A1", "A2", "B1"]
    assert d["annex"]["rows"][0]["source"] == "Law No. 477-IV, art. 49"
    assert d["changes"] is None
    with pytest.raises(ReportError):
        report_data(s, b.profiles, "FR", group=b.groups["G"])


def test_published_profile_says_it_has_no_answers(tiny: Path) -> None:
    b = load_paths([tiny])
    d = report_data(b.schemes["tiny"], b.profiles, "DE", group=b.groups["G"])
    assert d["annex"]["kind"] == "scores" and not d["annex"]["rows"]
    assert d["strength_basis"] == "given"
    pages = pdf_text(render_pdf(d))
    text = flat("\n".join(pages))
    assert "Germany" in text and "Deutschland" in text
    assert "published scores" in text and "no answers or cited laws to list" in text
    assert "ILLUSTRATIVE" not in text


def test_extras_are_placed_in_the_report(tiny: Path) -> None:
    b = load_paths([tiny])
    extras = {
        "robustness": {"title": "Robustness of the rank", "overall": {"lo": 2, "hi": 3},
                       "columns": ["Area", "Rank 5 %", "Rank 95 %"], "rows": [["Area A", 1, 3]],
                       "note": "1,000 Monte Carlo runs."},
        "transfer": {"title": "Policy transfer", "text": "Adopting AT's answers would close most gaps."},
        "other": {"title": "Another section", "text": "Free text."},
    }
    d = report_data(b.schemes["tiny"], b.profiles, "KZ", group=b.groups["G"], extras=extras)
    text = flat("\n".join(pdf_text(render_pdf(d))))
    for phrase in ("Robustness of the rank", "5–95 % band: 2–3", "1,000 Monte Carlo runs.",
                   "Policy transfer", "Adopting AT's answers", "Another section"):
        assert phrase in text
    with pytest.raises(ReportError):
        report_data(b.schemes["tiny"], b.profiles, "KZ", extras={"bad": "not a mapping"})


def test_report_all_in_process(tiny: Path, tmp_path: Path) -> None:
    b = load_paths([tiny])
    seen = []
    paths = report_all(b.schemes["tiny"], b.profiles, ["KZ", "AM"], tmp_path / "out", group=b.groups["G"],
                       workers=1, progress=lambda c, p: seen.append(c))
    assert [Path(p).name for p in paths] == ["KZ-tiny-2024.pdf", "AM-tiny-2024.pdf"]
    assert sorted(seen) == ["AM", "KZ"]
    assert all(Path(p).read_bytes().startswith(b"%PDF") for p in paths)


# ----------------------------------------------------------------------------------------------
# command line


def run(*args: str):  # noqa: ANN201
    return CliRunner().invoke(main, ["report", *args])


def test_cli_one_country(tmp_path: Path) -> None:
    out = tmp_path / "xb.pdf"
    res = run("demo", str(DEMO), "--country", "XB", "--baseline", "DEMO", "--output", str(out))
    assert res.exit_code == 0, res.output
    text = flat("\n".join(pdf_text(out.read_bytes())))
    overall = cli_overall("demo", [str(DEMO)], "XB", 2024)
    assert "Borduria" in text and f"{overall:.1f}" in text and "DEMO mean" in text  # the default statistic
    assert list(tmp_path.iterdir()) == [out]  # no temporary file left behind


def test_cli_all_writes_one_pdf_per_country(tmp_path: Path) -> None:
    out = tmp_path / "pdfs"
    res = run("demo", str(DEMO), "--all", "--group", "DEMO", "--output-dir", str(out), "--workers", "2")
    assert res.exit_code == 0, res.output
    assert sorted(p.name for p in out.iterdir()) == ["XA-demo-2024.pdf", "XB-demo-2024.pdf", "XC-demo-2024.pdf"]
    for p in out.iterdir():
        text = flat("\n".join(pdf_text(p.read_bytes())))
        assert "DEMO mean" in text  # --group is the default baseline, the mean the default statistic
    assert "wrote 3 profiles" in res.stderr


def test_cli_bad_input_exits_1_without_output(tmp_path: Path) -> None:
    out = tmp_path / "x.pdf"
    res = run("demo", str(DEMO), "--country", "XA", "--baseline", "NOPE", "--output", str(out))
    assert res.exit_code == 1 and "unknown-group" in res.stderr and "Traceback" not in res.output
    res = run("demo", str(DEMO), "--country", "FR", "--output", str(out))
    assert res.exit_code == 1 and "no-profile" in res.stderr
    res = run("demo", str(DEMO), "--country", "XA", "--year", "2010", "--output", str(out))
    assert res.exit_code == 1 and "cannot-report" in res.stderr
    res = run("demo", str(DEMO), "--all", "--group", "NOPE", "--output-dir", str(tmp_path / "d"))
    assert res.exit_code == 1 and "unknown-group" in res.stderr
    assert not out.exists() and not (tmp_path / "d").exists()
    for r in (res,):
        assert not isinstance(r.exception, Exception) or isinstance(r.exception, SystemExit)


@pytest.mark.parametrize("args", [
    ["--country", "XA"],  # no --output
    ["--all"],  # no --output-dir
    ["--country", "XA", "--all", "--output", "x.pdf"],
    ["--country", "xaa", "--output", "x.pdf"],
    ["--country", "XA", "--output", "x.pdf", "--stat", "mode"],
    ["--all", "--output-dir", "d", "--output", "x.pdf"],
])
def test_cli_usage_errors_exit_2(args: list[str], tmp_path: Path) -> None:
    res = CliRunner().invoke(main, ["report", "demo", str(DEMO), *args])
    assert res.exit_code == 2, res.output
    assert "Traceback" not in res.output


def test_partly_coded_profile_shows_bounds_verdicts_and_what_to_code_next() -> None:
    # XC 2024 leaves NAT.2 blank (options 0..100): NAT = (100 + NAT.2)/2 → 50..100; WORK 25/3 final;
    # overall (25/3 + 50)/2 = 29.17 .. (25/3 + 100)/2 = 54.17
    b = load_paths([DEMO, DEMO_SCHEME])
    d = report_data(b.schemes["demo"], b.profiles, "XC", group=b.groups["DEMO"], stat="median")
    nat = next(a for a in d["areas"] if a["code"] == "NAT")
    assert (nat["lower"], nat["upper"]) == (50.0, 100.0)
    assert d["overall"]["lower"] == pytest.approx((25 / 3 + 50) / 2)
    work = next(a for a in d["areas"] if a["code"] == "WORK")
    assert work["lower"] == work["upper"] == pytest.approx(25 / 3)
    # DEMO median of WORK: XA 95.8, XB 0, XC 8.3 → 8.3 = XC's own: equal; NAT 50..100 against the median
    # of members' bounds (XA 88.9, XB 36.1, XC 50..100 → 50 .. 88.9): undetermined
    assert (work["verdict"], nat["verdict"]) == ("equal", "undetermined")
    assert [o["code"] for o in d["todo"]["open"]] == ["NAT.2"]
    assert d["todo"]["open"][0]["swing"] == 25.0  # share 1/2 · 1/2 × range 100
    text = flat("\n".join(pdf_text(render_pdf(d))))
    assert "What to code next" in text
    assert "50.0–100.0" in text  # NAT's interval in the area table
    assert "undetermined" in text


def test_changes_compare_a_profile_with_its_own_coding_only(tiny: Path) -> None:
    """A published profile of an earlier year is another coding, not an earlier state of a desk
    coding: the difference would be the coders', so no 'changes' are reported; the same
    coding's earlier year is (AM 2020 -> 2024: A1 c -> a)."""
    (tiny / "KZ-2020.yaml").write_text(_profile("KZ", 2020, "published", scores="  A: 10\n  B: 20\n"),
                                       encoding="utf-8")
    b = load_paths([tiny])
    s = b.schemes["tiny"]
    assert report_data(s, b.profiles, "KZ", group=b.groups["G"])["changes"] is None
    am = report_data(s, b.profiles, "AM", group=b.groups["G"])["changes"]
    assert am["previous_year"] == 2020 and [a["code"] for a in am["answers"]] == ["A1"]


def test_transfer_section_names_the_coding_it_plans_on() -> None:
    """Germany's profile shows MIPEX's published overall (published figures first), but the
    smallest reform reads the coding that answers indicators (the desk coding): the section says
    which, so the two overalls on one PDF are not taken for one figure."""
    from indexer.report_sections import transfer_section

    repo = Path(__file__).resolve().parents[1]
    b = load_paths([repo / "indicators" / "mipex-core.yaml", repo / "country_profiles"])
    s = b.schemes["mipex-core"]
    ps = [p for p in b.profiles if p.scheme == "mipex-core"]
    d = transfer_section(s, ps, "DE", b.groups["EU27"], year=2024)
    assert "coding that answers indicators: desk (illustrative) 2024" in d["text"]
    ru = transfer_section(s, ps, "DE", b.groups["EU27"], year=2024, lang="ru")
    assert "desk (illustrative), 2024 г." in ru["text"]


def test_history_joins_one_coding_only(tiny: Path) -> None:
    """The trend line of a desk coding does not run through another coding's earlier years."""
    (tiny / "KZ-2020.yaml").write_text(_profile("KZ", 2020, "published", scores="  A: 10\n  B: 20\n"),
                                       encoding="utf-8")
    b = load_paths([tiny])
    s = b.schemes["tiny"]
    assert report_data(s, b.profiles, "KZ", group=b.groups["G"])["history"]["years"] == [2024]
    assert report_data(s, b.profiles, "AM", group=b.groups["G"])["history"]["years"] == [2020, 2024]
