"""Each output format says the same brief; HTML escapes every piece of source text."""

from __future__ import annotations

import json
from dataclasses import replace
from html import escape
from html.parser import HTMLParser

from newsweave import Article, Brief, brief, render
from newsweave.models import Story
from newsweave.report.common import article_line
from newsweave.report.sections import SECTION_LIMITS


def test_markdown_lists_sentences_with_sources(example_story: Story) -> None:
    made = brief(example_story)
    text = render(made, "md")
    assert text.startswith("# Kyrgyz ex-leader Kurmanbek Bakiyev flies to Kazakhstan\n")
    assert "## Summary" in text and "## Sources" in text
    summary_part = text.split("## Summary\n\n")[1].split("\n\n")[0]
    summary_lines = summary_part.splitlines()
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


def _analysed_brief() -> Brief:
    from datetime import date

    from newsweave.models import (
        Budget,
        Claim,
        Entity,
        Mention,
        Quote,
        SentenceRef,
        Statement,
        TimelineEvent,
    )

    bbc = Article(id="bbc", text="Bakiyev left. At least 80 died.", source="BBC",
                  published=date(2010, 4, 15))
    rfe = Article(id="rfe", text="Bakiev left. More than 80 died.", source="RFE/RL")
    return Brief(
        story=Story(articles=(bbc, rfe)),
        summary=(),
        budget=Budget(150),
        algorithm="centroid",
        entities=(Entity("Kurmanbek Bakiyev", "PERSON", ("Kurmanbek Bakiyev", "Bakiev"),
                         (Mention("bbc", 0, 7, "Bakiyev"), Mention("rfe", 0, 6, "Bakiev"))),),
        timeline=(TimelineEvent(date(2010, 4, 7), "7 April", "An uprising <b>killed</b> scores.",
                                (SentenceRef("bbc", 1),)),
                  TimelineEvent(date(2010, 4, 14), "April 14", "Russia pledged aid.",
                                (SentenceRef("rfe", 0),), year_inferred=True),
                  TimelineEvent(None, "last Wednesday", "Unrest left 80 dead.",
                                (SentenceRef("rfe", 1),))),
        claims=(Claim("conflict", "death toll",
                      (Statement(SentenceRef("bbc", 1), "At least 80 died.", "at least 80"),
                       Statement(SentenceRef("rfe", 1), "More than 80 died.", "more than 80"),
                       Statement(SentenceRef("rfe", 1), "More than 80 died.", "more than 80")),
                      "lower bounds differ"),),
        quotes=(Quote("Ilyas Omarov", "He left on Sunday.", SentenceRef("rfe", 0)),),
    )


def test_markdown_analysis_sections() -> None:
    text = render(_analysed_brief(), "md")
    assert ("- **Kurmanbek Bakiyev**: person \u2014 also written Bakiev *[BBC, RFE/RL]*"
            in text)
    assert ("- **2010-04-07**: An uprising <b>killed</b> scores. \u2014 \u201c7 April\u201d "
            "*[BBC]*") in text
    assert ("- **2010-04-14**: Russia pledged aid. \u2014 \u201cApril 14\u201d, year from the "
            "other reports *[RFE/RL]*") in text
    assert ("## Not on the timeline: dates in reports that give no date of their own\n\n"
            "- **\u201clast Wednesday\u201d**: Unrest left 80 dead. *[RFE/RL]*") in text
    assert ("## Where sources conflict\n\n- **death toll**: at least 80 (BBC) \u00b7 more than 80 "
            "(RFE/RL) \u2014 lower bounds differ *[BBC, RFE/RL]*") in text
    assert "- **Ilyas Omarov**: He left on Sunday. *[RFE/RL]*" in text
    assert "What sources agree on" not in text  # empty sections are left out


def test_html_analysis_sections_are_escaped() -> None:
    page = render(_analysed_brief(), "html")
    assert '<section class="analysis conflict"><h2>Where sources conflict</h2>' in page
    assert "An uprising &lt;b&gt;killed&lt;/b&gt; scores." in page


def test_sources_name_an_id_the_input_gave_unless_its_file_says_it() -> None:
    line = article_line(Article("story-42/0", "Text.", source="BBC", origin="feed.jsonl:1"))
    assert line == "BBC \u2014 date unknown \u2014 feed.jsonl:1 \u2014 id story-42/0"
    named = Article("001_bbc", "Text.", source="BBC", origin="example/001_bbc.txt")
    assert "id 001_bbc" not in article_line(named)


def test_long_sections_show_their_first_rows_and_say_how_many_more() -> None:
    brief = _analysed_brief()
    quote = brief.quotes[0]
    many = replace(brief, quotes=tuple(replace(quote, text=f"Quote number {n}.")
                                       for n in range(SECTION_LIMITS["quotes"] + 3)))
    text = render(many, "md")
    assert f"Quote number {SECTION_LIMITS['quotes'] - 1}." in text
    assert f"Quote number {SECTION_LIMITS['quotes']}." not in text
    assert "- … and 3 more (the JSON output lists them all)" in text
    page = render(many, "html")
    # HTML keeps every row, the rest folded under the count of all.
    assert f'<details class="more"><summary>Show all {SECTION_LIMITS["quotes"] + 3}' in page
    assert f"Quote number {SECTION_LIMITS['quotes'] + 2}." in page
    assert len(json.loads(render(many, "json"))["quotes"]) == SECTION_LIMITS["quotes"] + 3


def test_a_brief_without_headlines_is_titled_by_its_lead_sentence() -> None:
    reports = [
        Article(id="wire-1", source="AP", text=(
            "Germany's second doping trial against former East German sports officials opened "
            "Tuesday with coaches and doctors confessing they gave drugs to young swimmers. "
            "The trial resumes Monday in Berlin.")),
        Article(id="wire-2", source="Reuters", text=(
            "Two former East German swimming coaches admitted in a Berlin court on Tuesday that "
            "they gave anabolic steroids to teenage swimmers. Their lawyers said the doses "
            "were small.")),
    ]
    made = brief(reports, words=40, analysis=False)
    lead = made.summary[0].sentence.text.split()
    expected = " ".join(lead[:12]).rstrip(",;:") + " \u2026"
    assert render(made, "md").startswith(f"# {expected}\n")
    assert f"<h1>{escape(expected)}</h1>" in render(made, "html")
    assert json.loads(render(made, "json"))["story"]["title"] is None


def test_an_outlet_with_several_reports_is_named_with_their_numbers() -> None:
    reports = [
        Article(id="ap-morning", source="AP", text=(
            "A magnitude 6.1 earthquake struck central Chile on Monday, the USGS said. "
            "Buildings swayed in Santiago but no damage was reported.")),
        Article(id="reuters-1", source="Reuters", text=(
            "A magnitude 6.1 earthquake struck central Chile on Monday, the USGS said. "
            "Mining companies said their operations were not affected.")),
        Article(id="ap-evening", source="AP", text=(
            "Officials in Chile said on Monday evening that the earthquake caused no deaths. "
            "Schools will open as usual on Tuesday.")),
    ]
    made = brief(reports, words=60, analysis=False)
    names = {"ap-morning": "AP 1", "reuters-1": "Reuters", "ap-evening": "AP 3"}
    text = render(made, "md")
    for item in made.summary:
        own, *others = dict.fromkeys(names[article_id] for article_id in item.article_ids)
        expected = f"{own}; also {', '.join(others)}" if others else own
        assert f"{item.sentence.text} *[{expected}]*" in text
    assert ("A magnitude 6.1 earthquake struck central Chile on Monday, the USGS said. "
            "*[AP 1; also Reuters]*") in text
    assert "1. AP \u2014 date unknown" in text and "3. AP \u2014 date unknown" in text
