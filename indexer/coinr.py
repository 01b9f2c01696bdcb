"""COINr's formats: an ``iMeta`` table (the index structure) into a scheme, ``iData`` into profiles.

COINr (the EU JRC's R package for composite indicators) describes an index by two tables:
``iMeta`` -- one row per indicator and aggregate with ``Level`` (1 = indicator, up to the
index), ``iCode``, ``iName``, ``Direction`` (1 higher is better, -1 lower is better),
``Weight``, ``Unit``, ``Parent`` and ``Type`` (Indicator, Aggregate, Group, Denominator) --
and ``iData`` -- one row per unit (country, ``uCode`` = ISO3) and ``Time``, one column per
indicator. Here ``iMeta`` becomes a scheme whose leaves are numeric and normalised across
countries (``numeric: {normalise: minmax, range, best}``), and ``iData`` goes through the
ordinary table importer (``indexer.tables``) as a wide table.
"""

from __future__ import annotations

import builtins
import json
import math
from collections.abc import Mapping, Sequence
from pathlib import Path

import pandas as pd

from .dump import yaml_scalar
from .model import ROOT, Scheme
from .tables import ImportResult, import_table

#: level names by COINr Level (1 = indicator); the index itself is the root (`overall`)
LEVEL_NAMES = {1: "indicator", 2: "pillar", 3: "sub-index"}


def _num(x: float) -> str:
    x = float(x)
    return str(int(x)) if x.is_integer() else repr(x)


def scheme_from_imeta(
    meta: pd.DataFrame | str | Path,
    *,
    id: str,  # noqa: A002 - the scheme's word
    title: str,
    version: str,
    normalise: str = "minmax",
    range: tuple[float, float] = (0.0, 100.0),  # noqa: A002
    aggregation: str = "mean",
    description: str = "",
    source: str = "",
    level_names: Mapping[int, str] = LEVEL_NAMES,
) -> str:
    """The YAML text of a scheme built from a COINr ``iMeta`` table.

    Rows of ``Type`` Indicator and Aggregate make the tree (``Parent`` links a row to the
    aggregate above it; the aggregate with no parent is the index, i.e. the root ``overall``);
    other rows (groups, denominators) are left out. Each indicator becomes a numeric leaf
    ``{normalise, range, best}`` with ``best: low`` where ``Direction`` is -1; ``Weight`` is
    every node's weight; levels are named by ``level_names`` (COINr Level -> name).
    """
    m = meta if isinstance(meta, pd.DataFrame) else pd.read_csv(meta)
    m = m[m["Type"].isin(["Indicator", "Aggregate"])].copy()
    m["Level"] = m["Level"].astype(int)
    top = int(m["Level"].max())
    roots = m[m["Parent"].isna() | (m["Level"] == top)]
    if len(roots) != 1:
        raise ValueError(f"iMeta needs one index row at the top level (found {len(roots)})")
    root = roots.iloc[0]["iCode"]
    kids: dict[str, list[pd.Series]] = {}
    for _, r in m.iterrows():
        if r["iCode"] != root:
            kids.setdefault(r["Parent"], []).append(r)
    levels = [level_names.get(top - d, f"level{top - d}") for d in builtins.range(1, top)]
    out = [
        f"# Generated from a COINr iMeta table by indexer.coinr.scheme_from_imeta; root = COINr's {root!r}.",
        f"id: {id}",
        f"title: {json.dumps(title, ensure_ascii=False)}",
        f"version: {json.dumps(version)}",
    ]
    if description:
        out.append(f"description: {json.dumps(description, ensure_ascii=False)}")
    if source:
        out.append(f"source: {json.dumps(source, ensure_ascii=False)}")
    out += [
        "scale: [0, 100]",
        f"levels: [{', '.join(levels)}]",
        f"aggregation: {aggregation}",
        "missing: skip",
        "children:",
    ]

    def emit(code: str, indent: str) -> None:
        for r in kids.get(code, []):
            out.append(f"{indent}- code: {yaml_scalar(str(r['iCode']))}")
            pad = indent + "  "
            out.append(f"{pad}title: {json.dumps(str(r['iName']), ensure_ascii=False)}")
            w = r.get("Weight")
            if w is not None and not (isinstance(w, float) and math.isnan(w)) and float(w) != 1:
                out.append(f"{pad}weight: {_num(w)}")
            if r["Type"] == "Indicator":
                best = "low" if float(r.get("Direction", 1)) < 0 else "high"
                unit = r.get("Unit")
                unit_part = f", unit: {json.dumps(str(unit), ensure_ascii=False)}" if isinstance(unit, str) and unit else ""
                out.append(f"{pad}numeric: {{normalise: {normalise}, range: [{_num(range[0])}, {_num(range[1])}], "
                           f"best: {best}{unit_part}}}")
            else:
                out.append(f"{pad}children:")
                emit(str(r["iCode"]), pad + "  ")

    emit(root, "  ")
    return "\n".join(out) + "\n"


def extra_columns(meta: pd.DataFrame) -> list[str]:
    """The iData columns a COINr iMeta table declares as groups or denominators (neither
    indicators nor aggregates): the columns an import of iData skips."""
    return [str(c) for c in meta.loc[~meta["Type"].isin(["Indicator", "Aggregate"]), "iCode"]]


def profiles_from_idata(frame: pd.DataFrame, meta: pd.DataFrame, scheme: Scheme, **options: object) -> ImportResult:
    """:func:`import_idata` in memory: an iData frame to profiles with no YAML in between
    (:func:`indexer.tables.profiles_from_frame`), the same columns skipped."""
    from .tables import profiles_from_frame

    options = {"provenance": "published", **options}
    ignore: Sequence[str] = [*extra_columns(meta), *options.pop("ignore", ())]  # type: ignore[misc]
    return profiles_from_frame(frame, scheme, layout="wide", ignore=ignore, **options)


def import_idata(
    data: str | Path,
    meta: pd.DataFrame | str | Path,
    scheme: Scheme,
    out_dir: str | Path,
    **options: object,
) -> ImportResult:
    """Profiles from a COINr ``iData`` table through the table importer: ``uCode`` (ISO3) is
    the country, ``Time`` the year; the group and denominator columns named in ``meta`` and
    the unit name are skipped. ``options`` go to :func:`indexer.tables.import_table`."""
    m = meta if isinstance(meta, pd.DataFrame) else pd.read_csv(meta)
    options = {"provenance": "published", **options}
    ignore: Sequence[str] = [*extra_columns(m), *options.pop("ignore", ())]  # type: ignore[misc]
    return import_table(data, scheme, out_dir, layout="wide", ignore=ignore, **options)  # type: ignore[arg-type]


__all__ = ["scheme_from_imeta", "import_idata", "profiles_from_idata", "extra_columns", "LEVEL_NAMES", "ROOT"]
