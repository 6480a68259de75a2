"""Extract pledges, risk figures and appeals from an article's text (placeholder until built)."""

from __future__ import annotations

from etl.records import Fact


def extract(text: str, *, title: str | None = None, country_hint: str | None = None) -> list[Fact]:
    """Return the facts the text states; [] when it states none. Never raises."""
    return []
