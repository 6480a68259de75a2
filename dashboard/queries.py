"""Every SQL query the dashboard runs: parameterized, on a cached read-only reader per file version."""

from __future__ import annotations

import datetime as dt
import os
import threading
import time
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from aidtracker.etl import reviews

# How long a reader waits for an ingest to release the file before giving up.
RETRY_SECONDS = 2.0

# Each record table (every report, as extracted from one article) and the table grouping its
# reports of one fact across articles (etl/consolidate.py), which the page counts by default.
GROUPS = {"pledges": "flows", "risk_figures": "risk_observations", "appeals": "appeal_groups"}
TABLES = ("pledges", "risk_figures", "appeals", "articles", *GROUPS.values())

# Readers kept open at once (one per database file); the least recently used is closed first.
MAX_READERS = 4

# The catalog name the database file is attached under, read-only, in each reader.
_ALIAS = "aid"


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
    # count every report (the record tables) instead of each pledge, figure and appeal once
    reports: bool = False
    # analysts' reviews (REVIEW_CHOICES): 'all' leaves out what they rejected, 'confirmed' keeps
    # what they confirmed, corrected or added, 'unreviewed' what none reviewed, 'rejected' only that
    review: str = "all"

    def records_filtered(self) -> bool:
        """Whether any filter other than the dates is on (then articles follow their records)."""
        return bool(
            self.donors
            or self.recipients
            or self.aid_forms
            or self.statuses
            or self.indicators
            or self.review != "all"
        )

    def every_report(self) -> bool:
        """Whether the page reads the record tables: asked for, or the rejected reports, which
        belong to no group."""
        return self.reports or self.review == "rejected"


# The review filter's values: what a record's review_status is for each.
REVIEW_CHOICES = ("all", "confirmed", "unreviewed", "rejected")
KEPT_STATUSES = "('confirmed', 'corrected', 'added')"
# Per record table: the fixed clause each review filter adds (`{a}` the table's alias).
_RECORD_REVIEW = {
    "all": "{a}.review_status IS DISTINCT FROM 'rejected'",
    "confirmed": "{a}.review_status IN " + KEPT_STATUSES,
    "unreviewed": "{a}.review_status IS NULL",
    "rejected": "{a}.review_status = 'rejected'",
}
# A group (flows, risk_observations, appeal_groups) never holds a rejected report but one rejected
# as a duplicate of its own; it is confirmed when an analyst kept one of its reports.
_GROUP_REVIEW = {
    "all": None,
    "confirmed": "EXISTS ({reports} AND x.review_status IN " + KEPT_STATUSES + ")",
    "unreviewed": "NOT EXISTS ({reports} AND x.review_status IS NOT NULL)",
    "rejected": "EXISTS ({reports} AND x.review_status = 'rejected')",
}
# per group table: its reports, for the clauses above: (link table, group column, record table, id)
_GROUP_LINKS = {
    "flows": ("flow_reports", "flow_id", "pledges", "pledge_id"),
    "risk_observations": ("observation_reports", "observation_id", "risk_figures", "figure_id"),
    "appeal_groups": ("appeal_reports", "group_id", "appeals", "appeal_id"),
}


def _review_conds(f: Filters, table: str, alias: str) -> list[str]:
    """The review filter's clause on `table` (a record or group table) under `alias`: fixed text.

    >>> _review_conds(Filters(), "pledges", "p")
    ["p.review_status IS DISTINCT FROM 'rejected'"]
    >>> _review_conds(Filters(), "flows", "p")
    []
    """
    if f.review not in REVIEW_CHOICES:
        raise ValueError(f"review: {f.review!r} is not one of {', '.join(REVIEW_CHOICES)}")
    if table in _GROUP_LINKS:
        clause = _GROUP_REVIEW[f.review]
        if clause is None:
            return []
        links, group_col, records, id_col = _GROUP_LINKS[table]
        reports = (
            f"SELECT 1 FROM {links} l JOIN {records} x ON x.{id_col} = l.{id_col}"
            f" WHERE l.{group_col} = {alias}.{group_col}"
        )
        return [clause.format(reports=reports)]
    return [_RECORD_REVIEW[f.review].format(a=alias)]


def shown_table(table: str, filters: Filters) -> str:
    """The table a record table's tab shows: its groups, or its reports when `filters.reports`.

    >>> shown_table("pledges", Filters()), shown_table("pledges", Filters(reports=True))
    ('flows', 'pledges')
    >>> shown_table("articles", Filters()), shown_table("pledges", Filters(review="rejected"))
    ('articles', 'pledges')
    """
    return table if filters.every_report() else GROUPS.get(table, table)


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


# --- readers: one open file version each, shared by every query -------------------------
# Opening a DuckDB file costs ~15 ms and starts with a cold buffer pool, so a reader stays
# open while its file is the current version. An ingest swaps in a new file (os.replace), which
# changes the version: the next query opens the new file and the old reader closes once idle.
# The file is ATTACHed to a private in-memory database rather than opened with duckdb.connect,
# whose per-process instance cache would hand back the old file's instance for the same path.


@dataclass
class _Reader:
    version: tuple[int, int, int]
    root: duckdb.DuckDBPyConnection
    busy: int = 0  # cursors in use
    retired: bool = False
    memo: dict[str, Any] = field(default_factory=dict)  # per-version facts (see _catalog)

    def close_if_idle(self) -> None:
        if self.retired and self.busy == 0:
            self.root.close()


_READERS: OrderedDict[str, _Reader] = OrderedDict()
_LOCK = threading.Lock()


def _open(db: str, retry_seconds: float) -> duckdb.DuckDBPyConnection:
    deadline = time.monotonic() + retry_seconds
    delay = 0.05
    while True:
        root = duckdb.connect(":memory:")
        try:
            root.execute("ATTACH $path AS " + _ALIAS + " (READ_ONLY)", {"path": db})
            return root
        except duckdb.Error as exc:
            root.close()
            if not _is_lock_error(exc):
                raise DatabaseUnreadable(f"{db}: {exc}") from exc
            if time.monotonic() >= deadline:
                raise DatabaseBusy(f"{db} is being written; try again in a moment") from exc
            time.sleep(delay)
            delay = min(delay * 2, 0.4)


def _checkout(db: str | Path, retry_seconds: float) -> tuple[_Reader, duckdb.DuckDBPyConnection]:
    key = os.path.abspath(db)
    version = file_version(key)
    while True:
        with _LOCK:
            reader = _READERS.get(key)
            if reader is not None and reader.version == version:
                _READERS.move_to_end(key)
                # a cursor is its own connection to the same database: safe to use from this thread
                cur = reader.root.cursor()
                reader.busy += 1
                break
            if reader is not None:
                _retire(key)
        # opened outside the lock: it may wait for a writer, and other files' queries go on
        fresh = _Reader(version, _open(key, retry_seconds))
        with _LOCK:
            current = _READERS.get(key)
            if current is not None and current.version == version:
                fresh.root.close()  # another thread opened it meanwhile
            else:
                if current is not None:
                    _retire(key)
                _READERS[key] = fresh
                while len(_READERS) > MAX_READERS:
                    _retire(next(iter(_READERS)))
    try:
        cur.execute("USE " + _ALIAS)
    except BaseException:
        _checkin(reader, cur)
        raise
    return reader, cur


def _retire(key: str) -> None:
    """Forget the reader of `key` (caller holds _LOCK); it closes when its last cursor is done."""
    reader = _READERS.pop(key)
    reader.retired = True
    reader.close_if_idle()


def _checkin(reader: _Reader, cur: duckdb.DuckDBPyConnection) -> None:
    cur.close()
    with _LOCK:
        reader.busy -= 1
        reader.close_if_idle()


@contextmanager
def connect(db: str | Path, *, retry_seconds: float = RETRY_SECONDS) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-only connection to the file's current version; retries while a writer holds its lock."""
    with _use(db, retry_seconds) as (_, cur):
        yield cur


@contextmanager
def _use(
    db: str | Path, retry_seconds: float = RETRY_SECONDS
) -> Iterator[tuple[_Reader, duckdb.DuckDBPyConnection]]:
    reader, cur = _checkout(db, retry_seconds)
    try:
        yield reader, cur
    finally:
        _checkin(reader, cur)


def close_all() -> None:
    """Close every cached reader (once idle): the next query opens its file anew, with a cold cache."""
    with _LOCK:
        for key in list(_READERS):
            _retire(key)


def _frame(db: str | Path, sql: str, params: dict[str, Any] | None = None) -> pd.DataFrame:
    with connect(db) as con:
        return con.execute(sql, params or {}).df()


# --- database state ----------------------------------------------------------------------

_TABLE_NAMES = """
SELECT table_name FROM duckdb_tables()
WHERE database_name = current_database() AND schema_name = 'main'
"""

# the tables etl.consolidate fills, beside the record tables
_GROUP_TABLES = {*GROUPS.values(), "flow_reports", "observation_reports", "appeal_reports"}


def db_status(db: str | Path) -> str:
    """'missing', 'empty' (no articles table or no rows in it), 'ungrouped' (articles, but no
    tables grouping their reports: a file from before etl.consolidate) or 'ok'."""
    path = Path(db)
    if not path.is_file():
        return "missing"
    if path.stat().st_size == 0:
        return "empty"
    with connect(path) as con:
        tables = {row[0] for row in con.execute(_TABLE_NAMES).fetchall()}
        if not {"articles", "pledges", "risk_figures", "appeals"} <= tables:
            return "empty"
        (n,) = con.execute("SELECT count(*) FROM articles").fetchone() or (0,)
    if not n:
        return "empty"
    return "ok" if tables >= _GROUP_TABLES else "ungrouped"


# --- filters as WHERE clauses --------------------------------------------------------------
# Each clause below is fixed text; filter values only ever arrive as named parameters. A list
# filter becomes `column IN ($name_0, $name_1, ...)`, one placeholder per chosen value, and a
# filter that is off adds no clause at all, so DuckDB can push each one into its table scan.
# Dates: the ETL fills a pledge's announced_on and a risk figure's as_of from its article's date
# when the text gives none (etl/normalize.py), so pledges and risk figures are filtered and
# sorted on their own columns, without a join to articles.


class _Sql:
    """Named parameters collected while a statement's clauses are built.

    `countries` are the recipient countries of the chosen donors' filtered pledges (see
    _donor_countries), resolved once by _sql before the clauses that need them are built.
    """

    def __init__(self, countries: tuple[str, ...] | None = None, **params: Any) -> None:
        self.params: dict[str, Any] = dict(params)
        self.countries = countries

    def values(self, column: str, name: str, values: tuple[str, ...]) -> str:
        names = [f"{name}_{i}" for i in range(len(values))]
        self.params.update(zip(names, values, strict=True))
        return f"{column} IN ({', '.join('$' + n for n in names)})"

    def value(self, name: str, value: Any) -> str:
        self.params[name] = value
        return "$" + name


def _where(conds: list[str]) -> str:
    return ("WHERE " + " AND ".join(conds)) if conds else ""


def _pledge_conds(f: Filters, q: _Sql, alias: str = "p", table: str = "pledges") -> list[str]:
    conds = _review_conds(f, table, alias)
    if f.donors:
        conds.append(q.values(f"{alias}.donor", "donors", f.donors))
    if f.recipients:
        conds.append(q.values(f"{alias}.recipient_iso3", "recipients", f.recipients))
    if f.aid_forms:
        conds.append(q.values(f"{alias}.aid_form", "aid_forms", f.aid_forms))
    if f.statuses:
        conds.append(q.values(f"{alias}.status", "statuses", f.statuses))
    conds += _date_conds(f, q, f"{alias}.announced_on")
    return conds


def _in_kind_conds(f: Filters, q: _Sql, table: str = "pledges") -> list[str]:
    return [*_pledge_conds(f, q, table=table), "p.aid_form = 'in_kind'"]


def _date_conds(f: Filters, q: _Sql, column: str) -> list[str]:
    conds = []
    if f.date_from is not None:
        conds.append(f"{column} >= {q.value('date_from', f.date_from)}::DATE")
    if f.date_to is not None:
        conds.append(f"{column} <= {q.value('date_to', f.date_to)}::DATE")
    return conds


def _donor_countries(f: Filters, q: _Sql, column: str) -> list[str]:
    """Risk figures and appeals have no donor: choosing donors narrows them to the countries the
    chosen donors' (filtered) pledges go to, so every table follows the donor filter."""
    if not f.donors:
        return []
    if q.countries is None:
        raise RuntimeError("donor countries not resolved: build the statement with _sql()")
    if not q.countries:
        return ["false"]
    return [q.values(column, "countries", q.countries)]


# per reader: how many pledge filters' countries to remember
_COUNTRY_MEMO = 64


def _sql(
    reader: _Reader, con: duckdb.DuckDBPyConnection, f: Filters, *, pledges: str = "pledges", **params: Any
) -> _Sql:
    """A statement's parameters, with the donor filter's countries looked up (once per file version)
    in `pledges` ('pledges' or 'flows': the table the statement's records go with)."""
    if pledges not in ("pledges", "flows"):
        raise ValueError(f"no donor countries from {pledges!r}")
    if not f.donors:
        return _Sql(**params)
    key = (replace(f, indicators=(), reports=False), pledges)  # what the pledges' filter depends on
    with _LOCK:
        memo = reader.memo.setdefault("countries", OrderedDict())
        countries = memo.get(key)
        if countries is not None:
            memo.move_to_end(key)
    if countries is None:
        q = _Sql()
        sql = (
            f"SELECT DISTINCT p.recipient_iso3 FROM {pledges} p {_where(_pledge_conds(f, q, table=pledges))}"
        )
        countries = tuple(sorted(r[0] for r in con.execute(sql, q.params).fetchall() if r[0] is not None))
        with _LOCK:
            memo[key] = countries
            while len(memo) > _COUNTRY_MEMO:
                memo.popitem(last=False)
    return _Sql(countries, **params)


def _risk_conds(f: Filters, q: _Sql, alias: str = "r", table: str = "risk_figures") -> list[str]:
    conds = _review_conds(f, table, alias)
    if f.recipients:
        conds.append(q.values(f"{alias}.country_iso3", "recipients", f.recipients))
    if f.indicators:
        conds.append(q.values(f"{alias}.indicator", "indicators", f.indicators))
    conds += _donor_countries(f, q, f"{alias}.country_iso3")
    conds += _date_conds(f, q, f"{alias}.as_of")
    return conds


def _appeal_conds(
    f: Filters, q: _Sql, *, dates: bool = True, date: str = "a.published_on", table: str = "appeals"
) -> list[str]:
    """Conditions on `appeals ap` joined to its article `a` (an appeal's date is its article's), or
    on `appeal_groups ap` (`table`) with `date` its announced_on."""
    conds = _review_conds(f, table, "ap")
    if f.recipients:
        conds.append(q.values("ap.country_iso3", "recipients", f.recipients))
    conds += _donor_countries(f, q, "ap.country_iso3")
    if dates:
        conds += _date_conds(f, q, date)
    return conds


def _article_conds(f: Filters, q: _Sql) -> list[str]:
    """With any record filter on, an article shows when it is the source of a shown record."""
    conds = _date_conds(f, q, "a.published_on")
    if f.records_filtered():
        # the appeals' own date filter is the article's, already applied above
        appeals = _appeal_conds(f, q, dates=False)
        conds.append(
            "a.article_id IN (SELECT DISTINCT article_id FROM ("
            f"SELECT p.article_id FROM pledges p {_where(_pledge_conds(f, q))} "
            f"UNION ALL SELECT r.article_id FROM risk_figures r {_where(_risk_conds(f, q))} "
            f"UNION ALL SELECT ap.article_id FROM appeals ap {_where(appeals)}))"
        )
    return conds


# --- per-version facts: the sidebar's choices ---------------------------------------------

_CATALOG = {
    "donors": "SELECT DISTINCT donor FROM pledges ORDER BY donor",
    # every recipient country with a name, then the countries only risk figures name; the
    # distinct (code, name) pairs first, as there are few of them
    "recipients": """
        WITH pairs AS (
            SELECT DISTINCT recipient_iso3 AS iso3, recipient AS name FROM pledges
            WHERE recipient_iso3 IS NOT NULL
        ), risk AS (
            SELECT DISTINCT country_iso3 AS iso3, country AS name FROM risk_figures
            WHERE country_iso3 IS NOT NULL
        )
        SELECT iso3, any_value(name) AS name FROM pairs GROUP BY iso3
        UNION ALL
        SELECT iso3, any_value(name) FROM risk WHERE iso3 NOT IN (SELECT iso3 FROM pairs) GROUP BY iso3
    """,
    "aid_forms": "SELECT DISTINCT aid_form FROM pledges ORDER BY 1",
    "statuses": "SELECT DISTINCT status FROM pledges ORDER BY 1",
    "indicators": "SELECT DISTINCT indicator FROM risk_figures ORDER BY 1",
    "bounds": """
        SELECT min(d), max(d) FROM (
            SELECT min(published_on) AS d FROM articles UNION ALL SELECT max(published_on) FROM articles
            UNION ALL SELECT min(announced_on) FROM pledges UNION ALL SELECT max(announced_on) FROM pledges
            UNION ALL SELECT min(as_of) FROM risk_figures UNION ALL SELECT max(as_of) FROM risk_figures
        ) WHERE d IS NOT NULL
    """,
}


def _catalog(db: str | Path) -> dict[str, Any]:
    """What the data holds, whatever the filters: computed once per file version."""
    reader, con = _checkout(db, RETRY_SECONDS)
    try:
        found = reader.memo.get("catalog")
        if found is None:
            bounds = con.execute(_CATALOG["bounds"]).fetchone() or (None, None)
            found = {
                "donors": con.execute(_CATALOG["donors"]).df(),
                "recipients": con.execute(_CATALOG["recipients"]).df(),
                "aid_forms": [r[0] for r in con.execute(_CATALOG["aid_forms"]).fetchall()],
                "statuses": [r[0] for r in con.execute(_CATALOG["statuses"]).fetchall()],
                "indicators": [r[0] for r in con.execute(_CATALOG["indicators"]).fetchall()],
                "bounds": (bounds[0], bounds[1]) if bounds[0] is not None and bounds[1] is not None else None,
            }
            reader.memo["catalog"] = found  # the same for every thread: a race only computes it twice
        return found
    finally:
        _checkin(reader, con)


def distinct_values(db: str | Path) -> dict[str, list[str]]:
    """Aid forms, statuses and indicators present in the data, for the sidebar."""
    cat = _catalog(db)
    return {key: list(cat[key]) for key in ("aid_forms", "statuses", "indicators")}


def date_bounds(db: str | Path) -> tuple[dt.date, dt.date] | None:
    """The earliest and latest date any record or article carries, or None when none is dated."""
    bounds: tuple[dt.date, dt.date] | None = _catalog(db)["bounds"]
    return bounds


# --- the summary: sidebar counts, headline numbers and every aggregate chart ------------
# One scan of pledges grouped by (donor, recipient) and one of risk figures grouped by
# (country, indicator) feed all of them but the goods per unit: the small grouped results go
# into temporary tables of this cursor's own connection, which the SELECTs below read.
# By default the scans read the groups of reports (flows, risk_observations), so a pledge that
# several articles report is counted and summed once; Filters.reports reads every report.


_PLEDGE_GROUPS = """
CREATE OR REPLACE TEMP TABLE g AS
SELECT p.donor, p.recipient_iso3, any_value(p.recipient) AS recipient, count(*) AS n,
       {reports} AS reports,
       sum(p.amount_usd) FILTER (WHERE p.aid_form = 'cash') AS usd,
       count(p.amount_usd) FILTER (WHERE p.aid_form = 'cash') AS n_usd,
       {keep} AS keep_donor, {keep_recipient} AS keep_recipient
FROM {pledges} p {where}
GROUP BY ALL
"""

# Goods never add up across units. Grouping the scan above by unit as well cost more than this
# second scan of the in-kind rows (on the bench's 1M pledges: 14 ms more, against 6 ms).
_GOODS_BY_UNIT = """
SELECT p.unit, sum(p.amount) AS quantity, count(*) AS pledges
FROM {pledges} p {where}
GROUP BY ALL ORDER BY pledges DESC, unit
"""

# the latest figure per country and indicator stands for that population: the largest
# of the latest date's figures (undated ones count as oldest)
_RISK_GROUPS = """
CREATE OR REPLACE TEMP TABLE rg AS
SELECT COALESCE(r.country_iso3, r.country) AS country_key, r.indicator,
       any_value(r.country_iso3) AS iso3, any_value(r.country) AS country,
       max(struct_pack(d := COALESCE(r.as_of, DATE '0001-01-01'), p := r.people)).p AS latest,
       count(*) AS n, count(r.as_of) AS n_dated
FROM {risk} r {where}
GROUP BY ALL
"""

_SUMMARY = {
    # every donor, counted under the other filters (the donor filter itself left out)
    "donor_options": """
        SELECT d.donor AS value, COALESCE(sum(g.n), 0)::BIGINT AS n
        FROM catalog_donors d LEFT JOIN (SELECT * FROM g WHERE keep_recipient) g USING (donor)
        GROUP BY d.donor ORDER BY n DESC, d.donor
    """,
    "recipient_options": """
        SELECT c.iso3 AS value, c.name, COALESCE(sum(g.n), 0)::BIGINT AS n
        FROM catalog_recipients c LEFT JOIN (SELECT * FROM g WHERE keep_donor) g
          ON g.recipient_iso3 = c.iso3
        GROUP BY c.iso3, c.name ORDER BY n DESC, c.iso3
    """,
    # one pass over the filtered groups: a subquery per number costs more to plan than to run
    "headline": """
        WITH country_risk AS (SELECT country_key, max(latest) AS people FROM rg GROUP BY country_key)
        SELECT
            COALESCE(sum(usd), 0) AS usd,
            COALESCE(sum(n), 0) AS pledges,
            COALESCE(sum(reports), 0) AS reports,
            count(DISTINCT donor) AS donors,
            count(DISTINCT recipient_iso3) AS recipients,
            (SELECT COALESCE(sum(people), 0) FROM country_risk WHERE country_key IS NOT NULL)
                AS people_at_risk,
            COALESCE(sum(n_usd), 0) AS usd_pledges,
            (SELECT COALESCE(sum(n), 0) FROM rg) AS risk_figures
        FROM g WHERE keep_donor AND keep_recipient
    """,
    "top_donors": """
        SELECT donor AS label, sum(usd) AS usd, sum(n_usd)::BIGINT AS pledges
        FROM g WHERE keep_donor AND keep_recipient AND n_usd > 0
        GROUP BY donor ORDER BY usd DESC, donor LIMIT 15
    """,
    "top_recipients": """
        SELECT COALESCE(any_value(recipient), recipient_iso3) AS label, recipient_iso3 AS iso3,
               sum(usd) AS usd, sum(n_usd)::BIGINT AS pledges
        FROM g WHERE keep_donor AND keep_recipient AND n_usd > 0 AND recipient_iso3 IS NOT NULL
        GROUP BY recipient_iso3 ORDER BY usd DESC, recipient_iso3 LIMIT 15
    """,
    "flows": """
        SELECT donor, COALESCE(recipient, recipient_iso3, 'unspecified') AS recipient, usd
        FROM g WHERE keep_donor AND keep_recipient AND n_usd > 0
        ORDER BY usd DESC, donor LIMIT 40
    """,
    "usd_by_country": """
        SELECT recipient_iso3 AS iso3, COALESCE(any_value(recipient), recipient_iso3) AS name,
               sum(usd) AS value
        FROM g WHERE keep_donor AND keep_recipient AND n_usd > 0 AND recipient_iso3 IS NOT NULL
        GROUP BY recipient_iso3 ORDER BY value DESC
    """,
    # people at risk per country: the largest of its latest figures, since indicators overlap
    # (the famine-risk population is part of the food-insecure one) and must not be added up
    "people_at_risk_by_country": """
        SELECT any_value(iso3) AS iso3, COALESCE(any_value(country), any_value(iso3)) AS name,
               max(latest) AS value
        FROM rg WHERE country_key IS NOT NULL
        GROUP BY country_key HAVING any_value(iso3) IS NOT NULL ORDER BY value DESC
    """,
    "risk_countries": """
        SELECT country_key AS value, COALESCE(any_value(country), country_key) AS name,
               sum(n_dated)::BIGINT AS n
        FROM rg WHERE country_key IS NOT NULL AND n_dated > 0
        GROUP BY country_key ORDER BY n DESC, country_key
    """,
    "usd_per_person": """
        WITH r AS (
            SELECT any_value(iso3) AS iso3, any_value(country) AS country, max(latest) AS people
            FROM rg WHERE country_key IS NOT NULL GROUP BY country_key
        ), m AS (
            SELECT recipient_iso3, sum(usd) AS usd FROM g
            WHERE keep_donor AND keep_recipient AND n_usd > 0 GROUP BY recipient_iso3
        )
        SELECT r.iso3, COALESCE(r.country, r.iso3) AS country, m.usd, r.people,
               m.usd / r.people AS usd_per_person
        FROM r JOIN m ON m.recipient_iso3 = r.iso3
        WHERE r.people > 0
        ORDER BY usd_per_person DESC
    """,
}


def summary(db: str | Path, filters: Filters) -> dict[str, Any]:
    """The sidebar's option counts, the headline numbers and every aggregate chart's data, at once.

    Keys:
    - donor_options, recipient_options: every donor / recipient country (ISO3, with a name) and
      its pledge count under the other filters (0 when none match);
    - headline (a dict): total pledged (cash, USD), pledge/donor/recipient counts, people at risk,
      the reports the pledges come from (as many as pledges when `filters.reports`), and the
      counts empty views are worded from: cash_pledges, usd_pledges (cash with a USD value, what
      the cash charts draw), in_kind_pledges and risk_figures;
    - goods_by_unit: in-kind quantity and pledge count per unit, most pledges first;
    - top_donors, top_recipients: the 15 that pledged / were pledged the most cash (USD);
    - flows: the 40 largest donor -> recipient cash flows (USD);
    - usd_by_country: USD of cash pledges per recipient country (ISO3), for the map;
    - people_at_risk_by_country: the largest latest figure over its indicators, for the map;
    - risk_countries: countries with dated risk figures, most figures first;
    - usd_per_person: cash pledged (USD) against people at risk, per country that has both.

    Pledges are flows and risk figures risk observations (each counted once, however many
    articles report it) unless `filters.reports`.
    """
    cat = _catalog(db)
    f = filters
    pledges, risk = shown_table("pledges", f), shown_table("risk_figures", f)
    q = _Sql()
    # donors and recipients are grouping keys: their filters become flags, not WHERE clauses,
    # so the option counts (each leaving its own filter out) come from the same scan
    keep = q.values("p.donor", "donors", f.donors) if f.donors else "true"
    keep_recipient = q.values("p.recipient_iso3", "recipients", f.recipients) if f.recipients else "true"
    pledges_sql = _PLEDGE_GROUPS.format(
        pledges=pledges,
        # how many reports a row stands for: a flow counts its own, a report itself
        reports="count(*)" if f.every_report() else "sum(p.n_reports)",
        keep=keep,
        keep_recipient=keep_recipient,
        where=_where(_pledge_conds(replace(f, donors=(), recipients=()), q, table=pledges)),
    )
    out: dict[str, Any] = {}
    with connect(db) as con:
        con.register("catalog_donors", cat["donors"])
        con.register("catalog_recipients", cat["recipients"])
        con.execute(pledges_sql, q.params)
        rq = _Sql()
        conds = _risk_conds(replace(f, donors=()), rq, table=risk)
        if f.donors:
            # the countries the chosen donors' filtered pledges go to, from the groups just made
            conds.append(
                "r.country_iso3 IN (SELECT recipient_iso3 FROM g WHERE keep_donor AND keep_recipient)"
            )
        con.execute(_RISK_GROUPS.format(risk=risk, where=_where(conds)), rq.params)
        for name, sql in _SUMMARY.items():
            out[name] = con.execute(sql).df()
        con.execute("DROP TABLE g")
        con.execute("DROP TABLE rg")
        gq = _Sql()
        out["goods_by_unit"] = con.execute(
            _GOODS_BY_UNIT.format(pledges=pledges, where=_where(_in_kind_conds(f, gq, table=pledges))),
            gq.params,
        ).df()
    headline = {k: float(v) for k, v in out["headline"].iloc[0].items()}
    headline["in_kind_pledges"] = float(out["goods_by_unit"]["pledges"].sum())
    # a pledge's aid_form is 'cash' or 'in_kind' (etl/schema.sql)
    headline["cash_pledges"] = headline["pledges"] - headline["in_kind_pledges"]
    out["headline"] = headline
    return out


# --- charts with their own grouping ------------------------------------------------------


def pledges_by_month(db: str | Path, filters: Filters) -> pd.DataFrame:
    """USD of cash pledges per month and donor (dated pledges only); flows unless `filters.reports`."""
    q = _Sql()
    pledges = shown_table("pledges", filters)
    conds = [
        *_pledge_conds(filters, q, table=pledges),
        "p.aid_form = 'cash'",
        "p.amount_usd IS NOT NULL",
        "p.announced_on IS NOT NULL",
    ]
    # grouped on year and month numbers, cheaper to hash than a truncated date
    return _frame(
        db,
        f"""
        SELECT make_date(y, m, 1)::DATE AS month, donor, usd FROM (
            SELECT year(p.announced_on) AS y, month(p.announced_on) AS m, p.donor,
                   sum(p.amount_usd) AS usd
            FROM {pledges} p {_where(conds)} GROUP BY ALL
        ) ORDER BY month, donor
        """,
        q.params,
    )


def in_kind(db: str | Path, filters: Filters) -> pd.DataFrame:
    """In-kind pledges summed per commodity and unit; never converted to or added to money. Flows
    (each pledge once) unless `filters.reports`."""
    q = _Sql()
    pledges = shown_table("pledges", filters)
    return _frame(
        db,
        f"""
        SELECT COALESCE(p.commodity, 'unspecified') AS commodity, p.unit, sum(p.amount) AS quantity,
               count(*) AS pledges
        FROM {pledges} p {_where(_in_kind_conds(filters, q, table=pledges))}
        GROUP BY ALL ORDER BY unit, quantity DESC
        """,
        q.params,
    )


def risk_series(db: str | Path, filters: Filters, country_key: str) -> pd.DataFrame:
    """Dated risk figures of one country: the largest per date and indicator. Risk observations
    (each figure once, at its first date) unless `filters.reports`."""
    risk = shown_table("risk_figures", filters)
    with _use(db) as (reader, con):
        q = _sql(reader, con, filters, pledges=shown_table("pledges", filters))
        key = q.value("country_key", country_key)
        conds = [
            *_risk_conds(filters, q, table=risk),
            f"COALESCE(r.country_iso3, r.country) = {key}",
            "r.as_of IS NOT NULL",
        ]
        sql = f"""
            SELECT r.as_of AS date, r.indicator, max(r.people) AS people
            FROM {risk} r {_where(conds)}
            GROUP BY ALL ORDER BY date, indicator
        """
        return con.execute(sql, q.params).df()


# --- tables: a page of rows, the total count, and every row for downloads ---------------
# Per table: the FROM clause with its alias, the id and sort-date columns, the columns shown, and
# the joins that bring those columns' article title and group id onto a set of the table's rows.
# A report's group id (flow_id, observation_id, group_id) is its row in flow_reports,
# observation_reports or appeal_reports (alias `gr`); a group's title is its first article's.


@dataclass(frozen=True)
class _Table:
    source: str  # FROM ... (the joins the filters need included)
    key: str  # the id column
    date: str  # the sort date column
    columns: str  # the SELECT list; an article title comes from `a`, a report's group id from `gr`
    joins: str = ""  # what `columns` reads beyond `source`
    pledges: str = "pledges"  # where the donor filter's countries come from (see _sql)


def _group_review(table: str, alias: str) -> str:
    """The join that gives each group (`rv`) the status of its latest kept review and who made
    the kept reviews of its reports (NULL when none was reviewed)."""
    links, group_col, records, id_col = _GROUP_LINKS[table]
    return f"""LEFT JOIN (
        SELECT l.{group_col} AS gid, max_by(x.review_status, x.reviewed_at) AS review_status,
               array_to_string(list_sort(list(DISTINCT x.reviewed_by)), '; ') AS reviewed_by
        FROM {links} l JOIN {records} x ON x.{id_col} = l.{id_col}
        WHERE x.review_status IN {KEPT_STATUSES} GROUP BY 1
    ) rv ON rv.gid = {alias}.{group_col}"""


_TABLE = {
    "pledges": _Table(
        "pledges p",
        "p.pledge_id",
        "p.announced_on",
        """p.announced_on AS date, p.donor, p.donor_iso3, p.donor_kind, p.recipient, p.recipient_iso3,
           p.channel, p.amount, p.unit, p.amount_usd, p.aid_form, p.commodity, p.status, p.confidence,
           p.review_status, p.reviewed_by, p.evidence, a.title AS article_title, p.article_id, gr.flow_id,
           p.pledge_id AS id""",
        """LEFT JOIN articles a ON a.article_id = p.article_id
           LEFT JOIN flow_reports gr ON gr.pledge_id = p.pledge_id""",
    ),
    "risk_figures": _Table(
        "risk_figures r",
        "r.figure_id",
        "r.as_of",
        """r.as_of AS date, r.country, r.country_iso3, r.indicator, r.people, r.qualifier,
           r.population_group, r.source_org, r.confidence, r.review_status, r.reviewed_by, r.evidence,
           a.title AS article_title, r.article_id, gr.observation_id, r.figure_id AS id""",
        """LEFT JOIN articles a ON a.article_id = r.article_id
           LEFT JOIN observation_reports gr ON gr.figure_id = r.figure_id""",
    ),
    # an appeal's date is its article's
    "appeals": _Table(
        "appeals ap LEFT JOIN articles a USING (article_id)",
        "ap.appeal_id",
        "a.published_on",
        """a.published_on AS date, ap.organization, ap.country_iso3, ap.amount, ap.unit, ap.amount_usd,
           ap.confidence, ap.review_status, ap.reviewed_by, ap.evidence, a.title AS article_title,
           ap.article_id, gr.group_id, ap.appeal_id AS id""",
        "LEFT JOIN appeal_reports gr ON gr.appeal_id = ap.appeal_id",
    ),
    "articles": _Table(
        "articles a",
        "a.article_id",
        "a.published_on",
        "a.published_on AS date, a.title, a.source, a.url, a.date_basis",
    ),
    # the groups: one row per pledge, figure or appeal, first how many articles report it
    "flows": _Table(
        "flows p",
        "p.flow_id",
        "p.announced_on",
        """p.announced_on AS date, p.n_articles AS articles, p.donor, p.donor_iso3, p.donor_kind, p.recipient,
           p.recipient_iso3, p.amount, p.unit, p.amount_usd, p.aid_form, p.commodity, p.status,
           rv.review_status, rv.reviewed_by, a.title AS first_article_title, p.first_article_id,
           p.flow_id AS id""",
        "LEFT JOIN articles a ON a.article_id = p.first_article_id " + _group_review("flows", "p"),
        "flows",
    ),
    "risk_observations": _Table(
        "risk_observations r",
        "r.observation_id",
        "r.as_of",
        """r.as_of AS date, r.n_articles AS articles, r.country, r.country_iso3, r.indicator, r.people,
           r.population_group, rv.review_status, rv.reviewed_by, a.title AS first_article_title,
           r.first_article_id, r.observation_id AS id""",
        "LEFT JOIN articles a ON a.article_id = r.first_article_id "
        + _group_review("risk_observations", "r"),
        "flows",
    ),
    "appeal_groups": _Table(
        "appeal_groups ap",
        "ap.group_id",
        "ap.announced_on",
        """ap.announced_on AS date, ap.n_articles AS articles, ap.organization, ap.country_iso3, ap.amount,
           ap.unit, ap.amount_usd, rv.review_status, rv.reviewed_by, a.title AS first_article_title,
           ap.first_article_id, ap.group_id AS id""",
        "LEFT JOIN articles a ON a.article_id = ap.first_article_id " + _group_review("appeal_groups", "ap"),
        "flows",
    ),
}

# What a page's first pass keeps of each row; the article title, group id or record counts are
# joined on afterwards, for the page's rows only.
_NARROW = {
    "pledges": "p.* EXCLUDE (span_start, span_end)",
    "risk_figures": "r.* EXCLUDE (span_start, span_end)",
    "appeals": "ap.*, a.published_on",
    "articles": "a.article_id, a.published_on",
    "flows": "p.*",
    "risk_observations": "r.*",
    "appeal_groups": "ap.*",
}

# an appeals page's rows carry their article's date (see _NARROW); the title is joined on
_APPEAL_PAGE_COLUMNS = """ap.published_on AS date, ap.organization, ap.country_iso3, ap.amount, ap.unit,
    ap.amount_usd, ap.confidence, ap.review_status, ap.reviewed_by, ap.evidence, a.title AS article_title,
    ap.article_id, gr.group_id, ap.appeal_id AS id"""

# an article's record counts, for every row of `a` (downloads)
_ARTICLE_COUNTS = """
    (SELECT count(*) FROM pledges x WHERE x.article_id = a.article_id) AS pledges,
    (SELECT count(*) FROM risk_figures x WHERE x.article_id = a.article_id) AS risk_figures,
    (SELECT count(*) FROM appeals x WHERE x.article_id = a.article_id) AS appeals,
    a.article_id AS id
"""

# a page of articles with their record counts, joined on for the page's articles only
_PAGE_COUNTS = """
WITH a AS MATERIALIZED (
    SELECT x.article_id, x.published_on, x.title, x.source, x.url, x.date_basis
    FROM ({page}) pg JOIN articles x USING (article_id)
),
pc AS (SELECT x.article_id, count(*) AS n FROM pledges x JOIN a USING (article_id) GROUP BY 1),
rc AS (SELECT x.article_id, count(*) AS n FROM risk_figures x JOIN a USING (article_id) GROUP BY 1),
xc AS (SELECT x.article_id, count(*) AS n FROM appeals x JOIN a USING (article_id) GROUP BY 1)
SELECT {columns}, COALESCE(pc.n, 0) AS pledges, COALESCE(rc.n, 0) AS risk_figures,
       COALESCE(xc.n, 0) AS appeals, a.article_id AS id
FROM a LEFT JOIN pc USING (article_id) LEFT JOIN rc USING (article_id) LEFT JOIN xc USING (article_id)
{order}
"""


def _check_table(table: str) -> None:
    if table not in _TABLE:
        raise ValueError(f"unknown table {table!r}; expected one of {', '.join(TABLES)}")


def _conds(table: str, filters: Filters, q: _Sql) -> list[str]:
    if table in ("pledges", "flows"):
        return _pledge_conds(filters, q, table=table)
    if table in ("risk_figures", "risk_observations"):
        return _risk_conds(filters, q, table=table)
    if table == "appeals":
        return _appeal_conds(filters, q)
    if table == "appeal_groups":
        return _appeal_conds(filters, q, date="ap.announced_on", table=table)
    # the articles are the sources of the reports, whichever way the page counts them
    return _article_conds(filters, q)


def _alias(table: str) -> str:
    return _TABLE[table].key.split(".")[0]


def _order(t: _Table, *, bare: bool = False) -> str:
    """The page order; `bare` names the columns without their table alias (in a subquery's result)."""
    date, key = (t.date, t.key)
    if bare:
        date, key = date.split(".")[-1], key.split(".")[-1]
    return f"ORDER BY {date} DESC NULLS LAST, {key}"


def _rows_sql(table: str, filters: Filters, q: _Sql) -> str:
    """The SELECT of every filtered row of a table, in page order."""
    t = _TABLE[table]
    where = _where(_conds(table, filters, q))
    if table == "articles":
        return f"SELECT {t.columns}, {_ARTICLE_COUNTS} FROM {t.source} {where} {_order(t)}"
    return f"SELECT {t.columns} FROM {t.source} {t.joins} {where} {_order(t)}"


def _chosen(table: str, filters: Filters, q: _Sql, cutoff: Any = None) -> str:
    """The narrow SELECT of a table's filtered rows, only those dated `cutoff` or later if given."""
    t = _TABLE[table]
    conds = _conds(table, filters, q)
    if cutoff is not None:
        conds.append(f"{t.date} >= {q.value('cutoff', cutoff)}::DATE")
    return f"SELECT {_NARROW[table]} FROM {t.source} {_where(conds)}"


def _page_sql(table: str, chosen: str, q: _Sql, page_size: int, offset: int) -> str:
    """One page of the rows `chosen` selects, with the article title, group id or record counts joined on."""
    t = _TABLE[table]
    alias = _alias(table)
    q.params.update(page_size=page_size, offset=offset)
    page = f"SELECT * FROM ({chosen}) {alias} {_order(t, bare=True)} LIMIT $page_size OFFSET $offset"
    if table == "appeals":
        return f"""
            SELECT {_APPEAL_PAGE_COLUMNS} FROM ({page}) ap
            LEFT JOIN articles a ON a.article_id = ap.article_id {t.joins}
            ORDER BY ap.published_on DESC NULLS LAST, ap.appeal_id
        """
    if table == "articles":
        return _PAGE_COUNTS.format(page=page, columns=t.columns, order=_order(t))
    return f"SELECT {t.columns} FROM ({page}) {alias} {t.joins} {_order(t)}"


def table_rows(db: str | Path, table: str, filters: Filters) -> pd.DataFrame:
    """Every filtered row of a table, as the page and the downloads show them."""
    _check_table(table)
    with _use(db) as (reader, con):
        q = _sql(reader, con, filters, pledges=_TABLE[table].pledges)
        return con.execute(_rows_sql(table, filters, q), q.params).df()


def copy_csv(
    db: str | Path, table: str, filters: Filters, path: str | Path, formula_starts: tuple[str, ...]
) -> list[str]:
    """Write table_rows(db, table, filters) to `path` as CSV rows without a header, CRLF-ended.

    A text cell that starts with one of `formula_starts` gets a leading single quote (numbers
    and dates are written as they are). Returns the column names, in order.
    """
    _check_table(table)
    target = "'" + str(path).replace("'", "''") + "'"  # our own temporary file, never user input
    with _use(db) as (reader, con):
        q = _sql(reader, con, filters, pledges=_TABLE[table].pledges)
        sql = _rows_sql(table, filters, q)
        described = con.execute(f"SELECT * FROM ({sql}) LIMIT 0", q.params).description or []
        columns = [str(d[0]) for d in described]
        starts = q.value("formula_starts", list(formula_starts))
        cells = []
        for name, d in zip(columns, described, strict=True):
            col = f'"{name}"'
            if str(d[1]) == "VARCHAR":
                risky = f"list_contains({starts}::VARCHAR[], left({col}, 1))"
                col = f"CASE WHEN {risky} THEN '''' || {col} ELSE {col} END"
            cells.append(f'{col} AS "{name}"')
        con.execute(
            f"COPY (SELECT {', '.join(cells)} FROM ({sql})) TO {target} "
            "(FORMAT csv, HEADER false, NEW_LINE '\r\n')",
            q.params,
        )
    return columns


def risk_indicators(
    db: str | Path, filters: Filters, table: str = "risk_figures", limit: int = 2
) -> list[str]:
    """Up to `limit` distinct indicators of the filtered rows of `table` (risk figures or observations)."""
    if table not in ("risk_figures", "risk_observations"):
        raise ValueError(f"no risk indicators in {table!r}")
    t = _TABLE[table]
    with _use(db) as (reader, con):
        q = _sql(reader, con, filters, pledges=t.pledges, limit=limit)
        where = _where(_risk_conds(filters, q, table=table))
        sql = f"SELECT DISTINCT r.indicator FROM {t.source} {where} LIMIT $limit"
        return [row[0] for row in con.execute(sql, q.params).fetchall()]


def _count(reader: _Reader, con: duckdb.DuckDBPyConnection, table: str, filters: Filters) -> int:
    t = _TABLE[table]
    q = _sql(reader, con, filters, pledges=_TABLE[table].pledges)
    # appeals need their articles only for the dates
    undated = filters.date_from is None and filters.date_to is None
    source = "appeals ap" if table == "appeals" and undated else t.source
    sql = f"SELECT count(*) FROM {source} {_where(_conds(table, filters, q))}"
    found = con.execute(sql, q.params).fetchone()
    return int(found[0]) if found else 0


def _page(
    reader: _Reader, con: duckdb.DuckDBPyConnection, table: str, filters: Filters, page: int, page_size: int
) -> pd.DataFrame:
    t = _TABLE[table]
    offset = max(page, 0) * page_size
    # The page's last row has date d: every row of the page is dated d or later, so a first pass
    # that sorts the dates alone finds d, and the full sort only sees the rows dated d or later.
    # (Appeals are few: one pass.)
    found = None
    if table not in ("appeals", "appeal_groups"):
        q = _sql(reader, con, filters, pledges=t.pledges, last=offset + page_size - 1)
        found = con.execute(
            f"SELECT {t.date} FROM {t.source} {_where(_conds(table, filters, q))} "
            f"ORDER BY {t.date} DESC NULLS LAST LIMIT 1 OFFSET $last",
            q.params,
        ).fetchone()
    q = _sql(reader, con, filters, pledges=_TABLE[table].pledges)
    sql = _page_sql(table, _chosen(table, filters, q, found[0] if found else None), q, page_size, offset)
    return con.execute(sql, q.params).df()


def table_page(db: str | Path, table: str, filters: Filters, page: int, page_size: int) -> pd.DataFrame:
    """One page (0-based) of the filtered rows of a table, in the same order as table_rows."""
    _check_table(table)
    with _use(db) as (reader, con):
        return _page(reader, con, table, filters, page, page_size)


def table_count(db: str | Path, table: str, filters: Filters) -> int:
    """How many rows of a table the filters keep."""
    _check_table(table)
    with _use(db) as (reader, con):
        return _count(reader, con, table, filters)


def table_view(
    db: str | Path, table: str, filters: Filters, page: int, page_size: int
) -> tuple[int, int, pd.DataFrame]:
    """(total, page, rows): table_count and table_page at once, back on page 0 when `page` is
    past the last one.

    Articles under record filters are the sources of the shown records: that set is found once,
    into a temporary table of this connection, for both the count and the page.
    """
    _check_table(table)
    with _use(db) as (reader, con):
        if table != "articles" or not filters.records_filtered():
            total = _count(reader, con, table, filters)
            page = page if 0 <= page * page_size < total else 0
            return total, page, _page(reader, con, table, filters, page, page_size)
        q = _sql(reader, con, filters, pledges=_TABLE[table].pledges)
        con.execute(f"CREATE OR REPLACE TEMP TABLE shown AS {_chosen(table, filters, q)}", q.params)
        try:
            found = con.execute("SELECT count(*) FROM shown").fetchone()
            total = int(found[0]) if found else 0
            page = page if 0 <= page * page_size < total else 0
            q = _Sql()
            sql = _page_sql(table, "SELECT * FROM shown", q, page_size, page * page_size)
            return total, page, con.execute(sql, q.params).df()
        finally:
            con.execute("DROP TABLE shown")


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


# A group's reports with their articles, its first report first (the one its flow_id hashes:
# the earliest, then the smallest id); `why` says which fields agreed with that first report.
# the date a group's reports are listed by: the pledge's announcement, the figure's as-of date,
# the appeal's article date
_REPORT_DATE = {"flows": "x.announced_on", "risk_observations": "x.as_of", "appeal_groups": "a.published_on"}
_GROUP_REPORTS = {
    group: f"""
        SELECT x.{record_id} AS id, gr.why, x.article_id, x.evidence, x.span_start, x.span_end,
               a.title, a.published_on, a.source, a.url, a.text
        FROM {links} gr JOIN {records} x ON x.{record_id} = gr.{record_id}
        LEFT JOIN articles a ON a.article_id = x.article_id
        WHERE gr.{group_id} = $id
        ORDER BY {_REPORT_DATE[group]} NULLS LAST, x.{record_id}
    """
    for group, (links, group_id, records, record_id) in _GROUP_LINKS.items()
}


def group_reports(db: str | Path, table: str, group_id: str) -> list[dict[str, Any]]:
    """The reports of one flow, risk observation or appeal group (`table`): each as evidence()
    gives a record, with its id and `why` it joined the group. Empty for an unknown id."""
    if table not in _GROUP_REPORTS:
        raise ValueError(f"no reports for table {table!r}")
    with connect(db) as con:
        cur = con.execute(_GROUP_REPORTS[table], {"id": group_id})
        names = [str(d[0]) for d in cur.description or []]
        return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


# --- analysts' reviews -----------------------------------------------------------------------

# per record table: its id column and the columns a reviewer sees and may correct (etl.reviews.FIELDS)
# each record table a reviewer works on: its id column and the fields a review may set (etl.reviews)
REVIEWED_TABLES = {table: (id_col, reviews.FIELDS[kind]) for kind, (table, id_col) in reviews.TABLES.items()}
_REVIEW_COLUMNS = ", ".join(reviews.REVIEW_COLUMNS)


def review_record(db: str | Path, table: str, record_id: str) -> dict[str, Any] | None:
    """One record as a reviewer sees it: its fields, review columns, evidence span, and its
    article's text and content hash (what a review is keyed by). None for an unknown id."""
    if table not in REVIEWED_TABLES:
        raise ValueError(f"no reviews of table {table!r}")
    id_col, fields = REVIEWED_TABLES[table]
    sql = (
        f"SELECT x.{id_col} AS id, x.article_id, {', '.join('x.' + f for f in fields)}, "
        f"{', '.join('x.' + c for c in _REVIEW_COLUMNS.split(', '))}, x.evidence, x.span_start, x.span_end, "
        "a.text, a.content_sha256, a.title "
        f"FROM {table} x LEFT JOIN articles a ON a.article_id = x.article_id WHERE x.{id_col} = $id"
    )
    with connect(db) as con:
        cur = con.execute(sql, {"id": record_id})
        row = cur.fetchone()
        if row is None:
            return None
        return dict(zip([str(d[0]) for d in cur.description or []], row, strict=True))


# the other reports a report may repeat: the same country, nearest in date first
_DUPLICATE_CANDIDATES = {
    "pledges": """
        SELECT x.pledge_id AS id, x.announced_on AS date, x.donor AS who, x.recipient_iso3 AS place,
               x.amount, x.unit, x.article_id
        FROM pledges x, (SELECT * FROM pledges WHERE pledge_id = $id) me
        WHERE x.pledge_id <> me.pledge_id AND x.review_status IS DISTINCT FROM 'rejected'
          AND (x.recipient_iso3 IS NOT DISTINCT FROM me.recipient_iso3 OR x.donor = me.donor)
        ORDER BY (x.donor = me.donor) DESC, abs(date_diff('day', x.announced_on, me.announced_on)) NULLS LAST,
                 x.pledge_id
        LIMIT $limit
    """,
    "risk_figures": """
        SELECT x.figure_id AS id, x.as_of AS date, x.indicator AS who, x.country_iso3 AS place,
               x.people AS amount, 'people' AS unit, x.article_id
        FROM risk_figures x, (SELECT * FROM risk_figures WHERE figure_id = $id) me
        WHERE x.figure_id <> me.figure_id AND x.review_status IS DISTINCT FROM 'rejected'
          AND x.country_iso3 IS NOT DISTINCT FROM me.country_iso3
        ORDER BY (x.indicator = me.indicator) DESC, abs(date_diff('day', x.as_of, me.as_of)) NULLS LAST,
                 x.figure_id
        LIMIT $limit
    """,
    "appeals": """
        SELECT x.appeal_id AS id, a.published_on AS date, x.organization AS who, x.country_iso3 AS place,
               x.amount, x.unit, x.article_id
        FROM appeals x LEFT JOIN articles a USING (article_id),
             (SELECT * FROM appeals WHERE appeal_id = $id) me
        WHERE x.appeal_id <> me.appeal_id AND x.review_status IS DISTINCT FROM 'rejected'
          AND (x.country_iso3 IS NOT DISTINCT FROM me.country_iso3 OR x.organization = me.organization)
        ORDER BY (x.organization = me.organization) DESC, x.appeal_id
        LIMIT $limit
    """,
}


def duplicate_candidates(db: str | Path, table: str, record_id: str, limit: int = 50) -> pd.DataFrame:
    """The reports of `table` the record may repeat (for a rejection as a duplicate): those of its
    country (or donor, organization), the likeliest first."""
    if table not in _DUPLICATE_CANDIDATES:
        raise ValueError(f"no reviews of table {table!r}")
    return _frame(db, _DUPLICATE_CANDIDATES[table], {"id": record_id, "limit": limit})


_REVIEW_COUNTS = """
SELECT kind, count(*) FILTER (WHERE NOT added) AS extracted,
       count(*) FILTER (WHERE review_status IS NOT NULL AND NOT added) AS reviewed,
       count(*) FILTER (WHERE review_status = 'confirmed') AS confirmed,
       count(*) FILTER (WHERE review_status = 'corrected') AS corrected,
       count(*) FILTER (WHERE review_status = 'rejected') AS rejected,
       count(*) FILTER (WHERE added) AS added
FROM (
    SELECT 'pledge' AS kind, review_status, pledge_id LIKE 'added-%' AS added FROM pledges
    UNION ALL SELECT 'risk_figure', review_status, figure_id LIKE 'added-%' FROM risk_figures
    UNION ALL SELECT 'appeal', review_status, appeal_id LIKE 'added-%' FROM appeals
) GROUP BY kind ORDER BY kind
"""


def review_overview(db: str | Path) -> dict[str, Any]:
    """What the analysts' reviews say about the whole database:

    - counts: per kind, the facts extracted, how many were reviewed, confirmed unchanged,
      corrected, rejected, and the facts analysts added;
    - reviewed_share: the share of extracted facts reviewed; precision: among the reviewed, the
      share confirmed unchanged (the extractor's precision as analysts see it); None without any;
    - needs_a_look: the reviews in force that were not applied, with why (review_log);
    - applied_upto: the newest review number applied (0 before any review).
    """
    with connect(db) as con:
        tables = {row[0] for row in con.execute(_TABLE_NAMES).fetchall()}
        counts = con.execute(_REVIEW_COUNTS).df()
        if {"review_log", "review_state"} <= tables:
            look = con.execute(
                "SELECT review_id, kind, record_id, article_id, action, reason, reviewer, reviewed_at,"
                " state FROM review_log WHERE state <> 'applied' ORDER BY review_id"
            ).df()
            found = con.execute("SELECT max(applied_upto) FROM review_state").fetchone()
            upto = int(found[0]) if found and found[0] is not None else 0
        else:
            look, upto = pd.DataFrame(), 0
    extracted, reviewed = int(counts["extracted"].sum()), int(counts["reviewed"].sum())
    confirmed = int(counts["confirmed"].sum())
    return {
        "counts": counts,
        "extracted": extracted,
        "reviewed": reviewed,
        "confirmed": confirmed,
        "added": int(counts["added"].sum()),
        "reviewed_share": reviewed / extracted if extracted else None,
        "precision": confirmed / reviewed if reviewed else None,
        "needs_a_look": look,
        "applied_upto": upto,
    }
