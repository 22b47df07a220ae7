"""The web UI in headless Chromium: every page opens, person → quote → highlighted
article, the org chart's date control changes the holders, corrections need the token."""

from __future__ import annotations

import pytest
from browser import chromium_fixture, live, open_page, shot  # noqa: F401 - the fixture
from serve_store import TOKEN, make_store, settings

from sectorwatch.serve import create_app

pytestmark = [pytest.mark.browser]
ORG = "/organisation/o-fernleigh-health-board"


@pytest.fixture(scope="module")
def base(tmp_path_factory) -> str:
    url = make_store(tmp_path_factory.mktemp("browser"))
    with live(create_app(settings(url))) as base_url:
        yield base_url


def test_each_page_opens_without_errors(chromium, base):
    w = open_page(chromium)
    page = w.page
    page.goto(base + "/")
    departure = page.locator("a.event-link", has_text="departure").first.get_attribute("href")
    for name, path, heading in [
        ("home", "/", "Who leads what"),
        ("search", "/search?q=worried", "Search"),
        ("person", "/person/p-amara-quist", "Amara Quist"),
        ("organisation", ORG, "Fernleigh Health Board"),
        ("event", departure, "departure"),
        ("docs", "/docs", "JSON API"),
    ]:
        response = page.goto(base + path)
        assert response.status == 200, path
        assert heading in page.locator("h1").inner_text(), path
        shot(page, f"page-{name}")
    page.goto(base + "/search?q=worried")
    assert page.locator("mark").first.inner_text().lower() == "worried"
    assert w.errors == [] and w.dialogs == []


def test_person_to_quote_to_highlighted_article(chromium, base):
    page = open_page(chromium).page
    page.goto(base + "/person/p-dev-okafor")
    quote = page.locator("a.quote-link").first
    assert "right move for patients" in quote.inner_text()
    quote.click()
    page.wait_for_url("**/article/**#q-*")
    anchor = page.url.split("#", 1)[1]
    target = page.locator(f"#{anchor}")
    assert "hl-quote" in target.get_attribute("class")
    assert target.inner_text().startswith("This is the right move")
    assert page.locator(".hl-speaker", has_text="Dev Okafor").count() >= 1
    assert page.locator(".hl-event").count() >= 1
    shot(page, "article-highlighted")
    page.locator(".hl-speaker", has_text="Dev Okafor").first.click()
    page.wait_for_url("**/person/p-dev-okafor")


def test_changing_the_org_chart_date_changes_the_holders(chromium, base):
    page = open_page(chromium).page
    page.goto(base + ORG + "?on=2024-03-10")
    chief = page.locator("li.node", has_text="chief executive")
    assert "Amara Quist" in chief.inner_text() and "leaving" in chief.inner_text()
    assert page.locator(".chart svg").count() == 1
    shot(page, "orgchart-2024-03-10")
    page.fill("input[type=date]", "2024-08-01")
    page.click(".datecontrol button")
    page.wait_for_url("**on=2024-08-01")
    chief = page.locator("li.node", has_text="chief executive")
    assert "Jonah Pike" in chief.inner_text() and "Amara Quist" not in chief.inner_text()
    assert "Jonah Pike" in page.locator(".chart svg").inner_html()
    shot(page, "orgchart-2024-08-01")


def test_correction_needs_the_token(chromium, tmp_path):
    url = make_store(tmp_path)
    with live(create_app(settings(url, None))) as readonly:
        page = open_page(chromium).page
        page.goto(readonly + "/person/p-dev-okafor")
        assert page.locator("form[action^='/corrections/']").count() == 0
        assert (
            page.request.post(readonly + "/corrections/reject", form={"claim": "x"}).status == 403
        )
    with live(create_app(settings(url, TOKEN))) as writable:
        page = open_page(chromium).page
        page.goto(writable + "/person/p-dev-okafor")
        quote = page.locator("li.quote").first
        quote.locator("summary").click()
        form = quote.locator("form.reject")
        form.locator("input[name=token]").fill("not-the-token")
        form.locator("button").click()
        assert "wrong token" in page.locator("p.error").inner_text()
        shot(page, "correction-refused")
        page.goto(writable + "/person/p-dev-okafor")
        quote = page.locator("li.quote").first
        quote.locator("summary").click()
        form = quote.locator("form.reject")
        form.locator("input[name=token]").fill(TOKEN)
        form.locator("button").click()
        page.wait_for_url("**/person/p-dev-okafor")
        assert page.locator("li.quote").count() == 0
        shot(page, "correction-accepted")
