"""Group the reports of one pledge (risk figure, appeal) in many articles into one flow (observation)."""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from aidtracker.etl import gazetteer

# How far apart two reports of one pledge may be announced, counted from the flow's first
# report. A restatement that gives its date ("the $500 million pledged in March") carries
# that date and joins however late its article; one that does not carries its article's
# date, and follow-up coverage of a pledge comes within months. The same donor giving the
# same sum to the same place again is most often the next year's pledge, which must stay a
# flow of its own: half a year keeps the two apart.
PLEDGE_WINDOW_DAYS = 183
# A report that leaves the recipient out agrees on less: it joins only a flow announced
# within a month of it. A donor's round sums recur ("$1 billion" for Ukraine in March, "$1
# billion" for a region in July, in the shared corpus), and only the recipient tells them apart.
PLEDGE_UNKNOWN_RECIPIENT_DAYS = 31
# A risk figure is a snapshot: the same count for the same place and condition repeated
# within a quarter (the span of an IPC projection) is the same observation; a quarter later
# it is a new measurement that happens to agree.
RISK_WINDOW_DAYS = 92
# Appeals run for a year (a humanitarian response plan) and are restated throughout it;
# half a year keeps one year's appeal apart from the next of the same size.
APPEAL_WINDOW_DAYS = 183

# Two amounts in one unit agree when they differ by at most 1% of the larger: rounding in
# the wording ("$4.95 million", "nearly $5 million"), the scorer's own tolerance.
SAME_UNIT_TOLERANCE = 0.01
# Two amounts in different currencies agree when their US dollar values differ by at most
# 5%: each report is converted at the ECB rate of its own date, rates move a few per cent
# between the days two articles give, and a reporter rounds the converted figure.
USD_TOLERANCE = 0.05
# Of a set of twin reports (equal on every key the rules compare, from as many articles), the
# first this many may head a candidate pair (_may_head): a later twin starts a group of its
# own only when an article holds this many equal pledges of one day.
TWIN_HEADS = 16
# People counts agree within 2%: "9.9 million" and "nearly 10 million" are one figure.
PEOPLE_TOLERANCE = 0.02

_NON_KEY = re.compile(r"[\W_]+")


@dataclass(frozen=True)
class Consolidated:
    """What consolidation built: groups and the reports they hold, per record table."""

    flows: int
    pledges: int
    observations: int
    figures: int
    groups: int
    appeals: int


@dataclass(frozen=True)
class _Kind:
    """How the reports of one record table are grouped and what the groups are made of.

    `reports` is a SELECT giving, per record: id, article_id, day (its date), block (the key
    reports must share to be compared; NULL for a report that never merges), partner and sub
    (keys that must be equal unless one is NULL: the recipient, the commodity), amount, unit
    and usd, then the columns the group's fields come from. `fields` are the column sets a
    group takes from the report that most of its reports agree with (ties: the earliest),
    counting only reports that give one when `known_only`. `label`, `partner_words` and
    `sub_words` say in words (SQL over the group's first report, f) what agreed, for `why`.
    `insert` fills the group table from _cons_groups.
    """

    name: str
    reports: str
    fields: tuple[tuple[tuple[str, ...], bool], ...]
    amount_field: int | None  # index in fields of the amount whose USD value the group keeps
    delivered: bool  # a status column where `delivered` beats `pledged`
    label: str
    window_days: int
    unknown_partner_days: int  # the window when one of the two reports gives no partner
    tolerance: float
    usd_tolerance: float | None
    amount_word: str
    dated: str  # the verb of the date in `why`: 'announced', 'dated', 'published'
    partner_words: tuple[str, str] | None  # (word, SQL of its value)
    sub_words: tuple[str, str] | None
    groups_table: str
    links_table: str
    insert: str


def key_of(name: str | None) -> str | None:
    """A name reduced to a key: lower case, letters and digits only (as the SQL of `_key`).

    >>> key_of("U.N. World-Food Programme"), key_of(" ") is None
    ('unworldfoodprogramme', True)
    """
    if name is None:
        return None
    return _NON_KEY.sub("", name.casefold()) or None


def _key(column: str) -> str:
    """SQL of key_of, so millions of rows never cross into Python."""
    return f"nullif(lower(regexp_replace({column}, '[^\\p{{L}}\\p{{N}}]+', '', 'g')), '')"


def _aliases() -> pa.Table:
    """Each organization's name and aliases, as keys, -> its ISO3 (a government's agency) or name key.

    Extraction already names an organization by its canonical name; this also joins a
    stored alias ("WFP") and a government agency ("USAID") to their donor.
    """
    alias: list[str] = []
    target: list[str] = []
    for org in gazetteer.organizations().values():
        main = (org.iso3 if org.kind == "government" else None) or key_of(org.name) or org.name
        for name in (org.name, *org.aliases):
            key = key_of(name)
            if key is not None and key not in alias:
                alias.append(key)
                target.append(main)
    return pa.table({"alias": alias, "target": target})


def _kept(alias: str) -> str:
    """SQL: the record `alias` was not rejected by an analyst (etl.reviews): a rejected record
    reports nothing (etl/schema.sql gives every record table review_status)."""
    return f"{alias}.review_status IS DISTINCT FROM 'rejected'"


def _named(column: str, table: str) -> str:
    """SQL: a subquery mapping each distinct `column` of `table` to its key (an organization's
    aliases to one), so the regular expression runs once per name, not once per row."""
    return f"""(
        SELECT n.name, coalesce(al.target, n.key) AS key
        FROM (SELECT name, {_key("name")} AS key FROM (SELECT DISTINCT {column} AS name FROM {table})) n
        LEFT JOIN _cons_aliases al ON al.alias = n.key
    )"""


def _group_id_sql(kind: str, column: str) -> str:
    return f"md5('{kind}-group:' || {column})"


def group_id(kind: str, first_id: str) -> str:
    """The id of the group whose first report has id `first_id`, as consolidate() computes it:
    kind is 'pledge' (a flow), 'risk_figure' (an observation) or 'appeal'.

    >>> len(group_id("pledge", "abc")), group_id("pledge", "abc") == group_id("appeal", "abc")
    (32, False)
    """
    return hashlib.md5(f"{kind}-group:{first_id}".encode()).hexdigest()


_PLEDGES = _Kind(
    name="pledge",
    reports=f"""
        SELECT p.pledge_id AS id, p.article_id, p.announced_on AS day,
               -- a donor is its ISO3, else its name: a donor gives in cash or in kind
               coalesce(p.donor_iso3, d.key) || '|' || p.aid_form AS block,
               CASE WHEN p.recipient_iso3 IS NULL THEN {_key("p.recipient")} ELSE p.recipient_iso3 END
                   AS partner,
               CASE WHEN p.commodity IS NOT NULL THEN {_key("p.commodity")} END AS sub,
               p.amount, p.unit, p.amount_usd AS usd,
               p.donor, p.donor_iso3, p.donor_kind, p.recipient, p.recipient_iso3, p.aid_form, p.commodity,
               p.status
        FROM pledges p LEFT JOIN {_named("donor", "pledges")} d ON d.name = p.donor
        WHERE {_kept("p")}
    """,
    fields=(
        (("amount", "unit", "aid_form"), False),
        (("donor", "donor_iso3", "donor_kind"), False),
        (("recipient", "recipient_iso3"), True),
        (("commodity",), True),
    ),
    amount_field=0,
    delivered=True,
    label="'same donor (' || coalesce(f.donor_iso3, f.donor) || ')'",
    window_days=PLEDGE_WINDOW_DAYS,
    unknown_partner_days=PLEDGE_UNKNOWN_RECIPIENT_DAYS,
    tolerance=SAME_UNIT_TOLERANCE,
    usd_tolerance=USD_TOLERANCE,
    amount_word="amount",
    dated="announced",
    partner_words=("recipient", "coalesce(f.recipient_iso3, f.recipient)"),
    sub_words=("commodity", "f.commodity"),
    groups_table="flows",
    links_table="flow_reports",
    insert=f"""
        INSERT INTO flows BY NAME
        SELECT {_group_id_sql("pledge", "first_id")} AS flow_id, donor, donor_iso3, donor_kind, recipient,
               recipient_iso3, amount, unit, amount_usd, aid_form, commodity, status, day AS announced_on,
               article_id AS first_article_id, n AS n_reports, n AS n_articles
        FROM _cons_groups
    """,
)

_RISK = _Kind(
    name="risk_figure",
    reports=f"""
        SELECT r.figure_id AS id, r.article_id, r.as_of AS day,
               CASE WHEN r.country_iso3 IS NULL THEN {_key("r.country")} ELSE r.country_iso3 END
                   || '|' || r.indicator AS block,
               CASE WHEN r.population_group IS NOT NULL THEN {_key("r.population_group")} END AS partner,
               NULL::VARCHAR AS sub,
               r.people AS amount, 'people' AS unit, NULL::DOUBLE AS usd,
               r.country, r.country_iso3, r.indicator, r.population_group
        FROM risk_figures r
        WHERE {_kept("r")}
    """,
    fields=(
        (("amount",), False),
        (("country", "country_iso3"), False),
        (("population_group",), True),
        (("indicator",), False),  # one per observation: it is part of the block
    ),
    amount_field=None,
    delivered=False,
    label="'same place (' || coalesce(f.country_iso3, f.country) || '), "
    "same indicator (' || f.indicator || ')'",
    window_days=RISK_WINDOW_DAYS,
    unknown_partner_days=RISK_WINDOW_DAYS,
    tolerance=PEOPLE_TOLERANCE,
    usd_tolerance=None,
    amount_word="number",
    dated="dated",
    partner_words=("group", "f.population_group"),
    sub_words=None,
    groups_table="risk_observations",
    links_table="observation_reports",
    insert=f"""
        INSERT INTO risk_observations BY NAME
        SELECT {_group_id_sql("risk_figure", "first_id")} AS observation_id, country, country_iso3,
               amount AS people, indicator, population_group, day AS as_of,
               article_id AS first_article_id, n AS n_reports, n AS n_articles
        FROM _cons_groups
    """,
)

_APPEALS = _Kind(
    name="appeal",
    reports=f"""
        SELECT a.appeal_id AS id, a.article_id, ar.published_on AS day,
               -- no organization and no country are values too: a multi-country appeal
               coalesce(o.key, '') || '|' || coalesce(a.country_iso3, '') AS block,
               NULL::VARCHAR AS partner, NULL::VARCHAR AS sub,
               a.amount, a.unit, a.amount_usd AS usd,
               a.organization, a.country_iso3
        FROM appeals a
        LEFT JOIN articles ar ON ar.article_id = a.article_id
        LEFT JOIN {_named("organization", "appeals")} o ON o.name = a.organization
        WHERE {_kept("a")}
    """,
    fields=((("amount", "unit"), False), (("organization", "country_iso3"), False)),
    amount_field=0,
    delivered=False,
    label="coalesce('same organization (' || f.organization || ')', 'no organization in either') || "
    "coalesce(', same country (' || f.country_iso3 || ')', ', no country in either')",
    window_days=APPEAL_WINDOW_DAYS,
    unknown_partner_days=APPEAL_WINDOW_DAYS,
    tolerance=SAME_UNIT_TOLERANCE,
    usd_tolerance=USD_TOLERANCE,
    amount_word="amount",
    dated="published",
    partner_words=None,
    sub_words=None,
    groups_table="appeal_groups",
    links_table="appeal_reports",
    insert=f"""
        INSERT INTO appeal_groups BY NAME
        SELECT {_group_id_sql("appeal", "first_id")} AS group_id, organization, country_iso3, amount, unit,
               amount_usd, day AS announced_on, article_id AS first_article_id, n AS n_reports,
               n AS n_articles
        FROM _cons_groups
    """,
)


# ---------------------------------------------------------------- the reports as arrays


def _codes(column: pa.ChunkedArray | pa.Array) -> np.ndarray:
    """Equal values get equal positive codes, NULL gets 0 (codes are compared, never ordered)."""
    if isinstance(column, pa.ChunkedArray):
        column = column.combine_chunks()
    if pa.types.is_floating(column.type) or pa.types.is_integer(column.type):
        values = np.asarray(column.fill_null(0).to_numpy(zero_copy_only=False))
        _, inverse = np.unique(values, return_inverse=True)
        codes = inverse.astype(np.int64) + 1
        return np.where(np.asarray(column.is_valid().to_numpy(zero_copy_only=False)), codes, 0)
    encoded = pc.dictionary_encode(column)
    return np.asarray(encoded.indices.fill_null(-1).to_numpy(zero_copy_only=False), dtype=np.int64) + 1


def _joint_codes(table: pa.Table, columns: tuple[str, ...]) -> np.ndarray:
    """One code per combination of the columns' values; 0 where all are NULL."""
    code = _codes(table.column(columns[0]))
    for name in columns[1:]:
        more = _codes(table.column(name))
        code = code * (int(more.max(initial=0)) + 1) + more
        if code.max(initial=0) > 2**40:  # renumber before the product could overflow
            _, inverse = np.unique(code, return_inverse=True)
            code = inverse.astype(np.int64) + int(code.min() > 0)  # 0 stays 0
    return code


@dataclass
class _Reports:
    """One kind's reports, row i = rank i in the canonical order (date, then id)."""

    table: pa.Table
    day: np.ndarray  # days since 1970; meaningless where not dated
    dated: np.ndarray
    block: np.ndarray  # code, 0 = never merges
    unit: np.ndarray
    art: np.ndarray
    partner: np.ndarray  # code, 0 = not known
    sub: np.ndarray
    amount: np.ndarray
    usd: np.ndarray  # NaN = not known

    def __len__(self) -> int:
        return len(self.day)


def _stage(con: duckdb.DuckDBPyConnection, kind: _Kind) -> _Reports:
    """Read one kind's reports in the canonical order: the order that makes grouping a
    function of the set of reports, whatever order they were stored in."""
    table = con.sql(f"SELECT * FROM ({kind.reports}) ORDER BY day NULLS LAST, id").to_arrow_table()
    day = table.column("day").cast(pa.int32())
    return _Reports(
        table=table,
        day=np.asarray(day.fill_null(0).to_numpy(), dtype=np.int64),
        dated=np.asarray(day.is_valid().to_numpy(zero_copy_only=False), dtype=bool),
        block=_codes(table.column("block")),
        unit=_codes(table.column("unit")),
        art=_codes(table.column("article_id")),
        partner=_codes(table.column("partner")),
        sub=_codes(table.column("sub")),
        amount=np.asarray(table.column("amount").to_numpy(), dtype=np.float64),
        usd=np.asarray(table.column("usd").cast(pa.float64()).fill_null(np.nan).to_numpy(), dtype=np.float64),
    )


# ---------------------------------------------------------------- candidate pairs


def _width(tolerance: float) -> float:
    """The log-width of an amount bucket: two amounts that agree lie in the same or adjacent buckets."""
    return -math.log1p(-tolerance)


def _buckets(values: np.ndarray, width: float) -> np.ndarray:
    """Each value's bucket, floor(ln(value) / width); zero (no logarithm) gets a bucket of its own
    two below the smallest, so it neighbours no positive value's."""
    positive = values > 0
    out = np.zeros(values.shape, dtype=np.int64)
    out[positive] = np.floor(np.log(values[positive]) / width).astype(np.int64)
    low = int(out[positive].min()) if positive.any() else 0
    out[~positive] = low - 2
    return out


def _near(
    group: np.ndarray,
    bucket: np.ndarray,
    day: np.ndarray,
    queries: np.ndarray,
    targets: np.ndarray,
    window: int,
) -> tuple[np.ndarray, np.ndarray]:
    """Pairs (r, a), r among `queries` and a among `targets`, with a before r in the canonical
    order, the same group, buckets at most one apart and a's day at most `window` days before
    r's. A sort and binary searches, so only pairs inside the window are ever made (a join on
    the group alone would pair a busy donor's every pledge of every year)."""
    empty = np.zeros(0, dtype=np.int64)
    if not len(queries) or not len(targets):
        return empty, empty
    both = np.concatenate([queries, targets])
    low = int(bucket[both].min())
    width = int(bucket[both].max()) - low + 3  # a neighbour bucket never reaches another group
    first_day = int(day[both].min())
    span = int(day[both].max()) - first_day + window + 1

    def cell(rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        # days shifted so that a window's start is never below its group's
        return group[rows] * width + (bucket[rows] - low + 1), day[rows] - first_day + window

    t_cell, t_day = cell(targets)
    q_cell, q_day = cell(queries)
    packed = (int(max(t_cell.max(), q_cell.max())) + 2) * span < 2**62
    uniq = t_cell[:0]
    if packed:
        t_key = t_cell * span + t_day
    else:  # too many groups to pack with the days: number the targets' cells instead
        uniq, inverse = np.unique(t_cell, return_inverse=True)
        t_key = inverse.astype(np.int64) * span + t_day
    order = np.argsort(t_key)  # ties in any order: they give the same pairs
    if queries is targets:
        q_order = order
    elif packed:
        q_order = np.argsort(q_cell * span + q_day)
    else:
        q_order = np.lexsort((q_day, q_cell))
    ordered, t_rows = t_key[order], targets[order]
    # the queries go in key order too: binary searches for ascending keys run far faster
    q_rows, q_cell, q_day = queries[q_order], q_cell[q_order], q_day[q_order]
    rs, as_ = [], []
    for step in (-1, 0, 1):
        target = q_cell + step
        if packed:
            base = target * span
        else:
            pos = np.minimum(np.searchsorted(uniq, target), len(uniq) - 1)
            base = np.where(uniq[pos] == target, pos.astype(np.int64) * span, -(2**62))
        lo = np.searchsorted(ordered, base + q_day - window, "left")
        hi = np.searchsorted(ordered, base + q_day, "right")
        count = hi - lo
        total = int(count.sum())
        if not total:
            continue
        r = np.repeat(q_rows, count)
        a = t_rows[np.repeat(lo - (np.cumsum(count) - count), count) + np.arange(total)]
        keep = a < r  # row numbers are ranks in the canonical order
        rs.append(r[keep])
        as_.append(a[keep])
    if not rs:
        return empty, empty
    return np.concatenate(rs), np.concatenate(as_)


def _near_compatible(
    rep: _Reports,
    kind: _Kind,
    group: np.ndarray,
    bucket: np.ndarray,
    queries: np.ndarray,
    targets: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    """_near's pairs whose partners are compatible (equal, or one unknown, then in the shorter
    window): two reports that both name a partner are only paired within it, so a donor's
    pledges to other countries are never looked at."""
    known_q, known_t = rep.partner[queries] > 0, rep.partner[targets] > 0
    scale = int(rep.partner.max()) + 1
    _, pair_group = np.unique(group * scale + rep.partner, return_inverse=True)
    short = kind.unknown_partner_days
    both_known = (queries[known_q],) * 2 if queries is targets else (queries[known_q], targets[known_t])
    parts = [
        _near(pair_group, bucket, rep.day, *both_known, kind.window_days),
        _near(group, bucket, rep.day, queries[~known_q], targets, short),
        _near(group, bucket, rep.day, queries[known_q], targets[~known_t], short),
    ]
    return np.concatenate([r for r, _ in parts]), np.concatenate([a for _, a in parts])


def _majority(block: np.ndarray, unit: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """Which of `rows` have their block's most common unit."""
    scale = int(unit.max()) + 1
    cells = block[rows] * scale + unit[rows]
    uniq, counts = np.unique(cells, return_counts=True)
    blocks = uniq // scale
    order = np.lexsort((-counts, blocks))
    heads = order[np.r_[True, blocks[order][1:] != blocks[order][:-1]]]
    return np.isin(cells, uniq[heads])


def _agree(rep: _Reports, r: np.ndarray, a: np.ndarray) -> np.ndarray:
    """Which candidate pairs may share a group: other articles, partners and subs compatible."""
    return (
        (rep.art[r] != rep.art[a])
        & ((rep.partner[r] == 0) | (rep.partner[a] == 0) | (rep.partner[r] == rep.partner[a]))
        & ((rep.sub[r] == 0) | (rep.sub[a] == 0) | (rep.sub[r] == rep.sub[a]))
    )


def _may_head(rep: _Reports, rows: np.ndarray) -> np.ndarray:
    """Which reports may be the earlier report of a candidate pair: all but the twins past the
    first TWIN_HEADS of a set of twins (reports equal on every key the rules compare).

    A later twin joins the first twin's group unless it shares that group's article, so it
    starts a group of its own only when an article holds that many equal pledges: capping the
    twins that may head keeps the pairs linear when many articles repeat one report (a wire
    story reprinted thousands of times gave one pair per two reprints: 24 GB at 400,000)."""
    ok = np.zeros(len(rep), dtype=bool)
    if not len(rows):
        return ok
    keys = (rep.usd[rows], rep.amount[rows], rep.day[rows], rep.sub[rows], rep.partner[rows], rep.unit[rows])
    order = np.lexsort((rows, *keys, rep.block[rows]))  # twins together, in canonical order
    ordered = [k[order] for k in (rep.block[rows], *keys)]
    same = np.ones(len(rows), dtype=bool)
    same[0] = False
    for k in ordered:
        same[1:] &= (k[1:] == k[:-1]) | ((k[1:] != k[1:]) & (k[:-1] != k[:-1]))  # NaN equals NaN
    starts = np.flatnonzero(~same)
    rank = np.arange(len(rows)) - np.repeat(starts, np.diff(np.r_[starts, len(rows)]))
    ok[rows[order[rank < TWIN_HEADS]]] = True
    return ok


def _candidates(rep: _Reports, kind: _Kind) -> tuple[np.ndarray, np.ndarray]:
    """Every pair (later report r, earlier report a) that agrees on all but the group each is
    in, sorted by r then a: what the greedy pass chooses from (a among _may_head)."""
    empty = np.zeros(0, dtype=np.int64)
    mergeable = rep.dated & (rep.block > 0)
    if mergeable.sum() < 2:
        return empty, empty
    head = _may_head(rep, np.flatnonzero(mergeable))
    # one unit: amounts within the tolerance
    group = rep.block * (int(rep.unit.max()) + 1) + rep.unit
    rows = np.flatnonzero(mergeable)
    bucket = _buckets(rep.amount, _width(kind.tolerance))
    r, a = _near_compatible(rep, kind, group, bucket, rows, rows[head[rows]])
    ok = _agree(rep, r, a) & (
        np.abs(rep.amount[r] - rep.amount[a]) <= kind.tolerance * np.maximum(rep.amount[r], rep.amount[a])
    )
    rs, as_ = [r[ok]], [a[ok]]
    rows = np.flatnonzero(mergeable & (rep.usd > 0))
    if kind.usd_tolerance is not None and len(rows) >= 2:
        # two currencies: US dollar values within their tolerance
        usd = np.where(rep.usd > 0, rep.usd, 0.0)
        bucket = _buckets(usd, _width(kind.usd_tolerance))
        # Only pairs of two units count. Most of a block's reports share one unit (a donor's
        # own currency), and pairing those among themselves would be most of the work, so
        # they are paired only with the block's other units' reports, which are paired with all.
        major = _majority(rep.block, rep.unit, rows)
        r1, a1 = _near_compatible(rep, kind, rep.block, bucket, rows[~major], rows[head[rows]])
        minor = rows[~major]
        r2, a2 = _near_compatible(rep, kind, rep.block, bucket, rows[major], minor[head[minor]])
        r, a = np.concatenate([r1, r2]), np.concatenate([a1, a2])
        ok = (
            _agree(rep, r, a)
            & (rep.unit[r] != rep.unit[a])
            & (np.abs(usd[r] - usd[a]) <= kind.usd_tolerance * np.maximum(usd[r], usd[a]))
        )
        rs.append(r[ok])
        as_.append(a[ok])
    r, a = np.concatenate(rs), np.concatenate(as_)
    order = np.lexsort((a, r))
    return r[order], a[order]


# ---------------------------------------------------------------- grouping


def _assign(rep: _Reports, r: np.ndarray, a: np.ndarray) -> np.ndarray:
    """Walk the reports in canonical order: each joins the earliest group whose first report
    it agrees with, that holds no report of its own article and whose partner and sub (once
    one of its reports names them) are compatible; else it starts a group. Returns each
    report's group's first report."""
    first = np.arange(len(rep), dtype=np.int64)
    if not len(r):
        return first
    # Most pledges have two reports: a pair that no other pair touches is settled at once
    # (the earlier report starts a group, the later joins it) and skips the loop below.
    as_report = np.bincount(r, minlength=len(rep))
    as_head = np.bincount(a, minlength=len(rep))
    alone = (as_report[r] == 1) & (as_head[a] == 1) & (as_report[a] == 0) & (as_head[r] == 0)
    first[r[alone]] = a[alone]
    r, a = r[~alone], a[~alone]
    if not len(r):
        return first
    art, partner, sub = rep.art.tolist(), rep.partner.tolist(), rep.sub.tolist()
    joined: dict[int, int] = {}
    group_arts: dict[int, set[int]] = {}
    group_partner: dict[int, int] = {}
    group_sub: dict[int, int] = {}
    starts = np.flatnonzero(np.r_[True, r[1:] != r[:-1]])
    ends = np.r_[starts[1:], len(r)]
    heads = a.tolist()
    for start, end, report in zip(starts.tolist(), ends.tolist(), r[starts].tolist(), strict=True):
        for head in heads[start:end]:
            if head in joined:
                continue  # a report in a group is compared through the group's first report
            arts = group_arts.get(head)
            if arts is None:
                arts = group_arts[head] = {art[head]}
                group_partner[head] = partner[head]
                group_sub[head] = sub[head]
            if art[report] in arts:
                continue  # parts, totals and twins of one article stay apart
            known, mine = group_partner[head], partner[report]
            if known and mine and known != mine:
                continue
            known, mine = group_sub[head], sub[report]
            if known and mine and known != mine:
                continue
            joined[report] = head
            arts.add(art[report])
            if not group_partner[head]:
                group_partner[head] = partner[report]
            if not group_sub[head]:
                group_sub[head] = sub[report]
            break
    if joined:
        first[np.fromiter(joined.keys(), np.int64, len(joined))] = np.fromiter(
            joined.values(), np.int64, len(joined)
        )
    return first


def _modal(first: np.ndarray, code: np.ndarray, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For each group with reports among `rows` (ascending): (its first report, the earliest
    of its reports whose code most of them share)."""
    if not len(rows):
        return rows, rows
    scale = int(code.max(initial=0)) + 1
    key = first[rows] * scale + code[rows]
    uniq, index, counts = np.unique(key, return_index=True, return_counts=True)
    groups, earliest = uniq // scale, rows[index]
    order = np.lexsort((earliest, -counts, groups))
    best = order[np.r_[True, groups[order][1:] != groups[order][:-1]]]
    return groups[best], earliest[best]


def _take(column: pa.ChunkedArray, rows: np.ndarray) -> pa.Array:
    """column[rows], NULL where rows is -1."""
    return pc.take(column, pa.array(np.maximum(rows, 0), mask=rows < 0))


def _groups(rep: _Reports, kind: _Kind, first: np.ndarray) -> pa.Table:
    """One row per group: its first report's id, day and article, its size, and each field
    from the report most of its reports agree with."""
    table = rep.table
    heads = np.flatnonzero(first == np.arange(len(first)))
    out: dict[str, pa.Array | np.ndarray] = {
        "first_id": pc.take(table.column("id"), heads),
        "day": pc.take(table.column("day"), heads),
        "article_id": pc.take(table.column("article_id"), heads),
        "n": np.bincount(first, minlength=len(first))[heads].astype(np.int32),
    }
    chosen: dict[int, np.ndarray] = {}
    for index, (columns, known_only) in enumerate(kind.fields):
        code = _joint_codes(table, columns)
        rows = np.flatnonzero(code > 0) if known_only else np.arange(len(first))
        groups, source = _modal(first, code, rows)
        pick = np.full(len(first), -1, dtype=np.int64)
        pick[groups] = source
        chosen[index] = pick = pick[heads]
        for name in columns:
            out[name] = _take(table.column(name), pick)
    if kind.amount_field is not None:
        # the USD value of the chosen amount's report, else of the earliest report that has one
        usd = rep.usd[chosen[kind.amount_field]]
        has = np.flatnonzero(~np.isnan(rep.usd))
        groups, earliest = np.unique(first[has], return_index=True)
        fallback = np.full(len(first), np.nan)
        fallback[groups] = rep.usd[has[earliest]]
        usd = np.where(np.isnan(usd), fallback[heads], usd)
        out["amount_usd"] = pa.array(usd, mask=np.isnan(usd))
    if kind.delivered:
        delivered = np.zeros(len(first), dtype=bool)
        said = np.asarray(
            pc.equal(table.column("status"), "delivered").to_numpy(zero_copy_only=False), dtype=bool
        )
        delivered[first[said]] = True
        out["status"] = pa.array(np.where(delivered[heads], "delivered", "pledged"))
    return pa.table(out)


@contextmanager
def _registered(con: duckdb.DuckDBPyConnection, name: str, table: pa.Table) -> Iterator[None]:
    con.register(name, table)
    try:
        yield
    finally:
        con.unregister(name)


# ---------------------------------------------------------------- why, in words


def _number(expr: str) -> str:
    """SQL: a number with thousands separated, and decimals only where it has them."""
    return (
        f"CASE WHEN {expr} = round({expr}) THEN format('{{:,.0f}}', {expr}) "
        f"ELSE format('{{:,.2f}}', {expr}) END"
    )


def _percent(a: str, b: str) -> str:
    return f"format('{{:.1f}}', 100 * abs({a} - {b}) / greatest({a}, {b})) || '%'"


def _why(kind: _Kind) -> str:
    """SQL over m (a report that joined a group) and f (the group's first report): what agreed."""
    m_amount, f_amount = _number("m.amount"), _number("f.amount")
    amount = (
        f"CASE WHEN m.unit = f.unit AND m.amount = f.amount "
        f"THEN 'same {kind.amount_word} (' || {m_amount} || ' ' || m.unit || ')' "
        f"WHEN m.unit = f.unit THEN '{kind.amount_word}s within ' || {_percent('m.amount', 'f.amount')} "
        f"|| ' (' || {m_amount} || ' and ' || {f_amount} || ' ' || m.unit || ')' "
        f"ELSE 'US dollar values within ' || {_percent('m.usd', 'f.usd')} || ' (' || {m_amount} || ' ' "
        f"|| m.unit || ' = ' || {_number('m.usd')} || ' USD; ' || {f_amount} || ' ' || f.unit || ' = ' "
        f"|| {_number('f.usd')} || ' USD)' END"
    )
    parts = [kind.label, amount]
    for spec, column in ((kind.partner_words, "partner"), (kind.sub_words, "sub")):
        if spec is None:
            continue
        word, value = spec
        parts.append(
            f"CASE WHEN m.{column} = f.{column} THEN 'same {word} (' || {value} || ')' "
            f"WHEN m.{column} IS NULL AND f.{column} IS NULL THEN NULL "
            f"WHEN m.{column} IS NULL THEN '{word} not given in this report' "
            f"ELSE '{word} not given in the first report' END"
        )
    parts.append(
        f"CASE WHEN m.day = f.day THEN '{kind.dated} the same day' "
        f"WHEN m.day - f.day = 1 THEN '{kind.dated} 1 day apart' "
        f"ELSE '{kind.dated} ' || (m.day - f.day) || ' days apart' END"
    )
    return "concat_ws(', ', " + ", ".join(parts) + ")"


# ---------------------------------------------------------------- the whole


def _consolidate_kind(con: duckdb.DuckDBPyConnection, kind: _Kind) -> tuple[int, int]:
    """Rebuild one kind's group and link tables; returns the group and report counts."""
    rep = _stage(con, kind)
    r, a = _candidates(rep, kind)
    first = _assign(rep, r, a)
    groups = _groups(rep, kind, first)
    reports = rep.table.append_column("rid", pa.array(np.arange(len(first)))).append_column(
        "first", pa.array(first)
    )
    reports = reports.append_column("first_id", pc.take(rep.table.column("id"), first))
    con.execute(f"DELETE FROM {kind.groups_table}")
    con.execute(f"DELETE FROM {kind.links_table}")
    with _registered(con, "_cons_groups", groups), _registered(con, "_cons_reports", reports):
        con.execute(kind.insert)
        con.execute(f"""
            INSERT INTO {kind.links_table}
            SELECT m.id, {_group_id_sql(kind.name, "m.first_id")},
                   CASE WHEN m.rid = m.first THEN 'first report' ELSE {_why(kind)} END
            FROM _cons_reports m LEFT JOIN _cons_reports f ON f.rid = m.first AND m.rid <> m.first
        """)
    _join_duplicates(con, kind)
    return groups.num_rows, len(first)


# Per kind: (record table, its id, link table's group column, group table, its id column).
_DUPLICATE_TABLES = {
    "pledge": ("pledges", "pledge_id", "flow_id"),
    "risk_figure": ("risk_figures", "figure_id", "observation_id"),
    "appeal": ("appeals", "appeal_id", "group_id"),
}


def _join_duplicates(con: duckdb.DuckDBPyConnection, kind: _Kind) -> None:
    """A report an analyst rejected as a duplicate of another (etl.reviews: review_status
    'rejected', duplicate_of its record id) joins that report's group, which the rules had
    kept apart from it: it counts as one more report of it, its own fields unused."""
    # a group table's key has the name of its links' group column
    table, id_col, group_col = _DUPLICATE_TABLES[kind.name]
    con.execute(f"""
        INSERT INTO {kind.links_table}
        SELECT d.{id_col}, l.{group_col},
               'marked by ' || coalesce(d.reviewed_by, 'an analyst') || ' as a duplicate of report '
               || d.duplicate_of
        FROM {table} d JOIN {kind.links_table} l ON l.{id_col} = d.duplicate_of
        WHERE d.review_status = 'rejected' AND d.duplicate_of IS NOT NULL
    """)
    con.execute(f"""
        UPDATE {kind.groups_table} SET n_reports = c.n, n_articles = c.a
        FROM (
            SELECT l.{group_col} AS gid, count(*) AS n, count(DISTINCT t.article_id) AS a
            FROM {kind.links_table} l JOIN {table} t ON t.{id_col} = l.{id_col}
            WHERE l.{group_col} IN (
                SELECT l2.{group_col} FROM {kind.links_table} l2 JOIN {table} d ON d.{id_col} = l2.{id_col}
                WHERE d.duplicate_of IS NOT NULL AND d.review_status = 'rejected'
            )
            GROUP BY 1
        ) c
        WHERE {kind.groups_table}.{group_col} = c.gid
    """)


def consolidate(con: duckdb.DuckDBPyConnection) -> Consolidated:
    """Rebuild flows, risk_observations and appeal_groups, and the links of their reports
    (flow_reports, observation_reports, appeal_reports), from the record tables, in one
    transaction on `con` (writable, schema.sql applied).

    The result is a function of the set of records stored, never of the order they were
    ingested in: the reports are taken in a canonical order (date, then id), each joins
    the earliest group it agrees with, and a group's id is a hash of its first report's id.
    """
    counts: list[int] = []
    con.execute("BEGIN TRANSACTION")
    try:
        with _registered(con, "_cons_aliases", _aliases()):
            for kind in (_PLEDGES, _RISK, _APPEALS):
                counts.extend(_consolidate_kind(con, kind))
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return Consolidated(*counts)
