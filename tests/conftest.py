"""Shared fixtures: the hostile corpus, written once per test session."""

from __future__ import annotations

import pytest
from hostile import HostileCorpus, make_hostile_corpus


@pytest.fixture(scope="session")
def hostile_corpus(tmp_path_factory: pytest.TempPathFactory) -> HostileCorpus:
    """The hostile input files (tests/hostile.py) in a fresh folder, with each file's expected outcome."""
    root = tmp_path_factory.mktemp("hostile")
    return HostileCorpus(root, make_hostile_corpus(root))
