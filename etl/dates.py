"""Dates in article text: the article's own date when its metadata has none (placeholder until built)."""

from __future__ import annotations

import datetime as dt


def infer_article_date(text: str, title: str | None = None) -> tuple[dt.date, str] | None:
    """The date an undated article was written, as (date, precision 'day'|'month'|'year'), or None."""
    return None
