"""Untrusted article text in a real browser: names, quotes and titles carrying <script>,
"><img onerror> and javascript: links show literally and nothing executes."""

from __future__ import annotations

import pytest
from browser import chromium_fixture, live, open_page, shot  # noqa: F401 - the fixture
from serve_store import EVIL_PERSON, EVIL_QUOTE, EVIL_TITLE, HOSTILE, TOKEN, make_store, settings
from store_factory import LEAVES, build

from sectorwatch.serve import create_app

pytestmark = [pytest.mark.browser]

# Read through the real pipeline (reader, spaCy, rules, store) as well as hand-built.
RAW_ARTICLE = """Health board chair <script>window.__pwned=11</script> steps down

Orla Fenwick, chair of the Marram Vale Health Board, is to step down in June.

Ivo Brandt, chief executive of the Saltings Care Trust, said: "<img src=x \
onerror="window.__pwned=12;alert(12)"> We will miss her \
<a href="javascript:window.__pwned=13">leadership</a>."
"""


@pytest.fixture(scope="module")
def base(tmp_path_factory) -> str:
    folder = tmp_path_factory.mktemp("hostile")
    url = make_store(folder, [LEAVES, HOSTILE])
    (folder / "raw.txt").write_text(RAW_ARTICLE, encoding="utf-8")
    from sectorwatch.scale import ingest_paths

    ingest_paths([str(folder / "raw.txt")], url, silent=True)
    with live(create_app(settings(url, TOKEN))) as base_url:
        yield base_url


def hostile_paths(page, base: str) -> list[str]:  # type: ignore[no-untyped-def]
    aid = build(HOSTILE).article.id
    data = page.request.get(f"{base}/article/{aid}.json").json()
    person = data["quotes"][0]["speaker"]["id"]
    about = page.request.get(f"{base}/person/{person}.json").json()
    return [
        "/",
        f"/article/{aid}",
        f"/person/{person}",
        f"/organisation/{about['roles'][0]['organisation']['id']}",
        f"/event/{about['events'][0]['id']}",
        "/search?q=script",
        "/search?q=pwned",
        "/search?q=leadership",
        "/events",
        "/people",
        "/organisations",
        "/posts",
        f"/claim/{about['events'][0]['id']}",
        f"/history/{person}",
        f"/timeline?target={person}",
        f"/who?organisation={about['roles'][0]['organisation']['id']}&role=chief+executive&all=true",
    ]


def test_nothing_executes_and_the_text_shows_literally(chromium, base):
    w = open_page(chromium)
    page = w.page
    paths = hostile_paths(page, base)
    for n, path in enumerate(paths):
        assert page.goto(base + path).status == 200, path
        page.wait_for_load_state("load")
        assert page.evaluate("typeof window.__pwned") == "undefined", path
        assert page.locator("script").count() == 0, path
        assert page.locator("img").count() == 0, path
        assert page.locator('a[href^="javascript:"]').count() == 0, path
        shot(page, f"hostile-{n}")
    assert w.dialogs == [] and w.errors == []

    page.goto(base + paths[1])  # the hand-built hostile article
    assert EVIL_TITLE in page.locator("h1").inner_text()
    body = page.locator("article.text").inner_text()
    assert EVIL_PERSON in body and EVIL_QUOTE in body
    page.goto(base + paths[2])
    assert page.locator("h1").inner_text() == EVIL_PERSON


def test_the_pipeline_ingested_hostile_article_shows_literally(chromium, base):
    w = open_page(chromium)
    page = w.page
    page.goto(base + "/search?q=Fenwick")
    page.locator("li.result-article a").first.click()
    page.wait_for_url("**/article/**")
    assert "<script>window.__pwned=11</script>" in page.locator("h1").inner_text()
    text = page.locator("article.text").inner_text()
    assert '<img src=x onerror="window.__pwned=12;alert(12)">' in text
    assert '<a href="javascript:window.__pwned=13">leadership</a>' in text
    for link in page.locator("article.text a").all():
        link.hover()
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert w.dialogs == [] and w.errors == []
    shot(page, "hostile-pipeline-article")
