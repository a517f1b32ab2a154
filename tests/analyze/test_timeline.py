"""build_timeline: events linked to sentences and sources, merged across sources, sorted."""

from __future__ import annotations

from datetime import date

from newsweave.analyze.timeline import build_timeline, describe_when
from newsweave.models import Article, Story, TimelineEvent
from newsweave.text import split_article


def _story(*reports: tuple[str, str, date | None]) -> Story:
    return Story(tuple(
        split_article(Article(id=source.lower(), text=text, source=source, published=published))
        for source, text, published in reports
    ))


def _sources(story: Story, event: TimelineEvent) -> list[str]:
    return sorted({story.article(ref.article_id).label for ref in event.sentences})


def test_the_example_timeline(example_story: Story) -> None:
    events = build_timeline(example_story)
    dated = [(e.when, e.granularity, e.expression, e.year_inferred) for e in events if e.when]
    # Only the BBC report has a date (Thursday 15 April 2010), so only its dates resolve, and
    # RFE/RL's "April 14" takes its year from it.
    assert dated == [
        (date(2010, 1, 1), "year", "this year", False),
        (date(2010, 4, 7), "day", "7 April", False),
        (date(2010, 4, 14), "day", "late on April 14", True),
        (date(2010, 4, 14), "day", "April 14", True),
        (date(2010, 4, 15), "day", "Thursday", False),
    ]
    assert {s for e in events if e.year_inferred for s in _sources(example_story, e)} == \
        {"RFE/RL"}
    uprising = next(e for e in events if e.when == date(2010, 4, 7))
    assert _sources(example_story, uprising) == ["BBC"]
    assert "7 April uprising" in uprising.text
    undated = events[len(dated):]
    assert undated and all(e.when is None for e in undated)
    assert {"Al Jazeera", "CNN", "RFE/RL"} == {
        s for e in undated for s in _sources(example_story, e)}
    wednesday = next(e for e in undated if e.expression == "last Wednesday")
    assert _sources(example_story, wednesday) == ["Al Jazeera"]
    assert "last Wednesday" in describe_when(wednesday)
    assert "no publication date" in describe_when(wednesday)


def test_every_event_points_at_sentences_that_state_its_date(example_story: Story) -> None:
    for event in build_timeline(example_story):
        texts = [example_story.sentence(ref).text for ref in event.sentences]
        assert any(event.expression in text for text in texts), event


def test_same_day_same_event_merges_across_sources() -> None:
    story = _story(
        ("BBC", "Deposed president Kurmanbek Bakiyev flew to Kazakhstan on Thursday, "
                "officials in Bishkek said.\n\nShops reopened in Bishkek on Thursday after "
                "a week of looting.", date(2010, 4, 15)),
        ("Reuters", "Kurmanbek Bakiyev flew out of Kyrgyzstan to Kazakhstan on April 15, "
                    "his aides said.", date(2010, 4, 16)),
        ("CNN", "Bakiyev left the country on Thursday for Kazakhstan.", None),
    )
    events = build_timeline(story)
    flight, shops = (e for e in events if e.when == date(2010, 4, 15))
    assert _sources(story, flight) == ["BBC", "Reuters"]
    assert _sources(story, shops) == ["BBC"]
    # The undated report's Thursday is not guessed, so it is not merged either.
    (undated,) = (e for e in events if e.when is None)
    assert (undated.expression, _sources(story, undated)) == ("Thursday", ["CNN"])
    assert events[-1] is undated


def test_events_sort_by_date_coarser_first_and_vague_dates_are_left_out() -> None:
    story = _story(("AP", "Parliament was dissolved on June 3, 2009.\n\n"
                          "Elections were held in June 2009 amid protests.\n\n"
                          "Prices rose in the third quarter.\n\n"
                          "Violence has recently returned to the south.\n\n"
                          "The new constitution was adopted in 2010 by referendum.",
                    date(2010, 7, 1)))
    events = build_timeline(story)
    assert [(e.when, e.granularity) for e in events] == [
        (date(2009, 6, 1), "month"), (date(2009, 6, 3), "day"), (date(2010, 1, 1), "year")]
    assert describe_when(events[0]) == "June 2009"


def test_articles_without_sentences_are_split_first() -> None:
    article = Article(id="a", text="The uprising began on 7 April 2010 in Talas.",
                      source="AP")
    (event,) = build_timeline(Story((article,)))
    assert (event.when, event.sentences[0].article_id) == (date(2010, 4, 7), "a")


def test_undated_expressions_in_one_sentence_stay_apart() -> None:
    story = _story(("CNN", '"He left on Sunday, after the talks of last Thursday," '
                           "the spokesman said.", None))
    assert [(e.when, e.expression) for e in build_timeline(story)] == [
        (None, "Sunday"), (None, "last Thursday")]


def test_undated_report_takes_only_the_year_from_the_story() -> None:
    story = _story(
        ("BBC", "Kurmanbek Bakiyev flew to Kazakhstan on Thursday, officials said.",
         date(2010, 4, 15)),
        ("RFE/RL", "On April 14, Russia pledged $50 million in aid to Kyrgyzstan. Bakiyev "
                   "left on Sunday, an aide said.", None),
    )
    events = build_timeline(story)
    pledge = next(e for e in events if e.expression == "April 14")
    assert (pledge.when, pledge.year_inferred) == (date(2010, 4, 14), True)
    # A weekday needs the report's own date, which the other reports do not tell.
    sunday = next(e for e in events if e.expression == "Sunday")
    assert sunday.when is None and not sunday.year_inferred


def test_no_year_from_a_story_followed_over_years() -> None:
    story = _story(
        ("AP", "The tunnel opened on Friday after years of work.", date(1994, 5, 6)),
        ("Reuters", "Traffic through the tunnel rose again, officials said.", date(1997, 3, 2)),
        ("AFP", "On April 14, the operator cut its fares.", None),
    )
    fares = next(e for e in build_timeline(story) if e.expression == "April 14")
    assert fares.when is None and not fares.year_inferred
