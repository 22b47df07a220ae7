"""`search TEXT`: people, organisations, events, posts, quotes and articles matching words
or "phrases", with facet counts, one page at a time.

Every match is a `Hit` with four facets: `type` (person, organisation, event, post, quote,
article; names first, an exact name before the rest, then facts, quotes and articles),
`organisation` (a quote's speaker's organisation; an organisation's own name), `stance`
(quotes) and `year` (the article's). Choosing facet values narrows the hits; each facet's
counts (`facet_counts`) are over the hits matching the *other* chosen facets. `date_from`
and `date_to` keep hits whose article falls within them. Each type is searched for its
best `DEPTH` matches (quotes and articles: the best of at most
`store.backends.base.RANKED_AT_MOST` matches, the most recently indexed on SQLite, so that
words matching much of a large store cost no more than words matching that many).

For the command line the answer also lists the quotes and the articles separately: the
quotes narrowed by every chosen facet, the articles by `kind` and the dates only, with
`facets` counting stance, organisation (as stated) and year over every quote that matched
the words.

An answer is one page: `offset` and `limit` cut the hits, the quotes and the articles
alike, each in its own order (`total`, `quote_total` and `article_total` count every
page). The matches are ranked, counted and faceted from their ids and the few columns the
facets need; only the page's quotes and articles are read in full (text, speaker,
evidence, snippets), so a page costs about the same however many matches there are. A
connection keeps the matches of the last `MATCHED_KEPT` words while the store is
unchanged (`_matched`): another page of them, or another choice of facets, ranks nothing
again.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace

from sqlalchemy import Connection, Engine

from sectorwatch import dates
from sectorwatch.query.common import (
    Judged,
    check_date,
    connected,
    first_line,
    kept_in_snapshot,
    names_of,
)
from sectorwatch.query.quotes import QuoteAnswer, load_quotes
from sectorwatch.query.search_input import check_limit, check_offset, normalise_query
from sectorwatch.query.timeline import _within
from sectorwatch.store import article_reads, entity_reads, fts, keys, quote_reads

FACETS = ("type", "organisation", "stance", "year")
DEPTH = 200  # matches searched for of each type: the best 200 quotes, 200 articles, ...


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
    total: int = 0  # hits on every page
    quote_total: int = 0  # quotes on every page
    article_total: int = 0  # articles on every page
    offset: int = 0  # hits, quotes and articles before this page
    limit: int | None = None  # at most this many of each on a page (None: every one)


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
    limit: int | None = 20,
    offset: int = 0,
    lists: bool = True,
) -> SearchResult:
    """The page of the answer after `offset` hits (and quotes, and articles), at most
    `limit` of each (None: every one, for exports). `kind` is a type facet (quote, person,
    organisation, article). Without `lists` the answer leaves out the separate lists of
    quotes and articles and their snippets (`quotes`, `snippets`, `articles`, `facets`:
    what only the command line shows), so that a page of hits reads nothing else; the
    hits, their facet counts and every total are the same."""
    check_date(date_from, "--from")
    check_date(date_to, "--to")
    if limit is not None:
        check_limit(limit)
    check_offset(offset)
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
    result = SearchResult(text, applied, offset=offset, limit=limit)
    text = normalise_query(text)  # "" when no word is left: no query, nothing matches
    if not text:
        _narrow(result, _Found([], [], {}), chosen, kind, date_from, date_to)
        return result
    with connected(engine) as conn:
        judged = Judged.load(conn)
        matched = _matched(conn, judged, text)  # shared: what the page shows is copied
        found_quotes = matched.quotes
        if lists:
            result.facets = {
                "stance": dict(Counter(q.stance for q in found_quotes)),
                "organisation": dict(Counter(q.stated or "" for q in found_quotes)),
                "year": dict(Counter((q.published or "")[:4] for q in found_quotes)),
            }
        # names first (an exact name before any other), then facts, quotes, articles
        hits = [*matched.named, *(_quote_hit(q) for q in found_quotes)]
        hits += [_article_hit(a) for a in matched.articles]
        found = _Found(hits, matched.articles, {q.claim_id: q.stated for q in found_quotes})
        quote_hits = _narrow(result, found, chosen, kind, date_from, date_to)
        if not lists:  # the hits alone: no list of quotes or articles to read
            quote_hits, result.articles = [], []
        _read_page(conn, judged, result, quote_hits, found, text)
        if not lists:
            return result
        # snippets for what is shown only
        shown = [replace(matched.quote_matches[q.claim_id]) for q in result.quotes]
        fts.quote_snippets(conn, text, shown)
        result.snippets = {m.id: m.snippet for m in shown}
        listed = [replace(matched.article_matches[a.article_id]) for a in result.articles]
        fts.article_snippets(conn, text, listed)
        for a, m in zip(result.articles, listed, strict=True):
            a.snippet = m.snippet
    return result


MATCHED_KEPT = 32
"""The words a connection keeps the matches of (`_matched`), the least recently asked
dropped first; 0 keeps none (the benchmarks' first views)."""


@dataclass(frozen=True)
class _Matched:
    """Every match of the words, before any facet or page: what the later pages of a
    search, and the same words with other facets, share. Its objects are templates: a
    search copies those it fills in."""

    quotes: list[_QuoteFacets]
    quote_matches: dict[str, fts.Match]
    named: list[Hit]  # people, organisations, posts and events, in their order
    articles: list[ArticleHit]
    article_matches: dict[str, fts.Match]


def _matched(conn: Connection, judged: Judged, text: str) -> _Matched:
    """The matches of `text` (normalised): ranked, counted and faceted once while the store
    is unchanged (`kept_in_snapshot`), so that another page of the same words, or another
    choice of facets, reads only what it shows."""

    def match() -> _Matched:
        found_quotes, quote_matches = _quotes(conn, judged, text)
        named = _named(conn, judged, text, DEPTH) + _facts(conn, text, DEPTH)
        found_articles, article_matches = _articles(conn, text)
        return _Matched(found_quotes, quote_matches, named, found_articles, article_matches)

    return kept_in_snapshot(conn, "search:matched", text, MATCHED_KEPT, match)


@dataclass(frozen=True)
class _Found:
    """Every match, before narrowing: hits of every type (quotes and articles not yet read
    in full), the articles, and each quote's speaker organisation as stated."""

    hits: list[Hit]
    articles: list[ArticleHit]
    stated: dict[str, str | None]


@dataclass(frozen=True)
class _QuoteFacets:
    """What a matching quote is counted and narrowed by, as `load_quotes` would give it
    (judgements applied), without its text, speaker or evidence."""

    claim_id: str
    stance: str
    stated: str | None  # the speaker's organisation as stated (None: speaker corrected)
    organisation: str | None  # that organisation's name, else as stated
    published: str | None


def _narrow(
    result: SearchResult,
    found: _Found,
    chosen: dict[str, str],
    kind: str | None,
    date_from: str | None,
    date_to: str | None,
) -> list[Hit]:
    """The facet counts, totals, page of hits and page of articles of `result`, narrowed
    by the chosen facets and dates; the hits of the quotes on its page (`_read_page` reads
    them)."""
    hits, found_articles = found.hits, found.articles
    if date_from or date_to:
        hits = [h for h in hits if _within(h.published, date_from, date_to)]
        found_articles = [a for a in found_articles if _within(a.published, date_from, date_to)]
    for facet in FACETS:
        others = {k: v for k, v in chosen.items() if k != facet}
        kept = [h for h in hits if _matches(h, others, found.stated)] if others else hits
        counts = Counter(str(v) for h in kept if (v := getattr(h, facet)))
        result.facet_counts[facet] = [
            FacetCount(v, c) for v, c in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        ]
    narrowed = [h for h in hits if _matches(h, chosen, found.stated)] if chosen else hits
    quotes = [h for h in narrowed if h.type == "quote"]
    if kind not in (None, "article"):
        found_articles = []
    page = slice(result.offset, None if result.limit is None else result.offset + result.limit)
    result.hits = [replace(h) for h in narrowed[page]]  # the page's own, to fill in
    result.articles = [replace(a) for a in found_articles[page]]
    result.total, result.quote_total = len(narrowed), len(quotes)
    result.article_total = len(found_articles)
    return quotes[page]


def _matches(hit: Hit, chosen: dict[str, str], stated: dict[str, str | None]) -> bool:
    for facet, value in chosen.items():
        if facet == "organisation":
            said = stated.get(hit.id) if hit.type == "quote" else None
            if value.casefold() not in {(o or "").casefold() for o in (hit.organisation, said)}:
                return False
        elif str(getattr(hit, facet)) != value:
            return False
    return True


def _year(value: str | None) -> str | None:
    return value[:4] if value and dates.is_partial_date(value) else None


def _quotes(
    conn: Connection, judged: Judged, text: str
) -> tuple[list[_QuoteFacets], dict[str, fts.Match]]:
    """The best `DEPTH` quotes, best first, with what they are counted by (read with their
    ranks), and their matches by claim id."""
    ranked = fts.match_quotes(conn, text, DEPTH)
    rows = [(m.id, m.facets) for m in ranked if m.facets and m.id not in judged.rejected]
    orgs = {  # a corrected speaker's quote has no organisation (`load_quotes`)
        claim: judged.canon(f.speaker_organisation_id)
        for claim, f in rows
        if claim not in judged.speakers
    }
    names = names_of(conn, {o for o in orgs.values() if o})
    found = []
    for claim, f in rows:
        stated = f.speaker_organisation if claim in orgs else None
        org = orgs.get(claim)
        name = names.get(org, f.speaker_organisation or org) if org else None
        found.append(_QuoteFacets(claim, f.stance or "", stated, name or stated, f.published))
    return found, {m.id: m for m in ranked}


def _quote_hit(q: _QuoteFacets) -> Hit:
    """A quote's hit, its title, text and `quote` read with the page (`_read_page`)."""
    return Hit("quote", q.claim_id, "", "", q.organisation, q.stance, _year(q.published),
               q.published)  # fmt: skip


def _read_page(
    conn: Connection,
    judged: Judged,
    result: SearchResult,
    quote_hits: list[Hit],
    found: _Found,
    text: str,
) -> None:
    """Read in full the quotes and articles on the page of `result` (its hits, and the
    quotes of `quote_hits` and its articles), and fill them in: `result.quotes` from
    `quote_hits`."""
    wanted = [h for h in (*result.hits, *quote_hits) if h.type == "quote"]
    read = {
        q.claim_id: q
        for q in load_quotes(conn, quote_reads.quotes_by_claim({h.id for h in wanted}), judged)
    }
    for h in wanted:
        q = read.get(h.id)
        if q is not None:
            h.title, h.text, h.quote = q.speaker or "unknown speaker", q.text, q
    result.hits = [h for h in result.hits if h.type != "quote" or h.quote is not None]
    result.quotes = [h.quote for h in quote_hits if h.quote is not None]
    every = {a.article_id: a for a in found.articles}
    shown = {a.article_id: a for a in result.articles}  # the page's own copies
    shown.update(
        (h.id, replace(every[h.id]))
        for h in result.hits
        if h.type == "article" and h.id not in shown
    )
    rows = {r.id: r for r in article_reads.articles_for_hits(conn, shown)}
    for a in shown.values():
        if (r := rows.get(a.article_id)) is not None:
            a.title, a.source, a.excerpt = first_line(r.title), r.source, _excerpt(r.text, text)
    for h in result.hits:
        if h.type == "article":
            a = shown[h.id]
            h.title, h.text = a.title or a.article_id, a.excerpt


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


def _articles(conn: Connection, text: str) -> tuple[list[ArticleHit], dict[str, fts.Match]]:
    """The best `DEPTH` articles, best first, with their dates only (title, source and
    excerpt read with the page, `_read_page`), and their matches."""
    matches = fts.match_articles(conn, text, DEPTH)
    found = [ArticleHit(m.id, None, m.facets.published, "", "") for m in matches if m.facets]
    return found, {m.id: m for m in matches}


def _article_hit(a: ArticleHit) -> Hit:
    """An article's hit, its title and excerpt read with the page (`_read_page`)."""
    return Hit("article", a.article_id, "", "", None, None, _year(a.published), a.published)


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
