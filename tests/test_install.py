"""A fresh install as a new user makes one: the wheel, the stock pip of a new venv, another folder.

The wheel is built from a copy of the checkout and installed with the pip that `python -m venv`
ships (no upgrade), so a dependency that only a newer pip resolves fails here. The installed
command then runs from a folder far from the checkout: the seed ingests into that folder's
./data/aidtracker.duckdb, and the dashboard it serves is checked in Debian's headless Chromium.
Package downloads are the only network use (pip's cache makes a second run quick).
"""

from __future__ import annotations

import ensurepip
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import duckdb
import pytest
from playwright.sync_api import expect
from screenshot import launch, serve, wait_for_app

pytestmark = [pytest.mark.slow, pytest.mark.browser]

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_cc348ac55cf4c536.txt"
# What the wheel is built from: the files a clean clone has (no venv, caches or databases).
SOURCES = ("pyproject.toml", "README.md", "etl", "dashboard", "data")
IGNORE = shutil.ignore_patterns("__pycache__", "*.duckdb*", "*.lock", "*.tmp", "raw")


def _run(args: list[str | Path], cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    proc = subprocess.run(
        [str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=1200
    )
    assert proc.returncode == 0, (
        f"{args} exited {proc.returncode}:\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}"
    )
    return proc


def _clean_env() -> dict[str, str]:
    """This environment without the test venv's traces, so the fresh one stands alone."""
    env = {k: v for k, v in os.environ.items() if k not in {"VIRTUAL_ENV", "PYTHONPATH", "AIDTRACKER_DB"}}
    env["PATH"] = os.pathsep.join(p for p in env.get("PATH", "").split(os.pathsep) if ".venv" not in p)
    return env


@pytest.fixture(scope="module")
def fresh(tmp_path_factory: pytest.TempPathFactory) -> dict:
    work = tmp_path_factory.mktemp("install")
    src = work / "src"
    src.mkdir()
    for name in SOURCES:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, src / name, ignore=IGNORE)
        else:
            shutil.copy2(ROOT / name, src / name)
    _run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", work / "dist", src], cwd=work)
    (wheel,) = (work / "dist").glob("aidtracker-*.whl")

    venv = work / "venv"
    base_python = getattr(sys, "_base_executable", sys.executable)
    _run([base_python, "-m", "venv", venv], cwd=work, env=_clean_env())
    pip_version = _run([venv / "bin" / "python", "-m", "pip", "--version"], cwd=work).stdout
    _run([venv / "bin" / "python", "-m", "pip", "install", "--quiet", wheel], cwd=work, env=_clean_env())

    elsewhere = work / "elsewhere"
    elsewhere.mkdir()
    ingest = _run([venv / "bin" / "aidtracker", "ingest", SEED], cwd=elsewhere, env=_clean_env())
    return {"wheel": wheel, "venv": venv, "pip": pip_version, "cwd": elsewhere, "ingest": ingest}


def test_the_wheel_holds_one_import_package_with_its_data(fresh: dict) -> None:
    names = zipfile.ZipFile(fresh["wheel"]).namelist()
    top = {n.split("/")[0] for n in names if not n.split("/")[0].endswith((".dist-info", ".data"))}
    assert top == {"aidtracker"}
    for part in ("etl/schema.sql", "etl/cli.py", "dashboard/app.py", "dashboard/assets/world_110m.json"):
        assert f"aidtracker/{part}" in names
    assert "aidtracker/data/countries.csv" in names and "aidtracker/data/goods.csv" in names
    assert "aidtracker/data/recipient_model.json" in names  # applied without scikit-learn
    assert not [n for n in names if n.endswith(".duckdb")]


def test_installed_with_the_stock_pip_of_a_new_venv(fresh: dict) -> None:
    # the pip a new venv brings, not one upgraded by make (23.2 on Python 3.11.7)
    wheels = " ".join(os.listdir(Path(ensurepip.__file__).parent / "_bundled"))
    bundled = re.search(r"pip-([\d.]+)-py3", wheels)
    assert bundled and f"pip {bundled.group(1)} " in fresh["pip"]
    where = _run(
        [fresh["venv"] / "bin" / "python", "-c", "import aidtracker.etl.cli as m; print(m.__file__)"],
        cwd=fresh["cwd"],
        env=_clean_env(),
    ).stdout.strip()
    assert Path(where).is_relative_to(fresh["venv"]), where


def test_the_seed_ingests_into_the_current_folders_data(fresh: dict) -> None:
    db = fresh["cwd"] / "data" / "aidtracker.duckdb"
    assert f"aidtracker: database {db} (the default, in the current folder)" in fresh["ingest"].stderr
    assert "articles 1 new" in fresh["ingest"].stdout
    con = duckdb.connect(str(db), read_only=True)
    try:
        pledges = con.execute(
            "select donor_iso3, recipient_iso3, amount, unit, commodity from pledges"
        ).fetchall()
        risk = con.execute("select country_iso3, people from risk_figures").fetchall()
    finally:
        con.close()
    assert pledges == [("KAZ", "AFG", 5000.0, "tonnes", "flour")]
    assert risk == [("AFG", 23_000_000)]


@pytest.fixture(scope="module")
def served(fresh: dict, tmp_path_factory: pytest.TempPathFactory):
    """The fresh install's `aidtracker dashboard`, run from the folder the seed was ingested in."""
    log = tmp_path_factory.mktemp("fresh-server") / "server.log"
    command = [str(fresh["venv"] / "bin" / "aidtracker"), "dashboard", "--base-url-path", "aid/"]
    with serve(None, log, command=command, cwd=fresh["cwd"], env=_clean_env(), path="/aid") as url:
        yield url, log


@pytest.fixture
def page(served):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = launch(pw)
        context = browser.new_context(viewport={"width": 1440, "height": 1000})
        yield context.new_page()
        context.close()
        browser.close()


def test_the_fresh_install_serves_a_product_page(served, page) -> None:
    url, log = served
    page.goto(url)
    wait_for_app(page, charts=False)
    expect(page).to_have_title("aidtracker")
    # our icon, drawn inline (offline), not Streamlit's default ./favicon.png
    icon = page.locator('link[rel="icon"], link[rel="shortcut icon"]').first
    expect(icon).to_have_attribute(
        "href", re.compile(r"^data:image/svg\+xml,.*%F0%9F%8C%8D|^data:image/svg\+xml,.*🌍")
    )
    # viewer toolbar: no Deploy button, no developer entries in the main menu
    assert page.get_by_role("button", name="Deploy").count() == 0
    assert page.get_by_test_id("stAppDeployButton").count() == 0
    menu = page.get_by_test_id("stMainMenu")
    if menu.count():
        menu.click()
        items = page.get_by_test_id("stMainMenuList").inner_text()
        for developer_item in ("Rerun", "Clear cache", "Deploy"):
            assert developer_item not in items
        page.keyboard.press("Escape")
    assert "Traceback" not in log.read_text()


def test_the_first_screen_shows_the_seeds_goods_not_no_data(served, page) -> None:
    url, log = served
    page.goto(url)
    wait_for_app(page)
    metric = page.get_by_test_id("stMetric")
    expect(metric.filter(has_text="In-kind goods").get_by_test_id("stMetricValue")).to_have_text("5,000 t")
    expect(metric.filter(has_text="People at risk").get_by_test_id("stMetricValue")).to_have_text("23M")
    note = page.locator(".st-key-overview_note")
    expect(note.get_by_test_id("stAlert")).to_contain_text("No cash pledges yet; 1 in-kind pledge below.")
    expect(note.locator("code")).to_contain_text("aidtracker ingest PATH")
    chart = page.locator(".st-key-overview_in_kind .js-plotly-plot")
    expect(chart.locator(".gtitle")).to_have_text("In-kind aid: quantity by commodity and unit")
    assert chart.locator(".xtick text").all_text_contents() == ["flour"]
    assert page.get_by_text("No data matches these filters").count() == 0
    page.screenshot(path=str(log.with_name("first-screen.png")))
