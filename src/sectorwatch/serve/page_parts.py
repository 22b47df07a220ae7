"""What the page modules share: one store connection a page, the renderer that answers in
every format, the CSV rows of an event and of a quote (the home, organisation, person
and event pages' exports), and an entity page's feed of its events."""

from __future__ import annotations

from contextlib import AbstractContextManager
from typing import Any

from fastapi import FastAPI, Request
from sqlalchemy import Connection
from starlette.responses import Response

from sectorwatch.query.common import connected
from sectorwatch.serve import feeds
from sectorwatch.serve.render import Renderer


def connect(app: FastAPI) -> AbstractContextManager[Connection]:
    """One connection (from the app's pool) for every question a page asks, open as one
    question (`query.common.connected`): the store's change stamp is asked once a page, and
    the page's questions share what they read (`query.common.question_memo`)."""
    return connected(app.state.engine)


def renderer(app: FastAPI) -> Renderer:
    """The app's `Renderer`: HTML, `.json`, `.csv` and `.atom` from one page's data."""
    return app.state.renderer  # type: ignore[no-any-return]


def feed_link(request: Request, name: str) -> dict[str, Any]:
    """The HTML page's link to its own `.atom` feed of `name`'s events."""
    return {"feed_url": f"{request.url.path}.atom", "feed_title": f"New events: {name}"}


def events_feed(request: Request, name: str, events: list[dict[str, Any]]) -> Response:
    """The `.atom` feed of `name`'s events (a person's or an organisation's page)."""
    return feeds.feed(request, f"Events: {name}", [feeds.event_entry(e) for e in events])


def event_row(e: dict[str, Any]) -> dict[str, Any]:
    """An event (as `shapes` gives it) as one CSV row."""
    return {
        "id": e["id"],
        "type": e["type"],
        "person": (e["person"] or {}).get("name"),
        "person_id": (e["person"] or {}).get("id"),
        "role": e["role"],
        "organisation": (e["organisation"] or {}).get("name"),
        "organisation_id": (e["organisation"] or {}).get("id"),
        "status": e["status"],
        "effective": e["effective"],
        "observed": e["observed"],
        "article_id": e["article"]["id"],
        "sentence": e["sentence"],
    }


def quote_row(x: dict[str, Any]) -> dict[str, Any]:
    """A quote (as `shapes` gives it) as one CSV row."""
    s = x["speaker"]
    return {
        "id": x["id"],
        "speaker": s["name"],
        "speaker_id": s["id"],
        "role": s.get("role"),
        "organisation": (s.get("organisation") or {}).get("name"),
        "stance": x["stance"],
        "type": x["type"],
        "text": x["text"],
        "article_id": x["article"]["id"],
        "published": x["article"]["published"],
        "organisation_kind": x.get("organisation_kind"),
    }
