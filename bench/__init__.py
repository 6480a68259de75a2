"""aidtracker's benchmark: corpora at any size, ingest and query timings, peak memory."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path

JsonRecord = dict[str, object]


def write_jsonl(
    records: Iterable[JsonRecord], folder: Path, *, prefix: str, chunk_size: int = 1000
) -> list[Path]:
    """Write records as JSONL files of `chunk_size` lines each under `folder`; return the paths.

    Records are consumed as a stream, so a corpus of any size needs the memory of one chunk.
    Several files (not one big one) let a pipeline that parallelizes by file use every core.
    """
    if chunk_size < 1:
        raise ValueError(f"chunk_size must be at least 1, not {chunk_size}")
    folder.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    stream: Iterator[JsonRecord] = iter(records)
    while chunk := list(islice(stream, chunk_size)):
        path = folder / f"{prefix}-{len(paths):05d}.jsonl"
        with path.open("w", encoding="utf-8") as fh:
            fh.writelines(json.dumps(rec, ensure_ascii=False) + "\n" for rec in chunk)
        paths.append(path)
    return paths


def text_bytes(records: Iterable[JsonRecord]) -> int:
    """UTF-8 size of the title and text of the records: the 'MB of text' a throughput is per.

    >>> text_bytes([{"title": "Aid", "text": "né"}])
    6
    """
    total = 0
    for rec in records:
        for key in ("title", "text"):
            value = rec.get(key)
            if isinstance(value, str):
                total += len(value.encode("utf-8"))
    return total
