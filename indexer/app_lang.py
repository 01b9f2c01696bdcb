"""The app's language: the sidebar selector, the current language, and the scheme shown in it.

The language lives in session state (``lang``), so every page reads the same choice; messages
come from the catalogue (:mod:`indexer.i18n`), a scheme's texts from its translation file
(:func:`indexer.translate.translated`), country names and numbers from CLDR (Babel). Only
labels change with the language: widget keys and the values they hold stay the same, so a
selection survives a switch of language.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

from .i18n import DEFAULT_LANGUAGE, LANGUAGES, fmt_number, language_name, t
from .model import Scheme
from .translate import Translation, translated

#: the session-state key of the selector
LANG_KEY = "lang"


def current() -> str:
    """The language the user picked (English outside a Streamlit run)."""
    try:
        lang = st.session_state.get(LANG_KEY, DEFAULT_LANGUAGE)
    except Exception:  # noqa: BLE001 - no session (a bare import, a unit test)
        return DEFAULT_LANGUAGE
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


def tr(key: str, /, **kw: Any) -> str:
    """The message ``key`` in the current language."""
    return t(key, current(), **kw)


def translator(lang: str | None = None) -> Callable[..., str]:
    """``tr(key, **kw)`` bound to ``lang`` (default: the current language). Pages take one at
    the top and use it in ``format_func`` callbacks too: a widget's options are formatted again
    outside the run (AppTest does), where the session's language cannot be read."""
    bound = lang or current()

    def tr_(key: str, /, **kw: Any) -> str:
        return t(key, bound, **kw)

    return tr_


def num(x: float, digits: int | None = None) -> str:
    """A number as the current language writes it (``66,7`` in Russian)."""
    return fmt_number(x, current(), digits)


def selector(where: Any = None) -> str:
    """The language selector (a bilingual label, so it reads in either language); returns the
    language picked."""
    if st.session_state.get(LANG_KEY) not in LANGUAGES:
        st.session_state[LANG_KEY] = DEFAULT_LANGUAGE
    (where or st).selectbox("Language · Язык", list(LANGUAGES), key=LANG_KEY,
                            format_func=lambda x: language_name(x).capitalize())
    return current()


@st.cache_resource(max_entries=16, show_spinner=False)
def _cached_shown(root: str, version: str, scheme_id: str, lang: str, _scheme: Scheme) -> tuple[Scheme, Translation | None]:
    shown, translation, _ = translated(_scheme, lang)
    return shown, translation


def shown(data: Any, scheme_id: str, lang: str | None = None) -> tuple[Scheme, Translation | None]:
    """The scheme ``scheme_id`` of ``data`` (``app_data.AppData``) with its texts in the
    current language (or ``lang``), and its translation (for bands and level names); the English scheme and
    None where there is no usable translation. Codes, values and scores are the same."""
    return _cached_shown(str(data.root), data.version, scheme_id, lang or current(), data.schemes[scheme_id])


def band(translation: Translation | None, label: Any) -> Any:
    """A band label in the current language (unchanged where untranslated or missing)."""
    return translation.band(label) if translation is not None and isinstance(label, str) else label


__all__ = ["LANG_KEY", "current", "tr", "translator", "num", "selector", "shown", "band"]
