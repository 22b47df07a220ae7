"""Untrusted article text stays text; headers; writes need the token, CSRF and the origin."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from fastapi.testclient import TestClient
from serve_store import HOSTILE, TOKEN, make_store, settings
from store_factory import LEAVES, build

from sectorwatch.serve import create_app
from sectorwatch.serve.highlight import mark, render_article, segments

ORIGIN = "http://testserver"


@pytest.fixture(scope="module")
def url(tmp_path_factory) -> str:
    return make_store(tmp_path_factory.mktemp("sec"), [LEAVES, HOSTILE])


@pytest.fixture()
def open_client(url) -> TestClient:
    return TestClient(create_app(settings(url, TOKEN)))


@pytest.fixture()
def readonly_client(url) -> TestClient:
    return TestClient(create_app(settings(url, None)))


def hostile_pages(client: TestClient) -> list[str]:
    aid = build(HOSTILE).article.id
    person = client.get(f"/article/{aid}.json").json()["quotes"][0]["speaker"]["id"]
    org = client.get(f"/person/{person}.json").json()["roles"][0]["organisation"]["id"]
    event = client.get(f"/person/{person}.json").json()["events"][0]["id"]
    return [
        "/",
        f"/article/{aid}",
        f"/person/{person}",
        f"/organisation/{org}",
        f"/event/{event}",
        "/search?q=script",
        "/search?q=Zara",
    ]


def test_hostile_names_and_quotes_are_escaped_on_every_page(open_client):
    for path in hostile_pages(open_client):
        html = open_client.get(path).text
        assert "<script>window" not in html, path
        assert "<img src=x" not in html, path
        assert 'href="javascript:' not in html, path
        assert "&lt;script&gt;window.__pwned" in html, path


def test_every_response_carries_security_headers(open_client):
    for path in ("/", "/person/p-amara-quist.json", "/static/style.css", "/nowhere"):
        headers = open_client.get(path).headers
        assert "default-src 'self'" in headers["content-security-policy"]
        assert "script-src 'self'" in headers["content-security-policy"]
        assert "unsafe-inline" not in headers["content-security-policy"]
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "same-origin"


class Tags(HTMLParser):
    """Every tag and attribute a browser would build from a page."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):  # type: ignore[no-untyped-def]
        self.tags.append((tag, dict(attrs)))


def test_no_script_handler_or_javascript_url_in_any_parsed_page(open_client):
    for path in hostile_pages(open_client):
        parser = Tags()
        parser.feed(open_client.get(path).text)
        assert parser.tags, path
        for tag, attrs in parser.tags:
            assert tag not in ("script", "img", "iframe", "object"), (path, tag)
            assert not any(name.startswith("on") for name in attrs), (path, tag, attrs)
            for name in ("href", "src", "action"):
                value = (attrs.get(name) or "").strip().lower()
                assert not value.startswith(("javascript:", "data:")), (path, tag, attrs)


def test_static_files_come_from_a_fixed_set_of_names(open_client):
    assert open_client.get("/static/style.css").status_code == 200
    for probe in ("/static/..%2Fapp.py", "/static/app.py", "/static/%2Fetc%2Fpasswd"):
        assert open_client.get(probe).status_code == 404


def test_segments_split_overlapping_spans():
    spans = [
        {"kind": "quote", "start": 0, "end": 10, "id": "q", "target": "p"},
        {"kind": "person", "start": 5, "end": 15, "id": "p", "target": "p"},
    ]
    cuts = [(s.start, s.end, sorted(x["kind"] for x in s.spans)) for s in segments("x" * 20, spans)]
    assert cuts == [
        (0, 5, ["quote"]),
        (5, 10, ["person", "quote"]),
        (10, 15, ["person"]),
        (15, 20, []),
    ]


def test_render_article_escapes_text_inside_and_outside_spans():
    text = '<b>a</b> "><img src=x onerror=alert(1)>'
    html = render_article(
        text,
        [{"kind": "person", "start": 0, "end": 8, "id": "p-x", "target": "p-x", "label": "<i>"}],
    )
    assert "<b>" not in html and "<img" not in html and "<i>" not in html
    assert html.startswith('<a class="hl hl-person" href="/person/p-x" title="person: &lt;i&gt;">')


def test_mark_escapes_first_then_wraps_matches():
    assert str(mark("<script>Worried</script> worriedly", "worried")) == (
        "&lt;script&gt;<mark>Worried</mark>&lt;/script&gt; <mark>worriedly</mark>"
    )


def form(client: TestClient, path: str = "/person/p-amara-quist") -> str:
    """Open a page (setting the session cookie) and return its CSRF token."""
    html = client.get(path).text
    found = re.search(r'name="csrf" value="([0-9a-f]+)"', html)
    return found.group(1) if found else ""


def reject_quote(client: TestClient, csrf: str, token: str = TOKEN, **headers: str):
    claim = client.get("/person/p-dev-okafor.json").json()["quotes"][0]["id"]
    return client.post(
        "/corrections/reject",
        data={"claim": claim, "token": token, "csrf": csrf, "next": "/person/p-dev-okafor"},
        headers={"origin": ORIGIN, **headers},
        follow_redirects=False,
    )


def test_read_only_without_a_configured_token(readonly_client):
    html = readonly_client.get("/person/p-amara-quist").text
    assert "/corrections/" not in html and "read-only" in html
    r = reject_quote(readonly_client, "x")
    assert r.status_code == 403 and "read-only" in r.text
    r = readonly_client.post("/corrections/merge", headers={"authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 403


def test_write_refused_with_a_wrong_token(open_client):
    r = reject_quote(open_client, form(open_client), token="guess")
    assert r.status_code == 403 and "wrong token" in r.text


def test_write_refused_without_csrf_or_from_another_site(open_client):
    assert reject_quote(open_client, "").status_code == 403
    assert reject_quote(open_client, "0" * 64).status_code == 403
    csrf = form(open_client)
    r = reject_quote(open_client, csrf, origin="http://evil.example")
    assert r.status_code == 403 and "cross-site" in r.text


def test_session_cookie_is_samesite_strict_and_httponly(open_client):
    cookie = open_client.get("/").headers["set-cookie"].lower()
    assert "samesite=strict" in cookie and "httponly" in cookie
