"""Corrections are validated and reversible: a judgement that would change nothing is
refused with a message (nothing recorded), every judgement can be undone by its id, and a
fact's date or status can be judged."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from store_factory import APPOINTED, LEAVES, build
from typer.testing import CliRunner

from sectorwatch.cli.main import app
from sectorwatch.errors import StoreError
from sectorwatch.query.browse import recent_events
from sectorwatch.query.who import who
from sectorwatch.store import judgements, open_store, write_batch
from sectorwatch.store.judgement_undo import undo
from sectorwatch.store.schema import entities, events


@pytest.fixture()
def store(tmp_path):
    engine = open_store(f"sqlite:///{tmp_path / 'j.db'}")
    write_batch(engine, [build(LEAVES), build(APPOINTED)])
    return engine


def _departure(engine) -> str:
    with engine.connect() as conn:
        return conn.execute(
            select(events.c.claim_id).where(events.c.type == "departure")
        ).scalar_one()


def kinds(engine) -> list[str]:
    return [j["kind"] for j in judgements.history(engine)]


def test_merging_an_entity_with_itself_or_twice_is_refused(store):
    with pytest.raises(StoreError, match="cannot merge p-dev-okafor with itself"):
        judgements.merge(store, "p-dev-okafor", "p-dev-okafor", "ed")
    judgements.merge(store, "p-dev-okafor", "p-hattie-lowe", "ed")
    with pytest.raises(StoreError, match="already merged"):
        judgements.merge(store, "p-hattie-lowe", "p-dev-okafor", "ed")
    assert kinds(store) == ["merge"]


def test_split_by_a_missing_article_is_refused_and_creates_nobody(store):
    with pytest.raises(StoreError, match="no article with id 'feedfacefeedface'"):
        judgements.split(store, "p-amara-quist", article_id="feedfacefeedface", author="ed")
    with store.connect() as conn:
        ids = set(conn.execute(select(entities.c.id)).scalars())
    assert "p-amara-quist-2" not in ids and kinds(store) == []


def test_undoing_what_was_never_done_is_refused(store):
    claim = _departure(store)
    with pytest.raises(StoreError, match="is not rejected: there is nothing to undo"):
        judgements.reject(store, claim, "ed", undo=True)
    judgements.reject(store, claim, "ed")
    with pytest.raises(StoreError, match="already rejected"):
        judgements.reject(store, claim, "ed")
    assert kinds(store) == ["reject"]


def test_undo_by_id_reverses_a_reject_and_a_merge(store):
    claim = _departure(store)
    judgements.reject(store, claim, "ed", note="not a departure")
    first = judgements.history(store)[-1]["id"]
    assert claim not in [e.claim_id for e in recent_events(store, 20)]
    assert undo(store, first, "ed") == "accept"
    assert claim in [e.claim_id for e in recent_events(store, 20)]
    with pytest.raises(StoreError, match=f"judgement {first} \\(reject\\) is no longer in force"):
        undo(store, first, "ed")
    judgements.merge(store, "o-coastal-care-alliance", "o-patients-first-network", "ed")
    merge_id = judgements.history(store)[-1]["id"]
    assert undo(store, merge_id, "ed") == "split"
    assert kinds(store) == ["reject", "accept", "merge", "split"]
    assert judgements.history(store)[1]["note"] == f"undo of judgement {first}"


def test_edit_an_events_date_and_a_roles_status_then_restore(store):
    claim = _departure(store)
    judgements.edit(store, claim, "effective", "2024-07-31", "ed", note="board papers")
    (edited,) = [e for e in recent_events(store, 20) if e.claim_id == claim]
    assert edited.effective == "2024-07-31"
    with pytest.raises(StoreError, match="is not a date"):
        judgements.edit(store, claim, "effective", "soon", "ed")
    with pytest.raises(StoreError, match="'valid_from' cannot be edited"):
        judgements.edit(store, claim, "valid_from", "2024", "ed")
    holder = who(store, "FHB", "chair", "2024-03-04").holders[0]
    judgements.edit(store, holder.evidence.claim_id, "status", "interim", "ed")
    assert [h.status for h in who(store, "FHB", "chair", "2024-03-04").holders] == ["interim"]
    judgements.edit(store, holder.evidence.claim_id, "status", None, "ed")
    assert [h.status for h in who(store, "FHB", "chair", "2024-03-04").holders] == ["current"]
    with pytest.raises(StoreError, match="was never edited: nothing to restore"):
        judgements.edit(store, holder.evidence.claim_id, "status", None, "ed")


def test_the_command_line_refuses_with_a_message_and_exit_1(tmp_path, store):
    db = str(store.url)
    r = CliRunner().invoke(app, ["merge", "p-dev-okafor", "p-dev-okafor", "--db", db])
    assert r.exit_code == 1 and "cannot merge p-dev-okafor with itself" in r.output
    r = CliRunner().invoke(app, ["split", "p-dev-okafor", "--article", "nope", "--db", db])
    assert r.exit_code == 1 and "no article with id 'nope'" in r.output
    r = CliRunner().invoke(app, ["reject", _departure(store), "--db", db, "--author", "ed"])
    assert r.exit_code == 0
    r = CliRunner().invoke(app, ["undo", "1", "--db", db, "--author", "ed"])
    assert (r.exit_code, r.output) == (0, "undid judgement 1 (appended: accept)\n")
    r = CliRunner().invoke(app, ["judgements", "--db", db])
    assert [line.split("\t")[3] for line in r.output.splitlines()] == ["accept", "reject"]
