"""The vocabulary of humanitarian reporting in data/indicators.csv, one sentence per phrase family.

Each sentence is written for this test (countries and numbers are made up) in the wording UN
agencies (OCHA, WFP, FAO, UNICEF, UNHCR, IOM, IPC / Cadre Harmonise) and news agencies use for
people in an adverse condition; each asserts the (country, people, indicator) extracted, as
GUIDELINES.md section 2 maps conditions to indicators. The near misses use the same words for
something that is not a risk figure.
"""

from __future__ import annotations

import pytest
from readings import risks

FAMILIES = [
    # IPC / Cadre Harmonise phases written without "IPC": phase 3 is food_insecure, 4-5 famine_risk
    pytest.param(
        "Some 2.5 million people in Chad are in Crisis or worse.",
        [("TCD", 2.5e6, "food_insecure")],
        id="ipc-name-crisis-or-worse",
    ),
    pytest.param(
        "About 3.4 million people in Niger are in Phase 3 or above.",
        [("NER", 3.4e6, "food_insecure")],
        id="phase-3-or-above-without-ipc",
    ),
    pytest.param(
        "Nearly 2 million people in Mali are in CH Phase 3-5 during the lean season.",
        [("MLI", 2e6, "food_insecure")],
        id="cadre-harmonise-phase",
    ),
    pytest.param(
        "In Sudan, 5 million people face Emergency or worse.",
        [("SDN", 5e6, "famine_risk")],
        id="ipc-name-emergency-or-worse",
    ),
    pytest.param(
        "Some 4 million people in Somalia face emergency levels of hunger.",
        [("SOM", 4e6, "famine_risk")],
        id="emergency-levels-of-hunger",
    ),
    pytest.param(
        "More than 500,000 people in Haiti are facing catastrophic hunger.",
        [("HTI", 5e5, "famine_risk")],
        id="catastrophic-hunger",
    ),
    pytest.param(
        "About 80,000 people in Yemen are living in famine conditions.",
        [("YEM", 8e4, "famine_risk")],
        id="famine-conditions",
    ),
    pytest.param(
        "Around 1.5 million people in South Sudan are on the brink of starvation.",
        [("SSD", 1.5e6, "famine_risk")],
        id="brink-verge-edge-of-starvation",
    ),
    pytest.param(
        "About 700,000 people in Burundi face starvation.",
        [("BDI", 7e5, "famine_risk")],
        id="face-starvation",
    ),
    # hunger and food insecurity
    pytest.param(
        "Nearly 3 million people in Burkina Faso are severely food insecure.",
        [("BFA", 3e6, "food_insecure")],
        id="severely-food-insecure",
    ),
    pytest.param(
        "Some 6 million people in Nigeria are facing acute hunger.",
        [("NGA", 6e6, "food_insecure")],
        id="facing-acute-hunger",
    ),
    pytest.param(
        "Some 3 million people in Syria do not have enough food.",
        [("SYR", 3e6, "food_insecure")],
        id="not-enough-food",
    ),
    pytest.param(
        "Nearly 2 million people in Haiti do not know where their next meal will come from.",
        [("HTI", 2e6, "food_insecure")],
        id="next-meal",
    ),
    pytest.param(
        "About 800,000 people in Madagascar are undernourished.",
        [("MDG", 8e5, "food_insecure")],
        id="undernourished-is-hunger",
    ),
    # humanitarian need
    pytest.param(
        "An estimated 18 million people in Ethiopia are in need of humanitarian assistance.",
        [("ETH", 18e6, "in_need")],
        id="in-need-of-humanitarian-assistance",
    ),
    pytest.param(
        "Some 21 million people in Yemen require humanitarian assistance.",
        [("YEM", 21e6, "in_need")],
        id="require-humanitarian-assistance",
    ),
    pytest.param(
        "About 8 million people in Somalia need life-saving assistance.",
        [("SOM", 8e6, "in_need")],
        id="need-life-saving-assistance",
    ),
    pytest.param(
        "About 14 million people in Afghanistan are in dire need of assistance.",
        [("AFG", 14e6, "in_need")],
        id="in-dire-urgent-need",
    ),
    pytest.param(
        "Some 2 million people in Lebanon depend on food aid.",
        [("LBN", 2e6, "in_need")],
        id="rely-depend-on-aid",
    ),
    pytest.param(
        "Some 6 million people in Myanmar have humanitarian needs.",
        [("MMR", 6e6, "in_need")],
        id="humanitarian-needs",
    ),
    # malnutrition
    pytest.param(
        "Over 300,000 children in Niger suffer from severe acute malnutrition.",
        [("NER", 3e5, "malnourished")],
        id="severe-acute-malnutrition",
    ),
    pytest.param(
        "Nearly 1 million children in Afghanistan are acutely malnourished.",
        [("AFG", 1e6, "malnourished")],
        id="acutely-malnourished",
    ),
    pytest.param(
        "About 300,000 children in Kenya are severely wasted.",
        [("KEN", 3e5, "malnourished")],
        id="wasting-wasted",
    ),
    pytest.param(
        "About 30,000 children in Mali are being treated for SAM.",
        [("MLI", 3e4, "malnourished")],
        id="sam-acronym",
    ),
    pytest.param(
        "Some 100,000 children in Niger suffer from undernutrition.",
        [("NER", 1e5, "malnourished")],
        id="undernutrition",
    ),
    # displacement
    pytest.param(
        "More than 1.5 million people have been uprooted in Myanmar.",
        [("MMR", 1.5e6, "displaced")],
        id="uprooted",
    ),
    pytest.param(
        "Around 400,000 people were forced from their homes in Ethiopia.",
        [("ETH", 4e5, "displaced")],
        id="forced-from-their-homes",
    ),
    pytest.param(
        "Nearly 200,000 people fled their homes in Mozambique.",
        [("MOZ", 2e5, "displaced")],
        id="fled-their-homes",
    ),
    pytest.param(
        "More than 1 million people in Ukraine are newly displaced.",
        [("UKR", 1e6, "displaced")],
        id="newly-forcibly-displaced",
    ),
    pytest.param(
        "There are 3.4 million internally displaced persons in Somalia.",
        [("SOM", 3.4e6, "displaced")],
        id="internally-displaced-persons",
    ),
    pytest.param(
        "Some 2.1 million IDPs live in camps in Iraq.",
        [("IRQ", 2.1e6, "displaced")],
        id="idps",
    ),
    pytest.param(
        "About 90,000 people were displaced by the floods in Pakistan.",
        [("PAK", 9e4, "displaced")],
        id="displaced-by-a-disaster",
    ),
    pytest.param(
        "More than 700,000 asylum-seekers are in Uganda.",
        [("UGA", 7e5, "displaced")],
        id="asylum-seekers-hyphenated",
    ),
    pytest.param(
        "Some 200,000 people have taken refuge in Chad.",
        [("TCD", 2e5, "displaced")],
        id="refuge-safety",
    ),
    pytest.param(
        "Over 20,000 people have crossed the border into Chad.",
        [("TCD", 2e4, "displaced")],
        id="crossed-the-border",
    ),
    pytest.param(
        "About 60,000 people in Malawi have lost their homes.",
        [("MWI", 6e4, "displaced")],
        id="lost-their-homes",
    ),
    pytest.param(
        "Nearly 1 million people in Bangladesh were evacuated ahead of the cyclone.",
        [("BGD", 1e6, "displaced")],
        id="evacuated",
    ),
    pytest.param(
        "About 50,000 people in Libya are sheltering in evacuation centres.",
        [("LBY", 5e4, "displaced")],
        id="evacuation-centres-displacement-sites",
    ),
    pytest.param(
        "Some 200,000 conflict-displaced people in Burkina Faso live in camps.",
        [("BFA", 2e5, "displaced")],
        id="hazard-displaced-compound",
    ),
    # lives at risk
    pytest.param(
        "In Niger, the lives of 400,000 children are at serious risk.",
        [("NER", 4e5, "famine_risk")],
        id="lives-at-serious-risk",
    ),
    pytest.param(
        "Drought has put 2 million people at risk in Malawi.",
        [("MWI", 2e6, "famine_risk")],
        id="people-at-risk",
    ),
    # affected by a disaster
    pytest.param(
        "More than 2 million people were affected by the earthquake in Nepal.",
        [("NPL", 2e6, "affected")],
        id="affected-by-the-earthquake",
    ),
    pytest.param(
        "Some 2 million flood-affected people in Pakistan are living in tents.",
        [("PAK", 2e6, "affected")],
        id="hazard-affected-compound",
    ),
    pytest.param(
        "About 3 million people in Kenya were hit by the drought.",
        [("KEN", 3e6, "affected")],
        id="hit-struck-by",
    ),
    pytest.param(
        "About 90,000 people in Chad live in flooded areas.",
        [("TCD", 9e4, "affected")],
        id="in-flooded-areas",
    ),
]


@pytest.mark.parametrize(("text", "expected"), FAMILIES)
def test_phrase_family(text: str, expected: list[tuple]) -> None:
    assert risks(text) == expected


NEAR_MISSES = [
    pytest.param("The strike affected 2 million commuters in France.", id="strike-affected-commuters"),
    pytest.param("The outage hit 3 million customers in Brazil.", id="outage-hit-customers"),
    pytest.param("Locusts struck crops across 200,000 hectares in Kenya.", id="hectares-not-people"),
    pytest.param(
        "A Phase 3 trial of the vaccine enrolled 30,000 people in Brazil.", id="phase-3-vaccine-trial"
    ),
    pytest.param("WFP has enough food to feed 2 million people in Sudan.", id="enough-food-to-feed"),
    pytest.param("Some 2,000 foreign nationals were evacuated from Sudan.", id="evacuated-foreigners"),
    pytest.param(
        "About 2 million people in Somalia could face Emergency or worse.", id="could-face-emergency"
    ),
    pytest.param("Some 300,000 people in Chad may need humanitarian assistance.", id="may-need"),
    pytest.param("The floods killed 5,000 people in Libya.", id="deaths"),
    pytest.param("The lives of 400,000 children in Niger could be at risk.", id="lives-could-be-at-risk"),
    pytest.param("Some 2 million head of cattle are at grave risk in Kenya.", id="cattle-at-risk"),
    pytest.param(
        "About 90,000 people in Chad could be in flooded areas by June.", id="could-be-in-flooded-areas"
    ),
    pytest.param("WFP reached 2 million people in Yemen with food assistance.", id="beneficiaries-reached"),
    pytest.param(
        "Kharkiv, home to 1.4 million people in Ukraine, was hit by missiles.", id="residents-hit-by"
    ),
]


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_near_miss(text: str) -> None:
    assert risks(text) == []


IPC_PHASE_NAMES = [
    # once a known limit: a capitalized phase name after "in" is read (risk_rules, data/words.csv ipc_phase_*)
    pytest.param(
        "Some 1.2 million people in Burkina Faso are in Emergency.",
        [("BFA", 1.2e6, "famine_risk")],
        id="bare-ipc-phase-name",
    ),
]


@pytest.mark.parametrize(("text", "expected"), IPC_PHASE_NAMES)
def test_ipc_phase_name(text: str, expected: list[tuple]) -> None:
    assert risks(text) == expected


@pytest.mark.xfail(
    strict=True,
    reason="'affected' alone stays (the usual disaster wording); the rules cannot tell a disaster"
    " from a strike, so people 'affected' by anything are read as a risk figure",
)
def test_affected_by_a_non_disaster_is_not_a_risk_figure() -> None:
    assert risks("The strike affected 2 million people in France.") == []
