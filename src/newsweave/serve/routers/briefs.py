"""``/briefs``: a brief of reports sent with the request, as JSON or as uploaded files.

Both routes answer with ``Brief.to_dict()``, the model's own JSON, so a client reads the same
thing ``newsweave brief --format json`` prints. The brief is computed by the app's brief
workers (:mod:`newsweave.serve.workers`) under the service's time limit
(:func:`newsweave.serve.limits.time_limit`), which stops a worker that runs over it.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, File, UploadFile
from fastapi.responses import JSONResponse

from newsweave.serve.briefing import brief_records, brief_uploads
from newsweave.serve.deps import OptionsDep, SettingsDep, WorkersDep, check_article_count
from newsweave.serve.limits import time_limit
from newsweave.serve.schemas import ArticlesIn

router = APIRouter(prefix="/briefs", tags=["briefs"])

BRIEF_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {"description": "The brief, as `Brief.to_dict()`: story (articles with their text "
          "and sentence offsets), summary with support, entities, timeline, claims, quotes."},
    400: {"description": "A bad option: two budgets, a limit below 1, an unknown algorithm."},
    403: {"description": "A URL to fetch while fetching is off, or to a non-public address."},
    413: {"description": "The body or the number of reports is over the service's limit."},
    422: {"description": "No report could be read, or the request does not fit the schema."},
    503: {"description": "The brief took longer than the service's time limit."},
}


@router.post("", summary="Brief reports sent as JSON", responses=BRIEF_RESPONSES)
async def create_brief(
    body: ArticlesIn, options: OptionsDep, settings: SettingsDep, workers: WorkersDep
) -> JSONResponse:
    """A brief of the reports in the body (text or HTML each)."""
    check_article_count(len(body.articles), settings)
    with time_limit(settings.timeout_seconds):
        result = await workers.run(brief_records, body.records(), options, settings)
    return JSONResponse(result)


@router.post("/files", summary="Brief uploaded report files", responses=BRIEF_RESPONSES)
async def create_brief_from_files(
    files: Annotated[list[UploadFile], File(description=".txt, .html or .jsonl reports")],
    options: OptionsDep,
    settings: SettingsDep,
    workers: WorkersDep,
) -> JSONResponse:
    """A brief of uploaded files, read as ``newsweave brief`` reads files on disk."""
    check_article_count(len(files), settings)
    uploads = [(upload.filename or "upload", await upload.read()) for upload in files]
    with time_limit(settings.timeout_seconds):
        result = await workers.run(brief_uploads, uploads, options)
    return JSONResponse(result)
