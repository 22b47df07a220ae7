"""`sectorwatch ingest --workers N`: N processes extract, one writer stores.

    reader (parent) --batches--> N worker processes --extractions--> writer (parent) --> store

- Each worker process loads its own spaCy pipeline once (`worker_extractor`, cached per
  process, loaded by the pool's initializer) and turns a unit of articles into extractions
  (`process_batch`). The MinHash signatures used for near-duplicates are made in the parent
  as each batch comes back (about 1 ms an article), so a worker never imports datasketch
  (0.6 s of CPU each, most of it `scipy.integrate`) nor SQLAlchemy.
- Work goes out in small units (`unit_size`, 8 articles), not whole store batches, so a
  small corpus still keeps every worker busy to the end; the units of a store batch are
  put back together, in order, before it is written. spaCy parses 16 articles at a time
  (`SPACY_BATCH`: the same output as 64, about half the memory; BENCHMARKS.md).
- Memory is bounded: at most `4 * workers` units are in flight; the reader is pulled
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
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from sectorwatch.dedup.minhash import DedupOptions, signatures_for
from sectorwatch.extract.batch import extraction_failure
from sectorwatch.ingest import ReadFailure
from sectorwatch.model import Article, Extraction
from sectorwatch.scale.progress import IngestCounts, IngestProgress

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from sectorwatch.extract import Extractor


SPACY_BATCH = 16
"""Articles per `nlp.pipe` batch in a worker and in `extract`: byte-identical output to 64
with about half the peak memory (BENCHMARKS.md, Extraction speed)."""
UNIT_SIZE = 8
"""Articles per unit of work sent to a worker process."""


@dataclass(frozen=True)
class ScaleOptions:
    """How an ingest runs: processes, batch size, a sample limit, near-duplicates."""

    workers: int = 1
    batch_size: int = 64
    """Articles per store transaction."""
    unit_size: int = UNIT_SIZE
    """Articles per unit sent to a worker (with workers > 1)."""
    spacy_batch: int = SPACY_BATCH
    stop_after: int | None = None
    """Stop after this many articles have been read (filtered pages do not count)."""
    model: str = "en_core_web_sm"
    dedup: bool = True
    dedup_options: DedupOptions = field(default_factory=DedupOptions)
    in_flight_per_worker: int = 4
    extractor_version: str | None = None
    """The version a stored article must have to count as unchanged (default: this
    package's extractor)."""


# ---------------------------------------------------------------- worker side

_EXTRACTORS: dict[tuple[int, str, int], Extractor] = {}


def worker_extractor(model: str = "en_core_web_sm", batch_size: int = SPACY_BATCH) -> Extractor:
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
    batch_size: int = SPACY_BATCH,
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
        signatures_for([e.article for e in extractions], dedup) if dedup is not None else []
    )
    return BatchOutput(extractions, signatures, failures)


def _init_worker(model: str, batch_size: int) -> None:
    worker_extractor(model, batch_size)


def _units(batches: Iterable[list[Article]], size: int) -> Iterator[tuple[list[Article], bool]]:
    """Each batch cut into units of `size` articles; True marks a batch's last unit."""
    for batch in batches:
        starts = range(0, len(batch), max(1, size))
        for start in starts:
            yield batch[start : start + size], start == starts[-1]


def _merge(parts: list[BatchOutput]) -> BatchOutput:
    return BatchOutput(
        [e for p in parts for e in p.extractions],
        [s for p in parts for s in p.signatures],
        [f for p in parts for f in p.failures],
    )


def _pool(options: ScaleOptions) -> Any:
    """`options.workers` processes (spawned: no state forked from this one), each loading
    the pipeline once, before its first unit."""
    import multiprocessing

    context = multiprocessing.get_context("spawn")
    return context.Pool(
        options.workers, initializer=_init_worker, initargs=(options.model, options.spacy_batch)
    )


@contextmanager
def worker_pool(options: ScaleOptions) -> Iterator[Any | None]:
    """The worker processes of `options` (None with one worker), started now: a caller
    that opens this before the store and the near-duplicate index lets the workers load
    their pipelines meanwhile, instead of after the first batch has been read."""
    if options.workers <= 1:
        yield None
        return
    with _pool(options) as pool:
        yield pool


def run_batches(
    batches: Iterable[list[Article]], options: ScaleOptions, pool: Any | None = None
) -> Iterator[BatchOutput]:
    """Extract batches in `options.workers` processes (`pool`, from `worker_pool`, or one
    started here), sent in units of `options.unit_size`; one output per batch, in input
    order."""
    dedup = options.dedup_options if options.dedup else None
    args = (options.model, options.spacy_batch, dedup)
    if options.workers <= 1:
        for batch in batches:
            yield extract_batch(batch, *args)
        return
    if pool is None:
        with worker_pool(options) as started:
            yield from run_batches(batches, options, started)
        return
    unit_args = (options.model, options.spacy_batch, None)  # signatures: made below
    limit = options.workers * options.in_flight_per_worker
    pending: deque[tuple[Any, bool]] = deque()
    parts: list[BatchOutput] = []

    def collect() -> Iterator[BatchOutput]:
        result, last = pending.popleft()
        parts.append(result.get())
        if last:
            merged = _merge(parts)
            if dedup is not None:  # here, so that a worker never imports datasketch
                merged.signatures = signatures_for([e.article for e in merged.extractions], dedup)
            yield merged
            parts.clear()

    for unit, last in _units(batches, options.unit_size):
        pending.append((pool.apply_async(extract_batch, (unit, *unit_args)), last))
        while len(pending) >= limit:
            yield from collect()
    while pending:
        yield from collect()


def extract_in_workers(
    items: Iterable[Article | ReadFailure],
    workers: int,
    model: str = "en_core_web_sm",
    unit_size: int = UNIT_SIZE,
    spacy_batch: int = SPACY_BATCH,
) -> Iterator[Extraction | ReadFailure]:
    """`sectorwatch extract --workers N`: each article's Extraction and each input that gave
    none (or whose extraction raised), in input order (a failure may come out a few
    articles early, as with one process), with the articles extracted by `workers`
    processes in units of `unit_size`."""
    options = ScaleOptions(
        workers=workers, model=model, unit_size=unit_size, spacy_batch=spacy_batch
    )
    limit = workers * options.in_flight_per_worker
    with _pool(options) as pool:
        pending: deque[Any] = deque()  # ReadFailure, or a unit's result

        def collect() -> Iterator[Extraction | ReadFailure]:
            head = pending.popleft()
            if isinstance(head, ReadFailure):
                yield head
                return
            output: BatchOutput = head.get()
            yield from output.failures
            yield from output.extractions

        unit: list[Article] = []
        for item in items:
            if isinstance(item, ReadFailure):
                pending.append(item)
            else:
                unit.append(item)
                if len(unit) >= unit_size:
                    pending.append(
                        pool.apply_async(extract_batch, (unit, model, spacy_batch, None))
                    )
                    unit = []
            while len(pending) >= limit:
                yield from collect()
        if unit:
            pending.append(pool.apply_async(extract_batch, (unit, model, spacy_batch, None)))
        while pending:
            yield from collect()


# ---------------------------------------------------------------- parent side


def extractor_identity(options: ScaleOptions) -> tuple[str, str]:
    """(extractor name, version) that stored articles are compared with."""
    if options.extractor_version is not None:
        return "sectorwatch", options.extractor_version
    from sectorwatch.extract.pipeline import EXTRACTOR_NAME, EXTRACTOR_VERSION

    return EXTRACTOR_NAME, EXTRACTOR_VERSION


def stored_ids(engine: Engine, ids: list[str], extractor: str, version: str) -> set[str]:
    """Which of `ids` the store already holds from this extractor version."""
    from sectorwatch.store.reads import articles_extracted_by

    if not ids:
        return set()
    with engine.connect() as conn:
        return articles_extracted_by(conn, ids, extractor, version)


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
    pool: Any | None = None,
) -> IngestCounts:
    """Extract and store every article of `items`; the library call behind
    `sectorwatch ingest`. Returns the closing counts. `pool`: workers already started
    (`worker_pool`); without it, they start when the first batch is ready."""
    from sectorwatch.errors import StoreWriteError
    from sectorwatch.store import write_batch
    from sectorwatch.store.duplicates import load_index, save_links, signature_rows

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
        for output in run_batches(batches, options, pool):
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
