"""Centroid relevance, boosted by cross-source support and lead position."""

from __future__ import annotations

import numpy as np

from newsweave.models import Budget, Story
from newsweave.summarize.base import Scored, Summarizer, require_sentences
from newsweave.summarize.eligibility import standalone_factor
from newsweave.summarize.features import ranked_rows, support
from newsweave.summarize.registry import register
from newsweave.summarize.selection import take_nonredundant
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
        return take_nonredundant(sentences, scores, ranked_rows(sentences, scores), similarity,
                                 self.redundancy, budget)

    def _scores(
        self, story: Story, vectors: SentenceVectors, similarity: np.ndarray
    ) -> np.ndarray:
        sentences = vectors.sentences
        shared = support(sentences, similarity, len(story.articles))
        position = np.array([1.0 / np.sqrt(1.0 + s.index) for s in sentences])
        readable = np.array([standalone_factor(s) for s in sentences])
        return np.asarray(
            vectors.centroid_similarity()
            * (1.0 + self.support_weight * shared)
            * (1.0 + self.position_weight * position)
            * readable
        )
