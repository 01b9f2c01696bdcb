"""The indexer app: thin views over the library (``make run`` starts it).

Pages live in ``app_pages/``; every ``app_pages/*.py`` (not starting with ``_``) is a page of the
navigation, the known ones first (``app_widgets.KNOWN_PAGES``), any others after them by name.
The data root is ``$INDEXER_DATA_ROOT`` (default: this repository's ``indicators/`` and
``country_profiles/``).
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from indexer import app_data as dat
from indexer import app_lang as lang
from indexer import app_widgets as ui
from indexer.i18n import MESSAGES

PAGES_DIR = Path(__file__).resolve().parent / "app_pages"

#: selections shared by the pages (kept when a page that does not draw them runs)
SHARED_KEYS = ("scheme", "countries", "baseline", "stat", "year", "country", "country_year", "coding",
               lang.LANG_KEY, ui.INTERACTIVE_KEY)


def make_page(path: Path) -> st.Page:
    title, icon = ui.page_title(path.stem)
    if f"page.{path.stem}" in MESSAGES:
        title = lang.tr(f"page.{path.stem}")
    return st.Page(path, title=title, icon=icon, url_path=path.stem, default=path.stem == "compare")


st.set_page_config(page_title="indexer", page_icon=":material/balance:", layout="wide")
ui.keep_state(*SHARED_KEYS)
nav = st.navigation([make_page(p) for p in ui.page_files(PAGES_DIR)])

data = dat.load_data()
with st.sidebar:
    lang.selector()
    st.caption(lang.tr("app.data", schemes=lang.tr("count.schemes", n=len(data.schemes)),
                       profiles=lang.tr("count.profiles", n=len(data.bundle.profiles)),
                       groups=len(data.groups), root=data.root))
    if data.excluded:
        st.caption(lang.tr("app.excluded", n=len(data.excluded)))
with dat.same_data_for_the_page(data):  # the page reads the same data, fingerprinted once
    nav.run()
