"""Near-duplicates: a press release syndicated by two outlets is stored once as canonical,
the copy links to it, and its quotes count once. The press release is invented."""

from __future__ import annotations

from sqlalchemy import func, select
from store_factory import ArticleSpec, build

from sectorwatch.dedup.index import DuplicateIndex
from sectorwatch.dedup.minhash import DedupOptions, article_signature, shingles, signature
from sectorwatch.model import Article, Paragraph
from sectorwatch.scale.workers import ScaleOptions, ingest_items
from sectorwatch.store import open_store
from sectorwatch.store.duplicates import (
    canonical,
    duplicate_links,
    load_index,
    signature_row,
    stored_signature,
)
from sectorwatch.store.schema import quotes

RELEASE = (
    "Wendover Community Health Trust has named Priya Lindqvist as its new chief executive. "
    "Ms Lindqvist joins from the Kestrel Coast Partnership, where she was director of "
    "operations for six years, and takes up the post in September.\n"
    'Colm Ashby, chair of the Wendover Community Health Trust, said: "Priya brings a deep '
    'understanding of community services and a record of working with local partners."\n'
    'Ms Lindqvist said: "I am delighted to be joining a trust with such a strong '
    'commitment to care closer to home."\n'
    "The trust provides district nursing, health visiting and rehabilitation services to "
    "around 400,000 people across the Wendover and Ashcombe districts.\n"
)
OUTLET_A = "Wendover trust names new chief executive\nBy Staff Reporter, Health Weekly\n"
OUTLET_B = (
    "New chief executive for Wendover Community Health Trust\nFrom our newsdesk | Care Bulletin\n"
)
FOOTER_B = "Sign up to the Care Bulletin newsletter for weekly updates.\n"

QUOTES = [
    dict(
        text="Priya brings a deep understanding of community services and a record of "
        "working with local partners.",
        speaker="Colm Ashby",
        role="chair",
        organisation="Wendover Community Health Trust",
        stance="welcome",
    ),
    dict(
        text="I am delighted to be joining a trust with such a strong commitment to care "
        "closer to home.",
        speaker="Priya Lindqvist",
        stance="welcome",
    ),
]

UNRELATED = (
    "Harbourside council approves new cycle lanes\n"
    "Councillors in Harbourside have approved plans for three new cycle lanes along the "
    "seafront, with work due to begin in the spring after a public consultation.\n"
)


def copy_a():
    return build(ArticleSpec(text=OUTLET_A + RELEASE, source="a.txt", quotes=QUOTES))


def copy_b():
    return build(ArticleSpec(text=OUTLET_B + RELEASE + FOOTER_B, source="b.txt", quotes=QUOTES))


def test_shingles_are_five_normalised_words():
    assert shingles("The NHS, said  the Trust; was fine today.") == {
        "the nhs said the trust",
        "nhs said the trust was",
        "said the trust was fine",
        "the trust was fine today",
    }
    assert shingles("Too short") == {"too short"}


def test_syndicated_copies_are_similar_and_unrelated_articles_are_not():
    a, b = copy_a().article, copy_b().article
    sa, sb = article_signature(a), article_signature(b)
    other = signature(UNRELATED)
    assert (sa == sb).mean() > 0.7
    assert (sa == other).mean() < 0.2


def test_the_copy_links_to_the_first_seen_article():
    a, b = copy_a().article, copy_b().article
    index = DuplicateIndex()
    unrelated = Article(id="u1", source="u.txt", text=UNRELATED)
    links = index.link_all(
        [
            (a.id, article_signature(a)),
            (unrelated.id, article_signature(unrelated)),
            (b.id, article_signature(b)),
        ]
    )
    assert links == {b.id: a.id}
    assert len(index) == 2


def test_only_body_paragraphs_are_compared():
    text = "Boilerplate line one\nThe body says something about the trust board today.\n"
    article = Article(
        id="x",
        source="x.txt",
        text=text,
        paragraphs=[Paragraph(0, 20, "boilerplate"), Paragraph(21, len(text) - 1)],
    )
    assert shingles("the body says something about") <= shingles(
        "The body says something about the trust board today."
    )
    assert (article_signature(article) == signature(text[21:-1])).all()


def test_ingest_links_the_copy_and_reactions_count_quotes_once(tmp_path, monkeypatch):
    import sectorwatch.scale.workers as workers

    # extraction is the hand-built one: this test is about storing and counting
    extractions = {e.article.id: e for e in (copy_a(), copy_b())}
    monkeypatch.setattr(
        workers, "process_batch", lambda arts, *a, **kw: [extractions[x.id] for x in arts]
    )
    engine = open_store(f"sqlite:///{tmp_path / 'sw.db'}")
    a, b = copy_a(), copy_b()
    options = ScaleOptions(batch_size=1, extractor_version="1.0.0")
    counts = ingest_items([a.article, b.article], engine, options)
    assert counts.ingested == 2
    assert counts.duplicates == 1
    assert duplicate_links(engine) == {b.article.id: a.article.id}
    with engine.connect() as conn:
        every = conn.execute(select(func.count()).select_from(quotes)).scalar_one()
        counted = conn.execute(
            select(func.count()).select_from(quotes).where(canonical(quotes.c.article_id))
        ).scalar_one()
    assert every == 4  # both copies keep their evidence
    assert counted == 2  # reactions count each quote once


def test_links_survive_a_restart_and_unlinked_copies_are_healed(tmp_path):
    from sectorwatch.store import write_batch

    engine = open_store(f"sqlite:///{tmp_path / 'sw.db'}")
    a, b = copy_a(), copy_b()
    write_batch(engine, [a, b])  # stored, but never compared (a run stopped here)
    index = load_index(engine)
    assert duplicate_links(engine) == {b.article.id: min(a.article.id, b.article.id)} or (
        duplicate_links(engine) == {a.article.id: b.article.id}
    )
    assert len(index) == 1


def test_reactions_to_the_appointment_count_each_quote_once(tmp_path):
    from sectorwatch.query.reactions import reactions
    from sectorwatch.store import write_batch
    from sectorwatch.store.duplicates import save_links

    engine = open_store(f"sqlite:///{tmp_path / 'sw.db'}")
    a, b = copy_a(), copy_b()
    write_batch(engine, [a, b])
    save_links(engine, {b.article.id: a.article.id})
    answer = reactions(engine, "Priya Lindqvist")
    assert [(q.speaker, q.article_id) for q in answer.quotes] == [("Colm Ashby", a.article.id)]


# ---------------------------------------------------------------- stored signatures


def stored_signatures(engine) -> dict[str, tuple[int, int, bytes]]:
    from sectorwatch.store.schema import article_signatures as sigs

    with engine.connect() as conn:
        rows = conn.execute(
            select(sigs.c.article_id, sigs.c.num_perm, sigs.c.shingle_words, sigs.c.signature)
        )
        return {r.article_id: (r.num_perm, r.shingle_words, r.signature) for r in rows}


def count_signature_calls(monkeypatch) -> list[int]:
    """Count the MinHash computations (every path to a signature goes through `signature`)."""
    import sectorwatch.dedup.minhash as dedup

    calls = [0]
    real = dedup.signature

    def counting(text, options=DedupOptions()):
        calls[0] += 1
        return real(text, options)

    monkeypatch.setattr(dedup, "signature", counting)
    return calls


def ingest_copies(engine, monkeypatch, *extractions):
    import sectorwatch.scale.workers as workers

    by_id = {e.article.id: e for e in extractions}
    monkeypatch.setattr(
        workers, "process_batch", lambda arts, *a, **kw: [by_id[x.id] for x in arts]
    )
    options = ScaleOptions(batch_size=1, extractor_version="1.0.0")
    return ingest_items([e.article for e in extractions], engine, options)


def test_an_ingest_stores_every_articles_signature(engine, monkeypatch):
    """On SQLite and PostgreSQL (the `engine` fixture)."""
    a, b = copy_a(), copy_b()
    ingest_copies(engine, monkeypatch, a, b)
    stored = stored_signatures(engine)
    assert set(stored) == {a.article.id, b.article.id}  # the duplicate too
    for article in (a.article, b.article):
        num_perm, shingle_words, blob = stored[article.id]
        assert (num_perm, shingle_words, len(blob)) == (128, 5, 128 * 8)
        assert (stored_signature(blob) == article_signature(article)).all()


def test_a_second_run_reads_signatures_instead_of_computing_them(tmp_path, monkeypatch):
    engine = open_store(f"sqlite:///{tmp_path / 'sw.db'}")
    a, b = copy_a(), copy_b()
    ingest_copies(engine, monkeypatch, a, b)
    calls = count_signature_calls(monkeypatch)
    index = load_index(engine)
    assert calls == [0]
    assert len(index) == 1
    assert index.link("later-copy", article_signature(b.article)) == a.article.id


def test_an_old_store_gets_its_signatures_once_and_the_same_links(engine, monkeypatch):
    """On SQLite and PostgreSQL (the `engine` fixture)."""
    from sectorwatch.store import write_batch
    from sectorwatch.store.schema import article_signatures

    a, b = copy_a(), copy_b()
    unrelated = build(ArticleSpec(text=UNRELATED, source="u.txt"))
    write_batch(engine, [a, unrelated])  # stored without signatures, as before migration 4
    assert stored_signatures(engine) == {}
    copy = article_signature(b.article)
    calls = count_signature_calls(monkeypatch)
    first = load_index(engine)
    assert calls == [2]
    assert set(stored_signatures(engine)) == {a.article.id, unrelated.article.id}
    second = load_index(engine)
    assert calls == [2]  # backfilled once
    assert len(first) == len(second) == 2
    assert first.link(b.article.id, copy) == second.link(b.article.id, copy) == a.article.id
    with engine.begin() as conn:  # a signature made with other parameters is made again
        conn.execute(article_signatures.update().values(num_perm=64))
    load_index(engine)
    assert calls == [4]
    assert {v[0] for v in stored_signatures(engine).values()} == {128}


def test_a_replaced_article_gets_a_fresh_signature(tmp_path):
    from dataclasses import replace

    from sectorwatch.store import write_batch

    engine = open_store(f"sqlite:///{tmp_path / 'sw.db'}")
    a = copy_a()
    write_batch(engine, [a], {a.article.id: signature_row(article_signature(a.article))})
    newer = replace(a, extractor_version="9.0.0")
    assert write_batch(engine, [newer]).replaced == [a.article.id]
    assert stored_signatures(engine) == {}  # stale: load_index will make it again
    write_batch(
        engine,
        [replace(a, extractor_version="9.1.0")],
        {a.article.id: signature_row(article_signature(a.article))},
    )
    assert set(stored_signatures(engine)) == {a.article.id}


def test_migration_4_adds_the_signature_table_to_an_older_store(tmp_path):
    from sqlalchemy import inspect

    url = f"sqlite:///{tmp_path / 'sw.db'}"
    engine = open_store(url)
    with engine.begin() as conn:  # a store as migration 3 left it
        conn.exec_driver_sql("DROP TABLE article_signatures")
        conn.exec_driver_sql("DELETE FROM schema_version WHERE version = 4")
    engine.dispose()
    engine = open_store(url)
    assert inspect(engine).has_table("article_signatures")
    with engine.connect() as conn:
        versions = conn.exec_driver_sql("SELECT version FROM schema_version").scalars().all()
    # 5: terms indexes; 6: name search; 7: terms; 8: stored text vectors; 9: events naming
    # bodies; 10: quote counts
    assert sorted(versions) == [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]
