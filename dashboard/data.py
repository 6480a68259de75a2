"""Cached query results, keyed by the database file's version and the filters passed in."""

from __future__ import annotations

from typing import Any

import streamlit as st

from aidtracker.dashboard import queries

# The query functions the page may call through the cache.
_CACHEABLE = frozenset(
    {
        "distinct_values",
        "date_bounds",
        "summary",
        "pledges_by_month",
        "risk_series",
        "in_kind",
        "table_page",
        "table_count",
        "table_view",
        "evidence",
        "group_reports",
        "review_record",
        "duplicate_candidates",
        "review_overview",
    }
)


@st.cache_data(show_spinner=False, max_entries=512)
def query(name: str, db: str, version: tuple[int, int, int], *args: Any) -> Any:
    """queries.<name>(db, *args), cached; `version` (the file's mtime, size, inode) is part of
    the key so a new ingest shows on the next rerun without a restart."""
    if name not in _CACHEABLE:
        raise ValueError(f"not a dashboard query: {name}")
    return getattr(queries, name)(db, *args)
