"""Compare: countries side by side against a baseline (a statistic of a group's scores).

Everything here works on one scoring of all the profiles involved (``score.score_arrays``): the
compared countries and the group's members are rows of one matrix, so a baseline at every node
is one nan-aware reduction, and a time series is the same reduction for each year.

Year rule (SPEC §5): for a year ``Y`` each country (compared or member) contributes its profile
for ``Y`` or else its latest earlier one; the year actually used is kept in every row.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

import numpy as np
import pandas as pd

from .bounds import rank_bounds, verdicts
from .model import DEFAULT_STAT, STATS, Group, Profile, Scheme  # noqa: F401 - STATS, DEFAULT_STAT: compare's vocabulary
from .notes import Listed, Note, Pct
from .score import ScoreArrays, score_arrays, sort_profiles

CSV_COLUMNS = ["code", "level", "depth", "country", "year", "score", "baseline", "gap", "baseline_n",
               "coverage", "lower", "upper", "baseline_lower", "baseline_upper", "verdict", "rank_best", "rank_worst"]
"""SPEC §5's columns, then the country's ``coverage`` (a provisional score, ``--min-coverage``,
is read with it) and the bounds of SPEC §3.1: the country's ``lower``/``upper``, the
baseline statistic of the members' ``lower``/``upper`` values (over the members behind the
baseline, i.e. those with a score, as for ``baseline`` itself), the ``verdict`` (above, below,
equal, undetermined; empty without a baseline or bounds) and the best and worst rank the country
can still reach in the group (``bounds.rank_bounds``)."""
CSV_COLUMNS += ["coding"]  # extension (README): the coding of the compared country's profile, last


class CompareError(ValueError):
    """A comparison that cannot be made (unknown group, a country without a profile)."""


# ----------------------------------------------------------------------------------------------
# kernels


def baseline_stat(values: np.ndarray, stat: str) -> tuple[np.ndarray, np.ndarray]:
    """A statistic of each column over the rows that have a value.

    ``values`` is (members × nodes) with NaN for "no score". Returns (statistic, n) per column,
    where n counts the members with a score; a column with n = 0 has a NaN statistic. Members
    without a score are left out, never counted as zero. ``median`` of an even count is the mean
    of the two middle values.
    """
    n = (~np.isnan(values)).sum(axis=0)
    if values.shape[0] == 0:
        return np.full(values.shape[1], np.nan), n
    fn = {"mean": np.nanmean, "median": np.nanmedian, "min": np.nanmin, "max": np.nanmax}[stat]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        out = fn(values, axis=0)
    return np.where(n > 0, out, np.nan), n


def competition_rank(score: np.ndarray, pool: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Rank of ``score`` (per column) within ``pool`` (rows × columns), 1 = highest.

    Ties share the best rank ("1, 2, 2, 4"). ``pool`` must already contain the ranked country
    (the caller adds it when it is not a member). Returns (rank, n) where n counts the scored
    rows; rank is NaN where the score is missing.
    """
    scored = ~np.isnan(pool)
    n = scored.sum(axis=0)
    higher = (np.where(scored, pool, -np.inf) > score[None, :]).sum(axis=0)
    rank = np.where(np.isnan(score), np.nan, higher + 1.0)
    return rank, n


def weight_shares(scheme: Scheme, exclude: Sequence[str] = ()) -> dict[str, float]:
    """Each node's share of the overall score: the product, down its path, of
    ``w / Σ w(siblings)``. Exact for weighted means when every sibling has a score; a first-order
    guide otherwise (geometric, median, missing siblings)."""
    excluded: set[str] = set()
    for code in exclude:
        if code in scheme.index:
            excluded.add(code)
            excluded.update(d.code for d in scheme.descendants(code))
    shares = {scheme.root.code: 1.0}
    for node in scheme.nodes:
        kids = [c for c in node.children if c.code not in excluded]
        total = sum(c.weight for c in kids)
        for c in kids:
            shares[c.code] = shares[node.code] * c.weight / total
    return shares


# ----------------------------------------------------------------------------------------------
# selecting profiles by year


@dataclass(frozen=True)
class Scored:
    """One scoring of every profile (every coding) of a scheme, indexed by country and year.

    ``rows`` holds one coding per country-year, chosen by ``indexer.codings.choose`` with
    ``prefer`` and ``answers``; :meth:`choose` picks again without scoring again.
    """

    scheme: Scheme
    arrays: ScoreArrays
    rows: dict[str, list[tuple[int, int]]]  # country -> [(year, row)], years ascending
    exclude: tuple[str, ...] = ()
    min_coverage: float | None = None
    prefer: tuple[str, ...] = ()
    answers: bool = False

    @classmethod
    def of(cls, scheme: Scheme, profiles: Sequence[Profile], exclude: Sequence[str] = (),
           min_coverage: float | None = None, *, prefer: Sequence[str] = (), answers: bool = False) -> Scored:
        """Score ``profiles`` once (``exclude`` and ``min_coverage`` as in ``score_arrays``);
        ``prefer`` and ``answers`` choose the coding of each country-year (``indexer.codings``)."""
        profs = sort_profiles([p for p in profiles if p.scheme == scheme.id])
        arrays = score_arrays(scheme, profs, exclude=exclude, min_coverage=min_coverage)
        return cls(scheme, arrays, {}, tuple(exclude), min_coverage).choose(prefer, answers=answers)

    def choose(self, prefer: Sequence[str] = (), *, answers: bool = False) -> Scored:
        """The same scoring with the coding of each country-year chosen anew."""
        from .codings import choose

        rows: dict[str, list[tuple[int, int]]] = {}
        for i in choose(self.arrays.profiles, prefer, answers=answers):
            p = self.arrays.profiles[i]
            rows.setdefault(p.country, []).append((p.year, i))
        return replace(self, rows=rows, prefer=tuple(prefer), answers=answers)

    def codings_of(self, country: str, year: int) -> list[Profile]:
        """Every coding of ``country`` for ``year`` (the one in use and the others)."""
        return [p for p in self.arrays.profiles if p.country == country and p.year == year]

    def row_for(self, country: str, year: int | None) -> tuple[int, int] | None:
        """(year used, row) of the country's profile for ``year`` or its latest earlier one."""
        best = None
        for y, i in self.rows.get(country, []):
            if year is None or y <= year:
                best = (y, i)
        return best

    def rows_in_coding(self, country: str, coding: str) -> list[tuple[int, int]]:
        """(year, row) of the country's profiles in use that belong to ``coding``, years
        ascending: the states of one reading of the law (another coding's years are another
        reading, not an earlier state)."""
        return [(y, i) for y, i in self.rows.get(country, []) if self.profile(i).coding == coding]

    def latest_year(self, countries: Sequence[str]) -> int | None:
        years = [self.rows[c][-1][0] for c in countries if c in self.rows]
        return max(years) if years else None

    def years(self) -> list[int]:
        return sorted({y for rows in self.rows.values() for y, _ in rows})

    def profile(self, row: int) -> Profile:
        return self.arrays.profiles[row]


# ----------------------------------------------------------------------------------------------
# the comparison


@dataclass(frozen=True)
class Comparison:
    """Compared countries side by side at every node, with the baseline and ranks.

    ``table`` has one row per node per compared country (nodes in tree order):
    code, title, level, depth, country, year (of the profile used), score, coverage, band,
    baseline, gap (= score − baseline), baseline_n, rank, rank_n, provenance, thin (the baseline
    value rests on fewer than half of the group's members, see :func:`is_thin`), and the bounds
    (SPEC §3.1): lower, upper, baseline_lower, baseline_upper, verdict, rank_best, rank_worst.
    """

    scheme: Scheme
    year: int
    countries: tuple[str, ...]
    group: Group | None
    stat: str
    table: pd.DataFrame
    years_used: dict[str, int]  # compared country -> year of the profile used
    members_used: dict[str, int] = field(default_factory=dict)  # member -> year used
    exclude: tuple[str, ...] = ()
    min_coverage: float | None = None
    member_provenance: dict[str, str] = field(default_factory=dict)  # member -> provenance of the profile used
    member_coding: dict[str, str] = field(default_factory=dict)  # member -> coding of the profile used
    #: country -> the profiles of the other codings of its year (those not used)
    other_profiles: dict[str, list[Profile]] = field(default_factory=dict)

    @property
    def carried(self) -> dict[str, int]:
        """Countries (compared or members) whose profile is older than ``year``."""
        out = {c: y for c, y in {**self.members_used, **self.years_used}.items() if y < self.year}
        return dict(sorted(out.items()))

    @property
    def illustrative(self) -> list[str]:
        t = self.table
        return sorted(set(t.loc[t.provenance == "illustrative", "country"]))

    @property
    def other_codings(self) -> dict[str, list[str]]:
        """Country -> labels (``desk (illustrative)``) of the other codings of its year, not used."""
        from .codings import label

        return {c: [label(p) for p in ps] for c, ps in self.other_profiles.items()}

    @property
    def illustrative_members(self) -> list[str]:
        """Baseline members whose profile used (the coding chosen for them) is an illustrative
        coding rather than published or official figures."""
        return sorted(m for m, p in self.member_provenance.items() if p == "illustrative")

    def csv_frame(self) -> pd.DataFrame:
        return self.table[CSV_COLUMNS]

    def baseline_rows(self, codes: Sequence[str] | None = None) -> pd.DataFrame:
        """One row per node (the first compared country's), for the baseline columns; ``codes``
        keeps those nodes only (e.g. the areas a chart shows)."""
        b = self.table.drop_duplicates("code")
        return b if codes is None else b[b.code.isin(list(codes))]

    def thin_codes(self, codes: Sequence[str] | None = None) -> list[str]:
        """Nodes whose baseline value rests on fewer than half of the group's members."""
        b = self.baseline_rows(codes)
        return list(b.loc[b.thin, "code"])

    def empty_codes(self, codes: Sequence[str] | None = None) -> list[str]:
        """Nodes where no member of the group has a score (no baseline value)."""
        if self.group is None:
            return []
        b = self.baseline_rows(codes)
        return list(b.loc[b.baseline_n.fillna(0) == 0, "code"])


def is_thin(n: np.ndarray | int, members: int) -> np.ndarray | bool:
    """A baseline value is *thin* when it rests on fewer than half of its group's members:
    ``0 < n < members / 2`` (n = members with a score at that node). n = 0 is no baseline at
    all (see :func:`empty_baseline_reason`), not a thin one."""
    n = np.asarray(n)
    return (n > 0) & (2 * n < members)


#: up to this many thin nodes are named one by one; more are counted by level ("63 questions (n = 1–2)")
THIN_LISTED = 8


def thin_note(cmp_: Comparison, codes: Sequence[str] | None = None) -> str:
    """The words for thin baseline values among ``codes`` (default: every node shown): which
    nodes, and n of how many members ('' if none). English; :func:`thin_notes` for the data."""
    return " ".join(str(n) for n in thin_notes(cmp_, codes))


def thin_notes(cmp_: Comparison, codes: Sequence[str] | None = None) -> tuple[Note, ...]:
    """:func:`thin_note` as data (a view renders it in its language with ``note.text(lang)``)."""
    if cmp_.group is None:
        return ()
    b = cmp_.baseline_rows(codes)
    b = b[b.thin]
    if b.empty:
        return ()
    g = cmp_.group
    if len(b) <= THIN_LISTED:
        at = tuple(Note.of("note.base.thin_at", code=r.code, n=int(r.baseline_n)) for r in b.itertuples(index=False))
    else:  # many thin nodes (e.g. every question where only a few members are coded): by level
        parts: list[Note] = []
        for lv in dict.fromkeys(b.level):
            rows = b[b.level == lv]
            if len(rows) <= THIN_LISTED:
                parts += [Note.of("note.base.thin_at", code=r.code, n=int(r.baseline_n))
                          for r in rows.itertuples(index=False)]
            else:
                lo, hi = int(rows.baseline_n.min()), int(rows.baseline_n.max())
                parts.append(Note.of("note.base.thin_level", k=len(rows), level=lv,
                                     range=str(lo) if lo == hi else f"{lo}–{hi}"))
        at = tuple(parts)
    return (Note.of("note.base.thin", at=at, group=g.name, stat=Note.of(f"stat.{cmp_.stat}"), n=len(g.members)),)


def empty_baseline_reason(cmp_: Comparison, scored: Scored | None = None,
                          codes: Sequence[str] | None = None) -> str:
    """Why no member of the group has a score at some nodes ('' when every node has a baseline).
    English; :func:`empty_baseline_notes` for the data."""
    return " ".join(str(n) for n in empty_baseline_notes(cmp_, scored, codes))


def empty_baseline_notes(cmp_: Comparison, scored: Scored | None = None,
                         codes: Sequence[str] | None = None) -> tuple[Note, ...]:
    """Why no member of the group has a score at some nodes (none when every node has a
    baseline), as notes (``str(note)``: English; ``note.text(lang)``).

    Names the nodes, the members that have a profile up to the year (with its year and
    provenance) and those that have none, the compared countries that are members themselves,
    and for each member with a profile why it has no score there (too few indicators answered
    for the scheme's coverage rule, or published scores of other nodes only).
    """
    empty = cmp_.empty_codes(codes)
    g = cmp_.group
    if g is None or not empty:
        return ()
    scheme = cmp_.scheme
    shown = cmp_.baseline_rows(codes)
    if len(empty) == len(shown):
        where = Note.of("note.base.where_any")
    else:  # by level: "every indicator", or the codes (at most 8 named)
        by_level: dict[str, list[str]] = {}
        for code in empty:
            by_level.setdefault(scheme.node(code).level, []).append(code)
        bits = []
        for lv, codes_ in by_level.items():
            if len(codes_) == int((shown.level == lv).sum()) and len(codes_) > 1:
                bits.append(Note.of("note.base.where_every", level=lv, n=len(codes_)))
            elif len(codes_) > 8:
                bits.append(Note.of("note.base.where_more", codes=tuple(codes_[:8]), n=len(codes_) - 8, level=lv))
            else:
                bits.append(Note.of("note.base.where_codes", codes=tuple(codes_)))
        where = Note.of("note.base.where_at", bits=tuple(bits))
    stat = Note.of(f"stat.{cmp_.stat}")
    parts = [Note.of("note.base.none", group=g.name, where=where, stat=stat)]
    have = sorted(cmp_.members_used)
    none = [m for m in g.members if m not in cmp_.members_used]
    prov = cmp_.member_provenance
    listed: tuple[Note, ...] | Note = ()
    if have and len(have) <= 8:
        listed = tuple(Note.of("note.base.member", country=m, year=str(cmp_.members_used[m]),
                               provenance=prov.get(m, "?")) for m in have)
    elif have:
        kinds = pd.Series([prov.get(m, "?") for m in have]).value_counts()
        listed = Note.of("note.base.members_count", n=len(have),
                         kinds=tuple(Note.of("note.base.kind_count", n=int(v), provenance=str(k))
                                     for k, v in kinds.items()))
    if have:
        rest = (Note.of("note.base.have_rest", none=tuple(none), n=len(none)) if none
                else Note.of("note.base.stop"))
        parts.append(Note.of("note.base.have_one" if len(have) == 1 else "note.base.have", n=len(g.members),
                             listed=listed, scheme=scheme.id, year=str(cmp_.year), rest=rest))
    else:
        parts.append(Note.of("note.base.nobody", n=len(g.members), members=tuple(g.members), scheme=scheme.id,
                             year=str(cmp_.year)))
    own = [c for c in cmp_.countries if c in g.members]
    if own:
        tail = Note.of("note.base.own_largely", n=len(own)) if 2 * len(own) >= len(have) else Note.of("note.base.stop")
        parts.append(Note.of("note.base.own", own=tuple(own), n=len(own), tail=tail))
    if scored is not None and have:
        code = empty[0]
        k = scheme.index[code]
        node = scheme.node(code)
        given_only: list[str] = []
        low: list[Note] = []
        unanswered: list[str] = []
        for m in have:
            r = scored.row_for(m, cmp_.year)
            if r is None:
                continue
            p = scored.profile(r[1])
            cov = scored.arrays.coverage[r[1], k]
            if p.scores and not p.answers:
                given_only.append(m)
            elif not node.is_leaf and cov == cov and cov > 0:
                low.append(Note.of("note.base.why_low_item", country=m, cov=Pct(float(cov))))
            else:
                unanswered.append(m)
        why: list[Note] = []
        if given_only:
            who = (Note.of("note.base.all_with_profile", n=len(given_only)) if len(given_only) == len(have) > 8
                   else tuple(given_only))
            why.append(Note.of("note.base.why_given", who=who))
        if low:
            why.append(Note.of("note.base.why_low", need=Pct(scheme.min_coverage_of(node)), items=tuple(low)))
        if unanswered:
            why.append(Note.of("note.base.why_none", items=tuple(unanswered)))
        parts.append(Note.of("note.base.why", code=code, why=Listed(tuple(why), "; ")))
    return tuple(parts)


def compare(
    scheme: Scheme,
    profiles: Sequence[Profile] | Scored,
    countries: Sequence[str],
    *,
    group: Group | None = None,
    stat: str = DEFAULT_STAT,
    year: int | None = None,
    level: str | int | None = None,
    exclude: Sequence[str] = (),
    min_coverage: float | None = None,
    coding: Sequence[str] = (),
) -> Comparison:
    """Side-by-side scores of ``countries`` and gaps to ``stat`` of ``group``'s scores.

    ``year``: each country's profile for that year or its latest earlier one (default: the
    latest year of the compared countries). ``level``: stop at that depth (a level name or a
    depth number). ``exclude``: codes whose subtrees are dropped before scoring (e.g. HEALTH).
    ``min_coverage``: replaces the scheme's coverage thresholds for the compared countries'
    scores (0 shows provisional scores of partly answered profiles); baselines always keep the
    scheme's own thresholds, so that a provisional reading never changes the yardstick.
    ``coding``: coding ids preferred where a country-year has several codings (see
    ``indexer.codings``; default: published, official, expert, illustrative).
    Raises :class:`CompareError` for a compared country without a profile up to ``year``.
    """
    if stat not in STATS:
        raise CompareError(f"unknown statistic {stat!r}; use one of {', '.join(STATS)}")
    scored = profiles if isinstance(profiles, Scored) else Scored.of(scheme, profiles, exclude, prefer=coding)
    if isinstance(profiles, Scored) and tuple(coding) and tuple(coding) != scored.prefer:
        scored = scored.choose(coding, answers=scored.answers)
    if min_coverage is not None and min_coverage != scored.min_coverage:
        own = Scored.of(scheme, scored.arrays.profiles, scored.exclude, min_coverage,
                        prefer=scored.prefer, answers=scored.answers)
    else:
        own = scored
    countries = tuple(dict.fromkeys(countries))
    if not countries:
        raise CompareError("name at least one country to compare")
    if year is None:
        year = scored.latest_year(countries)
        if year is None:
            raise CompareError(f"no profile of {scheme.id} for {', '.join(countries)}")
    used: dict[str, tuple[int, int]] = {}
    for c in countries:
        r = scored.row_for(c, year)
        if r is None:
            raise CompareError(f"{c} has no profile of {scheme.id} for {year} or earlier")
        used[c] = r
    members: dict[str, tuple[int, int]] = {}
    if group is not None:
        for m in group.members:
            r = scored.row_for(m, year)
            if r is not None:
                members[m] = r
    S = own.arrays.score  # the compared countries' scores (rows are the same in both scorings)
    C = own.arrays.coverage
    keep = _keep_nodes(scheme, level, scored.exclude)
    nodes = [scheme.nodes[k] for k in keep]
    member_rows = [i for _, i in members.values()]
    M = scored.arrays.score[np.ix_(member_rows, keep)] if member_rows else np.empty((0, len(keep)))
    LO, UP = scored.arrays.lower[:, keep], scored.arrays.upper[:, keep]  # bounds ignore min_coverage
    # the members behind the baseline (and the ranks) are those with a score: their bounds, no others
    ML = np.where(np.isnan(M), np.nan, LO[member_rows]) if member_rows else np.empty((0, len(keep)))
    MU = np.where(np.isnan(M), np.nan, UP[member_rows]) if member_rows else np.empty((0, len(keep)))
    if group is not None:
        base, base_n = baseline_stat(M, stat)
        base_lo, _ = baseline_stat(ML, stat)
        base_up, _ = baseline_stat(MU, stat)
    else:
        base, base_n = np.full(len(keep), np.nan), np.zeros(len(keep), dtype=int)
        base_lo = base_up = np.full(len(keep), np.nan)
    frames = []
    for c in countries:
        y, i = used[c]
        s = S[i, keep]
        if group is not None:
            others = [k for k, m in enumerate(members) if m != c]  # the country counts once, as compared
            pool = np.vstack([M[others], s[None, :]])
            rank, rank_n = competition_rank(s, pool)
            best, worst, _ = rank_bounds(LO[i], UP[i], ML[others], MU[others])
        else:
            rank, rank_n = np.full(len(keep), np.nan), np.zeros(len(keep), dtype=int)
            best = worst = np.full(len(keep), np.nan)
        frames.append(pd.DataFrame({
            "code": [x.code for x in nodes],
            "title": [x.title for x in nodes],
            "level": [x.level for x in nodes],
            "depth": [x.depth for x in nodes],
            "country": c,
            "year": y,
            "score": s,
            "coverage": C[i, keep],
            "baseline": base,
            "gap": s - base,
            "baseline_n": base_n if group is not None else pd.array([pd.NA] * len(keep), dtype="Int64"),
            "rank": rank,
            "rank_n": rank_n if group is not None else pd.array([pd.NA] * len(keep), dtype="Int64"),
            "lower": LO[i],
            "upper": UP[i],
            "baseline_lower": base_lo,
            "baseline_upper": base_up,
            "verdict": verdicts(LO[i], UP[i], base_lo, base_up),
            "rank_best": best,
            "rank_worst": worst,
            "provenance": scored.profile(i).provenance,
            "coding": scored.profile(i).coding,
            "order": np.arange(len(keep)),
        }))
    table = pd.concat(frames, ignore_index=True)
    table["thin"] = (is_thin(table["baseline_n"].fillna(0).to_numpy(dtype=int), len(group.members))
                     if group is not None else False)
    table["band"] = [scheme.band(v) for v in table["score"]]
    table = table.sort_values(["order"], kind="stable").drop(columns="order").reset_index(drop=True)
    if group is not None:
        table["baseline_n"] = table["baseline_n"].astype("Int64")
        table["rank_n"] = table["rank_n"].astype("Int64")
    for col in ("rank_best", "rank_worst"):
        table[col] = pd.array([None if v != v else int(v) for v in table[col]], dtype="Int64")
    return Comparison(
        scheme=scheme, year=year, countries=countries, group=group, stat=stat, table=table,
        years_used={c: used[c][0] for c in countries}, members_used={m: r[0] for m, r in members.items()},
        exclude=scored.exclude, min_coverage=own.min_coverage,
        member_provenance={m: scored.profile(r[1]).provenance for m, r in members.items()},
        member_coding={m: scored.profile(r[1]).coding for m, r in members.items()},
        other_profiles=_other_profiles(scored, {**members, **used}),
    )


def _other_profiles(scored: Scored, used: dict[str, tuple[int, int]]) -> dict[str, list[Profile]]:
    """For each country whose year has more than one coding: the profiles of the codings not used."""
    out = {}
    for c, (y, i) in used.items():
        others = [p for p in scored.codings_of(c, y) if p is not scored.profile(i)]
        if others:
            out[c] = others
    return dict(sorted(out.items()))


def _keep_nodes(scheme: Scheme, level: str | int | None, exclude: Sequence[str]) -> list[int]:
    max_depth = None
    if level is not None:
        if isinstance(level, int) or (isinstance(level, str) and level.isdigit()):
            max_depth = int(level)
        elif level == "overall":
            max_depth = 0
        elif level in scheme.levels:
            max_depth = scheme.levels.index(level) + 1
        else:
            raise CompareError(f"{scheme.id} has no level {level!r} ({', '.join(('overall',) + scheme.levels)})")
    dropped: set[str] = set()
    for code in exclude:
        if code in scheme.index:
            dropped.add(code)
            dropped.update(d.code for d in scheme.descendants(code))
    return [k for k, n in enumerate(scheme.nodes)
            if n.code not in dropped and (max_depth is None or n.depth <= max_depth)]


# ----------------------------------------------------------------------------------------------
# time series, gaps


def time_series(
    scheme: Scheme,
    profiles: Sequence[Profile] | Scored,
    countries: Sequence[str],
    years: Sequence[int],
    *,
    group: Group | None = None,
    stat: str = DEFAULT_STAT,
    level: str | int | None = None,
    exclude: Sequence[str] = (),
    min_coverage: float | None = None,
    coding: Sequence[str] = (),
) -> pd.DataFrame:
    """The comparison for each year in ``years`` (scored once): one row per year, node and
    country, with ``as_of`` (the year asked) and ``year`` (the profile's year actually used).
    Years before a country's first profile are left out for that country."""
    scored = profiles if isinstance(profiles, Scored) else Scored.of(scheme, profiles, exclude)
    if tuple(coding) != scored.prefer:
        scored = scored.choose(coding, answers=scored.answers)
    frames = []
    for y in years:
        present = [c for c in countries if scored.row_for(c, y) is not None]
        if not present:
            continue
        cmp_ = compare(scheme, scored, present, group=group, stat=stat, year=y, level=level, min_coverage=min_coverage)
        frames.append(cmp_.table.assign(as_of=y))
    if not frames:
        return pd.DataFrame(columns=["as_of", *CSV_COLUMNS])
    out = pd.concat(frames, ignore_index=True)
    return out[["as_of"] + [c for c in out.columns if c != "as_of"]]


def gaps(comparison: Comparison, country: str, *, levels: Sequence[str] | None = None) -> pd.DataFrame:
    """Where ``country`` lags the baseline, ordered by how much closing each gap would raise
    its overall score: ``impact = weight_share × (baseline − score)``.

    ``weight_share`` is the node's share of the overall score (see :func:`weight_shares`).
    Only nodes with both a score and a baseline, and a negative gap, are listed; ``levels``
    keeps some levels only (e.g. ``["area", "indicator"]``).
    """
    t = comparison.table
    t = t[(t.country == country) & (t.depth > 0)].copy()
    shares = weight_shares(comparison.scheme, comparison.exclude)
    t["weight_share"] = [shares.get(c, np.nan) for c in t.code]
    t = t[t.gap.notna() & (t.gap < 0)]
    if levels:
        t = t[t.level.isin(list(levels))]
    t["impact"] = t.weight_share * (t.baseline - t.score)
    cols = ["code", "title", "level", "depth", "score", "baseline", "gap", "baseline_n", "weight_share", "impact"]
    return t.sort_values(["impact", "code"], ascending=[False, True])[cols].reset_index(drop=True)
