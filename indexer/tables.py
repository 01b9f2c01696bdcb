"""Tables in: answers and scores read from CSV, Excel and Parquet into profiles.

Import (``indexer import``) reads a table of answers or of published scores, checks every cell
against the scheme with the engine's own checks (``validate.check_profile``) and writes one
profile YAML per country and year -- atomically, all or nothing, never over a profile whose
content differs unless forced. Problems point at the table: its path, the row as the line, the
column number as the column, and the sheet in the message.

Reading the table itself is :mod:`indexer.read_table`; export, the other direction, is
:mod:`indexer.export`.

Layouts (see docs/normalisation.md):

- wide: one row per country and year, one column per node code (``country``, ``year``, then
  codes); optional ``status``, ``provenance``, ``coder``, ``reviewer``, ``notes``, ``source``,
  ``title`` columns;
- long: one row per country, year and code: ``country, year, code, answer`` (``score`` for
  published scores), optional ``source, note, url`` and the profile columns above.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from .dump import profile_yaml, same_profile
from .load import ID_RE, load_file, number_of
from .model import CITATION_FIELDS, NOT_APPLICABLE, PROVENANCES, STATUSES, Citation, Profile, Scheme
from .problems import ERROR, WARNING, Problem, excerpt, has_errors, sort_problems
from .read_table import EXCEL_SUFFIXES, Table, cell_text, read_table  # noqa: F401 - re-exported
from .validate import check_profile

KINDS = ("answers", "scores")
LAYOUTS = ("wide", "long")
DEFAULT_PATTERN = "{country}-{year}.yaml"

#: cells that mean "no value" in a numeric leaf or a score column besides an empty cell
#: (R writes NA, Excel #N/A, pandas NaN); an option leaf takes only an empty cell as blank
NA_MARKERS = frozenset({"NA", "#N/A", "NaN", "nan"})

# header names (compared lower case, with spaces, '-' and '_' alike) -> role
COUNTRY_NAMES = ("country", "iso2", "iso3", "ucode", "country_code", "countrycode", "country_name",
                 "uname", "name")
YEAR_NAMES = ("year", "time", "reference_year")
CODE_NAMES = ("code", "indicator", "icode", "node")
ANSWER_NAMES = ("answer", "value")
SCORE_NAMES = ("score", "value", "answer")
PROFILE_FIELDS = ("status", "provenance", "coder", "reviewer", "notes", "title", "coding")
SCHEME_NAMES = ("scheme",)
VERSION_NAMES = ("scheme_version", "version")
#: long-layout columns that exports write and imports ignore (derived from the profile)
DERIVED = ("score", "level", "depth", "coverage", "band", "title", "given")


def _norm(header: str) -> str:
    return re.sub(r"[\s_-]+", "_", header.strip().lower())


# ----------------------------------------------------------------------------------------------
# tables into profiles


@dataclass
class _Draft:
    """One profile being assembled from a table: values with the cell each came from."""

    country: str
    year: int
    line: int
    fields: dict[str, tuple[str, int, int]] = field(default_factory=dict)  # status etc.
    answers: dict[str, tuple[str | None, int, int]] = field(default_factory=dict)
    code_cells: dict[str, tuple[int, int]] = field(default_factory=dict)
    citations: dict[str, Citation] = field(default_factory=dict)
    scores: dict[str, tuple[float, int, int]] = field(default_factory=dict)
    wide_cols: dict[str, int] = field(default_factory=dict)
    #: the distinct non-empty values of the rows' scheme_version column
    versions: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class Imported:
    """A profile made from a table, its YAML text, and the file it goes to."""

    profile: Profile
    text: str
    path: Path
    line: int  # the table row where it starts


@dataclass
class ImportResult:
    profiles: list[Imported] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    layout: str = ""

    @property
    def ok(self) -> bool:
        return not has_errors(self.problems)


def detect_layout(header: Sequence[str], scheme: Scheme) -> str:
    """``long`` when the header has a code column and an answer/score column, else ``wide``."""
    names = {_norm(h) for h in header if h not in scheme.index}
    if names & set(CODE_NAMES) and names & (set(ANSWER_NAMES) | set(SCORE_NAMES)):
        return "long"
    return "wide"


class _Countries:
    def __init__(self) -> None:
        self.cache: dict[str, str | None] = {}

    def __call__(self, text: str) -> str | None:
        if text not in self.cache:
            from .countries import exact_code_of, is_valid_code

            cc = exact_code_of(text)  # exactly a code or a name: never a guess
            self.cache[text] = cc if cc is not None and is_valid_code(cc) else None
        return self.cache[text]


def frame_to_table(df: pd.DataFrame, name: str = "<frame>") -> Table:
    """A DataFrame as a :class:`Table` of text cells (row numbers as a sheet would count them:
    the header on line 1), so that a frame goes through the same checks as a file."""
    header = [str(c) for c in df.columns]
    rows = [(i + 2, [cell_text(v) for v in rec]) for i, rec in enumerate(df.itertuples(index=False, name=None))]
    return Table(name, None, header, 1, list(range(1, len(header) + 1)), rows)


def profiles_from_frame(df: pd.DataFrame, scheme: Scheme, **options: Any) -> ImportResult:
    """Profiles straight from a DataFrame (a row per country-year, a column per indicator, or
    the long layout), checked cell by cell like a table file, with no YAML in between: the
    in-memory path of a COINr-style pipeline (``frame -> profiles -> score``). Options as
    :func:`table_to_profiles`; ``res.profiles[i].profile`` are the profiles."""
    return table_to_profiles(frame_to_table(df), scheme, yaml_text=False, **options)


def table_to_profiles(
    table: Table,
    scheme: Scheme,
    *,
    kind: str = "answers",
    layout: str | None = None,
    status: str | None = None,
    provenance: str | None = None,
    year: int | None = None,
    ignore: Sequence[str] = (),
    out_dir: str | Path = ".",
    pattern: str = DEFAULT_PATTERN,
    yaml_text: bool = True,
) -> ImportResult:
    """Profiles from a table, every cell checked; problems located in the table.

    ``status``/``provenance`` set every profile's (default: the table's column, else ``draft``
    and ``expert``); ``year`` is the year of rows without one; ``ignore`` names columns to skip.
    ``yaml_text=False`` skips writing each profile's YAML (for profiles kept in memory).
    """
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {KINDS}")
    res = ImportResult()
    layout = layout or detect_layout(table.header, scheme)
    res.layout = layout
    if layout not in LAYOUTS:
        raise ValueError(f"layout must be one of {LAYOUTS}")
    ignored = {_norm(c) for c in ignore} | set(ignore)
    roles, probs = _classify(table, scheme, kind, layout, ignored, year)
    res.problems.extend(probs)
    if has_errors(probs):
        return res
    drafts = _drafts(table, scheme, kind, layout, roles, year, res.problems)
    cache: dict[tuple[str, str | float], list[tuple[str, str, str]]] = {}
    for d in drafts:
        _check_draft(table, scheme, kind, d, status, provenance, res.problems, cache)
    if has_errors(res.problems):
        return res
    for d in drafts:
        if kind == "scores" and not d.scores:
            res.problems.append(table.problem(d.line, 0, "missing-field",
                                              f"{d.country} {d.year}: the row gives no score; no profile is made",
                                              WARNING))
            continue
        prof = _profile_of(d, scheme, kind, status, provenance)
        text = profile_yaml(prof, scheme) if yaml_text else ""
        target = Path(out_dir) / pattern.format(country=prof.country, year=prof.year, scheme=scheme.id)
        res.profiles.append(Imported(Profile(**{**_fields(prof), "path": str(target)}), text, target, d.line))
    return res


@dataclass
class _Roles:
    country: int | None = None
    year: int | None = None
    code: int | None = None
    value: int | None = None
    fields: dict[str, int] = field(default_factory=dict)  # status, provenance, ...
    citations: dict[str, int] = field(default_factory=dict)  # source, note, url (long)
    scheme: int | None = None
    version: int | None = None
    codes: dict[int, str] = field(default_factory=dict)  # wide: column index -> node code


def _classify(table: Table, scheme: Scheme, kind: str, layout: str, ignored: set[str],
              year: int | None) -> tuple[_Roles, list[Problem]]:
    r = _Roles()
    probs: list[Problem] = []
    seen: dict[str, int] = {}
    country_rank = len(COUNTRY_NAMES)
    hl = table.header_line
    value_names = ANSWER_NAMES if kind == "answers" else SCORE_NAMES
    for j, h in enumerate(table.header):
        col = table.cols[j]
        if not h:
            if any(cells[j] for _, cells in table.rows):
                probs.append(table.problem(hl, col, "bad-table", "a column without a header holds values; "
                                           "name it or delete it", WARNING))
            continue
        if h in seen:
            probs.append(table.problem(hl, col, "duplicate-column",
                                       f"column {excerpt(h)} is also column {table.cols[seen[h]]}"))
            continue
        seen[h] = j
        n = _norm(h)
        if h in ignored or n in ignored:
            continue
        if layout == "wide" and h in scheme.index:
            r.codes[j] = h
            continue
        if n in COUNTRY_NAMES:
            rank = COUNTRY_NAMES.index(n)
            if rank < country_rank:
                r.country, country_rank = j, rank
        elif n in YEAR_NAMES and r.year is None:
            r.year = j
        elif n in PROFILE_FIELDS and not (layout == "long" and n == "title"):
            r.fields[n] = j
        elif n in SCHEME_NAMES:
            r.scheme = j
        elif n in VERSION_NAMES:
            r.version = j
        elif layout == "wide" and n == "source":
            r.fields["source"] = j
        elif layout == "long" and n in CODE_NAMES and r.code is None:
            r.code = j
        elif layout == "long" and n in value_names and (r.value is None or value_names.index(n) < value_names.index(_norm(table.header[r.value]))):
            r.value = j
        elif layout == "long" and n in CITATION_FIELDS and kind == "answers":
            r.citations[n] = j
        elif layout == "long" and n in DERIVED:
            continue
        elif layout == "long":
            probs.append(table.problem(hl, col, "unknown-field", f"column {excerpt(h)} is not one this layout "
                                       "reads; it is ignored", WARNING))
        else:
            probs.append(_header_problem(table, scheme, kind, h, col))
    if layout == "wide":
        for j, code in list(r.codes.items()):
            p = _header_check(table, scheme, kind, code, table.cols[j])
            if p is not None:
                probs.append(p)
                del r.codes[j]
    need = [("country", r.country)] + ([("year", r.year)] if year is None else [])
    if layout == "long":
        need += [("code", r.code), ("answer" if kind == "answers" else "score", r.value)]
    for name, j in need:
        if j is None:
            probs.append(table.problem(hl, 0, "bad-table",
                                       f"the {layout} layout needs a {name!r} column; the header has "
                                       f"{', '.join(repr(h) for h in table.header if h)}"
                                       + ("" if name != "year" else " (or give --year)")))
    if layout == "wide" and not r.codes and not has_errors(probs):
        probs.append(table.problem(hl, 0, "bad-table", f"no column is a code of {scheme.id}"))
    return r, probs


def code_problem(scheme: Scheme, kind: str, code: str) -> tuple[str, str] | None:
    """(problem code, message) when ``code`` cannot be a column/row of this kind -- unknown to
    the scheme, or a composite in an answers table -- worded by the engine's own check."""
    probe = Profile(scheme.id, "AA", 2000, path="", has_answers_section=False,
                    answers={code: None} if kind == "answers" else {},
                    scores={code: scheme.scale[0]} if kind == "scores" else {})
    for p in check_profile(probe, scheme):
        if p.code in ("unknown-code", "not-a-leaf"):
            msg = p.message
            if p.code == "unknown-code":
                hint = [c for c in scheme.index if c.lower() == code.lower()]
                if hint:
                    msg += f" (did you mean {hint[0]!r}? codes are case-sensitive)"
            return p.code, msg
    return None


def _header_problem(table: Table, scheme: Scheme, kind: str, h: str, col: int) -> Problem:
    """An unknown wide column."""
    code, msg = code_problem(scheme, kind, h) or ("unknown-code", f"{scheme.id} has no node {excerpt(h)}")
    if "did you mean" not in msg:
        msg += " (use --ignore to skip a column)"
    return table.problem(table.header_line, col, code, msg)


def _header_check(table: Table, scheme: Scheme, kind: str, code: str, col: int) -> Problem | None:
    """A code column that cannot hold this kind of value (a composite in an answers table)."""
    found = code_problem(scheme, kind, code)
    return None if found is None else table.problem(table.header_line, col, *found)


def _parse_year(text: str) -> int | None:
    s = text.strip()
    if re.fullmatch(r"\d{4}(\.0+)?", s):
        return int(float(s))
    return None


def _drafts(table: Table, scheme: Scheme, kind: str, layout: str, r: _Roles, year: int | None,
            probs: list[Problem]) -> list[_Draft]:
    countries = _Countries()
    checked: dict[str, tuple[str, str] | None] = {}
    drafts: dict[tuple[str, int], _Draft] = {}
    order: list[_Draft] = []
    col_of = table.cols

    def col(j: int | None) -> int:
        return col_of[j] if j is not None else 0

    for line, cells in table.rows:
        ctext = cells[r.country] if r.country is not None else ""
        if not ctext:
            probs.append(table.problem(line, col(r.country), "missing-field", "the row has no country"))
            continue
        cc = countries(ctext)
        if cc is None:
            probs.append(table.problem(line, col(r.country), "unknown-country",
                                       f"{excerpt(ctext)} is neither an ISO 3166-1 code nor a country name "
                                       "known to pycountry; write the code (e.g. SE) or the exact name"))
            continue
        if r.year is not None and cells[r.year]:
            y = _parse_year(cells[r.year])
            if y is None:
                probs.append(table.problem(line, col_of[r.year], "bad-value",
                                           f"year {excerpt(cells[r.year])} must be a four-digit year"))
                continue
        elif year is not None:
            y = year
        else:
            probs.append(table.problem(line, col(r.year), "missing-field", "the row has no year"))
            continue
        if r.scheme is not None and cells[r.scheme] and cells[r.scheme] != scheme.id:
            probs.append(table.problem(line, col_of[r.scheme], "unknown-scheme",
                                       f"the row is for scheme {excerpt(cells[r.scheme])}, not {scheme.id!r}"))
            continue
        if r.version is not None and cells[r.version] and cells[r.version] != scheme.version:
            probs.append(table.problem(line, col_of[r.version], "version-mismatch",
                                       f"the row was made with version {excerpt(cells[r.version])} of "
                                       f"{scheme.id}; the scheme is version {scheme.version!r}", WARNING))
        key = (cc, y)
        d = drafts.get(key)
        if d is None:
            d = drafts[key] = _Draft(cc, y, line)
            order.append(d)
        elif layout == "wide":
            probs.append(table.problem(line, col(r.country), "duplicate-profile",
                                       f"{cc} {y} is also on row {d.line}; keep one row per country and year"))
            continue
        if r.version is not None and cells[r.version]:
            d.versions.add(cells[r.version])
        for name, j in r.fields.items():
            v = cells[j]
            if not v:
                continue
            if name in d.fields and d.fields[name][0] != v:
                probs.append(table.problem(line, col_of[j], "bad-value",
                                           f"{cc} {y}: {name} {excerpt(v)} differs from {excerpt(d.fields[name][0])} "
                                           f"on row {d.fields[name][1]}"))
                continue
            d.fields.setdefault(name, (v, line, col_of[j]))
        if layout == "wide":
            for j, code in r.codes.items():
                d.wide_cols[code] = col_of[j]
                _put(table, scheme, kind, d, code, cells[j], line, col_of[j], (line, col_of[j]), probs)
        else:
            code = cells[r.code] if r.code is not None else ""
            if not code:
                probs.append(table.problem(line, col(r.code), "missing-field", "the row has no code"))
                continue
            cell = (line, col(r.code))
            if code not in checked:
                checked[code] = code_problem(scheme, kind, code)
            if checked[code] is not None:
                probs.append(table.problem(line, cell[1], *checked[code]))  # type: ignore[misc]
                continue
            if code in d.code_cells:
                probs.append(table.problem(line, cell[1], "duplicate-answer",
                                           f"{cc} {y} {code} is also on row {d.code_cells[code][0]}; keep one"))
                continue
            d.code_cells[code] = cell
            vj = r.value if r.value is not None else 0
            _put(table, scheme, kind, d, code, cells[vj], line, col_of[vj], cell, probs)
            cit = Citation(*(cells[r.citations[k]] if k in r.citations else "" for k in CITATION_FIELDS))
            if any(getattr(cit, k) for k in CITATION_FIELDS):
                d.citations[code] = cit
    return order


def _put(table: Table, scheme: Scheme, kind: str, d: _Draft, code: str, text: str, line: int, col: int,
         code_cell: tuple[int, int], probs: list[Problem]) -> None:
    d.code_cells.setdefault(code, code_cell)
    i = scheme.index.get(code)
    numeric = i is not None and scheme.nodes[i].numeric is not None
    if kind == "answers":
        if not text or (numeric and text in NA_MARKERS):
            d.answers[code] = (None, line, col)
        else:
            d.answers[code] = (text, line, col)
        return
    if not text or text in NA_MARKERS:
        return
    x = number_of(text)
    if x is None:
        probs.append(table.problem(line, col, "not-a-number", f"the score of {code} {excerpt(text)} is not a number"))
        return
    d.scores[code] = (x, line, col)


def _check_draft(table: Table, scheme: Scheme, kind: str, d: _Draft, status: str | None,
                 provenance: str | None, probs: list[Problem],
                 cache: dict[tuple[str, str | float], list[tuple[str, str, str]]]) -> None:
    """Every cell of one profile through ``check_profile``, one cell at a time (so that each
    problem has its cell), then the whole profile for the rules that span cells."""
    for name, allowed, forced in (("status", STATUSES, status), ("provenance", PROVENANCES, provenance)):
        if forced is None and name in d.fields and d.fields[name][0] not in allowed:
            v, line, col = d.fields[name]
            probs.append(table.problem(line, col, "bad-value",
                                       f"{name} {excerpt(v)} is not one of {', '.join(allowed)}"))
    if "coding" in d.fields and d.fields["coding"][0] and not ID_RE.match(d.fields["coding"][0]):
        v, line, col = d.fields["coding"]
        probs.append(table.problem(line, col, "bad-value", f"coding {excerpt(v)} must be an id such as desk or coder-b"))
    st = status or (d.fields["status"][0] if "status" in d.fields else "draft")
    cells: list[tuple[str, str | float, int, int]] = [
        (code, text, line, col) for code, (text, line, col) in d.answers.items() if text is not None]
    cells += [(code, x, line, col) for code, (x, line, col) in d.scores.items()]
    for code, value, line, col in cells:
        key = (code, value)
        found = cache.get(key)
        if found is None:  # the same code and value give the same problems in any profile
            one = Profile(scheme.id, d.country, d.year, path="", has_answers_section=False,
                          answers={code: value} if isinstance(value, str) else {},
                          scores={code: value} if not isinstance(value, str) else {})
            found = cache[key] = [(p.code, p.message, p.severity) for p in check_profile(one, scheme)]
        for pcode, message, severity in found:
            probs.append(table.problem(line, col, pcode, f"{d.country} {d.year}: {message}", severity))
    if kind == "answers":
        whole = Profile(scheme.id, d.country, d.year, path="", status=st,
                        answers={c: t for c, (t, _, _) in d.answers.items() if c in scheme.index},
                        has_answers_section=True)
        for p in check_profile(whole, scheme):
            if p.code != "missing-answer":
                continue  # every other problem was found (and located) cell by cell above
            leaf = p.message.split(" ", 1)[0]
            cell = d.answers.get(leaf)
            line, col = (cell[1], cell[2]) if cell is not None else (d.line, d.wide_cols.get(leaf, 0))
            probs.append(table.problem(line, col, p.code, f"{d.country} {d.year}: {p.message}", p.severity))


def canonical_number(text: str) -> str:
    """The shortest text of a numeric answer: ``8`` for ``8.0`` or ``+8``, ``4.1`` for ``4.10``."""
    x = number_of(text)
    if x is None:
        return text
    if x.is_integer() and abs(x) < 1e15:
        return str(int(x))
    return repr(x)


def _profile_of(d: _Draft, scheme: Scheme, kind: str, status: str | None, provenance: str | None) -> Profile:
    f = {k: v[0] for k, v in d.fields.items()}
    answers: dict[str, str | None] = {}
    if kind == "answers":
        for leaf in scheme.leaves:
            cell = d.answers.get(leaf.code)
            text = cell[0] if cell is not None else None
            if text is not None and leaf.numeric is not None and text != NOT_APPLICABLE:
                text = canonical_number(text)
            answers[leaf.code] = text
    scores = {}
    for node in scheme.nodes:  # tree order
        if node.code in d.scores:
            scores[node.code] = d.scores[node.code][0]
    return Profile(
        scheme=scheme.id, country=d.country, year=d.year, path="",
        status=status or f.get("status", "draft"), provenance=provenance or f.get("provenance", "expert"),
        answers=answers, citations={c: v for c, v in d.citations.items() if c in answers},
        scores=scores, has_answers_section=kind == "answers",
        coder=f.get("coder", ""), reviewer=f.get("reviewer", ""), notes=f.get("notes", ""),
        source=f.get("source", ""), title=f.get("title", ""), coding=f.get("coding", ""),
        # answers: the version the rows say they were given against, where they agree (else not
        # stated); published scores are not answers to a questionnaire of any one version
        scheme_version=next(iter(d.versions)) if kind == "answers" and len(d.versions) == 1 else "",
    )


def _fields(obj: Any) -> dict[str, Any]:
    return {f: getattr(obj, f) for f in obj.__dataclass_fields__}


# ----------------------------------------------------------------------------------------------
# import: all or nothing


def import_table(
    path: str | Path,
    scheme: Scheme,
    out_dir: str | Path,
    *,
    sheet: str | None = None,
    kind: str = "answers",
    layout: str | None = None,
    status: str | None = None,
    provenance: str | None = None,
    year: int | None = None,
    ignore: Sequence[str] = (),
    pattern: str = DEFAULT_PATTERN,
    force: bool = False,
    dry_run: bool = False,
) -> ImportResult:
    """Read ``path``, check it, and write one profile per country and year under ``out_dir``.

    Nothing is written if any error is found (in the table, or a differing existing profile
    without ``force``). A profile file whose content equals the import is left untouched.
    """
    table, probs = read_table(path, sheet)
    if table is None:
        return ImportResult(problems=probs)
    res = table_to_profiles(table, scheme, kind=kind, layout=layout, status=status, provenance=provenance,
                            year=year, ignore=ignore, out_dir=out_dir, pattern=pattern)
    res.problems[:0] = probs
    res.problems = sort_problems(res.problems)
    if not res.ok:
        return res
    to_write: list[tuple[Imported, str]] = []
    targets: dict[Path, Imported] = {}
    base = Path(out_dir).resolve()
    for imp in res.profiles:
        if not imp.path.resolve().is_relative_to(base):
            res.problems.append(table.problem(imp.line, 0, "bad-value",
                                              f"--pattern {pattern!r} names {imp.path}, outside the output folder"))
            continue
        if imp.path in targets:  # the pattern maps two profiles to one file
            res.problems.append(table.problem(imp.line, 0, "bad-value",
                                              f"--pattern {pattern!r} names {imp.path} for two profiles"))
            continue
        targets[imp.path] = imp
        state = _existing(imp, scheme)
        if state == "same":
            res.unchanged.append(imp.path)
        elif state == "differs" and not force:
            res.problems.append(Problem(str(imp.path), 1, 1, ERROR, "profile-exists",
                                        f"{imp.profile.country} {imp.profile.year} exists with different content "
                                        f"(table row {imp.line}); use --force to overwrite it"))
        else:
            to_write.append((imp, state))
    if not res.ok or dry_run:
        return res
    _write_all(res, to_write)
    return res


def _write_all(res: ImportResult, to_write: Sequence[tuple[Imported, str]]) -> None:
    """Write every profile, or none: a new file is created only if it is still absent (one
    made since the check is a ``profile-exists``, not overwritten); on any failure the files
    written so far are removed or given back their old content, and new folders removed."""
    from .fileio import atomic_write

    done: list[tuple[Path, bytes | None]] = []
    made: list[Path] = []
    try:
        for imp, state in to_write:
            for parent in reversed(imp.path.parents):
                if not parent.exists():
                    parent.mkdir()
                    made.append(parent)
            old = None if state == "new" else imp.path.read_bytes()
            atomic_write(imp.path, imp.text, exclusive=state == "new")
            done.append((imp.path, old))
            res.written.append(imp.path)
    except BaseException as err:
        for path, old_blob in reversed(done):
            if old_blob is None:
                path.unlink(missing_ok=True)
            else:
                atomic_write(path, old_blob)
        for folder in reversed(made):
            try:
                folder.rmdir()
            except OSError:
                pass
        res.written.clear()
        if isinstance(err, FileExistsError):
            res.problems.append(Problem(str(imp.path), 1, 1, ERROR, "profile-exists",
                                        f"{imp.profile.country} {imp.profile.year} was created by someone else while "
                                        "the table was checked; nothing written (run the import again)"))
            return
        raise


def _existing(imp: Imported, scheme: Scheme) -> str:
    """``new`` (no file), ``same`` (equal text or content) or ``differs``."""
    p = imp.path
    if not p.exists():
        return "new"
    try:
        if p.read_text(encoding="utf-8-sig") == imp.text:
            return "same"
    except (OSError, UnicodeDecodeError):
        return "differs"
    b = load_file(p)
    if has_errors(b.problems) or len(b.profiles) != 1:
        return "differs"
    return "same" if same_profile(b.profiles[0], imp.profile, scheme) else "differs"


__all__ = ["read_table", "table_to_profiles", "import_table", "Table", "ImportResult", "Imported", "cell_text",
           "canonical_number"]
