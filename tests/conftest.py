"""Shared helpers of the core engine's tests: write small YAML files, load, validate, score."""

from __future__ import annotations

import importlib.util
import math
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from indexer.load import Bundle, load_paths
from indexer.problems import Problem
from indexer.score import score
from indexer.validate import validate_bundle

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def script(name: str):
    """scripts/NAME.py, imported as a module."""
    spec = importlib.util.spec_from_file_location(name, REPO / "scripts" / f"{name}.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def write_files(root: Path, files: dict[str, str]) -> list[Path]:
    """Write ``{relative name: YAML text}`` under ``root`` (text dedented); return the paths."""
    out = []
    for name, text in files.items():
        p = root / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        out.append(p)
    return out


def profile_text(answers: str = "", *, scheme: str = "t", country: str = "XA", year: int = 2024,
                 status: str = "draft", scores: str = "") -> str:
    """A profile file: header plus ``answers`` (and ``scores``) given as `CODE: value` lines."""
    lines = [f"scheme: {scheme}", f"country: {country}", f"year: {year}", f"status: {status}", "answers:"]
    lines += ["  " + ln.strip() for ln in textwrap.dedent(answers).strip().splitlines() if ln.strip()]
    if scores.strip():
        lines.append("scores:")
        lines += ["  " + ln.strip() for ln in textwrap.dedent(scores).strip().splitlines() if ln.strip()]
    return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class Row:
    score: float | None
    coverage: float | None
    band: str
    level: str
    depth: int
    lower: float | None = None  # SPEC §3.1 bounds
    upper: float | None = None


def _num(v: float) -> float | None:
    return None if v is None or (isinstance(v, float) and math.isnan(v)) else float(v)


@pytest.fixture
def load_yaml(tmp_path: Path) -> Callable[..., Bundle]:
    """``load_yaml({"t.yaml": "...", "p.yaml": "..."})`` → the Bundle of those files."""

    def _load(files: dict[str, str]) -> Bundle:
        return load_paths(write_files(tmp_path, files))

    return _load


@pytest.fixture
def problems_of(tmp_path: Path) -> Callable[..., list[Problem]]:
    """``problems_of({...files})`` → every problem (validate_bundle) of those files."""

    def _problems(files: dict[str, str]) -> list[Problem]:
        return validate_bundle(load_paths(write_files(tmp_path, files)))

    return _problems


@pytest.fixture
def score_yaml(tmp_path: Path) -> Callable[..., dict]:
    """``score_yaml(scheme_text, profile_text, ...)`` → ``{(country, year): {code: Row}}``, or,
    with one profile, ``{code: Row}``. Asserts that the files validate without errors."""

    counter = iter(range(10**6))

    def _score(scheme: str, *profiles: str, check: bool = True) -> dict:
        d = tmp_path / f"case{next(counter)}"
        files = {"scheme.yaml": scheme} | {f"p{i}.yaml": p for i, p in enumerate(profiles)}
        bundle = load_paths(write_files(d, files))
        problems = validate_bundle(bundle)
        if check:
            errors = [str(p) for p in problems if p.is_error]
            assert not errors, errors
        (sch,) = bundle.schemes.values()
        df = score(sch, bundle.profiles)
        out: dict = {}
        for r in df.itertuples(index=False):
            out.setdefault((r.country, int(r.year)), {})[r.code] = Row(
                _num(r.score), _num(r.coverage), r.band, r.level, int(r.depth), _num(r.lower), _num(r.upper))
        if len(profiles) == 1:
            (only,) = out.values()
            return only
        return out

    return _score


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def in_repo(monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run in the repository (so that `indicators/` resolves to the bundled schemes)."""
    monkeypatch.chdir(REPO)
    return REPO


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run in an empty folder (no `indicators/` of its own)."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def profile_yaml(cc: str, answers: dict[str, object] | None = None, scores: dict[str, float] | None = None, *,
                 year: int = 2024, scheme: str = "tiny", status: str = "draft") -> str:
    """A profile file from dicts: ``answers`` (None values are blanks) and given ``scores``."""
    out = f"scheme: {scheme}\ncountry: {cc}\nyear: {year}\nstatus: {status}\n"
    if answers:
        out += "answers:\n" + "".join(f"  {k}:" + ("" if v is None else f" {v}") + "\n" for k, v in answers.items())
    if scores:
        out += "scores:\n" + "".join(f"  {k}: {v}\n" for k, v in scores.items())
    return out


@pytest.fixture
def demo_app_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A data root holding only the demo scheme and profiles, set as the app's
    ``INDEXER_DATA_ROOT``, with Streamlit's caches cleared around the test."""
    import shutil

    import streamlit as st

    root = tmp_path / "demo"
    (root / "indicators").mkdir(parents=True)
    shutil.copy(REPO / "indicators" / "demo.yaml", root / "indicators" / "demo.yaml")
    shutil.copytree(REPO / "country_profiles" / "demo", root / "country_profiles" / "demo")
    monkeypatch.setenv("INDEXER_DATA_ROOT", str(root))
    st.cache_data.clear()
    st.cache_resource.clear()
    yield root
    st.cache_data.clear()
    st.cache_resource.clear()
