"""pipeline.run end to end on real corpus text into a real DuckDB file: counts, idempotency, replacement."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import duckdb
import pytest

from aidtracker.etl import extract, idmap, pipeline, read
from aidtracker.etl.extract import Extraction
from aidtracker.etl.records import Article

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


def snapshot(db: Path, *, with_times: bool = False) -> dict[str, list[tuple]]:
    """Every row of every table, in a stable order; ingestion times left out unless asked for."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        out = {}
        for table, key in TABLES.items():
            cols = [r[0] for r in con.execute(f"DESCRIBE {table}").fetchall()]
            if not with_times:
                cols = [c for c in cols if c != "ingested_at"]
            out[table] = con.execute(f"SELECT {', '.join(cols)} FROM {table} ORDER BY {key}").fetchall()
        out["rejected"] = con.execute("SELECT source, reason FROM rejected ORDER BY ALL").fetchall()
        return out
    finally:
        con.close()


def expected_ids(paths: list[Path]) -> set[str]:
    files, _ = read.discover([str(p) for p in paths])
    return {a.article_id for f in files for a in read.read_file(f) if isinstance(a, Article)}


def check_invariants(db: Path) -> None:
    """Every record points at a stored article and quotes it exactly; every id is unique."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        for table, key in TABLES.items():  # schema.sql declares no key on the record tables
            assert con.execute(f"SELECT count(*) - count(DISTINCT {key}) FROM {table}").fetchone() == (0,)
        texts = dict(con.execute("SELECT article_id, text FROM articles").fetchall())
        for table in ("pledges", "risk_figures", "appeals"):
            for article_id, evidence, start, end in con.execute(
                f"SELECT article_id, evidence, span_start, span_end FROM {table}"
            ).fetchall():
                assert article_id in texts, f"{table} row of missing article {article_id}"
                assert texts[article_id][start:end] == evidence
    finally:
        con.close()


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, pipeline.Summary]:
    db = tmp_path_factory.mktemp("corpus") / "aid.duckdb"
    return db, pipeline.run([SEED, *CORPUS], db, workers=1)


def test_every_article_is_loaded_once(corpus_db: tuple[Path, pipeline.Summary]) -> None:
    db, summary = corpus_db
    ids = expected_ids([SEED, *CORPUS])
    stored = snapshot(db)
    assert {r[0] for r in stored["articles"]} == ids
    assert (summary.new, summary.updated, summary.unchanged, summary.rejected) == (len(ids), 0, 0, ())
    assert summary.pledges == len(stored["pledges"])
    assert summary.risk_figures == len(stored["risk_figures"])
    assert summary.appeals == len(stored["appeals"])
    check_invariants(db)


def test_article_dates_come_from_metadata_or_stay_unknown(corpus_db: tuple[Path, pipeline.Summary]) -> None:
    db, summary = corpus_db
    given = {}
    for path in CORPUS:
        for line in path.read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            given[rec["id"]] = rec["date"]
    con = duckdb.connect(str(db), read_only=True)
    rows = con.execute("SELECT article_id, published_on, date_basis FROM articles").fetchall()
    con.close()
    today = dt.date.today()
    for article_id, published_on, basis in rows:
        assert published_on != today, article_id
        if given.get(article_id):
            assert (published_on.isoformat(), basis) == (given[article_id], "metadata")
        elif basis == "unknown":
            assert published_on is None


def test_seed_gives_its_pledge_and_risk_figure(corpus_db: tuple[Path, pipeline.Summary]) -> None:
    # Needs the extractor (helper A): 5,000 tonnes of flour from KAZ to AFG, 23 million at famine risk.
    db, _ = corpus_db
    con = duckdb.connect(str(db), read_only=True)
    pledges = con.execute(
        "SELECT donor_iso3, recipient_iso3, amount, unit, aid_form, commodity, status, announced_on "
        "FROM pledges WHERE article_id = '000_cc348ac55cf4c536'"
    ).fetchall()
    risks = con.execute(
        "SELECT country_iso3, people, indicator FROM risk_figures WHERE article_id = '000_cc348ac55cf4c536'"
    ).fetchall()
    basis = con.execute(
        "SELECT published_on, date_basis FROM articles WHERE article_id = '000_cc348ac55cf4c536'"
    )
    article_date = basis.fetchone()
    con.close()
    assert article_date == (dt.date(2021, 10, 1), "text")
    assert pledges == [("KAZ", "AFG", 5000.0, "tonnes", "in_kind", "flour", "pledged", dt.date(2021, 10, 1))]
    assert risks == [("AFG", 23_000_000.0, "famine_risk")]


def test_reingest_skips_unchanged_articles(tmp_path: Path) -> None:
    db = tmp_path / "aid.duckdb"
    first = pipeline.run([SEED, *CORPUS], db, workers=1)
    before = snapshot(db, with_times=True)
    plain = snapshot(db)
    again = pipeline.run([SEED, *CORPUS], db, workers=1)
    assert (again.new, again.updated, again.unchanged) == (0, 0, first.new)
    assert (again.pledges, again.risk_figures, again.appeals) == (0, 0, 0)
    assert snapshot(db, with_times=True) == before  # not even the ingestion times moved

    forced = pipeline.run([SEED, *CORPUS], db, workers=1, force=True)
    assert (forced.new, forced.updated, forced.unchanged) == (0, first.new, 0)
    assert (forced.pledges, forced.risk_figures) == (first.pledges, first.risk_figures)
    assert snapshot(db) == plain  # same ids, same rows, no duplicates
    check_invariants(db)


def test_changed_article_replaces_its_records(tmp_path: Path) -> None:
    records = [json.loads(line) for line in CORPUS[0].read_text(encoding="utf-8").splitlines()]
    src = tmp_path / "in" / "news.jsonl"
    src.parent.mkdir()
    src.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    db = tmp_path / "aid.duckdb"
    pipeline.run([src], db, workers=1)
    before = snapshot(db)

    # The first article now carries the second one's text: its records must become the second's.
    stand_in = {k: records[1][k] for k in ("title", "date", "text")}
    changed = [{**records[0], **stand_in}, *records[1:]]
    src.write_text("".join(json.dumps(r) + "\n" for r in changed), encoding="utf-8")
    summary = pipeline.run([src], db, workers=1)
    assert (summary.new, summary.updated, summary.unchanged) == (0, 1, len(records) - 1)

    after = snapshot(db)
    first, second = records[0]["id"], records[1]["id"]
    for table in ("pledges", "risk_figures", "appeals"):
        assert [r for r in after[table] if r[1] != first] == [r for r in before[table] if r[1] != first]
        # same facts as the second article: compare everything but the id and article_id
        mine = sorted(r[2:] for r in after[table] if r[1] == first)
        assert mine == sorted(r[2:] for r in before[table] if r[1] == second)
    check_invariants(db)


def test_duplicate_ids_keep_the_first_and_reject_a_different_text(tmp_path: Path) -> None:
    first = {"id": "dup", "title": "First", "date": "2020-01-02", "text": "WFP needs food for Sudan."}
    same = dict(first)
    other = {**first, "title": "Second", "text": "Japan pledged $5 million to Sudan."}
    (tmp_path / "a.jsonl").write_text(json.dumps(first) + "\n" + json.dumps(same) + "\n", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(json.dumps(other) + "\n", encoding="utf-8")
    db = tmp_path / "aid.duckdb"
    summary = pipeline.run([tmp_path / "a.jsonl", tmp_path / "b.jsonl"], db, workers=1)
    assert summary.new == 1
    (item,) = summary.rejected
    assert item.source.endswith("b.jsonl:1")
    assert "duplicate article id 'dup'" in item.reason
    assert item.reason.endswith(f"(kept the first, from {tmp_path / 'a.jsonl'})")
    stored = snapshot(db)
    assert [r[1] for r in stored["articles"]] == ["First"]
    assert stored["rejected"] == [(item.source, item.reason)]


def test_a_duplicate_is_caught_long_after_its_first(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # the ids the run has seen move from a dict into sorted arrays every MERGE_EVERY
    monkeypatch.setattr(idmap, "MERGE_EVERY", 3)
    monkeypatch.setattr(pipeline, "LOOKUP_GROUP", 2)
    rows = [{"id": f"a{n}", "title": f"T{n}", "text": f"WFP needs food for Sudan ({n})."} for n in range(9)]
    (tmp_path / "a.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    again = [dict(rows[0]), {**rows[4], "text": "Japan pledged $5 million to Sudan."}]
    (tmp_path / "b.jsonl").write_text("".join(json.dumps(r) + "\n" for r in again), encoding="utf-8")
    summary = pipeline.run([tmp_path / "a.jsonl", tmp_path / "b.jsonl"], tmp_path / "aid.duckdb", workers=1)
    assert (summary.new, summary.unchanged) == (9, 0)
    assert [(r.source.rsplit("/", 1)[-1], r.reason.split(" with ")[0]) for r in summary.rejected] == [
        ("b.jsonl:2", "duplicate article id 'a4'")
    ]


def test_bad_inputs_are_rejected_and_nothing_loaded_is_lost(tmp_path: Path) -> None:
    db = tmp_path / "aid.duckdb"
    pipeline.run([SEED], db, workers=1)
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "binary.txt").write_bytes(bytes(range(256)))
    good_line = json.dumps({"id": "ok1", "title": "Fine", "text": "Germany sent 100 tonnes of rice to Chad."})
    (bad / "mixed.jsonl").write_text(good_line + "\n{not json\n", encoding="utf-8")
    summary = pipeline.run([bad, tmp_path / "missing.txt"], db, workers=1)
    reasons = {r.source: r.reason for r in summary.rejected}
    assert set(reasons) == {
        str(bad / "empty.txt"),
        str(bad / "binary.txt"),
        f"{bad / 'mixed.jsonl'}:2",
        str(tmp_path / "missing.txt"),
    }
    assert all(reasons.values())
    stored = snapshot(db)
    assert {r[0] for r in stored["articles"]} == {"000_cc348ac55cf4c536", "ok1"}
    assert sorted(stored["rejected"]) == sorted(reasons.items())


def test_an_extractor_crash_costs_one_article(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = pipeline.extract_article

    def flaky(text: str, **kw: object) -> Extraction:
        if "Netherlands" in text:
            raise ValueError("boom")
        return real(text, **kw)

    monkeypatch.setattr(pipeline, "extract_article", flaky)
    db = tmp_path / "aid.duckdb"
    summary = pipeline.run([CORPUS[0]], db, workers=1)
    crashed = [r for r in summary.rejected if "extraction failed" in r.reason]
    assert crashed and all("ValueError: boom" in r.reason for r in crashed)
    assert summary.new == len(expected_ids([CORPUS[0]])) - len(crashed)
    check_invariants(db)


def test_an_article_over_the_cap_is_stored_with_what_was_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(extract, "MAX_ARTICLE_CHARS", 400)
    text = " ".join(f"Japan pledged ${k} million to Sudan for food aid." for k in range(1, 40))
    (tmp_path / "long.txt").write_text(f"A long article\n{text}\n", encoding="utf-8")
    db = tmp_path / "aid.duckdb"
    summary = pipeline.run([tmp_path / "long.txt"], db, workers=1)
    end = text.rindex(".", 0, 400) + 1
    assert summary.new == 1
    assert summary.pledges == text[:end].count("Japan pledged") == 8
    assert [(r.source, r.reason) for r in summary.rejected] == [
        (
            str(tmp_path / "long.txt"),
            f"read in part: the text was read up to character {end} of {len(text):,}: extraction reads "
            "at most 400 characters of an article (MAX_ARTICLE_CHARS)",
        )
    ]
    check_invariants(db)


def test_small_batches_give_the_same_tables(tmp_path: Path, corpus_db: tuple[Path, pipeline.Summary]) -> None:
    db = tmp_path / "aid.duckdb"
    pipeline.run([SEED, *CORPUS], db, workers=1, batch_size=7)
    assert snapshot(db) == snapshot(corpus_db[0])


def test_progress_counts_files(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(25):
        (folder / f"note{i:02d}.txt").write_text(
            f"Note {i}\nNothing happened on day {i}.\n", encoding="utf-8"
        )
    calls: list[tuple[int, int]] = []
    summary = pipeline.run(
        [folder], tmp_path / "aid.duckdb", workers=1, progress=lambda d, t: calls.append((d, t))
    )
    assert summary.new == 25
    assert calls == [(i, 25) for i in range(1, 26)]
