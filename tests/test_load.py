"""load: schema, whole-article transactions, replace-not-duplicate, the writer lock and the atomic swap."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import re
from pathlib import Path

import duckdb
import pyarrow as pa
import pytest

from aidtracker.etl import load
from aidtracker.etl.normalize import ArticleRows, normalize
from aidtracker.etl.records import Article, Pledge, Rejected, RiskFigure
from aidtracker.etl.reviews import REVIEW_COLUMNS

NOW = dt.datetime(2026, 1, 2, 3, 4, 5)
TEXT = "Japan pledged $5 million to Sudan. About 2 million people are displaced in Sudan."


def _pledge(amount: float = 5e6, start: int = 0, status: str = "pledged") -> Pledge:
    return Pledge(
        "Japan", "JPN", "government", "Sudan", "SDN", None, amount, "USD", "$5 million", "cash", None,
        status, None, None, TEXT[start:34], start, 34, 0.9,
    )  # fmt: skip


def _risk() -> RiskFigure:
    return RiskFigure(
        "Sudan", "SDN", 2e6, "About 2 million", "displaced", "people", None, "about", None,
        TEXT[35:], 35, len(TEXT), 0.8,
    )  # fmt: skip


def rows(article_id: str, facts: list, text: str = TEXT) -> ArticleRows:
    day = dt.date(2020, 5, 1)
    art = Article(article_id, f"Title {article_id}", text, day, None, None, f"{article_id}.txt")
    return normalize(art, facts)


def counts(db: Path | duckdb.DuckDBPyConnection) -> dict[str, int]:
    con = db if isinstance(db, duckdb.DuckDBPyConnection) else duckdb.connect(str(db), read_only=True)
    try:
        return {
            t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]  # type: ignore[index]
            for t in ("articles", "pledges", "risk_figures", "appeals", "rejected")
        }
    finally:
        if con is not db:
            con.close()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def con(tmp_path: Path) -> duckdb.DuckDBPyConnection:
    c = duckdb.connect(str(tmp_path / "plain.duckdb"))
    load.create_schema(c)
    yield c
    c.close()


def test_schema_is_idempotent(con: duckdb.DuckDBPyConnection) -> None:
    load.create_schema(con)
    tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    schema = load.SCHEMA_PATH.read_text(encoding="utf-8")
    declared = set(re.findall(r"CREATE TABLE IF NOT EXISTS (\w+)", schema))
    assert tables == declared
    assert {"articles", "pledges", "risk_figures", "appeals", "rejected", "flows", "flow_reports"} <= tables


def test_write_stores_whole_articles(con: duckdb.DuckDBPyConnection) -> None:
    result = load.Writer(con, NOW).write(
        [rows("a", [_pledge(), _risk()]), rows("b", [])], [Rejected("bad.txt", "empty file")]
    )
    assert (result.new, result.updated, result.pledges, result.risk_figures) == (2, 0, 1, 1)
    assert counts(con) == {"articles": 2, "pledges": 1, "risk_figures": 1, "appeals": 0, "rejected": 1}
    assert con.execute("SELECT DISTINCT ingested_at FROM articles").fetchall() == [(NOW,)]
    stored = con.execute("SELECT source, reason, seen_at FROM rejected").fetchall()
    assert stored == [("bad.txt", "empty file", NOW)]


def test_rewrite_replaces_an_articles_records(con: duckdb.DuckDBPyConnection) -> None:
    writer = load.Writer(con, NOW)
    writer.write([rows("a", [_pledge(), _pledge(amount=7e6), _risk()])])
    result = writer.write([rows("a", [_pledge(amount=9e6)], text=TEXT + " Updated.")])
    assert (result.new, result.updated) == (0, 1)
    assert con.execute("SELECT amount FROM pledges").fetchall() == [(9e6,)]
    assert counts(con)["risk_figures"] == 0
    assert con.execute("SELECT text FROM articles").fetchone() == (TEXT + " Updated.",)


def test_same_records_twice_keep_their_ids(con: duckdb.DuckDBPyConnection) -> None:
    writer = load.Writer(con, NOW)
    writer.write([rows("a", [_pledge(), _risk()])])
    before = con.execute("SELECT pledge_id FROM pledges").fetchall()
    writer.write([rows("a", [_pledge(), _risk()])])
    assert con.execute("SELECT pledge_id FROM pledges").fetchall() == before


def test_known_hashes(con: duckdb.DuckDBPyConnection) -> None:
    writer = load.Writer(con, NOW)
    a = rows("a", [])
    writer.write([a])
    assert writer.known_hashes(["a", "zzz"]) == {"a": a.article["content_sha256"]}
    assert writer.known_hashes([]) == {}


def test_an_article_the_database_refuses_costs_only_itself(con: duckdb.DuckDBPyConnection) -> None:
    good = rows("good", [_pledge()])
    # Past normalize's checks by hand, as a bug might: the CHECK constraint refuses the status.
    bad = rows("bad", [_pledge()])
    bad = dataclasses.replace(bad, pledges=({**bad.pledges[0], "status": "rumoured"},))
    result = load.Writer(con, NOW).write([good, bad, rows("also-good", [_risk()])])
    assert con.execute("SELECT article_id FROM articles ORDER BY 1").fetchall() == [("also-good",), ("good",)]
    assert con.execute("SELECT article_id FROM pledges").fetchall() == [("good",)]
    (refused,) = [r for r in result.rejected if r.source == "bad.txt"]
    assert "could not be stored" in refused.reason and "CHECK" in refused.reason
    assert con.execute("SELECT source FROM rejected").fetchall() == [("bad.txt",)]
    assert result.new == 2


def test_dropped_facts_are_listed_as_rejected(con: duckdb.DuckDBPyConnection) -> None:
    result = load.Writer(con, NOW).write([rows("a", [_pledge(amount=float("inf")), _risk()])])
    assert counts(con)["pledges"] == 0 and counts(con)["risk_figures"] == 1
    (item,) = result.rejected
    assert item.source == "a.txt" and "dropped a pledge" in item.reason


def _tables(con: duckdb.DuckDBPyConnection) -> dict[str, list[tuple]]:
    return {
        t: con.execute(f"SELECT * EXCLUDE (ingested_at) FROM {t} ORDER BY ALL").fetchall()
        if t == "articles"
        else con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall()
        for t in ("articles", *load.RECORD_TABLES)
    }


def test_a_batch_stores_what_its_rows_store(tmp_path: Path) -> None:
    items = [rows("a", [_pledge(), _risk()]), rows("b", []), rows("c", [_pledge(status="delivered")])]
    dbs = [duckdb.connect(str(tmp_path / f"{kind}.duckdb")) for kind in ("rows", "batch")]
    for c in dbs:
        load.create_schema(c)
    load.Writer(dbs[0], NOW).write(items)
    load.Writer(dbs[1], NOW).write(load.Batch.concat([load.to_batch(items[:1]), load.to_batch(items[1:])]))
    assert _tables(dbs[0]) == _tables(dbs[1])
    assert counts(dbs[1])["pledges"] == 2


def test_a_batch_splits_into_its_articles() -> None:
    items = [rows("a", [_pledge(), _risk()]), rows("b", []), rows("c", [_pledge(), _pledge(start=5)])]
    batch = load.Batch.concat([load.to_batch(items[:2]), load.to_batch(items[2:])])
    assert batch.ids == ["a", "b", "c"] and len(batch) == 3
    for index, item in enumerate(items):
        alone = batch.article(index)
        assert alone.ids == [item.article["article_id"]]
        assert _extracted(alone.records["pledges"]) == list(item.pledges)
        assert _extracted(alone.records["risk_figures"]) == list(item.risk_figures)


def _extracted(table: pa.Table) -> list[dict]:
    """A batch's rows without the review columns, which etl.reviews fills after the load."""
    return table.drop_columns(list(REVIEW_COLUMNS)).to_pylist()


def test_an_article_arrow_cannot_hold_is_set_apart_by_name() -> None:
    bad = rows("bad", [_pledge()])
    bad = dataclasses.replace(bad, pledges=({**bad.pledges[0], "span_end": 2**40},))  # not an INTEGER
    batch, refused = load.to_batches([rows("good", [_pledge()]), bad, rows("also-good", [_risk()])])
    assert batch.ids == ["good", "also-good"]
    (item,) = refused
    assert item.source == "bad.txt" and item.reason.startswith("could not be stored: ")
    assert load.to_batches([])[0].ids == []


# --- the writer lock and the swap -------------------------------------------------------------


def _fill(db: Path, *ids: str) -> None:
    with load.open_for_ingest(db) as c:
        load.Writer(c, NOW).write([rows(i, [_pledge()]) for i in ids])


def test_swap_leaves_old_file_until_the_end(tmp_path: Path) -> None:
    db = tmp_path / "a.duckdb"
    _fill(db, "old")
    before = digest(db)
    with load.open_for_ingest(db) as c:
        load.Writer(c, NOW).write([rows("new", [_pledge()])])
        assert digest(db) == before  # readers still see the old file, untouched
        reader = duckdb.connect(str(db), read_only=True)  # and can open it while we write
        assert reader.execute("SELECT article_id FROM articles").fetchall() == [("old",)]
        reader.close()
    assert counts(db)["articles"] == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.duckdb", "a.duckdb.lock"]


def test_error_inside_leaves_database_unchanged(tmp_path: Path) -> None:
    db = tmp_path / "a.duckdb"
    _fill(db, "old")
    before = digest(db)
    with pytest.raises(RuntimeError), load.open_for_ingest(db) as c:
        load.Writer(c, NOW).write([rows("new", [_pledge()])])
        raise RuntimeError("crash mid-run")
    assert digest(db) == before
    assert not list(tmp_path.glob("a.duckdb.ingest-*"))


def test_stale_temporaries_of_a_dead_run_are_removed(tmp_path: Path) -> None:
    db = tmp_path / "a.duckdb"
    _fill(db, "old")
    for name in ("a.duckdb.ingest-99999.tmp", "a.duckdb.ingest-99999.tmp.wal"):
        (tmp_path / name).write_bytes(b"half-written")
    (tmp_path / "a.duckdb.ingest-99999.tmp.tmp").mkdir()  # DuckDB's spill folder
    _fill(db, "new")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.duckdb", "a.duckdb.lock"]


def test_second_writer_is_refused_after_waiting(tmp_path: Path) -> None:
    db = tmp_path / "a.duckdb"
    busy = pytest.raises(load.DatabaseBusy, match="another ingest")
    with load.writer_lock(db), busy, load.open_for_ingest(db, wait=0.3):
        pass
    assert not db.exists()
    _fill(db, "after")  # the lock is free again once its holder is done
    assert counts(db)["articles"] == 1


def test_foreign_wal_is_kept_and_then_removed(tmp_path: Path) -> None:
    db = tmp_path / "a.duckdb"
    c = duckdb.connect(str(db))
    load.create_schema(c)
    c.execute("CHECKPOINT")
    c.execute("PRAGMA disable_checkpoint_on_shutdown")
    c.execute("INSERT INTO rejected VALUES ('from-wal', 'written by another tool', now())")
    c.close()
    assert (tmp_path / "a.duckdb.wal").exists()
    _fill(db, "new")
    assert not (tmp_path / "a.duckdb.wal").exists()
    reader = duckdb.connect(str(db), read_only=True)
    assert reader.execute("SELECT source FROM rejected").fetchall() == [("from-wal",)]
    reader.close()


@pytest.mark.parametrize(
    ("make", "message"),
    [
        pytest.param(lambda p: p.mkdir() or p, "is a directory", id="db-is-a-directory"),
        pytest.param(lambda p: p / "missing" / "a.duckdb", "does not exist", id="missing-folder"),
        pytest.param(
            lambda p: (p.write_text("x"), p / "a.duckdb")[1], "is not a directory", id="parent-is-a-file"
        ),
        # /proc refuses new files even to root, for whom permission bits mean nothing.
        pytest.param(
            lambda p: Path("/proc/aidtracker-test.duckdb"), "cannot write in /proc", id="proc-unwritable"
        ),
    ],
)
def test_unusable_paths_give_one_line(tmp_path: Path, make, message: str) -> None:
    db = make(tmp_path / "target")
    with pytest.raises(load.StoreError, match=message) as info, load.open_for_ingest(db):
        pass
    assert "\n" not in str(info.value)


def test_not_a_duckdb_file_is_refused_and_left_alone(tmp_path: Path) -> None:
    db = tmp_path / "notes.duckdb"
    db.write_bytes(b"these are my notes, not a database\n" * 100)
    before = digest(db)
    refused = pytest.raises(
        load.StoreError, match=r"cannot open database .*notes\.duckdb.*not a valid DuckDB"
    )
    with refused, load.open_for_ingest(db):
        pass
    assert digest(db) == before
    assert "ingest-" not in str(list(tmp_path.iterdir()))


def test_rejecting_the_same_input_again_keeps_one_row(con: duckdb.DuckDBPyConnection) -> None:
    later = NOW + dt.timedelta(hours=1)
    load.Writer(con, NOW).write([], [Rejected("bad.txt", "empty file"), Rejected("other.txt", "binary")])
    load.Writer(con, later).write([], [Rejected("bad.txt", "empty file"), Rejected("bad.txt", "empty file")])
    rows = con.execute("SELECT source, reason, seen_at FROM rejected ORDER BY source").fetchall()
    assert rows == [("bad.txt", "empty file", later), ("other.txt", "binary", NOW)]


# --- the buffered writer of an ingest ----------------------------------------------------------


def _records(db: Path) -> dict[str, list[tuple]]:
    """Per table, (article_id, rows) in id order; for `rejected`, its (source, reason) rows."""
    reader = duckdb.connect(str(db), read_only=True)
    try:
        got = {
            t: reader.execute(f"SELECT article_id, count(*) FROM {t} GROUP BY 1 ORDER BY 1").fetchall()
            for t in ("articles", "pledges", "risk_figures")
        }
        got["rejected"] = reader.execute("SELECT source, reason FROM rejected ORDER BY 1, 2").fetchall()
        return got
    finally:
        reader.close()


@pytest.mark.parametrize("buffer_bytes", [1, load.BUFFER_BYTES], ids=["flush-each-batch", "one-flush"])
def test_ingest_buffers_and_still_replaces_and_counts(tmp_path: Path, buffer_bytes: int) -> None:
    db = tmp_path / "a.duckdb"
    with load.open_for_ingest(db) as c:
        writer = load.Writer(c, NOW, buffer_bytes=buffer_bytes)
        assert writer.buffered
        first = writer.write([rows("a", [_pledge(), _risk()]), rows("b", [_pledge()])], [Rejected("x", "y")])
        assert (first.new, first.updated, first.pledges, first.risk_figures) == (2, 0, 2, 1)
        # Seen by look-ups before it is stored (buffered) and after (flushed).
        assert writer.known_hashes(["a", "zzz"]) == {"a": rows("a", []).article["content_sha256"]}
        again = writer.write([rows("a", [_pledge(amount=9e6)], text=TEXT + " Updated."), rows("c", [])])
        assert (again.new, again.updated, again.pledges) == (1, 1, 1)
        writer.write([rows("b", [_pledge(), _risk()])])
    got = _records(db)
    assert got["articles"] == [("a", 1), ("b", 1), ("c", 1)]
    assert got["pledges"] == [("a", 1), ("b", 1)]
    assert got["risk_figures"] == [("b", 1)]
    assert got["rejected"] == [("x", "y")]
    reader = duckdb.connect(str(db), read_only=True)
    assert reader.execute("SELECT amount FROM pledges WHERE article_id = 'a'").fetchall() == [(9e6,)]
    reader.close()


def test_ingest_into_a_filled_database_replaces_stored_articles(tmp_path: Path) -> None:
    db = tmp_path / "a.duckdb"
    _fill(db, "a", "b")
    with load.open_for_ingest(db) as c:
        writer = load.Writer(c, NOW, buffer_bytes=1)
        result = writer.write([rows("a", [_risk()], text=TEXT + " Updated."), rows("new", [_pledge()])])
        assert (result.new, result.updated) == (1, 1)
        assert writer.known_hashes(["a"]) == {
            "a": rows("a", [], text=TEXT + " Updated.").article["content_sha256"]
        }
    got = _records(db)
    assert got["articles"] == [("a", 1), ("b", 1), ("new", 1)]
    assert got["pledges"] == [("b", 1), ("new", 1)]
    assert got["risk_figures"] == [("a", 1)]


@pytest.mark.parametrize(
    "spoil",
    [
        pytest.param(lambda p: {**p, "status": "rumoured"}, id="check-constraint"),
        pytest.param(lambda p: {**p, "donor": None}, id="not-null"),
        pytest.param(lambda p: {**p, "amount": "lots"}, id="arrow-conversion"),
    ],
)
def test_ingest_refuses_only_the_bad_article(tmp_path: Path, spoil) -> None:
    db = tmp_path / "a.duckdb"
    bad = rows("bad", [_pledge()])
    bad = dataclasses.replace(bad, pledges=(spoil(bad.pledges[0]),))
    with load.open_for_ingest(db) as c:
        writer = load.Writer(c, NOW)
        writer.write([rows("before", [_pledge()])])  # buffered when the bad batch comes
        result = writer.write([rows("good", [_pledge()]), bad, rows("also-good", [_risk()])])
    assert result.new == 2 and result.pledges == 1
    (refused,) = [r for r in result.rejected if r.source == "bad.txt"]
    assert "could not be stored" in refused.reason
    got = _records(db)
    assert got["articles"] == [("also-good", 1), ("before", 1), ("good", 1)]
    assert [source for source, _ in got["rejected"]] == ["bad.txt"]


def test_ingest_with_one_article_twice_in_a_batch_keeps_the_last(tmp_path: Path) -> None:
    db = tmp_path / "a.duckdb"
    with load.open_for_ingest(db) as c:
        result = load.Writer(c, NOW).write([rows("a", [_pledge()]), rows("a", [_risk()], text=TEXT + "!")])
    assert (result.new, result.updated) == (1, 1)
    got = _records(db)
    assert got["articles"] == [("a", 1)] and got["pledges"] == [] and got["risk_figures"] == [("a", 1)]


def test_error_after_buffered_writes_leaves_database_unchanged(tmp_path: Path) -> None:
    db = tmp_path / "a.duckdb"
    _fill(db, "old")
    before = digest(db)
    with pytest.raises(RuntimeError), load.open_for_ingest(db) as c:
        writer = load.Writer(c, NOW, buffer_bytes=1)
        for i in range(5):
            writer.write([rows(f"new{i}", [_pledge()])])
        raise RuntimeError("crash mid-run")
    assert digest(db) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.duckdb", "a.duckdb.lock"]


@pytest.mark.parametrize(
    ("articles", "megabytes", "careful"),
    [(4, 6, False), (2, 12, True)],
    ids=["buffered", "article-by-article"],
)
def test_long_articles_load_past_the_memory_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, articles: int, megabytes: int, careful: bool
) -> None:
    # DuckDB pins an insert's rows until it commits: 24 MB of text in one transaction, or one
    # article of 12 MB, fails under a 16 MB buffer pool unless the writer makes room for it.
    # (Scaled down from 256 MB, the checkpoint threshold with it.)
    monkeypatch.setattr(load, "INGEST_MEMORY_LIMIT", 16 * 1024 * 1024)
    monkeypatch.setattr(load, "INGEST_CHECKPOINT_THRESHOLD", "8MB")
    filler = "word " * (megabytes * 200_000)
    items = [rows(f"long{i}", [_pledge()], text=TEXT + " " + filler) for i in range(articles)]
    if careful:  # a refused article sends the batch the careful way, one article at a time
        bad = rows("bad", [_pledge()])
        items.append(dataclasses.replace(bad, pledges=({**bad.pledges[0], "status": "rumoured"},)))
    with load.open_for_ingest(tmp_path / "a.duckdb") as c:
        result = load.Writer(c, NOW).write(items)
    assert [r.source for r in result.rejected] == (["bad.txt"] if careful else [])
    assert result.pledges == articles and counts(tmp_path / "a.duckdb")["articles"] == articles
