"""indexer report --lang ru: the profile's words, the scheme's texts, the country's name and
its numbers in Russian; the scores are the same as in English."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from indexer.cli import main
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
