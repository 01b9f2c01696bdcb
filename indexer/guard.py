"""Guards against hostile and careless input (issue 17), kept in one place.

- CSV cells that a spreadsheet would run as a formula are neutralised (``'=...``), and a lone
  carriage return inside a cell is quoted so that it cannot split a row;
- Excel cells are written as values, never formulas;
- an ``--output`` path is checked before any work (too long, under a file, in ``/proc``: a
  usage error, not a traceback);
- limits of the tables that ``import`` reads (size, rows, columns, characters in a cell).
"""

from __future__ import annotations

import errno
import math
import os
import re
from pathlib import Path
from typing import Any

import click

# ----------------------------------------------------------------------------------------------
# CSV: formulas and carriage returns

#: first characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\Z")
#: any number of ' then a formula start
_QUOTED_FORMULA = re.compile("'*[=+\\-@\t\r]")


def neutralise(text: str) -> str:
    """``text`` as a CSV cell a spreadsheet shows as text: a leading ``'`` before a cell that
    begins with ``= + - @``, a tab or a carriage return (numbers such as ``-5`` are left as they
    are), also after any ``'`` already there (so that :func:`restore` gives back exactly the
    original: ``'=x`` is written ``''=x``)."""
    if not text or not _QUOTED_FORMULA.match(text) or _NUMBER.match(text):
        return text
    return "'" + text


def restore(text: str) -> str:
    """The inverse of :func:`neutralise` (for a cell read back from a CSV file)."""
    return text[1:] if text[:1] == "'" and _QUOTED_FORMULA.match(text) else text


def csv_text(df: Any, *, raw: bool = False) -> str:
    """A DataFrame as CSV text (no index, ``\\n`` between rows): text cells neutralised (see
    :func:`neutralise`) unless ``raw``, and any cell holding a ``\\r`` or ``\\n`` quoted."""
    import pandas as pd

    if not raw:
        df = df.copy()
        for col in df.columns:
            if pd.api.types.is_object_dtype(df[col]) or pd.api.types.is_string_dtype(df[col]):
                df[col] = df[col].map(lambda v: neutralise(v) if isinstance(v, str) else v)
        df.columns = [neutralise(str(c)) for c in df.columns]
    # with "\r\n" between records the csv module quotes every cell holding "\r" or "\n"; the
    # record ends (outside quotes) then become "\n"
    return lf_records(df.to_csv(index=False, lineterminator="\r\n"))


def lf_records(text: str) -> str:
    """CSV text written with ``\\r\\n`` between records, with ``\\n`` there instead (a
    ``\\r\\n`` inside a quoted cell is kept)."""
    parts = text.split('"')
    for i in range(0, len(parts), 2):  # outside quotes (a doubled "" leaves an empty outside part)
        parts[i] = parts[i].replace("\r\n", "\n")
    return '"'.join(parts)


# ----------------------------------------------------------------------------------------------
# Excel: values, never formulas


def values_only(workbook: Any) -> None:
    """Every cell of an openpyxl workbook that would be written as a formula (a text beginning
    with ``=``) is made a text cell."""
    for ws in workbook.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    cell.data_type = "s"


# ----------------------------------------------------------------------------------------------
# --output paths


def check_output(path: str | None, param_hint: str = "--output", *, folder: bool = False) -> None:
    """Raise a usage error (exit 2) for an output path that cannot be written: a name too long,
    a parent that is a file, a path under ``/proc`` or ``/sys``; a missing parent folder is
    fine (it is made). Nothing is created."""
    if not path:
        return
    p = Path(path)
    try:
        real = Path(os.path.realpath(p))
        if real.parts[:2] in (("/", "proc"), ("/", "sys")):
            raise click.BadParameter(f"cannot write {path}: a kernel file system", param_hint=param_hint)
        if len(os.fsencode(real.name)) > 255 or len(os.fsencode(str(real))) > 4000:
            raise OSError(errno.ENAMETOOLONG, os.strerror(errno.ENAMETOOLONG))
        if folder:
            if real.exists() and not real.is_dir():
                raise OSError(errno.ENOTDIR, os.strerror(errno.ENOTDIR))
        elif real.is_dir():
            raise OSError(errno.EISDIR, os.strerror(errno.EISDIR))
        for parent in real.parents:
            if parent.exists():
                if not parent.is_dir():
                    raise OSError(errno.ENOTDIR, f"{parent} is not a folder")
                break
    except OSError as err:
        raise click.BadParameter(f"cannot write {path}: {err.strerror or err}", param_hint=param_hint) from None


# ----------------------------------------------------------------------------------------------
# tables read by `indexer import`

#: a table file (CSV, Parquet, or an Excel workbook's unpacked parts) larger than this is refused
MAX_TABLE_BYTES = 64 * 1024 * 1024
#: an Excel workbook's shared strings (all read into memory at once) may unpack to this much
MAX_SHARED_STRINGS_BYTES = 8 * 1024 * 1024
#: rows and columns of a table (a country-year per row, or a code per row in the long layout)
MAX_ROWS = 200_000
MAX_COLUMNS = 2_000
#: characters in one cell: Excel's own limit
MAX_CELL_CHARS = 32_767


# ----------------------------------------------------------------------------------------------
# command-line numbers

#: years in one --years span or list (a series of 500 years is 500 comparisons)
MAX_YEARS = 500


class FiniteFloatRange(click.FloatRange):
    """``click.FloatRange`` that also refuses ``nan`` and ``inf`` (``nan`` passes any range,
    every comparison with it being false)."""

    name = "finite float"

    def convert(self, value: Any, param: Any, ctx: Any) -> Any:
        x = super().convert(value, param, ctx)
        if not math.isfinite(x):
            self.fail(f"{value!r} is not a finite number", param, ctx)
        return x
