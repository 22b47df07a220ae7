"""The store's tables, one schema for SQLite and PostgreSQL (SQLAlchemy Core).

Per-article rows (evidence, claims, mentions, occupancies, reporting lines, organisation
changes, events, quotes) carry `article_id`, so re-extracting an article replaces exactly
its rows. Entities, aliases, posts, referents and judgements outlive any one article.
Ids of claims and evidence are hashes of what they say and where, so the same fact read by
a newer extractor keeps its id and the judgements that point to it.
"""

from __future__ import annotations

from sqlalchemy import (
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()

schema_version = Table(
    "schema_version",
    metadata,
    Column("version", Integer, primary_key=True),
    Column("name", Text, nullable=False),
    Column("applied_at", Text, nullable=False),
)

articles = Table(
    "articles",
    metadata,
    Column("id", Text, primary_key=True),
    Column("source", Text, nullable=False),
    Column("title", Text),
    Column("authors", Text, nullable=False, default="[]"),  # JSON list
    Column("published", Text),  # partial ISO date
    Column("publisher", Text),
    Column("text", Text, nullable=False),
    Column("paragraphs", Text, nullable=False, default="[]"),  # JSON [[start, end, kind]]
    Column("format", Text, nullable=False, default="text"),
    Column("extractor", Text, nullable=False),
    Column("extractor_version", Text, nullable=False),
    # near-duplicates (sectorwatch.store.duplicates): the first-seen copy this article repeats
    Column("duplicate_of", Text, index=True),
)

article_signatures = Table(
    "article_signatures",
    metadata,
    # near-duplicates (sectorwatch.store.duplicates): the MinHash of an article's body,
    # stored when the article is written so the index is rebuilt without re-reading any text
    Column("article_id", Text, ForeignKey("articles.id"), primary_key=True),
    Column("num_perm", Integer, nullable=False),
    Column("shingle_words", Integer, nullable=False),
    Column("signature", LargeBinary, nullable=False),  # num_perm uint64 values, tobytes()
)

evidence = Table(
    "evidence",
    metadata,
    Column("id", Text, primary_key=True),
    Column("article_id", Text, ForeignKey("articles.id"), nullable=False, index=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("sentence", Text, nullable=False),
    Column("sentence_start", Integer, nullable=False),
    Column("sentence_end", Integer, nullable=False),
)

entities = Table(
    "entities",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),  # creation order
    Column("id", Text, nullable=False, unique=True),
    Column("kind", Text, nullable=False),  # person | organisation
    Column("name", Text, nullable=False),
)

aliases = Table(
    "aliases",
    metadata,
    Column("entity_id", Text, ForeignKey("entities.id"), nullable=False),
    Column("alias", Text, nullable=False),
    Column("norm", Text, nullable=False, index=True),
    Column("block", Text, nullable=False),  # blocking key: a name token
    Column("kind", Text, nullable=False),
    UniqueConstraint("entity_id", "norm"),
    Index("ix_aliases_block", "kind", "block"),
)

referents = Table(
    "referents",
    metadata,
    Column("referent_id", Text, primary_key=True),  # a merged id ...
    Column("entity_id", Text, nullable=False, index=True),  # ... and its canonical id
)

posts = Table(
    "posts",
    metadata,
    Column("id", Text, primary_key=True),
    Column("organisation_id", Text, index=True),  # null: organisation not stated
    Column("role", Text, nullable=False),
)

claims = Table(
    "claims",
    metadata,
    Column("id", Text, primary_key=True),
    Column("article_id", Text, ForeignKey("articles.id"), index=True),
    Column("entity_id", Text, index=True),
    Column("property", Text, nullable=False),
    Column("value", Text, nullable=False),  # JSON
    Column("evidence_id", Text, ForeignKey("evidence.id"), nullable=False),
    Column("extractor", Text, nullable=False),
    Column("extractor_version", Text, nullable=False),
    Column("confidence", Float, nullable=False),
    Column("origin", Text, nullable=False),  # extracted | inferred | curated
    Column("observed", Text),  # the article's date: when it was reported
)

mentions = Table(
    "mentions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", Text, ForeignKey("articles.id"), nullable=False, index=True),
    Column("entity_id", Text, nullable=False, index=True),
    Column("kind", Text, nullable=False),
    Column("text", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
)

occupancies = Table(
    "occupancies",
    metadata,
    Column("claim_id", Text, ForeignKey("claims.id"), primary_key=True),
    Column("article_id", Text, nullable=False, index=True),
    Column("person_id", Text, nullable=False, index=True),
    Column("post_id", Text, ForeignKey("posts.id"), nullable=False, index=True),
    Column("status", Text, nullable=False),
    Column("valid_from", Text),
    Column("valid_to", Text),
    Column("observed", Text),
)

reporting_lines = Table(
    "reporting_lines",
    metadata,
    Column("claim_id", Text, ForeignKey("claims.id"), primary_key=True),
    Column("article_id", Text, nullable=False, index=True),
    Column("subordinate_post_id", Text, index=True),
    Column("subordinate_person_id", Text),
    Column("superior_post_id", Text, index=True),
    Column("superior_person_id", Text, index=True),
    Column("organisation_id", Text, index=True),
    Column("valid_from", Text),
    Column("valid_to", Text),
    Column("observed", Text),
)

org_changes = Table(
    "org_changes",
    metadata,
    Column("claim_id", Text, ForeignKey("claims.id"), primary_key=True),
    Column("article_id", Text, nullable=False, index=True),
    Column("kind", Text, nullable=False),  # merger, joint working, rename, split, ...
    Column("stage", Text),  # proposed, requested, announced, completed
    Column("organisations", Text, nullable=False),  # JSON list of organisation ids
    Column("result_id", Text, index=True),
    Column("date", Text),
    Column("observed", Text),
)

events = Table(
    "events",
    metadata,
    Column("claim_id", Text, ForeignKey("claims.id"), primary_key=True),
    Column("article_id", Text, nullable=False, index=True),
    Column("type", Text, nullable=False),
    Column("person_id", Text, index=True),
    Column("post_id", Text),
    Column("organisation_id", Text, index=True),
    Column("organisations", Text, nullable=False, default="[]"),  # JSON list of ids
    Column("status", Text),
    Column("date", Text),
    Column("announced", Text),
    Column("effective", Text),
    Column("observed", Text, index=True),
    Column("start", Integer, nullable=False),
)

quotes = Table(
    "quotes",
    metadata,
    Column("claim_id", Text, ForeignKey("claims.id"), primary_key=True),
    Column("article_id", Text, nullable=False, index=True),
    Column("type", Text, nullable=False),
    Column("text", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("speaker_id", Text, index=True),
    Column("speaker_name", Text),
    Column("speaker_kind", Text),
    Column("speaker_role", Text),  # as stated in that article
    Column("speaker_organisation", Text),  # as stated in that article
    Column("speaker_organisation_id", Text, index=True),
    Column("cue", Text),
    Column("stance", Text, nullable=False),
    Column("stance_cues", Text, nullable=False, default="[]"),
    Column("event_id", Text, index=True),
    Column("observed", Text),
)

judgements = Table(
    "judgements",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("kind", Text, nullable=False),  # merge | split | reject | accept | set_speaker
    Column("subject", Text, nullable=False),
    Column("object", Text),
    Column("article_id", Text),
    Column("author", Text, nullable=False),
    Column("created_at", Text, nullable=False),
    Column("note", Text),
)

post_terms = Table(
    "post_terms",
    metadata,
    # every post's terms of office as the rules build them before any judgement
    # (`store.term_rows`, migration 7): rebuilt in the transaction that changes the post's
    # reports; triggers set `version` to '' whenever one changes (stale: built afresh)
    Column("post_id", Text, primary_key=True),
    Column("version", Text, nullable=False, index=True),  # the rules' hash ('' stale)
    Column("terms", Text, nullable=False),  # JSON (`store.term_rows`)
)

speaker_quotes = Table(
    "speaker_quotes",
    metadata,
    # how many quotes each person is the stored speaker of (`speaker_kind` person), before
    # any judgement (migration 10): kept by triggers on `quotes` (the backend's
    # `create_quote_count_triggers`), so the most quoted are read by the index on `quotes`
    # rather than counted from every quote
    Column("speaker_id", Text, primary_key=True),
    Column("quotes", Integer, nullable=False, index=True),
)

named_parties = Table(
    "named_parties",
    metadata,
    # each organisation an event or an organisational change names among its parties
    # (`events.organisations`, `org_changes.organisations`: the bodies of a merger, a
    # renaming), kept by triggers on both tables (the backend's `create_party_triggers`,
    # migration 11), so the changes of an organisation are found by its id rather than by
    # reading every change of the store
    Column("organisation_id", Text, primary_key=True),
    Column("source", Text, primary_key=True),  # the table: events | org_changes
    Column("claim_id", Text, primary_key=True, index=True),
)

PER_ARTICLE = (quotes, events, org_changes, reporting_lines, occupancies, mentions, claims)
"""Tables holding one article's extracted rows, in an order safe for deletion."""
