"""Re-ingest changes nothing; a newer extractor replaces one article's claims; judgements
survive; a batch killed with SIGKILL leaves the store as it was."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

from sqlalchemy import select
from store_factory import APPOINTED, LEAVES, build

from sectorwatch.store import judgements, write_batch
from sectorwatch.store.db import checksum, row_counts
from sectorwatch.store.schema import claims, occupancies, quotes

HERE = Path(__file__).parent


def test_reingesting_the_same_articles_changes_nothing(engine):
    first = write_batch(engine, [build(LEAVES), build(APPOINTED)])
    assert len(first.ingested) == 2
    before_counts, before_sum = row_counts(engine), checksum(engine)
    again = write_batch(engine, [build(LEAVES), build(APPOINTED)])
    assert again.ingested == [] and len(again.unchanged) == 2
    assert row_counts(engine) == before_counts
    assert checksum(engine) == before_sum


def test_newer_extractor_replaces_only_that_articles_claims(engine):
    write_batch(engine, [build(LEAVES), build(APPOINTED)])
    leaves_id = build(LEAVES).article.id
    with engine.connect() as conn:
        other = (
            conn.execute(
                select(claims.c.id).where(claims.c.article_id != leaves_id).order_by(claims.c.id)
            )
            .scalars()
            .all()
        )
    newer = replace(LEAVES, version="1.1.0", quotes=LEAVES.quotes[:1])
    result = write_batch(engine, [build(newer)])
    assert result.replaced == [leaves_id]
    with engine.connect() as conn:
        assert (
            conn.execute(
                select(claims.c.id).where(claims.c.article_id != leaves_id).order_by(claims.c.id)
            )
            .scalars()
            .all()
            == other
        )
        versions = set(
            conn.execute(
                select(claims.c.extractor_version).where(claims.c.article_id == leaves_id)
            ).scalars()
        )
        assert versions == {"1.1.0"}
        assert len(conn.execute(select(quotes).where(quotes.c.article_id == leaves_id)).all()) == 1


def test_an_older_extractor_version_is_skipped(engine):
    write_batch(engine, [build(replace(LEAVES, version="2.0.0"))])
    result = write_batch(engine, [build(LEAVES)])
    assert result.skipped and "newer" in result.skipped[0][1]


def test_judgements_survive_reextraction(engine):
    write_batch(engine, [build(LEAVES)])
    with engine.connect() as conn:
        claim_id = conn.execute(
            select(occupancies.c.claim_id).where(occupancies.c.person_id == "p-tobias-wren")
        ).scalar_one()
    judgements.reject(engine, claim_id, "editor")
    write_batch(engine, [build(replace(LEAVES, version="1.2.0"))])
    with engine.connect() as conn:
        assert claim_id in judgements.rejected_claims(conn)
        assert conn.execute(select(claims.c.id).where(claims.c.id == claim_id)).first() is not None


def test_ingest_killed_mid_batch_leaves_the_store_as_before(engine, store_url, tmp_path):
    write_batch(engine, [build(LEAVES)])
    before = checksum(engine)
    engine.dispose()
    marker = tmp_path / "writing"
    env = dict(os.environ, SECTORWATCH_TEST_PAUSE_IN_BATCH=f"{marker}:60")
    code = (
        f"import sys; sys.path.insert(0, {str(HERE)!r})\n"
        "from dataclasses import replace\n"
        "from store_factory import APPOINTED, LEAVES, build\n"
        "from sectorwatch.store import open_store, write_batch\n"
        f"engine = open_store({store_url!r})\n"
        "write_batch(engine, [build(APPOINTED), build(replace(LEAVES, version='9.0.0'))])\n"
    )
    proc = subprocess.Popen([sys.executable, "-c", code], env=env)
    try:
        deadline = time.monotonic() + 60
        while not marker.exists():
            assert proc.poll() is None, "the ingest process ended before writing"
            assert time.monotonic() < deadline, "the ingest never started writing"
            time.sleep(0.05)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == -signal.SIGKILL
    time.sleep(0.2)
    assert checksum(engine) == before
