"""`search TEXT`: people, organisations, events, posts, quotes and articles matching words
or "phrases", with facet counts.

Every match is a `Hit` with four facets: `type` (person, organisation, event, post, quote,
article; names first, an exact name before the rest, then facts, quotes and articles),
`organisation` (a quote's speaker's organisation; an organisation's own name), `stance`
(quotes) and `year` (the article's). Choosing facet values narrows the hits; each facet's
counts (`facet_counts`) are over the hits matching the *other* chosen facets. `date_from`
and `date_to` keep hits whose article falls within them.

For the command line the answer also lists the quotes and the articles separately: the
quotes narrowed by every chosen facet, the articles by `kind` and the dates only, each up to
`limit`, with `facets` counting stance, organisation (as stated) and year over every quote
that matched the words.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from sqlalchemy import Connection, Engine

from sectorwatch import dates
from sectorwatch.query.common import Judged, check_date, connected, first_line, names_of
from sectorwatch.query.quotes import QuoteAnswer, load_quotes
from sectorwatch.query.search_input import check_limit, normalise_query
from sectorwatch.query.timeline import _within
from sectorwatch.store import article_reads, entity_reads, fts, keys, quote_reads

FACETS = ("type", "organisation", "stance", "year")


@dataclass
class ArticleHit:
    article_id: str
    title: str | None
    published: str | None
    source: str
    snippet: str  # the search engine's, matches in [brackets]
    excerpt: str = ""  # plain text around the first matching word


@dataclass
class Hit:
    """One match of any type, with its facet values."""

    type: str  # quote | person | organisation | article
    id: str  # claim id of a quote, entity id, article id
    title: str  # the speaker, the entity's name, the article's title
    text: str  # the quote, "" for an entity, an excerpt of the article
    organisation: str | None
    stance: str | None
    year: str | None
    published: str | None = None
    quote: QuoteAnswer | None = None
    url: str | None = None  # its page, when not /{type}/{id}


@dataclass
class FacetCount:
    value: str
    count: int


@dataclass
class SearchResult:
    query: str
    facets_applied: dict[str, str]
    quotes: list[QuoteAnswer] = field(default_factory=list)
    snippets: dict[str, str] = field(default_factory=dict)  # quote claim id -> snippet
    articles: list[ArticleHit] = field(default_factory=list)
    facets: dict[str, dict[str, int]] = field(default_factory=dict)
    hits: list[Hit] = field(default_factory=list)  # every type, narrowed by the facets
    facet_counts: dict[str, list[FacetCount]] = field(default_factory=dict)


def search(
    engine: Engine | Connection,
    text: str,
    *,
    kind: str | None = None,
    stance: str | None = None,
    organisation: str | None = None,
    year: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    limit: int = 20,
) -> SearchResult:
    """`kind` is a type facet (quote, person, organisation, article); `limit` bounds the
    command line's lists (each type is searched for up to ten times as many matches)."""
    check_date(date_from, "--from")
    check_date(date_to, "--to")
    check_limit(limit)
    facets = {"type": kind, "organisation": organisation, "stance": stance, "year": year}
    chosen = {k: v for k, v in facets.items() if v}
    applied = {
        k: v
        for k, v in dict(
            kind=kind,
            stance=stance,
            organisation=organisation,
            year=year,
            date_from=date_from,
            date_to=date_to,
        ).items()
        if v
    }
    result = SearchResult(text, applied)
    text = normalise_query(text)  # "" when no word is left: no query, nothing matches
    if not text:
        _narrow(result, [], [], chosen, kind, date_from, date_to, limit)
        return result
    with connected(engine) as conn:
        judged = Judged.load(conn)
        found_quotes, quote_matches = _quotes(conn, judged, text, limit * 10)
        result.facets = {
            "stance": dict(Counter(q.stance for q in found_quotes)),
            "organisation": dict(Counter(q.speaker_organisation or "" for q in found_quotes)),
            "year": dict(Counter((q.published or "")[:4] for q in found_quotes)),
        }
        # names first (an exact name before any other), then facts, quotes, articles
        hits = _named(conn, judged, text, limit * 10)
        hits += _facts(conn, text, limit * 10)
        hits += [_quote_hit(q) for q in found_quotes]
        found_articles, article_matches = _articles(conn, text, limit * 10)
        hits += [_article_hit(a) for a in found_articles]
        _narrow(result, hits, found_articles, chosen, kind, date_from, date_to, limit)
        # snippets for what is shown only
        shown = {q.claim_id for q in result.quotes}
        fts.quote_snippets(conn, text, [m for i, m in quote_matches.items() if i in shown])
        result.snippets = {i: m.snippet for i, m in quote_matches.items() if i in shown}
        listed = [article_matches[a.article_id] for a in result.articles]
        fts.article_snippets(conn, text, listed)
        for a, m in zip(result.articles, listed, strict=True):
            a.snippet = m.snippet
    return result


def _narrow(
    result: SearchResult,
    hits: list[Hit],
    found_articles: list[ArticleHit],
    chosen: dict[str, str],
    kind: str | None,
    date_from: str | None,
    date_to: str | None,
    limit: int,
) -> None:
    """The hits, facet counts, quotes and articles of `result`, narrowed by the chosen
    facets and dates."""
    if date_from or date_to:
        hits = [h for h in hits if _within(h.published, date_from, date_to)]
        found_articles = [a for a in found_articles if _within(a.published, date_from, date_to)]
    for facet in FACETS:
        others = {k: v for k, v in chosen.items() if k != facet}
        counts = Counter(
            str(getattr(h, facet)) for h in hits if getattr(h, facet) and _matches(h, others)
        )
        result.facet_counts[facet] = [
            FacetCount(v, c) for v, c in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        ]
    result.hits = [h for h in hits if _matches(h, chosen)]
    result.quotes = [h.quote for h in result.hits if h.quote is not None][:limit]
    if kind in (None, "article"):
        result.articles = found_articles[:limit]


def _matches(hit: Hit, chosen: dict[str, str]) -> bool:
    for facet, value in chosen.items():
        if facet == "organisation":
            stated = hit.quote.speaker_organisation if hit.quote else None
            if value.casefold() not in {(o or "").casefold() for o in (hit.organisation, stated)}:
                return False
        elif str(getattr(hit, facet)) != value:
            return False
    return True


def _year(value: str | None) -> str | None:
    return value[:4] if value and dates.is_partial_date(value) else None


def _quotes(
    conn: Connection, judged: Judged, text: str, limit: int
) -> tuple[list[QuoteAnswer], dict[str, fts.Match]]:
    """The best `limit` quotes, best first, and their matches by claim id."""
    ranked = fts.match_quotes(conn, text, limit)
    order = {m.id: i for i, m in enumerate(ranked)}
    matches = {m.id: m for m in ranked}
    found = load_quotes(conn, quote_reads.quotes_by_claim(order), judged)
    found.sort(key=lambda q: order[q.claim_id])
    return found, matches


def _quote_hit(q: QuoteAnswer) -> Hit:
    return Hit(
        "quote",
        q.claim_id,
        q.speaker or "unknown speaker",
        q.text,
        q.speaker_organisation_name or q.speaker_organisation,
        q.stance,
        _year(q.published),
        q.published,
        q,
    )


def _entities(conn: Connection, judged: Judged, text: str, limit: int) -> list[Hit]:
    """People and organisations with a name containing `text`, by name."""
    norm = keys.organisation_norm(text)
    rows = entity_reads.names_containing(conn, text, norm, limit)
    found = {judged.canon(r[0]) or r[0]: r[1] for r in rows}
    names = names_of(conn, set(found))
    out = []
    for entity_id, kind in sorted(found.items(), key=lambda kv: names.get(kv[0], kv[0])):
        name = names.get(entity_id, entity_id)
        if kind == "person":
            out.append(Hit("person", entity_id, name, "", None, None, None))
        else:
            out.append(Hit("organisation", entity_id, name, "", name, None, None))
    return out


def _named(conn: Connection, judged: Judged, text: str, limit: int) -> list[Hit]:
    """People and organisations called `text` (exactly first), containing it, or -- when
    none does -- spelt nearly like it."""
    from sectorwatch.query.search_facts import close_names, exact_names

    found = _entities(conn, judged, text, limit)
    if not found:
        close = close_names(conn, text)
        names = names_of(conn, {e for e, _ in close})
        for entity_id, kind in close:
            name = names.get(entity_id, entity_id)
            found.append(Hit(kind, entity_id, name, "", name if kind != "person" else None,
                             None, None))  # fmt: skip
    exact = exact_names(conn, text)
    return [h for h in found if h.id in exact] + [h for h in found if h.id not in exact]


def _facts(conn: Connection, text: str, limit: int) -> list[Hit]:
    """Posts and events the words describe (`sectorwatch.query.search_facts`)."""
    from sectorwatch.query.search_facts import event_matches, post_matches

    hits = []
    for p in post_matches(conn, text, limit):
        title = p["role"] + (f", {p['organisation']}" if p["organisation"] else "")
        hits.append(Hit("post", p["id"], title, "", p["organisation"], None, None, url=p["url"]))
    for e in event_matches(conn, text, limit):
        what = ", ".join(str(p) for p in (e["person"], e["role"], *e["organisation"]) if p)
        hits.append(
            Hit(
                "event",
                e["id"],
                f"{e['type'].replace('_', ' ')}: {what}" if what else e["type"],
                f"{e['status'] or ''} {e['date'] or ''}".strip(),
                e["organisation"][0] if e["organisation"] else None,
                None,
                _year(e["date"]),
                e["reported"],
            )
        )
    return hits


def _articles(
    conn: Connection, text: str, limit: int
) -> tuple[list[ArticleHit], dict[str, fts.Match]]:
    """The best `limit` articles, best first (snippets not yet made), and their matches."""
    matches = fts.match_articles(conn, text, limit)
    rows = {r.id: r for r in article_reads.articles_for_hits(conn, [m.id for m in matches])}
    found = [
        ArticleHit(r.id, first_line(r.title), r.published, r.source, "", _excerpt(r.text, text))
        for m in matches
        if (r := rows.get(m.id)) is not None
    ]
    return found, {m.id: m for m in matches}


def _article_hit(a: ArticleHit) -> Hit:
    return Hit(
        "article", a.article_id, a.title or a.article_id, a.excerpt, None, None,
        _year(a.published), a.published,
    )  # fmt: skip


def _excerpt(body: str, query: str, width: int = 220) -> str:
    words = [w.lower() for w in query.replace('"', " ").split() if w]
    low = body.lower()
    at = min((p for p in (low.find(w) for w in words) if p >= 0), default=0)
    start = max(0, at - width // 3)
    return (
        ("…" if start else "")
        + body[start : start + width]
        + ("…" if start + width < len(body) else "")
    )
