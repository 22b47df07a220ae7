"""Atom feeds (parsed with feedparser, as a reader would), provenance you can cite (links,
anchors, no server paths, untitled articles named, furniture apart), and charts to take
away."""

from __future__ import annotations

from dataclasses import replace

import feedparser
import pytest
from fastapi.testclient import TestClient
from serve_store import settings
from store_factory import APPOINTED, LEAVES, ArticleSpec, build

from sectorwatch.model import Paragraph
from sectorwatch.serve import create_app
from sectorwatch.serve.charts import timeline_bars
from sectorwatch.store import open_store, write_batch

WEB = ArticleSpec(
    title=None,
    published="2024-08-02",
    source="https://news.example.org/wexley/orin-vale-named",
    text=(
        "Orin Vale named chair of the Wexley Care Partnership\n"
        "Orin Vale, chair of the Wexley Care Partnership, opened the new clinic.\n"
        "Related news\n"
        "Five things to read this week\n"
    ),
    roles=[
        dict(
            person="Orin Vale",
            role="chair",
            organisation="Wexley Care Partnership",
            status="current",
            words="Orin Vale, chair of the Wexley Care Partnership",
        )
    ],
)


def _untitled_with_furniture():  # type: ignore[no-untyped-def]
    ex = build(WEB)
    text = ex.article.text
    furniture = text.index("Related news")
    paragraphs = [
        p if p.start < furniture else Paragraph(p.start, p.end, "boilerplate")
        for p in ex.article.paragraphs
    ]
    ex.article = replace(ex.article, title=None, paragraphs=paragraphs)
    return ex


@pytest.fixture(scope="module")
def client(tmp_path_factory) -> TestClient:
    folder = tmp_path_factory.mktemp("feeds")
    url = f"sqlite:///{folder / 'feeds.db'}"
    engine = open_store(url)
    leaves = replace(LEAVES, source=str(folder / "private" / "leaves.txt"))
    write_batch(engine, [build(leaves), build(APPOINTED), _untitled_with_furniture()])
    engine.dispose()
    return TestClient(create_app(settings(url)))


def parsed(client: TestClient, path: str):  # type: ignore[no-untyped-def]
    r = client.get(path)
    assert r.headers["content-type"] == "application/atom+xml; charset=utf-8"
    feed = feedparser.parse(r.content)
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert feed.version == "atom10"
    return feed


def test_the_feed_of_everything(client):
    feed = parsed(client, "/events.atom")
    assert feed.feed.title == "Events · Sectorwatch"
    assert [e.title for e in feed.entries] == [
        "appointment: Jonah Pike, chief executive, Fernleigh Health Board",
        "departure: Amara Quist, chief executive, Fernleigh Health Board",
        "reporting line: Fernleigh Health Board",  # reported the same day: by id
        "role created: chief operating officer, Fernleigh Health Board",
    ]
    first = feed.entries[0]
    assert first.link == "http://testserver/event/c-0459f7c6ad4fbda6"
    assert first.id == first.link and first.updated == "2024-07-15T00:00:00Z"


def test_feeds_per_organisation_person_search_and_filter(client):
    org = parsed(client, "/organisation/o-fernleigh-health-board.atom")
    assert len(org.entries) == 4
    person = parsed(client, "/person/p-amara-quist.atom")
    assert [e.title for e in person.entries] == [
        "departure: Amara Quist, chief executive, Fernleigh Health Board"
    ]
    search = parsed(client, "/search.atom?q=departure")
    assert [e.title for e in search.entries] == [
        "event: departure: Amara Quist, chief executive, Fernleigh Health Board"
    ]
    filtered = parsed(client, "/events.atom?type=appointment")
    assert filtered.feed.title == "Events (type: appointment) · Sectorwatch"
    assert len(filtered.entries) == 1


def test_pages_link_their_feeds(client):
    for page, feed in (
        ("/", "/events.atom"),
        ("/events?type=departure", "/events.atom?type=departure"),
        ("/person/p-amara-quist", "/person/p-amara-quist.atom"),
        ("/organisation/o-fernleigh-health-board", "/organisation/o-fernleigh-health-board.atom"),
        ("/search?q=departure", "/search.atom?q=departure"),
    ):
        html = client.get(page).text
        assert 'type="application/atom+xml" title=' in html, page
        assert f'href="{feed}">' in html, page


def test_sources_are_links_or_file_names_never_server_paths(client):
    data = client.get("/search.json?q=Orin+Vale").json()
    web = next(r for r in data["results"] if r["type"] == "person")
    assert web["id"] == "p-orin-vale"
    article = client.get("/person/p-orin-vale.json").json()["roles"][0]["evidence"]["article_id"]
    page = client.get(f"/article/{article}.json").json()
    assert (page["source"], page["source_url"]) == (
        "https://news.example.org/wexley/orin-vale-named",
        "https://news.example.org/wexley/orin-vale-named",
    )
    assert '<a class="source" href="https://news.example.org/wexley/orin-vale-named"' in (
        client.get(f"/article/{article}").text
    )
    leaves = client.get("/person/p-dev-okafor.json").json()["roles"][0]["evidence"]
    assert leaves["source"] == "leaves.txt"
    html = client.get(f"/article/{leaves['article_id']}").text
    assert (
        "private" not in html
        and "private" not in client.get(f"/article/{leaves['article_id']}.json").text
    )


def test_an_untitled_article_is_named_by_its_first_line_and_furniture_stands_apart(client):
    article = client.get("/person/p-orin-vale.json").json()["roles"][0]["evidence"]["article_id"]
    data = client.get(f"/article/{article}.json").json()
    first = "Orin Vale named chair of the Wexley Care Partnership"
    assert data["title"] == first
    evidence = client.get("/person/p-orin-vale.json").json()["roles"][0]["evidence"]
    assert evidence["title"] == first  # everywhere the article is named
    hits = client.get("/search.json?q=clinic&type=article").json()["results"]
    assert [h["title"] for h in hits] == [first]
    html = client.get(f"/article/{article}").text
    body = html.split('<article class="text">', 1)[1].split("</article>", 1)[0]
    aside = html.split('<aside class="furniture"', 1)[1].split("</aside>", 1)[0]
    assert "Related news" not in body and "opened the new clinic" in body
    assert "Related news\nFive things to read this week" in aside


def test_chart_downloads(client):
    svg = client.get("/organisation/o-fernleigh-health-board/chart.svg?on=2024-03-04")
    assert svg.headers["content-type"] == "image/svg+xml"
    assert svg.headers["content-disposition"] == (
        'attachment; filename="fernleigh-health-board-chart-2024-03-04.svg"'
    )
    assert svg.text.startswith("<svg")
    dot = client.get("/organisation/o-fernleigh-health-board/chart.dot?on=2024-03-04")
    assert dot.text.startswith("digraph orgchart {")
    assert client.get("/organisation/o-fernleigh-health-board/chart.gif").status_code == 404


def test_a_png_chart_when_cairosvg_is_there_and_a_clear_refusal_when_not(client, monkeypatch):
    import sys
    import types

    path = "/organisation/o-fernleigh-health-board/chart.png?on=2024-03-04"
    monkeypatch.setitem(sys.modules, "cairosvg", None)  # not installed
    r = client.get(path)
    assert r.status_code == 501 and "needs the optional package cairosvg" in r.text
    fake = types.ModuleType("cairosvg")
    fake.svg2png = lambda bytestring, scale: b"\x89PNG" + bytestring[:4]  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "cairosvg", fake)
    r = client.get(path)
    assert (r.status_code, r.headers["content-type"], r.content) == (
        200,
        "image/png",
        b"\x89PNG<svg",
    )
    assert r.headers["content-disposition"] == (
        'attachment; filename="fernleigh-health-board-chart-2024-03-04.png"'
    )
    html = client.get("/organisation/o-fernleigh-health-board?on=2024-03-04").text
    assert 'href="/organisation/o-fernleigh-health-board/chart.svg?on=2024-03-04"' in html
    assert "<th>Status on 2024-03-04</th>" in html


def test_leaders_status_is_the_status_on_the_charts_date(client):
    before = client.get("/organisation/o-fernleigh-health-board.json?on=2024-03-04").json()
    after = client.get("/organisation/o-fernleigh-health-board.json?on=2024-08-01").json()
    status = {x["person"]["name"]: x["status"] for x in before["leaders"]}
    # Jonah Pike was appointed in July: on 4 March nothing yet said he would come
    assert status["Amara Quist"] == "leaving" and status["Jonah Pike"] == "unknown"
    status = {x["person"]["name"]: x["status"] for x in after["leaders"]}
    assert status["Amara Quist"] == "former" and status["Jonah Pike"] == "current"


def test_a_role_with_no_end_stops_at_its_last_report():
    role = {
        "role": "chair",
        "organisation": {"id": "o-w", "name": "Wexley Care Partnership"},
        "status": "current",
        "valid_from": "2022-01",
        "valid_to": None,
        "last_reported": "2023-05-10",
        "evidence": {"published": "2023-05-10"},
    }
    (bar,) = timeline_bars([role])["bars"]
    assert bar["title"] == "chair, Wexley Care Partnership (current, last reported 2023-05-10)"
    assert timeline_bars([role])["ticks"][-1]["year"] == 2023  # not running on to today


def test_the_png_chart_is_a_real_png_drawn_by_cairosvg(client):
    """cairosvg is locked and the Cairo library installed by `make test`: a real raster."""
    r = client.get("/organisation/o-fernleigh-health-board/chart.png?on=2024-03-04")
    assert (r.status_code, r.headers["content-type"]) == (200, "image/png")
    assert r.content[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(r.content[16:20], "big"), int.from_bytes(r.content[20:24], "big")
    assert width > 100 and height > 100
