"""The analyst's tools in headless Chromium: index pages with facets and pages, correction
round trips (a role, an event, an organisation merge and its undo), a feed link, and
screenshots of the new pages at desktop (1280 px) and phone (390 px) widths."""

from __future__ import annotations

import feedparser
import pytest
from browser import chromium_fixture, live, open_page, shot  # noqa: F401 - the fixture
from serve_store import TOKEN, make_store, settings

from sectorwatch.serve import create_app

pytestmark = [pytest.mark.browser]
PERSON = "/person/p-amara-quist"
ORG = "/organisation/o-coastal-care-alliance"
DEPARTURE = "c-6c9d054814da2d33"


@pytest.fixture()
def base(tmp_path) -> str:
    url = make_store(tmp_path)
    with live(create_app(settings(url, TOKEN))) as base_url:
        yield base_url


def fill_and_send(form, **fields: str) -> None:  # type: ignore[no-untyped-def]
    for name, value in fields.items():
        form.locator(f"input[name={name}]").fill(value)
    form.locator("input[name=token]").fill(TOKEN)
    form.locator("button[type=submit]").click()


def test_index_with_facets_and_pages(chromium, base):
    w = open_page(chromium)
    page = w.page
    page.goto(base + "/events?per_page=2")
    assert page.locator("table.index tbody tr").count() == 2
    assert page.locator("nav.pages .meta").inner_text() == "page 1 of 2"
    page.locator("a[rel=next]").click()
    page.wait_for_url("**/events?per_page=2&page=2")
    assert page.locator("table.index tbody tr").count() == 2
    page.locator("a.facet[data-facet=type]", has_text="departure").click()
    page.wait_for_url("**type=departure**")
    rows = page.locator("table.index tbody tr")
    assert rows.count() == 1 and "Amara Quist" in rows.first.inner_text()
    assert page.locator("nav.pages .meta").inner_text() == "page 1 of 1"
    page.locator("a.clear").click()
    page.wait_for_url(base + "/events?per_page=2")
    page.goto(base + "/posts")
    page.fill("input[name=on]", "2024-03-04")
    page.select_option("select[name=sort]", "person")
    page.locator("form.filters button").click()
    page.wait_for_url("**on=2024-03-04**")
    holders = page.locator("table.index tbody tr td[data-label=Holder]").all_inner_texts()
    assert holders == ["Amara Quist", "Dev Okafor", "Hattie Lowe", "Tobias Wren"]
    assert w.errors == [] and w.dialogs == []


def test_reject_a_role_then_undo_it_from_the_history(chromium, base):
    w = open_page(chromium)
    page = w.page
    page.goto(base + PERSON)
    row = page.locator("tr.role-row").first
    before = row.locator("td.evidence > a").get_attribute("href")
    row.locator("details.claim-actions summary").click()
    fill_and_send(row.locator("form.reject"), author="Ann Editor", note="wrong article")
    page.wait_for_url(base + PERSON)
    after = page.locator("tr.role-row").first.locator("td.evidence > a").get_attribute("href")
    assert after != before and after.endswith(f"#c-{DEPARTURE}")
    page.goto(base + "/history")
    first = page.locator("tr.judgement").first
    assert "wrong article" in first.inner_text() and "web:Ann Editor" in first.inner_text()
    first.locator("summary").click()
    fill_and_send(first.locator("form.undo"))
    page.wait_for_url(base + "/history")
    assert page.locator("tr.judgement").first.locator("td[data-label=What]").inner_text() == (
        "accept"
    )
    page.goto(base + PERSON)
    assert (
        page.locator("tr.role-row").first.locator("td.evidence > a").get_attribute("href") == before
    )
    assert w.errors == []


def test_reject_an_event_and_restore_it_from_its_page(chromium, base):
    page = open_page(chromium).page
    page.goto(base + f"/event/{DEPARTURE}")
    page.locator("details.claim-actions summary").first.click()
    fill_and_send(page.locator("form.reject").first, author="Ann", note="only a rumour")
    page.wait_for_url(base + f"/event/{DEPARTURE}")
    notice = page.locator(".rejected-notice")
    assert "This event was rejected by web:Ann" in notice.inner_text()
    assert "only a rumour" in notice.inner_text()
    shot(page, "analyst-rejected-event-1280")
    notice.locator("summary").click()
    fill_and_send(notice.locator("form.restore"))
    page.wait_for_url(base + f"/event/{DEPARTURE}")
    assert page.locator(".rejected-notice").count() == 0
    assert page.locator("h1").inner_text() == "departure: Amara Quist"


def test_merge_two_organisations_and_undo(chromium, base):
    page = open_page(chromium).page
    page.goto(base + ORG)
    fill_and_send(page.locator("form.merge"), b="Patients First Network", note="same body")
    page.wait_for_url(base + ORG)
    assert (
        "merged with o-patients-first-network" in page.locator("section.corrections").inner_text()
    )
    page.goto(base + "/history/o-coastal-care-alliance")
    row = page.locator("tr.judgement").first
    row.locator("summary").click()
    fill_and_send(row.locator("form.undo"))
    page.wait_for_url(base + "/history/o-coastal-care-alliance")
    kinds = page.locator("tr.judgement td[data-label=What]").all_inner_texts()
    assert kinds == ["split", "merge (overtaken)"]
    page.goto(base + ORG)
    assert "merged with" not in page.locator("section.corrections").inner_text()


def test_a_wrong_token_keeps_what_was_typed(chromium, base):
    page = open_page(chromium).page
    page.goto(base + ORG)
    form = page.locator("form.merge")
    form.locator("input[name=b]").fill("Patients First Network")
    form.locator("input[name=note]").fill("same body, renamed in 2023")
    form.locator("input[name=token]").fill("not-the-token")
    form.locator("button[type=submit]").click()
    assert page.locator(".refused-reason").inner_text() == "wrong token"
    again = page.locator("form.refused-form")
    assert again.locator("input[name=b]").input_value() == "Patients First Network"
    assert again.locator("input[name=note]").input_value() == "same body, renamed in 2023"
    shot(page, "analyst-refused-1280")
    again.locator("input[name=token]").fill(TOKEN)
    again.locator("button[type=submit]").click()
    page.wait_for_url(base + ORG)
    assert (
        "merged with o-patients-first-network" in page.locator("section.corrections").inner_text()
    )


def test_the_feed_link_leads_to_a_valid_feed(chromium, base):
    page = open_page(chromium).page
    page.goto(base + "/organisation/o-fernleigh-health-board")
    link = page.locator('head link[rel=alternate][type="application/atom+xml"]')
    href = link.get_attribute("href")
    assert href == "/organisation/o-fernleigh-health-board.atom"
    body = page.request.get(base + href).body()
    feed = feedparser.parse(body)
    assert feed.bozo == 0 and len(feed.entries) == 4
    page.locator("footer a.feed").click()  # the visible link too


NEW_PAGES = [
    ("events", "/events?per_page=20", "Events"),
    ("people", "/people", "People"),
    ("organisations", "/organisations", "Organisations"),
    ("posts", "/posts?on=2024-03-04", "Posts and their holders"),
    ("who", "/who?organisation=FHB&role=chief+executive&on=2024-03-04", "Who held"),
    ("timeline", "/timeline?target=Amara+Quist", "Timeline"),
    ("claim", f"/claim/{DEPARTURE}", "Event: departure"),
    ("history", "/history", "Every correction"),
    ("person", PERSON, "Amara Quist"),
    ("organisation", "/organisation/o-fernleigh-health-board?on=2024-03-04", "Fernleigh"),
    ("search", "/search?q=chief+executive", "Search"),
]


@pytest.mark.parametrize("width", [1280, 390])
def test_screenshots_of_the_new_pages(chromium, base, width):
    context = chromium.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    bearer = {"authorization": f"Bearer {TOKEN}"}
    for path, form in (  # a few corrections, so the history has something to show
        ("/corrections/edit", {"claim": DEPARTURE, "field": "effective", "value": "2024-06-30",
                               "author": "Ann Editor", "note": "date in the board papers"}),
        ("/corrections/merge", {"a": "o-coastal-care-alliance", "b": "o-patients-first-network",
                                "author": "Ann Editor", "note": "one body"}),
        ("/corrections/undo", {"judgement": "2", "author": "Bo Checker", "note": "not the same"}),
    ):  # fmt: skip
        assert page.request.post(base + path, form=form, headers=bearer).ok, path
    for name, path, heading in NEW_PAGES:
        response = page.goto(base + path)
        assert response.status == 200, path
        assert heading in page.locator("h1").inner_text(), path
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, (path, width, overflow)  # nothing wider than the screen
        shot(page, f"analyst-{name}-{width}")
    assert errors == []
    context.close()


def test_evidence_links_land_on_their_highlighted_sentence(chromium, base):
    page = open_page(chromium).page
    page.goto(base + "/events?type=departure")
    page.locator("td.evidence a").first.click()
    page.wait_for_url(f"**/article/**#c-{DEPARTURE}")
    target = page.evaluate("document.querySelector(':target').className")
    assert target == "hl hl-event"
    assert page.locator(":target").inner_text() == "is to step down at the end of June"
    colour = page.evaluate("getComputedStyle(document.querySelector(':target')).backgroundColor")
    assert colour == "rgb(255, 243, 176)"  # the :target highlight
    page.goto(base + PERSON)
    page.locator("tr.role-row td.evidence > a").first.click()
    page.wait_for_url("**/article/**#c-*")
    assert "hl-role" in page.evaluate("document.querySelector(':target').className")


def test_an_article_with_site_furniture_shows_it_apart(chromium, tmp_path):
    from test_serve_feeds_provenance import _untitled_with_furniture

    from sectorwatch.store import open_store, write_batch

    url = f"sqlite:///{tmp_path / 'furniture.db'}"
    engine = open_store(url)
    extraction = _untitled_with_furniture()
    write_batch(engine, [extraction])
    engine.dispose()
    with live(create_app(settings(url))) as furnished:
        for width in (1280, 390):
            context = chromium.new_context(viewport={"width": width, "height": 900})
            page = context.new_page()
            page.goto(f"{furnished}/article/{extraction.article.id}")
            assert page.locator("h1").inner_text() == (
                "Orin Vale named chair of the Wexley Care Partnership"
            )
            assert "Related news" not in page.locator("article.text").inner_text()
            assert "Related news" in page.locator("aside.furniture").inner_text()
            link = page.locator("a.source")
            assert link.get_attribute("href") == "https://news.example.org/wexley/orin-vale-named"
            shot(page, f"analyst-article-furniture-{width}")
            context.close()


def test_the_page_after_a_correction_offers_to_undo_it(chromium, base):
    page = open_page(chromium).page
    page.goto(base + f"/event/{DEPARTURE}")
    page.locator("details.claim-actions summary").first.click()
    edit = page.locator("form.edit").first
    edit.locator("select[name=field]").select_option("effective")
    fill_and_send(edit, value="2024-07-31", note="board papers")
    page.wait_for_url(base + f"/event/{DEPARTURE}")
    saved = page.locator(".just-saved")
    assert saved.inner_text().startswith("Saved: edit (correction #1).")
    assert "effective 2024-07-31" in page.locator(".event-what").inner_text()
    saved.locator("summary").click()
    shot(page, "analyst-saved-notice-1200")
    fill_and_send(saved.locator("form.undo-just-saved"))
    page.wait_for_url(base + f"/event/{DEPARTURE}")
    assert page.locator(".just-saved").inner_text().startswith("Saved: edit (correction #2).")
    assert "effective 2024-06" in page.locator(".event-what").inner_text()
    page.reload()
    assert page.locator(".just-saved").count() == 0  # shown once
