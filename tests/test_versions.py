"""A profile's `scheme_version` against its questions' `revised:` versions: answers given under
an earlier (or unstated) version of a revised question are flagged (`revised-question`), a
profile coded against a later version than the scheme is flagged (`scheme-version-ahead`), and
the version survives the template, the questionnaire, export and import."""

from __future__ import annotations

import re

from conftest import REPO, write_files

from indexer.load import load_paths
from indexer.model import version_key
from indexer.validate import validate_paths

SCHEME = """\
id: vs
title: Versions
version: "2.10"
children:
  - code: A
    children:
      - {code: A1, revised: "2.2", options: [{value: a, score: 100}, {value: b, score: 0}]}
      - {code: A2, revised: "2.10", options: [{value: a, score: 100}, {value: b, score: 0}]}
      - {code: A3, options: [{value: a, score: 100}, {value: b, score: 0}]}
"""


def _profile(version_line: str, answers: str = "  A1: a\n  A2: n/a\n  A3: b\n") -> str:
    return f"scheme: vs\ncountry: XA\nyear: 2024\n{version_line}status: draft\nanswers:\n{answers}"


def located(problems):
    return [(p.line, p.column, p.severity, p.code) for p in problems]


def _check(tmp_path, profile: str, scheme: str = SCHEME):
    files = write_files(tmp_path, {"vs.yaml": scheme, "p.yaml": profile})
    return validate_paths(files)


def test_version_key_orders_dotted_numbers():
    assert version_key("2020.10") > version_key("2020.9") > version_key("2020")
    assert version_key("1.0") == version_key("1") and version_key("v1") is None and version_key("1.") is None


def test_answers_before_a_revision_are_flagged_where_they_stand(tmp_path):
    # stated 2.9: A2 (revised 2.10, answered n/a: a reading of the old wording too) on line 8
    # (scheme, country, year, scheme_version, status, answers:, A1, A2), its value at column 7;
    # A1 (revised 2.2) is not flagged; A3 was never revised
    problems = _check(tmp_path, _profile('scheme_version: "2.9"\n'))
    assert located(problems) == [(8, 7, "warning", "revised-question")]
    assert "A2 was answered against vs 2.9" in problems[0].message and 'scheme_version: "2.10"' in problems[0].message


def test_an_unstated_version_flags_every_revised_answer_and_a_blank_is_not_flagged(tmp_path):
    problems = _check(tmp_path, _profile("", "  A1: a\n  A2:\n  A3: b\n"))
    # A2's blank is missing-answer at `answers:` (line 5); A1 on line 6, its value at column 7
    assert located(problems) == [(5, 1, "warning", "missing-answer"), (6, 7, "warning", "revised-question")]


def test_the_current_version_and_trailing_zeros_are_not_flagged(tmp_path):
    assert _check(tmp_path, _profile('scheme_version: "2.10"\n')) == []
    assert _check(tmp_path, _profile('scheme_version: "2.10.0"\n')) == []


def test_a_version_that_cannot_be_ordered_flags_the_revised_answers(tmp_path):
    problems = _check(tmp_path, _profile('scheme_version: "draft-3"\n'))
    assert [p.line for p in problems if p.code == "revised-question"] == [7, 8]
    assert "cannot be ordered" in problems[0].message


def test_a_later_version_than_the_scheme_is_flagged_at_the_field(tmp_path):
    problems = _check(tmp_path, _profile('scheme_version: "2.11"\n'))
    assert located(problems) == [(4, 17, "warning", "scheme-version-ahead")]


def test_scheme_version_must_be_text(tmp_path):
    problems = _check(tmp_path, _profile("scheme_version: 2.1\n"))
    assert (4, 17, "error", "bad-value") in located(problems)
    # the unquoted number keeps the text written, so the answers are read against 2.1, not "not stated"
    revised = [p.message for p in problems if p.code == "revised-question"]
    assert len(revised) == 2 and all("answered against vs 2.1;" in m for m in revised)


def test_bad_revised_fields_in_a_scheme(tmp_path):
    bad = SCHEME.replace('revised: "2.2"', 'revised: "3.0"').replace('revised: "2.10"', "revised: 2.1")
    bad = bad.replace("  - code: A\n", '  - code: A\n    revised: "2.1"\n')
    files = write_files(tmp_path, {"vs.yaml": bad})
    problems = validate_paths(files)
    # line 6: revised on the composite A; line 8: A1's 3.0 is later than 2.10; line 9: A2's is
    # not a string
    assert [(p.line, p.code) for p in problems] == [(6, "bad-value"), (8, "bad-value"), (9, "bad-value")]
    assert "only a question" in problems[0].message and "later than" in problems[1].message
    nonnum = SCHEME.replace('version: "2.10"', 'version: "v2"')
    problems = validate_paths(write_files(tmp_path / "b", {"vs.yaml": nonnum}))
    assert [p.code for p in problems] == ["bad-value", "bad-value"]


def test_every_bundled_coding_states_the_current_version(in_repo):
    b = load_paths(["indicators/mipex-core.yaml", "country_profiles"])
    scheme = b.schemes["mipex-core"]
    codings = [p for p in b.profiles if p.scheme == "mipex-core" and p.has_answers]
    assert len(codings) == 23 and {p.scheme_version for p in codings} == {scheme.version}
    revised = {n.code: n.revised for n in scheme.leaves if n.revised}
    assert len(revised) == 15 and revised["HEALTH.CHG.1"] == "2020.6" and revised["FR.COND.1"] == "2020.3"
    problems = validate_paths(["indicators/mipex-core.yaml", "country_profiles"])
    assert not [p for p in problems if p.code in ("revised-question", "scheme-version-ahead")]


def test_a_2020_5_coding_is_told_which_answers_to_re_read(tmp_path, in_repo):
    text = (REPO / "country_profiles/KZ/mipex-core-2024.yaml").read_text(encoding="utf-8")
    old = tmp_path / "KZ.yaml"
    old.write_text(text.replace('scheme_version: "2020.6"', 'scheme_version: "2020.5"'), encoding="utf-8")
    problems = [p for p in validate_paths(["indicators/mipex-core.yaml", old]) if p.code == "revised-question"]
    b = load_paths(["indicators/mipex-core.yaml", old])
    kz, scheme = b.profiles[0], b.schemes["mipex-core"]
    expected = [n.code for n in scheme.leaves if n.revised == "2020.6" and kz.answers.get(n.code) is not None]
    assert [p.message.split(" ", 1)[0] for p in problems] == expected and len(expected) >= 4


def test_template_and_questionnaire_write_the_version(in_repo):
    from indexer.app_edit import apply_edits
    from indexer.template import template

    scheme = load_paths(["indicators/mipex-core.yaml"]).schemes["mipex-core"]
    text = template(scheme, "KZ", 2025)
    assert re.search(r'(?m)^year: 2025\nscheme_version: "2020.6"$', text)
    # marking an unversioned profile as read against the current version puts the field after `year`
    before = "scheme: mipex-core\ncountry: KZ\nyear: 2024\nstatus: draft\nanswers:\n  LMM.ACC.1: a\n"
    after = apply_edits(before, scheme, {}, {}, {"scheme_version": ""}, {"scheme_version": "2020.6"})
    assert after == before.replace("year: 2024\n", 'year: 2024\nscheme_version: "2020.6"\n')


def test_export_and_import_keep_each_profile_s_version(tmp_path):
    from indexer.export import answers_frame
    from indexer.tables import import_table

    files = write_files(tmp_path, {"vs.yaml": SCHEME,
                                   "p/a.yaml": _profile('scheme_version: "2.9"\n'),
                                   "p/b.yaml": _profile("").replace("XA", "XB")})
    b = load_paths(files)
    scheme = b.schemes["vs"]
    df = answers_frame(scheme, b.profiles)
    assert dict(zip(df.country, df.scheme_version, strict=False)) == {"XA": "2.9", "XB": ""}
    csv = tmp_path / "answers.csv"
    df.to_csv(csv, index=False)
    res = import_table(csv, scheme, tmp_path / "out", kind="answers")
    assert res.ok
    assert {i.profile.country: i.profile.scheme_version for i in res.profiles} == {"XA": "2.9", "XB": ""}
    assert 'scheme_version: "2.9"' in res.profiles[0].text and "scheme_version" not in res.profiles[1].text


def test_todo_lists_the_answers_to_re_read(tmp_path, in_repo):
    import json

    from click.testing import CliRunner

    from indexer.cli import main

    text = (REPO / "country_profiles/KZ/mipex-core-2024.yaml").read_text(encoding="utf-8")
    old = tmp_path / "KZ.yaml"
    old.write_text(text.replace('scheme_version: "2020.6"', 'scheme_version: "2020.5"'), encoding="utf-8")
    b = load_paths(["indicators/mipex-core.yaml", old])
    kz, scheme = b.profiles[0], b.schemes["mipex-core"]
    expected = [n.code for n in scheme.leaves if n.revised == "2020.6" and kz.answers.get(n.code) is not None]
    run = CliRunner().invoke
    res = run(main, ["todo", "mipex-core", "indicators", str(old), "--country", "KZ", "--format", "json"])
    assert res.exit_code == 0, res.output
    got = json.loads(res.stdout)["reread"]
    assert [x["code"] for x in got] == expected and {x["revised"] for x in got} == {"2020.6"}
    table = run(main, ["todo", "mipex-core", "indicators", str(old), "--country", "KZ"]).stdout
    assert f"Answered before their question was revised ({len(expected)};" in table
    # the bundled coding states the current version: nothing to re-read, and no such line
    now = run(main, ["todo", "mipex-core", "indicators", "country_profiles/KZ", "--country", "KZ", "--format", "json"])
    assert json.loads(now.stdout)["reread"] == []
    assert "Answered before" not in run(main, ["todo", "mipex-core", "indicators", "country_profiles/KZ",
                                               "--country", "KZ"]).stdout
