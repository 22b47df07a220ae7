"""Paths -> extractions, streaming: read_paths -> Extractor.extract_many, with failures
passed through in order, so a caller can report them as they come (what `sectorwatch
extract` does). An article whose extraction raises is a failure too ("extraction failed:
..."), and the batch goes on. Memory stays bounded by spaCy's batch, not by the size of
the corpus. A text file that opens with a header block (`URL:`, `DATE:` ...) is read from
the text after it (see `sectorwatch.extract.headers`)."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from sectorwatch.extract.headers import without_header
from sectorwatch.ingest import ReadFailure, ReadOptions, read_paths
from sectorwatch.model import Article, Extraction


@dataclass
class BatchCounts:
    """What happened to the inputs: articles read, inputs skipped, inputs failed."""

    read: int = 0
    skipped: int = 0
    failed: int = 0
    encodings: dict[str, int] = field(default_factory=dict)

    def summary(self) -> str:
        return f"{self.read} read, {self.skipped} skipped, {self.failed} failed"

    def count(self, item: Extraction | ReadFailure) -> None:
        if isinstance(item, ReadFailure):
            if item.outcome == "skipped":
                self.skipped += 1
            else:
                self.failed += 1
        else:
            self.read += 1


def extraction_failure(article: Article, exc: Exception) -> ReadFailure:
    """An article whose extraction raised, as a failure with its source and reason."""
    from sectorwatch.extract.budget import OverBudget

    if isinstance(exc, OverBudget):
        return ReadFailure(article.source, str(exc), "failed")
    return ReadFailure(article.source, f"extraction failed: {type(exc).__name__}: {exc}", "failed")


def read_articles(
    paths: Iterable[str], options: ReadOptions | None = None
) -> Iterator[Article | ReadFailure]:
    """`read_paths`, each article read from the text after its header block, if any (what
    `extract` reads, in one process or in workers)."""
    for item in read_paths(paths, options):
        yield item if isinstance(item, ReadFailure) else without_header(item)


def extract_paths(
    paths: Iterable[str],
    extractor,  # type: ignore[no-untyped-def]  # sectorwatch.extract.Extractor
    options: ReadOptions | None = None,
) -> Iterator[Extraction | ReadFailure]:
    """Each article's Extraction, and each input that gave no article (or whose extraction
    raised), in input order (a failure may come out a few articles early, while spaCy fills
    a batch)."""
    failures: deque[ReadFailure] = deque()

    def articles() -> Iterator[Article]:
        for item in read_articles(paths, options):
            if isinstance(item, ReadFailure):
                failures.append(item)
            else:
                yield item

    def failed(article: Article, exc: Exception) -> None:
        failures.append(extraction_failure(article, exc))

    for extraction in extractor.extract_many(articles(), on_error=failed):
        while failures:
            yield failures.popleft()
        yield extraction
    while failures:
        yield failures.popleft()
