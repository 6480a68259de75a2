"""The one builder of every CSV and HXL-tagged CSV download, safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import io
import tempfile
from pathlib import Path

import pandas as pd

from aidtracker.dashboard import queries

# Characters that make a spreadsheet read a cell as a formula (OWASP "CSV Injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

# HXL hashtags per column, after the Humanitarian Data Exchange's FTS datasets.
HXL_TAGS: dict[str, dict[str, str]] = {
    "pledges": {
        "date": "#date",
        "donor": "#org+name+funder",
        "donor_iso3": "#country+iso3+funder",
        "donor_kind": "#org+type+funder",
        "recipient": "#country+name",
        "recipient_iso3": "#country+iso3",
        "channel": "#org+name+impl",
        "amount": "#value+funding+total+currency",
        "unit": "#currency+unit",
        "amount_usd": "#value+funding+total+usd",
        "aid_form": "#modality",
        "commodity": "#item+name",
        "status": "#status+text",
        "confidence": "#meta+confidence",
        "evidence": "#description+evidence",
        "article_title": "#meta+title",
        "article_id": "#meta+source",
        "flow_id": "#meta+id+flow",
        "id": "#meta+id",
    },
    "risk_figures": {
        "date": "#date",
        "country": "#country+name",
        "country_iso3": "#country+iso3",
        "indicator": "#indicator+type",
        "people": "#affected+num",
        "qualifier": "#indicator+qualifier",
        "population_group": "#population+type",
        "source_org": "#org+name+source",
        "confidence": "#meta+confidence",
        "evidence": "#description+evidence",
        "article_title": "#meta+title",
        "article_id": "#meta+source",
        "observation_id": "#meta+id+observation",
        "id": "#meta+id",
    },
    "appeals": {
        "date": "#date",
        "organization": "#org+name",
        "country_iso3": "#country+iso3",
        "amount": "#value+funding+required+currency",
        "unit": "#currency+unit",
        "amount_usd": "#value+funding+required+usd",
        "confidence": "#meta+confidence",
        "evidence": "#description+evidence",
        "article_title": "#meta+title",
        "article_id": "#meta+source",
        "group_id": "#meta+id+appeal",
        "id": "#meta+id",
    },
    "articles": {
        "date": "#date",
        "title": "#meta+title",
        "source": "#meta+source",
        "url": "#meta+url",
        "date_basis": "#date+basis",
        "pledges": "#meta+pledges+num",
        "risk_figures": "#meta+risk+num",
        "appeals": "#meta+appeals+num",
        "id": "#meta+id",
    },
    # the groups of reports: one row per pledge, figure or appeal, however many articles report it
    "flows": {
        "date": "#date",
        "donor": "#org+name+funder",
        "donor_iso3": "#country+iso3+funder",
        "donor_kind": "#org+type+funder",
        "recipient": "#country+name",
        "recipient_iso3": "#country+iso3",
        "amount": "#value+funding+total+currency",
        "unit": "#currency+unit",
        "amount_usd": "#value+funding+total+usd",
        "aid_form": "#modality",
        "commodity": "#item+name",
        "status": "#status+text",
        "articles": "#meta+articles+num",
        "first_article_title": "#meta+title",
        "first_article_id": "#meta+source",
        "id": "#meta+id+flow",
    },
    "risk_observations": {
        "date": "#date",
        "country": "#country+name",
        "country_iso3": "#country+iso3",
        "indicator": "#indicator+type",
        "people": "#affected+num",
        "population_group": "#population+type",
        "articles": "#meta+articles+num",
        "first_article_title": "#meta+title",
        "first_article_id": "#meta+source",
        "id": "#meta+id+observation",
    },
    "appeal_groups": {
        "date": "#date",
        "organization": "#org+name",
        "country_iso3": "#country+iso3",
        "amount": "#value+funding+required+currency",
        "unit": "#currency+unit",
        "amount_usd": "#value+funding+required+usd",
        "articles": "#meta+articles+num",
        "first_article_title": "#meta+title",
        "first_article_id": "#meta+source",
        "id": "#meta+id+appeal",
    },
}

# What analysts made of each row (etl.reviews): every table but articles carries it.
REVIEW_TAGS = {"review_status": "#status+review", "reviewed_by": "#contact+name+reviewer"}
for _table, _tags in HXL_TAGS.items():
    if _table != "articles":
        _tags.update(REVIEW_TAGS)

# The tables with a people column, and its tag when every row shares one indicator
# (#affected+num otherwise).
RISK_TABLES = ("risk_figures", "risk_observations")
HXL_INDICATORS = {
    "famine_risk": "#affected+food+ipc+p4plus+num",
    "food_insecure": "#affected+food+ipc+p3plus+num",
    "in_need": "#inneed",
    "displaced": "#affected+displaced",
    "malnourished": "#affected+malnourished",
    "affected": "#affected",
}


def neutralize(value: object) -> object:
    """A cell as written to CSV: text that a spreadsheet would run as a formula gets a leading quote.

    Numbers stay numbers, so a negative amount is not mangled.

    >>> neutralize("=1+1"), neutralize("@SUM(A1)"), neutralize("-5 million"), neutralize(-5.0)
    ("'=1+1", "'@SUM(A1)", "'-5 million", -5.0)
    >>> neutralize("Sudan"), neutralize(None)
    ('Sudan', None)
    """
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def neutralize_frame(df: pd.DataFrame) -> pd.DataFrame:
    """The frame with neutralize() applied to every text cell; numeric and date columns untouched."""
    out = df.copy()
    for col in out.columns:
        s = out[col]
        if pd.api.types.is_string_dtype(s.dtype) and s.dtype != object:
            # vectorized for large downloads
            risky = s.str.startswith(FORMULA_STARTS).fillna(False).astype(bool)
            out[col] = s.where(~risky, "'" + s)
        elif s.dtype == object:
            out[col] = s.map(neutralize)
    return out


def hxl_row(df: pd.DataFrame, table: str) -> list[str]:
    """The hashtag row for a table's columns."""
    indicators = list(df["indicator"].dropna().unique()[:2]) if "indicator" in df else []
    return hxl_tags(table, list(df.columns), indicators)


def hxl_tags(table: str, columns: list[str], indicators: list[str]) -> list[str]:
    """The hashtag row for `columns`; `indicators` are those of the rows (two or more: mixed)."""
    tags = dict(HXL_TAGS[table])
    if table in RISK_TABLES and len(indicators) == 1:
        tags["people"] = HXL_INDICATORS.get(str(indicators[0]), tags["people"])
    return [tags.get(c, "") for c in columns]


def to_csv(df: pd.DataFrame, table: str, *, hxl: bool) -> bytes:
    """UTF-8 CSV of a DataFrame: header row, then the HXL hashtag row when `hxl`, then the rows.

    Dates are written as YYYY-MM-DD, missing values as empty cells.
    """
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(df.columns)
    if hxl:
        writer.writerow(hxl_row(df, table))
    neutralize_frame(df).to_csv(buf, header=False, index=False, lineterminator="\r\n")
    return buf.getvalue().encode("utf-8")


def build_download(db: str | Path, table: str, filters: queries.Filters, *, hxl: bool = False) -> bytes:
    """Every row of `table` that `filters` keep, as CSV (or HXL-tagged CSV): what a download button sends.

    The same cells as to_csv(queries.table_rows(...)); DuckDB writes the rows straight to a file,
    many times faster than a DataFrame for a million rows. It quotes a little more (an empty
    text cell is `""`, a missing value stays an empty cell; a cell with `#` is quoted).
    """
    with tempfile.TemporaryDirectory(prefix="aidtracker-download-") as tmp:
        path = Path(tmp) / "rows.csv"
        columns = queries.copy_csv(db, table, filters, path, FORMULA_STARTS)
        head = io.StringIO()
        writer = csv.writer(head, lineterminator="\r\n")
        writer.writerow(columns)
        if hxl:
            indicators = queries.risk_indicators(db, filters, table) if table in RISK_TABLES else []
            writer.writerow(hxl_tags(table, columns, indicators))
        return head.getvalue().encode("utf-8") + path.read_bytes()


def file_name(table: str, *, hxl: bool) -> str:
    """The download's file name.

    >>> file_name("pledges", hxl=True)
    'aidtracker-pledges-hxl.csv'
    """
    return f"aidtracker-{table.replace('_', '-')}{'-hxl' if hxl else ''}.csv"
