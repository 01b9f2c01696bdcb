"""The app in headless Chromium, against issue 19's goals (``make bench`` runs this through
``hooks.app``; alone: ``python -m benchmarks.bench_app``): a new visitor's first page with its
first chart drawn, as a ratio to a bare Streamlit page served the same way in the same run
(goal ≤ 1.5×); widget changes on Compare, Country profile and Reform scenarios (each ≤ 0.5 s);
opening Kazakhstan's questionnaire (≤ 1 s); saving it after an edit (≤ 0.5 s, on a copy of the
data). Each time is taken inside the page, from the pointer event until Streamlit's script state
is back to "not running" and the expected text is painted.

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
#: a drawn chart: the default view's static SVG as an image (``indexer.app_svg.chart_image``: an
#: ``<img>`` whose source is the SVG), as inline SVG (class ``idx-chart``, the versions before
#: issue 19's sixth round, for A/B runs), or, where the user switched on the interactive charts
#: (and on the other pages), plotly's drawn SVG
CHART_IMAGE = 'img[src^="data:image/svg+xml"]'
CHART = f"{CHART_IMAGE}, svg.idx-chart, .js-plotly-plot .main-svg"


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


#: watches the page from its first script on and notes, for each named target, the time of the
#: first animation frame at which it is there and visible (a non-empty box, not hidden; an image
#: also decoded: a box while loading can hold its alt text), in
#: milliseconds since the navigation started (``performance.now()``) in ``window.__seen``. Timed
#: inside the page because Playwright's waits poll at growing intervals (0, 20, 50, 100, 100, then
#: every 500 ms): an element that appears 0.5 s after the load event was noticed up to 0.5 s late,
#: which made the app's times bimodal (1.3 or 1.75 s for the same page) while the floor's title,
#: there sooner, was caught by the fine polls. ``%s``: {name: ["css", selector] or ["text", text]}
_SEEN = """(() => {
  const targets = %s;
  window.__seen = {};
  const shown = (e) => { if (!e) return false; const r = e.getBoundingClientRect();
    if (e.tagName === "IMG" && !(e.complete && e.naturalWidth > 0)) return false;  // not its alt text
    return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== "hidden"; };
  const find = ([how, what]) => how === "css" ? [...document.querySelectorAll(what)] :
    [document.evaluate(`//*[normalize-space(text())=${JSON.stringify(what)}]`, document, null,
      XPathResult.FIRST_ORDERED_NODE_TYPE, null).singleNodeValue];
  const tick = () => {
    for (const [name, t] of Object.entries(targets))
      if (!(name in window.__seen) && document.body && find(t).some(shown)) window.__seen[name] = performance.now();
    if (Object.keys(window.__seen).length < Object.keys(targets).length) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})()"""


def watch(page, **targets: tuple[str, str]) -> None:
    """Before ``page.goto``: note when each target is first shown (see :data:`_SEEN`); a target
    is ``("css", selector)`` or ``("text", exact text)``."""
    import json

    page.add_init_script(_SEEN % json.dumps({k: list(v) for k, v in targets.items()}))


def seen(page, name: str, timeout: float = 120_000) -> float:
    """Seconds from the navigation's start until the target ``name`` of :func:`watch` was first
    shown (waits for it)."""
    page.wait_for_function(f"window.__seen && window.__seen[{name!r}] !== undefined", timeout=timeout)
    return page.evaluate(f"window.__seen[{name!r}]") / 1000


def first_render(page, url: str) -> tuple[float, float]:
    """Seconds from navigation to (the overall scores shown, the first chart drawn: in the DOM,
    laid out and visible, see :data:`CHART`), timed inside the page (:data:`_SEEN`)."""
    watch(page, content=("text", DEFAULT_CONTENT), chart=("css", CHART))
    page.goto(url)
    content = seen(page, "content")
    chart = seen(page, "chart")
    wait_idle(page)
    return content, chart


def chart_kind(page) -> str:
    """Which chart the page drew first: ``static SVG image``, ``inline SVG`` or ``plotly``."""
    return page.evaluate("""(css) => { const e = document.querySelector(css);
      return !e ? 'none' : e.tagName.toLowerCase() === 'img' ? 'static SVG image'
        : e.classList.contains('idx-chart') ? 'inline SVG' : 'plotly'; }""", CHART)


#: from the pointer event on, until the app has run (``stApp``'s ``data-test-script-state`` went
#: to ``running`` and back to ``notRunning``) and ``expect`` is on the page, then one painted
#: frame: a click that starts no run, or a run that is over before the test looks, is not
#: mistaken for a fast one (the status widget appears only after a delay)
_WATCH = """(expect) => {
  window.__done = null;
  document.addEventListener("pointerdown", () => {
    const t0 = performance.now();
    let ran = false;
    const app = () => document.querySelector('[data-testid="stApp"]');
    const obs = new MutationObserver(() => {
      const s = app() && app().getAttribute("data-test-script-state");
      if (s === "running" || s === "rerunRequested") ran = true;
    });
    obs.observe(document.body, {attributes: true, subtree: true, attributeFilter: ["data-test-script-state"]});
    const tick = () => {
      const s = app() && app().getAttribute("data-test-script-state");
      if (s === "running" || s === "rerunRequested") ran = true;
      if (ran && s === "notRunning" && (!expect || document.body.innerText.includes(expect))) {
        obs.disconnect();
        requestAnimationFrame(() => { window.__done = performance.now() - t0; });
      } else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }, {once: true, capture: true});
}"""


def widget_change(page, label: str, text: str, expect: str = "") -> float:
    """Seconds from the click on an option (see :func:`option`) until the app has run and
    ``expect`` is on the page (see :data:`_WATCH`), timed inside the page."""
    return timed_click(page, option(page, label, text), expect)


def timed_click(page, target, expect: str = "") -> float:
    """Seconds from the pointer event on ``target`` until the run it starts is over, ``expect``
    is on the page and a frame is painted (timed inside the page, :data:`_WATCH`)."""
    page.evaluate(_WATCH, expect)
    target.click()
    page.wait_for_function("window.__done !== null", timeout=120_000)
    wait_idle(page)
    return page.evaluate("window.__done") / 1000


FLOOR_APP = """import streamlit as st
st.title("Floor page")
st.metric("Floor", "1.0")
"""

#: the goals of issue 19 (seconds, or a ratio to the floor measured in the same run)
GOALS = {"first_render_ratio": 1.5, "widget_change": 0.5, "questionnaire_open": 1.0, "save": 0.5}


def floor_render(page, url: str) -> float:
    """Seconds from navigation to the floor page's title shown, timed inside the page as
    :func:`first_render` is (:data:`_SEEN`)."""
    watch(page, floor=("text", "Floor page"))
    page.goto(url)
    return seen(page, "floor")


def copy_data(dest: Path) -> Path:
    """The bundled data (``indicators/``, ``country_profiles/``) copied to ``dest``: saves are
    measured on the copy, never on the repository's files."""
    import shutil

    for sub in ("indicators", "country_profiles"):
        shutil.copytree(ROOT / sub, dest / sub)
    return dest


def new_page(browser):
    """A new browser profile (nothing cached: a new visitor) and its page."""
    ctx = browser.new_context(viewport={"width": 1440, "height": 1000})
    return ctx, ctx.new_page()


def measure(data_root: Path | None = None, reps: int = 3, script: Path | None = None) -> dict[str, float]:
    """Start the app on a copy of the data (or on ``data_root``) and the floor app (a title and a
    metric) side by side, then time, in seconds:

    - ``cold_content``/``cold_chart``: the server's very first session (imports, data read);
    - ``first_render``/``first_chart``: a new visitor's default page to the overall scores and to
      the first chart drawn (new browser profile: Streamlit's JavaScript downloaded too), and
      ``floor``, the floor app's first render, alternating with it (median of ``reps`` each);
    - ``returning``/``returning_chart``: a returning visitor (a new session, scripts cached);
    - widget changes, each until the run is over and the page shows its result: on Compare the
      statistic (three times), the baseline group and a tab; on Country profile the country; on
      Reform scenarios the country to adopt from (``widget_changes``: name -> seconds);
    - ``questionnaire_open``: Questionnaire, Kazakhstan's profile (the page's default pick) from
      the click on *Open* to the score preview shown (median of ``reps``);
    - ``save``: after an edit (the coder's name), from the click on *Save* to "Saved" shown
      (median of ``reps`` saves, each after its own edit).

    ``script``: another checkout's ``streamlit_app.py`` (to compare versions on one machine).
    """
    from playwright.sync_api import sync_playwright

    out: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="indexer-bench-app-") as tmp:
        root = data_root or copy_data(Path(tmp) / "data")
        floor_script = Path(tmp) / "floor_app.py"
        floor_script.write_text(FLOOR_APP)
        with AppServer(root, script=script) as server, AppServer(script=floor_script) as floor, sync_playwright() as pw:
            browser = launch(pw)
            try:
                ctx, page = new_page(browser)
                out["cold_content"], out["cold_chart"] = first_render(page, server.url)
                out["chart_kind"] = chart_kind(page)  # type: ignore[assignment]
                ctx.close()
                ctx, page = new_page(browser)
                floor_render(page, floor.url)  # the floor's first session too
                ctx.close()
                contents, charts, floors = [], [], []
                for _ in range(reps):  # new visitors, the app and the floor in turn
                    ctx, page = new_page(browser)
                    c, h = first_render(page, server.url)
                    contents.append(c)
                    charts.append(h)
                    ctx.close()
                    ctx, page = new_page(browser)
                    floors.append(floor_render(page, floor.url))
                    ctx.close()
                out["first_render"], out["first_chart"] = statistics.median(contents), statistics.median(charts)
                out["floor"] = statistics.median(floors)
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

                ctx, page = new_page(browser)
                first_render(page, server.url)
                changes = {
                    "statistic (median)": widget_change(page, "Statistic", "median", "EU27 median"),
                    "statistic (maximum)": widget_change(page, "Statistic", "maximum", "EU27 maximum"),
                    "baseline group (EU28)": widget_change(page, "Baseline group", "EU28", "EU28 maximum"),
                    "statistic (minimum)": widget_change(page, "Statistic", "minimum", "EU28 minimum"),
                    "tab (Heatmap)": timed_click(page, page.get_by_role("tab", name="Heatmap")),
                }
                page.get_by_role("link", name="Country profile").click()
                page.locator(CHART).first.wait_for(timeout=120_000)
                # and its tables (the 1.2 MB table component): the change is timed on a page
                # drawn to the end, as it was when a plotly chart (slower still) was awaited here
                page.locator('[data-testid="stDataFrame"] canvas').first.wait_for(timeout=120_000)
                wait_idle(page)
                changes["country profile: country (Armenia)"] = widget_change(page, "Country", "Armenia", "Armenia (AM)")
                page.get_by_role("link", name="Reform scenarios").click()
                page.get_by_text("Adopt another country", exact=False).first.wait_for(timeout=120_000)
                wait_idle(page)
                changes["reform: adopt from (Kazakhstan)"] = widget_change(page, "From", "Kazakhstan")
                out["widget_changes"] = changes  # type: ignore[assignment]
                out["widget_change"] = statistics.median(changes.values())
                out["widget_change_max"] = max(changes.values())

                ctx.close()
                opens, saves = [], []
                for i in range(reps):  # each in a new session: the page as a user finds it
                    ctx, page = new_page(browser)
                    page.goto(f"{server.url}/questionnaire")
                    open_button = page.get_by_test_id("stBaseButton-primary").filter(has_text="Open")
                    open_button.wait_for(timeout=120_000)
                    wait_idle(page)
                    opens.append(timed_click(page, open_button, "Score preview"))
                    coder = page.get_by_label("Coder", exact=True)
                    coder.fill(f"bench {i} {time.time():.0f}")
                    coder.press("Enter")
                    page.get_by_text("unsaved changes", exact=False).first.wait_for(timeout=60_000)
                    wait_idle(page)
                    saves.append(timed_click(page, page.get_by_test_id("stBaseButton-primary").filter(has_text="Save"),
                                             "Saved country_profiles/"))
                    ctx.close()
                out["questionnaire_open"] = statistics.median(opens)
                out["save"] = statistics.median(saves)
            finally:
                browser.close()
    return out


def floor_first_render(reps: int = 3) -> float:
    """The floor of ``first_render`` alone: a new visitor's first page of a Streamlit app that
    only shows a title and a metric (Streamlit's own front end, nothing of ours), median of ``reps``."""
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        script = Path(tmp) / "floor_app.py"
        script.write_text(FLOOR_APP)
        with AppServer(script=script) as server, sync_playwright() as pw:
            browser = launch(pw)
            try:
                times = []
                for _ in range(reps + 1):
                    ctx, page = new_page(browser)
                    times.append(floor_render(page, server.url))
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


def _verdict(value: float, goal: float) -> str:
    return f"goal ≤ {goal:g}: {'met' if value <= goal else 'NOT met'}"


def app_figures(ctx=None) -> None:
    """Print the app's figures (``benchmarks.runner.figure``), each against its goal (issue 19),
    ratios measured in the same run."""
    from .runner import figure, skip

    why = available()
    if why:
        skip("app.first_render", why)
        return
    quick = bool(getattr(ctx, "quick", False))
    m = measure(reps=1 if quick else 3)
    ratio = m["first_chart"] / m["floor"]
    figure("app.first_render", m["first_chart"], "s",
           f"new visitor, default page, first chart drawn ({m['chart_kind']}; overall scores {m['first_render']:.2f} s); returning "
           f"visitor {m['returning_chart']:.2f} s; server's first session {m['cold_chart']:.2f} s",
           **{k: v for k, v in m.items() if k not in ("widget_changes", "chart_kind")})
    figure("app.floor_first_render", m["floor"], "s", "a Streamlit page with only a title and a metric, new "
           "visitor, served the same way, alternating with the app")
    figure("app.first_render_ratio", ratio, "×", f"first chart / floor, same run; overall scores "
           f"{m['first_render'] / m['floor']:.2f}×; {_verdict(ratio, GOALS['first_render_ratio'])}")
    changes = m["widget_changes"]
    worst = max(changes, key=changes.get)
    figure("app.widget_change", m["widget_change_max"], "s",
           f"worst of {len(changes)} changes ({worst}); median {m['widget_change']:.2f} s; "
           f"{_verdict(m['widget_change_max'], GOALS['widget_change'])}", changes=changes)
    for name, v in changes.items():
        print(f"  {name:<40} {v:.2f} s", flush=True)
    figure("app.questionnaire_open", m["questionnaire_open"], "s",
           f"Kazakhstan's profile, click on Open to the score preview; {_verdict(m['questionnaire_open'], GOALS['questionnaire_open'])}")
    figure("app.save", m["save"], "s",
           f"after an edit, click on Save to 'Saved' shown (a copy of the data); {_verdict(m['save'], GOALS['save'])}")


def run() -> None:
    """Measure and print the figures (``python -m benchmarks.bench_app``)."""
    app_figures()


if __name__ == "__main__":
    run()
