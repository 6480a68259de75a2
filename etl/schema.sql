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
