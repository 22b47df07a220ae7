"""An alias an article states ("the union's consultants committee (the MCC)") joins the
organisations the store knew apart; the join is a judgement, so `split` undoes it, and a
re-ingest never joins them again. Three fictional articles about one post on different
dates, with the `who` answers before and after the article that joins them."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from store_factory import ArticleSpec, build

from sectorwatch.query.history import history
from sectorwatch.query.who import who
from sectorwatch.store import write_batch
from sectorwatch.store.judgements import split
from sectorwatch.store.resolve import STATED_ALIAS_AUTHOR
from sectorwatch.store.schema import judgements

LONG = "Medical Staff Union consultants committee"

SHORT_NAME = ArticleSpec(
    published="2023-03-01",
    source="short.txt",
    text="Consultants vote\nRia Holt, chair of the MCC, announced the ballot.\n",
    roles=[
        dict(person="Ria Holt", role="chair", organisation="MCC", status="current",
             words="Ria Holt, chair of the MCC"),
    ],
)  # fmt: skip

LONG_NAME = ArticleSpec(
    published="2024-06-03",
    source="long.txt",
    text=(
        "Committee elects a chair\n"
        "Sam Ode became chair of the Medical Staff Union consultants committee on 1 June, "
        "succeeding Ria Holt.\n"
    ),
    roles=[
        dict(person="Sam Ode", role="chair", organisation=LONG, status="current",
             valid_from="2024-06-01", words="Sam Ode became chair of the Medical Staff Union"),
    ],
    events=[
        dict(type="appointment", person="Sam Ode", role="chair", organisation=LONG,
             status="completed", effective="2024-06-01",
             words="Sam Ode became chair of the Medical Staff Union consultants committee"),
    ],
)  # fmt: skip

STATED = ArticleSpec(
    published="2024-09-09",
    source="stated.txt",
    text=(
        "Consultants reject offer\n"
        "The Medical Staff Union consultants committee (the MCC) rejected the offer.\n"
    ),
    aliases={LONG: ["MCC"]},
)  # fmt: skip


def chair(engine, org: str, on: str) -> list[tuple[str, str]]:
    return [(h.name, h.status) for h in who(engine, org, "chair", on).holders]


@pytest.fixture()
def apart(engine):
    write_batch(engine, [build(SHORT_NAME), build(LONG_NAME)])
    return engine


def test_before_the_alias_is_stated_the_two_names_are_two_committees(apart):
    assert chair(apart, "MCC", "2024-07-01") == [("Ria Holt", "current")]
    assert chair(apart, LONG, "2024-07-01") == [("Sam Ode", "current")]


def test_a_stated_alias_joins_them_and_the_post_has_one_history(apart):
    write_batch(apart, [build(STATED)])
    assert chair(apart, "MCC", "2023-01-01") == []
    assert chair(apart, "MCC", "2023-06-01") == [("Ria Holt", "current")]
    assert chair(apart, "MCC", "2024-07-01") == [("Sam Ode", "current")]
    assert chair(apart, LONG, "2024-07-01") == [("Sam Ode", "current")]
    terms = history(apart, LONG, "chair").terms
    assert [(t.name, t.end, t.end_cause, t.replaces_name) for t in terms] == [
        ("Ria Holt", "2024-06-01", "succeeded", None),
        ("Sam Ode", None, None, "Ria Holt"),
    ]
    with apart.connect() as conn:
        joins = conn.execute(
            select(judgements.c.kind, judgements.c.subject, judgements.c.object,
                   judgements.c.author)
        ).all()  # fmt: skip
    assert [tuple(j) for j in joins] == [
        ("merge", "o-mcc", "o-medical-staff-union-consultants-committee", STATED_ALIAS_AUTHOR)
    ]


def test_split_undoes_the_join_and_a_reingest_keeps_them_apart(apart):
    write_batch(apart, [build(STATED)])
    split(apart, "o-mcc", "o-medical-staff-union-consultants-committee", author="ed")
    assert chair(apart, "MCC", "2024-07-01") == [("Ria Holt", "current")]
    write_batch(apart, [build(ArticleSpec(**{**STATED.__dict__, "version": "2.0.0"}))])
    assert chair(apart, "MCC", "2024-07-01") == [("Ria Holt", "current")]
    with apart.connect() as conn:
        kinds = conn.execute(select(judgements.c.kind).order_by(judgements.c.id)).scalars()
        assert list(kinds) == ["merge", "split"]


END_TO_END = (
    ("a.txt", "Consultants vote on action\n\nPublished: 1 March 2023\n\nRia Holt, chair of the "
              "MCC, announced a ballot of members on Tuesday.\n"),
    ("b.txt", "Council elects new chair\n\nPublished: 3 June 2024\n\nSam Ode has been appointed "
              "chair of the Midland Consultants Council from 1 June, succeeding Ria Holt.\n"),
    ("c.txt", "Consultants reject pay offer\n\nPublished: 9 September 2024\n\nThe Midland "
              "Consultants Council (MCC) rejected the offer on Monday.\n"),
)  # fmt: skip


def test_end_to_end_an_acronym_stated_after_the_name_joins_the_two(engine, extractor):
    from sectorwatch.ingest.text import read_text

    (a, b, c) = [extractor.extract(read_text(text, name)) for name, text in END_TO_END]
    write_batch(engine, [a, b])
    assert chair(engine, "MCC", "2024-07-01") == [("Ria Holt", "current")]
    write_batch(engine, [c])
    assert chair(engine, "MCC", "2024-07-01") == [("Sam Ode", "current")]
    assert chair(engine, "MCC", "2023-06-01") == [("Ria Holt", "current")]
