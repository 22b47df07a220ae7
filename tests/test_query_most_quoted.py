"""The most quoted people are read from the counts the store keeps (`speaker_quotes`,
migration 10), never from every quote, and are the same as counting every quote with the
judgements applied: on both backends, as articles are written, replaced and split, and as
quotes are rejected, given to another speaker or their speakers merged."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select
from store_factory import ArticleSpec, build

from sectorwatch.query.browse import most_quoted
from sectorwatch.query.common import Judged, names_of
from sectorwatch.store import judgements, open_store, quote_reads, write_batch
from sectorwatch.store.schema import quotes, speaker_quotes

PEOPLE = ["Ada Brook", "Bram Marsh", "Cora Lane", "Dev Okafor", "Esme Vale"]


def quoted(say: list[tuple[str, str]], n: int, version: str = "1.0.0") -> ArticleSpec:
    """An article in which each (person, words) is said, with the speaker's role."""
    lines = [f'{who}, director of the Harrowgate Trust, said: "{words}"' for who, words in say]
    return ArticleSpec(
        title=f"Harrowgate round-up {n}",
        published=f"2024-0{1 + n % 9}-01",
        source=f"round-up-{n}.txt",
        text="\n".join([f"Harrowgate round-up {n}", *lines]) + "\n",
        quotes=[dict(text=words, speaker=who) for who, words in say],
        version=version,
    )


ARTICLES = [
    quoted([("Ada Brook", "We will open two wards"), ("Bram Marsh", "Waits are too long")], 1),
    quoted([("Ada Brook", "Staff deserve thanks"), ("Cora Lane", "This is welcome")], 2),
    quoted([("Ada Brook", "The budget is set"), ("Dev Okafor", "We are worried")], 3),
    quoted([("Bram Marsh", "Nothing has changed"), ("Esme Vale", "A fair plan")], 4),
    quoted([("Cora Lane", "We asked for this"), ("Bram Marsh", "Too little, too late")], 5),
]


def every_quote_counted(engine, n: int) -> list[tuple[str, str, int]]:  # type: ignore[no-untyped-def]
    """What `most_quoted` answered when it counted every stored quote (the reference)."""
    with engine.connect() as conn:
        judged = Judged.load(conn)
        moved = {c: s for c, s in judged.speakers.items() if s and c not in judged.rejected}
        skip = judged.rejected | set(moved)
        rows = conn.execute(select(quotes.c.claim_id, quotes.c.speaker_id, quotes.c.speaker_kind))
        counts: dict[str, int] = {}
        for claim_id, speaker, kind in rows:
            if claim_id in moved:
                key = judged.canon(moved[claim_id]) or moved[claim_id]
            elif speaker and kind == "person" and claim_id not in skip:
                key = judged.canon(speaker) or speaker
            else:
                continue
            counts[key] = counts.get(key, 0) + 1
        top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:n]
        names = names_of(conn, {k for k, _ in top})
        return [(k, names.get(k, k), c) for k, c in top]


def kept_counts(engine) -> tuple[dict[str, int], dict[str, int]]:  # type: ignore[no-untyped-def]
    """The counts the store keeps, and those of a count of every quote."""
    with engine.connect() as conn:
        kept = dict(
            conn.execute(select(speaker_quotes.c.speaker_id, speaker_quotes.c.quotes)).all()
        )
        counted = select(quotes.c.speaker_id, func.count()).where(
            quotes.c.speaker_kind == "person", quotes.c.speaker_id.is_not(None)
        )
        return kept, dict(conn.execute(counted.group_by(quotes.c.speaker_id)).all())  # type: ignore[arg-type]


def same_answers(engine) -> None:  # type: ignore[no-untyped-def]
    kept, counted = kept_counts(engine)
    assert kept == counted
    for n in (1, 2, 3, 10, 100):
        answer = [(q.entity_id, q.name, q.quotes) for q in most_quoted(engine, n)]
        assert answer == every_quote_counted(engine, n), n


@pytest.fixture()
def store(engine):  # type: ignore[no-untyped-def]
    write_batch(engine, [build(a) for a in ARTICLES])
    return engine


def claim_of(engine, words: str) -> str:  # type: ignore[no-untyped-def]
    with engine.connect() as conn:
        return conn.execute(select(quotes.c.claim_id).where(quotes.c.text == words)).scalar_one()


def test_the_store_counts_each_persons_quotes_as_they_are_written(store):
    assert kept_counts(store)[0] == {
        "p-ada-brook": 3,
        "p-bram-marsh": 3,
        "p-cora-lane": 2,
        "p-dev-okafor": 1,
        "p-esme-vale": 1,
    }
    assert [(q.name, q.quotes) for q in most_quoted(store, 3)] == [
        ("Ada Brook", 3),
        ("Bram Marsh", 3),
        ("Cora Lane", 2),
    ]
    with store.connect() as conn:  # the top two, and every one as quoted as the second
        assert sorted(quote_reads.top_speaker_counts(conn, 2)) == [
            ("p-ada-brook", 3),
            ("p-bram-marsh", 3),
        ]
        assert len(quote_reads.top_speaker_counts(conn, 4)) == 5  # Dev Okafor ties Esme Vale
    same_answers(store)


def test_rejected_and_moved_quotes_and_merged_speakers_count_as_when_every_quote_was_read(store):
    judgements.reject(store, claim_of(store, "The budget is set"), "ed")
    same_answers(store)
    judgements.set_speaker(store, claim_of(store, "A fair plan"), "p-dev-okafor", "ed")
    judgements.set_speaker(store, claim_of(store, "Waits are too long"), "p-esme-vale", "ed")
    same_answers(store)
    assert [(q.name, q.quotes) for q in most_quoted(store, 2)] == [
        ("Ada Brook", 2),
        ("Bram Marsh", 2),
    ]
    judgements.merge(store, "p-cora-lane", "p-dev-okafor", "ed")
    same_answers(store)
    assert most_quoted(store, 1)[0].quotes == 4  # Cora Lane and Dev Okafor, one person
    judgements.reject(store, claim_of(store, "A fair plan"), "ed")  # rejected after a move
    judgements.split(store, "p-cora-lane", "p-dev-okafor", author="ed")
    same_answers(store)


def test_a_replaced_article_and_a_split_off_speaker_are_counted_again(store):
    again = quoted(
        [("Ada Brook", "We will open two wards"), ("Bram Marsh", "Waits are too long")], 1, "1.1.0"
    )
    again.quotes = again.quotes[1:]  # read again by a newer extractor: one quote, not two
    assert write_batch(store, [build(again)]).replaced
    same_answers(store)  # the article's old quotes counted out, its new one in
    assert kept_counts(store)[0]["p-ada-brook"] == 2
    with store.connect() as conn:
        article = conn.execute(
            select(quotes.c.article_id).where(quotes.c.text == "Staff deserve thanks")
        ).scalar_one()
    judgements.split(store, "p-ada-brook", article_id=article, author="ed")
    same_answers(store)  # the quote's speaker moved to a new person: counted for them
    assert kept_counts(store)[0]["p-ada-brook-2"] == 1


def test_migration_10_counts_the_quotes_of_an_older_store(tmp_path):
    url = f"sqlite:///{tmp_path / 'sw.db'}"
    engine = open_store(url)
    write_batch(engine, [build(a) for a in ARTICLES])
    with engine.begin() as conn:  # a store as migration 9 left it
        for name in ("insert", "delete", "update_old", "update_new"):
            conn.exec_driver_sql(f"DROP TRIGGER tr_speaker_quotes_{name}")
        conn.exec_driver_sql("DROP TABLE speaker_quotes")
        conn.exec_driver_sql("DELETE FROM schema_version WHERE version = 10")
    engine.dispose()
    engine = open_store(url)
    kept, counted = kept_counts(engine)
    assert kept == counted and sum(kept.values()) == 10
    write_batch(engine, [build(quoted([("Esme Vale", "More beds")], 6))])
    assert kept_counts(engine)[0]["p-esme-vale"] == 2  # the triggers are back
