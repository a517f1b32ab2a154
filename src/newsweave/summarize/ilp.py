"""Concept coverage solved exactly as an integer linear program (Gillick & Favre 2009).

Concepts are content-stem bigrams; one weighs the number of articles that use it. The
summary is the set of sentences that covers the most concept weight within the budget,
each concept counted once however many chosen sentences repeat it, so redundancy costs
without a threshold. The program::

    maximise   sum_c w_c y_c + sum_i b_i x_i
    subject to sum_i cost_i x_i <= budget
               y_c <= sum_{i holds c} x_i        for every concept c
               x_i, y_c in {0, 1}

is solved by HiGHS through :func:`scipy.optimize.milp` within a time limit; when the solver
stops without a solution, or with one worse than the greedy's, the cost-scaled greedy
(:func:`~newsweave.summarize.selection.greedy_coverage`) answers instead. ``b_i`` is a tiny
tie-break toward sentences near their article's top.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from newsweave.models import Budget, Sentence, Story
from newsweave.summarize.base import Scored, Summarizer, require_sentences
from newsweave.summarize.features import Concepts, costs, eligible_rows
from newsweave.summarize.registry import register
from newsweave.summarize.selection import (
    budget_limit,
    coverage_value,
    greedy_coverage,
    then_fill,
)

MIN_ARTICLES = 3
"""A concept counts when at least this many articles use it (Gillick & Favre kept bigrams
of 3+ of 10 documents; 3 beat 2 and 5 on DUC 2007); smaller stories lower it to their
article count."""
TIE_BREAK = 1e-3
"""Weight of the lead-position bonus against one concept: small enough never to trade a
concept for position, large enough to pick the earlier of two equal sentences."""
TIME_LIMIT = 1.0
"""Seconds HiGHS may search before the best solution found so far (or the greedy) is used."""


@dataclass(frozen=True)
class CoverageProblem:
    """Candidate sentences, the concepts they hold, what each is worth and costs."""

    sentences: tuple[Sentence, ...]
    incidence: sp.csr_matrix
    weights: np.ndarray
    costs: np.ndarray
    bonus: np.ndarray
    limit: float

    def value(self, rows: list[int]) -> float:
        """The objective of choosing ``rows``."""
        return coverage_value(self.incidence, self.weights, rows, self.bonus)


def solve(problem: CoverageProblem, time_limit: float = TIME_LIMIT) -> list[int]:
    """The rows of an optimal (or, past ``time_limit``, the best found) coverage.

    Parameters
    ----------
    problem:
        The coverage program.
    time_limit:
        Seconds the solver may take.

    Returns
    -------
    list of int
        Chosen rows of ``problem``; the greedy's choice when the solver found nothing better.
    """
    greedy = greedy_coverage(problem.incidence, problem.weights, problem.costs, problem.limit,
                             problem.bonus)
    exact = _milp(problem, time_limit)
    if exact is None or problem.value(exact) < problem.value(greedy):
        return greedy
    return exact


def _milp(problem: CoverageProblem, time_limit: float) -> list[int] | None:
    from scipy.optimize import Bounds, LinearConstraint, milp  # 0.2 s: loaded on use

    rows, concepts = problem.incidence.shape
    objective = -np.concatenate([problem.bonus, problem.weights])
    budget_row = sp.hstack([sp.csr_matrix(problem.costs), sp.csr_matrix((1, concepts))])
    links = sp.hstack([-problem.incidence.T, sp.identity(concepts)])
    result = milp(
        objective,
        constraints=[LinearConstraint(budget_row, -np.inf, problem.limit),
                     LinearConstraint(links, -np.inf, 0.0)],
        integrality=np.ones(rows + concepts),
        bounds=Bounds(0.0, 1.0),
        options={"time_limit": time_limit, "disp": False},
    )
    if result.x is None:
        return None
    return [int(i) for i in np.flatnonzero(result.x[:rows] > 0.5)]


def coverage_problem(
    story: Story, budget: Budget, min_articles: int = MIN_ARTICLES
) -> CoverageProblem:
    """The coverage program of a story: eligible sentences, their bigram concepts weighted
    by article frequency, concepts of fewer than ``min_articles`` articles dropped."""
    sentences = require_sentences(story)
    rows = eligible_rows(sentences)
    candidates = tuple(sentences[i] for i in rows)
    incidence, weights = Concepts.build(candidates).shared(min_articles, len(story.articles))
    useful = np.flatnonzero(np.asarray(incidence.sum(axis=1)).ravel() > 0)
    if useful.size:  # a sentence without a counted concept can only fill leftover budget
        candidates = tuple(candidates[i] for i in useful)
        incidence = incidence[useful].tocsr()
    bonus = TIE_BREAK / np.sqrt(1.0 + np.array([s.index for s in candidates], dtype=np.float64))
    return CoverageProblem(candidates, incidence, weights,
                           costs(candidates, budget), bonus, budget_limit(budget))


@register
class ConceptILPSummarizer(Summarizer):
    """Bigram concepts weighted by article frequency, covered exactly by an ILP (HiGHS).

    Parameters
    ----------
    min_articles:
        Concepts used by fewer articles are ignored (all are kept in smaller stories).
    time_limit:
        Seconds the ILP solver may search before the best solution so far, or the greedy's,
        is taken.
    """

    name = "ilp"

    def __init__(self, *, min_articles: int = MIN_ARTICLES, time_limit: float = TIME_LIMIT
                 ) -> None:
        self.min_articles = min_articles
        self.time_limit = time_limit

    def select(self, story: Story, budget: Budget) -> list[Scored]:
        problem = coverage_problem(story, budget, min_articles=self.min_articles)
        chosen = solve(problem, self.time_limit)
        scores = np.asarray(problem.incidence @ problem.weights).ravel()
        ranked = sorted(chosen, key=lambda i: (-scores[i], i))
        return then_fill(story.sentences,
                         [Scored(problem.sentences[i], float(scores[i])) for i in ranked], budget)
