"""``/``: the web page, with a content security policy that allows only its own files.

The page builds every node from data with ``textContent``; the policy is the second wall:
even if data became markup, no inline script or outside resource would run or load.
"""

from __future__ import annotations

from importlib.resources import files

from fastapi import APIRouter
from fastapi.responses import HTMLResponse

router = APIRouter(tags=["page"])

STATIC = files("newsweave.serve") / "static"
"""The page's HTML, JavaScript and CSS, shipped as package data."""

PAGE_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self'; "
    "img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
    "form-action 'self'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


@router.get("/", response_class=HTMLResponse, include_in_schema=False)
def index() -> HTMLResponse:
    """The single page: paste or upload reports, read the brief."""
    return HTMLResponse((STATIC / "index.html").read_text(encoding="utf-8"),
                        headers=PAGE_HEADERS)
