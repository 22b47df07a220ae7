"""Issue 14, items 6 and 8: search input is normalised and bounded the same way in the
command line, the web and the library; a reversed date range and a store URL that names no
file are errors; the server closes half-sent requests. Articles and names are invented."""

from __future__ import annotations

import socket
import threading
import time

import pytest
from fastapi.testclient import TestClient
from serve_store import make_store, settings
from typer.testing import CliRunner

from sectorwatch.cli.main import app
from sectorwatch.errors import QueryError
from sectorwatch.query.search import search
from sectorwatch.query.search_input import normalise_query
from sectorwatch.serve import create_app
from sectorwatch.store import open_store


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> str:
    return make_store(tmp_path_factory.mktemp("queries"))


def invoke(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(app, list(args))


# ---------------------------------------------------------------- 6. search input


@pytest.mark.parametrize("query", ["%", '"', "*", "(", "🙂", "_", " \u200b "])
def test_a_query_of_only_punctuation_or_emoji_is_no_query_and_matches_nothing(store, query):
    result = search(open_store(store), query)
    assert (result.quotes, result.articles, result.hits) == ([], [], [])


def test_a_query_is_normalised_before_it_is_searched():
    assert normalise_query("  waiting\u200b lists\t\n ") == "waiting lists"
    assert normalise_query("ｗａｉｔｉｎｇ") == "waiting"  # full-width letters (NFKC)
    assert normalise_query("%*(") == ""


def test_a_query_of_too_many_words_is_refused_not_searched_for_seconds(store):
    with pytest.raises(QueryError) as caught:
        search(open_store(store), " ".join(["lists"] * 800))
    assert str(caught.value) == "[SW300] the query is 4799 characters long; at most 200"
    with pytest.raises(QueryError) as caught:
        search(open_store(store), " ".join(["lists"] * 30))
    assert str(caught.value) == (
        "[SW300] the query has 30 words; at most 24 are searched: use the few that matter"
    )


def test_cli_search_of_punctuation_says_there_is_no_query(store):
    result = invoke("search", "%", "--db", store)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == ["Quotes (0):", "Articles (0):"]
    assert result.stderr.splitlines() == ["no words to search for in '%'"]


@pytest.mark.parametrize("limit", ["99999999999999999999", "0", "501"])
def test_cli_search_limit_out_of_range_is_a_bad_command_line(store, limit):
    result = invoke("search", "lists", "--limit", limit, "--db", store)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert result.stderr.splitlines() == [f"[SW300] --limit {limit} is out of range: give 1 to 500"]


def test_web_search_bounds_and_normalises_the_same_way(store):
    client = TestClient(create_app(settings(store)))
    assert client.get("/search.json", params={"q": "%"}).json()["results"] == []
    refused = client.get("/search.json", params={"q": " ".join(["lists"] * 30)})
    assert (refused.status_code, refused.json()["error"]) == (
        400,
        "[SW300] the query has 30 words; at most 24 are searched: use the few that matter",
    )


# ---------------------------------------------------------------- 8. smaller


def test_timeline_from_after_to_is_a_bad_command_line(store):
    result = invoke("timeline", "Fernleigh Health Board", "--from", "2025", "--to", "2024")
    assert result.exit_code == 2, result.output
    assert result.stderr.splitlines() == ["error: --from 2025 is after --to 2024"]


def test_search_from_after_to_is_a_bad_command_line(store):
    result = invoke("search", "lists", "--from", "2024-06", "--to", "2024-05-31", "--db", store)
    assert result.exit_code == 2, result.output
    assert result.stderr.splitlines() == ["error: --from 2024-06 is after --to 2024-05-31"]


def test_a_sqlite_url_without_a_file_says_there_is_no_store():
    result = invoke(
        "who", "Fernleigh Health Board", "--role", "chief executive", "--db", "sqlite:///"
    )
    assert result.exit_code == 1, result.output
    assert result.stderr.splitlines() == [
        "[SW200] no store: the URL sqlite:/// names no file; give one, e.g. "
        "sqlite:///sectorwatch.db"
    ]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_the_server_closes_a_connection_whose_request_headers_never_finish(monkeypatch):
    import uvicorn

    from sectorwatch.serve.limits import LimitedH11Protocol, server_limits
    from sectorwatch.settings import Settings

    monkeypatch.setattr(LimitedH11Protocol, "request_timeout", 10.0)  # restored after

    async def hello(scope, receive, send):  # type: ignore[no-untyped-def]
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"ok"})

    port = _free_port()
    limits = server_limits(Settings(request_timeout=1))
    config = uvicorn.Config(hello, host="127.0.0.1", port=port, log_level="error", **limits)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        for _ in range(100):
            if server.started:
                break
            time.sleep(0.05)
        with socket.create_connection(("127.0.0.1", port)) as half:
            half.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")  # never finished
            half.settimeout(10)
            started = time.monotonic()
            assert half.recv(1024) == b""  # closed by the server
            assert time.monotonic() - started < 5
        with socket.create_connection(("127.0.0.1", port)) as whole:
            whole.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
            whole.settimeout(10)
            assert whole.recv(1024).startswith(b"HTTP/1.1 200")
    finally:
        server.should_exit = True
        thread.join(10)
