"""Read tables: CSV/TSV, Excel (.xlsx, .xlsm) and Parquet files as text cells, never raising.

Part of the import stage (:mod:`indexer.tables` turns the cells into profiles). Every cell is kept
as text with its row (the line) and column, so that a problem points at the table: its path,
the row, the column number, and the sheet in the message. Size limits are :mod:`indexer.guard`'s.
"""

from __future__ import annotations

import csv
import datetime as _dt
import io
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .problems import ERROR, WARNING, Problem

EXCEL_SUFFIXES = (".xlsx", ".xlsm")


@dataclass
class Table:
    """A table read as text cells. ``rows`` are ``(line, cells)``; ``cols[j]`` is the 1-based
    column number of header cell ``j``; the line of a row is its row number in the sheet (or
    the line where the record starts in a CSV file)."""

    path: str
    sheet: str | None
    header: list[str]
    header_line: int
    cols: list[int]
    rows: list[tuple[int, list[str]]]

    @property
    def prefix(self) -> str:
        return f"sheet {self.sheet!r}: " if self.sheet else ""

    def problem(self, line: int, col: int, code: str, message: str, severity: str = ERROR) -> Problem:
        return Problem(self.path, line, col, severity, code, self.prefix + message)


def cell_text(v: Any) -> str:
    """The text of a spreadsheet/parquet cell: numbers as their shortest decimal form (an
    integral float without ``.0``), dates as ISO text, empty for None/NaN."""
    if v is None:
        return ""
    if isinstance(v, bool | np.bool_):
        return "TRUE" if v else "FALSE"
    if isinstance(v, int | np.integer):
        return str(int(v))
    if isinstance(v, float | np.floating):
        x = float(v)
        if math.isnan(x):
            return ""
        if x.is_integer() and abs(x) < 1e15:
            return str(int(x))
        return repr(x)
    if isinstance(v, _dt.datetime | _dt.date | _dt.time):
        return v.isoformat()
    if v is pd.NA or v is pd.NaT:
        return ""
    return str(v).strip()


def read_table(path: str | Path, sheet: str | None = None) -> tuple[Table | None, list[Problem]]:
    """Read a CSV/TSV, Excel (.xlsx, .xlsm) or Parquet file; never raises for bad input."""
    spath = str(path)
    p = Path(path)
    suffix = p.suffix.lower()

    def bad(msg: str, line: int = 0, col: int = 0) -> tuple[None, list[Problem]]:
        return None, [Problem(spath, line, col, ERROR, "bad-table", msg)]

    if not p.is_file():
        return bad("no such file (or it is a folder)")
    from .guard import MAX_TABLE_BYTES

    size = p.stat().st_size
    if size > MAX_TABLE_BYTES:
        return bad(f"the file is {size // 2**20:,} MB; the limit is {MAX_TABLE_BYTES // 2**20} MB (split the table)")
    if suffix == ".xls":
        return bad("old .xls workbooks are not read; save the file as .xlsx")
    try:
        if suffix in EXCEL_SUFFIXES:
            return _read_excel(spath, sheet)
        if sheet:
            return bad(f"--sheet applies to Excel workbooks only, not {p.name}")
        if suffix == ".parquet":
            return _read_parquet(spath)
        return _read_csv(spath)
    except OSError as err:
        return bad(f"cannot read the file: {err.strerror or err}")


def _finish(path: str, sheet: str | None, raw: Iterable[tuple[int, list[str]]]) -> tuple[Table | None, list[Problem]]:
    header: list[str] | None = None
    hline = 0
    rows: list[tuple[int, list[str]]] = []
    for line, cells in raw:
        if not any(cells):
            continue
        if header is None:
            header, hline = cells, line
            continue
        rows.append((line, cells))
    if header is None:
        where = f"sheet {sheet!r}: " if sheet else ""
        return None, [Problem(path, 1, 1, ERROR, "bad-table", where + "the table is empty; it needs a header row")]
    width = len(header)
    while width and not header[width - 1]:
        width -= 1
    problems = []
    beyond = next(((ln, width + 1 + next(i for i, x in enumerate(c[width:]) if x))
                   for ln, c in rows if any(c[width:])), None)
    if beyond is not None:
        where = f"sheet {sheet!r}: " if sheet else ""
        problems.append(Problem(path, beyond[0], beyond[1], WARNING, "bad-table",
                                where + "values right of the last column header are ignored"))
    rows = [(ln, (c + [""] * (width - len(c)))[:width] if len(c) != width else c) for ln, c in rows]
    return Table(path, sheet, header[:width], hline, list(range(1, width + 1)), rows), problems


def _read_csv(path: str) -> tuple[Table | None, list[Problem]]:
    from .guard import restore

    blob = Path(path).read_bytes()
    try:
        text = blob.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = blob.count(b"\n", 0, err.start) + 1
        return None, [Problem(path, line, 0, ERROR, "bad-table", "the file is not UTF-8 text; save it as UTF-8 CSV")]
    first = text.split("\n", 1)[0]
    if path.lower().endswith((".tsv", ".tab")):
        delim = "\t"
    else:
        delim = max([",", ";", "\t"], key=lambda d: (first.count(d), d == ","))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delim)

    def rows() -> Iterable[tuple[int, list[str]]]:
        while True:
            start = reader.line_num + 1
            try:
                cells = next(reader)
            except StopIteration:
                return
            # a cell that `export` neutralised ('=...) reads back as it was
            yield start, [restore(c).strip() for c in cells]

    try:
        raw = list(rows())
    except csv.Error as err:
        return None, [Problem(path, reader.line_num, 0, ERROR, "bad-table", f"not a readable CSV table: {err}")]
    problem = _over_limits(path, raw)
    return (None, [problem]) if problem else _finish(path, None, raw)


def _over_limits(path: str, raw: Sequence[tuple[int, list[str]]]) -> Problem | None:
    """The first way a table read as text exceeds the limits of ``indexer.guard``, or None."""
    from .guard import MAX_CELL_CHARS, MAX_COLUMNS, MAX_ROWS

    if len(raw) > MAX_ROWS + 1:
        return Problem(path, raw[MAX_ROWS + 1][0], 1, ERROR, "bad-table",
                       f"the table has more than {MAX_ROWS:,} rows (split it)")
    for line, cells in raw:
        if len(cells) > MAX_COLUMNS and any(cells[MAX_COLUMNS:]):
            return Problem(path, line, MAX_COLUMNS + 1, ERROR, "bad-table",
                           f"a row has values beyond the limit of {MAX_COLUMNS:,} columns")
        for j, c in enumerate(cells, start=1):
            if len(c) > MAX_CELL_CHARS:
                return Problem(path, line, j, ERROR, "bad-table",
                               f"a cell holds {len(c):,} characters; the limit is {MAX_CELL_CHARS:,}")
    return None


def _read_excel(path: str, sheet: str | None) -> tuple[Table | None, list[Problem]]:
    import zipfile

    import openpyxl

    from .guard import MAX_SHARED_STRINGS_BYTES, MAX_TABLE_BYTES

    def bad(msg: str, line: int = 0, col: int = 0) -> tuple[None, list[Problem]]:
        return None, [Problem(path, line, col, ERROR, "bad-table", msg)]

    # a workbook is a zip: what it unpacks to is checked before openpyxl reads any of it (it
    # reads every shared string into memory at once)
    try:
        with zipfile.ZipFile(path) as z:
            infos = z.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as err:
        return bad(f"not a readable Excel workbook ({type(err).__name__})")
    unpacked = sum(i.file_size for i in infos)
    if unpacked > 2 * MAX_TABLE_BYTES:
        return bad(f"the workbook unpacks to {unpacked // 2**20:,} MB; the limit is {2 * MAX_TABLE_BYTES // 2**20} MB "
                   "(save the sheet as CSV, or split it)")
    strings = sum(i.file_size for i in infos if i.filename.lower().endswith("sharedstrings.xml"))
    if strings > MAX_SHARED_STRINGS_BYTES:
        return bad(f"the workbook's text cells unpack to {strings // 2**20:,} MB; the limit is "
                   f"{MAX_SHARED_STRINGS_BYTES // 2**20} MB (save the sheet as CSV, or split it)")
    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError) as err:
        return bad(f"not a readable Excel workbook ({type(err).__name__})")
    try:
        if sheet is None:
            ws = wb.worksheets[0]
        elif sheet in wb.sheetnames:
            ws = wb[sheet]
        else:
            names = ", ".join(repr(s) for s in wb.sheetnames)
            return bad(f"no sheet {sheet!r} in the workbook (sheets: {names})")
        raw, problems = _sheet_rows(path, ws)
        if raw is None:
            return None, problems
        return _finish(path, ws.title, raw)
    finally:
        wb.close()


def _sheet_rows(path: str, ws: Any) -> tuple[list[tuple[int, list[str]]] | None, list[Problem]]:
    """The rows of a read-only worksheet as text cells, read from the cells the sheet holds (a
    cell far right, in column XFD, is not padded out to 16,384 cells per row), within the limits
    of ``indexer.guard``."""
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet._reader import WorkSheetParser

    from .guard import MAX_CELL_CHARS, MAX_COLUMNS, MAX_ROWS

    def bad(msg: str, line: int, col: int) -> tuple[None, list[Problem]]:
        return None, [Problem(path, line, col, ERROR, "bad-table", f"sheet {ws.title!r}: {msg}")]

    wb = ws.parent
    out: list[tuple[int, list[str]]] = []
    with ws._get_source() as src:
        parser = WorkSheetParser(src, ws._shared_strings, data_only=True, epoch=wb.epoch,
                                 date_formats=wb._date_formats, timedelta_formats=wb._timedelta_formats)
        for line, row in parser.parse():
            cells: dict[int, str] = {}
            for cell in row:
                text = cell_text(cell["value"])
                if not text:
                    continue
                col = cell["column"]
                if col > MAX_COLUMNS:
                    return bad(f"a value in column {get_column_letter(min(col, 18278))} ({col:,}) lies beyond the "
                               f"limit of {MAX_COLUMNS:,} columns", line, col)
                if len(text) > MAX_CELL_CHARS:
                    return bad(f"a cell holds {len(text):,} characters; the limit is {MAX_CELL_CHARS:,}", line, col)
                cells[col] = text
            if not cells:
                continue
            if line > MAX_ROWS + 1:
                return bad(f"the sheet has values beyond row {MAX_ROWS + 1:,}; the limit is {MAX_ROWS:,} rows "
                           "(split the table)", line, 1)
            out.append((line, [cells.get(j, "") for j in range(1, max(cells) + 1)]))
    return out, []


def _read_parquet(path: str) -> tuple[Table | None, list[Problem]]:
    from .guard import MAX_COLUMNS, MAX_ROWS, MAX_TABLE_BYTES

    try:
        import pyarrow.parquet as pq

        meta = pq.ParquetFile(path).metadata
        unpacked = sum(meta.row_group(i).total_byte_size for i in range(meta.num_row_groups))
        if meta.num_rows > MAX_ROWS or meta.num_columns > MAX_COLUMNS or unpacked > 2 * MAX_TABLE_BYTES:
            return None, [Problem(path, 0, 0, ERROR, "bad-table",
                                  f"the table has {meta.num_rows:,} rows and {meta.num_columns:,} columns "
                                  f"({unpacked // 2**20:,} MB unpacked); the limits are {MAX_ROWS:,} rows, "
                                  f"{MAX_COLUMNS:,} columns and {2 * MAX_TABLE_BYTES // 2**20} MB")]
        df = pd.read_parquet(path)
    except Exception as err:  # pyarrow raises many kinds for a damaged file
        return None, [Problem(path, 0, 0, ERROR, "bad-table", f"not a readable Parquet file ({type(err).__name__})")]
    header = [str(c) for c in df.columns]
    raw = [(1, header)] + [(i + 2, [cell_text(v) for v in row])
                           for i, row in enumerate(df.itertuples(index=False, name=None))]
    problem = _over_limits(path, raw)
    return (None, [problem]) if problem else _finish(path, None, raw)
