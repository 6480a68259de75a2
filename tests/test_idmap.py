"""The compact id map an ingest keeps per article: found, missed, across merges and hash ties."""

from __future__ import annotations

from collections.abc import Hashable, Sequence

import pytest

from aidtracker.etl.idmap import IdMap

IDS = [f"reliefweb-{n}" for n in range(50)]


@pytest.mark.parametrize("merge_every", [1, 7, 1000], ids=["merge-each", "merge-some", "never-merged"])
@pytest.mark.parametrize("width", [0, 2], ids=["set", "two-values"])
@pytest.mark.parametrize("exact", [True, False], ids=["blake2b", "str-hash"])
def test_every_added_id_is_found_with_its_values(merge_every: int, width: int, exact: bool) -> None:
    m = IdMap(width=width, exact=exact, merge_every=merge_every)
    for start in range(0, 40, 6):
        chunk = IDS[start : min(start + 6, 40)]
        m.add_many(chunk, [tuple([IDS.index(i), 2**64 - 1][:width]) for i in chunk])
    assert len(m) == 40
    found = m.get_many(IDS)
    assert found[:40] == [tuple([n, 2**64 - 1][:width]) for n in range(40)]
    assert found[40:] == [None] * 10


def test_an_id_added_again_keeps_its_first_values() -> None:
    m = IdMap(width=1, merge_every=2)
    m.add("a", 1)
    m.add("b", 2)  # merged here
    m.add("a", 3)
    m.add("b", 4)
    assert len(m) == 2 and m.get_many(["a", "b"]) == [(1,), (2,)]


class _Tied(IdMap):
    """Every id's hash shares its first 64 bits, the ones the arrays are sorted by."""

    def _keys(self, ids: Sequence[str]) -> list[Hashable]:
        return [b"\x00" * 8 + (sum(map(ord, i)) * 7919).to_bytes(8, "big") for i in ids]


def test_ids_that_share_the_first_half_of_their_hash_are_told_apart() -> None:
    m = _Tied(width=1, merge_every=3)
    for n, article_id in enumerate(["ab", "cd", "ef", "gh", "ij"]):
        m.add(article_id, n)
    assert m.get_many(["ij", "ab", "zz", "ef"]) == [(4,), (0,), None, (2,)]


def test_values_of_the_wrong_width_are_refused() -> None:
    with pytest.raises(ValueError, match="width 1 given 2 values"):
        IdMap(width=1).add("a", 1, 2)


def test_unicode_ids_and_non_strings() -> None:
    m = IdMap()
    m.add_many(["صنعاء-1", "\ud800-lone-surrogate"])
    assert "صنعاء-1" in m and "\ud800-lone-surrogate" in m
    assert 5 not in m and "صنعاء-2" not in m
