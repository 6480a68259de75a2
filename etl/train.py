"""Fit etl.learn's recipient model on the labelled dev set, and measure the extractor by cross-validation.

    python -m aidtracker.etl.train fit [--shared ../shared]   # writes data/recipient_model.json
    python -m aidtracker.etl.train cv  [--shared ../shared]   # 5 folds, grouped by article
    python -m aidtracker.etl.train probes [--probes tests/probes]  # sets no rule was written from

A pledge the rules read is matched to a gold pledge as ../shared/eval/score.py matches
them (GUIDELINES.md: same donor, same unit family, amount within 1%); each of its
recipient options is then labelled by whether it is the gold recipient. Cross-validation
puts each article in one of five folds by a hash of its id (no order or seed decides),
fits on four folds, extracts the fifth with what was fit, and scores it as score.py
would: so each article is scored by a model that never saw it. Needs scikit-learn
(`pip install -e '.[train]'`).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from aidtracker.etl.analysis import Article
from aidtracker.etl.extract import propose
from aidtracker.etl.learn import (
    RECIPIENT_MODEL,
    Weights,
    best_option,
    choose_recipient,
    recipient_options,
    shipped_recipient_weights,
)
from aidtracker.etl.normalize import in_tonnes
from aidtracker.etl.records import Appeal, Fact, Pledge, RiskFigure

FOLDS = 5
# L2 strength: scikit-learn's default, not searched (a search on 156 articles would fit the folds).
C = 1.0


@dataclass(frozen=True)
class Example:
    """A pledge the rules read that matches a gold pledge: its article, options and gold recipient."""

    article_id: str
    options: dict[str | None, dict[str, float]]
    rule_choice: str | None
    gold: str | None


def _norm_name(name: str | None) -> str:
    name = re.sub(r"[^\w\s]", " ", (name or "").casefold())
    return " ".join(re.sub(r"\b(the|of|and|for)\b", " ", name).split())


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return False
    return abs(float(a) - float(b)) <= 0.01 * max(abs(float(a)), abs(float(b)), 1e-9)


def matches(pledge: Pledge, gold: dict[str, Any]) -> bool:
    """Does a pledge match a gold pledge, as the scorer matches them?

    >>> from aidtracker.etl.extract import extract
    >>> (p,) = extract("Japan pledged $5 million to Sudan on Monday.", learned=False)
    >>> matches(p, {"donor": "Japan", "donor_iso3": "JPN", "amount": 5e6, "unit": "USD"})
    True
    >>> matches(p, {"donor": "Japan", "donor_iso3": "JPN", "amount": 5e6, "unit": "tonnes"})
    False
    """
    if gold.get("donor_iso3") and pledge.donor_iso3:
        donor = pledge.donor_iso3.upper() == gold["donor_iso3"].upper()
    else:
        names = {_norm_name(gold.get("donor"))} | {_norm_name(a) for a in gold.get("donor_aliases") or []}
        if gold.get("donor_iso3"):
            names.add(_norm_name(gold["donor_iso3"]))
        donor = _norm_name(pledge.donor) in names - {""}
    # the database holds weights in tonnes (etl.normalize), and score.py matches what it holds
    amount, _ = in_tonnes(pledge.amount, pledge.unit)
    return (
        donor
        and (pledge.aid_form == "cash") == _money_unit(gold.get("unit"))
        and _close(amount, gold.get("amount"))
    )


def fold_of(article_id: str) -> int:
    """The fold of an article, from a hash of its id.

    >>> fold_of("a03") == fold_of("a03") and 0 <= fold_of("a03") < FOLDS
    True
    """
    return int.from_bytes(hashlib.blake2b(article_id.encode(), digest_size=8).digest(), "big") % FOLDS


def _dev_texts(shared: Path) -> tuple[dict[str, dict], dict[str, tuple[str, str]]]:
    gold = {}
    for line in (shared / "eval" / "dev.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            gold[str(rec["id"])] = rec
    texts = {}
    for path in sorted((shared / "corpus").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and str((rec := json.loads(line))["id"]) in gold:
                texts[str(rec["id"])] = (rec.get("title") or "", rec["text"])
    for path in sorted((shared / "seeds").glob("*.txt")):
        if path.stem in gold:
            title, _, text = path.read_text(encoding="utf-8").partition("\n")
            texts[path.stem] = (title, text)
    return gold, texts


@dataclass(frozen=True)
class DevArticle:
    """A dev article as the rules read it, with its gold labels."""

    article_id: str
    facts: tuple[Fact, ...]  # the rules' facts, before any learned choice
    art: Article
    gold: dict[str, Any]


def read_dev(shared: Path) -> list[DevArticle]:
    """Every labelled article of the shared dev set, read by the rules once."""
    gold, texts = _dev_texts(shared)
    out = []
    for aid in sorted(texts):
        title, text = texts[aid]
        facts, art, _ = propose(text, title, None)
        out.append(DevArticle(aid, tuple(facts), art, gold[aid]))
    return out


def read_probe_set(texts: Path) -> list[DevArticle]:
    """A labelled set of articles written for evaluation: `NAME.jsonl` (id, title, date, source,
    text, as the corpus) beside `NAME_gold.jsonl` (labels as in dev.jsonl), read by the rules once.
    No model is fit on them: they measure what the dev set cannot, articles no rule was written from."""
    gold_path = texts.with_name(f"{texts.stem}_gold.jsonl")
    gold = {
        str(rec["id"]): rec
        for line in gold_path.read_text(encoding="utf-8").splitlines()
        if line.strip() and (rec := json.loads(line))
    }
    out = []
    for line in texts.read_text(encoding="utf-8").splitlines():
        if line.strip() and str((rec := json.loads(line))["id"]) in gold:
            facts, art, _ = propose(rec["text"], rec.get("title") or "", None)
            out.append(DevArticle(str(rec["id"]), tuple(facts), art, gold[str(rec["id"])]))
    return out


def score_articles(articles: Sequence[DevArticle], weights: Weights | None) -> dict[str, Score]:
    """Articles' scores per kind, their pledges' recipients chosen by `weights` (none: the rules')."""
    totals = {kind: Score(0, 0, 0) for kind, _, _ in KINDS}
    for d in articles:
        facts = d.facts
        if weights is not None:
            facts = tuple(choose_recipient(f, d.art, weights) if isinstance(f, Pledge) else f for f in facts)
        for kind, got in score_article(facts, d.gold).items():
            totals[kind] += got
    return totals


def examples(shared: Path | Sequence[DevArticle]) -> list[Example]:
    """Every matched pledge of the dev articles, with its recipient options (rules alone)."""
    out = []
    for dev in read_dev(shared) if isinstance(shared, Path) else shared:
        aid, art = dev.article_id, dev.art
        pledges = [f for f in dev.facts if isinstance(f, Pledge)]
        for g, p in _first_matches(dev.gold.get("pledges") or [], pledges, matches):
            out.append(_example(aid, p, art, g.get("recipient_iso3") or None))
    return out


def _first_matches(golds: Sequence[dict[str, Any]], found: Sequence[Any], ok: Any) -> list[tuple[dict, Any]]:
    """Each gold record with the first fact not yet taken that `ok` matches to it, as score.py pairs them."""
    used: set[int] = set()
    pairs = []
    for g in golds:
        for i, f in enumerate(found):
            if i not in used and ok(f, g):
                used.add(i)
                pairs.append((g, f))
                break
    return pairs


def _example(aid: str, pledge: Pledge, art: Article, gold: str | None) -> Example:
    return Example(aid, recipient_options(pledge, art), pledge.recipient_iso3, gold)


def fit(train: Sequence[Example], trained_on: str = "") -> Weights:
    """Logistic weights over every option of every example (L2, C=C, lbfgs: deterministic)."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    rows = [(f, iso == ex.gold) for ex in train for iso, f in ex.options.items()]
    vec = DictVectorizer(sort=True)
    x = vec.fit_transform([f for f, _ in rows])
    model = LogisticRegression(C=C, max_iter=10_000).fit(x, [y for _, y in rows])
    weights = {"bias": round(float(model.intercept_[0]), 6)}
    for name, w in zip(vec.get_feature_names_out(), model.coef_[0], strict=True):
        weights[str(name)] = round(float(w), 6)
    return Weights(weights=weights, trained_on=trained_on)


def agreement(chosen: Sequence[str | None], data: Sequence[Example]) -> float:
    """The share of examples whose chosen recipient is the gold one."""
    return sum(c == ex.gold for c, ex in zip(chosen, data, strict=True)) / len(data) if data else 1.0


def fold_weights(data: Sequence[Example]) -> list[Weights]:
    """The model of each fold, fit on the other folds' articles."""
    return [fit([ex for ex in data if fold_of(ex.article_id) != k]) for k in range(FOLDS)]


def cross_validate(data: Sequence[Example], folds: Sequence[Weights] | None = None) -> list[str | None]:
    """Each example's recipient as chosen by a model fit on the other folds' articles."""
    folds = folds or fold_weights(data)
    chosen: dict[int, str | None] = {}
    for k, weights in enumerate(folds):
        for i, ex in enumerate(data):
            if fold_of(ex.article_id) == k:
                chosen[i] = best_option(ex.options, weights)
    return [chosen[i] for i in range(len(data))]


@dataclass(frozen=True)
class Score:
    """Records of one kind matched to gold as score.py matches them."""

    tp: int
    predicted: int
    gold: int

    @property
    def precision(self) -> float:
        return self.tp / self.predicted if self.predicted else float(not self.gold)

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Score) -> Score:
        return Score(self.tp + other.tp, self.predicted + other.predicted, self.gold + other.gold)

    def __str__(self) -> str:
        return (
            f"P={self.precision:.3f} R={self.recall:.3f} F1={self.f1:.3f} "
            f"(tp {self.tp}, predicted {self.predicted}, gold {self.gold})"
        )


def _money_unit(unit: str | None) -> bool:
    unit = (unit or "").strip()
    return len(unit) == 3 and unit.isupper()


def _risk_matches(r: RiskFigure, gold: dict[str, Any]) -> bool:
    return (r.country_iso3 or "").upper() == (gold.get("country_iso3") or "").upper() and _close(
        r.people, gold.get("people")
    )


def _appeal_matches(a: Appeal, gold: dict[str, Any]) -> bool:
    return _money_unit(a.unit) == _money_unit(gold.get("unit")) and _close(a.amount, gold.get("amount"))


KINDS = (
    ("pledges", Pledge, matches),
    ("risk_figures", RiskFigure, _risk_matches),
    ("appeals", Appeal, _appeal_matches),
)


def score_article(facts: Sequence[Fact], gold: dict[str, Any]) -> dict[str, Score]:
    """An article's facts against its gold labels, per kind: each gold record takes the first
    unmatched fact that matches it, as score.py does."""
    out = {}
    for kind, cls, ok in KINDS:
        found = [f for f in facts if isinstance(f, cls)]
        golds = gold.get(kind) or []
        out[kind] = Score(len(_first_matches(golds, found, ok)), len(found), len(golds))
    return out


def cross_validated_scores(
    dev: Sequence[DevArticle], folds: Sequence[Weights] | None = None
) -> dict[str, Score]:
    """The extractor's scores on the dev set, each article extracted with the learned choices
    fit on the other four folds' articles (`folds`, from fold_weights, when already fit)."""
    folds = folds or fold_weights(examples(dev))
    totals = {kind: Score(0, 0, 0) for kind, _, _ in KINDS}
    for k, weights in enumerate(folds):
        for kind, got in score_articles([d for d in dev if fold_of(d.article_id) == k], weights).items():
            totals[kind] += got
    return totals


def model_path() -> Path:
    """data/recipient_model.json of this installation (the checkout's data/ when installed editable)."""
    return Path(str(resources.files("aidtracker.data") / RECIPIENT_MODEL))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m aidtracker.etl.train", description=__doc__.split("\n")[0]
    )
    parser.add_argument("action", choices=("fit", "cv", "probes"))
    parser.add_argument(
        "--shared", type=Path, default=Path("../shared"), help="the shared folder (../shared)"
    )
    parser.add_argument(
        "--probes",
        type=Path,
        default=Path("tests/probes"),
        help="the folder of probe sets, NAME.jsonl and NAME_gold.jsonl (tests/probes)",
    )
    args = parser.parse_args(argv)
    if args.action == "probes":
        return _report_probes(args.probes)
    dev = args.shared / "eval" / "dev.jsonl"
    if not dev.is_file():
        print(f"train: error: {dev} not found (see --shared)", file=sys.stderr)
        return 2
    dev = read_dev(args.shared)
    data = examples(dev)
    if args.action == "fit":
        weights = fit(
            data, trained_on=f"{len(data)} matched pledges of {len({e.article_id for e in data})} articles"
        )
        model_path().write_text(weights.to_json(), encoding="utf-8")
        print(f"wrote {model_path()}: {len(weights.weights)} weights, fit on {weights.trained_on}")
        return 0
    folds = fold_weights(data)
    rules = agreement([ex.rule_choice for ex in data], data)
    learned = agreement(cross_validate(data, folds), data)
    print(
        f"{len(dev)} dev articles, {FOLDS}-fold cross-validated (grouped by article: each fold "
        "extracted with what was fit on the other four)"
    )
    for kind, got in cross_validated_scores(dev, folds).items():
        print(f"  {kind}: {got}")
    print(f"  recipient of the {len(data)} matched pledges: rules alone {rules:.3f}, learned {learned:.3f}")
    return 0


def _report_probes(folder: Path) -> int:
    sets = sorted(p for p in folder.glob("*.jsonl") if not p.stem.endswith("_gold"))
    if not sets:
        print(f"train: error: no probe sets (NAME.jsonl beside NAME_gold.jsonl) in {folder}", file=sys.stderr)
        return 2
    weights = shipped_recipient_weights()
    for path in sets:
        if not path.with_name(f"{path.stem}_gold.jsonl").is_file():
            print(f"train: error: {path} has no {path.stem}_gold.jsonl beside it", file=sys.stderr)
            return 2
        articles = read_probe_set(path)
        print(f"{path.stem}: {len(articles)} articles")
        for kind, got in score_articles(articles, weights).items():
            print(f"  {kind}: {got}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
