"""Where briefs are computed: in worker processes (the default), or in the server's threads.

A brief is CPU-bound Python, and the interpreter lock lets one process use one core, so
:class:`ProcessWorkers` computes briefs in a pebble ``ProcessPool`` of ``settings.workers``
processes, one brief each at a time. Further briefs wait in the server, not in the pool: pebble
sends a task down the workers' pipe at once, and a task that timed out there would still cost
a worker when one picked it up. When a request runs out of time
(:func:`newsweave.serve.limits.time_limit` cancels its wait), its task is cancelled: pebble
kills the worker computing it and starts a fresh one, so a runaway brief stops instead of
holding a core. newsweave's errors raised in a worker reach the server pickled with their
type and message (see :mod:`newsweave.errors`), and so the client as the same 4xx answer; any
other exception comes back as a :class:`WorkerError` naming it (a 500, as before), since one
that cannot be unpickled in the server would break the pool for every later brief.

Workers are forked from a fork server (multiprocessing's ``forkserver`` start method) that has
imported the pipeline once: forking the server itself, which runs threads (the event loop's,
anyio's, pebble's own), could deadlock a child on a lock one of them held, and spawning would
import the pipeline again, seconds each time, for every worker and every replacement. Each
worker warms up (:func:`~newsweave.serve.briefing.warm_up`) before it takes a request.

:class:`ThreadWorkers` (``workers=0``) keeps briefs in the server's threads, at most
``max_concurrent`` at once, for tests and single-core hosts; a brief over its time limit is
then abandoned, not stopped.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
import threading
from collections.abc import Callable
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from functools import partial
from typing import Any, ParamSpec, Protocol, TypeVar

import anyio
from fastapi import HTTPException
from pebble import ProcessExpired, ProcessPool

from newsweave.errors import NewsweaveError
from newsweave.serve.briefing import warm_up
from newsweave.serve.limits import in_thread
from newsweave.serve.settings import IN_PROCESS, ServeSettings

P = ParamSpec("P")
T = TypeVar("T")

START_METHOD = "forkserver"
PRELOADED = ["newsweave.serve.briefing", "newsweave.serve.deps", "newsweave.serve.workers"]
"""Modules the fork server imports once, so that each worker forked from it has them: the
pipeline, the classes of the arguments a brief is sent with (``BriefOptions``), and the
wrapper every task runs in (:func:`_reported`)."""

START_TIMEOUT_SECONDS = 120.0
"""Longest start-up waits for the workers to answer: a few seconds on an idle machine (the
fork server's imports, then each worker's warm-up). A worker whose warm-up fails is restarted
by pebble again and again; this turns that into a start-up error rather than a silent hang."""

WORKER_DIED = 503
"""Status when a worker dies under a brief: the service failed, not the request; a retry is
served by the worker pebble started in its place."""

_log = logging.getLogger("uvicorn.error")


class WorkerError(Exception):
    """An unexpected exception in a brief worker, carried back as its type name and message
    (the worker's traceback is logged with it, as pebble's ``RemoteTraceback``)."""


def _reported(function: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
    """``function(*args, **kwargs)`` as a worker runs it: newsweave's own errors raised as
    they are (they pickle), any other as a :class:`WorkerError`, which always unpickles.

    Raises
    ------
    NewsweaveError
        Whatever ``function`` raises of newsweave's own errors.
    WorkerError
        For any other exception, named in the message.
    """
    try:
        return function(*args, **kwargs)
    except NewsweaveError:
        raise
    except Exception as exc:
        raise WorkerError(f"{type(exc).__qualname__}: {exc}") from exc


class BriefWorkers(Protocol):
    """Computes briefs for the routes: started and stopped with the app (its lifespan)."""

    async def start(self) -> None:
        """Get ready to brief: the first request should not pay for imports or warm-up."""

    async def run(self, function: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
        """``function(*args, **kwargs)``, computed off the event loop; cancelling the await
        gives up on it (and stops it, where the implementation can)."""

    async def stop(self) -> None:
        """Release what :meth:`start` took."""


class ProcessWorkers:
    """Briefs in a pool of ``count`` worker processes; see the module's docstring."""

    def __init__(self, count: int) -> None:
        self.count = count
        self._pool = self._new_pool()
        self._idle: anyio.Semaphore | None = None
        """One token per worker free to take a brief; made by :meth:`start`, in the event
        loop the app runs in."""

    def _new_pool(self) -> ProcessPool:
        """A pool of :attr:`count` workers forked from the fork server, warmed up as they
        start (pebble starts them at the first task)."""
        context = multiprocessing.get_context(START_METHOD)
        context.set_forkserver_preload(PRELOADED)
        return ProcessPool(max_workers=self.count, initializer=warm_up, context=context)

    async def start(self) -> None:
        """Start the workers and wait until one answers. Each warms up before it takes a
        task, so the one answering is warm, and the others, started at the same time, take
        no brief before they are.

        Raises
        ------
        RuntimeError
            When no worker answers within :data:`START_TIMEOUT_SECONDS`.
        """
        self._idle = anyio.Semaphore(self.count)
        try:
            with anyio.fail_after(START_TIMEOUT_SECONDS):
                pid = await self.run(os.getpid)
        except TimeoutError:
            raise RuntimeError(f"the brief workers did not start within "
                               f"{START_TIMEOUT_SECONDS:g} s") from None
        _log.info("%d brief worker processes started; process %d is ready", self.count, pid)

    async def run(self, function: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
        """``function(*args, **kwargs)`` in a worker process; cancelling the await kills the
        worker computing it (pebble starts another).

        Raises
        ------
        HTTPException
            503 when the worker died while computing it (killed from outside, out of memory).
        WorkerError
            When ``function`` raised an exception other than newsweave's own.
        BrokenProcessPool
            When pebble gave up on the pool under it twice in a row.
        RuntimeError
            When the workers have not been started (the app runs without its lifespan).
        """
        if self._idle is None:
            raise RuntimeError("the brief workers have not been started: run the app with "
                               "its lifespan (uvicorn does; a TestClient inside `with`)")
        async with self._idle:
            try:
                return await self._compute(function, args, kwargs)
            except BrokenProcessPool:
                # pebble gave up on the pool under this brief, which so did not finish; a
                # brief writes nothing, so it is safe to run once more, on the new pool.
                return await self._compute(function, args, kwargs)

    async def _compute(self, function: Callable[..., T], args: tuple[Any, ...],
                       kwargs: dict[str, Any]) -> T:
        """One task, on a pool pebble has not given up on."""
        await self._replace_if_broken()
        future: Future[T] = self._pool.schedule(_reported, args=(function, *args),
                                                kwargs=kwargs)
        try:
            return await asyncio.wrap_future(future)
        except asyncio.CancelledError:
            future.cancel()  # pebble kills and replaces the worker computing it
            raise
        except ProcessExpired as exc:
            raise HTTPException(WORKER_DIED, f"the worker computing this brief stopped "
                                f"unexpectedly (exit code {exc.exitcode}); try again") from None

    async def _replace_if_broken(self) -> None:
        """A new pool if pebble has given up on this one, as it does when a worker ends while
        it computes nothing (killed from outside, say by the kernel short of memory): it
        would refuse every later brief."""
        if self._pool.active:
            return
        broken, self._pool = self._pool, self._new_pool()
        _log.warning("a brief worker ended between briefs and pebble gave up on its pool; "
                     "starting a new pool")
        await anyio.to_thread.run_sync(broken.join)

    async def stop(self) -> None:
        """Stop the workers, without waiting for queued briefs (the server has stopped taking
        requests and waited for those in flight before the app shuts down)."""
        self._pool.stop()  # type: ignore[no-untyped-call]  # pebble leaves it unannotated
        await anyio.to_thread.run_sync(self._pool.join)


class ThreadWorkers:
    """Briefs in the server's threads, each holding one of ``slots`` until it ends."""

    def __init__(self, slots: threading.BoundedSemaphore) -> None:
        self._slots = slots

    async def start(self) -> None:
        """Warm the pipeline up in a thread."""
        await anyio.to_thread.run_sync(warm_up)

    async def run(self, function: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
        """``function(*args, **kwargs)`` in a thread; a cancelled await abandons the thread."""
        return await in_thread(partial(function, *args, **kwargs), self._slots)

    async def stop(self) -> None:
        """Nothing to release: the threads are anyio's, and an abandoned one ends on its own."""


def brief_workers(settings: ServeSettings, slots: threading.BoundedSemaphore) -> BriefWorkers:
    """The brief workers ``settings`` ask for: ``settings.workers`` processes, or threads
    bounded by ``slots`` when it is :data:`~newsweave.serve.settings.IN_PROCESS`."""
    if settings.workers == IN_PROCESS:
        return ThreadWorkers(slots)
    return ProcessWorkers(settings.workers)
