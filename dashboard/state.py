"""Filter state as URL query parameters and back: what makes a filtered view a shareable link."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from aidtracker.dashboard.queries import REVIEW_CHOICES, Filters

# session-state key of each sidebar widget -> its URL query parameter
LIST_PARAMS = {
    "donor": "donor",
    "recipient": "recipient",
    "form": "form",
    "status": "status",
    "indicator": "indicator",
}
DATES_KEY = "dates"
FROM_PARAM, TO_PARAM = "from", "to"
# the sidebar's switch to every report (session-state key and URL parameter); not a filter, so
# clearing the filters keeps it
REPORTS_KEY = REPORTS_PARAM = "reports"
# the review filter (session-state key and URL parameter): one of REVIEW_CHOICES, 'all' by default
REVIEW_KEY = REVIEW_PARAM = "review"


@dataclass(frozen=True)
class Choices:
    """The values each filter may take (what the database holds)."""

    donor: Sequence[str]
    recipient: Sequence[str]
    form: Sequence[str]
    status: Sequence[str]
    indicator: Sequence[str]
    bounds: tuple[dt.date, dt.date] | None


def _date(text: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text) if text else None
    except ValueError:
        return None


def _last(params: Mapping[str, Sequence[str]], name: str) -> str | None:
    values = params.get(name) or ()
    return values[-1] if values else None


def defaults(choices: Choices) -> dict[str, object]:
    """Widget values meaning "no filter"."""
    out: dict[str, object] = {key: [] for key in LIST_PARAMS}
    out[REVIEW_KEY] = REVIEW_CHOICES[0]
    if choices.bounds:
        out[DATES_KEY] = choices.bounds
    return out


def from_query(params: Mapping[str, Sequence[str]], choices: Choices) -> dict[str, object]:
    """Widget values from URL parameters (each a list of strings); unknown values are dropped.

    >>> c = Choices(["Japan"], ["SDN"], ["cash"], [], [], (dt.date(2020, 1, 1), dt.date(2024, 12, 31)))
    >>> v = from_query({"donor": ["Japan", "Nowhere"], "from": ["2022-01-01"]}, c)
    >>> v["donor"], v["recipient"], v["dates"], v["reports"]
    (['Japan'], [], (datetime.date(2022, 1, 1), datetime.date(2024, 12, 31)), False)
    >>> from_query({"reports": ["1"]}, c)["reports"]
    True
    >>> from_query({"review": ["rejected"]}, c)["review"], from_query({"review": ["x'--"]}, c)["review"]
    ('rejected', 'all')
    """
    values = defaults(choices)
    values[REPORTS_KEY] = _last(params, REPORTS_PARAM) == "1"
    review = _last(params, REVIEW_PARAM)
    if review in REVIEW_CHOICES:
        values[REVIEW_KEY] = review
    for key, param in LIST_PARAMS.items():
        allowed = set(getattr(choices, key))
        values[key] = list(dict.fromkeys(v for v in params.get(param, []) if v in allowed))
    if choices.bounds:
        lo, hi = choices.bounds
        start = _date(_last(params, FROM_PARAM)) or lo
        end = _date(_last(params, TO_PARAM)) or hi
        start, end = min(max(start, lo), hi), max(min(end, hi), lo)
        values[DATES_KEY] = (start, end) if start <= end else (lo, hi)
    return values


def to_filters(values: Mapping[str, object], choices: Choices) -> Filters:
    """The query filters the widget values stand for; the full date range means no date filter.

    >>> c = Choices([], [], [], [], [], (dt.date(2020, 1, 1), dt.date(2024, 12, 31)))
    >>> to_filters({"donor": ["Japan"], "dates": (dt.date(2020, 1, 1), dt.date(2023, 1, 1))}, c)
    Filters(donors=('Japan',), recipients=(), date_from=None, date_to=datetime.date(2023, 1, 1), \
aid_forms=(), statuses=(), indicators=(), reports=False, review='all')
    """
    date_from = date_to = None
    dates = values.get(DATES_KEY) or ()
    if choices.bounds and isinstance(dates, Sequence) and dates:
        lo, hi = choices.bounds
        date_from = dates[0] if dates[0] > lo else None
        # a range still being picked in the browser has its start only
        date_to = dates[1] if len(dates) > 1 and dates[1] < hi else None

    def picked(key: str) -> tuple[str, ...]:
        return tuple(values.get(key) or ())  # type: ignore[arg-type]

    return Filters(
        donors=picked("donor"),
        recipients=picked("recipient"),
        date_from=date_from,
        date_to=date_to,
        aid_forms=picked("form"),
        statuses=picked("status"),
        indicators=picked("indicator"),
        reports=bool(values.get(REPORTS_KEY)),
        review=str(review) if (review := values.get(REVIEW_KEY)) in REVIEW_CHOICES else REVIEW_CHOICES[0],
    )


def to_query(filters: Filters) -> dict[str, list[str]]:
    """URL parameters for the filters; filters not in use leave no parameter.

    >>> to_query(Filters(donors=("Japan", "x'); --"), date_to=dt.date(2023, 1, 1)))
    {'donor': ['Japan', "x'); --"], 'to': ['2023-01-01']}
    >>> to_query(Filters(reports=True, review="confirmed"))
    {'reports': ['1'], 'review': ['confirmed']}
    """
    out: dict[str, list[str]] = {}
    for param, value in (
        ("donor", filters.donors),
        ("recipient", filters.recipients),
        (FROM_PARAM, (filters.date_from.isoformat(),) if filters.date_from else ()),
        (TO_PARAM, (filters.date_to.isoformat(),) if filters.date_to else ()),
        ("form", filters.aid_forms),
        ("status", filters.statuses),
        ("indicator", filters.indicators),
        (REPORTS_PARAM, ("1",) if filters.reports else ()),
        (REVIEW_PARAM, (filters.review,) if filters.review != REVIEW_CHOICES[0] else ()),
    ):
        if value:
            out[param] = list(value)
    return out
