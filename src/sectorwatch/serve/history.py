"""History pages: /history (every correction, newest first) and /history/{id} (those about
one person, organisation or claim), each correction still in force with an undo button."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, HTTPException, Request
from starlette.responses import Response

from sectorwatch.query.judgement_log import Logged, log
from sectorwatch.serve.shapes import plain


def link(ident: str | None) -> str | None:
    """The page of an entity or claim id."""
    if not ident:
        return None
    for prefix, page in (("p-", "person"), ("o-", "organisation"), ("c-", "claim")):
        if ident.startswith(prefix):
            return f"/{page}/{ident}"
    return None


def rows(found: list[Logged]) -> list[dict[str, Any]]:
    return [plain(j) for j in found]


def register(app: FastAPI) -> None:
    def show(request: Request, about: str | None) -> Response:
        from sectorwatch.query.browse import entity
        from sectorwatch.query.common import names_of
        from sectorwatch.store.reads import claim

        title = "Every correction"
        with app.state.engine.connect() as conn:
            if about:
                if about.startswith("c-"):
                    if claim(conn, about) is None:
                        raise HTTPException(404, f"no claim with id {about!r}")
                    title = f"Corrections of claim {about}"
                else:
                    try:
                        about = entity(conn, about).id
                    except Exception as exc:
                        raise HTTPException(404, f"no person or organisation {about!r}") from exc
                    title = f"Corrections about {names_of(conn, {about}).get(about, about)}"
            found = rows(log(conn, about))
        data = {"about": about, "judgements": found}
        return app.state.renderer.respond(  # type: ignore[no-any-return]
            request,
            "history.html",
            data,
            csv_rows=lambda: found,
            csv_name=f"corrections-{about}" if about else "corrections",
            extra=lambda: {"title": title, "link": link},
        )

    @app.get("/history", summary="Every correction (judgement), newest first")
    def history_all(request: Request) -> Response:
        return show(request, None)

    @app.get(
        "/history/{ident}",
        summary="The corrections about one person, organisation or claim, newest first",
    )
    def history_of(request: Request, ident: str) -> Response:
        return show(request, ident)
