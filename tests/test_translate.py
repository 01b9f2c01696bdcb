"""Translation files (indexer/translate.py): parsed by the loader, checked against their scheme
(unknown codes and options are errors; untranslated and stale texts warnings), shown through
``localise`` (English where a translation is missing or stale), written by `indexer translate`.

Positions of problems are counted by hand in the small files below (lines and columns from 1).
"""

from __future__ import annotations

import re

import pytest
import yaml
from conftest import REPO, write_files
from hypothesis import given, settings
from hypothesis import strategies as st

from indexer.cli import main
from indexer.load import load_file, load_paths
from indexer.translate import (
    Text,
    Translation,
    check_translation,
    fingerprint,
    load_translation,
    localise,
    skeleton,
    source_labels,
    source_texts,
    translated,
)
from indexer.validate import validate_paths

SCHEME = """\
id: t
title: Tiny
version: "1"
levels: [area, indicator]
bands:
  - {min: 50, label: Good}
  - {min: 0, label: Poor}
children:
  - code: A
    title: Area A
    children:
      - code: A1
        title: First
        section: Rights
        question: May a foreign resident work?
        help: See the law.
        options:
          - {value: a, label: "Yes", score: 100}
          - {value: b, label: "No", score: 0}
"""

QUESTION = "May a foreign resident work?"


def _ru(question_source: str | None = None, extra: str = "") -> str:
    """A complete Russian translation of SCHEME, every text fingerprinted."""
    q = fingerprint(QUESTION) if question_source is None else question_source
    return f"""\
translation: t
language: ru
title: {{text: Малый, source: "{fingerprint('Tiny')}"}}
levels: {{area: область, indicator: индикатор}}
sections: {{Rights: Права}}
bands: {{Good: Хорошо, Poor: Плохо}}
nodes:
  A:
    title: {{text: Область А, source: "{fingerprint('Area A')}"}}
  A1:
    title: {{text: Первый, source: "{fingerprint('First')}"}}
    question: {{text: Может ли иностранец работать?, source: "{q}"}}
    help: {{text: См. закон., source: "{fingerprint('See the law.')}"}}
    options:
      a: {{text: Да, source: "{fingerprint('Yes')}"}}
      b: {{text: Нет, source: "{fingerprint('No')}"}}
{extra}"""


def _problems(tmp_path, scheme: str = SCHEME, ru: str | None = None):
    files = write_files(tmp_path, {"t.yaml": scheme, "t.ru.yaml": ru if ru is not None else _ru()})
    return [(p.line, p.column, p.severity, p.code) for p in validate_paths(files) if p.path.endswith("t.ru.yaml")]


def test_complete_translation_has_no_problem(tmp_path):
    assert _problems(tmp_path) == []


def test_loader_parses_a_translation_into_frozen_records(tmp_path):
    (path,) = write_files(tmp_path, {"t.ru.yaml": _ru()})
    b = load_file(path)
    assert b.problems == [] and b.schemes == {} and b.profiles == []
    (tr,) = b.translations
    assert isinstance(tr, Translation) and tr.key == ("t", "ru")
    assert tr.nodes["A1"].question == Text("Может ли иностранец работать?", fingerprint(QUESTION))
    assert tr.nodes["A1"].options["b"].text == "Нет"
    assert tr.band("Good") == "Хорошо" and tr.band("Other") == "Other"
    assert tr.level("area") == "область"
    with pytest.raises(AttributeError):
        tr.language = "kk"  # type: ignore[misc]


def test_unknown_code_and_unknown_option_are_errors(tmp_path):
    extra = "  Z9:\n    title: {text: Нет такого}\n"
    ru = _ru(extra=extra).replace("      b: {text: Нет", "      c: {text: Нет")
    # `      c: ...` is line 16 (its key at column 7); `  Z9:` is line 17, column 3; option b is
    # now untranslated (at `  A1:`, line 10)
    assert _problems(tmp_path, ru=ru) == [
        (10, 3, "warning", "untranslated"),
        (16, 7, "error", "unknown-option"),
        (17, 3, "error", "unknown-code"),
    ]


def test_untranslated_texts_are_warnings(tmp_path):
    ru = "\n".join(ln for ln in _ru().splitlines() if "question:" not in ln and not ln.startswith("bands")) + "\n"
    # A1's question (one warning at `  A1:`, line 9 after removing `bands` on line 6) and both bands
    # (at the top, line 1: the file has no `bands:` key any more)
    got = _problems(tmp_path, ru=ru)
    assert got == [(1, 1, "warning", "untranslated"), (9, 3, "warning", "untranslated")]
    msgs = [p.message for p in validate_paths([tmp_path]) if p.code == "untranslated"]
    assert any(m.startswith("A1: question not translated") for m in msgs)
    assert any(m.startswith("2 band labels not translated") for m in msgs)


def test_changed_english_question_makes_its_translation_stale(tmp_path):
    assert _problems(tmp_path) == []
    changed = SCHEME.replace(QUESTION, "May a foreign resident work in the public sector?")
    # the stale question: `    question: {text: ...` on line 12, its value at column 15
    assert _problems(tmp_path, scheme=changed) == [(12, 15, "warning", "stale-translation")]
    # the shown scheme falls back to the English for that text only
    b = load_paths([tmp_path])
    shown = localise(b.schemes["t"], b.translations[0])
    assert shown.node("A1").question == "May a foreign resident work in the public sector?"
    assert shown.node("A1").title == "Первый"
    assert [o.label for o in shown.node("A1").options] == ["Да", "Нет"]


def test_rewrapping_the_english_keeps_the_fingerprint(tmp_path):
    rewrapped = SCHEME.replace(f"question: {QUESTION}", "question: >-\n          May a foreign\n          resident work?")
    assert _problems(tmp_path, scheme=rewrapped) == []


def test_text_without_fingerprint_is_reported(tmp_path):
    ru = _ru().replace(f'{{text: Первый, source: "{fingerprint("First")}"}}', "Первый")
    # `    title: Первый` on line 11, value at column 12
    assert _problems(tmp_path, ru=ru) == [(11, 12, "warning", "stale-translation")]


def test_changed_section_or_band_label_is_stale_and_untranslated(tmp_path):
    changed = SCHEME.replace("section: Rights", "section: Rights of workers").replace("label: Good", "label: Fine")
    got = _problems(tmp_path, scheme=changed)
    # the new labels are untranslated (at `sections:` line 5 and `bands:` line 6, column 1); the
    # old ones are stale (their keys `Rights` at 5:12 and `Good` at 6:9)
    assert sorted(got) == [(5, 1, "warning", "untranslated"), (5, 12, "warning", "stale-translation"),
                           (6, 1, "warning", "untranslated"), (6, 9, "warning", "stale-translation")]


def test_bad_values_unknown_scheme_and_duplicates(tmp_path):
    bad = _ru().replace("language: ru", "language: Russian").replace(
        f'source: "{fingerprint("Yes")}"', 'source: "zz"')
    # `language: Russian` value at 2:11; `      a: {text: Да, source: "zz"}` source at 15:29
    assert _problems(tmp_path, ru=bad) == [(2, 11, "error", "bad-value"), (15, 29, "error", "bad-value")]
    files = write_files(tmp_path / "x", {"nope.ru.yaml": _ru().replace("translation: t", "translation: nope")})
    assert [(p.line, p.column, p.code) for p in validate_paths(files)] == [(1, 14, "unknown-scheme")]
    files = write_files(tmp_path / "y", {"t.yaml": SCHEME, "a.ru.yaml": _ru(), "b.ru.yaml": _ru()})
    dup = [p for p in validate_paths(files) if p.code == "duplicate-translation"]
    assert [(p.path.endswith("b.ru.yaml"), p.line, p.severity) for p in dup] == [(True, 2, "error")]


def test_unquoted_digit_fingerprint_is_read_as_its_text(tmp_path):
    scheme = SCHEME.replace("title: First", "title: X")
    fp = fingerprint("X")
    ru = _ru().replace(f'{{text: Первый, source: "{fingerprint("First")}"}}', f"{{text: Первый, source: {fp}}}")
    assert re.fullmatch(r"[0-9a-f]{8}", fp)
    assert _problems(tmp_path, scheme=scheme, ru=ru) == []


# ----------------------------------------------------------------------------------------------
# the bundled Russian translation of mipex-core

def _mipex():
    b = load_paths([REPO / "indicators" / "mipex-core.yaml"])
    return b.schemes["mipex-core"]


def test_mipex_core_russian_translation_is_complete_and_current():
    scheme = _mipex()
    tr, problems = load_translation(scheme, "ru")
    assert problems == []
    assert tr is not None and tr.language == "ru"
    assert check_translation(tr, scheme) == []
    # every text of the scheme: title, description, source (citation) + 8 areas + 6 FR, 7 EDU,
    # 6 PR, 6 AD and 6 HEALTH indicators (composites of questions since 2020.3, 2020.4, 2020.5 and
    # 2020.6) + 138 x (title, question, help) + 138 x 3 option labels
    keys = [k for k, _ in source_texts(scheme)]
    assert len(scheme.leaves) == 138 and len(keys) == 3 + 8 + 6 + 7 + 6 + 6 + 6 + 138 * 3 + 138 * 3
    shown = localise(scheme, tr)
    cyrillic = re.compile("[а-яё]", re.I)
    for n in shown.nodes[1:]:
        assert cyrillic.search(n.title), n.code
        if n.is_leaf:
            assert cyrillic.search(n.question) and cyrillic.search(n.help), n.code
            assert all(cyrillic.search(o.label) for o in n.options), n.code
            assert n.section and cyrillic.search(n.section), n.code
    labels = source_labels(scheme)
    assert set(tr.sections) == set(labels["sections"]) and len(labels["sections"]) == 26
    assert [tr.band(b.label) for b in scheme.bands] == [
        "Благоприятная", "Скорее благоприятная", "Отчасти благоприятная", "Скорее неблагоприятная",
        "Неблагоприятная", "Крайне неблагоприятная"]
    # codes, values, scores, levels and bands are untouched: localising changes no number
    assert [(n.code, n.level, n.weight, tuple((o.value, o.score) for o in n.options)) for n in shown.nodes] == \
        [(n.code, n.level, n.weight, tuple((o.value, o.score) for o in n.options)) for n in scheme.nodes]
    assert shown.bands == scheme.bands


def test_translated_is_the_one_call_for_views(tmp_path):
    scheme = _mipex()
    shown, tr, problems = translated(scheme, "ru")
    assert problems == [] and tr is not None
    assert shown.node("FR").title == "Воссоединение семьи" and tr.band("Favourable") == "Благоприятная"
    assert translated(scheme, "en") == (scheme, None, [])
    assert translated(scheme, "hy") == (scheme, None, [])  # no file: English
    write_files(tmp_path, {"t.yaml": SCHEME, "t.ru.yaml": _ru(extra="  Z9: {title: x}\n")})
    tiny = load_paths([tmp_path / "t.yaml"]).schemes["t"]
    shown, tr, problems = translated(tiny, "ru")
    assert shown is tiny and tr is None and [p.code for p in problems] == ["unknown-code"]


def test_mipex_core_terminology():
    """Terms of the region's legislation and the EU instruments' Russian names are used."""
    text = (REPO / "indicators" / "mipex-core.ru.yaml").read_text(encoding="utf-8")
    flat = " ".join(text.split())
    for term in (r"вид[а-я]* на жительство", r"разрешени[а-я]* на временное проживание",
                 r"разрешени[а-я]* на постоянное проживание", r"при[её]м[а-я]* в гражданство",
                 r"иностранц[а-я]* и лиц[а-я]* без гражданства", r"воссоединени[а-я]* семьи",
                 r"Директива Совета 2003/86/ЕС о праве на воссоединение семьи",
                 r"Европейская конвенция о гражданстве", r"ЕКПЧ"):
        assert re.search(term, flat), term


def test_validate_indicators_reports_nothing_for_the_translation(in_repo):
    problems = validate_paths([REPO / "indicators"])
    assert [str(p) for p in problems if "mipex-core.ru" in p.path] == []


# ----------------------------------------------------------------------------------------------
# indexer template --lang


def test_template_in_russian_validates_as_a_draft(tmp_path, runner, in_repo):
    out = tmp_path / "KZ.yaml"
    res = runner.invoke(main, ["template", "mipex-core", "--country", "KZ", "--year", "2025", "--lang", "ru",
                               "--output", str(out)])
    assert res.exit_code == 0, res.output
    assert "138 вопросов" in res.output
    problems = validate_paths([out])
    assert {p.code for p in problems} == {"missing-answer"} and len(problems) == 138
    text = out.read_text(encoding="utf-8")
    assert "# Страна: KZ (Казахстан), отчётный год 2025." in text
    assert "# Вопрос: Может ли иностранец, чьё разрешение на проживание допускает трудовую деятельность" in text
    assert "# --- Доступ к рынку труда" in text and "(область политики)" in text
    # YAML keys and values stay English; no English question is left
    data = yaml.safe_load(text)
    assert data["scheme"] == "mipex-core" and data["status"] == "draft" and len(data["answers"]) == 138
    scheme = _mipex()
    assert not any(n.question in " ".join(text.split()) for n in scheme.leaves)


def test_template_english_is_unchanged_by_lang_en(tmp_path, runner, in_repo):
    a = runner.invoke(main, ["template", "mipex-core", "--country", "KZ", "--year", "2025"])
    b = runner.invoke(main, ["template", "mipex-core", "--country", "KZ", "--year", "2025", "--lang", "en"])
    assert a.exit_code == b.exit_code == 0 and a.output == b.output
    assert "# Country: KZ (Kazakhstan), reference year 2025." in a.output


def test_template_lang_without_translation_is_wrong_usage(runner, in_repo):
    res = runner.invoke(main, ["template", "mipex-core", "--country", "AM", "--year", "2025", "--lang", "hy"])
    assert res.exit_code == 2 and "languages: en, ru" in res.output
    res = runner.invoke(main, ["template", "mipex-core", "--country", "AM", "--year", "2025", "--lang", "RU!"])
    assert res.exit_code == 2


def test_template_with_a_broken_translation_is_invalid_input(tmp_path, runner):
    write_files(tmp_path, {"t.yaml": SCHEME, "t.ru.yaml": _ru(extra="  Z9: {title: x}\n")})
    res = runner.invoke(main, ["template", str(tmp_path / "t.yaml"), "--country", "KZ", "--year", "2025",
                               "--lang", "ru"])
    assert res.exit_code == 1 and "unknown-code" in res.output


def test_template_with_a_stale_text_shows_english_and_says_so(tmp_path, runner):
    changed = SCHEME.replace(QUESTION, "May a foreign resident work at all?")
    write_files(tmp_path, {"t.yaml": changed, "t.ru.yaml": _ru()})
    res = runner.invoke(main, ["template", str(tmp_path / "t.yaml"), "--country", "KZ", "--year", "2025",
                               "--lang", "ru"])
    assert res.exit_code == 0
    assert "# Вопрос: May a foreign resident work at all?" in res.stdout
    assert "Текстов, показанных на английском (перевода нет или он устарел): 1." in res.stdout
    assert "# A1 Первый" in res.stdout and "#   a = Да (100)" in res.stdout


# ----------------------------------------------------------------------------------------------
# indexer translate


def test_translate_writes_a_skeleton_then_refreshes_it(tmp_path, runner):
    write_files(tmp_path, {"t.yaml": SCHEME})
    target = tmp_path / "t.kk.yaml"
    res = runner.invoke(main, ["translate", str(tmp_path / "t.yaml"), "--lang", "kk"])
    assert res.exit_code == 0, res.output
    # 7 texts (title, A's title, A1's title, question, help, 2 options) and 5 labels (2 levels,
    # 1 section, 2 bands)
    assert "0 of 12 texts translated, 12 untranslated, 0 stale" in res.output
    # every text untranslated: one warning per node with texts, per label kind, and the title
    codes = [p.code for p in validate_paths([tmp_path])]
    assert codes == ["untranslated"] * 6
    # a translator fills in two texts: the scheme's title (its fingerprint is already there) and a band
    text = target.read_text(encoding="utf-8")
    text = text.replace('text: ""}', 'text: "Бірінші"}', 1).replace('  "Good": ""', '  "Good": "Жақсы"')
    target.write_text(text, encoding="utf-8")
    res = runner.invoke(main, ["translate", str(tmp_path / "t.yaml"), "--lang", "kk"])
    assert res.exit_code == 2 and "--update" in res.output
    res = runner.invoke(main, ["translate", str(tmp_path / "t.yaml"), "--lang", "kk", "--update"])
    assert res.exit_code == 0, res.output
    assert "2 of 12 texts translated" in res.output
    tr = load_file(target).translations[0]
    assert tr.title == Text("Бірінші", fingerprint("Tiny")) and tr.bands == {"Good": "Жақсы"}
    # refreshing again changes nothing
    before = target.read_bytes()
    assert runner.invoke(main, ["translate", str(tmp_path / "t.yaml"), "--lang", "kk", "--update"]).exit_code == 0
    assert target.read_bytes() == before


def test_translate_keeps_stale_fingerprints_and_never_writes_less(tmp_path, runner):
    write_files(tmp_path, {"t.yaml": SCHEME, "t.ru.yaml": _ru()})
    (tmp_path / "t.yaml").write_text(SCHEME.replace(QUESTION, "May they work?"), encoding="utf-8")
    res = runner.invoke(main, ["translate", str(tmp_path / "t.yaml"), "--lang", "ru", "--update"])
    assert res.exit_code == 0 and ", 1 stale" in res.output
    tr = load_file(tmp_path / "t.ru.yaml").translations[0]
    assert tr.nodes["A1"].question == Text("Может ли иностранец работать?", fingerprint(QUESTION))
    assert "# en: May they work?" in (tmp_path / "t.ru.yaml").read_text(encoding="utf-8")
    # the English help is removed: its translation would be lost, so the file is left alone
    (tmp_path / "t.yaml").write_text(SCHEME.replace("        help: See the law.\n", ""), encoding="utf-8")
    before = (tmp_path / "t.ru.yaml").read_bytes()
    res = runner.invoke(main, ["translate", str(tmp_path / "t.yaml"), "--lang", "ru", "--update"])
    assert res.exit_code == 1 and "--prune" in res.output
    assert (tmp_path / "t.ru.yaml").read_bytes() == before
    res = runner.invoke(main, ["translate", str(tmp_path / "t.yaml"), "--lang", "ru", "--update", "--prune"])
    assert res.exit_code == 0
    assert load_file(tmp_path / "t.ru.yaml").translations[0].nodes["A1"].help is None
    # a file with an error is never rewritten
    (tmp_path / "t.ru.yaml").write_text(_ru(extra="  Z9: {title: x}\n"), encoding="utf-8")
    before = (tmp_path / "t.ru.yaml").read_bytes()
    res = runner.invoke(main, ["translate", str(tmp_path / "t.yaml"), "--lang", "ru", "--update"])
    assert res.exit_code == 1 and (tmp_path / "t.ru.yaml").read_bytes() == before


def test_refreshing_the_bundled_russian_changes_nothing(tmp_path, runner, in_repo):
    copy = tmp_path / "ru.yaml"
    copy.write_bytes((REPO / "indicators" / "mipex-core.ru.yaml").read_bytes())
    res = runner.invoke(main, ["translate", "mipex-core", "--lang", "ru", "--update", "--output", str(copy)])
    assert res.exit_code == 0, res.output
    assert "905 of 905 texts translated, 0 untranslated, 0 stale" in res.output
    assert copy.read_bytes() == (REPO / "indicators" / "mipex-core.ru.yaml").read_bytes()


_texts = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=200).filter(str.strip)


def _tiny_scheme():
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as tmp:
        p = Path(tmp) / "t.yaml"
        p.write_text(SCHEME, encoding="utf-8")
        return load_paths([p]).schemes["t"]


TINY = _tiny_scheme()


@settings(max_examples=60, deadline=None)
@given(title=_texts, question=_texts)
def test_skeleton_round_trips_any_text(title, question):
    """Whatever a translator's text is, the written file reads it back (whitespace collapsed)."""
    from indexer.load import _Collector, _Loader
    from indexer.translate import NodeTexts, parse_translation

    tr = Translation("t", "ru", title=Text(title, fingerprint("Tiny")),
                     nodes={"A1": NodeTexts("A1", question=Text(question, fingerprint(QUESTION)))})
    text = skeleton(TINY, "ru", tr)
    data = yaml.load(text, Loader=_Loader)  # noqa: S506 - the project's safe loader
    back = parse_translation(data, _Collector("x", text), "x")
    assert back is not None
    assert " ".join(back.title.text.split()) == " ".join(title.split())
    assert " ".join(back.nodes["A1"].question.text.split()) == " ".join(question.split())
