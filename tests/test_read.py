"""Reading stage: real files of every format, the shared corpus and the seed, read into Articles."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest

from aidtracker.etl.read import (
    MAX_ARTICLE_BYTES,
    SUFFIXES,
    discover,
    parse,
    parse_date,
    parse_feed,
    read_file,
)
from aidtracker.etl.records import Article, Rejected

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
CORPUS_FILES = sorted((SHARED / "corpus").glob("*.jsonl"))
SEED = REPO / "seeds" / "000_cc348ac55cf4c536.txt"

HTML_PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<title>Japan pledges $10 million to Somalia | Aid Wire</title>
<meta property="og:title" content="Japan pledges $10 million to Somalia">
<meta property="og:site_name" content="Aid Wire">
<meta property="article:published_time" content="2020-03-14T10:00:00Z">
<link rel="canonical" href="https://aidwire.example.org/news/japan-somalia">
</head><body>
<nav><a href="/">Home</a> | <a href="/about">About</a></nav>
<article><h1>Japan pledges $10 million to Somalia</h1>
<p>Japan said on Tuesday it would give $10 million to Somalia to fight the drought.</p>
<p>About 2.1 million people face severe hunger, the United Nations said.</p>
</article>
<footer>Copyright 2020 Aid Wire. All rights reserved.</footer>
</body></html>
"""

HTML_META_NAME_DATE = """<!DOCTYPE html>
<html><head><title>WFP delivers food to Chad</title><meta name="date" content="2019-07-02"></head>
<body><main><h1>WFP delivers food to Chad</h1>
<p>The World Food Programme delivered 3,000 tonnes of sorghum to eastern Chad this week.</p>
<p>Refugees from Sudan were among those fed, the agency said in a statement.</p></main></body></html>
"""

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel>
<title>Relief Feed</title><link>https://relief.example.org</link>
<item>
  <title>Canada gives CAD 20 million to Ethiopia</title>
  <link>https://relief.example.org/canada-ethiopia</link>
  <guid isPermaLink="false">relief-001</guid>
  <pubDate>Tue, 03 Nov 2020 09:30:00 -0500</pubDate>
  <description><![CDATA[<p>Canada announced <b>CAD 20 million</b> for Ethiopia.</p>
  <p>WFP will deliver it.</p>]]></description>
</item>
<item>
  <title>Floods in Pakistan</title>
  <link>https://relief.example.org/pakistan-floods</link>
  <pubDate>Wed, 31 Aug 2022 12:00:00 GMT</pubDate>
  <description>33 million people are affected by the floods.</description>
</item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>Atom Aid</title><id>urn:atom-aid</id><updated>2021-05-06T00:00:00Z</updated>
<entry>
  <title>EU releases EUR 15 million for Yemen</title>
  <id>urn:atom-aid:42</id>
  <link href="https://atom.example.org/eu-yemen"/>
  <published>2021-05-05T23:30:00-05:00</published>
  <updated>2021-05-07T08:00:00Z</updated>
  <content type="html">&lt;p&gt;The European Union released EUR 15 million.&lt;/p&gt;
  &lt;p&gt;It goes to Yemen.&lt;/p&gt;</content>
</entry>
</feed>
"""

RELIEFWEB = {
    "time": 12,
    "href": "https://api.reliefweb.int/v2/reports?appname=aidtracker",
    "totalCount": 2,
    "count": 2,
    "data": [
        {
            "id": "3712345",
            "score": 1,
            "fields": {
                "id": 3712345,
                "title": "Somalia: Drought Response Plan",
                "body": "WFP needs $50 million to assist 1.5 million people.\r\n\r\nThe rains failed again.",
                "date": {"original": "2023-05-01T00:00:00+00:00", "created": "2023-05-02T10:00:00+00:00"},
                "url_alias": "https://reliefweb.int/report/somalia/somalia-drought-response-plan",
                "source": [{"name": "World Food Programme", "shortname": "WFP"}, {"name": "OCHA"}],
                "primary_country": {"iso3": "som", "name": "Somalia"},
            },
        },
        {
            "id": "3712399",
            "fields": {
                "title": "Chad: Refugee influx",
                "body-html": "<p>UNHCR counts 600,000 refugees.</p><p>More arrive daily.</p>",
                "date": {"created": "2023-06-10T00:00:00+00:00"},
                "url": "https://reliefweb.int/node/3712399",
                "primary_country": {"iso3": "tcd"},
            },
        },
    ],
}


def _fields(article: Article | Rejected) -> dict[str, object]:
    assert isinstance(article, Article), article
    return {
        "article_id": article.article_id,
        "title": article.title,
        "text": article.text,
        "published_on": article.published_on,
        "source": article.source,
        "url": article.url,
        "country_iso3": article.country_iso3,
    }


ONE_ARTICLE_FILES = [
    pytest.param(
        "kabul.txt",
        "Aid reaches Kabul\nFlour arrived in Kabul on Monday.\nMore is coming.\n",
        {
            "article_id": "kabul",
            "title": "Aid reaches Kabul",
            "text": "Flour arrived in Kabul on Monday.\nMore is coming.",
        },
        id="txt-title-line",
    ),
    pytest.param(
        "leading.txt",
        "\n\n   \n  Title after blank lines  \n\n  Indented body kept inside.  \n\n",
        {"title": "Title after blank lines", "text": "Indented body kept inside."},
        id="txt-leading-blank-lines",
    ),
    pytest.param(
        "windows.txt",
        "\ufeffWindows title\r\nLine one.\r\n\r\nLine two.\r\n",
        {"title": "Windows title", "text": "Line one.\n\nLine two."},
        id="txt-bom-crlf",
    ),
    pytest.param(
        "markup.txt",
        "<b>Bold</b> =SUM(A1)\n<script>alert(1)</script> stays text.\n",
        {"title": "<b>Bold</b> =SUM(A1)", "text": "<script>alert(1)</script> stays text."},
        id="txt-markup-is-literal",
    ),
    pytest.param(
        "2020-03-14-japan.md",
        "---\ntitle: 'Japan pledges $10 million: Somalia'\ndate: 2020-03-14\nurl: https://e.org/japan\n"
        "source: Aid Wire\n---\n\n# Not the title\n\nJapan said it would give $10 million.\n",
        {
            "article_id": "2020-03-14-japan",
            "title": "Japan pledges $10 million: Somalia",
            "text": "# Not the title\n\nJapan said it would give $10 million.",
            "published_on": dt.date(2020, 3, 14),
            "source": "Aid Wire",
            "url": "https://e.org/japan",
        },
        id="md-front-matter",
    ),
    pytest.param(
        "own-id.md",
        "---\nid: rw-99\ntitle: With its own id\ndate: '2021-10-05T08:00:00+06:00'\n---\nBody.\n",
        {"article_id": "rw-99", "published_on": dt.date(2021, 10, 5), "text": "Body."},
        id="md-front-matter-id-timestamp",
    ),
    pytest.param(
        "heading.md",
        "---\ndate: 14 March 2020\n---\n## Heading as title ##\n\nThe body.\n",
        {"title": "Heading as title", "text": "The body.", "published_on": dt.date(2020, 3, 14)},
        id="md-front-matter-without-title-uses-heading",
    ),
    pytest.param(
        "untitled.md",
        "---\nsource: Wire\n---\nFirst paragraph is text, not a title.\n",
        {"title": None, "text": "First paragraph is text, not a title.", "source": "Wire"},
        id="md-front-matter-without-title-or-heading",
    ),
    pytest.param(
        "plain.md",
        "# Markdown heading\n\nBody *with* emphasis.\n",
        {"title": "Markdown heading", "text": "Body *with* emphasis."},
        id="md-heading-title",
    ),
    pytest.param(
        "bad-date.md",
        "---\ntitle: Impossible\ndate: 31 February 2020\n---\nText.\n",
        {"title": "Impossible", "published_on": None},
        id="md-impossible-date-is-none",
    ),
    pytest.param(
        "japan-somalia.html",
        HTML_PAGE,
        {
            "article_id": "japan-somalia",
            "title": "Japan pledges $10 million to Somalia",
            "text": "Japan said on Tuesday it would give $10 million to Somalia to fight the drought.\n"
            "About 2.1 million people face severe hunger, the United Nations said.",
            "published_on": dt.date(2020, 3, 14),
            "source": "Aid Wire",
            "url": "https://aidwire.example.org/news/japan-somalia",
        },
        id="html-og-meta",
    ),
    pytest.param(
        "chad.htm",
        HTML_META_NAME_DATE,
        {
            "title": "WFP delivers food to Chad",
            "text": "The World Food Programme delivered 3,000 tonnes of sorghum to eastern Chad this week.\n"
            "Refugees from Sudan were among those fed, the agency said in a statement.",
            "published_on": dt.date(2019, 7, 2),
        },
        id="htm-meta-name-date",
    ),
    pytest.param(
        "guessed-day.html",
        HTML_META_NAME_DATE.replace("2019-07-02", "2019-02-31"),
        {"published_on": None},
        id="html-impossible-meta-date-is-none",
    ),
    pytest.param(
        "record.json",
        json.dumps(
            {
                "id": "x1",
                "title": "Record",
                "date": "1987-03-02",
                "url": "https://e.org/x1",
                "source": "Reuters",
                "text": "Line\r\nend.",
                "country_iso3": "bgd",
            }
        ),
        {
            "article_id": "x1",
            "title": "Record",
            "text": "Line\nend.",
            "published_on": dt.date(1987, 3, 2),
            "url": "https://e.org/x1",
            "source": "Reuters",
            "country_iso3": "BGD",
        },
        id="json-record",
    ),
    pytest.param(
        "body.json",
        json.dumps({"id": 7, "title": None, "date": None, "body": "  Uses the body field.  "}),
        {"article_id": "7", "title": None, "text": "Uses the body field.", "published_on": None},
        id="json-record-body-numeric-id",
    ),
    pytest.param(
        "no-id.json",
        json.dumps({"title": "No id", "text": "Takes the file stem."}),
        {"article_id": "no-id", "text": "Takes the file stem."},
        id="json-record-without-id-uses-stem",
    ),
]


@pytest.mark.parametrize(("name", "content", "expected"), ONE_ARTICLE_FILES)
def test_one_article_files(tmp_path: Path, name: str, content: str, expected: dict[str, object]) -> None:
    path = tmp_path / name
    path.write_bytes(content.encode("utf-8"))
    results = read_file(path)
    assert len(results) == 1
    fields = _fields(results[0])
    assert {key: fields[key] for key in expected} == expected
    assert results[0].origin == str(path)


def test_json_list_ids_from_record_link_or_index(tmp_path: Path) -> None:
    path = tmp_path / "batch.json"
    records = [
        {"id": "r1", "text": "First."},
        {"url": "https://e.org/second", "text": "Second."},
        {"text": "Third."},
        "not a record",
    ]
    path.write_text(json.dumps(records), encoding="utf-8")
    first, second, third, fourth = read_file(path)
    assert isinstance(first, Article) and first.article_id == "r1" and first.origin == f"{path}#entry1"
    assert (
        isinstance(second, Article)
        and second.article_id.startswith("batch-")
        and second.article_id != "batch-2"
    )
    assert isinstance(third, Article) and third.article_id == "batch-3"
    assert fourth == Rejected(f"{path}#entry4", "item is a string, not an object")
    # the link-based id does not depend on the record's position
    path.write_text(json.dumps(records[1:2]), encoding="utf-8")
    assert read_file(path)[0].article_id == second.article_id


def test_jsonl_reads_each_line_and_rejects_only_the_malformed_one(tmp_path: Path) -> None:
    path = tmp_path / "lines.jsonl"
    path.write_bytes(
        b'{"id": "l1", "title": "One", "date": "2001-01-01", "text": "First."}\r\n'
        b"\n"
        b'{"id": "l3", "text": "Third", \n'
        b'{"title": "No id", "text": "Fourth."}\n'
        b'{"id": "l5", "text": "Caf\xe9"}\n'
        b"[1, 2]\n"
    )
    results = read_file(path)
    assert [r.origin if isinstance(r, Article) else r.source for r in results] == [
        f"{path}:1",
        f"{path}:3",
        f"{path}:4",
        f"{path}:5",
        f"{path}:6",
    ]
    one, three, four, five, six = results
    assert isinstance(one, Article) and (one.article_id, one.published_on) == ("l1", dt.date(2001, 1, 1))
    assert isinstance(three, Rejected) and "not valid JSON" in three.reason
    assert isinstance(four, Article) and four.article_id == "lines-4"
    assert isinstance(five, Rejected) and "not UTF-8" in five.reason
    assert six == Rejected(f"{path}:6", "line is a list, not a JSON object")


def test_reliefweb_v2_response(tmp_path: Path) -> None:
    path = tmp_path / "reliefweb-somalia.json"
    path.write_text(json.dumps(RELIEFWEB), encoding="utf-8")
    plan, chad = read_file(path)
    assert _fields(plan) == {
        "article_id": "3712345",
        "title": "Somalia: Drought Response Plan",
        "text": "WFP needs $50 million to assist 1.5 million people.\n\nThe rains failed again.",
        "published_on": dt.date(2023, 5, 1),
        "source": "World Food Programme; OCHA",
        "url": "https://reliefweb.int/report/somalia/somalia-drought-response-plan",
        "country_iso3": "SOM",
    }
    assert _fields(chad) == {
        "article_id": "3712399",
        "title": "Chad: Refugee influx",
        "text": "UNHCR counts 600,000 refugees.\nMore arrive daily.",
        "published_on": dt.date(2023, 6, 10),
        "source": None,
        "url": "https://reliefweb.int/node/3712399",
        "country_iso3": "TCD",
    }
    assert plan.origin == f"{path}#entry1"


def test_rss_feed_entries(tmp_path: Path) -> None:
    path = tmp_path / "relief.rss"
    path.write_text(RSS, encoding="utf-8")
    canada, floods = read_file(path)
    assert _fields(canada) == {
        "article_id": "relief-001",
        "title": "Canada gives CAD 20 million to Ethiopia",
        "text": "Canada announced CAD 20 million for Ethiopia.\nWFP will deliver it.",
        "published_on": dt.date(2020, 11, 3),  # the date as written, not shifted to UTC
        "source": "Relief Feed",
        "url": "https://relief.example.org/canada-ethiopia",
        "country_iso3": None,
    }
    assert isinstance(floods, Article)
    assert floods.text == "33 million people are affected by the floods."
    assert floods.published_on == dt.date(2022, 8, 31)
    assert floods.origin == f"{path}#entry2"


def test_feed_entry_ids_survive_a_new_entry(tmp_path: Path) -> None:
    """An entry without a guid gets its id from its link, so a feed that grows keeps its ids."""
    path = tmp_path / "relief.xml"
    path.write_text(RSS, encoding="utf-8")
    before = [a.article_id for a in read_file(path) if isinstance(a, Article)]
    newest = "<item><title>New</title><link>https://relief.example.org/new</link><description>New.</description></item>"
    path.write_text(RSS.replace("<item>", newest + "<item>", 1), encoding="utf-8")
    after = [a.article_id for a in read_file(path) if isinstance(a, Article)]
    assert after[1:] == before
    assert after[0] not in before


def test_atom_feed_entry(tmp_path: Path) -> None:
    path = tmp_path / "aid.atom"
    path.write_text(ATOM, encoding="utf-8")
    (entry,) = read_file(path)
    assert _fields(entry) == {
        "article_id": "urn:atom-aid:42",
        "title": "EU releases EUR 15 million for Yemen",
        "text": "The European Union released EUR 15 million.\nIt goes to Yemen.",
        "published_on": dt.date(2021, 5, 5),  # published wins over updated
        "source": "Atom Aid",
        "url": "https://atom.example.org/eu-yemen",
        "country_iso3": None,
    }


@pytest.mark.parametrize(
    ("content", "read_by_feedparser"),
    [
        pytest.param(ATOM.encode(), True, id="a-feed"),
        pytest.param(b"<html><body>not a feed</body></html>", True, id="not-a-feed"),
        pytest.param(b"", False, id="empty"),
        pytest.param("<rss>caf\u00e9</rss>".encode("latin-1"), False, id="not-utf8"),
    ],
)
def test_parse_feed_reads_as_parse_and_keeps_feedparser_s_reading(
    content: bytes, read_by_feedparser: bool
) -> None:
    items, feed = parse_feed(content, "aid.atom")
    assert items == parse(content, "aid.atom")
    assert (feed is not None) == read_by_feedparser
    if feed is not None:
        assert len(feed["entries"]) == sum(isinstance(i, Article) for i in items)


REJECTIONS = [
    pytest.param("a.txt", b"", "empty file", id="empty"),
    pytest.param("a.txt", b"Title\x00\x01\x02", "binary file", id="nul-bytes"),
    pytest.param(
        "a.txt", "Caf\xe9\nbody".encode("latin-1"), "not UTF-8 text (byte 0xE9 at line 1)", id="latin-1"
    ),
    pytest.param("a.md", "Title\nText".encode("utf-16"), "UTF-16", id="utf-16"),
    pytest.param("a.txt", b"Just a title\n", "no article text after the title line", id="title-only"),
    pytest.param(
        "a.md", b"---\ntitle: x\n---\n  \n", "no article text after the front matter", id="front-matter-only"
    ),
    pytest.param("a.md", b"---\ntitle: [x\n---\nBody\n", "front matter is not valid YAML", id="bad-yaml"),
    pytest.param("a.md", b"---\n- a\n- b\n---\nBody\n", "front matter is not a set", id="yaml-list"),
    pytest.param("a.json", b"42", "JSON top level is a number", id="json-number"),
    pytest.param("a.json", b'{"id": 1,', "not valid JSON (line 1, column 10", id="json-truncated"),
    pytest.param("a.json", b"[]", "JSON list is empty", id="json-empty-list"),
    pytest.param("a.json", b'{"id": "x", "text": ["a"]}', "record's text is a list", id="json-text-list"),
    pytest.param("a.json", b'{"id": "x", "text": "   "}', "record has no text", id="json-blank-text"),
    pytest.param("a.json", b'{"data": []}', "ReliefWeb response has no reports", id="reliefweb-empty"),
    pytest.param("a.jsonl", b"\n\n \n", "file has only whitespace", id="jsonl-blank"),
    pytest.param("a.html", b"<html><body></body></html>", "HTML page has no main text", id="html-empty-body"),
    pytest.param(
        "a.rss",
        b"<rss version='2.0'><channel><title>t</title></channel></rss>",
        "feed has no entries",
        id="rss-empty",
    ),
    pytest.param("a.xml", b"plain words", "not an RSS or Atom feed", id="xml-not-feed"),
    pytest.param("a.pdf", b"%PDF-1.4", "unsupported file type '.pdf'", id="pdf"),
    pytest.param("README", b"text", "unsupported file type without a suffix", id="no-suffix"),
]


@pytest.mark.parametrize(("name", "content", "reason"), REJECTIONS)
def test_rejections_name_the_file_and_say_why(name: str, content: bytes, reason: str) -> None:
    results = parse(content, f"inbox/{name}")
    assert len(results) == 1
    (rejected,) = results
    assert isinstance(rejected, Rejected)
    assert rejected.source.startswith(f"inbox/{name}")
    assert reason in rejected.reason


def test_oversized_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    with path.open("wb") as handle:  # a sparse file: the size is real, the disk use is not
        handle.truncate(MAX_ARTICLE_BYTES + 1)
    (rejected,) = read_file(path)
    assert rejected == Rejected(str(path), "file is 20.0 MB, over the 20 MB limit for one article")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs POSIX named pipes")
def test_named_pipe_is_rejected_not_waited_on(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    assert read_file(fifo) == [Rejected(str(fifo), "not a regular file")]
    files, rejected = discover([str(tmp_path)])
    assert files == []
    assert rejected == [Rejected(str(tmp_path), f"folder has no readable files ({', '.join(SUFFIXES)})")]


def test_missing_file_is_rejected(tmp_path: Path) -> None:
    missing = tmp_path / "gone.txt"
    (rejected,) = read_file(missing)
    assert isinstance(rejected, Rejected) and rejected.source == str(missing)
    assert "cannot be read" in rejected.reason


DATES = [
    pytest.param("2020-03-14", dt.date(2020, 3, 14), id="iso-date"),
    pytest.param(" 2020-03-14 ", dt.date(2020, 3, 14), id="iso-date-padded"),
    pytest.param("2020-03-14T23:30:00-05:00", dt.date(2020, 3, 14), id="iso-timestamp-own-zone"),
    pytest.param("2020-03-14T10:00:00Z", dt.date(2020, 3, 14), id="iso-timestamp-z"),
    pytest.param("2020-03-14 10:00", dt.date(2020, 3, 14), id="iso-space-time"),
    pytest.param("Tue, 03 Nov 2020 09:30:00 -0500", dt.date(2020, 11, 3), id="rfc822"),
    pytest.param("14 March 2020", dt.date(2020, 3, 14), id="day-month-year"),
    pytest.param("March 14, 2020", dt.date(2020, 3, 14), id="month-day-year"),
    pytest.param("14 Mar 2020", dt.date(2020, 3, 14), id="abbreviated-month"),
    pytest.param(dt.datetime(2020, 3, 14, 23, 59), dt.date(2020, 3, 14), id="datetime-object"),
    pytest.param("31 February 2020", None, id="impossible-worded"),
    pytest.param("2020-02-31", None, id="impossible-iso"),
    pytest.param("Mon, 31 Feb 2020 10:00:00 GMT", None, id="impossible-rfc822"),
    pytest.param("2020-03", None, id="month-only"),
    pytest.param("2020", None, id="year-only"),
    pytest.param("0001-01-01", None, id="placeholder-low"),
    pytest.param("9999-12-31", None, id="placeholder-high"),
    pytest.param("yesterday", None, id="words"),
    pytest.param(1584144000, None, id="epoch-number-not-guessed"),
    pytest.param(None, None, id="none"),
]


@pytest.mark.parametrize(("value", "expected"), DATES)
def test_parse_date(value: object, expected: dt.date | None) -> None:
    assert parse_date(value) == expected


@pytest.mark.parametrize("corpus_file", CORPUS_FILES, ids=lambda p: p.name)
def test_shared_corpus_reads_every_record_as_is(corpus_file: Path) -> None:
    records = [
        json.loads(line) for line in corpus_file.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    articles = read_file(corpus_file)
    assert all(isinstance(a, Article) for a in articles)
    assert [a.article_id for a in articles] == [r["id"] for r in records]
    for article, record in zip(articles, records, strict=True):
        assert isinstance(article, Article)
        assert article.text == record["text"].replace("\r\n", "\n").strip()
        assert article.title == (record["title"].strip() if record["title"] else None)
        assert article.published_on == (dt.date.fromisoformat(record["date"]) if record["date"] else None)
        assert article.source == record["source"]


def test_shared_corpus_is_present() -> None:
    """CI has ../shared beside the project: its absence is a failure, not a skip."""
    assert len(CORPUS_FILES) >= 3, SHARED


def test_seed_article() -> None:
    (article,) = read_file(SEED)
    assert isinstance(article, Article)
    assert article.article_id == "000_cc348ac55cf4c536"
    assert article.title == "Kazakhstan Intensifies Contacts with Afghanistan for Humanitarian Reasons"
    assert article.text.startswith("In the middle of October, the Kazakhstani delegation visited Afghanistan")
    assert article.text.endswith("about 23 million Afghans are in danger of severe famine.")
    assert "5,000 tons of flour" in article.text
    assert article.published_on is None  # a .txt has no date metadata; inferring it is normalize's job
    assert article.origin == str(SEED)


def _tree(root: Path, names: list[str]) -> None:
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("Title\nText.\n", encoding="utf-8")


def test_discover_folder_recursively_sorted_skipping_hidden_and_other_types(tmp_path: Path) -> None:
    _tree(
        tmp_path,
        ["b.txt", "a.md", "sub/c.JSON", "sub/z/d.rss", ".hidden.txt", ".git/e.txt", "notes.pdf", "sub/.f.md"],
    )
    files, rejected = discover([str(tmp_path)])
    assert [f.relative_to(tmp_path).as_posix() for f in files] == [
        "a.md",
        "b.txt",
        "sub/c.JSON",
        "sub/z/d.rss",
    ]
    assert rejected == []


def test_discover_files_globs_and_missing_paths_in_order(tmp_path: Path) -> None:
    _tree(tmp_path, ["x/1.txt", "x/2.txt", "y/3.jsonl", "y/4.csv"])
    args = [
        str(tmp_path / "y" / "3.jsonl"),
        str(tmp_path / "x" / "*.txt"),
        str(tmp_path / "x" / "1.txt"),  # already named by the glob: read once
        str(tmp_path / "nowhere"),
        str(tmp_path / "none-*.md"),
        str(tmp_path / "y" / "4.csv"),
        str(tmp_path / "y" / "*.csv"),
        str(tmp_path / "empty"),
    ]
    (tmp_path / "empty").mkdir()
    files, rejected = discover(args)
    assert [f.relative_to(tmp_path).as_posix() for f in files] == ["y/3.jsonl", "x/1.txt", "x/2.txt"]
    assert [(Path(r.source).name, r.reason.split(" (")[0].split(";")[0]) for r in rejected] == [
        ("nowhere", "no such file or folder"),
        ("none-*.md", "no file or folder matches this pattern"),
        ("4.csv", "unsupported file type '.csv'"),
        ("*.csv", "the pattern matches no readable files"),
        ("empty", "folder has no readable files"),
    ]


def test_discover_recursive_glob(tmp_path: Path) -> None:
    _tree(tmp_path, ["a/b/c.html", "a/d.htm", "a/e.atom"])
    files, rejected = discover([str(tmp_path / "**" / "*.htm*")])
    assert [f.relative_to(tmp_path).as_posix() for f in files] == ["a/b/c.html", "a/d.htm"]
    assert rejected == []
