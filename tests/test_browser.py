"""End to end: the real dashboard server, driven by Debian's headless Chromium through Playwright."""

from __future__ import annotations

import csv
import io
import re

import dashboard_db
import pytest
from playwright.sync_api import expect
from screenshot import launch, serve, wait_for_app

from aidtracker.dashboard import charts, queries
from aidtracker.dashboard.queries import Filters

pytestmark = pytest.mark.browser

DONOR = "United States"
FLOWS = queries.shown_table("pledges", Filters())  # what the Pledges tab lists by default


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    db = dashboard_db.etl_db(tmp_path_factory)
    log = tmp_path_factory.mktemp("server") / "server.log"
    with serve(db, log) as url:
        yield url, db, log


@pytest.fixture
def page(server, tmp_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = launch(pw)
        context = browser.new_context(viewport={"width": 1440, "height": 1000}, accept_downloads=True)
        page = context.new_page()
        page.dialogs = []
        page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
        yield page
        context.close()
        browser.close()


def _rerun_done(page) -> None:
    page.wait_for_timeout(300)
    wait_for_app(page, charts=False)


def _open_tab(page, name: str) -> None:
    """Click a tab; the click reruns the script, which fills only the open tab, so wait for it."""
    page.get_by_role("tab", name=name).click()
    expect(page.get_by_role("tab", name=name)).to_have_attribute("aria-selected", "true")
    _rerun_done(page)


def _pick(page, label: str, option: str) -> None:
    """Choose one option of a sidebar multiselect by typing to search it, then clicking it."""
    box = page.locator('[data-testid="stMultiSelect"]').filter(has_text=label).first
    box.locator("input").click()
    box.locator("input").fill(option[:12])
    page.get_by_role("option", name=re.compile("^" + re.escape(option) + r" \(\d+\)$")).click()
    page.keyboard.press("Escape")
    _rerun_done(page)


def _expect_rows(page, n: int) -> None:
    """The open table tab says it has n rows (waiting for the rerun to get there)."""
    counter = page.get_by_role("tabpanel").get_by_text(re.compile(r"rows? · showing"))
    expect(counter).to_have_text(re.compile(f"^{n:,} rows? ·"), timeout=30_000)


def _legend(page) -> list[str]:
    """The donors in the legend of the first chart (pledges over time)."""
    return page.locator(".js-plotly-plot").first.locator("g.legend text.legendtext").all_inner_texts()


def test_pick_a_donor_see_tables_and_charts_change_and_download(server, page, tmp_path):
    url, db, _ = server
    page.goto(url)
    wait_for_app(page)
    legend_before = _legend(page)
    assert len(legend_before) > 1
    # the page opens on Overview; a closed tab's content (here the tables) is not built
    assert page.get_by_text(re.compile(r"rows? · showing")).count() == 0

    _open_tab(page, "Pledges")
    total = queries.table_count(db, FLOWS, Filters())
    _expect_rows(page, total)

    _pick(page, "Donor", DONOR)
    expected = queries.table_count(db, FLOWS, Filters(donors=(DONOR,)))
    assert 0 < expected < total
    _expect_rows(page, expected)
    assert "donor=United+States" in page.url or "donor=United%20States" in page.url

    _open_tab(page, "Overview")
    legend = page.locator(".js-plotly-plot").first.locator("g.legend text.legendtext")
    expect(legend).to_have_text([DONOR], timeout=30_000)

    _open_tab(page, "Pledges")
    with page.expect_download() as info:
        page.get_by_role("tabpanel").get_by_role("button", name="Download CSV").click()
    download = info.value
    assert download.suggested_filename == "aidtracker-flows.csv"
    path = tmp_path / download.suggested_filename
    download.save_as(path)
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    assert len(rows) == expected
    assert {r["donor"] for r in rows} == {DONOR}

    # a reload keeps the filter: it lives in the URL
    page.reload()
    wait_for_app(page)
    _open_tab(page, "Pledges")
    _expect_rows(page, expected)

    page.screenshot(path=str(tmp_path / "dashboard.png"))
    assert (tmp_path / "dashboard.png").stat().st_size > 10_000


def test_html_in_an_article_title_never_runs(server, page, tmp_path):
    url, db, _ = server
    page.goto(url)
    wait_for_app(page)
    _pick(page, "Donor", dashboard_db.INJECTION_DONOR)
    _open_tab(page, "Pledges")
    _expect_rows(page, 1)
    evidence = page.get_by_role("tabpanel").locator(".aid-evidence")
    evidence.wait_for()
    assert evidence.get_by_text(dashboard_db.HOSTILE_TITLE, exact=True).is_visible()
    assert "<script>window.__pwned = 1</script>" in evidence.inner_text()
    assert evidence.locator("mark").filter(has_text="A donor with a hostile name").count() == 1
    page.wait_for_timeout(500)
    assert page.dialogs == []
    assert page.evaluate("() => window.__pwned === undefined")
    assert page.locator('img[src="x"]').count() == 0
    assert page.locator('a[href^="javascript:"]').count() == 0
    page.screenshot(path=str(tmp_path / "hostile.png"))
    # nothing was dropped by the hostile donor name
    assert queries.table_count(db, "pledges", Filters()) > 1


def test_maps_draw_offline(server, page):
    url, _, _ = server
    console: list[str] = []
    page.on("console", lambda m: console.append(m.text))
    page.goto(url)
    wait_for_app(page)
    _open_tab(page, "Maps")
    maps = page.get_by_role("tabpanel").locator(".js-plotly-plot")
    # a country too small for the 110m outline (some in the grown corpus) draws no path: skip it
    maps.first.locator("path.choroplethlocation").filter(visible=True).first.wait_for(timeout=30_000)
    # the world outline came from the shipped topojson: countries without data are drawn too
    assert maps.first.locator("path.choroplethlocation").count() > 3
    land = maps.first.locator("g.land path, g.countries path")
    assert land.count() >= 2
    assert all(len(d or "") > 10_000 for d in land.evaluate_all("ps => ps.map(p => p.getAttribute('d'))"))
    assert not [m for m in console if "topojson" in m.lower()]


@pytest.fixture(scope="module")
def fixture_server(tmp_path_factory):
    """The server on the invented rows, where two articles report one pledge."""
    db = dashboard_db.build_fixture_db(tmp_path_factory.mktemp("fixture") / "fixture.duckdb")
    log = tmp_path_factory.mktemp("fixture-server") / "server.log"
    with serve(db, log) as url:
        yield url, db, log


def _pledges_metric(page):
    return page.locator('[data-testid="stMetric"]').filter(has_text="Pledges")


def test_a_pledge_two_articles_report_counts_once_until_the_switch_shows_every_report(fixture_server, page):
    url, _, _ = fixture_server
    page.goto(f"{url}/?donor={dashboard_db.REPEATED_DONOR}&recipient=SOM")
    wait_for_app(page)
    expect(_pledges_metric(page).locator('[data-testid="stMetricValue"]')).to_have_text("1")
    expect(_pledges_metric(page)).to_contain_text("from 2 reports")

    _open_tab(page, "Pledges")
    _expect_rows(page, 1)
    reports = page.get_by_role("tabpanel").locator(".aid-reports")
    reports.wait_for()
    expect(reports).to_contain_text("Reported by 2 articles")
    expect(reports.locator("mark")).to_have_text([dashboard_db.REPEATED_PLEDGE, dashboard_db.REPEATED_AGAIN])
    expect(reports).to_contain_text("why grouped with report 1: same donor (NOR), same amount")

    page.get_by_text("Show every report").click()
    _rerun_done(page)
    expect(_pledges_metric(page).locator('[data-testid="stMetricValue"]')).to_have_text("2")
    _expect_rows(page, 2)
    assert "reports=1" in page.url
    expect(page.get_by_role("tabpanel").locator(".aid-reports")).to_have_count(0)
    expect(page.get_by_role("tabpanel").locator(".aid-evidence mark")).to_have_count(1)


@pytest.fixture(scope="module")
def review_server(tmp_path_factory):
    """The server on its own copy of the invented rows, served on 127.0.0.1: review is on."""
    db = dashboard_db.build_fixture_db(tmp_path_factory.mktemp("review") / "review.duckdb")
    log = tmp_path_factory.mktemp("review-server") / "server.log"
    with serve(db, log) as url:
        yield url, db, log


def _metric_value(page, label: str):
    metric = page.locator('[data-testid="stMetric"]').filter(has_text=label).first
    return metric.locator('[data-testid="stMetricValue"]')


def test_confirm_a_fact_and_correct_another_and_see_the_charts_change(review_server, page):
    url, db, _ = review_server
    page.goto(f"{url}/?reports=1&donor=European+Union")
    wait_for_app(page)
    name = page.get_by_label("Your name", exact=True).and_(page.get_by_role("textbox"))
    name.fill("Ana Analyst")
    name.press("Enter")
    _rerun_done(page)
    _open_tab(page, "Pledges")
    _expect_rows(page, 1)
    panel = page.get_by_role("tabpanel").locator(".st-key-review_pledges")
    expect(panel).to_contain_text("Not reviewed yet")
    panel.get_by_role("button", name="Confirm").click()
    expect(page.get_by_text(re.compile("Saved the confirmation"))).to_be_visible(timeout=30_000)
    expect(page.get_by_text(re.compile(r"Reviewed: 1 of \d+ extracted facts"))).to_be_visible()
    _rerun_done(page)
    expect(page.get_by_role("tabpanel").locator(".st-key-review_pledges")).to_contain_text(
        "Confirmed by Ana Analyst"
    )

    # Germany's pledge to Yemen is really to Ethiopia: the recipient is corrected
    page.goto(f"{url}/?reports=1&recipient=YEM")
    wait_for_app(page)
    expect(_metric_value(page, "Pledged (cash, USD)")).to_have_text(charts.money(106.5e6 + 128.9e6 + 80e6))
    page.goto(f"{url}/?reports=1&donor=Germany")
    wait_for_app(page)
    page.get_by_label("Your name", exact=True).and_(page.get_by_role("textbox")).fill("Ana Analyst")
    page.get_by_label("Your name", exact=True).and_(page.get_by_role("textbox")).press("Enter")
    _rerun_done(page)
    _open_tab(page, "Pledges")
    _expect_rows(page, 1)
    panel = page.get_by_role("tabpanel").locator(".st-key-review_pledges")
    panel.locator('[data-testid="stRadio"]').get_by_text("Correct", exact=True).click()
    _rerun_done(page)
    field = panel.get_by_label("Recipient country (ISO3)")
    expect(field).to_have_value("YEM")
    field.fill("ETH")
    panel.get_by_role("button", name="Save correction").click()
    expect(page.get_by_text(re.compile("Saved the correction"))).to_be_visible(timeout=30_000)
    _rerun_done(page)
    _open_tab(page, "Overview")
    plots = page.get_by_role("tabpanel").locator(".js-plotly-plot")
    expect(plots.filter(has_text="Top recipient countries")).to_contain_text("Ethiopia", timeout=30_000)
    # and the headline of the old recipient lost it
    page.goto(f"{url}/?reports=1&recipient=YEM")
    wait_for_app(page)
    expect(_metric_value(page, "Pledged (cash, USD)")).to_have_text(charts.money(106.5e6 + 80e6))
    rows = queries.table_rows(db, "pledges", Filters(review="confirmed"))
    assert sorted(rows["review_status"]) == ["confirmed", "corrected"]
    assert set(rows["reviewed_by"]) == {"Ana Analyst"}


@pytest.mark.parametrize("which", ["server", "fixture_server", "review_server"])
def test_server_log_has_no_traceback(which, request):
    _, _, log = request.getfixturevalue(which)
    text = log.read_text()
    assert "Traceback" not in text and "Error" not in text, text
