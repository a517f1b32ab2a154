"""The service's limits and switches, fixed when the app is made.

One frozen object, built once by ``newsweave serve`` (or a test) and handed to
:func:`newsweave.serve.create_app`; routers read it through a dependency, never from globals,
so two apps with different limits can run side by side in one test session.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from newsweave.errors import InvalidOptionError

MAX_REQUEST_BYTES = 5 * 1024 * 1024
"""Largest request body accepted: a story of a few dozen reports is well under 1 MB, so 5 MB
leaves room for HTML pages while keeping one request from filling the server's memory."""

REQUEST_TIMEOUT_SECONDS = 30.0
"""Longest a brief may take; the example's four reports take about a tenth of a second."""

MAX_ARTICLES = 100
"""Most reports in one request: more is a stream to ingest into a store, not one story."""

MAX_CONCURRENT_IN_THREADS = 4
"""Pieces of work run at once in the server's own threads (store reads and ingests, and briefs
when ``workers`` is :data:`IN_PROCESS`); further requests wait, so a burst cannot exhaust the
threads."""

BRIEF_WORKERS = max(1, os.cpu_count() or 1)
"""Worker processes computing briefs: one per CPU, since a brief is CPU-bound Python and one
process uses one core (the interpreter lock)."""

IN_PROCESS = 0
"""``workers`` value that computes briefs in the server's own threads instead of processes:
for tests and single-core hosts, where a process pool costs memory and start-up and gains
nothing; a brief over its time limit is then abandoned, not stopped."""


@dataclass(frozen=True, slots=True, kw_only=True)
class ServeSettings:
    """Limits of one running service.

    Raises
    ------
    InvalidOptionError
        When a limit is not positive, or ``workers`` is negative.
    """

    max_request_bytes: int = MAX_REQUEST_BYTES
    timeout_seconds: float = REQUEST_TIMEOUT_SECONDS
    max_articles: int = MAX_ARTICLES
    max_concurrent: int = MAX_CONCURRENT_IN_THREADS
    workers: int = BRIEF_WORKERS
    """Processes computing briefs, at most one brief each at a time; further briefs queue.
    :data:`IN_PROCESS` (0): in the server's threads, at most ``max_concurrent`` at once."""
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
        if self.workers < IN_PROCESS:
            raise InvalidOptionError(f"workers must be {IN_PROCESS} (briefs in the server's "
                                     f"threads) or a number of processes, got {self.workers}")
