"""The hostile corpus (tests/hostile.py) ingested over a loaded database: bad items out, good ones in."""

from __future__ import annotations

import math
from pathlib import Path

import duckdb
import pytest
from hostile import DUPLICATE, OK, PARTIAL, REJECTED, HostileCorpus

from aidtracker.etl import pipeline, read
from aidtracker.etl.records import Article

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_cc348ac55cf4c536.txt"
RECORD_TABLES = ("pledges", "risk_figures", "appeals")


@pytest.fixture(scope="module")
def ingested(hostile_corpus: HostileCorpus, tmp_path_factory: pytest.TempPathFactory) -> dict:
    """The seed loaded first, then the whole hostile folder ingested into the same file."""
    db = tmp_path_factory.mktemp("hostile_db") / "aid.duckdb"
    pipeline.run([SEED], db, workers=1)
    with duckdb.connect(str(db), read_only=True) as con:
        before = {t: con.execute(f"select count(*) from {t}").fetchone()[0] for t in RECORD_TABLES}
    summary = pipeline.run([hostile_corpus.root], db, workers=1)
    return {"db": db, "before": before, "summary": summary}


def _query(db: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql).fetchall()


def test_nothing_loaded_before_is_lost(ingested: dict) -> None:
    article_ids = {r[0] for r in _query(ingested["db"], "select article_id from articles")}
    assert SEED.stem in article_ids
    for table in RECORD_TABLES:
        seed_rows = _query(ingested["db"], f"select count(*) from {table} where article_id = '{SEED.stem}'")
        assert seed_rows[0][0] == ingested["before"][table]


def test_every_good_item_loads(hostile_corpus: HostileCorpus, ingested: dict) -> None:
    loaded = {r[0] for r in _query(ingested["db"], "select article_id from articles")}
    for name, outcome in hostile_corpus.expected.items():
        if outcome not in (OK, PARTIAL):
            continue
        good = [a.article_id for a in read.read_file(hostile_corpus.root / name) if isinstance(a, Article)]
        assert good, name
        assert set(good) <= loaded, name


@pytest.mark.parametrize("outcome", [REJECTED, DUPLICATE])
def test_every_bad_item_is_listed_with_a_reason(
    hostile_corpus: HostileCorpus, ingested: dict, outcome: str
) -> None:
    rejected = _query(ingested["db"], "select source, reason from rejected")
    for name, expected in hostile_corpus.expected.items():
        if expected != outcome:
            continue
        reasons = [
            reason for source, reason in rejected if Path(source.split(":")[0]).name == Path(name).name
        ]
        assert reasons, f"{name} is not in the rejected table"
        assert all(len(reason.split()) >= 2 for reason in reasons), reasons


def test_the_malformed_line_is_rejected_alone(ingested: dict) -> None:
    sources = [r[0] for r in _query(ingested["db"], "select source from rejected")]
    assert any(s.endswith("one_bad_line.jsonl:3") for s in sources), sources
    assert not any(s.endswith("one_bad_line.jsonl") for s in sources)


def test_summary_counts_match_the_tables(ingested: dict) -> None:
    summary = ingested["summary"]
    assert summary.rejected, "hostile files must be reported back, not only stored"
    (n_rejected,) = _query(ingested["db"], "select count(*) from rejected")[0]
    assert n_rejected >= len({r.source for r in summary.rejected})


def test_absurd_numbers_give_no_absurd_records(ingested: dict) -> None:
    amounts = _query(ingested["db"], "select amount from pledges union all select amount from appeals")
    people = _query(ingested["db"], "select people from risk_figures")
    for (value,) in amounts + people:
        assert math.isfinite(value) and 0 < value < 1e15, value


def test_spans_point_into_their_articles(ingested: dict) -> None:
    for table in RECORD_TABLES:
        rows = _query(
            ingested["db"],
            f"select r.evidence, substr(a.text, r.span_start + 1, r.span_end - r.span_start) "
            f"from {table} r join articles a using (article_id)",
        )
        for evidence, span in rows:
            assert evidence == span


def test_scripts_and_formulas_are_stored_as_plain_text(ingested: dict) -> None:
    titles = {r[0] for r in _query(ingested["db"], "select title from articles where title is not null")}
    assert '=HYPERLINK("https://evil.example","Click for aid")' in titles
    assert "<img src=x onerror=alert(1)>" in titles
