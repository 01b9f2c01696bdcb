"""A/B of two versions of the app in the same run (issue 19): where does the browser's time go?

    python -m benchmarks.ab_app A_DIR B_DIR [--reps N] [--only compare|country|questionnaire]

``A_DIR`` and ``B_DIR`` are copies of the app (each with its ``streamlit_app.py``, ``app_pages/``
and ``indexer/``; the script's folder comes first on ``sys.path``, so each server imports its own
``indexer``). Both servers run side by side, each on its own copy of the data (a save by one
never invalidates the other's caches), and are measured in turn, interleaved, ``N`` times each
(median printed):

- ``compare``: a new visitor's default page (new browser profile) to the first chart drawn
  and visible, timed inside the page (as :func:`benchmarks.bench_app.first_render`);
- ``country``: Country profile drawn to its tables, then the country changed to Armenia
  (:func:`benchmarks.bench_app.widget_change`);
- ``questionnaire``: in a new session, Questionnaire's default pick (Kazakhstan) opened, from the
  click on *Open* to the score preview shown (``q-open``), then the coder's name edited (the
  first edit, from the Enter key to "unsaved changes" painted: ``q-edit``) and saved, from the click on *Save* to "Saved" shown (``q-save``), as ``make bench`` times them;
  then a note typed and Save clicked at once, without Enter (``q-save-typed``).

With each time, the browser's main-thread work over the same span from Chrome's
``Performance.getMetrics`` (CDP): script, style recalculation and layout seconds.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from .bench_app import (
    _WATCH,
    CHART,
    AppServer,
    copy_data,
    launch,
    new_page,
    seen,
    timed_click,
    wait_idle,
    watch,
    widget_change,
)

#: :data:`benchmarks.bench_app.CHART` (either version's static chart: an image or inline SVG), or
#: a chart drawn by ``st.image`` (an experiment's variant)
ANY_CHART = CHART + ', img.idx-chart, [data-testid="stImage"] img'
METRICS = ("ScriptDuration", "RecalcStyleDuration", "LayoutDuration", "TaskDuration")


def _metrics(cdp) -> dict[str, float]:
    got = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
    return {k: got.get(k, 0.0) for k in METRICS}


def _delta(after: dict[str, float], before: dict[str, float]) -> dict[str, float]:
    return {k: after[k] - before[k] for k in METRICS}


def compare_once(browser, url: str) -> dict[str, float]:
    ctx, page = new_page(browser)
    try:
        cdp = ctx.new_cdp_session(page)
        cdp.send("Performance.enable")
        watch(page, chart=("css", ANY_CHART))
        page.goto(url)
        chart = seen(page, "chart")
        wait_idle(page)
        return {"time": chart, **_metrics(cdp)}
    finally:
        ctx.close()


def country_once(browser, url: str) -> dict[str, float]:
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    ctx, page = new_page(browser)
    try:
        page.goto(f"{url}/country")
        page.locator(CHART).first.wait_for(timeout=120_000)
        try:  # and its tables (a variant without any is measured too)
            page.locator('[data-testid="stDataFrame"] canvas, [data-testid="stTable"], table').first.wait_for(timeout=20_000)
        except PlaywrightTimeout:
            pass
        wait_idle(page)
        page.wait_for_timeout(300)
        cdp = ctx.new_cdp_session(page)
        cdp.send("Performance.enable")
        before = _metrics(cdp)
        t = widget_change(page, "Country", "Armenia", "Armenia (AM)")
        return {"time": t, **_delta(_metrics(cdp), before)}
    finally:
        ctx.close()


def questionnaire_once(browser, url: str) -> dict[str, dict[str, float]]:
    """``q-open`` and ``q-save`` of one new session (see the module's docstring)."""
    ctx, page = new_page(browser)
    try:
        page.goto(f"{url}/questionnaire")
        open_button = page.get_by_test_id("stBaseButton-primary").filter(has_text="Open")
        open_button.wait_for(timeout=120_000)
        wait_idle(page)
        page.wait_for_timeout(300)
        cdp = ctx.new_cdp_session(page)
        cdp.send("Performance.enable")
        before = _metrics(cdp)
        t = timed_click(page, open_button, "Score preview")
        out = {"q-open": {"time": t, **_delta(_metrics(cdp), before)}}
        coder = page.get_by_label("Coder", exact=True)
        coder.fill(f"ab {time.time():.3f}")
        page.wait_for_timeout(300)
        before = _metrics(cdp)
        page.evaluate(_WATCH.replace('"pointerdown"', '"keydown"'), "unsaved changes")
        coder.press("Enter")  # the first edit after opening, timed from the key to its run painted
        page.wait_for_function("window.__done !== null", timeout=120_000)
        out["q-edit"] = {"time": page.evaluate("window.__done") / 1000, **_delta(_metrics(cdp), before)}
        page.get_by_text("unsaved changes", exact=False).first.wait_for(timeout=60_000)
        wait_idle(page)
        page.wait_for_timeout(300)
        before = _metrics(cdp)
        t = timed_click(page, page.get_by_test_id("stBaseButton-primary").filter(has_text="Save"),
                        "Saved country_profiles/")
        out["q-save"] = {"time": t, **_delta(_metrics(cdp), before)}
        # a value typed and not yet sent (no Enter), then Save clicked straight away: the box's
        # change and the click arrive together
        page.wait_for_timeout(300)
        wait_idle(page)
        note = page.get_by_label("Note", exact=True).first
        note.fill(f"ab typed {time.time():.3f}")
        before = _metrics(cdp)
        t = timed_click(page, page.get_by_role("button", name="Save", exact=True), "Saved country_profiles/")
        out["q-save-typed"] = {"time": t, **_delta(_metrics(cdp), before)}
        return out
    finally:
        ctx.close()


def run(a: Path, b: Path, reps: int, only: str | None) -> dict[str, dict[str, list[dict[str, float]]]]:
    from playwright.sync_api import sync_playwright

    kinds = {"compare": compare_once, "country": country_once, "questionnaire": questionnaire_once}
    if only:
        kinds = {only: kinds[only]}
    res: dict[str, dict[str, list[dict[str, float]]]] = {}
    with tempfile.TemporaryDirectory(prefix="indexer-ab-") as tmp:
        root_a, root_b = copy_data(Path(tmp) / "a"), copy_data(Path(tmp) / "b")
        with AppServer(root_a, script=a / "streamlit_app.py") as sa, AppServer(root_b, script=b / "streamlit_app.py") as sb, \
                sync_playwright() as pw:
            browser = launch(pw)
            try:
                for s in (sa, sb):  # each server's first session (imports, data read), not timed
                    compare_once(browser, s.url)
                for i in range(reps):
                    order = (("A", sa), ("B", sb)) if i % 2 == 0 else (("B", sb), ("A", sa))
                    for kind, fn in kinds.items():
                        for name, s in order:
                            got = fn(browser, s.url)
                            for k, m in (got.items() if kind == "questionnaire" else [(kind, got)]):
                                res.setdefault(k, {"A": [], "B": []})[name].append(m)
            finally:
                browser.close()
    return res


def report(res: dict[str, dict[str, list[dict[str, float]]]]) -> None:
    for kind, by in res.items():
        print(f"{kind}: median of {len(by['A'])} (seconds)")
        print(f"  {'':3} {'time':>6} {'script':>7} {'style':>6} {'layout':>7} {'tasks':>6}   all times")
        for name, runs in by.items():
            med = {k: statistics.median(r[k] for r in runs) for k in ("time", *METRICS)}
            print(f"  {name:3} {med['time']:6.2f} {med['ScriptDuration']:7.2f} {med['RecalcStyleDuration']:6.2f} "
                  f"{med['LayoutDuration']:7.2f} {med['TaskDuration']:6.2f}   "
                  + " ".join(f"{r['time']:.2f}" for r in runs), flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.ab_app", description=__doc__.split("\n")[0])
    ap.add_argument("a", type=Path)
    ap.add_argument("b", type=Path)
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--only", choices=("compare", "country", "questionnaire"))
    args = ap.parse_args()
    report(run(args.a.resolve(), args.b.resolve(), args.reps, args.only))


if __name__ == "__main__":
    main()
