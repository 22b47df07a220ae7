"""Corrections from the UI, stored as judgements (sectorwatch.store.judgements): merge and
split people or organisations, reject or restore any claim (quote, role, event, reporting
line), set a quote's speaker (by id, or by name, creating the person when new), edit a
fact's date or status, undo any judgement. Each POST passes `Guard.check_write`; each takes
`author` and `note` (why). A refused write answers with the reason and the same form,
filled in with what was sent (the token aside), so nothing typed is lost.

Each correction is one function, decorated `@correction(name, field=longest, ...)`: its
own fields are read by `own_form`, the shared ones by `write_form`; the checks, the
refusal and the answer (`write`) are the same for all.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from fastapi import Depends, FastAPI, Form, Request
from starlette.responses import JSONResponse, RedirectResponse, Response

from sectorwatch.errors import SectorwatchError, StoreError
from sectorwatch.query.common import find_entities
from sectorwatch.serve.render import DONE_COOKIE, wanted_format
from sectorwatch.store import judgements, reads
from sectorwatch.store.judgement_undo import undo as reverse

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


SUMMARIES = {
    "merge": "Judge two people or organisations the same (token)",
    "split": "Judge two entities different, or one in an article",
    "reject": "Judge a claim wrong, or right again (token)",
    "speaker": "Set who said a quote (token needed)",
    "edit": "Set a fact's date or status (token needed)",
    "undo": "Undo a judgement by its number (token needed)",
}
"""Each correction's line in the API's documentation."""

NEEDED: dict[str, dict[str, str]] = {
    "merge": {"a": "name the first", "b": "name the one to merge with"},
    "split": {"a": "which entity? (its id)"},
    "reject": {"claim": "which claim? (its id)"},
    "speaker": {"quote": "which quote? (its id)"},
    "edit": {"claim": "which claim? (its id)", "field": "which field?"},
    "undo": {"judgement": "which judgement?"},
}
"""Each correction's fields that must not be empty, and what to say when one is."""


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


Act = Callable[[dict[str, Any], WriteForm], tuple[dict[str, Any], str]]
"""A correction's write: its own fields (`own_form`) and the shared ones in, its answer and
where to go back to out (a SectorwatchError refuses it, keeping what was sent)."""


@dataclass(frozen=True)
class Correction:
    """One correction form: `POST /corrections/{name}`."""

    name: str
    summary: str
    fields: dict[str, int | None]  # its own fields: longest value, None for a yes/no box
    needed: dict[str, str]  # field -> what to say when it is empty
    act: Act


def own_form(fields: dict[str, int | None]) -> Callable[..., dict[str, Any]]:
    """A FastAPI dependency reading these form fields (a text of at most N characters, or
    a yes/no box for None) into a dict: the one form reader of every correction."""

    def read(**values: Any) -> dict[str, Any]:
        return values

    read.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
        [
            inspect.Parameter(
                name,
                inspect.Parameter.KEYWORD_ONLY,
                default=Form(False) if longest is None else Form("", max_length=longest),
                annotation=bool if longest is None else str,
            )
            for name, longest in fields.items()
        ]
    )
    return read


def register(app: FastAPI) -> None:
    engine = app.state.engine

    def api(request: Request) -> bool:
        return wanted_format(request) == "json" or "authorization" in request.headers

    def done(request: Request, result: dict[str, Any], back: str) -> Response:
        if api(request):
            return JSONResponse(result)
        response = RedirectResponse(_local(back), status_code=303)
        with engine.connect() as conn:  # the judgement just appended, for its undo button
            newest = reads.newest_judgement(conn)
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

    def correction(name: str, **fields: int | None) -> Callable[[Act], Act]:
        """Register `POST /corrections/{name}` with these fields of its own (the longest
        value of each, None for a yes/no box), written by the function it decorates."""

        def add(act: Act) -> Act:
            correction = Correction(name, SUMMARIES[name], fields, NEEDED[name], act)
            _route(app, correction, write)
            return act

        return add

    @correction("merge", a=200, b=200, kind=20)
    def merge(f: dict[str, Any], w: WriteForm) -> tuple[dict[str, Any], str]:
        a, b, kind = f["a"], f["b"], f["kind"]
        which = kind.strip() or kind_of(a.strip()) or kind_of(b.strip()) or "person"
        first, second = one(a, which), one(b, which)
        canonical = judgements.merge(engine, first, second, w.by, w.why)
        page = "organisation" if canonical.startswith("o-") else "person"
        back = f"/{page}/{canonical}" if w.next.startswith(f"/{page}/") else w.next
        return {"judgement": "merge", "canonical_id": canonical}, back

    @correction("split", a=200, b=200, article=200)
    def split(f: dict[str, Any], w: WriteForm) -> tuple[dict[str, Any], str]:
        a, b, article = f["a"], f["b"], f["article"]
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

    @correction("reject", claim=200, undo=None)
    def reject(f: dict[str, Any], w: WriteForm) -> tuple[dict[str, Any], str]:
        claim, undo = f["claim"], f["undo"]
        judgements.reject(engine, claim.strip(), w.by, undo=undo, note=w.why)
        kind = "accept" if undo else "reject"
        return {"judgement": kind, "claim_id": claim.strip()}, w.next

    @correction("speaker", quote=200, speaker=200)
    def speaker(f: dict[str, Any], w: WriteForm) -> tuple[dict[str, Any], str]:
        quote, name = f["quote"], f["speaker"].strip()
        created = False
        entity_id: str | None = None
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
                entity_id, created = judgements.create_person(engine, name, w.by), True
        judgements.set_speaker(engine, quote.strip(), entity_id, w.by, w.why)
        result = {"judgement": "set_speaker", "claim_id": quote.strip(), "speaker_id": entity_id}
        return {**result, "created": created}, w.next

    @correction("edit", claim=200, field=20, value=20)
    def edit(f: dict[str, Any], w: WriteForm) -> tuple[dict[str, Any], str]:
        claim, field, value = f["claim"].strip(), f["field"].strip(), f["value"].strip()
        judgements.edit(engine, claim, field, value or None, w.by, w.why)
        answer = {"judgement": "edit", "claim_id": claim, "field": field}
        return {**answer, "value": value or None}, w.next

    @correction("undo", judgement=12)
    def undo(f: dict[str, Any], w: WriteForm) -> tuple[dict[str, Any], str]:
        judgement = f["judgement"]
        if not judgement.strip().isdigit():
            raise StoreError(f"judgement must be a number, not {judgement!r}")
        number = int(judgement)
        kind = reverse(engine, number, w.by, w.why)
        return {"judgement": kind, "undid": number}, w.next


def _route(app: FastAPI, c: Correction, write: Callable[..., Response]) -> None:
    """`POST /corrections/{c.name}`: its own fields (`own_form`) and the shared ones
    (`write_form`), written by `write`."""
    path = f"/corrections/{c.name}"

    def handler(
        request: Request,
        own: dict[str, Any] = Depends(own_form(c.fields)),
        w: WriteForm = Depends(write_form),
    ) -> Response:
        sent = {k: ("true" if v else "") if isinstance(v, bool) else v for k, v in own.items()}
        return write(request, path, w, sent, c.needed, lambda: c.act(own, w))

    app.post(path, summary=c.summary, name=c.name)(handler)
