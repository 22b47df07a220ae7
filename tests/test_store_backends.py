"""The store backend contract: one backend per database, chosen once from the URL, every
dialect difference behind it; the same contract tests run on SQLite and PostgreSQL (the
`engine` fixture, tests/conftest_postgres.py)."""

from __future__ import annotations

import inspect

import pytest
from sqlalchemy import func, select, text
from store_factory import LEAVES, ArticleSpec, build

from sectorwatch.errors import StoreError
from sectorwatch.store import fts, open_store, write_batch
from sectorwatch.store.backends import BACKENDS, Backend, backend_for_url, backend_of
from sectorwatch.store.backends import base as backends_base
from sectorwatch.store.backends.base import Facets
from sectorwatch.store.db import normalise_url
from sectorwatch.store.schema import posts, quotes


@pytest.mark.parametrize(
    ("url", "name"),
    [
        ("sectorwatch.db", "sqlite"),
        ("sqlite:///store.db", "sqlite"),
        ("sqlite+pysqlite:///store.db", "sqlite"),
        ("postgresql://localhost/sw", "postgresql"),
        ("postgres://localhost/sw", "postgresql"),
        ("postgresql+psycopg://localhost/sw", "postgresql"),
    ],
)
def test_the_url_chooses_the_backend(url: str, name: str) -> None:
    assert backend_for_url(url).name == name


def test_postgres_urls_mean_psycopg_and_a_bare_path_a_sqlite_file() -> None:
    assert normalise_url("postgres://h/sw") == "postgresql+psycopg://h/sw"
    assert normalise_url("postgresql://h/sw") == "postgresql+psycopg://h/sw"
    assert normalise_url("sqlite:///x.db") == "sqlite:///x.db"
    assert normalise_url("x.db").startswith("sqlite:///") and normalise_url("x.db").endswith(
        "/x.db"
    )


@pytest.mark.parametrize("url", ["mysql://u@localhost/sw", "mysql+pymysql://u@h/sw", "oracle://h"])
def test_an_unknown_scheme_is_a_clear_error_naming_the_schemes_supported(url: str) -> None:
    with pytest.raises(StoreError) as caught:
        open_store(url)
    scheme = url.split("://")[0]
    assert str(caught.value) == (
        f"[SW200] unsupported database URL scheme {scheme}://: use sqlite://, postgresql://, "
        "postgres://, or a path to a SQLite file"
    )


def test_every_backend_answers_every_question_itself() -> None:
    """Every method of the contract is abstract, and each backend defines each one in its
    own class: a new backend cannot fall back silently to another database's SQL."""
    contract = {name for name, _ in inspect.getmembers(Backend) if not name.startswith("_")}
    assert Backend.__abstractmethods__ == contract - {"name", "schemes"}
    assert [b.name for b in BACKENDS] == ["sqlite", "postgresql"]
    for backend in BACKENDS:
        assert contract - {"name", "schemes"} <= set(vars(type(backend)))
        assert {"name", "schemes"} <= set(vars(type(backend)))


def test_the_engine_knows_its_backend(engine) -> None:
    assert backend_of(engine).name == engine.dialect.name
    with engine.connect() as conn:
        assert backend_of(conn) is backend_of(engine)


def test_full_text_search_finds_a_quote_and_marks_its_words(engine) -> None:
    extraction = build(LEAVES)
    write_batch(engine, [extraction])
    with engine.connect() as conn:
        worried = conn.execute(
            select(quotes.c.claim_id).where(quotes.c.text.startswith("We are worried"))
        ).scalar_one()
        matches = fts.match_quotes(conn, "reorganisation distract", 10)
        assert [m.id for m in matches] == [worried]
        fts.quote_snippets(conn, "reorganisation distract", matches)
        assert "[reorganisation]" in matches[0].snippet
        assert fts.match_quotes(conn, "nothing-like-this", 10) == []
        articles = fts.match_articles(conn, '"Fernleigh Health Board"', 10)
        assert [m.id for m in articles] == [extraction.article.id]


def test_an_article_written_again_is_found_once(engine) -> None:
    extraction = build(LEAVES)
    write_batch(engine, [extraction])
    write_batch(engine, [build(LEAVES)])
    with engine.connect() as conn:
        assert [m.id for m in fts.match_articles(conn, "Quist", 10)] == [extraction.article.id]
        assert len(fts.match_quotes(conn, "patients", 10)) == 1


def test_insert_if_absent_keeps_the_stored_row(engine) -> None:
    write_batch(engine, [build(LEAVES)])
    backend = backend_of(engine)
    with engine.begin() as conn:
        row = conn.execute(select(posts)).mappings().first()
        assert row is not None
        before = conn.execute(select(func.count()).select_from(posts)).scalar_one()
        conn.execute(backend.insert_if_absent(posts), [dict(row)])
        assert conn.execute(select(func.count()).select_from(posts)).scalar_one() == before


def test_a_store_says_when_it_changes(engine) -> None:
    backend = backend_of(engine)
    with engine.connect() as conn:
        before = backend.change_stamp(conn)
        assert before is not None
        assert backend.change_stamp(conn) == before  # reading changes nothing
        write_batch(engine, [build(LEAVES)])
        assert backend.change_stamp(conn) not in (before, None)


def test_a_transaction_sees_its_own_writes_as_a_change(engine) -> None:
    backend = backend_of(engine)
    with engine.begin() as conn:
        before = backend.change_stamp(conn)
        conn.execute(text("CREATE TEMPORARY TABLE scratch (n int)"))
        conn.execute(text("INSERT INTO scratch VALUES (1)"))
        # SQLite counts the connection's own changes; PostgreSQL keeps no read cache in a
        # transaction that has written (its own changes are not in the snapshot)
        assert before is not None
        assert backend.change_stamp(conn) != before


def test_rows_inserted_together_take_the_defaults_of_the_columns_they_lack(engine) -> None:
    from sectorwatch.store.schema import articles

    row = {
        "id": "a1",
        "source": "fixture.txt",
        "title": "Trust names chair",
        "text": "Body.",
        "extractor": "sectorwatch",
        "extractor_version": "1",
    }
    with engine.begin() as conn:
        backend_of(conn).insert_rows(conn, articles, [row, {**row, "id": "a2"}], False)
    with engine.connect() as conn:
        stored = conn.execute(
            select(articles.c.id, articles.c.authors, articles.c.paragraphs, articles.c.format)
            .where(articles.c.id.in_(["a1", "a2"]))
            .order_by(articles.c.id)
        ).all()
    assert [tuple(r) for r in stored] == [("a1", "[]", "[]", "text"), ("a2", "[]", "[]", "text")]


def test_rows_inserted_if_absent_leave_a_stored_row_as_it_is(engine) -> None:
    from sectorwatch.store.schema import evidence

    write_batch(engine, [build(LEAVES)])
    with engine.connect() as conn:
        stored = [dict(r) for r in conn.execute(select(evidence).order_by("id")).mappings()]
    changed = {**stored[0], "sentence": "Another sentence."}
    with engine.begin() as conn:
        backend_of(conn).insert_rows(conn, evidence, [changed], True)
    with engine.connect() as conn:
        again = [dict(r) for r in conn.execute(select(evidence).order_by("id")).mappings()]
    assert again == stored


MERGER_QUOTES = ArticleSpec(
    text=(
        "Merger notes\n"
        "The merger was announced on Monday by the board.\n"
        "Merger talks, then a merger vote.\n"
        "Nothing here about that at all.\n"
        "Merger, merger, merger.\n"
    ),
    published="2024-05-06",
    quotes=[
        {"text": "The merger was announced on Monday by the board.", "speaker": "Hattie Lowe"},
        {"text": "Merger talks, then a merger vote.", "speaker": "Jonah Pike",
         "organisation": "Fernleigh Health Board", "stance": "concern"},
        {"text": "Nothing here about that at all.", "speaker": "Hattie Lowe"},
        {"text": "Merger, merger, merger.", "speaker": "Hattie Lowe", "stance": "welcome"},
    ],
)  # fmt: skip


def test_sqlite_ranks_the_most_recently_indexed_matches_when_more_match(
    tmp_path, monkeypatch
) -> None:
    """Where more rows match than `RANKED_AT_MOST`, bm25 ranks that many, the most
    recently indexed: the quote indexed first is left out, the others best first."""
    monkeypatch.setattr(backends_base, "RANKED_AT_MOST", 2)
    engine = open_store(f"sqlite:///{tmp_path / 'store.db'}")
    write_batch(engine, [build(MERGER_QUOTES)])
    with engine.connect() as conn:
        stored = {r.text: r.claim_id for r in conn.execute(select(quotes))}
        assert [m.id for m in fts.match_quotes(conn, "merger", 10)] == [
            stored["Merger, merger, merger."],
            stored["Merger talks, then a merger vote."],
        ]
        assert [m.id for m in fts.match_quotes(conn, "announced", 10)] == [
            stored["The merger was announced on Monday by the board."]
        ]
    engine.dispose()


def test_at_most_so_many_matches_are_ranked_on_every_backend(engine, monkeypatch) -> None:
    """Each backend ranks at most `RANKED_AT_MOST` of the matches (SQLite the most recently
    indexed, PostgreSQL the first its index finds), best first."""
    write_batch(engine, [build(MERGER_QUOTES)])
    with engine.connect() as conn:
        every = [m.id for m in fts.match_quotes(conn, "merger", 10)]
        monkeypatch.setattr(backends_base, "RANKED_AT_MOST", 2)
        bounded = fts.match_quotes(conn, "merger", 10)
    assert len(every) == 3
    assert len(bounded) == 2 and {m.id for m in bounded} < set(every)
    assert [m.rank for m in bounded] == sorted(m.rank for m in bounded)


def test_sqlite_ranks_every_match_and_reads_the_ids_and_facets_of_the_best_only(tmp_path) -> None:
    """FTS5's bm25 ranks every match; of the best `limit` rows of the index, those with a
    stored quote come back best first, each with the claim id its row holds and the facets
    of its quote (read in the ranking statement, for those rows only)."""
    engine = open_store(f"sqlite:///{tmp_path / 'store.db'}")
    write_batch(engine, [build(MERGER_QUOTES)])
    orphan = {"c": "q-orphan", "x": "Merger, merger, merger, merger, merger.", "s": ""}
    with engine.begin() as conn:
        fts.index(conn, [], [orphan])
    with engine.connect() as conn:
        stored = {r.text: r for r in conn.execute(select(quotes))}
        best = fts.match_quotes(conn, "merger", 10)
        assert [(m.id, m.facets) for m in best] == [
            (stored[said].claim_id, Facets("2024-05-06", stance, organisation, org_id))
            for said, stance, organisation, org_id in [
                ("Merger, merger, merger.", "welcome", None, None),
                ("Merger talks, then a merger vote.", "concern", "Fernleigh Health Board",
                 stored["Merger talks, then a merger vote."].speaker_organisation_id),
                ("The merger was announced on Monday by the board.", "neutral", None, None),
            ]
        ]  # fmt: skip
        # the best two rows of the index are the orphan and the best stored quote
        assert [m.id for m in fts.match_quotes(conn, "merger", 2)] == [best[0].id]
        ranks = [m.rank for m in best]
        assert ranks == sorted(ranks)
    engine.dispose()
