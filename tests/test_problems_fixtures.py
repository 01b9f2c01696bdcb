"""Every problem code of SPEC §4 has an invalid fixture (tests/fixtures/invalid/<code>/) whose
problems are asserted exactly: file, line, column, severity and code (counted by hand; lines and
columns from 1; a duplicate where it occurs the second time; missing-answer at `answers:`).

Each fixture folder is validated together with the valid scheme tests/fixtures/valid/fx.yaml
(id `fx`: A{A1 options a/b, A2 numeric 0..10}, B{B1 options yes/no}), which its profiles use.
"""

from __future__ import annotations

import re

import pytest
from conftest import FIXTURES

from indexer.validate import validate_paths

SPEC_CODES = [
    "yaml-syntax", "duplicate-key", "missing-field", "bad-value", "duplicate-code", "empty-node",
    "bad-weight", "duplicate-option", "score-out-of-scale", "unknown-scheme", "unknown-code",
    "not-a-leaf", "unknown-option", "not-a-number", "given-score-conflict", "duplicate-profile",
    "missing-answer",
]

E, W = "error", "warning"

#: code → every problem of its fixture folder: (file, line, column, severity, code)
EXPECTED: dict[str, list[tuple[str, int, int, str, str]]] = {
    # `  A2: 3: 4`: a second ':' at column 8 of line 6
    "yaml-syntax": [("profile.yaml", 6, 8, E, "yaml-syntax")],
    # `  A1: b` repeats A1 (first at line 5): reported at the second, line 8, column 3
    "duplicate-key": [("profile.yaml", 8, 3, E, "duplicate-key")],
    "missing-field": [
        # no `year`: reported at the top mapping, which starts on line 2 after a comment
        ("profile.yaml", 2, 1, E, "missing-field"),
        # `      - {value: b, label: No score}`: the option's `{` at column 9 of line 8
        ("scheme.yaml", 8, 9, E, "missing-field"),
    ],
    "bad-value": [
        # `country: Kazakhstan`: value at column 10;  `status: finished`: column 9
        ("profile.yaml", 2, 10, E, "bad-value"),
        ("profile.yaml", 4, 9, E, "bad-value"),
        # `version: 2020.1` (unquoted: a float) at column 10
        ("scheme.yaml", 3, 10, E, "bad-value"),
        # `      - {value: 010, ...` and `{value: 1.10, ...`: the value at column 17
        ("scheme.yaml", 7, 17, E, "bad-value"),
        ("scheme.yaml", 8, 17, E, "bad-value"),
    ],
    # `      - code: X1` the second time (line 9): the code at column 15
    "duplicate-code": [("scheme.yaml", 9, 15, E, "duplicate-code")],
    "empty-node": [
        # `    children: []`: the `[` at column 15 of line 10
        ("scheme.yaml", 10, 15, E, "empty-node"),
        # `  - code: Z` with neither children, options nor numeric: the node at column 5, line 11
        ("scheme.yaml", 11, 5, E, "empty-node"),
    ],
    "bad-weight": [
        ("scheme.yaml", 6, 13, E, "bad-weight"),  # `    weight: 0`
        ("scheme.yaml", 8, 28, E, "bad-weight"),  # `      - {code: X1, weight: -2, ...`
        ("scheme.yaml", 9, 28, E, "bad-weight"),  # `      - {code: X2, weight: heavy, ...`
    ],
    # `      - {value: a, score: 100}` repeats a (line 7): the value at column 17 of line 9
    "duplicate-option": [("scheme.yaml", 9, 17, E, "duplicate-option")],
    "score-out-of-scale": [
        # `  B: 101` under `scores:` (scale 0..100): the value at column 6 of line 8
        ("profile.yaml", 8, 6, E, "score-out-of-scale"),
        # scale [1, 5]: `  - {min: 0, label: poor}` → 0 at column 11 of line 7
        ("scheme.yaml", 7, 11, E, "score-out-of-scale"),
        # `      - {value: b, score: 0}` → 0 at column 27 of line 12
        ("scheme.yaml", 12, 27, E, "score-out-of-scale"),
    ],
    # `scheme: nope`: the value at column 9
    "unknown-scheme": [("profile.yaml", 1, 9, E, "unknown-scheme")],
    "unknown-code": [
        ("profile.yaml", 8, 3, E, "unknown-code"),  # answers `  C9: a`: the key
        ("profile.yaml", 10, 3, E, "unknown-code"),  # scores `  Q: 50`: the key
    ],
    # `  A: a` answers the area A: the key at column 3 of line 5
    "not-a-leaf": [("profile.yaml", 5, 3, E, "not-a-leaf")],
    "unknown-option": [
        ("profile.yaml", 5, 7, E, "unknown-option"),  # `  A1: d`
        ("profile.yaml", 7, 16, E, "unknown-option"),  # `  B1: {answer: maybe, ...`: the answer
    ],
    "not-a-number": [
        ("profile-1.yaml", 6, 7, E, "not-a-number"),  # `  A2: ten`
        ("profile-2.yaml", 6, 16, E, "not-a-number"),  # `  A2: {answer: "3 years", ...`
    ],
    # `  A1: n/a` under `scores: {A: 50}` (n/a counts as an answer): the key, line 5 column 3
    "given-score-conflict": [("profile.yaml", 5, 3, E, "given-score-conflict")],
    # b.yaml repeats a.yaml's fx XA 2024: reported in the second (b.yaml) at `year: 2024`'s value
    "duplicate-profile": [("b.yaml", 3, 7, E, "duplicate-profile")],
    # one per unanswered leaf, at `answers:` (line 6 after a comment), column 1
    "missing-answer": [
        ("draft.yaml", 6, 1, W, "missing-answer"),  # A2 blank
        ("draft.yaml", 6, 1, W, "missing-answer"),  # B1 absent
        ("final.yaml", 6, 1, E, "missing-answer"),  # B1, status final: an error
        ("review.yaml", 6, 1, W, "missing-answer"),  # B1, status review: a warning
        ("zero-final.yaml", 6, 1, E, "missing-answer"),  # Z2 under `missing: zero`: still reported
    ],
}


def test_every_spec_code_has_a_fixture():
    assert sorted(EXPECTED) == sorted(SPEC_CODES)
    for code in SPEC_CODES:
        assert (FIXTURES / "invalid" / code).is_dir(), code


def test_shared_scheme_is_valid(in_repo):
    assert validate_paths([FIXTURES / "valid" / "fx.yaml"]) == []


@pytest.mark.parametrize("code", SPEC_CODES)
def test_fixture_problems(code, in_repo):
    folder = FIXTURES / "invalid" / code
    problems = validate_paths([folder, FIXTURES / "valid" / "fx.yaml"])
    got = sorted((p.path.rsplit("/", 1)[-1], p.line, p.column, p.severity, p.code) for p in problems)
    assert got == sorted(EXPECTED[code])
    for p in problems:
        assert p.message and len(p.message) < 300


LINE = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<sev>error|warning) (?P<code>[a-z]+(-[a-z]+)*): .+$")


@pytest.mark.parametrize("code", ["unknown-option", "missing-answer", "yaml-syntax"])
def test_cli_prints_problems_one_per_line(code, in_repo, runner):
    from indexer.cli import main

    folder = FIXTURES / "invalid" / code
    res = runner.invoke(main, ["validate", str(folder), str(FIXTURES / "valid" / "fx.yaml")])
    lines = res.stdout.splitlines()
    parsed = [LINE.match(ln) for ln in lines]
    assert all(parsed), lines
    got = sorted((m["path"].rsplit("/", 1)[-1], int(m["line"]), int(m["col"]), m["sev"], m["code"]) for m in parsed)
    assert got == sorted(EXPECTED[code])
    assert res.exit_code == 1  # each of these folders has at least one error


def test_warnings_only_exit_0(in_repo, runner, tmp_path):
    from indexer.cli import main

    draft = FIXTURES / "invalid" / "missing-answer" / "draft.yaml"
    res = runner.invoke(main, ["validate", str(draft), str(FIXTURES / "valid" / "fx.yaml")])
    assert res.exit_code == 0
    assert [LINE.match(ln)["code"] for ln in res.stdout.splitlines()] == ["missing-answer"] * 2


def test_json_format(in_repo, runner):
    import json

    from indexer.cli import main

    folder = FIXTURES / "invalid" / "bad-weight"
    res = runner.invoke(main, ["validate", "--format", "json", str(folder)])
    assert res.exit_code == 1
    got = [(d["line"], d["column"], d["severity"], d["code"]) for d in json.loads(res.stdout)]
    assert got == [(6, 13, E, "bad-weight"), (8, 28, E, "bad-weight"), (9, 28, E, "bad-weight")]


@pytest.mark.parametrize("code", SPEC_CODES)
def test_fixture_problems_with_crlf_line_ends(code, in_repo, tmp_path):
    # the same files saved with Windows line ends: the same lines and columns
    folder = tmp_path / code
    folder.mkdir()
    for f in sorted((FIXTURES / "invalid" / code).glob("*.yaml")):
        (folder / f.name).write_bytes(f.read_bytes().replace(b"\n", b"\r\n"))
    problems = validate_paths([folder, FIXTURES / "valid" / "fx.yaml"])
    got = sorted((p.path.rsplit("/", 1)[-1], p.line, p.column, p.severity, p.code) for p in problems)
    assert got == sorted(EXPECTED[code])
