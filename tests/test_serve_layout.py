"""What a reader sees: no stray commas, links that lead somewhere, labelled controls, charts
whose text stays inside them, tables that fold on a narrow screen."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient
from serve_store import make_store, settings

from sectorwatch.render import text_width
from sectorwatch.serve import create_app
from sectorwatch.serve.charts import timeline_bars
from sectorwatch.serve.highlight import span_url
from sectorwatch.serve.render import environment

ORG = "/organisation/o-fernleigh-health-board"


@pytest.fixture(scope="module")
def client(tmp_path_factory) -> TestClient:
    url = make_store(tmp_path_factory.mktemp("layout"))
    return TestClient(create_app(settings(url)))


def event(**parts: object) -> dict:
    return {
        "id": "c-1",
        "type": "merger",
        "person": None,
        "role": None,
        "organisation": None,
        "status": "completed",
        "effective": None,
        "observed": "2025-04-01",
        "article": {"id": "a1"},
        "sentence": "The boards merged.",
        **parts,
    }


def render_event(e: dict) -> str:
    template = "{{ event_item(e) }}"  # a global of every template (`serve.links`)
    html = environment().from_string(template).render(e=e)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html)).strip()


def test_an_event_without_a_person_or_role_has_no_stray_comma():
    org = {"id": "o-fernleigh", "name": "Fernleigh Health Board"}
    text = render_event(event(organisation=org))
    assert text.startswith("merger: Fernleigh Health Board completed · reported 2025-04-01")
    person = {"id": "p-ann-lee", "name": "Ann Lee"}
    text = render_event(event(type="appointment", person=person, role="chair", organisation=org))
    assert text.startswith("appointment: Ann Lee, chair, Fernleigh Health Board completed")
    assert render_event(event(type="departure", person=person)).startswith(
        "departure: Ann Lee completed"
    )


def test_a_quote_by_an_organisation_links_to_the_organisation_page():
    quote = {"kind": "quote", "id": "c-q", "target": "o-care-standards-authority"}
    assert span_url(quote) == "/organisation/o-care-standards-authority"
    assert span_url({**quote, "target": "p-ann-lee"}) == "/person/p-ann-lee"
    assert span_url({"kind": "event", "id": "c-e", "target": "c-e"}) == "/event/c-e"


def test_every_link_on_the_pages_leads_somewhere(client):
    departure = next(e for e in client.get("/.json").json()["recent_events"])
    pages = ["/", "/search?q=chief", "/person/p-amara-quist", ORG, f"/event/{departure['id']}"]
    pages.append(f"/article/{departure['article']['id']}")
    for page in pages:
        for href in set(re.findall(r'href="(/[^"#]*)', client.get(page).text)):
            href = href.replace("&amp;", "&")
            assert client.get(href).status_code == 200, (page, href)


def test_the_date_control_is_labelled(client):
    html = client.get(ORG + "?on=2024-03-10").text
    assert '<label for="chart-date">Show the chart on</label>' in html
    assert '<input id="chart-date" type="date" name="on" value="2024-03-10"' in html


def test_the_org_chart_says_vacant_and_scales(client):
    html = client.get(ORG + "?on=2024-03-10").text
    svg = html[html.index("<svg") : html.index("</svg>")]
    assert re.search(r'viewBox="0 0 \d+ \d+"', svg)
    assert "<title>chief operating officer: vacant or unknown</title>" in svg
    assert 'font-style="italic" fill="#555">vacant or unknown</text>' in svg
    assert "Fernleigh Health Board</text>" not in svg.split("</text>", 1)[1]  # only the title
    assert '<a href="/person/p-amara-quist"><g class="node node-post">' in svg


def test_tables_carry_their_column_names_for_narrow_screens(client):
    html = client.get("/person/p-amara-quist").text
    assert '<table class="roles stack">' in html
    for column in ("Role", "Organisation", "Status", "From", "To", "Evidence"):
        assert f'data-label="{column}"' in html


def test_timeline_labels_stay_inside_the_chart():
    org = {"id": "o-x", "name": "Carrow Valley and Wexley Community Healthcare NHS Trust"}
    roles = [
        {
            "role": "director of strategy, partnerships and organisational development",
            "organisation": org,
            "status": "current",
            "valid_from": "2019-01",
            "valid_to": None,
            "evidence": None,
        },
        {
            "role": "chief executive",
            "organisation": org,
            "status": "former",
            "valid_from": "2016",
            "valid_to": "2018-12",
            "evidence": None,
        },
    ]
    timeline = timeline_bars(roles, width=480)
    for bar in timeline["bars"]:
        width = text_width(bar["label"])
        left = bar["text_x"] - width if bar["anchor_end"] else bar["text_x"]
        assert 0 <= left and left + width <= timeline["width"], bar
        assert bar["title"].startswith(bar["label"].rstrip("…"))
