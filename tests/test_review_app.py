"""Reviewing facts from the dashboard (issue 14) under Streamlit's AppTest, each test on its own
copy of a real DuckDB file with its own reviews file beside it."""

from __future__ import annotations

import shutil
from pathlib import Path

import dashboard_db
import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from aidtracker.dashboard import downloads, queries, review
from aidtracker.dashboard.queries import Filters
from aidtracker.etl import reviews

APP = Path(__file__).resolve().parents[1] / "dashboard" / "app.py"
US = "fx-01-pledge-1"  # The United States' $120 million to Sudan (tests/dashboard_db.py)
JAPAN = "fx-01-pledge-2"  # Japan's $15 million to Sudan, in the same article
REVIEWER = "Ana Analyst"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    return dashboard_db.build_fixture_db(tmp_path_factory.mktemp("review") / "fixture.duckdb")


@pytest.fixture
def db(built, tmp_path) -> Path:
    """A copy of the fixture database for one test (reviews are kept beside it)."""
    return Path(shutil.copy(built, tmp_path / "aid.duckdb"))


def _app(db: Path, monkeypatch, mode: str = review.LOCAL, params: dict | None = None) -> AppTest:
    monkeypatch.setenv("AIDTRACKER_DB", str(db))
    monkeypatch.setenv(review.MODE_ENV, mode)
    monkeypatch.delenv(review.PASSWORD_FILE_ENV, raising=False)
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.query_params.update(params or {})
    at.run()
    _ok(at)
    return at


def _ok(at: AppTest) -> AppTest:
    assert not at.exception, [e.message for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    return at


def _evidence_of(at: AppTest, record_id: str, name: str = REVIEWER) -> AppTest:
    """Give the reviewer's name, open the Pledges tab on every report and pick one's evidence."""
    if name and "reviewer_name" in [t.key for t in at.sidebar.text_input]:
        at.sidebar.text_input(key=review.REVIEWER_KEY).set_value(name)
    at.session_state["tab"] = "Pledges"
    at.run()
    at.selectbox(key="evidence_pledges").set_value(record_id)
    return _ok(at.run())


def _action(at: AppTest, action: str) -> AppTest:
    at.radio(key="review_action_pledges").set_value(action)
    return _ok(at.run())


def _row(db: Path, record_id: str, table: str = "pledges", id_col: str = "pledge_id") -> dict:
    con = duckdb.connect(str(db), read_only=True)
    try:
        cur = con.execute(f"SELECT * FROM {table} WHERE {id_col} = ?", [record_id])
        found = cur.fetchone()
        return dict(zip([d[0] for d in cur.description], found, strict=True)) if found else {}
    finally:
        con.close()


def _stored(db: Path) -> list[reviews.Review]:
    if not reviews.store_path(db).exists():
        return []
    with reviews.ReviewStore.beside(db) as store:
        return store.in_force()


def _metric(at: AppTest, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def _review_caption(at: AppTest) -> str:
    return " ".join(c.value for c in at.caption if c.value.startswith("Reviewed:"))


def test_confirm_records_who_and_when_and_the_precision_shows_it(db, monkeypatch):
    at = _evidence_of(_app(db, monkeypatch, params={"reports": "1"}), US)
    assert "Not reviewed yet" in " ".join(c.value for c in at.caption)
    assert _review_caption(at) == ""
    at.button(key="review_confirm_pledges").click()
    _ok(at.run())
    [saved] = _stored(db)
    assert (saved.action, saved.kind, saved.record_id, saved.reviewer) == ("confirm", "pledge", US, REVIEWER)
    row = _row(db, US)
    assert (row["review_status"], row["reviewed_by"]) == ("confirmed", REVIEWER)
    assert row["reviewed_at"] is not None
    assert any("Saved the confirmation" in s.value for s in at.success)
    assert "Reviewed: 1 of 36 extracted facts" in _review_caption(at)
    assert "confirmed unchanged: 1 of 1 (100%)" in _review_caption(at)
    # the review filter: confirmed keeps it alone, everywhere; the URL says so
    at.sidebar.selectbox(key="review").set_value("confirmed")
    _ok(at.run())
    assert _metric(at, "Pledges") == "1"
    assert _metric(at, "Pledged (cash, USD)") == "$120M"
    assert at.query_params["review"] in ("confirmed", ["confirmed"])
    assert queries.table_rows(db, "pledges", Filters(review="confirmed"))["reviewed_by"].tolist() == [
        REVIEWER
    ]
    # every download carries the review columns, HXL-tagged
    for table in ("pledges", "flows", "risk_figures", "risk_observations", "appeals", "appeal_groups"):
        header, tags, *_ = (
            downloads.build_download(db, table, Filters(review="confirmed"), hxl=True)
            .decode("utf-8")
            .splitlines()
        )
        assert "review_status,reviewed_by" in header and "#status+review" in tags
    pledges = downloads.build_download(db, "pledges", Filters(review="confirmed")).decode("utf-8")
    assert f"confirmed,{REVIEWER}" in pledges


def test_reject_with_a_reason_leaves_the_fact_out_of_every_number(db, monkeypatch):
    before = queries.summary(db, Filters(reports=True))["headline"]
    at = _evidence_of(_app(db, monkeypatch, params={"reports": "1"}), US)
    _action(at, "reject")
    at.selectbox(key="review_reason_pledges").set_value("wrong amount")
    at.button(key="review_reject_pledges").click()
    _ok(at.run())
    [saved] = _stored(db)
    assert (saved.action, saved.reason) == ("reject", "wrong amount")
    assert _row(db, US)["review_status"] == "rejected"
    after = queries.summary(db, Filters(reports=True))["headline"]
    assert after["pledges"] == before["pledges"] - 1
    assert after["usd"] == pytest.approx(before["usd"] - 120e6)
    assert _metric(at, "Pledges") == f"{int(after['pledges']):,}"
    assert "confirmed unchanged: 0 of 1 (0%)" in _review_caption(at)
    # not in the flows either; the rejected filter shows it alone, with who rejected it
    assert US not in set(queries.table_rows(db, "pledges", Filters())["id"])
    rejected = queries.table_rows(db, "pledges", Filters(review="rejected"))
    assert rejected[["id", "review_status", "reviewed_by"]].values.tolist() == [[US, "rejected", REVIEWER]]
    at.sidebar.selectbox(key="review").set_value("rejected")
    _ok(at.run())
    assert _metric(at, "Pledges") == "1"


def test_reject_as_a_duplicate_names_the_report_it_repeats(db, monkeypatch):
    at = _evidence_of(_app(db, monkeypatch, params={"reports": "1"}), JAPAN)
    _action(at, "reject")
    at.selectbox(key="review_reason_pledges").set_value("duplicate")
    _ok(at.run())
    assert US in at.selectbox(key="review_duplicate_pledges").options or True
    at.selectbox(key="review_duplicate_pledges").set_value(US)
    at.button(key="review_reject_pledges").click()
    _ok(at.run())
    [saved] = _stored(db)
    assert (saved.reason, dict(saved.after)) == ("duplicate", {"duplicate_of": US})
    row = _row(db, JAPAN)
    assert (row["review_status"], row["duplicate_of"]) == ("rejected", US)


def test_correct_a_recipient_moves_the_money_on_every_chart(db, monkeypatch):
    top = queries.summary(db, Filters())["top_recipients"]
    assert "ETH" not in set(top["iso3"])
    at = _evidence_of(_app(db, monkeypatch, params={"reports": "1"}), US)
    _action(at, "correct")
    assert at.text_input(key=f"review_fix_recipient_iso3_{US}").value == "SDN"
    assert at.text_input(key=f"review_fix_amount_{US}").value == "120000000"
    at.text_input(key=f"review_fix_recipient_iso3_{US}").set_value("eth")
    at.button(key="review_correct_save_pledges").click()
    _ok(at.run())
    [saved] = _stored(db)
    assert (saved.action, dict(saved.before), dict(saved.after)) == (
        "correct",
        {"recipient_iso3": "SDN"},
        {"recipient_iso3": "ETH"},
    )
    row = _row(db, US)
    assert (row["review_status"], row["recipient_iso3"], row["recipient"]) == ("corrected", "ETH", "Ethiopia")
    top = queries.summary(db, Filters())["top_recipients"]
    assert top.set_index("iso3").loc["ETH", "usd"] == pytest.approx(120e6)
    # the page's chart too
    at.session_state["tab"] = "Overview"
    _ok(at.run())
    bars = [c.proto.spec for c in at.get("plotly_chart")]
    assert any("Ethiopia" in spec and "Top recipient" in spec for spec in bars)


def test_a_bad_correction_is_refused_with_its_reason(db, monkeypatch):
    at = _evidence_of(_app(db, monkeypatch, params={"reports": "1"}), US)
    _action(at, "correct")
    at.text_input(key=f"review_fix_recipient_iso3_{US}").set_value("XXX")
    at.button(key="review_correct_save_pledges").click()
    at.run()
    assert not at.exception
    assert any("not a country code" in e.value for e in at.error)
    assert _stored(db) == []


def test_add_a_missed_fact_from_a_sentence_of_the_article(db, monkeypatch):
    before = queries.table_count(db, "pledges", Filters())
    at = _evidence_of(_app(db, monkeypatch, params={"reports": "1"}), US)
    _action(at, "add")
    sentence = at.selectbox(key=f"review_add_sentence_pledges_{US}")
    assert sentence.value == 0  # the record's own sentence first
    sentence.set_value(3)  # "The UN appealed for $2.6 billion for Sudan."
    _ok(at.run())
    at.text_input(key="review_add_pledge_donor").set_value("Canada")
    at.text_input(key="review_add_pledge_recipient_iso3").set_value("SDN")
    at.text_input(key="review_add_pledge_amount").set_value("3,000,000")
    at.text_input(key="review_add_pledge_unit").set_value("USD")
    at.button(key="review_add_save_pledges").click()
    _ok(at.run())
    [saved] = _stored(db)
    assert (saved.action, saved.kind, saved.article_id) == ("add", "pledge", "fx-01")
    assert saved.record_id.startswith("added-") and saved.span is not None
    row = _row(db, saved.record_id)
    assert (row["donor"], row["amount_usd"], row["review_status"]) == ("Canada", 3e6, "added")
    assert row["evidence"] == "The UN appealed for $2.6 billion for Sudan."
    assert queries.table_count(db, "pledges", Filters()) == before + 1
    assert "1 fact added by reviewers" in _review_caption(at)


def test_read_only_renders_no_review_widget_and_saving_is_refused(db, monkeypatch):
    at = _evidence_of(_app(db, monkeypatch, mode=review.READ_ONLY, params={"reports": "1"}), US, name="")
    keys = [w.key for kind in ("button", "radio", "text_input", "selectbox") for w in at.get(kind)]
    assert not [k for k in keys if k and (k.startswith("review_") or k == review.REVIEWER_KEY)], keys
    assert any("Read-only" in c.value for c in at.sidebar.caption)
    # the review filter is a filter, not a write: it stays
    assert at.sidebar.selectbox(key="review").value == "all"
    # a forged call to the save path writes nothing
    r = reviews.Review("pledge", US, "fx-01", "x" * 64, "confirm", "Mallory")
    with pytest.raises(review.EditingNotAllowed):
        review.save(db, r)
    assert not reviews.store_path(db).exists()
    assert _row(db, US)["review_status"] is None


def test_password_mode_reviews_only_after_the_right_password(db, monkeypatch, tmp_path):
    secret = tmp_path / "edit-password"
    secret.write_text("correct horse\n", encoding="utf-8")
    monkeypatch.setenv(review.PASSWORD_FILE_ENV, str(secret))
    monkeypatch.setenv("AIDTRACKER_DB", str(db))
    monkeypatch.setenv(review.MODE_ENV, review.PASSWORD)
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.query_params["reports"] = "1"
    _ok(at.run())
    assert review.REVIEWER_KEY not in [t.key for t in at.sidebar.text_input]
    # a forged unlock token does not open it
    at.session_state[review.UNLOCK_KEY] = "0" * 64
    _evidence_of(at, US, name="")
    assert not at.get("radio")
    at.sidebar.text_input(key="review_password").set_value("wrong")
    at.sidebar.button(key="review_unlock_submit").click()
    at.run()
    assert any("not the edit password" in e.value for e in at.error)
    at.sidebar.text_input(key="review_password").set_value("correct horse")
    at.sidebar.button(key="review_unlock_submit").click()
    _ok(at.run())
    at.sidebar.text_input(key=review.REVIEWER_KEY).set_value(REVIEWER)
    _ok(at.run())
    at.button(key="review_confirm_pledges").click()
    _ok(at.run())
    assert [r.reviewer for r in _stored(db)] == [REVIEWER]
    # a changed password locks the session again
    secret.write_text("another one\n", encoding="utf-8")
    _ok(at.run())
    assert not at.get("radio")


def test_save_refuses_in_password_mode_without_the_password(db, monkeypatch, tmp_path):
    monkeypatch.setenv(review.MODE_ENV, review.PASSWORD)
    monkeypatch.setenv(review.PASSWORD_ENV, "s3cret")
    monkeypatch.delenv(review.PASSWORD_FILE_ENV, raising=False)
    assert review.mode() == review.PASSWORD and not review.can_edit()
    with pytest.raises(review.EditingNotAllowed):
        review.save(db, reviews.Review("pledge", US, "fx-01", "x" * 64, "confirm", "Mallory"))
    assert not reviews.store_path(db).exists()
    # and a password mode without any password is read-only
    monkeypatch.delenv(review.PASSWORD_ENV)
    assert review.mode() == review.READ_ONLY


def test_a_review_the_database_lacks_is_applied_on_the_next_run(db, monkeypatch):
    """Saved while an ingest swapped the file: the page runs the refresh itself."""
    with reviews.ReviewStore.beside(db) as store:
        sha = _row(db, "fx-01", "articles", "article_id")["content_sha256"]
        store.save(reviews.Review("pledge", US, "fx-01", sha, "confirm", REVIEWER))
    assert _row(db, US)["review_status"] is None
    at = _app(db, monkeypatch, mode=review.READ_ONLY)
    assert _row(db, US)["review_status"] == "confirmed"
    assert "Reviewed: 1 of" in _review_caption(at)


def test_reviews_that_need_a_look_are_listed(db, monkeypatch):
    with reviews.ReviewStore.beside(db) as store:
        store.save(reviews.Review("pledge", US, "fx-01", "0" * 64, "confirm", REVIEWER))
    at = _app(db, monkeypatch)
    assert any("1 review could not be applied" in w.value for w in at.warning)
    [table] = [df.value for df in at.dataframe]
    assert table["state"].tolist() == ["needs a look: its article's text changed since the review"]


def test_the_dashboard_command_passes_who_may_review_by_environment(tmp_path, monkeypatch):
    from aidtracker.etl import cli

    assert cli.dashboard_review_env("127.0.0.1", None, {})[review.MODE_ENV] == review.LOCAL
    assert cli.dashboard_review_env("0.0.0.0", None, {})[review.MODE_ENV] == review.READ_ONLY
    assert (
        cli.dashboard_review_env("0.0.0.0", None, {review.PASSWORD_ENV: "pw"})[review.MODE_ENV] == "password"
    )
    secret = tmp_path / "pw.txt"
    secret.write_text("   \n", encoding="utf-8")
    with pytest.raises(ValueError, match="is empty"):
        cli.dashboard_review_env("0.0.0.0", secret, {})
    secret.write_text("hunter2\n", encoding="utf-8")
    # served beyond this machine with a password file: its path goes by environment, never argv
    seen: dict = {}
    monkeypatch.setattr(cli.os, "execv", lambda path, argv: seen.update(argv=argv, env=dict(cli.os.environ)))
    for name in (review.MODE_ENV, review.PASSWORD_FILE_ENV):
        monkeypatch.setenv(name, "")  # restored after the test
    db = tmp_path / "aid.duckdb"
    assert (
        cli.main(["dashboard", "--db", str(db), "--host", "0.0.0.0", "--edit-password-file", str(secret)])
        == 0
    )
    assert seen["env"][review.MODE_ENV] == review.PASSWORD
    assert seen["env"][review.PASSWORD_FILE_ENV] == str(secret.absolute())
    assert "hunter2" not in " ".join(seen["argv"]) and str(secret) not in " ".join(seen["argv"])
    monkeypatch.setenv(review.PASSWORD_FILE_ENV, str(secret))
    assert review.password() == "hunter2"


def test_a_group_of_reports_reviews_the_report_picked(db, monkeypatch):
    at = _app(db, monkeypatch, params={"donor": dashboard_db.REPEATED_DONOR, "recipient": "SOM"})
    at.sidebar.text_input(key=review.REVIEWER_KEY).set_value(REVIEWER)
    at.session_state["tab"] = "Pledges"
    _ok(at.run())
    picker = at.selectbox(key="review_report_flows")
    assert len(picker.options) == 2
    assert at.caption and "fx-09-pledge-1" in " ".join(c.value for c in at.caption)  # report 1 first
    picker.set_value("fx-10-pledge-1")
    _ok(at.run())
    at.button(key="review_confirm_flows").click()
    _ok(at.run())
    [saved] = _stored(db)
    assert saved.record_id == "fx-10-pledge-1"
    # the flow counts as confirmed now; its download says who reviewed it
    flows = queries.table_rows(db, "flows", Filters(review="confirmed"))
    assert flows[["review_status", "reviewed_by"]].values.tolist() == [["confirmed", REVIEWER]]
