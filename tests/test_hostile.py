"""Hostile and careless input (issue 17): each defect reproduced, then guarded.

Every free-text field of schemes, profiles and groups refuses a non-text value before any
conversion, and YAML aliases are bounded when a file is read; exports never carry a live
formula; an edit of an aliased answer changes only that answer; saves are atomic check-and-write;
outputs that are not regular files are written in place; spreadsheet bombs, unbounded
arguments and guessed countries are refused with problems or usage errors.
"""

from __future__ import annotations

import os
import re
import stat
import textwrap
import zipfile
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from conftest import REPO

from indexer.cli import main
from indexer.export import ANSWER_COLUMNS
from indexer.load import load_paths
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
        # ASCII with escapes: PyYAML writes some characters (NEL, U+2028) raw, and folds them on reading
        p.write_text(raw if (raw is not None and k == kind) else yaml.safe_dump(d, allow_unicode=False, sort_keys=False),
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
    # the issue's case: 10⁹ "lol"s in `notes:`; under a 1.5 GB address-space limit the old
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


# ----------------------------------------------------------------------------------------------
# 2. formulas in exports; a carriage return in a cell


HOSTILE_PROFILE = """\
scheme: demo
country: XA
year: 2024
coder: "=cmd|' /C calc'!A0"
reviewer: "'=already quoted"
notes: "line1\\rline2"
answers:
  WORK.1: {answer: a, source: '=HYPERLINK("http://evil.example","x")', url: "https://law.example/1", note: "@SUM(1)"}
  WORK.2: {answer: -3, source: "-2+3", note: "+A1*2"}
  WORK.3: "yes"
  NAT.1: 5
  NAT.2: {answer: a, source: "=WEBSERVICE(\\"http://evil.example\\")", url: "\\tTab"}
"""


@pytest.fixture
def hostile_data(tmp_path):
    import shutil

    shutil.copy(REPO / "indicators" / "demo.yaml", tmp_path / "demo.yaml")
    (tmp_path / "cp").mkdir()
    (tmp_path / "cp" / "XA.yaml").write_text(HOSTILE_PROFILE, encoding="utf-8")
    assert validate_paths([tmp_path / "demo.yaml", tmp_path / "cp"]) == []
    return tmp_path


def _profile(path: Path):
    b = load_paths([path])
    assert not [p for p in b.problems if p.is_error], b.problems
    (p,) = b.profiles
    return p


def test_xlsx_export_has_values_never_formulas_and_round_trips(hostile_data, runner):
    import openpyxl

    d = hostile_data
    res = runner.invoke(main, ["export", str(d / "demo.yaml"), str(d / "cp"), "--what", "answers", "-o", str(d / "a.xlsx")])
    assert res.exit_code == 0, res.output
    wb = openpyxl.load_workbook(d / "a.xlsx")
    cells = [c for ws in wb.worksheets for row in ws.iter_rows() for c in row]
    assert [c.coordinate for c in cells if c.data_type == "f"] == []
    assert '=HYPERLINK("http://evil.example","x")' in {c.value for c in cells}
    # the round trip keeps coder, sources, notes and urls (a formula cell read back as nothing)
    res = runner.invoke(main, ["import", str(d / "a.xlsx"), "--scheme", str(d / "demo.yaml"), "--out-dir", str(d / "back")])
    assert res.exit_code == 0, res.output
    before, after = _profile(d / "cp" / "XA.yaml"), _profile(d / "back" / "XA-2024.yaml")
    assert after.coder == before.coder and after.reviewer == before.reviewer
    # (import trims the white space around a cell: the url "\tTab" comes back as "Tab")
    assert [after.citations[c] for c in ("WORK.1", "WORK.2")] == [before.citations[c] for c in ("WORK.1", "WORK.2")]
    assert after.citations["NAT.2"].source == before.citations["NAT.2"].source


def test_csv_export_neutralises_formulas_by_default(hostile_data, runner):
    import csv
    import io

    d = hostile_data
    res = runner.invoke(main, ["export", str(d / "demo.yaml"), str(d / "cp"), "--what", "answers"])
    assert res.exit_code == 0, res.output
    rows = list(csv.DictReader(io.StringIO(res.stdout, newline="")))
    assert len(rows) == 5  # the \r in the notes splits no row
    for r in rows:
        for k, v in r.items():
            # a cell may begin with = + - @ tab or CR only as a number (-3)
            assert v[:1] not in ("=", "+", "-", "@", "\t", "\r") or re.fullmatch(r"[+-]?[0-9.]+", v), (k, v)
    by = {r["code"]: r for r in rows}
    assert by["WORK.1"]["source"] == '\'=HYPERLINK("http://evil.example","x")'
    assert by["WORK.1"]["note"] == "'@SUM(1)" and by["WORK.2"]["note"] == "'+A1*2"
    assert by["WORK.2"]["answer"] == "-3"  # a number stays a number
    assert by["NAT.2"]["url"] == "'\tTab" and by["WORK.1"]["reviewer"] == "''=already quoted"
    assert by["WORK.1"]["notes"] == "line1\rline2"
    # raw text for programs
    res = runner.invoke(main, ["export", str(d / "demo.yaml"), str(d / "cp"), "--what", "answers", "--raw"])
    by = {r["code"]: r for r in csv.DictReader(io.StringIO(res.stdout, newline=""))}
    assert by["WORK.1"]["source"] == '=HYPERLINK("http://evil.example","x")' and by["WORK.1"]["coder"][0] == "="


def test_csv_round_trip_restores_neutralised_cells(hostile_data, runner):
    d = hostile_data
    out = d / "a.csv"
    assert runner.invoke(main, ["export", str(d / "demo.yaml"), str(d / "cp"), "--what", "answers", "-o", str(out)]).exit_code == 0
    res = runner.invoke(main, ["import", str(out), "--scheme", str(d / "demo.yaml"), "--out-dir", str(d / "back")])
    assert res.exit_code == 0, res.output
    before, after = _profile(d / "cp" / "XA.yaml"), _profile(d / "back" / "XA-2024.yaml")
    assert (after.coder, after.reviewer) == (before.coder, before.reviewer)
    assert after.citations["WORK.1"] == before.citations["WORK.1"]
    assert after.citations["WORK.2"] == before.citations["WORK.2"]


def test_a_carriage_return_in_a_band_label_or_note_splits_no_csv_row(tmp_path, runner):
    import csv
    import io

    s = textwrap.dedent(SCHEME).replace('title: T\n', 'title: T\nbands: [{min: 50, label: "=1+1\\rx"}, {min: 0, label: low}]\n')
    files = write_set(tmp_path, "scheme", yaml.safe_load(s), raw=s)
    res = runner.invoke(main, ["score", str(files["scheme"]), str(files["profile"]), "--format", "csv"])
    assert res.exit_code == 0, res.output
    rows = list(csv.reader(io.StringIO(res.stdout, newline="")))
    assert len(rows) == 1 + 4 and all(len(r) == len(rows[0]) for r in rows)
    band = rows[0].index("band")
    assert "'=1+1\rx" in {r[band] for r in rows[1:]}


# ----------------------------------------------------------------------------------------------
# 3. one edit changes another answer (YAML anchors shared by two answers)

ALIASED = """\
scheme: demo
country: XA
year: 2024
answers:
  WORK.1: &x {answer: a, source: S}
  NAT.2: *x
  WORK.3: &y
    answer: "yes"
    source: T
  NAT.1: 5
  WORK.2: *y
"""


@pytest.mark.parametrize(("code", "new"), [("NAT.2", ("b", "S")), ("WORK.1", ("c", "S2")), ("WORK.3", ("no", "T")),
                                           ("WORK.2", ("4", "U"))])
def test_editing_an_aliased_answer_changes_that_answer_only(tmp_path, code, new):
    from indexer.app_support import Answer, answers_of, apply_edits

    scheme = load_paths([REPO / "indicators" / "demo.yaml"]).schemes["demo"]
    f = tmp_path / "p.yaml"
    f.write_text(ALIASED)
    before = answers_of(_profile(f), scheme)
    assert before["NAT.2"] == before["WORK.1"] == Answer("a", "S")
    after = dict(before, **{code: Answer(*new)})
    f.write_text(apply_edits(ALIASED, scheme, before, after))
    assert answers_of(_profile(f), scheme) == after


# ----------------------------------------------------------------------------------------------
# 4. lost updates: check-and-write is one locked step


def _saver(root: str, writer: int, rounds: int, barrier, out) -> None:
    """One writer: ``rounds`` times, open the profile, add a line, save; a conflict is counted."""
    from indexer.app_support import SaveConflict, save_profile, snapshot

    path = Path(root) / "country_profiles" / "XA-2024.yaml"
    saved, conflicts = [], 0
    barrier.wait()
    for r in range(rounds):
        opened = snapshot(path)
        line = f"# w{writer} r{r}\n"
        try:
            save_profile(Path(root), opened, opened.text + line)
            saved.append(line)
        except SaveConflict:
            conflicts += 1
    out.put((writer, saved, conflicts))


def test_concurrent_saves_lose_no_update_and_report_every_stale_save(tmp_path):
    # several processes, many rounds, on one file: each save adds one line to what it opened,
    # so the file in the end must hold every line that was saved (a stale save that "succeeded"
    # would drop another writer's line), and each attempt is either saved or a conflict
    import multiprocessing as mp

    (tmp_path / "country_profiles").mkdir()
    path = tmp_path / "country_profiles" / "XA-2024.yaml"
    path.write_text("scheme: demo\ncountry: XA\nyear: 2024\n")
    writers, rounds = 4, 60
    ctx = mp.get_context("spawn")  # never fork a process that may have run typst
    barrier, out = ctx.Barrier(writers), ctx.Queue()
    procs = [ctx.Process(target=_saver, args=(str(tmp_path), w, rounds, barrier, out)) for w in range(writers)]
    for p in procs:
        p.start()
    results = [out.get(timeout=120) for _ in procs]
    for p in procs:
        p.join(timeout=60)
        assert p.exitcode == 0
    saved = [line for _, lines, _ in results for line in lines]
    conflicts = sum(c for _, _, c in results)
    assert len(saved) + conflicts == writers * rounds
    final = path.read_text().splitlines(keepends=True)[3:]
    assert sorted(final) == sorted(saved)  # zero lost updates
    assert len(set(final)) == len(final)


def test_two_saves_of_one_opened_version_the_second_is_a_conflict(tmp_path):
    from indexer.app_support import SaveConflict, save_profile, snapshot

    (tmp_path / "country_profiles").mkdir()
    path = tmp_path / "country_profiles" / "XA-2024.yaml"
    path.write_text("scheme: demo\n")
    opened = snapshot(path)
    save_profile(tmp_path, opened, "scheme: demo\n# one\n")
    with pytest.raises(SaveConflict):
        save_profile(tmp_path, opened, "scheme: demo\n# two\n")
    assert path.read_text() == "scheme: demo\n# one\n"


# ----------------------------------------------------------------------------------------------
# 5. --output to a device, a FIFO or a symbolic link


@pytest.mark.parametrize("via_link", [False, True])
def test_output_to_a_fifo_writes_into_it_and_keeps_it(tmp_path, runner, via_link):
    # (a FIFO stands in for /dev/null: the test never risks a real device)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    target = fifo
    if via_link:
        target = tmp_path / "link"
        target.symlink_to(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # so that the writer's open does not block
    try:
        res = runner.invoke(main, ["score", str(REPO / "indicators" / "demo.yaml"), str(REPO / "country_profiles" / "demo"),
                                   "--format", "csv", "-o", str(target)])
        assert res.exit_code == 0, res.output
        got = os.read(reader, 1 << 16)
    finally:
        os.close(reader)
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert got.startswith(b"scheme,country,year,code")
    if via_link:
        assert target.is_symlink()


def test_output_through_a_link_to_a_file_replaces_the_target_and_keeps_the_link(tmp_path):
    from indexer.fileio import atomic_write

    real = tmp_path / "real.csv"
    real.write_text("old")
    link = tmp_path / "link.csv"
    link.symlink_to(real)
    atomic_write(link, "new")
    assert link.is_symlink() and real.read_text() == "new"


# ----------------------------------------------------------------------------------------------
# 6. spreadsheet bombs


def make_xlsx(path, sheet_xml, shared=None):
    """A minimal .xlsx: one sheet 'S' (its XML given), optional shared strings."""
    ct = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
          '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
          + ('<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' if shared else '')
          + '</Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    wb = ('<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
          'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>')
    wbrels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
              '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
              + ('<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>' if shared else '')
              + '</Relationships>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", ct)
        z.writestr("_rels/.rels", rels)
        z.writestr("xl/workbook.xml", wb)
        z.writestr("xl/_rels/workbook.xml.rels", wbrels)
        z.writestr("xl/worksheets/sheet1.xml", sheet_xml)
        if shared:
            z.writestr("xl/sharedStrings.xml", shared)


XLSX_HEAD = '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
XLSX_END = '</sheetData></worksheet>'
def xlsx_row(i, cells): return f'<row r="{i}">' + "".join(f'<c r="{ref}" t="inlineStr"><is><t>{v}</t></is></c>' for ref, v in cells) + '</row>'

def _import(runner, table: Path, scheme: Path, out: Path):
    return runner.invoke(main, ["import", str(table), "--scheme", str(scheme), "--out-dir", str(out)])


@pytest.fixture
def demo_scheme(tmp_path) -> Path:
    import shutil

    shutil.copy(REPO / "indicators" / "demo.yaml", tmp_path / "demo.yaml")
    return tmp_path / "demo.yaml"


def test_xlsx_cells_far_right_are_refused_not_padded(tmp_path, runner, demo_scheme):
    # 300 rows, each with a value in column XFD: read through openpyxl's rows that was 300 ×
    # 16,384 cells (the issue's 100,000 rows: a MemoryError)
    f = tmp_path / "wide.xlsx"
    rows = [xlsx_row(1, [("A1", "country"), ("B1", "year")])]
    rows += [xlsx_row(i, [(f"A{i}", "XA"), (f"XFD{i}", "x")]) for i in range(2, 302)]
    make_xlsx(f, XLSX_HEAD + "".join(rows) + XLSX_END)
    res = _import(runner, f, demo_scheme, tmp_path / "out")
    assert res.exit_code == 1
    assert f"{f}:2:16384: error bad-table: sheet 'S': a value in column XFD (16,384) lies beyond the limit of 2,000 columns" in res.stderr


def test_xlsx_bomb_of_the_issue_under_a_memory_limit(tmp_path):
    import subprocess
    import sys

    f = tmp_path / "bomb.xlsx"
    rows = "".join(f'<row r="{i}"><c r="XFD{i}" t="inlineStr"><is><t>x</t></is></c></row>' for i in range(1, 100_001))
    make_xlsx(f, XLSX_HEAD + rows + XLSX_END)
    assert f.stat().st_size < 1_000_000
    code = ("import resource; resource.setrlimit(resource.RLIMIT_AS, (1_500_000_000,) * 2);"
            "from indexer.tables import read_table;"
            f"t, ps = read_table({str(f)!r}); print(t, [(p.code, p.line, p.column) for p in ps])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=REPO)
    assert out.returncode == 0, out.stderr[-500:]
    assert out.stdout.strip() == "None [('bad-table', 1, 16384)]"


def test_xlsx_long_cell_and_large_shared_strings_are_refused(tmp_path, monkeypatch):
    from indexer import guard
    from indexer.tables import read_table

    f = tmp_path / "long.xlsx"
    make_xlsx(f, XLSX_HEAD + xlsx_row(1, [("A1", "country")]) + xlsx_row(2, [("A2", "x" * 40_000)]) + XLSX_END)
    t, ps = read_table(f)
    assert t is None and [(p.code, p.line, p.column) for p in ps] == [("bad-table", 2, 1)]
    assert "40,000 characters; the limit is 32,767" in ps[0].message
    # shared strings (all read at once by openpyxl): 10,000 strings, over a limit lowered to 100 kB
    monkeypatch.setattr(guard, "MAX_SHARED_STRINGS_BYTES", 100_000)
    sst = ('<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
           + "<si><t>x</t></si>" * 10_000 + "</sst>")
    f = tmp_path / "sst.xlsx"
    make_xlsx(f, XLSX_HEAD + '<row r="1"><c r="A1" t="s"><v>0</v></c></row>' + XLSX_END, sst)
    t, ps = read_table(f)
    assert t is None and [p.code for p in ps] == ["bad-table"] and "text cells unpack to" in ps[0].message
    # everything a workbook unpacks to (a 1.5 GB string compresses to 1.5 MB)
    monkeypatch.setattr(guard, "MAX_TABLE_BYTES", 50_000)
    f = tmp_path / "big.xlsx"
    make_xlsx(f, XLSX_HEAD + xlsx_row(1, [("A1", "y" * 200_000)]) + XLSX_END)
    t, ps = read_table(f)
    assert t is None and "unpacks to" in ps[0].message


@pytest.mark.parametrize("suffix", ["csv", "parquet"])
def test_csv_and_parquet_limits(tmp_path, monkeypatch, suffix):
    import pandas as pd

    from indexer import guard
    from indexer.tables import read_table

    f = tmp_path / f"t.{suffix}"
    df = pd.DataFrame({"country": ["XA"] * 30, "year": ["2024"] * 30})
    df.to_csv(f, index=False) if suffix == "csv" else df.to_parquet(f)
    monkeypatch.setattr(guard, "MAX_ROWS", 10)
    t, ps = read_table(f)
    assert t is None and [p.code for p in ps] == ["bad-table"]
    monkeypatch.setattr(guard, "MAX_ROWS", 100)
    monkeypatch.setattr(guard, "MAX_COLUMNS", 1)
    t, ps = read_table(f)
    assert t is None and [p.code for p in ps] == ["bad-table"]
    monkeypatch.setattr(guard, "MAX_COLUMNS", 10)
    df.loc[3, "year"] = "z" * 40_000
    df.to_csv(f, index=False) if suffix == "csv" else df.to_parquet(f)
    t, ps = read_table(f)
    assert t is None and [(p.code, p.line, p.column) for p in ps] == [("bad-table", 5, 2)]


# ----------------------------------------------------------------------------------------------
# 7. unbounded arguments; bad --output paths (usage errors, exit 2, no traceback)

DEMO = [str(REPO / "indicators" / "demo.yaml"), str(REPO / "country_profiles" / "demo")]


@pytest.mark.parametrize(("args", "says"), [
    (["robustness", *DEMO, "--runs", "10000000"], "at most 3,579,139 runs fit in 2 GiB"),
    (["robustness", *DEMO, "--seed", "-1"], "--seed"),
    (["robustness", *DEMO, "--noise", "nan"], "not a finite number"),
    (["robustness", *DEMO, "--concentration", "inf"], "--concentration"),
    (["compare", *DEMO, "--country", "XA", "--years", "0:99999"], "0 is not a four-digit year"),
    (["compare", *DEMO, "--country", "XA", "--years", "2010:20240"], "20240 is not a four-digit year"),
    (["compare", *DEMO, "--country", "XA", "--years", "1000:9999"], "9,000 years; at most 500"),
    (["compare", *DEMO, "--country", "XA", "--min-coverage", "nan"], "'nan' is not a finite number"),
    (["gaps", *DEMO, "--country", "XA", "--target", "nan"], "'nan' is not a finite number"),
    (["gaps", *DEMO, "--country", "XA", "--target", "inf"], "'inf' is not a finite number"),
    (["export", *DEMO, "-o", "/proc/x.csv"], "a kernel file system"),
    (["export", *DEMO, "-o", str(REPO / "indicators" / "demo.yaml" / "x.csv")], "is not a folder"),
    (["export", *DEMO, "-o", "/tmp/" + "a" * 300 + ".csv"], "File name too long"),
    (["report", *DEMO, "--country", "XA", "-o", "/proc/x.pdf"], "a kernel file system"),
    (["report", *DEMO, "--country", "XA", "-o", "/tmp/" + "a" * 300 + ".pdf"], "File name too long"),
    (["report", *DEMO, "--all", "--output-dir", "/proc/reports"], "a kernel file system"),
    (["template", "demo", "--country", "XA", "--year", "2024", "-o", "/proc/x.yaml"], "a kernel file system"),
    (["template", "demo", "--country", "XA", "--year", "2024", "-o", "/tmp/" + "a" * 300 + ".yaml"], "File name too long"),
    (["score", *DEMO, "-o", "/proc/x.csv"], "a kernel file system"),
])
def test_bad_arguments_are_usage_errors(runner, in_repo, args, says):
    res = runner.invoke(main, args)
    assert res.exit_code == 2, (res.exit_code, res.output, res.exception)
    assert says in res.stderr
    assert "Traceback" not in res.output


def test_a_series_of_500_years_is_fine(runner, in_repo):
    res = runner.invoke(main, ["compare", *DEMO, "--country", "XA", "--years", "2000:2499", "--format", "csv"])
    assert res.exit_code == 0, res.output
    assert {line.split(",")[0] for line in res.stdout.splitlines()[1:]} >= {"2020", "2024", "2499"}  # as_of


# ----------------------------------------------------------------------------------------------
# 8. import never guesses a country


def test_import_takes_exact_codes_and_names_only(tmp_path, runner, demo_scheme):
    t = tmp_path / "t.csv"
    t.write_text("country,year,WORK.1\n1,2024,a\n0,2024,a\n2,2024,b\netc,2024,a\n752,2024,a\nRussia,2024,a\n")
    res = _import(runner, t, demo_scheme, tmp_path / "out")
    assert res.exit_code == 1
    errs = [ln for ln in res.stderr.splitlines() if " error " in ln]
    assert [ln.split(": error ")[0] for ln in errs] == [f"{t}:{i}:1" for i in range(2, 8)]
    assert all("unknown-country" in ln for ln in errs)
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())
    # exact codes and names, in any case
    t.write_text("country,year,WORK.1\nse,2024,a\nSWE,2024,a\nKazakhstan,2025,a\n Republic of Kazakhstan ,2024,a\nXB,2024,a\n")
    res = _import(runner, t, demo_scheme, tmp_path / "out")
    assert res.exit_code == 1 and "SE 2024" in res.stderr  # se and SWE: one country twice
    t.write_text("country,year,WORK.1\nse,2024,a\nKazakhstan,2025,a\n Republic of Kazakhstan ,2024,a\nXB,2024,a\n")
    res = _import(runner, t, demo_scheme, tmp_path / "out")
    assert res.exit_code == 0, res.output
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["KZ-2024.yaml", "KZ-2025.yaml", "SE-2024.yaml",
                                                                   "XB-2024.yaml"]


# ----------------------------------------------------------------------------------------------
# minor: deep trees, huge numbers


def _deep_scheme(levels: int) -> str:
    out = ["id: deep", "version: '1'", "children:"]
    for i in range(levels):
        pad = "  " * (2 * i)
        out += [f"{pad}- code: N{i}", f"{pad}  children:"]
    out.append("  " * (2 * levels) + "- {code: L, options: [{value: a, score: 1}, {value: b, score: 0}]}")
    return "\n".join(out) + "\n"


def test_a_scheme_500_levels_deep_is_refused_not_a_recursion_error(tmp_path, runner):
    (tmp_path / "s.yaml").write_text(_deep_scheme(495))
    (tmp_path / "p.yaml").write_text("scheme: deep\ncountry: XA\nyear: 2024\nanswers:\n  L: a\n")
    problems = validate_paths([tmp_path / "s.yaml"])
    assert [(p.code, p.line) for p in problems] == [("bad-value", 132)]  # N64, the 65th level
    for cmd in (["score", str(tmp_path / "s.yaml"), str(tmp_path / "p.yaml")],
                ["template", str(tmp_path / "s.yaml"), "--country", "XA", "--year", "2024"]):
        res = runner.invoke(main, cmd)
        assert res.exit_code == 1 and isinstance(res.exception, SystemExit), (res.output, res.exception)
    (tmp_path / "s.yaml").write_text(_deep_scheme(63))  # 64 levels and the leaf: fine
    assert validate_paths([tmp_path / "s.yaml"]) == []


@pytest.mark.parametrize(("edit", "code"), [
    (("children", 0, "weight"), "bad-weight"),
    (("children", 0, "children", 1, "numeric", "max"), "bad-value"),
    (("children", 0, "children", 1, "numeric", "min"), "bad-value"),
    (("scale",), "bad-value"),
])
def test_numbers_near_the_float_limit_are_refused(tmp_path, edit, code):
    doc = documents()["scheme"]
    value = 1.7e308
    if edit == ("scale",):
        value = [-1.7e308, 1.7e308]
    elif edit[-1] == "min":
        value = -1.7e308
    put(doc, edit, value)
    if edit[0] == "children" and edit[-1] == "weight":
        doc["children"].append({"code": "B", "weight": 1.7e308, "children": [{"code": "B1", "numeric": {"min": 0, "max": 1}}]})
    files = write_set(tmp_path, "scheme", doc)
    problems = [p for p in validate_paths([files["scheme"]]) if p.is_error]
    assert problems and {p.code for p in problems} == {code}, [str(p) for p in problems]


# ----------------------------------------------------------------------------------------------
# minor: import --pattern, all-or-nothing writes, a file created after the check

TABLE = "country,year,WORK.1\nXA,2024,a\nXB,2024,b\nXC,2024,a\n"


@pytest.mark.parametrize("pattern", ["../{country}-{year}.yaml", "/tmp/{country}-{year}.yaml",
                                     "x/../../{country}-{year}.yaml"])
def test_import_pattern_cannot_leave_the_out_dir(tmp_path, runner, demo_scheme, pattern):
    t = tmp_path / "t.csv"
    t.write_text(TABLE)
    out = tmp_path / "a" / "out"
    res = runner.invoke(main, ["import", str(t), "--scheme", str(demo_scheme), "--out-dir", str(out), "--pattern", pattern])
    assert res.exit_code == 2 and "--pattern" in res.stderr
    assert not (tmp_path / "a").exists() and not list(tmp_path.glob("X?-2024.yaml"))


def test_import_table_refuses_a_target_outside_the_out_dir(tmp_path, demo_scheme):
    from indexer.tables import import_table

    t = tmp_path / "t.csv"
    t.write_text(TABLE)
    scheme = load_paths([demo_scheme]).schemes["demo"]
    res = import_table(t, scheme, tmp_path / "out", pattern="../{country}-{year}.yaml")
    assert not res.ok and {p.code for p in res.problems if p.is_error} == {"bad-value"} and res.written == []
    assert not list(tmp_path.glob("X?-2024.yaml"))


def test_a_failed_import_leaves_nothing_behind(tmp_path, runner, demo_scheme):
    t = tmp_path / "t.csv"
    t.write_text(TABLE)
    out = tmp_path / "out"
    (out / "XC").mkdir(parents=True)
    (out / "XA").mkdir()
    (out / "XA" / "XA-2024.yaml").write_text("# mine\n")
    (out / "XC" / "XC-2024.yaml").mkdir()  # a folder where the third profile goes: writing it fails
    res = runner.invoke(main, ["import", str(t), "--scheme", str(demo_scheme), "--out-dir", str(out),
                               "--pattern", "{country}/{country}-{year}.yaml", "--force"])
    assert res.exit_code == 1 and "Traceback" not in res.output
    assert (out / "XA" / "XA-2024.yaml").read_text() == "# mine\n"  # given back its content
    assert not (out / "XB").exists()  # the new profile and its new folder removed
    assert sorted(str(p.relative_to(out)) for p in out.rglob("*")) == ["XA", "XA/XA-2024.yaml", "XC", "XC/XC-2024.yaml"]


def test_a_file_created_after_the_check_is_not_overwritten(tmp_path, monkeypatch, demo_scheme):
    from indexer import tables

    t = tmp_path / "t.csv"
    t.write_text(TABLE)
    out = tmp_path / "out"
    real = tables._existing

    def racing(imp, scheme):  # someone saves XB's profile just after it was checked
        state = real(imp, scheme)
        if imp.profile.country == "XB":
            imp.path.parent.mkdir(parents=True, exist_ok=True)
            imp.path.write_text("# theirs\n")
        return state

    monkeypatch.setattr(tables, "_existing", racing)
    scheme = load_paths([demo_scheme]).schemes["demo"]
    res = tables.import_table(t, scheme, out)
    assert [p.code for p in res.problems if p.is_error] == ["profile-exists"] and res.written == []
    assert (out / "XB-2024.yaml").read_text() == "# theirs\n"
    assert sorted(p.name for p in out.iterdir()) == ["XB-2024.yaml"]


# ----------------------------------------------------------------------------------------------
# minor: PDF reports (maths text in titles, link schemes)


def test_report_prints_dollar_titles_as_text_and_links_only_web_urls(tmp_path):
    pypdf = pytest.importorskip("pypdf")
    pytest.importorskip("typst")
    import io
    import shutil

    from indexer.report import profile_pdf

    s = (REPO / "indicators" / "demo.yaml").read_text().replace("title: Work\n", "title: $\\undefinedmacro{x}$ Work\n", 1)
    (tmp_path / "demo.yaml").write_text(s)
    shutil.copytree(REPO / "country_profiles" / "demo", tmp_path / "cp")
    xa = (tmp_path / "cp" / "XA-2024.yaml").read_text()
    xa = xa.replace('WORK.1: {answer: a, source: "Atlantis Aliens Act, art. 5 (fictional)"}',
                    'WORK.1: {answer: a, source: "A", url: "javascript:app.alert(1)"}')
    xa = xa.replace('WORK.2: {answer: 3, source: "Atlantis Aliens Act, art. 6 (fictional)"}',
                    'WORK.2: {answer: 3, source: "B", url: "file:///etc/passwd"}')
    xa = xa.replace('WORK.3: {answer: "yes", source: "Atlantis Recognition Decree, art. 2 (fictional)"}',
                    'WORK.3: {answer: "yes", source: "C", url: "https://law.example/3"}')
    (tmp_path / "cp" / "XA-2024.yaml").write_text(xa)
    b = load_paths([tmp_path / "demo.yaml", tmp_path / "cp"])
    assert not [p for p in b.problems if p.is_error]
    pdf = pypdf.PdfReader(io.BytesIO(profile_pdf(b.schemes["demo"], b.profiles, "XA", group=b.groups["DEMO"], runs=0)))
    uris = [a.get_object().get("/A", {}).get("/URI") for page in pdf.pages for a in page.get("/Annots") or []]
    uris = [u for u in uris if u]
    assert uris == ["https://law.example/3"]
    text = "".join(page.extract_text() for page in pdf.pages)
    assert "javascript:" in text.replace("\u200b", "") and "file:" in text.replace("\u200b", "")  # shown, not linked


# ----------------------------------------------------------------------------------------------
# minor: a huge `notes:` in the questionnaire (50 MB took 165 s)


def test_the_questionnaire_refuses_a_file_too_large_to_edit(demo_app_root):
    from indexer import app_support as sup

    data = sup.read_data(demo_app_root)
    blob = ("scheme: demo\ncountry: XA\nyear: 2030\nnotes: \"" + "x" * 1_500_000 + "\"\nanswers:\n  WORK.1: a\n").encode()
    with pytest.raises(sup.DocError, match=r"1\.5 MB is too large to edit here \(the limit is 1 MB\)"):
        sup.upload_doc(data, "big.yaml", blob)
    big = demo_app_root / "country_profiles" / "demo" / "XA-2030.yaml"
    big.write_bytes(blob)
    with pytest.raises(sup.DocError, match="too large to edit"):
        sup.open_doc(data, big)
    # a profile of ordinary size opens
    assert sup.open_doc(data, demo_app_root / "country_profiles" / "demo" / "XA-2024.yaml").country == "XA"


# ----------------------------------------------------------------------------------------------
# every text field, any text (hypothesis): read back as written, exported without formulas,
# imported back; any non-text value: one bad-value, never a traceback

from hypothesis import HealthCheck, example, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

HSETTINGS = settings(max_examples=int(os.environ.get("INDEXER_FUZZ_EXAMPLES", "40")), deadline=None,
                     suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
#: any text, and text made to look like formulas, YAML, markup and line breaks
TEXTS = st.text(min_size=1, max_size=60) | st.builds(
    lambda a, b: a + b, st.sampled_from(["=", "+", "-", "@", "\t", "\r", "'=", "''+", "$", "*", "&", "!", "#", "%",
                                         "- ", "? ", "{", "[", '"', "'", "|", ">", "<script>", "#{", "\\", "\u2028"]),
    st.text(max_size=20))
NON_TEXT = st.recursive(st.none() | st.integers() | st.text(max_size=5),
                        lambda inner: st.lists(inner, min_size=1, max_size=3)
                        | st.dictionaries(st.text(min_size=1, max_size=4), inner, min_size=1, max_size=3),
                        max_leaves=6).filter(lambda v: isinstance(v, list | dict))


def _loaded_value(files: dict[str, Path], kind: str, path: tuple) -> str:
    b = load_paths(list(files.values()))
    if kind == "profile":
        (p,) = b.profiles
        if path[0] == "answers":
            return getattr(p.citations[path[1]], path[2])
        if path[0] in ("url", "date"):
            return None  # read and checked, not kept
        return getattr(p, path[0])
    if kind == "groups":
        return b.groups["G"].title
    s = b.schemes["t"]
    if path in (("title",), ("description",), ("source",)):
        return getattr(s, path[0])
    if "options" in path:
        return s.node("A1").options[0].label if path[-1] == "label" else None
    if len(path) == 3 and path[2] == "title":
        return s.node("A").title
    if path[-1] in ("question", "help"):
        return getattr(s.node("A1"), path[-1])
    if path[-1] == "unit":
        return s.node("A2").numeric.unit
    return None


@HSETTINGS
@given(field=st.sampled_from(TEXT_FIELDS), text=TEXTS)
def test_any_text_in_any_text_field_reads_back_as_written(tmp_path, field, text):
    kind, path = field
    doc = documents()[kind]
    put(doc, path, text)
    files = write_set(tmp_path, kind, doc)
    problems = [p for p in validate_paths(list(files.values())) if p.is_error]
    assert problems == [], [str(p) for p in problems]
    got = _loaded_value(files, kind, path)
    assert got is None or got == text


PROFILE_TEXT_FIELDS = [("coder",), ("reviewer",), ("notes",), ("answers", "A1", "source"), ("answers", "A1", "note"),
                       ("answers", "A1", "url"), ("answers", "A1", "quote")]


@HSETTINGS
@given(path=st.sampled_from(PROFILE_TEXT_FIELDS), text=TEXTS, fmt=st.sampled_from(["csv", "xlsx"]))
@example(path=("coder",), text="\x00", fmt="csv")  # a numpy string array dropped the trailing NUL
def test_any_text_is_exported_without_formulas_and_imported_back(tmp_path_factory, path, text, fmt):
    import csv
    import io

    import openpyxl

    runner = CliRunner()
    d = tmp_path_factory.mktemp("rt")
    doc = documents()["profile"]
    put(doc, path, text)
    files = write_set(d, "profile", doc)
    out = d / f"a.{fmt}"
    res = runner.invoke(main, ["export", str(files["scheme"]), str(files["profile"]), "--what", "answers", "-o", str(out)])
    assert res.exit_code == 0, (res.output, res.exception)
    if fmt == "csv":
        for row in csv.reader(io.StringIO(out.read_text(encoding="utf-8"), newline="")):
            assert len(row) == len(ANSWER_COLUMNS)
            for v in row:
                assert v[:1] not in ("=", "+", "-", "@", "\t", "\r") or re.fullmatch(r"[+-]?[0-9.]+(e[+-]?[0-9]+)?", v), v
    else:
        wb = openpyxl.load_workbook(out)
        assert not [c for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.data_type == "f"]
    res = runner.invoke(main, ["import", str(out), "--scheme", str(files["scheme"]), "--out-dir", str(d / "back")])
    assert res.exit_code == 0, (res.output, res.exception)
    back = load_paths([d / "back" / "XA-2024.yaml"]).profiles[0]
    if path[0] == "answers":  # a citation that trims to nothing is no citation
        got = getattr(back.citations[path[1]], path[2]) if path[1] in back.citations else ""
    else:
        got = getattr(back, path[0])
    # import trims the white space around a cell (and Excel keeps no carriage return)
    want = text.strip() if fmt == "csv" else text.replace("\r\n", "\n").replace("\r", "\n").strip()
    assert got.strip() == want or (fmt == "xlsx" and got.strip() == _xlsx_clean(text).strip())


def _xlsx_clean(text: str) -> str:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    return ILLEGAL_CHARACTERS_RE.sub("", text).replace("\r\n", "\n").replace("\r", "\n")


@HSETTINGS
@given(field=st.sampled_from(TEXT_FIELDS), value=NON_TEXT)
def test_any_non_text_value_in_a_text_field_is_one_bad_value(tmp_path, field, value):
    kind, path = field
    doc = documents()[kind]
    put(doc, path, value)
    files = write_set(tmp_path, kind, doc)
    problems = [p for p in validate_paths(list(files.values())) if p.is_error]
    assert [(p.path, p.code) for p in problems] == [(str(files[kind]), "bad-value")], [str(p) for p in problems]
    res = CliRunner().invoke(main, ["validate", *map(str, files.values())])
    assert res.exit_code == 1 and isinstance(res.exception, SystemExit)


@HSETTINGS
@given(text=TEXTS | st.text())
def test_neutralise_is_reversed_by_restore_and_leaves_no_formula(text):
    from indexer.guard import FORMULA_STARTS, neutralise, restore

    n = neutralise(text)
    assert restore(n) == text
    assert not n.startswith(FORMULA_STARTS) or re.fullmatch(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?", n)


@pytest.mark.parametrize("page", [None, "country", "scheme", "questionnaire"])
def test_a_deep_scheme_in_indicators_breaks_no_app_page(demo_app_root, page):
    from streamlit.testing.v1 import AppTest

    (demo_app_root / "indicators" / "deep.yaml").write_text(_deep_scheme(495))
    at = AppTest.from_file(str(REPO / "streamlit_app.py"), default_timeout=60)
    at.run()
    if page:
        at.switch_page(f"app_pages/{page}.py")
        at.run()
    assert not at.exception, [e.value for e in at.exception]
