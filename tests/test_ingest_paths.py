"""read_paths: files, folder walks, standard input, and every skip reported with a reason."""

from __future__ import annotations

import codecs
import io

from sectorwatch.ingest import ReadFailure, ReadOptions, read_paths
from sectorwatch.ingest import paths as paths_module
from sectorwatch.model import Article

ARTICLE = (
    "Trust names chief executive\n\nBy Ann Lee\n1 May 2024\n\nThe trust said on "
    "Friday that Dr Rhys Cole would join as chief executive in the autumn.\n"
)


def test_folder_walk_is_sorted_recursive_and_reports_skips(tmp_path):
    (tmp_path / "b.txt").write_text(ARTICLE, "utf-8")
    (tmp_path / "a.html").write_text(
        "<html><body><article><p>The trust said on Friday that Dr Rhys Cole would join as "
        "its chief executive in the autumn, after a national search.</p></article></body></html>",
        "utf-8",
    )
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.text").write_text(ARTICLE, "utf-8")
    (tmp_path / "notes.md").write_text("# notes", "utf-8")
    (tmp_path / "scan.txt").write_bytes(b"%PDF-1.4\n\x00\x01binary")
    (tmp_path / "blank.txt").write_text("\n\n", "utf-8")
    (tmp_path / ".hidden.txt").write_text(ARTICLE, "utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "HEAD.txt").write_text(ARTICLE, "utf-8")
    items = list(read_paths([str(tmp_path)]))
    summary = [
        (
            i.source.removeprefix(str(tmp_path) + "/"),
            i.outcome if isinstance(i, ReadFailure) else "article",
            getattr(i, "reason", None),
        )
        for i in items
    ]
    assert summary == [
        (".git", "skipped", "hidden folder"),
        (".hidden.txt", "skipped", "hidden file"),
        ("a.html", "article", None),
        ("b.txt", "article", None),
        ("blank.txt", "skipped", "empty file"),
        ("notes.md", "skipped", "unsupported file type .md"),
        ("scan.txt", "skipped", "binary file (looks like PDF)"),
        ("sub/c.text", "article", None),
    ]


def test_a_file_named_explicitly_that_cannot_be_read_fails(tmp_path):
    (tmp_path / "x.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "empty.txt").write_bytes(b"")
    items = list(read_paths([str(tmp_path / "x.pdf"), str(tmp_path / "empty.txt"), "nope.txt"]))
    assert [(i.outcome, i.reason) for i in items] == [
        ("failed", "unsupported file type .pdf"),
        ("failed", "empty file"),
        ("failed", "no such file or folder"),
    ]


def test_file_over_max_bytes_fails_with_advice(tmp_path):
    path = tmp_path / "long.txt"
    path.write_bytes(b"word " * 260)
    [failure] = read_paths([str(path)], ReadOptions(max_bytes=200))
    assert failure == ReadFailure(
        str(path),
        "file is 1.3 kB, over the 200 bytes limit; raise it with --max-bytes or "
        "SECTORWATCH_MAX_BYTES",
    )


def test_cp1252_and_bom_files_record_their_encoding(tmp_path):
    (tmp_path / "a.txt").write_bytes(ARTICLE.replace("said", "’said’").encode("cp1252"))
    (tmp_path / "b.txt").write_bytes(codecs.BOM_UTF8 + ARTICLE.encode("utf-8"))
    first, second = read_paths([str(tmp_path)])
    assert (first.encoding, second.encoding) == ("cp1252", "utf-8-sig")
    assert "’said’" in first.text
    assert second.text == ARTICLE
    assert first.title == second.title == "Trust names chief executive"


def test_warc_without_its_reader_is_a_clear_failure(tmp_path, monkeypatch):
    monkeypatch.setattr(paths_module, "warc_module", lambda: None)
    (tmp_path / "crawl.warc.gz").write_bytes(b"\x1f\x8b")
    [failure] = read_paths([str(tmp_path / "crawl.warc.gz")])
    assert failure.outcome == "failed"
    assert failure.reason.startswith("WARC support not installed")


def test_stdin_text(tmp_path):
    [article] = read_paths(["-"], ReadOptions(stdin=io.BytesIO(ARTICLE.encode())))
    assert isinstance(article, Article)
    assert (article.source, article.format, article.authors) == ("<stdin>", "text", ["Ann Lee"])


def test_stdin_html_is_sniffed():
    html = (
        b"<!DOCTYPE html><html><body><article><p>The trust said on Friday that Dr Rhys Cole "
        b"would join as chief executive in the autumn.</p></article></body></html>"
    )
    [article] = read_paths(["-"], ReadOptions(stdin=io.BytesIO(html)))
    assert article.format == "html"
    assert "<p>" not in article.text


def test_stdin_json_lines_are_sniffed():
    data = b'{"text": "First trust article text here."}\n{"text": "Second trust article."}\n'
    items = list(read_paths(["-"], ReadOptions(stdin=io.BytesIO(data))))
    assert [i.source for i in items] == ["<stdin>:1", "<stdin>:2"]


def test_stdin_over_the_limit():
    [failure] = read_paths(["-"], ReadOptions(max_bytes=10, stdin=io.BytesIO(b"x" * 50)))
    assert failure.source == "<stdin>"
    assert failure.reason.startswith("standard input is over the 10 bytes limit")
