"""The plain-text reader: a scraped page in, classified paragraphs and metadata out."""

from __future__ import annotations

from pathlib import Path

from sectorwatch.ingest import read_paths
from sectorwatch.ingest.identity import article_id
from sectorwatch.ingest.text import read_text

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"


def kinds(article):
    return [(p.kind, article.paragraph_text(p)) for p in article.paragraphs]


def test_scraped_page_metadata():
    text = (FIXTURES / "scraped_page.txt").read_text("utf-8")
    article = read_text(text, "scraped_page.txt")
    assert article.id == article_id(text)
    assert article.text == text
    assert article.title == "Ashworth Vale trust names new chief executive"
    assert article.authors == ["Marta Quill", "Joseph Penrose"]
    assert article.published == "2024-05-14"
    assert article.format == "text"


def test_scraped_page_paragraph_kinds():
    article = read_text((FIXTURES / "scraped_page.txt").read_text("utf-8"), "page.txt")
    title = "Ashworth Vale trust names new chief executive"
    assert kinds(article) == [
        ("boilerplate", "This site is intended for health professionals only"),
        ("boilerplate", "Menu"),
        ("title", title),
        ("title", title),
        ("byline", "By Marta Quill and Joseph Penrose"),
        ("dateline", "Tuesday 14 May 2024"),
        ("boilerplate", "Share this story:"),
        (
            "body",
            "Ashworth Vale Hospitals NHS Trust has appointed Dr Imani Sollis as its chief "
            "executive, the trust confirmed on Monday.",
        ),
        (
            "body",
            "Dr Sollis, currently chief operating officer at Fernley Community Health NHS "
            "Trust, will take up the post in September.",
        ),
        ("body", "Ashworth Vale chair Colin Brennick"),
        (
            "body",
            "Ashworth Vale chair Colin Brennick said: ‘Imani brings exactly the operational "
            "grip the trust needs.’",
        ),
        ("boilerplate", "Want news like this straight to your inbox?"),
        ("teaser", "Related news"),
        ("teaser", "Fernley trust reports £12m deficit"),
        ("teaser", "Ministers promise new capital rules"),
        (
            "teaser",
            "Trusts must publish their capital plans by the end of June, the department said...",
        ),
    ]


def test_offsets_point_into_the_text_as_read_with_crlf_and_indentation():
    text = (
        "  Site Name | News for leaders\r\n\r\nHeadline about a trust\r\n\r\nBy Ann Lee\r\n"
        "1 May 2024\r\n\r\n   The trust said on Friday that its chief executive would leave.\r\n"
    )
    article = read_text(text, "crlf.txt")
    assert article.title == "Headline about a trust"
    assert [p.kind for p in article.paragraphs] == [
        "boilerplate",
        "title",
        "byline",
        "dateline",
        "body",
    ]
    body = article.body_paragraphs()[0]
    assert text[body.start : body.end] == (
        "The trust said on Friday that its chief executive would leave."
    )
    assert len(article.body_text()) == len(text)


def test_soft_wrapped_paragraph_stays_one_paragraph():
    text = "The board met on Tuesday and agreed\nthat the chief executive would stay.\n"
    article = read_text(text, "wrapped.txt")
    assert kinds(article) == [("body", text.strip())]


def test_column_without_byline_keeps_intro_as_body_and_finds_its_author():
    text = (
        "Sharp analysis of how providers are being reshaped. This week by deputy editor "
        "Ben Whitlow.\n\nFor most of the last decade, the answer to a struggling trust was "
        "a merger with a bigger neighbour.\n\nWhy now?\n\nPart of the explanation is national.\n"
    )
    article = read_text(text, "column.txt")
    assert article.title is None
    assert article.authors == ["Ben Whitlow"]
    assert article.published is None
    assert [p.kind for p in article.paragraphs] == ["body"] * 4


def test_seed_000_metadata(seeds_dir):
    path = seeds_dir / "000_8e9b7baf96699c19.txt"
    [article] = read_paths([str(path)])
    assert article.title == "Ian Dalton quits NHS Improvement: the sector reacts"
    assert article.authors == ["Valeria Fiore"]
    assert article.published == "2019-03-04"
    assert article.text == path.read_text("utf-8")


def test_seed_000_teasers_never_reach_the_body(seeds_dir):
    [article] = read_paths([str(seeds_dir / "000_8e9b7baf96699c19.txt")])
    body = [article.paragraph_text(p) for p in article.body_paragraphs()]
    assert not any("ICSs breach £650m overspend" in p for p in body)
    assert not any("MPs call for review into ICB membership" in p for p in body)
    assert not any("Related news" in p or "Share this story" in p for p in body)
    teasers = [article.paragraph_text(p) for p in article.paragraphs if p.kind == "teaser"]
    assert teasers[:2] == ["Related news", "ICSs breach £650m overspend in six months"]
    assert "NHS Providers chief executive Chris Hopson" in body


def test_seed_paragraph_offsets_match_blocks(seeds_dir):
    for path in sorted(seeds_dir.glob("*.txt")):
        [article] = read_paths([str(path)])
        for p in article.paragraphs:
            block = article.text[p.start : p.end]
            assert block == block.strip() and block
            assert block in article.text.split("\n\n") or "\n" not in block


def test_seed_003_column_has_author_and_no_title(seeds_dir):
    [article] = read_paths([str(seeds_dir / "003_e898feb78db309e5.txt")])
    assert article.title is None
    assert article.authors == ["Dave West"]
    first = article.paragraphs[0]
    assert first.kind == "body"
    assert article.paragraph_text(first).endswith("This week by deputy editor Dave West.")
    assert "Legacy" in [article.paragraph_text(p) for p in article.body_paragraphs()]
