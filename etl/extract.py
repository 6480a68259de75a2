"""Extract pledges, risk figures and appeals from an article's text (GUIDELINES.md).

Per article:

1. split the text into sentences (etl.sentences, a compiled regex splitter) and
   find every gazetteer phrase once (etl.gazetteer, one Aho-Corasick pass):
   countries, demonyms, places, organizations, aid verbs, indicator phrases, cues;
2. keep the candidate sentences: a number, and money or goods, or a count of
   people with an indicator phrase, or in a list item under a header with one
   (the number words, currencies, units of weight, counted goods and cues of
   data/); tokenize only those (spaCy's blank English
   tokenizer) and place mentions and amounts (etl.amounts) on their tokens
   (etl.analysis);
3. read pledges and appeals (etl.pledge_rules), then risk figures
   (etl.risk_rules), sentence by sentence, with what the article says around
   them (its main country, who speaks, the donor named last);
4. drop totals that the article breaks down into parts, and repeats.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache

from aidtracker.etl import gazetteer, learn, pledge_rules, risk_rules
from aidtracker.etl.amounts import Amount
from aidtracker.etl.analysis import (
    Article,
    Sentence,
    cell_spans,
    is_heading,
    number_start,
    stated_unit,
    table_head,
    words_in,
)
from aidtracker.etl.records import Appeal, Fact, Pledge, RiskFigure
from aidtracker.etl.sentences import split_sentences

log = logging.getLogger(__name__)

# A sentence is worth tokenizing only if it has a number (analysis.number_start: a digit or
# a number word), and money or goods (a pledge or an appeal), or a count of people big enough
# to be a risk figure, with an indicator phrase. Each test is built from data/, so a sentence
# with a currency, unit or counted good added there is read too.


@cache
def _money_or_weight() -> re.Pattern[str]:
    """A currency (data/currencies.csv) or a unit of weight (data/units.csv): what makes an amount
    money or goods."""
    return re.compile(
        gazetteer.alternation([*gazetteer.currencies(), *map(str.lower, gazetteer.tonnes_per_unit())])
    )


@cache
def _glued_letters() -> tuple[re.Pattern[str], frozenset[str]]:
    """Letters glued to a number, and the currencies written so: "NOK150m", "Rs3.5 million" (a
    plain pattern and a set, far cheaper than an alternation of every currency tried at every word)."""
    codes = frozenset(p for p, (_, pos) in gazetteer.currencies().items() if pos != "suffix" and p.isalpha())
    return re.compile(r"\b([a-z]{1,5})\d"), codes


def _glued_money(low: str, a: int, b: int) -> bool:
    """Whether low[a:b] has a currency's letters glued to a number ("nok150m")."""
    pattern, codes = _glued_letters()
    return any(m.group(1) in codes for m in pattern.finditer(low, a, b))


@cache
def _count() -> re.Pattern[str]:
    """A count big enough to be a risk figure: "1,200", "250000", "3.5 million", "2bn", "a million"."""
    scales = gazetteer.number_words("scale", "abbreviation", "letter")
    spelled = gazetteer.number_words("scale", "abbreviation")
    return re.compile(
        rf"""
        \d{{1,3}}(?:,\d{{3}})+                           # "1,200", "2,400,000"
        | \d{{3,}}                                       # "250000"
        | \d\s*{gazetteer.alternation(scales, whole_words=False)}\b  # "3.5 million", "2bn", "40m"
        | {gazetteer.alternation(spelled)}               # "a million", "two mln"
        """,
        re.VERBOSE,
    )


@cache
def _list_item() -> re.Pattern[str]:
    """The opening of an item of a list of allocations, which needs no verb: "• $10 million to the
    WFP", "Shelter: 5,000 tents" (after a short label); or of a sentence whose subject is a sum,
    which may have none the gazetteer knows: "Another $2 million will support clinics" (the
    words before the sum: data/words.csv sum_opener, data/qualifiers.csv); goods at their worth
    after a label: "Japan: tents and blankets worth ¥14 million" (words.csv valued)."""
    signs = [
        p
        for p, (_, pos) in gazetteer.currencies().items()
        if pos != "suffix" and not any(map(str.isalnum, p))
    ]
    # the currencies' keys are lower-cased: a code is a "both" row of letters ("EUR", "RMB")
    codes = [p.upper() for p, (_, pos) in gazetteer.currencies().items() if pos == "both" and p.isalpha()]
    # letters written before the number: "Le500 million", "VT12 million", "K150 million", "Rs 5m"
    letters = [p for p, (_, pos) in gazetteer.currencies().items() if pos == "prefix" and p.isalpha()]
    openers = [*gazetteer.words("sum_opener"), *gazetteer.qualifiers()]
    marks = "".join(re.escape(m) for m in sorted(gazetteer.words("label_mark")) if m != ":")  # "Germany — "
    worth = gazetteer.alternation(gazetteer.words("valued"))
    return re.compile(
        rf"""
        (?:\|\s*)?                                               # a Markdown table row's first bar
        (?:[^:\n.;{marks}]{{1,60}}[:{marks}]\s+                   # a label: "Personal Protective Equipment: "
           (?:[^:\n.;\d]{{1,80}}\s(?i:{worth})\s+(?:at\s+)?)?       # goods at their worth: "tents worth "
        )?
        (?i:{gazetteer.alternation(openers)},?\s+)*              # "Another", "About", "Of this,"
        (?:
            (?:[A-Z]{{1,3}}\s?)?{gazetteer.alternation(signs)}\s?\d   # a currency sign, a number: "US$ 5"
            | \b{gazetteer.alternation(codes, whole_words=False)}\s?\d  # an ISO code, a number: "NOK150m"
            | \b(?i:{gazetteer.alternation(letters, whole_words=False)})\s?\d  # a currency's letters: "Le500"
            | \d                                                     # a bare number: "10,000 tonnes"
        )
        """,
        re.VERBOSE,
    )


@cache
def _aid_programme() -> re.Pattern[str]:
    """ "aid programme": the programme an amount comes under governs it as an aid verb would."""
    return re.compile(r"\baid\s+" + gazetteer.alternation(gazetteer.words("programme")))


@cache
def _made_available() -> re.Pattern[str]:
    """ "make 200 tonnes of rice available": two words a gazetteer phrase cannot hold, which
    together are an aid verb (data/words.csv make_verb, available)."""
    return re.compile(
        rf"""
        {gazetteer.alternation(gazetteer.words("make_verb"))}   # "make", "has made"
        [^.;:]{{1,80}}?\s                                     # what is made available: "200 tonnes of rice"
        {gazetteer.alternation(gazetteer.words("available"))}   # "available"
        """,
        re.VERBOSE,
    )


@cache
def _helped_with() -> re.Pattern[str]:
    """ "will support Malawi with $5 million": a word of helping (data/words.csv help_word) and,
    later in its clause, "with" before a sum; pledge_rules reads the two as an aid verb."""
    return re.compile(
        rf"""
        {gazetteer.alternation(gazetteer.words("help_word"))}   # "support", "funding"
        [^.;:,]{{1,80}}?\s                                      # whom: "Malawi", "to UNRWA"
        with\s                                                 # the sum follows
        """,
        re.VERBOSE,
    )


@cache
def _arrived_with() -> re.Pattern[str]:
    """ "landed in Benghazi with 8 tonnes": a verb of arriving (data/words.csv arrival) and, later
    in its clause, "with" before what was brought; pledge_rules reads the two as an aid verb."""
    return re.compile(
        rf"""
        {gazetteer.alternation(gazetteer.words("arrival"))}   # "landed", "has since sailed"
        [^.;:]{{1,80}}?\s                                     # where and when: "in Yangon on Saturday"
        with\s                                               # what it brought follows
        """,
        re.VERBOSE,
    )


@cache
def _hypothetical_header() -> re.Pattern[str]:
    """A hedge word in a list header ("a war would result in:"): it makes the list's items
    hypothetical; not a month's name in a date ("as of 2 May:")."""
    hedges = gazetteer.words("hedge")
    months = hedges & set(gazetteer.months())
    parts = [gazetteer.alternation(hedges - months)]  # "would", "could", "if"
    if months:
        parts.append(rf"(?<!\d\s){gazetteer.alternation(months)}(?!\s\d)")  # "may", but not "2 May"
    return re.compile("|".join(parts))


# What one article may cost. The rules read a sentence in time that grows with the square of
# its length, and an article in time that grows with its length: so extraction reads an
# article's sentences up to MAX_ARTICLE_CHARS characters, and a sentence longer than
# MAX_SENTENCE_CHARS in pieces of at most that many, cut after a comma or at a space. A news
# article is kilobytes and its sentences hundreds of characters (the corpus's longest: 7,540
# and 779), so only a dump or a run-on table meets a cap; Extraction.unread says when one did.
MAX_ARTICLE_CHARS = 1_000_000
MAX_SENTENCE_CHARS = 2_000


@dataclass(frozen=True)
class Extraction:
    """The facts an article states, and what of its text the caps kept from being read whole."""

    facts: tuple[Fact, ...]
    unread: tuple[str, ...] = ()  # in words for a user, each naming its cap


def extract(
    text: str,
    *,
    title: str | None = None,
    country_hint: str | None = None,
    strict: bool = False,
    learned: bool = True,
) -> list[Fact]:
    """Return the facts the text states; [] when it states none.

    Never raises unless `strict`; an article over the caps is read in part, with a warning
    logged (extract_article returns the warning instead). `learned=False` leaves every
    decision to the rules (etl.learn's fitted choices are not applied).
    """
    result = extract_article(text, title=title, country_hint=country_hint, strict=strict, learned=learned)
    for note in result.unread:
        log.warning("article read in part: %s", note)
    return list(result.facts)


def extract_article(
    text: str,
    *,
    title: str | None = None,
    country_hint: str | None = None,
    strict: bool = False,
    learned: bool = True,
) -> Extraction:
    """The facts the text states, and what the caps left unread.

    A failure is logged and the article yields no facts, so one article cannot stop an
    ingest; with `strict` it is raised instead, so that tests of "nothing raises" can fail.
    """
    try:
        keep = learn.shipped_keep_weights() if learned else None
        facts, art, unread = propose(
            text or "", title or "", country_hint, keep=learn.keeper(keep) if keep is not None else None
        )
        weights = learn.shipped_recipient_weights() if learned else None
        if weights is not None:
            facts = [learn.choose_recipient(f, art, weights) if isinstance(f, Pledge) else f for f in facts]
        return Extraction(tuple(facts), unread)
    except Exception:
        if strict:
            raise
        log.exception("extraction failed; the article yields no facts")
        return Extraction(())


def propose(
    text: str, title: str, hint: str | None, keep: Callable[[pledge_rules.Draft], bool] | None = None
) -> tuple[list[Fact], Article, tuple[str, ...]]:
    """The facts the rules read, the article as they saw it (for etl.learn), and what the caps
    left unread. `keep` decides which candidate pledges stand (etl.learn.keeper), the rules'
    pledges and the ones they doubted alike; with none, the rules' pledges stand."""
    text, spans, unread = _readable(text)
    low = gazetteer.lower_same_length(text)
    mentions = gazetteer.find_mentions(text, low)
    art = Article.read(text, title, hint, mentions)
    sentences = _candidates(text, low, mentions, spans)
    drafts, appeals, state = _pledges(sentences, art)
    donors = {d.donor.iso3 for d in drafts if d.donor.iso3 and d.donor_explicit}
    if art.settle(donors):
        # the main country was a donor: read again with the one the aid goes to
        drafts, appeals, state = _pledges(sentences, art)
    donors |= {d.donor.iso3 for d in drafts if d.donor.iso3}
    # a country named as where aid goes is where people in need are, though it gives too (its own
    # fund, its companies: "the Somalia Humanitarian Fund has approved grants"): only the countries
    # that give and receive nothing are never the place of people at risk
    received = {d.recipient_iso3 for d in drafts if d.recipient_explicit and d.recipient_iso3}
    explicit = {d.donor.iso3 for d in drafts if d.donor.iso3 and d.donor_explicit}
    risk_art = art.for_risks(explicit - received)
    risks: list[RiskFigure] = []
    for s in sentences:
        risk_rules.read_risks(s, risk_art, donors - received, risks)
    pledges = pledge_rules.finish(pledge_rules.decide(drafts, state.doubted, keep), state.conversions)
    risks = risk_rules.dedup(risks, _statements(text, spans, sentences))
    return [*pledges, *risks, *pledge_rules.dedup_appeals(appeals)], art, unread


def _statements(text: str, spans: list[tuple[int, int]], sentences: list[Sentence]) -> dict[int, int]:
    """The index of the statement each sentence starts (by its offset): its own, but a list's
    item is of its header's ("has affected 6.8 million people:" then its parts, line by line)."""
    by_end = {b: i for i, (_, b) in enumerate(spans)}
    out = {}
    for s in sentences:
        header = risk_rules.list_header(text, s.start)
        out[s.start] = by_end.get(header[1], s.index) if header is not None else s.index
    return out


def _readable(text: str) -> tuple[str, list[tuple[int, int]], tuple[str, ...]]:
    """The text extraction reads (whole sentences within MAX_ARTICLE_CHARS), its sentences
    (those longer than MAX_SENTENCE_CHARS in pieces), and in words what the caps changed."""
    unread = []
    cut = len(text) > MAX_ARTICLE_CHARS
    # splitting a prefix finds the same sentences but the last, which may run on past it
    spans = split_sentences(text[:MAX_ARTICLE_CHARS] if cut else text)
    long = [b - a for a, b in spans if b - a > MAX_SENTENCE_CHARS]
    if long:
        spans = [piece for a, b in spans for piece in _pieces(text, a, b)]
    if cut:
        spans = spans[:-1]
        end = spans[-1][1] if spans else 0
        unread.append(
            f"the text was read up to character {end:,} of {len(text):,}: extraction reads at most "
            f"{MAX_ARTICLE_CHARS:,} characters of an article (MAX_ARTICLE_CHARS)"
        )
        text = text[:end]
    if long:
        unread.append(
            f"{len(long):,} sentence(s) longer than {MAX_SENTENCE_CHARS:,} characters (the longest "
            f"{max(long):,}) were read in pieces (MAX_SENTENCE_CHARS): a fact that spans a cut is missed"
        )
    return text, spans, tuple(unread)


def _pieces(text: str, a: int, b: int) -> Iterator[tuple[int, int]]:
    """The sentence a:b, or pieces of it of at most MAX_SENTENCE_CHARS: each cut after the last
    comma of its second half, else at the last space, else mid-word."""
    half = MAX_SENTENCE_CHARS // 2
    while b - a > MAX_SENTENCE_CHARS:
        limit = a + MAX_SENTENCE_CHARS
        comma = text.rfind(", ", a + half, limit)
        space = text.rfind(" ", a + half, limit)
        end = comma + 1 if comma >= 0 else space if space >= 0 else limit
        yield a, end
        a = end
        while a < b and text[a].isspace():
            a += 1
    yield a, b


def _candidates(
    text: str, low: str, mentions: list[gazetteer.Mention], spans: list[tuple[int, int]]
) -> list[Sentence]:
    """The sentences that may state a fact, read (tokenized) for the rules."""
    number, money, count, list_item = number_start(), _money_or_weight(), _count(), _list_item()
    out = []
    k = 0
    hypothetical_list = False
    stated: tuple[Amount, int | None] | None = None  # the unit a header states for the lines below it
    last_end = 0
    for index, (a, b) in enumerate(spans):
        if stated is not None and text.find("\n\n", last_end, a) >= 0:
            stated = None  # a blank line ends the table or list
        last_end = b
        line = text[a:b]
        states = _states_unit(line)
        in_stated, stated = stated, states or stated
        in_hypothetical_list = hypothetical_list
        if line.rstrip().endswith((":", ";", "; and")):
            hypothetical_list = hypothetical_list or bool(_hypothetical_header().search(low, a, b))
        else:
            hypothetical_list = False
        while k < len(mentions) and mentions[k].start < a:
            k += 1
        if in_hypothetical_list:
            continue
        j = k
        while j < len(mentions) and mentions[j].end <= b:
            j += 1
        ms = mentions[k:j]
        # a list's header names its donor for the items after it ("Australia's support for Mali
        # includes:"): read, though it states no sum (dates it may: "as reported to OCHA as of 25
        # March:"), when it has an aid verb or names a list of given aid ("Among the main
        # announcements:", words.csv pledge_list)
        colon = line.rstrip().endswith(":")
        header = (colon or is_heading(line)) and (
            (colon and any(m.has("verb") for m in ms))
            or not gazetteer.words("pledge_list").isdisjoint(words_in(low[a:b]))
        )
        # "Top donors (US$ million):" names the unit of the list's numbers, and no sum
        if header and (states is not None or not (money.search(low, a, b) or _glued_money(low, a, b))):
            out.append(Sentence(line, a, index, ms, low[a:b]))
            continue
        if not number.search(low, a, b):
            continue
        cued = (
            any(m.has("verb") or m.has("indicator") for m in ms)
            or "IPC" in line  # the IPC phases are read by a pattern (risk_rules), not a cue
            or risk_rules.names_a_phase(line)  # "... will be in Emergency"
            or bool(_aid_programme().search(low, a, b))
            or bool(_made_available().search(low, a, b))
            or bool(_arrived_with().search(low, a, b))
            or bool(_helped_with().search(low, a, b))
        )
        # goods are counted in the units of data/goods.csv ("40 kits"), which the gazetteer found
        money_or_goods = (
            money.search(low, a, b) or _glued_money(low, a, b) or any(m.has("goods", "unit") for m in ms)
        )
        # an item of a list whose header names a condition counts people in it ("The drought has
        # affected:" then "- Oromia Regional State: 2.4 million people")
        listed = not cued and (
            _under_risk_header(text, mentions, a) or _in_fact_table(text, low, mentions, a, b)
        )
        if (money_or_goods and (cued or list_item.match(text, a, b))) or (
            (cued or listed) and count.search(low, a, b)
        ):
            # "Sweden | 2,900,000 | Paid" under "Donor | Amount (US$) | Status" too
            out.append(
                Sentence(line, a, index, ms, low[a:b], stated=in_stated if not money_or_goods else None)
            )
        elif in_stated is not None and not money_or_goods:
            out.append(Sentence(line, a, index, ms, low[a:b], stated=in_stated))
    return out


def _states_unit(line: str) -> tuple[Amount, int | None] | None:
    """The unit a header line states for the bare numbers of the lines below it, and the
    column it heads when it is a table's first line ("| Donor | Amount (US$ million) |": the
    second column), or None for every number of a list ("Top donors (US$ million):")."""
    table = "|" in line
    if not (table or line.rstrip().endswith(":")):
        return None
    unit = stated_unit(line)
    if unit is None or not table:
        return (unit, None) if unit is not None else None
    heads = [line[c0:c1] for c0, c1 in cell_spans(line)]
    column = next((i for i, h in enumerate(heads) if stated_unit(h) is not None), None)
    return (unit, column) if column is not None else None


def _in_fact_table(text: str, low: str, mentions: list[gazetteer.Mention], start: int, end: int) -> bool:
    """Whether the sentence at `start` is a row of a table of facts: one whose first line, or a
    heading right above it, has an indicator phrase ("Country | People food insecure | ..." over
    "Malawi | 6,500,000 | 212 million"; "NEW IDPs BY STATE" over "State | Individuals"), or whose
    first line or row asks for money (words.csv appeal_noun: "WFP requirement (US$)", "2020
    humanitarian response plan requirements (US$) | 424 million")."""
    if "|" not in text[start:end]:
        return False
    found = table_head(text, start)
    if found is None:
        return False
    at, head = found
    asking = gazetteer.words("appeal_noun")
    if not asking.isdisjoint(words_in(low[at : at + len(head)] + " " + low[start:end])):
        return True
    # the head, or a heading right above it ("NEW IDPs BY STATE OF DISPLACEMENT")
    above = text.rfind("\n", 0, max(0, at - 1)) + 1
    first = above if is_heading(text[above : max(0, at - 1)]) else at
    return any(m.has("indicator") for m in gazetteer.starting_in(mentions, first, at + len(head)))


def _under_risk_header(text: str, mentions: list[gazetteer.Mention], start: int) -> bool:
    """Whether the sentence at `start` is an item of a list whose header has an indicator phrase."""
    header = risk_rules.list_header(text, start)
    if header is None:
        return False
    return any(m.has("indicator") for m in gazetteer.starting_in(mentions, *header))


def _pledges(
    sentences: list[Sentence], art: Article
) -> tuple[list[pledge_rules.Draft], list[Appeal], pledge_rules.State]:
    drafts: list[pledge_rules.Draft] = []
    appeals: list[Appeal] = []
    state = pledge_rules.State()
    for s in sentences:
        pledge_rules.read_pledges(s, art, state, drafts, appeals)
    return drafts, appeals, state
