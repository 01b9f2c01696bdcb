"""The app's support library, by responsibility (this module only re-exports them, for older imports):

- :mod:`indexer.app_data`: the data root, loading and validating it once per change, the cached
  scores, comparisons, time series and profile views, and the app's defaults;
- :mod:`indexer.app_format`: how values and labels are written (pure functions);
- :mod:`indexer.app_widgets`: pages, session state, shared selectors, tables and notices;
- :mod:`indexer.app_figures`: the plotly charts;
- :mod:`indexer.app_save`: where a profile may be written, snapshots, atomic saves, conflicts;
- :mod:`indexer.app_edit`: the questionnaire's values, round-trip YAML edits, checks, documents.
"""

from __future__ import annotations

from .app_data import (  # noqa: F401
    BASELINE_GROUPS,
    DEFAULT_STAT,
    ENV_ROOT,
    FOCUS,
    PEERS,
    PROFILES_DIR,
    REPO_ROOT,
    SCHEMES_DIR,
    AppData,
    coding_options,
    comparison,
    data_root,
    default_countries,
    default_group,
    default_scheme,
    fingerprint,
    load_data,
    pdf_maker,
    peers,
    profile_view,
    read_data,
    scored,
    series,
    usable_groups,
)
from .app_edit import (  # noqa: F401
    CONFIDENCE_CHOICES,
    MAX_EDIT_BYTES,
    META_FIELDS,
    Answer,
    Checked,
    Doc,
    DocError,
    EditError,
    answers_of,
    apply_edits,
    check_text,
    meta_of,
    new_doc,
    new_profile_text,
    open_doc,
    save_doc,
    upload_doc,
)
from .app_figures import (  # noqa: F401
    BAND_COLOURS,
    BASELINE_COLOUR,
    COUNTRY_COLOURS,
    bars_figure,
    heatmap_figure,
    radar_figure,
    trend_figure,
)
from .app_format import (  # noqa: F401
    GAP,
    PCT,
    SCORE,
    STAT_LABELS,
    THIN_MARK,
    VERDICT_KEYS,
    VERDICT_WORDS,
    answer_text,
    baseline_label,
    coding_text,
    country_label,
    display_frame,
    fmt_bounds,
    fmt_int,
    fmt_pct,
    fmt_rank,
    fmt_rank_bounds,
    fmt_score,
    fmt_verdict,
    illustrative_countries,
    is_missing,
    is_open_interval,
    n_text,
    no_score_reason,
    none_if,
    scheme_label,
    stat_label,
)
from .app_lang import current as current_language  # noqa: F401
from .app_save import (  # noqa: F401
    SaveConflict,
    Snapshot,
    UnsafePath,
    check_new_profile,
    diff_text,
    digest,
    new_profile_path,
    profiles_root,
    safe_profile_path,
    save_profile,
    snapshot,
)
from .app_widgets import (  # noqa: F401
    ALL,
    DEFAULT_CODING,
    KNOWN_PAGES,
    LATEST,
    NO_GROUP,
    coding_selector,
    country_controls,
    current_coding,
    ensure_choice,
    ensure_choices,
    excluded_notice,
    keep_state,
    page_files,
    page_title,
    show_provenance,
    show_table,
)
from .model import CITATION_FIELDS, PROVENANCES, STATUSES  # noqa: F401
