"""Read article files (txt, md, html, json, jsonl, rss, atom) into Articles, or Rejected records saying why.

The pure core is `parse(content, name)`: bytes in, a list of `Article | Rejected` out,
never an exception (unless `strict`, for tests). `read_file` and `discover` are the I/O edge.

Choices a user may want to know:

- Size: one article (a .txt, .md or .html file, one JSON record, one JSONL line, one
  feed entry) may be at most MAX_ARTICLE_BYTES (20 MB). A bigger file is rejected
  with its size in the reason, before it is read into memory: a news article is
  kilobytes, so megabytes of text are a dump, not an article, and would stall
  extraction (spaCy's default limit is 1,000,000 characters). Files holding many
  articles (.json, .jsonl, feeds) may be up to MAX_FILE_BYTES (200 MB). Extraction
  then reads an article up to 1,000,000 characters and a sentence of more than 2,000
  in pieces (etl.extract's caps); an article cut so is stored with what was read, and
  the ingest lists it among the rejected inputs as "read in part", with the reason.
- Encoding: files must be UTF-8 (a byte-order mark is allowed). Invalid UTF-8 and
  binary content (NUL bytes, UTF-16) are rejected with a reason that says so.
- Text is kept as the source has it, because extracted spans index into it: only
  line endings become "\\n" and surrounding whitespace is stripped. Markup-looking
  text in a .txt, .md or JSON field (`<script>`, `=HYPERLINK(...)`) stays literal.
- Dates come from metadata (front matter, feed entry, JSON field; for HTML, what
  trafilatura/htmldate find in meta tags and bylines without its extensive body
  search, kept only if the page writes that very day), never from the ingestion
  date; an impossible or partial date ("31 February 2020", "2020-03") gives None.
- Ids: the record's own `id`, else the file's stem for a one-article file; for an
  entry of a list, JSONL file or feed without an id, "<stem>-<hash of its link>"
  (stable when a feed gains entries), else "<stem>-<index>" (1-based; line number for JSONL).
- Folders are read recursively, in sorted order, skipping hidden files and folders and
  files of other types; symlinked folders are not followed.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import glob
import hashlib
import io
import json
import os
import re
from collections.abc import Iterable, Sequence
from pathlib import Path, PurePath
from typing import Any

import feedparser
import trafilatura
import yaml
from trafilatura.settings import Document

from aidtracker.etl.records import Article, Rejected

MAX_ARTICLE_BYTES = 20_000_000
MAX_FILE_BYTES = 200_000_000

_FORMATS = {
    ".txt": "text",
    ".md": "markdown",
    ".html": "html",
    ".htm": "html",
    ".json": "json",
    ".jsonl": "jsonl",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
}
SUFFIXES = tuple(_FORMATS)
_MANY_ARTICLE_FORMATS = {"json", "jsonl", "feed"}
_KNOWN = ", ".join(SUFFIXES)

# YAML front matter: a "---" line, the YAML, then a closing "---" (or "...") line.
_FRONT_MATTER = re.compile(
    r"""
    \A---[ \t]*\n            # opening fence on the very first line
    (?P<yaml>.*?)            # the YAML block, as short as possible
    ^(?:---|\.\.\.)[ \t]*$   # closing fence on a line of its own
    \n?                      # the newline that ends the fence, if any
    """,
    re.VERBOSE | re.DOTALL | re.MULTILINE,
)

# A Markdown ATX heading used as the title line: "# Title" or "## Title ##".
_MD_HEADING = re.compile(
    r"""
    ^\#{1,6}[ \t]+        # one to six hashes and the space Markdown requires
    (?P<title>.*?)        # the heading text
    (?:[ \t]+\#+)?[ \t]*$ # optional closing hashes
    """,
    re.VERBOSE,
)

# A three-letter country code as metadata gives it.
_ISO3 = re.compile(
    r"""
    \A[A-Za-z]{3}\Z  # exactly three ASCII letters, nothing else
    """,
    re.VERBOSE,
)

_DATE_FORMATS = ("%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y", "%B %d %Y", "%b %d %Y", "%Y/%m/%d")
_YEARS = range(1900, 2101)  # outside this, a date is a placeholder (0001-01-01, 9999-12-31), not a date


class _NoTimestampLoader(yaml.SafeLoader):
    """SafeLoader that leaves dates as strings, so "2020-02-31" is our None, not PyYAML's ValueError."""


_NoTimestampLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def parse_date(value: object) -> dt.date | None:
    """The calendar date a metadata value states, or None when it states no valid full date.

    >>> parse_date("2020-03-14"), parse_date("2020-03-14T23:30:00-05:00")
    (datetime.date(2020, 3, 14), datetime.date(2020, 3, 14))
    >>> parse_date("Tue, 14 Mar 2020 10:00:00 +0000"), parse_date("14 March 2020")
    (datetime.date(2020, 3, 14), datetime.date(2020, 3, 14))
    >>> [parse_date(v) for v in ("31 February 2020", "2020-02-31", "2020-03", "soon", 1584144000, None)]
    [None, None, None, None, None, None]
    """
    if isinstance(value, dt.datetime):
        return _plausible(value.date())
    if isinstance(value, dt.date):
        return _plausible(value)
    if not isinstance(value, str):
        return None  # a bare number could be an epoch, a year or an id: don't guess
    text = value.strip()
    if not text or len(text) > 64:
        return None
    for iso in (dt.date.fromisoformat, dt.datetime.fromisoformat):
        try:
            parsed = iso(text)
        except ValueError:
            continue
        return _plausible(parsed.date() if isinstance(parsed, dt.datetime) else parsed)
    try:
        # the date as written in its own time zone: converting to UTC could move it a day
        return _plausible(email.utils.parsedate_to_datetime(text).date())
    except (TypeError, ValueError, IndexError, OverflowError):
        pass
    for fmt in _DATE_FORMATS:
        try:
            return _plausible(dt.datetime.strptime(text, fmt).date())
        except ValueError:
            continue
    return None


def _plausible(day: dt.date) -> dt.date | None:
    return day if day.year in _YEARS else None


def parse(content: bytes, name: str, *, strict: bool = False) -> list[Article | Rejected]:
    """Articles (or reasons for rejection) from one file's bytes; the suffix of `name` picks the format.

    Never raises unless `strict`: anything unreadable comes back as a Rejected naming `name`
    (or its line or entry) and the reason. With `strict`, an error that no check foresaw is
    raised instead, so that tests of "nothing raises" can fail.

    >>> parse(b"Aid arrives\\r\\nFlour reached Kabul.\\r\\n", "news/kabul.txt")
    [Article(article_id='kabul', title='Aid arrives', text='Flour reached Kabul.', published_on=None, \
source=None, url=None, origin='news/kabul.txt', country_iso3=None)]
    >>> parse(b"", "empty.txt")
    [Rejected(source='empty.txt', reason='empty file')]
    """
    try:
        return _parse(content, name)
    # the contract is "never raises": known failures get clearer words below, this catches the rest
    except Exception as exc:
        if strict:
            raise
        return [Rejected(name, f"could not be read ({type(exc).__name__}: {_shorten(str(exc))})")]


def _parse(content: bytes, name: str) -> list[Article | Rejected]:
    suffix = PurePath(name).suffix.lower()
    fmt = _FORMATS.get(suffix)
    if fmt is None:
        return [Rejected(name, _unsupported(suffix))]
    problem = _content_problem(content, fmt)
    if problem:
        return [Rejected(name, problem)]
    stem = PurePath(name).stem
    if fmt == "jsonl":
        return _read_jsonl(content, name, stem)
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return [Rejected(name, _not_utf8(content, exc))]
    if fmt == "feed":
        return _feed_articles(_feedparse(content), name, stem)
    text = _newlines(text)
    if fmt in ("text", "markdown"):
        return [_read_plain(text, name, stem, markdown=fmt == "markdown")]
    if fmt == "html":
        return [_read_html(text, name, stem)]
    return _read_json(text, name, stem)


def _content_problem(content: bytes, fmt: str) -> str | None:
    """Why these bytes cannot be a readable file of this format, or None."""
    if not content:
        return "empty file"
    limit = MAX_FILE_BYTES if fmt in _MANY_ARTICLE_FORMATS else MAX_ARTICLE_BYTES
    if len(content) > limit:
        return _too_big(len(content), limit, fmt)
    if content.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "UTF-16 text; save the file as UTF-8"
    if b"\x00" in content:
        return "binary file (contains NUL bytes), not text"
    if not content.strip():
        return "file has only whitespace, no text"
    return None


def _too_big(size: int, limit: int, fmt: str) -> str:
    what = "a file of articles" if fmt in _MANY_ARTICLE_FORMATS else "one article"
    return f"file is {size / 1e6:.1f} MB, over the {limit / 1e6:.0f} MB limit for {what}"


def _unsupported(suffix: str) -> str:
    shown = f"'{suffix}'" if suffix else "without a suffix"
    return f"unsupported file type {shown}; aidtracker reads {_KNOWN}"


def _not_utf8(content: bytes, exc: UnicodeDecodeError) -> str:
    line = content.count(b"\n", 0, exc.start) + 1
    byte = content[exc.start : exc.start + 1].hex().upper()
    return f"not UTF-8 text (byte 0x{byte} at line {line}); save the file as UTF-8"


def _newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _clean(value: object) -> str | None:
    """A metadata or text value as a stripped string with \\n line endings; None for empty or non-scalars."""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return None
    text = _newlines(str(value)).strip()
    return text or None


def _shorten(text: str, limit: int = 160) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _article(
    *,
    article_id: str,
    title: object,
    text: str,
    published_on: dt.date | None,
    source: object,
    url: object,
    origin: str,
    country_iso3: object = None,
) -> Article | Rejected:
    """Build an Article, or reject it when its strings could not be stored (unpaired surrogates)."""
    iso3 = _clean(country_iso3)
    article = Article(
        article_id=article_id,
        title=_clean(title),
        text=text,
        published_on=published_on,
        source=_clean(source),
        url=_clean(url),
        origin=origin,
        country_iso3=iso3.upper() if iso3 and _ISO3.match(iso3) else None,
    )
    for value in (article.article_id, article.title, article.text, article.source, article.url):
        if value is None:
            continue
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return Rejected(origin, "contains invalid Unicode (an unpaired surrogate such as \\ud800)")
    return article


def _entry_id(stem: str, index: int, link: object) -> str:
    """Id for an entry without one: from its link when it has one (stable as a feed grows), else its index."""
    if isinstance(link, str) and link.strip():
        return f"{stem}-{hashlib.sha256(link.strip().encode('utf-8', 'replace')).hexdigest()[:12]}"
    return f"{stem}-{index}"


def _own_id(value: object) -> str | None:
    if isinstance(value, bool) or not isinstance(value, str | int):
        return None
    text = str(value).strip()
    return text or None


# --- .txt and .md ---------------------------------------------------------------------------


def _read_plain(text: str, name: str, stem: str, *, markdown: bool) -> Article | Rejected:
    meta: dict[str, Any] = {}
    body = text
    match = _FRONT_MATTER.match(text)
    if match:
        try:
            loaded = yaml.load(match["yaml"], Loader=_NoTimestampLoader)  # a SafeLoader subclass
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f" at line {mark.line + 2}" if mark is not None else ""
            return Rejected(name, f"front matter is not valid YAML{where}: {getattr(exc, 'problem', exc)}")
        except RecursionError:
            return Rejected(name, "front matter is nested too deeply to read")
        if loaded is not None and not isinstance(loaded, dict):
            return Rejected(name, "front matter is not a set of 'key: value' lines")
        meta = loaded or {}
        body = text[match.end() :]
    title = _clean(meta.get("title"))
    if title is None:
        title_line, body = _split_title(body, markdown=markdown, required=not match)
        title = title_line
    body = body.strip()
    if not body:
        reason = "no article text after the front matter" if match else "no article text after the title line"
        return Rejected(name, reason)
    return _article(
        article_id=_own_id(meta.get("id")) or stem,
        title=title,
        text=body,
        published_on=parse_date(meta.get("date")),
        source=meta.get("source"),
        url=meta.get("url"),
        origin=name,
    )


def _split_title(body: str, *, markdown: bool, required: bool) -> tuple[str | None, str]:
    """(title, rest): the first non-empty line is the title; after front matter only a Markdown heading is."""
    stripped = body.lstrip()
    first, _, rest = stripped.partition("\n")
    heading = _MD_HEADING.match(first.strip()) if markdown else None
    if heading:
        return heading["title"].strip() or None, rest
    if required:
        return first.strip() or None, rest
    return None, body


# --- .html ------------------------------------------------------------------------------------


def _extract(page: str, **options: Any) -> Document | None:
    """trafilatura's extraction of a page, as a Document (never its dict form), or None."""
    doc = trafilatura.bare_extraction(page, **options)
    return doc if isinstance(doc, Document) else None


def _read_html(text: str, name: str, stem: str) -> Article | Rejected:
    doc = _extract(
        text,
        with_metadata=True,
        include_comments=False,  # reader comments are not the article
        # metadata dates only: a date found in the body is normalize's business
        date_extraction_params={"original_date": True, "extensive_search": False},
    )
    body = _newlines(doc.text or "").strip() if doc is not None else ""
    if doc is None or not body:
        return Rejected(name, "HTML page has no main text")
    title = _clean(doc.title)
    first, _, rest = body.partition("\n")
    if title and first.strip() == title and rest.strip():
        body = rest.strip()  # trafilatura repeats the <h1>; Article.text is the body without its title
    return _article(
        article_id=stem,
        title=title,
        text=body,
        published_on=_confirmed_date(parse_date(doc.date), text),
        source=doc.sitename,
        url=doc.url,
        origin=name,
    )


def _confirmed_date(day: dt.date | None, page: str) -> dt.date | None:
    """The date if the page states that very day somewhere, else None.

    htmldate fills in what a page leaves out: meta "2020-02" becomes 2020-02-28 and an
    impossible "2020-02-31" becomes 2020-02-01. A day the page never writes is a guess.

    >>> page = '<meta name="date" content="2020-02-31"><p>Posted March 4, 2020</p>'
    >>> _confirmed_date(dt.date(2020, 2, 1), page), _confirmed_date(dt.date(2020, 3, 4), page)
    (None, datetime.date(2020, 3, 4))
    """
    if day is None:
        return None
    haystack = page.lower()
    numeric = [
        day.isoformat(),
        f"{day:%Y%m%d}",
        f"{day:%Y/%m/%d}",
        f"{day:%d/%m/%Y}",
        f"{day:%m/%d/%Y}",
        f"{day:%d.%m.%Y}",
    ]
    if any(_has_token(haystack, form) for form in numeric):
        return day
    if str(day.year) not in haystack:
        return None
    months = {f"{day:%B}".lower(), f"{day:%b}".lower()}
    days = {str(day.day), f"{day:%d}"}
    worded = [form for d in days for m in months for form in (f"{d} {m}", f"{m} {d}", f"{m}. {d}")]
    return day if any(_has_token(haystack, form) for form in worded) else None


def _has_token(haystack: str, needle: str) -> bool:
    """Whether needle occurs as a whole: "1 feb" is not in "21 feb", "2020-03-14" is in "2020-03-14t10:00".

    >>> _has_token("on 21 feb 2020", "1 feb"), _has_token("2020-03-14t10:00z", "2020-03-14")
    (False, True)
    """
    start = haystack.find(needle)
    while start != -1:
        end = start + len(needle)
        before = haystack[start - 1] if start else " "
        after = haystack[end] if end < len(haystack) else " "
        if not _glued(before, needle[0]) and not _glued(after, needle[-1]):
            return True
        start = haystack.find(needle, start + 1)
    return False


def _glued(neighbour: str, edge: str) -> bool:
    """Two characters that would read as one word or one number."""
    return (neighbour.isdigit() and edge.isdigit()) or (neighbour.isalpha() and edge.isalpha())


def _fragment_text(fragment: str) -> str:
    """Plain text of an HTML fragment (feed summary, ReliefWeb body-html), paragraphs on their own lines."""
    page = f"<html><body><article>{fragment}</article></body></html>"
    doc = _extract(page, favor_recall=True, include_comments=False)
    text = doc.text if doc is not None and doc.text else trafilatura.html2txt(page)
    return _newlines(text or "").strip()


# --- .json and .jsonl -------------------------------------------------------------------------


def _read_json(text: str, name: str, stem: str) -> list[Article | Rejected]:
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        return [Rejected(name, f"not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})")]
    except RecursionError:
        return [Rejected(name, "JSON is nested too deeply to read")]
    except ValueError as exc:  # e.g. an integer with more digits than Python converts
        return [Rejected(name, f"not valid JSON ({_shorten(str(exc))})")]
    if _is_reliefweb(value):
        return _read_reliefweb(value, name, stem)
    if isinstance(value, dict):
        return [_record(value, origin=name, default_id=stem)]
    if isinstance(value, list):
        if not value:
            return [Rejected(name, "JSON list is empty: no records")]
        if not any(isinstance(item, dict) for item in value):
            return [Rejected(name, f"JSON is a list of {_kind(value[0])}s, not a list of objects")]
        return [
            _record(item, origin=f"{name}#entry{i}", default_id=_entry_id(stem, i, item.get("url")))
            if isinstance(item, dict)
            else Rejected(f"{name}#entry{i}", f"item is {_a(_kind(item))}, not an object")
            for i, item in enumerate(value, 1)
        ]
    return [Rejected(name, f"JSON top level is {_a(_kind(value))}; expected an object or a list of objects")]


def _read_jsonl(content: bytes, name: str, stem: str) -> list[Article | Rejected]:
    results: list[Article | Rejected] = []
    for lineno, raw in enumerate(content.split(b"\n"), 1):
        if not raw.strip():
            continue
        origin = f"{name}:{lineno}"
        if len(raw) > MAX_ARTICLE_BYTES:
            results.append(Rejected(origin, _too_big(len(raw), MAX_ARTICLE_BYTES, "text")))
            continue
        try:
            line = raw.decode("utf-8-sig" if lineno == 1 else "utf-8")
        except UnicodeDecodeError as exc:
            byte = raw[exc.start : exc.start + 1].hex().upper()
            results.append(
                Rejected(origin, f"line is not UTF-8 text (byte 0x{byte}); save the file as UTF-8")
            )
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            results.append(Rejected(origin, f"line is not valid JSON (column {exc.colno}: {exc.msg})"))
            continue
        except RecursionError:
            results.append(Rejected(origin, "line's JSON is nested too deeply to read"))
            continue
        except ValueError as exc:
            results.append(Rejected(origin, f"line is not valid JSON ({_shorten(str(exc))})"))
            continue
        if _is_reliefweb(value):
            results.extend(_read_reliefweb(value, origin, f"{stem}-{lineno}"))
        elif isinstance(value, dict):
            results.append(
                _record(value, origin=origin, default_id=_entry_id(stem, lineno, value.get("url")))
            )
        else:
            results.append(Rejected(origin, f"line is {_a(_kind(value))}, not a JSON object"))
    if not results:
        return [Rejected(name, "file has no records")]
    return results


def _kind(value: object) -> str:
    return {
        dict: "object",
        list: "list",
        str: "string",
        int: "number",
        float: "number",
        bool: "boolean",
    }.get(type(value), "null")


def _a(kind: str) -> str:
    return f"an {kind}" if kind[0] in "aeiou" else f"a {kind}"


def _record(obj: dict[str, Any], *, origin: str, default_id: str) -> Article | Rejected:
    """One JSON record (id, title, date, url, source, text or body) as an Article."""
    raw_text = obj.get("text") if obj.get("text") is not None else obj.get("body")
    if raw_text is not None and not isinstance(raw_text, str):
        return Rejected(origin, f"record's text is {_a(_kind(raw_text))}, not a string")
    text = _newlines(raw_text or "").strip()
    if not text:
        return Rejected(origin, "record has no text (needs a non-empty 'text' or 'body' field)")
    if len(text) > MAX_ARTICLE_BYTES:
        return Rejected(origin, _too_big(len(text), MAX_ARTICLE_BYTES, "text"))
    date = obj.get("date") if obj.get("date") is not None else obj.get("published_on")
    return _article(
        article_id=_own_id(obj.get("id")) or default_id,
        title=obj.get("title"),
        text=text,
        published_on=parse_date(date),
        source=obj.get("source"),
        url=obj.get("url"),
        origin=origin,
        country_iso3=obj.get("country_iso3"),
    )


def _is_reliefweb(value: object) -> bool:
    """A saved ReliefWeb API response: {"data": [{"id": ..., "fields": {...}}, ...], ...}."""
    if not isinstance(value, dict) or not isinstance(value.get("data"), list):
        return False
    items = value["data"]
    return not items or any(isinstance(item, dict) and isinstance(item.get("fields"), dict) for item in items)


def _read_reliefweb(response: dict[str, Any], name: str, stem: str) -> list[Article | Rejected]:
    if not response["data"]:
        return [Rejected(name, "ReliefWeb response has no reports (its 'data' list is empty)")]
    return [
        _reliefweb_report(item, f"{name}#entry{i}", stem, i) for i, item in enumerate(response["data"], 1)
    ]


def _reliefweb_report(item: object, origin: str, stem: str, index: int) -> Article | Rejected:
    fields = item.get("fields") if isinstance(item, dict) else None
    if not isinstance(item, dict) or not isinstance(fields, dict):
        return Rejected(origin, "ReliefWeb report has no 'fields' object")
    body = fields.get("body")
    if isinstance(body, str) and body.strip():
        text = _newlines(body).strip()
    elif isinstance(fields.get("body-html"), str):
        text = _fragment_text(fields["body-html"])
    else:
        text = ""
    if not text:
        return Rejected(origin, "ReliefWeb report has no text ('body' is missing or empty)")
    dates = fields.get("date")
    if not isinstance(dates, dict):
        dates = {}
    sources = fields.get("source")
    if not isinstance(sources, list):
        sources = []
    names = [_clean(s.get("name") or s.get("shortname")) for s in sources if isinstance(s, dict)]
    country = fields.get("primary_country")
    url = fields.get("url_alias") or fields.get("url")
    return _article(
        article_id=_own_id(item.get("id")) or _own_id(fields.get("id")) or _entry_id(stem, index, url),
        title=fields.get("title"),
        text=text,
        published_on=parse_date(dates.get("original")) or parse_date(dates.get("created")),
        source="; ".join(n for n in names if n) or None,
        url=url,
        origin=origin,
        country_iso3=country.get("iso3") if isinstance(country, dict) else None,
    )


# --- feeds ------------------------------------------------------------------------------------


def parse_feed(content: bytes, name: str) -> tuple[list[Article | Rejected], Any]:
    """parse() of a feed's bytes, with feedparser's reading of them (None when the bytes were
    refused before it), for a fetcher that follows the entries' links: the feed is parsed once.
    Never raises."""
    problem = _content_problem(content, "feed")
    if problem:
        return [Rejected(name, problem)], None
    try:
        content.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return [Rejected(name, _not_utf8(content, exc))], None
    try:
        feed = _feedparse(content)
        return _feed_articles(feed, name, PurePath(name).stem), feed
    except Exception as exc:  # the contract of parse(): never raises
        return [Rejected(name, f"could not be read ({type(exc).__name__}: {_shorten(str(exc))})")], None


def _feedparse(content: bytes) -> Any:
    # a stream, never a string: feedparser fetches strings that look like URLs or file names
    return feedparser.parse(io.BytesIO(content))


def _feed_articles(feed: Any, name: str, stem: str) -> list[Article | Rejected]:
    entries = feed.get("entries") or []
    if not entries:
        if feed.get("bozo") and not feed.get("version"):
            problem = feed.get("bozo_exception")
            if hasattr(problem, "getMessage"):  # an XML syntax error; its line is off by feedparser's edits
                detail = f" (XML error: {problem.getMessage()})"
            else:
                detail = f" ({_shorten(str(problem))})" if problem else ""
            return [Rejected(name, f"not an RSS or Atom feed{detail}")]
        return [Rejected(name, "feed has no entries")]
    feed_title = _clean((feed.get("feed") or {}).get("title"))
    return [_feed_entry(entry, f"{name}#entry{i}", stem, i, feed_title) for i, entry in enumerate(entries, 1)]


def _feed_entry(entry: Any, origin: str, stem: str, index: int, feed_title: str | None) -> Article | Rejected:
    text = ""
    for detail in [*(entry.get("content") or []), entry.get("summary_detail")]:
        if detail and detail.get("value"):
            text = _detail_text(detail)
            if text:
                break
    if not text:
        return Rejected(origin, "feed entry has no text (no content or summary)")
    if len(text) > MAX_ARTICLE_BYTES:
        return Rejected(origin, _too_big(len(text), MAX_ARTICLE_BYTES, "text"))
    title_detail = entry.get("title_detail")
    title = _detail_text(title_detail) if title_detail else entry.get("title")
    link = entry.get("link")
    entry_source = entry.get("source") or {}
    return _article(
        article_id=_own_id(entry.get("id")) or _entry_id(stem, index, link),
        title=title,
        text=text,
        published_on=_entry_date(entry),
        source=entry_source.get("title") or feed_title,
        url=link,
        origin=origin,
    )


def _detail_text(detail: Any) -> str:
    value = detail.get("value") or ""
    if "html" in (detail.get("type") or ""):
        return _fragment_text(value)
    return _newlines(value).strip()


def _entry_date(entry: Any) -> dt.date | None:
    for key in ("published", "updated", "created"):
        # dict.get: feedparser's own get() maps a missing "published" to "updated" with a DeprecationWarning
        day = parse_date(dict.get(entry, key))
        parsed = dict.get(entry, f"{key}_parsed")
        if day is None and parsed:
            # a format only feedparser knows; its struct is in UTC
            try:
                day = _plausible(dt.date(*parsed[:3]))
            except (TypeError, ValueError):
                day = None
        if day is not None:
            return day
    return None


# --- the file system edge ---------------------------------------------------------------------


def read_file(path: Path) -> list[Article | Rejected]:
    """Articles from one file on disk; an unreadable, oversized or malformed file gives a Rejected."""
    name = str(path)
    fmt = _FORMATS.get(path.suffix.lower())
    if fmt is None:
        return [Rejected(name, _unsupported(path.suffix.lower()))]
    try:
        size = path.stat().st_size
        if not path.is_file():
            return [Rejected(name, "not a regular file")]
        limit = MAX_FILE_BYTES if fmt in _MANY_ARTICLE_FORMATS else MAX_ARTICLE_BYTES
        if size > limit:
            return [Rejected(name, _too_big(size, limit, fmt))]  # refused before it is read into memory
        content = path.read_bytes()
    except OSError as exc:
        return [Rejected(name, f"cannot be read: {exc.strerror or exc}")]
    return parse(content, name)


def discover(paths: Sequence[str]) -> tuple[list[Path], list[Rejected]]:
    """The readable files that files, folders (recursively) and glob patterns name, and what can't be used.

    Files keep the order of `paths`; a folder's files are sorted; a file named twice is read once.
    """
    found: list[Path] = []
    rejected: list[Rejected] = []
    seen: set[str] = set()

    def add(candidates: Iterable[Path]) -> None:
        for candidate in candidates:
            key = os.path.realpath(candidate)
            if key not in seen:
                seen.add(key)
                found.append(candidate)

    for arg in paths:
        path = Path(arg)
        if path.is_dir():
            files, problems = _walk(path)
            rejected.extend(problems)
            if not files and not problems:
                rejected.append(Rejected(arg, f"folder has no readable files ({_KNOWN})"))
            add(files)
        elif path.is_file():
            if path.suffix.lower() in _FORMATS:
                add([path])
            else:
                rejected.append(Rejected(arg, _unsupported(path.suffix.lower())))
        elif os.path.lexists(arg):
            rejected.append(Rejected(arg, "not a regular file or folder"))
        elif any(ch in arg for ch in "*?["):  # a glob pattern
            matches = [Path(m) for m in sorted(glob.glob(arg, recursive=True))]
            if not matches:
                rejected.append(Rejected(arg, "no file or folder matches this pattern"))
            before = len(found)
            for match in matches:
                if match.is_dir():
                    files, problems = _walk(match)
                    rejected.extend(problems)
                    add(files)
                elif match.is_file() and match.suffix.lower() in _FORMATS:
                    add([match])
            if matches and len(found) == before:
                rejected.append(Rejected(arg, f"the pattern matches no readable files ({_KNOWN})"))
        else:
            rejected.append(Rejected(arg, "no such file or folder"))
    return found, rejected


def _walk(top: Path) -> tuple[list[Path], list[Rejected]]:
    """Readable files under a folder, sorted, skipping hidden files and folders; unreadable ones rejected."""
    problems: list[Rejected] = []

    def on_error(exc: OSError) -> None:
        problems.append(Rejected(str(exc.filename or top), f"folder cannot be read: {exc.strerror or exc}"))

    files: list[Path] = []
    for folder, dirnames, filenames in os.walk(top, onerror=on_error):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for filename in filenames:
            candidate = Path(folder) / filename
            if (
                not filename.startswith(".")
                and candidate.suffix.lower() in _FORMATS
                and candidate.is_file()  # not a FIFO or socket, which would block or fail on read
            ):
                files.append(candidate)
    return sorted(files), problems
