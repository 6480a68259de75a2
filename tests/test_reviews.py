"""Analysts' reviews: checked, kept in their own file, applied to a real database, exported and imported."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import duckdb
import pytest

from aidtracker.etl import load, reviews
from aidtracker.etl.reviews import Review, ReviewError, ReviewStore

ARTICLE_ID = "art-1"
TEXT = (
    "Norway pledged $4 million to Chad on Monday. "
    "In Chad, 1.2 million people need humanitarian assistance. "
    "Japan sent 300 tonnes of rice to Chad."
)


def _db(tmp_path: Path, text: str = TEXT) -> Path:
    """A real database with one invented article and the records the ETL would write."""
    from aidtracker.etl.extract import extract
    from aidtracker.etl.normalize import normalize
    from aidtracker.etl.records import Article

    db = tmp_path / "aid.duckdb"
    article = Article(ARTICLE_ID, "Aid for Chad", text, dt.date(2024, 5, 6), "test", None, "test.txt")
    con = duckdb.connect(str(db))
    load.create_schema(con)
    load.Writer(con, dt.datetime(2024, 5, 7)).write([normalize(article, extract(text, title="Aid for Chad"))])
    con.close()
    return db


def _records(db: Path, table: str) -> list[dict]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        cur = con.execute(f"SELECT * FROM {table} ORDER BY span_start")
        cols = [d[0] for d in cur.description]
        return [dict(zip(cols, row, strict=True)) for row in cur.fetchall()]
    finally:
        con.close()


def _sha(db: Path) -> str:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(
            "SELECT content_sha256 FROM articles WHERE article_id = ?", [ARTICLE_ID]
        ).fetchone()[0]
    finally:
        con.close()


def _apply(db: Path, store: ReviewStore) -> reviews.Applied:
    con = duckdb.connect(str(db))
    try:
        return reviews.apply(con, store.in_force(), applied_upto=store.last_id())
    finally:
        con.close()


def _review(db: Path, record: dict, action: str, **kw) -> Review:
    kind = kw.pop("kind", "pledge")
    id_col = reviews.TABLES[kind][1]
    return Review(
        kind=kind,
        record_id=record[id_col],
        article_id=ARTICLE_ID,
        content_sha256=_sha(db),
        action=action,
        reviewer=kw.pop("reviewer", "Amina"),
        **kw,
    )


def test_confirm_correct_reject_and_add_apply_to_the_records(tmp_path: Path) -> None:
    db = _db(tmp_path)
    norway, japan = _records(db, "pledges")
    (risk,) = _records(db, "risk_figures")
    with ReviewStore.beside(db) as store:
        store.save(_review(db, norway, "confirm"))
        store.save(
            _review(
                db,
                japan,
                "correct",
                before={"amount": 300.0},
                after={"amount": "350", "recipient_iso3": "NER"},
            )
        )
        store.save(_review(db, risk, "reject", kind="risk_figure", reason="not a risk figure"))
        span = (TEXT.index("Japan"), len(TEXT))
        after = {
            "donor": "Japan",
            "donor_iso3": "JPN",
            "recipient_iso3": "TCD",
            "amount": "2000000",
            "unit": "USD",
        }
        store.save(
            Review(
                kind="pledge",
                record_id=reviews.added_record_id(ARTICLE_ID, "pledge", span, after),
                article_id=ARTICLE_ID,
                content_sha256=_sha(db),
                action="add",
                reviewer="Amina",
                after=after,
                span=span,
            )
        )
        applied = _apply(db, store)
    assert (applied.confirmed, applied.corrected, applied.rejected, applied.added) == (1, 1, 1, 1)
    assert applied.needs_a_look == ()
    by_donor = {(p["donor"], p["review_status"]): p for p in _records(db, "pledges")}
    assert set(by_donor) == {("Norway", "confirmed"), ("Japan", "corrected"), ("Japan", "added")}
    corrected = by_donor["Japan", "corrected"]
    assert (corrected["amount"], corrected["recipient_iso3"], corrected["recipient"]) == (
        350.0,
        "NER",
        "Niger",
    )
    added = by_donor["Japan", "added"]
    assert (added["amount_usd"], added["aid_form"], added["evidence"]) == (2e6, "cash", TEXT[span[0] :])
    assert _records(db, "risk_figures")[0]["review_status"] == "rejected"


def test_applying_twice_changes_nothing(tmp_path: Path) -> None:
    db = _db(tmp_path)
    norway, _ = _records(db, "pledges")
    with ReviewStore.beside(db) as store:
        store.save(_review(db, norway, "correct", after={"amount": "5000000"}))
        _apply(db, store)
        once = _records(db, "pledges")
        _apply(db, store)
    assert _records(db, "pledges") == once


def test_the_last_review_of_a_record_is_in_force_and_the_others_are_its_history(tmp_path: Path) -> None:
    db = _db(tmp_path)
    norway, _ = _records(db, "pledges")
    with ReviewStore.beside(db) as store:
        store.save(_review(db, norway, "reject", reason="wrong amount"))
        store.save(_review(db, norway, "confirm", reviewer="Ben"))
        assert [r.action for r in store.in_force()] == ["confirm"]
        assert [r.reviewer for r in store.history("pledge", norway["pledge_id"])] == ["Amina", "Ben"]


def test_a_review_of_a_changed_article_needs_a_look(tmp_path: Path) -> None:
    db = _db(tmp_path)
    norway, _ = _records(db, "pledges")
    with ReviewStore.beside(db) as store:
        store.save(_review(db, norway, "correct", after={"amount": "1"}))
        con = duckdb.connect(str(db))
        con.execute("UPDATE articles SET content_sha256 = 'another'")
        con.close()
        applied = _apply(db, store)
    assert applied.corrected == 0
    ((review, why),) = applied.needs_a_look
    assert review.record_id == norway["pledge_id"] and "changed" in why
    assert _records(db, "pledges")[0]["amount"] == 4e6
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT state FROM review_log").fetchall() == [(f"needs a look: {why}",)]
    con.close()


@pytest.mark.parametrize(
    ("after", "reason"),
    [
        pytest.param({"amount": "ten"}, "not a number", id="amount-not-a-number"),
        pytest.param({"amount": "-5"}, "not a positive amount", id="negative-amount"),
        pytest.param({"recipient_iso3": "XXX"}, "not a country code", id="unknown-country"),
        pytest.param({"status": "maybe"}, "is not one of pledged, delivered", id="unknown-status"),
        pytest.param({"donor": '=HYPERLINK("http://x")'}, "formula", id="formula-cell"),
        pytest.param({"announced_on": "04/12/2026"}, "not a date", id="date-not-iso"),
        pytest.param({"people": "5"}, "not a field of a pledge", id="field-of-another-kind"),
        pytest.param({"unit": "US dollars!"}, "neither a currency code", id="unit-with-punctuation"),
    ],
)
def test_a_bad_value_is_refused_with_its_reason(tmp_path: Path, after: dict, reason: str) -> None:
    db = _db(tmp_path)
    norway, _ = _records(db, "pledges")
    with ReviewStore.beside(db) as store:
        with pytest.raises(ReviewError, match=reason):
            store.save(_review(db, norway, "correct", after=after))
        assert store.in_force() == []


def test_a_rejection_gives_a_reason_from_the_list(tmp_path: Path) -> None:
    db = _db(tmp_path)
    norway, _ = _records(db, "pledges")
    with ReviewStore.beside(db) as store, pytest.raises(ReviewError, match="reason"):
        store.save(_review(db, norway, "reject", reason="I do not like it"))


def _known(db: Path) -> tuple[dict, dict]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        known = {}
        for kind, (table, id_col) in reviews.TABLES.items():
            for rid, aid in con.execute(f"SELECT {id_col}, article_id FROM {table}").fetchall():
                known[kind, rid] = aid
        articles = dict(con.execute("SELECT article_id, content_sha256 FROM articles").fetchall())
        return known, articles
    finally:
        con.close()


def test_export_then_import_into_another_analysts_store_loads_every_review(tmp_path: Path) -> None:
    db = _db(tmp_path)
    norway, japan = _records(db, "pledges")
    with ReviewStore.beside(db) as store:
        store.save(_review(db, norway, "confirm"))
        store.save(_review(db, japan, "correct", after={"amount": "350", "announced_on": "2024-05-01"}))
        out = io.StringIO()
        assert store.export_csv(out) == 2
    other = ReviewStore(tmp_path / "other.reviews.sqlite3")
    known, articles = _known(db)
    result = reviews.import_csv(out.getvalue().encode(), other, known, articles)
    assert (result.loaded, result.already_there, result.refused) == (2, 0, ())
    assert [(r.action, dict(r.after)) for r in other.in_force()] == [
        ("confirm", {}),
        ("correct", {"amount": 350.0, "announced_on": dt.date(2024, 5, 1)}),
    ]
    again = reviews.import_csv(out.getvalue().encode(), other, known, articles)
    assert (again.loaded, again.already_there) == (0, 2)
    other.close()


def test_a_hostile_import_refuses_row_by_row_and_loses_nothing(tmp_path: Path) -> None:
    db = _db(tmp_path)
    norway, japan = _records(db, "pledges")
    sha = _sha(db)
    header = ",".join(reviews.CSV_COLUMNS)

    def row(**cells: str) -> str:
        return ",".join(cells.get(c, "") for c in reviews.CSV_COLUMNS)

    base = {"kind": "pledge", "article_id": ARTICLE_ID, "content_sha256": sha, "reviewer": "Chen"}
    lines = [
        header,
        row(**base, record_id=norway["pledge_id"], action="confirm"),
        row(**base, record_id="no-such-record", action="confirm"),
        row(**base, record_id=japan["pledge_id"], action="correct", amount="lots"),
        row(**base, record_id=japan["pledge_id"], action="correct", donor="=cmd|' /C calc'!A0"),
        row(**{**base, "article_id": "elsewhere"}, record_id=japan["pledge_id"], action="confirm"),
        row(**base, record_id=japan["pledge_id"], action="explode"),
    ]
    with ReviewStore.beside(db) as store:
        store.save(_review(db, japan, "confirm", reviewer="Amina"))
        known, articles = _known(db)
        result = reviews.import_csv("\n".join(lines).encode(), store, known, articles)
        assert result.loaded == 1
        assert [line for line, _ in result.refused] == [3, 4, 5, 6, 7]
        reasons = " | ".join(why for _, why in result.refused)
        for expected in ("not in this database", "not a number", "formula", "article 'elsewhere'", "action"):
            assert expected in reasons
        assert {r.reviewer for r in store.in_force()} == {"Amina", "Chen"}
        junk = reviews.import_csv(b"x" * (reviews.MAX_IMPORT_BYTES + 1), store, known, articles)
        assert junk.loaded == 0 and "at most" in junk.refused[0][1]
        binary = reviews.import_csv(bytes(range(256)) * 100, store, known, articles)
        assert binary.loaded == 0 and binary.refused
        assert len(store.in_force()) == 2
