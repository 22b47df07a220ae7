"""Paths -> articles: files, folders (walked recursively, in sorted order) and "-".

What a file is follows its extension (the registry in `sectorwatch.ingest.readers`):
.txt/.text -> text, .html/.htm -> HTML, .jsonl/.ndjson -> JSON Lines,
.warc/.warc.gz/.arc/.arc.gz -> web archive (WARC and ARC, when `sectorwatch.ingest.warc` is
installed). Every input that gives no article is reported as a
ReadFailure with its reason, never dropped: in a folder walk, files that are not articles
(other extensions, hidden files, binary or empty files) are "skipped"; a file named
explicitly that cannot be read is "failed". Folders whose name starts with "." (.git) are
not walked (each is reported "skipped", one line); links to folders are followed once; a
folder that cannot be read is "failed" with its reason. Sources are shown with control
characters and undecodable bytes escaped (`sectorwatch.ingest.clean.shown`).
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import ModuleType
from typing import TypeAlias

from sectorwatch.ingest.clean import clean_text, shown
from sectorwatch.ingest.decode import size_error
from sectorwatch.ingest.failure import ReadFailure
from sectorwatch.ingest.options import ReadOptions
from sectorwatch.ingest.readers import file_kind, read_document_bytes
from sectorwatch.ingest.stdin import read_stdin
from sectorwatch.model import Article

Item: TypeAlias = Article | ReadFailure

WARC_MISSING = "WARC support not installed (the module sectorwatch.ingest.warc is missing)"


def read_paths(paths: Iterable[str], options: ReadOptions | None = None) -> Iterator[Item]:
    """Each article (or failure) from each path, lazily, in order. Every source is shown
    safely (`sectorwatch.ingest.clean.shown`): a control character or an undecodable byte
    in a file name is a backslash escape, never a second report line."""
    options = options or ReadOptions()
    for item in _read_paths(paths, options):
        yield _tidy(item)


def _read_paths(paths: Iterable[str], options: ReadOptions) -> Iterator[Item]:
    for given in paths:
        if given == "-":
            yield from read_stdin(options.stdin or sys.stdin.buffer, options)
            continue
        path = Path(given)
        if path.is_dir():
            yield from walk_folder(given, options)
        elif path.exists():
            for item in read_file(given, options):
                yield _as_failed(item) if isinstance(item, ReadFailure) else item
        elif path.is_symlink():
            yield ReadFailure(given, "broken link: what it points to does not exist")
        else:
            yield ReadFailure(given, "no such file or folder")


def _tidy(item: Item) -> Item:
    if isinstance(item, ReadFailure):
        return ReadFailure(shown(item.source), shown(item.reason), item.outcome)
    item.source = shown(item.source)
    item.title = clean_text(item.title) if item.title else item.title
    item.publisher = clean_text(item.publisher) if item.publisher else item.publisher
    item.authors = [clean_text(a) for a in item.authors]
    return item


def _as_failed(failure: ReadFailure) -> ReadFailure:
    if failure.outcome == "failed":
        return failure
    return ReadFailure(failure.source, failure.reason, "failed")


def walk_folder(folder: str, options: ReadOptions) -> Iterator[Item]:
    """Every file under `folder`, sorted. A folder that cannot be read is a failure with
    its reason; a link to a folder is followed, once (a link back up the tree, or to a
    folder already read, is skipped with that reason); hidden folders (.git) are skipped,
    one line each."""
    errors: list[OSError] = []
    seen: set[tuple[int, int]] = set()
    for root, dirs, files in os.walk(folder, onerror=errors.append, followlinks=True):
        yield from _folder_errors(errors)
        try:
            info = os.stat(root)
        except OSError as exc:
            yield ReadFailure(root, f"cannot read folder: {exc.strerror or exc}")
            dirs[:] = []
            continue
        if (info.st_dev, info.st_ino) in seen:
            yield ReadFailure(root, "link to a folder already read", "skipped")
            dirs[:] = []
            continue
        seen.add((info.st_dev, info.st_ino))
        for d in sorted(d for d in dirs if d.startswith(".")):
            yield ReadFailure(os.path.join(root, d), "hidden folder", "skipped")
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            source = os.path.join(root, name)
            if name.startswith("."):
                yield ReadFailure(source, "hidden file", "skipped")
            elif os.path.islink(source) and not os.path.exists(source):
                yield ReadFailure(
                    source, "broken link: what it points to does not exist", "skipped"
                )
            elif not os.path.isfile(source):
                yield ReadFailure(source, "not a regular file", "skipped")
            else:
                yield from read_file(source, options)
    yield from _folder_errors(errors)


def _folder_errors(errors: list[OSError]) -> Iterator[ReadFailure]:
    while errors:
        exc = errors.pop(0)
        yield ReadFailure(str(exc.filename), f"cannot read folder: {exc.strerror or exc}", "failed")


def read_file(source: str, options: ReadOptions) -> Iterator[Item]:
    """The articles of one file; `source` is its path as given."""
    kind = file_kind(source)
    if kind is None:
        ext = Path(source).suffix.lower() or "(no extension)"
        yield ReadFailure(source, f"unsupported file type {ext}", "skipped")
        return
    try:
        if kind == "jsonl":
            from sectorwatch.ingest.jsonl import read_jsonl

            with open(source, "rb") as stream:
                yield from read_jsonl(stream, source, options)
        elif kind == "warc":
            yield from _read_warc(source, options)
        else:
            yield _read_document(source, kind, options)
    except OSError as exc:
        yield ReadFailure(source, f"cannot read: {exc.strerror or exc}")


def warc_module() -> ModuleType | None:
    """sectorwatch.ingest.warc, or None when it is not installed."""
    if importlib.util.find_spec("sectorwatch.ingest.warc") is None:
        return None
    return importlib.import_module("sectorwatch.ingest.warc")


def _read_warc(source: str, options: ReadOptions) -> Iterator[Item]:
    warc = warc_module()
    if warc is None:
        yield ReadFailure(source, WARC_MISSING)
        return
    # The path, not its bytes: the WARC reader streams one record at a time.
    yield from warc.read_warc(Path(source), source, options)


def _read_document(source: str, kind: str, options: ReadOptions) -> Item:
    size = os.path.getsize(source)
    if size > options.max_bytes:
        return ReadFailure(source, str(size_error(size, options.max_bytes)))
    return read_document_bytes(Path(source).read_bytes(), source, kind, options)
