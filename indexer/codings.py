"""Codings: which of several profiles of one country and year a view uses.

A country-year may have several *codings* of one scheme — MIPEX's published scores for DE 2023
and a desk coding of DE 2023, a first and a second coder's drafts of KZ 2024. Each is a profile
with its own ``coding:`` id (default: its provenance), so a profile's identity is (scheme,
country, year, coding). Every coding is scored (the tidy score table has a ``coding`` column);
a comparison or a baseline uses one coding per country-year, chosen by :func:`rank`:

1. a coding the user prefers (``--coding ID``, repeatable, in order; the app's *Coding*
   selector), where the country-year has it;
2. then by provenance: ``published``, ``official``, ``expert``, ``illustrative`` (MIPEX's
   published figures first);
3. ties (two codings of the same provenance) by status — ``final``, ``review``, ``draft`` — and
   then by the coding id in alphabetical order, so the choice never depends on file order.

Indicator-level analyses (gaps, the smallest reform, model countries, adopt-an-area) need
answers, so they choose with ``answers=True``: a country that has any coding with answers up to
the year uses only such codings (its latest one up to the year, ranked as above); a country with
published scores only keeps them (they still count in area and overall baselines).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from .model import PROVENANCE_ORDER, STATUSES, Profile

#: statuses, the most finished first
STATUS_ORDER = tuple(reversed(STATUSES))  # final, review, draft


def rank(p: Profile, prefer: Sequence[str] = ()) -> tuple:
    """Sort key of a coding among the codings of its country-year: lower is chosen first."""
    pref = prefer.index(p.coding) if p.coding in prefer else len(prefer)
    prov = PROVENANCE_ORDER.index(p.provenance) if p.provenance in PROVENANCE_ORDER else len(PROVENANCE_ORDER)
    status = STATUS_ORDER.index(p.status) if p.status in STATUS_ORDER else len(STATUS_ORDER)
    return (pref, prov, status, p.coding)


def choose(profiles: Sequence[Profile], prefer: Sequence[str] = (), *, answers: bool = False) -> list[int]:
    """Indices into ``profiles`` of the one coding used per (country, year).

    ``prefer``: coding ids preferred where a country-year has them, in order. ``answers``: for
    indicator-level analyses; a country with any coding that answers indicators uses only those.
    """
    by_country: dict[str, list[int]] = {}
    for i, p in enumerate(profiles):
        by_country.setdefault(p.country, []).append(i)
    out: list[int] = []
    for idx in by_country.values():
        if answers and any(profiles[i].has_answers for i in idx):
            idx = [i for i in idx if profiles[i].has_answers]
        best: dict[int, int] = {}
        for i in idx:
            y = profiles[i].year
            if y not in best or rank(profiles[i], prefer) < rank(profiles[best[y]], prefer):
                best[y] = i
        out.extend(best.values())
    return sorted(out)


def label(p: Profile) -> str:
    """A coding as views name it: ``desk (illustrative)``, or just ``published`` when the coding
    is its provenance."""
    return p.provenance if p.coding == p.provenance else f"{p.coding} ({p.provenance})"


def known(profiles: Iterable[Profile]) -> list[str]:
    """The coding ids among ``profiles``, in the default order of preference of their provenance."""
    seen: dict[str, Profile] = {}
    for p in profiles:
        if p.coding not in seen or rank(p) < rank(seen[p.coding]):
            seen[p.coding] = p
    return sorted(seen, key=lambda c: rank(seen[c]))
