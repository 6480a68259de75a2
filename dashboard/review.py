"""Who may change data from the dashboard, and the one function that saves a review.

Served on this machine only (127.0.0.1, localhost, ::1: the default) anyone at the page may
review. Served on any other address the page is read-only unless an edit password was set up
(`aidtracker dashboard --edit-password-file PATH`, or $AIDTRACKER_EDIT_PASSWORD): then a browser
session may review once it gave that password. A password set up is asked on this machine too
(behind a reverse proxy every visitor comes from 127.0.0.1). `aidtracker dashboard` passes the mode to the
Streamlit process in its environment ($AIDTRACKER_REVIEW_MODE); it is read at run time.

Every write goes through `save`, which refuses unless `can_edit()`: a request forged to look
like a click on a widget the page never rendered writes nothing either.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import streamlit as st

from aidtracker.dashboard.access import (
    LOCAL,
    MODE_ENV,
    MODES,
    PASSWORD,
    PASSWORD_ENV,
    PASSWORD_FILE_ENV,
    READ_ONLY,
    is_loopback,
    mode_for,
    password,
)
from aidtracker.etl import load, pipeline, reviews

__all__ = [
    "LOCAL",
    "MODES",
    "MODE_ENV",
    "PASSWORD",
    "PASSWORD_ENV",
    "PASSWORD_FILE_ENV",
    "READ_ONLY",
    "can_edit",
    "catch_up",
    "is_loopback",
    "mode",
    "mode_for",
    "password",
    "save",
    "unlock",
]

# session-state keys: the proof a session gave the password; the reviewer's name
UNLOCK_KEY = "_review_unlock"
REVIEWER_KEY = "reviewer_name"
# how long a save waits for a running ingest before leaving the review to it
REFRESH_WAIT = 5.0


class EditingNotAllowed(PermissionError):
    """This session may not change data: the page is read-only, or the password was not given."""


def mode(environ: Mapping[str, str] | None = None) -> str:
    """This server's review mode, read now: as `aidtracker dashboard` set it, else from the
    address Streamlit listens on (a password mode without a password is read-only)."""
    env = os.environ if environ is None else environ
    host = st.get_option("server.address")
    chosen = env.get(MODE_ENV) or ""
    if chosen not in MODES:
        chosen = mode_for(host, password(env) is not None)
    if chosen == LOCAL and host and not is_loopback(host):
        # listening beyond this machine after all: never open to anyone
        chosen = PASSWORD
    if chosen == PASSWORD and password(env) is None:
        return READ_ONLY
    return chosen


def _token(secret: str) -> str:
    return hashlib.sha256(b"aidtracker edit password\0" + secret.encode("utf-8")).hexdigest()


def unlock(attempt: str) -> bool:
    """Whether `attempt` is the edit password; if so this browser session may review from now on."""
    secret = password()
    if mode() != PASSWORD or secret is None:
        return False
    if not hmac.compare_digest(attempt.encode("utf-8"), secret.encode("utf-8")):
        return False
    st.session_state[UNLOCK_KEY] = _token(secret)
    return True


def can_edit() -> bool:
    """Whether this browser session may change data (the one check every write goes through)."""
    chosen = mode()
    if chosen == LOCAL:
        return True
    if chosen != PASSWORD:
        return False
    secret = password()
    token = st.session_state.get(UNLOCK_KEY)
    # the proof is the password's hash: a changed password locks every session again
    return secret is not None and isinstance(token, str) and hmac.compare_digest(token, _token(secret))


@dataclass(frozen=True)
class Saved:
    """A stored review, and whether the database shows it yet, in words for the reviewer."""

    review: reviews.Review
    applied: bool
    message: str


def save(db: str | Path, review: reviews.Review, *, wait: float = REFRESH_WAIT) -> Saved:
    """Store a review beside the database, then apply every review in force (pipeline.refresh).

    Raises EditingNotAllowed, writing nothing, when this session may not change data, and
    reviews.ReviewError (with the reason for the user) when the review cannot be stored. A
    review saved while an ingest holds the database is kept: that ingest, or the next refresh,
    applies it.
    """
    if not can_edit():
        raise EditingNotAllowed("This dashboard is read-only: reviews cannot be saved from this session.")
    with reviews.ReviewStore.beside(db) as store:
        saved = store.save(review)
    noun = {"confirm": "confirmation", "reject": "rejection", "correct": "correction", "add": "addition"}
    what = f"{noun.get(review.action, review.action)} of the {review.kind.replace('_', ' ')}"
    try:
        pipeline.refresh(db, wait=wait)
    except load.DatabaseBusy:
        return Saved(
            saved,
            False,
            f"Saved the {what}. An ingest is updating the database right now: it applies the "
            "review, and the charts show it once that is done.",
        )
    except (load.StoreError, OSError) as exc:
        return Saved(saved, False, f"Saved the {what}, but the database could not be updated yet: {exc}")
    return Saved(saved, True, f"Saved the {what} #{saved.review_id}; every chart and table now shows it.")


def catch_up(db: str | Path, applied_upto: int, *, wait: float = 0.5) -> bool:
    """Apply the reviews the database lacks (one saved while an ingest swapped the file); True
    when it refreshed. Never raises: a busy or read-only database is left for the next run."""
    path = reviews.store_path(Path(db))
    if not path.exists():
        return False
    try:
        with reviews.ReviewStore(path) as store:
            newest = store.last_id()
        if newest <= applied_upto:
            return False
        pipeline.refresh(db, wait=wait)
    except (load.DatabaseBusy, load.StoreError, OSError, sqlite3.Error):
        return False
    return True
