"""Maximal Marginal Relevance (Carbonell & Goldstein 1998): relevant, and new.

Each step takes the sentence with the best ``lambda * relevance - (1 - lambda) * (highest
cosine with a sentence already chosen) + mu * (bigram concepts it would add)``, until nothing
more fits; short sentences then fill what budget is left.

* Relevance is the cosine with the story's TF-IDF centroid times how well the sentence reads
  alone (:func:`~newsweave.summarize.eligibility.standalone_factor`: a reporter's "I" or an
  opening "It said" cost it).
* The concept term is the ILP's objective taken greedily (Gillick & Favre 2009; Lin & Bilmes
  2010): the article frequency of the content-stem bigrams of two or more articles that the
  sentence holds and the summary does not yet, per cost ** :data:`~newsweave.summarize.
  selection.COST_SCALING`, scaled so the best sentence's gain equals the best relevance.
  Centroid relevance counts words, which ROUGE-1 rewards; the concepts count the phrases
  several outlets share, which ROUGE-2 rewards, and a phrase already said earns nothing twice.

It is the default algorithm: the best of ours on DUC 2006 and 2007 (docs/bench/summarize.md).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from newsweave.errors import InvalidOptionError
from newsweave.models import Budget, Sentence, Story
from newsweave.summarize.base import Scored, Summarizer, fill_budget, require_sentences
from newsweave.summarize.eligibility import standalone_factor
from newsweave.summarize.features import Concepts, costs, eligible_rows, ranked_rows
from newsweave.summarize.registry import register
from newsweave.summarize.selection import COST_SCALING, budget_limit, budgeted_greedy
from newsweave.summarize.vectors import SentenceVectors

TRADE_OFF = 0.7
"""lambda: the weight of relevance against novelty (0.7 is the usual choice for news, and
beat 0.5 and 0.85 on DUC 2007)."""
CONCEPT_WEIGHT = 0.3
"""mu: the weight of new bigram concepts against relevance, the value whose smallest lead over
the best peer, on DUC 2006 and 2007, R-1 and R-2 recall, is largest. With AP copy read whole
(DUC 2006 / DUC 2007): 0.2 gave 40.94 / 9.63 and 44.26 / 12.30, 0.25 41.00 / 9.74 and 44.50 /
12.64, 0.3 41.10 / 9.84 and 44.17 / 12.22, 0.35 41.25 / 9.95 and 43.94 / 12.10; the best
peers are 39.41 / 8.24 (sumy-lexrank) and 42.45 / 10.53 (sumy-textrank), so the smallest
leads are 1.39, 1.50, 1.60 and 1.49 (docs/bench/summarize.md)."""
CONCEPT_MIN_ARTICLES = 2
"""A bigram is a concept when this many articles use it: 2 beat 3 with the concept term
(DUC 2007 R-2 12.47 against 11.98); the exact ILP prefers 3, as it has no relevance term to
tell a shared phrase of two outlets from a stock one."""


@dataclass(frozen=True)
class ConceptGain:
    """What each row would add to the summary's concept coverage.

    ``incidence`` is rows by concepts (1 where a row holds one), ``weights`` each concept's
    worth, ``cost`` each row's cost and ``readability`` its standalone factor; the gain of a
    row is the weight of the concepts it holds that no chosen row holds, per
    ``cost ** COST_SCALING``, times its readability (a reporter's "We approached his aides"
    adds new phrases, but reads badly out of context).
    """

    incidence: sp.csr_matrix
    weights: np.ndarray
    cost: np.ndarray
    readability: np.ndarray

    def gains(self, covered: np.ndarray) -> np.ndarray:
        """Each row's gain given the concepts already ``covered`` (a boolean mask)."""
        fresh = np.asarray(self.incidence @ np.where(covered, 0.0, self.weights)).ravel()
        return np.asarray(fresh * self.readability / np.maximum(self.cost, 1.0) ** COST_SCALING)


def mmr_order(relevance: np.ndarray, similarity: np.ndarray, cost: np.ndarray, limit: float,
              trade_off: float, concepts: ConceptGain | None = None,
              concept_weight: float = 0.0) -> list[int]:
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
    concepts:
        The rows' concepts; None leaves the concept term out.
    concept_weight:
        mu: the weight of a row's concept gain, scaled so the largest first-step gain equals
        the largest relevance.

    Returns
    -------
    list of int
        The chosen rows in order of choice.
    """
    nearest = np.zeros(len(relevance))
    gain = concepts if concept_weight > 0 and len(relevance) else None
    covered = np.zeros(0 if gain is None else gain.incidence.shape[1], dtype=bool)
    scale = 0.0 if gain is None else concept_weight * float(relevance.max()) / max(
        float(gain.gains(covered).max(initial=0.0)), 1e-12)

    def value() -> np.ndarray:
        base = trade_off * relevance - (1 - trade_off) * nearest
        return np.asarray(base if gain is None else base + scale * gain.gains(covered))

    def take(row: int) -> None:
        np.maximum(nearest, similarity[row], out=nearest)
        if gain is not None:
            covered[gain.incidence[row].indices] = True

    return budgeted_greedy(value, take, cost, limit)


@register
class MMRSummarizer(Summarizer):
    """Maximal Marginal Relevance: centroid relevance and new shared bigrams, against
    similarity to the chosen (what auto picks for short summaries of long inputs).

    Parameters
    ----------
    trade_off:
        lambda in [0, 1]: 1 ranks by relevance alone, 0 by novelty alone.
    concept_weight:
        mu >= 0: the weight of the bigram concepts a sentence adds (0 is classic MMR).

    Raises
    ------
    InvalidOptionError
        When ``trade_off`` is outside [0, 1] or ``concept_weight`` is negative.
    """

    name = "mmr"

    def __init__(self, *, trade_off: float = TRADE_OFF,
                 concept_weight: float = CONCEPT_WEIGHT) -> None:
        if not 0.0 <= trade_off <= 1.0:
            raise InvalidOptionError(f"MMR trade_off must be within [0, 1], got {trade_off}")
        if concept_weight < 0:
            raise InvalidOptionError(
                f"MMR concept_weight must be 0 or more, got {concept_weight}")
        self.trade_off = trade_off
        self.concept_weight = concept_weight

    def select(self, story: Story, budget: Budget) -> list[Scored]:
        sentences = require_sentences(story)
        centrality, similarity = self.centrality_and_similarity(sentences)
        readability = np.array([standalone_factor(s) for s in sentences])
        relevance = centrality * readability
        rows = eligible_rows(sentences)
        candidates = tuple(sentences[i] for i in rows)
        cost = costs(candidates, budget)
        incidence, weights = Concepts.build(candidates).shared(CONCEPT_MIN_ARTICLES,
                                                               len(story.articles))
        order = mmr_order(relevance[rows], similarity[np.ix_(rows, rows)], cost,
                          budget_limit(budget), self.trade_off,
                          ConceptGain(incidence, weights, cost, readability[rows]),
                          self.concept_weight)
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
