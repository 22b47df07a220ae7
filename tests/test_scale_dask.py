"""`ingest --engine dask`: the same stages on a local Dask cluster of 2 worker processes,
writing to a PostgreSQL server that the tests start (`pg_url`)."""

from __future__ import annotations

import pytest
from scale_corpus import write_shards
from sqlalchemy import func, select

from sectorwatch.scale.dask_engine import ingest_with_dask, partitions_of
from sectorwatch.scale.workers import ScaleOptions
from sectorwatch.store.db import create_store_engine
from sectorwatch.store.schema import article_signatures, articles

pytestmark = pytest.mark.slow


@pytest.fixture
def db_url(pg_url):
    """A fresh PostgreSQL database (tests/conftest_postgres.py)."""
    return pg_url


@pytest.fixture(scope="module")
def cluster():
    distributed = pytest.importorskip("dask.distributed")
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as local:
        yield local


def test_partitions_are_the_files_in_sorted_order(tmp_path):
    write_shards(tmp_path / "corpus", articles=4, shards=2)
    (tmp_path / "corpus" / ".hidden").write_text("x")
    assert [p.rsplit("/", 1)[1] for p in partitions_of([str(tmp_path / "corpus")])] == [
        "shard-000.jsonl",
        "shard-001.jsonl",
    ]


@pytest.mark.postgres
def test_dask_ingests_every_shard_once_and_resumes(cluster, db_url, tmp_path):
    folder = tmp_path / "corpus"
    write_shards(folder, articles=12, shards=4)
    options = ScaleOptions(batch_size=4)
    counts = ingest_with_dask([str(folder)], db_url, cluster.scheduler_address, options=options)
    assert (counts.ingested, counts.unchanged, counts.failed) == (12, 0, 0)
    engine = create_store_engine(db_url)
    with engine.connect() as conn:
        ours = articles.c.source.like("https://news.example.org/story-%")
        assert conn.execute(select(func.count()).where(ours)).scalar_one() == 12
        signed = select(func.count()).select_from(
            articles.join(article_signatures, article_signatures.c.article_id == articles.c.id)
        )
        assert conn.execute(signed.where(ours)).scalar_one() == 12  # written with each batch
    again = ingest_with_dask([str(folder)], db_url, cluster.scheduler_address, options=options)
    assert (again.ingested, again.unchanged) == (0, 12)
    engine.dispose()


def test_a_worker_gets_room_in_its_allocator_before_it_loads_the_pipeline(monkeypatch):
    import sys

    from sectorwatch.scale import dask_engine

    steps: list[str] = []
    monkeypatch.setattr(dask_engine, "roomier_malloc", lambda: steps.append("malloc") or True)
    monkeypatch.setattr(
        dask_engine, "worker_extractor", lambda model, batch: steps.append(f"load {model} {batch}")
    )
    dask_engine.pipeline_loader("en_core_web_sm", 16).setup(worker=None)
    assert steps == ["malloc", "load en_core_web_sm 16"]
    if sys.platform == "linux":  # glibc's mallopt takes both thresholds
        monkeypatch.undo()
        assert dask_engine.roomier_malloc() is True
