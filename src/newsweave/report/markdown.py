"""Markdown output, the default: what a reader sees in the terminal."""

from __future__ import annotations

from newsweave.models import Brief
from newsweave.report.common import (
    article_line,
    attribution,
    brief_title,
    reports,
    summary_words,
)
from newsweave.report.sections import Row, sections


def render_markdown(brief: Brief) -> str:
    lines = [f"# {brief_title(brief)}", ""]
    lines.append(
        f"*{reports(brief)}, summary of {summary_words(brief)} words "
        f"({brief.algorithm}, budget {brief.budget.limit} {brief.budget.unit}).*"
    )
    lines += ["", "## Summary", ""]
    for item in brief.summary:
        lines.append(f"- {item.sentence.text} *[{attribution(brief, item)}]*")
    for section in sections(brief):
        lines += ["", f"## {section.heading}", ""]
        lines += [_row(row) for row in section.rows]
        if section.more:
            lines.append(f"- … and {len(section.more)} more (the JSON output lists them all)")
    lines += ["", "## Sources", ""]
    for number, article in enumerate(brief.story.articles, 1):
        lines.append(f"{number}. {article_line(article)}")
    if brief.warnings:
        lines += ["", "## Warnings", ""]
        lines += [f"- {warning}" for warning in brief.warnings]
    return "\n".join(lines) + "\n"


def _row(row: Row) -> str:
    detail = f" — {row.detail}" if row.detail else ""
    return f"- **{row.lead}**: {row.text}{detail} *[{row.sources}]*"
