"""Where ingested articles and their stories live: SQLite by default, PostgreSQL by URL.

``open_store(None)`` opens ``$NEWSWEAVE_DB`` or ``./newsweave.db``; a ``postgresql://`` URL
opens a PostgreSQL database; anything else is a SQLite file path (``sqlite:///`` optional).
"""

from __future__ import annotations

import os
from pathlib import Path

from newsweave.store.base import Fingerprint, Store, StoredArticle, StoreError, StoryRow
from newsweave.store.sqlite import SQLiteStore

DEFAULT_DB = "newsweave.db"
DB_ENV = "NEWSWEAVE_DB"
POSTGRES_SCHEMES = ("postgresql://", "postgres://")
SQLITE_SCHEME = "sqlite:///"


def default_url() -> str:
    """``$NEWSWEAVE_DB`` when set, else ``newsweave.db`` in the current folder."""
    return os.environ.get(DB_ENV) or DEFAULT_DB


def open_store(url: str | None = None, *, must_exist: bool = False) -> Store:
    """The store at ``url`` (default: :func:`default_url`), its tables created if new.

    Parameters
    ----------
    url:
        A ``postgresql://`` URL, a SQLite path (``sqlite:///`` optional), or None.
    must_exist:
        Refuse a SQLite file that does not exist yet, rather than create an empty store: for
        commands that only read one, where a mistyped ``--db`` would otherwise list no
        stories and leave an empty file behind.

    Returns
    -------
    Store
        Open; close it, or use it as a context manager.

    Raises
    ------
    StoreError
        When the store cannot be opened; the message names it.
    """
    url = url or default_url()
    if url.startswith(POSTGRES_SCHEMES):
        from newsweave.store.postgres import PostgresStore

        return PostgresStore(url)
    path = url.removeprefix(SQLITE_SCHEME)
    if must_exist and not Path(path).exists():
        raise StoreError(f"no store at {path!r}: `newsweave ingest` makes one (--db or "
                         f"${DB_ENV} names another)")
    return SQLiteStore(path)


__all__ = ["DB_ENV", "DEFAULT_DB", "Fingerprint", "SQLiteStore", "Store", "StoreError",
           "StoredArticle", "StoryRow", "default_url", "open_store"]
