"""The app's own words (``streamlit_app.py``, ``app_pages/``): part of the message catalogue
(:data:`indexer.i18n.MESSAGES` takes them in), kept apart so that the catalogue module stays
small. Keys start with the page (``q.`` Questionnaire, ``cmp.`` Compare, ...) or ``app.``."""

from __future__ import annotations

APP_MESSAGES: dict[str, dict[str, str | dict[str, str]]] = {
    # --- navigation and sidebar
    "page.compare": {"en": "Compare", "ru": "Сравнение"},
    "page.country": {"en": "Country profile", "ru": "Профиль страны"},
    "page.robustness": {"en": "Robustness", "ru": "Устойчивость"},
    "page.reform": {"en": "Reform scenarios", "ru": "Сценарии реформ"},
    "page.questionnaire": {"en": "Questionnaire", "ru": "Анкета"},
    "page.scheme": {"en": "Scheme & validation", "ru": "Схема и проверка"},
    "app.data": {
        "en": "Data: {schemes}, {profiles}, {groups} groups · `{root}`",
        "ru": "Данные: {schemes}, {profiles}, групп: {groups} · `{root}`",
    },
    "count.schemes": {
        "en": {"one": "{n} scheme", "other": "{n} schemes"},
        "ru": {"one": "{n} схема", "few": "{n} схемы", "many": "{n} схем", "other": "{n} схемы"},
    },
    "count.profiles": {
        "en": {"one": "{n} profile", "other": "{n} profiles"},
        "ru": {"one": "{n} профиль", "few": "{n} профиля", "many": "{n} профилей", "other": "{n} профиля"},
    },
    "app.excluded": {
        "en": ":red[{n} profile file(s) with errors are left out of scores.]",
        "ru": ":red[Файлы профилей с ошибками не учитываются в оценках: {n}.]",
    },
    # --- shared words
    "w.scheme": {"en": "Scheme", "ru": "Схема"},
    "w.year": {"en": "Year", "ru": "Год"},
    "w.country": {"en": "Country", "ru": "Страна"},
    "w.countries": {"en": "Countries", "ru": "Страны"},
    "w.overall": {"en": "Overall", "ru": "Общая оценка"},
    "w.of": {"en": "{a} of {b}", "ru": "{a} из {b}"},
    "w.between": {"en": "between {a} and {b}", "ru": "от {a} до {b}"},
    "col.node": {"en": "node", "ru": "узел"},
    "col.score": {"en": "score", "ru": "оценка"},
    "col.band": {"en": "band", "ru": "категория"},
    "col.coverage": {"en": "coverage", "ru": "охват"},
    "col.code": {"en": "code", "ru": "код"},
    "col.title": {"en": "title", "ru": "название"},
    "col.country": {"en": "country", "ru": "страна"},
    "col.year": {"en": "year", "ru": "год"},
    "col.answer": {"en": "answer", "ru": "ответ"},
    "col.value": {"en": "value", "ru": "значение"},
    "col.label": {"en": "label", "ru": "вариант ответа"},
    "col.source": {"en": "source (law cited)", "ru": "источник (норма закона)"},
    "col.quote": {"en": "quote", "ru": "цитата"},
    "col.confidence": {"en": "confidence", "ru": "уверенность"},
    "col.note": {"en": "note", "ru": "примечание"},
    "col.provenance": {"en": "provenance", "ru": "происхождение"},
    "col.rank": {"en": "rank", "ru": "место"},
    "col.verdict": {"en": "verdict", "ru": "вывод"},
    "col.can_become": {"en": "can become", "ru": "может составить"},
    # --- Questionnaire
    "q.title": {"en": "Questionnaire", "ru": "Анкета"},
    "q.open_expander": {
        "en": "Open a profile, start a new one, or upload a file",
        "ru": "Открыть профиль, начать новый или загрузить файл",
    },
    "q.how": {"en": "How", "ru": "Способ"},
    "q.how.open": {"en": "Open a profile", "ru": "Открыть профиль"},
    "q.how.new": {"en": "Start a new profile", "ru": "Начать новый профиль"},
    "q.how.upload": {"en": "Upload a file", "ru": "Загрузить файл"},
    "q.no_profiles": {"en": "No profiles yet.", "ru": "Профилей пока нет."},
    "q.profile_file": {"en": "Profile file", "ru": "Файл профиля"},
    "q.open": {"en": "Open", "ru": "Открыть"},
    "q.country_code": {"en": "Country code (ISO 3166-1 alpha-2)", "ru": "Код страны (ISO 3166-1 alpha-2)"},
    "q.country_code_ph": {"en": "e.g. KG", "ru": "напр. KG"},
    "q.coder": {"en": "Coder", "ru": "Кодировщик"},
    "q.reviewer": {"en": "Reviewer", "ru": "Рецензент"},
    "q.status": {"en": "Status", "ru": "Статус"},
    "q.provenance": {"en": "Provenance", "ru": "Происхождение"},
    "q.scheme_version": {"en": "Coded against version", "ru": "Закодировано по версии"},
    "q.scheme_version_help": {
        "en": "The version of the scheme the answers were given against. Questions revised since then "
              "are listed under Validation (`revised-question`); once you have re-read them, choose {version}.",
        "ru": "Версия схемы, по которой даны ответы. Вопросы, изменённые после неё, перечислены в разделе "
              "«Проверка» (`revised-question`); перечитав их, выберите {version}.",
    },
    "q.version_unstated": {"en": "not stated", "ru": "не указана"},
    "q.revised": {
        "en": "This question was revised in {version}, after the version this answer was given against: "
              "check the answer against the question and help above, then choose {current} under "
              "*Coded against version*.",
        "ru": "Этот вопрос изменён в версии {version}, позже той, по которой дан ответ: проверьте ответ "
              "по вопросу и пояснению выше, затем выберите {current} в поле «Закодировано по версии».",
    },
    "q.saved_as": {"en": "saved as", "ru": "будет сохранён как"},
    "q.not_a_code": {
        "en": "`{typed}` is not an ISO 3166-1 alpha-2 code",
        "ru": "`{typed}` — не код ISO 3166-1 alpha-2",
    },
    "q.did_you_mean": {"en": ": did you mean **{code}** ({name})?", "ru": ": возможно, имелся в виду **{code}** ({name})?"},
    "q.two_letters": {"en": " (two letters, e.g. KZ).", "ru": " (две буквы, напр. KZ)."},
    "q.start": {"en": "Start", "ru": "Начать"},
    "q.upload": {"en": "Profile file (YAML)", "ru": "Файл профиля (YAML)"},
    "q.open_first": {
        "en": "Open a profile or start a new one to fill in the questionnaire.",
        "ru": "Откройте профиль или начните новый, чтобы заполнить анкету.",
    },
    "q.cannot_edit": {"en": "Cannot edit this file: {err}", "ru": "Этот файл нельзя редактировать: {err}"},
    "q.state.new": {"en": "new, not saved yet", "ru": "новый, ещё не сохранён"},
    "q.state.upload": {"en": "uploaded, not saved yet", "ru": "загружен, ещё не сохранён"},
    "q.state.dirty": {"en": "**unsaved changes**", "ru": "**есть несохранённые изменения**"},
    "q.state.saved": {"en": "saved", "ru": "сохранён"},
    "q.upload_replaces": {
        "en": "Saving replaces the existing `{path}` with the uploaded file (and your edits).",
        "ru": "При сохранении существующий файл `{path}` будет заменён загруженным (с вашими правками).",
    },
    "q.given_scores": {
        "en": "This profile gives published scores for {codes}; indicators under them are not answered here "
              "(answering one is a `given-score-conflict`).",
        "ru": "В этом профиле приведены опубликованные оценки для {codes}; индикаторы внутри них здесь не "
              "заполняются (ответ на такой индикатор — ошибка `given-score-conflict`).",
    },
    "q.conflict": {
        "en": "**Not saved:** `{path}` {what} since you opened it. Compare both versions, then reload the file "
              "from disk (your edits are lost) or keep yours (the version on disk is replaced).",
        "ru": "**Не сохранено:** файл `{path}` {what} после того, как вы его открыли. Сравните обе версии, затем "
              "загрузите файл с диска заново (ваши правки будут потеряны) или оставьте свою версию (версия на "
              "диске будет заменена).",
    },
    "q.conflict.deleted": {"en": "was deleted", "ru": "был удалён"},
    "q.conflict.changed": {"en": "changed on disk", "ru": "изменился на диске"},
    "q.on_disk": {"en": "**On disk now**", "ru": "**Сейчас на диске**"},
    "q.yours": {"en": "**Yours**", "ru": "**Ваша версия**"},
    "q.deleted": {"en": "(deleted)", "ru": "(удалён)"},
    "q.differences": {"en": "Differences (on disk → yours)", "ru": "Различия (на диске → ваша версия)"},
    "q.no_difference": {"en": "(no difference)", "ru": "(различий нет)"},
    "q.reload": {"en": "Reload from disk (discard my edits)", "ru": "Загрузить с диска (отменить мои правки)"},
    "q.sure": {"en": "I have compared both versions", "ru": "Я сравнил(а) обе версии"},
    "q.force": {"en": "Keep mine (replace the file on disk)", "ru": "Оставить мою (заменить файл на диске)"},
    "q.saved_replacing": {
        "en": "Saved `{path}` (replacing the version on disk).",
        "ru": "Сохранено: `{path}` (версия на диске заменена).",
    },
    "q.not_valid": {"en": "{v} (not valid)", "ru": "{v} (недопустимое значение)"},
    "q.progress": {"en": "**Progress**", "ru": "**Ход заполнения**"},
    "q.area_progress": {
        "en": "{code} {title}: {k} of {n} answered",
        "ru": "{code} {title}: отвечено {k} из {n}",
    },
    "q.area_coverage": {"en": " · coverage {pct}", "ru": " · охват {pct}"},
    "q.all_answered": {
        "en": "All: {k} of {n} questions answered ({na} n/a).",
        "ru": "Всего: отвечено на {k} из {n} вопросов (неприменимо: {na}).",
    },
    "q.validation": {"en": "**Validation**", "ru": "**Проверка**"},
    "q.no_problems": {"en": "No problems", "ru": "Проблем нет"},
    "q.not_answered_yet": {
        "en": " ({n} questions not answered yet)",
        "ru": " (без ответа пока вопросов: {n})",
    },
    "q.missing_answers": {
        "en": "{n} questions not answered yet (`missing-answer`{final}).",
        "ru": "Без ответа пока вопросов: {n} (`missing-answer`{final}).",
    },
    "q.missing_final": {"en": ", an error for a final profile", "ru": "; для окончательного профиля это ошибка"},
    "q.preview": {"en": "**Score preview**", "ru": "**Предварительные оценки**"},
    "q.preview_note": {
        "en": "An area needs enough of its questions answered to have a score (the scheme's coverage rule).",
        "ru": "Оценка области появляется, когда отвечено достаточно её вопросов (правило охвата схемы).",
    },
    "q.first": {"en": "**Answer these first**", "ru": "**Ответьте сначала на эти**"},
    "q.col.indicator": {"en": "indicator", "ru": "индикатор"},
    "q.col.swing": {"en": "can move overall by", "ru": "может изменить общую оценку на"},
    "q.col.decides": {"en": "decides", "ru": "определяет"},
    "q.todo_note": {
        "en": "{n} open questions, ordered by how far each can still move the overall score (weight share × "
              "option range).",
        "ru": "Открытых вопросов: {n}; они упорядочены по тому, насколько каждый ещё может изменить общую "
              "оценку (доля веса × разброс вариантов).",
    },
    "q.todo_undetermined": {
        "en": " Undetermined against the {base}: {codes}.",
        "ru": " Не определено относительно базы «{base}»: {codes}.",
    },
    "q.todo_settle": {"en": " At best settled: {items}.", "ru": " В лучшем случае определится: {items}."},
    "q.todo_after": {"en": "{code} after {k} ({first})", "ru": "{code} после {k} ({first})"},
    "q.save_head": {"en": "**Save**", "ru": "**Сохранение**"},
    "q.save": {"en": "Save", "ru": "Сохранить"},
    "q.fix_errors": {"en": "Fix the errors first.", "ru": "Сначала исправьте ошибки."},
    "q.resolve_conflict": {"en": "Resolve the conflict first.", "ru": "Сначала разрешите конфликт."},
    "q.saved_at": {"en": "Saved `{path}` at {time}.", "ru": "Сохранено: `{path}`, {time}."},
    "q.uncited": {
        "en": {"one": " {n} answer cites no source yet: {codes}.", "other": " {n} answers cite no source yet: {codes}."},
        "ru": {"one": " Ответов без указания источника: {n} ({codes}).",
               "few": " Ответов без указания источника: {n} ({codes}).",
               "many": " Ответов без указания источника: {n} ({codes}).",
               "other": " Ответов без указания источника: {n} ({codes})."},
    },
    "q.download": {"en": "Download this profile (YAML)", "ru": "Скачать профиль (YAML)"},
    "q.changes": {"en": "Changes to be saved", "ru": "Изменения к сохранению"},
    "q.none": {"en": "(none)", "ru": "(нет)"},
    "q.show": {"en": "Show", "ru": "Показать"},
    "q.show.by_area": {"en": "By area", "ru": "По областям"},
    "q.show.first": {"en": "Answer these first", "ru": "Сначала важные"},
    "q.show_help": {
        "en": "Answer these first: the open questions, most decisive first (`indexer todo`).",
        "ru": "Сначала важные: открытые вопросы, начиная с тех, что сильнее всего влияют на оценку "
              "(`indexer todo`).",
    },
    "q.cards_note": {
        "en": "{n} open questions, each with the {level} it belongs to; the order updates as you answer.",
        "ru": "Открытых вопросов: {n}; у каждого указано, к чему он относится ({level}); порядок "
              "обновляется по мере ответов.",
    },
    "q.area": {"en": "Area", "ru": "Область"},
    "q.answer": {"en": "Answer", "ru": "Ответ"},
    "q.numeric_ph": {
        "en": "a number ({unit}; {lo}–{hi}, best {best}), or n/a; blank = not answered yet",
        "ru": "число ({unit}; {lo}–{hi}, лучшее — {best}) или n/a; пусто — ответа пока нет",
    },
    "q.no_unit": {"en": "no unit", "ru": "без единиц"},
    "q.opt.blank": {"en": "— not answered yet —", "ru": "— ответа пока нет —"},
    "q.opt.na": {"en": "n/a — not applicable", "ru": "n/a — неприменимо"},
    "q.opt.not_option": {"en": "{v} — not an option of {code}", "ru": "{v} — нет такого варианта у {code}"},
    "q.source": {"en": "Source (law and article)", "ru": "Источник (закон и статья)"},
    "q.note": {"en": "Note", "ru": "Примечание"},
    "q.url": {"en": "URL", "ru": "Ссылка (URL)"},
    "q.quote": {"en": "Quote (the provision's own words)", "ru": "Цитата (дословный текст нормы)"},
    "q.confidence": {"en": "Confidence", "ru": "Уверенность"},
    "q.conf.none": {"en": "— not given —", "ru": "— не указана —"},
    "q.conf_help": {
        "en": "high: the quoted provision settles the answer by itself; medium: it needs judgement, or only a "
              "reliable secondary source states it (CODING.md)",
        "ru": "high: процитированная норма сама по себе определяет ответ; medium: требуется толкование, либо это "
              "утверждает только надёжный вторичный источник (CODING.md)",
    },
    # --- shared helpers (app_format, app_widgets)
    "stat.median": {"en": "median", "ru": "медиана"},
    "stat.mean": {"en": "mean", "ru": "среднее"},
    "stat.min": {"en": "minimum", "ru": "минимум"},
    "stat.max": {"en": "maximum", "ru": "максимум"},
    "base.none": {"en": "no baseline", "ru": "без базы сравнения"},
    "base.label": {"en": "{group} {stat}", "ru": "{group}: {stat}"},
    "rank.of": {"en": "{rank} of {n}", "ru": "{rank} из {n}"},
    "verdict.undetermined": {"en": "undetermined against the {base}", "ru": "не определено относительно «{base}»"},
    "verdict.above": {"en": "above the {base} whatever the open answers",
                      "ru": "выше «{base}» при любых оставшихся ответах"},
    "verdict.below": {"en": "below the {base} whatever the open answers",
                      "ru": "ниже «{base}» при любых оставшихся ответах"},
    "verdict.equal": {"en": "level with the {base} whatever the open answers",
                      "ru": "на уровне «{base}» при любых оставшихся ответах"},
    "noscore.nothing": {"en": "nothing applicable is answered", "ru": "нет ответов на применимые вопросы"},
    "noscore.none": {"en": "no question answered yet", "ru": "пока нет ответа ни на один вопрос"},
    "noscore.below": {"en": "coverage {cov}, below the {need} needed", "ru": "охват {cov} ниже требуемых {need}"},
    "noscore.parts": {"en": "no part of it has a score", "ru": "ни у одной из её частей нет оценки"},
    "prov.illustrative_one": {
        "en": "**Illustrative data:** {who}: an illustrative coding — a desk draft that shows how the index works, "
              "not an official or published assessment. Do not cite these answers or scores as facts about the "
              "law in force.",
        "ru": "**Иллюстративные данные:** {who}: иллюстративное кодирование — кабинетный черновик, показывающий, "
              "как работает индекс, а не официальная или опубликованная оценка. Не ссылайтесь на эти ответы и "
              "оценки как на факты о действующем законодательстве.",
    },
    "prov.illustrative_many": {
        "en": "**Illustrative data:** {who}: illustrative codings — desk drafts that show how the index works, not "
              "official or published assessments. Do not cite these answers or scores as facts about the law in "
              "force.",
        "ru": "**Иллюстративные данные:** {who}: иллюстративные кодирования — кабинетные черновики, показывающие, "
              "как работает индекс, а не официальные или опубликованные оценки. Не ссылайтесь на эти ответы и "
              "оценки как на факты о действующем законодательстве.",
    },
    "prov.members": {"en": "baseline members {who}", "ru": "члены базовой группы {who}"},
    "prov.sources": {"en": "Sources of published scores ({who})", "ru": "Источники опубликованных оценок ({who})"},
    "prov.sources_members": {"en": "baseline members", "ru": "члены базовой группы"},
    "prov.sources_and_members": {"en": "{who}, and baseline members", "ru": "{who} и члены базовой группы"},
    "prov.no_source": {"en": "(no source given in the file)", "ru": "(источник в файле не указан)"},
    "prov.col.country": {"en": "country", "ru": "страна"},
    "prov.col.year": {"en": "year", "ru": "год"},
    "prov.col.provenance": {"en": "provenance", "ru": "происхождение"},
    "prov.col.source": {"en": "source", "ru": "источник"},
    "prov.col.notes": {"en": "notes", "ru": "примечания"},
    "excluded.notice": {
        "en": {"one": "{n} profile file with errors is left out of every score: {files}. See **Scheme & validation** "
                      "for the problems.",
               "other": "{n} profile files with errors are left out of every score: {files}. See **Scheme & "
                        "validation** for the problems."},
        "ru": {"one": "{n} файл профиля с ошибками не учитывается ни в одной оценке: {files}. Ошибки — на странице "
                      "**Схема и проверка**.",
               "few": "{n} файла профилей с ошибками не учитываются ни в одной оценке: {files}. Ошибки — на "
                      "странице **Схема и проверка**.",
               "many": "{n} файлов профилей с ошибками не учитываются ни в одной оценке: {files}. Ошибки — на "
                       "странице **Схема и проверка**.",
               "other": "{n} файла профилей с ошибками не учитываются ни в одной оценке: {files}. Ошибки — на "
                        "странице **Схема и проверка**."},
    },
    "coding.label": {"en": "Coding", "ru": "Кодирование"},
    "coding.default": {"en": "(default: published first)", "ru": "(по умолчанию: сначала опубликованные)"},
    "coding.help": {
        "en": "Where a country-year has several codings (e.g. published scores and a desk coding), prefer this "
              "one; elsewhere the default order: published, official, expert, illustrative. Gaps and reforms "
              "read the codings that answer indicators.",
        "ru": "Если для страны и года есть несколько кодирований (например, опубликованные оценки и кабинетное "
              "кодирование), предпочесть это; в остальных случаях — порядок по умолчанию: опубликованные, "
              "официальные, экспертные, иллюстративные. Разрывы и реформы рассчитываются по кодированиям с "
              "ответами на вопросы.",
    },
    # --- Compare
    "cmp.title": {"en": "Compare countries", "ru": "Сравнение стран"},
    "cmp.no_profiles": {
        "en": "No profiles to compare yet: add one on the **Questionnaire** page.",
        "ru": "Пока нечего сравнивать: добавьте профиль на странице **Анкета**.",
    },
    "cmp.latest": {"en": "latest", "ru": "последний"},
    "cmp.year_help": {
        "en": "Each country's profile for this year, or else its latest earlier one.",
        "ru": "Профиль каждой страны за этот год, а если его нет — последний более ранний.",
    },
    "cmp.baseline": {"en": "Baseline group", "ru": "Базовая группа"},
    "cmp.no_group": {"en": "(none)", "ru": "(нет)"},
    "cmp.group_option": {"en": "{name} — {title} ({n} members)", "ru": "{name} — {title} (членов: {n})"},
    "cmp.stat": {"en": "Statistic", "ru": "Статистика"},
    "cmp.stat_help": {
        "en": "Of the group members' scores at each node; members without a score are left out. MIPEX's printed "
              "'averages' are medians.",
        "ru": "По оценкам членов группы в каждом узле; члены без оценки не учитываются. Опубликованные в MIPEX "
              "«средние» — это медианы.",
    },
    "cmp.pick_ph": {"en": "Pick countries to compare", "ru": "Выберите страны для сравнения"},
    "cmp.add_peers": {"en": "Add post-Soviet peers ({codes})", "ru": "Добавить постсоветские страны ({codes})"},
    "cmp.peers_help": {
        "en": "Moldova, Russia and Ukraine: published MIPEX scores.",
        "ru": "Молдова, Россия и Украина: опубликованные оценки MIPEX.",
    },
    "cmp.pick_one": {"en": "Pick at least one country.", "ru": "Выберите хотя бы одну страну."},
    "cmp.absent": {"en": "No profile up to {year} for {who}: left out.", "ru": "Нет профиля до {year} г. для: {who}; не показано."},
    "cmp.scores_for": {"en": "Scores for **{year}**.", "ru": "Оценки за **{year}** г."},
    "cmp.older": {"en": "Older profiles used: {items}.", "ru": "Использованы более ранние профили: {items}."},
    "cmp.baseline_note": {
        "en": "Baseline: {stat} of {group} over the members with a score (n at each node); {k} of {n} members have "
              "a profile up to {year}",
        "ru": "База сравнения: {stat} по {group} среди членов, имеющих оценку (n в каждом узле); профиль до {year} г. "
              "есть у {k} из {n} членов",
    },
    "cmp.carried": {"en": ", {n} of them an older one carried forward.", "ru": ", у {n} из них перенесён более ранний."},
    "cmp.other_codings": {
        "en": "Other codings of the same year, not used here: {items} (the **Coding** selector prefers one).",
        "ru": "Другие кодирования того же года, здесь не использованные: {items} (выбор — в поле **Кодирование**).",
    },
    "cmp.baseline_help": {"en": "{stat} of the members' overall scores", "ru": "{stat} общих оценок членов группы"},
    "cmp.baseline_n": {
        "en": "n = {k} of {n} members with an overall score",
        "ru": "n = {k} из {n} членов с общей оценкой",
    },
    "cmp.thin": {"en": " · {mark} **thin**: fewer than half the members", "ru": " · {mark} **мало данных**: меньше половины членов"},
    "cmp.their_bounds": {"en": " · their bounds give {bounds}", "ru": " · по их границам: {bounds}"},
    "cmp.gap": {"en": "{gap} vs {group}", "ru": "{gap} к {group}"},
    "cmp.bounds_help": {
        "en": "No overall score yet: the least and the most it can become once every open question is answered.",
        "ru": "Общей оценки пока нет: наименьшее и наибольшее значение, которое она может принять, когда будут "
              "даны ответы на все открытые вопросы.",
    },
    "cmp.coverage": {"en": "coverage {pct}", "ru": "охват {pct}"},
    "cmp.rank": {"en": "rank {rank}", "ru": "место {rank}"},
    "cmp.profile": {"en": "profile {year}", "ru": "профиль {year}"},
    "cmp.overall_help": {
        "en": "Overall score; the delta is the gap to the baseline.",
        "ru": "Общая оценка; изменение — разрыв с базой сравнения.",
    },
    "cmp.no_overall": {"en": "No overall score: {why}", "ru": "Общей оценки нет: {why}"},
    "cmp.could_become": {"en": " · could still become {bounds}", "ru": " · ещё может составить {bounds}"},
    "tab.areas": {"en": "Areas", "ru": "Области"},
    "tab.verdicts": {"en": "Verdicts", "ru": "Выводы"},
    "tab.heatmap": {"en": "Heatmap", "ru": "Тепловая карта"},
    "tab.drill": {"en": "Drill-down", "ru": "Детализация"},
    "tab.trends": {"en": "Trends", "ru": "Динамика"},
    "tab.table": {"en": "Table", "ru": "Таблица"},
    "cmp.hover": {
        "en": "Hover for coverage, band, rank and the profile year; n under each area = baseline members with a "
              "score there.",
        "ru": "Наведите курсор, чтобы увидеть охват, категорию, место и год профиля; n под каждой областью — число "
              "членов базовой группы, имеющих там оценку.",
    },
    "cmp.verdicts_note": {
        "en": "What each score can still become once every open question is answered, and whether the country is "
              "above or below the baseline whatever those answers turn out to be (SPEC §3.1).",
        "ru": "Какое значение каждая оценка ещё может принять, когда будут даны ответы на все открытые вопросы, и "
              "выше или ниже базы сравнения страна окажется при любых таких ответах (SPEC §3.1).",
    },
    "cmp.pick_baseline": {
        "en": "Pick a baseline group for verdicts and rank bounds.",
        "ru": "Выберите базовую группу, чтобы увидеть выводы и границы мест.",
    },
    "cmp.drill_note": {
        "en": "Pick an area, then a dimension, then an indicator: the table shows the level below your choice; an "
              "indicator shows each country's answer, the law it cites and its provenance.",
        "ru": "Выберите область, затем раздел, затем индикатор: таблица показывает уровень ниже выбранного; для "
              "индикатора — ответ каждой страны, норму закона, на которую он ссылается, и происхождение данных.",
    },
    "cmp.all_level": {"en": "— all {level}s —", "ru": "— все ({level}) —"},
    "cmp.q": {"en": "**Q:** {q}", "ru": "**Вопрос:** {q}"},
    "cmp.numeric": {
        "en": "A number ({unit}); goalposts {lo}–{hi}, best {best}.",
        "ru": "Число ({unit}); пределы {lo}–{hi}, лучшее значение — {best}.",
    },
    "cmp.published_score": {"en": "(published score of {code}: {score})", "ru": "(опубликованная оценка {code}: {score})"},
    "cmp.baseline_at": {
        "en": "{base} at {code}: {score} (n = {n} members with a score).",
        "ru": "{base} для {code}: {score} (n = {n} членов с оценкой).",
    },
    "cmp.chart_of": {"en": "Chart of {code} {title}", "ru": "Диаграмма: {code} {title}"},
    "cmp.one_year": {"en": "Only one year of profiles: no trend to show.", "ru": "Профили только за один год: динамики нет."},
    "cmp.node": {"en": "Node", "ru": "Узел"},
    "cmp.download": {"en": "Download the table (CSV)", "ru": "Скачать таблицу (CSV)"},
    "cmp.rounded": {
        "en": "Scores are rounded for display only; the CSV holds them unrounded.",
        "ru": "Оценки округлены только для показа; в CSV они без округления.",
    },
    # --- Country profile
    "cty.no_profiles": {"en": "No profiles yet: add one on the **Questionnaire** page.",
                        "ru": "Профилей пока нет: добавьте профиль на странице **Анкета**."},
    "cty.profile_of": {"en": "profile of **{year}**", "ru": "профиль за **{year}** г."},
    "cty.about": {"en": "About this profile", "ru": "Об этом профиле"},
    "cty.pdf": {"en": "Download the profile (PDF)", "ru": "Скачать профиль (PDF)"},
    "cty.overall": {"en": "Overall score", "ru": "Общая оценка"},
    "cty.band": {"en": "Band", "ru": "Категория"},
    "cty.rank": {"en": "Rank", "ru": "Место"},
    "cty.coverage": {"en": "Coverage", "ru": "Охват"},
    "cty.rank_help": {
        "en": "Among the group's members with a score (the country counted in); a range while the profile is partly "
              "coded: the best and worst rank it can still reach",
        "ru": "Среди членов группы, имеющих оценку (с учётом самой страны); пока профиль закодирован частично — "
              "диапазон лучшего и худшего из ещё возможных мест",
    },
    "cty.coverage_help": {
        "en": "Share of applicable questions answered (or given as a published score)",
        "ru": "Доля применимых вопросов, на которые дан ответ (или приведена опубликованная оценка)",
    },
    "cty.baseline": {
        "en": "Baseline {base}: {score} overall (n = {n} of {members} members with an overall score).",
        "ru": "База сравнения {base}: {score} (общая оценка; n = {n} из {members} членов с общей оценкой).",
    },
    "cty.partly": {
        "en": "Partly coded ({pct} answered): the overall score will lie {bounds} once every open question is "
              "answered{verdict}. `indexer todo` lists what to answer first.",
        "ru": "Профиль закодирован частично (отвечено {pct}): когда будут даны ответы на все открытые вопросы, "
              "общая оценка составит {bounds}{verdict}. Что отвечать в первую очередь — `indexer todo`.",
    },
    "cty.col.area": {"en": "area", "ru": "область"},
    "cty.sw_indicators": {"en": "Strongest and weakest indicators", "ru": "Сильнейшие и слабейшие индикаторы"},
    "cty.sw_published": {"en": "Strongest and weakest published scores", "ru": "Сильнейшие и слабейшие опубликованные оценки"},
    "cty.nothing": {"en": "Nothing scored yet at this level.", "ru": "На этом уровне оценок пока нет."},
    "cty.strongest": {"en": "Strongest", "ru": "Сильнейшие"},
    "cty.weakest": {"en": "Weakest", "ru": "Слабейшие"},
    "cty.gaps": {"en": "Largest gaps to the {base}", "ru": "Наибольшие разрывы с базой «{base}»"},
    "cty.gaps_note": {
        "en": "Ordered by how much closing each gap would raise the overall score (weight share × gap).",
        "ru": "Упорядочено по тому, насколько устранение каждого разрыва повысило бы общую оценку (доля веса × разрыв).",
    },
    "cty.changes": {"en": "Changes between years", "ru": "Изменения по годам"},
    "cty.since": {"en": "Since the previous profile ({year}, {prov}):", "ru": "С предыдущего профиля ({year}, {prov}):"},
    "cty.no_change": {"en": "No score changed.", "ru": "Оценки не изменились."},
    "cty.answers_changed": {"en": "**Answers that changed**", "ru": "**Изменившиеся ответы**"},
    "cty.one_profile": {"en": "One profile only ({year}): no changes between years to show.",
                        "ru": "Только один профиль ({year}): изменений по годам нет."},
    "cty.sources": {"en": "Sources", "ru": "Источники"},
    "cty.cited": {"en": "{k} of {n} questions answered; {c} cite a source.",
                  "ru": "Отвечено {k} из {n} вопросов; источник указан в {c}."},
    "cty.not_answered": {"en": "Not answered yet ({n})", "ru": "Пока без ответа ({n})"},
    "cty.no_answers": {"en": "This profile has no answers yet.", "ru": "В этом профиле пока нет ответов."},
    "cty.agree": {
        "en": "Two codings of {year} side by side: {a} and {b} answer {pct} of the questions alike",
        "ru": "Две кодировки {year} г. рядом: {a} и {b} одинаково отвечают на {pct} вопросов",
    },
    "cty.agree_note": {
        "en": "Per area: the questions both codings answer, how many alike, Cohen's linearly weighted kappa on the "
              "answers' scores (1 = perfect agreement, 0 = what chance gives) and each coding's score. The noise "
              "between two readings of the same law, before either is compared with another country "
              "(`indexer agree`).",
        "ru": "По областям: вопросы, на которые отвечают обе кодировки, сколько из них одинаково, взвешенная каппа "
              "Коэна по баллам ответов (1 — полное согласие, 0 — случайное) и оценка по каждой кодировке. Это "
              "расхождение двух прочтений одного закона до сравнения с другой страной (`indexer agree`).",
    },
    "cty.agree_diff": {"en": "Answered differently ({a} / {b}): {items}.",
                       "ru": "Ответы расходятся ({a} / {b}): {items}."},
    "agr.col.both": {"en": "both answer", "ru": "отвечают обе"},
    "agr.col.same": {"en": "alike", "ru": "одинаково"},
    "agr.col.agreement": {"en": "agreement", "ru": "согласие"},
    "agr.col.kappa": {"en": "kappa", "ru": "каппа"},
    "rob.title": {"en": "Robustness of the ranks", "ru": "Устойчивость мест в рейтинге"},
    "cmp.unscored": {
        "en": "No area score for {who}: too few questions are answered for the scheme's coverage rule. The hatched "
              "boxes show what each area can still score once every open question is answered, with the share "
              "answered; see **Verdicts** for what is already decided and the **Questionnaire** page for what to "
              "answer first.",
        "ru": "Нет оценок областей для: {who} — для правила охвата схемы отвечено слишком мало вопросов. "
              "Заштрихованные прямоугольники показывают, какую оценку каждая область ещё может получить, когда будут "
              "даны ответы на все открытые вопросы, и долю отвеченных; что уже определено — на вкладке "
              "**Выводы**, что отвечать в первую очередь — на странице **Анкета**.",
    },
    "cmp.bars_note": {
        "en": "Bars are scores; a hatched box spans the lowest to the highest score a partly coded area can still "
              "reach (SPEC §3.1).",
        "ru": "Столбцы — оценки; заштрихованный прямоугольник охватывает диапазон от наименьшей до наибольшей "
              "оценки, которую частично закодированная область ещё может получить (SPEC §3.1).",
    },
    "cmp.baseline_bounds": {
        "en": "Baseline bounds: the {stat} of the lower (and of the upper) bounds of the members with a score. Rank: "
              "the best and worst rank the country can still reach among them. `indexer todo` lists the open "
              "indicators that decide an undetermined verdict.",
        "ru": "Границы базы: {stat} нижних (и верхних) границ членов, имеющих оценку. Место: лучшее и худшее место, "
              "которое страна ещё может занять среди них. Открытые вопросы, от которых зависит неопределённый "
              "вывод, перечисляет `indexer todo`.",
    },
    "cmp.trend_note": {
        "en": "Filled markers: a profile of that year; open markers: the latest earlier profile carried forward. On "
              "the baseline, an open triangle is a thin value ({mark} fewer than half the members). Hover for "
              "coverage, rank and baseline n.",
        "ru": "Закрашенные маркеры — профиль этого года; незакрашенные — перенесённый последний более ранний профиль. "
              "На линии базы незакрашенный треугольник — значение по малому числу данных ({mark} меньше половины "
              "членов). Охват, место и n базы — при наведении курсора.",
    },
    "cmp.no_score_any": {"en": "No score at {code} in any year: {who}.", "ru": "Нет оценки для {code} ни за один год: {who}."},
    "cmp.one_profile": {"en": "One profile only: {who} (a flat line or a point).",
                        "ru": "Только один профиль: {who} (горизонтальная линия или точка)."},
    "col.gap": {"en": "gap", "ru": "разрыв"},
    # --- the charts' words (app_figures): hover texts, axis titles, legend entries
    "fig.score": {"en": "score", "ru": "оценка"},
    "fig.coverage": {"en": "coverage", "ru": "охват"},
    "fig.rank": {"en": "rank", "ru": "место"},
    "fig.profile": {"en": "profile {year}", "ru": "профиль {year} г."},
    "fig.profile_of": {"en": "profile of {year}", "ru": "по профилю {year} г."},
    "fig.members": {"en": "(n={n} members)", "ru": "(членов группы с оценкой: {n})"},
    "fig.thin": {"en": "thin", "ru": "мало данных"},
    "fig.answered": {"en": "({pct} answered)", "ru": "(отвечено {pct})"},
    "fig.possible_range": {"en": "{name}: possible range", "ru": "{name}: возможный диапазон"},
    "fig.once_answered": {"en": "{bounds} once every open question is answered",
                          "ru": "{bounds}, когда будут даны ответы на все открытые вопросы"},
    # --- the static charts (app_svg) and the switch to the interactive ones
    "svg.illustrative": {"en": "illustrative", "ru": "иллюстративно"},
    "svg.range": {"en": "possible range (open questions)", "ru": "возможный диапазон (открытые вопросы)"},
    "svg.ring": {"en": "possible range", "ru": "возможный диапазон"},
    "svg.bars_title": {"en": "Bar chart of scores: {who}", "ru": "Столбчатая диаграмма оценок: {who}"},
    "svg.radar_title": {"en": "Radar chart of scores: {who}", "ru": "Лепестковая диаграмма оценок: {who}"},
    "svg.heat_title": {"en": "Heatmap of scores: {who}", "ru": "Тепловая карта оценок: {who}"},
    "cmp.interactive": {"en": "Interactive charts", "ru": "Интерактивные диаграммы"},
    "cmp.interactive_help": {
        "en": "Off: light static charts, drawn as images, their values in a table beside them. On: zoomable "
              "charts with hover details, which load a charting library into the page (a few seconds the first "
              "time).",
        "ru": "Выключено: лёгкие статичные диаграммы в виде изображений, их значения — в таблице рядом. "
              "Включено: масштабируемые диаграммы с подсказками при наведении; для них в страницу загружается "
              "библиотека диаграмм (в первый раз — несколько секунд).",
    },
    "cmp.static_hover": {
        "en": "Each value with its coverage, band, rank and profile year: **Values of the charts** below (or "
              "switch on **Interactive charts** and point at a bar); n under each area = baseline members with a "
              "score there.",
        "ru": "Каждое значение с охватом, категорией, местом и годом профиля — в разделе **Значения диаграмм** "
              "ниже (или включите **Интерактивные диаграммы** и наведите указатель на столбец); n под каждой "
              "областью — число членов базовой группы, имеющих там оценку.",
    },
    # --- the static charts' values in words (app_svg.chart_values: what their tooltips carried)
    "val.title": {"en": "Values of the charts", "ru": "Значения диаграмм"},
    "val.profile_year": {"en": "profile year", "ru": "год профиля"},
    "val.baseline_n": {"en": "baseline n", "ru": "n базовой группы"},
}
