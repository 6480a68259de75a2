"""A candidate sentence read for extraction: spaCy tokens, with gazetteer mentions, amounts and dates on them.

Also the article-wide context the extraction rules share (its main country, the
country whose voice it is in, what a bare "$" means there). The rules know no
words: names, verbs, cues and the word classes of English grammar they read live
in data/ and come through etl.gazetteer.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache

from aidtracker.etl import gazetteer
from aidtracker.etl.amounts import Amount, find_amounts, is_year_token, opening_words
from aidtracker.etl.dates import DateMention, find_dates
from aidtracker.etl.gazetteer import Mention

_WORD = re.compile(r"\w+")  # a word of a title, to look it up in a word class


@cache
def number_start() -> re.Pattern[str]:
    """Where a number can start in lower-cased text: a digit, or a number word
    (data/numbers.csv) that an amount can be stated with ("two", "forty", "half", "million")."""
    spelled = gazetteer.number_words("ones", "tens", "hundred", "fraction", "scale")
    return re.compile(r"\d|" + gazetteer.alternation(spelled))


@cache
def _percent() -> re.Pattern[str]:
    """A percent sign or word right after an amount: "5 %", "12 pct", "3 per cent"."""
    return re.compile(r"\s*" + gazetteer.alternation(gazetteer.words("percent")))


@cache
def _month_name() -> re.Pattern[str]:
    """A month name next to a number: the only places etl.dates can find a date."""
    # any word a month name or abbreviation starts ("sept.", "Mar") counts: a cheap filter
    name = gazetteer.alternation(gazetteer.months(), whole_words=False)
    return re.compile(
        rf"""
        \b{name}[a-z]*\.?\s+\d           # "March 15", "Sept. 3"
        | \d(?:st|nd|rd|th)?\s+{name}      # "15 March", "3rd Sept"
        """,
        re.VERBOSE,
    )


@cache
def _stated_unit() -> re.Pattern[str]:
    """A currency right before a scale word, as a table's header states the unit of its bare
    numbers: "(US$ million", "EUR m", "USD millions" (data/currencies.csv, data/numbers.csv)."""
    prefixes = [p for p, (_, pos) in gazetteer.currencies().items() if pos in ("prefix", "both")]
    scales = gazetteer.number_words("scale", "abbreviation", "letter")
    currency = gazetteer.alternation(prefixes, whole_words=False)
    return re.compile(
        rf"""
        (?<![\w$])(?P<cur>{currency})                                         # "US$", "EUR", "€"
        \s?(?P<scale>{gazetteer.alternation(scales, whole_words=False)})s?\b  # "million", "m", "mn"
        | \(\s*(?P<alone>{currency})\s*\)                                    # "Amount (US$)": units
        """,
        re.VERBOSE | re.IGNORECASE,
    )


def stated_unit(line: str) -> Amount | None:
    """The unit a header states for the bare numbers below it, as a sum of one such unit: "Top
    donors (US$ million, as of 15 March 2026):" -> one million US dollars; None when it states none.

    >>> [(u.value, u.currency) for u in map(stated_unit, ["Funding (US$ million):", "Amount (EUR m)"]) if u]
    [(1000000.0, 'USD'), (1000000.0, 'EUR')]
    >>> stated_unit("Donor | Amount (US$) | Status").value, stated_unit("People in need (million)")
    (1.0, None)
    """
    for m in _stated_unit().finditer(line):
        if m.group("alone"):
            found = find_amounts(f"{m.group('alone')} 1 million")
            if found and found[0].is_money:
                return replace(found[0], value=1.0, has_scale=False)
            continue
        found = find_amounts(f"{m.group('cur')} 1 {m.group('scale')}")
        if found and found[0].is_money and found[0].value >= 1000:
            return found[0]
    return None


@cache
def tokenizer():
    """spaCy's blank English tokenizer, built once per process (no model download)."""
    import spacy

    return spacy.blank("en").tokenizer


@cache
def _token_attrs() -> list:
    """The spaCy attribute ids a sentence reads for each token: lower-cased text, offset."""
    from spacy.attrs import IDX, LOWER

    return [LOWER, IDX]


@dataclass
class Span:
    """A stretch of one sentence, in token coordinates."""

    t0: int  # first token
    t1: int  # one past the last token
    start: int  # character offsets within the sentence
    end: int


@dataclass
class MentionSpan(Span):
    """A gazetteer phrase placed on the sentence's tokens."""

    mention: Mention


@dataclass
class AmountSpan(Span):
    """An amount placed on the sentence's tokens."""

    amount: Amount


@dataclass(frozen=True)
class Entity:
    """A donor or an appealing organization as a record names it."""

    name: str
    iso3: str | None
    kind: str  # government | multilateral | un_agency | ngo | private | various
    # the country of a people who give where they live ("Moroccan associations in Belgium"):
    # their aid goes home
    people: str | None = None


def is_year(a: Amount) -> bool:
    """ "since 2021", "by 2020": a bare four-digit year is a date, not an amount."""
    return not (a.has_scale or a.currency or a.unit) and is_year_token(a.raw.strip())


def _enumerator(text: str, a: Amount) -> bool:
    """Whether an amount is the number of a list item: "(1) WFP: 1.5 million dollars", "2)".

    >>> from aidtracker.etl.amounts import find_amounts
    >>> texts = ("(1) WFP: $1.5 million", "1) WFP: $1.5 million", "1 WFP")
    >>> [_enumerator(t, find_amounts(t)[0]) for t in texts]
    [True, True, False]
    """
    if a.is_money or a.unit or a.has_scale or not a.raw.isdigit():
        return False
    return not text[: a.start].lstrip("( ") and text[a.end : a.end + 1] == ")"


class Sentence:
    """One candidate sentence: tokens, and the mentions and amounts placed on them."""

    def __init__(
        self,
        text: str,
        start: int,
        index: int,
        mentions: list[Mention],
        low: str,
        stated: tuple[Amount, int | None] | None = None,
    ) -> None:
        self.text = text
        self.low = low  # the text lower-cased, same length
        self.start = start  # offset of the sentence in the article
        self.index = index  # its position among the article's sentences
        self.doc = tokenizer()(text)
        strings = self.doc.vocab.strings
        pairs = self.doc.to_array(_token_attrs()).tolist()
        self.lower = [strings[h] for h, _ in pairs]
        self.tok_starts = [i for _, i in pairs]
        self.n = len(self.doc)
        self.mentions = [MentionSpan(*self._tokens(m.start - start, m.end - start), m) for m in mentions]
        self._m_t0 = [m.t0 for m in self.mentions]
        self.dates: list[DateMention] = find_dates(text) if _month_name().search(low) else []
        self.clause_id, self._bounds = self._clauses()
        self.amounts = self._amounts(text, low)
        if stated is not None:
            self._in_stated_unit(*stated)
        self._borrow_currency()

    def _amounts(self, text: str, low: str) -> list[AmountSpan]:
        # Try the amount pattern only at a number's token, or a few tokens before it
        # ("more than $123", "an estimated"): far cheaper than at every character.
        starts = []
        last = -1
        opening = opening_words()
        # a word of a verb phrase is not an amount's opening word: "handed over 1,000 tonnes"
        in_verb = {k for m in self.mentions if m.mention.has("verb") for k in range(m.t0, m.t1)}
        for m in number_start().finditer(low):
            i = self.tok(m.start())
            if i == last:
                continue
            last = i
            starts.append(self.tok_starts[i])
            for j in range(max(0, i - 3), i):
                w = self.lower[j]
                if (w in opening or (len(w) <= 3 and not w.isalpha())) and j not in in_verb:
                    starts.append(self.tok_starts[j])
        if not starts:
            return []
        in_dates = [(d.start, d.end) for d in self.dates]
        return [
            AmountSpan(*self._tokens(a.start, a.end), amount=a)
            for a in find_amounts(text, starts=starts, low=low)
            if not is_year(a)
            and not _percent().match(text, a.end)
            and not any(ds <= a.start < de for ds, de in in_dates)  # "3 May 2021" is a date
            and not _enumerator(text, a)
        ]

    def _in_stated_unit(self, unit: Amount, column: int | None) -> None:
        """A line under a header that states the unit of its bare numbers ("Top donors (US$
        million):" over "United States | 61.3"): each bare number, or only that of the header's
        column of a table, is a sum in that unit."""
        cells = cell_spans(self.text) if column is not None else []
        for b in self.amounts:
            a = b.amount
            if a.is_money or a.unit or a.has_scale or a.is_range:
                continue
            if column is not None and not (
                column < len(cells) and cells[column][0] <= a.start and a.end <= cells[column][1]
            ):
                continue
            b.amount = replace(
                a,
                value=round(a.value * unit.value, 2),  # 8.2 x 1e6 is 8199999.999999999 in floats
                currency=unit.currency,
                bare_dollar=unit.bare_dollar,
                has_scale=True,
            )

    def _borrow_currency(self) -> None:
        """ "80 million euros will go to ..., while 40 million will be spent on ...": a bare
        sum (a number with a scale word) that an aid verb follows at once, in a later clause
        than a sum of money, is in that sum's currency. A bare number that counts something
        ("while 40 million people") has a noun between it and any verb, and stays a number."""
        glue = gazetteer.words("participle_aux") | gazetteer.words("aux_verb")
        for i, b in enumerate(self.amounts):
            amount = b.amount
            if amount.is_money or amount.unit or amount.is_range or not amount.has_scale:
                continue
            money = [m for m in self.amounts[:i] if m.amount.is_money and not m.amount.is_range]
            if not money or self.clause_id[money[-1].t0] == self.clause_id[b.t0]:
                continue
            k = b.t1
            verb = None
            # auxiliaries first ("will", "would be"), then the verb, which may open with one ("be spent")
            while k < min(self.n, b.t1 + 4) and verb is None and (k == b.t1 or self.lower[k - 1] in glue):
                m = self.mention_at(k)
                verb = m if m is not None and k > b.t1 and m.mention.has("verb", "give") else None
                k += 1
            if verb is not None:
                sum_ = money[-1].amount
                b.amount = replace(amount, currency=sum_.currency, bare_dollar=sum_.bare_dollar)

    def tok(self, char: int) -> int:
        """The token holding character `char` of the sentence."""
        return max(0, bisect.bisect_right(self.tok_starts, char) - 1)

    def _tokens(self, s: int, e: int) -> tuple[int, int, int, int]:
        """(first token, end token, start, end) of characters s:e."""
        starts = self.tok_starts
        return (
            max(0, bisect.bisect_right(starts, s) - 1),
            max(0, bisect.bisect_right(starts, max(s, e - 1)) - 1) + 1,
            s,
            e,
        )

    def _clauses(self) -> tuple[list[int], dict[int, tuple[int, int]]]:
        """Each token's clause number, and each clause's (first token, one past the last)."""
        ids: list[int] = []
        bounds: dict[int, tuple[int, int]] = {}
        cid = lo = 0
        lower = self.lower
        breaks, after_comma = gazetteer.words("clause_break"), gazetteer.words("comma_break")
        for i, low in enumerate(lower):
            if low in breaks or (low == "," and i + 1 < self.n and lower[i + 1] in after_comma):
                bounds[cid] = (lo, i)
                cid += 1
                lo = i
            ids.append(cid)
        if ids:
            bounds[cid] = (lo, len(ids))
        return ids, bounds

    def clause_bounds(self, t: int) -> tuple[int, int]:
        """(first token, one past the last) of the clause holding token `t`."""
        return self._bounds[self.clause_id[min(t, self.n - 1)]]

    def mentions_in(
        self, t0: int, t1: int, kind: str | None = None, value: str | None = None
    ) -> list[MentionSpan]:
        """Mentions wholly inside tokens t0:t1, of a kind (and value) when given."""
        out = []
        for i in range(bisect.bisect_left(self._m_t0, t0), len(self.mentions)):
            m = self.mentions[i]
            if m.t0 >= t1:
                break
            if m.t1 <= t1 and (kind is None or m.mention.has(kind, value)):
                out.append(m)
        return out

    def covers(self, t: int) -> bool:
        """Whether token `t` is part of a gazetteer phrase ("nations" in "United Nations")."""
        i = bisect.bisect_right(self._m_t0, t) - 1
        return i >= 0 and self.mentions[i].t1 > t

    def mention_at(self, t: int) -> MentionSpan | None:
        """The mention that starts at token `t`."""
        i = bisect.bisect_left(self._m_t0, t)
        return self.mentions[i] if i < len(self.mentions) and self.mentions[i].t0 == t else None

    def cues(self, t0: int, t1: int, cue: str) -> list[MentionSpan]:
        """Cue words (data/cues.csv) of one class inside tokens t0:t1."""
        found = self.mentions_in(t0, t1, "cue", cue)
        if cue == "hypothetical":  # "3 May 2021" is a month
            found = [
                m
                for m in found
                if not (m.mention.text.istitle() and m.mention.text.lower() in gazetteer.months())
            ]
        return found

    def word(self, t: int) -> str:
        """The lower-cased token `t`, or '' outside the sentence."""
        return self.lower[t] if 0 <= t < self.n else ""

    def is_conversion(self, a: AmountSpan) -> bool:
        """ "$1m (£525,000)", "650million euros - around £545million", "100 million yuan, or about
        13.8 million dollars": a restatement."""
        return self.converted(a) is not None

    def converted(self, a: AmountSpan) -> AmountSpan | None:
        """The sum `a` restates in another form, when it is a conversion (`is_conversion`)."""
        j = a.t0 - 1
        if j >= 1 and self.lower[j] == "or" and self.lower[j - 1] == ",":
            j -= 1  # "100 million yuan, or about 13.8 million dollars,"
        before = next((b for b in self.amounts if b.t1 == j and b is not a), None)
        # "450 million kroner, about $71 million,": an approximate sum in another currency
        about = (
            before is not None
            and a.amount.qualifier == "about"
            and before.amount.is_money
            and a.amount.is_money
            and before.amount.currency != a.amount.currency
        )
        if (
            before is None
            or self.lower[j] not in ("(", "-", "–", "—", ",")
            or (self.lower[j] == "," and self.lower[j + 1] != "or" and not about)
            # "$1.7 billion — $1.1 billion for Ukraine and ...": a dash before a sum in the same
            # currency opens its parts
            or (self.lower[j] in ("-", "–", "—") and before.amount.currency == a.amount.currency)
        ):
            return None
        return before

    def conversion_of(self, a: AmountSpan) -> AmountSpan | None:
        """The conversion that restates `a` right after it: "$1m (£525,000)", ", or about $5m"."""
        return next((b for b in self.amounts if a.t1 < b.t0 <= a.t1 + 3 and self.converted(b) is a), None)

    def evidence(self) -> tuple[str, int, int]:
        return self.text, self.start, self.start + len(self.text)


def entity_of(m: Mention) -> Entity | None:
    """The donor a mention can name: a country, a demonym's country, an organization
    (a government body as its country), or 'various' for "donor nations"."""
    return _entity_for(m.tags)


@cache
def _entity_for(tags: tuple[gazetteer.Tag, ...]) -> Entity | None:
    """entity_of by a mention's tags: the same few hundred tag sets recur in every article."""
    first: dict[str, str] = {}
    for t in tags:
        first.setdefault(t.kind, t.value)
    iso = first.get("country") or first.get("demonym")
    if iso:
        return Entity(gazetteer.country_name(iso), iso, "government")
    org = gazetteer.organizations()[first["org"]] if first.get("org") else None
    if org:
        if org.iso3 and org.kind == "government":
            return Entity(gazetteer.country_name(org.iso3), org.iso3, "government")
        return Entity(org.name, None, org.kind)
    if any(t.kind == "cue" and t.value == "generic_donor" for t in tags):
        return Entity("various", None, "various")
    return None


@dataclass
class Article:
    """What the whole article tells the rules reading one sentence."""

    text: str
    title: str
    hint: str | None  # a country the metadata names
    mentions: list[Mention]
    country_counts: dict[str, int] = field(default_factory=dict)
    dest_counts: dict[str, float] = field(default_factory=dict)  # mentions, doubled after "to/for/in"
    title_iso3: frozenset[str] = frozenset()
    main_iso3: str | None = None  # where the article's aid goes or its people are
    home_dollar: str = "USD"  # what a bare "$" means here
    military_title: bool = False  # the title names military aid: the article is about arms, not aid
    global_title: bool = False  # the title speaks of the whole world ("Global Food Security")

    @classmethod
    def read(cls, text: str, title: str, hint: str | None, mentions: list[Mention]) -> Article:
        art = cls(text, title, hint, mentions)
        _resolve_shared_demonyms(mentions)
        _regions_named_as_countries(text, mentions)
        _short_forms_defined(text, mentions)
        dest = gazetteer.words("dest_prep") | {"the"}
        currency_names = []
        for m in mentions:
            iso = m.location
            if iso and names_a_currency(text, m):
                # "20 million Swiss francs", "3.5 million US dollars": a currency's name, no place
                # nor giver (though a people's name, "Australian dollars", tells the dollar)
                if m.has("demonym"):
                    art.country_counts[iso] = art.country_counts.get(iso, 0) + 1
                m.location = None
                currency_names.append(m)
                continue
            if iso and _seat_suffix().match(text, m.end):
                # "Spain-based footballer", "a Geneva-based charity": where someone is based, not a
                # place the article's aid goes or its people are
                m.location = None
                continue
            if iso:
                art.country_counts[iso] = art.country_counts.get(iso, 0) + 1
                before = text[max(0, m.start - 12) : m.start].split()
                weight = 2.0 if before and before[-1].lower() in dest else 1.0
                if text[m.end : m.end + 2] in ("'s", "’s") or m.has("demonym"):
                    weight = 0.5  # "Australia's funding", "the Australian Government": a voice, not a place
                art.dest_counts[iso] = art.dest_counts.get(iso, 0) + weight
            elif (org := gazetteer.organization_of(m)) is not None and org.iso3 and org.kind == "government":
                art.country_counts[org.iso3] = art.country_counts.get(org.iso3, 0) + 1
        if currency_names:
            dropped = {id(m) for m in currency_names}
            mentions[:] = [m for m in mentions if id(m) not in dropped]
        art.title_iso3 = frozenset(m.location for m in title_mentions(title) if m.location)
        art.military_title = any(
            m.has("cue", "not_aid") and m.text.lower() == "military" for m in title_mentions(title)
        )
        art.global_title = not gazetteer.words("global_scope").isdisjoint(_WORD.findall(title.lower()))
        art.home_dollar = art._home_dollar()
        art.settle(set())
        return art

    def settle(self, donors: set[str]) -> bool:
        """Fix the main country, not counting `donors` (unless what is left is named too little
        to stand in: then the one named most); True when it changed."""
        main = self._main_country(donors)
        if donors and not self._clear(main):
            main = self.most_sent_to() or main
        changed = main != self.main_iso3
        self.main_iso3 = main
        return changed

    def for_risks(self, donors: set[str]) -> Article:
        """The article as the risk rules read it: its main country settled without `donors`
        only (the countries that give and receive nothing), a copy when that changes it. When
        it names no country but donors, the most named of them: people at home that their own
        companies and citizens give for ("Moroccan companies pour money into earthquake fund")."""
        main = self._main_country(donors)
        if not self._clear(main):
            # "Republic of Korea | USD 2 million" once in a Philippine situation report whose own
            # agencies give too: a country named once does not stand in for the one aid goes to
            main = self.most_sent_to() or self._main_country(set()) or main
        return self if main == self.main_iso3 else replace(self, main_iso3=main)

    def most_sent_to(self) -> str | None:
        """The country most named as where aid goes (dest_counts), givers or not, when it is
        named three times or more: the subject of the article, though it gives too."""
        if not self.dest_counts:
            return None
        best = max(self.dest_counts, key=self.dest_counts.__getitem__)
        return best if self.country_counts.get(best, 0) >= 3 else None

    def _main_country(self, exclude: set[str]) -> str | None:
        """The hint, else a country the title names as destination, else the most named
        one (donors excluded when another is named)."""
        if self.hint:
            return self.hint
        in_title = [
            m for m in title_mentions(self.title) if m.location and not names_a_currency(self.title, m)
        ]
        if in_title:
            low = self.title.lower()
            for m in in_title:
                before = low[: m.start].split()
                if (
                    before
                    and before[-1] in ("to", "for", "in", "with", "on", "into")
                    and m.location not in exclude
                    # "minister on India's quake aid to Myanmar": an owner is a voice, not where aid goes
                    and self.title[m.end : m.end + 2] not in ("'s", "’s")
                ):
                    return m.location
            # "..., Indian ship arrives": a people's name in a title is a voice, not a place; so is
            # the subject of a verb of giving ("Canada announces humanitarian assistance for ...")
            mentioned = title_mentions(self.title)
            givers = {
                m.start
                for m, after in zip(mentioned, mentioned[1:], strict=False)
                if after.value("verb") == "give" and not self.title[m.end : after.start].strip()
            }
            candidates = [
                m.location
                for m in in_title
                if m.location not in exclude and not m.has("demonym") and m.start not in givers
            ]
            # "Nepal earthquake: UK triples aid": the place a crisis word follows is where aid goes
            struck = [
                m.location for m in in_title if m.location not in exclude and names_a_crisis(self.title, m)
            ]
            if struck:
                return struck[0]
            if candidates:
                return candidates[-1]
        counts = {k: v for k, v in self.dest_counts.items() if k not in exclude}
        if not counts:
            return None
        first_seen: dict[str, int] = {}
        for m in self.mentions:
            if m.location and m.location not in first_seen:
                first_seen[m.location] = m.start
        return max(counts, key=lambda k: (counts[k], -first_seen.get(k, 0)))

    def _home_dollar(self) -> str:
        """The currency of the dollar country that speaks most (an Australian government
        release's $ is AUD), else USD. A country named more as where aid goes than as a voice
        (dest_counts above its mentions) is not speaking, unless the article is about it (an
        Australian paper on its own bushfires): "$4m for Singapore's neighbour" is in US dollars."""
        best, best_n = "USD", 0
        main = self._main_country(set())
        for iso, n in self.country_counts.items():
            c = gazetteer.countries().get(iso)
            if self.dest_counts.get(iso, 0) > n and iso != main:
                continue
            if c and gazetteer.currency_families().get(c.currency) == "dollar" and n > best_n:
                best, best_n = c.currency, n
        if best != "USD" and best_n >= 2 and best_n > self.country_counts.get("USA", 0):
            return best
        return "USD"

    def currency_of(self, amount: Amount, donor_iso: str | None, kind: str = "government") -> str:
        """The ISO code of a sum given by `donor_iso`: a bare "$" as `dollar_for` says; a currency
        the text leaves to its country ("K150 million", "10 million manats") is the giver's own
        of that family, else that of the country of the family the article names most, else the
        code its row in data/currencies.csv names."""
        if amount.bare_dollar:
            return self.dollar_for(donor_iso, kind)
        if amount.family is None:
            return str(amount.currency)
        families, countries = gazetteer.currency_families(), gazetteer.countries()
        allowed = amount.family.split("|")  # "crowns": a krone, a krona or a koruna
        own = countries[donor_iso].currency if donor_iso in countries else None
        if own is not None and families.get(own) in allowed:
            return own
        named = [
            (n, countries[iso].currency)
            for iso, n in self.country_counts.items()
            if iso in countries and families.get(countries[iso].currency) in allowed
        ]
        return max(named)[1] if named else str(amount.currency)

    def dollar_for(self, donor_iso: str | None, kind: str = "government") -> str:
        """What a bare "$" means when `donor_iso` gives: its own dollar, else the article's; a UN
        body or a development bank counts in US dollars ("CERF: $7 million for Zimbabwe"), as does
        a country whose aid abroad is told in them (words.csv usd_quoting: "Taiwan pledged $500,000")."""
        if kind in ("un_agency", "multilateral"):
            return "USD"
        if donor_iso:
            c = gazetteer.countries().get(donor_iso)
            if donor_iso.lower() in gazetteer.words("usd_quoting"):
                return "USD"  # "Taiwan pledged $500,000": its aid abroad is told in US dollars
            if c and gazetteer.currency_families().get(c.currency) == "dollar":
                return c.currency
        return self.home_dollar

    def heading_places(self, start: int) -> set[str]:
        """The places the nearest heading above `start` names: a short line with no full stop
        ("MADAGASCAR", "Sudan: key figures"), whose section runs to the next heading."""
        end = start - 1
        for _ in range(_HEADING_REACH):
            if end <= 0:
                break
            begin = self.text.rfind("\n", 0, end) + 1
            line = self.text[begin:end].strip()
            if (
                line
                and len(line) <= 40
                and len(line.split()) <= 5
                and line[-1] not in '.;:,!?"”'
                and not any(c.isdigit() for c in line)  # "Germany: EUR 200 million" is an item, not a heading
            ):
                return {m.location for m in gazetteer.starting_in(self.mentions, begin, end) if m.location}
            end = begin - 1
        return set()

    def main_is_clear(self) -> bool:
        """Whether the main country is named enough to stand for a sentence that names none."""
        return self._clear(self.main_iso3)

    def _clear(self, main: str | None) -> bool:
        """Whether country `main` is named enough to stand for a sentence that names none."""
        return main is not None and (
            self.country_counts.get(main, 0) >= 2
            or self.hint == main
            or main in self.title_iso3
            or self.dest_counts.get(main, 0) >= 2
        )


# How many lines above a paragraph its section's heading may stand.
_HEADING_REACH = 30


@cache
def _seat_suffix() -> re.Pattern[str]:
    """A hyphenated word right after a place that makes it where someone is based ("-based",
    "-headquartered": data/words.csv `seat`)."""
    return re.compile(r"[-‐–]" + gazetteer.alternation(gazetteer.words("seat")), re.IGNORECASE)


def is_heading(line: str) -> bool:
    """Whether a sentence is a heading: one short line with no full stop ("Major pledges",
    "PLEDGES SO FAR").

    >>> is_heading("Major pledges"), is_heading("Japan pledged $5 million.")
    (True, False)
    """
    line = line.strip()
    # (the cheap tests first: most sentences end with a stop)
    return line[-1:].isalpha() and "\n" not in line and len(line) <= 120 and len(line.split()) <= 6


def names_a_crisis(text: str, m: Mention) -> bool:
    """Whether a data/words.csv crisis_noun follows the place `m` ("Nepal earthquake: UK
    triples aid"): where the crisis is, in a title.

    >>> m = next(iter(title_mentions("Nepal earthquake: UK triples aid")))
    >>> names_a_crisis("Nepal earthquake: UK triples aid", m)
    True
    """
    after = _WORD.findall(text[m.end : m.end + 30].lower())[:2]
    if not after:
        return False
    # "Sudan conference in Paris: Germany pledges", "Yemen pledging conference": the meeting for it
    return after[0] in gazetteer.words("crisis_noun") or "conference" in after or "summit" in after


def names_a_currency(text: str, m: Mention) -> bool:
    """Whether a demonym or a country opens the name of a currency ("Swiss francs", "Australian
    dollars", "US dollars": data/currencies.csv) in `text`."""
    if not (m.has("demonym") or m.has("country")):
        return False
    if not _currency_word_after().match(text, m.end):
        return False  # the common case, cheaply: no currency's word right after the name
    found = _currency_name().match(text, m.start)
    return found is not None and found.end() > m.end


@cache
def _currency_word_after() -> re.Pattern[str]:
    """A space, then a word past the first of a currency of more than one word ("Swiss
    francs", "New Zealand dollars")."""
    later = {w for p in gazetteer.currencies() if " " in p and p[:1].isalpha() for w in p.split()[1:]}
    return re.compile(r"\s+" + gazetteer.alternation(later), re.IGNORECASE)


@cache
def _currency_name() -> re.Pattern[str]:
    """A currency of more than one word, named by a word ("Swiss francs", not "US$")."""
    names = [p for p in gazetteer.currencies() if " " in p and p[:1].isalpha()]
    return re.compile(gazetteer.alternation(names), re.IGNORECASE)


def _resolve_shared_demonyms(mentions: list[Mention]) -> None:
    """Place a demonym or a name two countries share ("Congolese", "Congo": data/countries.csv
    lists them for both Congos) in the one the article names most by a name of its own, the
    first listed on a tie (the Democratic Republic, as news that says "Congo" alone most often
    means)."""

    def options(m: Mention) -> list[str]:
        kind = "country" if m.has("country") else "demonym"
        return [t.value for t in m.tags if t.kind == kind]

    shared = [m for m in mentions if len(m.tags) > 1 and len(set(options(m))) > 1]
    if not shared:
        return  # the common case: the count below is paid only by articles that need it
    named: dict[str, int] = {}
    for m in mentions:
        if m.has("country") and m.location and m not in shared:
            named[m.location] = named.get(m.location, 0) + 1
    for m in shared:
        isos = options(m)
        m.location = max(isos, key=lambda iso: (named.get(iso, 0), -isos.index(iso)))


_SHORT_FORM_ANYWHERE = re.compile(
    r"""
    \(                        # the opening bracket
    ([A-Z][A-Za-z]{1,7})      # the short form: a capital, then letters ("ERC", "KSrelief")
    \)                        # the closing bracket
    """,
    re.VERBOSE,
)


def _brackets(text: str) -> list[int]:
    """The offsets of the opening brackets of `text` (found by str.find, cheaper than a pattern)."""
    out, k = [], text.find("(")
    while k >= 0:
        out.append(k)
        k = text.find("(", k + 1)
    return out


def _short_forms_defined(text: str, mentions: list[Mention]) -> None:
    """Add a mention for each later use of a short form an organization's name defines in
    brackets ("the Emirates Red Crescent (ERC) ... The ERC said it will also send"), with the
    name's tags, where the gazetteer found none."""
    shorts = [m for k in _brackets(text) if (m := _SHORT_FORM_ANYWHERE.match(text, k)) is not None]
    if not shorts:
        return  # the common case: no short form in brackets
    known = {m.start for m in mentions}
    defined: dict[str, Mention] = {}
    for short in shorts:
        if short.start(1) in known:
            continue  # "(OCHA)": a short form the gazetteer knows already
        end = short.start()
        while end > 0 and text[end - 1].isspace():
            end -= 1
        # the organization's name ending right before the bracket (mentions are in start order)
        i = bisect.bisect_left(mentions, end, key=lambda m: m.start) - 1
        name = next(
            (
                mentions[j]
                for j in range(i, max(-1, i - 4), -1)
                if mentions[j].end == end and mentions[j].has("org")
            ),
            None,
        )
        if name is not None:
            defined.setdefault(short.group(1), name)
    if not defined:
        return
    covered = [(m.start, m.end) for m in mentions]
    added = []
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, defined)) + r")\b")
    for found in pattern.finditer(text):
        name = defined[found.group(1)]
        if found.start() <= name.end + 2 or text[found.start() - 1 : found.start()] == "(":
            continue  # the definition itself
        if any(a < found.end() and found.start() < b for a, b in covered):
            continue
        added.append(Mention(found.start(), found.end(), found.group(1), name.tags))
    if added:
        mentions.extend(added)
        mentions.sort(key=lambda m: (m.start, -m.end))


@cache
def _subnational_plural() -> re.Pattern[str]:
    """The words of data/words.csv subnational_plural, as whole words in lower case ("states",
    not the "States" of a country's name)."""
    return re.compile(gazetteer.alternation(gazetteer.words("subnational_plural")))


def _regions_named_as_countries(text: str, mentions: list[Mention]) -> None:
    """Place a country's name listed among another country's regions, with a words.csv
    subnational_plural after the list ("in Kogi, Niger and Adamawa states"), in that country:
    a region that shares a country's name, not the country.

    >>> text = "camps in Kogi, Niger and Adamawa states; aid to Chad, Niger and Mali"
    >>> mentions = gazetteer.find_mentions(text)
    >>> _regions_named_as_countries(text, mentions)
    >>> [m.location for m in mentions if m.location]
    ['NGA', 'NGA', 'NGA', 'TCD', 'NER', 'MLI']
    """
    if not any(w in text for w in gazetteer.words("subnational_plural")):
        return  # the common case: no list of regions (a substring test is cheap)
    plurals = list(_subnational_plural().finditer(text))
    places = [m for m in mentions if m.location]
    ends = [m.end for m in places]

    def joined(a: Mention, b: Mention) -> bool:  # two items of one list: "Kogi, Niger", "Niger and Adamawa"
        return " ".join(text[a.end : b.start].split()) in (",", "and", ", and")

    for found in plurals:
        last = bisect.bisect_right(ends, found.start()) - 1
        if last < 0 or text[places[last].end : found.start()].strip():
            continue  # no place right before "states"
        first = last
        while first > 0 and joined(places[first - 1], places[first]):
            first -= 1
        items = places[first : last + 1]
        countries = [m for m in items if m.has("country")]
        others = [m for m in items if not m.has("country")]
        if not countries or not others or not all(m.has("place") for m in others):
            continue
        if len({m.location for m in others}) != 1:
            continue
        for m in countries:
            m.tags = (gazetteer.Tag("place", others[0].location, ""),)
            m._by_kind, m.location = gazetteer.tag_info(m.tags)


# Bounded: a worker sees every title of a long stream, and each is asked for several times in a row.
@lru_cache(maxsize=1024)
def title_mentions(title: str) -> tuple[Mention, ...]:
    """The gazetteer's mentions in an article's title."""
    return tuple(gazetteer.find_mentions(title)) if title else ()


def table_head(text: str, start: int) -> tuple[int, str] | None:
    """(where it starts, the line) of the first line of the table whose row starts at `start`
    (the lines above it that "|" parts, past a line of dashes), none when the row is that first
    line."""
    line_start = text.rfind("\n", 0, start) + 1
    head = None
    while line_start > 0:
        above = text.rfind("\n", 0, line_start - 1) + 1
        line = text[above : line_start - 1]
        if "|" not in line:
            break
        if line.strip(" |-:\t"):
            head = (above, line)
        line_start = above
    return head


def words_in(text: str) -> list[str]:
    """The words of `text`, lowercased, to look them up in a word class.

    >>> words_in("Funding Requirements (US$)")
    ['funding', 'requirements', 'us']
    """
    return _WORD.findall(text.lower())


@cache
def people_noun() -> re.Pattern[str]:
    """A noun of people (data/cues.csv `person`): a column of counts of people."""
    people = [r["phrase"].lower() for r in gazetteer.read_csv("cues.csv") if r["cue"] == "person"]
    return re.compile(gazetteer.alternation(people), re.IGNORECASE)


def cell_spans(row: str) -> list[tuple[int, int]]:
    """(start, end) of each cell of a table row, outer bars left out."""
    bars = [i for i, c in enumerate(row) if c == "|"]
    edges = [-1, *bars, len(row)]
    spans = [(edges[i] + 1, edges[i + 1]) for i in range(len(edges) - 1)]
    return [(a, b) for a, b in spans if row[a:b].strip() or a > 0 and b < len(row)]


@dataclass(frozen=True)
class TableRow:
    """A row of a table whose cells "|" parts, with the table's first line: `label` is the
    row's first cell, `cells` each later cell's first amount (None if it has none) with the
    head of its column, and `above` the line over the table's first line."""

    label: str
    cells: tuple[tuple[Amount | None, str], ...]
    above: str


def table_row(s: Sentence, text: str) -> TableRow | None:
    """Sentence `s` of article text `text` read as a row of a table under its first line; None
    when it is no such row (no bars, no first line above it, or not as many cells as heads)."""
    if "|" not in s.text:
        return None
    found = table_head(text, s.start)
    if found is None:
        return None
    head_start, head = found
    heads = [h.strip() for h in head.strip().strip("|").split("|")]
    spans = cell_spans(s.text)
    if len(spans) != len(heads) or len(spans) < 2:
        return None
    cells = tuple(
        (next((b.amount for b in s.amounts if c0 <= b.amount.start and b.amount.end <= c1), None), h)
        for (c0, c1), h in zip(spans[1:], heads[1:], strict=True)
    )
    above = text[text.rfind("\n", 0, max(0, head_start - 1)) + 1 : max(0, head_start - 1)]
    return TableRow(s.text[spans[0][0] : spans[0][1]], cells, above)


def row_or_column(
    row_places: set[str], row_says: bool, head_places: set[str], head_says: bool
) -> tuple[str, bool] | None:
    """(the country, whether the column's head says what the cell counts) of a table cell: a row
    of one country under a column whose head says it ("Malawi" under "People food insecure"),
    or a column of one country on a row that says it ("Mali" over "People in need"); else None.

    >>> row_or_column({"MWI"}, False, set(), True), row_or_column(set(), True, {"MLI"}, False)
    (('MWI', True), ('MLI', False))
    >>> row_or_column({"MWI", "MOZ"}, False, set(), True) is None
    True
    """
    if len(row_places) == 1 and head_says and not head_places:
        return next(iter(row_places)), True
    if len(head_places) == 1 and row_says and not row_places:
        return next(iter(head_places)), False
    return None


def cell_reading(cell: str) -> tuple[set[str], str | None]:
    """(the countries a table cell names, the condition of its first indicator phrase)."""
    found = gazetteer.find_mentions(cell)
    places = {m.location for m in found if m.location and not m.has("indicator")}
    condition = next((m.value("indicator") for m in found if m.has("indicator")), None)
    return places, condition
