"""The command line's questions as forms: /who (who held role R at organisation O on date
D) and /timeline (the dated events and roles of a person or organisation)."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Query, Request
from sqlalchemy import Connection
from starlette.responses import Response

from sectorwatch.errors import QueryError
from sectorwatch.query.common import snapshot
from sectorwatch.serve.shapes import plain, ref
from sectorwatch.store import reads

SUGGESTED = 1000  # names and role titles offered as the forms' suggestions, at most


def suggestions(conn: Connection) -> dict[str, list[str]]:
    """Organisation names and role titles for the forms' <datalist>s (kept with the
    connection until the store changes)."""
    kept = snapshot(conn)
    if "tools:suggestions" not in kept:
        kept["tools:suggestions"] = {
            "roles": reads.role_titles(conn, SUGGESTED),
            "organisations": reads.organisation_names(conn, SUGGESTED),
        }
    return kept["tools:suggestions"]  # type: ignore[no-any-return]


def register(app: FastAPI) -> None:
    def respond(request: Request, template: str, data: dict[str, Any], rows: Any, name: str):  # type: ignore[no-untyped-def]
        status = 400 if data.get("error") else 200
        return app.state.renderer.respond(
            request,
            template,
            data,
            csv_rows=rows,
            csv_name=name,
            status=status,
            extra=lambda: {"this_from": data.get("from", ""), **hints()},
        )

    def hints() -> dict[str, Any]:
        with app.state.engine.connect() as conn:
            return suggestions(conn)

    @app.get("/who", summary="Who held a role at an organisation on a date (a form)")
    def who_page(
        request: Request,
        organisation: str = Query("", max_length=200),
        role: str = Query("", max_length=200),
        on: str = Query("", max_length=10),
        all: bool = Query(False),
    ) -> Response:
        from sectorwatch.query.who import who

        data: dict[str, Any] = {
            "organisation": organisation,
            "role": role,
            "on": on,
            "all": all,
            "answer": None,
            "error": None,
        }
        if organisation.strip() and role.strip():
            try:
                found = who(app.state.engine, organisation, role, on or None, all)
            except QueryError as exc:
                data["error"] = str(exc)
            else:
                data["answer"] = {
                    "organisation": ref(found.organisation_id, found.organisation),
                    "role": found.role,
                    "on": found.on,
                    "holders": [
                        {
                            "person": ref(h.person_id, h.name),
                            "post_id": h.post_id,
                            "status": h.status,
                            "valid_from": h.valid_from,
                            "valid_to": h.valid_to,
                            "evidence": plain(h.evidence),
                            "alternatives": len(h.alternatives),
                        }
                        for h in found.holders
                    ],
                }
        holders = (data["answer"] or {}).get("holders", [])
        rows = [
            {
                "person": h["person"]["name"],
                "person_id": h["person"]["id"],
                "status": h["status"],
                "valid_from": h["valid_from"],
                "valid_to": h["valid_to"],
                "article_id": (h["evidence"] or {}).get("article_id"),
                "sentence": (h["evidence"] or {}).get("sentence"),
            }
            for h in holders
        ]
        name = f"who-{role}-{organisation}-{on or 'today'}"
        return respond(request, "who.html", data, lambda: rows, name)  # type: ignore[no-any-return]

    @app.get("/timeline", summary="The dated events and roles of a person or organisation")
    def timeline_page(
        request: Request,
        target: str = Query("", max_length=200),
        from_: str = Query("", alias="from", max_length=10),
        to: str = Query("", max_length=10),
    ) -> Response:
        from sectorwatch.query.timeline import timeline

        data: dict[str, Any] = {
            "target": target,
            "from": from_,
            "to": to,
            "answer": None,
            "error": None,
        }
        if target.strip():
            try:
                found = timeline(app.state.engine, target, from_ or None, to or None)
            except QueryError as exc:
                data["error"] = str(exc)
            else:
                data["answer"] = {
                    "target": ref(found.target_id, found.target),
                    "entries": [plain(e) for e in found.entries],
                }
        entries = (data["answer"] or {}).get("entries", [])
        rows = [
            {
                "date": e["date"],
                "kind": e["kind"],
                "summary": e["summary"],
                "claim_id": e["claim_id"],
                "article_id": (e["evidence"] or {}).get("article_id"),
                "sentence": (e["evidence"] or {}).get("sentence"),
            }
            for e in entries
        ]
        name = f"timeline-{target}-{from_}-{to}"
        return respond(request, "timeline.html", data, lambda: rows, name)  # type: ignore[no-any-return]
