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

import concurrent.futures
import contextlib
import datetime as dt
import errno
import fcntl
import functools
import glob
import itertools
import os
import shutil
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.compute as pc

from aidtracker.etl.idmap import IdMap
from aidtracker.etl.normalize import ArticleRows
from aidtracker.etl.records import Rejected

SCHEMA_PATH = resources.files("aidtracker.etl") / "schema.sql"
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

# The WAL size at which DuckDB checkpoints the private copy by itself (its default is 16 MiB).
INGEST_CHECKPOINT_THRESHOLD = "128MB"
# DuckDB's buffer pool on the private copy, in bytes: it spills to a temporary folder beyond
# this, so a long ingest's memory stays bounded (DuckDB's default is 80% of RAM). DuckDB pins an
# insert's rows until it commits (a 309 MiB insert of long texts needed 350 MiB), so a writer
# raises the limit for a larger transaction (`Writer._make_room`): very long articles still load.
INGEST_MEMORY_LIMIT = 256 * 1024 * 1024

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


def check_path(db: Path) -> None:
    """StoreError unless `db` can be a database file: not a folder, in a folder that exists."""
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
    check_path(db)
    with writer_lock(db, wait=wait):
        # Holding the lock, any temporary copy still present belongs to a run that died.
        for stale in db.parent.glob(glob.escape(temp_prefix(db)) + "*"):
            _remove(stale)
        tmp = db.with_name(f"{temp_prefix(db)}{os.getpid()}.tmp")
        wal = db.with_name(db.name + ".wal")
        con = None
        key: int | None = None  # of con in _INGESTS
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
                # Nobody reads the copy before the swap and its end is one CHECKPOINT anyway:
                # DuckDB's checkpoints along the way would be wasted work.
                con.execute(f"SET checkpoint_threshold = '{INGEST_CHECKPOINT_THRESHOLD}'")
                con.execute(f"SET memory_limit = '{INGEST_MEMORY_LIMIT}B'")
                create_schema(con)
                key = id(con)
                _INGESTS[key] = []
                yield con
                for writer in _INGESTS[key]:
                    writer.finish()
                for writer in _INGESTS.pop(key):
                    writer.close()
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
            for writer in _INGESTS.pop(key, []) if key is not None else []:
                writer.close()  # its thread must stop writing before the file is removed
            if con is not None:
                with contextlib.suppress(duckdb.Error):
                    con.close()
            for leftover in db.parent.glob(glob.escape(f"{temp_prefix(db)}{os.getpid()}.tmp") + "*"):
                _remove(leftover)


@functools.cache
def table_schemas() -> dict[str, pa.Schema]:
    """The Arrow schema of each table of schema.sql, read from DuckDB itself (once per process)."""
    con = duckdb.connect()
    try:
        create_schema(con)
        return {t: arrow_schema(con, t) for t in ("articles", *RECORD_TABLES, "rejected")}
    finally:
        con.close()


# Errors of converting rows to Arrow: a value of the wrong type or out of range.
_CONVERSION = (pa.ArrowException, ValueError, TypeError, OverflowError)


@dataclass(frozen=True)
class Batch:
    """Whole articles as Arrow tables, each table's rows grouped by article in article order.

    Built where the articles were extracted (a worker process) by `to_batch`, so the single
    writer receives ready columns: converting rows to Arrow is most of the Python work of a load.
    `articles` lacks `ingested_at`, which the writer stamps.
    """

    articles: pa.Table
    records: dict[str, pa.Table]  # pledges, risk_figures, appeals
    sizes: dict[str, tuple[int, ...]]  # table -> its row count of each article, in order
    origins: tuple[str, ...]  # each article's input, for messages
    dropped: tuple[tuple[str, ...], ...]  # each article's facts that could not be stored, in words

    def __len__(self) -> int:
        return self.articles.num_rows

    @property
    def nbytes(self) -> int:
        return self.articles.nbytes + sum(t.nbytes for t in self.records.values())

    @functools.cached_property
    def ids(self) -> list[str]:
        """The articles' ids, in order (computed once: every write asks for them)."""
        return self.articles.column("article_id").to_pylist()

    @functools.cached_property
    def _starts(self) -> dict[str, list[int]]:
        """Each table's first row of each article."""
        return {name: [0, *itertools.accumulate(sizes)] for name, sizes in self.sizes.items()}

    def article(self, index: int) -> Batch:
        """The batch of the index-th article alone."""
        records = {
            name: table.slice(self._starts[name][index], self.sizes[name][index])
            for name, table in self.records.items()
        }
        return Batch(
            self.articles.slice(index, 1),
            records,
            {name: (sizes[index],) for name, sizes in self.sizes.items()},
            (self.origins[index],),
            (self.dropped[index],),
        )

    @staticmethod
    def concat(batches: Sequence[Batch]) -> Batch:
        """One batch of the batches' articles, in order (the columns are not copied)."""
        if len(batches) == 1:
            return batches[0]
        if not batches:
            return to_batch([])
        return Batch(
            pa.concat_tables([b.articles for b in batches]),
            {name: pa.concat_tables([b.records[name] for b in batches]) for name in RECORD_TABLES},
            {name: tuple(n for b in batches for n in b.sizes[name]) for name in RECORD_TABLES},
            tuple(o for b in batches for o in b.origins),
            tuple(d for b in batches for d in b.dropped),
        )


def to_batch(items: Sequence[ArticleRows]) -> Batch:
    """Normalized articles -> a Batch (pure). Raises an Arrow, Value or Type error for a value
    its column cannot hold; `to_batches` sets such articles apart instead."""
    schemas = table_schemas()
    articles = pa.schema([f for f in schemas["articles"] if f.name != "ingested_at"])
    records = {}
    for name in RECORD_TABLES:
        rows = [row for item in items for row in getattr(item, name)]
        records[name] = pa.Table.from_pylist(rows, schema=schemas[name])
    return Batch(
        pa.Table.from_pylist([item.article for item in items], schema=articles),
        records,
        {name: tuple(len(getattr(item, name)) for item in items) for name in RECORD_TABLES},
        tuple(item.origin for item in items),
        tuple(item.dropped for item in items),
    )


def to_batches(items: Sequence[ArticleRows]) -> tuple[Batch, list[Rejected]]:
    """The articles that convert as a Batch, and the ones that do not as rejected, with the reason."""
    try:
        return to_batch(items), []
    except _CONVERSION:
        pass
    good: list[ArticleRows] = []
    refused: list[Rejected] = []
    for item in items:
        try:
            to_batch([item])
        except _CONVERSION as exc:
            refused.append(Rejected(item.origin, f"could not be stored: {first_line(exc)}"))
        else:
            good.append(item)
    return to_batch(good), refused


@dataclass
class BatchResult:
    """What one write stored: article counts, record counts, and the rejected rows it appended."""

    new: int = 0
    updated: int = 0
    pledges: int = 0
    risk_figures: int = 0
    appeals: int = 0
    rejected: tuple[Rejected, ...] = ()  # every rejected row written, refused articles included


@dataclass(frozen=True)
class _Rules:
    """A table's constraints as DuckDB declares them (from schema.sql), checked before buffering."""

    key: str | None
    not_null: tuple[str, ...]
    checks: tuple[tuple[str, tuple[str, ...]], ...]  # (expression, the columns it reads)


def _rules(con: duckdb.DuckDBPyConnection, table: str) -> _Rules:
    rows = con.execute(
        "SELECT constraint_type, expression, constraint_column_names FROM duckdb_constraints() "
        "WHERE table_name = ? AND database_name = current_database() AND schema_name = current_schema()",
        [table],
    ).fetchall()
    keys = [cols[0] for kind, _, cols in rows if kind == "PRIMARY KEY" and len(cols) == 1]
    return _Rules(
        key=keys[0] if keys else None,
        not_null=tuple(cols[0] for kind, _, cols in rows if kind == "NOT NULL"),
        checks=tuple((expr, tuple(cols)) for kind, expr, cols in rows if kind == "CHECK"),
    )


# Values a one-column CHECK has accepted are remembered (they are few: statuses, confidences),
# so most batches need no query; past this many the writer just asks DuckDB each time.
_PASSED_LIMIT = 100_000


class _Refused(Exception):
    """A batch breaks a constraint: it goes the careful way, article by article."""


# Buffered rows are inserted once this many bytes of Arrow data wait: DuckDB appends big
# inserts straight into row groups of the file, while each small transaction pays for its
# own WAL records and index merge (1,000-article batches cost 2-3x the rows' bulk insert).
# One buffer is being inserted while the next fills, so a writer holds up to twice this,
# plus what a flush holds back (HOLD_BYTES a table at most).
BUFFER_BYTES = 32 * 1024 * 1024
# Of a table's rows past its last whole row group, a flush holds back at most this many bytes.
# Measured (bench/run.py, 2 cores): 32 MB loads 1,000,000 pledges in about 3.4 s but an ingest of
# 100,000 articles peaks at 1,039 MiB; 8 MB gives 4.4 s and 832 MiB.
HOLD_BYTES = 8 * 1024 * 1024

# Rows per row group of a DuckDB table (its fixed default, which aidtracker keeps).
ROW_GROUP_ROWS = 122_880

# The connections open_for_ingest handed out, with the writers to finish before the swap.
_INGESTS: dict[int, list[Writer]] = {}


@contextlib.contextmanager
def _registered(con: duckdb.DuckDBPyConnection, name: str, table: pa.Table) -> Iterator[None]:
    """`table` visible to SQL on `con` as `name` for the block."""
    con.register(name, table)
    try:
        yield
    finally:
        # In an aborted transaction unregistering fails too; that error would hide the real one.
        with contextlib.suppress(duckdb.Error):
            con.unregister(name)


def _insert(con: duckdb.DuckDBPyConnection, name: str, table: pa.Table) -> None:
    if not table.num_rows:
        return
    view = f"_aidtracker_new_{name}"
    with _registered(con, view, table):
        con.execute(f"INSERT INTO {name} SELECT * FROM {view}")


def _delete(con: duckdb.DuckDBPyConnection, ids: Iterable[str]) -> None:
    """Delete the stored articles `ids` and their records: replace, not duplicate."""
    old = pa.table({"article_id": pa.array(sorted(set(ids)), pa.string())})
    if not old.num_rows:
        return
    with _registered(con, "_aidtracker_old", old):
        for table in (*RECORD_TABLES, "articles"):
            con.execute(f"DELETE FROM {table} WHERE article_id IN (SELECT article_id FROM _aidtracker_old)")


def _reject(con: duckdb.DuckDBPyConnection, rows: pa.Table) -> None:
    """Log rejected inputs; the same input rejected for the same reason again only moves its time."""
    if not rows.num_rows:
        return
    with _registered(con, "_aidtracker_rejected", rows):
        con.execute(
            "DELETE FROM rejected "
            "WHERE (source, reason) IN (SELECT (source, reason) FROM _aidtracker_rejected)"
        )
        con.execute("INSERT INTO rejected SELECT DISTINCT * FROM _aidtracker_rejected")


@dataclass
class _Buffer:
    """Checked batches waiting for one transaction: rows per table, articles to replace, rejections."""

    tables: dict[str, list[pa.Table]] = field(default_factory=dict)
    replace: set[str] = field(default_factory=set)
    rejected: list[Rejected] = field(default_factory=list)
    ids: dict[str, str] = field(default_factory=dict)  # article_id -> content_sha256
    nbytes: int = 0  # of the batches staged since the last flush (not what a flush held back)


def _store(
    con: duckdb.DuckDBPyConnection, tables: dict[str, pa.Table], replace: Iterable[str], rejected: pa.Table
) -> None:
    """In one transaction: delete the articles `replace`, insert the rows, log the rejections."""
    con.execute("BEGIN TRANSACTION")
    try:
        _delete(con, replace)
        for name, table in tables.items():
            # DuckDB scans one block of Arrow data faster than many chunks of a batch each.
            _insert(con, name, table.combine_chunks())
        _reject(con, rejected)
        con.execute("COMMIT")
    except BaseException:
        with contextlib.suppress(duckdb.Error):
            con.execute("ROLLBACK")
        raise


class Writer:
    """Writes batches of whole articles into an open connection.

    On a plain connection each write is one transaction. On the private copy of
    `open_for_ingest`, which nobody reads before the swap, checked batches are buffered
    and inserted together, on a second connection in a background thread while the
    caller goes on (`finish` waits for it; open_for_ingest calls it). Every write still
    reports what it stores: a batch the database could refuse is written at once,
    article by article, before it is counted.
    """

    def __init__(
        self,
        con: duckdb.DuckDBPyConnection,
        ingested_at: dt.datetime,
        *,
        buffer_bytes: int = BUFFER_BYTES,
    ) -> None:
        self.con = con
        self.ingested_at = ingested_at
        self.schemas = {t: arrow_schema(con, t) for t in ("articles", *RECORD_TABLES, "rejected")}
        self.rules = {t: _rules(con, t) for t in ("articles", *RECORD_TABLES)}
        self.buffer_bytes = buffer_bytes
        self._buffer = _Buffer()
        self._inflight: dict[str, str] = {}  # the articles the background insert is storing
        self._pending: concurrent.futures.Future[None] | None = None
        self._pool: concurrent.futures.ThreadPoolExecutor | None = None
        self._cursor: duckdb.DuckDBPyConnection | None = None
        self._passed: dict[str, set] = {}  # CHECK expression -> values it accepted
        self._memory_limit: int | None = None  # set on open_for_ingest's copy, raised when needed
        writers = _INGESTS.get(id(con))
        self.buffered = writers is not None
        if writers is not None:
            self._memory_limit = max([INGEST_MEMORY_LIMIT] + [w._memory_limit or 0 for w in writers])
            for other in writers:  # what they buffered is visible to this writer's look-ups
                other.finish()
            writers.append(self)
        # On a new database the articles this writer stored are all there is, so it need not
        # ask DuckDB which ids exist (a scan of the articles per batch); a false hit of the
        # inexact map only costs that look-up.
        self._written: IdMap | None = None
        if self.buffered and con.execute("SELECT count(*) FROM articles").fetchall() == [(0,)]:
            self._written = IdMap(exact=False)

    def known_hashes(self, article_ids: Sequence[str]) -> dict[str, str]:
        """article_id -> content_sha256 for those of the ids already stored (or being stored)."""
        found: dict[str, str] = {}
        for known in (self._inflight, self._buffer.ids):  # the later version wins
            found.update((i, known[i]) for i in known.keys() & article_ids)
        rest = [i for i in article_ids if i not in found] if found else list(article_ids)
        if self._written is not None:
            rest = [i for i, v in zip(rest, self._written.get_many(rest), strict=True) if v is not None]
        if not rest:
            return found
        ids = pa.table({"article_id": pa.array(rest, pa.string())})
        with _registered(self.con, "_aidtracker_ids", ids):
            rows = self.con.execute(
                "SELECT article_id, content_sha256 FROM articles "
                "WHERE article_id IN (SELECT article_id FROM _aidtracker_ids)"
            ).fetchall()
        return {**dict(rows), **found}

    def _tables(self, batch: Batch) -> dict[str, pa.Table]:
        """The batch's tables in the database's column order, the articles stamped."""
        schema = self.schemas["articles"]
        stamp = schema.field("ingested_at")
        stamps = pa.array([self.ingested_at] * len(batch), stamp.type)
        tables = {"articles": batch.articles.append_column(stamp, stamps).select(schema.names)}
        for name in RECORD_TABLES:
            tables[name] = batch.records[name].select(self.schemas[name].names)
        return tables

    def _make_room(self, tables: dict[str, pa.Table]) -> None:
        """On the ingest copy, raise DuckDB's memory limit if inserting `tables` in one transaction
        could exceed it: the insert pins its rows, a rollback or the checkpoint that writes them
        pins them again (three times their size, and a quarter of the usual limit for the rest).
        Call it with no insert running."""
        if self._memory_limit is None:
            return
        need = 3 * sum(t.nbytes for t in tables.values()) + INGEST_MEMORY_LIMIT // 4
        if need > self._memory_limit:
            self.con.execute(f"SET memory_limit = '{need}B'")
            self._memory_limit = need

    def _rejected_rows(self, rejected: Sequence[Rejected]) -> pa.Table:
        rows = [{"source": r.source, "reason": r.reason, "seen_at": self.ingested_at} for r in rejected]
        return pa.Table.from_pylist(rows, schema=self.schemas["rejected"])

    def _write(self, batch: Batch, rejected: Sequence[Rejected]) -> BatchResult:
        """Store the batch now, in one transaction on the writer's connection."""
        ids = batch.ids
        tables = self._tables(batch)
        existing = set(self.known_hashes(ids))
        self._make_room(tables)
        _store(self.con, tables, existing, self._rejected_rows(rejected))
        if self._written is not None:
            self._written.add_many(ids)
        return self._result(ids, existing, tables, rejected)

    @staticmethod
    def _result(
        ids: list[str], existing: set[str], tables: dict[str, pa.Table], rejected: Sequence[Rejected]
    ) -> BatchResult:
        result = BatchResult(new=len(ids) - len(existing), updated=len(existing), rejected=tuple(rejected))
        for name in RECORD_TABLES:
            setattr(result, name, tables[name].num_rows)
        return result

    def _check(self, tables: dict[str, pa.Table]) -> None:
        """Raise _Refused if DuckDB could refuse a row: a NULL, a failed CHECK, a repeated key."""
        for name, rules in self.rules.items():
            table = tables[name]
            if not table.num_rows:
                continue
            if any(table.column(c).null_count for c in rules.not_null):
                raise _Refused(name)
            if rules.key and pc.count_distinct(table.column(rules.key)).as_py() != table.num_rows:
                raise _Refused(name)
            for expr, columns in rules.checks:
                if len(columns) == 1:
                    values = pc.unique(table.column(columns[0]))
                    passed = self._passed.setdefault(expr, set())
                    values = values.filter(pa.array([v not in passed for v in values.to_pylist()]))
                    if not len(values):
                        continue
                    self._evaluate(expr, pa.table({columns[0]: values}))
                    if len(passed) < _PASSED_LIMIT:
                        passed.update(values.to_pylist())
                else:
                    self._evaluate(expr, table.select(list(columns)))

    def _evaluate(self, expr: str, table: pa.Table) -> None:
        """Raise _Refused if CHECK `expr` is false for a row of `table` (NULL passes, as in DuckDB)."""
        with _registered(self.con, "_aidtracker_check", table):
            failed = self.con.execute(
                f"SELECT count(*) FROM _aidtracker_check WHERE ({expr}) IS FALSE"
            ).fetchall()
        if failed != [(0,)]:
            raise _Refused(expr)

    def _stage(self, batch: Batch, rejected: Sequence[Rejected]) -> BatchResult:
        """Buffer a checked batch for the next flush; what it will store, counted now."""
        ids = batch.ids
        tables = self._tables(batch)
        self._check(tables)
        existing = set(self.known_hashes(ids))
        buffer = self._buffer
        buffer.replace.update(existing)
        for name, table in tables.items():
            if table.num_rows:
                buffer.tables.setdefault(name, []).append(table)
                buffer.nbytes += table.nbytes
        buffer.ids.update(zip(ids, batch.articles.column("content_sha256").to_pylist(), strict=True))
        buffer.rejected.extend(rejected)
        if self._written is not None:
            self._written.add_many(ids)
        if buffer.nbytes >= self.buffer_bytes:
            self.flush()
        return self._result(ids, existing, tables, rejected)

    def _wait(self) -> None:
        """Wait for the background insert; its error, if any, is raised here."""
        pending, self._pending = self._pending, None
        try:
            if pending is not None:
                pending.result()
        finally:
            self._inflight = {}

    def flush(self, *, everything: bool = False) -> None:
        """Start inserting the buffered batches in one transaction (after the previous insert).

        Unless `everything`, each table's rows beyond its last whole row group stay buffered
        for the next flush (up to HOLD_BYTES of them): a file whose tables
        hold only whole row groups checkpoints in a fraction of the time (DuckDB rewrites
        trailing partial row groups to merge them).
        Until the swap only this writer reads the copy, and it knows which articles are
        part-stored (`_Buffer.ids`), so an article split between two flushes is never seen.
        """
        self._wait()
        buffer, self._buffer = self._buffer, _Buffer()
        if not buffer.tables and not buffer.rejected:
            return
        tables: dict[str, pa.Table] = {}
        held: set[str] = set()
        for name, parts in buffer.tables.items():
            table = pa.concat_tables(parts)  # no copy: the rows stay in their batches' chunks
            cut = table.num_rows if everything else table.num_rows - table.num_rows % ROW_GROUP_ROWS
            rest = table.slice(cut)
            if rest.num_rows and rest.nbytes <= HOLD_BYTES:  # big rows (long texts) go now
                self._buffer.tables[name] = [rest]
                held.update(pc.unique(rest.column("article_id")).to_pylist())
            else:
                cut = table.num_rows
            if cut:
                tables[name] = table.slice(0, cut)
        self._buffer.ids = {i: buffer.ids[i] for i in held}
        rejected = self._rejected_rows(buffer.rejected)
        if self._pool is None or self._cursor is None:
            self._pool = concurrent.futures.ThreadPoolExecutor(1, thread_name_prefix="aidtracker-load")
            self._cursor = self.con.cursor()
        self._make_room(tables)
        self._inflight = buffer.ids
        self._pending = self._pool.submit(_store, self._cursor, tables, buffer.replace, rejected)

    def finish(self) -> None:
        """Store everything buffered and wait until it is stored; the writer stays usable."""
        self.flush(everything=True)
        self._wait()

    def close(self) -> None:
        """Stop the background thread and its connection, whatever state they are in.

        What is still buffered is dropped: open_for_ingest calls `finish` first if the
        ingest succeeded."""
        with contextlib.suppress(Exception):
            self._wait()
        if self._pool is not None:
            self._pool.shutdown()
            self._pool = None
        if self._cursor is not None:
            with contextlib.suppress(duckdb.Error):
                self._cursor.close()
            self._cursor = None

    def write(self, batch: Batch | Sequence[ArticleRows], rejected: Sequence[Rejected] = ()) -> BatchResult:
        """Store whole articles (replacing stored versions) and rejected inputs.

        `batch` is a Batch (as the pipeline's workers build it) or normalized articles. If
        the database would refuse the batch for its data (a constraint, a value it cannot
        convert), each article is written alone and the ones still refused are returned,
        and stored, as rejected; errors of the file itself propagate.
        """
        if not isinstance(batch, Batch):
            batch, unconvertible = to_batches(batch)
            rejected = [*rejected, *unconvertible]
        pairs = zip(batch.origins, batch.dropped, strict=True)
        dropped = [Rejected(origin, reason) for origin, reasons in pairs for reason in reasons]
        ids = batch.ids
        if self.buffered:
            if not self._buffer.ids.keys().isdisjoint(ids):
                # A buffered article written again: its first version goes in first, whole.
                self.flush(everything=True)
            if len(set(ids)) == len(ids):
                try:
                    return self._stage(batch, [*rejected, *dropped])
                except (_Refused, *_CONVERSION):
                    pass
            self.finish()  # the careful way below writes on this connection, after the rest
        else:
            try:
                return self._write(batch, [*rejected, *dropped])
            except _FATAL:
                raise
            except (duckdb.Error, *_CONVERSION):
                pass
        total = BatchResult()
        written: list[Rejected] = []
        refused: list[Rejected] = []
        for index, origin in enumerate(batch.origins):
            try:
                part = self._write(batch.article(index), [Rejected(origin, r) for r in batch.dropped[index]])
            except _FATAL:
                raise
            except (duckdb.Error, *_CONVERSION) as exc:
                refused.append(Rejected(origin, f"could not be stored: {first_line(exc)}"))
                continue
            written.extend(part.rejected)
            for name in ("new", "updated", *RECORD_TABLES):
                setattr(total, name, getattr(total, name) + getattr(part, name))
        written.extend(self._write(to_batch([]), [*rejected, *refused]).rejected)
        total.rejected = tuple(written)
        return total
