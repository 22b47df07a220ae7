"""Corrections from the UI, stored as judgements (sectorwatch.store.judgements): merge and
split people or organisations, reject or restore any claim (quote, role, event, reporting
line), set a quote's speaker (by id, or by name, creating the person when new), edit a
fact's date or status, undo any judgement. Each POST passes `Guard.check_write`; each takes
`author` and `note` (why). A refused write answers with the reason and the same form,
filled in with what was sent (the token aside), so nothing typed is lost.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from fastapi import Depends, FastAPI, Form, Request
from sqlalchemy import func, select
from starlette.responses import JSONResponse, RedirectResponse, Response

from sectorwatch.errors import SectorwatchError, StoreError
from sectorwatch.query.common import find_entities
from sectorwatch.serve.render import DONE_COOKIE, wanted_format
from sectorwatch.store import judgements
from sectorwatch.store.judgement_undo import undo as reverse
from sectorwatch.store.schema import judgements as judgements_table

LABELS = {
    "a": "First (name or id)",
    "b": "Second (name or id)",
    "article": "Article id",
    "claim": "Claim id",
    "quote": "Quote id",
    "speaker": "Speaker (name or id)",
    "field": "Field",
    "value": "Value",
    "judgement": "Judgement number",
    "undo": "Restore (true/false)",
    "kind": "Kind (person or organisation)",
    "author": "Your name",
    "note": "Why",
}


def _local(path: str) -> str:
    """Where to go back to: a path on this site, never another site."""
    if path.startswith("/") and not path.startswith("//") and "\\" not in path:
        return path
    return "/"


def _author(value: str) -> str:
    value = " ".join(value.split())[:80]
    return f"web:{value}" if value else "web"


def _note(value: str) -> str | None:
    return " ".join(value.split())[:500] or None


@dataclass(frozen=True)
class WriteForm:
    """What every correction form sends beside its own fields: the token and CSRF value,
    who writes and why, and where to go back to (one FastAPI dependency, `write_form`)."""

    token: str
    csrf: str
    author: str
    note: str
    next: str

    @property
    def by(self) -> str:
        return _author(self.author)

    @property
    def why(self) -> str | None:
        return _note(self.note)

    def fields(self, own: dict[str, str]) -> dict[str, str]:
        """The form as sent, its own fields first (kept when a write is refused)."""
        shared = {"author": self.author, "note": self.note, "token": self.token}
        return {**own, **shared, "csrf": self.csrf, "next": self.next}


def write_form(
    token: str = Form("", max_length=500),
    csrf: str = Form("", max_length=200),
    author: str = Form("", max_length=200),
    note: str = Form("", max_length=500),
    next: str = Form("/", max_length=500),
) -> WriteForm:
    return WriteForm(token=token, csrf=csrf, author=author, note=note, next=next)


def register(app: FastAPI) -> None:
    engine = app.state.engine

    def api(request: Request) -> bool:
        return wanted_format(request) == "json" or "authorization" in request.headers

    def done(request: Request, result: dict[str, Any], back: str) -> Response:
        if api(request):
            return JSONResponse(result)
        response = RedirectResponse(_local(back), status_code=303)
        with engine.connect() as conn:  # the judgement just appended, for its undo button
            newest = conn.execute(select(func.max(judgements_table.c.id))).scalar()
        if newest:
            kind = "".join(c for c in str(result.get("judgement", "")) if c.isalpha() or c == "_")
            response.set_cookie(
                DONE_COOKIE, f"{newest}:{kind}", max_age=60, httponly=True,
                samesite="strict", path="/",
            )  # fmt: skip
        return response

    def refuse(
        request: Request, status: int, reason: str, action: str, fields: dict[str, str]
    ) -> Response:
        if api(request):
            return JSONResponse({"ok": False, "error": reason}, status_code=status)
        shown = {k: v for k, v in fields.items() if k not in ("csrf", "next", "token")}
        return app.state.renderer.html(
            request,
            "refused.html",
            {
                "status": status,
                "message": reason,
                "action": action,
                "fields": [(k, LABELS.get(k, k), v) for k, v in shown.items()],
                "next": _local(fields.get("next", "/")),
            },
            status,
        )

    def one(name_or_id: str, kind: str | None) -> str:
        """The id of the one person or organisation called `name_or_id`."""
        with engine.connect() as conn:
            found = find_entities(conn, name_or_id.strip(), kind)
        what = {"person": "people", "organisation": "organisations"}.get(kind or "", "entities")
        if len(found) != 1:
            raise StoreError(
                f"{name_or_id!r} names {len(found)} {what}"
                + (f" ({', '.join(found[:5])})" if found else "")
                + "; give the id instead"
            )
        return found[0]

    def kind_of(value: str) -> str | None:
        return (
            "organisation"
            if value.startswith("o-")
            else "person"
            if value.startswith("p-")
            else None
        )

    def write(
        request: Request,
        action: str,
        form: WriteForm,
        own: dict[str, str],
        needed: dict[str, str],
        act: Callable[[], tuple[dict[str, Any], str]],
    ) -> Response:
        """Check the token, then that each `needed` field is there, then `act()` (its
        answer and where to go back to); any refusal keeps what was sent."""
        fields = form.fields(own)
        reason = app.state.guard.check_write(request, form.token, form.csrf)
        if reason:
            return refuse(request, 403, reason, action, fields)
        for name, message in needed.items():
            if not fields.get(name, "").strip():
                return refuse(request, 400, message, action, fields)
        try:
            result, back = act()
        except SectorwatchError as exc:
            return refuse(request, 400, str(exc), action, fields)
        return done(request, {"ok": True, **result}, back)

    @app.post("/corrections/merge", summary="Judge two people or organisations the same (token)")
    def merge(
        request: Request,
        a: str = Form("", max_length=200),
        b: str = Form("", max_length=200),
        kind: str = Form("", max_length=20),
        w: WriteForm = Depends(write_form),
    ) -> Response:
        def act() -> tuple[dict[str, Any], str]:
            which = kind.strip() or kind_of(a.strip()) or kind_of(b.strip()) or "person"
            first, second = one(a, which), one(b, which)
            canonical = judgements.merge(engine, first, second, w.by, w.why)
            page = "organisation" if canonical.startswith("o-") else "person"
            back = f"/{page}/{canonical}" if w.next.startswith(f"/{page}/") else w.next
            return {"judgement": "merge", "canonical_id": canonical}, back

        needed = {"a": "name the first", "b": "name the one to merge with"}
        return write(request, "/corrections/merge", w, dict(a=a, b=b, kind=kind), needed, act)

    @app.post("/corrections/split", summary="Judge two entities different, or one in an article")
    def split(
        request: Request,
        a: str = Form("", max_length=200),
        b: str = Form("", max_length=200),
        article: str = Form("", max_length=200),
        w: WriteForm = Depends(write_form),
    ) -> Response:
        def act() -> tuple[dict[str, Any], str]:
            if not b.strip() and not article.strip():
                raise StoreError("name the other entity, or the article where it is someone else")
            apart = judgements.split(
                engine,
                a.strip(),
                one(b, kind_of(a.strip())) if b.strip() else None,
                article_id=article.strip() or None,
                author=w.by,
                note=w.why,
            )
            return {"judgement": "split", "entity_id": apart}, w.next

        own = dict(a=a, b=b, article=article)
        return write(request, "/corrections/split", w, own, {"a": "which entity? (its id)"}, act)

    @app.post("/corrections/reject", summary="Judge a claim wrong, or right again (token)")
    def reject(
        request: Request,
        claim: str = Form("", max_length=200),
        undo: bool = Form(False),
        w: WriteForm = Depends(write_form),
    ) -> Response:
        def act() -> tuple[dict[str, Any], str]:
            judgements.reject(engine, claim.strip(), w.by, undo=undo, note=w.why)
            kind = "accept" if undo else "reject"
            return {"judgement": kind, "claim_id": claim.strip()}, w.next

        own = dict(claim=claim, undo="true" if undo else "")
        return write(
            request, "/corrections/reject", w, own, {"claim": "which claim? (its id)"}, act
        )

    @app.post("/corrections/speaker", summary="Set who said a quote (token needed)")
    def speaker(
        request: Request,
        quote: str = Form("", max_length=200),
        speaker: str = Form("", max_length=200),
        w: WriteForm = Depends(write_form),
    ) -> Response:
        def act() -> tuple[dict[str, Any], str]:
            created = False
            entity_id: str | None = None
            name = speaker.strip()
            if name:
                with engine.connect() as conn:
                    found = find_entities(conn, name)
                if len(found) > 1:
                    raise StoreError(
                        f"{name!r} names {len(found)} people or organisations "
                        f"({', '.join(found[:5])}); give the id instead"
                    )
                if found:
                    entity_id = found[0]
                elif kind_of(name):
                    raise StoreError(f"no person or organisation with id {name!r}")
                else:
                    judgements.require_quote(engine, quote.strip())
                    entity_id, created = (
                        judgements.create_person(engine, name, w.by),
                        True,
                    )
            judgements.set_speaker(engine, quote.strip(), entity_id, w.by, w.why)
            result = {
                "judgement": "set_speaker",
                "claim_id": quote.strip(),
                "speaker_id": entity_id,
            }
            return {**result, "created": created}, w.next

        own = dict(quote=quote, speaker=speaker)
        return write(
            request, "/corrections/speaker", w, own, {"quote": "which quote? (its id)"}, act
        )

    @app.post("/corrections/edit", summary="Set a fact's date or status (token needed)")
    def edit(
        request: Request,
        claim: str = Form("", max_length=200),
        field: str = Form("", max_length=20),
        value: str = Form("", max_length=20),
        w: WriteForm = Depends(write_form),
    ) -> Response:
        def act() -> tuple[dict[str, Any], str]:
            judgements.edit(
                engine,
                claim.strip(),
                field.strip(),
                value.strip() or None,
                w.by,
                w.why,
            )
            answer = {"judgement": "edit", "claim_id": claim.strip(), "field": field.strip()}
            return {**answer, "value": value.strip() or None}, w.next

        needed = {"claim": "which claim? (its id)", "field": "which field?"}
        own = dict(claim=claim, field=field, value=value)
        return write(request, "/corrections/edit", w, own, needed, act)

    @app.post("/corrections/undo", summary="Undo a judgement by its number (token needed)")
    def undo(
        request: Request,
        judgement: str = Form("", max_length=12),
        w: WriteForm = Depends(write_form),
    ) -> Response:
        def act() -> tuple[dict[str, Any], str]:
            if not judgement.strip().isdigit():
                raise StoreError(f"judgement must be a number, not {judgement!r}")
            number = int(judgement)
            kind = reverse(engine, number, w.by, w.why)
            return {"judgement": kind, "undid": number}, w.next

        needed = {"judgement": "which judgement?"}
        return write(request, "/corrections/undo", w, dict(judgement=judgement), needed, act)
