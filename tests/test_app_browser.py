"""End to end: ``streamlit run`` on a free port with a temporary data root, driven in headless
Chromium (the system's /usr/bin/chromium through Playwright). The default page shows Kazakhstan
and Armenia; a questionnaire edit is saved, and read back from disk in a new session; no page
shows an exception. Skipped only where Chromium or Playwright is absent."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:  # the harness lives in benchmarks/ (not an installed package)
    sys.path.insert(0, str(REPO))

from benchmarks.bench_app import (  # noqa: E402
    CHART_IMAGE,
    CHROMIUM,
    AppServer,
    first_render,
    launch,
    seen,
    wait_idle,
    watch,
)

pytestmark = [pytest.mark.browser, pytest.mark.slow]

try:
    from playwright.sync_api import expect, sync_playwright
except ImportError:  # pragma: no cover
    sync_playwright = None

if sync_playwright is None or not Path(CHROMIUM).exists():
    pytest.skip(f"needs playwright (python) and {CHROMIUM}", allow_module_level=True)

from test_app import make_data_root  # noqa: E402  (same folder; pytest puts it on the path)


@pytest.fixture(scope="module")
def root(tmp_path_factory) -> Path:
    return make_data_root(tmp_path_factory.mktemp("browser") / "data")


@pytest.fixture(scope="module")
def server(root: Path):
    with AppServer(root) as srv:
        yield srv


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as pw:
        b = launch(pw)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    ctx = browser.new_context(viewport={"width": 1440, "height": 1400})
    pg = ctx.new_page()
    yield pg
    ctx.close()


def assert_no_exception(page) -> None:
    assert page.locator('[data-testid="stException"]').count() == 0
    body = page.locator("body").inner_text()
    assert "Traceback" not in body and "Error" not in body, body[:2000]


def test_default_page_shows_kazakhstan_and_armenia(server, page):
    first_render(page, server.url)
    metrics = page.locator('[data-testid="stMetric"]')
    labels = [metrics.nth(i).inner_text() for i in range(metrics.count())]
    assert any("Kazakhstan (KZ)" in x for x in labels) and any("Armenia (AM)" in x for x in labels)
    assert any("EU27 mean" in x for x in labels)
    warning = page.locator('[data-testid="stAlertContentWarning"]').first.inner_text()
    assert "Illustrative data" in warning and "Kazakhstan (KZ)" in warning
    assert_no_exception(page)
    for path in ("country", "scheme"):
        page.goto(f"{server.url}/{path}")
        page.locator("h1").first.wait_for(timeout=60_000)
        wait_idle(page)
        assert_no_exception(page)


def test_default_charts_are_static_svg_until_the_user_asks(server, page, tmp_path: Path):
    """A new visitor's Compare page draws its two charts as SVG images (Markdown images: neither
    plotly's bundle nor Streamlit's HTML parser is fetched), each with its title and every value
    in words as alt text; *Values of the charts* opens a table of what the tooltips carried, which
    a screen reader reaches too (the grid's cells); the *Interactive charts* switch brings
    plotly's charts, with their hover details."""
    import base64

    scripts: list[str] = []
    page.on("request", lambda r: scripts.append(r.url) if r.url.endswith(".js") else None)
    first_render(page, server.url)
    images = page.locator(CHART_IMAGE)
    assert images.count() == 2
    for i, kind in enumerate(("Radar chart of scores", "Bar chart of scores")):
        img = images.nth(i)
        assert img.is_visible()
        box = img.bounding_box()
        assert box["width"] > 300 and box["height"] > 250, box
        natural = img.evaluate("e => [e.complete, e.naturalWidth, e.naturalHeight]")
        assert natural[0] and natural[1] >= 500 and natural[2] > 250, natural  # decoded and drawn
        alt = img.get_attribute("alt")
        assert alt.startswith(f"{kind}: Kazakhstan (KZ) (illustrative), Armenia (AM) (illustrative) · EU27 mean. ")
        assert "Labour market mobility: Kazakhstan (KZ) " in alt and "EU27 mean " in alt and "(n=" in alt
    bars = base64.b64decode(images.nth(1).get_attribute("src").split(",", 1)[1]).decode()
    assert "Kazakhstan (KZ) · illustrative" in bars and 'class="idx-bar"' in bars
    assert page.locator(".js-plotly-plot").count() == 0
    assert not [u for u in scripts if "PlotlyChart" in u], "plotly's bundle was fetched for the default view"
    assert not [u for u in scripts if "rehype-raw" in u], "the HTML parser was fetched for the default view"
    page.screenshot(path=str(tmp_path / "compare-svg.png"))
    assert_no_exception(page)

    page.get_by_test_id("stExpander").filter(has_text="Values of the charts").locator("summary").click()
    grid = page.locator('[data-testid="stExpander"] [data-testid="stDataFrame"]').first
    grid.wait_for(timeout=60_000)
    wait_idle(page)
    # the grid draws on a canvas; its cells are also written out for assistive technology
    grid.locator('[role="gridcell"]').filter(has_text="EU27 mean").first.wait_for(state="attached", timeout=60_000)
    cells = grid.locator('[role="gridcell"]').all_text_contents()
    assert cells[:2] == ["Labour market mobility", "Kazakhstan (KZ) · illustrative"], cells[:12]
    # the EU27's area baselines rest on 14 to 27 members (none thin since RO, BE, CZ, PT were coded);
    # the thin mark's rendering is checked in test_app_ru against the OECD
    assert "EU27 mean" in cells and "2024" in cells and not any(c.endswith("⚠ thin") for c in cells)
    assert any(c.endswith("%") for c in cells) and any(" of " in c for c in cells)  # coverage, rank
    assert_no_exception(page)

    page.get_by_test_id("stCheckbox").filter(has_text="Interactive charts").click()
    page.locator(".js-plotly-plot .main-svg").first.wait_for(timeout=120_000)
    wait_idle(page)
    assert page.locator(".js-plotly-plot").count() == 2 and page.locator(CHART_IMAGE).count() == 0
    assert [u for u in scripts if "PlotlyChart" in u]
    assert_no_exception(page)


def open_kz(page, url: str) -> None:
    page.goto(f"{url}/questionnaire")
    page.get_by_test_id("stBaseButton-primary").filter(has_text="Open").click()
    page.get_by_role("heading", name="Kazakhstan (KZ) · 2024").wait_for(timeout=60_000)
    wait_idle(page)
    page.get_by_text("FR", exact=True).click()
    page.get_by_role("heading", name="FR Family reunion").wait_for(timeout=60_000)
    wait_idle(page)
    page.get_by_label("Source (law and article)").first.wait_for(timeout=60_000)


def test_questionnaire_edit_is_saved_and_read_back(server, root: Path, browser, page):
    path = root / "country_profiles" / "KZ" / "mipex-core-2024.yaml"
    before = path.read_text()
    open_kz(page, server.url)
    source = page.get_by_label("Source (law and article)").first
    law = "Law on Population Migration No. 477-IV, art. 28 (browser test)"
    source.fill(law)
    source.press("Enter")
    page.get_by_text("unsaved changes").wait_for(timeout=60_000)
    wait_idle(page)
    page.get_by_test_id("stBaseButton-primary").filter(has_text="Save").click()
    page.get_by_test_id("stAlertContentSuccess").filter(has_text="Saved").wait_for(timeout=60_000)
    assert_no_exception(page)

    after = path.read_text()
    changed = [ln for ln in after.splitlines() if ln not in before.splitlines()]
    assert len(changed) == 1 and law in changed[0]
    assert after.count("#") == before.count("#")

    # a new session reads the file again from disk
    ctx = browser.new_context(viewport={"width": 1440, "height": 1400})
    again = ctx.new_page()
    open_kz(again, server.url)
    assert again.get_by_label("Source (law and article)").first.input_value() == law
    assert_no_exception(again)
    ctx.close()


def _becomes(check, page, seconds: float = 15) -> bool:
    """True as soon as ``check()`` holds, polled for up to ``seconds`` (the header's slot and the
    confirmation are separate elements, drawn from the same run but not always in one frame on a
    loaded machine); False if it never does."""
    for _ in range(int(seconds * 10)):
        if check():
            return True
        page.wait_for_timeout(100)
    return check()


def _settled(frames: list, page, quiet: float = 0.6, seconds: float = 15) -> None:
    """Until no WebSocket frame has arrived for ``quiet`` seconds (at most ``seconds``): the
    status widget can be gone while a run's last messages are still on their way, and those
    would be counted with the next action's."""
    seen, still = len(frames), 0.0
    for _ in range(int(seconds * 10)):
        page.wait_for_timeout(100)
        if len(frames) == seen:
            still += 0.1
            if still >= quiet:
                return
        else:
            seen, still = len(frames), 0.0


def test_a_save_redraws_only_the_save_area(server, root: Path, page):
    """Save reruns the save area alone (a fragment): few messages reach the browser, the header's
    state and the confirmation are updated in their slots; a value typed and not yet sent (no
    Enter) is saved too; a file changed on disk meanwhile is not overwritten (whole page: both
    versions)."""
    path = root / "country_profiles" / "KZ" / "mipex-core-2024.yaml"
    frames: list[int] = []
    page.on("websocket", lambda ws: ws.on("framereceived", lambda f: frames.append(len(f))))
    page.goto(f"{server.url}/questionnaire")
    page.get_by_test_id("stBaseButton-primary").filter(has_text="Open").click()
    page.get_by_text("Score preview").wait_for(timeout=60_000)
    wait_idle(page)
    _settled(frames, page)
    frames.clear()
    coder = page.get_by_label("Coder", exact=True)
    coder.fill("Fragment Test")
    coder.press("Enter")
    page.get_by_text("unsaved changes").wait_for(timeout=60_000)
    wait_idle(page)
    _settled(frames, page)
    full = len(frames)  # an edit runs the whole page: the yardstick
    frames.clear()
    coder.fill("Fragment Test")  # nothing changes: no run
    save = page.get_by_role("button", name="Save", exact=True)
    save.click()
    page.get_by_test_id("stAlertContentSuccess").filter(has_text="Saved").wait_for(timeout=60_000)
    wait_idle(page)
    _settled(frames, page)
    assert 'coder: "Fragment Test"' in path.read_text()
    header = page.locator('[data-testid="stCaptionContainer"]').filter(has_text="mipex-core-2024.yaml").first
    assert _becomes(lambda: header.inner_text().endswith("· saved"), page)
    assert page.get_by_text("Changes to save").count() == 0
    assert 0 < len(frames) < 30 < full, (len(frames), full)
    # typed, then Save at once: the box's value is saved
    note = page.get_by_label("Note", exact=True).first
    note.fill("typed then saved (browser test)")
    save.click()
    # the box's run, then the save's
    assert _becomes(lambda: "typed then saved (browser test)" in path.read_text(), page, seconds=30)
    wait_idle(page)
    page.get_by_test_id("stAlertContentSuccess").filter(has_text="Saved").wait_for(timeout=60_000)
    assert _becomes(lambda: header.inner_text().endswith("· saved"), page)
    # someone else's change on disk: not overwritten, both versions shown
    theirs = path.read_text() + "# someone else\n"
    path.write_text(theirs)
    note.fill("mine")
    note.press("Enter")
    page.get_by_text("unsaved changes").wait_for(timeout=60_000)
    wait_idle(page)
    save.click()
    page.get_by_text("changed on disk", exact=False).first.wait_for(timeout=60_000)
    wait_idle(page)
    assert path.read_text() == theirs and save.is_disabled()
    assert_no_exception(page)


def test_questionnaire_in_russian(server, page, tmp_path: Path):
    """The sidebar's language selector switches the questionnaire to Russian: the page's words,
    the scheme's questions and option labels, and the country's name (CLDR)."""
    first_render(page, server.url)
    page.get_by_role("combobox", name="Language · Язык").click()
    page.get_by_role("option", name="Русский").click()
    page.get_by_role("heading", name="Сравнение стран").wait_for(timeout=60_000)
    wait_idle(page)
    # the Coding box shows its chosen value in the new language too (it kept the English
    # "(default: published first)" while its options were Russian, until it became a shared key)
    coding = page.locator('[data-testid="stSelectbox"]').filter(has_text="Кодирование").first
    # its value is drawn after the heading on a loaded machine (it once read the English value
    # mid-render in a fresh-clone CI run): wait up to 30 s for the Russian value; a box stuck in
    # English still fails here
    expect(coding.locator("input").first).to_have_value("(по умолчанию: сначала опубликованные)", timeout=30_000)
    page.get_by_test_id("stSidebarNav").get_by_text("Анкета").click()  # in-app navigation keeps the session
    page.get_by_role("heading", name="Анкета").wait_for(timeout=60_000)
    page.get_by_test_id("stBaseButton-primary").filter(has_text="Открыть").click()
    page.get_by_role("heading", name="Казахстан (KZ) · 2024").wait_for(timeout=60_000)
    wait_idle(page)
    page.get_by_label("Источник (закон и статья)").first.wait_for(timeout=60_000)
    # the answer form's later fields arrive after its first one on a loaded machine (138 questions
    # since 2020.6): wait for the quote field the check once missed, then for the page to settle
    page.get_by_text("Цитата (дословный текст нормы)").first.wait_for(timeout=60_000)
    wait_idle(page)
    body = page.locator("body").inner_text()
    for words in ("Мобильность на рынке труда", "Ход заполнения", "Проверка", "Предварительные оценки",
                  "Цитата (дословный текст нормы)", "Уверенность"):
        assert words in body, words
    assert "Source (law and article)" not in body and "Progress" not in body
    assert_no_exception(page)
    shot = tmp_path / "questionnaire-ru.png"
    page.screenshot(path=str(shot), full_page=False)
    assert shot.stat().st_size > 10_000


def test_the_benchmark_notes_a_target_when_it_is_shown_not_when_it_is_in_the_page(page):
    """``watch``/``seen`` (the first chart's and the floor's times, taken inside the page): a
    target in the DOM but hidden is not yet seen; text is matched exactly; the time is the page's
    own clock, from the navigation's start."""
    watch(page, box=("css", "#box"), hello=("text", "Hello there"))
    page.goto("data:text/html,<p>Hello there</p><p>Hello there, too</p><div id=box style='display:none'>x</div>"
              "<script>setTimeout(() => { document.getElementById('box').style.display = 'block';"
              " window.__shown = performance.now(); }, 300)</script>")
    hello = seen(page, "hello")
    box = seen(page, "box")
    assert hello < box
    assert box * 1000 >= page.evaluate("window.__shown")  # not before it was shown
