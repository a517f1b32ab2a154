"""Stores for the store tests: a SQLite file always, PostgreSQL when a server is given."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from newsweave.store import Store, open_store

POSTGRES_ENV = "NEWSWEAVE_TEST_POSTGRES"


def _postgres_url() -> str:
    url = os.environ.get(POSTGRES_ENV)
    if not url:
        pytest.skip(f"{POSTGRES_ENV} is not set (scripts/start-postgres.sh prints a URL)")
    return url


@contextmanager
def _fresh_postgres(url: str) -> Iterator[str]:
    """A new, empty database on the test server, so tests never see each other's rows;
    dropped afterwards."""
    import psycopg

    name = f"nw_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute(f"CREATE DATABASE {name}")
        try:
            yield url.rsplit("/", 1)[0] + "/" + name
        finally:
            connection.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture(params=["sqlite", "postgres"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield str(tmp_path / "news.db")
        return
    with _fresh_postgres(_postgres_url()) as url:
        yield url


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    with open_store(store_url) as opened:
        yield opened
