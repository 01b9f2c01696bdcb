"""End to end: ``indexer score SCHEME DIR --format csv --output f.csv`` against the floor of
merely parsing the same YAML files with libyaml (``benchmarks.floor``), both as subprocesses
(interpreter start and imports included), interleaved, median of several runs; then the same
two in this process (imports done, no interpreter start)."""

from __future__ import annotations

import time

from .context import Context
from .runner import figure, median, run_python

PROFILES, INDICATORS = 2000, 192
GOAL = 1.3
#: stop adding repetitions after this many seconds (at least 3 are always run)
BUDGET_S = 90.0


def _args(ds, out: str) -> tuple[list[str], list[str]]:
    floor = ["-m", "benchmarks.floor", str(ds.scheme_path), str(ds.profiles_dir)]
    cand = ["-m", "indexer", "score", str(ds.scheme_path), str(ds.profiles_dir), "--format", "csv",
            "--output", out]
    return floor, cand


def end_to_end(ctx: Context) -> None:
    """Subprocess floor vs ``python -m indexer score ... --format csv``: wall, CPU, peak memory."""
    ds = ctx.dataset(PROFILES, INDICATORS)
    out = str(ctx.tmp / "scores.csv")
    floor_args, cand_args = _args(ds, out)
    # no separate warm-up: the files were just written (page cache) and the medians absorb a cold first run
    floors, cands = [], []
    t0 = time.perf_counter()
    for i in range(max(ctx.reps, 3)):
        if i >= 3 and time.perf_counter() - t0 > BUDGET_S:
            break
        pair = [("floor", floor_args), ("cand", cand_args)]
        if i % 2:
            pair.reverse()  # alternate which goes first
        for kind, args in pair:
            (floors if kind == "floor" else cands).append(run_python(args, ctx.tmp))
    n = len(floors)
    what = f"{ds.n_profiles:,} profiles × {ds.n_indicators} indicators, {ds.bytes / 1e6:.1f} MB YAML, median of {n}"
    fw, cw = median([r.wall for r in floors]), median([r.wall for r in cands])
    fc, cc = median([r.cpu for r in floors]), median([r.cpu for r in cands])
    figure("e2e.floor_parse_subprocess", fw, "s", f"cpu {fc:.2f} s; {what}", wall=fw, cpu=fc, runs=[r.wall for r in floors])
    figure("e2e.score_csv_subprocess", cw, "s", f"cpu {cc:.2f} s; {what}", wall=cw, cpu=cc, runs=[r.wall for r in cands])
    # per-pair ratios are less sensitive to slow drifts of the machine's load than a ratio of medians
    pair_ratio = median([c.wall / f.wall for c, f in zip(cands, floors, strict=True)])
    figure("e2e.ratio_wall", cw / fw, "×", f"goal ≤ {GOAL}×; median of per-pair ratios {pair_ratio:.2f}×",
           pair_ratio=pair_ratio)
    figure("e2e.ratio_cpu", cc / fc, "×", f"goal ≤ {GOAL}×")
    figure("e2e.peak_rss_score", max(r.maxrss_mb for r in cands), "MB", "max over runs (getrusage of the child)")
    figure("e2e.peak_rss_floor", max(r.maxrss_mb for r in floors), "MB", "max over runs")


def in_process(ctx: Context) -> None:
    """The same two in this process: imports done, files read each time (page cache warm)."""
    import indexer.cli  # noqa: F401 - imports outside the timing
    import indexer.score  # noqa: F401

    from .floor import parse_all, yaml_files

    ds = ctx.dataset(PROFILES, INDICATORS)
    out = str(ctx.tmp / "scores-inproc.csv")
    _, cand_args = _args(ds, out)
    files = yaml_files([str(ds.scheme_path), str(ds.profiles_dir)])

    def cand() -> None:
        from indexer.cli import main

        main.main(cand_args[2:], prog_name="indexer", standalone_mode=False)

    floors, cands = [], []
    reps = 2 if not ctx.quick else 1
    for _ in range(reps):
        for fn, acc in ((lambda: parse_all(files), floors), (cand, cands)):
            c0, t0 = time.process_time(), time.perf_counter()
            fn()
            acc.append((time.perf_counter() - t0, time.process_time() - c0))
    fw, cw = median([w for w, _ in floors]), median([w for w, _ in cands])
    fc, cc = median([c for _, c in floors]), median([c for _, c in cands])
    figure("inproc.floor_parse", fw, "s", f"cpu {fc:.2f} s; median of {reps}", wall=fw, cpu=fc)
    figure("inproc.score_csv", cw, "s", f"cpu {cc:.2f} s; median of {reps}", wall=cw, cpu=cc)
    figure("inproc.ratio_wall", cw / fw, "×", f"cpu ratio {cc / fc:.2f}×")


def startup(ctx: Context) -> None:
    """Interpreter start + imports of the CLI (``python -m indexer --version``) vs bare ``python``."""
    bare, cli = [], []
    for _ in range(max(ctx.reps, 3)):
        bare.append(run_python(["-c", "pass"], ctx.tmp))
        cli.append(run_python(["-m", "indexer", "--version"], ctx.tmp))
    b, c = median([r.wall for r in bare]), median([r.wall for r in cli])
    heavy = _heavy_imports(ctx)
    figure("startup.cli_version", c, "s", f"`python -m indexer --version`; bare interpreter {b:.3f} s; "
           f"heavy modules imported by the CLI: {', '.join(heavy) or 'none'}", heavy=heavy)


def _heavy_imports(ctx: Context) -> list[str]:
    """Which heavy libraries the CLI imports before running any command."""
    import subprocess
    import sys

    from .runner import env

    code = ("import sys, indexer.cli; "
            "print(' '.join(m for m in ('pandas', 'pyarrow', 'matplotlib', 'plotly', 'streamlit', 'typst', 'scipy') "
            "if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], cwd=ctx.tmp, env=env(), capture_output=True, text=True)
    return done.stdout.split()
