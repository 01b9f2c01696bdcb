"""The app's data path: the data root, reading and validating it once per change of its files,
and the cached results the pages draw (scores, comparisons, time series, profile views).

Nothing here scores anything (that is ``score`` and ``compare``'s); this module only decides
what is read when and keeps it. The data root is ``$INDEXER_DATA_ROOT`` (default: this
repository); its ``indicators/`` and ``country_profiles/`` are loaded and validated once per
:func:`fingerprint` (names, sizes and modification times of the YAML files), shared by every
session (``st.cache_resource``). Every cache key holds the data's fingerprint and the loaded
engine code (:func:`_engine`). Also the app's defaults: Kazakhstan and Armenia against the EU27
median, Moldova, Russia and Ukraine as post-Soviet peers.
"""

from __future__ import annotations

import gc
import hashlib
import os
import threading
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
import streamlit as st

from . import codings
from .app_lang import current as current_language
from .compare import DEFAULT_STAT as compare_default_stat
from .compare import Comparison, Scored, compare, time_series
from .load import Bundle, iter_yaml_files, load_file
from .model import Group, Profile, Scheme
from .problems import Problem
from .validate import files_with_errors, validate_bundle

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


#: :meth:`AppData.rel`'s answers, kept across versions of the data (resolving a path costs a
#: system call per folder, and the questionnaire names every profile file on each run)
_REL: dict[tuple[str, str], str] = {}


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
        key = (str(self.root), str(path))
        got = _REL.get(key)
        if got is None:
            try:
                got = Path(path).resolve().relative_to(self.root).as_posix()
            except ValueError:
                got = key[1]
            if len(_REL) > 100_000:
                _REL.clear()
            _REL[key] = got
        return got

    def profiles(self, scheme_id: str) -> tuple[Profile, ...]:
        """The profiles of a scheme that are used for scores (files without errors)."""
        return self._usable.get(scheme_id, ())

    def countries(self, scheme_id: str) -> list[str]:
        return sorted({p.country for p in self.profiles(scheme_id)})

    def years(self, scheme_id: str, countries: Iterable[str] | None = None) -> list[int]:
        keep = None if countries is None else set(countries)
        return sorted({p.year for p in self.profiles(scheme_id) if keep is None or p.country in keep})

    def profile(self, scheme_id: str, country: str, year: int, prefer: Sequence[str] = ()) -> Profile | None:
        """The coding of ``country`` and ``year`` that the default order (or ``prefer``) uses
        where several coexist (codings.rank: published first; ``desk`` before ``desk-b``)."""
        mine = [p for p in self.profiles(scheme_id) if p.country == country and p.year == year]
        return min(mine, key=lambda p: codings.rank(p, prefer)) if mine else None

    def schemes_with_profiles(self) -> list[str]:
        return [sid for sid in self.schemes if self.profiles(sid)]

    def excluded_profiles(self, scheme_id: str | None = None) -> list[str]:
        """Relative paths of the profile files left out (of one scheme, or all)."""
        return sorted(self.rel(p) for p in self.excluded
                      if scheme_id is None or self.bundle.profile_schemes.get(p) == scheme_id)


#: path -> ((modification time, size), what reading that file alone gave): the profile files
#: already read, so that a save re-reads one file, not the whole data root (see :func:`read_bundle`)
_FILE_PARTS: dict[str, tuple[tuple[int, int], Bundle | None]] = {}
_FILE_PARTS_LOCK = threading.Lock()
#: the schemes, groups and translation files, ((path, stamp), ...) in reading order -> what
#: reading them in that order gave and each file's own problems: read again only when one of them
#: changed, was added or went (their checks span files, so they are read together, in order)
_OTHER_PARTS: dict[tuple, tuple[Bundle, dict[str, list[Problem]]]] = {}
#: the engine's check of each profile against its scheme, kept across versions of the data:
#: after a save only the saved profile is checked again (``validate.check_bundle``'s ``memo``)
_CHECKS: dict = {}
_CHECKS_LOCK = threading.Lock()


def _stamp(path: str) -> tuple[int, int] | None:
    try:
        st_ = os.stat(path)
    except OSError:
        return None
    return (st_.st_mtime_ns, st_.st_size)


def _profile_part(path: str, stamp: tuple[int, int] | None = None) -> Bundle | None:
    """What ``load_file(path)`` gives for a profile (or unreadable) file, read again only when
    the file's modification time or size (``stamp``) changed; None for other kinds of file
    (schemes, groups, translations: :func:`_other_parts`) and for a file that cannot be stat'ed."""
    stamp = stamp or _stamp(path)
    if stamp is None:
        return None
    with _FILE_PARTS_LOCK:
        hit = _FILE_PARTS.get(path)
    if hit is not None and hit[0] == stamp:
        return hit[1]
    part: Bundle | None = load_file(path)
    if part.schemes or part.groups or part.translations or part.scheme_paths:
        part = None  # remembered as "not a profile": read in order
    with _FILE_PARTS_LOCK:
        _FILE_PARTS[path] = (stamp, part)
    return part


def _other_parts(files: list[tuple[str, tuple[int, int] | None]]) -> tuple[Bundle, dict[str, list[Problem]]]:
    """The schemes, groups and translation files read in order into one bundle (as ``load_paths``
    reads them: a profile file does not change how they are read), and each file's problems;
    kept while none of them changed (a file that cannot be stat'ed is read every time)."""
    key = tuple(files)
    cacheable = all(stamp is not None for _, stamp in files)
    with _FILE_PARTS_LOCK:
        hit = _OTHER_PARTS.get(key) if cacheable else None
    if hit is not None:
        return hit
    sub, own = Bundle(), {}
    for f, _ in files:
        n = len(sub.problems)
        load_file(f, sub)
        own[f] = sub.problems[n:]
    if cacheable:
        with _FILE_PARTS_LOCK:
            if len(_OTHER_PARTS) >= 4:
                _OTHER_PARTS.clear()
            _OTHER_PARTS[key] = (sub, own)
    return sub, own


def read_bundle(root: Path) -> Bundle:
    """``load_paths`` of the root's ``indicators/`` and ``country_profiles/``, with each file's
    reading kept: after a save only the saved file is parsed again (:func:`_profile_part`; the
    schemes, groups and translations, :func:`_other_parts`, only when one of them changed). The
    bundle is the same as ``load_paths``' (a profile file's reading does not depend on the other
    files; schemes, groups and translations files, which do, are read together in order)."""
    folders = [str(f) for f in (root / SCHEMES_DIR, root / PROFILES_DIR) if f.is_dir()]
    b = Bundle()
    gc_was_enabled = gc.isenabled()
    gc.disable()  # as load_paths: reading makes next to no reference cycles
    try:
        files: list[tuple[str, Bundle | None]] = []
        others: list[tuple[str, tuple[int, int] | None]] = []
        for f in iter_yaml_files(folders):
            stamp = _stamp(f)
            part = _profile_part(f, stamp)
            files.append((f, part))
            if part is None:
                others.append((f, stamp))
        sub, own = _other_parts(others)
        for f, part in files:
            if part is None:  # its share of the problems, in reading order
                b.problems.extend(own[f])
                continue
            b.problems.extend(part.problems)
            b.broken.update(part.broken)
            b.profile_schemes.update(part.profile_schemes)
            b.profiles.extend(part.profiles)
        # copies: the checks may add a scheme to the bundle; the kept reading stays as it was read
        b.schemes.update(sub.schemes)
        b.groups.update(sub.groups)
        b.translations.extend(sub.translations)
        b.scheme_paths.update({k: list(v) for k, v in sub.scheme_paths.items()})
        b.broken.update(sub.broken)
        for path, sid in sub.profile_schemes.items():  # a file that could not be stat'ed
            b.profile_schemes.setdefault(path, sid)
        b.profiles.extend(sub.profiles)
    finally:
        if gc_was_enabled:
            gc.enable()
    seen = {f for f, _ in files}
    with _FILE_PARTS_LOCK:
        for gone in [p for p in _FILE_PARTS if p not in seen and p.startswith(tuple(folders))]:
            del _FILE_PARTS[gone]
    return b


def read_data(root: Path, version: str = "") -> AppData:
    """Load and validate a data root (uncached; see :func:`load_data`). Each profile's check
    against its scheme is kept while neither changed (:data:`_CHECKS`): after a save, the saved
    profile alone is read and checked again; cross-file checks (duplicates, translations) run
    in full."""
    bundle = read_bundle(root)
    with _CHECKS_LOCK:  # one validation at a time per process: the memo is shared
        memo = _CHECKS.setdefault(str(root), {})
        problems = tuple(validate_bundle(bundle, memo=memo))
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
                                                          "indexer.load", "indexer.app_data"))


@st.cache_resource(max_entries=4, show_spinner="Reading the data files…")
def _cached_data(root: str, version: str) -> AppData:
    return read_data(Path(root), version)


#: the data the entry script read for the run in progress (:func:`same_data_for_the_page`), per
#: script thread
_THIS_RUN = threading.local()


@contextmanager
def same_data_for_the_page(data: AppData) -> Iterator[None]:
    """While the entry script runs the page (``nav.run()``), :func:`load_data` of the same root
    gives ``data`` rather than walking the data root again: one fingerprint per run, not two
    (the walk and 700 ``stat`` calls cost 15 ms idle, up to 80 ms on a loaded machine)."""
    _THIS_RUN.data = data
    try:
        yield
    finally:
        _THIS_RUN.data = None


def load_data(root: Path | None = None) -> AppData:
    """The data of ``root`` (default :func:`data_root`), read again only when a file changed."""
    root = root or data_root()
    held = getattr(_THIS_RUN, "data", None)
    if held is not None and held.root == root:
        return held
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


def coding_options(data: AppData, scheme_id: str) -> list[str]:
    """Coding ids worth a selector: those of a scheme where some country-year has several."""
    from .codings import known

    profs = data.profiles(scheme_id)
    keys = [(p.country, p.year) for p in profs]
    return known(profs) if len(set(keys)) < len(keys) else []


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


@st.cache_resource(max_entries=32, show_spinner=False)
def _cached_agreement(root: str, version: str, scheme_id: str, country: str, year: int) -> Any:
    from .agree import AgreeError, agree

    data = _cached_data(root, version)
    s = _cached_scored(root, version, scheme_id)
    try:
        return agree(data.schemes[scheme_id], s.arrays.profiles, country, year=year)
    except AgreeError:
        return None


def agreement(data: AppData, scheme_id: str, country: str, year: int) -> Any:
    """The first two codings with answers of ``country``'s ``year`` side by side
    (``indexer.agree.Agreement``), or None when the year has fewer than two."""
    return _cached_agreement(str(data.root), data.version, scheme_id, country, year)


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
