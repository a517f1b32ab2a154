"""The SQL both backends share: one schema, one set of statements, two dialects.

Statements are written with ``?`` placeholders and ``{blob}`` for the binary column type; a
backend supplies its placeholder, its binary type and a transaction context. Articles keep
their model JSON (``Article.to_dict`` without sentences, which are recomputed from the text
when a story is briefed) beside the columns queries need.
"""

from __future__ import annotations

import json
from abc import abstractmethod
from collections import defaultdict
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from datetime import date
from typing import Any

from newsweave.models import Article
from newsweave.store.base import Fingerprint, Store, StoredArticle, StoryRow, encode_json

SCHEMA = (
    """CREATE TABLE IF NOT EXISTS stories (
        id TEXT PRIMARY KEY, size INTEGER NOT NULL, title TEXT, first_published TEXT,
        last_published TEXT, first_seq INTEGER NOT NULL, last_seq INTEGER NOT NULL,
        headline INTEGER NOT NULL DEFAULT 0)""",
    """CREATE TABLE IF NOT EXISTS articles (
        id TEXT PRIMARY KEY, seq INTEGER NOT NULL UNIQUE, content_hash TEXT NOT NULL UNIQUE,
        story_id TEXT NOT NULL, duplicate_of TEXT, published TEXT, source TEXT,
        data TEXT NOT NULL, signature {blob} NOT NULL, features TEXT NOT NULL)""",
    "CREATE INDEX IF NOT EXISTS articles_story ON articles (story_id, seq)",
    "CREATE INDEX IF NOT EXISTS stories_last ON stories (last_published)",
    "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
)
# The key under which ``meta`` records the signature scheme.
SCHEME_KEY = "signature_scheme"
# Stores written before stories recorded whether their title is a headline lack this
# column; opening one adds it (see :meth:`SQLStore._add_headline_column`).
HEADLINE_COLUMN = "headline"
_INSERT_ARTICLE = (
    "INSERT INTO articles (id, seq, content_hash, story_id, duplicate_of, published, source, "
    "data, signature, features) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_UPSERT_STORY = (
    "INSERT INTO stories (id, size, title, first_published, last_published, first_seq, "
    "last_seq, headline) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
    "size = excluded.size, title = excluded.title, "
    "first_published = excluded.first_published, last_published = excluded.last_published, "
    "first_seq = excluded.first_seq, last_seq = excluded.last_seq, "
    "headline = excluded.headline"
)
_STORY_COLUMNS = ("id, size, title, first_published, last_published, first_seq, last_seq, "
                  "headline")
_ARTICLE_COLUMNS = "id, seq, content_hash, story_id, duplicate_of, data, signature, features"


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _article_row(item: StoredArticle) -> tuple[Any, ...]:
    # Ingest hands over articles without sentences already: no copy for them.
    article = item.article.with_sentences(()) if item.article.sentences else item.article
    return (article.id, item.seq, item.content_hash, item.story_id, item.duplicate_of,
            _iso(article.published), article.source, encode_json(article.to_dict()),
            item.signature, item.features)


def _story_row(story: StoryRow) -> tuple[Any, ...]:
    return (story.id, story.size, story.title, _iso(story.first_published),
            _iso(story.last_published), story.first_seq, story.last_seq, int(story.headline))


def _stored(row: Sequence[Any]) -> StoredArticle:
    _, seq, content_hash, story_id, duplicate_of, data, signature, features = row
    return StoredArticle(article=Article.from_dict(json.loads(data)), seq=int(seq),
                         content_hash=content_hash, signature=bytes(signature),
                         features=features, story_id=story_id, duplicate_of=duplicate_of)


class SQLStore(Store):
    """A :class:`Store` over a DB-API connection; subclasses name the dialect."""

    placeholder = "?"
    blob_type = "BLOB"

    def __init__(self, connection: Any) -> None:
        self._connection = connection
        with self._transaction():
            for statement in SCHEMA:
                self._execute(statement.format(blob=self.blob_type))
            self._add_headline_column()

    def _add_headline_column(self) -> None:
        """Bring a store written before stories recorded whether their title is a headline
        up to date: add the column, and give each story the headline of its first article
        that has one (those stores titled a story after its first article alone, with its
        first words when it had no headline). Runs in the opening transaction, once."""
        cursor = self._execute("SELECT * FROM stories WHERE 1 = 0")
        if HEADLINE_COLUMN in {column[0] for column in cursor.description}:
            return
        self._execute(f"ALTER TABLE stories ADD COLUMN {HEADLINE_COLUMN} INTEGER NOT NULL "
                      "DEFAULT 0")
        headlines: dict[str, str] = {}
        for story_id, data in self._execute("SELECT story_id, data FROM articles ORDER BY seq"):
            if story_id not in headlines and (title := json.loads(data).get("title")):
                headlines[story_id] = title
        self._executemany(f"UPDATE stories SET title = ?, {HEADLINE_COLUMN} = 1 WHERE id = ?",
                          [(title, story_id) for story_id, title in headlines.items()])

    @abstractmethod
    def _transaction(self) -> AbstractContextManager[Any]:
        """A context that commits on success and rolls back on any exception."""

    def _sql(self, statement: str) -> str:
        return statement.replace("?", self.placeholder)

    def _execute(self, statement: str, parameters: Sequence[Any] = ()) -> Any:
        cursor = self._connection.cursor()
        cursor.execute(self._sql(statement), parameters)
        return cursor

    def _executemany(self, statement: str, rows: Sequence[Sequence[Any]]) -> None:
        if rows:
            self._connection.cursor().executemany(self._sql(statement), rows)

    def write_batch(self, articles: Sequence[StoredArticle], stories: Sequence[StoryRow]) -> None:
        with self._transaction():
            self._executemany(_INSERT_ARTICLE, [_article_row(a) for a in articles])
            self._executemany(_UPSERT_STORY, [_story_row(s) for s in stories])

    def fingerprints(self) -> Iterator[Fingerprint]:
        cursor = self._execute(
            "SELECT id, seq, content_hash, signature, story_id FROM articles ORDER BY seq")
        for article_id, seq, content_hash, signature, story_id in cursor:
            yield Fingerprint(article_id, int(seq), content_hash, bytes(signature), story_id)

    def signature_scheme(self) -> str | None:
        row = self._execute("SELECT value FROM meta WHERE key = ?", (SCHEME_KEY,)).fetchone()
        return str(row[0]) if row else None

    def resign(self, signatures: Sequence[tuple[str, bytes]], scheme: str) -> None:
        with self._transaction():
            self._executemany("UPDATE articles SET signature = ? WHERE id = ?",
                              [(signature, article) for article, signature in signatures])
            self._execute("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) "
                          "DO UPDATE SET value = excluded.value", (SCHEME_KEY, scheme))

    def articles(self, since_seq: int = 0) -> Iterator[StoredArticle]:
        cursor = self._execute(
            f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE seq >= ? ORDER BY seq", (since_seq,))
        yield from (_stored(row) for row in cursor)

    def stories(self, since: date | None = None, *, members: bool = True) -> list[StoryRow]:
        where, parameters = ("WHERE last_published >= ?", (since.isoformat(),)) if since else (
            "", ())
        rows = self._execute(f"SELECT {_STORY_COLUMNS} FROM stories {where} "
                             "ORDER BY last_seq DESC", parameters).fetchall()
        found = self._members() if members else {}
        return [self._story(row, found.get(row[0], [])) for row in rows]

    def _members(self) -> dict[str, list[tuple[str, str | None]]]:
        members: dict[str, list[tuple[str, str | None]]] = defaultdict(list)
        for article_id, story_id, source in self._execute(
                "SELECT id, story_id, source FROM articles ORDER BY seq"):
            members[story_id].append((article_id, source))
        return members

    @staticmethod
    def _story(row: Sequence[Any], members: list[tuple[str, str | None]]) -> StoryRow:
        story_id, size, title, first, last, first_seq, last_seq, headline = row
        outlets = tuple(dict.fromkeys(source for _, source in members if source))
        return StoryRow(id=story_id, size=int(size), title=title, first_published=_date(first),
                        last_published=_date(last), first_seq=int(first_seq),
                        last_seq=int(last_seq), outlets=outlets,
                        article_ids=tuple(article_id for article_id, _ in members),
                        headline=bool(headline))

    def story_articles(self, story_id: str) -> list[Article]:
        cursor = self._execute(
            f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE story_id = ? ORDER BY seq",
            (story_id,))
        return [_stored(row).article for row in cursor]

    def replace_stories(self, assignment: dict[str, str], stories: Sequence[StoryRow]) -> None:
        with self._transaction():
            self._executemany("UPDATE articles SET story_id = ? WHERE id = ?",
                              [(story, article) for article, story in assignment.items()])
            self._execute("DELETE FROM stories")
            self._executemany(_UPSERT_STORY, [_story_row(s) for s in stories])

    def close(self) -> None:
        self._connection.close()
