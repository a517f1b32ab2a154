"""Where newsweave's domain errors become HTTP errors, and nowhere else.

Routers and the pipeline raise :class:`~newsweave.errors.NewsweaveError` subclasses as the CLI
sees them; the handler here answers with the status that fits and the same message the CLI
prints, as ``{"detail": message, "error": type name}`` (FastAPI's own ``detail`` shape). A
body that fails validation answers in the same shape, its problems in one readable line, and
pydantic's list kept under ``errors`` for programs.
"""

from __future__ import annotations

from collections.abc import Sequence

from fastapi import Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from newsweave.errors import (
    EmptyStoryError,
    IngestError,
    InvalidOptionError,
    NewsweaveError,
    StoryTooLargeError,
    UnknownAlgorithmError,
)
from newsweave.serve.fetch import FetchRefusedError
from newsweave.store import StoreError

_STATUS_BY_ERROR: tuple[tuple[type[NewsweaveError], int], ...] = (
    (FetchRefusedError, 403),      # the request is understood and refused on purpose
    (IngestError, 422),            # the reports were received but cannot be read
    (EmptyStoryError, 422),
    (StoryTooLargeError, 413),     # within the body limit, but too many sentences to brief
    (UnknownAlgorithmError, 400),  # a query option out of its valid set
    (InvalidOptionError, 400),
    (StoreError, 503),             # the store cannot be opened: the service, not the request
)
"""Most specific class first: the first match decides."""

DEFAULT_STATUS = 400
"""Any other newsweave error is taken for a bad request: the pipeline raises on input."""


def status_for(error: NewsweaveError) -> int:
    """The HTTP status that answers ``error``."""
    for cls, status in _STATUS_BY_ERROR:
        if isinstance(error, cls):
            return status
    return DEFAULT_STATUS


def error_response(status: int, error: str, detail: str, **more: object) -> JSONResponse:
    """The one error body every handler and middleware of the service answers with."""
    return JSONResponse({"detail": detail, "error": error, **more}, status_code=status)


async def handle_newsweave_error(request: Request, exc: Exception) -> JSONResponse:
    """Exception handler: a domain error as a 4xx answer carrying its message."""
    assert isinstance(exc, NewsweaveError)  # registered for NewsweaveError only
    return error_response(status_for(exc), type(exc).__name__, str(exc))


async def handle_validation_error(request: Request, exc: Exception) -> JSONResponse:
    """Exception handler: a request body or query that fails validation, as a 422 whose
    ``detail`` says where and what ("articles.0.txt: Extra inputs are not permitted")."""
    assert isinstance(exc, RequestValidationError)  # registered for it only
    problems = [f"{_where(error.get('loc', ()))}: {error.get('msg', 'invalid')}"
                for error in exc.errors()]
    return error_response(422, "ValidationError", "; ".join(problems),
                          errors=jsonable_encoder(exc.errors()))


def _where(location: Sequence[object]) -> str:
    """``("body", "articles", 0, "txt")`` as ``articles.0.txt``: the body is implied."""
    parts = [str(part) for part in location]
    return ".".join(parts[1:] if parts[:1] == ["body"] and len(parts) > 1 else parts)
