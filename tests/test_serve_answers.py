"""A page asked again before the store changes is answered from what its connection kept
(`serve/answers.py`, issue 16); a write to the store, by the app or by another process,
makes every page answer afresh."""

from __future__ import annotations

from fastapi.testclient import TestClient
from serve_store import make_store, settings
from store_factory import APPOINTED, LEAVES, build

from sectorwatch.serve import answers, create_app, shapes
from sectorwatch.store import open_store, write_batch


def _counting(monkeypatch) -> list[str]:  # type: ignore[no-untyped-def]
    calls: list[str] = []
    real = shapes.person

    def person(answer):  # type: ignore[no-untyped-def]
        calls.append(answer.name)
        return real(answer)

    monkeypatch.setattr(shapes, "person", person)
    return calls


def test_a_page_asked_twice_is_answered_once_until_the_store_changes(tmp_path, monkeypatch):
    url = make_store(tmp_path, [LEAVES])
    client = TestClient(create_app(settings(url)))
    calls = _counting(monkeypatch)
    first = client.get("/person/p-amara-quist.json").json()
    assert client.get("/person/p-amara-quist.json").json() == first
    assert client.get("/person/p-amara-quist").status_code == 200
    assert calls == ["Amara Quist"]
    assert [e["type"] for e in first["events"]] == ["departure"]

    other = open_store(url)  # another process's ingest: a commit the app did not make
    write_batch(other, [build(APPOINTED)])
    other.dispose()
    client.get("/person/p-amara-quist.json")
    assert calls == ["Amara Quist", "Amara Quist"]
    assert client.get("/person/p-jonah-pike.json").json()["name"] == "Jonah Pike"


def test_with_nothing_kept_every_request_answers_afresh(tmp_path, monkeypatch):
    url = make_store(tmp_path, [LEAVES])
    client = TestClient(create_app(settings(url)))
    calls = _counting(monkeypatch)
    monkeypatch.setattr(answers, "PAGES_KEPT", 0)
    client.get("/person/p-amara-quist.json")
    client.get("/person/p-amara-quist.json")
    assert calls == ["Amara Quist", "Amara Quist"]


def test_each_connection_keeps_only_the_last_pages(tmp_path, monkeypatch):
    url = make_store(tmp_path)
    client = TestClient(create_app(settings(url)))
    calls = _counting(monkeypatch)
    monkeypatch.setattr(answers, "PAGES_KEPT", 1)
    for path in ("/person/p-amara-quist.json", "/person/p-jonah-pike.json") * 2:
        client.get(path)
    assert calls == ["Amara Quist", "Jonah Pike", "Amara Quist", "Jonah Pike"]
