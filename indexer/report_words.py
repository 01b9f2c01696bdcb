"""The country profile's words in its language (``report.view`` → the template's ``d.w`` and
``d.s``): single words and headings straight from the catalogue (``pdf.*``), and the sentences
that carry values (``pdf.s.*``) formatted here, so that the typst template holds no English of
its own and places every word as text."""

from __future__ import annotations

from typing import Any

from .i18n import MESSAGES, t


def words(lang: str) -> dict[str, str]:
    """Every ``pdf.<name>`` message without placeholders, as ``{name: text}``."""
    return {key[4:]: t(key, lang) for key, entry in MESSAGES.items()
            if key.startswith("pdf.") and not key.startswith(("pdf.s.", "pdf.prov.", "pdf.n.", "pdf.verdict.", "pdf.rb.", "pdf.tr."))
            and "{" not in str(entry["en"])}


def stat_word(stat: str, lang: str) -> str:
    """``median`` / ``медиана``."""
    key = f"stat.{stat}"
    return t(key, lang) if key in MESSAGES else stat


def sentences(d: dict, v: dict, lang: str) -> dict[str, Any]:
    """The sentences of the profile ``d`` (report_data's) whose values come from ``v`` (the
    formatted view), in ``lang``."""
    def s(key: str, **kw: Any) -> str:
        return t(f"pdf.s.{key}", lang, **kw)

    base = v["baseline"]
    country = v["country"]["name"]
    scale = v["scheme"]["scale"]
    an = v["annex"]
    out: dict[str, Any] = {
        "answered": s("answered", k=an["n_answered"], n=v["scheme"]["n_indicators"]),
        "scores_by": s("scores_by", level=v["level1"]),
        "scale": s("scale", lo=f"{scale[0]:g}", hi=f"{scale[1]:g}"),
        "coverage": s("coverage"),
        "bounds": s("bounds"),
        "n_of": s("n_of", k=v["overall"]["n"], n=base["members"]) if base else "",
        "annex": s("annex", k=an["n_answered"], n=v["scheme"]["n_indicators"],
                   na=s("annex_na", n=an["n_na"]) if an["n_na"] != "0" else "", cited=an["n_cited"], rows=an["n_rows"]),
        "history": s("history", level=v["level1"], country=country, span=v["history_span"], year=v["year"],
                     coding=v["profile"]["coding"]),
    }
    if base:
        out |= {
            "baseline": s("baseline", stat=base["stat"], title=base["title"], group=base["group"], year=base["year"],
                          k=base["members_used"], n=base["members"],
                          and_country="" if base["is_member"] else s("and_country", country=country)),
            "verdicts": s("verdicts", base=base["name"]),
            "gaps_title": s("gaps_title", base=base["name"]),
            "no_comparable": s("no_comparable", country=country, base=base["name"]),
            "no_gap": s("no_gap", country=country, base=base["name"]),
            "gaps_note": s("gaps_note"),
        }
    sw_base = base is not None and any(r["baseline"] != "–" for r in v["strongest"] + v["weakest"])
    extra = (s("sw_base", base=base["name"], group=base["group"]) if sw_base else
             s("sw_nobase", group=base["group"]) if base else "")
    out["sw_note"] = s("sw_note", country=country, extra=extra)
    td = v.get("todo")
    if td is not None:
        lines = []
        for u in td["undetermined"]:
            line = s("undetermined", title=u["title"], n=u["open_n"])
            if u["to_settle"] != "":
                how = s("either_way") if u["settles_as"] == "either" else s("settles_as", verdict=t(f"pdf.verdict.{u['settles_as']}", lang)
                                                                               if f"pdf.verdict.{u['settles_as']}" in MESSAGES
                                                                               else u["settles_as"])
                line += s("settle", k=u["to_settle"], first=u["first"], how=how)
            else:
                line += s("cannot_settle", country=country)
            lines.append(line + ".")
        out["undetermined"] = lines
        out["todo_note"] = s("todo_note", k=len(td["open"]), n=td["n_open"])
    ch = v.get("changes")
    if ch is not None:
        out |= {
            "changes_title": s("changes_title", year=ch["previous_year"]),
            "no_change": s("no_change", before=ch["previous_year"], after=v["year"]),
            "more_nodes": s("more", n=ch["more_nodes"]),
            "more_answers": s("more", n=ch["more_answers"]),
            "prov_change": s("prov_change", year=ch["previous_year"], before=ch["previous_provenance"],
                             after=v["profile"]["provenance"]),
        }
    return out


__all__ = ["words", "sentences", "stat_word"]
