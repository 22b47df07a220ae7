"""Build small fictional Articles by hand for specification-style tests."""

from __future__ import annotations

from sectorwatch.ingest.identity import article_id
from sectorwatch.model import Article, Paragraph


def make_article(*paragraphs: str | tuple[str, str], source: str = "test.txt") -> Article:
    """An Article whose paragraphs are the given strings (body), or (kind, text) pairs,
    separated by blank lines."""
    parts: list[Paragraph] = []
    text = ""
    for item in paragraphs:
        kind, body = item if isinstance(item, tuple) else ("body", item)
        if text:
            text += "\n\n"
        parts.append(Paragraph(len(text), len(text) + len(body), kind))  # type: ignore[arg-type]
        text += body
    return Article(id=article_id(text), source=source, text=text, paragraphs=parts)


def quotes_of(extractor, *paragraphs: str | tuple[str, str]) -> list[tuple[str, str, str | None]]:  # type: ignore[no-untyped-def]
    """(type, text, speaker name) of every quote the extractor finds in the article."""
    extraction = extractor.extract(make_article(*paragraphs))
    return [(q.type, q.text, q.speaker.name if q.speaker else None) for q in extraction.quotes]


def direct_of(extractor, *paragraphs: str | tuple[str, str]) -> list[tuple[str, str | None]]:  # type: ignore[no-untyped-def]
    return [(t, s) for kind, t, s in quotes_of(extractor, *paragraphs) if kind == "direct"]


def role_triples(extractor, *paragraphs: str | tuple[str, str]) -> set[tuple[str, str, str | None]]:  # type: ignore[no-untyped-def]
    """(person, role, organisation) of every role fact the extractor finds in the article."""
    extraction = extractor.extract(make_article(*paragraphs))
    return {(r.person, r.role, r.organisation) for r in extraction.roles}
