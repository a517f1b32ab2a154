"""Request and response bodies of the API, as pydantic models for validation and OpenAPI.

Briefs answer with the model's own JSON (``Brief.to_dict()``), not a schema here: the data
model in :mod:`newsweave.models` is the one definition of a brief.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import AliasChoices, BaseModel, ConfigDict, Field

from newsweave.ingest.readers import PUBLISHED_KEYS
from newsweave.store import StoryRow


class ArticleIn(BaseModel):
    """One report: its ``text`` or ``html`` (or, with ``--allow-fetch``, a ``url`` alone)."""

    model_config = ConfigDict(extra="forbid")

    text: str | None = Field(None, description="the report as plain text")
    html: str | None = Field(None, description="the report as an HTML page")
    url: str | None = Field(None, description="where it was published; fetched only when the "
                            "service runs with --allow-fetch and no text or html is given")
    id: str | None = Field(None, description="your id for it (default: a content hash)")
    source: str | None = Field(None, description="the outlet, e.g. 'BBC'")
    title: str | None = None
    published: str | None = Field(
        None, validation_alias=AliasChoices(*PUBLISHED_KEYS),
        description="publication date, YYYY-MM-DD; also read from 'date', 'published_at' "
        "or 'publication_date', as the JSONL reader does")


class ArticlesIn(BaseModel):
    """Reports: those of one story for a brief, or any for the store."""

    model_config = ConfigDict(extra="forbid")

    articles: list[ArticleIn] = Field(min_length=1)

    def records(self) -> list[dict[str, Any]]:
        """The reports as the JSON records ``newsweave.ingest`` reads."""
        return [article.model_dump(exclude_none=True) for article in self.articles]


class StoryOut(BaseModel):
    """A stored story as ``newsweave stories --json`` lists it."""

    id: str
    size: int
    title: str | None
    first_published: date | None
    last_published: date | None
    outlets: list[str]
    article_ids: list[str]

    @classmethod
    def from_row(cls, row: StoryRow) -> StoryOut:
        return cls(id=row.id, size=row.size, title=row.title,
                   first_published=row.first_published, last_published=row.last_published,
                   outlets=list(row.outlets), article_ids=list(row.article_ids))


class IngestOut(BaseModel):
    """What ``POST /articles`` did, and the stories the stored reports are now part of."""

    stored: int = Field(description="reports stored")
    near_duplicates: int = Field(description="stored, marked as copies of earlier reports")
    exact_duplicates: int = Field(description="already stored: skipped (ingest is idempotent)")
    new_stories: int
    warnings: list[str]
    stories: list[StoryOut]
