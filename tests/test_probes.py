"""Extraction quality on the probe sets (tests/probes): articles no rule was written from.

REACHED holds the F1 `python -m aidtracker.etl.train probes` printed on 2026-12-05 for each set
and kind; a test fails when one drops more than TOLERANCE under it. The sets are small (tens
of records a kind), so one record moves a figure by 0.01 to 0.03.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from aidtracker.etl import learn, train

PROBES = Path(__file__).resolve().parent / "probes"
REACHED = {
    "pa": {"pledges": 0.949, "risk_figures": 0.985, "appeals": 1.0},
    "pb": {"pledges": 0.946, "risk_figures": 0.967, "appeals": 1.0},
    "pc": {"pledges": 0.831, "risk_figures": 0.965, "appeals": 0.963},
    "pd": {"pledges": 0.929, "risk_figures": 0.932, "appeals": 0.929},
    "pe": {"pledges": 0.962, "risk_figures": 1.0, "appeals": 0.971},
    "pf": {"pledges": 0.943, "risk_figures": 1.0, "appeals": 0.933},
    "pg": {"pledges": 0.834, "risk_figures": 0.988, "appeals": 1.0},
    "ph": {"pledges": 0.852, "risk_figures": 0.939, "appeals": 0.929},
    "pi": {"pledges": 0.802, "risk_figures": 0.873, "appeals": 0.927},
    "pj": {"pledges": 0.877, "risk_figures": 0.955, "appeals": 0.941},
    "pk": {"pledges": 0.963, "risk_figures": 0.93, "appeals": 1.0},
    "pl": {"pledges": 0.937, "risk_figures": 0.988, "appeals": 0.933},
    "pm": {"pledges": 0.903, "risk_figures": 0.944, "appeals": 0.9},
    "pn": {"pledges": 0.942, "risk_figures": 0.907, "appeals": 0.979},
    "po": {"pledges": 0.889, "risk_figures": 0.975, "appeals": 0.938},
    "pp": {"pledges": 0.889, "risk_figures": 0.953, "appeals": 0.96},
    "pq": {"pledges": 0.85, "risk_figures": 0.892, "appeals": 0.909},
    "pr": {"pledges": 0.867, "risk_figures": 0.952, "appeals": 0.9},
    "ps": {"pledges": 0.881, "risk_figures": 0.968, "appeals": 0.947},
    "pt": {"pledges": 0.892, "risk_figures": 0.947, "appeals": 0.957},
    "pu": {"pledges": 0.891, "risk_figures": 0.866, "appeals": 0.971},
    "pv": {"pledges": 0.667, "risk_figures": 0.896, "appeals": 0.96},
    "pw": {"pledges": 0.872, "risk_figures": 0.824, "appeals": 0.8},
    "px": {"pledges": 0.765, "risk_figures": 0.925, "appeals": 0.878},
    "py": {"pledges": 0.871, "risk_figures": 0.917, "appeals": 1.0},
    "pz": {"pledges": 0.81, "risk_figures": 0.9, "appeals": 1.0},
}
TOLERANCE = 0.03


@pytest.fixture(scope="module", params=sorted(REACHED))
def probe_set(request: pytest.FixtureRequest) -> tuple[str, dict[str, train.Score]]:
    articles = train.read_probe_set(PROBES / f"{request.param}.jsonl")
    return request.param, train.score_articles(
        articles, learn.shipped_recipient_weights(), learn.shipped_keep_weights()
    )


@pytest.mark.parametrize("kind", ["pledges", "risk_figures", "appeals"])
def test_probe_f1_holds(probe_set: tuple[str, dict[str, train.Score]], kind: str) -> None:
    name, scores = probe_set
    assert scores[kind].f1 >= REACHED[name][kind] - TOLERANCE, f"{name} {kind}: {scores[kind]}"


def test_every_probe_set_is_guarded_and_labelled() -> None:
    sets = {p.stem for p in PROBES.glob("*.jsonl") if not p.stem.endswith("_gold")}
    assert sets == set(REACHED)
    for name in sets:
        articles = train.read_probe_set(PROBES / f"{name}.jsonl")
        gold_lines = (PROBES / f"{name}_gold.jsonl").read_text(encoding="utf-8").split("\n")
        assert len(articles) == sum(1 for line in gold_lines if line.strip())


def test_train_probes_prints_each_set(capsys: pytest.CaptureFixture[str]) -> None:
    assert train.main(["probes", "--probes", str(PROBES)]) == 0
    out = capsys.readouterr().out
    for name in REACHED:
        gold = (PROBES / f"{name}_gold.jsonl").read_text(encoding="utf-8").split("\n")
        assert f"{name}: {sum(1 for line in gold if line.strip())} articles" in out
    assert out.count("pledges: P=") == len(REACHED)


def test_train_probes_names_a_folder_without_sets(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert train.main(["probes", "--probes", str(tmp_path)]) == 2
    assert str(tmp_path) in capsys.readouterr().err


def test_train_probes_names_a_set_without_labels(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = '{"id": "x1", "text": "Japan pledged $5 million."}\n'
    (tmp_path / "px.jsonl").write_text(article, encoding="utf-8")
    assert train.main(["probes", "--probes", str(tmp_path)]) == 2
    assert "px_gold.jsonl" in capsys.readouterr().err
