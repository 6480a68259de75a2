"""The one loader of the reference data under data/ (countries, organizations, verbs, units)."""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent.parent / "data"


def read_csv(name: str) -> list[dict[str, str]]:
    """Rows of data/<name> as dicts, blank cells as ''."""
    with (DATA_DIR / name).open(encoding="utf-8", newline="") as fh:
        return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(fh)]


@cache
def tonnes_per_unit() -> dict[str, float]:
    """Weight units as the text spells them -> metric tonnes per unit.

    >>> tonnes_per_unit()["kg"]
    0.001
    """
    return {r["unit"]: float(r["tonnes_per_unit"]) for r in read_csv("units.csv")}
