"""The live-source options of `ingest` and `watch`, and the glue from the web reader to
the store (the same `ingest_items` path as files). docs/sources.md."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from sectorwatch.ingest.options import ReadOptions
    from sectorwatch.ingest.web import Source
    from sectorwatch.scale.progress import IngestCounts
    from sectorwatch.scale.workers import ScaleOptions

FEED = typer.Option(None, "--feed", help="An RSS or Atom feed URL; its items are read (repeat).")
SITEMAP = typer.Option(None, "--sitemap", help="A sitemap or sitemap index URL (repeat).")
FEEDS = typer.Option(
    None, "--feeds", help="A file of feed URLs, one a line ('sitemap URL' for a sitemap)."
)
URL_SCHEMES = ("http://", "https://")


def is_url(value: str) -> bool:
    """A command-line input that names a web page rather than a file: `scheme://...`."""
    head, sep, _ = value.partition("://")
    return bool(sep) and head.isascii() and head.isalpha() and not Path(value).exists()


def feeds_file(path: str) -> list[Source]:
    """Feeds (and `sitemap URL` lines) of a file; `#` starts a comment. ValueError names
    the line that is not an http(s) URL."""
    from sectorwatch.ingest.web import Source

    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ValueError(f"--feeds: cannot read {path} ({exc})") from exc
    sources: list[Source] = []
    for number, line in enumerate(text.splitlines(), 1):
        words = line.split("#", 1)[0].split()
        if not words:
            continue
        kind = "feed"
        if len(words) == 2 and words[0].lower() in ("feed", "sitemap"):
            kind, words = words[0].lower(), words[1:]
        if len(words) != 1 or not words[0].lower().startswith(URL_SCHEMES):
            raise ValueError(f"{path}:{number}: not an http or https URL: {line.strip()!r}")
        sources.append(Source(kind, words[0]))  # type: ignore[arg-type]
    return sources


def split_inputs(
    paths: Sequence[str] | None,
    feed: Sequence[str] | None,
    sitemap: Sequence[str] | None,
    feeds: str | None,
) -> tuple[list[str], list[Source]]:
    """(local paths, web sources) of the command line; a bad one is exit 2."""
    from sectorwatch.cli._store_options import bad_usage
    from sectorwatch.ingest.web import Source

    local = [p for p in paths or [] if not is_url(p)]
    sources = [Source("page", p) for p in paths or [] if is_url(p)]
    sources += [Source("feed", u) for u in feed or []]
    sources += [Source("sitemap", u) for u in sitemap or []]
    if feeds:
        try:
            sources += feeds_file(feeds)
        except ValueError as exc:
            bad_usage(exc)
    if not local and not sources:
        what = (
            f"{feeds} lists no feeds"
            if feeds
            else "give PATH..., URL..., --feed, --sitemap or --feeds"
        )
        bad_usage(ValueError(what))
    return local, sources


def stored_sources(engine: Engine, urls: list[str]) -> set[str]:
    """Which of `urls` are the source of a stored article."""
    from sectorwatch.store.reads import stored_sources as ask

    with engine.connect() as conn:
        return ask(conn, urls)


def ingest_with_web(
    paths: Sequence[str],
    sources: Iterable[Source],
    db_url: str,
    read_options: ReadOptions,
    options: ScaleOptions,
    silent: bool,
) -> IngestCounts:
    """`ingest` with URLs, feeds or sitemaps: files first, then the web, one store path."""
    from itertools import chain

    from sectorwatch.ingest.paths import read_paths
    from sectorwatch.ingest.web import WebOptions, read_web
    from sectorwatch.ingest.web.fetch import Fetcher
    from sectorwatch.scale.progress import IngestProgress
    from sectorwatch.scale.workers import ingest_items, worker_pool
    from sectorwatch.store.db import open_store

    with worker_pool(options) as pool:  # the workers load spaCy while the store opens
        store = open_store(db_url)
        try:
            fetcher = Fetcher(WebOptions.from_settings())
            items = chain(read_paths(list(paths), read_options), read_web(list(sources), fetcher))
            progress = IngestProgress(silent=silent, total=options.stop_after)
            return ingest_items(items, store, options, progress, pool)
        finally:
            store.dispose()
