"""`sectorwatch watch`: keep the store current from feeds and sitemaps (docs/sources.md)."""

from __future__ import annotations

import signal
import threading
from dataclasses import replace
from datetime import UTC, datetime
from types import FrameType

import typer

from sectorwatch.cli import _web as web
from sectorwatch.cli._store_options import DB


def watch(
    feeds: str | None = typer.Option(
        None, "--feeds", help="File of feed URLs, one a line (default SECTORWATCH_WATCH_FEEDS)."
    ),
    feed: list[str] | None = web.FEED,
    sitemap: list[str] | None = web.SITEMAP,
    interval: float | None = typer.Option(
        None, "--interval", min=1, help="Seconds between rounds (SECTORWATCH_WATCH_INTERVAL)."
    ),
    once: bool = typer.Option(False, "--once", help="One round, then exit (cron, timers)."),
    rounds: int | None = typer.Option(None, "--rounds", min=1, help="Stop after N rounds."),
    state_file: str | None = typer.Option(
        None, "--state", help="State file (default SECTORWATCH_WATCH_STATE)."
    ),
    db: str | None = DB,
) -> None:
    """Re-read feeds and sitemaps every interval and store only the new articles."""
    from sectorwatch.cli._store_options import bad_usage, fail
    from sectorwatch.errors import SectorwatchError
    from sectorwatch.ingest.web.options import WebOptions
    from sectorwatch.ingest.web.state import StateError, WatchState
    from sectorwatch.ingest.web.watch import Round
    from sectorwatch.ingest.web.watch import watch as run
    from sectorwatch.settings import Settings

    settings = Settings.from_env()
    feeds = feeds or settings.watch_feeds
    if not (feed or sitemap or feeds):
        bad_usage(ValueError("give --feeds FILE (or SECTORWATCH_WATCH_FEEDS), --feed or --sitemap"))
    _, sources = web.split_inputs(None, feed, sitemap, feeds)
    try:
        state = WatchState.load(state_file or settings.watch_state)
    except StateError as exc:
        fail(ValueError(f"error: {exc}; move it away to start afresh"))
    options = WebOptions.from_settings(settings)
    if not options.contact:
        typer.echo(
            "note: set SECTORWATCH_WEB_CONTACT (an e-mail or URL) so site owners can reach you",
            err=True,
        )
    try:
        store, ingest = _store_path(db or settings.db, settings)
    except SectorwatchError as exc:
        fail(exc)
    stop = threading.Event()
    options = replace(options, sleep=stop.wait)  # a stop cuts short any retry or host wait
    failed = [False]

    def log(result: Round) -> None:
        for outcome, source, reason in result.counts.reasons:
            typer.echo(f"{outcome} {source}: {reason}", err=True)
        stamp = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        typer.echo(f"{stamp} {result.line()}", err=True)
        failed[0] = failed[0] or bool(result.counts.failed)

    previous = _on_signals(stop)
    try:
        done = run(
            sources,
            options,
            state,
            ingest,
            interval=interval or settings.watch_interval,
            rounds=1 if once else rounds,
            known=lambda urls: web.stored_sources(store, urls),
            stop=stop,
            log=log,
        )
    except KeyboardInterrupt:  # a second Ctrl-C: the batch in hand is rolled back
        typer.echo(
            "stopped at once; the store is consistent (the batch in hand was not written)",
            err=True,
        )
        raise typer.Exit(130) from None
    finally:
        _restore(previous)
        store.dispose()
    if stop.is_set():
        typer.echo(f"stopped after {len(done)} round(s); the store is consistent", err=True)
    elif (once or rounds) and failed[0]:
        raise typer.Exit(1)


def _store_path(db_url: str, settings):  # type: ignore[no-untyped-def]
    from sectorwatch.scale.progress import IngestProgress
    from sectorwatch.scale.workers import ScaleOptions, ingest_items
    from sectorwatch.store.db import open_store

    store = open_store(db_url)
    options = ScaleOptions(
        workers=settings.workers, batch_size=settings.batch_size, model=settings.model
    )

    def ingest(items):  # type: ignore[no-untyped-def]
        return ingest_items(items, store, options, IngestProgress(silent=True))

    return store, ingest


def _on_signals(stop: threading.Event) -> dict[int, object]:
    """Ctrl-C or SIGTERM: finish the article in hand, then stop. A second one: stop now
    (the store's transactions keep it consistent either way)."""

    def handler(signum: int, frame: FrameType | None) -> None:
        if stop.is_set():
            raise KeyboardInterrupt
        stop.set()
        typer.echo(f"stopping ({signal.Signals(signum).name}) ...", err=True)

    previous: dict[int, object] = {}
    for sig in (signal.SIGINT, signal.SIGTERM):
        previous[sig] = signal.signal(sig, handler)
    return previous


def _restore(previous: dict[int, object]) -> None:
    for sig, handler in previous.items():
        signal.signal(sig, handler)  # type: ignore[arg-type]


def register(app: typer.Typer) -> None:
    app.command()(watch)
