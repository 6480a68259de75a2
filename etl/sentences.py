"""Sentence splitting for news text: a compiled, abbreviation-aware splitter with character offsets.

>>> text = "The U.S. offered grain. Mr. Smith said 5 mln dlrs.\\n• $2 million to UNICEF"
>>> [text[s:e] for s, e in split_sentences(text)]
['The U.S. offered grain.', 'Mr. Smith said 5 mln dlrs.', '$2 million to UNICEF']
>>> text = 'It grew.[3][4] Then "it fell."[5] Done'
>>> [text[s:e] for s, e in split_sentences(text)]
['It grew.[3][4]', 'Then "it fell."[5]', 'Done']
"""

from __future__ import annotations

import re
from functools import cache

from aidtracker.etl import gazetteer

_BREAK = re.compile(
    r"""
    (?P<stop>[.!?]+)            # sentence-final punctuation
    (?P<close>[\"'’”)\]]*(?:\[\d{1,3}\])*)  # closing quotes, brackets and citation marks ("[22]") stay
    (?P<space>[ \t]+)           # the space after it
    (?=[\"'‘“(\[]?[A-Z0-9$£€¥•])  # the next sentence opens with a capital, digit, currency or bullet
    | (?P<newline>\n)           # a line break always ends a sentence or a list item
    | (?P<bullet>•|\u00e2\u0080\u00a2|â¢)  # a bullet starts an item (also mis-encoded)
    """,
    re.VERBOSE,
)

# The word a full stop ends: letters and inner dots ("U.S", "Mr", "approx") up to the stop.
_WORD_BEFORE = re.compile(r"[^\s(\"'‘“]+$")

# Leading list markers that are not part of the sentence: "- ", "o ", "1. ".
_LEAD = re.compile(r"(?:[-–—*•]\s+|o\s+(?=[A-Z$£€])|\d{1,2}\.\s+(?=[A-Z]))")


@cache
def _abbreviations() -> frozenset[str]:
    """Words that end with a full stop without ending the sentence: the abbreviations of
    data/words.csv ("mr", "u.s") and the short forms of month names ("sept", not "may")."""
    full: dict[int, str] = {}
    for name, month in gazetteer.months().items():
        full[month] = max(full.get(month, ""), name, key=len)
    short = {name for name, month in gazetteer.months().items() if name != full[month]}
    return gazetteer.words("abbreviation") | short


def _is_abbreviation(text: str, stop_at: int) -> bool:
    """Whether the full stop at `stop_at` closes an abbreviation or an initial, not a sentence."""
    m = _WORD_BEFORE.search(text, max(0, stop_at - 12), stop_at)
    if m is None:
        return False
    j = m.start()
    word = m.group().lower().rstrip(".")
    if not word:
        return False
    if word in _abbreviations():
        return True
    return len(word) == 1 and word.isalpha() and text[j].isupper()  # an initial: "George W. Bush"


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) character offsets of each sentence of `text`, whitespace and list markers trimmed."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BREAK.finditer(text):
        if m.group("stop"):
            if m.group("stop") == "." and _is_abbreviation(text, m.start("stop")):
                continue
            end = m.end("close")
            nxt = m.end()
        else:
            end = m.start()
            nxt = m.end()
        spans.append((start, end))
        start = nxt
    spans.append((start, len(text)))
    out = []
    for s, e in spans:
        chunk = text[s:e]
        stripped = chunk.strip()
        if not stripped:
            continue
        s += len(chunk) - len(chunk.lstrip())
        e = s + len(stripped)
        lead = _LEAD.match(text, s, e)
        if lead:
            s = lead.end()
        if e > s:
            out.append((s, e))
    return out
