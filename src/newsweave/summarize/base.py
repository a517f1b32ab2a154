"""The one interface every summarizer implements, and the budget-filling every one shares.

A summarizer is configured in its constructor (keyword parameters only, stored as given, as in
scikit-learn's ``BaseEstimator``) and asked on call: ``select(story, budget)`` returns the
chosen sentences with their scores, in any order, never over the budget. Attribution and
ordering for the reader happen after selection, the same way for every algorithm
(:mod:`newsweave.summarize.attribution`).
"""

from __future__ import annotations

import inspect
from abc import ABC, abstractmethod
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, ClassVar

from newsweave.errors import EmptyStoryError
from newsweave.models import Budget, Sentence, Story


@dataclass(frozen=True, slots=True)
class Scored:
    """A sentence and how much a summarizer wants it."""

    sentence: Sentence
    score: float


class Summarizer(ABC):
    """Base class of the selection algorithms; subclasses register under ``name``."""

    name: ClassVar[str]

    @abstractmethod
    def select(self, story: Story, budget: Budget) -> list[Scored]:
        """The sentences of ``story`` that best summarize it within ``budget``.

        Raises
        ------
        EmptyStoryError
            When the story has no sentence.
        """

    def for_story(self, story: Story, budget: Budget) -> Summarizer:
        """The summarizer that selects for this story and budget: itself, unless it is a
        choice between others (``auto``), so a brief can name the one that chose."""
        return self

    def get_params(self) -> dict[str, Any]:
        """The constructor's keyword parameters and their current values."""
        parameters = inspect.signature(type(self).__init__).parameters.values()
        return {p.name: getattr(self, p.name) for p in parameters
                if p.name != "self" and p.kind is p.KEYWORD_ONLY}

    def __repr__(self) -> str:
        params = ", ".join(f"{k}={v!r}" for k, v in self.get_params().items())
        return f"{type(self).__name__}({params})"


def require_sentences(story: Story) -> tuple[Sentence, ...]:
    """The story's sentences; raises :class:`EmptyStoryError` when there are none."""
    sentences = story.sentences
    if not sentences:
        raise EmptyStoryError(
            f"story {story.id or '(unnamed)'} has no sentence to summarize "
            f"({len(story.articles)} article(s), all empty)"
        )
    return sentences


def fill_budget(ranked: Iterable[Scored], budget: Budget) -> list[Scored]:
    """Take sentences best first while they fit; a sentence too long is passed over, not
    the end of the search, so a short good sentence can still fill the last words."""
    chosen: list[Scored] = []
    spent = 0
    for item in ranked:
        cost = budget.cost(item.sentence.text) + (1 if budget.unit == "bytes" and chosen else 0)
        if spent + cost <= budget.limit:
            chosen.append(item)
            spent += cost
    return chosen
