"""Profiles as YAML text, the inverse of :mod:`indexer.load`: what ``indexer import``, the
COINr importer and the questionnaire write. Every scalar is written so that it reads back as the
same text in this project's loader and in any YAML 1.1 reader (plain where safe, else
double-quoted); numbers are written exactly (the shortest text that gives back the same double).
"""

from __future__ import annotations

import json
import re
from functools import lru_cache

import yaml

from .load import _Loader, number_of
from .model import CITATION_FIELDS, NOT_APPLICABLE, Profile, Scheme

_STR, _INT, _FLOAT = ("tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float")


def _implicit_tag(loader: type, text: str) -> str:
    """The tag a loader's implicit resolvers give a plain scalar ``text`` (non-empty)."""
    table = loader.yaml_implicit_resolvers
    for tag, rx in table.get(text[0], []) + table.get(None, []):
        if rx.match(text):
            return tag
    return _STR


@lru_cache(maxsize=65536)
def yaml_scalar(text: str) -> str:
    """``text`` as a YAML scalar that reads back as the same text in this project's loader and
    in any YAML 1.1 reader: plain where that is safe, else double-quoted."""
    if text and re.fullmatch(r"-?[A-Za-z0-9][A-Za-z0-9_./-]*", text):
        ours, theirs = _implicit_tag(_Loader, text), _implicit_tag(yaml.SafeLoader, text)
        if ours == theirs == _STR:
            return text
        try:
            if ours == theirs == _INT and str(int(text)) == text:
                return text
            if ours == theirs == _FLOAT and repr(float(text)) == text:
                return text
        except ValueError:
            pass
    return yaml_quoted(text)


#: characters a YAML reader refuses raw (not printable) or folds (line breaks beyond \n): escaped
_YAML_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")


def yaml_quoted(text: str) -> str:
    """``text`` as a double-quoted YAML scalar (JSON's escapes, plus ``\\uXXXX`` for the
    characters YAML would refuse or fold)."""
    return _YAML_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(text, ensure_ascii=False))


def yaml_float(x: float) -> str:
    """A float in a form that YAML 1.1 reads as a float (``1.0e-05``, not ``1e-05``)."""
    r = repr(float(x))
    if "e" in r:
        mant, exp = r.split("e")
        if "." not in mant:
            mant += ".0"
        r = f"{mant}e{exp if exp[0] in '+-' else '+' + exp}"
    return r


def profile_yaml(profile: Profile, scheme: Scheme) -> str:
    """The YAML text of a profile: every leaf of the scheme in order (blank where unanswered),
    long form where an answer has a source, note or url; given scores in tree order."""
    out = ["# Written by `indexer import`; edit freely (a re-import compares content, not text).",
           f"scheme: {yaml_scalar(profile.scheme)}",
           f"country: {json.dumps(profile.country)}",
           f"year: {profile.year}",
           *([f"scheme_version: {json.dumps(profile.scheme_version)}"] if profile.scheme_version else []),
           f"status: {profile.status}",
           f"provenance: {profile.provenance}"]
    if profile.coding != profile.provenance:
        out.append(f"coding: {profile.coding}")
    for k in ("coder", "reviewer", "notes", "source", "title"):
        v = getattr(profile, k)
        if v:
            out.append(f"{k}: {yaml_quoted(v)}")
    if profile.has_answers_section:
        out.append("answers:")
        codes = [leaf.code for leaf in scheme.leaves]
        codes += [c for c in profile.answers if c not in set(codes)]
        for code in codes:
            text = profile.answers.get(code)
            cit = profile.citations.get(code)
            key = yaml_scalar(code)
            if cit is None:
                out.append(f"  {key}: {yaml_scalar(text)}" if text is not None else f"  {key}:")
                continue
            parts = [] if text is None else [f"answer: {yaml_scalar(text)}"]
            for k in CITATION_FIELDS:
                v = getattr(cit, k)
                if v:
                    parts.append(f"{k}: {yaml_quoted(v)}")
            out.append(f"  {key}: {{{', '.join(parts)}}}")
    if profile.scores:
        out.append("scores:")
        for code, x in profile.scores.items():
            out.append(f"  {yaml_scalar(code)}: {yaml_float(x)}")
    return "\n".join(out) + "\n"


def same_profile(a: Profile, b: Profile, scheme: Scheme) -> bool:
    """Whether two profiles say the same: the same fields, answers (blank = absent; numbers by
    value), citations and given scores. Paths, comments and layout do not count."""
    def canon(p: Profile) -> tuple:
        answers = {}
        for code, text in p.answers.items():
            if text is None:
                continue
            i = scheme.index.get(code)
            if i is not None and scheme.nodes[i].numeric is not None and text != NOT_APPLICABLE:
                x = number_of(text)
                answers[code] = x if x is not None else text
            else:
                answers[code] = text
        cits = {c: v for c, v in p.citations.items() if v.source or v.note or v.url}
        return (p.scheme, p.country, p.year, p.scheme_version, p.status, p.provenance, p.coder, p.reviewer, p.notes,
                p.source, p.title, answers, cits, dict(p.scores))
    return canon(a) == canon(b)


__all__ = ["yaml_scalar", "yaml_quoted", "yaml_float", "profile_yaml", "same_profile"]
