"""The app in headless Chromium: how long the first page takes to render and how long a widget
change takes to re-render it (``make bench`` runs this through ``hooks.app``; alone:
``python -m benchmarks.bench_app``).

Also the harness the browser test uses (``tests/test_app_browser.py``): :class:`AppServer`
starts ``streamlit run streamlit_app.py`` on a free port (headless, 127.0.0.1, no usage stats)
with a data root of your choice, and :func:`launch` starts the system's Chromium (never a
downloaded one).
"""

from __future__ import annotations

import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
#: what the default page shows once it has rendered: the first compared country's overall score
DEFAULT_CONTENT = "Kazakhstan (KZ)"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class AppServer:
    """``streamlit run streamlit_app.py`` in a child process, for a ``with`` block."""

    def __init__(self, data_root: Path | None = None, port: int | None = None, timeout: float = 90,
                 script: Path | None = None) -> None:
        self.data_root = data_root
        self.script = script or ROOT / "streamlit_app.py"
        self.port = port or free_port()
        self.timeout = timeout
        self.proc: subprocess.Popen | None = None
        self.log = tempfile.NamedTemporaryFile(prefix="indexer-app-", suffix=".log", delete=False)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> AppServer:
        env = dict(os.environ)
        if self.data_root is not None:
            env["INDEXER_DATA_ROOT"] = str(self.data_root)
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", str(self.script),
             "--server.port", str(self.port), "--server.headless=true", "--server.address=127.0.0.1",
             "--browser.gatherUsageStats=false", "--server.fileWatcherType=none", "--server.runOnSave=false"],
            cwd=ROOT, env=env, stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + self.timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"streamlit exited {self.proc.returncode}:\n{self.output()[-3000:]}")
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as r:
                    if r.read().strip() == b"ok":
                        return self
            except OSError:
                time.sleep(0.2)
        self.__exit__(None, None, None)
        raise TimeoutError(f"streamlit did not answer on {self.url} within {self.timeout:.0f} s")

    def output(self) -> str:
        self.log.flush()
        return Path(self.log.name).read_text(errors="replace")

    def __exit__(self, *exc) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)
        self.log.close()


def launch(pw):
    """The system's Chromium, headless (Playwright's own browsers are never downloaded)."""
    return pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


def wait_idle(page, timeout: float = 60_000) -> None:
    """Until the app is not running (Streamlit's status widget is gone)."""
    page.wait_for_timeout(100)
    page.wait_for_function("!document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=timeout)


def option(page, label: str, text: str):
    """Open the select box labelled ``label``, type ``text`` (long lists are virtual: only what
    is typed for is there) and return its first option starting with ``text``."""
    page.locator('[data-testid="stSelectbox"]').filter(has_text=label).first.click()
    page.keyboard.type(text)
    target = page.get_by_role("option", name=re.compile("^" + re.escape(text))).first
    target.wait_for()
    return target


def pick(page, label: str, text: str) -> None:
    """Choose the first option starting with ``text`` in the select box labelled ``label``."""
    option(page, label, text).click()
    wait_idle(page)


def first_render(page, url: str) -> tuple[float, float]:
    """Seconds from navigation to (the overall scores shown, the first chart drawn)."""
    t0 = time.perf_counter()
    page.goto(url)
    page.get_by_text(DEFAULT_CONTENT, exact=True).first.wait_for(timeout=120_000)
    content = time.perf_counter() - t0
    page.locator(".js-plotly-plot .main-svg").first.wait_for(timeout=120_000)
    chart = time.perf_counter() - t0
    wait_idle(page)
    return content, chart


_WATCH = """(expect) => {
  window.__done = null;
  document.addEventListener("pointerdown", () => {
    const t0 = performance.now();
    const tick = () => {
      const busy = document.querySelector('[data-testid="stStatusWidget"]');
      if (!busy && document.body.innerText.includes(expect)) window.__done = performance.now() - t0;
      else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }, {once: true, capture: true});
}"""


def widget_change(page, label: str, text: str, expect: str) -> float:
    """Seconds from the click on an option (see :func:`option`) until ``expect`` is on the page
    and the app is idle, timed inside the page (from the pointer event to the painted frame)."""
    target = option(page, label, text)
    page.evaluate(_WATCH, expect)
    target.click()
    page.wait_for_function("window.__done !== null", timeout=60_000)
    wait_idle(page)
    return page.evaluate("window.__done") / 1000


def measure(data_root: Path | None = None, reps: int = 3) -> dict[str, float]:
    """Start the app, then time (in seconds): the very first page (``cold``: the server's first
    session imports the libraries and reads the data), the first page for a new visitor
    (``first_render``: a new browser profile, so Streamlit's own JavaScript is downloaded too;
    median of ``reps``) and for a returning one (``returning``: a new session, scripts cached),
    and widget changes that need a new comparison (``widget_change``: statistic and baseline
    group) and ones that are cached (``widget_change_cached``)."""
    from playwright.sync_api import sync_playwright

    out: dict[str, float] = {}
    with AppServer(data_root) as server, sync_playwright() as pw:
        browser = launch(pw)
        try:
            ctx = browser.new_context(viewport={"width": 1440, "height": 1000})
            page = ctx.new_page()
            out["cold_content"], out["cold_chart"] = first_render(page, server.url)
            ctx.close()
            contents, charts = [], []
            for _ in range(reps):  # new visitors: a new browser profile (nothing cached) each time
                ctx = browser.new_context(viewport={"width": 1440, "height": 1000})
                page = ctx.new_page()
                c, h = first_render(page, server.url)
                contents.append(c)
                charts.append(h)
                ctx.close()
            out["first_render"], out["first_chart"] = statistics.median(contents), statistics.median(charts)
            ctx = browser.new_context(viewport={"width": 1440, "height": 1000})
            back = []
            for i in range(reps + 1):  # returning visitors: the same profile, scripts cached
                page = ctx.new_page()
                r = first_render(page, server.url)
                page.close()
                if i:
                    back.append(r)
            out["returning"] = statistics.median(c for c, _ in back)
            out["returning_chart"] = statistics.median(h for _, h in back)
            ctx.close()
            ctx = browser.new_context(viewport={"width": 1440, "height": 1000})
            page = ctx.new_page()
            first_render(page, server.url)
            fresh = [widget_change(page, "Statistic", "mean", "EU27 mean"),
                     widget_change(page, "Statistic", "maximum", "EU27 maximum"),
                     widget_change(page, "Baseline group", "EU28", "EU28 maximum"),
                     widget_change(page, "Statistic", "minimum", "EU28 minimum")]
            cached = [widget_change(page, "Statistic", "maximum", "EU28 maximum"),
                      widget_change(page, "Statistic", "minimum", "EU28 minimum"),
                      widget_change(page, "Statistic", "maximum", "EU28 maximum")]
            out["widget_change"] = statistics.median(fresh)
            out["widget_change_max"] = max(fresh)
            out["widget_change_cached"] = statistics.median(cached)
            ctx.close()
        finally:
            browser.close()
    return out


FLOOR_APP = """import streamlit as st
st.title("Floor page")
st.metric("Floor", "1.0")
"""


def floor_first_render(reps: int = 3) -> float:
    """The floor of ``first_render``: a new visitor's first page of a Streamlit app that only
    shows a title and a metric (Streamlit's own front end, nothing of ours), median of ``reps``."""
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        script = Path(tmp) / "floor_app.py"
        script.write_text(FLOOR_APP)
        with AppServer(script=script) as server, sync_playwright() as pw:
            browser = launch(pw)
            try:
                times = []
                for _ in range(reps + 1):
                    ctx = browser.new_context(viewport={"width": 1440, "height": 1000})
                    page = ctx.new_page()
                    t0 = time.perf_counter()
                    page.goto(server.url)
                    page.get_by_text("Floor page", exact=True).first.wait_for(timeout=120_000)
                    times.append(time.perf_counter() - t0)
                    ctx.close()
            finally:
                browser.close()
    return statistics.median(times[1:])  # the first one also starts the server's script


def available() -> str | None:
    """Why the app cannot be measured here (None: it can)."""
    if not Path(CHROMIUM).exists():
        return f"no Chromium at {CHROMIUM}"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright (python) is not installed"
    return None


def app_figures(ctx=None) -> None:
    """Print ``app.first_render`` and ``app.widget_change`` (and their details) as benchmark
    figures (``benchmarks.runner.figure``)."""
    from .runner import figure, skip

    why = available()
    if why:
        skip("app.first_render", why)
        return
    quick = bool(getattr(ctx, "quick", False))
    m = measure(reps=1 if quick else 3)
    figure("app.first_render", m["first_render"], "s",
           f"new visitor to the overall scores (bundled data; first chart {m['first_chart']:.2f} s); returning visitor "
           f"{m['returning']:.2f} s (chart {m['returning_chart']:.2f} s); server's first session "
           f"{m['cold_content']:.2f} s (chart {m['cold_chart']:.2f} s)", **m)
    floor = floor_first_render(reps=1 if quick else 3)
    figure("app.floor_first_render", floor, "s", "a Streamlit page with only a title and a metric, new visitor: "
           "the front end's own cost on this machine")
    figure("app.first_render_ratio", m["first_render"] / floor, "×", "first_render / floor_first_render (one run)")
    figure("app.widget_change", m["widget_change"], "s",
           f"statistic or baseline changed until re-rendered (new comparison; worst {m['widget_change_max']:.2f} s, "
           f"cached {m['widget_change_cached']:.2f} s)")


def run() -> None:
    """Measure and print both figures."""
    why = available()
    if why:
        print(f"app: not measured: {why}")
        return
    m = measure()
    print(f"app.first_render   {m['first_render']:.2f} s  (new visitor → overall scores; first chart "
          f"{m['first_chart']:.2f} s; returning visitor {m['returning']:.2f} s, chart {m['returning_chart']:.2f} s; "
          f"server's first session {m['cold_content']:.2f} s, chart {m['cold_chart']:.2f} s)")
    print(f"app.widget_change  {m['widget_change']:.2f} s  (median of new comparisons; worst "
          f"{m['widget_change_max']:.2f} s; cached {m['widget_change_cached']:.2f} s)")


if __name__ == "__main__":
    run()
