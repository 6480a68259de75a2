"""Reviews through the real pipeline: kept through every later ingest, joined flows, a concurrent
ingest, and `aidtracker reviews export/import`."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from aidtracker.etl import cli, load, pipeline, reviews
from aidtracker.etl.reviews import Review, ReviewStore

# Invented articles (not corpus text): file name -> (title, body).
ARTICLES = {
    "chad-a.txt": (
        "Aid for Chad",
        "Norway pledged $4 million to Chad on 3 May 2024. Japan sent 300 tonnes of rice to Chad.",
    ),
    "chad-b.txt": ("Chad relief", "On 5 May 2024 Norway announced $4.5 million for Chad, officials said."),
    "niger.txt": ("Niger floods", "Sweden pledged $2 million to Niger on 9 May 2024 after the floods."),
}


def _write(folder: Path, names: list[str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        title, body = ARTICLES[name]
        (folder / name).write_text(f"{title}\n{body}\n", encoding="utf-8")
    return folder


def _rows(db: Path, sql: str, params: list | None = None) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


def _pledge(db: Path, donor: str, article: str) -> tuple[str, str]:
    """(pledge_id, content hash of its article) of the first pledge of `donor` in `article`."""
    return _rows(
        db,
        "SELECT p.pledge_id, a.content_sha256 FROM pledges p JOIN articles a USING (article_id)"
        " WHERE p.donor = ? AND p.article_id = ? ORDER BY p.span_start LIMIT 1",
        [donor, article],
    )[0]


def _review(db: Path, donor: str, article: str, action: str, **kw) -> Review:
    pid, sha = _pledge(db, donor, article)
    return Review("pledge", pid, article, sha, action, kw.pop("reviewer", "Amina"), **kw)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    db = tmp_path / "aid.duckdb"
    pipeline.run([_write(tmp_path / "in", ["chad-a.txt", "chad-b.txt"])], db, workers=1)
    return db


def _statuses(db: Path) -> list[tuple]:
    return _rows(db, "SELECT article_id, donor, review_status, recipient_iso3 FROM pledges ORDER BY ALL")


def test_reviews_survive_a_forced_reingest_and_new_articles(db: Path, tmp_path: Path) -> None:
    with ReviewStore.beside(db) as store:
        store.save(_review(db, "Norway", "chad-a", "confirm"))
        store.save(_review(db, "Japan", "chad-a", "correct", after={"recipient_iso3": "NER"}))
        store.save(_review(db, "Norway", "chad-b", "reject", reason="not a pledge"))
    first = pipeline.refresh(db)
    assert first.reviewed is not None
    assert (first.reviewed.confirmed, first.reviewed.corrected, first.reviewed.rejected) == (1, 1, 1)
    reviewed = _statuses(db)
    assert reviewed == [
        ("chad-a", "Japan", "corrected", "NER"),
        ("chad-a", "Norway", "confirmed", "TCD"),
        ("chad-b", "Norway", "rejected", "TCD"),
    ]
    forced = pipeline.run([tmp_path / "in"], db, workers=1, force=True)
    assert forced.updated == 2 and forced.reviewed is not None and forced.reviewed.needs_a_look == ()
    assert _statuses(db) == reviewed
    more = pipeline.run([_write(tmp_path / "in", ["niger.txt"])], db, workers=1)
    assert more.new == 1
    assert _statuses(db) == [*reviewed, ("niger", "Sweden", None, "NER")]
    # the rejected report counts in no flow: 3 flows of the 3 pledges that stand
    assert more.consolidated.flows == 3


def test_a_review_of_an_article_whose_text_changed_needs_a_look(db: Path, tmp_path: Path) -> None:
    with ReviewStore.beside(db) as store:
        store.save(_review(db, "Norway", "chad-b", "correct", after={"amount": "9000000"}))
    (tmp_path / "in" / "chad-b.txt").write_text(
        "Chad relief\nOn 5 May 2024 Norway announced $4.5 million for Chad, officials said on Monday.\n",
        encoding="utf-8",
    )
    summary = pipeline.run([tmp_path / "in"], db, workers=1)
    assert summary.updated == 1 and summary.reviewed is not None
    ((review, why),) = summary.reviewed.needs_a_look
    assert review.article_id == "chad-b" and "changed" in why
    assert _rows(db, "SELECT amount FROM pledges WHERE article_id = 'chad-b'") == [(4.5e6,)]
    assert _rows(db, "SELECT state FROM review_log") == [(f"needs a look: {why}",)]


def test_a_duplicate_joins_the_flow_the_rules_kept_apart(db: Path) -> None:
    # $4 million and $4.5 million are too far apart for the rules to call them one pledge
    assert _rows(db, "SELECT count(*) FROM flows WHERE donor = 'Norway'") == [(2,)]
    target, _ = _pledge(db, "Norway", "chad-a")
    with ReviewStore.beside(db) as store:
        store.save(
            _review(db, "Norway", "chad-b", "reject", reason="duplicate", after={"duplicate_of": target})
        )
    pipeline.refresh(db)
    assert _rows(db, "SELECT amount, n_reports, n_articles FROM flows WHERE donor = 'Norway'") == [
        (4e6, 2, 2)
    ]
    (why,) = _rows(
        db,
        "SELECT why FROM flow_reports JOIN pledges USING (pledge_id) WHERE article_id = 'chad-b'",
    )[0]
    assert why == f"marked by Amina as a duplicate of report {target}"


def test_a_review_saved_during_an_ingest_is_applied_by_the_next_refresh(db: Path, tmp_path: Path) -> None:
    """A real ingest in another process holds the writer lock and swaps the file while reviews
    are saved here; nothing is lost: the ingest applies what it found, the refresh the rest."""
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(1000):  # enough articles for the ingest to run a few seconds
        (folder / f"n{i:03d}.txt").write_text(
            f"Relief {i}\nSweden pledged ${i + 1} million to Niger on 9 May 2024. "
            + "Floods hit the Niger river valley again this week, officials said. " * 40,
            encoding="utf-8",
        )
    ingest = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "aidtracker.etl.cli",
            "ingest",
            str(folder),
            "--db",
            str(db),
            "--workers",
            "1",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    saved = []
    with ReviewStore.beside(db) as store:
        deadline = time.monotonic() + 60
        # the ingest has the lock once its private copy of the database exists
        while not list(db.parent.glob(load.temp_prefix(db) + "*")) and time.monotonic() < deadline:
            time.sleep(0.02)
        saved.append(store.save(_review(db, "Norway", "chad-a", "confirm")))
        with pytest.raises(load.DatabaseBusy):
            pipeline.refresh(db, wait=0)  # the ingest holds the lock: the review waits in its file
        saved.append(store.save(_review(db, "Japan", "chad-a", "correct", after={"amount": "350"})))
        assert ingest.wait(timeout=300) == 0, ingest.stderr.read() if ingest.stderr else ""
        applied_upto = _rows(db, "SELECT applied_upto FROM review_state")
        if not applied_upto or applied_upto[0][0] < store.last_id():
            pipeline.refresh(db)  # what the dashboard does when the file is behind the reviews
    assert _rows(db, "SELECT count(*) FROM articles") == [(1002,)]
    assert _rows(
        db, "SELECT donor, review_status, amount FROM pledges WHERE review_status IS NOT NULL ORDER BY 1"
    ) == [
        ("Japan", "corrected", 350.0),
        ("Norway", "confirmed", 4e6),
    ]


def test_reviews_export_and_import_through_the_command(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    with ReviewStore.beside(db) as store:
        store.save(_review(db, "Norway", "chad-a", "confirm"))
        store.save(_review(db, "Japan", "chad-a", "correct", after={"recipient_iso3": "NER"}))
    out = tmp_path / "reviews.csv"
    assert cli.main(["reviews", "export", str(out), "--db", str(db)]) == 0
    other = tmp_path / "other" / "aid.duckdb"
    other.parent.mkdir()
    pipeline.run([tmp_path / "in"], other, workers=1)
    bad = {"kind": "pledge", "record_id": "nope", "article_id": "chad-a", "content_sha256": "x"}
    bad |= {"action": "confirm", "reviewer": "=1+1"}
    extra = ",".join(bad.get(c, "") for c in reviews.CSV_COLUMNS)
    hostile = out.read_text(encoding="utf-8").rstrip("\n") + "\n" + extra
    (tmp_path / "hostile.csv").write_text(hostile + "\n", encoding="utf-8")
    assert (
        cli.main(["reviews", "import", str(tmp_path / "hostile.csv"), "--db", str(other)]) == cli.EXIT_FAILED
    )
    err = capsys.readouterr().err
    assert "2 reviews loaded, 0 already there, 1 rows refused" in err
    assert "line 4: pledge 'nope' is not in this database" in err
    assert _rows(
        other,
        "SELECT donor, review_status, recipient_iso3 FROM pledges WHERE article_id = 'chad-a' ORDER BY 1",
    ) == [
        ("Japan", "corrected", "NER"),
        ("Norway", "confirmed", "TCD"),
    ]
    assert reviews.store_path(other).exists()
