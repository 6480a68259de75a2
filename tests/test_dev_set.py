"""Extraction quality on the shared dev set: cross-validated F1, and score.py on a real DuckDB file.

The constants below are the 5-fold cross-validated F1 (`python -m aidtracker.etl.train cv`:
each article extracted with the learned choices fit on the other folds' articles) measured on
the 156 texts of the dev set on 2026-12-05; a test fails when one drops more than TOLERANCE
under them. score.py, run on a database of the whole dev set, must count what etl.train
counts, so the cross-validated figures are score.py's figures.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from aidtracker.etl import pipeline, train
from aidtracker.etl.extract import extract

REACHED_CV_F1 = {"pledges": 0.889, "risk_figures": 0.964, "appeals": 0.923}
TOLERANCE = 0.03

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
GOLD = SHARED / "eval" / "dev.jsonl"
SCORER = SHARED / "eval" / "score.py"
SEED = ROOT / "seeds" / "000_cc348ac55cf4c536.txt"


@pytest.fixture(scope="module")
def scores(tmp_path_factory: pytest.TempPathFactory) -> dict:
    db = tmp_path_factory.mktemp("dev") / "dev.duckdb"
    pipeline.run([*sorted((SHARED / "corpus").glob("*.jsonl")), SEED], db, workers=1)
    run = subprocess.run(
        [sys.executable, str(SCORER), "--db", str(db), "--gold", str(GOLD), "--json"],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    return json.loads(run.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def dev() -> list[train.DevArticle]:
    return train.read_dev(SHARED)


@pytest.mark.parametrize("kind", list(REACHED_CV_F1))
def test_cross_validated_f1_holds(dev: list[train.DevArticle], kind: str) -> None:
    got = train.cross_validated_scores(dev)[kind]
    assert got.f1 >= REACHED_CV_F1[kind] - TOLERANCE, str(got)


def test_train_counts_what_the_scorer_counts(dev: list[train.DevArticle], scores: dict) -> None:
    """The same extraction (the shipped model) scored in etl.train and by score.py on a database."""
    shipped = {kind: train.Score(0, 0, 0) for kind in REACHED_CV_F1}
    for d in dev:
        facts = extract(d.art.text, title=d.art.title)
        for kind, got in train.score_article(facts, d.gold).items():
            shipped[kind] += got
    for kind, got in shipped.items():
        assert (got.tp, got.predicted, got.gold) == (
            scores[kind]["tp"],
            scores[kind]["predicted"],
            scores[kind]["gold"],
        ), kind


def test_scored_on_every_gold_record(scores: dict) -> None:
    gold = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert scores["pledges"]["gold"] == sum(len(g["pledges"]) for g in gold)
    assert scores["risk_figures"]["gold"] == sum(len(g["risk_figures"]) for g in gold)
