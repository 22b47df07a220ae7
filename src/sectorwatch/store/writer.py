"""Write extractions to the store: one batch, one transaction.

`write_batch(engine, extractions)` is the only way extracted facts enter the store. For each
article: the same id read by the same extractor version changes nothing; a newer version
replaces that article's extracted rows and nothing else (curated claims and judgements stay);
an older version is skipped. Killed mid-batch, the store is as it was before the batch.

A batch survives one bad article: when the batch's transaction fails for a reason of the
data (a value the database refuses, an article another ingest stored meanwhile), each
article is written again in its own transaction; one that still cannot be stored is
reported in `BatchResult.failed` as (source, reason) and the others are stored. A fault of
the store itself (a full disk, a locked or unreachable database) is not retried article
by article: it raises `StoreWriteError` (SW201), which says what went wrong.
The near-duplicate signatures of the articles written (`signatures`) go in the same
transaction, so an article is never stored without the signature it was sent with.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, and_, delete, select, update
from sqlalchemy.exc import IntegrityError, InterfaceError, OperationalError

from sectorwatch.errors import StoreWriteError
from sectorwatch.model import Extraction
from sectorwatch.store import fts, term_rows
from sectorwatch.store.facts import ArticleWriter, BatchState
from sectorwatch.store.judgements import rebuild_referents
from sectorwatch.store.resolve import Resolver
from sectorwatch.store.rows import PendingRows
from sectorwatch.store.schema import (
    PER_ARTICLE,
    article_signatures,
    articles,
    claims,
    evidence,
    quotes,
)

PAUSE_HOOK = "SECTORWATCH_TEST_PAUSE_IN_BATCH"
"""Tests only: "MARKER_PATH:SECONDS" -- after the first article of a batch is written, touch
MARKER_PATH and sleep, so a test can kill the process inside the transaction."""


@dataclass
class BatchResult:
    """What one batch did to each article, by article id."""

    ingested: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (article id, reason)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (source, reason)

    def merge(self, other: BatchResult) -> None:
        self.ingested += other.ingested
        self.replaced += other.replaced
        self.unchanged += other.unchanged
        self.skipped += other.skipped
        self.failed += other.failed


def version_key(version: str) -> tuple:
    return tuple(int(p) if p.isdigit() else p for p in version.replace("-", ".").split("."))


def write_batch(
    engine: Engine,
    extractions: Iterable[Extraction],
    signatures: Mapping[str, Mapping[str, Any]] | None = None,
) -> BatchResult:
    """Store a batch of extractions in one transaction.

    Rows are gathered in memory while names are resolved and written at the end with one
    statement per table (`PendingRows`); what is stored is the same as writing each
    article in turn. `signatures`: {article id: its `article_signatures` row without the
    id} (`sectorwatch.store.duplicates.signature_row`), stored for each article this batch
    ingests or replaces.
    """
    items = list(extractions)
    try:
        return _write_together(engine, items, signatures)
    except (OperationalError, InterfaceError) as exc:
        raise store_fault(exc) from exc
    except Exception:  # noqa: BLE001 - find the article the store refuses, store the rest
        pass
    result = BatchResult()
    for extraction in items:
        result.merge(_write_alone(engine, extraction, signatures))
    return result


_ATTEMPTS = 3
"""Tries for one article whose id another ingest may be inserting at the same moment."""


def _write_alone(
    engine: Engine,
    extraction: Extraction,
    signatures: Mapping[str, Mapping[str, Any]] | None,
) -> BatchResult:
    """One article in its own transaction; what the store refuses becomes `failed`."""
    for attempt in range(_ATTEMPTS):
        try:
            return _write_together(engine, [extraction], signatures)
        except (OperationalError, InterfaceError) as exc:
            raise store_fault(exc) from exc
        except IntegrityError as exc:  # stored meanwhile: the next try sees it
            if attempt + 1 < _ATTEMPTS:
                continue
            reason = _reason(exc)
        except Exception as exc:  # noqa: BLE001 - one bad article must not stop the batch
            reason = _reason(exc)
        break
    return BatchResult(failed=[(extraction.article.source, reason)])


def _reason(exc: Exception) -> str:
    orig = getattr(exc, "orig", None) or exc
    message = " ".join(str(orig).split())
    return f"cannot be stored: {type(orig).__name__}: {message}"[:300]


def store_fault(exc: Exception) -> StoreWriteError:
    """A fault of the store itself as the one-line error the commands print."""
    orig = getattr(exc, "orig", None) or exc
    return StoreWriteError(f"cannot write to the store: {' '.join(str(orig).split())}")


def _write_together(
    engine: Engine,
    items: list[Extraction],
    signatures: Mapping[str, Mapping[str, Any]] | None,
) -> BatchResult:
    result = BatchResult()
    with engine.begin() as conn:
        ids = list(dict.fromkeys(e.article.id for e in items))
        stored = stored_versions(conn, ids)
        rows = PendingRows(conn)
        batch = BatchState(rows, Resolver(conn, rows, ids))
        for n, extraction in enumerate(items):
            outcome = write_extraction(conn, batch, stored, extraction)
            article_id = extraction.article.id
            if outcome in ("ingested", "replaced") and signatures and article_id in signatures:
                rows.add(article_signatures, {"article_id": article_id, **signatures[article_id]})
            if outcome == "ingested":
                result.ingested.append(article_id)
            elif outcome == "replaced":
                result.replaced.append(article_id)
            elif outcome == "unchanged":
                result.unchanged.append(article_id)
            else:
                result.skipped.append((article_id, outcome))
            if n == 0 and os.environ.get(PAUSE_HOOK):
                rows.flush()  # the first article is in the open transaction when we pause
                _pause_for_tests()
        rows.flush()
        if batch.resolver.joined:  # a stated alias joined two stored organisations
            rebuild_referents(conn)
        term_rows.refresh(conn)  # the terms of the posts this batch reported on, rebuilt
    return result


def stored_versions(conn: Connection, ids: list[str]) -> dict[str, tuple[str, str]]:
    """{article id: (extractor, version)} for the ids the store holds, in one query per
    500 ids."""
    found: dict[str, tuple[str, str]] = {}
    for i in range(0, len(ids), 500):
        query = select(articles.c.id, articles.c.extractor, articles.c.extractor_version).where(
            articles.c.id.in_(ids[i : i + 500])
        )
        for article_id, extractor, version in conn.execute(query):
            found[article_id] = (extractor, version)
    return found


def write_extraction(
    conn: Connection,
    batch: BatchState,
    stored: dict[str, tuple[str, str]],
    extraction: Extraction,
) -> str:
    """Write one article's extraction; returns ingested, replaced, unchanged or a reason.
    `stored` ({id: (extractor, version)}) is updated with what this writes."""
    a = extraction.article
    values = {
        "source": a.source,
        "title": a.title,
        "authors": json.dumps(list(a.authors)),
        "published": a.published,
        "publisher": a.publisher,
        "text": a.text,
        "paragraphs": json.dumps([[p.start, p.end, p.kind] for p in a.paragraphs]),
        "format": a.format,
        "extractor": extraction.extractor,
        "extractor_version": extraction.extractor_version,
    }
    curated: frozenset[str] = frozenset()
    previous = stored.get(a.id)
    if previous is not None:
        stored_extractor, stored_version = previous
        same_extractor = stored_extractor == extraction.extractor
        if same_extractor and stored_version == extraction.extractor_version:
            return "unchanged"
        if same_extractor and version_key(stored_version) > version_key(
            extraction.extractor_version
        ):
            return f"stored extraction is newer ({stored_version} > {extraction.extractor_version})"
        batch.rows.flush()  # the old rows may still be pending in this batch
        delete_article_rows(conn, a.id)
        conn.execute(update(articles).where(articles.c.id == a.id).values(**values))
        curated = frozenset(  # what survived the delete
            conn.execute(select(claims.c.id).where(claims.c.article_id == a.id)).scalars()
        )
        outcome = "replaced"
    else:
        batch.rows.add(articles, {"id": a.id, **values})
        outcome = "ingested"
    stored[a.id] = (extraction.extractor, extraction.extractor_version)
    batch.resolver.begin_article(a.id)
    ArticleWriter(batch, extraction, curated).write()
    batch.rows.index_text(a.id, a.title, a.text)
    return outcome


def delete_article_rows(conn: Connection, article_id: str) -> None:
    """Remove one article's extracted rows (curated claims and their evidence stay) and
    its near-duplicate signature (its paragraphs may be read differently now)."""
    quote_ids = list(
        conn.execute(select(quotes.c.claim_id).where(quotes.c.article_id == article_id)).scalars()
    )
    fts.delete_article(conn, article_id, quote_ids)
    conn.execute(delete(article_signatures).where(article_signatures.c.article_id == article_id))
    for table in PER_ARTICLE:
        condition = table.c.article_id == article_id
        if table is claims:
            condition = and_(condition, claims.c.origin != "curated")
        conn.execute(delete(table).where(condition))
    kept = select(claims.c.evidence_id).where(claims.c.article_id == article_id)
    conn.execute(
        delete(evidence).where(evidence.c.article_id == article_id, evidence.c.id.not_in(kept))
    )


def _pause_for_tests() -> None:
    hook = os.environ.get(PAUSE_HOOK)
    if not hook:
        return
    marker, _, seconds = hook.rpartition(":")
    Path(marker).write_text("writing\n")
    time.sleep(float(seconds))
