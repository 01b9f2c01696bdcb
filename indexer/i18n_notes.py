"""The notes the library writes about its results (:class:`indexer.notes.Note`), in every
language: part of the message catalogue (:data:`indexer.i18n.MESSAGES` takes them in). The
English is what the CLI prints; views render a note in their language (``note.text(lang)``).

Russian is written for lawyers and officials: the register of the region's statutes and
official statistics (база сравнения, охват, приведённая оценка, нормы, страны-образцы); a
country's name stands first, followed by a colon, so that no sentence needs to decline it.
"""

from __future__ import annotations


def _ru(one: str, other: str) -> dict[str, str]:
    """Russian plural forms where 2–4 and 5+ read alike (the genitive plural after "из N")."""
    return {"one": one, "few": other, "many": other, "other": other}


NOTE_MESSAGES: dict[str, dict[str, str | dict[str, str]]] = {
    # --- whatif: where a change comes from (Reform.sources) and what the reform replaces
    "note.src.adopted": {
        "en": "adopted from {country} {year}{coding} ({code})",
        "ru": "заимствовано: {country}, {year}{coding} ({code})",
    },
    "note.whatif.recomputed": {
        "en": "{code}: the given score {given} is recomputed from its children after the reform; recomputed before "
              "the reform it would be {recomputed}, so {rounding} of the delta is the rounding of the given figures.",
        "ru": "{code}: приведённая оценка {given} после реформы пересчитывается по нижестоящим элементам; при "
              "пересчёте до реформы она составила бы {recomputed}, поэтому {rounding} из изменения объясняется "
              "округлением приведённых значений.",
    },
    "note.whatif.replaced": {
        "en": "{code}: {country}'s answer {before} (cited: {source}) is replaced by {after} ({by}).",
        "ru": "{code}: ответ «{before}» ({country}; основание: {source}) заменяется ответом «{after}» ({by}).",
    },
    "note.whatif.replaced_blank": {
        "en": "{code}: {country}'s answer {before} (cited: {source}) is replaced by a blank ({by}).",
        "ru": "{code}: ответ «{before}» ({country}; основание: {source}) снимается, ответ остаётся пустым ({by}).",
    },
    "note.whatif.the_reform": {"en": "the reform", "ru": "по реформе"},
    "note.whatif.set": {"en": "set", "ru": "задано вручную"},
    "note.whatif.kept": {
        "en": "Not adopted, kept as {country} answers them (the other country has no answer): {codes}.",
        "ru": "Не заимствованы, сохранены ответы ({country}), так как у другой страны ответа нет: {codes}.",
    },
    "note.whatif.nothing": {
        "en": "The reform changes nothing: every answer is already as asked.",
        "ru": "Реформа ничего не меняет: все ответы уже соответствуют заданным.",
    },
    # --- transfer: the smallest reform
    "note.transfer.no_profile": {
        "en": "{country} has no profile of {scheme}{when}",
        "ru": "{country}: профиля {scheme}{when} нет",
    },
    "note.transfer.when": {"en": " for {year} or earlier", "ru": " за {year} г. или ранее"},
    "note.transfer.need_target": {
        "en": "give a --baseline group (its overall is the target) or a --target",
        "ru": "укажите группу сравнения (--baseline; её общая оценка станет целью) или целевую оценку (--target)",
    },
    "note.transfer.no_member_overall": {
        "en": "no member of {group} has an overall score up to {year}: give a --target",
        "ru": "ни у одного члена {group} нет общей оценки до {year} г.: укажите целевую оценку (--target)",
    },
    "note.transfer.no_bounds": {
        "en": "{country} has no overall score and no bounds (no applicable indicator): nothing to reform.",
        "ru": "{country}: нет ни общей оценки, ни её пределов (нет применимых индикаторов) — реформировать нечего.",
    },
    "note.transfer.on_bounds": {
        "en": "{country} has no overall score (coverage {cov}, the overall needs {need}): the reform is planned on its "
              "bounds [{lower}, {upper}] (SPEC §3.1).",
        "ru": "{country}: общей оценки нет (охват {cov}, для общей оценки требуется {need}); реформа рассчитана по её "
              "пределам [{lower}; {upper}] (SPEC §3.1).",
    },
    "note.transfer.short": {
        "en": "Even every candidate change ({n}) lifts {country}'s overall only to {best}, short of {target}.",
        "ru": "{country}: даже все возможные изменения ({n}) поднимают общую оценку лишь до {best}, что ниже "
              "целевой ({target}).",
    },
    "note.transfer.short_lower": {
        "en": "Even every candidate change ({n}) lifts the lower bound of {country}'s overall only to {best}, short "
              "of {target}.",
        "ru": "{country}: даже все возможные изменения ({n}) поднимают нижнюю границу общей оценки лишь до {best}, "
              "что ниже целевой оценки ({target}).",
    },
    "note.transfer.short_upper": {
        "en": "Even every candidate change ({n}) lifts the upper bound of {country}'s overall only to {best}, short "
              "of {target}.",
        "ru": "{country}: даже все возможные изменения ({n}) поднимают верхнюю границу общей оценки лишь до {best}, "
              "что ниже целевой оценки ({target}).",
    },
    "note.transfer.no_indicator_baseline": {
        "en": "No member of {group} has indicator-level answers up to {year} (published scores only): there is no "
              "indicator baseline and no model country.",
        "ru": "Ни у одного члена {group} нет ответов на уровне индикаторов до {year} г. (только опубликованные "
              "оценки): базы сравнения по индикаторам и стран-образцов нет.",
    },
    "note.transfer.target_source": {"en": "{group} {stat}", "ru": "{group}: {stat}"},
    # --- compare: thin and empty baselines
    "note.base.thin": {
        "en": "Thin baseline: at {at} the {group} {stat} rests on fewer than half of the group's {n} members; read "
              "it as the {stat} of those members only.",
        "ru": _ru(
            "Малочисленная база сравнения: в узлах {at} показатель «{group}: {stat}» рассчитан менее чем по "
                   "половине из {n} члена группы и отражает только этих членов.",
            "Малочисленная база сравнения: в узлах {at} показатель «{group}: {stat}» рассчитан менее чем по "
                     "половине из {n} членов группы и отражает только этих членов.",
        ),
    },
    "note.base.thin_at": {"en": "{code} (n = {n})", "ru": "{code} (n = {n})"},
    "note.base.thin_level": {"en": "{k} {level}s (n = {range})", "ru": "{k} (уровень «{level}», n = {range})"},
    "note.base.none": {
        "en": "No member of {group} has a score at {where}, so there is no {group} {stat} there.",
        "ru": "Ни у одного члена {group} нет оценки {where}, поэтому показателя «{group}: {stat}» там нет.",
    },
    "note.base.where_any": {"en": "any node", "ru": "ни в одном узле"},
    "note.base.where_at": {"en": "{bits}", "ru": "в узлах {bits}"},
    "note.base.where_every": {"en": "every {level} ({n})", "ru": "всех узлах уровня «{level}» ({n})"},
    "note.base.where_codes": {"en": "{codes}", "ru": "{codes}"},
    "note.base.where_more": {"en": "{codes} and {n} more {level}s", "ru": "{codes} и ещё {n} (уровень «{level}»)"},
    "note.base.member": {"en": "{country} ({year}, {provenance})", "ru": "{country} ({year}, {provenance})"},
    "note.base.members_count": {"en": "{n} ({kinds})", "ru": "{n} ({kinds})"},
    "note.base.kind_count": {"en": "{n} {provenance}", "ru": "{provenance}: {n}"},
    "note.base.have_one": {
        "en": "Of its {n} members, {listed} has a profile of {scheme} up to {year}{rest}",
        "ru": _ru("Из {n} члена группы профиль {scheme} до {year} г. есть у {listed}{rest}",
                  "Из {n} членов группы профиль {scheme} до {year} г. есть у {listed}{rest}"),
    },
    "note.base.have": {
        "en": "Of its {n} members, {listed} have profiles of {scheme} up to {year}{rest}",
        "ru": _ru("Из {n} члена группы профили {scheme} до {year} г. есть у {listed}{rest}",
                  "Из {n} членов группы профили {scheme} до {year} г. есть у {listed}{rest}"),
    },
    "note.base.have_rest": {
        "en": {"one": "; {none} has none.", "other": "; {none} have none."},
        "ru": "; у {none} профиля нет.",
    },
    "note.base.stop": {"en": ".", "ru": "."},
    "note.base.nobody": {
        "en": "None of its {n} members ({members}) has a profile of {scheme} up to {year}.",
        "ru": _ru("Ни у одного из {n} члена группы ({members}) нет профиля {scheme} до {year} г.", "Ни у одного из {n} членов группы ({members}) нет профиля {scheme} до {year} г."),
    },
    "note.base.own": {
        "en": {"one": "{own} is compared and also a member: it counts in the baseline like any member{tail}",
               "other": "{own} are compared and also members: they count in the baseline like any member{tail}"},
        "ru": _ru("{own}: страна сравнивается и сама входит в группу, поэтому учитывается в базе сравнения "
                      "наравне с другими членами{tail}", "{own}: страны сравниваются и сами входят в группу, поэтому учитываются в базе сравнения "
                        "наравне с другими членами{tail}"),
    },
    "note.base.own_largely": {
        "en": {"one": ", so the baseline is largely its own scores.",
               "other": ", so the baseline is largely their own scores."},
        "ru": _ru("; база сравнения в значительной мере состоит из её собственных оценок.", "; база сравнения в значительной мере состоит из их собственных оценок."),
    },
    "note.base.why": {
        "en": "At {code}, members with a profile have {why}.",
        "ru": "В узле {code} у членов, имеющих профиль: {why}.",
    },
    "note.base.why_given": {
        "en": "published scores of other nodes only: {who}",
        "ru": "только опубликованные оценки других узлов — {who}",
    },
    "note.base.all_with_profile": {
        "en": "all {n} members with a profile",
        "ru": {"one": "все {n} член, имеющий профиль", "few": "все {n} члена, имеющие профиль",
               "many": "все {n} членов, имеющие профиль", "other": "все {n} члена, имеющие профиль"},
    },
    "note.base.why_low": {
        "en": "too few questions answered for the scheme's coverage rule ({need} required): {items}",
        "ru": "отвечено слишком мало вопросов для правила охвата схемы (требуется {need}) — {items}",
    },
    "note.base.why_low_item": {"en": "{country} {cov}", "ru": "{country} {cov}"},
    "note.base.why_none": {"en": "nothing answered there: {items}", "ru": "ответов там нет — {items}"},
}
