"""`sectorwatch ingest --workers N`: N processes extract, one writer stores.

    reader (parent) --batches--> N worker processes --extractions--> writer (parent) --> store

- Each worker process loads its own spaCy pipeline once (`worker_extractor`, cached per
  process) and turns a batch of articles into extractions (`process_batch`) plus the
  MinHash signatures used for near-duplicates.
- Memory is bounded: at most `2 * workers` batches are in flight; the reader is pulled
  only as fast as results come back.
- Results come back in input order and the parent alone writes them, one transaction per
  batch (`write_batch`, with the batch's signatures), so `--workers 2` stores exactly what
  `--workers 1` stores.
- Resumable: before an article is sent to a worker, the store is asked whether it already
  holds that article id (the content hash) from this extractor version; if so it is
  counted `unchanged` and not extracted again. An interrupted run loses at most the batches
  in flight, and a re-run continues where it stopped.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from sectorwatch.extract.batch import extraction_failure
from sectorwatch.ingest import ReadFailure
from sectorwatch.model import Article, Extraction
from sectorwatch.scale.dedup import DedupOptions, article_signature, signature_rows
from sectorwatch.scale.progress import IngestCounts, IngestProgress

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from sectorwatch.extract import Extractor


@dataclass(frozen=True)
class ScaleOptions:
    """How an ingest runs: processes, batch size, a sample limit, near-duplicates."""

    workers: int = 1
    batch_size: int = 64
    stop_after: int | None = None
    """Stop after this many articles have been read (filtered pages do not count)."""
    model: str = "en_core_web_sm"
    dedup: bool = True
    dedup_options: DedupOptions = field(default_factory=DedupOptions)
    in_flight_per_worker: int = 2
    extractor_version: str | None = None
    """The version a stored article must have to count as unchanged (default: this
    package's extractor)."""


# ---------------------------------------------------------------- worker side

_EXTRACTORS: dict[tuple[int, str, int], Extractor] = {}


def worker_extractor(model: str = "en_core_web_sm", batch_size: int = 64) -> Extractor:
    """This process's Extractor, loaded on first use (the key includes the process id, so a
    forked child never reuses its parent's)."""
    key = (os.getpid(), model, batch_size)
    if key not in _EXTRACTORS:
        from sectorwatch.extract import Extractor

        _EXTRACTORS[key] = Extractor(model=model, batch_size=batch_size)
    return _EXTRACTORS[key]


def process_batch(
    articles: list[Article],
    model: str = "en_core_web_sm",
    batch_size: int = 64,
    on_error: Callable[[Article, Exception], None] | None = None,
) -> list[Extraction]:
    """Extract a batch with this process's pipeline (Extractor.extract_many)."""
    return list(worker_extractor(model, batch_size).extract_many(articles, on_error=on_error))


@dataclass
class BatchOutput:
    """What a worker sends back for one batch, in the batch's order."""

    extractions: list[Extraction]
    signatures: list[tuple[str, np.ndarray]]
    failures: list[ReadFailure]


def extract_batch(
    articles: list[Article], model: str, batch_size: int, dedup: DedupOptions | None
) -> BatchOutput:
    """`process_batch` plus signatures. An article whose stages raise fails alone (the
    extractor's `on_error`); if spaCy itself breaks the batch, each article is retried alone
    so that only the one that breaks it fails, with its reason."""
    failures: list[ReadFailure] = []

    def failed(article: Article, exc: Exception) -> None:
        failures.append(extraction_failure(article, exc))

    try:
        extractions = process_batch(articles, model, batch_size, on_error=failed)
    except Exception:  # noqa: BLE001 - isolate the article that breaks spaCy's batch
        extractions, failures = [], []
        for article in articles:
            try:
                extractions += process_batch([article], model, batch_size, on_error=failed)
            except Exception as exc:  # noqa: BLE001
                failed(article, exc)
    signatures = (
        [(e.article.id, article_signature(e.article, dedup)) for e in extractions]
        if dedup is not None
        else []
    )
    return BatchOutput(extractions, signatures, failures)


def _init_worker(model: str, batch_size: int) -> None:
    worker_extractor(model, batch_size)


def run_batches(batches: Iterable[list[Article]], options: ScaleOptions) -> Iterator[BatchOutput]:
    """Extract batches in `options.workers` processes; outputs in input order."""
    dedup = options.dedup_options if options.dedup else None
    args = (options.model, options.batch_size, dedup)
    if options.workers <= 1:
        for batch in batches:
            yield extract_batch(batch, *args)
        return
    import multiprocessing

    context = multiprocessing.get_context("spawn")
    limit = options.workers * options.in_flight_per_worker
    with context.Pool(
        options.workers, initializer=_init_worker, initargs=(options.model, options.batch_size)
    ) as pool:
        pending: deque[Any] = deque()
        for batch in batches:
            pending.append(pool.apply_async(extract_batch, (batch, *args)))
            if len(pending) >= limit:
                yield pending.popleft().get()
        while pending:
            yield pending.popleft().get()


# ---------------------------------------------------------------- parent side


def extractor_identity(options: ScaleOptions) -> tuple[str, str]:
    """(extractor name, version) that stored articles are compared with."""
    if options.extractor_version is not None:
        return "sectorwatch", options.extractor_version
    from sectorwatch.extract.pipeline import EXTRACTOR_NAME, EXTRACTOR_VERSION

    return EXTRACTOR_NAME, EXTRACTOR_VERSION


def stored_ids(engine: Engine, ids: list[str], extractor: str, version: str) -> set[str]:
    """Which of `ids` the store already holds from this extractor version."""
    from sqlalchemy import select

    from sectorwatch.store.schema import articles

    if not ids:
        return set()
    query = select(articles.c.id).where(
        articles.c.id.in_(ids),
        articles.c.extractor == extractor,
        articles.c.extractor_version == version,
    )
    with engine.connect() as conn:
        return set(conn.execute(query).scalars())


def new_article_batches(
    items: Iterable[Article | ReadFailure],
    counts: IngestCounts,
    is_stored: Callable[[list[str]], set[str]],
    batch_size: int,
    stop_after: int | None = None,
) -> Iterator[list[Article]]:
    """Batches of articles not yet stored (nor already seen in this run). Failures and
    stored articles are counted on the way; reading stops after `stop_after` articles."""
    seen: set[str] = set()
    pending: list[Article] = []
    read = 0

    def flush() -> list[Article]:
        stored = is_stored([a.id for a in pending])
        fresh = []
        for article in pending:
            if article.id in stored or article.id in seen:
                counts.unchanged += 1
            else:
                seen.add(article.id)
                fresh.append(article)
        pending.clear()
        return fresh

    for item in items:
        if isinstance(item, ReadFailure):
            counts.note(item.outcome, item.source, item.reason)
            continue
        for warning in item.warnings:
            counts.warn(item.source, warning)
        pending.append(item)
        read += 1
        if len(pending) >= batch_size:
            fresh = flush()
            if fresh:
                yield fresh
        if stop_after is not None and read >= stop_after:
            break
    if pending:
        fresh = flush()
        if fresh:
            yield fresh


def ingest_items(
    items: Iterable[Article | ReadFailure],
    engine: Engine,
    options: ScaleOptions = ScaleOptions(),
    progress: IngestProgress | None = None,
) -> IngestCounts:
    """Extract and store every article of `items`; the library call behind
    `sectorwatch ingest`. Returns the closing counts."""
    from sectorwatch.errors import StoreWriteError
    from sectorwatch.scale.dedup import load_index, save_links
    from sectorwatch.store import write_batch

    name, version = extractor_identity(options)
    counts = IngestCounts()
    index = load_index(engine, options.dedup_options) if options.dedup else None
    batches = new_article_batches(
        items,
        counts,
        lambda ids: stored_ids(engine, ids, name, version),
        options.batch_size,
        options.stop_after,
    )
    progress = progress or IngestProgress(silent=True)
    with progress:
        for output in run_batches(batches, options):
            signatures = signature_rows(output.signatures, options.dedup_options)
            try:
                result = write_batch(engine, output.extractions, signatures)
            except StoreWriteError as exc:  # the CLI prints the counts so far with it
                exc.counts = counts
                raise
            written = counts.record(output.failures, result)
            if index is not None:
                links = index.link_all((i, s) for i, s in output.signatures if i in written)
                save_links(engine, links)
                counts.duplicates += len(links)
            progress.update(counts)
    return counts
