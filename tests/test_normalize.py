"""normalize: article dates, USD at ECB rates, tonnes, stable ids, rows that fit schema.sql."""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
from pathlib import Path

import duckdb
import pytest

from aidtracker.etl import normalize as nz
from aidtracker.etl.records import Appeal, Article, Pledge, RiskFigure
from aidtracker.etl.reviews import REVIEW_COLUMNS

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
TEXT = "Japan pledged $5 million to Sudan. About 2 million people are displaced in Sudan."


def article(**changes: object) -> Article:
    base = Article("a1", "Aid for Sudan", TEXT, dt.date(2014, 3, 28), "wire", "https://x.test/a1", "a1.txt")
    return dataclasses.replace(base, **changes)


def pledge(**changes: object) -> Pledge:
    base = Pledge(
        donor="Japan",
        donor_iso3="JPN",
        donor_kind="government",
        recipient="Sudan",
        recipient_iso3="SDN",
        channel=None,
        amount=5e6,
        unit="USD",
        amount_raw="$5 million",
        aid_form="cash",
        commodity=None,
        status="pledged",
        announced_on=None,
        date_raw=None,
        evidence=TEXT[:34],
        span_start=0,
        span_end=34,
        confidence=0.9,
    )
    return dataclasses.replace(base, **changes)


def risk(**changes: object) -> RiskFigure:
    base = RiskFigure(
        country="Sudan",
        country_iso3="SDN",
        people=2e6,
        people_raw="About 2 million",
        indicator="displaced",
        population_group="people",
        source_org=None,
        qualifier="about",
        as_of=None,
        evidence=TEXT[35:],
        span_start=35,
        span_end=len(TEXT),
        confidence=0.8,
    )
    return dataclasses.replace(base, **changes)


def appeal(**changes: object) -> Appeal:
    base = Appeal("WFP", "SDN", 8e8, "EUR", "800 million euros", TEXT[:34], 0, 34, 0.7)
    return dataclasses.replace(base, **changes)


# --- dates ------------------------------------------------------------------------------------


def test_metadata_date_wins() -> None:
    assert nz.article_date(article()) == (dt.date(2014, 3, 28), "metadata")


def test_no_date_anywhere_stays_unknown_not_today() -> None:
    undated = article(published_on=None, title="Aid", text="Japan pledged aid to Sudan.")
    assert nz.article_date(undated) == (None, "unknown")


@pytest.mark.parametrize(
    ("inferred", "stored"),
    [
        pytest.param((dt.date(2021, 10, 17), "month"), dt.date(2021, 10, 1), id="month-precision-is-1st"),
        pytest.param((dt.date(2021, 10, 17), "day"), dt.date(2021, 10, 17), id="day-precision-kept"),
        pytest.param((dt.date(2021, 6, 30), "year"), dt.date(2021, 1, 1), id="year-precision-is-1-january"),
    ],
)
def test_text_date_precision(monkeypatch: pytest.MonkeyPatch, inferred: tuple, stored: dt.date) -> None:
    monkeypatch.setattr(nz.dates, "infer_article_date", lambda text, title=None: inferred)
    assert nz.article_date(article(published_on=None)) == (stored, "text")


def test_seed_date_comes_from_its_text() -> None:
    # "In the middle of October" + "since August 2021" -> 2021-10 (needs etl.dates from helper A)
    seed = SHARED / "seeds" / "000_cc348ac55cf4c536.txt"
    title, _, body = seed.read_text(encoding="utf-8").partition("\n")
    day, basis = nz.article_date(article(published_on=None, title=title, text=body))
    assert (day, basis) == (dt.date(2021, 10, 1), "text")


# --- money ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "currency", "on", "expected"),
    [
        pytest.param(100.0, "USD", None, 100.0, id="usd-needs-no-rate"),
        pytest.param(100.0, "EUR", dt.date(2014, 3, 28), 137.59, id="eur-ecb-rate-of-the-day"),
        pytest.param(100.0, "EUR", dt.date(2014, 3, 30), 137.59, id="sunday-uses-friday-rate"),
        pytest.param(100.0, "GBP", dt.date(2014, 3, 28), 166.33, id="gbp-cross-rate-via-eur"),
        pytest.param(47e6, "DEM", dt.date(1987, 3, 2), None, id="dem-has-no-ecb-rate"),
        pytest.param(5e6, "AUD", dt.date(1987, 3, 2), None, id="before-1999-no-rate"),
        pytest.param(1e6, "EUR", None, None, id="no-date-no-rate"),
        pytest.param(1e6, "XYZ", dt.date(2014, 3, 28), None, id="unknown-code-no-rate"),
    ],
)
def test_to_usd(amount: float, currency: str, on: dt.date | None, expected: float | None) -> None:
    got = nz.to_usd(amount, currency, on)
    if expected is None:
        assert got is None
    else:
        assert got == pytest.approx(expected, rel=1e-3)


def test_to_usd_after_last_rate_uses_the_last_rate() -> None:
    conv = nz._converter()
    last = conv.bounds["EUR"].last_date
    assert nz.to_usd(100.0, "EUR", last + dt.timedelta(days=400)) == nz.to_usd(100.0, "EUR", last)


def test_retired_currency_keeps_its_last_rate() -> None:
    # The Cyprus pound left the ECB list at the end of 2007; a 2010 amount uses its last rate.
    cyp_2010 = nz.to_usd(1.0, "CYP", dt.date(2010, 6, 1))
    eur_per_cyp = 1 / nz._converter().convert(1.0, "EUR", "CYP", date=dt.date(2007, 12, 31))
    assert cyp_2010 == pytest.approx(nz.to_usd(eur_per_cyp, "EUR", dt.date(2010, 6, 1)))


def test_converter_is_built_once_per_process() -> None:
    assert nz._converter() is nz._converter()


# --- rows -------------------------------------------------------------------------------------


def test_money_pledge_row() -> None:
    rows = nz.normalize(article(), [pledge(unit="EUR", amount=1e6)])
    (row,) = rows.pledges
    assert row["aid_form"] == "cash"
    assert row["commodity"] is None
    assert row["announced_on"] == dt.date(2014, 3, 28)  # the article's date: the sentence has none
    assert row["amount_usd"] == pytest.approx(1.3759e6, rel=1e-4)
    assert row["evidence"] == TEXT[row["span_start"] : row["span_end"]]


def test_sentence_date_beats_article_date() -> None:
    rows = nz.normalize(article(), [pledge(unit="EUR", announced_on=dt.date(2010, 1, 4))])
    (row,) = rows.pledges
    assert row["announced_on"] == dt.date(2010, 1, 4)
    assert row["amount_usd"] == pytest.approx(5e6 * 1.4389, rel=1e-3)


@pytest.mark.parametrize(
    ("date_raw", "expected"),
    [
        pytest.param("June 2", dt.date(2014, 6, 2), id="month-day-takes-the-article-year"),
        pytest.param("2 June", dt.date(2014, 6, 2), id="day-month-takes-the-article-year"),
        pytest.param("31 February", dt.date(2014, 3, 28), id="impossible-day-falls-back-to-article-date"),
        pytest.param(None, dt.date(2014, 3, 28), id="no-date-in-sentence"),
    ],
)
def test_partial_sentence_date_is_completed_with_the_article_year(
    date_raw: str | None, expected: dt.date
) -> None:
    (row,) = nz.normalize(article(), [pledge(date_raw=date_raw)]).pledges
    assert row["announced_on"] == expected


@pytest.mark.parametrize(
    ("amount", "unit", "tonnes"),
    [
        pytest.param(5000, "tons", 5000, id="tons-are-metric-tonnes"),
        pytest.param(5000, "tonnes", 5000, id="tonnes"),
        pytest.param(2_000_000, "lb", 907.18474, id="pounds"),
        pytest.param(30_000, "kg", 30, id="kilograms"),
    ],
)
def test_goods_by_weight_become_tonnes(amount: float, unit: str, tonnes: float) -> None:
    goods = pledge(amount=amount, unit=unit, aid_form="in_kind", commodity="flour")
    (row,) = nz.normalize(article(), [goods]).pledges
    assert (row["unit"], row["aid_form"], row["commodity"]) == ("tonnes", "in_kind", "flour")
    assert row["amount_usd"] is None
    assert row["amount"] == pytest.approx(tonnes)


def test_goods_not_by_weight_keep_their_unit() -> None:
    doses = pledge(amount=1e6, unit="doses", aid_form="in_kind", commodity="vaccines")
    (row,) = nz.normalize(article(), [doses]).pledges
    assert (row["amount"], row["unit"], row["aid_form"]) == (1e6, "doses", "in_kind")


def test_risk_figure_as_of_falls_back_to_article_date() -> None:
    (row,) = nz.normalize(article(), [risk()]).risk_figures
    assert row["as_of"] == dt.date(2014, 3, 28)
    (row,) = nz.normalize(article(), [risk(as_of=dt.date(2014, 1, 1))]).risk_figures
    assert row["as_of"] == dt.date(2014, 1, 1)


def test_appeal_in_usd() -> None:
    (row,) = nz.normalize(article(), [appeal()]).appeals
    assert row["amount_usd"] == pytest.approx(8e8 * 1.3759, rel=1e-4)


def test_rows_have_exactly_the_schema_columns() -> None:
    con = duckdb.connect()
    con.execute((REPO / "etl" / "schema.sql").read_text(encoding="utf-8"))

    def columns(table: str) -> list[str]:
        # the review columns are set by etl.reviews after a load, never by normalize
        return [r[0] for r in con.execute(f"DESCRIBE {table}").fetchall() if r[0] not in REVIEW_COLUMNS]

    rows = nz.normalize(article(), [pledge(), risk(), appeal()])
    assert [*rows.article, "ingested_at"] == columns("articles")
    assert list(rows.pledges[0]) == columns("pledges")
    assert list(rows.risk_figures[0]) == columns("risk_figures")
    assert list(rows.appeals[0]) == columns("appeals")


# --- ids and hashes ---------------------------------------------------------------------------


def test_ids_are_stable_across_runs() -> None:
    facts = [pledge(), risk(), appeal()]
    first = nz.normalize(article(), facts)
    again = nz.normalize(article(), list(facts))
    assert first == again


def test_facts_sharing_a_span_get_distinct_ids() -> None:
    two = [pledge(), pledge(amount=7e6), risk(span_start=0, span_end=34)]
    rows = nz.normalize(article(), two)
    ids = [r["pledge_id"] for r in rows.pledges] + [rows.risk_figures[0]["figure_id"]]
    assert len(set(ids)) == 3


def test_ids_differ_between_articles() -> None:
    a = nz.normalize(article(), [pledge()]).pledges[0]["pledge_id"]
    b = nz.normalize(article(article_id="a2"), [pledge()]).pledges[0]["pledge_id"]
    assert a != b


@pytest.mark.parametrize(
    "change",
    [
        pytest.param({"title": "Other"}, id="title"),
        pytest.param({"text": TEXT + " More."}, id="text"),
        pytest.param({"published_on": dt.date(2014, 3, 29)}, id="date"),
        pytest.param({"url": "https://x.test/other"}, id="url"),
        pytest.param({"title": None}, id="title-none-vs-empty"),
    ],
)
def test_content_hash_sees_every_read_field(change: dict) -> None:
    assert nz.content_sha256(article(**change)) != nz.content_sha256(article())


def test_content_hash_ignores_where_the_file_lay() -> None:
    assert nz.content_sha256(article(origin="moved/a1.txt")) == nz.content_sha256(article())


# --- what cannot be stored --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fact", "reason"),
    [
        pytest.param(pledge(amount=math.inf), "not a finite", id="infinite-amount"),
        pytest.param(pledge(amount=-5e6), "not a finite non-negative", id="negative-amount"),
        pytest.param(risk(people=math.nan), "not a finite", id="nan-people"),
        pytest.param(pledge(span_start=10, span_end=10_000), "outside the text", id="span-past-end"),
        pytest.param(pledge(confidence=1.5), "confidence", id="confidence-above-1"),
        pytest.param(pledge(status="maybe"), "status", id="unknown-status"),
    ],
)
def test_invalid_facts_are_dropped_with_a_reason(fact: object, reason: str) -> None:
    rows = nz.normalize(article(), [fact, risk()])  # type: ignore[list-item]
    assert len(rows.pledges) + len(rows.risk_figures) == 1
    assert len(rows.dropped) == 1 and reason in rows.dropped[0]


def test_lone_surrogates_are_made_storable_without_moving_spans() -> None:
    text = "Bad \ud800 byte. Japan pledged $5 million to Sudan."
    rows = nz.normalize(article(text=text), [pledge(span_start=15, span_end=len(text), evidence=text[15:])])
    assert rows.article["text"] == text.replace("\ud800", "\ufffd")
    assert len(rows.article["text"]) == len(text)
    rows.article["text"].encode("utf-8")


def test_quintals_are_a_tenth_of_a_tonne() -> None:
    amount, unit = nz.in_tonnes(120_000, "quintals")
    assert unit == "tonnes" and math.isclose(amount, 12_000)
