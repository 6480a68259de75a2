"""The dashboard page under Streamlit's AppTest, on a database the real ETL built from the real corpus."""

from __future__ import annotations

import base64
import datetime as dt
import html
import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import dashboard_db
import duckdb
import numpy as np
import pandas as pd
import plotly.io
import pytest
from streamlit.testing.v1 import AppTest

from aidtracker.dashboard import charts, queries
from aidtracker.dashboard.queries import Filters

APP = Path(__file__).resolve().parents[1] / "dashboard" / "app.py"
# The page offers `aidtracker fetch` only once this aidtracker has it (issue 15).
HAS_FETCH = importlib.util.find_spec("aidtracker.etl.fetch") is not None
SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_cc348ac55cf4c536.txt"
GOODS = "In-kind goods"
TABLE_TABS = {  # each record table's tab, in the page's order
    "pledges": "Pledges",
    "risk_figures": "Risk figures",
    "appeals": "Appeals",
    "articles": "Articles",
}
TABLE_ORDER = list(TABLE_TABS)
CHART_TABS = ["Overview", "Maps", "Risk and need"]
TAB_KEY = "tab"  # the session-state key of the page's tabs: the open tab's label
DONOR = "United States"
FLOWS = queries.shown_table("pledges", Filters())  # what the Pledges tab lists by default


@pytest.fixture(scope="session")
def etl_path(tmp_path_factory) -> Path:
    return dashboard_db.etl_db(tmp_path_factory)


@pytest.fixture(scope="module")
def seed_path(tmp_path_factory) -> Path:
    """What `make run` shows a newcomer: the real ETL on the seed article alone."""
    from aidtracker.etl import pipeline

    db = tmp_path_factory.mktemp("seed") / "seed.duckdb"
    pipeline.run([SEED], db, workers=1)
    return db


@pytest.fixture(scope="module")
def fixture_path(tmp_path_factory) -> Path:
    return dashboard_db.build_fixture_db(tmp_path_factory.mktemp("fixture") / "fixture.duckdb")


def _app(db: Path, monkeypatch, query_params: dict | None = None) -> AppTest:
    monkeypatch.setenv("AIDTRACKER_DB", str(db))
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.query_params.update(query_params or {})
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def _open_tab(at: AppTest, label: str) -> AppTest:
    """Open a tab as a click on it does: set the tabs' state, then rerun (only the open tab runs)."""
    at.session_state[TAB_KEY] = label
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    assert at.session_state[TAB_KEY] == label
    return at


def _counters(at: AppTest) -> list[int]:
    """The row counts the table sections on the page show ("**N** rows · showing a–b")."""
    return [
        int(m.group(1).replace(",", ""))
        for el in at.markdown
        if (m := re.match(r"\*\*([\d,]+)\*\* rows? ·", el.value))
    ]


def _section(at: AppTest, table: str) -> tuple[int, pd.DataFrame]:
    """Open the table's tab and read its section: the row count it shows and the page of rows."""
    _open_tab(at, TABLE_TABS[table])
    counters, frames = _counters(at), [df.value for df in at.dataframe]
    assert len(counters) == 1 and len(frames) == 1  # the open tab's table only
    return counters[0], frames[0]


def _totals(at: AppTest) -> dict[str, int]:
    """The row count each table's tab shows, opening each table's tab in turn."""
    return {table: _section(at, table)[0] for table in TABLE_ORDER}


def _page(at: AppTest, table: str) -> pd.DataFrame:
    """The page of rows the table's tab shows (the tab is left open)."""
    return _section(at, table)[1]


def _metric(at: AppTest, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def _figures(at: AppTest) -> list[dict]:
    """The open tab's Plotly figures, as the page sent them."""
    return [plotly.io.from_json(chart.proto.spec).to_dict() for chart in at.get("plotly_chart")]


def _values(array: object) -> list:
    """A trace's array: Plotly sends numbers as {"dtype": "f8", "bdata": base64 bytes}."""
    if isinstance(array, dict):
        return np.frombuffer(base64.b64decode(array["bdata"]), dtype=np.dtype(array["dtype"])).tolist()
    return list(array)


def _bars(fig: dict) -> list[tuple[str, list, list]]:
    """(unit, commodities, quantities) of each trace of the in-kind chart."""
    return [(t["name"], _values(t["x"]), _values(t["y"])) for t in fig["data"]]


def _title(fig: dict) -> str:
    return fig["layout"]["title"]["text"]


def _notes(fig: dict) -> list[str]:
    """An empty chart's note, a line each."""
    return [line for a in fig["layout"].get("annotations", ()) for line in a["text"].split("<br>")]


def _expected_totals(db: Path, filters: Filters) -> dict[str, int]:
    """The rows each table tab lists: the groups of its reports, or every report with the switch."""
    return {t: queries.table_count(db, queries.shown_table(t, filters), filters) for t in TABLE_ORDER}


def test_page_shows_the_whole_database_unfiltered(etl_path, monkeypatch):
    at = _app(etl_path, monkeypatch)
    assert int(_metric(at, "Pledges")) == queries.table_count(etl_path, FLOWS, Filters())
    charts = {tab: len(_open_tab(at, tab).get("plotly_chart")) for tab in CHART_TABS}
    assert all(charts.values()) and sum(charts.values()) >= 8, charts
    downloads = {}
    for table in TABLE_ORDER:
        _section(at, table)
        downloads[table] = [b.label for b in at.get("download_button")]
    assert downloads == {t: ["Download CSV", "Download HXL CSV"] for t in TABLE_ORDER}
    assert _totals(at) == _expected_totals(etl_path, Filters())
    assert at.query_params == {}


def test_only_the_open_tab_runs(etl_path, monkeypatch):
    at = _app(etl_path, monkeypatch)
    assert [t.label for t in at.tabs] == [*CHART_TABS, *TABLE_TABS.values()]
    assert at.session_state[TAB_KEY] == "Overview"  # the tab a page opens on
    # the Overview's charts, and no table section: no table query ran
    assert len(at.get("plotly_chart")) == 4
    assert not at.dataframe and not _counters(at) and not at.get("download_button")
    assert not [s for s in at.selectbox if s.key and s.key.startswith("evidence_")]
    # opening Pledges shows its table, and nothing of the other tabs
    _open_tab(at, "Pledges")
    assert _counters(at) == [queries.table_count(etl_path, FLOWS, Filters())]
    assert len(at.dataframe) == 1 and "donor" in at.dataframe[0].value.columns
    assert not at.get("plotly_chart")
    assert [b.label for b in at.get("download_button")] == ["Download CSV", "Download HXL CSV"]
    # the headline (the summary) shows whichever tab is open
    assert int(_metric(at, "Pledges")) == queries.table_count(etl_path, FLOWS, Filters())


def test_a_closed_tab_keeps_its_page_and_choices(etl_path, monkeypatch):
    at = _app(etl_path, monkeypatch)
    first = _page(at, "pledges")
    at.number_input(key=f"page_{FLOWS}").set_value(2).run()
    chosen = at.dataframe[0].value["id"].iloc[3]
    at.selectbox(key=f"evidence_{FLOWS}").set_value(chosen).run()
    _open_tab(at, "Risk and need")
    assert len(at.selectbox(key="risk_country").options) > 1
    at.selectbox(key="risk_country").select_index(1).run()
    country = at.selectbox(key="risk_country").value
    _open_tab(at, "Overview")
    assert not at.dataframe
    _open_tab(at, "Pledges")
    assert at.number_input(key=f"page_{FLOWS}").value == 2
    assert at.selectbox(key=f"evidence_{FLOWS}").value == chosen
    page2 = list(at.dataframe[0].value["id"])
    assert page2 == list(queries.table_page(etl_path, FLOWS, Filters(), 1, 25)["id"]) != list(first["id"])
    _open_tab(at, "Risk and need")
    assert at.selectbox(key="risk_country").value == country != at.selectbox(key="risk_country").options[0]
    # a filter chosen while the Pledges tab is closed starts it again at page 1
    at.multiselect(key="donor").select(DONOR).run()
    _open_tab(at, "Pledges")
    assert at.number_input(key=f"page_{FLOWS}").value == 1
    donor_page = queries.table_page(etl_path, FLOWS, Filters(donors=(DONOR,)), 0, 25)
    assert list(at.dataframe[0].value["id"]) == list(donor_page["id"])


def test_choosing_a_donor_narrows_every_table(etl_path, monkeypatch):
    at = _app(etl_path, monkeypatch)
    before = _totals(at)
    at.multiselect(key="donor").select(DONOR).run()
    assert not at.exception
    after = _totals(at)
    for table in TABLE_ORDER:
        assert 0 < after[table] < before[table], table
    assert after == _expected_totals(etl_path, Filters(donors=(DONOR,)))
    pledges = _page(at, "pledges")
    assert set(pledges["donor"]) == {DONOR}
    assert int(_metric(at, "Donors")) == 1
    assert at.query_params["donor"] == DONOR  # the URL carries the filter


def test_url_query_params_restore_the_filters(etl_path, monkeypatch):
    params = {"donor": [DONOR, "Germany"], "recipient": "UKR", "from": "2010-01-01", "form": "cash"}
    at = _app(etl_path, monkeypatch, params)
    assert at.multiselect(key="donor").value == [DONOR, "Germany"]
    assert at.multiselect(key="recipient").value == ["UKR"]
    assert at.multiselect(key="form").value == ["cash"]
    assert at.date_input(key="dates").value[0] == dt.date(2010, 1, 1)
    f = Filters(
        donors=(DONOR, "Germany"), recipients=("UKR",), date_from=dt.date(2010, 1, 1), aid_forms=("cash",)
    )
    assert _totals(at) == _expected_totals(etl_path, f)
    assert set(_page(at, "pledges")["recipient_iso3"]) == {"UKR"}
    # and the URL still says so after the run, for sharing
    assert at.query_params["donor"] == [DONOR, "Germany"] and at.query_params["from"] == "2010-01-01"


def test_unknown_url_values_are_ignored(etl_path, monkeypatch):
    at = _app(etl_path, monkeypatch, {"donor": "No Such Donor", "from": "31-02-2020", "form": "<script>"})
    assert at.multiselect(key="donor").value == []
    assert _totals(at) == _expected_totals(etl_path, Filters())


def test_clear_filters_resets_widgets_and_url(etl_path, monkeypatch):
    at = _app(etl_path, monkeypatch, {"donor": DONOR, "status": "pledged"})
    assert at.query_params
    at.button[0].click().run()
    assert at.multiselect(key="donor").value == [] and at.multiselect(key="status").value == []
    assert at.query_params == {}
    assert _totals(at) == _expected_totals(etl_path, Filters())


def test_an_sql_injection_donor_leaves_everything_intact(etl_path, monkeypatch):
    before = _expected_totals(etl_path, Filters())
    at = _app(etl_path, monkeypatch)
    at.multiselect(key="donor").select(dashboard_db.INJECTION_DONOR).run()
    assert not at.exception
    assert list(_page(at, "pledges")["donor"]) == [dashboard_db.INJECTION_DONOR]
    # the same value arriving through the URL
    at2 = _app(
        etl_path,
        monkeypatch,
        {"donor": dashboard_db.INJECTION_DONOR, "recipient": "x'); DROP TABLE articles; --"},
    )
    assert _totals(at2)["pledges"] == 1
    con = duckdb.connect(str(etl_path), read_only=True)
    try:
        tables = {r[0] for r in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
    finally:
        con.close()
    assert {"articles", "pledges", "risk_figures", "appeals", "rejected"} <= tables
    assert _expected_totals(etl_path, Filters()) == before


def test_evidence_is_highlighted_and_html_in_articles_stays_text(etl_path, monkeypatch):
    at = _app(etl_path, monkeypatch, {"donor": dashboard_db.INJECTION_DONOR})
    _open_tab(at, "Pledges")
    bodies = [h.proto.body for h in at.get("html")]
    hostile = next(b for b in bodies if "hostile name" in b)
    assert "&lt;img src=x onerror=alert(1)&gt;" in hostile
    assert "<img" not in hostile and "<script" not in hostile and "&lt;script&gt;" in hostile
    assert "<mark>A donor with a hostile name gave $1 million to Chad.</mark>" in hostile
    assert "javascript:" not in hostile  # the article's url is not a web link, so no link


def test_evidence_follows_the_chosen_record(etl_path, monkeypatch):
    at = _app(etl_path, monkeypatch, {"donor": DONOR})
    shown = _page(at, "pledges")
    picker = at.selectbox(key=f"evidence_{FLOWS}")
    assert len(picker.options) == len(shown)
    last = shown["id"].iloc[-1]
    picker.set_value(last).run()
    assert at.selectbox(key=f"evidence_{FLOWS}").value == last
    reports = queries.group_reports(etl_path, FLOWS, last)
    body = at.get("html")[0].proto.body  # the open pledges tab's evidence: each report of the flow
    assert reports and f"Reported by {len(reports)} article" in body
    for rec in reports:
        assert f"<mark>{html.escape(rec['evidence'])}</mark>" in body
        assert html.escape(rec["title"] or "(untitled article)") in body


def test_paging_shows_a_page_and_the_total(etl_path, monkeypatch):
    at = _app(etl_path, monkeypatch)
    total = queries.table_count(etl_path, FLOWS, Filters())
    assert len(_page(at, "pledges")) == min(total, 25)
    at.number_input(key=f"page_{FLOWS}").set_value(2).run()
    assert at.session_state[TAB_KEY] == "Pledges"  # a rerun keeps the open tab
    page2 = at.dataframe[0].value
    expected = queries.table_page(etl_path, FLOWS, Filters(), 1, 25)
    assert list(page2["id"]) == list(expected["id"])


@pytest.mark.parametrize("kind", ["missing", "schema-only", "no-tables"])
def test_an_empty_database_gets_the_friendly_page(tmp_path, monkeypatch, kind):
    db = tmp_path / "aid.duckdb"
    if kind == "schema-only":
        dashboard_db.create_empty(db)
    elif kind == "no-tables":
        duckdb.connect(str(db)).close()
    at = _app(db, monkeypatch)
    text = " ".join(c.value for c in at.code) + " ".join(i.value for i in at.info)
    assert f"aidtracker ingest PATH --db {db}" in text
    assert (f"aidtracker fetch reliefweb --db {db}" in text) is HAS_FETCH  # live sources, once there
    assert not at.get("plotly_chart") and not at.dataframe


def test_a_file_that_is_not_a_database_gets_a_message(tmp_path, monkeypatch):
    db = tmp_path / "aid.duckdb"
    db.write_text("hello\n" * 1000)
    at = _app(db, monkeypatch)
    assert at.error and str(db) in at.error[0].value


HOLD_LOCK = """
import sys, time, duckdb
con = duckdb.connect(sys.argv[1])
print("ok", flush=True)
time.sleep(30)
"""


def test_a_database_locked_by_a_writer_gets_a_wait_message(tmp_path, monkeypatch):
    db = dashboard_db.build_fixture_db(tmp_path / "aid.duckdb")
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(db)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ok"
        at = _app(db, monkeypatch)
        assert at.warning and "being updated" in at.warning[0].value
        assert "lock" not in " ".join(w.value for w in at.warning).lower()
    finally:
        holder.kill()
        holder.wait()


def test_new_data_shows_on_the_next_run_without_a_restart(tmp_path, monkeypatch):
    db = tmp_path / "aid.duckdb"
    dashboard_db.create_empty(db)
    dashboard_db.add_rows(db, dashboard_db.FIXTURE_ARTICLES[:2])
    at = _app(db, monkeypatch)
    before = _section(at, "pledges")[0]
    # an ingest writes a copy and swaps it in, as the ETL's loader does
    new = tmp_path / "aid.new.duckdb"
    shutil.copy(db, new)
    dashboard_db.add_rows(new, dashboard_db.FIXTURE_ARTICLES[2:])
    os.replace(new, db)
    at.run()
    assert _counters(at)[0] > before  # the Pledges tab is still open
    assert _counters(at) == [queries.table_count(db, FLOWS, Filters())]


def test_the_database_path_comes_from_argv_then_env_then_the_default(tmp_path, monkeypatch):
    from aidtracker.dashboard.app import db_path

    monkeypatch.setenv("AIDTRACKER_DB", str(tmp_path / "env.duckdb"))
    assert db_path(["--db", str(tmp_path / "arg.duckdb")]) == tmp_path / "arg.duckdb"
    assert db_path(["--other", "x"]) == tmp_path / "env.duckdb"
    monkeypatch.delenv("AIDTRACKER_DB")
    monkeypatch.chdir(tmp_path)
    assert db_path([]) == tmp_path / "data" / "aidtracker.duckdb"


def test_the_hostile_donor_also_narrows_every_table(etl_path, monkeypatch):
    at = _app(etl_path, monkeypatch, {"donor": dashboard_db.INJECTION_DONOR})
    assert _totals(at) == {"pledges": 1, "risk_figures": 1, "appeals": 1, "articles": 1}


def test_the_seed_alone_shows_its_goods_and_says_why_no_cash_is_charted(seed_path, monkeypatch):
    at = _app(seed_path, monkeypatch)
    # the headline tells the goods beside the $0 of cash
    assert _metric(at, GOODS) == "5,000 t"
    assert _metric(at, "Pledged (cash, USD)") == "$0"
    assert _metric(at, "Pledges") == "1" and _metric(at, "People at risk") == "23M"
    # the Overview: what is true and what to do next, then the goods instead of empty cash charts
    (note,) = [i.value for i in at.info]
    assert note == "No cash pledges yet; 1 in-kind pledge below. Add more articles:"
    (commands,) = [c.value for c in at.code]
    assert f"aidtracker ingest PATH --db {seed_path}" in commands
    for command in ("aidtracker fetch reliefweb", "aidtracker fetch feeds FEEDS.txt"):
        assert (f"{command} --db {seed_path}" in commands) is HAS_FETCH
    (fig,) = _figures(at)
    assert _title(fig) == charts.IN_KIND_TITLE
    assert _bars(fig) == [("tonnes", ["flour"], [5000.0])]
    # no tab blames filters when none is set; the cash map points at the goods
    notes = {}
    for tab in ("Maps", "Risk and need"):
        notes.update({_title(f): _notes(f) for f in _figures(_open_tab(at, tab))})
    assert notes["Cash pledged by recipient country (USD)"] == [
        "No cash pledges yet",
        "1 in-kind pledge on the Overview tab",
    ]
    assert not [n for lines in notes.values() for n in lines if "filter" in n.lower()], notes


def test_an_in_kind_only_donor_shows_its_goods_and_says_the_filters_exclude_the_cash(
    fixture_path, monkeypatch
):
    at = _app(fixture_path, monkeypatch)
    # a quantity per unit, never a sum across units: tonnes first (most pledges), doses under them
    goods = next(m for m in at.metric if m.label == GOODS)
    assert (goods.value, goods.delta) == ("8,010 t", "70,000 doses")
    assert not at.info and len(at.get("plotly_chart")) == 4  # cash to chart: the cash charts
    at.multiselect(key="donor").select("Kazakhstan").run()
    assert not at.exception
    assert _metric(at, GOODS) == "5,000 t"
    cash = int(queries.summary(fixture_path, Filters())["headline"]["cash_pledges"])
    assert [i.value for i in at.info] == [
        "No cash pledges match these filters; 1 in-kind pledge below. "
        f"Widen or clear the filters to see the {cash} cash pledges."
    ]
    assert not at.code  # the database has data: no commands to get some
    (fig,) = _figures(at)
    assert _title(fig) == charts.IN_KIND_TITLE
    assert _bars(fig) == [("tonnes", ["flour"], [5000.0])]
    assert at.query_params["donor"] == "Kazakhstan"


def test_filters_that_exclude_every_pledge_say_what_the_database_holds(fixture_path, monkeypatch):
    at = _app(fixture_path, monkeypatch, {"donor": "Kazakhstan", "form": "cash"})
    assert _metric(at, GOODS) == "0" and _metric(at, "Pledges") == "0"
    assert [i.value for i in at.info] == [
        # 14 cash pledges and Norway's to Somalia, that two articles report, counted once
        "No pledges match these filters; the database holds 15 cash pledges and 4 in-kind pledges. "
        "Widen or clear the filters in the sidebar."
    ]
    assert not at.get("plotly_chart")


def test_articles_without_pledges_get_the_commands_to_add_some(tmp_path, monkeypatch):
    db = dashboard_db.create_empty(tmp_path / "aid.duckdb")
    dashboard_db.add_rows(db, [("a1", "Quiet day", dt.date(2024, 1, 2), None, [("Nothing happened.", [])])])
    at = _app(db, monkeypatch)
    assert [i.value for i in at.info] == [
        "No pledges yet: the articles ingested so far report none. Add articles:"
    ]
    assert "aidtracker ingest PATH" in at.code[0].value
    assert ("aidtracker fetch reliefweb" in at.code[0].value) is HAS_FETCH
    _open_tab(at, "Maps")
    assert [_notes(f)[0] for f in _figures(at)] == ["No cash pledges yet", "No risk figures yet"]


def test_a_pledge_two_articles_report_counts_once_and_every_report_with_the_switch(fixture_path, monkeypatch):
    at = _app(fixture_path, monkeypatch, {"donor": dashboard_db.REPEATED_DONOR, "recipient": "SOM"})
    assert at.toggle(key="reports").value is False  # the page counts each pledge once by default
    pledges = next(m for m in at.metric if m.label == "Pledges")
    assert (pledges.value, pledges.delta) == ("1", "from 2 reports")
    assert _metric(at, "Pledged (cash, USD)") == "$12M"
    rows = _page(at, "pledges")
    assert len(rows) == 1 and rows["articles"].tolist() == [2] and "flow_id" not in rows
    # the flow's evidence: both articles' sentences, and which fields agreed
    picker = at.selectbox(key=f"evidence_{FLOWS}")
    assert "reported by 2 articles" in picker.format_func(picker.value)
    body = at.get("html")[0].proto.body
    assert "Reported by 2 articles" in body
    for sentence in (dashboard_db.REPEATED_PLEDGE, dashboard_db.REPEATED_AGAIN):
        assert f"<mark>{html.escape(sentence)}</mark>" in body
    assert "Report 1 of 2 · first report" in body
    assert "why grouped with report 1: same donor (NOR), same amount (12,000,000 USD)" in body
    assert [b.label for b in at.get("download_button")] == ["Download CSV", "Download HXL CSV"]

    # the switch: every report is a row, and every number counts it
    at.toggle(key="reports").set_value(True).run()
    assert not at.exception
    pledges = next(m for m in at.metric if m.label == "Pledges")
    assert (pledges.value, pledges.delta) == ("2", "")
    assert _metric(at, "Pledged (cash, USD)") == "$24M"
    assert at.query_params["reports"] == "1"  # a link keeps the view
    rows = at.dataframe[0].value  # the Pledges tab is still open
    assert sorted(rows["article_id"]) == ["fx-09", "fx-10"] and rows["flow_id"].nunique() == 1
    assert _counters(at) == [2]
    body = at.get("html")[0].proto.body  # a report's own evidence: its sentence alone
    assert body.count("<mark>") == 1 and "Reported by" not in body
    # clearing the filters keeps the view
    at.button[0].click().run()
    assert at.toggle(key="reports").value is True and at.query_params == {"reports": "1"}
    assert _totals(at) == _expected_totals(fixture_path, Filters(reports=True))


def test_the_switch_counts_every_report_of_the_corpus(etl_path, monkeypatch):
    at = _app(etl_path, monkeypatch, {"reports": "1"})
    assert at.toggle(key="reports").value is True
    every = Filters(reports=True)
    assert int(_metric(at, "Pledges")) == queries.table_count(etl_path, "pledges", every)
    assert _totals(at) == _expected_totals(etl_path, every)
    assert "flow_id" in _page(at, "pledges").columns
    # by default the flows, and the reports they come from: every report, once
    at = _app(etl_path, monkeypatch)
    pledges = next(m for m in at.metric if m.label == "Pledges")
    reports = queries.table_count(etl_path, "pledges", Filters())
    assert int(pledges.value) == queries.table_count(etl_path, FLOWS, Filters()) <= reports
    assert pledges.delta == f"from {reports:,} report{'s' if reports != 1 else ''}"


def test_a_database_from_before_the_groups_says_to_ingest_again(tmp_path, monkeypatch):
    db = dashboard_db.build_fixture_db(tmp_path / "aid.duckdb")
    con = duckdb.connect(str(db))
    try:
        con.execute("DROP TABLE flows")
    finally:
        con.close()
    at = _app(db, monkeypatch)
    assert "before aidtracker grouped the reports" in at.info[0].value
    assert at.code[0].value == f"aidtracker ingest PATH --db {db}"
    assert not at.get("plotly_chart") and not at.dataframe
