"""The history of a post: `/organisation/{id}/history?role=ROLE` (and its `.json` and `.csv`
twins): the holders in order, each term with its dates and why, interim holders, and who
replaced whom (`query.history`). Registered by `create_app` beside the other pages."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, HTTPException, Query, Request
from starlette.responses import Response

from sectorwatch.errors import QueryError
from sectorwatch.model import to_plain


def _evidence(e: Any) -> dict[str, Any]:
    return {
        "claim_id": e.claim_id,
        "article": {"id": e.article_id, "title": e.title, "published": e.published},
        "sentence": e.sentence,
    }


def shape(answer: Any) -> dict[str, Any]:
    """The documented JSON shape of a post's history (docs/api.md)."""
    terms = []
    for t in answer.terms:
        plain = to_plain(t)
        plain["evidence"] = [_evidence(e) for e in t.evidence]
        terms.append(plain)
    return {
        "organisation": {"id": answer.organisation_id, "name": answer.organisation},
        "role": answer.role,
        "terms": terms,
        "predecessors": [change(c) for c in answer.predecessors],
        "successors": [change(c) for c in answer.successors],
    }


def change(c: Any) -> dict[str, Any]:
    """An organisation change (`query.lineage.Change`) as the pages show it."""
    return {
        "kind": c.kind,
        "organisation": {"id": c.organisation_id, "name": c.organisation},
        "parties": c.parties,
        "result": c.result,
        "stage": c.stage,
        "date": c.date,
    }


COLUMNS = ("name", "person_id", "kind", "organisation", "start", "end", "end_cause",
           "ended_by", "first_reported", "last_reported", "replaces_name", "replaced_by_name",
           "undated", "summary")  # fmt: skip


def register(app: FastAPI) -> None:
    @app.get(
        "/organisation/{entity_id}/history",
        summary="A post's history: its holders in order, with dates and successions",
    )
    def post_history(
        request: Request, entity_id: str, role: str = Query(..., min_length=1, max_length=100)
    ) -> Response:
        from sectorwatch.query.history import history

        with app.state.engine.connect() as conn:
            try:
                answer = history(conn, entity_id, role)
            except QueryError as exc:
                raise HTTPException(404, f"no organisation with id {entity_id!r}") from exc
        data = shape(answer)
        return app.state.renderer.respond(  # type: ignore[no-any-return]
            request,
            "post_history.html",
            data,
            csv_rows=lambda: [{k: t.get(k) for k in COLUMNS} for t in data["terms"]],
            csv_name=f"{answer.organisation_id}-history",
        )
