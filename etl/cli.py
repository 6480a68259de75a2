"""The `aidtracker` command: `ingest` articles, `fetch` live sources, the `dashboard`, analysts' `reviews`."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import sys
from collections.abc import Mapping, Sequence
from importlib import resources
from pathlib import Path
from typing import Any, NoReturn

import duckdb

from aidtracker.etl import dbpath, engines, fetch, load, pipeline, reviews

DASHBOARD_APP = Path(str(resources.files("aidtracker.dashboard") / "app.py"))
# Above this many files a progress bar is worth its line on the terminal.
PROGRESS_MIN_FILES = 20
EXIT_FAILED = 1
EXIT_BUSY = 75  # EX_TEMPFAIL: another ingest holds the database; retrying later will work
EXIT_NO_INPUT = 66  # EX_NOINPUT: a path given names nothing to read, most likely a typo
EXIT_INTERRUPTED = 130
# --every more often than this would press a public source for nothing: news moves in hours.
MIN_PERIOD_SECONDS = 60.0

# A country code for --country.
_ISO3 = re.compile(
    r"""
    \A[A-Za-z]{3}\Z   # three letters: SDN, ssd
    """,
    re.VERBOSE,
)


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} must be at least 1")
    return value


def _port(text: str) -> int:
    value = _positive_int(text)
    if value > 65535:
        raise argparse.ArgumentTypeError(f"{text!r} is not a TCP port (1-65535)")
    return value


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds") from None
    if not 0 <= value < float("inf"):
        raise argparse.ArgumentTypeError(f"{text!r} must be zero or more seconds")
    return value


def _iso3(text: str) -> str:
    if not _ISO3.match(text.strip()):
        raise argparse.ArgumentTypeError(f"{text!r} is not a three-letter ISO 3166 country code (e.g. SDN)")
    return text.strip().upper()


def _since(text: str) -> dt.datetime:
    try:
        return fetch.parse_since(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _period(text: str) -> float:
    try:
        seconds = fetch.parse_period(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    if seconds < MIN_PERIOD_SECONDS:
        raise argparse.ArgumentTypeError(f"{text!r} is too often for a public source: at least 1m")
    return seconds


def _http_url(text: str) -> str:
    if not fetch.is_http_url(text):
        raise argparse.ArgumentTypeError(f"{text!r} is not an http(s) URL")
    return text.rstrip("/")


class _Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors take one line, pointing at --help."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


DB_HELP = (
    f"DuckDB file (default: ${dbpath.ENV_VAR} if set, else {dbpath.DEFAULT_RELATIVE} in the current folder)"
)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the `aidtracker` command."""
    parser = _Parser(
        prog="aidtracker", description="Turn aid news articles into DuckDB tables, and explore them."
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    ingest = commands.add_parser(
        "ingest",
        help="read articles and load their pledges, risk figures and appeals",
        description="Read articles (files, folders, globs) and load what they state into the database.",
    )
    ingest.add_argument("paths", nargs="+", metavar="PATH", help="a file, folder (read recursively) or glob")
    ingest.add_argument("--db", type=Path, default=None, help=DB_HELP)
    ingest.add_argument(
        "--workers",
        type=_positive_int,
        default=None,
        help="worker processes (default: every CPU the input can use)",
    )
    ingest.add_argument("--engine", choices=("local", "dask"), default="local", help="where extraction runs")
    ingest.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="Dask scheduler, e.g. tcp://10.0.0.5:8786 (default: a local cluster)",
    )
    ingest.add_argument("--force", action="store_true", help="re-extract articles even when unchanged")
    _add_wait_and_quiet(ingest, "how long to wait for another ingest to finish")

    _add_fetch(commands)

    dash = commands.add_parser(
        "dashboard", help="open the dashboard", description="Serve the dashboard with Streamlit."
    )
    dash.add_argument("--db", type=Path, default=None, help=DB_HELP)
    dash.add_argument("--port", type=_port, default=8501, help="port (default: %(default)s)")
    dash.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default: %(default)s, this machine only)"
    )
    dash.add_argument(
        "--base-url-path",
        default="",
        metavar="PATH",
        help="serve under this URL path, e.g. aidtracker behind a reverse proxy at /aidtracker/ (default: /)",
    )
    dash.add_argument(
        "--edit-password-file",
        type=Path,
        default=None,
        metavar="PATH",
        help="let only those who give the password on this file's first line review facts; without "
        "it (or $AIDTRACKER_EDIT_PASSWORD) a dashboard served beyond this machine (--host) is "
        "read-only, and one on 127.0.0.1 (the default) lets anyone at the page review",
    )
    revs = commands.add_parser(
        "reviews",
        help="export or import analysts' reviews",
        description="Share analysts' reviews (confirmed, corrected, rejected and added facts) as CSV.",
    )
    actions = revs.add_subparsers(dest="action", required=True, metavar="ACTION")
    export = actions.add_parser("export", help="write the reviews in force to a CSV file")
    export.add_argument(
        "file", type=Path, metavar="FILE.csv", help="the CSV file to write ('-': standard output)"
    )
    export.add_argument("--db", type=Path, default=None, help=DB_HELP)
    imp = actions.add_parser(
        "import", help="load the reviews of a CSV file (from `reviews export`) and apply them"
    )
    imp.add_argument("file", type=Path, metavar="FILE.csv", help="a CSV file that `reviews export` wrote")
    imp.add_argument("--db", type=Path, default=None, help=DB_HELP)
    imp.add_argument(
        "--wait",
        type=_seconds,
        default=10.0,
        metavar="SECONDS",
        help="how long to wait for a running ingest before applying (default: %(default)s)",
    )
    return parser


def _add_wait_and_quiet(command: argparse.ArgumentParser, wait_help: str) -> None:
    """--wait and --quiet, as every command that ingests takes them."""
    command.add_argument(
        "--wait", type=_seconds, default=10.0, metavar="SECONDS", help=f"{wait_help} (default: %(default)s)"
    )
    command.add_argument("--quiet", action="store_true", help="no progress bar, no list of rejected inputs")


def _add_fetch(commands: Any) -> None:
    fetcher = commands.add_parser(
        "fetch",
        help="fetch new reports from ReliefWeb or RSS/Atom feeds and ingest them",
        description="Fetch what is new from a live source, keep it under raw/ beside the database, "
        "and ingest it. Each source resumes where its last fetch stopped.",
    )
    sources = fetcher.add_subparsers(dest="source", required=True, metavar="SOURCE")
    rw = sources.add_parser(
        "reliefweb",
        help="reports from the ReliefWeb API (needs an approved appname)",
        description="Fetch ReliefWeb reports created since the last fetch (the first: the last 30 days), "
        f"with an appname ReliefWeb approved (request one: {fetch.APPNAME_FORM}).",
    )
    rw.add_argument("--query", metavar="TEXT", help="full-text search, e.g. 'cholera OR famine'")
    rw.add_argument(
        "--country", action="append", type=_iso3, default=[], metavar="ISO3", help="a country (repeatable)"
    )
    rw.add_argument(
        "--since",
        type=_since,
        metavar="DATE|30d",
        help="reports created since this date (2026-11-01) or this long ago (30d, 12h), instead of "
        "since the last fetch (with --every: the first run only)",
    )
    rw.add_argument(
        "--appname",
        metavar="NAME",
        help=f"the appname ReliefWeb approved (default: ${fetch.APPNAME_ENV}, else [reliefweb] appname "
        "in the config file)",
    )
    rw.add_argument(
        "--api-url",
        type=_http_url,
        default=fetch.RELIEFWEB_API,
        metavar="URL",
        help="the API, or a mirror of it (default: %(default)s)",
    )
    feeds = sources.add_parser(
        "feeds",
        help="entries of RSS and Atom feeds (and the pages of those that give only a summary)",
        description="Fetch the feeds a file lists (one URL a line, # for comments); for an entry that "
        "gives only a summary, download its page (robots.txt permitting) for the text.",
    )
    feeds.add_argument("feeds", type=Path, metavar="FEEDS.txt", help="the list of feed URLs")
    for sub in (rw, feeds):
        sub.add_argument("--db", type=Path, default=None, help=DB_HELP)
        sub.add_argument(
            "--every",
            type=_period,
            metavar="PERIOD",
            help="keep running and fetch every PERIOD (30m, 1h, 1d); Ctrl-C stops",
        )
        sub.add_argument(
            "--delay",
            type=_seconds,
            default=fetch.Politeness.delay,
            metavar="SECONDS",
            help="seconds between two requests to one host (default: %(default)s)",
        )
        _add_wait_and_quiet(sub, "how long to wait for a running ingest")


class _Bar:
    """A tqdm bar over files read (or items fetched), shown only for many of them on a terminal."""

    def __init__(self, quiet: bool, unit: str = "file", desc: str = "ingest") -> None:
        self.enabled = not quiet and sys.stderr.isatty()
        self.unit = unit
        self.desc = desc
        self.bar: Any = None

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled or total <= PROGRESS_MIN_FILES:
            return
        if self.bar is None:
            from tqdm import tqdm

            self.bar = tqdm(total=total, unit=self.unit, desc=self.desc, file=sys.stderr, leave=False)
        if total != self.bar.total:  # ReliefWeb's count grows while it pages
            self.bar.total = total
            self.bar.refresh()
        self.bar.update(done - self.bar.n)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def _report(summary: pipeline.Summary, quiet: bool) -> None:
    print(
        f"{summary.db}: articles {summary.new} new, {summary.updated} updated, "
        f"{summary.unchanged} unchanged, "
        f"{len(summary.rejected)} rejected; records {summary.pledges} pledges, "
        f"{summary.risk_figures} risk figures, {summary.appeals} appeals "
        f"({summary.files} files in {summary.seconds:.1f} s); "
        f"{summary.consolidated.flows} flows from {summary.consolidated.pledges} pledge reports"
    )
    if not quiet:
        for item in summary.rejected:
            print(f"rejected: {item.source}: {item.reason}")


def _ingest(args: argparse.Namespace) -> int:
    if args.scheduler and args.engine != "dask":
        return _fail("--scheduler needs --engine dask", 2)
    bar = _Bar(args.quiet)
    try:
        summary = pipeline.run(
            args.paths,
            args.db,
            workers=args.workers,
            engine=args.engine,
            scheduler=args.scheduler,
            progress=bar,
            force=args.force,
            wait=args.wait,
        )
    except (load.StoreError, engines.EngineError, OSError, duckdb.Error) as exc:
        bar.close()
        return _store_failure(exc, args.db)
    except KeyboardInterrupt:
        bar.close()
        return _fail(f"interrupted; {args.db} was left unchanged", 130)
    bar.close()
    _report(summary, args.quiet)
    if summary.unread:
        names = ", ".join(summary.unread)
        rest = " (the other paths were ingested)" if len(summary.unread) < len(args.paths) else ""
        return _fail(f"nothing to read at {names}{rest}", EXIT_NO_INPUT)
    return 0


def _fetch(args: argparse.Namespace) -> int:
    """`aidtracker fetch SOURCE`: once, or every --every until Ctrl-C."""
    try:
        config = fetch.read_config(fetch.config_path(os.environ))
        if args.source == "reliefweb":
            appname = fetch.choose_appname(args.appname, os.environ, config)
        else:
            urls = fetch.read_feed_list(args.feeds)
    except fetch.SourceError as exc:
        return _fail(str(exc), EXIT_FAILED)
    politeness = fetch.Politeness(delay=args.delay)
    since = getattr(args, "since", None)

    def once() -> int:
        nonlocal since
        bar = _Bar(args.quiet, unit="report" if args.source == "reliefweb" else "feed", desc="fetch")
        ingest_bar = _Bar(args.quiet)
        try:
            with fetch.Web(politeness, user_agent=fetch.user_agent(config)) as web:
                if args.source == "reliefweb":
                    summary = fetch.fetch_reliefweb(
                        args.db,
                        appname=appname,
                        web=web,
                        query=args.query,
                        countries=args.country,
                        since=since,
                        api_url=args.api_url,
                        wait=args.wait,
                        progress=bar,
                        ingest_progress=ingest_bar,
                    )
                    since = None  # --since is where the first run starts; later runs go on from there
                else:
                    summary = fetch.fetch_feeds(
                        args.db, urls, web=web, wait=args.wait, progress=bar, ingest_progress=ingest_bar
                    )
        finally:
            bar.close()
            ingest_bar.close()
        return _fetch_report(summary, args.quiet)

    running = False

    def tracked() -> int:
        nonlocal running
        running = True
        if args.every is not None:
            print(f"aidtracker: fetching ({dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC)", file=sys.stderr)
        try:
            return _fetch_once(once, args)
        finally:
            running = False

    try:
        if args.every is None:
            return tracked()
        return fetch.every(args.every, tracked)
    except fetch.SourceError as exc:
        return _fail(str(exc), EXIT_FAILED)
    except KeyboardInterrupt:
        if running:
            return _fail(f"interrupted; {args.db} keeps every fetch that finished", EXIT_INTERRUPTED)
        print(f"aidtracker: stopped; {args.db} keeps every fetch that finished", file=sys.stderr)
        return 0


def _fetch_once(once: Any, args: argparse.Namespace) -> int:
    """One fetch with the ingest's errors as exit statuses; a SourceError (the source refuses us)
    propagates, as no later run will do better."""
    try:
        return int(once())
    except (load.StoreError, engines.EngineError, OSError, duckdb.Error) as exc:
        return _store_failure(exc, args.db)


def _store_failure(exc: Exception, db: Path | None) -> int:
    """The exit status of an ingest that failed, after one line saying why."""
    if isinstance(exc, load.DatabaseBusy):
        return _fail(str(exc), EXIT_BUSY)
    if isinstance(exc, load.StoreError | engines.EngineError):
        return _fail(str(exc), EXIT_FAILED)
    # disk full, file too large, I/O error: the swap never happened, so the old file stands
    reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else load.first_line(exc)
    return _fail(f"cannot write {db}: {reason} (the database was left unchanged)", EXIT_FAILED)


def _fetch_report(summary: fetch.FetchSummary, quiet: bool) -> int:
    """Print each source's counts and the ingests' summaries; 1 when a source stopped early."""
    for result in summary.sources:
        print(result.line())
    for ingested in summary.ingests:
        _report(ingested, quiet)
    for result in summary.sources:
        if result.fatal:
            raise fetch.SourceError(result.stopped or "the source refused the request")
        if result.stopped:
            _fail(f"{result.name}: {result.stopped}", EXIT_FAILED)
    return 0 if summary.complete else EXIT_FAILED


def dashboard_argv(db: Path, host: str, port: int, base_url_path: str = "") -> list[str]:
    """The Streamlit command that serves the dashboard on `db` (this Python, so this environment).

    Served as a product, not a development server: the viewer toolbar (no Deploy, rerun or
    clear-cache), no file watcher, and visitors see a generic message where the script fails
    (the traceback goes to this terminal).
    """
    return [
        sys.executable, "-m", "streamlit", "run", str(DASHBOARD_APP),
        "--server.address", host,
        "--server.port", str(port),
        "--server.baseUrlPath", base_url_path.strip("/"),
        "--server.headless", "true",
        "--server.fileWatcherType", "none",
        "--server.runOnSave", "false",
        "--global.developmentMode", "false",
        "--client.toolbarMode", "viewer",
        "--client.showErrorDetails", "none",
        "--browser.gatherUsageStats", "false",
        "--", "--db", str(db),
    ]  # fmt: skip


REVIEW_NOTES = {
    "local": "reviewing facts is on (served on this machine only)",
    "password": "reviewing facts is on for those who give the edit password",
    "read-only": "read-only: served beyond this machine without an edit password, facts cannot be reviewed",
}


def dashboard_review_env(host: str, password_file: Path | None, environ: Mapping[str, str]) -> dict[str, str]:
    """The environment that tells the dashboard's Streamlit process who may review (never its
    argv, which `ps` shows): the mode, and where the edit password is read from at run time.
    Raises ValueError for a password file that cannot serve."""
    from aidtracker.dashboard import access as review  # no Streamlit import in this process

    out = {review.PASSWORD_FILE_ENV: ""}
    if password_file is not None:
        path = password_file.absolute()
        try:
            first = path.read_bytes()[: review.MAX_PASSWORD_BYTES].decode("utf-8").strip()
        except (OSError, UnicodeDecodeError) as exc:
            raise ValueError(f"cannot read the edit password file {path}: {exc}") from None
        if not first:
            raise ValueError(f"the edit password file {path} is empty")
        out[review.PASSWORD_FILE_ENV] = str(path)
    has_password = password_file is not None or bool(environ.get(review.PASSWORD_ENV))
    out[review.MODE_ENV] = review.mode_for(host, has_password)
    return out


def _dashboard(args: argparse.Namespace) -> int:
    if not DASHBOARD_APP.is_file():
        return _fail(f"the dashboard is missing: {DASHBOARD_APP} not found", EXIT_FAILED)
    db = args.db.absolute()
    if db.is_dir():
        return _fail(f"database path {db} is a directory, not a file", EXIT_FAILED)
    if not db.exists():
        print(
            f"aidtracker: note: {db} does not exist yet; run `aidtracker ingest PATH` to fill it",
            file=sys.stderr,
        )
    os.environ["AIDTRACKER_DB"] = str(db)
    try:
        review_env = dashboard_review_env(args.host, args.edit_password_file, os.environ)
    except ValueError as exc:
        return _fail(str(exc), EXIT_FAILED)
    os.environ.update(review_env)
    print(f"aidtracker: {REVIEW_NOTES[review_env['AIDTRACKER_REVIEW_MODE']]}", file=sys.stderr)
    argv = dashboard_argv(db, args.host, args.port, args.base_url_path)
    os.execv(argv[0], argv)
    return 0  # not reached: execv replaces this process


def _reviews(args: argparse.Namespace) -> int:
    db = args.db.absolute()
    if not db.is_file():
        return _fail(f"{db} does not exist: ingest articles into it first", EXIT_FAILED)
    if args.action == "export":
        with reviews.ReviewStore.beside(db) as store:
            if str(args.file) == "-":
                n = store.export_csv(sys.stdout)
            else:
                try:
                    with args.file.open("w", encoding="utf-8", newline="") as out:
                        n = store.export_csv(out)
                except OSError as exc:
                    return _fail(f"cannot write {args.file}: {exc.strerror or exc}", EXIT_FAILED)
        print(f"aidtracker: {n} reviews written to {args.file}", file=sys.stderr)
        return 0
    try:
        data = args.file.read_bytes()
    except OSError as exc:
        return _fail(f"cannot read {args.file}: {exc.strerror or exc}", EXIT_FAILED)
    con = duckdb.connect(str(db), read_only=True)
    try:
        known = {
            (kind, rid)
            for kind, (table, id_col) in reviews.TABLES.items()
            for (rid,) in con.execute(f"SELECT {id_col} FROM {table}").fetchall()
        }
        articles = dict(con.execute("SELECT article_id, content_sha256 FROM articles").fetchall())
    finally:
        con.close()
    with reviews.ReviewStore.beside(db) as store:
        result = reviews.import_csv(data, store, known, articles)
    print(
        f"{args.file}: {result.loaded} reviews loaded, {result.already_there} already there, "
        f"{len(result.refused)} rows refused",
        file=sys.stderr,
    )
    for line, why in result.refused:
        print(f"  line {line}: {why}", file=sys.stderr)
    if result.loaded:
        try:
            done = pipeline.refresh(db, wait=args.wait)
        except load.DatabaseBusy as exc:
            return _fail(f"{exc}; the reviews are saved and the next ingest applies them", EXIT_BUSY)
        if done.reviewed is not None and done.reviewed.needs_a_look:
            print(
                f"  {len(done.reviewed.needs_a_look)} reviews need a look (their article changed)",
                file=sys.stderr,
            )
    return EXIT_FAILED if result.refused else 0


def _fail(message: str, status: int) -> int:
    print(f"aidtracker: error: {message}", file=sys.stderr)
    return status


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (0 also when some inputs were rejected)."""
    args = build_parser().parse_args(argv)
    args.db, why = dbpath.choose(args.db)
    # Installed, aidtracker may run from any folder: say which file this run reads or writes.
    print(f"aidtracker: database {args.db} ({why})", file=sys.stderr)
    if args.command in ("ingest", "fetch"):
        if why == dbpath.DEFAULT_WHY:
            # the default folder is aidtracker's own to make; a folder the user named is not
            try:
                args.db.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                return _fail(f"cannot create {args.db.parent}: {exc.strerror or exc}", EXIT_FAILED)
        return _ingest(args) if args.command == "ingest" else _fetch(args)
    if args.command == "reviews":
        return _reviews(args)
    return _dashboard(args)


if __name__ == "__main__":
    sys.exit(main())
