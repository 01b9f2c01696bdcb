"""Problems are data: one record per problem, one catalogue of codes.

Modelled on frictionless-py's validation reports: nothing here raises at the user; every stage
appends :class:`Problem` records and the views (CLI, app) print or show them.
"""

from __future__ import annotations

import reprlib
from collections.abc import Iterable
from dataclasses import dataclass

ERROR = "error"
WARNING = "warning"

#: The one catalogue of problem codes: code -> what it means and what to do.
CATALOGUE: dict[str, str] = {
    # reading files
    "unreadable-file": "The file cannot be read (missing, a folder, no permission, not UTF-8 text).",
    "yaml-syntax": "The file is not valid YAML (or nests too deep, or is too large to read).",
    "duplicate-key": "A mapping repeats a key; YAML would silently keep only the last one.",
    "unknown-file-kind": "The top level is neither a scheme (id/children), a profile (scheme) nor groups.",
    # shape of any file
    "missing-field": "A required key is missing or empty.",
    "bad-value": "A value has the wrong type or form.",
    "unknown-field": "A key that the format does not define (a warning: it is ignored).",
    # schemes
    "duplicate-code": "Two nodes of one scheme share a code.",
    "empty-node": "A composite node has no children, or a node has neither children, options nor numeric.",
    "bad-weight": "A weight is not a number greater than 0.",
    "duplicate-option": "Two options of one leaf share a value.",
    "score-out-of-scale": "A score lies outside the scheme's scale.",
    "duplicate-scheme": "Two scheme files declare the same id.",
    # profiles
    "unknown-scheme": "A profile names a scheme that is found neither among the paths nor in indicators/.",
    "unknown-code": "A profile answers or scores, or a translation translates, a code that its scheme does not have.",
    "not-a-leaf": "A profile answers a composite node; answer the nodes under it instead.",
    "unknown-option": "An answer (or a translated option label) is not one of the leaf's option values.",
    "not-a-number": "A numeric leaf's answer does not read as a number.",
    "given-score-conflict": "A leaf is answered under a node whose score is given in `scores:`.",
    "duplicate-profile": "Two profiles have the same scheme, country, year and coding.",
    "missing-answer": "A leaf is not answered yet (warning for draft/review, error for final).",
    "skipped-file": "A file with errors left out of a command run with --skip-invalid (warning).",
    "missing-source": "An answer of an illustrative or expert profile cites no `source` (warning).",
    "revised-question": "An answer given against an earlier (or unstated) `scheme_version` than its question's "
                        "`revised:` version (warning: re-read it, then update `scheme_version`).",
    "scheme-version-ahead": "A profile's `scheme_version` is later than the scheme read (warning).",
    # translations (indicators/<scheme>.<lang>.yaml)
    "untranslated": "A text of the scheme has no translation in a translation file (warning; the English is shown).",
    "stale-translation": "A translation whose English source changed since it was written, or that records no "
                         "fingerprint, or whose English is gone (warning; the English is shown until revised).",
    "duplicate-translation": "Two translation files give the same scheme in the same language.",
    # groups
    "duplicate-group": "Two group files define the same group name.",
    # tables (import)
    "bad-table": "A table (CSV/Excel) to import cannot be read or lacks a required column.",
    "cannot-analyse": "A robustness, what-if or convergence analysis cannot be run on this selection.",
    "no-profile": "A country named on the command line has no profile of the scheme (up to the year).",
    "cannot-report": "A country profile PDF cannot be made for this selection.",
    "profile-exists": "A profile file exists with different content; use --force to overwrite it.",
    "unknown-country": "A table's country cell is neither an ISO 3166-1 code nor a country name pycountry knows.",
    "duplicate-column": "A table's header names the same column twice.",
    "duplicate-answer": "A long table gives two rows for one country, year and code; keep one.",
    "version-mismatch": "A table row was made with another version of the scheme (a warning).",
    # command-line arguments (compare, export --what compare)
    "unknown-group": "A --baseline group is defined in no groups file among the paths.",
    "cannot-compare": "A comparison cannot be made (e.g. a compared country has no profile up to the year).",
}


@dataclass(frozen=True, slots=True)
class Problem:
    """One problem with user input. ``line`` and ``column`` count from 1 (0 = unknown)."""

    path: str
    line: int
    column: int
    severity: str
    code: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.severity} {self.code}: {self.message}"

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def as_dict(self) -> dict[str, object]:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "severity": self.severity,
            "code": self.code,
            "message": self.message,
        }


_short = reprlib.Repr()
_short.maxstring = 40
_short.maxother = 40
_short.maxlist = 4
_short.maxdict = 4
_short.maxlevel = 2


def excerpt(value: object) -> str:
    """A short, safe quotation of an offending value (never the whole of a large one)."""
    if isinstance(value, str):
        text = repr(value) if len(value) <= 40 else repr(value[:37] + "...")
    else:
        try:
            text = _short.repr(value)
        except Exception:  # pragma: no cover - reprlib on an exotic object
            return f"<{type(value).__name__}>"
    # reprlib bounds each part, not the whole (a mapping of 4 long keys and values is long), and
    # a character that repr escapes takes up to 10 (\U0001342f)
    return text if len(text) <= 60 else text[:57] + "..."


def has_errors(problems: Iterable[Problem]) -> bool:
    return any(p.severity == ERROR for p in problems)


def sort_problems(problems: Iterable[Problem]) -> list[Problem]:
    return sorted(problems, key=lambda p: (p.path, p.line, p.column, p.code))
