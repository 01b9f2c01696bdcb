"""transfer: provisions behind a gap, the smallest reform reaching a target (checked against brute
force over every combination of answers), model countries, the `gaps` command."""

from __future__ import annotations

import itertools
import json
import math
import random
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner
from conftest import profile_yaml as _profile

from indexer.cli import main
from indexer.load import load_paths
from indexer.score import score_arrays
from indexer.transfer import TransferError, _median_table, transfer

OPTS = "[{value: a, score: 100}, {value: b, score: 50}, {value: c, score: 0}]"
SCHEME = f"""\
id: tiny
title: Tiny
version: "1"
children:
  - code: A
    children:
      - code: A1
        options: {OPTS}
      - code: A2
        weight: 3
        options: {OPTS}
  - code: B
    children:
      - code: B1
        options: {OPTS}
      - code: B2
        numeric: {{min: 0, max: 10, best: low}}
      - code: B3
        options: {OPTS}
"""




@pytest.fixture
def data(tmp_path: Path) -> Path:
    files = {
        "tiny.yaml": SCHEME,
        # CY: A = (50 + 0)/4 = 12.5; B = (0 + 50 + 0)/3 = 16.67; overall 14.58
        "cy.yaml": _profile("CY", {"A1": "b", "A2": "c", "B1": "c", "B2": "5", "B3": "c"}),
        # AT: A = (100 + 150)/4 = 62.5; B = (100 + 80 + 50)/3 = 76.67; overall 69.58
        "at.yaml": _profile("AT", {"A1": "a", "A2": "b", "B1": "a", "B2": "2", "B3": "b"}),
        # BE: A = (0 + 300)/4 = 75; B = (50 + 100 + 0)/3 = 50; overall 62.5
        "be.yaml": _profile("BE", {"A1": "c", "A2": "a", "B1": "b", "B2": "0", "B3": "c"}),
        # DK: published only
        "dk.yaml": _profile("DK", {}, {"A": 50, "B": 50}),
        "groups.yaml": "groups:\n  G: {title: Group, members: [AT, BE, CY, DK]}\n",
    }
    for name, text in files.items():
        (tmp_path / name).write_text(text)
    return tmp_path


def _load(path: Path, sid: str = "tiny"):
    b = load_paths([str(path)])
    return b, b.schemes[sid], b.profiles_of(sid)


# ----------------------------------------------------------------------------------------------
# hand-computed


def test_provisions_and_smallest_reform_by_hand(data: Path) -> None:
    b, scheme, profiles = _load(data)
    res = transfer(scheme, profiles, "CY", group=b.groups["G"])
    # baseline overall: mean of AT 69.58, BE 62.5, CY 14.58, DK 50 = 49.17
    assert res.target == pytest.approx((69.583333 + 62.5 + 14.583333 + 50) / 4, abs=1e-5)
    assert res.overall == pytest.approx(14.583333, abs=1e-5)
    # shares: A2 = 1/2 × 3/4 = 0.375 (gain 37.5), A1 = 1/8 (6.25), B1, B3 = 1/6 (16.67 each), B2 = 1/6 × 50 = 8.33
    assert res.method == "greedy"
    # need 49.17 − 14.58 = 34.58: A2 alone (+37.5) does it
    assert [s.code for s in res.steps] == ["A2"]
    assert res.steps[0].overall_after == pytest.approx(14.583333 + 37.5, abs=1e-5)
    assert res.target_source == "G mean" and res.candidates == 5


def test_greedy_order_and_models(data: Path) -> None:
    b, scheme, profiles = _load(data)
    res = transfer(scheme, profiles, "CY", group=b.groups["G"], target=60)
    # need 60 − 14.58 = 45.42: A2 (+37.5) then B1 or B3 (+16.67; B1 first by code) → 68.75
    assert [s.code for s in res.steps] == ["A2", "B1"]
    assert [s.to_answer for s in res.steps] == ["a", "a"]
    assert res.steps[0].gain == pytest.approx(37.5) and res.steps[1].gain == pytest.approx(100 / 6)
    assert res.steps[-1].overall_after == pytest.approx(14.583333 + 37.5 + 100 / 6, abs=1e-5)
    # models: members whose answer scores 100 — BE has A2 = a; AT has B1 = a
    assert res.steps[0].models == ("BE",) and res.steps[1].models == ("AT",)
    assert res.reachable and res.changes == {"A2": "a", "B1": "a"}


def test_target_already_met_and_out_of_reach(data: Path) -> None:
    b, scheme, profiles = _load(data)
    met = transfer(scheme, profiles, "AT", group=b.groups["G"])
    assert met.steps == () and met.reachable and met.method == "none"
    far = transfer(scheme, profiles, "CY", target=101)
    assert not far.reachable and len(far.steps) == 5 and far.best_possible == pytest.approx(100)
    assert far.notes[0].key == "note.transfer.short" and "short of" in str(far.notes[0])


def test_numeric_best_goalpost_and_within_group(data: Path) -> None:
    b, scheme, profiles = _load(data)
    # within the group nobody has B3 = a: its best transferable answer is b (AT)
    res = transfer(scheme, profiles, "CY", group=b.groups["G"], target=100, within_group=True)
    assert not res.reachable
    to = {s.code: s.to_answer for s in res.steps}
    assert to["B3"] == "b" and to["B2"] == "0" and to["A1"] == "a"
    res = transfer(scheme, profiles, "CY", target=95)
    assert {s.code: s.to_answer for s in res.steps}["B2"] == "0"


def test_provisions_table(data: Path) -> None:
    b, scheme, profiles = _load(data)
    res = transfer(scheme, profiles, "CY", group=b.groups["G"], stat="max")
    p = res.provisions.set_index("code")
    # CY trails the max everywhere; A2: max 100 (BE), gap −100; B2: max of 80, 100, 50 = 100
    assert p.loc["A2", "baseline"] == 100 and p.loc["A2", "gap"] == -100 and p.loc["A2", "leaders"] == "BE"
    assert p.loc["B2", "baseline_n"] == 3  # DK publishes areas only: no leaf score
    assert list(res.provisions.code[:2]) == ["A2", "B1"]  # largest gaps first (−100; code order)


def test_errors(data: Path) -> None:
    b, scheme, profiles = _load(data)
    with pytest.raises(TransferError):
        transfer(scheme, profiles, "FI", target=50)
    with pytest.raises(TransferError):
        transfer(scheme, profiles, "CY")  # no group, no target


# ----------------------------------------------------------------------------------------------
# brute force on small random schemes


METHODS = ("mean", "geometric", "median", "min", "max")


def _random_case(rng: random.Random, only_mean: bool) -> tuple[str, dict[str, str], dict[str, float]]:
    """A random scheme (YAML), a profile's answers and given scores."""
    leaves: list[tuple[str, str]] = []  # (code, kind)
    lines = ["id: rnd", "title: Random", 'version: "1"',
             f"aggregation: {'mean' if only_mean else rng.choice(METHODS)}",
             f"missing: {rng.choice(['skip', 'zero'])}", "children:"]
    composites: list[str] = []

    def node(code: str, depth: int, indent: str) -> None:
        lines.append(f"{indent}- code: {code}")
        if rng.random() < 0.4:
            lines.append(f"{indent}  weight: {rng.choice([2, 3, 0.5])}")
        leaf = depth >= 3 or (depth > 1 and rng.random() < 0.55) or len(leaves) >= 5
        if leaf:
            if rng.random() < 0.2:
                best = rng.choice(["low", "high"])
                lines.append(f"{indent}  numeric: {{min: 0, max: 10, best: {best}}}")
                leaves.append((code, "num:" + best))
            else:
                n = rng.choice([2, 3, 3, 4])
                scores = [rng.choice([0, 10, 25, 40, 50, 60, 75, 100]) for _ in range(n)]
                opts = ", ".join(f"{{value: {chr(97 + i)}, score: {s}}}" for i, s in enumerate(scores))
                lines.append(f"{indent}  options: [{opts}]")
                leaves.append((code, "opt:" + ",".join(map(str, scores))))
            return
        composites.append(code)
        if not only_mean and rng.random() < 0.6:
            lines.append(f"{indent}  aggregation: {rng.choice(METHODS)}")
        if rng.random() < 0.15:
            lines.append(f"{indent}  min_coverage: 0.5")
        lines.append(f"{indent}  children:")
        for i in range(rng.choice([1, 2, 2, 3])):
            node(f"{code}{i + 1}", depth + 1, indent + "    ")

    for i in range(rng.choice([2, 2, 3])):
        node(chr(65 + i), 1, "  ")
    answers: dict[str, str] = {}
    for code, kind in leaves:
        r = rng.random()
        if r < 0.08:
            answers[code] = "n/a"
        elif r < 0.16:
            continue  # blank
        elif kind.startswith("num"):
            answers[code] = str(rng.choice([0, 2, 5, 8, 10]))
        else:
            answers[code] = chr(97 + rng.randrange(len(kind[4:].split(","))))
    given: dict[str, float] = {}
    if composites and rng.random() < 0.2:
        g = rng.choice(composites)
        given[g] = float(rng.choice([20, 45, 70]))
        for code in list(answers):
            if code.startswith(g) and code != g:
                del answers[code]
    return "\n".join(lines) + "\n", answers, given


def _brute_force(scheme, profile, target: float) -> int | None:  # noqa: ANN001
    """The least number of changed answers (over every combination of answers of the answered
    leaves not under a given score) with overall >= target; None if none reaches it; -1 if there
    are too many combinations to enumerate quickly."""
    under_given = {d.code for g in profile.scores for d in scheme.descendants(g)}
    free = [leaf for leaf in scheme.leaves
            if profile.answers.get(leaf.code) not in (None, "n/a") and leaf.code not in under_given]
    choices = []
    for leaf in free:
        if leaf.numeric is not None:
            choices.append(sorted({"0", "5", "10", str(profile.answers[leaf.code])}))
        else:
            choices.append([o.value for o in leaf.options])
    if math.prod(len(c) for c in choices) > 800:
        return -1  # too many to enumerate quickly: skipped
    variants, changed = [], []
    for combo in itertools.product(*choices):
        ans = dict(profile.answers)
        n = 0
        for leaf, a in zip(free, combo, strict=True):
            if str(a) != str(profile.answers[leaf.code]):
                ans[leaf.code] = a
                n += 1
        variants.append(replace(profile, answers=ans))
        changed.append(n)
    overall = score_arrays(scheme, variants).score[:, 0]
    ok = [c for c, s in zip(changed, overall, strict=True) if not math.isnan(s) and s >= target - 1e-9]
    return min(ok) if ok else None


@pytest.mark.parametrize("only_mean", [True, False], ids=["means", "any-aggregation"])
def test_smallest_reform_equals_brute_force(tmp_path: Path, only_mean: bool) -> None:
    rng = random.Random(20261128 + only_mean)
    checked = {"greedy": 0, "search": 0, "none": 0}
    for case in range(80):
        text, answers, given = _random_case(rng, only_mean)
        d = tmp_path / f"c{case}"
        d.mkdir()
        (d / "rnd.yaml").write_text(text)
        (d / "p.yaml").write_text(_profile("AT", answers, given, scheme="rnd"))
        b = load_paths([str(d)])
        assert not [p for p in b.problems if p.severity == "error"], (text, b.problems)
        scheme, (profile,) = b.schemes["rnd"], b.profiles
        now = score_arrays(scheme, [profile]).score[0, 0]
        if math.isnan(now):
            continue
        for target in (now + rng.uniform(0.1, 30), now + rng.uniform(0, 80), 100.0):
            res = transfer(scheme, [profile], "AT", target=target)
            want = _brute_force(scheme, profile, target)
            if want == -1:
                continue
            if want is None:
                assert not res.reachable, (text, answers, target)
            else:
                assert res.reachable, (text, answers, target, want)
                assert len(res.steps) == want, (text, answers, target, want, res.steps, res.method)
                assert res.steps[-1].overall_after >= target - 1e-9 if res.steps else res.overall >= target - 1e-9
            checked[res.method] += 1
            checked["brute"] = checked.get("brute", 0) + 1
    if only_mean:
        assert checked["greedy"] > 20
    else:
        assert checked["search"] > 20


@pytest.mark.parametrize("m", [1, 2, 3, 4, 5])
def test_median_tables_equal_brute_force(m: int) -> None:
    """F(j) of a median of children = the best median over every split of the budget."""
    rng = np.random.default_rng(m)
    for _ in range(25):
        tables = [np.sort(rng.choice([0, 10, 20, 50, 70, 100], size=rng.integers(1, 4))) for _ in range(m)]
        tables = [np.maximum.accumulate(t) for t in tables]
        F, alloc = _median_table(tables)
        J = sum(len(t) - 1 for t in tables)
        for j in range(J + 1):
            best = -np.inf
            for split in itertools.product(*[range(len(t)) for t in tables]):
                if sum(split) <= j:
                    best = max(best, float(np.median([t[s] for t, s in zip(tables, split, strict=True)])))
            assert F[j] == pytest.approx(best), (tables, j)
            got = np.median([t[min(a, len(t) - 1)] for t, a in zip(tables, alloc[j], strict=True)])
            assert alloc[j].sum() <= j and got == pytest.approx(best)


# ----------------------------------------------------------------------------------------------
# the command


def test_cli(data: Path) -> None:
    run = CliRunner().invoke
    base = ["gaps", str(data / "tiny.yaml"), str(data), "--country", "CY"]
    r = run(main, base + ["--baseline", "G", "--target", "60"])
    assert r.exit_code == 0, r.output
    assert "Smallest reform: 2 changes" in r.stdout and "BE" in r.stdout
    r = run(main, base + ["--baseline", "G", "--target", "60", "--format", "csv"])
    lines = r.stdout.splitlines()
    assert lines[0] == ("code,title,answer,score,baseline,gap,baseline_n,step,to_answer,to_score,gain,"
                        "overall_after,models,kind,lower_after,upper_after")
    assert lines[1].startswith("A2,") and ",1,a,100.0,37.5," in lines[1] and ",BE,change," in lines[1]
    r = run(main, base + ["--target", "60", "--format", "json"])
    doc = json.loads(r.stdout)
    assert [s["code"] for s in doc["steps"]] == ["A2", "B1"] and doc["method"] == "greedy"
    assert run(main, base).exit_code == 2  # no baseline, no target
    r = run(main, base + ["--baseline", "NOPE"])
    assert r.exit_code == 1 and "unknown-group" in r.stderr


def test_report_extra(data: Path) -> None:
    from indexer.compare import Scored
    from indexer.report_sections import transfer_section as report_extra

    b, scheme, profiles = _load(data)
    ex = report_extra(scheme, Scored.of(scheme, profiles), "CY", b.groups["G"], target=60)
    assert [r[1].split()[0] for r in ex["rows"]] == ["A2", "B1"] and ex["rows"][0][-1] == "BE"
    assert "2 of 5" in ex["text"]
    assert report_extra(scheme, profiles, "CY", None) is None
