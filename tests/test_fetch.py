"""`aidtracker fetch`: ReliefWeb paging, feeds with conditional GET, retries, resuming, all against a
local server (tests/fake_sources.py) on 127.0.0.1; no test reaches any other machine."""

from __future__ import annotations

import datetime as dt
import hashlib
import ipaddress
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import feedparser
import pytest
from fake_sources import APPROVED_APPNAME, FakeSources, Fault, Feed, atom, page, report, rss, serving

from aidtracker.etl import cli, fetch, pipeline, read
from aidtracker.etl.normalize import content_sha256
from aidtracker.etl.records import Article
from aidtracker.etl.web import Politeness, Web, retry_after_seconds

REPO = Path(__file__).resolve().parents[1]
# Fast but real: no pause between requests, short backoff, a timeout a test can wait out.
FAST = Politeness(delay=0.0, attempts=4, backoff=0.05, max_backoff=0.2, timeout=0.5)
SINCE = dt.datetime(2026, 11, 1, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def only_this_machine(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any connection to an address off this machine fails the test (and no proxy is used)."""
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    connect = socket.socket.connect

    def guarded(self: socket.socket, address: Any) -> Any:
        if self.family in (socket.AF_INET, socket.AF_INET6):
            host = address[0]
            assert ipaddress.ip_address(host).is_loopback, f"a test tried to reach {host}"
        return connect(self, address)

    monkeypatch.setattr(socket.socket, "connect", guarded)


@pytest.fixture
def sources() -> Iterator[FakeSources]:
    with serving() as fake:
        yield fake
    assert all(r.path.startswith("/") for r in fake.log)


@pytest.fixture
def web() -> Iterator[Web]:
    with Web(FAST) as client:
        yield client


@pytest.fixture
def db(tmp_path: Path) -> Path:
    (tmp_path / "data").mkdir()
    return tmp_path / "data" / "aid.duckdb"


def rows(db: Path, sql: str) -> list[tuple[Any, ...]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def article_ids(db: Path) -> list[str]:
    return [r[0] for r in rows(db, "SELECT article_id FROM articles ORDER BY article_id")]


def states(db: Path) -> dict[str, tuple[Any, ...]]:
    found = rows(db, "SELECT source_key, cursor, resume_offset, etag, last_modified, note FROM fetch_state")
    return {r[0]: r[1:] for r in found}


def reliefweb(db: Path, fake: FakeSources, web: Web, **kw: Any) -> fetch.FetchSummary:
    options: dict[str, Any] = {"since": SINCE, "page_size": 2}
    options.update(kw)
    return fetch.fetch_reliefweb(
        db, appname=APPROVED_APPNAME, web=web, api_url=f"{fake.url}/v2", wait=5.0, **options
    )


def five_reports() -> list[dict[str, Any]]:
    return [report(9000 + n, f"2026-11-{10 + n:02d}T09:00:00+00:00") for n in range(1, 6)]


# --- ReliefWeb -------------------------------------------------------------------------------


def test_reliefweb_pages_through_reports_and_a_second_run_asks_only_for_what_is_new(sources, web, db):
    sources.reports = five_reports()
    summary = reliefweb(db, sources, web)
    (result,) = summary.sources
    assert (result.new, result.updated, result.unchanged, result.failed) == (5, 0, 0, 0)
    assert summary.complete and summary.requests == 3  # pages of 2, 2 and 1
    # each article is the report under ReliefWeb's own id
    assert article_ids(db) == ["9001", "9002", "9003", "9004", "9005"]
    assert rows(db, "SELECT title, url FROM articles WHERE article_id = '9003'") == [
        ("Synthetic report 9003", "https://reliefweb.example/report/9003")
    ]
    # the requests: POST with the appname, the fields etl.read needs, oldest first, paged
    first, second, third = sources.requests("/v2/reports")
    assert first.method == "POST" and first.query == {"appname": APPROVED_APPNAME}
    assert set(first.body["fields"]["include"]) == {
        "title", "body", "date", "url_alias", "source", "primary_country"
    }  # fmt: skip
    assert [r.body["offset"] for r in (first, second, third)] == [0, 2, 4]
    assert first.body["filter"]["conditions"][0] == {
        "field": "date.created",
        "value": {"from": "2026-11-01T00:00:00+00:00"},
    }
    assert first.headers["user-agent"].startswith("aidtracker/")
    # the state: the newest report's time, nothing left to resume
    key = fetch.reliefweb_key(f"{sources.url}/v2", None, ())
    assert states(db) == {key: ("2026-11-15T09:00:00+00:00", 0, None, None, "complete")}
    # the raw pages, as received, under raw/reliefweb beside the database
    raw = sorted((db.parent / "raw" / "reliefweb").glob("*.json"))
    assert len(raw) == 3

    sources.log.clear()
    again = reliefweb(db, sources, web, since=None)
    (result,) = again.sources
    # one request, from the stored time: only the newest report comes back, unchanged
    (request,) = sources.requests()
    assert request.body["filter"]["conditions"][0]["value"] == {"from": "2026-11-15T09:00:00+00:00"}
    assert (result.new, result.updated, result.unchanged) == (0, 0, 1)
    assert again.ingests == ()  # nothing new: the database file is not even rewritten
    assert len(list((db.parent / "raw" / "reliefweb").glob("*.json"))) == 3


def test_a_report_changed_at_the_source_is_updated_not_duplicated(sources, web, db):
    sources.reports = five_reports()
    reliefweb(db, sources, web)
    sources.reports[1] = report(9002, "2026-11-12T09:00:00+00:00", text="Synthetic report 9002, corrected.")
    (result,) = reliefweb(db, sources, web).sources
    assert (result.new, result.updated, result.unchanged) == (0, 1, 4)
    assert article_ids(db) == ["9001", "9002", "9003", "9004", "9005"]
    assert rows(db, "SELECT text FROM articles WHERE article_id = '9002'") == [
        ("Synthetic report 9002, corrected.",)
    ]


def test_countries_and_query_are_sent_and_each_search_keeps_its_own_state(sources, web, db):
    sources.reports = [
        report(1, "2026-11-02T10:00:00+00:00", "sdn"),
        report(2, "2026-11-03T10:00:00+00:00", "ssd"),
        report(3, "2026-11-04T10:00:00+00:00", "som"),
    ]
    reliefweb(db, sources, web, countries=["SDN", "ssd"], query="food")
    (request,) = sources.requests()
    assert request.body["filter"]["conditions"][1] == {"field": "country.iso3", "value": ["sdn", "ssd"]}
    assert request.body["query"] == {"value": "food"}
    assert article_ids(db) == ["1", "2"]
    key = fetch.reliefweb_key(f"{sources.url}/v2", "food", ["SSD", "SDN"])
    assert states(db)[key][0] == "2026-11-03T10:00:00+00:00"
    reliefweb(db, sources, web)  # another search: every country, no query
    assert article_ids(db) == ["1", "2", "3"]
    assert len(states(db)) == 2


def test_a_429_waits_what_retry_after_says(sources, web, db):
    sources.reports = five_reports()[:1]
    sources.faults["/v2/reports"] = [Fault(429, (("Retry-After", "1"),), b"slow down")]
    summary = reliefweb(db, sources, web)
    refused, answered = sources.requests()
    assert answered.at - refused.at >= 1.0  # the server's wait, not the 0.05 s backoff
    assert answered.at - refused.at < 3.0
    assert summary.complete and article_ids(db) == ["9001"]


def test_server_errors_and_a_timeout_are_retried_with_backoff(sources, web, db):
    sources.reports = five_reports()[:1]
    sources.faults["/v2/reports"] = [Fault(500), Fault(503), Fault(200, delay=1.5)]  # the last: too slow
    started = time.monotonic()
    summary = reliefweb(db, sources, web)
    assert len(sources.requests()) == 4
    assert summary.complete and article_ids(db) == ["9001"]
    # backoff 0.05 + 0.1 + 0.2 (its cap), plus the 0.5 s timeout: waited, but not for long
    assert 0.8 <= time.monotonic() - started < 5


def test_a_run_that_fails_mid_paging_keeps_what_it_loaded_and_the_next_resumes_at_its_offset(
    sources, web, db
):
    sources.reports = five_reports()
    sources.fail_from_offset = 4
    summary = reliefweb(db, sources, web)
    (result,) = summary.sources
    assert not summary.complete and "500 Internal Server Error (4 tries)" in (result.stopped or "")
    assert result.new == 4 and article_ids(db) == ["9001", "9002", "9003", "9004"]
    key = fetch.reliefweb_key(f"{sources.url}/v2", None, ())
    cursor, offset, *_ = states(db)[key]
    assert (cursor, offset) == ("2026-11-01T00:00:00+00:00", 4)  # the same query, 4 reports in

    sources.fail_from_offset = None
    sources.log.clear()
    summary = reliefweb(db, sources, web, since=None)
    (request,) = sources.requests()
    assert request.body["offset"] == 4
    assert request.body["filter"]["conditions"][0]["value"] == {"from": "2026-11-01T00:00:00+00:00"}
    assert summary.complete and summary.sources[0].new == 1
    assert article_ids(db) == ["9001", "9002", "9003", "9004", "9005"]
    assert states(db)[key][:2] == ("2026-11-15T09:00:00+00:00", 0)


def test_a_truncated_response_is_rejected_with_its_url_and_reason_and_asked_again_next_time(sources, web, db):
    sources.reports = five_reports()
    truncated = Fault(200, (("Content-Type", "application/json"),), b'{"totalCount": 5, "data": [{"id": "90')
    sources.faults["/v2/reports"] = [None, truncated]  # the first page as usual, then half of one
    summary = reliefweb(db, sources, web)
    (result,) = summary.sources
    assert not summary.complete and result.failed == 1
    assert article_ids(db) == ["9001", "9002"]  # the first page is loaded all the same
    ((source, reason),) = rows(db, "SELECT source, reason FROM rejected")
    assert source == f"{sources.url}/v2/reports (POST, offset 2)"
    assert reason.startswith("malformed ReliefWeb response: not valid JSON, truncated? (line 1, column")
    key = fetch.reliefweb_key(f"{sources.url}/v2", None, ())
    assert states(db)[key][1] == 2
    # the body as received is kept to look at, under a name an ingest does not read
    kept = [p.name for p in (db.parent / "raw" / "reliefweb").iterdir() if p.name.endswith(".received")]
    assert len(kept) == 1 and kept[0].endswith("-000002.json.received")

    summary = reliefweb(db, sources, web, since=None)
    assert summary.complete and article_ids(db) == ["9001", "9002", "9003", "9004", "9005"]


def test_reliefweb_raw_files_reingest_offline_to_the_same_articles(sources, web, db, tmp_path):
    sources.reports = five_reports()
    reliefweb(db, sources, web)
    sources.reports[0] = report(9001, "2026-11-11T09:00:00+00:00", text="Synthetic report 9001, revised.")
    reliefweb(db, sources, web)
    offline = tmp_path / "offline.duckdb"
    summary = pipeline.run([db.parent / "raw"], offline)
    query = "SELECT article_id, content_sha256 FROM articles ORDER BY 1"
    assert rows(offline, query) == rows(db, query)
    # the older version of 9001 is in an older file, which sorts after the newer one: not kept
    (older,) = summary.rejected
    assert older.reason.startswith("duplicate article id '9001' with different text (kept the first")
    assert rows(offline, "SELECT text FROM articles WHERE article_id = '9001'") == [
        ("Synthetic report 9001, revised.",)
    ]


def test_fetch_state_survives_a_later_ingest(sources, web, db, tmp_path):
    sources.reports = five_reports()
    reliefweb(db, sources, web)
    before = states(db)
    note = tmp_path / "note.txt"
    note.write_text("Synthetic note\nThe Netherlands pledged EUR 2 million to Chad on 4 November 2026.\n")
    assert cli.main(["ingest", str(note), "--db", str(db), "--quiet"]) == 0
    assert states(db) == before
    assert "note" in article_ids(db)
    sources.log.clear()
    reliefweb(db, sources, web, since=None)
    (request,) = sources.requests()
    assert request.body["filter"]["conditions"][0]["value"] == {"from": "2026-11-15T09:00:00+00:00"}


# --- ReliefWeb on the command line ------------------------------------------------------------


def command(*args: str | Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "aidtracker.etl.cli", *map(str, args)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def clean_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    keep = {k: v for k, v in os.environ.items() if not k.lower().endswith("_proxy") and "AIDTRACKER" not in k}
    return {**keep, "AIDTRACKER_CONFIG": str(tmp_path / "no-config.toml"), **extra}


def only_error(stderr: str) -> str:
    lines = [line for line in stderr.strip().splitlines() if not line.startswith("aidtracker: database ")]
    assert len(lines) == 1, stderr
    assert "Traceback" not in stderr
    return lines[0]


def test_without_an_appname_the_command_says_how_to_request_one(tmp_path, db, monkeypatch, capsys):
    monkeypatch.setenv("AIDTRACKER_CONFIG", str(tmp_path / "no-config.toml"))
    monkeypatch.delenv(fetch.APPNAME_ENV, raising=False)
    assert cli.main(["fetch", "reliefweb", "--db", str(db), "--api-url", "http://127.0.0.1:9/v2"]) == 1
    line = only_error(capsys.readouterr().err)
    assert line.startswith(
        "aidtracker: error: ReliefWeb needs an approved appname: request one with the form at "
    )
    assert "https://apidoc.reliefweb.int/parameters#appname" in line and "--appname NAME" in line
    assert not db.exists()


def test_the_appname_comes_from_the_config_file_when_no_flag_or_variable_gives_one(tmp_path):
    config = tmp_path / "config.toml"
    config.write_text('[reliefweb]\nappname = "acme-aid-q7"\n')
    settings = fetch.read_config(config)
    assert fetch.choose_appname(None, {}, settings) == "acme-aid-q7"
    assert fetch.choose_appname("flag-x", {fetch.APPNAME_ENV: "env-y"}, settings) == "flag-x"
    config.write_text("[reliefweb\n")
    with pytest.raises(fetch.SourceError, match=r"cannot read the config file .*config\.toml"):
        fetch.read_config(config)


def test_a_refused_appname_gets_one_line_saying_how_to_request_one(sources, tmp_path, db):
    sources.reports = five_reports()
    proc = command(
        "fetch", "reliefweb", "--db", db, "--api-url", f"{sources.url}/v2", "--appname", "made-up",
        env=clean_env(tmp_path),
    )  # fmt: skip
    assert proc.returncode == 1
    line = only_error(proc.stderr)
    assert line == (
        "aidtracker: error: ReliefWeb refused the appname 'made-up' (403 Forbidden): since November 2025 it "
        "accepts only pre-approved appnames; request one with the form at "
        "https://apidoc.reliefweb.int/parameters#appname"
    )
    assert len(sources.requests()) == 1 and not db.exists()


def test_the_command_fetches_prints_a_summary_and_takes_the_appname_from_the_environment(
    sources, tmp_path, db
):
    sources.reports = five_reports()
    env = clean_env(tmp_path, **{fetch.APPNAME_ENV: APPROVED_APPNAME})
    args = ("fetch", "reliefweb", "--db", db, "--api-url", f"{sources.url}/v2", "--since", "2026-11-01")
    proc = command(*args, "--delay", "0", env=env)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[0] == "ReliefWeb reports: 5 new, 0 updated, 0 unchanged, 0 failed"
    assert "articles 5 new, 0 updated, 0 unchanged, 0 rejected" in lines[1]
    again = command(*args[:-2], "--delay", "0", env=env)
    assert again.stdout.splitlines() == ["ReliefWeb reports: 0 new, 0 updated, 1 unchanged, 0 failed"]


@pytest.mark.parametrize(
    ("args", "why"),
    [
        pytest.param(["--since", "last week"], "argument --since: 'last week' is not a date", id="bad-since"),
        pytest.param(["--every", "often"], "argument --every: 'often' is not a period", id="bad-every"),
        pytest.param(["--every", "5s"], "'5s' is too often for a public source", id="every-too-often"),
        pytest.param(["--country", "Sudan"], "'Sudan' is not a three-letter ISO 3166", id="bad-country"),
    ],
)
def test_bad_options_get_one_line_and_status_2(args, why, capsys):
    with pytest.raises(SystemExit) as stop:
        cli.main(["fetch", "reliefweb", *args])
    assert stop.value.code == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and why in err


# --- feeds ------------------------------------------------------------------------------------

ATOM_ENTRIES = [
    ("urn:synthetic:a1", "Synthetic: aid arrives", "Japan pledged $3 million to Haiti on 20 November 2026."),
    ("urn:synthetic:a2", "Synthetic: floods", "Floods displaced 40,000 people in Chad, the agency said."),
]


def rss_entries(url: str) -> list[tuple[str, str, str, str]]:
    return [
        ("synthetic-r1", "Synthetic: grain shipment", f"{url}/news/grain", "Grain is on its way."),
        ("synthetic-r2", "Synthetic: closed page", f"{url}/private/memo", "A memo, summarized."),
    ]


GRAIN_PAGE = page(
    "Synthetic: grain shipment",
    [
        "Canada pledged 10,000 tonnes of wheat to Yemen on 21 November 2026, its ministry said.",
        "The synthetic shipment is due to arrive in December, according to the synthetic port authority.",
    ],
)


def feed_list(tmp_path: Path, fake: FakeSources) -> Path:
    path = tmp_path / "feeds.txt"
    path.write_text(f"# synthetic feeds\n{fake.url}/atom.xml\n\n{fake.url}/rss.xml   # summaries only\n")
    return path


def serve_feeds(fake: FakeSources) -> None:
    fake.feeds["/atom.xml"] = Feed(atom(ATOM_ENTRIES), etag='"atom-v1"', content_type="application/atom+xml")
    fake.feeds["/rss.xml"] = Feed(rss(rss_entries(fake.url)), last_modified="Mon, 23 Nov 2026 08:00:00 GMT")
    fake.pages["/news/grain"] = GRAIN_PAGE
    fake.pages["/private/memo"] = page("Synthetic memo", ["The full memo text that robots.txt keeps out."])
    fake.robots = "User-agent: *\nDisallow: /private/\n"


def feeds(db: Path, fake: FakeSources, web: Web, tmp_path: Path) -> fetch.FetchSummary:
    return fetch.fetch_feeds(db, fetch.read_feed_list(feed_list(tmp_path, fake)), web=web, wait=5.0)


def test_feeds_load_each_entry_under_its_own_id_with_the_page_text_for_summaries(sources, web, db, tmp_path):
    serve_feeds(sources)
    summary = feeds(db, sources, web, tmp_path)
    atom_result, rss_result = summary.sources
    assert (atom_result.new, atom_result.failed, rss_result.new, rss_result.failed) == (2, 0, 2, 0)
    assert article_ids(db) == ["synthetic-r1", "synthetic-r2", "urn:synthetic:a1", "urn:synthetic:a2"]
    texts = dict(rows(db, "SELECT article_id, text FROM articles"))
    assert texts["urn:synthetic:a1"] == ATOM_ENTRIES[0][2]
    # a summary-only entry: the main text of its page, not the summary
    assert texts["synthetic-r1"].startswith("Canada pledged 10,000 tonnes of wheat to Yemen")
    assert "Home | World" not in texts["synthetic-r1"]
    # robots.txt keeps /private/ out: the page is never asked for and the summary stands
    assert texts["synthetic-r2"] == "A memo, summarized."
    assert not sources.requests("/private/memo") and len(sources.requests("/robots.txt")) == 1
    assert rows(db, "SELECT url, source FROM articles WHERE article_id = 'synthetic-r1'") == [
        (f"{sources.url}/news/grain", "Synthetic RSS feed")
    ]
    assert states(db) == {
        f"{sources.url}/atom.xml": ("2026-11-22", 0, '"atom-v1"', None, "complete"),
        f"{sources.url}/rss.xml": ("2026-11-23", 0, None, "Mon, 23 Nov 2026 08:00:00 GMT", "complete"),
    }
    # raw: each feed's records as JSONL (what was ingested) beside the bodies as received
    names = [p.name for p in fetch.feed_folder(db, f"{sources.url}/rss.xml").iterdir()]
    assert sorted(n.split("Z", 1)[1] for n in names) == [
        "-feed.xml.received",
        f"-page-{hashlib.sha256(f'{sources.url}/news/grain'.encode()).hexdigest()[:12]}.html.received",
        ".jsonl",
    ]
    assert len({n.split("Z", 1)[0] for n in names}) == 1  # one fetch: one time in every name


def test_each_feed_fetched_is_parsed_once(sources, web, db, tmp_path, monkeypatch) -> None:
    parsed: list[object] = []
    real = feedparser.parse
    monkeypatch.setattr(feedparser, "parse", lambda *args, **kw: parsed.append(args) or real(*args, **kw))
    serve_feeds(sources)
    summary = feeds(db, sources, web, tmp_path)
    assert [r.new for r in summary.sources] == [2, 2]
    assert len(parsed) == 2


def test_an_unchanged_feed_is_answered_304_and_a_changed_one_brings_only_its_new_entry(
    sources, web, db, tmp_path
):
    serve_feeds(sources)
    feeds(db, sources, web, tmp_path)
    written = db.stat().st_mtime_ns
    sources.log.clear()

    second = feeds(db, sources, web, tmp_path)
    assert [r.not_modified for r in second.sources] == [True, True]
    assert sources.requests("/atom.xml")[0].headers["if-none-match"] == '"atom-v1"'
    assert sources.requests("/rss.xml")[0].headers["if-modified-since"] == "Mon, 23 Nov 2026 08:00:00 GMT"
    assert len(sources.log) == 2 and second.ingests == ()  # no page, no robots.txt, no new file
    assert db.stat().st_mtime_ns == written
    assert [r.line() for r in second.sources][0].endswith("not modified since the last fetch")

    added = ("urn:synthetic:a3", "Synthetic: new appeal", "The agency appealed for $12 million for Sudan.")
    sources.feeds["/atom.xml"] = Feed(atom([*ATOM_ENTRIES, added]), etag='"atom-v2"')
    third = feeds(db, sources, web, tmp_path)
    atom_result, rss_result = third.sources
    assert (atom_result.new, atom_result.updated, atom_result.unchanged) == (1, 0, 2)
    assert rss_result.not_modified
    assert "urn:synthetic:a3" in article_ids(db) and len(article_ids(db)) == 5
    assert states(db)[f"{sources.url}/atom.xml"][2] == '"atom-v2"'


def test_a_page_that_fails_is_tried_again_on_the_next_run(sources, web, db, tmp_path):
    serve_feeds(sources)
    sources.faults["/news/grain"] = [Fault(503)] * FAST.attempts
    first = feeds(db, sources, web, tmp_path)
    rss_result = first.sources[1]
    assert rss_result.failed == 1 and rss_result.new == 1
    assert "synthetic-r1" not in article_ids(db)
    assert ("page of a feed entry not downloaded: 503 Service Unavailable (4 tries)",) in rows(
        db, "SELECT reason FROM rejected"
    )
    # no validators kept: the next run gets the whole feed, not a 304
    assert states(db)[f"{sources.url}/rss.xml"][2:] == (
        None,
        None,
        "1 pages failed; the next run tries them again",
    )
    second = feeds(db, sources, web, tmp_path)
    # the page now; the robots-barred entry, loaded from its summary, is not read again
    assert (second.sources[1].new, second.sources[1].unchanged) == (1, 1)
    assert "synthetic-r1" in article_ids(db) and len(sources.requests("/news/grain")) == FAST.attempts + 1


def test_a_page_that_is_gone_leaves_the_summary_and_is_not_asked_for_again(sources, web, db, tmp_path):
    serve_feeds(sources)
    del sources.pages["/news/grain"]  # the server answers 404
    first = feeds(db, sources, web, tmp_path)
    assert (first.sources[1].new, first.sources[1].failed) == (2, 0)
    texts = dict(rows(db, "SELECT article_id, text FROM articles"))
    assert texts["synthetic-r1"] == rss_entries(sources.url)[0][3]  # the feed's summary
    assert states(db)[f"{sources.url}/rss.xml"][4] == "complete"
    assert len(sources.requests("/news/grain")) == 1  # a 404 is not retried


def test_a_malformed_feed_is_rejected_with_its_url(sources, web, db, tmp_path):
    serve_feeds(sources)
    sources.feeds["/rss.xml"] = Feed(b"<html><body>Service page, not a feed</body></html>")
    summary = feeds(db, sources, web, tmp_path)
    assert summary.sources[0].new == 2 and summary.sources[1].stopped
    ((reason,),) = rows(db, f"SELECT reason FROM rejected WHERE source = '{sources.url}/rss.xml'")
    assert reason.startswith("malformed feed: ")


def test_feed_raw_files_reingest_offline_to_the_same_articles(sources, web, db, tmp_path):
    serve_feeds(sources)
    feeds(db, sources, web, tmp_path)
    offline = tmp_path / "offline.duckdb"
    summary = pipeline.run([db.parent / "raw"], offline)
    assert summary.rejected == ()
    query = "SELECT article_id, title, text, url, content_sha256 FROM articles ORDER BY 1"
    assert rows(offline, query) == rows(db, query)


def test_feed_state_survives_an_ingest_and_the_next_fetch_is_still_conditional(sources, web, db, tmp_path):
    serve_feeds(sources)
    feeds(db, sources, web, tmp_path)
    other = tmp_path / "other.md"
    other.write_text("# Synthetic\n\nIreland pledged EUR 1 million to Mali on 2 November 2026.\n")
    pipeline.run([other], db)
    sources.log.clear()
    summary = feeds(db, sources, web, tmp_path)
    assert [r.not_modified for r in summary.sources] == [True, True]


def test_a_feed_that_fails_stops_alone_and_the_command_says_so_in_one_line(sources, tmp_path, db):
    serve_feeds(sources)
    listed = tmp_path / "feeds.txt"
    listed.write_text(f"{sources.url}/gone.xml\n{sources.url}/atom.xml\n")
    proc = command("fetch", "feeds", listed, "--db", db, "--delay", "0", env=clean_env(tmp_path))
    assert proc.returncode == 1
    assert only_error(proc.stderr) == f"aidtracker: error: {sources.url}/gone.xml: 404 Not Found"
    assert proc.stdout.splitlines()[:2] == [
        f"{sources.url}/gone.xml: 0 new, 0 updated, 0 unchanged, 0 failed; stopped early",
        f"{sources.url}/atom.xml: 2 new, 0 updated, 0 unchanged, 0 failed",
    ]
    assert article_ids(db) == ["urn:synthetic:a1", "urn:synthetic:a2"]


def test_a_database_in_a_folder_that_does_not_exist_is_refused_before_anything_is_fetched(
    sources, web, tmp_path
):
    missing = tmp_path / "nowhere" / "aid.duckdb"
    with pytest.raises(fetch.load.StoreError, match="directory .*nowhere does not exist"):
        fetch.fetch_feeds(missing, [f"{sources.url}/atom.xml"], web=web)
    assert not missing.parent.exists() and not sources.log


@pytest.mark.parametrize(
    ("content", "why"),
    [
        pytest.param(None, "cannot read the feed list {path}: No such file or directory", id="missing"),
        pytest.param(b"\xff\xfe\x00", "the feed list {path} is not UTF-8 text", id="not-utf8"),
        pytest.param(b"# only comments\n\n", "the feed list {path} names no feed", id="empty"),
        pytest.param(
            b"https://a.example/rss\nfile:///etc/passwd\n",
            "{path}, line 2: 'file:///etc/passwd' is not an http(s) URL",
            id="not-http",
        ),
    ],
)
def test_a_feed_list_that_cannot_serve_gets_one_line_naming_the_file(tmp_path, content, why, capsys):
    path = tmp_path / "feeds.txt"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(fetch.SourceError) as error:
        fetch.read_feed_list(path)
    assert str(error.value).startswith(why.format(path=path))
    assert cli.main(["fetch", "feeds", str(path), "--db", str(tmp_path / "aid.duckdb")]) == 1
    assert only_error(capsys.readouterr().err) == f"aidtracker: error: {error.value}"


def test_a_feed_list_keeps_urls_with_fragments_and_skips_comments(tmp_path):
    path = tmp_path / "feeds.txt"
    path.write_text(
        "#c\n  https://a.example/rss#top  # note\nhttps://a.example/rss#top\nhttp://b.example/x\n"
    )
    assert fetch.read_feed_list(path) == ["https://a.example/rss#top", "http://b.example/x"]


# --- politeness -------------------------------------------------------------------------------


def test_requests_to_one_host_are_spaced_by_the_delay(sources):
    sources.pages.update({"/a": page("A", ["a"]), "/b": page("B", ["b"]), "/c": page("C", ["c"])})
    with Web(Politeness(delay=0.3, attempts=1, timeout=2)) as client:
        for name in "abc":
            client.get(f"{sources.url}/{name}")
    times = [r.at for r in sources.requests()]
    assert all(later - earlier >= 0.29 for earlier, later in zip(times, times[1:], strict=False))


def test_a_too_long_retry_after_is_a_failure_not_a_wait(sources):
    sources.faults["/a"] = [Fault(429, (("Retry-After", "3600"),))]
    with (
        Web(Politeness(delay=0, attempts=3, max_retry_after=60)) as client,
        pytest.raises(fetch.FetchError) as error,
    ):
        client.get(f"{sources.url}/a")
    assert "asks to wait 3600 s (Retry-After), more than 60 s" in str(error.value)
    assert len(sources.requests()) == 1


def test_retry_after_reads_seconds_and_http_dates():
    now = dt.datetime(2026, 12, 5, 12, 0, tzinfo=dt.UTC)
    assert retry_after_seconds("120", now) == 120.0
    assert retry_after_seconds("Sat, 05 Dec 2026 12:01:00 GMT", now) == 60.0
    assert retry_after_seconds("Sat, 05 Dec 2026 11:00:00 GMT", now) == 0.0
    assert retry_after_seconds("later", now) is None


def test_robots_txt_that_fails_with_a_5xx_allows_nothing_and_a_404_allows_everything(sources):
    with Web(FAST) as client:
        assert client.allowed(f"{sources.url}/news/x")  # no robots.txt (404)
    sources.faults["/robots.txt"] = [Fault(500)] * FAST.attempts
    with Web(FAST) as client:
        assert not client.allowed(f"{sources.url}/news/x")


# --- on a schedule ----------------------------------------------------------------------------


def test_every_runs_on_its_period_until_stopped():
    stop = threading.Event()
    starts: list[float] = []

    def once() -> int:
        starts.append(time.monotonic())
        if len(starts) == 3:
            stop.set()
        return 0

    assert fetch.every(0.2, once, stop=stop) == 0
    assert len(starts) == 3
    assert all(0.15 <= b - a < 1.0 for a, b in zip(starts, starts[1:], strict=False))
    assert fetch.every(3600, lambda: 7, max_runs=1) == 7


def test_every_on_the_command_line_stops_cleanly_on_ctrl_c(sources, tmp_path, db):
    serve_feeds(sources)
    proc = subprocess.Popen(
        [sys.executable, "-m", "aidtracker.etl.cli", "fetch", "feeds", str(feed_list(tmp_path, sources)),
         "--db", str(db), "--every", "1h", "--delay", "0"],
        env=clean_env(tmp_path),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 90
        while not (db.exists() and len(states(db)) == 2):
            assert proc.poll() is None and time.monotonic() < deadline, proc.communicate()
            time.sleep(0.2)
        time.sleep(0.5)  # past the summary, into the hour's wait
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, err
    assert "Traceback" not in err
    assert err.strip().splitlines()[-1] == f"aidtracker: stopped; {db} keeps every fetch that finished"
    assert out.splitlines()[0].endswith("2 new, 0 updated, 0 unchanged, 0 failed")
    assert len(article_ids(db)) == 4


# --- the pieces -------------------------------------------------------------------------------


def test_since_and_period_parse_what_the_readme_shows():
    now = dt.datetime(2026, 12, 5, 10, 0, tzinfo=dt.UTC)
    assert fetch.parse_since("30d", now) == dt.datetime(2026, 11, 5, 10, 0, tzinfo=dt.UTC)
    assert fetch.parse_since("2026-11-01T06:00:00+01:00", now).isoformat() == "2026-11-01T06:00:00+01:00"
    assert fetch.parse_period("1h") == 3600
    with pytest.raises(ValueError, match="not a period"):
        fetch.parse_period("0m")


def test_a_jsonl_record_reads_back_as_the_article_it_was_made_from():
    (entry,) = read.parse(atom(ATOM_ENTRIES[:1]), "feed.xml")
    assert isinstance(entry, Article)
    record = fetch._record(entry, "urn:synthetic:a1")
    (back,) = read.parse((json.dumps(record) + "\n").encode(), "x.jsonl")
    assert isinstance(back, Article)
    assert content_sha256(back) == content_sha256(entry)
