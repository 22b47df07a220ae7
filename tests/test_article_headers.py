"""Saved article files with a header block: the header is metadata (published date,
publisher), the article is the text after it, and offsets count from that text."""

from __future__ import annotations

import json

import pytest

from sectorwatch.extract.headers import read_header, without_header
from sectorwatch.ingest.text import read_text

BODY = "Harbourside Trust names new chair\n\nMs Ana Rudd has been appointed chair.\n"
HEADED = (
    "URL: https://example.org/harbourside-chair\n"
    "DATE: 2021-05-04\n"
    "PUBLISHER: Harbourside Gazette\n"
    "NOTE: truncated\n"
    "\n" + BODY
)


def test_the_header_block_is_metadata_and_the_body_is_the_article():
    article = without_header(read_text(HEADED, "a.txt"))
    assert (article.text, article.published, article.publisher, article.source) == (
        BODY,
        "2021-05-04",
        "Harbourside Gazette",
        "a.txt",
    )
    assert article.id == read_text(BODY, "a.txt").id


def test_an_unknown_date_leaves_the_date_to_the_body():
    text = HEADED.replace("DATE: 2021-05-04", "DATE: unknown")
    assert without_header(read_text(text, "a.txt")).published is None


def test_text_without_a_header_is_left_as_it_is():
    article = read_text(BODY, "a.txt")
    assert without_header(article) is article
    assert read_header("Date: the trust\nsaid no\n\nmore") is None
    assert read_header("URL: x\nThe trust said\n\nmore") is None


def test_offsets_count_from_the_body():
    header = read_header(HEADED)
    assert header is not None
    assert HEADED[header.body_start :] == BODY


def test_extract_reads_the_header_block(extractor, tmp_path):
    from sectorwatch.extract.batch import extract_paths

    (tmp_path / "a.txt").write_text(HEADED, encoding="utf-8")
    (extraction,) = list(extract_paths([str(tmp_path / "a.txt")], extractor))
    assert extraction.article.published == "2021-05-04"
    assert [
        (r.person, r.role, r.organisation, BODY[r.start : r.end]) for r in extraction.roles
    ] == [("Ana Rudd", "chair", "Harbourside Trust", "Ms Ana Rudd has been appointed chair")]


@pytest.mark.slow
def test_extract_with_workers_reads_the_header_block_as_one_process_does(tmp_path):
    from typer.testing import CliRunner

    from sectorwatch.cli.main import app

    (tmp_path / "a.txt").write_text(HEADED, encoding="utf-8")
    runner = CliRunner()
    one = runner.invoke(app, ["extract", str(tmp_path)])
    two = runner.invoke(app, ["extract", str(tmp_path), "--workers", "2"])
    record = json.loads(two.stdout)
    assert (record["published"], record["publisher"]) == ("2021-05-04", "Harbourside Gazette")
    assert two.stdout == one.stdout
