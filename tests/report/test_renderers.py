"""Each output format says the same brief; HTML escapes every piece of source text."""

from __future__ import annotations

import json
from html.parser import HTMLParser

from newsweave import Article, Brief, brief, render
from newsweave.models import Story


def test_markdown_lists_sentences_with_sources(example_story: Story) -> None:
    made = brief(example_story)
    text = render(made, "md")
    assert text.startswith("# Kyrgyz ex-leader Kurmanbek Bakiyev flies to Kazakhstan\n")
    assert "## Summary" in text and "## Sources" in text
    summary_lines = [line for line in text.splitlines() if line.startswith("- ")]
    assert len(summary_lines) == len(made.summary)
    assert "*[BBC; also RFE/RL, CNN]*" in summary_lines[0]
    assert "BBC \u2014 2010-04-15 \u2014" in text
    assert "CNN \u2014 date unknown" in text


def test_json_is_the_model(example_story: Story) -> None:
    made = brief(example_story)
    assert Brief.from_dict(json.loads(render(made, "json"))) == made


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_html_is_self_contained_and_escaped() -> None:
    hostile = ('<script>alert("x")</script> The council approved the new budget on Monday '
               'after a long debate. <img src=x onerror=alert(1)> Officials said it passes.')
    made = brief([Article(id="a<b>", text=hostile, source="<b>Evil</b> News")])
    page = render(made, "html")
    parser = _TextCollector()
    parser.feed(page)
    assert "script" not in parser.tags and "img" not in parser.tags
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "<b>Evil</b> News" in "".join(parser.text)
    assert "http" not in page.replace("http-equiv", "")  # no external asset
