"""Notes as data: what the library says about a result, as a catalogue key and its values.

An analysis (``whatif``, ``transfer``, ``compare``'s baseline notes) explains its result in
sentences a reader sees in the app, the CLI and the PDF. The library decides *what* to say and
with which values; it does not decide the language. A :class:`Note` is that decision: a key of
the message catalogue (:mod:`indexer.i18n`, the ``note.*`` entries of
:mod:`indexer.i18n_notes`) and its parameters, with the numbers unformatted. A view renders it in
its language with :func:`say` (``note.text("ru")``); ``str(note)`` is the English, which the CLI
prints and JSON exports carry, so the library never takes a ``lang`` argument and its results
(cached by the app) are the same whatever language shows them.

Parameters are plain values, each formatted by the language's CLDR rules when rendered:

- ``str``: codes, country codes, names — placed as they are;
- ``int``: grouped digits (``2,000`` / ``2 000``);
- :class:`Num`: a float with a fixed number of decimals (NaN: ``–``);
- :class:`Pct`: a share (0–1) as a percentage (``40%`` / ``40 %``);
- a tuple: its items rendered and joined with ``, `` (:class:`Listed`: with another separator);
- a :class:`Note`: a phrase rendered in the same language (a part of the sentence).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .i18n import DEFAULT_LANGUAGE


@dataclass(frozen=True)
class Num:
    """A number shown with ``digits`` decimals (``sign``: with + or −)."""

    value: float
    digits: int | None = 2  # None: up to 6 significant digits (``:g``)
    sign: bool = False


@dataclass(frozen=True)
class Pct:
    """A share (0.4) shown as a percentage (``40%``) with ``digits`` decimals."""

    value: float
    digits: int = 0


@dataclass(frozen=True)
class Listed:
    """Items (each rendered like a parameter) joined with ``sep`` (a plain tuple joins with ``, ``)."""

    items: tuple[Any, ...]
    sep: str = ", "


@dataclass(frozen=True)
class Note:
    """A sentence as data: ``key`` of the message catalogue and its ``params`` (a tuple of
    (name, value) pairs, so that a note is hashable). ``str(note)`` is its English text."""

    key: str
    params: tuple[tuple[str, Any], ...] = ()

    @classmethod
    def of(cls, key: str, /, **params: Any) -> Note:
        """``Note.of("note.whatif.nothing")``, ``Note.of("note.transfer.short", best=Num(80.0))``."""
        return cls(key, tuple(params.items()))

    @property
    def values(self) -> dict[str, Any]:
        return dict(self.params)

    def text(self, lang: str = DEFAULT_LANGUAGE) -> str:
        """The sentence in ``lang`` (English where the catalogue has no entry in it)."""
        from .i18n import t

        # ``n`` stays a number: the catalogue picks its plural form by it (and formats it)
        return t(self.key, lang, **{k: v if k == "n" and isinstance(v, int) and not isinstance(v, bool)
                                    else _fmt(v, lang) for k, v in self.params})

    def __str__(self) -> str:
        return self.text(DEFAULT_LANGUAGE)

    def to_json(self) -> dict[str, Any]:
        """``{"key", "params", "text"}``: the key and the values (numbers as numbers) for
        machines, the English text for people."""
        return {"key": self.key, "params": {k: _plain(v) for k, v in self.params}, "text": str(self)}


def say(x: Note | str | None, lang: str = DEFAULT_LANGUAGE) -> str:
    """A note in ``lang``; a plain string (a value the library holds as text) as it is."""
    if x is None:
        return ""
    return x.text(lang) if isinstance(x, Note) else str(x)


def _fmt(v: Any, lang: str) -> str:
    from .i18n import fmt_number

    if isinstance(v, Note):
        return v.text(lang)
    if isinstance(v, Num):
        if v.value != v.value:
            return "–"
        s = fmt_number(abs(v.value) if v.sign else v.value, lang, v.digits)
        if v.sign:
            r = round(v.value, v.digits or 6)
            s = ("+" if r > 0 else "−" if r < 0 else "±") + s
        return s if lang == DEFAULT_LANGUAGE else s.replace("-", "−")
    if isinstance(v, Pct):
        if v.value != v.value:
            return "–"
        from babel.numbers import format_percent

        from .i18n import _locale

        loc = _locale(lang)
        pattern = loc.percent_formats[None].pattern  # CLDR's: "#,##0%" (en), "#,##0\xa0%" (ru)
        if v.digits:
            at = pattern.rfind("0") + 1
            pattern = pattern[:at] + "." + "0" * v.digits + pattern[at:]
        return format_percent(v.value, format=pattern, locale=loc)
    if isinstance(v, bool):
        return str(v)
    if isinstance(v, int):
        return fmt_number(v, lang)
    if isinstance(v, float):
        return fmt_number(v, lang, 2)
    if isinstance(v, Listed):
        return v.sep.join(_fmt(x, lang) for x in v.items)
    if isinstance(v, tuple | list):
        return ", ".join(_fmt(x, lang) for x in v)
    return str(v)


def fmt_value(v: Any, lang: str = DEFAULT_LANGUAGE) -> str:
    """A note's parameter as ``lang`` writes it (see the module docstring)."""
    return _fmt(v, lang)


def _plain(v: Any) -> Any:
    if isinstance(v, Note):
        return v.to_json()
    if isinstance(v, Num | Pct):
        return v.value
    if isinstance(v, Listed):
        return [_plain(x) for x in v.items]
    if isinstance(v, tuple | list):
        return [_plain(x) for x in v]
    if isinstance(v, Mapping):
        return {k: _plain(x) for k, x in v.items()}
    return v


__all__ = ["Listed", "Note", "Num", "Pct", "say", "fmt_value"]
