# Two commands on a fresh machine: `make run` (the app on the bundled data), `make test` (the suite).
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint bench setup clean

$(BIN)/python:
	$(PY) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip uv
	$(BIN)/uv pip install --compile-bytecode --python $(BIN)/python -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP)

run: $(STAMP)
	$(BIN)/streamlit run streamlit_app.py --server.headless=true --browser.gatherUsageStats=false

test: $(STAMP)
	$(BIN)/ruff check indexer tests streamlit_app.py app_pages benchmarks scripts
	$(BIN)/python -m pytest -n 2 tests

lint: $(STAMP)
	$(BIN)/ruff check indexer tests streamlit_app.py app_pages benchmarks scripts

bench: $(STAMP)
	$(BIN)/python -m benchmarks

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis
