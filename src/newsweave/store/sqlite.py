"""The embedded default: one SQLite file, no server.

WAL mode lets readers (``stories``, ``brief --story``, Dask workers briefing) run while an
ingest writes. ``synchronous=NORMAL`` in WAL mode keeps every committed transaction through
a crash of the process (SIGKILL included); only a power cut may lose the last commits.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from newsweave.store.base import StoreError
from newsweave.store.sql import SQLStore

# How long a writer waits for another's lock before giving up, in milliseconds.
BUSY_TIMEOUT_MS = 30_000
# Page cache of a connection, in KiB (SQLite's default is 2 MiB): the unique indexes on ids and
# content hashes take random keys, so with a small cache every insert into a large store
# reads index pages back from the file, and ingest slows as the store grows.
CACHE_KIB = 256 * 1024


class SQLiteStore(SQLStore):
    """A store in one SQLite file.

    Raises
    ------
    StoreError
        When the file cannot be opened or is not a SQLite database.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        try:
            connection = sqlite3.connect(self.path, isolation_level=None,
                                         check_same_thread=False)
            connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            connection.execute("PRAGMA journal_mode = WAL")
            connection.execute("PRAGMA synchronous = NORMAL")
            connection.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
            super().__init__(connection)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open SQLite store {str(self.path)!r}: {exc}") from exc

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        connection: sqlite3.Connection = self._connection
        connection.execute("BEGIN IMMEDIATE")
        try:
            yield connection
        except BaseException:
            connection.execute("ROLLBACK")
            raise
        connection.execute("COMMIT")
