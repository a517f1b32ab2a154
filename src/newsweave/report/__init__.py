"""Renderers: a :class:`~newsweave.Brief` as Markdown, JSON or one self-contained HTML page."""

from collections.abc import Callable

from newsweave.models import Brief
from newsweave.report.html import render_html
from newsweave.report.jsonout import render_json
from newsweave.report.markdown import render_markdown

RENDERERS: dict[str, Callable[[Brief], str]] = {
    "md": render_markdown,
    "json": render_json,
    "html": render_html,
}
"""Output formats by name: the CLI's ``--format`` choices come from here."""


def render(brief: Brief, fmt: str = "md") -> str:
    """The brief in format ``fmt`` (one of :data:`RENDERERS`)."""
    return RENDERERS[fmt](brief)


__all__ = ["RENDERERS", "render", "render_html", "render_json", "render_markdown"]
