"""How recent aid news states its facts: the patterns issue 12 lists from articles the rules never saw.

The sentences are written here, after the issue's rewording (other countries and numbers),
never copied from an article. Each expectation is what GUIDELINES.md asks for; a pattern
the extractor does not read yet is a known miss, marked xfail(strict=True) so that the
day it is read the mark must go.
"""

from __future__ import annotations

import pytest
from readings import risks as _risks

from aidtracker.etl.extract import extract
from aidtracker.etl.records import Appeal, Pledge


def _pledges(text: str, title: str | None = None) -> list[tuple]:
    return [
        (f.donor_iso3 or f.donor, f.amount, f.unit, f.recipient_iso3)
        for f in extract(text, title=title, strict=True)
        if isinstance(f, Pledge)
    ]


def _appeals(text: str) -> list[tuple]:
    return [(f.amount, f.unit, f.country_iso3) for f in extract(text, strict=True) if isinstance(f, Appeal)]


RISKS = [
    pytest.param(
        "In Malawi, the government puts the number displaced at 659,000.",
        [("MWI", 659000, "displaced")],
        id="the-number-a-condition-follows-put-at-a-figure",
    ),
    pytest.param(
        "2.1 million people in Chad, 900,000 in Cameroon and 1.2 million in Nigeria face crisis or worse "
        "levels of food insecurity.",
        [("TCD", 2.1e6, "food_insecure"), ("CMR", 900000, "food_insecure"), ("NGA", 1.2e6, "food_insecure")],
        id="the-first-count-of-a-list-joined-by-commas-shares-the-condition-after-the-last",
    ),
    pytest.param(
        "The plan seeks $900 million to assist 4.1 million people in need of emergency food aid in Chad.",
        [("TCD", 4.1e6, "in_need")],
        id="people-in-need-as-the-target-of-an-appeal-are-described-by-their-condition",
    ),
    pytest.param(
        "The appeal seeks $70 million to help 250,000 of the people most in need in Libya.",
        [],
        id="near-miss-a-part-of-the-people-in-need-is-whom-aid-reaches",
    ),
    pytest.param(
        "Rohingya camps in Bangladesh face cuts. Bangladesh now shelters the refugees in 33 camps. More than "
        "700,000 Rohingya fled a military crackdown in Myanmar's Rakhine State in 2017.",
        [("BGD", 700000, "displaced")],
        id="those-who-fled-a-place-are-in-the-country-the-article-is-about",
    ),
    pytest.param(
        "Kenya has received more than 12,000 new arrivals from Somalia since March, the UNHCR said.",
        [("KEN", 12000, "displaced")],
        id="a-count-of-new-arrivals-a-word-before-the-condition",
    ),
    pytest.param(
        "Some 3.1 million Haitians need humanitarian aid, and 1.4 million do not have enough to eat.",
        [("HTI", 3.1e6, "in_need"), ("HTI", 1.4e6, "food_insecure")],
        id="a-second-count-that-does-not-have-enough-to-eat",
    ),
    pytest.param(
        "Fighting has displaced 2 million people in Mali, and about 200,000 have fled across the border into "
        "Niger, many of them children.",
        [("MLI", 2e6, "displaced"), ("NER", 200000, "displaced")],
        id="many-of-them-says-who-the-people-are-not-other-hosts",
    ),
    pytest.param(
        "Floods in Mozambique have affected more than 90,000 people, the INGD said.\n\n"
        "The agency gave this breakdown of the affected population:\n\n"
        "Zambezia Province – 61,200 persons\nSofala Province – 30,450 persons\n\n"
        "Schools reopened on Monday.",
        [("MOZ", 61200, "affected"), ("MOZ", 30450, "affected")],
        id="a-list-of-short-lines-with-no-marker-under-a-header-of-a-condition",
    ),
    pytest.param(
        "Morocco's government met donors on Monday. The Kingdom hosts about 20,000 Malians who fled the "
        "conflict, the minister said.",
        [("MAR", 20000, "displaced")],
        id="the-kingdom-that-hosts-is-the-article-s-country",
    ),
    pytest.param(
        "Somalia faces a grave crisis, with 6.2 million people in need of humanitarian assistance and some "
        "300,000 on the brink of famine.",
        [("SOM", 6.2e6, "in_need"), ("SOM", 300000, "famine_risk")],
        id="a-second-count-on-the-brink-of-a-condition",
    ),
    pytest.param(
        "War in Sudan has uprooted millions. Almost 2 million people have been internally displaced since "
        "April and more than 500,000 have fled to neighbouring countries, including over 150,000 to Chad.",
        [("SDN", 2e6, "displaced"), ("SDN", 500000, "displaced"), ("TCD", 150000, "displaced")],
        id="the-internally-displaced-and-those-spread-over-neighbours-before-one-host",
    ),
    pytest.param(
        "Niger hosts more than 300,000 refugees, mostly from Nigeria and Mali, in addition to 335,000 "
        "internally displaced people.",
        [("NER", 300000, "displaced"), ("NER", 335000, "displaced")],
        id="near-miss-the-internally-displaced-of-the-host-named-before",
    ),
    pytest.param(
        "The UN estimates that 2.1 million people in Malawi and 1.4 million in Mozambique were affected by "
        "the cyclone.",
        [("MWI", 2.1e6, "affected"), ("MOZ", 1.4e6, "affected")],
        id="two-counts-each-with-its-place-share-one-condition",
    ),
    pytest.param(
        "In Chad, 3.4 million people are expected to face acute food insecurity during the lean season.",
        [("TCD", 3.4e6, "food_insecure")],
        id="a-count-expected-to-face-a-condition",
    ),
    pytest.param(
        "In Chad, the drought is expected to push 3.4 million people into acute food insecurity.",
        [],
        id="near-miss-a-cause-expected-to-push-people",
    ),
    pytest.param(
        "Across the region, 9 million people need humanitarian assistance, including 5 million in Somalia, "
        "2.5 million in Kenya and 1.5 million in Ethiopia.",
        [("SOM", 5e6, "in_need"), ("KEN", 2.5e6, "in_need"), ("ETH", 1.5e6, "in_need")],
        id="a-total-of-several-countries-broken-down-by-country",
    ),
    pytest.param(
        "Some 20 million people across the region need food aid, of whom 10 million are in Somalia, "
        "6 million in Kenya and 4 million in Ethiopia.",
        [("SOM", 10e6, "in_need"), ("KEN", 6e6, "in_need"), ("ETH", 4e6, "in_need")],
        id="near-miss-a-part-that-the-next-parts-nearly-add-up-to",
    ),
    pytest.param(
        "The plan seeks $900 million to assist 1.4 million people, including refugees and host communities, "
        "in Bangladesh.",
        [],
        id="those-aid-reaches-including-refugees",
    ),
    pytest.param(
        "Turkey hosts 3.6 million Syrian refugees, followed by Lebanon (800,000) and Jordan (660,000).",
        [("TUR", 3.6e6, "displaced"), ("LBN", 800000, "displaced"), ("JOR", 660000, "displaced")],
        id="hosts-listed-with-their-counts-in-brackets",
    ),
    pytest.param(
        "The safety net programme supports some 7.9 million chronically food-insecure people in Ethiopia.",
        [("ETH", 7.9e6, "food_insecure")],
        id="people-an-adverb-and-a-hyphened-condition-describe",
    ),
    pytest.param(
        "The appeal seeks to provide food to 5.2 million of the worst-affected people in Pakistan.",
        [],
        id="near-miss-the-worst-affected-whom-aid-targets",
    ),
    pytest.param(
        "Since clashes began between the army and the Rapid Support Forces (RSF): nearly 1.2 million are "
        "displaced within Sudan and some 300,000 have fled to neighbouring countries.",
        [("SDN", 1.2e6, "displaced"), ("SDN", 300000, "displaced")],
        id="a-word-of-support-inside-a-name-is-no-beneficiary-cue",
    ),
    pytest.param(
        "Turkey hosts the largest number, some 3.6 million, followed by Lebanon with 800,000.",
        [("TUR", 3.6e6, "displaced"), ("LBN", 800000, "displaced")],
        id="a-host-and-the-largest-number-in-apposition",
    ),
    pytest.param(
        "Some 120,000 Burundians have fled their country for Tanzania since April.",
        [("TZA", 120000, "displaced")],
        id="fled-a-country-for-its-host",
    ),
    pytest.param(
        "More than 2 million people in 40 townships across Rakhine, Chin, Magway, Sagaing, Mandalay and Bago "
        "and in Nay Pyi Taw have been affected in Myanmar.",
        [("MMR", 2e6, "affected")],
        id="a-list-of-places-between-people-and-their-condition",
    ),
    pytest.param(
        "Partners vaccinated 450,000 children in Bay, Bakool and Gedo regions in Somalia, and 52 mobile "
        "clinics operate in displacement sites.",
        [],
        id="near-miss-a-condition-of-sites-past-a-list-of-places",
    ),
    pytest.param(
        "Conflict has left 6 million people in need of humanitarian assistance across the three affected "
        "countries:\n\n"
        "• Mali (Mopti and Timbuktu regions): 3.5 million\n"
        "• Burkina Faso (Sahel region): 2 million\n"
        "• Niger (Tillaberi region): 0.5 million",
        [("MLI", 3.5e6, "in_need"), ("BFA", 2e6, "in_need"), ("NER", 5e5, "in_need")],
        id="a-list-of-countries-under-a-header-and-a-blank-line",
    ),
    pytest.param(
        "In Morocco, some 50,000 people whose homes collapsed are living in tents or in the open.",
        [("MAR", 5e4, "displaced")],
        id="living-in-tents-is-displaced",
    ),
    pytest.param(
        "In Somalia, nearly 3 million people face crisis or emergency levels of food insecurity.",
        [("SOM", 3e6, "food_insecure")],
        id="crisis-or-emergency-levels-are-ipc-3-and-worse",
    ),
    pytest.param(
        "He said 18 million Sudanese needed help, 5 million of them on the brink of famine.",
        [("SDN", 18e6, "in_need"), ("SDN", 5e6, "famine_risk")],
        id="n-of-them-with-a-condition-and-no-verb",
    ),
    pytest.param(
        "Tonga's disaster office estimates that more than half of the country's population of 100,000 has "
        "been affected.",
        [("TON", 5e4, "affected")],
        id="half-of-the-country-s-population-of-n",
    ),
    pytest.param(
        "In Fiji, some 40,000 people have been displaced, while in Tonga the figure stands at 3,000 after "
        "the storm surge.",
        [("FJI", 4e4, "displaced"), ("TON", 3e3, "displaced")],
        id="the-figure-stands-at-a-second-count",
    ),
    pytest.param(
        "The UNICEF director thanked Japan for its support, saying that more than 3 million Afghans are "
        "acutely food insecure.",
        [("AFG", 3e6, "food_insecure")],
        id="a-thanks-for-support-is-no-beneficiary-of-what-is-said-after-that",
    ),
    pytest.param(
        "Some 2.1 million people are displaced inside Burundi and another 400,000 have fled to neighbouring "
        "countries, mainly Tanzania, Rwanda and Uganda.",
        [("BDI", 2.1e6, "displaced"), ("BDI", 4e5, "displaced")],
        id="refugees-spread-over-hosts-after-mainly",
    ),
    pytest.param(
        "Lebanon, which hosts some 800,000 Syrian refugees registered with UNHCR, said it would open a "
        "corridor for aid to Syria.",
        [("LBN", 8e5, "displaced")],
        id="a-relative-clause-s-host-not-a-place-past-its-comma",
    ),
    pytest.param(
        "The number of Malawians in need of food aid has risen to 3.3 million, the disaster agency said.",
        [("MWI", 3.3e6, "in_need")],
        id="the-number-of-a-nation-s-people-rose-to",
    ),
    pytest.param(
        "Some 3 million people are displaced inside South Sudan. Nearly 2 million more have fled abroad.",
        [("SSD", 3e6, "displaced"), ("SSD", 2e6, "displaced")],
        id="n-more-people-with-the-noun-left-out",
    ),
    pytest.param(
        "In Ecuador, some 30,000 people are staying in schools, tents and other temporary shelters.",
        [("ECU", 30e3, "displaced")],
        id="other-places-in-a-list-are-no-other-group",
    ),
    pytest.param(
        "In Haiti, some 5.2 million -- almost half of the population -- need humanitarian assistance.",
        [("HTI", 5.2e6, "in_need")],
        id="a-share-set-off-by-double-hyphens",
    ),
    pytest.param(
        "Floods in Chad. Some 1.9 million people still need humanitarian assistance, the world body said.",
        [("TCD", 1.9e6, "in_need")],
        id="the-world-body-is-the-un-not-the-world",
    ),
    pytest.param(
        "Sudan key figures:\n\n2.1M acutely malnourished children",
        [("SDN", 2.1e6, "malnourished")],
        id="a-letter-scale-before-a-condition",
    ),
    pytest.param(
        "Ethiopia drought key figures\n\n4.4 million - people in need of humanitarian assistance",
        [("ETH", 4.4e6, "in_need")],
        id="a-key-figure-with-its-number-first",
    ),
    pytest.param(
        "Jordan, already struggling with high unemployment, also hosts about 650,000 Syrian refugees.",
        [("JOR", 650e3, "displaced")],
        id="a-host-past-an-aside",
    ),
    pytest.param(
        "The tower is 15M tall in Sudan.",
        [],
        id="near-miss-a-letter-scale-with-no-people",
    ),
    pytest.param(
        "Fighting in Sudan has driven people from their homes across Sudan.\n\n"
        "NEW IDPs BY STATE\nState | Individuals\nRiver Nile | 200,000\nSennar | 100,000\nTotal | 300,000",
        [("SDN", 200e3, "displaced"), ("SDN", 100e3, "displaced")],
        id="a-table-of-regions-under-a-heading-that-names-the-condition",
    ),
    pytest.param(
        "Drought in southern Africa.\n\nCountry | People food insecure | WFP requirement (US$)\n"
        "Zambia | 1,200,000 | 40 million\nNamibia | 300,000 | 12 million",
        [("ZMB", 1.2e6, "food_insecure"), ("NAM", 300e3, "food_insecure")],
        id="a-table-row-per-country-under-a-condition-column",
    ),
    pytest.param(
        "Conflict in the Lake Chad basin.\n\nIndicator | Chad | Cameroon\n"
        "Internally displaced people | 400,000 | 330,000",
        [("TCD", 400e3, "displaced"), ("CMR", 330e3, "displaced")],
        id="a-table-row-per-condition-under-country-columns",
    ),
    pytest.param(
        "Drought in southern Africa.\n\nCountry | Schools | Clinics\nZambia | 1,200 | 400",
        [],
        id="near-miss-a-table-with-no-condition",
    ),
    pytest.param(
        "Floods in Mozambique.\n\nKey figures\nPeople affected: 410,000 across four provinces (INGC)",
        [("MOZ", 410e3, "affected")],
        id="a-key-figure-with-a-note-after-it",
    ),
    pytest.param(
        "Floods in Mozambique.\n\nKey figures\nPeople affected: 410,000 who need food in four provinces",
        [],
        id="near-miss-a-key-figure-with-a-condition-after-it",
    ),
    pytest.param(
        "In Malawi, 2.1 million people in 140 of the country's 200 villages are affected by the floods.",
        [("MWI", 2.1e6, "affected")],
        id="a-count-of-districts-between-the-people-and-their-condition",
    ),
    pytest.param(
        "In Honduras, 50,000 people are still living in more than 300 shelters.",
        [("HND", 50e3, "displaced")],
        id="people-living-in-a-count-of-shelters",
    ),
    pytest.param(
        "Chad, which has received more than 600,000 Sudanese since April, asked donors for help.",
        [("TCD", 600e3, "displaced")],
        id="a-country-that-has-received-people",
    ),
    pytest.param(
        "More than 37,000 health workers in Zimbabwe have received their first dose.",
        [],
        id="near-miss-people-who-received-a-vaccine",
    ),
    pytest.param(
        "In Niger, some 400,000 children under five and 90,000 pregnant and lactating women are acutely "
        "malnourished.",
        [("NER", 400e3, "malnourished"), ("NER", 90e3, "malnourished")],
        id="two-groups-joined-by-and-share-the-condition-after-the-second",
    ),
    pytest.param(
        "In Niger, some 400 people have died and 90,000 pregnant and lactating women are acutely "
        "malnourished.",
        [("NER", 90e3, "malnourished")],
        id="near-miss-a-group-with-a-verb-of-its-own",
    ),
    pytest.param(
        "In Somalia, 14.2 million people - a third of the population - will face acute food insecurity.",
        [("SOM", 14.2e6, "food_insecure")],
        id="aside-between-figure-and-condition",
    ),
    pytest.param(
        "More than four million people in Kenya have no reliable access to food, the agency said.",
        [("KEN", 4e6, "food_insecure")],
        id="no-reliable-access-to-food",
    ),
    pytest.param(
        "Eight million people in Ethiopia cannot reliably feed themselves, WFP said.",
        [("ETH", 8e6, "food_insecure")],
        id="cannot-feed-themselves",
    ),
    pytest.param(
        "The drought pushed 900,000 people in Malawi into need of emergency food assistance.",
        [("MWI", 9e5, "in_need")],
        id="pushed-into-need",
    ),
    pytest.param(
        "Ukraine has 6.1 million internally displaced: 1.2 million before the war and 4.9 million since.",
        [("UKR", 1.2e6, "displaced"), ("UKR", 4.9e6, "displaced")],
        id="total-then-its-parts",
    ),
    pytest.param(
        "Somalia has 3.8 million people displaced - 2.5 million by conflict and 1.3 million by drought.",
        [("SOM", 2.5e6, "displaced"), ("SOM", 1.3e6, "displaced")],
        id="total-then-its-parts-after-a-dash",
    ),
    pytest.param(
        "In Yemen, 17.4 million people are food insecure: 9.9 million adults and 7.5 million children.",
        [("YEM", 9.9e6, "food_insecure"), ("YEM", 7.5e6, "food_insecure")],
        id="total-then-its-parts-with-nouns",
    ),
    pytest.param(
        "About 4 million Afghans are displaced: 2.6 million in the east and 1.35 million in the north.",
        [("AFG", 2.6e6, "displaced"), ("AFG", 1.35e6, "displaced")],
        id="total-then-parts-that-round-to-it",
    ),
    pytest.param(
        "Sudan has 9 million displaced: the largest number since 2014, the agency said.",
        [("SDN", 9e6, "displaced")],
        id="near-miss-colon-then-no-parts",
    ),
    pytest.param(
        "Nigeria has 6 million displaced: 2 million in the north and 1 million in the south.",
        [("NGA", 6e6, "displaced"), ("NGA", 2e6, "displaced"), ("NGA", 1e6, "displaced")],
        id="near-miss-numbers-after-a-colon-that-do-not-add-up",
    ),
    pytest.param(
        "Syria could see 5 million displaced: 2 million in Idlib and 3 million elsewhere.",
        [],
        id="near-miss-parts-of-a-hypothetical-total",
    ),
]

PLEDGES = [
    pytest.param(
        "Ireland pledged \u00e2\u0082\u00ac3 million and Britain \u00c2\u00a32 million for Syria.",
        [("IRL", 3e6, "EUR", "SYR"), ("GBR", 2e6, "GBP", "SYR")],
        id="the-euro-and-pound-signs-mis-encoded-as-scraped-text-has-them",
    ),
    pytest.param(
        "Canada announced $40 million to support the deployment of a regional security mission to "
        "Mozambique, and $12 million in humanitarian aid.",
        [("CAN", 12e6, "CAD", "MOZ")],
        id="a-sum-for-a-security-mission-further-on-is-no-aid",
    ),
    pytest.param(
        "Japan decided to extend Emergency Grant Aid of 3 million US dollars to the Republic of Malawi in "
        "response to the damage caused by the cyclone.",
        [("JPN", 3e6, "USD", "MWI")],
        id="near-miss-damage-further-on-is-what-the-aid-answers",
    ),
    pytest.param(
        "OCHA said it had received only $45 million towards this year's response plan for Haiti.",
        [],
        id="what-an-appeal-has-received-towards-its-plan-is-no-pledge",
    ),
    pytest.param(
        "Haiti received $20 million from Canada towards its response plan.",
        [("CAN", 20e6, "CAD", "HTI")],
        id="near-miss-a-giver-named-after-the-sum-received",
    ),
    pytest.param(
        "The Kuwait Fund signed an agreement with the ministry to finance 40 water points in Yemen at a cost "
        "of $3 million.",
        [("KWT", 3e6, "USD", "YEM")],
        id="a-sum-at-a-cost-of-what-a-giver-finances",
    ),
    pytest.param(
        "The new bridge will cost Ecuador 800 mln dlrs.",
        [],
        id="near-miss-what-something-will-cost",
    ),
    pytest.param(
        "The charitable institution Rumah Peduli handed over aid funds worth Rp2 billion to the Palestinian "
        "Embassy in Jakarta for Gaza.",
        [("Rumah Peduli", 2e9, "IDR", "PSE")],
        id="a-body-an-institution-describes-gives-aid-funds-worth-a-sum",
    ),
    pytest.param(
        "A donors' conference in Brussels on Monday raised $600 million in humanitarian aid for Haiti.",
        [("various", 600e6, "USD", "HTI")],
        id="a-conference-in-a-capital-is-given-by-all-not-by-the-capital",
    ),
    pytest.param(
        "Washington will provide $150 million to support the Iraqi army and $20 million in food aid for "
        "Iraq.",
        [("USA", 20e6, "USD", "IRQ")],
        id="a-sum-to-support-an-army-is-military-aid",
    ),
    pytest.param(
        "The Jordanian Armed Forces flew 12 tonnes of medical supplies to Gaza.",
        [("JOR", 12, "tonnes", "PSE")],
        id="near-miss-an-army-that-gives",
    ),
    pytest.param(
        "Retailer Kestane Foods said it had sent 800 tonnes of flour to the quake zone in Turkey.",
        [("Kestane Foods", 800, "tonnes", "TUR")],
        id="a-describing-noun-opening-the-sentence-is-no-word-of-the-name",
    ),
    pytest.param(
        "Bank Rakyat donated RM1 million to flood victims in Malaysia.",
        [("Bank Rakyat", 1e6, "MYR", "MYS")],
        id="near-miss-a-body-s-noun-opening-its-name",
    ),
    pytest.param(
        "The Ostrava Family Trust, a Czech private charity, pledged $2 million through UNICEF for children "
        "in Yemen.",
        [("Ostrava Family Trust", 2e6, "USD", "YEM")],
        id="a-body-before-a-description-that-names-a-people",
    ),
    pytest.param(
        "Saudi Arabia and Kuwait, the two main donors of the region, each pledged $10 million to Yemen.",
        [("SAU", 10e6, "USD", "YEM"), ("KWT", 10e6, "USD", "YEM")],
        id="near-miss-a-description-by-a-determiner-and-no-people",
    ),
    pytest.param(
        "Austria committed 5 million euros for Mali, and Ireland said its $3 million would go to food "
        "programmes in Niger.",
        [("AUT", 5e6, "EUR", "MLI"), ("IRL", 3e6, "USD", "NER")],
        id="a-giver-that-and-brings-in-with-its-own-verb-of-speech",
    ),
    pytest.param(
        "Austria committed 5 million euros for Mali, and 3 million euros for Niger.",
        [("AUT", 5e6, "EUR", "MLI"), ("AUT", 3e6, "EUR", "NER")],
        id="near-miss-and-brings-in-the-same-giver-s-next-sum",
    ),
    pytest.param(
        "Kuwait, which hosted the first three conferences on Iran-backed attacks, was the largest donor with "
        "$300 million for Syria.",
        [("KWT", 300e6, "USD", "SYR")],
        id="the-largest-donor-with-a-sum",
    ),
    pytest.param(
        "Gavi said it would finance 1.7 million doses of oral cholera vaccine for campaigns in Kinshasa, "
        "Congo.",
        [("Gavi", 1.7e6, "doses", "COD")],
        id="financing-doses",
    ),
    pytest.param(
        "The World Bank activated a component of an existing IDA-financed project, reallocating US$ 20 "
        "million to the response in Malawi.",
        [],
        id="near-miss-a-name-s-compound-adjective",
    ),
    pytest.param(
        "The European Union said it would provide 1 billion euros this year from its common budget for "
        "Ukraine.",
        [("European Union", 1e9, "EUR", "UKR")],
        id="a-sum-from-a-donor-s-budget",
    ),
    pytest.param(
        "Drought grips Ethiopia. The government has itself committed $381 million from its own budget for "
        "relief in Ethiopia.",
        [],
        id="near-miss-a-sum-from-a-government-s-own-budget",
    ),
    pytest.param(
        "Floods hit Mozambique. Britain said it would provide 10 million pounds for recovery programmes, and "
        "the Chinese ambassador, Su Jian, pledged 40 million dollars for Mozambique.",
        [("GBR", 10e6, "GBP", "MOZ"), ("CHN", 40e6, "USD", "MOZ")],
        id="a-destination-s-search-stops-at-the-next-clause",
    ),
    pytest.param(
        "Among companies, Sao Paulo-based steelmaker Ferrovia said it would donate R$10 million for flood "
        "relief in Brazil.",
        [("Ferrovia", 10e6, "BRL", "BRA")],
        id="a-one-word-company-a-steelmaker",
    ),
    pytest.param(
        "Foreign Minister Heiko Maas said Berlin would provide a further 50 million euros for Lebanon, on "
        "top of the 50 million euros announced in August.",
        [("DEU", 50e6, "EUR", "LBN"), ("DEU", 50e6, "EUR", "LBN")],
        id="a-new-pledge-on-top-of-an-equal-earlier-one",
    ),
    pytest.param(
        "The Confederation of Kenyan Business Associations said its members would contribute KSh 50 million "
        "to drought relief in Kenya.",
        [("Confederation of Kenyan Business Associations", 50e6, "KES", "KEN")],
        id="a-body-of-a-people-s-association",
    ),
    pytest.param(
        "Norway pledged $5 million for Mozambique, and the Chinese ambassador, Wang Hejun, pledged "
        "$10 million for Mozambique.",
        [("NOR", 5e6, "USD", "MOZ"), ("CHN", 10e6, "USD", "MOZ")],
        id="a-people-s-official-named-after-opens-a-clause",
    ),
    pytest.param(
        "The World Bank said it was ready to help mobilise reconstruction financing for Tonga and estimated "
        "damage at $90 million to $120 million.",
        [],
        id="a-range-written-with-two-sums",
    ),
    pytest.param(
        "Saudi Arabia, which extended a $2 billion deposit with the central bank last year, pledged $500 "
        "million for Pakistan.",
        [("SAU", 500e6, "USD", "PAK")],
        id="a-central-bank-deposit-is-no-aid",
    ),
    pytest.param(
        "The new issue, placed through the World Bank, provides up to US$300 million in coverage for Mexico.",
        [],
        id="insurance-coverage-is-no-aid",
    ),
    pytest.param(
        "Qatar has allocated $40 million for those affected by the floods in Pakistan and Afghanistan, with "
        "$20 million allocated to each country.",
        [("QAT", 20e6, "USD", "PAK"), ("QAT", 20e6, "USD", "AFG")],
        id="a-share-to-each-country-named-before",
    ),
    pytest.param(
        "A grant of $4 million from the Kivu Health Foundation will support cholera vaccination in the DRC.",
        [("Kivu Health Foundation", 4e6, "USD", "COD")],
        id="a-sum-from-an-unlisted-body",
    ),
    pytest.param(
        "The 2,000 tonnes of maize will be dispatched from the National Food Reserve Agency depot in Songwe.",
        [],
        id="near-miss-goods-dispatched-from-a-body-s-depot",
    ),
    pytest.param(
        "Norway signed a NOK 40 million grant agreement for cash transfers to drought-hit families in "
        "Malawi.",
        [("NOR", 40e6, "NOK", "MWI")],
        id="a-grant-agreement-with-its-sum-after-an-article",
    ),
    pytest.param(
        "Canada, home to one of the largest Haitian communities abroad, said it would send 200 tonnes of "
        "food to Haiti.",
        [("CAN", 200, "tonnes", "HTI")],
        id="an-aside-opened-by-home-to",
    ),
    pytest.param(
        "Taiwan, one of the few governments that still maintain diplomatic ties with Port-au-Prince rather "
        "than Beijing, pledged $500,000 for Haiti.",
        [("TWN", 500000, "USD", "HTI")],
        id="a-long-aside-and-taiwan-s-dollars",
    ),
    pytest.param(
        "Norway pledged $20 million for Haiti, and the Inter-American Development Bank (IDB) announced a "
        "grant of $5 million.",
        [("NOR", 20e6, "USD", "HTI"), ("Inter-American Development Bank", 5e6, "USD", "HTI")],
        id="a-second-giver-with-its-short-form-opens-its-clause",
    ),
    pytest.param(
        "Qatar had provided $3.1 billion in aid to Syria between March 2012 and the end of 2020, he said.",
        [],
        id="aid-given-over-a-span-of-months-and-years",
    ),
    pytest.param(
        "The Dominican government dispatched 30 tonnes of food to Haiti on Tuesday.",
        [("DOM", 30, "tonnes", "HTI")],
        id="the-dominican-government",
    ),
    pytest.param(
        "Somalis living in Sweden raised 2 million kronor for drought victims in Somalia.",
        [("Somalis living in Sweden", 2e6, "SEK", "SOM")],
        id="a-people-s-plural-and-where-they-live",
    ),
    pytest.param(
        "Ugandans in the United Kingdom contributed £30,000 for flood victims in Uganda.",
        [("Ugandans in the United Kingdom", 30000, "GBP", "UGA")],
        id="a-people-s-plural-in-a-place",
    ),
    pytest.param(
        "Chile flew in 30 tonnes of aid including water and tents, and Peru said it would send 1,000 family "
        "kits to Ecuador.",
        [("CHL", 30, "tonnes", "ECU"), ("PER", 1000, "kits", "ECU")],
        id="goods-after-including-with-a-verb-of-their-own",
    ),
    pytest.param(
        "Spain sent 40 tonnes of humanitarian aid and a team of military doctors to Haiti.",
        [("ESP", 40, "tonnes", "HTI")],
        id="a-military-item-after-and-is-not-said-of-the-goods",
    ),
    pytest.param(
        "Spain sent $5 million and a shipment of military equipment to Haiti.",
        [],
        id="near-miss-a-sum-of-money-beside-a-military-item",
    ),
    pytest.param(
        "Guterres released $9 million from the U.N.'s Central Emergency Response Fund for Haiti.",
        [("Central Emergency Response Fund", 9e6, "USD", "HTI")],
        id="from-a-fund-its-owner-names",
    ),
    pytest.param(
        "Pledges were made by Gulf states, among them Kuwait ($15 million) and Qatar ($10 million), for "
        "Yemen.",
        [("KWT", 15e6, "USD", "YEM"), ("QAT", 10e6, "USD", "YEM")],
        id="givers-with-sums-in-brackets-after-among-them",
    ),
    pytest.param(
        "The fund sent aid to several countries, including Chad ($2 million) and Niger ($1 million).",
        [],
        id="near-miss-places-with-sums-in-brackets-after-including",
    ),
    pytest.param(
        "Chile dispatched three planes with tents and blankets, and Peru sent 500 tents.",
        [("PER", 500, "tents", None)],
        id="a-number-of-planes-with-goods-counts-the-planes",
    ),
    pytest.param(
        "Germany announced EUR 20 million for Somalia on Friday, which will provide about 30,000 tonnes "
        "of food through WFP.",
        [("DEU", 20e6, "EUR", "SOM")],
        id="goods-a-sum-provides-in-its-relative-clause",
    ),
    pytest.param(
        "Oman pledged $20 million, and Bahrain, which sent 15 tonnes of food on Monday, pledged $10 million.",
        [("OMN", 20e6, "USD", None), ("BHR", 15, "tonnes", None), ("BHR", 10e6, "USD", None)],
        id="goods-of-a-relative-clause-of-a-later-giver-not-bought",
    ),
    pytest.param(
        "Canada has raised its support for Haiti to CAD 8 million, adding CAD 4 million to the original "
        "CAD 4 million it announced last week.",
        [("CAN", 4e6, "CAD", "HTI"), ("CAN", 4e6, "CAD", "HTI")],
        id="a-rise-equal-to-the-earlier-pledge-it-is-added-to",
    ),
    pytest.param(
        "Norway on Tuesday signed an agreement with the World Food Programme (WFP) to provide NOK 50 million "
        "for school meals in Haiti.",
        [("NOR", 50e6, "NOK", "HTI")],
        id="the-bracketed-short-form-of-a-partner-signed-with",
    ),
    pytest.param(
        "On Tuesday, MTN Uganda donated USh 500 million to the Uganda Red Cross Society for flood victims "
        "in Kasese.",
        [("MTN Uganda", 500e6, "UGX", "UGA")],
        id="a-listed-company-s-branch-named-for-its-country",
    ),
    pytest.param(
        "Qatar Charity signed an agreement with UNICEF for US$3 million to repair wells in Somalia.",
        [("Qatar Charity", 3e6, "USD", "SOM")],
        id="an-agreement-signed-for-a-sum",
    ),
    pytest.param(
        "Oman pledged $20 million, and Bahrain, which sent a plane carrying 15 tonnes of food on Monday, "
        "pledged $10 million.",
        [("OMN", 20e6, "USD", None), ("BHR", 15, "tonnes", None), ("BHR", 10e6, "USD", None)],
        id="a-giver-after-and-with-a-relative-clause-of-giving",
    ),
    pytest.param(
        "The Chinese government handed over 50,000 quintals of wheat to Ethiopia on Monday.",
        [("CHN", 50000, "quintals", "ETH")],
        id="quintals-are-goods-by-weight",
    ),
    pytest.param(
        "The UN released $5 million from the Central Emergency Response Fund to Malawi, and Ireland "
        "announced EUR 2 million for Malawi.",
        [("Central Emergency Response Fund", 5e6, "USD", "MWI"), ("IRL", 2e6, "EUR", "MWI")],
        id="from-before-and-is-the-first-clause-s-origin",
    ),
    pytest.param(
        "Zambia sent 30 trucks carrying 900 tonnes of maize to Malawi, the first batch of 3,000 tonnes "
        "pledged by President Hichilema.",
        [("ZMB", 900, "tonnes", "MWI"), ("ZMB", 3000, "tonnes", "MWI")],
        id="the-whole-a-first-batch-is-of-with-its-participle",
    ),
    pytest.param(
        "The club's main sponsor, Harbourline Logistics, has also pledged £20,000 to the appeal for Malawi.",
        [("Harbourline Logistics", 20e3, "GBP", "MWI")],
        id="a-body-named-in-apposition-after-its-description",
    ),
    pytest.param(
        "A Lagos-based charity, the Ikeja Relief Foundation, said it would give N500 million to displaced "
        "families in Nigeria.",
        [("Ikeja Relief Foundation", 500e6, "NGN", "NGA")],
        id="a-speaking-body-named-in-apposition",
    ),
    pytest.param(
        "Japan, the largest donor, gave $5 million to Nepal.",
        [("JPN", 5e6, "USD", "NPL")],
        id="near-miss-a-description-in-apposition-after-the-name",
    ),
    pytest.param(
        "A Jordanian convoy crossed into Syria on Sunday with 2,500 food parcels for displaced families.",
        [("JOR", 2500, "food parcels", "SYR")],
        id="a-convoy-crossed-with-goods",
    ),
    pytest.param(
        "Ayala Land Inc. (ALI) donated 50,000 bottles of water to the Philippines.",
        [("Ayala Land Inc.", 5e4, "bottles", "PHL")],
        id="a-company-with-an-abbreviation-and-its-short-form",
    ),
    pytest.param(
        "Among private donors, Tanglaw Foods Corp. said it had donated P50 million to the Philippines.",
        [("Tanglaw Foods Corp.", 50e6, "PHP", "PHL")],
        id="a-speaking-company-after-a-fronted-phrase",
    ),
    pytest.param(
        "The Asian Development Bank said it was in talks with Dhaka on grant financing of up to $200 million "
        "for Bangladesh.",
        [],
        id="grants-in-talks-are-no-pledge",
    ),
    pytest.param(
        "Rwanda, which Congo accuses of backing the M23 rebels — a charge Kigali denies — pledged $2 million "
        "for Burundi.",
        [("RWA", 2e6, "USD", "BDI")],
        id="a-subject-before-a-relative-clause-closed-by-a-dashed-aside",
    ),
    pytest.param(
        "A ship carrying 1,500 tonnes of rice, beans and cooking oil donated by the Emirates Red Crescent "
        "docked in Aden, Yemen.",
        [("Emirates Red Crescent", 1500, "tonnes", "YEM")],
        id="the-giver-after-a-list-of-goods",
    ),
    pytest.param(
        "Canada has increased its commitment for Haiti to C$8 million, adding C$3 million.",
        [("CAN", 3e6, "CAD", "HTI")],
        id="the-rise-not-the-new-level",
    ),
    pytest.param(
        "Britain tripled its support for Nepal, the minister said, adding 10 million pounds.",
        [("GBR", 10e6, "GBP", "NPL")],
        id="adding-a-sum-gives-it",
    ),
    pytest.param(
        "Abroad, U.K.-based Brightwell Pharmaceuticals said it had shipped 12 tonnes of medicines to Nepal.",
        [("Brightwell Pharmaceuticals", 12, "tonnes", "NPL")],
        id="where-a-company-is-based-is-no-part-of-its-name",
    ),
    pytest.param(
        "Osaka-based Hikari Electronics said it donated $1 million to the Philippine Red Cross.",
        [("Hikari Electronics", 1e6, "USD", "PHL")],
        id="a-city-based-company-speaks-for-itself",
    ),
    pytest.param(
        "Ireland will provide €4 million in humanitarian aid, €3 million for people in Yemen and €1 million "
        "for Yemeni refugees in Djibouti.",
        [("IRL", 3e6, "EUR", "YEM"), ("IRL", 1e6, "EUR", "DJI")],
        id="a-total-then-its-parts-after-a-comma",
    ),
    pytest.param(
        "The Canada-based diaspora group Kanpe Relief said it had raised C$60,000 for Haiti.",
        [("Kanpe Relief", 60e3, "CAD", "HTI")],
        id="a-place-based-body-that-speaks-gives-for-itself",
    ),
    pytest.param(
        "Kuwait, through the Kuwait Red Crescent Society, sent 30 tonnes of food to Lebanon.",
        [("KWT", 30, "tonnes", "LBN")],
        id="a-giver-through-its-channel-in-an-aside",
    ),
    pytest.param(
        "Qatar's aid agency QFFD said its first plane to land in rebel-held northern Yemen had arrived in "
        "Saada carrying 40 tonnes of food.",
        [("QAT", 40, "tonnes", "YEM")],
        id="a-place-after-a-hyphened-adjective-is-where-aid-goes",
    ),
    pytest.param(
        "Denmark will support Lebanon with an additional 20 million kroner.",
        [("DNK", 20e6, "DKK", "LBN")],
        id="support-a-country-with-a-sum",
    ),
    pytest.param(
        "A town with 20,000 people in Malawi received aid.",
        [],
        id="near-miss-with-a-count-of-people",
    ),
    pytest.param(
        "Norway has released $9m for Sahel countries, with $5m going to Mali and $2m each to Niger and Chad.",
        [("NOR", 5e6, "USD", "MLI"), ("NOR", 2e6, "USD", "NER"), ("NOR", 2e6, "USD", "TCD")],
        id="a-total-its-sentence-breaks-down-after-with",
    ),
    pytest.param(
        "Of the $9 million allocated by Norway, $5 million is for Mali, $2 million for Niger and $2 million "
        "for Chad.",
        [("NOR", 5e6, "USD", "MLI"), ("NOR", 2e6, "USD", "NER"), ("NOR", 2e6, "USD", "TCD")],
        id="of-the-total-its-parts",
    ),
    pytest.param(
        "Japan gave $10 million to Sudan, $6 million to Chad and $4 million to South Sudan.",
        [("JPN", 10e6, "USD", "SDN"), ("JPN", 6e6, "USD", "TCD"), ("JPN", 4e6, "USD", "SSD")],
        id="near-miss-a-list-whose-first-sum-equals-the-rest",
    ),
    pytest.param(
        "A shipment of 2,000 tonnes of rice sent by the Government of Kerala arrived in Colombo for "
        "Sri Lanka.",
        [("IND", 2000, "tonnes", "LKA")],
        id="sent-by-a-region-s-government",
    ),
    pytest.param(
        "European Commissioner for Humanitarian Aid Christos Stylianides announced €25 million for Haiti.",
        [("European Union", 25e6, "EUR", "HTI")],
        id="a-european-commissioner-gives-for-the-eu",
    ),
    pytest.param(
        "Kuwait has pledged $3 million to each of Malawi and Mozambique, the Kuwaiti foreign ministry said.",
        [("KWT", 3e6, "USD", "MWI"), ("KWT", 3e6, "USD", "MOZ")],
        id="a-sum-to-each-of-two-countries",
    ),
    pytest.param(
        "Jordanian aircraft airdropped 20 tonnes of food to Gaza on Tuesday.",
        [("JOR", 20, "tonnes", "PSE")],
        id="an-airdrop-delivers",
    ),
    pytest.param(
        "The Fergana Silk Company pledged 2 billion soums (about $180,000) for flood victims in Uzbekistan.",
        [("Fergana Silk Company", 2e9, "UZS", "UZB")],
        id="soums-are-uzbek",
    ),
    pytest.param(
        "The State Department approved the sale of $400 million worth of missiles to Qatar.",
        [],
        id="an-arms-sale-is-no-aid",
    ),
    pytest.param(
        "The Asian Development Bank approved $50 million in loans and $20 million in grants for Nepal.",
        [("Asian Development Bank", 20e6, "USD", "NPL")],
        id="a-cue-before-and-belongs-to-the-sum-before",
    ),
    pytest.param(
        "Haiti's international partners pledged $2 billion for reconstruction in the south of Haiti.",
        [("various", 2e9, "USD", "HTI")],
        id="a-country-s-partners-give-to-it",
    ),
    pytest.param(
        "Germany pledged 50 million euros for the Lake Chad region.",
        [("DEU", 50e6, "EUR", None)],
        id="lake-chad-is-a-region-not-chad",
    ),
    pytest.param(
        "Oman said on Sunday that Sultan Haitham had directed $10 million in relief for flood victims "
        "in Yemen.",
        [("OMN", 10e6, "USD", "YEM")],
        id="a-ruler-directs-a-sum",
    ),
    pytest.param(
        "Relief is flowing to Vanuatu, including $4 million in emergency humanitarian assistance announced "
        "by South Korea.",
        [("KOR", 4e6, "USD", "VUT")],
        id="the-sum-s-participle-past-its-own-aid-noun",
    ),
    pytest.param(
        "New Zealand will give $2 million to Samoa. This is in addition to the $1 million in initial relief "
        "funding we announced on 3 March.",
        [("NZL", 2e6, "NZD", "WSM"), ("NZL", 1e6, "NZD", "WSM")],
        id="an-earlier-sum-s-own-aid-noun-before-who-announced-it",
    ),
    pytest.param(
        "The Gujarat state government has donated Rs 5 crore to the relief fund for Nepal.",
        [("IND", 5e7, "INR", "NPL")],
        id="a-region-s-government-gives-as-its-country",
    ),
    pytest.param(
        "The government of Sichuan sent 300 tonnes of rice to Laos.",
        [("CHN", 300, "tonnes", "LAO")],
        id="the-government-of-a-region-gives-as-its-country",
    ),
    pytest.param(
        "The African Development Bank made the largest commitment, $1.2bn over five years, followed by the "
        "World Bank with $800m and the Islamic Development Bank (IsDB) with $500m.",
        [
            ("African Development Bank", 1.2e9, "USD", None),
            ("World Bank", 8e8, "USD", None),
            ("Islamic Development Bank", 5e8, "USD", None),
        ],
        id="a-ranking-past-a-span-of-years-and-a-glossed-name",
    ),
    pytest.param(
        "NEMA handed over 2,000 bags of 25kg rice and 300 cartons of vegetable oil to Benue State, Nigeria.",
        [("NGA", 50000.0, "kg", None), ("NGA", 300, "cartons", None)],
        id="bags-of-a-stated-weight-weigh-their-count-times-it",
    ),
    pytest.param(
        "Beijing announced 80 million yuan in emergency assistance for Nepal, including 10,000 tents and "
        "20,000 blankets.",
        [("CHN", 80e6, "CNY", "NPL")],
        id="goods-a-sum-includes-are-that-pledge",
    ),
    pytest.param(
        "China announced 80 million yuan in aid for Nepal and sent 10,000 tents to Nepal.",
        [("CHN", 80e6, "CNY", "NPL"), ("CHN", 10000, "tents", "NPL")],
        id="near-miss-goods-sent-besides-the-sum",
    ),
    pytest.param(
        "The Australian navy ship delivered 120,000 litres of water to Tonga and can produce another "
        "30,000 litres a day.",
        [("AUS", 120e3, "litres", "TON")],
        id="goods-a-day-are-a-capacity",
    ),
    pytest.param(
        "In the 2024 to 2025 financial year, Ireland allocated more than €30 million in aid to Ethiopia.",
        [],
        id="a-financial-year-s-account-is-background",
    ),
    pytest.param(
        "Qatar hosted three pledging conferences for Yemen, pledging USD 200 million in January 2016, "
        "USD 100 million in March 2017 and USD 100 million in April 2018.",
        [("QAT", 2e8, "USD", "YEM"), ("QAT", 1e8, "USD", "YEM"), ("QAT", 1e8, "USD", "YEM")],
        id="equal-sums-on-two-dates-are-two-pledges",
    ),
    pytest.param(
        "With the latest flight, Egypt has so far sent 12 planes and two ships carrying more than "
        "2,000 tonnes of aid to Sudan.",
        [],
        id="a-running-total-past-small-counts",
    ),
    pytest.param(
        "The pledges offer some relief to Colombo, whose foreign exchange reserves have fallen to "
        "about $1.9bn.",
        [],
        id="near-miss-reserves-are-no-aid",
    ),
    pytest.param(
        "Japan pledged $30 million — $20 million for Syria and $10 million for Lebanon.",
        [("JPN", 20e6, "USD", "SYR"), ("JPN", 10e6, "USD", "LBN")],
        id="a-pledge-broken-into-parts-after-a-dash",
    ),
    pytest.param(
        "The EU gave 650 million euros - around £545 million - to Syria.",
        [("European Union", 650e6, "EUR", "SYR")],
        id="near-miss-a-dash-before-another-currency-converts",
    ),
    pytest.param(
        "Some 3,000 tents and 8,000 blankets were handed over to the Nepalese authorities by the Slovak "
        "embassy.",
        [("SVK", 3000, "tents", "NPL"), ("SVK", 8000, "blankets", "NPL")],
        id="the-agent-of-a-passive-verb-past-its-destination",
    ),
    pytest.param(
        "LIMA — A total of 1,200,000 doses of vaccine donated by Spain arrived in the country on Monday.",
        [("ESP", 1.2e6, "doses", None)],
        id="a-total-that-opens-the-sentence-is-the-sum-itself",
    ),
    pytest.param(
        "Denmark has given a total of $40 million to Somalia since 2017.",
        [],
        id="a-total-since-a-year-is-a-running-total",
    ),
    pytest.param(
        "Nigerian diaspora groups in Houston raised $300,000 in a weekend telethon for flood victims.",
        [("Nigerian diaspora groups in Houston", 3e5, "USD", "NGA")],
        id="a-community-abroad-gives-to-its-own-country",
    ),
    pytest.param(
        "An association of the Sri Lankan community in Paris said it had collected €200,000 in donations.",
        [("Sri Lankan community in Paris", 2e5, "EUR", "LKA")],
        id="a-community-that-speaks-before-its-pronoun",
    ),
    pytest.param(
        "Filipino migrant workers' associations in Hong Kong said they had raised HK$2 million for typhoon "
        "victims.",
        [("Filipino migrant workers' associations in Hong Kong", 2e6, "HKD", "PHL")],
        id="migrant-workers-associations-give-home-not-where-they-live",
    ),
    pytest.param(
        "Senegalese associations in Italy said they had collected more than €90,000 for flood victims.",
        [("Senegalese associations in Italy", 90e3, "EUR", "SEN")],
        id="a-people-s-groups-where-they-live-give-home",
    ),
    pytest.param(
        "Tongan seasonal workers in Australia raised A$40,000 after the cyclone.",
        [("Tongan seasonal workers in Australia", 40e3, "AUD", "TON")],
        id="workers-abroad-with-a-word-between",
    ),
    pytest.param(
        "Guatemalan-American groups have raised US$60,000 for the families of the volcano's victims.",
        [("Guatemalan-American groups", 60e3, "USD", "GTM")],
        id="a-hyphenated-people-gives-to-the-first-people-s-country",
    ),
    pytest.param(
        "In Dubai, Pakistani construction workers raised Dh150,000 for flood victims.",
        [("Pakistani construction workers in Dubai", 150e3, "AED", "PAK")],
        id="where-they-live-opens-the-sentence",
    ),
    pytest.param(
        "Ugandans in the diaspora raised USh 40 million for landslide victims.",
        [("Ugandans in the diaspora", 40e6, "UGX", "UGA")],
        id="a-people-s-plural-in-the-diaspora",
    ),
    pytest.param(
        "Filipino workers raised $2,000 for typhoon victims.",
        [],
        id="near-miss-workers-at-home-are-no-group-abroad",
    ),
    pytest.param(
        "The Ghana Diaspora Association in the United Kingdom raised £12,000 for flood victims in Ghana.",
        [("Ghana Diaspora Association in the United Kingdom", 12e3, "GBP", "GHA")],
        id="an-unlisted-body-with-where-it-is-after-in-the",
    ),
    pytest.param(
        "The Kenya Millers' Association pledged KSh 20 million to the drought appeal in Kenya.",
        [("Kenya Millers' Association", 20e6, "KES", "KEN")],
        id="an-unlisted-body-with-a-plural-s-apostrophe",
    ),
    pytest.param(
        "The Sierra Leonean Community Association of Minnesota donated $15,000 to Sierra Leone.",
        [("Sierra Leonean Community Association of Minnesota", 15e3, "USD", "SLE")],
        id="an-unlisted-body-of-a-place-the-gazetteer-does-not-know",
    ),
    pytest.param(
        "Meridian Bank and Coastal Assurance each contributed 200 million dirhams to the earthquake fund "
        "in Morocco.",
        [("Meridian Bank", 200e6, "MAD", "MAR"), ("Coastal Assurance", 200e6, "MAD", "MAR")],
        id="two-unlisted-bodies-each-give-in-the-dirhams-of-the-country-named",
    ),
    pytest.param(
        "The Aldine Trust, a Dutch medical charity, and the Bill & Melinda Gates Foundation each committed "
        "$20 million to the cholera response in Malawi.",
        [("Aldine Trust", 20e6, "USD", "MWI"), ("Bill & Melinda Gates Foundation", 20e6, "USD", "MWI")],
        id="an-unlisted-body-described-before-a-listed-one-each-give",
    ),
    pytest.param(
        "Its staff and Meridian Bank each gave 2 million dirhams to the fund in Morocco.",
        [("Meridian Bank", 2e6, "MAD", "MAR")],
        id="near-miss-staff-are-no-named-partner",
    ),
    pytest.param(
        "Norway and Denmark, which co-chaired the meeting, were the largest donors, each pledging "
        "$80 million for Somalia.",
        [("NOR", 80e6, "USD", "SOM"), ("DNK", 80e6, "USD", "SOM")],
        id="a-participle-after-each-goes-back-to-the-givers-opening-the-clause",
    ),
    pytest.param(
        "Donors met in Oslo, with Norway giving $80 million for Somalia.",
        [("NOR", 80e6, "USD", "SOM")],
        id="near-miss-a-participle-without-each",
    ),
    pytest.param(
        "The Mozambique Red Cross received $1 million each from Japan and South Korea.",
        [("JPN", 1e6, "USD", "MOZ"), ("KOR", 1e6, "USD", "MOZ")],
        id="each-from-a-list-of-givers",
    ),
    pytest.param(
        "The Mozambique Red Cross received $1 million from Japan and South Korea.",
        [("JPN", 1e6, "USD", "MOZ")],
        id="near-miss-from-a-list-without-each-is-one-sum",
    ),
    pytest.param(
        "Separately, the International Monetary Fund's board on Monday approved the next review of Kenya's "
        "programme, clearing the way for the release of about $450 million.",
        [],
        id="what-the-imf-releases-is-no-aid",
    ),
    pytest.param(
        "Kuwait provided more than $2 billion in aid to Yemen between 2015 and 2020, the fund said.",
        [],
        id="given-over-a-span-of-past-years-is-an-aggregate",
    ),
    pytest.param(
        "Japan will provide 5 billion yen to Nepal from 2026 to 2028 for reconstruction.",
        [("JPN", 5e9, "JPY", "NPL")],
        id="near-miss-a-pledge-over-coming-years",
    ),
    pytest.param(
        "Germany was Somalia's largest humanitarian donor last year, providing more than €300 million.",
        [],
        id="last-year-s-largest-donor-gave-an-aggregate",
    ),
    pytest.param(
        "The Asian Development Bank said it would provide a $3 million grant for relief in Nepal, and was "
        "ready to lend up to $200 million for reconstruction.",
        [("Asian Development Bank", 3e6, "USD", "NPL")],
        id="what-a-bank-will-lend-is-no-aid",
    ),
    pytest.param(
        "Japan has donated $100,000 to the appeal, and the Ugandan government flew 120 tonnes of food to "
        "Beira.",
        [("JPN", 100e3, "USD", "MOZ"), ("UGA", 120, "tonnes", "MOZ")],
        id="a-government-after-comma-and-opens-its-own-clause",
    ),
    pytest.param(
        "Chile's government approved the donation of 40 tonnes of food for Haiti.",
        [("CHL", 40, "tonnes", "HTI")],
        id="the-donation-of-goods-is-the-goods",
    ),
    pytest.param(
        "The Aldine Trust followed with $10 million for the cholera response in Malawi.",
        [("Aldine Trust", 10e6, "USD", "MWI")],
        id="followed-with-a-sum-gives-it",
    ),
    pytest.param(
        "Canada chipped in with $5 million for Malawi.",
        [("CAN", 5e6, "CAD", "MWI")],
        id="chipped-in-with-a-sum-gives-it",
    ),
    pytest.param(
        "The biggest pledge so far has come from Germany, which has promised €40 million for Sudan.",
        [("DEU", 40e6, "EUR", "SDN")],
        id="so-far-after-a-superlative-runs-no-total",
    ),
    pytest.param(
        "Germany has so far given €40 million to Sudan.",
        [],
        id="near-miss-so-far-of-a-giver-is-a-running-total",
    ),
    pytest.param(
        "The coordinator welcomed early contributions for Mozambique, including €2 million released by the "
        "European Union and NOK 10 million announced by Norway.",
        [("European Union", 2e6, "EUR", "MOZ"), ("NOR", 10e6, "NOK", "MOZ")],
        id="each-sum-s-own-passive-agent",
    ),
    pytest.param(
        "The gift follows one by Zambian mobile operator Kafue Mobile, which on 3 March handed over "
        "K2 million to the health ministry.",
        [("Kafue Mobile", 2e6, "ZMW", None)],
        id="a-described-company-before-a-dated-relative-clause",
    ),
    pytest.param(
        "Neighbouring Kenya, which launched a relief operation within hours of the floods, said its air "
        "force had flown in 30 tonnes of food to Somalia.",
        [("KEN", 30, "tonnes", "SOM")],
        id="a-neighbour-speaking-past-an-aside",
    ),
    pytest.param(
        "Norway and Denmark jointly announced $60 million for Somalia, with each country contributing "
        "$30 million.",
        [("NOR", 30e6, "USD", "SOM"), ("DNK", 30e6, "USD", "SOM")],
        id="with-each-country-contributing-its-share-of-the-total",
    ),
    pytest.param(
        "On 2 March, CHF 300,000 was allocated from the IFRC's Disaster Response Emergency Fund to the "
        "Malawi Red Cross.",
        [("International Federation of Red Cross and Red Crescent Societies", 3e5, "CHF", "MWI")],
        id="allocated-from-a-giver-s-fund-passively",
    ),
    pytest.param(
        "Guatemala sent 15 trucks loaded with food and water across the border into Honduras.",
        [("GTM", 15, "trucks", "HND")],
        id="trucks-of-relief-no-weight-counts",
    ),
    pytest.param(
        "Guatemala sent 15 trucks carrying 60 tonnes of food across the border into Honduras.",
        [("GTM", 60, "tonnes", "HND")],
        id="near-miss-trucks-carrying-a-weight-count-the-weight",
    ),
    pytest.param(
        "A diaspora coalition in Miami shipped two 40-foot containers of clothing to Haiti.",
        [],
        id="near-miss-a-container-s-size-is-no-count",
    ),
    pytest.param(
        "The 2024 Humanitarian Response Plan for Somalia, which as of 30 April had received $270 million, "
        "seeks $1.6 billion.",
        [],
        id="what-an-appeal-has-received-is-no-pledge",
    ),
    pytest.param(
        "The Government of Bangladesh will provide $10 million in counterpart funds for the project.",
        [],
        id="counterpart-funds-are-no-aid",
    ),
    pytest.param(
        "The Dominican Republic sent 50 tonnes of food to Haiti, and a Colombian navy ship unloaded 80 "
        "tonnes of aid in Jeremie.",
        [("DOM", 50, "tonnes", "HTI"), ("COL", 80, "tonnes", "HTI")],
        id="a-people-s-vehicle-after-comma-and-carries-its-aid",
    ),
    pytest.param(
        "Norway said it would give $5 million to Malawi, Sweden $3 million and Japan, one of Malawi's "
        "largest donors, $2 million.",
        [("NOR", 5e6, "USD", "MWI"), ("SWE", 3e6, "USD", "MWI"), ("JPN", 2e6, "USD", "MWI")],
        id="a-gapped-giver-past-its-description",
    ),
    pytest.param(
        "Uganda, which hosts 1.5 million refugees, says it has spent some $300 million caring for them.",
        [],
        id="what-a-country-has-spent-is-a-tally",
    ),
    pytest.param(
        "Japan will spend $20 million on relief for refugees in Kenya.",
        [("JPN", 20e6, "USD", "KEN")],
        id="near-miss-what-a-giver-will-spend-is-a-pledge",
    ),
    pytest.param(
        "In January India provided a $400 million currency swap to Sri Lanka.",
        [],
        id="a-currency-swap-is-no-aid",
    ),
    pytest.param(
        "Canada has announced $10 million for Pakistan, and relief flights from Qatar have landed in "
        "Karachi.",
        [("CAN", 10e6, "CAD", "PAK")],
        id="from-past-comma-and-names-another-clause-s-origin",
    ),
    pytest.param(
        "Pakistan has received $10 million from Qatar.",
        [("QAT", 10e6, "USD", "PAK")],
        id="near-miss-from-right-after-the-sum-names-its-giver",
    ),
    pytest.param(
        "The community raised $5,000 for the school. Kenya collected $2 billion in taxes.",
        [],
        id="near-miss-no-community-named-and-a-country-collecting-taxes",
    ),
    pytest.param(
        "The United States has provided PHP29 million (USD500,000) in emergency assistance to the "
        "Philippines.",
        [("USA", 29e6, "PHP", "PHL")],
        id="a-sum-stays-in-the-currency-stated-first",
    ),
    pytest.param(
        "Japan pledged 500 million yen ($4.5 million) to Kenya.",
        [("JPN", 5e8, "JPY", "KEN")],
        id="near-miss-a-sum-in-the-giver-s-currency-stays",
    ),
    pytest.param(
        "India sent a consignment to Myanmar that includes 300 tonnes of rice, 100 tonnes of sugar and "
        "100 tonnes of edible oil.",
        [("IND", 300, "tonnes", "MMR"), ("IND", 100, "tonnes", "MMR"), ("IND", 100, "tonnes", "MMR")],
        id="equal-weights-of-two-goods-in-one-sentence-are-two-pledges",
    ),
    pytest.param(
        "Britain raised its contribution to £15 million from the £1.5m announced last week.",
        [("GBR", 15e6, "GBP", None)],
        id="a-gift-raised-to-a-new-level",
    ),
    pytest.param(
        "Riyadh, Jumada I 10, 1443, Dec 14, 2021, SPA -- KSrelief distributed 2,000 winter kits to needy "
        "families in Balochistan Province, Pakistan.",
        [("SAU", 2000, "kits", "PAK")],
        id="a-hijri-month-s-numeral-is-no-pronoun",
    ),
    pytest.param(
        "The 420 tonnes of maize that the Zambian government has donated to Malawi reached Lilongwe on "
        "Friday.",
        [("ZMB", 420, "tonnes", "MWI")],
        id="the-giver-of-a-relative-clause-after-the-sum",
    ),
    pytest.param(
        "Officials said the 90,000 tonnes of wheat which the mill had imported would be sold to Yemen.",
        [],
        id="near-miss-a-relative-clause-of-no-aid-verb",
    ),
    pytest.param(
        "The Dangote Foundation announced a donation of N2 billion to flood victims in Nigeria.",
        [("Aliko Dangote Foundation", 2e9, "NGN", "NGA")],
        id="naira-written-with-a-letter",
    ),
    pytest.param(
        "Japan and Laos signed an exchange of notes under which Tokyo will extend a grant of 300 million yen "
        "(about 45 billion kip) to WFP for food assistance in Laos.",
        [("JPN", 3e8, "JPY", "LAO")],
        id="near-miss-who-signs-an-agreement-is-not-its-giver",
    ),
    pytest.param(
        "KOICA said US$3.5 million will support programmes in Sudan and US$1.5 million will go to refugee "
        "camps in Chad.",
        [("KOR", 1.5e6, "USD", "TCD")],
        id="the-us-of-us-dollars-is-no-giver",
    ),
    pytest.param(
        "State-controlled Hungarian refiner MOL Group said it had delivered 1,500 tonnes of diesel to "
        "hospitals in Ukraine.",
        [("MOL Group", 1500, "tonnes", "UKR")],
        id="a-company-a-demonym-describes-gives-not-its-country",
    ),
    pytest.param(
        "Mexican telecoms group Telmex said its local subsidiary Claro would donate $1 million to relief "
        "efforts in Guatemala.",
        [("Telmex", 1e6, "USD", "GTM")],
        id="what-the-speaker-owns-gives-for-it",
    ),
    pytest.param(
        "The Korean Business Association in Vietnam and two garment companies on Friday donated $30,000 "
        "to flood victims in Quang Binh.",
        [("Korean Business Association in Vietnam", 3e4, "USD", "VNM")],
        id="an-association-named-for-a-people-gives-not-their-government",
    ),
    pytest.param(
        "Kuwait on Tuesday signed a $4 million agreement with UNICEF to provide clean water in Sudan.",
        [("KWT", 4e6, "USD", "SDN")],
        id="a-signed-funding-agreement",
    ),
    pytest.param(
        "Canada on Monday announced CAD 25 million to help flood-hit Bangladesh.",
        [("CAN", 25e6, "CAD", "BGD")],
        id="recipient-as-flood-hit-country",
    ),
    pytest.param(
        "Led by Qatar and Kuwait, which each pledged $300 million, donors met to help Syria.",
        [("QAT", 300e6, "USD", "SYR"), ("KWT", 300e6, "USD", "SYR")],
        id="two-donors-each-pledged",
    ),
    pytest.param(
        "Pledges of $400 million from Saudi Arabia, $150 million from Japan and $90 million from Germany "
        "poured in for Yemen.",
        [("SAU", 400e6, "USD", "YEM"), ("JPN", 150e6, "USD", "YEM"), ("DEU", 90e6, "USD", "YEM")],
        id="list-of-amount-from-donor",
    ),
    pytest.param(
        "Announcing £32 million in new UK aid for Sudan, the minister urged other donors to follow.",
        [("GBR", 32e6, "GBP", "SDN")],
        id="money-first-donor-as-adjective",
    ),
    # Written for the patterns above, with other countries and numbers; the near misses after
    # them must not become facts.
    pytest.param(
        "Germany and France both committed 50 million euros to help quake-hit Turkey.",
        [("DEU", 50e6, "EUR", "TUR"), ("FRA", 50e6, "EUR", "TUR")],
        id="two-donors-both-committed",
    ),
    pytest.param(
        "Australia and New Zealand, which each pledged A$10 million, sent teams to Tonga.",
        [("AUS", 10e6, "AUD", "TON"), ("NZL", 10e6, "AUD", "TON")],
        id="two-donors-which-each-pledged",
    ),
    pytest.param(
        "Norway and Sweden have both given $20 million to Sudan.",
        [("NOR", 20e6, "USD", "SDN"), ("SWE", 20e6, "USD", "SDN")],
        id="two-donors-have-both-given",
    ),
    pytest.param(
        "Japan and Australia pledged $5 million each year to Chad.",
        [],
        id="near-miss-each-year-is-a-standing-level",
    ),
    pytest.param(
        "Qatar pledged $300 million to Jordan, or $100 for each of the 3 million refugees there.",
        [("QAT", 300e6, "USD", "JOR")],
        id="near-miss-each-of-the-refugees",
    ),
    pytest.param(
        "The conference drew pledges of 20 million euros from France, 12 million euros from the "
        "European Union and 5 million euros from Italy for Lebanon.",
        [("FRA", 20e6, "EUR", "LBN"), ("European Union", 12e6, "EUR", "LBN"), ("ITA", 5e6, "EUR", "LBN")],
        id="list-of-amount-from-donor-in-euros",
    ),
    pytest.param(
        "Contributions of 2,000 tonnes of rice from Thailand and 1,500 tonnes from Vietnam "
        "arrived in Myanmar.",
        [("THA", 2000, "tonnes", "MMR"), ("VNM", 1500, "tonnes", "MMR")],
        id="list-of-goods-from-donor",
    ),
    pytest.param(
        "Imports of 300,000 tonnes of wheat from Russia and 200,000 tonnes from Ukraine reached Egypt.",
        [],
        id="near-miss-list-of-imports-has-no-aid-word",
    ),
    pytest.param(
        "Pledging $15 million of Japanese emergency assistance for Myanmar, the ambassador spoke of floods.",
        [("JPN", 15e6, "USD", "MMR")],
        id="money-first-donor-as-demonym",
    ),
    pytest.param(
        "Announcing 10 million euros in fresh EU funding for Niger, the commissioner left for Niamey.",
        [("European Union", 10e6, "EUR", "NER")],
        id="money-first-donor-as-organization",
    ),
    pytest.param(
        "Announcing $20 million in new Gaza aid, the minister urged donors to follow.",
        [],
        id="near-miss-country-adjective-names-where-aid-goes",
    ),
    pytest.param(
        "Announcing $30 million in Afghan aid for Afghan families, the minister left.",
        [],
        id="near-miss-demonym-adjective-names-where-aid-goes",
    ),
    pytest.param(
        "Japan gave $3 million to assist drought-stricken Somalia.",
        [("JPN", 3e6, "USD", "SOM")],
        id="recipient-as-drought-stricken-country",
    ),
    pytest.param(
        "Canada announced CAD 25 million to help Syrian refugees in Lebanon.",
        [("CAN", 25e6, "CAD", "LBN")],
        id="near-miss-people-helped-are-not-the-place",
    ),
    pytest.param(
        "The EU said 80 million euros will go to food security in Chad, while 40 million will be spent "
        "on emergency relief.",
        [("European Union", 80e6, "EUR", "TCD"), ("European Union", 40e6, "EUR", "TCD")],
        id="parts-in-a-later-clause",
    ),
    pytest.param(
        "Germany said 25 million euros will be spent on food aid in Yemen, while 5 million will go to "
        "shelter.",
        [("DEU", 25e6, "EUR", "YEM"), ("DEU", 5e6, "EUR", "YEM")],
        id="parts-in-a-later-clause-spent-first",
    ),
    pytest.param(
        "Britain said £60 million will go to Sudan, while a further 15 million will be spent on nutrition.",
        [("GBR", 60e6, "GBP", "SDN"), ("GBR", 15e6, "GBP", "SDN")],
        id="parts-in-a-later-clause-pound-sign",
    ),
    pytest.param(
        "The EU said 80 million euros will go to food security in Chad, while 40 million people will be "
        "reached next year.",
        [("European Union", 80e6, "EUR", "TCD")],
        id="near-miss-later-clause-counts-people",
    ),
    pytest.param(
        "The EU said 80 million euros will go to food security in Chad, while 40 million remain hungry.",
        [("European Union", 80e6, "EUR", "TCD")],
        id="near-miss-later-clause-bare-number-not-money",
    ),
    # written on 2026-12-05 as recent releases word them, before running the extractor on them
    pytest.param(
        "Norway has allocated NOK 100 million in additional humanitarian support to Ukraine.",
        [("NOR", 100e6, "NOK", "UKR")],
        id="an-iso-code-before-the-number",
    ),
    pytest.param(
        "Denmark gives DKK 50 million to Afghanistan.",
        [("DNK", 50e6, "DKK", "AFG")],
        id="an-iso-code-before-the-number-dkk",
    ),
    pytest.param(
        "India dispatched 25 tonnes of relief material, including medicines and tents, to Syria.",
        [("IND", 25, "tonnes", "SYR")],
        id="dispatched",
    ),
    pytest.param(
        "The army dispatched 300 soldiers to the border.",
        [],
        id="near-miss-dispatched-soldiers",
    ),
    pytest.param(
        "The Netherlands has made 5 million euros available for emergency aid in Libya.",
        [("NLD", 5e6, "EUR", "LBY")],
        id="made-a-sum-available",
    ),
    pytest.param(
        "The Netherlands made 5 million euros in emergency aid profits last year from exports to Libya.",
        [],
        id="near-miss-made-a-sum-not-available",
    ),
    pytest.param(
        "Italy will send two military planes with 30 tonnes of aid to Libya.",
        [("ITA", 30, "tonnes", "LBY")],
        id="aid-on-military-planes",
    ),
    pytest.param(
        "Italy sent 30 tonnes of military equipment to Libya.",
        [],
        id="near-miss-military-equipment",
    ),
    pytest.param(
        "An additional $8 million from Canada will support the cholera response in Haiti.",
        [("CAN", 8e6, "CAD", "HTI")],
        id="a-sum-from-a-giver-as-subject",
    ),
    pytest.param(
        "An additional $8 million from exports will support the economy of Haiti.",
        [],
        id="near-miss-a-sum-from-no-giver",
    ),
    pytest.param(
        "Thanks to a $5 million contribution from the Republic of Korea, WFP will provide food in Ethiopia.",
        [("KOR", 5e6, "USD", "ETH")],
        id="a-contribution-from-a-giver",
    ),
    pytest.param(
        "The grant of $2 million, provided by the Government of Australia, will help families in Fiji.",
        [("AUS", 2e6, "AUD", "FJI")],
        id="provided-by-after-the-sum",
    ),
    pytest.param(
        "Pledging €20 million for Sudan, the German development minister said more must be done.",
        [("DEU", 20e6, "EUR", "SDN")],
        id="a-fronted-pledge-and-its-subject",
    ),
    pytest.param(
        "With a new contribution of $15 million, Japan becomes the largest donor to the operation in "
        "Myanmar.",
        [("JPN", 15e6, "USD", "MMR")],
        id="with-a-contribution-then-its-giver",
    ),
    pytest.param(
        "Receiving $5 million, Sudan said it would rebuild schools.",
        [],
        id="near-miss-a-fronted-receipt",
    ),
    pytest.param(
        "Saudi Arabia pledged $500 million, the UAE $300 million and Kuwait $200 million.",
        [("SAU", 500e6, "USD", None), ("ARE", 300e6, "USD", None), ("KWT", 200e6, "USD", None)],
        id="a-list-that-leaves-out-the-verb",
    ),
    pytest.param(
        "The largest pledges came from the United States ($500 million), Germany ($300 million) and "
        "the UK ($200 million).",
        [("USA", 500e6, "USD", None), ("DEU", 300e6, "USD", None), ("GBR", 200e6, "USD", None)],
        id="a-donor-is-no-other-donor-s-destination",
    ),
    pytest.param(
        "The Chinese government has donated 50 ambulances and 10 generators to Zimbabwe.",
        [("CHN", 50, "ambulances", "ZWE"), ("CHN", 10, "generators", "ZWE")],
        id="vehicles-and-generators-are-goods",
    ),
    pytest.param(
        "The UK will provide £30 million to Sudan. Of the total, £10 million will go to the World Food "
        "Programme.",
        [("GBR", 30e6, "GBP", "SDN"), ("GBR", 10e6, "GBP", "SDN")],
        id="of-the-total-opens-a-part",
    ),
    pytest.param(
        "The UK will provide £30 million to Sudan. In total, the UK has given £250 million to Sudan.",
        [("GBR", 30e6, "GBP", "SDN")],
        id="near-miss-in-total-is-a-running-total",
    ),
    pytest.param(
        "The European Union will mobilise €25 million in humanitarian funding for people affected by "
        "the floods in Libya.",
        [("European Union", 25e6, "EUR", "LBY")],
        id="mobilise",
    ),
    pytest.param(
        "Germany's Federal Foreign Office is providing an additional 10 million euros for Sudan.",
        [("DEU", 10e6, "EUR", "SDN")],
        id="a-country-s-government-body-speaks-for-it",
    ),
    pytest.param(
        "The Foreign Office is providing an additional £10 million for Sudan.",
        [("GBR", 10e6, "GBP", "SDN")],
        id="near-miss-the-body-alone",
    ),
    pytest.param(
        "Japan will give $5 million for Syrian refugees in Jordan.",
        [("JPN", 5e6, "USD", "JOR")],
        id="aid-for-refugees-goes-where-they-are",
    ),
    pytest.param(
        "Japan will give $5 million for Afghan refugees in Pakistan and Iran.",
        [("JPN", 5e6, "USD", None)],
        id="refugees-in-two-hosts-no-single-one",
    ),
    pytest.param(
        "Japan will give $5 million for Syrian refugees.",
        [("JPN", 5e6, "USD", "SYR")],
        id="near-miss-refugees-with-no-host-named",
    ),
    pytest.param(
        "Jordan sent 20 tonnes of aid to Egypt for onward transfer to Gaza.",
        [("JOR", 20, "tonnes", "PSE")],
        id="sent-through-a-hub-for-delivery-elsewhere",
    ),
    pytest.param(
        "Japan sent 20 tonnes of aid to Egypt for distribution by the Red Crescent.",
        [("JPN", 20, "tonnes", "EGY")],
        id="near-miss-distribution-with-no-place",
    ),
    pytest.param(
        "China will provide 300 million yuan in emergency aid to Pakistan. The new aid includes 25,000 "
        "tents and 50,000 blankets.",
        [("CHN", 300e6, "CNY", "PAK")],
        id="goods-the-new-aid-includes-are-the-same-pledge",
    ),
    pytest.param(
        "The Czech Republic will send CZK 50 million in humanitarian aid to Ukraine.",
        [("CZE", 50e6, "CZK", "UKR")],
        id="an-iso-code-before-the-number-czk",
    ),
    pytest.param(
        "Poland gave 10 million zlotys to Ukraine.",
        [("POL", 10e6, "PLN", "UKR")],
        id="zlotys",
    ),
    pytest.param(
        "The Government of India has handed over 1,000 tonnes of rice to Sri Lanka.",
        [("IND", 1000, "tonnes", "LKA")],
        id="handed-over-is-a-verb-not-a-qualifier",
    ),
    pytest.param(
        "Japan gave over $5 million to Chad.",
        [("JPN", 5e6, "USD", "TCD")],
        id="near-miss-over-as-a-qualifier",
    ),
    pytest.param(
        "The UN's Central Emergency Response Fund released $29 million. The funds will go to Mali "
        "($10 million), Myanmar ($10 million) and Niger ($9 million).",
        [
            ("Central Emergency Response Fund", 10e6, "USD", "MLI"),
            ("Central Emergency Response Fund", 10e6, "USD", "MMR"),
            ("Central Emergency Response Fund", 9e6, "USD", "NER"),
        ],
        id="equal-sums-to-two-named-places-are-two-pledges",
    ),
    pytest.param(
        "Japan pledged $10 million to Ethiopia and $10 million to Kenya. Japan's $10 million for "
        "Ethiopia was welcomed.",
        [("JPN", 10e6, "USD", "ETH"), ("JPN", 10e6, "USD", "KEN")],
        id="near-miss-an-equal-sum-in-a-later-sentence-is-a-repeat",
    ),
    pytest.param(
        "The EU has released €3.5 million in humanitarian funding for Türkiye and Syria. Of this, "
        "€3 million will support people in Syria and €500,000 will go to people in Türkiye.",
        [("European Union", 3e6, "EUR", "SYR"), ("European Union", 0.5e6, "EUR", "TUR")],
        id="of-this-opens-the-parts",
    ),
    pytest.param("Japan will consider providing $5 million to Nepal.", [], id="considering-is-no-pledge"),
    pytest.param("Japan rejected calls to provide $5 million to Nepal.", [], id="a-refusal-is-no-pledge"),
    pytest.param(
        "Japan said it was ready to provide $5 million to Nepal.",
        [("JPN", 5e6, "USD", "NPL")],
        id="near-miss-ready-to-provide",
    ),
    pytest.param(
        "KOICA will provide $3 million to Bangladesh.",
        [("KOR", 3e6, "USD", "BGD")],
        id="a-donor-agency-speaks-for-its-country",
    ),
    pytest.param(
        "Japan will make 200 tonnes of rice available to Laos.",
        [("JPN", 200, "tonnes", "LAO")],
        id="make-available-is-the-only-aid-verb",
    ),
    pytest.param(
        "The company made 200 tonnes of cement available to buyers in Laos.",
        [],
        id="near-miss-made-available-by-a-seller",
    ),
    pytest.param(
        "The UK government will match donations made to the Disasters Emergency Committee's appeal "
        "for Pakistan, up to £5 million.",
        [("GBR", 5e6, "GBP", "PAK")],
        id="matched-donations-to-a-public-appeal",
    ),
    pytest.param(
        "Britain said its aid to Turkey and Syria would rise to £10 million.",
        [("GBR", 10e6, "GBP", None)],
        id="a-second-listed-destination-is-no-donor",
    ),
    pytest.param(
        "In Guatemala and Honduras, USDA will provide $30M to expand school meals.",
        [("USA", 30e6, "USD", None)],
        id="near-miss-the-giver-after-a-listed-lead",
    ),
    # a third batch, written after reading the misses of probe articles written for evaluation
    pytest.param(
        "Ireland said it would match every euro given by the public to the Irish Red Cross's emergency "
        "appeal, up to a maximum of €2 million.",
        [("IRL", 2e6, "EUR", None)],
        id="matched-gifts-to-a-named-appeal",
    ),
    pytest.param(
        "Sweden shipped 30 tonnes of medical supplies including surgical kits and tents, and neighbouring "
        "Norway delivered 500 tonnes of flour by sea to Yemen.",
        [("SWE", 30, "tonnes", "YEM"), ("NOR", 500, "tonnes", "YEM")],
        id="a-second-clause-after-including-is-no-part",
    ),
    pytest.param(
        "Countries neighbouring Malawi will receive £4 million from Britain.",
        [("GBR", 4e6, "GBP", None)],
        id="near-miss-neighbouring-a-receiver",
    ),
    pytest.param(
        "Australia announced A$30 million for Fiji, of which A$20 million will go to housing and "
        "A$10 million to schools.",
        [("AUS", 20e6, "AUD", "FJI"), ("AUS", 10e6, "AUD", "FJI")],
        id="of-which-opens-the-parts",
    ),
    pytest.param(
        "Kuwait pledged $300 million, Qatar $200 million and the United Kingdom an additional $50 million, "
        "taking British support for Syria to more than $100 million.",
        [("KWT", 300e6, "USD", "SYR"), ("QAT", 200e6, "USD", "SYR"), ("GBR", 50e6, "USD", "SYR")],
        id="a-gapped-giver-with-an-opener-and-a-running-total",
    ),
    pytest.param(
        "Japan, taking part in the Geneva talks, pledged $12 million to Syria.",
        [("JPN", 12e6, "USD", "SYR")],
        id="near-miss-taking-part-is-no-running-total",
    ),
    pytest.param(
        "Germany announced a further €40 million for Sudan, bringing its humanitarian aid since April to "
        "€200 million.",
        [("DEU", 40e6, "EUR", "SDN")],
        id="since-dates-the-running-total-not-the-new-sum",
    ),
    pytest.param(
        "Germany has provided €40 million to Sudan since April.",
        [],
        id="near-miss-since-dates-the-sum",
    ),
    pytest.param(
        "Nepal received pledges of $4 billion at a donor conference in Kathmandu.",
        [],
        id="the-receiver-of-pledges-is-no-giver",
    ),
    pytest.param(
        "Nepal received pledges of $40 million from India.",
        [("IND", 40e6, "USD", "NPL")],
        id="near-miss-pledges-received-from-a-giver",
    ),
    pytest.param(
        "The Kuwait Fund signed agreements worth $12 million with WHO to support emergency health "
        "services in Syria.",
        [("KWT", 12e6, "USD", "SYR")],
        id="agreements-worth-a-sum-for-aid",
    ),
    pytest.param(
        "Japan signed a trade agreement worth $5 billion with Vietnam.",
        [],
        id="near-miss-a-trade-agreement",
    ),
    pytest.param(
        "Britain announced £10 million for Haiti. Of the new money, £6 million will go to UNICEF, "
        "£3 million to the WFP and £1 million to the Red Cross. Britain had given £4 million in March, "
        "and on Friday it sent a further £2 million.",
        [
            ("GBR", 6e6, "GBP", "HTI"),
            ("GBR", 3e6, "GBP", "HTI"),
            ("GBR", 1e6, "GBP", "HTI"),
            ("GBR", 4e6, "GBP", "HTI"),
            ("GBR", 2e6, "GBP", "HTI"),
        ],
        id="an-item-of-a-list-is-no-total-of-later-sums",
    ),
    pytest.param(
        "France pledged €20 million to Kenya on Monday. The pledges come as Kenya's currency reserves "
        "have fallen to about $7 billion.",
        [("FRA", 20e6, "EUR", "KEN")],
        id="the-pledges-as-a-subject-are-a-noun",
    ),
    pytest.param(
        "Canada's first shipment of 25 tonnes of medical supplies arrived in Beirut on Monday.",
        [("CAN", 25, "tonnes", "LBN")],
        id="a-first-shipment-with-none-before-it",
    ),
    pytest.param(
        "Canada pledged 100 tonnes of medical supplies to Lebanon. The first shipment of 25 tonnes "
        "arrived in Beirut on Monday.",
        [("CAN", 100, "tonnes", "LBN")],
        id="near-miss-a-first-shipment-of-a-pledge",
    ),
    pytest.param(
        "Japan was Nepal's biggest donor at the meeting, providing $30 million.",
        [("JPN", 30e6, "USD", None)],
        id="a-possessive-before-donor-is-given-to",
    ),
    # a fourth batch, after reading the misses of the probe sets pe and pf
    pytest.param(
        "Ottawa will provide $10 million to Haiti.",
        [("CAN", 10e6, "CAD", "HTI")],
        id="a-capital-speaks-for-its-government",
    ),
    pytest.param(
        "Donors at the London conference pledged $10 billion for Syria.",
        [("various", 10e9, "USD", "SYR")],
        id="near-miss-a-capital-naming-a-conference",
    ),
    pytest.param(
        "Canberra has allocated A$5 million: A$3 million for Fiji and A$2 million for Tonga.",
        [("AUS", 3e6, "AUD", "FJI"), ("AUS", 2e6, "AUD", "TON")],
        id="a-colon-opens-the-parts",
    ),
    pytest.param(
        "Japan pledged $3 million to Haiti. Of the total, $2 million will go through UNICEF and $1 million "
        "through the WFP.",
        [("JPN", 2e6, "USD", "HTI"), ("JPN", 1e6, "USD", "HTI")],
        id="a-second-part-without-a-verb",
    ),
    pytest.param(
        "India flagged off 5,000 MT of wheat for Afghanistan.",
        [("IND", 5000, "tonnes", "AFG")],
        id="metric-tonnes-as-mt",
    ),
    pytest.param(
        "Qatar sent 5,000 mobile homes to Syria.",
        [("QAT", 5000, "mobile homes", "SYR")],
        id="mobile-homes-are-goods",
    ),
    pytest.param(
        "KSrelief distributed 2,000 food baskets in Yemen.",
        [("SAU", 2000, "food baskets", "YEM")],
        id="distributed-with-its-object",
    ),
    pytest.param(
        "Food worth $2 million will be distributed to 50,000 people in Yemen.",
        [],
        id="near-miss-distributed-by-no-one-named",
    ),
    pytest.param(
        "After floods that have hit Kerala since June, Germany is providing €2 million to India.",
        [("DEU", 2e6, "EUR", "IND")],
        id="since-in-a-relative-clause-dates-the-floods",
    ),
    pytest.param(
        "Since June, Germany has provided €2 million to India.",
        [],
        id="near-miss-since-dates-the-sum",
    ),
    pytest.param(
        "India will send 20,000 tonnes of wheat to Afghanistan. It shipped 10,000 tonnes through Iran "
        "last year.",
        [("IND", 20000, "tonnes", "AFG"), ("IND", 10000, "tonnes", "AFG")],
        id="a-pronoun-gives-for-the-giver-before",
    ),
    pytest.param(
        "Japan gave $5 million to Nepal. We provided nearly $15 billion.",
        [("JPN", 5e6, "USD", "NPL")],
        id="near-miss-we-is-a-speaker",
    ),
    pytest.param(
        "China pledged 50 million yuan to Nepal. The first batch of supplies, consisting of 1,000 tents and "
        "500 blankets, arrived on Monday.",
        [("CHN", 50e6, "CNY", "NPL")],
        id="a-first-batch-opening-the-clause-is-a-portion",
    ),
    pytest.param(
        "Australia's naval vessel HMAS Adelaide has delivered 200 tonnes of relief supplies to Tonga.",
        [("AUS", 200, "tonnes", "TON")],
        id="a-naval-vessel-carries-aid",
    ),
    pytest.param(
        "South Korea turned over 500 sleeping mats and 200 plastic sheets to the Philippines.",
        [("KOR", 500, "sleeping mats", "PHL"), ("KOR", 200, "plastic sheets", "PHL")],
        id="turned-over-goods",
    ),
    pytest.param(
        "Donors pledged $900 million for Somalia in Geneva.\n\nPledges announced at the meeting included:\n"
        "Norway: NOK 500 million\nJapan: $40 million",
        [("NOR", 500e6, "NOK", "SOM"), ("JPN", 40e6, "USD", "SOM")],
        id="a-list-line-s-label-is-its-giver",
    ),
    pytest.param(
        "The CERF released $30 million for neglected crises.\n\nThe money will be distributed as follows:\n"
        "Haiti: $20 million\nMali: $10 million",
        [
            ("Central Emergency Response Fund", 20e6, "USD", "HTI"),
            ("Central Emergency Response Fund", 10e6, "USD", "MLI"),
        ],
        id="near-miss-under-a-giver-a-label-is-where-it-goes",
    ),
    pytest.param(
        "Canada will give $4 million to Nepal.\n\nThe new funding will be delivered as follows:\n"
        "- $2 million to the World Food Programme\n- $1.5 million to UNICEF\n- $500,000 to CARE",
        [("CAN", 2e6, "CAD", "NPL"), ("CAN", 1.5e6, "CAD", "NPL"), ("CAN", 0.5e6, "CAD", "NPL")],
        id="an-item-of-a-list-of-lines-is-no-total",
    ),
    pytest.param(
        "In 2022, Sweden provided more than SEK 400 million in humanitarian aid to Yemen.",
        [],
        id="a-year-s-account-is-background",
    ),
    pytest.param(
        "In Yemen, Sweden provided SEK 40 million for cholera treatment.",
        [("SWE", 40e6, "SEK", "YEM")],
        id="near-miss-a-place-opening-is-no-year",
    ),
    pytest.param(
        "Canada will give C$4 million to Haiti. Of this, C$3 million will go to the WFP in Haiti, and C$1 "
        "million will support local groups.",
        [("CAN", 3e6, "CAD", "HTI"), ("CAN", 1e6, "CAD", "HTI")],
        id="a-part-that-is-the-subject-of-its-own-clause",
    ),
    pytest.param(
        "The Indian government earmarked Rs 150 crore for relief in Sri Lanka.",
        [("IND", 1.5e9, "INR", "LKA")],
        id="crore-is-ten-million",
    ),
    pytest.param(
        "The German development ministry BMZ has committed €12 million to Yemen.",
        [("DEU", 12e6, "EUR", "YEM")],
        id="bmz-is-germany",
    ),
    pytest.param(
        "Japan announced $2 billion in grants and concessional loans for Ukraine.",
        [("JPN", 2e9, "USD", "UKR")],
        id="grants-and-loans-are-aid",
    ),
    pytest.param(
        "Japan announced $2 billion in concessional loans for Ukraine.",
        [],
        id="near-miss-loans-alone-are-not",
    ),
    pytest.param(
        "Japan has been Nepal's partner, with commitments of over $3 billion over two decades.",
        [],
        id="decades-of-commitments-are-a-running-total",
    ),
    pytest.param(
        "Britain said it had flown in 5,000 hygiene kits to Libya.",
        [("GBR", 5000, "hygiene kits", "LBY")],
        id="flown-in-relief-goods",
    ),
    pytest.param(
        "A ship carrying 30,000 tonnes of grain left Odesa for Egypt.",
        [],
        id="near-miss-freight-is-no-aid",
    ),
    pytest.param(
        "Corporate pledges for Ukraine topped $250 million, according to a tally by the Chamber.",
        [],
        id="pledges-that-topped-a-sum-are-a-tally",
    ),
    # a fifth batch, after reading the misses of probe set pg (donors beyond the usual ones)
    pytest.param(
        "Kuwait's Cabinet approved a donation of KD 2 million to the Jordanian Red Crescent.",
        [("KWT", 2e6, "KWD", "JOR")],
        id="dinars-by-their-sign",
    ),
    pytest.param(
        "Malaysia has allocated RM5 million for flood victims in Thailand.",
        [("MYS", 5e6, "MYR", "THA")],
        id="ringgit-by-their-sign",
    ),
    pytest.param(
        "Pope Francis has sent an initial contribution of US$100,000 to Morocco.",
        [("VAT", 1e5, "USD", "MAR")],
        id="the-pope-gives-for-the-holy-see",
    ),
    pytest.param(
        "Japan will provide $2 million to Fiji. The assistance comprises $1.5 million through the IFRC "
        "and $500,000 through UNICEF.",
        [("JPN", 1.5e6, "USD", "FJI"), ("JPN", 0.5e6, "USD", "FJI")],
        id="comprises-opens-the-parts",
    ),
    pytest.param(
        "Thailand flew in 6,000 kilogrammes of relief supplies to Laos.",
        [("THA", 6000, "kg", "LAO")],
        id="kilogrammes",
    ),
    pytest.param(
        "China pledged 100 million yuan to Nepal. A cargo flight carrying 2,000 tents, the first batch of "
        "supplies under the package, landed in Kathmandu.",
        [("CHN", 100e6, "CNY", "NPL")],
        id="a-first-batch-after-the-goods-is-a-portion",
    ),
    pytest.param(
        "Britain said about 30,000 tonnes of wheat would be shipped to Sudan, and the first load of "
        "20,000 tonnes would leave in May.",
        [("GBR", 30000, "tonnes", "SDN")],
        id="near-miss-a-later-first-load-is-the-portion",
    ),
    pytest.param(
        "Japan pledged $12 million to Sudan. Qatar pledged $8 million. Donors had pledged more than "
        "$2 billion by the end of the day.",
        [("JPN", 12e6, "USD", "SDN"), ("QAT", 8e6, "USD", "SDN")],
        id="a-donors-sum-after-its-breakdown",
    ),
    pytest.param(
        "Indonesia sent tents to Gaza in November, and it has since contributed US$2 million to UNRWA.",
        [("IDN", 2e6, "USD", "PSE")],
        id="since-as-an-adverb-is-no-period",
    ),
    pytest.param(
        "Since November, Indonesia has contributed US$2 million to UNRWA.",
        [],
        id="near-miss-since-a-date",
    ),
    pytest.param(
        "Norway has pledged 2 million doses of vaccine to Uganda, the largest single donation so far.",
        [("NOR", 2e6, "doses", "UGA")],
        id="the-largest-so-far-is-no-running-total",
    ),
    pytest.param(
        "Norway has given 2 million doses of vaccine to Uganda so far.",
        [],
        id="near-miss-so-far-dates-the-sum",
    ),
    pytest.param(
        "Actress Ana Cruz gave P3 million through her foundation to typhoon victims in the Philippines.",
        [("Ana Cruz", 3e6, "PHP", "PHL")],
        id="pesos-by-their-sign",
    ),
    pytest.param(
        "South Africa has approved R8 million for flood relief in Mozambique.",
        [("ZAF", 8e6, "ZAR", "MOZ")],
        id="rand-by-their-sign",
    ),
    pytest.param(
        "Ocean Ventures, one of the country's largest shipping groups, donated KSh 20 million to drought "
        "relief in Kenya.",
        [("Ocean Ventures", 20e6, "KES", "KEN")],
        id="an-unlisted-giver-before-an-apposition",
    ),
    pytest.param(
        "Ocean Ventures, one of Kenya's largest shipping groups, donated KSh 20 million to drought relief "
        "in Kenya.",
        [("Ocean Ventures", 20e6, "KES", "KEN")],
        id="a-country-inside-the-apposition-is-not-the-giver",
    ),
    pytest.param(
        "Canada's emergency stockpile, managed by the Canadian Red Cross, will ship 1,200 tents to "
        "Bangladesh.",
        [("CAN", 1200, "tents", "BGD")],
        id="a-body-inside-the-apposition-is-not-the-giver",
    ),
    pytest.param(
        "Japan, one of Nepal's largest donors, pledged $5 million to Nepal.",
        [("JPN", 5e6, "USD", "NPL")],
        id="a-giver-before-an-apposition-naming-its-destination",
    ),
    pytest.param(
        "Sweden gave $2 million to Chad, and Norway, which hosts the talks, will provide $3 million to "
        "Sudan.",
        [("SWE", 2e6, "USD", None), ("NOR", 3e6, "USD", "SDN")],
        id="a-giver-after-comma-and-before-its-apposition",
    ),
    pytest.param(
        "The Korean government announced humanitarian assistance worth US$1 million for the Philippines.",
        [("KOR", 1e6, "USD", "PHL")],
        id="korean-alone-is-south-korea",
    ),
    pytest.param(
        "India gifted 25 tonnes of medical supplies to Sri Lanka on Monday.",
        [("IND", 25, "tonnes", "LKA")],
        id="gifted",
    ),
    pytest.param(
        "Japan donated 10,000 N95 masks to Vietnam.",
        [("JPN", 10e3, "masks", "VNM")],
        id="near-miss-a-mask-type-is-no-naira",
    ),
    pytest.param(
        "An Italian Air Force C-130 has landed in Benghazi with 8 tonnes of relief items for Libya.",
        [("ITA", 8, "tonnes", "LBY")],
        id="landed-with-relief-goods",
    ),
    pytest.param(
        "Two Indian naval ships have since sailed for Yangon with a further 40 tonnes of relief supplies.",
        [("IND", 40, "tonnes", "MMR")],
        id="has-since-sailed-with-a-further-load",
    ),
    pytest.param(
        "The ship arrived in Lagos with 30,000 tonnes of wheat for the mills.",
        [],
        id="near-miss-arrived-with-freight",
    ),
    pytest.param(
        "Gavi said it would fund 900,000 doses of oral cholera vaccine for Mozambique.",
        [("Gavi", 900e3, "doses", "MOZ")],
        id="would-fund-goods",
    ),
    pytest.param(
        "I am advised that the total request for this initial emergency fund is approximately $300 million.",
        [],
        id="near-miss-a-fund-is-no-verb",
    ),
    pytest.param(
        "KSrelief said it would distribute 1,500 tents in Herat, Afghanistan.",
        [("SAU", 1500, "tents", "AFG")],
        id="would-distribute",
    ),
    pytest.param(
        "The UAE President has directed the provision of $50 million in urgent humanitarian assistance to "
        "Pakistan.",
        [("ARE", 50e6, "USD", "PAK")],
        id="the-provision-of",
    ),
    pytest.param(
        "A Mexican navy ship carrying 800 tonnes of food docked in Santiago de Cuba on Friday, the largest "
        "shipment of aid to reach the island since 2012.",
        [("MEX", 800, "tonnes", "CUB")],
        id="since-after-a-superlative-is-no-running-total",
    ),
    pytest.param(
        "UNICEF delivered 4,500 cartons of therapeutic food to El Fasher in Sudan, the first nutrition "
        "supplies to reach the town since December.",
        [("UNICEF", 4500, "cartons", "SDN")],
        id="since-after-an-ordinal-is-no-running-total",
    ),
    pytest.param(
        "Japan has given $50 million to Syria since 2011, the first donor to do so.",
        [],
        id="near-miss-a-running-total-before-an-ordinal",
    ),
    pytest.param(
        "An RAF A400M aircraft carrying 1,100 shelter kits and 2,500 solar lanterns landed in Beira on "
        "Tuesday.",
        [("GBR", 1100, "kits", "MOZ"), ("GBR", 2500, "lanterns", "MOZ")],
        id="an-air-force-carrying-relief-goods",
    ),
    pytest.param(
        "China has pledged 100 million yuan, or about 13.8 million dollars, in emergency aid to Nepal, and "
        "South Korea says it will provide 2 million dollars.",
        [("CHN", 100e6, "CNY", "NPL"), ("KOR", 2e6, "USD", "NPL")],
        id="a-restatement-after-comma-or-and-a-speaker-s-pronoun",
    ),
    pytest.param(
        "Saudi Arabia and the United Arab Emirates, which lead the coalition, each pledged $750 million, "
        "while Kuwait promised $250 million.",
        [("SAU", 750e6, "USD", None), ("ARE", 750e6, "USD", None), ("KWT", 250e6, "USD", None)],
        id="givers-before-an-apposition-each-give",
    ),
    pytest.param(
        "Neighbouring Tanzania sent military planes carrying 238 tonnes of food and 24 tonnes of medicines "
        "to Mozambique.",
        [("TZA", 238, "tonnes", "MOZ"), ("TZA", 24, "tonnes", "MOZ")],
        id="military-planes-carrying-aid",
    ),
    pytest.param(
        "The United States approved $50 million in military aid to Ukraine.",
        [],
        id="near-miss-military-aid",
    ),
    pytest.param(
        "South Korea said it would give $2 million to Vietnam and $1 million each to Myanmar and Laos.",
        [("KOR", 2e6, "USD", "VNM"), ("KOR", 1e6, "USD", "MMR"), ("KOR", 1e6, "USD", "LAO")],
        id="a-sum-each-to-two-places",
    ),
    pytest.param(
        "The Red Cross Society of China donated 200,000 U.S. dollars in cash to each of the Turkish Red "
        "Crescent and the Syrian Arab Red Crescent.",
        [
            ("Red Cross Society of China", 200e3, "USD", "TUR"),
            ("Red Cross Society of China", 200e3, "USD", "SYR"),
        ],
        id="a-sum-to-each-of-two-bodies",
    ),
    pytest.param(
        "The Indonesian Red Cross said it would ship 1,000 boxes of medical supplies to Gaza.",
        [("Indonesian Red Cross", 1000, "boxes", "PSE")],
        id="boxes-are-counted-goods",
    ),
    pytest.param(
        "The humanitarian organisation Gift of the Givers said it had delivered 60 tonnes of food to Beira "
        "in Mozambique.",
        [("Gift of the Givers", 60, "tonnes", "MOZ")],
        id="a-charity-in-the-gazetteer-gives-for-itself",
    ),
    pytest.param(
        "Britain added £20 million, bringing its total support since the blast to £25 million.",
        [("GBR", 20e6, "GBP", None)],
        id="added-and-a-running-total-brought-to",
    ),
    pytest.param(
        "The minister added that 5,000 tonnes of wheat had arrived.",
        [],
        id="near-miss-added-as-said",
    ),
    pytest.param(
        "The European Union will provide an additional €5 million in humanitarian aid, bringing the bloc's "
        "humanitarian support for people affected by the conflict this year to €10.4 million.",
        [("European Union", 5e6, "EUR", None)],
        id="a-running-total-brought-to-far-from-its-verb",
    ),
    pytest.param(
        "Japan donated 20 electrical generators and 40 water purifiers through JICA.",
        [("JPN", 20, "generators", None), ("JPN", 40, "purifiers", None)],
        id="water-purifiers-are-counted-goods",
    ),
    pytest.param(
        "Britain gave £6 million for emergency relief in Mozambique, which paid for 2,500 shelter kits and "
        "1,000 solar lanterns.",
        [("GBR", 6e6, "GBP", "MOZ")],
        id="goods-a-relative-clause-of-the-sum-buys",
    ),
    pytest.param(
        "Qatar Charity announced that it will distribute 10,000 winter kits to families in Kabul, "
        "Afghanistan.",
        [("Qatar Charity", 10e3, "kits", "AFG")],
        id="a-charity-named-after-a-country-is-not-its-government",
    ),
    pytest.param(
        "At the reconstruction conference in Kathmandu, the Asian Development Bank pledged $600 million in "
        "concessional loans for Nepal.",
        [("Asian Development Bank", 600e6, "USD", "NPL")],
        id="loans-at-a-pledging-conference-are-pledges",
    ),
    pytest.param(
        "Highlights of the briefing\n\nMADAGASCAR\nThe Central Emergency Response Fund has allocated $4 "
        "million to help people hit by the cyclone.",
        [("Central Emergency Response Fund", 4e6, "USD", "MDG")],
        id="a-section-heading-names-the-destination",
    ),
    pytest.param(
        "The Asian Development Bank approved $600 million in concessional loans for Nepal's roads.",
        [],
        id="near-miss-loans-elsewhere-are-not",
    ),
    pytest.param(
        "Japan said it would supply 150 generators and 20 large transformers through the UN Development "
        "Programme.",
        [("JPN", 150, "generators", None), ("JPN", 20, "transformers", None)],
        id="transformers-are-counted-goods",
    ),
    pytest.param(
        "The Sahel Relief Network, which has worked in Niger for years, announced $3 million for Niger.",
        [("Sahel Relief Network", 3e6, "USD", "NER")],
        id="an-unlisted-giver-before-a-relative-clause",
    ),
    pytest.param(
        "Canada announced that $2 million of the latest $5 million aid package for Chad would be given "
        "to NGOs.",
        [("CAN", 2e6, "CAD", "TCD")],
        id="the-whole-a-part-is-of-is-no-second-pledge",
    ),
    pytest.param(
        "KSrelief distributed 3,000 food packs in Yemen.",
        [("SAU", 3000, "food packs", "YEM")],
        id="food-packs-are-goods",
    ),
    pytest.param(
        "The Qatar Red Crescent has donated $250,000 in cash to the Libyan Red Crescent for flood relief in "
        "Libya.",
        [("Qatar Red Crescent", 250e3, "USD", "LBY")],
        id="a-national-red-crescent-gives-for-itself",
    ),
    pytest.param(
        "The Yemen Humanitarian Fund has approved grants worth $18 million to 30 partners in Yemen.",
        [("Yemen Humanitarian Fund", 18e6, "USD", "YEM")],
        id="a-country-pooled-fund-is-no-country",
    ),
    pytest.param(
        "Peru's government sent tents to Ecuador, and Chile is channelling US$400,000 through UNICEF to "
        "Ecuador.",
        [("CHL", 400e3, "USD", "ECU")],
        id="a-giver-after-a-comma-and-is-a-subject",
    ),
    pytest.param(
        "Sweden committed 50 million kronor, and the European Commission said it would provide a further "
        "20 million euros for Somalia.",
        [("SWE", 50e6, "SEK", "SOM"), ("European Union", 20e6, "EUR", "SOM")],
        id="a-speaker-after-an-earlier-verb-gives",
    ),
    pytest.param(
        "The Asian Development Bank made the largest commitment, $300 million, for Nepal's reconstruction.",
        [("Asian Development Bank", 300e6, "USD", "NPL")],
        id="an-aid-noun-with-its-sum-in-apposition",
    ),
    pytest.param(
        "Norway's contribution, which was announced in May, was not renewed; the bank lent $5 million.",
        [],
        id="near-miss-an-aid-noun-whose-comma-opens-a-clause",
    ),
    pytest.param(
        "Canada announced the largest contribution, C$40 million, followed by Sweden with $12 million and "
        "Denmark with $8 million.",
        [("CAN", 40e6, "CAD", None), ("SWE", 12e6, "USD", None), ("DNK", 8e6, "USD", None)],
        id="a-ranking-of-givers-each-with-its-sum",
    ),
    pytest.param(
        "The United States provided Sudan with $5 million and Chad with $3 million.",
        [("USA", 5e6, "USD", "SDN"), ("USA", 3e6, "USD", "SDN")],
        id="near-miss-receivers-with-their-sums-do-not-give",
    ),
    pytest.param(
        "The African Union released $300,000 for Malawi and $200,000 for Mozambique, and the African "
        "Development Bank has approved a grant of $1 million for Malawi.",
        [
            ("African Union", 300e3, "USD", "MWI"),
            ("African Union", 200e3, "USD", "MOZ"),
            ("African Development Bank", 1e6, "USD", "MWI"),
        ],
        id="a-name-after-comma-and-with-an-auxiliary-opens-its-clause",
    ),
    pytest.param(
        "Britain gave aid to Turkey, and Syria has received $1 million from Japan.",
        [("JPN", 1e6, "USD", "SYR")],
        id="near-miss-the-opening-name-receives",
    ),
    # Fourth session: relief that armed forces carry, and what only looked like parts of it.
    pytest.param(
        "Kenya said its air force had flown 120 tonnes of maize and beans to Malawi.",
        [("KEN", 120, "tonnes", "MWI")],
        id="goods-an-air-force-carries-are-aid",
    ),
    pytest.param(
        "Kenya said a freighter had flown 120 tonnes of maize and beans to Malawi.",
        [],
        id="near-miss-goods-a-freighter-carries-may-be-trade",
    ),
    pytest.param(
        "Neighbouring Zambia said its air force had flown 80 tonnes of rice to Malawi, and "
        "Mozambique's navy rescued 40 fishermen.",
        [("ZMB", 80, "tonnes", "MWI")],
        id="a-neighbour-speaks-for-what-it-gives-and-a-possessive-opens-a-clause",
    ),
    pytest.param(
        "Three ships of the Chilean Navy docked at Callao on Monday carrying 600 tonnes of humanitarian aid "
        "for Peru.",
        [("CHL", 600, "tonnes", "PER")],
        id="ships-after-a-number-are-a-noun-not-a-verb",
    ),
    pytest.param(
        "On top of the funding, the Royal Air Force flew 9 tonnes of shelter kits to Tonga.",
        [("GBR", 9, "tonnes", "TON")],
        id="goods-beside-the-funding-are-not-bought-with-it",
    ),
    pytest.param(
        "The funding will buy 9 tonnes of shelter kits for Tonga, the Royal Air Force said.",
        [],
        id="near-miss-goods-the-funding-buys",
    ),
    pytest.param(
        "Thailand flew 15 tonnes of relief supplies, including rice and blankets, to Laos, where floods "
        "have killed at least 30 people.",
        [("THA", 15, "tonnes", "LAO")],
        id="a-count-of-people-after-including-is-no-part-of-the-goods",
    ),
    pytest.param(
        "A New Zealand navy ship brought 30 tonnes of relief supplies to Fiji on Friday.",
        [("NZL", 30, "tonnes", "FJI")],
        id="brought-carries-relief",
    ),
    # Fourth session: givers the gazetteer does not list, with a place inside their names.
    pytest.param(
        "Telkom Kenya Foundation handed over a cheque of Sh20 million to the Kenya Red Cross for "
        "drought relief.",
        [("Telkom Kenya Foundation", 20e6, "KES", "KEN")],
        id="an-unlisted-body-named-with-its-country",
    ),
    pytest.param(
        "Mining company Vale do Sul said it would give R$50 million for humanitarian aid in Rio Grande "
        "do Sul.",
        [("Vale do Sul", 50e6, "BRL", "BRA")],
        id="a-company-its-description-names",
    ),
    pytest.param(
        "Leeds-based Sikh charity Khalsa Aid UK said it had dispatched 1,500 hygiene kits to Benghazi "
        "by road "
        "from Egypt.",
        [("Khalsa Aid UK", 1500, "hygiene kits", "LBY")],
        id="a-charity-with-its-country-and-the-road-it-took",
    ),
    pytest.param(
        "Canadian singer Mara Lyle donated US$200,000 to the Red Cross for flood relief in Pakistan.",
        [("Mara Lyle", 200e3, "USD", "PAK")],
        id="a-singer-gives-not-her-country",
    ),
    pytest.param(
        "The diaspora-funded Hayastan All-Armenian Fund said it had raised more than $3 million in "
        "donations.",
        [("Hayastan All-Armenian Fund", 3e6, "USD", None)],
        id="a-hyphen-inside-an-unlisted-name",
    ),
    pytest.param(
        "U.S. drugmaker Merck & Co said it had shipped 190,000 doses to Congo.",
        [("Merck & Co.", 190e3, "doses", "COD")],
        id="near-miss-a-listed-company-keeps-its-listed-name",
    ),
    pytest.param(
        "On Monday Zambia donated $2 million to Malawi for flood relief.",
        [("ZMB", 2e6, "USD", "MWI")],
        id="near-miss-a-weekday-and-a-country-are-no-name",
    ),
    pytest.param(
        "Daesan Group said last week it would donate 2 billion won to the Turkish Red Crescent.",
        [("Daesan Group", 2e9, "KRW", "TUR")],
        id="won-after-a-scale-and-when-the-speaker-spoke",
    ),
    pytest.param(
        "Japan won 3 medals and pledged $2 million to Nepal.",
        [("JPN", 2e6, "USD", "NPL")],
        id="near-miss-won-after-a-small-number-is-the-verb",
    ),
    # Fourth session: lists and tables of givers.
    pytest.param(
        "World leaders pledged $2 billion for Nepal at a meeting hosted by India.\n\n"
        "Pledges made for 2025-2026:\n\nDonor | Pledge\nJapan | $300 million\nNorway | NOK 500 million",
        [("JPN", 300e6, "USD", "NPL"), ("NOR", 500e6, "NOK", "NPL")],
        id="a-table-of-givers-under-a-header-with-years",
    ),
    pytest.param(
        "The World Bank approved $100 million for Malawi.\n\nDonations received this week:\n"
        "- Kilimo Holdings: K150 million\n- Mzuzu Coffee Estates: K20 million\n- Lilongwe Tea Estates: "
        "30 tonnes of maize\n"
        "- Zomba Islamic Mission: 1,500 food packs",
        [
            ("World Bank", 100e6, "USD", "MWI"),
            ("Kilimo Holdings", 150e6, "MWK", "MWI"),
            ("Mzuzu Coffee Estates", 20e6, "MWK", "MWI"),
            ("Lilongwe Tea Estates", 30, "tonnes", "MWI"),
            ("Zomba Islamic Mission", 1500, "food packs", "MWI"),
        ],
        id="a-list-stays-open-past-its-lines",
    ),
    pytest.param(
        "Other announcements included:\n- Germany: €33 million for Syria\n- United States: an "
        "additional $100 "
        "million for Syria",
        [("DEU", 33e6, "EUR", "SYR"), ("USA", 100e6, "USD", "SYR")],
        id="a-few-words-may-open-a-labelled-sum",
    ),
    pytest.param(
        "Humanitarian needs and appeals, 2024\n\nCountry | People in need | Appeal\nEthiopia | 20.1 "
        "million | "
        "$3.99 billion\nKenya | 5.4 million | $0.57 billion",
        [],
        id="near-miss-rows-of-a-wider-table-are-not-labelled-gifts",
    ),
    # Fourth session: currencies whose country the text decides (currencies.csv code `~`).
    pytest.param(
        "Kilimo Bank gave K5 million in cash to flood victims in Malawi.",
        [("Kilimo Bank", 5e6, "MWK", "MWI")],
        id="kwacha-of-the-country-the-article-names",
    ),
    pytest.param(
        "Lusaka Cement Holdings said it would donate 3 billion kwacha to the Zambian Red Cross.",
        [("Lusaka Cement Holdings", 3e9, "ZMW", "ZMB")],
        id="kwacha-named-in-words",
    ),
    pytest.param(
        "Azerbaijan allocated 10 million manats for relief in Türkiye.",
        [("AZE", 10e6, "AZN", "TUR")],
        id="manats-of-the-giver",
    ),
    pytest.param(
        "Pakistan sent Rs 10 million to Nepal for quake relief.",
        [("PAK", 10e6, "PKR", "NPL")],
        id="rupees-of-the-giver",
    ),
    pytest.param(
        "The shipment of N95 masks and K2 spare parts reached Malawi.",
        [],
        id="near-miss-a-letter-and-a-small-number-are-a-model-name",
    ),
    pytest.param(
        "Sweden will give 50 million crowns to Somalia, and Norway pledged 10 billion crowns ($1.17 billion) "
        "over four years to Syria.",
        [("SWE", 50e6, "SEK", "SOM"), ("NOR", 10e9, "NOK", "SYR")],
        id="crowns-of-each-giver",
    ),
    pytest.param(
        "Denmark pledged 450 million kroner, about $71 million, to Niger.",
        [("DNK", 450e6, "DKK", "NER")],
        id="an-approximate-sum-in-another-currency-after-a-comma-restates",
    ),
    pytest.param(
        "Japan gave $5 million, about $3 million of it for food, to Sudan.",
        [("JPN", 5e6, "USD", "SDN"), ("JPN", 3e6, "USD", "SDN")],
        id="near-miss-a-part-in-the-same-currency-is-no-restatement",
    ),
    # Fourth session: what a whole event raised (GUIDELINES.md: donor various, pledged).
    pytest.param(
        "The pledging event in Geneva raised $1.2 billion for Yemen.",
        [("various", 1.2e9, "USD", "YEM")],
        id="an-event-raises-for-many-donors",
    ),
    pytest.param(
        "Last year's pledging conference, held in April, raised just over $2 billion for Yemen. This year "
        "Germany pledged $200 million and Britain $150 million.",
        [("various", 2e9, "USD", "YEM"), ("DEU", 200e6, "USD", "YEM"), ("GBR", 150e6, "USD", "YEM")],
        id="the-pledges-around-an-earlier-event-are-not-its-breakdown",
    ),
    pytest.param(
        "Donors raised $3 billion for Yemen in Geneva. Germany pledged $200 million and Britain $150 "
        "million.",
        [("DEU", 200e6, "USD", "YEM"), ("GBR", 150e6, "USD", "YEM")],
        id="near-miss-the-pledges-after-a-total-are-its-breakdown",
    ),
    pytest.param(
        "Kuwait and Qatar, the two hosts of the talks, each pledged $100 million for Yemen.",
        [("KWT", 100e6, "USD", "YEM"), ("QAT", 100e6, "USD", "YEM")],
        id="a-description-opened-by-a-determiner-is-an-apposition",
    ),
    pytest.param(
        "Germany, the United Kingdom, and France, each pledged $5 million to Sudan.",
        [("DEU", 5e6, "USD", "SDN"), ("GBR", 5e6, "USD", "SDN"), ("FRA", 5e6, "USD", "SDN")],
        id="near-miss-a-giver-after-the-determiner-continues-the-list",
    ),
    # Fourth session: agents of verbs of giving.
    pytest.param(
        "Three cargo planes sent by the Kuwait Red Crescent Society, carrying 3,000 blankets and 500 tents, "
        "landed in Beirut on Monday.",
        [
            ("Kuwait Red Crescent Society", 3000, "blankets", "LBN"),
            ("Kuwait Red Crescent Society", 500, "tents", "LBN"),
        ],
        id="the-agent-of-an-earlier-verb-of-giving-in-the-clause",
    ),
    pytest.param(
        "The shipment, donated by the Red Cross Society of China, consisted of 800 tents and arrived in "
        "Nepal.",
        [("Red Cross Society of China", 800, "tents", "NPL")],
        id="a-long-name-after-by",
    ),
    pytest.param(
        "Kenyans abroad, mobilised by the Kenya Diaspora Alliance, have raised $120,000 for drought "
        "relief in "
        "Kenya.",
        [("Kenya Diaspora Alliance", 120e3, "USD", "KEN")],
        id="a-place-opening-an-unlisted-name-after-by",
    ),
    pytest.param(
        "Britain will match the first £2 million donated by the public to the Disasters Emergency Committee "
        "appeal for Malawi.",
        [("GBR", 2e6, "GBP", "MWI")],
        id="near-miss-a-name-after-to-is-where-it-went",
    ),
    pytest.param(
        "The ambassador announced that the Chinese government has decided to provide RMB 40 million to "
        "Nepal.",
        [("CHN", 40e6, "CNY", "NPL")],
        id="a-name-right-after-that-opens-its-clause",
    ),
    pytest.param(
        "In Chicago, a telethon organised by the Haitian American Association raised $300,000 for quake "
        "victims in Haiti.",
        [("Haitian American Association", 300e3, "USD", "HTI")],
        id="an-event-gives-as-its-organiser",
    ),
    pytest.param(
        "Today I announced at the pledging conference in Geneva that Australia will provide $40 million for "
        "refugees in Bangladesh.",
        [("AUS", 40e6, "AUD", "BGD")],
        id="near-miss-an-event-where-a-giver-speaks",
    ),
    pytest.param(
        "The Italian Bishops' Conference has allocated €1m for Haiti.",
        [("Italian Bishops' Conference", 1e6, "EUR", "HTI")],
        id="a-body-named-conference-gives-not-its-country",
    ),
    pytest.param(
        "Members of the Somali community in Istanbul, many of them students at Turkish universities, donated "
        "200,000 liras for drought relief in Somalia.",
        [("Somali community in Istanbul", 200e3, "TRY", "SOM")],
        id="a-community-before-an-aside",
    ),
    pytest.param(
        "CERF released $20 million for Malawi.\n\nBilateral funding announced, as reported to OCHA as of 25 "
        "March:\n• Sweden: SEK 30 million\n• Ireland: €2 million",
        [
            ("Central Emergency Response Fund", 20e6, "USD", "MWI"),
            ("SWE", 30e6, "SEK", "MWI"),
            ("IRL", 2e6, "EUR", "MWI"),
        ],
        id="a-header-of-given-aid-may-carry-a-date",
    ),
    pytest.param(
        "Contributions include US$10 million from the United States and ¥500 million from the Government of "
        "Japan for Sudan.",
        [("USA", 10e6, "USD", "SDN"), ("JPN", 500e6, "JPY", "SDN")],
        id="from-the-government-of-a-country",
    ),
    pytest.param(
        "The European Union has announced €2 million for families in Iran who have been homeless since March "
        "19.",
        [("European Union", 2e6, "EUR", "IRN")],
        id="since-dates-a-relative-clause-after-the-sum",
    ),
    pytest.param(
        "Japan has given Iran $20 million, which it has provided since 2020.",
        [],
        id="near-miss-since-in-a-clause-that-gives-runs-a-total",
    ),
    pytest.param(
        "Kuwait sent two field hospitals to Türkiye on Monday.",
        [("KWT", 2, "field hospitals", "TUR")],
        id="field-hospitals-are-counted-goods",
    ),
]

# The second round of issue 12: how a release states the parts of its donor's aid in the
# sentences after the one that names the donor, and what is not the donor or not aid.
PLEDGES_IN_CONTEXT = [
    pytest.param(
        "Qatar Fund for Development signed two agreements with UNICEF on Sunday, worth $5 million in all. "
        "Under the first agreement, worth $3 million, UNICEF will truck water in Somalia. The second, valued "
        "at $2 million, will fund therapeutic food for children under five and for nursing mothers in Kenya.",
        [("QAT", 3e6, "USD", "SOM"), ("QAT", 2e6, "USD", "KEN")],
        id="an-ordinal-opening-the-sentence-stands-for-the-agreement",
    ),
    pytest.param(
        "Norway has set aside NOK 60 million in emergency aid for Somalia and Ethiopia, both hit by drought. "
        "A ministry spokesperson said the money would be split equally, with NOK 30 million going to each "
        "country through the UN pooled funds.",
        [("NOR", 30e6, "NOK", "SOM"), ("NOR", 30e6, "NOK", "ETH")],
        id="an-equal-split-to-each-country-named-in-the-sentence-before",
    ),
    pytest.param(
        "Denmark is giving DKK 40 million to Chad and Niger. It also pledged DKK 10 million for Mali and "
        "Burkina Faso. The pledge will be divided equally, with DKK 5 million going to each country.",
        [("DNK", 40e6, "DKK", None), ("DNK", 5e6, "DKK", "MLI"), ("DNK", 5e6, "DKK", "BFA")],
        id="each-country-is-of-the-last-list-before-not-an-earlier-one",
    ),
    pytest.param(
        "The Emirates Red Crescent (ERC) flew 40 tonnes of food to Pakistan on Monday. The UAE also pledged "
        "$10 million for Pakistan. The ERC said it will also send 3,000 tents to Pakistan.",
        [
            ("Emirates Red Crescent", 40, "tonnes", "PAK"),
            ("ARE", 10e6, "USD", "PAK"),
            ("Emirates Red Crescent", 3000, "tents", "PAK"),
        ],
        id="a-short-form-the-article-defines",
    ),
    pytest.param(
        "Drought grips Somalia. Kuwait has provided Somalia with aid worth more than KD 2 million (about "
        "USD 6.6 million) since 2011.",
        [],
        id="a-running-total-dated-past-its-conversion",
    ),
    pytest.param(
        "Qatar has donated $10 million to help Sudan. The donation will be split between two UN agencies, "
        "with $6 million going to WFP and $4 million to UNICEF.",
        [("QAT", 6e6, "USD", "SDN"), ("QAT", 4e6, "USD", "SDN")],
        id="a-donation-split-between-agencies-in-the-next-sentence",
    ),
    pytest.param(
        "Floods have affected 33 million people in Pakistan. Engro Corporation pledged Rs 100 million for "
        "flood victims in Pakistan. The government, for its part, says it has disbursed Rs70 billion in "
        "cash grants to 2.8 million families.",
        [("Engro Corporation", 100e6, "PKR", "PAK")],
        id="what-the-government-spends-is-no-company-s",
    ),
    pytest.param(
        "Cyclone Pam has left 75,000 people in need of shelter in Vanuatu, and Vanuatu's government has "
        "asked for help.\n\nAssistance announced by other development partners includes:\n\n"
        "• France: €500,000 in emergency aid;\n• Japan: tents and blankets worth ¥20 million.",
        [("FRA", 500000, "EUR", "VUT"), ("JPN", 20e6, "JPY", "VUT")],
        id="a-list-line-of-goods-at-their-worth",
    ),
    pytest.param(
        "Drought has left 10 million people in need in Ethiopia. The Government of Ethiopia has allocated an "
        "additional 2.2 billion birr for relief food. The UK pledged £10 million for Ethiopia.",
        [("GBR", 10e6, "GBP", "ETH")],
        id="the-affected-government-s-own-spending-at-home",
    ),
    pytest.param(
        "Floods have displaced 60,000 people in Malawi. This DREF allocation of CHF 250,000 will help the "
        "Malawi Red Cross assist 5,000 people.",
        [("International Federation of Red Cross and Red Crescent Societies", 250000, "CHF", "MWI")],
        id="a-dref-allocation-is-the-ifrc-s",
    ),
    pytest.param(
        "Canada will donate 20,000 doses of Halden Biotech's vaccine to Uganda, and the European Union is "
        "donating 100,000 doses. Halden Biotech itself has added 10,000 doses.",
        [
            ("CAN", 20000, "doses", "UGA"),
            ("European Union", 100000, "doses", "UGA"),
            ("Halden Biotech", 10000, "doses", "UGA"),
        ],
        id="a-maker-named-in-another-clause-speaks-for-no-giver",
    ),
    pytest.param(
        "Floods in Malawi have displaced 40,000 people. Tanzania pledged $2 million for the relief effort. "
        "Finance Minister Simplex Chithyola said the government had allocated K1.5 billion from its own "
        "resources.",
        [("TZA", 2e6, "USD", "MWI")],
        id="the-affected-government-s-own-spending-in-its-currency",
    ),
    pytest.param(
        "Floods in Malawi have displaced 40,000 people. Tanzania pledged $2 million for the relief effort. "
        "The relief items, worth about K150 million, arrived in Blantyre.",
        [("TZA", 2e6, "USD", "MWI"), ("TZA", 150e6, "MWK", "MWI")],
        id="near-miss-the-giver-s-goods-at-their-worth-in-the-local-currency",
    ),
    pytest.param(
        "Floods have displaced 200,000 people in Malawi.\n\n"
        "The following contributions had been reported as of 2 May:\n\n"
        "Ireland — USD 2.5 million\n"
        "Private donors — USD 1.2 million",
        [("IRL", 2.5e6, "USD", "MWI"), ("Private donors", 1.2e6, "USD", "MWI")],
        id="a-line-of-private-givers-is-theirs",
    ),
    pytest.param(
        "Norway will give $4 million to Sudan. A further $3 million will be split between Chad, which will "
        "receive $2 million through UNHCR, and South Sudan, which will get $1 million through IOM.",
        [("NOR", 4e6, "USD", "SDN"), ("NOR", 2e6, "USD", "TCD"), ("NOR", 1e6, "USD", "SSD")],
        id="a-remainder-split-between-two-receivers",
    ),
    pytest.param(
        "Floods have displaced 200,000 people in Malawi.\n\n"
        "The following contributions had been reported as of 2 May:\n\n"
        "Donor | Amount (US$) | Status\n"
        "Ireland | 2,500,000 | Committed\n"
        "Denmark | 1,800,000 | Paid",
        [("IRL", 2.5e6, "USD", "MWI"), ("DNK", 1.8e6, "USD", "MWI")],
        id="a-table-column-in-the-currency-its-head-states",
    ),
    pytest.param(
        "Qatar Charity sent 40 tonnes of food to Sudan.\n\n"
        "In Oman, the cabinet approved $5 million in humanitarian aid for Sudan.",
        [("Qatar Charity", 40, "tonnes", "SDN"), ("OMN", 5e6, "USD", "SDN")],
        id="the-cabinet-of-the-place-a-sentence-opens-on",
    ),
    pytest.param(
        "South Korea will extend emergency aid of 3.5 million dollars to Laos.\n\n"
        "The aid will be provided as follows: 2 million dollars through WFP for food; 1 million dollars "
        "through UNICEF for water; and 500,000 dollars through the IFRC for shelter.",
        [("KOR", 2e6, "USD", "LAO"), ("KOR", 1e6, "USD", "LAO"), ("KOR", 5e5, "USD", "LAO")],
        id="items-after-semicolons",
    ),
    pytest.param(
        "Doha, 3 March 2021, QNA -- Qatar Charity today signed four agreements worth more than $9 million "
        "with UN agencies for Somalia.\n\n"
        "The largest agreement, worth $4 million, was signed with the World Food Programme. A $3 million "
        "agreement with UNICEF will restore wells, and the remaining agreements were signed with IOM for "
        "$1.5 million and WHO for $0.7 million.",
        [
            ("Qatar Charity", 4e6, "USD", "SOM"),
            ("Qatar Charity", 3e6, "USD", "SOM"),
            ("Qatar Charity", 1.5e6, "USD", "SOM"),
            ("Qatar Charity", 0.7e6, "USD", "SOM"),
        ],
        id="a-giver-s-agreements-their-total-and-parts",
    ),
    pytest.param(
        "Under the first agreement, Qatar Charity will provide $3 million to WFP in Somalia. The second "
        "agreement, worth $2 million, will enable UNICEF to repair wells.",
        [("Qatar Charity", 3e6, "USD", "SOM"), ("Qatar Charity", 2e6, "USD", "SOM")],
        id="an-agreement-worth-a-sum-in-apposition",
    ),
    pytest.param(
        "Cyclone Freddy has displaced 500,000 people in Malawi.\n\n"
        "New contributions as of 2 May:\n"
        "Japan: $5 million\n"
        "Norway: $2 million",
        [("JPN", 5e6, "USD", "MWI"), ("NOR", 2e6, "USD", "MWI")],
        id="may-in-a-date-is-no-hedge",
    ),
    pytest.param(
        "Drought has left 3 million people in Kenya in need of food aid.\n\n"
        "Top donors to the 2025 flash appeal (US$ million, as of 2 May):\n"
        "Japan | 12.5\n"
        "Norway | 4.2\n"
        "Other donors | 9.9\n"
        "Total | 26.6",
        [("JPN", 12.5e6, "USD", "KEN"), ("NOR", 4.2e6, "USD", "KEN")],
        id="a-list-of-bare-numbers-in-the-unit-its-header-states",
    ),
    pytest.param(
        "Floods have displaced 200,000 people in Malawi.\n\n"
        "New contributions reported this week:\n\n"
        "| Donor | Amount (EUR m) | Channel |\n"
        "|---|---|---|\n"
        "| Ireland | 2.5 | UN agencies |\n"
        "| Denmark | 1.8 | NGOs |",
        [("IRL", 2.5e6, "EUR", "MWI"), ("DNK", 1.8e6, "EUR", "MWI")],
        id="a-table-column-in-the-unit-its-head-states",
    ),
    pytest.param(
        "Donors met in London for Yemen.\n\n"
        "Britain pledged £100 million for Yemen.\n\n"
        "Secretary of State Mike Pompeo announced $500 million in new U.S. humanitarian aid.",
        [("GBR", 100e6, "GBP", "YEM"), ("USA", 500e6, "USD", "YEM")],
        id="an-official-announces-his-country-s-aid-by-its-adjective",
    ),
    pytest.param(
        "Tanzania gave 200 tonnes of maize to Malawi.\n\n"
        "Including the CERF allocation, funding reported for the flood response in Malawi now stands at "
        "$30 million.",
        [("TZA", 200, "tonnes", "MWI")],
        id="funding-that-now-stands-at-a-sum-is-a-running-total",
    ),
    pytest.param(
        "Earthquake in Myanmar. Pledges so far:\n\n"
        "Japan: JPY 500 million (approx. US$4.5 million) in emergency assistance for Myanmar.",
        [("JPN", 5e8, "JPY", "MMR")],
        id="an-approximate-conversion-after-approx-is-no-second-sum",
    ),
    pytest.param(
        "India was first to respond to the quake in Myanmar, India said.\n\n"
        "An IAF C-130J brought approx. 15 tonnes of relief material to Yangon.",
        [("IND", 15, "tonnes", "MMR")],
        id="an-aircraft-model-is-no-giver",
    ),
    pytest.param(
        "Floods hit 12 districts in Sri Lanka on Monday.\n\n"
        "A total of 250,000 persons were affected in 12 districts of Sri Lanka.\n\n"
        "The Sri Lankan government has released Rs 50 million for the affected families.\n\n"
        "International assistance:\nJapan | USD 1 million | Pledged",
        [("JPN", 1e6, "USD", "LKA")],
        id="the-affected-country-s-own-spending-is-no-pledge-and-it-is-still-where-aid-goes",
    ),
    pytest.param(
        "Japan decided to extend Emergency Grant Aid of 8.5 million US dollars to Turkey and Syria.\n\n"
        "Of this amount, 5 million US dollars will be provided to Turkey and 3.5 million US dollars to "
        "Syria.",
        [("JPN", 5e6, "USD", "TUR"), ("JPN", 3.5e6, "USD", "SYR")],
        id="a-country-in-a-currency-s-name-gives-nothing",
    ),
    pytest.param(
        "Floods in Malawi.\n\nPledges received so far for Malawi:\nHealth and Nutrition: $2 million\n"
        "Japan: $1 million",
        [("JPN", 1e6, "USD", "MWI")],
        id="a-sector-label-names-no-giver",
    ),
    pytest.param(
        "Pledges announced at the meeting for Yemen:\n"
        "Kuwait and Qatar: US$50 million each\n"
        "Oman: US$10 million",
        [("KWT", 50e6, "USD", "YEM"), ("QAT", 50e6, "USD", "YEM"), ("OMN", 10e6, "USD", "YEM")],
        id="a-label-of-two-givers-each-giving-the-sum",
    ),
    pytest.param(
        "Kuwait today signed two agreements with UN agencies worth a total of $90 million to support "
        "humanitarian programmes in Somalia.\n\n"
        "Under the agreements:\n"
        "- The World Food Programme will receive $50 million for food assistance.\n"
        "- UNICEF will receive $40 million for nutrition.",
        [("KWT", 50e6, "USD", "SOM"), ("KWT", 40e6, "USD", "SOM")],
        id="the-receivers-of-a-total-s-parts-take-from-its-giver",
    ),
    pytest.param(
        "Ireland is providing a further €2 million to Mozambique after the cyclone, the Irish minister "
        "said.\n\n"
        "The government announced an initial €1 million on Sunday.",
        [("IRL", 2e6, "EUR", "MOZ"), ("IRL", 1e6, "EUR", "MOZ")],
        id="the-government-of-the-giver-just-named",
    ),
    pytest.param(
        "Ireland is providing a further €2 million to Mozambique after the cyclone, the Irish minister "
        "said.\n\n"
        "Roads are cut. Schools are shut. Clinics are full.\n\n"
        "The government has released 500 million meticais for relief food.",
        [("IRL", 2e6, "EUR", "MOZ")],
        id="near-miss-the-government-far-from-the-giver",
    ),
    pytest.param(
        "Canada will provide $10 million to Malawi after the floods, the Canadian minister said.\n\n"
        "This builds on the $4 million I announced on 3 March for emergency shelter.",
        [("CAN", 10e6, "CAD", "MWI"), ("CAN", 4e6, "CAD", "MWI")],
        id="the-minister-of-a-release-speaks-as-i",
    ),
    pytest.param(
        "Canada will provide $10 million to Malawi after the floods, the Canadian minister said.\n\n"
        "On 3 March I announced $4 million for emergency shelter.",
        [("CAN", 10e6, "CAD", "MWI"), ("CAN", 4e6, "CAD", "MWI")],
        id="a-date-before-i-is-no-name",
    ),
    pytest.param(
        "Canada is helping Haiti. Today, the Honourable Jane Doe, Minister of International "
        "Development, announced $12 million in humanitarian assistance for Haiti. Canada has long "
        "supported Haiti.",
        [("CAN", 12e6, "CAD", "HTI")],
        id="a-name-whose-apposition-is-an-office-speaks-for-the-home-country",
    ),
    pytest.param(
        "Floods hit Chad in August.\n\nAmong the main announcements:\n• Norway: NOK150m (about $17.6m)\n"
        "• Sahel Cement Company: 200 million CFA francs for families in Chad\n"
        "• Dakar-based businessman Amadou Ba: $50,000 for families in Chad",
        [
            ("NOR", 150e6, "NOK", "TCD"),
            ("Sahel Cement Company", 200e6, "XOF", "TCD"),
            ("Amadou Ba", 5e4, "USD", "TCD"),
        ],
        id="unlisted-givers-labelling-lines-under-a-header-of-announcements",
    ),
    pytest.param(
        "Zimbabwe declared a disaster.\nContributions received:\nCERF: $7 million for Zimbabwe",
        [("Central Emergency Response Fund", 7e6, "USD", "ZWE")],
        id="a-un-fund-counts-in-us-dollars",
    ),
    pytest.param(
        "Japan will extend Emergency Grant Aid of 3 million dollars for people displaced in Mozambique. "
        "The breakdown by organization is as follows:\n(1) WFP: 2 million dollars (Mozambique)\n"
        "(2) UNICEF: 1 million dollars (Malawi)",
        [("JPN", 2e6, "USD", "MOZ"), ("JPN", 1e6, "USD", "MWI")],
        id="numbered-lines-of-a-breakdown-by-channel",
    ),
    pytest.param(
        "The United States announced $100 million in aid for Sudan on Monday. An additional 40 million "
        "euros will be made available for Sudan, the Dutch foreign ministry said. About $12 million will go "
        "to refugees in Chad, according to the Canadian government.",
        [("USA", 100e6, "USD", "SDN"), ("NLD", 40e6, "EUR", "SDN"), ("CAN", 12e6, "CAD", "TCD")],
        id="a-government-cited-after-a-sum-no-subject-gives-is-its-giver",
    ),
    pytest.param(
        "Norway announced NOK 50 million for Malawi. Another $2 million will go to Malawi, the Malawian "
        "government said.",
        [("NOR", 50e6, "NOK", "MWI"), ("NOR", 2e6, "USD", "MWI")],
        id="the-government-of-the-destination-cited-is-no-giver",
    ),
    pytest.param(
        "Norway announced NOK 50 million for the region. Another $2 million will go to camps in Malawi, "
        "Zambia and Zimbabwe, announced on 10 May.",
        [("NOR", 50e6, "NOK", None), ("NOR", 2e6, "USD", None)],
        id="a-list-of-places-before-announced-cites-no-one",
    ),
    pytest.param(
        "Atlas Holding transferred a cheque for 1 billion dirhams to the fund. Nile Telecom said it "
        "would donate 100 million dirhams to the fund.",
        [("Atlas Holding", 1e9, "AED", None), ("Nile Telecom", 100e6, "AED", None)],
        id="a-pronoun-after-its-speaker-is-the-speaker",
    ),
    pytest.param(
        "Kazakhstan sent 300 tonnes of flour to Kyrgyzstan. Kyrgyz migrant workers' associations in Russia "
        "said they had raised more than ten million roubles for the displaced.",
        [
            ("KAZ", 300, "tonnes", "KGZ"),
            ("Kyrgyz migrant workers' associations in Russia", 1e7, "RUB", "KGZ"),
        ],
        id="a-demonym-s-people-speak-not-its-government",
    ),
    pytest.param(
        "Funding received:\nCentral African Republic Humanitarian Fund (CAR HF): $9.5 million allocated in "
        "its second standard allocation.",
        [("Central African Republic Humanitarian Fund", 9.5e6, "USD", None)],
        id="a-list-label-with-a-gloss-in-brackets",
    ),
    pytest.param(
        "The UAE has pledged Dh10 million in relief for Afghanistan. The Dh10 million will be used to buy "
        "food baskets and winter tents.",
        [("ARE", 10e6, "AED", "AFG")],
        id="a-definite-sum-restates-the-pledge",
    ),
    pytest.param(
        "Norway gave $5 million to Sudan:\n- $2 million to WFP\n- $2 million to UNICEF",
        [("NOR", 5e6, "USD", "SDN"), ("NOR", 2e6, "USD", "SDN"), ("NOR", 2e6, "USD", "SDN")],
        id="near-miss-equal-items-of-a-list-are-two",
    ),
    pytest.param(
        "WFP thanks its donors.\n\nNew contributions confirmed in March 2022:\nGermany — EUR 40 million\n"
        "China — RMB 30 million\nSaudi Arabia (KSrelief) — 2,000 MT of dates\nSwitzerland — CHF 1'300'000",
        [
            ("DEU", 40e6, "EUR", None),
            ("CHN", 30e6, "CNY", None),
            ("SAU", 2000, "tonnes", None),
            ("CHE", 1.3e6, "CHF", None),
        ],
        id="a-table-of-contributions-with-dashes",
    ),
    pytest.param(
        "Turkey hosts 3.6 million refugees. Turkey says it needs more help. The EU released 3 billion euros "
        "in aid for people fleeing from Syria.",
        [("European Union", 3e9, "EUR", "TUR")],
        id="a-place-fled-from-is-no-destination",
    ),
    pytest.param(
        "Floods hit Libya. Libya asked for help.\n\nThe IFRC acknowledges the following contributions:\n"
        "Swiss Government — CHF 300'000 (15 September)\nNorwegian Red Cross — NOK 3,000,000 (21 September)",
        [("CHE", 300e3, "CHF", "LBY"), ("Norwegian Red Cross", 3e6, "NOK", "LBY")],
        id="a-table-of-givers-named-with-their-government",
    ),
    pytest.param(
        "Drought grips Kenya. Kenya's government appealed for help. Equity Group Foundation donated 1,000 "
        "tonnes of maize to families in Turkana.",
        [("Equity Group Foundation", 1000, "tonnes", "KEN")],
        id="a-cue-word-inside-a-giver-s-name",
    ),
    pytest.param(
        "The IMF is ready to discuss augmenting Malawi's $88 million Extended Credit Facility to help the "
        "country cope with the floods.",
        [],
        id="near-miss-a-loan-facility-s-name-is-a-loan",
    ),
    pytest.param(
        "The European Commission has announced EUR 20 mln in humanitarian funding for Mali and Niger. "
        "The funding is allocated as follows:\n- Mali: EUR 12 mln\n- Niger: EUR 8 mln",
        [("European Union", 12e6, "EUR", "MLI"), ("European Union", 8e6, "EUR", "NER")],
        id="near-miss-labels-of-an-allocation-are-destinations",
    ),
    pytest.param(
        "Japan pledged $5 million to Sudan. The minister said it would also send 200 tonnes of rice.",
        [("JPN", 5e6, "USD", "SDN"), ("JPN", 200, "tonnes", "SDN")],
        id="near-miss-an-official-speaker-names-no-new-giver",
    ),
    # 1. a named receiver is the channel of the article's current donor
    pytest.param(
        "New Zealand announced $2 million for cyclone relief in Vanuatu. "
        "The Red Cross will receive $500,000 to provide shelter.",
        [("NZL", 2e6, "NZD", "VUT"), ("NZL", 5e5, "NZD", "VUT")],
        id="receiver-organization-donor-from-context",
    ),
    pytest.param(
        "New Zealand announced $2 million for cyclone relief in Vanuatu. "
        "The Pacific Shelter Trust will receive $500,000 to provide tents.",
        [("NZL", 2e6, "NZD", "VUT"), ("NZL", 5e5, "NZD", "VUT")],
        id="receiver-unlisted-name-donor-from-context",
    ),
    pytest.param(
        "The Red Cross will receive $500,000 to provide shelter in Vanuatu.",
        [],
        id="near-miss-receiver-without-a-donor-in-the-article",
    ),
    pytest.param(
        "New Zealand announced $2 million for cyclone relief in Vanuatu. "
        "The Red Cross has received $500,000 so far this year.",
        [("NZL", 2e6, "NZD", "VUT")],
        id="near-miss-receiver-running-total",
    ),
    # 2. a sum as the subject of a verb in the future: a part of the current pledge
    pytest.param(
        "Ireland announced 6 million euros in aid for Yemen. Another 3 million euros will assist the "
        "refugee agency. The remaining 1 million euros will go towards the UN pooled fund.",
        [("IRL", 6e6, "EUR", "YEM"), ("IRL", 3e6, "EUR", "YEM"), ("IRL", 1e6, "EUR", "YEM")],
        id="sums-as-subjects-that-do-not-add-up-keep-the-total",
    ),
    pytest.param(
        "Canada announced $5 million in aid for Haiti. Another $2 million will assist the refugee agency. "
        "A further $2 million will support clinics. The remaining $1 million will go towards the UN "
        "pooled fund.",
        [("CAN", 2e6, "CAD", "HTI"), ("CAN", 2e6, "CAD", "HTI"), ("CAN", 1e6, "CAD", "HTI")],
        id="sums-as-subjects-that-add-up-replace-the-total",
    ),
    pytest.param(
        "Canada announced $5 million in aid for Haiti. Another $300 million is still unfunded.",
        [("CAN", 5e6, "CAD", "HTI")],
        id="near-miss-sum-as-subject-not-in-the-future",
    ),
    pytest.param(
        "Canada announced $5 million in aid for Haiti. Another 2 million people will need food.",
        [("CAN", 5e6, "CAD", "HTI")],
        id="near-miss-subject-counts-people",
    ),
    # 3. a list of allocations after a header that names the donor, with or without bullets
    pytest.param(
        "Denmark's support for Niger includes:\n"
        "$4m to the UN Refugee Agency for food and shelter (announced 26 May).\n"
        "$3m for emergency operations in Niger (announced 2 June).",
        [("DNK", 4e6, "USD", "NER"), ("DNK", 3e6, "USD", "NER")],
        id="list-after-a-header-naming-the-donor",
    ),
    pytest.param(
        "Canada will provide the following to Niger:\n$2 million to UNICEF for nutrition\n"
        "$1 million to WFP for food",
        [("CAN", 2e6, "CAD", "NER"), ("CAN", 1e6, "CAD", "NER")],
        id="list-after-a-header-whose-subject-gives",
    ),
    pytest.param(
        "Japan gave $5 million to Mali.\nAustralia's support for Mali includes:\n"
        "• AU$4m to the UN Refugee Agency for food and shelter.\n• AU$3m for emergency operations in Mali.",
        [("JPN", 5e6, "USD", "MLI"), ("AUS", 4e6, "AUD", "MLI"), ("AUS", 3e6, "AUD", "MLI")],
        id="bullets-after-a-header-naming-another-donor",
    ),
    pytest.param(
        "Mali's needs include:\n$4m for food.\n$3m for shelter.",
        [],
        id="near-miss-header-names-needs-not-a-donor",
    ),
    pytest.param(
        "Denmark's support for Niger includes:\nThe country has 3 million hungry people.\n$3m for shelter.",
        [],
        id="near-miss-item-not-right-after-the-header",
    ),
    # 4. verbs of carrying and rushing
    pytest.param(
        "Norway will rush 200 tonnes of food to Chad.",
        [("NOR", 200, "tonnes", "TCD")],
        id="rush-goods",
    ),
    pytest.param(
        "Indian transport planes carrying more than 150 tons of relief materials took off for Nepal.",
        [("IND", 150, "tonnes", "NPL")],
        id="planes-carrying-relief-demonym-donor",
    ),
    pytest.param(
        "Two Japanese planes flew 40 tonnes of humanitarian supplies to Haiti.",
        [("JPN", 40, "tonnes", "HTI")],
        id="flew-relief",
    ),
    pytest.param(
        "A freighter carrying 30,000 tonnes of Ukrainian grain left Odesa for Egypt.",
        [],
        id="near-miss-freight-carried-is-not-aid",
    ),
    pytest.param(
        "The team is carrying out assessments in 12 districts of Malawi.",
        [],
        id="near-miss-carrying-out",
    ),
    pytest.param(
        "The minister is flying to Geneva with 3 officials to discuss $5 million in relief.",
        [],
        id="near-miss-flying-to-a-meeting",
    ),
    # 5. donors with their sums in parentheses
    pytest.param(
        "Britain gave $3 million to Chad. The pledge follows recent commitments by Sweden ($4m), "
        "Norway (£3 m) and Japan ($2m).",
        [
            ("GBR", 3e6, "USD", "TCD"),
            ("SWE", 4e6, "USD", "TCD"),
            ("NOR", 3e6, "GBP", "TCD"),
            ("JPN", 2e6, "USD", "TCD"),
        ],
        id="donors-with-sums-in-parentheses",
    ),
    pytest.param(
        "Japan gave aid to Sudan ($3m) and Chad ($2m).",
        [("JPN", 3e6, "USD", "SDN"), ("JPN", 2e6, "USD", "TCD")],
        id="near-miss-destinations-with-sums-in-parentheses",
    ),
    pytest.param(
        "Britain gave £3m ($4m) to Chad.",
        [("GBR", 3e6, "GBP", "TCD")],
        id="near-miss-sum-in-parentheses-is-a-conversion",
    ),
    # 6. goods that the money buys are the same pledge
    pytest.param(
        "Norway is providing $220,000 to CARE for 375 tonnes of beans for Somalia.",
        [("NOR", 2.2e5, "USD", "SOM")],
        id="goods-the-money-is-for",
    ),
    pytest.param(
        "Japan is giving $2.5 million for the purchase and shipment of about 7,000 tonnes of wheat "
        "for Sudan.",
        [("JPN", 2.5e6, "USD", "SDN")],
        id="goods-the-money-purchases",
    ),
    pytest.param(
        "Japan is giving $2 million in cash and, in addition, 5,000 tonnes of rice to Sudan.",
        [("JPN", 2e6, "USD", "SDN"), ("JPN", 5000, "tonnes", "SDN")],
        id="near-miss-goods-besides-money",
    ),
    pytest.param(
        "Japan is giving $2 million for Chad and 5,000 tonnes of rice for Niger.",
        [("JPN", 2e6, "USD", "TCD"), ("JPN", 5000, "tonnes", "NER")],
        id="near-miss-goods-for-another-place",
    ),
    # 7. security assistance is military aid
    pytest.param(
        "The United States is providing another $1 billion in security assistance for Ukraine.",
        [],
        id="security-assistance-is-military-aid",
    ),
    pytest.param(
        "The United States is providing $40 million in food security assistance for Malawi.",
        [("USA", 40e6, "USD", "MWI")],
        id="near-miss-food-security-assistance",
    ),
    # 8. what is not the donor: a destination, a neighbour, the people helped
    pytest.param(
        "I am pleased to announce Canada will provide $1 million to UNICEF for the return of Burundian "
        "refugees to Burundi.",
        [("CAN", 1e6, "CAD", "BDI")],
        id="donor-after-a-pronoun-that-announces",
    ),
    pytest.param(
        "The House committee approved 50 mln dlrs in aid for the Philippines and 30 mln dlrs to states "
        "neighbouring South Africa, U.S. officials said. The Philippines and its neighbours welcomed the "
        "move. Aid to states bordering South Africa has grown. The U.S. Congress must still vote.",
        [("USA", 50e6, "USD", "PHL"), ("USA", 30e6, "USD", "ZAF")],
        id="a-neighbour-is-not-the-speaking-country",
    ),
    pytest.param(
        "We urge Japan to provide $5 million to Chad.",
        [],
        id="near-miss-pronoun-urges-a-country",
    ),
    # 9. where the aid goes when the sentence says it in other ways
    pytest.param(
        "Niger asked for help, and Niger's army is flying in food; Niger is worst hit. In Chad, Sweden "
        "is providing $2 million to help families displaced by the floods.",
        [("SWE", 2e6, "USD", "TCD")],
        id="a-sentence-that-opens-on-a-place",
    ),
    pytest.param(
        "In Chad and Niger, Sweden is providing $2 million for flood relief.",
        [("SWE", 2e6, "USD", None)],
        id="opens-on-two-places-goes-to-no-single-one",
    ),
    pytest.param(
        "In a statement on Monday, Sweden said it is providing $2 million to Chad.",
        [("SWE", 2e6, "USD", "TCD")],
        id="near-miss-opens-on-no-place",
    ),
    pytest.param(
        "Somalia is at war, and Somalia is hungry. In Nairobi, Japan pledged $1.2 million.",
        [("JPN", 1.2e6, "USD", "SOM")],
        id="near-miss-opens-on-the-city-where-donors-met",
    ),
    pytest.param(
        "Norway will give $5 million to people in Mali, Niger and Chad.",
        [("NOR", 5e6, "USD", None)],
        id="a-list-of-destinations-is-no-single-one",
    ),
    pytest.param(
        "Norway will give $5 million to South Sudan, officials in Oslo said.",
        [("NOR", 5e6, "USD", "SSD")],
        id="near-miss-a-comma-alone-makes-no-list",
    ),
    pytest.param(
        "Japan will provide $3 million for refugees in neighbouring countries. Sudan's war has driven "
        "them out of Sudan.",
        [("JPN", 3e6, "USD", None)],
        id="countries-in-the-plural-are-no-single-one",
    ),
    pytest.param(
        "Japan will provide $3 million to the United Nations for refugees in Sudan.",
        [("JPN", 3e6, "USD", "SDN")],
        id="near-miss-nations-in-a-name",
    ),
    pytest.param(
        "Cuba asked for help after the storm hit Cuba, and Cuba's east is flooded. Canada will provide "
        "$10 million for Haiti, including $4 million to the World Food Programme.",
        [("CAN", 4e6, "CAD", "HTI")],
        id="a-part-goes-where-its-total-goes",
    ),
    pytest.param(
        "The FAO approved $14 million for Ethiopia. It also approved $1.4 million of food aid for 8,000 "
        "families in Sri Lanka.",
        [
            ("Food and Agriculture Organization", 14e6, "USD", "ETH"),
            ("Food and Agriculture Organization", 1.4e6, "USD", "LKA"),
        ],
        id="a-count-of-people-does-not-end-the-destination",
    ),
    pytest.param(
        "Floods hit Afghanistan. Germany is providing:\n\n- Shelter: 5,000 tents for families in Kabul.\n"
        "- Health care: 200 medical kits.",
        [("DEU", 5000, "tents", "AFG"), ("DEU", 200, "kits", "AFG")],
        id="list-items-under-labels",
    ),
    pytest.param(
        "Floods hit Afghanistan. Germany is providing:\n\n- 5,000 tents for families in Kabul.\n"
        "- Note from the ministry: 200 trucks were counted at the border.",
        [("DEU", 5000, "tents", "AFG")],
        id="near-miss-a-label-before-no-goods",
    ),
    pytest.param(
        "Mali's harvest failed, and Mali asked for food. Japan will give $2 billion in global "
        "humanitarian assistance.",
        [("JPN", 2e9, "USD", None)],
        id="global-assistance-goes-to-no-single-country",
    ),
    pytest.param(
        "Mali's harvest failed, and Mali asked for food. Japan will give $2 million to the Global Fund.",
        [("JPN", 2e6, "USD", "MLI")],
        id="near-miss-global-in-a-name",
    ),
    pytest.param(
        "Russian planes carrying 250 tons of relief materials took off for China's earthquake-hit areas.",
        [("RUS", 250, "tonnes", "CHN")],
        id="a-possessive-place-as-destination",
    ),
    pytest.param(
        "Canada will give $5 million to help people affected by Russia's war in Ukraine.",
        [("CAN", 5e6, "CAD", "UKR")],
        id="near-miss-a-possessive-before-the-place",
    ),
    pytest.param(
        "Chad and Eritrea are in need. Japan's emergency package to Ethiopia (including Eritrea) will "
        "comprise $10 million in food aid.",
        [("JPN", 10e6, "USD", "ETH")],
        id="including-in-brackets-is-no-verb",
    ),
    pytest.param(
        "Floods hit Honduras, and Honduras asked for help. Vice President Harris announced an "
        "additional $310 million in U.S. government support for humanitarian relief.",
        [("USA", 310e6, "USD", "HND")],
        id="an-official-announces-a-government-s-aid",
    ),
    # 10. a budget's level is given to no one
    pytest.param(
        "A cyclone hit Vanuatu, and Vanuatu asked for help. Norway increased its overseas aid funding "
        "by 5 per cent to $4.2 billion.",
        [],
        id="a-budget-level-is-no-pledge",
    ),
    pytest.param(
        "A cyclone hit Vanuatu, and Vanuatu asked for help. Norway's humanitarian programmes increased "
        "by $20 million to $300 million.",
        [],
        id="a-budget-rise-is-no-pledge",
    ),
    pytest.param(
        "A cyclone hit Vanuatu, and Vanuatu asked for help. Norway's aid to Vanuatu will rise to "
        "$40 million.",
        [("NOR", 40e6, "USD", "VUT")],
        id="near-miss-a-level-with-a-destination",
    ),
    pytest.param(
        "A cyclone hit Vanuatu, and Vanuatu asked for help. Norway increased its assistance to the "
        "crisis by $30 million.",
        [("NOR", 30e6, "USD", "VUT")],
        id="near-miss-a-rise-alone",
    ),
    # relief carried by ships and planes (this session's transport patterns)
    pytest.param(
        "Floods hit Ecuador. Colombia's president flew into Quito on Tuesday with 8 tonnes of relief "
        "supplies, including tents and blankets.",
        [("COL", 8, "tonnes", "ECU")],
        id="flew-into-a-city-with-relief-goods",
    ),
    pytest.param(
        "Talks on Yemen open today. The minister flew to Geneva on Monday with 3 officials for the talks.",
        [],
        id="near-miss-flew-somewhere-with-people",
    ),
    pytest.param(
        "Floods hit Ecuador. Peru's foreign minister said two navy ships will leave Callao on Friday "
        "with a further 400 tonnes of food and hygiene kits for Ecuador.",
        [("PER", 400, "tonnes", "ECU")],
        id="ships-will-leave-a-port-with-relief-goods",
    ),
    pytest.param(
        "Egypt buys wheat abroad. The freighter will leave Odessa on Friday with 30,000 tonnes of wheat "
        "for Egyptian mills.",
        [],
        id="near-miss-a-freighter-leaves-with-grain-for-sale",
    ),
    pytest.param(
        "An earthquake hit Nepal. India's first consignment of about 20 tonnes of relief material, "
        "including tents and blankets, landed in Kathmandu on Sunday.",
        [("IND", 20, "tonnes", "NPL")],
        id="goods-listed-in-an-aside-then-landed",
    ),
    pytest.param(
        "An earthquake hit Nepal. About 20 tonnes of wheat, mostly from stocks in the port, were sold "
        "to traders in Kathmandu.",
        [],
        id="near-miss-goods-in-an-aside-then-sold",
    ),
    pytest.param(
        "An earthquake hit Afghanistan. Iran sent 12 tonnes of relief items to Afghanistan on Sunday. "
        "The consignment, consisting of 24 tons of tents, blankets, food packages and medicines, was "
        "sent by road through the Milak border crossing.",
        [("IRN", 12, "tonnes", "AFG"), ("IRN", 24, "tonnes", "AFG")],
        id="the-rest-of-a-goods-list-then-its-verb",
    ),
    pytest.param(
        "A cyclone hit Vanuatu. A New Zealand Air Force C-130 landed in Port Vila on Monday carrying a "
        "40-member medical team from Auckland and 11 tonnes of emergency relief supplies.",
        [("NZL", 11, "tonnes", "VUT")],
        id="relief-goods-the-last-of-what-a-plane-carries",
    ),
    pytest.param(
        "Mozambique imports food. A ship carrying cars and 3,000 tonnes of grain for the mills docked "
        "in Beira.",
        [],
        id="near-miss-grain-the-last-of-a-freight",
    ),
    pytest.param(
        "Floods hit Chad. In addition, 70 tonnes of relief supplies from the EU were flown to N'Djamena "
        "this month.",
        [("European Union", 70, "tonnes", "TCD")],
        id="goods-from-a-giver-flown-in-the-passive",
    ),
    pytest.param(
        "Floods hit Chad. In addition, 90 tonnes of nutrition supplies, medicines and shelter materials "
        "from the EU's emergency response capacity stockpiles were flown to Abeche this month.",
        [("European Union", 90, "tonnes", "TCD")],
        id="a-passive-verb-past-a-long-name-of-where-goods-came-from",
    ),
    pytest.param(
        "Floods hit Libya. Turkey has flown 300 tonnes of food to Benghazi. The vessel, which set sail "
        "from Aksaz, is carrying 640 tonnes of aid materials, including two field hospitals, tents and food.",
        [("TUR", 300, "tonnes", "LBY"), ("TUR", 640, "tonnes", "LBY")],
        id="a-weight-of-goods-is-not-the-total-of-counted-items",
    ),
    pytest.param(
        "Floods hit Libya. Turkey has flown 300 tonnes of food to Benghazi. The vessel is carrying 640 "
        "tonnes of aid, including 400 tonnes of flour and 240 tonnes of rice.",
        [("TUR", 300, "tonnes", "LBY"), ("TUR", 400, "tonnes", "LBY"), ("TUR", 240, "tonnes", "LBY")],
        id="near-miss-a-weight-broken-into-weights",
    ),
    pytest.param(
        "Fighting has displaced thousands in Rwanda. Also, 13 tonnes of Australian-made biscuits are "
        "being provided through CARE Australia for distribution by the ICRC in Rwanda.",
        [("AUS", 13, "tonnes", "RWA")],
        id="who-distributes-the-goods-does-not-give-them",
    ),
    pytest.param(
        "Cyclone Mocha hit Myanmar. Two Indian C-17 aircraft left Hindon for Yangon with a further "
        "30 tonnes of HADR stores.",
        [("IND", 30, "tonnes", "MMR")],
        id="hadr-stores-are-relief",
    ),
    pytest.param(
        "Cyclone Winston hit Fiji. The Coral Bay Group donated $250,000, Harbour Logistics $500,000 "
        "and the Lautoka Rotary Club $100,000.",
        [
            ("Coral Bay Group", 250e3, "FJD", "FJI"),
            ("Harbour Logistics", 500e3, "FJD", "FJI"),
            ("Lautoka Rotary Club", 100e3, "FJD", "FJI"),
        ],
        id="unlisted-givers-of-a-list-that-leaves-out-the-verb",
    ),
    pytest.param(
        "Floods hit Chad. Japan donated $2 million to Chad on Monday and on Tuesday $3 million.",
        [("JPN", 2e6, "USD", "TCD"), ("JPN", 3e6, "USD", "TCD")],
        id="near-miss-a-weekday-before-the-second-sum",
    ),
    pytest.param(
        "Floods hit Ghana. The Church of Pentecost has presented GH¢500,000 in cash and 1,000 bags of "
        "rice to flood victims in Ghana.",
        [("Church of Pentecost", 500e3, "GHS", "GHA"), ("Church of Pentecost", 1000, "bags", "GHA")],
        id="presented-a-sum",
    ),
    pytest.param(
        "Ghana's parliament met on Monday. The minister presented the report to Parliament, with 40 "
        "recommendations.",
        [],
        id="near-miss-presented-a-report",
    ),
    pytest.param(
        "A cyclone hit Vanuatu. China handed over VT55 million to the Government of Vanuatu.",
        [("CHN", 55e6, "VUV", "VUT")],
        id="vatu-sign",
    ),
    pytest.param(
        "A mudslide hit Freetown. Kono Mining Company donated Le500 million to the relief effort in "
        "Sierra Leone.",
        [("Kono Mining Company", 500e6, "SLE", "SLE")],
        id="leone-sign",
    ),
    pytest.param(
        "An earthquake hit Syria. The Fund thanks its donors. Contributions received for Syria:\n"
        "| Donor | Amount |\n| Germany | EUR 20,000,000 |\n| Republic of Korea | USD 1,000,000 |",
        [("DEU", 20e6, "EUR", "SYR"), ("KOR", 1e6, "USD", "SYR")],
        id="rows-of-a-markdown-table-of-donors",
    ),
    pytest.param(
        "Needs are rising in Ethiopia. Needs by country:\n| Country | People in need | Requirement |\n"
        "| Ethiopia | 20.1 million | $3.99 billion |",
        [],
        id="near-miss-a-row-of-a-wider-markdown-table",
    ),
    pytest.param(
        "A volcano erupted in Tonga. New Zealand has committed $NZ1 million to Tonga.",
        [("NZL", 1e6, "NZD", "TON")],
        id="new-zealand-dollar-sign-after-the-dollar",
    ),
    pytest.param(
        "Drought hit Madagascar. The World Food Programme (WFP) welcomes a contribution of 300 million "
        "Japanese yen (US$2.6 million) from the Government of Japan for Madagascar.",
        [("JPN", 300e6, "JPY", "MDG")],
        id="a-contribution-from-the-government-of-a-country",
    ),
    pytest.param(
        "Fighting displaced thousands in Chad. The United States has contributed an additional US$20 "
        "million to our operations in Chad, the European Union's humanitarian aid department (ECHO) "
        "€10 million, and Germany €6 million.",
        [("USA", 20e6, "USD", "TCD"), ("European Union", 10e6, "EUR", "TCD"), ("DEU", 6e6, "EUR", "TCD")],
        id="a-description-glossed-by-a-known-name-in-a-list-without-verbs",
    ),
    pytest.param(
        "Floods hit Pakistan. Japan will give $500,000 each through WFP and UNICEF to Pakistan.",
        [("JPN", 5e5, "USD", "PAK"), ("JPN", 5e5, "USD", "PAK")],
        id="a-sum-each-through-two-agencies",
    ),
    pytest.param(
        "Floods hit Nigeria. The Dangote Foundation has earmarked N1.5 billion for flood relief. Kogi, "
        "Bayelsa and Anambra states are to receive N500 million each in food and non-food items.",
        [("Aliko Dangote Foundation", 5e8, "NGN", "NGA")] * 3,
        id="places-that-each-receive-a-sum",
    ),
    pytest.param(
        "An earthquake hit Turkey and Syria. The United Arab Emirates has committed $100m to the "
        "relief effort, with $50m each for Turkey and Syria.",
        [("ARE", 50e6, "USD", "TUR"), ("ARE", 50e6, "USD", "SYR")],
        id="a-total-before-its-shares-in-one-sentence",
    ),
    pytest.param(
        "A typhoon hit Vietnam. South Korea said it would give $2 million to Vietnam and $1 million "
        "each to Myanmar and Laos.",
        [("KOR", 2e6, "USD", "VNM"), ("KOR", 1e6, "USD", "MMR"), ("KOR", 1e6, "USD", "LAO")],
        id="near-miss-a-sum-that-happens-to-equal-the-shares-after-it",
    ),
    # known misses
    pytest.param(
        "Japanese aircraft flew in 30 tonnes of medical supplies for Nepal.",
        [("JPN", 30, "tonnes", "NPL")],
        id="flew-in-medical-supplies",
    ),
    pytest.param(
        "Drought hit the Horn. Contributions received to date include US$10 million released in "
        "January by the UN Central Emergency Response Fund for Somalia.",
        [("Central Emergency Response Fund", 10e6, "USD", "SOM")],
        id="parts-of-contributions-to-date-released-in-a-month-by",
    ),
    pytest.param(
        "Ireland has set aside AUD$10 million for Ethiopia.",
        [("IRL", 10e6, "AUD", "ETH")],
        id="currency-code-before-a-sign",
    ),
    pytest.param(
        "Migrants arrive in Colombia. The European Union announced on Friday €20 million in new aid for "
        "Colombia. Of the total, €8 million will go to humanitarian assistance in border departments, "
        "and €12 million to programmes supporting the integration of migrants.",
        [("European Union", 8e6, "EUR", "COL"), ("European Union", 12e6, "EUR", "COL")],
        id="the-second-part-of-a-total-leaves-out-its-verb",
    ),
    pytest.param(
        "Drought hit Madagascar. Japan gave 300 million yen to WFP for Madagascar. The contribution will "
        "allow WFP to distribute some 3,000 tonnes of rice in the south.",
        [("JPN", 300e6, "JPY", "MDG")],
        id="goods-the-contribution-lets-an-agency-hand-out",
    ),
    pytest.param(
        "Cyclones hit Mozambique. The European Union pledged 100 million euros for Mozambique, and the "
        "African Development Bank announced a package of 100 million dollars in grants.",
        [("European Union", 1e8, "EUR", "MOZ"), ("African Development Bank", 1e8, "USD", "MOZ")],
        id="after-comma-and-a-name-right-before-its-verb-opens-a-clause",
    ),
    pytest.param(
        "Drought hit Niger. The Government of Japan and the World Food Programme (WFP) on Wednesday "
        "signed an exchange of letters for a grant of 200 million yen for Niger.",
        [("JPN", 2e8, "JPY", "NER")],
        id="a-government-and-an-agency-sign-for-a-grant",
    ),
    pytest.param(
        "A mudslide hit Freetown. The donations received were:\n\n- ECOWAS Commission: US$500,000\n"
        "- Kono Diamond Mines Limited: Le400 million\n",
        [("ECOWAS Commission", 5e5, "USD", None), ("Kono Diamond Mines Limited", 4e8, "SLE", None)],
        id="a-list-line-whose-sum-opens-with-a-currency-s-letters",
    ),
    pytest.param(
        "A cyclone hit Malawi. Lilongwe Mobile has donated K150 million to the disaster department in "
        "Malawi.\n\nDonations so far:\n\nGiver | Amount\nLilongwe Mobile | K150 million\n",
        [("Lilongwe Mobile", 150e6, "MWK", "MWI")],
        id="a-table-row-that-sums-up-a-pledge-told-before",
    ),
    pytest.param(
        "An earthquake hit Turkey and Syria. Kuwait has pledged $60 million, split equally between "
        "Syria and Turkey.",
        [("KWT", 30e6, "USD", "SYR"), ("KWT", 30e6, "USD", "TUR")],
        id="a-sum-split-equally-between-two-places",
    ),
    pytest.param(
        "A storm hit Cuba. Venezuela's foreign minister said two ships loaded with 80 tonnes of food "
        "and hygiene kits had set sail from La Guaira.",
        [("VEN", 80, "tonnes", None)],
        id="ships-loaded-with-relief-goods",
    ),
    pytest.param(
        "Egypt imports grain. A ship loaded with 60,000 tonnes of wheat docked in Alexandria.",
        [],
        id="near-miss-a-ship-loaded-with-grain-for-sale",
    ),
    pytest.param(
        "An earthquake hit Nepal. India, Nepal's largest neighbour, has pledged $25 million in "
        "emergency aid.",
        [("IND", 25e6, "USD", "NPL")],
        id="an-apposition-owned-by-the-place-aid-goes-to",
    ),
    pytest.param(
        "A typhoon hit the Philippines. Japan is providing $4 million. It includes $2 million to the "
        "Philippine Red Cross for shelter, $1 million to the World Food Programme to provide food, and "
        "$1 million to UNICEF for water.",
        [("JPN", 2e6, "USD", "PHL"), ("JPN", 1e6, "USD", "PHL"), ("JPN", 1e6, "USD", "PHL")],
        id="the-purpose-of-an-item-is-not-the-verb-of-the-next",
    ),
    pytest.param(
        "The Euro-Atlantic Disaster Response Coordination Centre signed two agreements for Ukraine.\n\n"
        "Under the agreements, the Centre will provide:\n- $4 million to the World Food Programme (WFP) "
        "for food in Kharkiv;\n- $2 million to UNICEF to treat children;\n",
        [
            ("Euro-Atlantic Disaster Response Coordination Centre", 4e6, "USD", "UKR"),
            ("Euro-Atlantic Disaster Response Coordination Centre", 2e6, "USD", "UKR"),
        ],
        id="a-list-header-whose-giver-is-named-by-the-last-word-of-its-name",
    ),
    pytest.param(
        "Covid hit Zambia. Zambia has received a second batch of 100 000 doses of the Sinopharm vaccine "
        "donated by the Chinese Government.",
        [("CHN", 1e5, "doses", "ZMB")],
        id="goods-donated-by-a-government-named-by-its-people",
    ),
    pytest.param(
        "Floods hit Chad. Canada will also deploy relief items from its stockpile, including 2,000 "
        "shelter kits, which will be distributed by the Canadian Red Cross.",
        [("CAN", 2000, "kits", None)],
        id="near-miss-goods-distributed-by-a-society",
    ),
    pytest.param(
        "An earthquake hit Myanmar. Pledges so far:\n\n| Donor | Amount | Purpose |\n| China | 1 billion "
        "yuan | emergency aid including tents and food |\n| United States | $9 million | through "
        "partners |\n",
        [("CHN", 1e9, "CNY", None), ("USA", 9e6, "USD", None)],
        id="rows-of-a-wider-table-whose-later-cells-say-what-the-sum-is-for",
    ),
    pytest.param(
        "Floods hit Brazil. Mining company Vale said it would donate 30 million reais for emergency "
        "relief in Brazil.",
        [("Vale", 30e6, "BRL", "BRA")],
        id="a-one-word-company-a-company-noun-describes",
    ),
    pytest.param(
        "Floods hit Sri Lanka. Telecommunications operator Lanka Link pledged Rs. 25 million to the "
        "Prime Minister's Disaster Relief Fund.",
        [("Lanka Link", 25e6, "LKR", None)],
        id="rupees-written-rs-with-a-full-stop",
    ),
    pytest.param(
        "Fighting hit Marawi. The Chinese ambassador on Tuesday turned over a P15-million check to the "
        "social welfare secretary for the evacuees in the Philippines.",
        [("CHN", 15e6, "PHP", "PHL")],
        id="a-scale-joined-by-a-hyphen",
    ),
    pytest.param(
        "Floods hit Sri Lanka. Aid arrived, with China handing over US$ 2.2 million in cash to Sri Lanka.",
        [("CHN", 2.2e6, "USD", "LKA")],
        id="the-particle-of-handing-over-is-no-qualifier",
    ),
    pytest.param(
        "Floods hit Bangladesh. Dhaka Steel Group handed over a cheque of Tk 5 crore to the relief fund "
        "for Bangladesh.",
        [("Dhaka Steel Group", 5e7, "BDT", "BGD")],
        id="a-cheque-of-taka-in-crore",
    ),
    pytest.param(
        "Floods hit Sri Lanka. India sent 9,000 tonnes of rice to Sri Lanka. The consignment, valued at "
        "over Rs. 3.4 billion, was handed over to the Government of Sri Lanka by the Indian High "
        "Commissioner.",
        [("IND", 9000, "tonnes", "LKA")],
        id="the-worth-of-goods-told-before-is-no-second-pledge",
    ),
    pytest.param(
        "Floods hit Bangladesh. Padma Textile Group on Sunday handed over a cheque of Tk 2 crore to the "
        "relief fund for Bangladesh.",
        [("Padma Textile Group", 2e7, "BDT", "BGD")],
        id="an-unlisted-body-before-a-time-phrase-and-its-verb",
    ),
    pytest.param(
        "War in Yemen. Kuwait and Qatar, whose envoys have mediated in the conflict since 2016, each "
        "pledged $250 million for Yemen.",
        [("KWT", 250e6, "USD", "YEM"), ("QAT", 250e6, "USD", "YEM")],
        id="a-period-inside-a-whose-clause-dates-that-clause",
    ),
    pytest.param(
        "Floods hit Pakistan. Separately, the IMF board approved the release of $1.2 billion to Pakistan "
        "under its Extended Fund Facility.",
        [],
        id="an-imf-disbursement-is-no-aid",
    ),
    pytest.param(
        "Floods hit Bangladesh. Expatriate Bangladeshis sent $2.1 billion in remittances in August.",
        [],
        id="remittances-are-no-aid",
    ),
    pytest.param(
        "Fighting hit Marawi. Beijing would also donate firearms and ammunition worth P300 million to the "
        "army of the Philippines.",
        [],
        id="firearms-are-no-aid",
    ),
    pytest.param(
        "A volcano erupted in Tonga. In 2020-21 New Zealand provided an estimated $30 million in "
        "official development assistance to Tonga.",
        [],
        id="a-year-s-account-opened-by-the-year-without-a-comma",
    ),
    pytest.param(
        "An earthquake hit Nepal. China will provide 3 billion yuan for Nepal, Foreign Minister Wang Yi "
        "said.\n\nMajor pledges\n- India: $1 billion\n- Japan: $260 million\n",
        [("CHN", 3e9, "CNY", "NPL"), ("IND", 1e9, "USD", "NPL"), ("JPN", 260e6, "USD", "NPL")],
        id="a-heading-naming-pledges-opens-a-list-of-givers",
    ),
    pytest.param(
        "An earthquake hit Nepal. Nepal's development partners on Thursday pledged $4.4 billion for the "
        "reconstruction of Nepal.",
        [("various", 4.4e9, "USD", "NPL")],
        id="a-country-s-development-partners-are-various-givers",
    ),
    pytest.param(
        "Drought hit Ethiopia. The Commissioner called on development partners and NGOs to mobilize 11 "
        "billion birr for Ethiopia.",
        [],
        id="near-miss-partners-called-on-to-give",
    ),
    pytest.param(
        "Ebola spread in Guinea. The Oslo-based Fjordlys Foundation announced a $2 million grant to WHO "
        "for vaccination teams in Guinea.",
        [("Fjordlys Foundation", 2e6, "USD", "GIN")],
        id="a-place-based-unlisted-foundation-gives-not-its-country",
    ),
    pytest.param(
        "Fires hit Australia. US singer Kaylee Rhodes donated US$500,000 to the fire service after her "
        "Sydney shows were postponed.",
        [("Kaylee Rhodes", 5e5, "USD", None)],
        id="a-singer-a-people-describes-gives-not-her-country",
    ),
    pytest.param(
        "A pandemic spread. LONDON, 10 June 2021 - The Holborn Foundation today announced a commitment "
        "of $40 million to the vaccine alliance.",
        [("Holborn Foundation", 40e6, "USD", None)],
        id="an-unlisted-body-after-a-dateline-announces-a-noun-of-giving",
    ),
    pytest.param(
        "War in the Sahel. Separately, the EU has committed €80 million through the African Peace "
        "Facility to support the joint force in the Sahel.",
        [],
        id="a-peace-facility-is-no-aid",
    ),
]

STATUSES = [
    pytest.param(
        "Tonga was hit by a tsunami. The Royal New Zealand Navy's HMNZS Aotearoa berthed at Nuku'alofa "
        "yesterday with 40 tonnes of relief supplies, including tents.",
        ["delivered"],
        id="a-ship-berthed-with-relief-delivers",
    ),
    pytest.param(
        "Canada announced $5 million in aid for Haiti. A further $50,000 will be provided to UNICEF.",
        ["pledged", "pledged"],
        id="will-be-provided-is-pledged",
    ),
    pytest.param("Norway will send 200 tonnes of maize to Chad.", ["pledged"], id="will-send-is-pledged"),
    pytest.param(
        "Canada announced $5 million in aid for Haiti. The first $50,000 has been provided to UNICEF.",
        ["pledged", "delivered"],
        id="near-miss-has-been-provided-is-delivered",
    ),
    pytest.param(
        "Russian planes carrying 250 tons of relief materials took off for Nepal.",
        ["delivered"],
        id="carrying-is-delivered",
    ),
]

APPEALS = [
    pytest.param(
        "The amount represents roughly 70 per cent of the $4.3 billion sought under the 2019 Sudan "
        "Humanitarian Response Plan.",
        [(4.3e9, "USD", "SDN")],
        id="the-sum-sought-under-a-plan",
    ),
    pytest.param(
        "As of 30 June, donors had provided $350 million against the revised requirement for Yemen.",
        [],
        id="money-provided-against-a-requirement",
    ),
    pytest.param(
        "The UN launched a flash appeal for $60 million for Malawi, and its relief chief said $8 million had "
        "been released from the emergency fund.",
        [(60e6, "USD", "MWI")],
        id="money-released-in-the-clause-after-an-appeal",
    ),
    pytest.param(
        "The UN has launched a $95 million plan to meet the needs of people in the flood-hit areas of Libya.",
        [(95e6, "USD", "LBY")],
        id="a-plan-to-meet-the-needs-of-people",
    ),
    pytest.param(
        "The government unveiled a $40 million plan to rebuild roads and bridges in Libya.",
        [],
        id="near-miss-a-plan-to-rebuild-roads",
    ),
    pytest.param(
        "The UN is seeking $500 million for the Sahel: $300 million for Mali, $100 million for Niger and "
        "$100 million for Chad.",
        [(3e8, "USD", "MLI"), (1e8, "USD", "NER"), (1e8, "USD", "TCD")],
        id="equal-sums-for-two-countries-are-two-appeals",
    ),
    pytest.param(
        "WFP requires US$120 million to sustain its operations in Malawi, of which US$40 million is needed "
        "urgently.",
        [(1.2e8, "USD", "MWI"), (4e7, "USD", "MWI")],
        id="one-part-breaks-no-appeal-down",
    ),
    pytest.param(
        "The UN launched a $45.3-million Humanitarian Needs and Priorities plan for Fiji.",
        [(45.3e6, "USD", "FJI")],
        id="a-plan-with-a-long-name",
    ),
    pytest.param(
        "The UN appealed for $900 million: $600 million through a Flash Appeal for Sudan and $300 million "
        "through the Regional Refugee Response Plan, led by UNHCR, for Chad and Egypt.",
        [(6e8, "USD", "SDN"), (3e8, "USD", None)],
        id="a-plan-named-in-capitals-asks",
    ),
    pytest.param(
        "Drought in the Sahel.\n\nCountry | People in need | Requirements (US$)\n"
        "Chad | 1,000,000 | 300 million\nNiger | 800,000 | 250 million",
        [(300e6, "USD", "TCD"), (250e6, "USD", "NER")],
        id="a-table-column-that-asks-for-money-by-country",
    ),
    pytest.param(
        "Drought in the Sahel.\n\nIndicator | Chad | Niger\n"
        "Response plan requirements (US$) | 300 million | 250 million",
        [(300e6, "USD", "TCD"), (250e6, "USD", "NER")],
        id="a-table-row-that-asks-for-money-under-country-columns",
    ),
    pytest.param(
        "Drought in the Sahel.\n\nCountry | People in need | Schools closed\nChad | 1,000,000 | 3,000",
        [],
        id="near-miss-a-table-that-asks-for-nothing",
    ),
    pytest.param(
        "Cholera spread in Malawi. UNICEF requires US$ 18 million to respond to the outbreak in Malawi, of "
        "which US$ 2.5 million has been received.",
        [(18e6, "USD", "MWI")],
        id="the-funding-received-of-an-appeal-is-no-appeal",
    ),
    pytest.param(
        "Floods hit Mozambique. In Doha, Qatar Charity launched a campaign to raise QR4 million for "
        "families in Mozambique.",
        [(4e6, "QAR", "MOZ")],
        id="a-campaign-to-raise-a-sum",
    ),
    pytest.param(
        "War in Yemen. Donors pledged $2 billion for Yemen, about two-thirds of the $2.9 billion the UN "
        "is seeking this year.",
        [(2.9e9, "USD", "YEM")],
        id="the-sum-the-un-is-seeking",
    ),
    pytest.param(
        "Drought in Kenya. Guterres said the sum went well beyond the $600 million the United Nations had "
        "sought in an urgent appeal for Kenya.",
        [(6e8, "USD", "KEN")],
        id="the-sum-the-un-had-sought",
    ),
    pytest.param(
        "A quake hit Haiti. The foundation has pledged J$5 million to the Jamaica Red Cross, which is "
        "seeking to raise J$50 million for its Haiti appeal.",
        [(5e7, "JMD", "HTI")],
        id="near-miss-a-sum-given-to-a-society-that-seeks-another",
    ),
    pytest.param(
        "Crisis in Venezuela. The UN refugee agency on Friday launched a $650 million plan to support "
        "Venezuelan refugees in 17 countries.",
        [(6.5e8, "USD", "VEN")],
        id="a-plan-for-people-in-need",
    ),
    pytest.param(
        "Floods hit Kenya. The government unveiled a $40 million plan to rebuild roads in Kenya.",
        [],
        id="near-miss-a-plan-for-roads",
    ),
    pytest.param(
        "Drought hit Somalia. The UN has asked donors for $700m to prevent famine in Somalia.",
        [(7e8, "USD", "SOM")],
        id="asked-donors-for-a-sum",
    ),
    pytest.param(
        "A storm hit Haiti. The Jamaica Red Cross is seeking to raise J$40 million for its Haiti appeal.",
        [(4e7, "JMD", "HTI")],
        id="seeking-to-raise-a-sum",
    ),
    pytest.param(
        "Drought hit Kenya. Oxfam is working in Kenya. It is appealing to the public for £8 million.",
        [(8e6, "GBP", "KEN")],
        id="appealing-to-the-public-for-a-sum",
    ),
    pytest.param(
        "The UN appealed on Monday for $900 million — $600 million for people inside Sudan and $300 "
        "million for refugees in Chad.",
        [(6e8, "USD", "SDN"), (3e8, "USD", "TCD")],
        id="an-appeal-broken-into-parts-after-a-dash",
    ),
    pytest.param(
        "Donors pledged $120 million for refugees in Rwanda, short of the $300 million that UNHCR had "
        "sought.",
        [(3e8, "USD", "RWA")],
        id="the-sum-a-relative-clause-asks-for",
    ),
    pytest.param(
        "The Uganda Red Cross Society launched a USh37 billion ($10 million) appeal for flood relief in "
        "Uganda.",
        [(37e9, "UGX", "UGA")],
        id="an-appeal-noun-after-a-converted-sum",
    ),
    pytest.param(
        "It will take $2.3 billion to avert disaster in Somalia, the UN said.",
        [(2.3e9, "USD", "SOM")],
        id="it-will-take",
    ),
    pytest.param(
        "UNHCR said it faced a funding gap of $80 million for its operations in Chad.",
        [(80e6, "USD", "TCD")],
        id="a-funding-gap",
    ),
    pytest.param(
        "Appeals for Ethiopia, Somalia and Kenya together seek $3 billion, including $1.5 billion for "
        "Ethiopia, $1 billion for Somalia and $500 million for Kenya.",
        [(1.5e9, "USD", "ETH"), (1e9, "USD", "SOM"), (500e6, "USD", "KEN")],
        id="an-appeal-broken-into-parts",
    ),
    pytest.param(
        "The UN is seeking $2 billion for Ethiopia, including for three million displaced people.",
        [(2e9, "USD", "ETH")],
        id="near-miss-an-appeal-whose-including-names-no-sum",
    ),
    pytest.param(
        "The 2024 plan for Haiti requests $674 million.",
        [(674e6, "USD", "HTI")],
        id="a-plan-requests",
    ),
    pytest.param(
        "OCHA is seeking $3 billion this year: $2 billion for Sudan and $1 billion for Chad.",
        [(2e9, "USD", "SDN"), (1e9, "USD", "TCD")],
        id="an-appeal-broken-into-parts-after-a-colon",
    ),
    pytest.param(
        "The Kenya Red Cross appealed for KSh 1.2 billion for drought relief.",
        [(1.2e9, "KES", "KEN")],
        id="shillings-by-their-sign",
    ),
    pytest.param(
        "Just 20 per cent of its $1.5bn humanitarian appeal for Yemen has been met, OCHA said.",
        [(1.5e9, "USD", "YEM")],
        id="share-of-an-appeal-met",
    ),
    pytest.param(
        "About $40m is needed in the coming months for Haiti, UNICEF said.",
        [(40e6, "USD", "HTI")],
        id="amount-is-needed",
    ),
    pytest.param(
        "Some $600 million is needed to feed refugees in Chad, according to WFP.",
        [(600e6, "USD", "TCD")],
        id="amount-is-needed-according-to",
    ),
    pytest.param(
        "WFP's $2.1bn appeal for Sudan is only 10 per cent funded.",
        [(2.1e9, "USD", "SDN")],
        id="appeal-noun-after-its-amount",
    ),
    pytest.param(
        "Japan contributed $5 million to the UN's $300 million flash appeal for Nepal.",
        [(300e6, "USD", "NPL")],
        id="appeal-noun-beside-a-pledge-to-it",
    ),
    pytest.param(
        "An estimated $800 million would be needed if the rains fail in Kenya, WFP said.",
        [],
        id="near-miss-hypothetical-need",
    ),
    pytest.param(
        "Rebuilding will cost $3 billion in Haiti, the World Bank said.",
        [],
        id="near-miss-a-cost-is-not-an-appeal",
    ),
    pytest.param(
        "The UN called for $49 billion for its humanitarian programs this year, down from $56 billion "
        "last year.",
        [(49e9, "USD", None)],
        id="last-year-s-figure-is-no-appeal",
    ),
    pytest.param(
        "The Sudan Humanitarian Response Plan, which requires $2.7 billion, is only 5% funded.",
        [(2.7e9, "USD", "SDN")],
        id="a-plan-that-requires-a-sum",
    ),
    pytest.param(
        "Donors pledged $2.4 billion for Yemen, far short of the $4.3 billion the United Nations says "
        "it needs.",
        [(4.3e9, "USD", "YEM")],
        id="the-sum-an-organization-says-it-needs",
    ),
    pytest.param(
        "Donors pledged $2.4 billion for Yemen, far short of the $4.3 billion the United Nations pledged.",
        [],
        id="near-miss-the-sum-an-organization-pledged",
    ),
    pytest.param(
        "The UN said only $500 million of the $2.6 billion requested for Sudan had been received.",
        [(2.6e9, "USD", "SDN")],
        id="the-sum-requested",
    ),
    pytest.param(
        "Of the $3 billion needed for Yemen, donors gave $1 billion.",
        [(3e9, "USD", "YEM")],
        id="near-miss-the-sum-needed-and-the-sum-given",
    ),
    pytest.param(
        "Britain matched public donations to the appeal pound for pound, up to £5 million.",
        [],
        id="money-given-to-a-public-appeal-is-no-appeal",
    ),
    pytest.param(
        "Donors responded to the UN appeal for $2 billion for Yemen.",
        [(2e9, "USD", "YEM")],
        id="near-miss-the-appeal-for-a-sum",
    ),
    pytest.param(
        "Donors gave generously to the $2 billion appeal for Yemen.",
        [(2e9, "USD", "YEM")],
        id="near-miss-the-sum-s-appeal",
    ),
]


@pytest.mark.parametrize(("text", "expected"), RISKS)
def test_risk_figures_as_recent_reports_state_them(text: str, expected: list[tuple]) -> None:
    assert _risks(text) == expected


@pytest.mark.parametrize(("text", "expected"), PLEDGES)
def test_pledges_as_recent_news_states_them(text: str, expected: list[tuple]) -> None:
    assert _pledges(text) == expected


@pytest.mark.parametrize(("text", "expected"), PLEDGES_IN_CONTEXT)
def test_pledges_read_with_the_sentences_around_them(text: str, expected: list[tuple]) -> None:
    assert _pledges(text) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        pytest.param("Japan's funding to strengthen global food security", [None], id="a-global-title"),
        pytest.param("Japan's funding for Mali", ["MLI"], id="near-miss-a-title-naming-the-country"),
    ],
)
def test_a_global_title_lets_no_country_stand_in(title: str, expected: list) -> None:
    text = "Mali's harvest failed, and Mali asked for food. Japan will give $220 million for school feeding."
    assert [
        f.recipient_iso3 for f in extract(text, title=title, strict=True) if isinstance(f, Pledge)
    ] == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        pytest.param(
            "Canada announces humanitarian assistance for Sudan", [("CAN", "CAD")], id="the-title-s-subject"
        ),
        pytest.param("Humanitarian assistance for Sudan", [], id="near-miss-a-title-with-no-giver"),
    ],
)
def test_an_office_speaks_for_the_country_that_opens_the_title(title: str, expected: list) -> None:
    text = (
        "Today, the Minister of International Development announced $30 million in humanitarian aid for Chad."
    )
    got = [(f.donor_iso3, f.unit) for f in extract(text, title=title, strict=True) if isinstance(f, Pledge)]
    assert got == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        pytest.param(
            "Malawi floods: Ireland doubles aid as UN launches appeal",
            [("IRL", 4e6, "EUR", "MWI"), ("IRL", 2e6, "EUR", "MWI")],
            id="the-place-of-the-crisis-and-the-voice-after-it",
        ),
        pytest.param(
            "Malawi floods: Irish government doubles aid as UN launches appeal",
            [("IRL", 4e6, "EUR", "MWI"), ("IRL", 2e6, "EUR", "MWI")],
            id="the-voice-as-a-people",
        ),
        pytest.param(
            "Malawi conference in Lilongwe: Ireland doubles aid",
            [("IRL", 4e6, "EUR", "MWI"), ("IRL", 2e6, "EUR", "MWI")],
            id="the-place-a-conference-is-for",
        ),
    ],
)
def test_a_title_names_the_crisis_before_the_voice(title: str, expected: list) -> None:
    text = (
        "An extra €4 million for shelter and clean water was announced on Wednesday by the Minister of "
        "State for Overseas Development, bringing the total to €6 million.\n\n"
        "The government had committed €2 million on Saturday, hours after the river burst its banks.\n\n"
        "The floods have displaced 200,000 people in Malawi, and Ireland's embassy in Lilongwe is helping."
    )
    assert _pledges(text, title) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        pytest.param(
            "Minister on India's quake aid to Myanmar",
            [("IND", 15, "tonnes", "MMR"), ("IND", 50e6, "INR", "MMR")],
            id="an-owner-in-the-title-is-a-voice",
        ),
        pytest.param(
            "India's quake aid",
            [("IND", 15, "tonnes", "MMR"), ("IND", 50e6, "INR", "MMR")],
            id="near-miss-a-title-with-no-destination",
        ),
    ],
)
def test_the_title_s_destination_is_the_article_s(title: str, expected: list) -> None:
    text = (
        "India was among the first countries to respond to the earthquake in Myanmar. Our first Air Force "
        "aircraft landed in Yangon on Saturday with about 15 tonnes of relief material. The Cabinet has "
        "approved Rs 5 crore for immediate relief in Myanmar, the minister said. India is ready to do more."
    )
    assert _pledges(text, title) == expected


@pytest.mark.parametrize(
    "title",
    [
        pytest.param(
            "Cyclone aid: Japan gives $1 mn, Indian ship arrives", id="a-people-named-last-in-the-title"
        ),
        pytest.param("Cyclone aid: Japan gives $1 mn", id="near-miss-no-people-in-the-title"),
    ],
)
def test_a_people_in_the_title_is_a_voice_not_the_destination(title: str) -> None:
    text = (
        "Japan handed over US$1 million in emergency cash aid on Monday, its embassy said.\n\n"
        "The Indian Navy ship INS Sujata docked at the port of Beira on Sunday, and a second ship reached "
        "Beira on Tuesday.\n\nThe floods have displaced 100,000 people around Beira."
    )
    got = [
        (f.donor_iso3, f.amount, f.recipient_iso3)
        for f in extract(text, title=title, strict=True)
        if isinstance(f, Pledge)
    ]
    assert got == [("JPN", 1e6, "MOZ")]


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        pytest.param(
            "Donors pledge $3 billion to rebuild flood-hit Pakistan",
            [("Asian Development Bank", 500e6, "USD", "PAK")],
            id="loans-under-a-title-of-donors-pledging",
        ),
        pytest.param(
            "Donors rush aid to flood-hit Pakistan", [], id="near-miss-a-title-of-donors-sending-aid"
        ),
    ],
)
def test_loans_count_where_the_title_tells_of_a_pledging_conference(title: str, expected: list) -> None:
    text = (
        "The Asian Development Bank said it would provide up to $500 million in loans for rebuilding homes "
        "in Pakistan."
    )
    assert _pledges(text, title) == expected


@pytest.mark.parametrize(("text", "expected"), STATUSES)
def test_status_of_pledges_as_recent_news_states_them(text: str, expected: list[str]) -> None:
    assert [f.status for f in extract(text, strict=True) if isinstance(f, Pledge)] == expected


def test_a_named_receiver_is_the_channel() -> None:
    text = (
        "New Zealand announced $2 million for cyclone relief in Vanuatu. "
        "UNICEF will receive $500,000 to provide clean water."
    )
    assert [f.channel for f in extract(text, strict=True) if isinstance(f, Pledge)] == [None, "UNICEF"]


@pytest.mark.parametrize(("text", "expected"), APPEALS)
def test_appeals_as_recent_news_states_them(text: str, expected: list[tuple]) -> None:
    assert _appeals(text) == expected


@pytest.mark.parametrize(
    ("text", "asker"),
    [
        pytest.param(
            "About $40m is needed in the coming months for Haiti, UNICEF said.", "UNICEF", id="org-said"
        ),
        pytest.param(
            "Some $600 million is needed to feed refugees in Chad, according to WFP.",
            "World Food Programme",
            id="according-to-org",
        ),
        pytest.param(
            "Japan contributed $5 million to the UN's $300 million flash appeal for Nepal.",
            "United Nations",
            id="org-possessive-before-the-amount",
        ),
    ],
)
def test_the_asker_of_an_appeal_named_around_its_amount(text: str, asker: str) -> None:
    assert [f.organization for f in extract(text, strict=True) if isinstance(f, Appeal)] == [asker]


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        pytest.param(
            "Norway announces emergency aid for the Sahel",
            [("NOR", 20e6, "NOK", "MLI"), ("NOR", 15e6, "NOK", "NER"), ("NOR", 10e6, "NOK", "TCD")],
            id="the-subject-of-a-verb-of-giving-in-the-title-speaks",
        ),
    ],
)
def test_the_title_s_giver_is_no_destination(title: str, expected: list) -> None:
    text = (
        "Oslo, 3 March – The Minister of International Development today announced NOK 45 million in "
        "humanitarian aid for Mali, Niger and Chad. This funding includes:\n"
        "- NOK 20 million for Mali;\n- NOK 15 million for Niger; and\n- NOK 10 million for Chad.\n\n"
        "Norway will channel the aid through the Norwegian Refugee Council and the World Food Programme. "
        "Norway is among the largest donors to the region, and Norway's support will continue, the "
        "minister said. Niger and Chad host most of the refugees of the region."
    )
    assert _pledges(text, title) == expected


def test_a_header_of_givers_named_by_no_name_makes_its_labels_givers() -> None:
    text = (
        "Two relief flights landed in Port Sudan this week carrying 60 tonnes of medicines for Sudan.\n\n"
        "Several Member States have offered further in-kind assistance:\n"
        "- Austria: 10 tonnes of medical supplies;\n- Portugal: 2,000 family tents."
    )
    got = _pledges(text)
    assert got[-2:] == [("AUT", 10, "tonnes", "SDN"), ("PRT", 2000, "tents", "SDN")]


def test_a_speaker_named_before_its_description_gives() -> None:
    text = (
        "In Lyon, the Association des Maliens de France, a diaspora group, said it had sent €30,000 "
        "collected among Malians living in France to a clinic in Mopti."
    )
    assert [f.donor for f in extract(text, strict=True) if isinstance(f, Pledge)] == [
        "Association des Maliens de France"
    ]
