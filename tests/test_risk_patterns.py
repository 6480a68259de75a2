"""Where a risk figure's people are, and the wordings of its condition: issue 12's patterns.

Every sentence is written here (countries, names and numbers made up), after the general
patterns the issue lists, never copied from an article. Each expectation is what GUIDELINES.md
section 2 asks for: the country is where the people are, so refugees counted in one named host
country go to the host, refugees spread over several hosts to the country they fled, and a
figure over several countries has no single country. The near misses use the same words for
what must read otherwise; a pattern not read yet is a known miss, xfail(strict=True), so the
day it is read the mark must go.
"""

from __future__ import annotations

import pytest
from readings import risks

from aidtracker.etl import gazetteer

HOSTS = [
    pytest.param(
        "An estimated 38,000 Congolese refugees have crossed the border into northern Zambia.",
        [("ZMB", 38e3, "displaced")],
        id="demonym-crossed-into-a-host",
    ),
    pytest.param(
        "Over 90,000 Malian refugees are now in camps in Niger.",
        [("NER", 9e4, "displaced")],
        id="demonym-in-camps-in-a-host",
    ),
    pytest.param(
        "Nearly 700,000 Eritreans and Ethiopians are seeking refuge in Sudan.",
        [("SDN", 7e5, "displaced")],
        id="two-demonyms-one-host",
    ),
    pytest.param(
        "Some 36,000 Nigerian refugees live in Cameroon's Minawao camp.",
        [("CMR", 36e3, "displaced")],
        id="host-with-a-possessive",
    ),
    pytest.param(
        "Some 30,000 Somali refugees are in north-eastern Kenya.",
        [("KEN", 3e4, "displaced")],
        id="host-after-a-compass-word",
    ),
    pytest.param(
        "Japan gave $4 million to help 60,000 Burundian refugees in Tanzania.",
        [("TZA", 6e4, "displaced")],
        id="host-of-people-aid-helps",
    ),
    pytest.param(
        "Kenya has received about 250,000 Somali refugees.",
        [("KEN", 2.5e5, "displaced")],
        id="host-as-subject-of-received",
    ),
    pytest.param(
        "Ethiopia is home to 800,000 South Sudanese refugees.",
        [("ETH", 8e5, "displaced")],
        id="host-is-home-to-refugees",
    ),
    pytest.param(
        "Relief arrived in Chad, where 410,000 Sudanese refugees live in camps.",
        [("TCD", 4.1e5, "displaced")],
        id="host-where-refugees-live",
        marks=pytest.mark.xfail(
            strict=True,
            reason="'where' is not read as naming a host: it would as well make a meeting's place"
            " the place of the people counted (near-miss-where-after-a-meeting-place)",
        ),
    ),
    # near misses: several hosts, no host, a source, a place after the count
    pytest.param(
        "About 1.5 million Afghan refugees have fled to Pakistan, Iran and Tajikistan.",
        [("AFG", 1.5e6, "displaced")],
        id="near-miss-several-hosts-go-to-the-country-fled",
    ),
    pytest.param(
        "Some 3 million Venezuelan refugees have fled to Colombia and other countries.",
        [("VEN", 3e6, "displaced")],
        id="near-miss-a-host-and-other-countries",
    ),
    pytest.param(
        "Some 2 million Syrian refugees are in the region, most of them in Turkey.",
        [("SYR", 2e6, "displaced")],
        id="near-miss-in-the-region-first",
    ),
    pytest.param(
        "More than 200,000 South Sudanese refugees are in neighbouring countries.",
        [("SSD", 2e5, "displaced")],
        id="near-miss-unnamed-hosts",
    ),
    pytest.param(
        "There are 400,000 Eritrean refugees, according to Sudan's refugee commission.",
        [("ERI", 4e5, "displaced")],
        id="near-miss-according-to-names-a-source",
    ),
    pytest.param(
        "Kenya has received reports that 30,000 Somalis are displaced inside Somalia.",
        [("SOM", 3e4, "displaced")],
        id="near-miss-the-place-after-the-count-beats-received",
    ),
    pytest.param(
        "Uganda is home to 1.4 million refugees.",
        [("UGA", 1.4e6, "displaced")],
        id="home-to-people-named-by-their-condition",
    ),
    pytest.param(
        "Mombasa, home to 1.2 million people in Kenya, was flooded.",
        [],
        id="near-miss-home-to-residents",
    ),
    pytest.param(
        "The UN met in Kenya, where officials said 2 million Somalis face famine.",
        [("SOM", 2e6, "famine_risk")],
        id="near-miss-where-after-a-meeting-place",
    ),
]


OLD_NAMES = [
    pytest.param(
        "Relief for famine in southern Sudan. Some 350,000 people have been internally displaced.",
        [("SSD", 3.5e5, "displaced")],
        id="southern-sudan-is-south-sudan",
    ),
    pytest.param(
        "Over 80,000 Southern Sudanese have sought refuge in camps.",
        [("SSD", 8e4, "displaced")],
        id="southern-sudanese-demonym",
    ),
    pytest.param(
        "Fighting in Zaire has displaced 120,000 people.",
        [("COD", 1.2e5, "displaced")],
        id="zaire-is-dr-congo",
    ),
    pytest.param(
        "In Dahomey, 15,000 people were affected by the floods.",
        [("BEN", 1.5e4, "affected")],
        id="former-name-dahomey",
    ),
    pytest.param(
        "Relief for Sudan. Some 2 million Sudanese are displaced.",
        [("SDN", 2e6, "displaced")],
        id="near-miss-sudan-stays-sudan",
    ),
    pytest.param(
        "Some 500,000 people are displaced in Darfur, in western Sudan.",
        [("SDN", 5e5, "displaced")],
        id="near-miss-western-sudan-is-sudan",
    ),
    pytest.param(
        "Clashes in the DRC go on. Some 90,000 Congolese have fled into Zambia.",
        [("ZMB", 9e4, "displaced")],
        id="a-shared-demonym-is-of-the-country-named",
    ),
    pytest.param(
        "Unrest in the DRC. Some 90,000 Congolese have fled their homes in the east.",
        [("COD", 9e4, "displaced")],
        id="a-shared-demonym-places-its-people",
    ),
    pytest.param(
        "Floods in the Republic of the Congo. Some 90,000 Congolese have fled their homes.",
        [("COG", 9e4, "displaced")],
        id="near-miss-a-shared-demonym-of-the-other-country",
    ),
]


WORDINGS = [
    pytest.param(
        "Ethiopia faces drought, with over 7 million people requiring humanitarian assistance.",
        [("ETH", 7e6, "in_need")],
        id="requiring-humanitarian-assistance",
    ),
    pytest.param(
        "In Somalia nearly 300,000 are living in famine-like conditions.",
        [("SOM", 3e5, "famine_risk")],
        id="famine-like-conditions",
    ),
    pytest.param(
        "The fighting in Chad has caused the displacement of over 25,000 people.",
        [("TCD", 2.5e4, "displaced")],
        id="the-displacement-of",
    ),
    pytest.param(
        "Clashes in Niger continued, with more than 12,000 having fled to refugee camps.",
        [("NER", 1.2e4, "displaced")],
        id="with-a-number-having-fled",
    ),
    pytest.param(
        "Floods left an estimated 18,000 homeless people in three counties of Sichuan province.",
        [("CHN", 1.8e4, "displaced")],
        id="province-of-a-large-country",
    ),
    pytest.param(
        "Monsoon floods left 50,000 people homeless in Assam.",
        [("IND", 5e4, "displaced")],
        id="state-of-a-large-country",
    ),
    pytest.param(
        "Clashes in Niger continued, with more than 12,000 having received food rations.",
        [],
        id="near-miss-having-received-food",
    ),
]


SEVERAL_COUNTRIES = [
    pytest.param(
        "Drought grips Mali. With 3.1 million people in need and 900,000 IDPs, the situation in these "
        "three countries remains grave.",
        [],
        id="these-three-countries",
    ),
    pytest.param(
        "Drought grips Mali. Some 1.2 million people in both countries are displaced.",
        [],
        id="both-countries",
    ),
    pytest.param(
        "Drought grips Mali. Some 1.2 million people in the two nations are in need of food aid.",
        [],
        id="the-two-nations",
    ),
    pytest.param(
        "Drought grips Mali. Some 1.2 million people are displaced, the UN told donor countries.",
        [("MLI", 1.2e6, "displaced")],
        id="near-miss-donor-countries-are-no-place",
    ),
    pytest.param(
        "Drought grips Mali. Some 1.2 million people are displaced in Mali, one of three countries hit.",
        [("MLI", 1.2e6, "displaced")],
        id="near-miss-a-named-country-among-several",
    ),
]


STATED_FIGURES = [
    # a casualty word before another count is that count's
    pytest.param(
        "Flooding in Pakistan has affected 33 million people and killed more than 1,700.",
        [("PAK", 33e6, "affected")],
        id="killed-belongs-to-the-next-count",
    ),
    pytest.param(
        "Flooding in Pakistan has killed 1,700 people.",
        [],
        id="near-miss-the-count-of-the-killed",
    ),
    pytest.param(
        "Half of Gaza's 2.2 million people are starving, the WFP said.",
        [("PSE", 1.1e6, "famine_risk")],
        id="half-of-a-stated-number",
    ),
    pytest.param(
        "A third of the 30 million people in Afghanistan face acute hunger.",
        [("AFG", 1e7, "food_insecure")],
        id="a-third-of-a-stated-number",
    ),
    pytest.param(
        "Half of the displaced, 2 million people in Sudan, are children.",
        [("SDN", 2e6, "displaced")],
        id="near-miss-a-share-before-a-comma",
    ),
    pytest.param(
        "The number of hungry people in Kenya rose by 500,000 last year.",
        [],
        id="a-rise-by-a-number-is-no-figure",
    ),
    pytest.param(
        "The number of hungry people in Kenya rose to 3 million last year.",
        [("KEN", 3e6, "food_insecure")],
        id="near-miss-a-rise-to-a-number",
    ),
    pytest.param(
        "The number of displaced people in Syria has reached 6.8 million.",
        [("SYR", 6.8e6, "displaced")],
        id="the-number-has-reached",
    ),
    pytest.param(
        "Aid has reached 2 million people in Syria.",
        [],
        id="near-miss-aid-reached-people-with-no-condition",
    ),
    # a condition as an adjective between the number and its people, as the aid's target
    pytest.param(
        "UNICEF sent tents for the estimated 25,000 homeless people in Yunnan province.",
        [("CHN", 2.5e4, "displaced")],
        id="for-n-homeless-people",
    ),
    pytest.param(
        "UNICEF sent tents for the estimated 25,000 people in Yunnan province.",
        [],
        id="near-miss-for-n-people-with-no-condition",
    ),
    # a superlative over a long noun phrase scopes "the world": the article's country stands in
    pytest.param(
        "Drought in Somalia. It is one of the worst humanitarian and food crises in the world, with over"
        " 4 million people in need of assistance.",
        [("SOM", 4e6, "in_need")],
        id="worst-crises-in-the-world",
    ),
    pytest.param(
        "Drought in Somalia. Over 4 million people are in need of assistance in the Horn of Africa, the"
        " worst drought in decades.",
        [],
        id="near-miss-a-region-is-no-one-country",
    ),
    # countries after "according to" give the figure; they are not where the people are
    pytest.param(
        "Fighting in Burkina Faso. The clashes have displaced more than 60,000 people, according to"
        " figures from both Mali and Niger.",
        [("BFA", 6e4, "displaced")],
        id="countries-cited-as-a-source",
    ),
    pytest.param(
        "Fighting in Burkina Faso. The clashes have displaced more than 60,000 people in Mali, according"
        " to Niger.",
        [("MLI", 6e4, "displaced")],
        id="near-miss-a-place-before-the-source",
    ),
    pytest.param(
        "Fighting in Burkina Faso. The clashes have displaced more than 60,000 people in Mali and Niger.",
        [],
        id="near-miss-displaced-in-two-countries",
    ),
    # a share of the population set off by commas between the number and its condition
    pytest.param(
        "Conflict in Syria has left an estimated 12 million, half of the population, in need of aid.",
        [("SYR", 12e6, "in_need")],
        id="share-of-the-population-in-apposition",
    ),
    pytest.param(
        "Drought in Kenya. An estimated 2.3 million, or 40 per cent of the population, are food insecure.",
        [("KEN", 2.3e6, "food_insecure")],
        id="percent-in-apposition-then-copula",
    ),
    pytest.param(
        "Somalia counts an estimated 17 million, 70% of the population, and hunger is spreading.",
        [],
        id="near-miss-share-with-no-condition-after-it",
    ),
    # a modal that hedges the estimate ("could be as high as"), not the condition
    pytest.param(
        "Officials say the number of displaced in Mozambique could be as high as 80,000.",
        [("MOZ", 8e4, "displaced")],
        id="number-of-displaced-could-be-as-high-as",
    ),
    pytest.param(
        "Estimates say the numbers of displaced may be as many as 80,000 in Mozambique and 20,000 in Malawi.",
        [("MOZ", 8e4, "displaced"), ("MWI", 2e4, "displaced")],
        id="numbers-of-displaced-may-be-as-many-as-a-list",
    ),
    pytest.param(
        "The number of displaced in Mozambique could rise to 80,000.",
        [],
        id="near-miss-could-rise-to-is-a-forecast",
    ),
    pytest.param(
        "The number of displaced in Mozambique could be 80,000 if the rains continue.",
        [],
        id="near-miss-hedged-estimate-with-a-condition",
    ),
    pytest.param(
        "About 80,000 people in Mozambique could be displaced.",
        [],
        id="near-miss-could-be-displaced",
    ),
    # displaced people spread over a list of hosts: the country they fled (the article's)
    pytest.param(
        "War in South Sudan. Some 1.5 million people have sought refuge in neighbouring countries"
        " (Uganda, Kenya and Ethiopia).",
        [("SSD", 1.5e6, "displaced")],
        id="neighbouring-countries-listed-in-parentheses",
    ),
    pytest.param(
        "War in Sudan. More than 600,000 people have fled to Chad, Egypt and South Sudan.",
        [("SDN", 6e5, "displaced")],
        id="fled-to-several-hosts",
    ),
    pytest.param(
        "Drought in Kenya. Some 1.5 million people are displaced in Ethiopia, Somalia and Djibouti.",
        [],
        id="near-miss-displaced-inside-several-countries",
    ),
    pytest.param(
        "Refugees in Uganda. Some 1.5 million people have fled to Uganda, Kenya and Ethiopia.",
        [],
        id="near-miss-the-article-country-is-one-of-the-hosts",
    ),
]


# A second count tied to a figure by "along with", "including", "N of them" or an apposition
# shares its condition (and its place, unless it names its own); the parts of a total are
# labelled, not the total; a group of another kind ("... refugees and 300,000 Ugandans") is not.
SHARED_CONDITIONS = [
    pytest.param(
        "Rwandan refugees in Zaire. Some 800 000 refugees are in the region, including 200 000 refugees "
        "who fled camps in Bukavu and Goma in November.",
        [("COD", 2e5, "displaced")],
        id="a-list-of-one-country-s-places-is-that-country",
    ),
    pytest.param(
        "Floods hit Nigeria. The floods have killed more than 500 people, displaced over 1.1 million and "
        "affected about 2.1 million others.",
        [("NGA", 1.1e6, "displaced"), ("NGA", 2.1e6, "affected")],
        id="the-condition-s-verb-right-before-a-bare-count",
    ),
    pytest.param(
        "Floods hit Nigeria. The floods affected 1.2 million hectares of farmland.",
        [],
        id="near-miss-the-condition-s-verb-before-land",
    ),
    pytest.param(
        "Yemen's war goes on. Some 21 million people — about 70 percent of Yemen's population — need "
        "humanitarian assistance.",
        [("YEM", 21e6, "in_need")],
        id="a-share-between-dashes",
    ),
    pytest.param(
        "Highlights of the briefing\n\nMADAGASCAR\nTwo cyclones have affected more than 210,000 people in "
        "the south-east of the country.\n\nSOMALIA\nAlready, 3.9 million people are affected by drought.",
        [("MDG", 2.1e5, "affected"), ("SOM", 3.9e6, "affected")],
        id="a-section-heading-names-the-country",
    ),
    pytest.param(
        "Yemen's war goes on. About 21 million people, some 70 per cent of the population, need humanitarian "
        "assistance.",
        [("YEM", 21e6, "in_need")],
        id="a-share-opened-by-some-between-figure-and-condition",
    ),
    pytest.param(
        "Haiti was hit by a quake. Some 540,000 people, including 210,000 children, need humanitarian "
        "assistance in the south.",
        [("HTI", 5.4e5, "in_need"), ("HTI", 2.1e5, "in_need")],
        id="a-part-set-off-by-commas-between-figure-and-condition",
    ),
    pytest.param(
        "Floods hit Nigeria. The floods affected 1.9 million people across 30 states and forced about "
        "800,000 from their homes.",
        [("NGA", 1.9e6, "affected"), ("NGA", 8e5, "displaced")],
        id="forced-a-count-from-their-homes",
    ),
    pytest.param(
        "Floods hit Nigeria. About 300,000 people are sheltering in 410 displacement camps.",
        [("NGA", 3e5, "displaced")],
        id="near-miss-a-count-of-camps-is-no-figure",
    ),
    pytest.param(
        "In Ethiopia's Somali region, some 410,000 children are acutely malnourished, along with 95,000"
        " pregnant and lactating women.",
        [("ETH", 4.1e5, "malnourished"), ("ETH", 9.5e4, "malnourished")],
        id="along-with-a-second-group",
    ),
    pytest.param(
        "Floods in Mozambique. More than 52,000 people have been displaced, including at least 18,000 from"
        " the port city alone.",
        [("MOZ", 5.2e4, "displaced"), ("MOZ", 1.8e4, "displaced")],
        id="including-a-part-from-a-place",
    ),
    pytest.param(
        "In Ethiopia's Somali region, some 410,000 children are acutely malnourished, along with"
        " 1,200 tents.",
        [("ETH", 4.1e5, "malnourished")],
        id="near-miss-along-with-no-people",
    ),
    pytest.param(
        "Refugees in Uganda. The appeal covers 1.6 million people, including 900,000 refugees and 300,000"
        " Ugandans in host districts.",
        [("UGA", 9e5, "displaced")],
        id="hosts-of-another-nationality-are-not-refugees",
    ),
    pytest.param(
        "Some 650,000 Syrian refugees live in Jordan and 400,000 Syrians in Iraq.",
        [("JOR", 6.5e5, "displaced"), ("IRQ", 4e5, "displaced")],
        id="near-miss-the-same-nationality-shares-the-condition",
    ),
    pytest.param(
        "War in Myanmar. Some 3.2 million people have been uprooted since the coup, 2.9 million of them"
        " inside Myanmar and 300,000 across its borders.",
        [("MMR", 2.9e6, "displaced"), ("MMR", 3e5, "displaced")],
        id="parts-of-a-total-after-a-comma",
    ),
    pytest.param(
        "War in Myanmar. Some 3.2 million people have been uprooted since the coup, 2.9 million of them"
        " inside the country.",
        [("MMR", 3.2e6, "displaced"), ("MMR", 2.9e6, "displaced")],
        id="near-miss-one-part-keeps-the-total",
    ),
    pytest.param(
        "Drought in Kenya. The plan aims to reach 400,000 of the estimated 1.3 million people in arid"
        " counties who need humanitarian assistance.",
        [("KEN", 1.3e6, "in_need")],
        id="the-whole-of-a-reached-part-in-need",
    ),
    pytest.param(
        "Drought in Kenya. The plan aims to reach 400,000 of the estimated 1.3 million people in arid"
        " counties.",
        [],
        id="near-miss-the-whole-with-no-condition",
    ),
    pytest.param(
        "In Malawi, the floods have destroyed crops and affected more than 200,000 small farming"
        " households, about 1 million people, in 15 districts.",
        [("MWI", 1e6, "affected")],
        id="people-in-apposition-to-households",
    ),
    pytest.param(
        "In Malawi, the floods have destroyed crops and affected some 200,000 households in 15 districts, and"
        " about 1 million people live there.",
        [],
        id="near-miss-people-in-another-clause",
    ),
]


# IPC phase names, capitalized: Crisis is Phase 3 (food_insecure), Emergency and Catastrophe are
# Phases 4 and 5 (famine_risk); an everyday "emergency" or "a State of Emergency" is none.
PHASE_NAMES = [
    pytest.param(
        "Drought in Malawi. The analysis found that 1.2 million Malawians will be in Emergency by March.",
        [("MWI", 1.2e6, "famine_risk")],
        id="a-phase-name-alone-makes-the-sentence-read",
    ),
    pytest.param(
        "Drought in Malawi. Emergency teams reached 1.2 million Malawians in March.",
        [],
        id="near-miss-emergency-opening-a-sentence",
    ),
    pytest.param(
        "Drought in Somalia. The IPC says 1.9 million will be in Emergency by June.",
        [("SOM", 1.9e6, "famine_risk")],
        id="in-emergency-is-phase-4",
    ),
    pytest.param(
        "Conflict in Haiti. A new IPC analysis found that 1.1 million of them will be in Emergency (IPC"
        " Phase 4) and 40,000 in Catastrophe (IPC Phase 5).",
        [("HTI", 1.1e6, "famine_risk"), ("HTI", 4e4, "famine_risk")],
        id="n-of-them-in-emergency-and-catastrophe",
    ),
    pytest.param(
        "Sudan accounts for the most, with 20.3 million people in Crisis (Phase 3) or worse, followed by"
        " Yemen with 17.6 million and Haiti with 4.9 million.",
        [("SDN", 20.3e6, "food_insecure"), ("YEM", 17.6e6, "food_insecure"), ("HTI", 4.9e6, "food_insecure")],
        id="countries-with-their-counts-in-crisis",
    ),
    pytest.param(
        "Drought in Somalia. The government declared a State of Emergency after the IPC found 1.9 million"
        " people in need of aid.",
        [("SOM", 1.9e6, "in_need")],
        id="near-miss-state-of-emergency",
    ),
    pytest.param(
        "Drought in Somalia. Some 1.9 million people face hunger, the Emergency Relief Coordinator said.",
        [("SOM", 1.9e6, "food_insecure")],
        id="near-miss-emergency-in-a-title",
    ),
]


# Where some of the people counted before are: a host of "N of them", or the host the sentence
# puts those who "fled" in (the place after "fled" is the one they left).
HOSTED_PARTS = [
    pytest.param(
        "Some 600,000 of Somalia's 1.2 million people have been displaced by the drought.",
        [("SOM", 6e5, "displaced")],
        id="a-part-counts-the-whole-s-condition",
    ),
    pytest.param(
        "The plan aims to reach 250,000 of the 800,000 people in Somalia who need humanitarian assistance.",
        [("SOM", 8e5, "in_need")],
        id="near-miss-a-reached-part-leaves-the-whole",
    ),
    pytest.param(
        "Some 2.1 million South Sudanese refugees live in neighbouring countries. Uganda alone hosts nearly"
        " 900,000 of them, and new arrivals continue.",
        [("SSD", 2.1e6, "displaced"), ("UGA", 9e5, "displaced")],
        id="a-host-of-n-of-them",
    ),
    pytest.param(
        "Some 2.1 million South Sudanese refugees live in neighbouring countries. Talks went on. Uganda alone"
        " hosts nearly 900,000 of them, and new arrivals continue.",
        [("SSD", 2.1e6, "displaced")],
        id="near-miss-n-of-them-two-sentences-on",
    ),
    pytest.param(
        "Over 120,000 Burundian refugees have crossed into western Rwanda this year, joining some 75,000 who"
        " fled earlier violence in Burundi.",
        [("RWA", 1.2e5, "displaced"), ("RWA", 7.5e4, "displaced")],
        id="joining-those-who-fled-stay-in-the-host",
    ),
    pytest.param(
        "Over 120,000 Burundian refugees have crossed into western Rwanda this year, joining some 75,000 who"
        " fled to Tanzania.",
        [("RWA", 1.2e5, "displaced"), ("TZA", 7.5e4, "displaced")],
        id="near-miss-fled-to-a-host",
    ),
]


# Where people who fled went: "to X" past the place they left names the host; "to neighbouring
# countries, including X, Y and Z" spreads them over several hosts (the country they fled).
FLIGHT = [
    pytest.param(
        "Since June, about 120,000 Malians have fled violence in Mali's Mopti region to Mauritania, where"
        " they live in camps.",
        [("MRT", 1.2e5, "displaced")],
        id="fled-from-a-place-to-a-host",
    ),
    pytest.param(
        "Since June, about 120,000 Malians have fled violence in Mali's Mopti region.",
        [("MLI", 1.2e5, "displaced")],
        id="near-miss-fled-from-a-place-with-no-host",
    ),
    pytest.param(
        "Since June, about 120,000 Malians have fled violence in Mali's Mopti region to Mauritania and"
        " Niger.",
        [("MLI", 1.2e5, "displaced")],
        id="near-miss-fled-from-a-place-to-several-hosts",
    ),
    pytest.param(
        "War in Sudan. Nearly 4 million people have been displaced inside the country, and some 700,000 have"
        " fled to neighbouring countries, including Chad, Egypt and Libya.",
        [("SDN", 4e6, "displaced"), ("SDN", 7e5, "displaced")],
        id="fled-to-neighbouring-countries-including-a-list",
    ),
    pytest.param(
        "Refugees in Chad. Some 700,000 people have fled to neighbouring countries, including Chad, Egypt"
        " and Libya.",
        [],
        id="near-miss-the-list-includes-the-article-country",
    ),
    pytest.param(
        "Floods in Pakistan. The floods have forced more than 90,000 people to leave their homes in Sindh.",
        [("PAK", 9e4, "displaced")],
        id="forced-people-to-leave-their-homes",
    ),
    pytest.param(
        "Floods in Pakistan. Officials could force more than 90,000 people to leave their homes.",
        [],
        id="near-miss-could-force-people-to-leave",
    ),
]


# A sentence that names no place of its own: a second figure is where the first's people are;
# else the one country its paragraph named before it, else the article's main country.
CONTEXT_PLACES = [
    pytest.param(
        "The Sudan Humanitarian Fund allocated $20 million on Monday. Some 25 million people in Sudan need"
        " aid, and about 8 million remain displaced, according to the UN.",
        [("SDN", 25e6, "in_need"), ("SDN", 8e6, "displaced")],
        id="a-second-figure-takes-the-first-s-place",
    ),
    pytest.param(
        "Drought in Malawi. About 2.2 million people in Malawi need food aid, while in Mozambique some"
        " 450,000 remain displaced.",
        [("MWI", 2.2e6, "in_need"), ("MOZ", 4.5e5, "displaced")],
        id="near-miss-a-second-figure-names-its-own-place",
    ),
    pytest.param(
        "Drought in Somalia. Somalia is worst hit, and Somalia's herds are dying.\nIn Kenya, 2.1 million"
        " people need food aid. Some 600,000 children in the arid north are acutely malnourished.",
        [("KEN", 2.1e6, "in_need"), ("KEN", 6e5, "malnourished")],
        id="the-paragraph-s-country",
    ),
    pytest.param(
        "Quake hits Turkey and Syria. Syria's north-west is worst hit, and Syria's hospitals are full.\n"
        "Turkey's disaster agency says 1.2 million people have been affected. Some 90,000 people have taken"
        " refuge in tents and sports halls, it added.",
        [("TUR", 1.2e6, "affected"), ("TUR", 9e4, "displaced")],
        id="taken-refuge-in-the-paragraph-s-country",
    ),
    pytest.param(
        "Drought in Somalia. Somalia is worst hit, and Somalia's herds are dying.\nIn Kenya, 2.1 million"
        " people need food aid.\nSome 600,000 children in the arid north are acutely malnourished.",
        [("KEN", 2.1e6, "in_need"), ("SOM", 6e5, "malnourished")],
        id="near-miss-a-new-paragraph-has-the-article-s-country",
    ),
]


# Wordings of a condition, and a share or a colon between a count and what it says.
CONDITIONS_AND_PARTS = [
    pytest.param(
        "Before the floods, some 2.3 million people in northern Mozambique relied on humanitarian"
        " assistance.",
        [("MOZ", 2.3e6, "in_need")],
        id="relied-on-humanitarian-assistance",
    ),
    pytest.param(
        "Before the floods, 2.3 million people in northern Mozambique depended on food aid to survive.",
        [("MOZ", 2.3e6, "in_need")],
        id="depended-on-food-aid",
    ),
    pytest.param(
        "Before the floods, 2.3 million people in northern Mozambique depended on fishing.",
        [],
        id="near-miss-depended-on-fishing",
    ),
    pytest.param(
        "War in Yemen. The war has caused the world's worst humanitarian crisis, and 21 million people, about"
        " half of the population, need humanitarian aid.",
        [("YEM", 21e6, "in_need")],
        id="share-apposition-after-the-world-s-worst",
    ),
    pytest.param(
        "War in Sudan. The war has caused a vast displacement crisis, and 25 million people, about half of"
        " the population, need humanitarian aid.",
        [("SDN", 25e6, "in_need")],
        id="the-condition-after-a-share-is-nearer-than-one-before-the-count",
    ),
    pytest.param(
        "War in Sudan. The war has caused the world's largest hunger crisis, and 25 million people need"
        " humanitarian aid.",
        [("SDN", 25e6, "in_need")],
        id="the-world-s-largest-is-no-place",
    ),
    pytest.param(
        "Drought in Kenya. Some 3.1 million people, roughly a fifth of the population, live in the arid"
        " north.",
        [],
        id="near-miss-share-apposition-with-no-condition",
    ),
    pytest.param(
        "The WFP says 3.6 million children under five in Ethiopia will be acutely malnourished this year:"
        " 800,000 of them severely and 2.8 million moderately.",
        [("ETH", 8e5, "malnourished"), ("ETH", 2.8e6, "malnourished")],
        id="parts-after-a-colon-far-from-the-total",
    ),
    pytest.param(
        "The WFP says 3.6 million children under five in Ethiopia will be acutely malnourished this year:"
        " 800,000 of them severely, the most since 2016.",
        [("ETH", 3.6e6, "malnourished"), ("ETH", 8e5, "malnourished")],
        id="near-miss-one-part-after-a-colon-keeps-the-total",
    ),
]


# The items of a list under a header that names a condition count people in it, one line each.
LISTS = [
    pytest.param(
        "Drought in Ethiopia.\nThe drought has affected 5.5 million people in these regions:\n"
        "- Somali region: 2.5 million people\n- Oromia: 2 million people\n- Afar region: 1 million\n\n"
        "Officials met on Monday.",
        [("ETH", 2.5e6, "affected"), ("ETH", 2e6, "affected"), ("ETH", 1e6, "affected")],
        id="list-items-under-a-header-with-its-total",
    ),
    pytest.param(
        "Drought in Kenya.\nThe commission said the drought has affected:\n- Turkana: 500,000 people\n"
        "- Marsabit: 200,000 people",
        [("KEN", 5e5, "affected"), ("KEN", 2e5, "affected")],
        id="list-items-under-a-header-with-no-count",
    ),
    pytest.param(
        "Drought in Kenya.\nA failed rainy season would affect:\n- Turkana: 500,000 people\n"
        "- Marsabit: 200,000 people",
        [],
        id="near-miss-list-under-a-hedged-header",
    ),
    pytest.param(
        "Drought in Kenya.\nThe county populations are:\n- Turkana: 900,000 people\n- Marsabit: 460,000"
        " people",
        [],
        id="near-miss-list-under-a-header-with-no-condition",
    ),
]


# Which country a figure is placed in from the words of its own sentence and clause: a lead
# place, a part's own place, the country whose authorities speak; and what is no figure at all.
SENTENCE_PLACES = [
    pytest.param(
        "Across the two countries, some 9.6 million people need food aid: 5.4 million in Niger and 4.2"
        " million in northern Mali.",
        [("NER", 5.4e6, "in_need"), ("MLI", 4.2e6, "in_need")],
        id="a-part-keeps-the-place-it-names",
    ),
    pytest.param(
        "About 9.6 million people in Niger need food aid: 5.4 million in the south and 4.2 million in the"
        " north.",
        [("NER", 5.4e6, "in_need"), ("NER", 4.2e6, "in_need")],
        id="near-miss-a-part-that-names-no-country-borrows-the-total-s",
    ),
    pytest.param(
        "The Haiti Humanitarian Fund has approved grants worth $5 million for Haiti. In Haiti, 4.1 million"
        " people face acute food insecurity.",
        [("HTI", 4.1e6, "food_insecure")],
        id="a-country-that-gives-and-receives-is-a-place",
    ),
    pytest.param(
        "Canada gave $2 million for Haiti. In Canada, officials said 4.1 million people face acute food"
        " insecurity.",
        [("HTI", 4.1e6, "food_insecure")],
        id="near-miss-a-lead-on-a-donor-is-no-place",
    ),
    pytest.param(
        "In Uganda alone, more than 120,000 South Sudanese refugees have arrived since January.",
        [("UGA", 1.2e5, "displaced")],
        id="a-lead-place-alone-is-the-host",
    ),
    pytest.param(
        "More than 120,000 South Sudanese refugees have arrived in the region since January.",
        [("SSD", 1.2e5, "displaced")],
        id="near-miss-no-lead-the-demonym-places-them",
    ),
    pytest.param(
        "In Ecuador, some 1.2 million people were affected and about 300,000 were displaced, while in Peru"
        " 600,000 people were affected.",
        [("ECU", 1.2e6, "affected"), ("ECU", 3e5, "displaced"), ("PER", 6e5, "affected")],
        id="an-elliptic-count-with-its-own-condition-in-the-lead-s-clause",
    ),
    pytest.param(
        "Some 1.2 million people in Ecuador were affected and about 300,000 in Peru.",
        [("ECU", 1.2e6, "affected"), ("PER", 3e5, "affected")],
        id="near-miss-an-elliptic-count-with-no-condition-borrows-it",
    ),
    pytest.param(
        "The Peruvian government says more than 2 million people in 12 regions have been affected, while"
        " the UN has warned that up to 400,000 people in Ecuador are homeless.",
        [("PER", 2e6, "affected"), ("ECU", 4e5, "displaced")],
        id="a-demonym-s-government-speaks-for-its-country",
    ),
    pytest.param(
        "The Peruvian government says more than 2 million people in Bolivia have been affected.",
        [("BOL", 2e6, "affected")],
        id="near-miss-a-figure-s-own-place-wins-over-the-speaker",
    ),
    pytest.param(
        "Floods swept southern Malawi last week. A Spain-based charity said about 20,000 people were left"
        " homeless.",
        [("MWI", 2e4, "displaced")],
        id="a-place-before-based-is-no-place",
    ),
    pytest.param(
        "Floods swept southern Malawi last week. A charity in Spain said about 20,000 people were left"
        " homeless.",
        [("MWI", 2e4, "displaced")],
        id="known-miss-the-place-of-the-speaker",
        marks=pytest.mark.xfail(
            strict=True,
            reason="a place in the clause that cites the figure ('A charity in Spain said') is taken as"
            " the place of the people counted",
        ),
    ),
    pytest.param(
        "The housing programme will cover 1.2 million people in the most affected provinces of Pakistan.",
        [],
        id="people-a-programme-covers-are-beneficiaries",
    ),
    pytest.param(
        "The housing programme will cover 1.2 million people displaced by the floods in Pakistan.",
        [("PAK", 1.2e6, "displaced")],
        id="near-miss-people-it-covers-described-as-displaced",
    ),
    pytest.param(
        "More than 96,000 people are sheltering in 210 displacement sites in Mozambique, officials said.",
        [("MOZ", 9.6e4, "displaced")],
        id="a-count-of-displacement-sites-is-no-figure",
    ),
    pytest.param(
        "Some 2,100 displaced people are sheltering in schools in Mozambique.",
        [("MOZ", 2.1e3, "displaced")],
        id="near-miss-a-count-before-displaced-people-is-one",
    ),
    pytest.param(
        "The camps near Maiduguri are home to some 250,000 people who have fled attacks in Nigeria.",
        [("NGA", 2.5e5, "displaced")],
        id="home-to-people-who-have-fled",
    ),
    pytest.param(
        "Maiduguri, in Nigeria, is home to some 800,000 people who live in the city.",
        [],
        id="near-miss-home-to-residents-with-no-condition",
    ),
]

RECENT_WORDINGS = [
    pytest.param(
        "Some 18,200 people are staying in shelters in Peru, and more than 900 were injured.",
        [("PER", 18.2e3, "displaced")],
        id="people-staying-in-shelters",
    ),
    pytest.param(
        "More than 41,000 Rohingyas have crossed into Cox's Bazar since Sunday.",
        [("BGD", 41e3, "displaced")],
        id="a-plural-people-crossed-into-a-place",
    ),
    pytest.param(
        "An estimated 1,4 million people in rural Zambia are currently food insecure.",
        [("ZMB", 1.4e6, "food_insecure")],
        id="a-decimal-comma-before-a-scale-word",
    ),
    pytest.param(
        "Key figures: 3.1M people affected by drought in Kenya",
        [("KEN", 3.1e6, "affected")],
        id="a-letter-scale-before-people",
    ),
    pytest.param(
        "The peak stands 15m high in Kenya, where 2,000 people were affected.",
        [("KEN", 2e3, "affected")],
        id="near-miss-a-letter-scale-alone-is-a-length",
    ),
    pytest.param(
        "11.7 million people across Yemen – more than a third of the population – needed humanitarian aid.",
        [("YEM", 11.7e6, "in_need")],
        id="a-share-between-dashes-after-the-place",
    ),
    pytest.param(
        "The UN launched an appeal to help Malawi cope with floods that have affected more than "
        "900,000 people.",
        [("MWI", 9e5, "affected")],
        id="a-relative-clause-states-the-condition-of-those-helped",
    ),
    pytest.param(
        "Floods have affected 2 million people in Nepal, while the army put the death toll at 312, "
        "including 95 children.",
        [("NPL", 2e6, "affected")],
        id="near-miss-a-part-of-the-dead",
    ),
    pytest.param(
        "Cyclones affected 4 million people in Madagascar, a country of 28 million.",
        [("MDG", 4e6, "affected")],
        id="near-miss-a-country-of-so-many-is-its-population",
    ),
]


# Issue 12, fifth session: people in shelters, elided nouns, a clause's own place.
SHELTERS_AND_CLAUSES = [
    pytest.param(
        "Floods hit Mozambique. About 95,000 people are sheltering in 120 camps in Mozambique.",
        [("MOZ", 95e3, "displaced")],
        id="people-sheltering-in-camps",
    ),
    pytest.param(
        "A quake hit Papua New Guinea. About 12,000 people are still living in resettlement sites.",
        [("PNG", 12e3, "displaced")],
        id="people-living-in-resettlement-sites",
    ),
    pytest.param(
        "Drought hit Somalia. More than 180,000 people have left their homes in search of water.",
        [("SOM", 18e4, "displaced")],
        id="people-who-left-their-homes",
    ),
    pytest.param(
        "Floods hit Bangladesh. The floods affected 9 million people and displaced around 2 million at "
        "their peak.",
        [("BGD", 9e6, "affected"), ("BGD", 2e6, "displaced")],
        id="a-second-count-whose-noun-is-left-out-before-at",
    ),
    pytest.param(
        "A cyclone hit Madagascar. The agency said 31 people had been killed and more than 150,000 affected.",
        [("MDG", 15e4, "affected")],
        id="a-count-after-the-dead-whose-noun-is-left-out",
    ),
    pytest.param(
        "A cyclone hit Madagascar. The cyclone killed nearly 900 people in Madagascar.",
        [],
        id="near-miss-the-killed",
    ),
    pytest.param(
        "Drought hit the Horn of Africa. In Kenya, some 3 million people are already severely food "
        "insecure, and in Somalia, 1.1 million people are hungry.",
        [("KEN", 3e6, "food_insecure"), ("SOM", 1.1e6, "food_insecure")],
        id="a-place-after-and-opens-the-next-clause",
    ),
    pytest.param(
        "Drought hit Ethiopia. Ethiopia: an estimated 4.5 million people need food assistance in Afar, "
        "Somali and Oromia regions",
        [("ETH", 4.5e6, "in_need")],
        id="a-region-a-people-names-is-no-country",
    ),
    pytest.param(
        "Crisis in Venezuela. Brazil alone hosts about 1.2 million, followed by Chile with 430,000.",
        [("BRA", 1.2e6, "displaced"), ("CHL", 4.3e5, "displaced")],
        id="a-country-hosts-a-count-whose-noun-is-left-out",
    ),
    pytest.param(
        "War in Syria. Jordan, which says it hosts about 1.3 million Syrians, wants more help.",
        [("JOR", 1.3e6, "displaced")],
        id="a-country-that-says-it-hosts-a-people",
    ),
    pytest.param(
        "War in Sudan. Egypt alone has taken in more than 450,000 Sudanese refugees since last April.",
        [("EGY", 4.5e5, "displaced")],
        id="a-country-that-has-taken-in-refugees",
    ),
    pytest.param(
        "Crisis in Venezuela. Brazil hosts more than 400,000 Venezuelans and Chile about 160,000.",
        [("BRA", 4e5, "displaced"), ("CHL", 1.6e5, "displaced")],
        id="a-second-host-in-a-list-that-leaves-out-the-verb",
    ),
    pytest.param(
        "Kenya hosts the summit, which 3,000 delegates will attend.",
        [],
        id="near-miss-a-country-hosts-a-meeting",
    ),
    pytest.param(
        "An earthquake hit Iran. More than 40,000 people are being sheltered in emergency accommodation.",
        [("IRN", 4e4, "displaced")],
        id="people-sheltered-in-emergency-accommodation",
    ),
    pytest.param(
        "Floods hit Ecuador. Officials say 12,500 people are staying in 31 official shelters.",
        [("ECU", 12.5e3, "displaced")],
        id="people-staying-in-official-shelters",
    ),
    pytest.param(
        "Floods hit Brazil. Of the displaced, 120,000 are staying with relatives or friends and 31,000 "
        "are in public shelters in Porto Alegre.",
        [("BRA", 12e4, "displaced"), ("BRA", 31e3, "displaced")],
        id="displaced-staying-with-relatives-or-in-public-shelters",
    ),
    pytest.param(
        "An exodus from Myanmar. Since August, more than 400,000 Rohingya refugees have fled violence in "
        "Myanmar's Rakhine State and crossed into Bangladesh.",
        [("BGD", 4e5, "displaced")],
        id="the-host-they-crossed-into-past-a-long-flight",
    ),
    pytest.param(
        "A blast hit Beirut. Lebanon's government asked for help. The country was already hosting an "
        "estimated 1.2 million Syrian refugees before the disaster.",
        [("LBN", 1.2e6, "displaced")],
        id="the-country-that-hosts-is-the-article-s",
    ),
    pytest.param(
        "UKRAINE\nMore than 2 million people have fled Ukraine.\n\nMADAGASCAR\nThe fund helps people hit "
        "by two cyclones, which together have affected more than 270,000 people in the country.",
        [("UKR", 2e6, "displaced"), ("MDG", 2.7e5, "affected")],
        id="the-country-is-its-section-s",
    ),
    pytest.param(
        "War in Chad.\n\nKey figures:\nPeople in need: 6.9 million\nInternally displaced (since May 2023): "
        "1.1 million\n",
        [("TCD", 6.9e6, "in_need"), ("TCD", 1.1e6, "displaced")],
        id="key-figures-whose-label-names-the-condition",
    ),
    pytest.param(
        "War in Chad.\n\nPeople in need: 6.9M\nChildren with severe acute malnutrition: 410K\n",
        [("TCD", 6.9e6, "in_need"), ("TCD", 4.1e5, "malnourished")],
        id="key-figures-with-a-letter-scale",
    ),
    pytest.param(
        "Storms in Kenya.\n\nPeak height: 15m\nThe storm affected 2,000 people in Kenya.\n",
        [("KEN", 2e3, "affected")],
        id="near-miss-a-letter-scale-after-a-label-of-no-people",
    ),
    pytest.param(
        "Ebola spread. Across Congo, 12.8 million people need humanitarian assistance, according to OCHA.",
        [("COD", 12.8e6, "in_need")],
        id="congo-alone-is-the-democratic-republic",
    ),
    pytest.param(
        "Floods hit Brazzaville. The Republic of the Congo asked for help. Across Congo, 50,000 people "
        "have been affected by floods.",
        [("COG", 5e4, "affected")],
        id="near-miss-congo-where-the-republic-is-named",
    ),
    pytest.param(
        "Floods hit Pakistan. More than 30 million people — one in eight Pakistanis — have been affected "
        "by the floods.",
        [("PAK", 30e6, "affected")],
        id="a-share-one-in-eight-between-dashes",
    ),
    pytest.param(
        "Floods hit Pakistan. The response plan targets 4.1 million of the 5.9 million people who, "
        "according to the UN, are in dire need of humanitarian support.",
        [("PAK", 5.9e6, "in_need")],
        id="a-plan-targets-part-of-the-people-in-need",
    ),
    pytest.param(
        "An earthquake hit Afghanistan. More than 8,000 people whose homes were destroyed are sleeping in "
        "tents or in the open in Afghanistan.",
        [("AFG", 8e3, "displaced")],
        id="people-sleeping-in-tents",
    ),
    pytest.param(
        "Gangs attacked Haiti's capital. In the capital alone, some 90,000 people are crammed into 80 "
        "makeshift sites in Haiti.",
        [("HTI", 9e4, "displaced")],
        id="people-crammed-into-makeshift-sites",
    ),
    pytest.param(
        "War in Syria. He said 13 million people inside Syria needed assistance and that 11.2 million did "
        "not have enough to eat.",
        [("SYR", 13e6, "in_need"), ("SYR", 11.2e6, "food_insecure")],
        id="did-not-have-enough-to-eat",
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    HOSTS
    + OLD_NAMES
    + WORDINGS
    + SEVERAL_COUNTRIES
    + STATED_FIGURES
    + SHARED_CONDITIONS
    + PHASE_NAMES
    + HOSTED_PARTS
    + FLIGHT
    + CONTEXT_PLACES
    + CONDITIONS_AND_PARTS
    + LISTS
    + SENTENCE_PLACES
    + RECENT_WORDINGS
    + SHELTERS_AND_CLAUSES,
)
def test_risk_pattern(text: str, expected: list[tuple]) -> None:
    assert risks(text) == expected


# A demonym in a title names the article's country, unless it opens a currency's name.
TITLED = [
    pytest.param(
        "Mozambican cyclone toll rises; Red Cross seeks 8 mln Swiss francs",
        "The disaster agency said 150,000 people had fled their homes.",
        [("MOZ", 1.5e5, "displaced")],
        id="a-currency-s-demonym-in-the-title-is-no-place",
    ),
    pytest.param(
        "Swiss floods: 8 mln Swiss francs for victims",
        "Officials said 3,000 people had fled their homes.",
        [("CHE", 3e3, "displaced")],
        id="near-miss-the-same-demonym-before-a-noun-is-the-place",
    ),
    pytest.param(
        "Quake fund passes 2 billion pesos",
        "Chilean companies and citizens have donated more than 2 billion pesos to the national fund, and a"
        " Spain-based singer pledged 50 million pesos.\n\nThe UN says about 40,000 people were left"
        " homeless.",
        [("CHL", 4e4, "displaced")],
        id="people-at-home-when-only-the-donor-is-named",
    ),
    pytest.param(
        "Chilean firms give for Peru quake",
        "Chilean companies have donated 2 billion pesos to the fund for Peru.\n\nThe UN says about 40,000"
        " people were left homeless.",
        [("PER", 4e4, "displaced")],
        id="near-miss-the-country-aid-goes-to-when-one-is-named",
    ),
    pytest.param(
        "Mexico sends more aid to quake-hit Haiti as Latin American neighbours mobilise",
        "Chile gave $300,000 to Haiti, and Mexico sent a second plane. UNICEF estimated that 1.2 million"
        " people have been affected by the earthquake.",
        [("HTI", 1.2e6, "affected")],
        id="latin-american-names-a-region-not-the-united-states",
    ),
]


@pytest.mark.parametrize(("title", "text", "expected"), TITLED)
def test_risk_pattern_with_a_title(title: str, text: str, expected: list[tuple]) -> None:
    assert risks(text, title=title) == expected


@pytest.mark.parametrize(
    ("name", "iso3"),
    [
        pytest.param("Southern Sudan", "SSD", id="southern-sudan"),
        pytest.param("East Timor", "TLS", id="east-timor"),
        pytest.param("Burma", "MMR", id="burma"),
        pytest.param("Zaire", "COD", id="zaire"),
        pytest.param("Northern Rhodesia", "ZMB", id="longer-former-name-wins"),
        pytest.param("Rhodesia", "ZWE", id="rhodesia"),
        pytest.param("Hubei", "CHN", id="province"),
    ],
)
def test_informal_and_former_names_resolve(name: str, iso3: str) -> None:
    assert [
        m.location for m in gazetteer.find_mentions(f"people in {name} were displaced") if m.location
    ] == [iso3]
