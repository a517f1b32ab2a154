"""The service's limits and switches, fixed when the app is made.

One frozen object, built once by ``newsweave serve`` (or a test) and handed to
:func:`newsweave.serve.create_app`; routers read it through a dependency, never from globals,
so two apps with different limits can run side by side in one test session.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsweave.errors import InvalidOptionError

MAX_REQUEST_BYTES = 5 * 1024 * 1024
"""Largest request body accepted: a story of a few dozen reports is well under 1 MB, so 5 MB
leaves room for HTML pages while keeping one request from filling the server's memory."""

REQUEST_TIMEOUT_SECONDS = 30.0
"""Longest a brief may take; the example's four reports take about a tenth of a second."""

MAX_ARTICLES = 100
"""Most reports in one request: more is a stream to ingest into a store, not one story."""

MAX_CONCURRENT_BRIEFS = 4
"""Briefs computed at once; further requests wait, so a burst cannot exhaust the CPU threads."""


@dataclass(frozen=True, slots=True, kw_only=True)
class ServeSettings:
    """Limits of one running service.

    Raises
    ------
    InvalidOptionError
        When a limit is not positive.
    """

    max_request_bytes: int = MAX_REQUEST_BYTES
    timeout_seconds: float = REQUEST_TIMEOUT_SECONDS
    max_articles: int = MAX_ARTICLES
    max_concurrent: int = MAX_CONCURRENT_BRIEFS
    allow_fetch: bool = False
    allowed_hosts: tuple[str, ...] = ("*",)
    """``Host`` headers answered; others get 400. ``newsweave serve`` on a loopback address
    allows only loopback names, so a web page that rebinds its own name to 127.0.0.1 (DNS
    rebinding) cannot read the service from a visitor's browser."""
    db: str | None = None
    """The store's URL or SQLite path; None: ``$NEWSWEAVE_DB``, else ``./newsweave.db``, as
    for ``newsweave ingest``. Opened per request, so the service holds no connection idle."""

    def __post_init__(self) -> None:
        for name in ("max_request_bytes", "timeout_seconds", "max_articles", "max_concurrent"):
            value = getattr(self, name)
            if value <= 0:
                raise InvalidOptionError(f"{name} must be positive, got {value}")
