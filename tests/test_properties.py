"""Property and robustness tests (hypothesis).

Garbage in: random text, bytes, YAML-able structures, truncated and mutated valid files never
raise, never print a traceback, exit 0 or 1, and quote at most a short excerpt. Hostile files
(empty, a list, binary, deep nesting, alias bombs, large files) are read fast.

Scores: every score stays on the scale; a better option never lowers an ancestor (every
aggregation method is monotone); reordering siblings changes no score.
"""

from __future__ import annotations

import math
import os
import tempfile
import time
from pathlib import Path

import numpy as np
import pytest
import yaml
from click.testing import CliRunner
from conftest import FIXTURES, REPO, profile_text, write_files
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from indexer.cli import main
from indexer.load import _Collector, load_paths, parse_scheme
from indexer.model import AGGREGATIONS, Profile, Scheme
from indexer.problems import CATALOGUE
from indexer.score import score_arrays
from indexer.validate import validate_paths

FX = FIXTURES / "valid" / "fx.yaml"
#: modest by default (the suite stays fast); INDEXER_FUZZ_EXAMPLES=5000 for a long hunt
SETTINGS = settings(max_examples=int(os.environ.get("INDEXER_FUZZ_EXAMPLES", "60")), deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])

VALID_TEXTS = [
    FX.read_text(),
    (REPO / "indicators" / "demo.yaml").read_text(),
    (REPO / "country_profiles" / "demo" / "XA-2024.yaml").read_text(),
    (REPO / "country_profiles" / "demo" / "groups.yaml").read_text(),
    profile_text("A1: a\nA2: 3\nB1: yes", scheme="fx", scores="A: 50"),
]

FIELDS = ["id", "title", "version", "scale", "levels", "aggregation", "missing", "min_coverage", "bands",
          "children", "code", "weight", "options", "numeric", "value", "label", "score", "min", "max", "best",
          "scheme", "country", "year", "status", "provenance", "answers", "scores", "answer", "source",
          "groups", "members", "A1", "A2", "B1", "A", "overall", "fx", "n/a",
          # every free-text field (issue 17): random structures land in them too
          "description", "notes", "url", "license", "question", "help", "unit", "coder", "reviewer",
          "note", "date"]

scalars = (st.none() | st.booleans() | st.integers(-10**6, 10**6) | st.floats() | st.text(max_size=12)
           | st.sampled_from(FIELDS + ["XA", "2024", "a", "yes", "mean", "010", "1.10"]))
keys = st.sampled_from(FIELDS) | st.text(max_size=8) | st.integers(-5, 5)
structures = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(keys, inner, max_size=5),
    max_leaves=25,
)
top_level = st.dictionaries(st.sampled_from(FIELDS), structures, max_size=8) | structures


class Sandbox:
    """One folder per test, one file overwritten per example."""

    def __init__(self) -> None:
        self._dir = tempfile.TemporaryDirectory()
        self.root = Path(self._dir.name)
        self.file = self.root / "garbage.yaml"
        self.runner = CliRunner()

    def check(self, data: bytes | str) -> None:
        if isinstance(data, str):
            data = data.encode("utf-8", "surrogatepass")
        self.file.write_bytes(data)
        problems = validate_paths([self.file, FX])
        for p in problems:
            assert p.severity in ("error", "warning")
            assert p.code in CATALOGUE, p.code
            assert isinstance(p.line, int) and isinstance(p.column, int) and p.line >= 0 and p.column >= 0
            assert len(p.message) < 300, p.message
            assert p.path in (str(self.file), str(FX))
        # the valid scheme is only ever faulted for sharing its id with the garbage
        assert all(p.code == "duplicate-scheme" for p in problems if p.path == str(FX))
        res = self.runner.invoke(main, ["validate", str(self.file), str(FX)])
        assert res.exit_code in (0, 1), (res.exit_code, res.output, res.exception)
        assert res.exception is None or isinstance(res.exception, SystemExit), repr(res.exception)
        assert "Traceback" not in res.output
        assert res.exit_code == (1 if any(p.is_error for p in problems) else 0)
        res = self.runner.invoke(main, ["score", str(FX), str(self.root), "--format", "csv"])
        assert res.exit_code in (0, 1), (res.exit_code, res.output, res.exception)
        assert res.exception is None or isinstance(res.exception, SystemExit), repr(res.exception)
        if res.exit_code == 1:
            assert res.stdout == ""


@pytest.fixture(scope="module")
def sandbox():
    box = Sandbox()
    yield box
    box._dir.cleanup()


# ----------------------------------------------------------------------------------------------
# garbage in


@SETTINGS
@given(text=st.text(max_size=400))
def test_random_text(sandbox, text):
    sandbox.check(text)


@SETTINGS
@given(blob=st.binary(max_size=400))
def test_random_bytes(sandbox, blob):
    sandbox.check(blob)


@SETTINGS
@given(data=top_level, flow=st.booleans())
def test_random_structures_dumped_to_yaml(sandbox, data, flow):
    sandbox.check(yaml.safe_dump(data, allow_unicode=True, default_flow_style=flow))


@SETTINGS
@given(i=st.integers(0, len(VALID_TEXTS) - 1), cut=st.floats(0, 1))
def test_truncated_valid_files(sandbox, i, cut):
    text = VALID_TEXTS[i]
    sandbox.check(text[: int(len(text) * cut)])


@SETTINGS
@given(i=st.integers(0, len(VALID_TEXTS) - 1), at=st.floats(0, 1), width=st.integers(0, 6),
       insert=st.text(alphabet=st.sampled_from(list(":-[]{}&*!|>'\"#%@`, \n\tab01")), max_size=6))
def test_mutated_valid_files(sandbox, i, at, width, insert):
    text = VALID_TEXTS[i]
    k = int(len(text) * at)
    sandbox.check(text[:k] + insert + text[k + width:])


@SETTINGS
@given(answers=st.dictionaries(st.sampled_from(["A1", "A2", "B1", "A", "overall", "Z"]), structures, max_size=5),
       scores=st.dictionaries(st.sampled_from(["A", "B", "A1", "overall", "Z"]), scalars, max_size=3),
       status=st.sampled_from(["draft", "review", "final", "other"]))
def test_random_profiles_of_a_valid_scheme(sandbox, answers, scores, status):
    doc = {"scheme": "fx", "country": "XA", "year": 2024, "status": status, "answers": answers}
    if scores:
        doc["scores"] = scores
    sandbox.check(yaml.safe_dump(doc, allow_unicode=True))


# ----------------------------------------------------------------------------------------------
# hostile files


def _timed_validate(path: Path, limit: float = 20.0):
    t = time.perf_counter()
    problems = validate_paths([path])
    elapsed = time.perf_counter() - t
    assert elapsed < limit, elapsed
    for p in problems:
        assert len(p.message) < 300, p.message
    return problems


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("empty", b"", "missing-field"),
        ("list", b"- a\n- b\n", "unknown-file-kind"),
        ("binary", bytes(range(256)) * 4, "yaml-syntax"),
        ("nul", b"scheme: fx\x00\n", "yaml-syntax"),
        ("brackets", b"[" * 10_000, "yaml-syntax"),
        ("closed-brackets", b"[" * 10_000 + b"]" * 10_000, "yaml-syntax"),
        ("braces", b"{a: " * 10_000 + b"1" + b"}" * 10_000, "yaml-syntax"),
        ("indent", "".join(f"{' ' * i}k{i}:\n" for i in range(3_000)).encode(), "yaml-syntax"),
        ("nested-within-limit", b"[" * 900 + b"]" * 900, None),
    ],
)
def test_hostile_files(tmp_path, runner, name, content, code):
    f = tmp_path / f"{name}.yaml"
    f.write_bytes(content)
    problems = _timed_validate(f)
    assert problems and all(p.is_error for p in problems)
    if code is not None:
        assert [p.code for p in problems] == [code]
    res = runner.invoke(main, ["validate", str(f)])
    assert res.exit_code == 1 and "Traceback" not in res.output


def _laughs(levels: int = 9, width: int = 10) -> list[str]:
    lines = ['l0: &l0 "lol"']
    for i in range(1, levels + 1):
        lines.append(f"l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * width) + "]")
    return lines


def test_billion_laughs_in_a_profile(tmp_path):
    f = tmp_path / "p.yaml"
    f.write_text("\n".join(_laughs()) + "\nscheme: fx\ncountry: XA\nyear: 2024\n"
                 "answers:\n  A1: *l9\n  A2: {answer: *l9}\n  B1: yes\nscores:\n  A: *l9\n")
    t = time.perf_counter()
    problems = validate_paths([f, FX])
    assert time.perf_counter() - t < 10
    # 10⁹ "lol"s if written out: the file is refused as it is read, at its first alias
    # (`l1: &l1 [*l0, ...]`, line 2 column 10), before any field is looked at
    assert [(p.code, p.line, p.column) for p in problems] == [("yaml-syntax", 2, 10)]
    assert max(len(p.message) for p in problems) < 300


def test_billion_laughs_in_a_scheme(tmp_path):
    # nodes nested by alias: 10⁸ nodes if walked naively; each aliased node is walked once
    lines = ["x0: &x0 {code: A, options: [{value: a, score: 1}, {value: b, score: 2}]}"]
    for i in range(1, 9):
        lines.append(f"x{i}: &x{i} {{code: B{i}, children: [" + ", ".join([f"*x{i - 1}"] * 10) + "]}")
    f = tmp_path / "s.yaml"
    f.write_text("\n".join(lines) + "\nid: bomb\nversion: '1'\nchildren: [*x8]\n")
    t = time.perf_counter()
    problems = validate_paths([f])
    assert time.perf_counter() - t < 10
    # 10⁸ nodes if written out: refused as it is read, at the first alias (line 2, column 31)
    assert [(p.code, p.line, p.column) for p in problems] == [("yaml-syntax", 2, 31)]


def test_aliases_for_shared_options_are_fine(load_yaml):
    s = """
    id: t
    version: "1"
    children:
      - {code: A1, options: &yn [{value: "yes", score: 100}, {value: "no", score: 0}]}
      - {code: A2, options: *yn}
    """
    b = load_yaml({"t.yaml": s})
    assert b.problems == [] and [o.value for o in b.schemes["t"].node("A2").options] == ["yes", "no"]


def test_billion_laughs_at_top_level(tmp_path):
    f = tmp_path / "x.yaml"
    f.write_text("\n".join(_laughs()) + "\n")
    problems = _timed_validate(f, 10)
    assert [p.code for p in problems] == ["yaml-syntax"]


def test_large_valid_file(tmp_path, in_repo):
    # ~50 MB: a demo profile whose notes and long-form citations carry the bulk (a valid file,
    # read on the fast path: no locating)
    note = "x" * 1000
    lines = ["scheme: demo", "country: XA", "year: 2024", "notes: |"]
    lines += ["  " + note for _ in range(50_000)]
    lines += ["answers:", "  WORK.1: a", "  WORK.2: 3", "  WORK.3: 'yes'", "  NAT.1: 5", "  NAT.2: a"]
    f = tmp_path / "big.yaml"
    f.write_text("\n".join(lines) + "\n")
    assert f.stat().st_size > 50 * 10**6
    t = time.perf_counter()
    problems = validate_paths([f])
    assert time.perf_counter() - t < 20
    assert problems == []


def test_large_structured_file_with_many_problems(tmp_path, in_repo):
    # 20,000 unknown codes (1.3 MB): every one located, in linear time (a linear scan per problem
    # took minutes here before the locator indexed each mapping)
    n = 20_000
    lines = ["scheme: demo", "country: XA", "year: 2024", "answers:",
             "  WORK.1: a", "  WORK.2: 3", "  WORK.3: 'yes'", "  NAT.1: 5", "  NAT.2: a"]
    lines += [f"  X{i}: {{answer: b, source: 'Law No. {i}'}}" for i in range(n)]
    f = tmp_path / "many.yaml"
    f.write_text("\n".join(lines) + "\n")
    t = time.perf_counter()
    problems = validate_paths([f])
    assert time.perf_counter() - t < 30
    assert len(problems) == n
    assert {p.code for p in problems} == {"unknown-code"}
    # X0 is on line 10, X19999 on line 20009: each at its key, column 3
    assert (problems[0].line, problems[0].column) == (10, 3)
    assert (problems[-1].line, problems[-1].column) == (n + 9, 3)


def test_large_scheme_and_profile_score(tmp_path, runner):
    # 10,000 leaves in 100 areas; one profile answering all: validate and score in seconds
    areas = []
    for a in range(100):
        kids = ", ".join(f"{{code: L{a}.{i}, options: [{{value: a, score: 100}}, {{value: b, score: 0}}]}}"
                         for i in range(100))
        areas.append(f"  - {{code: A{a}, children: [{kids}]}}")
    scheme = "id: big\nversion: '1'\nchildren:\n" + "\n".join(areas) + "\n"
    answers = "\n".join(f"  L{a}.{i}: {'a' if (a + i) % 4 else 'b'}" for a in range(100) for i in range(100))
    write_files(tmp_path, {"s.yaml": scheme, "p.yaml": "scheme: big\ncountry: XA\nyear: 2024\nanswers:\n" + answers + "\n"})
    t = time.perf_counter()
    res = runner.invoke(main, ["score", str(tmp_path / "s.yaml"), str(tmp_path), "--format", "csv"])
    assert time.perf_counter() - t < 30
    assert res.exit_code == 0, res.stderr
    lines = res.stdout.splitlines()
    assert len(lines) == 1 + 1 + 100 + 10_000
    # 3 of every 4 answers score 100: overall = 75 exactly
    assert lines[1].split(",")[3:7] == ["overall", "overall", "0", "75.0"]


# ----------------------------------------------------------------------------------------------
# generated schemes and profiles


@st.composite
def trees(draw, depth: int = 0, aggs: tuple[str, ...] = AGGREGATIONS, scale=(0.0, 100.0)):
    lo, hi = scale
    if depth >= 3 or (depth > 0 and draw(st.booleans())):
        if draw(st.booleans()):
            n = draw(st.integers(2, 4))
            scores = draw(st.lists(st.floats(lo, hi), min_size=n, max_size=n))
            return {"options": [{"value": f"o{i}", "score": s} for i, s in enumerate(scores)],
                    "weight": draw(st.sampled_from([0.5, 1, 2, 3]))}
        a, b = sorted(draw(st.lists(st.integers(-50, 50), min_size=2, max_size=2, unique=True)))
        return {"numeric": {"min": a, "max": b, "best": draw(st.sampled_from(["low", "high"]))},
                "weight": draw(st.sampled_from([0.5, 1, 2]))}
    kids = draw(st.lists(trees(depth + 1, aggs, scale), min_size=1, max_size=4))
    node = {"children": kids, "weight": draw(st.sampled_from([0.5, 1, 2]))}
    agg = draw(st.sampled_from((None,) + aggs))
    if agg is not None:
        node["aggregation"] = agg
    return node


def _number(tree: dict, counter: list[int]) -> dict:
    counter[0] += 1
    out = dict(tree, code=f"N{counter[0]}")
    if "children" in tree:
        out["children"] = [_number(k, counter) for k in tree["children"]]
    return out


def build_scheme(tree: dict, scale=(0, 100), aggregation="mean", missing="skip", min_coverage=0) -> Scheme:
    data = {"id": "g", "version": "1", "scale": list(scale), "aggregation": aggregation, "missing": missing,
            "min_coverage": min_coverage, "children": _number(tree, [0])["children"]}
    c = _Collector("g.yaml", "")
    s = parse_scheme(data, c)
    assert s is not None, c.pending
    return s


@st.composite
def answers_for(draw, scheme: Scheme) -> dict[str, str | None]:
    out: dict[str, str | None] = {}
    for leaf in scheme.leaves:
        kind = draw(st.sampled_from(["answer", "answer", "answer", "n/a", "absent", "blank"]))
        if kind == "n/a":
            out[leaf.code] = "n/a"
        elif kind == "blank":
            out[leaf.code] = None
        elif kind == "answer":
            if leaf.numeric is not None:
                out[leaf.code] = repr(draw(st.floats(-200, 200)))
            else:
                out[leaf.code] = draw(st.sampled_from([o.value for o in leaf.options]))
    return out


def profile(answers: dict, country: str = "XA") -> Profile:
    return Profile(scheme="g", country=country, year=2024, answers=answers)


SCALES = [(0, 100), (1, 5), (0, 1)]


@SETTINGS
@given(data=st.data())
def test_every_score_stays_on_the_scale(data):
    scale = data.draw(st.sampled_from(SCALES + [(-10, 10)]))
    aggs = AGGREGATIONS if scale[0] >= 0 else tuple(a for a in AGGREGATIONS if a != "geometric")
    tree = data.draw(trees(aggs=aggs, scale=scale))
    scheme = build_scheme(tree, scale=scale, aggregation=data.draw(st.sampled_from(aggs)),
                          missing=data.draw(st.sampled_from(["skip", "zero"])),
                          min_coverage=data.draw(st.sampled_from([0, 0.5, 1])))
    profiles = [profile(data.draw(answers_for(scheme)), c) for c in ("XA", "XB", "XC")]
    arr = score_arrays(scheme, profiles)
    s = arr.score[~np.isnan(arr.score)]
    lo, hi = scheme.scale
    # exactly: no aggregate ever rounds its way an ulp off the scale
    assert np.all(s >= lo) and np.all(s <= hi)
    cov = arr.coverage[~np.isnan(arr.coverage)]
    assert np.all((cov >= 0) & (cov <= 1))


@SETTINGS
@given(data=st.data())
def test_a_better_option_never_lowers_an_ancestor(data):
    # SPEC asks it of `mean`; every method of §3 is monotone, so it is checked for each
    agg = data.draw(st.sampled_from(AGGREGATIONS))
    only_mean = data.draw(st.booleans())
    aggs = ("mean",) if only_mean else (agg,)
    tree = data.draw(trees(aggs=aggs))
    scheme = build_scheme(tree, aggregation=aggs[0], missing=data.draw(st.sampled_from(["skip", "zero"])))
    option_leaves = [n for n in scheme.leaves if n.options]
    if not option_leaves:
        return
    leaf = data.draw(st.sampled_from(option_leaves))
    worse, better = sorted(data.draw(st.lists(st.sampled_from(leaf.options), min_size=2, max_size=2)),
                           key=lambda o: o.score)
    answers = data.draw(answers_for(scheme))
    before = score_arrays(scheme, [profile({**answers, leaf.code: worse.value})]).score[0]
    after = score_arrays(scheme, [profile({**answers, leaf.code: better.value})]).score[0]
    idx = scheme.index
    for code in [leaf.code] + scheme.ancestors(leaf.code):
        b, a = before[idx[code]], after[idx[code]]
        assert math.isnan(a) == math.isnan(b), code
        if not math.isnan(a):
            assert a >= b - 1e-9, (code, b, a)


def _shuffled(tree: dict, draw) -> dict:
    if "children" not in tree:
        return tree
    kids = [_shuffled(k, draw) for k in tree["children"]]
    return dict(tree, children=draw(st.permutations(kids)))


@SETTINGS
@given(data=st.data())
def test_reordering_siblings_changes_no_score(data):
    tree = _number(data.draw(trees()), [0])
    agg = data.draw(st.sampled_from(AGGREGATIONS))
    kw = {"aggregation": agg, "missing": data.draw(st.sampled_from(["skip", "zero"])),
          "min_coverage": data.draw(st.sampled_from([0, 0.5]))}
    # codes are numbered before shuffling, so both schemes name the same nodes alike
    one = parse_scheme({"id": "g", "version": "1", **kw, "children": tree["children"]}, _Collector("g", ""))
    shuffled = _shuffled(tree, data.draw)
    two = parse_scheme({"id": "g", "version": "1", **kw, "children": shuffled["children"]}, _Collector("g", ""))
    assert one is not None and two is not None
    answers = data.draw(answers_for(one))
    given_scores = {}
    composite = [n.code for n in one.nodes if n.children]
    if data.draw(st.booleans()):
        given_scores = {data.draw(st.sampled_from(composite)): data.draw(st.floats(0, 100))}
    p = Profile(scheme="g", country="XA", year=2024, answers=answers, scores=given_scores)
    a1, a2 = score_arrays(one, [p]), score_arrays(two, [p])
    for n in one.nodes:
        i, j = one.index[n.code], two.index[n.code]
        for x, y in ((a1.score[0, i], a2.score[0, j]), (a1.coverage[0, i], a2.coverage[0, j])):
            assert math.isnan(x) == math.isnan(y), n.code
            if not math.isnan(x):
                assert x == pytest.approx(y, rel=1e-9, abs=1e-9), n.code


def test_bundled_demo_scores_stay_on_the_scale(in_repo):
    b = load_paths(["indicators/demo.yaml", "country_profiles/demo"])
    arr = score_arrays(b.schemes["demo"], b.profiles)
    s = arr.score[~np.isnan(arr.score)]
    assert s.min() >= 0 and s.max() <= 100


@SETTINGS
@given(data=st.data())
def test_each_profile_is_scored_on_its_own(data):
    # the kernels work on all profiles at once: a profile's scores must not depend on the others
    tree = data.draw(trees())
    scheme = build_scheme(tree, aggregation=data.draw(st.sampled_from(AGGREGATIONS)),
                          missing=data.draw(st.sampled_from(["skip", "zero"])),
                          min_coverage=data.draw(st.sampled_from([0, 0.5])))
    profiles = [profile(data.draw(answers_for(scheme)), c) for c in ("XA", "XB", "XC", "XD")]
    together = score_arrays(scheme, profiles)
    for i, p in enumerate(profiles):
        alone = score_arrays(scheme, [p])
        np.testing.assert_array_equal(together.score[i], alone.score[0])
        np.testing.assert_array_equal(together.coverage[i], alone.coverage[0])
