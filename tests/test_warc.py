"""WARC and WARC.gz input: HTML pages become articles; everything else is reported.

The archives are written by the tests with warcio; the people and organisations are
invented.
"""

from __future__ import annotations

import io

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from sectorwatch.ingest import ReadFailure
from sectorwatch.ingest.warc import (
    WarcOptions,
    domain_allowed,
    health_keywords,
    keyword_hits,
    read_warc,
)
from sectorwatch.model import Article

HEALTH_PAGE = """<html><head><title>Fenwick Vale trust names interim chief executive</title>
</head><body><article>
<h1>Fenwick Vale trust names interim chief executive</h1>
<p>Fenwick Vale NHS Foundation Trust has appointed Morwenna Tallis as its interim chief
executive, the trust said on Tuesday.</p>
<p>Ms Tallis, currently chief operating officer at the trust, will take up the post next
month while the board searches for a permanent successor.</p>
<p>"Our patients deserve stable leadership and I am proud to step in," she said. The NHS
trust runs two hospitals and community services across the county.</p>
</article></body></html>"""

SPORT_PAGE = """<html><head><title>Harriers win the county cup</title></head><body><article>
<h1>Harriers win the county cup</h1>
<p>Ashcombe Harriers beat Dunmore Rovers three goals to one on Saturday to lift the county
cup for the first time in a decade.</p>
<p>Captain Jory Penhale scored twice in the second half before a crowd of four thousand.</p>
</article></body></html>"""


def response(writer: WARCWriter, url: str, body: bytes, content_type: str = "text/html") -> None:
    headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
    record = writer.create_warc_record(
        url, "response", payload=io.BytesIO(body), http_headers=headers
    )
    writer.write_record(record)


def member(url: str, body: bytes, content_type: str = "text/html", gzip: bool = True) -> bytes:
    """One record as its own gzip member (the way CC-NEWS files are written)."""
    buffer = io.BytesIO()
    response(WARCWriter(buffer, gzip=gzip), url, body, content_type)
    return buffer.getvalue()


def html_member(url: str, page: str, gzip: bool = True) -> bytes:
    return member(url, page.encode("utf-8"), "text/html; charset=utf-8", gzip)


def articles_of(items: list[Article | ReadFailure]) -> list[Article]:
    return [i for i in items if isinstance(i, Article)]


def failures_of(items: list[Article | ReadFailure]) -> list[ReadFailure]:
    return [i for i in items if isinstance(i, ReadFailure)]


@pytest.mark.parametrize("gzip", [True, False], ids=["warc.gz", "warc"])
def test_html_response_records_become_articles(tmp_path, gzip):
    path = tmp_path / ("news.warc.gz" if gzip else "news.warc")
    path.write_bytes(html_member("https://news.example.org/fenwick", HEALTH_PAGE, gzip))
    items = list(read_warc(path, str(path)))
    [article] = articles_of(items)
    assert article.source == "https://news.example.org/fenwick"
    assert article.title == "Fenwick Vale trust names interim chief executive"
    assert "Morwenna Tallis" in article.text
    assert article.format == "html"
    assert failures_of(items) == []


def test_non_html_records_are_skipped_with_their_type():
    data = html_member("https://news.example.org/a", HEALTH_PAGE) + member(
        "https://news.example.org/report.pdf", b"%PDF-1.4 fictional", "application/pdf"
    )
    items = list(read_warc(data, "mixed.warc.gz"))
    assert len(articles_of(items)) == 1
    assert failures_of(items) == [
        ReadFailure("https://news.example.org/report.pdf", "not HTML (application/pdf)", "skipped")
    ]


def test_request_and_warcinfo_records_are_not_documents():
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    writer.write_record(writer.create_warcinfo_record("crawl.warc.gz", {"software": "test"}))
    writer.write_record(
        writer.create_warc_record(
            "https://news.example.org/a",
            "request",
            payload=io.BytesIO(b"GET /a HTTP/1.1\r\nHost: news.example.org\r\n\r\n"),
        )
    )
    response(writer, "https://news.example.org/a", HEALTH_PAGE.encode())
    items = list(read_warc(buffer.getvalue(), "crawl.warc.gz"))
    assert [type(i).__name__ for i in items] == ["Article"]


def test_domain_allow_list_keeps_subdomains_and_skips_the_rest():
    data = html_member("https://www.healthnews.example/a", HEALTH_PAGE) + html_member(
        "https://elsewhere.example.com/b", HEALTH_PAGE.replace("Tuesday", "Monday")
    )
    options = WarcOptions(domains=frozenset({"healthnews.example"}))
    items = list(read_warc(data, "crawl.warc.gz", options))
    assert [a.source for a in articles_of(items)] == ["https://www.healthnews.example/a"]
    assert failures_of(items) == [
        ReadFailure("https://elsewhere.example.com/b", "domain not in the allow-list", "skipped")
    ]


def test_domain_matching_is_by_whole_labels():
    domains = frozenset({"nhs.uk"})
    assert domain_allowed("https://www.england.nhs.uk/news", domains)
    assert not domain_allowed("https://notnhs.uk/news", domains)
    assert domain_allowed("https://anything.example/", None)


def test_keyword_filter_keeps_health_news_and_skips_sport():
    data = html_member("https://news.example.org/fenwick", HEALTH_PAGE) + html_member(
        "https://news.example.org/cup", SPORT_PAGE
    )
    options = WarcOptions(keywords=health_keywords())
    items = list(read_warc(data, "crawl.warc.gz", options))
    assert [a.source for a in articles_of(items)] == ["https://news.example.org/fenwick"]
    [skip] = failures_of(items)
    assert skip.source == "https://news.example.org/cup"
    assert skip.outcome == "skipped"
    assert "health keyword" in skip.reason


def test_keyword_counting_is_by_whole_words_and_acronyms_keep_their_case():
    keywords = ("NHS", "NICE", "care home")
    assert keyword_hits("The NHS and NICE said the care home was nice.", keywords) == 3
    assert keyword_hits("Shipshape harbours", keywords) == 0


def test_truncated_gzip_member_fails_with_its_offset_and_the_rest_goes_on():
    first = html_member("https://news.example.org/1", HEALTH_PAGE)
    broken = html_member("https://news.example.org/2", HEALTH_PAGE.replace("two", "three"))
    last = html_member("https://news.example.org/3", HEALTH_PAGE.replace("two", "four"))
    data = first + broken[: len(broken) // 2] + last
    items = list(read_warc(data, "cut.warc.gz"))
    assert [a.source for a in articles_of(items)] == [
        "https://news.example.org/1",
        "https://news.example.org/3",
    ]
    [failure] = failures_of(items)
    assert failure.source == "cut.warc.gz"
    assert failure.outcome == "failed"
    assert f"at byte offset {len(first)}" in failure.reason


def test_archive_cut_short_reports_the_last_record():
    first = html_member("https://news.example.org/1", HEALTH_PAGE)
    second = html_member("https://news.example.org/2", HEALTH_PAGE.replace("two", "three"))
    items = list(read_warc(first + second[:150], "short.warc.gz"))
    assert [a.source for a in articles_of(items)] == ["https://news.example.org/1"]
    [failure] = failures_of(items)
    assert failure.reason.startswith(f"truncated WARC record at byte offset {len(first)}")


def test_not_a_warc_at_all_is_one_failure():
    items = list(read_warc(b"this is not an archive\n" * 10, "notes.warc"))
    [failure] = items
    assert isinstance(failure, ReadFailure)
    assert failure.outcome == "failed"
    assert "byte offset 0" in failure.reason


def test_large_pages_are_skipped():
    data = html_member("https://news.example.org/big", HEALTH_PAGE)
    [skip] = list(read_warc(data, "big.warc.gz", WarcOptions(max_bytes=100)))
    assert isinstance(skip, ReadFailure)
    assert skip.reason == "larger than 100 bytes"


def test_same_page_from_a_warc_and_an_html_file_is_the_same_article(tmp_path):
    from sectorwatch.ingest.html import read_html

    data = html_member("https://news.example.org/fenwick", HEALTH_PAGE)
    [from_warc] = list(read_warc(data, "a.warc.gz"))
    from_file = read_html(HEALTH_PAGE, "fenwick.html")
    assert isinstance(from_warc, Article) and isinstance(from_file, Article)
    assert from_warc.id == from_file.id


# ---------------------------------------------------------------- ARC files (version 1)
# warcio reads ARC but does not write it, so the tests write the format by hand: a
# `filedesc://` record holding the version block, then one record per capture, each a
# header line `URL IP-address Archive-date Content-type Length`, the HTTP response, and a
# newline. An ARC.gz file holds each record in its own gzip member.

ARC_VERSION_BLOCK = (
    b"1 0 Sectorwatch tests\nURL IP-address Archive-date Content-type Archive-length\n"
)


def arc_record(url: str, block: bytes, content_type: str = "text/html") -> bytes:
    header = f"{url} 192.0.2.10 20240305120000 {content_type} {len(block)}\n"
    return header.encode() + block + b"\n"


def http_response(body: bytes, content_type: str, status: str = "200 OK") -> bytes:
    head = f"HTTP/1.0 {status}\r\nContent-Type: {content_type}\r\n"
    return f"{head}Content-Length: {len(body)}\r\n\r\n".encode() + body


def arc_page(url: str, page: str, status: str = "200 OK") -> bytes:
    http = http_response(page.encode("utf-8"), "text/html; charset=utf-8", status)
    return arc_record(url, http)


def arc_file(*records: bytes, compressed: bool = True, version: bytes = ARC_VERSION_BLOCK) -> bytes:
    import gzip

    filedesc = arc_record("filedesc://news.arc", version, "text/plain")
    parts = [filedesc, *records]
    return b"".join(gzip.compress(p) for p in parts) if compressed else b"".join(parts)


@pytest.mark.parametrize("compressed", [True, False], ids=["arc.gz", "arc"])
def test_arc_html_records_become_the_same_articles_as_from_a_warc(tmp_path, compressed):
    path = tmp_path / ("news.arc.gz" if compressed else "news.arc")
    path.write_bytes(
        arc_file(arc_page("https://news.example.org/fenwick", HEALTH_PAGE), compressed=compressed)
    )
    items = list(read_warc(path, str(path)))
    [article] = articles_of(items)
    assert failures_of(items) == []  # the filedesc record is not a document
    assert article.source == "https://news.example.org/fenwick"
    assert article.title == "Fenwick Vale trust names interim chief executive"
    assert "Morwenna Tallis" in article.text
    [from_warc] = list(
        read_warc(html_member("https://news.example.org/fenwick", HEALTH_PAGE), "a.warc.gz")
    )
    assert article.id == from_warc.id


@pytest.mark.parametrize("compressed", [True, False], ids=["arc.gz", "arc"])
def test_arc_records_that_are_not_pages_are_skipped_with_their_reason(compressed):
    data = arc_file(
        arc_record(
            "dns:news.example.org",
            b"20240305120000\nnews.example.org. 300 IN A 192.0.2.10\n",
            "text/dns",
        ),
        arc_page("https://news.example.org/gone", HEALTH_PAGE, status="404 Not Found"),
        arc_record(
            "https://news.example.org/report.pdf",
            http_response(b"%PDF-1.4 fictional", "application/pdf"),
            "application/pdf",
        ),
        arc_page("https://news.example.org/fenwick", HEALTH_PAGE),
        compressed=compressed,
    )
    items = list(read_warc(data, "crawl.arc"))
    assert [a.source for a in articles_of(items)] == ["https://news.example.org/fenwick"]
    assert failures_of(items) == [
        ReadFailure("dns:news.example.org", "not HTML (text/dns)", "skipped"),
        ReadFailure("https://news.example.org/gone", "HTTP status 404, not 200", "skipped"),
        ReadFailure("https://news.example.org/report.pdf", "not HTML (application/pdf)", "skipped"),
    ]


def test_arc_records_go_through_the_domain_and_keyword_filters():
    data = arc_file(
        arc_page("https://www.healthnews.example/fenwick", HEALTH_PAGE),
        arc_page("https://www.healthnews.example/cup", SPORT_PAGE),
        arc_page("https://elsewhere.example.com/b", HEALTH_PAGE.replace("Tuesday", "Monday")),
    )
    options = WarcOptions(domains=frozenset({"healthnews.example"}), keywords=health_keywords())
    items = list(read_warc(data, "crawl.arc.gz", options))
    assert [a.source for a in articles_of(items)] == ["https://www.healthnews.example/fenwick"]
    cup, elsewhere = failures_of(items)
    assert (cup.source, cup.outcome) == ("https://www.healthnews.example/cup", "skipped")
    assert "health keyword" in cup.reason
    assert elsewhere == ReadFailure(
        "https://elsewhere.example.com/b", "domain not in the allow-list", "skipped"
    )


def test_truncated_arc_gz_member_fails_with_its_offset_and_the_rest_goes_on():
    import gzip

    first = arc_file(arc_page("https://news.example.org/1", HEALTH_PAGE))
    broken = gzip.compress(
        arc_page("https://news.example.org/2", HEALTH_PAGE.replace("two", "three"))
    )
    last = gzip.compress(arc_page("https://news.example.org/3", HEALTH_PAGE.replace("two", "four")))
    items = list(read_warc(first + broken[: len(broken) // 2] + last, "cut.arc.gz"))
    assert [a.source for a in articles_of(items)] == [
        "https://news.example.org/1",
        "https://news.example.org/3",
    ]
    [failure] = failures_of(items)
    assert (failure.source, failure.outcome) == ("cut.arc.gz", "failed")
    assert failure.reason.startswith(
        f"malformed or truncated ARC record at byte offset {len(first)}"
    )


def test_a_malformed_arc_header_fails_with_its_offset_and_the_next_record_is_read():
    first = arc_file(arc_page("https://news.example.org/1", HEALTH_PAGE), compressed=False)
    garbage = b"this line is not an ARC header\n<p>stray bytes</p>\n\n"
    last = arc_page("https://news.example.org/3", HEALTH_PAGE.replace("two", "four"))
    items = list(read_warc(first + garbage + last, "bad.arc"))
    assert [a.source for a in articles_of(items)] == [
        "https://news.example.org/1",
        "https://news.example.org/3",
    ]
    [failure] = failures_of(items)
    assert failure.outcome == "failed"
    assert failure.reason.startswith(
        f"malformed or truncated ARC record at byte offset {len(first)}"
    )


def test_an_arc_file_cut_short_reports_its_last_record():
    first = arc_file(arc_page("https://news.example.org/1", HEALTH_PAGE), compressed=False)
    second = arc_page("https://news.example.org/2", HEALTH_PAGE.replace("two", "three"))
    items = list(read_warc(first + second[:300], "short.arc"))
    assert [a.source for a in articles_of(items)] == ["https://news.example.org/1"]
    [failure] = failures_of(items)
    assert failure.outcome == "failed"
    assert f"ARC record at byte offset {len(first)}" in failure.reason


def test_arc_version_2_is_one_failure_that_says_to_convert_it():
    version_2 = b"2 0 Alexa Internet\nURL IP-address Archive-date Content-type Result-code ...\n"
    items = list(read_warc(arc_file(version=version_2), "old.arc.gz"))
    assert items == [
        ReadFailure(
            "old.arc.gz",
            "ARC version 2 is not supported (only version 1); convert it to WARC first",
            "failed",
        )
    ]


def test_arc_files_in_a_folder_are_read_as_web_archives(tmp_path):
    from sectorwatch.ingest.paths import read_paths

    (tmp_path / "crawl.arc.gz").write_bytes(
        arc_file(arc_page("https://news.example.org/a", HEALTH_PAGE))
    )
    (tmp_path / "crawl.arc").write_bytes(
        arc_file(
            arc_page("https://news.example.org/b", HEALTH_PAGE.replace("two", "three")),
            compressed=False,
        )
    )
    items = list(read_paths([str(tmp_path)]))
    assert [(type(i).__name__, i.source) for i in items] == [
        ("Article", "https://news.example.org/b"),
        ("Article", "https://news.example.org/a"),
    ]
