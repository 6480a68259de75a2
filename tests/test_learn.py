"""The learned recipient choice: what it changes, that make train reproduces the shipped model,
and its cross-validated agreement on the dev set (the figure the README quotes)."""

from __future__ import annotations

from pathlib import Path

import pytest

from aidtracker.etl import learn, train
from aidtracker.etl.extract import extract
from aidtracker.etl.records import Pledge

SHARED = Path(__file__).resolve().parents[2] / "shared"
# Measured on 2026-12-05 with `python -m aidtracker.etl.train cv`: 154 of the 170 matched dev
# pledges (the rules alone: 154 too).
REACHED_CV_AGREEMENT = 0.906
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
