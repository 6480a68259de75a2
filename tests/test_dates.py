"""Dates: the article's date inferred from its text, and the dates a sentence states."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aidtracker.etl.dates import find_dates, infer_article_date, resolve_partial

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_cc348ac55cf4c536.txt"


def test_seed_article_is_dated_october_2021_by_its_text() -> None:
    title, text = SEED.read_text(encoding="utf-8").split("\n", 1)
    assert infer_article_date(text, title) == (dt.date(2021, 10, 1), "month")


@pytest.mark.parametrize(
    ("text", "title", "expected"),
    [
        pytest.param(
            "In the middle of October the mission arrived; rule since August 2021.",
            None,
            (dt.date(2021, 10, 1), "month"),
            id="present-month-after-since",
        ),
        pytest.param(
            "In early February the talks resumed, a war raging since November 2021.",
            None,
            (dt.date(2022, 2, 1), "month"),
            id="present-month-rolls-into-next-year",
        ),
        pytest.param(
            "Aid flows grew.",
            "Sudan: Humanitarian Update (May 12, 2023)",
            (dt.date(2023, 5, 12), "day"),
            id="complete-date-in-title",
        ),
        pytest.param(
            "As of August 2022, six million people were displaced.",
            None,
            (dt.date(2022, 8, 1), "month"),
            id="month-and-year-only",
        ),
        pytest.param(
            "Floods in 2016 and 2017 hit the north.",
            None,
            (dt.date(2017, 1, 1), "year"),
            id="latest-year-only",
        ),
        pytest.param("Rain has raised the prospect of good crops.", None, None, id="no-date-at-all"),
        pytest.param("", None, None, id="empty"),
    ],
)
def test_infer_article_date(text: str, title: str | None, expected) -> None:
    assert infer_article_date(text, title) == expected


def test_future_targets_do_not_date_the_article() -> None:
    got = infer_article_date("Since 2019 the plan has run; population will reach 400 million by 2050.")
    assert got == (dt.date(2019, 1, 1), "year")


def test_never_the_clock() -> None:
    assert infer_article_date("No year is named here, only Tuesday.") is None


@pytest.mark.parametrize(
    ("sentence", "raw", "date"),
    [
        pytest.param(
            "Pledged on 15 March 2022 in Warsaw.", "15 March 2022", dt.date(2022, 3, 15), id="day-month-year"
        ),
        pytest.param(
            "Announced March 15, 2022, by the minister.",
            "March 15, 2022",
            dt.date(2022, 3, 15),
            id="month-day-comma-year",
        ),
        pytest.param("Following the July 15 announcement.", "July 15", None, id="partial-needs-article-year"),
        pytest.param("Signed on 31 February 2022.", "31 February 2022", None, id="impossible-day-tolerated"),
        pytest.param("The tender closes Sept. 9.", "Sept. 9", None, id="abbreviated-month"),
    ],
)
def test_find_dates(sentence: str, raw: str, date) -> None:
    found = find_dates(sentence)
    assert [d.raw for d in found] == [raw]
    assert found[0].date == date


def test_may_the_verb_is_not_a_date() -> None:
    assert find_dates("Famine may 5 times worse") == []


def test_resolve_partial_uses_the_article_year() -> None:
    (july,) = find_dates("the July 15 announcement")
    assert resolve_partial(july, dt.date(2022, 7, 16)) == dt.date(2022, 7, 15)
    assert resolve_partial(july, None) is None
    (junk,) = find_dates("on 31 February")
    assert resolve_partial(junk, dt.date(2022, 1, 1)) is None


@given(st.text(max_size=300), st.one_of(st.none(), st.text(max_size=80)))
def test_inference_never_raises(text: str, title: str | None) -> None:
    got = infer_article_date(text, title)
    assert got is None or (isinstance(got[0], dt.date) and got[1] in ("day", "month", "year"))
