"""Live sources: fetch ReliefWeb reports and RSS/Atom feeds, keep them as raw files, ingest them, resume.

Every fetched response is kept under `raw/<source>/` beside the database and ingested by
etl.pipeline like any file, so `aidtracker ingest data/raw` redoes the database offline.
ReliefWeb pages are saved as the API sent them (etl.read reads them). A feed is saved as
received (`*.received`, which an ingest skips) and as a JSONL file of its entries, one
record each with its own id; an entry whose feed gives only a summary carries the text of
its linked page (also kept as received). Raw file names start with a number that falls with
time, so in a folder read in sorted order the newest version of an article comes first and
is the one kept.

Where each source stopped (ReliefWeb's last date and offset, a feed's ETag) is kept in the
database's `fetch_state` table, written on the ingest's private copy with the articles
(pipeline.run's before_swap): state and articles are swapped in together or not at all, and
later ingests copy the table on.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import threading
import time
import tomllib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import duckdb
import httpx

from aidtracker.etl import load, pipeline, read
from aidtracker.etl.normalize import content_sha256
from aidtracker.etl.records import Article, Rejected
from aidtracker.etl.web import USER_AGENT, FetchError, Politeness, Reply, Web

RELIEFWEB_API = "https://api.reliefweb.int/v2"
APPNAME_FORM = "https://apidoc.reliefweb.int/parameters#appname"
APPNAME_ENV = "AIDTRACKER_RELIEFWEB_APPNAME"
CONFIG_ENV = "AIDTRACKER_CONFIG"
# What etl.read needs of a report; `date` brings date.created, the order the fetch pages in.
RELIEFWEB_FIELDS = ("title", "body", "date", "url_alias", "source", "primary_country")
PAGE_SIZE = 100
# Without --since or a stored state, a first fetch asks for this much of the past.
FIRST_WINDOW = dt.timedelta(days=30)
# Pages between two ingests of a long ReliefWeb fetch: the most an interruption costs.
CHECKPOINT_PAGES = 20
# Raw file names start with NEWEST_FIRST minus the Unix time in milliseconds: newer files sort first.
NEWEST_FIRST = 10**13
RECEIVED = ".received"

# One line of a feed list: a URL, or nothing, and an optional comment after "#".
_FEED_LINE = re.compile(
    r"""
    \A\s*
    (?P<url>[^\s\#]\S*)?   # the URL (a '#' inside it is its fragment, not a comment)
    \s*
    (?:\#.*)?              # a comment: the whole line, or after the URL and a space
    \Z
    """,
    re.VERBOSE,
)

# A URL aidtracker can fetch.
_HTTP_URL = re.compile(
    r"""
    \Ahttps?://   # http or https only: no file:, ftp: or data: URLs from a feed list
    [^/\s?#]+     # a host
    """,
    re.VERBOSE | re.IGNORECASE,
)

# What may not go into a folder name made from a host (an IPv6 address's colons, say).
_UNSAFE_IN_NAME = re.compile(
    r"""
    [^A-Za-z0-9.-]   # anything but letters, digits, dots and hyphens
    """,
    re.VERBOSE,
)

# --since: a date, a date and time, or a number of days or hours back from now.
_AGO = re.compile(
    r"""
    \A(?P<n>\d+)\s*
    (?P<unit>[dh])\Z   # d: days, h: hours ("30d", "12h")
    """,
    re.VERBOSE | re.IGNORECASE,
)

# --every: a number and a unit.
_PERIOD = re.compile(
    r"""
    \A(?P<n>\d+(?:\.\d+)?)\s*
    (?P<unit>[smhd])\Z   # seconds, minutes, hours, days ("1h", "30m")
    """,
    re.VERBOSE | re.IGNORECASE,
)
_UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def is_http_url(text: str) -> bool:
    """Whether `text` is an http(s) URL with a host, the only kind aidtracker fetches.

    >>> is_http_url("https://api.reliefweb.int/v2"), is_http_url("file:///etc/passwd")
    (True, False)
    """
    return bool(_HTTP_URL.match(text))


class SourceError(Exception):
    """A source that cannot be used as asked (no appname, an appname refused, an unreadable feed
    list): one line for the user, and nothing was fetched or written."""


# --- settings ---------------------------------------------------------------------------------


def config_path(environ: Mapping[str, str]) -> Path:
    """The config file: $AIDTRACKER_CONFIG, else aidtracker/config.toml in $XDG_CONFIG_HOME (~/.config)."""
    if environ.get(CONFIG_ENV):
        return Path(environ[CONFIG_ENV]).expanduser()
    base = environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "aidtracker" / "config.toml"


def read_config(path: Path) -> dict[str, Any]:
    """The settings of a TOML config file; {} when there is none."""
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
        raise SourceError(f"cannot read the config file {path}: {reason}") from None


def choose_appname(flag: str | None, environ: Mapping[str, str], config: Mapping[str, Any]) -> str:
    """The ReliefWeb appname: --appname, else $AIDTRACKER_RELIEFWEB_APPNAME, else [reliefweb] appname
    in the config file; SourceError saying how to get one when none is set.

    >>> choose_appname(None, {APPNAME_ENV: "acme-aid-x1"}, {"reliefweb": {"appname": "other"}})
    'acme-aid-x1'
    """
    section = config.get("reliefweb")
    configured = section.get("appname") if isinstance(section, dict) else None
    for value in (flag, environ.get(APPNAME_ENV), configured):
        if isinstance(value, str) and value.strip():
            return value.strip()
    raise SourceError(
        "ReliefWeb needs an approved appname: request one with the form at "
        f"{APPNAME_FORM}, then pass --appname NAME, set ${APPNAME_ENV}, or write "
        f'appname = "NAME" under [reliefweb] in {config_path(environ)}'
    )


def appname_refused(appname: str) -> str:
    return (
        f"ReliefWeb refused the appname {appname!r} (403 Forbidden): since November 2025 it accepts only "
        f"pre-approved appnames; request one with the form at {APPNAME_FORM}"
    )


def user_agent(config: Mapping[str, Any]) -> str:
    """The User-Agent, with the contact the config's [fetch] contact gives (a site may ask for one)."""
    section = config.get("fetch")
    contact = section.get("contact") if isinstance(section, dict) else None
    if isinstance(contact, str) and contact.strip():
        return f"{USER_AGENT[:-1]}; +{contact.strip()})"
    return USER_AGENT


def parse_since(text: str, now: dt.datetime | None = None) -> dt.datetime:
    """--since as a UTC time: a date (its midnight, UTC), a date and time, or "30d" / "12h" ago.

    >>> at = dt.datetime(2026, 12, 5, 10, 0, tzinfo=dt.UTC)
    >>> parse_since("30d", at).isoformat(), parse_since("2026-11-01").isoformat()
    ('2026-11-05T10:00:00+00:00', '2026-11-01T00:00:00+00:00')
    """
    now = now or dt.datetime.now(dt.UTC)
    text = text.strip()
    ago = _AGO.match(text)
    if ago:
        hours = int(ago["n"]) * (24 if ago["unit"].lower() == "d" else 1)
        return now - dt.timedelta(hours=hours)
    try:
        day = dt.date.fromisoformat(text)
        return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)
    except ValueError:
        pass
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(f"{text!r} is not a date (2026-11-01) or a time back from now (30d, 12h)") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def parse_period(text: str) -> float:
    """--every in seconds: a number and s, m, h or d.

    >>> parse_period("1h"), parse_period("30m"), parse_period("1.5d")
    (3600.0, 1800.0, 129600.0)
    """
    match = _PERIOD.match(text.strip())
    if not match or float(match["n"]) <= 0:
        raise ValueError(f"{text!r} is not a period such as 30m, 1h or 1d")
    return float(match["n"]) * _UNIT_SECONDS[match["unit"].lower()]


def read_feed_list(path: Path) -> list[str]:
    """The feed URLs of a list file: one a line, blank lines and "#" comments skipped, each once."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise SourceError(f"cannot read the feed list {path}: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise SourceError(f"the feed list {path} is not UTF-8 text") from None
    urls: list[str] = []
    for lineno, line in enumerate(text.splitlines(), 1):
        match = _FEED_LINE.match(line)
        url = match["url"] if match else line.strip()
        if match and url is None:
            continue
        if not match or not _HTTP_URL.match(url):
            raise SourceError(f"{path}, line {lineno}: {url!r} is not an http(s) URL (one feed URL a line)")
        if url not in urls:
            urls.append(url)
    if not urls:
        raise SourceError(f"the feed list {path} names no feed (one http(s) URL a line, # for comments)")
    return urls


# --- state ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SourceState:
    """Where a source's next fetch starts (a row of fetch_state)."""

    source: str
    key: str
    cursor: str | None = None
    resume_offset: int = 0
    etag: str | None = None
    last_modified: str | None = None
    note: str | None = None


def _read_only(db: Path) -> duckdb.DuckDBPyConnection | None:
    """A read-only connection to `db`, or None when it does not exist yet. Ingests replace the
    file whole, so this sees one complete version of it."""
    if not db.exists():
        return None
    try:
        return duckdb.connect(str(db), read_only=True)
    except duckdb.Error as exc:
        raise load.StoreError(f"cannot open database {db}: {load.first_line(exc)}") from None


def read_states(db: Path) -> dict[tuple[str, str], SourceState]:
    """The stored state of every source, by (source, key); empty for a new database."""
    con = _read_only(db)
    if con is None:
        return {}
    try:
        rows = con.execute(
            "SELECT source, source_key, cursor, resume_offset, etag, last_modified, note FROM fetch_state"
        ).fetchall()
    except duckdb.CatalogException:  # a database from before fetch_state
        return {}
    finally:
        con.close()
    return {(r[0], r[1]): SourceState(*r) for r in rows}


def save_states(con: duckdb.DuckDBPyConnection, states: Iterable[SourceState], at: dt.datetime) -> None:
    """Store the states on `con` (an ingest's private copy), replacing each source's row."""
    for s in states:
        con.execute(
            "INSERT OR REPLACE INTO fetch_state VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [s.source, s.key, s.cursor, s.resume_offset, s.etag, s.last_modified, at, s.note],
        )


def _stored_hashes(db: Path, ids: Sequence[str]) -> dict[str, str]:
    """article_id -> content_sha256 of those `ids` the database holds."""
    con = _read_only(db) if ids else None
    if con is None:
        return {}
    try:
        return dict(
            con.execute(
                "SELECT article_id, content_sha256 FROM articles WHERE article_id IN (SELECT unnest(?))",
                [list(ids)],
            ).fetchall()
        )
    except duckdb.CatalogException:
        return {}
    finally:
        con.close()


# --- results ----------------------------------------------------------------------------------


@dataclass
class SourceResult:
    """What one source gave in a run: articles new, updated, unchanged, items that failed."""

    name: str
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: int = 0
    not_modified: bool = False
    # why the source stopped before the end, if it did (the next run resumes there)
    stopped: str | None = None
    # the stop is one a later run will not mend (ReliefWeb refused the appname)
    fatal: bool = False

    def line(self) -> str:
        if self.not_modified:
            return f"{self.name}: not modified since the last fetch"
        counts = f"{self.new} new, {self.updated} updated, {self.unchanged} unchanged, {self.failed} failed"
        # why it stopped goes to stderr, as an error
        return f"{self.name}: {counts}" + ("; stopped early" if self.stopped else "")


@dataclass(frozen=True)
class FetchSummary:
    """A fetch run: each source's result, and the ingests that loaded what it brought."""

    sources: tuple[SourceResult, ...]
    ingests: tuple[pipeline.Summary, ...] = ()
    requests: int = 0

    @property
    def complete(self) -> bool:
        return not any(s.stopped for s in self.sources)


@dataclass
class _Pending:
    """Fetched but not yet ingested: raw files, rejected responses, the states to store with them."""

    files: list[Path] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)
    states: list[SourceState] = field(default_factory=list)
    # the raw files of each source's result, to count what they bring
    owners: list[tuple[SourceResult, list[Path]]] = field(default_factory=list)


class _Loader:
    """Counts and ingests what a fetch brought, through etl.pipeline; keeps the summaries."""

    def __init__(self, db: Path, stored: Mapping[tuple[str, str], SourceState], wait: float, progress: Any):
        self.db = db
        self.stored = dict(stored)
        self.wait = wait
        self.progress = progress
        self.ingests: list[pipeline.Summary] = []

    def load(self, pending: _Pending) -> None:
        """Count each source's articles against the database, drop raw files that bring nothing
        new, and ingest the rest with the changed states in one swap (nothing when nothing changed)."""
        seen: set[str] = set()
        keep: list[Path] = []
        read_back = [
            (result, path, read.read_file(path)) for result, files in pending.owners for path in files
        ]
        # one look-up of every article read, not a connection per file
        ids = {a.article_id for _, _, items in read_back for a in items if isinstance(a, Article)}
        stored = _stored_hashes(self.db, sorted(ids))
        for result, path, items in read_back:
            if _count_items(items, stored, result, seen):
                keep.append(path)
            else:
                _remove_raw(path)
        changed = [s for s in pending.states if s != self.stored.get((s.source, s.key))]
        if keep or pending.rejected or changed:
            at = dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)
            summary = pipeline.run(
                keep,
                self.db,
                rejected=pending.rejected,
                before_swap=lambda con: save_states(con, changed, at),
                wait=self.wait,
                progress=self.progress,
            )
            self.ingests.append(summary)
            self.stored.update(((s.source, s.key), s) for s in changed)
        pending.files.clear()
        pending.rejected.clear()
        pending.states.clear()
        pending.owners.clear()


def _count_items(
    items: Sequence[Article | Rejected], stored: Mapping[str, str], result: SourceResult, seen: set[str]
) -> bool:
    """Add a raw file's articles to `result` as new, updated or unchanged against the `stored`
    hashes, and its unreadable items as failed; whether the file brings anything an ingest needs."""
    articles = [a for a in items if isinstance(a, Article) and a.article_id not in seen]
    failed = len(items) - sum(isinstance(a, Article) for a in items)
    changed = 0
    for article in articles:
        seen.add(article.article_id)
        known = stored.get(article.article_id)
        if known is None:
            result.new += 1
        elif known != content_sha256(article):
            result.updated += 1
        else:
            result.unchanged += 1
            continue
        changed += 1
    result.failed += failed
    return bool(changed or failed)


def _remove_raw(path: Path) -> None:
    """Remove a raw file that brought nothing new (an earlier one holds the same), and its sources."""
    for leftover in (path, *path.parent.glob(f"{path.stem}*{RECEIVED}")):
        leftover.unlink(missing_ok=True)


def _raw_name(at: float, suffix: str, part: str = "") -> str:
    """A raw file's name: newest first in sorted order (milliseconds), then the UTC time, readable.

    >>> _raw_name(1_764_928_800.25, ".json", "000100")
    '8235071199750-20251205T100000Z-000100.json'
    """
    stamp = dt.datetime.fromtimestamp(at, dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    return f"{NEWEST_FIRST - int(at * 1000):013d}-{stamp}{'-' + part if part else ''}{suffix}"


def _write(path: Path, data: bytes) -> Path:
    """Write a raw file whole (a crash leaves no half response), never over an earlier one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.part")
    tmp.write_bytes(data)
    try:
        os.link(tmp, path)  # fails if the name is taken, where a rename would replace the file
    finally:
        tmp.unlink()
    return path


def _check_db(db: Path) -> Path:
    """`db` as an absolute path whose folder exists: raw/ is made there, so a mistyped --db must
    not create folders before the ingest refuses it."""
    db = Path(db).absolute()
    load.check_path(db)
    return db


def raw_folder(db: Path, source: str) -> Path:
    """Where the raw files of `source` go: raw/<source>/ in the database's folder."""
    return db.parent / "raw" / source


# --- ReliefWeb --------------------------------------------------------------------------------


class Malformed(ValueError):
    """A response that is not what the source promises (truncated, not JSON, no data list)."""


@dataclass(frozen=True)
class ReliefWebPage:
    reports: int
    total: int | None
    newest: str | None  # the largest date.created on the page, as the API wrote it


def reliefweb_key(api_url: str, query: str | None, countries: Sequence[str]) -> str:
    """The state key of a ReliefWeb search: each query and country set resumes on its own.

    >>> reliefweb_key("https://api.reliefweb.int/v2/", "cholera", ["ssd", "SDN"])
    'https://api.reliefweb.int/v2 query=cholera countries=SDN,SSD'
    """
    codes = ",".join(sorted({c.upper() for c in countries})) or "all"
    return f"{api_url.rstrip('/')} query={query or ''} countries={codes}"


def reliefweb_query(
    start: str, offset: int, limit: int, query: str | None, countries: Sequence[str]
) -> dict[str, Any]:
    """The JSON body of a POST to /v2/reports: reports created since `start`, oldest first."""
    conditions: list[dict[str, Any]] = [{"field": "date.created", "value": {"from": start}}]
    if countries:
        conditions.append({"field": "country.iso3", "value": sorted({c.lower() for c in countries})})
    body: dict[str, Any] = {
        "offset": offset,
        "limit": limit,
        "fields": {"include": list(RELIEFWEB_FIELDS)},
        "filter": {"operator": "AND", "conditions": conditions},
        # id breaks ties of one second, so paging never skips or repeats a report
        "sort": ["date.created:asc", "id:asc"],
    }
    if query:
        body["query"] = {"value": query}
    return body


def parse_reliefweb_page(content: bytes) -> ReliefWebPage:
    """What paging needs of a response: its reports, the total, the newest date; Malformed if it is
    not a ReliefWeb answer."""
    try:
        value = json.loads(content)
    except json.JSONDecodeError as exc:
        raise Malformed(
            f"not valid JSON, truncated? (line {exc.lineno}, column {exc.colno}: {exc.msg})"
        ) from None
    except (ValueError, RecursionError) as exc:
        raise Malformed(f"not valid JSON ({type(exc).__name__})") from None
    if not isinstance(value, dict) or not isinstance(value.get("data"), list):
        raise Malformed("no 'data' list of reports")
    total = value.get("totalCount")
    created = [
        item["fields"]["date"]["created"]
        for item in value["data"]
        if isinstance(item, dict)
        and isinstance(item.get("fields"), dict)
        and isinstance(item["fields"].get("date"), dict)
        and isinstance(item["fields"]["date"].get("created"), str)
    ]
    return ReliefWebPage(
        len(value["data"]),
        total if isinstance(total, int) and not isinstance(total, bool) else None,
        max(created, key=_moment, default=None),
    )


def _moment(text: str) -> dt.datetime:
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        return dt.datetime.min.replace(tzinfo=dt.UTC)
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def fetch_reliefweb(
    db: Path,
    *,
    appname: str,
    web: Web,
    query: str | None = None,
    countries: Sequence[str] = (),
    since: dt.datetime | None = None,
    api_url: str = RELIEFWEB_API,
    page_size: int = PAGE_SIZE,
    checkpoint_pages: int = CHECKPOINT_PAGES,
    wait: float = 10.0,
    progress: Callable[[int, int], None] | None = None,
    ingest_progress: Callable[[int, int], None] | None = None,
    now: dt.datetime | None = None,
) -> FetchSummary:
    """Fetch the ReliefWeb reports created since the stored state (or `since`, or FIRST_WINDOW
    ago), page by page, save each page under raw/reliefweb/ and ingest them.

    A run that stops (a request failing after its retries, a malformed page) ingests what it
    fetched and stores its offset; the next run resumes there. A run that ends stores the newest
    date.created it saw; the next asks from that time on. Raises SourceError when ReliefWeb
    refuses the appname before anything was fetched.
    """
    db = _check_db(db)
    key = reliefweb_key(api_url, query, countries)
    stored = read_states(db)
    state = stored.get(("reliefweb", key))
    if since is not None:
        start, offset = since.isoformat(timespec="seconds"), 0
    elif state is not None and state.cursor:
        start, offset = state.cursor, state.resume_offset
    else:
        start, offset = ((now or dt.datetime.now(dt.UTC)) - FIRST_WINDOW).isoformat(timespec="seconds"), 0
    label = "ReliefWeb reports" + (f" matching {query!r}" if query else "")
    label += f" in {', '.join(sorted({c.upper() for c in countries}))}" if countries else ""
    result = SourceResult(label)
    loader = _Loader(db, stored, wait, ingest_progress)
    pending = _Pending()
    url = f"{api_url.rstrip('/')}/reports"
    folder = raw_folder(db, "reliefweb")
    first_offset, newest, pages, complete = offset, None, 0, False
    requests_before = web.requests
    while True:
        try:
            reply = web.request(
                "POST",
                url,
                params={"appname": appname},
                json=reliefweb_query(start, offset, page_size, query, countries),
            )
        except FetchError as exc:
            if exc.status == 403:
                if offset == first_offset and not pending.files and not loader.ingests:
                    raise SourceError(appname_refused(appname)) from None
                result.fatal = True
                result.stopped = appname_refused(appname)
            else:
                # the reason without the URL, whose query holds the appname
                result.stopped = f"{exc.reason} at offset {offset}; the next run resumes there"
            break
        try:
            page = parse_reliefweb_page(reply.content)
        except Malformed as exc:
            where = f"{url} (POST, offset {offset})"
            pending.rejected.append(Rejected(where, f"malformed ReliefWeb response: {exc}"))
            _write(folder / _raw_name(time.time(), f".json{RECEIVED}", f"{offset:06d}"), reply.content)
            result.failed += 1
            result.stopped = f"malformed response at offset {offset}; the next run asks for it again"
            break
        if page.reports:
            path = _write(folder / _raw_name(time.time(), ".json", f"{offset:06d}"), reply.content)
            pending.files.append(path)
        if page.newest is not None and (newest is None or _moment(page.newest) > _moment(newest)):
            newest = page.newest
        offset += page.reports
        if progress is not None and page.total is not None:
            progress(offset - first_offset, max(page.total - first_offset, offset - first_offset))
        if page.reports < page_size or (page.total is not None and offset >= page.total):
            complete = True
            break
        pages += 1
        if pages % checkpoint_pages == 0:
            _settle(pending, result, SourceState("reliefweb", key, start, offset, note="in progress"))
            loader.load(pending)
    if complete:
        final = SourceState("reliefweb", key, newest or start, 0, note="complete")
    else:
        final = SourceState("reliefweb", key, start, offset, note=result.stopped)
    _settle(pending, result, final)
    loader.load(pending)
    return FetchSummary((result,), tuple(loader.ingests), web.requests - requests_before)


def _settle(pending: _Pending, result: SourceResult, state: SourceState) -> None:
    """Hand the files fetched so far to the loader, with the state that follows them."""
    pending.owners.append((result, list(pending.files)))
    pending.states.append(state)


# --- feeds ------------------------------------------------------------------------------------


def feed_folder(db: Path, url: str) -> Path:
    """raw/feeds/<host>-<hash of the URL>/: one folder a feed, named so a person can tell which.

    >>> feed_folder(Path("/d/aid.duckdb"), "https://example.org/rss.xml").name
    'example.org-0c87f88e'
    """
    host = _UNSAFE_IN_NAME.sub("_", httpx.URL(url).host or "feed")
    return raw_folder(db, "feeds") / f"{host}-{hashlib.sha256(url.encode()).hexdigest()[:8]}"


def _record(article: Article, entry_id: str) -> dict[str, Any]:
    """A JSONL record etl.read reads back as the same article, under the entry's own id."""
    return {
        "id": entry_id,
        "title": article.title,
        "date": article.published_on.isoformat() if article.published_on else None,
        "source": article.source,
        "url": article.url,
        "text": article.text,
    }


@dataclass
class _FeedRun:
    """One feed's fetch: its records for the JSONL file, and the bodies to keep as received."""

    url: str
    result: SourceResult
    records: list[dict[str, Any]] = field(default_factory=list)
    received: list[tuple[str, bytes]] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)
    pages_failed: int = 0
    feed_title: str | None = None


def fetch_feeds(
    db: Path,
    urls: Sequence[str],
    *,
    web: Web,
    wait: float = 10.0,
    progress: Callable[[int, int], None] | None = None,
    ingest_progress: Callable[[int, int], None] | None = None,
) -> FetchSummary:
    """Fetch each feed (conditionally: its stored ETag / Last-Modified), make a record of each
    entry (the page's main text for an entry that carries only a summary), save them under
    raw/feeds/ and ingest them all in one run, with each feed's new state."""
    db = _check_db(db)
    stored = read_states(db)
    loader = _Loader(db, stored, wait, ingest_progress)
    pending = _Pending()
    results: list[SourceResult] = []
    requests_before = web.requests
    for done, url in enumerate(urls, 1):
        run = _FeedRun(url, SourceResult(url))
        results.append(run.result)
        state = stored.get(("feed", url))
        new_state = _fetch_feed(web, db, run, state)
        if new_state is not None:
            pending.states.append(new_state)
        pending.rejected.extend(run.rejected)
        pending.owners.append((run.result, _save_feed(db, run)))
        if progress is not None:
            progress(done, len(urls))
    loader.load(pending)
    return FetchSummary(tuple(results), tuple(loader.ingests), web.requests - requests_before)


def _fetch_feed(web: Web, db: Path, run: _FeedRun, state: SourceState | None) -> SourceState | None:
    """Fill `run` from the feed; the state to store, or None to leave the stored one."""
    headers = {}
    if state is not None and state.etag:
        headers["If-None-Match"] = state.etag
    if state is not None and state.last_modified:
        headers["If-Modified-Since"] = state.last_modified
    try:
        reply = web.get(run.url, headers=headers)
    except FetchError as exc:
        run.result.stopped = exc.reason
        return None
    if reply.status == 304:
        run.result.not_modified = True
        return None
    parsed, feed = read.parse_feed(reply.content, "feed.xml")
    if len(parsed) == 1 and isinstance(parsed[0], Rejected) and "#entry" not in parsed[0].source:
        run.rejected.append(Rejected(run.url, f"malformed feed: {parsed[0].reason}"))
        run.received.append(("feed.xml", reply.content))
        run.result.failed += 1
        run.result.stopped = f"malformed feed ({parsed[0].reason})"
        return None
    run.received.append(("feed.xml", reply.content))
    entries = feed.get("entries") or []
    title = (feed.get("feed") or {}).get("title")
    run.feed_title = title.strip() if isinstance(title, str) and title.strip() else None
    ids = [_entry_id(entry) for entry in entries]
    known = _stored_hashes(db, [i for i in ids if i])
    newest: str | None = None
    for index, (entry, item, entry_id) in enumerate(zip(entries, parsed, ids, strict=False), 1):
        if entry_id is None:
            run.rejected.append(Rejected(f"{run.url}#entry{index}", "feed entry has no id and no link"))
            run.result.failed += 1
            continue
        summary = item if isinstance(item, Article) else None
        if (
            summary is not None
            and summary.published_on
            and (newest is None or str(summary.published_on) > newest)
        ):
            newest = str(summary.published_on)
        if entry.get("content") and summary is not None:
            run.records.append(_record(summary, entry_id))
        elif entry_id in known:
            # only a summary, and loaded before: its page was read then, once is enough
            run.result.unchanged += 1
        else:
            _entry_from_page(web, run, entry, entry_id, summary, item)
    complete = run.pages_failed == 0
    return SourceState(
        "feed",
        run.url,
        newest,
        0,
        # a page that failed is tried again only if the next run gets the feed, not a 304
        reply.headers.get("ETag") if complete else None,
        reply.headers.get("Last-Modified") if complete else None,
        "complete" if complete else f"{run.pages_failed} pages failed; the next run tries them again",
    )


def _entry_id(entry: Any) -> str | None:
    """A feed entry's own id (Atom id, RSS guid), else its link."""
    for key in ("id", "link"):
        value = entry.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def _entry_from_page(
    web: Web, run: _FeedRun, entry: Any, entry_id: str, summary: Article | None, item: Article | Rejected
) -> None:
    link = entry.get("link")
    if not isinstance(link, str) or not _HTTP_URL.match(link):
        _fallback(run, entry_id, summary, item, "the entry has no link to its page")
        return
    if not web.allowed(link):
        _fallback(run, entry_id, summary, item, f"robots.txt does not allow downloading {link}")
        return
    try:
        page = web.get(link)
    except FetchError as exc:
        if exc.status is not None and 400 <= exc.status < 500 and exc.status not in (408, 429):
            # gone or refused for good (404, 410, 403): asking again will not bring it
            _fallback(run, entry_id, summary, item, f"its page {link} answered {exc.reason}")
            return
        run.rejected.append(Rejected(link, f"page of a feed entry not downloaded: {exc.reason}"))
        run.result.failed += 1
        run.pages_failed += 1
        return
    run.received.append((f"page-{hashlib.sha256(link.encode()).hexdigest()[:12]}.html", page.content))
    article = read.parse(_utf8(page), "page.html")[0]
    if not isinstance(article, Article):
        _fallback(run, entry_id, summary, item, f"{link}: {article.reason}")
        return
    # the feed's word on title, date and source first: the page's metadata is a guess (trafilatura)
    title = (summary.title if summary else None) or article.title
    date = (summary.published_on if summary else None) or article.published_on
    source = (summary.source if summary else None) or run.feed_title or article.source
    run.records.append(
        _record(replace(article, title=title, published_on=date, source=source, url=link), entry_id)
    )


def _utf8(page: Reply) -> bytes:
    """The page as UTF-8, which etl.read expects: decoded with the charset the server gave."""
    return page.text.encode("utf-8", "surrogatepass")


def _fallback(
    run: _FeedRun, entry_id: str, summary: Article | None, item: Article | Rejected, why: str
) -> None:
    """Keep the feed's summary when the page cannot be had; reject the entry when there is none."""
    if summary is not None:
        run.records.append(_record(summary, entry_id))
        return
    reason = item.reason if isinstance(item, Rejected) else "no text"
    run.rejected.append(Rejected(f"{run.url} entry {entry_id}", f"{reason}, and {why}"))
    run.result.failed += 1


def _save_feed(db: Path, run: _FeedRun) -> list[Path]:
    """Write the feed's records as JSONL and the bodies it came from as received; the JSONL files."""
    # bodies that gave nothing to load are not kept, unless they were refused (to see why)
    if not run.received or not (run.records or run.rejected):
        return []
    folder = feed_folder(db, run.url)
    now = time.time()
    jsonl = _raw_name(now, ".jsonl")
    stem = jsonl.removesuffix(".jsonl")
    for name, body in run.received:
        _write(folder / f"{stem}-{name}{RECEIVED}", body)
    if not run.records:
        return []
    lines = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in run.records)
    return [_write(folder / jsonl, lines.encode("utf-8"))]


# --- running on a schedule --------------------------------------------------------------------


def every(
    period: float,
    once: Callable[[], int],
    *,
    stop: threading.Event | None = None,
    max_runs: int | None = None,
    clock: Callable[[], float] = time.monotonic,
) -> int:
    """Call `once` now and then every `period` seconds (start to start; at once if a run took
    longer) until `stop` is set or after `max_runs`; the last run's exit status.

    Ctrl-C (KeyboardInterrupt) propagates, from a run or from the wait between two.
    """
    stop = stop or threading.Event()
    runs = 0
    while True:
        started = clock()
        status = once()
        runs += 1
        if max_runs is not None and runs >= max_runs:
            return status
        if stop.wait(max(0.0, period - (clock() - started))):
            return status


__all__ = [
    "APPNAME_FORM",
    "FetchError",
    "FetchSummary",
    "Politeness",
    "SourceError",
    "SourceResult",
    "SourceState",
    "Web",
    "choose_appname",
    "every",
    "fetch_feeds",
    "fetch_reliefweb",
    "parse_period",
    "parse_since",
    "read_feed_list",
    "read_states",
]
