"""Scale-out on Dask: read and featurize an archive on many workers, brief stories on them.

Partitioning follows the work: an archive becomes chunks of work items (JSONL lines or
files); workers read, clean, split and featurize chunks in parallel (the costly part), and
the driver dedups, clusters and commits the results in archive order, so the stories are
the same whatever the number of workers. Briefing is embarrassingly parallel: each worker
opens the store (SQLite in WAL mode serves concurrent readers; PostgreSQL serves anyone)
and briefs the stories it is given. ``LocalCluster`` by default; ``--scheduler
tcp://host:port`` joins a running cluster, whose workers must see the same inputs and store.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from newsweave.cluster.sources import Item, PreparedChunk, chunks, prepare
from newsweave.errors import InvalidOptionError, NewsweaveError

# Chunks in flight per worker: enough to keep workers busy while the driver clusters.
CHUNKS_IN_FLIGHT_PER_WORKER = 3
# Work items per chunk: big enough that task overhead (a few ms) is small beside the work.
DEFAULT_CHUNK_SIZE = 250


@contextmanager
def dask_client(workers: int, scheduler: str | None = None) -> Iterator[Any]:
    """A Dask client on ``scheduler`` when given, else on a local cluster of ``workers``
    processes; closed (cluster too) on exit, before the interpreter tears down its loop.

    Raises
    ------
    InvalidOptionError
        When dask.distributed is missing or ``workers`` is below 1.
    """
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as exc:
        raise InvalidOptionError("--workers/--scheduler need Dask: "
                                 "pip install 'newsweave[scale]'") from exc
    if scheduler:
        with Client(scheduler) as client:  # type: ignore[no-untyped-call]
            yield client
        return
    if workers < 1:
        raise InvalidOptionError(f"--workers must be at least 1, got {workers}")
    with LocalCluster(  # type: ignore[no-untyped-call]
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
            silence_logs=logging.ERROR) as cluster, Client(  # type: ignore[no-untyped-call]
            cluster) as client:
        yield client


def prepared_chunks(items: Iterable[Item], *, max_bytes: int, client: Any = None,
                    chunk_size: int = DEFAULT_CHUNK_SIZE) -> Iterator[PreparedChunk]:
    """Prepared chunks of ``items`` in order: here, or on the client's workers.

    Parameters
    ----------
    items:
        Work items from :func:`~newsweave.cluster.sources.iter_items`.
    max_bytes:
        Largest file read.
    client:
        A Dask client, or None to prepare in this process.
    chunk_size:
        Work items per task.

    Returns
    -------
    Iterator[PreparedChunk]
        In the order of ``items``, whatever order the workers finish in.
    """
    if client is None:
        for chunk in chunks(items, chunk_size):
            yield prepare(chunk, max_bytes)
        return
    in_flight = CHUNKS_IN_FLIGHT_PER_WORKER * max(len(client.scheduler_info()["workers"]), 1)
    futures: deque[Any] = deque()
    for chunk in chunks(items, chunk_size):
        futures.append(client.submit(prepare, chunk, max_bytes, pure=False))
        if len(futures) >= in_flight:
            yield futures.popleft().result()
    while futures:
        yield futures.popleft().result()


def brief_one(url: str, story_id: str, words: int, fmt: str) -> str | NewsweaveError:
    """One stored story's brief, rendered, or the error that stopped it: a worker's task.

    The error is returned, not raised, so one story that cannot be briefed (nothing left
    after cleaning) does not stop the others.
    """
    from newsweave.api import brief
    from newsweave.report import render
    from newsweave.store import open_store

    try:
        with open_store(url) as store:
            story = store.story(story_id)
        return render(brief(story, words=words), fmt)
    except NewsweaveError as exc:
        return exc


def brief_stories(url: str, story_ids: Iterable[str], *, words: int, fmt: str,
                  client: Any = None) -> Iterator[tuple[str, str | NewsweaveError]]:
    """``(story id, rendered brief or error)`` for each story, in the order given.

    Parameters
    ----------
    url:
        The store, as every worker can open it (a shared file or a PostgreSQL URL).
    story_ids:
        The stories to brief.
    words:
        Length of each brief.
    fmt:
        A renderer name (md, json, html).
    client:
        A Dask client, or None to brief in this process.

    Returns
    -------
    Iterator[tuple[str, str | NewsweaveError]]
        The brief, or the error that kept the story from being briefed.
    """
    if client is None:
        for story_id in story_ids:
            yield story_id, brief_one(url, story_id, words, fmt)
        return
    ids = list(story_ids)
    futures = client.map(brief_one, [url] * len(ids), ids, words=words, fmt=fmt, pure=False)
    for story_id, future in zip(ids, futures, strict=True):
        yield story_id, future.result()
