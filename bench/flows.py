"""A synthetic database of pledges reported several times each, to time and check etl.consolidate.

Built in SQL in a few seconds at a million rows. Each synthetic pledge (a donor, a recipient,
an amount in the donor's currency or in goods, a date) gets one to several reports in
different articles, as the news repeats a pledge: reworded days to weeks later, converted
to US dollars (within 1%), restated months later with the pledge's own date, with the
recipient left out, or as delivered. The true pledge of each report is kept in its evidence
("synthetic pledge 123"), so the grouping's pairwise precision and recall can be counted.
Donors are skewed (a few give most, as in the news), amounts are round ("$5 million"), so
the same donor, amount and recipient recur: the near misses a grouping must keep apart.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from aidtracker.etl.load import create_schema

# (name, ISO3, own currency, units of it per US dollar): the currencies the reports use.
DONORS = (
    ("United States", "USA", "USD", 1.0),
    ("United Kingdom", "GBR", "GBP", 0.78),
    ("Germany", "DEU", "EUR", 0.92),
    ("Japan", "JPN", "JPY", 140.0),
    ("European Union", None, "EUR", 0.92),
    ("Canada", "CAN", "CAD", 1.35),
    ("Australia", "AUS", "AUD", 1.5),
    ("Norway", "NOR", "NOK", 10.5),
    ("Sweden", "SWE", "SEK", 10.8),
    ("Switzerland", "CHE", "CHF", 0.9),
    ("World Food Programme", None, "USD", 1.0),
    ("Saudi Arabia", "SAU", "USD", 1.0),
    ("France", "FRA", "EUR", 0.92),
    ("Netherlands", "NLD", "EUR", 0.92),
    ("Denmark", "DNK", "DKK", 6.9),
    ("Korea", "KOR", "USD", 1.0),
)
RECIPIENTS = (
    ("Sudan", "SDN"),
    ("Yemen", "YEM"),
    ("Somalia", "SOM"),
    ("Ethiopia", "ETH"),
    ("Afghanistan", "AFG"),
    ("Syria", "SYR"),
    ("South Sudan", "SSD"),
    ("Haiti", "HTI"),
    ("Chad", "TCD"),
    ("Niger", "NER"),
    ("Mali", "MLI"),
    ("Kenya", "KEN"),
    ("Bangladesh", "BGD"),
    ("Myanmar", "MMR"),
    ("Ukraine", "UKR"),
    ("Lebanon", "LBN"),
    ("Pakistan", "PAK"),
    ("Mozambique", "MOZ"),
    ("Nigeria", "NGA"),
    ("Malawi", "MWI"),
    ("Zimbabwe", "ZWE"),
    ("Uganda", "UGA"),
    ("Burkina Faso", "BFA"),
    ("Iraq", "IRQ"),
    ("Jordan", "JOR"),
    ("Democratic Republic of the Congo", "COD"),
    ("Central African Republic", "CAF"),
    ("Libya", "LBY"),
    ("Venezuela", "VEN"),
    ("Colombia", "COL"),
    ("Nepal", "NPL"),
    ("Philippines", "PHL"),
    ("Indonesia", "IDN"),
    ("Sri Lanka", "LKA"),
    ("Madagascar", "MDG"),
    ("Zambia", "ZMB"),
    ("Angola", "AGO"),
    ("Eritrea", "ERI"),
    ("Djibouti", "DJI"),
    ("Mauritania", "MRT"),
    ("Senegal", "SEN"),
    ("Guatemala", "GTM"),
    ("Honduras", "HND"),
    ("Cameroon", "CMR"),
    ("Burundi", "BDI"),
    ("Rwanda", "RWA"),
    ("Tanzania", "TZA"),
    ("Liberia", "LBR"),
    ("Sierra Leone", "SLE"),
    ("North Korea", "PRK"),
)
COMMODITIES = ("wheat", "rice", "maize", "flour", "vegetable oil")

_U = "(hash(k, $seed, {0}) % 1000003)::DOUBLE / 1000003"

# One row per synthetic pledge k, then one per report j of it; the first $n reports are kept.
FLOW_ROWS_SQL = f"""
WITH pledge AS (
    SELECT k,
        d.name AS donor, d.iso3 AS donor_iso3, d.currency, d.per_usd,
        r.name AS recipient, r.iso3 AS recipient_iso3,
        {_U.format(3)} < 0.15 AS goods,
        -- two significant digits, as amounts are told: 4,700,000 and 25,000,000
        round(pow(10, 5 + 3.5 * {_U.format(4)}), 2 - ceil(5 + 3.5 * {_U.format(4)})::INTEGER) AS usd,
        round(pow(10, 2 + 3 * {_U.format(4)}), -2) AS tonnes,
        DATE '1990-01-01' + floor({_U.format(5)} * 12800)::INTEGER AS day,
        -- most pledges are reported once or twice, a few many times
        least(1 + floor(-ln(1 - {_U.format(6)}) * 1.2)::INTEGER, 12) AS n_reports,
        {_U.format(7)} AS u_commodity
    FROM range(($n * 2) // 3 + 10) t(k)
    JOIN bench_flow_donors d ON d.idx = floor(pow({_U.format(1)}, 2) * {len(DONORS)})
    JOIN bench_flow_places r ON r.idx = floor({_U.format(2)} * {len(RECIPIENTS)})
), report AS (
    SELECT p.*, j,
        (hash(k, j, $seed, 8) % 1000003)::DOUBLE / 1000003 AS v1,
        (hash(k, j, $seed, 9) % 1000003)::DOUBLE / 1000003 AS v2,
        (hash(k, j, $seed, 10) % 1000003)::DOUBLE / 1000003 AS v3,
        (hash(k, j, $seed, 11) % 1000003)::DOUBLE / 1000003 AS v4
    FROM pledge p, range(p.n_reports) r(j)
), numbered AS (
    SELECT *, row_number() OVER (ORDER BY k, j) - 1 AS i FROM report
)
SELECT
    'fp' || lpad(i::VARCHAR, 8, '0') AS pledge_id,
    -- any article of the corpus, about three reports each
    'fa' || lpad((hash(i, $seed, 12) % ($n // 3 + 1))::VARCHAR, 8, '0') AS article_id,
    donor, donor_iso3, CASE WHEN donor_iso3 IS NULL THEN 'multilateral' ELSE 'government' END AS donor_kind,
    CASE WHEN j > 0 AND v2 < 0.1 THEN NULL ELSE recipient END AS recipient,
    CASE WHEN j > 0 AND v2 < 0.1 THEN NULL ELSE recipient_iso3 END AS recipient_iso3,
    NULL AS channel,
    CASE WHEN goods THEN tonnes
         -- a later report in US dollars, converted and rounded (within 1%)
         WHEN j > 0 AND v3 < 0.15 THEN round(usd * (0.995 + 0.01 * v4), 3 - ceil(log10(usd))::INTEGER)
         ELSE round(usd * per_usd, 2 - ceil(log10(usd * per_usd))::INTEGER) END AS amount,
    CASE WHEN goods THEN 'tonnes' WHEN j > 0 AND v3 < 0.15 THEN 'USD' ELSE currency END AS unit,
    CASE WHEN goods THEN NULL
         WHEN j > 0 AND v3 < 0.15 THEN round(usd * (0.995 + 0.01 * v4), 3 - ceil(log10(usd))::INTEGER)
         -- each report's own day's rate: a few per cent apart
         ELSE round(usd * per_usd, 2 - ceil(log10(usd * per_usd))::INTEGER) / per_usd * (0.98 + 0.04 * v4) END
        AS amount_usd,
    CASE WHEN goods THEN 'in_kind' ELSE 'cash' END AS aid_form,
    CASE WHEN goods AND (j = 0 OR v2 >= 0.2) THEN
        {list(COMMODITIES)!r}[1 + floor(u_commodity * {len(COMMODITIES)})::INTEGER] END AS commodity,
    CASE WHEN j > 0 AND v1 < 0.1 THEN 'delivered' ELSE 'pledged' END AS status,
    -- the first report on the day; the others days to weeks later, a tenth restating the day
    CASE WHEN j = 0 OR v1 BETWEEN 0.9 AND 1.0 THEN day ELSE day + floor(v1 * 60)::INTEGER END AS announced_on,
    'synthetic pledge ' || k AS evidence,
    0 AS span_start, 24 AS span_end, 0.9 AS confidence
FROM numbered
WHERE i < $n
"""


def build_flow_db(db: Path, *, pledges: int = 1_000_000, seed: int = 0) -> dict[str, int]:
    """Create a DuckDB file with the project's schema holding `pledges` synthetic reports
    (and their articles); returns the counts of reports and of the true pledges behind them."""
    if db.exists():
        raise FileExistsError(f"{db} exists: the synthetic database is built in a new file")
    con = duckdb.connect(str(db))
    try:
        con.execute("SET enable_progress_bar = false")
        create_schema(con)
        con.execute(
            "CREATE TEMP TABLE bench_flow_donors (idx INTEGER, name VARCHAR, iso3 VARCHAR, "
            "currency VARCHAR, per_usd DOUBLE)"
        )
        con.executemany(
            "INSERT INTO bench_flow_donors VALUES (?, ?, ?, ?, ?)", [(i, *d) for i, d in enumerate(DONORS)]
        )
        con.execute("CREATE TEMP TABLE bench_flow_places (idx INTEGER, name VARCHAR, iso3 VARCHAR)")
        con.executemany(
            "INSERT INTO bench_flow_places VALUES (?, ?, ?)", [(i, *r) for i, r in enumerate(RECIPIENTS)]
        )
        con.execute("BEGIN")
        con.execute("INSERT INTO pledges BY NAME " + FLOW_ROWS_SQL, {"n": pledges, "seed": seed})
        con.execute(
            """
            INSERT INTO articles BY NAME
            SELECT article_id, NULL AS title, min(announced_on) AS published_on, 'metadata' AS date_basis,
                   'aidtracker-bench' AS source, NULL AS url, 'synthetic' AS text,
                   'synthetic' AS content_sha256,
                   TIMESTAMP '2025-01-01 00:00:00' AS ingested_at
            FROM pledges GROUP BY article_id
            """
        )
        con.execute("COMMIT")
        row = con.execute("SELECT count(*), count(DISTINCT evidence) FROM pledges").fetchone()
        assert row is not None
        return {"pledges": int(row[0]), "true_pledges": int(row[1])}
    finally:
        con.close()


def pair_scores(con: duckdb.DuckDBPyConnection) -> dict[str, float]:
    """Pairwise precision and recall of flow_reports against the true pledges of build_flow_db:
    a pair of reports grouped together is right when both report one synthetic pledge.

    Reports of one pledge that share an article can never be grouped (a flow holds one report
    per article), so recall is also given over the pairs in different articles.
    """
    row = con.execute(
        """
        WITH r AS (
            SELECT f.flow_id, p.evidence AS truth, p.article_id
            FROM flow_reports f JOIN pledges p USING (pledge_id)
        ),
        cell AS (SELECT flow_id, truth, count(*) AS n FROM r GROUP BY ALL),
        flows AS (SELECT flow_id, count(*) AS n FROM r GROUP BY ALL),
        truths AS (SELECT truth, count(*) AS n FROM r GROUP BY ALL),
        same_article AS (SELECT truth, article_id, count(*) AS n FROM r GROUP BY ALL)
        SELECT (SELECT sum(n * (n - 1) / 2) FROM cell) AS both,
               (SELECT sum(n * (n - 1) / 2) FROM flows) AS grouped,
               (SELECT sum(n * (n - 1) / 2) FROM truths) AS true_pairs,
               (SELECT sum(n * (n - 1) / 2) FROM same_article) AS unreachable
        """
    ).fetchone()
    assert row is not None
    both, grouped, true_pairs, unreachable = (float(x or 0) for x in row)
    return {
        "precision": both / grouped if grouped else 1.0,
        "recall": both / true_pairs if true_pairs else 1.0,
        "recall_reachable": both / (true_pairs - unreachable) if true_pairs > unreachable else 1.0,
        "pairs": true_pairs,
    }
