"""Centroid relevance, boosted by cross-source support and lead position."""

from __future__ import annotations

import numpy as np

from newsweave.models import Budget, Story
from newsweave.summarize.attribution import SUPPORT_THRESHOLD
from newsweave.summarize.base import Scored, Summarizer, fill_budget, require_sentences
from newsweave.summarize.eligibility import is_eligible, standalone_factor
from newsweave.summarize.registry import register
from newsweave.summarize.vectors import SentenceVectors


@register
class CentroidSummarizer(Summarizer):
    """Centroid similarity x cross-source support x lead position, redundancy filtered.

    Parameters
    ----------
    support_weight:
        How much a sentence gains when other outlets report the same fact (0 turns it off).
    position_weight:
        How much a sentence near the top of its article gains (news writes the lead first).
    redundancy:
        Cosine with an already chosen sentence above which a candidate is a repeat.
    """

    name = "centroid"

    def __init__(
        self, *, support_weight: float = 1.0, position_weight: float = 0.5,
        redundancy: float = 0.45,
    ) -> None:
        self.support_weight = support_weight
        self.position_weight = position_weight
        self.redundancy = redundancy

    def select(self, story: Story, budget: Budget) -> list[Scored]:
        sentences = require_sentences(story)
        vectors = SentenceVectors.build(sentences)
        similarity = vectors.similarity()
        scores = self._scores(story, vectors, similarity)
        order = sorted(range(len(sentences)), key=lambda i: (-scores[i], i))
        eligible = [i for i in order if is_eligible(sentences[i])] or order
        chosen: list[int] = []
        for row in eligible:
            if chosen and similarity[row, chosen].max() > self.redundancy:
                continue
            chosen.append(row)
        return fill_budget((Scored(sentences[i], float(scores[i])) for i in chosen), budget)

    def _scores(
        self, story: Story, vectors: SentenceVectors, similarity: np.ndarray
    ) -> np.ndarray:
        sentences = vectors.sentences
        article_of = np.array([s.article_id for s in sentences])
        others = max(len(story.articles) - 1, 1)
        support = np.array([
            len(set(article_of[(similarity[row] >= SUPPORT_THRESHOLD)
                               & (article_of != article_of[row])]))
            for row in range(len(sentences))
        ]) / others
        position = np.array([1.0 / np.sqrt(1.0 + s.index) for s in sentences])
        readable = np.array([standalone_factor(s) for s in sentences])
        return np.asarray(
            vectors.centroid_similarity()
            * (1.0 + self.support_weight * support)
            * (1.0 + self.position_weight * position)
            * readable
        )
