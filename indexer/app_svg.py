"""The default view's charts as static SVG drawn on the server: grouped bars and a radar of a
comparison (the same rows, words and colours as :func:`indexer.app_figures.bars_figure` and
:func:`~indexer.app_figures.radar_figure`), so that the Compare page's first view needs no
charting library in the browser (plotly's 4.7 MB bundle is loaded only for the interactive
charts, on the user's choice).

Pure functions: a :class:`~indexer.compare.Comparison` in, an SVG string out (one line, no
script). What each chart shows, as the plotly one does:

- a score is a bar (or a point on the radar) at its value; a node without a score is a gap,
  never a bar or point at 0, with '–' and the share of its indicators answered beside it;
- where the score can still move (SPEC §3.1), a hatched box from the lower to the upper bound
  (on the radar, a ring between the two polygons);
- the baseline as a dark tick per node (dashed polygon on the radar), with n = members with a
  score there and ⚠ where it is thin (fewer than half of the group's members);
- illustrative codings are marked in the legend and the title.

Each bar, point and tick carries a ``<title>`` (coverage, band, rank, the profile's year). The
chart is ``role="img"`` with a ``<title>`` and a ``<desc>`` that lists every value in words.

The app shows a chart as an image (:func:`chart_image`: Markdown's ``![alt](data:…)``), not as
inline SVG: inline SVG needed Streamlit's HTML-in-Markdown parser, a code chunk the browser
fetches after the page's first drawing, and the chart waited for it (issue 19). An image shows no
``<title>`` on hover, so what the tooltips carry is in :func:`chart_values` (the page's *Values*
box), and the ``<desc>`` is the image's alt text. On a white card with dark text: an image does
not take the page's colours, and the card reads in the light and the dark theme alike.

Nothing is computed here but geometry; words come from the catalogue (``fig.*``, ``svg.*``,
``val.*``), numbers from :mod:`indexer.app_format`.
"""

from __future__ import annotations

import base64
import html
import math
import re
import textwrap
from collections.abc import Mapping, Sequence
from typing import Any

from .app_figures import BASELINE_COLOUR, COUNTRY_COLOURS, band_text, children_of, no_score_text
from .app_format import (
    THIN_MARK,
    baseline_label,
    country_label,
    fmt_bounds,
    fmt_int,
    fmt_pct,
    fmt_rank,
    fmt_score,
    is_missing,
    is_open_interval,
    n_text,
    number_or_none,
)
from .app_lang import current as current_language
from .compare import Comparison
from .i18n import t

#: the class every chart's ``<svg>`` carries (tests find the chart by it)
CHART_CLASS = "idx-chart"
TEXT = "currentColor"  # text in the root's colour (INK)
#: the text's colour and the card's (Streamlit's light theme: an image keeps them in the dark one)
INK = "#31333f"
CARD = "#ffffff"
#: an image cannot use the page's web font: the system's sans-serif (what CHAR_W assumes)
FONT = "sans-serif"
GRID = "#8a8d96"
#: approximate advance of one character, as a share of the font size (sans-serif, for layout)
CHAR_W = 0.56

#: characters that XML would read as syntax in text, Markdown's and Streamlit's ($…$ maths), and
#: line breaks (a tooltip's lines): written as entities. The chart now travels base64-encoded
#: (:func:`chart_image`), but the SVG stays safe to put in Markdown as it is
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\n": "&#10;"} | {c: f"&#{ord(c)};" for c in "*_$[]`~\\|#{}"}


def _esc(text: Any) -> str:
    """Text or an attribute value, escaped for XML and for the Markdown it travels through."""
    return "".join(_ENTITIES.get(ch, ch) for ch in str(text))


def _w(key: str, **kw: Any) -> str:
    return t(key, current_language(), **kw)


def _f(v: float) -> str:
    """A coordinate, short."""
    return f"{v:.1f}".rstrip("0").rstrip(".")


def _text(x: float, y: float, text: str, *, size: float = 12, anchor: str = "start", fill: str = TEXT,
          cls: str = "", extra: str = "") -> str:
    """A ``<text>``; the root's defaults (12 px, start, the theme's colour) are not repeated: the
    browser parses every byte of the chart on each run."""
    a = (f' font-size="{_f(size)}"' if size != 12 else "") + (f' text-anchor="{anchor}"' if anchor != "start" else "")
    a += (f' fill="{fill}"' if fill != TEXT else "") + (f' class="{cls}"' if cls else "")
    return f'<text x="{_f(x)}" y="{_f(y)}"{a}{extra}>{_esc(text)}</text>'


def _title(text: str) -> str:
    return f"<title>{_esc(text)}</title>"


def _lines(text: str, width: int) -> list[str]:
    """``text`` in lines of about ``width`` characters, words kept whole."""
    return textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False) or [text]


def _rows_by(cmp_: Comparison, kids: Sequence[Any]) -> dict[tuple[str, str], Any]:
    """The comparison's rows of ``kids`` by (country, code), in one pass over those rows only."""
    t = cmp_.table
    sub = t[t.code.isin([k.code for k in kids])]
    return {(r.country, r.code): r for r in sub.itertuples(index=False)}


def _who(cmp_: Comparison, ill: set[str]) -> str:
    return ", ".join(country_label(c) + (f" ({_w('svg.illustrative')})" if c in ill else "") for c in cmp_.countries)


def _name(c: str, ill: set[str]) -> str:
    """A country's legend entry: its label, and 'illustrative' where its coding is."""
    return country_label(c) + (f" · {_w('svg.illustrative')}" if c in ill else "")


def _hover(c: str, title: str, r: Any, bands: Mapping[str, str] | None) -> str:
    """What the plotly chart shows on hover, as a tooltip's lines."""
    lines = [f"{country_label(c)} · {title}", f"{_w('fig.score')} {fmt_score(r.score)} · {band_text(r, bands)}"]
    if is_open_interval(r.lower, r.upper):
        lines.append(_w("fig.once_answered", bounds=fmt_bounds(r.lower, r.upper, words=True)))
    lines += [f"{_w('fig.coverage')} {fmt_pct(r.coverage)} · {_w('fig.rank')} {fmt_rank(r.rank, r.rank_n)}",
              _w("fig.profile", year=r.year)]
    return "\n".join(lines)


def _value_words(r: Any) -> str:
    """A node's value for the description: the score, else the bounds, else – and the share answered."""
    if not is_missing(r.score):
        return fmt_score(r.score) + (f" ({fmt_bounds(r.lower, r.upper)})" if is_open_interval(r.lower, r.upper) else "")
    if is_open_interval(r.lower, r.upper):
        return f"{fmt_bounds(r.lower, r.upper)} {_w('fig.answered', pct=fmt_pct(r.coverage))}"
    return no_score_text(r.coverage)


def _desc(cmp_: Comparison, kids: Sequence[Any], by: Mapping[tuple[str, str], Any]) -> str:
    """Every value of the chart in words (the ``<desc>``): one sentence per node."""
    parts = []
    for k in kids:
        vals = [f"{country_label(c)} {_value_words(by[(c, k.code)])}" for c in cmp_.countries]
        if cmp_.group is not None:
            r = by[(cmp_.countries[0], k.code)]
            vals.append(f"{baseline_label(cmp_.group, cmp_.stat)} {fmt_score(r.baseline)} (n={n_text(r)})")
        parts.append(f"{k.title or k.code}: " + "; ".join(vals) + ".")
    return " ".join(parts)


def _open(kind: str, width: float, height: float, title: str, desc: str) -> str:
    uid = f"idx-{kind}"
    return (f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="{uid}-title {uid}-desc" '
            f'class="{CHART_CLASS}" data-testid="{uid}" viewBox="0 0 {_f(width)} {_f(height)}" '
            f'width="{_f(width)}" height="{_f(height)}" '
            f'font-size="12" font-family="{FONT}" fill="{TEXT}" color="{INK}" style="width:100%;max-width:{_f(width)}px;height:auto;display:block">'
            f'<title id="{uid}-title">{_esc(title)}</title><desc id="{uid}-desc">{_esc(desc)}</desc>'
            f'<rect class="idx-card" width="100%" height="100%" fill="{CARD}"/>')


def _hatch(kind: str, i: int, colour: str) -> str:
    return (f'<pattern id="idx-{kind}-hatch-{i}" patternUnits="userSpaceOnUse" width="6" height="6" '
            f'patternTransform="rotate(45)"><rect width="6" height="6" fill="{colour}" fill-opacity="0.18"/>'
            f'<line x1="0" y1="0" x2="0" y2="6" stroke="{colour}" stroke-opacity="0.6" stroke-width="2"/></pattern>')


def _legend(entries: Sequence[tuple[str, str]], x0: float, y0: float, width: float, size: float = 12) -> tuple[str, float]:
    """Legend entries (swatch markup drawn in a 16×12 box at (0, 0), label) flowing in rows
    from (x0, y0) within ``width``; returns the markup and the height used."""
    out, x, y, row = [], x0, y0, 18.0
    for swatch, label in entries:
        w = 22 + len(label) * size * CHAR_W + 18
        if x > x0 and x + w > x0 + width:
            x, y = x0, y + row
        out.append(f'<g class="idx-legend" transform="translate({_f(x)},{_f(y)})">{swatch}'
                   f"{_text(22, 10, label, size=size)}</g>")
        x += w
    return "".join(out), (y - y0) + row if entries else 0.0


def _swatch_bar(colour: str) -> str:
    return f'<rect x="0" y="0" width="16" height="12" fill="{colour}"/>'


def _swatch_line(colour: str, dash: bool = False) -> str:
    d = ' stroke-dasharray="4 3"' if dash else ""
    return (f'<line x1="0" y1="6" x2="16" y2="6" stroke="{colour}" stroke-width="2"{d}/>'
            f'<circle cx="8" cy="6" r="3" fill="{colour}"/>')


def _swatch_tick() -> str:
    return f'<line x1="8" y1="0" x2="8" y2="12" stroke="{BASELINE_COLOUR}" stroke-width="3"/>'


def _swatch_hatch(kind: str) -> str:
    return f'<rect x="0.75" y="0.75" width="14.5" height="10.5" fill="url(#idx-{kind}-hatch-0)" stroke="{COUNTRY_COLOURS[0]}"/>'


# ----------------------------------------------------------------------------------------------
# bars


def bars_svg(cmp_: Comparison, parent: str | None = None, bands: Mapping[str, str] | None = None,
             width: float = 520) -> str:
    """Scores of the children of ``parent`` (default: the areas) as grouped horizontal bars,
    one per country, from the scale's low end to the score; the baseline as a dark tick across
    each group; an open interval as a hatched box from its lower to its upper bound; a node
    without a score as no bar, with '–' and the share answered (or its bounds) written instead.
    Beside each label, n = the baseline's members with a score there (⚠ thin)."""
    kids = children_of(cmp_, parent)
    by = _rows_by(cmp_, kids)
    countries = list(cmp_.countries)
    first = countries[0]
    ill = set(cmp_.illustrative)
    lo, hi = cmp_.scheme.scale
    any_open = any(is_open_interval(by[(c, k.code)].lower, by[(c, k.code)].upper) for c in countries for k in kids)
    colours = [COUNTRY_COLOURS[i % len(COUNTRY_COLOURS)] for i in range(len(countries))]

    label_w = 150.0
    plot_w = (width - label_w - 12) / (1.45 if any_open else 1.2)  # room on the right for the labels
    x_of = _scale(lo, hi, label_w, plot_w)
    bar_h = 13.0 if len(countries) <= 3 else 10.0
    step = bar_h + 3
    wrap = 22

    entries = [(_swatch_bar(colours[i]), _name(c, ill)) for i, c in enumerate(countries)]
    if cmp_.group is not None:
        entries.append((_swatch_tick(), baseline_label(cmp_.group, cmp_.stat)))
    if any_open:
        entries.append((_swatch_hatch("bars"), _w("svg.range")))
    legend, legend_h = _legend(entries, 8, 6, width - 16)
    top = 6 + legend_h + 8

    body: list[str] = []
    y = top
    for k in kids:
        title = k.title or k.code
        lines = _lines(title, wrap)
        extra = [f"n={n_text(by[(first, k.code)])}"] if cmp_.group is not None else []
        group_h = max(len(countries) * step - 3, 14 * (len(lines) + len(extra)) - 4) + 14
        body.append(f'<g class="idx-node" data-code="{_esc(k.code)}">')
        ly = y + group_h / 2 - (14 * (len(lines) + len(extra)) - 4) / 2 + 10
        for j, ln in enumerate(lines):
            body.append(_text(label_w - 8, ly + 14 * j, ln, anchor="end"))
        for j, ln in enumerate(extra):
            thin = "⚠" in ln
            body.append(_text(label_w - 8, ly + 14 * (len(lines) + j), ln, size=10, anchor="end",
                              fill="#b35900" if thin else GRID, cls="idx-n"))
        by0 = y + (group_h - (len(countries) * step - 3)) / 2
        values: list[str] = []  # the numbers, drawn last: over the baseline's tick
        for i, c in enumerate(countries):
            r = by[(c, k.code)]
            yb = by0 + i * step
            tip = _title(_hover(c, title, r, bands))
            score, open_ = number_or_none(r.score), is_open_interval(r.lower, r.upper)
            end = x_of(lo)
            data = f'data-country="{_esc(c)}" data-code="{_esc(k.code)}"'
            if score is not None:
                x1 = x_of(score)
                body.append(f'<rect class="idx-bar" {data} data-score="{score:g}" x="{_f(x_of(lo))}" y="{_f(yb)}" '
                            f'width="{_f(x1 - x_of(lo))}" height="{_f(bar_h)}" fill="{colours[i]}">{tip}</rect>')
                end = x1
            if open_:
                xa, xb = x_of(float(r.lower)), x_of(float(r.upper))
                body.append(f'<rect class="idx-range" {data} data-lower="{float(r.lower):g}" data-upper="{float(r.upper):g}" '
                            f'x="{_f(xa)}" y="{_f(yb)}" width="{_f(xb - xa)}" height="{_f(bar_h)}" '
                            f'fill="url(#idx-bars-hatch-{i})" stroke="{colours[i]}" stroke-width="1.2">{tip}</rect>')
                end = max(end, xb)
            if score is not None:
                label = fmt_score(score)
            elif open_:
                label = f"{fmt_bounds(r.lower, r.upper)} ({fmt_pct(r.coverage)})"
            else:
                label = no_score_text(r.coverage)
            cls = "idx-value" if score is not None else "idx-missing"
            # a halo keeps the number readable where the baseline's tick crosses it
            values.append(_text(end + 4, yb + bar_h - 2.5, label, size=11, cls=cls,
                              extra=f' data-country="{_esc(c)}" stroke="#fff" stroke-width="3" '
                                    'stroke-opacity="0.85" paint-order="stroke"'))
        if cmp_.group is not None:
            r = by[(first, k.code)]
            b = number_or_none(r.baseline)
            if b is not None:
                xb = x_of(b)
                tip = _title(f"{baseline_label(cmp_.group, cmp_.stat)} · {title}: {fmt_score(r.baseline)} "
                             + _w("fig.members", n=n_text(r)))
                body.append(f'<line class="idx-baseline" data-code="{_esc(k.code)}" data-value="{b:g}" '
                            f'x1="{_f(xb)}" x2="{_f(xb)}" y1="{_f(by0 - 4)}" y2="{_f(by0 + len(countries) * step + 1)}" '
                            f'stroke="{BASELINE_COLOUR}" stroke-width="3">{tip}</line>')
        body.extend(values)
        body.append("</g>")
        y += group_h + 6

    # the axis: grid lines and ticks on the scale only (never past its high end)
    ticks = [lo + (hi - lo) * j / 5 for j in range(6)]
    grid = "".join(f'<line x1="{_f(x_of(v))}" x2="{_f(x_of(v))}" y1="{_f(top - 2)}" y2="{_f(y)}" stroke="{GRID}" '
                   f'stroke-opacity="0.3" stroke-width="1"/>' for v in ticks)
    axis = "".join(_text(x_of(v), y + 14, fmt_score(v, 0), size=10, anchor="middle", fill=GRID) for v in ticks)
    axis += _text(x_of((lo + hi) / 2), y + 30, _w("fig.score"), size=11, anchor="middle", fill=GRID)
    height = y + 38
    title = _w("svg.bars_title", who=_who(cmp_, ill)) + (
        f" · {baseline_label(cmp_.group, cmp_.stat)}" if cmp_.group is not None else "")
    defs = "<defs>" + "".join(_hatch("bars", i, col) for i, col in enumerate(colours)) + "</defs>"
    return _open("bars", width, height, title, _desc(cmp_, kids, by)) + defs + grid + legend + "".join(body) + axis + "</svg>"


def _scale(lo: float, hi: float, x0: float, span: float):  # noqa: ANN202 - a small closure
    """x of a value on ``[lo, hi]`` drawn over ``span`` from ``x0`` (clamped to the scale)."""
    def x_of(v: float) -> float:
        return x0 + span * (min(max(v, lo), hi) - lo) / (hi - lo)
    return x_of


# ----------------------------------------------------------------------------------------------
# radar


def _runs(points: Sequence[tuple[float, float] | None]) -> list[list[tuple[float, float]]]:
    """Consecutive drawn points of a closed polygon (its first point again at the end), split at
    missing ones: a missing score breaks the line (plotly's ``connectgaps=False``)."""
    closed = list(points) + list(points[:1])
    runs: list[list[tuple[float, float]]] = [[]]
    for p in closed:
        if p is None:
            if runs[-1]:
                runs.append([])
        else:
            runs[-1].append(p)
    return [r for r in runs if len(r) >= 2]


def _polylines(points: Sequence[tuple[float, float] | None], attrs: str) -> list[str]:
    """One 2-px ``<polyline>`` per run of drawn points (:func:`_runs`), with ``attrs`` (class,
    stroke and the like) on each."""
    return [f'<polyline {attrs} points="{_poly(run)}" fill="none" stroke-width="2"/>' for run in _runs(points)]


def _poly(points: Sequence[tuple[float, float]]) -> str:
    return " ".join(f"{_f(x)},{_f(y)}" for x, y in points)


def radar_svg(cmp_: Comparison, parent: str | None = None, bands: Mapping[str, str] | None = None,
              width: float = 500) -> str:
    """Scores of the children of ``parent`` (default: the areas) on a radar, axes in the plotly
    chart's order (the first at 3 o'clock, counter-clockwise), one line per country; a dashed
    polygon for the baseline; the ring between a country's lower and upper bounds where some
    node is still open (and every node has bounds). A missing score is no point, and the line
    breaks there."""
    kids = children_of(cmp_, parent)
    by = _rows_by(cmp_, kids)
    countries = list(cmp_.countries)
    ill = set(cmp_.illustrative)
    lo, hi = cmp_.scheme.scale
    n = len(kids)
    radius = 140.0
    cx, cy = width / 2, 58 + radius
    colours = [COUNTRY_COLOURS[i % len(COUNTRY_COLOURS)] for i in range(len(countries))]

    def at(k: int, v: float) -> tuple[float, float]:
        a = 2 * math.pi * k / n
        rr = radius * (min(max(v, lo), hi) - lo) / (hi - lo)
        return cx + rr * math.cos(a), cy - rr * math.sin(a)

    def points(values: Sequence[Any]) -> list[tuple[float, float] | None]:
        """A point per spoke, None where the value is missing (the line breaks there)."""
        return [None if (v := number_or_none(x)) is None else at(k, v) for k, x in enumerate(values)]

    out: list[str] = []
    # grid: rings at the quarters, spokes, ticks at the ends and the middle (as the plotly chart)
    for q in (0.25, 0.5, 0.75, 1.0):
        out.append(f'<circle cx="{_f(cx)}" cy="{_f(cy)}" r="{_f(radius * q)}" fill="none" stroke="{GRID}" '
                   f'stroke-opacity="{0.55 if q == 1 else 0.25}"/>')
    for k in range(n):
        x, y = at(k, hi)
        out.append(f'<line x1="{_f(cx)}" y1="{_f(cy)}" x2="{_f(x)}" y2="{_f(y)}" stroke="{GRID}" stroke-opacity="0.25"/>')
    for v in (lo, (lo + hi) / 2, hi):
        out.append(_text(cx + 3, cy - radius * (v - lo) / (hi - lo) - 2, fmt_score(v, 0), size=9, fill=GRID))
    # area labels outside the circle
    for k, kid in enumerate(kids):
        a = 2 * math.pi * k / n
        ca, sa = math.cos(a), math.sin(a)
        lines = _lines(kid.title or kid.code, 16)
        anchor = "start" if ca > 0.3 else "end" if ca < -0.3 else "middle"
        x, y = cx + (radius + 10) * ca, cy - (radius + 10) * sa
        y0 = y - 14 * (len(lines) - 1) - 2 if sa > 0.3 else y + 10 if sa < -0.3 else y - 7 * (len(lines) - 1) + 4
        for j, ln in enumerate(lines):
            out.append(_text(x, y0 + 14 * j, ln, size=11, anchor=anchor, cls="idx-axis-label"))
    # the rings of possible values (SPEC §3.1)
    for i, c in enumerate(countries):
        rows = [by[(c, kid.code)] for kid in kids]
        if not any(is_open_interval(r.lower, r.upper) for r in rows):
            continue
        if any(is_missing(r.lower) or is_missing(r.upper) for r in rows):
            continue
        up = [at(k, float(r.upper)) for k, r in enumerate(rows)]
        dn = [at(k, float(r.lower)) for k, r in enumerate(rows)]
        out.append(f'<path class="idx-ring" data-country="{_esc(c)}" fill-rule="evenodd" '
                   f'd="M{_poly(up)}Z M{_poly(dn)}Z" fill="{colours[i]}" fill-opacity="0.16" '
                   f'stroke="{colours[i]}" stroke-width="0.5">{_title(_w("fig.possible_range", name=country_label(c)))}</path>')
    # the baseline, dashed
    if cmp_.group is not None:
        rows = [by[(countries[0], kid.code)] for kid in kids]
        pts = points([r.baseline for r in rows])
        out += _polylines(pts, f'class="idx-baseline" stroke="{BASELINE_COLOUR}" stroke-dasharray="5 4"')
        for k, (r, p) in enumerate(zip(rows, pts, strict=True)):
            if p is not None:
                tip = (f"{baseline_label(cmp_.group, cmp_.stat)} · {kids[k].title}: {fmt_score(r.baseline)} "
                       + _w("fig.members", n=n_text(r)))
                out.append(f'<circle class="idx-baseline-point" data-code="{_esc(kids[k].code)}" cx="{_f(p[0])}" '
                           f'cy="{_f(p[1])}" r="3.5" fill="{BASELINE_COLOUR}">{_title(tip)}</circle>')
    # the countries
    for i, c in enumerate(countries):
        rows = [by[(c, kid.code)] for kid in kids]
        pts = points([r.score for r in rows])
        out += _polylines(pts, f'class="idx-line" data-country="{_esc(c)}" stroke="{colours[i]}"')
        for k, (r, p) in enumerate(zip(rows, pts, strict=True)):
            if p is not None:
                out.append(f'<circle class="idx-point" data-country="{_esc(c)}" data-code="{_esc(kids[k].code)}" '
                           f'data-score="{float(r.score):g}" cx="{_f(p[0])}" cy="{_f(p[1])}" r="4" fill="{colours[i]}">'
                           f"{_title(_hover(c, kids[k].title or kids[k].code, r, bands))}</circle>")

    entries = [(_swatch_line(colours[i]), _name(c, ill)) for i, c in enumerate(countries)]
    if cmp_.group is not None:
        entries.append((_swatch_line(BASELINE_COLOUR, dash=True), baseline_label(cmp_.group, cmp_.stat)))
    if any(p.startswith("<path") for p in out):
        entries.append((f'<rect x="0" y="0" width="16" height="12" fill="{COUNTRY_COLOURS[0]}" fill-opacity="0.16" '
                        f'stroke="{COUNTRY_COLOURS[0]}" stroke-width="0.5"/>', _w("svg.ring")))
    legend, legend_h = _legend(entries, 12, cy + radius + 46, width - 24)
    height = cy + radius + 46 + legend_h + 6
    title = _w("svg.radar_title", who=_who(cmp_, ill)) + (
        f" · {baseline_label(cmp_.group, cmp_.stat)}" if cmp_.group is not None else "")
    return _open("radar", width, height, title, _desc(cmp_, kids, by)) + "".join(out) + legend + "</svg>"


# ----------------------------------------------------------------------------------------------
# heatmap

#: the plotly heatmap's colour scale: low, middle, high end of the scheme's scale
HEAT_STOPS = ("#d7301f", "#f7e08a", "#1a9641")
#: a cell without a value (a gap, never the colour of the scale's low end)
NO_VALUE = "#eceff3"


def heat_colour(v: float, lo: float, hi: float) -> str:
    """The colour of ``v`` on ``[lo, hi]``: linear in RGB from red through yellow to green."""
    x = min(max((v - lo) / (hi - lo), 0.0), 1.0) * 2
    a, b = (HEAT_STOPS[0], HEAT_STOPS[1]) if x <= 1 else (HEAT_STOPS[1], HEAT_STOPS[2])
    f = x if x <= 1 else x - 1
    ca, cb = (tuple(int(h[i:i + 2], 16) for i in (1, 3, 5)) for h in (a, b))
    return "#" + "".join(f"{round(p + (q - p) * f):02x}" for p, q in zip(ca, cb, strict=True))


def _ink(colour: str) -> str:
    """Dark or white text, whichever reads on ``colour``."""
    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return "#1f2329" if 0.299 * r + 0.587 * g + 0.114 * b > 140 else "#ffffff"


def heatmap_svg(cmp_: Comparison, parent: str | None = None, bands: Mapping[str, str] | None = None,
                width: float = 1000) -> str:
    """Countries × children of ``parent`` (default: the areas), each cell coloured by its score
    on the scale and showing it (with the share answered where it is below 100 %); a cell
    without a score is grey with '–' and the share answered; the baseline is the last row, with
    n in each cell (⚠ where thin). A colour bar gives the scale."""
    kids = children_of(cmp_, parent)
    by = _rows_by(cmp_, kids)
    countries = list(cmp_.countries)
    ill = set(cmp_.illustrative)
    lo, hi = cmp_.scheme.scale
    label_w = 170.0
    head_lines = [_lines(k.title or k.code, 14) for k in kids]
    head_h = 14 * max(len(x) for x in head_lines) + 8
    cell_w = (width - label_w - 70) / max(len(kids), 1)
    cell_h = 46.0
    top = 8 + head_h
    out: list[str] = []
    for j, lines in enumerate(head_lines):
        cx = label_w + cell_w * (j + 0.5)
        for n, ln in enumerate(lines):
            out.append(_text(cx, top - 6 - 14 * (len(lines) - 1 - n), ln, size=11, anchor="middle"))
    rows: list[tuple[str, str, list[tuple[float | None, list[str], str]]]] = []
    for c in countries:
        cells = []
        for k in kids:
            r = by[(c, k.code)]
            score = number_or_none(r.score)
            if score is None:
                words = ["–"] + ([] if is_missing(r.coverage) or r.coverage == 0 else [_w("fig.answered", pct=fmt_pct(r.coverage))])
            else:
                words = [fmt_score(score)] + ([] if is_missing(r.coverage) or r.coverage >= 1
                                              else [_w("fig.answered", pct=fmt_pct(r.coverage))])
            tip = (f"{country_label(c)} · {k.title}\n{_w('fig.score')} {fmt_score(r.score)} · {band_text(r, bands)}\n"
                   f"{_w('fig.coverage')} {fmt_pct(r.coverage)} · {_w('fig.rank')} {fmt_rank(r.rank, r.rank_n)} · "
                   + _w("fig.profile", year=r.year))
            cells.append((score, words, tip))
        rows.append((c, _name(c, ill), cells))
    if cmp_.group is not None:
        base = baseline_label(cmp_.group, cmp_.stat)
        cells = []
        for k in kids:
            r = by[(countries[0], k.code)]
            n = f"n={n_text(r)}"
            if len(n) * 10 * CHAR_W > cell_w - 6:  # "n=8 ⚠ мало данных" would spill over: the mark only
                n = f"n={fmt_int(r.baseline_n)}" + (f" {THIN_MARK}" if getattr(r, "thin", False) else "")
            cells.append((number_or_none(r.baseline), [fmt_score(r.baseline), n],
                          f"{base} · {k.title}\n{fmt_score(r.baseline)} " + _w("fig.members", n=n_text(r))))
        rows.append(("__baseline__", base, cells))
    for i, (key, name, cells) in enumerate(rows):
        y = top + i * cell_h
        out.append(f'<g class="idx-row" data-row="{_esc(key)}">')
        for n, ln in enumerate(_lines(name, 22)[:2]):
            out.append(_text(label_w - 8, y + cell_h / 2 + 4 - 7 * (len(_lines(name, 22)[:2]) - 1) + 14 * n, ln,
                             anchor="end"))
        for j, (v, words, tip) in enumerate(cells):
            x = label_w + j * cell_w
            fill = NO_VALUE if v is None else heat_colour(v, lo, hi)
            value = "" if v is None else f' data-value="{v:g}"'
            out.append(f'<rect class="idx-cell" data-code="{_esc(kids[j].code)}"{value} x="{_f(x + 1)}" y="{_f(y + 1)}" '
                       f'width="{_f(cell_w - 2)}" height="{_f(cell_h - 2)}" fill="{fill}">{_title(tip)}</rect>')
            ink = _ink(fill)
            for n, w in enumerate(words):
                out.append(_text(x + cell_w / 2, y + cell_h / 2 + 4 - 7 * (len(words) - 1) + 14 * n, w,
                                 size=12 if n == 0 else 10, anchor="middle", fill=ink))
        out.append("</g>")
    # the colour bar
    bar_x, bar_h = width - 52, max(cell_h * len(rows), 80)
    out.append('<defs><linearGradient id="idx-heat-scale" x1="0" y1="1" x2="0" y2="0">'
               + "".join(f'<stop offset="{o}" stop-color="{c}"/>' for o, c in zip((0, 0.5, 1), HEAT_STOPS, strict=True))
               + "</linearGradient></defs>")
    out.append(f'<rect x="{_f(bar_x)}" y="{_f(top)}" width="12" height="{_f(bar_h)}" fill="url(#idx-heat-scale)"/>')
    for v in (lo, (lo + hi) / 2, hi):
        out.append(_text(bar_x + 16, top + bar_h * (1 - (v - lo) / (hi - lo)) + 4, fmt_score(v, 0), size=10, fill=GRID))
    out.append(_text(bar_x + 6, top - 6, _w("fig.score"), size=10, anchor="middle", fill=GRID))
    height = top + max(cell_h * len(rows), bar_h) + 10
    title = _w("svg.heat_title", who=_who(cmp_, ill)) + (
        f" · {baseline_label(cmp_.group, cmp_.stat)}" if cmp_.group is not None else "")
    return _open("heat", width, height, title, _desc(cmp_, kids, by)) + "".join(out) + "</svg>"


#: ASCII punctuation, which Markdown could read as syntax in an image's alt text (and Streamlit as
#: ``$`` maths, ``:emoji:`` or ``:red[…]``): each is written backslash-escaped, which Markdown
#: turns back into the character itself
_MD_PUNCT = re.compile(r"""([!"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~])""")
_TITLE = re.compile(r"<title id=[^>]*>(.*?)</title>", re.S)
_DESC = re.compile(r"<desc[^>]*>(.*?)</desc>", re.S)


def alt_text(svg: str) -> str:
    """The chart's ``<title>`` and ``<desc>`` (every value in words) as plain text: what the
    image says to a screen reader."""
    parts = [html.unescape(m.group(1)) for m in (_TITLE.search(svg), _DESC.search(svg)) if m]
    return ". ".join(p for p in parts if p)


def chart_image(svg: str) -> str:
    """The chart as Markdown for ``st.markdown`` (no HTML allowed, so no HTML parser in the
    browser): an image whose source is the SVG itself (a ``data:`` URI) and whose alt text is its
    ``<desc>``, for screen readers."""
    alt = _MD_PUNCT.sub(r"\\\1", alt_text(svg).replace("\n", " "))
    return f"![{alt}](data:image/svg+xml;base64,{base64.b64encode(svg.encode()).decode('ascii')})"


def chart_values(cmp_: Comparison, parent: str | None = None, bands: Mapping[str, str] | None = None,
                 level: str | None = None) -> Any:
    """What the static charts' tooltips carry, as a table (a ``DataFrame`` of text, one row per
    node and country, then the baseline's row of each node): score, band, what an open score can
    still become, coverage, rank, the profile's year, and the baseline's n with ⚠ where thin.
    ``level``: the first column's heading (the children's level name, e.g. "area")."""
    import pandas as pd

    kids = children_of(cmp_, parent)
    by = _rows_by(cmp_, kids)
    ill = set(cmp_.illustrative)
    cols = [level or _w("col.node"), _w("col.country"), _w("col.score"), _w("col.band"),
            _w("col.can_become"), _w("col.coverage"), _w("col.rank"), _w("val.profile_year"), _w("val.baseline_n")]
    rows = []
    for k in kids:
        title = k.title or k.code
        for c in cmp_.countries:
            r = by[(c, k.code)]
            rows.append([title, _name(c, ill), fmt_score(r.score), band_text(r, bands),
                         fmt_bounds(r.lower, r.upper) if is_open_interval(r.lower, r.upper) else "",
                         fmt_pct(r.coverage), fmt_rank(r.rank, r.rank_n), str(r.year), ""])
        if cmp_.group is not None:
            r = by[(cmp_.countries[0], k.code)]
            rows.append([title, baseline_label(cmp_.group, cmp_.stat), fmt_score(r.baseline), "", "", "", "", "",
                         n_text(r)])
    df = pd.DataFrame(rows, columns=cols)
    if cmp_.group is None:
        df = df.drop(columns=cols[-1])
    return df
