"""Parallel ingest: N local workers, and a Dask cluster, give exactly the tables of one worker."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import duckdb
import pytest

from aidtracker.etl import engines, pipeline

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
CORPUS = sorted((SHARED / "corpus").glob("*.jsonl"))
SEED = SHARED / "seeds" / "000_cc348ac55cf4c536.txt"
TABLES = {
    "articles": "article_id",
    "pledges": "pledge_id",
    "risk_figures": "figure_id",
    "appeals": "appeal_id",
}


def snapshot(db: Path) -> dict[str, list[tuple]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        out = {}
        for table, key in TABLES.items():
            cols = [r[0] for r in con.execute(f"DESCRIBE {table}").fetchall() if r[0] != "ingested_at"]
            out[table] = con.execute(f"SELECT {', '.join(cols)} FROM {table} ORDER BY {key}").fetchall()
        out["rejected"] = con.execute("SELECT source, reason FROM rejected ORDER BY ALL").fetchall()
        return out
    finally:
        con.close()


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Real corpus text in many files under new ids (made here, never stored in the project)."""
    root = tmp_path_factory.mktemp("parallel")
    records = [json.loads(line) for path in CORPUS for line in path.read_text(encoding="utf-8").splitlines()]
    folder = root / "news"
    folder.mkdir()
    for copy in range(4):
        for part in range(0, len(records), 10):  # ten articles a file: ~40 files, several read tasks
            lines = [json.dumps({**r, "id": f"c{copy}-{r['id']}"}) for r in records[part : part + 10]]
            (folder / f"copy{copy}_part{part:03d}.jsonl").write_text(
                "\n".join(lines) + "\n", encoding="utf-8"
            )
    # Order matters for duplicates: the first wins, whichever worker reads it.
    clash = {**records[0], "id": "c3-" + records[0]["id"], "text": records[1]["text"]}
    (folder / "zz_clash.jsonl").write_text(json.dumps(clash) + "\n", encoding="utf-8")
    (folder / "zz_broken.jsonl").write_text("{oops\n", encoding="utf-8")
    return [SEED, folder]


@pytest.fixture(scope="module")
def one_worker(inputs: list[Path], tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[tuple]]:
    db = tmp_path_factory.mktemp("one") / "aid.duckdb"
    summary = pipeline.run(inputs, db, workers=1)
    assert summary.new > 4 * 90 and len(summary.rejected) == 2
    return snapshot(db)


@pytest.mark.parametrize("workers", [2, 3])
def test_workers_give_the_same_tables(
    workers: int, inputs: list[Path], one_worker: dict, tmp_path: Path
) -> None:
    db = tmp_path / "aid.duckdb"
    pipeline.run(inputs, db, workers=workers)
    assert snapshot(db) == one_worker


def test_dask_cluster_gives_the_same_tables(inputs: list[Path], one_worker: dict, tmp_path: Path) -> None:
    distributed = pytest.importorskip("dask.distributed")  # the optional extra aidtracker[dask]
    with distributed.LocalCluster(
        n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None
    ) as cluster:
        db = tmp_path / "aid.duckdb"
        summary = pipeline.run(inputs, db, engine="dask", scheduler=cluster.scheduler_address)
    assert summary.new == len(one_worker["articles"])
    assert snapshot(db) == one_worker


def test_dask_missing_gives_a_clear_message(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "dask.distributed", None)  # as if the extra were not installed
    with pytest.raises(engines.EngineError, match=r"pip install 'aidtracker\[dask\]'"):
        engines.make_engine("dask", 2)


def test_unreachable_scheduler_gives_a_clear_message(tmp_path: Path) -> None:
    pytest.importorskip("dask.distributed")
    with pytest.raises(engines.EngineError, match="cannot reach the dask scheduler"):
        pipeline.run([SEED], tmp_path / "aid.duckdb", engine="dask", scheduler="tcp://127.0.0.1:9")
    assert not (tmp_path / "aid.duckdb").exists()


def test_process_pool_keeps_order() -> None:
    pool = engines.ProcessEngine(2)
    try:
        chunks = [list(range(n)) for n in range(50, 0, -1)]  # long tasks first: they finish last
        assert list(engines.ordered_map(pool, sum, chunks, window=5)) == [sum(c) for c in chunks]
    finally:
        pool.close()


def test_default_workers_fit_the_input() -> None:
    assert pipeline.choose_workers(None, 1_000) == 1  # a pool would cost more than it saves
    big = pipeline.choose_workers(None, 10**9)
    assert big == engines.available_cpus()
    assert pipeline.choose_workers(4, 1_000) == 4  # asked for: given


def test_malformed_scheduler_address_gives_a_clear_message() -> None:
    pytest.importorskip("dask.distributed")
    with pytest.raises(engines.EngineError, match="not a scheduler address"):
        engines.make_engine("dask", 1, "localhost")
