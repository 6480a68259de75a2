# Two commands for a newcomer: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DB ?= data/aidtracker.duckdb
STAMP := $(VENV)/.installed

.PHONY: run ingest dashboard test lint eval bench screenshot clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	touch $(STAMP)

ingest: $(STAMP)
	$(BIN)/aidtracker ingest seeds --db $(DB)

run: ingest
	$(BIN)/aidtracker dashboard --db $(DB)

dashboard: $(STAMP)
	$(BIN)/aidtracker dashboard --db $(DB)

test: $(STAMP)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check etl dashboard tests bench
	$(BIN)/mypy

# Extraction quality on the shared dev set (needs ../shared beside the project).
eval: $(STAMP)
	rm -f /tmp/aidtracker-eval.duckdb
	$(BIN)/aidtracker ingest ../shared/corpus seeds --db /tmp/aidtracker-eval.duckdb
	$(BIN)/python ../shared/eval/score.py --db /tmp/aidtracker-eval.duckdb --gold ../shared/eval/dev.jsonl

# Retake docs/dashboard.png from the seed and the shared corpus.
screenshot: $(STAMP)
	$(BIN)/python tests/screenshot.py

bench: $(STAMP)
	$(BIN)/python -m bench.run

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
