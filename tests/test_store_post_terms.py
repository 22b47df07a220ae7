"""Every post's terms kept in the store (`store.term_rows`, migration 7): written with the
batch that reports on the post, marked stale by any change to its reports, read only where
building them afresh would give the same answer, and the answers are the same."""

from __future__ import annotations

from dataclasses import asdict

import pytest
from sqlalchemy import delete, select, update
from store_factory import build
from test_store_terms import FIRST, LEAVING, ORG, SUCCESSOR

from sectorwatch.query.history import history
from sectorwatch.query.person import person
from sectorwatch.query.who import who
from sectorwatch.store import judgements, reads, term_rows, write_batch
from sectorwatch.store.schema import occupancies, post_terms


def _answers(engine) -> list:  # type: ignore[no-untyped-def,type-arg]
    """Every answer the stored terms feed, serialised."""
    out: list = []  # type: ignore[type-arg]
    for on in ("2021-06-03", "2023-03-01", "2023-09-01", "2024-02-01", "2024-06-01"):
        out.append(asdict(who(engine, ORG, "chief executive", on, include_all=True)))
    out.append(asdict(history(engine, ORG, "chief executive")))
    for name in ("Orla Penhallow", "Marcus Teague", "Sunita Rao"):
        answer = asdict(person(engine, name))
        out.append(answer["roles"])
    return out


def _rows(engine) -> dict[str, str]:  # type: ignore[no-untyped-def]
    with engine.connect() as conn:
        return dict(conn.execute(select(post_terms.c.post_id, post_terms.c.version)).all())


def _afresh(engine) -> list:  # type: ignore[no-untyped-def,type-arg]
    """The answers with no stored terms: every post built from its reports."""
    with engine.begin() as conn:
        conn.execute(delete(post_terms))
    try:
        return _answers(engine)
    finally:
        with engine.begin() as conn:
            term_rows.refresh(conn, every=True)


@pytest.fixture()
def store(engine):
    write_batch(engine, [build(FIRST), build(LEAVING), build(SUCCESSOR)])
    return engine


def test_the_batch_that_reports_on_a_post_stores_its_terms(store):
    with store.connect() as conn:
        post_ids = sorted(conn.execute(select(occupancies.c.post_id).distinct()).scalars())
        kept = term_rows.stored(conn, post_ids)
        built = term_rows.build(conn, post_ids)
    assert _rows(store) == dict.fromkeys(post_ids, term_rows.rules_version())
    assert kept == built
    assert sorted((t[0], t[1], t[2], t[4], t[5]) for t in kept[post_ids[0]]["t"]) == [
        ("p-marcus-teague", "interim", "2023-08-01", "2024-03-01", "succeeded"),
        ("p-orla-penhallow", "substantive", None, "2023-07-31", "departure"),
        ("p-sunita-rao", "substantive", "2024-03-01", None, None),
    ]


def test_answers_from_stored_terms_are_the_answers_built_afresh(store, monkeypatch):
    expected = _afresh(store)
    read: list[list[str]] = []
    real = reads.holding_claims

    def holding_claims(conn, post_ids, people=None):  # type: ignore[no-untyped-def]
        read.append(list(post_ids))
        return real(conn, post_ids, people)

    monkeypatch.setattr(reads, "holding_claims", holding_claims)
    assert _answers(store) == expected
    assert [p for p in read if p] == []  # no post's reports were read: its terms were


def test_a_change_to_a_posts_reports_makes_its_stored_terms_stale(store):
    (post,) = _rows(store)
    with store.begin() as conn:
        conn.execute(update(occupancies).values(valid_to=None).where(occupancies.c.post_id == post))
    assert _rows(store) == {post: term_rows.STALE}
    with store.connect() as conn:
        assert term_rows.stored(conn, [post]) == {}
    assert _answers(store) == _afresh(store)


def test_a_split_judgement_moves_reports_and_the_answer_follows(store):
    (post,) = _rows(store)
    with store.connect() as conn:
        article = (
            conn.execute(
                select(occupancies.c.article_id).where(occupancies.c.person_id == "p-marcus-teague")
            )
            .scalars()
            .first()
        )
    judgements.split(store, "p-marcus-teague", author="tester", article_id=article)
    assert _rows(store) == {post: term_rows.STALE}
    assert _answers(store) == _afresh(store)


def test_a_post_a_judgement_touches_is_built_afresh(store):
    with store.connect() as conn:
        claim = conn.execute(
            select(occupancies.c.claim_id).where(occupancies.c.person_id == "p-sunita-rao")
        ).scalar_one()
    judgements.reject(store, claim, "tester")
    rejected = _answers(store)
    assert rejected == _afresh(store)
    assert rejected != _answers_before_reject(store, claim)


def _answers_before_reject(engine, claim: str) -> list:  # type: ignore[no-untyped-def,type-arg]
    judgements.reject(engine, claim, "tester", undo=True)
    return _answers(engine)


def test_terms_stored_under_other_rules_are_not_read(store, monkeypatch):
    expected = _answers(store)
    term_rows.rules_version.cache_clear()
    monkeypatch.setattr(term_rows, "rules_version", lambda: "other rules")
    with store.connect() as conn:
        assert term_rows.stored(conn, list(_rows(store))) == {}
    assert _answers(store) == expected
