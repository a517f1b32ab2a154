"""PostgreSQL, for a store several machines share (``--db postgresql://...``).

Needs the ``postgres`` extra (psycopg 3). The schema is the SQLite one; only the placeholder
and the binary column type differ.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from typing import Any

from newsweave.store.base import StoreError
from newsweave.store.sql import SQLStore


class PostgresStore(SQLStore):
    """A store in a PostgreSQL database, given by its URL.

    Raises
    ------
    StoreError
        When psycopg is not installed or the server cannot be reached.
    """

    placeholder = "%s"
    blob_type = "BYTEA"

    def __init__(self, url: str) -> None:
        try:
            import psycopg
        except ImportError as exc:
            raise StoreError("a postgresql:// store needs psycopg: "
                             "pip install 'newsweave[postgres]'") from exc
        try:
            connection = psycopg.connect(url, autocommit=True)
            super().__init__(connection)
        except psycopg.Error as exc:
            reason = " ".join(str(exc).split())  # psycopg's message spans lines; ours is one
            raise StoreError(f"cannot open PostgreSQL store {_redact(url)!r}: {reason}") from exc

    def _transaction(self) -> AbstractContextManager[Any]:
        return self._connection.transaction()  # type: ignore[no-any-return]


def _redact(url: str) -> str:
    """The URL without its password, fit for an error message."""
    scheme, _, rest = url.partition("://")
    credentials, at, host = rest.rpartition("@")
    return f"{scheme}://{credentials.split(':')[0]}{at}{host}" if at else url
