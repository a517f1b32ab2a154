"""The data model round-trips through JSON losslessly, at every level."""

from __future__ import annotations

import json
from datetime import date

import pytest

from newsweave import brief
from newsweave.models import (
    Article,
    Brief,
    Budget,
    Claim,
    Entity,
    Mention,
    Quote,
    SentenceRef,
    Statement,
    Story,
    TimelineEvent,
)


def test_brief_of_example_round_trips_through_json(example_story: Story) -> None:
    made = brief(example_story)
    text = json.dumps(made.to_dict())
    assert Brief.from_dict(json.loads(text)) == made


def test_analysis_sections_round_trip() -> None:
    ref = SentenceRef("bbc", 3)
    article = Article(id="bbc", text="Bakiyev left.", published=date(2010, 4, 15))
    made = Brief(
        story=Story(articles=(article,), id="s1", title="T"),
        summary=(),
        budget=Budget(10, "sentences"),
        algorithm="centroid",
        entities=(Entity("Kurmanbek Bakiyev", "PERSON", ("Bakiev",),
                         (Mention("bbc", 0, 7, "Bakiyev"),)),),
        timeline=(TimelineEvent(date(2010, 4, 7), "7 April", "uprising", (ref,), "day"),
                  TimelineEvent(date(2010, 4, 14), "April 14", "aid", (ref,), "day", True),
                  TimelineEvent(None, "last Wednesday", "unrest", (ref,))),
        claims=(Claim("conflict", "death toll", (Statement(ref, "at least 80", "80"),),
                      "numbers differ"),),
        quotes=(Quote("Ilyas Omarov", "He left on Sunday.", ref),),
        warnings=("skipped x",),
    )
    assert Brief.from_dict(json.loads(json.dumps(made.to_dict()))) == made


def test_sentence_offsets_point_into_article_text(example_story: Story) -> None:
    for article in example_story.articles:
        for sentence in article.sentences:
            assert article.text[sentence.start:sentence.end] == sentence.text
            assert sentence.article_id == article.id


@pytest.mark.parametrize("limit, unit", [(0, "words"), (5, "lines")])
def test_budget_rejects_bad_values(limit: int, unit: str) -> None:
    with pytest.raises(ValueError, match="Budget"):
        Budget(limit, unit)  # type: ignore[arg-type]


def test_budget_costs() -> None:
    assert Budget(10, "words").cost("Bakiyev flew to Kazakhstan.") == 4
    assert Budget(10, "bytes").cost("Café") == 5
    assert Budget(10, "sentences").cost("Any sentence at all.") == 1
