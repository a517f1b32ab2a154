"""``/briefs``: a brief of reports sent with the request, as JSON or as uploaded files.

Both routes answer with ``Brief.to_dict()``, the model's own JSON, so a client reads the same
thing ``newsweave brief --format json`` prints. Reading and summarizing run in a worker thread
under the service's time limit (:func:`newsweave.serve.limits.run_limited`).
"""

from __future__ import annotations

import json
import re
import tempfile
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, File, UploadFile
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field

from newsweave.api import brief
from newsweave.errors import NoArticleError
from newsweave.ingest import read_story
from newsweave.models import Story
from newsweave.serve.deps import (
    BriefOptions,
    OptionsDep,
    SettingsDep,
    SlotsDep,
    check_article_count,
)
from newsweave.serve.fetch import FetchRefusedError, fetch_page
from newsweave.serve.limits import run_limited
from newsweave.serve.settings import ServeSettings

router = APIRouter(prefix="/briefs", tags=["briefs"])

JSON_UPLOAD_NAME = "articles.jsonl"
"""The name JSON reports are read under: origins and messages say ``articles.jsonl:N`` for
the N-th report of the request."""

_UNSAFE_NAME = re.compile(r"[^\w.\-]+")
"""Characters replaced in an uploaded file's name before it is written to the temp folder."""

BRIEF_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {"description": "The brief, as `Brief.to_dict()`: story (articles with their text "
          "and sentence offsets), summary with support, entities, timeline, claims, quotes."},
    400: {"description": "A bad option: two budgets, a limit below 1, an unknown algorithm."},
    403: {"description": "A URL to fetch while fetching is off, or to a non-public address."},
    413: {"description": "The body or the number of reports is over the service's limit."},
    422: {"description": "No report could be read, or the request does not fit the schema."},
    503: {"description": "The brief took longer than the service's time limit."},
}


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
    published: str | None = Field(None, description="publication date, YYYY-MM-DD")


class BriefRequest(BaseModel):
    """The reports of one story."""

    model_config = ConfigDict(extra="forbid")

    articles: list[ArticleIn] = Field(min_length=1)


@router.post("", summary="Brief reports sent as JSON", responses=BRIEF_RESPONSES)
async def create_brief(
    body: BriefRequest, options: OptionsDep, settings: SettingsDep, slots: SlotsDep
) -> JSONResponse:
    """A brief of the reports in the body (text or HTML each)."""
    check_article_count(len(body.articles), settings)
    records = [article.model_dump(exclude_none=True) for article in body.articles]
    result = await run_limited(lambda: _brief_records(records, options, settings), slots,
                               settings.timeout_seconds)
    return JSONResponse(result)


@router.post("/files", summary="Brief uploaded report files", responses=BRIEF_RESPONSES)
async def create_brief_from_files(
    files: Annotated[list[UploadFile], File(description=".txt, .html or .jsonl reports")],
    options: OptionsDep,
    settings: SettingsDep,
    slots: SlotsDep,
) -> JSONResponse:
    """A brief of uploaded files, read as ``newsweave brief`` reads files on disk."""
    check_article_count(len(files), settings)
    uploads = [(upload.filename or "upload", await upload.read()) for upload in files]
    result = await run_limited(lambda: _brief_uploads(uploads, options), slots,
                               settings.timeout_seconds)
    return JSONResponse(result)


def _brief_records(
    records: Sequence[dict[str, Any]], options: BriefOptions, settings: ServeSettings
) -> dict[str, Any]:
    """Brief JSON reports by reading them as one JSONL upload, so they are cleaned, split,
    de-duplicated and given unique ids exactly as ``newsweave brief file.jsonl`` would."""
    lines = (json.dumps(_with_page(record, f"article {number}", settings))
             for number, record in enumerate(records, 1))
    return _brief_uploads([(JSON_UPLOAD_NAME, "\n".join(lines).encode("utf-8"))], options)


def _with_page(record: dict[str, Any], origin: str, settings: ServeSettings) -> dict[str, Any]:
    """``record``, with the page at its URL as ``html`` when it has no text of its own."""
    url = record.get("url")
    if record.get("text") or record.get("html") or not url:
        return record
    if not settings.allow_fetch:
        raise FetchRefusedError(origin, "has only a URL, and this service does not fetch "
                                "pages (start it with --allow-fetch); send its text or html")
    return {**record, "html": fetch_page(url)}


def _brief_uploads(uploads: Sequence[tuple[str, bytes]], options: BriefOptions
                   ) -> dict[str, Any]:
    """Write uploads to a private temp folder and read it like a folder on disk.

    The server's temp path is replaced by the uploaded names in origins, warnings and errors:
    it means nothing to the client.
    """
    with tempfile.TemporaryDirectory(prefix="newsweave-") as folder:
        _save_uploads(Path(folder), uploads)
        try:
            story, warnings = read_story([folder])
        except NoArticleError as exc:
            raise NoArticleError(_without(folder, str(exc))) from None
    articles = tuple(replace(a, origin=_without(folder, a.origin or "")) for a in story.articles)
    return _brief_story(Story(articles=articles), options,
                        [_without(folder, w) for w in warnings])


def _without(folder: str, text: str) -> str:
    """``text`` with the temp folder's path taken out: files by their uploaded names, the
    folder itself as "the upload"."""
    return text.replace(folder + "/", "").replace(folder, "the upload")


def _save_uploads(folder: Path, uploads: Sequence[tuple[str, bytes]]) -> None:
    """Save each upload under its own name reduced to safe characters, so none can be
    written outside ``folder`` or hidden (dot files are skipped by the reader)."""
    names: set[str] = set()
    for position, (name, data) in enumerate(uploads):
        safe = _UNSAFE_NAME.sub("_", Path(name).name).lstrip(".") or "upload.txt"
        if safe in names:
            safe = f"{position}_{safe}"
        names.add(safe)
        (folder / safe).write_bytes(data)


def _brief_story(story: Story, options: BriefOptions, warnings: list[str]) -> dict[str, Any]:
    result = brief(story, words=options.limit_in("words"), bytes=options.limit_in("bytes"),
                   sentences=options.limit_in("sentences"), algorithm=options.algorithm,
                   analysis=options.analysis, cover_conflicts=options.cover_conflicts)
    result = replace(result, warnings=(*warnings, *result.warnings))
    return result.to_dict()

