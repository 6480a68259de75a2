"""A stand-in for ReliefWeb's API v2, RSS/Atom feeds and news pages, served on 127.0.0.1 for the fetch tests.

Everything it serves is synthetic, written here: invented reports, feeds and pages, marked
as such in their titles. It keeps a log of every request (with the time it arrived), answers
ReliefWeb's POST /v2/reports with its JSON shape (filter by date.created and country.iso3,
sort, offset and limit paging, fields[include], 403 for an appname it did not approve),
feeds with conditional GET, and scripted faults: a status, headers, a body, or a delay
longer than the client's timeout.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
import time
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

APPROVED_APPNAME = "aidtracker-tests-k3v9"


@dataclass(frozen=True)
class Fault:
    """One scripted answer: `status` with `headers` and `body`, after `delay` seconds."""

    status: int = 500
    headers: tuple[tuple[str, str], ...] = ()
    body: bytes = b""
    delay: float = 0.0


@dataclass(frozen=True)
class Logged:
    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    body: Any
    at: float  # time.monotonic() when it arrived


@dataclass
class Feed:
    body: bytes
    etag: str | None = None
    last_modified: str | None = None
    content_type: str = "application/rss+xml"


@dataclass
class FakeSources:
    """The server's content and behaviour; tests change them between runs."""

    reports: list[dict[str, Any]] = field(default_factory=list)
    feeds: dict[str, Feed] = field(default_factory=dict)
    pages: dict[str, str] = field(default_factory=dict)
    robots: str | None = None  # None: /robots.txt is a 404
    # path -> answers given before the normal one, one per request (None: the normal one)
    faults: dict[str, list[Fault | None]] = field(default_factory=dict)
    # ReliefWeb answers 500 to every page from this offset on (a source down mid-paging)
    fail_from_offset: int | None = None
    log: list[Logged] = field(default_factory=list)
    url: str = ""

    def requests(self, path: str | None = None) -> list[Logged]:
        return [r for r in self.log if path is None or r.path == path]

    # --- answers ------------------------------------------------------------------------------

    def answer(self, method: str, target: str, headers: dict[str, str], raw: bytes) -> Fault:
        parts = urllib.parse.urlsplit(target)
        query = dict(urllib.parse.parse_qsl(parts.query))
        try:
            body = json.loads(raw) if raw else None
        except ValueError:
            body = raw
        self.log.append(Logged(method, parts.path, query, headers, body, time.monotonic()))
        queued = self.faults.get(parts.path)
        scripted = queued.pop(0) if queued else None
        if scripted is not None:
            return scripted
        if method == "POST" and parts.path == "/v2/reports":
            return self._reliefweb(query, body)
        if parts.path == "/robots.txt":
            if self.robots is None:
                return Fault(404, body=b"not found")
            return Fault(200, (("Content-Type", "text/plain"),), self.robots.encode())
        if parts.path in self.feeds:
            return self._feed(self.feeds[parts.path], headers)
        if parts.path in self.pages:
            return Fault(
                200, (("Content-Type", "text/html; charset=utf-8"),), self.pages[parts.path].encode()
            )
        return Fault(404, body=b"not found")

    def _feed(self, feed: Feed, headers: dict[str, str]) -> Fault:
        validators = []
        if feed.etag:
            validators.append(("ETag", feed.etag))
        if feed.last_modified:
            validators.append(("Last-Modified", feed.last_modified))
        if (feed.etag and headers.get("if-none-match") == feed.etag) or (
            feed.last_modified and headers.get("if-modified-since") == feed.last_modified
        ):
            return Fault(304, tuple(validators))
        return Fault(200, (("Content-Type", feed.content_type), *validators), feed.body)

    def _reliefweb(self, query: dict[str, str], body: Any) -> Fault:
        if query.get("appname") != APPROVED_APPNAME:
            error = {
                "status": 403,
                "error": {"type": "AccessDeniedHttpException", "message": "Unauthorized appname."},
            }
            return _json(error, 403)
        start, countries = None, None
        for condition in body["filter"]["conditions"]:
            if condition["field"] == "date.created":
                start = dt.datetime.fromisoformat(condition["value"]["from"])
            elif condition["field"] == "country.iso3":
                countries = set(condition["value"])
        assert body["sort"] == ["date.created:asc", "id:asc"]
        rows = sorted(
            (
                r
                for r in self.reports
                if (start is None or dt.datetime.fromisoformat(r["fields"]["date"]["created"]) >= start)
                and (countries is None or r["fields"]["primary_country"]["iso3"] in countries)
            ),
            key=lambda r: (r["fields"]["date"]["created"], int(r["id"])),
        )
        offset, limit = int(body["offset"]), int(body["limit"])
        if self.fail_from_offset is not None and offset >= self.fail_from_offset:
            return _json({"status": 500, "error": {"message": "down"}}, 500)
        include = body["fields"]["include"]
        data = [
            {
                "id": r["id"],
                "score": 1,
                "fields": {k: v for k, v in r["fields"].items() if k in include},
                "href": f"{self.url}/v2/reports/{r['id']}",
            }
            for r in rows[offset : offset + limit]
        ]
        return _json(
            {
                "time": 3,
                "href": f"{self.url}/v2/reports",
                "totalCount": len(rows),
                "count": len(data),
                "data": data,
            }
        )


def _json(value: Any, status: int = 200) -> Fault:
    return Fault(status, (("Content-Type", "application/json"),), json.dumps(value).encode())


def report(report_id: int, created: str, country: str = "sdn", text: str | None = None) -> dict[str, Any]:
    """A synthetic ReliefWeb report, created at `created` (ISO 8601)."""
    body = text or (
        f"Synthetic report {report_id}. Norway pledged $5 million to Sudan on 3 March 2026 "
        "for food assistance, the ministry said."
    )
    return {
        "id": str(report_id),
        "fields": {
            "title": f"Synthetic report {report_id}",
            "body": body,
            "date": {"created": created, "original": created, "changed": created},
            "url_alias": f"https://reliefweb.example/report/{report_id}",
            "source": [{"name": "Synthetic Relief Agency", "shortname": "SRA"}],
            "primary_country": {"iso3": country, "name": country.upper()},
        },
    }


def atom(entries: list[tuple[str, str, str]], title: str = "Synthetic Atom feed") -> bytes:
    """An Atom feed whose entries (id, title, text) carry their full text."""
    items = "".join(
        f"""<entry><id>{i}</id><title>{t}</title><updated>2026-11-2{n % 9}T08:00:00Z</updated>
        <link href="https://news.example/{n}"/><content type="text">{x}</content></entry>"""
        for n, (i, t, x) in enumerate(entries, 1)
    )
    return (
        f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>{title}</title><id>urn:synthetic:atom</id><updated>2026-11-30T08:00:00Z</updated>{items}</feed>"
    ).encode()


def rss(entries: list[tuple[str, str, str, str]], title: str = "Synthetic RSS feed") -> bytes:
    """An RSS feed whose items (guid, title, link, summary) carry only a summary."""
    items = "".join(
        f"<item><guid>{g}</guid><title>{t}</title><link>{link}</link><description>{s}</description>"
        f"<pubDate>Mon, 23 Nov 2026 08:00:00 GMT</pubDate></item>"
        for g, t, link, s in entries
    )
    return (
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{title}</title>'
        f"<link>https://news.example/</link><description>synthetic</description>{items}</channel></rss>"
    ).encode()


def page(title: str, paragraphs: list[str]) -> str:
    """A synthetic news page with a main text trafilatura finds."""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<html><head><title>{title}</title></head><body><nav>Home | World | Synthetic</nav>"
        f"<article><h1>{title}</h1>{body}</article><footer>Synthetic footer</footer></body></html>"
    )


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def _serve(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        headers = {k.lower(): v for k, v in self.headers.items()}
        with self.server.lock:
            answer = self.server.fake.answer(self.command, self.path, headers, raw)
        if answer.delay:
            time.sleep(answer.delay)
        try:
            self.send_response(answer.status)
            for name, value in answer.headers:
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(answer.body)))
            self.end_headers()
            if answer.status != 304:
                self.wfile.write(answer.body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up waiting (a timeout test)

    do_GET = _serve
    do_POST = _serve

    def log_message(self, format: str, *args: Any) -> None:
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False

    def __init__(self, fake: FakeSources) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.fake = fake
        self.lock = threading.Lock()


@contextmanager
def serving() -> Iterator[FakeSources]:
    """A FakeSources answering on 127.0.0.1 at a free port (its .url) for the block."""
    fake = FakeSources()
    server = _Server(fake)
    fake.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield fake
    finally:
        server.shutdown()
        server.server_close()
