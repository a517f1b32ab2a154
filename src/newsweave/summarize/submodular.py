"""Budgeted submodular summarization (Lin & Bilmes 2011): coverage plus diversity.

The summary S maximises ``f(S) = L(S) + lambda * R(S)`` within the budget, where

* coverage ``L(S) = sum_i min(C_i(S), alpha * C_i(V))`` with ``C_i(S) = sum_{j in S} w_ij``:
  every sentence i of the story should be resembled by the summary, but only up to a share
  ``alpha`` of how much the whole story resembles it (saturation rewards breadth);
* diversity ``R(S) = sum_k sqrt(sum_{j in S in cluster k} r_j)`` with ``r_j`` the mean
  cosine of j: the square root makes a second sentence from one cluster worth less than a
  first one from another.

Both are monotone submodular, so the cost-scaled greedy is within a constant factor of the
optimum. Clusters are k-means over a truncated SVD of the TF-IDF vectors, seeded, so the
summary is deterministic.
"""

from __future__ import annotations

import numpy as np

from newsweave.models import Budget, Story
from newsweave.summarize.base import Scored, Summarizer, fill_budget, require_sentences
from newsweave.summarize.features import costs, eligible_rows
from newsweave.summarize.registry import register
from newsweave.summarize.selection import (
    COST_SCALING,
    budget_limit,
    budgeted_greedy,
    then_fill,
)
from newsweave.summarize.vectors import SentenceVectors

SATURATION = 5.0
"""a in alpha = a / N: how many sentences' worth of resemblance saturates coverage (Lin &
Bilmes tuned a between 5 and 10 on DUC)."""
DIVERSITY = 6.0
"""lambda, the weight of the diversity reward (Lin & Bilmes' best on DUC 2004 was 6)."""
SENTENCES_PER_CLUSTER = 5
"""k-means makes one cluster per this many sentences (Lin & Bilmes used K = 0.2 N)."""
SVD_DIMENSIONS = 30
"""Dimensions of the TF-IDF vectors clustered: enough for topics, cheap for k-means."""


def clusters(vectors: SentenceVectors) -> np.ndarray:
    """A cluster label per sentence: seeded k-means over a truncated SVD of the vectors."""
    size = len(vectors.sentences)
    count = max(1, size // SENTENCES_PER_CLUSTER)
    dimensions = min(SVD_DIMENSIONS, min(vectors.matrix.shape) - 1)
    if count == 1 or dimensions < 1:
        return np.zeros(size, dtype=np.int64)
    from scipy.cluster.vq import kmeans2  # loaded on use: they cost every run's start-up
    from scipy.sparse.linalg import svds

    left, singular, _ = svds(vectors.matrix, k=dimensions, random_state=0)
    _, labels = kmeans2(left * singular, count, seed=0, minit="++")
    return np.asarray(labels, dtype=np.int64)


def submodular_order(similarity: np.ndarray, labels: np.ndarray, cost: np.ndarray,
                     limit: float, diversity: float = DIVERSITY,
                     saturation: float = SATURATION) -> list[int]:
    """Rows chosen by the cost-scaled greedy on coverage + diversity.

    Parameters
    ----------
    similarity:
        Non-negative row-by-row similarity.
    labels:
        Each row's cluster.
    cost, limit:
        Each row's cost and the total allowed.
    diversity, saturation:
        lambda and a of the objective.

    Returns
    -------
    list of int
        The chosen rows in order of choice.
    """
    size = len(cost)
    cap = saturation / size * similarity.sum(axis=0)
    reward = similarity.mean(axis=0)
    covered = np.zeros(size)
    mass = np.zeros(int(labels.max()) + 1)

    def value() -> np.ndarray:
        base = np.minimum(covered, cap).sum()
        coverage_gain = np.minimum(covered[:, None] + similarity, cap[:, None]).sum(axis=0) - base
        diversity_gain = np.sqrt(mass[labels] + reward) - np.sqrt(mass[labels])
        gain = coverage_gain + diversity * diversity_gain
        return np.asarray(gain / np.maximum(cost, 1.0) ** COST_SCALING)

    def take(row: int) -> None:
        covered[:] += similarity[:, row]
        mass[labels[row]] += reward[row]

    return budgeted_greedy(value, take, cost, limit)


@register
class SubmodularSummarizer(Summarizer):
    """Saturated coverage plus cluster diversity, budgeted greedy (Lin & Bilmes 2011).

    Parameters
    ----------
    diversity:
        lambda, the weight of the diversity reward.
    saturation:
        a: coverage of a sentence saturates at a / N of what the whole story gives it.
    """

    name = "submodular"

    def __init__(self, *, diversity: float = DIVERSITY, saturation: float = SATURATION
                 ) -> None:
        self.diversity = diversity
        self.saturation = saturation

    def select(self, story: Story, budget: Budget) -> list[Scored]:
        sentences = require_sentences(story)
        rows = eligible_rows(sentences)
        candidates = tuple(sentences[i] for i in rows)
        vectors = SentenceVectors.build(candidates)
        similarity = vectors.similarity()
        order = submodular_order(similarity, clusters(vectors), costs(candidates, budget),
                                 budget_limit(budget), self.diversity, self.saturation)
        relevance = similarity.mean(axis=0)
        return then_fill(sentences, fill_budget(
            (Scored(candidates[i], float(relevance[i])) for i in order), budget), budget)
