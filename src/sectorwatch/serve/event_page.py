"""An event's page `/event/{claim_id}`: the event and the sector's reactions, grouped by
stance and kind (its `.json` twin, the quotes as `.csv`); a rejected event answers 410 with
who rejected it, when and why."""

from __future__ import annotations

from fastapi import FastAPI, HTTPException, Request
from sqlalchemy import Connection
from starlette.responses import JSONResponse, Response

from sectorwatch.errors import QueryError
from sectorwatch.serve import shapes
from sectorwatch.serve.answers import kept
from sectorwatch.serve.page_parts import connect, quote_row, renderer
from sectorwatch.serve.render import wanted_format


def register(app: FastAPI) -> None:
    @app.get(
        "/event/{claim_id}",
        summary="An event and the sector's reactions, grouped by stance and kind",
    )
    def event(request: Request, claim_id: str) -> Response:
        from sectorwatch.query.reactions import event_reactions

        with connect(app) as conn:
            try:
                data = kept(
                    conn,
                    ("event", claim_id),
                    lambda: shapes.event_page(event_reactions(conn, claim_id)),
                ).value
            except QueryError:
                return _rejected_event(request, conn, claim_id)
        return renderer(app).respond(
            request,
            "event.html",
            data,
            csv_rows=lambda: [quote_row(x) for x in data["quotes"]],
            csv_name=f"reactions-{data['event']['type']}-{claim_id}",
        )

    def _rejected_event(request: Request, conn: Connection, claim_id: str) -> Response:
        """A rejected event's page: who rejected it, when, why, and a restore button."""
        from sectorwatch.query.claim import fact
        from sectorwatch.serve.facts import page_data

        try:
            answer = fact(conn, claim_id)
        except QueryError:
            answer = None
        if answer is None or answer.property != "event" or not answer.rejected:
            raise HTTPException(404, f"no event with id {claim_id!r}")
        data = page_data(answer)
        if wanted_format(request) != "html":
            message = f"event {claim_id} was rejected"
            return JSONResponse(
                {"error": message, "status": 410, "rejected": data["rejection"]}, status_code=410
            )
        return renderer(app).html(request, "claim.html", data, 410)
