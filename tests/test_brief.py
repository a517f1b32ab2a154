"""The brief of the example: within budget, attributed, nothing repeated, no junk."""

from __future__ import annotations

import pytest

from newsweave import Article, brief, make_budget
from newsweave.api import MAX_STORY_SENTENCES
from newsweave.errors import (
    EmptyStoryError,
    InvalidOptionError,
    StoryTooLargeError,
    UnknownAlgorithmError,
)
from newsweave.models import Brief, Sentence, Story

JUNK_MARKERS = ("Print Sponsor", "Skip to", "Click to play", "Video:", "Gallery:", "By Ivan",
                "hrs ago", "Interview:", "Profile:")


@pytest.fixture(scope="module")
def example_brief(example_story: Story) -> Brief:
    return brief(example_story)


def test_about_150_words_every_sentence_attributed(example_brief: Brief) -> None:
    words = sum(len(item.sentence.text.split()) for item in example_brief.summary)
    assert 120 <= words <= 150
    for item in example_brief.summary:
        assert example_brief.sources_of(item)[0] == example_brief.story.article(
            item.sentence.article_id).source


def test_no_junk_and_nothing_repeated(example_brief: Brief) -> None:
    texts = [item.sentence.text for item in example_brief.summary]
    assert len(set(texts)) == len(texts)
    assert not any(marker in text for text in texts for marker in JUNK_MARKERS)
    departures = [t for t in texts if "Kazakhstan" in t and ("flown" in t or "flies" in t)]
    assert len(departures) <= 1  # three outlets report the flight; it is said once


def test_fact_reported_by_several_outlets_lists_them(example_brief: Brief) -> None:
    lead = example_brief.summary[0]
    assert "left the country and flown to neighbouring Kazakhstan" in lead.sentence.text
    assert example_brief.sources_of(lead) == ("BBC", "RFE/RL", "CNN")


def test_support_points_at_matching_sentences_of_other_articles(example_brief: Brief) -> None:
    story = example_brief.story
    for item in example_brief.summary:
        for ref in item.support:
            assert ref.article_id != item.sentence.article_id
            assert story.sentence(ref).article_id == ref.article_id


def test_summary_follows_reading_order_not_score(example_brief: Brief) -> None:
    positions = []
    for item in example_brief.summary:
        refs = (item.sentence.ref, *item.support)
        positions.append(min(
            r.index / len(example_brief.story.article(r.article_id).sentences) for r in refs))
    assert positions == sorted(positions)


@pytest.mark.parametrize("budget, check", [
    ({"sentences": 3}, lambda b: len(b.summary) == 3),
    ({"bytes": 400}, lambda b: len(" ".join(s.sentence.text for s in b.summary).encode()) <= 400),
    ({"words": 60}, lambda b: sum(len(s.sentence.text.split()) for s in b.summary) <= 60),
])
def test_budgets_are_respected(example_story: Story, budget: dict[str, int], check: object
                               ) -> None:
    made = brief(example_story, **budget)
    assert made.summary and check(made)  # type: ignore[operator]


def test_brief_from_paths_and_from_articles(example_dir: object) -> None:
    from_paths = brief([example_dir])  # type: ignore[list-item]
    articles = [Article(id=a.id, text=a.text, source=a.source) for a in from_paths.story.articles]
    from_articles = brief(articles)
    assert [s.sentence.text for s in from_articles.summary] == [
        s.sentence.text for s in from_paths.summary]


def test_errors(example_story: Story) -> None:
    with pytest.raises(InvalidOptionError, match="give one budget, not words and bytes"):
        make_budget(words=10, bytes=10)
    with pytest.raises(InvalidOptionError, match="at least 1"):
        make_budget(sentences=0)
    with pytest.raises(UnknownAlgorithmError, match="no summarizer named 'magic'; available:"):
        brief(example_story, algorithm="magic")
    with pytest.raises(EmptyStoryError, match="no sentence"):
        brief(Story(articles=(Article(id="x", text=""),)))


def test_every_error_a_caller_may_catch_is_importable_from_the_package() -> None:
    # README names these; a caller writes `except newsweave.StoryTooLargeError`.
    import newsweave
    import newsweave.errors

    for name in ("NewsweaveError", "IngestError", "NoArticleError", "EmptyStoryError",
                 "StoryTooLargeError", "UnknownAlgorithmError", "MissingExtraError",
                 "InvalidOptionError"):
        assert getattr(newsweave, name) is getattr(newsweave.errors, name)
        assert name in newsweave.__all__


def test_brief_has_analysis_sections(example_story: Story) -> None:
    made = brief(example_story)
    names = {variant for entity in made.entities for variant in entity.variants}
    assert {"Bakiyev", "Bakiev"} <= names
    assert any(claim.kind == "conflict" and "death" in claim.topic for claim in made.claims)
    assert any(quote.speaker == "Ilyas Omarov" for quote in made.quotes)
    assert brief(example_story, analysis=False).entities == ()


def test_cover_conflicts_puts_each_version_in_the_summary(example_story: Story) -> None:
    def death_toll_versions(made: Brief) -> int:
        (toll,) = [c for c in made.claims if c.kind == "conflict" and "death" in c.topic]
        chosen = {item.sentence.ref for item in made.summary}
        return sum(statement.ref in chosen for statement in toll.statements)

    plain = brief(example_story)
    covered = brief(example_story, cover_conflicts=True)
    assert death_toll_versions(covered) >= 2 > death_toll_versions(plain)
    assert sum(len(item.sentence.text.split()) for item in covered.summary) <= 150
    assert covered.summary[0].sentence.text == plain.summary[0].sentence.text


def test_timeline_resolves_dated_reports_only(example_story: Story) -> None:
    from datetime import date

    made = brief(example_story)
    dated = {(event.when, event.expression) for event in made.timeline if event.when}
    assert (date(2010, 4, 7), "7 April") in dated
    assert (date(2010, 4, 15), "Thursday") in dated
    undated = {event.expression for event in made.timeline if event.when is None}
    assert "last Wednesday" in undated  # Al Jazeera's report has no date: nothing is guessed


FLOOD_LINES = (
    "Floodwater reached the centre of {town} early on Monday, and residents moved to higher "
    "ground.",
    "The regional governor of {town} said rescue teams had evacuated {n} families overnight.",
    "Engineers warned that the dam above {town} could give way if the rain continued.",
    "Schools in {town} were closed and the market stayed shut for a second day.",
    "Volunteers in {town} filled sandbags along the river bank through the night.",
    "The emergencies ministry sent boats and tents to {town} on Tuesday morning.",
    "Farmers near {town} said the flood had destroyed most of this year's wheat.",
    "Power was cut to parts of {town} after a substation was flooded.",
)
TOWNS = ("Osh", "Jalal-Abad", "Bishkek", "Naryn", "Talas", "Karakol", "Batken", "Tokmok",
         "Kant", "Balykchy", "Uzgen", "Kara-Balta")


def _live_blog(number: int, sentences: int) -> Article:
    """A rolling report of a flood: varied sentences, ``sentences`` of them."""
    text = " ".join(
        FLOOD_LINES[(number + j) % len(FLOOD_LINES)].format(
            town=TOWNS[(number * 5 + j) % len(TOWNS)], n=20 + (number + j) % 7)
        for j in range(sentences))
    return Article(id=f"blog-{number}", text=text, source=f"Outlet {number}")


def test_a_story_over_what_a_brief_compares_briefs_and_says_what_it_compared() -> None:
    """Three live blogs of 1,800 sentences (5,400, over the 5,000 a brief compares pair by
    pair, once refused): a summary within budget, claims from the two blogs nearest the
    story's centre, and a warning saying so."""
    made = brief([_live_blog(k, 1_800) for k in range(3)])
    assert len(made.story.sentences) == 5_400
    assert made.warnings == (
        "the story holds 5,400 sentences, more than a brief compares pair by pair (5,000): "
        "the summary was chosen among the 5,000 that lead their reports or stand nearest the "
        "story's centre, and conflicts, agreements and single-source facts were sought among "
        "the 2 of 3 reports nearest its centre (3,600 sentences)",)
    words = sum(len(item.sentence.text.split()) for item in made.summary)
    assert 120 <= words <= 150
    assert made.claims
    compared = {st.ref.article_id for claim in made.claims for st in claim.statements}
    assert len(compared) == 2
    assert any(item.support for item in made.summary)  # attribution reads every blog


def test_a_story_beyond_what_a_brief_reads_is_refused() -> None:
    sentences = tuple(Sentence("wire", k, 0, 0, f"Gauge {k} read {k % 9} metres.")
                      for k in range(MAX_STORY_SENTENCES + 1))
    story = Story(articles=(Article(id="wire", text="", sentences=sentences),))
    with pytest.raises(StoryTooLargeError, match=(
            r"^the reports hold 50,001 sentences; a brief reads at most 50,000 \(some 1,800 "
            r"news reports\): give fewer or shorter reports$")):
        brief(story)
