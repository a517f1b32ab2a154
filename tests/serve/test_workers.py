"""Briefs in worker processes: a brief over its time limit stops its worker, errors cross the
process boundary intact, several processes serve at once, and shutdown leaves none behind."""

from __future__ import annotations

import asyncio
import os
import pickle
import runpy
import signal
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import anyio
import pytest
from fastapi import HTTPException
from fastapi.testclient import TestClient

from newsweave.errors import (
    EmptyStoryError,
    IngestError,
    InvalidOptionError,
    MissingExtraError,
    NewsweaveError,
    NoArticleError,
    StoryTooLargeError,
    UnknownAlgorithmError,
)
from newsweave.serve import ServeSettings
from newsweave.serve.app import create_app
from newsweave.serve.briefing import brief_records
from newsweave.serve.deps import brief_options
from newsweave.serve.fetch import FetchRefusedError
from newsweave.serve.workers import ProcessWorkers, ThreadWorkers, WorkerError
from newsweave.store import StoreError

QUICK_SECONDS = 2.0
"""A 503 for a brief over its limit must come this soon after the limit: the time a busy
two-core machine may take to answer, far below the brief's own time (it is never awaited)."""
GONE_SECONDS = 10.0
"""How long a killed worker may take to disappear (pebble stops it from its manager thread)."""
LIMIT_SECONDS = 0.3
ROTATIONS = 6
"""Rotations of each example report's paragraphs in :func:`_long_story`."""
SLOW_TASK = ["sh", "-c", "sleep 1; echo $PPID"]
"""A task that keeps its worker busy for a second, then names it: the worker is the shell's
parent. (A function defined in a test module cannot be sent to a worker by name.)"""


@pytest.fixture(scope="module")
def one_worker() -> Iterator[TestClient]:
    with TestClient(create_app(ServeSettings(workers=1))) as client:
        yield client


@pytest.fixture(scope="module")
def in_threads() -> Iterator[TestClient]:
    with TestClient(create_app(ServeSettings(workers=0))) as client:
        yield client


def _worker_pid(client: TestClient) -> int:
    pid: int = client.portal.call(client.app.state.workers.run, os.getpid)
    return pid


def _gone(pid: int) -> bool:
    """Whether ``pid`` has ended within :data:`GONE_SECONDS`."""
    deadline = time.monotonic() + GONE_SECONDS
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.05)
    return False


def _long_story(example_payload: dict[str, Any]) -> dict[str, Any]:
    """The example's reports with their paragraphs rotated and reversed: some 40 distinct
    reports, a brief of a second or more (a tenth of that for the example itself)."""
    articles = []
    for article in example_payload["articles"]:
        paragraphs = [p for p in article["text"].split("\n\n") if p.strip()]
        for turn in range(min(ROTATIONS, len(paragraphs))):
            rotated = paragraphs[turn:] + paragraphs[:turn]
            articles += [{"text": "\n\n".join(rotated)},
                         {"text": "\n\n".join(reversed(rotated))}]
    return {"articles": articles}


def test_a_brief_over_its_limit_is_503_at_once_and_its_worker_is_killed(
    client_with: Callable[..., TestClient], example_payload: dict[str, Any]
) -> None:
    """One worker, so the brief runs in the process whose pid we know; the brief is long
    enough to be still running when the limit stops it."""
    client = client_with(workers=1, timeout_seconds=LIMIT_SECONDS)
    before = _worker_pid(client)
    start = time.perf_counter()
    response = client.post("/briefs", json=_long_story(example_payload))
    assert time.perf_counter() - start < LIMIT_SECONDS + QUICK_SECONDS
    assert response.status_code == 503
    assert response.json() == {"detail": f"the request took longer than the {LIMIT_SECONDS:g}"
                               "-second limit; try fewer or shorter reports"}
    assert _gone(before)
    after = _worker_pid(client)
    assert after != before
    workers = client.app.state.workers
    brief = client.portal.call(workers.run, brief_records, example_payload["articles"],
                               brief_options(sentences=2), ServeSettings())
    assert len(brief["summary"]) == 2  # the fresh worker briefs


@pytest.mark.parametrize(("request_body", "query"), [
    ({"articles": [{"text": " ", "source": "BBC"}]}, ""),           # NoArticleError, 422
    ({"articles": [{"url": "https://example.com/a"}]}, ""),         # FetchRefusedError, 403
    ({"articles": [{"text": "Too short to say much."}]}, "?algorithm=centroid"),  # a brief
])
def test_a_workers_answer_is_the_one_a_thread_gives(
    one_worker: TestClient, in_threads: TestClient, request_body: dict[str, Any], query: str
) -> None:
    """Errors raised in a worker process reach the client with the same status, type and
    message as when the brief runs in the server's own thread (test_api checks each one's
    status and words, through the default, process, workers)."""
    from_process = one_worker.post(f"/briefs{query}", json=request_body)
    from_thread = in_threads.post(f"/briefs{query}", json=request_body)
    assert from_process.status_code == from_thread.status_code
    assert from_process.json() == from_thread.json()


def test_concurrent_briefs_are_served_by_different_processes(
    client_with: Callable[..., TestClient],
) -> None:
    client = client_with(workers=2)
    workers = client.app.state.workers

    async def two_at_once() -> list[bytes]:
        return list(await asyncio.gather(workers.run(subprocess.check_output, SLOW_TASK),
                                         workers.run(subprocess.check_output, SLOW_TASK)))

    pids = {int(out) for out in client.portal.call(two_at_once)}
    assert len(pids) == 2
    assert os.getpid() not in pids


def test_a_brief_out_of_time_while_waiting_for_a_worker_costs_no_worker(
    client_with: Callable[..., TestClient],
) -> None:
    """Briefs wait for a free worker in the server: one that times out there is dropped
    without reaching a worker, so the busy worker finishes its brief and lives on."""
    client = client_with(workers=1)
    workers = client.app.state.workers

    async def busy_worker_and_a_timeout_in_the_queue() -> tuple[int, int]:
        busy = asyncio.ensure_future(workers.run(subprocess.check_output, SLOW_TASK))
        await asyncio.sleep(0.2)  # the slow task has the only worker
        with pytest.raises(TimeoutError), anyio.fail_after(0.2):
            await workers.run(os.getpid)
        return int(await busy), await workers.run(os.getpid)

    busy_pid, next_pid = client.portal.call(busy_worker_and_a_timeout_in_the_queue)
    assert busy_pid == next_pid


def test_stopping_the_app_stops_its_workers() -> None:
    with TestClient(create_app(ServeSettings(workers=2))) as client:
        assert isinstance(client.app.state.workers, ProcessWorkers)
        pid = _worker_pid(client)
    assert _gone(pid)


def test_a_worker_that_dies_is_a_503_and_is_replaced(
    client_with: Callable[..., TestClient],
) -> None:
    client = client_with(workers=1)
    workers = client.app.state.workers
    with pytest.raises(HTTPException) as died:
        client.portal.call(workers.run, os._exit, 3)
    assert died.value.status_code == 503
    assert "exit code 3" in died.value.detail
    assert _worker_pid(client) > 0


def test_an_error_that_cannot_be_unpickled_leaves_the_pool_working(
    client_with: Callable[..., TestClient], tmp_path: Path
) -> None:
    """urllib's ContentTooShortError pickles but does not unpickle (its __init__ wants two
    arguments, its args hold one); as it was, it broke pebble's pool for every later brief."""
    script = tmp_path / "cut_short.py"
    script.write_text("import urllib.error\n"
                      "raise urllib.error.ContentTooShortError('page cut short', b'')\n")
    client = client_with(workers=1)
    workers = client.app.state.workers
    with pytest.raises(WorkerError, match=r"ContentTooShortError: .*page cut short"):
        client.portal.call(workers.run, runpy.run_path, str(script))
    assert _worker_pid(client) > 0


def test_a_worker_killed_between_briefs_costs_no_brief(
    client_with: Callable[..., TestClient], example_payload: dict[str, Any]
) -> None:
    """pebble gives up on its whole pool when a worker ends while idle (the kernel's
    out-of-memory killer, an operator's kill): the service starts a new pool and briefs."""
    client = client_with(workers=1)
    idle = _worker_pid(client)
    os.kill(idle, signal.SIGKILL)
    assert _gone(idle)
    response = client.post("/briefs?sentences=2&analysis=false", json=example_payload)
    assert response.status_code == 200
    assert len(response.json()["summary"]) == 2
    assert _worker_pid(client) != idle


def test_workers_zero_briefs_in_threads(in_threads: TestClient,
                                        example_payload: dict[str, Any]) -> None:
    assert isinstance(in_threads.app.state.workers, ThreadWorkers)
    assert _worker_pid(in_threads) == os.getpid()
    response = in_threads.post("/briefs?sentences=2&analysis=false", json=example_payload)
    assert response.status_code == 200
    assert len(response.json()["summary"]) == 2


def test_a_negative_number_of_workers_is_refused() -> None:
    with pytest.raises(InvalidOptionError, match=r"workers must be 0 .* got -1"):
        ServeSettings(workers=-1)


ERRORS: list[NewsweaveError] = [
    NewsweaveError("something went wrong"),
    IngestError("a.html", "no article in the page"),
    NoArticleError("no report could be read: a.txt: empty"),
    FetchRefusedError("http://127.0.0.1/", "a loopback address"),
    EmptyStoryError("nothing left to summarize"),
    StoryTooLargeError("the reports hold 52,000 sentences; a brief reads at most 50,000"),
    UnknownAlgorithmError("nope", ["centroid", "mmr"]),
    MissingExtraError("the web service", "serve", "fastapi"),
    InvalidOptionError("words must be at least 1, got 0"),
    StoreError("stories.db: not a newsweave store"),
]


@pytest.mark.parametrize("error", ERRORS, ids=lambda error: type(error).__name__)
def test_errors_pickle_with_their_type_message_and_fields(error: NewsweaveError) -> None:
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is type(error)
    assert str(copy) == str(error)
    assert copy.args == error.args
    assert vars(copy) == vars(error)


def _tree(cls: type[NewsweaveError]) -> set[type[NewsweaveError]]:
    return {cls}.union(*(_tree(sub) for sub in cls.__subclasses__()))


def test_every_error_a_brief_can_raise_has_a_round_trip_case() -> None:
    """A new error class (of the modules loaded) needs a case in ERRORS; evaluation's own
    errors are left out: a brief never raises them (they pickle through the base class)."""
    service_errors = {cls for cls in _tree(NewsweaveError)
                      if not cls.__module__.startswith("newsweave.evaluate")}
    assert service_errors <= {type(error) for error in ERRORS}
