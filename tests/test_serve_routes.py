"""The route table: each page is registered by its own module (`PAGE_MODULES`), in the
order FastAPI tries them, the page routes before the chart downloads beside them."""

from __future__ import annotations

from fastapi.routing import APIRoute
from serve_store import settings

from sectorwatch.serve import create_app
from sectorwatch.serve.app import PAGE_MODULES

PAGES = [
    ("/", "home_page"),
    ("/search", "search_page"),
    ("/person/{entity_id}", "person_page"),
    ("/organisation/{entity_id}", "organisation_page"),
    ("/event/{claim_id}", "event_page"),
    ("/article/{article_id}", "article_page"),
]


def routes(tmp_path) -> list[tuple[str, str]]:
    app = create_app(settings(f"sqlite:///{tmp_path / 'sw.db'}"))
    return [
        (r.path, r.endpoint.__module__.removeprefix("sectorwatch.serve."))
        for r in app.routes
        if isinstance(r, APIRoute)
    ]


def test_each_page_is_registered_by_its_own_module_in_the_order_tried(tmp_path):
    table = routes(tmp_path)
    pages = [(path, module) for path, module in table if module.endswith("_page")]
    assert pages[: len(PAGES)] == PAGES
    assert [m for _, m in PAGES] == list(PAGE_MODULES[: len(PAGES)])
    paths = [path for path, _ in table]
    assert paths.index("/article/{article_id}") < paths.index(
        "/organisation/{entity_id}/chart.{fmt}"
    )
