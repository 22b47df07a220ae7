"""A search answers one page at a time (issue 16): `offset` and `limit` cut the hits, the
quotes and the articles alike, each in its own order; every page counts and facets every
result, and the pages put together are the whole answer. The command line pages with
`--offset`, the web with `page` and `per_page`. Two invented articles about beds."""

from __future__ import annotations

import csv
import io

import pytest
from fastapi.testclient import TestClient
from serve_store import make_store, settings
from store_factory import ArticleSpec, build
from typer.testing import CliRunner

from sectorwatch.cli.main import app
from sectorwatch.errors import QueryError
from sectorwatch.query.search import SearchResult, search
from sectorwatch.serve import create_app
from sectorwatch.store import write_batch

# each quote nine words long, "beds" four, three, two and one times: the same order on
# SQLite (bm25) and PostgreSQL (ts_rank)
FOUR = "Beds, beds, beds and beds: that is the ask."
THREE = "Beds, more beds and still more beds are needed."
TWO = "We need beds and then more beds this winter."
ONE = "We need nurses and then more beds this winter."

WINTER = ArticleSpec(
    title="Winter plans at Wrenmoor",
    published="2023-11-02",
    source="winter.txt",
    text=(
        "Winter plans at Wrenmoor\n"
        f'Ines Moss, chair of Wrenmoor Hospital, said: "{FOUR}"\n'
        f'Kofi Reed, of Patients Voice, said: "{TWO}"\n'
    ),
    quotes=[
        dict(text=FOUR, speaker="Ines Moss", organisation="Wrenmoor Hospital", stance="concern"),
        dict(text=TWO, speaker="Kofi Reed", organisation="Patients Voice", stance="welcome"),
    ],
)
SPRING = ArticleSpec(
    title="Spring review at Wrenmoor",
    published="2024-03-05",
    source="spring.txt",
    text=(
        "Spring review at Wrenmoor\n"
        f'Ines Moss, chair of Wrenmoor Hospital, said: "{THREE}"\n'
        f'Kofi Reed, of Patients Voice, said: "{ONE}"\n'
    ),
    quotes=[
        dict(text=THREE, speaker="Ines Moss", organisation="Wrenmoor Hospital", stance="concern"),
        dict(text=ONE, speaker="Kofi Reed", organisation="Patients Voice", stance="neutral"),
    ],
)


@pytest.fixture()
def store(engine):
    write_batch(engine, [build(WINTER), build(SPRING)])
    return engine


def _hits(result: SearchResult) -> list[tuple[str, str, str]]:
    return [(h.type, h.title, h.text[:20]) for h in result.hits]


def test_a_search_is_read_a_page_at_a_time(store):
    first = search(store, "beds", limit=2)
    assert _hits(first) == [
        ("quote", "Ines Moss", "Beds, beds, beds and"),
        ("quote", "Ines Moss", "Beds, more beds and "),
    ]
    assert [q.text for q in first.quotes] == [FOUR, THREE]
    assert [a.title for a in first.articles] == [
        "Winter plans at Wrenmoor",
        "Spring review at Wrenmoor",
    ]
    second = search(store, "beds", limit=2, offset=2)
    assert _hits(second) == [
        ("quote", "Kofi Reed", "We need beds and the"),
        ("quote", "Kofi Reed", "We need nurses and t"),
    ]
    assert [q.text for q in second.quotes] == [TWO, ONE]
    assert second.articles == []
    third = search(store, "beds", limit=2, offset=4)
    assert _hits(third) == [
        ("article", "Winter plans at Wrenmoor", "Winter plans at Wren"),
        ("article", "Spring review at Wrenmoor", "Spring review at Wre"),
    ]
    assert (third.quotes, third.articles) == ([], [])
    past = search(store, "beds", limit=2, offset=6)
    assert (past.hits, past.quotes, past.articles) == ([], [], [])
    for page in (first, second, third, past):
        assert (page.total, page.quote_total, page.article_total) == (6, 4, 2)


def test_a_page_reads_its_quotes_and_articles_in_full(store):
    page = search(store, "beds", limit=2, offset=1)
    q = page.quotes[0]
    assert (q.text, q.speaker, q.speaker_organisation, q.stance) == (
        THREE, "Ines Moss", "Wrenmoor Hospital", "concern",
    )  # fmt: skip
    assert q.evidence is not None and q.evidence.sentence.startswith("Ines Moss, chair")
    assert page.snippets[q.claim_id].count("[") >= 3
    assert page.hits[0].quote == q
    assert [a.title for a in page.articles] == ["Spring review at Wrenmoor"]
    assert "[" in page.articles[0].snippet
    assert page.articles[0].excerpt.startswith("Spring review at Wrenmoor\nInes Moss")


def test_every_page_counts_and_facets_every_result(store):
    pages = [search(store, "beds", limit=2, offset=n) for n in (0, 2, 4, 6)]
    for page in pages:
        counts = {f: [(c.value, c.count) for c in v] for f, v in page.facet_counts.items()}
        assert counts == {
            "type": [("quote", 4), ("article", 2)],
            "organisation": [("Patients Voice", 2), ("Wrenmoor Hospital", 2)],
            "stance": [("concern", 2), ("neutral", 1), ("welcome", 1)],
            "year": [("2023", 3), ("2024", 3)],
        }
        assert page.facets["stance"] == {"concern": 2, "welcome": 1, "neutral": 1}


@pytest.mark.parametrize(
    "chosen",
    [{}, {"stance": "concern"}, {"kind": "article"}, {"year": "2024"},
     {"organisation": "Patients Voice"}, {"date_from": "2024"}],
)  # fmt: skip
def test_the_pages_put_together_are_the_whole_answer(store, chosen):
    whole = search(store, "beds", **chosen, limit=None)
    hits, quotes, articles = [], [], []
    for offset in range(0, 8, 3):
        page = search(store, "beds", **chosen, limit=3, offset=offset)
        assert (page.total, page.quote_total, page.article_total) == (
            len(whole.hits), len(whole.quotes), len(whole.articles),
        )  # fmt: skip
        assert page.facet_counts == whole.facet_counts
        hits += page.hits
        quotes += page.quotes
        articles += [(a.article_id, a.title, a.snippet) for a in page.articles]
    assert hits == whole.hits
    assert quotes == whole.quotes
    assert articles == [(a.article_id, a.title, a.snippet) for a in whole.articles]


def test_a_page_before_the_first_is_refused(store):
    with pytest.raises(QueryError, match=r"--offset -1 is out of range: give 0 or more"):
        search(store, "beds", offset=-1)


def test_the_words_are_matched_once_while_the_store_is_unchanged(store, monkeypatch):
    """A connection keeps the matches of the words (ranked, counted and faceted) while the
    store is unchanged: another page or another facet reads only what it shows; a write to
    the store is seen by the next search."""
    import sectorwatch.query.search as searching

    ranked: list[str] = []
    rank = searching.fts.match_quotes
    monkeypatch.setattr(
        searching.fts, "match_quotes", lambda conn, q, n: ranked.append(q) or rank(conn, q, n)
    )
    with store.connect() as conn:
        first = search(conn, "beds", limit=2)
        second = search(conn, "beds", limit=2, offset=2)
        concerns = search(conn, "beds", stance="concern")
        assert [q.text for q in first.quotes + second.quotes] == [FOUR, THREE, TWO, ONE]
        assert [q.text for q in concerns.quotes] == [FOUR, THREE]
        assert ranked == ["beds"]
        later = ArticleSpec(
            title="Beds at Wrenmoor",
            published="2024-06-01",
            source="later.txt",
            text='Beds at Wrenmoor\nIdris Lowe, of Patients Voice, said: "Beds."\n',
            quotes=[dict(text="Beds.", speaker="Idris Lowe", organisation="Patients Voice",
                         stance="neutral")],
        )  # fmt: skip
        write_batch(store, [build(later)])
        again = search(conn, "beds", limit=None)
        assert (again.quote_total, again.article_total) == (5, 3)
        assert "Beds." in [q.text for q in again.quotes]


def test_with_no_matches_kept_every_search_ranks_afresh(store, monkeypatch):
    import sectorwatch.query.search as searching

    ranked: list[str] = []
    rank = searching.fts.match_quotes
    monkeypatch.setattr(
        searching.fts, "match_quotes", lambda conn, q, n: ranked.append(q) or rank(conn, q, n)
    )
    with store.connect() as conn:
        search(conn, "beds")
        monkeypatch.setattr(searching, "MATCHED_KEPT", 0)
        search(conn, "beds", offset=2)
        search(conn, "beds", offset=2)
    assert ranked == ["beds", "beds", "beds"]


@pytest.fixture(scope="module")
def url(tmp_path_factory) -> str:
    return make_store(tmp_path_factory.mktemp("pages"), [WINTER, SPRING])


def test_the_command_line_says_which_results_it_shows_and_how_to_see_more(url):
    def run(*args: str) -> list[str]:
        result = CliRunner().invoke(app, ["search", "beds", "--db", url, *args])
        assert result.exit_code == 0, result.output
        return [line for line in result.stdout.splitlines() if line.startswith(("Q", "A", "R"))]

    assert run("--limit", "3") == [
        "Quotes (3):",
        "Articles (2):",
        "Results: quotes 1-3 of 4, articles 1-2 of 2; next page: --offset 3 --limit 3",
    ]
    assert run("--limit", "3", "--offset", "3") == [
        "Quotes (1):",
        "Articles (0):",
        "Results: quotes 4-4 of 4, articles none of 2",
    ]
    assert run() == ["Quotes (4):", "Articles (2):"]  # one page: no Results line
    bad = CliRunner().invoke(app, ["search", "beds", "--db", url, "--offset", "-2"])
    assert bad.exit_code == 2
    assert "--offset -2 is out of range: give 0 or more" in bad.stderr


def test_the_web_pages_the_results_with_links_to_the_next_and_previous(url):
    client = TestClient(create_app(settings(url)))
    first = client.get("/search.json?q=beds&per_page=4").json()
    assert [r["type"] for r in first["results"]] == ["quote"] * 4
    assert {k: first[k] for k in ("total", "page", "per_page", "pages", "next", "prev")} == {
        "total": 6,
        "page": 1,
        "per_page": 4,
        "pages": 2,
        "next": "/search?q=beds&per_page=4&page=2",
        "prev": None,
    }
    second = client.get(first["next"].replace("/search?", "/search.json?")).json()
    assert [r["title"] for r in second["results"]] == [
        "Winter plans at Wrenmoor",
        "Spring review at Wrenmoor",
    ]
    assert (second["next"], second["prev"]) == (None, "/search?q=beds&per_page=4")
    assert second["facets"] == first["facets"]
    assert client.get("/search.json?q=beds").json()["per_page"] == 20  # the first view
    html = client.get("/search?q=beds&per_page=4&page=2").text
    assert "Results 5–6 of 6" in html and 'rel="prev" href="/search?q=beds&amp;per_page=4"' in html
    exported = csv.DictReader(io.StringIO(client.get("/search.csv?q=beds&per_page=4&page=2").text))
    assert [r["type"] for r in exported] == ["quote"] * 4 + ["article"] * 2  # every result
    for bad, message in (("page=0", "page must be 1 or more"),
                         ("per_page=501", "per_page must be between 1 and 500"),
                         ("page=two", "page must be a whole number, not 'two'")):  # fmt: skip
        refused = client.get(f"/search.json?q=beds&{bad}")
        assert (refused.status_code, refused.json()["error"]) == (400, f"[SW300] {message}")


def test_quotes_are_counted_by_their_judged_speakers_and_organisations(store):
    from sectorwatch.store import judgements

    said = {q.text: q for q in search(store, "beds", limit=None).quotes}
    judgements.reject(store, said[TWO].claim_id, "ed")
    judgements.set_speaker(store, said[THREE].claim_id, said[ONE].speaker_id, "ed")
    orgs = [said[FOUR].speaker_organisation_id, said[ONE].speaker_organisation_id]
    judgements.merge(store, *orgs, "ed")
    pages = [search(store, "beds", limit=1, offset=n) for n in range(5)]
    assert [h for p in pages for h in _hits(p)] == [
        ("quote", "Ines Moss", "Beds, beds, beds and"),
        ("quote", "Kofi Reed", "Beds, more beds and "),  # the speaker set, no organisation
        ("quote", "Kofi Reed", "We need nurses and t"),  # TWO rejected
        ("article", "Winter plans at Wrenmoor", "Winter plans at Wren"),
        ("article", "Spring review at Wrenmoor", "Spring review at Wre"),
    ]
    assert [h.organisation for p in pages for h in p.hits] == [
        "Wrenmoor Hospital", None, "Wrenmoor Hospital", None, None,  # merged
    ]  # fmt: skip
    counts = {f: [(c.value, c.count) for c in v] for f, v in pages[3].facet_counts.items()}
    assert counts["organisation"] == [("Wrenmoor Hospital", 2)]
    assert counts["stance"] == [("concern", 2), ("neutral", 1)]
    assert pages[3].facets["organisation"] == {"Wrenmoor Hospital": 1, "": 1, "Patients Voice": 1}
    stated = search(store, "beds", organisation="Patients Voice")  # as the article said
    assert (_hits(stated), stated.total) == ([("quote", "Kofi Reed", "We need nurses and t")], 1)
