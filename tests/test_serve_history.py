"""The history page of a post and its JSON and CSV twins (three fictional articles about
one post, and one hostile article whose names carry markup)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from serve_store import EVIL_PERSON, HOSTILE, make_store, settings
from test_store_terms import FIRST, LEAVING, SUCCESSOR

from sectorwatch.serve import create_app

PAGE = "/organisation/o-brindle-vale-nhs-trust/history"


@pytest.fixture(scope="module")
def client(tmp_path_factory) -> TestClient:
    url = make_store(tmp_path_factory.mktemp("history"), [FIRST, LEAVING, SUCCESSOR, HOSTILE])
    return TestClient(create_app(settings(url)))


def test_json_twin_lists_the_terms_in_order(client):
    data = client.get(PAGE + ".json", params={"role": "CEO"}).json()
    assert data["organisation"] == {
        "id": "o-brindle-vale-nhs-trust",
        "name": "Brindle Vale NHS Trust",
    }
    assert data["role"] == "chief executive"
    got = [(t["name"], t["kind"], t["start"], t["end"], t["replaces_name"]) for t in data["terms"]]
    assert got == [
        ("Orla Penhallow", "substantive", None, "2023-07-31", None),
        ("Marcus Teague", "interim", "2023-08-01", "2024-03-01", "Orla Penhallow"),
        ("Sunita Rao", "substantive", "2024-03-01", None, "Orla Penhallow"),
    ]
    reports = [e["article"]["published"] for e in data["terms"][0]["evidence"]]
    assert sorted(reports) == ["2021-06-03", "2023-02-10", "2023-02-10"]
    assert (
        client.get(PAGE, params={"role": "CEO"}, headers={"accept": "application/json"}).json()
        == data
    )


def test_html_page_and_csv(client):
    page = client.get(PAGE, params={"role": "chief executive"})
    assert page.status_code == 200
    assert 'Marcus Teague</a> <span class="meta">(interim)</span>' in page.text
    assert "2023-07-31 (departure)" in page.text
    csv = client.get(PAGE + ".csv", params={"role": "chief executive"}).text.splitlines()
    assert csv[0].split(",")[:3] == ["name", "person_id", "kind"]
    assert [row.split(",")[0] for row in csv[1:]] == [
        "Orla Penhallow",
        "Marcus Teague",
        "Sunita Rao",
    ]


def test_markup_in_names_is_escaped(client):
    org = client.get("/search.json", params={"q": "Wrenfield"}).json()
    org_id = next(h["id"] for h in org["results"] if h["type"] == "organisation")
    page = client.get(f"/organisation/{org_id}/history", params={"role": "chief executive"})
    assert page.status_code == 200
    assert EVIL_PERSON not in page.text and "<script>window.__pwned" not in page.text
    assert "&lt;img src=x" in page.text


def test_unknown_organisation_and_missing_role(client):
    assert (
        client.get("/organisation/o-nowhere/history.json", params={"role": "chair"}).status_code
        == 404
    )
    assert client.get(PAGE + ".json").status_code == 422
