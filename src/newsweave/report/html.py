"""One self-contained HTML page: no external asset, every piece of source text escaped."""

from __future__ import annotations

from html import escape
from importlib.resources import files

from newsweave.models import Brief
from newsweave.report.common import (
    article_line,
    attribution,
    brief_title,
    reports,
    summary_words,
)
from newsweave.report.sections import Row, Section, sections

_STYLE = files("newsweave.report").joinpath("brief.css").read_text(encoding="utf-8")


def render_html(brief: Brief) -> str:
    title = escape(brief_title(brief))
    items = "\n".join(
        f'<li data-article="{escape(item.sentence.article_id)}" '
        f'data-index="{item.sentence.index}">{escape(item.sentence.text)} '
        f'<span class="attribution">{escape(attribution(brief, item))}</span></li>'
        for item in brief.summary
    )
    sources = "\n".join(
        f'<li id="article-{escape(a.id)}">{escape(article_line(a))}</li>'
        for a in brief.story.articles
    )
    analysis = "\n".join(_section(section) for section in sections(brief))
    warnings = "".join(f"<li>{escape(w)}</li>" for w in brief.warnings)
    warning_block = f'<section class="warnings"><h2>Warnings</h2><ul>{warnings}</ul></section>' \
        if warnings else ""
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>{_STYLE}</style>
</head>
<body>
<main>
<h1>{title}</h1>
<p class="meta">{reports(brief)}, summary of {summary_words(brief)} words
({escape(brief.algorithm)}, budget {brief.budget.limit} {escape(brief.budget.unit)}).</p>
<section class="summary"><h2>Summary</h2><ul>
{items}
</ul></section>
{analysis}
<section class="sources"><h2>Sources</h2><ol>
{sources}
</ol></section>
{warning_block}
</main>
</body>
</html>
"""


def _section(section: Section) -> str:
    more = ""
    if section.more:
        more = (f'<details class="more"><summary>Show all {len(section.rows) + len(section.more)}'
                f"</summary><ul>\n{_items(section.more)}\n</ul></details>")
    return (f'<section class="analysis {section.key}"><h2>{escape(section.heading)}</h2>'
            f"<ul>\n{_items(section.rows)}\n</ul>{more}</section>")


def _items(rows: list[Row]) -> str:
    return "\n".join(
        f'<li><strong>{escape(row.lead)}</strong>: {escape(row.text)}'
        + (f' <span class="detail">{escape(row.detail)}</span>' if row.detail else "")
        + f' <span class="attribution">{escape(row.sources)}</span></li>'
        for row in rows
    )
