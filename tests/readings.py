"""What the example-driven extraction tests compare: the facts of a sentence, read in strict mode."""

from __future__ import annotations

from aidtracker.etl.extract import extract
from aidtracker.etl.records import RiskFigure


def risks(text: str, title: str | None = None) -> list[tuple[str | None, float, str]]:
    """(country, people, indicator) of each risk figure the text states; extraction errors raise."""
    return [
        (r.country_iso3, r.people, r.indicator)
        for r in extract(text, title=title, strict=True)
        if isinstance(r, RiskFigure)
    ]
