"""Running and timing: subprocesses with their CPU time and peak memory, medians."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from .machine import machine_tag

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Run:
    wall: float  # seconds
    cpu: float  # user + system seconds of the child
    maxrss_mb: float  # peak resident set size of the child


def env() -> dict[str, str]:
    """The environment for child processes: the repository first on the path."""
    e = dict(os.environ)
    e["PYTHONPATH"] = str(ROOT) + (os.pathsep + e["PYTHONPATH"] if e.get("PYTHONPATH") else "")
    e.setdefault("PYTHONHASHSEED", "0")
    return e


#: Runs a command and prints its wall time and rusage as JSON. A child's peak RSS (ru_maxrss)
#: includes the RSS of the process it was spawned from (Linux keeps the high-water mark across
#: exec, and vfork shares the parent's memory), so the benchmark process, which may hold a
#: million loaded answers, never spawns the measured process itself: this small launcher does.
_LAUNCHER = """
import json, os, subprocess, sys, time
t0 = time.perf_counter()
p = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL)
_, status, ru = os.wait4(p.pid, 0)
wall = time.perf_counter() - t0
print(json.dumps({"rc": os.waitstatus_to_exitcode(status), "wall": wall,
                  "cpu": ru.ru_utime + ru.ru_stime, "maxrss_kb": ru.ru_maxrss}))
"""


def run_python(args: list[str], cwd: str | Path) -> Run:
    """Run ``python ARGS`` in ``cwd`` (through the launcher); raise with its stderr if it fails."""
    with tempfile.TemporaryFile() as err:
        done = subprocess.run([sys.executable, "-S", "-c", _LAUNCHER, sys.executable, *args], cwd=cwd,
                              env=env(), stdout=subprocess.PIPE, stderr=err, text=True)
        try:
            r = json.loads(done.stdout.strip().splitlines()[-1])
        except (IndexError, ValueError):
            r = {"rc": done.returncode or -1}
        if done.returncode != 0 or r["rc"] != 0:
            err.seek(0)
            raise RuntimeError(f"{' '.join(args)} exited {r['rc']}:\n{err.read().decode(errors='replace')[-2000:]}")
    return Run(r["wall"], r["cpu"], r["maxrss_kb"] / 1024)


def median(xs: list[float]) -> float:
    return statistics.median(xs)


def timed(fn, reps: int = 3) -> tuple[float, float]:
    """(median wall, median CPU) seconds of ``reps`` calls of ``fn``."""
    walls, cpus = [], []
    for _ in range(reps):
        c0, t0 = time.process_time(), time.perf_counter()
        fn()
        walls.append(time.perf_counter() - t0)
        cpus.append(time.process_time() - c0)
    return median(walls), median(cpus)


RESULTS: list[dict] = []


def figure(name: str, value: float | str, unit: str = "", detail: str = "", **data) -> None:
    """Print one figure line (with the machine) and keep it for the JSON summary."""
    shown = f"{value:,.3g}" if isinstance(value, float) and value < 1000 else (
        f"{value:,.0f}" if isinstance(value, float) else str(value))
    line = f"{name:<34} {shown:>9} {unit:<8}"
    if detail:
        line += f" {detail}"
    print(f"{line}  {machine_tag()}", flush=True)
    RESULTS.append({"name": name, "value": value, "unit": unit, "detail": detail, **data})


def skip(name: str, why: str) -> None:
    print(f"{name:<34} {'—':>9} {'':<8} {why}", flush=True)
    RESULTS.append({"name": name, "value": None, "detail": why})
