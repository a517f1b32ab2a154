"""Maximal Marginal Relevance (Carbonell & Goldstein 1998): relevant, and new.

Each step takes the sentence with the best ``lambda * relevance - (1 - lambda) * (highest
cosine with a sentence already chosen)``, relevance being the cosine with the story's TF-IDF
centroid times how well the sentence reads alone (:func:`~newsweave.summarize.eligibility.
standalone_factor`: a reporter's "I" or an opening "It said" cost it), until nothing more
fits; short sentences then fill what budget is left. It is the default algorithm: the best
of ours on DUC 2006 and 2007 and the fastest (docs/bench/summarize.md).
"""

from __future__ import annotations

import numpy as np

from newsweave.errors import InvalidOptionError
from newsweave.models import Budget, Sentence, Story
from newsweave.summarize.base import Scored, Summarizer, fill_budget, require_sentences
from newsweave.summarize.eligibility import standalone_factor
from newsweave.summarize.features import costs, eligible_rows, ranked_rows
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
    """Maximal Marginal Relevance: centroid relevance against similarity to the chosen (default).

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
        centrality, similarity = self.centrality_and_similarity(sentences)
        relevance = centrality * np.array([standalone_factor(s) for s in sentences])
        rows = eligible_rows(sentences)
        order = mmr_order(relevance[rows], similarity[np.ix_(rows, rows)],
                          costs(tuple(sentences[i] for i in rows), budget),
                          budget_limit(budget), self.trade_off)
        taken = set(rows.tolist())
        fillers = [i for i in ranked_rows(sentences, relevance) if i not in taken]
        return fill_budget((Scored(sentences[i], float(relevance[i]))
                            for i in [int(rows[k]) for k in order] + fillers), budget)

    def centrality_and_similarity(self, sentences: tuple[Sentence, ...]
                                  ) -> tuple[np.ndarray, np.ndarray]:
        """Each sentence's cosine with the story's centroid, and the sentence-by-sentence
        cosine matrix: here of TF-IDF vectors; :mod:`~newsweave.summarize.semantic` swaps in
        sentence embeddings."""
        vectors = SentenceVectors.build(sentences)
        return vectors.centroid_similarity(), vectors.similarity()
