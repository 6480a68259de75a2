"""How well etl.consolidate groups pledge reports: pairwise precision and recall on labelled pairs.

Two sets of pairs (`python -m bench.grouping`, about 20 s):

- Written variants: an invented pledge and a second report of it (reworded, converted to US
  dollars, restated later with or without its date, recipient left out, rounded, the donor
  by an alias), and near misses that must stay apart (the same donor and amount to another
  country, a second tranche months or a year later, another donor, amounts a few per cent
  off, parts and total of one article, two equal pledges in one article, another
  commodity). Each family's parameters are drawn at random across its range (days apart,
  per cent off), some on both sides of the rules' limits, so the figures say where the
  rules bite. Each case lives in its own three-year span, so cases never meet.
- The shared corpus: news_a, news_b and news_c (and the seed) ingested by the pipeline, every
  pair of extracted pledges in two articles with the same donor, each matched to its gold
  label as ../shared/eval/score.py matches. A pair is the same pledge when the gold labels
  agree on donor, unit, amount (within 1%), recipient (equal or one not given) and month.
  news_d is a hold-out: its labels are not read.

A pair is predicted the same when its two reports share a flow.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import itertools
import json
import random
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import duckdb

from aidtracker.etl import consolidate, load

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"

Row = dict[str, Any]


@dataclass(frozen=True)
class Case:
    """Reports (pledge rows) and, for each, the invented pledge it truly reports."""

    family: str
    same: bool  # the family's reports are of one pledge (else near misses)
    rows: tuple[Row, ...]
    truth: tuple[str, ...]


@dataclass
class Score:
    """Pairs counted: grouped and the same pledge (tp), grouped but not (fp), apart but the same (fn)."""

    pairs: int = 0
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, grouped: bool, same: bool) -> None:
        self.pairs += 1
        self.tp += grouped and same
        self.fp += grouped and not same
        self.fn += same and not grouped

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


# ---------------------------------------------------------------- written variants

DONORS = (
    ("Japan", "JPN", "JPY", 110.0),
    ("United Kingdom", "GBR", "GBP", 0.77),
    ("Germany", "DEU", "EUR", 0.9),
    ("United States", "USA", "USD", 1.0),
    ("Norway", "NOR", "NOK", 9.0),
)
ALIASES = (
    ("World Food Programme", "WFP"),
    ("United States", "USAID"),
    ("United Kingdom", "Foreign Office"),
    ("UNICEF", "United Nations Children's Fund"),
)
PLACES = ("SDN", "YEM", "SOM", "ETH", "AFG", "HTI", "TCD", "SSD")


def _pledge(case: int, report: int, day: dt.date, **fields: Any) -> Row:
    row: Row = {
        "pledge_id": f"v{case:04d}-{report}",
        "article_id": f"v{case:04d}-art{report}",
        "donor": "Japan",
        "donor_iso3": "JPN",
        "donor_kind": "government",
        "recipient": None,
        "recipient_iso3": "SDN",
        "channel": None,
        "amount": 5_000_000.0,
        "unit": "USD",
        "amount_usd": 5_000_000.0,
        "aid_form": "cash",
        "commodity": None,
        "status": "pledged",
        "announced_on": day,
        "evidence": "invented",
        "span_start": 0,
        "span_end": 8,
        "confidence": 0.9,
    }
    row.update(fields)
    return row


def _sig(value: float, digits: int) -> float:
    """value rounded to `digits` significant digits, as a reporter rounds."""
    return float(f"{value:.{digits}g}")


def variant_cases(per_family: int = 30, seed: int = 0) -> list[Case]:
    """`per_family` cases of each written family, parameters drawn with `seed`."""
    rng = random.Random(seed)
    cases: list[Case] = []

    def base(i: int) -> tuple[dt.date, Row]:
        # each case in its own three-year span: no window reaches another case
        day = dt.date(1000, 1, 1) + dt.timedelta(days=1100 * i + rng.randrange(300))
        name, iso3, currency, per_usd = rng.choice(DONORS)
        usd = _sig(10 ** rng.uniform(5, 9), 2)
        amount = _sig(usd * per_usd, 2)
        fields = {
            "donor": name,
            "donor_iso3": iso3,
            "amount": amount,
            "unit": currency,
            "amount_usd": amount / per_usd,
            "recipient_iso3": rng.choice(PLACES),
        }
        return day, fields

    def later(day: dt.date, low: int, high: int) -> dt.date:
        return day + dt.timedelta(days=rng.randint(low, high))

    families: dict[str, tuple[bool, Callable[[int, dt.date, Row], list[Row]]]] = {}

    def family(name: str, same: bool) -> Callable[[Callable[[int, dt.date, Row], list[Row]]], None]:
        def register(make: Callable[[int, dt.date, Row], list[Row]]) -> None:
            families[name] = (same, make)

        return register

    @family("reworded, 0-30 days later", True)
    def _(i: int, day: dt.date, f: Row) -> list[Row]:
        return [_pledge(i, 0, day, **f), _pledge(i, 1, later(day, 0, 30), **f)]

    @family("converted to US dollars (3 digits, rate of its day within 3%)", True)
    def _(i: int, day: dt.date, f: Row) -> list[Row]:
        if f["unit"] == "USD":  # a pledge in another currency
            f = {
                **f,
                "donor": "Germany",
                "donor_iso3": "DEU",
                "unit": "EUR",
                "amount": _sig(f["amount_usd"] * 0.9, 2),
            }
            f["amount_usd"] = f["amount"] / 0.9
        usd = _sig(f["amount_usd"] * rng.uniform(0.97, 1.03), 3)
        return [
            _pledge(i, 0, day, **f),
            _pledge(i, 1, later(day, 0, 30), **{**f, "amount": usd, "unit": "USD", "amount_usd": usd}),
        ]

    @family("restated later with its own date (the day, or the 1st of its month)", True)
    def _(i: int, day: dt.date, f: Row) -> list[Row]:
        month = day.replace(day=1)  # "the $5 million pledged in March": month precision
        return [_pledge(i, 0, day, **f), _pledge(i, 1, rng.choice([day, month]), **f)]

    @family("restated 1-12 months later without a date (the article's)", True)
    def _(i: int, day: dt.date, f: Row) -> list[Row]:
        return [_pledge(i, 0, day, **f), _pledge(i, 1, later(day, 30, 365), **f)]

    @family("recipient left out, 0-30 days later", True)
    def _(i: int, day: dt.date, f: Row) -> list[Row]:
        return [_pledge(i, 0, day, **f), _pledge(i, 1, later(day, 0, 30), **{**f, "recipient_iso3": None})]

    @family("amount rounded by 0-1.2%", True)
    def _(i: int, day: dt.date, f: Row) -> list[Row]:
        factor = 1 - rng.uniform(0, 0.012)
        other = {**f, "amount": f["amount"] * factor, "amount_usd": f["amount_usd"] * factor}
        return [_pledge(i, 0, day, **f), _pledge(i, 1, later(day, 0, 30), **other)]

    @family("donor by an alias or agency", True)
    def _(i: int, day: dt.date, f: Row) -> list[Row]:
        name, alias = rng.choice(ALIASES)
        iso3 = {"United States": "USA", "United Kingdom": "GBR"}.get(name)
        first = {**f, "donor": name, "donor_iso3": iso3, "unit": "USD", "amount": f["amount_usd"]}
        return [
            _pledge(i, 0, day, **first),
            _pledge(i, 1, later(day, 0, 30), **{**first, "donor": alias, "donor_iso3": None}),
        ]

    @family("goods, commodity left out", True)
    def _(i: int, day: dt.date, f: Row) -> list[Row]:
        goods = {
            **f,
            "amount": _sig(10 ** rng.uniform(2, 5), 2),
            "unit": "tonnes",
            "amount_usd": None,
            "aid_form": "in_kind",
            "commodity": rng.choice(["wheat", "rice", "maize"]),
        }
        return [_pledge(i, 0, day, **goods), _pledge(i, 1, later(day, 0, 30), **{**goods, "commodity": None})]

    @family("same donor and amount, another country", False)
    def _(i: int, day: dt.date, f: Row) -> list[Row]:
        other = rng.choice([p for p in PLACES if p != f["recipient_iso3"]])
        return [_pledge(i, 0, day, **f), _pledge(i, 1, later(day, 0, 30), **{**f, "recipient_iso3": other})]

    @family("a second tranche of the same size 10-14 months later", False)
    def _(i: int, day: dt.date, f: Row) -> list[Row]:
        return [_pledge(i, 0, day, **f), _pledge(i, 1, later(day, 300, 430), **f)]

    @family("the same size again 4-9 months later", False)
    def _(i: int, day: dt.date, f: Row) -> list[Row]:
        return [_pledge(i, 0, day, **f), _pledge(i, 1, later(day, 120, 270), **f)]

    @family("another donor, same amount", False)
    def _(i: int, day: dt.date, f: Row) -> list[Row]:
        name, iso3, _, _ = rng.choice([d for d in DONORS if d[1] != f["donor_iso3"]])
        return [
            _pledge(i, 0, day, **f),
            _pledge(i, 1, later(day, 0, 30), **{**f, "donor": name, "donor_iso3": iso3}),
        ]

    @family("amount 2-10% off, one currency", False)
    def _(i: int, day: dt.date, f: Row) -> list[Row]:
        factor = 1 + rng.uniform(0.02, 0.10)
        other = {**f, "amount": f["amount"] * factor, "amount_usd": f["amount_usd"] * factor}
        return [_pledge(i, 0, day, **f), _pledge(i, 1, later(day, 0, 30), **other)]

    @family("another currency, US dollar value 6-20% off", False)
    def _(i: int, day: dt.date, f: Row) -> list[Row]:
        usd = _sig(f["amount_usd"] * rng.uniform(1.06, 1.2), 3)
        first = {**f, "unit": "EUR" if f["unit"] == "USD" else f["unit"]}
        return [
            _pledge(i, 0, day, **first),
            _pledge(i, 1, later(day, 0, 30), **{**f, "amount": usd, "unit": "USD", "amount_usd": usd}),
        ]

    @family("same tonnage of another commodity", False)
    def _(i: int, day: dt.date, f: Row) -> list[Row]:
        goods = {
            **f,
            "amount": _sig(10 ** rng.uniform(2, 5), 2),
            "unit": "tonnes",
            "amount_usd": None,
            "aid_form": "in_kind",
            "commodity": "wheat",
        }
        return [
            _pledge(i, 0, day, **goods),
            _pledge(i, 1, later(day, 0, 30), **{**goods, "commodity": "rice"}),
        ]

    @family("two equal pledges in one article", False)
    def _(i: int, day: dt.date, f: Row) -> list[Row]:
        return [_pledge(i, 0, day, **f), _pledge(i, 1, day, **{**f, "article_id": f"v{i:04d}-art0"})]

    i = 0
    for name, (same, make) in families.items():
        for _n in range(per_family):
            day, fields = base(i)
            rows = make(i, day, fields)
            truth = [f"{i}" if same else f"{i}-{k}" for k in range(len(rows))]
            cases.append(Case(name, same, tuple(rows), tuple(truth)))
            i += 1
    # parts and total of one article, and the total again elsewhere: the totals are one pledge
    for _n in range(per_family):
        day, f = base(i)
        total = f["amount"]
        part = _sig(total * rng.uniform(0.2, 0.8), 2)
        art = {"article_id": f"v{i:04d}-art0"}
        rows = [
            _pledge(i, 0, day, **{**f, **art}),
            _pledge(i, 1, day, **{**f, **art, "amount": part, "amount_usd": part / total * f["amount_usd"]}),
            _pledge(
                i,
                2,
                day,
                **{
                    **f,
                    **art,
                    "amount": total - part,
                    "amount_usd": (total - part) / total * f["amount_usd"],
                },
            ),
            _pledge(i, 3, later(day, 0, 30), **f),
        ]
        cases.append(
            Case(
                "parts and total of one article, the total again elsewhere",
                False,
                tuple(rows),
                (f"{i}-total", f"{i}-a", f"{i}-b", f"{i}-total"),
            )
        )
        i += 1
    return cases


def _articles(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(
        "INSERT INTO articles BY NAME SELECT article_id, min(announced_on) AS published_on, "
        "'metadata' AS date_basis, 'invented' AS text, 'x' AS content_sha256, "
        "TIMESTAMP '2025-01-01' AS ingested_at FROM pledges GROUP BY ALL"
    )


def score_variants(cases: list[Case]) -> dict[str, Score]:
    """Consolidate every case's reports together and count, per family and in all, the pairs of
    reports within a case: grouped or not, the same pledge or not."""
    con = duckdb.connect()
    try:
        load.create_schema(con)
        rows = [row for case in cases for row in case.rows]
        columns = list(rows[0])
        con.executemany(
            f"INSERT INTO pledges ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
            [[row[c] for c in columns] for row in rows],
        )
        _articles(con)
        consolidate.consolidate(con)
        flow = dict(con.execute("SELECT pledge_id, flow_id FROM flow_reports").fetchall())
    finally:
        con.close()
    scores: dict[str, Score] = {"all": Score()}
    for case in cases:
        score = scores.setdefault(case.family, Score())
        for (x, tx), (y, ty) in itertools.combinations(zip(case.rows, case.truth, strict=True), 2):
            grouped = flow[x["pledge_id"]] == flow[y["pledge_id"]]
            for s in (score, scores["all"]):
                s.add(grouped, tx == ty)
    return scores


# ---------------------------------------------------------------- the shared corpus


def _scorer(shared: Path) -> ModuleType:
    """../shared/eval/score.py, imported from its file, for its matching rules."""
    spec = importlib.util.spec_from_file_location("aidtracker_bench_score", shared / "eval" / "score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def corpus_pairs(shared: Path = SHARED, work: Path | None = None) -> tuple[Score, list[str]]:
    """Ingest news_a-c and the seed, then score every cross-article pair of extracted pledges
    that share a donor and match gold labels. Returns the counts and, in words, each pair
    grouped wrongly or missed (ids and figures only)."""
    from aidtracker.etl import pipeline

    score_py = _scorer(shared)
    paths = [shared / "corpus" / f"news_{x}.jsonl" for x in "abc"] + sorted((shared / "seeds").glob("*"))
    gold = {}
    for line in (shared / "eval" / "dev.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            if not record["id"].startswith("d"):  # news_d is the hold-out: never read
                gold[record["id"]] = record
    with tempfile.TemporaryDirectory(dir=work) as folder:
        db = Path(folder) / "grouping.duckdb"
        pipeline.run(paths, db, workers=1)
        con = duckdb.connect(str(db), read_only=True)
        cur = con.execute("SELECT p.*, f.flow_id FROM pledges p JOIN flow_reports f USING (pledge_id)")
        names = [d[0] for d in cur.description]
        by_article: dict[str, list[Row]] = {}
        for values in cur.fetchall():
            row = dict(zip(names, values, strict=True))
            by_article.setdefault(row["article_id"], []).append(row)
        con.close()
    matched: list[tuple[Row, Row]] = []
    for article_id, preds in by_article.items():
        if article_id in gold:
            for pred, label in score_py.match(preds, gold[article_id]["pledges"], score_py.pledge_matches):
                matched.append((pred, label))

    def donor(label: Row) -> str:
        return str(label.get("donor_iso3") or score_py.norm_name(label.get("donor")))

    def same_pledge(g1: Row, g2: Row) -> bool:
        return bool(
            donor(g1) == donor(g2)
            and g1["unit"] == g2["unit"]
            and score_py.close(g1["amount"], g2["amount"])
            and (
                not g1.get("recipient_iso3")
                or not g2.get("recipient_iso3")
                or g1["recipient_iso3"] == g2["recipient_iso3"]
            )
            and score_py.same_month(g1.get("date"), g2.get("date"))
        )

    score = Score()
    notes: list[str] = []
    for (p1, g1), (p2, g2) in itertools.combinations(matched, 2):
        if p1["article_id"] == p2["article_id"] or donor(g1) != donor(g2):
            continue
        grouped, same = p1["flow_id"] == p2["flow_id"], same_pledge(g1, g2)
        score.add(grouped, same)
        if grouped != same:
            notes.append(
                f"{'grouped, not the same pledge' if grouped else 'the same pledge, not grouped'}: "
                f"{p1['article_id']} and {p2['article_id']}, {donor(g1)} {g1['amount']:,.0f} {g1['unit']} "
                f"({g1.get('recipient_iso3')}, {g1.get('date')}) and {g2['amount']:,.0f} {g2['unit']} "
                f"({g2.get('recipient_iso3')}, {g2.get('date')})"
            )
    return score, notes


def _row(name: str, s: Score) -> str:
    recall = f"{s.recall:.2f}" if s.tp + s.fn else "-"
    precision = f"{s.precision:.2f}" if s.tp + s.fp else "-"
    return f"| {name} | {s.pairs} | {s.tp} | {s.fp} | {s.fn} | {precision} | {recall} |"


def report(per_family: int = 30, seed: int = 0, shared: Path = SHARED) -> str:
    """The figures as Markdown."""
    lines = [
        "| family | pairs | grouped, same | grouped, not same | apart, same | precision | recall |",
        "|---|---|---|---|---|---|---|",
    ]
    scores = score_variants(variant_cases(per_family, seed))
    for name, s in scores.items():
        if name != "all":
            lines.append(_row(name, s))
    lines.append(_row("**written variants, all**", scores["all"]))
    notes: list[str] = []
    if (shared / "eval" / "dev.jsonl").exists():
        corpus, notes = corpus_pairs(shared)
        lines.append(_row("**shared corpus** (news_a-c, pairs sharing a donor)", corpus))
    return "\n".join(lines + [""] + [f"- {n}" for n in notes])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-family", type=int, default=30, help="cases per written family (30)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--shared", type=Path, default=SHARED, help="the shared folder (corpus, eval)")
    args = parser.parse_args(argv)
    began = time.perf_counter()
    print(report(args.per_family, args.seed, args.shared))
    print(f"\n({time.perf_counter() - began:.0f} s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
