"""Every kind of claim can be corrected from the web, with author and reason, undone, and
seen in the history; refused writes say why and keep what was typed."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient
from serve_store import TOKEN, make_store, settings

from sectorwatch.serve import create_app
from sectorwatch.store import open_store
from sectorwatch.store.judgements import history

ORIGIN = "http://testserver"
BEARER = {"authorization": f"Bearer {TOKEN}"}
DEPARTURE = "c-6c9d054814da2d33"
QUIST_ROLE = "c-9053908ff5daa463"  # Amara Quist, chief executive (leaving), in LEAVES
QUIST_FORMER = "c-0a965b851fc33318"  # Amara Quist, chief executive (former), in APPOINTED
LINE = "c-eb8a05e7eab2810c"  # regional director reports to chief operating officer
OKAFOR_QUOTE = "c-b28fc46c58433c66"


@pytest.fixture()
def setup(tmp_path) -> tuple[TestClient, str]:
    url = make_store(tmp_path)
    return TestClient(create_app(settings(url, TOKEN))), url


def form_post(client: TestClient, path: str, page: str, **fields: str):
    html = client.get(page).text
    csrf = re.search(r'name="csrf" value="([0-9a-f]+)"', html).group(1)
    data = {"token": TOKEN, "csrf": csrf, "next": page, **fields}
    return client.post(path, data=data, headers={"origin": ORIGIN}, follow_redirects=False)


def roles(client: TestClient, person: str) -> list[tuple[str, str, str, int]]:
    """Each role with its status, the claim preferred as its evidence and how many others."""
    data = client.get(f"/person/{person}.json").json()
    return [
        (r["role"], r["status"], r["evidence"]["claim_id"], r["alternatives"])
        for r in data["roles"]
    ]


def test_reject_and_restore_a_role_from_the_form(setup):
    client, url = setup
    page = "/person/p-amara-quist"
    assert roles(client, "p-amara-quist") == [("chief executive", "former", QUIST_FORMER, 2)]
    assert f'<input type="hidden" name="claim" value="{QUIST_FORMER}">' in client.get(page).text
    r = form_post(
        client, "/corrections/reject", page, claim=QUIST_FORMER, author="Ann", note="misread"
    )
    assert (r.status_code, r.headers["location"]) == (303, page)
    # the departure's report is now the best evidence that she left
    assert roles(client, "p-amara-quist") == [("chief executive", "former", DEPARTURE, 1)]
    r = form_post(
        client, "/corrections/reject", page, claim=QUIST_FORMER, undo="true", author="Ann"
    )
    assert r.status_code == 303
    assert roles(client, "p-amara-quist") == [("chief executive", "former", QUIST_FORMER, 2)]
    assert [(j["kind"], j["author"], j["note"]) for j in history(open_store(url))] == [
        ("reject", "web:Ann", "misread"),
        ("accept", "web:Ann", None),
    ]


def test_reject_a_reporting_line(setup):
    client, _ = setup
    org = "/organisation/o-fernleigh-health-board.json?on=2024-03-04"
    assert len(client.get(org).json()["orgchart"]["lines"]) == 2
    r = client.post("/corrections/reject", data={"claim": LINE}, headers=BEARER)
    assert r.json() == {"ok": True, "judgement": "reject", "claim_id": LINE}
    assert len(client.get(org).json()["orgchart"]["lines"]) == 1


def test_a_rejected_event_says_who_when_why_and_offers_restore(setup):
    client, _ = setup
    r = client.post(
        "/corrections/reject",
        data={"claim": DEPARTURE, "author": "Ann", "note": "a rumour"},
        headers=BEARER,
    )
    assert r.status_code == 200
    page = client.get(f"/event/{DEPARTURE}")
    assert page.status_code == 410
    notice = re.search(r'<div class="notice rejected-notice">(.*?)</div>', page.text, re.S)
    assert "This event was rejected</strong> by web:Ann on" in notice.group(1)
    assert "“a rumour”" in notice.group(1)
    assert "Restore this event" in notice.group(1)
    twin = client.get(f"/event/{DEPARTURE}.json")
    assert twin.status_code == 410 and twin.json()["rejected"]["note"] == "a rumour"
    assert client.get("/event/c-nothing").status_code == 404


def test_edit_an_events_date_with_a_reason(setup):
    client, url = setup
    r = client.post(
        "/corrections/edit",
        data={"claim": DEPARTURE, "field": "effective", "value": "2024-07-31", "note": "papers"},
        headers=BEARER,
    )
    assert r.json()["ok"] is True
    assert client.get(f"/event/{DEPARTURE}.json").json()["event"]["effective"] == "2024-07-31"
    r = client.post(
        "/corrections/edit",
        data={"claim": DEPARTURE, "field": "status", "value": "finished"},
        headers=BEARER,
    )
    assert r.status_code == 400
    assert r.json()["error"] == (
        "[SW200] status 'finished' is not one of announced, completed, proposed, requested"
    )


def test_merge_two_organisations_then_undo_from_the_history(setup):
    client, url = setup
    r = client.post(
        "/corrections/merge",
        data={
            "a": "Coastal Care Alliance",
            "b": "o-patients-first-network",
            "kind": "organisation",
        },
        headers=BEARER,
    )
    assert r.json() == {"ok": True, "judgement": "merge", "canonical_id": "o-coastal-care-alliance"}
    merged = client.get("/organisation/o-patients-first-network.json").json()
    assert (merged["id"], merged["merged_ids"]) == (
        "o-coastal-care-alliance",
        ["o-patients-first-network"],
    )
    listed = client.get("/history.json").json()["judgements"]
    assert [(j["id"], j["kind"], j["in_force"]) for j in listed] == [(1, "merge", True)]
    page = "/history"
    assert '<input type="hidden" name="judgement" value="1">' in client.get(page).text
    r = form_post(client, "/corrections/undo", page, judgement="1", author="Ann")
    assert (r.status_code, r.headers["location"]) == (303, page)
    assert client.get("/organisation/o-patients-first-network.json").json()["merged_ids"] == []
    listed = client.get("/history.json").json()["judgements"]
    assert [(j["id"], j["kind"], j["in_force"], j["note"]) for j in listed] == [
        (2, "split", True, "undo of judgement 1"),
        (1, "merge", False, None),
    ]
    about = client.get("/history/o-patients-first-network.json").json()["judgements"]
    assert [j["id"] for j in about] == [2, 1]


def test_self_merge_and_undo_of_nothing_are_refused_and_record_nothing(setup):
    client, url = setup
    r = client.post(
        "/corrections/merge", data={"a": "p-dev-okafor", "b": "Dev Okafor"}, headers=BEARER
    )
    assert (r.status_code, r.json()["error"]) == (
        400,
        "[SW200] cannot merge p-dev-okafor with itself: give two different ids",
    )
    r = client.post(
        "/corrections/reject", data={"claim": DEPARTURE, "undo": "true"}, headers=BEARER
    )
    assert r.status_code == 400 and "is not rejected: there is nothing to undo" in r.json()["error"]
    r = client.post("/corrections/undo", data={"judgement": "7"}, headers=BEARER)
    assert r.status_code == 400 and "no judgement with id 7" in r.json()["error"]
    assert history(open_store(url)) == []


def test_a_refused_write_keeps_what_was_typed(setup):
    client, url = setup
    page = "/person/p-dev-okafor"
    html = client.get(page).text
    csrf = re.search(r'name="csrf" value="([0-9a-f]+)"', html).group(1)
    r = client.post(
        "/corrections/merge",
        data={"a": "p-dev-okafor", "b": "Hattie Lowe", "author": "Ann", "note": "same <b>one</b>",
              "token": "wrong", "csrf": csrf, "next": page},
        headers={"origin": ORIGIN},
    )  # fmt: skip
    assert r.status_code == 403
    assert '<p class="notice error refused-reason">wrong token</p>' in r.text
    for name, value in (
        ("b", "Hattie Lowe"),
        ("author", "Ann"),
        ("note", "same &lt;b&gt;one&lt;/b&gt;"),
    ):
        assert f'name="{name}" value="{value}"' in r.text
    assert 'action="/corrections/merge"' in r.text
    assert history(open_store(url)) == []


def test_set_a_speaker_by_a_new_name_creates_the_person(setup):
    client, url = setup
    r = client.post(
        "/corrections/speaker",
        data={"quote": OKAFOR_QUOTE, "speaker": "Marla Penhaligon"},
        headers=BEARER,
    )
    assert r.json() == {
        "ok": True,
        "judgement": "set_speaker",
        "claim_id": OKAFOR_QUOTE,
        "speaker_id": "p-marla-penhaligon",
        "created": True,
    }
    quotes = client.get("/person/p-marla-penhaligon.json").json()["quotes"]
    assert [(q["id"], q["speaker"]["corrected"]) for q in quotes] == [(OKAFOR_QUOTE, True)]
    assert [j["kind"] for j in history(open_store(url))] == ["create", "set_speaker"]
    r = client.post(
        "/corrections/speaker", data={"quote": "c-nope", "speaker": "Orin Vale"}, headers=BEARER
    )
    assert r.status_code == 400 and "no claim with id 'c-nope'" in r.json()["error"]
    assert [j["kind"] for j in history(open_store(url))] == ["create", "set_speaker"]


def test_the_fact_page_shows_confidence_alternatives_and_history(setup):
    client, _ = setup
    data = client.get(f"/claim/{QUIST_ROLE}.json").json()
    assert (data["property"], data["entity_id"], data["rejected"]) == (
        "occupancy",
        "p-amara-quist",
        False,
    )
    assert (data["evidence"]["confidence"], data["evidence"]["extractor"]) == (0.8, "sectorwatch")
    assert [(a["value"]["status"], a["evidence"]["published"]) for a in data["alternatives"]] == [
        ("former", "2024-07-15")
    ]
    html = client.get(f"/claim/{QUIST_ROLE}").text
    assert "confidence 0.80" in html and "Other reports of the same role (1)" in html


def test_split_by_article_from_the_web(setup):
    client, _ = setup
    r = client.post(
        "/corrections/split", data={"a": "p-amara-quist", "article": "nope"}, headers=BEARER
    )
    assert r.status_code == 400 and "no article with id 'nope'" in r.json()["error"]
