"""What a new user types wrong, and what the command line says back (issue: new-user trips)."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from indexer.cli import main


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_lower_case_country_is_accepted(in_repo):
    low = run("compare", "demo", "country_profiles/demo", "--country", "xa", "--format", "csv")
    up = run("compare", "demo", "country_profiles/demo", "--country", "XA", "--format", "csv")
    assert low.exit_code == 0 and low.stdout == up.stdout and ",XA," in low.stdout


def test_every_country_option_reads_countries_the_same_way(in_repo):
    # todo came after the shared country type: it takes lower case and suggests like the rest
    low = run("todo", "demo", "country_profiles/demo", "--country", "xc", "--format", "csv")
    up = run("todo", "demo", "country_profiles/demo", "--country", "XC", "--format", "csv")
    assert low.exit_code == 0 and low.stdout == up.stdout
    bad = run("todo", "mipex-core", "country_profiles", "--country", "KAZ")
    assert bad.exit_code == 2 and "did you mean KZ, Kazakhstan?" in bad.output


def test_an_alpha3_code_or_a_name_gets_a_suggestion(in_repo):
    res = run("compare", "mipex-core", "country_profiles", "--country", "KAZ")
    assert res.exit_code == 2
    assert "'KAZ' is not an ISO 3166-1 alpha-2 code (did you mean KZ, Kazakhstan?)" in res.output
    res = run("template", "mipex-core", "--country", "Armenia", "--year", "2025")
    assert res.exit_code == 2 and "did you mean AM, Armenia?" in res.output


def test_an_unknown_country_lists_those_with_profiles(in_repo):
    res = run("compare", "demo", "country_profiles/demo", "--country", "XQ")
    assert res.exit_code == 1
    assert "no profile of demo for XQ (countries with a profile of demo: XA, XB, XC)" in res.stderr


def test_misspelt_scheme_and_group_get_the_nearest(in_repo):
    res = run("score", "mipex-cor", "country_profiles/demo")
    assert res.exit_code == 2 and "no scheme 'mipex-cor' (did you mean 'mipex-core'?)" in res.output
    res = run("compare", "demo", "country_profiles/demo", "--country", "XA", "--baseline", "DEM")
    assert res.exit_code == 1 and "no group 'DEM' (did you mean 'DEMO'?)" in res.stderr


def test_skip_invalid_leaves_a_broken_profile_out_and_names_it(tmp_path: Path, in_repo):
    import shutil

    shutil.copytree("country_profiles/demo", tmp_path / "demo")
    bad = tmp_path / "demo" / "XB-2024.yaml"
    bad.write_text(bad.read_text().replace("{answer: c,", "{answer: z,"))
    strict = run("score", "demo", str(tmp_path / "demo"), "--format", "csv")
    assert strict.exit_code == 1 and strict.stdout == ""
    assert "add --skip-invalid to leave broken profiles out" in strict.stderr
    lax = run("score", "demo", str(tmp_path / "demo"), "--format", "csv", "--skip-invalid")
    assert lax.exit_code == 0
    countries = {ln.split(",")[1] for ln in lax.stdout.splitlines()[1:]}
    assert countries == {"XA", "XC"}
    assert f"{bad}: left out (--skip-invalid)" in lax.stderr
    cmp_ = run("compare", "demo", str(tmp_path / "demo"), "--country", "XA", "--baseline", "DEMO",
               "--format", "csv", "--skip-invalid")
    assert cmp_.exit_code == 0 and "left out" in cmp_.stderr
    # a broken scheme is never skipped
    (tmp_path / "demo" / "s.yaml").write_text("id: demo\nversion: 1\nchildren: []\n")
    res = run("score", "demo", str(tmp_path / "demo"), "--skip-invalid")
    assert res.exit_code == 1


def test_commands_that_write_a_file_say_so(tmp_path: Path, in_repo):
    out = tmp_path / "q.yaml"
    res = run("template", "demo", "--country", "XD", "--year", "2025", "--output", str(out))
    assert res.exit_code == 0 and out.exists()
    assert res.stderr == f"indexer: wrote a blank demo questionnaire for XD 2025 (5 questions) to {out}\n"
    out = tmp_path / "s.csv"
    res = run("export", "demo", "country_profiles/demo", "--what", "scores", "--output", str(out))
    assert res.exit_code == 0 and out.exists()
    n = len(out.read_text().splitlines()) - 1
    assert f"indexer: wrote {n} rows of scores (csv, demo) to {out}" in res.stderr


def test_python_m_indexer_without_the_packages_says_what_to_do(in_repo):
    import subprocess
    import sys

    code = ("import runpy, sys\n"
            "class Hide:\n"
            "    def find_spec(self, name, path=None, target=None):\n"
            "        if name == 'pycountry':\n"
            "            raise ModuleNotFoundError(\"No module named 'pycountry'\", name='pycountry')\n"
            "sys.meta_path.insert(0, Hide())\n"
            "sys.argv = ['indexer', 'score', 'demo', 'country_profiles/demo']\n"
            "runpy.run_module('indexer', run_name='__main__')\n")
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert res.returncode == 2
    assert "lacks the package 'pycountry'" in res.stderr and "make setup" in res.stderr
    assert "Traceback" not in res.stderr
