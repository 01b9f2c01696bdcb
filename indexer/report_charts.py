"""The country profile's charts (``report.render_pdf``): matplotlib draws them from the profile's
data as vector SVG (DejaVu Sans, text kept as text), their words in the profile's language."""

from __future__ import annotations

import io
import textwrap
from typing import Any

from .model import ROOT


def _w(key: str, /, **kw: Any) -> str:
    """A message in the language of the profile being rendered (``report._LANG``)."""
    from .report import _w as words

    return words(key, **kw)


_BAND_COLOURS = ["#1a9641", "#7fbf4d", "#e6c229", "#f08c3c", "#d7301f", "#8c1010"]
_INK, _GREY, _LIGHT = "#222222", "#888888", "#e4e4e4"
_COUNTRY = "#2b5d8c"


def _is_open(r: dict) -> bool:
    """The node's bounds exist and differ: its score can still move (SPEC §3.1)."""
    return r.get("lower") is not None and r.get("upper") is not None and r["lower"] != r["upper"]


def _band_colour(data: dict, score: float | None) -> str:
    bands = data["scheme"]["bands"]
    if score is None or not bands:
        return _COUNTRY
    for i, b in enumerate(bands):
        if b["min"] <= score:
            j = round(i * (len(_BAND_COLOURS) - 1) / max(1, len(bands) - 1))
            return _BAND_COLOURS[j]
    return _BAND_COLOURS[-1]


def _svg(fig: Any) -> str:
    buf = io.StringIO()
    fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None}, transparent=True)
    return buf.getvalue()


def _rc() -> dict:
    # text.parse_math off: a title such as `$\undefinedmacro{x}$` is text, not matplotlib maths
    return {"svg.fonttype": "none", "svg.hashsalt": "indexer-report", "font.family": "DejaVu Sans",
            "text.parse_math": False,
            "font.size": 8, "axes.linewidth": 0.6, "xtick.major.width": 0.6, "ytick.major.width": 0.6}


def area_chart_svg(data: dict) -> str | None:
    """Area scores as bars coloured by band, against the baseline (black tick) and the group's
    range (grey band). The values are in the table below it; the legend is the template's."""
    areas = data["areas"]
    if not areas:
        return None
    import matplotlib
    from matplotlib.figure import Figure

    lo, hi = data["scheme"]["scale"]
    n = len(areas)
    row, top, bottom = 0.3, 0.05, 0.3  # inches
    height = row * n + top + bottom
    with matplotlib.rc_context(_rc()):
        fig = Figure(figsize=(6.7, height))
        ax = fig.add_axes((0.3, bottom / height, 0.68, row * n / height))
        ys = list(range(n))
        eps = (hi - lo) * 0.004  # a zero still shows as a sliver
        rng = [(y, a["min"], a["max"]) for y, a in zip(ys, areas, strict=True)
               if a.get("min") is not None and a.get("max") is not None]
        if rng:
            ax.barh([r[0] for r in rng], [max(r[2] - r[1], eps) for r in rng], left=[r[1] for r in rng],
                    height=0.8, color=_LIGHT, zorder=1, lw=0)
        bars = [(y, a["score"]) for y, a in zip(ys, areas, strict=True) if a["score"] is not None]
        if bars:
            ax.barh([y for y, _ in bars], [max(v - lo, eps) for _, v in bars], left=lo, height=0.46,
                    color=[_band_colour(data, v) for _, v in bars], zorder=2, lw=0)
        # where a partly coded area can still go (SPEC §3.1): an outlined, hatched box
        box = [(y, a["lower"], a["upper"]) for y, a in zip(ys, areas, strict=True) if _is_open(a)]
        if box:
            ax.barh([b[0] for b in box], [b[2] - b[1] for b in box], left=[b[1] for b in box], height=0.46,
                    facecolor="none", edgecolor=_COUNTRY, hatch="////", lw=0.8, zorder=3)
        for y, a in zip(ys, areas, strict=True):
            if a["score"] is None and not _is_open(a):
                ax.text(lo + (hi - lo) * 0.01, y, _w("pdf.no_score"), va="center", ha="left", color=_GREY,
                        fontsize=7, style="italic", zorder=3)
        ticks = [(y, a["baseline"]) for y, a in zip(ys, areas, strict=True) if a.get("baseline") is not None]
        if ticks:
            ax.vlines([v for _, v in ticks], [y - 0.4 for y, _ in ticks], [y + 0.4 for y, _ in ticks],
                      color=_INK, lw=1.6, zorder=4)
        ax.set_yticks(ys, [textwrap.shorten(a["title"], 44) for a in areas], fontsize=8)
        ax.set_ylim(n - 0.5, -0.5)
        ax.set_xlim(lo, hi)
        ax.tick_params(axis="x", labelsize=7, colors="#555555", length=2, pad=2)
        ax.tick_params(axis="y", length=0, pad=4)
        for side in ("top", "right", "left"):
            ax.spines[side].set_visible(False)
        ax.spines["bottom"].set_color("#999999")
        ax.grid(axis="x", color="#dddddd", lw=0.5, zorder=0)
        ax.set_axisbelow(True)
        return _svg(fig)


def history_chart_svg(data: dict) -> str | None:
    """The overall and area scores over the years (only with three or more profiles)."""
    h = data["history"]
    if len(h["years"]) < 3 or not h["series"]:
        return None
    import matplotlib
    from matplotlib.figure import Figure

    lo, hi = data["scheme"]["scale"]
    palette = ["#2b5d8c", "#d95f02", "#1b9e77", "#7570b3", "#e7298a", "#66a61e", "#a6761d", "#e6ab02",
               "#666666", "#1f78b4"]
    with matplotlib.rc_context(_rc()):
        fig = Figure(figsize=(6.7, 2.3))
        ax = fig.add_axes((0.07, 0.12, 0.6, 0.83))
        years = h["years"]
        k = 0
        for s in h["series"]:
            pts = [(y, v) for y, v in zip(years, s["values"], strict=True) if v is not None]
            if not pts:
                continue
            xs, vs = zip(*pts, strict=True)
            if s["code"] == ROOT:
                ax.plot(xs, vs, color=_INK, lw=2.2, marker="o", ms=2.5, label=_w("pdf.overall"), zorder=5)
            else:
                c = palette[k % len(palette)]
                k += 1
                ax.plot(xs, vs, color=c, lw=1.1, marker="o", ms=1.8, label=textwrap.shorten(s["title"], 34), zorder=3)
        ax.set_ylim(lo, hi)
        span = max(years) - min(years)
        ax.set_xlim(min(years) - 0.3, max(years) + 0.3)
        step = 1 if span <= 8 else (2 if span <= 16 else 5)
        ax.set_xticks([y for y in range(min(years), max(years) + 1) if (y - min(years)) % step == 0])
        ax.tick_params(labelsize=7, length=2, colors="#555555")
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        ax.grid(axis="y", color="#dddddd", lw=0.5)
        ax.axvline(data["year"], color=_GREY, lw=0.6, ls=":")
        ax.legend(loc="center left", bbox_to_anchor=(1.02, 0.5), frameon=False, fontsize=7, handlelength=1.6)
        return _svg(fig)
