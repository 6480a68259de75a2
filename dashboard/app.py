"""The aidtracker dashboard page: composes filters, headline numbers, charts, tables and evidence."""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import importlib.util
import shlex
import sys
from pathlib import Path

import duckdb
import pandas as pd
import streamlit as st

from aidtracker.dashboard import charts, downloads, evidence, queries, review, review_ui, state, wording
from aidtracker.dashboard.data import query
from aidtracker.etl import dbpath

PAGE_SIZE = 25
TABLE_LABELS = {
    "pledges": "Pledges",
    "risk_figures": "Risk figures",
    "appeals": "Appeals",
    "articles": "Articles",
}
TAB_LABELS = ("Overview", "Maps", "Risk and need", *TABLE_LABELS.values())
TAB_KEY = "tab"  # st.session_state[TAB_KEY] is the open tab's label
# what a group of reports (queries.GROUPS) is called in the evidence picker's help
GROUP_NOUNS = {"flows": "pledge", "risk_observations": "risk figure", "appeal_groups": "appeal"}
FORM_LABELS = {"cash": "Cash", "in_kind": "In-kind"}
STATUS_LABELS = {"pledged": "Pledged", "delivered": "Delivered"}
GOODS_LABEL = "In-kind goods"
REVIEW_LABELS = {
    "all": "All (rejected left out)",
    "confirmed": "Confirmed (or corrected, added)",
    "unreviewed": "Unreviewed",
    "rejected": "Rejected only",
}
# keyed containers (CSS class st-key-<key>) a browser test can find the Overview's empty state by
NOTE_KEY = "overview_note"
IN_KIND_KEY = "overview_in_kind"


def db_path(argv: list[str]) -> Path:
    """The database: `-- --db PATH` after `streamlit run app.py`, else $AIDTRACKER_DB, else ./data/."""
    parser = argparse.ArgumentParser(add_help=False, allow_abbrev=False)
    parser.add_argument("--db")
    args, _ = parser.parse_known_args(argv)
    return dbpath.choose(args.db)[0].resolve()


@functools.cache
def has_fetch() -> bool:
    """Whether this aidtracker has `aidtracker fetch` (live sources), so the page may offer it."""
    return importlib.util.find_spec("aidtracker.etl.fetch") is not None


def friendly_empty_page(db: Path, status: str) -> None:
    st.title("aidtracker")
    if status == "ungrouped":
        st.info(
            f"The database {db} was built before aidtracker grouped the reports of one pledge across "
            "articles. Any ingest into it groups them (an article already stored is skipped), then "
            "reload this page:",
            icon="ℹ️",
        )
        st.code(f"aidtracker ingest PATH --db {shlex.quote(str(db))}", language="bash")
        return
    what = "does not exist yet" if status == "missing" else "holds no articles yet"
    st.info(f"The database {db} {what}. Fill it with articles, then reload this page:", icon="ℹ️")
    st.code(wording.commands(str(db), live_sources=has_fetch()), language="bash")


def clear_filters(defaults: dict[str, object]) -> None:
    for key, value in defaults.items():
        st.session_state[key] = value


def sidebar(db: str, version: tuple[int, int, int], choices: state.Choices) -> queries.Filters:
    """The filter widgets; their state starts from the URL and is written back to it."""
    defaults = state.defaults(choices)
    if "_filters_from_url" not in st.session_state:
        params = {k: st.query_params.get_all(k) for k in st.query_params}
        st.session_state.update(state.from_query(params, choices))
        st.session_state["_filters_from_url"] = True
    # keep the state valid for the data as it is now (an ingest may have changed it)
    for key in state.LIST_PARAMS:
        allowed = set(getattr(choices, key))
        st.session_state[key] = [v for v in st.session_state.get(key, []) if v in allowed]
    if choices.bounds:
        old_bounds = st.session_state.get("_bounds")
        dates = st.session_state.get(state.DATES_KEY)
        if not dates or dates == old_bounds:
            dates = choices.bounds
        lo, hi = choices.bounds
        # clamp into the data's range; a range still being picked has one date only
        st.session_state[state.DATES_KEY] = tuple(min(max(d, lo), hi) for d in dates)
        st.session_state["_bounds"] = choices.bounds

    current = state.to_filters(st.session_state.to_dict(), choices)
    options = query("summary", db, version, current)
    donors, recipients = options["donor_options"], options["recipient_options"]
    donor_n = dict(zip(donors["value"], donors["n"], strict=True))
    recipient_n = dict(zip(recipients["value"], recipients["n"], strict=True))
    recipient_name = dict(zip(recipients["value"], recipients["name"], strict=True))

    sb = st.sidebar
    sb.header("Filters")
    sb.button("Clear filters", on_click=clear_filters, args=(defaults,), icon="✖️", width="stretch")
    sb.multiselect(
        "Donor",
        list(donor_n),
        key="donor",
        format_func=lambda d: f"{d} ({donor_n.get(d, 0)})",
        placeholder="All donors (type to search)",
        help="Counts are pledges matching the other filters.",
    )
    sb.multiselect(
        "Recipient country",
        list(recipient_n),
        key="recipient",
        format_func=lambda c: f"{_text(recipient_name.get(c)) or c} · {c} ({recipient_n.get(c, 0)})",
        placeholder="All countries (type to search)",
        help="Counts are pledges matching the other filters. Also narrows risk figures and appeals.",
    )
    if choices.bounds:
        lo, hi = choices.bounds
        sb.date_input("Date range", key=state.DATES_KEY, min_value=lo, max_value=hi, format="YYYY-MM-DD")
    sb.multiselect(
        "Aid form",
        list(choices.form),
        key="form",
        format_func=lambda v: FORM_LABELS.get(v, v),
        placeholder="Cash and in-kind",
    )
    sb.multiselect(
        "Status",
        list(choices.status),
        key="status",
        format_func=lambda v: STATUS_LABELS.get(v, v),
        placeholder="Pledged and delivered",
    )
    sb.multiselect(
        "Risk indicator",
        list(choices.indicator),
        key="indicator",
        format_func=lambda v: charts.INDICATOR_LABELS.get(v, v),
        placeholder="All indicators",
    )
    sb.selectbox(
        "Review status",
        queries.REVIEW_CHOICES,
        key=state.REVIEW_KEY,
        format_func=lambda v: REVIEW_LABELS.get(v, v),
        help="What analysts made of each fact. Every chart, number, table and download follows this; "
        "a rejected fact shows only when this asks for the rejected ones.",
    )
    sb.caption(
        "Risk figures and appeals have no donor: choosing donors shows those of the countries "
        "the chosen donors' pledges go to."
    )
    sb.toggle(
        "Show every report",
        key=state.REPORTS_KEY,
        help="Off: a pledge, risk figure or appeal that several articles report is one row, counted "
        "once, with its reports listed under it. On: every article's report is a row of its own, and "
        "every number counts each report.",
    )
    review_ui.sidebar_controls()
    filters = state.to_filters(st.session_state.to_dict(), choices)
    st.query_params.from_dict(state.to_query(filters))
    return filters


def headline(summary: dict, scope: wording.Scope, filters: queries.Filters) -> None:
    h, goods = summary["headline"], summary["goods_by_unit"]
    # every card as tall as the tallest (the goods card has a second line when there are two units)
    card: dict = {"border": True, "height": "stretch"}
    cols = st.columns(6)
    cols[0].metric("Pledged (cash, USD)", charts.money(h["usd"]) or "$0", **card)
    first, others = wording.goods(goods)
    # the other units on the delta's line, grey and without an arrow: they are no change
    cols[1].metric(
        GOODS_LABEL,
        first,
        others or None,
        delta_color="off",
        delta_arrow="off",
        help=wording.goods_help(goods),
        **card,
    )
    reports = wording.plural(int(h["reports"]), "report")
    cols[2].metric(
        "Pledges",
        f"{int(h['pledges']):,}",
        None if filters.every_report() else f"from {reports}",
        delta_color="off",
        delta_arrow="off",
        help=f"{scope.shown.kinds()}. "
        + (
            "Every report counted, as the switch Show every report asks."
            if filters.every_report()
            else f"Each counted once, however many articles report it: {reports} in all."
        ),
        **card,
    )
    cols[3].metric("Donors", f"{int(h['donors']):,}", **card)
    cols[4].metric("Recipient countries", f"{int(h['recipients']):,}", **card)
    cols[5].metric(
        "People at risk",
        charts.count(h["people_at_risk"]) or "0",
        help="Per country, the latest figure for each indicator; the largest of those per country, "
        "summed over countries. Overlapping populations are never added twice.",
        **card,
    )


def plot(fig) -> None:
    st.plotly_chart(fig, config=charts.plotly_config(), width="stretch")


def overview(
    db: str, version: tuple[int, int, int], filters: queries.Filters, summary: dict, scope: wording.Scope
) -> None:
    note = scope.overview_note()
    if note is not None:
        # no cash in USD to chart: the note and the goods instead of four empty cash charts
        with st.container(key=NOTE_KEY):
            st.info(note.text, icon="ℹ️")
            if note.commands:
                st.code(wording.commands(db, live_sources=has_fetch()), language="bash")
        if scope.shown.in_kind:
            with st.container(key=IN_KIND_KEY):
                plot(charts.in_kind(query("in_kind", db, version, filters), empty=scope.in_kind_chart()))
        return
    aside = scope.in_kind_aside()
    if aside:
        st.caption(aside)
    plot(
        charts.pledges_over_time(
            query("pledges_by_month", db, version, filters), empty=scope.cash_chart("has a date")
        )
    )
    left, right = st.columns(2)
    with left:
        plot(
            charts.top_bar(summary["top_donors"], "Top donors (cash, USD)", "Donor", empty=scope.cash_chart())
        )
    with right:
        plot(
            charts.top_bar(
                summary["top_recipients"],
                "Top recipient countries (cash, USD)",
                "Country",
                empty=scope.cash_chart("names a recipient country"),
            )
        )
    plot(charts.flows_sankey(summary["flows"], empty=scope.cash_chart("is above zero")))


def maps(summary: dict, scope: wording.Scope) -> None:
    plot(
        charts.choropleth(
            summary["usd_by_country"],
            "Cash pledged by recipient country (USD)",
            "USD",
            empty=scope.cash_chart("names a recipient country"),
        )
    )
    plot(
        charts.choropleth(
            summary["people_at_risk_by_country"],
            "People at risk by country (latest figure)",
            "People",
            people=True,
            empty=scope.risk_chart("names a country"),
        )
    )


def risk_and_need(
    db: str, version: tuple[int, int, int], filters: queries.Filters, summary: dict, scope: wording.Scope
) -> None:
    countries = summary["risk_countries"]
    if countries.empty:
        plot(charts.empty_figure("People at risk over time", scope.risk_chart("has a date and a country")))
    else:
        names = dict(zip(countries["value"], countries["name"], strict=True))
        key = st.selectbox(
            "Country",
            list(names),
            format_func=lambda k: f"{names[k]} ({k})" if names[k] != k else k,
            key="risk_country",
            persist_state="page",
        )
        plot(charts.risk_over_time(query("risk_series", db, version, filters, key), names.get(key, key)))
    plot(charts.usd_per_person(summary["usd_per_person"], empty=scope.usd_per_person()))
    plot(charts.in_kind(query("in_kind", db, version, filters), empty=scope.in_kind_chart()))


def _text(value: object, missing: str = "") -> str:
    return missing if value is None or pd.isna(value) else str(value)


def _row_label(table: str, row: pd.Series) -> str:
    """How a record, or a group of reports with how many articles report it, reads in the evidence picker."""
    date = row["date"].date().isoformat() if isinstance(row["date"], pd.Timestamp) else "undated"
    if table in ("pledges", "flows"):
        if pd.notna(row["amount_usd"]):
            value = charts.money(row["amount_usd"])
        else:
            value = f"{charts.count(row['amount'])} {_text(row['unit'])} {_text(row['commodity'])}".strip()
        label = f"{date} · {_text(row['donor'])} → {_text(row['recipient'], 'unspecified')} · {value}"
    elif table in ("risk_figures", "risk_observations"):
        place = _text(row["country"]) or _text(row["country_iso3"], "unknown country")
        label = f"{date} · {place} · {charts.count(row['people'])} {_text(row['indicator'])}"
    else:
        org = _text(row["organization"], "unnamed")
        label = f"{date} · {org} · {_text(row['country_iso3'])} · {charts.money(row['amount_usd'])}"
    if "articles" in row.index:
        label += f" · reported by {wording.plural(int(row['articles']), 'article')}"
    return label


COLUMN_CONFIG = {
    "date": st.column_config.DateColumn("date", format="YYYY-MM-DD"),
    "amount_usd": st.column_config.NumberColumn("amount_usd", format="dollar"),
    "amount": st.column_config.NumberColumn("amount", format="localized"),
    "people": st.column_config.NumberColumn("people", format="localized"),
    "confidence": st.column_config.NumberColumn("confidence", format="%.2f"),
    "articles": st.column_config.NumberColumn(
        "reported by", format="%d", help="How many articles report it: its reports are listed below"
    ),
}


def table_section(db: str, version: tuple[int, int, int], filters: queries.Filters, table: str) -> None:
    """A page of the filtered rows with the total count, the two downloads, and the evidence viewer.

    `table` is the table shown (queries.shown_table): a record table, or the groups of one, whose
    evidence is every report of the chosen group with why it joined.
    """
    page_key = f"page_{table}"
    # new filters start again at page 1
    if st.session_state.get(f"_filters_{table}") != filters:
        st.session_state[page_key] = 1
    st.session_state[f"_filters_{table}"] = filters
    wanted = int(st.session_state.get(page_key, 1))
    # the count and the page in one call; a page past the end (after an ingest) is page 1 again
    total, shown, rows = query("table_view", db, version, table, filters, wanted - 1, PAGE_SIZE)
    if shown + 1 != wanted:
        st.session_state[page_key] = shown + 1
    pages = max(1, -(-total // PAGE_SIZE))
    top = st.columns([2, 1, 1, 1], vertical_alignment="bottom")
    page = top[0].number_input(f"Page (of {pages:,})", 1, pages, key=page_key, step=1, persist_state="page")
    first = (page - 1) * PAGE_SIZE + 1 if total else 0
    last = first + len(rows) - 1 if total else 0
    top[1].markdown(f"**{total:,}** {'row' if total == 1 else 'rows'} · showing {first:,}–{last:,}")
    for col, hxl in ((top[2], False), (top[3], True)):
        col.download_button(
            "Download HXL CSV" if hxl else "Download CSV",
            data=functools.partial(downloads.build_download, db, table, filters, hxl=hxl),
            file_name=downloads.file_name(table, hxl=hxl),
            mime="text/csv",
            key=f"download_{table}_{'hxl' if hxl else 'csv'}",
            on_click="ignore",
            help="Every filtered row (not only this page)" + (", with an HXL hashtag row" if hxl else ""),
        )
    st.dataframe(rows, hide_index=True, width="stretch", column_config=COLUMN_CONFIG, key=f"table_{table}")
    if table == "articles" or rows.empty:
        return
    labels = {row["id"]: _row_label(table, row) for _, row in rows.iterrows()}
    noun = GROUP_NOUNS.get(table)
    chosen = st.selectbox(
        "Show the evidence of",
        list(labels),
        format_func=lambda rid: labels[rid],
        key=f"evidence_{table}",
        persist_state="page",
        help=f"Every article's report of the {noun}: its sentence highlighted in its article, and why "
        "it was grouped with the first report."
        if noun
        else "The sentence the record was extracted from, highlighted in its article.",
    )
    if not chosen:
        return
    if noun:
        reports = query("group_reports", db, version, table, chosen)
        if reports:
            st.html(evidence.reports_html(reports))
            review_ui.panel(db, version, table, [str(r["id"]) for r in reports])
        return
    rec = query("evidence", db, version, table, chosen)
    if rec:
        st.html(evidence.evidence_html(rec))
        review_ui.panel(db, version, table, [str(chosen)])


def dashboard(db: Path) -> None:
    name = str(db)
    version = queries.file_version(db)
    # a review saved while an ingest swapped the file: apply it now
    if review.catch_up(db, query("review_overview", name, version)["applied_upto"]):
        version = queries.file_version(db)
    values = query("distinct_values", name, version)
    everything = query("summary", name, version, queries.Filters())
    choices = state.Choices(
        donor=list(everything["donor_options"]["value"]),
        recipient=list(everything["recipient_options"]["value"]),
        form=values["aid_forms"],
        status=values["statuses"],
        indicator=values["indicators"],
        bounds=query("date_bounds", name, version),
    )
    filters = sidebar(name, version, choices)

    st.title("aidtracker: aid pledges and people at risk")
    articles = query("table_count", name, version, "articles", queries.Filters())
    updated = dt.datetime.fromtimestamp(version[0] / 1e9).strftime("%Y-%m-%d %H:%M")
    st.caption(
        f"Database {db.name} · {wording.plural(articles, 'article')} · updated {updated}", help=str(db)
    )
    summary = query("summary", name, version, filters)
    # what the database holds, counted as the page counts (each pledge once, or every report)
    stored = query("summary", name, version, queries.Filters(reports=filters.every_report()))
    scope = wording.Scope(
        shown=wording.Counts.of(summary["headline"]), stored=wording.Counts.of(stored["headline"])
    )
    headline(summary, scope, filters)
    review_ui.show_message()
    review_ui.summary(query("review_overview", name, version))
    # Lazy tabs: a tab switch reruns the script, and only the open tab's content (and its queries)
    # runs; the summary above serves every tab. The widgets inside a tab keep their value while it
    # is closed (persist_state="page").
    overview_tab, maps_tab, risk_tab, *table_tabs = st.tabs(
        list(TAB_LABELS), default=TAB_LABELS[0], key=TAB_KEY, on_change="rerun"
    )
    if overview_tab.open:
        with overview_tab:
            overview(name, version, filters, summary, scope)
    if maps_tab.open:
        with maps_tab:
            maps(summary, scope)
    if risk_tab.open:
        with risk_tab:
            risk_and_need(name, version, filters, summary, scope)
    for tab, table in zip(table_tabs, TABLE_LABELS, strict=True):
        if tab.open:
            with tab:
                table_section(name, version, filters, queries.shown_table(table, filters))


def main() -> None:
    st.set_page_config(page_title="aidtracker", page_icon="🌍", layout="wide")
    db = db_path(sys.argv[1:])
    try:
        status = queries.db_status(db)
        if status != "ok":
            friendly_empty_page(db, status)
            return
        dashboard(db)
    except queries.DatabaseBusy:
        st.warning("The database is being updated right now. Refresh in a moment to see the new data.")
        st.button("Refresh")
    except (queries.DatabaseUnreadable, duckdb.Error) as exc:
        # e.g. not a DuckDB file, or one from an older schema: say so instead of a traceback
        st.error(f"{db} cannot be read as an aidtracker database: {exc}")
        st.caption("Rebuild it with:")
        st.code(f"aidtracker ingest PATH --db {db}", language="bash")


if __name__ == "__main__":
    main()
