"""What a brief compares pair by pair in a story too large to compare whole."""

from __future__ import annotations

from newsweave.models import Story
from newsweave.summarize.candidates import (
    LEAD_SENTENCES,
    bounded_note,
    candidate_story,
    nearest_reports,
)


def test_a_story_within_the_bound_is_left_as_it_is(example_story: Story) -> None:
    count = len(example_story.sentences)
    assert candidate_story(example_story, count) is example_story
    assert nearest_reports(example_story, count) is example_story
    assert bounded_note(example_story, limit=count) is None


def test_candidates_are_each_reports_lead_then_the_most_central(example_story: Story) -> None:
    leads = [s for s in example_story.sentences if s.index < LEAD_SENTENCES]
    limit = len(leads) + 10
    bounded = candidate_story(example_story, limit)
    kept = bounded.sentences
    assert len(kept) == limit
    assert set(leads) <= set(kept)
    # every report stays, its sentences the story's own (same index, same text)
    assert [a.id for a in bounded.articles] == [a.id for a in example_story.articles]
    assert all(example_story.sentence(s.ref) == s for s in kept)


def test_nearest_reports_are_whole_in_story_order_within_the_bound(
    example_story: Story
) -> None:
    sizes = [len(a.sentences) for a in example_story.articles]
    limit = sum(sizes) - min(sizes)
    compared = nearest_reports(example_story, limit)
    assert 0 < len(compared.sentences) <= limit
    assert len(compared.articles) < len(example_story.articles)
    chosen = {a.id for a in compared.articles}
    assert [a.id for a in compared.articles] == [
        a.id for a in example_story.articles if a.id in chosen]
    assert all(a == example_story.article(a.id) for a in compared.articles)


def test_the_note_says_what_was_compared(example_story: Story) -> None:
    count = len(example_story.sentences)
    note = bounded_note(example_story, limit=50)
    assert note is not None
    assert note.startswith(f"the story holds {count} sentences, more than a brief compares "
                           "pair by pair (50): the summary was chosen among the 50 that lead")
    assert "reports nearest its centre" in note
    summary_only = bounded_note(example_story, claims=False, limit=50)
    assert summary_only is not None and "conflicts" not in summary_only


def test_the_note_says_when_no_two_reports_could_be_compared(example_story: Story) -> None:
    longest = max(len(a.sentences) for a in example_story.articles)
    note = bounded_note(example_story, limit=longest)
    assert note is not None
    assert note.endswith("; no conflicts, agreements or single-source facts were sought: "
                         "they compare whole reports, and fewer than two of its reports fit in "
                         f"{longest} sentences")
    alone = Story(articles=example_story.articles[:1])
    assert "conflicts" not in (bounded_note(alone, limit=5) or "")
