"""The real-text corpus (../shared/corpus/*.jsonl) repeated under new ids to reach a benchmark size.

Texts are used as they are, from where they are: this module reads them and
writes the repeated corpus to a scratch folder, never into the project.
Repetition ``k`` of article ``a05`` gets the id ``r00000k-a05``.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterator
from pathlib import Path

from bench import JsonRecord, write_jsonl

# The shared folder sits beside the project: <parent>/main (this repo) and <parent>/shared.
DEFAULT_SHARED = Path(__file__).resolve().parents[1].parent / "shared"
DEFAULT_CORPUS = DEFAULT_SHARED / "corpus"


def load_corpus(corpus_dir: Path = DEFAULT_CORPUS) -> list[JsonRecord]:
    """Every article of the JSONL files in `corpus_dir`, in file then line order."""
    paths = sorted(corpus_dir.glob("*.jsonl"))
    if not paths:
        raise FileNotFoundError(f"no *.jsonl files in {corpus_dir} (pass --corpus to point at the corpus)")
    records: list[JsonRecord] = []
    for path in paths:
        with path.open(encoding="utf-8") as fh:
            for number, line in enumerate(fh, start=1):
                if not line.strip():
                    continue
                try:
                    records.append(json.loads(line))
                except json.JSONDecodeError as exc:
                    raise ValueError(f"{path}:{number}: not a JSON record ({exc.msg})") from exc
    return records


def repeated_id(repetition: int, original_id: object) -> str:
    """The id of one repetition of an article.

    >>> repeated_id(123, "a05")
    'r000123-a05'
    """
    return f"r{repetition:06d}-{original_id}"


def repeat_corpus(n: int, articles: list[JsonRecord]) -> Iterator[JsonRecord]:
    """Stream `n` articles: the given ones cycled in order, each under the id of its repetition."""
    if not articles and n > 0:
        raise ValueError("cannot repeat an empty corpus")
    for index in range(n):
        repetition, position = divmod(index, len(articles))
        original = articles[position]
        yield {**original, "id": repeated_id(repetition, original.get("id", position))}


def write_real_corpus(
    n: int, folder: Path, *, corpus_dir: Path = DEFAULT_CORPUS, chunk_size: int = 1000
) -> list[Path]:
    """Write `n` articles of the repeated real corpus as JSONL files under `folder`."""
    records = repeat_corpus(n, load_corpus(corpus_dir))
    return write_jsonl(records, folder, prefix="real", chunk_size=chunk_size)


def main(argv: list[str] | None = None) -> None:
    """`python -m bench.realcorpus N FOLDER`: write the repeated real corpus to a scratch folder."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, help="number of articles")
    parser.add_argument("folder", type=Path, help="where to write the JSONL files (outside the project)")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="folder of the real *.jsonl")
    parser.add_argument("--chunk-size", type=int, default=1000, help="articles per file")
    args = parser.parse_args(argv)
    paths = write_real_corpus(args.n, args.folder, corpus_dir=args.corpus, chunk_size=args.chunk_size)
    print(f"wrote {args.n} real-corpus articles in {len(paths)} files under {args.folder}")


if __name__ == "__main__":
    main()
