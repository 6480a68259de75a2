"""A polite HTTP client for live sources: one request at a time per host, retries with backoff, robots.txt."""

from __future__ import annotations

import contextlib
import datetime as dt
import email.utils
import threading
import time
import urllib.robotparser
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from importlib import metadata
from types import TracebackType
from typing import Any

import httpx
import tenacity

try:
    VERSION = metadata.version("aidtracker")
except metadata.PackageNotFoundError:  # a checkout used without installing it
    VERSION = "0"
# The token robots.txt groups name; the full User-Agent says who is asking and why.
ROBOTS_TOKEN = "aidtracker"
USER_AGENT = f"aidtracker/{VERSION} (tracker of humanitarian aid news; python-httpx)"
# A response body larger than a file of articles may be is a mistake, not news (etl.read's limit).
MAX_BODY_BYTES = 200_000_000
# Server errors worth another try: the server or a gateway in front of it is briefly unwell.
_TRANSIENT_STATUS = frozenset({500, 502, 503, 504})


@dataclass(frozen=True)
class Politeness:
    """How hard to press a host: seconds between two requests to it, tries, backoff and timeout.

    The defaults suit public sources; tests pass small values to run in seconds.
    """

    delay: float = 1.0
    # tries of one request in all (the first included) on timeouts, 5xx and 429
    attempts: int = 5
    # the wait before the second try, doubled before each further one, at most max_backoff
    backoff: float = 2.0
    max_backoff: float = 60.0
    # a 429's Retry-After beyond this is a refusal for this run, not a pause worth waiting out
    max_retry_after: float = 600.0
    timeout: float = 30.0


class FetchError(Exception):
    """A request that failed for good: the URL and the reason, in one line for the user."""

    def __init__(self, url: str, reason: str, status: int | None = None) -> None:
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason
        self.status = status


@dataclass(frozen=True)
class Reply:
    """A response read whole: status, final URL (after redirects), headers and body as received."""

    status: int
    url: str
    headers: httpx.Headers
    content: bytes
    charset: str | None = None

    @property
    def text(self) -> str:
        """The body as text: the charset the headers name, else UTF-8, else Windows-1252 (which
        decodes any byte), the encodings of the web's pages."""
        for encoding in filter(None, (self.charset, "utf-8")):
            try:
                return self.content.decode(encoding)
            except (UnicodeDecodeError, LookupError):
                continue
        return self.content.decode("cp1252", errors="replace")


class _Transient(Exception):
    """A failure worth retrying, with the wait the server asked for (Retry-After), if any."""

    def __init__(self, reason: str, retry_after: float | None = None, status: int | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.retry_after = retry_after
        self.status = status


def retry_after_seconds(value: str | None, now: dt.datetime | None = None) -> float | None:
    """The wait a Retry-After header asks for, in seconds (a number or an HTTP date), or None.

    >>> retry_after_seconds("7"), retry_after_seconds(None), retry_after_seconds("soon")
    (7.0, None, None)
    >>> at = dt.datetime(2026, 12, 5, 10, 0, 0, tzinfo=dt.UTC)
    >>> retry_after_seconds("Sat, 05 Dec 2026 10:00:30 GMT", now=at)
    30.0
    """
    if value is None:
        return None
    text = value.strip()
    if text.isdigit():
        return float(text)
    try:
        when = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return max(0.0, (when - (now or dt.datetime.now(dt.UTC))).total_seconds())


class Web:
    """The one HTTP client of a fetch: it owns the connection pool, the pacing of each host and
    the robots.txt rules read so far.

    Requests go one at a time per host, `politeness.delay` seconds apart (longer if robots.txt
    asks with Crawl-delay). Timeouts, transport errors, 5xx and 429 are retried with exponential
    backoff (tenacity); a 429 or 503 waits what its Retry-After says. `transport` lets tests or
    a caller replace the network; `sleep` and `clock` are time as this client sees it.
    """

    def __init__(
        self,
        politeness: Politeness = Politeness(),
        *,
        user_agent: str = USER_AGENT,
        transport: httpx.BaseTransport | None = None,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.politeness = politeness
        self.user_agent = user_agent
        self.client = httpx.Client(
            headers={"User-Agent": user_agent},
            timeout=politeness.timeout,
            follow_redirects=True,
            transport=transport,
        )
        self._sleep = sleep
        self._clock = clock
        self._lock = threading.Lock()
        # host -> when its last request ended, and the least gap between two of its requests
        self._last: dict[str, float] = {}
        self._gap: dict[str, float] = {}
        self._robots: dict[str, urllib.robotparser.RobotFileParser] = {}
        self.requests = 0

    def __enter__(self) -> Web:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        self.client.close()

    def request(
        self,
        method: str,
        url: str,
        *,
        headers: Mapping[str, str] | None = None,
        json: Any = None,
        params: Mapping[str, str] | None = None,
    ) -> Reply:
        """The response to one request, retried while the failure is transient.

        Returns any 2xx or 3xx response (304 included: the caller asked conditionally); raises
        FetchError for a 4xx, or for a transient failure that outlasted every try.
        """
        # built once: every try sends the same request
        built = self.client.build_request(method, url, headers=headers, json=json, params=params)
        shown = str(built.url) if params else url
        retrying = tenacity.Retrying(
            retry=tenacity.retry_if_exception_type(_Transient),
            stop=tenacity.stop_after_attempt(max(1, self.politeness.attempts)),
            wait=self._wait,
            sleep=self._sleep,
            reraise=True,
        )
        try:
            return retrying(self._send, built)
        except _Transient as exc:
            tries = self.politeness.attempts
            raise FetchError(shown, f"{exc.reason} ({tries} tries)", exc.status) from None

    def get(self, url: str, *, headers: Mapping[str, str] | None = None) -> Reply:
        return self.request("GET", url, headers=headers)

    def allowed(self, url: str) -> bool:
        """Whether robots.txt of the URL's host lets aidtracker download it (RFC 9309: no robots.txt
        or a 4xx for it allows everything; a 5xx or no answer allows nothing)."""
        parsed = httpx.URL(url)
        origin = f"{parsed.scheme}://{parsed.netloc.decode('ascii')}"
        rules = self._robots.get(origin)
        if rules is None:
            rules = self._read_robots(origin)
            self._robots[origin] = rules
        return rules.can_fetch(ROBOTS_TOKEN, url)

    def _read_robots(self, origin: str) -> urllib.robotparser.RobotFileParser:
        rules = urllib.robotparser.RobotFileParser(f"{origin}/robots.txt")
        try:
            response = self.request("GET", f"{origin}/robots.txt")
        except FetchError as exc:
            allow = exc.status is not None and 400 <= exc.status < 500
            rules.parse([] if allow else ["User-agent: *", "Disallow: /"])
            return rules
        rules.parse(response.text.splitlines())
        delay = rules.crawl_delay(ROBOTS_TOKEN)
        if delay is not None:
            host = httpx.URL(origin).host
            self._gap[host] = max(self._gap.get(host, 0.0), float(delay))
        return rules

    def _wait(self, state: tenacity.RetryCallState) -> float:
        failure = state.outcome.exception() if state.outcome is not None else None
        if isinstance(failure, _Transient) and failure.retry_after is not None:
            return failure.retry_after
        exponential = self.politeness.backoff * 2 ** (state.attempt_number - 1)
        return float(min(self.politeness.max_backoff, exponential))

    def _pace(self, host: str) -> None:
        gap = max(self.politeness.delay, self._gap.get(host, 0.0))
        last = self._last.get(host)
        if last is not None:
            pause = last + gap - self._clock()
            if pause > 0:
                self._sleep(pause)

    def _send(self, request: httpx.Request) -> Reply:
        host = request.url.host
        # one request at a time per host, even if a caller ever shares this client between threads
        with self._lock:
            self._pace(host)
            try:
                self.requests += 1
                return self._exchange(request)
            finally:
                self._last[host] = self._clock()

    def _exchange(self, request: httpx.Request) -> Reply:
        try:
            response = self.client.send(request, stream=True)
            with contextlib.closing(response):
                status = response.status_code
                if status == 429 or status in _TRANSIENT_STATUS:
                    wait = retry_after_seconds(response.headers.get("Retry-After"))
                    if wait is not None and wait > self.politeness.max_retry_after:
                        raise FetchError(
                            str(response.url),
                            f"{status} {response.reason_phrase}: the server asks to wait {wait:.0f} s "
                            f"(Retry-After), more than {self.politeness.max_retry_after:.0f} s",
                            status,
                        )
                    raise _Transient(f"{status} {response.reason_phrase}", wait, status)
                if status >= 400:
                    raise FetchError(str(response.url), f"{status} {response.reason_phrase}", status)
                body = bytearray()
                # decoded (gzip undone) as it arrives, so the cap is on what will be kept
                for chunk in response.iter_bytes():
                    body += chunk
                    if len(body) > MAX_BODY_BYTES:
                        raise FetchError(
                            str(response.url), f"response over {MAX_BODY_BYTES // 1_000_000} MB, not read"
                        )
                return Reply(
                    status, str(response.url), response.headers, bytes(body), response.charset_encoding
                )
        except httpx.TimeoutException:
            raise _Transient(f"timed out after {self.politeness.timeout:g} s") from None
        except httpx.TransportError as exc:
            raise _Transient(f"connection failed ({type(exc).__name__}: {exc})") from None
