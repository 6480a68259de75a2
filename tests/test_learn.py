"""The learned choices: the recipient (what it changes, that make train reproduces the shipped
model, its cross-validated agreement on the dev set, the figure the README quotes) and the keep
decision over candidate pledges (what the rules doubt, and that make train ships a keep model
only where it beats the rules under cross-validation)."""

from __future__ import annotations

from pathlib import Path

import pytest

from aidtracker.etl import learn, train
from aidtracker.etl.extract import extract, propose
from aidtracker.etl.records import Pledge

SHARED = Path(__file__).resolve().parents[2] / "shared"
# Measured on 2026-12-05 with `python -m aidtracker.etl.train cv`: 163 of the 177 matched dev
# pledges (the rules alone: 162).
REACHED_CV_AGREEMENT = 0.921
TOLERANCE = 0.03


def _recipients(text: str, *, learned: bool) -> list[str | None]:
    return [f.recipient_iso3 for f in extract(text, learned=learned) if isinstance(f, Pledge)]


@pytest.mark.parametrize(
    ("text", "rules", "learned"),
    [
        pytest.param(
            # the rules read "global" (data/words.csv global_scope) and the model, fit on what the
            # rules choose, agrees with them
            "Floods hit Bangladesh, India, Nepal and Bhutan this week. In Bangladesh, 2 million people "
            "fled. The World Bank approved $50 million for a global disaster fund.",
            [None],
            [None],
            id="global-fund-is-no-country",
        ),
        pytest.param(
            "Drought in Somalia has worsened. Somalia's harvest failed. "
            "Norway pledged 20 mln dlrs in emergency aid, officials said.",
            ["SOM"],
            ["SOM"],
            id="article-country-stands",
        ),
        pytest.param(
            "Japan pledged $5 million to Sudan on Monday.", ["SDN"], ["SDN"], id="named-destination"
        ),
    ],
)
def test_the_model_chooses_the_recipient(text: str, rules: list, learned: list) -> None:
    assert _recipients(text, learned=False) == rules
    assert _recipients(text, learned=True) == learned


def test_without_a_model_the_rules_decide(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(learn, "shipped_recipient_weights", lambda: None)
    text = "Floods hit Bangladesh. In Bangladesh, 2 million people fled. The World Bank approved $50 million."
    assert _recipients(text, learned=True) == _recipients(text, learned=False)


@pytest.fixture(scope="module")
def dev_examples() -> list[train.Example]:
    return train.examples(SHARED)


def test_make_train_reproduces_the_shipped_model(dev_examples: list[train.Example]) -> None:
    shipped = learn.shipped_recipient_weights()
    assert shipped is not None, "data/recipient_model.json is missing: run make train"
    fitted = train.fit(dev_examples)
    assert set(fitted.weights) == set(shipped.weights)
    for name, weight in fitted.weights.items():
        assert weight == pytest.approx(shipped.weights[name], abs=1e-3), name


def test_cross_validated_recipient_agreement_holds(dev_examples: list[train.Example]) -> None:
    rules = train.agreement([ex.rule_choice for ex in dev_examples], dev_examples)
    learned = train.agreement(train.cross_validate(dev_examples), dev_examples)
    assert learned >= REACHED_CV_AGREEMENT - TOLERANCE, (learned, rules)
    assert learned >= rules, (learned, rules)


def _candidates(text: str) -> tuple[list[tuple[str, str, tuple[str, ...]]], int, int]:
    """(donor, sum, doubts) of each candidate; the pledges that stand by the rules; and with all kept."""
    seen: list = []
    kept_all = propose(text, "", None, keep=lambda d: not seen.append(d))[0]
    by_rules = propose(text, "", None)[0]
    pledges = [sum(isinstance(f, Pledge) for f in facts) for facts in (by_rules, kept_all)]
    return [(d.donor.name, d.amount.raw, d.doubts) for d in seen], *pledges


@pytest.mark.parametrize(
    ("text", "doubted"),
    [
        pytest.param(
            "Japan has provided $5 million to Sudan since 2020.",
            ("Japan", "$5 million", ("running_total",)),
            id="running-total",
        ),
        pytest.param(
            "Oxfam has already raised $2 million for the flood victims in Pakistan, it said.",
            ("Oxfam", "$2 million", ("tally",)),
            id="fundraising-tally",
        ),
        pytest.param(
            "Germany pledged 10,000 tonnes of wheat to Yemen in March. "
            "The first load of 2,000 tonnes arrived in Aden on Friday.",
            ("Germany", "2,000 tonnes", ("portion",)),
            id="portion-of-a-pledge",
        ),
    ],
)
def test_what_the_rules_doubt_stands_only_when_kept(text: str, doubted: tuple) -> None:
    candidates, by_rules, kept_all = _candidates(text)
    assert doubted in candidates
    assert kept_all == by_rules + 1


def test_a_plain_pledge_is_not_doubted() -> None:
    candidates, by_rules, kept_all = _candidates("Japan pledged $5 million to Sudan on Monday.")
    assert candidates == [("Japan", "$5 million", ())]
    assert by_rules == kept_all == 1


def test_a_shipped_keep_model_decides(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Japan has provided $5 million to Sudan since 2020. Norway pledged $2 million to Chad."
    donors = lambda: [f.donor for f in extract(text) if isinstance(f, Pledge)]  # noqa: E731
    monkeypatch.setattr(learn, "shipped_keep_weights", lambda: None)
    assert donors() == ["Norway"]
    monkeypatch.setattr(learn, "shipped_keep_weights", lambda: learn.Weights({"bias": 5.0}))
    assert donors() == ["Japan", "Norway"]
    as_rules = learn.Weights({"rules_keep": 5.0, "bias": -1.0})
    monkeypatch.setattr(learn, "shipped_keep_weights", lambda: as_rules)
    assert donors() == ["Norway"]


@pytest.fixture(scope="module")
def dev() -> list[train.DevArticle]:
    return train.read_dev(SHARED)


def test_keeping_what_the_rules_keep_changes_nothing(dev: list[train.DevArticle]) -> None:
    for d in dev[::5]:
        as_rules = propose(d.text, d.title, None, keep=lambda c: not c.doubts)[0]
        assert as_rules == list(d.facts), d.article_id


def test_make_train_ships_a_keep_model_only_where_it_beats_the_rules(dev: list[train.DevArticle]) -> None:
    candidates = train.keep_examples(dev)
    folds = train.fold_weights(train.examples(dev))
    learned = train.cross_validated_scores(dev, folds, train.keep_fold_weights(candidates))["pledges"]
    rules = train.cross_validated_scores(dev, folds, [None] * train.FOLDS)["pledges"]
    shipped = learn.shipped_keep_weights()
    if learned.f1 > rules.f1:
        assert shipped is not None, "the learned keep decision wins: run make train"
        assert shipped.weights == pytest.approx(train.fit_keep(candidates).weights, abs=1e-3)
    else:
        assert shipped is None, f"{learn.KEEP_MODEL} ships though the rules do better: {learned} / {rules}"
