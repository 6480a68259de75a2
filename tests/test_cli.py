"""The `aidtracker` command: summaries, one-line errors with the right exit status, the dashboard launch."""

from __future__ import annotations

import hashlib
import importlib.metadata
import io
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import duckdb
import pytest

from aidtracker.etl import cli, load

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEED = SHARED / "seeds" / "000_cc348ac55cf4c536.txt"


def aidtracker(
    *args: str | Path, cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """The command as a user runs it, in its own process, from another folder."""
    return subprocess.run(
        [sys.executable, "-m", "aidtracker.etl.cli", *map(str, args)],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def one_line_error(proc: subprocess.CompletedProcess[str]) -> str:
    """The error, after the line that names the database in use."""
    lines = [
        line for line in proc.stderr.strip().splitlines() if not line.startswith("aidtracker: database ")
    ]
    assert len(lines) == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    return lines[0]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_console_script_is_declared() -> None:
    (entry,) = [e for e in importlib.metadata.entry_points(group="console_scripts") if e.name == "aidtracker"]
    assert entry.value == "aidtracker.etl.cli:main"


def test_ingest_prints_a_summary_and_rejects_bad_input_with_status_0(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    db = tmp_path / "aid.duckdb"
    proc = aidtracker("ingest", SEED, tmp_path / "empty.txt", "--db", db, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    first, *rest = proc.stdout.splitlines()
    assert "articles 1 new, 0 updated, 0 unchanged, 1 rejected" in first
    assert "pledges" in first and "risk figures" in first and "appeals" in first
    assert rest == [f"rejected: {tmp_path / 'empty.txt'}: empty file"]
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*) FROM articles").fetchone() == (1,)
    con.close()

    again = aidtracker("ingest", SEED, "--db", db, "--quiet", cwd=tmp_path)
    assert "0 new, 0 updated, 1 unchanged" in again.stdout


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        pytest.param(lambda p: p / "typo", "no such file or folder", id="missing"),
        pytest.param(
            lambda p: (p / "empty").mkdir() or p / "empty", "folder has no readable files", id="empty-folder"
        ),
        pytest.param(lambda p: p / "*.nothing", "no file or folder matches", id="glob-matching-none"),
    ],
)
def test_a_path_naming_nothing_exits_66_after_ingesting_the_others(
    make: Callable[[Path], Path], reason: str, tmp_path: Path
) -> None:
    db = tmp_path / "aid.duckdb"
    bad = make(tmp_path)
    proc = aidtracker("ingest", SEED, bad, "--db", db, cwd=tmp_path)
    assert proc.returncode == 66, proc.stderr
    assert (
        one_line_error(proc) == f"aidtracker: error: nothing to read at {bad} (the other paths were ingested)"
    )
    assert f"rejected: {bad}: {reason}" in proc.stdout
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*) FROM articles").fetchone() == (1,)
    con.close()


def test_only_a_missing_path_exits_66_without_the_others_clause(tmp_path: Path) -> None:
    proc = aidtracker("ingest", tmp_path / "typo", "--db", tmp_path / "aid.duckdb", "--quiet", cwd=tmp_path)
    assert proc.returncode == 66
    assert one_line_error(proc) == f"aidtracker: error: nothing to read at {tmp_path / 'typo'}"


@pytest.mark.parametrize(
    "args",
    [
        pytest.param([], id="no-command"),
        pytest.param(["ingest"], id="no-path"),
        pytest.param(["ingest", "x", "--workers", "0"], id="zero-workers"),
        pytest.param(["ingest", "x", "--workers", "many"], id="workers-not-a-number"),
        pytest.param(["ingest", "x", "--engine", "spark"], id="unknown-engine"),
        pytest.param(["ingest", "x", "--scheduler", "tcp://10.0.0.1:8786"], id="scheduler-without-dask"),
        pytest.param(["ingest", "x", "--wait", "-1"], id="negative-wait"),
        pytest.param(["dashboard", "--port", "99999"], id="port-out-of-range"),
        pytest.param(["frobnicate"], id="unknown-command"),
    ],
)
def test_usage_errors_give_one_line_and_status_2(args: list[str], tmp_path: Path) -> None:
    proc = aidtracker(*args, cwd=tmp_path)
    assert proc.returncode == 2
    assert one_line_error(proc).startswith("aidtracker")


@pytest.mark.parametrize(
    ("make", "words"),
    [
        pytest.param(lambda p: (p.mkdir(), p)[1], "is a directory", id="directory"),
        pytest.param(lambda p: p / "no" / "such" / "aid.duckdb", "does not exist", id="missing-folder"),
        pytest.param(
            lambda p: Path("/proc/aidtracker-cli-test.duckdb"), "cannot write in /proc", id="unwritable"
        ),
    ],
)
def test_unusable_database_path_gives_one_line_and_status_1(tmp_path: Path, make, words: str) -> None:
    db = make(tmp_path / "target")
    proc = aidtracker("ingest", SEED, "--db", db, cwd=tmp_path)
    assert proc.returncode == 1
    assert words in one_line_error(proc)


def test_a_file_that_is_not_a_database_is_left_alone(tmp_path: Path) -> None:
    db = tmp_path / "aid.duckdb"
    db.write_text("precious notes\n" * 1000, encoding="utf-8")
    before = digest(db)
    proc = aidtracker("ingest", SEED, "--db", db, cwd=tmp_path)
    assert proc.returncode == 1
    assert "not a valid DuckDB database" in one_line_error(proc)
    assert digest(db) == before


def test_busy_database_is_refused_with_status_75(tmp_path: Path) -> None:
    db = tmp_path / "aid.duckdb"
    with load.writer_lock(db):
        proc = aidtracker("ingest", SEED, "--db", db, "--wait", "0.5", cwd=tmp_path)
    assert proc.returncode == cli.EXIT_BUSY == 75
    assert "another ingest" in one_line_error(proc)
    assert not db.exists()


@pytest.mark.parametrize(
    ("flag", "env", "expected", "why"),
    [
        pytest.param(
            None, None, "data/aidtracker.duckdb", "the default, in the current folder", id="default"
        ),
        pytest.param(None, "env.duckdb", "env.duckdb", "from $AIDTRACKER_DB", id="environment"),
        pytest.param("flag.duckdb", "env.duckdb", "flag.duckdb", "from --db", id="flag-beats-environment"),
    ],
)
def test_the_database_is_the_current_folders_unless_named_and_said(
    flag: str | None, env: str | None, expected: str, why: str, tmp_path: Path
) -> None:
    environ = {k: v for k, v in os.environ.items() if k != "AIDTRACKER_DB"}
    if env:
        environ["AIDTRACKER_DB"] = env
    args = ["ingest", SEED, *(["--db", flag] if flag else [])]
    proc = aidtracker(*args, cwd=tmp_path, env=environ)
    assert proc.returncode == 0, proc.stderr
    assert f"aidtracker: database {tmp_path / expected} ({why})" in proc.stderr.splitlines()
    assert (tmp_path / expected).is_file()


def test_dashboard_command_serves_the_installed_app_as_a_product(tmp_path: Path) -> None:
    argv = cli.dashboard_argv(tmp_path / "aid.duckdb", "127.0.0.1", 8600, "/tools/aidtracker/")
    app = Path(importlib.util.find_spec("aidtracker.dashboard").origin).with_name("app.py")
    assert argv[:5] == [sys.executable, "-m", "streamlit", "run", str(app)]
    flags = dict(zip(argv[5:-3:2], argv[6:-3:2], strict=True))
    assert flags == {
        "--server.address": "127.0.0.1",
        "--server.port": "8600",
        "--server.baseUrlPath": "tools/aidtracker",
        "--server.headless": "true",
        "--server.fileWatcherType": "none",
        "--server.runOnSave": "false",
        "--global.developmentMode": "false",
        "--client.toolbarMode": "viewer",
        "--client.showErrorDetails": "none",
        "--browser.gatherUsageStats": "false",
    }
    assert argv[-3:] == ["--", "--db", str(tmp_path / "aid.duckdb")]


def test_dashboard_binds_to_this_machine_by_default() -> None:
    args = cli.build_parser().parse_args(["dashboard"])
    assert (args.host, args.port) == ("127.0.0.1", 8501)


def test_dashboard_refuses_a_directory_as_database(tmp_path: Path) -> None:
    proc = aidtracker("dashboard", "--db", tmp_path, cwd=tmp_path)
    assert proc.returncode == 1
    assert "is a directory" in one_line_error(proc)


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(("files", "bar"), [(25, True), (5, False)])
def test_progress_bar_for_many_files_on_a_terminal(
    files: int, bar: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    lines = [json.dumps({"id": f"n{i}", "title": "T", "text": f"Nothing on day {i}."}) for i in range(files)]
    for i, line in enumerate(lines):
        (folder / f"n{i:02d}.jsonl").write_text(line + "\n", encoding="utf-8")
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert cli.main(["ingest", str(folder), "--db", str(tmp_path / "aid.duckdb"), "--workers", "1"]) == 0
    assert (f"/{files} [" in terminal.getvalue()) is bar  # tqdm: "ingest:  40%|####  | 10/25 [00:01<..."
    assert f"articles {files} new" in capsys.readouterr().out
