"""The indexer app: thin views over the library (``make run`` starts it).

Pages live in ``app_pages/``; every ``app_pages/*.py`` (not starting with ``_``) is a page of the
navigation, the known ones first in the order below, any others after them by name. The data
root is ``$INDEXER_DATA_ROOT`` (default: this repository's ``indicators/`` and
``country_profiles/``).
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from indexer import app_support as sup

HERE = Path(__file__).resolve().parent
PAGES_DIR = HERE / "app_pages"

#: file stem -> (title, icon), in navigation order
KNOWN_PAGES = {
    "compare": ("Compare", ":material/compare_arrows:"),
    "country": ("Country profile", ":material/flag:"),
    "robustness": ("Robustness", ":material/ssid_chart:"),
    "reform": ("Reform scenarios", ":material/construction:"),
    "questionnaire": ("Questionnaire", ":material/edit_note:"),
    "scheme": ("Scheme & validation", ":material/account_tree:"),
}

#: selections shared by the pages (kept when a page that does not draw them runs)
SHARED_KEYS = ("scheme", "countries", "baseline", "stat", "year", "country", "country_year")


def page_files(folder: Path = PAGES_DIR) -> list[Path]:
    """The page scripts: known pages in their order, then the others by name."""
    found = {p.stem: p for p in folder.glob("*.py") if not p.name.startswith("_")}
    known = [found[s] for s in KNOWN_PAGES if s in found]
    return known + sorted((p for s, p in found.items() if s not in KNOWN_PAGES), key=lambda p: p.stem)


def make_page(path: Path) -> st.Page:
    title, icon = KNOWN_PAGES.get(path.stem, (path.stem.replace("_", " ").capitalize(), ":material/article:"))
    return st.Page(path, title=title, icon=icon, url_path=path.stem, default=path.stem == "compare")


st.set_page_config(page_title="indexer", page_icon=":material/balance:", layout="wide")
sup.keep_state(*SHARED_KEYS)
nav = st.navigation([make_page(p) for p in page_files()])

data = sup.load_data()
with st.sidebar:
    n_prof = len(data.bundle.profiles)
    st.caption(f"Data: {len(data.schemes)} scheme{'s' * (len(data.schemes) != 1)}, {n_prof} profile"
               f"{'s' * (n_prof != 1)}, {len(data.groups)} groups · `{data.root}`")
    if data.excluded:
        st.caption(f":red[{len(data.excluded)} profile file(s) with errors are left out of scores.]")
nav.run()
