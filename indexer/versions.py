"""Versions of a questionnaire: which answers of a profile predate their question's revision.

A question (leaf) may carry ``revised: V``, the scheme version in which its meaning last
changed; a profile may say ``scheme_version: W``, the version its answers were given against.
An answer (``n/a`` included: it too read the old wording) is *stale* when its question was
revised after ``W``, or when ``W`` is not stated or cannot be ordered (not dotted whole
numbers). A profile that states the scheme's own version has no stale answer. ``validate``
reports each stale answer as ``revised-question``; ``todo`` lists them to re-read.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import Profile, Scheme, version_key


@dataclass(frozen=True, slots=True)
class Stale:
    code: str
    #: the version in which the question was revised
    revised: str


def stale_answers(profile: Profile, scheme: Scheme) -> tuple[Stale, ...]:
    """The profile's answers given before their question's revision, in the scheme's order."""
    stated = profile.scheme_version
    if stated == scheme.version or not profile.answers:  # published scores alone answer nothing
        return ()
    mine = version_key(stated) if stated else None
    out = []
    for leaf in scheme.leaves:
        if not leaf.revised or profile.answers.get(leaf.code) is None:
            continue
        if mine is not None and mine >= version_key(leaf.revised):  # type: ignore[operator]
            continue
        out.append(Stale(leaf.code, leaf.revised))
    return tuple(out)


def is_ahead(profile: Profile, scheme: Scheme) -> bool:
    """Whether the profile states a version later than the scheme's (both orderable)."""
    stated = profile.scheme_version
    mine, current = (version_key(stated) if stated else None), version_key(scheme.version)
    return mine is not None and current is not None and mine > current


__all__ = ["Stale", "stale_answers", "is_ahead"]
