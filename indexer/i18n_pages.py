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
        "en": "No overall score after the reform either: {why} or too few questions answered for the coverage rule.",
        "ru": "Общей оценки нет и после реформы: {why} или слишком мало вопросов с ответом для правила охвата.",
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
              "become once every open question is answered.",
        "ru": "Оценки нет: охват {cov} ниже требуемого для общей оценки; границы показывают, какой оценка ещё "
              "может стать, когда на все открытые вопросы будут даны ответы.",
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
        "en": "{changes} change(s) of answered questions and {answers} answer(s) to open ones: *answer* means the "
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
    # --- Robustness
    "rb.within": {"en": "Rank within", "ru": "Место среди"},
    "rb.every_country": {"en": "every country", "ru": "всех стран"},
    "rb.group_option": {"en": "{g} — {title} ({n} members)", "ru": "{g} — {title} (стран: {n})"},
    "rb.members": {"en": "{group} members", "ru": "стран группы {group}"},
    "rb.highlight": {
        "en": "Highlight these countries (ranked with the group even when they are not members)",
        "ru": "Выделить страны (ранжируются вместе с группой, даже если не входят в неё)",
    },
    "rb.varied": {"en": "Assumptions varied", "ru": "Варьируемые допущения"},
    "rb.assumptions": {"en": "Assumptions", "ru": "Допущения"},
    "rb.factor.weights": {"en": "Weights (every level)", "ru": "Веса (на всех уровнях)"},
    "rb.factor.aggregation": {"en": "Aggregation method", "ru": "Метод агрегирования"},
    "rb.factor.missing": {"en": "Missing-answer rule", "ru": "Правило для отсутствующих ответов"},
    "rb.factor.drop": {"en": "Leave one area out", "ru": "Исключение одной области"},
    "rb.noise": {"en": "Weight noise", "ru": "Разброс весов"},
    "rb.noise_help": {
        "en": "uniform: each weight × U(1 − x, 1 + x); dirichlet: sibling shares drawn around the nominal ones.",
        "ru": "uniform: каждый вес × U(1 − x, 1 + x); dirichlet: доли соседних узлов разыгрываются вокруг номинальных.",
    },
    "rb.runs": {"en": "Runs", "ru": "Прогоны"},
    "rb.runs_help": {
        "en": "Model evaluations in all (base rows × (factors + 2)).",
        "ru": "Всего вычислений модели (базовые строки × (допущения + 2)).",
    },
    "rb.seed": {"en": "Seed", "ru": "Начальное значение (seed)"},
    "rb.seed_help": {"en": "Same seed, same numbers.", "ru": "То же начальное значение — те же числа."},
    "rb.pick_factor": {"en": "Pick at least one assumption to vary.", "ru": "Выберите хотя бы одно допущение."},
    "rb.caption": {
        "en": "Overall ranks among {pool} with a profile up to **{year}** · {runs} runs ({base} base rows × ({k} "
              "assumptions + 2)), seed {seed}, {secs} s. Each run redraws the assumptions and re-aggregates every "
              "country; the band is the 5th–95th percentile of its rank over all runs.",
        "ru": "Места по общей оценке среди {pool} с профилем не позднее **{year}** года · прогонов: {runs} "
              "({base} базовых строк × (допущений: {k} + 2)), seed {seed}, {secs} с. В каждом прогоне допущения "
              "разыгрываются заново и оценки всех стран пересчитываются; диапазон — от 5-го до 95-го процентиля "
              "места по всем прогонам.",
    },
    "rb.not_ranked": {"en": "not ranked", "ru": "без места"},
    "rb.no_overall": {
        "en": "No overall score (too few questions answered for the coverage rule).",
        "ru": "Общей оценки нет (слишком мало вопросов с ответом для правила охвата).",
    },
    "rb.rank": {"en": "rank {rank}", "ru": "место {rank}"},
    "rb.nominal_help": {"en": "Nominal rank: the index as defined.", "ru": "Номинальное место: индекс в исходном определении."},
    "rb.band": {
        "en": "band {lo}–{hi} (median {med}) of {n} · score {score} ({slo}–{shi})",
        "ru": "диапазон {lo}–{hi} (медиана {med}) из {n} · оценка {score} ({slo}–{shi})",
    },
    "rb.tab.bands": {"en": "Rank bands", "ru": "Диапазоны мест"},
    "rb.tab.sens": {"en": "Which assumptions matter", "ru": "Какие допущения важны"},
    "rb.tab.conv": {"en": "Convergence", "ru": "Конвергенция"},
    "rb.nothing": {
        "en": "No country has an overall score here: nothing to rank.",
        "ru": "Здесь ни у одной страны нет общей оценки: ранжировать нечего.",
    },
    "rb.median_rank": {"en": "median rank", "ru": "медианное место"},
    "rb.nominal_rank": {"en": "nominal rank", "ru": "номинальное место"},
    "rb.xaxis": {"en": "rank (1 = highest); bar = 5–95 % band", "ru": "место (1 = высшее); полоса = диапазон 5–95 %"},
    "rb.download": {"en": "Download (CSV)", "ru": "Скачать (CSV)"},
    "rb.unranked": {
        "en": "Not ranked (no overall score: too few questions answered or published): {who}.",
        "ru": "Без места (нет общей оценки: слишком мало вопросов с ответом или опубликованных оценок): {who}.",
    },
    "rb.rederived": {
        "en": "{n} countries publish their overall and every area score: each run re-derives their overall from "
              "the published areas (the nominal stays the published figure). Published area scores are fixed: only "
              "assumptions above them (area weights, aggregation, leaving an area out) move these countries.",
        "ru": "Стран, публикующих общую оценку и оценки всех областей: {n}. В каждом прогоне их общая оценка "
              "выводится заново из опубликованных оценок областей (номинальной остаётся опубликованная). "
              "Опубликованные оценки областей неизменны: эти страны сдвигают только допущения уровнем выше "
              "(веса областей, агрегирование, исключение области).",
    },
    "rb.st": {"en": "total effect (ST)", "ru": "полный эффект (ST)"},
    "rb.s1": {"en": "first order (S1)", "ru": "первый порядок (S1)"},
    "rb.share": {"en": "share of the variance of the ranks", "ru": "доля дисперсии мест"},
    "rb.sobol": {
        "en": "Sobol' indices: ST (total effect, Jansen estimator) is the share of the variance of the ranks that "
              "would vanish if that assumption were fixed, interactions included; S1 (first order) the share it "
              "explains alone. Summed over countries, weighted by the variance of each country's rank; ± = 95 % "
              "bootstrap half-width.",
        "ru": "Индексы Соболя: ST (полный эффект, оценка Янсена) — доля дисперсии мест, которая исчезла бы при "
              "фиксации этого допущения, с учётом взаимодействий; S1 (первый порядок) — доля, объясняемая им "
              "одним. Суммируются по странам с весом дисперсии места каждой страны; ± — полуширина 95-процентного "
              "бутстреп-интервала.",
    },
    "rb.per_country": {
        "en": "**Total effect on the rank of each highlighted country**",
        "ru": "**Полный эффект на место каждой выделенной страны**",
    },
    "rb.never_ranked": {
        "en": "Not ranked in any run (no score at the ranked node): {who}; they have no sensitivity to report.",
        "ru": "Ни в одном прогоне не получили места (нет оценки в ранжируемом узле): {who}; чувствительность не "
              "определена.",
    },
    "rb.pick_group": {
        "en": "Pick a group (**Rank within**) to see whether its members converge.",
        "ru": "Выберите группу (**Место среди**), чтобы увидеть, сближаются ли её страны.",
    },
    "rb.no_member": {
        "en": "No member of {group} has a score at {code} in any year.",
        "ru": "Ни у одной страны группы {group} нет оценки по {code} ни за один год.",
    },
    "rb.group_mean": {"en": "{group} mean", "ru": "{group}: среднее"},
    "rb.sd": {"en": "standard deviation (sigma)", "ru": "стандартное отклонение (сигма)"},
    "rb.conv.yes": {"en": "converging", "ru": "сближение"},
    "rb.conv.no": {"en": "not converging", "ru": "сближения нет"},
    "rb.conv.undetermined": {"en": "undetermined", "ru": "не определено"},
    "rb.conv_note": {
        "en": "**Sigma-convergence:** the standard deviation goes from {first} to {last} (slope {slope} a year): "
              "{sigma}. **Beta-convergence** {y0}–{y1}: β = {beta} over {n} members (β < 0: those starting lower "
              "improve faster): {bverdict}. Years without a new profile carry the latest earlier one forward "
              "('carried').",
        "ru": "**Сигма-конвергенция:** стандартное отклонение меняется с {first} до {last} (наклон {slope} в год): "
              "{sigma}. **Бета-конвергенция** {y0}–{y1}: β = {beta} по {n} странам (β < 0: начавшие ниже "
              "улучшаются быстрее): {bverdict}. В годы без нового профиля переносится последний более ранний "
              "(«перенесено»).",
    },
    # --- Robustness: library tables' column names (English: the names themselves)
    "rb.col.country": {"en": "country", "ru": "страна"},
    "rb.col.year": {"en": "year", "ru": "год"},
    "rb.col.nominal_score": {"en": "nominal_score", "ru": "оценка (номинальная)"},
    "rb.col.nominal_rank": {"en": "nominal_rank", "ru": "место (номинальное)"},
    "rb.col.median_rank": {"en": "median_rank", "ru": "место (медиана)"},
    "rb.col.p05_rank": {"en": "p05_rank", "ru": "место (5 %)"},
    "rb.col.p95_rank": {"en": "p95_rank", "ru": "место (95 %)"},
    "rb.col.mean_rank": {"en": "mean_rank", "ru": "место (среднее)"},
    "rb.col.p05_score": {"en": "p05_score", "ru": "оценка (5 %)"},
    "rb.col.median_score": {"en": "median_score", "ru": "оценка (медиана)"},
    "rb.col.p95_score": {"en": "p95_score", "ru": "оценка (95 %)"},
    "rb.col.runs_scored": {"en": "runs_scored", "ru": "прогонов с оценкой"},
    "rb.col.provenance": {"en": "provenance", "ru": "происхождение"},
    "rb.col.factor": {"en": "factor", "ru": "допущение"},
    "rb.col.description": {"en": "description", "ru": "описание"},
    "rb.col.ST_rank": {"en": "ST_rank", "ru": "ST (место)"},
    "rb.col.ST_rank_conf": {"en": "ST_rank_conf", "ru": "± ST (место)"},
    "rb.col.S1_rank": {"en": "S1_rank", "ru": "S1 (место)"},
    "rb.col.ST_score": {"en": "ST_score", "ru": "ST (оценка)"},
    "rb.col.S1_score": {"en": "S1_score", "ru": "S1 (оценка)"},
    "rb.col.n": {"en": "n", "ru": "n"},
    "rb.col.fresh": {"en": "fresh", "ru": "новых"},
    "rb.col.carried": {"en": "carried", "ru": "перенесено"},
    "rb.col.mean": {"en": "mean", "ru": "среднее"},
    "rb.col.median": {"en": "median", "ru": "медиана"},
    "rb.col.sd": {"en": "sd", "ru": "ст. откл."},
    "rb.col.cv": {"en": "cv", "ru": "коэф. вариации"},
    "rb.col.min": {"en": "min", "ru": "минимум"},
    "rb.col.max": {"en": "max", "ru": "максимум"},
    "rb.col.baseline": {"en": "baseline", "ru": "база сравнения"},
    "rb.col.score": {"en": "score", "ru": "оценка"},
    "rb.col.distance": {"en": "distance", "ru": "отставание"},
    "rb.col.rank": {"en": "rank", "ru": "место"},
    # --- Scheme & validation
    "sc.tab.tree": {"en": "Indicator tree", "ru": "Дерево индикаторов"},
    "sc.tab.report": {"en": "Validation report", "ru": "Отчёт о проверке"},
    "sc.no_scheme": {"en": "No scheme in `{dir}/`.", "ru": "В `{dir}/` нет ни одной схемы."},
    "sc.source": {"en": "Source: {source}", "ru": "Источник: {source}"},
    "sc.version": {"en": "version {v}", "ru": "версия {v}"},
    "sc.scale": {"en": "scale {lo}–{hi}", "ru": "шкала {lo}–{hi}"},
    "sc.aggregation": {"en": "aggregation {how}", "ru": "агрегирование: {how}"},
    "sc.missing": {"en": "missing answers: {how}", "ru": "отсутствующие ответы: {how}"},
    "sc.levels": {"en": "levels: {levels}", "ru": "уровни: {levels}"},
    "sc.min_coverage": {"en": "min coverage {pct}", "ru": "минимальный охват {pct}"},
    "sc.bands": {"en": "Bands: ", "ru": "Категории: "},
    "sc.profiles": {
        "en": {"one": "{n} profile of this scheme in use.", "other": "{n} profiles of this scheme in use."},
        "ru": {"one": "По этой схеме используется {n} профиль.", "few": "По этой схеме используется {n} профиля.",
               "many": "По этой схеме используется {n} профилей.", "other": "По этой схеме используется {n} профиля."},
    },
    "sc.weight": {"en": "weight {w}", "ru": "вес {w}"},
    "sc.needs": {"en": "needs {pct} answered", "ru": "нужно ответов: {pct}"},
    "sc.normalised": {"en": "normalised ({how})", "ru": "нормируется ({how})"},
    "sc.number": {"en": "A number{unit}: {range}, best {best}.", "ru": "Число{unit}: {range}, лучшее — {best}."},
    "sc.report_note": {
        "en": "Every file under `{schemes}/` and `{profiles}/` of `{root}`, checked as `indexer validate {schemes} "
              "{profiles}` does (about {n} scheme and profile files).",
        "ru": "Все файлы в `{schemes}/` и `{profiles}/` каталога `{root}`, проверенные так же, как это делает "
              "`indexer validate {schemes} {profiles}` (около {n} файлов схем и профилей).",
    },
    "sc.no_problems": {
        "en": "No problems: every scheme, profile and group file is valid.",
        "ru": "Проблем нет: все файлы схем, профилей и групп корректны.",
    },
    "sc.counts": {"en": "{errors} and {warnings} in {files}.", "ru": "{errors} и {warnings} в {files}."},
    "sc.n_errors": {
        "en": {"one": "{n} error", "other": "{n} errors"},
        "ru": {"one": "{n} ошибка", "few": "{n} ошибки", "many": "{n} ошибок", "other": "{n} ошибки"},
    },
    "sc.n_warnings": {
        "en": {"one": "{n} warning", "other": "{n} warnings"},
        "ru": {"one": "{n} предупреждение", "few": "{n} предупреждения", "many": "{n} предупреждений",
               "other": "{n} предупреждения"},
    },
    "sc.n_files": {
        "en": {"one": "{n} file", "other": "{n} files"},
        "ru": {"one": "{n} файле", "few": "{n} файлах", "many": "{n} файлах", "other": "{n} файлах"},
    },
    "sc.excluded": {
        "en": " Profile files with errors are left out of every score.",
        "ru": " Файлы профилей с ошибками не учитываются ни в одной оценке.",
    },
    "sc.show": {"en": "Show", "ru": "Показать"},
    "sc.sev.errors": {"en": "errors", "ru": "ошибки"},
    "sc.sev.warnings": {"en": "warnings", "ru": "предупреждения"},
    "sc.severity.error": {"en": "error", "ru": "ошибка"},
    "sc.severity.warning": {"en": "warning", "ru": "предупреждение"},
    "sc.codes": {"en": "Problem codes", "ru": "Коды проблем"},
    "sc.all_codes": {"en": "all codes", "ru": "все коды"},
    "sc.download": {"en": "Download the report (text)", "ru": "Скачать отчёт (текст)"},
    "sc.col.file": {"en": "file", "ru": "файл"},
    "sc.col.errors": {"en": "errors", "ru": "ошибки"},
    "sc.col.warnings": {"en": "warnings", "ru": "предупреждения"},
    "sc.col.codes": {"en": "codes", "ru": "коды"},
    "sc.col.line": {"en": "line", "ru": "строка"},
    "sc.col.col": {"en": "col", "ru": "столбец"},
    "sc.col.severity": {"en": "severity", "ru": "тип"},
    "sc.col.code": {"en": "code", "ru": "код"},
    "sc.col.message": {"en": "message", "ru": "сообщение"},
    # --- Compare: when no radar is drawn
    "cmp.no_radar_few": {
        "en": {"one": "{title} has {n} {level}: too few for a radar.",
               "other": "{title} has {n} {level}s: too few for a radar."},
        "ru": "{title}: элементов уровня «{level}» — {n}; для лепестковой диаграммы этого мало.",
    },
    "cmp.no_radar": {
        "en": {"one": "No radar: at most {n} {level} has a score or a baseline value, too few to draw one; the bars "
                      "show what there is.",
               "other": "No radar: at most {n} {level}s have a score or a baseline value, too few to draw one; the "
                        "bars show what there is."},
        "ru": {"one": "Лепестковой диаграммы нет: оценку или значение базы сравнения имеют не более {n} элемента "
                      "уровня «{level}», этого мало; столбцы показывают имеющиеся данные.",
               "few": "Лепестковой диаграммы нет: оценку или значение базы сравнения имеют не более {n} элементов "
                      "уровня «{level}», этого мало; столбцы показывают имеющиеся данные.",
               "many": "Лепестковой диаграммы нет: оценку или значение базы сравнения имеют не более {n} элементов "
                       "уровня «{level}», этого мало; столбцы показывают имеющиеся данные.",
               "other": "Лепестковой диаграммы нет: оценку или значение базы сравнения имеют не более {n} элементов "
                        "уровня «{level}», этого мало; столбцы показывают имеющиеся данные."},
    },
    # --- Country page: the profile's metadata and given scores
    "cty.coder": {"en": "Coder: {coder}", "ru": "Кодировщик: {coder}"},
    "cty.reviewer": {"en": " · reviewer: {reviewer}", "ru": " · рецензент: {reviewer}"},
    "cty.n_help": {"en": "Members with a score there", "ru": "Число членов группы, имеющих здесь оценку"},
    "cty.no_report": {
        "en": "Strongest and weakest indicators, changes and the PDF need `indexer.report`, which is not installed.",
        "ru": "Для сильнейших и слабейших индикаторов, изменений и PDF нужен модуль `indexer.report`, он не "
              "установлен.",
    },
    "cty.given_published": {"en": "**Published scores given in the file**",
                            "ru": "**Опубликованные оценки, приведённые в файле**"},
    "cty.given": {"en": "**Scores given in the file**", "ru": "**Оценки, приведённые в файле**"},
    "cty.source": {"en": "Source: {source}", "ru": "Источник: {source}"},
}
