"""Export (``indexer export``): the tidy score table, the answers with their sources, the
given (published) scores, or a comparison, as CSV, Excel or Parquet. Every file carries the
scheme's id and version (columns ``scheme`` and ``scheme_version``; in Excel also an ``about``
sheet; in Parquet also the file's metadata); in the answers table ``scheme_version`` is the
version each profile states it was coded against (empty where it states none), so that a
re-import keeps it. The other direction, tables read into profiles, is :mod:`indexer.tables`.
"""

from __future__ import annotations

import datetime as _dt
import io
import json
import math
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import numpy as np
import pandas as pd

from .load import number_of
from .model import CITATION_FIELDS, NOT_APPLICABLE, Citation, Profile, Scheme
from .tables import canonical_number

#: what ``--format`` takes
FORMATS = ("csv", "xlsx", "parquet")

def _versioned(df: pd.DataFrame, scheme: Scheme) -> pd.DataFrame:
    df = df.copy()
    if "scheme" in df.columns:
        df = df.drop(columns="scheme")
    df.insert(0, "scheme", scheme.id)
    df.insert(1, "scheme_version", scheme.version)
    return df.reset_index(drop=True)


SCORE_COLUMNS = ["scheme", "scheme_version", "country", "year", "code", "level", "depth", "score", "coverage",
                 "band", "lower", "upper", "provenance", "status", "coding"]
ANSWER_COLUMNS = ["scheme", "scheme_version", "country", "year", "code", "answer", "score", "source", "note",
                  "url", "quote", "confidence", "status", "provenance", "coder", "reviewer", "notes", "coding"]
GIVEN_COLUMNS = ["scheme", "scheme_version", "country", "year", "code", "level", "score", "status", "provenance",
                 "coding"]


def scores_frame(scheme: Scheme, profiles: Sequence[Profile]) -> pd.DataFrame:
    """The tidy score table (``indexer.score.score``) with the scheme's id and version."""
    from .score import score

    return _versioned(score(scheme, profiles), scheme)[SCORE_COLUMNS]


def answers_frame(scheme: Scheme, profiles: Sequence[Profile]) -> pd.DataFrame:
    """One row per profile × leaf: the answer (text; ``n/a``; empty when not answered), the
    leaf's score, the answer's source, note, url, quote and confidence, and the profile's status, provenance,
    coder, reviewer and notes -- everything a long import reads back."""
    from .score import ScoreArrays, score_arrays, sort_profiles

    profs = sort_profiles(profiles)
    arrays: ScoreArrays = score_arrays(scheme, profs)
    leaves = scheme.leaves
    cols = [scheme.index[leaf.code] for leaf in leaves]
    n, m = len(profs), len(leaves)
    empty = Citation()
    answers: list[str] = []
    cits: dict[str, list[str]] = {k: [] for k in CITATION_FIELDS}
    for p in profs:
        for leaf in leaves:
            t = p.answers.get(leaf.code)
            answers.append("" if t is None else t)
            c = p.citations.get(leaf.code, empty)
            for k in CITATION_FIELDS:
                cits[k].append(getattr(c, k))

    def each(values: list) -> np.ndarray:
        """One value per profile, repeated for its leaves, as objects: a numpy string array
        would drop a text's trailing NUL characters (a coder written "\\0" came back empty)."""
        return np.repeat(np.array(values, dtype=object), m)

    return pd.DataFrame({
        "scheme": scheme.id,
        # the version each profile's answers were given against, as the profile states it (empty
        # where it does not), so that an export and re-import never marks old answers as current
        "scheme_version": each([p.scheme_version for p in profs]),
        "country": each([p.country for p in profs]),
        "year": np.repeat(np.array([p.year for p in profs], dtype=np.int64), m),
        "code": np.tile([leaf.code for leaf in leaves], n),
        "answer": answers,
        "score": arrays.score[:, cols].reshape(-1) if n else np.empty(0),
        **cits,
        "status": each([p.status for p in profs]),
        "provenance": each([p.provenance for p in profs]),
        "coder": each([p.coder for p in profs]),
        "reviewer": each([p.reviewer for p in profs]),
        "notes": each([p.notes for p in profs]),
        "coding": each([p.coding for p in profs]),
    }, columns=ANSWER_COLUMNS)


def given_frame(scheme: Scheme, profiles: Sequence[Profile]) -> pd.DataFrame:
    """One row per score given in a profile's ``scores:`` (published scores), in tree order."""
    from .score import sort_profiles

    rows = []
    for p in sort_profiles(profiles):
        for node in scheme.nodes:
            if node.code in p.scores:
                rows.append((scheme.id, scheme.version, p.country, p.year, node.code, node.level,
                             p.scores[node.code], p.status, p.provenance, p.coding))
    df = pd.DataFrame(rows, columns=GIVEN_COLUMNS)
    return df.astype({"year": np.int64, "score": float})


def compare_frame(scheme: Scheme, profiles: Sequence[Profile], countries: Sequence[str], **options: Any) -> pd.DataFrame:
    """``indexer.compare.compare`` as a table with the scheme's id and version."""
    from .compare import compare

    cmp_ = compare(scheme, profiles, countries, **options)
    return _versioned(cmp_.table, scheme)


def about_rows(scheme: Scheme, what: str, df: pd.DataFrame, profiles: Sequence[Profile]) -> list[tuple[str, str]]:
    from . import __version__

    ill = sorted({f"{p.country} {p.year}" for p in profiles if p.provenance == "illustrative"})
    return [
        ("scheme", scheme.id),
        ("scheme_version", scheme.version),
        ("scheme_title", scheme.title),
        ("scheme_source", scheme.source),
        ("scale", f"{scheme.scale[0]:g}..{scheme.scale[1]:g}"),
        ("what", what),
        ("rows", str(len(df))),
        ("profiles", str(len(profiles))),
        ("illustrative", ", ".join(ill)),
        ("generated_by", f"indexer {__version__}"),
        ("generated_at", _dt.datetime.now(_dt.UTC).replace(microsecond=0).isoformat()),
        ("note", "Scores are unrounded. Illustrative profiles are not published or official codings."),
    ]


def table_bytes(df: pd.DataFrame, fmt: str, *, scheme: Scheme, what: str, about: Sequence[tuple[str, str]] = (),
                raw: bool = False) -> bytes:
    """``df`` as a CSV, Excel (sheet ``what`` plus ``about``) or Parquet file's bytes.

    CSV text cells that a spreadsheet would run as a formula are neutralised with a leading
    ``'`` unless ``raw`` (``indexer.guard.neutralise``); Excel cells are values, never formulas.
    """
    from .guard import csv_text, values_only

    if fmt == "csv":
        return csv_text(df, raw=raw).encode("utf-8")
    if fmt == "xlsx":
        buf = io.BytesIO()
        with _exact_excel_floats(), pd.ExcelWriter(buf, engine="openpyxl") as xw:
            _excel_frame(df).to_excel(xw, sheet_name=what, index=False)
            pd.DataFrame(list(about) or [("scheme", scheme.id), ("scheme_version", scheme.version)],
                         columns=["key", "value"]).to_excel(xw, sheet_name="about", index=False)
            values_only(xw.book)
        return buf.getvalue()
    if fmt == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        t = pa.Table.from_pandas(df, preserve_index=False)
        meta = dict(t.schema.metadata or {})
        meta[b"indexer"] = json.dumps(dict(about) or {"scheme": scheme.id, "scheme_version": scheme.version}).encode()
        t = t.replace_schema_metadata(meta)
        buf = io.BytesIO()
        pq.write_table(t, buf)
        return buf.getvalue()
    raise ValueError(f"format must be one of {FORMATS}")


@contextmanager
def _exact_excel_floats() -> Iterator[None]:
    """openpyxl writes numbers with 16 significant digits (``%.16g``), which can lose the last
    bit of a double; while we write, floats go out as ``repr`` (the shortest exact text)."""
    from openpyxl.cell import _writer

    original = _writer.safe_string

    def exact(value: Any) -> str:
        if isinstance(value, float | np.floating) and math.isfinite(value):
            return repr(float(value))
        return original(value)

    _writer.safe_string = exact
    try:
        yield
    finally:
        _writer.safe_string = original


def _excel_frame(df: pd.DataFrame) -> pd.DataFrame:
    """Numbers stay numbers in Excel: an answer that reads as a number is written as one.
    Control characters that an Excel file cannot hold (all below U+0020 but tab, line feed and
    carriage return) are left out of text cells (openpyxl refused the whole file)."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    out = df.copy()
    for col in out.columns:
        if pd.api.types.is_object_dtype(out[col]) or pd.api.types.is_string_dtype(out[col]):
            out[col] = out[col].map(lambda v: ILLEGAL_CHARACTERS_RE.sub("", v) if isinstance(v, str) else v)
    if "answer" not in df.columns:
        return out
    vals: list[Any] = []
    for t in out["answer"]:
        x = number_of(t) if isinstance(t, str) and t != NOT_APPLICABLE else None
        vals.append(t if x is None or canonical_number(t) != t else (int(x) if x.is_integer() and abs(x) < 1e15 else x))
    out["answer"] = pd.Series(vals, index=out.index, dtype=object)
    return out


__all__ = ["SCORE_COLUMNS", "ANSWER_COLUMNS", "GIVEN_COLUMNS", "FORMATS", "scores_frame", "answers_frame",
           "given_frame", "compare_frame", "about_rows", "table_bytes"]
