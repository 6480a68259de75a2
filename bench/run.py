"""The benchmark runner (`make bench`): ingest throughput, peak memory, bulk load and query times.

Every ingest runs in a fresh child process (so its memory is its own) that calls
``etl.pipeline.run``; this process samples the resident memory of the child and all
its workers. The database for the load and query timings is synthetic (bench.synth),
built in SQL at the size the issue names. Figures are printed as they come and
written, with the machine they ran on, to bench/results.md.
"""

from __future__ import annotations

import argparse
import cProfile
import dataclasses
import datetime as dt
import functools
import hashlib
import importlib
import itertools
import json
import operator
import os
import platform
import pstats
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
import psutil
import pyarrow as pa

from bench import text_bytes
from bench.realcorpus import DEFAULT_CORPUS, load_corpus, repeat_corpus
from bench.synth import SOURCE, URL_BASE, build_fact_db, long_article, pledge_rows, synth_corpus

REPO = Path(__file__).resolve().parents[1]
DEFAULT_OUT = REPO / "bench" / "results.md"
MB = 1_000_000
MIB = 1024 * 1024

# The targets, reported beside each figure (never asserted).
TARGET_ARTICLES_PER_CORE = 500
TARGET_MEMORY_MIB = 1024
TARGET_LOAD_SECONDS = 5.0
TARGET_QUERY_MS = 200.0


# ---------------------------------------------------------------- configuration


@dataclass(frozen=True)
class Config:
    """What to measure and at which sizes; see `parse_args` for the meaning of each."""

    real_articles: int
    synth_articles: int
    memory_sizes: tuple[int, ...]
    workers: tuple[int, ...]
    calibrate: int
    ingest_seconds: float
    memory_seconds: float
    profile_articles: int
    load_rows: int
    load_batch: int
    load_repeats: int
    pledges: int
    risk_figures: int
    query_repeats: int
    corpus: Path
    chunk_size: int
    seed: int
    sections: tuple[str, ...]
    quick: bool


SECTIONS = ("ingest", "memory", "profile", "long", "load", "queries", "consolidate")


def _int_list(text: str) -> tuple[int, ...]:
    """Parse '10000,100000' (or 'all' for every core) into a tuple of positive ints.

    >>> _int_list("1,all") == (1, os.cpu_count() or 1)
    True
    """
    values = []
    for part in text.split(","):
        part = part.strip()
        value = (os.cpu_count() or 1) if part == "all" else int(part)
        if value < 1:
            raise argparse.ArgumentTypeError(f"{part!r} is not a positive number")
        values.append(value)
    return tuple(values)


def parse_args(argv: Sequence[str] | None) -> tuple[Config, argparse.Namespace]:
    """The command line: sensible defaults for a 2-core machine (about 4 minutes), --quick for 1."""
    cores = os.cpu_count() or 1
    parser = argparse.ArgumentParser(
        prog="python -m bench.run",
        description="Measure aidtracker's ingest throughput, peak memory, bulk load and dashboard queries.",
    )
    parser.add_argument("--quick", action="store_true", help="small sizes, about a minute; prints only")
    parser.add_argument("--real-articles", type=int, help="articles of the repeated real corpus (20000)")
    parser.add_argument("--synth-articles", type=int, help="articles of the synthetic corpus (10000)")
    parser.add_argument(
        "--memory-sizes",
        type=_int_list,
        help="corpus sizes whose peak memory is compared (10000,100000,400000)",
    )
    parser.add_argument(
        "--workers", type=_int_list, default=None, help=f"worker counts to time, 'all' = {cores} (1,all)"
    )
    parser.add_argument(
        "--calibrate", type=int, help="articles of a first 1-worker run that sizes the others (2000; 0: off)"
    )
    parser.add_argument(
        "--ingest-seconds",
        type=float,
        help="cap on a 1-worker throughput run: sizes shrink to fit the calibrated rate (60; 0: no cap)",
    )
    parser.add_argument(
        "--memory-seconds", type=float, help="cap on the largest memory run, likewise (400; 0: no cap)"
    )
    parser.add_argument(
        "--profile-articles", type=int, help="real articles of the profiled 1-worker ingest (2000)"
    )
    parser.add_argument("--load-rows", type=int, help="pledge rows for the bulk-load timing (1000000)")
    parser.add_argument(
        "--load-batch", type=int, default=1000, help="articles per Writer.write call in the load timing"
    )
    parser.add_argument("--pledges", type=int, help="pledges in the query-timing database (1000000)")
    parser.add_argument("--risk-figures", type=int, help="risk figures in the query-timing database (200000)")
    parser.add_argument("--load-repeats", type=int, help="timed loads, the median reported (3; --quick: 1)")
    parser.add_argument("--query-repeats", type=int, help="timed runs of each query after the first (3)")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="folder of the real *.jsonl")
    parser.add_argument("--chunk-size", type=int, default=1000, help="articles per corpus file")
    parser.add_argument("--seed", type=int, default=0, help="seed of the synthetic data")
    parser.add_argument(
        "--only", type=lambda s: tuple(s.split(",")), default=SECTIONS, help=f"sections among {SECTIONS}"
    )
    parser.add_argument("--workdir", type=Path, help="scratch folder (default: a new temporary one)")
    parser.add_argument("--keep", action="store_true", help="keep the scratch folder")
    parser.add_argument(
        "--out", type=Path, help=f"results file (default {DEFAULT_OUT.relative_to(REPO)}; --quick: none)"
    )
    parser.add_argument("--child-ingest", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    unknown = set(args.only) - set(SECTIONS)
    if unknown:
        parser.error(f"--only: unknown sections {sorted(unknown)}; choose among {SECTIONS}")

    full = {
        "real_articles": 20_000,
        "synth_articles": 10_000,
        "memory_sizes": (10_000, 100_000, 400_000),
        "calibrate": 2_000,
        "ingest_seconds": 60.0,
        "memory_seconds": 400.0,
        "profile_articles": 2_000,
        "load_rows": 1_000_000,
        "pledges": 1_000_000,
        "risk_figures": 200_000,
        "query_repeats": 3,
        "load_repeats": 3,
    }
    quick = {
        "real_articles": 2_000,
        "synth_articles": 2_000,
        "memory_sizes": (1_000, 5_000),
        "calibrate": 0,
        "ingest_seconds": 20.0,
        "memory_seconds": 30.0,
        "profile_articles": 300,
        "load_rows": 100_000,
        "pledges": 100_000,
        "risk_figures": 20_000,
        "query_repeats": 3,
        "load_repeats": 1,
    }
    defaults = quick if args.quick else full
    chosen = {
        key: getattr(args, key) if getattr(args, key) is not None else value
        for key, value in defaults.items()
    }
    config = Config(
        **chosen,
        workers=args.workers or tuple(sorted({1, cores})),
        load_batch=args.load_batch,
        corpus=args.corpus,
        chunk_size=args.chunk_size,
        seed=args.seed,
        sections=tuple(args.only),
        quick=args.quick,
    )
    return config, args


# ---------------------------------------------------------------- the machine


def machine_info() -> dict[str, str]:
    """CPU model, cores, RAM, OS, Python and DuckDB versions, and today's date."""
    model = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    freq = psutil.cpu_freq()
    return {
        "CPU": model + (f" ({freq.max or freq.current:.0f} MHz)" if freq else ""),
        "cores": f"{psutil.cpu_count(logical=False) or '?'} physical, {os.cpu_count()} logical",
        "RAM": f"{psutil.virtual_memory().total / 2**30:.1f} GiB",
        "OS": f"{platform.system()} {platform.release()}",
        "Python": platform.python_version(),
        "DuckDB": duckdb.__version__,
        "date": dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"),
    }


# ---------------------------------------------------------------- reporting


@dataclass
class Section:
    """A titled table of figures, with notes, that prints itself as rows arrive."""

    title: str
    columns: tuple[str, ...]
    rows: list[tuple[str, ...]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def add(self, *cells: object) -> None:
        """Add a row and print it at once, so a long run shows progress."""
        row = tuple(str(c) for c in cells)
        self.rows.append(row)
        print("  " + " | ".join(f"{c}: {v}" for c, v in zip(self.columns, row, strict=False)), flush=True)

    def note(self, text: str) -> None:
        """Add a remark under the table (a cap, a missing module, a caveat) and print it."""
        self.notes.append(text)
        print(f"  note: {text}", flush=True)

    def markdown(self) -> str:
        """The section as Markdown."""
        lines = [f"## {self.title}", ""]
        if self.rows:
            lines.append("| " + " | ".join(self.columns) + " |")
            lines.append("|" + "---|" * len(self.columns))
            lines.extend("| " + " | ".join(row) + " |" for row in self.rows)
            lines.append("")
        lines.extend(f"- {n}" for n in self.notes)
        return "\n".join(lines).rstrip() + "\n"


def results_markdown(machine: dict[str, str], sections: list[Section], command: str, seconds: float) -> str:
    """The whole results file."""
    head = [
        "# aidtracker benchmark results",
        "",
        f"Written by `{command}` in {seconds / 60:.1f} min. Targets (from issue 5) are reported, "
        "not asserted. The figures are those of the code at the time of the run.",
        "",
        "## Machine",
        "",
        "| | |",
        "|---|---|",
        *(f"| {k} | {v} |" for k, v in machine.items()),
        "",
    ]
    return "\n".join(head) + "\n" + "\n".join(s.markdown() for s in sections)


def _fmt(value: float, digits: int = 0) -> str:
    """A number with thousands separators.

    >>> _fmt(1234567.891, 1)
    '1,234,567.9'
    """
    return f"{value:,.{digits}f}"


def _module(name: str) -> Any | None:
    """Import a project module, or None if it does not exist yet (others build it in parallel)."""
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as exc:
        if exc.name and name.startswith(exc.name):
            return None
        raise


# ---------------------------------------------------------------- ingest in a child process


@dataclass(frozen=True)
class Corpus:
    """JSONL files holding `articles` articles with `text_bytes` bytes of title and text."""

    kind: str
    paths: tuple[Path, ...]
    articles: int
    text_bytes: int


def write_corpus(kind: str, n: int, folder: Path, config: Config) -> Corpus:
    """Write n articles of the real (repeated) or synthetic corpus, counting their text on the way."""
    folder.mkdir(parents=True, exist_ok=True)
    if kind == "real":
        records: Iterator[dict[str, Any]] = repeat_corpus(n, load_corpus(config.corpus))
    else:
        records = synth_corpus(n, seed=config.seed)
    size = 0
    paths: list[Path] = []
    chunk: list[dict[str, Any]] = []

    def flush() -> None:
        path = folder / f"{kind}-{len(paths):05d}.jsonl"
        with path.open("w", encoding="utf-8") as fh:
            fh.writelines(json.dumps(rec, ensure_ascii=False) + "\n" for rec in chunk)
        paths.append(path)
        chunk.clear()

    for rec in records:
        size += text_bytes([rec])
        chunk.append(rec)
        if len(chunk) == config.chunk_size:
            flush()
    if chunk:
        flush()
    return Corpus(kind, tuple(paths), n, size)


@dataclass(frozen=True)
class IngestRun:
    """What one ingest measured."""

    corpus: Corpus
    workers: int
    seconds: float  # pipeline.run() alone, inside the child
    wall_seconds: float  # the child process, start-up and imports included
    peak_rss: int  # bytes: the largest sum over the child and its workers, sampled
    peak_rss_one: int  # bytes: the largest single process
    peak_pss: int  # bytes: the largest sum of PSS over the processes, sampled every 0.5 s
    peak_pss_parent: int  # bytes: the largest PSS of the ingest process alone
    peak_pss_workers: int  # bytes: the largest sum of PSS over its workers
    processes: int  # the most processes seen at once
    rusage_self: int  # bytes: ru_maxrss of the child
    rusage_children: int  # bytes: ru_maxrss of its largest reaped worker
    tables: dict[str, int]
    summary: str
    cpu_seconds: float  # CPU time of the child and its workers, sampled
    other_cores: float  # CPU other programs used meanwhile, in cores
    profile: dict[str, list[Any]] = field(default_factory=dict)  # see profile_rows

    @property
    def rate(self) -> float:
        return self.corpus.articles / self.seconds if self.seconds else float("nan")

    @property
    def mb_per_s(self) -> float:
        return self.corpus.text_bytes / MB / self.seconds if self.seconds else float("nan")


def _busy_seconds(times: Any) -> float:
    """CPU seconds spent busy in a psutil.cpu_times() reading (all cores)."""
    idle = times.idle + getattr(times, "iowait", 0.0)
    return sum(times) - idle - getattr(times, "guest", 0.0) - getattr(times, "guest_nice", 0.0)


class MemorySampler:
    """Samples a process and its descendants in a thread: resident memory, and CPU time.

    It also reads the machine's CPU time around the run, so that the CPU other programs
    used meanwhile (helpers, a browser, CI neighbours) can be reported beside the figures.
    """

    def __init__(self, pid: int, interval: float = 0.05) -> None:
        self.root = psutil.Process(pid)
        self.interval = interval
        self.peak_total = 0
        self.peak_one = 0
        self.peak_pss = 0
        self.peak_pss_root = 0  # the process itself
        self.peak_pss_children = 0  # its workers, summed
        self.processes = 0
        self.cpu_by_pid: dict[int, float] = {}
        self.wall = 0.0
        self.machine_busy = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)

    def __enter__(self) -> MemorySampler:
        self._start_times = psutil.cpu_times()
        self._start = time.perf_counter()
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.wall = time.perf_counter() - self._start
        self.machine_busy = _busy_seconds(psutil.cpu_times()) - _busy_seconds(self._start_times)

    @property
    def cpu_seconds(self) -> float:
        """CPU seconds of the process tree (the last reading of each process)."""
        return sum(self.cpu_by_pid.values())

    @property
    def other_cores(self) -> float:
        """Cores' worth of CPU that other processes used during the run, on average."""
        return max(0.0, self.machine_busy - self.cpu_seconds) / self.wall if self.wall else 0.0

    def _loop(self) -> None:
        tick = 0
        while not self._stop.is_set():
            try:
                procs = [self.root, *self.root.children(recursive=True)]
            except psutil.Error:
                return
            # PSS (shared pages split between the processes that share them) sums to the real
            # total, but costs a read of smaps per process: taken every 10th sample only.
            with_pss = tick % 10 == 0
            sizes, shares, root_share = [], [], 0
            for proc in procs:
                try:
                    with proc.oneshot():
                        sizes.append(proc.memory_info().rss)
                        cpu = proc.cpu_times()
                    self.cpu_by_pid[proc.pid] = cpu.user + cpu.system
                    if with_pss:
                        shares.append(getattr(proc.memory_full_info(), "pss", 0))
                        root_share = shares[-1] if proc is self.root else root_share
                except psutil.Error:
                    continue  # a worker that just ended
            if sizes:
                self.peak_total = max(self.peak_total, sum(sizes))
                self.peak_one = max(self.peak_one, max(sizes))
                self.processes = max(self.processes, len(sizes))
            if shares:
                self.peak_pss = max(self.peak_pss, sum(shares))
                self.peak_pss_root = max(self.peak_pss_root, root_share)
                self.peak_pss_children = max(self.peak_pss_children, sum(shares) - root_share)
            tick += 1
            self._stop.wait(self.interval)


def _summary_text(summary: object) -> str:
    """The pipeline's Summary as compact text, whatever its type."""
    if dataclasses.is_dataclass(summary) and not isinstance(summary, type):
        return ", ".join(
            f"{k}={v}" for k, v in dataclasses.asdict(summary).items() if not isinstance(v, list)
        )
    return str(summary)


def _where(file: str, func: str) -> str:
    """A short name for a profiled function: repo-relative path, or the last two path parts."""
    path = Path(file)
    try:
        short = str(path.relative_to(REPO))
    except ValueError:
        short = "/".join(path.parts[-2:]) if file not in ("~", "") else ""
    return f"{short}:{func}" if short else func


# The pipeline's stages as the functions that do them (etl/pipeline.py calls them in order).
STAGE_FUNCTIONS = {
    "read": ("etl/pipeline.py:read_chunk",),
    "extract": ("etl/extract.py:extract_article",),
    "normalize": ("etl/normalize.py:normalize",),
    "load": ("etl/load.py:open_for_ingest", "etl/load.py:write", "etl/load.py:known_hashes"),
}


def profile_rows(stats: pstats.Stats, limit: int = 15) -> dict[str, list[tuple[str, float, float, int]]]:
    """The stages' times, and the functions that take the most time: by self time, and (project
    code only) by inclusive time. Each row is (function, self seconds, inclusive seconds, calls).
    """
    raw = stats.stats  # type: ignore[attr-defined]
    rows = [(_where(file, func), tt, ct, nc) for (file, _, func), (_, nc, tt, ct, _) in raw.items()]
    own = [r for r in rows if r[0].startswith(("etl/", "dashboard/"))]
    stages = []
    for stage, names in STAGE_FUNCTIONS.items():
        found = [r for r in rows if r[0] in names]
        if found:
            label = f"{stage}: " + " + ".join(r[0] for r in found)
            stages.append(
                (label, sum(r[1] for r in found), sum(r[2] for r in found), sum(r[3] for r in found))
            )
    return {
        "stages": stages,
        "self": sorted(rows, key=lambda r: -r[1])[:limit],
        "inclusive": sorted(own, key=lambda r: -r[2])[:limit],
    }


def child_ingest(spec_json: str) -> None:
    """Inside the child: run the pipeline once and print what it measured as one JSON line."""
    spec = json.loads(spec_json)
    pipeline = importlib.import_module("aidtracker.etl.pipeline")
    paths = [Path(p) for p in spec["paths"]]
    db = Path(spec["db"])
    profiler = None
    if spec.get("profile"):
        # A first small run pays the one-time costs (imports, gazetteer, tokenizer) outside the profile.
        pipeline.run(paths[:1], db.with_name(db.stem + "-warmup.duckdb"), workers=spec["workers"])
        profiler = cProfile.Profile()
        profiler.enable()
    start = time.perf_counter()
    summary = pipeline.run(paths, db, workers=spec["workers"])
    seconds = time.perf_counter() - start
    # ru_maxrss is in KiB on Linux.
    out: dict[str, Any] = {
        "seconds": seconds,
        "rusage_self": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
        "rusage_children": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024,
        "summary": _summary_text(summary),
    }
    if profiler is not None:
        profiler.disable()
        out["profile"] = profile_rows(pstats.Stats(profiler))
    print("BENCH-RESULT " + json.dumps(out), flush=True)


def table_counts(db: Path) -> dict[str, int]:
    """Rows in each table of the database an ingest wrote."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {
            t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]  # type: ignore[index]
            for t in ("articles", "pledges", "risk_figures", "appeals", "rejected")
        }
    finally:
        con.close()


def run_ingest(corpus: Corpus, workers: int, work: Path, label: str, *, profile: bool = False) -> IngestRun:
    """Ingest the corpus into a new database in a child process, sampling its memory."""
    db = work / f"{label}.duckdb"
    for stale in (db, db.with_suffix(".duckdb.wal")):
        stale.unlink(missing_ok=True)
    spec = json.dumps(
        {"paths": [str(p) for p in corpus.paths], "db": str(db), "workers": workers, "profile": profile}
    )
    log = work / f"{label}.log"
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")])),
    }
    start = time.perf_counter()
    with log.open("w") as fh:
        proc = subprocess.Popen(
            [sys.executable, "-m", "bench.run", "--child-ingest", spec],
            cwd=REPO,
            env=env,
            stdout=subprocess.PIPE,
            stderr=fh,
            text=True,
        )
        with MemorySampler(proc.pid) as sampler:
            stdout, _ = proc.communicate()
    wall = time.perf_counter() - start
    marker = [line for line in stdout.splitlines() if line.startswith("BENCH-RESULT ")]
    if proc.returncode != 0 or not marker:
        tail = log.read_text(errors="replace").strip().splitlines()[-15:]
        raise RuntimeError(
            f"ingest {label} failed (exit {proc.returncode}):\n"
            + "\n".join(tail or stdout.splitlines()[-15:])
        )
    result = json.loads(marker[-1].removeprefix("BENCH-RESULT "))
    return IngestRun(
        corpus=corpus,
        workers=workers,
        seconds=result["seconds"],
        wall_seconds=wall,
        peak_rss=sampler.peak_total,
        peak_rss_one=sampler.peak_one,
        peak_pss=sampler.peak_pss,
        peak_pss_parent=sampler.peak_pss_root,
        peak_pss_workers=sampler.peak_pss_children,
        processes=sampler.processes,
        rusage_self=result["rusage_self"],
        rusage_children=result["rusage_children"],
        tables=table_counts(db),
        summary=result["summary"],
        cpu_seconds=sampler.cpu_seconds,
        other_cores=sampler.other_cores,
        profile=result.get("profile", {}),
    )


def _round_size(n: float, chunk: int) -> int:
    """A corpus size rounded down to whole files, at least one file.

    >>> _round_size(12345.6, 1000), _round_size(10, 1000)
    (12000, 1000)
    """
    return max(chunk, int(n // chunk) * chunk)


def bench_ingest(config: Config, work: Path, machine_cores: int) -> tuple[Section, dict[str, float]]:
    """Throughput with each worker count on the real and the synthetic corpus."""
    section = Section(
        "Ingest throughput (end to end into DuckDB)",
        (
            "corpus",
            "articles",
            "MB of text",
            "workers",
            "seconds",
            "articles/s",
            "articles/s per worker",
            "MB/s",
            "speed-up vs 1 worker",
            "articles per CPU-second",
            "other programs' load (cores)",
            "peak RSS, all processes (MiB)",
            "rows: pledges / risk / appeals / rejected",
        ),
    )
    rates: dict[str, float] = {}
    sizes = {"real": config.real_articles, "synthetic": config.synth_articles}
    if config.calibrate and config.ingest_seconds:
        cal = write_corpus(
            "real",
            _round_size(config.calibrate, min(config.chunk_size, config.calibrate)),
            work / "calibrate",
            config,
        )
        print(f"calibrating on {cal.articles} real articles, 1 worker ...", flush=True)
        run = run_ingest(cal, 1, work, "calibrate")
        rates["calibration"] = run.rate
        cap = _round_size(run.rate * config.ingest_seconds, config.chunk_size)
        section.note(
            f"calibration: {cal.articles} real articles with 1 worker ran at {_fmt(run.rate)} articles/s; "
            f"1-worker runs are capped at about {config.ingest_seconds:.0f} s of work ({_fmt(cap)} articles)"
        )
        for kind, wanted in sizes.items():
            if wanted > cap:
                section.note(
                    f"{kind} corpus reduced from {_fmt(wanted)} to {_fmt(cap)} articles to fit the cap"
                )
                sizes[kind] = cap
    for kind, n in sizes.items():
        if n <= 0:
            continue
        corpus = write_corpus("real" if kind == "real" else "synth", n, work / f"corpus-{kind}", config)
        one = None
        for workers in config.workers:
            print(f"ingest {kind} x{_fmt(n)}, {workers} worker(s) ...", flush=True)
            run = run_ingest(corpus, workers, work, f"ingest-{kind}-{workers}")
            if workers == 1:
                one = run
            rates[f"{kind}-{workers}"] = run.rate
            t = run.tables
            section.add(
                kind,
                _fmt(n),
                _fmt(corpus.text_bytes / MB, 1),
                workers,
                _fmt(run.seconds, 1),
                _fmt(run.rate),
                _fmt(run.rate / workers),
                _fmt(run.mb_per_s, 2),
                f"{run.rate / one.rate:.2f}x" if one else "",
                _fmt(n / run.cpu_seconds) if run.cpu_seconds else "",
                f"{run.other_cores:.2f}",
                _fmt(run.peak_rss / MIB),
                " / ".join(_fmt(t[k]) for k in ("pledges", "risk_figures", "appeals", "rejected")),
            )
            if t["articles"] != n:
                section.note(
                    f"{kind}, {workers} worker(s): the database holds {t['articles']} articles, not {n} "
                    f"(summary: {run.summary})"
                )
        if kind == "real" and one:
            verdict = "reached" if one.rate >= TARGET_ARTICLES_PER_CORE else "NOT reached"
            section.note(
                f"target >= {TARGET_ARTICLES_PER_CORE} articles/s per core on real text: {verdict} "
                f"({_fmt(one.rate)} with 1 worker)"
            )
    if machine_cores > 1 and max(config.workers) >= machine_cores:
        section.note(
            f"with all {machine_cores} cores the target is close to {machine_cores}x the 1-worker rate; "
            "the single DuckDB writer and the parent's reading stay serial"
        )
    section.note(
        "seconds = the pipeline.run() call in a fresh process (worker start-up included, "
        "interpreter start and imports not); MB = 10^6 bytes of UTF-8 title + text; CPU-seconds are "
        "those of the process and its workers, start-up and imports included, so small runs look worse; "
        "other programs' load is the CPU the rest of the machine used meanwhile (on a shared machine "
        "it slows the wall-clock figures)"
    )
    return section, rates


def growth_steps(sizes: Sequence[int], peaks: Sequence[float]) -> str:
    """How the peak grew from each size to the next.

    >>> growth_steps([10_000, 50_000, 100_000], [400, 600, 630])
    '10,000 -> 50,000 articles (5x): 1.50x; 50,000 -> 100,000 articles (2x): 1.05x'
    """
    return "; ".join(
        f"{_fmt(a)} -> {_fmt(b)} articles ({b / a:.0f}x): {pb / pa:.2f}x"
        for a, b, pa, pb in zip(sizes, sizes[1:], peaks, peaks[1:], strict=False)
    )


def bench_memory(config: Config, work: Path, rates: dict[str, float]) -> Section:
    """Peak memory of ingesting the repeated real corpus at growing sizes: it should stay flat."""
    section = Section(
        "Peak memory while ingesting (repeated real corpus)",
        (
            "articles",
            "workers",
            "seconds",
            "peak RSS, all processes (MiB)",
            "peak PSS, all processes (MiB)",
            "peak PSS, ingest process / its workers (MiB)",
            "peak RSS, largest process (MiB)",
            "processes",
            "ru_maxrss parent / largest worker (MiB)",
        ),
    )
    workers = max(config.workers)
    sizes = list(config.memory_sizes)
    rate = rates.get(f"real-{workers}") or rates.get("calibration", 0) * workers
    if config.memory_seconds and rate and max(sizes) > rate * config.memory_seconds:
        factor = rate * config.memory_seconds / max(sizes)
        scaled = [_round_size(s * factor, min(config.chunk_size, s)) for s in sizes]
        section.note(
            f"sizes {', '.join(_fmt(s) for s in sizes)} reduced to {', '.join(_fmt(s) for s in scaled)} "
            f"to fit about {config.memory_seconds:.0f} s at the measured {_fmt(rate)} articles/s"
        )
        sizes = scaled
    peaks = []
    for n in sizes:
        corpus = write_corpus("real", n, work / f"corpus-memory-{n}", config)
        print(f"memory: ingest real x{_fmt(n)}, {workers} worker(s) ...", flush=True)
        run = run_ingest(corpus, workers, work, f"memory-{n}")
        peaks.append(run.peak_pss or run.peak_rss)
        section.add(
            _fmt(n),
            workers,
            _fmt(run.seconds, 1),
            _fmt(run.peak_rss / MIB),
            _fmt(run.peak_pss / MIB),
            f"{_fmt(run.peak_pss_parent / MIB)} / {_fmt(run.peak_pss_workers / MIB)}",
            _fmt(run.peak_rss_one / MIB),
            run.processes,
            f"{_fmt(run.rusage_self / MIB)} / {_fmt(run.rusage_children / MIB)}",
        )
        shutil.rmtree(work / f"corpus-memory-{n}", ignore_errors=True)
        (work / f"memory-{n}.duckdb").unlink(missing_ok=True)
    if len(peaks) >= 2:
        growth = peaks[-1] / peaks[0]
        flat = "flat" if growth < 1.5 else "NOT flat"
        under = "under" if peaks[-1] < TARGET_MEMORY_MIB * MIB else "NOT under"
        section.note(
            f"{_fmt(sizes[-1] / sizes[0], 0)}x the articles took {growth:.2f}x the peak memory "
            f"(PSS sum; {flat}); "
            f"{under} the {TARGET_MEMORY_MIB} MiB target at {_fmt(sizes[-1])} articles"
        )
    if len(peaks) >= 3:
        section.note("peak memory (PSS sum) from one size to the next: " + growth_steps(sizes, peaks))
    section.note(
        "peak RSS sums the resident memory of the ingest process and all its workers, sampled every "
        "50 ms: pages the forked workers share count once per process, so it is an upper bound; "
        "PSS splits shared pages between their processes, so its sum (sampled every 0.5 s) is the "
        "memory the ingest really holds, and the figure the flatness and the target are judged on; "
        "ru_maxrss of workers is 0 because the fork server, not the ingest process, reaps them"
    )
    return section


def bench_profile(config: Config, work: Path) -> Section:
    """Where a 1-worker ingest of real text spends its time, by function (cProfile)."""
    n = config.profile_articles
    section = Section(
        f"Where the ingest's time goes ({_fmt(n)} real articles, 1 worker, cProfile)",
        ("ranking", "function", "self s", "self %", "inclusive s", "inclusive %", "calls"),
    )
    corpus = write_corpus("real", n, work / "corpus-profile", config)
    print(f"profile: ingest real x{_fmt(n)}, 1 worker, under cProfile ...", flush=True)
    run = run_ingest(corpus, 1, work, "profile", profile=True)
    total = run.seconds
    rankings = (
        ("stage", run.profile["stages"]),
        ("inclusive (project code)", run.profile["inclusive"]),
        ("self", run.profile["self"]),
    )
    for ranking, rows in rankings:
        for where, self_s, incl_s, calls in rows:
            section.add(
                ranking,
                f"`{where}`",
                f"{self_s:.2f}",
                f"{100 * self_s / total:.1f}",
                f"{incl_s:.2f}",
                f"{100 * incl_s / total:.1f}",
                _fmt(calls),
            )
    section.note(
        f"the profiled run took {total:.1f} s ({_fmt(n / total)} articles/s under the profiler, which "
        "slows code of many small calls most); a first run on one file paid the one-time costs"
    )
    section.note(
        "C code (the regex engine, spaCy's tokenizer, DuckDB) shows as the Python function that calls it "
        "or as a {built-in} row"
    )
    return section


# ---------------------------------------------------------------- one long article

# Issue 12: an article of 12,000 fact-bearing sentences took 2.9 to 4.1 times as long as one of
# 6,000, and 5 MB of repeated pledges did not finish in 120 s. The synthetic sentences average
# 100 characters: 8,000 stay under the cap of 1,000,000, so the growth is the extractor's alone.
LONG_SENTENCES = (4_000, 8_000)
LONG_MB = 5.0
REPEATED_PLEDGE = "Japan pledged $5 million to Sudan for food aid. "
RUN_ON_PLEDGE = "Japan pledged ${} million to Sudan for food aid, "


def bench_long(config: Config) -> Section:
    """One article's extraction time against its length (linear), and past the caps (bounded)."""
    from aidtracker.etl.extract import extract_article

    section = Section(
        "One long article: extraction time against its length",
        ("article", "characters", "facts", "seconds", "against the first", "read in part"),
    )
    sizes, mb = ((1_000, 2_000), 0.5) if config.quick else (LONG_SENTENCES, LONG_MB)
    chars = int(mb * MB)
    run_on = "".join(RUN_ON_PLEDGE.format(k % 900 + 1) for k in range(chars // 5 // 50)).rstrip(", ") + "."
    articles = [(f"{_fmt(n)} fact-bearing sentences", long_article(n, seed=config.seed)) for n in sizes]
    articles.append((f"{mb:g} MB of one pledge repeated", (REPEATED_PLEDGE * (chars // 48 + 1))[:chars]))
    articles.append((f"{mb / 5:g} MB of one run-on sentence of pledges", run_on))
    extract_article(articles[0][1][:5_000])  # patterns, gazetteers and the tokenizer are built once
    print("long: one article at a time, each extracted twice, the faster time kept ...", flush=True)
    first = None
    for label, text in articles:
        times = []
        for _ in range(2):
            start = time.perf_counter()
            result = extract_article(text)
            times.append(time.perf_counter() - start)
        seconds = min(times)
        first = first or (len(text), seconds)
        section.add(
            label,
            _fmt(len(text)),
            _fmt(len(result.facts)),
            f"{seconds:.2f}",
            f"{seconds / first[1]:.2f}x the time for {len(text) / first[0]:.2f}x the text",
            "; ".join(result.unread),
        )
    section.note(
        "linear: twice the sentences take twice the time. Past the caps of etl/extract.py an article is "
        "read up to MAX_ARTICLE_CHARS, a sentence in pieces of MAX_SENTENCE_CHARS: that bounds its cost"
    )
    return section


# ---------------------------------------------------------------- bulk load


def bench_load(config: Config, work: Path) -> Section:
    """Time loading `load_rows` pledge rows through the project's loader (etl/load.py)."""
    section = Section(
        f"Bulk load of {_fmt(config.load_rows)} pledge rows",
        ("rows", "path", "seconds", "rows/s", "target"),
    )
    load = _module("aidtracker.etl.load")
    print(f"generating {_fmt(config.load_rows)} synthetic pledge rows ...", flush=True)
    rows = pledge_rows(config.load_rows, seed=config.seed)
    # DuckDB itself, as the floor any loader stands on: Arrow into the table in one statement.
    floors = []
    for _ in range(config.load_repeats):
        db = work / "load-floor.duckdb"
        db.unlink(missing_ok=True)
        con = duckdb.connect(str(db))
        try:
            con.execute((REPO / "etl" / "schema.sql").read_text(encoding="utf-8"))
            start = time.perf_counter()
            con.execute("BEGIN")
            con.register("bench_rows", rows)
            con.execute("INSERT INTO pledges BY NAME SELECT * FROM bench_rows")
            con.execute("COMMIT")
            floors.append(time.perf_counter() - start)
        finally:
            con.close()
    floor = statistics.median(floors)
    section.add(
        _fmt(config.load_rows),
        "DuckDB alone: INSERT ... SELECT from Arrow, one transaction (floor)",
        _spread(floors),
        _fmt(config.load_rows / floor),
        "",
    )
    if load is None:
        section.note("etl/load.py does not exist yet: the project's loader was not timed")
        return section
    times, how = _time_project_load(load, rows, work, section, config.load_batch, config.load_repeats)
    if times:
        seconds = statistics.median(times)
        verdict = "reached" if seconds < TARGET_LOAD_SECONDS else "NOT reached"
        section.add(
            _fmt(config.load_rows),
            how,
            _spread(times),
            _fmt(config.load_rows / seconds),
            f"< {TARGET_LOAD_SECONDS:.0f} s: {verdict} (median)",
        )
    if config.load_repeats > 1:
        section.note(
            f"seconds: the median of {config.load_repeats} loads, each into a new file, then the fastest "
            "and slowest: on a shared machine the same load varies by 20% or more from run to run"
        )
    return section


def _spread(times: Sequence[float]) -> str:
    """Median seconds, with the fastest and slowest when there are several.

    >>> _spread([4.8, 4.2, 5.5]), _spread([0.81])
    ('4.80 (4.20-5.50)', '0.81')
    """
    if len(times) == 1:
        return f"{times[0]:.2f}"
    return f"{statistics.median(times):.2f} ({min(times):.2f}-{max(times):.2f})"


def article_items(rows: pa.Table, article_rows_type: type) -> list[Any]:
    """Group pledge rows (sorted by article) into the loader's per-article items, with article rows.

    Each article's text is its pledges' evidence joined by spaces, as `build_fact_db` writes it.
    """
    items = []
    records = rows.to_pylist()
    for article_id, group in itertools.groupby(records, key=operator.itemgetter("article_id")):
        facts = tuple(group)
        text = " ".join(f["evidence"] for f in facts)
        dates = [f["announced_on"] for f in facts if f["announced_on"] is not None]
        article = {
            "article_id": article_id,
            "title": f"Synthetic article {article_id}",
            "published_on": min(dates) if dates else None,
            "date_basis": "metadata" if dates else "unknown",
            "source": SOURCE,
            "url": URL_BASE + article_id,
            "text": text,
            "content_sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
        }
        items.append(article_rows_type(article, facts, (), (), origin=f"{SOURCE}: {article_id}"))
    return items


def _time_project_load(
    load: Any, rows: pa.Table, work: Path, section: Section, batch: int, repeats: int
) -> tuple[list[float], str]:
    """Time etl.load's bulk path (open_for_ingest + Writer.write per batch) on the rows.

    In an ingest the worker processes turn their articles into Arrow batches (etl.load.to_batch)
    and the writer receives those: the batches are built first, timed apart, and handed over.
    """
    normalize = _module("aidtracker.etl.normalize")
    needed = ("open_for_ingest", "Writer")
    if (
        normalize is None
        or not all(hasattr(load, n) for n in needed)
        or not hasattr(normalize, "ArticleRows")
    ):
        section.note(
            "etl/load.py lacks open_for_ingest/Writer or etl/normalize.py lacks ArticleRows: "
            "the project's loader was not timed"
        )
        return [], ""
    print("grouping the rows into articles for the loader ...", flush=True)
    items = article_items(rows, normalize.ArticleRows)
    groups: list[Any] = [items[first : first + batch] for first in range(0, len(items), batch)]
    given = "normalized articles"
    if hasattr(load, "to_batch"):
        start = time.perf_counter()
        groups = [load.to_batch(group) for group in groups]
        section.note(
            f"building the {_fmt(len(groups))} Arrow batches from normalized rows (etl.load.to_batch) "
            f"took {time.perf_counter() - start:.2f} s in one process; in an ingest the extraction "
            "workers build them in parallel, so the load below starts from the batches"
        )
        given = "Arrow batches"
    times = []
    for _ in range(repeats):
        db = work / "load-project.duckdb"
        db.unlink(missing_ok=True)
        start = time.perf_counter()
        stored = 0
        with load.open_for_ingest(db) as con:
            writer = load.Writer(con, dt.datetime.now())
            for group in groups:
                stored += writer.write(group).pledges
        times.append(time.perf_counter() - start)
    if stored != rows.num_rows:
        section.note(f"the loader stored {_fmt(stored)} pledges of {_fmt(rows.num_rows)}")
    how = (
        f"etl.load: open_for_ingest + Writer.write, {_fmt(len(items))} articles "
        f"in {given} of {_fmt(batch)} articles (articles rows included; copy-and-swap included)"
    )
    return times, how


# ---------------------------------------------------------------- dashboard queries


# What one script run of dashboard/app.py asks of queries.py, in order: every run first checks the
# file (db_status, uncached); the first load then asks for the sidebar's choices (STARTUP_QUERIES,
# the unfiltered summary) and the caption's article count; every run then makes the summary under
# the filters (sidebar counts, headline, aggregate charts) and the calls of the OPEN tab only (the
# tabs are lazy: a tab click reruns the script, TAB_CALLS). The app caches each call by its
# arguments and the file's version (st.cache_data), so a call repeated within a run, or made by an
# earlier run, costs nothing: the steps are each distinct call once. Downloads are built only when
# clicked.
PAGE_SIZE = 25  # dashboard/app.py's PAGE_SIZE
STARTUP_QUERIES = ("distinct_values", "date_bounds")
FIRST_TAB = "Overview"  # the tab a page opens on
# The calls each tab makes when it is the open one, by step label ("table_view pledges" is
# queries.table_view of the table the Pledges tab shows, then "evidence pledges" the first row's
# evidence). This mirrors dashboard/app.py: overview(), maps(), risk_and_need() and table_section()
# of each table tab; what those take from the summary costs nothing more. A table tab shows the
# groups of its reports (flows, risk observations, appeal groups: queries.shown_table) unless the
# sidebar's switch asks for every report; a step's label names the table it reads, and a group's
# evidence is its reports (queries.group_reports). (When the filters leave no cash in USD, the
# Overview makes in_kind instead of pledges_by_month; every timed filter here leaves some.)
TAB_CALLS: dict[str, tuple[str, ...]] = {
    "Overview": ("pledges_by_month",),
    "Maps": (),
    "Risk and need": ("risk_series", "in_kind"),
    "Pledges": ("table_view pledges", "evidence pledges"),
    "Risk figures": ("table_view risk_figures", "evidence risk_figures"),
    "Appeals": ("table_view appeals", "evidence appeals"),
    "Articles": ("table_view articles",),
}

# a step: its label, the tab that makes it (None: every run, whichever tab is open), the call
Step = tuple[str, str | None, Callable[[], object]]


def tab_of(label: str) -> str | None:
    """The tab whose content makes the call `label`, or None for a call every run makes.

    >>> tab_of("table_view risk_figures"), tab_of("in_kind"), tab_of("summary")
    ('Risk figures', 'Risk and need', None)
    """
    return next((tab for tab, calls in TAB_CALLS.items() if label in calls), None)


def shown_label(queries: Any, label: str, filters: Any) -> str:
    """A TAB_CALLS label with the table the call reads under `filters` (queries.shown_table).

    >>> from aidtracker.dashboard import queries
    >>> shown_label(queries, "table_view pledges", queries.Filters()), shown_label(queries, "in_kind", None)
    ('table_view flows', 'in_kind')
    >>> shown_label(queries, "evidence appeals", queries.Filters(reports=True))
    'evidence appeals'
    """
    name, _, table = label.partition(" ")
    if not table or not hasattr(queries, "shown_table"):
        return label
    return f"{name} {queries.shown_table(table, filters)}"


def interaction_steps(queries: Any, db: str, filters: Any, *, startup: bool) -> tuple[list[Step], list[str]]:
    """The query calls of the dashboard's runs under `filters` (the calls of every tab), and the
    names queries.py lacks."""
    missing: list[str] = []
    steps: list[Step] = []
    found: dict[str, Any] = {}  # results later steps need: the risk chart's country, a record id
    made: set[tuple[Any, ...]] = set()  # calls the app's cache would answer

    def call(name: str, *args: Any, keep: str | None = None) -> Callable[[], object]:
        def run() -> object:
            result = getattr(queries, name)(db, *args)
            if keep:
                found[keep] = result
            return result

        return run

    def add(label: str, name: str, fn: Callable[[], object], *args: Any, shown: str | None = None) -> None:
        if (name, *args) in made:
            return
        made.add((name, *args))
        if hasattr(queries, name):
            steps.append((shown or label, tab_of(label), fn))
        elif name not in missing:
            missing.append(name)

    empty = queries.Filters()
    # every run checks the file first, uncached
    add("db_status", "db_status", call("db_status"))
    if startup:
        for name in STARTUP_QUERIES:
            add(name, name, call(name))
        # the sidebar's choices are every donor and recipient: the unfiltered summary
        add("summary (no filter: the choices)", "summary", call("summary", empty, keep="summary"), empty)
        caption = call("table_count", "articles", empty)
        add("table_count articles (no filter: the caption)", "table_count", caption, "articles", empty)
    add("summary", "summary", call("summary", filters, keep="summary"), filters)
    if getattr(filters, "reports", False):
        # the empty states' "the database holds ...", counted as the page counts: every report
        every = queries.Filters(reports=True)
        add("summary (every report, no filter: the empty states)", "summary", call("summary", every), every)

    def series() -> object:
        summary = found.get("summary")
        countries = None if summary is None else summary["risk_countries"]
        if countries is None or countries.empty:
            return None
        return queries.risk_series(db, filters, countries["value"].iloc[0])

    groups = set(getattr(queries, "GROUPS", {}).values())

    def record(table: str) -> Callable[[], object]:
        def run() -> object:
            view = found.get(table)
            page = None if view is None else view[2]
            if page is None or page.empty:
                return None
            evidence = queries.group_reports if table in groups else queries.evidence
            return evidence(db, table, page["id"].iloc[0])

        return run

    for label in (label for calls in TAB_CALLS.values() for label in calls):
        shown = shown_label(queries, label, filters)
        name, _, table = shown.partition(" ")
        if name == "risk_series":
            add(label, name, series, filters)
        elif name == "table_view":
            fn = call(name, table, filters, 0, PAGE_SIZE, keep=table)
            add(label, name, fn, table, filters, 0, shown=shown)
        elif name == "evidence":
            add(label, "group_reports" if table in groups else name, record(table), table, shown=shown)
        else:
            add(label, name, call(name, filters), filters)
    return steps, missing


def interaction_totals(steps: Sequence[tuple[str, str | None, float]], *, startup: bool) -> dict[str, float]:
    """The query time of each run an interaction stands for, from the (label, tab, seconds) of its calls.

    A filter change reruns the page with some tab open: the calls every run makes plus that tab's,
    one total per tab. The first load opens on FIRST_TAB; after it, a click on another tab reruns
    the page, and only db_status (uncached) and that tab's calls are new.

    >>> steps = [("db_status", None, 1.0), ("summary", None, 2.0), ("pledges_by_month", "Overview", 4.0),
    ...          ("table_view pledges", "Pledges", 8.0), ("evidence pledges", "Pledges", 16.0)]
    >>> runs = interaction_totals(steps, startup=False)
    >>> runs["with Overview open"], runs["with Maps open"], runs["with Pledges open"], len(runs)
    (7.0, 3.0, 27.0, 7)
    >>> interaction_totals(steps, startup=True)
    {'with Overview open': 7.0, 'then opening Maps': 1.0, 'then opening Risk and need': 1.0, \
'then opening Pledges': 25.0, 'then opening Risk figures': 1.0, 'then opening Appeals': 1.0, \
'then opening Articles': 1.0}
    """
    if not startup:
        return {f"with {tab} open": sum(t for _, of, t in steps if of in (None, tab)) for tab in TAB_CALLS}
    totals = {f"with {FIRST_TAB} open": sum(t for _, of, t in steps if of in (None, FIRST_TAB))}
    for tab in TAB_CALLS:
        if tab != FIRST_TAB:
            totals[f"then opening {tab}"] = sum(t for n, of, t in steps if of == tab or n == "db_status")
    return totals


def _busiest_donor(db: Path) -> str:
    con = duckdb.connect(str(db), read_only=True)
    try:
        row = con.execute(
            "SELECT donor FROM pledges GROUP BY donor ORDER BY count(*) DESC LIMIT 1"
        ).fetchone()
    finally:
        con.close()
    return str(row[0]) if row else ""


def bench_queries(config: Config, work: Path) -> Section:
    """Time each dashboard interaction's queries (dashboard/queries.py) on a synthetic database."""
    repeats = config.query_repeats
    section = Section(
        f"Dashboard queries ({_fmt(config.pledges)} pledges, {_fmt(config.risk_figures)} risk figures)",
        ("interaction", "query", "first (ms)", f"median of next {repeats} (ms)", "rows"),
    )
    db = work / "dashboard.duckdb"
    for stale in (db, db.with_suffix(".duckdb.wal")):
        stale.unlink(missing_ok=True)
    print(f"building a database of {_fmt(config.pledges)} pledges ...", flush=True)
    start = time.perf_counter()
    counts = build_fact_db(
        db,
        pledges=config.pledges,
        risk_figures=config.risk_figures,
        appeals=config.pledges // 50,
        seed=config.seed,
    )
    section.note(
        f"synthetic database built in SQL in {time.perf_counter() - start:.1f} s: "
        + ", ".join(f"{_fmt(v)} {k}" for k, v in counts.items())
    )
    # the dashboard counts the groups of reports that the end of every ingest builds
    consolidate = _module("aidtracker.etl.consolidate")
    if consolidate is not None:
        start = time.perf_counter()
        con = duckdb.connect(str(db))
        try:
            grouped = consolidate.consolidate(con)
            con.execute("CHECKPOINT")
        finally:
            con.close()
        section.note(
            f"its reports grouped (etl.consolidate) in {time.perf_counter() - start:.1f} s: "
            f"{_fmt(grouped.flows)} flows of {_fmt(grouped.pledges)} pledges, {_fmt(grouped.observations)} "
            f"risk observations of {_fmt(grouped.figures)} figures, {_fmt(grouped.groups)} appeal groups of "
            f"{_fmt(grouped.appeals)} appeals; the tabs show the groups, as the page does by default"
        )
    queries = _module("aidtracker.dashboard.queries")
    if queries is None or not hasattr(queries, "Filters"):
        section.note("dashboard/queries.py (with its Filters) does not exist yet: no query was timed")
        return section
    downloads = _module("aidtracker.dashboard.downloads")
    donor = _busiest_donor(db)
    lo, hi = dt.date(2010, 1, 1), dt.date(2014, 12, 31)
    interactions = {
        "first load": (queries.Filters(), True),
        f"choose a donor ({donor}, the busiest)": (queries.Filters(donors=(donor,)), False),
        f"a date range ({lo} to {hi})": (queries.Filters(date_from=lo, date_to=hi), False),
    }
    if hasattr(queries, "shown_table"):
        # the sidebar's switch: every report counted and listed, the record tables read
        interactions["show every report (the sidebar's switch)"] = (queries.Filters(reports=True), False)
    run_totals: list[tuple[str, float, float]] = []  # (interaction and open tab, first, median)
    download_totals: list[tuple[str, float, float]] = []
    missing: list[str] = []
    # The app keeps one reader open per file version: the first load after the server starts (or
    # after an ingest swaps in a new file) opens it with a cold cache, later runs reuse it warm.
    if hasattr(queries, "close_all"):
        queries.close_all()
    planned = {}
    for interaction, (filters, startup) in interactions.items():
        steps, lacking = interaction_steps(queries, str(db), filters, startup=startup)
        missing += [m for m in lacking if m not in missing]
        planned[interaction] = steps
    runs: dict[str, list[list[float]]] = {name: [] for name in planned}
    sizes: dict[tuple[str, str], str] = {}
    # the interactions in the order a user makes them, then that sequence again `repeats` times
    for round_ in range(repeats + 1):
        for interaction, steps in planned.items():
            if round_ == 0:
                print(f"queries: {interaction} ({len(steps)} calls) ...", flush=True)
            times = []
            for label, _, fn in steps:
                start = time.perf_counter()
                result = fn()
                times.append(time.perf_counter() - start)
                sizes[(interaction, label)] = _size(result)
            runs[interaction].append(times)
    for interaction, steps in planned.items():
        first_run, later = runs[interaction][0], runs[interaction][1:]
        for i, (label, _, _) in enumerate(steps):
            median = statistics.median(run[i] for run in later) if later else first_run[i]
            section.add(
                interaction,
                label,
                _fmt(first_run[i] * 1000, 1),
                _fmt(median * 1000, 1),
                sizes[(interaction, label)],
            )
        labels = [(label, tab) for label, tab, _ in steps]
        startup = interactions[interaction][1]
        first_totals, *later_totals = (
            interaction_totals([(*lt, t) for lt, t in zip(labels, run, strict=True)], startup=startup)
            for run in runs[interaction]
        )
        for run_name, first_total in first_totals.items():
            median_total = statistics.median(run[run_name] for run in later_totals) if later else first_total
            run_totals.append((f"{interaction}, {run_name}", first_total, median_total))
            section.add(
                interaction,
                f"**{run_name}**",
                f"**{_fmt(first_total * 1000)}**",
                f"**{_fmt(median_total * 1000)}**",
                "",
            )
    if downloads is not None and hasattr(downloads, "build_download"):
        selections = {
            "every row, no filter": queries.Filters(),
            f"the rows of the busiest donor ({donor})": queries.Filters(donors=(donor,)),
        }
        for selection, filters in selections.items():
            for table in getattr(queries, "TABLES", ()):
                fn = functools.partial(downloads.build_download, str(db), table, filters)
                print(f"queries: download {table}, {selection} ...", flush=True)
                first, _, size = _timed_step(fn, 0)  # seconds each: once is enough
                download_totals.append((f"download {table} ({selection})", first, first))
                section.add(
                    f"download (CSV of {selection})",
                    f"downloads.build_download {table}",
                    _fmt(first * 1000, 1),
                    "(run once)",
                    f"{size} bytes",
                )
    else:
        missing.append("downloads.build_download")
    if hasattr(queries, "connect") and hasattr(queries, "close_all"):

        def open_close() -> None:
            queries.close_all()
            with queries.connect(str(db)) as con:
                con.execute("SELECT 1").fetchall()

        first, later_open, _ = _timed_step(open_close, 9)
        section.note(
            f"opening the database's reader (queries.connect after queries.close_all) takes "
            f"{_fmt(statistics.median(later_open) * 1000, 1)} ms (median of 9); the first load pays it once, "
            "later runs reuse the open reader"
        )
    if missing:
        section.note(f"not timed, missing from dashboard/: {', '.join(missing)}")

    def judged(totals: list[tuple[str, float, float]]) -> str:
        over = [f"{name} ({_fmt(t * 1000)} ms)" for name, t, _ in totals if t * 1000 >= TARGET_QUERY_MS]
        return "NOT reached by " + "; ".join(over) if over else "reached"

    section.note(
        f"target: every interaction's queries under {TARGET_QUERY_MS:.0f} ms ('first' column), judged for "
        f"each run in bold (each interaction with each tab open): {judged(run_totals)}; the CSV downloads: "
        + judged(download_totals)
    )
    section.note(
        "the dashboard's tabs are lazy: a run makes db_status, the summary under the filters and the "
        "calls of the open tab only, and a click on a tab is a run. So the bold rows are the runs a user "
        "waits for: the first load (startup calls and the Overview tab, the tab a page opens on), then a "
        "click on each other tab (db_status and that tab's calls; the rest is cached); and a new filter "
        "choice with each tab open (db_status, the summary and that tab's calls). The per-call rows "
        "time every call of every tab; the calls of each tab are "
        + "; ".join(f"{tab}: {', '.join(calls) or 'no more'}" for tab, calls in TAB_CALLS.items())
        + " (a table tab reads the groups of its reports, flows, risk_observations and appeal_groups, "
        "and a group's evidence is its reports; with the sidebar's switch on, the record tables)"
    )
    section.note(
        "the interactions run in the order listed, as one user makes them: 'first' is that first pass "
        "(the first load opens the reader, its cache cold; the file is in the OS page cache: it was just "
        f"written), 'median' the median of {repeats} more passes of the same sequence on the open reader. "
        "Each step is a distinct call the app makes in some run of the interaction (the app caches "
        "results per call and file version, so a new filter choice costs the 'first' column)"
    )
    return section


def _size(result: object) -> str:
    if result is None:
        return ""
    if isinstance(result, tuple) and result and hasattr(result[-1], "columns"):
        return f"{_fmt(len(result[-1]))} of {_fmt(result[0])}"  # table_view: the page of the total
    if isinstance(result, dict):
        return f"{len(result)} parts" if any(hasattr(v, "columns") for v in result.values()) else "1 record"
    if hasattr(result, "__len__"):
        return _fmt(len(result))  # type: ignore[arg-type]
    return "1"


def _timed_step(fn: Callable[[], object], repeats: int) -> tuple[float, list[float], str]:
    """Time a query call: the first call, `repeats` more, and the size of what it returned."""
    start = time.perf_counter()
    result = fn()
    first = time.perf_counter() - start
    later = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        later.append(time.perf_counter() - start)
    return first, later, _size(result)


# ---------------------------------------------------------------- consolidation

TARGET_CONSOLIDATE_SECONDS = 10.0


def bench_consolidate(config: Config, work: Path) -> Section:
    """Time etl.consolidate on `pledges` synthetic reports of fewer pledges (bench.flows), and
    count how well it grouped them against the pledges they were made from."""
    from bench.flows import build_flow_db, pair_scores

    section = Section(
        f"Consolidation of {_fmt(config.pledges)} pledge reports (one pledge, many reports)",
        ("reports", "run", "seconds", "flows", "target"),
    )
    consolidate = _module("aidtracker.etl.consolidate")
    if consolidate is None:
        section.note("etl/consolidate.py does not exist yet: consolidation was not timed")
        return section
    db = work / "flows.duckdb"
    db.unlink(missing_ok=True)
    start = time.perf_counter()
    counts = build_flow_db(db, pledges=config.pledges, seed=config.seed)
    os.sync()  # the new file on disk first: its write-back is the build's time, not the timed run's
    section.note(
        f"synthetic database built in SQL in {time.perf_counter() - start:.1f} s: {_fmt(counts['pledges'])} "
        f"reports of {_fmt(counts['true_pledges'])} pledges (bench/flows.py)"
    )
    times = []
    for run in range(max(1, config.load_repeats)):
        con = duckdb.connect(str(db))
        try:
            start = time.perf_counter()
            grouped = consolidate.consolidate(con)
            times.append(time.perf_counter() - start)
            if run == 0:
                scores = pair_scores(con)
        finally:
            con.close()
        verdict = "reached" if times[-1] < TARGET_CONSOLIDATE_SECONDS else "NOT reached"
        section.add(
            _fmt(grouped.pledges),
            "first" if run == 0 else "again (tables full)",
            f"{times[-1]:.1f}",
            _fmt(grouped.flows),
            f"< {TARGET_CONSOLIDATE_SECONDS:.0f} s: {verdict}",
        )
    section.note(
        f"grouping against the synthetic pledges: pairwise precision {scores['precision']:.3f}, recall "
        f"{scores['recall']:.3f} over {_fmt(scores['pairs'])} true pairs. A false merge is a coincidence the "
        "generator makes: two pledges of one donor, recipient and round amount within half a year agree on "
        "every rule. Most misses are reports drawn into such a coincident earlier flow, or a report without "
        "recipient more than 31 days from its flow's first"
    )
    return section


# ---------------------------------------------------------------- main


@contextmanager
def scratch(args: argparse.Namespace) -> Iterator[Path]:
    """The scratch folder: given, or a new temporary one removed at the end unless --keep."""
    if args.workdir:
        args.workdir.mkdir(parents=True, exist_ok=True)
        yield args.workdir
        return
    path = Path(tempfile.mkdtemp(prefix="aidtracker-bench-"))
    try:
        yield path
    finally:
        if args.keep:
            print(f"scratch files kept in {path}")
        else:
            shutil.rmtree(path, ignore_errors=True)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the chosen sections, print the figures, and write the results file."""
    config, args = parse_args(argv)
    if args.child_ingest:
        child_ingest(args.child_ingest)
        return 0
    began = time.perf_counter()
    machine = machine_info()
    print("machine: " + "; ".join(f"{k} {v}" for k, v in machine.items()), flush=True)
    sections: list[Section] = []
    failed: list[str] = []

    def measure(name: str, title: str, fn: Callable[[], Section]) -> None:
        # One section's failure (a crash in the code measured) is reported, and the rest still run.
        try:
            sections.append(fn())
        except Exception as exc:
            failed.append(name)
            broken = Section(title, ())
            broken.note(f"FAILED: {type(exc).__name__}: {exc}")
            sections.append(broken)

    with scratch(args) as work:
        rates: dict[str, float] = {}
        if {"ingest", "memory", "profile"} & set(config.sections) and _module(
            "aidtracker.etl.pipeline"
        ) is None:
            missing = Section("Ingest throughput and peak memory", ())
            missing.note("etl/pipeline.py does not exist yet: ingest was not measured")
            sections.append(missing)
        elif {"ingest", "memory", "profile"} & set(config.sections):

            def ingest() -> Section:
                section, found = bench_ingest(config, work, os.cpu_count() or 1)
                rates.update(found)
                return section

            if "ingest" in config.sections:
                measure("ingest", "Ingest throughput", ingest)
            if "memory" in config.sections:
                measure("memory", "Peak memory while ingesting", lambda: bench_memory(config, work, rates))
            if "profile" in config.sections:
                measure("profile", "Where the ingest's time goes", lambda: bench_profile(config, work))
        if "long" in config.sections:
            measure("long", "One long article", lambda: bench_long(config))
        if "load" in config.sections:
            measure("load", "Bulk load", lambda: bench_load(config, work))
        if "queries" in config.sections:
            measure("queries", "Dashboard queries", lambda: bench_queries(config, work))
        if "consolidate" in config.sections:
            measure("consolidate", "Consolidation", lambda: bench_consolidate(config, work))
    seconds = time.perf_counter() - began
    command = "python -m bench.run" + (" " + " ".join(argv if argv is not None else sys.argv[1:])).rstrip()
    text = results_markdown(machine, sections, command.strip(), seconds)
    out = args.out or (None if config.quick else DEFAULT_OUT)
    if out:
        out.write_text(text, encoding="utf-8")
        print(f"results written to {out}")
    print(f"benchmark took {seconds:.0f} s")
    if failed:
        print(f"FAILED sections: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
