"""Maximal Marginal Relevance (Carbonell & Goldstein 1998): relevant, and new.

Each step takes the sentence with the best ``lambda * relevance - (1 - lambda) * (highest
cosine with a sentence already chosen)``, relevance being the cosine with the story's TF-IDF
centroid, until nothing more fits the budget.
"""

from __future__ import annotations

import numpy as np

from newsweave.errors import InvalidOptionError
from newsweave.models import Budget, Story
from newsweave.summarize.base import Scored, Summarizer, fill_budget, require_sentences
from newsweave.summarize.features import costs, eligible_rows
from newsweave.summarize.registry import register
from newsweave.summarize.selection import budget_limit, budgeted_greedy
from newsweave.summarize.vectors import SentenceVectors

TRADE_OFF = 0.7
"""lambda: the weight of relevance against novelty (0.7 is the usual choice for news)."""


def mmr_order(relevance: np.ndarray, similarity: np.ndarray, cost: np.ndarray, limit: float,
              trade_off: float) -> list[int]:
    """Rows in the order MMR takes them, each affordable when taken.

    Parameters
    ----------
    relevance:
        How relevant each row is.
    similarity:
        The row-by-row cosine matrix.
    cost, limit:
        Each row's cost and the total allowed.
    trade_off:
        lambda, between 0 (only novelty) and 1 (only relevance).

    Returns
    -------
    list of int
        The chosen rows in order of choice.
    """
    nearest = np.zeros(len(relevance))

    def value() -> np.ndarray:
        return np.asarray(trade_off * relevance - (1 - trade_off) * nearest)

    def take(row: int) -> None:
        np.maximum(nearest, similarity[row], out=nearest)

    return budgeted_greedy(value, take, cost, limit)


@register
class MMRSummarizer(Summarizer):
    """Maximal Marginal Relevance: centroid relevance traded against similarity to the chosen.

    Parameters
    ----------
    trade_off:
        lambda in [0, 1]: 1 ranks by relevance alone, 0 by novelty alone.

    Raises
    ------
    InvalidOptionError
        When ``trade_off`` is outside [0, 1].
    """

    name = "mmr"

    def __init__(self, *, trade_off: float = TRADE_OFF) -> None:
        if not 0.0 <= trade_off <= 1.0:
            raise InvalidOptionError(f"MMR trade_off must be within [0, 1], got {trade_off}")
        self.trade_off = trade_off

    def select(self, story: Story, budget: Budget) -> list[Scored]:
        sentences = require_sentences(story)
        rows = eligible_rows(sentences)
        candidates = tuple(sentences[i] for i in rows)
        vectors = SentenceVectors.build(candidates)
        relevance = vectors.centroid_similarity()
        order = mmr_order(relevance, vectors.similarity(), costs(candidates, budget),
                          budget_limit(budget), self.trade_off)
        return fill_budget((Scored(candidates[i], float(relevance[i])) for i in order), budget)
