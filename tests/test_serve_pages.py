"""The pages and their JSON and CSV twins, on the store factory's two Fernleigh articles."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from serve_store import make_store, settings

from sectorwatch.serve import create_app


@pytest.fixture(scope="module")
def client(tmp_path_factory) -> TestClient:
    url = make_store(tmp_path_factory.mktemp("pages"))
    return TestClient(create_app(settings(url)))


def departure(client: TestClient) -> dict:
    events = client.get("/.json").json()["recent_events"]
    return next(e for e in events if e["type"] == "departure")


def test_home_lists_recent_events_and_most_quoted(client):
    data = client.get("/.json").json()
    assert set(data) == {"recent_events", "most_quoted"}
    assert data["recent_events"][0]["type"] == "appointment"  # newest report first
    assert data["recent_events"][0]["person"] == {"id": "p-jonah-pike", "name": "Jonah Pike"}
    quoted = {p["name"]: p["quotes"] for p in data["most_quoted"]}
    assert quoted["Dev Okafor"] == 1 and quoted["Amara Quist"] == 1
    page = client.get("/")
    assert page.status_code == 200 and 'name="q"' in page.text and "Jonah Pike" in page.text


def test_json_twin_by_suffix_and_by_accept_header(client):
    by_suffix = client.get("/person/p-amara-quist.json").json()
    by_accept = client.get("/person/p-amara-quist", headers={"accept": "application/json"})
    assert by_accept.headers["content-type"] == "application/json"
    assert by_accept.json() == by_suffix


def test_person_has_roles_over_time_events_and_quotes_with_stance(client):
    data = client.get("/person/p-amara-quist.json").json()
    assert data["name"] == "Amara Quist"
    (role,) = data["roles"]
    assert role["role"] == "chief executive"
    assert role["organisation"]["name"] == "Fernleigh Health Board"
    assert role["status"] == "former" and role["valid_to"] == "2024-06"
    assert [e["type"] for e in data["events"]] == ["departure"]
    assert [(q["text"], q["stance"]) for q in data["quotes"]] == [
        ("she was proud of what the team had achieved", "neutral")
    ]
    html = client.get("/person/p-amara-quist").text
    assert '<svg class="timeline"' in html and "chief executive" in html


def test_organisation_chart_changes_with_the_date(client):
    before = client.get("/organisation/o-fernleigh-health-board.json?on=2024-03-10").json()
    after = client.get("/organisation/o-fernleigh-health-board.json?on=2024-08-01").json()

    def chief(data):
        node = next(n for n in data["orgchart"]["nodes"] if n["label"] == "chief executive")
        return [(h["name"], h["status"]) for h in node["holders"]]

    assert chief(before) == [("Amara Quist", "leaving")]
    assert chief(after) == [("Jonah Pike", "current")]
    assert before["aliases"] == ["FHB"]
    html = client.get("/organisation/o-fernleigh-health-board?on=2024-03-10").text
    assert "<svg" in html and 'type="date"' in html and 'value="2024-03-10"' in html


def test_organisation_rejects_a_date_that_is_not_one(client):
    r = client.get("/organisation/o-fernleigh-health-board.json?on=soon")
    assert r.status_code == 400 and "not a date" in r.json()["error"]


def test_event_groups_the_sector_reactions_by_stance_and_kind(client):
    ev = departure(client)
    data = client.get(f"/event/{ev['id']}.json").json()
    assert data["event"]["person"]["name"] == "Amara Quist"
    assert {k: [q["speaker"]["name"] for q in v] for k, v in data["by_stance"].items()} == {
        "welcome": ["Dev Okafor"],
        "concern": ["Hattie Lowe"],
    }
    okafor = data["by_stance"]["welcome"][0]["speaker"]
    assert okafor["role_on_date"]["role"] == "chief executive"
    assert okafor["role_on_date"]["organisation"]["name"] == "Coastal Care Alliance"
    assert sum(len(v) for v in data["by_organisation_kind"].values()) == 2


def test_article_spans_cover_quotes_people_roles_and_events(client):
    ev = departure(client)
    data = client.get(f"/article/{ev['article']['id']}.json").json()
    kinds = {s["kind"] for s in data["spans"]}
    assert {"quote", "speaker", "role", "event"} <= kinds
    html = client.get(f"/article/{ev['article']['id']}").text
    role = next(s for s in data["spans"] if s["kind"] == "role" and s["target"] == "p-dev-okafor")
    # a role's evidence is anchored as #c-CLAIM, like a quote's #q-CLAIM
    assert f'class="hl hl-role hl-speaker" id="c-{role["id"]}" href="/person/p-dev-okafor"' in html
    assert f'id="c-{ev["id"]}" href="/event/{ev["id"]}"' in html


def test_search_highlights_matches_and_counts_facets(client):
    data = client.get("/search.json?q=worried").json()
    types = {f["value"]: f["count"] for f in data["facets"]["type"]}
    assert types == {"quote": 1, "article": 1}
    assert {f["value"] for f in data["facets"]["stance"]} == {"concern"}
    only_quotes = client.get("/search.json?q=worried&type=quote").json()
    assert [r["type"] for r in only_quotes["results"]] == ["quote"]
    html = client.get("/search?q=worried").text
    assert "<mark>worried</mark>" in html


def test_search_finds_people_and_organisations_by_name(client):
    data = client.get("/search.json?q=Fernleigh").json()
    assert {"type": "organisation", "id": "o-fernleigh-health-board"}.items() <= next(
        r for r in data["results"] if r["type"] == "organisation"
    ).items()


def test_lists_export_as_csv(client):
    r = client.get("/search.csv?q=chief")
    assert r.headers["content-type"].startswith("text/csv")
    assert r.text.splitlines()[0] == "type,id,title,text,organisation,stance,year,url"
    quotes = client.get("/person/p-dev-okafor.csv").text.splitlines()
    assert quotes[0].startswith("id,speaker,speaker_id,role,organisation,stance")
    assert "right move for patients" in quotes[1]


def test_unknown_pages_answer_404_in_the_asked_format(client):
    assert client.get("/person/p-nobody").status_code == 404
    r = client.get("/person/p-nobody.json")
    assert r.status_code == 404 and r.json()["error"]


def test_openapi_and_docs_list_the_pages(client):
    paths = client.get("/openapi.json").json()["paths"]
    assert {
        "/",
        "/search",
        "/person/{entity_id}",
        "/organisation/{entity_id}",
        "/event/{claim_id}",
        "/article/{article_id}",
        "/corrections/merge",
    } <= set(paths)
    assert "/person/{entity_id}" in client.get("/docs").text
