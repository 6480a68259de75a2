"""The review widgets: confirm, reject, correct or add a fact from its evidence, and who reviews.

Nothing here writes: every review goes through review.save, which checks the session may edit.
The widgets that lead to a write are rendered only when review.can_edit() says so.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

import pandas as pd
import streamlit as st

from aidtracker.dashboard import queries, review, wording
from aidtracker.dashboard.data import query
from aidtracker.etl import reviews
from aidtracker.etl.sentences import split_sentences

ACTION_LABELS = {"confirm": "Confirm", "reject": "Reject", "correct": "Correct", "add": "Add a missed fact"}
KIND_OF_TABLE = {table: kind for kind, (table, _) in reviews.TABLES.items()}
KIND_LABELS = {"pledge": "Pledge", "risk_figure": "Risk figure", "appeal": "Appeal"}
# the record table a shown table's evidence comes from (a group's reports are records)
RECORD_TABLE = {**{table: table for table in queries.GROUPS}, **{g: t for t, g in queries.GROUPS.items()}}
FIELD_LABELS = {
    "donor": "Donor",
    "donor_iso3": "Donor country (ISO3)",
    "recipient_iso3": "Recipient country (ISO3)",
    "amount": "Amount",
    "unit": "Unit (USD, EUR… or tonnes)",
    "status": "Status",
    "announced_on": "Announced on (YYYY-MM-DD)",
    "commodity": "Commodity",
    "country_iso3": "Country (ISO3)",
    "people": "People",
    "indicator": "Indicator",
    "as_of": "As of (YYYY-MM-DD)",
    "organization": "Organization",
}
CHOICE_FIELDS = {"status": reviews.STATUSES, "indicator": reviews.INDICATORS}
MESSAGE_KEY = "_review_message"
SNIPPET = 110  # characters of a sentence shown in the sentence picker


def shown(value: Any) -> str:
    """A field's value as the review form shows it.

    >>> shown(15000000.0), shown(1.5), shown(None), shown(float("nan")), shown(dt.date(2024, 1, 2))
    ('15000000', '1.5', '', '', '2024-01-02')
    """
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NaT:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _plain(value: Any) -> Any:
    """A value as the review's `before` keeps it (JSON-friendly)."""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def sidebar_controls() -> None:
    """The sidebar's review part: the reviewer's name, or the password form, or a read-only note."""
    sb = st.sidebar
    chosen = review.mode()
    if chosen == review.READ_ONLY:
        sb.caption("Read-only: facts cannot be reviewed on this server.")
        return
    sb.subheader("Reviewing")
    if chosen == review.PASSWORD and not review.can_edit():
        with sb.form("review_unlock", border=False):
            attempt = st.text_input("Edit password", type="password", key="review_password")
            unlocked = st.form_submit_button("Start reviewing", key="review_unlock_submit")
        if unlocked:
            if review.unlock(attempt or ""):
                st.rerun()
            sb.error("That is not the edit password.")
        return
    sb.text_input(
        "Your name",
        key=review.REVIEWER_KEY,
        max_chars=80,
        placeholder="Recorded with each review",
        help="Kept for this browser session and stored with every review you make.",
    )


def show_message() -> None:
    """The outcome of the last save (kept across the rerun that shows its effect)."""
    found = st.session_state.pop(MESSAGE_KEY, None)
    if found:
        level, text = found
        (st.success if level == "ok" else st.warning)(text, icon="✅" if level == "ok" else "⏳")


def _submit(db: str, r: reviews.Review) -> None:
    try:
        saved = review.save(db, r)
    except reviews.ReviewError as exc:
        st.error(f"Not saved: {exc}")
        return
    except review.EditingNotAllowed as exc:
        st.error(str(exc))
        return
    st.session_state[MESSAGE_KEY] = ("ok" if saved.applied else "wait", saved.message)
    st.rerun()


def _review(kind: str, rec: dict[str, Any], action: str, **more: Any) -> reviews.Review:
    return reviews.Review(
        kind=kind,
        record_id=str(rec["id"]),
        article_id=str(rec["article_id"]),
        content_sha256=str(rec.get("content_sha256") or ""),
        action=action,
        reviewer=str(st.session_state.get(review.REVIEWER_KEY) or ""),
        **more,
    )


def status_line(rec: dict[str, Any]) -> str:
    """How a record stands: who reviewed it when, or that no one has."""
    status = rec.get("review_status")
    if not status or pd.isna(status):
        return f"Not reviewed yet · id {rec['id']}"
    at = rec.get("reviewed_at")
    when = f" on {at:%Y-%m-%d %H:%M}" if isinstance(at, dt.datetime) else ""
    dup = rec.get("duplicate_of")
    extra = f", a duplicate of {dup}" if dup and not pd.isna(dup) else ""
    return f"{str(status).capitalize()} by {rec.get('reviewed_by')}{when}{extra} · id {rec['id']}"


def panel(db: str, version: tuple[int, int, int], table: str, ids: list[str]) -> None:
    """The review controls under a record's evidence (`ids`: the record, or a group's reports)."""
    if not review.can_edit() or not ids:
        return
    record_table = RECORD_TABLE[table]
    kind = KIND_OF_TABLE[record_table]
    with st.container(border=True, key=f"review_{table}"):
        st.markdown("**Review**")
        rid = ids[0]
        if len(ids) > 1:
            picked = st.selectbox(
                "Report to review",
                ids,
                format_func=lambda i: f"Report {ids.index(i) + 1} of {len(ids)}",
                key=f"review_report_{table}",
            )
            rid = picked or rid
        rec = query("review_record", db, version, record_table, rid)
        if rec is None:
            st.caption("This report is no longer in the database.")
            return
        st.caption(status_line(rec))
        action = st.radio(
            "Action",
            list(ACTION_LABELS),
            format_func=lambda a: ACTION_LABELS[a],
            horizontal=True,
            key=f"review_action_{table}",
        )
        if action == "confirm":
            st.caption("The extractor got every field right.")
            if st.button("Confirm", key=f"review_confirm_{table}", type="primary"):
                _submit(db, _review(kind, rec, "confirm"))
        elif action == "reject":
            _reject(db, version, table, record_table, kind, rec)
        elif action == "correct":
            _correct(db, table, kind, rec)
        else:
            _add(db, table, kind, rec)


def _reject(
    db: str, version: tuple[int, int, int], table: str, record_table: str, kind: str, rec: dict[str, Any]
) -> None:
    reason = st.selectbox("Why", reviews.REJECT_REASONS, key=f"review_reason_{table}")
    after: dict[str, Any] = {}
    if reason == "duplicate":
        others = query("duplicate_candidates", db, version, record_table, str(rec["id"]))
        if others.empty:
            st.caption("No other report of this country to point to: it is rejected as a duplicate alone.")
        else:
            labels = {
                row["id"]: " · ".join(
                    shown(row[c]) for c in ("date", "who", "place", "amount", "unit") if shown(row[c])
                )
                + f" · {row['id']}"
                for _, row in others.iterrows()
            }
            dup = st.selectbox(
                "The report it repeats",
                list(labels),
                format_func=lambda i: labels[i],
                key=f"review_duplicate_{table}",
                help="It joins that report's group and counts as one more report of it.",
            )
            if dup:
                after["duplicate_of"] = dup
    if st.button("Reject", key=f"review_reject_{table}", type="primary"):
        _submit(db, _review(kind, rec, "reject", reason=reason, after=after))


def _field(name: str, value: str, key: str) -> str:
    label = FIELD_LABELS.get(name, name)
    if name in CHOICE_FIELDS:
        options = ["", *CHOICE_FIELDS[name]]
        picked = st.selectbox(label, options, index=options.index(value) if value in options else 0, key=key)
        return str(picked or "")
    return str(st.text_input(label, value=value, key=key, max_chars=reviews.MAX_TEXT) or "")


def _correct(db: str, table: str, kind: str, rec: dict[str, Any]) -> None:
    rid = str(rec["id"])
    old = {name: shown(rec.get(name)) for name in reviews.FIELDS[kind]}
    with st.form(f"review_correct_{table}_{rid}", border=False):
        new = {name: _field(name, old[name], f"review_fix_{name}_{rid}") for name in reviews.FIELDS[kind]}
        submitted = st.form_submit_button(
            "Save correction", key=f"review_correct_save_{table}", type="primary"
        )
    if submitted:
        changed = {name: value for name, value in new.items() if value.strip() != old[name]}
        before = {name: _plain(rec.get(name)) for name in changed}
        _submit(db, _review(kind, rec, "correct", before=before, after=changed))


def _add(db: str, table: str, kind: str, rec: dict[str, Any]) -> None:
    text = str(rec.get("text") or "")
    spans = split_sentences(text)
    if not spans:
        st.caption("The article has no text to take a sentence from.")
        return
    here = rec.get("span_start")
    start = next((i for i, (a, b) in enumerate(spans) if here is not None and a <= here < b), 0)
    rid = str(rec["id"])
    which = st.selectbox(
        "Sentence stating the fact",
        range(len(spans)),
        index=start,
        format_func=lambda i: _snippet(text[spans[i][0] : spans[i][1]]),
        key=f"review_add_sentence_{table}_{rid}",
    )
    new_kind = st.selectbox(
        "Kind of fact",
        reviews.KINDS,
        index=reviews.KINDS.index(kind),
        format_func=lambda k: KIND_LABELS[k],
        key=f"review_add_kind_{table}",
    )
    new_kind = new_kind or kind
    span = spans[which if which is not None else start]
    with st.form(f"review_add_{table}_{new_kind}", border=False):
        values = {
            name: _field(name, "", f"review_add_{new_kind}_{name}") for name in reviews.FIELDS[new_kind]
        }
        submitted = st.form_submit_button("Add fact", key=f"review_add_save_{table}", type="primary")
    if submitted:
        after = {name: value for name, value in values.items() if value.strip()}
        try:
            cleaned = reviews.clean_fields(new_kind, after)
        except reviews.ReviewError as exc:
            st.error(f"Not saved: {exc}")
            return
        added = reviews.added_record_id(str(rec["article_id"]), new_kind, span, cleaned)
        r = _review(new_kind, {**rec, "id": added}, "add", after=after, span=span)
        _submit(db, r)


def _snippet(sentence: str) -> str:
    sentence = " ".join(sentence.split())
    return sentence if len(sentence) <= SNIPPET else sentence[: SNIPPET - 1] + "…"


def summary(overview: dict[str, Any]) -> None:
    """The share of facts reviewed and the extractor's precision as analysts see it, and every
    review that was not applied (so none is silently dropped)."""
    extracted, reviewed = overview["extracted"], overview["reviewed"]
    with st.container(key="review_summary"):
        added = overview["added"]
        if reviewed or added:
            share, precision = overview["reviewed_share"] or 0.0, overview["precision"]
            parts = [f"Reviewed: {reviewed:,} of {extracted:,} extracted facts ({share:.1%})"]
            if precision is not None:
                parts.append(
                    f"confirmed unchanged: {overview['confirmed']:,} of {reviewed:,} ({precision:.0%}), "
                    "the extractor's precision as reviewers see it"
                )
            if added:
                parts.append(f"{wording.plural(added, 'fact')} added by reviewers")
            st.caption(
                " · ".join(parts),
                help="Corrected and rejected facts count against the precision; facts reviewers added "
                "are ones the extractor missed. Over the whole database, whatever the filters.",
            )
        look = overview["needs_a_look"]
        if len(look):
            n = len(look)
            st.warning(
                f"{wording.plural(n, 'review')} could not be applied and need{'s' if n == 1 else ''} "
                "a look: the article changed or the fact is no longer extracted.",
                icon="⚠️",
            )
            with st.expander("Reviews that need a look"):
                st.dataframe(look, hide_index=True, width="stretch", key="review_needs_a_look")
