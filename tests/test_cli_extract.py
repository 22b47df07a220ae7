"""`sectorwatch extract`: the contract on stdout, skips and failures on stderr, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sectorwatch.cli.main import app

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
CONTRACT_FIELDS = {
    "id",
    "source",
    "title",
    "authors",
    "published",
    "publisher",
    "quotes",
    "roles",
    "events",
}


@pytest.fixture(scope="module")
def runner():
    return CliRunner()


def run(runner, *args, input=None):
    return runner.invoke(app, ["extract", *args], input=input)


def test_seed_000_as_jsonl(runner, seeds_dir):
    result = run(runner, str(seeds_dir / "000_8e9b7baf96699c19.txt"), "--format", "jsonl")
    assert result.exit_code == 0, result.output
    [line] = result.stdout.splitlines()
    record = json.loads(line)
    assert CONTRACT_FIELDS <= set(record)
    assert record["title"] == "Ian Dalton quits NHS Improvement: the sector reacts"
    assert record["authors"] == ["Valeria Fiore"]
    assert record["published"] == "2019-03-04"
    assert isinstance(record["quotes"], list) and isinstance(record["roles"], list)
    assert isinstance(record["events"], list)
    assert result.stderr.splitlines()[-1] == "1 read, 0 skipped, 0 failed"


def test_folder_with_skips_succeeds_and_reports_them(runner, tmp_path):
    (tmp_path / "page.txt").write_text((FIXTURES / "scraped_page.txt").read_text("utf-8"))
    (tmp_path / "x.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "old.txt").write_bytes(
        "Trust board meets\n\nThe chair said the plan was “bold” and ‘overdue’.\n".encode("cp1252")
    )
    result = run(runner, str(tmp_path), "--format", "json")
    assert result.exit_code == 0, result.output
    records = json.loads(result.stdout)
    assert [r["title"] for r in records] == [None, "Ashworth Vale trust names new chief executive"]
    assert records[0]["source"] == str(tmp_path / "old.txt")
    *notes, summary = result.stderr.splitlines()
    assert sorted(notes) == [  # a skip may be reported while spaCy fills its batch
        f"read {tmp_path / 'old.txt'} as cp1252",
        f"skipped {tmp_path / 'x.pdf'}: unsupported file type .pdf",
    ]
    assert summary == "2 read, 1 skipped, 0 failed"


def test_bad_json_lines_give_exit_code_1(runner):
    result = run(runner, str(FIXTURES / "articles.jsonl"))
    assert result.exit_code == 1
    assert len(result.stdout.splitlines()) == 2
    errors = result.stderr.splitlines()
    assert errors[-1] == "2 read, 0 skipped, 3 failed"
    assert f"failed {FIXTURES / 'articles.jsonl'}:5: line 5: no text or html field" in errors


def test_file_over_max_bytes_gives_exit_code_1(runner, tmp_path):
    (tmp_path / "big.txt").write_bytes(b"word " * 100)
    result = run(runner, str(tmp_path / "big.txt"), "--max-bytes", "100")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        f"failed {tmp_path / 'big.txt'}: file is 500 bytes, over the 100 bytes limit; raise it "
        "with --max-bytes or SECTORWATCH_MAX_BYTES",
        "0 read, 0 skipped, 1 failed",
    ]


def test_stdin_and_text_format(runner):
    page = (FIXTURES / "scraped_page.txt").read_text("utf-8")
    result = run(runner, "-", "--format", "text", input=page)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[:4] == [
        "== Ashworth Vale trust names new chief executive",
        "   source: <stdin>",
        "   published: 2024-05-14",
        "   by: Marta Quill, Joseph Penrose",
    ]


def test_unknown_format_is_a_usage_error(runner):
    result = run(runner, str(FIXTURES / "scraped_page.txt"), "--format", "xml")
    assert result.exit_code == 2


def test_an_article_whose_extraction_raises_fails_alone(runner, tmp_path, monkeypatch):
    import sectorwatch.extract.pipeline as pipeline

    real = pipeline.extract_events

    def events_or_boom(ctx):  # type: ignore[no-untyped-def]
        if "Brackenmoor" in ctx.article.text:
            raise RuntimeError("boom")
        return real(ctx)

    monkeypatch.setattr(pipeline, "extract_events", events_or_boom)
    (tmp_path / "a_bad.txt").write_text(
        "Brackenmoor trust chair to retire\n\nThe chair of Brackenmoor Health Trust, "
        "Idris Vane, is to retire in May.\n",
        encoding="utf-8",
    )
    (tmp_path / "b_good.txt").write_text((FIXTURES / "scraped_page.txt").read_text("utf-8"))
    result = run(runner, str(tmp_path))
    assert result.exit_code == 1
    [line] = result.stdout.splitlines()
    assert json.loads(line)["title"] == "Ashworth Vale trust names new chief executive"
    assert result.stderr.splitlines() == [
        f"failed {tmp_path / 'a_bad.txt'}: extraction failed: RuntimeError: boom",
        "1 read, 0 skipped, 1 failed",
    ]
