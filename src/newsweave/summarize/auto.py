"""The default: the algorithm that measured best for the share of the input a budget keeps.

A summary that keeps a small share of its input (250 words of a 25-article DUC cluster's
17,000; 150 of the example's 2,000) must cover what many articles repeat without saying it
twice, which `mmr` does best. A summary that keeps a large share (260 words of a Multi-News
cluster's 450) keeps most sentences anyway: the question is which few to drop, and a scorer
learned from tens of thousands of editors' summaries (`learned`) answers it best.

Measured by running both on the same inputs at many shares (docs/bench/summarize.md, "The
default"): on DUC clusters cut to their first 1-25 articles, `learned` loses 1.3-1.8 R-1
recall below a share of 0.15 and ties `mmr` from 0.3 up; on Multi-News it wins by 1.1-1.5
R-1 and 1.5-2.2 R-2 F1 from 0.2 up. :data:`LEARNED_FROM_SHARE` sits where neither loses.
"""

from __future__ import annotations

from newsweave.models import Budget, Story
from newsweave.summarize.base import Scored, Summarizer, require_sentences
from newsweave.summarize.registry import create, register

LEARNED_FROM_SHARE = 0.3
"""Share of the input's length (in the budget's unit) from which ``learned`` summarizes."""


@register
class AutoSummarizer(Summarizer):
    """mmr for a summary that keeps a small share of its input, learned for a large one."""

    name = "auto"

    def __init__(self, *, learned_from_share: float = LEARNED_FROM_SHARE) -> None:
        self.learned_from_share = learned_from_share

    def for_story(self, story: Story, budget: Budget) -> Summarizer:
        length = sum(budget.cost(sentence.text) for sentence in require_sentences(story))
        share = budget.limit / length
        return create("learned" if share >= self.learned_from_share else "mmr")

    def select(self, story: Story, budget: Budget) -> list[Scored]:
        return self.for_story(story, budget).select(story, budget)
