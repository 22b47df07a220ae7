"""Work goes to worker processes in small units (issue 16): a store batch is cut into units
and put back together in order, and `extract --workers N` prints exactly what one process
prints, failures included."""

from __future__ import annotations

from pathlib import Path

import pytest
from scale_corpus import write_shards
from typer.testing import CliRunner

from sectorwatch.cli.main import app
from sectorwatch.model import Article
from sectorwatch.scale.workers import BatchOutput, _merge, _units

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"


def _article(n: int) -> Article:
    return Article(f"a{n}", f"a{n}.txt", f"Article {n}.")


def test_batches_are_cut_into_units_and_the_last_unit_of_each_is_marked():
    a = [_article(n) for n in range(7)]
    units = [([x.id for x in unit], last) for unit, last in _units([a[:5], a[5:6], a[6:]], 2)]
    assert units == [
        (["a0", "a1"], False),
        (["a2", "a3"], False),
        (["a4"], True),
        (["a5"], True),
        (["a6"], True),
    ]


def test_the_units_of_a_batch_are_merged_in_their_order():
    parts = [BatchOutput([], [("a0", 0)], []), BatchOutput([], [("a1", 1), ("a2", 2)], [])]
    assert _merge(parts).signatures == [("a0", 0), ("a1", 1), ("a2", 2)]  # type: ignore[comparison-overlap]


@pytest.mark.slow
def test_extract_with_two_workers_prints_what_one_process_prints(tmp_path):
    write_shards(tmp_path, articles=10, shards=2)
    (tmp_path / "page.txt").write_text((FIXTURES / "scraped_page.txt").read_text("utf-8"))
    (tmp_path / "x.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "z.jsonl").write_text('{"url": "https://example.org/1"}\n', encoding="utf-8")
    runner = CliRunner()
    one = runner.invoke(app, ["extract", str(tmp_path)])
    two = runner.invoke(app, ["extract", str(tmp_path), "--workers", "2"])
    assert one.exit_code == two.exit_code == 1
    assert len(one.stdout.splitlines()) == 11
    assert two.stdout == one.stdout
    assert two.stderr == one.stderr
    assert one.stderr.splitlines()[-1] == "11 read, 1 skipped, 1 failed"


@pytest.mark.slow
def test_ingest_sending_one_article_at_a_time_stores_what_one_process_stores(tmp_path):
    from sqlalchemy import select

    from sectorwatch.ingest.paths import read_paths
    from sectorwatch.scale.workers import ScaleOptions, ingest_items
    from sectorwatch.store import open_store
    from sectorwatch.store.schema import metadata

    write_shards(tmp_path / "in", articles=9, shards=2)

    def stored(workers: int) -> dict[str, list[tuple]]:
        engine = open_store(f"sqlite:///{tmp_path / f'{workers}.db'}")
        options = ScaleOptions(workers=workers, batch_size=4, unit_size=1)
        counts = ingest_items(read_paths([str(tmp_path / "in")]), engine, options)
        assert counts.ingested == 9
        with engine.connect() as conn:
            return {
                t.name: [tuple(r) for r in conn.execute(select(*t.columns).order_by(*t.columns))]
                for t in metadata.sorted_tables
                if t.name != "schema_version"
            }

    assert stored(2) == stored(1)
