"""Dependency functions: the checks and shared objects several routers need.

FastAPI calls these per request (``Depends``); they read the app's settings from
``request.app.state`` rather than globals, and validate the brief options once, before any
report is read, so a bad ``?algorithm=`` costs nothing.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, HTTPException, Query, Request

from newsweave.api import make_budget
from newsweave.errors import UnknownAlgorithmError
from newsweave.models import Budget
from newsweave.serve.limits import TOO_LARGE
from newsweave.serve.settings import ServeSettings
from newsweave.serve.workers import BriefWorkers
from newsweave.summarize import available


@dataclass(frozen=True, slots=True)
class BriefOptions:
    """A brief's validated options, from the query string, as ``newsweave.api.brief`` takes
    them."""

    budget: Budget
    algorithm: str
    analysis: bool = True
    cover_conflicts: bool = False

    def limit_in(self, unit: str) -> int | None:
        """The budget's limit if it is counted in ``unit``, else None (as ``brief`` takes it)."""
        return self.budget.limit if self.budget.unit == unit else None


def get_settings(request: Request) -> ServeSettings:
    """The running app's :class:`ServeSettings`."""
    settings: ServeSettings = request.app.state.settings
    return settings


def get_slots(request: Request) -> threading.BoundedSemaphore:
    """The app's semaphore bounding how much work runs at once in the server's threads."""
    slots: threading.BoundedSemaphore = request.app.state.slots
    return slots


def get_workers(request: Request) -> BriefWorkers:
    """The app's brief workers (processes, or threads with ``workers=0``)."""
    workers: BriefWorkers = request.app.state.workers
    return workers


def get_ingest_lock(request: Request) -> threading.Lock:
    """The app's lock that lets one ingest into the store run at a time."""
    lock: threading.Lock = request.app.state.ingest_lock
    return lock


def brief_options(
    words: Annotated[int | None, Query(description="summary length in words")] = None,
    bytes: Annotated[int | None, Query(description="summary length in UTF-8 bytes")] = None,
    sentences: Annotated[int | None, Query(description="summary length in sentences")] = None,
    algorithm: Annotated[str, Query(description="a summarizer, or 'default'")] = "default",
    analysis: Annotated[bool, Query(description="fill the analysis sections")] = True,
    cover_conflicts: Annotated[bool, Query(description="summarize conflicts first")] = False,
) -> BriefOptions:
    """Budget and algorithm of a brief, checked the way the CLI checks them.

    Raises
    ------
    InvalidOptionError
        When more than one budget is given or a limit is below 1.
    UnknownAlgorithmError
        When ``algorithm`` is not registered; the message lists the registered names.
    """
    budget = make_budget(words, bytes, sentences)
    if algorithm != "default" and algorithm not in available():
        raise UnknownAlgorithmError(algorithm, available())
    return BriefOptions(budget=budget, algorithm=algorithm, analysis=analysis,
                        cover_conflicts=cover_conflicts)


def check_article_count(count: int, settings: ServeSettings) -> None:
    """Refuse more reports than one story should have, with 413.

    Raises
    ------
    HTTPException
        413 when ``count`` is over ``settings.max_articles``.
    """
    if count > settings.max_articles:
        raise HTTPException(TOO_LARGE, f"{count} reports is over the limit of "
                            f"{settings.max_articles} per request")


SettingsDep = Annotated[ServeSettings, Depends(get_settings)]
SlotsDep = Annotated[threading.BoundedSemaphore, Depends(get_slots)]
OptionsDep = Annotated[BriefOptions, Depends(brief_options)]
IngestLockDep = Annotated[threading.Lock, Depends(get_ingest_lock)]
WorkersDep = Annotated[BriefWorkers, Depends(get_workers)]
