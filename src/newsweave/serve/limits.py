"""Request size and time limits, so one client cannot exhaust the service.

Size: :class:`BodySizeLimit` answers 413 before reading a body whose ``Content-Length`` is over
the limit, and stops a chunked body the moment it passes it. Time: :func:`time_limit` answers
503 when the work inside it has not finished in time. Briefs run in worker processes
(:mod:`newsweave.serve.workers`), which a time limit stops; store work runs in the server's
threads through :func:`run_limited`, at most ``max_concurrent`` at once, where a thread over
its limit is abandoned, not killed (Python cannot stop one), but still holds its slot, so
abandoned work cannot pile up beyond ``max_concurrent``.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from typing import TypeVar

import anyio
from fastapi import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from newsweave.serve.errors import error_response

T = TypeVar("T")

TOO_LARGE = 413
TIMED_OUT = 503


def too_large_message(limit: int) -> str:
    return f"request body is over the {limit:,}-byte limit; send fewer or shorter reports"


class BodySizeLimit:
    """ASGI middleware: refuse request bodies over ``max_bytes`` with 413."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = _content_length(scope)
        if declared is not None and declared > self.max_bytes:
            response = error_response(TOO_LARGE, "RequestTooLarge",
                                      too_large_message(self.max_bytes))
            await response(scope, receive, send)
            return
        await self.app(scope, self._counting(receive), send)

    def _counting(self, receive: Receive) -> Receive:
        """``receive`` that raises 413 once more than ``max_bytes`` have arrived."""
        received = 0

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > self.max_bytes:
                raise HTTPException(TOO_LARGE, too_large_message(self.max_bytes))
            return message

        return counted


def _content_length(scope: Scope) -> int | None:
    for name, value in scope["headers"]:
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


@contextmanager
def time_limit(timeout: float) -> Iterator[None]:
    """Cancel what is awaited inside after ``timeout`` seconds, and answer 503.

    Parameters
    ----------
    timeout:
        Seconds the work may take, waiting for a slot or a worker included.

    Raises
    ------
    HTTPException
        503 when the work inside takes longer than ``timeout``.
    """
    try:
        with anyio.fail_after(timeout):
            yield
    except TimeoutError:
        raise HTTPException(
            TIMED_OUT, f"the request took longer than the {timeout:g}-second limit; "
            "try fewer or shorter reports"
        ) from None


async def in_thread(work: Callable[[], T], slots: threading.BoundedSemaphore) -> T:
    """``work()`` in a worker thread holding one of ``slots`` until it ends, even when the
    awaiting request has been cancelled and the thread abandoned."""
    return await anyio.to_thread.run_sync(partial(_holding, slots, work),
                                          abandon_on_cancel=True)


async def run_limited(
    work: Callable[[], T], slots: threading.BoundedSemaphore, timeout: float
) -> T:
    """``work()`` in a worker thread holding one of ``slots``, or 503 after ``timeout`` s.

    Raises
    ------
    HTTPException
        503 when the work (waiting for a slot included) takes longer than ``timeout``.
    """
    with time_limit(timeout):
        return await in_thread(work, slots)


def _holding(slots: threading.BoundedSemaphore, work: Callable[[], T]) -> T:
    with slots:
        return work()
