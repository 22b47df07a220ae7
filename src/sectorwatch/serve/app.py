"""`create_app(settings)`: the FastAPI application over one store.

Pages are registered by the modules named in `PAGE_MODULES` (each has `register(app)`);
this module wires the store, templates, security headers, static files (package resources
only, read once at start-up) and the documentation page at /docs.

Speed (BENCHMARKS.md, Web): one engine per process, its SQLite connections pooled and
reused, so what a connection keeps between pages (`sectorwatch.query.common.snapshot`:
judgements, entity names) stays warm; each page asks all its questions on one connection.
Pages are plain functions run on a few reader threads (`READ_THREADS`): Python runs one
thread at a time, and forty threads fighting over it (the default) burn CPU and stretch
every request's time. More throughput comes from more processes (`run(workers=N)`).
"""

from __future__ import annotations

import gc
import importlib
import os
import secrets
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib import resources

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import JSONResponse, Response

from sectorwatch.errors import SectorwatchError
from sectorwatch.settings import Settings

STATIC = {
    "style.css": "text/css; charset=utf-8",
    "favicon.svg": "image/svg+xml",
}
PAGE_MODULES = (
    # modules of sectorwatch.serve with a `register(app)` adding their routes: add one here
    # (in this order: FastAPI tries routes in the order they were added)
    "home_page",
    "search_page",
    "person_page",
    "organisation_page",
    "event_page",
    "article_page",
    "charts",
    "indexes",
    "tools",
    "history",
    "history_page",
    "organisation_lists",
    "facts",
    "corrections",
)
READ_THREADS = 2  # threads answering pages at once, in each process (BENCHMARKS.md, Web)
SECRET_ENV = "SECTORWATCH_SERVE_SECRET"  # the CSRF key the workers of one `serve` share


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    import anyio.to_thread

    anyio.to_thread.current_default_thread_limiter().total_tokens = READ_THREADS
    # What the started server holds (modules, templates, compiled statements) lives as long
    # as it does: kept out of the collector's full passes, which otherwise walk it all
    # (about 70 ms each, once every few dozen first views of an organisation page).
    gc.collect()
    gc.freeze()
    yield
    app.state.engine.dispose()
    gc.unfreeze()  # collectable again once the server stops (an app made in a test)


def create_app(settings: Settings | None = None) -> FastAPI:
    from sectorwatch.serve.render import Renderer, environment, wanted_format
    from sectorwatch.serve.security import FormatAndHeaders, Guard
    from sectorwatch.store import open_store

    settings = settings or Settings.from_env()
    app = FastAPI(
        title="Sectorwatch",
        summary="Who leads what, who answers to whom and who said what, with evidence.",
        version="1",
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",
        lifespan=_lifespan,
    )
    app.state.settings = settings
    app.state.engine = open_store(settings.db)
    secret = os.environ.get(SECRET_ENV)
    app.state.guard = Guard(settings.token, bytes.fromhex(secret) if secret else None)
    app.state.renderer = Renderer(environment(), app.state.guard)
    app.add_middleware(FormatAndHeaders)

    static = {
        name: resources.files("sectorwatch.serve.static").joinpath(name).read_bytes()
        for name in STATIC
    }

    @app.get("/static/{name}", include_in_schema=False)
    def static_file(name: str) -> Response:
        if name not in static:  # a fixed set of names; nothing from the request is a path
            return Response("not found", status_code=404, media_type="text/plain")
        return Response(
            static[name],
            media_type=STATIC[name],
            headers={"cache-control": "public, max-age=3600"},
        )

    @app.get("/docs", include_in_schema=False)
    def docs(request: Request) -> Response:
        schema = app.openapi()
        routes = [
            {
                "path": path,
                "method": method.upper(),
                "summary": op.get("summary", ""),
                "description": op.get("description", ""),
                "parameters": [p.get("name") for p in op.get("parameters", [])],
            }
            for path, methods in schema["paths"].items()
            for method, op in methods.items()
        ]
        return app.state.renderer.html(request, "docs.html", {"routes": routes})

    for module in PAGE_MODULES:
        importlib.import_module(f"sectorwatch.serve.{module}").register(app)

    def error(request: Request, status: int, message: str) -> Response:
        if wanted_format(request) != "html":
            return JSONResponse({"error": message, "status": status}, status_code=status)
        return app.state.renderer.html(
            request, "error.html", {"status": status, "message": message}, status
        )

    @app.exception_handler(SectorwatchError)
    async def sectorwatch_error(request: Request, exc: SectorwatchError) -> Response:
        return error(request, 400, str(exc))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        return error(request, exc.status_code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        return error(request, 422, "; ".join(str(e.get("msg")) for e in exc.errors()))

    return app


def run(
    url: str | None = None,
    host: str | None = None,
    port: int | None = None,
    token: str | None = None,
    workers: int = 1,
) -> None:
    """Serve the store at `url` with uvicorn until interrupted (used by `serve` and `demo`).

    `workers` > 1 starts that many processes on the one port (uvicorn's workers), each with
    its own engine; they are given the settings through SECTORWATCH_* variables and share
    one CSRF key, so a form served by one worker is accepted by another."""
    import uvicorn

    from sectorwatch.serve.limits import server_limits

    settings = Settings.from_env()
    settings.db = url or settings.db
    settings.host = host or settings.host
    settings.port = port or settings.port
    settings.token = token or settings.token
    if workers > 1:
        from sectorwatch.store import open_store

        open_store(settings.db).dispose()  # migrate once, and fail here if it cannot open
    else:
        app = create_app(settings)
    mode = "corrections allowed with the token" if settings.token else "read-only"
    processes = f", {workers} worker processes" if workers > 1 else ""
    print(
        f"Sectorwatch is at http://{settings.host}:{settings.port}/ ({mode}{processes}); "
        f"JSON API: http://{settings.host}:{settings.port}/docs; Ctrl-C stops it.",
        flush=True,
    )
    if workers <= 1:
        limits = server_limits(settings)
        uvicorn.run(app, host=settings.host, port=settings.port, log_level="warning", **limits)
        return
    os.environ["SECTORWATCH_DB"] = settings.db
    if settings.token:
        os.environ["SECTORWATCH_TOKEN"] = settings.token
    os.environ[SECRET_ENV] = secrets.token_hex(32)
    os.environ["SECTORWATCH_REQUEST_TIMEOUT"] = str(settings.request_timeout)
    uvicorn.run(
        "sectorwatch.serve.app:app_from_env",
        factory=True,
        host=settings.host,
        port=settings.port,
        workers=workers,
        log_level="warning",
        **server_limits(settings),
    )


def app_from_env() -> FastAPI:
    """For `uvicorn --factory sectorwatch.serve.app:app_from_env` (settings from SECTORWATCH_*)."""
    return create_app(Settings.from_env())
