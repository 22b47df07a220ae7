"""Terms of office across articles: three fictional articles about one post on different
dates, and the exact `who` answers before, between and after them; `history` in order."""

from __future__ import annotations

import pytest
from store_factory import ArticleSpec, build
from typer.testing import CliRunner

from sectorwatch.query.history import history
from sectorwatch.query.who import who
from sectorwatch.store import write_batch

ORG = "Brindle Vale NHS Trust"

FIRST = ArticleSpec(
    published="2021-06-03",
    source="first.txt",
    text=(
        "Brindle Vale opens a new ward\n"
        "Orla Penhallow, chief executive of Brindle Vale NHS Trust, opened the ward.\n"
    ),
    roles=[
        dict(person="Orla Penhallow", role="chief executive", organisation=ORG,
             status="current", words="Orla Penhallow, chief executive of Brindle Vale NHS Trust"),
    ],
)  # fmt: skip

LEAVING = ArticleSpec(
    published="2023-02-10",
    source="leaving.txt",
    text=(
        "Brindle Vale chief executive to step down\n"
        "Orla Penhallow, chief executive of Brindle Vale NHS Trust, will step down on 31 July.\n"
        "Marcus Teague will become interim chief executive of Brindle Vale NHS Trust from "
        "1 August.\n"
    ),
    roles=[
        dict(person="Orla Penhallow", role="chief executive", organisation=ORG,
             status="leaving", words="Orla Penhallow, chief executive of Brindle Vale NHS Trust"),
        dict(person="Marcus Teague", role="chief executive", organisation=ORG, status="interim",
             words="Marcus Teague will become interim chief executive"),
    ],
    events=[
        dict(type="departure", person="Orla Penhallow", role="chief executive",
             organisation=ORG, status="announced", date="2023-02-10",
             effective="2023-07-31", words="will step down on 31 July"),
        dict(type="appointment", person="Marcus Teague", role="chief executive",
             organisation=ORG, status="announced", effective="2023-08-01",
             words="Marcus Teague will become interim chief executive"),
    ],
)  # fmt: skip

SUCCESSOR = ArticleSpec(
    published="2024-01-15",
    source="successor.txt",
    text=(
        "Brindle Vale names Sunita Rao\n"
        "Brindle Vale NHS Trust has appointed Sunita Rao as chief executive from 1 March.\n"
        "Marcus Teague, interim chief executive of Brindle Vale NHS Trust, welcomed her.\n"
    ),
    roles=[
        dict(person="Sunita Rao", role="chief executive", organisation=ORG, status="incoming",
             valid_from="2024-03-01", words="has appointed Sunita Rao as chief executive"),
        dict(person="Marcus Teague", role="chief executive", organisation=ORG, status="interim",
             words="Marcus Teague, interim chief executive of Brindle Vale NHS Trust"),
    ],
    events=[
        dict(type="appointment", person="Sunita Rao", role="chief executive", organisation=ORG,
             status="announced", effective="2024-03-01",
             words="has appointed Sunita Rao as chief executive from 1 March"),
    ],
)  # fmt: skip


@pytest.fixture()
def store(engine):
    write_batch(engine, [build(FIRST), build(LEAVING), build(SUCCESSOR)])
    return engine


def answer(store, on: str) -> list[tuple[str, str, str]]:
    return [(h.name, h.status, h.basis) for h in who(store, ORG, "chief executive", on).holders]


def per(title: str, published: str) -> str:
    return f", per “{title}” ({published})"


OPENS = per("Brindle Vale opens a new ward", "2021-06-03")
STEPS = per("Brindle Vale chief executive to step down", "2023-02-10")
NAMES = per("Brindle Vale names Sunita Rao", "2024-01-15")


def test_who_before_the_first_report_is_nobody_known(store):
    w = who(store, ORG, "chief executive", "2020-01-01")
    assert w.holders == []
    assert w.note is not None and "Orla Penhallow: first reported in post on 2021-06-03" in w.note


def test_who_between_reports_says_start_unknown(store):
    assert answer(store, "2021-06-03") == [
        ("Orla Penhallow", "current",
         "reported in post from 2021-06-03 to 2023-02-10, start unknown" + OPENS),
    ]  # fmt: skip
    assert answer(store, "2022") == [
        ("Orla Penhallow", "current",
         "reported in post from 2021-06-03 to 2023-02-10, start unknown" + OPENS),
    ]  # fmt: skip


def test_an_announced_departure_makes_the_holder_leaving_until_its_effective_date(store):
    assert answer(store, "2023-03-01") == [
        ("Orla Penhallow", "leaving", "announced to leave on 2023-07-31" + STEPS),
    ]


def test_the_interim_holder_is_a_term_of_their_own_between_the_two(store):
    assert answer(store, "2023-09-01") == [
        ("Marcus Teague", "interim", "in post from 2023-08-01" + STEPS),
    ]
    assert answer(store, "2024-02-01") == [
        ("Marcus Teague", "interim", "in post from 2023-08-01" + NAMES),
    ]
    everyone = who(store, ORG, "chief executive", "2024-02-01", include_all=True).holders
    assert [(h.name, h.status) for h in everyone] == [
        ("Marcus Teague", "interim"),
        ("Sunita Rao", "incoming"),
        ("Orla Penhallow", "former"),
    ]


def test_the_successors_start_ends_the_interim_term(store):
    assert answer(store, "2024-06-01") == [
        ("Sunita Rao", "current",
         "in post from 2024-03-01" + NAMES + "; not reported since, end unknown"),
    ]  # fmt: skip


def test_a_term_is_not_presumed_for_ever(store):
    w = who(store, ORG, "chief executive", "2027-03-02")  # three years after her start
    assert w.holders == []
    assert w.note is not None and "Sunita Rao: not reported since" in w.note


def test_history_in_order_with_who_replaced_whom(store):
    h = history(store, ORG, "chief executive")
    got = [
        (t.name, t.kind, t.start, t.end, t.end_cause, t.replaces_name, t.replaced_by_name)
        for t in h.terms
    ]
    assert got == [
        ("Orla Penhallow", "substantive", None, "2023-07-31", "departure", None, "Marcus Teague"),
        ("Marcus Teague", "interim", "2023-08-01", "2024-03-01", "succeeded", "Orla Penhallow",
         "Sunita Rao"),
        ("Sunita Rao", "substantive", "2024-03-01", None, None, "Orla Penhallow", None),
    ]  # fmt: skip
    assert [t.summary for t in h.terms] == [
        "start unknown (first reported 2021-06-03), to 2023-07-31 (departure)",
        "from 2023-08-01, to 2024-03-01 (succeeded); replaced Orla Penhallow",
        "from 2024-03-01, end unknown; replaced Orla Penhallow",
    ]
    assert [len(t.evidence) for t in h.terms] == [3, 3, 2]


def test_history_command_text_and_json(store, tmp_path):
    from sectorwatch.cli.main import app

    url = str(store.url)
    out = CliRunner().invoke(app, ["history", ORG, "--role", "CEO", "--db", url])
    assert out.exit_code == 0, out.output
    lines = [ln for ln in out.output.splitlines() if not ln.startswith("    ")]
    assert lines == [
        "chief executive, Brindle Vale NHS Trust: history",
        "  Orla Penhallow: start unknown (first reported 2021-06-03), to 2023-07-31 (departure)",
        "  Marcus Teague (interim): from 2023-08-01, to 2024-03-01 (succeeded); replaced Orla "
        "Penhallow",
        "  Sunita Rao: from 2024-03-01, end unknown; replaced Orla Penhallow",
    ]


FORMER = ArticleSpec(
    published="2023-05-02",
    source="former.txt",
    text=(
        "Brindle Vale ward reopens\n"
        "The ward was opened by Orla Penhallow, former chief executive of Brindle Vale NHS Trust.\n"
    ),
    roles=[
        dict(person="Orla Penhallow", role="chief executive", organisation=ORG, status="former",
             words="Orla Penhallow, former chief executive of Brindle Vale NHS Trust"),
    ],
)  # fmt: skip

UNDATED = ArticleSpec(
    published=None,
    source="undated.txt",
    text=(
        "Hollow Fen hospice appeal\n"
        "Nell Darby, chief executive of Hollow Fen Hospice, launched the appeal.\n"
    ),
    roles=[
        dict(person="Nell Darby", role="chief executive", organisation="Hollow Fen Hospice",
             status="current", words="Nell Darby, chief executive of Hollow Fen Hospice"),
    ],
)  # fmt: skip


def test_former_ends_the_term_at_or_before_the_report(engine):
    write_batch(engine, [build(FIRST), build(FORMER)])
    assert [(h.name, h.status, h.basis) for h in who(engine, ORG, "CEO", "2022-06-01").holders] == [
        ("Orla Penhallow", "current",
         "reported in post on 2021-06-03, start unknown" + OPENS
         + "; last reported in post on 2021-06-03, end unknown"),
    ]  # fmt: skip
    assert who(engine, ORG, "CEO", "2023-06-01").holders == []
    (term,) = history(engine, ORG, "CEO").terms
    assert (term.end, term.ended_by, term.end_cause) == (None, "2023-05-02", "reported former")


def test_an_answer_built_on_an_undated_article_says_so(engine):
    write_batch(engine, [build(UNDATED)])
    w = who(engine, "Hollow Fen Hospice", "chief executive", "2024-01-01")
    assert [(h.name, h.status, h.basis, h.undated) for h in w.holders] == [
        ("Nell Darby", "current", "reported in post in an undated article, dates unknown", True)
    ]
    assert w.undated is True
    assert history(engine, "Hollow Fen Hospice", "chief executive").terms[0].summary == (
        "start unknown, end unknown; undated articles only"
    )


RIVAL = ArticleSpec(
    published="2021-09-01",
    source="rival.txt",
    text=(
        "Brindle Vale update\n"
        "Idris Vane, chief executive of Brindle Vale NHS Trust, spoke at the meeting.\n"
    ),
    roles=[
        dict(person="Idris Vane", role="chief executive", organisation=ORG, status="current",
             words="Idris Vane, chief executive of Brindle Vale NHS Trust"),
    ],
)  # fmt: skip

AGAIN = ArticleSpec(
    published="2021-10-01",
    source="again.txt",
    text=(
        "Brindle Vale budget\n"
        "Orla Penhallow, chief executive of Brindle Vale NHS Trust, set out the budget.\n"
    ),
    roles=[
        dict(person="Orla Penhallow", role="chief executive", organisation=ORG,
             status="current", words="Orla Penhallow, chief executive of Brindle Vale NHS Trust"),
    ],
)  # fmt: skip


def test_conflicting_reports_give_ranked_candidates_with_reasons(engine):
    write_batch(engine, [build(FIRST), build(RIVAL), build(AGAIN)])
    got = [(h.name, h.basis) for h in who(engine, ORG, "CEO", "2021-09-15").holders]
    assert got == [
        ("Orla Penhallow",
         "reported in post from 2021-06-03 to 2021-10-01, start unknown" + OPENS),
        ("Idris Vane",
         "reported in post on 2021-09-01, start unknown, per “Brindle Vale update” (2021-09-01)"
         "; last reported in post on 2021-09-01, end unknown"),
    ]  # fmt: skip


def test_migration_5_adds_the_terms_indexes(engine):
    from sqlalchemy import inspect, select

    from sectorwatch.store.schema import schema_version

    with engine.connect() as conn:
        assert 5 in set(conn.execute(select(schema_version.c.version)).scalars())
        names = {i["name"] for t in ("occupancies", "events") for i in inspect(conn).get_indexes(t)}
    assert {"ix_occupancies_post_person", "ix_events_type_organisation"} <= names


def test_a_former_holder_with_no_dates_is_a_candidate_before_the_report_only(engine):
    write_batch(engine, [build(FORMER)])
    reopens = per("Brindle Vale ward reopens", "2023-05-02")
    got = [(h.name, h.status, h.basis, h.rank) for h in who(engine, ORG, "CEO", "2022-06").holders]
    assert got == [
        ("Orla Penhallow", "current",
         f"held at some time before 2023-05-02 (reported as former then{reopens}), dates unknown",
         3),
    ]  # fmt: skip
    assert who(engine, ORG, "CEO", "2019").holders == []  # more than three years before
    assert who(engine, ORG, "CEO", "2023-06").holders == []  # after the report: former


DEPARTED = ArticleSpec(
    published="2023-10-26",
    source="departed.txt",
    text=(
        "Brindle Vale chief executive resigns\n"
        "Orla Penhallow, chief executive of Brindle Vale NHS Trust, resigned on 20 October.\n"
    ),
    roles=[
        dict(person="Orla Penhallow", role="chief executive", organisation=ORG,
             status="current", words="Orla Penhallow, chief executive of Brindle Vale NHS Trust"),
    ],
    events=[
        dict(type="departure", person="Orla Penhallow", role="chief executive",
             organisation=ORG, status="completed", effective="2023-10-20",
             words="resigned on 20 October"),
    ],
)  # fmt: skip


def test_a_report_after_the_end_does_not_make_a_holder_in_post(engine):
    write_batch(engine, [build(DEPARTED)])
    (term,) = history(engine, ORG, "CEO").terms
    assert (term.start, term.first_reported, term.end, term.end_cause) == (
        None, None, "2023-10-20", "departure",
    )  # fmt: skip
    resigns = per("Brindle Vale chief executive resigns", "2023-10-26")
    got = [(h.name, h.basis, h.rank) for h in who(engine, ORG, "CEO", "2023-09").holders]
    assert got == [("Orla Penhallow", f"left on 2023-10-20{resigns}, start unknown", 3)]
    assert who(engine, ORG, "CEO", "2023-10-26").holders == []
