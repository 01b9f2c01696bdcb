"""Hooks for figures of modules being written now. Each is a small function that prints
"not landed yet" while its module is missing; the module's author fills in the measurement
(the docstring says what to measure) and replaces the ``not filled in`` line with ``figure(...)``
calls (see ``benchmarks.runner.figure``)."""

from __future__ import annotations

import importlib.util
import shutil

from .context import Context
from .runner import ROOT, figure, skip, timed


def _missing(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is None
    except ModuleNotFoundError:
        return True


def robustness(ctx: Context) -> None:
    """Monte Carlo replications per second of ``indexer.robustness`` at 56 countries × 58
    indicators (MIPEX2020's size): generate them with ``ctx.dataset(56, 58)`` (in quick mode
    it is scaled down to 20), load them, time a run of N replications (N large enough to take
    ~2–5 s), report ``figure("robustness.replications_per_s", N / seconds, "rep/s", ...)``."""
    if _missing("indexer.robustness"):
        skip("robustness.replications_per_s", "not landed yet (indexer.robustness)")
        return
    import numpy as np

    from indexer.load import load_paths
    from indexer.robustness import Model, robustness

    ds = ctx.dataset(56, 58)
    bundle = load_paths([ds.scheme_path, ds.profiles_dir])
    (scheme,) = bundle.schemes.values()
    profiles = bundle.profiles_of(scheme.id)
    robustness(scheme, profiles, runs=2000, seed=0)  # warm-up
    n = 5_000 if ctx.quick else 40_000
    reps = 1 if ctx.quick else 3
    wall, cpu = timed(lambda: robustness(scheme, profiles, runs=n, seed=1), reps)
    what = f"{len(profiles)} countries × {len(scheme.leaves)} indicators, every assumption varied"
    coinr = 22.0  # COINr's uncertainty analysis of its ASEM example on this machine (issue 19): ~22 rep/s
    figure("robustness.replications_per_s", n / wall, "rep/s",
           f"cpu {cpu:.2f} s for {n:,} runs incl. ranks, bands, Sobol' indices; {what}; median of {reps}; "
           f"{n / wall / coinr:,.0f}× COINr's ~{coinr:g} rep/s (goal ≥ 2,000×)",
           runs=n, seconds=wall)
    # the same run with numpy's default BLAS threads, in this run: what the thread cap buys
    from threadpoolctl import threadpool_limits

    from indexer.robustness import _robustness

    with threadpool_limits(limits=None):
        wall2, _ = timed(lambda: _robustness(scheme, profiles, runs=n, seed=1), reps)
    figure("robustness.replications_per_s_default_blas", n / wall2, "rep/s",
           f"the same without the one-thread cap; capped / default = {wall2 / wall:.2f}×", runs=n, seconds=wall2)
    _robustness_asem(n, reps, coinr)
    model = Model(scheme, profiles)
    U = np.random.default_rng(0).random((n, model.D))
    wall, cpu = timed(lambda: model.evaluate(U), reps)
    figure("robustness.model_evaluations_per_s", n / wall, "rep/s",
           f"cpu {cpu:.2f} s; Model.evaluate alone (re-aggregation of {len(profiles)} countries)", runs=n, seconds=wall)


def _robustness_asem(n: int, reps: int, coinr: float) -> None:
    """The same Monte Carlo on COINr's own example (ASEM: 51 countries × 49 indicators, four
    levels; ``indicators/asem-coinr.yaml``, the data in-memory through ``profiles_from_frame``),
    the design on which COINr's ~22 rep/s was measured. What is varied is ours (weights ±25 % at
    every level, mean/geometric/median, the missing-answer rule, one sub-index left out); COINr's
    example varies weights, aggregation and normalisation, so the ratio compares like sizes, not
    identical assumption sets."""
    data = ROOT.parent / "shared" / "data" / "coinr-asem"
    if not (data / "ASEM_iData.csv").is_file():
        skip("robustness.asem_replications_per_s", f"no {data}")
        return
    import pandas as pd

    from indexer.coinr import profiles_from_idata
    from indexer.load import load_paths
    from indexer.robustness import robustness
    from indexer.score import score

    scheme = load_paths([ROOT / "indicators" / "asem-coinr.yaml"]).schemes["asem-coinr"]
    meta = pd.read_csv(data / "ASEM_iMeta.csv")
    frame = pd.read_csv(data / "ASEM_iData.csv")

    def pipeline() -> list:  # COINr's new_coin + Aggregate, in memory: frame -> profiles -> scores
        ps = [x.profile for x in profiles_from_idata(frame, meta, scheme).profiles]
        score(scheme, ps)
        return ps

    profiles = pipeline()
    wall_p, cpu_p = timed(pipeline, 5)
    figure("asem.pipeline_in_memory", wall_p, "s",
           f"cpu {cpu_p:.3f} s; ASEM iData frame -> {len(profiles)} profiles (every cell checked) -> scores at "
           "every level, no YAML; median of 5 (COINr's own time needs R, which this machine lacks)", seconds=wall_p)
    robustness(scheme, profiles, runs=500, seed=0)  # warm-up
    wall, cpu = timed(lambda: robustness(scheme, profiles, runs=n, seed=1), reps)
    figure("robustness.asem_replications_per_s", n / wall, "rep/s",
           f"cpu {cpu:.2f} s for {n:,} runs on COINr's ASEM example ({len(profiles)} countries × "
           f"{len(scheme.leaves)} indicators, 4 levels); median of {reps}; {n / wall / coinr:,.0f}× COINr's "
           f"~{coinr:g} rep/s on the same data (goal ≥ 2,000×)", runs=n, seconds=wall)


def report(ctx: Context) -> None:
    """Seconds per country profile PDF of ``indexer.report`` (one country, median of a few) and
    for all MIPEX2020 countries (56) in one process, on ``ctx.dataset(56, 58)``; report
    ``report.pdf_per_profile`` and ``report.pdf_all_countries`` in seconds."""
    if _missing("indexer.report"):
        skip("report.pdf_per_profile", "not landed yet (indexer.report)")
        return
    from indexer.compare import Scored
    from indexer.load import load_paths
    from indexer.model import Group
    from indexer.report import render_pdf, report_all, report_data

    ds = ctx.dataset(56, 58)
    bundle = load_paths([ds.scheme_path, ds.profiles_dir])
    (scheme,) = bundle.schemes.values()
    profiles = bundle.profiles_of(scheme.id)
    countries = sorted({p.country for p in profiles})
    group = Group("ALL", tuple(countries), "every generated country")
    scored = Scored.of(scheme, profiles)

    def one() -> bytes:
        return render_pdf(report_data(scheme, scored, countries[0], group=group))

    pages = one().count(b"/Type /Page\n") or "?"  # warm-up: imports, fonts, template
    reps = 3 if ctx.quick else 7
    wall, cpu = timed(one, reps)
    what = f"{len(countries)} countries × {len(scheme.leaves)} indicators, baseline = their median"
    figure("report.pdf_per_profile", wall, "s",
           f"cpu {cpu:.3f} s; data + 2 matplotlib SVG charts + typst, warm process; {what}; median of {reps}",
           seconds=wall, cpu=cpu, pages=pages)
    out = ctx.tmp / "report-pdfs"
    wall, cpu = timed(lambda: report_all(scheme, scored, countries, out / "w1", group=group, workers=1), 1)
    figure("report.pdf_all_countries", wall, "s",
           f"cpu {cpu:.2f} s; {len(countries)} PDFs written in one process (workers=1); {what}",
           seconds=wall, cpu=cpu, countries=len(countries))
    wall, _ = timed(lambda: report_all(scheme, scored, countries, out / "w2", group=group, workers=2), 1)
    figure("report.pdf_all_countries_pool", wall, "s",
           f"{len(countries)} PDFs in a spawn pool of 2 workers, incl. their start-up (~1 s each)",
           seconds=wall, countries=len(countries), workers=2)


def app(ctx: Context) -> None:
    """The app in headless Chromium: start ``streamlit run streamlit_app.py`` (headless, on
    127.0.0.1, a free port), drive it with Playwright (``executable_path="/usr/bin/chromium"``),
    and report ``app.first_render`` and its ratio to a bare page, ``app.widget_change`` (the
    worst of seven), ``app.questionnaire_open`` and ``app.save``, each against its goal
    (:func:`benchmarks.bench_app.app_figures`)."""
    if not (ROOT / "streamlit_app.py").exists():
        skip("app.first_render", "not landed yet (streamlit_app.py)")
        return
    if shutil.which("chromium") is None or _missing("playwright"):
        skip("app.first_render", "no chromium or playwright on this machine")
        return
    from .bench_app import app_figures

    app_figures(ctx)
