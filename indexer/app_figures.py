"""The app's charts: plotly figures drawn from a comparison table (radar, bars, heatmap) and
from a time series (trend). Nothing is computed here but layout; words go through the
catalogue (:func:`indexer.i18n.t`, keys ``fig.*``), numbers through :mod:`indexer.app_format`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

from .app_format import (
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
from .model import Node

BAND_COLOURS = ["#1a9641", "#7fbf4d", "#e6c229", "#f08c3c", "#d7301f", "#8c1010"]
COUNTRY_COLOURS = ["#2b5d8c", "#c8553d", "#3c9d6e", "#8e5ea2", "#d49a1a", "#5c9bd1", "#a0522d", "#6b8e23"]
BASELINE_COLOUR = "#555555"


def _rows_by(cmp_: Comparison) -> dict[tuple[str, str], Any]:
    """The comparison table's rows by (country, code), in one pass."""
    return {(r.country, r.code): r for r in cmp_.table.itertuples(index=False)}


def _w(key: str, **kw: Any) -> str:
    """The catalogue's words for the charts (``fig.*``), in the app's language."""
    return t(key, current_language(), **kw)


def band_text(r: Any, bands: Mapping[str, str] | None) -> str:
    """A row's band in the app's language: ``bands`` maps the scheme's labels to the shown ones
    (a translation's ``bands``; None: as the scheme writes them)."""
    return (bands or {}).get(r.band, r.band) if r.band else "–"


def _hover(r: Any, title: str, bands: Mapping[str, str] | None) -> list[str]:
    return [fmt_score(r.score), fmt_pct(r.coverage), band_text(r, bands), fmt_rank(r.rank, r.rank_n),
            _w("fig.profile", year=r.year), fmt_int(r.baseline_n), title]


def _hover_template() -> str:
    """A country's node on hover: its name, the node, score and band, coverage and rank, the
    profile's year (``customdata`` from :func:`_hover`)."""
    return (f"<b>%{{fullData.name}}</b><br>%{{customdata[6]}}<br>{_w('fig.score')} %{{customdata[0]}} · "
            f"%{{customdata[2]}}<br>{_w('fig.coverage')} %{{customdata[1]}} · {_w('fig.rank')} %{{customdata[3]}}"
            "<br>%{customdata[4]}<extra></extra>")


def _wrap(text: str, width: int = 16) -> str:
    """A label broken into lines of about ``width`` characters (plotly's <br>)."""
    import textwrap

    return "<br>".join(textwrap.wrap(text, width)) or text


def no_score_text(coverage: Any, sep: str = " ") -> str:
    """What a chart shows instead of a missing score: –, and the share answered if any."""
    return "–" if is_missing(coverage) or coverage == 0 else f"–{sep}" + _w("fig.answered", pct=fmt_pct(coverage))


def children_of(cmp_: Comparison, parent: str | None) -> list[Node]:
    scheme = cmp_.scheme
    return list((scheme.node(parent) if parent else scheme.root).children)


def radar_figure(cmp_: Comparison, parent: str | None = None, bands: Mapping[str, str] | None = None):
    """Scores of the children of ``parent`` (default: the areas) as a radar, one trace per
    country and a dashed one for the baseline."""
    import plotly.graph_objects as go

    kids = children_of(cmp_, parent)
    by = _rows_by(cmp_)
    theta = [_wrap(k.title or k.code) for k in kids]
    theta = theta + theta[:1]
    traces = []
    for i, c in enumerate(cmp_.countries):
        rows = [by[(c, k.code)] for k in kids]
        band = _radar_band(rows, theta, COUNTRY_COLOURS[i % len(COUNTRY_COLOURS)], country_label(c))
        if band is not None:
            traces.append(band)
    for i, c in enumerate(cmp_.countries):
        rows = [by[(c, k.code)] for k in kids]
        r = [number_or_none(x.score) for x in rows]
        cd = [_hover(x, k.title, bands) for x, k in zip(rows, kids, strict=True)]
        traces.append(go.Scatterpolar(r=r + r[:1], theta=theta, customdata=cd + cd[:1],
                                      name=country_label(c), mode="lines+markers",
                                      line={"color": COUNTRY_COLOURS[i % len(COUNTRY_COLOURS)]},
                                      hovertemplate=_hover_template(), connectgaps=False))
    if cmp_.group is not None:
        rows = [by[(cmp_.countries[0], k.code)] for k in kids]
        r = [number_or_none(x.baseline) for x in rows]
        cd = [[fmt_score(x.baseline), _w("fig.members", n=n_text(x)), k.title] for x, k in zip(rows, kids, strict=True)]
        traces.append(go.Scatterpolar(
            r=r + r[:1], theta=theta, customdata=cd + cd[:1],
            name=baseline_label(cmp_.group, cmp_.stat), mode="lines+markers",
            line={"color": BASELINE_COLOUR, "dash": "dash"},
            hovertemplate="<b>%{fullData.name}</b><br>%{customdata[2]}<br>%{customdata[0]} "
                          "%{customdata[1]}<extra></extra>"))
    lo, hi = cmp_.scheme.scale
    return go.Figure(traces, layout={
        # ticks at the ends and the middle only, along the vertical axis between two areas and
        # drawn small, so that they never sit on an area's label or collide at the centre; a
        # wide margin keeps the longest wrapped area label ("Labour market / mobility") inside
        "polar": {"radialaxis": {"range": [lo, hi], "tickvals": [lo, (lo + hi) / 2, hi], "angle": 90,
                                 "tickangle": 90, "tickfont": {"size": 9, "color": "#888"}},
                  "angularaxis": {"tickfont": {"size": 11}}, "domain": {"x": [0.08, 0.92]}},
        "margin": {"l": 90, "r": 90, "t": 40, "b": 40}, "height": 460,
        "legend": {"orientation": "h", "y": -0.15}})


def _radar_band(rows: list, theta: list[str], colour: str, name: str):  # noqa: ANN202 - a plotly trace
    """The ring between a country's lower and upper bounds (SPEC §3.1), or None where every
    node is final: the upper polygon, then the lower one backwards, filled (the ring only)."""
    import plotly.graph_objects as go

    if not any(is_open_interval(x.lower, x.upper) for x in rows):
        return None
    if any(is_missing(x.lower) for x in rows):  # a node without bounds: no closed ring to draw
        return None
    up = [float(x.upper) for x in rows]
    lo = [float(x.lower) for x in rows]
    base = theta[:len(rows)]  # ``theta`` comes closed (its first label again at the end)
    return go.Scatterpolar(
        r=up + up[:1] + lo[:1] + lo[::-1], theta=base + base[:1] + base[:1] + base[::-1],
        fill="toself", mode="lines", line={"width": 0.5, "color": colour}, fillcolor=_rgba(colour, 0.16),
        name=_w("fig.possible_range", name=name), hoverinfo="skip", legendgroup=name, showlegend=True)


def _rgba(hex_colour: str, alpha: float) -> str:
    h = hex_colour.lstrip("#")
    return f"rgba({int(h[0:2], 16)}, {int(h[2:4], 16)}, {int(h[4:6], 16)}, {alpha})"


def bars_figure(cmp_: Comparison, parent: str | None = None, bands: Mapping[str, str] | None = None):
    """Scores of the children of ``parent`` as grouped horizontal bars, the baseline as a tick
    on each (n beside each label: members with a score there); a node without a score shows
    '–' and the share of its indicators answered instead of a bar."""
    import plotly.graph_objects as go

    kids = children_of(cmp_, parent)
    by = _rows_by(cmp_)
    first = cmp_.countries[0]
    y = [(k.title or k.code) + (f" <sub>n={n_text(by[(first, k.code)])}</sub>"
                                if cmp_.group is not None else "") for k in kids]
    traces = []
    for i, c in enumerate(cmp_.countries):
        rows = [by[(c, k.code)] for k in kids]
        colour = COUNTRY_COLOURS[i % len(COUNTRY_COLOURS)]
        traces.append(go.Bar(
            y=y, x=[number_or_none(r.score) or 0 for r in rows], name=country_label(c), orientation="h", offsetgroup=c,
            text=[fmt_score(r.score) if not is_missing(r.score) else
                  ("" if is_open_interval(r.lower, r.upper) else no_score_text(r.coverage)) for r in rows],
            textposition="outside", customdata=[_hover(r, k.title, bands) for r, k in zip(rows, kids, strict=True)],
            hovertemplate=_hover_template(), marker={"color": colour}, cliponaxis=False, legendgroup=c))
        # the interval (SPEC §3.1) as an outlined box over the bar: where the score can still go
        if any(is_open_interval(r.lower, r.upper) for r in rows):
            open_ = [is_open_interval(r.lower, r.upper) for r in rows]
            traces.append(go.Bar(
                y=y, x=[float(r.upper) - float(r.lower) if o else None for r, o in zip(rows, open_, strict=True)],
                base=[float(r.lower) if o else None for r, o in zip(rows, open_, strict=True)],
                orientation="h", offsetgroup=c, legendgroup=c, showlegend=False, name=country_label(c),
                marker={"color": _rgba(colour, 0.18), "line": {"color": colour, "width": 1.5},
                        "pattern": {"shape": "/", "fgcolor": _rgba(colour, 0.45), "size": 6}},
                text=[(f"{fmt_bounds(r.lower, r.upper)} ({fmt_pct(r.coverage)})" if is_missing(r.score)
                       else "") if o else "" for r, o in zip(rows, open_, strict=True)],
                textposition="outside", cliponaxis=False,
                customdata=[[_w("fig.once_answered", bounds=fmt_bounds(r.lower, r.upper, words=True)),
                             fmt_pct(r.coverage), k.title, r.verdict or ""]
                            for r, k in zip(rows, kids, strict=True)],
                hovertemplate=f"<b>%{{fullData.name}}</b><br>%{{customdata[2]}}<br>%{{customdata[0]}}"
                              f"<br>{_w('fig.coverage')} %{{customdata[1]}}<extra></extra>"))
    if cmp_.group is not None:
        rows = [by[(first, k.code)] for k in kids]
        traces.append(go.Scatter(
            y=y, x=[number_or_none(r.baseline) for r in rows], mode="markers",
            name=baseline_label(cmp_.group, cmp_.stat),
            marker={"symbol": "line-ns-open", "size": max(14, min(40, 10 * len(cmp_.countries) + 6)),
                    "color": BASELINE_COLOUR, "line": {"width": 3, "color": BASELINE_COLOUR}},
            customdata=[[fmt_score(r.baseline), _w("fig.members", n=n_text(r))] for r in rows],
            hovertemplate="<b>%{fullData.name}</b>: %{customdata[0]} %{customdata[1]}<extra></extra>"))
    lo, hi = cmp_.scheme.scale
    height = 90 + len(kids) * max(34, 16 * len(cmp_.countries) + 14)
    room = 1.45 if any(t.base is not None for t in traces if isinstance(t, go.Bar)) else 1.2  # interval labels
    return go.Figure(traces, layout={
        # room on the right for the interval labels, but ticks on the scale only (no "140" on 0-100)
        "barmode": "group", "xaxis": {"range": [lo, lo + (hi - lo) * room], "title": {"text": _w("fig.score")},
                                      "tickvals": [lo + (hi - lo) * k / 5 for k in range(6)]},
        "yaxis": {"autorange": "reversed"}, "bargap": 0.25,
        "margin": {"l": 10, "r": 10, "t": 30, "b": 10}, "height": height,
        "legend": {"orientation": "h", "y": 1.02, "yanchor": "bottom"}, "uniformtext": {"minsize": 9, "mode": "show"}})


def heatmap_figure(cmp_: Comparison, parent: str | None = None, bands: Mapping[str, str] | None = None):
    """Countries × children of ``parent``, coloured by score, each cell showing the score (or
    – and the share answered); the baseline is the last row, with n in each cell."""
    import plotly.graph_objects as go

    kids = children_of(cmp_, parent)
    by = _rows_by(cmp_)
    z, text, hover, ylab = [], [], [], []
    for c in cmp_.countries:
        rows = [by[(c, k.code)] for k in kids]
        z.append([number_or_none(r.score) for r in rows])
        text.append([no_score_text(r.coverage, "<br>") if is_missing(r.score) else fmt_score(r.score)
                     + ("" if is_missing(r.coverage) or r.coverage >= 1 else "<br>" + _w("fig.answered", pct=fmt_pct(r.coverage)))
                     for r in rows])
        hover.append([f"{country_label(c)} · {k.title}<br>{_w('fig.score')} {fmt_score(r.score)} · {band_text(r, bands)}<br>"
                      f"{_w('fig.coverage')} {fmt_pct(r.coverage)} · {_w('fig.rank')} {fmt_rank(r.rank, r.rank_n)} · "
                      f"{_w('fig.profile', year=r.year)}"
                      for r, k in zip(rows, kids, strict=True)])
        ylab.append(country_label(c))
    if cmp_.group is not None:
        rows = [by[(cmp_.countries[0], k.code)] for k in kids]
        z.append([number_or_none(r.baseline) for r in rows])
        text.append([f"{fmt_score(r.baseline)}<br>n={n_text(r)}" for r in rows])
        hover.append([f"{baseline_label(cmp_.group, cmp_.stat)} · {k.title}<br>{fmt_score(r.baseline)} "
                      + _w("fig.members", n=n_text(r)) for r, k in zip(rows, kids, strict=True)])
        ylab.append(baseline_label(cmp_.group, cmp_.stat))
    lo, hi = cmp_.scheme.scale
    return go.Figure(go.Heatmap(
        z=z, x=[_wrap(k.title or k.code, 14) for k in kids], y=ylab, text=text, texttemplate="%{text}",
        textfont={"size": 12},
        customdata=hover, hovertemplate="%{customdata}<extra></extra>", zmin=lo, zmax=hi,
        colorscale=[[0, "#d7301f"], [0.5, "#f7e08a"], [1, "#1a9641"]], xgap=2, ygap=2,
        colorbar={"title": {"text": _w("fig.score")}, "thickness": 12}),
        layout={"height": 150 + 58 * len(ylab), "margin": {"l": 10, "r": 10, "t": 60, "b": 10},
                "yaxis": {"autorange": "reversed"}, "xaxis": {"side": "top", "tickangle": 0}})


def trend_figure(ts: pd.DataFrame, code: str, countries: Sequence[str], baseline_name: str | None,
                 scale: tuple[float, float] = (0.0, 100.0)):
    """One node's score over the years (``compare.time_series`` rows), per country, with the
    baseline dashed; an open marker is a year carried forward from an earlier profile."""
    import plotly.graph_objects as go

    d = ts[ts.code == code]
    fig = go.Figure()
    for i, c in enumerate(countries):
        rows = d[d.country == c].sort_values("as_of")
        if rows.empty or rows.score.isna().all():
            continue
        fig.add_trace(go.Scatter(
            x=rows.as_of, y=rows.score, name=country_label(c), mode="lines+markers",
            line={"color": COUNTRY_COLOURS[i % len(COUNTRY_COLOURS)]},
            marker={"size": 8, "symbol": ["circle" if y == a else "circle-open"
                                          for y, a in zip(rows.year, rows.as_of, strict=True)]},
            customdata=[[fmt_score(r.score), fmt_pct(r.coverage), _w("fig.profile_of", year=r.year),
                         fmt_rank(r.rank, r.rank_n)] for r in rows.itertuples(index=False)],
            hovertemplate=f"<b>%{{fullData.name}}</b> %{{x}}: %{{customdata[0]}}<br>{_w('fig.coverage')} "
                          f"%{{customdata[1]}} · {_w('fig.rank')} %{{customdata[3]}}<br>%{{customdata[2]}}<extra></extra>"))
    if baseline_name:
        b = d.drop_duplicates("as_of").sort_values("as_of")
        if not b.baseline.isna().all():
            fig.add_trace(go.Scatter(
                x=b.as_of, y=b.baseline, name=baseline_name, mode="lines+markers",
                line={"color": BASELINE_COLOUR, "dash": "dash"},
                customdata=[[fmt_score(r.baseline), _w("fig.members", n=n_text(r))] for r in b.itertuples(index=False)],
                marker={"symbol": ["triangle-up-open" if t else "circle" for t in b.thin], "size": 9},
                hovertemplate="<b>%{fullData.name}</b> %{x}: %{customdata[0]} %{customdata[1]}<extra></extra>"))
    fig.update_layout(height=380, margin={"l": 40, "r": 10, "t": 30, "b": 10},
                      yaxis={"title": {"text": _w("fig.score")}, "range": [scale[0], scale[1] * 1.02]},
                      xaxis={"dtick": 1}, legend={"orientation": "h", "y": -0.2})
    return fig
