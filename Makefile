# Two commands for a newcomer: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DB ?= data/aidtracker.duckdb
PORT ?= 8501
# `make run` installs what running needs; `make test` (and lint, eval, bench) add the extras.
RUN_STAMP := $(VENV)/.installed-run
DEV_STAMP := $(VENV)/.installed-dev

.PHONY: run ingest dashboard test lint eval train bench screenshot clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(RUN_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $(RUN_STAMP)

$(DEV_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test,lint,bench,train]'
	touch $(DEV_STAMP) $(RUN_STAMP)

ingest: $(RUN_STAMP)
	$(BIN)/aidtracker ingest seeds --db $(DB)

run: ingest
	$(BIN)/aidtracker dashboard --db $(DB) --port $(PORT)

dashboard: $(RUN_STAMP)
	$(BIN)/aidtracker dashboard --db $(DB) --port $(PORT)

test: $(DEV_STAMP)
	$(BIN)/python -m pytest

lint: $(DEV_STAMP)
	$(BIN)/ruff check etl dashboard data tests bench
	$(BIN)/mypy

# Extraction quality on the shared dev set (needs ../shared beside the project).
eval: $(DEV_STAMP)
	rm -f /tmp/aidtracker-eval.duckdb
	$(BIN)/aidtracker ingest ../shared/corpus seeds --db /tmp/aidtracker-eval.duckdb
	$(BIN)/python ../shared/eval/score.py --db /tmp/aidtracker-eval.duckdb --gold ../shared/eval/dev.jsonl
	@echo "Of which news_d (60 texts by independent annotators; their misses were read on 2026-12-04, so not a hold-out):"
	@$(BIN)/python -c "import json, sys; ids = {json.loads(l)['id'] for l in open('../shared/corpus/news_d.jsonl') if l.strip()}; sys.stdout.writelines(l for l in open('../shared/eval/dev.jsonl') if l.strip() and json.loads(l)['id'] in ids)" > /tmp/aidtracker-eval-news_d.jsonl
	@$(BIN)/python ../shared/eval/score.py --db /tmp/aidtracker-eval.duckdb --gold /tmp/aidtracker-eval-news_d.jsonl | tail -1
	$(BIN)/python -m aidtracker.etl.train cv --shared ../shared
	@echo "Probe sets (tests/probes, written for evaluation; tests/probes/README.md says which are sealed):"
	$(BIN)/python -m aidtracker.etl.train probes --probes tests/probes

# Refit the learned choices on the shared dev set: writes data/recipient_model.json (and keep_model.json where it beats the rules).
train: $(DEV_STAMP)
	$(BIN)/python -m aidtracker.etl.train fit --shared ../shared

# Retake docs/dashboard.png from the seed and the shared corpus.
screenshot: $(DEV_STAMP)
	$(BIN)/python tests/screenshot.py

bench: $(DEV_STAMP)
	$(BIN)/python -m bench.run

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
