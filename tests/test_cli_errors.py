"""Bad input to any command is one line on standard error and a documented exit code, never
a traceback; `ingest` has one path whatever its options. Articles and names are invented."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select
from store_factory import APPOINTED, LEAVES, build
from typer.testing import CliRunner

from sectorwatch.cli.main import app
from sectorwatch.errors import QueryError
from sectorwatch.query.common import check_date
from sectorwatch.store import open_store, write_batch
from sectorwatch.store.schema import entities

RELEASE = (
    "Saltmarsh Community Health Trust has named Oona Brightwell as its new chief executive. "
    "Ms Brightwell joins from the Tidewell Care Partnership, where she was director of "
    "operations for seven years, and takes up the post in October.\n\n"
    'Rafe Ollerton, chair of the Saltmarsh Community Health Trust, said: "Oona brings a '
    'deep understanding of community services and a record of working with partners."\n\n'
    'Ms Brightwell said: "I am delighted to be joining a trust with such a strong '
    'commitment to care closer to home."\n\n'
    "The trust provides district nursing, health visiting and rehabilitation services to "
    "around 300,000 people across the Saltmarsh and Eelbrook districts.\n"
)
OUTLET_A = "Saltmarsh trust names new chief executive\n\nBy Staff Reporter\n\n"
OUTLET_B = "New chief executive for Saltmarsh Community Health Trust\n\nFrom our newsdesk\n\n"


def invoke(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(app, list(args))


def assert_one_line_error(result, code: int, *words: str) -> str:  # type: ignore[no-untyped-def]
    """Exit `code`, no traceback, one line on standard error containing `words`."""
    assert result.exit_code == code, result.output
    assert isinstance(result.exception, SystemExit), result.exception  # not a crash
    assert "Traceback" not in result.output
    [line] = result.stderr.strip().splitlines()
    for word in words:
        assert word in line, line
    return line


@pytest.fixture()
def db(tmp_path) -> str:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    write_batch(open_store(url), [build(LEAVES), build(APPOINTED)])
    return url


@pytest.fixture()
def articles(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text(OUTLET_A + RELEASE, encoding="utf-8")
    (folder / "b.txt").write_text(OUTLET_B + RELEASE, encoding="utf-8")
    (folder / "notes.md").write_text("not an article", encoding="utf-8")
    return folder


# ---------------------------------------------------------------- ingest: one path


def test_ingest_json_counts_links_duplicates_resumes_and_exits_1_on_failure(tmp_path, articles):
    url = f"sqlite:///{tmp_path / 'sw.db'}"
    missing = str(tmp_path / "missing.txt")
    first = invoke("ingest", str(articles), missing, "--json", "--db", url)
    assert first.exit_code == 1, first.output
    assert json.loads(first.stdout) == {  # standard output is the JSON and nothing else
        "ingested": 2,
        "unchanged": 0,
        "skipped": 1,
        "failed": 1,
        "duplicates": 1,
        "failures": [{"source": missing, "reason": "no such file or folder"}],
        "skips": [{"source": str(articles / "notes.md"), "reason": "unsupported file type .md"}],
    }
    again = invoke("ingest", str(articles), "--json", "--db", url)
    assert again.exit_code == 0, again.output
    counts = json.loads(again.stdout)
    assert (counts["ingested"], counts["unchanged"], counts["failed"]) == (0, 2, 0)


def test_ingest_progress_and_messages_go_to_stderr_results_to_stdout(tmp_path, articles):
    result = invoke("ingest", str(articles / "a.txt"), "--db", f"sqlite:///{tmp_path / 's.db'}")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == ["ingested 1, unchanged 0, skipped 0, failed 0"]
    assert "articles/s" in result.stderr  # the progress line


def test_ingest_into_a_store_that_cannot_be_opened_is_one_line(tmp_path, articles):
    bad = tmp_path / "not-a-db.db"
    bad.write_text("hello", encoding="utf-8")
    result = invoke("ingest", str(articles), "--silent", "--db", str(bad))
    assert_one_line_error(result, 1, "SW200", "cannot open the store", "not a database")


# ---------------------------------------------------------------- dates


@pytest.mark.parametrize("value", ["2024-13", "2024-02-30", "2024-99", "24", "2024-3", "0000"])
def test_check_date_refuses_dates_that_do_not_exist(value):
    with pytest.raises(QueryError) as caught:
        check_date(value, "--on")
    assert "--on" in str(caught.value)
    assert "YYYY, YYYY-MM or YYYY-MM-DD" in str(caught.value)


@pytest.mark.parametrize("value", [None, "2024", "2024-02", "2024-02-29"])
def test_check_date_accepts_partial_dates(value):
    assert check_date(value, "--on") == value


@pytest.mark.parametrize(
    "args, flag",
    [
        (["who", "FHB", "--role", "chair", "--on", "2024-13"], "--on"),
        (["orgchart", "FHB", "--on", "2024-02-30"], "--on"),
        (["timeline", "FHB", "--from", "2024-99"], "--from"),
        (["search", "waiting", "--from", "2024-99"], "--from"),
        (["search", "waiting", "--to", "2024-1-1"], "--to"),
    ],
)
def test_a_date_that_is_not_a_date_is_a_bad_command_line(db, args, flag):
    assert_one_line_error(invoke(*args, "--db", db), 2, "SW300", flag, "YYYY-MM-DD")


# ---------------------------------------------------------------- other bad values


@pytest.mark.parametrize(
    "args, flag",
    [
        (["export", "--format", "nope"], "--format"),
        (["orgchart", "FHB", "--format", "nope"], "--format"),
        (["search", "waiting", "--kind", "nope"], "--kind"),
        (["search", "waiting", "--stance", "cross"], "--stance"),
    ],
)
def test_an_unknown_option_value_is_a_bad_command_line(db, args, flag):
    assert_one_line_error(invoke(*args, "--db", db), 2, flag, "nope" if "nope" in args else "")


def test_merging_a_person_with_an_organisation_says_an_organisation(db):
    with open_store(db).connect() as conn:
        kinds = dict(conn.execute(select(entities.c.kind, entities.c.id)).all())
    result = invoke("merge", kinds["person"], kinds["organisation"], "--db", db)
    line = assert_one_line_error(result, 1, "SW200")
    assert f"cannot merge a person ({kinds['person']}) with an organisation (" in line


@pytest.mark.parametrize(
    "args",
    [
        ["who", "Nowhere Trust", "--role", "chair"],
        ["orgchart", "Nowhere Trust"],
        ["person", "Nobody Known"],
        ["reactions", "Nobody Known"],
        ["timeline", "Nobody Known"],
        ["merge", "p-nobody", "p-nobody-else"],
        ["split", "p-nobody"],
        ["reject", "c-nothing"],
        ["set-speaker", "c-nothing", "p-nobody"],
    ],
)
def test_unknown_names_and_ids_are_one_line(db, args):
    assert_one_line_error(invoke(*args, "--db", db), 1)


def test_an_empty_store_answers_without_crashing(tmp_path):
    url = f"sqlite:///{tmp_path / 'empty.db'}"
    open_store(url).dispose()
    assert_one_line_error(invoke("person", "Nobody Known", "--db", url), 1, "SW300")
    assert_one_line_error(invoke("who", "X", "--role", "chair", "--db", url), 1, "SW300")
    for args in (["export"], ["search", "waiting"], ["export", "--format", "graphml"]):
        result = invoke(*args, "--db", url)
        assert result.exit_code == 0, result.output


# ---------------------------------------------------------------- stores that are not there


@pytest.mark.parametrize(
    "args",
    [
        ["who", "FHB", "--role", "chair"],
        ["orgchart", "FHB"],
        ["person", "Amara Quist"],
        ["reactions", "Amara Quist"],
        ["timeline", "FHB"],
        ["search", "waiting"],
        ["export"],
        ["merge", "p-a", "p-b"],
        ["split", "p-a", "p-b"],
        ["reject", "c-x"],
        ["set-speaker", "c-x"],
        ["serve"],
    ],
)
def test_read_commands_on_a_missing_database_name_it_and_create_nothing(
    tmp_path, monkeypatch, args
):
    import sectorwatch.serve.app

    def never(*_args: object) -> None:
        pytest.fail("serve started on a store that does not exist")

    monkeypatch.setattr(sectorwatch.serve.app, "run", never)
    path = tmp_path / "missing.db"
    result = invoke(*args, "--db", str(path))
    assert_one_line_error(result, 1, "SW200", f"no store at {path}", "sectorwatch ingest")
    assert list(tmp_path.iterdir()) == []


def test_an_unreachable_postgresql_is_a_clear_error():
    url = "postgresql://sw:secret@127.0.0.1:1/sectorwatch"  # nothing listens on port 1
    line = assert_one_line_error(invoke("person", "X", "--db", url), 1, "SW200")
    assert "cannot open the store" in line and "127.0.0.1" in line
    assert "secret" not in line
