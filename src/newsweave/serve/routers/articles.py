"""``/articles``: store reports and group them into stories, as ``newsweave ingest`` does."""

from __future__ import annotations

from fastapi import APIRouter

from newsweave.serve.briefing import ingest_records
from newsweave.serve.deps import IngestLockDep, SettingsDep, SlotsDep, check_article_count
from newsweave.serve.limits import run_limited
from newsweave.serve.schemas import ArticlesIn, IngestOut

router = APIRouter(prefix="/articles", tags=["store"])


@router.post("", summary="Store reports and cluster them into stories", responses={
    413: {"description": "The body or the number of reports is over the service's limit."},
    422: {"description": "No report could be read, or the request does not fit the schema."},
    503: {"description": "The store cannot be opened, or the ingest ran out of time."},
})
async def ingest_articles(
    body: ArticlesIn, settings: SettingsDep, slots: SlotsDep, lock: IngestLockDep
) -> IngestOut:
    """Store each report once (a repeat is skipped, a near copy marked), in a story."""
    check_article_count(len(body.articles), settings)
    records = body.records()
    return await run_limited(lambda: ingest_records(records, settings, lock), slots,
                             settings.timeout_seconds)
