"""Which DuckDB file a command uses: `--db`, else $AIDTRACKER_DB, else ./data/aidtracker.duckdb."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

ENV_VAR = "AIDTRACKER_DB"
# Relative to the folder the command runs from, so an installed aidtracker never writes into site-packages.
DEFAULT_RELATIVE = Path("data") / "aidtracker.duckdb"
DEFAULT_WHY = "the default, in the current folder"


def choose(flag: str | Path | None, environ: Mapping[str, str] | None = None) -> tuple[Path, str]:
    """The absolute database path, and why it is that one (for the user).

    >>> choose("x.duckdb", {})[1], choose(None, {"AIDTRACKER_DB": "/tmp/a.duckdb"})
    ('from --db', (PosixPath('/tmp/a.duckdb'), 'from $AIDTRACKER_DB'))
    >>> choose(None, {})[0] == Path.cwd() / "data" / "aidtracker.duckdb"
    True
    """
    env = os.environ if environ is None else environ
    if flag not in (None, ""):
        raw, why = Path(flag), "from --db"
    elif env.get(ENV_VAR):
        raw, why = Path(env[ENV_VAR]), f"from ${ENV_VAR}"
    else:
        raw, why = DEFAULT_RELATIVE, DEFAULT_WHY
    return Path(os.path.abspath(raw.expanduser())), why
