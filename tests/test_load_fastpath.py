"""The loader's fast path (``_Loader.resolve`` and ``construct_document``) must give exactly what
PyYAML's own resolver and constructor give: same values, same types (LexInt/LexFloat with their
text), same duplicate-key records, same errors. Checked against a loader with the fast path
removed, on hand-picked and on generated documents."""

from __future__ import annotations

import math

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from indexer.load import LexFloat, LexInt, _Loader, read_yaml


class _Reference(_Loader):
    """``_Loader`` as it was before the fast path: PyYAML's resolver and constructor."""

    resolve = yaml.resolver.BaseResolver.resolve
    descend_resolver = yaml.resolver.BaseResolver.descend_resolver
    ascend_resolver = yaml.resolver.BaseResolver.ascend_resolver

    def construct_document(self, node):  # noqa: ANN001, ANN201
        return yaml.constructor.BaseConstructor.construct_document(self, node)


def _load(cls: type, text: str):  # noqa: ANN202
    loader = cls(text)
    try:
        return ("ok", loader.get_single_data(), loader.duplicates)
    except Exception as err:  # noqa: BLE001
        return ("error", type(err).__name__, str(err), loader.duplicates)
    finally:
        loader.dispose()


def _same(a, b) -> bool:  # noqa: ANN001
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return len(a) == len(b) and all(_same(ka, kb) and _same(va, vb)
                                        for (ka, va), (kb, vb) in zip(a.items(), b.items(), strict=True))
    if isinstance(a, list | tuple):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, float) and math.isnan(a):
        return math.isnan(b) and getattr(a, "text", None) == getattr(b, "text", None)
    return a == b and getattr(a, "text", None) == getattr(b, "text", None)


def check(text: str) -> None:
    fast, ref = _load(_Loader, text), _load(_Reference, text)
    assert fast[0] == ref[0], (text, fast, ref)
    if fast[0] == "ok":
        assert _same(fast[1], ref[1]), (text, fast, ref)
        assert fast[2] == ref[2], (text, fast, ref)
    else:
        assert fast[1:] == ref[1:], (text, fast, ref)


SCALARS = [
    "a", "yes", "no", "NO", "on", "off", "true", "False", "~", "null", "Null", "", "''", '""',
    "0", "-0", "+5", "7", "010", "0o17", "0x1F", "0b101", "1_000", "1:30", "12345678901234567890",
    "1.5", "-2.5", "1.10", "1.", ".5", "1e3", "1.0e+3", "6.02e+23", "1_0.5", "1:30.5", ".inf", "-.inf",
    ".nan", ".NaN", "2024-01-01", "2001-12-14t21:59:43.10-05:00", "=", "n/a", "'010'", '"1.10"',
    "!!str 5", "!!int '12'", "!!float '1.5'", "!!bool yes", "!!null ''", "[1, 2]", "{a: 1}", "'it''s'",
    "3.0", "100", "-1.0", "1e-05", "0.1", "00", "-", ".", "é", "KZ",
]


@pytest.mark.parametrize("scalar", SCALARS)
def test_scalars_in_every_position(scalar: str) -> None:
    check(f"{scalar}\n")
    check(f"key: {scalar}\n")
    check(f"- {scalar}\n- x\n")
    check(f"answers:\n  A.1: {scalar}\n  A.2: {{answer: {scalar}, source: s}}\n")
    if not scalar.startswith(("[", "{", "!", "-", "'", '"')) and scalar not in ("", "="):
        check(f"{scalar}: value\nother: 1\n")


@pytest.mark.parametrize("text", [
    "a: 1\na: 2\n",  # duplicate
    "a: {b: 1, b: 2}\nc: [{d: 1, d: 2}, {e: 1}]\nc: 3\n",  # duplicates in nested places, in order
    "x: &A {a: 1}\ny: *A\n",  # alias
    "base: &b {a: 1}\nderived:\n  <<: *b\n  c: 2\n",  # merge key
    "<<: {a: 1}\nb: 2\n",  # merge without alias
    "=: 1\n",  # value key
    "a: =\n",  # value tag as a value: PyYAML refuses it
    "[a, b]: 1\n",  # sequence as a key
    "? {a: 1}\n: 2\n",  # mapping as a key
    "!!omap [{a: 1}]\n",
    "!!set {a, b}\n",
    "!custom x\n",
    "a: !!binary aGVsbG8=\n",
    "a: !!str\n",
    "a: [" * 70 + "]" * 70 + "\n",  # deeper than the fast path goes
    "[" * 40 + "]" * 40 + "\n",
    "a: 1\n---\nb: 2\n",  # two documents
    "",  # empty
    "# only a comment\n",
    "a: [1, 2\n",  # syntax error
    "a:\n  - b: 1\n    b: 2\n  - !!str 3\n",
    "note: price is 5 * 3\nx: 010\n",  # a '*' in text: the slow path, same result
    f"big: {'9' * 5000}\n",  # an int too long to convert
    "scheme: demo\ncountry: NO\nyear: 2024\nanswers:\n  WORK.1: yes\n  WORK.2: 8\n  NAT.1: n/a\n  NAT.2:\n",
])
def test_documents(text: str) -> None:
    check(text)


_scalar_text = st.sampled_from([s for s in SCALARS if not s.startswith(("[", "{", "!", "-"))] + ["x", "b c"])


def _doc(depth: int = 0):  # noqa: ANN202
    leaf = _scalar_text
    if depth >= 3:
        return leaf
    return st.one_of(
        leaf,
        st.lists(st.tuples(st.sampled_from(["a", "b", "c", "1", "010", "1.5", "yes", "~"]), st.deferred(lambda: _doc(depth + 1))),
                 max_size=4).map(lambda kv: ("map", kv)),
        st.lists(st.deferred(lambda: _doc(depth + 1)), max_size=4).map(lambda xs: ("seq", xs)),
    )


def _emit(d) -> str:  # noqa: ANN001 - flow style, any nesting
    if isinstance(d, str):
        return d if d else "''"
    kind, items = d
    if kind == "map":
        return "{" + ", ".join(f"{k}: {_emit(v)}" for k, v in items) + "}"
    return "[" + ", ".join(_emit(v) for v in items) + "]"


@settings(max_examples=300, deadline=None)
@given(_doc())
def test_generated_documents(d) -> None:  # noqa: ANN001
    text = _emit(d)
    check(text + "\n")
    check("top: " + text + "\n")


def test_types_kept(tmp_path) -> None:  # noqa: ANN001
    p = tmp_path / "p.yaml"
    p.write_text("a: 010\nb: 1.10\nc: 67\nd: 2.5\ne: NO\nf: 1_000\n", encoding="utf-8")
    data = read_yaml(p).data
    assert type(data["a"]) is LexInt and data["a"].text == "010"
    assert type(data["b"]) is LexFloat and data["b"].text == "1.10"
    assert type(data["c"]) is int and type(data["d"]) is float
    assert data["e"] == "NO" and type(data["f"]) is LexInt


def test_fast_path_taken_for_ordinary_files(monkeypatch) -> None:  # noqa: ANN001
    def refuse(self, node):  # noqa: ANN001, ANN202
        raise AssertionError("the slow path ran")

    monkeypatch.setattr(yaml.constructor.BaseConstructor, "construct_document", refuse)
    text = ("scheme: demo\ncountry: NO\nyear: 2024\nstatus: final\nanswers:\n  WORK.1: yes\n"
            "  WORK.2: {answer: 8, source: 'Law 1, art. 2'}\n  NAT.1: n/a\n  NAT.2:\nscores: {overall: 41.75}\n")
    assert _load(_Loader, text)[0] == "ok"
    assert _load(_Reference, text)[0] == "error"
