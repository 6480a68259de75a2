"""A compact map from article ids to a few integers: what an ingest remembers of every article."""

from __future__ import annotations

import hashlib
from collections.abc import Hashable, Iterable, Sequence

import numpy as np

# New entries wait in a dict (a few Python objects each) until this many, then join the
# sorted arrays: the dict's size is bounded whatever the number of articles.
MERGE_EVERY = 1 << 14


class IdMap:
    """str -> `width` unsigned 64-bit integers, in 16 + 8 * width bytes an entry once merged.

    A set of Python strings costs 100-300 bytes an entry; an ingest of millions of articles
    must not grow by that much. Ids are kept as hashes in NumPy arrays sorted by their first
    64 bits. With `exact` the hash is 128 bits of BLAKE2b (two ids share it with odds of about
    n^2 / 2^129); without, it is Python's own 64-bit str hash, cached on each string and about
    ten times cheaper, for a map whose false hits only cost a look-up elsewhere.

    >>> seen = IdMap(width=1, merge_every=2)
    >>> for n, article_id in enumerate(["a", "b", "c"]):
    ...     seen.add(article_id, n)
    >>> len(seen), seen.get_many(["c", "x", "a"])
    (3, [(2,), None, (0,)])
    >>> "b" in seen, "x" in seen
    (True, False)
    """

    def __init__(self, width: int = 0, *, exact: bool = True, merge_every: int | None = None) -> None:
        self.width = width
        self.exact = exact
        self.merge_every = MERGE_EVERY if merge_every is None else merge_every
        self._hi = np.empty(0, np.uint64)  # sorted; equal values are rare and scanned in full
        self._lo = np.empty(0, np.uint64)
        self._values = np.empty((0, width), np.uint64)
        self._pending: dict[Hashable, tuple[int, ...]] = {}

    def __len__(self) -> int:
        return len(self._hi) + len(self._pending)

    def __contains__(self, article_id: object) -> bool:
        return isinstance(article_id, str) and self.get_many([article_id])[0] is not None

    def add(self, article_id: str, *values: int) -> None:
        """Map `article_id` to `values` (`width` integers below 2**64); an id added again keeps
        its first values."""
        self.add_many([article_id], [values])

    def add_many(
        self, ids: Sequence[str], values: Iterable[tuple[int, ...]] | None = None
    ) -> list[tuple[int, ...] | None]:
        """add() for each id, with its tuple of `values` (none when width is 0). Returns the values
        each id already had, None for an id added now: an id given twice gets its first values.

        >>> m = IdMap(width=1)
        >>> m.add_many(["a", "b", "a"], [(1,), (2,), (3,)]), m.add_many(["b", "c"], [(4,), (5,)])
        ([None, None, (1,)], [(2,), None])
        """
        rows = values if values is not None else [()] * len(ids)
        keys = self._keys(ids)
        before = self._found(keys)
        for n, (key, row) in enumerate(zip(keys, rows, strict=True)):
            if before[n] is not None:
                continue
            if key in self._pending:  # given earlier in this call
                before[n] = self._pending[key]
                continue
            if len(row) != self.width:
                raise ValueError(f"IdMap of width {self.width} given {len(row)} values")
            self._pending[key] = row
        if len(self._pending) >= self.merge_every:
            self._merge()
        return before

    def get_many(self, ids: Sequence[str]) -> list[tuple[int, ...] | None]:
        """The values of each id, or None for an id not in the map."""
        return self._found(self._keys(ids))

    def _keys(self, ids: Sequence[str]) -> list[Hashable]:
        if self.exact:
            return [hashlib.blake2b(i.encode("utf-8", "surrogatepass"), digest_size=16).digest() for i in ids]
        return [hash(i) for i in ids]

    def _array(self, keys: list[Hashable]) -> np.ndarray:
        """The keys as rows of (first, second) 64 bits."""
        if self.exact:
            return np.frombuffer(b"".join(keys), dtype=">u8").reshape(-1, 2).astype(np.uint64)  # type: ignore[arg-type]
        out = np.zeros((len(keys), 2), np.uint64)
        out[:, 0] = np.array(keys, np.int64).view(np.uint64)
        return out

    def _found(self, keys: list[Hashable]) -> list[tuple[int, ...] | None]:
        out: list[tuple[int, ...] | None] = [self._pending.get(k) for k in keys]
        if not keys or not len(self._hi):
            return out
        rows = self._array(keys)
        left = np.searchsorted(self._hi, rows[:, 0], "left")
        right = np.searchsorted(self._hi, rows[:, 0], "right")
        for n in np.flatnonzero(right > left):
            for k in range(left[n], right[n]):
                if self._lo[k] == rows[n, 1]:
                    out[n] = tuple(self._values[k].tolist())
        return out

    def _merge(self) -> None:
        """Move the pending entries into the sorted arrays (a copy of them: linear, not a sort)."""
        rows = self._array(list(self._pending))
        values = np.array(list(self._pending.values()), np.uint64).reshape(len(rows), self.width)
        order = np.argsort(rows[:, 0], kind="stable")
        rows, values = rows[order], values[order]
        at = np.searchsorted(self._hi, rows[:, 0])
        self._hi = np.insert(self._hi, at, rows[:, 0])
        self._lo = np.insert(self._lo, at, rows[:, 1])
        self._values = np.insert(self._values, at, values, axis=0)
        self._pending = {}
