"""Corrections from the UI, stored as judgements (sectorwatch.store.judgements): merge two
people, reject a claim, fix a quote's speaker. Each POST passes `Guard.check_write`."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Form, Request
from starlette.responses import JSONResponse, RedirectResponse, Response

from sectorwatch.errors import SectorwatchError
from sectorwatch.query.common import find_entities
from sectorwatch.serve.render import wanted_format
from sectorwatch.store import judgements


def _local(path: str) -> str:
    """Where to go back to: a path on this site, never another site."""
    if path.startswith("/") and not path.startswith("//") and "\\" not in path:
        return path
    return "/"


def _author(value: str) -> str:
    value = " ".join(value.split())[:80]
    return f"web:{value}" if value else "web"


def register(app: FastAPI) -> None:
    def done(request: Request, result: dict[str, Any], back: str) -> Response:
        if wanted_format(request) == "json" or "authorization" in request.headers:
            return JSONResponse(result)
        return RedirectResponse(_local(back), status_code=303)

    def refuse(request: Request, status: int, reason: str) -> Response:
        if wanted_format(request) == "json" or "authorization" in request.headers:
            return JSONResponse({"ok": False, "error": reason}, status_code=status)
        return app.state.renderer.html(
            request, "error.html", {"status": status, "message": reason}, status
        )

    def resolve_person(name_or_id: str) -> str:
        with app.state.engine.connect() as conn:
            found = find_entities(conn, name_or_id.strip(), "person")
        if len(found) != 1:
            raise SectorwatchError(
                f"{name_or_id!r} names {len(found)} people; give the person's id instead"
            )
        return found[0]

    def guarded(request: Request, token: str, csrf: str) -> str:
        return app.state.guard.check_write(request, token, csrf)

    @app.post("/corrections/merge", summary="Judge two people the same person (token needed)")
    def merge(
        request: Request,
        a: str = Form("", max_length=200),
        b: str = Form("", max_length=200),
        token: str = Form("", max_length=500),
        csrf: str = Form("", max_length=200),
        author: str = Form("", max_length=200),
        next: str = Form("/", max_length=500),
    ) -> Response:
        reason = guarded(request, token, csrf)
        if reason:
            return refuse(request, 403, reason)
        if not a.strip() or not b.strip():
            return refuse(request, 400, "name the two people to merge")
        try:
            canonical = judgements.merge(
                app.state.engine, resolve_person(a), resolve_person(b), _author(author)
            )
        except SectorwatchError as exc:
            return refuse(request, 400, str(exc))
        back = next if not next.startswith("/person/") else f"/person/{canonical}"
        return done(request, {"ok": True, "judgement": "merge", "canonical_id": canonical}, back)

    @app.post("/corrections/reject", summary="Judge a claim wrong, or right again (token)")
    def reject(
        request: Request,
        claim: str = Form("", max_length=200),
        undo: bool = Form(False),
        token: str = Form("", max_length=500),
        csrf: str = Form("", max_length=200),
        author: str = Form("", max_length=200),
        next: str = Form("/", max_length=500),
    ) -> Response:
        reason = guarded(request, token, csrf)
        if reason:
            return refuse(request, 403, reason)
        if not claim.strip():
            return refuse(request, 400, "which claim? (its id)")
        try:
            judgements.reject(app.state.engine, claim, _author(author), undo=undo)
        except SectorwatchError as exc:
            return refuse(request, 400, str(exc))
        kind = "accept" if undo else "reject"
        return done(request, {"ok": True, "judgement": kind, "claim_id": claim}, next)

    @app.post("/corrections/speaker", summary="Set who said a quote (token needed)")
    def speaker(
        request: Request,
        quote: str = Form("", max_length=200),
        speaker: str = Form("", max_length=200),
        token: str = Form("", max_length=500),
        csrf: str = Form("", max_length=200),
        author: str = Form("", max_length=200),
        next: str = Form("/", max_length=500),
    ) -> Response:
        reason = guarded(request, token, csrf)
        if reason:
            return refuse(request, 403, reason)
        if not quote.strip():
            return refuse(request, 400, "which quote? (its id)")
        try:
            entity_id = resolve_person(speaker) if speaker.strip() else None
            judgements.set_speaker(app.state.engine, quote, entity_id, _author(author))
        except SectorwatchError as exc:
            return refuse(request, 400, str(exc))
        return done(
            request,
            {"ok": True, "judgement": "set_speaker", "claim_id": quote, "speaker_id": entity_id},
            next,
        )
