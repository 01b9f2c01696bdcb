"""Support for the Streamlit app (``streamlit_app.py``, ``app_pages/``): a testable library.

Three parts, none of which scores anything (scoring, baselines and ranks are ``score`` and
``compare``'s; the app only shows what they return):

- **data**: the data root (``INDEXER_DATA_ROOT``, default: this repository), loading and
  validating ``indicators/`` and ``country_profiles/`` once per change of the files (cached on
  their modification times and sizes), one :class:`~indexer.compare.Scored` per scheme, cached
  comparisons and time series, and the app's defaults (Kazakhstan and Armenia against the EU27
  median, Moldova, Russia and Ukraine as post-Soviet peers);
- **questionnaire files**: where a profile may be written (only inside ``country_profiles/``,
  whatever country or year is typed), applying edits to a profile's YAML text with ruamel's
  round trip (comments, order and quoting kept; only changed values differ), checking the
  result with the engine, and saving atomically unless the file changed on disk since it was
  opened (:class:`SaveConflict`);
- **display helpers** shared by the pages: number formats, country labels, provenance notices.
"""

from __future__ import annotations

import difflib
import hashlib
import io
import os
import re
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import pandas as pd
import streamlit as st

from .app_lang import current as current_language
from .compare import DEFAULT_STAT as compare_default_stat
from .compare import Comparison, Scored, compare, time_series
from .fileio import atomic_write
from .i18n import country_name as cldr_country_name
from .i18n import fmt_number, t
from .load import ID_RE, Bundle, is_country_code, load_file, load_paths
from .model import (
    CITATION_FIELDS,
    CONFIDENCES,
    NOT_APPLICABLE,
    PROVENANCES,
    STATUSES,
    Group,
    Node,
    Profile,
    Scheme,
)
from .problems import ERROR, Problem, sort_problems
from .template import template
from .validate import check_profile, files_with_errors, validate_bundle


def answer_text(node: Node, answer: str | None) -> str:
    """An answer as a reader sees it (see :meth:`Node.answer_text`)."""
    return node.answer_text(answer)


# ==============================================================================================
# data root and loading

ENV_ROOT = "INDEXER_DATA_ROOT"
REPO_ROOT = Path(__file__).resolve().parent.parent
SCHEMES_DIR = "indicators"
PROFILES_DIR = "country_profiles"

#: the default view: these countries, against this group (first one present), this statistic
FOCUS = ("KZ", "AM")
PEERS = ("MD", "RU", "UA")
BASELINE_GROUPS = ("EU27", "EU28", "DEMO")
#: MIPEX's printed 2019 "averages" are medians of the countries (see the reference data's
#: README: Political Participation median 25, mean 33.1, printed 25), so the app's default
#: baseline is the median; the mean is one click away (and is the CLI's default).
DEFAULT_STAT = compare_default_stat  # one default everywhere (compare.DEFAULT_STAT)
STAT_LABELS = {"median": "median", "mean": "mean", "min": "minimum", "max": "maximum"}
#: select-box values standing for "no choice" (Streamlit shows a None value as an empty box)
LATEST = "latest"
NO_GROUP = "(none)"
ALL = ""


def none_if(value: Any, sentinel: Any) -> Any:
    return None if value == sentinel else value


def data_root() -> Path:
    """The folder holding ``indicators/`` and ``country_profiles/``: ``$INDEXER_DATA_ROOT`` or
    this repository."""
    env = os.environ.get(ENV_ROOT, "").strip()
    return Path(env).expanduser().resolve() if env else REPO_ROOT


def fingerprint(root: Path) -> str:
    """A digest of the name, size and modification time of every YAML file under the root's
    ``indicators/`` and ``country_profiles/``: it changes whenever a file is added, removed or
    saved, which is what invalidates the caches."""
    h = hashlib.sha1()
    for sub in (SCHEMES_DIR, PROFILES_DIR):
        base = root / sub
        entries = []
        for dirpath, dirnames, filenames in os.walk(base):
            dirnames.sort()
            for name in filenames:
                if name.endswith((".yaml", ".yml")):
                    p = os.path.join(dirpath, name)
                    try:
                        stt = os.stat(p)
                    except OSError:
                        continue
                    entries.append(f"{p}\0{stt.st_mtime_ns}\0{stt.st_size}")
        entries.sort()
        h.update("\n".join(entries).encode("utf-8", "surrogateescape"))
        h.update(b"\1")
    return h.hexdigest()


@dataclass(frozen=True)
class AppData:
    """Everything read from one data root, validated once."""

    root: Path
    version: str
    bundle: Bundle
    problems: tuple[Problem, ...]
    #: profile files left out of every score: files with errors (the CLI would refuse them)
    excluded: frozenset[str]
    _usable: Mapping[str, tuple[Profile, ...]] = field(default_factory=dict)

    @property
    def schemes(self) -> dict[str, Scheme]:
        return self.bundle.schemes

    @property
    def groups(self) -> dict[str, Group]:
        return self.bundle.groups

    def rel(self, path: str | Path) -> str:
        """A path relative to the data root (as shown to users)."""
        try:
            return Path(path).resolve().relative_to(self.root).as_posix()
        except ValueError:
            return str(path)

    def profiles(self, scheme_id: str) -> tuple[Profile, ...]:
        """The profiles of a scheme that are used for scores (files without errors)."""
        return self._usable.get(scheme_id, ())

    def countries(self, scheme_id: str) -> list[str]:
        return sorted({p.country for p in self.profiles(scheme_id)})

    def years(self, scheme_id: str, countries: Iterable[str] | None = None) -> list[int]:
        keep = None if countries is None else set(countries)
        return sorted({p.year for p in self.profiles(scheme_id) if keep is None or p.country in keep})

    def profile(self, scheme_id: str, country: str, year: int) -> Profile | None:
        for p in self.profiles(scheme_id):
            if p.country == country and p.year == year:
                return p
        return None

    def schemes_with_profiles(self) -> list[str]:
        return [sid for sid in self.schemes if self.profiles(sid)]

    def excluded_profiles(self, scheme_id: str | None = None) -> list[str]:
        """Relative paths of the profile files left out (of one scheme, or all)."""
        return sorted(self.rel(p) for p in self.excluded
                      if scheme_id is None or self.bundle.profile_schemes.get(p) == scheme_id)


def read_data(root: Path, version: str = "") -> AppData:
    """Load and validate a data root (uncached; see :func:`load_data`)."""
    folders = [root / SCHEMES_DIR, root / PROFILES_DIR]
    bundle = load_paths([str(f) for f in folders if f.is_dir()])
    problems = tuple(validate_bundle(bundle))
    bad = files_with_errors(problems)
    profile_files = set(bundle.profile_schemes)
    excluded = frozenset(p for p in bad if p in profile_files)
    usable: dict[str, list[Profile]] = {}
    for p in bundle.profiles:
        if p.path not in excluded and p.scheme in bundle.schemes:
            usable.setdefault(p.scheme, []).append(p)
    return AppData(root=root, version=version or fingerprint(root), bundle=bundle, problems=problems,
                   excluded=excluded, _usable={k: tuple(v) for k, v in usable.items()})


def _engine() -> str:
    """Identifies the loaded engine code. Streamlit re-imports a module whose source changed while
    the server runs, but its caches outlive that: objects made by the old classes must not meet
    the new functions (``compare`` would not recognise an old ``Scored``). Part of every cache key."""
    import sys

    return ":".join(str(id(sys.modules.get(m))) for m in ("indexer.compare", "indexer.score", "indexer.model",
                                                          "indexer.load", "indexer.app_support"))


@st.cache_resource(max_entries=4, show_spinner="Reading the data files…")
def _cached_data(root: str, version: str) -> AppData:
    return read_data(Path(root), version)


def load_data(root: Path | None = None) -> AppData:
    """The data of ``root`` (default :func:`data_root`), read again only when a file changed."""
    root = root or data_root()
    return _cached_data(str(root), f"{fingerprint(root)}@{_engine()}")


@st.cache_resource(max_entries=16, show_spinner=False)
def _cached_scored(root: str, version: str, scheme_id: str) -> Scored:
    data = _cached_data(root, version)
    return Scored.of(data.schemes[scheme_id], data.profiles(scheme_id))


def scored(data: AppData, scheme_id: str, coding: Sequence[str] = ()) -> Scored:
    """Every usable profile of a scheme, scored once (cached with the data); ``coding``: the
    codings preferred where a country-year has several (``indexer.codings``)."""
    s = _cached_scored(str(data.root), data.version, scheme_id)
    return s.choose(tuple(coding)) if coding else s


#: the Coding selector's entry for the default order (published, official, expert, illustrative)
DEFAULT_CODING = "(default: published first)"


def coding_options(data: AppData, scheme_id: str) -> list[str]:
    """Coding ids worth a selector: those of a scheme where some country-year has several."""
    from .codings import known

    profs = data.profiles(scheme_id)
    keys = [(p.country, p.year) for p in profs]
    return known(profs) if len(set(keys)) < len(keys) else []


def coding_selector(data: AppData, scheme_id: str, where: Any = None) -> tuple[str, ...]:
    """The *Coding* selector (shared by the pages through session state), shown only where some
    country-year of the scheme has several codings; returns the preferred codings (() = default)."""
    ids = coding_options(data, scheme_id)
    if not ids:
        return ()
    ensure_choice("coding", [DEFAULT_CODING, *ids], DEFAULT_CODING)
    provs = {p.coding: p.provenance for p in data.profiles(scheme_id)}
    pick = (where or st).selectbox(
        "Coding", [DEFAULT_CODING, *ids], key="coding",
        format_func=lambda c: c if c == DEFAULT_CODING else coding_text(c, provs[c]),
        help="Where a country-year has several codings (e.g. published scores and a desk coding), prefer this "
             "one; elsewhere the default order: published, official, expert, illustrative. Gaps and reforms "
             "read the codings that answer indicators.")
    return () if pick == DEFAULT_CODING else (pick,)


def current_coding() -> tuple[str, ...]:
    """The coding the *Coding* selector prefers (() = the default order)."""
    c = st.session_state.get("coding")
    return () if c in (None, DEFAULT_CODING) else (c,)


def coding_text(coding: str, provenance: str) -> str:
    """A coding as every view names it: its provenance, and its own id where it has one."""
    return provenance if coding == provenance else f"{coding} ({provenance})"


@st.cache_resource(max_entries=128, show_spinner=False)
def _cached_comparison(root: str, version: str, scheme_id: str, countries: tuple[str, ...],
                       group: str | None, stat: str, year: int | None,
                       min_coverage: float | None = None, coding: tuple[str, ...] = ()) -> Comparison:
    data = _cached_data(root, version)
    s = _cached_scored(root, version, scheme_id)
    g = data.groups.get(group) if group else None
    return compare(data.schemes[scheme_id], s, countries, group=g, stat=stat, year=year,
                   min_coverage=min_coverage, coding=coding)


def comparison(data: AppData, scheme_id: str, countries: Sequence[str], group: str | None,
               stat: str, year: int | None = None, min_coverage: float | None = None,
               coding: Sequence[str] = ()) -> Comparison:
    """``compare`` of the countries (each at ``year`` or its latest earlier profile);
    ``min_coverage`` (e.g. 0) gives the compared countries provisional scores; ``coding``: the
    codings preferred where a country-year has several."""
    return _cached_comparison(str(data.root), data.version, scheme_id, tuple(countries), group or None,
                              stat, year, min_coverage, tuple(coding))


@st.cache_resource(max_entries=64, show_spinner=False)
def _cached_series(root: str, version: str, scheme_id: str, countries: tuple[str, ...],
                   group: str | None, stat: str, level: int, min_coverage: float | None = None,
                   coding: tuple[str, ...] = ()) -> pd.DataFrame:
    data = _cached_data(root, version)
    s = _cached_scored(root, version, scheme_id)
    g = data.groups.get(group) if group else None
    years = s.years()
    return time_series(data.schemes[scheme_id], s, countries, years, group=g, stat=stat, level=level,
                       min_coverage=min_coverage, coding=coding)


def series(data: AppData, scheme_id: str, countries: Sequence[str], group: str | None, stat: str,
           level: int = 1, min_coverage: float | None = None, coding: Sequence[str] = ()) -> pd.DataFrame:
    """``compare.time_series`` over every year of the scheme, down to ``level`` (a depth)."""
    return _cached_series(str(data.root), data.version, scheme_id, tuple(countries), group or None, stat, level,
                          min_coverage, tuple(coding))


@st.cache_data(max_entries=64, show_spinner=False)
def _cached_report(root: str, version: str, scheme_id: str, country: str, group: str | None,
                   stat: str, year: int | None, coding: tuple[str, ...] = (), lang: str = "en") -> dict | None:
    try:
        from .report import report_data
    except ImportError:
        return None
    data = _cached_data(root, version)
    s = _cached_scored(root, version, scheme_id)
    g = data.groups.get(group) if group else None
    return report_data(data.schemes[scheme_id], s, country, group=g, stat=stat, year=year, coding=coding, lang=lang)


def profile_view(data: AppData, scheme_id: str, country: str, group: str | None, stat: str,
                 year: int | None = None, coding: Sequence[str] = ()) -> dict | None:
    """``report.report_data`` (what a country profile shows, as plain data), or None when the
    report module is not installed. Its words and the scheme's texts are in the app's language."""
    return _cached_report(str(data.root), data.version, scheme_id, country, group or None, stat, year,
                          tuple(coding), current_language())


def pdf_maker(data: AppData, scheme_id: str, country: str, group: str | None, stat: str,
              year: int | None = None, coding: Sequence[str] = ()):
    """A callable that renders the country's profile PDF, or None when ``indexer.report`` is not
    importable (the app then shows no PDF button)."""
    try:
        from .report import profile_pdf
    except ImportError:
        return None
    scheme = data.schemes[scheme_id]
    s = scored(data, scheme_id, coding)
    g = data.groups.get(group) if group else None
    lang = current_language()  # the PDF in the app's language

    def make() -> bytes:
        return profile_pdf(scheme, s, country, group=g, stat=stat, year=year, lang=lang)

    return make


# ==============================================================================================
# navigation

#: page file stem -> (title, icon), in navigation order; other pages follow by name
KNOWN_PAGES = {
    "compare": ("Compare", ":material/compare_arrows:"),
    "country": ("Country profile", ":material/flag:"),
    "robustness": ("Robustness", ":material/ssid_chart:"),
    "reform": ("Reform scenarios", ":material/construction:"),
    "questionnaire": ("Questionnaire", ":material/edit_note:"),
    "scheme": ("Scheme & validation", ":material/account_tree:"),
}


def page_files(folder: Path) -> list[Path]:
    """Every page script of ``folder`` (``*.py`` not starting with ``_``): the known pages in
    their order, then the others by name."""
    found = {p.stem: p for p in folder.glob("*.py") if not p.name.startswith("_")}
    known = [found[s] for s in KNOWN_PAGES if s in found]
    return known + sorted((p for s, p in found.items() if s not in KNOWN_PAGES), key=lambda p: p.stem)


def page_title(stem: str) -> tuple[str, str]:
    """(title, icon) of a page file."""
    return KNOWN_PAGES.get(stem, (stem.replace("_", " ").capitalize(), ":material/article:"))


# ==============================================================================================
# defaults


def default_scheme(data: AppData) -> str | None:
    """The scheme the app opens on: one with profiles of Kazakhstan and Armenia, else
    ``mipex-core``, else the scheme with the most profiles."""
    ids = data.schemes_with_profiles()
    if not ids:
        return None
    for sid in ids:
        if set(FOCUS) <= set(data.countries(sid)):
            return sid
    if "mipex-core" in ids:
        return "mipex-core"
    return max(ids, key=lambda sid: (len(data.profiles(sid)), sid == "demo"))


def default_countries(data: AppData, scheme_id: str) -> list[str]:
    """Kazakhstan and Armenia where they have profiles; else the illustrative countries (the
    demo's XA, XB, XC); else the first three."""
    have = data.countries(scheme_id)
    focus = [c for c in FOCUS if c in have]
    if focus:
        return focus
    ill = sorted({p.country for p in data.profiles(scheme_id) if p.is_illustrative})
    return ill[:4] if ill else have[:3]


def peers(data: AppData, scheme_id: str) -> list[str]:
    """The post-Soviet peers (Moldova, Russia, Ukraine) that have profiles of the scheme."""
    have = set(data.countries(scheme_id))
    return [c for c in PEERS if c in have]


def usable_groups(data: AppData, scheme_id: str) -> list[str]:
    """Groups with at least one member that has a profile of the scheme, the usual baselines
    first."""
    have = set(data.countries(scheme_id))
    names = [g for g, grp in data.groups.items() if have & set(grp.members)]
    first = [g for g in BASELINE_GROUPS if g in names]
    return first + sorted(g for g in names if g not in first)


def default_group(data: AppData, scheme_id: str) -> str | None:
    names = usable_groups(data, scheme_id)
    return names[0] if names else None


# ==============================================================================================
# display helpers


def is_missing(v: Any) -> bool:
    if v is None or v is pd.NA:
        return True
    try:
        return bool(pd.isna(v))
    except (TypeError, ValueError):
        return False


def fmt_score(v: Any, digits: int = 1) -> str:
    """A score as shown (rounded for display only, written as the app's language writes
    numbers: ``66.7``, ``66,7``); – for none."""
    if is_missing(v):
        return "–"
    lang = current_language()
    return f"{float(v):.{digits}f}" if lang == "en" else fmt_number(float(v), lang, digits)


def fmt_pct(v: Any) -> str:
    if is_missing(v):
        return "–"
    lang = current_language()
    return f"{float(v) * 100:.0f}%" if lang == "en" else f"{fmt_number(float(v) * 100, lang, 0)}%"


def fmt_int(v: Any) -> str:
    return "–" if is_missing(v) else str(int(v))


def fmt_rank(rank: Any, n: Any) -> str:
    return "–" if is_missing(rank) else t("rank.of", current_language(), rank=int(rank), n=fmt_int(n))


def is_open_interval(lower: Any, upper: Any) -> bool:
    """True where bounds exist and differ: the score can still move (SPEC §3.1)."""
    return not is_missing(lower) and not is_missing(upper) and float(lower) != float(upper)


def fmt_bounds(lower: Any, upper: Any, words: bool = False) -> str:
    """``12.5–70.8`` (or ``between 12.5 and 70.8``) for open bounds; the point if they meet; – for none."""
    if is_missing(lower) or is_missing(upper):
        return "–"
    if not is_open_interval(lower, upper):
        return fmt_score(lower)
    if words:
        return t("w.between", current_language(), a=fmt_score(lower), b=fmt_score(upper))
    return f"{fmt_score(lower)}–{fmt_score(upper)}"


def fmt_rank_bounds(best: Any, worst: Any, n: Any) -> str:
    """``3–9 of 28`` where the bounds leave room, ``3 of 28`` where they meet."""
    if is_missing(best) or is_missing(worst):
        return "–"
    span = f"{int(best)}" if int(best) == int(worst) else f"{int(best)}–{int(worst)}"
    # the pool of the rank bounds counts the country itself even where it has no score yet
    # (rank_n counts the ranked only): never "5–28 of 27"
    pool = int(worst) if is_missing(n) else max(int(n), int(worst))
    return t("rank.of", current_language(), rank=span, n=fmt_int(pool))


VERDICT_KEYS = ("verdict.above", "verdict.below", "verdict.equal", "verdict.undetermined")
VERDICT_WORDS = {"above": "above", "below": "below", "equal": "level with",
                 "undetermined": "undetermined against"}


def fmt_verdict(verdict: Any, group: Group | None, stat: str) -> str:
    """``above the EU27 mean whatever the open answers`` and the like; '' without a verdict."""
    if group is None or is_missing(verdict) or not verdict:
        return ""
    base = baseline_label(group, stat)
    if f"verdict.{verdict}" in VERDICT_KEYS:
        return t(f"verdict.{verdict}", current_language(), base=base)
    return f"{VERDICT_WORDS.get(verdict, verdict)} the {base} whatever the open answers"


def country_label(code: str, lang: str | None = None) -> str:
    """``Kazakhstan (KZ)``, ``Казахстан (KZ)``: the name in ``lang`` (default: the app's), CLDR's."""
    name = cldr_country_name(code, lang or current_language())
    return code if name == code else f"{name} ({code})"


def scheme_label(scheme: Scheme) -> str:
    return f"{scheme.title} ({scheme.id} {scheme.version})"


def stat_label(stat: str, lang: str | None = None) -> str:
    """``median``, ``медиана``: a statistic's name in ``lang`` (default: the app's)."""
    return t(f"stat.{stat}", lang or current_language()) if stat in STAT_LABELS else stat


def baseline_label(group: Group | None, stat: str, lang: str | None = None) -> str:
    lang = lang or current_language()
    if group is None:
        return t("base.none", lang)
    return t("base.label", lang, group=group.name, stat=stat_label(stat, lang))


def no_score_reason(scheme: Scheme, node: Node, coverage: Any) -> str:
    """Why a node has no score, in words (for a caption), from its coverage and the scheme's
    ``min_coverage`` rule (the rule is the engine's; this only explains it)."""
    mc = scheme.min_coverage_of(node)
    lang = current_language()
    if is_missing(coverage):
        return t("noscore.nothing", lang)
    if coverage == 0:
        return t("noscore.none", lang)
    if mc > 0 and coverage < mc:
        return t("noscore.below", lang, cov=fmt_pct(coverage), need=fmt_pct(mc))
    return t("noscore.parts", lang)


def display_frame(df: pd.DataFrame, formats: Mapping[str, str] | None = None) -> pd.DataFrame:
    """The table as text for display: numbers in ``formats`` (``{"score": "{:.1f}"}``) rounded
    for display only, and – wherever a value is missing (Streamlit would show "None")."""
    formats = formats or {}
    out = df.copy()
    for col in out.columns:
        fmt = formats.get(col)
        vals = out[col].tolist()
        if fmt is not None:
            out[col] = ["–" if is_missing(v) else _formatted(fmt, v) for v in vals]
        elif any(is_missing(v) for v in vals):
            out[col] = ["–" if is_missing(v) else str(v) for v in vals]
    return out


def show_table(df: pd.DataFrame, formats: Mapping[str, str] | None = None, **kw: Any) -> None:
    """A small table as :func:`display_frame` shows it, numbers right-aligned."""
    formats = dict(formats or {})
    config = {c: st.column_config.TextColumn(alignment="right") for c in formats}
    config.update(kw.pop("column_config", {}) or {})
    st.dataframe(display_frame(df, formats), hide_index=True, width=kw.pop("width", "stretch"),
                 column_config=config, **kw)


SCORE = "{:.1f}"
GAP = "{:+.1f}"
PCT = "{:.0%}"


def _formatted(fmt: str, v: Any) -> str:
    """``fmt.format(v)``, or in another language than English its numbers as CLDR writes them
    (the formats the pages use: scores, gaps, percentages, ``{:.Nf}``, ``{:g}``)."""
    lang = current_language()
    if lang == "en" or not isinstance(v, int | float):
        return fmt.format(v)
    m = re.fullmatch(r"\{:(\+?)\.(\d)([f%])\}", fmt)
    if m:
        x = float(v) * (100 if m.group(3) == "%" else 1)
        text = fmt_number(abs(x) if m.group(1) else x, lang, int(m.group(2)))
        if m.group(1):
            text = ("+" if x >= 0 else "−") + text
        return text + ("%" if m.group(3) == "%" else "")
    if fmt == "{:g}":
        return fmt_number(float(v), lang)
    return fmt.format(v)


def illustrative_countries(profiles: Iterable[Profile]) -> list[str]:
    return sorted({p.country for p in profiles if p.is_illustrative})


def show_provenance(profiles: Iterable[Profile], *, members: Iterable[Profile] = ()) -> None:
    """A visible warning naming the illustrative countries among ``profiles`` (and baseline
    ``members``), and the sources of published scores."""
    profiles = list(profiles)
    members = [m for m in members if m.country not in {p.country for p in profiles}]
    ill = illustrative_countries(profiles)
    ill_m = illustrative_countries(members)
    if ill or ill_m:
        parts = []
        if ill:
            parts.append(", ".join(country_label(c) for c in ill))
        if ill_m:
            parts.append(t("prov.members", current_language(), who=", ".join(country_label(c) for c in ill_m)))
        one = len(ill) + len(ill_m) == 1
        st.warning(t("prov.illustrative_one" if one else "prov.illustrative_many", current_language(),
                     who="; ".join(parts)), icon=":material/warning:")
    published = [p for p in profiles + members if p.provenance in ("published", "official")]
    if published:
        shown = [p for p in profiles if p.provenance in ("published", "official")]
        who = ", ".join(country_label(p.country) for p in shown) if shown else "baseline members"
        with st.expander(f"Sources of published scores ({who}{', and baseline members' if shown and len(published) > len(shown) else ''})"):
            rows = [{"country": p.country, "year": p.year, "provenance": p.provenance,
                     "source": p.source or p.title or "(no source given in the file)",
                     "notes": p.notes}
                    for p in sorted(published, key=lambda p: (p.country, p.year))]
            st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")


def excluded_notice(data: AppData, scheme_id: str | None = None) -> None:
    bad = data.excluded_profiles(scheme_id)
    if bad:
        st.error(f"{len(bad)} profile file{'s' * (len(bad) != 1)} with errors {'are' if len(bad) != 1 else 'is'} "
                 f"left out of every score: {', '.join(bad[:5])}{' …' if len(bad) > 5 else ''}. "
                 "See **Scheme & validation** for the problems.", icon=":material/error:")


def keep_state(*keys: str) -> None:
    """Keep widget values across pages: Streamlit forgets a widget's state when a page that
    does not draw it runs; re-assigning the key marks it as the user's own."""
    for k in keys:
        if k in st.session_state:
            st.session_state[k] = st.session_state[k]


def ensure_choice(key: str, options: Sequence[Any], default: Any) -> None:
    """Before drawing a select widget with ``key``: make its state one of ``options``."""
    cur = st.session_state.get(key, None)
    if key not in st.session_state or cur not in options:
        st.session_state[key] = default if default in options else (options[0] if options else None)


def ensure_choices(key: str, options: Sequence[Any], default: Sequence[Any]) -> None:
    """Like :func:`ensure_choice` for a multiselect: drop values that are no longer options."""
    if key in st.session_state and isinstance(st.session_state[key], list):
        kept = [v for v in st.session_state[key] if v in options]
        if kept or not st.session_state[key]:
            st.session_state[key] = kept
            return
    st.session_state[key] = [v for v in default if v in options]


# ==============================================================================================
# questionnaire files: paths


class UnsafePath(ValueError):
    """A profile path that would fall outside ``country_profiles/`` (or is not a YAML file)."""



def country_controls(data: AppData, ids: Sequence[str]) -> tuple:
    """The selection row of the one-country pages (scheme, country, year, baseline group and
    statistic; shared with Compare through session state). Returns
    ``(scheme_id, scheme, scored, country, year, group_name, group, stat)``."""
    from .app_lang import shown
    from .compare import STATS

    L = current_language()  # noqa: N806 - bound here: format_func runs outside the run too (AppTest)
    ensure_choice("scheme", ids, default_scheme(data))
    # the year and statistic boxes need room for "latest" and "median" at 1280 px (issue 18)
    c_scheme, c_country, c_year, c_base, c_stat = st.columns([3, 2, 1.3, 2, 1.3])
    sid = c_scheme.selectbox(t("w.scheme", L), ids, key="scheme", format_func=lambda x: scheme_label(shown(data, x, L)[0]))
    sc = scored(data, sid, coding_selector(data, sid))
    all_countries = data.countries(sid)
    picked = st.session_state.get("countries") or []
    ensure_choice("country", all_countries, (picked or default_countries(data, sid) or all_countries)[0])
    country = c_country.selectbox(t("w.country", L), all_countries, key="country",
                                  format_func=lambda c: country_label(c, L))
    cyears = [y for y, _ in sc.rows.get(country, [])]
    ensure_choice("country_year", [LATEST, *cyears], LATEST)
    year = none_if(c_year.selectbox(t("w.year", L), [LATEST, *cyears], key="country_year",
                                    format_func=lambda y: t("cmp.latest", L) if y == LATEST else str(y)), LATEST)
    groups = usable_groups(data, sid)
    ensure_choice("baseline", [NO_GROUP, *groups], default_group(data, sid) or NO_GROUP)
    group_name = none_if(c_base.selectbox(
        t("cmp.baseline", L), [NO_GROUP, *groups], key="baseline",
        format_func=lambda g: t("cmp.no_group", L) if g == NO_GROUP else f"{g} — {data.groups[g].title}"), NO_GROUP)
    ensure_choice("stat", list(STATS), DEFAULT_STAT)
    stat = c_stat.selectbox(t("cmp.stat", L), list(STATS), key="stat", format_func=lambda x: stat_label(x, L))
    group = data.groups.get(group_name) if group_name else None
    return sid, data.schemes[sid], sc, country, year, group_name, group, stat

def profiles_root(root: Path) -> Path:
    return (root / PROFILES_DIR).resolve()


def safe_profile_path(root: Path, path: str | Path) -> Path:
    """``path`` resolved (symbolic links and ``..`` followed), if it lies inside the root's
    ``country_profiles/`` and names a ``.yaml`` file; else :class:`UnsafePath`."""
    base = profiles_root(root)
    p = Path(path)
    if not p.is_absolute():
        p = root / p
    real = p.resolve()
    if not real.is_relative_to(base) or real == base:
        raise UnsafePath(f"{path} is outside {PROFILES_DIR}/; profiles can only be saved there")
    if real.suffix not in (".yaml", ".yml"):
        raise UnsafePath(f"{path} is not a .yaml file")
    return real


def check_new_profile(scheme_id: str, country: str, year: Any, schemes: Iterable[str]) -> list[str]:
    """What is wrong with a new profile's scheme, country and year (empty when fine)."""
    out = []
    if not isinstance(scheme_id, str) or not ID_RE.match(scheme_id) or scheme_id not in set(schemes):
        out.append(f"unknown scheme {scheme_id!r}")
    if not (isinstance(country, str) and is_country_code(country)):
        shown = country if isinstance(country, str) and len(country) <= 12 else str(country)[:12] + "…"
        out.append(f"country {shown!r} is not an ISO 3166-1 alpha-2 code in upper case (e.g. KZ)")
    if not (isinstance(year, int) and not isinstance(year, bool) and 1000 <= year <= 9999):
        out.append(f"year {year!r} must be a four-digit year")
    return out


def new_profile_path(root: Path, scheme_id: str, country: str, year: int) -> Path:
    """Where a new profile goes: ``country_profiles/<CC>/<scheme>-<year>.yaml``; the parts are
    validated first and the result must lie inside ``country_profiles/``."""
    problems = check_new_profile(scheme_id, country, year, [scheme_id] if ID_RE.match(str(scheme_id)) else [])
    if problems:
        raise UnsafePath("; ".join(problems))
    return safe_profile_path(root, profiles_root(root) / country / f"{scheme_id}-{year}.yaml")


# ==============================================================================================
# questionnaire files: snapshots, conflicts, saving


def digest(blob: bytes) -> str:
    return hashlib.sha256(blob).hexdigest()


@dataclass(frozen=True)
class Snapshot:
    """A file as it was when read: its text and digest (``digest`` None: there was no file)."""

    path: Path
    text: str = ""
    digest: str | None = None

    @property
    def exists(self) -> bool:
        return self.digest is not None


def snapshot(path: Path) -> Snapshot:
    try:
        blob = path.read_bytes()
    except FileNotFoundError:
        return Snapshot(path)
    return Snapshot(path, blob.decode("utf-8-sig", errors="replace"), digest(blob))


class SaveConflict(Exception):
    """The file changed on disk since it was opened; ``disk`` is what is there now."""

    def __init__(self, disk: Snapshot) -> None:
        what = "was deleted" if not disk.exists else "changed on disk"
        super().__init__(f"{disk.path.name} {what} since it was opened; not saved")
        self.disk = disk


def save_profile(root: Path, opened: Snapshot, text: str) -> Snapshot:
    """Write ``text`` to the opened file, atomically, if the file on disk is still the one
    that was opened (or still absent, for a new profile); else raise :class:`SaveConflict`.
    Raises :class:`UnsafePath` for a path outside ``country_profiles/``."""
    from .fileio import folder_lock

    path = safe_profile_path(root, opened.path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with folder_lock(path.parent):  # check and write as one step: a stale save is a conflict
        now = snapshot(path)
        if now.digest != opened.digest:
            raise SaveConflict(now)
        atomic_write(path, text)
    return Snapshot(path, text, digest(text.encode("utf-8")))


def diff_text(before: str, after: str, before_name: str = "on disk", after_name: str = "yours") -> str:
    return "".join(difflib.unified_diff(before.splitlines(keepends=True), after.splitlines(keepends=True),
                                        before_name, after_name, n=2))


# ==============================================================================================
# questionnaire files: values and round-trip edits


@dataclass(frozen=True)
class Answer:
    """One indicator's entry as the questionnaire edits it."""

    answer: str | None = None
    source: str = ""
    note: str = ""
    url: str = ""
    quote: str = ""
    confidence: str = ""

    @property
    def cited(self) -> bool:
        return any(getattr(self, f) for f in CITATION_FIELDS)


META_FIELDS = ("status", "provenance", "coder", "reviewer")
#: the Confidence box's choices: not given, or one of the model's levels
CONFIDENCE_CHOICES = ("", *CONFIDENCES)


def answers_of(profile: Profile, scheme: Scheme) -> dict[str, Answer]:
    """Every leaf's entry in a profile (blank where absent)."""
    out = {}
    for leaf in scheme.leaves:
        cit = profile.citations.get(leaf.code)
        out[leaf.code] = Answer(profile.answers.get(leaf.code),
                                **{f: getattr(cit, f) if cit else "" for f in CITATION_FIELDS})
    return out


def meta_of(profile: Profile) -> dict[str, str]:
    """The editable header fields; an invalid status or provenance as the file wrote it."""
    return {"status": profile.status, "provenance": profile.provenance, "coder": profile.coder,
            "reviewer": profile.reviewer, **profile.as_written}


_PLAIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9_/-]*\Z")
_PLAIN_INT = re.compile(r"(0|[1-9][0-9]{0,14})\Z")
_PLAIN_FLOAT = re.compile(r"-?(0|[1-9][0-9]*)\.[0-9]*[1-9]\Z")
#: words YAML 1.1 readers (PyYAML, many others) take for booleans or null: always quoted
_YAML11_SPECIAL = {"y", "n", "yes", "no", "on", "off", "true", "false", "null"}


def _yaml():
    from ruamel.yaml import YAML

    y = YAML()  # round trip
    y.preserve_quotes = True
    y.width = 4096
    y.indent(mapping=2, sequence=4, offset=2)
    return y


def _quoted(s: str):
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    return DoubleQuotedScalarString(s)


def _answer_scalar(node: Node, text: str | None) -> Any:
    """An answer as the YAML scalar to write: plain where that keeps its text (``b``, ``n/a``,
    ``8``), double-quoted where a YAML 1.1 reader would change it (``"yes"``, ``"NO"``)."""
    if text is None:
        return None
    if text == NOT_APPLICABLE:
        return NOT_APPLICABLE
    if _PLAIN_INT.match(text):
        return int(text)
    if node.numeric is not None and _PLAIN_FLOAT.match(text) and repr(float(text)) == text:
        return float(text)
    if _PLAIN_WORD.match(text) and text.lower() not in _YAML11_SPECIAL:
        return text
    return _quoted(text)


class EditError(ValueError):
    """The profile's YAML cannot be edited (not YAML, or its top level is not a mapping)."""


def apply_edits(text: str, scheme: Scheme, before: Mapping[str, Answer], after: Mapping[str, Answer],
                meta_before: Mapping[str, str] | None = None, meta_after: Mapping[str, str] | None = None) -> str:
    """``text`` with the entries that differ between ``before`` and ``after`` rewritten.

    A ruamel round trip keeps comments, key order and quoting; entries that did not change are
    not touched (so their text stays byte for byte). A changed entry keeps its form: the long
    form ``{answer, source, url, quote, confidence, note}`` is updated in place; a short ``CODE: b`` becomes a
    one-line ``{answer: b, source: "..."}`` only when a citation is added. A new entry is
    inserted after the nearest answered indicator before it in the scheme's order.
    """
    from ruamel.yaml.comments import CommentedMap
    from ruamel.yaml.error import YAMLError

    y = _yaml()
    try:
        doc = y.load(text) if text.strip() else CommentedMap()
    except YAMLError as err:
        raise EditError(f"the file is not valid YAML: {str(err).splitlines()[0]}") from None
    if doc is None:
        doc = CommentedMap()
    if not isinstance(doc, CommentedMap):
        raise EditError("the file's top level is not a mapping")
    for k in META_FIELDS:
        new = (meta_after or {}).get(k)
        if new is None or new == (meta_before or {}).get(k):
            continue
        if new == "" and k not in doc:
            continue
        doc[k] = new if k in ("status", "provenance") else _quoted(new)
    answers = doc.get("answers")
    if not isinstance(answers, CommentedMap):
        if not any(after.get(c, Answer()) != before.get(c, Answer()) for c in after):
            return _dump(y, doc)
        if answers is not None and len(answers) > 0:  # a list or a scalar: leave it to validation
            raise EditError("`answers:` is not a mapping of indicator code to answer")
        answers = CommentedMap()
        doc["answers"] = answers
    order = scheme.index
    shared = _shared_ids(doc)
    for leaf in scheme.leaves:
        code = leaf.code
        new = after.get(code, Answer())
        if new == before.get(code, Answer()):
            continue
        scalar = _answer_scalar(leaf, new.answer)
        old = answers.get(code)
        if code not in answers and new == Answer():
            continue
        if isinstance(old, CommentedMap) and (id(old) in shared or old.anchor.value or old.merge):
            # `NAT.2: *x` shares WORK.1's mapping: edit a copy of its own, never the other answer
            old = answers[code] = _own_copy(old)
        if isinstance(old, CommentedMap):
            if "answer" not in old or _scalar_text(old.get("answer")) != new.answer:
                old["answer"] = scalar
            for f in CITATION_FIELDS:
                val = getattr(new, f)
                if val:
                    if _scalar_text(old.get(f)) != val:
                        old[f] = _quoted(val)
                elif f in old:
                    del old[f]
            continue
        if new.cited:
            entry = CommentedMap()
            entry["answer"] = scalar
            for f in CITATION_FIELDS:
                if getattr(new, f):
                    entry[f] = _quoted(getattr(new, f))
            entry.fa.set_flow_style()
            value: Any = entry
        else:
            value = scalar
        if code in answers:
            answers[code] = value
        else:
            pos = 0
            for i, k in enumerate(answers):
                if isinstance(k, str) and k in order and order[k] < order[code]:
                    pos = i + 1
            answers.insert(pos, code, value)
    return _dump(y, doc)


def _shared_ids(doc: Any) -> set[int]:
    """ids of the mappings and lists that occur at more than one place of a document (by YAML
    aliases), found by an iterative walk that enters each of them once."""
    seen: set[int] = set()
    shared: set[int] = set()
    stack = [doc]
    while stack:
        obj = stack.pop()
        kids = list(obj.values()) if isinstance(obj, dict) else obj if isinstance(obj, list) else ()
        for k in kids:
            if isinstance(k, dict | list):
                if id(k) in seen:
                    shared.add(id(k))
                else:
                    seen.add(id(k))
                    stack.append(k)
    return shared


def _own_copy(m: Any) -> Any:
    """A fresh mapping with ``m``'s keys and values (merged keys included), no anchor, same style."""
    from ruamel.yaml.comments import CommentedMap

    fresh = CommentedMap()
    for k, v in m.items():
        fresh[k] = v
    if m.fa.flow_style():
        fresh.fa.set_flow_style()
    return fresh


def _scalar_text(v: Any) -> str | None:
    if v is None:
        return None
    if isinstance(v, bool):
        return str(v).lower()
    return str(v)


def _dump(y, doc) -> str:
    buf = io.StringIO()
    y.dump(doc, buf)
    return buf.getvalue()


def new_profile_text(scheme: Scheme, country: str, year: int, *, coder: str = "") -> str:
    """A blank questionnaire (``indexer template``) to fill in."""
    return template(scheme, country, year, coder=coder)


@dataclass(frozen=True)
class Checked:
    """A profile text read and checked by the engine, as if it were saved at ``label``."""

    profile: Profile | None
    problems: tuple[Problem, ...]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == ERROR]


def check_text(text: str, schemes: Mapping[str, Scheme], label: str,
               others: Iterable[Profile] = (), path: Path | None = None) -> Checked:
    """Read ``text`` as a profile file and check it against its scheme, exactly as
    ``indexer validate`` would (problems are reported at ``label``). ``others``: profiles
    already on disk; one with the same scheme, country and year in another file than ``path``
    is a ``duplicate-profile``."""
    fd, tmp = tempfile.mkstemp(suffix=".yaml", prefix="indexer-q-")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        b = load_file(tmp)
        problems = list(b.problems)
        profile = b.profiles[0] if b.profiles else None
        if profile is None and not b.problems and tmp not in b.profile_schemes:
            problems.append(Problem(tmp, 1, 1, ERROR, "unknown-file-kind", "this is not a profile (no `scheme:`)"))
        if profile is not None:
            scheme = schemes.get(profile.scheme)
            if scheme is None:
                problems.append(Problem(tmp, 1, 1, ERROR, "unknown-scheme",
                                        f"scheme {profile.scheme!r} is not in {SCHEMES_DIR}/"))
            else:
                problems.extend(check_profile(profile, scheme))
            me = None if path is None else Path(path).resolve()
            for o in others:
                if o.key == profile.key and (me is None or Path(o.path).resolve() != me):
                    problems.append(Problem(tmp, 1, 1, ERROR, "duplicate-profile",
                                            f"{profile.scheme} {profile.country} {profile.year} is also in {o.path}"))
                    break
    finally:
        try:
            os.unlink(tmp)
        except OSError:
            pass
    problems = [replace(p, path=label) for p in problems]
    if profile is not None:
        profile = replace(profile, path=str(path) if path is not None else label)
    return Checked(profile, tuple(sort_problems(problems)))


__all__ = [
    "AppData", "Answer", "Checked", "Doc", "DocError", "EditError", "new_doc", "open_doc", "save_doc", "upload_doc", "SaveConflict", "Snapshot", "UnsafePath",
    "answer_text", "answers_of", "apply_edits", "check_new_profile", "check_text", "comparison",
    "country_label", "data_root", "default_countries", "default_group", "default_scheme", "diff_text",
    "fingerprint", "load_data", "meta_of", "new_profile_path", "new_profile_text", "peers",
    "pdf_maker", "profile_view", "read_data", "safe_profile_path", "save_profile", "scored", "series",
    "snapshot", "PROVENANCES", "STATUSES", "CONFIDENCE_CHOICES", "CITATION_FIELDS",
]


# ==============================================================================================
# questionnaire documents: a profile being edited


class DocError(ValueError):
    """A profile that cannot be opened for editing; ``problems`` says why (one line each)."""

    def __init__(self, problems: Sequence[Problem | str]) -> None:
        self.problems = [str(p) for p in problems]
        super().__init__("; ".join(self.problems[:3]))


@dataclass
class Doc:
    """A profile open in the questionnaire: where it will be saved, the file as it was when
    opened (for conflict detection), the text edits apply to, and the values before and now."""

    path: Path
    opened: Snapshot
    base_text: str
    scheme_id: str
    country: str
    year: int
    before: dict[str, Answer]
    meta_before: dict[str, str]
    values: dict[str, Answer]
    meta: dict[str, str]
    origin: str = "file"  # file | new | upload
    conflict: Snapshot | None = None

    def text(self, scheme: Scheme) -> str:
        """The file as it would be saved now (only changed values differ from ``base_text``)."""
        return apply_edits(self.base_text, scheme, self.before, self.values, self.meta_before, self.meta)

    def mark_saved(self, snap: Snapshot) -> None:
        self.opened = snap
        self.base_text = snap.text
        self.before = dict(self.values)
        self.meta_before = dict(self.meta)
        self.origin = "file"
        self.conflict = None


#: the largest profile file the questionnaire opens (a round trip of 2 MB takes seconds; 50 MB of
#: `notes:` took minutes); larger files are edited in a text editor and checked with `validate`
MAX_EDIT_BYTES = 1_000_000


def _check_size(label: str, size: int) -> None:
    if size > MAX_EDIT_BYTES:
        raise DocError([f"{label}: {size / 1e6:.1f} MB is too large to edit here (the limit is "
                        f"{MAX_EDIT_BYTES / 1e6:g} MB); edit it in a text editor and check it with `indexer validate`"])


def _doc_from_text(data: AppData, text: str, path: Path, opened: Snapshot, origin: str) -> Doc:
    label = data.rel(path)
    _check_size(label, len(text.encode("utf-8")))
    ck = check_text(text, data.schemes, label)
    p = ck.profile
    if p is None:
        raise DocError(ck.errors or ["the file is not a profile"])
    scheme = data.schemes.get(p.scheme)
    if scheme is None:
        raise DocError([f"{label}: scheme {p.scheme!r} is not in {SCHEMES_DIR}/"])
    before, meta = answers_of(p, scheme), meta_of(p)
    try:
        apply_edits(text, scheme, before, before)  # the round trip must be able to read it
    except EditError as err:
        raise DocError([f"{label}: {err}"]) from None
    return Doc(path=path, opened=opened, base_text=text, scheme_id=p.scheme, country=p.country, year=p.year,
               before=before, meta_before=meta, values=dict(before), meta=dict(meta), origin=origin)


def open_doc(data: AppData, path: str | Path) -> Doc:
    """Open a profile file of the data root for editing."""
    try:
        real = safe_profile_path(data.root, path)
    except UnsafePath as err:
        raise DocError([str(err)]) from None
    try:
        _check_size(data.rel(real), real.stat().st_size)
    except OSError:
        pass  # missing: said below
    snap = snapshot(real)
    if not snap.exists:
        raise DocError([f"{data.rel(real)} does not exist"])
    return _doc_from_text(data, snap.text, real, snap, "file")


def new_doc(data: AppData, scheme_id: str, country: str, year: Any, *, coder: str = "") -> Doc:
    """A new profile (a blank questionnaire) for ``country_profiles/<CC>/<scheme>-<year>.yaml``."""
    problems = check_new_profile(scheme_id, country, year, data.schemes)
    if problems:
        raise DocError(problems)
    try:
        path = new_profile_path(data.root, scheme_id, country, year)
    except UnsafePath as err:
        raise DocError([str(err)]) from None
    if path.exists():
        raise DocError([f"{data.rel(path)} exists already: open it instead"])
    for p in data.bundle.profiles:
        # a questionnaire of that country-year exists: open it; published scores alone do not
        # block a coding of one's own (codings coexist, see indexer.codings)
        if p.key[:3] == (scheme_id, country, year) and (p.provenance != "published" or p.coding == "expert"):
            raise DocError([f"{country} {year} already has a {scheme_id} profile in {data.rel(p.path)}: open it instead"])
    text = new_profile_text(data.schemes[scheme_id], country, year, coder=coder)
    return _doc_from_text(data, text, path, Snapshot(path), "new")


def upload_doc(data: AppData, name: str, blob: bytes) -> Doc:
    """An uploaded profile file, to be saved over the profile of the same scheme, country and
    year (if there is one) or as a new profile."""
    _check_size(name, len(blob))
    try:
        text = blob.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise DocError([f"{name}: not UTF-8 text"]) from None
    ck = check_text(text, data.schemes, name)
    p = ck.profile
    if p is None:
        raise DocError(ck.errors or [f"{name}: not a profile"])
    if p.scheme not in data.schemes:
        raise DocError([f"{name}: scheme {p.scheme!r} is not in {SCHEMES_DIR}/"])
    existing = [q for q in data.bundle.profiles if q.key == p.key]
    try:
        path = (safe_profile_path(data.root, existing[0].path) if existing
                else new_profile_path(data.root, p.scheme, p.country, p.year))
    except UnsafePath as err:
        raise DocError([str(err)]) from None
    return _doc_from_text(data, text, path, snapshot(path), "upload")


def save_doc(data: AppData, doc: Doc, scheme: Scheme, *, force: bool = False) -> Snapshot:
    """Save a document (see :func:`save_profile`); ``force`` accepts what is on disk now as the
    base (after the user has seen both versions). Updates ``doc`` on success, or sets
    ``doc.conflict`` and raises :class:`SaveConflict`."""
    text = doc.text(scheme)
    opened = doc.conflict if (force and doc.conflict is not None) else doc.opened
    try:
        snap = save_profile(data.root, opened, text)
    except SaveConflict as err:
        doc.conflict = err.disk
        raise
    doc.mark_saved(snap)
    return snap


# ==============================================================================================
# charts (plotly figures from a comparison table; nothing computed but layout)

BAND_COLOURS = ["#1a9641", "#7fbf4d", "#e6c229", "#f08c3c", "#d7301f", "#8c1010"]
COUNTRY_COLOURS = ["#2b5d8c", "#c8553d", "#3c9d6e", "#8e5ea2", "#d49a1a", "#5c9bd1", "#a0522d", "#6b8e23"]
BASELINE_COLOUR = "#555555"


def _rows_by(cmp_: Comparison) -> dict[tuple[str, str], Any]:
    """The comparison table's rows by (country, code), in one pass."""
    return {(r.country, r.code): r for r in cmp_.table.itertuples(index=False)}


#: beside a baseline's n where the value rests on fewer than half of the group's members
THIN_MARK = "⚠"


def n_text(r: Any) -> str:
    """A baseline's n as the charts show it: ``8 ⚠ thin`` when it is thin (compare.is_thin)."""
    return fmt_int(r.baseline_n) + (f" {THIN_MARK} thin" if getattr(r, "thin", False) else "")


def _hover(r: Any, title: str) -> list[str]:
    return [fmt_score(r.score), fmt_pct(r.coverage), r.band or "–", fmt_rank(r.rank, r.rank_n),
            str(r.year), fmt_int(r.baseline_n), title]


_HOVER = ("<b>%{fullData.name}</b><br>%{customdata[6]}<br>score %{customdata[0]} · %{customdata[2]}"
          "<br>coverage %{customdata[1]} · rank %{customdata[3]}<br>profile %{customdata[4]}<extra></extra>")


def _num(v: Any) -> float | None:
    return None if is_missing(v) else float(v)


def _wrap(text: str, width: int = 16) -> str:
    """A label broken into lines of about ``width`` characters (plotly's <br>)."""
    import textwrap

    return "<br>".join(textwrap.wrap(text, width)) or text


def _no_score_text(coverage: Any, sep: str = " ") -> str:
    """What a chart shows instead of a missing score: –, and the share answered if any."""
    return "–" if is_missing(coverage) or coverage == 0 else f"–{sep}({fmt_pct(coverage)} answered)"


def _children(cmp_: Comparison, parent: str | None) -> list[Node]:
    scheme = cmp_.scheme
    return list((scheme.node(parent) if parent else scheme.root).children)


def radar_figure(cmp_: Comparison, parent: str | None = None):
    """Scores of the children of ``parent`` (default: the areas) as a radar, one trace per
    country and a dashed one for the baseline."""
    import plotly.graph_objects as go

    kids = _children(cmp_, parent)
    by = _rows_by(cmp_)
    theta = [_wrap(k.title or k.code) for k in kids]
    theta = theta + theta[:1]
    traces = []
    for i, c in enumerate(cmp_.countries):
        rows = [by[(c, k.code)] for k in kids]
        band = _radar_band(rows, theta, COUNTRY_COLOURS[i % len(COUNTRY_COLOURS)], country_label(c))
        if band is not None:
            traces.append(band)
    for i, c in enumerate(cmp_.countries):
        rows = [by[(c, k.code)] for k in kids]
        r = [_num(x.score) for x in rows]
        cd = [_hover(x, k.title) for x, k in zip(rows, kids, strict=True)]
        traces.append(go.Scatterpolar(r=r + r[:1], theta=theta, customdata=cd + cd[:1],
                                      name=country_label(c), mode="lines+markers",
                                      line={"color": COUNTRY_COLOURS[i % len(COUNTRY_COLOURS)]},
                                      hovertemplate=_HOVER, connectgaps=False))
    if cmp_.group is not None:
        rows = [by[(cmp_.countries[0], k.code)] for k in kids]
        r = [_num(x.baseline) for x in rows]
        cd = [[fmt_score(x.baseline), n_text(x), k.title] for x, k in zip(rows, kids, strict=True)]
        traces.append(go.Scatterpolar(
            r=r + r[:1], theta=theta, customdata=cd + cd[:1],
            name=baseline_label(cmp_.group, cmp_.stat), mode="lines+markers",
            line={"color": BASELINE_COLOUR, "dash": "dash"},
            hovertemplate="<b>%{fullData.name}</b><br>%{customdata[2]}<br>%{customdata[0]} "
                          "(n=%{customdata[1]} members)<extra></extra>"))
    lo, hi = cmp_.scheme.scale
    return go.Figure(traces, layout={
        # ticks at the ends and the middle only, along the vertical axis between two areas and
        # drawn small, so that they never sit on an area's label or collide at the centre; a
        # wide margin keeps the longest wrapped area label ("Labour market / mobility") inside
        "polar": {"radialaxis": {"range": [lo, hi], "tickvals": [lo, (lo + hi) / 2, hi], "angle": 90,
                                 "tickangle": 90, "tickfont": {"size": 9, "color": "#888"}},
                  "angularaxis": {"tickfont": {"size": 11}}, "domain": {"x": [0.08, 0.92]}},
        "margin": {"l": 90, "r": 90, "t": 40, "b": 40}, "height": 460,
        "legend": {"orientation": "h", "y": -0.15}})


def _radar_band(rows: list, theta: list[str], colour: str, name: str):  # noqa: ANN202 - a plotly trace
    """The ring between a country's lower and upper bounds (SPEC §3.1), or None where every
    node is final: the upper polygon, then the lower one backwards, filled (the ring only)."""
    import plotly.graph_objects as go

    if not any(is_open_interval(x.lower, x.upper) for x in rows):
        return None
    if any(is_missing(x.lower) for x in rows):  # a node without bounds: no closed ring to draw
        return None
    up = [float(x.upper) for x in rows]
    lo = [float(x.lower) for x in rows]
    base = theta[:len(rows)]  # ``theta`` comes closed (its first label again at the end)
    return go.Scatterpolar(
        r=up + up[:1] + lo[:1] + lo[::-1], theta=base + base[:1] + base[:1] + base[::-1],
        fill="toself", mode="lines", line={"width": 0.5, "color": colour}, fillcolor=_rgba(colour, 0.16),
        name=f"{name}: possible range", hoverinfo="skip", legendgroup=name, showlegend=True)


def _rgba(hex_colour: str, alpha: float) -> str:
    h = hex_colour.lstrip("#")
    return f"rgba({int(h[0:2], 16)}, {int(h[2:4], 16)}, {int(h[4:6], 16)}, {alpha})"


def bars_figure(cmp_: Comparison, parent: str | None = None):
    """Scores of the children of ``parent`` as grouped horizontal bars, the baseline as a tick
    on each (n beside each label: members with a score there); a node without a score shows
    '–' and the share of its indicators answered instead of a bar."""
    import plotly.graph_objects as go

    kids = _children(cmp_, parent)
    by = _rows_by(cmp_)
    first = cmp_.countries[0]
    y = [(k.title or k.code) + (f" <sub>n={n_text(by[(first, k.code)])}</sub>"
                                if cmp_.group is not None else "") for k in kids]
    traces = []
    for i, c in enumerate(cmp_.countries):
        rows = [by[(c, k.code)] for k in kids]
        colour = COUNTRY_COLOURS[i % len(COUNTRY_COLOURS)]
        traces.append(go.Bar(
            y=y, x=[_num(r.score) or 0 for r in rows], name=country_label(c), orientation="h", offsetgroup=c,
            text=[fmt_score(r.score) if not is_missing(r.score) else
                  ("" if is_open_interval(r.lower, r.upper) else _no_score_text(r.coverage)) for r in rows],
            textposition="outside", customdata=[_hover(r, k.title) for r, k in zip(rows, kids, strict=True)],
            hovertemplate=_HOVER, marker={"color": colour}, cliponaxis=False, legendgroup=c))
        # the interval (SPEC §3.1) as an outlined box over the bar: where the score can still go
        if any(is_open_interval(r.lower, r.upper) for r in rows):
            open_ = [is_open_interval(r.lower, r.upper) for r in rows]
            traces.append(go.Bar(
                y=y, x=[float(r.upper) - float(r.lower) if o else None for r, o in zip(rows, open_, strict=True)],
                base=[float(r.lower) if o else None for r, o in zip(rows, open_, strict=True)],
                orientation="h", offsetgroup=c, legendgroup=c, showlegend=False, name=country_label(c),
                marker={"color": _rgba(colour, 0.18), "line": {"color": colour, "width": 1.5},
                        "pattern": {"shape": "/", "fgcolor": _rgba(colour, 0.45), "size": 6}},
                text=[(f"{fmt_bounds(r.lower, r.upper)} ({fmt_pct(r.coverage)})" if is_missing(r.score)
                       else "") if o else "" for r, o in zip(rows, open_, strict=True)],
                textposition="outside", cliponaxis=False,
                customdata=[[fmt_bounds(r.lower, r.upper, words=True), fmt_pct(r.coverage), k.title, r.verdict or ""]
                            for r, k in zip(rows, kids, strict=True)],
                hovertemplate="<b>%{fullData.name}</b><br>%{customdata[2]}<br>%{customdata[0]} once every open "
                              "indicator is answered<br>coverage %{customdata[1]}<extra></extra>"))
    if cmp_.group is not None:
        rows = [by[(first, k.code)] for k in kids]
        traces.append(go.Scatter(
            y=y, x=[_num(r.baseline) for r in rows], mode="markers",
            name=baseline_label(cmp_.group, cmp_.stat),
            marker={"symbol": "line-ns-open", "size": max(14, min(40, 10 * len(cmp_.countries) + 6)),
                    "color": BASELINE_COLOUR, "line": {"width": 3, "color": BASELINE_COLOUR}},
            customdata=[[fmt_score(r.baseline), n_text(r)] for r in rows],
            hovertemplate="<b>%{fullData.name}</b>: %{customdata[0]} (n=%{customdata[1]} members)<extra></extra>"))
    lo, hi = cmp_.scheme.scale
    height = 90 + len(kids) * max(34, 16 * len(cmp_.countries) + 14)
    room = 1.45 if any(t.base is not None for t in traces if isinstance(t, go.Bar)) else 1.2  # interval labels
    return go.Figure(traces, layout={
        # room on the right for the interval labels, but ticks on the scale only (no "140" on 0-100)
        "barmode": "group", "xaxis": {"range": [lo, lo + (hi - lo) * room], "title": {"text": "score"},
                                      "tickvals": [lo + (hi - lo) * k / 5 for k in range(6)]},
        "yaxis": {"autorange": "reversed"}, "bargap": 0.25,
        "margin": {"l": 10, "r": 10, "t": 30, "b": 10}, "height": height,
        "legend": {"orientation": "h", "y": 1.02, "yanchor": "bottom"}, "uniformtext": {"minsize": 9, "mode": "show"}})


def heatmap_figure(cmp_: Comparison, parent: str | None = None):
    """Countries × children of ``parent``, coloured by score, each cell showing the score (or
    – and the share answered); the baseline is the last row, with n in each cell."""
    import plotly.graph_objects as go

    kids = _children(cmp_, parent)
    by = _rows_by(cmp_)
    z, text, hover, ylab = [], [], [], []
    for c in cmp_.countries:
        rows = [by[(c, k.code)] for k in kids]
        z.append([_num(r.score) for r in rows])
        text.append([_no_score_text(r.coverage, "<br>") if is_missing(r.score) else fmt_score(r.score)
                     + ("" if is_missing(r.coverage) or r.coverage >= 1 else f"<br>({fmt_pct(r.coverage)} answered)")
                     for r in rows])
        hover.append([f"{country_label(c)} · {k.title}<br>score {fmt_score(r.score)} · {r.band or '–'}<br>"
                      f"coverage {fmt_pct(r.coverage)} · rank {fmt_rank(r.rank, r.rank_n)} · profile {r.year}"
                      for r, k in zip(rows, kids, strict=True)])
        ylab.append(country_label(c))
    if cmp_.group is not None:
        rows = [by[(cmp_.countries[0], k.code)] for k in kids]
        z.append([_num(r.baseline) for r in rows])
        text.append([f"{fmt_score(r.baseline)}<br>n={n_text(r)}" for r in rows])
        hover.append([f"{baseline_label(cmp_.group, cmp_.stat)} · {k.title}<br>{fmt_score(r.baseline)} "
                      f"(n={n_text(r)} members)" for r, k in zip(rows, kids, strict=True)])
        ylab.append(baseline_label(cmp_.group, cmp_.stat))
    lo, hi = cmp_.scheme.scale
    return go.Figure(go.Heatmap(
        z=z, x=[_wrap(k.title or k.code, 14) for k in kids], y=ylab, text=text, texttemplate="%{text}",
        textfont={"size": 12},
        customdata=hover, hovertemplate="%{customdata}<extra></extra>", zmin=lo, zmax=hi,
        colorscale=[[0, "#d7301f"], [0.5, "#f7e08a"], [1, "#1a9641"]], xgap=2, ygap=2,
        colorbar={"title": {"text": "score"}, "thickness": 12}),
        layout={"height": 150 + 58 * len(ylab), "margin": {"l": 10, "r": 10, "t": 60, "b": 10},
                "yaxis": {"autorange": "reversed"}, "xaxis": {"side": "top", "tickangle": 0}})


def trend_figure(ts: pd.DataFrame, code: str, countries: Sequence[str], baseline_name: str | None,
                 scale: tuple[float, float] = (0.0, 100.0)):
    """One node's score over the years (``compare.time_series`` rows), per country, with the
    baseline dashed; an open marker is a year carried forward from an earlier profile."""
    import plotly.graph_objects as go

    d = ts[ts.code == code]
    fig = go.Figure()
    for i, c in enumerate(countries):
        rows = d[d.country == c].sort_values("as_of")
        if rows.empty or rows.score.isna().all():
            continue
        fig.add_trace(go.Scatter(
            x=rows.as_of, y=rows.score, name=country_label(c), mode="lines+markers",
            line={"color": COUNTRY_COLOURS[i % len(COUNTRY_COLOURS)]},
            marker={"size": 8, "symbol": ["circle" if y == a else "circle-open"
                                          for y, a in zip(rows.year, rows.as_of, strict=True)]},
            customdata=[[fmt_score(r.score), fmt_pct(r.coverage), str(r.year), fmt_rank(r.rank, r.rank_n)]
                        for r in rows.itertuples(index=False)],
            hovertemplate="<b>%{fullData.name}</b> %{x}: %{customdata[0]}<br>coverage %{customdata[1]} · "
                          "rank %{customdata[3]}<br>profile of %{customdata[2]}<extra></extra>"))
    if baseline_name:
        b = d.drop_duplicates("as_of").sort_values("as_of")
        if not b.baseline.isna().all():
            fig.add_trace(go.Scatter(
                x=b.as_of, y=b.baseline, name=baseline_name, mode="lines+markers",
                line={"color": BASELINE_COLOUR, "dash": "dash"},
                customdata=[[fmt_score(r.baseline), n_text(r)] for r in b.itertuples(index=False)],
                marker={"symbol": ["triangle-up-open" if t else "circle" for t in b.thin], "size": 9},
                hovertemplate="<b>%{fullData.name}</b> %{x}: %{customdata[0]} (n=%{customdata[1]})<extra></extra>"))
    fig.update_layout(height=380, margin={"l": 40, "r": 10, "t": 30, "b": 10},
                      yaxis={"title": {"text": "score"}, "range": [scale[0], scale[1] * 1.02]},
                      xaxis={"dtick": 1}, legend={"orientation": "h", "y": -0.2})
    return fig
