"""Builds the DuckDB files the dashboard tests read: ETL-built from the real corpus, plus hand-made rows."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = ROOT / "etl" / "schema.sql"
SHARED = ROOT.parent / "shared"

HOSTILE_TITLE = "<img src=x onerror=alert(1)>"
INJECTION_DONOR = "x'); DROP TABLE pledges; --"
FORMULA_DONOR = "=1+1"
FORMULA_COMMODITY = "@SUM(A1)"


def corpus_paths() -> list[Path]:
    """The real articles the ETL-built test database is made from."""
    return sorted((SHARED / "corpus").glob("*.jsonl")) + [ROOT / "seeds"]


def create_empty(path: Path) -> Path:
    """A database with the schema's tables and no rows."""
    con = duckdb.connect(str(path))
    try:
        con.execute(SCHEMA.read_text(encoding="utf-8"))
    finally:
        con.close()
    return path


# Invented articles (not corpus text): (id, title, date, url, [(sentence, [facts])]).
# A fact is ("pledge", {...}) / ("risk", {...}) / ("appeal", {...}); its evidence is its sentence.
_P = "pledge"
_R = "risk"
_A = "appeal"


def _pl(donor, diso, rec, riso, amount, unit, usd, form="cash", status="pledged", commodity=None, on=None):
    return (
        _P,
        {
            "donor": donor,
            "donor_iso3": diso,
            "donor_kind": "government" if diso else "multilateral",
            "recipient": rec,
            "recipient_iso3": riso,
            "channel": None,
            "amount": amount,
            "unit": unit,
            "amount_usd": usd,
            "aid_form": form,
            "commodity": commodity,
            "status": status,
            "announced_on": on,
        },
    )


def _rk(country, iso, people, indicator, as_of=None, org=None):
    return (
        _R,
        {
            "country": country,
            "country_iso3": iso,
            "people": people,
            "indicator": indicator,
            "population_group": "people",
            "source_org": org,
            "qualifier": "about",
            "as_of": as_of,
        },
    )


def _ap(org, iso, amount, usd):
    return (
        _A,
        {"organization": org, "country_iso3": iso, "amount": amount, "unit": "USD", "amount_usd": usd},
    )


D = dt.date
FIXTURE_ARTICLES = [
    (
        "fx-01",
        "Donors answer Sudan appeal",
        D(2023, 5, 2),
        "https://example.org/fx-01",
        [
            (
                "The United States announced $120 million in humanitarian aid for Sudan on Tuesday.",
                [_pl("United States", "USA", "Sudan", "SDN", 120e6, "USD", 120e6)],
            ),
            (
                "Japan pledged $15 million to Sudan through WFP.",
                [_pl("Japan", "JPN", "Sudan", "SDN", 15e6, "USD", 15e6)],
            ),
            (
                "About 20 million people in Sudan face acute food insecurity, the IPC said.",
                [_rk("Sudan", "SDN", 20e6, "food_insecure", D(2023, 5, 1), "IPC")],
            ),
            ("The UN appealed for $2.6 billion for Sudan.", [_ap("OCHA", "SDN", 2.6e9, 2.6e9)]),
        ],
    ),
    (
        "fx-02",
        "Sudan hunger deepens",
        D(2024, 2, 10),
        "https://example.org/fx-02",
        [
            (
                "Some 25 million people in Sudan are now acutely food insecure.",
                [_rk("Sudan", "SDN", 25e6, "food_insecure", D(2024, 2, 1), "WFP")],
            ),
            (
                "Nearly 8 million people have been displaced inside Sudan.",
                [_rk("Sudan", "SDN", 8e6, "displaced", D(2024, 2, 1), "IOM")],
            ),
            (
                "The European Union allocated EUR 50 million for Sudan.",
                [_pl("European Union", None, "Sudan", "SDN", 50e6, "EUR", 54.3e6)],
            ),
        ],
    ),
    (
        "fx-03",
        "Aid for Yemen",
        D(2023, 3, 15),
        "https://example.org/fx-03",
        [
            (
                "The United Kingdom pledged GBP 88 million to Yemen.",
                [_pl("United Kingdom", "GBR", "Yemen", "YEM", 88e6, "GBP", 106.5e6)],
            ),
            (
                "Germany committed EUR 120 million for Yemen.",
                [_pl("Germany", "DEU", "Yemen", "YEM", 120e6, "EUR", 128.9e6)],
            ),
            (
                "About 21.6 million people in Yemen need humanitarian assistance.",
                [_rk("Yemen", "YEM", 21.6e6, "in_need", D(2023, 3, 1), "OCHA")],
            ),
        ],
    ),
    (
        "fx-04",
        "Flour for Afghanistan",
        D(2021, 10, 20),
        "https://example.org/fx-04",
        [
            (
                "Kazakhstan sent 5,000 tonnes of flour to Afghanistan.",
                [
                    _pl(
                        "Kazakhstan",
                        "KAZ",
                        "Afghanistan",
                        "AFG",
                        5000,
                        "tonnes",
                        None,
                        "in_kind",
                        "delivered",
                        "flour",
                    )
                ],
            ),
            (
                "Some 23 million Afghans are at risk of famine this winter.",
                [_rk("Afghanistan", "AFG", 23e6, "famine_risk", D(2021, 10, 1), "WFP")],
            ),
            (
                "The United States provided $144 million in aid to Afghanistan.",
                [_pl("United States", "USA", "Afghanistan", "AFG", 144e6, "USD", 144e6, status="delivered")],
            ),
        ],
    ),
    (
        "fx-05",
        "Ukraine support grows",
        D(2022, 3, 10),
        "https://example.org/fx-05",
        [
            (
                "Japan will provide $100 million in emergency aid to Ukraine.",
                [_pl("Japan", "JPN", "Ukraine", "UKR", 100e6, "USD", 100e6)],
            ),
            (
                "The United States announced $53 million for Ukraine.",
                [_pl("United States", "USA", "Ukraine", "UKR", 53e6, "USD", 53e6)],
            ),
            (
                "More than 2 million people have fled Ukraine.",
                [_rk("Ukraine", "UKR", 2e6, "displaced", D(2022, 3, 9), "UNHCR")],
            ),
            (
                "Australia donated 70,000 doses of vaccine to Ukraine.",
                [
                    _pl(
                        "Australia",
                        "AUS",
                        "Ukraine",
                        "UKR",
                        70000,
                        "doses",
                        None,
                        "in_kind",
                        "delivered",
                        "vaccines",
                    )
                ],
            ),
        ],
    ),
    (
        "fx-06",
        "Somalia drought",
        D(2022, 9, 5),
        "https://example.org/fx-06",
        [
            (
                "About 7.8 million people in Somalia are affected by the drought.",
                [_rk("Somalia", "SOM", 7.8e6, "affected", D(2022, 9, 1), "OCHA")],
            ),
            (
                "The United Kingdom pledged GBP 20 million to Somalia.",
                [_pl("United Kingdom", "GBR", "Somalia", "SOM", 20e6, "GBP", 23.2e6)],
            ),
            (
                "Japan sent 3,000 tonnes of rice to Somalia.",
                [_pl("Japan", "JPN", "Somalia", "SOM", 3000, "tonnes", None, "in_kind", "delivered", "rice")],
            ),
            ("WFP needs $300 million for Somalia.", [_ap("WFP", "SOM", 300e6, 300e6)]),
        ],
    ),
    (
        "fx-07",
        "Yemen update",
        D(2024, 1, 20),
        "https://example.org/fx-07",
        [
            (
                "Some 18.2 million people in Yemen need humanitarian assistance.",
                [_rk("Yemen", "YEM", 18.2e6, "in_need", D(2024, 1, 15), "OCHA")],
            ),
            (
                "The United States announced $80 million for Yemen.",
                [_pl("United States", "USA", "Yemen", "YEM", 80e6, "USD", 80e6)],
            ),
        ],
    ),
    (
        "fx-08",
        "A global fund",
        None,
        None,
        [
            (
                "The World Bank approved $500 million for a global food security fund.",
                [_pl("World Bank", None, None, None, 500e6, "USD", 500e6)],
            ),
        ],
    ),
]

# Two invented articles, two days apart, that report one pledge, one risk figure and one appeal
# each: consolidation groups each pair, so the page counts each once (twice with every report).
REPEATED_DONOR = "Norway"
REPEATED_PLEDGE = "Norway pledged $12 million in humanitarian aid to Somalia."
REPEATED_AGAIN = "Norway's $12 million pledge to Somalia was welcomed by aid agencies."
REPEATED_ARTICLES = [
    (
        "fx-09",
        "Norway steps up Somalia aid",
        D(2023, 8, 1),
        "https://example.org/fx-09",
        [
            (REPEATED_PLEDGE, [_pl(REPEATED_DONOR, "NOR", "Somalia", "SOM", 12e6, "USD", 12e6)]),
            (
                "Some 6.6 million people in Somalia face acute food insecurity, WFP said.",
                [_rk("Somalia", "SOM", 6.6e6, "food_insecure", D(2023, 8, 1), "WFP")],
            ),
            ("OCHA appealed for $2.6 billion for Somalia.", [_ap("OCHA", "SOM", 2.6e9, 2.6e9)]),
        ],
    ),
    (
        "fx-10",
        "Somalia donors meet",
        D(2023, 8, 3),
        "https://example.org/fx-10",
        [
            (REPEATED_AGAIN, [_pl(REPEATED_DONOR, "NOR", "Somalia", "SOM", 12e6, "USD", 12e6)]),
            (
                "About 6.6 million people in Somalia are acutely food insecure.",
                [_rk("Somalia", "SOM", 6.6e6, "food_insecure", D(2023, 8, 3), "FAO")],
            ),
            (
                "The $2.6 billion OCHA appeal for Somalia is a third funded.",
                [_ap("OCHA", "SOM", 2.6e9, 2.6e9)],
            ),
        ],
    ),
]


# the columns _insert fills, in the order it gives their values
_TAIL = ("evidence", "span_start", "span_end", "confidence")
COLUMNS = {
    "pledges": (
        "pledge_id", "article_id", "donor", "donor_iso3", "donor_kind", "recipient", "recipient_iso3",
        "channel", "amount", "unit", "amount_usd", "aid_form", "commodity", "status", "announced_on", *_TAIL,
    ),
    "risk_figures": (
        "figure_id", "article_id", "country", "country_iso3", "people", "indicator", "population_group",
        "source_org", "qualifier", "as_of", *_TAIL,
    ),
    "appeals": (
        "appeal_id", "article_id", "organization", "country_iso3", "amount", "unit", "amount_usd", *_TAIL,
    ),
}  # fmt: skip


def _insert(con: duckdb.DuckDBPyConnection, articles: list, source: str) -> None:
    now = dt.datetime(2024, 6, 1, 12, 0, 0)
    for aid, title, date, url, sentences in articles:
        text = ""
        spans = []
        for sentence, facts in sentences:
            start = len(text)
            text += sentence
            spans.append((sentence, start, len(text), facts))
            text += " "
        text = text.rstrip()
        con.execute(
            "INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                aid,
                title,
                date,
                "metadata" if date else "unknown",
                source,
                url,
                text,
                hashlib.sha256(text.encode()).hexdigest(),
                now,
            ],
        )
        n = 0
        for sentence, start, end, facts in spans:
            for kind, f in facts:
                n += 1
                rid = f"{aid}-{kind}-{n}"
                tail = [sentence, start, end, 0.9]
                if kind == _P:
                    table, values = (
                        "pledges",
                        (
                            [
                                rid,
                                aid,
                                f["donor"],
                                f["donor_iso3"],
                                f["donor_kind"],
                                f["recipient"],
                                f["recipient_iso3"],
                                f["channel"],
                                f["amount"],
                                f["unit"],
                                f["amount_usd"],
                                f["aid_form"],
                                f["commodity"],
                                f["status"],
                                f["announced_on"] or date,
                                *tail,
                            ]
                        ),
                    )
                elif kind == _R:
                    table, values = (
                        "risk_figures",
                        (
                            [
                                rid,
                                aid,
                                f["country"],
                                f["country_iso3"],
                                f["people"],
                                f["indicator"],
                                f["population_group"],
                                f["source_org"],
                                f["qualifier"],
                                f["as_of"],
                                *tail,
                            ]
                        ),
                    )
                else:
                    table, values = (
                        "appeals",
                        (
                            [
                                rid,
                                aid,
                                f["organization"],
                                f["country_iso3"],
                                f["amount"],
                                f["unit"],
                                f["amount_usd"],
                                *tail,
                            ]
                        ),
                    )
                marks = ", ".join("?" * len(values))
                # named: the tables may grow columns after these (left NULL here)
                names = ", ".join(COLUMNS[table])
                con.execute(f"INSERT INTO {table} ({names}) VALUES ({marks})", values)


def add_rows(path: Path, articles: list, source: str = "hand-made test rows") -> None:
    """Append invented articles and their facts to an existing database, then group the reports
    of one fact across articles again, as the end of an ingest does."""
    from aidtracker.etl.consolidate import consolidate

    con = duckdb.connect(str(path))
    try:
        con.execute(SCHEMA.read_text(encoding="utf-8"))
        _insert(con, articles, source)
        consolidate(con)
        con.execute("CHECKPOINT")
    finally:
        con.close()


HOSTILE_ARTICLES = [
    (
        "zz-hostile-1",
        HOSTILE_TITLE,
        D(2023, 6, 1),
        "javascript:alert(2)",
        [
            (
                "<script>window.__pwned = 1</script> Norway pledged $7 million to Sudan.",
                [_pl("Norway", "NOR", "Sudan", "SDN", 7e6, "USD", 7e6)],
            ),
            (
                "A donor with a hostile name gave $1 million to Chad.",
                [_pl(INJECTION_DONOR, None, "Chad", "TCD", 1e6, "USD", 1e6)],
            ),
            (
                "A formula-named donor sent 10 tonnes of an odd commodity to Chad.",
                [
                    _pl(
                        FORMULA_DONOR,
                        None,
                        "Chad",
                        "TCD",
                        10,
                        "tonnes",
                        None,
                        "in_kind",
                        "delivered",
                        FORMULA_COMMODITY,
                    )
                ],
            ),
            (
                "A correction withdrew $5 million from Chad.",
                [_pl("Correction Fund", None, "Chad", "TCD", -5e6, "USD", -5e6)],
            ),
            (
                "About 1.1 million people in Chad need humanitarian assistance.",
                [_rk("Chad", "TCD", 1.1e6, "in_need", D(2023, 6, 1), "OCHA")],
            ),
            ("The UN appealed for $90 million for Chad.", [_ap("OCHA", "TCD", 90e6, 90e6)]),
        ],
    ),
]


def add_hostile_rows(path: Path) -> None:
    """Rows for the security tests: HTML title, SQL-injection donor, formula cells, negative amount."""
    add_rows(path, HOSTILE_ARTICLES, source="hostile test rows")


def build_fixture_db(path: Path) -> Path:
    """A small database of invented but realistic rows, one pledge of them reported twice, with the
    hostile rows."""
    create_empty(path)
    add_rows(path, FIXTURE_ARTICLES + REPEATED_ARTICLES)
    add_hostile_rows(path)
    return path


def fact_count(path: Path) -> int:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return sum(
            con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("pledges", "risk_figures", "appeals")
        )
    finally:
        con.close()


def build_etl_db(path: Path) -> dict[str, int]:
    """Run the real ETL on the real corpus into `path`, then add the hostile rows.

    When the ETL yields no pledge and no risk figure (the extractor not built yet), the
    invented rows are added too so the charts have data; the return value says what happened.
    """
    from aidtracker.etl import pipeline

    pipeline.run(corpus_paths(), path, workers=1)
    etl_facts = fact_count(path)
    if etl_facts == 0:
        add_rows(path, FIXTURE_ARTICLES)
    add_hostile_rows(path)
    return {"etl_facts": etl_facts, "fixture_rows_added": int(etl_facts == 0)}


def etl_db(tmp_path_factory) -> Path:
    """The ETL-built database, built once per test session and shared by the test modules."""
    path = tmp_path_factory.getbasetemp() / "etl_dashboard.duckdb"
    if not path.exists():
        tmp = path.with_suffix(".building")
        tmp.unlink(missing_ok=True)
        build_etl_db(tmp)
        tmp.rename(path)
    return path
