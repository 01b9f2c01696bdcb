"""Hostile and careless input (issue 17): each defect reproduced, then guarded.

Every free-text field of schemes, profiles and groups refuses a non-text value before any
conversion, and YAML aliases are bounded when a file is read; exports never carry a live
formula; an edit of an aliased answer changes only that answer; saves are atomic check-and-write;
outputs that are not regular files are written in place; spreadsheet bombs, unbounded
arguments and guessed countries are refused with problems or usage errors.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
import yaml
from conftest import REPO

from indexer.validate import validate_paths

SCHEME = """
id: t
version: "1"
title: T
children:
  - code: A
    title: Area
    children:
      - code: A1
        title: One
        question: Q?
        options:
          - {value: a, label: Yes, score: 100}
          - {value: b, label: No, score: 0}
      - code: A2
        numeric: {min: 0, max: 10, unit: years}
"""

#: every free-text field: (file kind, key path inside the document)
TEXT_FIELDS = [
    ("scheme", ("title",)), ("scheme", ("description",)), ("scheme", ("source",)), ("scheme", ("notes",)),
    ("scheme", ("url",)), ("scheme", ("license",)),
    ("scheme", ("children", 0, "title")), ("scheme", ("children", 0, "notes")),
    ("scheme", ("children", 0, "source")), ("scheme", ("children", 0, "description")),
    ("scheme", ("children", 0, "children", 0, "question")), ("scheme", ("children", 0, "children", 0, "help")),
    ("scheme", ("children", 0, "children", 0, "options", 0, "label")),
    ("scheme", ("children", 0, "children", 0, "options", 0, "help")),
    ("scheme", ("children", 0, "children", 0, "options", 0, "notes")),
    ("scheme", ("children", 0, "children", 1, "numeric", "unit")),
    ("profile", ("coder",)), ("profile", ("reviewer",)), ("profile", ("notes",)), ("profile", ("source",)),
    ("profile", ("title",)), ("profile", ("url",)), ("profile", ("date",)),
    ("profile", ("answers", "A1", "source")), ("profile", ("answers", "A1", "note")),
    ("profile", ("answers", "A1", "url")),
    ("groups", ("groups", "G", "title")),
]


def documents() -> dict[str, dict]:
    return {
        "scheme": yaml.safe_load(textwrap.dedent(SCHEME)),
        "profile": {"scheme": "t", "country": "XA", "year": 2024, "coder": "C",
                    "answers": {"A1": {"answer": "a", "source": "S"}, "A2": 3}},
        "groups": {"groups": {"G": {"title": "Group", "members": ["XA", "XB"]}}},
    }


def put(doc: dict, path: tuple, value: object) -> None:
    for k in path[:-1]:
        doc = doc[k]
    doc[path[-1]] = value


def get(obj: object, path: tuple) -> object:
    for k in path:
        obj = obj[k] if isinstance(k, int) else getattr(obj, k) if not isinstance(obj, dict) else obj[k]
    return obj


def write_set(root: Path, kind: str, doc: dict, raw: str | None = None) -> dict[str, Path]:
    docs = documents()
    docs[kind] = doc
    out = {}
    for k, d in docs.items():
        p = root / f"{k}.yaml"
        p.write_text(raw if (raw is not None and k == kind) else yaml.safe_dump(d, allow_unicode=True, sort_keys=False),
                     encoding="utf-8")
        out[k] = p
    return out


# ----------------------------------------------------------------------------------------------
# 1. alias expansion and non-text values in text fields


def _laughs(levels: int, width: int = 10) -> str:
    lines = ['l0: &l0 "lol"']
    for i in range(1, levels + 1):
        lines.append(f"l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * width) + "]")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(("kind", "path"), TEXT_FIELDS, ids=lambda v: ".".join(map(str, v)) if isinstance(v, tuple) else v)
def test_a_list_in_a_text_field_is_refused_not_converted(tmp_path, kind, path):
    doc = documents()[kind]
    put(doc, path, ["x", {"y": 1}])
    files = write_set(tmp_path, kind, doc)
    problems = validate_paths(list(files.values()))
    mine = [p for p in problems if p.path == str(files[kind]) and p.is_error]
    assert [p.code for p in mine] == ["bad-value"], [str(p) for p in problems]
    assert f"{path[-1]} must be text" in mine[0].message
    # located at the value (its line in the dumped file)
    assert mine[0].line > 1 or path == ("title",)


@pytest.mark.parametrize(("kind", "path"), TEXT_FIELDS, ids=lambda v: ".".join(map(str, v)) if isinstance(v, tuple) else v)
def test_an_alias_bomb_in_a_text_field_is_refused_as_read(tmp_path, kind, path):
    # 10⁷ values if written out (a few hundred bytes): str() of it took seconds and hundreds of MB
    # per field before; 10⁹ took minutes and gigabytes
    doc = documents()[kind]
    put(doc, path, "BOMB")
    text = yaml.safe_dump(doc, allow_unicode=True, sort_keys=False).replace("BOMB", "*l7")
    text = _laughs(7) + text
    files = write_set(tmp_path, kind, doc, raw=text)
    problems = validate_paths([files[kind]])
    assert [(p.code, p.line, p.column) for p in problems] == [("yaml-syntax", 2, 10)]
    assert "billion laughs" in problems[0].message


def test_a_value_that_contains_itself_is_refused(tmp_path):
    f = tmp_path / "p.yaml"
    f.write_text("scheme: t\ncountry: XA\nyear: 2024\nnotes: &n [a, *n]\n")
    assert [p.code for p in validate_paths([f])] == ["yaml-syntax"]


def test_shared_options_by_alias_still_load(load_yaml):
    b = load_yaml({"t.yaml": """
    id: t
    version: "1"
    children:
      - {code: A1, options: &yn [{value: "yes", score: 100, label: Y}, {value: "no", score: 0}]}
      - {code: A2, options: *yn}
    """})
    assert b.problems == [] and b.schemes["t"].node("A2").options[0].label == "Y"


def test_a_bomb_in_notes_under_a_memory_limit(tmp_path):
    # the case: 10⁹ "lol"s in `notes:`; under a 1.5 GB address-space limit the old
    # loader died with MemoryError; now it is one problem, at once
    import subprocess
    import sys

    f = tmp_path / "p.yaml"
    f.write_text(_laughs(9) + "scheme: demo\ncountry: XA\nyear: 2024\nnotes: *l9\n")
    code = ("import resource; resource.setrlimit(resource.RLIMIT_AS, (1_500_000_000,) * 2);"
            "from indexer.validate import validate_paths;"
            f"print([p.code for p in validate_paths([{str(f)!r}])])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=REPO)
    assert out.returncode == 0, out.stderr[-500:]
    assert out.stdout.strip() == "['yaml-syntax']"
