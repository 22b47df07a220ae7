"""An organisation's page shows some of its leaders and events, with how many there are and
a link to the lists of every one, a page at a time (`serve.organisation_lists`), on a
fictional trust that had 24 chief executives, one a year, and has a chair."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from serve_store import make_store, settings
from store_factory import ArticleSpec

from sectorwatch.serve import create_app

FIRST = ["Ada", "Bram", "Cora", "Dev", "Esme", "Finn", "Gita", "Hal", "Ines", "Jory", "Kit", "Lena"]
LAST = ["Brook", "Marsh"]
CHIEFS = [f"{f} {s}" for s in LAST for f in FIRST]  # 24, the first appointed in 2000
EVIL = 'Nia "><img src=x onerror="window.__pwned=7"> Vale'
CHIEFS[3] = EVIL  # appointed in 2003
TRUST = "Harrowgate Trust"
HT = "o-harrowgate-trust"


def appointed(name: str, year: int) -> ArticleSpec:
    words = f"{name} has been appointed chief executive of {TRUST} from 1 January {year}"
    return ArticleSpec(
        title=f"{TRUST} names a chief executive",
        published=f"{year}-01-02",
        source=f"chief-{year}.txt",
        text=f"{TRUST} names a chief executive\n{words}.\n",
        roles=[
            dict(person=name, role="chief executive", organisation=TRUST, status="current",
                 valid_from=f"{year}-01-01", words=words)
        ],
        events=[
            dict(type="appointment", person=name, role="chief executive", organisation=TRUST,
                 status="completed", effective=f"{year}-01-01", words=words)
        ],
    )  # fmt: skip


CHAIR = ArticleSpec(
    title=f"{TRUST} at a glance",
    published="2024-05-01",
    source="chair.txt",
    text=f"{TRUST} at a glance\nRosa Fenn, chair of {TRUST}, opened the meeting.\n",
    roles=[
        dict(person="Rosa Fenn", role="chair", organisation=TRUST, status="current",
             words=f"Rosa Fenn, chair of {TRUST}")
    ],
)  # fmt: skip


@pytest.fixture(scope="module")
def client(tmp_path_factory) -> TestClient:
    specs = [appointed(name, 2000 + i) for i, name in enumerate(CHIEFS)] + [CHAIR]
    url = make_store(tmp_path_factory.mktemp("lists"), specs)
    return TestClient(create_app(settings(url)))


def names(leaders: list[dict]) -> list[tuple[str, str, str]]:
    return [(x["person"]["name"], x["role"], x["status"]) for x in leaders]


def test_the_page_shows_twenty_leaders_in_post_first_and_counts_them_all(client):
    data = client.get(f"/organisation/{HT}.json?on=2024-06-01").json()
    assert data["leaders_total"] == 25 and len(data["leaders"]) == 20
    assert names(data["leaders"][:3]) == [
        ("Lena Marsh", "chief executive", "current"),  # in post: by start date, then role
        ("Rosa Fenn", "chair", "current"),  # no start date: after those with one
        ("Ada Brook", "chief executive", "former"),  # then the others, by start date
    ]
    assert [x["person"]["name"] for x in data["leaders"][2:]] == CHIEFS[:18]
    assert data["leaders_more"] == f"/organisation/{HT}/leaders?on=2024-06-01"


def test_the_page_shows_the_twenty_newest_events_and_links_to_every_one(client):
    data = client.get(f"/organisation/{HT}.json").json()
    assert data["timeline_total"] == 24
    assert [e["person"]["name"] for e in data["timeline"]] == CHIEFS[::-1][:20]
    assert data["timeline_more"] == f"/organisation/{HT}/events"
    html = client.get(f"/organisation/{HT}?on=2024-06-01").text
    assert f'href="/organisation/{HT}/leaders?on=2024-06-01">every leader</a>' in html
    assert f'href="/organisation/{HT}/events">every event</a>' in html
    assert "20 of 25 leaders" in html and "The newest 20 of 24 events" in html


def test_the_csv_and_the_feed_of_the_page_keep_every_event(client):
    rows = client.get(f"/organisation/{HT}.csv").text.strip().splitlines()
    assert len(rows) == 1 + 24
    feed = client.get(f"/organisation/{HT}.atom").text
    assert feed.count("<entry>") == 24


def test_a_small_organisation_shows_every_leader_and_links_to_no_list(tmp_path):
    client = TestClient(create_app(settings(make_store(tmp_path))))
    data = client.get("/organisation/o-fernleigh-health-board.json").json()
    assert data["leaders_total"] == len(data["leaders"]) == 3
    assert data["timeline_total"] == len(data["timeline"]) == 4
    assert data["leaders_more"] is None and data["timeline_more"] is None
    assert "every leader" not in client.get("/organisation/o-fernleigh-health-board").text


def test_the_list_of_leaders_goes_on_where_the_page_stops(client):
    page = client.get(f"/organisation/{HT}.json?on=2024-06-01").json()
    first = client.get(f"/organisation/{HT}/leaders.json?on=2024-06-01&per_page=20").json()
    assert first["leaders"] == page["leaders"]
    assert {k: first[k] for k in ("total", "page", "per_page", "pages", "prev", "next")} == {
        "total": 25,
        "page": 1,
        "per_page": 20,
        "pages": 2,
        "prev": None,
        "next": f"/organisation/{HT}/leaders?on=2024-06-01&page=2&per_page=20",
    }
    rest = client.get(first["next"], headers={"accept": "application/json"}).json()
    assert [x["person"]["name"] for x in rest["leaders"]] == CHIEFS[18:23]
    assert rest["next"] is None
    assert rest["prev"] == f"/organisation/{HT}/leaders?on=2024-06-01&per_page=20"
    assert rest["organisation"] == {"id": HT, "name": TRUST} and rest["on"] == "2024-06-01"


def test_every_leader_is_on_one_page_of_the_list_and_in_its_csv(client):
    data = client.get(f"/organisation/{HT}/leaders.json").json()  # 50 a page
    assert data["total"] == 25 and data["pages"] == 1 and data["next"] is None
    assert sorted(x["person"]["name"] for x in data["leaders"]) == sorted([*CHIEFS, "Rosa Fenn"])
    assert all(x["evidence"]["sentence"] for x in data["leaders"])
    rows = client.get(f"/organisation/{HT}/leaders.csv").text.strip().splitlines()
    assert rows[0].split(",")[:3] == ["person", "person_id", "role"] and len(rows) == 26
    past = client.get(f"/organisation/{HT}/leaders.json?page=3&per_page=20").json()
    assert (
        past["leaders"] == [] and past["prev"] == f"/organisation/{HT}/leaders?page=2&per_page=20"
    )


def test_the_list_of_events_pages_newest_first(client):
    first = client.get(f"/organisation/{HT}/events.json?per_page=20").json()
    page = client.get(f"/organisation/{HT}.json").json()
    assert first["events"] == page["timeline"] and first["total"] == 24
    assert first["next"] == f"/organisation/{HT}/events?page=2&per_page=20"
    rest = client.get(first["next"], headers={"accept": "application/json"}).json()
    assert [e["person"]["name"] for e in rest["events"]] == CHIEFS[3::-1]
    rows = client.get(f"/organisation/{HT}/events.csv").text.strip().splitlines()
    assert len(rows) == 1 + 24


def test_the_lists_escape_what_they_show(client):
    for path in (f"/organisation/{HT}/leaders", f"/organisation/{HT}/events?page=2&per_page=20"):
        html = client.get(path).text
        assert "<img src=x" not in html
        assert "Nia &#34;&gt;&lt;img src=x onerror=&#34;window.__pwned=7&#34;&gt; Vale" in html


def test_the_lists_refuse_what_is_not_an_organisation_a_date_or_a_page(client):
    assert client.get("/organisation/o-nowhere/leaders.json").status_code == 404
    assert client.get("/organisation/p-lena-marsh/events.json").status_code == 404
    assert client.get(f"/organisation/{HT}/leaders.json?on=soon").status_code == 400
    assert client.get(f"/organisation/{HT}/leaders.json?per_page=0").status_code == 422
    assert client.get(f"/organisation/{HT}/events.json?page=0").status_code == 422
