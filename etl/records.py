"""Frozen records passed between the ETL stages: articles read, facts extracted."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class Article:
    """One article as read from a file, before any extraction.

    `text` is the body without the title line; every span in an extracted
    record is a character offset into it. `published_on` is the date the
    article's own metadata gives (front matter, HTML meta, feed entry, JSON
    field), or None: inferring a date from the text is normalize's job.
    """

    article_id: str
    title: str | None
    text: str
    published_on: dt.date | None
    source: str | None
    url: str | None
    origin: str  # the file (and line or entry) it came from, for messages
    country_iso3: str | None = None  # a country the metadata names (ReliefWeb primary_country)


@dataclass(frozen=True)
class Rejected:
    """An input that could not be read: which one and why, in words for a user."""

    source: str
    reason: str


@dataclass(frozen=True)
class Pledge:
    """A donor commits money or goods to a destination (GUIDELINES.md section 1).

    Values are as the text states them: `unit` is an ISO 4217 code for money or
    the physical unit the text uses for goods ('tonnes', 'lb', 'kg', 'doses');
    converting to USD and to metric tonnes is normalize's job.
    """

    donor: str
    donor_iso3: str | None
    donor_kind: str | None
    recipient: str | None
    recipient_iso3: str | None
    channel: str | None
    amount: float
    unit: str
    amount_raw: str  # the matched text, e.g. "$1.2bn"
    aid_form: str  # 'cash' | 'in_kind'
    commodity: str | None
    status: str  # 'pledged' | 'delivered'
    announced_on: dt.date | None  # an explicit date in the sentence, else None
    date_raw: str | None
    evidence: str  # the sentence, == text[span_start:span_end]
    span_start: int
    span_end: int
    confidence: float


@dataclass(frozen=True)
class RiskFigure:
    """A count of people in an adverse condition (GUIDELINES.md section 2)."""

    country: str | None
    country_iso3: str | None
    people: float
    people_raw: str  # the matched text, e.g. "about 23 million"
    indicator: str  # famine_risk | food_insecure | in_need | displaced | malnourished | affected
    population_group: str | None
    source_org: str | None
    qualifier: str | None  # about | more_than | up_to | nearly | exactly
    as_of: dt.date | None
    evidence: str
    span_start: int
    span_end: int
    confidence: float


@dataclass(frozen=True)
class Appeal:
    """An organization's stated funding requirement for a place (GUIDELINES.md section 3)."""

    organization: str | None
    country_iso3: str | None
    amount: float
    unit: str
    amount_raw: str
    evidence: str
    span_start: int
    span_end: int
    confidence: float


Fact = Pledge | RiskFigure | Appeal
