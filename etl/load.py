"""Write normalized rows into DuckDB: one writer, whole articles per transaction, an atomic swap at the end.

The database file that readers (the dashboard) open is never written in place. An
ingest takes the writer lock `<db>.lock`, copies the database to a temporary file in
the same directory, writes its batches into the copy, checkpoints and closes it,
fsyncs it and renames it over the database with `os.replace`. Readers therefore see
the old file or the new one, never a file being written, and never meet DuckDB's
write lock; a killed ingest leaves the old file and a stale temporary that the next
run removes.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import fcntl
import glob
import os
import shutil
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pyarrow as pa

from etl.normalize import ArticleRows
from etl.records import Rejected

SCHEMA_PATH = Path(__file__).resolve().with_name("schema.sql")
RECORD_TABLES = ("pledges", "risk_figures", "appeals")

# DuckDB column types in schema.sql -> Arrow types for the bulk inserts.
_ARROW_TYPES = {
    "VARCHAR": pa.string(),
    "DOUBLE": pa.float64(),
    "INTEGER": pa.int32(),
    "BIGINT": pa.int64(),
    "DATE": pa.date32(),
    "TIMESTAMP": pa.timestamp("us"),
}

# Errors that say the database itself cannot be written (disk full, file too large,
# I/O failure): the run stops. Any other error in a batch is blamed on its data and
# the batch is retried article by article.
_FATAL = (
    OSError,
    duckdb.IOException,
    duckdb.FatalException,
    duckdb.InternalException,
    duckdb.OutOfMemoryException,
    duckdb.PermissionException,
)


class StoreError(Exception):
    """The database cannot be used: a message for the user, in one line."""


class DatabaseBusy(StoreError):
    """Another ingest holds the writer lock."""


def create_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create the tables of etl/schema.sql where missing (idempotent)."""
    con.execute(SCHEMA_PATH.read_text(encoding="utf-8"))


def arrow_schema(con: duckdb.DuckDBPyConnection, table: str) -> pa.Schema:
    """The Arrow schema of a table as declared in schema.sql, columns in table order."""
    rows = con.execute(
        "SELECT column_name, data_type FROM information_schema.columns "
        "WHERE table_name = ? ORDER BY ordinal_position",
        [table],
    ).fetchall()
    return pa.schema([(name, _ARROW_TYPES[kind]) for name, kind in rows])


def _fsync(path: Path, *, directory: bool = False) -> None:
    fd = os.open(path, os.O_RDONLY | (os.O_DIRECTORY if directory else 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def first_line(error: BaseException) -> str:
    text = str(error).strip() or type(error).__name__
    return text.splitlines()[0]


# What a failed write says, for the errors a user can act on.
_DISK_ERRORS = {
    errno.ENOSPC: "no space left on the device",
    errno.EDQUOT: "disk quota exceeded",
    errno.EFBIG: "file too large for this file system or process limit",
    errno.EROFS: "the file system is read-only",
    errno.EACCES: "permission denied",
}


def _write_error(exc: BaseException, tmp: Path, db: Path) -> str:
    """A one-line reason for a failed write, naming the database rather than its temporary copy."""
    for code, words in _DISK_ERRORS.items():
        if getattr(exc, "errno", None) == code or os.strerror(code) in str(exc):
            return words
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return first_line(exc).replace(str(tmp), str(db))


def temp_prefix(db: Path) -> str:
    """The name prefix of an ingest's temporary copies of `db` (for cleanup and tests)."""
    return f"{db.name}.ingest-"


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()


def _check_path(db: Path) -> None:
    if db.is_dir():
        raise StoreError(f"database path {db} is a directory, not a file")
    if not db.parent.exists():
        raise StoreError(f"cannot create database {db}: directory {db.parent} does not exist")
    if not db.parent.is_dir():
        raise StoreError(f"cannot create database {db}: {db.parent} is not a directory")


@contextlib.contextmanager
def writer_lock(db: Path, *, wait: float = 10.0) -> Iterator[None]:
    """Hold `<db>.lock` (an flock, freed by the kernel if the holder dies), waiting up to `wait` s."""
    lock_path = db.with_name(db.name + ".lock")
    try:
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise StoreError(f"cannot write in {db.parent}: {exc.strerror}") from None
    try:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "?"
                    raise DatabaseBusy(
                        f"another ingest (pid {holder}) is writing {db}; try again when it finishes"
                    ) from None
                time.sleep(0.1)
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode("ascii"), 0)
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the flock


@contextlib.contextmanager
def open_for_ingest(db: Path | str, *, wait: float = 10.0) -> Iterator[duckdb.DuckDBPyConnection]:
    """A connection to a private copy of `db`, swapped in atomically when the block ends without error.

    On an error (or a kill) the database at `db` is left exactly as it was.
    """
    db = Path(db).absolute()
    _check_path(db)
    with writer_lock(db, wait=wait):
        # Holding the lock, any temporary copy still present belongs to a run that died.
        for stale in db.parent.glob(glob.escape(temp_prefix(db)) + "*"):
            _remove(stale)
        tmp = db.with_name(f"{temp_prefix(db)}{os.getpid()}.tmp")
        wal = db.with_name(db.name + ".wal")
        con = None
        replaced = False
        try:
            try:
                if db.exists():
                    shutil.copyfile(db, tmp)
                    shutil.copymode(db, tmp)  # the swapped-in file keeps the permissions it had
                    if wal.exists():  # left by a writer other than aidtracker: replayed on open
                        shutil.copyfile(wal, tmp.with_name(tmp.name + ".wal"))
                try:
                    con = duckdb.connect(str(tmp))
                except duckdb.Error as exc:
                    # DuckDB names the copy it opened; the user knows the file by its own name.
                    reason = first_line(exc).replace(str(tmp), str(db))
                    raise StoreError(f"cannot open database {db}: {reason}") from None
                create_schema(con)
                yield con
                con.execute("CHECKPOINT")
                con.close()
                con = None
                _fsync(tmp)
                os.replace(tmp, db)
                replaced = True
                _fsync(db.parent, directory=True)
            except (OSError, duckdb.Error) as exc:
                if replaced:
                    raise StoreError(
                        f"wrote {db} but could not sync its directory: {_write_error(exc, tmp, db)}"
                    ) from None
                reason = _write_error(exc, tmp, db)
                raise StoreError(f"cannot write {db}: {reason}; the database was left unchanged") from None
            # The new file already holds what a foreign WAL had; replaying it again would corrupt it.
            if wal.exists():
                wal.unlink()
        finally:
            if con is not None:
                with contextlib.suppress(duckdb.Error):
                    con.close()
            for leftover in db.parent.glob(glob.escape(f"{temp_prefix(db)}{os.getpid()}.tmp") + "*"):
                _remove(leftover)


@dataclass
class BatchResult:
    """What one write stored: article counts, record counts, and the rejected rows it appended."""

    new: int = 0
    updated: int = 0
    pledges: int = 0
    risk_figures: int = 0
    appeals: int = 0
    rejected: tuple[Rejected, ...] = ()  # every rejected row written, refused articles included


class Writer:
    """Writes batches of articles into an open connection, each batch in one transaction."""

    def __init__(self, con: duckdb.DuckDBPyConnection, ingested_at: dt.datetime) -> None:
        self.con = con
        self.ingested_at = ingested_at
        self.schemas = {t: arrow_schema(con, t) for t in ("articles", *RECORD_TABLES, "rejected")}

    def known_hashes(self, article_ids: Sequence[str]) -> dict[str, str]:
        """article_id -> content_sha256 for those of the ids already stored."""
        if not article_ids:
            return {}
        ids = pa.table({"article_id": pa.array(list(article_ids), pa.string())})
        with self._registered("_aidtracker_ids", ids):
            rows = self.con.execute(
                "SELECT article_id, content_sha256 FROM articles "
                "WHERE article_id IN (SELECT article_id FROM _aidtracker_ids)"
            ).fetchall()
        return dict(rows)

    @contextlib.contextmanager
    def _registered(self, name: str, table: pa.Table) -> Iterator[None]:
        """`table` visible to SQL as `name` for the block."""
        self.con.register(name, table)
        try:
            yield
        finally:
            # In an aborted transaction unregistering fails too; that error would hide the real one.
            with contextlib.suppress(duckdb.Error):
                self.con.unregister(name)

    def _table(self, name: str, rows: list[dict]) -> pa.Table:
        schema = self.schemas[name]
        return pa.table({f.name: pa.array([r[f.name] for r in rows], f.type) for f in schema}, schema=schema)

    def _insert(self, name: str, rows: list[dict]) -> None:
        if not rows:
            return
        view = f"_aidtracker_new_{name}"
        with self._registered(view, self._table(name, rows)):
            self.con.execute(f"INSERT INTO {name} SELECT * FROM {view}")

    def _write(self, batch: Sequence[ArticleRows], rejected: Sequence[Rejected]) -> BatchResult:
        articles = [{**item.article, "ingested_at": self.ingested_at} for item in batch]
        result = BatchResult()
        ids = [a["article_id"] for a in articles]
        self.con.execute("BEGIN TRANSACTION")
        try:
            existing = set(self.known_hashes(ids))
            if existing:
                # Replace, not duplicate: an updated article's old records go first.
                old = pa.table({"article_id": pa.array(sorted(existing), pa.string())})
                with self._registered("_aidtracker_old", old):
                    for table in (*RECORD_TABLES, "articles"):
                        self.con.execute(
                            f"DELETE FROM {table} "
                            "WHERE article_id IN (SELECT article_id FROM _aidtracker_old)"
                        )
            self._insert("articles", articles)
            for table in RECORD_TABLES:
                rows = [row for item in batch for row in getattr(item, table)]
                self._insert(table, rows)
                setattr(result, table, len(rows))
            self._reject(rejected)
            self.con.execute("COMMIT")
        except BaseException:
            with contextlib.suppress(duckdb.Error):
                self.con.execute("ROLLBACK")
            raise
        result.updated = len(existing)
        result.new = len(ids) - len(existing)
        result.rejected = tuple(rejected)
        return result

    def _reject(self, rejected: Sequence[Rejected]) -> None:
        """Log rejected inputs; the same input rejected for the same reason again only moves its time."""
        if not rejected:
            return
        rows = [{"source": r.source, "reason": r.reason, "seen_at": self.ingested_at} for r in rejected]
        with self._registered("_aidtracker_rejected", self._table("rejected", rows)):
            self.con.execute(
                "DELETE FROM rejected "
                "WHERE (source, reason) IN (SELECT (source, reason) FROM _aidtracker_rejected)"
            )
            self.con.execute("INSERT INTO rejected SELECT DISTINCT * FROM _aidtracker_rejected")

    def write(self, batch: Sequence[ArticleRows], rejected: Sequence[Rejected] = ()) -> BatchResult:
        """Store whole articles (replacing stored versions) and rejected inputs, in one transaction.

        If the database refuses the batch for its data (a constraint, a value it cannot
        convert), each article is retried alone and the ones still refused are
        returned, and stored, as rejected; errors of the file itself propagate.
        """
        dropped = [Rejected(item.origin, reason) for item in batch for reason in item.dropped]
        try:
            return self._write(batch, [*rejected, *dropped])
        except _FATAL:
            raise
        except (duckdb.Error, pa.ArrowException, ValueError, TypeError):
            pass
        total = BatchResult()
        written: list[Rejected] = []
        refused: list[Rejected] = []
        for item in batch:
            try:
                part = self._write([item], [Rejected(item.origin, r) for r in item.dropped])
            except _FATAL:
                raise
            except (duckdb.Error, pa.ArrowException, ValueError, TypeError) as exc:
                refused.append(Rejected(item.origin, f"could not be stored: {first_line(exc)}"))
                continue
            written.extend(part.rejected)
            for field in ("new", "updated", *RECORD_TABLES):
                setattr(total, field, getattr(total, field) + getattr(part, field))
        written.extend(self._write([], [*rejected, *refused]).rejected)
        total.rejected = tuple(written)
        return total
