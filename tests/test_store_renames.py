"""Organisations renamed or merged are linked as predecessor and successor (W3C ORG's
change event), stored when the article is written; questions about the successor follow
its predecessor's history, and questions about the predecessor say what it became. Three
fictional articles about one post on different dates, before and after a rename."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select
from store_factory import ArticleSpec, build
from typer.testing import CliRunner

from sectorwatch.query.history import history
from sectorwatch.query.timeline import timeline
from sectorwatch.query.who import who
from sectorwatch.store import write_batch
from sectorwatch.store.schema import org_changes

OLD = "Harwick Primary Care Trust"
NEW = "Harwick Community Health"

BEFORE = ArticleSpec(
    published="2022-05-10",
    source="before.txt",
    text=(
        "Harwick opens a clinic\n"
        "Lina Marsh, chief executive of Harwick Primary Care Trust, opened the clinic.\n"
    ),
    roles=[
        dict(person="Lina Marsh", role="chief executive", organisation=OLD, status="current",
             words="Lina Marsh, chief executive of Harwick Primary Care Trust"),
    ],
)  # fmt: skip

RENAMING = ArticleSpec(
    published="2023-01-20",
    source="renaming.txt",
    text=(
        "Harwick trust to take a new name\n"
        "Harwick Primary Care Trust will become Harwick Community Health from 1 April 2023.\n"
    ),
    events=[
        dict(type="rename", organisation=NEW, organisations=[OLD], result=NEW,
             status="announced", date="2023-04-01", effective="2023-04-01",
             words="Harwick Primary Care Trust will become Harwick Community Health from "
                   "1 April 2023"),
    ],
)  # fmt: skip

AFTER = ArticleSpec(
    published="2024-02-02",
    source="after.txt",
    text=(
        "Harwick Community Health appoints chief executive\n"
        "Harwick Community Health, formerly Harwick Primary Care Trust, has appointed Omar "
        "Venn as chief executive from 1 March 2024.\n"
    ),
    roles=[
        dict(person="Omar Venn", role="chief executive", organisation=NEW, status="incoming",
             valid_from="2024-03-01", words="has appointed Omar Venn as chief executive"),
    ],
    events=[
        dict(type="rename", organisation=NEW, organisations=[OLD], result=NEW,
             status="completed", words="Harwick Community Health, formerly Harwick Primary "
                                       "Care Trust"),
        dict(type="appointment", person="Omar Venn", role="chief executive", organisation=NEW,
             status="announced", effective="2024-03-01",
             words="has appointed Omar Venn as chief executive from 1 March 2024"),
    ],
)  # fmt: skip


@pytest.fixture()
def store(engine):
    write_batch(engine, [build(BEFORE), build(RENAMING), build(AFTER)])
    return engine


def test_a_rename_is_stored_as_a_change_with_its_original_and_resulting_organisation(store):
    with store.connect() as conn:
        rows = conn.execute(
            select(org_changes.c.kind, org_changes.c.stage, org_changes.c.organisations,
                   org_changes.c.result_id, org_changes.c.date)
            .order_by(org_changes.c.observed)
        ).all()  # fmt: skip
    assert [(k, s, json.loads(o), r, d) for k, s, o, r, d in rows] == [
        ("rename", "announced", ["o-harwick-primary-care-trust"], "o-harwick-community-health",
         "2023-04-01"),
        ("rename", "completed", ["o-harwick-primary-care-trust"], "o-harwick-community-health",
         None),
    ]  # fmt: skip


def answer(store, org: str, on: str) -> list[tuple[str, str, str]]:
    return [(h.name, h.status, h.basis) for h in who(store, org, "chief executive", on).holders]


def test_who_at_the_new_name_follows_the_old_one_before_the_rename(store):
    assert answer(store, NEW, "2021-01-01") == []
    assert answer(store, NEW, "2022-09-01") == [
        ("Lina Marsh", "current", "reported in post on 2022-05-10, start unknown, per “Harwick "
         "opens a clinic” (2022-05-10); last reported in post on 2022-05-10, end unknown; "
         "at Harwick Primary Care Trust, before it was renamed "
         "Harwick Community Health"),
    ]  # fmt: skip
    # after the rename and before anyone is reported at the new name: the renamed body's
    between = who(store, NEW, "chief executive", "2023-09-01").holders
    assert [(h.name, h.status) for h in between] == [("Lina Marsh", "current")]
    after = who(store, NEW, "chief executive", "2024-06-01")
    assert [(h.name, h.status) for h in after.holders] == [("Omar Venn", "current")]
    assert [(c.relation, c.kind, c.organisation, c.date) for c in after.predecessors] == [
        ("predecessor", "rename", OLD, "2023-04-01")
    ]


def test_who_at_the_old_name_says_what_it_became(store):
    a = who(store, OLD, "chief executive", "2022-09-01")
    assert [(c.relation, c.kind, c.organisation, c.stage) for c in a.successors] == [
        ("successor", "rename", NEW, "completed")
    ]


def test_history_and_timeline_of_the_new_name_include_the_old_one(store):
    h = history(store, NEW, "chief executive")
    assert [(t.name, t.organisation, t.start) for t in h.terms] == [
        ("Lina Marsh", OLD, None),
        ("Omar Venn", NEW, "2024-03-01"),
    ]
    t = timeline(store, NEW)
    assert [(e.kind, e.date, e.summary, e.articles) for e in t.entries if e.kind == "rename"] == [
        ("rename", "2023-04-01", f"rename (completed): {OLD} renamed {NEW}", 2)
    ]
    assert any(e.kind == "term" and e.summary.startswith("Lina Marsh") for e in t.entries)
    # the old name's timeline says what it became
    old = timeline(store, OLD)
    assert [e.summary for e in old.entries if e.kind == "rename"] == [
        f"rename (completed): {OLD} renamed {NEW}"
    ]


def test_who_and_history_commands_name_the_change(store, tmp_path):
    from sectorwatch.cli.main import app

    url = str(store.url)
    runner = CliRunner()
    got = runner.invoke(app, ["who", OLD, "--role", "chief executive", "--on", "2022-09-01",
                              "--db", url])  # fmt: skip
    assert got.exit_code == 0, got.output
    assert got.output.splitlines()[:2] == [
        f"chief executive, {OLD}, on 2022-09-01:",
        f"  renamed {NEW} (completed 2023-04-01)",
    ]
    got = runner.invoke(app, ["history", NEW, "--role", "chief executive", "--db", url])
    assert got.output.splitlines()[:2] == [
        f"chief executive, {NEW}: history",
        f"  renamed from {OLD} (completed 2023-04-01)",
    ]


def test_the_organisation_page_names_what_it_was_and_lists_its_predecessors_events(store):
    from sectorwatch.query.organisation import organisation

    page = organisation(store, NEW)
    assert [(c.kind, c.organisation) for c in page.predecessors] == [("rename", OLD)]
    assert [(e.type, e.person) for e in page.events] == [
        ("rename", None),
        ("appointment", "Omar Venn"),
    ]
    old = organisation(store, OLD)
    assert [(c.kind, c.organisation) for c in old.successors] == [("rename", NEW)]


FORMED = ArticleSpec(
    published="2025-04-01",
    source="formed.txt",
    text=(
        "Ashby and Wold trusts merge\n"
        "Ashby General NHS Trust and Wold Community NHS Trust merged today. Ivo Hart, chief "
        "executive of Ashby General NHS Trust and Wold Community NHS Trust, welcomed it.\n"
    ),
    roles=[
        dict(person="Ivo Hart", role="chief executive",
             organisation="Ashby General NHS Trust and Wold Community NHS Trust",
             status="current", words="Ivo Hart, chief executive of Ashby General NHS Trust"),
    ],
    events=[
        dict(type="merger", organisations=["Ashby General NHS Trust", "Wold Community NHS Trust"],
             status="completed", effective="2025-04-01", words="merged today"),
    ],
)  # fmt: skip


def test_a_completed_merger_is_stored_with_the_combined_body_the_article_names(engine):
    write_batch(engine, [build(FORMED)])
    with engine.connect() as conn:
        rows = conn.execute(
            select(org_changes.c.kind, org_changes.c.organisations, org_changes.c.result_id)
        ).all()
    assert [(k, json.loads(o), r) for k, o, r in rows] == [
        ("merger", ["o-ashby-general-nhs-trust", "o-wold-community-nhs-trust"],
         "o-ashby-general-nhs-trust-and-wold-community-nhs-trust"),
    ]  # fmt: skip
