"""Fixtures for the service: apps with small limits, a TestClient, a real uvicorn on loopback,
and the example's four reports as the API takes them.

Clients are entered (``with TestClient(app)``), so each app's lifespan starts its brief worker
processes; those of ``client_with`` stop after their test, so a session never holds more than a
few pools.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi", reason="the serve extra (fastapi, uvicorn) is not installed")

with warnings.catch_warnings():  # starlette's TestClient warns that it prefers httpx2
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from newsweave.serve import ServeSettings
from newsweave.serve.app import create_app
from newsweave.serve.server import running


@pytest.fixture(scope="session")
def example_files(example_dir: Path) -> list[Path]:
    return sorted(example_dir.glob("*.txt"))


@pytest.fixture(scope="session")
def example_payload(example_files: list[Path]) -> dict[str, Any]:
    """The body of ``POST /briefs`` for the example: each report's raw text and its id."""
    return {"articles": [{"id": path.stem, "text": path.read_text(encoding="utf-8")}
                         for path in example_files]}


@pytest.fixture(scope="session")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    db = tmp_path_factory.mktemp("store") / "empty.db"
    with TestClient(create_app(ServeSettings(db=str(db)))) as started:
        yield started


@pytest.fixture
def client_with() -> Iterator[Callable[..., TestClient]]:
    """Make a started client of an app with the given :class:`ServeSettings` fields; its
    workers stop after the test."""
    with ExitStack() as apps:
        def make(**settings: Any) -> TestClient:
            return apps.enter_context(TestClient(create_app(ServeSettings(**settings))))
        yield make


@pytest.fixture(scope="session")
def live_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The service on a real uvicorn, on a free loopback port, with an empty store."""
    db = tmp_path_factory.mktemp("store") / "empty.db"
    with running(create_app(ServeSettings(db=str(db)))) as url:
        yield url
