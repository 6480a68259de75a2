"""Learned decisions over what the rules propose: a pledge's country, and which candidates stand.

The rules (etl.pledge_rules) name a recipient with fixed preferences; where the sentence
names none they fall back on the article's main country, which is wrong for a global
fund or an article about several countries. Here each pledge's options (every country
its sentence places, the article's main country, the rules' pick, and no country) are
described by features, scored by a logistic model and the best one is kept. The
features know no words of their own: prepositions come from data/words.csv, regions from
data/regions.csv. `etl.train` fits the weights on the labelled dev set
(`make train`) and writes data/recipient_model.json, loaded once per process.

The keep decision weighs every candidate pledge, the rules' own and the sums they doubt
(pledge_rules.Draft.doubts), by keep_features; data/keep_model.json ships only where it beats
the rules under cross-validation (etl.train), and without it the rules decide.
"""

from __future__ import annotations

import dataclasses
import json
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources

from aidtracker.etl import gazetteer
from aidtracker.etl.analysis import Article
from aidtracker.etl.pledge_rules import Draft
from aidtracker.etl.records import Pledge

RECIPIENT_MODEL = "recipient_model.json"
KEEP_MODEL = "keep_model.json"
Options = dict[str | None, dict[str, float]]


def recipient_options(pledge: Pledge, art: Article) -> Options:
    """Each country the pledge may go to (None: no single country), with its features.

    >>> text = "Japan pledged $5 million to Sudan. Sudan's harvest failed."
    >>> art = Article.read(text, "", None, gazetteer.find_mentions(text))
    >>> from aidtracker.etl.extract import extract
    >>> (p,) = extract(text, learned=False)
    >>> options = recipient_options(p, art)
    >>> sorted(options, key=str), options["SDN"]["dest_prep"], options["SDN"]["rule_choice"]
    (['JPN', None, 'SDN'], 1.0, 1.0)
    """
    sentence = pledge.evidence
    at = max(sentence.find(pledge.amount_raw), 0)
    end = at + len(pledge.amount_raw)
    dest = gazetteer.words("dest_prep")
    mentions = _sentence_mentions(art, pledge.span_start, pledge.span_end)
    placed: Options = {}
    for m in mentions:
        if not m.location or m.has("org"):
            continue  # a national society's country is the rules' to weigh ("to the Kenya Red Cross")
        start, stop = m.start - pledge.span_start, m.end - pledge.span_start  # offsets in `sentence`
        f = placed.setdefault(m.location, {"in_sentence": 1.0})
        f["after_amount"] = max(f.get("after_amount", 0.0), float(start >= end))
        f["before_amount"] = max(f.get("before_amount", 0.0), float(stop <= at))
        before = sentence[max(0, start - 12) : start].split()
        if before and before[-1].lower() in dest:
            f["dest_prep"] = 1.0
        if m.has("demonym"):
            f["demonym"] = 1.0
        if m.has("place") and not m.has("country"):
            f["place"] = 1.0
        if sentence[stop : stop + 2] in ("'s", "’s"):
            f["possessive"] = 1.0  # "Australia's aid": a voice, not a place
    options: Options = {}
    for iso in {*placed, art.main_iso3, pledge.recipient_iso3} - {None}:
        f = dict(placed.get(iso, {}))
        f["country"] = 1.0
        if iso == pledge.recipient_iso3:
            # the rules' pick, told apart by whether the sentence names it or the article stands in
            f["rule_choice" if iso in placed else "rule_fallback"] = 1.0
        f["main"] = float(iso == art.main_iso3)
        f["main_clear"] = float(iso == art.main_iso3 and art.main_is_clear())
        f["in_title"] = float(iso in art.title_iso3)
        f["is_donor"] = float(iso == pledge.donor_iso3)
        f["log_mentions"] = math.log1p(art.country_counts.get(iso, 0))
        options[iso] = f
    options[None] = {
        "none": 1.0,
        "rule_choice": float(pledge.recipient_iso3 is None),
        "none_region": float(any(m.has("region") for m in mentions)),
        "none_sentence_places/3": min(len(placed), 3) / 3,
        "none_article_countries/10": min(len(art.country_counts), 10) / 10,
        "none_main_clear": float(art.main_is_clear()),
        "none_channel": float(pledge.channel is not None),
        f"none_donor_kind:{pledge.donor_kind or 'unknown'}": 1.0,
    }
    return options


def _sentence_mentions(art: Article, start: int, end: int) -> list[gazetteer.Mention]:
    """The article's mentions inside text[start:end], found once for the whole article."""
    return [m for m in gazetteer.starting_in(art.mentions, start, end) if m.end <= end]


@dataclass(frozen=True)
class Weights:
    """A logistic model's weights by feature name ('bias' the intercept), and what it was fit on."""

    weights: Mapping[str, float]
    trained_on: str = ""

    def score(self, features: Mapping[str, float]) -> float:
        """The model's log-odds that an option is right."""
        return self.weights.get("bias", 0.0) + sum(self.weights.get(k, 0.0) * v for k, v in features.items())

    def to_json(self) -> str:
        return (
            json.dumps({"trained_on": self.trained_on, "weights": self.weights}, indent=1, sort_keys=True)
            + "\n"
        )

    @classmethod
    def from_json(cls, text: str) -> Weights:
        data = json.loads(text)
        return cls(weights=data["weights"], trained_on=data.get("trained_on", ""))


def best_option(options: Options, weights: Weights) -> str | None:
    """The option with the highest score; ties go to the rules' pick, then to the first ISO code."""
    return max(
        options,
        key=lambda iso: (weights.score(options[iso]), _rules_pick(options[iso]), iso is None, iso or ""),
    )


def _rules_pick(features: Mapping[str, float]) -> float:
    return max(features.get("rule_choice", 0.0), features.get("rule_fallback", 0.0))


def choose_recipient(pledge: Pledge, art: Article, weights: Weights) -> Pledge:
    """The pledge with the recipient the model prefers."""
    iso = best_option(recipient_options(pledge, art), weights)
    if iso == pledge.recipient_iso3:
        return pledge
    name = gazetteer.country_name(iso) if iso else None
    return dataclasses.replace(pledge, recipient_iso3=iso, recipient=name)


@cache
def shipped_recipient_weights() -> Weights | None:
    """data/recipient_model.json, read once per process; None where no model was fit."""
    path = resources.files("aidtracker.data") / RECIPIENT_MODEL
    return Weights.from_json(path.read_text(encoding="utf-8")) if path.is_file() else None


def keep_features(d: Draft) -> dict[str, float]:
    """What decides whether a candidate pledge stands: the rules' reasons against it
    (Draft.doubts), whether its giver and destination are named, its verb's class, its place
    in a list or a total. No words of its own: the verb classes are data/aid_verbs.csv's.

    >>> from aidtracker.etl.extract import propose
    >>> seen = []
    >>> _ = propose("Japan has provided $5 million to Sudan since 2020.", "", None, keep=seen.append)
    >>> f = keep_features(seen[0])
    >>> f["rules_keep"], f["doubt:running_total"], f["donor_named"], f["verb:give"]
    (0.0, 1.0, 1.0, 1.0)
    """
    f = {
        "rules_keep": float(not d.doubts),
        "donor_named": float(d.donor_explicit),
        "recipient_named": float(d.recipient_explicit),
        "recipient": float(d.recipient_iso3 is not None),
        "channel": float(d.channel is not None),
        "list_item": float(d.list_item),
        "part": float(d.is_part),
        "goods": float(d.aid_form == "in_kind"),
        "passive": float(d.passive),
        "dated": float(d.date_raw is not None),
        f"donor_kind:{d.donor.kind or 'unknown'}": 1.0,
        f"verb:{d.role or 'none'}": 1.0,
        f"status:{d.status}": 1.0,
    }
    f.update({f"doubt:{why}": 1.0 for why in d.doubts})
    return f


def keeper(weights: Weights) -> Callable[[Draft], bool]:
    """The keep decision of a fitted model: a candidate stands where its log-odds are positive."""
    return lambda d: weights.score(keep_features(d)) > 0


@cache
def shipped_keep_weights() -> Weights | None:
    """data/keep_model.json, read once per process; None where no model was fit."""
    path = resources.files("aidtracker.data") / KEEP_MODEL
    return Weights.from_json(path.read_text(encoding="utf-8")) if path.is_file() else None
