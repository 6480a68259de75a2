"""Every SQL query the dashboard runs: parameterized, on short-lived read-only DuckDB connections."""

from __future__ import annotations

import datetime as dt
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

# How long a reader waits for an ingest to release the file before giving up.
RETRY_SECONDS = 2.0

TABLES = ("pledges", "risk_figures", "appeals", "articles")


@dataclass(frozen=True)
class Filters:
    """The sidebar's choices; an empty tuple or None means "no restriction"."""

    donors: tuple[str, ...] = ()
    recipients: tuple[str, ...] = ()  # ISO 3166 alpha-3 codes
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    aid_forms: tuple[str, ...] = ()  # 'cash', 'in_kind'
    statuses: tuple[str, ...] = ()  # 'pledged', 'delivered'
    indicators: tuple[str, ...] = ()

    def params(self) -> dict[str, Any]:
        """The named SQL parameters of the filtered views below."""
        return {
            "donors": list(self.donors),
            "recipients": list(self.recipients),
            "date_from": self.date_from,
            "date_to": self.date_to,
            "aid_forms": list(self.aid_forms),
            "statuses": list(self.statuses),
            "indicators": list(self.indicators),
        }


class DatabaseBusy(RuntimeError):
    """The database file stayed locked (an ingest writing in place) past the retry window."""


class DatabaseUnreadable(RuntimeError):
    """The file exists but is not a DuckDB database this dashboard can read."""


def file_version(db: str | Path) -> tuple[int, int, int]:
    """What changes when an ingest swaps in a new file: a cache key part (0s when missing)."""
    try:
        st = os.stat(db)
    except OSError:
        return (0, 0, 0)
    return (st.st_mtime_ns, st.st_size, st.st_ino)


def _is_lock_error(exc: duckdb.Error) -> bool:
    text = str(exc).lower()
    return "lock" in text or "resource temporarily unavailable" in text


@contextmanager
def connect(db: str | Path, *, retry_seconds: float = RETRY_SECONDS) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-only connection, closed on exit; retries while a writer holds the file's lock."""
    deadline = time.monotonic() + retry_seconds
    delay = 0.05
    while True:
        try:
            con = duckdb.connect(str(db), read_only=True)
            break
        except duckdb.Error as exc:
            if not _is_lock_error(exc):
                raise DatabaseUnreadable(f"{db}: {exc}") from exc
            if time.monotonic() >= deadline:
                raise DatabaseBusy(f"{db} is being written; try again in a moment") from exc
            time.sleep(delay)
            delay = min(delay * 2, 0.4)
    try:
        yield con
    finally:
        con.close()


def _frame(db: str | Path, sql: str, params: dict[str, Any] | None = None) -> pd.DataFrame:
    with connect(db) as con:
        return con.execute(sql, params or {}).df()


# --- database state ----------------------------------------------------------------------

_TABLE_COUNTS = """
SELECT table_name, estimated_size
FROM duckdb_tables()
WHERE schema_name = 'main' AND table_name IN ('articles', 'pledges', 'risk_figures', 'appeals')
"""


def db_status(db: str | Path) -> str:
    """'missing', 'empty' (no articles table or no rows in it) or 'ok'."""
    path = Path(db)
    if not path.is_file():
        return "missing"
    if path.stat().st_size == 0:
        return "empty"
    with connect(path) as con:
        tables = {row[0] for row in con.execute(_TABLE_COUNTS).fetchall()}
        if not {"articles", "pledges", "risk_figures", "appeals"} <= tables:
            return "empty"
        (n,) = con.execute("SELECT count(*) FROM articles").fetchone() or (0,)
    return "ok" if n else "empty"


# --- the filtered views every query starts from ------------------------------------------
# One fixed prefix of CTEs; each query below appends its SELECT. Filter values only ever
# arrive as the named parameters of Filters.params(), an empty list meaning "all".
# Risk figures and appeals have no donor: choosing donors narrows them to the countries
# the chosen donors' pledges go to, so every table follows the donor filter.

_FILTERED = """
WITH
fp AS (
    SELECT p.*, COALESCE(p.announced_on, a.published_on) AS on_date, a.title AS article_title
    FROM pledges p LEFT JOIN articles a USING (article_id)
    WHERE (len($donors::VARCHAR[]) = 0 OR list_contains($donors::VARCHAR[], p.donor))
      AND (len($recipients::VARCHAR[]) = 0 OR list_contains($recipients::VARCHAR[], p.recipient_iso3))
      AND (len($aid_forms::VARCHAR[]) = 0 OR list_contains($aid_forms::VARCHAR[], p.aid_form))
      AND (len($statuses::VARCHAR[]) = 0 OR list_contains($statuses::VARCHAR[], p.status))
      AND ($date_from::DATE IS NULL OR COALESCE(p.announced_on, a.published_on) >= $date_from::DATE)
      AND ($date_to::DATE IS NULL OR COALESCE(p.announced_on, a.published_on) <= $date_to::DATE)
),
fr AS (
    SELECT r.*, COALESCE(r.as_of, a.published_on) AS on_date, a.title AS article_title,
           COALESCE(r.country_iso3, r.country) AS country_key
    FROM risk_figures r LEFT JOIN articles a USING (article_id)
    WHERE (len($recipients::VARCHAR[]) = 0 OR list_contains($recipients::VARCHAR[], r.country_iso3))
      AND (len($indicators::VARCHAR[]) = 0 OR list_contains($indicators::VARCHAR[], r.indicator))
      AND (len($donors::VARCHAR[]) = 0 OR r.country_iso3 IN (SELECT recipient_iso3 FROM fp))
      AND ($date_from::DATE IS NULL OR COALESCE(r.as_of, a.published_on) >= $date_from::DATE)
      AND ($date_to::DATE IS NULL OR COALESCE(r.as_of, a.published_on) <= $date_to::DATE)
),
fa AS (
    SELECT ap.*, a.published_on AS on_date, a.title AS article_title
    FROM appeals ap LEFT JOIN articles a USING (article_id)
    WHERE (len($recipients::VARCHAR[]) = 0 OR list_contains($recipients::VARCHAR[], ap.country_iso3))
      AND (len($donors::VARCHAR[]) = 0 OR ap.country_iso3 IN (SELECT recipient_iso3 FROM fp))
      AND ($date_from::DATE IS NULL OR a.published_on >= $date_from::DATE)
      AND ($date_to::DATE IS NULL OR a.published_on <= $date_to::DATE)
),
fart AS (
    SELECT a.*
    FROM articles a
    WHERE ($date_from::DATE IS NULL OR a.published_on >= $date_from::DATE)
      AND ($date_to::DATE IS NULL OR a.published_on <= $date_to::DATE)
      -- with any record filter on, an article shows when it is the source of a shown record
      AND ((len($donors::VARCHAR[]) = 0 AND len($recipients::VARCHAR[]) = 0
            AND len($aid_forms::VARCHAR[]) = 0 AND len($statuses::VARCHAR[]) = 0
            AND len($indicators::VARCHAR[]) = 0)
           OR a.article_id IN (SELECT article_id FROM fp UNION SELECT article_id FROM fr
                               UNION SELECT article_id FROM fa))
),
-- the latest figure per country and indicator: the one figure that stands for that population
latest_risk AS (
    SELECT * FROM fr
    WHERE country_key IS NOT NULL
    QUALIFY row_number() OVER (
        PARTITION BY country_key, indicator ORDER BY on_date DESC NULLS LAST, people DESC, figure_id
    ) = 1
),
-- people at risk per country: the largest of its latest figures, since indicators overlap
-- (the famine-risk population is part of the food-insecure one) and must not be added up
country_risk AS (
    SELECT country_key, any_value(country_iso3) AS iso3, any_value(country) AS country,
           max(people) AS people
    FROM latest_risk GROUP BY country_key
)
"""


def _filtered(db: str | Path, select: str, filters: Filters, **extra: Any) -> pd.DataFrame:
    return _frame(db, _FILTERED + select, {**filters.params(), **extra})


# --- sidebar options ---------------------------------------------------------------------


def donor_options(db: str | Path, filters: Filters) -> pd.DataFrame:
    """Every donor with its pledge count under the other filters (0 when none match)."""
    return _filtered(
        db,
        """
        SELECT d.donor AS value, count(fp.pledge_id) AS n
        FROM (SELECT DISTINCT donor FROM pledges) d LEFT JOIN fp USING (donor)
        GROUP BY d.donor ORDER BY n DESC, d.donor
        """,
        replace(filters, donors=()),
    )


def recipient_options(db: str | Path, filters: Filters) -> pd.DataFrame:
    """Every recipient country (ISO3) with a name and its pledge count under the other filters."""
    return _filtered(
        db,
        """
        SELECT c.iso3 AS value, c.name, count(fp.pledge_id) AS n
        FROM (SELECT recipient_iso3 AS iso3, any_value(recipient) AS name FROM pledges
              WHERE recipient_iso3 IS NOT NULL GROUP BY recipient_iso3
              UNION ALL
              SELECT country_iso3, any_value(country) FROM risk_figures
              WHERE country_iso3 IS NOT NULL
                AND country_iso3 NOT IN (SELECT recipient_iso3 FROM pledges WHERE recipient_iso3 IS NOT NULL)
              GROUP BY country_iso3) c
        LEFT JOIN fp ON fp.recipient_iso3 = c.iso3
        GROUP BY c.iso3, c.name ORDER BY n DESC, c.iso3
        """,
        replace(filters, recipients=()),
    )


def distinct_values(db: str | Path) -> dict[str, list[str]]:
    """Aid forms, statuses and indicators present in the data, for the sidebar."""
    out: dict[str, list[str]] = {}
    with connect(db) as con:
        for key, sql in (
            ("aid_forms", "SELECT DISTINCT aid_form FROM pledges ORDER BY 1"),
            ("statuses", "SELECT DISTINCT status FROM pledges ORDER BY 1"),
            ("indicators", "SELECT DISTINCT indicator FROM risk_figures ORDER BY 1"),
        ):
            out[key] = [row[0] for row in con.execute(sql).fetchall()]
    return out


def date_bounds(db: str | Path) -> tuple[dt.date, dt.date] | None:
    """The earliest and latest date any record or article carries, or None when none is dated."""
    sql = """
    SELECT min(d), max(d) FROM (
        SELECT published_on AS d FROM articles
        UNION ALL SELECT announced_on FROM pledges
        UNION ALL SELECT as_of FROM risk_figures
    ) WHERE d IS NOT NULL
    """
    with connect(db) as con:
        lo, hi = con.execute(sql).fetchone() or (None, None)
    return (lo, hi) if lo is not None and hi is not None else None


# --- headline numbers and chart data -----------------------------------------------------


def headline(db: str | Path, filters: Filters) -> dict[str, float]:
    """Total pledged (cash, USD), pledge/donor/recipient counts and people at risk."""
    df = _filtered(
        db,
        """
        SELECT
            (SELECT COALESCE(sum(amount_usd), 0) FROM fp WHERE aid_form = 'cash') AS usd,
            (SELECT count(*) FROM fp) AS pledges,
            (SELECT count(DISTINCT donor) FROM fp) AS donors,
            (SELECT count(DISTINCT recipient_iso3) FROM fp) AS recipients,
            (SELECT COALESCE(sum(people), 0) FROM country_risk) AS people_at_risk
        """,
        filters,
    )
    return {k: float(v) for k, v in df.iloc[0].items()}


def pledges_by_month(db: str | Path, filters: Filters) -> pd.DataFrame:
    """USD of cash pledges per month and donor (dated pledges only)."""
    return _filtered(
        db,
        """
        SELECT date_trunc('month', on_date)::DATE AS month, donor, sum(amount_usd) AS usd
        FROM fp WHERE aid_form = 'cash' AND amount_usd IS NOT NULL AND on_date IS NOT NULL
        GROUP BY ALL ORDER BY month, donor
        """,
        filters,
    )


def top_donors(db: str | Path, filters: Filters, limit: int = 15) -> pd.DataFrame:
    """The donors that pledged the most cash (USD)."""
    return _filtered(
        db,
        """
        SELECT donor AS label, sum(amount_usd) AS usd, count(*) AS pledges
        FROM fp WHERE aid_form = 'cash' AND amount_usd IS NOT NULL
        GROUP BY donor ORDER BY usd DESC, donor LIMIT $limit
        """,
        filters,
        limit=limit,
    )


def top_recipients(db: str | Path, filters: Filters, limit: int = 15) -> pd.DataFrame:
    """The recipient countries that were pledged the most cash (USD)."""
    return _filtered(
        db,
        """
        SELECT COALESCE(any_value(recipient), recipient_iso3) AS label, recipient_iso3 AS iso3,
               sum(amount_usd) AS usd, count(*) AS pledges
        FROM fp WHERE aid_form = 'cash' AND amount_usd IS NOT NULL AND recipient_iso3 IS NOT NULL
        GROUP BY recipient_iso3 ORDER BY usd DESC, recipient_iso3 LIMIT $limit
        """,
        filters,
        limit=limit,
    )


def flows(db: str | Path, filters: Filters, limit: int = 40) -> pd.DataFrame:
    """The largest donor -> recipient cash flows (USD)."""
    return _filtered(
        db,
        """
        SELECT donor, COALESCE(any_value(recipient), recipient_iso3, 'unspecified') AS recipient,
               sum(amount_usd) AS usd
        FROM fp WHERE aid_form = 'cash' AND amount_usd IS NOT NULL
        GROUP BY donor, recipient_iso3 ORDER BY usd DESC, donor LIMIT $limit
        """,
        filters,
        limit=limit,
    )


def usd_by_country(db: str | Path, filters: Filters) -> pd.DataFrame:
    """USD of cash pledges per recipient country (ISO3), for the map."""
    return _filtered(
        db,
        """
        SELECT recipient_iso3 AS iso3, COALESCE(any_value(recipient), recipient_iso3) AS name,
               sum(amount_usd) AS value
        FROM fp WHERE aid_form = 'cash' AND amount_usd IS NOT NULL AND recipient_iso3 IS NOT NULL
        GROUP BY recipient_iso3 ORDER BY value DESC
        """,
        filters,
    )


def people_at_risk_by_country(db: str | Path, filters: Filters) -> pd.DataFrame:
    """People at risk per country (largest latest figure over its indicators), for the map."""
    return _filtered(
        db,
        """
        SELECT iso3, COALESCE(country, iso3) AS name, people AS value
        FROM country_risk WHERE iso3 IS NOT NULL ORDER BY value DESC
        """,
        filters,
    )


def risk_countries(db: str | Path, filters: Filters) -> pd.DataFrame:
    """Countries with risk figures, most figures first, for the risk-over-time picker."""
    return _filtered(
        db,
        """
        SELECT country_key AS value, COALESCE(any_value(country), country_key) AS name, count(*) AS n
        FROM fr WHERE country_key IS NOT NULL AND on_date IS NOT NULL
        GROUP BY country_key ORDER BY n DESC, country_key
        """,
        filters,
    )


def risk_series(db: str | Path, filters: Filters, country_key: str) -> pd.DataFrame:
    """Dated risk figures of one country: the latest per date and indicator."""
    return _filtered(
        db,
        """
        SELECT on_date AS date, indicator, max(people) AS people
        FROM fr WHERE country_key = $country_key AND on_date IS NOT NULL
        GROUP BY ALL ORDER BY date, indicator
        """,
        filters,
        country_key=country_key,
    )


def usd_per_person(db: str | Path, filters: Filters) -> pd.DataFrame:
    """Cash pledged (USD) against people at risk, per country that has both."""
    return _filtered(
        db,
        """
        SELECT r.iso3, COALESCE(r.country, r.iso3) AS country, m.usd, r.people,
               m.usd / r.people AS usd_per_person
        FROM country_risk r
        JOIN (SELECT recipient_iso3, sum(amount_usd) AS usd FROM fp
              WHERE aid_form = 'cash' AND amount_usd IS NOT NULL GROUP BY recipient_iso3) m
          ON m.recipient_iso3 = r.iso3
        WHERE r.people > 0
        ORDER BY usd_per_person DESC
        """,
        filters,
    )


def in_kind(db: str | Path, filters: Filters) -> pd.DataFrame:
    """In-kind pledges summed per commodity and unit; never converted to or added to money."""
    return _filtered(
        db,
        """
        SELECT COALESCE(commodity, 'unspecified') AS commodity, unit, sum(amount) AS quantity,
               count(*) AS pledges
        FROM fp WHERE aid_form = 'in_kind'
        GROUP BY ALL ORDER BY unit, quantity DESC
        """,
        filters,
    )


# --- tables: a page of rows, the total count, and every row for downloads ---------------

_TABLE_SELECT = {
    "pledges": """
        SELECT on_date AS date, donor, donor_iso3, donor_kind, recipient, recipient_iso3, channel,
               amount, unit, amount_usd, aid_form, commodity, status, confidence, evidence,
               article_title, article_id, pledge_id AS id
        FROM fp ORDER BY on_date DESC NULLS LAST, pledge_id
    """,
    "risk_figures": """
        SELECT on_date AS date, country, country_iso3, indicator, people, qualifier,
               population_group, source_org, confidence, evidence, article_title, article_id,
               figure_id AS id
        FROM fr ORDER BY on_date DESC NULLS LAST, figure_id
    """,
    "appeals": """
        SELECT on_date AS date, organization, country_iso3, amount, unit, amount_usd, confidence,
               evidence, article_title, article_id, appeal_id AS id
        FROM fa ORDER BY on_date DESC NULLS LAST, appeal_id
    """,
    "articles": """
        SELECT published_on AS date, title, source, url, date_basis,
               (SELECT count(*) FROM pledges p WHERE p.article_id = fart.article_id) AS pledges,
               (SELECT count(*) FROM risk_figures r WHERE r.article_id = fart.article_id) AS risk_figures,
               (SELECT count(*) FROM appeals x WHERE x.article_id = fart.article_id) AS appeals,
               article_id AS id
        FROM fart ORDER BY published_on DESC NULLS LAST, article_id
    """,
}

_TABLE_COUNT = {
    "pledges": "SELECT count(*) AS n FROM fp",
    "risk_figures": "SELECT count(*) AS n FROM fr",
    "appeals": "SELECT count(*) AS n FROM fa",
    "articles": "SELECT count(*) AS n FROM fart",
}


def _check_table(table: str) -> None:
    if table not in _TABLE_SELECT:
        raise ValueError(f"unknown table {table!r}; expected one of {', '.join(TABLES)}")


def table_rows(db: str | Path, table: str, filters: Filters) -> pd.DataFrame:
    """Every filtered row of a table, as the page and the downloads show them."""
    _check_table(table)
    return _filtered(db, _TABLE_SELECT[table], filters)


def table_page(db: str | Path, table: str, filters: Filters, page: int, page_size: int) -> pd.DataFrame:
    """One page (0-based) of the filtered rows of a table, in the same order as table_rows."""
    _check_table(table)
    return _filtered(
        db,
        _TABLE_SELECT[table] + " LIMIT $page_size OFFSET $offset",
        filters,
        page_size=page_size,
        offset=page * page_size,
    )


def table_count(db: str | Path, table: str, filters: Filters) -> int:
    """How many rows of a table the filters keep."""
    _check_table(table)
    return int(_filtered(db, _TABLE_COUNT[table], filters)["n"].iloc[0])


# --- evidence ----------------------------------------------------------------------------

_EVIDENCE = {
    "pledges": "SELECT article_id, evidence, span_start, span_end FROM pledges WHERE pledge_id = $id",
    "risk_figures": (
        "SELECT article_id, evidence, span_start, span_end FROM risk_figures WHERE figure_id = $id"
    ),
    "appeals": "SELECT article_id, evidence, span_start, span_end FROM appeals WHERE appeal_id = $id",
}

_ARTICLE = "SELECT article_id, title, published_on, source, url, text FROM articles WHERE article_id = $id"


def evidence(db: str | Path, table: str, record_id: str) -> dict[str, Any] | None:
    """A record's evidence sentence and span with its article's title, date, source, url and text."""
    if table not in _EVIDENCE:
        raise ValueError(f"no evidence for table {table!r}")
    with connect(db) as con:
        rec = con.execute(_EVIDENCE[table], {"id": record_id}).fetchone()
        if rec is None:
            return None
        art = con.execute(_ARTICLE, {"id": rec[0]}).fetchone()
    out: dict[str, Any] = {"article_id": rec[0], "evidence": rec[1], "span_start": rec[2], "span_end": rec[3]}
    keys = ("title", "published_on", "source", "url", "text")
    out.update(dict(zip(keys, art[1:], strict=True)) if art else dict.fromkeys(keys))
    return out
