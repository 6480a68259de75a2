"""Who may review from a dashboard, decided without Streamlit: the review modes, the address a
server listens on, and where the edit password is read from (the `aidtracker dashboard`
command and the page both ask here)."""

from __future__ import annotations

import ipaddress
import os
from collections.abc import Mapping

MODE_ENV = "AIDTRACKER_REVIEW_MODE"
PASSWORD_ENV = "AIDTRACKER_EDIT_PASSWORD"
PASSWORD_FILE_ENV = "AIDTRACKER_EDIT_PASSWORD_FILE"
LOCAL, PASSWORD, READ_ONLY = "local", "password", "read-only"
MODES = (LOCAL, PASSWORD, READ_ONLY)
# the longest password file read (a password is a line)
MAX_PASSWORD_BYTES = 4096


def is_loopback(host: str | None) -> bool:
    """Whether `host` only accepts connections from this machine.

    >>> is_loopback("127.0.0.1"), is_loopback("localhost"), is_loopback("::1"), is_loopback("0.0.0.0")
    (True, True, True, False)
    >>> is_loopback(""), is_loopback(None), is_loopback("10.0.0.5")
    (False, False, False)
    """
    if not host:
        return False  # Streamlit's default: every address
    if host.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip().strip("[]")).is_loopback
    except ValueError:
        return False


def mode_for(host: str | None, has_password: bool) -> str:
    """The review mode of a dashboard served on `host`: an edit password, once set up, is asked
    even on this machine (where a reverse proxy may bring every visitor in).

    >>> mode_for("127.0.0.1", False), mode_for("0.0.0.0", True), mode_for("0.0.0.0", False)
    ('local', 'password', 'read-only')
    >>> mode_for("127.0.0.1", True)
    'password'
    """
    if has_password:
        return PASSWORD
    return LOCAL if is_loopback(host) else READ_ONLY


def password(environ: Mapping[str, str] | None = None) -> str | None:
    """The edit password: the first line of $AIDTRACKER_EDIT_PASSWORD_FILE, else
    $AIDTRACKER_EDIT_PASSWORD; None when neither gives one (or the file cannot be read)."""
    env = os.environ if environ is None else environ
    path = env.get(PASSWORD_FILE_ENV)
    if path:
        try:
            with open(path, "rb") as f:
                data = f.read(MAX_PASSWORD_BYTES)
            text = data.decode("utf-8").splitlines()[0].strip() if data.strip() else ""
        except (OSError, UnicodeDecodeError, IndexError):
            return None
        return text or None
    return env.get(PASSWORD_ENV) or None
