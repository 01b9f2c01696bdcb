"""The interface's message catalogue (indexer/i18n.py) and the CLDR data it takes from Babel."""

from __future__ import annotations

import string

import pytest

from indexer.i18n import (
    LANGUAGES,
    MESSAGES,
    country_name,
    fmt_number,
    language_name,
    plural_category,
    t,
)

#: CLDR's plural categories of Russian integers (one: 1, 21; few: 2-4, 22; many: 0, 5-20, 25)
RU_PLURALS = {"one", "few", "many"}


def _fields(msg: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(msg) if name}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_key_has_an_entry_in_every_interface_language(lang):
    missing = [key for key, entry in MESSAGES.items() if not entry.get(lang)]
    assert missing == []


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_translations_use_the_english_placeholders(key):
    entry = MESSAGES[key]
    en = entry["en"]
    en_fields = set().union(*(_fields(m) for m in en.values())) if isinstance(en, dict) else _fields(en)
    for lang, msg in entry.items():
        forms = msg.values() if isinstance(msg, dict) else [msg]
        for form in forms:
            assert _fields(form) <= en_fields | {"n"}, (key, lang, form)
        if isinstance(msg, dict):
            assert "other" in msg, (key, lang)
            if lang == "ru":
                assert RU_PLURALS <= set(msg), (key, lang)


def test_russian_plurals_follow_cldr():
    assert [t("count.indicators", "ru", n=n) for n in (1, 2, 5, 11, 21, 22, 58)] == [
        "1 индикатор", "2 индикатора", "5 индикаторов", "11 индикаторов", "21 индикатор", "22 индикатора",
        "58 индикаторов"]
    assert [t("count.indicators", "en", n=n) for n in (1, 58)] == ["1 indicator", "58 indicators"]
    assert plural_category(3, "ru") == "few" and plural_category(1, "en") == "one"


def test_other_languages_fall_back_to_english_message_by_message():
    assert t("template.question", "kk") == t("template.question", "en") == "Q: "
    assert t("template.question", "ru") == "Вопрос: "
    assert t("count.indicators", "hy", n=2) == "2 indicators"
    with pytest.raises(KeyError):
        t("no.such.key", "ru")


def test_cldr_country_names_and_numbers():
    assert country_name("KZ", "ru") == "Казахстан"
    assert country_name("AM", "ru") == "Армения"
    assert country_name("KZ", "kk") == "Қазақстан"
    assert country_name("AM", "hy") == "Հայաստան"
    assert country_name("KZ", "en") == "Kazakhstan"
    # user-assigned demo codes keep this project's names (CLDR's XB is a pseudo-locale)
    assert country_name("XB", "ru") == "Borduria (demo)"
    assert fmt_number(12345.5, "en") == "12,345.5"
    assert fmt_number(12345.5, "ru") == "12\xa0345,5"
    assert fmt_number(66.66666666, "ru") == "66,6667"
    assert fmt_number(50, "ru", 1) == "50,0"
    assert fmt_number(float("nan"), "ru") == "–"
    assert language_name("ru") == "русский" and language_name("ru", "en") == "Russian"


def test_every_note_and_section_key_in_the_code_is_in_the_catalogue():
    """Notes are rendered late (a view, a PDF): a key the code names but the catalogue lacks
    would fail only then. Every literal key of Note.of(...) and of the sections' w(...) is here."""
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[1] / "indexer"
    keys = set()
    for path in root.glob("*.py"):
        text = path.read_text()
        keys |= set(re.findall(r'Note\.of\(\s*"([a-z_.]+)"', text))
        if path.name == "report_sections.py":
            keys |= {f"pdf.rb.{k}" for k in re.findall(r'\bw\("([a-z_.]+)"', text.split("def transfer_section")[0])}
            keys |= {f"pdf.tr.{k}" for k in re.findall(r'\bw\("([a-z_.]+)"', text.split("def transfer_section")[1])}
    assert len(keys) > 40
    assert sorted(k for k in keys if k not in MESSAGES) == []
    for status in ("sure", "possibly", "no"):  # keys built from a value
        assert f"pdf.tr.edits.{status}" in MESSAGES and f"pdf.tr.none.{status}" in MESSAGES
