"""Notes as data (indexer.notes): a catalogue key and its values, rendered in a language late."""

from __future__ import annotations

import json

from indexer.notes import Listed, Note, Num, Pct, fmt_value, say


def test_values_are_formatted_by_cldr_for_the_language():
    assert [fmt_value(v, "en") for v in (Pct(0.4), Pct(0.4567, 1), Num(-0.01, 3), Num(3.5, 1, True), 2000,
                                         Num(float("nan")), ("A", "B"), Listed(("a, b", "c"), "; "))] == [
        "40%", "45.7%", "-0.010", "+3.5", "2,000", "–", "A, B", "a, b; c"]
    assert [fmt_value(v, "ru") for v in (Pct(0.4), Pct(0.4567, 1), Num(-0.01, 3), Num(3.5, 1, True), 2000)] == [
        "40\xa0%", "45,7\xa0%", "−0,010", "+3,5", "2\xa0000"]
    assert fmt_value(Num(55.5, None), "ru") == "55,5" and fmt_value(Num(0.0, 1, True), "en") == "±0.0"


def test_a_note_is_english_by_str_and_any_language_by_text():
    n = Note.of("note.transfer.short", n=5, country="CY", best=Num(80.0), target=Num(90.0))
    assert str(n) == "Even every candidate change (5) lifts CY's overall only to 80.00, short of 90.00."
    assert n.text("ru") == "CY: даже все возможные изменения (5) поднимают общую оценку лишь до 80,00, что ниже целевой (90,00)."
    # no Kazakh entry yet: the English words, with Kazakh (CLDR) numbers
    assert n.text("kk") == "Even every candidate change (5) lifts CY's overall only to 80,00, short of 90,00."
    assert say(n, "ru") == n.text("ru") and say("set", "ru") == "set" and say(None) == ""
    assert hash(n) == hash(Note.of("note.transfer.short", n=5, country="CY", best=Num(80.0), target=Num(90.0)))
    doc = json.loads(json.dumps(n.to_json()))
    assert doc["key"] == "note.transfer.short" and doc["params"]["best"] == 80.0 and doc["text"] == str(n)


def test_the_plural_form_follows_n_and_nested_notes_share_the_language():
    one = Note.of("note.base.thin", at=(Note.of("note.base.thin_at", code="B", n=2),), group="G",
                  stat=Note.of("stat.mean"), n=21)
    many = Note.of("note.base.thin", at=(Note.of("note.base.thin_at", code="B", n=2),), group="G",
                   stat=Note.of("stat.mean"), n=27)
    assert "из 21 члена группы" in one.text("ru") and "из 27 членов группы" in many.text("ru")
    assert "«G: среднее»" in one.text("ru") and "the G mean rests" in str(one)
