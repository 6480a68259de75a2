"""Dates in article text: the article's own date when its metadata has none, and dates a sentence states.

>>> infer_article_date("In the middle of October they visited. The Taliban rule since August 2021.")
(datetime.date(2021, 10, 1), 'month')
>>> [d.date for d in find_dates("It was announced on 15 March 2022 and again on 31 February 2022.")]
[datetime.date(2022, 3, 15), None]
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from aidtracker.etl import gazetteer


@cache
def _month_pattern() -> str:
    """A month's name or abbreviation, capitalized as news text writes it, with its full stop."""
    return gazetteer.alternation([m.capitalize() for m in gazetteer.months()], whole_words=False) + r"\.?"


@cache
def _date() -> re.Pattern[str]:
    """A date: a day and a month in either order, with or without a year, or a month and a year."""
    return re.compile(
        r"""
        (?<![\w])
        (?:
            (?P<d1>\d{1,2})(?:st|nd|rd|th)?\s+(?P<m1>MONTH)(?:,?\s+(?P<y1>1[89]\d\d|20\d\d))?  # 15 March 2022
          | (?P<m2>MONTH)\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?(?![\d,.]\d)                   # March 15
            (?:,?\s+(?P<y2>1[89]\d\d|20\d\d))?                                           # , 2022
          | (?P<m3>MONTH)\s+(?P<y3>1[89]\d\d|20\d\d)                                      # August 2021
        )
        (?![\w])
        """.replace("MONTH", _month_pattern()),
        re.VERBOSE,
    )


@cache
def _bare_month() -> re.Pattern[str]:
    """A month named alone as the time of writing: "In the middle of October", "early this month"."""
    lead = gazetteer.alternation(gazetteer.words("month_lead"))
    return re.compile(r"(?P<lead>" + lead + r"\s+)?(?P<m>" + _month_pattern() + r")(?!\s*\d)")


@cache
def _year() -> re.Pattern[str]:
    """A year, after the word that may make it a deadline rather than a time of writing ("by 2030")."""
    lead = gazetteer.alternation(gazetteer.words("year_lead"))
    return re.compile(r"(?<![\w$£€.,-])(?P<lead>" + lead + r"\s+)?(?P<y>1[89]\d\d|20\d\d)(?![\w%-])")


@dataclass(frozen=True)
class DateMention:
    """A date a text states: `date` when it is complete and valid, else None (e.g. "July 15")."""

    start: int
    end: int
    raw: str
    year: int | None
    month: int
    day: int | None
    date: dt.date | None


def _month(word: str) -> int:
    return gazetteer.months()[word.lower().rstrip(".")]


def _safe_date(year: int | None, month: int, day: int | None) -> dt.date | None:
    if year is None or day is None:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None  # "31 February": junk in the text, not a date


def find_dates(text: str) -> list[DateMention]:
    """Dates the text states, complete or partial, in order; invalid ones have date=None."""
    out = []
    for m in _date().finditer(text):
        if m.group("m1"):
            day, month, year = int(m.group("d1")), _month(m.group("m1")), m.group("y1")
        elif m.group("m2"):
            day, month, year = int(m.group("d2")), _month(m.group("m2")), m.group("y2")
        else:
            day, month, year = None, _month(m.group("m3")), m.group("y3")
        if m.group("m2") and m.group("m2").lower() in gazetteer.words("hedge") and not year:
            continue  # "may 5" is usually the verb
        y = int(year) if year else None
        out.append(DateMention(m.start(), m.end(), m.group(0), y, month, day, _safe_date(y, month, day)))
    return out


def resolve_partial(mention: DateMention, reference: dt.date | None) -> dt.date | None:
    """A partial date ("July 15") completed with the year of `reference` (the article's date)."""
    if mention.date is not None:
        return mention.date
    if reference is None:
        return None
    year = mention.year or reference.year
    return _safe_date(year, mention.month, mention.day or 1)


def infer_article_date(text: str, title: str | None = None) -> tuple[dt.date, str] | None:
    """The date an undated article was written, as (date, precision 'day'|'month'|'year'), or None.

    Read from the text only, never from the clock: a complete date in the title
    wins; else the latest year the text refers to, with the month it names as
    the present ("in the middle of October"); else that year alone.
    """
    try:
        return _infer(text or "", title or "")
    except (ValueError, KeyError, OverflowError):
        return None


def _infer(text: str, title: str) -> tuple[dt.date, str] | None:
    for m in find_dates(title):
        if m.date is not None:
            return m.date, "day"
    found = find_dates(text)
    years: list[int] = []
    since: list[tuple[int, int]] = []
    for m in found:
        if m.year is not None:
            years.append(m.year)
            lead = text[max(0, m.start - 7) : m.start].lower()
            if "since" in lead or "from" in lead:
                since.append((m.year, m.month))
    for y in _year().finditer(text):
        if not y.group("lead"):
            years.append(int(y.group("y")))
    if not years:
        return None
    year = max(years)
    with_year = [(m.start, m.end) for m in found if _has_year(text[m.start : m.end])]
    bare = next(
        (
            m
            for m in _bare_month().finditer(text)
            if m.group("lead")
            and not any(s <= m.start("m") < e for s, e in with_year)
            and m.group("m").lower() not in gazetteer.words("hedge")
        ),
        None,
    )
    if bare is not None:
        month = _month(bare.group("m"))
        for since_year, since_month in since:
            if since_year == year and month < since_month:
                year += 1
        return dt.date(year, month, 1), "month"
    months = [m.month for m in found if m.year == year]
    if months:
        return dt.date(year, max(months), 1), "month"
    return dt.date(year, 1, 1), "year"


_YEAR = re.compile(r"1[89]\d\d|20\d\d")  # a year as news writes one, 1800-2099


def _has_year(s: str) -> bool:
    return _YEAR.search(s) is not None
