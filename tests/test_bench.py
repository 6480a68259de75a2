"""The benchmark's corpora, synthetic database and runner, at tiny sizes and without timing assertions."""

from __future__ import annotations

import doctest
import json
import re
import statistics
import sys
from pathlib import Path

import duckdb
import pytest

import bench
import bench.realcorpus
import bench.run
import bench.synth
from aidtracker.dashboard import queries
from aidtracker.etl.reviews import REVIEW_COLUMNS
from bench import text_bytes, write_jsonl
from bench.realcorpus import DEFAULT_CORPUS, load_corpus, repeat_corpus, write_real_corpus
from bench.synth import SOURCE, build_fact_db, pledge_rows, synth_article, synth_corpus, write_synth_corpus

REPO = Path(__file__).resolve().parents[1]
SHARED_CORPUS = REPO.parent / "shared" / "corpus"


@pytest.mark.parametrize(
    "module", [bench, bench.synth, bench.realcorpus, bench.run], ids=lambda m: m.__name__
)
def test_doctests_of_bench_modules(module: object) -> None:
    # pytest's --doctest-modules covers tests/ and etl/ only; the bench's examples run here.
    result = doctest.testmod(module, raise_on_error=False)  # type: ignore[arg-type]
    assert result.attempted > 0
    assert result.failed == 0


# ---- synthetic corpus


def test_synthetic_articles_are_marked_synthetic() -> None:
    articles = list(synth_corpus(30, seed=4))
    assert [a["id"] for a in articles[:2]] == ["synth-000000", "synth-000001"]
    assert {a["source"] for a in articles} == {SOURCE}
    assert all(str(a["url"]).startswith("https://bench.invalid/") for a in articles)
    assert all(a["text"] and a["title"] for a in articles)


def test_synthetic_corpus_is_deterministic_and_sliceable() -> None:
    whole = list(synth_corpus(12, seed=7))
    assert whole == list(synth_corpus(12, seed=7))
    assert list(synth_corpus(4, seed=7, start=5)) == whole[5:9]
    assert synth_article(5, seed=7) == whole[5]
    assert whole != list(synth_corpus(12, seed=8))


def test_synthetic_corpus_is_varied() -> None:
    articles = list(synth_corpus(300, seed=0))
    texts = "\n".join(str(a["text"]) for a in articles)
    money_forms = ["mln dlrs", "US$", "€", "£", "euros", "yen", "mln sterling", "Swiss francs", "bn"]
    assert [m for m in money_forms if m not in texts] == []
    assert [g for g in ["tonnes of", "tons of", "doses of", "tents", "blankets"] if g not in texts] == []
    risk_words = ["famine", "food insecurity", "displaced", "malnutrition", "affected by", "humanitarian"]
    assert [w for w in risk_words if w not in texts] == []
    assert len({str(a["title"]) for a in articles}) > 100
    assert len({a["date"] for a in articles}) > 250
    # distractors the extractor must not take for facts
    assert "could face hunger" in texts and "were killed" in texts


def test_synthetic_length_is_like_a_news_item() -> None:
    lengths = [len(str(a["text"])) for a in synth_corpus(400, seed=1)]
    assert 1400 < statistics.mean(lengths) < 2400  # the real corpus averages about 1,900 characters
    assert min(lengths) < 1000 < 3000 < max(lengths)


def test_write_jsonl_streams_in_chunks(tmp_path: Path) -> None:
    records = [{"id": str(i), "title": "t", "text": "é" * i} for i in range(25)]
    paths = write_jsonl(iter(records), tmp_path / "out", prefix="x", chunk_size=10)
    assert [p.name for p in paths] == ["x-00000.jsonl", "x-00001.jsonl", "x-00002.jsonl"]
    lines = [json.loads(line) for p in paths for line in p.read_text(encoding="utf-8").splitlines()]
    assert lines == records
    assert text_bytes(records) == 25 + 2 * sum(range(25))


def test_write_jsonl_rejects_a_chunk_size_of_zero(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="chunk_size"):
        write_jsonl([], tmp_path, prefix="x", chunk_size=0)


def test_write_synth_corpus(tmp_path: Path) -> None:
    paths = write_synth_corpus(50, tmp_path, seed=2, chunk_size=20)
    assert len(paths) == 3
    ids = [json.loads(line)["id"] for p in paths for line in p.read_text(encoding="utf-8").splitlines()]
    assert ids == [f"synth-{i:06d}" for i in range(50)]


# ---- real corpus


def test_default_corpus_path_is_computed_beside_the_repo() -> None:
    assert DEFAULT_CORPUS == SHARED_CORPUS


def test_real_corpus_repeated_under_new_ids(tmp_path: Path) -> None:
    originals = load_corpus(SHARED_CORPUS)
    assert len(originals) > 50
    repeated = list(repeat_corpus(len(originals) + 3, originals))
    assert repeated[0]["id"] == f"r000000-{originals[0]['id']}"
    assert repeated[len(originals)]["id"] == f"r000001-{originals[0]['id']}"
    assert len({r["id"] for r in repeated}) == len(repeated)
    assert [r["text"] for r in repeated[-3:]] == [o["text"] for o in originals[:3]]
    paths = write_real_corpus(120, tmp_path / "real", corpus_dir=SHARED_CORPUS, chunk_size=50)
    assert len(paths) == 3
    assert all(re.fullmatch(r"r\d{6}-\w+", json.loads(line)["id"]) for line in paths[2].open())


def test_missing_corpus_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="no \\*.jsonl files in"):
        load_corpus(tmp_path)


# ---- synthetic database


def test_pledge_rows_match_the_pledges_table() -> None:
    rows = pledge_rows(200, seed=3)
    con = duckdb.connect()
    con.execute(bench.synth.SCHEMA_PATH.read_text(encoding="utf-8"))
    # the review columns are set by etl.reviews, never by what the extractor (or this) writes
    columns = [r[0] for r in con.execute("DESCRIBE pledges").fetchall() if r[0] not in REVIEW_COLUMNS]
    assert rows.column_names == columns
    con.register("rows", rows)
    con.execute("INSERT INTO pledges BY NAME SELECT * FROM rows")  # the CHECK constraints hold
    kinds = dict(con.execute("SELECT aid_form, count(*) FROM pledges GROUP BY 1").fetchall())
    assert kinds.keys() == {"cash", "in_kind"}
    assert con.execute("SELECT count(DISTINCT donor), count(DISTINCT unit) FROM pledges").fetchone() > (10, 5)


def test_fact_db_spans_point_into_article_text(tmp_path: Path) -> None:
    db = tmp_path / "facts.duckdb"
    counts = build_fact_db(db, pledges=400, risk_figures=90, appeals=30, seed=5)
    assert counts == {"articles": 100, "pledges": 400, "risk_figures": 90, "appeals": 30}
    con = duckdb.connect(str(db), read_only=True)
    for table in ("pledges", "risk_figures", "appeals"):
        wrong = con.execute(
            f"""SELECT count(*) FROM {table} f LEFT JOIN articles a USING (article_id)
                WHERE substr(a.text, f.span_start + 1, f.span_end - f.span_start)
                      IS DISTINCT FROM f.evidence"""
        ).fetchone()
        assert wrong == (0,), table
    assert con.execute("SELECT count(DISTINCT source) FROM articles").fetchone() == (1,)
    con.close()
    with pytest.raises(FileExistsError):
        build_fact_db(db, pledges=10)


# ---- the runner


def test_memory_sampler_sees_a_child_process() -> None:
    import subprocess

    proc = subprocess.Popen([sys.executable, "-c", "import time; x = bytearray(50_000_000); time.sleep(0.5)"])
    with bench.run.MemorySampler(proc.pid, interval=0.02) as sampler:
        proc.wait()
    assert sampler.peak_total > 50_000_000
    assert sampler.processes >= 1
    assert 0 < sampler.peak_pss <= sampler.peak_total + 10_000_000
    assert sampler.peak_pss_root > 50_000_000 and sampler.peak_pss_children == 0
    assert sampler.cpu_seconds > 0


def test_the_benchmark_tabs_mirror_the_dashboard_tabs() -> None:
    from aidtracker.dashboard import app

    assert list(bench.run.TAB_CALLS) == list(app.TAB_LABELS)
    assert app.TAB_LABELS[0] == bench.run.FIRST_TAB
    for table, label in app.TABLE_LABELS.items():
        assert bench.run.TAB_CALLS[label][0] == f"table_view {table}"


def test_interaction_steps_make_every_tab_call_once(tmp_path: Path) -> None:
    from aidtracker.dashboard import queries
    from aidtracker.etl.consolidate import consolidate

    db = tmp_path / "facts.duckdb"
    build_fact_db(db, pledges=300, risk_figures=60, appeals=20, seed=1)
    con = duckdb.connect(str(db))
    try:
        consolidate(con)  # as bench_queries does: the tabs show the groups
    finally:
        con.close()
    every_tab = [label for calls in bench.run.TAB_CALLS.values() for label in calls]
    # a table tab reads the groups of its reports, as the page does by default
    shown = [bench.run.shown_label(queries, label, queries.Filters()) for label in every_tab]
    assert "table_view flows" in shown and "evidence risk_observations" in shown
    steps, missing = bench.run.interaction_steps(queries, str(db), queries.Filters(), startup=True)
    assert missing == []
    labels = [label for label, _, _ in steps]
    assert labels == [
        "db_status",
        "distinct_values",
        "date_bounds",
        "summary (no filter: the choices)",
        "table_count articles (no filter: the caption)",
        *shown,
    ]  # the filtered summary is the unfiltered one here: the app's cache answers it
    assert [tab for _, tab, _ in steps] == [None] * 5 + [bench.run.tab_of(label) for label in every_tab]
    donor = queries.Filters(donors=(bench.run._busiest_donor(db),))
    steps, _ = bench.run.interaction_steps(queries, str(db), donor, startup=False)
    assert [label for label, _, _ in steps] == ["db_status", "summary", *shown]
    results = {label: fn() for label, _, fn in steps}
    assert results["risk_series"] is not None and results["evidence flows"]
    # the sidebar's switch: the record tables, every report
    every = queries.Filters(reports=True)
    steps, _ = bench.run.interaction_steps(queries, str(db), every, startup=False)
    assert [label for label, _, _ in steps] == ["db_status", "summary", *every_tab]
    results = {label: fn() for label, _, fn in steps}
    assert results["evidence pledges"]


@pytest.mark.slow
def test_tiny_bench_run_writes_every_section(tmp_path: Path) -> None:
    out = tmp_path / "results.md"
    args = [
        "--quick",
        "--real-articles", "50",
        "--synth-articles", "50",
        "--memory-sizes", "25,50",
        "--profile-articles", "50",
        "--chunk-size", "25",
        "--load-rows", "2000",
        "--pledges", "2000",
        "--risk-figures", "400",
        "--query-repeats", "1",
        "--workdir", str(tmp_path / "work"),
        "--out", str(out),
    ]  # fmt: skip
    assert bench.run.main(args) == 0
    text = out.read_text(encoding="utf-8")
    for heading in (
        "## Machine",
        "## Ingest throughput",
        "## Peak memory",
        "## Where the ingest's time goes",
        "## One long article",
        "## Bulk load",
        "## Dashboard queries",
        "## Consolidation",
    ):
        assert heading in text
    assert "does not exist yet" not in text
    # every ingest stored every article: the runner notes a shortfall
    assert "the database holds" not in text
    ingest_rows = [line for line in text.splitlines() if line.startswith(("| real |", "| synthetic |"))]
    assert len(ingest_rows) == 2 * len(bench.run.parse_args([])[0].workers)
    # the dashboard's runs: the first load, a click on each other tab, each filter with each tab open
    runs = [
        (cells[1], cells[2])
        for line in text.splitlines()
        if (cells := [c.strip() for c in line.split("|")])[2:3] and re.fullmatch(r"\*\*[^*]+\*\*", cells[2])
    ]
    tabs = list(bench.run.TAB_CALLS)
    assert [(i, q) for i, q in runs if i == "first load"] == [("first load", "**with Overview open**")] + [
        ("first load", f"**then opening {tab}**") for tab in tabs[1:]
    ]
    for interaction in ("choose a donor", "a date range"):
        assert [q for i, q in runs if i.startswith(interaction)] == [f"**with {tab} open**" for tab in tabs]
    assert "judged for each run in bold (each interaction with each tab open):" in text
    # every table's download, of every row and of one donor's rows
    rows = [[x.strip() for x in line.split("|")] for line in text.splitlines()]
    downloads = [c[1] for c in rows if c[1:2] and c[1].startswith("download (CSV of")]
    assert len(downloads) == 2 * len(queries.TABLES) and len(set(downloads)) == 2
