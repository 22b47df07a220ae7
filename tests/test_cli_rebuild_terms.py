"""`sectorwatch rebuild-terms` builds again the stored terms of office the queries cannot
read (none yet, stale, or built under other rules) and only those, and says how many."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select, update
from store_factory import APPOINTED, LEAVES, build
from typer.testing import CliRunner

from sectorwatch.cli.main import app
from sectorwatch.store import open_store, term_rows, write_batch
from sectorwatch.store.schema import post_terms, posts


@pytest.fixture()
def db(tmp_path):
    url = f"sqlite:///{tmp_path / 'terms.db'}"
    write_batch(open_store(url), [build(LEAVES), build(APPOINTED)])
    return url


def _versions(url: str) -> dict[str, str]:
    with open_store(url).connect() as conn:
        return dict(conn.execute(select(post_terms.c.post_id, post_terms.c.version)).all())


def _run(*args: str) -> str:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def _posts(url: str) -> list[str]:
    with open_store(url).connect() as conn:
        return sorted(conn.execute(select(posts.c.id)).scalars())


def test_rows_built_under_other_rules_or_missing_are_built_and_the_rest_left(db):
    every = _posts(db)
    kept = sorted(_versions(db))
    assert len(kept) == len(every) - 1  # a post nothing reports a holder of has no row yet
    with open_store(db).begin() as conn:  # as after an upgrade that changed the term rules
        conn.execute(
            update(post_terms).where(post_terms.c.post_id == kept[0]).values(version="old")
        )
    assert _run("rebuild-terms", "--db", db) == f"rebuilt the terms of 2 of {len(every)} posts\n"
    assert _versions(db) == dict.fromkeys(every, term_rows.rules_version())
    assert json.loads(_run("rebuild-terms", "--db", db, "--json")) == {
        "rebuilt": 0,
        "posts": len(every),
    }


def test_a_missing_store_is_one_line_and_exit_1(tmp_path):
    result = CliRunner().invoke(app, ["rebuild-terms", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1
    assert result.output.startswith("[SW200] no store at ")
