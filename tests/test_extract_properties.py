"""Property tests: the extractor takes any text and returns well-formed records or nothing, never raising."""

from __future__ import annotations

import math

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aidtracker.etl.extract import extract
from aidtracker.etl.records import Appeal, Pledge, RiskFigure

# Fragments that steer generated text towards the extractor's interesting paths.
FRAGMENTS = [
    "Japan pledged", "the United States delivered", "Australia will provide", "WFP said",
    "$1.2bn", "US$ 172 million", "500 million euros", "47 mln dlrs", "5,000 tons of flour",
    "-5 million", "$1e400", "999 quintillion tons", "nearly 3 million", "two million",
    "people are at risk of famine", "were displaced", "in need of humanitarian assistance",
    "to Afghanistan", "for Somalia", "in Yemen", "on 31 February 2020", "in March 1987",
    "Mr.", "U.S.", ". ", "\n", ", ", " ", "(", ")", "\u2019", "\u00a0", "IPC Phase 3",
]  # fmt: skip

texts = st.one_of(
    st.text(max_size=400),
    st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=8), max_size=40).map("".join),
)


def _check(text: str, facts: list) -> None:
    for fact in facts:
        assert isinstance(fact, Pledge | RiskFigure | Appeal)
        assert 0 <= fact.span_start <= fact.span_end <= len(text)
        assert text[fact.span_start : fact.span_end] == fact.evidence
        assert 0.0 <= fact.confidence <= 1.0
        value = fact.people if isinstance(fact, RiskFigure) else fact.amount
        assert math.isfinite(value) and value > 0


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts, st.one_of(st.none(), st.text(max_size=60)))
def test_any_text_gives_records_or_nothing(text: str, title: str | None) -> None:
    _check(text, extract(text, title=title))


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=60).map("".join))
def test_aid_like_text_keeps_spans_inside(text: str) -> None:
    _check(text, extract(text, title=None, country_hint="AFG"))
