"""The reader on hostile input: each bad item rejected with a reason, each good item read, nothing raised."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hostile import DUPLICATE, OK, PARTIAL, REJECTED, SKIPPED, HostileCorpus
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aidtracker.etl import read
from aidtracker.etl.read import SUFFIXES, discover, parse, read_file
from aidtracker.etl.records import Article, Rejected

# what each rejected item's reason must say (file, or file plus line/entry for partial files)
REASONS = {
    "empty.txt": "empty file",
    "whitespace_only.md": "only whitespace",
    "binary.txt": "binary file",
    "binary_page.html": "binary file",
    "invalid_utf8.txt": "not UTF-8 text",
    "utf16.txt": "UTF-16",
    "title_only.txt": "no article text after the title line",
    "huge_50mb.txt": "file is 50.0 MB, over the 20 MB limit",
    "not_object.json": "expected an object or a list of objects",
    "list_of_numbers.json": "not a list of objects",
    "malformed.json": "not valid JSON",
    "deeply_nested.json": "nested too deeply",
    "no_text.json": "record has no text",
    "surrogate.json": "invalid Unicode",
    "no_body.html": "HTML page has no main text",
    "script_only.html": "HTML page has no main text",
    "no_entries.rss": "feed has no entries",
    "not_a_feed.xml": "not an RSS or Atom feed",
    "one_bad_line.jsonl:3": "line is not valid JSON",
    "feed_one_empty_entry.rss#entry2": "feed entry has no text",
}


@pytest.fixture(scope="module")
def read_all(hostile_corpus: HostileCorpus) -> dict[str, list[Article | Rejected]]:
    """Every file the folder holds, read once: {relative path: results}."""
    files, rejected = discover([str(hostile_corpus.root)])
    assert rejected == []
    return {f.relative_to(hostile_corpus.root).as_posix(): read_file(f) for f in files}


def test_discover_picks_every_file_but_the_skipped_ones(
    hostile_corpus: HostileCorpus, read_all: dict[str, list[Article | Rejected]]
) -> None:
    assert set(read_all) == {name for name, outcome in hostile_corpus.expected.items() if outcome != SKIPPED}


def test_each_file_has_its_expected_outcome(
    hostile_corpus: HostileCorpus, read_all: dict[str, list[Article | Rejected]]
) -> None:
    outcomes = {}
    for name, results in read_all.items():
        kinds = {type(r) for r in results}
        outcomes[name] = {frozenset({Article}): OK, frozenset({Rejected}): REJECTED}.get(
            frozenset(kinds), PARTIAL
        )
        if hostile_corpus.expected[name] == DUPLICATE and outcomes[name] == OK:
            outcomes[name] = DUPLICATE
    expected = {name: outcome for name, outcome in hostile_corpus.expected.items() if outcome != SKIPPED}
    assert outcomes == expected


def test_every_rejection_names_its_item_and_gives_the_expected_reason(
    hostile_corpus: HostileCorpus, read_all: dict[str, list[Article | Rejected]]
) -> None:
    root = str(hostile_corpus.root) + "/"
    reasons = {
        r.source.removeprefix(root): r.reason
        for results in read_all.values()
        for r in results
        if isinstance(r, Rejected)
    }
    assert set(reasons) == set(REASONS)
    for item, fragment in REASONS.items():
        assert fragment in reasons[item], (item, reasons[item])


def test_duplicate_ids_are_both_read_with_their_own_text(
    read_all: dict[str, list[Article | Rejected]],
) -> None:
    (first,) = read_all["dup_id_a.json"]
    (second,) = read_all["dup_id_b.json"]
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.article_id == second.article_id == "hostile-dup"
    assert first.text != second.text
    assert first.origin != second.origin


def _only(read_all: dict[str, list[Article | Rejected]], name: str) -> Article:
    (article,) = read_all[name]
    assert isinstance(article, Article)
    return article


def test_markup_and_formulas_load_as_plain_text(read_all: dict[str, list[Article | Rejected]]) -> None:
    script = _only(read_all, "script_title.txt")
    assert script.title == '<script>alert("title")</script> Aid to Yemen'
    assert script.text.startswith("<script>document.location=")
    assert _only(read_all, "img_onerror.md").title == "<img src=x onerror=alert(1)>"
    formulas = read_all["formulas.jsonl"]
    assert [a.title for a in formulas if isinstance(a, Article)] == [
        '=HYPERLINK("https://evil.example","Click for aid")',
        "+1",
        "@SUM(A1:A10)",
    ]
    page = _only(read_all, "hostile_page.html")
    assert '=HYPERLINK("https://evil.example","details")' in page.text
    assert "document.cookie" not in page.text  # a <script> element of a page is code, not article text


def test_feed_markup_is_sanitized_to_text(read_all: dict[str, list[Article | Rejected]]) -> None:
    entry = _only(read_all, "hostile.atom")
    assert entry.text == "Canada pledged 999 quintillion tons of wheat to Chad."
    assert entry.title is not None and "onerror" not in entry.title
    good = read_all["feed_one_empty_entry.rss"][0]
    assert isinstance(good, Article)
    assert (
        good.text == "Norway said it would give NOK 50 million to Sudan.\nAbout 9.6 million people need aid."
    )


def test_absurd_numbers_are_kept_verbatim(read_all: dict[str, list[Article | Rejected]]) -> None:
    text = _only(read_all, "absurd_numbers.txt").text
    for figure in ("$1e400", "999 quintillion tons", "-5 million", "1e308"):
        assert figure in text


@pytest.mark.parametrize(
    "name", ["impossible_date.md", "impossible_date.json", "hostile_page.html", "feed_one_empty_entry.rss"]
)
def test_impossible_dates_give_no_date(read_all: dict[str, list[Article | Rejected]], name: str) -> None:
    article = read_all[name][0]
    assert isinstance(article, Article)
    assert article.published_on is None
    assert "31 February 2020" in article.text or name.endswith((".json", ".rss"))


def test_line_endings_and_bom(read_all: dict[str, list[Article | Rejected]]) -> None:
    article = _only(read_all, "crlf_bom.txt")
    assert article.title == "Windows line endings"
    assert article.text == "Norway gave NOK 7 million.\nIt arrived in March."


def test_good_jsonl_lines_around_the_bad_one_are_read(read_all: dict[str, list[Article | Rejected]]) -> None:
    results = read_all["one_bad_line.jsonl"]
    ids = [r.article_id for r in results if isinstance(r, Article)]
    assert ids == ["hostile-jsonl-1", "hostile-jsonl-2", "hostile-jsonl-4"]
    assert [r.published_on for r in results if isinstance(r, Article)] == [
        dt.date(2019, 5, 1),
        None,
        dt.date(2019, 5, 4),
    ]


# --- property tests: parse() never raises and returns well-formed records ------------------------
# They call parse in strict mode, which raises what the default turns into a Rejected
# "could not be read": an error no check foresaw fails them instead of passing as a rejection.


def test_strict_mode_raises_what_the_default_rejects(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("a bug in the reader")

    monkeypatch.setattr(read, "_read_plain", broken)
    content = b"Aid arrives\nFlour reached Kabul.\n"
    assert parse(content, "news/kabul.txt") == [
        Rejected("news/kabul.txt", "could not be read (RuntimeError: a bug in the reader)")
    ]
    with pytest.raises(RuntimeError, match="a bug in the reader"):
        parse(content, "news/kabul.txt", strict=True)


def _check(results: object, name: str) -> None:
    assert isinstance(results, list)
    for result in results:
        assert isinstance(result, Article | Rejected)
        if isinstance(result, Rejected):
            assert result.source.startswith(name)
            assert result.reason.strip()
            continue
        assert result.origin.startswith(name)
        assert result.article_id
        assert result.text and result.text == result.text.strip()
        assert "\r" not in result.text
        assert result.title is None or (result.title and result.title == result.title.strip())
        for value in (result.article_id, result.title, result.text, result.source, result.url):
            if value is not None:
                value.encode("utf-8")  # storable: no lone surrogates
        assert result.published_on is None or isinstance(result.published_on, dt.date)


PROPERTY_SETTINGS = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
suffixes = st.sampled_from(SUFFIXES)


@PROPERTY_SETTINGS
@given(content=st.binary(max_size=2_000), suffix=suffixes)
def test_arbitrary_bytes_never_raise(content: bytes, suffix: str) -> None:
    name = f"fuzz/item{suffix}"
    _check(parse(content, name, strict=True), name)


@PROPERTY_SETTINGS
@given(text=st.text(max_size=2_000), suffix=suffixes)
def test_arbitrary_text_never_raises(text: str, suffix: str) -> None:
    name = f"fuzz/item{suffix}"
    _check(parse(text.encode("utf-8", "surrogatepass"), name, strict=True), name)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(st.characters(), max_size=40),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=20,
)
any_text = st.text(st.characters(codec=None), max_size=200)  # lone surrogates included
field_values = st.none() | st.integers() | st.floats() | any_text | json_values
records = st.fixed_dictionaries(
    {},
    optional={
        "id": field_values,
        "title": field_values,
        "date": field_values,
        "url": field_values,
        "source": field_values,
        "text": field_values,
        "body": field_values,
        "country_iso3": field_values,
    },
)


@PROPERTY_SETTINGS
@given(value=json_values | records | st.lists(records, max_size=5))
def test_arbitrary_json_never_raises(value: object) -> None:
    _check(parse(json.dumps(value).encode("utf-8"), "fuzz/item.json", strict=True), "fuzz/item.json")


@PROPERTY_SETTINGS
@given(lines=st.lists(records | json_values, max_size=6))
def test_arbitrary_jsonl_never_raises(lines: list[object]) -> None:
    content = "\n".join(json.dumps(line) for line in lines).encode("utf-8")
    _check(parse(content, "fuzz/item.jsonl", strict=True), "fuzz/item.jsonl")


@PROPERTY_SETTINGS
@given(
    fields=st.dictionaries(
        st.sampled_from(["title", "body", "body-html", "url_alias"]), field_values, max_size=4
    ),
    extra=st.dictionaries(
        st.sampled_from(["date", "source", "primary_country", "id"]), json_values, max_size=4
    ),
)
def test_arbitrary_reliefweb_reports_never_raise(fields: dict[str, object], extra: dict[str, object]) -> None:
    response = {"data": [{"id": extra.pop("id", None), "fields": {**fields, **extra}}]}
    _check(parse(json.dumps(response).encode("utf-8"), "fuzz/rw.json", strict=True), "fuzz/rw.json")


@PROPERTY_SETTINGS
@given(
    title=st.text(max_size=100), body=st.text(max_size=400), date=st.text(max_size=40), escape=st.booleans()
)
def test_arbitrary_feed_entries_never_raise(title: str, body: str, date: str, escape: bool) -> None:
    def field(text: str) -> str:
        return text.replace("&", "&amp;").replace("<", "&lt;") if escape else text

    feed = (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>f</title>'
        f"<item><title>{field(title)}</title><pubDate>{field(date)}</pubDate>"
        f"<description>{field(body)}</description></item></channel></rss>"
    )
    _check(parse(feed.encode("utf-8", "surrogatepass"), "fuzz/feed.rss", strict=True), "fuzz/feed.rss")


@PROPERTY_SETTINGS
@given(meta=st.text(max_size=200), body=st.text(max_size=400), suffix=st.sampled_from([".md", ".txt"]))
def test_arbitrary_front_matter_never_raises(meta: str, body: str, suffix: str) -> None:
    content = f"---\n{meta}\n---\n{body}".encode("utf-8", "surrogatepass")
    _check(parse(content, f"fuzz/item{suffix}", strict=True), f"fuzz/item{suffix}")


@PROPERTY_SETTINGS
@given(
    title=st.text(max_size=100),
    paragraphs=st.lists(st.text(max_size=200), max_size=4),
    date=st.text(max_size=30),
)
def test_arbitrary_html_pages_never_raise(title: str, paragraphs: list[str], date: str) -> None:
    page = (
        f'<html><head><title>{title}</title><meta name="date" content="{date}"></head><body><article>'
        + "".join(f"<p>{p}</p>" for p in paragraphs)
        + "</article></body></html>"
    )
    _check(parse(page.encode("utf-8", "surrogatepass"), "fuzz/page.html", strict=True), "fuzz/page.html")


def test_hidden_and_foreign_files_are_skipped(hostile_corpus: HostileCorpus) -> None:
    skipped = [name for name, outcome in hostile_corpus.expected.items() if outcome == SKIPPED]
    files, _ = discover([str(hostile_corpus.root)])
    picked = {f.relative_to(hostile_corpus.root).as_posix() for f in files}
    assert skipped and not picked & set(skipped)
    assert all((hostile_corpus.root / name).exists() for name in skipped)


def test_corpus_is_written_by_the_test(tmp_path: Path) -> None:
    """The generator alone writes the corpus: a fresh folder gets the same files and outcomes."""
    from hostile import make_hostile_corpus

    expected = make_hostile_corpus(tmp_path)
    assert {name for name in expected if (tmp_path / name).is_file()} == set(expected)
    assert (tmp_path / "huge_50mb.txt").stat().st_size > 50_000_000
