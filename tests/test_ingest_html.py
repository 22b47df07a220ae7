"""The HTML reader: trafilatura's main text, metadata, and the shared classifier."""

from __future__ import annotations

from pathlib import Path

from sectorwatch.ingest import ReadFailure
from sectorwatch.ingest.html import read_html

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"


def test_html_page_metadata():
    article = read_html((FIXTURES / "page.html").read_text("utf-8"), "page.html")
    assert article.title == "Pellham ICB chair to step down"
    assert article.authors == ["Ruth Okello", "Simon Darrow"]
    assert article.published == "2024-06-03"
    assert article.publisher == "Care Systems Journal"
    assert article.format == "html"


def test_html_text_is_extracted_paragraphs_separated_by_blank_lines():
    article = read_html((FIXTURES / "page.html").read_text("utf-8"), "page.html")
    blocks = article.text.split("\n\n")
    assert [article.paragraph_text(p) for p in article.paragraphs] == blocks
    assert [p.kind for p in article.paragraphs] == [
        "title",
        "body",
        "body",
        "body",
        "boilerplate",
    ]
    assert article.paragraph_text(article.paragraphs[2]).startswith("Mr Forsby said: “It has")
    assert "<p>" not in article.text
    assert "Pellham ICB sets out deficit plan" not in article.text
    assert "cookies" not in article.text


def test_teaser_list_kept_by_trafilatura_is_classified_as_teaser():
    html = (
        "<html><body><article><h1>Trust names finance director</h1>"
        "<p>Brackley Hospitals NHS Trust has named Owen Tarrant as its finance director, "
        "the trust said on Thursday after a search that lasted most of the year.</p>"
        "<p>Mr Tarrant joins from a neighbouring trust, where he led the finance team.</p>"
        "<h3>Related articles</h3><p>Brackley trust reports £9m deficit</p>"
        "<p>Ministers promise new capital rules</p></article></body></html>"
    )
    article = read_html(html, "teasers.html")
    kinds = {article.paragraph_text(p): p.kind for p in article.paragraphs}
    assert kinds["Related articles"] == "teaser"
    assert kinds["Brackley trust reports £9m deficit"] == "teaser"
    assert kinds["Ministers promise new capital rules"] == "teaser"
    assert kinds["Mr Tarrant joins from a neighbouring trust, where he led the finance team."] == (
        "body"
    )


def test_html_without_main_text_is_a_failure():
    failure = read_html("<html><head><title>x</title></head><body></body></html>", "e.html")
    assert failure == ReadFailure("e.html", "no article text found in HTML")


def test_malformed_html_is_read_best_effort():
    html = (
        "<html><body><div><p>Calder Moor ICB has appointed Rhiannon Hale as chief executive, "
        "its board confirmed at a meeting in public on Wednesday afternoon.<p>Ms Hale starts "
        "in June<div></body>"
    )
    article = read_html(html, "broken.html")
    assert not isinstance(article, ReadFailure)
    assert "Rhiannon Hale" in article.text
