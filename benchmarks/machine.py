"""The machine a benchmark ran on: CPU model, cores, Python and library versions."""

from __future__ import annotations

import os
import platform
import sys
from functools import lru_cache
from importlib import metadata


def _cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine() or "unknown CPU"


def _version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "absent"


@lru_cache(maxsize=1)
def machine_info() -> dict[str, str | int]:
    try:
        usable = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        usable = os.cpu_count() or 0
    try:
        import yaml._yaml as cyaml  # type: ignore[import-not-found]

        libyaml = cyaml.get_version_string()
    except ImportError:
        libyaml = "absent"
    return {
        "cpu": _cpu_model(),
        "cores": usable,
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "numpy": _version("numpy"),
        "pandas": _version("pandas"),
        "pyyaml": _version("PyYAML"),
        "libyaml": libyaml,
        "executable": sys.executable,
    }


def machine_line() -> str:
    m = machine_info()
    return (f"machine: {m['cpu']}, {m['cores']} cores, {m['os']}, Python {m['python']}, "
            f"numpy {m['numpy']}, pandas {m['pandas']}, PyYAML {m['pyyaml']} (libyaml {m['libyaml']})")


def machine_tag() -> str:
    """A short form for the end of every figure line."""
    m = machine_info()
    return f"[{m['cpu']} ×{m['cores']}, py{m['python']}, numpy {m['numpy']}]"
