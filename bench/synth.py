"""A synthetic aid-news corpus at any size, built from templates this module owns.

Every article is marked synthetic: its id is ``synth-NNNNNN``, its source is
``aidtracker-bench synthetic`` and its url is on the reserved ``.invalid`` domain.
Articles mix the kinds of sentences the extractor looks for (pledges in many
currencies and goods, risk figures, appeals) with distractors (deaths, prices,
hypotheticals) and filler prose, at about the length of a real news item.
Generation is deterministic: article ``i`` of seed ``s`` is the same whatever
slice of the corpus is asked for, so corpora can be streamed in chunks.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pyarrow as pa

from bench import JsonRecord, write_jsonl

SOURCE = "aidtracker-bench synthetic"
ID_PREFIX = "synth-"
URL_BASE = "https://bench.invalid/synth/"
SCHEMA_PATH = Path(__file__).resolve().parents[1] / "etl" / "schema.sql"


@dataclass(frozen=True)
class Country:
    """A country as the templates name it, with the currency its officials' bare `$` means."""

    name: str
    demonym: str
    iso3: str
    capital: str
    dollar: str | None = None  # ISO 4217 of a bare "$" in this government's releases


DONOR_COUNTRIES = (
    Country("Japan", "Japanese", "JPN", "Tokyo"),
    Country("Germany", "German", "DEU", "Berlin"),
    Country("France", "French", "FRA", "Paris"),
    Country("the United Kingdom", "British", "GBR", "London"),
    Country("the United States", "American", "USA", "Washington", "USD"),
    Country("Australia", "Australian", "AUS", "Canberra", "AUD"),
    Country("Canada", "Canadian", "CAN", "Ottawa", "CAD"),
    Country("Norway", "Norwegian", "NOR", "Oslo"),
    Country("Sweden", "Swedish", "SWE", "Stockholm"),
    Country("the Netherlands", "Dutch", "NLD", "The Hague"),
    Country("Switzerland", "Swiss", "CHE", "Bern"),
    Country("Saudi Arabia", "Saudi", "SAU", "Riyadh"),
    Country("Kazakhstan", "Kazakh", "KAZ", "Astana"),
    Country("South Korea", "South Korean", "KOR", "Seoul"),
    Country("China", "Chinese", "CHN", "Beijing"),
    Country("Italy", "Italian", "ITA", "Rome"),
    Country("Denmark", "Danish", "DNK", "Copenhagen"),
    Country("New Zealand", "New Zealand", "NZL", "Wellington", "NZD"),
)

RECIPIENT_COUNTRIES = (
    Country("Afghanistan", "Afghan", "AFG", "Kabul"),
    Country("Somalia", "Somali", "SOM", "Mogadishu"),
    Country("Ethiopia", "Ethiopian", "ETH", "Addis Ababa"),
    Country("Sudan", "Sudanese", "SDN", "Khartoum"),
    Country("South Sudan", "South Sudanese", "SSD", "Juba"),
    Country("Yemen", "Yemeni", "YEM", "Sanaa"),
    Country("Haiti", "Haitian", "HTI", "Port-au-Prince"),
    Country("Bangladesh", "Bangladeshi", "BGD", "Dhaka"),
    Country("Pakistan", "Pakistani", "PAK", "Islamabad"),
    Country("Mozambique", "Mozambican", "MOZ", "Maputo"),
    Country("Malawi", "Malawian", "MWI", "Lilongwe"),
    Country("Niger", "Nigerien", "NER", "Niamey"),
    Country("Chad", "Chadian", "TCD", "N'Djamena"),
    Country("Syria", "Syrian", "SYR", "Damascus"),
    Country("Myanmar", "Myanmar", "MMR", "Naypyidaw"),
    Country("Madagascar", "Malagasy", "MDG", "Antananarivo"),
    Country("Nepal", "Nepalese", "NPL", "Kathmandu"),
    Country("Kenya", "Kenyan", "KEN", "Nairobi"),
    Country("Zimbabwe", "Zimbabwean", "ZWE", "Harare"),
    Country("Burkina Faso", "Burkinabe", "BFA", "Ouagadougou"),
    Country("the Democratic Republic of the Congo", "Congolese", "COD", "Kinshasa"),
    Country("Lebanon", "Lebanese", "LBN", "Beirut"),
    Country("Ukraine", "Ukrainian", "UKR", "Kyiv"),
    Country("Sri Lanka", "Sri Lankan", "LKA", "Colombo"),
)

DONOR_ORGS = (
    "the European Union",
    "the World Bank",
    "the Asian Development Bank",
    "the African Development Bank",
    "the Islamic Development Bank",
    "the Central Emergency Response Fund",
    "the Bill & Melinda Gates Foundation",
    "the International Committee of the Red Cross",
)

AGENCIES = (
    "WFP",
    "UNICEF",
    "FAO",
    "UNHCR",
    "OCHA",
    "IOM",
    "the World Food Programme",
    "the UN refugee agency",
)

FIGURE_SOURCES = ("WFP", "FAO", "OCHA", "UNICEF", "the IPC", "FEWS NET", "the government", "aid agencies")

SPEAKERS = (
    "foreign minister",
    "development minister",
    "prime minister",
    "ambassador",
    "aid agency's director",
    "spokeswoman for the foreign ministry",
    "spokesman for the embassy",
)

PLEDGE_VERBS = ("pledged", "promised", "committed", "allocated", "announced", "approved", "granted")
FUTURE_VERBS = ("will provide", "will give", "will contribute", "is to provide")
DELIVERED_VERBS = ("delivered", "sent", "donated", "disbursed", "handed over", "shipped")

PURPOSES = (
    "for emergency food assistance",
    "for drought relief",
    "to help families hit by the floods",
    "for health and nutrition programmes",
    "for refugees and host communities",
    "to rebuild water systems",
    "for seeds and tools ahead of the planting season",
    "for shelter after the earthquake",
    "to support the humanitarian response",
    "for cash transfers to the poorest households",
)

# (unit as the templates write it, commodity, typical range of quantities)
GOODS = (
    ("tonnes", "wheat", (500, 200_000)),
    ("tonnes", "flour", (200, 50_000)),
    ("tons", "rice", (300, 120_000)),
    ("tonnes", "maize", (1_000, 80_000)),
    ("tons", "cereals", (1_000, 300_000)),
    ("tonnes", "vegetable oil", (50, 8_000)),
    ("tonnes", "sugar", (100, 10_000)),
    ("doses", "vaccine", (10_000, 5_000_000)),
    ("tents", None, (100, 20_000)),
    ("blankets", None, (1_000, 200_000)),
    ("hygiene kits", None, (500, 100_000)),
    ("water purification tablets", None, (100_000, 10_000_000)),
)

# indicator -> phrases that follow the people counted
RISK_PHRASES = {
    "famine_risk": (
        "are at risk of famine",
        "are on the brink of famine",
        "face starvation",
        "are in IPC Phase 4 or worse",
    ),
    "food_insecure": (
        "face acute food insecurity",
        "do not have enough to eat",
        "are acutely hungry",
        "go to bed hungry every night",
    ),
    "in_need": (
        "need humanitarian assistance",
        "are in need of food aid",
        "require urgent humanitarian aid",
    ),
    "displaced": (
        "have been displaced by the fighting",
        "have fled their homes",
        "are internally displaced",
    ),
    "malnourished": (
        "suffer from acute malnutrition",
        "are severely malnourished",
        "are wasted",
    ),
    "affected": (
        "have been affected by the floods",
        "were affected by the cyclone",
        "have been affected by the drought",
    ),
}

GROUPS = ("people", "people", "people", "children", "women and children", "refugees", "farmers")
QUALIFIERS = ("about", "more than", "up to", "nearly", "some", "over", "almost", "at least", "")

REGIONS = ("the north", "the south", "the east", "the west", "the central highlands", "the coastal provinces")
EVENTS = (
    "drought",
    "floods",
    "a cyclone",
    "an earthquake",
    "locust swarms",
    "conflict",
    "a poor harvest",
    "a cholera outbreak",
)
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

NUMBER_WORDS = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twelve", "fifteen")

# Filler: sentence frames with slots drawn at random; none carries a pledge or a figure.
FILLER = (
    "Officials in {capital} said the talks had been constructive and would continue {when}.",
    "Roads to {region} remain difficult after weeks of {spell}, slowing deliveries.",
    "Aid workers described long queues at distribution points in {region}.",
    "The announcement came after a meeting between the two governments in {dcapital}.",
    "Local authorities have asked for more trucks and storage to reach remote districts.",
    "Prices of staple foods in the markets of {capital} have risen sharply since {month}.",
    "The rainy season is expected to begin in {month}, which could complicate access.",
    "{agency} said its teams were working with local partners to register families.",
    "Diplomats said the aid would be coordinated with other donors to avoid duplication.",
    "The {demonym} government thanked its partners and called for sustained support.",
    "Satellite images show that crops in {region} have withered after {event}.",
    "Schools in several districts have closed and some have been turned into shelters.",
    "Health workers warned that clean water is scarce in the camps around {capital}.",
    "The minister is due to visit {region} {when} to see the situation for herself.",
    "Observers said the response so far had been slow and underfunded.",
    "Livestock losses have been heavy, and many herders have moved towards the towns.",
    "A convoy of trucks left the port on {weekday} morning, according to the agency.",
    "Parliament is expected to debate the budget for overseas development {when}.",
    "The government has declared a state of emergency in {region}.",
    "Officials said the situation had improved slightly since {month}, but remained fragile.",
    "Community leaders said families were skipping meals to make their supplies last.",
    "Humanitarian flights resumed on {weekday} after a pause of several days.",
    "The {official} described the situation in {region} as {adjective}.",
    "Several {donor_demonym} aid groups already run clinics and feeding centres in {region}.",
    "Fuel shortages have made it harder to pump water and run the mills in {capital}.",
    "The border crossing reopened on {weekday}, allowing the first lorries through.",
    "Farmers in {region} said they had lost most of their seed stock to {event}.",
    "Analysts said the crisis in {region} was {adjective} and unlikely to ease before {month}.",
    "A joint assessment mission is planned for {month} to update the needs figures.",
    "Residents of {capital} said bread had become scarce in recent weeks.",
    "The {official} said donors had shown solidarity but warned against fatigue.",
    "Negotiations over access to {region} were described as {adjective} by people close to them.",
    "Warehouses near the airport in {capital} are almost empty, staff said.",
    "Many families in {region} now depend on a single meal a day.",
)

SPELLS = ("drought", "heavy rain", "fighting", "flooding", "insecurity", "fuel shortages")
ADJECTIVES = ("dire", "worrying", "precarious", "critical", "tense", "stable but fragile", "deteriorating")

DISTRACTORS = (
    "At least {small} people were killed when the bridge collapsed, police said.",
    "The price of a bag of maize rose to {small} shillings in {month}.",
    "If the rains fail again, as many as {people} people could face hunger next year.",
    "The agency employs {small} staff in the country, most of them local.",
    "The plan aims to reach {people} people by the end of the year.",
    "In {year}, a similar crisis affected the same region.",
    "The fund was created in {year} and has {small} members.",
)

WHEN = ("next week", "next month", "later this year", "in the coming days", "on Monday", "after the vote")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

START_DATE = dt.date(1985, 1, 1)
DATE_SPAN_DAYS = (dt.date(2024, 12, 31) - START_DATE).days


def article_id(index: int) -> str:
    """The id of synthetic article number `index`.

    >>> article_id(7)
    'synth-000007'
    """
    return f"{ID_PREFIX}{index:06d}"


def _cap(text: str) -> str:
    """The text with its first letter in upper case, the rest untouched.

    >>> _cap("the European Union")
    'The European Union'
    """
    return text[:1].upper() + text[1:]


MILLIONS = (0.5, 1, 1.2, 2, 2.5, 3, 4.5, 5, 7, 10, 12, 15, 20, 25, 40, 47, 50, 100, 115, 250, 500)


def _money(rng: random.Random, donor: Country | None, wire: bool) -> str:
    """An amount of money as news copy writes it, in a currency the donor plausibly uses."""
    millions = rng.choice(MILLIONS)
    whole = f"{millions:g}"
    if donor is not None and donor.dollar and donor.dollar != "USD" and rng.random() < 0.7:
        return rng.choice((f"${whole} million", f"${whole}m"))  # a bare $ in that government's release
    style = rng.randrange(12)
    if wire or style == 0:
        return f"{whole} mln dlrs"
    if style == 1:
        return f"${whole} million"
    if style == 2:
        return f"US$ {whole} million"
    if style == 3:
        return f"${millions / 1000:g}bn" if millions >= 100 else f"${whole}m"
    if style == 4:
        return f"{whole} million euros"
    if style == 5:
        return f"€{whole} million"
    if style == 6:
        return f"£{whole}m"
    if style == 7:
        return f"{rng.choice(NUMBER_WORDS)} mln sterling"
    if style == 8:
        return f"{int(millions * 100)} million yen"
    if style == 9:
        return f"{rng.choice(('CHF', 'NOK', 'SEK', 'DKK'))} {whole} million"
    if style == 10:
        return f"{whole} million Swiss francs"
    return f"USD {whole} million"


def _goods(rng: random.Random) -> str:
    """A quantity of goods: '5,000 tonnes of wheat', '200,000 doses of vaccine', '1,500 tents'."""
    unit, commodity, (low, high) = rng.choice(GOODS)
    qty = int(rng.uniform(low, high) // 100 * 100) or low
    if commodity is None:
        return f"{qty:,} {unit}"
    return f"{qty:,} {unit} of {commodity}"


def _people(rng: random.Random) -> str:
    """A count of people as reports state it: '2.3 million', '450,000', 'two million'."""
    style = rng.randrange(4)
    if style == 0:
        return f"{rng.choice((1.2, 1.5, 2.3, 3, 4.1, 5.5, 7, 12, 23, 30)):g} million"
    if style == 1:
        return f"{rng.randrange(10, 990) * 1000:,}"
    if style == 2:
        return f"{rng.choice(NUMBER_WORDS)} million"
    return f"{rng.randrange(1000, 99_999):,}"


def _donor_phrase(rng: random.Random) -> tuple[str, Country | None]:
    """Who gives, as the subject of a sentence, and the donor country if it is one."""
    if rng.random() < 0.25:
        return _cap(rng.choice(DONOR_ORGS)), None
    donor = rng.choice(DONOR_COUNTRIES)
    style = rng.randrange(4)
    if style == 0:
        return _cap(donor.name), donor
    if style == 1:
        return f"The {donor.demonym} government", donor
    if style == 2:
        return f"{_cap(donor.name)}'s {rng.choice(SPEAKERS)}", donor
    return f"The {donor.demonym} {rng.choice(SPEAKERS)}", donor


def _pledge_sentence(rng: random.Random, recipient: Country, wire: bool) -> tuple[str, Country | None]:
    """A sentence stating that a donor pledged or delivered money or goods to the recipient."""
    donor_text, donor = _donor_phrase(rng)
    what = _goods(rng) if rng.random() < 0.35 else _money(rng, donor, wire)
    roll = rng.random()
    verb = rng.choice(PLEDGE_VERBS if roll < 0.6 else FUTURE_VERBS if roll < 0.75 else DELIVERED_VERBS)
    to = rng.choice((f"to {recipient.name}", f"for {recipient.name}", f"to the people of {recipient.name}"))
    channel = f" through {rng.choice(AGENCIES)}" if rng.random() < 0.3 else ""
    purpose = f" {rng.choice(PURPOSES)}" if rng.random() < 0.6 else ""
    when = f" on {rng.randrange(1, 29)} {rng.choice(MONTHS)}" if rng.random() < 0.2 else ""
    frame = rng.randrange(3)
    if frame == 0:
        return f"{donor_text} {verb} {what} {to}{channel}{purpose}{when}.", donor
    if frame == 1:
        said = rng.choice(("officials said", "the ministry said in a statement", "a spokesman said"))
        return f"{donor_text} has {verb.replace('will ', '')} {what}{channel} {to}{purpose}, {said}.", donor
    return f"{_cap(what)} in aid was {verb.replace('will ', 'to be ')} {to} by " + (
        f"{donor_text[:1].lower() + donor_text[1:]}{channel}{when}."
    ), donor


def _risk_sentence(rng: random.Random, country: Country) -> str:
    """A sentence counting people in an adverse condition in the country, with its source."""
    indicator = rng.choice(tuple(RISK_PHRASES))
    phrase = rng.choice(RISK_PHRASES[indicator])
    qualifier = rng.choice(QUALIFIERS)
    group = rng.choice(GROUPS)
    count = f"{qualifier} {_people(rng)}".strip()
    source = rng.choice(FIGURE_SOURCES)
    frame = rng.randrange(3)
    if frame == 0:
        return f"{_cap(count)} {group} in {country.name} {phrase}, according to {source}."
    if frame == 1:
        return f"{_cap(source)} estimates that {count} {group} in {country.name} {phrase}."
    return f"In {rng.choice(REGIONS)} of {country.name} alone, {count} {group} {phrase}, {source} said."


def _appeal_sentence(rng: random.Random, country: Country) -> str:
    """An agency's funding requirement for the country."""
    agency = rng.choice(AGENCIES)
    amount = f"${rng.choice((35, 80, 120, 250, 400, 800, 1200))} million"
    frame = rng.randrange(2)
    if frame == 0:
        return f"{_cap(agency)} appealed for {amount} to assist {country.name} over the next six months."
    return f"{_cap(agency)} says it needs {amount} to keep its operations in {country.name} running."


def _filler(rng: random.Random, recipient: Country, donor_capital: str, year: int) -> str:
    """A sentence of ordinary news prose, or a distractor with numbers that are not facts."""
    frame = rng.choice(DISTRACTORS) if rng.random() < 0.15 else rng.choice(FILLER)
    return frame.format(
        capital=recipient.capital,
        dcapital=donor_capital,
        demonym=recipient.demonym,
        region=rng.choice(REGIONS),
        event=rng.choice(EVENTS),
        spell=rng.choice(SPELLS),
        adjective=rng.choice(ADJECTIVES),
        official=rng.choice(SPEAKERS),
        donor_demonym=rng.choice(DONOR_COUNTRIES).demonym,
        month=rng.choice(MONTHS),
        weekday=rng.choice(WEEKDAYS),
        when=rng.choice(WHEN),
        agency=rng.choice(AGENCIES),
        small=rng.randrange(3, 900),
        people=_people(rng),
        year=year - rng.randrange(1, 15),
    )


def _title(rng: random.Random, first_fact: str, recipient: Country) -> str:
    """A headline in one of the styles of the real wires: upper case, or sentence case."""
    event = rng.choice(EVENTS)
    if rng.random() < 0.3:
        return f"AID FOR {recipient.name.upper()} AS {event.upper()} WORSENS"
    options = (
        f"Donors step up help for {recipient.name} after {event}",
        f"{_cap(recipient.name)}: aid arrives as {event} deepens crisis",
        f"New aid for {recipient.name}",
        first_fact.rstrip(".") if len(first_fact) <= 90 else first_fact[:90].rsplit(" ", 1)[0],
    )
    return rng.choice(options)


def synth_article(index: int, *, seed: int = 0, mean_chars: int = 1900) -> JsonRecord:
    """Synthetic article number `index` for `seed`: a JSON record like the real corpus's.

    >>> a = synth_article(3, seed=1)
    >>> a["id"], a["source"]
    ('synth-000003', 'aidtracker-bench synthetic')
    >>> a == synth_article(3, seed=1)
    True
    """
    # One generator per article, seeded from (seed, index): any slice is reproducible on its own.
    rng = random.Random(seed * 1_000_003 + index)
    recipient = rng.choice(RECIPIENT_COUNTRIES)
    date = START_DATE + dt.timedelta(days=rng.randrange(DATE_SPAN_DAYS))
    wire = rng.random() < 0.2  # wire copy writes "mln dlrs"
    # Lengths skew like the real corpus (median below mean); 1.13 is the mean of lognormal(0, 0.5),
    # and the last paragraph overshoots the target by about 250 characters.
    target = max(150, min(12_000, int(rng.lognormvariate(0, 0.5) * mean_chars / 1.13) - 250))

    facts: list[str] = []
    donor_capital = rng.choice(DONOR_COUNTRIES).capital
    for _ in range(rng.choice((0, 1, 1, 2, 2, 3, 4))):
        sentence, donor = _pledge_sentence(rng, recipient, wire)
        if donor is not None:
            donor_capital = donor.capital
        facts.append(sentence)
    facts.extend(_risk_sentence(rng, recipient) for _ in range(rng.choice((0, 0, 1, 1, 2))))
    if rng.random() < 0.2:
        facts.append(_appeal_sentence(rng, recipient))
    rng.shuffle(facts)

    paragraphs: list[str] = []
    length = 0
    pending = list(facts)
    while pending or length < target:
        sentences = [pending.pop(0)] if pending else []
        sentences.extend(
            _filler(rng, recipient, donor_capital, date.year) for _ in range(rng.randrange(1, 4))
        )
        rng.shuffle(sentences)
        paragraph = " ".join(sentences)
        paragraphs.append(paragraph)
        length += len(paragraph) + 1

    return {
        "id": article_id(index),
        "title": _title(rng, facts[0] if facts else paragraphs[0], recipient),
        "date": None if rng.random() < 0.05 else date.isoformat(),
        "source": SOURCE,
        "url": f"{URL_BASE}{article_id(index)}",
        "text": "\n".join(paragraphs),
    }


def synth_corpus(n: int, *, seed: int = 0, start: int = 0, mean_chars: int = 1900) -> Iterator[JsonRecord]:
    """Stream `n` synthetic articles, numbered from `start`."""
    for index in range(start, start + n):
        yield synth_article(index, seed=seed, mean_chars=mean_chars)


def write_synth_corpus(
    n: int, folder: Path, *, seed: int = 0, chunk_size: int = 1000, mean_chars: int = 1900
) -> list[Path]:
    """Write `n` synthetic articles as JSONL files of `chunk_size` lines under `folder`."""
    return write_jsonl(
        synth_corpus(n, seed=seed, mean_chars=mean_chars), folder, prefix="synth", chunk_size=chunk_size
    )


def long_article(sentences: int, *, seed: int = 0) -> str:
    """One article of `sentences` fact-bearing sentences (pledges, risk figures, appeals in the
    proportions 6:3:1) on one paragraph: what makes one article's extraction cost grow.

    >>> text = long_article(3, seed=1)
    >>> text == long_article(3, seed=1), text.count(". ") >= 2
    (True, True)
    """
    rng = random.Random(seed)
    out = []
    for _ in range(sentences):
        country = rng.choice(RECIPIENT_COUNTRIES)
        kind = rng.random()
        if kind < 0.6:
            out.append(_pledge_sentence(rng, country, rng.random() < 0.2)[0])
        elif kind < 0.9:
            out.append(_risk_sentence(rng, country))
        else:
            out.append(_appeal_sentence(rng, country))
    return " ".join(out)


def main(argv: list[str] | None = None) -> None:
    """`python -m bench.synth N FOLDER`: write a synthetic corpus to look at or ingest."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, help="number of articles")
    parser.add_argument("folder", type=Path, help="where to write the JSONL files")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--chunk-size", type=int, default=1000, help="articles per file")
    parser.add_argument("--mean-chars", type=int, default=1900, help="mean article length in characters")
    args = parser.parse_args(argv)
    paths = write_synth_corpus(
        args.n, args.folder, seed=args.seed, chunk_size=args.chunk_size, mean_chars=args.mean_chars
    )
    print(f"wrote {args.n} synthetic articles in {len(paths)} files under {args.folder}")


if __name__ == "__main__":
    main()


# ---- Synthetic fact tables: a dashboard-sized database without running the extractor ----

# Organizations that give, with the donor_kind the schema names.
ORG_KINDS = (
    ("European Union", "multilateral"),
    ("World Bank", "multilateral"),
    ("Asian Development Bank", "multilateral"),
    ("African Development Bank", "multilateral"),
    ("Central Emergency Response Fund", "un_agency"),
    ("WFP", "un_agency"),
    ("UNICEF", "un_agency"),
    ("Bill & Melinda Gates Foundation", "private"),
    ("International Committee of the Red Cross", "ngo"),
    ("various", "various"),
)

# ISO 4217 code and a rough USD value of one unit: synthetic amounts only need a plausible scale.
CURRENCY_SCALE = (
    ("USD", 1.0),
    ("USD", 1.0),
    ("USD", 1.0),
    ("EUR", 1.1),
    ("GBP", 1.3),
    ("JPY", 0.008),
    ("AUD", 0.7),
    ("CAD", 0.75),
    ("CHF", 1.05),
    ("SEK", 0.1),
    ("NOK", 0.1),
)

GOODS_UNITS = (
    ("tonnes", "wheat"),
    ("tonnes", "flour"),
    ("tonnes", "rice"),
    ("tonnes", "maize"),
    ("tonnes", "cereals"),
    ("tonnes", "vegetable oil"),
    ("doses", "vaccines"),
    ("items", "tents"),
    ("items", "blankets"),
)

INDICATORS = tuple(RISK_PHRASES)
QUALIFIER_CODES = ("about", "more_than", "up_to", "nearly", "exactly")
POPULATION_GROUPS = ("people", "children", "women", "refugees")


def _plain(name: str) -> str:
    """A country name without its leading article, as a table cell holds it.

    >>> _plain("the Netherlands")
    'Netherlands'
    """
    return name.removeprefix("the ")


def _lookup_tables(con: duckdb.DuckDBPyConnection) -> None:
    """Small temporary tables the generator draws from, each with a 0-based `idx`."""
    donors = [(_plain(c.name), c.iso3, "government") for c in DONOR_COUNTRIES] + [
        (name, None, kind) for name, kind in ORG_KINDS
    ]
    tables: dict[str, tuple[str, list[tuple[object, ...]]]] = {
        "bench_donors": ("donor VARCHAR, iso3 VARCHAR, kind VARCHAR", donors),
        "bench_places": (
            "name VARCHAR, iso3 VARCHAR",
            [(_plain(c.name), c.iso3) for c in RECIPIENT_COUNTRIES],
        ),
        "bench_channels": ("name VARCHAR", [("WFP",), ("UNICEF",), ("UNHCR",), ("FAO",), ("IOM",)]),
        "bench_currencies": ("code VARCHAR, usd DOUBLE", list(CURRENCY_SCALE)),
        "bench_goods": ("unit VARCHAR, commodity VARCHAR", list(GOODS_UNITS)),
        "bench_indicators": ("name VARCHAR", [(i,) for i in INDICATORS]),
        "bench_qualifiers": ("name VARCHAR", [(q,) for q in QUALIFIER_CODES]),
        "bench_groups": ("name VARCHAR", [(g,) for g in POPULATION_GROUPS]),
        "bench_sources": ("name VARCHAR", [("WFP",), ("FAO",), ("OCHA",), ("UNICEF",), ("IPC",)]),
    }
    for name, (columns, rows) in tables.items():
        con.execute(f"CREATE OR REPLACE TEMP TABLE {name} (idx INTEGER, {columns})")
        width = len(rows[0]) + 1
        con.executemany(
            f"INSERT INTO {name} VALUES ({', '.join('?' * width)})",
            [(i, *row) for i, row in enumerate(rows)],
        )


# Uniform draws in [0, 1) from a hash of (row, seed, stream): deterministic, and parallel-safe
# unlike random() with setseed. Each u<k> is an independent stream.
_UNIFORMS = ",\n".join(f"(hash(i, $seed, {k}) % 1000003)::DOUBLE / 1000003 AS u{k}" for k in range(1, 13))
# A fact's span: its evidence follows the evidence of the article's earlier facts, one space apart.
_SPANS = """
    coalesce(sum(length(evidence) + 1) OVER _before, 0)::INTEGER AS span_start,
    (coalesce(sum(length(evidence) + 1) OVER _before, 0) + length(evidence))::INTEGER AS span_end"""
_BEFORE = (
    "WINDOW _before AS (PARTITION BY article_id ORDER BY i ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)"
)

PLEDGE_ROWS_SQL = f"""
WITH base AS (
    SELECT i, {_UNIFORMS} FROM range($n) t(i)
), drawn AS (
    SELECT
        i,
        'synth-p' || lpad(i::VARCHAR, 7, '0') AS pledge_id,
        'synth-' || lpad((i // $per_article)::VARCHAR, 6, '0') AS article_id,
        -- donors are skewed (a few give most) so the busiest donor is a realistic worst case
        d.donor, d.iso3 AS donor_iso3, d.kind AS donor_kind,
        p.name AS recipient, p.iso3 AS recipient_iso3,
        CASE WHEN u5 < 0.3 THEN ch.name END AS channel,
        u3 < 0.7 AS is_cash,
        cur.code AS currency, cur.usd AS usd_per_unit,
        g.unit AS goods_unit, g.commodity,
        CASE WHEN u3 < 0.7 THEN round(pow(10, 5 + 4 * u6), -3) ELSE round(pow(10, 2 + 4 * u6)) END
            AS amount,
        CASE WHEN u7 < 0.7 THEN 'pledged' ELSE 'delivered' END AS status,
        -- dates lean towards recent years, as news archives do; a few are unknown
        CASE WHEN u8 < 0.03 THEN NULL
             ELSE DATE '1985-01-01' + floor(sqrt(u8) * 14600)::INTEGER END AS announced_on,
        round(0.5 + 0.5 * u9, 3) AS confidence
    FROM base
    JOIN bench_donors d ON d.idx = floor(pow(u1, 2.5) * (SELECT count(*) FROM bench_donors))
    JOIN bench_places p ON p.idx = floor(u2 * (SELECT count(*) FROM bench_places))
    JOIN bench_channels ch ON ch.idx = floor(u4 * (SELECT count(*) FROM bench_channels))
    JOIN bench_currencies cur ON cur.idx = floor(u10 * (SELECT count(*) FROM bench_currencies))
    JOIN bench_goods g ON g.idx = floor(u11 * (SELECT count(*) FROM bench_goods))
), worded AS (
    SELECT *,
        donor || CASE WHEN status = 'pledged' THEN ' pledged ' ELSE ' delivered ' END
            || CASE WHEN is_cash THEN format('{{:,.0f}} {{}}', amount, currency)
                    ELSE format('{{:,.0f}} {{}} of {{}}', amount, goods_unit, commodity) END
            || ' to ' || recipient || coalesce(' through ' || channel, '') || '.' AS evidence
    FROM drawn
)
SELECT
    pledge_id, article_id, donor, donor_iso3, donor_kind, recipient, recipient_iso3, channel,
    amount,
    CASE WHEN is_cash THEN currency ELSE goods_unit END AS unit,
    CASE WHEN is_cash THEN amount * usd_per_unit END AS amount_usd,
    CASE WHEN is_cash THEN 'cash' ELSE 'in_kind' END AS aid_form,
    CASE WHEN is_cash THEN NULL ELSE commodity END AS commodity,
    status, announced_on, evidence,
    -- facts of an article are its sentences in order, separated by one space
    {_SPANS},
    confidence
FROM worded
{_BEFORE}
ORDER BY i
"""

RISK_ROWS_SQL = f"""
WITH base AS (
    SELECT i, {_UNIFORMS} FROM range($n) t(i)
), drawn AS (
    SELECT
        i,
        'synth-r' || lpad(i::VARCHAR, 7, '0') AS figure_id,
        -- spread over the same articles as the pledges
        'synth-' || lpad((i * $articles // $n)::VARCHAR, 6, '0') AS article_id,
        p.name AS country, p.iso3 AS country_iso3,
        round(pow(10, 3 + 4 * u2), -2) AS people,
        ind.name AS indicator, grp.name AS population_group, src.name AS source_org,
        CASE WHEN u6 < 0.4 THEN NULL ELSE q.name END AS qualifier,
        CASE WHEN u8 < 0.05 THEN NULL
             ELSE DATE '1985-01-01' + floor(sqrt(u8) * 14600)::INTEGER END AS as_of,
        round(0.5 + 0.5 * u9, 3) AS confidence
    FROM base
    JOIN bench_places p ON p.idx = floor(u1 * (SELECT count(*) FROM bench_places))
    JOIN bench_indicators ind ON ind.idx = floor(u3 * (SELECT count(*) FROM bench_indicators))
    JOIN bench_groups grp ON grp.idx = floor(u4 * (SELECT count(*) FROM bench_groups))
    JOIN bench_sources src ON src.idx = floor(u5 * (SELECT count(*) FROM bench_sources))
    JOIN bench_qualifiers q ON q.idx = floor(u7 * (SELECT count(*) FROM bench_qualifiers))
), worded AS (
    SELECT *,
        source_org || ' counts ' || format('{{:,.0f}}', people) || ' ' || population_group
            || ' in ' || country || ' (' || indicator || ').' AS evidence
    FROM drawn
)
SELECT
    figure_id, article_id, country, country_iso3, people, indicator, population_group,
    source_org, qualifier, as_of, evidence,
    {_SPANS},
    confidence
FROM worded
{_BEFORE}
ORDER BY i
"""


APPEAL_ROWS_SQL = f"""
WITH base AS (
    SELECT i, {_UNIFORMS} FROM range($n) t(i)
), drawn AS (
    SELECT
        i,
        'synth-a' || lpad(i::VARCHAR, 7, '0') AS appeal_id,
        'synth-' || lpad((i * $articles // $n)::VARCHAR, 6, '0') AS article_id,
        ch.name AS organization, p.iso3 AS country_iso3, p.name AS country,
        round(pow(10, 6 + 3 * u3), -5) AS amount
    FROM base
    JOIN bench_places p ON p.idx = floor(u1 * (SELECT count(*) FROM bench_places))
    JOIN bench_channels ch ON ch.idx = floor(u2 * (SELECT count(*) FROM bench_channels))
), worded AS (
    SELECT *, organization || ' appealed for ' || format('{{:,.0f}}', amount) || ' USD for '
        || country || '.' AS evidence
    FROM drawn
)
SELECT
    appeal_id, article_id, organization, country_iso3, amount, 'USD' AS unit, amount AS amount_usd,
    evidence,
    {_SPANS},
    0.9 AS confidence
FROM worded
{_BEFORE}
ORDER BY i
"""

# Shift a fact table's spans past the text of the facts placed before it in each article.
SHIFT_SPANS_SQL = """
UPDATE {table} t
SET span_start = t.span_start + o.offset_, span_end = t.span_end + o.offset_
FROM (SELECT article_id, max(span_end) + 1 AS offset_ FROM ({before}) GROUP BY article_id) o
WHERE t.article_id = o.article_id
"""


def pledge_rows(n: int, *, seed: int = 0, per_article: int = 4) -> pa.Table:
    """`n` synthetic pledge rows with the columns of the `pledges` table, as an Arrow table.

    Each article gets `per_article` pledges; spans index into the article text that
    `build_fact_db` writes (the article's facts' evidence joined by spaces).

    >>> t = pledge_rows(10, seed=1)
    >>> t.num_rows, t.column("pledge_id")[0].as_py(), t.column("article_id")[9].as_py()
    (10, 'synth-p0000000', 'synth-000002')
    """
    con = duckdb.connect()
    try:
        con.execute("SET enable_progress_bar = false")
        _lookup_tables(con)
        params = {"n": n, "seed": seed, "per_article": per_article}
        return con.sql(PLEDGE_ROWS_SQL, params=params).to_arrow_table()
    finally:
        con.close()


def build_fact_db(
    db: Path,
    *,
    pledges: int = 1_000_000,
    risk_figures: int = 200_000,
    appeals: int = 20_000,
    seed: int = 0,
    per_article: int = 4,
) -> dict[str, int]:
    """Create a DuckDB file with the project's schema holding synthetic articles and facts.

    Built in SQL, not by the extractor, so a dashboard-sized database takes seconds. An
    article's text is its facts' evidence sentences joined by spaces (pledges, then risk
    figures, then appeals), so every span points into it; articles are marked synthetic like
    the corpus generator's. Returns the row count of each table.
    """
    if db.exists():
        raise FileExistsError(f"{db} exists: the synthetic database is built in a new file")
    articles = max(1, -(-pledges // per_article))
    con = duckdb.connect(str(db))
    try:
        con.execute("SET enable_progress_bar = false")
        con.execute(SCHEMA_PATH.read_text(encoding="utf-8"))
        _lookup_tables(con)
        con.execute("BEGIN")
        con.execute(
            "INSERT INTO pledges BY NAME " + PLEDGE_ROWS_SQL,
            {"n": pledges, "seed": seed, "per_article": per_article},
        )
        if risk_figures:
            con.execute(
                "INSERT INTO risk_figures BY NAME " + RISK_ROWS_SQL,
                {"n": risk_figures, "seed": seed + 1, "articles": articles},
            )
            con.execute(SHIFT_SPANS_SQL.format(table="risk_figures", before="SELECT * FROM pledges"))
        if appeals:
            con.execute(
                "INSERT INTO appeals BY NAME " + APPEAL_ROWS_SQL,
                {"n": appeals, "seed": seed + 2, "articles": articles},
            )
            before = (
                "SELECT article_id, span_end FROM pledges "
                "UNION ALL SELECT article_id, span_end FROM risk_figures"
            )
            con.execute(SHIFT_SPANS_SQL.format(table="appeals", before=before))
        con.execute(
            """
            INSERT INTO articles BY NAME
            WITH facts AS (
                SELECT article_id, span_start, evidence, announced_on FROM pledges
                UNION ALL SELECT article_id, span_start, evidence, NULL FROM risk_figures
                UNION ALL SELECT article_id, span_start, evidence, NULL FROM appeals
            ), texts AS (
                SELECT article_id, string_agg(evidence, ' ' ORDER BY span_start) AS text,
                       min(announced_on) AS published_on
                FROM facts GROUP BY article_id
            )
            SELECT
                article_id,
                'Synthetic article ' || article_id AS title,
                published_on,
                CASE WHEN published_on IS NULL THEN 'unknown' ELSE 'metadata' END AS date_basis,
                $source AS source,
                $url_base || article_id AS url,
                text,
                sha256(text) AS content_sha256,
                TIMESTAMP '2025-01-01 00:00:00' AS ingested_at
            FROM texts
            """,
            {"source": SOURCE, "url_base": URL_BASE},
        )
        con.execute("COMMIT")
        counts = {
            table: con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # type: ignore[index]
            for table in ("articles", "pledges", "risk_figures", "appeals")
        }
    finally:
        con.close()
    return counts
