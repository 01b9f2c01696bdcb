"""Writing files safely: atomically, and never over a user's file with less than it had."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def atomic_write(path: str | Path, data: str | bytes, encoding: str = "utf-8", *, exclusive: bool = False) -> None:
    """Write ``data`` to ``path`` via a temporary file in the same folder and ``os.replace``.

    A reader sees the old file or the new one, never half of either; a crash leaves the old file.
    With ``exclusive`` the file must not exist (else ``FileExistsError``, and nothing changes):
    the new file appears by a hard link, which, unlike a rename, never replaces a file.
    A symbolic link is followed (its target is replaced, the link stays); a path that is not a
    regular file (``/dev/null``, a FIFO, a terminal) is written in place, never replaced.
    """
    path = Path(path)
    blob = data.encode(encoding) if isinstance(data, str) else data
    if path.is_symlink():
        path = Path(os.path.realpath(path))
    if path.exists() and not path.is_file() and not path.is_dir():
        with open(path, "wb") as fh:  # a device or a pipe: write into it, never replace it
            fh.write(blob)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(blob)
            fh.flush()
            os.fsync(fh.fileno())
        if path.exists() and not exclusive:
            os.chmod(tmp, path.stat().st_mode & 0o777)
        else:
            os.chmod(tmp, 0o644)
        if exclusive:
            os.link(tmp, path)  # FileExistsError if a file appeared meanwhile
            os.unlink(tmp)
        else:
            os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


@contextmanager
def folder_lock(folder: str | Path) -> Iterator[None]:
    """Hold an exclusive lock on ``folder`` (``flock`` on the folder itself: no lock file is left
    behind) while a file in it is checked and written, so that two writers cannot both check,
    then both write. Where ``fcntl`` is missing (Windows) this is a no-op."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not on POSIX
        yield
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock
