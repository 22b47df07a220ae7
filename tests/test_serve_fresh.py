"""Pages never answer from stale memory: what a server's connections keep between pages
(the judgements in force, entity names) is dropped as soon as the store changes, whoever
changed it -- the command line in another process, or this server's own corrections."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time

import httpx
from fastapi.testclient import TestClient
from serve_store import TOKEN, make_store, settings

from sectorwatch.serve import create_app
from sectorwatch.serve.security import Guard
from sectorwatch.store.judgements import reject


def quote_ids(client: TestClient, person: str) -> list[str]:
    return [q["id"] for q in client.get(f"/person/{person}.json").json()["quotes"]]


def test_a_rejection_by_another_process_shows_on_the_next_page(tmp_path):
    url = make_store(tmp_path)
    client = TestClient(create_app(settings(url)))
    [claim] = quote_ids(client, "p-amara-quist")
    for _ in range(3):  # warm: every pooled connection has read the judgements
        assert quote_ids(client, "p-amara-quist") == [claim]
    code = (
        "import sys; from sectorwatch.store import open_store; "
        "from sectorwatch.store.judgements import reject; "
        "reject(open_store(sys.argv[1]), sys.argv[2], 'cli')"
    )
    subprocess.run([sys.executable, "-c", code, url, claim], check=True)
    assert quote_ids(client, "p-amara-quist") == []
    assert "Amara Quist" not in {p["name"] for p in client.get("/.json").json()["most_quoted"]}


def test_a_rejection_through_the_same_engine_shows_on_the_next_page(tmp_path):
    url = make_store(tmp_path)
    app = create_app(settings(url, TOKEN))
    client = TestClient(app)
    [claim] = quote_ids(client, "p-dev-okafor")
    reject(app.state.engine, claim, "test")  # a write on one of the pages' own connections
    assert quote_ids(client, "p-dev-okafor") == []
    reject(app.state.engine, claim, "test", undo=True)
    assert quote_ids(client, "p-dev-okafor") == [claim]


def test_a_merge_renames_on_the_next_page(tmp_path):
    url = make_store(tmp_path)
    client = TestClient(create_app(settings(url, TOKEN)))
    before = client.get("/person/p-amara-quist.json").json()
    assert before["merged_ids"] == []
    answer = client.post(
        "/corrections/merge",
        data={"a": "p-amara-quist", "b": "p-dev-okafor"},
        headers={"authorization": f"Bearer {TOKEN}"},
    ).json()
    merged = client.get(f"/person/{answer['canonical_id']}.json").json()
    assert len(merged["merged_ids"]) == 1 and len(merged["quotes"]) == 2


def test_workers_of_one_server_share_the_csrf_key():
    a, b = Guard(TOKEN, bytes(32)), Guard(TOKEN, bytes(32))
    assert a.csrf("session-id-0123456789") == b.csrf("session-id-0123456789")
    assert Guard(TOKEN).csrf("session-id-0123456789") != a.csrf("session-id-0123456789")


def test_serve_with_two_workers_answers_pages(tmp_path):
    url = make_store(tmp_path)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    command = "from sectorwatch.cli.main import main; main()"
    args = ["serve", "--db", url, "--port", str(port), "--workers", "2"]
    env = {k: v for k, v in os.environ.items() if not k.startswith("SECTORWATCH_")}
    server = subprocess.Popen([sys.executable, "-c", command, *args], env=env)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                answer = httpx.get(f"http://127.0.0.1:{port}/.json", timeout=5)
                break
            except httpx.HTTPError:
                assert time.monotonic() < deadline and server.poll() is None
                time.sleep(0.2)
        assert answer.status_code == 200
        assert answer.json()["recent_events"][0]["person"]["name"] == "Jonah Pike"
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_a_started_server_keeps_what_it_holds_out_of_full_collections(tmp_path):
    import gc

    url = make_store(tmp_path)
    assert gc.get_freeze_count() == 0
    with TestClient(create_app(settings(url))) as client:
        assert gc.get_freeze_count() > 0  # modules, templates, the app: frozen at start
        assert client.get("/").status_code == 200
    assert gc.get_freeze_count() == 0  # collectable again once it stops
