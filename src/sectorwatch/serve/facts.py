"""The fact page, /claim/{id}: one claim with its evidence, extractor, confidence, the
other reports of it, its corrections and the forms to correct it (rejected ones too, with
who rejected them, when and why, and a restore button)."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, HTTPException, Request
from starlette.responses import Response

from sectorwatch.errors import QueryError
from sectorwatch.query.claim import FactAnswer, fact
from sectorwatch.serve.shapes import plain

WHAT = {"occupancy": "role", "reporting_line": "reporting line", "org_change": "change"}


def label(answer: FactAnswer) -> str:
    v = answer.value
    who = answer.entity or v.get("person") or v.get("speaker") or ""
    if answer.property == "occupancy":
        head = ", ".join(p for p in (v.get("role"), v.get("organisation")) if p)
        return f"Role: {head}" + (f" — {who}" if who else "")
    if answer.property == "event":
        return f"Event: {str(v.get('type', 'event')).replace('_', ' ')}" + (
            f" — {who}" if who else ""
        )
    if answer.property == "reporting_line":
        return f"Reporting line: {v.get('subordinate')} reports to {v.get('superior')}"
    if answer.property == "quote":
        return f"Quote by {v.get('speaker') or 'an unknown speaker'}"
    return answer.property.replace("_", " ").capitalize()


def page_data(answer: FactAnswer) -> dict[str, Any]:
    data = plain(answer)
    data["editable"] = list(answer.editable)
    data["label"] = label(answer)
    data["what"] = WHAT.get(answer.property, answer.property)
    return data


def register(app: FastAPI) -> None:
    @app.get("/claim/{claim_id}", summary="A fact: evidence, confidence, alternatives, history")
    def claim_page(request: Request, claim_id: str) -> Response:
        with app.state.engine.connect() as conn:
            try:
                data = page_data(fact(conn, claim_id))
            except QueryError as exc:
                raise HTTPException(404, str(exc)) from exc
        return app.state.renderer.respond(request, "claim.html", data)  # type: ignore[no-any-return]
