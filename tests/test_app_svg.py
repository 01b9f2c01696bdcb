"""The static SVG charts of the Compare page (indexer.app_svg): parsed back as XML, every bar,
point and tick is where the numbers put it, a missing score is a gap (never a bar or a point at
0), open intervals are hatched boxes from the lower to the upper bound, and the honesty labels
(n, ⚠ thin, share answered, illustrative) are there, in English and Russian."""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from pathlib import Path

import pandas as pd
import pytest

from indexer import app_figures, app_format, app_svg
from indexer.compare import Comparison
from indexer.load import load_paths
from indexer.model import Group

NS = {"s": "http://www.w3.org/2000/svg"}
XA, XB = app_format.country_label("XA"), app_format.country_label("XB")  # demo names: "Atlantis (demo) (XA)"

SCHEME = """\
id: svgt
title: SVG test
version: "1"
children:
  - code: A
    title: Alpha area
    children:
      - code: A1
        options: [{value: a, score: 100}, {value: c, score: 0}]
  - code: B
    title: Beta
    children:
      - code: B1
        options: [{value: a, score: 100}, {value: c, score: 0}]
  - code: C
    title: Gamma $x$ *y*
    children:
      - code: C1
        options: [{value: a, score: 100}, {value: c, score: 0}]
"""

NAN = float("nan")
#: (country, code) -> score, coverage, lower, upper; the baseline per code -> value, n, thin
VALUES = {
    ("XA", "A"): (80.0, 1.0, 80.0, 80.0), ("XA", "B"): (40.0, 1.0, 40.0, 40.0), ("XA", "C"): (100.0, 1.0, 100.0, 100.0),
    ("XB", "A"): (50.0, 0.5, 50.0, 70.0),  # a score that can still move: 50, between 50 and 70
    ("XB", "B"): (NAN, 0.25, 20.0, 90.0),  # no score yet: only its bounds
    ("XB", "C"): (NAN, 0.1, NAN, NAN),  # no score and no bounds: – and the share answered
}
BASELINE = {"A": (60.0, 4, False), "B": (30.0, 1, True), "C": (NAN, 0, False)}


@pytest.fixture(scope="module")
def scheme(tmp_path_factory):
    d: Path = tmp_path_factory.mktemp("svg")
    (d / "svgt.yaml").write_text(SCHEME)
    return load_paths([d]).schemes["svgt"]


def comparison(scheme, values=VALUES, baseline=BASELINE, countries=("XA", "XB")) -> Comparison:
    rows = []
    for c in countries:
        for code in ("A", "B", "C"):
            score, cov, lo, up = values[(c, code)]
            b, n, thin = baseline[code]
            rows.append({"code": code, "title": scheme.node(code).title, "level": "area", "depth": 1, "country": c,
                         "year": 2024, "score": score, "coverage": cov, "band": "", "baseline": b,
                         "gap": score - b, "baseline_n": n, "rank": 1, "rank_n": 5,
                         "provenance": "illustrative" if c == "XB" else "expert", "thin": thin,
                         "lower": lo, "upper": up, "baseline_lower": b, "baseline_upper": b, "verdict": "",
                         "rank_best": 1, "rank_worst": 2})
    group = Group(name="G5", members=("AT", "BE", "CY", "DK", "EE"), title="Group of five")
    return Comparison(scheme=scheme, year=2024, countries=tuple(countries), group=group, stat="mean",
                      table=pd.DataFrame(rows), years_used={c: 2024 for c in countries})


def parse(svg: str) -> ET.Element:
    assert "\n" not in svg  # one line: a blank line would end the Markdown HTML block
    return ET.fromstring(svg)


def by_class(root: ET.Element, tag: str, cls: str) -> list[ET.Element]:
    return [e for e in root.iter(f"{{{NS['s']}}}{tag}") if e.get("class") == cls]


def texts(root: ET.Element) -> list[str]:
    return ["".join(e.itertext()) for e in root.iter(f"{{{NS['s']}}}text")]


# ----------------------------------------------------------------------------------------------
# bars


def test_bars_lengths_are_proportional_to_the_scores(scheme):
    root = parse(app_svg.bars_svg(comparison(scheme)))
    bars = {(e.get("data-country"), e.get("data-code")): e for e in by_class(root, "rect", "idx-bar")}
    # XB has a score at A only: B and C are gaps, not bars of length 0
    assert set(bars) == {("XA", "A"), ("XA", "B"), ("XA", "C"), ("XB", "A")}
    w = {k: float(e.get("width")) for k, e in bars.items()}
    full = w[("XA", "C")]  # 100 on a 0-100 scale
    assert w[("XA", "A")] / full == pytest.approx(0.8, abs=0.002)
    assert w[("XA", "B")] / full == pytest.approx(0.4, abs=0.002)
    assert w[("XB", "A")] / full == pytest.approx(0.5, abs=0.002)
    x0 = {float(e.get("x")) for e in bars.values()}
    assert len(x0) == 1  # every bar starts at the scale's low end
    # the baseline tick sits at its value on the same axis; none where the baseline is missing
    ticks = {e.get("data-code"): float(e.get("x1")) for e in by_class(root, "line", "idx-baseline")}
    assert set(ticks) == {"A", "B"}
    assert (ticks["A"] - min(x0)) / full == pytest.approx(0.6, abs=0.002)
    assert (ticks["B"] - min(x0)) / full == pytest.approx(0.3, abs=0.002)


def test_bars_open_intervals_are_hatched_boxes_from_lower_to_upper(scheme):
    root = parse(app_svg.bars_svg(comparison(scheme)))
    x0 = float(by_class(root, "rect", "idx-bar")[0].get("x"))
    full = max(float(e.get("width")) for e in by_class(root, "rect", "idx-bar"))
    ranges = {(e.get("data-country"), e.get("data-code")): e for e in by_class(root, "rect", "idx-range")}
    assert set(ranges) == {("XB", "A"), ("XB", "B")}  # closed intervals (XA) draw no box
    for key, (lo, up) in {("XB", "A"): (50, 70), ("XB", "B"): (20, 90)}.items():
        e = ranges[key]
        assert (float(e.get("x")) - x0) / full == pytest.approx(lo / 100, abs=0.002)
        assert float(e.get("width")) / full == pytest.approx((up - lo) / 100, abs=0.002)
        assert e.get("fill").startswith("url(#idx-bars-hatch-")


def test_bars_labels_name_scores_gaps_bounds_and_thin_baselines(scheme):
    root = parse(app_svg.bars_svg(comparison(scheme)))
    words = texts(root)
    for w in ("80.0", "40.0", "100.0", "50.0", "20.0–90.0 (25%)", "– (10% answered)", "Alpha area", "Beta",
              "n=4", "n=1 ⚠ thin", "n=0", f"{XB} · illustrative", "G5 mean"):
        assert w in words, (w, words)
    assert f"{XA} · illustrative" not in words and XA in words  # only illustrative codings are marked
    # the axis: six ticks on the scale, none past its high end
    assert [w for w in words if w.isdigit()] == ["0", "20", "40", "60", "80", "100"]


def test_bars_are_an_accessible_image_with_every_value_in_words(scheme):
    svg = app_svg.bars_svg(comparison(scheme))
    root = parse(svg)
    assert root.get("role") == "img" and root.get("class") == app_svg.CHART_CLASS
    title = root.find("s:title", NS)
    desc = root.find("s:desc", NS)
    assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    assert title.text.startswith(f"Bar chart of scores: {XA}, {XB} (illustrative)") and "G5 mean" in title.text
    assert f"Alpha area: {XA} 80.0; {XB} 50.0 (50.0–70.0); G5 mean 60.0 (n=4)." in desc.text
    assert f"Beta: {XA} 40.0; {XB} 20.0–90.0 (25% answered); G5 mean 30.0 (n=1 ⚠ thin)." in desc.text
    # each bar carries its hover text as a tooltip
    tip = by_class(root, "rect", "idx-bar")[0].find("s:title", NS).text
    assert tip.splitlines()[:2] == [f"{XA} · Alpha area", "score 80.0 · –"] and "rank 1 of 5" in tip


def test_text_is_escaped_for_xml_and_markdown(scheme):
    svg = app_svg.bars_svg(comparison(scheme))
    # Markdown (emphasis) and Streamlit's LaTeX ($…$) never see their syntax characters
    assert "$" not in svg and "*y*" not in svg and "&#36;x&#36;" in svg
    assert "Gamma $x$ *y*" in texts(parse(svg))  # the text itself is unchanged
    # as the app shows it: a Markdown image of the SVG itself, its alt text the title and <desc>
    # with Markdown's syntax characters escaped (Streamlit would read $x$ as maths)
    import base64

    image = app_svg.chart_image(svg)
    alt, src = image[2:].split("](data:image/svg+xml;base64,")
    assert base64.b64decode(src.rstrip(")")).decode() == svg
    assert alt.startswith("Bar chart of scores\\: ") and "Gamma \\$x\\$ \\*y\\*\\: " in alt and "$x$" not in alt
    assert app_svg.alt_text(svg).startswith("Bar chart of scores: ") and "Gamma $x$ *y*: " in app_svg.alt_text(svg)


def test_chart_values_carry_what_the_tooltips_carried(scheme):
    """The *Values* table: one row per node and country, then the baseline's, in words."""
    df = app_svg.chart_values(comparison(scheme), level="area")
    assert list(df.columns) == ["area", "country", "score", "band", "can become", "coverage", "rank", "profile year",
                                "baseline n"]
    rows = {(r.area, r.country): r for r in df.itertuples(index=False)}
    assert len(df) == 9  # three areas × (XA, XB, the baseline)
    xa = rows[("Alpha area", XA)]
    assert (xa.score, xa.coverage, xa.rank, xa._7, xa._4) == ("80.0", "100%", "1 of 5", "2024", "")
    xb = rows[("Alpha area", f"{XB} · illustrative")]
    assert (xb.score, xb._4, xb.coverage) == ("50.0", "50.0–70.0", "50%")  # can still move: 50 to 70
    assert rows[("Beta", f"{XB} · illustrative")].score == "–"  # no score yet, its bounds beside it
    assert rows[("Beta", f"{XB} · illustrative")]._4 == "20.0–90.0"
    assert rows[("Alpha area", "G5 mean")]._8 == "4" and rows[("Alpha area", "G5 mean")].score == "60.0"
    assert rows[("Beta", "G5 mean")]._8 == "1 ⚠ thin"
    assert rows[("Gamma $x$ *y*", "G5 mean")].score == "–"
    from dataclasses import replace

    assert "baseline n" not in app_svg.chart_values(replace(comparison(scheme), group=None)).columns


def test_bars_without_a_baseline_have_no_ticks_and_no_n(scheme):
    cmp_ = comparison(scheme)
    from dataclasses import replace

    root = parse(app_svg.bars_svg(replace(cmp_, group=None)))
    assert by_class(root, "line", "idx-baseline") == []
    assert not [w for w in texts(root) if w.startswith("n=")]


# ----------------------------------------------------------------------------------------------
# radar


def _centre_and_radius(root: ET.Element) -> tuple[float, float, float]:
    rings = [e for e in root.iter(f"{{{NS['s']}}}circle") if e.get("fill") == "none"]
    outer = max(rings, key=lambda e: float(e.get("r")))
    return float(outer.get("cx")), float(outer.get("cy")), float(outer.get("r"))


def test_radar_points_sit_at_their_scores_and_gaps_break_the_line(scheme):
    root = parse(app_svg.radar_svg(comparison(scheme)))
    cx, cy, radius = _centre_and_radius(root)
    pts = {(e.get("data-country"), e.get("data-code")): e for e in by_class(root, "circle", "idx-point")}
    assert set(pts) == {("XA", "A"), ("XA", "B"), ("XA", "C"), ("XB", "A")}  # no point for a missing score
    for (c, code), e in pts.items():
        d = math.hypot(float(e.get("cx")) - cx, float(e.get("cy")) - cy)
        assert d / radius == pytest.approx(VALUES[(c, code)][0] / 100, abs=0.002)
    # the first axis points to 3 o'clock, the next ones counter-clockwise (as plotly draws it)
    a = pts[("XA", "A")]
    assert float(a.get("cy")) == pytest.approx(cy) and float(a.get("cx")) > cx
    b = pts[("XA", "B")]
    assert math.degrees(math.atan2(cy - float(b.get("cy")), float(b.get("cx")) - cx)) == pytest.approx(120, abs=0.1)
    lines = {e.get("data-country"): e.get("points").split() for e in by_class(root, "polyline", "idx-line")}
    assert len(lines["XA"]) == 4 and lines["XA"][0] == lines["XA"][-1]  # closed: every area scored
    assert "XB" not in lines  # one point alone: no line through the gaps
    # the baseline: A and B joined, C missing, so the line stops there (never drawn to 0)
    base = by_class(root, "polyline", "idx-baseline")
    assert len(base) == 1 and len(base[0].get("points").split()) == 2
    assert len(by_class(root, "circle", "idx-baseline-point")) == 2


def test_radar_ring_spans_the_bounds_where_every_node_has_them(scheme):
    root = parse(app_svg.radar_svg(comparison(scheme)))
    assert by_class(root, "path", "idx-ring") == []  # XB has a node without bounds: no closed ring
    values = dict(VALUES) | {("XB", "C"): (NAN, 0.1, 0.0, 100.0)}
    root = parse(app_svg.radar_svg(comparison(scheme, values)))
    rings = by_class(root, "path", "idx-ring")
    assert [e.get("data-country") for e in rings] == ["XB"] and rings[0].get("fill-rule") == "evenodd"
    cx, cy, radius = _centre_and_radius(root)
    outer, inner = rings[0].get("d").split("Z")[:2]
    first_up = [float(v) for v in outer.strip().lstrip("M").split()[0].split(",")]
    first_lo = [float(v) for v in inner.strip().lstrip("M").split()[0].split(",")]
    assert (first_up[0] - cx) / radius == pytest.approx(0.7, abs=0.002)  # A's upper bound, on the 3 o'clock axis
    assert (first_lo[0] - cx) / radius == pytest.approx(0.5, abs=0.002)  # A's lower bound
    assert "possible range" in texts(root)


def test_radar_is_an_accessible_image(scheme):
    root = parse(app_svg.radar_svg(comparison(scheme)))
    assert root.get("role") == "img" and root.find("s:title", NS).text.startswith(f"Radar chart of scores: {XA}, {XB}")
    words = texts(root)
    assert {"Alpha area", "Beta", XA, f"{XB} · illustrative", "G5 mean"} <= set(words)


# ----------------------------------------------------------------------------------------------
# Russian


def test_charts_speak_russian(scheme, monkeypatch):
    for mod in (app_svg, app_format, app_figures):
        monkeypatch.setattr(mod, "current_language", lambda: "ru")
    root = parse(app_svg.bars_svg(comparison(scheme)))
    words = texts(root)
    for w in ("80,0", "20,0–90,0 (25%)", "– (отвечено 10%)", "n=1 ⚠ мало данных", f"{XB} · иллюстративно",
              "возможный диапазон (открытые вопросы)", "оценка"):
        assert w in words, (w, words)
    assert root.find("s:title", NS).text.startswith("Столбчатая диаграмма оценок")
    radar = parse(app_svg.radar_svg(comparison(scheme)))
    assert radar.find("s:title", NS).text.startswith("Лепестковая диаграмма оценок")


# ----------------------------------------------------------------------------------------------
# heatmap


def test_heat_colour_runs_red_yellow_green_over_the_scale():
    assert app_svg.heat_colour(0, 0, 100) == "#d7301f"
    assert app_svg.heat_colour(50, 0, 100) == "#f7e08a"
    assert app_svg.heat_colour(100, 0, 100) == "#1a9641"
    # halfway between red (d7, 30, 1f) and yellow (f7, e0, 8a): each channel the mean
    assert app_svg.heat_colour(25, 0, 100) == "#" + "".join(f"{round((a + b) / 2):02x}" for a, b in
                                                           ((0xd7, 0xf7), (0x30, 0xe0), (0x1f, 0x8a)))
    assert app_svg.heat_colour(-5, 0, 100) == "#d7301f" and app_svg.heat_colour(130, 0, 100) == "#1a9641"


def test_heatmap_cells_carry_scores_gaps_and_the_baseline_row(scheme):
    root = parse(app_svg.heatmap_svg(comparison(scheme)))
    rows = [e for e in root.iter(f"{{{NS['s']}}}g") if e.get("class") == "idx-row"]
    assert [r.get("data-row") for r in rows] == ["XA", "XB", "__baseline__"]  # countries, then the baseline
    cells = {(r.get("data-row"), c.get("data-code")): c for r in rows for c in r if c.get("class") == "idx-cell"}
    assert len(cells) == 9
    assert cells[("XA", "A")].get("fill") == app_svg.heat_colour(80, 0, 100)
    assert float(cells[("XA", "A")].get("data-value")) == 80
    # no score: a grey cell without a value (never the colour of 0)
    for key in (("XB", "B"), ("XB", "C"), ("__baseline__", "C")):
        assert cells[key].get("fill") == app_svg.NO_VALUE and cells[key].get("data-value") is None
    words = [" ".join("".join(t.itertext()) for t in r if t.tag.endswith("text")) for r in rows]
    assert "80.0" in words[0] and "100.0" in words[0]
    assert "50.0 (50% answered)" in words[1] and "– (25% answered)" in words[1] and "– (10% answered)" in words[1]
    assert "60.0 n=4" in words[2] and "30.0 n=1 ⚠ thin" in words[2] and "– n=0" in words[2]
    assert f"{XB} · illustrative" in words[1] and "G5 mean" in words[2]
    assert root.get("role") == "img" and root.find("s:title", NS).text.startswith("Heatmap of scores")
