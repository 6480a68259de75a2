"""The one loader of the reference data under data/ (countries, organizations, verbs, units, word classes).

Every CSV is read lazily, once per process. Every phrase of the gazetteers goes
into one Aho-Corasick automaton, so finding all the places, organizations, aid
verbs, indicator phrases and cue words of an article is a single pass over its
text. The word classes (words.csv), number words, month names and qualifiers
are not phrases to find: the rules read them token by token, or build them into
their patterns with alternation().
"""

from __future__ import annotations

import csv
import io
import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from operator import attrgetter

import ahocorasick

# The data/ folder, installed as the package aidtracker.data beside aidtracker.etl.
DATA_DIR = resources.files("aidtracker.data")


def read_csv(name: str) -> list[dict[str, str]]:
    """Rows of data/<name> as dicts, blank cells as ''."""
    rows = csv.DictReader(io.StringIO((DATA_DIR / name).read_text(encoding="utf-8"), newline=""))
    return [{k: (v or "").strip() for k, v in row.items()} for row in rows]


@cache
def tonnes_per_unit() -> dict[str, float]:
    """Weight units as the text spells them -> metric tonnes per unit.

    >>> tonnes_per_unit()["kg"]
    0.001
    """
    return {r["unit"]: float(r["tonnes_per_unit"]) for r in read_csv("units.csv")}


@cache
def word_classes() -> dict[str, frozenset[str]]:
    """Class -> its words (lower-cased), from data/words.csv."""
    out: dict[str, set[str]] = {}
    for r in read_csv("words.csv"):
        out.setdefault(r["class"], set()).add(r["word"].lower())
    return {k: frozenset(v) for k, v in out.items()}


@cache
def words(word_class: str) -> frozenset[str]:
    """The words of one class of data/words.csv; KeyError for a class it has no row of.

    >>> sorted(words("hedge"))
    ['could', 'if', 'may', 'might', 'would']
    """
    return word_classes()[word_class]


@cache
def number_words(*kinds: str) -> dict[str, float]:
    """Number words of the given kinds (data/numbers.csv) -> their value.

    >>> number_words("tens")["forty"], number_words("abbreviation", "letter")["bn"]
    (40.0, 1000000000.0)
    """
    return {r["word"].lower(): float(r["value"]) for r in read_csv("numbers.csv") if r["kind"] in kinds}


@cache
def months() -> dict[str, int]:
    """Month names and abbreviations, lower-cased -> the month's number, from data/months.csv.

    >>> months()["sept"]
    9
    """
    return {r["name"].lower(): int(r["month"]) for r in read_csv("months.csv")}


@cache
def qualifiers() -> dict[str, str]:
    """Approximation phrases ("nearly", "more than") -> the qualifier they give an amount,
    from data/qualifiers.csv."""
    return {" ".join(r["phrase"].lower().split()): r["qualifier"] for r in read_csv("qualifiers.csv")}


def alternation(phrases: Iterable[str], *, whole_words: bool = True) -> str:
    r"""A regex group matching any of `phrases` literally; where several match, the longest.

    A space in a phrase matches any run of white space. With `whole_words`, an end of a
    phrase that is a letter or digit must end a word there ("t" is not the t of "tons"),
    while a sign ("$", "%") matches wherever it stands; the longest then wins among the
    phrases whose ends are alike. The phrases are merged into trees of their common
    beginnings, which re tries far faster than a flat list.

    >>> print(alternation(["$", "us$", "ton", "tons", "tonnes", "drawing rights"]))
    (?:\b(?:drawing\s+rights|ton(?:nes|s)?)\b|\bus\$|\$)
    """
    wanted = {p for p in phrases if p}
    if not whole_words:
        return "(?:" + _tree(wanted) + ")"
    parts = []
    for opens, closes in ((True, True), (True, False), (False, True), (False, False)):
        alike = {p for p in wanted if (_is_word_char(p[0]), _is_word_char(p[-1])) == (opens, closes)}
        if alike:
            parts.append((r"\b" if opens else "") + _tree(alike) + (r"\b" if closes else ""))
    return "(?:" + "|".join(parts) + ")"


def _tree(phrases: set[str]) -> str:
    """A regex for `phrases` with common beginnings shared: {"ton", "tons"} -> "ton(?:s)?"."""
    trie: dict = {}
    for p in phrases:
        node = trie
        for c in p:
            node = node.setdefault(c, {})
        node[""] = {}  # a phrase ends here

    def regex(node: dict) -> str:
        # the longer phrases first: a greedy optional tries its rest before stopping
        branches = [(r"\s+" if c == " " else re.escape(c)) + regex(n) for c, n in sorted(node.items()) if c]
        if not branches:
            return ""
        if len(branches) > 1:
            return "(?:" + "|".join(branches) + ")" + ("?" if "" in node else "")
        return ("(?:" + branches[0] + ")?") if "" in node else branches[0]

    return regex(trie)


def _is_word_char(c: str) -> bool:
    return c.isalnum() or c == "_"


def _split(cell: str) -> list[str]:
    return [p.strip() for p in cell.split("|") if p.strip()]


@dataclass(frozen=True)
class Country:
    iso3: str
    name: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    currency: str


@dataclass(frozen=True)
class Organization:
    name: str
    aliases: tuple[str, ...]
    kind: str  # government | multilateral | un_agency | ngo | private
    iso3: str | None  # the country a government body acts for (USAID -> USA)


@cache
def countries() -> dict[str, Country]:
    """ISO 3166 alpha-3 -> Country, from data/countries.csv.

    >>> countries()["KAZ"].name
    'Kazakhstan'
    """
    return {
        r["iso3"]: Country(
            r["iso3"], r["name"], tuple(_split(r["aliases"])), tuple(_split(r["demonyms"])), r["currency"]
        )
        for r in read_csv("countries.csv")
    }


@cache
def organizations() -> dict[str, Organization]:
    """Canonical name -> Organization, from data/organizations.csv."""
    return {
        r["name"]: Organization(r["name"], tuple(_split(r["aliases"])), r["kind"], r["iso3"] or None)
        for r in read_csv("organizations.csv")
    }


@cache
def currencies() -> dict[str, tuple[str, str]]:
    """Lower-cased currency phrase -> (ISO code, '$', or '~' and a code, position
    prefix|suffix|both), from data/currencies.csv."""
    return {r["phrase"].lower(): (r["code"], r["position"]) for r in read_csv("currencies.csv")}


@cache
def currency_families() -> dict[str, str]:
    """ISO 4217 code -> family word ('dollar', 'pound', 'franc', ...), from data/currencies.csv."""
    return {
        r["code"]: r["family"]
        for r in read_csv("currencies.csv")
        if r["code"] != "$" and not r["code"].startswith("~")
    }


@cache
def family_words() -> dict[str, tuple[str, str]]:
    """Lower-cased currency phrase whose country the text decides (code `~` and the code it
    means when nothing decides, in data/currencies.csv: "kwacha" `~ZMW`, "rupees" `~INR`)
    -> (family, that code)."""
    rows = read_csv("currencies.csv")
    return {r["phrase"].lower(): (r["family"], r["code"][1:]) for r in rows if r["code"].startswith("~")}


@dataclass(frozen=True)
class Tag:
    """What a phrase is: kind ('country', 'demonym', 'place', 'region', 'org', 'verb',
    'indicator', 'cue', 'goods') and its value (ISO3, org name, role/status, ...)."""

    kind: str
    value: str
    extra: str = ""


_Info = tuple[dict[str, tuple[Tag, ...]], str | None]
# tags of a phrase -> (tags by kind, location): the same few hundred tag sets recur in every article
_TAG_INFO: dict[tuple[Tag, ...], _Info] = {}


def tag_info(tags: tuple[Tag, ...]) -> _Info:
    """(the tags by kind, the ISO3 of the country the phrase places things in or None)."""
    info = _TAG_INFO.get(tags)
    if info is None:
        by: dict[str, tuple[Tag, ...]] = {}
        for t in tags:
            by[t.kind] = (*by.get(t.kind, ()), t)
        # the location: that of a country, a demonym or a place
        location = next((by[k][0].value for k in ("country", "demonym", "place") if k in by), None)
        info = _TAG_INFO[tags] = (by, location)
    return info


class Mention:
    """A gazetteer phrase found in a text, with its character span there.

    A plain slotted class rather than a dataclass: an article has dozens, and
    building them is on the hot path of every ingest.
    """

    __slots__ = ("start", "end", "text", "tags", "_by_kind", "location")

    def __init__(
        self, start: int, end: int, text: str, tags: tuple[Tag, ...], info: _Info | None = None
    ) -> None:
        self.start, self.end, self.text, self.tags = start, end, text, tags
        # `info`: tag_info(tags), when the caller has it at hand (the matcher's hot loop)
        self._by_kind, self.location = info if info is not None else tag_info(tags)

    def __repr__(self) -> str:
        return f"Mention({self.start}, {self.end}, {self.text!r}, {self.tags!r})"

    def has(self, kind: str, value: str | None = None) -> bool:
        tags = self._by_kind.get(kind)
        if not tags:
            return False
        # most phrases have one tag of a kind: skip building a generator for them (a hot path)
        return (
            value is None or tags[0].value == value or (len(tags) > 1 and any(t.value == value for t in tags))
        )

    def value(self, kind: str) -> str | None:
        tags = self._by_kind.get(kind)
        return tags[0].value if tags else None

    def extra(self, kind: str) -> str:
        """The extra field of the first tag of a kind (a verb's status), '' when none."""
        tags = self._by_kind.get(kind)
        return tags[0].extra if tags else ""

    def tag(self, kind: str) -> Tag | None:
        tags = self._by_kind.get(kind)
        return tags[0] if tags else None


def _case_rule(phrase: str, kind: str) -> str:
    """'exact' for acronyms (US, UN, WHO, CARE), 'capital' for demonyms and common-word
    names, '' when any case matches (wire copy writes "peru" and "ecuador")."""
    letters = [c for c in phrase if c.isalpha()]
    if letters and not any(c.islower() for c in letters) and len(letters) <= 5:
        return "exact"
    if kind in ("demonym", "person") and phrase[:1].isupper():
        return "capital"
    if kind in ("country", "place") and phrase.lower() in words("common_word_name"):
        return "capital"
    return ""


@cache
def phrase_table() -> dict[str, tuple[tuple[str, Tag, str], ...]]:
    """Lower-cased phrase -> ((original phrase, tag, case rule), ...) over every gazetteer."""
    table: dict[str, list[tuple[str, Tag, str]]] = {}

    def add(phrase: str, tag: Tag, kind_for_case: str | None = None) -> None:
        rule = _case_rule(phrase, kind_for_case or tag.kind)
        table.setdefault(phrase.lower(), []).append((phrase, tag, rule))

    for c in countries().values():
        for name in (c.name, *c.aliases):
            add(name, Tag("country", c.iso3))
        for dem in c.demonyms:
            add(dem, Tag("demonym", c.iso3))
    for r in read_csv("places.csv"):
        add(r["place"], Tag("place", r["iso3"]))
    for r in read_csv("regions.csv"):
        add(r["phrase"], Tag("region", r["phrase"]))
    for o in organizations().values():
        for name in (o.name, *o.aliases):
            add(name, Tag("org", o.name, o.kind))
            if o.iso3 and o.kind != "government":
                # a national society works in its country ("to the Jordanian Red Crescent" is aid to
                # Jordan) but gives for itself, not for its government
                add(name, Tag("place", o.iso3), "org")
    for r in read_csv("aid_verbs.csv"):
        add(r["phrase"], Tag("verb", r["role"], r["status"]))
    for r in read_csv("indicators.csv"):
        add(r["phrase"], Tag("indicator", r["indicator"]))
    for r in read_csv("cues.csv"):
        add(r["phrase"], Tag("cue", r["cue"]), "person" if r["cue"] == "person" else None)
    for r in read_csv("goods.csv"):
        add(r["phrase"], Tag("goods", r["kind"], r["phrase"].lower()))
    return {k: tuple(v) for k, v in table.items()}


_NON_WORD = re.compile(r"[^\w]|_")
# The same as _NON_WORD.sub(" ", text) for the punctuation news text uses, ten times faster.
_PUNCT_TO_SPACE = str.maketrans(
    {
        c: " "
        for c in "".join(chr(i) for i in range(128) if not chr(i).isalnum())
        + "\u2018\u2019\u201c\u201d\u2013\u2014\u2026\u2022\u00a0\u00ab\u00bb\u00b7\u2010\u2011\u2012"
    }
)


@cache
def automaton() -> ahocorasick.Automaton:
    """One Aho-Corasick automaton over every phrase of phrase_table().

    Phrases are stored with punctuation as spaces and a space at each end, and the
    text is scanned the same way, so the automaton reports whole words only ("UN",
    never the "un" of "under") and the Python loop sees only real candidates.
    """
    groups: dict[str, list[tuple]] = {}
    for key, entries in phrase_table().items():
        # tags ready-made when no case rule can filter them (most phrases)
        ready = None
        if not any(rule for _, _, rule in entries):
            tags = _dedup_tags([tag for _, tag, _ in entries])
            ready = (tags, tag_info(tags))
        groups.setdefault(" " + _NON_WORD.sub(" ", key) + " ", []).append((key, len(key), entries, ready))
    auto = ahocorasick.Automaton()
    for padded, keys in groups.items():
        auto.add_word(padded, (len(padded), tuple(keys)))
    auto.make_automaton()
    return auto


def _dedup_tags(tags: list[Tag]) -> tuple[Tag, ...]:
    return tuple(dict.fromkeys(tags)) if len(tags) > 1 else tuple(tags)


def lower_same_length(text: str) -> str:
    """`text` lower-cased, keeping every offset (a character whose lower case is longer stays)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def starting_in(mentions: list[Mention], start: int, end: int) -> list[Mention]:
    """The mentions (in text order, as find_mentions gives them) that start in characters
    start:end, found by bisection.

    >>> [m.text for m in starting_in(find_mentions("Japan gave aid to Sudan."), 6, 30)]
    ['gave', 'aid', 'Sudan']
    """
    key = attrgetter("start")
    return mentions[bisect_left(mentions, start, key=key) : bisect_left(mentions, end, key=key)]


def find_mentions(text: str, low: str | None = None) -> list[Mention]:
    """Gazetteer phrases in `text`: whole words, longest first, no overlaps, in order.

    >>> [(m.text, m.tags[0].kind, m.tags[0].value) for m in find_mentions("USAID sent aid to Peru.")][::2]
    [('USAID', 'org', 'USAID'), ('aid', 'verb', 'noun')]
    >>> [m.location for m in find_mentions("refugees in Cox's Bazar, not the U.S.")]
    [None, 'BGD', 'USA']
    >>> [m.text for m in find_mentions("Japan gave US$2 million")]
    ['Japan', 'gave']
    """
    low = lower_same_length(text) if low is None else low  # `low`: the caller's lower_same_length(text)
    # (-length, start, position found, end, (tags, tag info)): sorted as they are, longest
    # first, then in text order (the position settles ties, so tags are never compared)
    found: list[tuple[int, int, int, int, tuple[tuple[Tag, ...], _Info]]] = []
    scan = " " + low.translate(_PUNCT_TO_SPACE) + " "
    for end_idx, (padded_len, keys) in automaton().iter(scan):
        start = end_idx - padded_len + 1
        for key, key_len, entries, ready in keys:
            end = start + key_len
            if low[start:end] != key:
                continue  # same words, other punctuation: "u.s." is not "u-s"
            if low[end : end + 1] == "$":
                continue  # "US$1.5 million", "A$5 million": a currency's sign, not the country
            if ready is None:
                tags = _case_checked(text[start:end], entries)
                if not tags:
                    continue
                ready = (tags, tag_info(tags))
            found.append((-key_len, start, len(found), end, ready))
    return _longest_first(found, text, len(text))


def _case_checked(original: str, entries) -> tuple[Tag, ...]:
    """The tags of a phrase found as `original` whose case rule the text meets."""
    tags = []
    for phrase, tag, rule in entries:
        if rule == "exact" and original != phrase:
            continue
        if rule == "capital" and not original[:1].isupper():
            continue
        tags.append(tag)
    return _dedup_tags(tags)


def _longest_first(found: list, text: str, n: int) -> list[Mention]:
    """The found phrases without overlaps, in text order.

    Longest phrases claim their characters first: "the World Food Program" is one
    organization, not the region "the world" followed by a commodity.
    """
    found.sort()
    taken = bytearray(n)
    kept = []
    for neg_len, start, _, end, ready in found:
        if taken.find(1, start, end) >= 0:
            continue
        taken[start:end] = b"\x01" * -neg_len
        kept.append((start, end, ready))
    kept.sort()
    return [Mention(start, end, text[start:end], tags, info) for start, end, (tags, info) in kept]


def organization_of(m: Mention) -> Organization | None:
    """The organization a mention names, if it names one."""
    name = m.value("org")
    return organizations()[name] if name else None


def country_name(iso3: str) -> str:
    """The short English name of a country the gazetteer knows, else the code itself."""
    c = countries().get(iso3)
    return c.name if c else iso3
