"""The dashboard's SQL on real DuckDB files: filters, headline numbers, paging, evidence, retries."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import dashboard_db
import duckdb
import pytest

from aidtracker.dashboard import queries
from aidtracker.dashboard.queries import Filters


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
    sudan = queries.summary(fixture_path, Filters(recipients=("SDN",)))["headline"]
    assert sudan["people_at_risk"] == 25e6
    # Yemen in_need 21.6M (2023) then 18.2M (2024): the latest, not the largest.
    yemen = queries.summary(fixture_path, Filters(recipients=("YEM",)))["headline"]
    assert yemen["people_at_risk"] == 18.2e6
    both = queries.summary(fixture_path, Filters(recipients=("SDN", "YEM")))["headline"]
    assert both["people_at_risk"] == 25e6 + 18.2e6
    displaced = Filters(recipients=("SDN",), indicators=("displaced",))
    one_indicator = queries.summary(fixture_path, displaced)["headline"]
    assert one_indicator["people_at_risk"] == 8e6


def test_headline_money_counts_cash_only(fixture_path):
    h = queries.summary(fixture_path, Filters(donors=("Japan",)))["headline"]
    assert h["usd"] == 115e6  # 15M + 100M; the 3,000 tonnes of rice are not dollars
    assert h["pledges"] == 3
    assert h["recipients"] == 3
    kinds = queries.in_kind(fixture_path, Filters(donors=("Japan",)))
    assert kinds.to_dict("records") == [
        {"commodity": "rice", "unit": "tonnes", "quantity": 3000.0, "pledges": 1}
    ]


def test_summary_totals_goods_per_unit_and_counts_each_kind_of_pledge(fixture_path):
    everything = queries.summary(fixture_path, Filters())
    # 5,000 t of flour + 3,000 t of rice + 10 t of the hostile rows' commodity; vaccine doses apart
    assert everything["goods_by_unit"].to_dict("records") == [
        {"unit": "tonnes", "quantity": 8010.0, "pledges": 3},
        {"unit": "doses", "quantity": 70000.0, "pledges": 1},
    ]
    h = everything["headline"]
    # 14 cash pledges, and Norway's $12 million to Somalia that two articles report, counted once
    assert (h["cash_pledges"], h["usd_pledges"], h["in_kind_pledges"]) == (15, 15, 4)
    assert (
        h["cash_pledges"] + h["in_kind_pledges"]
        == h["pledges"]
        == queries.table_count(fixture_path, "flows", Filters())
        == h["reports"] - 1
        == queries.table_count(fixture_path, "pledges", Filters()) - 1
    )
    assert h["risk_figures"] == queries.table_count(fixture_path, "risk_observations", Filters())
    # the goods follow every pledge filter, the donor's included, as the in-kind chart's rows do
    for f in (Filters(donors=("Kazakhstan",)), Filters(donors=("Japan",)), Filters(recipients=("UKR",))):
        s = queries.summary(fixture_path, f)
        rows = queries.in_kind(fixture_path, f).groupby("unit", as_index=False)[["quantity", "pledges"]].sum()
        assert s["goods_by_unit"].sort_values("unit").to_dict("records") == rows.to_dict("records"), f
        assert s["headline"]["in_kind_pledges"] == rows["pledges"].sum()
    kazakhstan = queries.summary(fixture_path, Filters(donors=("Kazakhstan",)))
    assert kazakhstan["goods_by_unit"].to_dict("records") == [
        {"unit": "tonnes", "quantity": 5000.0, "pledges": 1}
    ]
    h = kazakhstan["headline"]
    assert (h["usd"], h["cash_pledges"], h["usd_pledges"], h["in_kind_pledges"]) == (0, 0, 0, 1)
    assert h["risk_figures"] == 1  # Afghanistan's, the country Kazakhstan's flour goes to
    cash_only = queries.summary(fixture_path, Filters(aid_forms=("cash",)))
    assert cash_only["goods_by_unit"].empty and cash_only["headline"]["in_kind_pledges"] == 0


def test_option_counts_follow_the_other_filters(fixture_path):
    opts = queries.summary(fixture_path, Filters(recipients=("SDN",), donors=("Japan",)))["donor_options"]
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


@pytest.mark.parametrize("table", queries.TABLES)
@pytest.mark.parametrize(
    "filters",
    [
        Filters(),
        Filters(donors=("United States",)),
        Filters(date_from=dt.date(2015, 1, 1)),
        Filters(indicators=("displaced",)),
    ],
    ids=["no-filter", "donor", "since-2015", "indicator"],
)
def test_pages_and_views_partition_every_table(etl_path, table, filters):
    every = queries.table_rows(etl_path, table, filters)
    size = 7
    pages = [queries.table_page(etl_path, table, filters, p, size) for p in range(-(-len(every) // size))]
    assert [i for page in pages for i in page["id"]] == list(every["id"])
    for p, page in enumerate(pages):
        assert list(page.columns) == list(every.columns)
        total, shown, rows = queries.table_view(etl_path, table, filters, p, size)
        assert (total, shown, list(rows["id"])) == (len(every), p, list(page["id"]))
        # the page's cells are the rows' cells (the article title and record counts joined on)
        expected = every.iloc[p * size : (p + 1) * size].reset_index(drop=True)
        assert rows.astype(str).equals(expected.astype(str)), (table, p)
    # a page past the end (the data shrank after an ingest) is the first page again
    total, shown, rows = queries.table_view(etl_path, table, filters, len(pages) + 3, size)
    assert shown == 0 and list(rows["id"]) == list(every["id"][:size])


@pytest.mark.parametrize("reports", [False, True], ids=["flows", "reports"])
def test_summary_parts_agree_with_the_rows(etl_path, reports):
    # the summary counts the rows the Pledges tab lists: flows, or every report with the switch
    f = Filters(donors=("United States",), aid_forms=("cash",), reports=reports)
    table = queries.shown_table("pledges", f)
    s = queries.summary(etl_path, f)
    rows = queries.table_rows(etl_path, table, f)
    assert s["headline"]["pledges"] == len(rows)
    reports_rows = queries.table_rows(etl_path, "pledges", f)
    assert (
        s["headline"]["reports"]
        == len(reports_rows)
        == (rows["articles"].sum() if not reports else len(rows))
    )
    assert s["headline"]["usd"] == pytest.approx(rows["amount_usd"].sum())
    assert s["headline"]["recipients"] == rows["recipient_iso3"].nunique()
    by_country = (
        rows.dropna(subset=["recipient_iso3", "amount_usd"]).groupby("recipient_iso3")["amount_usd"].sum()
    )
    got = dict(zip(s["usd_by_country"]["iso3"], s["usd_by_country"]["value"], strict=True))
    assert got == pytest.approx(by_country.to_dict())
    # the donor options leave the donor filter out: every donor's count under the other filters
    others = queries.table_rows(etl_path, table, Filters(aid_forms=("cash",)))
    opts = dict(zip(s["donor_options"]["value"], s["donor_options"]["n"], strict=True))
    assert {d: n for d, n in opts.items() if n} == others["donor"].value_counts().to_dict()


def test_a_swapped_in_file_is_read_on_the_next_query_and_the_old_reader_never_blocks_it(tmp_path):
    db = tmp_path / "aid.duckdb"
    dashboard_db.create_empty(db)
    dashboard_db.add_rows(db, dashboard_db.FIXTURE_ARTICLES[:2])
    before = queries.table_count(db, "pledges", Filters())  # opens and keeps a reader on the file
    new = tmp_path / "aid.new.duckdb"
    shutil.copy(db, new)
    dashboard_db.add_rows(new, dashboard_db.FIXTURE_ARTICLES[2:])  # a writer, while the reader is open
    os.replace(new, db)
    after = queries.table_count(db, "pledges", Filters())
    con = duckdb.connect(str(db), read_only=True)
    try:
        (n,) = con.execute("SELECT count(*) FROM pledges").fetchone()
    finally:
        con.close()
    assert after == n > before


def test_readers_are_shared_across_threads(fixture_path):
    from concurrent.futures import ThreadPoolExecutor

    queries.close_all()
    expected = queries.summary(fixture_path, Filters(donors=("Japan",)))["headline"]
    with ThreadPoolExecutor(4) as pool:
        japan = Filters(donors=("Japan",))
        got = list(pool.map(lambda _: queries.summary(fixture_path, japan)["headline"], range(16)))
    assert got == [expected] * 16


# --- one pledge, many reports: the groups etl.consolidate builds ------------------------------

NORWAY_SOMALIA = Filters(donors=(dashboard_db.REPEATED_DONOR,), recipients=("SOM",))


def test_a_pledge_two_articles_report_counts_once_and_twice_with_every_report(fixture_path):
    flows = queries.table_rows(fixture_path, "flows", NORWAY_SOMALIA)
    assert len(flows) == 1 and flows["articles"].tolist() == [2]
    assert flows["amount_usd"].tolist() == [12e6] and flows["first_article_id"].tolist() == ["fx-09"]
    reports = queries.table_rows(fixture_path, "pledges", NORWAY_SOMALIA)
    assert sorted(reports["article_id"]) == ["fx-09", "fx-10"]
    assert set(reports["flow_id"]) == set(flows["id"])  # each report names its flow
    once = queries.summary(fixture_path, NORWAY_SOMALIA)["headline"]
    twice = queries.summary(fixture_path, replace(NORWAY_SOMALIA, reports=True))["headline"]
    assert (once["pledges"], once["reports"], once["usd"]) == (1, 2, 12e6)
    assert (twice["pledges"], twice["reports"], twice["usd"]) == (2, 2, 24e6)
    # USD per person at risk: Somalia's 7.8M people against the UK's $23.2M and Norway's $12M once
    per_person = {
        reports: queries.summary(fixture_path, Filters(reports=reports))["usd_per_person"].set_index("iso3")
        for reports in (False, True)
    }
    assert per_person[False].loc["SOM", "usd"] == pytest.approx(35.2e6)
    assert per_person[True].loc["SOM", "usd"] == pytest.approx(47.2e6)
    assert per_person[False].loc["SOM", "usd_per_person"] == pytest.approx(35.2e6 / 7.8e6)
    # the charts with their own grouping count it once too
    month = queries.pledges_by_month(fixture_path, NORWAY_SOMALIA)
    assert month["usd"].tolist() == [12e6]
    assert queries.pledges_by_month(fixture_path, replace(NORWAY_SOMALIA, reports=True))["usd"].tolist() == [
        24e6
    ]


def test_repeated_risk_figures_and_appeals_are_grouped_too(fixture_path):
    somalia = Filters(recipients=("SOM",), indicators=("food_insecure",))
    assert queries.table_count(fixture_path, "risk_figures", somalia) == 2
    observations = queries.table_rows(fixture_path, "risk_observations", somalia)
    assert observations[["people", "articles"]].values.tolist() == [[6.6e6, 2]]
    assert queries.summary(fixture_path, somalia)["headline"]["risk_figures"] == 1
    assert queries.summary(fixture_path, replace(somalia, reports=True))["headline"]["risk_figures"] == 2
    # the later of the two dates is the same figure: the series has its first date only
    series = queries.risk_series(fixture_path, somalia, "SOM")
    assert series[["indicator", "people"]].values.tolist() == [["food_insecure", 6.6e6]]
    appeals = Filters(recipients=("SOM",))
    assert queries.table_count(fixture_path, "appeals", appeals) == 3  # WFP's, and OCHA's twice
    groups = queries.table_rows(fixture_path, "appeal_groups", appeals)
    assert sorted(groups["articles"]) == [1, 2]
    assert set(queries.table_rows(fixture_path, "appeals", appeals)["group_id"]) == set(groups["id"])


def test_a_flows_reports_each_show_their_sentence_and_why_they_were_grouped(fixture_path):
    (flow_id,) = queries.table_rows(fixture_path, "flows", NORWAY_SOMALIA)["id"]
    reports = queries.group_reports(fixture_path, "flows", flow_id)
    assert [r["article_id"] for r in reports] == ["fx-09", "fx-10"]  # the first report first
    assert [r["evidence"] for r in reports] == [dashboard_db.REPEATED_PLEDGE, dashboard_db.REPEATED_AGAIN]
    for r in reports:
        assert r["text"][r["span_start"] : r["span_end"]] == r["evidence"]
    assert reports[0]["why"] == "first report"
    why = reports[1]["why"]
    assert "same donor (NOR)" in why and "same recipient (SOM)" in why and "same amount" in why
    assert "2 days apart" in why
    assert queries.group_reports(fixture_path, "flows", "no-such-flow") == []
    with pytest.raises(ValueError, match="no reports"):
        queries.group_reports(fixture_path, "pledges", flow_id)


@pytest.mark.parametrize(
    "filters",
    [
        Filters(),
        Filters(donors=(dashboard_db.REPEATED_DONOR,)),
        Filters(recipients=("SOM", "SDN")),
        Filters(statuses=("pledged",), aid_forms=("cash",)),
        Filters(date_from=dt.date(2023, 1, 1), date_to=dt.date(2023, 12, 31)),
        Filters(indicators=("food_insecure",)),
    ],
    ids=["no-filter", "donor", "recipients", "status-form", "2023", "indicator"],
)
def test_filters_keep_the_groups_of_the_reports_they_keep(fixture_path, filters):
    # in the fixture every report of a group agrees on the filtered fields and dates, so a filter
    # keeps a group exactly when it keeps its reports
    for table, group_id in (
        ("pledges", "flow_id"),
        ("risk_figures", "observation_id"),
        ("appeals", "group_id"),
    ):
        groups = queries.table_rows(fixture_path, queries.GROUPS[table], filters)
        reports = queries.table_rows(fixture_path, table, filters)
        assert set(groups["id"]) == set(reports[group_id]), table
        assert groups["articles"].sum() == len(reports), table


def test_every_report_of_the_corpus_is_in_one_group(etl_path):
    for table, group_id in (
        ("pledges", "flow_id"),
        ("risk_figures", "observation_id"),
        ("appeals", "group_id"),
    ):
        reports = queries.table_rows(etl_path, table, Filters())
        groups = queries.table_rows(etl_path, queries.GROUPS[table], Filters())
        assert reports[group_id].notna().all() and set(reports[group_id]) == set(groups["id"]), table
        assert groups["articles"].sum() == len(reports), table
    flows = queries.table_rows(etl_path, "flows", Filters())
    for flow_id in flows.loc[flows["articles"] > 1, "id"]:
        reports = queries.group_reports(etl_path, "flows", flow_id)
        assert len({r["article_id"] for r in reports}) == len(reports) > 1
        assert reports[0]["why"] == "first report" and all("same donor" in r["why"] for r in reports[1:])


def test_a_database_from_before_the_groups_is_told_apart(tmp_path):
    db = dashboard_db.build_fixture_db(tmp_path / "old.duckdb")
    con = duckdb.connect(str(db))
    try:
        for table in ("flows", "flow_reports", "risk_observations", "observation_reports"):
            con.execute(f"DROP TABLE {table}")
    finally:
        con.close()
    assert queries.db_status(db) == "ungrouped"
