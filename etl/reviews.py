"""Analysts' reviews of extracted facts: kept in a SQLite file beside the database, applied at every ingest.

A review confirms, rejects, corrects or adds one fact. Reviews never live in the DuckDB
file itself, because every ingest replaces that file with a new copy (etl.load); they live
in `<database stem>.reviews.sqlite3` in the same folder, which no ingest rewrites. SQLite
takes one writer at a time and keeps each review in its own transaction, so a reviewer who
saves while an ingest swaps the database loses nothing: the ingest that runs next, or the
dashboard's refresh, applies every review in force to the records of the new copy.

A review is keyed by the record's stable id (etl.normalize.record_id) and the content hash
of the article it was made on. When the article has changed, or the record no longer
exists, the review is not applied and is listed as "needs a look" instead.

The last review of a record is the one in force; earlier ones stay as its history.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import math
import re
import sqlite3
from collections.abc import Container, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from aidtracker.etl import gazetteer

KINDS = ("pledge", "risk_figure", "appeal")
ACTIONS = ("confirm", "reject", "correct", "add")
# The short list a reviewer picks a rejection's reason from.
REJECT_REASONS = ("not a pledge", "not a risk figure", "not an appeal", "wrong amount", "duplicate", "other")
STATUSES = ("pledged", "delivered")
INDICATORS = ("famine_risk", "food_insecure", "in_need", "displaced", "malnourished", "affected")

# The fields a reviewer may set, per kind, as the UI and the CSV name them.
FIELDS: dict[str, tuple[str, ...]] = {
    "pledge": (
        "donor",
        "donor_iso3",
        "recipient_iso3",
        "amount",
        "unit",
        "status",
        "announced_on",
        "commodity",
    ),
    "risk_figure": ("country_iso3", "people", "indicator", "as_of"),
    "appeal": ("organization", "country_iso3", "amount", "unit"),
}
# The columns of the record tables that a review sets (etl/schema.sql); the extractor leaves them null.
REVIEW_COLUMNS = ("review_status", "reviewed_by", "reviewed_at", "duplicate_of")
TABLES = {
    "pledge": ("pledges", "pledge_id"),
    "risk_figure": ("risk_figures", "figure_id"),
    "appeal": ("appeals", "appeal_id"),
}

# The CSV that `aidtracker reviews export` writes and `import` reads.
CSV_COLUMNS = (
    "kind",
    "record_id",
    "article_id",
    "content_sha256",
    "action",
    "reason",
    "reviewer",
    "reviewed_at",
    "span_start",
    "span_end",
    "duplicate_of",
    *sorted({f for fields in FIELDS.values() for f in fields}),
)
MAX_IMPORT_BYTES = 5 * 1024 * 1024  # a review file is kilobytes; junk past this is refused whole
MAX_TEXT = 200  # the longest name a text field may hold
# A cell a spreadsheet would run as a formula (OWASP "CSV Injection"): refused, not stored.
_FORMULA = re.compile(r"^[=+\-@\t\r]")
_UNIT = re.compile(r"^(?:[A-Z]{3}|[a-z][a-z ]{0,29})$")  # "USD", or a plain noun: "tonnes"
_RECORD_ID = re.compile(r"^[A-Za-z0-9-]{1,64}$")


class ReviewError(ValueError):
    """A review that cannot be stored, with the reason in words for a user."""


@dataclass(frozen=True)
class Review:
    """One reviewer's verdict on one fact, or a fact she adds."""

    kind: str  # pledge | risk_figure | appeal
    record_id: str
    article_id: str
    content_sha256: str  # of the article as the reviewer saw it
    action: str  # confirm | reject | correct | add
    reviewer: str
    reason: str | None = None  # why a record was rejected
    # the reviewed fields' values before and after (after: what applies; before: for the record)
    before: Mapping[str, Any] = field(default_factory=dict)
    after: Mapping[str, Any] = field(default_factory=dict)
    span: tuple[int, int] | None = None  # the sentence of an added fact, in the article's text
    reviewed_at: dt.datetime | None = None  # stamped by the store when None
    review_id: int | None = None  # the store's number, in the order reviews were saved


def added_record_id(article_id: str, kind: str, span: tuple[int, int], after: Mapping[str, Any]) -> str:
    """The id of a fact a reviewer adds: the same fact added by two analysts gets one id.

    >>> a = added_record_id("a1", "pledge", (0, 10), {"amount": 5.0, "donor": "Japan"})
    >>> a == added_record_id("a1", "pledge", (0, 10), {"donor": "Japan", "amount": 5.0}), a[:6]
    (True, 'added-')
    """
    key = json.dumps([article_id, kind, list(span), dict(sorted(after.items()))], default=str)
    return "added-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:26]


def clean_fields(kind: str, values: Mapping[str, Any]) -> dict[str, Any]:
    """The fields of a review checked and converted; raises ReviewError naming the first bad one.

    Empty values mean "unknown" (None).

    >>> clean_fields("pledge", {"amount": "1,500", "unit": "EUR", "donor_iso3": "nor"})
    {'amount': 1500.0, 'unit': 'EUR', 'donor_iso3': 'NOR'}
    >>> clean_fields("risk_figure", {"indicator": "hungry"})
    Traceback (most recent call last):
    ...
    aidtracker.etl.reviews.ReviewError: indicator: 'hungry' is not one of famine_risk, ...
    """
    if kind not in FIELDS:
        raise ReviewError(f"kind: {kind!r} is not one of {', '.join(KINDS)}")
    out: dict[str, Any] = {}
    for name, value in values.items():
        if name not in FIELDS[kind]:
            raise ReviewError(f"{name}: not a field of a {kind.replace('_', ' ')}")
        out[name] = _clean(name, value)
    return out


def _clean(name: str, value: Any) -> Any:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    text = str(value).strip()
    if _FORMULA.match(text) and name not in ("amount", "people"):
        raise ReviewError(f"{name}: {text[:40]!r} starts like a spreadsheet formula")
    if name in ("amount", "people"):
        try:
            number = float(text.replace(",", "")) if isinstance(value, str) else float(value)
        except (TypeError, ValueError):
            raise ReviewError(f"{name}: {text[:40]!r} is not a number") from None
        if not math.isfinite(number) or number <= 0 or number >= 1e15:
            raise ReviewError(f"{name}: {text[:40]!r} is not a positive amount")
        return number
    if name.endswith("_iso3"):
        code = text.upper()
        if code not in gazetteer.countries():
            raise ReviewError(f"{name}: {text[:40]!r} is not a country code the gazetteer knows")
        return code
    if name in ("announced_on", "as_of"):
        if isinstance(value, dt.date):
            return value if not isinstance(value, dt.datetime) else value.date()
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            raise ReviewError(f"{name}: {text[:40]!r} is not a date (YYYY-MM-DD)") from None
    if name == "status" and text not in STATUSES:
        raise ReviewError(f"status: {text[:40]!r} is not one of {', '.join(STATUSES)}")
    if name == "indicator" and text not in INDICATORS:
        raise ReviewError(f"indicator: {text[:40]!r} is not one of {', '.join(INDICATORS)}")
    if name == "unit" and not _UNIT.match(text):
        raise ReviewError(f"unit: {text[:40]!r} is neither a currency code (USD) nor a plain noun (tonnes)")
    if len(text) > MAX_TEXT or any(ord(c) < 32 for c in text):
        raise ReviewError(f"{name}: longer than {MAX_TEXT} characters, or holds control characters")
    return text


def check(review: Review) -> Review:
    """The review with its fields cleaned; raises ReviewError when it cannot be stored."""
    if review.kind not in KINDS:
        raise ReviewError(f"kind: {review.kind!r} is not one of {', '.join(KINDS)}")
    if review.action not in ACTIONS:
        raise ReviewError(f"action: {review.action!r} is not one of {', '.join(ACTIONS)}")
    reviewer = (review.reviewer or "").strip()
    if not reviewer or len(reviewer) > 80 or _FORMULA.match(reviewer):
        raise ReviewError("reviewer: give a name of at most 80 characters")
    if not review.record_id or not review.article_id or not review.content_sha256:
        raise ReviewError("a review names its record, article and the article's content hash")
    if review.action == "reject" and review.reason not in REJECT_REASONS:
        raise ReviewError(f"reason: a rejection gives one of {', '.join(REJECT_REASONS)}")
    values = dict(review.after)
    duplicate_of = str(values.pop("duplicate_of", None) or "").strip()
    if duplicate_of and not (review.action == "reject" and review.reason == "duplicate"):
        raise ReviewError("duplicate_of: only a rejection as a duplicate names the report it repeats")
    if duplicate_of and (not _RECORD_ID.match(duplicate_of) or duplicate_of == review.record_id):
        raise ReviewError(f"duplicate_of: {duplicate_of[:40]!r} is not the id of another report")
    after = clean_fields(review.kind, values)
    if duplicate_of:
        after["duplicate_of"] = duplicate_of
    if review.action == "correct" and not after:
        raise ReviewError("a correction sets at least one field")
    if review.action == "add":
        if review.span is None:
            raise ReviewError("an added fact names the sentence it comes from")
        needed = {
            "pledge": ("donor", "amount", "unit"),
            "risk_figure": ("people", "indicator"),
            "appeal": ("amount", "unit"),
        }
        missing = [n for n in needed[review.kind] if after.get(n) is None]
        if missing:
            raise ReviewError(f"an added {review.kind.replace('_', ' ')} needs {', '.join(missing)}")
    return replace(
        review,
        reviewer=reviewer,
        reason=review.reason if review.action == "reject" else None,
        before=dict(review.before),
        after=after,
    )


_STORE_SCHEMA = """
CREATE TABLE IF NOT EXISTS reviews (
    review_id      INTEGER PRIMARY KEY AUTOINCREMENT,
    kind           TEXT NOT NULL,
    record_id      TEXT NOT NULL,
    article_id     TEXT NOT NULL,
    content_sha256 TEXT NOT NULL,
    action         TEXT NOT NULL,
    reason         TEXT,
    before_json    TEXT NOT NULL,
    after_json     TEXT NOT NULL,
    span_start     INTEGER,
    span_end       INTEGER,
    reviewer       TEXT NOT NULL,
    reviewed_at    TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS reviews_by_record ON reviews (kind, record_id, review_id);
"""


def store_path(db: Path | str) -> Path:
    """The reviews file of a database: `data/aidtracker.duckdb` -> `data/aidtracker.reviews.sqlite3`.

    >>> store_path("/srv/aid/data/aidtracker.duckdb").as_posix()
    '/srv/aid/data/aidtracker.reviews.sqlite3'
    """
    db = Path(db)
    return db.with_name(db.stem + ".reviews.sqlite3")


def _json(values: Mapping[str, Any]) -> str:
    return json.dumps(
        {k: v.isoformat() if isinstance(v, dt.date) else v for k, v in values.items()}, sort_keys=True
    )


def _from_row(row: sqlite3.Row) -> Review:
    span = (row["span_start"], row["span_end"]) if row["span_start"] is not None else None
    kind = row["kind"]
    return Review(
        kind=kind,
        record_id=row["record_id"],
        article_id=row["article_id"],
        content_sha256=row["content_sha256"],
        action=row["action"],
        reviewer=row["reviewer"],
        reason=row["reason"],
        before=json.loads(row["before_json"]),
        after=_stored_after(kind, json.loads(row["after_json"])),
        span=span,
        reviewed_at=dt.datetime.fromisoformat(row["reviewed_at"]),
        review_id=row["review_id"],
    )


def _stored_after(kind: str, values: dict[str, Any]) -> dict[str, Any]:
    """The fields of a stored review, converted back (dates from their ISO text)."""
    duplicate_of = values.pop("duplicate_of", None)
    after = clean_fields(kind, values)
    if duplicate_of:
        after["duplicate_of"] = duplicate_of
    return after


class ReviewStore:
    """The reviews of one database, in their SQLite file: it owns one connection to it.

    Each save is its own transaction, committed before `save` returns; SQLite's write-ahead
    log lets an ingest read the reviews while the dashboard saves one.
    """

    def __init__(self, path: Path | str, *, timeout: float = 30.0) -> None:
        self.path = Path(path)
        self._con = sqlite3.connect(self.path, timeout=timeout, isolation_level=None, check_same_thread=False)
        self._con.row_factory = sqlite3.Row
        self._con.execute("PRAGMA journal_mode=WAL")
        self._con.executescript(_STORE_SCHEMA)

    @classmethod
    def beside(cls, db: Path | str) -> ReviewStore:
        """The store of the database `db` (the file is made on first use)."""
        return cls(store_path(db))

    def close(self) -> None:
        self._con.close()

    def __enter__(self) -> ReviewStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def save(self, review: Review) -> Review:
        """Check and store a review; returns it with its number and time. Raises ReviewError."""
        review = check(review)
        at = review.reviewed_at or dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)
        cur = self._con.execute(
            "INSERT INTO reviews (kind, record_id, article_id, content_sha256, action, reason, before_json,"
            " after_json, span_start, span_end, reviewer, reviewed_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                review.kind,
                review.record_id,
                review.article_id,
                review.content_sha256,
                review.action,
                review.reason,
                _json(review.before),
                _json(review.after),
                review.span[0] if review.span else None,
                review.span[1] if review.span else None,
                review.reviewer,
                at.isoformat(sep=" "),
            ),
        )
        return replace(review, reviewed_at=at, review_id=cur.lastrowid)

    def in_force(self) -> list[Review]:
        """The last review of each record, in the order they were saved."""
        # the latest by the time it was made, so that an imported older review does not
        # overrule a newer one made here
        rows = self._con.execute(
            "SELECT * FROM (SELECT *, row_number() OVER (PARTITION BY kind, record_id"
            " ORDER BY reviewed_at DESC, review_id DESC) AS k FROM reviews) WHERE k = 1 ORDER BY review_id"
        ).fetchall()
        return [_from_row(r) for r in rows]

    def history(self, kind: str, record_id: str) -> list[Review]:
        """Every review of one record, oldest first."""
        rows = self._con.execute(
            "SELECT * FROM reviews WHERE kind = ? AND record_id = ? ORDER BY reviewed_at, review_id",
            (kind, record_id),
        ).fetchall()
        return [_from_row(r) for r in rows]

    def last_id(self) -> int:
        """The number of the newest review (0 when none): what a database has applied is compared with it."""
        return int(self._con.execute("SELECT coalesce(max(review_id), 0) FROM reviews").fetchone()[0])

    def export_csv(self, out: io.TextIOBase | Any) -> int:
        """Write every review in force as CSV rows (CSV_COLUMNS); returns how many."""
        writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, extrasaction="ignore")
        writer.writeheader()
        n = 0
        for r in self.in_force():
            row: dict[str, Any] = {
                "kind": r.kind,
                "record_id": r.record_id,
                "article_id": r.article_id,
                "content_sha256": r.content_sha256,
                "action": r.action,
                "reason": r.reason or "",
                "reviewer": r.reviewer,
                "reviewed_at": r.reviewed_at.isoformat(sep=" ") if r.reviewed_at else "",
                "span_start": r.span[0] if r.span else "",
                "span_end": r.span[1] if r.span else "",
            }
            for name, value in r.after.items():
                row[name] = (
                    value.isoformat() if isinstance(value, dt.date) else ("" if value is None else value)
                )
            writer.writerow(row)
            n += 1
        return n

    def has(self, review: Review) -> bool:
        """Whether this very review (same record, verdict, values, reviewer and time) is stored."""
        rows = self._con.execute(
            "SELECT 1 FROM reviews WHERE kind = ? AND record_id = ? AND action = ? AND after_json = ?"
            " AND reviewer = ? AND reviewed_at = ? LIMIT 1",
            (
                review.kind,
                review.record_id,
                review.action,
                _json(review.after),
                review.reviewer,
                review.reviewed_at.isoformat(sep=" ") if review.reviewed_at else "",
            ),
        ).fetchall()
        return bool(rows)


@dataclass(frozen=True)
class ImportResult:
    """What an import loaded, and each row it refused with the reason."""

    loaded: int
    already_there: int
    refused: tuple[tuple[int, str], ...]  # (line of the file, reason)


# the (kind, record_id) of every record the database holds
Lookup = Container[tuple[str, str]]


def import_csv(data: bytes, store: ReviewStore, known: Lookup, articles: Mapping[str, str]) -> ImportResult:
    """Load the reviews of a CSV written by `export_csv` into `store`.

    `known` says which records the database holds, `articles` each article's content hash.
    Every row is checked on its own: a row that names an unknown record or article, or holds a
    bad value, is refused with its reason, and the other rows load. Nothing already stored
    changes. A file over MAX_IMPORT_BYTES, or not UTF-8 text, is refused whole.
    """
    if len(data) > MAX_IMPORT_BYTES:
        return ImportResult(
            0, 0, ((0, f"the file is {len(data):,} bytes; a review file holds at most {MAX_IMPORT_BYTES:,}"),)
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return ImportResult(0, 0, ((0, f"not UTF-8 text (byte {exc.start})"),))
    if "\x00" in text:
        return ImportResult(0, 0, ((0, "not a CSV file: it holds NUL bytes"),))
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = reader.fieldnames or []
    missing = [
        c
        for c in ("kind", "record_id", "article_id", "content_sha256", "action", "reviewer")
        if c not in header
    ]
    if missing:
        return ImportResult(0, 0, ((1, f"the header lacks {', '.join(missing)}: not a reviews export"),))
    loaded = there = 0
    refused: list[tuple[int, str]] = []
    try:
        for row in reader:
            line = reader.line_num
            try:
                review = _review_of(row, known, articles)
                if store.has(review):
                    there += 1
                    continue
                store.save(review)
                loaded += 1
            except ReviewError as exc:
                refused.append((line, str(exc)))
    except csv.Error as exc:
        refused.append((reader.line_num, f"the CSV cannot be read past here: {exc}"))
    return ImportResult(loaded, there, tuple(refused))


def _review_of(row: Mapping[str, str | None], known: Lookup, articles: Mapping[str, str]) -> Review:
    if None in row:
        raise ReviewError("more cells than the header names")
    cell = {k: (v or "").strip() for k, v in row.items() if k is not None}
    kind, action, record_id = cell.get("kind", ""), cell.get("action", ""), cell.get("record_id", "")
    if kind not in KINDS:
        raise ReviewError(f"kind: {kind[:40]!r} is not one of {', '.join(KINDS)}")
    if action not in ACTIONS:
        raise ReviewError(f"action: {action[:40]!r} is not one of {', '.join(ACTIONS)}")
    article_id = cell.get("article_id", "")
    if article_id not in articles:
        raise ReviewError(f"article {article_id[:60]!r} is not in this database")
    if action != "add" and (kind, record_id) not in known:
        raise ReviewError(f"{kind.replace('_', ' ')} {record_id[:40]!r} is not in this database")
    span = None
    if action == "add":
        try:
            span = (int(cell.get("span_start", "")), int(cell.get("span_end", "")))
        except ValueError:
            raise ReviewError("an added fact needs span_start and span_end (whole numbers)") from None
    try:
        at = dt.datetime.fromisoformat(cell["reviewed_at"]) if cell.get("reviewed_at") else None
    except ValueError:
        raise ReviewError(f"reviewed_at: {cell['reviewed_at'][:40]!r} is not a time") from None
    after = {n: cell[n] for n in (*FIELDS[kind], "duplicate_of") if cell.get(n)}
    return check(
        Review(
            kind=kind,
            record_id=record_id,
            article_id=article_id,
            content_sha256=cell.get("content_sha256", ""),
            action=action,
            reviewer=cell.get("reviewer", ""),
            reason=cell.get("reason") or None,
            after=after,
            span=span,
            reviewed_at=at,
        )
    )


@dataclass(frozen=True)
class Applied:
    """What applying the reviews in force did to a database."""

    confirmed: int = 0
    corrected: int = 0
    rejected: int = 0
    added: int = 0
    needs_a_look: tuple[tuple[Review, str], ...] = ()  # each with why it was not applied


def _derived(kind: str, row: dict[str, Any], article_on: dt.date | None) -> dict[str, Any]:
    """The columns that follow from the reviewed fields: names of codes, USD, the aid form."""
    from aidtracker.etl.normalize import is_money, to_usd

    out: dict[str, Any] = {}
    if kind == "pledge":
        out["recipient"] = (
            gazetteer.country_name(row["recipient_iso3"]) if row.get("recipient_iso3") else None
        )
        if row.get("donor_iso3") and not row.get("donor"):
            out["donor"] = gazetteer.country_name(row["donor_iso3"])
        money = is_money(row["unit"])
        out["aid_form"] = "cash" if money else "in_kind"
        on = row.get("announced_on") or article_on
        out["amount_usd"] = to_usd(row["amount"], row["unit"], on) if money else None
        if money:
            out["commodity"] = None
    elif kind == "risk_figure":
        out["country"] = gazetteer.country_name(row["country_iso3"]) if row.get("country_iso3") else None
    else:
        money = is_money(row["unit"])
        out["amount_usd"] = to_usd(row["amount"], row["unit"], article_on) if money else None
    return out


def apply(con: Any, in_force: Sequence[Review], *, applied_upto: int = 0) -> Applied:
    """Apply the reviews in force to the records of a writable DuckDB connection (an ingest's copy).

    Idempotent: added facts are removed and made again, review columns reset and set again;
    a correction sets absolute values, so applying it twice changes nothing more. A review
    whose article changed (another content hash) or whose record is gone is left out and
    returned as needing a look. The reviews and their state are copied into the database's
    `review_log` table for the dashboard, with `applied_upto` (the store's last review number).
    """
    counts = {"confirm": 0, "correct": 0, "reject": 0, "add": 0}
    look: list[tuple[Review, str]] = []
    states: list[tuple[Review, str]] = []
    for table, id_col in TABLES.values():
        con.execute(f"DELETE FROM {table} WHERE {id_col} LIKE 'added-%'")
        con.execute(
            f"UPDATE {table} SET review_status = NULL, reviewed_by = NULL, reviewed_at = NULL,"
            " duplicate_of = NULL WHERE review_status IS NOT NULL"
        )
    # the reviewed articles' content hash and date, read once (not every article's: reviews are few)
    articles = {
        aid: (sha, on)
        for aid, sha, on in con.execute(
            "SELECT article_id, content_sha256, published_on FROM articles"
            " WHERE article_id IN (SELECT unnest(?))",
            [sorted({r.article_id for r in in_force})],
        ).fetchall()
    }
    for r in in_force:
        table, id_col = TABLES[r.kind]
        sha, article_on = articles.get(r.article_id, (None, None))
        why = None
        if sha is None:
            why = "its article is no longer in the database"
        elif sha != r.content_sha256:
            why = "its article's text changed since the review"
        if why is None and r.action != "add":
            cur = con.execute(f"SELECT * FROM {table} WHERE {id_col} = ?", [r.record_id])
            found = cur.fetchone()
            if found is None:
                why = "the extractor no longer finds this record in its article"
            else:
                row = dict(zip([d[0] for d in cur.description], found, strict=True))
            target = r.after.get("duplicate_of")
            if why is None and target:
                there = con.execute(f"SELECT count(*) FROM {table} WHERE {id_col} = ?", [target]).fetchone()
                if not there or not there[0]:
                    why = "the report it was marked a duplicate of is no longer extracted"
        if why is not None:
            look.append((r, why))
            states.append((r, f"needs a look: {why}"))
            continue
        status = {"confirm": "confirmed", "reject": "rejected", "correct": "corrected", "add": "added"}[
            r.action
        ]
        stamp = {"review_status": status, "reviewed_by": r.reviewer, "reviewed_at": r.reviewed_at}
        if r.action == "add":
            _insert_added(con, r, article_on, stamp)
        else:
            values = dict(r.after) if r.action == "correct" else {}
            if r.after.get("duplicate_of"):
                values["duplicate_of"] = r.after["duplicate_of"]
            if r.action == "correct":
                row.update(values)
                values.update(_derived(r.kind, row, article_on))
            values.update(stamp)
            sets = ", ".join(f"{k} = ?" for k in values)
            con.execute(f"UPDATE {table} SET {sets} WHERE {id_col} = ?", [*values.values(), r.record_id])
        counts[r.action] += 1
        states.append((r, "applied"))
    _log(con, states, applied_upto)
    return Applied(counts["confirm"], counts["correct"], counts["reject"], counts["add"], tuple(look))


def _insert_added(con: Any, r: Review, article_on: dt.date | None, stamp: Mapping[str, Any]) -> None:
    table, id_col = TABLES[r.kind]
    text = con.execute("SELECT text FROM articles WHERE article_id = ?", [r.article_id]).fetchone()[0]
    assert r.span is not None  # check() refuses an added fact without one
    start, end = max(0, r.span[0]), min(len(text), r.span[1])
    row: dict[str, Any] = {id_col: r.record_id, "article_id": r.article_id, **r.after}
    if r.kind == "pledge":
        row.setdefault("status", "pledged")
        row.setdefault("announced_on", article_on)
        row["donor_kind"] = "government" if row.get("donor_iso3") else None
    elif r.kind == "risk_figure":
        row.setdefault("as_of", article_on)
    row.update(_derived(r.kind, row, article_on))
    row.update(evidence=text[start:end], span_start=start, span_end=end, confidence=1.0, **stamp)
    cols = ", ".join(row)
    con.execute(f"INSERT INTO {table} ({cols}) VALUES ({', '.join('?' * len(row))})", list(row.values()))


def _log(con: Any, states: Iterable[tuple[Review, str]], applied_upto: int) -> None:
    con.execute("DELETE FROM review_log")
    rows = [
        (
            r.review_id,
            r.kind,
            r.record_id,
            r.article_id,
            r.action,
            r.reason,
            _json(r.before),
            _json(r.after),
            r.reviewer,
            r.reviewed_at,
            state,
        )
        for r, state in states
    ]
    if rows:
        con.executemany("INSERT INTO review_log VALUES (?,?,?,?,?,?,?,?,?,?,?)", rows)
    con.execute("DELETE FROM review_state")
    con.execute("INSERT INTO review_state VALUES (?)", [applied_upto])
