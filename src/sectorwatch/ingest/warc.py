"""Web archives: WARC and WARC.gz files (Common Crawl's CC-NEWS, Heritrix, wget), and the
older ARC and ARC.gz files (version 1, the Internet Archive's format before WARC) -> Article.

Records stream one at a time through warcio, so a 1 GB CC-NEWS file needs the memory of one
record. Which format a file is comes from its first bytes (an ARC file starts with its
`filedesc://` version block, or an ARC header line), or from its name (`.arc`, `.arc.gz`)
when they say neither; ARC records are
read the same way as WARC records, with the same filters and the same failure handling.
HTML `response` (and `resource`) records go through the ingest HTML reader (the same
trafilatura extraction as a saved .html file); everything else is reported, never dropped
silently:

- a response that is not HTML, not HTTP 200 or too large -> ReadFailure, `skipped`;
- a page outside the domain allow-list, or without enough health keywords -> `skipped`;
- a malformed or truncated record -> ReadFailure, `failed`, with its byte offset; the reader
  then looks for the next record (the next gzip member, the next `WARC/1.` line, or the
  next ARC header line) and goes on. An ARC file of version 2 (whose header lines warcio
  cannot read) is one failure that says to convert it. Request, metadata, warcinfo and
  revisit records, and an ARC file's `filedesc://` record, are not documents and are
  passed over without a report.
"""

from __future__ import annotations

import io
import re
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import IO, Any
from urllib.parse import urlsplit

from sectorwatch.errors import ReadError
from sectorwatch.ingest.failure import ReadFailure
from sectorwatch.model import Article

GZIP_MAGIC = b"\x1f\x8b\x08"
WARC_MAGIC = b"WARC/1."
ARC_FILEDESC = b"filedesc://"
_LINE_WITH_SCHEME = re.compile(rb"(?m)^[A-Za-z][\w+.-]*:")
ARC_VERSION_UNSUPPORTED = (
    "ARC version {} is not supported (only version 1); convert it to WARC first"
)
_SCAN_BLOCK = 1 << 20
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_DOCUMENT_RECORDS = ("response", "resource")


@dataclass(frozen=True)
class WarcOptions:
    """What to keep from an archive. `domains`: host names whose pages are kept (a name
    allows its subdomains); None keeps every domain. `keywords`: whole words or phrases of
    which `min_keyword_hits` occurrences are needed; None keeps every page."""

    domains: frozenset[str] | None = None
    keywords: tuple[str, ...] | None = None
    min_keyword_hits: int = 2
    max_bytes: int = 5_000_000


def warc_options(options: Any = None) -> WarcOptions:
    """A WarcOptions from any options object with some of its field names (or None)."""
    if isinstance(options, WarcOptions):
        return options
    if options is None:
        return WarcOptions()
    nested = getattr(options, "warc", None)
    if isinstance(nested, WarcOptions):
        return nested
    defaults = WarcOptions()
    domains = getattr(options, "domains", None)
    keywords = getattr(options, "keywords", None)
    return WarcOptions(
        domains=frozenset(d.lower().strip(".") for d in domains) if domains else None,
        keywords=tuple(keywords) if keywords else None,
        min_keyword_hits=getattr(options, "min_keyword_hits", defaults.min_keyword_hits),
        max_bytes=getattr(options, "max_bytes", defaults.max_bytes),
    )


def is_warc(path: str | Path) -> bool:
    """A web archive by its name: WARC, WARC.gz, ARC or ARC.gz."""
    name = str(path).lower()
    return name.endswith((".warc", ".warc.gz", ".arc", ".arc.gz"))


# ---------------------------------------------------------------- keyword and domain lists


def load_word_list(path: str | Path) -> tuple[str, ...]:
    """One entry a line; blank lines and `#` comments ignored."""
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return tuple(s for s in (line.split("#", 1)[0].strip() for line in lines) if s)


def health_keywords() -> tuple[str, ...]:
    """The packaged list, src/sectorwatch/data/health_keywords.txt."""
    ref = resources.files("sectorwatch") / "data" / "health_keywords.txt"
    with resources.as_file(ref) as path:
        return load_word_list(path)


def domain_allowed(url: str, domains: frozenset[str] | None) -> bool:
    """True when the URL's host is one of `domains` or a subdomain of one."""
    if domains is None:
        return True
    host = (urlsplit(url).hostname or "").lower().strip(".")
    while host:
        if host in domains:
            return True
        host = host.partition(".")[2]
    return False


@lru_cache(maxsize=8)
def _keyword_patterns(keywords: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    exact = [k for k in keywords if k.isupper()]
    folded = [k for k in keywords if not k.isupper()]
    patterns = []
    for words, flags in ((exact, 0), (folded, re.IGNORECASE)):
        if words:
            alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
            patterns.append(re.compile(rf"(?<!\w)(?:{alternation})(?!\w)", flags))
    return tuple(patterns)


def keyword_hits(text: str, keywords: tuple[str, ...]) -> int:
    """How many times the keywords occur in `text` (whole words; acronyms case-sensitive)."""
    return sum(len(p.findall(text)) for p in _keyword_patterns(keywords))


def _may_have_keywords(html: bytes, keywords: tuple[str, ...]) -> bool:
    """A cheap test on the raw page before HTML extraction: any keyword present at all?"""
    lowered = html.lower()
    return any(k.lower().encode("utf-8") in lowered for k in keywords)


# ---------------------------------------------------------------- reading


def read_page(body: bytes, url: str, charset: str | None) -> Article | ReadFailure:
    """One archived HTML page through the ingest HTML reader (the same trafilatura
    extraction as a saved .html file). The HTTP charset is tried first, then detection."""
    from sectorwatch.ingest.decode import DecodeError, decode_bytes
    from sectorwatch.ingest.html import read_html

    try:
        decoded = decode_bytes(body, encoding=charset)
    except DecodeError:
        try:
            decoded = decode_bytes(body)
        except DecodeError as exc:
            return ReadFailure(url, str(exc), "failed")
    return read_html(decoded.text, source=url, url=url, encoding=decoded.encoding)


def read_warc(
    data_or_path: bytes | str | Path | IO[bytes], source: str, options: Any = None
) -> Iterator[Article | ReadFailure]:
    """Every HTML page of a WARC, WARC.gz, ARC or ARC.gz archive as an Article, in archive
    order.

    `data_or_path`: the archive's bytes, a path, or a seekable binary file. `source` names
    the archive in failures; each Article's source is its record's target URI. `options`:
    a WarcOptions, or any options object carrying one as `.warc` (or its field names).
    """
    opts = warc_options(options)
    if isinstance(data_or_path, bytes | bytearray):
        yield from _read_stream(io.BytesIO(data_or_path), source, opts)
    elif isinstance(data_or_path, str | Path):
        with open(data_or_path, "rb") as fh:
            yield from _read_stream(fh, source, opts)
    else:
        yield from _read_stream(data_or_path, source, opts)


class _BrokenRecord(Exception):
    def __init__(self, offset: int, reason: str) -> None:
        super().__init__(reason)
        self.offset = offset


@dataclass(frozen=True)
class _Page:
    url: str
    body: bytes
    charset: str | None


def _read_stream(fh: IO[bytes], source: str, opts: WarcOptions) -> Iterator[Article | ReadFailure]:
    from warcio.archiveiterator import ARCIterator, WARCIterator

    fh.seek(0, io.SEEK_END)
    size = fh.tell()
    fh.seek(0)
    gzipped = fh.read(2) == GZIP_MAGIC[:2]
    head = _head(fh, gzipped)
    named_arc = source.lower().endswith((".arc", ".arc.gz"))
    arc = _is_arc(head) or (named_arc and not head.startswith(WARC_MAGIC))
    if arc and _arc_version(head) not in (None, "1"):
        yield ReadFailure(source, ARC_VERSION_UNSUPPORTED.format(_arc_version(head)), "failed")
        return
    label = "ARC" if arc else "WARC"
    iterator = ARCIterator if arc else WARCIterator
    position = 0
    while position < size:
        fh.seek(position)
        records = iterator(fh, check_digests=True)
        try:
            for record in records:
                start = records.offset  # where this record starts, until it is read to its end
                problem = _arc_header_problem(record) if arc else None
                if problem:  # warcio reads any line of five words as an ARC header
                    raise _BrokenRecord(start, problem)
                taken = _take(record, source, start, opts)
                records.read_to_end()
                problem = _integrity_problem(record)
                if problem:
                    raise _BrokenRecord(start, problem)
                if isinstance(taken, _Page):
                    yield _parse_page(taken, opts)
                elif taken is not None:
                    yield taken
            end = records.offset
        except Exception as exc:  # noqa: BLE001 - any parse error marks a broken record
            broken = exc.offset if isinstance(exc, _BrokenRecord) else records.offset
            yield ReadFailure(
                source=source,
                reason=f"malformed or truncated {label} record at byte offset {broken}: "
                f"{_short(exc)}",
                outcome="failed",
            )
            position = _next_record(fh, gzipped, arc, broken + 1, size)
            continue
        if end < size and _rest_is_data(fh, end, size):
            yield ReadFailure(
                source=source,
                reason=f"truncated {label} record at byte offset {end}: the archive ends inside it",
                outcome="failed",
            )
            position = _next_record(fh, gzipped, arc, end + 1, size)
            continue
        break


def _head(fh: IO[bytes], gzipped: bool) -> bytes:
    """The first bytes of the archive, decompressed; the file is left at its start."""
    fh.seek(0)
    raw = fh.read(4096)
    fh.seek(0)
    if not gzipped:
        return raw
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(raw, 4096)
    except zlib.error:
        return b""


def _is_arc(head: bytes) -> bool:
    """An ARC file starts with its `filedesc://` record, or at least an ARC header line."""
    first_line = head.split(b"\n", 1)[0]
    return head.startswith(ARC_FILEDESC) or is_arc_header_line(first_line)


def is_arc_header_line(line: bytes) -> bool:
    """An ARC version 1 record's header line, `URL IP-address Archive-date Content-type
    Length`, split from the right as warcio splits it (a URL may hold spaces): a URL with
    a scheme, a date of 12 to 17 digits and a length."""
    parts = line.rstrip(b"\r\n").rsplit(b" ", 4)
    return (
        len(parts) == 5
        and _LINE_WITH_SCHEME.match(parts[0]) is not None
        and 12 <= len(parts[2]) <= 17
        and parts[2].isdigit()
        and parts[4].isdigit()
    )


def _arc_version(head: bytes) -> str | None:
    """The version in an ARC file's version block (`1 0 Alexa Internet`), when it has one."""
    if not head.startswith(ARC_FILEDESC):
        return None
    lines = head.split(b"\n", 2)
    if len(lines) < 2 or not lines[1].strip():
        return None
    return lines[1].split()[0].decode("ascii", "replace")


def _next_record(fh: IO[bytes], gzipped: bool, arc: bool, start: int, size: int) -> int:
    """Where reading goes on after a broken record: the next gzip member, the next
    `WARC/1.` line, or the next ARC header line."""
    if gzipped:
        return _find(fh, GZIP_MAGIC, start, size)
    if arc:
        return _find_arc_header(fh, start, size)
    return _find(fh, WARC_MAGIC, start, size)


def _arc_header_problem(record: Any) -> str | None:
    """Why an ARC record's header line is not one: `URL IP-address Archive-date
    Content-type Length`, with a URL, a 12 to 17 digit date and a length."""
    headers = record.rec_headers
    line = " ".join(
        headers.get_header(name) or ""
        for name in ("uri", "ip-address", "archive-date", "content-type", "length")
    )
    if not is_arc_header_line(line.encode("utf-8", "replace")):
        return f"not an ARC header line: {line[:80]!r}"
    return None


def _integrity_problem(record: Any) -> str | None:
    """Why a fully read record cannot be trusted: shorter than its Content-Length, or a
    digest that does not match (a gzip member cut short reads on into the next one)."""
    missing = getattr(record.raw_stream, "limit", 0)
    if missing:
        return f"{missing} bytes short of its Content-Length"
    checker = getattr(record, "digest_checker", None)
    problems = list(checker.problems) if checker is not None else []
    if problems:
        return f"digest mismatch ({problems[0]})"
    return None


def _take(record: Any, source: str, offset: int, opts: WarcOptions) -> _Page | ReadFailure | None:
    """The page to read from a record, the reason it is skipped, or None (not a document)."""
    if record.rec_type not in _DOCUMENT_RECORDS:
        return None
    headers = record.rec_headers
    url = headers.get_header("WARC-Target-URI") or headers.get_header("uri") or ""
    url = url or f"{source}@{offset}"
    if not domain_allowed(url, opts.domains):
        return ReadFailure(url, "domain not in the allow-list", "skipped")
    http = record.http_headers
    if http is not None and record.rec_type == "response":
        status = http.get_statuscode()
        if status != "200":
            return ReadFailure(url, f"HTTP status {status}, not 200", "skipped")
        content_type = http.get_header("Content-Type") or ""
    else:  # the record's own type (a WARC Content-Type, or an ARC header's content-type)
        content_type = record.content_type or ""
    if not content_type.lower().startswith(_HTML_TYPES):
        return ReadFailure(url, f"not HTML ({content_type or 'no content type'})", "skipped")
    body = record.content_stream().read(opts.max_bytes + 1)
    if len(body) > opts.max_bytes:
        return ReadFailure(url, f"larger than {opts.max_bytes} bytes", "skipped")
    if opts.keywords and not _may_have_keywords(body, opts.keywords):
        return ReadFailure(url, "no health keywords", "skipped")
    return _Page(url, body, _charset(content_type))


def _parse_page(page: _Page, opts: WarcOptions) -> Article | ReadFailure:
    try:
        result = read_page(page.body, page.url, page.charset)
    except ReadError as exc:
        return ReadFailure(page.url, exc.reason, "failed")
    except Exception as exc:  # noqa: BLE001 - one bad page must not stop the archive
        return ReadFailure(page.url, f"HTML could not be read: {_short(exc)}", "failed")
    if isinstance(result, Article) and opts.keywords:
        hits = keyword_hits(f"{result.title or ''}\n{result.text}", opts.keywords)
        if hits < opts.min_keyword_hits:
            reason = f"{hits} health keyword(s), fewer than {opts.min_keyword_hits}"
            return ReadFailure(page.url, reason, "skipped")
    return result


def _charset(content_type: str) -> str | None:
    match = re.search(r"charset=[\"']?([\w.:-]+)", content_type, re.IGNORECASE)
    return match.group(1) if match else None


def _find(fh: IO[bytes], magic: bytes, start: int, size: int) -> int:
    """The offset of the next `magic` at or after `start` (for WARC_MAGIC, at a line start),
    or `size` when there is none."""
    position = start
    while position < size:
        fh.seek(position)
        block = fh.read(_SCAN_BLOCK + len(magic))
        found = block.find(magic)
        while found != -1 and magic == WARC_MAGIC and position + found > 0:
            fh.seek(position + found - 1)
            if fh.read(1) == b"\n":
                break
            found = block.find(magic, found + 1)
        if found != -1:
            return position + found
        position += _SCAN_BLOCK
    return size


def _find_arc_header(fh: IO[bytes], start: int, size: int) -> int:
    """The offset of the next ARC header line that starts a line at or after `start`, or
    `size` when there is none."""
    position = start
    overlap = 4096  # a header line cut by the end of a block is read whole from the next
    while position < size:
        fh.seek(max(position - 1, 0))
        before = fh.read(1) if position > 0 else b"\n"
        block = fh.read(_SCAN_BLOCK + overlap)
        for match in _LINE_WITH_SCHEME.finditer(block):
            at = match.start()
            if at == 0 and before != b"\n":
                continue
            end = block.find(b"\n", at)
            if is_arc_header_line(block[at : end if end != -1 else len(block)]):
                return position + at
        position += _SCAN_BLOCK
    return size


def _rest_is_data(fh: IO[bytes], start: int, size: int) -> bool:
    fh.seek(start)
    return bool(fh.read(min(size - start, 4096)).strip())


def _short(exc: Exception) -> str:
    text = " ".join(str(exc).split()).split("first line:")[0].rstrip(" ,:")
    text = "".join(c if c.isprintable() else "?" for c in text)
    return f"{type(exc).__name__}: {text[:120]}" if text else type(exc).__name__
