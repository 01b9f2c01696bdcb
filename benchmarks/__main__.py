"""Run the benchmarks: ``python -m benchmarks`` (``make bench``), or ``--only NAME`` for one.

Prints the machine, then one line per figure (each ending with a short machine tag), and keeps
the figures as JSON in ``benchmarks/out/last.json`` (not committed). Generated data lives in a
temporary folder that is removed at the end (``--keep`` to keep it).
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

from . import endtoend, hooks, kernel
from .context import Context
from .machine import machine_info, machine_line
from .runner import RESULTS

#: name -> figure function, in the order they run
FIGURES = {
    "startup": endtoend.startup,
    "e2e": endtoend.end_to_end,
    "inproc": endtoend.in_process,
    "kernel": kernel.million_answers,
    "largest": kernel.largest,
    "robustness": hooks.robustness,
    "report": hooks.report,
    "app": hooks.app,
}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.splitlines()[0])
    ap.add_argument("--only", action="append", choices=list(FIGURES), metavar="NAME",
                    help=f"run only this figure (repeatable): {', '.join(FIGURES)}")
    ap.add_argument("--reps", type=int, default=5, help="repetitions of the subprocess runs (default 5)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--quick", action="store_true", help="a tenth of the profiles: a smoke test, not a figure")
    ap.add_argument("--keep", action="store_true", help="keep the generated data (its folder is printed)")
    ap.add_argument("--json", type=Path, default=Path(__file__).parent / "out" / "last.json")
    a = ap.parse_args(argv)
    tmp = Path(tempfile.mkdtemp(prefix="indexer-bench-"))
    ctx = Context(tmp=tmp, reps=a.reps, seed=a.seed, quick=a.quick)
    print(machine_line(), flush=True)
    failed = 0
    spent: dict[str, float] = {}
    try:
        for name, fn in FIGURES.items():
            if a.only and name not in a.only:
                continue
            t0 = time.perf_counter()
            try:
                fn(ctx)
            except Exception as err:  # noqa: BLE001 - one broken figure must not hide the others
                failed += 1
                print(f"{name}: FAILED: {type(err).__name__}: {err}", file=sys.stderr, flush=True)
            spent[name] = time.perf_counter() - t0
    finally:
        if a.keep:
            print(f"data kept in {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    total = time.perf_counter() - ctx.started
    each = ", ".join(f"{k} {v:.0f}" for k, v in spent.items())
    print(f"{'total':<34} {total:>9.1f} s        goal < 300 s; seconds per figure: {each}", flush=True)
    a.json.parent.mkdir(parents=True, exist_ok=True)
    a.json.write_text(json.dumps({"machine": machine_info(), "argv": sys.argv[1:], "seconds": total,
                                  "seconds_per_figure": spent,
                                  "figures": RESULTS}, indent=1) + "\n", encoding="utf-8")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
