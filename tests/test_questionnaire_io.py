"""The questionnaire's file logic (indexer.app_support): round-trip edits that keep comments,
order and quoting; atomic saves that refuse to overwrite a file changed on disk; paths that
cannot leave country_profiles/, whatever country or year is typed."""

from __future__ import annotations

import dataclasses
import difflib
import os
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from indexer import app_support as sup
from indexer.load import load_paths
from indexer.model import NOT_APPLICABLE

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """A copy of the demo data (and mipex-core, if present) as a data root."""
    (tmp_path / "indicators").mkdir()
    for name in ("demo.yaml", "mipex-core.yaml"):
        if (REPO / "indicators" / name).is_file():
            shutil.copy(REPO / "indicators" / name, tmp_path / "indicators" / name)
    shutil.copytree(REPO / "country_profiles" / "demo", tmp_path / "country_profiles" / "demo")
    return tmp_path


@pytest.fixture
def data(root: Path) -> sup.AppData:
    return sup.read_data(root)


def changed_lines(a: str, b: str) -> list[str]:
    return [ln for ln in difflib.unified_diff(a.splitlines(), b.splitlines(), lineterm="", n=0)
            if ln[:1] in "+-" and not ln.startswith(("+++", "---"))]


# ----------------------------------------------------------------------------------------------
# round trip


def test_unchanged_profiles_round_trip_byte_for_byte():
    """Every profile of the repository comes back identical when nothing is edited."""
    b = load_paths([REPO / "indicators", REPO / "country_profiles"])
    checked = 0
    for p in b.profiles:
        scheme = b.schemes.get(p.scheme)
        if scheme is None:
            continue
        text = Path(p.path).read_text(encoding="utf-8")
        vals = sup.answers_of(p, scheme)
        assert sup.apply_edits(text, scheme, vals, dict(vals), sup.meta_of(p), sup.meta_of(p)) == text, p.path
        checked += 1
    assert checked >= 4


def test_one_edit_changes_one_line_and_keeps_comments(data: sup.AppData):
    doc = sup.open_doc(data, "country_profiles/demo/XA-2024.yaml")
    scheme = data.schemes["demo"]
    doc.values["NAT.2"] = sup.Answer("b", doc.values["NAT.2"].source)
    out = doc.text(scheme)
    assert out.startswith("# Fictional country XA")
    diff = changed_lines(doc.base_text, out)
    assert diff == ['-  NAT.2: {answer: a, source: "Atlantis Nationality Act, art. 14 (fictional)"}',
                    '+  NAT.2: {answer: b, source: "Atlantis Nationality Act, art. 14 (fictional)"}']


def test_citation_turns_a_short_answer_into_a_one_line_long_form(data: sup.AppData):
    scheme = data.schemes["demo"]
    text = "# mine\nscheme: demo\ncountry: XB\nyear: 2030\nanswers:\n  WORK.1: a  # keep me\n  NAT.2: b\n"
    before = {"WORK.1": sup.Answer("a"), "NAT.2": sup.Answer("b")}
    after = {**before, "WORK.1": sup.Answer("a", source='Law "X", art. 5', note="Закон")}
    out = sup.apply_edits(text, scheme, before, after)
    line = next(ln for ln in out.splitlines() if "WORK.1" in ln)
    assert line.startswith('  WORK.1: {answer: a, source: "Law \\"X\\", art. 5", note: "Закон"}')
    assert line.endswith("# keep me")
    ck = sup.check_text(out, data.schemes, "t.yaml")
    assert ck.profile.citations["WORK.1"].source == 'Law "X", art. 5'
    assert ck.profile.citations["WORK.1"].note == "Закон"


def test_quote_and_confidence_are_written_kept_and_edited(data: sup.AppData):
    scheme = data.schemes["demo"]
    text = "scheme: demo\ncountry: XB\nyear: 2030\nanswers:\n  WORK.1: a\n  NAT.2: b\n"
    before = {"WORK.1": sup.Answer("a"), "NAT.2": sup.Answer("b")}
    cited = sup.Answer("a", source="Act, art. 5", url="https://example.org/5", quote="«may work»",
                       confidence="high")
    out = sup.apply_edits(text, scheme, before, {**before, "WORK.1": cited})
    line = next(ln for ln in out.splitlines() if "WORK.1" in ln)
    assert line == ('  WORK.1: {answer: a, source: "Act, art. 5", url: "https://example.org/5", '
                    'quote: "«may work»", confidence: "high"}')
    p = sup.check_text(out, data.schemes, "t.yaml").profile
    assert (p.citations["WORK.1"].quote, p.citations["WORK.1"].confidence) == ("«may work»", "high")
    # the questionnaire reads them back, and changing only the answer keeps them
    vals = sup.answers_of(p, scheme)
    assert vals["WORK.1"] == cited
    out2 = sup.apply_edits(out, scheme, vals, {**vals, "WORK.1": dataclasses.replace(cited, answer="b")})
    p2 = sup.check_text(out2, data.schemes, "t.yaml").profile
    assert p2.answers["WORK.1"] == "b" and p2.citations["WORK.1"].quote == "«may work»"
    # lowering the confidence edits that field alone; clearing the quote removes it
    out3 = sup.apply_edits(out2, scheme, sup.answers_of(p2, scheme),
                           {**sup.answers_of(p2, scheme),
                            "WORK.1": dataclasses.replace(cited, answer="b", quote="", confidence="medium")})
    p3 = sup.check_text(out3, data.schemes, "t.yaml").profile
    assert (p3.citations["WORK.1"].quote, p3.citations["WORK.1"].confidence) == ("", "medium")
    assert "quote" not in out3


def test_removing_a_citation_and_blanking_an_answer(data: sup.AppData):
    doc = sup.open_doc(data, "country_profiles/demo/XA-2024.yaml")
    scheme = data.schemes["demo"]
    doc.values["WORK.1"] = sup.Answer(None)  # blank, no source
    doc.values["WORK.2"] = sup.Answer(NOT_APPLICABLE, "because")
    ck = sup.check_text(doc.text(scheme), data.schemes, "t.yaml")
    assert ck.profile.answers["WORK.1"] is None and "WORK.1" not in ck.profile.citations
    assert ck.profile.answers["WORK.2"] == NOT_APPLICABLE
    assert [p.code for p in ck.problems] == ["missing-answer"]


def test_new_entries_go_in_scheme_order(data: sup.AppData):
    scheme = data.schemes["demo"]
    text = "scheme: demo\ncountry: XB\nyear: 2030\nanswers:\n  WORK.1: a\n  NAT.2: b\n"
    before = {"WORK.1": sup.Answer("a"), "NAT.2": sup.Answer("b")}
    out = sup.apply_edits(text, scheme, before, {**before, "NAT.1": sup.Answer("5"), "WORK.3": sup.Answer("no")})
    keys = [ln.split(":")[0].strip() for ln in out.splitlines()[4:]]
    assert keys == ["WORK.1", "WORK.3", "NAT.1", "NAT.2"]
    assert '  WORK.3: "no"\n' in out and "  NAT.1: 5\n" in out


def test_yaml11_words_are_quoted_and_meta_is_written(data: sup.AppData):
    scheme = data.schemes["demo"]
    text = "scheme: demo\ncountry: XB\nyear: 2030\nanswers:\n"
    out = sup.apply_edits(text, scheme, {}, {"WORK.3": sup.Answer("yes")}, {"status": "draft"},
                          {"status": "review", "coder": "Ана"})
    assert 'WORK.3: "yes"' in out and "status: review" in out and 'coder: "Ана"' in out
    assert sup.check_text(out, data.schemes, "t.yaml").profile.answers["WORK.3"] == "yes"


def test_a_file_ruamel_cannot_read_is_refused(data: sup.AppData):
    with pytest.raises(sup.EditError):
        sup.apply_edits("scheme: [demo\n", data.schemes["demo"], {}, {"WORK.1": sup.Answer("a")})


@pytest.fixture
def tree_reads(monkeypatch) -> list[int]:
    """The lengths of the texts ruamel's round-trip reader is given, in order."""
    from indexer import app_edit

    reads: list[int] = []
    real = app_edit._load_tree
    monkeypatch.setattr(app_edit, "_load_tree", lambda text: reads.append(len(text)) or real(text))
    return reads


def test_opening_a_profile_leaves_the_round_trip_to_the_first_edit(data: sup.AppData, root: Path, tree_reads):
    """Opening reads the file with the engine only; ruamel reads it once, at the first edit; a
    file ruamel cannot read opens (the engine's problems shown) and says so at the first edit."""
    reads = tree_reads
    path = root / "country_profiles/demo/XA-2024.yaml"
    doc = sup.open_doc(data, path)
    scheme = data.schemes["demo"]
    assert reads == [] and doc.text(scheme) == doc.base_text == path.read_text(encoding="utf-8")
    doc.meta["coder"] = "A. Coder"
    first = doc.text(scheme)
    doc.values["WORK.1"] = sup.Answer("b")
    assert reads == [len(doc.base_text)] and 'coder: "A. Coder"' in first and "WORK.1: {answer: b" in doc.text(scheme)
    dup = path.read_text(encoding="utf-8").replace("coder: indexer project", "coder: indexer project\ncoder: again")
    path.write_text(dup, encoding="utf-8")
    doc = sup.open_doc(sup.read_data(root), path)
    assert doc.text(scheme) == dup
    assert [(p.code, p.line) for p in sup.check_text(dup, data.schemes, "x.yaml").errors] == [("duplicate-key", 9)]
    doc.meta["coder"] = "A. Coder"
    with pytest.raises(sup.EditError, match="not valid YAML"):
        doc.text(scheme)
    doc = sup.open_doc(sup.read_data(root), path)
    doc.read_ahead()  # in the background: the edit gets the same error
    doc.meta["coder"] = "A. Coder"
    with pytest.raises(sup.EditError, match="not valid YAML"):
        doc.text(scheme)


def test_read_ahead_reads_the_file_once_for_the_first_edit(data: sup.AppData, root: Path, tree_reads):
    reads = tree_reads
    path = root / "country_profiles/demo/XA-2024.yaml"
    doc = sup.open_doc(data, path)
    scheme = data.schemes["demo"]
    doc.read_ahead()
    doc.read_ahead()  # already being read: not twice
    doc._ahead[1].result(timeout=30)
    assert reads == [len(doc.base_text)]
    doc.values["WORK.1"] = sup.Answer("b")
    got = doc.text(scheme)
    assert reads == [len(doc.base_text)]  # the edit used the tree read ahead
    assert got == sup.apply_edits(doc.base_text, scheme, doc.before, doc.values)
    sup.save_doc(data, doc, scheme, text=got)  # a new base: what was read ahead is not used
    reads.clear()
    doc.values["WORK.1"] = sup.Answer("c")
    got = doc.text(scheme)
    assert reads == [len(doc.base_text)] and got == sup.apply_edits(doc.base_text, scheme, doc.before, doc.values)


answers = st.dictionaries(
    st.sampled_from(["WORK.1", "WORK.2", "WORK.3", "NAT.1", "NAT.2"]),
    st.builds(sup.Answer,
              st.one_of(st.none(), st.sampled_from(["a", "b", "c", "yes", "no", "n/a", "0", "3", "7.5", "12"])),
              st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=20).map(str.strip),
              st.sampled_from(["", "a note", "— «цитата» ‘q’ \"dq\" #hash: colon"]),
              st.sampled_from(["", "https://example.org/a?b=c&d"])),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(first=answers, second=answers)
def test_edits_read_back_as_written(data: sup.AppData, first, second):
    """Whatever is typed, the engine reads back exactly the values written (twice over)."""
    scheme = data.schemes["demo"]
    text = "# top\nscheme: demo\ncountry: XC\nyear: 2031\nanswers:\n  NAT.2: c  # c\n"
    base = {leaf.code: sup.Answer() for leaf in scheme.leaves}
    base["NAT.2"] = sup.Answer("c")
    for edit in (first, second):
        after = {**base, **edit}
        text = sup.apply_edits(text, scheme, base, after)
        ck = sup.check_text(text, data.schemes, "t.yaml")
        assert ck.profile is not None, ck.problems
        got = sup.answers_of(ck.profile, scheme)
        for code, a in after.items():
            assert got[code] == a, (code, text)
        base = after
    assert text.startswith("# top\n")


# ----------------------------------------------------------------------------------------------
# saving and conflicts


def test_save_writes_atomically_and_detects_a_change_on_disk(data: sup.AppData, root: Path):
    doc = sup.open_doc(data, root / "country_profiles/demo/XB-2024.yaml")
    scheme = data.schemes["demo"]
    doc.values["WORK.1"] = sup.Answer("c")
    sup.save_doc(data, doc, scheme)
    on_disk = (root / "country_profiles/demo/XB-2024.yaml").read_text()
    assert on_disk == doc.base_text and sup.check_text(on_disk, data.schemes, "x").profile.answers["WORK.1"] == "c"
    assert not [p for p in os.listdir(root / "country_profiles/demo") if p.endswith(".tmp")]

    # someone else edits the file; our next save is refused and shows their version
    theirs = on_disk.replace("year: 2024", "year: 2024  # edited elsewhere")
    (root / "country_profiles/demo/XB-2024.yaml").write_text(theirs)
    doc.values["WORK.1"] = sup.Answer("a")
    with pytest.raises(sup.SaveConflict) as err:
        sup.save_doc(data, doc, scheme)
    assert err.value.disk.text == theirs and doc.conflict is not None
    assert (root / "country_profiles/demo/XB-2024.yaml").read_text() == theirs
    # after seeing both, the user may keep theirs... or replace it deliberately
    sup.save_doc(data, doc, scheme, force=True)
    assert "  WORK.1: {answer: a}\n" in (root / "country_profiles/demo/XB-2024.yaml").read_text()
    assert doc.conflict is None


def test_a_deleted_file_or_a_new_file_that_appeared_is_a_conflict(data: sup.AppData, root: Path):
    scheme = data.schemes["demo"]
    doc = sup.open_doc(data, "country_profiles/demo/XC-2024.yaml")
    (root / "country_profiles/demo/XC-2024.yaml").unlink()
    with pytest.raises(sup.SaveConflict, match="deleted"):
        sup.save_doc(data, doc, scheme)
    new = sup.new_doc(data, "demo", "XD", 2030)
    new.path.parent.mkdir(parents=True)
    new.path.write_text("scheme: demo\ncountry: XD\nyear: 2030\n")
    with pytest.raises(sup.SaveConflict):
        sup.save_doc(data, new, scheme)


def test_new_profile_is_saved_under_its_country(data: sup.AppData, root: Path):
    doc = sup.new_doc(data, "demo", "XD", 2030, coder="Me")
    assert doc.path == (root / "country_profiles/XD/demo-2030.yaml").resolve()
    doc.values["WORK.1"] = sup.Answer("a", "Law 1")
    sup.save_doc(data, doc, data.schemes["demo"])
    text = doc.path.read_text()
    assert "# Questionnaire: Demo integration policy index" in text  # the template's comments stay
    assert 'WORK.1: {answer: a, source: "Law 1"}' in text
    assert sup.read_data(root).profile("demo", "XD", 2030) is not None


def test_new_profile_for_an_existing_key_is_refused(data: sup.AppData):
    with pytest.raises(sup.DocError, match="open it instead"):
        sup.new_doc(data, "demo", "XA", 2024)


def test_upload_targets_the_profile_with_the_same_key(data: sup.AppData, root: Path):
    blob = (root / "country_profiles/demo/XA-2020.yaml").read_bytes().replace(b"status: final", b"status: review")
    doc = sup.upload_doc(data, "mine.yaml", blob)
    assert doc.path == (root / "country_profiles/demo/XA-2020.yaml").resolve() and doc.opened.exists
    sup.save_doc(data, doc, data.schemes["demo"])
    assert (root / "country_profiles/demo/XA-2020.yaml").read_bytes() == blob
    with pytest.raises(sup.DocError):
        sup.upload_doc(data, "bad.yaml", b"\xff\xfe not utf-8")
    with pytest.raises(sup.DocError):
        sup.upload_doc(data, "bad.yaml", b"scheme: demo\ncountry: ../../x\nyear: 2024\n")


def test_duplicate_profile_is_reported_live(data: sup.AppData):
    text = (data.root / "country_profiles/demo/XA-2024.yaml").read_text()
    ck = sup.check_text(text, data.schemes, "copy.yaml", others=data.bundle.profiles,
                        path=data.root / "country_profiles/other.yaml")
    assert "duplicate-profile" in [p.code for p in ck.problems]
    ck = sup.check_text(text, data.schemes, "same.yaml", others=data.bundle.profiles,
                        path=data.root / "country_profiles/demo/XA-2024.yaml")
    assert "duplicate-profile" not in [p.code for p in ck.problems]


# ----------------------------------------------------------------------------------------------
# path safety


@pytest.mark.parametrize("country", ["../../x", "..", "KZ/../../..", "/etc", "kz", "K", "XAA", "X\x00", "Q1", " KZ"])
def test_bad_country_codes_never_make_a_path(data: sup.AppData, root: Path, country: str):
    before = sorted(p for p in root.parent.rglob("*"))
    with pytest.raises(sup.DocError):
        sup.new_doc(data, "demo", country, 2030)
    with pytest.raises(sup.UnsafePath):
        sup.new_profile_path(root, "demo", country, 2030)
    assert sorted(p for p in root.parent.rglob("*")) == before


@pytest.mark.parametrize("scheme_id,year", [("../demo", 2030), ("demo/../../x", 2030), ("demo", "2030/../../x"),
                                            ("demo", -1), ("demo", 10**6), ("nope", 2030)])
def test_bad_scheme_or_year_never_make_a_path(data: sup.AppData, scheme_id, year):
    with pytest.raises(sup.DocError):
        sup.new_doc(data, scheme_id, "XD", year)


def test_paths_outside_country_profiles_are_refused(data: sup.AppData, root: Path, tmp_path_factory):
    outside = tmp_path_factory.mktemp("outside")
    (outside / "x.yaml").write_text("scheme: demo\ncountry: XA\nyear: 2024\n")
    for bad in (outside / "x.yaml", root / "country_profiles/../indicators/demo.yaml", root / "country_profiles",
                "country_profiles/demo/../../../x.yaml", root / "country_profiles/demo/groups.txt"):
        with pytest.raises(sup.UnsafePath):
            sup.safe_profile_path(root, bad)
    # a symbolic link inside country_profiles/ that points outside is refused too
    link = root / "country_profiles/demo/link.yaml"
    link.symlink_to(outside / "x.yaml")
    with pytest.raises(sup.UnsafePath):
        sup.safe_profile_path(root, link)
    with pytest.raises(sup.DocError):
        sup.open_doc(data, link)
    snap = sup.Snapshot(outside / "x.yaml", (outside / "x.yaml").read_text(), sup.digest((outside / "x.yaml").read_bytes()))
    with pytest.raises(sup.UnsafePath):
        sup.save_profile(root, snap, "scheme: demo\n")
    assert (outside / "x.yaml").read_text() == "scheme: demo\ncountry: XA\nyear: 2024\n"


# ----------------------------------------------------------------------------------------------
# data and defaults


def test_defaults_fall_back_to_demo_data(data: sup.AppData):
    sid = sup.default_scheme(data)
    if "mipex-core" in data.schemes and not data.profiles("mipex-core"):
        assert sid == "demo"
    assert sup.default_countries(data, "demo") == ["XA", "XB", "XC"]
    assert sup.default_group(data, "demo") == "DEMO"
    assert sup.DEFAULT_STAT == "mean"  # one default statistic everywhere (compare.DEFAULT_STAT)


def test_files_with_errors_are_left_out(root: Path):
    (root / "country_profiles/demo/bad.yaml").write_text("scheme: demo\ncountry: XB\nyear: 2024\nanswers: {WORK.1: z}\n")
    d = sup.read_data(root)
    assert d.excluded_profiles() == ["country_profiles/demo/bad.yaml"]
    assert len([p for p in d.profiles("demo") if p.country == "XB"]) == 1


def test_fingerprint_follows_file_changes(root: Path):
    a = sup.fingerprint(root)
    f = root / "country_profiles/demo/XA-2024.yaml"
    f.write_text(f.read_text() + "\n")
    assert sup.fingerprint(root) != a


# ----------------------------------------------------------------------------------------------
# the open document: one parse, each edit on a copy (the same text as apply_edits)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edits=st.lists(answers, min_size=1, max_size=4), coder=st.sampled_from(["", "A. Coder", "yes"]))
def test_doc_text_is_apply_edits_of_the_base(data: sup.AppData, root: Path, edits, coder):
    """``Doc.text`` (the tree read once, each state made on a copy) gives exactly
    ``apply_edits(base_text, ...)``, before and after a save, also when values go back to what
    the file says."""
    path = next((root / "country_profiles" / "demo").glob("*.yaml"))
    doc = sup.open_doc(data, path)
    scheme = data.schemes[doc.scheme_id]
    assert doc.text(scheme) == doc.base_text == sup.apply_edits(doc.base_text, scheme, doc.before, doc.before)
    states = [*edits, {}]  # the last state: back to the file's values
    for i, edit in enumerate(states):
        doc.values = {**doc.before, **{c: a for c, a in edit.items() if c in doc.before}}
        doc.meta = {**doc.meta_before, "coder": coder} if i % 2 else dict(doc.meta_before)
        want = sup.apply_edits(doc.base_text, scheme, doc.before, doc.values, doc.meta_before, doc.meta)
        assert doc.text(scheme) == want
        assert doc.text(scheme) == want  # the remembered text
        if i == 0 and want != doc.base_text:  # saved: the base is the text written
            sup.save_doc(data, doc, scheme, text=want)
            assert doc.base_text == want == path.read_text(encoding="utf-8")
            assert doc.text(scheme) == want == sup.apply_edits(want, scheme, doc.before, doc.before)


# ----------------------------------------------------------------------------------------------
# reading the data root again after a save: only the saved file


def _same_bundle(a, b) -> None:
    assert a.profiles == b.profiles and a.problems == b.problems and a.broken == b.broken
    assert list(a.profile_schemes.items()) == list(b.profile_schemes.items())
    assert list(a.schemes) == list(b.schemes) and a.groups == b.groups and a.scheme_paths == b.scheme_paths


def test_read_bundle_is_load_paths_and_rereads_only_what_changed(root: Path, monkeypatch):
    from indexer import app_data

    bad = root / "country_profiles" / "demo" / "zz-broken.yaml"
    bad.write_text("scheme: demo\ncountry: XQ\nyear: 2030\nanswers: [\n", encoding="utf-8")
    folders = [root / "indicators", root / "country_profiles"]
    _same_bundle(app_data.read_bundle(root), load_paths(folders))
    read = []
    real = app_data.load_file
    monkeypatch.setattr(app_data, "load_file", lambda path, *a: read.append(Path(path).name) or real(path, *a))
    again = app_data.read_bundle(root)
    assert read == []  # nothing changed: nothing is parsed again, not even the schemes
    _same_bundle(again, load_paths(folders))
    profiles = {Path(p).name for p in load_paths(folders).profile_schemes} | {bad.name}
    doc = sup.open_doc(sup.read_data(root), next((root / "country_profiles" / "demo").glob("*-*.yaml")))
    scheme = sup.read_data(root).schemes[doc.scheme_id]
    doc.meta["coder"] = "someone else"
    sup.save_doc(sup.read_data(root), doc, scheme)
    read.clear()
    again = app_data.read_bundle(root)
    assert read == [doc.path.name]  # the saved file alone
    _same_bundle(again, load_paths(folders))
    assert any(p.coder == "someone else" for p in again.profiles)
    # a changed scheme file: the schemes, groups and translations are read again, in order, and
    # the profiles are not
    scheme_file = root / "indicators" / "demo.yaml"
    scheme_file.write_text(scheme_file.read_text(encoding="utf-8").replace("title:", "title: ", 1), encoding="utf-8")
    read.clear()
    again = app_data.read_bundle(root)
    assert "demo.yaml" in read and not set(read) & profiles
    _same_bundle(again, load_paths(folders))
    bad.unlink()  # a file gone is gone from the bundle
    _same_bundle(app_data.read_bundle(root), load_paths(folders))


def test_read_data_checks_again_only_the_profile_that_changed(root: Path, monkeypatch):
    """After a save, the saved profile alone is checked against its scheme again; the problems are
    those of a full validation (the broken answer of the saved file included)."""
    from indexer import app_data, validate

    first = app_data.read_data(root)
    checked = []
    real = validate.check_profile
    monkeypatch.setattr(validate, "check_profile", lambda p, s: checked.append(Path(p.path).name) or real(p, s))
    assert app_data.read_data(root).problems == first.problems and checked == []
    path = next((root / "country_profiles" / "demo").glob("*-*.yaml"))
    doc = sup.open_doc(first, path)
    scheme = first.schemes[doc.scheme_id]
    code = next(leaf.code for leaf in scheme.leaves if leaf.numeric is not None)
    doc.values[code] = sup.Answer("lots")  # not a number: an error the full validation reports
    sup.save_doc(first, doc, scheme, text=sup.apply_edits(doc.base_text, scheme, doc.before, doc.values))
    again = app_data.read_data(root)
    assert checked == [path.name]
    monkeypatch.setattr(validate, "check_profile", real)
    full = validate.validate_paths([root / "indicators", root / "country_profiles"])
    assert list(again.problems) == full
    assert any(p.code == "not-a-number" and Path(p.path) == path for p in again.problems)
    assert str(path) in again.excluded


def test_yaml_files_under_linked_names_are_read_once(tmp_path: Path):
    from indexer.load import iter_yaml_files

    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "x.yaml").write_text("id: x\n")
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "folder").symlink_to(tmp_path / "real")  # a linked folder is not entered
    (tmp_path / "a" / "y.yaml").symlink_to(tmp_path / "real" / "x.yaml")  # a linked file is its target
    (tmp_path / "a" / "z.yml").write_text("id: z\n")
    got = list(iter_yaml_files([tmp_path / "a", tmp_path / "real", tmp_path / "a" / "z.yml"]))
    assert got == [str(tmp_path / "a" / "y.yaml"), str(tmp_path / "a" / "z.yml")]


def test_a_header_field_the_file_lacks_goes_into_the_header(data: sup.AppData):
    """A reviewer or version added in the questionnaire is written in the template's header order,
    never after `answers:` (a file without them used to get them appended at its end)."""
    scheme = data.schemes["mipex-core"]
    text = "scheme: mipex-core\ncountry: KZ\nyear: 2024\nstatus: draft\ncoder: \"A\"\nanswers:\n  LMM.ACC.1: a\n"
    before = {"reviewer": "", "scheme_version": ""}
    after = sup.apply_edits(text, scheme, {}, {}, before, {"reviewer": "R. Viewer", "scheme_version": "2020.6"})
    assert after == ("scheme: mipex-core\ncountry: KZ\nyear: 2024\nscheme_version: \"2020.6\"\nstatus: draft\n"
                     "coder: \"A\"\nreviewer: \"R. Viewer\"\nanswers:\n  LMM.ACC.1: a\n")
    # a file with none of the earlier header keys gets the field first
    bare = "answers:\n  LMM.ACC.1: a\n"
    assert sup.apply_edits(bare, scheme, {}, {}, {"reviewer": ""}, {"reviewer": "R"}).startswith('reviewer: "R"\n')
