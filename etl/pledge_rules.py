"""Pledges and appeals in one sentence: who gives (or asks for) how much of what, to where.

An amount of money or goods is a pledge when an aid verb governs it: the nearest
one before it in its clause ("Norway pledged 30 mln dlrs"), a passive one after it
("79,250 tonnes of wheat promised by Britain"), an aid noun ("a contribution of
$100 million"), a programme it comes under, or the list header it belongs to
("The assistance will include: • $4 million to WFP"). The donor is the verb's
subject, "by"/"from" X, or the donor the article last named; the recipient is
"to/for/in" + a country. A list of "amount from donor" items shares its first item's
verb, a list of goods after one verb ("1,100 oxygen cylinders, 1,700 concentrators and
200 ventilators", with money or not) is a pledge per item sharing its verb, giver and
place, donors that "each" pledge share the amount, and a donor may be an adjective of the
aid ("£32 million in new UK aid"). Appeal verbs and nouns make an appeal instead ("its
$1.5bn appeal", "$40m is needed ..., UNICEF said"). The article's current donor gives what
later sentences name without a giver: the items of a list after a header that names it
("Australia's support for Mali includes:"), a sum that is a subject ("Another $2 million
will assist ..."), what a named receiver gets ("The Red Cross will receive $300,000").
Donors listed with their sums in parentheses ("by Sweden ($4m), Norway (£3m)") give them.
GUIDELINES.md section 1 lists what is not a pledge; each skip below names the case.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache

from aidtracker.etl import gazetteer
from aidtracker.etl.amounts import Amount, find_amounts, is_year_token
from aidtracker.etl.analysis import (
    AmountSpan,
    Article,
    Entity,
    MentionSpan,
    Sentence,
    cell_reading,
    entity_of,
    is_heading,
    names_a_crisis,
    row_or_column,
    stated_unit,
    table_row,
    title_mentions,
    words_in,
)
from aidtracker.etl.gazetteer import Mention, Tag
from aidtracker.etl.records import Appeal, Pledge

_UNDER_PROGRAMME = Tag("verb", "give", "pledged")
_MADE_AVAILABLE = Tag("verb", "give", "pledged")  # "has made 5 million euros available"
_ARRIVED_WITH = Tag("verb", "give", "delivered")  # "has landed in Benghazi with 8 tonnes of relief items"
_LEAVING_WITH = Tag("verb", "give", "pledged")
_HELPED_WITH = Tag(
    "verb", "give", "pledged"
)  # "will support Malawi with an additional $5 million"  # "two ships will leave Veracruz with 600 tonnes"

# How many sentences after the article's last pledge its donor still speaks: an item of a
# list of allocations ("• $2 million to UNICEF"), a named receiver ("UNDP will receive
# $220,000") and a sum that is a subject ("Another $2 million will assist ...") are its.
_CONTEXT_SENTENCES = 8
_LABEL_TOKENS = 8  # the longest label before a list item's colon ("Shelter: 5,000 tents"), in tokens

# The kinds of organization (data/organizations.csv) aid flows through, as a channel.
_CHANNEL_KINDS = ("un_agency", "ngo", "multilateral")


@dataclass
class Draft:
    """A pledge as read from its sentence, before totals and repeats are dropped."""

    sentence: Sentence
    donor: Entity
    donor_explicit: bool
    recipient_iso3: str | None
    recipient_explicit: bool
    channel: str | None
    amount: Amount
    unit: str
    aid_form: str
    commodity: str | None
    status: str
    date_raw: str | None
    announced_on: dt.date | None
    confidence: float
    total_of_parts: bool = False  # a total this same sentence breaks down ("$123 million, including")
    is_part: bool = False  # opens the parts of an earlier total ("This new funding includes $20 million")
    list_item: bool = False  # "• $400,000 to UNICEF ...": one allocation of a list
    worth: tuple[float, str] | None = None  # goods' stated value: "cereals worth six mln sterling"
    role: str = ""  # the class of its verb (data/aid_verbs.csv), "inherit" with none of its own
    passive: bool = False  # its verb comes after the sum ("$5 million was provided by")
    doubts: tuple[str, ...] = ()  # the rules' reasons against it (State.doubted), empty for a pledge
    position: int = 0  # a doubted draft's place among the pledges' drafts, were it kept

    @property
    def sent_index(self) -> int:
        return self.sentence.index


@dataclass
class State:
    """What earlier sentences of the article tell later ones."""

    last_donor: Entity | None = None
    last_status: str = "pledged"
    last_pledge_sent: int = -10
    names: dict[str, Entity] = field(default_factory=dict)  # "Saouma" -> the donor he spoke for
    # (donor, sentence index) of a sentence that names a donor and no pledge: the header of
    # the list of allocations that may follow ("Australia's support for Mali includes:")
    header: tuple[Entity, int, str] | None = None  # and the status its verb gives
    home: tuple[str | None] | None = None  # the article's giver country (_home), once found
    label_line: int = -10  # the last list line whose label named its giver ("Germany: EUR 200 million")
    pledge_list: int = -10  # the last header of a list of pledges, with no sum ("contributions received:")
    # (giver, sentence index) of the last total a giver was named with ("KSrelief signed six
    # agreements worth a total of $312.5 million"): whom its parts' receivers take from
    total_giver: tuple[Entity, int] | None = None
    list_open: bool = False  # every sentence read since that header is a line of its list
    # amounts restated in another currency: "650million euros - around £545million"
    conversions: list[tuple[float, str, float, str]] = field(default_factory=list)
    doubted: list[Draft] = field(default_factory=list)  # candidates the rules hold against (Draft.doubts)


# ---------------------------------------------------------------------------------------------
# What an amount counts


def _goods_after(s: Sentence, a: AmountSpan) -> tuple[str | None, str | None, int]:
    """(unit, commodity, end token) of goods counted by a number: "5,000 tons of flour",
    "1 million vaccine doses", "20,000 tonnes soft wheat"; (None, None, _) otherwise."""
    amount = a.amount
    t = a.t1
    if amount.unit:
        if s.word(t) == "of":
            t += 1
        words: list[str] = []
        while t < s.n and len(words) < 4:
            m = s.mention_at(t)
            if m and m.mention.has("goods"):
                words.append(m.mention.text.lower())
                t = m.t1
            elif m and m.mention.has("demonym"):
                t = m.t1  # "7,200 tonnes of Australian wheat"
            else:
                break
        return amount.unit, " ".join(words) or None, t
    # up to three modifiers, then a counted noun, before the next amount: in "150 stoves and
    # 2,000 blankets" the blankets are counted by their own number
    nxt = min((b.t0 for b in s.amounts if b.t0 >= t), default=s.n)
    for k in range(t, min(t + 4, nxt)):
        m = s.mention_at(k)
        if m and m.mention.has("goods", "unit"):
            if any(s.lower[j] in (",", ".", ";") for j in range(t, k)):
                break
            if any(s.lower[j] in gazetteer.words("carrier_prep") for j in range(t, k)):
                break  # "two planes with tents and blankets": the number counts the planes
            filler = gazetteer.words("goods_filler")
            mods = [s.doc[j].text for j in range(t, k) if s.lower[j] not in filler]
            unit = m.mention.text.lower()
            return (unit if unit.endswith("s") else unit + "s"), " ".join(mods) or None, m.t1
    return None, None, a.t1


def _counted_noun(s: Sentence, a: AmountSpan) -> tuple[str, str | None, int] | None:
    """(unit, modifiers, end token) of a plural noun not in goods.csv that a number counts:
    "300 stoves", "100 water pumps"; None for people, times and measures ("50 doctors",
    "3 days"). Taken as goods only inside a list of goods (_listed_goods)."""
    stop = (
        gazetteer.words("dest_prep")
        | gazetteer.words("giver_prep")
        | gazetteer.words("participle_aux")
        | gazetteer.words("aux_verb")
        | {"and", "or", "of"}
    )
    not_goods = (
        gazetteer.words("not_goods") | gazetteer.words("population_group") | gazetteer.words("other_group")
    )
    k = a.t1
    while (
        k < min(s.n, a.t1 + 3)
        and s.doc[k].text.isalpha()
        and s.doc[k].text.islower()
        and s.lower[k] not in stop
    ):
        k += 1
    run = s.lower[a.t1 : k]
    after = s.lower[k] if k < s.n else "."
    if not (after in stop or not any(c.isalnum() for c in after)):
        return None  # "300 stoves plus 40 generators": the noun must close its item
    if not run or not run[-1].endswith("s") or any(w in not_goods for w in run):
        return None
    return run[-1], " ".join(run[:-1]) or None, k


def _list_item_end(s: Sentence, a: AmountSpan) -> tuple[int, bool] | None:
    """(end token, counts goods of goods.csv) of an item of a list of aid: money ("$2
    million in cash"), goods ("3,000 tonnes of wheat", "200 tents") or a counted noun."""
    if a.amount.is_money:
        k = a.t1
        if s.word(k) == "in":  # "$2 million in cash", "$5 million in emergency aid"
            k += 1
            while k < min(s.n, a.t1 + 4) and s.lower[k].isalpha() and s.lower[k] not in ("and", "or"):
                k += 1
        return k, False
    unit, _, end = _goods_after(s, a)
    if unit is not None:
        if s.word(end) == "of":  # "1 million doses of vaccine": the goods the unit counts
            k = end + 1
            while (m := s.mention_at(k)) is not None and m.mention.has("goods"):
                k = m.t1
            end = k if k > end + 1 else end
        return end, True
    counted = _counted_noun(s, a)
    return (counted[2], False) if counted else None


def _goods_list(s: Sentence, a: AmountSpan) -> list[AmountSpan]:
    """The items of the list of goods `a` belongs to, in order ([a] when none): amounts joined
    only by commas and "and" once each item's goods are named ("1,100 oxygen cylinders,
    1,700 concentrators and 200 ventilators", "$2 million in cash and 5,000 tonnes of rice"),
    one at least counting goods of goods.csv (lists of sums have their own rules: _list_link).
    The items share one verb, giver and place."""
    ends = [_list_item_end(s, b) for b in s.amounts]

    def joined(i: int) -> bool:  # item i and item i + 1 are consecutive items of one list
        end = ends[i]
        if end is None or ends[i + 1] is None:
            return False
        gap = s.lower[end[0] : s.amounts[i + 1].t0]
        return bool(gap) and all(w in (",", "and") for w in gap)

    i = j = s.amounts.index(a)
    while i > 0 and joined(i - 1):
        i -= 1
    while j + 1 < len(s.amounts) and joined(j):
        j += 1
    if not any(end is not None and end[1] for end in ends[i : j + 1]):
        return [a]
    return list(s.amounts[i : j + 1])


def _listed_goods(s: Sentence, a: AmountSpan) -> tuple[str | None, str | None, int]:
    """(unit, commodity, end token) of a counted noun not in goods.csv that is an item of a
    list with goods of goods.csv: "2,000 blankets, 300 stoves and 150 generators". A list
    of nouns none of goods.csv ("1,100 doctors, 200 nurses") stays unread."""
    counted = _counted_noun(s, a)
    if counted is None or len(_goods_list(s, a)) == 1:
        return None, None, a.t1
    return counted


def _goods_of(s: Sentence, a: AmountSpan) -> tuple[str | None, str | None, int]:
    """(unit, commodity, end token) of the goods amount `a` counts: of data/goods.csv
    (_goods_after), else a counted noun listed with such goods (_listed_goods)."""
    unit, commodity, end = _goods_after(s, a)
    return (unit, commodity, end) if unit is not None else _listed_goods(s, a)


def _bought(s: Sentence, a: AmountSpan, lo: int) -> bool:
    """Whether goods `a` are what a sum before them in the clause buys: "$220,000 to CARE for
    375 tonnes of beans", "$2.5 million for the purchase and shipment of 7,000 tonnes of
    wheat" (a words.csv purchase word between them, the last before the goods or "of" after
    it), also in a relative clause of the sum (", which paid for 2,500 shelter kits"). Not goods
    given besides the money ("$2 million for Chad and 5,000 tonnes of rice", "$2 million in cash,
    5,000 tonnes of rice")."""
    purchase = gazetteer.words("purchase")
    before = [b for b in s.amounts if lo <= b.t0 and b.t1 <= a.t0]
    if before and not before[-1].amount.is_money and before[-1] in _goods_list(s, before[-1]):
        # "... which paid for 2,500 shelter kits and 1,000 solar lanterns": the list's next item
        items = _goods_list(s, before[-1])
        if a in items and items[0] is not a:
            return _bought(s, items[0], lo)
    if not before or not before[-1].amount.is_money:
        return False
    gap = s.lower[before[-1].t1 : a.t0]
    commas = [i for i, w in enumerate(gap) if w in (",", ";")]
    # "£6 million ..., which paid for 2,500 shelter kits": a relative clause of the sum buys them
    relative = bool(commas) and gap[commas[-1]] == "," and gap[commas[-1] + 1 : commas[-1] + 2] == ["which"]
    # "$97 million ..., which will provide more than 170,000 tonnes of food": what the sum gives
    # (not "$50 million, and Kuwait, which sent a plane carrying 41 tonnes": a name between)
    provides = (
        relative
        and not any(
            m.t1 == before[-1].t1 + commas[-1] and entity_of(m.mention)
            for m in s.mentions_in(before[-1].t1, before[-1].t1 + commas[-1])
        )
        and any(v.t1 == a.t0 for v in s.mentions_in(before[-1].t1, a.t0, "verb", "give"))
    )
    return (
        0 < len(gap) <= 16
        and (gap[-1] in purchase or (gap[-1] == "of" and any(w in purchase for w in gap)) or provides)
        and (not commas or relative)
    )


def _valued_agreement(s: Sentence, a: AmountSpan) -> bool:
    """Whether a sum is the worth of an agreement, one of those the last giver signed: in
    apposition ("The second agreement, worth US$25 million, will enable UNICEF to ..."), before
    it ("while a $10 million agreement with WHO will support") or after "for" in a sentence of
    agreements ("The remaining agreements were signed with IOM for $3.2 million, UNFPA for $2.5
    million") (words.csv contract, valued)."""
    contract = gazetteer.words("contract")
    k = _back_over(s, a.t0 - 1, max(0, a.t0 - 3), gazetteer.words("valued") | {"at"})
    # "The second, valued at $5 million, will fund": the agreement an ordinal opening the
    # sentence stands for (words.csv ordinal)
    ordinal = s.word(k - 1) in gazetteer.words("ordinal") and all(w == "the" for w in s.lower[: k - 1])
    return a.amount.is_money and (
        (k < a.t0 - 1 and s.word(k) == "," and (s.word(k - 1) in contract or ordinal))
        or s.word(a.t1) in contract
        or (s.word(a.t0 - 1) == "for" and not contract.isdisjoint(s.lower[: a.t0]))
    )


def _valued(s: Sentence, b: AmountSpan) -> bool:
    """ "worth six mln sterling", "valued at $5 million", "at a cost ... of 3.4 mln stg"."""
    valued = gazetteer.words("valued")
    return any(s.lower[k] in valued for k in range(max(0, b.t0 - 3), b.t0)) or any(
        s.lower[k] == "cost" and s.word(k - 2) == "at" for k in range(max(0, b.t0 - 9), b.t0)
    )


# ---------------------------------------------------------------------------------------------
# The verb, the donor, the recipient


def _verb_near(s: Sentence, a: AmountSpan, lo: int, hi: int, after: int | None = None) -> MentionSpan | None:
    """The aid verb that governs amount `a`: the nearest one before it in its clause,
    else a passive one right after it ("promised by Britain", "that were provided",
    "would arrive"), else the programme it comes under ("under the French food aid
    programme"). `after` is where to look for the passive verb (after the goods named).
    An appeal named right after its amount ("its $1.5bn humanitarian appeal") comes first."""
    needed = _needed_by(s, a, hi)
    if needed is not None:
        return needed
    if s.word(a.t1) in gazetteer.words("object_relative"):
        # "the $2 billion that the government and UNHCR say is needed", "that UN agencies had
        # sought": a relative clause that asks for the sum
        asked = next(iter(s.mentions_in(a.t1 + 1, min(s.n, a.t1 + 10), "verb", "appeal")), None)
        if asked is not None and "," not in s.lower[a.t1 : asked.t0]:
            return asked
    asked = s.mention_at(a.t1)
    if (
        s.word(a.t0 - 1) == "the"
        and asked is not None
        and asked.mention.has("verb", "appeal")
        and asked.mention.text.lower().endswith(("ed", "ght"))
    ):
        return asked  # "the $2.96 billion sought under the 2018 Yemen Humanitarian Response Plan"
    end = a.t1
    conv = s.conversion_of(a) if s.word(a.t1) == "(" else None
    if conv is not None and s.word(conv.t1) == ")":
        end = conv.t1 + 1  # "a Sh1.1 billion ($10.7 million) appeal": past the conversion
    # "a $107.2-million Humanitarian Needs and Priorities plan": a long name, but no other sum or
    # clause between ("seeks $2.25 billion and its regional refugee plan $1.85 billion")
    reach = min([hi, end + 6, *(b.t0 for b in s.amounts if b.t0 >= end)])
    if "and" in s.lower[end:reach] and not s.doc[end].text[:1].isupper():
        reach = min(reach, end + 4)
    for v in s.mentions_in(end, reach, "verb"):
        if s.lower[v.t0] in gazetteer.words("appeal_noun") and _only_modifiers(s, end, v.t0):
            return v
        if v.mention.value("verb") == "noun" and s.word(v.t1) == "from" and _only_modifiers(s, a.t1, v.t0):
            return v  # "a $5 million contribution from the Republic of Korea": the noun is the verb
    if s.word(after if after is not None else a.t1) in gazetteer.words("available"):
        make = gazetteer.words("make_verb")
        for k in range(a.t0 - 1, max(lo, a.t0 - 4) - 1, -1):
            if s.lower[k] in make:  # "has made 5 million euros available": the two words are one verb
                at = s.tok_starts[k]
                return MentionSpan(
                    k,
                    k + 1,
                    at,
                    at + len(s.lower[k]),
                    mention=Mention(at, at + len(s.lower[k]), s.lower[k], (_MADE_AVAILABLE,)),
                )
    best = None
    for v in s.mentions_in(lo, a.t0, "verb"):
        role = v.mention.value("verb")
        word = v.mention.text.lower()
        if s.word(v.t0 - 1) == "-" and v.t0 >= 2 and s.doc[v.t0 - 2].text[:1].isupper():
            continue  # "an existing IDA-financed project": a name's compound adjective, no verb
        if word == "aid" and s.word(v.t0 - 1) == "to":
            best = v  # "to aid peru with 160,000 dlrs"
            continue
        if word in gazetteer.words("contract") and not _names_aid(s, lo, hi):
            continue  # "a trade agreement worth $5 billion", not "agreements worth $4m to support food aid"
        if (
            role == "give"
            and s.word(v.t0 - 1) == "to"
            and any(lo <= b.t0 and b.t1 <= v.t0 for b in s.amounts if b is not a)
        ):
            # "$2 million to the WFP to provide food and logistics support, and $1 million to UNFPA":
            # the purpose of the sum before, not the verb of the next
            continue
        link = gazetteer.words("noun_link")
        # "The pledges come as ...": after a determiner, a word that is verb and noun is the noun
        as_noun = v.mention.has("verb", "noun") and s.word(v.t0 - 1) in gazetteer.words("determiner")
        if role == "noun" or as_noun or (v.mention.has("verb", "noun") and s.word(v.t1) in link):
            gap = s.lower[v.t1 : a.t0]
            of_at = max((i for i, g in enumerate(gap) if g in link), default=-1)
            of_leads = of_at >= 0 and len(gap) - of_at <= 3 and len(gap) <= 8
            copula = len(gap) <= 8 and any(g in ("be", "is", "was", "are", "were", "totals") for g in gap)
            # "made the largest commitment, $4.2bn over three years": the sum in apposition
            apposed = gap[:1] == [","] and len(gap) <= 3 and _only_modifiers(s, v.t1 + 1, a.t0)
            if not (of_leads or copula or apposed or (_paren_giver(s, a) is not None and v.t1 < a.t0)):
                # "contribution of $100 million", "its contribution would be $890 million",
                # "commitments by Sweden ($4m)"
                continue
        if (
            role == "receive"
            and s.word(v.t0 - 1) == "to"
            and s.word(v.t0 - 2) not in ("is", "are", "was", "were")
        ):
            continue  # "to receive and host refugees": a purpose, not what happened to the money
        if role == "level" and not any(
            s.lower[k] in gazetteer.words("aid_rises") for k in range(max(lo, v.t0 - 8), v.t0)
        ):
            continue  # "rise to" pledges only when aid rises
        # "had flown in 8,000 shelter kits": a particle may stand between the verb and its object
        obj = v.t1 + (s.word(v.t1) in gazetteer.words("particle") and v.t1 < a.t0)
        if word in gazetteer.words("transport") and not (
            ((obj <= a.t0 <= obj + 2 and _only_modifiers(s, obj, a.t0)) or _last_object(s, obj, a))
            and _names_aid(s, lo, hi)
        ):
            continue  # "flying to Geneva with 3 officials", "a ship carrying 30,000 tonnes of grain"
        if word in gazetteer.words("object_verb") and not (v.t1 <= a.t0 <= v.t1 + 2):
            continue  # "TIKA distributed 5,000 food parcels"; not "unevenly distributed across countries"
        signs = (
            (v.t1 <= a.t0 <= v.t1 + 4 and "," not in s.lower[v.t1 : a.t0])
            or (v.t1 <= a.t0 <= v.t1 + 40 and _valued(s, a))
            # "signed an agreement with WFP for US$5 million"
            or (
                a.amount.is_money
                and v.t1 <= a.t0 <= v.t1 + 10
                and s.word(a.t0 - 1) == "for"
                and "," not in s.lower[v.t1 : a.t0]
                and not gazetteer.words("contract").isdisjoint(s.lower[v.t1 : a.t0])
            )
        )
        if word in gazetteer.words("contract_verb") and not (signs and _aid_contract(s, lo, hi)):
            # "signed a trade agreement worth $5 billion with Vietnam"; "Under the agreements,
            # signed in Riyadh, $5 million will go to WFP": a signing heads only the sum it signs
            # ("signed an agreement with UNRWA, with a value of $1.5 million")
            continue
        best = v
    if best is not None:
        return best
    start = _past_goods_aside(s, after if after is not None else _sum_noun_end(s, a, hi), hi)
    nxt = min((b.t0 for b in s.amounts if b.t0 >= a.t1 and b is not a and not _valued(s, b)), default=hi)
    glue = gazetteer.words("participle_aux") | gazetteer.words("aux_verb")
    for v in s.mentions_in(start, min(hi, nxt, start + 8), "verb"):
        word = v.mention.text.lower()
        if (
            v.mention.value("verb") == "appeal"
            and (v.t0 > start or word.endswith("ed"))
            and v.t0 - start <= 4
            and all(w in glue for w in s.lower[start : v.t0])
        ):
            return v  # "About $40m is needed", "$2bn will urgently be needed", "the $2.6 billion requested"
        if v.mention.value("verb") != "give" or word == "aid" or word in gazetteer.words("object_verb"):
            continue  # "800 tonnes of wheat to be distributed to 19,000 people": who hands it out is not said
        if word in gazetteer.words("transport") and not _names_aid(s, lo, hi):
            continue  # "30,000 tonnes of grain carried by the ship": freight, not aid
        if word in gazetteer.words("running_verb"):
            continue  # "$5 million, which brought its total to $16 million": what the sum did
        if _relative_subject(s, start, v) is not None:
            return v  # "the 238 tonnes of food that the Malawian government has donated"
        if (
            s.word(v.t1) == "by"
            or s.word(v.t0 - 1) in gazetteer.words("participle_aux")
            or (word.endswith(("ed", "en", "sent")) and v.t0 - start <= 4)
        ):
            return v
    far = _far_passive(s, start, min(hi, nxt))
    if far is not None and (
        far.mention.text.lower() not in gazetteer.words("transport") or _names_aid(s, lo, hi)
    ):
        return far
    arrived = _arrived_with(s, a, lo, hi) or _helped_with(s, a, lo)
    if arrived is not None:
        return arrived
    for k in range(lo, hi):
        if s.lower[k] == "under" and _aid_programme_after(s, k, hi):
            start_char = s.tok_starts[k]
            return MentionSpan(
                k,
                k + 1,
                start_char,
                start_char + 5,
                mention=Mention(start_char, start_char + 5, "under", (_UNDER_PROGRAMME,)),
            )
    return None


def _sum_noun_end(s: Sentence, a: AmountSpan, hi: int) -> int:
    """Where a sum of money's own noun ends: past "in initial humanitarian assistance" or "of
    emergency funding" (words.csv aid_noun; adjectives only before it), so that what follows is
    read as said of the sum ("$5 million in humanitarian assistance announced by Japan", "the $1
    million in initial humanitarian assistance we announced on 16 January"); else a.t1."""
    if not a.amount.is_money or s.word(a.t1) not in ("in", "of"):
        return a.t1
    stop = gazetteer.words("dest_prep") | gazetteer.words("giver_prep")
    aid, kind = gazetteer.words("aid_noun"), gazetteer.words("humanitarian")
    end = a.t1
    for k in range(a.t1 + 1, min(hi, a.t1 + 5)):
        word = s.lower[k]
        if word in aid:
            end = k + 1
        elif not word.isalpha() or word in stop or (s.mentions_in(k, k + 1, "verb") and word not in kind):
            break
    return end


def _past_goods_list(s: Sentence, k: int, hi: int) -> int:
    """Where a list of goods that starts at token `k` ends: past commas, "and" and plain words,
    up to a verb or a preposition ("2,000 tonnes of flour, rice and cooking oil sent by": at
    "sent"); never before `k`."""
    stop = gazetteer.words("dest_prep") | gazetteer.words("giver_prep")
    j = k
    while (
        j < min(hi, k + 10)
        and (s.lower[j] in (",", "and") or s.lower[j].isalpha())
        and s.lower[j] not in stop
        and not s.mentions_in(j, j + 1, "verb")
    ):
        j += 1
    return j


def _whole_after_portion(s: Sentence, a: AmountSpan, goods_end: int) -> MentionSpan | None:
    """The participle of giving right after a sum that a portion word opens ("the first batch of
    5,000 tonnes pledged by", "the first tranche of 2.9 million doses approved for"): the sum is
    the whole pledge, not the portion (words.csv portion cue before it)."""
    if not s.cues(max(0, a.t0 - 4), a.t0, "portion"):
        return None
    end = goods_end if not a.amount.is_money else a.t1
    return next(
        (
            v
            for v in s.mentions_in(end, min(s.n, end + 2), "verb", "give")
            # a reduced relative clause ("pledged by", "approved for"), not the sentence's verb ("A
            # first batch of 306 homes was shipped", "The first shipment of 25 tonnes arrived")
            if v.mention.text.lower().endswith(("ed", "en"))
            and v.t0 == end
            and v.mention.text.lower() not in gazetteer.words("arrival")
            and s.word(v.t1) in ("by", "for", "to", "in", "at", "during")
        ),
        None,
    )


@cache
def _government_voice() -> frozenset[str]:
    """The words of a government or its officials (words.csv government_anaphor, official_title)."""
    return gazetteer.words("government_anaphor") | gazetteer.words("official_title")


def _home_sum(s: Sentence, a: AmountSpan, art: Article, donor: Entity) -> bool:
    """Whether a sum given to a foreign government the sentence does not name is in the
    currency of the country aid goes to, not the giver's, and a government or an official
    speaks before it: "Government has allocated K1.5 billion from its own resources", "the
    Government of National Unity said it had allocated 2 billion Libyan dinars" after a foreign
    pledge; the affected government's own ("The Government of Ethiopia has allocated 2.2 billion
    birr" in an article on Ethiopia); and a sum "the government" speaks of after a company's
    pledge. The affected country's own spending (the dev set labels none), not the giver's."""
    if not a.amount.is_money or art.main_iso3 is None or _government_voice().isdisjoint(s.lower[: a.t0]):
        # (the common case first: no government or official speaks before the sum; "The relief
        # items, worth around PHP6.8 million, arrived" are the giver's goods)
        return False
    countries = gazetteer.countries()
    home = countries.get(art.main_iso3)
    if home is None or art.currency_of(a.amount, donor.iso3, donor.kind) != home.currency:
        return False
    if donor.kind != "government":
        # "The government, for its part, says it has disbursed Rs70 billion" after a company's
        # pledge: a government is no company (words.csv government_anaphor after "the")
        return any(
            s.lower[k] == "the" and s.lower[k + 1] in gazetteer.words("government_anaphor")
            for k in range(a.t0 - 1)
        ) and not any(entity_of(m.mention) == donor for m in s.mentions_in(0, s.n))
    own = countries.get(donor.iso3) if donor.iso3 else None
    if own is None:
        return False
    if donor.iso3 == art.main_iso3 and art.most_sent_to() == donor.iso3:
        # "The Federal Government has approved 3 billion naira" in an article on Nigeria's floods:
        # its own spending at home, a government's words (not "UK Chancellor Gordon Brown has
        # offered £960m to an international scheme")
        return not gazetteer.words("government_anaphor").isdisjoint(s.lower[: a.t0])
    if home.currency == own.currency:
        return False
    return not any(entity_of(m.mention) == donor for m in s.mentions_in(0, s.n))


def _range_of_sums(s: Sentence, a: AmountSpan) -> bool:
    """Whether a sum of money is an end of a range written with two full sums ("estimated damage
    at $3 billion to $5 billion"), not a level it rose from or to ("from $3 billion to $5
    billion")."""
    if not a.amount.is_money or (s.word(a.t1) != "to" and s.word(a.t0 - 1) != "to"):
        return False
    for b in s.amounts:
        first, second = (b, a) if b.t1 < a.t0 else (a, b)
        if (
            b is not a
            and b.amount.currency == a.amount.currency  # not "650 million euros - around £545 million"
            and second.t0 == first.t1 + 1
            and s.word(first.t1) == "to"
            and s.word(first.t0 - 1) != "from"
        ):
            return True
    return False


def _last_object(s: Sentence, obj: int, a: AmountSpan) -> bool:
    """Whether amount `a` ends a list of what a verb carries, its objects from token `obj`:
    "carrying a 40-member medical team from Auckland and 11 tonnes of relief supplies" (no verb,
    sum of money or clause between; "and" right before the sum)."""
    k = _back_over(s, a.t0 - 1, obj, gazetteer.words("sum_opener"))
    if not (obj < k < a.t0 and a.t0 - obj <= 20 and s.lower[k] == "and"):
        return False
    between = range(obj, k)
    return (
        not s.mentions_in(obj, k, "verb")
        and not any(b.amount.is_money for b in s.amounts if obj <= b.t0 < k)
        and all(s.lower[j] not in (";", ":", "(", ")", "which", "that", "while", "but") for j in between)
    )


def _far_passive(s: Sentence, start: int, hi: int) -> MentionSpan | None:
    """A passive verb of giving further after the goods than the usual reach, past a long name
    of where they came from, with no other verb or clause between: "90 tonnes of supplies from
    the EU's European Humanitarian Response Capacity stockpiles were flown to Abeche"."""
    verbs = s.mentions_in(start, min(hi, start + 20), "verb")
    if not verbs:
        return None
    v = verbs[0]
    stops = gazetteer.words("relative") | {";", ":", "(", ")"}
    word = v.mention.text.lower()
    if (
        v.mention.value("verb") == "give"
        # "800 tonnes of wheat to be distributed to 19,000 people": who hands it out is not said
        and word not in gazetteer.words("object_verb") | gazetteer.words("running_verb") | {"aid"}
        and s.word(v.t0 - 1) in gazetteer.words("participle_aux")
        and not any(w in stops for w in s.lower[start : v.t0])
    ):
        return v
    return None


def _past_goods_aside(s: Sentence, k: int, hi: int) -> int:
    """Where the words after goods read up to token k go on past the rest of their list or an
    aside that lists them, closed by a comma right before a verb: "24 tons of tents, blankets and
    medicines, was sent by road", "of relief material, including tents and blankets, landed in
    Yangon" (data/words.csv goods_aside opens the aside); else k."""
    glue = gazetteer.words("participle_aux") | gazetteer.words("aux_verb")
    stop = gazetteer.words("dest_prep") | gazetteer.words("giver_prep")
    opens = [p.split() for p in gazetteer.words("goods_aside")]
    j = k
    # the goods' noun and the rest of their list: words, commas and "and", no preposition or verb
    while (
        j < min(hi, k + 15)
        and (s.lower[j].isalpha() or s.lower[j] in ("-", ","))
        and s.lower[j] not in stop
        and not s.mentions_in(j, j + 1, "verb")
        and not (s.lower[j] == "," and any(s.lower[j + 1 : j + 1 + len(p)] == p for p in opens))
    ):
        j += 1
    if s.word(j) == "," and any(s.lower[j + 1 : j + 1 + len(p)] == p for p in opens):
        verb = next(iter(s.mentions_in(j + 2, min(hi, j + 30), "verb")), None)
    else:
        verb = s.mention_at(j) if j < hi and s.mentions_in(j, j + 1, "verb") else None
        j = k
    if verb is None:
        return k
    before = _back_over(s, verb.t0 - 1, j + 1, glue)
    return before + 1 if before > k and s.lower[before] == "," else k


def _arrived_with(s: Sentence, a: AmountSpan, lo: int, hi: int) -> MentionSpan | None:
    """ "with" before goods after a verb of arriving (data/words.csv arrival), as the aid verb:
    "An Italian Air Force C-130 has landed in Benghazi with 8 tonnes of relief items"; only
    where the clause names aid, as a verb of carrying is (_names_aid)."""
    # "with a further 40 tonnes", "with about 15 tonnes"
    k = _back_over(s, a.t0 - 1, max(lo + 1, a.t0 - 3), gazetteer.words("sum_opener"))
    if a.amount.is_money or s.word(k) != "with":
        return None
    moves = [j for j in range(lo, k) if s.lower[j] in gazetteer.words("arrival")]
    if not moves or not _names_aid(s, lo, hi):
        return None
    tag = _LEAVING_WITH if s.word(moves[-1] - 1) in gazetteer.words("future") else _ARRIVED_WITH
    at = s.tok_starts[k]
    return MentionSpan(k, k + 1, at, at + 4, mention=Mention(at, at + 4, "with", (tag,)))


def _helped_with(s: Sentence, a: AmountSpan, lo: int) -> MentionSpan | None:
    """The word of helping that "with" before a sum completes, as the aid verb: "will support
    Malawi with an additional $5 million", "would resume funding to UNRWA with an initial SEK
    200 million" (data/words.csv help_word, earlier in the clause, no comma or other sum
    between; "with" may stand after "a further", "an initial": sum_opener)."""
    k = _back_over(s, a.t0 - 1, max(lo + 1, a.t0 - 4), gazetteer.words("sum_opener"))
    if s.word(k) != "with":
        return None
    helps = [j for j in range(lo, k) if s.lower[j] in gazetteer.words("help_word")]
    if not helps or "," in s.lower[helps[0] : k] or any(helps[0] < b.t0 < k for b in s.amounts):
        return None
    j = helps[0]
    at = s.tok_starts[j]
    word = s.lower[j]
    return MentionSpan(
        j, j + 1, at, at + len(word), mention=Mention(at, at + len(word), word, (_HELPED_WITH,))
    )


def _subject_sum(s: Sentence, a: AmountSpan, end: int) -> bool:
    """Whether amount `a` (its goods ending at token `end`) opens its sentence as the subject
    of a verb in the future: "Another $2 million will assist the refugee agency", "The
    remaining $1 million will go towards the pooled fund". What the money will do is said of
    a part of the article's current pledge, whatever the verb."""
    opener = gazetteer.words("sum_opener")
    return (
        s.amounts[0] is a
        and all(w in opener or not w.isalnum() for w in s.lower[: a.t0])  # "Of this, €3 million will"
        and s.word(end) in gazetteer.words("future")
    )


@cache
def _needed_glue() -> frozenset[str]:
    """The words that may stand between a sum and who needs it (_needed_by)."""
    return (gazetteer.words("reporting_verb") | gazetteer.words("aux_verb") | {"and", ","}) - {"to"}


def _needed_by(s: Sentence, a: AmountSpan, hi: int) -> MentionSpan | None:
    """The appeal verb of a clause that says who needs the sum right after it: "far short of
    the $4.3 billion the United Nations says it needs" (only an organization, the words of
    data/words.csv `reporting_verb` and pronouns stand between)."""
    # "the $2.96 billion the UN is seeking", "the $606 million the United Nations had sought",
    # "the $2b that the Government and the UN refugee agency, UNHCR, say is needed"
    glue = _needed_glue()
    k, asker = a.t1, False
    while k < min(hi, a.t1 + 16):
        m = s.mention_at(k)
        if m is not None and m.mention.has("verb") and m.mention.value("verb") == "appeal":
            # "..., which is seeking to raise J$50 million": the sum after the verb is its own
            owns = any(m.t1 <= b.t0 <= m.t1 + 2 and b.amount.is_money for b in s.amounts)
            return m if asker and not owns else None
        if m is not None and (m.mention.has("org") or m.mention.has("country")):
            asker, k = True, m.t1
        elif s.lower[k] in glue or s.lower[k] in gazetteer.words("authority"):
            asker = asker or s.lower[k] in ("it", "they", "we") or s.lower[k] in gazetteer.words("authority")
            k += 1
        else:
            return None
    return None


def _fronted_subject(s: Sentence, verb: MentionSpan, a: AmountSpan) -> MentionSpan | None:
    """The subject of the main clause after an opening phrase that holds the aid verb and its
    sum but names no giver: "Pledging €20 million for Sudan, the German development minister
    said", "With a new contribution of $15 million, Japan becomes the largest donor". The
    phrase opens with the verb or a word of data/words.csv `fronting`."""
    if verb.mention.value("verb") not in ("give", "noun"):
        return None  # "Receiving $5 million, Sudan said": the subject is who got it
    if not (verb.t0 == 0 or (s.word(0) in gazetteer.words("fronting") and verb.t0 <= 4)):
        return None
    if "," not in s.lower[a.t1 :]:
        return None
    comma = s.lower.index(",", a.t1)
    if any(entity_of(m.mention) and not m.mention.location for m in s.mentions_in(0, comma)):
        return None  # "With $15 million from the EU, ...": the phrase names its giver
    if any(
        m.mention.location and s.word(m.t0 - 1) not in gazetteer.words("dest_prep")
        for m in s.mentions_in(0, comma)
    ):
        return None  # "Pledging Japan's support, ...": a country not sent to may be the giver
    named = s.mentions_in(comma + 1, min(s.n, comma + 6))
    if not named or entity_of(named[0].mention) is None:
        return None
    if not _only_modifiers(s, comma + 1, named[0].t0):
        return None
    return named[0]


def _given_subject(s: Sentence, a: AmountSpan, end: int) -> bool:
    """Whether a sum that opens its sentence names its giver with "from" and is the subject of
    a verb in the future: "An additional $8 million from Canada will support ...", "A grant
    of CHF 2 million from Switzerland will enable ..." (the giver is read by _donor_by_pattern)."""
    opener = gazetteer.words("sum_opener") | gazetteer.words("aid_noun")
    if s.amounts[0] is not a or not all(w in opener for w in s.lower[: a.t0]):
        return False
    # "$5 million in funding from", "$5 million contribution from"
    k = _past(s, end, min(s.n, end + 3), gazetteer.words("aid_noun"))
    if s.word(k) == "in":
        k = _past(s, k + 1, min(s.n, end + 5), gazetteer.words("aid_noun"))
    if s.word(k) != "from":
        return False
    giver = next(iter(s.mentions_in(k + 1, min(s.n, k + 6))), None)
    if giver is None or entity_of(giver.mention) is None or not _only_modifiers(s, k + 1, giver.t0):
        return False
    return s.word(giver.t1) in gazetteer.words("future")


def _dates_a_clause_before(s: Sentence, c: MentionSpan, a: AmountSpan, lo: int) -> bool:
    """Whether a period cue before a sum dates a relative clause of its own, closed by a comma
    before the sum: "Following the earthquakes that have struck Herat since 7 October, the
    European Union is releasing €3.5 million" (not "Since January, Japan has provided")."""
    return (
        c.t1 <= a.t0
        and any(w in gazetteer.words("relative") for w in s.lower[lo : c.t0])
        and "," in s.lower[c.t1 : a.t0]
    )


def _dates_a_clause_after(s: Sentence, c: MentionSpan, a: AmountSpan) -> bool:
    """Whether a period cue after a sum dates a relative clause of its own that gives nothing:
    "1.2 million euros to help the victims of the floods that have hit Iran since March 19"
    (not "the $2 million that it has given since 2020")."""
    rel = next((k for k in range(a.t1, c.t0) if s.lower[k] in gazetteer.words("relative")), None)
    return rel is not None and "," not in s.lower[rel : c.t0] and not s.mentions_in(rel, c.t0, "verb", "give")


def _last_year_s_top_donor(s: Sentence, lo: int, t: int) -> bool:
    """Whether tokens lo:t rank a giver among last year's donors ("Washington was Sudan's
    largest humanitarian donor last year, providing more than $800 million"): its sum is that
    year's aggregate (words.csv superlative, then donor_noun within three words)."""
    words = s.lower[lo:t]
    if "last" not in words:
        return False
    last_year = any(words[k] == "last" and words[k + 1] == "year" for k in range(len(words) - 1))
    donors = gazetteer.words("donor_noun")
    return last_year and any(
        w in gazetteer.words("superlative") and not donors.isdisjoint(words[k + 1 : k + 4])
        for k, w in enumerate(words)
    )


def _year_span(s: Sentence, t0: int, t1: int) -> bool:
    """Whether tokens t0:t1 name a span of years ("between 2013 and 2018", "from 2015 to
    2018"): what was given over it is an aggregate, not a pledge."""
    words = s.lower[t0:t1]
    if "between" not in words and "from" not in words:
        return False
    # a month or a part of the year may stand before either year: "between April 2015 and the end
    # of 2018" (words.csv year_part)
    before_year = gazetteer.words("year_part").union(gazetteer.months())

    def year_at(k: int) -> int | None:  # the token after the year that starts at or past k
        j = k
        while j < min(s.n, k + 4) and s.lower[j] in before_year:
            j += 1
        return j + 1 if is_year_token(s.word(j)) else None

    return any(
        s.lower[k] in ("between", "from")
        and (j := year_at(k + 1)) is not None
        and s.word(j) in ("and", "to")
        and year_at(j + 1) is not None
        for k in range(t0, min(t1, s.n) - 3)
    )


def _year_opening(s: Sentence) -> bool:
    """Whether a sentence opens on a year alone ("In 2023, ...", "In 2021-22, ...", "In the 2024
    to 2025 financial year, ..."): what it says was done is a year's account, told as
    background, not news of a pledge (words.csv fiscal_year)."""
    if s.word(0) != "in":
        return False
    # "In the 2024 to 2025 financial year,": a year's account however the year is named
    k = 1 + (s.word(1) == "the")
    if not is_year_token(s.word(k)):
        return False
    k += 1
    if s.word(k) in ("-", "–", "/", "to") and s.word(k + 1).isdigit():
        k += 2  # a fiscal year: "2021-22", "2024 to 2025"
    k = _past(s, k, min(s.n, k + 2), gazetteer.words("fiscal_year"))
    # "In 2023, Canada provided"; also with no comma before the subject: "In 2016 Crescent Aid spent"
    return s.word(k) == "," or (k < s.n and s.doc[k].text[:1].isupper())


def _whole_of_part(s: Sentence, a: AmountSpan) -> bool:
    """Whether a sum is the whole a sum right before it is part of: "$1.75 million of the latest
    $6.5 million aid package" ("of the" and modifiers between two sums of money)."""
    prev = max((b for b in s.amounts if b.t1 <= a.t0 and b is not a), key=lambda b: b.t1, default=None)
    if prev is None or not (prev.amount.is_money and a.amount.is_money) or s.word(prev.t1) != "of":
        return False
    k = prev.t1 + 1 + (s.word(prev.t1 + 1) == "the")
    return k <= a.t0 and _only_modifiers(s, k, a.t0)


def _running_to(s: Sentence, a: AmountSpan, lo: int) -> bool:
    """Whether an amount is the level a verb of data/words.csv `running_verb` takes a total
    to: "taking U.S. flood assistance to Pakistan to more than $200 million" (a running total,
    not a pledge). The verb alone is too common ("taking part") to be a cue anywhere."""
    if s.word(a.t0 - 1) != "to":
        return False
    return any(s.lower[k] in gazetteer.words("running_verb") for k in range(max(lo, a.t0 - 16), a.t0 - 1))


def _given_apart(s: Sentence, head: AmountSpan, a: AmountSpan) -> bool:
    """Whether goods after "including" are given besides the sum before it: a verb that gives
    stands between them, so they are a gift of their own, not what the sum buys."""
    return bool(s.mentions_in(head.t1, a.t0, "verb", "give"))


def _counted_size(s: Sentence, a: AmountSpan, goods_end: int) -> AmountSpan | None:
    """The weight of each of the goods `a` counts, right after them: "2,000 bags of 25kg rice"."""
    k = goods_end + (s.word(goods_end) == "of")
    return next(
        (b for b in s.amounts if b.t0 == k and b.amount.unit and not b.amount.is_money and b is not a), None
    )


def _size_of_counted(s: Sentence, a: AmountSpan) -> bool:
    """Whether a weight is the size of each of the goods counted right before it ("the 25kg of
    2,000 bags of 25kg rice")."""
    if s.word(a.t0 - 1) != "of":
        return False
    unit = next(
        (m for m in s.mentions_in(max(0, a.t0 - 4), a.t0 - 1, "goods", "unit") if m.t1 == a.t0 - 1), None
    )
    return unit is not None and any(
        b.t1 <= unit.t0 and not b.amount.is_money for b in s.amounts if b is not a
    )


def _weighty(b: AmountSpan) -> bool:
    """Whether an amount bounds what is said of the sums beside it: money, a scaled or large
    number; not a small bare count ("17 planes", "two decades")."""
    return b.amount.is_money or b.amount.has_scale or b.amount.value >= 100


def _opens_sentence(s: Sentence, t: int) -> bool:
    """Whether the noun phrase at `t` opens the sentence, after a dateline's dash or colon:
    "MANILA — A total of 3,240,000 doses ...", "A total of 40 tonnes"."""
    k = t - (s.word(t - 1) in ("a", "the"))
    return k == 0 or s.word(k - 1) in ("—", "–", "-", ":")


def _partitive(s: Sentence, t: int) -> bool:
    """Whether the word at `t` follows "of (the)": "Of the total, £10 million will go to WFP"
    names a part of a total, not a running total."""
    k = t - 1 if s.word(t - 1) != "the" else t - 2
    return s.word(k) == "of"


def _future(s: Sentence, t: int) -> bool:
    """Whether the verb at token `t` is in the future: a future auxiliary (words.csv future)
    in the run of auxiliaries right before it ("will be provided", "would be shipped")."""
    glue = gazetteer.words("aux_verb") | gazetteer.words("participle_aux")
    k = t - 1
    while k >= 0 and s.lower[k] in glue:
        if s.lower[k] in gazetteer.words("future"):
            return True
        k -= 1
    return False


def _each_to(s: Sentence, end: int, hi: int, art: Article) -> list[str]:
    """The places a sum goes to whole, each of them, when it is followed by a distributive word
    and a list of two or more ("$1 million each to Myanmar and Laos", "$5 million to each of
    Türkiye and Syria", data/words.csv distributive); [] otherwise."""
    dest, each = gazetteer.words("dest_prep"), gazetteer.words("distributive")
    if s.word(end) in each and s.word(end + 1) in dest:
        start = end + 2
    elif s.word(end) in dest and s.word(end + 1) in each and s.word(end + 2) == "of":
        start = end + 3
    else:
        return _each_country_before(s, end, art)
    places = [m.mention.location for m in _listed_after(s, start, hi) if m.mention.location]
    return places if len(places) >= 2 else []


# "to each country" points back to a list named at most this many characters before its
# sentence (the sentence before, as a rule): further back, a list is another statement's.
_EACH_COUNTRY_REACH = 300


def _each_country_before(s: Sentence, end: int, art: Article) -> list[str]:
    """The countries a sum goes to whole, each of them, when "to each country" after it points
    back to a list of two or more before it: "the earthquake that struck Syria and Turkiye ...,
    with US$50 million allocated to each country" (a participle may stand between; words.csv
    distributive, country_noun); in the sentence before when its own names no country before
    the sum ("... assistance worth R20 million for Malawi and Mozambique. ... with R10 million
    going to each country"); [] otherwise."""
    if gazetteer.words("distributive").isdisjoint(s.lower[end : end + 3]):
        return []  # the common case: no "each" right after the sum
    k = end + (s.word(end).endswith(("ed", "ing")) and s.word(end + 1) in gazetteer.words("dest_prep"))
    if not (
        s.word(k) in gazetteer.words("dest_prep")
        and s.word(k + 1) in gazetteer.words("distributive")
        and (s.word(k + 2) + "s" in gazetteer.words("country_noun") or s.word(k + 2) in ("country", "nation"))
    ):
        return []
    own = [m.mention for m in s.mentions_in(0, end)]
    if not any(m.has("country") and m.location for m in own):
        own = gazetteer.starting_in(art.mentions, max(0, s.start - _EACH_COUNTRY_REACH), s.start)
    countries = [m for m in own if m.has("country") and m.location]
    listed: list[Mention] = []
    for m in reversed(countries):  # the last list of countries joined by commas and "and"
        if listed and art.text[m.end : listed[0].start].replace(",", " ").split() not in ([], ["and"]):
            break
        listed.insert(0, m)
    places = [m.location for m in listed if m.location]
    return places if len(places) >= 2 else []


def _split_among(s: Sentence, end: int, hi: int) -> list[str]:
    """The places a sum is split equally among, right after it: "$100 million, split equally
    between Syria and Turkiye" (data/words.csv split_verb, then equal_share and between or among;
    two or more places); [] otherwise."""
    k = end + (s.word(end) == ",")
    if s.word(k) not in gazetteer.words("split_verb") or s.word(k + 1) not in gazetteer.words("equal_share"):
        return []
    if s.word(k + 2) not in ("between", "among"):
        return []
    places = [m.mention.location for m in _listed_after(s, k + 3, hi) if m.mention.location]
    return places if len(places) >= 2 else []


def _to_each_of(s: Sentence, end: int, hi: int) -> list[tuple[str, str | None]]:
    """(name, country it works in) of each body a sum goes through whole: "200,000 dollars in cash
    to each of the Turkish Red Crescent and the Syrian Arab Red Crescent", "$500,000 each through
    WFP and UNICEF" (two or more, named right after); [] otherwise."""
    dest, each = gazetteer.words("dest_prep"), gazetteer.words("distributive")
    start = None
    if s.word(end) in each and s.word(end + 1) in dest | {"through", "via"}:
        start = end + 2  # "$500,000 each through WFP and UNICEF"
    for k in range(end, min(hi, end + 5)):
        if start is None and s.lower[k] in dest and s.word(k + 1) in each and s.word(k + 2) == "of":
            start = k + 3
    if start is None:
        return []
    bodies = [
        (org.name, org.iso3)
        for m in _listed_after(s, start, hi)
        if (org := gazetteer.organization_of(m.mention)) is not None
    ]
    return bodies if len(bodies) >= 2 else []


def _receivers_each(s: Sentence, end: int, verb: MentionSpan | None, lo: int) -> list[str]:
    """The places listed as the subject of a verb of receiving that each receive a sum whole,
    its distributive word right after it: "Kogi, Bayelsa and Anambra states are to receive N500
    million each" (two or more; the country of each); [] otherwise."""
    if verb is None or s.word(end) not in gazetteer.words("distributive"):
        return []
    first = next(iter(s.mentions_in(lo, verb.t0)), None)
    if first is None:
        return []
    places = [m.mention.location for m in _listed_after(s, first.t0, verb.t0)]
    return [p for p in places if p] if len(places) >= 2 and all(places) else []


def _listed_after(s: Sentence, k: int, hi: int) -> list[MentionSpan]:
    """The names listed from token `k` on, joined by commas, "and" and "the"; a list that "and"
    has closed ends at the next comma ("Türkiye and Syria, the Iraqi government said")."""
    out: list[MentionSpan] = []
    closed = False
    for m in s.mentions_in(k, hi):
        glue = s.lower[k : m.t0]
        if not all(w in (",", "and", "the") for w in glue) or (closed and "," in glue):
            break
        closed = closed or "and" in glue
        out.append(m)
        k = m.t1
    return out


def _not_aid(s: Sentence, t0: int, t1: int, conference: bool = False) -> bool:
    """Whether tokens t0:t1 say a sum is no aid (data/cues.csv not_aid: loans, military aid); not
    a vehicle that carries aid ("military planes carrying 238 tonnes of food": data/words.csv
    vehicle, then a verb of carrying or "with"), nor a word of a name ("Equity Group Foundation"),
    nor a loan announced at a pledging conference (GUIDELINES.md: those are pledges)."""
    carry = gazetteer.words("transport") | {"with"}
    return any(
        not (s.word(c.t1) in gazetteer.words("vehicle") and s.word(c.t1 + 1) in carry)
        and not _in_a_name(s, c)
        and not (conference and c.mention.text.lower() in gazetteer.words("loan_word"))
        # "1 billion euros this year from its common budget": where the money comes from (not "from
        # its own budget", "from the national budget": a government's spending at home, words.csv
        # home_budget)
        and not (
            c.mention.text.lower() == "budget"
            and "from" in s.lower[max(0, c.t0 - 3) : c.t0]
            and gazetteer.words("home_budget").isdisjoint(s.lower[max(0, c.t0 - 3) : c.t0])
        )
        for c in s.cues(t0, t1, "not_aid")
    )


# The object a sum goes to ("to support the deployment of a ... security mission") is read
# this many tokens on at most: further on, another phrase.
_OBJECT_REACH = 12


def _for_armed_forces(s: Sentence, end: int, hi: int) -> bool:
    """Whether the sum ending at token `end` goes to an army or a mission of armed forces: "$200
    million to support the Lebanese Armed Forces", "for the Malian army" (a destination word,
    then within a few words a words.csv armed_force word, alone or in a listed name), "to
    support the deployment of a ... security mission" (cues.csv force_mission, further on):
    military aid, no pledge."""
    if s.word(end) == "to" and s.word(end + 1) in gazetteer.words("help_verb"):
        start = end + 2  # "to support the Lebanese Armed Forces"
    elif s.word(end) in gazetteer.words("dest_prep"):
        start = end + 1  # "for the Malian army"
    else:
        return False
    forces = gazetteer.words("armed_force")
    for j in range(start, min(hi, start + 4)):
        m = s.mention_at(j)
        words = m.mention.text.lower().split() if m is not None else [s.lower[j]]
        if not forces.isdisjoint(words):
            return True
        if m is not None and not m.mention.has("demonym") and not m.mention.has("country"):
            return False  # another name first: "for UNICEF and the army's medics"
    # "to support the deployment of a Kenyan-led multinational security mission": a mission of
    # armed forces (data/cues.csv force_mission) in the object the sum goes to, before another
    # sum or clause
    sums = {b.t0 for b in s.amounts}
    end_object = next(
        (j for j in range(start, min(hi, start + _OBJECT_REACH)) if s.lower[j] in (",", ";") or j in sums),
        min(hi, start + _OBJECT_REACH),
    )
    return bool(s.cues(start, end_object, "force_mission"))


def _at_conference(s: Sentence, art: Article) -> bool:
    """Whether a sentence, or the article's title, speaks of a pledging conference (data/words.csv
    pledging_event: "conference", "pledging"), where loans announced are pledges."""
    return not gazetteer.words("pledging_event").isdisjoint(s.lower) or _pledging_title(art.title)


@lru_cache(maxsize=256)
def _pledging_title(title: str) -> bool:
    """Whether a title names a pledging conference (words.csv pledging_event) or donors pledging
    together ("Donors pledge $4.4 billion to rebuild quake-hit Nepal": words.csv pledging_title).
    Cached: every sum of an article asks of its one title."""
    words = title.lower().split()
    pairs = {" ".join(p) for p in zip(words, words[1:], strict=False)}
    return not gazetteer.words("pledging_event").isdisjoint(words) or not gazetteer.words(
        "pledging_title"
    ).isdisjoint(pairs)


def _in_a_name(s: Sentence, m: MentionSpan) -> bool:
    """Whether a cue word is part of the capitalized name of a giver, the subject of an aid
    verb: "Equity Group Foundation donated" (not "equity"); not "Malawi's Extended Credit
    Facility", nor "Military aid to Ukraine" at the sentence's start (a word, then lower case)."""
    if m.t1 >= s.n or not s.doc[m.t0].text[:1].isupper():
        return False
    k = m.t1
    while k < s.n and s.doc[k].text[:1].isupper():
        k += 1
    return k > m.t1 and _gives(s, _past(s, k, s.n, gazetteer.words("aux_verb")))


def _names_aid(s: Sentence, lo: int, hi: int) -> bool:
    """Whether tokens lo:hi name aid ("relief", "humanitarian", "assistance"): a verb of
    carrying (words.csv transport) moves goods for sale as often as aid, so it is an aid
    verb only where the clause says the goods are aid."""
    aid = gazetteer.words("humanitarian") | gazetteer.words("aid_noun")
    # counted relief goods ("8,000 shelter kits", "200 tents": data/goods.csv units) are aid too,
    # and so is what a state's armed forces carry ("its air force had flown 214 tonnes of maize
    # flour": cues.csv carrier), which is never freight for sale
    return (
        any(w in aid for w in s.lower[lo:hi])
        or bool(s.mentions_in(lo, hi, "goods", "unit"))
        or bool(s.cues(lo, hi, "carrier"))
    )


def _relative_subject(s: Sentence, start: int, v: MentionSpan) -> MentionSpan | None:
    """The giver that opens a relative clause after the sum, when `v` is its verb: "the 238
    tonnes of food that the Malawian government has donated", "the 50 million yuan in aid
    which China announced" (words.csv object_relative; a word of office may follow a demonym)."""
    if v.mention.value("verb") != "give":
        return None
    k = _back_over(s, v.t0 - 1, start, gazetteer.words("aux_verb"))
    k = _back_over(s, k, start, gazetteer.words("authority"))
    named = next((m for m in s.mentions_in(start, k + 1) if m.t1 == k + 1), None)
    if named is None or not entity_of(named.mention):
        return None
    opener = named.t0 - 1 - (s.word(named.t0 - 1) == "the")
    if opener < start or s.lower[opener] not in gazetteer.words("object_relative"):
        return None
    return named


def _agent(s: Sentence, v: MentionSpan, hi: int, reach: int, passive: bool = False) -> Entity | None:
    """The giver after "by" within `reach` words of verb `v`, with no comma or verb between:
    "pledged by Japan", "signed on Tuesday by the Qatar Fund for Development"; past a
    destination only when `v` is known to be passive ("were handed over to the authorities by")."""
    by = next((k for k in range(v.t1, min(hi, v.t1 + reach + 1)) if s.lower[k] in ("by", ",")), None)
    if by is None or s.lower[by] != "by" or s.mentions_in(v.t1, by, "verb"):
        return None
    if s.lower[by - 1] in gazetteer.words("agent_noun"):
        return None  # "provided through CARE for distribution by the ICRC": who hands it out
    # "released in January by the CERF": a date between the verb and "by" is no destination
    when = gazetteer.words("time_word") | set(gazetteer.months())
    between = [
        w for j, w in enumerate(s.lower[v.t1 : by], v.t1) if w not in when and s.word(j + 1) not in when
    ]
    if (
        not passive
        and by > v.t1
        and (
            not v.mention.text.lower().endswith(("ed", "en"))
            or any(w in gazetteer.words("dest_prep") for w in between)
        )
    ):
        # "assistance to people affected by the earthquake", "help people affected by Russia's
        # war": past a noun or a destination, "by" is not the giver's unless the verb is passive
        return None
    return _named_after_by(s, by, hi)


def _named_after_by(s: Sentence, by: int, hi: int) -> Entity | None:
    """The giver named after "by" at token `by`: a name that starts within five words of it,
    however long ("by the Red Cross Society of China"), with a place or a people that opens an
    unlisted name kept in it ("by the Kenya Diaspora Alliance", "by the Haitian American
    Association"); none past a destination."""
    for m in (m for m in s.mentions_in(by + 1, min(hi, by + 16)) if m.t0 < by + 6):
        if any(w in gazetteer.words("dest_prep") for w in s.lower[by + 1 : m.t0]):
            break  # "donated by the public to the Disasters Emergency Committee": where it went
        if m.mention.location and not entity_of(m.mention):
            region = _place_government(s, by + 1, m.t1)
            if region is not None:
                return region  # "sent by the Government of Tamil Nadu", "by the Kerala government"
            continue
        if entity_of(m.mention):
            end = m.t1
            while end < s.n and s.doc[end].text[:1].isupper():
                end += 1
            office = gazetteer.words("authority") | gazetteer.words("official")
            if end > m.t1 and m.mention.location and not all(w in office for w in s.lower[m.t1 : end]):
                # "mobilised by the Kenya Diaspora Alliance": a place opening an unlisted name (not
                # "donated by the Chinese Government", "by the Indian High Commissioner": its country)
                start = by + 1 + (s.word(by + 1) == "the")
                return Entity(" ".join(s.doc[t].text for t in range(start, end)), None, "private")
            return entity_of(m.mention)
    return None


def _organiser(s: Sentence, head: int, end: int) -> Entity | None:
    """Who organised the event at token `head`, named before token `end`: "a telethon organised
    by the Jamaican Canadian Association raised" (data/words.csv organiser_verb); it gives."""
    for k in range(head + 1, end - 1):
        if s.lower[k] in gazetteer.words("organiser_verb") and s.lower[k + 1] == "by":
            return _named_after_by(s, k + 1, end)
    return None


def _aid_contract(s: Sentence, lo: int, hi: int) -> bool:
    """Whether a signed agreement is aid (words.csv contract_verb): the clause names aid, or
    the other party is a UN agency or a charity ("signed a $3 million agreement with UNICEF")."""
    return _names_aid(s, lo, hi) or any(
        (org := gazetteer.organization_of(m.mention)) is not None and org.kind in ("un_agency", "ngo")
        for m in s.mentions_in(lo, hi, "org")
    )


def _aid_programme_after(s: Sentence, k: int, hi: int) -> bool:
    window = s.lower[k + 1 : min(hi, k + 9)]
    return any(w in gazetteer.words("programme") for w in window) and "aid" in window


def _donor_by_pattern(
    s: Sentence, lo: int, hi: int, verb: MentionSpan | None, a: AmountSpan
) -> Entity | None:
    """Donor named by "increased Australia's assistance by", "promised by X", "from X"
    (its own, for an item of a list of "amount from donor") or "under the X aid programme"."""
    receiving = verb is not None and verb.mention.value("verb") == "receive"
    # "WFP will receive $25 million and UNICEF $15 million": a gapped name takes, it does not give
    paren = _paren_giver(s, a) or (None if receiving else _gapped_giver(s, a))
    if paren is not None:
        return entity_of(paren.mention)
    gapped = None if receiving else _gapped_name(s, a, verb)
    if gapped is not None:
        return gapped
    i = s.amounts.index(a)
    listed = (i > 0 and _list_link(s, s.amounts[i - 1], a)) or (
        i + 1 < len(s.amounts) and _list_link(s, a, s.amounts[i + 1])
    )
    own = _own_giver(s, a) if listed else None
    if own is not None:
        return entity_of(own.mention)
    for m in s.mentions_in(lo, min(hi, a.t0)):
        if (
            s.word(m.t1) in ("'s", "’s")
            and s.word(m.t1 + 1) in gazetteer.words("aid_noun")
            and entity_of(m.mention)
            and (verb is None or m.t0 > verb.t0)
        ):
            return entity_of(m.mention)
    # "pledged by Japan"; "The grant of $2 million, provided by the Government of Australia,";
    # "A $5 million agreement signed on Tuesday by the Qatar Fund for Development"
    # after goods, past what they are: "200 000 doses of the Sinopharm vaccine donated by China";
    # the sum's own participle first: "€3.5 million released by the European Union and NOK 20
    # million announced by Norway"
    own_end = _sum_noun_end(s, a, hi) if a.amount.is_money else _past_goods_list(s, _goods_of(s, a)[2], hi)
    reach = 4 if a.amount.is_money else 7
    agent = None
    for v in s.mentions_in(a.t1, min(hi, own_end + reach), "verb"):
        if v.mention.text.lower() not in gazetteer.words("object_verb"):  # "distributed by": who hands it out
            agent = agent or _agent(s, v, hi, 3)
    agent = agent or (_agent(s, verb, hi, 0) if verb is not None else None)
    if agent is not None:
        return agent
    if verb is not None and verb.t0 > a.t1 and s.word(verb.t0 - 1) in gazetteer.words("participle_aux"):
        # "2,000 tents were handed over to the Turkish authorities by the Azerbaijani embassy":
        # the agent of a passive verb after the sum, past the places and people it went to; with
        # none, the giver the goods come "from" ("70 tonnes of supplies from the EU were flown")
        agent = _agent(s, verb, hi, 9, passive=True)
        if agent is None:
            own = next((m for k in range(a.t1, verb.t0) if (m := _giver_at(s, k)) is not None), None)
            if own is not None:
                return entity_of(own.mention)
        else:
            return agent
    for k in range(lo, hi):
        word = s.lower[k]
        if (
            word == "from"
            and (
                # not past ", and" that opens the verb's own clause ("released $10 million from the
                # CERF ..., and the European Union announced EUR 1 million")
                (verb is not None and k < verb.t0 and not _comma_and(s, k, verb.t0))
                # not past ", and" that opens another clause ("..., and relief flights from the UAE")
                or (a.t1 <= k <= a.t1 + 10 and not _comma_and(s, a.t1, k))
            )
            and s.word(k - 1) not in gazetteer.words("origin")
        ):
            givers = [m for m in s.mentions_in(k + 1, min(hi, k + 9)) if entity_of(m.mention)]
            reach = k + 3
            if len(givers) > 1 and s.word(givers[0].t1) in ("'s", "’s") and givers[1].t0 == givers[0].t1 + 1:
                # "from the U.N.'s Central Emergency Response Fund": the fund its owner names gives
                givers, reach = givers[1:], givers[1].t0
            if givers and givers[0].t0 <= reach:
                if s.word(k + 1) in gazetteer.words("generic_giver"):
                    return Entity("various", None, "various")  # "from banks and European countries"
                return entity_of(givers[0].mention)
            if (named := _giver_at(s, k)) is not None:
                return entity_of(named.mention)  # "from the Government of Japan"
            if k == a.t1 and (body := _unlisted_after(s, k + 1, hi)) is not None:
                return body  # "A grant of US$12 million from the Amani Health Foundation"
            place = next((m for m in s.mentions_in(k + 1, min(hi, k + 7)) if m.mention.location), None)
            if place is not None and (region := _place_government(s, k + 1, place.t1 + 1)) is not None:
                return region  # "assistance from the Government of Tamil Nadu"
        if word == "under" and k < a.t1 + 12 and _aid_programme_after(s, k, hi):
            owners = [m for m in s.mentions_in(k + 1, min(hi, k + 8)) if entity_of(m.mention)]
            if owners:
                return entity_of(owners[0].mention)
    return None


def _comma_and(s: Sentence, t0: int, t1: int) -> bool:
    """Whether ", and" stands between tokens t0 and t1."""
    return any(s.lower[k] == "," and s.word(k + 1) == "and" for k in range(t0, t1))


def _donor_adjective(s: Sentence, a: AmountSpan, hi: int, spoken_in: Article | None = None) -> Entity | None:
    """The donor named as an adjective of the aid an amount is "in" or "of": "£32 million in
    new UK aid for Sudan", "$5 million of Japanese assistance for Myanmar", "€10m in EU
    funding". Only when no subject gives, and a country only when the sentence sends the aid
    elsewhere ("$20 million in Gaza aid", "in Ukrainian assistance for Ukrainian border
    guards" name where it goes) or an official of an article about another country announces
    it (`spoken_in`: "Secretary of State John Kerry announced $890 million in new U.S.
    humanitarian aid")."""
    if s.word(a.t1) not in ("in", "of"):
        return None
    named = s.mentions_in(a.t1 + 1, min(hi, a.t1 + 5))
    if not named:
        return None
    m = named[0]
    entity = entity_of(m.mention)
    if entity is None or not _only_modifiers(s, a.t1 + 1, m.t0):
        return None
    aid = gazetteer.words("aid_noun")
    noun = next((k for k in range(m.t1, min(hi, m.t1 + 3)) if s.lower[k] in aid), None)
    if noun is None or not _only_modifiers(s, m.t1, noun):
        return None
    if spoken_in is not None and entity.iso3 is not None:
        return entity if entity.iso3 != spoken_in.main_iso3 else None
    if entity.iso3 is not None and s.word(m.t1) not in gazetteer.words("official"):
        # "$310 million in U.S. government support": a government gives, wherever the aid goes
        iso, explicit, _ = _recipient(s, a, a.t1, hi, entity.iso3, None)
        if not explicit or iso == entity.iso3:
            return None
    return entity


def _back_over_place_words(s: Sentence, k: int, lo: int) -> int:
    """The token before the words that describe a place, back from token `k`: "the", words.csv
    place_modifier ("northern") and hyphened compounds ("government-held", "war-torn")."""
    modifiers = gazetteer.words("place_modifier") | {"the", "-"}
    while k >= lo and (s.lower[k] in modifiers or s.word(k + 1) == "-" or s.word(k - 1) == "-"):
        k -= 1
    return k


def _subject_entities(s: Sentence, lo: int, verb_t0: int) -> list[MentionSpan]:
    """Donor-capable mentions before the verb in its clause, nearest last, skipping
    objects of "to/for/in/with" (destinations and partners, not givers), those after a
    pronoun subject ("We are encouraging Haiti ... and are providing"), and objects of
    an earlier aid verb ("contribute 1.3 mln to UNHCR, and give 750,000")."""
    pronoun = next(
        (
            k
            for k in range(lo, verb_t0)
            if s.lower[k] in ("we", "they", "he", "she", "i")
            # "Jumada I 10, 1443": after a name, "I" is a numeral
            and not (s.lower[k] == "i" and k > 0 and s.doc[k - 1].text[:1].isupper())
        ),
        None,
    )
    verbs_before = [
        v.t0
        for v in s.mentions_in(lo, verb_t0, "verb")
        if v.mention.value("verb") == "give"
        # "Japan and Ethiopia signed an exchange of notes under which Tokyo will extend": what is
        # signed is an agreement, not a giver
        and v.mention.text.lower() not in gazetteer.words("object_verb") | gazetteer.words("contract_verb")
        # "Two ships of the Mexican Navy docked": after a number or a determiner, a noun
        and s.word(v.t0 - 1) not in gazetteer.words("determiner")
        and not any(b.t1 == v.t0 for b in s.amounts)
    ]
    out: list[MentionSpan] = []
    dest, aux = gazetteer.words("dest_prep"), gazetteer.words("aux_verb")
    dest_end = -1  # where the last destination skipped ends
    aside = _apposition_before(s, verb_t0, lo)
    for m in s.mentions_in(lo, verb_t0):
        if out and out[-1].t1 == m.t0 - 1 and s.word(m.t0 - 1) == "(":
            continue  # "Central African Republic Humanitarian Fund (CAR HF)": a gloss of the name before
        if dest_end == m.t0 - 1 and s.word(m.t0 - 1) == "(" and "with" in s.lower[max(lo, m.t0 - 10) : m.t0]:
            # "an agreement with the UN Refugee Agency (UNHCR) to provide": the gloss of a partner
            # is one too (not "a spokesman for the IFRC (IFRC), which is seeking")
            dest_end = m.t1
            continue
        if not entity_of(m.mention) or (aside is not None and aside[0] <= m.t0 < aside[1]):
            # "Canada's stockpile, managed by the Canadian Red Cross, will ship": a name in an
            # apposition before the verb describes its subject and is not it
            continue
        prev, prev2 = s.word(m.t0 - 1), s.word(m.t0 - 2)
        glue = s.lower[dest_end : m.t0] if dest_end > 0 else []
        # "for Mozambique, and the African Development Bank has approved a grant of": after ", and",
        # a name with an auxiliary after it opens a clause of its own, whose subject it is
        k = m.t0 - 1 - (prev in ("the", "a", "an"))
        # "..., and a Mexican navy ship unloaded 97 tons": a people's vehicle that carries the aid
        vehicle = (
            m.mention.has("demonym")
            and m.t1 < verb_t0 <= m.t1 + 4
            and s.lower[verb_t0 - 1] in gazetteer.words("vehicle")
            and all(s.doc[t].text.islower() for t in range(m.t1, verb_t0))
        )
        # "..., and the Asian Development Bank (ADB) announced": past the name's bracketed gloss
        end = _past_gloss(s, m.t1)
        opens = (
            s.word(k) == "and"
            and s.word(k - 1) == ","
            and (
                s.word(end) in aux
                or (aside is not None and m.t1 == aside[0])
                # "..., and the African Development Bank announced a package of": right before the verb
                # (also past a word of government: "..., and the Tanzanian government flew")
                or _gives(s, _past(s, end, verb_t0, aux | gazetteer.words("authority")))
                # "..., and the Chinese ambassador, Su Jian, pledged": an official named after
                or _gives(s, _past_named_official(s, end, verb_t0))
                or vehicle
                # "..., and Kuwait, which sent a plane carrying 41 tonnes": the relative's antecedent
                or (s.word(m.t1) == "," and s.word(m.t1 + 1) in gazetteer.words("relative"))
            )
        )
        listed = (
            not opens
            and bool(glue)
            and all(w in (",", "and", "or", "the") for w in glue)
            # a comma alone lists only where the list goes on: "to Sudan, Chad and", not "In Chad, USDA will"
            and ("and" in glue or "or" in glue or s.word(m.t1) in (",", "and", "or"))
            # "... for Cuba, and Brazil is channelling": after a comma, a name right before the verb
            # is its subject (not "its aid to Turkey and Syria would rise")
            and not ("," in glue and all(s.lower[k] in aux for k in range(m.t1, verb_t0)))
        )
        if (
            prev in dest
            or (prev == "the" and prev2 in dest)
            or s.word(_back_over_place_words(s, m.t0 - 1, lo)) in dest  # "in government-held Syria"
            or prev == "on"  # "called on development partners to mobilize": asked, not giving
            # "in partnership with UNICEF"; not "..., with China handing over US$ 2.2 million"
            or ("with" in s.lower[max(lo, m.t0 - 4) : m.t0] and not _gives(s, m.t1))
            or listed  # "its aid to Turkey and Syria would rise": both are destinations
        ):
            dest_end = m.t1
            continue
        if s.word(m.t1) in ("'s", "’s") and any(
            s.lower[k] in gazetteer.words("donor_noun") for k in range(m.t1 + 1, min(verb_t0, m.t1 + 5))
        ):
            continue  # "was South Sudan's largest humanitarian donor": the one given to
        if any(s.lower[k] in gazetteer.words("event_noun") for k in range(m.t1, min(verb_t0, m.t1 + 2))):
            continue  # "Donors at the London conference pledged": where they met, not who gave
        # "Australia will provide"; "Switzerland, where the meeting was held, added": right before
        # the verb, or before an apposition that ends there
        adjacent = all(s.lower[k] in aux for k in range(m.t1, verb_t0)) or (
            aside is not None
            and m.t1 == aside[0]
            and all(s.lower[k] in aux | gazetteer.words("distributive") for k in range(aside[1], verb_t0))
        )
        # (past an aside: "Neighbouring India, which launched a relief effort ..., said")
        after = _past(s, aside[1] if aside is not None and m.t1 == aside[0] else m.t1, verb_t0, aux)
        if prev in gazetteer.words("neighbour") and not (
            _gives(s, after) or s.word(after) in gazetteer.words("speech_verb")
        ):
            # "states neighbouring South Africa will receive": where aid goes; but "neighbouring
            # Zambia delivered 1,000 tonnes", "Neighbouring Tanzania sent planes carrying" gives,
            # and "Neighbouring Tanzania said its air force had flown" speaks for the giver
            continue
        own = adjacent and m.t1 < verb_t0 and s.lower[m.t1] != "to"  # "Australia will provide"
        if pronoun is not None and m.t0 > pronoun and "that" not in s.lower[pronoun : m.t0] and not own:
            continue  # "We are encouraging Haiti ... and are providing"; not "I announce Australia will"
        speaks = s.word(m.t1) in gazetteer.words("attribution")  # "..., and the Commission said it would"
        # "announced that the Chinese government has decided to provide": a name right after
        # "that" opens the clause whose subject it is, not the object of the verb before
        after_that = s.word(m.t0 - 1) == "that" or s.lower[m.t0 - 2 : m.t0] == ["that", "the"]
        if (
            not adjacent
            and not speaks
            and not opens
            and not after_that
            and any(m.t0 > vt for vt in verbs_before)
        ):
            continue
        out.append(m)
    return out


def _past_named_official(s: Sentence, k: int, hi: int) -> int:
    """The token after a people's official and the name set off after it, from token `k` (after
    the people's name): "ambassador, Su Jian, " in "the Chinese ambassador, Su Jian, pledged"
    (words.csv title), past auxiliaries; `k` when there is no such official."""
    j = k
    while j < hi and s.lower[j] in gazetteer.words("title"):
        j += 1
    if j == k or s.word(j) != ",":
        return k
    close = next((t for t in range(j + 1, min(hi, j + 6)) if s.lower[t] == ","), None)
    if close is None or not all(s.doc[t].text[:1].isupper() for t in range(j + 1, close)):
        return k
    return _past(s, close + 1, hi, gazetteer.words("aux_verb"))


def _past_gloss(s: Sentence, k: int) -> int:
    """The token after a bracketed short form that opens at token `k` ("(ADB)"), else `k`."""
    if s.word(k) != "(":
        return k
    return next((j + 1 for j in range(k + 1, min(s.n, k + 6)) if s.lower[j] == ")"), k)


@cache
def _before_verb_words() -> frozenset[str]:
    """The words an aside's closing comma may stand before its verb past (_apposition_before):
    auxiliaries, distributives, the copula and its noun's determiner and superlative."""
    return (
        gazetteer.words("aux_verb")
        | gazetteer.words("distributive")
        | gazetteer.words("copula")
        | gazetteer.words("determiner")
        | gazetteer.words("superlative")
    )


def _apposition_before(s: Sentence, verb_t0: int, lo: int) -> tuple[int, int] | None:
    """The tokens of an apposition or a relative clause between a subject and its verb, commas
    included, opened by a word of data/words.csv `apposition_opener`, by a determiner and no
    giver's name ("the two main members of the coalition") or by a possessive ("Myanmar's largest
    neighbour"): "Ocean Ventures, one of
    Kenya's largest shipping groups, donated"; "Canada's stockpile, managed by the Canadian Red
    Cross, will ship" (none when an aid verb stands inside it: "$2 million, provided by Japan,")."""
    # "Saudi Arabia and the UAE, which lead the coalition, each pledged"; "Saudi Arabia, which leads
    # a military coalition, was the largest donor with $500 million": past the copula and its noun's words
    k = _back_over(s, verb_t0 - 1, lo, _before_verb_words())
    end = k
    dashes = ("—", "–", "--")
    if k > lo and s.word(k) in dashes:
        # "The UAE, which the army accuses of arming the RSF — a charge Abu Dhabi denies —
        # pledged": a dashed aside closes the relative clause before it
        k = next((j for j in range(k - 1, max(lo, k - 16) - 1, -1) if s.lower[j] in dashes), lo)
    if k <= lo or s.word(k) not in (",", *dashes):
        return None
    opening = _aside_opening(s, k, lo)
    if opening is None and (relative := _opening_comma(s, k, lo)) is not None:
        # "Kuwait, which sent a plane carrying 41 tonnes on Wednesday, pledged": a relative
        # clause is an aside though it has a verb of giving of its own
        opening = relative if s.word(relative + 1) in gazetteer.words("relative") else None
    # "Saudi Arabia and the UAE, the two main members of the coalition, each pledged": a
    # description opened by a determiner, not a giver named after it ("Germany, the UK, and")
    described = False
    if opening is not None and s.word(opening + 1) in gazetteer.words("determiner"):
        named = s.mention_at(opening + 2)
        described = (
            named is None
            or entity_of(named.mention) is None
            # "The Halvorsen Foundation, a Danish charitable trust,": a people's name before a noun
            or (
                named.mention.has("demonym")
                and named.t1 < s.n
                and s.doc[named.t1].text.isalpha()
                and s.doc[named.t1].text.islower()
                and s.word(named.t1) != "and"
            )
        )
    elif opening is not None and (owner := s.mention_at(opening + 1)) is not None:
        # "China, Myanmar's largest neighbour, has pledged": a description owned by a place
        described = owner.t0 == opening + 1 and s.word(owner.t1) in ("'s", "’s")
    if (
        opening is None
        or opening == lo
        or not (s.word(opening + 1) in gazetteer.words("apposition_opener") or described)
    ):
        return None
    return opening, end + 1


def _back_over(s: Sentence, k: int, lo: int, words: frozenset[str]) -> int:
    """The last token at or before `k` (not before `lo`) that is not one of `words`: where the
    word before an auxiliary stands ("Australia will provide": back from "will")."""
    while k >= lo and s.lower[k] in words:
        k -= 1
    return k


def _noun_head(s: Sentence, verb: MentionSpan, lo: int) -> int:
    """Where the subject of a noun of giving ends: before the verb that governs it ("The Aldwych
    Foundation today announced a commitment of $50 million": before "announced"), else before
    the noun itself."""
    if verb.mention.value("verb") != "noun":
        return verb.t0
    k = _back_over(s, verb.t0 - 1, lo, gazetteer.words("determiner"))
    # the verb's first token: "handed over aid funds" ends its verb on "over"
    first = next((m.t0 for m in s.mentions_in(max(lo, k - 3), k + 1, "verb") if m.t1 == k + 1), k)
    return first if first >= lo and _gives(s, first) else verb.t0


def _back_over_time(s: Sentence, k: int, lo: int) -> int:
    """The token before a time phrase that ends at `k` ("Airtel Malawi on Friday donated",
    "Walton Group yesterday handed over": words.csv time_word, after "on" or alone), else k."""
    if k >= lo and s.lower[k] in gazetteer.words("time_word"):
        k -= 1
        if k >= lo and s.lower[k] == "on":
            k -= 1
        k = _back_over(s, k, lo, gazetteer.words("aux_verb"))
    return k


def _past(s: Sentence, k: int, hi: int, words: frozenset[str]) -> int:
    """The first token at or after `k` (before `hi`) that is not one of `words`."""
    while k < hi and s.lower[k] in words:
        k += 1
    return k


def _aside_opening(s: Sentence, k: int, lo: int) -> int | None:
    """The comma opening the aside that the comma at token `k` closes, when no verb of giving
    stands inside it: ", held in April,", ", one of the kingdom's largest groups," (not "$2
    million, provided by Japan,")."""
    opening = _opening_comma(s, k, lo)
    if opening is None or s.mentions_in(opening, k, "verb", "give"):
        return None
    return opening


def _opening_comma(s: Sentence, k: int, lo: int) -> int | None:
    """The comma that opens the aside a comma at `k` closes, within 24 tokens: "Atlas Holding,
    one of the kingdom's largest groups, transferred"."""
    return next((j for j in range(k - 1, max(lo, k - 24) - 1, -1) if s.lower[j] == ","), None)


def _gives(s: Sentence, t: int) -> bool:
    """Whether token `t` is a verb whose subject gives ("delivered", "will provide")."""
    v = s.mention_at(t)
    return v is not None and v.mention.value("verb") == "give"


def _owner(s: Sentence, m: MentionSpan, before: list[MentionSpan]) -> Mention:
    """The country whose possessive owns a government body: "Germany's Federal Foreign Office"
    speaks for Germany, whatever country the gazetteer gives the body's name ("Foreign Office")."""
    org = gazetteer.organization_of(m.mention)
    owner = next((b for b in reversed(before) if b.t1 < m.t0), None)
    if (
        org is not None
        and org.kind == "government"
        and owner is not None
        and owner.mention.has("country")
        and s.word(owner.t1) in ("'s", "’s")
        and _only_modifiers(s, owner.t1 + 1, m.t0)
    ):
        return owner.mention
    return m.mention


def _coordinated(s: Sentence, last: MentionSpan, cands: list[MentionSpan]) -> list[MentionSpan]:
    """ "Kuwait, Qatar, Saudi Arabia, and the UAE": the list that ends with `last`."""
    group = [last]
    idx = cands.index(last)
    while idx > 0:
        prev = cands[idx - 1]
        between = s.lower[prev.t1 : group[0].t0]
        if not between or not all(w in (",", "and", "the") for w in between):
            break
        group.insert(0, prev)
        idx -= 1
    return group


def _each_partner(s, a, art, drafts, verb, status, unit, commodity, lo, hi, include_at, first, end):
    """Drafts the same sum for the giver joined by "and" to the one named at tokens first:end
    when each of them gives it (_distributed, _partner_before)."""
    if _distributed(s, a, first, end, verb, hi) and (partner := _partner_before(s, lo, first)) is not None:
        drafts.append(_draft(s, art, a, partner, True, verb, status, unit, commodity, lo, hi, include_at))


def _each_participle_group(s: Sentence, verb: MentionSpan, lo: int) -> list[MentionSpan]:
    """The givers listed at the opening of the clause that a participle after ", each" (data/
    words.csv distributive) goes back to: "Saudi Arabia and the United Arab Emirates, which lead
    the coalition, were again the biggest donors, each pledging $465 million", "... jointly
    announced US$ 500 million, with each country contributing US$ 250 million"."""
    distributive = gazetteer.words("distributive")
    k = verb.t0 - 1
    k -= s.word(k) not in distributive  # a noun after it: "with each country contributing"
    if s.word(k) not in distributive or not s.lower[verb.t0].endswith("ing"):
        return []
    k -= 1
    k -= s.word(k) == "with"
    if s.word(k) != ",":
        return []
    group: list[MentionSpan] = []
    for m in s.mentions_in(lo, k):
        if entity_of(m.mention) is None:
            continue
        start = group[-1].t1 if group else lo
        if not all(w in (",", "and", "the") for w in s.lower[start : m.t0]) or (not group and m.t0 - lo > 1):
            break
        group.append(m)
    givers = [g for g in group if (e := entity_of(g.mention)) is not None and e.kind not in _CHANNEL_KINDS]
    return group if len(group) >= 2 and len(givers) == len(group) else []


def _partner_before(s: Sentence, lo: int, first: int) -> Entity | None:
    """The giver joined by "and" to one whose name opens at token `first`, when the list's
    reader (_coordinated) cannot join them: an unlisted name or one described by an
    apposition ("Tingis Bank and Sahara Assurance each", "The Wellcome Trust, a British
    research charity, and the Bill & Melinda Gates Foundation each")."""
    k = first - 1
    k -= s.word(k) in gazetteer.words("definite")
    if s.word(k) != "and":
        return None
    k -= 1
    if s.word(k) == ",":
        opening = _aside_opening(s, k, lo)
        described = opening is not None and s.word(opening + 1) in gazetteer.words("determiner")
        # ", a British research charity,": back over the description; else a serial comma
        k = opening - 1 if described and opening is not None else k - 1
    named = next((m for m in s.mentions_in(lo, k + 1) if m.t1 == k + 1), None)
    if named is not None and (e := entity_of(named.mention)) is not None:
        return e if e.kind not in _CHANNEL_KINDS else None
    body = _unlisted_body(s, lo, k + 1)
    return body[0] if body is not None else None


def _name_before(s: Sentence, verb_t0: int, lo: int) -> tuple[str, bool] | None:
    """(name, is an official) of a capitalized name right before the verb, a person or
    an unlisted body: "Actress Sandra Bullock has donated" -> ("Sandra Bullock", False); also
    past a reflexive ("Bavarian Nordic itself has added")."""
    k = _back_over(s, verb_t0 - 1, lo, gazetteer.words("aux_verb") | gazetteer.words("reflexive"))
    titled = False
    if s.word(k) == ",":
        # back over an apposition or a relative clause: "Atlas Holding, one of the kingdom's
        # largest groups, transferred"; "The Aga Khan Development Network, which has worked ..., announced"
        opening = _aside_opening(s, k, lo)
        if opening is not None:
            # "Randeep Sarai, Secretary of State (International Development), announced": an office
            titled = any(w in gazetteer.words("official") for w in s.lower[opening:k])
            k = opening - 1
    words: list[int] = []
    # (not the pronoun: "On 21 February I announced" names no one)
    while (
        k >= lo
        and (s.doc[k].text[:1].isupper() or (words and s.lower[k] in ("for", "of")))
        and s.doc[k].text != "I"
    ):
        words.insert(0, k)
        k -= 1
    official = titled or any(s.lower[w] in gazetteer.words("official") for w in words)
    titles = gazetteer.words("title")
    while words and s.lower[words[0]] in titles | {"for", "of"}:
        words.pop(0)
    if not words or s.lower[words[-1]] in titles:
        return None
    if any(c.isdigit() for w in words for c in s.doc[w].text):
        return None  # "An IAF C-130J brought": a model of aircraft, no one who gives
    return " ".join(s.doc[w].text for w in words), official


def _recipient(
    s: Sentence, a: AmountSpan, lo: int, hi: int, donor_iso: str | None, verb: MentionSpan | None
) -> tuple[str | None, bool, bool]:
    """(ISO3, explicit, region) of where aid goes: "to/for/in" + a country after the
    amount, the object of "provide Togo with", or "aid to Bolivia" before it."""
    people = (
        gazetteer.words("population_group") | gazetteer.words("not_goods") | gazetteer.words("demonym_noun")
    )
    # a count of people ("for 8,000 families in Sri Lanka") is whom the aid is for, not another gift
    later = [
        b
        for b in s.amounts
        if b.t0 > a.t0
        and not (b.amount.unit is None and not b.amount.is_money and s.word(b.t1) in people)
        # "to children under five": an age bounds nothing
        and not (
            s.word(b.t0 - 1) in gazetteer.words("age_word") and not _weighty(b) and b.amount.unit is None
        )
        and not s.is_conversion(b)  # "100 million yuan, or about 13.8 million dollars, in aid to Nepal"
    ]
    prev, nxt = a, next(iter(later), None)
    while nxt is not None and (
        all(w in ("and", ",", "or") for w in s.lower[prev.t1 : nxt.t0])
        or _list_link(s, prev, nxt)
        or nxt in _goods_list(s, prev)
    ):
        # "$3 million and $2 million respectively to Nepal", "$4 million from A and $2 million
        # from B for Nepal": coordinated amounts share the destination
        prev, nxt = nxt, next((b for b in later if b.t0 > nxt.t0), None)
    next_amount = nxt.t0 if nxt is not None else hi
    stop = min(hi, next_amount) if next_amount > a.t1 else hi
    dest, countries = gazetteer.words("dest_prep"), gazetteer.words("country_noun")
    for k in range(a.t1, min(stop, a.t1 + 25)):
        if s.lower[k] not in dest:
            continue
        helps = s.word(k + 1) in gazetteer.words("help_verb")
        plural = next((j for j in range(k + 1, min(stop, k + 6)) if s.lower[j] in countries), None)
        if (
            plural is not None
            and not s.mentions_in(k + 1, plural + 1)
            and not s.covers(plural)
            and not _comma_and(s, k, plural)  # "in aid, and countries throughout the world provided"
        ):
            return None, False, True  # "for refugees in neighbouring countries": no single one
        # "for recovery programmes, and the Chinese ambassador pledged": another clause ends the search
        clause_end = next(
            (j for j in range(k, min(stop, k + 7)) if s.lower[j] == "," and s.word(j + 1) == "and"), stop
        )
        for m in s.mentions_in(k + 1, min(stop, k + 7, clause_end)):
            if helps and m.t0 == k + 1:
                continue  # "to help flood-hit Bangladesh": the one helped is where aid goes
            if helps and (m.mention.has("demonym") or not _only_modifiers(s, k + 2, m.t0)):
                break  # "to help Syrian refugees in Lebanon": the people helped, not the place
            if m.mention.has("region"):
                if m.t0 <= k + 2:
                    return None, False, True
                continue
            if m.mention.has("demonym") and s.word(m.t1) in people:
                # "for Syrian refugees in Jordan": the aid goes where the people are
                hosts = [
                    h
                    for h in s.mentions_in(m.t1, min(stop, m.t1 + 5))
                    if h.mention.location and s.word(h.t0 - 1) in dest
                ]
                if hosts:
                    if _more_places(s, hosts[0], stop):
                        return None, False, True  # "in Jordan and Lebanon": no single one
                    return hosts[0].mention.location, True, False
            iso = m.mention.location
            if iso and s.word(m.t1) in ("'s", "’s") and _place_after(s, m.t1, min(stop, k + 12)):
                continue  # "affected by Russia's war in Ukraine": a possessive is not where aid goes
            if iso and m.t0 > k + 1 and s.word(m.t0 - 1) == "from":
                continue  # "for people fleeing from Syria": where they fled from, not where aid goes
            if iso and iso != donor_iso:
                if _more_places(s, m, stop):
                    return None, False, True  # "to people in South Sudan, Ethiopia and Kenya": no single one
                return _onward(s, m, stop, dest) or iso, True, False
            if m.mention.has("org") or m.mention.has("verb"):
                break
    scope = gazetteer.words("global_scope")
    # not past ", and", another clause's ("... in aid, and countries throughout the world provided")
    scope_end = next(
        (k for k in range(a.t1, min(stop, a.t1 + 6)) if _comma_and(s, k, k + 1)), min(stop, a.t1 + 6)
    )
    if any(s.lower[k] in scope and not s.covers(k) for k in range(a.t1, scope_end)):
        return None, False, True  # "$2 billion in global humanitarian assistance": no one country
    lead = _lead_places(s, a)
    if lead is not None:
        return lead
    if verb is not None and (
        verb.mention.tags == (_ARRIVED_WITH,)
        or (verb.mention.tags == (_LEAVING_WITH,) and verb.mention.text == "with")
    ):
        # "has landed in Benghazi with 8 tonnes", "sailed for Yangon with": where it arrived
        for m in s.mentions_in(lo, verb.t0):
            if (
                m.mention.location
                and m.mention.location != donor_iso
                and s.word(m.t0 - 1) in dest
                and s.word(m.t1) not in ("'s", "’s")  # "bound for Egypt's Al-Arish airport": a way in
            ):
                return m.mention.location, True, False
    named = _before_paren(s, a)
    if named is not None and named.mention.location and _paren_giver(s, a) is None:
        return named.mention.location, True, False  # "aid to Sudan ($3m) and Chad ($2m)"
    if verb is not None and verb.mention.value("verb") != "include":  # "to Ethiopia (including Eritrea)"
        givers = gazetteer.words("giver_prep")
        for m in s.mentions_in(verb.t1, min(a.t0, verb.t1 + 3)):
            if s.word(m.t0 - 1) in givers or (s.word(m.t0 - 1) == "the" and s.word(m.t0 - 2) in givers):
                break  # "commitments by Sweden ($4m)": the giver, not the one given to
            if m.mention.location and m.mention.location != donor_iso:
                return m.mention.location, True, False
    for k in range(max(lo, 1), a.t0):
        if s.lower[k] in ("to", "for") and (
            s.word(k - 1) in gazetteer.words("aid_noun") or s.word(k - 1) == "relief"
        ):
            # "West German aid to Bolivia will rise to 91 mln marks" (not "her trip to Warsaw")
            for m in s.mentions_in(k + 1, min(a.t0, k + 4)):
                if m.mention.location and m.mention.location != donor_iso:
                    if _more_places(s, m, a.t0):
                        return None, False, True  # "the appeal for Turkey and Syria, up to £5 million"
                    return m.mention.location, True, False
    return None, False, False


def _onward(s: Sentence, m: MentionSpan, stop: int, dest: frozenset[str]) -> str | None:
    """The final destination of aid sent through a place: "to the logistics hub in Egypt for
    delivery to civilians in Gaza" goes to Gaza (data/words.csv `onward`: delivery,
    distribution), within a few words after the first place."""
    onward = gazetteer.words("onward")
    for k in range(m.t1, min(stop, m.t1 + 4)):
        if s.lower[k] in onward:
            later = s.mentions_in(k + 1, min(stop, k + 8))
            place = next((h for h in later if h.mention.location and s.word(h.t0 - 1) in dest), None)
            return place.mention.location if place is not None else None
    return None


def _place_after(s: Sentence, t0: int, t1: int) -> bool:
    """Whether tokens t0:t1 name a country or a place."""
    return any(m.mention.location for m in s.mentions_in(t0, t1))


def _more_places(s: Sentence, m: MentionSpan, stop: int) -> bool:
    """Whether a place opens a list of places: "Malawi and Mozambique", "South Sudan, Ethiopia
    and Kenya" (a comma alone does not make one: "South Africa, U.S. officials said")."""
    k, places = m.t1, {m.mention.location}
    while k < stop:
        j = k
        while j < stop and s.lower[j] in (",", "and", "or"):
            j += 1
        nxt = next(iter(s.mentions_in(j, min(stop, j + 5))), None)
        if j == k or nxt is None or nxt.t0 != j or not nxt.mention.location:
            return False
        if s.lower[j - 1] in ("and", "or"):
            after = _past(s, nxt.t1, stop, gazetteer.words("aux_verb"))
            verb = s.mention_at(after)
            # "to Nepal, and South Korea says it will", "to Zimbabwe, and South Africa's military
            # deployed": a clause of its own opens
            opens = (
                s.word(after) in gazetteer.words("speech_verb")
                or (verb is not None and verb.mention.has("verb"))
                or s.word(nxt.t1) in ("'s", "’s")
            )
            if opens and "," in s.lower[k:j]:
                return False
            return len(places | {nxt.mention.location}) > 1
        places.add(nxt.mention.location)
        k = nxt.t1
    return False


def _budget_level(s: Sentence, a: AmountSpan, lo: int, hi: int) -> bool:
    """Whether an amount is a budget's new level, or the rise to it, with no destination:
    "increased overseas aid by 10 per cent to $2.1 billion", "programs increased by $13
    million to $146 million". A level with a destination ("aid to Bolivia will rise to 91
    mln marks") and a rise alone ("increased its assistance to the crisis by $30 million")
    are pledges."""
    rises = gazetteer.words("increase_verb")
    if not any(w in rises for w in s.lower[lo : a.t0]):
        return False
    if any(w in gazetteer.words("gift_noun") for w in s.lower[lo : a.t0]):
        return False  # "Britain raised its contribution to £15 million": one gift's new level
    levels = [b for b in s.amounts if lo <= b.t0 < hi and s.word(b.t0 - 1) == "to"]
    if not levels or (a not in levels and not (s.word(a.t0 - 1) == "by" and a.t1 <= levels[0].t0)):
        return False
    return all(_recipient(s, b, lo, hi, None, None)[0] is None for b in levels)


def _level_beside_its_rise(s: Sentence, a: AmountSpan, lo: int) -> bool:
    """Whether a sum is the new level a giver's aid was raised to, when the sentence states the
    rise too: "Australia has increased its commitment to A$10 million, adding A$5 million to the
    initial A$5 million" (words.csv increase_verb, then "to"; the rise opened by a word of
    words.csv increment_word). GUIDELINES.md labels the same-day pledge, not the level."""
    if s.word(a.t0 - 1) != "to" or gazetteer.words("increase_verb").isdisjoint(s.lower[lo : a.t0]):
        return False
    opens = gazetteer.words("increment_word")
    return any(
        b.t0 > a.t1 and b.amount.is_money and not opens.isdisjoint(s.lower[max(a.t1, b.t0 - 2) : b.t0])
        for b in s.amounts
    )


def _lead_places(s: Sentence, a: AmountSpan) -> tuple[str | None, bool, bool] | None:
    """Where a sentence that opens on a place phrase sends its aid: "In Rwanda, Australia is
    providing $500,000" goes to Rwanda; "In Guatemala and Honduras, USDA will provide $30M"
    goes to no single country. None when the sentence does not open so."""
    if s.word(0) not in gazetteer.words("dest_prep") or "," not in s.lower[: a.t0]:
        return None
    comma = s.lower.index(",", 0, a.t0)
    # countries only: a city that opens a sentence is more often where donors met ("In Geneva,")
    places = {m.mention.location for m in s.mentions_in(1, comma, "country") if m.mention.location}
    if not places or s.mentions_in(1, comma, "region"):
        return None
    if len(places) > 1:
        return None, False, True
    return places.pop(), True, False


def _list_link(s: Sentence, b: AmountSpan, a: AmountSpan) -> bool:
    """Whether `a` is the next item after `b` of a list of amounts each followed by its giver:
    "$400 million from Saudi Arabia, $150 million from Japan and ...": between them "from" or
    "by", a donor's name, and a comma or "and"."""
    m = _own_giver(s, b)
    rest = s.lower[m.t1 : a.t0] if m is not None else []
    return bool(rest) and all(w in (",", "and") for w in rest)


def _own_giver(s: Sentence, b: AmountSpan) -> MentionSpan | None:
    """The donor named by "from"/"by" right after an amount (and the goods it counts):
    "$150 million from Japan", "2,000 tonnes of rice from Thailand"."""
    return _giver_at(s, b.t1 if b.amount.is_money else _goods_after(s, b)[2])


def _giver_at(s: Sentence, k: int) -> MentionSpan | None:
    """The donor "from"/"by" at token k names: "from Japan", "from the Government of Japan"."""
    if s.word(k) not in gazetteer.words("giver_prep"):
        return None
    j = k + 1 + (s.word(k + 1) == "the")
    if s.word(j) in gazetteer.words("authority") and s.word(j + 1) == "of":
        j += 2  # "¥500 million from the Government of Japan"
    m = s.mention_at(j)
    return m if m is not None and entity_of(m.mention) is not None else None


@cache
def _giver_list_openers() -> tuple[list[str], ...]:
    """The phrases of words.csv giver_list_opener, each as its words."""
    return tuple(p.split() for p in gazetteer.words("giver_list_opener"))


def _paren_giver(s: Sentence, a: AmountSpan) -> MentionSpan | None:
    """The donor named right before an amount in parentheses, in a list that "by" or "from"
    (words.csv giver_prep) opens: "commitments by Sweden ($4m), Norway (£3m) and Japan
    ($2m)". Not in a list of destinations ("aid to Chad ($3m) and Niger ($2m)")."""
    giver = _before_paren(s, a)
    if giver is None:
        return None
    k = giver.t0
    while True:
        k -= s.word(k - 1) == "the"
        if s.word(k - 1) in gazetteer.words("giver_prep"):
            return giver
        # "contributions announced by EU Member States - among them Germany (EUR 200 million)":
        # a list of the givers "by" or "from" names (not "aid to several countries, including")
        opener = next((o for o in _giver_list_openers() if s.lower[max(0, k - len(o)) : k] == o), None)
        if opener is not None:
            preps = gazetteer.words("giver_prep") | gazetteer.words("dest_prep")
            near = [w for w in s.lower[max(0, k - len(opener) - 10) : k - len(opener)] if w in preps]
            return giver if near and near[-1] in gazetteer.words("giver_prep") else None
        if s.word(k - 1) not in (",", "and"):
            return None
        while s.word(k - 1) in (",", "and"):
            k -= 1
        # the item before: "Sweden ($4m)", or one whose sum is not read ("Germany (â¬2m)")
        if s.word(k - 1) != ")":
            return None
        opening = next((j for j in range(k - 2, max(-1, k - 8), -1) if s.word(j) == "("), None)
        earlier = next(
            (m for m in s.mentions_in(max(0, k - 16), k) if m.t1 == opening and entity_of(m.mention)),
            None,
        )
        if earlier is None:
            return None
        k = earlier.t0


def _gapped_giver(s: Sentence, a: AmountSpan) -> MentionSpan | None:
    """The giver right before an amount whose verb a list leaves out: in "Saudi Arabia
    pledged $500 million, the UAE $300 million and Kuwait $200 million" the UAE and Kuwait
    each give their own (after a comma or "and", and after an earlier amount of the list;
    words of data/words.csv `sum_opener` may stand between: "the United States an additional
    $100 million")."""
    t0 = a.t0
    while t0 > 0 and s.lower[t0 - 1] in gazetteer.words("sum_opener") and t0 > a.t0 - 3:
        t0 -= 1
    linked = s.word(t0 - 1) in gazetteer.words("giver_link")
    if linked:
        t0 -= 1  # "followed by the World Bank with $2bn and the Asian Development Bank with $1.5bn"
    if s.word(t0 - 1) == ",":
        # "... and Japan, one of Nepal's biggest donors, $7.8 million": past a description
        opening = _aside_opening(s, t0 - 1, 0)
        if opening is not None and s.word(opening + 1) in gazetteer.words("apposition_opener"):
            t0 = opening
    glossed: list[MentionSpan] = []
    if s.word(t0 - 1) == ")":
        # "the Asian Development Bank (ADB) with $1.5bn": the name before its gloss
        opening = next((j for j in range(t0 - 2, max(-1, t0 - 6), -1) if s.word(j) == "("), t0)
        glossed = [m for m in s.mentions_in(opening + 1, t0 - 1) if entity_of(m.mention)]
        t0 = opening
    named = [m for m in s.mentions_in(max(0, t0 - 6), t0) if m.t1 == t0]
    if named and entity_of(named[0].mention) is not None:
        m = named[0]
        k = m.t0 - 1 if s.word(m.t0 - 1) != "the" else m.t0 - 2
    elif glossed:
        # "..., the European Union's humanitarian aid department (ECHO) €10 million": a description
        # the gazetteer does not know, glossed by a name it does
        m, k = glossed[0], t0 - 1
        while (
            k > max(0, t0 - 9)
            and s.lower[k] not in (",", "and")
            and (s.lower[k] == "aid" or not s.mentions_in(k, k + 1, "verb"))  # "humanitarian aid department"
        ):
            k -= 1
    else:
        return None
    if linked and s.word(k) == "by" and s.word(k - 1) in gazetteer.words("ranked"):
        return m  # the first of a ranking: "..., followed by the World Bank with $2bn"
    earlier = [b for b in s.amounts if b.t1 <= k]
    if s.word(k) not in (",", "and") or not earlier:
        return None
    if (
        linked
        and s.word(earlier[-1].t0 - 1) in gazetteer.words("giver_link")
        and not _gapped_giver(s, earlier[-1])
    ):
        return None  # "provided Sudan with $5 million and Chad with $3 million": Sudan takes, so Chad does
    return m


def _gapped_name(s: Sentence, a: AmountSpan, verb: MentionSpan | None) -> Entity | None:
    """A giver the gazetteer does not list, named right before an amount whose verb a list
    leaves out, as _gapped_giver reads a listed one: "The Fiji Sugar Corporation donated
    $250,000, Fiji Airways $500,000 and the Fiji Muslim League $100,000" (the verb gives the
    first sum of the list; a lone place is where a sum goes, not who gives it)."""
    if verb is None or verb.mention.value("verb") != "give":
        return None
    joiners = gazetteer.words("name_joiner")
    words: list[int] = []
    j = a.t0 - 1
    while j >= 0 and (s.doc[j].text[:1].isupper() or (words and s.lower[j] in joiners)):
        words.insert(0, j)
        j -= 1
    skip = joiners | gazetteer.words("title") | gazetteer.words("time_word")
    while words and (s.lower[words[0]] in skip or s.lower[words[0]] in gazetteer.months()):
        words.pop(0)
    if not words:
        return None
    k = words[0] - 1 - (s.word(words[0] - 1) == "the")
    earlier = [b for b in s.amounts if b.t1 <= k]
    if s.word(k) not in (",", "and") or not earlier or not verb.t1 <= earlier[0].t0:
        return None
    inside = s.mentions_in(words[0], words[-1] + 1)
    if any(m.t0 == words[0] and m.t1 == words[-1] + 1 for m in inside):
        return None  # a name the gazetteer knows whole: a place where the sum goes, or _gapped_giver's
    return Entity(" ".join(s.doc[t].text for t in words), None, "private")


def _before_paren(s: Sentence, a: AmountSpan) -> MentionSpan | None:
    """The donor-capable mention right before an amount in parentheses: "Norway (£3m)"."""
    if s.word(a.t0 - 1) != "(" or s.word(a.t1) != ")":
        return None
    return next(
        (m for m in s.mentions_in(max(0, a.t0 - 8), a.t0 - 1) if m.t1 == a.t0 - 1 and entity_of(m.mention)),
        None,
    )


def _list_head(s: Sentence, a: AmountSpan) -> AmountSpan:
    """The first item of the "amount from donor" list `a` belongs to (`a` itself when none):
    the verb or aid noun that governs the first governs them all."""
    i = s.amounts.index(a)
    while i > 0 and _list_link(s, s.amounts[i - 1], s.amounts[i]):
        i -= 1
    return s.amounts[i]


def _only_modifiers(s: Sentence, t0: int, t1: int) -> bool:
    """Whether tokens t0:t1 are words or hyphens that qualify a noun after them ("flood-hit",
    "new"), not a preposition or a comma that opens another phrase."""
    stop = gazetteer.words("dest_prep") | gazetteer.words("giver_prep")
    return all((w.isalpha() or w == "-") and w not in stop and w != "of" for w in s.lower[t0:t1])


def _channel(s: Sentence, a: AmountSpan, hi: int) -> str | None:
    """The organization aid flows through: "through WFP", "$10 million to UNICEF", an agreement
    "signed with the World Food Programme"."""
    agreed = not gazetteer.words("contract").isdisjoint(s.lower)
    for k in range(max(0, a.t0 - 12), min(hi, a.t1 + 12)):
        word = s.lower[k]
        if (
            word in ("through", "via")
            or (word in ("to", "for") and a.t1 <= k <= a.t1 + 1)
            or (word == "with" and agreed)
        ):
            for m in s.mentions_in(k + 1, k + 24, "org"):
                if m.t0 > k + 3:
                    break
                org = gazetteer.organization_of(m.mention)
                if org is not None and org.kind in _CHANNEL_KINDS:
                    return org.name
    return None


def _remember_names(s: Sentence, lo: int, hi: int, donor: Entity, st: State) -> None:
    """Capitalized words in a donor's subject ("Edouard Saouma") speak for that donor
    when a later sentence names only them ("Saouma also offered ...")."""
    titles = gazetteer.words("title")
    # only in the verb's own clause: not "doses of Bavarian Nordic's vaccine to Congo, and the
    # Commission's authority is donating", whose owner of a product speaks for no one
    opens = [k for k in range(max(lo, 1), hi) if s.lower[k] == "and" and s.word(k - 1) == ","]
    for k in range(max(lo, 1, *(o + 1 for o in opens)), hi):
        tok = s.doc[k].text
        if tok[:1].isupper() and tok.isalpha() and not s.covers(k) and s.lower[k] not in titles:
            st.names.setdefault(tok, donor)


# ---------------------------------------------------------------------------------------------
# One sentence


def read_pledges(s: Sentence, art: Article, st: State, drafts: list[Draft], appeals: list[Appeal]) -> None:
    """Append the sentence's pledges to `drafts` and its appeals to `appeals`."""
    asked = _table_row_appeals(s, art)
    if asked:
        appeals.extend(asked)
        return
    item = _item_start(s)
    starts_with_amount = bool(s.amounts) and (
        s.amounts[0].t0 == item or (item > 0 and _worth_opens(s, item, s.amounts[0].t0))
    )
    include_at = _including_at(s)
    # a colon, or a dash between two sums, opens the parts of the sum before it
    colon = next(
        (
            k
            for k, w in enumerate(s.lower)
            if w == ":"
            or (
                w in ("—", "–")
                and any(b.t1 == k for b in s.amounts)
                and any(b.t0 == k + 1 for b in s.amounts)
            )
        ),
        None,
    )
    if (
        include_at is None
        and colon is not None
        and any(b.t1 <= colon for b in s.amounts)
        and any(b.t0 > colon for b in s.amounts)
    ):
        # "allocated €6.5 million: €3.5 million for Turkey and €3 million for Syria": after a sum,
        # a colon opens its parts as "including" does
        include_at = colon
    before = len(drafts)
    appeal_at: list[tuple[int, int]] = []  # (token, index in appeals) of this sentence's appeals
    if starts_with_amount and st.header is not None and st.header[1] == s.index - 1:
        # the first item of a list right after its header: the header's donor gives it
        donor, index, status = st.header
        if donor != st.last_donor:
            st.last_status = status or "pledged"  # not what another donor did
        elif status:
            st.last_status = status
        st.last_donor, st.last_pledge_sent = donor, index
    for a in s.amounts:
        n_appeals = len(appeals)
        _read_amount(s, a, art, st, drafts, appeals, include_at, starts_with_amount)
        appeal_at += [(a.t0, i) for i in range(n_appeals, len(appeals))]
        if s.is_conversion(a) and a.amount.is_money:
            main = next((b for b in s.amounts if b.t1 == a.t0 - 1), None)
            if main is not None and main.amount.is_money:
                st.conversions.append(
                    (main.amount.value, str(main.amount.currency), a.amount.value, str(a.amount.currency))
                )
    parts_at = include_at if include_at is not None else colon
    if parts_at is not None and sum(t > parts_at for t, _ in appeal_at) >= 2:
        # "plans ... seek $2.2 billion, including $935 million for Burkina Faso, ...", "seeking
        # $11.1 billion: $5.4 billion for ... and $5.7 billion for ...": an appeal broken into
        # parts is labelled by its parts (GUIDELINES.md); one part alone ("US$245 million ..., of
        # which US$95 million is needed urgently") breaks nothing down
        for i in sorted((i for t, i in appeal_at if t < parts_at), reverse=True):
            del appeals[i]
    if len(drafts) == before:
        st.header = _header(s, art)
    if (
        # "Selected pledges to Gavi for 2021–2025:": years and dates are no sums
        not any(b.amount.is_money or b.amount.unit for b in s.amounts)
        and (s.text.rstrip().endswith(":") or is_heading(s.text))  # "Major pledges" over a list
        and (not gazetteer.words("pledge_list").isdisjoint(s.lower) or _givers_give(s))
    ):
        # "New contributions confirmed in March:", "The IFRC acknowledges the following
        # contributions:" (data/words.csv pledge_list): each line after it gives by its label's
        # giver; not "The funding is allocated as follows:", whose labels are where it goes
        st.pledge_list = s.index
        st.list_open = True
    else:
        # "Chitakale Tea Estates | 30 tonnes of maize": a line of the list keeps it open for
        # the next, past lines with no sum read ("Telenet Malawi | K150 million")
        # a table's first line that states its unit ("| Donor | Amount (US$ million) |") too
        st.list_open = st.list_open and (_item_start(s) > 0 or stated_unit(s.text) is not None)


def _worth_opens(s: Sentence, k: int, t0: int) -> bool:
    """Whether a list item's words from token `k` name goods at the worth the sum at `t0`
    states, with no verb: "Japan: tents, blankets and plastic sheets worth ¥14 million"
    (words.csv valued)."""
    j = t0 - 1 - (s.word(t0 - 1) == "at")
    return (
        k < j
        and s.word(j) in gazetteer.words("valued")
        and not s.mentions_in(k, t0, "verb")
        and any(m.mention.has("goods") for m in s.mentions_in(k, j))
    )


def _givers_give(s: Sentence) -> bool:
    """Whether a list's header says that several givers give, naming none: "Several Member
    States have offered in-kind assistance:", "The following countries have pledged:" (a
    plural noun of givers, data/words.csv giver_plural, as the subject of a verb of giving);
    its lines' labels are the givers (not "The funding is allocated as follows:", whose
    labels are where it goes)."""
    aux = gazetteer.words("aux_verb")
    for v in s.mentions_in(0, s.n, "verb"):
        if v.mention.value("verb") != "give":
            continue
        k = _back_over(s, v.t0 - 1, s.clause_bounds(v.t0)[0], aux)
        if s.word(k) in gazetteer.words("giver_plural") and not s.covers(k):
            return True
    return False


def _under_list(s: Sentence, st: State) -> bool:
    """Whether sentence `s` is a line of a list of given aid: within two sentences of its
    header, or with nothing but the list's lines read since."""
    return s.index - st.pledge_list <= 2 or st.list_open


def _next_item(s: Sentence, a: AmountSpan, drafts: list[Draft]) -> bool:
    """Whether a sum with no verb of its own follows a sum of its sentence read as a pledge,
    joined by "and", a comma or a semicolon with no verb between: "$1.5 million will go through the WFP
    ... and $1 million through UNICEF" is the same giver's next item."""
    if not drafts or drafts[-1].sentence is not s:
        return False
    # past a small bare count: "$4.2bn over three years, followed by the World Bank with $2bn"
    prev = max((b for b in s.amounts if b.t1 <= a.t0 and _weighty(b)), key=lambda b: b.t1, default=None)
    if prev is None or prev.t0 != s.tok(drafts[-1].amount.start):
        return False
    between = s.lower[prev.t1 : a.t0]
    verbs = [v for v in s.mentions_in(prev.t1, a.t0, "verb") if v.mention.value("verb") != "noun"]
    # "..., and $1.5 million will support the disaster office": a sum as the subject of its own clause
    subject = s.word(a.t0 - 1) == "and" and s.word(a.t1) in gazetteer.words("future")
    # "3 million dollars through WFP for food; 2 million dollars through UNICEF": a semicolon too
    return bool({"and", ",", ";"} & set(between)) and (not verbs or subject)


def _gapped_part(s: Sentence, a: AmountSpan, drafts: list[Draft], donor: Entity) -> bool:
    """Whether a sum after "and" goes somewhere with the verb of the giver's sum before it in the
    sentence left out: "€8 million will go to humanitarian assistance, and €12 million to
    programmes supporting migrants" (a destination preposition right after it)."""
    return (
        bool(drafts)
        and drafts[-1].sentence is s
        and drafts[-1].donor == donor
        and s.word(a.t0 - 1) == "and"
        and s.word(a.t1) in gazetteer.words("dest_prep")
    )


def _including_at(s: Sentence) -> int | None:
    """The first token of the first phrase that opens the parts of a total (data/words.csv
    `including`: "including", "of which")."""
    found = _including().search(s.low)
    return s.tok(found.start()) if found is not None else None


@cache
def _including() -> re.Pattern[str]:
    """The phrases of data/words.csv `including`, as whole words (a row may be several words)."""
    return re.compile(gazetteer.alternation(gazetteer.words("including")))


def _label_giver(s: Sentence, a: AmountSpan, under_header: bool = False) -> Entity | None:
    """The giver a list line's label names: "Germany: EUR 200 million", "- Citi Foundation: $3
    million to the WFP" (the label is one name and nothing else, the sum opens the line).
    Under a header of given aid, an unlisted name ending the label gives too: "• Kano-based
    businessman Alhaji Sani Bello Dutse: N500 million"."""
    m = _label_name(s, a)
    if m is not None:
        return entity_of(m.mention)
    start = _item_start(s)
    if not under_header or start == 0 or s.amounts[0] is not a or a.t0 != start:
        return None
    lead = int(s.word(0) == "|")
    if s.word(lead) in gazetteer.words("private_label"):
        # "Private (individuals and organizations) | 3,100,000": private givers, as the label says
        return Entity(s.text[s.tok_starts[lead] : s.tok_starts[start - 1]].strip(), None, "private")
    joiners = gazetteer.words("name_joiner")
    k = start - 2  # the last word of the label, before its colon or dash
    while k >= 0 and (s.doc[k].text[:1].isupper() or s.lower[k] in joiners):
        k -= 1
    words = [t for t in range(k + 1, start - 1)]
    while words and s.lower[words[0]] in joiners:
        words.pop(0)
    if not words or s.mentions_in(words[0], start - 1, "verb"):
        return None
    if all(s.lower[t] in gazetteer.words("sector") | joiners for t in words):
        return None  # "Shelter: Some 12,000 shelter kits have been distributed": a sector, no giver
    return Entity(" ".join(s.doc[t].text for t in words), None, "private")


def _label_givers(s: Sentence, a: AmountSpan) -> list[Entity]:
    """The givers a list line's label names when each gives the line's sum: "Saudi Arabia and
    the United Arab Emirates: US$150 million each" (data/words.csv distributive right after
    the sum; the label holds only the names and what joins them)."""
    start = _item_start(s)
    if start == 0 or s.amounts[0] is not a or _past(s, start, a.t0, gazetteer.words("sum_opener")) != a.t0:
        return []
    if gazetteer.words("distributive").isdisjoint(s.lower[a.t1 : a.t1 + 2]):
        return []
    named = [m for m in s.mentions_in(0, start - 1) if entity_of(m.mention) is not None]
    inside = {t for m in named for t in range(m.t0, m.t1)}
    glue = (",", "and", "&", "the", "-", "|", "•", "*")
    if len(named) < 2 or any(t not in inside and s.lower[t] not in glue for t in range(start - 1)):
        return []
    return [e for m in named if (e := entity_of(m.mention)) is not None]


def _each_from(s: Sentence, a: AmountSpan) -> list[Entity]:
    """The givers a list after "each from" names (data/words.csv distributive, giver_prep):
    "received $1 million each from Japan and South Korea". None for one giver."""
    k = a.t1
    if s.word(k) not in gazetteer.words("distributive") or s.word(k + 1) not in gazetteer.words("giver_prep"):
        return []
    group: list[Entity] = []
    t = k + 2
    while True:
        t += s.word(t) == "the"
        m = s.mention_at(t)
        e = entity_of(m.mention) if m is not None else None
        if m is None or e is None:
            break
        group.append(e)
        t = m.t1 + (s.word(m.t1) == ",")
        if s.word(t) == "and":
            t += 1
        elif s.word(t - 1) != ",":
            break
    return group if len(group) > 1 else []


def _label_name(s: Sentence, a: AmountSpan) -> MentionSpan | None:
    """The one name a list line's label holds, when the line's sum opens it after the label."""
    start = _item_start(s)
    # "United States: an additional $100 million": a few words may open the sum, or goods at
    # their worth ("Japan: tents and blankets worth ¥14 million")
    if (
        start == 0
        or s.amounts[0] is not a
        or (_past(s, start, a.t0, gazetteer.words("sum_opener")) != a.t0 and not _worth_opens(s, start, a.t0))
    ):
        return None
    # a gloss in brackets explains the name before it ("(CAR HF)", "(KSrelief)"): not a second name
    gloss = s.lower.index("(") if "(" in s.lower[: start - 1] else start - 1
    closing = next((k for k in range(gloss, start) if s.lower[k].startswith(")")), None)
    named = [m for m in s.mentions_in(0, gloss) if entity_of(m.mention) is not None]
    if not named or len({entity_of(m.mention) for m in named}) != 1:
        return None
    m = named[0]
    # "Saudi Arabia (KSrelief) — 2,000 MT of dates": the name may be glossed in brackets;
    # "Swiss Government — CHF 300'000": or named with its government (data/words.csv authority)
    end = m.t1
    if s.word(end) == "(" and closing is not None:
        end = closing + (s.lower[closing] == ")")
    end = _past(s, end, start - 1, gazetteer.words("authority"))
    if any(w.isalnum() and w != "the" for w in s.lower[: m.t0]) or end != start - 1:
        return None
    return m


def _rest_label(s: Sentence) -> bool:
    """Whether a list line's label names the rest of the list, not a giver ("Other donors |",
    "Others:", data/words.csv rest_label)."""
    start = _item_start(s)
    first = next((w for w in s.lower[:start] if w.isalpha()), None)
    return start > 0 and first in gazetteer.words("rest_label")


def _item_start(s: Sentence) -> int:
    """The token a list item's own words start at: after a short leading label that ends
    with a colon or a dash (data/words.csv label_mark: "Personal Protective Equipment: 15
    million masks", "Germany — EUR 40 million"), else 0."""
    marks = gazetteer.words("label_mark")
    lead = int(s.word(0) == "|")  # "| Germany | EUR 20,000,000 |": a row of a Markdown table
    colon = next(
        (
            k
            for k in range(lead, min(s.n, _LABEL_TOKENS + 1 + lead))
            # "(CAR HF):" is tokenized with the bracket: "):"
            if s.lower[k] in marks or (s.lower[k][-1:] in marks and set(s.lower[k][:-1]) == {")"})
        ),
        None,
    )
    verbs = [  # "The funding will be distributed as follows:" is a label; "Japan pledged:" is not
        v
        for v in s.mentions_in(0, colon or 0, "verb")
        if v.mention.text.lower() not in gazetteer.words("object_verb")
    ]
    if colon is None or colon == lead or verbs:
        return 0
    cells = s.lower[colon + 1 : s.n - 1 if lead and s.lower[-1] == "|" else s.n]
    if s.lower[colon] == "|" and "|" in cells:
        # "Ethiopia | 20.1 million | $3.99 billion": a row of a wider table with figures in several
        # cells is no label; "| China | 1 billion yuan | emergency aid including tents |" is one:
        # the cells after its sum say what it is for
        second = colon + 1 + cells.index("|")
        if any(b.t0 > second for b in s.amounts) or not any(colon < b.t0 < second for b in s.amounts):
            return 0
    return colon + 1


def _defined_before(s: Sentence, art: Article, verb_t0: int, lo: int) -> Entity | None:
    """The giver a subject of "the" and the last word of its name stands for, named earlier in
    the article: "the Centre will provide" after "the King Salman Humanitarian Aid and Relief
    Centre (KSrelief)", "the Bank said" after "the African Development Bank" (the noun
    capitalized, as a name's short form is)."""
    k = _back_over(s, verb_t0 - 1, lo, gazetteer.words("aux_verb"))
    if k - 1 < lo or s.lower[k - 1] != "the" or k - 1 != lo and s.lower[k - 2] not in (",", "and"):
        return None
    word = s.lower[k]
    if not s.doc[k].text[:1].isupper() or s.mention_at(k):
        return None  # "the fund has provided loans" is any fund
    at = s.start + s.tok_starts[k]
    named = [
        m
        for m in art.mentions
        if m.start < at and m.has("org") and m.text.split()[-1].lower() == word and entity_of(m) is not None
    ]
    return entity_of(named[-1]) if named else None


def _header(s: Sentence, art: Article) -> tuple[Entity, int, str] | None:
    """(donor, sentence index, status of its verb) when a sentence names a donor without
    stating a pledge of its own, as the header of a list of allocations may: "Australia's
    support for Mali includes:" (a possessive before an aid noun, words.csv aid_noun),
    "Norway will provide the following:" (the subject right before an aid verb)."""
    aid, aux = gazetteer.words("aid_noun"), gazetteer.words("aux_verb")
    verbs = [v for v in s.mentions_in(0, s.n, "verb") if v.mention.value("verb") in ("give", "include")]
    status = next((v.mention.extra("verb") for v in verbs if v.mention.extra("verb")), "")
    for m in s.mentions:
        if s.word(m.t1) not in ("'s", "’s"):
            continue
        entity = entity_of(m.mention)
        if entity is not None:
            k = m.t1 + 1
            noun = next((j for j in range(k, min(s.n, k + 3)) if s.lower[j] in aid), None)
            if noun is not None and _only_modifiers(s, k, noun):
                return entity, s.index, status
    for v in verbs:
        subj = _subject_entities(s, s.clause_bounds(v.t0)[0], v.t0)
        if subj and all(w in aux for w in s.lower[subj[-1].t1 : v.t0]):
            entity = entity_of(subj[-1].mention)
            if entity is not None:
                return entity, s.index, status  # "Norway will provide", not "Mali's needs include"
        defined = _defined_before(s, art, v.t0, s.clause_bounds(v.t0)[0])
        if defined is not None:
            return defined, s.index, status  # "Under the agreements, the Centre will provide:"
    return None


def _new_speaker(s: Sentence, lo: int, t0: int) -> int:
    """Where what is said of the amount at `t0` starts: at a giver that ", and" brings in with a
    verb of speech of its own before it ("Switzerland committed 18 million Swiss francs for
    Niger, and Japan said its $12 million would go to ...": Japan's sum, not Switzerland's;
    data/words.csv speech_verb); else at `lo`, its clause's start."""
    speech = gazetteer.words("speech_verb")
    for k in range(t0 - 2, lo, -1):
        if s.lower[k] != "and" or s.lower[k - 1] != ",":
            continue
        m = s.mention_at(k + 1 + (s.word(k + 1) == "the"))
        if m is None or entity_of(m.mention) is None:
            return lo
        if any(s.lower[j] in speech for j in range(m.t1, min(t0, m.t1 + 3))):
            return k + 1
        return lo
    return lo


def _read_amount(
    s: Sentence,
    a: AmountSpan,
    art: Article,
    st: State,
    drafts: list[Draft],
    appeals: list[Appeal],
    include_at: int | None,
    starts_with_amount: bool,
) -> None:
    amount = a.amount
    if amount.is_range or s.is_conversion(a) or _range_of_sums(s, a):
        return  # "30 to 35 mln dlrs", "$1m (£525,000)", "$3 billion to $5 billion"
    unit = commodity = None
    goods_end = a.t1
    if not amount.is_money:
        unit, commodity, goods_end = _goods_of(s, a)
        if unit is None:
            return  # a count of people, years, percentages: not a pledge
        if _size_of_counted(s, a):
            return  # the "25kg" of "2,000 bags of 25kg rice": the size of each, counted with them
        if unit in gazetteer.words("vehicle") and (
            # "18 trucks carrying 11,000 tonnes": what they carry is counted
            any(
                b.t0 >= a.t1 and not b.amount.is_money and s.clause_id[b.t0] == s.clause_id[a.t0]
                for b in s.amounts
            )
            # "carried in 50 trucks": how goods counted elsewhere travel; "two 40-foot containers": a size
            or s.word(a.t0 - 1) in ("in", "by", "aboard", "on")
            or s.word(a.t1) == "-"
            # loaded: "20 trucks loaded with food", "12 containers of clothing" (not "200 trucks
            # were counted at the border")
            or s.word(a.t1 + 1) not in gazetteer.words("load_word")
        ):
            return
    elif amount.value < 1000:
        return
    lo, hi = s.clause_bounds(a.t0)
    lo = _new_speaker(s, lo, a.t0)
    if include_at is not None and include_at < a.t0 and s.lower[include_at] in ("—", "–"):
        # "Japan pledged $30 million — $20 million for Syria and ...": a part after a dash is read
        # in its total's clause
        lo = s.clause_bounds(include_at - 1)[0]
    # a small bare count before the sum ("has so far sent 17 planes and three ships carrying
    # 1,500 tonnes") does not start what is said of it, as one after it does not end it
    win_lo = max([lo, *(b.t1 for b in s.amounts if b.t1 <= a.t0 and b is not a and _weighty(b))])
    # a small bare number after the sum ("over two decades") does not end what is said of it
    win_hi = min(
        [
            hi,
            # (past the sum's own conversion: "KD 2 million (about USD 6.6 million) since 2011")
            *(
                b.t0
                for b in s.amounts
                if b.t0 >= a.t1
                and b is not a
                and _weighty(b)
                and not (s.is_conversion(b) and b.t0 <= a.t1 + 3)
            ),
        ]
    )
    # "the first load of 20,000 tonnes"; "The first batch of supplies, consisting of 1,000 tents";
    # "... carrying 3,000 tents, the first batch of supplies under the package"
    portion = any(
        s.cues(*span, "portion")
        for span in ((max(lo, a.t0 - 4), a.t0), (lo, min(a.t0, lo + 4)), (a.t1, win_hi))
    )
    if (
        not amount.is_money
        and (
            any(
                not s.cues(max(lo, m.t0 - 3), m.t0, "beside_money")
                # "approved the donation of 50 tonnes of food": the goods are the donation
                and not (s.word(m.t1) == "of" and a.t0 <= m.t1 + 2)
                for m in s.cues(lo, a.t0, "money_anaphor")
            )
            or (include_at is not None and include_at < a.t0 and "$" in s.text[: a.start])
        )
    ):
        # "The aid will include 30,000 tonnes of wheat": goods the money pledge buys (but not
        # "In addition to this funding, the air force flew 12 tonnes")
        return
    if not amount.is_money and _bought(s, a, lo):
        return  # "$220,000 to CARE for 375 tonnes of beans": goods the money pledge buys
    costs = [k for k in range(max(lo, a.t0 - 3), a.t0) if s.lower[k] in gazetteer.words("cost")]
    at_cost = any(s.lower[k - 2 : k] == ["at", "a"] for k in costs)
    if costs and not at_cost:
        return  # "will cost Ecuador 800 mln dlrs" (not "to finance ... at a cost of $4 million")
    if (
        amount.is_money
        and _valued(s, a)
        and any(
            not b.amount.is_money
            and lo <= b.t0
            and b.t1 <= a.t0
            # a count of something: not a dateline's "Jumada II 28, 1440," nor "eight agreements
            # worth more than $54 million"
            and s.word(b.t1).isalpha()
            and s.word(b.t1) not in gazetteer.words("contract")
            # goods ("tonnes", data/goods.csv), not the works a sum pays for at a cost ("to finance
            # 30 boreholes ... at a cost of $4 million")
            and (not at_cost or _goods_of(s, b)[0] is not None)
            for b in s.amounts
        )
    ):
        return  # "30,000 tonnes of cereals worth six mln sterling": labelled by quantity
    verb = _verb_near(s, a, lo, hi, goods_end if not amount.is_money else None)
    whole = _whole_after_portion(s, a, goods_end) if portion else None
    if whole is not None:
        # "..., the first batch of 5,000 tonnes pledged by President Samia": the whole pledge the
        # portion is of, stated with its own participle
        portion, verb = False, whole
    head = _list_head(s, a)
    if verb is None and head is not a:
        verb = _verb_near(s, head, lo, hi)  # "Pledges of $400 million from A, $150 million from B"
    if verb is None:
        last = _goods_list(s, a)[-1]
        if last is not a:  # "1,100 cylinders, 1,700 concentrators and 200 ventilators were delivered by"
            end = _list_item_end(s, last)
            verb = _verb_near(s, last, lo, hi, end[0] if end and not last.amount.is_money else None)
    if (
        verb is not None
        and verb.t0 < a.t0
        and s.word(a.t0 - 1) == "and"
        and s.word(goods_end) in gazetteer.words("future")
        and _next_item(s, a, drafts)
    ):
        verb = None  # "$2 million will go to NGOs, and $1.5 million will support ...": a clause of its own
    noun_status = None
    if verb is not None and verb.mention.has("verb", "noun"):
        got = s.mentions_in(max(lo, verb.t0 - 3), verb.t0, "verb", "receive")
        if got and _only_modifiers(s, got[-1].t1, verb.t0):
            # "Pakistan received pledges of $9 billion": its subject is given to; the noun says
            # what was received
            noun_status, verb = verb.mention.extra("verb"), got[-1]
    inherited = verb is None
    # a line of a list of pledges right after its header, or after a line whose label gave:
    # "Germany — EUR 40 million" under "New contributions confirmed in March:"
    labelled = (
        inherited
        and (_under_list(s, st) or s.index - st.label_line <= 2)
        and _label_giver(s, a, under_header=True) is not None
    )
    given = inherited and (labelled or _given_subject(s, a, goods_end))
    subject_sum = inherited and (given or _subject_sum(s, a, goods_end))
    if inherited and _rest_label(s):
        return  # "Other donors | 45.9", "Others: $3 million": the rest of a list, given by no one named
    if inherited and not (
        given
        or (
            (starts_with_amount or subject_sum or _next_item(s, a, drafts) or _valued_agreement(s, a))
            and st.last_donor
            and s.index - st.last_pledge_sent <= _CONTEXT_SENTENCES
        )
    ):
        return  # no aid verb, and not an item of a list of allocations nor a part of the last pledge
    role = (verb.mention.value("verb") or "") if verb else "inherit"
    if (
        role == "receive"
        and verb is not None
        and verb.t0 < a.t0
        and (
            not gazetteer.words("appeal_noun").isdisjoint(s.lower[max(lo, verb.t0 - 12) : verb.t0])
            # "had received only $110 million towards this year's plan"
            or (
                s.word(a.t1) in ("towards", "toward", "for")
                and not gazetteer.words("appeal_noun").isdisjoint(s.lower[a.t1 : min(hi, a.t1 + 6)])
            )
        )
        and not any(_giver_at(s, k) for k in range(a.t1, min(hi, a.t1 + 4)))
    ):
        # "the 2017 Humanitarian Response Plan (HRP), which as of 24 March had received $270
        # million": what an appeal has received from no one named is its funding, no pledge
        return
    status = noun_status or (verb.mention.extra("verb") if verb else "")
    if role == "include" and verb is not None:
        heads = [
            v for v in s.mentions_in(0, verb.t0, "verb") if v.mention.value("verb") in ("give", "appeal")
        ]
        if heads and heads[-1].mention.value("verb") == "appeal":
            verb, role = heads[-1], "appeal"  # "UN humanitarian appeals, including $1.7 billion"
    if role == "appeal" and verb is not None and _public_appeal(s, a, verb):
        # "will match donations to the DEC appeal, up to £5 million": the sum is given to the
        # appeal, by the giver of the clause's first aid verb, if any ("Canada will match
        # every dollar donated by individual Canadians to ...": Canada's pledge)
        givers = [v for v in s.mentions_in(lo, verb.t0, "verb") if v.mention.value("verb") == "give"]
        if not givers:
            return
        verb, role, status = givers[0], "give", givers[0].mention.extra("verb")
    if role == "appeal" and verb is not None:
        _read_appeal(s, a, art, lo, hi, verb, appeals)
        return
    if s.cues(lo, a.t0, "hypothetical"):
        return  # "was expected to offer", "could"
    head = None  # the total whose parts "including" opens
    if include_at is not None and include_at < a.t0:
        head = max((b for b in s.amounts if b.t1 <= include_at), key=lambda b: b.t0, default=None)
    conference = _at_conference(s, art)
    # "$50 million in loans and $20 million in grants", "... a security mission, and $33 million in
    # humanitarian aid": what comes before "and" is said of the sum before it
    joined = _back_over(s, a.t0 - 1, win_lo, gazetteer.words("sum_opener"))
    own_lo = joined + 1 if joined > win_lo and s.lower[joined] == "and" and win_lo > lo else win_lo
    # "60 tonnes of humanitarian aid and a team of military engineers": past the goods, what
    # follows "and" and a determiner is another item, its own cues not said of these goods (a
    # sum of money keeps them: "$50 million and a batch of military equipment")
    own_hi = min(win_hi, a.t1 + 8)
    if not amount.is_money:
        own_hi = next(
            (
                k
                for k in range(goods_end, own_hi)
                if s.lower[k] == "and" and s.word(k + 1) in gazetteer.words("determiner")
            ),
            own_hi,
        )
    if (
        _not_aid(s, max(own_lo, a.t0 - 6), own_hi, conference)
        or (head is not None and _not_aid(s, max(lo, head.t0 - 6), head.t1 + 8, conference))
        or _for_armed_forces(s, goods_end if not amount.is_money else a.t1, hi)
    ):
        return  # loans, investments, debt, military aid; or parts of such a total
    if (
        head is not None
        and include_at is not None
        and head.amount.unit is not None
        and not amount.is_money
        and amount.unit is None
        and s.lower[include_at] == "including"
        # (not past a verb of giving of its own: "..., including tents, and Colombia said it
        # would send 2,000 family kits")
        and not s.mentions_in(include_at + 1, a.t0, "verb", "give")
    ):
        return  # "640 tonnes of aid materials, including two field hospitals": what the weight holds
    tail = s.lower[a.t1 : min(win_hi, a.t1 + 6)]
    if any(
        w in ("each", "every", "per") and nxt in ("year", "month")
        for w, nxt in zip(tail, tail[1:], strict=False)
    ) or (s.cues(a.t1, min(win_hi, a.t1 + 6), "recurring")):
        return  # "110,700 tonnes of cereals each year": a standing level, not a pledge
    if not amount.is_money and s.cues(a.t1, min(win_hi, goods_end + 3), "rate"):
        return  # "can produce another 70,000 litres a day": a capacity, not a gift
    if not amount.is_money and head is not None and head.amount.is_money and not _given_apart(s, head, a):
        # "300 million yuan in emergency assistance, including 25,000 tents": what the money
        # buys is the same pledge (GUIDELINES.md)
        return
    cum_before = [
        c
        for c in s.cues(max(win_lo, a.t0 - 12), a.t0, "cumulative")
        if not c.mention.has("cue", "period")
        and (a.t0 - c.t1 <= 8 or c.mention.has("cue", "total"))
        and not _partitive(s, c.t0)
        # "A total of 3,240,000 doses donated by the United States arrived": the sentence's
        # subject is the sum itself
        and not (_opens_sentence(s, c.t0) and s.word(c.t1) == "of" and a.t0 == c.t1 + 1)
        # "the ship brought 30 tonnes of relief": the verb that carries the sum, not "brought the
        # total to"
        and not (verb is not None and c.t0 == verb.t0)
    ]
    # "since" after a verb that sums ("bringing total U.S. aid since the start of the conflict
    # to $1.1 billion") dates the running total, not this amount
    running = [c.t0 for c in s.cues(a.t1, win_hi, "cumulative") if not c.mention.has("cue", "period")]
    cum_period = [
        c
        for c in s.cues(win_lo, win_hi, "period")
        if not any(a.t1 <= r < c.t0 for r in running)
        # "Contributions received to date include US$10 million from ...": the stretch is the
        # total's, and what it includes are the pledges that make it up
        and not (include_at is not None and c.t1 <= include_at < a.t0)
        and not _dates_a_clause_before(s, c, a, lo)
        and not _dates_a_clause_after(s, c, a)
        # "the largest single donation so far", "the largest shipment of aid to reach the island
        # since 2012", "the first supplies to reach the town since December": the superlative or
        # the ordinal, not the sum, runs to date
        and not any(w in gazetteer.words("superlative") for w in s.lower[max(a.t1, c.t0 - 12) : c.t0])
        # "The largest single pledge so far has come from Japan, which has promised 3.05 million"
        and not any(w in gazetteer.words("superlative") for w in s.lower[max(lo, c.t0 - 4) : c.t0])
        # "it has since contributed $2 million": "since" as an adverb, later (not "has now pledged")
        and not (verb is not None and c.t1 == verb.t0 and s.lower[c.t0] in gazetteer.words("later_adverb"))
        # "..., and it has since financed two hospitals", "ships have since sailed": after an
        # auxiliary, "since" is the adverb whatever verb follows
        and not (
            s.lower[c.t0] in gazetteer.words("later_adverb")
            and s.word(c.t0 - 1) in gazetteer.words("aux_verb")
        )
    ]
    if (
        amount.is_money
        and _valued(s, a)
        and s.word(0) in gazetteer.words("definite")
        and s.word(1) in gazetteer.words("goods_anaphor")
    ):
        return  # "The consignment, valued at over Rs. 3.4 billion, was handed over": goods told before
    if _whole_of_part(s, a):
        return  # "$1.75 million of the latest $6.5 million aid package": the part is the news
    if _running_to(s, a, lo):
        return  # "..., taking U.S. flood assistance to Pakistan to more than $200 million"
    if _year_opening(s) and verb is not None and verb.t0 < a.t0:
        return  # "In 2023, Canada provided more than $100 million in assistance": a year's level, background
    if _budget_level(s, a, lo, hi):
        return  # "Australia increased overseas aid by ten per cent to $2.1 billion": a budget, to no one
    if _level_beside_its_rise(s, a, lo):
        return  # "has increased its commitment to A$10 million, adding A$5 million": the rise is the pledge
    old_level = s.word(a.t0 - 1) == "from" or s.lower[a.t0 - 2 : a.t0] == ["from", "the"]
    if old_level and "to" in s.lower[lo : a.t0]:
        # "will rise to 91 mln marks in 1987 from 50 mln in 1986", "to £15 million from the £1.5m"
        return  # the old level
    if art.military_title and not any(w in gazetteer.words("humanitarian") for w in s.lower[lo:hi]):
        return  # an article about a military aid deal: its unqualified sums are military aid
    donor, explicit, verb, status = _donor(
        s, a, art, st, drafts, verb, role, status, lo, hi, goods_end, include_at, unit, commodity
    )
    if donor is None:
        return
    if explicit and any(
        m.mention.has("cue", "not_aid") and entity_of(m.mention) == donor for m in s.mentions_in(lo, hi)
    ):
        return  # "the International Monetary Fund's board approved ... the release of about $1.1 billion"
    # What the rules hold against this sum once its giver is known. Each makes it a doubted
    # candidate (State.doubted) instead of a pledge: the rules drop it, and a fitted keep model
    # (etl.learn.keep_features) weighs it with the rest of what is known of it.
    doubts = []
    if _home_sum(s, a, art, donor):
        doubts.append("home_sum")
    if portion and any(d.donor == donor for d in drafts):
        # "the first load of 20,000 tonnes": part of the donor's pledge counted already (with
        # none before it, "India's first consignment of 15 tonnes" is its pledge)
        doubts.append("portion")
    if (
        verb is not None
        and verb.mention.text.lower() == "raised"
        and "already" in s.lower[max(lo, verb.t0 - 2) : verb.t0]
    ):
        if explicit:
            st.last_donor = donor  # later sentences may speak of the same giver
        doubts.append("tally")  # "the charity has already raised $2 million": a fundraising tally
    comparison = any(c.mention.text.lower().startswith("compar") for c in cum_before)
    # "extended more than AED13 billion ... between 2013 and 2018": given over past years (not
    # "will provide 3 billion yuan ... from 2015 to 2018")
    past_years = (
        (_year_span(s, a.t1, hi) and gazetteer.words("future").isdisjoint(s.lower[lo : a.t0]))
        or _last_year_s_top_donor(s, lo, a.t0)
        # "Turkey says it has spent some $9 billion caring for them": what was spent, a tally
        or (
            verb is not None and verb.t0 < a.t0 and verb.mention.text.lower() in gazetteer.words("spent_word")
        )
    )
    if cum_period or (cum_before and (donor.kind != "various" or comparison)) or past_years:
        # running totals; "donors pledged a total of" stands when no one donor is named
        if explicit:
            st.total_giver = (donor, s.index)
        doubts.append("running_total")
    passive = verb is not None and verb.t0 > a.t0
    if not explicit and not inherited and not passive and not s.cues(lo, a.t0, "money_anaphor"):
        _, named_place, _ = _recipient(s, a, lo, hi, donor.iso3, verb)
        # "The Red Cross will receive $300,000": a named receiver is the channel of the
        # article's current donor, as an item of a list of allocations is
        received = (
            role == "receive"
            and verb is not None
            and (bool(_subject_entities(s, lo, verb.t0)) or _name_before(s, verb.t0, lo) is not None)
        )
        current = donor == st.last_donor and s.index - st.last_pledge_sent <= _CONTEXT_SENTENCES
        # "... worth a total of $312.5 million. Under the agreements: - WFP will receive $140
        # million": the receivers of the parts of a total take from its giver
        of_total = st.total_giver is not None and s.index - st.total_giver[1] <= _CONTEXT_SENTENCES
        current = current or (of_total and st.total_giver is not None and donor == st.total_giver[0])
        # relief goods a ship or plane carries go where the article's aid goes ("The vessel ...
        # is carrying 640 tonnes of aid materials", "will leave Veracruz with 600 tonnes")
        carried = (
            not amount.is_money
            and verb is not None
            and (verb.mention.text.lower() in gazetteer.words("transport") or verb.mention.text == "with")
        )
        if (
            not named_place
            and not _channel(s, a, hi)
            and role != "include"
            and not (received and current)
            and not carried
            # "€8 million will go to humanitarian assistance, and €12 million to programmes ...":
            # the next item of the current giver's list in this sentence
            and not (current and _gapped_part(s, a, drafts, donor))
            # "Kogi, Bayelsa and Anambra states are to receive N500 million each": places receive
            and not (
                role == "receive" and _receivers_each(s, goods_end if not amount.is_money else a.t1, verb, lo)
            )
        ):
            doubts.append("no_giver_or_place")  # "we provided nearly $15 billion"
    if subject_sum:
        status = "pledged"  # "Another $2 million will assist": what the money will do
    elif inherited or (role == "include" and not status):
        status = st.last_status
    status = status if status in ("pledged", "delivered") else "pledged"
    if status == "delivered" and not inherited and verb is not None and _future(s, verb.t0):
        status = "pledged"  # "$50,000 will be provided", "Norway will send": promised, not yet done
    if explicit and donor.name != "various" and verb is not None and not doubts:
        _remember_names(s, lo, verb.t0, donor, st)
    draft = _draft(s, art, a, donor, explicit, verb, status, unit, commodity, lo, hi, include_at)
    if (
        draft.recipient_iso3 is None
        and not explicit
        and not any(m.mention.location or m.mention.has("region") for m in s.mentions_in(0, s.n))
    ):
        # "The donation will be split between two UN agencies, with USD 6 million going to WFP":
        # a part of the giver's last pledge, in a sentence that names no place, goes where it went
        last = next((d for d in reversed(drafts) if d.donor == donor and d.sentence is not s), None)
        if last is not None:
            draft.recipient_iso3 = last.recipient_iso3
    size = _counted_size(s, a, goods_end) if not amount.is_money else None
    if size is not None:
        # "2,000 bags of 25kg rice": 50,000 kg, which normalize states in tonnes (GUIDELINES.md)
        weight = size.amount
        draft.amount = dataclasses.replace(
            weight, value=amount.value * weight.value, raw=s.text[s.tok_starts[a.t0] : weight.end - s.start]
        )
        draft.unit = weight.unit
        draft.commodity = _goods_after(s, size)[1] or draft.commodity
    end = goods_end if not amount.is_money else a.t1
    each, bodies = _each_to(s, end, hi, art), _to_each_of(s, end, hi)
    receivers = _receivers_each(s, end, verb, lo) if role == "receive" and not each else []
    split = _split_among(s, end, hi) if not each else []
    if split:
        # "$100 million, split equally between Syria and Turkiye": a share to each
        draft.amount = dataclasses.replace(amount, value=amount.value / len(split))
    each = each or receivers or split
    if each:
        draft.recipient_iso3, draft.recipient_explicit = each[0], True
    if bodies:
        draft.channel = bodies[0][0]
        if bodies[0][1]:
            draft.recipient_iso3, draft.recipient_explicit = bodies[0][1], True
    # "The Dh10 million will be used to buy food": a sum after a definite determiner restates one
    # (a repeat finish() drops), where an item of a list of allocations is a pledge of its own
    draft.list_item = inherited and s.word(a.t0 - 1) not in gazetteer.words("definite")
    draft.role, draft.passive = role, passive
    if not amount.is_money:
        valued = [
            b for b in s.amounts if goods_end <= b.t0 <= goods_end + 3 and b.amount.is_money and _valued(s, b)
        ]
        if valued:
            value = valued[0].amount
            currency = art.currency_of(value, donor.iso3, donor.kind)
            draft.worth = (value.value, currency)
    if doubts:
        # not a pledge to the rules, so it tells later sentences nothing (no donor, status or list)
        draft.doubts, draft.position = tuple(doubts), len(drafts)
        st.doubted.append(draft)
        return
    drafts.append(draft)
    if not gazetteer.words("distributive").isdisjoint(s.lower[a.t1 : a.t1 + 2]):
        several = _label_givers(s, a)
        if len(several) > 1 and draft.donor == several[-1]:
            # "Saudi Arabia and the United Arab Emirates: US$150 million each": each gives it
            drafts[-1:-1] = [dataclasses.replace(draft, donor=e) for e in several[:-1]]
        several = _each_from(s, a)
        if several and draft.donor == several[0]:
            # "received $1 million each from Japan and South Korea"
            drafts.extend(dataclasses.replace(draft, donor=e) for e in several[1:])
    for iso in each[1:]:
        # "$1 million each to Myanmar and Laos": the whole sum to each place; "Kogi, Bayelsa and
        # Anambra states are to receive N500 million each": three pledges, though to one country
        drafts.append(
            dataclasses.replace(draft, recipient_iso3=iso, recipient_explicit=True, list_item=bool(receivers))
        )
    shares = max(len(each), len(bodies))
    if shares >= 2 and s.word(a.t0 - 1) in gazetteer.words("shares_opener"):
        # "committed $100m to the relief effort, with $50m each for Turkey and Syria": the sum
        # before the shares, in the same sentence, is their total (not "$2 million to Vietnam and
        # $1 million each to Myanmar and Laos": words.csv shares_opener says which are shares)
        for d in drafts:
            if (
                d.sentence is s
                and d.donor == donor
                and d.unit == draft.unit
                and abs(d.amount.value - shares * amount.value) <= 0.01 * d.amount.value
            ):
                d.total_of_parts = True
    for body, works_in in bodies[1:]:
        # "... in cash to each of the Turkish Red Crescent and the Syrian Arab Red Crescent"
        each_one = dataclasses.replace(draft, channel=body)
        if works_in:
            each_one.recipient_iso3, each_one.recipient_explicit = works_in, True
        drafts.append(each_one)
    st.last_donor = donor
    if role != "include":
        st.last_status = status
    st.last_pledge_sent = s.index


def _donor(s, a, art, st, drafts, verb, role, status, lo, hi, goods_end, include_at, unit, commodity):
    """(donor, named in the sentence, the verb that heads it, status) for amount `a`;
    a list of donors pledging "each" adds the others' drafts here."""
    amount = a.amount
    dverb, dlo = verb, lo
    dash = lo if s.word(lo) in ("—", "–") else lo - 1
    opened = next((j for j in range(dash - 1, max(0, dash - 16) - 1, -1) if s.lower[j] in ("—", "–")), None)
    if s.word(dash) in ("—", "–") and opened is not None and verb is not None and verb.t0 < a.t0:
        # "The UAE, which the army accuses of arming the RSF — a charge Abu Dhabi denies — pledged":
        # the subject stands before the dashed aside that opens the verb's clause
        dlo = s.clause_bounds(max(0, opened - 1))[0]
    if role == "include" and verb is not None:
        heads = [v for v in s.mentions_in(0, verb.t0, "verb") if v.mention.value("verb") == "give"]
        if heads:  # "has provided $123 million ..., including $48 million in Poland"
            dverb = heads[-1]
            dlo = s.clause_bounds(dverb.t0)[0]
            status = dverb.mention.extra("verb") or status
    donor = None
    if (
        st.last_donor is None
        or st.last_donor.kind == "various"
        or s.index - st.label_line <= 2
        or _under_list(s, st)
    ):
        # "Pledges announced at the meeting included: / Germany: EUR 200 million": with no one
        # giver in the air, a list line's label is its giver (under "CERF released $100 million
        # ... as follows: / Sudan: $20 million" it is where the money goes)
        under_header = s.index - st.label_line <= 2 or _under_list(s, st)
        donor = _label_giver(s, a, under_header)
        several = _label_givers(s, a) if donor is None or donor.iso3 is None else []
        if several:
            donor = several[-1]  # "Saudi Arabia and the United Arab Emirates: US$150 million each"
        if donor is not None:
            st.label_line = s.index  # the next line of the list is read the same way
    if donor is None and verb is not None and (group := _each_participle_group(s, verb, dlo)):
        # "Saudi Arabia and the UAE were again the biggest donors, each pledging $465 million"
        *others, last_giver = [entity_of(g.mention) for g in group]
        for d in drafts:
            # "... jointly announced US$ 500 million, with each country contributing US$ 250
            # million": the sum before is the total of their shares
            if (
                d.sentence is s
                and d.amount.is_money == amount.is_money
                and abs(d.amount.value - len(group) * amount.value) <= 0.01 * d.amount.value
            ):
                d.total_of_parts = True
        for e in others:
            drafts.append(_draft(s, art, a, e, True, verb, status, unit, commodity, dlo, hi, include_at))
        donor = last_giver
    donor = donor or _donor_by_pattern(s, lo, hi, verb, a)
    if donor is None and verb is not None:
        # "The batch, donated by the Red Cross Society of China, consisted of 1,000 tents", "two
        # cargo planes sent by the Turkish Red Crescent, carrying 4,000 blankets": the agent of a
        # verb of giving earlier in the clause
        for v in reversed(s.mentions_in(min(lo, dlo), verb.t0, "verb")):
            if v.mention.value("verb") == "give" and (donor := _agent(s, v, hi, 0)) is not None:
                break
    explicit = donor is not None
    if donor is None and not amount.is_money:
        for m in s.mentions_in(a.t1, goods_end + 1):
            if m.mention.has("demonym") or m.mention.has("country"):
                donor, explicit = entity_of(m.mention), True  # "50,000 tonnes of Australian wheat"
                break
    verb = dverb
    if donor is None and verb is not None and (speaker := _speaker_of_pronoun(s, verb.t0, dlo)) is not None:
        # "Mogador Telecom said it would donate", "..., and South Korea says it will provide": the
        # pronoun is the speaker, not a subject named earlier in the sentence
        donor, explicit = speaker, True
    if donor is None and verb is not None and role != "receive" and verb.t0 < a.t0:
        # "Somali diaspora groups raised $2.3 million": a community abroad gives for itself, also
        # before an aside ("the Somali community in Istanbul, many of them students, donated")
        aside = _apposition_before(s, verb.t0, dlo)
        at = aside[0] if aside is not None else verb.t0
        group = _community(s, dlo, at) or _group_abroad(s, dlo, at)
        donor, explicit = group, group is not None
    event = _event_subject(s, dlo, verb.t0) if donor is None and verb is not None and verb.t0 < a.t0 else None
    if event is not None and verb is not None:
        organiser = _organiser(s, event, verb.t0)
        if organiser is not None:
            donor, explicit = organiser, True  # "a telethon organised by the Jamaican Canadian Association"
        else:
            # "Last year's pledging conference, held in April, raised $2 billion": a whole event
            # gives, several donors at once, and what it raised was pledged (GUIDELINES.md)
            donor, explicit, status = Entity("various", None, "various"), True, "pledged"
    if donor is None and verb is not None and role != "receive" and verb.t0 < a.t0:
        # "The club's principal partner, Corbett Logistics, has also pledged": the name in apposition
        named = _appositive_name(s, verb.t0, dlo)
        donor, explicit = named, named is not None
    if donor is None and verb is not None and role != "receive":
        subj = _subject_entities(s, dlo, verb.t0) if verb.t0 < a.t0 else []
        at, body_lo = _noun_head(s, verb, dlo), dlo
        pre = _back_over(s, at - 1, dlo, gazetteer.words("aux_verb") | gazetteer.words("distributive"))
        each = at == verb.t0 and not gazetteer.words("distributive").isdisjoint(s.lower[pre + 1 : at])
        if each:
            # "Tingis Bank and Sahara Assurance each contributed": the last of the names gives
            # here, the others by _partner_before
            at = pre + 1
            body_lo = max([dlo, *(t + 1 for t in range(dlo, at) if s.lower[t] == "and")])
        body = _unlisted_body(s, body_lo, at) if verb.t0 < a.t0 else None
        if body is None and subj and verb.t0 < a.t0 and (aside := _apposition_before(s, at, body_lo)):
            # "The Halvorsen Foundation, a Danish charitable trust, committed": the body before a
            # description of it, whose place or people is no giver
            body = _unlisted_body(s, body_lo, aside[0])
            body = body if body is not None and subj[0].t0 >= aside[0] else None
        if (
            subj
            # "The Malawi Diaspora Association in the United Kingdom raised": a body raises
            and not (body is not None and body[1] <= subj[-1].t0)
            and verb.mention.text.lower() in gazetteer.words("fundraise")
            and not subj[-1].mention.has("org")
            and not subj[-1].mention.has("cue", "generic_donor")  # "donors raised $2.01 billion"
            # "Britain raised its contribution to £15 million": raising what it gives
            and s.word(verb.t1) not in gazetteer.words("possessive")
        ):
            return (
                None,
                False,
                verb,
                status,
            )  # "America: A Tribute to Heroes raised": a country does not raise funds
        if (
            body is not None
            and (
                _body_over_subject(s, subj, body[1])
                # "LONDON, 10 June 2021 - The Aldwych Foundation": a dateline's place is no subject
                or (
                    subj[-1].t1 <= body[1]
                    and any(w in ("-", "—", "–") for w in s.lower[subj[-1].t1 : body[1]])
                )
            )
        ):
            # "Telkom Kenya Foundation handed over", "mobile operator Airtel Zambia has donated":
            # the place is part of the giver's name
            donor, explicit, subj = body[0], True, []
            _each_partner(s, a, art, drafts, verb, status, unit, commodity, dlo, hi, include_at, body[1], at)
        if subj:
            last = subj[-1]
            donor, explicit = entity_of(_owner(s, last, subj)), True
            end = _back_over(s, verb.t0 - 1, dlo, gazetteer.words("aux_verb")) + 1
            relative = _back_over_time(s, end - 1, dlo)
            dated = next((d for d in s.dates if s.tok(d.end - 1) == relative), None)
            if dated is not None:  # "which on 6 February handed over"
                relative = s.tok(dated.start) - 1
                relative -= s.word(relative) == "on"
            if s.word(relative) in gazetteer.words("relative") and s.word(relative - 1) == ",":
                end = relative - 1  # "... mobile operator Zambezi Mobile, which on 6 February handed over"
            company = _described_company(s, last, end) or _named_association(s, last, end)
            if company is not None:
                # "State-controlled Polish refiner PKN Orlen delivered", "Chinese Enterprises
                # Association in Myanmar and two mining companies donated"
                donor = company
            group = _coordinated(s, last, subj)
            if len(group) == 1:
                # "The Wellcome Trust, a British research charity, and the Gates Foundation each"
                _each_partner(
                    s, a, art, drafts, verb, status, unit, commodity, dlo, hi, include_at, last.t0, last.t1
                )
            if len(group) > 1:
                donor = _share_among(
                    s, a, art, drafts, verb, status, unit, commodity, dlo, hi, include_at, group, donor
                )
        if donor is None and verb.t0 < a.t0:
            # "The Kerala government has donated", "the government of Tamil Nadu sent": a region's
            # government gives as its country (GUIDELINES.md: a government body counts as its country)
            donor = _place_government(s, dlo, verb.t0)
            explicit = donor is not None
        if donor is None:
            named = _name_before(s, at if each and verb.t0 < a.t0 else verb.t0, dlo)
            if named:
                name, official = named
                # a surname stands for whom it spoke for before; a body's last word is no surname
                # ("Equity Group Foundation" is not the "M-Pesa Foundation" named before)
                last = name.split()[-1]
                known = st.names.get(last) if last.lower() not in gazetteer.words("body_noun") else None
                if known is not None:
                    donor, explicit = known, True  # "Saouma also offered": he spoke for FAO before
                elif official and (adjective := _donor_adjective(s, a, hi, spoken_in=art)) is not None:
                    # "Vice President Harris announced $310 million in U.S. aid": the aid names its giver
                    donor, explicit = adjective, True
                elif official and (home := _home(art, st)) is not None:
                    # "International Development Secretary Justine Greening", "the Howard Government"
                    donor, explicit = home, True
                elif len(name.split()) >= 2 and not official:
                    # a person or an unlisted body; an office whose country is unknown names no one
                    donor, explicit = Entity(name, None, "private"), True
                    if each and verb.t0 < a.t0:  # "Tingis Bank and Sahara Assurance each contributed"
                        first = at - len(name.split())
                        _each_partner(
                            s, a, art, drafts, verb, status, unit, commodity, dlo, hi, include_at, first, at
                        )
    if donor is None and verb is not None and verb.t0 < a.t0:
        fronted = _fronted_subject(s, verb, a)
        if fronted is not None:  # "Pledging €20 million for Sudan, the German minister said ..."
            donor, explicit = entity_of(fronted.mention), True
    if donor is None and verb is not None and verb.t0 > a.t0 and (rel := _relative_subject(s, a.t1, verb)):
        donor, explicit = entity_of(rel.mention), True  # "the $20 million package that the US pledged"
    if donor is None and verb is not None and verb.t0 > a.t0 and role == "give":
        before = _subject_entities(s, lo, a.t0)
        if before:  # "Britain said 10,000 tonnes of maize ... would be shipped"
            donor, explicit = entity_of(before[-1].mention), True
    if donor is None:
        donor = _donor_adjective(s, a, hi)
        explicit = donor is not None
    if donor is None and (cited := _cited_government(s, a, art, hi)) is not None:
        # "An additional 20 million euros will be made available for Sudan, the German foreign
        # ministry said": the government that announces a sum no subject gives is its giver,
        # not the giver of the pledge before
        donor, explicit = cited, True
    if donor is None and verb is not None and verb.t0 < a.t0 and (local := _government_of_lead(s, verb.t0)):
        # "In Kuwait, the cabinet approved $10 million": the government of the place it opens on
        donor, explicit = local, True
    if donor is None:
        recent = st.last_donor is not None and s.index - st.last_pledge_sent <= 12
        donor = st.last_donor if recent else _home(art, st)
        if donor is None and role == "receive" and st.total_giver is not None:
            # "- UNICEF will receive $40 million" under a giver's total
            donor = st.total_giver[0] if s.index - st.total_giver[1] <= _CONTEXT_SENTENCES else None
        # a definite noun stands for the giver of the sentence before or the one before that
        near = s.index - st.last_pledge_sent <= 2 and donor is not None and donor.iso3 != art.main_iso3
        if recent and verb is not None and _pronoun_subject(s, verb.t0, dlo, donor if near else None):
            explicit = True  # "It supplied 40,000 tonnes of wheat": the giver named before
        if role == "receive" and verb is not None and donor is not None:
            taker = _subject_entities(s, lo, verb.t0)
            if taker and entity_of(taker[-1].mention) == donor:
                return None, False, verb, status  # "Pakistan received pledges of $9 billion": not its gift
    return donor, explicit, verb, status


def _event_subject(s: Sentence, lo: int, verb_t0: int) -> int | None:
    """The head of the subject right before the verb when it is an event where many give
    (data/words.csv giving_event): "The pledging event in Geneva raised", "Last year's
    conference, held in April, raised", "A national telethon broadcast on Saturday raised"."""
    k = _back_over(s, verb_t0 - 1, lo, gazetteer.words("aux_verb"))
    if s.word(k) == ",":
        opening = _aside_opening(s, k, lo)
        if opening is None:
            return None
        k = opening - 1  # past an aside: ", held in April,"
    events = gazetteer.words("giving_event")
    # the head noun within a few words before the verb: "The pledging event in Geneva", "A
    # national telethon broadcast on Saturday"
    # (in lower case: "The Italian Bishops' Conference has allocated" names a body)
    head = next(
        (j for j in range(k, max(lo - 1, k - 8), -1) if s.lower[j] in events and s.doc[j].text.islower()),
        None,
    )
    if head is None:
        return None
    between = s.lower[head + 1 : k + 1]
    clause = not any(w in (",", ";", "and", "but", "that") for w in between)
    # "announced at the pledging conference in Geneva that Australia will provide": the event is
    # where, not who; nor does it give past a giver named after it, unless as its organiser
    opening = next((j for j in range(head - 1, lo - 1, -1) if s.lower[j] in (",", ";")), lo - 1)
    where = any(w in gazetteer.words("dest_prep") | {"at", "during"} for w in s.lower[opening + 1 : head])
    named = any(
        entity_of(m.mention)
        and "by" not in s.lower[head : m.t0]
        and s.word(m.t0 - 1) not in ("in", "at")  # "An international conference in Paris raised": where
        for m in s.mentions_in(head + 1, k + 1)
    )
    return head if clause and not where and not named and not s.mentions_in(head + 1, k + 1, "verb") else None


def _cited_government(s: Sentence, a: AmountSpan, art: Article, hi: int) -> Entity | None:
    """The government a closing attribution after the amount cites: ", the German foreign
    ministry said", ", said Japan's foreign ministry", ", according to the Canadian
    government" (data/words.csv `speech_verb`, `attribution`). A demonym only with a word of
    office after it ("the Sudanese minister", not "Sudanese refugees"); never the country
    the aid goes to."""
    speech = gazetteer.words("speech_verb")
    office = gazetteer.words("official") | gazetteer.words("authority")
    for c in range(a.t1, s.n):
        if s.lower[c] != ",":
            continue
        k = c + 1
        if s.lower[k : k + 2] == ["according", "to"]:
            start, end = k + 2, s.n  # ", according to the Canadian government"
        elif s.word(k) in speech:
            start, end = k + 1, s.n  # ", said Japan's foreign ministry"
        else:
            # ", the German foreign ministry said": a short subject, then its speech verb
            end = next((j for j in range(k, min(s.n, k + 8)) if s.lower[j] in speech), -1)
            start = k
            stop = gazetteer.words("clause_break") | {",", "and", "("}
            if end < 0 or s.mentions_in(k, end, "verb") or any(w in stop for w in s.lower[k:end]):
                # "in Malawi, Mozambique and Zambia, announced on 10 May": a list, no speaker;
                # ", while Turkey's AFAD said": a clause of its own
                continue
        named = [m for m in s.mentions_in(start, min(end, start + 8)) if entity_of(m.mention)]
        if not named:
            continue
        first = named[0]
        entity = entity_of(first.mention)
        if entity is None or entity.iso3 is None or entity.iso3 == art.main_iso3:
            return None
        if first.mention.has("demonym") and not any(w in office for w in s.lower[first.t1 : first.t1 + 3]):
            return None
        iso, explicit, _ = _recipient(s, a, a.t1, hi, entity.iso3, None)
        return None if explicit and iso == entity.iso3 else entity
    return None


def _speaker_of_pronoun(s: Sentence, verb_t0: int, lo: int) -> Entity | None:
    """The giver a pronoun subject stands for when it follows its own speaker: "Mogador
    Telecom said it would donate", "The Red Cross Society of China said that it had sent",
    "Telefónica said its subsidiary would donate" (data/words.csv `speech_verb`,
    `possessive`); a named body or an unlisted name of two words or more."""
    aux = gazetteer.words("aux_verb")
    k = _back_over(s, verb_t0 - 1, lo, aux)
    if k < lo:
        return None
    if s.lower[k] not in gazetteer.words("giver_pronoun"):
        # "Telefónica said its local subsidiary would donate": what the speaker owns gives for it
        owned = next(
            (j for j in range(k - 1, max(lo - 1, k - 5), -1) if s.lower[j] in gazetteer.words("possessive")),
            None,
        )
        if (
            owned is None
            or not s.doc[owned + 1].text.islower()
            or any(entity_of(m.mention) for m in s.mentions_in(owned + 1, k + 1))
        ):
            return None  # not "its partner Kenya will"
        k = owned
    k = _back_over(s, k - 1 - (s.word(k - 1) == "that"), lo, aux)
    if s.word(k) in gazetteer.words("time_word"):
        # "Daesan Group said on Thursday it would donate": when it spoke stands between
        k = _back_over(s, k, max(lo, k - 2), gazetteer.words("time_word") | {"on", "last", "this"})
    if k < lo or s.lower[k] not in gazetteer.words("speech_verb"):
        return None
    aside = _apposition_before(s, k, lo)
    if aside is not None and (named_first := _unlisted_body(s, lo, aside[0])) is not None:
        # "the Association des Tchadiens de France, a diaspora group, said it had sent": the body
        # before its description, not a people or place inside it
        return named_first[0]
    group = _community(s, lo, k) or _group_abroad(s, lo, k)
    if group is not None:
        return group  # "an association of the Lebanese community in France said it had collected"
    named = _appositive_name(s, k, lo)
    if named is not None:
        return (
            named  # "A Kano-based philanthropic organisation, the Sahel Hope Foundation, said it would give"
        )
    subj = _subject_entities(s, lo, k)
    body = _unlisted_body(s, lo, k)
    if (
        body is not None
        and (
            _body_over_subject(s, subj, body[1])
            # "Among private donors, San Miguel Corp. said": a phrase fronted before the speaker
            or "," in s.lower[subj[-1].t1 : body[1]]
        )
    ):
        return body[0]  # "Lusaka Cement Holdings said it would donate": not Zambia's government
    if subj:
        last = subj[-1]
        if (company := _described_company(s, last, k)) is not None:
            return company  # "Spanish telecommunications group Telefónica said its subsidiary would donate"
        if last.mention.has("demonym") and s.word(last.t1) not in gazetteer.words("authority"):
            return None  # "Kyrgyz migrant workers' associations said they": not the government
        return entity_of(_owner(s, last, subj))
    named = _name_before(s, k, lo)
    if named is not None and not named[1] and len(named[0].split()) >= 2:
        return Entity(named[0], None, "private")
    return None


def _appositive_name(s: Sentence, verb_t0: int, lo: int) -> Entity | None:
    """An unlisted body named in apposition right before a verb, after a description of it that
    names no giver: "The club's principal partner, Corbett Logistics, has also pledged", "A
    Kano-based philanthropic organisation, the Sahel Hope Foundation, said"."""
    k = _back_over(s, verb_t0 - 1, lo, gazetteer.words("aux_verb"))
    if s.word(k) != ",":
        return None
    opening = next((j for j in range(k - 1, max(lo, k - 9) - 1, -1) if s.lower[j] == ","), None)
    if opening is None or opening == lo or not s.doc[opening - 1].text.islower():
        return None  # the description ends on a common noun ("partner", "organisation")
    body = _unlisted_body(s, opening + 1, k)
    if body is None or body[1] > opening + 2:
        return None
    return body[0]


def _place_government(s: Sentence, lo: int, end: int) -> Entity | None:
    """The country whose region's government is the subject right before token `end`: "the
    Kerala government", "Yunnan's provincial government", "the government of Tamil Nadu"
    (a place of data/places.csv, words.csv authority and region_level)."""
    k = _back_over(s, end - 1, lo, gazetteer.words("aux_verb"))
    places = [m for m in s.mentions_in(lo, k + 1) if m.mention.location and not m.mention.has("country")]
    if not places:
        return None
    last = places[-1]
    if (
        last.t1 == k + 1
        and s.word(last.t0 - 1) == "of"
        and s.word(last.t0 - 2) in gazetteer.words("authority")
    ):
        iso = last.mention.location  # "the government of Tamil Nadu"
    else:
        j = _past(s, last.t1 + (s.word(last.t1) in ("'s", "’s")), k + 1, gazetteer.words("region_level"))
        if j != k or s.lower[k] not in gazetteer.words("authority"):
            return None
        iso = last.mention.location  # "the Kerala government", "Yunnan's provincial government"
    return Entity(gazetteer.country_name(iso), iso, "government")


def _described_company(s: Sentence, m: MentionSpan, end: int) -> Entity | None:
    """The company a demonym describes, named right before token `end`: "Spanish
    telecommunications group Telefónica", "Polish refiner PKN Orlen" (a few lower-case words
    ending in a words.csv company_noun, then the capitalized name). It gives, not its country."""
    if not m.mention.has("demonym"):
        return None
    j = m.t1
    while j < end and j - m.t1 < 3 and s.doc[j].text.islower():
        j += 1
    if j == m.t1 or s.lower[j - 1] not in gazetteer.words("company_noun"):
        return None
    name = range(j, end)
    if not name or not all(s.doc[t].text[:1].isupper() for t in name):
        return None
    return Entity(" ".join(s.doc[t].text for t in name), None, "private")


def _body_over_subject(s: Sentence, subj: list[MentionSpan], first: int) -> bool:
    """Whether an unlisted body whose name starts at token `first` is the subject rather than
    the last named entity before the verb: none is named, it stands inside or after the
    body's name ("Telkom Kenya Foundation"), or it only describes the body right before its
    name ("US singer Kaylee Rhodes", "The UK-based diaspora group ZimAbroad Relief")."""
    return (
        not subj or subj[-1].t0 >= first or (subj[-1].t1 <= first and _only_modifiers(s, subj[-1].t1, first))
    )


def _unlisted_body(s: Sentence, lo: int, end: int) -> tuple[Entity, int] | None:
    """(giver, first token) of a body the gazetteer does not list whole, named right before
    token `end` (past auxiliaries), with the places in its name kept in it: a capitalized name
    whose last word, or the last before a place, is a words.csv body_noun ("Lusaka Cement
    Holdings", "Telkom Kenya Foundation", "Standard Bank Malawi"), or one a words.csv
    company_noun describes ("mobile operator Airtel Zambia"). A place inside such a name is
    not its giver."""
    # (past a reflexive: "Bavarian Nordic itself has added")
    k = _back_over_time(
        s, _back_over(s, end - 1, lo, gazetteer.words("aux_verb") | gazetteer.words("reflexive")), lo
    )
    if s.word(k) == ")":
        # "San Miguel Corp. (SMC) donated": the name's short form in brackets after it
        k = next((j - 1 for j in range(k - 1, max(lo, k - 5) - 1, -1) if s.lower[j] == "("), k)
    joiners = gazetteer.words("name_joiner")
    words: list[int] = []
    j = k
    while (
        j >= lo
        and (
            s.doc[j].text[:1].isupper()
            or (words and s.lower[j] in joiners)
            # "Hayastan All-Armenian Fund": a hyphen between two capitalized words
            or (words and s.lower[j] == "-" and j - 1 >= lo and s.doc[j - 1].text[:1].isupper())
            # "Nepal Bankers' Association": a plural's apostrophe
            or (words and s.doc[j].text in ("'", "’") and s.doc[j - 1].text.endswith("s") and j - 1 >= lo)
        )
    ):
        words.insert(0, j)
        j -= 1
    titles = gazetteer.words("title")
    while words and (
        s.lower[words[0]] in joiners | titles
        or s.doc[words[0]].text.lower() in gazetteer.months()
        or s.lower[words[0]].endswith("-based")  # "U.S.-based Harlow Pharmaceuticals": where it is
    ):
        words.pop(0)
    described = j >= lo and s.lower[j] in gazetteer.words("company_noun") and s.doc[j].text.islower()
    if (
        len(words) >= 2
        and s.lower[words[0]] in gazetteer.words("company_noun")
        and s.lower[words[0]] not in gazetteer.words("body_noun")
    ):
        # "Carmaker Ardent Motors handed over": a describing noun capitalized as the sentence's
        # first word, not a word of the name (a body's noun may be one: "Bank Rakyat")
        words.pop(0)
        described = True
    # "Mining company Vale said": a one-word name only when a company noun describes it
    if len(words) < (1 if described else 2) or s.lower[words[-1]] in joiners:
        return None
    first, last = words[0], words[-1]
    inside = s.mentions_in(first, last + 1)
    opening = next((m for m in inside if m.t0 == first and entity_of(m.mention)), None)
    if opening is not None and (
        opening.t1 >= last + 1 or (opening.mention.has("org") and not any(m.mention.location for m in inside))
    ):
        return None  # "Qatar Fund for Development", "Merck & Co": the gazetteer knows it
    tail = next((m for m in inside if m.t1 == last + 1 and m.mention.location), None)
    # "Standard Bank Malawi", "Malawi Diaspora Association in the United Kingdom"
    head = _back_over(s, tail.t0 - 1, first, joiners) if tail is not None else last
    bodies = gazetteer.words("body_noun")
    # "Sierra Leone Community Association of Maryland", "Association of Traders of the Centre-Nord
    # Region": the body, then whom or where it is of
    # (in other languages too: "Association des Tchadiens de France")
    of_words = gazetteer.words("name_joiner") - {"and", "&", "the"}
    of_whom = any(s.lower[t] in bodies and s.lower[t + 1] in of_words for t in words[:-1])
    # "Vodacom Mozambique": a listed company's branch in the place its name ends with
    branch = (
        tail is not None
        and opening is not None
        and opening.t1 == head + 1
        and (listed := entity_of(opening.mention)) is not None
        and listed.kind == "private"
    )
    # "San Miguel Corp.": an abbreviation's full stop is no part of the word
    if (
        not described
        and not of_whom
        and not branch
        and (head < first or s.lower[head].rstrip(".") not in bodies)
    ):
        return None
    name = " ".join(s.doc[t].text for t in words).replace(" - ", "-").replace(" '", "'").replace(" ’", "’")
    return Entity(name, None, "private"), first


def _unlisted_after(s: Sentence, k: int, hi: int) -> Entity | None:
    """An unlisted body (_unlisted_body) whose capitalized name starts at token `k`, past "the"."""
    start = k + (s.word(k) == "the")
    joiners = gazetteer.words("name_joiner")
    end = start
    while end < min(hi, start + 8) and (
        s.doc[end].text[:1].isupper() or (end > start and s.lower[end] in joiners and end + 1 < s.n)
    ):
        end += 1
    body = _unlisted_body(s, start, end) if end > start else None
    return body[0] if body is not None and body[1] == start else None


def _named_association(s: Sentence, m: MentionSpan, end: int) -> Entity | None:
    """A body whose capitalized name opens with a demonym and ends with a words.csv group_noun,
    with where it is: "Chinese Enterprises Association in Myanmar". Its people's government
    does not give; it does."""
    if not m.mention.has("demonym"):
        return None
    k = m.t1
    # (a plural's apostrophe stays inside the name: "Italian Bishops' Conference")
    while (
        k < end
        and (s.doc[k].text[:1].isupper() or s.doc[k].text in ("'", "’"))
        and s.lower[k] not in gazetteer.words("group_noun")
    ):
        k += 1
    if (
        k >= end
        or k == m.t1
        or not s.doc[k].text[:1].isupper()
        or s.lower[k] not in gazetteer.words("group_noun")
    ):
        return None
    k += 1
    if s.word(k) == "in" and (place := s.mention_at(k + 1)) is not None and place.mention.location:
        k = place.t1  # "... in Myanmar"
    start = m.t0
    if s.word(start - 1) == "of":
        # "the Confederation of Mozambican Business Associations": a body of the association
        j = start - 2
        while j >= 0 and s.doc[j].text[:1].isupper() and s.lower[j] not in gazetteer.words("title"):
            j -= 1
        start = j + 1 if j + 1 < start - 1 else start
    name = " ".join(s.doc[t].text for t in range(start, k)).replace(" '", "'").replace(" ’", "’")
    return Entity(name, None, "private")


def _community(s: Sentence, lo: int, end: int) -> Entity | None:
    """A community abroad named right before token `end` (its verb), which gives for itself,
    named as the text names it: "Somali diaspora groups", "the Ecuadorian community in
    Madrid", "Kyrgyz migrant workers' associations in Russia", "Migrant associations in
    Madrid and Murcia" (words.csv community_noun, group_noun, community_modifier; a bare
    community_noun_alone names no one)."""
    if gazetteer.words("community_noun").isdisjoint(s.lower[lo:end]):
        return None
    k = _back_over(s, end - 1, lo, gazetteer.words("aux_verb"))
    j = k
    # "in Madrid and Murcia", "in Houston": where the community lives, listed or not
    while j >= lo and (s.doc[j].text[:1].isupper() or s.lower[j] in (",", "and")):
        j -= 1
    j = j - 1 if j < k and s.word(j) == "in" else k
    head = _back_over(s, j, lo, gazetteer.words("group_noun") | gazetteer.words("community_modifier"))
    if head < lo or s.lower[head] not in gazetteer.words("community_noun"):
        return None
    demonym = next((m for m in s.mentions_in(lo, head) if m.t1 == head and m.mention.has("demonym")), None)
    if demonym is None and s.word(head - 1) == "the" and s.word(head - 2) == "in":
        return None  # "Kenyans in the diaspora": where they are, not who (_group_abroad)
    start = demonym.t0 if demonym is not None else head
    if demonym is None and head == k and s.lower[head] in gazetteer.words("community_noun_alone"):
        return None  # "the community", "migrants": no one abroad is named
    name = s.text[s.tok_starts[start] : s.tok_starts[k] + len(s.doc[k].text)]
    return Entity(name[:1].upper() + name[1:], None, "private")


@cache
def _group_members() -> frozenset[str]:
    """The words that head a group of people (words.csv group_noun, community_modifier)."""
    return gazetteer.words("group_noun") | gazetteer.words("community_modifier")


@cache
def _group_cues() -> frozenset[str]:
    """The words without which no group abroad is named (_group_abroad)."""
    return _group_members() | gazetteer.words("abroad_word") | gazetteer.words("dwelling_word")


def _group_abroad(s: Sentence, lo: int, end: int) -> Entity | None:
    """People of one country giving as a group where they live, named right before token `end`
    without a words.csv community_noun: "Moroccan associations in Belgium", "Ni-Vanuatu
    seasonal workers in New Zealand", "Filipino-American groups", "Overseas Filipino workers'
    groups", "Kenyans in the diaspora", "In Hong Kong, Filipino domestic workers". The head is a
    group_noun or community_modifier after a demonym (at most two lower-case words between);
    a place after "in", an opening "In <place>,", a second people joined by a hyphen or an
    abroad_word tells that they live away from home. Named as the text names them, with
    where they live."""
    abroad = gazetteer.words("abroad_word")
    members = _group_members()
    if _group_cues().isdisjoint(s.lower[lo:end]) and not (
        # "Ethiopians in the United Arab Emirates": a people's plural name, then "in"
        "in" in s.lower[lo:end] and any(m.mention.has("demonym") for m in s.mentions_in(lo, end))
    ):
        return None  # the common case: no group named
    k = _back_over(s, end - 1, lo, gazetteer.words("aux_verb"))
    if k >= lo and s.lower[k] in abroad:
        # "Kenyans in the diaspora", "Somalis abroad": a people's plural name stands for them
        t = k - 1
        t -= s.word(t) == "the"
        t -= s.word(t) == "in"
        people = _people_ending(s, lo, t)
        if people is None:
            return None
        name = s.text[s.tok_starts[people.t0] : s.tok_starts[k] + len(s.doc[k].text)]
        return Entity(name, None, "private", people.mention.value("demonym"))
    # where they live, listed or not: "in Belgium", "in California and Nevada", "in the
    # United States and the United Kingdom"
    j = k
    while j >= lo and (s.doc[j].text[:1].isupper() or s.lower[j] in (",", "and", "the")):
        j -= 1
    placed = j < k and s.word(j) == "in" and s.doc[j + 1 + (s.word(j + 1) == "the")].text[:1].isupper()
    end_at = k if placed else None
    j = j - 1 if placed else k
    if placed and s.lower[j] in gazetteer.words("dwelling_word"):
        j -= 1  # "Ethiopian migrants living in the United Arab Emirates"
    if placed and j >= lo and s.lower[j] not in members and s.doc[j].text.endswith("s"):
        # "Ethiopians living in the United Arab Emirates": a people's plural name, where they live
        plural = _people_ending(s, lo, j)
        if plural is not None and plural.t0 == j and end_at is not None:
            while s.lower[end_at] in (",", "and", "the"):
                end_at -= 1  # "..., an association of Venezuelans living in Madrid, said"
            name = s.text[s.tok_starts[j] : s.tok_starts[end_at] + len(s.doc[end_at].text)]
            return Entity(name, None, "private", plural.mention.value("demonym"))
    if j < lo or s.lower[j] not in members:
        return None
    t = _back_over(s, j, lo, members)
    for _ in range(2):  # "domestic workers", "seasonal workers"
        if t >= lo and s.doc[t].text.isalpha() and s.doc[t].text.islower() and s.mention_at(t) is None:
            t -= 1
    people = _people_ending(s, lo, t)
    if people is None:
        return None
    start = people.t0
    # "Filipino-American": a second people joined by a hyphen, those of the first who live there
    first = _people_ending(s, lo, start - 2) if s.word(start - 1) == "-" else None
    joined = first is not None
    if first is not None:
        people, start = first, first.t0
    if s.word(start - 1) in abroad:
        start -= 1  # "Overseas Filipino workers"
    end_at = j if end_at is None else end_at
    name = s.text[s.tok_starts[start] : s.tok_starts[end_at] + len(s.doc[end_at].text)]
    # "In Hong Kong, Filipino domestic workers raised": where they live opens the sentence
    opening = range(1, start - 1)
    if (
        not placed
        and s.word(0) == "in"
        and s.word(start - 1) == ","
        and opening
        and all(s.doc[x].text[:1].isupper() or s.lower[x] == "the" for x in opening)
    ):
        name = f"{name} in {s.text[s.tok_starts[1] : s.tok_starts[start - 1]].rstrip()}"
        placed = True
    if not (placed or joined or s.word(start) in abroad):
        return None
    return Entity(name[:1].upper() + name[1:], None, "private", people.mention.value("demonym"))


def _people_ending(s: Sentence, lo: int, t: int) -> MentionSpan | None:
    """The demonym whose last token is `t`, none before `lo`."""
    return next(
        (m for m in s.mentions_in(lo, t + 1) if m.t1 == t + 1 and m.mention.has("demonym")),
        None,
    )


def _pronoun_subject(s: Sentence, verb_t0: int, lo: int, giver: Entity | None = None) -> bool:
    """Whether the verb's subject is a pronoun that stands for a giver named before ("It
    supplied", "They have also sent": data/words.csv `giver_pronoun`; not "we", a speaker),
    or a definite noun of the giver's kind: "The government announced an initial $1m" for a
    government (words.csv government_anaphor), "the conglomerate had pledged" for a company
    (company_noun)."""
    k = _back_over(s, verb_t0 - 1, lo, gazetteer.words("aux_verb"))
    if k < lo:
        return False
    if s.lower[k] in gazetteer.words("giver_pronoun"):
        return True
    if giver is None or k - 1 < lo or s.lower[k - 1] != "the":
        return False
    government = giver.kind == "government"
    nouns = gazetteer.words("government_anaphor") if government else gazetteer.words("company_noun")
    return giver.kind in ("government", "private") and s.lower[k] in nouns


def _government_of_lead(s: Sentence, verb_t0: int) -> Entity | None:
    """The country a sentence opens on ("In Kuwait,") when the verb's subject is its government
    named by a definite noun: "In Kuwait, the cabinet approved", "In Singapore, the Government
    contributed" (words.csv government_anaphor)."""
    if s.word(0) != "in" or "," not in s.lower[:verb_t0]:
        return None
    comma = s.lower.index(",", 0, verb_t0)
    places = s.mentions_in(1, comma, "country")
    k = _back_over(s, verb_t0 - 1, comma + 1, gazetteer.words("aux_verb"))
    if len(places) != 1 or k != comma + 2 or s.word(k - 1) != "the":
        return None
    if s.lower[k] not in gazetteer.words("government_anaphor"):
        return None
    return entity_of(places[0].mention)


def _home(art: Article, st: State) -> Entity | None:
    """The country the article speaks for, the donor of a pledge whose sentence names none:
    the most named country but the main one, named twice, counting only the mentions that
    may name a giver. Not a place (data/places.csv), nor a
    country after a destination preposition or a neighbour word ("50 mln dlrs to states
    neighbouring South Africa": words.csv dest_prep, neighbour), nor a demonym of the
    people helped ("Rwandan refugees": population_group, demonym_noun)."""
    if st.home is None:
        not_giver = gazetteer.words("dest_prep") | gazetteer.words("neighbour")
        people = gazetteer.words("population_group") | gazetteer.words("demonym_noun")
        counts: dict[str, int] = {}
        for m in art.mentions:
            org = gazetteer.organization_of(m)
            iso = (
                m.value("country")
                or m.value("demonym")
                or (org.iso3 if org and org.kind == "government" else None)
            )
            if not iso or iso == art.main_iso3:
                continue
            before = ["", "", *art.text[max(0, m.start - 40) : m.start].lower().split()]
            if before[-1] in not_giver or (before[-1] == "the" and before[-2] in not_giver):
                continue
            after = art.text[m.end : m.end + 40].lower().split()[:1]
            if m.has("demonym") and after and after[0] in people:
                continue
            counts[iso] = counts.get(iso, 0) + 1
        mentioned = title_mentions(art.title)
        opener = next(iter(mentioned), None)
        if (
            opener is not None
            and opener.start == 0
            and (iso := opener.value("country") or opener.value("demonym"))
        ):
            # "Canada announces humanitarian assistance for ...": the title's subject speaks
            counts[iso] = counts.get(iso, 0) + 2
            if iso == art.main_iso3 and names_a_crisis(art.title, opener):
                # "Nepal earthquake: UK triples aid": the next country speaks
                voice = next(
                    (
                        v
                        for m in mentioned[1:]
                        if (v := m.value("country") or m.value("demonym"))
                        and v != iso
                        and not not_giver.intersection(art.title[: m.start].lower().split()[-1:])
                    ),
                    None,
                )
                if voice is not None:
                    counts[voice] = counts.get(voice, 0) + 2
        voiced = {k: v for k, v in counts.items() if v >= 2}
        st.home = (max(voiced, key=voiced.__getitem__) if voiced else None,)
    iso = st.home[0]
    return Entity(gazetteer.country_name(iso), iso, "government") if iso else None


def _share_among(s, a, art, drafts, verb, status, unit, commodity, lo, hi, include_at, group, donor):
    """ "Kuwait, Qatar and the UAE pledged $25 million each": a pledge per donor (the last
    one is returned to the caller); "Britain and Norway promised $1.76 billion and $1.17
    billion respectively": the donor in the amount's place."""
    if _distributed(s, a, group[-1].t0, group[-1].t1, verb, hi):
        for g in group[:-1]:
            drafts.append(
                _draft(
                    s, art, a, entity_of(g.mention), True, verb, status, unit, commodity, lo, hi, include_at
                )
            )
        return donor
    same_kind = [
        b
        for b in s.amounts
        if lo <= b.t0 < hi
        and b.t0 > verb.t0
        and b.amount.is_money == a.amount.is_money
        and not b.amount.is_range
    ]
    if "respectively" in s.lower[a.t1 : hi] and len(same_kind) == len(group):
        return entity_of(group[same_kind.index(a)].mention)
    signed = not gazetteer.words("contract_verb").isdisjoint(s.lower[group[-1].t1 : a.t0])
    givers = [e for g in group if (e := entity_of(g.mention)) is not None and e.kind not in _CHANNEL_KINDS]
    if signed and len(givers) == 1 and len(group) == 2:
        # "The Government of Japan and the World Food Programme signed an exchange of letters for a
        # grant of 300 million yen": the agency that signs is the channel, the government gives
        return givers[0]
    return donor


def _distributed(s: Sentence, a: AmountSpan, last_t0: int, last_t1: int, verb: MentionSpan, hi: int) -> bool:
    """Whether each donor of a list gives the whole amount: "$25 million each", or "Qatar and
    Kuwait, which each pledged", "Norway and Sweden have both given" (between the last donor,
    tokens last_t0:last_t1, and the verb only a relative pronoun, auxiliaries and the
    distributive word)."""
    distributive = gazetteer.words("distributive")
    tail = s.lower[a.t1 : min(hi, a.t1 + 3)]
    for k, w in enumerate(tail):
        if w in distributive:
            return s.word(a.t1 + k + 1) != "of"  # not "to each of the camps"
    start = last_t1
    aside = _apposition_before(s, verb.t0, last_t0)
    if aside is not None and aside[0] == last_t1:
        start = aside[1]  # "Saudi Arabia and the UAE, which lead the coalition, each pledged"
    between = s.lower[start : verb.t0]
    glue = distributive | gazetteer.words("relative") | gazetteer.words("aux_verb") | {","}
    return any(w in distributive for w in between) and all(w in glue for w in between)


def _draft(s, art, a, donor, explicit, verb, status, unit, commodity, lo, hi, include_at) -> Draft:
    amount = a.amount
    iso, rexp, region = _recipient(s, a, lo, hi, donor.iso3, verb)
    gloss = s.mention_at(a.t1 + 1) if s.word(a.t1) == "(" else None
    if gloss is not None and gloss.mention.location and s.word(gloss.t1) == ")":
        iso, rexp, region = gloss.mention.location, True, False  # "UNICEF: 1 million dollars (Malawi)"
    label = _label_name(s, a)
    if (
        label is not None
        and label.mention.location
        and label.mention.location != donor.iso3
        and entity_of(label.mention) != donor  # "Norwegian Red Cross — NOK 3,000,000": the giver
    ):
        iso, rexp, region = label.mention.location, True, False  # "... as follows: / Chad: $12 million"
    receive = s.mentions_in(lo, a.t0, "verb", "receive")
    channel = _channel(s, a, hi)
    if receive:
        receivers = _subject_entities(s, lo, receive[-1].t0)
        subj = [m for m in receivers if m.mention.location]
        if subj and subj[-1].mention.location != donor.iso3:
            iso, rexp, region = subj[-1].mention.location, True, False  # "Chad will receive ... from Sweden"
        org = gazetteer.organization_of(receivers[-1].mention) if receivers else None
        if (
            channel is None
            and verb is receive[-1]  # not "to complement the EU's work to receive refugees"
            and org is not None
            and org.kind in _CHANNEL_KINDS
        ):
            channel = org.name  # "The Red Cross will receive $300,000": the aid flows through it
    if iso is None and not region and include_at is not None and include_at < a.t0:
        total = [b for b in s.amounts if b.t1 <= include_at and b.amount.is_money == amount.is_money]
        if total:  # "$5 million for Iraq, including $2 million to UNDP": a part goes where its total goes
            iso, rexp, region = _recipient(s, total[-1], lo, include_at, donor.iso3, verb)
    if iso is None and not region:
        # "MADAGASCAR" / "CERF has allocated $4 million to help people affected by the cyclone":
        # the section's heading names where its aid goes
        heading = art.heading_places(art.text.rfind("\n", 0, s.start) + 1) - {donor.iso3}
        if len(heading) == 1:
            iso = heading.pop()
    if (
        iso is None
        and not region
        and not art.global_title  # "... Funding to Strengthen Global Food Security": no one country stands in
        and art.main_is_clear()
        and art.main_iso3 != donor.iso3
    ):
        iso = art.main_iso3
    if donor.people is not None and not region and (iso is None or iso != donor.people):
        iso = donor.people  # "Moroccan associations in Belgium said they had raised"
    elif (
        donor.kind == "private"
        and not region
        and not gazetteer.words("community_noun").isdisjoint(donor.name.lower().split())
    ):
        # "Kyrgyz migrant workers' associations in Russia raised ...": a community abroad gives
        # to its own country, not to where it lives
        named = gazetteer.find_mentions(donor.name)
        home = next((m.value("demonym") for m in named if m.has("demonym")), None)
        if home is not None and (iso is None or iso in {m.location for m in named}):
            iso = home
    # "PHP29 million (USD500,000)" stays in the currency stated first, its restatement in
    # brackets the outlet's conversion (as annotators of the probe sets keep it, 4 of 5)
    unit_out = art.currency_of(amount, donor.iso3, donor.kind) if amount.is_money else unit
    date_raw = announced = None
    prev_end = max([lo, *(b.t1 for b in s.amounts if b.t1 <= a.t0 and b is not a)])
    for d in s.dates:
        if prev_end <= s.tok(d.start) < a.t1 + 6:
            date_raw, announced = d.raw, d.date
            break
    confidence = 0.5 + (0.2 if explicit else 0) + (0.15 if rexp else 0) + (0.1 if verb is not None else 0)
    draft = Draft(
        sentence=s,
        donor=donor,
        donor_explicit=explicit,
        recipient_iso3=iso,
        recipient_explicit=rexp,
        channel=channel,
        amount=amount,
        unit=unit_out,
        aid_form="cash" if amount.is_money else "in_kind",
        commodity=commodity,
        status=status,
        date_raw=date_raw,
        announced_on=announced,
        confidence=min(confidence, 0.95),
    )
    if include_at is not None:
        if include_at < a.t0:
            draft.is_part = s.lower[include_at] != "including" and not any(
                b.t1 <= include_at for b in s.amounts
            )
        elif include_at >= a.t1:  # "allocated A$5 million: A$3 million for Fiji and ..."
            # a part follows "including" with no verb of its own between ("including maize
            # flour and tents, and Zambia delivered 1,000 tonnes" is a second pledge)
            # and a count of people after it is whom the aid reached ("..., where floods have
            # killed at least 42 people"), not a part of the goods; nor is a count a part of a
            # weight ("640 tonnes of aid materials, including the two field hospitals")
            draft.total_of_parts = any(
                b.t0 > include_at
                and b.amount.is_money == amount.is_money
                and (b.amount.unit is None) == (amount.unit is None)
                and (b.amount.is_money or _goods_of(s, b)[0] is not None)
                and not s.mentions_in(include_at + 1, b.t0, "verb", "give")
                for b in s.amounts
            )
    return draft


def _read_appeal(
    s: Sentence, a: AmountSpan, art: Article, lo: int, hi: int, verb: MentionSpan, appeals: list[Appeal]
) -> None:
    """ "WFP is appealing for $300 million for Sudan": the organization that asks, and where."""
    after = verb.t0 > a.t0  # "$40m is needed", "its $1.5bn appeal"
    if (
        not a.amount.is_money
        or s.cues(lo, a.t0, "hypothetical")
        or (after and s.cues(a.t1, min(hi, verb.t1 + 3), "hypothetical"))
        or (after and s.cues(a.t1, verb.t0, "conditional"))
        or s.cues(max(lo, a.t0 - 6), min(hi, a.t1 + 8), "not_aid")
        or (s.word(a.t0 - 1) == "from" and s.word(a.t0 - 2) in gazetteer.words("compared"))
        or _public_appeal(s, a, verb)
        # "a $40 million plan to rebuild roads": a plan asks for aid only where its clause names
        # aid or people in need ("a $738 million plan to support Venezuelan refugees")
        # (a plan named in capitals, "the Regional Refugee Response Plan", is one)
        or (
            verb.mention.text.lower() in gazetteer.words("plan_noun")
            and not verb.mention.text[:1].isupper()
            and not _names_aid(s, lo, hi)
            # "a $110.3 million plan to meet the needs of people in the quake-hit areas", "response
            # plan to contain the outbreak" (words.csv plan_aim)
            and gazetteer.words("plan_aim").isdisjoint(s.lower[lo:hi])
            and not any(m.mention.has("cue", "person") for m in s.mentions_in(verb.t1, hi))
        )
        # "of which US$ 3.1 million has been received", "with $545 million received": funding in
        or s.word(_past(s, a.t1, hi, gazetteer.words("aux_verb") | gazetteer.words("participle_aux")))
        in gazetteer.words("received_word")
        # "donors had provided $427 million against the revised HRP requirement": money a verb of
        # giving right before it gives toward what is asked
        or (after and any(v.t1 == a.t0 for v in s.mentions_in(lo, a.t0, "verb", "give")))
        # "... a flash appeal for $71.4 million, and the coordinator said $10 million had been
        # released": in the next clause, a sum a verb of giving after it gives
        or (
            not after
            and _comma_and(s, verb.t1, a.t0)
            and _gives(s, _past(s, a.t1, hi, gazetteer.words("aux_verb") | gazetteer.words("participle_aux")))
        )
    ):
        # "$800 million would be needed if the rains fail"; "down from $56 billion in 2023" (an
        # old figure); "donations to the appeal ... up to £5 million" (money given, not asked for)
        return
    owner = s.mentions_in(max(lo, a.t0 - 6), a.t0)
    if owner and s.word(owner[-1].t1) in ("'s", "’s") and owner[-1].t1 + 1 == a.t0:
        org = entity_of(owner[-1].mention)  # "the UN's $300 million flash appeal"
    elif after and s.word(a.t1) in gazetteer.words("object_relative"):
        # "the $434 million that UN agencies had sought": the relative clause's subject asks
        named = [m for m in s.mentions_in(a.t1 + 1, verb.t0) if entity_of(m.mention)]
        org = entity_of(named[0].mention) if named else None
    else:
        subj = _subject_entities(s, lo, min(a.t0, verb.t0))
        org = entity_of(subj[-1].mention) if subj else _reporter(s, max(a.t1, verb.t1))
    iso, _, region = _recipient(s, a, lo, hi, None, verb)
    text, start, end = s.evidence()
    appeals.append(
        Appeal(
            organization=org.name if org else None,
            # a region or several countries ("for Chad and Egypt") is no one country (GUIDELINES.md)
            country_iso3=iso or (None if region else art.main_iso3),
            amount=a.amount.value,
            unit=str(a.amount.currency),
            amount_raw=a.amount.raw,
            evidence=text,
            span_start=start,
            span_end=end,
            confidence=0.6,
        )
    )


def _table_row_appeals(s: Sentence, art: Article) -> list[Appeal]:
    """The appeals of a row of a table whose cells "|" parts, under a column whose head asks
    for money (words.csv appeal_noun): "Country | ... | WFP requirement (US$)" over "Malawi |
    6,500,000 | 212 million", or a row that asks under columns of countries ("2020 humanitarian
    response plan requirements (US$) | 424 million | 474 million"). The place is the row's
    first cell or the column's head; a sum with no currency of its own is in the head's."""
    row = table_row(s, art.text)
    if row is None:
        return []
    asking = gazetteer.words("appeal_noun")
    label = row.label
    row_places = cell_reading(label)[0]
    row_asks = not asking.isdisjoint(words_in(label))
    text, start, end = s.evidence()
    out = []
    for a, head in row.cells:
        if a is None or a.value < 1000 or a.unit or a.is_range:
            continue
        found = row_or_column(
            row_places, row_asks, cell_reading(head)[0], not asking.isdisjoint(words_in(head))
        )
        if found is None:
            continue
        iso, in_head = found
        asker = head if in_head else label
        # "(US$)": the currency of the cell that asks, read as a sum of one
        bare = asker.replace("(", " ").replace(")", " ").split()
        money = [b for b in find_amounts(f"{bare[-1]} 1") if b.is_money] if bare and not a.is_money else []
        unit = a.currency if a.is_money else (money[0].currency if money else None)
        if unit is None or (a.is_money and a.bare_dollar):
            unit = "USD" if a.is_money or money else None  # a UN table's "$" is in US dollars
        if unit is None:
            continue
        org = next((e for m in gazetteer.find_mentions(asker) if (e := entity_of(m)) is not None), None)
        out.append(
            Appeal(
                organization=org.name if org else None,
                country_iso3=iso,
                amount=a.value,
                unit=str(unit),
                amount_raw=a.raw,
                evidence=text,
                span_start=start,
                span_end=end,
                confidence=0.6,
            )
        )
    return out


def _public_appeal(s: Sentence, a: AmountSpan, verb: MentionSpan) -> bool:
    """Whether an appeal noun names a fundraising drive the public gives to ("the response to
    the disaster appeal", "matched donations to the appeal, up to £5 million"), not money an
    organization asks for ("donors responded to the UN appeal for $2 billion")."""
    if s.lower[verb.t0] not in gazetteer.words("appeal_noun"):
        return False
    if verb.t1 <= a.t0 and all(w in ("for", "of") for w in s.lower[verb.t1 : a.t0]):
        return False
    if a.t1 <= verb.t0 and _only_modifiers(s, a.t1, verb.t0):
        return False  # "the $2 billion appeal for Yemen": the sum is the appeal's
    # back to the article before the appeal: a few words, or more where a verb gives to it
    # ("would match every euro given to the Irish Red Cross's emergency appeal"; not "in
    # addition to the existing 2023 UN humanitarian appeals")
    k = verb.t0 - 1
    while k > 0 and s.lower[k] not in ("to", "the", "a", "an") and k > verb.t0 - 8:
        k -= 1
    if not (s.word(k) == "the" and s.word(k - 1) == "to"):
        return False
    return verb.t0 - k <= 3 or bool(s.mentions_in(0, k - 1, "verb", "give"))


def _reporter(s: Sentence, t0: int) -> Entity | None:
    """Who a reporting clause after token `t0` cites: ", UNICEF said", "said the WFP",
    "according to OCHA"."""
    phrases = [p.split() for p in gazetteer.words("attribution")]
    for m in s.mentions_in(t0, s.n):
        entity = entity_of(m.mention)
        if entity is None:
            continue
        k = m.t0 - (s.word(m.t0 - 1) == "the")
        if any(s.lower[m.t1 : m.t1 + len(p)] == p or s.lower[max(0, k - len(p)) : k] == p for p in phrases):
            return entity
    return None


# ---------------------------------------------------------------------------------------------
# The article's pledges


def decide(drafts: list[Draft], doubted: list[Draft], keep: Callable[[Draft], bool] | None) -> list[Draft]:
    """The drafts `keep` takes, from the rules' pledges and the candidates they doubted, in the
    order they were read; with no `keep`, the rules' pledges as they are."""
    if keep is None:
        return drafts
    out: list[Draft] = []
    waiting = iter(doubted)  # read in order, so their positions never decrease
    nxt = next(waiting, None)
    for i, d in enumerate([*drafts, None]):
        while nxt is not None and nxt.position <= i:
            if keep(nxt):
                out.append(nxt)
            nxt = next(waiting, None)
        if d is not None and keep(d):
            out.append(d)
    return out


def finish(drafts: list[Draft], conversions: Sequence[tuple[float, str, float, str]] = ()) -> list[Pledge]:
    """Pledges from drafts, without totals the article breaks down into parts ("label the
    parts, not the total"), without repeats of one pledge, and without a pledge restated
    in another currency ("650million euros - around £545million" after "£545million")."""
    keep = [d for d in drafts if not d.total_of_parts]
    # drafts come in sentence order, so each total's later pledges start at a bisection
    # (slicing the rest of the list for every total made a long article quadratic)
    sent = [d.sent_index for d in keep]
    listed = {d.sent_index for d, e in zip(keep, keep[1:], strict=False) if d.sentence is e.sentence}
    dropped = {
        i
        for i, d in enumerate(keep)
        if d.amount.is_money
        # an item of a list of sums ("£8 million will go to Mozambique, £2.5 million to
        # Zimbabwe") is a part, not a total of later pledges that happen to add up to it
        and d.sent_index not in listed
        and not d.list_item  # nor is an item of a list of lines ("- $1.5 million to the WFP")
        and _broken_down(d, keep, bisect.bisect_right(sent, d.sent_index))
    }
    dropped |= _restated(keep, conversions)
    dropped |= _sums_of_parts_after(keep)
    dropped |= {
        i
        for i, d in enumerate(keep)
        if d.donor.kind == "various"
        and not d.sentence.cues(0, _token_of(d), "earlier_event")
        and _breakdown_around(
            d,
            keep[bisect.bisect_left(sent, d.sent_index - 10) : bisect.bisect_right(sent, d.sent_index + 20)],
        )
    }
    seen: dict[tuple, list[Draft]] = {}
    out = []
    for i, d in enumerate(keep):
        key = (d.donor.name, d.unit, round(d.amount.value, 2), d.channel)
        # an item of a list repeats no other pledge (two allocations may be equal), but a row of a
        # table that sums up the pledges told before repeats them ("Telenet Malawi | K150 million")
        row = d.list_item and "|" in d.sentence.lower
        if i in dropped or any(
            not _apart(e, d) and (not d.list_item or (row and not e.list_item)) for e in seen.get(key, [])
        ):
            continue
        seen.setdefault(key, []).append(d)
        text, start, end = d.sentence.evidence()
        out.append(
            Pledge(
                donor=d.donor.name,
                donor_iso3=d.donor.iso3,
                donor_kind=d.donor.kind,
                recipient=gazetteer.country_name(d.recipient_iso3) if d.recipient_iso3 else None,
                recipient_iso3=d.recipient_iso3,
                channel=d.channel,
                amount=d.amount.value,
                unit=d.unit,
                amount_raw=d.amount.raw,
                aid_form=d.aid_form,
                commodity=d.commodity,
                status=d.status,
                announced_on=d.announced_on,
                date_raw=d.date_raw,
                evidence=text,
                span_start=start,
                span_end=end,
                confidence=round(d.confidence, 2),
            )
        )
    return out


def _apart(earlier: Draft, draft: Draft) -> bool:
    """Whether two equal sums of one donor in one sentence go to two named places or count two
    goods, and so are two pledges: "Mali ($10 million), Myanmar ($10 million)", "100 tonnes of
    sugar and 100 tonnes of edible oil". Across sentences an equal sum is a repeat of the same
    pledge."""
    if earlier.sentence is not draft.sentence:
        return False
    if earlier.date_raw and draft.date_raw and earlier.date_raw != draft.date_raw:
        return True  # "USD 500 million in January 2014 and USD 500 million in March 2015"
    recalled = gazetteer.words("earlier_sum")
    if (
        len(
            {
                recalled.isdisjoint(d.sentence.lower[max(0, _token_of(d) - 3) : _token_of(d)])
                for d in (earlier, draft)
            }
        )
        > 1
    ):
        return True  # "adding A$5 million to the initial A$5 million": the new pledge and the earlier one
    places = earlier.recipient_explicit and draft.recipient_explicit
    goods = not earlier.amount.is_money and not draft.amount.is_money
    return (places and earlier.recipient_iso3 != draft.recipient_iso3) or (
        goods and earlier.commodity != draft.commodity
    )


def _sums_of_parts_after(drafts: list[Draft]) -> set[int]:
    """The drafts (by index) that are totals the same sentence breaks down after them: "has
    released $20m for the three countries, with $12m going to Mozambique and $4m each to
    Zimbabwe and Malawi", "Of the US$20 million allocated ..., US$14 million is for Mozambique,
    US$3 million for Malawi and US$3 million for Zimbabwe", "$5 million in humanitarian
    assistance, $3 million for ... and $2 million for ..." (the parts open after "with", a colon
    or the total's own words and a comma, or the total after "of the", and add up to it)."""
    out = set()
    for i, total in enumerate(drafts):
        s = total.sentence
        parts = [
            d
            for d in drafts[i + 1 :]
            if d.sentence is s
            and d.donor == total.donor
            and d.unit == total.unit
            and d.amount is not total.amount
        ]
        if len(parts) < 2 or not total.amount.is_money:
            continue
        at, first = _token_of(total), _token_of(parts[0])
        span = next(b for b in s.amounts if b.amount is total.amount)
        own_end = _sum_noun_end(s, span, s.n)
        opened = (
            any(
                w in gazetteer.words("shares_opener") or w == ":"
                for w in s.lower[max(at + 1, first - 3) : first]
            )
            or s.lower[max(0, at - 3) : at][:2] == ["of", "the"]
            # "$5 million in humanitarian assistance, $3 million for ...": the parts right after the
            # total's own words and a comma (not "$10 million to Sudan, $6 million to Chad")
            or (s.word(own_end) == "," and first == own_end + 1)
            # "The remaining $2 million will be split between Chad, which will receive $1.2 million"
            or not gazetteer.words("split_verb").isdisjoint(s.lower[at:first])
        )
        value = total.amount.value
        if opened and abs(sum(d.amount.value for d in parts) - value) <= 0.01 * value:
            out.add(i)
    return out


def _token_of(d: Draft) -> int:
    """The token a draft's sum starts at in its sentence (its end when the sum was restated)."""
    return next((b.t0 for b in d.sentence.amounts if b.amount is d.amount), d.sentence.n)


def _breakdown_around(total: Draft, near: list[Draft]) -> bool:
    """Whether two or more named donors gave, in the pledges `near` a sum of several donors
    ("donors pledged more than €2 billion"): its breakdown, following it or just before it
    ("... Japan $40 million. Donors had pledged more than €2 billion by the end of the day"),
    so the sum is not labelled (GUIDELINES.md). `near` are the pledges of the ten sentences
    before it to the twenty after, found by bisection so that an article stays linear."""
    named = {
        p.donor.name
        for p in near
        if p.donor.kind != "various" and p.aid_form == total.aid_form and p is not total
    }
    return len(named) >= 2


def _broken_down(total: Draft, drafts: list[Draft], start: int) -> bool:
    """Whether the next pledges of the same donor add up to `total`, or the next one opens
    its parts ("This new funding includes $20 million"). `drafts[start:]` are the pledges
    of later sentences, in sentence order."""
    slack = 0.05 if total.amount.qualifier in ("more_than", "about", "nearly") else 0.01
    acc = 0.0
    n = 0
    for k in range(start, len(drafts)):
        p = drafts[k]
        if p.sent_index - total.sent_index > 20:
            break  # parts follow their total closely; the rest of the article is not looked at
        if p.donor.name != total.donor.name:
            continue
        if p.unit == total.unit:
            value = p.amount.value
        elif p.worth is not None and p.worth[1] == total.unit:
            value = p.worth[0]  # goods with a stated worth count at it: "30,000 tonnes ... worth six mln"
        else:
            continue
        if value >= total.amount.value or acc - total.amount.value > slack * total.amount.value:
            break  # amounts are positive: a sum past the total stays past it
        acc += value
        if n >= 1 and abs(acc - total.amount.value) <= slack * total.amount.value:
            return True
        n += 1
    first = drafts[start] if start < len(drafts) else None
    return bool(
        first
        and first.is_part
        and first.sent_index - total.sent_index <= 2
        and first.amount.value < total.amount.value
        and first.donor.name == total.donor.name
        and first.unit == total.unit
    )


def _restated(keep: list[Draft], conversions: Sequence[tuple[float, str, float, str]]) -> set[int]:
    """The drafts that restate an earlier draft of their donor in another currency.

    Conversions and drafts are looked up by unit and value: comparing each draft with each
    conversion and each earlier draft made an article of many restatements cubic.
    """
    targets: dict[tuple[str, float], set[tuple[str, float]]] = {}  # (c1, v1) -> {(c2, v2)}
    for v1, c1, v2, c2 in conversions:
        targets.setdefault((c1, v1), set()).add((c2, v2))
    from_values: dict[str, list[float]] = {}
    for c1, v1 in sorted(targets):
        from_values.setdefault(c1, []).append(v1)
    first: dict[tuple[str, str], dict[float, int]] = {}  # (donor, unit) -> value -> first draft
    for i, e in enumerate(keep):
        first.setdefault((e.donor.name, e.unit), {}).setdefault(e.amount.value, i)
    values = {key: sorted(found) for key, found in first.items()}
    return {
        i
        for i, d in enumerate(keep)
        if any(
            first[d.donor.name, c2][w] < i
            for v1 in _near(from_values.get(d.unit, []), d.amount.value)
            for c2, v2 in targets[d.unit, v1]
            for w in _near(values.get((d.donor.name, c2), []), v2)
        )
    }


def _near(values: list[float], x: float) -> list[float]:
    """The values of a sorted list that are _close to x.

    >>> _near([98.0, 99.0, 100.0, 101.0, 102.0], 100.0)
    [99.0, 100.0, 101.0]
    """
    # _close(v, x) holds for v in [0.99 x, x / 0.99]; the bounds are widened for rounding
    lo = bisect.bisect_left(values, x * 0.99 * (1 - 1e-9))
    hi = bisect.bisect_right(values, x / 0.99 * (1 + 1e-9))
    return [v for v in values[lo:hi] if _close(v, x)]


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 0.01 * max(a, b)


def dedup_appeals(appeals: list[Appeal]) -> list[Appeal]:
    """One appeal per sum: a sum restated is one appeal, but two equal sums of one sentence for
    two countries are two ("$120 million for Chad and $120 million for Niger")."""
    seen: dict[tuple, list[Appeal]] = {}
    out = []
    for a in appeals:
        key = (a.unit, round(a.amount))
        if any(b.span_start != a.span_start or b.country_iso3 == a.country_iso3 for b in seen.get(key, [])):
            continue
        seen.setdefault(key, []).append(a)
        out.append(a)
    return out
