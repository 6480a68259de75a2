"""The one download builder: exactly the filtered rows, formula cells neutralized, numbers kept, HXL row."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import dashboard_db
import pytest

from aidtracker.dashboard import downloads, queries
from aidtracker.dashboard.queries import Filters


@pytest.fixture(scope="session")
def etl_path(tmp_path_factory) -> Path:
    return dashboard_db.etl_db(tmp_path_factory)


def _parse(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))


FILTERS = [
    pytest.param(Filters(), id="no-filter"),
    pytest.param(Filters(donors=("United States",)), id="donor"),
    pytest.param(Filters(recipients=("UKR", "SDN"), statuses=("pledged",)), id="recipients-status"),
    pytest.param(Filters(date_from=dt.date(2015, 1, 1), aid_forms=("cash",)), id="since-2015-cash"),
    pytest.param(Filters(indicators=("food_insecure",)), id="indicator"),
    pytest.param(Filters(donors=(dashboard_db.INJECTION_DONOR,)), id="injection-donor"),
]


@pytest.mark.parametrize("filters", FILTERS)
@pytest.mark.parametrize("table", queries.TABLES)
@pytest.mark.parametrize("hxl", [False, True], ids=["csv", "hxl"])
def test_download_has_exactly_the_filtered_rows(etl_path, table, filters, hxl):
    expected = queries.table_rows(etl_path, table, filters)
    rows = _parse(downloads.build_download(etl_path, table, filters, hxl=hxl))
    header, body = rows[0], rows[2:] if hxl else rows[1:]
    assert header == list(expected.columns)
    assert len(body) == len(expected) == queries.table_count(etl_path, table, filters)
    ids = [r[header.index("id")] for r in body]
    assert ids == [downloads.neutralize(i) for i in expected["id"]]


def test_a_filter_narrows_the_download(etl_path):
    every = _parse(downloads.build_download(etl_path, "pledges", Filters()))
    some = _parse(downloads.build_download(etl_path, "pledges", Filters(donors=("United States",))))
    assert 1 < len(some) < len(every)
    donor = some[0].index("donor")
    assert {r[donor] for r in some[1:]} == {"United States"}


def test_formula_cells_are_neutralized_and_numbers_kept(etl_path):
    f = Filters(recipients=("TCD",))
    rows = _parse(downloads.build_download(etl_path, "pledges", f))
    header, body = rows[0], rows[1:]
    col = {name: header.index(name) for name in ("donor", "commodity", "amount", "amount_usd")}
    donors = {r[col["donor"]] for r in body}
    assert "'=1+1" in donors and "=1+1" not in donors
    assert dashboard_db.INJECTION_DONOR in donors  # starts with a letter: left as it is
    assert "'@SUM(A1)" in {r[col["commodity"]] for r in body}
    negative = next(r for r in body if r[col["donor"]] == "Correction Fund")
    assert float(negative[col["amount"]]) == -5e6 and negative[col["amount"]].startswith("-")
    assert float(negative[col["amount_usd"]]) == -5e6
    for row in body:
        for cell in row:
            assert not cell.startswith(downloads.FORMULA_STARTS) or _is_number(cell), cell


def _is_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


def test_evidence_cells_with_leading_tab_or_cr_are_neutralized():
    import pandas as pd

    df = pd.DataFrame({"evidence": ["\tcmd", "\r=x", "+1", "-2 people", "ok"], "people": [-1.5, 2, 3, 4, 5]})
    rows = _parse(downloads.to_csv(df, "risk_figures", hxl=False))
    assert [r[0] for r in rows[1:]] == ["'\tcmd", "'\r=x", "'+1", "'-2 people", "ok"]
    assert rows[1][1] == "-1.5"


@pytest.mark.parametrize("table", queries.TABLES)
def test_hxl_row_sits_under_the_header(etl_path, table):
    rows = _parse(downloads.build_download(etl_path, table, Filters(), hxl=True))
    header, tags = rows[0], rows[1]
    assert len(tags) == len(header)
    assert all(t.startswith("#") for t in tags), dict(zip(header, tags, strict=True))
    assert tags[header.index("date")] == "#date"


def test_hxl_tags_follow_hdx_fts_names(etl_path):
    rows = _parse(downloads.build_download(etl_path, "pledges", Filters(), hxl=True))
    tag = dict(zip(rows[0], rows[1], strict=True))
    assert tag["donor"] == "#org+name+funder"
    assert tag["recipient_iso3"] == "#country+iso3"
    assert tag["amount_usd"] == "#value+funding+total+usd"
    assert tag["amount"] == "#value+funding+total+currency"
    assert tag["status"] == "#status+text"
    risk = _parse(
        downloads.build_download(etl_path, "risk_figures", Filters(indicators=("food_insecure",)), hxl=True)
    )
    assert dict(zip(risk[0], risk[1], strict=True))["people"] == "#affected+food+ipc+p3plus+num"


def test_download_is_utf8_with_a_header_and_html_left_as_text(etl_path):
    data = downloads.build_download(etl_path, "articles", Filters())
    text = data.decode("utf-8")
    assert text.startswith("date,title,")
    assert dashboard_db.HOSTILE_TITLE in text


@pytest.mark.parametrize("filters", FILTERS)
@pytest.mark.parametrize("table", queries.TABLES)
def test_download_cells_are_those_of_the_rows(etl_path, table, filters):
    # DuckDB writes the download; the DataFrame path (to_csv) is the reference for every cell
    expected = _parse(downloads.to_csv(queries.table_rows(etl_path, table, filters), table, hxl=True))
    assert _parse(downloads.build_download(etl_path, table, filters, hxl=True)) == expected


@pytest.fixture(scope="module")
def fixture_path(tmp_path_factory) -> Path:
    return dashboard_db.build_fixture_db(tmp_path_factory.mktemp("fixture") / "fixture.duckdb")


@pytest.mark.parametrize("hxl", [False, True], ids=["csv", "hxl"])
def test_flows_download_once_and_reports_download_with_their_flow_id(fixture_path, hxl):
    f = Filters(donors=(dashboard_db.REPEATED_DONOR,), recipients=("SOM",))
    flows = _parse(downloads.build_download(fixture_path, "flows", f, hxl=hxl))
    reports = _parse(downloads.build_download(fixture_path, "pledges", f, hxl=hxl))
    skip = 2 if hxl else 1
    (flow,) = [dict(zip(flows[0], row, strict=True)) for row in flows[skip:]]
    every = [dict(zip(reports[0], row, strict=True)) for row in reports[skip:]]
    assert (flow["articles"], flow["amount_usd"], flow["first_article_id"]) == ("2", "12000000.0", "fx-09")
    assert sorted(r["article_id"] for r in every) == ["fx-09", "fx-10"]
    assert {r["flow_id"] for r in every} == {flow["id"]}  # a report joins its flow on flow_id
    if hxl:
        # the join key carries one hashtag on both sides
        assert dict(zip(flows[0], flows[1], strict=True))["id"] == "#meta+id+flow"
        assert dict(zip(reports[0], reports[1], strict=True))["flow_id"] == "#meta+id+flow"


def test_the_group_downloads_name_their_reports_group_and_tag_one_indicator(fixture_path):
    f = Filters(recipients=("SOM",), indicators=("food_insecure",))
    observations = _parse(downloads.build_download(fixture_path, "risk_observations", f, hxl=True))
    tags = dict(zip(observations[0], observations[1], strict=True))
    assert tags["people"] == "#affected+food+ipc+p3plus+num" and tags["articles"] == "#meta+articles+num"
    assert len(observations) == 3  # header, hashtags, the one observation two articles report
    figures = _parse(downloads.build_download(fixture_path, "risk_figures", f))
    ids = {row[figures[0].index("observation_id")] for row in figures[1:]}
    assert len(figures) == 3 and ids == {observations[2][observations[0].index("id")]}
    appeals = _parse(downloads.build_download(fixture_path, "appeals", Filters(recipients=("SOM",))))
    groups = _parse(downloads.build_download(fixture_path, "appeal_groups", Filters(recipients=("SOM",))))
    assert len(appeals) - 1 == 3 and len(groups) - 1 == 2
    assert {r[appeals[0].index("group_id")] for r in appeals[1:]} == {
        r[groups[0].index("id")] for r in groups[1:]
    }
