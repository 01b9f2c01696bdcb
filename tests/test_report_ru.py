"""indexer report --lang ru: the profile's words, the scheme's texts, the country's name and
its numbers in Russian; the scores are the same as in English."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from indexer.cli import main
from indexer.i18n import t
from indexer.load import load_paths
from indexer.report import report_data, view
from indexer.translate import translated

pypdf = pytest.importorskip("pypdf")

REPO = Path(__file__).resolve().parents[1]
ARGS = ["mipex-core", str(REPO / "indicators"), str(REPO / "country_profiles"), "--country", "KZ",
        "--baseline", "EU27", "--runs", "0"]


def pdf_text(path: Path) -> str:
    return " ".join(" ".join((p.extract_text() or "") for p in pypdf.PdfReader(path).pages).split())


@pytest.fixture(scope="module")
def bundle():
    return load_paths([str(REPO / "indicators"), str(REPO / "country_profiles")])


def test_report_data_in_russian_has_the_english_scores(bundle):
    scheme = bundle.schemes["mipex-core"]
    profiles = bundle.profiles_of("mipex-core")
    eu27 = bundle.groups["EU27"]
    en = report_data(scheme, profiles, "KZ", group=eu27)
    ru = report_data(scheme, profiles, "KZ", group=eu27, lang="ru")
    for key in ("score", "baseline", "gap", "rank", "lower", "upper", "coverage"):
        assert ru["overall"][key] == en["overall"][key], key
    assert [a["score"] for a in ru["areas"]] == [a["score"] for a in en["areas"]]
    assert [a["code"] for a in ru["areas"]] == [a["code"] for a in en["areas"]]
    ru_scheme = translated(scheme, "ru")[0]
    assert [a["title"] for a in ru["areas"]] == [ru_scheme.node(a["code"]).title for a in ru["areas"]]
    assert ru["areas"][0]["title"] != en["areas"][0]["title"]
    assert ru["country"]["name"] == "Казахстан" and ru["overall"]["title"] == "Общая оценка"
    v = view(ru)
    assert v["w"]["overall_score"] == "Общая оценка" and v["lang"] == "ru"
    assert "," in v["overall"]["bounds"] or v["overall"]["bounds"] == ""  # 25,5–65,8: the Russian decimal comma
    assert v["areas"][0]["band"] in {*ru_scheme_bands(scheme), ""}


def ru_scheme_bands(scheme) -> set[str]:  # noqa: ANN001
    tr = translated(scheme, "ru")[1]
    return set(tr.bands.values())


def test_report_lang_ru_writes_a_russian_pdf(tmp_path: Path, bundle):
    ru_pdf, en_pdf = tmp_path / "kz-ru.pdf", tmp_path / "kz-en.pdf"
    res = CliRunner().invoke(main, ["report", *ARGS, "--lang", "ru", "-o", str(ru_pdf)])
    assert res.exit_code == 0, res.output
    res = CliRunner().invoke(main, ["report", *ARGS, "-o", str(en_pdf)])
    assert res.exit_code == 0, res.output
    ru, en = pdf_text(ru_pdf), pdf_text(en_pdf)
    for words in ("ПРОФИЛЬ СТРАНЫ", "Казахстан", "Отчётный год", "Общая оценка", "Охват",
                  "Мобильность на рынке труда", "Приложение: все ответы"):
        assert words in ru, words
    assert "COUNTRY PROFILE" not in ru and "Reference year" not in ru and "Annex" not in ru
    # the closing "About the index" paragraph is the scheme's source, translated too
    assert "Неофициальная реконструкция" in " ".join(ru.split()) and "Unofficial reconstruction" not in ru
    assert "Unofficial reconstruction" in " ".join(en.split())
    # the same overall score (bounds while partly coded), written with a decimal comma
    scheme = bundle.schemes["mipex-core"]
    d = report_data(scheme, bundle.profiles_of("mipex-core"), "KZ", group=bundle.groups["EU27"])
    ov = d["overall"]
    if ov["score"] is not None:
        assert f"{ov['score']:.1f}" in en and f"{ov['score']:.1f}".replace(".", ",") in ru
    else:
        en_b = f"{ov['lower']:.1f}–{ov['upper']:.1f}"
        assert en_b in en and en_b.replace(".", ",") in ru


def test_report_lang_rejects_an_unknown_language(tmp_path: Path):
    res = CliRunner().invoke(main, ["report", *ARGS, "--lang", "xx", "-o", str(tmp_path / "x.pdf")])
    assert res.exit_code == 2


#: the English headings of the profile and of its sections beyond MIPEX (robustness, transfer),
#: and the opening words of their sentences and columns: none may appear in a Russian profile
ENGLISH_TITLES = [t(k, "en") for k in (
    "pdf.rb.title", "pdf.tr.title", "pdf.tr.title_short", "pdf.sw_indicators", "pdf.todo", "pdf.annex_answers",
    "pdf.annex_sources", "pdf.answers_changed", "pdf.rb.col.st", "pdf.rb.col.s1", "pdf.rb.col.factor",
    "pdf.tr.col.gain", "pdf.tr.col.overall_after", "pdf.tr.col.bounds_after", "pdf.tr.models", "pdf.tr.greedy",
    "pdf.tr.search", "pdf.rb.factor.aggregation", "pdf.rb.factor.missing")] + [
    "Robustness", "Policy transfer", "Monte Carlo, seed", "Sobol' total effects", "Thin baseline", "has no overall score",
    "The fewest", "Largest gaps", "Scores by", "Changes since", "Country profile", "Overall score"]


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_russian_profile_with_runs_has_no_english_section_titles(tmp_path: Path, lang):
    """--runs adds the robustness and policy-transfer sections; in Russian, their titles,
    sentences, columns and notes are Russian (the English run shows the check can fail)."""
    out = tmp_path / f"kz-{lang}.pdf"
    args = [a if a != "0" else "200" for a in ARGS]
    res = CliRunner().invoke(main, ["report", *args, "--lang", lang, "-o", str(out)])
    assert res.exit_code == 0, res.output
    text = pdf_text(out)
    found = [title for title in ENGLISH_TITLES if title in text]
    if lang == "ru":
        assert found == []
        for key in ("pdf.rb.title", "pdf.tr.title", "pdf.rb.col.factor", "pdf.tr.col.models"):
            assert t(key, "ru") in text, key
    else:
        assert {t("pdf.rb.title", "en"), t("pdf.tr.title", "en"), "Monte Carlo, seed"} <= set(found)


def test_sections_beyond_mipex_in_russian(bundle):
    """The robustness and transfer sections as data: Russian words, CLDR numbers (decimal comma,
    non-breaking space before %), the scheme's titles translated; the rank band as numbers."""
    from indexer.report_sections import analyses

    scheme = bundle.schemes["mipex-core"]
    profiles = bundle.profiles_of("mipex-core")
    ex = analyses(scheme, profiles, "KZ", group=bundle.groups["EU27"], runs=200, lang="ru")
    en = analyses(scheme, profiles, "KZ", group=bundle.groups["EU27"], runs=200)
    rb, tr = ex["robustness"], ex["transfer"]
    assert rb["title"] == "Устойчивость места в рейтинге" and rb["columns"][0] == "допущение"
    assert rb.get("overall") == en["robustness"].get("overall")  # the band is the same whatever the language
    assert [r[1].replace(",", ".").replace("−", "-") for r in rb["rows"]] == [r[1] for r in en["robustness"]["rows"]]
    assert "Метод Монте-Карло" in rb["note"] and "±25\xa0%" in rb["note"]
    assert tr["title"] == "Перенос норм: минимальная реформа"
    assert len(tr["rows"]) == len(en["transfer"]["rows"])
    ru_scheme = translated(scheme, "ru")[0]
    for row, en_row in zip(tr["rows"], en["transfer"]["rows"], strict=True):
        code = row[1].split(" ")[0]
        assert code == en_row[1].split(" ")[0] and row[1] == f"{code} {ru_scheme.node(code).title}"
        assert row[4] == en_row[4].replace(".", ",")  # gain, 2 decimals
