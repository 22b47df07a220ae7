"""Scale: parallel ingest on one machine, a Dask engine beyond it (near-duplicates are
`sectorwatch.dedup`, stored by `sectorwatch.store.duplicates`).

`ingest_paths` is the library call behind `sectorwatch ingest`'s scale options
(`--workers`, `--engine dask --scheduler`, `--silent`, `--stop-after`, `--domains`,
`--keywords`); see docs/scale.md.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from sectorwatch.ingest.options import ReadOptions
from sectorwatch.scale.progress import IngestCounts, IngestProgress
from sectorwatch.scale.workers import ScaleOptions

ENGINES = ("local", "dask")


def warc_filters(
    domains: str | None = None, keywords: str | None = None, min_keyword_hits: int = 2
) -> object:
    """WarcOptions from the CLI's values: `domains` a file (one per line) or a comma list;
    `keywords` "health" (the packaged list) or a file."""
    from sectorwatch.ingest.warc import WarcOptions, health_keywords, load_word_list

    domain_set = None
    if domains:
        names = load_word_list(domains) if Path(domains).is_file() else domains.split(",")
        domain_set = frozenset(n.strip().lower().strip(".") for n in names if n.strip())
    words = None
    if keywords:
        words = health_keywords() if keywords == "health" else load_word_list(keywords)
    return WarcOptions(domains=domain_set, keywords=words, min_keyword_hits=min_keyword_hits)


def ingest_paths(
    paths: Iterable[str],
    db_url: str,
    read_options: ReadOptions | None = None,
    options: ScaleOptions = ScaleOptions(),
    engine: str = "local",
    scheduler: str | None = None,
    silent: bool = False,
) -> IngestCounts:
    """Read, extract and store `paths` into the database at `db_url`; the closing counts.

    engine "local": `options.workers` processes on this machine, one writer.
    engine "dask": the partitions (files) on the Dask cluster at `scheduler`.
    """
    read_options = read_options or ReadOptions()
    progress = IngestProgress(silent=silent, total=options.stop_after)
    if engine == "dask":
        from sectorwatch.scale.dask_engine import ingest_with_dask

        if not scheduler:
            raise ValueError("--engine dask needs --scheduler ADDRESS (tcp://host:8786)")
        return ingest_with_dask(paths, db_url, scheduler, read_options, options, progress)
    if engine != "local":
        raise ValueError(f"unknown engine {engine!r}: choose one of {', '.join(ENGINES)}")
    from sectorwatch.ingest.paths import read_paths
    from sectorwatch.scale.workers import ingest_items, worker_pool
    from sectorwatch.store.db import open_store

    with worker_pool(options) as pool:  # the workers load spaCy while the store opens
        store = open_store(db_url)
        try:
            items = read_paths(list(paths), read_options)
            return ingest_items(items, store, options, progress, pool)
        finally:
            store.dispose()


__all__ = ["ENGINES", "IngestCounts", "ScaleOptions", "ingest_paths", "warc_filters"]
