"""``/stories``: the stored stories, one of them, and its brief.

An unknown story id is a 404 here: the store says so with a :class:`StoreError` from
``Store.story``, raised after the store has opened, so it can only mean "no such story".
"""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, HTTPException, Query
from fastapi.responses import JSONResponse

from newsweave.models import Story
from newsweave.serve.briefing import brief_story
from newsweave.serve.deps import OptionsDep, SettingsDep, SlotsDep, WorkersDep
from newsweave.serve.limits import in_thread, run_limited, time_limit
from newsweave.serve.routers.briefs import BRIEF_RESPONSES
from newsweave.serve.schemas import StoryOut
from newsweave.store import StoreError, open_store

router = APIRouter(prefix="/stories", tags=["store"])

NOT_FOUND = 404
DEFAULT_LIMIT = 100
"""Stories listed unless asked for more: a page's worth, newest first."""
MAX_LIMIT = 1000


@router.get("", summary="List stored stories, newest first")
async def list_stories(
    settings: SettingsDep,
    slots: SlotsDep,
    since: Annotated[date | None, Query(description="only stories with an article published "
                                        "on or after this date")] = None,
    min_size: Annotated[int, Query(ge=1, description="only stories of this many articles "
                                   "or more")] = 1,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = DEFAULT_LIMIT,
) -> list[StoryOut]:
    """Each story's id, size, title, date span, outlets and article ids."""
    def work() -> list[StoryOut]:
        with open_store(settings.db) as store:
            rows = [row for row in store.stories(since) if row.size >= min_size]
        return [StoryOut.from_row(row) for row in rows[:limit]]
    return await run_limited(work, slots, settings.timeout_seconds)


@router.get("/{story_id}", summary="One stored story, as the model's JSON",
            responses={404: {"description": "No story has this id."}})
async def get_story(story_id: str, settings: SettingsDep, slots: SlotsDep) -> JSONResponse:
    """``Story.to_dict()``: its articles with their text and sentences."""
    story = await run_limited(lambda: _stored_story(settings.db, story_id), slots,
                              settings.timeout_seconds)
    return JSONResponse(story.to_dict())


@router.get("/{story_id}/brief", summary="Brief a stored story",
            responses={**BRIEF_RESPONSES, 404: {"description": "No story has this id."}})
async def brief_stored_story(story_id: str, options: OptionsDep, settings: SettingsDep,
                             slots: SlotsDep, workers: WorkersDep) -> JSONResponse:
    """``Brief.to_dict()`` of the stored story, as ``newsweave brief --story ID`` makes it.

    The story is read in a server thread (where a missing one is a 404) and briefed by a
    brief worker, both within the one time limit.
    """
    with time_limit(settings.timeout_seconds):
        story = await in_thread(lambda: _stored_story(settings.db, story_id), slots)
        result = await workers.run(brief_story, story, options)
    return JSONResponse(result)


def _stored_story(db: str | None, story_id: str) -> Story:
    with open_store(db) as store:
        try:
            return store.story(story_id)
        except StoreError as exc:
            raise HTTPException(NOT_FOUND, f"no story {story_id!r} in the store; GET /stories "
                                "lists the stored ones") from exc
