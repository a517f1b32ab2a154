"""The FastAPI application: routers, static files, limits, brief workers and the error handler.

:func:`create_app` wires one router per resource (FastAPI's "bigger applications" layout);
nothing here knows how a brief is made. Its lifespan starts the brief workers before the
first request and stops them when the server stops. ``newsweave serve`` runs it on uvicorn;
tests call it with their own :class:`ServeSettings` (``with TestClient(app)`` runs the
lifespan; without it, process workers refuse to brief).
"""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.exceptions import RequestValidationError
from fastapi.staticfiles import StaticFiles
from fastapi_offline import FastAPIOffline
from starlette.middleware.trustedhost import TrustedHostMiddleware

from newsweave import __version__
from newsweave.errors import NewsweaveError
from newsweave.serve.errors import handle_newsweave_error, handle_validation_error
from newsweave.serve.limits import BodySizeLimit
from newsweave.serve.routers import articles, briefs, health, pages, stories
from newsweave.serve.settings import ServeSettings
from newsweave.serve.workers import BriefWorkers, brief_workers

DESCRIPTION = """\
Turn several news reports of one story into one attributed brief.

`POST /briefs` takes the reports as JSON, `POST /briefs/files` as uploaded files; both answer
with the brief as the model's JSON (`Brief.to_dict()`). `POST /articles` stores reports and
groups them into stories; `GET /stories` lists the stored stories, `GET /stories/{id}` gives
one, `GET /stories/{id}/brief` briefs it. Errors answer with a 4xx status (503
when a brief runs out of time) and a `detail` message; newsweave's own errors also name their
type in `error`.
"""


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    """Start and warm the app's brief workers before it serves; stop them when it stops."""
    workers: BriefWorkers = app.state.workers
    await workers.start()
    try:
        yield
    finally:
        await workers.stop()


def create_app(settings: ServeSettings | None = None) -> FastAPI:
    """The service, with ``settings`` (default limits when None).

    Parameters
    ----------
    settings:
        Request size and time limits, concurrency and brief workers, URL fetching, the host
        names answered and the store (see :class:`ServeSettings`).

    Returns
    -------
    FastAPI
        An ASGI app: run it with uvicorn, or test it with ``fastapi.testclient.TestClient``.
    """
    settings = settings or ServeSettings()
    # FastAPIOffline serves the /docs and /redoc pages' scripts itself: FastAPI's default
    # loads them from a CDN, which a service on an offline or locked-down host cannot reach.
    app = FastAPIOffline(title="newsweave", version=__version__, description=DESCRIPTION,
                         lifespan=lifespan)
    app.state.settings = settings
    app.state.slots = threading.BoundedSemaphore(settings.max_concurrent)
    app.state.workers = brief_workers(settings, app.state.slots)
    app.state.ingest_lock = threading.Lock()
    app.add_middleware(BodySizeLimit, max_bytes=settings.max_request_bytes)
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(settings.allowed_hosts))
    app.add_exception_handler(NewsweaveError, handle_newsweave_error)
    app.add_exception_handler(RequestValidationError, handle_validation_error)
    for router in (pages.router, health.router, briefs.router, articles.router,
                   stories.router):
        app.include_router(router)
    app.mount("/static", StaticFiles(packages=[("newsweave.serve", "static")]), name="static")
    return app
