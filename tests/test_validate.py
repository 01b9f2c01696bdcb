"""Validation across files: profiles against their scheme, schemes looked up in indicators/,
duplicate profiles, severities, and the bundled demo data."""

from __future__ import annotations

from conftest import FIXTURES, REPO, profile_text, write_files

from indexer.load import load_paths
from indexer.problems import excerpt, has_errors, sort_problems
from indexer.validate import check_profile, files_with_errors, resolve_scheme, validate_paths

FX = FIXTURES / "valid" / "fx.yaml"


def located(problems):
    return [(p.path.rsplit("/", 1)[-1], p.line, p.column, p.severity, p.code) for p in problems]


def test_demo_data_validates_with_one_warning(in_repo):
    problems = validate_paths(["indicators/demo.yaml", "country_profiles/demo"])
    # XC 2024 is a draft whose NAT.2 is blank: one warning at its `answers:` line (line 8, after
    # a comment and scheme, country, year, scheme_version, status, provenance)
    assert located(problems) == [("XC-2024.yaml", 8, 1, "warning", "missing-answer")]
    assert not has_errors(problems)


def test_scheme_found_in_indicators(in_repo):
    # the profiles name `demo`, which is not among the paths: it is found in indicators/
    problems = validate_paths(["country_profiles/demo/XA-2024.yaml"])
    assert problems == []


def test_scheme_found_among_paths_before_indicators(tmp_path, in_repo):
    # a scheme `demo` among the paths wins over indicators/demo.yaml: here it has one leaf only,
    # so the demo profile's other answers are unknown codes
    own = """
    id: demo
    title: Own demo
    version: "9"
    children:
      - {code: WORK.1, options: [{value: a, score: 1}, {value: b, score: 0}, {value: c, score: 0}]}
    """
    (d,) = write_files(tmp_path, {"own.yaml": own})
    problems = validate_paths([d, REPO / "country_profiles/demo/XA-2024.yaml"])
    assert [p.code for p in problems] == ["unknown-code"] * 4


def test_resolve_scheme_by_path_and_id(in_repo):
    b = load_paths([])
    assert resolve_scheme("demo", b) == "demo"
    b = load_paths([])
    assert resolve_scheme(str(FX), b) == "fx"
    assert resolve_scheme("no-such-scheme", load_paths([])) is None


def test_duplicate_profile_across_folders(tmp_path, in_repo):
    p = profile_text("A1: a\nA2: 1\nB1: yes", scheme="fx")
    write_files(tmp_path, {"one/p.yaml": p, "two/p.yaml": p})
    problems = validate_paths([tmp_path / "one", tmp_path / "two", FX])
    # reported once, in the second file read, at `year: 2024` (line 3, column 7)
    assert [(p.path.endswith("two/p.yaml"), p.line, p.column, p.code) for p in problems] == [
        (True, 3, 7, "duplicate-profile")]


def test_same_country_other_year_or_scheme_is_no_duplicate(tmp_path, in_repo):
    files = {
        "a.yaml": profile_text("A1: a\nA2: 1\nB1: yes", scheme="fx", year=2023),
        "b.yaml": profile_text("A1: a\nA2: 1\nB1: yes", scheme="fx", year=2024),
        "c.yaml": profile_text("WORK.1: a\nWORK.2: 1\nWORK.3: yes\nNAT.1: 4\nNAT.2: a", scheme="demo"),
    }
    write_files(tmp_path, files)
    assert validate_paths([tmp_path, FX]) == []


def test_missing_answer_severity_by_status(tmp_path, in_repo):
    for status, country in (("draft", "XA"), ("review", "XB"), ("final", "XC")):
        write_files(tmp_path, {f"{status}.yaml": profile_text("A1: a", scheme="fx", status=status, country=country)})
    problems = validate_paths([tmp_path, FX])
    got = sorted((p.path.rsplit("/", 1)[-1], p.severity, p.message.split()[0]) for p in problems)
    assert got == [("draft.yaml", "warning", "A2"), ("draft.yaml", "warning", "B1"),
                   ("final.yaml", "error", "A2"), ("final.yaml", "error", "B1"),
                   ("review.yaml", "warning", "A2"), ("review.yaml", "warning", "B1")]
    assert files_with_errors(problems) == {str(tmp_path / "final.yaml")}


def test_na_is_an_answer_not_missing(tmp_path, in_repo):
    write_files(tmp_path, {"p.yaml": profile_text("A1: n/a\nA2: n/a\nB1: n/a", scheme="fx", status="final")})
    assert validate_paths([tmp_path, FX]) == []


def test_given_scores_cover_their_leaves(tmp_path, in_repo):
    # a published overall score alone: no leaf is missing, nothing conflicts
    write_files(tmp_path, {"p.yaml": profile_text("", scheme="fx", status="final", scores="overall: 44.5")})
    assert validate_paths([tmp_path, FX]) == []


def test_given_score_conflict_for_any_answer_below(tmp_path, in_repo):
    # answering A2 under a given overall is a conflict; a blank answer is not an answer
    write_files(tmp_path, {"p.yaml": profile_text("A1:\nA2: 3", scheme="fx", scores="overall: 44.5")})
    problems = validate_paths([tmp_path, FX])
    # `  A2: 3` is line 7: the key at column 3
    assert located(problems) == [("p.yaml", 7, 3, "error", "given-score-conflict")]


def test_given_score_on_a_leaf_conflicts_with_its_answer(tmp_path, in_repo):
    # A2 is answered and has a given score of its own: one conflict, at the answer's key
    write_files(tmp_path, {"p.yaml": profile_text("A2: 3", scheme="fx", scores="A2: 44.5")})
    problems = [p for p in validate_paths([tmp_path, FX]) if p.code != "missing-answer"]
    assert located(problems) == [("p.yaml", 6, 3, "error", "given-score-conflict")]


def test_a_device_file_is_unreadable_not_read_forever(in_repo):
    problems = validate_paths(["/dev/zero"])
    assert [(p.line, p.column, p.code) for p in problems] == [(1, 1, "unreadable-file")]


def test_profile_without_answers_section_has_no_missing_answers(tmp_path, in_repo):
    write_files(tmp_path, {"p.yaml": "scheme: fx\ncountry: XA\nyear: 2024\nscores:\n  A: 50\n"})
    assert validate_paths([tmp_path, FX]) == []


def test_every_problem_of_every_file_at_once(tmp_path, in_repo):
    files = {
        "p1.yaml": profile_text("A1: z\nA2: x\nB1: yes", scheme="fx", country="XA"),
        "p2.yaml": profile_text("A1: a\nA2: 1\nB1: maybe\nZZ: 1", scheme="fx", country="XB"),
        "s.yaml": "id: other\nversion: 1\nchildren: []\n",
    }
    write_files(tmp_path, files)
    problems = validate_paths([tmp_path, FX])
    assert sorted((p.path.rsplit("/", 1)[-1], p.code) for p in problems) == [
        ("p1.yaml", "not-a-number"), ("p1.yaml", "unknown-option"),
        ("p2.yaml", "unknown-code"), ("p2.yaml", "unknown-option"),
        ("s.yaml", "bad-value"), ("s.yaml", "empty-node")]
    assert problems == sort_problems(problems)


def test_check_profile_directly(in_repo):
    b = load_paths([FX, FIXTURES / "invalid" / "unknown-option" / "profile.yaml"])
    (p,) = b.profiles
    probs = check_profile(p, b.schemes["fx"])
    assert [(x.line, x.column, x.code) for x in probs] == [(5, 7, "unknown-option"), (7, 16, "unknown-option")]


def test_messages_quote_only_an_excerpt(tmp_path, in_repo):
    long = "x" * 10_000
    key = "K" * 1000  # YAML's limit for a plain key is 1024 characters
    write_files(tmp_path, {"p.yaml": profile_text(f"A1: {long}\nA2: {long}\nB1: yes\n{key}: 1", scheme="fx")})
    problems = validate_paths([tmp_path, FX])
    assert sorted(p.code for p in problems) == ["not-a-number", "unknown-code", "unknown-option"]
    for p in problems:
        assert len(p.message) < 200, p.message
    assert len(excerpt(long)) <= 42
    assert len(excerpt(list(range(10_000)))) < 60


def test_long_keys_of_a_profile_are_quoted_short(tmp_path, in_repo):
    key = "K" * 1000
    text = f"scheme: fx\ncountry: XA\nyear: 2024\nanswers:\n  {key}: {{answer: [1], foo: 1}}\nscores:\n  {key}: x\n"
    write_files(tmp_path, {"p.yaml": text})
    problems = validate_paths([tmp_path, FX])
    assert sorted(p.code for p in problems if p.line > 4) == ["bad-value", "bad-value", "unknown-field"]
    for p in problems:
        assert len(p.message) < 200, p.message


def test_duplicate_scheme_whether_or_not_either_is_valid(tmp_path, in_repo):
    broken = FX.read_text().replace("score: 100}", "score: 101}", 1)
    write_files(tmp_path, {"a/fx.yaml": broken, "b/fx.yaml": FX.read_text()})
    problems = validate_paths([tmp_path / "a", tmp_path / "b"])
    # a/fx.yaml: an option out of scale (line 11, `          - {value: a, label: Yes, score: 101}`);
    # b/fx.yaml: the second definition of fx, at its id (line 1, column 5)
    assert sorted((p.path.split("/")[-2], p.line, p.column, p.code) for p in problems) == [
        ("a", 11, 43, "score-out-of-scale"), ("b", 1, 5, "duplicate-scheme")]


def test_a_profile_names_its_scheme_by_id_never_by_path(tmp_path, in_repo):
    # `scheme: indicators/demo.yaml` used to load that file, find id `demo` and then check the
    # profile against nothing at all (exit 0 with an unknown option); `nothere.yaml` used to add
    # an unreadable-file problem for a file nobody named
    write_files(tmp_path, {
        "a.yaml": "scheme: indicators/demo.yaml\ncountry: XA\nyear: 2024\nanswers:\n  WORK.1: zzz\n",
        "b.yaml": "scheme: nothere.yaml\ncountry: XB\nyear: 2024\nanswers:\n  WORK.1: a\n",
    })
    problems = validate_paths([tmp_path])
    assert located(problems) == [("a.yaml", 1, 9, "error", "unknown-scheme"),
                                 ("b.yaml", 1, 9, "error", "unknown-scheme")]


def test_an_unreadable_answer_is_not_also_missing(tmp_path, in_repo):
    # a list is no answer: one bad-value, and no missing-answer for the same leaf
    write_files(tmp_path, {"p.yaml": profile_text("A1: [a, b]", scheme="fx", status="final")})
    problems = [p for p in validate_paths([tmp_path, FX]) if p.path.endswith("p.yaml")]
    assert ("bad-value", "A1") in {(p.code, p.message.split(":")[0]) for p in problems}
    assert not [p for p in problems if p.code == "missing-answer" and p.message.startswith("A1 ")]


# ----------------------------------------------------------------------------------------------
# citations (CODING.md): quote, confidence, and answers that cite no source


def test_quote_and_confidence_are_read_and_a_bad_confidence_is_bad_value(tmp_path):
    body = ('scheme: demo\ncountry: XA\nyear: 2024\nprovenance: illustrative\nanswers:\n'
            '  WORK.1: {answer: a, source: "Act, art. 5", quote: "may work", confidence: high}\n'
            '  WORK.2: {answer: 3, source: "Act, art. 6", confidence: low}\n')
    files = write_files(tmp_path, {"p.yaml": body})
    problems = [p for p in validate_paths(files) if p.code != "missing-answer"]
    assert located(problems) == [("p.yaml", 7, 58, "error", "bad-value")]
    assert "'low'" in problems[0].message and "high, medium" in problems[0].message
    b = load_paths(files)
    (p,) = b.profiles
    assert (p.citations["WORK.1"].quote, p.citations["WORK.1"].confidence) == ("may work", "high")
    assert p.citations["WORK.2"].confidence == ""


def test_an_answer_without_source_is_a_warning_for_expert_and_illustrative_profiles(tmp_path):
    answers = "  WORK.1: a\n  WORK.2: {answer: 3, source: 'Act, art. 6'}\n  WORK.3: n/a\n"
    for prov, expected in (("illustrative", 2), ("expert", 2), ("published", 0), ("official", 0), (None, 0)):
        head = "scheme: demo\ncountry: XA\nyear: 2024\n" + (f"provenance: {prov}\n" if prov else "")
        files = write_files(tmp_path, {"p.yaml": head + "answers:\n" + answers})
        found = [p for p in validate_paths(files) if p.code == "missing-source"]
        assert len(found) == expected, prov
        assert all(p.severity == "warning" for p in found)
        if expected:
            # WORK.1 (a bare answer) and WORK.3 (n/a needs its provision too), at their values
            assert [(p.line, p.column) for p in found] == [(6, 11), (8, 11)]


def test_sections_group_the_questionnaire_not_the_scores(in_repo):
    from indexer.template import template
    s = load_paths(["indicators/mipex-core.yaml"]).schemes["mipex-core"]
    assert s.node("LMM.ACC.1").section == "Access to the labour market"
    text = template(s, "KZ", 2025)
    assert text.count("# --- Access to the labour market") == 1
    headers = [ln for ln in text.splitlines() if ln.startswith("  # --- ")]
    sections = [ln for ln in headers if not ln.endswith("(indicator)")]
    # each (area, section) heads once; the composite indicators (Family reunion's six, Education's
    # seven, Permanent residence's, Anti-discrimination's and Health's six each) head their questions
    assert len(sections) == len({(n.code.split(".")[0], n.section) for n in s.leaves}) == 32
    assert len(headers) - len(sections) == 31
