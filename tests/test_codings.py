"""Several codings of one country and year: identity, the default choice, --coding, the
answered codings of indicator-level analyses, the tidy score table. Synthetic data (the tiny
scheme of test_compare); every number by hand."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner
from conftest import profile_yaml
from test_compare import SCHEME

from indexer import codings
from indexer.cli import main
from indexer.compare import Scored, compare
from indexer.load import load_paths
from indexer.transfer import transfer
from indexer.validate import validate_paths
from indexer.whatif import adopt, what_if

GROUPS = "groups:\n  G: {title: Two, members: [AT, BE]}\n"


def coded(cc: str, answers=None, scores=None, *, provenance: str, coding: str | None = None,
          status: str = "final") -> str:
    text = profile_yaml(cc, answers, scores, status=status)
    text = text.replace("\nanswers:", f"\nprovenance: {provenance}\nanswers:", 1) if answers else \
        text.replace("\nscores:", f"\nprovenance: {provenance}\nscores:", 1)
    return text + (f"coding: {coding}\n" if coding else "")


@pytest.fixture
def data(tmp_path: Path) -> Path:
    files = {
        "tiny.yaml": SCHEME,
        "groups.yaml": GROUPS,
        # AT 2024, published: A 60, B 40 given → overall (60 + 40)/2 = 50
        "pub/AT-2024.yaml": coded("AT", scores={"A": 60, "B": 40}, provenance="published"),
        # AT 2024, a desk coding: A1 a 100, A2 b 50 (weight 3) → A = (100 + 150)/4 = 62.5; B1 a → B = 100;
        # overall 81.25
        "AT/tiny-2024.yaml": coded("AT", {"A1": "a", "A2": "b", "B1": "a"}, provenance="illustrative",
                                   coding="desk"),
        # BE 2024, expert, final: A = (0 + 300)/4 = 75, B = 0, overall 37.5
        "BE/tiny-2024.yaml": coded("BE", {"A1": "c", "A2": "a", "B1": "c"}, provenance="expert"),
        # BE 2024, a second coder's draft: A = 100, B = 50, overall 75
        "BE/tiny-2024-b.yaml": coded("BE", {"A1": "a", "A2": "a", "B1": "b"}, provenance="expert",
                                     coding="coder-b", status="draft"),
        # KZ 2024: A = (50 + 0)/4 = 12.5, B = 50, overall 31.25
        "KZ/tiny-2024.yaml": coded("KZ", {"A1": "b", "A2": "c", "B1": "b"}, provenance="illustrative"),
    }
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    return tmp_path


def load(data: Path):
    b = load_paths([data])
    assert not [p for p in b.problems if p.severity == "error"], b.problems
    return b.schemes["tiny"], b.profiles, b.groups["G"]


def test_codings_coexist_and_duplicates_need_all_four(data: Path) -> None:
    assert [p.code for p in validate_paths([data]) if p.severity == "error"] == []
    (data / "AT" / "again.yaml").write_text((data / "AT" / "tiny-2024.yaml").read_text())
    dup = [p for p in validate_paths([data]) if p.code == "duplicate-profile"]
    assert len(dup) == 1 and "coding 'desk'" in dup[0].message


@pytest.mark.parametrize("bad", ["Desk", "-x", "a b", "12:30"])
def test_coding_must_be_an_id(tmp_path: Path, bad: str) -> None:
    (tmp_path / "tiny.yaml").write_text(SCHEME)
    (tmp_path / "p.yaml").write_text(profile_yaml("AT") + f'coding: "{bad}"\n')
    assert [p.code for p in validate_paths([tmp_path]) if p.severity == "error"] == ["bad-value"]


def test_default_choice_published_first_then_status_then_id(data: Path) -> None:
    _, profiles, _ = load(data)
    by = {(p.country, p.coding): p for p in profiles}
    assert by[("AT", "published")].coding == "published"  # no coding: key → the provenance
    chosen = [profiles[i] for i in codings.choose(profiles)]
    assert sorted((p.country, p.coding) for p in chosen) == [("AT", "published"), ("BE", "expert"),
                                                              ("KZ", "illustrative")]
    # BE: both expert; final before draft. With equal statuses the id decides: coder-b < expert
    same = [p for p in profiles if p.country == "BE"]
    import dataclasses
    same = [dataclasses.replace(p, status="final") for p in same]
    assert [same[i].coding for i in codings.choose(same)] == ["coder-b"]
    # answers=True: AT's published scores give way to its desk coding
    chosen = [profiles[i] for i in codings.choose(profiles, answers=True)]
    assert ("AT", "desk") in {(p.country, p.coding) for p in chosen}
    assert codings.label(by[("AT", "desk")]) == "desk (illustrative)"
    assert codings.label(by[("AT", "published")]) == "published"


@pytest.mark.parametrize(("prefer", "baseline", "at", "be"), [
    ((), (50 + 37.5) / 2, "published", "expert"),            # 43.75
    (("desk",), (81.25 + 37.5) / 2, "desk", "expert"),        # 59.375
    (("coder-b",), (50 + 75) / 2, "published", "coder-b"),    # 62.5
    (("coder-b", "desk"), (81.25 + 75) / 2, "desk", "coder-b"),  # 78.125
])
def test_baseline_uses_one_coding_per_country_year(data: Path, prefer, baseline, at, be) -> None:
    scheme, profiles, g = load(data)
    cmp_ = compare(scheme, profiles, ["KZ"], group=g, coding=prefer)
    ov = cmp_.table.set_index("code").loc["overall"]
    assert ov.baseline == pytest.approx(baseline) and ov.baseline_n == 2
    assert cmp_.member_coding == {"AT": at, "BE": be}
    # the same with one scoring, chosen again
    s = Scored.of(scheme, profiles)
    assert compare(scheme, s, ["KZ"], group=g, coding=prefer).table.baseline.iloc[0] == pytest.approx(baseline)
    assert set(cmp_.other_codings) == {"AT", "BE"}


def test_compared_country_in_the_preferred_coding(data: Path) -> None:
    scheme, profiles, g = load(data)
    t = compare(scheme, profiles, ["AT"], group=g).table.set_index("code")
    assert t.loc["overall", "score"] == 50 and t.loc["overall", "coding"] == "published"
    t = compare(scheme, profiles, ["AT"], group=g, coding=["desk"]).table.set_index("code")
    assert t.loc["overall", "score"] == 81.25 and t.loc["overall", "coding"] == "desk"
    assert t.loc["overall", "provenance"] == "illustrative"


def test_gaps_read_the_codings_that_answer(data: Path) -> None:
    scheme, profiles, g = load(data)
    res = transfer(scheme, profiles, "KZ", group=g, stat="mean")
    # target: the comparison's overall baseline (published AT 50, BE 37.5) = 43.75
    assert res.target == pytest.approx(43.75) and res.overall == pytest.approx(31.25)
    # leaf baselines from AT desk and BE expert: A1 (100 + 0)/2 = 50, A2 (50 + 100)/2 = 75, B1 50
    prov = res.provisions.set_index("code")
    assert list(prov.index) == ["A2"] and prov.loc["A2", "baseline"] == 75 and prov.loc["A2", "score"] == 0
    # one change: A2 → a gains 3/8 · 100 = 37.5 → 68.75; BE answers a there
    assert [(s.code, s.to_answer) for s in res.steps] == [("A2", "a")]
    assert res.steps[0].overall_after == pytest.approx(68.75) and "BE" in res.steps[0].models
    assert res.codings == {"AT": "desk (illustrative)", "BE": "expert", "KZ": "illustrative"}
    # preferring the second coder: BE coder-b answers A2 a, B1 b → leaf baselines A2 75, B1 75
    res_b = transfer(scheme, profiles, "KZ", group=g, stat="mean", coding=["coder-b"])
    prov = res_b.provisions.set_index("code")
    assert prov.loc["B1", "baseline"] == 75 and res_b.target == pytest.approx(62.5)


def test_adopt_takes_the_answered_coding(data: Path) -> None:
    scheme, profiles, g = load(data)
    reform = adopt(scheme, profiles, "AT", "A")  # AT's desk answers: A1 a, A2 b
    assert reform.answers == {"A1": "a", "A2": "b"} and "desk" in str(reform.sources["A1"])
    assert reform.sources["A1"].values["coding"] == " desk"
    w = what_if(scheme, profiles, "KZ", reform, group=g)
    t = w.table.set_index("code")
    # KZ: A = 62.5, B = 50 → overall 56.25
    assert t.loc["A", "after"] == 62.5 and t.loc["overall", "after"] == pytest.approx(56.25)


def test_score_table_keeps_every_coding_apart(data: Path) -> None:
    r = CliRunner().invoke(main, ["score", str(data / "tiny.yaml"), str(data), "--format", "csv"])
    assert r.exit_code == 0, r.output
    assert r.stdout.splitlines()[0].endswith(",band,lower,upper,coding")
    df = pd.read_csv(io.StringIO(r.stdout))
    ov = df[df.code == "overall"].set_index(["country", "coding"]).score
    assert ov[("AT", "published")] == 50 and ov[("AT", "desk")] == 81.25
    assert ov[("BE", "expert")] == 37.5 and ov[("BE", "coder-b")] == 75
    assert not df.duplicated(["scheme", "country", "year", "coding", "code"]).any()


def test_cli_coding_option_and_notes(data: Path) -> None:
    args = ["compare", str(data / "tiny.yaml"), str(data), "--country", "AT", "--baseline", "G"]
    r = CliRunner().invoke(main, args)
    assert r.exit_code == 0, r.output
    assert "Codings used: AT 2024: published." in r.output
    assert "AT has other codings of the same year, not used here: desk (illustrative)" in r.output
    assert "BE has other codings of the same year, not used here: coder-b (expert) (baseline member; --coding " \
        "coder-b prefers it)." in r.output
    r = CliRunner().invoke(main, [*args, "--coding", "desk", "--format", "csv"])
    assert r.exit_code == 0, r.output
    first = r.stdout.splitlines()[1].split(",")
    assert first[:6] == ["overall", "overall", "0", "AT", "2024", "81.25"] and first[-1] == "desk"
    assert float(first[6]) == pytest.approx((81.25 + 37.5) / 2)
    r = CliRunner().invoke(main, ["gaps", str(data / "tiny.yaml"), str(data), "--country", "KZ", "--baseline", "G"])
    assert r.exit_code == 0, r.output
    assert "AT desk (illustrative)" in r.output


def test_import_keeps_a_coding(tmp_path: Path) -> None:
    (tmp_path / "tiny.yaml").write_text(SCHEME)
    (tmp_path / "t.csv").write_text("country,year,code,answer,provenance,coding\n"
                                    "AT,2024,A1,a,illustrative,desk\nAT,2024,A2,b,illustrative,desk\n"
                                    "AT,2024,B1,a,illustrative,desk\n")
    r = CliRunner().invoke(main, ["import", str(tmp_path / "t.csv"), "--scheme", str(tmp_path / "tiny.yaml"),
                                  "--out-dir", str(tmp_path / "out")])
    assert r.exit_code == 0, r.output
    (p,) = load_paths([tmp_path / "tiny.yaml", tmp_path / "out"]).profiles
    assert p.coding == "desk" and p.provenance == "illustrative"
    bad = tmp_path / "bad.csv"
    bad.write_text("country,year,code,answer,coding\nAT,2024,A1,a,Desk!\n")
    r = CliRunner().invoke(main, ["import", str(bad), "--scheme", str(tmp_path / "tiny.yaml"),
                                  "--out-dir", str(tmp_path / "out2")])
    assert r.exit_code == 1 and "bad-value" in r.output


def test_cli_compare_names_members_counted_from_illustrative_codings(data: Path) -> None:
    """KZ against G: AT's published figures are used (published first), BE's expert coding: no
    illustrative member. With --coding desk AT's illustrative desk coding becomes the member
    used, and the note (text and JSON) names it; the compared country itself is not repeated."""
    args = ["compare", str(data / "tiny.yaml"), str(data), "--country", "KZ", "--baseline", "G"]
    r = CliRunner().invoke(main, args)
    assert r.exit_code == 0, r.output
    assert "Baseline members counted from ILLUSTRATIVE codings" not in r.output
    r = CliRunner().invoke(main, [*args, "--coding", "desk"])
    assert r.exit_code == 0, r.output
    assert ("Baseline members counted from ILLUSTRATIVE codings (no published or official profile "
            "for the year used): AT.") in r.output
    assert "ILLUSTRATIVE data, not a published or official coding: KZ." in r.output
    import json
    r = CliRunner().invoke(main, [*args, "--coding", "desk", "--format", "json"])
    meta = json.loads(r.stdout)
    assert meta["illustrative_members"] == ["AT"] and meta["illustrative"] == ["KZ"]
    # with AT compared as well, AT is a compared country, not a member note
    r = CliRunner().invoke(main, [*args, "--country", "AT", "--coding", "desk"])
    assert "Baseline members counted from ILLUSTRATIVE codings" not in r.output


def test_members_with_the_same_other_coding_share_one_line() -> None:
    """The bundled EU codings: the members whose published profile is used and that have the same
    other codings of the year (a desk coding; DE, DK and ES a second one too) are named in one line each,
    with the option that prefers the coding where there is one."""
    from indexer.commands.compare import codings_notes
    from indexer.compare import compare as compare_
    from indexer.load import load_paths

    root = Path(__file__).parents[1]
    b = load_paths([root / "indicators", root / "country_profiles"])
    cmp_ = compare_(b.schemes["mipex-core"], b.profiles, ["KZ"], group=b.groups["EU27"], stat="mean")
    groups: dict[tuple[str, ...], list[str]] = {}
    for c, o in cmp_.other_codings.items():
        groups.setdefault(tuple(o), []).append(c)
    desk = groups[("desk (illustrative)",)]
    assert len(desk) >= 5 and "KZ" not in desk and ("desk (illustrative)", "desk-b (illustrative)") in groups
    lines = [x for x in codings_notes(cmp_) if "other codings" in x]
    assert len(lines) == len(groups)
    assert f"{', '.join(desk)} have other codings of the same year, not used here: desk (illustrative) " \
           "(baseline members; --coding desk prefers it)." in lines
    # Germany, Denmark and Spain each have two codings (desk, desk-b): one line names them
    assert groups[("desk (illustrative)", "desk-b (illustrative)")] == ["DE", "DK", "ES"]
    assert "DE, DK, ES have other codings of the same year, not used here: desk (illustrative), desk-b (illustrative) " \
           "(baseline members; --coding ID prefers one)." in lines
