"""The dashboard's SQL on real DuckDB files: filters, headline numbers, paging, evidence, retries."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import time
from pathlib import Path

import dashboard_db
import duckdb
import pytest

from dashboard import queries
from dashboard.queries import Filters


@pytest.fixture(scope="session")
def etl_path(tmp_path_factory) -> Path:
    return dashboard_db.etl_db(tmp_path_factory)


@pytest.fixture(scope="module")
def fixture_path(tmp_path_factory) -> Path:
    return dashboard_db.build_fixture_db(tmp_path_factory.mktemp("fixture") / "fixture.duckdb")


def _counts(db, filters):
    return {t: queries.table_count(db, t, filters) for t in queries.TABLES}


def test_the_etl_built_database_has_real_facts(etl_path):
    counts = _counts(etl_path, Filters())
    assert counts["pledges"] > 20 and counts["risk_figures"] > 20 and counts["articles"] > 90


def test_a_donor_narrows_every_table(etl_path):
    everything = _counts(etl_path, Filters())
    chosen = _counts(etl_path, Filters(donors=("United States",)))
    for table in queries.TABLES:
        assert 0 < chosen[table] < everything[table], table
    rows = queries.table_rows(etl_path, "pledges", Filters(donors=("United States",)))
    assert set(rows["donor"]) == {"United States"}
    countries = set(rows["recipient_iso3"].dropna())
    risk = queries.table_rows(etl_path, "risk_figures", Filters(donors=("United States",)))
    assert set(risk["country_iso3"]) <= countries


def test_each_filter_keeps_only_matching_rows(etl_path):
    f = Filters(recipients=("UKR",), aid_forms=("cash",), statuses=("pledged",))
    rows = queries.table_rows(etl_path, "pledges", f)
    assert len(rows) > 0
    assert set(rows["recipient_iso3"]) == {"UKR"}
    assert set(rows["aid_form"]) == {"cash"} and set(rows["status"]) == {"pledged"}
    risk = queries.table_rows(etl_path, "risk_figures", Filters(indicators=("displaced",)))
    assert len(risk) > 0 and set(risk["indicator"]) == {"displaced"}


def test_date_range_is_inclusive_and_drops_undated_rows(etl_path):
    f = Filters(date_from=dt.date(2022, 1, 1), date_to=dt.date(2022, 12, 31))
    rows = queries.table_rows(etl_path, "pledges", f)
    assert len(rows) > 0
    dates = rows["date"].dt.date
    assert dates.min() >= dt.date(2022, 1, 1) and dates.max() <= dt.date(2022, 12, 31)
    articles = queries.table_rows(etl_path, "articles", f)
    assert articles["date"].notna().all()


def test_an_injection_donor_is_a_value_not_sql(etl_path):
    before = _counts(etl_path, Filters())
    f = Filters(donors=(dashboard_db.INJECTION_DONOR,), recipients=("x') OR 1=1 --",))
    assert queries.table_count(etl_path, "pledges", f) == 0
    only = queries.table_rows(etl_path, "pledges", Filters(donors=(dashboard_db.INJECTION_DONOR,)))
    assert list(only["donor"]) == [dashboard_db.INJECTION_DONOR]
    assert _counts(etl_path, Filters()) == before


def test_people_at_risk_takes_the_latest_figure_and_never_adds_overlaps(fixture_path):
    # Sudan: food_insecure 20M (2023) then 25M (2024), displaced 8M -> 25M, not 53M or 33M.
    sudan = queries.headline(fixture_path, Filters(recipients=("SDN",)))
    assert sudan["people_at_risk"] == 25e6
    # Yemen in_need 21.6M (2023) then 18.2M (2024): the latest, not the largest.
    yemen = queries.headline(fixture_path, Filters(recipients=("YEM",)))
    assert yemen["people_at_risk"] == 18.2e6
    both = queries.headline(fixture_path, Filters(recipients=("SDN", "YEM")))
    assert both["people_at_risk"] == 25e6 + 18.2e6
    one_indicator = queries.headline(fixture_path, Filters(recipients=("SDN",), indicators=("displaced",)))
    assert one_indicator["people_at_risk"] == 8e6


def test_headline_money_counts_cash_only(fixture_path):
    h = queries.headline(fixture_path, Filters(donors=("Japan",)))
    assert h["usd"] == 115e6  # 15M + 100M; the 3,000 tonnes of rice are not dollars
    assert h["pledges"] == 3
    assert h["recipients"] == 3
    kinds = queries.in_kind(fixture_path, Filters(donors=("Japan",)))
    assert kinds.to_dict("records") == [
        {"commodity": "rice", "unit": "tonnes", "quantity": 3000.0, "pledges": 1}
    ]


def test_option_counts_follow_the_other_filters(fixture_path):
    opts = queries.donor_options(fixture_path, Filters(recipients=("SDN",), donors=("Japan",)))
    n = dict(zip(opts["value"], opts["n"], strict=True))
    assert n["United States"] == 1 and n["Japan"] == 1 and n["Germany"] == 0
    assert set(n) >= {"Kazakhstan", dashboard_db.INJECTION_DONOR}  # every donor stays choosable


def test_pages_partition_the_filtered_rows(etl_path):
    every = queries.table_rows(etl_path, "pledges", Filters())
    pages = [queries.table_page(etl_path, "pledges", Filters(), p, 10) for p in range(-(-len(every) // 10))]
    assert [i for page in pages for i in page["id"]] == list(every["id"])
    assert len(pages[0]) == 10


def test_evidence_points_into_its_article(etl_path):
    rows = queries.table_rows(etl_path, "pledges", Filters())
    for rid in rows["id"][:20]:
        rec = queries.evidence(etl_path, "pledges", rid)
        assert rec is not None and rec["text"]
        assert rec["text"][rec["span_start"] : rec["span_end"]] == rec["evidence"]


def test_missing_and_empty_databases_are_told_apart(tmp_path):
    assert queries.db_status(tmp_path / "none.duckdb") == "missing"
    assert queries.db_status(dashboard_db.create_empty(tmp_path / "empty.duckdb")) == "empty"
    bare = tmp_path / "bare.duckdb"
    duckdb.connect(str(bare)).close()
    assert queries.db_status(bare) == "empty"
    junk = tmp_path / "junk.duckdb"
    junk.write_bytes(b"not a database at all\n" * 100)
    with pytest.raises(queries.DatabaseUnreadable):
        queries.db_status(junk)


_HOLD_LOCK = """
import sys, time, duckdb
con = duckdb.connect(sys.argv[1])
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
con.close()
"""


def _hold_write_lock(db: Path, seconds: float) -> subprocess.Popen:
    proc = subprocess.Popen(
        [sys.executable, "-c", _HOLD_LOCK, str(db), str(seconds)], stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout.readline().strip() == "locked"
    return proc


def test_a_reader_waits_for_a_writer_briefly(tmp_path):
    db = dashboard_db.build_fixture_db(tmp_path / "locked.duckdb")
    holder = _hold_write_lock(db, 0.6)
    try:
        started = time.monotonic()
        assert queries.table_count(db, "pledges", Filters()) > 0
        assert time.monotonic() - started > 0.2  # it did wait for the lock
    finally:
        holder.wait(timeout=10)


def test_a_reader_gives_up_with_a_busy_error_not_a_lock_error(tmp_path):
    db = dashboard_db.build_fixture_db(tmp_path / "locked.duckdb")
    holder = _hold_write_lock(db, 5)
    try:
        with pytest.raises(queries.DatabaseBusy), queries.connect(db, retry_seconds=0.3):
            pass
    finally:
        holder.kill()
        holder.wait()


def test_queries_never_write(fixture_path):
    with queries.connect(fixture_path) as con, pytest.raises(duckdb.Error):
        con.execute("DELETE FROM pledges")


def test_unknown_table_is_refused(fixture_path):
    with pytest.raises(ValueError, match="unknown table"):
        queries.table_rows(fixture_path, "pledges; DROP TABLE articles", Filters())
