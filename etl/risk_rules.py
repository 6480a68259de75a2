"""Risk figures in one sentence: how many people, in which country, in what condition.

A number is a risk figure when it counts people ("2.4 million South Sudanese
refugees", or an elliptic "2.1 million" after "6.8 million IDPs") and an indicator
phrase (data/indicators.csv) or an IPC phase names their condition near it. It is
not one when hypothetical ("could face"), a rate ("every day"), deaths, residents
("home to"), or people aid merely reaches with no condition stated (GUIDELINES.md
section 2). The country is where the people are: a host "hosting" them, "in X",
the place the sentence opens on ("In Chad alone,"), the demonym counted, the country they
fled, the place of the figure before it in the sentence, the nearest one named (in its own
clause first; "The Turkish government says" names Turkey), the one its paragraph named
before it, or the article's. A count of sites ("534 displacement camps") is no figure; the
residents a place is "home to" are none unless their condition is said of them ("who have fled").
Numbers after a colon or dash that add up to the figure before it are its parts: they
borrow its condition, and its place unless they name their own ("7.1 million in Somalia"),
and the total is not labelled ("label the parts"); so do
numbers after a comma whose first says it is one ("8.6 million fled, 6.8 million of them ...").
A group added to a figure ("along with", "including") shares its condition, unless it is
of another nationality than the people whose noun names it; "N of them" after a figure of
the sentence before is some of those people. Capitalized IPC phase names ("in Emergency")
name the phase. The items of a list under a header that names a condition ("The drought has
affected:" then "- Oromia: 2.4 million people") count people in it, and are parts of the
header's figure.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from functools import cache

from aidtracker.etl import gazetteer
from aidtracker.etl.amounts import is_year_token
from aidtracker.etl.analysis import (
    AmountSpan,
    Article,
    MentionSpan,
    Sentence,
    cell_reading,
    is_heading,
    people_noun,
    row_or_column,
    table_row,
    words_in,
)
from aidtracker.etl.records import RiskFigure

# Conditions that make people a figure even as the target of aid ("to feed 96,700 people displaced").
_STRONG = frozenset(("displaced", "famine_risk", "malnourished"))
# Conditions that describe the people aid targets only when they follow their noun closely, with
# no comma between ("to assist 10.2 million people in need of emergency food assistance"), and
# the number counts them all, not a part of them ("250,000 of the people most in need")
_DESCRIBED = frozenset(("in_need", "food_insecure"))

_IPC = re.compile(
    r"""\bIPC\s*(?:phases?\s*)?                              # "IPC Phase", "IPC phases", "IPC"
        (?P<ph>[1-5](?:\s*(?:,|and|or|-|–|to)\s*[1-5])*)     # "3", "3 and 4", "3-5", "3, 4 and 5"
    """,
    re.VERBOSE | re.IGNORECASE,
)
# "(Phase 3)", "Phase 4": a phase cited without "IPC" still says the text speaks of IPC phases
_PHASE = re.compile(r"\bPhases?\s*[1-5]\b")
_PHASE_DIGIT = re.compile(r"[1-5]")  # each phase a mention names ("3 and 4", "3-5")
# Parts follow their total closely: they are looked for among the next figures, in the
# total's sentence and the two after it (a figure further on is another statement).
_PARTS_REACH = 8
_PARTS_SENTENCES = 2
# A host names where refugees are when it follows their number closely ("45,000 Burundian
# refugees have crossed the border into western Tanzania", "have fled violence in Myanmar's
# Rakhine State and crossed into Bangladesh"): further on, a country is another statement's
# ("... and aid has reached Kenya").
_HOST_REACH = 16
# A superlative scopes "the world" after it across its noun phrase: "the worst humanitarian and
# human rights crises in the world" (eight tokens back at most: further on, another phrase).
_SUPERLATIVE_REACH = 8


def _ipc_indicators(s: Sentence) -> list[tuple[int, int, str]]:
    """IPC phase mentions as (first token, end token, indicator): Phase 3, alone or with
    others ("3 and 4", "3-5", "3 or worse"), is food_insecure; Phase 4 or 5 is famine_risk."""
    out = []
    for m in _IPC.finditer(s.text) if "ipc" in s.low else ():
        phases = [int(d) for d in _PHASE_DIGIT.findall(m.group("ph"))]
        if phases:
            ind = "famine_risk" if min(phases) >= 4 else "food_insecure"
            out.append((s.tok(m.start()), s.tok(max(m.start(), m.end() - 1)) + 1, ind))
    about_phases: bool | None = None  # asked only when a phase name stands (few sentences)
    for m in _phase_names().finditer(s.text):
        t = s.tok(m.start())
        # "8.7 million will be in Emergency": a phase name is capitalized mid-sentence; "a State of
        # Emergency" is not one, nor is a capitalized word opening the sentence
        if t == 0 or s.word(t - 1) == "of":
            continue
        if about_phases is None:
            about_phases = out != [] or _PHASE.search(s.text) is not None
        if not (about_phases or s.word(t - 1) == "in"):
            continue
        phase = _phase_names_by_word()[m.group().lower()]
        out.append((t, t + 1, "famine_risk" if phase >= 4 else "food_insecure"))
    return out


@cache
def _phase_names_by_word() -> dict[str, int]:
    """The names of the IPC phases (data/words.csv `ipc_phase_3` to `ipc_phase_5`) -> their phase."""
    by_phase = {
        3: gazetteer.words("ipc_phase_3"),
        4: gazetteer.words("ipc_phase_4"),
        5: gazetteer.words("ipc_phase_5"),
    }
    return {w: phase for phase, names in by_phase.items() for w in names}


def names_a_phase(text: str) -> bool:
    """Whether a text holds a capitalized IPC phase name ("8.7 million will be in Emergency"):
    such a sentence is worth reading for risk figures though it has no other cue."""
    return _phase_names().search(text) is not None


@cache
def _phase_names() -> re.Pattern[str]:
    """A phase name as the IPC writes it, capitalized ("Emergency"): in lower case it is an
    everyday word ("an emergency")."""
    return re.compile(gazetteer.alternation(w.capitalize() for w in _phase_names_by_word()))


def _table_row_risks(s: Sentence, art: Article) -> list[RiskFigure] | None:
    """The risk figures of a row of a table whose cells "|" parts, read with the table's first
    line: the country from the row's first cell and the condition from the column's head
    ("Country | People food insecure (VAC 2016) | ..." over "Malawi | 6,500,000 | 212 million"),
    or the other way round ("Indicator | Burkina Faso | Mali" over "People in need | 2.9 million
    | 6.8 million"). None when the sentence is no row of such a table."""
    row = table_row(s, art.text)
    if row is None:
        return None
    # "NEW IDPs BY STATE OF DISPLACEMENT" over "State | Individuals": the heading names the condition
    above_condition = cell_reading(row.above)[1] if is_heading(row.above) else None
    label = row.label
    row_places, row_condition = cell_reading(label)
    text, start, end = s.evidence()
    out = []
    for a, head_cell in row.cells:
        if a is None or a.is_money or a.unit or a.is_range or a.value < 100:
            continue
        places, condition = cell_reading(head_cell)
        if condition is None and not places and people_noun().search(head_cell):
            condition = above_condition  # "Individuals", "People" under a heading that names it
        found = row_or_column(row_places, row_condition is not None, places, condition is not None)
        if found is not None:
            iso, in_head = found
            indicator = condition if in_head else row_condition
        elif (
            condition is not None
            and not places
            and not row_places
            and label.strip()[:1].isupper()
            and not any(m.has("cue", "total") for m in gazetteer.find_mentions(label))
            and art.main_is_clear()
            and art.main_iso3 is not None
        ):
            iso, indicator = art.main_iso3, condition  # "River Nile | 263,000": a region of the country
        else:
            continue
        out.append(
            RiskFigure(
                country=gazetteer.country_name(iso),
                country_iso3=iso,
                people=round(a.value),
                people_raw=a.raw,
                indicator=indicator,
                population_group=None,
                source_org=None,
                qualifier=a.qualifier,
                as_of=None,
                evidence=text,
                span_start=start,
                span_end=end,
                confidence=0.6,
            )
        )
    return out


def _hosts_received(s: Sentence) -> list[tuple[int, int, str]]:
    """A place that has received people as a condition of displacement: "Egypt, which has
    received more than 250,000 Sudanese", "Poland has received more than 2.5 million people
    crossing from Ukraine" (a words.csv host_verb after an auxiliary, then the count of people:
    not "WFP has received $10 million", nor "37,000 people have received their first jab")."""
    out: list[tuple[int, int, str]] = []
    if gazetteer.words("host_verb").isdisjoint(s.lower):
        return out
    for v in s.mentions_in(0, s.n, "verb"):
        if s.lower[v.t0] not in gazetteer.words("host_verb") or s.word(v.t0 - 1) not in gazetteer.words(
            "aux_verb"
        ):
            continue
        a = next((b for b in s.amounts if v.t1 <= b.t0 <= v.t1 + 1), None)
        if a is not None and not a.amount.is_money and _person_noun_after(s, a) is not None:
            out.append((v.t0, v.t1, "displaced"))
    return out


def _person_noun_after(s: Sentence, a: AmountSpan) -> MentionSpan | None:
    """The noun a number counts, if it counts people: "2.4 million South Sudanese refugees",
    "1.4 million Haitians", "800,000 internally displaced persons"."""
    k = a.t1
    limit = min(s.n, a.t1 + 4)
    while k < limit:
        m = s.mention_at(k)
        if m is not None:
            mention = m.mention
            demonym = mention.has("demonym")
            plural = mention.text.endswith(("s", "ese", "i"))
            if mention.has("cue", "person") or (demonym and plural):
                if demonym and s.word(m.t1) in gazetteer.words("demonym_noun"):
                    return s.mention_at(m.t1) or m  # "South Sudanese refugees": the noun is "refugees"
                return m
            if demonym or mention.has("indicator"):
                # "Syrian refugees", "displaced people"; a phrase of several tokens counts as one
                # word ("7.9 million chronically food-insecure people"; not "to 5.2 million of the
                # worst-affected people", whom the aid targets)
                if "of" not in s.lower[a.t1 : k]:
                    limit = min(s.n, limit + m.t1 - k - 1)
                k = m.t1
                continue
            if mention.location and s.word(m.t1) in ("'s", "’s") and s.word(k - 1) == "of":
                k = m.t1 + 1  # "17 million of Yemen's population"
                continue
            return None
        gap = gazetteer.words("noun_gap")
        # "pregnant and breastfeeding women": "and" (or "or") between two words that describe the noun
        joined = s.lower[k] in ("and", "or") and s.word(k - 1) in gap and s.word(k + 1) in gap and k > a.t1
        if s.lower[k] not in gap and not joined:
            return None
        k += 1
    return None


def read_risks(s: Sentence, art: Article, donors: set[str], out: list[RiskFigure]) -> None:
    """Append the sentence's risk figures to `out`; `donors` are never the place of the people."""
    table = _table_row_risks(s, art)
    if table:
        out.extend(table)
        return
    ipc = _ipc_indicators(s)
    indicators = [
        (m.t0, m.t1, m.mention.value("indicator")) for m in s.mentions if m.mention.has("indicator")
    ]
    for i0, i1, _ in ipc:
        # "Crisis (IPC Phase 3)", "Emergency (IPC Phase 4)": the phase decides, not the word
        indicators = [x for x in indicators if not (x[0] >= i0 - 3 and x[1] <= i1 + 2)]
    indicators += ipc
    indicators += _hosts_received(s)
    counts = [b for b in s.amounts if b.amount.has_scale or b.amount.value >= 100]
    not_people = gazetteer.words("not_people")
    listed = _header_condition(s, art)
    prev_noun: MentionSpan | None = None
    prev_indicator: tuple[str, int] | None = None
    parts = _breakdown(s, counts, not_people)
    read: dict[int, RiskFigure] = {}  # the figures of this sentence, by their number's first token
    # a count of people with no condition of its own yet, which the next one "and" joins may share
    unplaced: tuple[AmountSpan, MentionSpan] | None = None
    for a in s.amounts:
        amount = a.amount
        if not _is_count(s, a, not_people):
            continue
        total = parts.get(a.t0)
        if total is not None:
            head = read.get(total.t0)
            if head is not None:  # "6.1 million internally displaced: 1.2 million before the war"
                noun = _person_noun_after(s, a)
                # "18.4 million ...: 7.1 million in Somalia, 7.2 million in Ethiopia": a part that
                # names its own place keeps it, and borrows the total's only when it names none
                own = _own_place(s, noun.t1 if noun is not None and noun.t0 >= a.t1 else a.t1)
                out.append(
                    replace(
                        head,
                        country=gazetteer.country_name(own) if own else head.country,
                        country_iso3=own or head.country_iso3,
                        people=amount.value,
                        people_raw=amount.raw,
                        qualifier=amount.qualifier,
                        population_group=_group(noun) if noun is not None else head.population_group,
                        confidence=0.6,
                    )
                )
                if own not in (None, head.country_iso3) and head in out:
                    # the total spans the parts' places: only the parts are labelled, which the
                    # dedup of totals (by one place) cannot tell
                    out.remove(head)
            continue  # a part borrows its total's place and condition, or is none when the total is none
        lo, hi = s.clause_bounds(a.t0)
        noun = _person_noun_after(s, a)
        # "970,000 children are malnourished, along with 142,000 pregnant and breastfeeding women":
        # a group added to a figure shares its condition, however its people are described
        joined = prev_indicator is not None and _companion_before(s, a)
        whole = _whole_before(s, a, art, out)
        if noun is None and joined:
            noun = _person_noun_near(s, a)
            # no noun of people: a count all the same, but not of goods ("along with 1,200 tents")
            goods = s.mention_at(a.t1)
            joined = noun is not None or goods is None or not goods.mention.has("goods")
        if noun is not None:
            prev_noun = noun
        elif not (
            joined
            or whole is not None
            or (listed is not None and s.word(a.t1) in ("", ".", ";"))  # "- Afar region: 300,000"
            or _elliptic(s, a, lo, indicators, prev_noun is not None or prev_indicator is not None)
        ):
            continue
        elliptic = noun is None
        # "508,000 people are sheltering in 534 displacement camps": a count of sites takes no
        # condition, so the one it stands before is the figure's
        next_amount = min(
            (
                b.t0
                for b in counts
                # "in 84 of the country's 116 districts": nor a count of places that no phrase names
                if b.t0 >= a.t1
                and not _counts_sites(s, b, not_people)
                and s.word(b.t1) not in not_people
                and not _part_of_places(s, b, not_people)
            ),
            default=s.n,
        )
        prev_amount = max((b.t1 for b in counts if b.t1 <= a.t0 and b is not a), default=0)
        if (
            # "killed nearly 11,000 people", not "27 people had been killed and more than 212,000 affected"
            any(
                w in gazetteer.words("kill") and not {"and", ","} & set(s.lower[k + 1 : a.t0])
                for k, w in enumerate(s.lower[: a.t0])
                if k >= a.t0 - 3
            )
            or s.cues(max(0, a.t0 - 3), a.t0, "change")
            or any(
                set(s.lower[c.t1 : a.t0]) <= gazetteer.words("toll_link")
                for c in s.cues(max(0, prev_amount, a.t0 - 4), a.t0, "casualty")
                # "the lives of 4.7 million people": at risk (words.csv not_a_toll)
                if c.mention.text.lower() not in gazetteer.words("not_a_toll")
            )
        ):
            # "killed nearly 11,000 people", "an increase of over one million people", "put the
            # death toll at 312"
            continue
        casualties = [
            c
            for c in s.cues(a.t1, min(next_amount, a.t1 + 8), "casualty")
            if not (
                next_amount < s.n and next_amount - c.t1 <= 3
            )  # "... and killed more than 1,700": that count's
        ]
        if casualties or s.cues(a.t1, min(next_amount, hi, a.t1 + 10), "rate"):
            continue  # "140,000 people were killed", "5,000 ... every day"
        whole_toll = next((b for b in reversed(counts) if b.t1 <= a.t0), None)
        if (
            whole_toll is not None
            and not gazetteer.words("including").isdisjoint(s.lower[whole_toll.t1 : a.t0])
            and s.cues(max(lo, whole_toll.t0 - 6), whole_toll.t0, "casualty")
        ):
            continue  # "put the death toll at 1,162, including 380 children": a part of the dead
        best = _nearest_indicator(s, a, lo, hi, indicators, noun, elliptic, prev_amount, next_amount)
        restated = _restates(s, a, counts, not_people) if best is None and noun is not None else None
        if restated is not None:
            # "affected 1 million farming households, about 6 million people": the count of people
            # restates the households' and has their condition
            before = max((b.t1 for b in counts if b.t1 <= restated.t0), default=0)
            best = _nearest_indicator(s, restated, lo, hi, indicators, noun, False, before, a.t0)
        if noun is not None and noun.mention.has("indicator"):
            best = (0, noun.mention.value("indicator"), noun.t0)  # "6.8 million internally displaced persons"
        part_len = _part_of(s, a)
        if part_len:
            # "8.4 million of them on the brink of famine": the part's own condition, right after it
            after_part = a.t1 + part_len
            part_condition = next(
                ((i0, ind) for i0, _, ind in indicators if after_part <= i0 <= after_part + 3), None
            )
            if part_condition is not None:
                best = (0, part_condition[1], part_condition[0])
        if best is not None and best[1] == "in_need":
            ipc_here = [x for x in ipc if x[0] >= lo and x[1] <= hi and (next_amount >= x[1] or elliptic)]
            if ipc_here:
                best = (best[0], ipc_here[0][2], best[2])  # "need food assistance (IPC Phase 3 or higher)"
        if best is None and elliptic and prev_indicator is not None:
            best = (0, *prev_indicator)  # "716,000 in Lebanon, 515,000 in Jordan"
        if best is None and whole is not None:
            best = (0, whole.indicator, a.t0)  # "Uganda alone hosts 500,000 of them"
        if best is None and listed is not None:
            best = (0, listed, a.t0)  # "The drought has affected:" then "- Oromia: 2.4 million people"
        if joined and prev_indicator is not None and (best is None or best[2] < a.t0):
            best = (0, *prev_indicator)  # its own condition after it ("who are severely wasted") first
        if best is not None and noun is not None and _other_nationality(s, a, noun, best[2], prev_amount):
            continue  # "978,000 Rohingya refugees and 495,000 Bangladeshis": their hosts are not refugees
        if best is None:
            if noun is not None:
                unplaced = (a, noun)
            continue
        _, indicator, ind_t = best
        if s.cues(max(0, a.t0 - 3), a.t0, "home") and not (
            noun is not None and (noun.mention.has("indicator") or _condition_of_noun(s, noun, ind_t))
        ):
            # "home to nearly two million people": residents; "home to 1.4 million refugees", and
            # "home to 700,000 people who have fled", are not
            continue
        # "2 million people and hundreds of thousands of displaced": another group has the condition;
        # not a share set off by commas ("24 million people, some 80 per cent of the population, need")
        share = _share_after(s, a, noun)
        aside = range(*share) if share is not None else range(0)
        # ("staying in student dormitories, tents and other temporary shelters": other places)
        place = next((m for m in s.mentions_in(ind_t, s.n) if m.t0 == ind_t), None)
        of_places = place is not None and s.word(place.t1 - 1) in not_people
        if (
            ind_t > a.t1
            and not of_places
            and any(
                s.lower[k] in ("and", ",")
                and s.word(k + 1) in gazetteer.words("other_group")
                and k not in aside
                for k in range(a.t1, ind_t)
            )
        ):
            continue
        span_lo, span_hi = max(lo, min(a.t0, ind_t) - 4), max(a.t1, ind_t) + 1
        if any(
            not _hedges_estimate(s, c, a) and not _stated_forecast(s, c, a)
            for c in s.cues(span_lo, span_hi, "hypothetical")
        ) or s.cues(span_lo, span_hi, "conditional"):
            continue  # "could face famine", "would result in", "threatens to see ... go hungry"
        prev_indicator = (indicator, ind_t)
        serves = [
            c
            for c in s.cues(max(lo, a.t0 - 8), a.t0, "beneficiary")
            if not _number_of_before(s, lo, c.t0)  # "the number of displaced people has reached 6.8 million"
            # "the Rapid Support Forces (RSF): nearly 1.7 million are displaced": a word of a name
            and not (c.t0 > 0 and s.doc[c.t0].text[:1].isupper())
            # "thanked the kingdom for its support, saying that 20 million Yemenis are food insecure":
            # what is said after "that" is a clause of its own
            and "that" not in s.lower[c.t1 : a.t0]
            # "22.2 million Yemenis needed help, 8.4 million of them ...": help needed is the condition
            and not any(
                m.t1 == c.t0 and m.mention.has("indicator") for m in s.mentions_in(max(0, c.t0 - 3), c.t0)
            )
            # "to help Pakistan cope with floods that have affected 33 million people": a relative
            # clause whose verb is the condition states it, whom the aid helps aside
            and not (
                c.t1 <= ind_t < a.t0 and any(w in gazetteer.words("relative") for w in s.lower[c.t1 : ind_t])
            )
        ]
        # "to reach 250,000 of the estimated 884,000 people who need aid": aid reaches the part, not the whole
        whole_of_part = (
            prev_amount > 0
            and "of" in s.lower[prev_amount : a.t0]
            and set(s.lower[prev_amount : a.t0]) <= {"of", "the"}
        )
        if not whole_of_part and (
            serves or (s.word(a.t0 - 1) in ("for", "reach") and not _number_of_before(s, lo, a.t0))
        ):
            tight = (
                (noun is None and ind_t == a.t1)
                or (  # "to support a million displaced and ..."
                    noun is not None
                    and (
                        # (not "to assist about 1.48 million people, including refugees and members of
                        # host communities": a part of those the aid reaches)
                        (0 <= ind_t - noun.t1 <= 3 and "including" not in s.lower[noun.t1 : ind_t])
                        or a.t1
                        <= ind_t
                        < noun.t0  # "for 40,000 homeless people": the condition as an adjective
                        or (ind_t < a.t0 and a.t0 - ind_t <= 2)
                        or noun.mention.has("indicator")
                    )
                )
            )
            described = (
                indicator in _DESCRIBED
                and s.word(a.t1) != "of"
                and (
                    ind_t == a.t1  # "10.2 million people in need": one phrase, noun and condition
                    or (
                        noun is not None and 0 <= ind_t - noun.t1 <= 3 and "," not in s.lower[noun.t1 : ind_t]
                    )
                )
            )
            if not ((indicator in _STRONG or described) and tight):
                continue  # "to assist 3.3 million people": beneficiaries, their condition unstated
        prior = max(((t, r) for t, r in read.items() if t < a.t0), key=lambda x: x[0], default=None)
        iso = _risk_country(s, a, lo, hi, donors, art, indicator, whole, prior)
        if iso is None:
            continue
        # "1.4 million of Gaza's 2.3 million people have been displaced": the whole's people and
        # condition, counted by the part before it
        part = _part_before(s, a, counts, lo)
        if part is not None and part.t0 in read:
            continue  # the part was read as a figure of its own
        counted = part.amount if part is not None else amount
        text, start, end = s.evidence()
        read[a.t0] = RiskFigure(
            country=gazetteer.country_name(iso),
            country_iso3=iso,
            people=round(counted.value * _share_before(s, a, lo)) if part is None else round(counted.value),
            people_raw=counted.raw,
            indicator=indicator,
            population_group=_group(noun),
            source_org=_source_org(s),
            qualifier=counted.qualifier,
            as_of=None,
            evidence=text,
            span_start=start,
            span_end=end,
            confidence=0.75 if noun is not None else 0.6,
        )
        out.append(read[a.t0])
        if unplaced is not None and _joined_before(s, unplaced[0], unplaced[1], a):
            # "Some 700,000 children aged under five and 110,000 pregnant and breastfeeding women
            # are acutely malnourished": both have the condition stated after the second
            first, first_noun = unplaced
            # "9.1 million people in Turkiye and 8.8 million in Syria were affected": each its own place
            own = _host_after(s, first, a.t0, donors)
            read[first.t0] = replace(
                read[a.t0],
                people=round(first.amount.value),
                people_raw=first.amount.raw,
                population_group=_group(first_noun),
                qualifier=first.amount.qualifier,
                country=gazetteer.country_name(own) if own else read[a.t0].country,
                country_iso3=own or read[a.t0].country_iso3,
            )
            out.insert(len(out) - 1, read[first.t0])
        unplaced = None


# The marker that opens an item of a list on its own line: "- ", "• ", "3. " (etl.sentences trims it).
_ITEM_MARKER = re.compile(r"[ \t]*(?:[-–—*•][ \t]*|\d{1,2}[.)][ \t]+)")
# A list's items follow its header line by line: further up, a line is no longer its header.
_LIST_REACH = 30


def list_header(text: str, start: int) -> tuple[int, int] | None:
    """The span of the header line ("... the drought has affected:") of the list whose item
    the sentence at `start` opens ("- Somali Regional State: 3.5 million people"): the
    sentence opens its line after a list marker, and the lines above it up to one that ends
    with a colon are items too, with no blank line between but one right under the header.
    None for any other sentence."""
    line = text.rfind("\n", 0, start) + 1
    if (
        not (_ITEM_MARKER.fullmatch(text, line, start) or (line == start and _bare_item(text, line)))
        or line == 0
    ):
        return None
    blank = False
    for _ in range(_LIST_REACH):
        end = line - 1
        line = text.rfind("\n", 0, end) + 1
        content = text[line:end].rstrip()
        if not content.strip():
            if blank or line == 0:
                return None
            # "... across the four affected countries:", a blank line, then "• Nigeria: 8.5 million"
            blank = True
            continue
        if blank and not content.endswith(":"):
            return None
        if content.endswith(":"):
            return line, line + len(content)
        if line == 0 or not (_ITEM_MARKER.match(text, line) or _bare_item(text, line)):
            return None
    return None


# A list's item may stand with no marker when its line is short and no sentence ("Region V
# (Bicol) – 812,540 persons"): up to this many characters.
_BARE_ITEM_CHARS = 80


def _bare_item(text: str, line: int) -> bool:
    """Whether the line at `line` is a short line that ends with no full stop or colon: an item of
    a list, though it has no marker."""
    end = text.find("\n", line)
    content = text[line : end if end >= 0 else len(text)].rstrip()
    return 0 < len(content) <= _BARE_ITEM_CHARS and not content.endswith((".", ":"))


def _header_condition(s: Sentence, art: Article) -> str | None:
    """The condition a list's header names for the people its items count ("The drought has
    affected:" -> affected): the last indicator phrase of the header; None when the sentence
    is no item, the header names none, or hedges it ("would affect:")."""
    header = list_header(art.text, s.start)
    if header is None:
        return None
    found = gazetteer.starting_in(art.mentions, *header)
    if any(m.has("cue", "hypothetical") or m.has("cue", "conditional") for m in found):
        return None
    places = gazetteer.words("country_noun") | gazetteer.words("place_noun")
    return next(
        (
            m.value("indicator")
            for m in reversed(found)
            if m.has("indicator")
            # "across the four affected countries:": what describes the places is no condition of people
            and not places.intersection(words_in(art.text[m.end : m.end + 30])[:1])
        ),
        None,
    )


def _part_before(s: Sentence, a: AmountSpan, counts: list[AmountSpan], lo: int) -> AmountSpan | None:
    """The count right before a whole that says how many of it a figure is about: "1.4 million
    of Gaza's 2.3 million people", "300,000 of the 900,000 residents" ("of", then only "the" or
    a place and its possessive between). None when the part is what aid reaches ("to reach
    250,000 of the 884,000 people who need aid": then the whole is the figure)."""
    b = max((b for b in counts if b.t1 <= a.t0 and b is not a), key=lambda b: b.t1, default=None)
    if b is None or s.word(b.t1) != "of" or b.t1 + 1 > a.t0:
        return None
    for k in range(b.t1 + 1, a.t0):
        m = s.mention_at(k)
        if not (s.lower[k] in ("the", "'s", "’s") or (m is not None and m.mention.location)):
            return None
    if s.cues(max(lo, b.t0 - 8), b.t0, "beneficiary") or s.word(b.t0 - 1) in ("for", "reach"):
        return None
    return b


def _joined_before(s: Sentence, first: AmountSpan, noun: MentionSpan, a: AmountSpan) -> bool:
    """Whether the count `first` of people (`noun`) is joined by "and" to the count `a` right
    after its description ("children aged under five and 110,000 ... women"), with no verb or
    condition of its own between them."""
    between = range(noun.t1, a.t0)
    # "3.3 million people in Burkina Faso, 1.3 million in Mali and 2 million in Niger faced":
    # the first item of a list joined by commas, the next an item like it (its place after it)
    listed = s.word(a.t0 - 1) == "," and _part_of(s, a) == 0 and s.word(a.t1) in gazetteer.words("host_prep")
    return (
        first.t1 <= noun.t0
        and (s.word(a.t0 - 1) == "and" or listed)
        and len(between) <= 6
        and not any(m.mention.has("indicator") or m.mention.has("verb") for m in s.mentions_in(noun.t1, a.t0))
        and not any(w in (",", ";", ":") for w in s.lower[noun.t1 : a.t0 - 1])
        # "100,000 people have died and 9.3 million ...": a verb of its own
        and (gazetteer.words("aux_verb") | gazetteer.words("copula")).isdisjoint(s.lower[noun.t1 : a.t0])
        # "to assist an estimated 15.7 million people inside Ukraine and 8.3 million ...": whom aid serves
        and not s.cues(max(0, first.t0 - 8), first.t0, "beneficiary")
    )


def _companion_before(s: Sentence, a: AmountSpan) -> bool:
    """Whether words right before the number add its group to a figure before it ("along with",
    "including": data/words.csv `companion` and `including`)."""
    joins = gazetteer.words("companion") | gazetteer.words("including")
    return any(" ".join(s.lower[max(0, a.t0 - n) : a.t0]) in joins for n in (1, 2, 3))


def _whole_before(s: Sentence, a: AmountSpan, art: Article, read: list[RiskFigure]) -> RiskFigure | None:
    """The figure a number counts some of ("500,000 of them", "a million of these"): the last one
    read, in this sentence or the one before; None when the number says no such thing."""
    if not read or not _part_of(s, a) or _person_noun_after(s, a) is not None:
        return None
    last = read[-1]
    same = last.span_start == s.start
    return last if same or not art.text[last.span_end : s.start].strip() else None


def _restates(
    s: Sentence, a: AmountSpan, counts: list[AmountSpan], not_people: frozenset[str]
) -> AmountSpan | None:
    """The count of things right before a count of people set off by a comma that restates it
    in people ("1 million farming households, about 6 million people"): a few words, one of
    them a noun that counts no people (data/words.csv `not_people`), between the two."""
    if s.word(a.t0 - 1) != ",":
        return None
    b = max((b for b in counts if b.t1 < a.t0), key=lambda b: b.t1, default=None)
    gap = s.lower[b.t1 : a.t0 - 1] if b is not None else []
    if b is None or not 0 < len(gap) <= 3 or not all(w.isalpha() for w in gap):
        return None
    return b if any(w in not_people for w in gap) else None


def _part_of(s: Sentence, a: AmountSpan) -> int:
    """How many tokens after the number say it counts some of the people named before ("6.8
    million of them", "of whom": data/words.csv `part_of`); 0 when none do."""
    return next((n for n in (2, 3) if " ".join(s.lower[a.t1 : a.t1 + n]) in gazetteer.words("part_of")), 0)


def _condition_of_noun(s: Sentence, noun: MentionSpan, ind_t: int) -> bool:
    """Whether the condition at token `ind_t` is said of the noun of people right before it, in
    a relative clause or a participle ("people who have fled", "people displaced by"): only
    relative pronouns and copulas (data/words.csv `relative`, `copula`) between them."""
    between = s.lower[noun.t1 : ind_t]
    glue = gazetteer.words("relative") | gazetteer.words("copula")
    return ind_t >= noun.t1 and len(between) <= 3 and all(w in glue for w in between)


def _lead_place(s: Sentence, donors: set[str]) -> tuple[int, str] | None:
    """(the token after its comma, country) of the place a sentence opens on: "In Somalia,",
    "In Chad alone,", "In northern Ethiopia," (a `place_lead` word, then `place_modifier`
    words, places of one country and `place_focus` words up to a comma). None when the
    sentence opens otherwise, or on a donor ("In Japan, the government pledged ...")."""
    if s.word(0) not in gazetteer.words("place_lead"):
        return None
    skip = gazetteer.words("place_modifier") | gazetteer.words("place_focus")
    found: set[str] = set()
    k = 1
    while k < s.n and s.lower[k] != ",":
        m = s.mention_at(k)
        if m is not None and m.mention.location and not m.mention.has("demonym"):
            found.add(m.mention.location)
            k = m.t1
        elif s.lower[k] in skip:
            k += 1
        else:
            return None
    if len(found) != 1 or k >= s.n:
        return None
    iso = found.pop()
    return None if iso in donors else (k + 1, iso)


def _country_of_the_country(s: Sentence, art: Article, donors: set[str]) -> str | None:
    """The country "the country" stands for: the one its section's heading or its paragraph
    names, else the article's; none when that gives."""
    heading = art.heading_places(s.start)
    home = next(iter(heading)) if len(heading) == 1 else _paragraph_country(s, art, donors) or art.main_iso3
    return home if home not in donors else None


def _the_country(s: Sentence, lo: int, hi: int) -> int | None:
    """The token of "country" in "the country" (or "the country's", "the Kingdom": data/words.csv
    country_anaphor) between lo and hi: the article's own country, in a text about one."""
    nouns = gazetteer.words("country_anaphor")
    return next((k for k in range(max(lo, 1), hi) if s.lower[k] in nouns and s.lower[k - 1] == "the"), None)


def _own_place(s: Sentence, k: int) -> str | None:
    """The country a part of a total names right after its number (or the noun it counts),
    starting at token `k`: "7.1 million in Somalia", "7.2 million in southern and south-eastern
    Ethiopia" (a `host_prep`, then `place_modifier` words, which "and" may join); None when the
    part names no country there."""
    if s.word(k) not in gazetteer.words("host_prep"):
        return None
    modifiers = gazetteer.words("place_modifier")
    k += 1
    while s.word(k) in modifiers or (s.word(k) == "and" and s.word(k + 1) in modifiers):
        k += 1
    m = s.mention_at(k)
    if m is None or m.mention.has("demonym") or m.mention.has("region"):
        return None
    return m.mention.location


def _place_with(s: Sentence, a: AmountSpan) -> str | None:
    """The country of "Chad with 3.4 million": a place right before a word of data/words.csv
    `place_count` right before the number has the people it counts; so does a place right
    before the number in a list that leaves out the verb ("Peru hosts 500,000 Venezuelans and
    Ecuador about 220,000")."""
    k = a.t0 - 1
    gapped = s.mention_at(k)
    if (
        gapped is not None
        and gapped.t1 == a.t0
        and gapped.mention.location
        and not gapped.mention.has("demonym")
        and s.word(gapped.t0 - 1) in (",", "and")
        and any(b.t1 <= gapped.t0 for b in s.amounts)
    ):
        return gapped.mention.location
    if s.word(k) not in gazetteer.words("place_count"):
        return None
    m = next((m for m in s.mentions_in(max(0, k - 4), k) if m.t1 == k), None)
    return m.mention.location if m is not None and not m.mention.has("demonym") else None


def _person_noun_near(s: Sentence, a: AmountSpan) -> MentionSpan | None:
    """The noun of people a few words after a number, past any describing words ("142,000
    pregnant and breastfeeding women"); None past a comma or another number."""
    for k in range(a.t1, min(s.n, a.t1 + 5)):
        m = s.mention_at(k)
        if m is not None and m.mention.has("cue", "person"):
            return m
        if not s.lower[k].isalpha() or any(b.t0 == k for b in s.amounts):
            return None
    return None


def _other_nationality(s: Sentence, a: AmountSpan, noun: MentionSpan, ind_t: int, prev_amount: int) -> bool:
    """Whether a count of a nationality ("495,000 Bangladeshis") would borrow its condition
    from the count before it ("978,000 Rohingya refugees and"), which names no one of that
    nationality: a nationality is no condition, and another group's does not pass to it."""
    if not noun.mention.has("demonym") or not 0 < prev_amount <= ind_t < a.t0:
        return False
    iso = noun.mention.value("demonym")
    return not any(m.mention.value("demonym") == iso for m in s.mentions_in(prev_amount, a.t0))


def _is_count(s: Sentence, a: AmountSpan, not_people: frozenset[str]) -> bool:
    """Whether a number may count people: not money, goods, a range, a restatement, a year,
    a small number or a count of things ("tonnes", "households")."""
    amount = a.amount
    if amount.is_money or amount.unit or amount.is_range or s.is_conversion(a) or amount.value < 100:
        return False
    return not (
        (not amount.has_scale and is_year_token(amount.raw.strip()))
        or s.word(a.t1) in not_people
        or _counts_sites(s, a, not_people)
        or _part_of_places(s, a, not_people)
    )


def _part_of_places(s: Sentence, a: AmountSpan, not_people: frozenset[str]) -> bool:
    """Whether the number counts a part of a count of places: "in 84 of the country's 116
    districts"."""
    return s.word(a.t1) == "of" and any(
        a.t1 < b.t0 <= a.t1 + 5 and s.word(b.t1) in not_people for b in s.amounts
    )


def _counts_sites(s: Sentence, a: AmountSpan, not_people: frozenset[str]) -> bool:
    """Whether the number counts places that an indicator phrase names ("534 displacement
    camps", "120 collective shelters": its last word is a `not_people` noun), not people."""
    m = s.mention_at(a.t1)
    # "forced about 1.4 million from their homes": a phrase that opens on a preposition counts no noun
    preposition = s.word(a.t1) in gazetteer.words("dest_prep") | gazetteer.words("giver_prep")
    return m is not None and m.mention.has("indicator") and s.word(m.t1 - 1) in not_people and not preposition


def _breakdown(s: Sentence, counts: list[AmountSpan], not_people: frozenset[str]) -> dict[int, AmountSpan]:
    """The parts of a total stated right after it, by their first token: "6.1 million
    internally displaced: 1.2 million before the war and 4.9 million since" maps the two
    numbers after the colon (or dash) to the one before it, as they add up to it. Numbers
    after a colon that do not ("9 million displaced: the most since 2014") are no parts."""
    out: dict[int, AmountSpan] = {}
    opener = gazetteer.words("breakdown")
    for i, total in enumerate(counts):
        if total.t0 in out or not _is_count(s, total, not_people):
            continue
        nxt = counts[i + 1].t0 if i + 1 < len(counts) else s.n
        # the total's own words come first: "6.1 million internally displaced:"; or its clause runs
        # on and the colon opens the first part ("4 million will be malnourished this year: 1.3
        # million ..."); or, past a comma, the first part says it is one: "8.6 million have fled,
        # 6.8 million of them within Sudan"
        if (
            not any(w in opener for w in s.lower[total.t1 : min(nxt, total.t1 + 6)])
            and not (i + 1 < len(counts) and s.word(nxt - 1) in opener)
            and not (i + 1 < len(counts) and "," in s.lower[total.t1 : nxt] and _part_of(s, counts[i + 1]))
        ):
            continue
        acc, found = 0.0, []
        for b in counts[i + 1 :]:
            if not _is_count(s, b, not_people):
                continue
            acc += b.amount.value
            found.append(b)
            if acc > total.amount.value * 1.05:
                break  # numbers are positive: a sum past the total stays past it
            if len(found) >= 2 and _adds_up(total.amount.value, total.amount.qualifier, acc):
                out.update((b.t0, total) for b in found)
                break
    return out


def _adds_up(total: float, qualifier: str | None, parts: float) -> bool:
    """Whether parts sum to a total: within 2%, or 5% of a total given as "about",
    "more than" or "nearly" (the parts are rounded, or the total is).

    >>> _adds_up(6.1e6, None, 1.2e6 + 4.9e6), _adds_up(10e6, None, 4.2e6 + 5.6e6)
    (True, True)
    >>> _adds_up(6e6, None, 2e6 + 1e6), _adds_up(4e6, "about", 2.6e6 + 1.35e6)
    (False, True)
    """
    slack = 0.05 if qualifier in ("more_than", "about", "nearly") else 0.02
    return abs(parts - total) <= slack * total


def _elliptic(s: Sentence, a: AmountSpan, lo: int, indicators: list, after_a_figure: bool) -> bool:
    """Whether a number with no noun still counts people: "the estimated 25,000 made
    homeless", "from 7.9 million people in 2024 to 7.8 million", "one million are
    displaced", "Refugees ... include 200,000 in Kenya", "the number of IDPs rose to 710,000",
    "displaced over 1.3 million and" (the condition's verb right before it)."""
    nxt = s.word(a.t1)
    # the condition right after the number, or past a word or two that describe the people
    # ("83,000 new arrivals": words.csv noun_gap)
    k = a.t1
    while k < a.t1 + 2 and s.word(k) in gazetteer.words("noun_gap") and s.word(k) not in ("of", "-"):
        k += 1
    if any(m.t0 in (a.t1, k) for m in s.mentions if m.mention.has("indicator")):
        return True
    if nxt in ("more", "others") and any(a.t1 < i0 <= a.t1 + 5 for i0, _, _ in indicators):
        return True  # "Nearly 4 million more have fled abroad": more people
    if (
        a.t0 == 0
        and nxt in ("-", "–", "—", ":")
        and any(
            m.t0 == a.t1 + 1 and (m.mention.has("cue", "person") or m.mention.has("indicator"))
            for m in s.mentions
        )
    ):
        return (
            True  # a key figure, its number first: "6.2 million - people in need of humanitarian assistance"
        )
    if (
        s.word(a.t0 - 1).endswith(":")  # "Internally displaced (since 15 April 2023): 6.5 million"
        and (
            nxt in ("", ".", ";")
            # a note after it, with no verb or condition of its own: "884,000 across five provinces
            # (WHO)", "48,915 (in 112 accommodation sites)"
            or not any(m.mention.has("verb") or m.mention.has("indicator") for m in s.mentions_in(a.t1, s.n))
        )
        and any(m.t1 < a.t0 for m in s.mentions if m.mention.has("indicator") and m.t0 >= lo)
    ):
        return True  # a key figure: "People in need: 24.8 million", "Internally displaced: 6.5 million"
    if any(m.t1 == a.t0 for m in s.mentions if m.mention.has("indicator")) and (
        not nxt.isalpha() or nxt in gazetteer.words("clause_break") | gazetteer.words("after_elided")
    ):
        return True  # "the floods have ... displaced over 1.3 million and affected about 2.5 million others"
    copula = gazetteer.words("copula")
    share = _share_apposition().match(s.text, a.end) if nxt in (",", "—", "–", "-", "--") else None
    if share is not None:
        # "an estimated 21.1 million, 80% of the population, in need": the condition follows the share
        k = s.tok(share.end())
        while k < min(s.n, a.t1 + 16) and s.lower[k] in copula:
            k += 1
        if any(m.t0 == k for m in s.mentions if m.mention.has("indicator")):
            return True
    if after_a_figure and (
        nxt in ("in", "live", "of", ",", "to", ".", "", "that", "who", "by")
        or nxt in copula
        or _place_with(s, a) is not None
        # "... and some 7 million on the brink of famine"
        or (nxt in ("on", "at") and any(a.t1 < i0 <= a.t1 + 4 for i0, _, _ in indicators))
    ):
        return True
    if (
        after_a_figure
        and s.word(a.t0 - 1) == "("
        and nxt == ")"
        and any(m.t1 == a.t0 - 1 and m.mention.location for m in s.mentions_in(max(lo, a.t0 - 6), a.t0))
    ):
        return True  # "Colombia hosts 2.8 million Venezuelans, followed by Peru (1.5 million)"
    if (
        after_a_figure
        and s.word(a.t0 - 1) in ("at", "to")
        and any(s.lower[k] in gazetteer.words("figure_noun") for k in range(max(lo, a.t0 - 5), a.t0))
    ):
        return True  # "270,000 people have been affected, while in Malawi the figure stands at 868,900"
    # "Colombia hosts the largest number, some 2.8 million": the number the condition's verb
    # speaks of, in apposition
    noun = next(
        (k for k in range(max(lo, a.t0 - 5), a.t0) if s.lower[k] in gazetteer.words("figure_noun")), None
    )
    if (
        noun is not None
        and s.word(noun + 1) == ","
        and any(noun - 4 <= m.t1 <= noun - 1 for m in s.mentions if m.mention.has("indicator"))
    ):
        return True
    part = _part_of(s, a)
    k = a.t1 + part  # "2.5 million of them will be in Emergency"
    if s.word(k) in copula and any(k <= i0 <= k + 3 for i0, _, _ in indicators):
        return True
    if part and any(k <= i0 <= k + 1 for i0, _, _ in indicators):
        return True  # "22.2 million Yemenis needed help, 8.4 million of them on the brink of famine"
    if (
        nxt == "in"
        and any(
            m.t1 <= a.t0 and m.t0 >= max(lo, a.t0 - 8) and m.mention.has("cue", "person") for m in s.mentions
        )
        and any(m.t0 == a.t1 + 1 and m.mention.location for m in s.mentions)
    ):
        return True
    for k in _number_of(s, max(lo, a.t0 - 20), a.t0):
        m = s.mention_at(k + 2 if s.word(k + 1) == "of" else k + 1)
        # "the number of people affected", "the number of Kenyans in need": people, or a nation's
        if m and (m.mention.has("cue", "person") or m.mention.has("indicator") or m.mention.has("demonym")):
            return True
    for k in range(max(lo, a.t0 - 20), a.t0):
        if s.lower[k] == "caseload" and any(k - 3 <= i1 <= k for _, i1, _ in indicators):
            return True  # "the food insecure caseload rose to 6 million"
    return False


def _share_after(s: Sentence, a: AmountSpan, noun: MentionSpan | None) -> tuple[int, int] | None:
    """The tokens of a share or a part set off by commas right after the number or the noun of
    people it counts (", about half of the population, ", ", including 260,000 children, "), else None."""
    k = noun.t1 if noun is not None and noun.t0 >= a.t1 else a.t1
    if (
        s.word(k) in gazetteer.words("dest_prep")
        and (place := s.mention_at(k + 1))
        and place.mention.location
    ):
        k = place.t1  # "24.4 million people across Afghanistan – more than half of the population –"
    if s.word(k) not in (",", "—", "–"):
        return None
    m = _share_apposition().match(s.text, s.tok_starts[k])
    if m is not None:
        return k, s.tok(m.end())
    if s.word(k + 1) in gazetteer.words("including"):
        # "650,000 people, including 260,000 children, need": the part set off by commas
        close = next((j for j in range(k + 2, min(s.n, k + 10)) if s.lower[j] == ","), None)
        if close is not None:
            return k, close + 1
    return None


@cache
def _share_apposition() -> re.Pattern[str]:
    """A share of the whole set off by commas or dashes right after a count, up to the first word
    after it: ", 80% of the population, ", " — about 80 percent of Yemen's population — " (the
    percent words and `share_noun` of data/words.csv)."""
    percent = gazetteer.alternation(gazetteer.words("percent"))
    whole = gazetteer.alternation(gazetteer.words("share_noun"))
    return re.compile(
        rf"""
        \s*(?:[,—–]|\s-{{1,2}})      # the comma (or dash, "--" in plain text) that opens the apposition
        [^,;:.—–]{{1,40}}?          # a few words: "80", "or a third of the"
        (?:{percent}|{whole}|\bone\s+in\s+\w+)  # a share: "%", "one in seven", or the whole: "population"
        [^,;:.—–]{{0,30}}?          # what ends it: "of the country's population"
        (?:[,—–]|\s-{{1,2}}\s)\s*     # the comma (or dash) that closes it
        """,
        re.VERBOSE | re.IGNORECASE,
    )


def _hedges_estimate(s: Sentence, cue: MentionSpan, a: AmountSpan) -> bool:
    """Whether a hypothetical cue hedges the number, not the condition: "the number of displaced
    could be as high as 150,000" states an estimate, and so do the numbers listed after it
    ("... and 100,000 in Malawi"); "could face famine" and "could be displaced" do not state
    that anyone is in the condition yet."""
    k = cue.t1
    if s.word(k) != "be":
        return False
    start = k = k + 1
    while k < a.t0 and s.lower[k] in gazetteer.words("estimate_gap"):
        k += 1
    # the number hedged may open on the gap's words ("as many as 80,000" is one amount)
    return any(start <= b.t0 <= k for b in s.amounts if b.t0 <= a.t0)


def _stated_forecast(s: Sentence, cue: MentionSpan, a: AmountSpan) -> bool:
    """Whether a hypothetical cue after the number states a forecast of it (words.csv
    forecast_cue: "3.2 million children under five are expected to suffer from acute
    malnutrition"), as GUIDELINES.md labels one with "will"; not one before it ("is expected
    to push 2 million people into hunger")."""
    return cue.t0 >= a.t1 and " ".join(s.lower[cue.t0 : cue.t1]) in gazetteer.words("forecast_cue")


def _nearest_indicator(s, a, lo, hi, indicators, noun, elliptic, prev_amount, next_amount):
    """(distance, indicator, token) of the indicator phrase nearest the number, in its
    clause first; None when none is within reach."""
    best = None
    share = _share_after(s, a, noun)
    if share is not None and share[0] <= next_amount < share[1]:
        # "650,000 people, including 260,000 children, need": the part inside the commas does not
        # take the condition from its whole
        next_amount = min((b.t0 for b in s.amounts if b.t0 >= share[1]), default=s.n)
    copula = gazetteer.words("copula")
    for i0, i1, ind in indicators:
        if i0 >= a.t1:
            if i0 >= next_amount and not elliptic:
                continue  # it belongs to the next number
            dist = i0 - a.t1
            if elliptic and all(w in copula for w in s.lower[a.t1 : i0]):
                # "... were affected and about 3 million were displaced": the condition stated of
                # the number itself, before any that an earlier figure of the sentence names
                dist = -1
            if share is not None and i0 >= share[1]:
                # "24.8 million people, about half of the population, now need": the share stands
                # between the count and its condition, no farther from it than a copula
                dist -= share[1] - share[0]
            # "6.3 million people in the regions of Mandalay, Sagaing, Magway, Bago and Shan need":
            # a list of places where they are, right before the condition, counts no farther than one
            listed = [m for m in s.mentions_in(a.t1, i0) if m.mention.location or m.mention.has("region")]
            if len(listed) > 1 and i0 - listed[-1].t1 <= 3:
                dist -= sum(m.t1 - m.t0 for m in listed[1:]) + sum(
                    1 for k in range(listed[0].t1, listed[-1].t0) if s.lower[k] in (",", "and")
                )
        elif i1 <= a.t0:
            dist = a.t0 - i1 + (6 if i1 <= prev_amount and noun is not None and not elliptic else 0)
            if noun is not None and any(w in ("and", ",", "while") for w in s.lower[i1 : a.t0]):
                dist += 4  # "require assistance and over 200,000 children ... are malnourished"
        else:
            dist = 0
        if i0 < lo or i1 > hi:
            dist += 8
        if dist <= 16 and (best is None or dist < best[0]):
            best = (dist, ind, i0)
    return best


def _group(noun: MentionSpan | None) -> str | None:
    if noun is None:
        return None
    word = noun.mention.text.lower()
    if word in gazetteer.words("idp"):
        return "IDPs"
    return word if word in gazetteer.words("population_group") else "people"


def _risk_country(
    s: Sentence,
    a: AmountSpan,
    lo: int,
    hi: int,
    donors: set[str],
    art: Article,
    indicator: str,
    whole: RiskFigure | None = None,
    prior: tuple[int, RiskFigure] | None = None,
) -> str | None:
    """Where the people counted are: the one host named after the number ("crossed into
    western Tanzania"), a host that "hosts" or "has received" them, "in X" after the number,
    the demonym it counts ("1.4 million Haitians"), the country they fled, else the place of
    the figure before it in the sentence (`prior`, by its number's first token) when no other
    is named between them, else the nearest country named, else the one country the paragraph
    named before the sentence, else the article's main country; None for a region or a
    list of countries, unless displaced people are spread over them (then the article's country)."""
    next_amount = min((b.t0 for b in s.amounts if b.t0 >= a.t1), default=s.n)
    owner = _place_with(s, a)
    if owner is not None:
        return owner  # "followed by Chad with 3.4 million, Burkina Faso with 2.7 million"
    host = _host_after(s, a, min(next_amount, hi, a.t1 + _HOST_REACH), donors)
    if host is not None:
        # "45,000 Burundian refugees have crossed into western Tanzania": where they are now,
        # not the country their demonym names (GUIDELINES.md: one named host is the place)
        return host
    for m in s.mentions_in(lo, a.t0):
        # "Lebanon, already mired in its worst crisis in decades, also hosts": past an aside
        close = (
            next((k for k in range(m.t1 + 1, a.t0) if s.lower[k] == ","), None)
            if s.word(m.t1) == ","
            else None
        )
        if (
            m.mention.location
            # "Turkey is already hosting", "Lebanon, which says it hosts"
            and (
                any(w in gazetteer.words("host") for w in s.lower[m.t1 : min(a.t0, m.t1 + 6)])
                or (
                    close is not None
                    and any(w in gazetteer.words("host") for w in s.lower[close + 1 : min(a.t0, close + 4)])
                )
            )
            # "Peru hosts 500,000 Venezuelans and Ecuador about 220,000": the host nearest the count
            and not any(
                x.mention.location and not x.mention.has("demonym") for x in s.mentions_in(m.t1, a.t0)
            )
        ):
            return m.mention.location  # "Turkey is already hosting 2.5 million Syrian refugees"
    country = _the_country(s, lo, a.t0)
    named = not gazetteer.words("country_anaphor").isdisjoint(s.lower)
    home = _country_of_the_country(s, art, donors) if named else None
    if (
        home is not None
        and country is not None
        and any(w in gazetteer.words("host") for w in s.lower[country + 1 : min(a.t0, country + 6)])
    ):
        return home  # "The country was already hosting 1.5 million Syrian refugees": the article's
    lead = _lead_place(s, donors)
    if lead is not None and all(
        m.mention.location == lead[1]
        for m in s.mentions_in(lead[0], a.t0)
        if (m.mention.location and not m.mention.has("demonym")) or m.mention.has("region")
    ):
        # "In Chad alone, more than 570,000 Sudanese refugees have arrived": the place the sentence
        # opens on is where its figures are, before the demonym they count, until a clause names
        # another ("..., while in Syria 8.8 million")
        return lead[1]
    if whole is not None:
        # "Almost a million of these are refugees from Somalia": with no host of their own, some of
        # the people counted before are where those are, not in the country they fled
        return whole.country_iso3
    # a place past the clause's end is another clause's: "about 3 million were displaced, while
    # in Syria 8.8 million ..."
    source = _source_start(s, a.t1, min(next_amount, a.t1 + 10, hi))
    after = _the_country(s, a.t1, source)
    if (
        home is not None
        and after is not None
        and s.word(after - 2) in gazetteer.words("host_prep") | {"of"}
        and not any(m.mention.location for m in s.mentions_in(a.t1, after))
    ):
        return home  # "... have been affected in the country", "in 84 of the country's districts"
    for m in s.mentions_in(a.t1, source):
        if not (m.mention.location or m.mention.has("region")):
            continue
        prev = s.word(m.t0 - 1)
        if _in_list(s, m):
            k = m.t0 - 1 if prev != "the" else m.t0 - 2
            to_hosts = s.word(k) in ("to", "into") or _names_country_noun(s, k)
            if indicator == "displaced" and to_hosts:
                # "sought refuge in neighbouring countries (Uganda, Kenya and Ethiopia)", "fled to
                # Chad, Egypt and Libya": spread over several hosts, refugees are placed by the
                # country they fled, the article's (GUIDELINES.md); "displaced in Mali, Niger and
                # Chad" is no one country
                hosts = {x.mention.location for x in s.mentions_in(m.t0, hi)}
                main = art.main_iso3
                return main if main not in hosts and main not in donors else None
            listed = [
                x for x in s.mentions_in(m.t0, min(hi, m.t0 + 15)) if x.mention.location and _in_list(s, x)
            ]
            places = {x.mention.location for x in listed if not x.mention.has("demonym")}
            if len(places) == 1:
                return places.pop()  # "in Afar, Somali and Oromia regions": regions of one country
            return None  # "in Djibouti, Ethiopia, Kenya, Somalia and Uganda": no one country
        if m.mention.has("region"):
            if m.t0 <= a.t1 + 5 and (prev in ("in", "across", "of", "the") or m.t0 <= a.t1 + 3):
                return None
            continue
        if m.mention.has("demonym") and m.t0 <= a.t1 + 2:
            return m.mention.location
        if indicator == "displaced" and not gazetteer.words("flee_verb").isdisjoint(s.lower[a.t1 : m.t0]):
            host = _host_before(s, a, m.mention.location, donors)
            if host is not None:
                return host  # "crossed into Chad, joining 400,000 who fled conflict in Darfur": in Chad
            main = art.main_iso3
            if main is not None and main != m.mention.location and main not in donors:
                # "700,000 Rohingya fled a crackdown in Myanmar's Rakhine State" in an article on
                # Bangladesh: those who fled are in the country the article is about
                return main
        if prev == "from" and s.word(m.t0 - 2) in gazetteer.words("flight"):
            host = _host_before(s, a, m.mention.location, donors)
            if host is not None:
                return host  # "aid to Malawi to feed 96,700 people displaced from Mozambique": in Malawi
        if m.mention.has("demonym") and prev in ("in", "across", "throughout"):
            continue  # "in Somali, Oromia and SNNP regions": a region a people names, in another country
        if (
            prev in ("in", "inside", "within", "across", "fled", "flee", "from", "of", "throughout")
            or (prev == "the" and s.word(m.t0 - 2) in ("in", "of", "from"))
            or m.mention.has("place")
        ):
            return m.mention.location
    if prior is not None and all(
        m.mention.location == prior[1].country_iso3
        for m in s.mentions_in(prior[0], a.t0)
        if m.mention.location or m.mention.has("region")
    ):
        # "17.6 million people in Ukraine need assistance, and 3.7 million remain displaced": a
        # second figure that names no place of its own is where the first's people are
        return prior[1].country_iso3
    if indicator == "displaced":
        own_words = s.lower[a.t1 : min(next_amount, hi)]
        # "2 million people have been internally displaced ... and 528,000 have fled to neighbouring
        # countries, including 150,000 to Chad": inside the country, or spread over its neighbours,
        # the people are placed by the country they left, not a host a later number names
        inside = "internally" in own_words[:4] and not any(m.mention.location for m in s.mentions_in(0, a.t0))
        countries = gazetteer.words("country_noun")
        spread = any(
            w in gazetteer.words("goal_prep") and not countries.isdisjoint(own_words[i + 1 : i + 3])
            for i, w in enumerate(own_words)
        ) and not gazetteer.words("flee_verb").isdisjoint(own_words)
        if inside or spread:
            return _paragraph_country(s, art, donors) or art.main_iso3
    authority = gazetteer.words("authority")
    cands = [
        m
        for m in s.mentions
        if m.mention.location
        and m.mention.location not in donors
        # "Israeli orders" names no place; "The Turkish government says" speaks for its country
        and not (
            m.mention.has("demonym") and not m.mention.text.endswith("s") and s.word(m.t1) not in authority
        )
        and not _in_list(s, m)
    ]
    # "The Turkish government says 13 million people have been affected, while ... in Syria":
    # a place of the figure's own clause first, then the nearest of the sentence
    cands = [m for m in cands if lo <= m.t0 < hi] or cands
    if cands:
        best = min(cands, key=lambda m: abs(m.t0 - a.t0))
        if abs(best.t0 - a.t0) <= 25:
            return best.mention.location
    if any(not _superlative_scope(s, m) for m in s.mentions_in(lo, hi, "region")) or _several_countries(
        s, lo, hi
    ):
        return None  # "in the region", "in these three countries": no one country to fall back on
    return _paragraph_country(s, art, donors) or art.main_iso3


def _paragraph_country(s: Sentence, art: Article, donors: set[str]) -> str | None:
    """The one country (not a donor) that the sentences of the paragraph before this one name
    ("In Kenya, 4 million people need aid. Some 900,000 children are malnourished."): in an
    article over several countries, a paragraph that opens on one speaks of it until it ends
    (a line break). None when they name none or several."""
    header = list_header(art.text, s.start)
    # a list's items are of the paragraph of their header
    para = header[0] if header is not None else art.text.rfind("\n", 0, s.start) + 1
    named = {m.location for m in gazetteer.starting_in(art.mentions, para, s.start) if m.location} - donors
    if not named:
        named = art.heading_places(para) - donors
    return named.pop() if len(named) == 1 else None


def _share_before(s: Sentence, a: AmountSpan, lo: int) -> float:
    """The share of the number that the figure is: "Half of Gaza's 2.2 million people are
    starving" counts 1.1 million, and "more than half of the country's population of 260,000"
    130,000 (a fraction word of data/numbers.csv, then "of"); else 1."""
    fractions = gazetteer.number_words("fraction")
    for k in range(a.t0 - 1, max(lo, a.t0 - 9), -1):
        if s.lower[k] in (",", ";", ":"):
            break
        if s.lower[k] == "of" and s.word(k - 1) in fractions and k - 1 >= lo:
            return fractions[s.word(k - 1)]
    return 1.0


def _number_of(s: Sentence, lo: int, t: int) -> list[int]:
    """The tokens in lo:t that open "number(s) of", or "number" right before a condition ("puts
    the number affected at 1.85 million"): what follows is what the figure counts."""
    return [
        k
        for k in range(lo, t)
        if s.lower[k] in ("number", "numbers")
        and (
            s.word(k + 1) == "of"
            or any(m.t0 == k + 1 and m.mention.has("indicator") for m in s.mentions_in(k + 1, k + 6))
        )
    ]


def _number_of_before(s: Sentence, lo: int, t: int) -> bool:
    """Whether "the number of" opens the clause's subject before token `t`: then "has reached"
    says what the number came to, not whom aid reached."""
    return bool(_number_of(s, lo, t))


def _source_start(s: Sentence, t0: int, t1: int) -> int:
    """The first token in t0:t1 that cites a source ("according to"), else t1: a country after
    it names who gave the figure ("according to estimates by Georgia and Russia"), not where
    the people are."""
    cites = gazetteer.words("attribution")
    for k in range(t0, t1):
        if " ".join(s.lower[k : k + 2]) in cites:
            return k
    return t1


def _names_country_noun(s: Sentence, k: int) -> bool:
    """Whether the tokens ending at `k`, right before a list of places, say the list names the
    countries of a plural noun before it: "neighbouring countries (Uganda, Kenya", "neighbouring
    countries, including Chad, Egypt", "neighboring countries, mainly Uganda" (data/words.csv
    `including`, `chiefly`)."""
    including = gazetteer.words("including") | gazetteer.words("chiefly")
    opener = 1 if s.word(k) == "(" else 0
    if not opener:
        opener = next((n for n in (1, 2) if " ".join(s.lower[max(0, k - n + 1) : k + 1]) in including), 0)
    if not opener:
        return False
    j = k - opener
    if s.word(j) == ",":
        j -= 1
    return s.word(j) in gazetteer.words("country_noun")


def _several_countries(s: Sentence, lo: int, hi: int) -> bool:
    """Whether tokens lo:hi speak of several countries without naming them: a plural noun
    of countries after a number ("the three countries") or a word of several ("these
    nations", "both countries")."""
    several = gazetteer.words("several")
    counts = gazetteer.number_words("ones", "tens")
    for k in range(max(lo, 1), hi):
        if s.lower[k] in gazetteer.words("country_noun"):
            before = s.lower[k - 1]
            if before in several or before.isdigit() or counts.get(before, 0) >= 2:
                return True
    return False


def _host_after(s: Sentence, a: AmountSpan, end: int, donors: set[str]) -> str | None:
    """The one country named after the number, before `end`, as where the people are: after
    a host preposition ("in", "into", "to") and its modifiers ("into western Tanzania", "in
    camps in Chad"). None when there is none, when the first is one of several hosts
    ("fled to Turkey, Lebanon and Jordan", "to Poland and other countries": the people are
    placed by the country they fled), or when it gives aid (a donor)."""
    preps, modifiers = gazetteer.words("host_prep"), gazetteer.words("place_modifier")
    # "..., and in Somalia, 1.3 million": a place past a comma and "and" opens the next clause
    stop = next(
        (
            j
            for j in range(a.t1, end)
            if s.lower[j] == "," and s.word(j + 1) == "and" and s.word(j + 2) in preps
        ),
        end,
    )
    opened = max((j for j in range(a.t0) if s.lower[j] == ","), default=None)
    if opened is not None and s.word(opened + 1) in gazetteer.words("relative"):
        # "Jordan, which hosts 660,000 Syrian refugees, said it would move aid to Syria": the
        # comma that closes the relative clause ends what is said of the number
        stop = min(stop, next((j for j in range(a.t1, stop) if s.lower[j] == ","), stop))
    for m in s.mentions_in(a.t1, stop):
        region = m.mention.has("region")
        if not (m.mention.location or region) or m.mention.has("demonym"):
            continue
        k = m.t0 - 1
        while k > a.t1 and s.lower[k] in modifiers:
            k -= 1
        flee = [j for j in range(a.t1, k) if s.lower[j] in gazetteer.words("flee_verb")]
        # "have fled Myanmar for Bangladesh": where those who fled went
        goal = bool(flee) and s.lower[k] in gazetteer.words("flight_goal_prep")
        if (s.lower[k] not in preps and not goal) or " ".join(s.lower[k - 1 : k + 1]) in gazetteer.words(
            "attribution"
        ):
            continue  # "according to Kenya" names a source, not a host
        if flee and flee[-1] != k - 1 and s.lower[k] not in gazetteer.words("goal_prep") and not goal:
            # "who fled conflict in Darfur": where they left; "who fled to Chad", and "fled
            # violence in Darfur to Chad" past the place left, name where they went
            continue
        if region or _in_list(s, m) or _and_others(s, m) or m.mention.location in donors:
            return None  # "refugees in the region, most in Turkey": spread over several hosts
        return m.mention.location
    return None


def _and_others(s: Sentence, m: MentionSpan) -> bool:
    """ "to Poland and other countries", "in Jordan and the region": a host among unnamed others."""
    k = m.t1
    if s.word(k) not in (",", "and", "or"):
        return False
    while s.word(k) in (",", "and", "or"):
        k += 1
    nxt = s.mentions_in(k, k + 3, "region")
    # "into Chad, many of them women and children": who the people are, not other hosts
    of_them = s.word(k + 1) == "of" and s.word(k + 2) in ("them", "whom")
    return (s.word(k) in gazetteer.words("other_group") and not of_them) or any(x.t0 == k for x in nxt)


def _superlative_scope(s: Sentence, m: MentionSpan) -> bool:
    """ "the worst famine in the world": the world as the scope of a superlative, not a place;
    also past a longer noun phrase ("one of the worst humanitarian and human rights crises in
    the world"), when "the" opens the superlative and no comma ends the phrase before it; and
    as its possessive ("the world's largest displacement crisis")."""

    def superlative(w: str) -> bool:
        return w.endswith("est") or w in gazetteer.words("superlative")  # "largest"; "most", "worst"

    if any(superlative(w) for w in s.lower[max(0, m.t0 - 5) : m.t0]):
        return True
    if s.word(m.t1) in ("'s", "’s") and superlative(s.word(m.t1 + 1)):
        return True
    for k in range(m.t0 - 1, max(0, m.t0 - _SUPERLATIVE_REACH) - 1, -1):
        if s.lower[k] in (",", ";", ":") or s.clause_id[k] != s.clause_id[m.t0]:
            return False
        if superlative(s.lower[k]) and s.word(k - 1) == "the":
            return True
    return False


def _host_before(s: Sentence, a: AmountSpan, origin: str | None, donors: set[str]) -> str | None:
    """The one country named before the number as where aid goes or people are ("to Malawi"),
    other than the country the people fled; None when there is none or several."""
    hosts = {
        m.mention.location
        for m in s.mentions_in(0, a.t0)
        if m.mention.location
        and m.mention.location not in (origin, *donors)
        and (s.word(m.t0 - 1) in ("to", "in", "into") or s.word(m.t0 - 2) in ("to", "in", "into"))
    }
    return hosts.pop() if len(hosts) == 1 else None


def _in_list(s: Sentence, m: MentionSpan) -> bool:
    """Whether a place is one of a list of places of several countries: "Uganda, the Sudan,
    Kenya", "Jordan and Lebanon" (not "In Kenya, Australia's funding", nor "Bukavu and Goma")."""
    locs = sorted((x for x in s.mentions if x.mention.location), key=lambda x: x.t0)
    if m not in locs:
        return False
    i = locs.index(m)

    def link(x: MentionSpan, y: MentionSpan) -> str | None:
        gap = s.lower[x.t1 : y.t0]
        if (
            x.mention.location != y.mention.location  # "in Bukavu and Goma": one country's places
            and 0 < len(gap) <= 2
            and all(w in (",", "and", "the", "or") for w in gap)
            and s.word(y.t1) not in ("'s", "’s")
        ):
            return "and" if ("and" in gap or "or" in gap) else ","
        return None

    left = link(locs[i - 1], m) if i > 0 else None
    right = link(m, locs[i + 1]) if i + 1 < len(locs) else None
    if "and" in (left, right) or (left and right):
        return True
    further = (left and i > 1 and link(locs[i - 2], locs[i - 1])) or (
        right and i + 2 < len(locs) and link(locs[i + 1], locs[i + 2])
    )
    return bool(further)


def _source_org(s: Sentence) -> str | None:
    """The organizations a sentence cites for its figure ("according to WFP and FAO")."""
    if not _attribution().search(s.text.lower()):
        return None
    orgs = [gazetteer.organization_of(m.mention) for m in s.mentions]
    names = dict.fromkeys(
        o.name for o in orgs if o is not None and o.kind in ("un_agency", "multilateral", "ngo")
    )
    return "; ".join(names) or None


@cache
def _attribution() -> re.Pattern[str]:
    """Words that cite a source for a figure: "according to", "said", "estimated"."""
    # open at a word's start only: "estimate" also cites as "estimated" and "estimates"
    return re.compile(r"\b" + gazetteer.alternation(gazetteer.words("attribution"), whole_words=False))


def dedup(risks: list[RiskFigure], sentence_at: Mapping[int, int]) -> list[RiskFigure]:
    """One record per country and count: a figure restated is labelled once, and a total
    that the next figures of its place and condition break into parts is not labelled
    (GUIDELINES.md: "label the parts, not the total"). `sentence_at` gives the index of
    the sentence starting at each character offset (a figure's `span_start`)."""
    seen: set[tuple] = set()
    out = []
    for r in risks:
        key = (r.country_iso3, round(r.people))
        if key not in seen:
            seen.add(key)
            out.append(r)
    return [
        r for i, r in enumerate(out) if not _broken_down(r, out[i + 1 : i + 1 + _PARTS_REACH], sentence_at)
    ]


def _parts_open(total: RiskFigure, part: RiskFigure) -> bool:
    """Whether, in their one sentence, "including" (words.csv including) or a colon stands
    between a total and a later figure: "13.4 million people need humanitarian assistance,
    including 2.9 million in Burkina Faso" (not "..., of whom 11.8 million are in Ethiopia, 4.4
    million in Kenya": a part, then the next)."""
    text = total.evidence
    at = text.find(total.people_raw)
    end = text.find(part.people_raw, at + len(total.people_raw)) if at >= 0 else -1
    if end < 0:
        return False
    between = words_in(text[at + len(total.people_raw) : end].lower())
    return ":" in text[at:end] or not gazetteer.words("including").isdisjoint(between)


def _broken_down(total: RiskFigure, later: list[RiskFigure], sentence_at: Mapping[int, int]) -> bool:
    """Whether the next figures of the total's country and indicator (two or more, in the
    article's order) add up to it: "3.8 million displaced - 2.5 million by conflict and
    1.3 million by drought"; a list's header may total the figures of several countries
    ("10.7 million people in need ... across the four affected countries:" over "• Nigeria:
    8.5 million", "• Cameroon: 1.4 million", ...)."""
    acc = 0.0
    n = 0
    header = total.evidence.rstrip().endswith(":")
    for p in later:
        if sentence_at[p.span_start] - sentence_at[total.span_start] > _PARTS_SENTENCES:
            break
        # its own sentence may break a total of several countries down by country too: "13.4
        # million people need humanitarian assistance, including 2.9 million in Burkina Faso, ..."
        own = sentence_at[p.span_start] == sentence_at[total.span_start] and _parts_open(total, p)
        if (
            p.country_iso3 != total.country_iso3 and not header and not own
        ) or p.indicator != total.indicator:
            continue
        if p.people >= total.people or acc > total.people * 1.05:
            break  # a figure as large is no part; a sum past the total stays past it
        acc += p.people
        n += 1
        if n >= 2 and _adds_up(total.people, total.qualifier, acc):
            return True
    return False
