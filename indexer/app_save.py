"""Where and how the questionnaire writes a profile: paths (only inside ``country_profiles/``,
whatever country or year is typed; :class:`UnsafePath` otherwise), snapshots of a file as it
was opened, and the atomic save that refuses to overwrite a file changed on disk since
(:class:`SaveConflict`).
"""

from __future__ import annotations

import difflib
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .app_data import PROFILES_DIR
from .fileio import atomic_write
from .load import ID_RE, is_country_code

# ==============================================================================================
# paths


class UnsafePath(ValueError):
    """A profile path that would fall outside ``country_profiles/`` (or is not a YAML file)."""


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
# snapshots, conflicts, saving


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
