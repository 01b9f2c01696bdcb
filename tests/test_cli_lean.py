"""``indexer score --format csv`` stays lean: no pandas (nor other heavy libraries) imported,
since their import alone costs about a second per run (see ``make bench``, figure e2e)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CODE = """
import sys
from indexer.cli import main
try:
    main(["score", "indicators/demo.yaml", "country_profiles/demo", "--format", "csv"], prog_name="indexer")
except SystemExit as e:
    assert e.code in (0, None), e.code
heavy = [m for m in ("pandas", "pyarrow", "matplotlib", "plotly", "streamlit", "typst", "scipy", "SALib")
         if m in sys.modules]
print("HEAVY:" + ",".join(heavy))
"""


def test_score_csv_imports_nothing_heavy() -> None:
    done = subprocess.run([sys.executable, "-c", CODE], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    heavy = done.stdout.rsplit("HEAVY:", 1)[1].strip()
    assert heavy == "", (
        f"`indexer score --format csv` imported {heavy}: import it inside the function that needs it "
        "(a module of indexer/commands/ or indexer/score.py), not at the top of a module")
    assert done.stdout.startswith("scheme,country,year,code,level,depth,score,coverage,band,lower,upper,coding\n")
