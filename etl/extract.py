"""Extract pledges, risk figures and appeals from an article's text (GUIDELINES.md).

Per article:

1. split the text into sentences (etl.sentences, a compiled regex splitter) and
   find every gazetteer phrase once (etl.gazetteer, one Aho-Corasick pass):
   countries, demonyms, places, organizations, aid verbs, indicator phrases, cues;
2. keep the candidate sentences: a number, and money or goods, or a count of
   people with an indicator phrase; tokenize only those (spaCy's blank English
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

from aidtracker.etl import gazetteer, pledge_rules, risk_rules
from aidtracker.etl.analysis import Article, Sentence
from aidtracker.etl.records import Appeal, Fact, RiskFigure
from aidtracker.etl.sentences import split_sentences

log = logging.getLogger(__name__)

# A sentence is worth tokenizing only if it has a number (a digit or a number word) ...
_NUMBER = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty"
    r"|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|half)\b"
)
# ... and money or goods (a pledge or an appeal) ...
_MONEY_OR_GOODS = re.compile(
    r"[$£€¥]|\b(?:dlrs?|dollars?|euros?|sterling|stg|yen|marks|francs|ecus?|rupees|tonnes|tons|kg|kilograms"
    r"|pounds|doses|tablets|tents|blankets|drawing\srights|sdrs?|usd|aud|eur|gbp)\b"
)
# ... or a count of people big enough to be a risk figure, with an indicator phrase.
_COUNT = re.compile(
    r"\d{1,3}(?:,\d{3})+|\d{3,}|\d\s*(?:million|mln|billion|thousand|m\b)|\b(?:million|billion|thousand)\b"
)
# ... (an item of a list of allocations needs no verb: "• $10 million to the WFP") ...
_LIST_ITEM = re.compile(r"(?:[A-Z]{1,3}\s?)?[$£€¥]\s?\d|\d")
# A list header in the conditional ("a war would result in:") makes its items hypothetical.
_HYPOTHETICAL_HEADER = re.compile(r"\b(?:would|could|might|may|if)\b")


def extract(text: str, *, title: str | None = None, country_hint: str | None = None) -> list[Fact]:
    """Return the facts the text states; [] when it states none. Never raises."""
    try:
        return _extract(text or "", title or "", country_hint)
    except Exception:  # extraction must never stop an ingest: report and move on
        log.exception("extraction failed; the article yields no facts")
        return []


def _extract(text: str, title: str, hint: str | None) -> list[Fact]:
    low = gazetteer.lower_same_length(text)
    mentions = gazetteer.find_mentions(text, low)
    art = Article.read(text, title, hint, mentions)
    sentences = _candidates(text, low, mentions)
    drafts, appeals, state = _pledges(sentences, art)
    donors = {d.donor.iso3 for d in drafts if d.donor.iso3 and d.donor_explicit}
    if art.settle(donors):
        # the main country was a donor: read again with the one the aid goes to
        drafts, appeals, state = _pledges(sentences, art)
    donors |= {d.donor.iso3 for d in drafts if d.donor.iso3}
    risks: list[RiskFigure] = []
    for s in sentences:
        risk_rules.read_risks(s, art, donors, risks)
    pledges = pledge_rules.finish(drafts, state.conversions)
    return [*pledges, *risk_rules.dedup(risks), *pledge_rules.dedup_appeals(appeals)]


def _candidates(text: str, low: str, mentions: list[gazetteer.Mention]) -> list[Sentence]:
    """The sentences that may state a fact, read (tokenized) for the rules."""
    out = []
    k = 0
    hypothetical_list = False
    for index, (a, b) in enumerate(split_sentences(text)):
        in_hypothetical_list = hypothetical_list
        if text[a:b].rstrip().endswith((":", ";", "; and")):
            hypothetical_list = hypothetical_list or bool(_HYPOTHETICAL_HEADER.search(low, a, b))
        else:
            hypothetical_list = False
        while k < len(mentions) and mentions[k].start < a:
            k += 1
        if in_hypothetical_list or not _NUMBER.search(low, a, b):
            continue
        j = k
        while j < len(mentions) and mentions[j].end <= b:
            j += 1
        ms = mentions[k:j]
        cued = (
            any(m.has("verb") or m.has("indicator") for m in ms)
            or "IPC" in text[a:b]
            or "aid pro" in low[a:b]
        )
        if (_MONEY_OR_GOODS.search(low, a, b) and (cued or _LIST_ITEM.match(text, a, b))) or (
            cued and _COUNT.search(low, a, b)
        ):
            out.append(Sentence(text[a:b], a, index, ms, low[a:b]))
    return out


def _pledges(
    sentences: list[Sentence], art: Article
) -> tuple[list[pledge_rules.Draft], list[Appeal], pledge_rules.State]:
    drafts: list[pledge_rules.Draft] = []
    appeals: list[Appeal] = []
    state = pledge_rules.State()
    for s in sentences:
        pledge_rules.read_pledges(s, art, state, drafts, appeals)
    return drafts, appeals, state
