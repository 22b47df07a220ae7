"""Index pages (events, people, organisations, posts) with facets, date ranges, sort and
pages; search over events and posts; the who and timeline forms; HEAD and Vary."""

from __future__ import annotations

import csv
import io

import pytest
from fastapi.testclient import TestClient
from serve_store import make_store, settings

from sectorwatch.serve import create_app

DEPARTURE = "c-6c9d054814da2d33"  # Amara Quist leaves the Fernleigh Health Board
APPOINTMENT = "c-0459f7c6ad4fbda6"  # Jonah Pike appointed
ROLE_CREATED = "c-07e740429ff81e07"
REPORTING = "c-555c2faf516c3ac9"


@pytest.fixture(scope="module")
def client(tmp_path_factory) -> TestClient:
    return TestClient(create_app(settings(make_store(tmp_path_factory.mktemp("idx")))))


def facet(data: dict, name: str) -> list[tuple[str, int]]:
    return [(v["value"], v["count"]) for v in data["facets"][name]]


def test_events_index_newest_first_with_facets(client):
    data = client.get("/events.json").json()
    assert [r["id"] for r in data["rows"]] == [APPOINTMENT, DEPARTURE, REPORTING, ROLE_CREATED]
    assert facet(data, "type") == [
        ("appointment", 1),
        ("departure", 1),
        ("reporting_line", 1),
        ("role_created", 1),
    ]
    assert facet(data, "status") == [("announced", 2), ("completed", 1)]
    assert facet(data, "month") == [("2024-03", 2), ("2024-06", 1), ("2024-07", 1)]
    assert (data["total"], data["page"], data["pages"], data["next"], data["prev"]) == (
        4, 1, 1, None, None,
    )  # fmt: skip


def test_a_facet_narrows_and_the_others_count_within_it(client):
    data = client.get("/events.json?role=chief+executive").json()
    assert [r["type"] for r in data["rows"]] == ["appointment", "departure"]
    assert facet(data, "type") == [("appointment", 1), ("departure", 1)]
    assert data["selected"] == {"role": "chief executive"}


def test_all_departures_in_a_date_range(client):
    data = client.get("/events.json?type=departure&from=2024&to=2024").json()
    assert [(r["id"], r["date"]) for r in data["rows"]] == [(DEPARTURE, "2024-06")]
    assert client.get("/events.json?type=departure&from=2025").json()["rows"] == []
    r = client.get("/events.json?from=2025&to=2024")
    assert (r.status_code, r.json()["error"]) == (400, "[SW300] from 2025 is after to 2024")


def test_sort_and_pages_with_shareable_links(client):
    first = client.get("/events.json?sort=type&per_page=2").json()
    assert [r["type"] for r in first["rows"]] == ["appointment", "departure"]
    assert (first["pages"], first["next"]) == (2, "/events?sort=type&per_page=2&page=2")
    second = client.get(first["next"].replace("/events", "/events.json")).json()
    assert [r["type"] for r in second["rows"]] == ["reporting_line", "role_created"]
    assert (second["prev"], second["next"]) == ("/events?sort=type&per_page=2", None)
    r = client.get("/events.json?sort=colour")
    assert r.status_code == 400 and "cannot sort events by 'colour'" in r.json()["error"]
    assert client.get("/events.json?page=0").status_code == 400
    assert client.get("/events.json?per_page=abc").status_code == 400


def test_csv_twin_has_every_matching_row_and_a_descriptive_name(client):
    r = client.get("/events.csv?type=departure&per_page=1")
    assert r.headers["content-disposition"] == 'attachment; filename="events-departure.csv"'
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert [(x["id"], x["person"], x["organisation"]) for x in rows] == [
        (DEPARTURE, "Amara Quist", "Fernleigh Health Board")
    ]


def test_every_chief_executive_on_a_date(client):
    data = client.get("/posts.json?role=chief+executive&on=2024-03-04").json()
    assert [(r["person"], r["organisation"], r["status"]) for r in data["rows"]] == [
        ("Dev Okafor", "Coastal Care Alliance", "current"),
        ("Amara Quist", "Fernleigh Health Board", "leaving"),
    ]
    later = client.get("/posts.json?role=chief+executive&on=2024-08-01").json()
    assert [(r["person"], r["status"]) for r in later["rows"]] == [
        ("Dev Okafor", "current"),
        ("Jonah Pike", "current"),
    ]


def test_people_and_organisations_indexes(client):
    people = client.get("/people.json?role=chief+executive&sort=-quotes").json()
    assert [(r["name"], r["quotes"], r["events"]) for r in people["rows"]] == [
        ("Amara Quist", 1, 1),
        ("Dev Okafor", 1, 0),
        ("Jonah Pike", 1, 1),
    ]
    assert facet(people, "organisation") == [
        ("Fernleigh Health Board", 2),
        ("Coastal Care Alliance", 1),
    ]
    orgs = client.get("/organisations.json?organisation_kind=board").json()
    assert [(r["name"], r["posts"], r["people"], r["events"]) for r in orgs["rows"]] == [
        ("Fernleigh Health Board", 4, 3, 4)
    ]


def test_index_pages_link_facets_pages_and_twins(client):
    html = client.get("/events?per_page=2").text
    assert (
        '<a class="facet" data-facet="type" href="/events?per_page=2&amp;type=departure">' in html
    )
    assert '<a rel="next" href="/events?per_page=2&amp;page=2">' in html
    assert f'href="/article/a3eff640de32b59c#c-{DEPARTURE}"' in html
    assert '<link rel="alternate" type="application/atom+xml"' in html
    # column headers sort (the sorted one the other way), datasette style
    assert '<th><a class="sort" href="/events?sort=date&amp;per_page=2">Date</a> ▼</th>' in html
    assert '<th><a class="sort" href="/events?sort=type&amp;per_page=2">Event</a></th>' in html
    for path in ("/people", "/organisations", "/posts"):
        assert client.get(path).status_code == 200, path


def test_search_finds_events_and_posts(client):
    data = client.get("/search.json?q=chief+executive").json()
    assert [(r["type"], r["title"]) for r in data["results"] if r["type"] != "article"] == [
        ("post", "chief executive, Coastal Care Alliance"),
        ("post", "chief executive, Fernleigh Health Board"),
        ("event", "appointment: Jonah Pike, chief executive, Fernleigh Health Board"),
        ("event", "departure: Amara Quist, chief executive, Fernleigh Health Board"),
    ]
    events = client.get("/search.json?q=departures&type=event").json()
    assert [(r["id"], r["url"]) for r in events["results"]] == [(DEPARTURE, f"/event/{DEPARTURE}")]
    post = next(r for r in data["results"] if r["type"] == "post")
    assert post["url"] == "/posts?role=chief+executive&organisation=Coastal+Care+Alliance"


def test_a_persons_own_name_ranks_first_and_typos_still_find_them(client):
    data = client.get("/search.json?q=Dev+Okafor").json()
    assert [(r["type"], r["id"]) for r in data["results"]][:2] == [
        ("person", "p-dev-okafor"),
        ("quote", "c-b28fc46c58433c66"),
    ]
    typo = client.get("/search.json?q=Dev+Okafr").json()
    assert [(r["type"], r["id"]) for r in typo["results"]] == [("person", "p-dev-okafor")]


def test_who_form(client):
    data = client.get("/who.json?organisation=FHB&role=chief+executive&on=2024-08-01").json()
    assert data["answer"]["organisation"] == {
        "id": "o-fernleigh-health-board",
        "name": "Fernleigh Health Board",
    }
    assert [(h["person"]["name"], h["status"]) for h in data["answer"]["holders"]] == [
        ("Jonah Pike", "current")
    ]
    form = client.get("/who").text  # suggestions for both fields
    assert '<datalist id="organisation-names"><option value="Coastal Care Alliance">' in form
    assert '<option value="chief executive"><option value="chief operating officer">' in form
    html = client.get("/who?organisation=Nowhere+Trust&role=chair").text
    assert "no organisation called &#39;Nowhere Trust&#39;" in html
    assert 'name="organisation" value="Nowhere Trust"' in html


def test_timeline_form(client):
    data = client.get("/timeline.json?target=Amara+Quist&from=2024-06&to=2024-06").json()
    assert [(e["date"], e["kind"]) for e in data["answer"]["entries"]] == [("2024-06", "departure")]
    r = client.get("/timeline.csv?target=Amara+Quist&from=2024-06&to=2024-06")
    assert r.headers["content-disposition"] == (
        'attachment; filename="timeline-amara-quist-2024-06-2024-06.csv"'
    )


def test_head_answers_like_get_without_a_body(client):
    get, head = client.get("/people"), client.head("/people")
    assert (head.status_code, head.content) == (200, b"")
    assert head.headers["content-length"] == get.headers["content-length"]
    assert head.headers["content-type"] == get.headers["content-type"]
    assert client.head("/person/p-dev-okafor.json").status_code == 200


def test_pages_that_vary_on_accept_say_so(client):
    assert client.get("/people").headers["vary"] == "Accept"
    assert (
        client.get("/person/p-dev-okafor", headers={"accept": "application/json"}).headers["vary"]
        == "Accept"
    )
    assert "vary" not in client.get("/people.json").headers  # the suffix fixes the format


def test_csv_names_say_what_they_hold(client):
    for path, name in (
        ("/person/p-amara-quist.csv", "amara-quist-quotes.csv"),
        ("/organisation/o-fernleigh-health-board.csv", "fernleigh-health-board-timeline.csv"),
        ("/search.csv?q=worried&type=quote", "search-worried-quote.csv"),
        (f"/event/{DEPARTURE}.csv", f"reactions-departure-{DEPARTURE}.csv"),
        ("/posts.csv?role=chair&on=2024-03-04", "posts-chair-2024-03-04.csv"),
    ):
        assert client.get(path).headers["content-disposition"] == (
            f'attachment; filename="{name}"'
        ), path


def test_hostile_names_are_escaped_on_the_new_pages(tmp_path):
    from serve_store import HOSTILE

    hostile = TestClient(create_app(settings(make_store(tmp_path, [HOSTILE]))))
    for path in (
        "/events",
        "/people",
        "/organisations",
        "/posts",
        "/search?q=Quill",
        "/history",
        "/who?organisation=Wrenfield&role=chief+executive",
    ):
        html = hostile.get(path).text
        assert "<script>window.__pwned" not in html and "<img src=x" not in html, path
    feed = hostile.get("/events.atom").text
    assert "<script>" not in feed and "&lt;script&gt;window.__pwned=5" in feed
