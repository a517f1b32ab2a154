"""The default, ``auto``: which algorithm it hands a story to, and that the brief names it."""

from __future__ import annotations

from pathlib import Path

import newsweave
from newsweave.models import Budget, Story
from newsweave.summarize import DEFAULT_ALGORITHM, create


def _words(story: Story) -> int:
    return sum(len(sentence.text.split()) for sentence in story.sentences)


def test_the_default_is_auto() -> None:
    assert DEFAULT_ALGORITHM == "auto"
    assert create("default").name == "auto"


def test_a_short_summary_of_many_words_is_mmrs(example_story: Story) -> None:
    budget = Budget(150, "words")
    assert 150 / _words(example_story) < 0.3
    chosen = create("auto").for_story(example_story, budget)
    assert chosen.name == "mmr"
    assert create("auto").select(example_story, budget) == chosen.select(example_story, budget)


def test_a_summary_that_keeps_most_of_its_input_is_learneds(example_story: Story) -> None:
    budget = Budget(int(_words(example_story) * 0.5), "words")
    chosen = create("auto").for_story(example_story, budget)
    assert chosen.name == "learned"
    assert create("auto").select(example_story, budget) == chosen.select(example_story, budget)


def test_the_share_is_measured_in_the_budgets_unit(example_story: Story) -> None:
    sentences = len(example_story.sentences)
    assert create("auto").for_story(example_story, Budget(3, "sentences")).name == "mmr"
    assert create("auto").for_story(
        example_story, Budget(sentences // 2, "sentences")).name == "learned"


def test_the_brief_names_the_algorithm_that_chose(example_dir: Path) -> None:
    assert newsweave.brief(example_dir, words=150, analysis=False).algorithm == "mmr"
    assert newsweave.brief(example_dir, words=150, analysis=False,
                           algorithm="learned").algorithm == "learned"
