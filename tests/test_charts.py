"""Chart functions on small DataFrames (traces, axes, totals, empty states), and the pure helpers."""

from __future__ import annotations

import datetime as dt
import doctest

import pandas as pd
import pytest

from aidtracker.dashboard import charts, downloads, evidence, state, wording


def _months(*pairs):
    return pd.DataFrame(
        [(pd.Timestamp(m), donor, usd) for m, donor, usd in pairs], columns=["month", "donor", "usd"]
    )


@pytest.mark.parametrize("module", [charts, downloads, evidence, state, wording], ids=lambda m: m.__name__)
def test_doctests(module):
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0 and result.failed == 0


@pytest.mark.parametrize(
    ("value", "text"),
    [
        pytest.param(12_500_000, "$12.5M", id="millions"),
        pytest.param(1_250_000_000, "$1.25B", id="billions-not-G"),
        pytest.param(48_000, "$48K", id="thousands"),
        pytest.param(-5_000_000, "-$5M", id="negative"),
        pytest.param(0, "$0", id="zero"),
        pytest.param(float("nan"), "", id="missing"),
    ],
)
def test_money(value, text):
    assert charts.money(value) == text


def test_pledges_over_time_stacks_one_trace_per_donor_with_monthly_totals():
    df = _months(
        ("2023-01-01", "Japan", 10e6),
        ("2023-01-01", "United States", 30e6),
        ("2023-03-01", "Japan", 5e6),
    )
    fig = charts.pledges_over_time(df)
    assert [t.name for t in fig.data] == ["United States", "Japan"]  # largest donor first
    assert all(t.type == "bar" for t in fig.data)
    assert fig.layout.barmode == "relative"
    assert sum(sum(t.y) for t in fig.data) == pytest.approx(45e6)
    assert fig.layout.yaxis.title.text == "USD pledged"
    assert fig.layout.xaxis.title.text == "Month"
    assert "per month" in fig.layout.title.text
    # the tallest month (40M) fits under the top tick, and ticks read as money
    assert max(fig.layout.yaxis.tickvals) >= 40e6
    assert "$40M" in fig.layout.yaxis.ticktext
    japan = next(t for t in fig.data if t.name == "Japan")
    assert list(japan.customdata) == ["$10M", "$5M"]


def test_pledges_over_time_folds_small_donors_into_other():
    df = _months(*[("2023-01-01", f"Donor {i}", float(i + 1)) for i in range(12)])
    fig = charts.pledges_over_time(df, top=3)
    names = [t.name for t in fig.data]
    assert names == ["Donor 11", "Donor 10", "Donor 9", charts.OTHER]
    other = next(t for t in fig.data if t.name == charts.OTHER)
    assert sum(other.y) == pytest.approx(sum(range(1, 10)))


def test_pledges_over_time_uses_years_for_long_spans():
    df = _months(("1987-03-01", "A", 1e6), ("1987-09-01", "A", 2e6), ("2024-01-01", "B", 3e6))
    fig = charts.pledges_over_time(df)
    assert "per year" in fig.layout.title.text
    a = next(t for t in fig.data if t.name == "A")
    assert list(a.y) == [3e6]  # both 1987 months in one bar


def test_top_bar_is_sorted_horizontal_with_money_labels():
    df = pd.DataFrame({"label": ["Japan", "United States", "Norway"], "usd": [15e6, 120e6, 7e6]})
    fig = charts.top_bar(df, "Top donors (cash, USD)", "Donor")
    (bar,) = fig.data
    assert bar.orientation == "h"
    assert list(bar.y) == ["Norway", "Japan", "United States"]  # plotly draws the last on top
    assert list(bar.text) == ["$7M", "$15M", "$120M"]
    assert fig.layout.xaxis.title.text == "USD pledged"
    assert fig.layout.yaxis.title.text == "Donor"


def test_sankey_links_donors_to_recipients_with_the_flow_values():
    df = pd.DataFrame(
        {
            "donor": ["Japan", "Japan", "Germany"],
            "recipient": ["Sudan", "Yemen", "Yemen"],
            "usd": [1e6, 2e6, 4e6],
        }
    )
    fig = charts.flows_sankey(df)
    (sankey,) = fig.data
    labels = list(sankey.node.label)
    assert labels == ["Japan", "Germany", "Sudan", "Yemen"]
    links = {
        (labels[s], labels[t]): v
        for s, t, v in zip(sankey.link.source, sankey.link.target, sankey.link.value, strict=True)
    }
    assert links == {("Japan", "Sudan"): 1e6, ("Japan", "Yemen"): 2e6, ("Germany", "Yemen"): 4e6}
    assert list(sankey.node.customdata) == ["$3M", "$4M", "$1M", "$6M"]  # node totals


def test_choropleth_locates_by_iso3_and_formats_people():
    df = pd.DataFrame({"iso3": ["SDN", "YEM"], "name": ["Sudan", "Yemen"], "value": [25e6, 18.2e6]})
    fig = charts.choropleth(df, "People at risk", "People", people=True)
    (geo,) = fig.data
    assert geo.type == "choropleth"
    assert geo.locationmode == "ISO-3"
    assert list(geo.locations) == ["SDN", "YEM"]
    assert list(geo.customdata) == ["25M", "18.2M"]
    assert geo.colorbar.title.text == "People"


def test_risk_over_time_draws_one_line_per_indicator():
    df = pd.DataFrame(
        {
            "date": pd.to_datetime(["2023-05-01", "2024-02-01", "2024-02-01"]),
            "indicator": ["food_insecure", "food_insecure", "displaced"],
            "people": [20e6, 25e6, 8e6],
        }
    )
    fig = charts.risk_over_time(df, "Sudan")
    assert sorted(t.name for t in fig.data) == ["Displaced", "Food insecure"]
    food = next(t for t in fig.data if t.name == "Food insecure")
    assert list(food.y) == [20e6, 25e6]
    assert fig.layout.yaxis.title.text == "People"
    assert "Sudan" in fig.layout.title.text


def test_usd_per_person_bars_show_the_ratio():
    df = pd.DataFrame({"country": ["Sudan", "Yemen"], "usd": [200e6, 300e6], "people": [25e6, 18e6]})
    df["usd_per_person"] = df["usd"] / df["people"]
    fig = charts.usd_per_person(df)
    (bar,) = fig.data
    assert list(bar.y) == ["Sudan", "Yemen"]
    assert list(bar.text) == ["$8.00", "$16.67"]
    assert fig.layout.xaxis.title.text == "USD per person at risk"


def test_in_kind_keeps_units_apart():
    df = pd.DataFrame(
        {
            "commodity": ["flour", "rice", "vaccines"],
            "unit": ["tonnes", "tonnes", "doses"],
            "quantity": [5000, 3000, 70000],
        }
    )
    fig = charts.in_kind(df)
    assert sorted(t.name for t in fig.data) == ["doses", "tonnes"]
    tonnes = next(t for t in fig.data if t.name == "tonnes")
    assert sum(tonnes.y) == 8000  # tonnes add up only with tonnes
    assert "USD" not in fig.layout.yaxis.title.text


@pytest.mark.parametrize(
    "make",
    [
        pytest.param(
            lambda e: charts.pledges_over_time(e.assign(month=[], donor=[], usd=[])), id="over-time"
        ),
        pytest.param(lambda e: charts.top_bar(e.assign(label=[], usd=[]), "Top donors", "Donor"), id="top"),
        pytest.param(lambda e: charts.flows_sankey(e.assign(donor=[], recipient=[], usd=[])), id="sankey"),
        pytest.param(
            lambda e: charts.choropleth(e.assign(iso3=[], name=[], value=[]), "Map", "USD"), id="map"
        ),
        pytest.param(
            lambda e: charts.risk_over_time(e.assign(date=[], indicator=[], people=[]), "X"), id="risk"
        ),
        pytest.param(
            lambda e: charts.usd_per_person(e.assign(country=[], usd=[], people=[], usd_per_person=[])),
            id="ratio",
        ),
        pytest.param(lambda e: charts.in_kind(e.assign(commodity=[], unit=[], quantity=[])), id="in-kind"),
    ],
)
def test_empty_data_gives_a_titled_figure_with_a_note(make):
    fig = make(pd.DataFrame())
    assert fig.layout.title.text
    assert not fig.data
    assert fig.layout.annotations and "No" in fig.layout.annotations[0].text


def test_an_empty_chart_shows_the_callers_note_a_line_per_line():
    empty = pd.DataFrame({"commodity": [], "unit": [], "quantity": []})
    fig = charts.in_kind(empty, empty="No cash pledges yet\n1 in-kind pledge <b>below</b>")
    assert fig.layout.title.text == charts.IN_KIND_TITLE and not fig.data
    assert (
        fig.layout.annotations[0].text == "No cash pledges yet<br>1 in-kind pledge &lt;b&gt;below&lt;/b&gt;"
    )
    # with no note from its caller, a chart claims nothing about filters
    assert (
        "filter"
        not in charts.top_bar(pd.DataFrame({"label": [], "usd": []}), "t", "x").layout.annotations[0].text
    )


def test_labels_are_escaped_for_plotly_markup():
    df = pd.DataFrame({"label": ["<img src=x onerror=alert(1)>"], "usd": [1e6]})
    (bar,) = charts.top_bar(df, "t", "Donor").data
    assert list(bar.y) == ["&lt;img src=x onerror=alert(1)&gt;"]


def test_plotly_config_ships_the_world_outline_offline():
    url = charts.plotly_config()["topojsonURL"]
    assert url.startswith("data:application/json;base64,") and url.endswith("#")


def test_state_round_trips_through_the_url():
    choices = state.Choices(
        ["Japan", "x'); DROP TABLE pledges; --"],
        ["SDN"],
        ["cash", "in_kind"],
        ["pledged"],
        ["in_need"],
        (dt.date(2020, 1, 1), dt.date(2024, 12, 31)),
    )
    values = {
        "donor": ["x'); DROP TABLE pledges; --"],
        "recipient": ["SDN"],
        "form": ["in_kind"],
        "status": [],
        "indicator": ["in_need"],
        "dates": (dt.date(2021, 1, 1), dt.date(2024, 12, 31)),
        "reports": False,
        "review": "rejected",
    }
    filters = state.to_filters(values, choices)
    assert filters.review == "rejected"
    assert filters.date_from == dt.date(2021, 1, 1) and filters.date_to is None
    params = state.to_query(filters)
    assert state.from_query(params, choices) == values
    # the switch to every report travels in the link too
    every = {**values, "reports": True}
    assert state.to_query(state.to_filters(every, choices))["reports"] == ["1"]
    assert state.from_query(state.to_query(state.to_filters(every, choices)), choices) == every


def test_usd_per_person_switches_to_a_log_axis_for_outliers():
    df = pd.DataFrame({"country": ["A", "B"], "usd": [1e9, 1e6], "people": [1e3, 1e6]})
    df["usd_per_person"] = df["usd"] / df["people"]
    fig = charts.usd_per_person(df)
    assert fig.layout.xaxis.type == "log"
    assert fig.layout.xaxis.title.text.startswith("USD per person at risk")


def test_a_groups_reports_show_why_they_were_grouped_and_fold_beyond_the_first_few():
    def report(i: int) -> dict:
        sentence = f"Norway pledged $12 million to Somalia (<b>report {i}</b>)."
        return {
            "id": f"p{i}",
            "article_id": f"a{i}",
            "title": f"Article {i}",
            "text": "Intro. " + sentence,
            "evidence": sentence,
            "span_start": 7,
            "span_end": 7 + len(sentence),
            "published_on": dt.date(2023, 8, i),
            "source": None,
            "url": None,
            "why": "first report" if i == 1 else "same donor (NOR), same amount (12,000,000 USD)",
        }

    two = evidence.reports_html([report(1), report(2)])
    assert "Reported by 2 articles" in two and two.count('class="aid-evidence"') == 2
    assert "Report 1 of 2 · first report" in two
    assert "Report 2 of 2 · why grouped with report 1: same donor (NOR), same amount (12,000,000 USD)" in two
    assert "<details>" not in two and "<b>" not in two and "&lt;b&gt;report 2&lt;/b&gt;" in two
    five = evidence.reports_html([report(i) for i in range(1, 6)])
    shown, folded = five.split("<details>")
    assert shown.count('class="aid-evidence"') == evidence.OPEN_REPORTS == 3
    assert (
        folded.startswith("<summary>2 more reports</summary>") and folded.count('class="aid-evidence"') == 2
    )


def test_evidence_in_a_long_article_opens_near_the_sentence_with_the_whole_text_one_click_away():
    text = "Background <b>sentence</b>. " * 100 + "Japan pledged $5 million to Chad. The end."
    start = text.index("Japan")
    rec = {
        "title": "<script>alert(1)</script>",
        "text": text,
        "evidence": "Japan pledged $5 million to Chad.",
        "span_start": start,
        "span_end": start + 33,
        "published_on": dt.date(2024, 1, 2),
        "source": "wire",
        "url": "https://example.org/a",
    }
    out = evidence.evidence_html(rec)
    excerpt, whole = out.split("<details>")
    assert excerpt.count("<mark>Japan pledged $5 million to Chad.</mark>") == 1
    assert "… " in excerpt and len(excerpt) < len(whole)
    assert "<summary>Whole article</summary>" in whole and whole.count("&lt;b&gt;sentence&lt;/b&gt;") == 100
    assert "<script>" not in out and "<b>" not in out
    assert '<a href="https://example.org/a"' in out and "2024-01-02" in out
