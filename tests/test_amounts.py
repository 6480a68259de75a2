"""The amount parser: worked examples, qualifiers, junk, and round trips of formatted amounts."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aidtracker.etl.amounts import find_amounts, number_value, parse_amount

EXAMPLES = [
    pytest.param("$1.2bn", 1.2e9, "USD", None, id="dollar-bn-glued"),
    pytest.param("N1 billion", 1e9, "NGN", None, id="naira-one-letter-with-a-scale"),
    pytest.param("N500,000", 5e5, "NGN", None, id="naira-one-letter-grouped"),
    pytest.param("US$ 172 million", 172e6, "USD", None, id="us-dollar-prefix-with-space"),
    pytest.param("500 million euros", 500e6, "EUR", None, id="euros-after"),
    pytest.param("47 mln dlrs", 47e6, "USD", None, id="wire-mln-dlrs"),
    pytest.param("47 mln U.S. Dlrs", 47e6, "USD", None, id="wire-us-dlrs-capitalized"),
    pytest.param("eight mln sterling", 8e6, "GBP", None, id="word-number-sterling"),
    pytest.param("1.3 mln stg", 1.3e6, "GBP", None, id="wire-stg"),
    pytest.param("£348million", 348e6, "GBP", None, id="pound-sign-glued-million"),
    pytest.param("£50m", 50e6, "GBP", None, id="pound-sign-m"),
    pytest.param("A$ 20 million", 20e6, "AUD", None, id="australian-dollar-prefix"),
    pytest.param("$US64 million", 64e6, "USD", None, id="dollar-us-prefix"),
    pytest.param("AUD $300 million", 300e6, "AUD", None, id="aud-code-and-sign"),
    pytest.param("91 mln marks", 91e6, "DEM", None, id="deutsche-marks"),
    pytest.param("24 billion yen", 24e9, "JPY", None, id="yen"),
    pytest.param("475 mln cfa francs", 475e6, "XOF", None, id="cfa-francs"),
    pytest.param("615 mln Ecus", 615e6, "ECU", None, id="ecus"),
    pytest.param("100 mln Special Drawing Rights", 100e6, "XDR", None, id="sdr"),
    pytest.param("650million euros", 650e6, "EUR", None, id="glued-million-euros"),
    pytest.param("nearly $53 million", 53e6, "USD", "nearly", id="nearly-dollars"),
    pytest.param("more than $1 billion", 1e9, "USD", "more_than", id="more-than"),
    pytest.param("approximately $948 million USD", 948e6, "USD", "about", id="approximately-code-after"),
    pytest.param("up to $1,000,000", 1e6, "USD", "up_to", id="up-to-digits"),
    pytest.param("Dh10 million", 10e6, "AED", None, id="dirham-dh-glued"),
    pytest.param("QR 10 million", 10e6, "QAR", None, id="qatari-riyal-qr"),
    pytest.param("RMB 40 million", 40e6, "CNY", None, id="renminbi-rmb"),
    pytest.param("₦1 billion", 1e9, "NGN", None, id="naira-sign"),
    pytest.param("SLR 370 million", 370e6, "LKR", None, id="sri-lankan-rupee-slr"),
    pytest.param("CHF 13'000'000", 13e6, "CHF", None, id="swiss-apostrophes-between-thousands"),
]


@pytest.mark.parametrize(("text", "value", "currency", "qualifier"), EXAMPLES)
def test_money_examples(text: str, value: float, currency: str, qualifier: str | None) -> None:
    a = parse_amount(text)
    assert a is not None
    assert math.isclose(a.value, value)
    assert a.currency == currency
    assert a.qualifier == qualifier
    assert a.raw == text


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        pytest.param("5,000 tons", 5000, "tonnes", id="tons-are-tonnes"),
        pytest.param("20,000 tonnes", 20000, "tonnes", id="tonnes"),
        pytest.param("250 kg", 250, "kg", id="kilograms"),
        pytest.param("54,000 pounds of medical items", 54000, "lb", id="pounds-of-is-weight"),
        pytest.param("1,200 metric tons", 1200, "tonnes", id="metric-tons"),
    ],
)
def test_weight_examples(text: str, value: float, unit: str) -> None:
    a = parse_amount(text)
    assert a is not None and a.value == value and a.unit == unit and a.currency is None


@pytest.mark.parametrize(
    ("text", "value", "qualifier"),
    [
        pytest.param("two million", 2e6, None, id="word-million"),
        pytest.param("nearly 3 million", 3e6, "nearly", id="nearly"),
        pytest.param("about 23 million", 23e6, "about", id="about"),
        pytest.param("an estimated 675,000", 675000, "about", id="an-estimated"),
        pytest.param("some 6 million", 6e6, "about", id="some"),
        pytest.param("over 1.6 million", 1.6e6, "more_than", id="over"),
        pytest.param("at least 15,000", 15000, "more_than", id="at-least"),
        pytest.param("close to 3 million", 3e6, "nearly", id="close-to"),
        pytest.param("exactly 4,250", 4250, "exactly", id="exactly"),
        pytest.param("one and a half million", 1.5e6, None, id="one-and-a-half"),
        pytest.param("half a million", 5e5, None, id="half-a-million"),
        pytest.param("a quarter of a million", 2.5e5, None, id="quarter-of-a-million"),
        pytest.param("twenty-five thousand", 25000, None, id="hyphenated-tens"),
        pytest.param("4.25million", 4.25e6, None, id="glued-decimal-million"),
        pytest.param("about 45 000", 45000, "about", id="space-grouped-thousands"),
        pytest.param("1 250 000", 1250000, None, id="space-grouped-millions"),
        pytest.param("to 270 000.", 270000, None, id="space-grouped-thousands-before-a-full-stop"),
        pytest.param("nearly 31,54,000", 3154000, "nearly", id="lakh-grouped-millions"),
        pytest.param("2,31,819", 231819, None, id="lakh-grouped-hundreds-of-thousands"),
    ],
)
def test_counts(text: str, value: float, qualifier: str | None) -> None:
    a = parse_amount(text)
    assert a is not None and math.isclose(a.value, value) and a.qualifier == qualifier and a.currency is None


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("30 to 35 mln dlrs", id="to-range"),
        pytest.param("between 437 and 450 mln dlrs", id="between-range"),
        pytest.param("Sixty to seventy thousand people", id="word-range"),
        pytest.param("six or seven million", id="or-range"),
    ],
)
def test_ranges_are_flagged(text: str) -> None:
    a = parse_amount(text)
    assert a is not None and a.is_range


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("$1e400", id="exponent-overflow"),
        pytest.param("999 quintillion tons", id="absurd-scale"),
        pytest.param("-5 million", id="negative"),
        pytest.param("2,5000 women", id="broken-thousands-grouping"),
        pytest.param("1/2 children", id="fraction"),
        pytest.param("several hundred million pounds", id="no-number-only-hundred"),
        pytest.param("the two-and-a-half-year war", id="hyphenated-adjective"),
        pytest.param("a", id="article-alone"),
        pytest.param("N95", id="a-one-letter-currency-needs-a-scale-or-grouping"),
        pytest.param("", id="empty"),
    ],
)
def test_junk_yields_nothing(text: str) -> None:
    assert find_amounts(text) == []


def test_bare_dollar_follows_the_speaker() -> None:
    a = parse_amount("$10 million", dollar="AUD")
    assert a is not None and a.currency == "AUD" and a.bare_dollar
    explicit = parse_amount("US$10 million", dollar="AUD")
    assert explicit is not None and explicit.currency == "USD" and not explicit.bare_dollar


@pytest.mark.parametrize(
    ("text", "raw"),
    [
        pytest.param(
            "signed a EUR 10 million grant agreement", "EUR 10 million", id="a-code-after-an-article"
        ),
        pytest.param("an NOK 5 million grant", "NOK 5 million", id="a-code-after-an"),
        pytest.param("a million people", "a million", id="near-miss-a-as-a-number-with-a-scale"),
        pytest.param("gave $30,000 to a clinic", "$30,000", id="no-range-up-to-an-article"),
        pytest.param("sent €45,000 to an NGO", "€45,000", id="no-range-up-to-an"),
        pytest.param(
            "from 2 to a million people", "2 to a million", id="near-miss-a-range-up-to-a-scaled-article"
        ),
    ],
)
def test_an_article_before_a_currency_code_is_no_number(text: str, raw: str) -> None:
    assert [a.raw for a in find_amounts(text)] == [raw]
    assert [a.raw for a in find_amounts(text, starts=[0, text.index(raw)])] == [raw]


def test_offsets_point_into_the_text() -> None:
    text = "Britain offered eight mln stg and Italy 200,000 dlrs."
    for a in find_amounts(text):
        assert text[a.start : a.end] == a.raw


def test_starts_restrict_where_amounts_begin() -> None:
    text = "Aid of $5 million and 7 mln dlrs"
    assert [a.value for a in find_amounts(text, starts=[7])] == [5e6]


# --- property tests: a formatted amount parses back to its value ---------------------------

_MILLIONS = st.decimals(min_value="0.1", max_value="9999.9", places=1, allow_nan=False, allow_infinity=False)


@given(st.integers(min_value=1, max_value=10**12))
def test_grouped_integer_round_trips(n: int) -> None:
    a = parse_amount(f"{n:,} people")
    assert a is not None and a.value == n


@given(_MILLIONS, st.sampled_from(["$", "US$", "£", "€"]))
def test_prefixed_millions_round_trip(m, sign: str) -> None:
    a = parse_amount(f"{sign}{m} million")
    assert a is not None and math.isclose(a.value, float(m) * 1e6, rel_tol=1e-9)


@given(_MILLIONS, st.sampled_from([("mln dlrs", "USD"), ("million euros", "EUR"), ("bn yen", "JPY")]))
def test_suffixed_amounts_round_trip(m, suffix: tuple[str, str]) -> None:
    words, code = suffix
    scale = 1e9 if words.startswith("bn") else 1e6
    a = parse_amount(f"{m} {words}")
    assert a is not None and a.currency == code and math.isclose(a.value, float(m) * scale, rel_tol=1e-9)


_WORDS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def _spell(n: int) -> str:
    if n < 20:
        return _WORDS[n]
    return _TENS[n // 10] + ("-" + _WORDS[n % 10] if n % 10 else "")


@given(st.integers(min_value=1, max_value=99))
def test_spelled_millions_round_trip(n: int) -> None:
    a = parse_amount(f"{_spell(n)} million")
    assert a is not None and a.value == n * 1e6
    assert number_value(_spell(n)) == n


@given(st.text(max_size=200))
def test_any_text_gives_finite_positive_amounts(text: str) -> None:
    for a in find_amounts(text):
        assert math.isfinite(a.value) and a.value > 0
        assert text[a.start : a.end] == a.raw


@pytest.mark.parametrize(
    ("text", "value"),
    [("$8.2 million", 8_200_000), ("8.2 million people", 8_200_000), ("NOK 4.35 billion", 4_350_000_000)],
)
def test_a_scaled_decimal_is_exactly_the_number_it_states(text: str, value: int) -> None:
    a = parse_amount(text)
    assert a is not None and a.value == value  # not 8199999.999999999


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        pytest.param("a 20,000-tonne donation", 20000, "tonnes", id="tonne"),
        pytest.param("a 500-ton gift", 500, "tonnes", id="ton"),
    ],
)
def test_a_weight_as_a_hyphened_adjective(text: str, value: float, unit: str) -> None:
    a = parse_amount(text)
    assert a is not None and (a.value, a.unit) == (value, unit)


def test_a_size_with_a_hyphen_is_no_weight() -> None:
    assert [(a.value, a.unit) for a in find_amounts("two 40-foot containers")] == [(2, None), (40, None)]
