"""The page's sentences that depend on the data: the goods total, and what a view with nothing to
chart says instead.

An empty view says what is true of the database and of the current filters, then what to do
next: a database can hold pledges that no filter excludes and still have no cash to chart. Plain
text from the summary's counts; no Streamlit, no SQL.
"""

from __future__ import annotations

import shlex
from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from aidtracker.dashboard import charts

# a unit shortened in the headline; any other unit reads as the data spells it
UNIT_SYMBOLS = {"tonnes": "t"}
WIDEN = "Widen or clear the filters in the sidebar"
ADD = "Add articles: aidtracker ingest PATH"


def plural(n: int, noun: str) -> str:
    """
    >>> plural(1, "in-kind pledge"), plural(2_000, "cash pledge"), plural(0, "risk figure")
    ('1 in-kind pledge', '2,000 cash pledges', '0 risk figures')
    """
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


def quantity(value: float, unit: str, *, symbol: bool = True) -> str:
    """A goods quantity with its unit: exact below 100,000, then short.

    >>> quantity(5000, "tonnes"), quantity(70_000, "doses"), quantity(970_449.5, "tonnes")
    ('5,000 t', '70,000 doses', '970K t')
    >>> quantity(2.5, "kits"), quantity(5000, "tonnes", symbol=False)
    ('2.5 kits', '5,000 tonnes')
    """
    if abs(value) >= 100_000:
        number = charts.count(value)
    elif abs(value) >= 10 or value == round(value):
        number = f"{value:,.0f}"
    else:
        number = f"{value:.3g}"
    return f"{number} {UNIT_SYMBOLS.get(unit, unit) if symbol else unit}"


def goods(by_unit: pd.DataFrame) -> tuple[str, str]:
    """The headline's goods pledged, a quantity per unit: the unit with the most pledges, then the
    others (shown smaller, under it).

    Expects columns unit, quantity (summary's goods_by_unit, most pledges first).

    >>> goods(pd.DataFrame({"unit": ["tonnes"], "quantity": [5000.0]}))
    ('5,000 t', '')
    >>> goods(pd.DataFrame({"unit": ["tonnes", "kits", "doses"], "quantity": [8e3, 1200, 7e4]}))
    ('8,000 t', '1,200 kits · 70,000 doses')
    >>> goods(pd.DataFrame({"unit": [], "quantity": []}))
    ('0', '')
    """
    shown = [quantity(q, u) for u, q in zip(by_unit["unit"], by_unit["quantity"], strict=True)]
    return (shown[0], " · ".join(shown[1:])) if shown else ("0", "")


def goods_help(by_unit: pd.DataFrame) -> str:
    """The goods headline's tooltip: every unit's quantity and pledge count.

    >>> by_unit = pd.DataFrame({"unit": ["tonnes", "doses"], "quantity": [8e3, 7e4], "pledges": [2, 1]})
    >>> print(goods_help(by_unit))  # doctest: +NORMALIZE_WHITESPACE
    In-kind pledges, summed per unit (never converted to USD):
    8,000 tonnes (2 pledges), 70,000 doses (1 pledge).
    """
    head = "In-kind pledges, summed per unit (never converted to USD)"
    if by_unit.empty:
        return f"{head}: none here."
    parts = (
        f"{quantity(q, u, symbol=False)} ({plural(int(n), 'pledge')})"
        for u, q, n in zip(by_unit["unit"], by_unit["quantity"], by_unit["pledges"], strict=True)
    )
    return f"{head}: {', '.join(parts)}."


def commands(db: str, *, live_sources: bool = False) -> str:
    """The commands that bring articles into the database `db`, as a shell snippet.

    `live_sources`: this aidtracker has `aidtracker fetch`; a command it lacks is never offered.

    >>> print(commands("data/aid.duckdb"))
    # articles in a file or folder: text, Markdown, HTML, JSON/JSONL, RSS/Atom feeds
    aidtracker ingest PATH --db data/aid.duckdb
    >>> print(commands("data/aid.duckdb", live_sources=True))
    # articles in a file or folder: text, Markdown, HTML, JSON/JSONL, RSS/Atom feeds
    aidtracker ingest PATH --db data/aid.duckdb
    # live sources
    aidtracker fetch reliefweb --db data/aid.duckdb
    aidtracker fetch feeds FEEDS.txt --db data/aid.duckdb
    """
    db = shlex.quote(db)
    lines = [
        "# articles in a file or folder: text, Markdown, HTML, JSON/JSONL, RSS/Atom feeds",
        f"aidtracker ingest PATH --db {db}",
    ]
    if live_sources:
        lines += [
            "# live sources",
            f"aidtracker fetch reliefweb --db {db}",
            f"aidtracker fetch feeds FEEDS.txt --db {db}",
        ]
    return "\n".join(lines)


@dataclass(frozen=True)
class Counts:
    """The pledges and risk figures a summary counted."""

    cash: int = 0
    usd: int = 0  # cash pledges with a USD value: what the cash charts draw
    in_kind: int = 0
    risk: int = 0

    @classmethod
    def of(cls, headline: Mapping[str, float]) -> Counts:
        """From a summary's headline."""
        keys = ("cash_pledges", "usd_pledges", "in_kind_pledges", "risk_figures")
        return cls(*(int(headline[k]) for k in keys))

    @property
    def pledges(self) -> int:
        return self.cash + self.in_kind

    def kinds(self) -> str:
        """
        >>> Counts(cash=3, usd=2, in_kind=1).kinds()
        '3 cash (2 with a USD value), 1 in-kind'
        """
        return f"{self.cash:,} cash ({self.usd:,} with a USD value), {self.in_kind:,} in-kind"


@dataclass(frozen=True)
class Note:
    """What a page section says in place of its charts."""

    text: str
    commands: bool = False  # followed by the commands that bring articles in


@dataclass(frozen=True)
class Scope:
    """What the page shows under the filters against what the database holds: where the filters
    leave out records the database has, the note says the filters exclude them.

    The seed article alone: one in-kind pledge and one risk figure.

    >>> seed = Counts(in_kind=1, risk=1)
    >>> note = Scope(seed, seed).overview_note()
    >>> print(note.text); note.commands
    No cash pledges yet; 1 in-kind pledge below. Add more articles:
    True
    >>> print(Scope(seed, seed).cash_chart())
    No cash pledges yet
    1 in-kind pledge on the Overview tab

    Filters that leave one in-kind pledge of a larger database, then none at all:

    >>> stored = Counts(cash=11, usd=9, in_kind=3, risk=9)
    >>> print(Scope(Counts(in_kind=1, risk=1), stored).overview_note().text)
    ... # doctest: +NORMALIZE_WHITESPACE
    No cash pledges match these filters; 1 in-kind pledge below.
    Widen or clear the filters to see the 11 cash pledges.
    >>> print(Scope(Counts(), stored).overview_note().text)  # doctest: +NORMALIZE_WHITESPACE
    No pledges match these filters; the database holds 11 cash pledges and 3 in-kind pledges.
    Widen or clear the filters in the sidebar.

    No pledge in the database at all; then cash to chart, so no note:

    >>> print(Scope(Counts(), Counts()).overview_note().text)
    No pledges yet: the articles ingested so far report none. Add articles:
    >>> Scope(stored, stored).overview_note() is None
    True
    """

    shown: Counts  # under the filters
    stored: Counts  # in the database

    def no_cash(self) -> str | None:
        """What is true of cash when the selection has none with a USD value (else None)."""
        shown, stored = self.shown, self.stored
        if shown.usd:
            return None
        if not stored.cash:
            return "No cash pledges yet"
        if not shown.cash:
            return "No cash pledges match these filters"
        return "No cash pledge here has a USD value"

    def overview_note(self) -> Note | None:
        """The Overview's sentence when it has no cash to chart, or None when it has."""
        cash = self.no_cash()
        if cash is None:
            return None
        shown, stored = self.shown, self.stored
        if not stored.pledges:
            return Note(
                "No pledges yet: the articles ingested so far report none. Add articles:",
                commands=True,
            )
        if not shown.pledges:
            kinds = ((stored.cash, "cash pledge"), (stored.in_kind, "in-kind pledge"))
            held = " and ".join(plural(n, noun) for n, noun in kinds if n)
            return Note(f"No pledges match these filters; the database holds {held}. {WIDEN}.")
        if shown.cash:
            cash += (
                f" ({plural(shown.cash, 'cash pledge')} in a currency without an exchange rate for its date,"
                " listed on the Pledges tab)"
            )
        text = cash + (f"; {plural(shown.in_kind, 'in-kind pledge')} below." if shown.in_kind else ".")
        if stored.cash and not shown.cash:
            return Note(f"{text} Widen or clear the filters to see the {plural(stored.cash, 'cash pledge')}.")
        if not stored.cash:
            return Note(f"{text} Add more articles:", commands=True)
        return Note(text)

    def in_kind_aside(self) -> str | None:
        """Where the in-kind pledges are, beside charts of cash only (None when there are none)."""
        n = self.shown.in_kind
        if not n or not self.shown.usd:
            return None
        verb = "is" if n == 1 else "are"
        return (
            f"These charts count cash in USD only; the {plural(n, 'in-kind pledge')} here (goods, never "
            f"priced in USD) {verb} charted on the Risk and need tab."
        )

    def cash_chart(self, lacking: str = "", *, in_kind_at: str = "on the Overview tab") -> str:
        """An empty cash chart's note: why it is empty, then where to look or what to do.

        `lacking` says what the chart needs of a pledge beyond a USD value ("has a date").
        """
        cash = self.no_cash()
        if cash is None:
            return f"No cash pledge in USD here {lacking or 'can be charted'}"
        if self.shown.in_kind:
            return f"{cash}\n{plural(self.shown.in_kind, 'in-kind pledge')} {in_kind_at}"
        if self.shown.cash:
            return f"{cash}\n{plural(self.shown.cash, 'cash pledge')} on the Pledges tab"
        # nothing shown: the filters hide the pledges, or there are none to hide
        return f"{cash}\n{WIDEN if self.stored.pledges else ADD}"

    def risk_chart(self, lacking: str = "") -> str:
        """An empty risk chart's note; `lacking` says what the chart needs of a figure ("has a date")."""
        if self.shown.risk:
            return f"No risk figure here {lacking or 'can be charted'}"
        if not self.stored.risk:
            return f"No risk figures yet\n{ADD}"
        return f"No risk figures match these filters\n{WIDEN}"

    def in_kind_chart(self) -> str:
        if not self.stored.in_kind:
            return "No in-kind pledges yet"
        if not self.shown.in_kind:
            return f"No in-kind pledges match these filters\n{WIDEN}"
        return "No in-kind pledges to chart here"

    def usd_per_person(self) -> str:
        if not self.shown.usd:
            return self.cash_chart(in_kind_at="in the chart below")
        if not self.shown.risk:
            return self.risk_chart()
        return "No country here has both cash pledges in USD and risk figures"
