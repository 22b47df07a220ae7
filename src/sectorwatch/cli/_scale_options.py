"""The scale options of `sectorwatch ingest` and the run behind them (docs/scale.md)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from sectorwatch.scale.progress import IngestCounts

WORKERS = typer.Option(
    None, "--workers", "-w", help="Processes, each with its own pipeline (SECTORWATCH_WORKERS)."
)
ENGINE = typer.Option("local", "--engine", help="local (this machine) or dask (a cluster).")
SCHEDULER = typer.Option(
    None, "--scheduler", help="Dask scheduler for --engine dask, e.g. tcp://10.0.0.5:8786."
)
SILENT = typer.Option(False, "--silent", help="No progress bar.")
STOP_AFTER = typer.Option(
    None, "--stop-after", help="Stop after reading this many articles (try a sample first)."
)
DOMAINS = typer.Option(
    None, "--domains", help="WARC: keep pages of these domains (a file, or a comma list)."
)
KEYWORDS = typer.Option(
    None, "--keywords", help='WARC: keep pages with keywords: "health" (packaged) or a file.'
)
NO_DEDUP = typer.Option(False, "--no-dedup", help="Do not link near-duplicate articles.")


def run_ingest(
    paths: list[str],
    db: str | None,
    batch_size: int | None,
    as_json: bool,
    workers: int | None,
    engine: str,
    scheduler: str | None,
    silent: bool,
    stop_after: int | None,
    domains: str | None,
    keywords: str | None,
    no_dedup: bool,
    web_sources: list | None = None,
) -> None:
    """The one ingest: sectorwatch.scale.ingest_paths (write_batch, near-duplicates,
    resumable). Progress and per-input lines go to standard error; standard output carries
    only the closing count, as a line or (`--json`) as JSON. Exit 1 when anything failed."""
    from sqlalchemy.exc import SQLAlchemyError

    from sectorwatch.cli._store_options import bad_usage, fail
    from sectorwatch.errors import SectorwatchError, StoreWriteError
    from sectorwatch.ingest.options import ReadOptions
    from sectorwatch.scale import ENGINES, IngestCounts, ingest_paths, warc_filters
    from sectorwatch.scale.workers import ScaleOptions
    from sectorwatch.settings import Settings
    from sectorwatch.store.writer import store_fault

    if engine not in ENGINES:
        raise typer.BadParameter(f"choose one of {', '.join(ENGINES)}", param_hint="--engine")
    if engine == "dask" and not scheduler:
        raise typer.BadParameter(
            "--engine dask needs the scheduler address, e.g. tcp://host:8786",
            param_hint="--scheduler",
        )
    if web_sources and engine != "local":
        bad_usage(ValueError("--engine: URLs, --feed, --sitemap and --feeds need --engine local"))
    try:
        warc = warc_filters(domains, keywords)
    except OSError as exc:
        bad_usage(ValueError(f"--keywords or --domains: cannot read {exc.filename}"))
    settings = Settings.from_env()
    options = ScaleOptions(
        workers=workers or settings.workers,
        batch_size=batch_size or settings.batch_size,
        stop_after=stop_after,
        model=settings.model,
        dedup=not no_dedup,
    )
    read_options = ReadOptions(max_bytes=settings.max_bytes, warc=warc)
    try:
        if web_sources:  # pages, feeds, sitemaps: docs/sources.md
            from sectorwatch.cli._web import ingest_with_web

            counts = ingest_with_web(
                paths, web_sources, db or settings.db, read_options, options, silent
            )
        else:
            counts = ingest_paths(
                paths, db or settings.db, read_options, options, engine, scheduler, silent
            )
    except StoreWriteError as exc:  # stopped: what was done so far, then the error
        if not isinstance(exc.counts, IngestCounts):
            fail(exc)
        _report(exc.counts, as_json)
        fail(StoreWriteError(f"{exc.message}; stopped after {exc.counts.summary()}"))
    except SectorwatchError as exc:
        fail(exc)
    except SQLAlchemyError as exc:  # the store failed outside a batch write
        fail(store_fault(exc))
    except OSError as exc:  # e.g. a Dask scheduler that cannot be reached
        fail(ValueError(f"error: {exc}"))
    _report(counts, as_json)
    if counts.failed:
        raise typer.Exit(1)


def _report(counts: IngestCounts, as_json: bool) -> None:
    """Each skipped and failed input on standard error, the closing count on standard
    output."""
    for outcome, source, reason in counts.reasons:
        typer.echo(f"{outcome} {source}: {reason}", err=True)
    for source, warning in counts.warnings:
        typer.echo(f"warning {source}: {warning}", err=True)
    if as_json:
        typer.echo(json.dumps(counts.as_dict(), indent=2, ensure_ascii=False))
    else:
        typer.echo(counts.summary())
