"""Validate: per-file checks (from ``load``) plus the checks that need more than one file.

Profiles are checked against their scheme (unknown codes and options, numbers, given-score
conflicts, missing answers) and against each other (duplicate profiles). Every problem of every
file is collected; nothing is raised.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from .load import Bundle, _Collector, iter_yaml_files, load_file, load_paths, number_of
from .model import NOT_APPLICABLE, Profile, Scheme, version_key
from .problems import Problem, excerpt, sort_problems
from .versions import is_ahead, stale_answers


def schemes_dir() -> Path:
    """``indicators/`` of the current folder, else the one beside the installed package."""
    here = Path("indicators")
    if here.is_dir():
        return here
    return Path(__file__).resolve().parent.parent / "indicators"


def resolve_scheme(ref: str, bundle: Bundle, *, ids_only: bool = False) -> str | None:
    """Make the scheme ``ref`` (a path or an id) available in ``bundle``; return its id.

    A path is loaded; an id is looked up among the bundle's schemes, then in ``indicators/``.
    Returns None when it cannot be found (or its file cannot be read as a scheme).
    With ``ids_only`` (the scheme a profile names), ``ref`` is an id and never a path.
    """
    p = Path(ref)
    if not ids_only and (ref.endswith((".yaml", ".yml")) or p.is_file()):
        for sid, files in bundle.scheme_paths.items():  # already read among the paths
            if any(Path(f).resolve() == p.resolve() for f in files):
                return sid
        load_file(p, bundle)
        # the id this file declares (also when another file among the paths declares it too:
        # then the duplicate-scheme problem is this file's, and the command that uses it fails)
        new = [sid for sid, files in bundle.scheme_paths.items() if str(p) in files]
        return new[0] if new else None
    if ref in bundle.schemes or ref in bundle.scheme_paths:
        return ref
    folder = schemes_dir()
    candidates = [folder / f"{ref}.yaml", folder / f"{ref}.yml"]
    if folder.is_dir():
        candidates += [q for q in sorted(folder.glob("*.y*ml")) if q not in candidates]
    for q in candidates:
        if q.is_file():
            if any(str(q) in files for files in bundle.scheme_paths.values()):
                continue
            sub = load_file(q)
            if ref in sub.scheme_paths:
                bundle.problems.extend(sub.problems)
                bundle.scheme_paths[ref] = [str(q)]
                if ref in sub.schemes:
                    bundle.schemes[ref] = sub.schemes[ref]
                return ref
    return None


_COMPOSITE, _UNKNOWN = object(), object()
#: id(scheme) -> (scheme, its leaf table): see _leaf_table
_LEAF_TABLES: dict[int, tuple[Scheme, dict[str, object], tuple[str, ...]]] = {}


def _leaf_table(scheme: Scheme) -> tuple[dict[str, object], tuple[str, ...]]:
    """Once per scheme: code -> its option values (a frozenset), None for a numeric leaf or
    ``_COMPOSITE``; and the leaf codes in order (checking thousands of profiles looks these up)."""
    hit = _LEAF_TABLES.get(id(scheme))
    if hit is not None and hit[0] is scheme:
        return hit[1], hit[2]
    kinds: dict[str, object] = {
        n.code: _COMPOSITE if not n.is_leaf else None if n.numeric is not None else frozenset(o.value for o in n.options)
        for n in scheme.nodes
    }
    leaves = tuple(n.code for n in scheme.nodes if n.is_leaf)
    if len(_LEAF_TABLES) >= 32:
        _LEAF_TABLES.clear()
    _LEAF_TABLES[id(scheme)] = (scheme, kinds, leaves)
    return kinds, leaves


def check_profile(profile: Profile, scheme: Scheme) -> list[Problem]:
    """Problems of one profile against its scheme."""
    c = _Collector(profile.path, "")
    index = scheme.index
    nodes = scheme.nodes
    lo, hi = scheme.scale
    given_under: set[str] = set()  # codes lying under a given-score node
    for code, value in profile.scores.items():
        if code not in index:
            c.error(("scores", code), "unknown-code", f"{scheme.id} has no node {excerpt(code)}", at="key")
            continue
        if not lo <= value <= hi:
            c.error(("scores", code), "score-out-of-scale",
                    f"score of {code} is {value:g}, outside the scale {lo:g}..{hi:g}")
        given_under.update(n.code for n in scheme.descendants(code))
    kinds, leaf_codes = _leaf_table(scheme)
    for code, text in profile.answers.items():
        kind = kinds.get(code, _UNKNOWN)
        if kind is _UNKNOWN:
            c.error(("answers", code), "unknown-code", f"{scheme.id} has no indicator {excerpt(code)}", at="key")
            continue
        if kind is _COMPOSITE:
            node = nodes[index[code]]
            kids = [k.code for k in node.children]
            shown = ", ".join(kids[:6]) + (f" and {len(kids) - 6} more" if len(kids) > 6 else "")
            c.error(("answers", code), "not-a-leaf",
                    f"{code} is a composite node ({node.level}); answer its parts instead: {shown}", at="key")
            continue
        if text is None:
            continue
        if code in profile.scores and code not in given_under:
            c.error(("answers", code), "given-score-conflict",
                    f"{code} is answered and also has a given score in `scores:`; keep one", at="key")
            continue
        if code in given_under:
            c.error(("answers", code), "given-score-conflict",
                    f"{code} is answered but lies under a node whose score is given in `scores:`; "
                    "remove the answer or the given score", at="key")
            continue
        if text == NOT_APPLICABLE:
            continue
        if kind is None:  # numeric
            if number_of(text) is None:
                c.error(_answer_path(profile, code), "not-a-number",
                        f"{code} needs a number, got {excerpt(text)}")
        elif text not in kind:  # type: ignore[operator]
            opts = ", ".join(o.value for o in nodes[index[code]].options)
            c.error(_answer_path(profile, code), "unknown-option", f"{code} has no option {excerpt(text)} ({opts})")
    _check_versions(c, profile, scheme)
    if profile.has_answers_section:
        severity = "error" if profile.status == "final" else "warning"
        for code in leaf_codes:
            if code not in given_under and code not in profile.scores and profile.answers.get(code) is None \
                    and code not in profile.unreadable:
                c.add(("answers",), "missing-answer", f"{code} is not answered", severity, at="key")
    if not c.pending:
        return []
    c.text = _read_text(profile.path)
    return c.problems()


def _check_versions(c: _Collector, profile: Profile, scheme: Scheme) -> None:
    """``revised-question`` at each answer given before its question's revision, and
    ``scheme-version-ahead`` for a profile coded against a later version than the scheme read
    here (rules in :mod:`indexer.versions`)."""
    stated = profile.scheme_version
    if is_ahead(profile, scheme):
        c.warn(("scheme_version",), "scheme-version-ahead",
               f"the answers were given against {scheme.id} {stated}, later than the scheme read here "
               f"({scheme.version}): use the newer scheme file, or check the answers against this one")
    orderable = bool(stated) and version_key(stated) is not None
    then = (f"was answered against {scheme.id} {stated}" if orderable else
            f"was answered against {scheme.id} {stated!r}, which cannot be ordered" if stated else
            f"was answered, but the profile does not say against which version of {scheme.id} (`scheme_version:`)")
    for st in stale_answers(profile, scheme):
        c.warn(_answer_path(profile, st.code), "revised-question",
               f"{st.code} {then}; its question was revised in {st.revised}: check the answer against the "
               f"question and help as they are now, then set scheme_version: \"{scheme.version}\"")


def _answer_path(profile: Profile, code: str) -> tuple[str, ...]:
    # long-form answers put the value under `answer`; the locator falls back to the key if absent
    return ("answers", code, "answer") if code in profile.citations else ("answers", code)


def _read_text(path: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return ""


def check_bundle(bundle: Bundle, lookup_schemes: bool = True, memo: dict | None = None) -> list[Problem]:
    """Cross-file problems of a loaded bundle; adds schemes found in ``indicators/`` to it.

    ``memo``: a dict kept by the caller across bundles that share objects (the app re-reads only
    the files that changed): each profile's :func:`check_profile` is remembered for that very
    profile and scheme object (both frozen), so an unchanged profile is not checked again. It
    is left holding only this bundle's checks."""
    out: list[Problem] = []
    seen: dict[tuple[str, str, int], Profile] = {}
    missing_reported: set[str] = set()
    for path, sid in bundle.profile_schemes.items():
        # a profile names a scheme by its id: `scheme: some/file.yaml` must not load that file
        # (and then pass unchecked: its scheme would be the file's id, not the profile's)
        if sid in bundle.scheme_paths or (lookup_schemes and resolve_scheme(sid, bundle, ids_only=True)):
            continue
        if path not in missing_reported:
            missing_reported.add(path)
            c = _Collector(path, _read_text(path))
            c.error(("scheme",), "unknown-scheme",
                    f"scheme {excerpt(sid)} is found neither among the paths nor in {schemes_dir()}/")
            out.extend(c.problems())
    out.extend(check_translations(bundle, lookup_schemes))
    kept = {} if memo is not None else None
    for p in bundle.profiles:
        scheme = bundle.schemes.get(p.scheme)
        if scheme is not None:
            if kept is None:
                out.extend(check_profile(p, scheme))
            else:
                key = (id(p), id(scheme))
                hit = memo.get(key)
                if hit is None or hit[0] is not p or hit[1] is not scheme:
                    hit = (p, scheme, tuple(check_profile(p, scheme)))
                kept[key] = hit
                out.extend(hit[2])
        first = seen.get(p.key)
        if first is not None:
            c = _Collector(p.path, _read_text(p.path))
            c.error(("year",), "duplicate-profile",
                    f"{p.scheme} {p.country} {p.year}, coding {p.coding!r}, is also in {first.path}; keep one "
                    "profile per coding and year, or give this one a `coding:` of its own")
            out.extend(c.problems())
        else:
            seen[p.key] = p
    if memo is not None:
        memo.clear()
        memo.update(kept)
    return out


def check_translations(bundle: Bundle, lookup_schemes: bool = True) -> list[Problem]:
    """Every translation file among the paths against its scheme (found among the paths, then
    in ``indicators/``): unknown codes, untranslated and stale texts, duplicates."""
    from .translate import check_translation

    out: list[Problem] = []
    seen: dict[tuple[str, str], str] = {}
    for tr in bundle.translations:
        if tr.key in seen:
            c = _Collector(tr.path, _read_text(tr.path))
            c.error(("language",), "duplicate-translation",
                    f"the {tr.language} translation of {tr.scheme} is also in {seen[tr.key]}; keep one")
            out.extend(c.problems())
            continue
        seen[tr.key] = tr.path
        known = tr.scheme in bundle.scheme_paths or (lookup_schemes and resolve_scheme(tr.scheme, bundle, ids_only=True))
        scheme = bundle.schemes.get(tr.scheme)
        if not known:
            c = _Collector(tr.path, _read_text(tr.path))
            c.error(("translation",), "unknown-scheme",
                    f"scheme {excerpt(tr.scheme)} is found neither among the paths nor in {schemes_dir()}/")
            out.extend(c.problems())
        elif scheme is not None:  # a scheme with errors: its own problems are reported
            out.extend(check_translation(tr, scheme))
    return out


def validate_bundle(bundle: Bundle, memo: dict | None = None) -> list[Problem]:
    """All problems of a bundle: per-file ones from loading plus cross-file ones, sorted
    (``memo``: see :func:`check_bundle`)."""
    cross = check_bundle(bundle, memo=memo)
    return sort_problems(bundle.problems + cross)


def validate_paths(paths: Iterable[str | Path]) -> list[Problem]:
    """Every problem of every scheme, profile and group file under ``paths``."""
    return validate_bundle(load_paths(paths))


def files_with_errors(problems: Iterable[Problem]) -> set[str]:
    return {p.path for p in problems if p.severity == "error"}


__all__ = ["validate_paths", "validate_bundle", "check_bundle", "check_profile", "check_translations", "resolve_scheme",
           "schemes_dir", "iter_yaml_files", "files_with_errors"]
