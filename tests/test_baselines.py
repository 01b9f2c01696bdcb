"""Baselines that rest on their members: thin values (n below half the group) and the reason
given where no member has a score. Synthetic data; numbers by hand."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import profile_yaml
from test_compare import SCHEME

from indexer.cli import main
from indexer.compare import (
    Scored,
    compare,
    empty_baseline_notes,
    empty_baseline_reason,
    is_thin,
    thin_note,
    thin_notes,
)
from indexer.load import load_paths

GROUPS = """\
groups:
  H: {title: Five, members: [AT, BE, CY, DK, EE]}
  E: {title: Two, members: [CY, EE]}
  F: {title: Four, members: [AT, BE, CY, DK]}
"""


@pytest.fixture
def data(tmp_path: Path) -> Path:
    files = {
        "tiny.yaml": SCHEME,
        "groups.yaml": GROUPS,
        # AT: A = (100 + 50·3)/4 = 62.5, B = 100, overall 81.25
        "AT-2024.yaml": profile_yaml("AT", {"A1": "a", "A2": "b", "B1": "a"}),
        # BE: A = 75, B = 0, overall 37.5
        "BE-2024.yaml": profile_yaml("BE", {"A1": "c", "A2": "a", "B1": "c"}),
        # CY: A = 50, B unanswered, overall 50
        "CY-2024.yaml": profile_yaml("CY", {"A1": "b", "A2": "b", "B1": None}),
    }
    for name, text in files.items():
        (tmp_path / name).write_text(text)
    return tmp_path


def test_is_thin_kernel() -> None:
    # fewer than half: 2 of 5 is thin, 2 of 4 is not (exactly half), 0 is no baseline at all
    assert is_thin(2, 5) and not is_thin(3, 5) and not is_thin(2, 4) and not is_thin(0, 5)
    assert is_thin([1, 2, 3, 0], 6).tolist() == [True, True, False, False]


def test_thin_flags_in_the_table(data: Path) -> None:
    b = load_paths([data])
    s = b.schemes["tiny"]
    cmp_ = compare(s, b.profiles, ["AT"], group=b.groups["H"], stat="median")
    by = cmp_.baseline_rows().set_index("code")
    # overall: AT, BE, CY → n = 3 of 5, median 50; B: AT 100, BE 0 → n = 2 of 5, median 50 (thin)
    assert by.loc["overall", "baseline_n"] == 3 and by.loc["overall", "baseline"] == 50
    assert not by.loc["overall", "thin"]
    assert by.loc["B", "baseline_n"] == 2 and by.loc["B", "baseline"] == 50 and by.loc["B", "thin"]
    assert cmp_.thin_codes() == ["B", "B1"] and cmp_.thin_codes(["A", "B"]) == ["B"]
    assert "B (n = 2)" in thin_note(cmp_) and "5 members" in thin_note(cmp_)
    (note,) = thin_notes(cmp_)
    assert note.key == "note.base.thin" and note.values["n"] == 5 and note.values["group"] == "H"
    assert [a.values for a in note.values["at"]] == [{"code": "B", "n": 2}, {"code": "B1", "n": 2}]
    assert note.text("ru").startswith("Малочисленная база сравнения: в узлах B (n = 2), B1 (n = 2) показатель «H: медиана»")
    assert "из 5 членов группы" in note.text("ru")
    # the same two members of a group of four are exactly half: not thin
    four = compare(s, b.profiles, ["AT"], group=b.groups["F"], stat="median")
    assert four.thin_codes() == [] and thin_note(four) == ""


def test_empty_baseline_says_why(data: Path) -> None:
    b = load_paths([data])
    s = b.schemes["tiny"]
    scored = Scored.of(s, b.profiles)
    cmp_ = compare(s, scored, ["CY"], group=b.groups["E"], stat="mean")
    assert cmp_.empty_codes() == ["B", "B1"]
    why = empty_baseline_reason(cmp_, scored)
    assert "at B, B1" in why
    assert "CY (2024, expert)" in why and "EE has none" in why
    assert "CY is compared and also a member" in why
    assert "nothing answered there: CY" in why
    # the same as data, and in Russian
    notes = empty_baseline_notes(cmp_, scored)
    assert [n.key for n in notes] == ["note.base.none", "note.base.have_one", "note.base.own", "note.base.why"]
    assert " ".join(map(str, notes)) == why
    ru = " ".join(n.text("ru") for n in notes)
    assert "Ни у одного члена E нет оценки в узлах B, B1, поэтому показателя «E: среднее» там нет." in ru
    assert "Из 2 членов группы профиль tiny до 2024 г. есть у CY (2024, expert); у EE профиля нет." in ru
    assert "В узле B у членов, имеющих профиль: ответов там нет — CY." in ru
    # a group with a baseline everywhere needs no words
    full = compare(s, scored, ["AT"], group=b.groups["F"])
    assert empty_baseline_reason(full, scored) == ""


def test_cli_marks_thin_and_explains_empty(data: Path) -> None:
    r = CliRunner().invoke(main, ["compare", str(data / "tiny.yaml"), str(data), "--country", "AT",
                                  "--baseline", "H", "--stat", "median"])
    assert r.exit_code == 0, r.output
    b_line = next(x for x in r.output.splitlines() if x.startswith("  B "))
    assert " 2*" in b_line
    assert "* Thin baseline: at B (n = 2), B1 (n = 2)" in r.output
    r = CliRunner().invoke(main, ["compare", str(data / "tiny.yaml"), str(data), "--country", "CY",
                                  "--baseline", "E"])
    assert r.exit_code == 0, r.output
    assert "No member of E has a score at B, B1" in r.output


def test_many_thin_nodes_are_counted_by_level(data: Path, monkeypatch) -> None:  # noqa: ANN001
    """Past THIN_LISTED thin nodes the note counts them per level, with the range of n, instead
    of naming each; a level with few thin nodes is still named node by node."""
    import indexer.compare as compare_mod

    b = load_paths([data])
    s = b.schemes["tiny"]
    cmp_ = compare(s, b.profiles, ["AT"], group=b.groups["H"], stat="median")
    assert cmp_.thin_codes() == ["B", "B1"]  # one thin node at each of two levels
    monkeypatch.setattr(compare_mod, "THIN_LISTED", 0)
    (note,) = thin_notes(cmp_)
    at = note.values["at"]
    assert [a.key for a in at] == ["note.base.thin_level", "note.base.thin_level"]
    assert [(a.values["k"], a.values["level"], a.values["range"]) for a in at] == [
        (1, s.node("B").level, "2"), (1, s.node("B1").level, "2")]
    monkeypatch.setattr(compare_mod, "THIN_LISTED", 1)  # 2 thin nodes > 1, but each level has one: named
    (note,) = thin_notes(cmp_)
    assert [a.key for a in note.values["at"]] == ["note.base.thin_at", "note.base.thin_at"]


def test_thin_note_on_the_bundled_data_counts_levels() -> None:
    """KZ against the EU27 (published area scores for most members, answers for few): the
    indicator and question rows are thin; the note counts them by level with n's range, as the
    table has them, instead of naming 100-odd codes."""
    from indexer.compare import THIN_LISTED

    b = load_paths([Path(__file__).parents[1] / "indicators", Path(__file__).parents[1] / "country_profiles"])
    s = b.schemes["mipex-core"]
    cmp_ = compare(s, b.profiles, ["KZ"], group=b.groups["EU27"], stat="mean")
    rows = cmp_.baseline_rows()
    thin = rows[rows.thin]
    assert len(thin) > THIN_LISTED
    (note,) = thin_notes(cmp_)
    counted = {a.values["level"]: a for a in note.values["at"] if a.key == "note.base.thin_level"}
    for lv, a in counted.items():
        at_lv = thin[thin.level == lv]
        lo, hi = int(at_lv.baseline_n.min()), int(at_lv.baseline_n.max())
        assert a.values["k"] == len(at_lv) > THIN_LISTED
        assert a.values["range"] == (str(lo) if lo == hi else f"{lo}–{hi}")
    named = [a.values["code"] for a in note.values["at"] if a.key == "note.base.thin_at"]
    assert sum(a.values["k"] for a in counted.values()) + len(named) == len(thin)
    assert "question" in counted
