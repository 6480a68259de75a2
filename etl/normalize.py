"""Turn an article and its facts into table rows: USD at the ECB rate, tonnes, stable ids."""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from typing import Any

from aidtracker.etl import dates, gazetteer
from aidtracker.etl.records import Appeal, Article, Fact, Pledge, RiskFigure

# ISO 4217 codes are exactly three capital letters; goods units are plain lowercase nouns
# ('tonnes', 'doses'), so the shape alone tells money from goods, historic codes (DEM, FRF) included.
_ISO_4217 = re.compile(r"[A-Z]{3}")

# Lone surrogates (from JSON "\ud800" escapes) cannot be encoded as UTF-8, so neither Arrow
# nor DuckDB can store them; U+FFFD keeps the string's length and hence every span offset.
_SURROGATES = re.compile("[\ud800-\udfff]")

STATUSES = frozenset({"pledged", "delivered"})

Row = dict[str, Any]


@dataclass(frozen=True)
class ArticleRows:
    """Everything one article contributes to the tables, loaded together or not at all.

    `article` lacks `ingested_at`, which the loader stamps; `dropped` lists, in words,
    facts that could not be stored (a non-finite amount, a span outside the text).
    """

    article: Row
    pledges: tuple[Row, ...]
    risk_figures: tuple[Row, ...]
    appeals: tuple[Row, ...]
    origin: str = ""  # the input it came from, for messages
    dropped: tuple[str, ...] = ()


def clean_str(value: str | None) -> str | None:
    """The string with lone surrogates replaced, so it can be stored; same length.

    >>> clean_str("ok\\ud800")
    'ok\\ufffd'
    >>> clean_str(None) is None
    True
    """
    if value is None or value.isascii():  # isascii() is O(1): most text needs no scan
        return value
    return _SURROGATES.sub("\ufffd", value)


def is_money(unit: str) -> bool:
    """True for an ISO 4217 currency code, False for a unit of goods.

    >>> is_money("USD"), is_money("DEM"), is_money("tonnes")
    (True, True, False)
    """
    return _ISO_4217.fullmatch(unit) is not None


def content_sha256(article: Article) -> str:
    """A hash of everything read from the article's input, to skip it when unchanged.

    >>> a = Article("x", "T", "body", None, None, None, "f.txt")
    >>> content_sha256(a) == content_sha256(Article("x", "T", "body", None, None, None, "other.txt"))
    True
    >>> content_sha256(a) == content_sha256(Article("x", "T", "body!", None, None, None, "f.txt"))
    False
    """
    # The origin (file name) is left out: moving a file does not change the article.
    parts = (
        article.article_id,
        article.title,
        article.text,
        article.published_on.isoformat() if article.published_on else None,
        article.source,
        article.url,
        article.country_iso3,
    )
    digest = hashlib.sha256()
    for part in parts:
        # A marker per field keeps ("ab", "c") and ("a", "bc") apart, and None apart from "".
        if part is None:
            digest.update(b"\x00N")
        else:
            encoded = part.encode("utf-8", "surrogatepass")
            digest.update(b"\x00S%d:" % len(encoded) + encoded)
    return digest.hexdigest()


def record_id(article_id: str, kind: str, span_start: int, span_end: int, raw: str, index: int) -> str:
    """A record's stable id: the same fact of the same article gets the same id on every run.

    A fact is named by its sentence and the text it was read from ("$5 million"), and `index`
    counts the earlier facts read from the same text of that sentence ("$5 million each" for
    two donors). So a rule that finds another fact in the sentence leaves the others' ids as
    they were, and an analyst's review of them (etl.reviews) still applies.

    >>> record_id("a1", "pledge", 0, 10, "$5m", 0) == record_id("a1", "pledge", 0, 10, "$5m", 0)
    True
    >>> record_id("a1", "pledge", 0, 10, "$5m", 0) == record_id("a1", "pledge", 0, 10, "$5m", 1)
    False
    >>> record_id("a1", "pledge", 0, 10, "$5m", 0) == record_id("a1", "pledge", 0, 10, "$6m", 0)
    False
    """
    key = "\x1f".join((article_id, kind, str(span_start), str(span_end), raw, str(index)))
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def article_date(article: Article) -> tuple[dt.date | None, str]:
    """The article's date and where it came from: 'metadata', 'text' or 'unknown'.

    A month-precision date from the text is stored as the 1st of the month, a year as
    1 January; never the date of ingestion.

    >>> article_date(Article("x", None, "t", dt.date(2021, 10, 5), None, None, "f"))
    (datetime.date(2021, 10, 5), 'metadata')
    """
    if article.published_on is not None:
        return article.published_on, "metadata"
    inferred = dates.infer_article_date(article.text, article.title)
    if inferred is None:
        return None, "unknown"
    day, precision = inferred
    if precision == "month":
        day = day.replace(day=1)
    elif precision == "year":
        day = day.replace(month=1, day=1)
    return day, "text"


@cache
def _converter() -> Any:
    """The ECB rates, loaded once per process on first use (about 0.2 s), never at import."""
    from currency_converter import CurrencyConverter

    # 'last_known' fills weekends and holidays with the nearest earlier rate;
    # fallback_on_wrong_date=False makes a date outside a currency's range raise, and
    # to_usd() decides what that means (after the range: last rate; before it: no rate).
    return CurrencyConverter(
        fallback_on_missing_rate=True,
        fallback_on_missing_rate_method="last_known",
        fallback_on_wrong_date=False,
    )


def to_usd(amount: float, currency: str, on: dt.date | None) -> float | None:
    """`amount` of `currency` in US dollars at the ECB reference rate of `on` (nearest earlier rate).

    None when no rate exists: a currency the ECB does not quote (DEM), a date before
    its first rate (the series start in 1999), or no date at all.

    >>> to_usd(100.0, "USD", None)
    100.0
    >>> round(to_usd(100.0, "EUR", dt.date(2014, 3, 28)), 2)
    137.59
    >>> to_usd(100.0, "EUR", dt.date(2014, 3, 29)) == to_usd(100.0, "EUR", dt.date(2014, 3, 28))
    True
    >>> to_usd(47e6, "DEM", dt.date(1987, 3, 2)) is None, to_usd(5.0, "AUD", dt.date(1987, 3, 2)) is None
    (True, True)
    """
    if currency == "USD":
        return float(amount)
    if on is None:
        return None
    from currency_converter import RateNotFoundError

    conv = _converter()
    if currency not in conv.currencies:
        return None
    # Each leg at its own nearest earlier rate: a currency that left the ECB's list (CYP in
    # 2008) keeps its last rate while the dollar leg uses the day's rate.
    legs = ((currency, "EUR"), ("EUR", "USD"))
    value = float(amount)
    for src, dst in legs:
        code = dst if src == conv.ref_currency else src
        first, last = conv.bounds[code]
        if on < first:
            return None
        try:
            value = conv.convert(value, src, dst, date=min(on, last))
        except RateNotFoundError:
            return None
    return value if math.isfinite(value) else None


def _check(fact: Fact, text: str) -> str | None:
    """Why a fact cannot be stored, or None when it can."""
    if not (0 <= fact.span_start <= fact.span_end <= len(text)):
        return f"span {fact.span_start}-{fact.span_end} lies outside the text"
    value = fact.people if isinstance(fact, RiskFigure) else fact.amount
    if not (isinstance(value, int | float) and math.isfinite(value) and value >= 0):
        return f"number {value!r} is not a finite non-negative value"
    if isinstance(fact, Pledge) and fact.status not in STATUSES:
        return f"status {fact.status!r} is not 'pledged' or 'delivered'"
    if not (isinstance(fact.confidence, int | float) and 0 <= fact.confidence <= 1):
        return f"confidence {fact.confidence!r} is outside [0, 1]"
    return None


def in_tonnes(amount: float, unit: str) -> tuple[float, str]:
    """A weight in metric tonnes, as the database holds it; any other amount as it is.

    >>> in_tonnes(54000, "lb")[1], round(in_tonnes(54000, "lb")[0], 3), in_tonnes(5e6, "USD")
    ('tonnes', 24.494, (5000000.0, 'USD'))
    """
    per_tonne = gazetteer.tonnes_per_unit().get(unit.casefold())
    return (float(amount) * per_tonne, "tonnes") if per_tonne is not None else (float(amount), unit)


def _pledge_row(p: Pledge, article_on: dt.date | None) -> Row:
    amount, unit = in_tonnes(p.amount, p.unit)
    announced = p.announced_on or _partial_date(p.date_raw, article_on) or article_on
    money = is_money(unit)
    return {
        "donor": clean_str(p.donor),
        "donor_iso3": p.donor_iso3,
        "donor_kind": p.donor_kind,
        "recipient": clean_str(p.recipient),
        "recipient_iso3": p.recipient_iso3,
        "channel": clean_str(p.channel),
        "amount": amount,
        "unit": unit,
        "amount_usd": to_usd(amount, unit, announced) if money else None,
        "aid_form": "cash" if money else "in_kind",
        "commodity": None if money else clean_str(p.commodity),
        "status": p.status,
        "announced_on": announced,
    }


def _partial_date(raw: str | None, article_on: dt.date | None) -> dt.date | None:
    """A date the sentence gives without its year ("on July 15"), in the article's year.

    >>> _partial_date("July 15", dt.date(2021, 10, 28))
    datetime.date(2021, 7, 15)
    >>> _partial_date("July 15", None) is None
    True
    """
    if not raw:
        return None
    found = dates.find_dates(raw)
    return dates.resolve_partial(found[0], article_on) if found else None


def _risk_row(r: RiskFigure, article_on: dt.date | None) -> Row:
    return {
        "country": clean_str(r.country),
        "country_iso3": r.country_iso3,
        "people": float(r.people),
        "indicator": r.indicator,
        "population_group": clean_str(r.population_group),
        "source_org": clean_str(r.source_org),
        "qualifier": r.qualifier,
        "as_of": r.as_of or article_on,
    }


def _appeal_row(a: Appeal, article_on: dt.date | None) -> Row:
    amount = float(a.amount)
    return {
        "organization": clean_str(a.organization),
        "country_iso3": a.country_iso3,
        "amount": amount,
        "unit": a.unit,
        "amount_usd": to_usd(amount, a.unit, article_on) if is_money(a.unit) else None,
    }


_KINDS: dict[type, tuple[str, str]] = {
    Pledge: ("pledge", "pledge_id"),
    RiskFigure: ("risk_figure", "figure_id"),
    Appeal: ("appeal", "appeal_id"),
}


def normalize(article: Article, facts: list[Fact], *, sha256: str | None = None) -> ArticleRows:
    """The rows of the articles, pledges, risk_figures and appeals tables for one article.

    >>> rows = normalize(Article("a", "T", "No aid here.", None, None, None, "a.txt"), [])
    >>> rows.article["date_basis"], rows.pledges
    ('unknown', ())
    """
    published_on, basis = article_date(article)
    article_row: Row = {
        "article_id": clean_str(article.article_id),
        "title": clean_str(article.title),
        "published_on": published_on,
        "date_basis": basis,
        "source": clean_str(article.source),
        "url": clean_str(article.url),
        "text": clean_str(article.text),
        "content_sha256": sha256 or content_sha256(article),
    }
    out: dict[str, list[Row]] = {"pledge": [], "risk_figure": [], "appeal": []}
    dropped: list[str] = []
    seen: Counter[tuple[str, int, int, str]] = Counter()
    for fact in facts:
        kind, id_column = _KINDS[type(fact)]
        problem = _check(fact, article.text)
        if problem:
            dropped.append(f"dropped a {kind.replace('_', ' ')}: {problem}")
            continue
        raw = fact.people_raw if isinstance(fact, RiskFigure) else fact.amount_raw
        key = (kind, fact.span_start, fact.span_end, raw)
        index = seen[key]
        seen[key] += 1
        if isinstance(fact, Pledge):
            row = _pledge_row(fact, published_on)
        elif isinstance(fact, RiskFigure):
            row = _risk_row(fact, published_on)
        else:
            row = _appeal_row(fact, published_on)
        out[kind].append(
            {
                id_column: record_id(article.article_id, kind, fact.span_start, fact.span_end, raw, index),
                "article_id": article_row["article_id"],
                **row,
                "evidence": clean_str(fact.evidence),
                "span_start": fact.span_start,
                "span_end": fact.span_end,
                "confidence": float(fact.confidence),
            }
        )
    return ArticleRows(
        article=article_row,
        pledges=tuple(out["pledge"]),
        risk_figures=tuple(out["risk_figure"]),
        appeals=tuple(out["appeal"]),
        origin=article.origin,
        dropped=tuple(dropped),
    )
