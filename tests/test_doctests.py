"""The doctests of the installed package's modules (aidtracker.etl, aidtracker.dashboard)."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import aidtracker.dashboard
import aidtracker.etl


def _modules_with_examples() -> list[str]:
    names = []
    for package in (aidtracker.etl, aidtracker.dashboard):
        for info in pkgutil.iter_modules(package.__path__, prefix=f"{package.__name__}."):
            spec = importlib.util.find_spec(info.name)
            assert spec is not None and spec.origin is not None
            with open(spec.origin, encoding="utf-8") as fh:
                if ">>>" in fh.read():
                    names.append(info.name)
    return names


MODULES = _modules_with_examples()


def test_the_helpers_have_examples() -> None:
    assert {"aidtracker.etl.amounts", "aidtracker.etl.dbpath", "aidtracker.dashboard.state"} <= set(MODULES)


@pytest.mark.parametrize("name", MODULES)
def test_doctests(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples failed in {name}"
