"""The interface's own words in several languages: one message catalogue, plus CLDR data (Babel).

``t(key, lang, **kw)`` gives a message in ``lang`` (``"en"``, ``"ru"``; any other language code
falls back to English message by message), formatted with ``kw``. A message may have plural
forms chosen by CLDR's plural rules for the language (Babel): give ``n=`` and write the entry as
``{"one": ..., "few": ..., "many": ..., "other": ...}`` (Russian needs three forms: 1 индикатор,
2 индикатора, 5 индикаторов). Country names, language names and numbers come from CLDR through
Babel (:func:`country_name`, :func:`language_name`, :func:`fmt_number`), never from tables here.

Why a catalogue of our own rather than gettext ``.po``/``.mo`` files: the messages are few, the
app, the CLI and the PDF share them, and a Python dict needs no compile step (a ``.mo`` file is
a build artefact that goes stale), keeps each English message beside its translations for the
reviewer, and makes "every key has a Russian entry" a one-line test. Babel still does what a
hand-written table would get wrong: plural categories, country names, number formats. Adding a
language (``kk``, ``hy``) means adding its entries; missing ones show in English.

The *scheme's* texts (questions, options, bands) are not here: they are data, in translation
files beside the scheme (``indexer.translate``).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from babel import Locale, UnknownLocaleError
from babel.numbers import format_decimal

#: the language everything is written in first, and the fallback of every message
DEFAULT_LANGUAGE = "en"
#: languages whose catalogue is complete (a test checks it); the app offers these
LANGUAGES = ("en", "ru")

Entry = str | dict[str, str]

#: key -> language -> message (or plural forms). Keys name the place that shows the message.
MESSAGES: dict[str, dict[str, Entry]] = {
    # --- indexer template: the questionnaire's header and comments
    "template.title": {
        "en": "Questionnaire: {title} ({id}, version {version})",
        "ru": "Анкета: {title} ({id}, версия {version})",
    },
    "template.country": {
        "en": "Country: {code} ({name}), reference year {year}.",
        "ru": "Страна: {code} ({name}), отчётный год {year}.",
    },
    "template.language": {
        "en": "Texts in {language}; the YAML keys, codes and option values stay in English.",
        "ru": "Тексты на русском языке; ключи YAML, коды и значения вариантов ответа остаются на английском.",
    },
    "template.stale": {
        "en": "{n} texts are shown in English: their translation is missing or out of date.",
        "ru": "Текстов, показанных на английском (перевода нет или он устарел): {n}.",
    },
    "template.how1": {
        "en": "Answer each indicator with one option value (or a number for numeric indicators),",
        "ru": "Ответьте на каждый индикатор одним значением варианта (или числом для числовых индикаторов)",
    },
    "template.how2": {
        "en": "or n/a where it does not apply. Cite the law behind every answer in the long form:",
        "ru": "либо n/a, если он неприменим. Для каждого ответа укажите норму закона в полной форме:",
    },
    "template.example1": {
        "en": '  CODE: {{answer: b, source: "Law No. ..., art. N", url: "https://...",',
        "ru": '  КОД: {{answer: b, source: "Закон № ..., ст. N", url: "https://...",',
    },
    "template.example2": {
        "en": "         quote: \"the provision's own words\", confidence: high, note: \"...\"}}",
        "ru": '         quote: "дословный текст нормы", confidence: high, note: "..."}}',
    },
    "template.confidence": {
        "en": "(confidence: high when the quoted provision settles the answer by itself, else medium).",
        "ru": "(confidence: high, если процитированная норма сама по себе определяет ответ, иначе medium).",
    },
    "template.blank": {
        "en": "Leave an answer blank until you know it: blank answers are reported as missing.",
        "ru": "Оставляйте ответ пустым, пока он неизвестен: пустые ответы отмечаются как отсутствующие.",
    },
    "template.question": {"en": "Q: ", "ru": "Вопрос: "},
    "template.help": {"en": "help: ", "ru": "Пояснение: "},
    "template.numeric": {
        "en": "a number{unit}, {range}, best {best}",
        "ru": "число{unit}, {range}, лучшее значение — {best}",
    },
    "template.normalised": {
        "en": "normalised ({method}) across countries",
        "ru": "нормируется ({method}) по странам",
    },
    "best.low": {"en": "low", "ru": "наименьшее"},
    "best.high": {"en": "high", "ru": "наибольшее"},
    # --- indexer template / translate: what was written
    "cli.wrote": {"en": "wrote {what} to {path}", "ru": "записано: {what}, файл {path}"},
    "cli.wrote_template": {
        "en": "a blank {scheme} questionnaire for {country} {year} ({count})",
        "ru": "пустая анкета {scheme} для {country} {year} ({count})",
    },
    "count.indicators": {
        "en": {"one": "{n} indicator", "other": "{n} indicators"},
        "ru": {"one": "{n} индикатор", "few": "{n} индикатора", "many": "{n} индикаторов", "other": "{n} индикатора"},
    },
    "count.questions": {
        "en": {"one": "{n} question", "other": "{n} questions"},
        "ru": {"one": "{n} вопрос", "few": "{n} вопроса", "many": "{n} вопросов", "other": "{n} вопроса"},
    },
    "translate.summary": {
        "en": "{language}: {done} of {total} texts translated, {missing} untranslated, {stale} stale",
        "ru": "{language}: переведено текстов — {done} из {total}, без перевода — {missing}, устаревших — {stale}",
    },
    # --- words for values shown to readers (app, PDF)
    "answer.not_applicable": {"en": "not applicable", "ru": "неприменимо"},
    "answer.blank": {"en": "not answered", "ru": "нет ответа"},
    "level.overall": {"en": "overall", "ru": "общая оценка"},
    "language.label": {"en": "Language", "ru": "Язык"},
}


def _take_app_messages() -> None:
    from .i18n_app import APP_MESSAGES
    from .i18n_notes import NOTE_MESSAGES
    from .i18n_pages import PAGE_MESSAGES
    from .i18n_report import REPORT_MESSAGES

    for more in (APP_MESSAGES, PAGE_MESSAGES, REPORT_MESSAGES, NOTE_MESSAGES):
        clash = set(more) & set(MESSAGES)
        assert not clash, clash
        MESSAGES.update(more)


_take_app_messages()


def t(key: str, lang: str = DEFAULT_LANGUAGE, /, **kw: Any) -> str:
    """The message ``key`` in ``lang`` (English where the language has no entry), formatted
    with ``kw``. With ``n=`` and plural forms, the form CLDR's rules choose for ``n``.
    An unknown key is a programming error: ``KeyError``."""
    entry = MESSAGES[key]
    msg = entry.get(lang)
    if msg is None:
        msg, lang = entry[DEFAULT_LANGUAGE], DEFAULT_LANGUAGE
    if isinstance(msg, dict):
        n = kw.get("n")
        category = plural_category(n, lang) if isinstance(n, int | float) else "other"
        msg = msg.get(category) or msg["other"]
        if isinstance(n, int | float) and "n" in kw:
            kw = {**kw, "n": fmt_number(n, lang)}
    # every message is a format string (a literal brace is written twice)
    return msg.format(**kw)


@lru_cache(maxsize=64)
def _locale(lang: str) -> Locale:
    try:
        return Locale.parse(lang.replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        return Locale.parse(DEFAULT_LANGUAGE)


def plural_category(n: float, lang: str = DEFAULT_LANGUAGE) -> str:
    """CLDR's plural category of ``n`` in ``lang``: ``one``, ``few``, ``many`` or ``other``."""
    return str(_locale(lang).plural_form(abs(n)))


def fmt_number(x: float, lang: str = DEFAULT_LANGUAGE, digits: int | None = None) -> str:
    """A number as ``lang`` writes it (CLDR): ``12,345.5`` in English, ``12 345,5`` in Russian.
    ``digits``: exactly that many decimals; None: up to 6 significant digits, no trailing zeros."""
    if x != x:  # NaN
        return "–"
    if digits is None:
        value = float(f"{x:.6g}")
        pattern = "#,##0.######"
    else:
        value = round(float(x), digits)
        pattern = "#,##0" + ("." + "0" * digits if digits > 0 else "")
    return format_decimal(value, format=pattern, locale=_locale(lang))


def country_name(code: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """A country's name in ``lang``: CLDR's (``KZ`` → Казахстан, Қазақстан, Ղազախստան); in
    English, and for this project's user-assigned demo codes, ``indexer.countries``' name."""
    from .countries import USER_ASSIGNED_NAMES
    from .countries import country_name as english_name

    if lang == DEFAULT_LANGUAGE or (code in USER_ASSIGNED_NAMES and code != "XK"):
        return english_name(code)
    return _locale(lang).territories.get(code) or english_name(code)


def language_name(lang: str, in_lang: str | None = None) -> str:
    """A language's own name (``ru`` → русский), or its name in ``in_lang``."""
    loc = _locale(lang)
    name = loc.get_display_name(_locale(in_lang or lang)) or lang
    return name


__all__ = ["t", "MESSAGES", "LANGUAGES", "DEFAULT_LANGUAGE", "plural_category", "fmt_number",
           "country_name", "language_name"]
