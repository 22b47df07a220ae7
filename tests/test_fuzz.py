"""Fuzz (issue 14): every reader (text, HTML, JSON Lines, WARC, standard input) and `extract`
end in an Article (or an Extraction) or a clear ReadFailure for any input, never an
exception, and what they give can be stored and printed (valid UTF-8, offsets inside the
text). Inputs: random bytes, random Unicode with lone surrogates, controls, right-to-left
and zero-width marks, and soup of quote marks around invented names.

Bounded for `make test`: few examples each, derandomized (the same examples on every run,
so CI is stable), no example database, no deadline (the machine is shared).
"""

from __future__ import annotations

import io
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from sectorwatch.extract.batch import extraction_failure
from sectorwatch.ingest import ReadFailure, ReadOptions, read_paths
from sectorwatch.ingest.jsonl import read_jsonl
from sectorwatch.ingest.readers import read_document_bytes
from sectorwatch.ingest.text import read_text
from sectorwatch.ingest.warc import read_warc
from sectorwatch.model import Article, Extraction

FUZZ = settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
OPTIONS = ReadOptions(max_bytes=200_000)

MARKS = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u200e", "\u200f"]
MARKS += ["\u202a", "\u202b", "\u202e", "\u2066", "\u2069", "\u061c"]
QUOTES = ['"', "'", "“", "”", "‘", "’", "«", "»", "„", "‹", "›", "\u201f", "``", "''", '"""']
WORDS = ["Tamsin", "Ollerton", "said", ":", "chair", "of", "Wrenford", "Care", "Partnership"]
WORDS += ["Trust", "Board", "the", "ICB", "chief", "executive", "\n", "\n\n", ".", ",", "Ms"]
WORDS += ["Quarrie", "told", "added", "according", "to", "NHS", "Foundation", "appointed"]

surrogates = st.integers(0xD800, 0xDFFF).map(chr)
controls = st.integers(0, 0x1F).map(chr) | st.just("\x7f") | st.just("\x85")
wild_char = st.characters() | surrogates | controls | st.sampled_from(MARKS + QUOTES[:-3])
wild_text = st.text(wild_char, max_size=400)
soup = st.lists(
    st.sampled_from(WORDS + QUOTES + MARKS) | surrogates | st.sampled_from(["\u05d0", "\u0627"]),
    max_size=120,
).map(" ".join)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | wild_text,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=12,
)
records = st.fixed_dictionaries(
    {},
    optional={
        "text": wild_text | soup | json_values,
        "html": wild_text.map(lambda t: f"<html><body><p>{t}</p></body></html>") | json_values,
        "url": wild_text | json_values,
        "title": wild_text | json_values,
        "authors": st.lists(json_values, max_size=4) | json_values,
        "published": st.sampled_from(["2019-02-30", "2024-13-01", "2024-03", "soon"]) | json_values,
        "publisher": json_values,
    },
)


def assert_usable(item: object) -> None:
    """An Article (storable, printable, offsets inside its text) or a ReadFailure."""
    assert isinstance(item, Article | ReadFailure), item
    if isinstance(item, ReadFailure):
        assert item.reason and item.outcome in ("skipped", "failed")
        assert "\n" not in item.source and "\n" not in item.reason
        (item.source + item.reason).encode("utf-8")
        return
    for value in (item.text, item.source, item.title or "", *item.authors, item.publisher or ""):
        value.encode("utf-8")
    assert "\n" not in item.source
    for p in item.paragraphs:
        assert 0 <= p.start <= p.end <= len(item.text)


@FUZZ
@given(st.binary(max_size=2000))
def test_text_and_html_files_of_random_bytes(data):
    assert_usable(read_document_bytes(data, "fuzz.txt", "text", OPTIONS))
    assert_usable(read_document_bytes(data, "fuzz.html", "html", OPTIONS))


@FUZZ
@given(wild_text | soup)
def test_text_of_random_unicode_is_cleaned_in_place(text):
    article = read_text(text, "fuzz.txt")
    assert_usable(article)
    assert len(article.text) == len(text)


@FUZZ
@given(st.lists(wild_text | soup, max_size=6))
def test_html_tag_soup(pieces):
    tags = ["<p>", "</p>", "<div>", "<script>", "</article>", "<h1>", "<!--", "<![CDATA["]
    html = "<html><body><article>" + "".join(
        f"{tags[i % len(tags)]}{piece}" for i, piece in enumerate(pieces)
    )
    assert_usable(
        read_document_bytes(html.encode("utf-8", "surrogatepass"), "f.html", "html", OPTIONS)
    )


@FUZZ
@given(st.lists(records, max_size=4), st.binary(max_size=300))
def test_json_lines_of_random_records_and_bytes(lines, junk):
    data = b"\n".join(json.dumps(r).encode("ascii") for r in lines) + b"\n" + junk
    for item in read_jsonl(io.BytesIO(data), "fuzz.jsonl", OPTIONS):
        assert_usable(item)


@FUZZ
@given(st.binary(max_size=2000))
def test_standard_input_of_random_bytes(data):
    for item in read_paths(["-"], ReadOptions(max_bytes=200_000, stdin=io.BytesIO(data))):
        assert_usable(item)


def _archive(body: bytes, gzip: bool) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip)
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    record = writer.create_warc_record(
        "https://news.example/page", "response", payload=io.BytesIO(body), http_headers=headers
    )
    writer.write_record(record)
    return buffer.getvalue()


@FUZZ
@given(
    wild_text | soup,
    st.booleans(),
    st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 255)), max_size=4),
    st.integers(0, 10_000),
)
def test_warc_archives_damaged_at_random(text, gzip, flips, cut):
    page = f"<html><body><article><p>{text}</p></article></body></html>"
    data = bytearray(_archive(page.encode("utf-8", "surrogatepass"), gzip))
    for at, value in flips:
        data[at % len(data)] = value
    for item in read_warc(bytes(data[: max(cut, 1)]), "fuzz.warc.gz", None):
        assert_usable(item)


@FUZZ
@given(st.binary(max_size=1500))
def test_warc_of_random_bytes(data):
    for item in read_warc(data, "fuzz.warc", None):
        assert_usable(item)


@settings(
    max_examples=30,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(st.lists(soup | wild_text, min_size=1, max_size=4))
def test_extract_ends_in_an_extraction_or_a_clear_failure(extractor, texts):
    articles = [
        read_text(t if t.strip() else "Ms Quarrie said.", f"f{i}.txt") for i, t in enumerate(texts)
    ]
    failures: list[ReadFailure] = []
    out = list(
        extractor.extract_many(
            articles, on_error=lambda a, e: failures.append(extraction_failure(a, e))
        )
    )
    assert len(out) + len(failures) == len(articles)
    for failure in failures:
        assert_usable(failure)
    for extraction in out:
        assert isinstance(extraction, Extraction)
        text = extraction.article.text
        facts = [*extraction.quotes, *extraction.roles, *extraction.events, *extraction.mentions]
        for fact in facts:
            assert 0 <= fact.start <= fact.end <= len(text)
            evidence = getattr(fact, "evidence", None)
            if evidence is not None:
                assert 0 <= evidence.sentence_start <= evidence.sentence_end <= len(text)
        json.dumps([q.text for q in extraction.quotes], ensure_ascii=False).encode("utf-8")
