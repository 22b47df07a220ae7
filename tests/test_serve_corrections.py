"""Corrections through the web: stored as judgements, visible at once, token required."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient
from serve_store import TOKEN, make_store, settings

from sectorwatch.serve import create_app
from sectorwatch.store import open_store
from sectorwatch.store.judgements import history

ORIGIN = "http://testserver"


@pytest.fixture()
def setup(tmp_path) -> tuple[TestClient, str]:
    url = make_store(tmp_path)
    return TestClient(create_app(settings(url, TOKEN))), url


def csrf(client: TestClient, path: str) -> str:
    return re.search(r'name="csrf" value="([0-9a-f]+)"', client.get(path).text).group(1)


def post(client: TestClient, path: str, page: str, **fields: str):
    data = {"token": TOKEN, "csrf": csrf(client, page), "next": page}
    data.update(fields)
    return client.post(path, data=data, headers={"origin": ORIGIN}, follow_redirects=False)


def test_reject_a_quote_from_the_form_hides_it_and_records_who(setup):
    client, url = setup
    page = "/person/p-dev-okafor"
    claim = client.get(f"{page}.json").json()["quotes"][0]["id"]
    r = post(client, "/corrections/reject", page, claim=claim, author="Ann Editor")
    assert r.status_code == 303 and r.headers["location"] == page
    assert client.get(f"{page}.json").json()["quotes"] == []
    (judgement,) = history(open_store(url))
    assert (judgement["kind"], judgement["subject"], judgement["author"]) == (
        "reject",
        claim,
        "web:Ann Editor",
    )


def test_fix_a_quotes_speaker(setup):
    client, _ = setup
    page = "/person/p-amara-quist"
    claim = client.get(f"{page}.json").json()["quotes"][0]["id"]
    r = post(client, "/corrections/speaker", page, quote=claim, speaker="Tobias Wren")
    assert r.status_code == 303
    assert client.get(f"{page}.json").json()["quotes"] == []
    moved = client.get("/person/p-tobias-wren.json").json()["quotes"]
    assert [(q["id"], q["speaker"]["name"], q["speaker"]["corrected"]) for q in moved] == [
        (claim, "Tobias Wren", True)
    ]


def test_merge_two_people_with_a_bearer_token(setup):
    client, url = setup
    r = client.post(
        "/corrections/merge",
        data={"a": "p-dev-okafor", "b": "Hattie Lowe"},
        headers={"authorization": f"Bearer {TOKEN}"},
    )
    assert r.status_code == 200 and r.json()["ok"] is True
    merged = client.get(f"/person/{r.json()['canonical_id']}.json").json()
    assert len(merged["quotes"]) == 2 and merged["merged_ids"]
    assert [j["kind"] for j in history(open_store(url))] == ["merge"]


def test_bad_requests_say_what_was_wrong(setup):
    client, _ = setup
    r = post(client, "/corrections/reject", "/person/p-dev-okafor", claim="c-nonexistent")
    assert r.status_code == 400 and "no claim" in r.text
    r = post(
        client, "/corrections/merge", "/person/p-dev-okafor", a="p-dev-okafor", b="Nobody At All"
    )
    assert r.status_code == 400


def test_next_never_leaves_the_site(setup):
    client, _ = setup
    claim = client.get("/person/p-dev-okafor.json").json()["quotes"][0]["id"]
    r = post(
        client, "/corrections/reject", "/person/p-dev-okafor", claim=claim, next="//evil.example/x"
    )
    assert r.headers["location"] == "/"
