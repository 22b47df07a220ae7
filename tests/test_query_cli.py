"""The store commands print text and --json, with evidence (article, date, sentence)."""

from __future__ import annotations

import json

import pytest
from store_factory import APPOINTED, LEAVES, build
from typer.testing import CliRunner

from sectorwatch.cli.main import app
from sectorwatch.store import open_store, write_batch


@pytest.fixture()
def db(tmp_path):
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    write_batch(open_store(url), [build(LEAVES), build(APPOINTED)])
    return url


def run(*args: str) -> str:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def test_who_text_and_json(db):
    out = run("who", "FHB", "--role", "chief executive", "--on", "2024-03-04", "--db", db)
    assert "Amara Quist (leaving)" in out
    assert "2024-03-04 · Amara Quist to leave the Fernleigh Health Board" in out
    data = json.loads(
        run("who", "FHB", "--role", "chief executive", "--on", "2024-03-04", "--json", "--db", db)
    )
    assert data["holders"][0]["evidence"]["sentence"].startswith("Amara Quist, chief executive")


def test_orgchart_formats(db):
    assert "Tobias Wren" in run("orgchart", "FHB", "--on", "2024-03-04", "--db", db)
    assert run("orgchart", "FHB", "--format", "dot", "--db", db).startswith("digraph")
    assert run("orgchart", "FHB", "--format", "svg", "--db", db).startswith("<svg")
    assert json.loads(run("orgchart", "FHB", "--json", "--db", db))["lines"]


def test_person_reactions_timeline_search_export(db):
    assert "chief executive, Fernleigh Health Board (former)" in run(
        "person", "Amara Quist", "--db", db
    )
    out = run("reactions", "Amara Quist", "--db", db)
    assert "welcome (1):" in out and "Dev Okafor (chief executive, Coastal Care Alliance)" in out
    assert "departure" in run("timeline", "FHB", "--from", "2024-06", "--db", db)
    assert "Hattie Lowe" in run("search", "waiting lists", "--db", db)
    assert '"schema": "Person"' in run("export", "--format", "ftm", "--db", db)


def test_reject_and_undo_from_the_command_line(db):
    on = ("--on", "2024-03-04")  # the day of the only report: today it is too old to presume
    data = json.loads(run("who", "FHB", "--role", "chair", *on, "--json", "--db", db))
    claim = data["holders"][0]["evidence"]["claim_id"]
    assert "rejected" in run("reject", claim, "--author", "ed", "--db", db)
    assert "nobody known" in run("who", "FHB", "--role", "chair", *on, "--db", db)
    run("reject", claim, "--undo", "--author", "ed", "--db", db)
    assert "Tobias Wren" in run("who", "FHB", "--role", "chair", *on, "--db", db)


def test_unknown_organisation_is_an_error_a_user_can_act_on(db):
    result = CliRunner().invoke(app, ["who", "Nowhere", "--role", "chair", "--db", db])
    assert result.exit_code == 1 and "SW300" in result.output
