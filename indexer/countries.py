"""Country codes and names, from pycountry (ISO 3166-1), plus the user-assigned codes."""

from __future__ import annotations

from functools import lru_cache

import pycountry

#: names for user-assigned codes used in this project (ISO leaves them to users)
USER_ASSIGNED_NAMES = {"XK": "Kosovo", "XA": "Atlantis (demo)", "XB": "Borduria (demo)", "XC": "Carpania (demo)"}


def _user_assigned(code: str) -> bool:
    # ISO 3166-1 user-assigned alpha-2 ranges: AA, QM-QZ, XA-XZ, ZZ
    return code == "AA" or code == "ZZ" or (code[0] == "Q" and "M" <= code[1] <= "Z") or code[0] == "X"


@lru_cache(maxsize=1)
def _official() -> frozenset[str]:
    return frozenset(c.alpha_2 for c in pycountry.countries)


@lru_cache(maxsize=4096)
def is_valid_code(code: str) -> bool:
    return len(code) == 2 and (code in _official() or _user_assigned(code))


@lru_cache(maxsize=4096)
def country_name(code: str) -> str:
    """The common English name of a country code (the code itself when unknown)."""
    if code in USER_ASSIGNED_NAMES:
        return USER_ASSIGNED_NAMES[code]
    c = pycountry.countries.get(alpha_2=code)
    if c is None:
        return code
    return getattr(c, "common_name", None) or c.name


def code_of(name_or_code: str) -> str | None:
    """ISO alpha-2 for a country name, alpha-3 or alpha-2 (None when unknown)."""
    s = name_or_code.strip()
    if not s:
        return None
    if s.upper() in USER_ASSIGNED_NAMES and len(s) == 2:
        return s.upper()
    if s.lower() == "kosovo":
        return "XK"
    for key in ("alpha_2", "alpha_3"):
        c = pycountry.countries.get(**{key: s.upper()}) if len(s) in (2, 3) else None
        if c is not None:
            return c.alpha_2
    try:
        return pycountry.countries.lookup(s).alpha_2
    except LookupError:
        pass
    try:
        hits = pycountry.countries.search_fuzzy(s)
    except LookupError:
        return None
    return hits[0].alpha_2 if len(hits) == 1 else None


@lru_cache(maxsize=1)
def _exact_names() -> dict[str, str]:
    """Lower-case alpha-2, alpha-3, name, official and common name -> alpha-2 (no numeric codes)."""
    out: dict[str, str] = {}
    for c in pycountry.countries:
        for attr in ("alpha_2", "alpha_3", "name", "official_name", "common_name"):
            v = getattr(c, attr, None)
            if v:
                out.setdefault(v.lower(), c.alpha_2)
    for code, name in USER_ASSIGNED_NAMES.items():
        out[code.lower()] = code
        out[name.lower()] = code
    return out


def exact_code_of(text: str) -> str | None:
    """ISO alpha-2 for a country code (alpha-2 or alpha-3) or name written exactly (case and
    surrounding spaces aside), else None: no fuzzy matching, no numeric codes (a table's
    ``1`` or ``etc`` is not Sweden or Thailand)."""
    t = text.strip()
    if not t:
        return None
    if len(t) == 2 and t.isascii() and t.isalpha() and _user_assigned(t.upper()):
        return t.upper()  # a user-assigned code (XA-XZ, QM-QZ, AA, ZZ), as a profile may use
    return _exact_names().get(t.lower())
