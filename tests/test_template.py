"""`indexer template`: a blank questionnaire that validates as a draft with exactly one
missing-answer warning per leaf, and never overwrites a file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml
from conftest import REPO, write_files
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from indexer.cli import main
from indexer.load import load_paths
from indexer.template import template
from indexer.validate import validate_paths

TRICKY = '''
id: "123"
title: "A scheme whose title has a # hash"
version: "1"
levels: [pillar]
children:
  - code: "1"
    title: |
      A title
      on two lines
    children:
      - code: "1.10"
        title: "Codes that YAML would read as numbers: 1.10"
        question: |
          A question on
          several lines?

          With a blank line.
        help: "Help: with a colon # and a hash"
        options:
          - {value: "yes", label: "Yes\\nand a second line", score: 100}
          - {value: "no", label: No, score: 0}
      - {code: "010", title: "A leading zero", numeric: {min: 0, max: 10, unit: "days\\n# of"}}
      - {code: "12", title: "", options: [{value: 1, score: 0}, {value: 2, score: 100}]}
  - code: "null"
    children:
      - {code: "NO", options: [{value: a, score: 0}, {value: b, score: 100}]}
      - {code: "true", options: [{value: a, score: 0}, {value: b, score: 100}]}
      - {code: "1_000", options: [{value: a, score: 0}, {value: b, score: 100}]}
      - {code: "0x1F", options: [{value: a, score: 0}, {value: b, score: 100}]}
'''


def _missing_per_leaf(problems, leaves):
    assert all(p.code == "missing-answer" and p.severity == "warning" for p in problems), problems
    assert sorted(p.message.split()[0] for p in problems) == sorted(n.code for n in leaves)


def _schemes():
    out = []
    for f in sorted((REPO / "indicators").glob("*.yaml")):
        b = load_paths([f])
        if b.schemes and not any(p.is_error for p in b.problems):
            out.append(f)
    return out


@pytest.mark.parametrize("scheme_file", _schemes(), ids=lambda f: f.stem)
def test_template_of_each_bundled_scheme_validates_as_a_draft(tmp_path, runner, in_repo, scheme_file):
    out = tmp_path / "q.yaml"
    res = runner.invoke(main, ["template", str(scheme_file), "--country", "KZ", "--year", "2024",
                               "--output", str(out)])
    assert res.exit_code == 0, res.output
    (scheme,) = load_paths([scheme_file]).schemes.values()
    problems = validate_paths([out, scheme_file])
    _missing_per_leaf(problems, scheme.leaves)
    # one per leaf, at the `answers:` line
    assert len({(p.line, p.column) for p in problems}) == 1


def test_template_to_stdout(runner, in_repo):
    res = runner.invoke(main, ["template", "demo", "--country", "NO", "--year", "2024", "--coder", 'A "coder"'])
    assert res.exit_code == 0
    assert 'country: "NO"' in res.stdout
    assert "  WORK.1:\n" in res.stdout
    assert "Can a holder of a temporary residence permit" in res.stdout  # the question, as a comment


def test_template_of_tricky_codes_and_titles(tmp_path):
    (s_path,) = write_files(tmp_path, {"s.yaml": TRICKY})
    b = load_paths([s_path])
    assert [p for p in b.problems if p.is_error] == []
    scheme = b.schemes["123"]
    q = tmp_path / "q.yaml"
    q.write_text(template(scheme, "NO", 2024, coder="x # y\x07\u2028"))
    problems = validate_paths([q, s_path])
    _missing_per_leaf(problems, scheme.leaves)
    (profile,) = load_paths([q]).profiles
    assert (profile.scheme, profile.country, profile.year, profile.coder) == ("123", "NO", 2024, "x # y\x07\u2028")
    assert set(profile.answers) == {n.code for n in scheme.leaves}


def test_filled_in_template_validates_clean(tmp_path):
    (s_path,) = write_files(tmp_path, {"s.yaml": TRICKY})
    scheme = load_paths([s_path]).schemes["123"]
    text = template(scheme, "XA", 2024)
    answers = {"1.10": "yes", "010": "3", "12": "2", "NO": "b", "true": "a", "1_000": "b", "0x1F": "n/a"}
    lines = []
    for ln in text.splitlines():
        s = ln.strip()
        if ln.startswith("  ") and not s.startswith("#") and s.endswith(":"):
            key = s[:-1].strip('"')
            ln = f"{ln} {{answer: {answers[key]}, source: 'Act, art. 1'}}"
        lines.append(ln)
    q = tmp_path / "q.yaml"
    q.write_text("\n".join(lines) + "\n")
    assert validate_paths([q, s_path]) == []
    # the same answers without a source: the template says `provenance: expert`, so each one is
    # a missing-source warning (and nothing else)
    bare = "\n".join(ln.split(" {answer: ")[0] + (" " + ln.split(" {answer: ")[1].split(",")[0] if " {answer: " in ln else "")
                     for ln in lines) + "\n"
    q.write_text(bare)
    problems = validate_paths([q, s_path])
    assert [p.code for p in problems] == ["missing-source"] * len(answers)


def test_template_never_overwrites(tmp_path, runner, in_repo):
    out = tmp_path / "q.yaml"
    out.write_text("mine\n")
    res = runner.invoke(main, ["template", "demo", "--country", "KZ", "--year", "2024", "--output", str(out)])
    assert res.exit_code == 2
    assert out.read_text() == "mine\n"
    assert res.stdout == ""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["q.yaml"]


def test_template_new_file(tmp_path, runner, in_repo):
    out = tmp_path / "sub" / "KZ-2024.yaml"
    res = runner.invoke(main, ["template", "demo", "--country", "KZ", "--year", "2024", "--output", str(out)])
    assert res.exit_code == 0 and res.stdout == ""
    assert Path(out).read_text().count("missing") >= 0
    problems = validate_paths([out, REPO / "indicators" / "demo.yaml"])
    assert [p.code for p in problems] == ["missing-answer"] * 5


def test_template_of_a_broken_scheme_exit_1(tmp_path, runner):
    (s,) = write_files(tmp_path, {"s.yaml": "id: s\nversion: '1'\nchildren: []\n"})
    res = runner.invoke(main, ["template", str(s), "--country", "KZ", "--year", "2024"])
    assert res.exit_code == 1
    assert res.stdout == ""
    assert "empty-node" in res.stderr


def test_template_output_that_cannot_be_written_exit_2(tmp_path, runner, in_repo):
    (tmp_path / "afile").write_text("x")
    res = runner.invoke(main, ["template", "demo", "--country", "KZ", "--year", "2024",
                               "--output", str(tmp_path / "afile" / "q.yaml")])
    assert res.exit_code == 2
    assert res.exception is None or isinstance(res.exception, SystemExit)


def test_template_of_an_unreadable_scheme_file_exit_1(tmp_path, runner):
    (s,) = write_files(tmp_path, {"s.yaml": 'id: s\nversion: "1"\nchildren: [\n'})
    res = runner.invoke(main, ["template", str(s), "--country", "KZ", "--year", "2024"])
    assert res.exit_code == 1
    assert res.stdout == ""
    assert "yaml-syntax" in res.stderr


# ----------------------------------------------------------------------------------------------
# any valid scheme: its template validates as a draft with one missing-answer per leaf

CODES = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9._-]{0,6}", fullmatch=True) | st.sampled_from(
    ["1.10", "010", "null", "Null", "NO", "yes", "off", "1_0", "0x1F", "1e5", "12", "0.5", "y", "n"])
TEXT = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=30)


@st.composite
def scheme_docs(draw, depth=0):
    n = draw(st.integers(1, 3))
    kids = []
    for _ in range(n):
        node = {"code": None, "title": draw(TEXT)}
        if depth < 2 and draw(st.booleans()):
            node["children"] = draw(scheme_docs(depth + 1))
        elif draw(st.booleans()):
            node["question"] = draw(TEXT)
            values = draw(st.lists(st.from_regex(r"[a-z0-9]{1,4}", fullmatch=True), min_size=2, max_size=3, unique=True))
            node["options"] = [{"value": v, "label": draw(TEXT), "score": 50} for v in values]
        else:
            node["numeric"] = {"min": 0, "max": 10, "unit": draw(TEXT)}
        kids.append(node)
    return kids


@settings(max_examples=int(os.environ.get("INDEXER_FUZZ_EXAMPLES", "40")), deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(kids=scheme_docs(), codes=st.lists(CODES, min_size=40, max_size=40, unique=True), title=TEXT,
       sid=st.sampled_from(["t", "123", "1.10", "null", "a.b-c_d"]))
def test_template_of_any_scheme_validates_as_a_draft(tmp_path, kids, codes, title, sid):
    it = iter(codes)

    def number(nodes):
        for n in nodes:
            n["code"] = next(it)
            number(n.get("children", []))

    number(kids)
    doc = {"id": sid, "title": title, "version": "1", "children": kids}
    s_path = tmp_path / "s.yaml"
    s_path.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    b = load_paths([s_path])
    assert not [p for p in b.problems if p.is_error], b.problems
    scheme = b.schemes[sid]
    q = tmp_path / "q.yaml"
    q.write_text(template(scheme, "XA", 2024), encoding="utf-8")
    _missing_per_leaf(validate_paths([q, s_path]), scheme.leaves)
