"""The one storage interface every backend implements, and the rows it speaks in.

An ingest writes in batches; :meth:`Store.write_batch` commits a batch's articles and the
new state of every story they touch in one transaction, and a batch counts as acknowledged
only once that returns. A crash therefore loses at most the batch in flight and never
leaves a story whose size disagrees with its articles.
"""

from __future__ import annotations

import json
from abc import ABC, abstractmethod
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from types import TracebackType
from typing import Any

import orjson

from newsweave.errors import NewsweaveError
from newsweave.models import Article, Story
from newsweave.text import split_article

# JSON as the store writes what orjson refuses: no spaces after separators, like orjson's.
# Stores written with the default separators, or with \u escapes, read the same.
COMPACT_JSON = json.JSONEncoder(separators=(",", ":"))


def encode_json(value: Any) -> str:
    """Compact JSON text of ``value``, as the store keeps articles and features.

    orjson encodes them about six times faster than the standard library (JSON encoding was
    a tenth of ingest); the standard encoder takes what orjson refuses: strings holding a
    lone surrogate, which a JSON input's ``\ud800`` escape can put into an article.
    """
    try:
        return orjson.dumps(value).decode()
    except orjson.JSONEncodeError:
        return COMPACT_JSON.encode(value)


class StoreError(NewsweaveError):
    """A store cannot be opened, or holds something it should not; names the store."""


@dataclass(frozen=True, slots=True)
class StoredArticle:
    """An article as stored: its model JSON plus what deduplication and clustering need.

    ``seq`` is the ingest order; ``features`` the clustering features as JSON (term and name
    counts), kept so that a restarted ingest or a re-clustering need not read the text again;
    ``duplicate_of`` names the first stored article this one nearly repeats, if any.
    """

    article: Article
    seq: int
    content_hash: str
    signature: bytes
    features: str
    story_id: str
    duplicate_of: str | None = None


@dataclass(frozen=True, slots=True)
class StoryRow:
    """A stored story: its size, title, dates, outlets and article ids (in ingest order).

    ``headline`` says whether ``title`` is an article's headline; when no article has had
    one, the title is the first words of the first article, and the first headline that
    comes later replaces it.
    """

    id: str
    size: int
    title: str | None
    first_published: date | None
    last_published: date | None
    first_seq: int
    last_seq: int
    outlets: tuple[str, ...] = ()
    article_ids: tuple[str, ...] = ()
    headline: bool = False


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """What an ingest must know of every stored article to stay idempotent."""

    article_id: str
    seq: int
    content_hash: str
    signature: bytes
    story_id: str


class Store(ABC):
    """Articles and stories, behind one interface for SQLite and PostgreSQL."""

    @abstractmethod
    def write_batch(self, articles: Sequence[StoredArticle], stories: Sequence[StoryRow]) -> None:
        """Store ``articles`` and upsert ``stories`` in one transaction."""

    @abstractmethod
    def fingerprints(self) -> Iterator[Fingerprint]:
        """Every stored article's id, sequence number, hash, signature and story."""

    @abstractmethod
    def signature_scheme(self) -> str | None:
        """The scheme the stored signatures were made under (see :meth:`resign`); None for
        a store that has not recorded one: a new store, or one written before stores did."""

    @abstractmethod
    def resign(self, signatures: Sequence[tuple[str, bytes]], scheme: str) -> None:
        """Replace the signatures of articles (id, signature) and record ``scheme`` as the
        one every stored signature is made under, in one transaction."""

    @abstractmethod
    def articles(self, since_seq: int = 0) -> Iterator[StoredArticle]:
        """Stored articles with ``seq >= since_seq``, in ingest order."""

    @abstractmethod
    def stories(self, since: date | None = None, *, members: bool = True) -> list[StoryRow]:
        """Stories, newest first; with ``since``, only those with an article on or after it.

        ``members=False`` leaves outlets and article ids empty (a cheaper query).
        """

    @abstractmethod
    def story_articles(self, story_id: str) -> list[Article]:
        """The articles of one story in ingest order (empty when there is no such story)."""

    def story(self, story_id: str) -> Story:
        """One stored story as a :class:`Story`, its articles split into sentences again.

        Raises
        ------
        StoreError
            When no story has that id.
        """
        articles = self.story_articles(story_id)
        if not articles:
            raise StoreError(f"no story {story_id!r} in the store; `newsweave stories` lists "
                             "the stored ones")
        title = next((a.title for a in articles if a.title), None)
        return Story(articles=tuple(split_article(a) for a in articles), id=story_id,
                     title=title)

    @abstractmethod
    def replace_stories(self, assignment: dict[str, str], stories: Sequence[StoryRow]) -> None:
        """Reassign every article (id to story id) and replace all stories, atomically."""

    @abstractmethod
    def close(self) -> None:
        """Release the connection."""

    def __enter__(self) -> Store:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self.close()
