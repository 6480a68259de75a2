"""Where the pure stages run: in this process, in a local process pool, or on a Dask cluster."""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from multiprocessing.connection import Connection
from typing import Any, Protocol


class EngineError(Exception):
    """An engine cannot start: a message for the user, in one line."""


class Engine(Protocol):
    """Runs picklable module-level functions; results come back as futures."""

    name: str
    slots: int  # tasks that can run at once

    def submit(self, fn: Callable[..., Any], /, *args: Any) -> Any: ...

    def close(self) -> None: ...


def available_cpus() -> int:
    """The CPUs this process may run on (respects container and taskset limits)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


class InlineEngine:
    """Runs each task at once in this process: one worker, no start-up cost."""

    name = "inline"
    slots = 1

    def submit(self, fn: Callable[..., Any], /, *args: Any) -> Future:
        future: Future = Future()
        try:
            future.set_result(fn(*args))
        except Exception as exc:
            future.set_exception(exc)
        return future

    def close(self) -> None:
        pass


def _init_worker(lifeline: Connection) -> None:
    # Ctrl-C reaches the whole process group; the parent handles it, so workers stay quiet.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_exit_with_parent, args=(lifeline,), daemon=True).start()


def _exit_with_parent(lifeline: Connection) -> None:
    """Block until the parent's end of the pipe closes (it exited or was killed), then exit.

    Pool workers hold their own task queue open, so without this a SIGKILLed ingest
    would leave them, and the fork server, running forever.
    """
    with contextlib.suppress(EOFError, OSError):
        lifeline.recv()
    os._exit(1)


class ProcessEngine:
    """A local pool of worker processes started by a fork server.

    The fork server (not a bare fork) keeps the workers free of the parent's threads
    and open DuckDB connection; it imports the pipeline and builds the extractor once
    (etl.warm), so each worker starts fast and shares those pages with the others.
    """

    name = "local"

    def __init__(self, workers: int) -> None:
        ctx = multiprocessing.get_context("forkserver")
        # etl.warm builds the extractor in the fork server, so workers start warm and share it.
        ctx.set_forkserver_preload(["aidtracker.etl.warm"])
        self.slots = workers
        self._lifeline, parent_end = ctx.Pipe(duplex=False)
        self._parent_end = parent_end
        self._pool = ProcessPoolExecutor(
            max_workers=workers, mp_context=ctx, initializer=_init_worker, initargs=(self._lifeline,)
        )

    def submit(self, fn: Callable[..., Any], /, *args: Any) -> Future:
        return self._pool.submit(fn, *args)

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)
        self._parent_end.close()
        self._lifeline.close()


class DaskEngine:
    """Tasks on a dask.distributed cluster: the scheduler at `address`, or a new local cluster.

    The workers need aidtracker installed (the same version); they never see the input
    files, which the client reads and ships as articles.
    """

    name = "dask"

    def __init__(self, address: str | None, workers: int) -> None:
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError:
            raise EngineError(
                "the dask engine needs the optional extra: pip install 'aidtracker[dask]'"
            ) from None
        if address:
            _check_address(address)
        self._cluster = None
        try:
            if address:
                self._client = Client(address, timeout=10, set_as_default=False)
            else:
                self._cluster = LocalCluster(
                    n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
                )
                self._client = Client(self._cluster, set_as_default=False)
        except (OSError, ValueError) as exc:  # TimeoutError is an OSError
            if self._cluster is not None:
                self._cluster.close()
            raise EngineError(f"cannot reach the dask scheduler at {address}: {exc}") from None
        self.slots = max(1, sum(self._client.nthreads().values()))

    def submit(self, fn: Callable[..., Any], /, *args: Any) -> Any:
        # pure=False: two chunks with equal content are still two tasks, never merged.
        return self._client.submit(fn, *args, pure=False)

    def close(self) -> None:
        self._client.close()
        if self._cluster is not None:
            self._cluster.close()


def _check_address(address: str) -> None:
    """Refuse a malformed scheduler address before a Client tries (and stalls exiting) on it."""
    from distributed.comm.addressing import parse_address, parse_host_port

    try:
        scheme, location = parse_address(address)
        if scheme in ("tcp", "tls"):
            parse_host_port(location)
    except ValueError as exc:
        raise EngineError(f"{address!r} is not a scheduler address such as tcp://HOST:8786 ({exc})") from None


def make_engine(engine: str, workers: int, scheduler: str | None = None) -> Engine:
    """The engine named by the CLI's --engine: 'local' (inline when workers == 1) or 'dask'."""
    if engine == "dask":
        return DaskEngine(scheduler, workers)
    if engine != "local":
        raise EngineError(f"unknown engine {engine!r}: choose 'local' or 'dask'")
    if scheduler:
        raise EngineError("--scheduler is for --engine dask")
    return InlineEngine() if workers <= 1 else ProcessEngine(workers)


def ordered_map(
    engine: Engine, fn: Callable[[Any], Any], chunks: Iterable[Any], window: int
) -> Iterator[Any]:
    """fn(chunk) for each chunk, in order, with at most `window` tasks in flight.

    The window bounds memory: results are consumed about as fast as they are produced,
    however long the input.

    >>> list(ordered_map(InlineEngine(), len, ["ab", "c", ""], window=2))
    [2, 1, 0]
    """
    pending: deque[Any] = deque()
    for chunk in chunks:
        pending.append(engine.submit(fn, chunk))
        if len(pending) >= window:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()
