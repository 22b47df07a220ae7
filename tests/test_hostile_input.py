"""Issue 14, items 1, 4 and 5: readers clean what they read, account for every input with
its reason, and judge JSON Lines fields one by one. Articles and names are invented."""

from __future__ import annotations

import io
import json
import os

from typer.testing import CliRunner

from sectorwatch.cli.main import app
from sectorwatch.ingest import ReadFailure, ReadOptions, read_paths
from sectorwatch.ingest.jsonl import read_jsonl
from sectorwatch.model import Article

ARTICLE = (
    "Tidewell hospice appoints a new chair\n\nBy Lorcan Stanhope\n\nTidewell Hospice said "
    "on Monday that Marigold Pennycress would become its chair in the spring.\n"
)


def _summary(items, root: str = "") -> list[tuple[str, str, str | None]]:  # type: ignore[no-untyped-def]
    return [
        (
            i.source.removeprefix(root),
            i.outcome if isinstance(i, ReadFailure) else "article",
            getattr(i, "reason", None),
        )
        for i in items
    ]


# ---------------------------------------------------------------- 1. lone surrogates


def test_a_lone_surrogate_in_json_lines_becomes_a_replacement_character_in_place():
    line = {
        "url": "https://news.example/hospice",
        "title": "Hospice chair \ud83d named",
        "text": "Tidewell Hospice named Marigold Pennycress \ud83d as its chair on Monday.",
    }
    raw = json.dumps(line).encode("ascii")  # the escape "\\ud83d" as scraped feeds write it
    [article] = read_jsonl(io.BytesIO(raw + b"\n"), "feed.jsonl")
    assert (
        article.text == "Tidewell Hospice named Marigold Pennycress \ufffd as its chair on Monday."
    )
    assert article.title == "Hospice chair \ufffd named"
    assert article.paragraphs[0].end == len(article.text)


def test_a_file_name_that_is_not_utf8_is_shown_with_backslash_escapes(tmp_path):
    folder = os.fsencode(tmp_path)
    with open(os.path.join(folder, b"caf\xe9.txt"), "wb") as fh:
        fh.write(ARTICLE.encode())
    with open(os.path.join(folder, b"notes\xff.md"), "wb") as fh:
        fh.write(b"not an article")
    items = list(read_paths([str(tmp_path)]))
    assert _summary(items, str(tmp_path) + "/") == [
        ("caf\\xe9.txt", "article", None),
        ("notes\\xff.md", "skipped", "unsupported file type .md"),
    ]
    items[0].source.encode("utf-8")  # printable and storable


def test_extract_prints_an_article_with_a_lone_surrogate(tmp_path):
    line = json.dumps({"title": "Hospice \ud83d chair", "text": ARTICLE})
    (tmp_path / "feed.jsonl").write_text(line + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(tmp_path / "feed.jsonl")])
    assert result.exit_code == 0, result.output
    [record] = [json.loads(x) for x in result.stdout.splitlines()]
    assert record["title"] == "Hospice \ufffd chair"


# ---------------------------------------------------------------- 4. every input accounted for


def test_a_folder_that_cannot_be_read_is_a_failure_with_its_reason(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(ARTICLE, "utf-8")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "b.txt").write_text(ARTICLE, "utf-8")
    real = os.scandir

    def scandir(path="."):  # type: ignore[no-untyped-def]
        if os.fspath(path) == str(locked):
            raise PermissionError(13, "Permission denied", str(locked))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)  # the tests run as root: chmod 000 is not enough
    items = list(read_paths([str(tmp_path)]))
    assert _summary(items, str(tmp_path) + "/") == [
        ("a.txt", "article", None),
        ("locked", "failed", "cannot read folder: Permission denied"),
    ]


def test_linked_folders_are_read_once_and_hidden_folders_reported(tmp_path):
    real = tmp_path / "real"
    real.mkdir()
    (real / "a.txt").write_text(ARTICLE, "utf-8")
    (tmp_path / "walk").mkdir()
    os.symlink(real, tmp_path / "walk" / "linked")
    os.symlink(tmp_path / "walk", tmp_path / "walk" / "linked" / "loop")
    (tmp_path / "walk" / ".git").mkdir()
    os.symlink(tmp_path / "gone.txt", tmp_path / "walk" / "broken.txt")
    items = list(read_paths([str(tmp_path / "walk")]))
    assert _summary(items, str(tmp_path / "walk") + "/") == [
        (".git", "skipped", "hidden folder"),
        ("broken.txt", "skipped", "broken link: what it points to does not exist"),
        ("linked/a.txt", "article", None),
        ("linked/loop", "skipped", "link to a folder already read"),
    ]


def test_utf16_without_a_byte_order_mark_is_read_as_utf16(tmp_path):
    (tmp_path / "le.txt").write_bytes(ARTICLE.encode("utf-16-le"))
    (tmp_path / "be.txt").write_bytes(ARTICLE.encode("utf-16-be"))
    be, le = read_paths([str(tmp_path)])
    assert (le.text, le.encoding, be.text, be.encoding) == (
        ARTICLE,
        "utf-16-le",
        ARTICLE,
        "utf-16-be",
    )


def test_json_lines_on_stdin_whose_first_line_is_not_utf8_stay_json_lines():
    first = b'{"text": "Tidewell Hospice names a chair \xe9\xff today."}\n'
    second = json.dumps({"url": "https://news.example/2", "text": ARTICLE}).encode() + b"\n"
    items = list(read_paths(["-"], ReadOptions(stdin=io.BytesIO(first + second))))
    assert _summary(items) == [
        ("<stdin>:1", "failed", "line 1: not UTF-8 (byte 41)"),
        ("https://news.example/2", "article", None),
    ]


def test_a_newline_in_a_file_name_cannot_forge_report_lines(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "x\nfailed y.txt: forged.txt").write_bytes(b"%PDF-1.4")
    result = CliRunner().invoke(
        app, ["ingest", str(folder), "--db", f"sqlite:///{tmp_path / 's.db'}", "--silent"]
    )
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [
        f"skipped {folder}/x\\nfailed y.txt: forged.txt: binary file (looks like PDF)"
    ]


# ---------------------------------------------------------------- 5. JSON Lines fields


def test_bad_optional_fields_are_warnings_naming_the_field_and_the_article_is_kept():
    record = {
        "url": "https://news.example/chair",
        "text": "Tidewell Hospice said on Monday that Marigold Pennycress would chair it.",
        "published": "2019-02-30",
        "authors": [1, None, {"x": 1}, "Lorcan Stanhope"],
        "title": ["not", "a", "title"],
        "publisher": 7,
    }
    [article] = read_jsonl(io.BytesIO(json.dumps(record).encode() + b"\n"), "feed.jsonl")
    assert isinstance(article, Article)
    assert (article.title, article.authors, article.published, article.publisher) == (
        None,
        ["Lorcan Stanhope"],
        None,
        None,
    )
    assert article.warnings == [
        "line 1: field title is an array, not a string; ignored",
        "line 1: field authors item 1 is a number, not a string; left out",
        "line 1: field authors item 2 is null, not a string; left out",
        "line 1: field authors item 3 is an object, not a string; left out",
        "line 1: field published '2019-02-30' is not a date; ignored",
        "line 1: field publisher is a number, not a string; ignored",
    ]


def test_a_required_field_of_the_wrong_type_fails_naming_the_field_and_its_type():
    lines = b'{"text": 12345}\n{"html": {"p": 1}}\n{"text": "  "}\n'
    assert list(read_jsonl(io.BytesIO(lines), "feed.jsonl")) == [
        ReadFailure("feed.jsonl:1", "line 1: field text is a number, not a string"),
        ReadFailure("feed.jsonl:2", "line 2: field html is an object, not a string"),
        ReadFailure("feed.jsonl:3", "line 3: no text or html field"),
    ]


def test_ingest_reports_the_warnings_and_stores_the_article(tmp_path):
    record = {"text": ARTICLE, "published": "2019-02-30", "url": "https://news.example/w"}
    (tmp_path / "feed.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    result = CliRunner().invoke(
        app,
        ["ingest", str(tmp_path / "feed.jsonl"), "--db", f"sqlite:///{tmp_path / 's.db'}"]
        + ["--silent"],
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "ingested 1, unchanged 0, skipped 0, failed 0 (1 warning)"
    ]
    assert result.stderr.splitlines() == [
        "warning https://news.example/w: line 1: field published '2019-02-30' is not a date; "
        "ignored"
    ]
