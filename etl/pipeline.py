"""The ingest: read -> extract -> normalize -> load, streamed in batches, in parallel, one writer."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import TypeVar

import duckdb

from aidtracker.etl import consolidate, engines, load, read, reviews
from aidtracker.etl.extract import extract_article
from aidtracker.etl.idmap import IdMap
from aidtracker.etl.normalize import ArticleRows, content_sha256, normalize
from aidtracker.etl.records import Article, Rejected

# Work per task: enough that inter-process overhead (well under a millisecond) is noise,
# small enough to keep every worker busy and memory flat.
READ_CHUNK_FILES = 16
READ_CHUNK_BYTES = 4_000_000
EXTRACT_CHUNK_ARTICLES = 64
EXTRACT_CHUNK_CHARS = 500_000
# Articles whose stored hashes are looked up in one query.
LOOKUP_GROUP = 1000
# A worker spends about a second warming up (imports, matchers, ECB rates): by default each
# one gets at least this much input, several seconds of extraction, to be worth starting.
AUTO_BYTES_PER_WORKER = 1_000_000

T = TypeVar("T")
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Summary:
    """What a run did: articles new / updated / unchanged, inputs rejected, records written,
    and what the database holds after it: pledge reports grouped into flows (etl.consolidate)."""

    new: int
    updated: int
    unchanged: int
    rejected: tuple[Rejected, ...]
    pledges: int
    risk_figures: int
    appeals: int
    files: int
    seconds: float
    db: Path
    # over the whole database, not this run: consolidation regroups every report
    consolidated: consolidate.Consolidated = consolidate.Consolidated(0, 0, 0, 0, 0, 0)
    # the analysts' reviews in force, applied again to every record (etl.reviews); None: none made
    reviewed: reviews.Applied | None = None
    # the paths given that name nothing readable (missing, an empty folder, a glob matching nothing)
    unread: tuple[str, ...] = ()


def read_chunk(paths: Sequence[str]) -> list[list[Article | Rejected]]:
    """Each file's articles and rejections (pure but for reading the files). Never raises."""
    out: list[list[Article | Rejected]] = []
    for name in paths:
        try:
            out.append(list(read.read_file(Path(name))))
        except Exception as exc:  # a reader bug must cost one file, not the run
            out.append([Rejected(name, f"could not be read: {type(exc).__name__}: {exc}")])
    return out


def extract_chunk(items: Sequence[tuple[Article, str]]) -> tuple[load.Batch, list[Rejected]]:
    """Extract and normalize each (article, content hash), ready for the writer as a Batch:
    the pure step the engines distribute. Articles that fail are returned as rejected."""
    rows: list[ArticleRows] = []
    rejected: list[Rejected] = []
    for article, sha in items:
        try:
            result = extract_article(article.text, title=article.title, country_hint=article.country_iso3)
            rows.append(normalize(article, list(result.facts), sha256=sha))
            # an article over the extraction caps is stored with what was read, and says so
            rejected.extend(Rejected(article.origin, f"read in part: {note}") for note in result.unread)
        except Exception as exc:  # an extractor bug must cost one article, not the run
            rejected.append(Rejected(article.origin, f"extraction failed: {type(exc).__name__}: {exc}"))
    batch, unconvertible = load.to_batches(rows)
    return batch, rejected + unconvertible


def warm_up() -> None:
    """Load what extraction and normalization build once per process (gazetteers, the
    tokenizer, patterns, exchange rates) by extracting a made-up article."""
    text = (
        "The European Union pledged EUR 5 million and 2,000 tonnes of wheat to Sudan on 3 May 2021, "
        "where 1.2 million people face famine, the UN said. The WFP appealed for 10 mln dlrs."
    )
    extract_chunk([(Article("warm-up", "Aid for Sudan", text, None, None, None, "warm-up"), "")])


def _chunks(items: Iterable[T], max_items: int, max_size: int, size: Callable[[T], int]) -> Iterator[list[T]]:
    chunk: list[T] = []
    total = 0
    for item in items:
        chunk.append(item)
        total += size(item)
        if len(chunk) >= max_items or total >= max_size:
            yield chunk
            chunk, total = [], 0
    if chunk:
        yield chunk


def _file_size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def choose_workers(workers: int | None, total_bytes: int) -> int:
    """Worker processes to use: as asked, or by default as many CPUs as the input can keep busy.

    >>> choose_workers(3, 10), choose_workers(None, 10)
    (3, 1)
    """
    if workers is not None:
        return max(1, workers)
    return max(1, min(engines.available_cpus(), total_bytes // AUTO_BYTES_PER_WORKER))


class _Run:
    """The state of one ingest: what has been seen, what to extract, what was rejected."""

    def __init__(self, writer: load.Writer, force: bool, files: Sequence[Path]) -> None:
        self.writer = writer
        self.force = force
        self.files = files
        # article_id -> (64 bits of the content hash, index of its file in `files`), for every
        # article of the run: 32 bytes each (a dict of the ids and origins took about 290).
        self.seen = IdMap(width=2)
        self.unchanged = 0
        self.rejected: list[Rejected] = []

    def to_extract(self, items: Iterable[tuple[int, Article | Rejected]]) -> Iterator[tuple[Article, str]]:
        """The articles that need extracting, in input order; the rest are counted or rejected.
        Each item comes with the index of its file in `files`."""
        for group in iter(lambda: list(islice(items, LOOKUP_GROUP)), []):
            articles = [
                (fileno, item, content_sha256(item)) for fileno, item in group if isinstance(item, Article)
            ]
            ids = [item.article_id for _, item, _ in articles]
            stored = {} if self.force else self.writer.known_hashes(ids)
            # each id's first article in the run is kept; a later one learns what that first was
            firsts = self.seen.add_many(ids, [(int(sha[:16], 16), fileno) for fileno, _, sha in articles])
            checked = iter(zip(articles, firsts, strict=True))
            for _, item in group:
                if isinstance(item, Rejected):
                    self.rejected.append(item)
                    continue
                (_, _, sha), first = next(checked)
                if first is not None:
                    # the same text twice is harmless; different text is a conflict
                    if first[0] != int(sha[:16], 16):
                        self.rejected.append(
                            Rejected(
                                item.origin,
                                f"duplicate article id {item.article_id!r} with different text "
                                f"(kept the first, from {self.files[first[1]]})",
                            )
                        )
                    continue
                if stored.get(item.article_id) == sha:
                    self.unchanged += 1
                    continue
                yield item, sha


def _articles(
    files: list[Path], engine: engines.Engine, window: int, progress: Progress | None
) -> Iterator[tuple[int, Article | Rejected]]:
    chunks = _chunks(
        (str(f) for f in files), READ_CHUNK_FILES, READ_CHUNK_BYTES, lambda f: _file_size(Path(f))
    )
    done = 0
    for per_file in engines.ordered_map(engine, read_chunk, chunks, window):
        for items in per_file:
            yield from ((done, item) for item in items)
            done += 1
            if progress is not None:
                progress(done, len(files))


def run(
    paths: Sequence[str | Path],
    db: str | Path,
    *,
    workers: int | None = None,
    engine: str = "local",
    scheduler: str | None = None,
    batch_size: int = 2000,
    progress: Progress | None = None,
    force: bool = False,
    wait: float = 10.0,
    rejected: Sequence[Rejected] = (),
    before_swap: Callable[[duckdb.DuckDBPyConnection], None] | None = None,
) -> Summary:
    """Ingest the files, folders and globs in `paths` into the DuckDB file `db`.

    Reading and extraction run on `workers` processes (default: as many CPUs as the input
    can use) or on a Dask cluster (`engine='dask'`, `scheduler` its address, or a local
    cluster); this process is the only writer. Unchanged articles are skipped by their
    hash unless `force`. Raises load.StoreError or engines.EngineError with a message for
    the user when the database or the engine cannot be used; `db` is then left unchanged.

    `rejected` are inputs the caller could not turn into files (etl.fetch: a malformed response),
    logged with the run's own. `before_swap(con)` writes on the private copy after the articles,
    reviews and groups, so what it writes (etl.fetch: where each source stopped) is swapped in
    with them or, if the run fails, not at all.

    Worker processes re-import the caller's main module, so a script that calls run()
    with more than one worker needs the usual `if __name__ == "__main__":` guard.
    """
    started = time.monotonic()
    ingested_at = dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)
    files, rejected_paths = read.discover([str(p) for p in paths])
    n_workers = choose_workers(workers, sum(_file_size(f) for f in files))
    counts = dict.fromkeys(("new", "updated", "pledges", "risk_figures", "appeals"), 0)
    refused: list[Rejected] = []
    with load.open_for_ingest(db, wait=wait) as con:
        writer = load.Writer(con, ingested_at)
        state = _Run(writer, force, files)
        state.rejected.extend(rejected_paths)
        state.rejected.extend(rejected)
        pool = engines.make_engine(engine, n_workers, scheduler)
        try:
            # Dask workers may not see our files: read here and ship articles. A local pool reads too.
            reader = pool if isinstance(pool, engines.ProcessEngine) else engines.InlineEngine()
            window = 2 * pool.slots + 1
            articles = _articles(files, reader, window, progress)
            todo = _chunks(
                state.to_extract(articles),
                EXTRACT_CHUNK_ARTICLES,
                EXTRACT_CHUNK_CHARS,
                lambda it: len(it[0].text),
            )
            parts: list[load.Batch] = []
            size = nbytes = 0

            def flush() -> None:
                nonlocal size, nbytes
                result = writer.write(load.Batch.concat(parts), state.rejected)
                for key in counts:
                    counts[key] += getattr(result, key)
                refused.extend(result.rejected)
                state.rejected.clear()
                parts.clear()
                size = nbytes = 0

            for part, failed in engines.ordered_map(pool, extract_chunk, todo, window):
                state.rejected.extend(failed)
                parts.append(part)
                size += len(part)
                nbytes += part.nbytes
                # long articles: a write is also bounded in bytes, as DuckDB holds it in memory
                if size >= batch_size or nbytes >= load.BUFFER_BYTES:
                    flush()
            flush()
            writer.finish()
            # before the swap, so a reader never sees records without their reviews and flows;
            # reviews first, as a correction can move a report into or out of a flow
            reviewed = apply_reviews(con, db)
            grouped = consolidate.consolidate(con)
            if before_swap is not None:
                before_swap(con)
        except BrokenProcessPool:
            raise engines.EngineError(
                "a worker process died (killed, or out of memory; a script calling run() needs "
                "an `if __name__ == '__main__':` guard)"
            ) from None
        finally:
            pool.close()
    return Summary(
        new=counts["new"],
        updated=counts["updated"],
        unchanged=state.unchanged,
        rejected=tuple(refused),
        pledges=counts["pledges"],
        risk_figures=counts["risk_figures"],
        appeals=counts["appeals"],
        files=len(files),
        seconds=time.monotonic() - started,
        db=Path(db),
        consolidated=grouped,
        reviewed=reviewed,
        unread=_unread(paths, rejected_paths),
    )


def _unread(paths: Sequence[str | Path], rejected: Sequence[Rejected]) -> tuple[str, ...]:
    """The paths in `paths` that discover() rejected whole, as the user typed them."""
    given = {str(p) for p in paths}
    return tuple(dict.fromkeys(r.source for r in rejected if r.source in given))


def apply_reviews(con: duckdb.DuckDBPyConnection, db: str | Path) -> reviews.Applied | None:
    """Apply the reviews in force of `db` (its SQLite reviews file) to the records on `con`, a
    writable copy of it; None, touching nothing, when no review was ever made."""
    path = reviews.store_path(Path(db).absolute())
    if not path.exists():
        return None
    with reviews.ReviewStore(path) as store:
        # the number is read before the reviews: one saved in between is applied by the next refresh
        upto = store.last_id()
        return reviews.apply(con, store.in_force(), applied_upto=upto)


@dataclass(frozen=True)
class Refreshed:
    """What a refresh did: the reviews it applied and the groups it rebuilt."""

    reviewed: reviews.Applied | None
    consolidated: consolidate.Consolidated


def refresh(db: str | Path, *, wait: float = 10.0) -> Refreshed:
    """Apply the reviews in force to `db` and regroup its reports, with no new articles: what
    the dashboard runs after a review is saved, and `aidtracker reviews import` after an import.

    Like an ingest it writes a private copy swapped in whole, so readers never wait and a
    failure leaves `db` as it was; it waits up to `wait` seconds for a running ingest (which
    applies the reviews itself) and raises load.DatabaseBusy after that.
    """
    if not Path(db).exists():
        raise load.StoreError(f"{db} does not exist: ingest articles into it first")
    with load.open_for_ingest(db, wait=wait) as con:
        reviewed = apply_reviews(con, db)
        grouped = consolidate.consolidate(con)
    return Refreshed(reviewed, grouped)
