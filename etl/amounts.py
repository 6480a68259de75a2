"""Amounts in text: numbers with scales, currencies, physical units and approximation qualifiers.

The parser reads what a sentence states ("nearly $53 million", "47 mln dlrs",
"5,000 tons", "two million") and reports the value, the unit the text uses and
where it sits, so extract can decide what the number counts.

>>> parse_amount("$1.2bn").value
1200000000.0
>>> parse_amount("US$ 172 million").currency
'USD'
>>> a = parse_amount("nearly 3 million")
>>> (a.value, a.qualifier, a.currency)
(3000000.0, 'nearly', None)
>>> parse_amount("eight mln sterling").currency
'GBP'
>>> parse_amount("5,000 tons").unit
'tonnes'
>>> parse_amount("-5 million") is None
True
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache

from aidtracker.etl import gazetteer

# Largest value a news amount can plausibly state; beyond it the text is junk.
MAX_VALUE = 1e15

_ONES = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_SCALES = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "millions": 1e6,
    "mln": 1e6,
    "mn": 1e6,
    "m": 1e6,
    "billion": 1e9,
    "billions": 1e9,
    "bln": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
    "quadrillion": 1e15,
    "quintillion": 1e18,
    "sextillion": 1e21,
}
_QUALIFIERS = {
    "about": "about",
    "around": "about",
    "approximately": "about",
    "approx.": "about",
    "some": "about",
    "roughly": "about",
    "circa": "about",
    "an estimated": "about",
    "estimated": "about",
    "the estimated": "about",
    "an approximate": "about",
    "nearly": "nearly",
    "almost": "nearly",
    "close to": "nearly",
    "just under": "nearly",
    "more than": "more_than",
    "over": "more_than",
    "at least": "more_than",
    "in excess of": "more_than",
    "upwards of": "more_than",
    "exceeding": "more_than",
    "just over": "more_than",
    "above": "more_than",
    "well over": "more_than",
    "up to": "up_to",
    "as many as": "up_to",
    "as much as": "up_to",
    "a maximum of": "up_to",
    "exactly": "exactly",
    "precisely": "exactly",
}


# Words an amount can open with before its number: "more than", "an estimated", "between".
OPENING_WORDS = frozenset({q.split()[0] for q in _QUALIFIERS} | {"between", "the"})


@dataclass(frozen=True)
class Amount:
    """One amount found in a text, with offsets into that text."""

    value: float
    currency: str | None  # ISO 4217 code when the text names money
    unit: str | None  # canonical physical unit ('tonnes', 'kg', 'lb') for weights
    qualifier: str | None  # about | more_than | up_to | nearly | exactly
    start: int
    end: int
    raw: str
    is_range: bool = False  # "30 to 35 mln": a span, not one figure
    bare_dollar: bool = False  # "$" or "dollars" with no country: the speaker decides
    has_scale: bool = False  # "million", "mln", "bn" ... was stated

    @property
    def is_money(self) -> bool:
        return self.currency is not None


def _alternation(words) -> str:
    """A regex alternation of literal words, longest first so the longest wins."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@cache
def _currency_words() -> dict[str, tuple[str, str]]:
    """Lower-cased currency phrase -> (ISO code or '$', position prefix|suffix|both)."""
    return {r["phrase"].lower(): (r["code"], r["position"]) for r in gazetteer.read_csv("currencies.csv")}


@cache
def _pattern() -> re.Pattern[str]:
    cur = _currency_words()
    prefixes = [p for p, (_, pos) in cur.items() if pos in ("prefix", "both")]
    suffixes = [p for p, (_, pos) in cur.items() if pos in ("suffix", "both")]
    weights = list(gazetteer.tonnes_per_unit())
    word_num = (
        r"(?:one\s+and\s+a\s+half|a\s+quarter\s+of\s+a|half\s+a|a\s+half|"
        r"(?:"
        + _alternation(_TENS)
        + r")(?:[-\s](?:"
        + _alternation([w for w in _ONES if w != "zero"])
        + r"))?"
        r"(?:\s+hundred)?|(?:" + _alternation(_ONES) + r")(?:\s+hundred)?|a|an)"
    )
    # "45,000", "45 000" (report style: a space between thousands), "4.8"
    digit_num = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:\x20\d{3})+(?![\d,.])|\d+(?:\.\d+)?)"
    num = (
        r"(?:" + digit_num + r"(?![\d])(?![.,]\d)"  # a whole number: not "2,5000" read as 2
        r"|(?<![\w-])" + word_num + r"(?![\w-]))"  # number words stand alone, not "two-year"
    )
    long_scales = (
        r"thousand|millions|million|billions|billion|trillion|quadrillion|quintillion|sextillion"
        r"|mln|bln|bn|mn|tn"
    )
    source = r"""
        (?<![\w.,/\-])                                    # not inside a word, number or "-5"
        (?:(?P<qual>{quals})\s+)?                          # approximation: "nearly", "more than"
        (?:(?P<pre>{prefixes})\s?)?                        # currency before: "$", "US$ ", "£"
        (?:(?P<between>between)\s+(?P<blo>{num})\s*and\s*)?  # "between 4.2 and 7.2 million"
        (?:(?P<lo>{num})\s*(?:to|-|–|or)\s*               # "30 to 35 mln": a low end sharing the scale
           (?:{prefixes})?\s?)?
        (?P<num>{num})                                     # the number itself
        (?![/])                                            # "1/2" is a fraction
        (?:
            (?P<att>m|mn|bn|b|k|tn)(?![\w])                # short scale glued on: "$1.2bn", "£50m"
          | \s?(?P<scale>{long_scales})(?![\w])            # scale word: "million", "mln"
        )?
        (?:\s?(?P<suf>{suffixes}|{weights})(?![\w$]))?     # currency or weight after: "dlrs", "tons"
    """.format(
        quals=_alternation(_QUALIFIERS),
        prefixes=_alternation(prefixes),
        num=num,
        long_scales=long_scales,
        suffixes=_alternation(suffixes),
        weights=_alternation(weights),
    )
    # Matched against lower-cased text: literal alternations run much faster without IGNORECASE.
    return re.compile(source.lower().replace("(?p<", "(?P<"), re.VERBOSE)


def _word_value(words: str) -> float | None:
    """Value of number words: "twenty-five" -> 25, "three hundred" -> 300, "half a" -> 0.5."""
    w = " ".join(words.lower().replace("-", " ").split())
    special = {"one and a half": 1.5, "a quarter of a": 0.25, "half a": 0.5, "a half": 0.5, "a": 1, "an": 1}
    if w in special:
        return special[w]
    total = 0
    for part in w.split():
        if part in _ONES:
            total += _ONES[part]
        elif part in _TENS:
            total += _TENS[part]
        elif part == "hundred":
            total = (total or 1) * 100
        else:
            return None
    return float(total)


def number_value(token: str) -> float | None:
    """The value of one number as written, without scale: "1,250.5" -> 1250.5, "eight" -> 8.

    >>> number_value("129,250")
    129250.0
    >>> number_value("45 000")
    45000.0
    >>> number_value("twenty-five")
    25.0
    """
    t = token.strip()
    if t and (t[0].isdigit() or t[0] == "."):
        try:
            return float(t.replace(",", "").replace(" ", ""))
        except ValueError:
            return None
    return _word_value(t)


def _is_year(token: str) -> bool:
    return bool(re.fullmatch(r"1[89]\d\d|20\d\d", token))


def _build(m: re.Match[str], offset: int, dollar: str | None, text: str) -> Amount | None:
    num_txt = m.group("num")
    base = number_value(num_txt)
    if base is None:
        return None
    scale_word = (m.group("att") or m.group("scale") or "").lower()
    scale = _SCALES.get(scale_word, 1.0)
    word_only = not num_txt[0].isdigit()
    if word_only and num_txt.lower() in ("a", "an", "half a", "a half", "a quarter of a") and not scale_word:
        return None  # "a" alone is an article, not a number
    pre = (m.group("pre") or "").lower()
    suf = (m.group("suf") or "").lower()
    if scale_word in ("m", "b", "k") and not (pre or suf):
        return None  # "15m" is a distance or a height unless money is named
    value = base * scale
    if not math.isfinite(value) or value <= 0 or value > MAX_VALUE:
        return None
    currency = unit = None
    bare = False
    cur = _currency_words()
    for word in (pre, suf):
        if word in cur:
            code = cur[word][0]
            if word == "pounds" and re.match(r"\s+of\b", m.string[m.end() :]):
                unit = "lb"  # "170,000 pounds of equipment" weighs, it does not pay
                continue
            if code == "$":
                bare = True
                code = dollar or "USD"
            if currency is None or currency in ("USD",) and bare:
                currency = code
    if suf and suf not in cur:
        unit = _canonical_unit(suf)
    start = m.start()
    lo = m.group("lo") or m.group("blo")
    is_range = bool(lo)
    if lo and _is_year(lo.strip()):
        is_range = False  # "in 2024 to 7.8 million" is a year, then a figure
        start = m.start("num") - (len(m.group("pre") or "") if m.group("pre") else 0)
    if word_only and not scale_word and not (currency or unit) and base < 1:
        return None
    qual = m.group("qual")
    qualifier = _QUALIFIERS.get(" ".join(qual.lower().split())) if qual and start == m.start() else None
    raw = text[start : m.end()]
    return Amount(
        value=value,
        currency=currency,
        unit=unit,
        qualifier=qualifier,
        start=start + offset,
        end=m.end() + offset,
        raw=raw,
        is_range=is_range,
        bare_dollar=bare,
        has_scale=bool(scale_word),
    )


@cache
def _canonical_unit(word: str) -> str:
    """Weight unit as the text spells it -> the key normalize converts ('tonnes', 'kg', 'lb')."""
    per = {u.lower(): t for u, t in gazetteer.tonnes_per_unit().items()}.get(word.lower())
    if per is None:
        return word.lower()
    if per == 1:
        return "tonnes"
    return "kg" if per == 0.001 else "lb"


def find_amounts(
    text: str, *, dollar: str | None = "USD", starts: list[int] | None = None, low: str | None = None
) -> list[Amount]:
    """Every amount in `text`, in order; absurd or negative values are skipped.

    `dollar` is the ISO code a bare "$" or "dollars" means for this speaker.
    `starts`, when given, are the only offsets where an amount may begin (the
    tokens around each number, from a tokenizer): the pattern is then tried there
    only instead of at every character. `low`, when given, is lower_same_length(text).

    >>> [a.value for a in find_amounts("Britain offered eight mln stg and Italy 30 to 35 mln dlrs")]
    [8000000.0, 35000000.0]
    >>> find_amounts("about 999 quintillion tons, $1e400")
    []
    """
    out: list[Amount] = []
    pattern = _pattern()
    low = gazetteer.lower_same_length(text) if low is None else low
    matches = pattern.finditer(low) if starts is None else _matches_at(pattern, low, starts)
    for m in matches:
        if not m.group("num") or (m.end() < len(text) and text[m.end()].isalnum()):
            continue  # "$1e400" or "3rd": the number runs on into letters
        try:
            amount = _build(m, 0, dollar, text)
        except (ValueError, OverflowError):
            amount = None
        if amount is not None:
            out.append(amount)
    return out


def _matches_at(pattern: re.Pattern[str], text: str, starts: list[int]):
    """The leftmost-longest matches of `pattern` that begin at one of `starts`."""
    end = -1
    for pos in sorted(set(starts)):
        if pos < end:
            continue
        m = pattern.match(text, pos)
        if m and m.group("num"):
            end = m.end()
            yield m


def parse_amount(text: str, *, dollar: str | None = "USD") -> Amount | None:
    """The first amount in `text`, or None when it states none (or only an absurd one)."""
    found = find_amounts(text, dollar=dollar)
    return found[0] if found else None
