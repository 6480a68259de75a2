"""Faults during ingest: SIGKILL at any moment, two ingests at once, readers meanwhile, a full disk.

The ingests run in subprocesses on real corpus text repeated under new ids (made here in
tmp_path, never stored in the project), sized so that one run takes a few seconds.
"""

from __future__ import annotations

import hashlib
import json
import os
import resource
import shutil
import subprocess
import sys
import textwrap
import time
import uuid
from collections import defaultdict
from pathlib import Path

import duckdb
import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
CORPUS = sorted((SHARED / "corpus").glob("*.jsonl"))
SEED = SHARED / "seeds" / "000_cc348ac55cf4c536.txt"
RECORDS = {"pledges": "pledge_id", "risk_figures": "figure_id", "appeals": "appeal_id"}
KILL_FRACTIONS = (0.05, 0.25, 0.5, 0.75, 0.95)
TARGET_SECONDS = 2.0  # a clean ingest at least this long leaves room to kill it mid-way

pytestmark = pytest.mark.slow


def write_corpus(folder: Path, copies: int, prefix: str) -> Path:
    """`copies` files, each the whole shared corpus under ids prefixed `<prefix><copy>-`."""
    folder.mkdir(parents=True, exist_ok=True)
    records = [json.loads(line) for path in CORPUS for line in path.read_text(encoding="utf-8").splitlines()]
    for copy in range(copies):
        lines = [json.dumps({**r, "id": f"{prefix}{copy}-{r['id']}"}) for r in records]
        (folder / f"{prefix}{copy:04d}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def ingest(*args: str | Path, tag: str = "", limit_bytes: int | None = None, **popen) -> subprocess.Popen:
    """`aidtracker ingest ARGS` in a new process; `limit_bytes` caps the size of any file it writes."""

    def cap_file_size() -> None:
        if limit_bytes is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit_bytes, limit_bytes))

    env = {**os.environ, "AIDTRACKER_TEST_TAG": tag}
    return subprocess.Popen(
        [sys.executable, "-m", "aidtracker.etl.cli", "ingest", *map(str, args)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        preexec_fn=cap_file_size,
        **popen,
    )


def finish(proc: subprocess.Popen, timeout: float = 600) -> tuple[int, str, str]:
    out, err = proc.communicate(timeout=timeout)
    return proc.returncode, out, err


def tagged_processes(tag: str) -> list[int]:
    """Processes (workers, fork server) still carrying the environment tag of a test's ingest."""
    needle = f"AIDTRACKER_TEST_TAG={tag}".encode()
    pids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if needle in (entry / "environ").read_bytes().split(b"\0"):
                    pids.append(int(entry.name))
            except OSError:
                continue
    return pids


def error_lines(err: str) -> list[str]:
    """What the command wrote to stderr, after the line that names the database in use."""
    return [line for line in err.strip().splitlines() if not line.startswith("aidtracker: database ")]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def per_article(db: Path) -> dict[str, dict[str, list[tuple]]]:
    """Each article's row and records (ingestion time left out), opened read-only as a reader would."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        out: dict[str, dict[str, list[tuple]]] = defaultdict(lambda: {t: [] for t in ("articles", *RECORDS)})
        cols = [r[0] for r in con.execute("DESCRIBE articles").fetchall() if r[0] != "ingested_at"]
        for row in con.execute(f"SELECT {', '.join(cols)} FROM articles").fetchall():
            out[row[0]]["articles"].append(row)
        for table, key in RECORDS.items():
            for row in con.execute(f"SELECT * FROM {table} ORDER BY {key}").fetchall():
                assert row[1] in out, f"{table} row {row[0]} points at a missing article {row[1]}"
                out[row[1]][table].append(row)
        return dict(out)
    finally:
        con.close()


def leftovers(db: Path) -> list[str]:
    return sorted(p.name for p in db.parent.glob(db.name + ".ingest-*"))


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """An old database (the seed), a corpus big enough to take a few seconds, and a clean run's result."""
    root = tmp_path_factory.mktemp("reliability")
    old = root / "old.duckdb"
    code, _, err = finish(ingest(SEED, "--db", old))
    assert code == 0, err
    copies = 4
    while True:
        corpus = root / f"corpus{copies}"
        write_corpus(corpus, copies, "k")
        reference = root / f"reference{copies}.duckdb"
        shutil.copyfile(old, reference)
        started = time.monotonic()
        code, out, err = finish(ingest(corpus, "--db", reference, "--workers", "2"))
        seconds = time.monotonic() - started
        assert code == 0, err
        if seconds >= TARGET_SECONDS or copies >= 256:
            break
        copies *= 4 if seconds < TARGET_SECONDS / 4 else 2
    return {
        "root": root,
        "old": old,
        "corpus": corpus,
        "articles": copies * sum(1 for p in CORPUS for _ in p.open(encoding="utf-8")),
        "reference": per_article(reference),
        "seconds": seconds,
    }


def test_sigkill_at_any_moment_leaves_old_or_whole_articles(world: dict) -> None:
    reference, old = world["reference"], world["old"]
    old_articles = per_article(old)
    outcomes = []
    for i, fraction in enumerate(KILL_FRACTIONS):
        db = world["root"] / f"killed{i}.duckdb"
        shutil.copyfile(old, db)
        tag = uuid.uuid4().hex
        proc = ingest(world["corpus"], "--db", db, "--workers", "2", tag=tag)
        time.sleep(fraction * world["seconds"])
        proc.kill()
        proc.wait()

        # The database opens, every record has its article, every article has exactly its records.
        found = per_article(db)
        for article_id, rows in found.items():
            assert rows == reference[article_id], f"kill at {fraction:.0%}: article {article_id} differs"
        assert set(old_articles) <= set(found), "rows lost"
        outcomes.append("old" if found == old_articles else "new" if len(found) == len(reference) else "part")

        # The pool's workers and fork server notice their parent died and exit.
        deadline = time.monotonic() + 10
        while tagged_processes(tag) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert tagged_processes(tag) == [], "worker processes outlived the killed ingest"

        # The next run cleans up after the dead one.
        code, _, err = finish(ingest(SEED, "--db", db))
        assert code == 0, err
        assert leftovers(db) == []
    print(f"kill points survived: {len(outcomes)}: {outcomes}; corpus {world['articles']} articles")
    assert "part" not in outcomes  # with the swap, a run lands whole or not at all


def test_two_ingests_at_once_both_land_whole(world: dict) -> None:
    db = world["root"] / "concurrent.duckdb"
    shutil.copyfile(world["old"], db)
    other = write_corpus(world["root"] / "other", 2, "z")
    first = ingest(world["corpus"], "--db", db, "--workers", "2", "--wait", "600")
    time.sleep(0.2)
    second = ingest(other, "--db", db, "--workers", "1", "--wait", "600")
    results = [finish(first), finish(second)]
    assert [code for code, _, _ in results] == [0, 0], results
    found = per_article(db)
    ids = set(found)
    assert {a for a in world["reference"]} <= ids
    assert sum(a.startswith("z") for a in ids) == 2 * sum(1 for p in CORPUS for _ in p.open(encoding="utf-8"))
    for article_id, rows in found.items():
        if article_id in world["reference"]:
            assert rows == world["reference"][article_id]
    assert leftovers(db) == []


def test_second_ingest_refuses_when_told_not_to_wait(world: dict) -> None:
    db = world["root"] / "busy.duckdb"
    shutil.copyfile(world["old"], db)
    first = ingest(world["corpus"], "--db", db, "--workers", "2")
    deadline = time.monotonic() + 30
    while not leftovers(db) and time.monotonic() < deadline:  # the first holds the lock once it copies
        time.sleep(0.02)
    code, out, err = finish(ingest(SEED, "--db", db, "--wait", "0"))
    assert code == 75
    assert len(error_lines(err)) == 1 and "another ingest" in err
    assert finish(first)[0] == 0


READER = textwrap.dedent(
    """
    import json, sys, time
    from pathlib import Path
    import duckdb
    db, stop = sys.argv[1], Path(sys.argv[2])
    seen, errors, queries = set(), [], 0
    while not stop.exists():
        try:
            con = duckdb.connect(db, read_only=True)  # short-lived, as the dashboard's
            q = "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM pledges)"
            seen.add(con.execute(q).fetchone())
            con.close()
            queries += 1
        except Exception as exc:
            errors.append(f"{type(exc).__name__}: {exc}")
        time.sleep(0.005)
    print(json.dumps({"seen": sorted(seen), "errors": errors, "queries": queries}))
    """
)


def test_readers_never_see_a_lock_error_during_ingest(world: dict) -> None:
    db = world["root"] / "read-while-writing.duckdb"
    shutil.copyfile(world["old"], db)
    stop = world["root"] / "stop-reader"
    reader = subprocess.Popen(
        [sys.executable, "-c", READER, str(db), str(stop)], stdout=subprocess.PIPE, text=True
    )
    time.sleep(0.5)
    code, _, err = finish(ingest(world["corpus"], "--db", db, "--workers", "2"))
    time.sleep(0.5)
    stop.touch()
    report = json.loads(reader.communicate(timeout=60)[0])
    assert code == 0, err
    assert report["errors"] == []
    assert report["queries"] > 20
    states = {tuple(s) for s in report["seen"]}
    old_con = duckdb.connect(str(world["old"]), read_only=True)
    new_con = duckdb.connect(str(db), read_only=True)
    q = "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM pledges)"
    assert states == {
        old_con.execute(q).fetchone(),
        new_con.execute(q).fetchone(),
    }  # old, then new; nothing between
    old_con.close()
    new_con.close()


@pytest.mark.parametrize(
    "headroom",
    [
        pytest.param(-1, id="disk-full-while-copying"),
        pytest.param(64_000, id="disk-full-while-writing"),
    ],
)
def test_full_disk_gives_one_line_and_keeps_the_old_database(world: dict, headroom: int) -> None:
    db = world["root"] / f"full{headroom}.duckdb"
    shutil.copyfile(world["old"], db)
    before = digest(db)
    limit = db.stat().st_size // 2 if headroom < 0 else db.stat().st_size + headroom
    code, out, err = finish(ingest(world["corpus"], "--db", db, "--workers", "2", limit_bytes=limit))
    assert code == 1
    lines = error_lines(err)
    assert len(lines) == 1 and "Traceback" not in err, err
    assert "file too large" in lines[0] and "left unchanged" in lines[0]
    assert digest(db) == before
    assert leftovers(db) == []
    assert per_article(db) == per_article(world["old"])


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes anywhere; the /proc cases in test_cli cover root")
def test_unwritable_folder_gives_one_line(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        code, _, err = finish(ingest(SEED, "--db", folder / "aid.duckdb"))
    finally:
        folder.chmod(0o700)
    assert code == 1
    assert len(error_lines(err)) == 1 and "Permission denied" in err
