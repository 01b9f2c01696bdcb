"""In process: scoring a million answers (5,000 profiles × 200 indicators) once they are loaded,
the table building and CSV writing, and the memory peak of the largest case."""

from __future__ import annotations

import time
import tracemalloc

from .context import Context
from .runner import figure, run_python, timed

PROFILES, INDICATORS = 5000, 200


def _loaded(ctx: Context):  # noqa: ANN202
    from indexer.load import load_paths

    ds = ctx.dataset(PROFILES, INDICATORS)
    c0, t0 = time.process_time(), time.perf_counter()
    bundle = load_paths([ds.scheme_path, ds.profiles_dir])
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    (scheme,) = bundle.schemes.values()
    return ds, scheme, bundle.profiles_of(scheme.id), wall, cpu


def million_answers(ctx: Context) -> None:
    """``score_arrays`` alone (profiles already loaded), then ``to_table`` and the CSV text."""
    from indexer import score as S

    ds, scheme, profiles, load_wall, load_cpu = _loaded(ctx)
    n_ans = len(profiles) * len(scheme.leaves)
    what = f"{len(profiles):,} profiles × {len(scheme.leaves)} indicators = {n_ans:,} answers"
    figure("inproc.load_paths", load_wall, "s", f"cpu {load_cpu:.2f} s; {what}; {ds.bytes / 1e6:.0f} MB YAML")
    ordered = S.sort_profiles(profiles)
    reps = 1 if ctx.quick else 5
    arrays = S.score_arrays(scheme, ordered)
    w, c = timed(lambda: S.score_arrays(scheme, ordered), reps)
    figure("kernel.score_arrays", w, "s", f"cpu {c:.2f} s; {what}; {n_ans / w / 1e6:.1f} M answers/s; median of {reps}")
    w, c = timed(lambda: S.answer_arrays(scheme, ordered), reps)
    figure("kernel.answer_arrays", w, "s", f"cpu {c:.2f} s; the part of score_arrays that reads answers")
    reps = 1 if ctx.quick else 2
    w, c = timed(lambda: S.to_table(arrays), reps)
    rows = len(profiles) * len(scheme.nodes)
    figure("kernel.to_table", w, "s", f"cpu {c:.2f} s; pandas table of {rows:,} rows; median of {reps}")
    df = S.to_table(arrays)
    w, c = timed(lambda: df[S.COLUMNS].to_csv(index=False, lineterminator="\n"), 1)
    figure("kernel.pandas_to_csv", w, "s", f"cpu {c:.2f} s; {rows:,} rows; one run")
    csv_text = getattr(S, "csv_text", None)
    if csv_text is not None:
        w, c = timed(lambda: csv_text(arrays), reps)
        figure("kernel.csv_text", w, "s", f"cpu {c:.2f} s; {rows:,} rows straight from the arrays (the CLI's CSV path)")
    tracemalloc.start()
    try:
        S.to_table(S.score_arrays(scheme, ordered))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    figure("kernel.peak_alloc", peak / 2**20, "MB", "tracemalloc peak of score_arrays + to_table")


def largest(ctx: Context) -> None:
    """The largest case end to end as a subprocess: time and peak resident memory."""
    ds = ctx.dataset(PROFILES, INDICATORS)
    args = ["-m", "indexer", "score", str(ds.scheme_path), str(ds.profiles_dir), "--format", "csv",
            "--output", str(ctx.tmp / "largest.csv")]
    r = run_python(args, ctx.tmp)
    what = f"{ds.n_profiles:,} profiles × {ds.n_indicators} indicators, {ds.bytes / 1e6:.0f} MB YAML"
    figure("largest.score_csv_subprocess", r.wall, "s", f"cpu {r.cpu:.2f} s; {what}; one run")
    figure("largest.peak_rss", r.maxrss_mb, "MB", f"getrusage of the child; {what}")
