"""Read, extract and store: the library function behind `sectorwatch ingest`.

Articles stream from `sectorwatch.ingest.read_paths` through `Extractor.extract_many` into
`write_batch`, `batch_size` articles per transaction. Every input ends in one count:
ingested (new or replaced by a newer extractor), unchanged, skipped or failed, the last two
with their reasons.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sectorwatch.store.writer import BatchResult, write_batch

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from sectorwatch.model import Article, Extraction


@dataclass
class IngestResult:
    ingested: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (source or id, reason)
    failed: list[tuple[str, str]] = field(default_factory=list)

    def add_batch(self, batch: BatchResult) -> None:
        self.ingested += batch.ingested + batch.replaced
        self.unchanged += batch.unchanged
        self.skipped += batch.skipped

    def summary(self) -> str:
        return (
            f"ingested {len(self.ingested)}, unchanged {len(self.unchanged)}, "
            f"skipped {len(self.skipped)}, failed {len(self.failed)}"
        )


def batched(items: Iterable[Extraction], size: int) -> Iterator[list[Extraction]]:
    batch: list[Extraction] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def store_extractions(
    engine: Engine, extractions: Iterable[Extraction], batch_size: int = 64
) -> IngestResult:
    """Store already-extracted articles, one transaction per batch."""
    result = IngestResult()
    for batch in batched(extractions, batch_size):
        result.add_batch(write_batch(engine, batch))
    return result


def ingest_paths(
    paths: list[str], engine: Engine, *, model: str = "en_core_web_sm", batch_size: int = 64
) -> IngestResult:
    """Read `paths` (files, folders or "-"), extract and store every article."""
    from sectorwatch.extract import Extractor
    from sectorwatch.ingest import ReadFailure, read_paths

    result = IngestResult()

    def articles() -> Iterator[Article]:
        for item in read_paths(paths):
            if isinstance(item, ReadFailure):
                target = result.skipped if item.outcome == "skipped" else result.failed
                target.append((item.source, item.reason))
            else:
                yield item

    extractor = Extractor(model=model, batch_size=batch_size)
    for batch in batched(extractor.extract_many(articles()), batch_size):
        result.add_batch(write_batch(engine, batch))
    return result
