"""The app's own words on the Reform scenarios (``rf.``), Robustness (``rb.``) and Scheme &
validation (``sc.``) pages: part of the message catalogue (:data:`indexer.i18n.MESSAGES` takes
them in), kept apart from :mod:`indexer.i18n_app` so that neither module grows too long."""

from __future__ import annotations

PAGE_MESSAGES: dict[str, dict[str, str | dict[str, str]]] = {
    # --- Reform scenarios
    "rf.no_profiles": {
        "en": "No profiles yet: add one on the **Questionnaire** page.",
        "ru": "Профилей пока нет: добавьте профиль на странице **Анкета**.",
    },
    "rf.caption": {
        "en": "{scheme} · {country}, profile of **{year}** ({status}, {coding}). A scenario is a calculation, "
              "not a description of any law.",
        "ru": "{scheme} · {country}, профиль за **{year}** год ({status}, {coding}). Сценарий — это расчёт, "
              "а не описание какого-либо закона.",
    },
    "rf.tab.whatif": {"en": "What if", "ru": "Что если"},
    "rf.tab.gaps": {"en": "Smallest reform to a target", "ru": "Минимальная реформа до цели"},
    "rf.adopt_head": {
        "en": "**Adopt another country's answers in some areas**",
        "ru": "**Перенять ответы другой страны в отдельных областях**",
    },
    "rf.from": {"en": "From", "ru": "У страны"},
    "rf.none": {"en": "(none)", "ru": "(нет)"},
    "rf.areas": {"en": "Areas", "ru": "Области"},
    "rf.choose": {"en": "Choose options", "ru": "Выберите области"},
    "rf.single_head": {"en": "**Change single indicators**", "ru": "**Изменить отдельные индикаторы**"},
    "rf.indicators": {"en": "Indicators", "ru": "Индикаторы"},
    "rf.pick_indicators": {"en": "Pick indicators to change", "ru": "Выберите индикаторы для изменения"},
    "rf.now": {"en": "{code} (now: {answer})", "ru": "{code} (сейчас: {answer})"},
    "rf.blank": {"en": "(blank)", "ru": "(нет ответа)"},
    "rf.pick_something": {
        "en": "Pick areas to adopt from another country, or indicators to change.",
        "ru": "Выберите области, ответы в которых перенимаются у другой страны, или индикаторы для изменения.",
    },
    "rf.overall_before": {"en": "Overall before", "ru": "Общая оценка до"},
    "rf.overall_after": {"en": "Overall after", "ru": "Общая оценка после"},
    "rf.rank_in": {"en": "Rank in {group}", "ru": "Место в {group}"},
    "rf.places": {"en": "{d} places", "ru": "{d} поз."},
    "rf.rank_before": {"en": "Before: {rank}", "ru": "До реформы: {rank}"},
    "rf.no_overall_after": {
        "en": "No overall score after the reform either: {why} or too few indicators answered for the coverage rule.",
        "ru": "Общей оценки нет и после реформы: {why} или слишком мало индикаторов с ответом для правила охвата.",
    },
    "rf.before": {"en": "before", "ru": "до"},
    "rf.after": {"en": "after", "ru": "после"},
    "rf.changes_head": {"en": "**Changes**", "ru": "**Изменения**"},
    "rf.col.from": {"en": "from", "ru": "было"},
    "rf.col.to": {"en": "to", "ru": "стало"},
    "rf.col.score_before": {"en": "score before", "ru": "оценка до"},
    "rf.col.score_after": {"en": "score after", "ru": "оценка после"},
    "rf.col.source": {"en": "source", "ru": "основание"},
    "rf.src.set": {"en": "set", "ru": "задано вручную"},
    "rf.moved_head": {"en": "**What moved**", "ru": "**Что изменилось**"},
    "rf.col.code": {"en": "code", "ru": "код"},
    "rf.col.title": {"en": "title", "ru": "название"},
    "rf.col.level": {"en": "level", "ru": "уровень"},
    "rf.col.before": {"en": "before", "ru": "до"},
    "rf.col.after": {"en": "after", "ru": "после"},
    "rf.col.delta": {"en": "delta", "ru": "изменение"},
    "rf.col.rank_before": {"en": "rank_before", "ru": "место до"},
    "rf.col.rank_after": {"en": "rank_after", "ru": "место после"},
    "rf.col.rank_n": {"en": "rank_n", "ru": "всего мест"},
    "rf.target": {"en": "Target", "ru": "Цель"},
    "rf.target_base": {"en": "the {base}", "ru": "{base}"},
    "rf.target_score": {"en": "a score", "ru": "заданная оценка"},
    "rf.score": {"en": "Score", "ru": "Оценка"},
    "rf.within": {"en": "Only answers some member already has", "ru": "Только ответы, уже принятые в странах группы"},
    "rf.within_help": {
        "en": "Policy transfer proper: a change must copy an answer found in the group.",
        "ru": "Заимствование в собственном смысле: изменение должно повторять ответ, уже имеющийся в группе.",
    },
    "rf.pick_group": {
        "en": "Pick a baseline group, or set a target score.",
        "ru": "Выберите базовую группу или задайте целевую оценку.",
    },
    "rf.overall_now": {"en": "Overall now", "ru": "Общая оценка сейчас"},
    "rf.overall_now_help": {
        "en": "No score: coverage {cov} is below the overall's rule; the bounds are what the score can still "
              "become once every open indicator is answered.",
        "ru": "Оценки нет: охват {cov} ниже требуемого для общей оценки; границы показывают, какой оценка ещё "
              "может стать, когда на все открытые индикаторы будут даны ответы.",
    },
    "rf.changes_needed": {"en": "Changes needed", "ru": "Нужно изменений"},
    "rf.changes_help": {"en": "Smallest number, of {n} candidates", "ru": "Наименьшее число из {n} возможных"},
    "rf.out_of_reach": {"en": "out of reach", "ru": "недостижимо"},
    "rf.codings": {
        "en": "Codings read indicator by indicator: {items} (the codings that answer indicators).",
        "ru": "Кодировки, прочитанные по индикаторам: {items} (кодировки, дающие ответы на индикаторы).",
    },
    "rf.head.every": {"en": "Every candidate change", "ru": "Все возможные изменения"},
    "rf.head.lower": {
        "en": "Smallest reform reaching {target} for sure (its lower bound reaches the target whatever "
              "{country}'s open answers turn out to be)",
        "ru": "Минимальная реформа, наверняка дающая {target} (нижняя граница достигает цели при любых "
              "оставшихся ответах {country})",
    },
    "rf.head.upper": {
        "en": "No reform reaches the target for sure; the smallest after which {country} can reach it "
              "(its upper bound reaches the target)",
        "ru": "Ни одна реформа не гарантирует достижения цели; минимальная, после которой {country} может её "
              "достичь (верхняя граница достигает цели)",
    },
    "rf.head.smallest": {"en": "Smallest reform", "ru": "Минимальная реформа"},
    "rf.method.greedy": {
        "en": "weighted means throughout: the largest gains first, which is provably the fewest changes",
        "ru": "везде взвешенные средние: сначала наибольшие приросты, что доказуемо даёт наименьшее число изменений",
    },
    "rf.method.search": {
        "en": "an exact search over the tree (the aggregation is not a weighted mean everywhere)",
        "ru": "точный перебор по дереву (агрегирование не везде взвешенное среднее)",
    },
    "rf.answers_note": {
        "en": "{changes} change(s) of answered indicators and {answers} answer(s) to open ones: *answer* means the "
              "reform enacts the indicator's best answer where {country}'s coding leaves it open (its present "
              "state unknown).",
        "ru": "Изменений индикаторов с ответом: {changes}; ответов на открытые: {answers}. *Ответ* означает, что "
              "реформа вводит лучший вариант индикатора там, где кодировка {country} оставляет его открытым "
              "(нынешнее положение неизвестно).",
    },
    "rf.gain.score": {"en": "gain alone", "ru": "прирост"},
    "rf.gain.lower": {"en": "lower bound +", "ru": "нижняя граница +"},
    "rf.gain.upper": {"en": "upper bound +", "ru": "верхняя граница +"},
    "rf.col.step": {"en": "step", "ru": "шаг"},
    "rf.col.edit": {"en": "edit", "ru": "действие"},
    "rf.col.overall_after": {"en": "overall after", "ru": "общая оценка после"},
    "rf.col.bounds_before": {"en": "bounds before", "ru": "границы до"},
    "rf.col.bounds_after": {"en": "bounds after", "ru": "границы после"},
    "rf.col.coverage_before": {"en": "coverage before", "ru": "охват до"},
    "rf.col.coverage_after": {"en": "coverage after", "ru": "охват после"},
    "rf.col.models": {"en": "models", "ru": "образцы"},
    "rf.open": {"en": "open", "ru": "открыт"},
    "rf.kind.change": {"en": "change", "ru": "изменить"},
    "rf.kind.answer": {"en": "answer", "ru": "ответить"},
    "rf.models_note": {
        "en": "Models: members of the group whose answer scores at least as much as the proposed one.",
        "ru": "Образцы: страны группы, чей ответ оценивается не ниже предлагаемого.",
    },
    "rf.try": {"en": "Try these changes in What if", "ru": "Проверить эти изменения во вкладке «Что если»"},
    "rf.already": {"en": "{country} is at or above the target already.", "ru": "{country} уже достигает цели."},
    "rf.after_head": {
        "en": "**After the reform** — the score where coverage allows, and the bounds",
        "ru": "**После реформы** — оценка там, где позволяет охват, и границы",
    },
    "rf.status.sure": {
        "en": "Target {target} reached **for sure** after the reform: the lower bound reaches it, whatever the "
              "open answers turn out to be.",
        "ru": "Цель {target} после реформы достигается **наверняка**: её достигает нижняя граница, каковы бы ни "
              "были оставшиеся ответы.",
    },
    "rf.status.possibly": {
        "en": "Target {target} **possibly** reached after the reform: the upper bound reaches it, the lower bound "
              "does not — it depends on the open answers.",
        "ru": "Цель {target} после реформы **возможно** достигается: верхняя граница её достигает, нижняя — нет; "
              "это зависит от оставшихся ответов.",
    },
    "rf.status.no": {"en": "Target {target} **not reached**.", "ru": "Цель {target} **не достигается**."},
    "rf.possible_now": {
        "en": "Without any change the target is possible already (upper bound {upper}); the reform makes it certain.",
        "ru": "Цель достижима уже без изменений (верхняя граница {upper}); реформа делает её достижение гарантированным.",
    },
    "rf.possible_in": {
        "en": "{n} change(s) would make it merely possible (upper bound ≥ target).",
        "ru": "Изменений, после которых цель лишь становится возможной (верхняя граница ≥ цели): {n}.",
    },
    "rf.provisions_head": {
        "en": "**Provisions where {country} trails the {base}**",
        "ru": "**Положения, по которым {country} отстаёт от показателя «{base}»**",
    },
    "rf.provisions_none": {
        "en": "None (or no member has indicator-level answers).",
        "ru": "Таких нет (или ни у одной страны группы нет ответов на уровне индикаторов).",
    },
    "rf.prov.code": {"en": "code", "ru": "код"},
    "rf.prov.title": {"en": "title", "ru": "название"},
    "rf.prov.answer": {"en": "answer", "ru": "ответ"},
    "rf.prov.score": {"en": "score", "ru": "оценка"},
    "rf.prov.baseline": {"en": "baseline", "ru": "база сравнения"},
    "rf.prov.gap": {"en": "gap", "ru": "разрыв"},
    "rf.prov.baseline_n": {"en": "baseline_n", "ru": "стран в базе"},
    "rf.prov.group_best": {"en": "group_best", "ru": "лучшее в группе"},
    "rf.prov.leaders": {"en": "leaders", "ru": "лидеры"},
}
