-- The aidtracker tables: the one declaration of the contract that the ETL
-- writes, the dashboard reads and ../shared/eval/score.py scores.
-- Every statement is idempotent so it can run on a new or an existing file.

CREATE TABLE IF NOT EXISTS articles (
    article_id     VARCHAR PRIMARY KEY,
    title          VARCHAR,
    published_on   DATE,
    -- where published_on came from: 'metadata', 'text' or 'unknown'
    date_basis     VARCHAR NOT NULL,
    source         VARCHAR,
    url            VARCHAR,
    text           VARCHAR NOT NULL,
    content_sha256 VARCHAR NOT NULL,
    ingested_at    TIMESTAMP NOT NULL
);

-- The record tables have no PRIMARY KEY: their ids are a hash of (article_id, kind, span,
-- index), unique by construction, and the loader replaces an article's records whole. The
-- index a key would build cost about 0.6 s of a 4 s load of 1,000,000 pledges (bench/run.py).
CREATE TABLE IF NOT EXISTS pledges (
    pledge_id      VARCHAR NOT NULL,
    article_id     VARCHAR NOT NULL,
    donor          VARCHAR NOT NULL,
    donor_iso3     VARCHAR,
    -- 'government', 'multilateral', 'un_agency', 'ngo', 'private', 'various'
    donor_kind     VARCHAR,
    recipient      VARCHAR,
    recipient_iso3 VARCHAR,
    channel        VARCHAR,
    amount         DOUBLE NOT NULL,
    -- ISO 4217 code for money, a physical unit ('tonnes', 'doses', ...) for goods
    unit           VARCHAR NOT NULL,
    amount_usd     DOUBLE,
    aid_form       VARCHAR NOT NULL CHECK (aid_form IN ('cash', 'in_kind')),
    commodity      VARCHAR,
    status         VARCHAR NOT NULL CHECK (status IN ('pledged', 'delivered')),
    announced_on   DATE,
    evidence       VARCHAR NOT NULL,
    span_start     INTEGER NOT NULL,
    span_end       INTEGER NOT NULL,
    confidence     DOUBLE NOT NULL CHECK (confidence BETWEEN 0 AND 1)
);

CREATE TABLE IF NOT EXISTS risk_figures (
    figure_id        VARCHAR NOT NULL,
    article_id       VARCHAR NOT NULL,
    country          VARCHAR,
    country_iso3     VARCHAR,
    people           DOUBLE NOT NULL,
    -- famine_risk, food_insecure, in_need, displaced, malnourished, affected
    indicator        VARCHAR NOT NULL,
    population_group VARCHAR,
    source_org       VARCHAR,
    -- about, more_than, up_to, nearly, exactly
    qualifier        VARCHAR,
    as_of            DATE,
    evidence         VARCHAR NOT NULL,
    span_start       INTEGER NOT NULL,
    span_end         INTEGER NOT NULL,
    confidence       DOUBLE NOT NULL CHECK (confidence BETWEEN 0 AND 1)
);

CREATE TABLE IF NOT EXISTS appeals (
    appeal_id    VARCHAR NOT NULL,
    article_id   VARCHAR NOT NULL,
    organization VARCHAR,
    country_iso3 VARCHAR,
    amount       DOUBLE NOT NULL,
    unit         VARCHAR NOT NULL,
    amount_usd   DOUBLE,
    evidence     VARCHAR NOT NULL,
    span_start   INTEGER NOT NULL,
    span_end     INTEGER NOT NULL,
    confidence   DOUBLE NOT NULL CHECK (confidence BETWEEN 0 AND 1)
);

CREATE TABLE IF NOT EXISTS rejected (
    source  VARCHAR NOT NULL,
    reason  VARCHAR NOT NULL,
    seen_at TIMESTAMP NOT NULL
);

-- One pledge, many reports (etl.consolidate, run at the end of every ingest): the reports of
-- one pledge in several articles are grouped into a flow, so totals count it once. These
-- tables are rebuilt whole from the record tables by each ingest, so they are a function of
-- the set of articles loaded, never of the order they came in.
CREATE TABLE IF NOT EXISTS flows (
    -- a hash of the flow's first report (earliest announcement, then smallest pledge_id)
    flow_id          VARCHAR NOT NULL,
    donor            VARCHAR NOT NULL,
    donor_iso3       VARCHAR,
    donor_kind       VARCHAR,
    recipient        VARCHAR,
    recipient_iso3   VARCHAR,
    amount           DOUBLE NOT NULL,
    unit             VARCHAR NOT NULL,
    amount_usd       DOUBLE,
    aid_form         VARCHAR NOT NULL CHECK (aid_form IN ('cash', 'in_kind')),
    commodity        VARCHAR,
    status           VARCHAR NOT NULL CHECK (status IN ('pledged', 'delivered')),
    announced_on     DATE,
    first_article_id VARCHAR NOT NULL,
    n_reports        INTEGER NOT NULL CHECK (n_reports >= 1),
    -- how many different articles report it (a flow never holds two reports of one article)
    n_articles       INTEGER NOT NULL CHECK (n_articles >= 1)
);

-- Each pledge's flow, and in words which fields agreed with the flow's first report.
CREATE TABLE IF NOT EXISTS flow_reports (
    pledge_id VARCHAR NOT NULL,
    flow_id   VARCHAR NOT NULL,
    why       VARCHAR NOT NULL
);

-- The same for risk figures: one observation per country, indicator and figure, with its sources.
CREATE TABLE IF NOT EXISTS risk_observations (
    observation_id   VARCHAR NOT NULL,
    country          VARCHAR,
    country_iso3     VARCHAR,
    people           DOUBLE NOT NULL,
    indicator        VARCHAR NOT NULL,
    population_group VARCHAR,
    as_of            DATE,
    first_article_id VARCHAR NOT NULL,
    n_reports        INTEGER NOT NULL CHECK (n_reports >= 1),
    n_articles       INTEGER NOT NULL CHECK (n_articles >= 1)
);

CREATE TABLE IF NOT EXISTS observation_reports (
    figure_id      VARCHAR NOT NULL,
    observation_id VARCHAR NOT NULL,
    why            VARCHAR NOT NULL
);

-- And for appeals: one appeal, however many articles repeat it.
CREATE TABLE IF NOT EXISTS appeal_groups (
    group_id         VARCHAR NOT NULL,
    organization     VARCHAR,
    country_iso3     VARCHAR,
    amount           DOUBLE NOT NULL,
    unit             VARCHAR NOT NULL,
    amount_usd       DOUBLE,
    announced_on     DATE,
    first_article_id VARCHAR NOT NULL,
    n_reports        INTEGER NOT NULL CHECK (n_reports >= 1),
    n_articles       INTEGER NOT NULL CHECK (n_articles >= 1)
);

CREATE TABLE IF NOT EXISTS appeal_reports (
    appeal_id VARCHAR NOT NULL,
    group_id  VARCHAR NOT NULL,
    why       VARCHAR NOT NULL
);

-- Analysts' reviews (etl.reviews). The reviews themselves live in a SQLite file beside the
-- database, which no ingest replaces; every ingest applies those in force to its new copy:
-- a record's review_status is NULL (unreviewed), 'confirmed', 'corrected', 'rejected' or
-- 'added' (a fact a reviewer added; its id starts with 'added-').
ALTER TABLE pledges ADD COLUMN IF NOT EXISTS review_status VARCHAR;
ALTER TABLE pledges ADD COLUMN IF NOT EXISTS reviewed_by VARCHAR;
ALTER TABLE pledges ADD COLUMN IF NOT EXISTS reviewed_at TIMESTAMP;
ALTER TABLE risk_figures ADD COLUMN IF NOT EXISTS review_status VARCHAR;
ALTER TABLE risk_figures ADD COLUMN IF NOT EXISTS reviewed_by VARCHAR;
ALTER TABLE risk_figures ADD COLUMN IF NOT EXISTS reviewed_at TIMESTAMP;
ALTER TABLE appeals ADD COLUMN IF NOT EXISTS review_status VARCHAR;
ALTER TABLE appeals ADD COLUMN IF NOT EXISTS reviewed_by VARCHAR;
ALTER TABLE appeals ADD COLUMN IF NOT EXISTS reviewed_at TIMESTAMP;
-- a record rejected as a duplicate names the report it repeats: it joins that report's group
ALTER TABLE pledges ADD COLUMN IF NOT EXISTS duplicate_of VARCHAR;
ALTER TABLE risk_figures ADD COLUMN IF NOT EXISTS duplicate_of VARCHAR;
ALTER TABLE appeals ADD COLUMN IF NOT EXISTS duplicate_of VARCHAR;

-- The reviews in force as the last ingest or refresh found them, each with its state:
-- 'applied', or 'needs a look: <why>' (its article changed, or its record is gone).
CREATE TABLE IF NOT EXISTS review_log (
    review_id   BIGINT,
    kind        VARCHAR NOT NULL,
    record_id   VARCHAR NOT NULL,
    article_id  VARCHAR NOT NULL,
    action      VARCHAR NOT NULL,
    reason      VARCHAR,
    before_json VARCHAR NOT NULL,
    after_json  VARCHAR NOT NULL,
    reviewer    VARCHAR NOT NULL,
    reviewed_at TIMESTAMP,
    state       VARCHAR NOT NULL
);

-- The number of the newest review this file has applied: the dashboard refreshes when the
-- reviews file holds a newer one.
CREATE TABLE IF NOT EXISTS review_state (
    applied_upto BIGINT NOT NULL
);

-- Live sources (etl.fetch): where the next fetch of each source starts. Written on an ingest's
-- private copy with the articles it fetched (pipeline.run's before_swap), so the state and the
-- articles it describes are swapped in together, and every later ingest copies it on.
CREATE TABLE IF NOT EXISTS fetch_state (
    -- 'reliefweb' or 'feed'
    source        VARCHAR NOT NULL,
    -- ReliefWeb: the API address, query and countries; a feed: its URL
    source_key    VARCHAR NOT NULL,
    -- ReliefWeb: the date.created the next query starts from (ISO 8601); a feed: its newest entry's date
    cursor        VARCHAR,
    -- ReliefWeb: reports of the cursor's query already loaded by a run that stopped before the end
    resume_offset INTEGER NOT NULL DEFAULT 0,
    -- a feed's validators for a conditional GET
    etag          VARCHAR,
    last_modified VARCHAR,
    fetched_at    TIMESTAMP NOT NULL,
    -- how the last run of this source ended: 'complete', or why it stopped
    note          VARCHAR,
    PRIMARY KEY (source, source_key)
);
