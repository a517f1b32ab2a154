"""The default: the algorithm that measured best for the share of the input a budget keeps.

A summary that keeps a small share of its input (250 words of a 25-article DUC cluster's
17,000; 150 of the example's 2,000) must cover what many articles repeat without saying it
twice, which `mmr` does best. A summary that keeps a large share (260 words of a Multi-News
cluster's 450) keeps most sentences anyway: the question is which few to drop, and a scorer
learned from tens of thousands of editors' summaries (`learned`) answers it best.

Measured by running both on the same inputs at many shares (docs/benchmarks.md, "Which
algorithm is the default"): on DUC clusters cut to their first 1-10 articles, `learned` loses
(-0.1 to -3.2 R-1 recall) where the budget keeps under 0.3 of the input and ties `mmr` (-0.2
to +0.5) where it keeps more; on Multi-News it wins at every length, by 1.0-1.2 R-1 and
1.5-1.6 R-2 F1 from a share of 0.34 up. :data:`LEARNED_FROM_SHARE` sits where neither loses.
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
