"""LexRank (Erkan & Radev 2004): a sentence is central when central sentences resemble it.

Sentences are nodes, TF-IDF cosines at or above a threshold are edges, and the stationary
distribution of a damped random walk over them (PageRank) is each sentence's centrality.
Selection then takes the most central sentences, skipping repeats.
"""

from __future__ import annotations

import numpy as np

from newsweave.models import Budget, Story
from newsweave.summarize.base import Scored, Summarizer, require_sentences
from newsweave.summarize.features import ranked_rows
from newsweave.summarize.registry import register
from newsweave.summarize.selection import take_nonredundant
from newsweave.summarize.vectors import SentenceVectors

EDGE_THRESHOLD = 0.1
"""Cosine at which two sentences are linked; Erkan & Radev's best on DUC 2004 was 0.1."""
DAMPING = 0.85
"""Probability that the walk follows an edge rather than jumps anywhere (PageRank's)."""
TOLERANCE = 1e-6
"""The power iteration stops when no score moves by more than this."""
MAX_ITERATIONS = 200
"""A walk on a connected graph converges in far fewer steps; this only bounds the worst case."""


def centrality(similarity: np.ndarray, threshold: float = EDGE_THRESHOLD,
               damping: float = DAMPING) -> np.ndarray:
    """The LexRank score of each sentence: PageRank over the thresholded cosine graph.

    Parameters
    ----------
    similarity:
        The square sentence-by-sentence cosine matrix.
    threshold:
        Cosines below it are not edges.
    damping:
        Probability of following an edge at each step.

    Returns
    -------
    numpy.ndarray
        Scores that sum to 1.
    """
    size = similarity.shape[0]
    adjacency = (similarity >= threshold).astype(np.float64)
    np.fill_diagonal(adjacency, 0.0)  # no self-votes: an isolated sentence would keep its mass
    degree = adjacency.sum(axis=1, keepdims=True)
    transition = np.divide(adjacency, degree, out=np.full_like(adjacency, 1.0 / size),
                           where=degree > 0)
    scores = np.full(size, 1.0 / size)
    for _ in range(MAX_ITERATIONS):
        updated = (1.0 - damping) / size + damping * (transition.T @ scores)
        if np.abs(updated - scores).max() < TOLERANCE:
            return np.asarray(updated, dtype=np.float64)
        scores = updated
    return scores


@register
class LexRankSummarizer(Summarizer):
    """LexRank centrality over the TF-IDF cosine graph (Erkan & Radev 2004), repeats skipped.

    Parameters
    ----------
    threshold:
        Cosine at which two sentences are linked in the graph.
    redundancy:
        Cosine with an already chosen sentence above which a candidate is a repeat.
    """

    name = "lexrank"

    def __init__(self, *, threshold: float = EDGE_THRESHOLD, redundancy: float = 0.5) -> None:
        self.threshold = threshold
        self.redundancy = redundancy

    def select(self, story: Story, budget: Budget) -> list[Scored]:
        sentences = require_sentences(story)
        similarity = SentenceVectors.build(sentences).similarity()
        scores = centrality(similarity, self.threshold)
        return take_nonredundant(sentences, scores, ranked_rows(sentences, scores), similarity,
                                 self.redundancy, budget)
