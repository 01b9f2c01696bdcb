"""The country profile PDF's own words (``indexer report``, ``templates/report.typ``): part of
the message catalogue (:data:`indexer.i18n.MESSAGES` takes them in). ``pdf.*`` keys without
placeholders reach the template as ``d.w.<name>``; sentences with values are formatted in
``report.view`` and reach it as ``d.s.<name>``."""

from __future__ import annotations

REPORT_MESSAGES: dict[str, dict[str, str | dict[str, str]]] = {
    # words (d.w)
    "pdf.country_profile": {"en": "Country profile", "ru": "Профиль страны"},
    "pdf.banner_head": {"en": "ILLUSTRATIVE DATA", "ru": "ИЛЛЮСТРАТИВНЫЕ ДАННЫЕ"},
    "pdf.banner_tail": {
        "en": "not a published or official coding: it does not describe the law in force",
        "ru": "не опубликованное и не официальное кодирование: не описывает действующее законодательство",
    },
    "pdf.page": {"en": "Page", "ru": "Стр."},
    "pdf.of": {"en": "of", "ru": "из"},
    "pdf.reference_year": {"en": "Reference year", "ru": "Отчётный год"},
    "pdf.version": {"en": "version", "ru": "версия"},
    "pdf.provenance": {"en": "Provenance", "ru": "Происхождение"},
    "pdf.status": {"en": "status", "ru": "статус"},
    "pdf.coder": {"en": "coder", "ru": "кодировщик"},
    "pdf.reviewer": {"en": "reviewer", "ru": "рецензент"},
    "pdf.file": {"en": "file", "ru": "файл"},
    "pdf.overall_score": {"en": "Overall score", "ru": "Общая оценка"},
    "pdf.no_score_yet": {"en": "no score yet: what it can become", "ru": "оценки пока нет: её возможные пределы"},
    "pdf.no_overall": {"en": "no overall score", "ru": "общей оценки нет"},
    "pdf.baseline": {"en": "Baseline", "ru": "База сравнения"},
    "pdf.gap": {"en": "gap", "ru": "разрыв"},
    "pdf.none_chosen": {"en": "none chosen", "ru": "не выбрана"},
    "pdf.rank_in": {"en": "Rank in", "ru": "Место в"},
    "pdf.rank_band": {"en": "5–95 % band:", "ru": "интервал 5–95 %:"},
    "pdf.best_worst": {"en": "best–worst it can still reach", "ru": "лучшее–худшее из ещё возможных"},
    "pdf.one_highest": {"en": "1 = highest", "ru": "1 = наивысшее"},
    "pdf.rank": {"en": "Rank", "ru": "Место"},
    "pdf.no_group": {"en": "no group", "ru": "нет группы"},
    "pdf.coverage": {"en": "Coverage", "ru": "Охват"},
    "pdf.published_only": {"en": "published scores only", "ru": "только опубликованные оценки"},
    "pdf.no_answers": {"en": "no answers", "ru": "ответов нет"},
    "pdf.colour_band": {"en": "(colour = band)", "ru": "(цвет = категория)"},
    "pdf.range": {"en": "range (lowest–highest)", "ru": "разброс (наименьшее–наибольшее)"},
    "pdf.can_still": {"en": "can still become (open questions)", "ru": "ещё может составить (открытые вопросы)"},
    "pdf.can_become": {"en": "Can become", "ru": "Пределы"},
    "pdf.verdict": {"en": "Verdict", "ru": "Вывод"},
    "pdf.score": {"en": "Score", "ru": "Оценка"},
    "pdf.band": {"en": "Band", "ru": "Категория"},
    "pdf.gap_h": {"en": "Gap", "ru": "Разрыв"},
    "pdf.overall": {"en": "Overall", "ru": "Общая оценка"},
    "pdf.todo": {"en": "What to code next", "ru": "Что кодировать дальше"},
    "pdf.code": {"en": "Code", "ru": "Код"},
    "pdf.indicator": {"en": "Indicator", "ru": "Индикатор"},
    "pdf.options": {"en": "Options", "ru": "Варианты"},
    "pdf.share": {"en": "Share", "ru": "Доля"},
    "pdf.can_move": {"en": "Can move", "ru": "Может изменить"},
    "pdf.decides": {"en": "Decides", "ru": "Определяет"},
    "pdf.sw_indicators": {"en": "Strongest and weakest indicators", "ru": "Сильнейшие и слабейшие индикаторы"},
    "pdf.sw_areas": {"en": "Strongest and weakest areas (published scores)",
                     "ru": "Сильнейшие и слабейшие области (опубликованные оценки)"},
    "pdf.answer": {"en": "Answer", "ru": "Ответ"},
    "pdf.strongest": {"en": "Strongest", "ru": "Сильнейшие"},
    "pdf.weakest": {"en": "Weakest", "ru": "Слабейшие"},
    "pdf.where": {"en": "Where", "ru": "Где"},
    "pdf.level": {"en": "Level", "ru": "Уровень"},
    "pdf.impact": {"en": "Impact", "ru": "Влияние"},
    "pdf.score_of": {"en": "Score of", "ru": "Оценка"},
    "pdf.change": {"en": "Change", "ru": "Изменение"},
    "pdf.answers_changed": {"en": "Answers that changed", "ru": "Изменившиеся ответы"},
    "pdf.annex_answers": {"en": "Annex: every answer and the law it cites",
                          "ru": "Приложение: все ответы и нормы законодательства, на которые они ссылаются"},
    "pdf.not_answered": {"en": "Not answered yet", "ru": "Пока без ответа"},
    "pdf.source": {"en": "Source", "ru": "Источник"},
    "pdf.confidence": {"en": "confidence", "ru": "уверенность"},
    "pdf.annex_sources": {"en": "Annex: sources", "ru": "Приложение: источники"},
    "pdf.scores_annex": {
        "en": "This profile gives published scores for some nodes instead of answers to the questionnaire, so "
              "there are no answers or cited laws to list. The scores given are:",
        "ru": "В этом профиле для некоторых узлов приведены опубликованные оценки вместо ответов на анкету, "
              "поэтому ответов и норм законодательства для перечня нет. Приведённые оценки:",
    },
    "pdf.given_for": {"en": "Given for", "ru": "Для узла"},
    "pdf.notes": {"en": "Notes", "ru": "Примечания"},
    "pdf.annex": {"en": "Annex", "ru": "Приложение"},
    "pdf.no_annex": {"en": "This profile has no answers and no given scores.",
                     "ru": "В этом профиле нет ни ответов, ни приведённых оценок."},
    "pdf.about": {"en": "About the index.", "ru": "Об индексе."},
    "pdf.no_score": {"en": "no score", "ru": "нет оценки"},
    # sentences (d.s)
    "pdf.s.answered": {"en": "{k} of {n} questions answered", "ru": "отвечено {k} из {n} вопросов"},
    "pdf.s.n_of": {"en": "n = {k} of {n}", "ru": "n = {k} из {n}"},
    "pdf.s.scores_by": {"en": "Scores by {level}", "ru": "Оценки: {level}"},
    "pdf.s.scale": {
        "en": "Scores on a {lo}–{hi} scale, rounded to 1 decimal for display.",
        "ru": "Оценки по шкале {lo}–{hi}, для показа округлены до одного десятичного знака.",
    },
    "pdf.s.baseline": {
        "en": "Baseline: the {stat} of the scores of {title} ({group}) for {year} or the latest earlier year; n = "
              "members with a score there ({k} of {n} members have a profile). Members without a score are left "
              "out, never counted as zero. Gap = score − baseline. Rank among the members{and_country}, 1 = "
              "highest; ties share a rank.",
        "ru": "База сравнения: {stat} оценок группы {title} ({group}) за {year} г. или последний более ранний год; "
              "n — число членов, имеющих там оценку (профиль есть у {k} из {n} членов). Члены без оценки не "
              "учитываются и никогда не считаются нулём. Разрыв = оценка − база. Место среди членов{and_country}, "
              "1 = наивысшее; при равенстве место общее.",
    },
    "pdf.s.and_country": {"en": " and {country}", "ru": " и страны {country}"},
    "pdf.s.coverage": {"en": "Coverage is shown where below 100%.", "ru": "Охват указан, если он ниже 100 %."},
    "pdf.s.bounds": {
        "en": "Can become: the lowest and the highest score a partly coded node can still reach once every open "
              "indicator is answered (each at its worst or best option).",
        "ru": "Может составить: наименьшая и наибольшая оценка, которую частично закодированный узел ещё может "
              "получить, когда будут даны ответы на все открытые вопросы (каждый — по худшему или лучшему "
              "варианту).",
    },
    "pdf.s.verdicts": {
        "en": "Verdict: above or below the {base} whatever those answers turn out to be (the baseline’s own bounds "
              "from its members’), else undetermined. Rank: the best and worst it can still reach.",
        "ru": "Вывод: выше или ниже «{base}» при любых таких ответах (с учётом собственных границ базы по её "
              "членам), иначе — не определено. Место: лучшее и худшее из ещё возможных.",
    },
    "pdf.s.undetermined": {
        "en": "{title} undetermined: {n} open questions",
        "ru": "{title}: не определено; открытых вопросов: {n}",
    },
    "pdf.s.settle": {
        "en": "; at best {k} answered ({first}) settle it {how}",
        "ru": "; в лучшем случае его определят ответы на {k} ({first}) {how}",
    },
    "pdf.s.either_way": {"en": "either way", "ru": "в любую сторону"},
    "pdf.s.settles_as": {"en": "as {verdict}", "ru": "как «{verdict}»"},
    "pdf.s.cannot_settle": {
        "en": "; no answers of {country} alone can settle it (the baseline is itself uncertain)",
        "ru": "; одни ответы по стране {country} не могут его определить (сама база неопределённа)",
    },
    "pdf.s.todo_note": {
        "en": "The first {k} of {n} open questions, ordered by how far each can still move the overall score (its "
              "share of the overall × its option range, in points). indexer todo lists them all.",
        "ru": "Первые {k} из {n} открытых вопросов, упорядоченные по тому, насколько каждый ещё может изменить "
              "общую оценку (его доля в общей оценке × разброс вариантов, в баллах). Полный список — indexer todo.",
    },
    "pdf.s.sw_note": {
        "en": "The indicators on which {country} scores highest and lowest (ties in the order of the "
              "questionnaire){extra}. Answers as coded in the profile.",
        "ru": "Индикаторы, по которым у страны {country} наивысшие и наинизшие оценки (при равенстве — в порядке "
              "анкеты){extra}. Ответы — как закодированы в профиле.",
    },
    "pdf.s.sw_base": {"en": ", with the {base} and the rank in {group}", "ru": ", с базой «{base}» и местом в {group}"},
    "pdf.s.sw_nobase": {
        "en": "; the {group} members have no scores at this level to compare with",
        "ru": "; у членов {group} нет оценок на этом уровне для сравнения",
    },
    "pdf.s.gaps_title": {"en": "Largest gaps to the {base}", "ru": "Наибольшие разрывы с базой «{base}»"},
    "pdf.s.no_comparable": {
        "en": "No part of the index has both a score for {country} and a {base}, so no gap can be measured.",
        "ru": "Ни в одной части индекса нет одновременно оценки для страны {country} и значения «{base}», поэтому "
              "разрыв измерить нельзя.",
    },
    "pdf.s.no_gap": {
        "en": "{country} scores at or above the {base} wherever both have a score: there is no gap to close.",
        "ru": "Везде, где есть обе оценки, страна {country} на уровне «{base}» или выше: разрыва нет.",
    },
    "pdf.s.gaps_note": {
        "en": "Ordered by impact: how many points the overall score would rise if this node alone reached the "
              "baseline (its share of the overall score × the gap). Nodes at every level are listed.",
        "ru": "Упорядочено по влиянию: на сколько баллов выросла бы общая оценка, если бы только этот узел "
              "достиг базы (его доля в общей оценке × разрыв). Перечислены узлы всех уровней.",
    },
    "pdf.s.changes_title": {"en": "Changes since {year}", "ru": "Изменения с {year} г."},
    "pdf.s.history": {
        "en": "Overall and {level} scores of every profile of {country} in this coding ({coding}), {span}; the "
              "dotted line marks {year}.",
        "ru": "Общая оценка и оценки ({level}) по всем профилям страны {country} в этом кодировании ({coding}), "
              "{span}; пунктир отмечает {year} г.",
    },
    "pdf.s.no_change": {
        "en": "No score and no answer changed between the {before} and {after} profiles.",
        "ru": "Между профилями {before} и {after} гг. не изменились ни оценки, ни ответы.",
    },
    "pdf.s.more": {"en": "… and {n} more.", "ru": "… и ещё {n}."},
    "pdf.s.prov_change": {
        "en": "The {year} profile is {before}, this one {after}: part of a change may come from the coding rather "
              "than the law.",
        "ru": "Профиль {year} г. — {before}, этот — {after}: часть изменений может объясняться кодированием, а не "
              "законодательством.",
    },
    "pdf.s.annex": {
        "en": "{k} of {n} questions answered{na}; {cited} of the {rows} answers cite a source. In the order of the "
              "questionnaire.",
        "ru": "Отвечено {k} из {n} вопросов{na}; источник указан в {cited} из {rows} ответов. В порядке анкеты.",
    },
    "pdf.s.annex_na": {"en": ", {n} not applicable", "ru": ", неприменимо: {n}"},
    # words in report_data and the charts
    "pdf.notice": {
        "en": "ILLUSTRATIVE DATA: not a published or official coding. These answers and scores show how the index "
              "works; they do not describe the law in force.",
        "ru": "ИЛЛЮСТРАТИВНЫЕ ДАННЫЕ: не опубликованное и не официальное кодирование. Эти ответы и оценки "
              "показывают, как работает индекс; они не описывают действующее законодательство.",
    },
    "pdf.prov.official": {"en": "official coding", "ru": "официальное кодирование"},
    "pdf.prov.published": {"en": "published scores, copied unchanged", "ru": "опубликованные оценки, перенесены без изменений"},
    "pdf.prov.expert": {"en": "expert coding", "ru": "экспертное кодирование"},
    "pdf.prov.illustrative": {"en": "for illustration, not an assessment to rely on",
                              "ru": "для иллюстрации, не оценка, на которую можно опираться"},
    "pdf.not_applicable": {"en": "not applicable", "ru": "неприменимо"},
    "pdf.verdict.above": {"en": "above", "ru": "выше"},
    "pdf.verdict.below": {"en": "below", "ru": "ниже"},
    "pdf.verdict.equal": {"en": "equal", "ru": "на уровне"},
    "pdf.verdict.undetermined": {"en": "undetermined", "ru": "не определено"},
    # notes under the areas (report_data)
    "pdf.n.no_profile_year": {
        "en": "No profile of {country} for {year}: its {used} profile is shown.",
        "ru": "Нет профиля {country} за {year} г.: показан профиль за {used} г.",
    },
    "pdf.n.carried": {
        "en": "Members whose latest profile is older than {year} (carried forward): {items}.",
        "ru": "Члены, чей последний профиль старше {year} г. (перенесён): {items}.",
    },
    "pdf.n.missing": {
        "en": "Members of {group} with no profile up to {year} (left out of the baseline): {items}.",
        "ru": "Члены {group} без профиля до {year} г. (не учтены в базе сравнения): {items}.",
    },
    "pdf.n.ill_members": {
        "en": "Illustrative profiles among the baseline members: {items}.",
        "ru": "Иллюстративные профили среди членов базовой группы: {items}.",
    },
    "pdf.n.no_overall": {
        "en": "No overall score: {why}. Area scores are shown as given.",
        "ru": "Общей оценки нет: {why}. Оценки областей приведены как есть.",
    },
    "pdf.n.why_cov": {
        "en": "its coverage ({cov}) is below the scheme's minimum ({need})",
        "ru": "её охват ({cov}) ниже минимума схемы ({need})",
    },
    "pdf.n.why_areas": {"en": "too few areas have a score", "ru": "оценку имеют слишком мало областей"},
    "pdf.n.unscored": {
        "en": "No score for {k} of {n} {level}s ({titles}): too few questions answered (each needs {needs} of its "
              "questions).",
        "ru": "Нет оценки для {k} из {n} (уровень: {level}; {titles}): отвечено слишком мало вопросов (для каждой "
              "нужно {needs} её вопросов).",
    },
    "pdf.or": {"en": " or ", "ru": " или "},
    # --- the robustness section (indexer/report_sections.py)
    "pdf.rb.title": {"en": "Robustness of the rank", "ru": "Устойчивость места в рейтинге"},
    "pdf.rb.text": {
        "en": "Rank {rank} of {n} among {pool} ({year}). Over {runs} runs that vary the assumptions of the index "
              "({varied}), the rank stays between {lo} and {hi} in {share} of runs (median {median}).",
        "ru": "Место {rank} из {n} среди {pool} ({year} г.). Число прогонов с изменением допущений индекса "
              "({varied}) — {runs}; в {share} из них место остаётся в пределах от {lo} до {hi} (медиана — {median}).",
    },
    "pdf.rb.pool_group": {"en": "the {group} members", "ru": "членов {group}"},
    "pdf.rb.pool_all": {"en": "every country", "ru": "всех стран"},
    "pdf.rb.no_rank": {
        "en": "{country} has no overall score in {year}, so it has no rank to test.",
        "ru": "{country}: общей оценки за {year} г. нет, поэтому места в рейтинге нет и проверять его "
              "устойчивость не на чем.",
    },
    "pdf.rb.col.factor": {"en": "assumption", "ru": "допущение"},
    "pdf.rb.col.st": {"en": "total effect on the ranks (ST)", "ru": "полный эффект на места (ST)"},
    "pdf.rb.col.s1": {"en": "first order (S1)", "ru": "эффект первого порядка (S1)"},
    "pdf.rb.factor.weights": {"en": "weights ({level})", "ru": "веса (уровень «{level}»)"},
    "pdf.rb.factor.aggregation": {"en": "aggregation method", "ru": "метод агрегирования"},
    "pdf.rb.factor.missing": {"en": "missing-answer rule", "ru": "правило для отсутствующих ответов"},
    "pdf.rb.factor.drop": {"en": "one {level} left out", "ru": "исключение одного элемента уровня «{level}»"},
    "pdf.rb.noise_uniform": {"en": "±{noise} (uniform)", "ru": "±{noise} (равномерное распределение)"},
    "pdf.rb.noise_dirichlet": {"en": "Dirichlet shares, κ = {k}", "ru": "доли по распределению Дирихле, κ = {k}"},
    "pdf.rb.agg.mean": {"en": "mean", "ru": "среднее арифметическое"},
    "pdf.rb.agg.geometric": {"en": "geometric", "ru": "среднее геометрическое"},
    "pdf.rb.agg.median": {"en": "median", "ru": "медиана"},
    "pdf.rb.agg.min": {"en": "min", "ru": "минимум"},
    "pdf.rb.agg.max": {"en": "max", "ru": "максимум"},
    "pdf.rb.note": {
        "en": "Monte Carlo, seed {seed}; weights {noise}, aggregation among {aggregations}, missing answers skipped "
              "or zero, one {level} left out or none. Sobol' total effects (Jansen), variance-weighted over the "
              "countries' ranks.",
        "ru": "Метод Монте-Карло, начальное значение генератора {seed}; веса: {noise}; агрегирование: "
              "{aggregations}; отсутствующие ответы пропускаются или приравниваются к нулю; исключается один "
              "элемент уровня «{level}» либо ни одного. Полные индексы Соболя (оценка Янсена), взвешенные по "
              "дисперсии мест стран.",
    },
    # --- the policy-transfer section (indexer/report_sections.py)
    "pdf.tr.title": {"en": "Policy transfer: the smallest reform", "ru": "Перенос норм: минимальная реформа"},
    "pdf.tr.title_short": {"en": "Policy transfer", "ru": "Перенос норм"},
    "pdf.tr.cannot": {"en": "The smallest reform cannot be computed: {why}.",
                      "ru": "Минимальную реформу рассчитать нельзя: {why}."},
    "pdf.tr.goal_base": {"en": "the {base} ({target})", "ru": "значение «{base}» ({target})"},
    "pdf.tr.goal_given": {"en": "{target}", "ru": "оценка {target}"},
    "pdf.tr.no_bounds": {
        "en": "{country} has no overall score and no bounds: nothing to reform.",
        "ru": "{country}: нет ни общей оценки, ни её пределов — реформировать нечего.",
    },
    "pdf.tr.bounds": {
        "en": "{country} has no overall score (coverage {cov}); its bounds are [{lo}, {hi}].",
        "ru": "{country}: общей оценки нет (охват {cov}); её пределы — [{lo}; {hi}].",
    },
    "pdf.tr.edits.sure": {
        "en": "The fewest edits ({n}: {changes} changes, {answers} answers to open questions) after which {goal} is "
              "reached for sure (its lower bound reaches it, whatever the open answers turn out to be).",
        "ru": "Наименьшее число правок — {n} (изменений: {changes}; ответов на открытые вопросы: {answers}), "
              "после которых цель — {goal} — достигается гарантированно (нижняя граница не ниже цели, каковы бы "
              "ни были ответы на открытые вопросы).",
    },
    "pdf.tr.edits.possibly": {
        "en": "The fewest edits ({n}: {changes} changes, {answers} answers to open questions) after which {goal} is "
              "reached possibly (its upper bound reaches it; it depends on the open answers).",
        "ru": "Наименьшее число правок — {n} (изменений: {changes}; ответов на открытые вопросы: {answers}), "
              "после которых цель — {goal} — может быть достигнута (верхняя граница не ниже цели; итог зависит "
              "от ответов на открытые вопросы).",
    },
    "pdf.tr.edits.no": {
        "en": "Even all {n} edits ({changes} changes, {answers} answers to open questions) leave {goal} out of reach.",
        "ru": "Даже после всех правок ({n}: изменений — {changes}, ответов на открытые вопросы — {answers}) "
              "цель — {goal} — не достигается.",
    },
    "pdf.tr.none.sure": {
        "en": "Without any change {goal} is reached for sure (its lower bound reaches it, whatever the open answers "
              "turn out to be).",
        "ru": "Цель — {goal} — достигается гарантированно и без изменений (нижняя граница не ниже цели, каковы "
              "бы ни были ответы на открытые вопросы).",
    },
    "pdf.tr.none.possibly": {
        "en": "Without any change {goal} is reached possibly (its upper bound reaches it; it depends on the open "
              "answers).",
        "ru": "Без изменений цель — {goal} — может быть достигнута (верхняя граница не ниже цели; итог зависит от "
              "ответов на открытые вопросы).",
    },
    "pdf.tr.none.no": {"en": "Without any change {goal} is not reached.",
                       "ru": "Без изменений цель — {goal} — не достигается."},
    "pdf.tr.coding": {
        "en": "Computed on {country}'s coding that answers indicators: {label} {year}.",
        "ru": "{country}: расчёт по кодированию с ответами на вопросы — {label}, {year} г.",
    },
    "pdf.tr.already": {
        "en": "{country}'s overall ({overall}) is at or above {goal} already.",
        "ru": "{country}: общая оценка ({overall}) уже не ниже цели — {goal}.",
    },
    "pdf.tr.fewest": {
        "en": "The fewest changes that lift {country}'s overall from {overall} to {goal}: {k} of {n} questions that "
              "could score more.",
        "ru": {"one": "{country}: наименьшее число изменений, поднимающих общую оценку с {overall} до цели "
                      "({goal}), — {k} из {n} вопроса, по которым оценка может быть выше.",
               "few": "{country}: наименьшее число изменений, поднимающих общую оценку с {overall} до цели "
                      "({goal}), — {k} из {n} вопросов, по которым оценка может быть выше.",
               "many": "{country}: наименьшее число изменений, поднимающих общую оценку с {overall} до цели "
                       "({goal}), — {k} из {n} вопросов, по которым оценка может быть выше.",
               "other": "{country}: наименьшее число изменений, поднимающих общую оценку с {overall} до цели "
                        "({goal}), — {k} из {n} вопросов, по которым оценка может быть выше."},
    },
    "pdf.tr.out_of_reach": {
        "en": "Even all {n} possible changes lift {country} only to {best}, short of {goal}.",
        "ru": "{country}: даже все возможные изменения ({n}) поднимают общую оценку лишь до {best}, что ниже "
              "цели ({goal}).",
    },
    "pdf.tr.col.step": {"en": "#", "ru": "№"},
    "pdf.tr.col.indicator": {"en": "indicator", "ru": "индикатор"},
    "pdf.tr.col.from": {"en": "from", "ru": "сейчас"},
    "pdf.tr.col.to": {"en": "to", "ru": "станет"},
    "pdf.tr.col.gain": {"en": "gain alone", "ru": "прирост (отдельно)"},
    "pdf.tr.col.overall_after": {"en": "overall after", "ru": "общая оценка после"},
    "pdf.tr.col.bounds_after": {"en": "bounds after", "ru": "пределы после"},
    "pdf.tr.col.models": {"en": "models", "ru": "образцы"},
    "pdf.tr.open": {"en": "(open)", "ru": "(нет ответа)"},
    "pdf.tr.models": {
        "en": "Models: members of the group whose answer scores at least the proposed one.",
        "ru": "Образцы: члены группы, чей ответ оценивается не ниже предлагаемого.",
    },
    "pdf.tr.greedy": {
        "en": "Weighted means throughout: largest gains first is provably the fewest changes.",
        "ru": "Везде применяются взвешенные средние, поэтому отбор по наибольшему приросту доказуемо даёт "
              "наименьшее число изменений.",
    },
    "pdf.tr.search": {"en": "Found by an exact search over the tree.",
                      "ru": "Найдено точным перебором по дереву индекса."},
    "pdf.tr.open_note": {
        "en": "(open): a question not answered yet; the reform enacts the provision at its best option, whatever "
              "the law says today. Gain alone and the bounds after: in points of the overall's bounds.",
        "ru": "«(нет ответа)» — вопрос, на который ответа ещё нет; реформа вводит норму в наилучшем варианте "
              "независимо от действующего законодательства. Прирост и пределы после — в баллах пределов общей "
              "оценки.",
    },
    # --- the profile's provenance line and to-do table
    "pdf.coding_id": {"en": "; coding {coding}", "ru": "; кодирование {coding}"},
}
