"""`sectorwatch ingest --engine dask --scheduler ADDRESS`: the same stages on a Dask cluster.

A corpus is cut into partitions, one per input file (a JSONL shard, a WARC or WARC.gz file,
or any file the ingest readers know). Each partition is one Dask task, run on whichever
worker is free:

    read the file -> skip articles already stored -> extract in batches -> write_batch

The spaCy pipeline is loaded once per worker process (a worker plugin warms the same
per-process cache that `--workers` uses), and each batch is one transaction in the shared
database, PostgreSQL in practice (`SECTORWATCH_DB=postgresql://...`), its articles' MinHash
signatures included. Tasks return only counts and the signatures of what they stored; the
client links near-duplicates in partition order, so the result does not depend on which
worker finished first.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from sectorwatch.ingest.options import ReadOptions
from sectorwatch.scale.progress import IngestCounts, IngestProgress
from sectorwatch.scale.workers import (
    ScaleOptions,
    extract_batch,
    extractor_identity,
    new_article_batches,
    stored_ids,
    worker_extractor,
)
from sectorwatch.store.duplicates import signature_rows

if TYPE_CHECKING:
    from sqlalchemy import Engine

WRITE_ATTEMPTS = 5
"""A batch that collides with another worker's transaction is retried this many times."""


@dataclass
class PartitionResult:
    partition: str
    counts: IngestCounts
    signatures: list[tuple[str, np.ndarray]] = field(default_factory=list)


def partitions_of(paths: Iterable[str]) -> list[str]:
    """The files under `paths` (folders walked in sorted order), one partition each."""
    found: list[str] = []
    for given in paths:
        if os.path.isdir(given):
            for root, dirs, files in os.walk(given):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                found += [os.path.join(root, f) for f in sorted(files) if not f.startswith(".")]
        else:
            found.append(given)
    return found


# ---------------------------------------------------------------- on a worker

_ENGINES: dict[tuple[int, str], Engine] = {}


def worker_engine(db_url: str) -> Engine:
    """This process's engine for `db_url` (created once; the schema is migrated by the
    client before any task runs)."""
    key = (os.getpid(), db_url)
    if key not in _ENGINES:
        from sectorwatch.store.db import create_store_engine

        _ENGINES[key] = create_store_engine(db_url)
    return _ENGINES[key]


MMAP_THRESHOLD = 32 * 1024 * 1024
"""glibc's largest dynamic mmap threshold (`mallopt`'s M_MMAP_THRESHOLD), bytes."""
_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD = -1, -3  # from <malloc.h>


def roomier_malloc() -> bool:
    """Undo, in this process, the `MALLOC_TRIM_THRESHOLD_=65536` that a Dask nanny gives the
    workers it starts (`distributed.nanny.pre-spawn-environ`): setting it also freezes
    glibc's mmap threshold at 128 KiB, so every larger array spaCy allocates is mapped and
    unmapped afresh, and extraction ran about a fifth slower (BENCHMARKS.md, 2026-12-03).
    Sets the mmap threshold to glibc's dynamic maximum and the trim threshold to twice it,
    as glibc's own adjustment would. Whether it could (glibc only)."""
    import ctypes
    import ctypes.util

    name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(name)
        mallopt = libc.mallopt
    except (OSError, AttributeError, TypeError):  # not glibc (macOS, musl without it)
        return False
    return bool(
        mallopt(_M_MMAP_THRESHOLD, MMAP_THRESHOLD)
        and mallopt(_M_TRIM_THRESHOLD, 2 * MMAP_THRESHOLD)
    )


def pipeline_loader(model: str, batch_size: int) -> Any:
    """A Dask worker plugin that loads the spaCy pipeline when a worker starts, so the
    first task does not pay for it (and a worker without the model fails at once), and
    gives the worker's allocator room (`roomier_malloc`)."""
    from distributed.diagnostics.plugin import WorkerPlugin

    class PipelineLoader(WorkerPlugin):
        name = "sectorwatch-pipeline"

        def setup(self, worker: Any) -> None:
            roomier_malloc()
            worker_extractor(model, batch_size)

    return PipelineLoader()


def _write(engine: Engine, extractions: list[Any], signatures: dict[str, Any]) -> Any:
    """write_batch, retried when a concurrent worker's transaction collides with it."""
    from sqlalchemy.exc import DBAPIError

    from sectorwatch.store import write_batch

    for attempt in range(1, WRITE_ATTEMPTS + 1):
        try:
            return write_batch(engine, extractions, signatures)
        except DBAPIError:
            if attempt == WRITE_ATTEMPTS:
                raise
            time.sleep(0.1 * 2**attempt)
    raise AssertionError("unreachable")


def ingest_partition(
    partition: str, db_url: str, read_options: ReadOptions, options: ScaleOptions
) -> PartitionResult:
    """Read, extract and store one partition; the task each Dask worker runs."""
    from sectorwatch.ingest.paths import read_paths

    engine = worker_engine(db_url)
    name, version = extractor_identity(options)
    counts = IngestCounts()
    result = PartitionResult(partition, counts)
    batches = new_article_batches(
        read_paths([partition], read_options),
        counts,
        lambda ids: stored_ids(engine, ids, name, version),
        options.batch_size,
    )
    dedup = options.dedup_options if options.dedup else None
    for batch in batches:
        output = extract_batch(batch, options.model, options.spacy_batch, dedup)
        signatures = signature_rows(output.signatures, options.dedup_options)
        stored = counts.record(output.failures, _write(engine, output.extractions, signatures))
        result.signatures += [(i, s) for i, s in output.signatures if i in stored]
    return result


# ---------------------------------------------------------------- on the client


def ingest_with_dask(
    paths: Iterable[str],
    db_url: str,
    scheduler: str,
    read_options: ReadOptions | None = None,
    options: ScaleOptions = ScaleOptions(),
    progress: IngestProgress | None = None,
) -> IngestCounts:
    """Ingest `paths` on the Dask cluster at `scheduler` (e.g. tcp://10.0.0.5:8786) into
    the database at `db_url`. Returns the closing counts of all partitions together."""
    from dask.distributed import Client, as_completed

    from sectorwatch.store.db import open_store
    from sectorwatch.store.duplicates import load_index, save_links

    if options.stop_after is not None:
        raise ValueError("--stop-after is not supported with --engine dask; try it locally")
    read_options = read_options or ReadOptions()
    engine = open_store(db_url)  # migrate once, before any worker writes
    index = load_index(engine, options.dedup_options) if options.dedup else None
    partitions = partitions_of(paths)
    counts = IngestCounts()
    progress = progress or IngestProgress(silent=True)
    with Client(scheduler) as client, progress:
        client.register_plugin(pipeline_loader(options.model, options.spacy_batch))
        futures = client.map(
            ingest_partition,
            partitions,
            db_url=db_url,
            read_options=read_options,
            options=options,
            pure=False,
        )
        order = {f.key: n for n, f in enumerate(futures)}
        waiting: dict[int, PartitionResult] = {}
        next_to_link = 0
        for future in as_completed(futures):
            result: PartitionResult = future.result()
            future.release()
            counts.add(result.counts)
            waiting[order[future.key]] = result
            while next_to_link in waiting:  # link in partition order: first seen is stable
                done = waiting.pop(next_to_link)
                if index is not None:
                    links = index.link_all(done.signatures)
                    save_links(engine, links)
                    counts.duplicates += len(links)
                next_to_link += 1
            progress.update(counts)
    engine.dispose()
    return counts
