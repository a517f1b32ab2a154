"""``/healthz``: is the service up, and what can it do (the web page reads this)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from newsweave import __version__
from newsweave.report.sections import MIN_FOLDED, SECTION_LIMITS
from newsweave.serve.deps import SettingsDep
from newsweave.summarize import DEFAULT_ALGORITHM, describe

router = APIRouter(tags=["health"])


@router.get("/healthz", summary="Liveness and capabilities")
def healthz(settings: SettingsDep) -> dict[str, Any]:
    """``ok``, the version, the algorithms, the request limits a client must respect, and
    how many rows each brief section shows before folding the rest (the web page folds as the
    HTML report does, from these figures, not a copy of them)."""
    return {
        "status": "ok",
        "version": __version__,
        "algorithms": describe(),
        "default_algorithm": DEFAULT_ALGORITHM,
        "limits": {
            "max_request_bytes": settings.max_request_bytes,
            "max_articles": settings.max_articles,
            "timeout_seconds": settings.timeout_seconds,
            "brief_workers": settings.workers,
        },
        "fetch": settings.allow_fetch,
        "sections": {"limits": SECTION_LIMITS, "min_folded": MIN_FOLDED},
    }
