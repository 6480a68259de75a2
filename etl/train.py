"""Fit etl.learn's models on the labelled dev set, and measure the extractor by cross-validation.

    python -m aidtracker.etl.train fit [--shared ../shared]   # writes data/recipient_model.json
                                                              # (and keep_model.json where it wins)
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
    KEEP_MODEL,
    RECIPIENT_MODEL,
    Weights,
    best_option,
    choose_recipient,
    keep_features,
    keeper,
    recipient_options,
    shipped_keep_weights,
    shipped_recipient_weights,
)
from aidtracker.etl.normalize import in_tonnes
from aidtracker.etl.pledge_rules import Draft, finish
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


_PUNCTUATION = re.compile(r"[^\w\s]")
_FILLER = re.compile(r"\b(the|of|and|for)\b")  # words a donor's name may have or lack: "Government of"


def _norm_name(name: str | None) -> str:
    name = _PUNCTUATION.sub(" ", (name or "").casefold())
    return " ".join(_FILLER.sub(" ", name).split())


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
    text: str = ""
    title: str = ""
    candidates: tuple[Draft, ...] = ()  # every candidate pledge the keep decision weighed

    @classmethod
    def read(cls, article_id: str, title: str, text: str, gold: dict[str, Any]) -> DevArticle:
        """The article read by the rules alone, keeping the candidates their keep decision saw."""
        seen: list[Draft] = []

        def keep(d: Draft) -> bool:  # the rules' decision, noting each candidate it is asked of
            seen.append(d)
            return not d.doubts

        facts, art, _ = propose(text, title, None, keep=keep)
        return cls(article_id, tuple(facts), art, gold, text, title, tuple(seen))

    def extract(self, recipient: Weights | None, keep: Weights | None) -> tuple[Fact, ...]:
        """The article's facts with the learned choices of these weights (none: the rules')."""
        facts: Sequence[Fact] = self.facts
        if keep is not None:
            facts = propose(self.text, self.title, None, keep=keeper(keep))[0]
        if recipient is not None:
            facts = [choose_recipient(f, self.art, recipient) if isinstance(f, Pledge) else f for f in facts]
        return tuple(facts)


def read_dev(shared: Path) -> list[DevArticle]:
    """Every labelled article of the shared dev set, read by the rules once."""
    gold, texts = _dev_texts(shared)
    return [DevArticle.read(aid, *texts[aid], gold[aid]) for aid in sorted(texts)]


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
    return [
        DevArticle.read(str(rec["id"]), rec.get("title") or "", rec["text"], gold[str(rec["id"])])
        for line in texts.read_text(encoding="utf-8").splitlines()
        if line.strip() and str((rec := json.loads(line))["id"]) in gold
    ]


def score_articles(
    articles: Sequence[DevArticle], weights: Weights | None, keep: Weights | None = None
) -> dict[str, Score]:
    """Articles' scores per kind, their pledges' recipients chosen by `weights` and the candidate
    pledges that stand by `keep` (none: the rules')."""
    totals = {kind: Score(0, 0, 0) for kind, _, _ in KINDS}
    for d in articles:
        for kind, got in score_article(d.extract(weights, keep), d.gold).items():
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
    return _fit_rows([(f, iso == ex.gold) for ex in train for iso, f in ex.options.items()], trained_on)


def _fit_rows(rows: Sequence[tuple[dict[str, float], bool]], trained_on: str) -> Weights:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = DictVectorizer(sort=True)
    x = vec.fit_transform([f for f, _ in rows])
    model = LogisticRegression(C=C, max_iter=10_000).fit(x, [y for _, y in rows])
    weights = {"bias": round(float(model.intercept_[0]), 6)}
    for name, w in zip(vec.get_feature_names_out(), model.coef_[0], strict=True):
        weights[str(name)] = round(float(w), 6)
    return Weights(weights=weights, trained_on=trained_on)


@dataclass(frozen=True)
class KeepExample:
    """A candidate pledge of a dev article (etl.learn.keep_features), and whether it is one."""

    article_id: str
    features: dict[str, float]
    rules_keep: bool
    gold: bool  # it matches a gold pledge of its article


def keep_examples(dev: Sequence[DevArticle]) -> list[KeepExample]:
    """Every candidate pledge of the articles, labelled by whether it matches a gold pledge.
    A total the article breaks down is left out: finish() drops it, whatever is decided."""
    out = []
    for d in dev:
        golds = d.gold.get("pledges") or []
        for c in d.candidates:
            if pledges := finish([c]):
                hit = any(matches(pledges[0], g) for g in golds)
                out.append(KeepExample(d.article_id, keep_features(c), not c.doubts, hit))
    return out


def fit_keep(train: Sequence[KeepExample], trained_on: str = "") -> Weights:
    """Logistic weights of the keep decision, as fit() fits the recipient's."""
    return _fit_rows([(ex.features, ex.gold) for ex in train], trained_on)


def agreement(chosen: Sequence[str | None], data: Sequence[Example]) -> float:
    """The share of examples whose chosen recipient is the gold one."""
    return sum(c == ex.gold for c, ex in zip(chosen, data, strict=True)) / len(data) if data else 1.0


def fold_weights(data: Sequence[Example]) -> list[Weights]:
    """The model of each fold, fit on the other folds' articles."""
    return [fit([ex for ex in data if fold_of(ex.article_id) != k]) for k in range(FOLDS)]


def keep_fold_weights(data: Sequence[KeepExample]) -> list[Weights]:
    """The keep model of each fold, fit on the other folds' articles."""
    return [fit_keep([ex for ex in data if fold_of(ex.article_id) != k]) for k in range(FOLDS)]


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
    dev: Sequence[DevArticle],
    folds: Sequence[Weights] | None = None,
    keep_folds: Sequence[Weights | None] | None = None,
) -> dict[str, Score]:
    """The extractor's scores on the dev set, each article extracted with the learned choices
    fit on the other four folds' articles (`folds` from fold_weights, `keep_folds` from
    keep_fold_weights, when already fit; a None keep model leaves the keep decision to the
    rules, as it is left when no data/keep_model.json ships)."""
    folds = folds or fold_weights(examples(dev))
    if keep_folds is None:
        shipped = shipped_keep_weights() is not None
        keep_folds = keep_fold_weights(keep_examples(dev)) if shipped else [None] * FOLDS
    totals = {kind: Score(0, 0, 0) for kind, _, _ in KINDS}
    for k, (weights, keep) in enumerate(zip(folds, keep_folds, strict=True)):
        held_out = [d for d in dev if fold_of(d.article_id) == k]
        for kind, got in score_articles(held_out, weights, keep).items():
            totals[kind] += got
    return totals


def model_path(name: str = RECIPIENT_MODEL) -> Path:
    """data/NAME (a fitted model) of this installation (the checkout's data/ when installed editable)."""
    return Path(str(resources.files("aidtracker.data") / name))


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
    candidates = keep_examples(dev)
    if args.action == "fit":
        articles = len({e.article_id for e in data})
        weights = fit(data, trained_on=f"{len(data)} matched pledges of {articles} articles")
        model_path().write_text(weights.to_json(), encoding="utf-8")
        print(f"wrote {model_path()}: {len(weights.weights)} weights, fit on {weights.trained_on}")
        _fit_keep_if_better(dev, candidates, fold_weights(data))
        return 0
    folds = fold_weights(data)
    rules = agreement([ex.rule_choice for ex in data], data)
    learned = agreement(cross_validate(data, folds), data)
    print(
        f"{len(dev)} dev articles, {FOLDS}-fold cross-validated (grouped by article: each fold "
        "extracted with what was fit on the other four)"
    )
    with_learned = cross_validated_scores(dev, folds, keep_fold_weights(candidates))
    with_rules = cross_validated_scores(dev, folds, [None] * FOLDS)
    shipped = shipped_keep_weights() is not None
    # the figures of what ships: the keep decision in charge is the learned one only where it ships
    for kind, got in (with_learned if shipped else with_rules).items():
        print(f"  {kind}: {got}")
    in_charge = "the learned one" if shipped else "the rules' (make train ships no keep model)"
    print(f"  pledges with the learned keep decision: {with_learned['pledges']}")
    print(f"  pledges with the rules' keep decision: {with_rules['pledges']}; in charge: {in_charge}")
    print(f"  recipient of the {len(data)} matched pledges: rules alone {rules:.3f}, learned {learned:.3f}")
    return 0


def _fit_keep_if_better(
    dev: Sequence[DevArticle], candidates: Sequence[KeepExample], folds: list[Weights]
) -> None:
    """Write data/keep_model.json where the learned keep decision beats the rules' under
    cross-validation; else remove it, so that the rules decide."""
    learned = cross_validated_scores(dev, folds, keep_fold_weights(candidates))["pledges"]
    rules = cross_validated_scores(dev, folds, [None] * FOLDS)["pledges"]
    path = model_path(KEEP_MODEL)
    if learned.f1 > rules.f1:
        weights = fit_keep(candidates, f"{len(candidates)} candidate pledges of {len(dev)} articles")
        path.write_text(weights.to_json(), encoding="utf-8")
        print(
            f"wrote {path}: {len(weights.weights)} weights; cross-validated pledges F1 "
            f"{learned.f1:.3f} against the rules' {rules.f1:.3f}"
        )
    else:
        path.unlink(missing_ok=True)
        print(
            f"kept the rules' keep decision (no {KEEP_MODEL}): cross-validated pledges F1 learned "
            f"{learned.f1:.3f}, rules {rules.f1:.3f}"
        )


def _report_probes(folder: Path) -> int:
    sets = sorted(p for p in folder.glob("*.jsonl") if not p.stem.endswith("_gold"))
    if not sets:
        print(f"train: error: no probe sets (NAME.jsonl beside NAME_gold.jsonl) in {folder}", file=sys.stderr)
        return 2
    weights, keep = shipped_recipient_weights(), shipped_keep_weights()
    for path in sets:
        if not path.with_name(f"{path.stem}_gold.jsonl").is_file():
            print(f"train: error: {path} has no {path.stem}_gold.jsonl beside it", file=sys.stderr)
            return 2
        articles = read_probe_set(path)
        print(f"{path.stem}: {len(articles)} articles")
        for kind, got in score_articles(articles, weights, keep).items():
            print(f"  {kind}: {got}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
