"""Issue 14, items 1 and 3: a batch survives one bad article, store faults end in one coded
line with the counts so far, and two ingests of the same article at once are idempotent.
Articles and names are invented."""

from __future__ import annotations

import json

from sqlalchemy import func, select, text
from store_factory import APPOINTED, LEAVES, ArticleSpec, build
from typer.testing import CliRunner

from sectorwatch.cli.main import app
from sectorwatch.store import open_store, write_batch
from sectorwatch.store import writer as writer_module
from sectorwatch.store.backends import sqlite as store_db
from sectorwatch.store.schema import articles

BROKEN = ArticleSpec(
    source="broken.txt",
    text="Wrenford Care Partnership names Ysolde Quarrie as chair of its board.\n",
)


def _stored_ids(engine) -> list[str]:  # type: ignore[no-untyped-def]
    with engine.connect() as conn:
        return sorted(conn.execute(select(articles.c.id)).scalars())


def test_a_batch_write_survives_one_article_that_cannot_be_stored(tmp_path):
    engine = open_store(f"sqlite:///{tmp_path / 'w.db'}")
    good = [build(LEAVES), build(APPOINTED)]
    bad = build(BROKEN)
    bad.article.title = "Wrenford names a chair \ud83d"  # not through a reader
    result = write_batch(engine, [good[0], bad, good[1]])
    assert result.ingested == [good[0].article.id, good[1].article.id]
    assert result.failed == [
        (
            "broken.txt",
            "cannot be stored: UnicodeEncodeError: 'utf-8' codec can't encode character "
            "'\\ud83d' in position 23: surrogates not allowed",
        )
    ]
    assert _stored_ids(engine) == sorted(e.article.id for e in good)


def test_an_article_written_by_another_ingest_meanwhile_counts_as_unchanged(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'race.db'}"
    engine, other = open_store(url), open_store(url)
    leaves, appointed = build(LEAVES), build(APPOINTED)
    real = writer_module.stored_versions
    raced: list[bool] = []

    def stale_read(conn, ids):  # type: ignore[no-untyped-def]
        found = real(conn, ids)
        if not raced:  # another ingest stores the same article after this one looked
            raced.append(True)
            write_batch(other, [build(LEAVES)])
        return found

    monkeypatch.setattr(writer_module, "stored_versions", stale_read)
    result = write_batch(engine, [leaves, appointed])
    assert (result.ingested, result.unchanged, result.failed) == (
        [appointed.article.id],
        [leaves.article.id],
        [],
    )
    assert _stored_ids(engine) == sorted([leaves.article.id, appointed.article.id])


def _write_folder(tmp_path, n: int):  # type: ignore[no-untyped-def]
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(n):
        (folder / f"a{i:02}.txt").write_text(
            f"Copperdene trust appoints finance director number {i}\n\n"
            f"Copperdene Community Health NHS Trust has appointed Idris Fenwick{i} as its "
            f"director of finance, the trust said on Monday; the post is number {i}.\n",
            encoding="utf-8",
        )
    return folder


def test_a_full_disk_during_ingest_is_one_coded_line_with_the_counts_so_far(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'full.db'}"
    engine = open_store(url)
    write_batch(engine, [build(LEAVES)])
    with engine.connect() as conn:
        pages = conn.execute(text("PRAGMA page_count")).scalar_one()
    engine.dispose()
    folder = _write_folder(tmp_path, 30)
    real = store_db._sqlite_pragmas

    def small_disk(dbapi_connection, record):  # type: ignore[no-untyped-def]
        real(dbapi_connection, record)
        dbapi_connection.execute(f"PRAGMA max_page_count={pages + 3}")

    monkeypatch.setattr(store_db, "_sqlite_pragmas", small_disk)
    result = CliRunner().invoke(
        app, ["ingest", str(folder), "--db", url, "--silent", "--batch-size", "2", "--no-dedup"]
    )
    assert result.exit_code == 1, result.output
    assert isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("[SW201] cannot write to the store: database or disk is full; ")
    ingested = int(result.stdout.split(",")[0].removeprefix("ingested "))
    assert 0 < ingested < 30
    assert last.endswith(f"stopped after ingested {ingested}, unchanged 0, skipped 0, failed 0")


def test_ingest_of_json_lines_with_a_lone_surrogate_stores_every_article(tmp_path):
    lines = [
        json.dumps(
            {
                "url": f"https://news.example/{i}",
                "text": f"Eelbrook Integrated Care Board has named Wenna Tallis{i} as its "
                f"chief nurse, the board said on Tuesday in statement number {i}.",
            }
        )
        for i in range(40)
    ]
    lines[7] = lines[7].replace("chief nurse", "chief nurse \\ud83d")
    source = tmp_path / "feed.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'feed.db'}"
    result = CliRunner().invoke(app, ["ingest", str(source), "--db", url, "--silent"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == ["ingested 40, unchanged 0, skipped 0, failed 0"]
    engine = open_store(url)
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(articles)).scalar_one() == 40
        stored = conn.execute(
            select(articles.c.text).where(articles.c.source == "https://news.example/7")
        ).scalar_one()
    assert "chief nurse \ufffd, the board" in stored
