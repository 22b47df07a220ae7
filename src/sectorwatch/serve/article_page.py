"""An article's page `/article/{id}`: its text with every extracted span highlighted and
linked (its `.json` twin, the spans as `.csv`)."""

from __future__ import annotations

from fastapi import FastAPI, Request
from starlette.responses import Response

from sectorwatch.query import browse
from sectorwatch.serve import highlight, shapes
from sectorwatch.serve.answers import kept
from sectorwatch.serve.lookup import found
from sectorwatch.serve.page_parts import connect, renderer

COLUMNS = ("kind", "start", "end", "id", "label")


def register(app: FastAPI) -> None:
    @app.get(
        "/article/{article_id}",
        summary="An article with every extracted span highlighted and linked",
    )
    def article(request: Request, article_id: str) -> Response:
        with connect(app) as conn:
            page = kept(
                conn,
                ("article", article_id),
                lambda: shapes.article(
                    found("article", article_id, lambda: browse.article(conn, article_id))
                ),
            )
        data = page.value
        return renderer(app).respond(
            request,
            "article.html",
            data,
            csv_rows=lambda: [{k: s.get(k) for k in COLUMNS} for s in data["spans"]],
            csv_name=f"spans-{data['title']}",
            extra=lambda: page.once(
                "parts",
                lambda: dict(
                    zip(
                        ("body", "furniture"),
                        highlight.render_parts(data["text"], data["spans"], data["paragraphs"]),
                        strict=True,
                    )
                ),
            ),
        )
