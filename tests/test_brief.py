"""The brief of the example: within budget, attributed, nothing repeated, no junk."""

from __future__ import annotations

import pytest

from newsweave import Article, brief, make_budget
from newsweave.errors import EmptyStoryError, InvalidOptionError, UnknownAlgorithmError
from newsweave.models import Brief, Story

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
