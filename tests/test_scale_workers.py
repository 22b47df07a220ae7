"""`ingest --workers N`: the same store whatever N, bounded batches, resumable runs."""

from __future__ import annotations

import pytest
from scale_corpus import write_shards
from sqlalchemy import func, select

from sectorwatch.ingest.paths import read_paths
from sectorwatch.scale.progress import IngestCounts
from sectorwatch.scale.workers import ScaleOptions, ingest_items, new_article_batches
from sectorwatch.store import open_store
from sectorwatch.store.schema import articles, metadata


def content(engine) -> dict[str, list[tuple]]:
    """Every row of every table but the migration log, in a stable order."""
    out = {}
    with engine.connect() as conn:
        for table in metadata.sorted_tables:
            if table.name == "schema_version":
                continue
            cols = list(table.columns)
            out[table.name] = [tuple(r) for r in conn.execute(select(*cols).order_by(*cols))]
    return out


@pytest.fixture(scope="module")
def shards(tmp_path_factory):
    folder = tmp_path_factory.mktemp("shards")
    write_shards(folder, articles=12, shards=3)
    return folder


def ingest(folder, db, **options):
    engine = open_store(f"sqlite:///{db}")
    counts = ingest_items(read_paths([str(folder)]), engine, ScaleOptions(batch_size=4, **options))
    return engine, counts


def test_jsonl_shards_are_ingested_with_a_closing_count(shards, tmp_path):
    engine, counts = ingest(shards, tmp_path / "one.db")
    assert (counts.ingested, counts.unchanged, counts.skipped, counts.failed) == (12, 0, 0, 0)
    assert counts.summary() == "ingested 12, unchanged 0, skipped 0, failed 0"
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(articles)).scalar_one() == 12


@pytest.mark.slow
def test_two_workers_store_exactly_what_one_worker_stores(shards, tmp_path):
    one, _ = ingest(shards, tmp_path / "one.db", workers=1)
    two, counts = ingest(shards, tmp_path / "two.db", workers=2)
    assert counts.ingested == 12
    assert content(two) == content(one)


def test_a_second_run_changes_nothing(shards, tmp_path):
    engine, _ = ingest(shards, tmp_path / "sw.db")
    before = content(engine)
    _, again = ingest(shards, tmp_path / "sw.db")
    assert (again.ingested, again.unchanged) == (0, 12)
    assert content(engine) == before


def test_an_interrupted_run_resumes_without_storing_anything_twice(shards, tmp_path):
    def interrupted():
        for n, item in enumerate(read_paths([str(shards)])):
            if n == 6:
                raise KeyboardInterrupt
            yield item

    engine = open_store(f"sqlite:///{tmp_path / 'sw.db'}")
    with pytest.raises(KeyboardInterrupt):
        ingest_items(interrupted(), engine, ScaleOptions(batch_size=4))
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(articles)).scalar_one() == 4
    _, resumed = ingest(shards, tmp_path / "sw.db")
    assert (resumed.ingested, resumed.unchanged) == (8, 4)
    clean, _ = ingest(shards, tmp_path / "clean.db")
    assert content(engine) == content(clean)


def test_stop_after_reads_only_that_many_articles(shards, tmp_path):
    _, counts = ingest(shards, tmp_path / "sw.db", stop_after=5)
    assert counts.ingested == 5


def test_failures_and_repeats_are_counted_not_sent_to_workers():
    from sectorwatch.ingest import ReadFailure
    from sectorwatch.ingest.text import read_text

    a = read_text("Fenwick Vale trust names a new chair.", "a.txt")
    b = read_text("Ashcombe board meets on Tuesday.", "b.txt")
    items = [a, ReadFailure("c.pdf", "binary file (looks like PDF)", "skipped"), a, b]
    counts = IngestCounts()
    batches = list(new_article_batches(items, counts, lambda ids: {b.id}, batch_size=10))
    assert [[x.source for x in batch] for batch in batches] == [["a.txt"]]
    assert (counts.unchanged, counts.skipped) == (2, 1)
    assert counts.reasons == [("skipped", "c.pdf", "binary file (looks like PDF)")]


def test_an_article_whose_extraction_raises_fails_alone(shards, tmp_path, monkeypatch):
    """One article that breaks a stage fails with its reason; the other eleven are stored,
    and spaCy does not parse the batch a second time to find it."""
    import sectorwatch.extract.pipeline as pipeline
    from sectorwatch.scale import workers

    real_roles = pipeline.extract_roles

    def roles_or_boom(ctx):
        if "Idris Cavell" in ctx.article.text:
            raise RuntimeError("boom")
        return real_roles(ctx)

    batches: list[int] = []
    real_process = workers.process_batch

    def counted(arts, *args, **kwargs):
        batches.append(len(arts))
        return real_process(arts, *args, **kwargs)

    monkeypatch.setattr(pipeline, "extract_roles", roles_or_boom)
    monkeypatch.setattr(workers, "process_batch", counted)
    engine, counts = ingest(shards, tmp_path / "sw.db")
    assert (counts.ingested, counts.failed) == (10, 2)
    assert {reason for _, _, reason in counts.reasons} == {"extraction failed: RuntimeError: boom"}
    assert batches == [4, 4, 4]


@pytest.mark.slow
def test_ingest_paths_with_two_workers_stores_what_one_worker_stores(shards, tmp_path):
    from sectorwatch.scale import ingest_paths

    for workers in (1, 2):
        url = f"sqlite:///{tmp_path / f'{workers}.db'}"
        options = ScaleOptions(workers=workers)
        counts = ingest_paths([str(shards)], url, options=options, silent=True)
        assert counts.summary() == "ingested 12, unchanged 0, skipped 0, failed 0"
    assert content(open_store(f"sqlite:///{tmp_path / '2.db'}")) == content(
        open_store(f"sqlite:///{tmp_path / '1.db'}")
    )


def test_a_store_that_cannot_open_stops_the_workers_started_for_it(shards, tmp_path):
    import multiprocessing

    from sectorwatch.errors import StoreError
    from sectorwatch.scale import ingest_paths

    with pytest.raises(StoreError, match=r"^\[SW200\] cannot open the store"):
        ingest_paths([str(shards)], f"sqlite:///{tmp_path}", options=ScaleOptions(workers=2))
    assert multiprocessing.active_children() == []
