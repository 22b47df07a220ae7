"""`search TEXT`: quotes and articles matching words or "phrases", with facet counts.

Facets narrow the quotes: `stance`, `organisation` (the speaker's, as stated), `date_from`
and `date_to` (the article's date); `kind` keeps only quotes or only articles.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from sqlalchemy import Engine, select

from sectorwatch.query.common import Judged, check_date
from sectorwatch.query.quotes import QuoteAnswer, load_quotes, quote_select
from sectorwatch.query.timeline import _within
from sectorwatch.store import fts
from sectorwatch.store.schema import articles, quotes


@dataclass
class ArticleHit:
    article_id: str
    title: str | None
    published: str | None
    source: str
    snippet: str


@dataclass
class SearchResult:
    query: str
    facets_applied: dict[str, str]
    quotes: list[QuoteAnswer] = field(default_factory=list)
    snippets: dict[str, str] = field(default_factory=dict)  # quote claim id -> snippet
    articles: list[ArticleHit] = field(default_factory=list)
    facets: dict[str, dict[str, int]] = field(default_factory=dict)


def search(
    engine: Engine,
    text: str,
    *,
    kind: str | None = None,
    stance: str | None = None,
    organisation: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    limit: int = 20,
) -> SearchResult:
    check_date(date_from, "--from")
    check_date(date_to, "--to")
    applied = {
        k: v
        for k, v in dict(
            kind=kind,
            stance=stance,
            organisation=organisation,
            date_from=date_from,
            date_to=date_to,
        ).items()
        if v
    }
    result = SearchResult(text, applied)
    with engine.connect() as conn:
        judged = Judged.load(conn)
        if kind in (None, "quote"):
            matches = fts.match_quotes(conn, text, limit * 10)
            order = {m.id: i for i, m in enumerate(matches)}
            found = load_quotes(
                conn, quote_select().where(quotes.c.claim_id.in_(list(order))), judged
            )
            found.sort(key=lambda q: order[q.claim_id])
            result.facets = {
                "stance": dict(Counter(q.stance for q in found)),
                "organisation": dict(Counter(q.speaker_organisation or "" for q in found)),
                "year": dict(Counter((q.published or "")[:4] for q in found)),
            }
            kept = [
                q
                for q in found
                if (not stance or q.stance == stance)
                and (
                    not organisation
                    or (q.speaker_organisation or "").lower() == organisation.lower()
                )
                and (not (date_from or date_to) or _within(q.published, date_from, date_to))
            ]
            result.quotes = kept[:limit]
            result.snippets = {
                m.id: m.snippet for m in matches if m.id in {q.claim_id for q in result.quotes}
            }
        if kind in (None, "article"):
            matches = fts.match_articles(conn, text, limit * 5)
            ids = [m.id for m in matches]
            rows = {
                r.id: r
                for r in conn.execute(
                    select(
                        articles.c.id, articles.c.title, articles.c.published, articles.c.source
                    ).where(articles.c.id.in_(ids))
                )
            }
            for m in matches:
                r = rows.get(m.id)
                if r is None:
                    continue
                if (date_from or date_to) and not _within(r.published, date_from, date_to):
                    continue
                result.articles.append(ArticleHit(r.id, r.title, r.published, r.source, m.snippet))
            result.articles = result.articles[:limit]
    return result
