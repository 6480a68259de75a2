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
>>> parse_amount("£9 m").value, parse_amount("9 m").value
(9000000.0, 9.0)
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache

from aidtracker.etl import gazetteer

# Largest value a news amount can plausibly state; beyond it the text is junk.
MAX_VALUE = 1e15


@cache
def opening_words() -> frozenset[str]:
    """Words an amount can open with before its number: a qualifier's first word ("more
    than", "the estimated"), a currency written before the number ("USD", "Rs"), or the
    "between" of a range (_pattern's syntax)."""
    prefixes = [p for p, (_, position) in gazetteer.currencies().items() if position != "suffix"]
    # (a word's stop stays out: "approx." is the token "approx" before the token ".")
    return frozenset({q.split()[0].rstrip(".") for q in [*gazetteer.qualifiers(), *prefixes]} | {"between"})


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
    family: str | None = None  # "kwacha", "rupees": a family whose country the text decides
    has_scale: bool = False  # "million", "mln", "bn" ... was stated

    @property
    def is_money(self) -> bool:
        return self.currency is not None


def _alternation(words) -> str:
    """A regex alternation of literal words, longest first so the longest wins."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@cache
def _pattern() -> re.Pattern[str]:
    cur = gazetteer.currencies()
    prefixes = [p for p, (_, pos) in cur.items() if pos in ("prefix", "both")]
    suffixes = [p for p, (_, pos) in cur.items() if pos in ("suffix", "both")]
    weights = list(gazetteer.tonnes_per_unit())
    ones = gazetteer.number_words("ones")
    hundred = r"(?:\s+(?:" + _alternation(gazetteer.number_words("hundred")) + r"))?"
    word_num = (
        r"(?:one\s+and\s+a\s+half|a\s+quarter\s+of\s+a|half\s+a|a\s+half|"
        r"(?:"
        + _alternation(gazetteer.number_words("tens"))
        + r")(?:[-\s](?:"
        + _alternation([w for w, v in ones.items() if v])  # "twenty-five", never "twenty-zero"
        + r"))?"
        + hundred
        + r"|(?:"
        + _alternation(ones)
        + r")"
        + hundred
        + r"|a|an)"
    )
    # "45,000", "45 000" (report style: a space between thousands), "13'000'000" (Swiss style), "4.8"
    # "2,8 million": a decimal comma, as southern Africa and Europe write it, before a scale word
    decimal_comma = r"\d{1,3},\d{1,2}(?=\s?(?:" + _alternation(gazetteer.number_words("scale")) + r")\b)"
    # "31,54,000", "2,31,819": South Asian grouping, in lakhs and crores above the thousands
    south_asian = r"\d{1,2}(?:,\d{2})+,\d{3}(?![\d,])"
    digit_num = (
        r"(?:"
        + decimal_comma
        + r"|"
        + south_asian
        + r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:\x20\d{3})+(?![\d,]|\.\d)"  # "270 000." ends a sentence
        r"|\d{1,3}(?:['’]\d{3})+(?![\d'’])|\d+(?:\.\d+)?)"
    )
    num = (
        r"(?:" + digit_num + r"(?![\d])(?![.,]\d)"  # a whole number: not "2,5000" read as 2
        r"|(?<![\w-])" + word_num + r"(?![\w-]))"  # number words stand alone, not "two-year"
    )
    abbreviations = list(gazetteer.number_words("abbreviation"))
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
            (?(pre)\x20?)(?P<att>{glued})(?![\w])          # short scale glued on: "$1.2bn", "£50m"; after
                                                           # a currency sign, also spaced: "(£9 m)"
          | (?:\s?|-)(?P<scale>{long_scales})(?![\w])      # scale word: "million", "mln", "P15-million"
        )?
        (?:\s?(?P<suf>{suffixes}|{weights})(?![\w$])      # currency or weight after: "dlrs", "tons"
          | -(?P<hyphened>{weights})(?![\w$-])          # a weight as an adjective: "a 20,000-tonne donation"
        )?
    """.format(
        quals=_alternation(gazetteer.qualifiers()),
        prefixes=_alternation(prefixes),
        num=num,
        glued=_alternation([*gazetteer.number_words("letter"), *abbreviations]),
        long_scales=_alternation([*gazetteer.number_words("scale"), *abbreviations]),
        suffixes=_alternation(suffixes),
        weights=_alternation(weights),
    )
    # Matched against lower-cased text: literal alternations run much faster without IGNORECASE.
    return re.compile(source.lower().replace("(?p<", "(?P<"), re.VERBOSE)


@cache
def _people_after() -> re.Pattern[str]:
    """A noun of people right after a number (data/cues.csv `person`): "7.8M people"."""
    people = [r["phrase"].lower() for r in gazetteer.read_csv("cues.csv") if r["cue"] == "person"]
    return re.compile(r"\s+" + gazetteer.alternation(people), re.IGNORECASE)


@cache
def _condition_after() -> re.Pattern[str]:
    """A condition of people right after a number (data/indicators.csv): "3.5M acutely
    malnourished children", "2.1M displaced"."""
    phrases = [r["phrase"].lower() for r in gazetteer.read_csv("indicators.csv")]
    return re.compile(r"\s+" + gazetteer.alternation(phrases), re.IGNORECASE)


def _key_figure(text: str, start: int, end: int) -> bool:
    """Whether a number ends a line of key figures whose label names people: "People in need:
    24.8M", "Children with severe acute malnutrition: 730K" (the label holds a data/cues.csv
    `person` noun or an indicator phrase, data/indicators.csv)."""
    line_start = text.rfind("\n", 0, start) + 1
    label = text[line_start:start].rstrip()
    if not label.endswith(":") or text[end:].split("\n", 1)[0].strip(" .;"):
        return False
    return _people_after().search(" " + label) is not None or _condition().search(label) is not None


@cache
def _condition() -> re.Pattern[str]:
    """A phrase of data/indicators.csv, as whole words."""
    phrases = [r["phrase"] for r in gazetteer.read_csv("indicators.csv")]
    return re.compile(gazetteer.alternation(phrases), re.IGNORECASE)


def _word_value(words: str) -> float | None:
    """Value of number words: "twenty-five" -> 25, "three hundred" -> 300, "half a" -> 0.5."""
    w = " ".join(words.lower().replace("-", " ").split())
    special = {"one and a half": 1.5, "a quarter of a": 0.25, "half a": 0.5, "a half": 0.5, "a": 1, "an": 1}
    if w in special:
        return special[w]
    ones, tens, hundred = (gazetteer.number_words(k) for k in ("ones", "tens", "hundred"))
    total = 0.0
    for part in w.split():
        if part in ones:
            total += ones[part]
        elif part in tens:
            total += tens[part]
        elif part in hundred:
            total = (total or 1) * hundred[part]
        else:
            return None
    return total


def number_value(token: str) -> float | None:
    """The value of one number as written, without scale: "1,250.5" -> 1250.5, "eight" -> 8.

    >>> number_value("129,250")
    129250.0
    >>> number_value("45 000")
    45000.0
    >>> number_value("13'000'000")
    13000000.0
    >>> number_value("2,8")
    2.8
    >>> number_value("31,54,000")
    3154000.0
    >>> number_value("twenty-five")
    25.0
    """
    t = token.strip()
    if _DECIMAL_COMMA.fullmatch(t):
        t = t.replace(",", ".")  # "2,8" before "million": a decimal comma
    if t and (t[0].isdigit() or t[0] == "."):
        try:
            return float(t.replace(",", "").replace(" ", "").replace("'", "").replace("’", ""))
        except ValueError:
            return None
    return _word_value(t)


_YEAR = re.compile(r"1[89]\d\d|20\d\d")
_DECIMAL_COMMA = re.compile(r"\d{1,3},\d{1,2}")  # "2,8 million": one to three digits, then one or two
_OF_NEXT = re.compile(r"\s+of\b")  # "170,000 pounds of equipment": a weight of goods, not a currency


def is_year_token(token: str) -> bool:
    """Whether a token is a year as news writes one (1800-2099).

    >>> is_year_token("2023"), is_year_token("1987"), is_year_token("2500")
    (True, True, False)
    """
    return bool(_YEAR.fullmatch(token))


def _build(m: re.Match[str], offset: int, dollar: str | None, text: str) -> Amount | None:
    num_txt = m.group("num")
    base = number_value(num_txt)
    if base is None:
        return None
    scale_word = (m.group("att") or m.group("scale") or "").lower()
    scale = gazetteer.number_words("scale", "abbreviation", "letter").get(scale_word, 1.0)
    word_only = not num_txt[0].isdigit()
    if word_only and num_txt.lower() in ("a", "an", "half a", "a half", "a quarter of a") and not scale_word:
        return None  # "a" alone is an article, not a number
    pre = (m.group("pre") or "").lower()
    suf = (m.group("suf") or m.group("hyphened") or "").lower()
    if (
        scale_word in gazetteer.number_words("letter")
        and not (pre or suf)
        and not _people_after().match(text, m.end())
        and not _condition_after().match(text, m.end())
        and not _key_figure(text, m.start(), m.end())
    ):
        return None  # "15m" is a distance or a height unless money or people are named ("7.8M people")
    if len(pre) == 1 and pre.isalpha() and not scale_word and "," not in num_txt:
        return None  # a one-letter currency ("N1 billion", "R500,000") is no model name ("N95 masks")
    if suf in gazetteer.words("word_currency") and not scale_word and "," not in num_txt:
        return None  # "2 billion won" pays; a bare "won" after a small number is the verb
    value = round(base * scale, 4) if scale != 1 else base  # 8.2 x 1e6 is 8199999.999999999 in floats
    if not math.isfinite(value) or value <= 0 or value > MAX_VALUE:
        return None
    currency = unit = family = None
    bare = False
    cur = gazetteer.currencies()
    for word in (pre, suf):
        if word in cur:
            code = cur[word][0]
            if code.startswith("~"):
                family, code = gazetteer.family_words()[word]  # its row's code, until the text decides
            if word in _weights() and _OF_NEXT.match(m.string, m.end()):
                unit = _canonical_unit(word)  # "170,000 pounds of equipment" weighs, it does not pay
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
    if lo and is_year_token(lo.strip()):
        is_range = False  # "in 2024 to 7.8 million" is a year, then a figure
        start = m.start("num") - (len(m.group("pre") or "") if m.group("pre") else 0)
    if word_only and not scale_word and not (currency or unit) and base < 1:
        return None
    qual = m.group("qual")
    if qual and start == m.start() and _particle_verb().search(text, max(0, m.start() - 16), m.start()):
        # "handing over US$ 2.2 million": the verb's particle, not "more than"
        qual, start = None, m.start("pre") if m.group("pre") else m.start("num")
    qualifier = (
        gazetteer.qualifiers().get(" ".join(qual.lower().split())) if qual and start == m.start() else None
    )
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
        family=family,
    )


@cache
def _particle_verb() -> re.Pattern[str]:
    """A verb whose particle a qualifier's word would be, right before it ("handing over", "turned
    over"): the first words of the data/aid_verbs.csv phrases that end with such a word."""
    quals = {q.split()[0] for q in gazetteer.qualifiers()}
    verbs = {
        p.rsplit(" ", 1)[0].lower()
        for p in (r["phrase"] for r in gazetteer.read_csv("aid_verbs.csv"))
        if " " in p and p.rsplit(" ", 1)[1].lower() in quals
    }
    return re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, verbs))) + r")\s+$", re.IGNORECASE)


@cache
def _weights() -> dict[str, float]:
    """Lower-cased weight unit -> metric tonnes per unit (data/units.csv)."""
    return {u.lower(): t for u, t in gazetteer.tonnes_per_unit().items()}


@cache
def _canonical_unit(word: str) -> str:
    """Weight unit as the text spells it -> the key normalize converts: the first spelling of
    data/units.csv that weighs the same ('tons' -> 'tonnes', 'kilos' -> 'kg', 'lbs' -> 'lb')."""
    per = _weights().get(word.lower())
    if per is None:
        return word.lower()
    return next(u for u, t in gazetteer.tonnes_per_unit().items() if t == per)


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
    taken = -1  # where the last match read anew ends
    for m in matches:
        if m.start() < taken:
            continue
        num = m.group("num")
        article = bool(num) and num[0] == "a" and num.strip() in ("a", "an")
        if article and m.group("lo") and not (m.group("att") or m.group("scale")):
            # "$30,000 to a clinic": no range up to an article; the sum ends where "to" starts
            again = pattern.match(low, m.start(), m.end("lo"))
            if again is not None and again.group("num"):
                m, num, article = again, again.group("num"), False
        if article and not (m.group("att") or m.group("scale")):
            # "a EUR 10 million grant": the article is no number; the sum starts after it
            again = pattern.match(low, m.end("num") + 1)
            if again is not None and again.group("num"):
                m, taken = again, again.end()
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
