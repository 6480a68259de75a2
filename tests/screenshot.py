"""Serve the dashboard on a free port for headless Chromium; as a script, retake docs/dashboard.png.

Usage: python tests/screenshot.py [--db DB] [--out docs/dashboard.png]
Without --db it builds a database with the real ETL from ../shared/corpus and seeds/.
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def server_command(db: Path, port: int) -> list[str]:
    """`aidtracker dashboard` of the aidtracker this Python imports, on `db` and `port`."""
    return [
        sys.executable, "-m", "aidtracker.etl.cli", "dashboard",
        "--db", str(db), "--port", str(port), "--host", "127.0.0.1",
    ]  # fmt: skip


@contextmanager
def serve(
    db: Path | None,
    log: Path,
    timeout: float = 60.0,
    *,
    command: list[str] | None = None,
    cwd: Path = ROOT,
    env: dict[str, str] | None = None,
    path: str = "",
) -> Iterator[str]:
    """Run the dashboard server on a free port until the block ends; yields its base URL.

    `command` is an `aidtracker dashboard ...` of another install (this one's by default, on
    `db`); `path` is the URL path it serves under (its --base-url-path).
    """
    port = free_port()
    if command is None:
        assert db is not None
        argv = server_command(db, port)
    else:
        argv = [*command, "--port", str(port), "--host", "127.0.0.1"]
    env = {
        **(os.environ if env is None else env),
        "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false",
        "STREAMLIT_SERVER_FILE_WATCHER_TYPE": "none",
    }
    with log.open("wb") as out:
        proc = subprocess.Popen(
            argv,
            cwd=cwd,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        url = f"http://127.0.0.1:{port}{path}"
        try:
            deadline = time.monotonic() + timeout
            while True:
                if proc.poll() is not None:
                    raise RuntimeError(f"dashboard server exited with {proc.returncode}:\n{log.read_text()}")
                try:
                    with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as resp:
                        if resp.status == 200:
                            break
                except OSError:
                    pass
                if time.monotonic() > deadline:
                    raise RuntimeError(f"dashboard server not healthy after {timeout}s:\n{log.read_text()}")
                time.sleep(0.2)
            yield url
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def launch(playwright):
    """Debian's headless Chromium (the browser CI installs with apt)."""
    if not Path(CHROMIUM).exists():
        raise RuntimeError(f"{CHROMIUM} is missing: install Debian's package (apt-get install chromium)")
    return playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)


def wait_for_app(page, timeout_ms: int = 60_000, *, charts: bool = True) -> None:
    """Until the script has finished running (and, with `charts`, the visible charts are drawn)."""
    page.wait_for_selector('[data-testid="stMetric"]', timeout=timeout_ms)
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=timeout_ms
    )
    if charts:
        page.locator(".js-plotly-plot .main-svg").filter(visible=True).first.wait_for(timeout=timeout_ms)
        page.wait_for_timeout(1500)  # plotly's transitions


def take(db: Path, out: Path, width: int = 1440, height: int = 1260) -> None:
    from playwright.sync_api import sync_playwright

    with (
        tempfile.TemporaryDirectory() as tmp,
        serve(db, Path(tmp) / "server.log") as url,
        sync_playwright() as pw,
    ):
        browser = launch(pw)
        page = browser.new_page(viewport={"width": width, "height": height}, device_scale_factor=1)
        page.goto(url)
        wait_for_app(page)
        page.screenshot(path=str(out), full_page=False)
        browser.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="an existing database (default: build one with the ETL)")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "dashboard.png")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db
        if db is None:
            sys.path[:0] = [str(ROOT), str(ROOT / "tests")]
            from dashboard_db import corpus_paths

            from aidtracker.etl import pipeline

            db = Path(tmp) / "aidtracker.duckdb"
            pipeline.run(corpus_paths(), db, workers=1)
        take(db.resolve(), args.out)
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
