"""A page's first view reads what the page shows (issue 16 item 5): the store questions of
`store.page_reads` give the rows of the questions they replace, found by index; an event's
page reads the reports of its own change only; the questions of one page share their work.
"""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from serve_store import make_store, settings
from sqlalchemy import event, inspect, or_, select, text
from store_factory import LEAVES, build
from test_query_change_stamp import count_stamps
from test_store_events import COMPLETED, LEFT

from sectorwatch.query import events as event_answers
from sectorwatch.query import holders
from sectorwatch.query.common import ClaimSource, evidence_of, sources_with_evidence
from sectorwatch.query.quotes import load_quotes, quote_select
from sectorwatch.query.reactions import event_reactions
from sectorwatch.serve import answers, create_app
from sectorwatch.store import open_store, page_reads, reads, term_rows, write_batch
from sectorwatch.store.duplicates import canonical
from sectorwatch.store.migrations.m009_named_organisations_index import INDEX
from sectorwatch.store.schema import events, quotes

FHB = "o-fernleigh-health-board"
CCA = "o-coastal-care-alliance"


@pytest.fixture()
def store(engine):  # type: ignore[no-untyped-def]
    write_batch(engine, [build(LEAVES), build(LEFT), build(COMPLETED)])
    return engine


def _events_involving(ids: list[str]):  # type: ignore[no-untyped-def]
    """The store question `page_reads.events_involving` replaces, as it was written: the
    events whose person or organisation is one of `ids`, or that name one among theirs."""
    named = [events.c.organisations.contains(f'"{i}"', autoescape=True) for i in ids]
    return select(events).where(
        or_(events.c.person_id.in_(ids), events.c.organisation_id.in_(ids), *named)
    )


def _quotes_of_canonical(article_ids: list[str]):  # type: ignore[no-untyped-def]
    """The condition `page_reads.quotes_of_canonical` replaces, as it was written."""
    return quotes.c.article_id.in_(article_ids) & canonical(quotes.c.article_id)


def _claims(conn, asked) -> list[str]:  # type: ignore[no-untyped-def]
    return sorted(r.claim_id for r in reads.execute(conn, asked))


def test_the_events_involving_ids_are_those_of_the_store_question(store):
    with store.connect() as conn:
        ids = sorted(conn.execute(text("SELECT id FROM entities")).scalars())
        for given in [[i] for i in ids] + [ids, [FHB, CCA], [], ["o-fern%", "o_coastal"]]:
            old = _claims(conn, _events_involving(given)) if given else []
            assert _claims(conn, page_reads.events_involving(given)) == old
        # a merger is found by the bodies it names, not only by its organisation
        merged = _claims(conn, page_reads.events_involving([CCA]))
        types = dict(conn.execute(text("SELECT claim_id, type FROM events")).all())
        assert sorted(types[c] for c in merged) == ["merger", "merger"]


def test_the_events_naming_an_organisation_are_found_by_its_named_parties(store):
    # migration 11: the parties' own table, by organisation (its key) and by claim, in
    # place of migration 9's partial index of the events naming any
    assert INDEX not in {ix["name"] for ix in inspect(store).get_indexes("events")}
    assert inspect(store).get_pk_constraint("named_parties")["constrained_columns"] == [
        "organisation_id",
        "source",
        "claim_id",
    ]
    with store.connect() as conn:
        named = conn.execute(
            text("SELECT organisation_id, claim_id FROM named_parties WHERE source = 'events'")
        ).all()
        kinds = dict(conn.execute(text("SELECT claim_id, type FROM events")).all())
    assert sorted((o, kinds[c]) for o, c in named) == [
        (CCA, "merger"),
        (CCA, "merger"),
        (FHB, "merger"),
    ]


def test_the_quotes_of_canonical_articles_leave_near_duplicates_out(store):
    with store.connect() as conn:
        source = dict(conn.execute(text("SELECT source, id FROM articles")).all())
        articles = sorted(source.values())
        copy = source["leaves.txt"]  # as if LEAVES were a syndicated copy of LEFT
        conn.execute(
            text("UPDATE articles SET duplicate_of = :o WHERE id = :c"),
            {"o": source["left.txt"], "c": copy},
        )
        old = quote_select().where(_quotes_of_canonical(articles))
        judged = event_answers.Judged.load(conn)
        before = [q.claim_id for q in load_quotes(conn, old, judged)]
        after = load_quotes(conn, page_reads.quotes_of_canonical(articles), judged)
        assert sorted(q.claim_id for q in after) == sorted(before)
        assert sorted(q.text for q in after) == [
            "Her departure is a real loss.",
            "It was a privilege to lead the board.",
            "Leadership is stretched thin.",
            "The merger is overdue.",
        ]  # LEFT's; none of LEAVES', the copy


def test_an_event_page_reads_only_the_reports_of_its_own_change(store, monkeypatch):
    with store.connect() as conn:
        departures = sorted(
            conn.execute(text("SELECT claim_id FROM events WHERE type = 'departure'")).scalars()
        )
    read: list[list[str]] = []
    real, embedded = event_answers.evidence_for, event_answers._evidence

    def counted(conn, claim_ids):  # type: ignore[no-untyped-def]
        read.append(sorted(claim_ids))
        return real(conn, claim_ids)

    def counted_row(row, at):  # type: ignore[no-untyped-def]
        read.append([row[at["claim_id"]]])
        return embedded(row, at)

    monkeypatch.setattr(event_answers, "_evidence", counted_row)
    monkeypatch.setattr(event_answers, "evidence_for", counted)
    answer = event_reactions(store, departures[0])
    assert sorted(answer.events[0].claim_ids) == departures
    # the event itself, then the evidence of the reports of its change, in one statement:
    # neither the merger that names the same board nor the created role
    assert read == [[departures[0]], departures]


def test_a_page_asks_the_stores_change_stamp_once(store_url, monkeypatch):
    engine = open_store(store_url)
    write_batch(engine, [build(LEAVES), build(LEFT), build(COMPLETED)])
    engine.dispose()
    client = TestClient(create_app(settings(store_url)))
    monkeypatch.setattr(answers, "PAGES_KEPT", 0)
    _, asked = count_stamps(open_store(store_url), monkeypatch)
    assert client.get(f"/organisation/{FHB}.json").status_code == 200
    assert len(asked) == 1  # the chart and the organisation's questions: one page


def test_the_questions_of_a_page_read_each_post_and_claim_once(tmp_path, monkeypatch):
    client = TestClient(create_app(settings(make_store(tmp_path, [LEAVES, LEFT, COMPLETED]))))
    monkeypatch.setattr(answers, "PAGES_KEPT", 0)
    posts: list[str] = []
    claims: list[str] = []
    stored, sources = term_rows.stored, reads.claim_sources

    def stored_counted(conn, post_ids):  # type: ignore[no-untyped-def]
        posts.extend(post_ids)
        return stored(conn, post_ids)

    def sources_counted(conn, claim_ids):  # type: ignore[no-untyped-def]
        claims.extend(claim_ids)
        return sources(conn, claim_ids)

    def with_evidence_counted(conn, claim_ids):  # type: ignore[no-untyped-def]
        claims.extend(claim_ids)
        return with_evidence(conn, claim_ids)

    with_evidence = page_reads.claims_with_evidence
    monkeypatch.setattr(term_rows, "stored", stored_counted)
    monkeypatch.setattr(reads, "claim_sources", sources_counted)
    monkeypatch.setattr(page_reads, "claims_with_evidence", with_evidence_counted)
    page = client.get(f"/organisation/{FHB}.json").json()
    assert [x["person"]["name"] for x in page["leaders"]] == ["Tobias Wren", "Amara Quist"]
    # the chart's questions and the organisation's (every leader, former ones too) share
    # what they read: each post's stored terms and each claim's source once
    assert sorted(set(posts)) == sorted(posts) and len(posts) == 4
    assert sorted(set(claims)) == sorted(claims) and claims


def test_sources_and_evidence_read_in_one_statement_are_those_read_apart(store):
    with store.connect() as conn:
        every = set(conn.execute(text("SELECT id FROM claims")).scalars())
        asked = every | {"c-not-stored"}
        statements: list[str] = []
        listen = lambda *args: statements.append(args[2])  # noqa: E731
        event.listen(conn, "before_cursor_execute", listen)
        sources, evidence = sources_with_evidence(conn, asked)
        event.remove(conn, "before_cursor_execute", listen)
        found = reads.claim_sources(conn, asked)
        apart = {
            c: ClaimSource.of(c, found[c], 1) if c in found else ClaimSource(c, *(None,) * 6)
            for c in asked
        }
        assert sources == apart and len(statements) == 1
        assert evidence == evidence_of(conn, list(apart.values()))
        assert set(evidence) == every  # each stored claim has its sentence and article


def test_the_role_a_speaker_held_is_read_without_evidence(store, monkeypatch):
    def no_evidence(*args):  # type: ignore[no-untyped-def]
        raise AssertionError("a status never depends on evidence")

    monkeypatch.setattr(holders, "evidence_of", no_evidence)
    with store.connect() as conn:
        post = conn.execute(
            text("SELECT id FROM posts WHERE organisation_id = :o"), {"o": CCA}
        ).scalar_one()
        judged = event_answers.Judged.load(conn)
        held = holders.roles_on(conn, {"p-dev-okafor", "p-rhian-moss"}, "2024-03-04", judged)
    assert held == {
        "p-dev-okafor": holders.HeldRole(
            post, "chief executive", CCA, "Coastal Care Alliance", "current"
        )
    }


def test_the_stored_terms_of_some_people_are_those_of_the_whole_rows(store):
    with store.connect() as conn:
        posts = sorted(conn.execute(text("SELECT post_id FROM post_terms")).scalars())
        people = sorted(conn.execute(text("SELECT id FROM entities WHERE kind = 'person'")))
        whole = term_rows.stored(conn, posts)
        for person in [{p for (p,) in people[:i]} for i in range(len(people) + 1)]:
            expected = {
                post: {**form, "t": [t for t in form["t"] if t[0] in person]}
                for post, form in whole.items()
            }
            assert page_reads.stored_terms_of(conn, posts, person) == expected
        assert sum(len(f["t"]) for f in whole.values()) == 5  # Quist, Wren, Okafor, Lowe, Brack


def test_the_latest_events_have_the_evidence_they_had_when_read_with_every_report(store):
    from sectorwatch.query.browse import recent_events
    from sectorwatch.query.consolidate import consolidate

    with store.connect() as conn:
        judged = event_answers.Judged.load(conn)
        for n in (1, 2, 3, 10):
            every = event_answers.load_events(conn, reads.latest_events(set(), n * 3), judged)
            joined = consolidate(every)  # evidence read for every report (`evidence_for`)
            joined.sort(key=lambda e: (e.observed or "", e.when), reverse=True)
            assert recent_events(conn, n) == joined[:n]
        assert any(len(e.reports) > 1 for e in recent_events(conn, 10))


def test_the_events_a_page_shows_have_the_evidence_every_event_has(store):
    from sectorwatch.query.common import newest_first
    from sectorwatch.query.organisation import event_list, organisation

    every = organisation(store, FHB)
    assert len(every.events) == every.events_total > 2  # a merger's reports joined
    assert any(len(e.reports) > 1 for e in every.events)
    newest = newest_first(every.events, "claim_id")
    for shown in (1, 2, 100):
        page = organisation(store, FHB, events_shown=shown)
        assert page.events_total == every.events_total
        assert newest_first(page.events, "claim_id") == newest[:shown]
        assert event_list(store, FHB, slice(1, 1 + shown)).events == newest[1 : 1 + shown]


def test_a_persons_events_and_an_event_read_with_their_evidence_are_those_read_apart(store):
    with store.connect() as conn:
        judged = event_answers.Judged.load(conn)
        people = sorted(conn.execute(text("SELECT id FROM entities WHERE kind = 'person'")))
        for ids in [[p] for (p,) in people] + [[p for (p,) in people]]:
            with_rows = event_answers.load_events(conn, page_reads.events_of_people(ids), judged)
            apart = event_answers.load_events(conn, reads.events_of_people(ids), judged)
            assert with_rows == apart
        for claim in conn.execute(text("SELECT claim_id FROM events")).scalars():
            with_rows = event_answers.load_events(conn, page_reads.event_by_claim(claim), judged)
            assert with_rows == event_answers.load_events(conn, reads.event_by_claim(claim), judged)
            assert with_rows[0].evidence is not None
