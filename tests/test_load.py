"""Loading: YAML typing (no booleans, text kept), the parsed model, and problems of single files."""

from __future__ import annotations

import pytest
from conftest import FIXTURES, profile_text

from indexer.load import LexFloat, LexInt, load_paths, number_of, read_yaml, value_text

SCHEME = """
id: t
title: Test
version: "1"
children:
  - code: A
    children:
      - code: A1
        options:
          - {value: yes, score: 100}
          - {value: no, score: 0}
          - {value: on, score: 60}
          - {value: off, score: 40}
      - code: A2
        options: [{value: true, score: 100}, {value: false, score: 0}, {value: 67, score: 67}]
  - code: B
    children:
      - {code: B1, numeric: {min: 0, max: 10}}
"""


def codes(problems):
    return [p.code for p in problems]


def test_yes_no_on_off_stay_strings(load_yaml, problems_of):
    b = load_yaml({"t.yaml": SCHEME})
    assert b.problems == []
    s = b.schemes["t"]
    assert [o.value for o in s.node("A1").options] == ["yes", "no", "on", "off"]
    assert [o.value for o in s.node("A2").options] == ["true", "false", "67"]
    # answered unquoted, they match their options
    p = profile_text("A1: no\nA2: false\nB1: 3")
    assert problems_of({"t.yaml": SCHEME, "p.yaml": p}) == []


def test_country_no_stays_a_string(load_yaml):
    b = load_yaml({"t.yaml": SCHEME, "p.yaml": profile_text("A1: on\nA2: 67\nB1: 1", country="NO")})
    assert b.problems == []
    (p,) = b.profiles
    assert p.country == "NO" and isinstance(p.country, str)
    assert p.answers == {"A1": "on", "A2": "67", "B1": "1"}


def test_answer_67_matches_option_67(problems_of):
    # 67 unquoted (an int) and "67" quoted are the same answer
    for ans in ("67", '"67"'):
        assert problems_of({"t.yaml": SCHEME, "p.yaml": profile_text(f"A1: yes\nA2: {ans}\nB1: 0")}) == []


@pytest.mark.parametrize("answer", ['"8"', "8", "8.5", '" 8 "', "-2", '"1e1"', "{answer: '8', source: x}"])
def test_numeric_leaf_accepts_numbers_and_strings_that_read_as_one(problems_of, answer):
    assert problems_of({"t.yaml": SCHEME, "p.yaml": profile_text(f"A1: yes\nA2: 67\nB1: {answer}")}) == []


@pytest.mark.parametrize("answer", ["eight", '"8 years"', '".nan"', '"inf"', "[8]"])
def test_numeric_leaf_refuses_what_is_not_a_number(problems_of, answer):
    probs = problems_of({"t.yaml": SCHEME, "p.yaml": profile_text(f"A1: yes\nA2: 67\nB1: {answer}")})
    # a list is no value at all (bad-value; the leaf then also counts as unanswered)
    assert [p.code for p in probs if p.is_error] == (["bad-value"] if answer == "[8]" else ["not-a-number"])


@pytest.mark.parametrize("answer", ["2.50", "0.50", "1.5e+3", "010"])
def test_numeric_leaf_accepts_numbers_written_in_any_form(problems_of, answer):
    # SPEC §3: a numeric leaf accepts a number; `2.50` is one, though YAML does not keep its text
    assert problems_of({"t.yaml": SCHEME, "p.yaml": profile_text(f"A1: yes\nA2: 67\nB1: {answer}")}) == []


def test_numeric_answer_written_2_50_scores_as_2_5(score_yaml):
    r = score_yaml(SCHEME, profile_text("A1: yes\nA2: 67\nB1: 2.50"))
    # 2.5/10 · 100 = 25
    assert r["B1"].score == pytest.approx(25.0)


def test_option_values_that_yaml_would_not_keep(load_yaml):
    bad = SCHEME.replace("{value: 67, score: 67}", "{value: 010, score: 67}")
    b = load_yaml({"t.yaml": bad})
    assert codes(b.problems) == ["bad-value"]
    assert b.schemes == {}
    bad = SCHEME.replace("{value: 67, score: 67}", "{value: 1.10, score: 67}")
    assert codes(load_yaml({"t.yaml": bad}).problems) == ["bad-value"]
    # quoted, they keep their text... but `010` and `1.10` are still not values (SPEC §1)
    for v in ('"1.5"', "1.5", "-3", "a/b", "x_y-z"):
        good = SCHEME.replace("{value: 67, score: 67}", f"{{value: {v}, score: 67}}")
        assert load_yaml({"t.yaml": good}).problems == [], v


def test_lex_numbers_remember_their_text(tmp_path):
    f = tmp_path / "x.yaml"
    f.write_text("a: 010\nb: 1.10\nc: 10\nd: 1.5\ne: 1_000\nf: .5\n")
    raw = read_yaml(f)
    d = raw.data
    assert isinstance(d["a"], LexInt) and d["a"].text == "010"
    assert isinstance(d["b"], LexFloat) and d["b"].text == "1.10"
    assert type(d["c"]) is int and type(d["d"]) is float
    assert value_text(d["a"]) is None and value_text(d["b"]) is None
    assert value_text(d["c"]) == "10" and value_text(d["d"]) == "1.5"
    assert isinstance(d["e"], LexInt) and isinstance(d["f"], LexFloat)


def test_number_of():
    assert number_of("8") == 8.0
    assert number_of(" 8 ") == 8.0
    assert number_of(7) == 7.0
    assert number_of(True) is None
    assert number_of("nan") is None
    assert number_of("x" * 100) is None
    assert number_of(None) is None


@pytest.mark.parametrize(("version", "ok"), [('"2020.1"', True), ("2020.1", False), ("1", False), ("v2", True)])
def test_version_must_be_a_string(load_yaml, version, ok):
    s = SCHEME.replace('version: "1"', f"version: {version}")
    got = codes(load_yaml({"t.yaml": s}).problems)
    assert got == ([] if ok else ["bad-value"])


def test_model_tree(load_yaml):
    s = load_yaml({"t.yaml": SCHEME}).schemes["t"]
    assert [n.code for n in s.nodes] == ["overall", "A", "A1", "A2", "B", "B1"]
    assert [n.level for n in s.nodes] == ["overall", "area", "dimension", "dimension", "area", "dimension"]
    assert s.parents["A1"] == "A" and s.parents["A"] == "overall" and s.parents["overall"] is None
    assert [n.code for n in s.leaves] == ["A1", "A2", "B1"]
    assert s.ancestors("B1") == ["B", "overall"]
    assert s.scale == (0.0, 100.0) and s.aggregation == "mean" and s.missing == "skip"
    assert s.node("B1").numeric.best == "high"


def test_profile_model(load_yaml):
    p = """
    scheme: t
    country: XA
    year: 2024
    status: review
    provenance: official
    answers:
      A1: yes
      A2: {answer: 67, source: "Law 1, art. 2", url: "https://example.org"}
      B1:
    scores:
      B: 12.5
    """
    b = load_yaml({"t.yaml": SCHEME, "p.yaml": p})
    (pr,) = b.profiles
    assert pr.key == ("t", "XA", 2024, "official") and pr.coding == "official"  # coding: the provenance by default
    assert (pr.status, pr.provenance) == ("review", "official")
    assert pr.answers == {"A1": "yes", "A2": "67", "B1": None}
    assert pr.citations["A2"].source == "Law 1, art. 2"
    assert pr.scores == {"B": 12.5}


def test_defaults_of_a_profile(load_yaml):
    b = load_yaml({"t.yaml": SCHEME, "p.yaml": "scheme: t\ncountry: XA\nyear: 2024\nanswers:\n  A1: yes\n"})
    (pr,) = b.profiles
    assert (pr.status, pr.provenance) == ("draft", "expert")


def test_unknown_field_is_a_warning(load_yaml):
    b = load_yaml({"t.yaml": SCHEME.replace("title: Test", "title: Test\ncolour: blue")})
    (p,) = b.problems
    assert (p.code, p.severity, p.line, p.column) == ("unknown-field", "warning", 3, 1)
    assert "t" in b.schemes


def test_duplicate_key_in_a_scheme_at_the_second(load_yaml):
    s = SCHEME.replace('version: "1"', 'version: "1"\ntitle: Again')
    b = load_yaml({"t.yaml": s})
    assert [(p.code, p.line, p.column) for p in b.problems] == [("duplicate-key", 4, 1)]


def test_duplicate_key_nested(load_yaml):
    s = SCHEME.replace("- {code: B1, numeric: {min: 0, max: 10}}", "- {code: B1, numeric: {min: 0, max: 10, min: 1}}")
    b = load_yaml({"t.yaml": s})
    (p,) = b.problems
    # `      - {code: B1, numeric: {min: 0, max: 10, min: 1}}`: the second `min` at column 47
    assert (p.code, p.line, p.column) == ("duplicate-key", 17, 47)


def test_byte_order_mark_is_fine(tmp_path):
    f = tmp_path / "t.yaml"
    f.write_bytes(b"\xef\xbb\xbf" + SCHEME.encode())
    b = load_paths([f])
    assert b.problems == [] and "t" in b.schemes


def test_not_utf8_located_at_the_byte(tmp_path):
    f = tmp_path / "t.yaml"
    f.write_bytes(b"id: t\ntitle: Caf\xe9\n")
    b = load_paths([f])
    assert [(p.code, p.line, p.column) for p in b.problems] == [("yaml-syntax", 2, 11)]


def test_folders_are_read_recursively_yaml_and_yml(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "t.yml").write_text(SCHEME)
    (tmp_path / "a" / "p.yaml").write_text(profile_text("A1: yes\nA2: 67\nB1: 2"))
    (tmp_path / "a" / "notes.txt").write_text(": not yaml [")
    b = load_paths([tmp_path])
    assert b.problems == []
    assert list(b.schemes) == ["t"] and len(b.profiles) == 1


def test_group_file(load_yaml):
    g = """
    groups:
      DEMO: {title: Demo, members: [XA, XB, NO]}
      PAIR: [XA, XC]
    """
    b = load_yaml({"g.yaml": g})
    assert b.problems == []
    assert b.groups["DEMO"].members == ("XA", "XB", "NO")
    assert b.groups["PAIR"].members == ("XA", "XC")


def test_group_problems(load_yaml):
    g = """
    groups:
      DEMO: {title: Demo, members: [XA, xb, XA]}
    """
    b = load_yaml({"g.yaml": g})
    assert sorted((p.code, p.line, p.column) for p in b.problems) == [
        # `  DEMO: {title: Demo, members: [XA, xb, XA]}`: xb at column 37, the second XA at 41
        ("bad-value", 2, 37), ("duplicate-code", 2, 41)]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "missing-field"),  # an empty file
        ("# only a comment\n", "missing-field"),
        ("- a\n- b\n", "unknown-file-kind"),  # a list at top level
        ("just text\n", "unknown-file-kind"),
        ("title: neither\n", "unknown-file-kind"),
        ("a: [1, 2\n", "yaml-syntax"),
        ("a: !!timestamp nope\n", "yaml-syntax"),  # PyYAML raises AttributeError here
        ("a: !!bool nope\n", "yaml-syntax"),  # ... and KeyError here
        ("a: !!python/object:os.system x\n", "yaml-syntax"),
        ("? [a]\n: 1\n", "yaml-syntax"),  # an unhashable key
        ("a: " + "9" * 5000 + "\n", None),  # a 5000-digit int: over Python's int/str limit
    ],
)
def test_odd_files_give_one_problem(tmp_path, text, code):
    f = tmp_path / "x.yaml"
    f.write_text(text)
    probs = load_paths([f]).problems
    assert len(probs) == 1
    if code is not None:
        assert probs[0].code == code
    assert probs[0].severity == "error"
    assert len(probs[0].message) <= 200


def test_the_fixture_scheme_loads(in_repo):
    b = load_paths([FIXTURES / "valid" / "fx.yaml"])
    assert b.problems == [] and list(b.schemes) == ["fx"]


NUMBERED = """
id: n
title: Codes that look like numbers
version: "1"
children:
  - code: "1"
    children:
      - {code: "1.10", options: [{value: 1.1, score: 100}, {value: "2", score: 0}]}
      - {code: "12", numeric: {min: 0, max: 10}}
"""


def test_codes_written_like_numbers_in_answers(problems_of):
    # the answer keys 1.10 and 12 are unquoted (a float YAML would read as 1.1, and an int)
    p = "scheme: n\ncountry: XA\nyear: 2024\nanswers:\n  1.10: 1.1\n  12: 3\n"
    assert problems_of({"n.yaml": NUMBERED, "p.yaml": p}) == []


def test_answer_1_10_is_not_option_1_1(problems_of):
    p = "scheme: n\ncountry: XA\nyear: 2024\nanswers:\n  1.10: 1.10\n  12: 3\n"
    probs = problems_of({"n.yaml": NUMBERED, "p.yaml": p})
    # `  1.10: 1.10`: the answer's text is '1.10', no option of 1.10 (1.1, 2); at column 9
    assert [(x.code, x.line, x.column) for x in probs] == [("unknown-option", 5, 9)]


def test_option_value_n_a_is_reserved(load_yaml):
    # an answer `n/a` always means "not applicable": an option with that value could never be
    # chosen (its score would silently never count), so the scheme is refused
    s = SCHEME.replace("{value: 67, score: 67}", "{value: n/a, score: 0}")
    b = load_yaml({"t.yaml": s})
    # line 14, `        options: [{value: true, score: 100}, {value: false, score: 0}, {value: n/a, ...`: n/a at 80
    assert [(p.code, p.line, p.column) for p in b.problems] == [("bad-value", 14, 80)]
