"""The command line: a thin view over the library (SPEC §5).

Exit status: 0 success, 1 invalid input (problems on stderr, no partial output), 2 wrong usage.
Commands beyond validate/score/template live in ``indexer/commands/`` (one module per verb).
"""

from __future__ import annotations

import importlib
import json
import math
import pkgutil
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import click

from . import __version__
from .load import Bundle, load_paths
from .model import Profile, Scheme
from .problems import Problem, has_errors, sort_problems
from .validate import check_bundle, resolve_scheme

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


class InvalidInput(click.ClickException):
    """Problems with the user's files: printed on stderr, exit 1."""

    exit_code = EXIT_INVALID

    def __init__(self, problems: Sequence[Problem], summary: str = "") -> None:
        super().__init__(summary)
        self.problems = list(problems)
        self.summary = summary

    def show(self, file=None) -> None:  # noqa: ANN001 - click's signature
        err = sys.stderr
        for p in self.problems:
            click.echo(str(p), file=err)
        if self.summary:
            click.echo(f"indexer: {self.summary}", file=err)


def summary_line(problems: Sequence[Problem]) -> str:
    e = sum(p.severity == "error" for p in problems)
    w = len(problems) - e
    files = len({p.path for p in problems})
    return f"{e} error{'s' * (e != 1)}, {w} warning{'s' * (w != 1)} in {files} file{'s' * (files != 1)}"


@dataclass
class Selection:
    """The scheme and profiles a command works on, checked."""

    bundle: Bundle
    scheme: Scheme
    profiles: list[Profile]
    warnings: list[Problem]


def select(scheme_ref: str, paths: Sequence[str], *, groups: bool = False, skip_invalid: bool = False) -> Selection:
    """Load ``paths``, find the scheme, and check every file the command uses.

    The files used are the scheme's, its profiles', the group files (with ``groups=True``) and
    any file that cannot be read or classified (it might have been one of them). Any error among them → :class:`InvalidInput`.
    Other schemes' profiles are skipped silently. With ``skip_invalid``, a profile file with
    errors (or a file that cannot be read) is left out instead, each named in a warning; errors
    in the scheme or the group files still stop the command.
    """
    for p in paths:
        if not Path(p).exists():
            raise click.BadParameter(f"no such file or folder: {p}", param_hint="PATHS")
    bundle = load_paths(paths)
    sid = resolve_scheme(scheme_ref, bundle)
    if sid is None:
        unreadable_scheme_file(scheme_ref, bundle)
        raise click.BadParameter(
            f"no scheme {scheme_ref!r}{did_you_mean(scheme_ref, known_scheme_ids(bundle))}: "
            "give a scheme file or the id of one in indicators/",
            param_hint="SCHEME")
    cross = check_bundle(bundle)
    scheme_files = set(bundle.scheme_paths.get(sid, ()))
    used = scheme_files | bundle.broken
    used |= {path for path, s in bundle.profile_schemes.items() if s == sid}
    if groups:  # commands that take a baseline use the group files too
        used |= {g.path for g in bundle.groups.values()} | {p.path for p in bundle.problems if p.code == "duplicate-group"}
    # not sorted here: a data command only counts its warnings, and its errors are sorted below
    # (sorting every warning of 2,000 unsourced profiles cost 0.3 s of `score`)
    problems = [p for p in bundle.problems + cross if p.path in used]
    skipped: set[str] = set()
    if skip_invalid:
        group_files = {g.path for g in bundle.groups.values()}
        skipped = {p.path for p in problems if p.severity == "error"} - scheme_files - group_files
        problems = [p for p in problems if p.path not in skipped]
        problems += [Problem(path, 1, 1, "warning", "skipped-file",
                             "left out (--skip-invalid): this file has errors; run `indexer validate` on it")
                     for path in sorted(skipped)]
    if has_errors(problems):
        bad = sorted({p.path for p in problems if p.severity == "error"})
        hint = (f"; fix {'it' if len(bad) == 1 else 'them'} (indexer validate {bad[0]}), or add --skip-invalid "
                "to leave broken profiles out" if skip_invalid is False and not (set(bad) & scheme_files) else "")
        # the errors are what stops the command; its warnings are counted (validate lists them)
        raise InvalidInput(sort_problems(p for p in problems if p.severity == "error"), summary_line(problems) + hint)
    scheme = bundle.schemes[sid]
    profiles = [p for p in bundle.profiles if p.scheme == sid and p.path not in skipped]
    return Selection(bundle, scheme, profiles, [p for p in problems if p.severity == "warning"])


def known_scheme_ids(bundle: Bundle) -> list[str]:
    """The ids of the schemes among the paths and in indicators/ (for suggestions)."""
    from .validate import schemes_dir

    ids = set(bundle.schemes)
    folder = schemes_dir()
    if folder.is_dir():
        ids |= {q.stem for q in folder.glob("*.y*ml") if "." not in q.stem}
    return sorted(ids)


def did_you_mean(word: str, choices: Sequence[str]) -> str:
    """``"; did you mean 'x'?"`` for the nearest of ``choices`` (case-insensitive), else ``""``."""
    import difflib

    lower = {c.lower(): c for c in choices}
    hits = difflib.get_close_matches(word.lower(), list(lower), n=1, cutoff=0.6)
    return f" (did you mean {lower[hits[0]]!r}?)" if hits else ""


def unreadable_scheme_file(scheme_ref: str, bundle: Bundle) -> None:
    """When SCHEME names a file that exists but cannot be read as a scheme (a YAML error, no
    `id`), its problems are the answer (exit 1), not "no scheme" (exit 2)."""
    path = Path(scheme_ref)
    if not path.is_file():
        return
    target = path.resolve()
    own = list(dict.fromkeys(p for p in bundle.problems if Path(p.path).resolve() == target))
    if has_errors(own):
        raise InvalidInput(own, summary_line(own))


def problem(code: str, message: str) -> Problem:
    """A problem with the command line itself (not with a file)."""
    return Problem("<command line>", 0, 0, "error", code, message)


def find_group(sel: Selection, name: str | None):  # noqa: ANN201 - a Group or None
    """The group named ``name`` among the loaded group files (None for no name)."""
    if not name:
        return None
    g = sel.bundle.groups.get(name)
    if g is None:
        known = ", ".join(sorted(sel.bundle.groups)) or "none"
        raise InvalidInput([problem("unknown-group", f"no group {name!r}{did_you_mean(name, list(sel.bundle.groups))} "
                                                     f"in the groups files among PATHS (known: {known})")])
    return g


def check_country(code: str, hint: str = "--country") -> str:
    """A country code as typed: ISO alpha-2 in upper case, else wrong usage (with a suggestion
    when the text is an alpha-3 code or a country name: ``KAZ`` → ``KZ``)."""
    if code != code.upper() or len(code) != 2 or not code.isalpha():
        raise click.BadParameter(f"{code!r} is not an ISO 3166-1 alpha-2 code{country_hint(code)}", param_hint=hint)
    return code


def country_hint(text: str) -> str:
    """``" (did you mean KZ, Kazakhstan?)"`` when ``text`` names a country another way."""
    from .countries import code_of, country_name

    try:
        cc = code_of(text)
    except Exception:  # noqa: BLE001 - a suggestion must never turn into a traceback
        cc = None
    return f" (did you mean {cc}, {country_name(cc)}?)" if cc else "; give two letters, e.g. KZ"


class CountryCode(click.ParamType):
    """``--country``: an ISO alpha-2 code; lower case is accepted (``kz`` → ``KZ``)."""

    name = "CC"

    def convert(self, value, param, ctx):  # noqa: ANN001, ANN201 - click's signature
        text = str(value).strip()
        if len(text) == 2 and text.isascii() and text.isalpha():
            return text.upper()
        self.fail(f"{value!r} is not an ISO 3166-1 alpha-2 code{country_hint(text)}", param, ctx)


COUNTRY = CountryCode()


def countries_with_profiles(sel: Selection) -> str:
    """The countries that have a profile of the selected scheme, for a "no profile" message."""
    codes = sorted({p.country for p in sel.profiles})
    return f"countries with a profile of {sel.scheme.id}: {', '.join(codes)}" if codes else f"no profile of {sel.scheme.id} at all"


def parse_years(value: str | None) -> list[int] | None:
    """``--years``: FROM:TO (inclusive) or a comma list; None when not given."""
    from .guard import MAX_YEARS

    if not value:
        return None
    try:
        if ":" in value:
            a, b = value.split(":", 1)
            lo, hi = int(a), int(b)
            if lo > hi:
                raise ValueError
            years = [lo, hi]
        else:
            years = [int(v) for v in value.split(",")]
    except ValueError:
        raise click.BadParameter("use FROM:TO (e.g. 2010:2024) or a list (2019,2024)", param_hint="--years") from None
    bad = next((y for y in years if not 1000 <= y <= 9999), None)
    if bad is not None:
        raise click.BadParameter(f"{bad} is not a four-digit year", param_hint="--years")
    if ":" in value:
        years = list(range(years[0], years[1] + 1))
    if len(years) > MAX_YEARS:
        raise click.BadParameter(f"{len(years):,} years; at most {MAX_YEARS} in one series", param_hint="--years")
    return years


def warn(message: str) -> None:
    click.echo(f"indexer: warning: {message}", err=True)


#: warnings a data command does not repeat: blanks are what a draft is expected to have
QUIET_WARNINGS = frozenset({"missing-answer"})


def note_warnings(sel: Selection) -> None:
    """One line on stderr for the warnings of the files used, if any matter to this command:
    the blanks of draft profiles (``missing-answer``) are expected and not repeated here
    (``indexer validate`` lists them); skipped files are named one by one."""
    for p in sel.warnings:
        if p.code == "skipped-file":
            warn(f"{p.path}: {p.message}")
    rest = [p for p in sel.warnings if p.code not in QUIET_WARNINGS and p.code != "skipped-file"]
    if rest:
        warn(f"{summary_line(rest)} (run `indexer validate` to list them)")


def wrote(path: str, what: str) -> None:
    """Say on stderr what a command wrote (stdout stays the data)."""
    click.echo(f"indexer: wrote {what} to {path}", err=True)


def write_output(text: str, output: str | None) -> None:
    """Print ``text`` or write it atomically to ``output``."""
    if output:
        write_file(text, output)
    else:
        click.echo(text, nl=not text.endswith("\n"))


def write_file(data: str | bytes, output: str, param_hint: str = "--output") -> None:
    """Write ``data`` atomically to ``output``; a path that cannot be written is wrong usage
    (exit 2), never a traceback."""
    from .fileio import atomic_write
    from .guard import check_output

    check_output(output, param_hint)
    try:
        atomic_write(output, data)
    except OSError as err:  # a folder in the way, no permission, a full disk: no traceback
        raise click.BadParameter(f"cannot write {output}: {err.strerror or err}", param_hint=param_hint) from None


def records_json(df) -> str:  # noqa: ANN001 - a DataFrame
    """JSON records with null for missing numbers; floats at full precision."""
    cols = list(df.columns)
    rows = []
    for tup in df.itertuples(index=False, name=None):
        rows.append({c: _plain(v) for c, v in zip(cols, tup, strict=True)})
    return json.dumps(rows, ensure_ascii=False, indent=1) + "\n"


def _plain(v):  # noqa: ANN001, ANN202
    """A JSON-ready scalar: None for NaN and pandas' NA, Python numbers for numpy ones."""
    if v is None or (isinstance(v, float) and math.isnan(v)) or type(v).__name__ == "NAType":
        return None
    if hasattr(v, "item"):
        v = v.item()
        return None if isinstance(v, float) and math.isnan(v) else v
    return v


def illustrative_note(what: str) -> str:
    """The one sentence every command prints under its output when it shows an illustrative coding
    (``what``: the countries, or a country and its codings)."""
    return f"ILLUSTRATIVE data, not a published or official coding: {what}."


def fmt_num(v: float | None, digits: int = 1) -> str:
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return "–"
    return f"{v:.{digits}f}"


def text_table(headers: Sequence[str], rows: Sequence[Sequence[str]], right: set[int] | None = None) -> str:
    """A plain aligned text table."""
    right = right or set()
    widths = [len(h) for h in headers]
    for r in rows:
        for i, cell in enumerate(r):
            widths[i] = max(widths[i], len(cell))

    def line(cells: Sequence[str]) -> str:
        return "  ".join(c.rjust(widths[i]) if i in right else c.ljust(widths[i]) for i, c in enumerate(cells)).rstrip()

    out = [line(headers), line(["-" * w for w in widths])]
    out += [line(r) for r in rows]
    return "\n".join(out) + "\n"


CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


class _Commands(click.Group):
    """The ``indexer`` group: the commands in ``indexer/commands/`` are imported when one of them
    (or the list, for ``--help``) is asked for, so ``indexer score`` never pays for their imports
    (pandas, matplotlib, typst: a second and 100 MB before any work)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        _register_commands()
        return super().list_commands(ctx)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        cmd = super().get_command(ctx, cmd_name)
        if cmd is None:
            _register_commands()
            cmd = super().get_command(ctx, cmd_name)
        return cmd


@click.group(cls=_Commands, context_settings=CONTEXT)
@click.version_option(__version__, prog_name="indexer")
def main() -> None:
    """Comparative policy indices in the manner of MIPEX: validate, score, compare, report."""


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def validate(paths: tuple[str, ...], fmt: str) -> None:
    """Check schemes, profiles and groups; print every problem; exit 1 on any error."""
    from .validate import iter_yaml_files, validate_bundle

    for p in paths:
        if not Path(p).exists():
            raise click.BadParameter(f"no such file or folder: {p}", param_hint="PATHS")
    bundle = load_paths(paths)
    problems = validate_bundle(bundle)
    if fmt == "json":
        click.echo(json.dumps([p.as_dict() for p in problems], ensure_ascii=False, indent=1))
    else:
        for p in problems:
            click.echo(str(p))
    n_files = sum(1 for _ in iter_yaml_files(paths))
    click.echo(f"indexer: {summary_line(problems)} ({n_files} file{'s' * (n_files != 1)} checked)", err=True)
    sys.exit(EXIT_INVALID if has_errors(problems) else EXIT_OK)


def bounds_text(lower: float, upper: float, digits: int = 1) -> str:
    """``L–U`` for an open interval, ``''`` where the bounds meet (the score says it) or do not exist."""
    if lower != lower or upper != upper or lower == upper:
        return ""
    return f"{fmt_num(lower, digits)}–{fmt_num(upper, digits)}"


def _score_table_text(df, scheme: Scheme) -> str:  # noqa: ANN001
    rows = []
    # the coding column only where some country-year has a coding other than its provenance
    codings = bool(len(df)) and bool((df.coding != df.provenance).any())
    for r in df.itertuples(index=False):
        rows.append([r.country, str(r.year)] + ([f"{r.coding} ({r.provenance})"
                                                 if r.coding != r.provenance else r.provenance] if codings else [])
                    + ["  " * r.depth + r.code, r.level, fmt_num(r.score),
                       fmt_num(None if math.isnan(r.coverage) else r.coverage * 100, 0) + ("%" if not math.isnan(r.coverage) else ""),
                       r.band, bounds_text(r.lower, r.upper)])
    head = ["country", "year"] + (["coding"] if codings else []) + ["code", "level", "score", "coverage", "band", "bounds"]
    out = text_table(head, rows, right={4 + codings, 5 + codings})
    notes = sorted({f"{c} {y}" for c, y, p in zip(df.country, df.year, df.provenance, strict=True) if p == "illustrative"})
    if notes:
        out += f"\nIllustrative data (not a published or official coding): {', '.join(notes)}\n"
    return out


@main.command()
@click.argument("scheme")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write to this file (atomically) instead of stdout.")
@click.option("--skip-invalid", is_flag=True, help="Leave out profile files with errors (each named on stderr) instead of stopping.")
def score(scheme: str, paths: tuple[str, ...], fmt: str, output: str | None, skip_invalid: bool) -> None:
    """Score every profile of SCHEME found under PATHS, at every node."""
    from .score import csv_text, score_arrays, sort_profiles
    from .score import score as score_profiles

    sel = select(scheme, paths, skip_invalid=skip_invalid)
    note_warnings(sel)
    if not sel.profiles:
        warn(f"no profile of scheme {sel.scheme.id!r} under {', '.join(paths)}")
    if fmt == "csv":  # straight from the arrays: the same text as the table's to_csv, no pandas
        text = csv_text(score_arrays(sel.scheme, sort_profiles(sel.profiles)))
    elif fmt == "json":
        text = records_json(score_profiles(sel.scheme, sel.profiles))
    else:
        text = _score_table_text(score_profiles(sel.scheme, sel.profiles), sel.scheme)
    write_output(text, output)


@main.command()
@click.argument("scheme")
@click.option("--country", required=True, type=COUNTRY, help="ISO 3166-1 alpha-2 code, e.g. KZ.")
@click.option("--year", required=True, type=int, help="Reference year of the law described.")
@click.option("--coder", default="", help="Your name, recorded in the file.")
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write here instead of stdout (never over an existing file).")
@click.option("--lang", default="en", show_default=True, metavar="LANG",
              help="Language of the comments: en, or one with a translation file beside the scheme "
                   "(indicators/<scheme>.<LANG>.yaml), e.g. ru.")
def template(scheme: str, country: str, year: int, coder: str, output: str | None, lang: str) -> None:
    """A blank questionnaire for SCHEME, COUNTRY and YEAR (question and options as comments)."""
    from .i18n import t
    from .load import is_country_code
    from .template import template as make_template

    if not is_country_code(country):
        raise click.BadParameter(f"{country!r} is not an ISO 3166-1 alpha-2 code in upper case (e.g. KZ)", param_hint="--country")
    if not 1000 <= year <= 9999:
        raise click.BadParameter("must be a four-digit year", param_hint="--year")
    bundle = Bundle()
    sid = resolve_scheme(scheme, bundle)
    if sid is None:
        unreadable_scheme_file(scheme, bundle)
        raise click.BadParameter(f"no scheme {scheme!r}: give a scheme file or the id of one in indicators/", param_hint="SCHEME")
    problems = [p for p in bundle.problems if p.severity == "error"]
    if problems or sid not in bundle.schemes:
        raise InvalidInput(bundle.problems, summary_line(bundle.problems))
    from .guard import check_output

    check_output(output)
    if output and (Path(output).exists() or Path(output).is_symlink()):
        raise click.BadParameter(f"{output} exists; the template never overwrites a file", param_hint="--output")
    translation = scheme_translation(bundle.schemes[sid], lang)
    text = make_template(bundle.schemes[sid], country, year, coder=coder, lang=lang, translation=translation)
    write_output(text, output)
    if output:
        n = len(bundle.schemes[sid].leaves)
        what = t("cli.wrote_template", lang, scheme=sid, country=country, year=year, count=t("count.questions", lang, n=n))
        click.echo("indexer: " + t("cli.wrote", lang, what=what, path=output), err=True)


def scheme_translation(scheme: Scheme, lang: str):  # noqa: ANN201 - a Translation or None
    """``--lang``: the scheme's translation into ``lang`` (None for English), checked. No such
    file is wrong usage (exit 2, naming the languages there are); a file with errors is invalid
    input (exit 1); its warnings (untranslated, stale) are counted on stderr: those texts are
    shown in English."""
    from .translate import (
        LANG_RE,
        SOURCE_LANGUAGE,
        available_languages,
        load_translation,
        translation_path,
    )

    if lang == SOURCE_LANGUAGE:
        return None
    if not LANG_RE.match(lang):
        raise click.BadParameter(f"{lang!r} is not a language code; give e.g. ru, kk, hy", param_hint="--lang")
    tr, problems = load_translation(scheme, lang)
    if has_errors(problems):
        raise InvalidInput([p for p in problems if p.severity == "error"], summary_line(problems))
    if tr is None:
        have = ", ".join(available_languages(scheme))
        raise click.BadParameter(
            f"no {lang} translation of {scheme.id} ({translation_path(scheme, lang)}); languages: {have}. "
            f"Start one with `indexer translate {scheme.id} --lang {lang}`", param_hint="--lang")
    if problems:
        warn(f"{summary_line(problems)}: those texts are shown in English "
             f"(run `indexer validate {problems[0].path}` to list them)")
    return tr


_registered = False


def _register_commands() -> None:
    """Add the commands of ``indexer/commands/`` to ``main`` (once; see ``_Commands``)."""
    global _registered
    if _registered:
        return
    from . import commands

    for mod in pkgutil.iter_modules(commands.__path__):
        module = importlib.import_module(f"{commands.__name__}.{mod.name}")
        cmd = getattr(module, "command", None)
        if isinstance(cmd, click.Command):
            main.add_command(cmd)
    _registered = True
