"""The derived tables of the docs (scripts/docs_tables.py): docs/content.md's content table and the
README's ``indexer compare`` output are the engine's output on the bundled codings."""

from __future__ import annotations

import yaml
from conftest import REPO, script

tables = script("docs_tables")


def test_the_content_table_and_the_readme_compare_output_are_current():
    assert tables.main(["--check"]) == 0, "run scripts/docs_tables.py --write and say what moved"


def _row(text: str, rel: str) -> list[str]:
    line = next(x for x in text.split("\n") if x.startswith(f"| `{rel}`"))
    return [c.strip() for c in line.strip("|").split("|")]


def test_a_row_counts_the_answers_of_its_file():
    """Kazakhstan's row against the YAML read directly: answered = not blank; n/a counted apart;
    the confidences counted per level; KZ has no published profile, so its bounds are shown."""
    raw = yaml.safe_load((REPO / "country_profiles" / "KZ" / "mipex-core-2024.yaml").read_text(encoding="utf-8"))
    given = [v for v in raw["answers"].values() if isinstance(v, dict) and v.get("answer") not in (None, "")]
    na = sum(v["answer"] == "n/a" for v in given)
    high = sum(v.get("confidence") == "high" for v in given)
    doc = (REPO / "docs" / "content.md").read_text(encoding="utf-8")
    kz = next(x for x in doc.split("\n") if x.startswith("| `KZ/mipex-core-2024.yaml`"))
    stale = doc.replace(kz, kz.replace(_row(doc, "KZ/mipex-core-2024.yaml")[1], "1 of 138"))  # recomputed below
    text = tables.update_content(stale)
    name, answered, conf, overall, report = _row(text, "KZ/mipex-core-2024.yaml")
    assert answered == f"{len(given) - na} of 138" + (f" + {na} n/a" if na else "")
    assert conf == f"{high} / {len(given) - high}"
    assert "bounds" in overall and report == "docs/coding/KZ-2024.md"


def test_a_coding_without_a_row_is_appended_and_a_row_without_a_file_dropped():
    text = (REPO / "docs" / "content.md").read_text(encoding="utf-8")
    gr = next(x for x in text.split("\n") if x.startswith("| `GR/mipex-core-2024.yaml`"))
    gone = "| `XX/mipex-core-2024.yaml` | 1 of 138 | 0 / 1 | – (1%, below 75 %) | docs/coding/XX-2024.md |"
    edited = text.replace(gr + "\n", "").replace("| `KZ/mipex-core-2024.yaml`", gone + "\n| `KZ/mipex-core-2024.yaml`", 1)
    out = tables.update_content(edited).split("\n")
    rows = [x for x in out if x.startswith("| `")]
    assert gone not in out
    # Greece comes back, last, exactly as the current table has it (the test above keeps that table
    # current, so its row is the recomputed one: figures, published-figures format, report path)
    assert rows[-1] == gr
    assert rows[-1].endswith("| docs/coding/GR-2024.md |")
    assert len(rows) == len([x for x in text.split("\n") if x.startswith("| `")])
