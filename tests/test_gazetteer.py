"""The reference data under data/: unique keys, valid ISO codes, and country/demonym resolution."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pycountry
import pytest

from aidtracker.etl import gazetteer

# ISO 4217 codes withdrawn since (the euro's predecessors, the ECU, Zimbabwe's last dollar):
# old wire copy states amounts in them, so the data may name them though pycountry no longer lists them.
WITHDRAWN_CURRENCIES = {"DEM", "FRF", "ITL", "NLG", "BEF", "ESP", "ATS", "ECU", "ZWL"}

KINDS = {"government", "multilateral", "un_agency", "ngo", "private"}
INDICATORS = {"famine_risk", "food_insecure", "in_need", "displaced", "malnourished", "affected"}


def _dupes(values) -> list:
    return [v for v, n in Counter(values).items() if n > 1]


def _valid_country(iso3: str) -> bool:
    return pycountry.countries.get(alpha_3=iso3) is not None


def _valid_currency(code: str) -> bool:
    return pycountry.currencies.get(alpha_3=code) is not None or code in WITHDRAWN_CURRENCIES


def test_countries_have_unique_valid_codes_and_names() -> None:
    rows = gazetteer.read_csv("countries.csv")
    assert not _dupes(r["iso3"] for r in rows)
    assert [r["iso3"] for r in rows if not _valid_country(r["iso3"])] == []
    assert [r["currency"] for r in rows if not _valid_currency(r["currency"])] == []
    names = [n.lower() for r in rows for n in [r["name"], *gazetteer._split(r["aliases"])]]
    # a name or a demonym may be shared by two countries ("Congo", "Congolese"): the article
    # places it (analysis), in the one it names most by a name of its own; a name only by two
    # countries that share a demonym too, the pairs news confuses
    demonym_sets = {r["iso3"]: {d.lower() for d in gazetteer._split(r["demonyms"])} for r in rows}
    by_name: dict[str, set[str]] = {}
    for r in rows:
        for n in [r["name"], *gazetteer._split(r["aliases"])]:
            by_name.setdefault(n.lower(), set()).add(r["iso3"])
    for name, isos in by_name.items():
        if len(isos) > 1:
            a, b = sorted(isos) if len(isos) == 2 else ("", "")
            assert a and demonym_sets[a] & demonym_sets[b], f"{name} points to {sorted(isos)}"
    demonyms = {(d.lower(), r["iso3"]) for r in rows for d in gazetteer._split(r["demonyms"])}
    assert not {d for d, _ in demonyms} & set(names)
    assert max(Counter(d for d, _ in demonyms).values()) <= 2, "a demonym shared by three countries"


def test_places_point_to_valid_countries() -> None:
    rows = gazetteer.read_csv("places.csv")
    assert not _dupes(r["place"].lower() for r in rows)
    assert [r["iso3"] for r in rows if not _valid_country(r["iso3"])] == []


def test_organizations_have_unique_names_kinds_and_valid_countries() -> None:
    rows = gazetteer.read_csv("organizations.csv")
    names = [n.lower() for r in rows for n in [r["name"], *gazetteer._split(r["aliases"])]]
    assert not _dupes(names)
    assert {r["kind"] for r in rows} <= KINDS
    assert [r["iso3"] for r in rows if r["iso3"] and not _valid_country(r["iso3"])] == []
    # a government body acts for its country; a national society (ngo) works in its country
    assert all(r["kind"] in ("government", "ngo") for r in rows if r["iso3"]), (
        "only a government body or a national society has a country"
    )


def test_verbs_indicators_cues_and_currencies_are_well_formed() -> None:
    verbs = gazetteer.read_csv("aid_verbs.csv")
    assert not _dupes((r["phrase"], r["role"]) for r in verbs)
    assert {r["role"] for r in verbs} <= {"give", "receive", "include", "noun", "level", "appeal"}
    assert {r["status"] for r in verbs} <= {"pledged", "delivered", ""}
    indicators = gazetteer.read_csv("indicators.csv")
    assert not _dupes(r["phrase"].lower() for r in indicators)
    assert {r["indicator"] for r in indicators} <= INDICATORS
    cues = gazetteer.read_csv("cues.csv")
    assert not _dupes((r["phrase"].lower(), r["cue"]) for r in cues)
    currencies = gazetteer.read_csv("currencies.csv")
    assert not _dupes(r["phrase"] for r in currencies)
    # "~ZMW": a currency whose country the text decides, ZMW when nothing does
    assert [
        r["code"] for r in currencies if r["code"] != "$" and not _valid_currency(r["code"].lstrip("~"))
    ] == []
    families = {r["family"] for r in currencies if not r["code"].startswith(("~", "$"))}
    assert [
        r["phrase"]
        for r in currencies
        if r["code"].startswith("~") and not set(r["family"].split("|")) <= families
    ] == []
    units = gazetteer.read_csv("units.csv")
    assert not _dupes(r["unit"] for r in units)
    assert all(float(r["tonnes_per_unit"]) > 0 for r in units)
    regions = gazetteer.read_csv("regions.csv")
    assert not _dupes(r["phrase"].lower() for r in regions)


def test_period_and_total_cues_are_cumulative_cues() -> None:
    # the rules pick them out of the cumulative cues found before an amount
    cues = gazetteer.read_csv("cues.csv")
    cumulative = {r["phrase"] for r in cues if r["cue"] == "cumulative"}
    narrower = {r["phrase"] for r in cues if r["cue"] in ("period", "total")}
    assert narrower - cumulative == set()


def test_words_numbers_months_and_qualifiers_are_well_formed() -> None:
    words = gazetteer.read_csv("words.csv")
    assert not _dupes((r["word"], r["class"]) for r in words)
    assert [r["word"] for r in words if r["word"] != r["word"].lower() or not r["word"]] == []
    numbers = gazetteer.read_csv("numbers.csv")
    assert not _dupes(r["word"] for r in numbers)
    kinds = {"ones", "tens", "hundred", "fraction", "scale", "abbreviation", "letter"}
    assert {r["kind"] for r in numbers} == kinds
    assert all(float(r["value"]) >= 0 for r in numbers)
    months = gazetteer.read_csv("months.csv")
    assert not _dupes(r["name"] for r in months)
    assert {int(r["month"]) for r in months} == set(range(1, 13))
    qualifiers = gazetteer.read_csv("qualifiers.csv")
    assert not _dupes(r["phrase"] for r in qualifiers)
    assert {r["qualifier"] for r in qualifiers} <= {"about", "nearly", "more_than", "up_to", "exactly"}


def test_every_word_class_the_rules_read_is_in_words_csv_and_used() -> None:
    source = "".join(p.read_text(encoding="utf-8") for p in Path(gazetteer.__file__).parent.glob("*.py"))
    asked = set(re.findall(r"\bwords\(\s*\"(\w+)\"\s*\)", source))
    assert asked == set(gazetteer.word_classes())


@pytest.mark.parametrize(
    ("text", "iso3"),
    [
        pytest.param("aid to Afghanistan", "AFG", id="country-name"),
        pytest.param("about 23 million Afghans", "AFG", id="demonym-plural"),
        pytest.param("Kazakhstan's diplomats", "KAZ", id="possessive"),
        pytest.param("the Kazakhstani delegation", "KAZ", id="demonym-adjective"),
        pytest.param("West German officials", "DEU", id="historic-demonym"),
        pytest.param("U.K. wheat", "GBR", id="dotted-abbreviation"),
        pytest.param("Britain offered", "GBR", id="alias"),
        pytest.param("the Gaza Strip", "PSE", id="territory-alias"),
        pytest.param("refugees in Cox's Bazar", "BGD", id="place-to-country"),
        pytest.param("displaced in North Kivu", "COD", id="province"),
        pytest.param("the Democratic Republic of the Congo", "COD", id="long-name-beats-congo"),
        pytest.param("Papua New Guinea", "PNG", id="longest-match-not-guinea"),
        pytest.param("aid to peru with", "PER", id="lower-case-wire-copy"),
        pytest.param("USAID announced", "USA", id="agency-acts-for-country"),
    ],
)
def test_resolves_places_to_iso3(text: str, iso3: str) -> None:
    found = [m for m in gazetteer.find_mentions(text) if m.location or m.has("org")]
    assert found
    m = found[0]
    org = m.value("org")
    assert (m.location or gazetteer.organizations()[org].iso3) == iso3


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("under the bridge", id="un-inside-under"),
        pytest.param("a sector of the economy", id="ec-inside-sector"),
        pytest.param("let us know", id="lower-case-us-is-a-pronoun"),
        pytest.param("roast turkey", id="common-word-country-needs-capital"),
        pytest.param("women and men", id="men-inside-women-is-not-a-place"),
    ],
)
def test_no_country_inside_other_words(text: str) -> None:
    assert [m.text for m in gazetteer.find_mentions(text) if m.location] == []


@pytest.mark.parametrize("name", sorted(gazetteer.words("common_word_name")), ids=str)
def test_a_country_name_that_is_an_everyday_word_needs_its_capital(name: str) -> None:
    assert [m.text for m in gazetteer.find_mentions(f"the {name} we had") if m.location] == []
    assert [m.text for m in gazetteer.find_mentions(f"aid to {name.capitalize()} now") if m.location] == [
        name.capitalize()
    ]


def test_mentions_are_whole_words_in_order_without_overlap() -> None:
    text = "The World Food Programme (WFP) and UNICEF sent aid to the Gaza Strip under the UN plan."
    ms = gazetteer.find_mentions(text)
    assert [m.start for m in ms] == sorted(m.start for m in ms)
    assert all(a.end <= b.start for a, b in zip(ms, ms[1:], strict=False))
    assert all(text[m.start : m.end] == m.text for m in ms)
    assert ms[0].value("org") == "World Food Programme"


@pytest.mark.parametrize(
    ("text", "iso3"),
    [
        pytest.param("Cyclone relief for the Cook Islands", "COK", id="realm-of-new-zealand"),
        pytest.param("Aid reached Mayotte after the cyclone", "MYT", id="french-overseas-department"),
        pytest.param("Typhoon damage in American Samoa", "ASM", id="longer-name-beats-samoa"),
        pytest.param("Hurricane relief for the British Virgin Islands", "VGB", id="british-territory"),
    ],
)
def test_territories_with_their_own_iso_code_are_places_of_their_own(text: str, iso3: str) -> None:
    """ISO 3166 gives these territories codes of their own, and GUIDELINES.md's recipient is an
    ISO 3166 code: aid to them is not aid to the country that governs them."""
    assert [m.location for m in gazetteer.find_mentions(text) if m.location] == [iso3]
