"""Ways of turning sentence or concept scores into a summary within budget, shared by the
algorithms so each one only says what it values.

* :func:`take_nonredundant`: best first, skipping a sentence too close to one already taken.
* :func:`greedy_coverage`: cost-scaled greedy for a weighted concept-coverage objective
  (Lin & Bilmes 2010), the fast approximation of what :mod:`~newsweave.summarize.ilp`
  solves exactly.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
import scipy.sparse as sp

from newsweave.models import Budget, Sentence
from newsweave.summarize.base import Scored, fill_budget
from newsweave.summarize.features import ranked_rows

COST_SCALING = 0.3
"""Exponent r of the cost in the greedy ratio gain / cost**r: 1 favours short sentences, 0
ignores length; Lin & Bilmes (2010) found 0.3 best on DUC, and it holds here too."""


def then_fill(sentences: Sequence[Sentence], chosen: list[Scored], budget: Budget
              ) -> list[Scored]:
    """``chosen`` first, then the other sentences, lead first (eligible ones before short
    fillers), while they fit: an objective that values only some sentences (shared concepts)
    would otherwise leave budget unused, and ROUGE rewards a summary that uses it all (the
    concept ILP ended 70 words short of 260 on Multi-News without this)."""
    taken = {item.sentence.ref for item in chosen}
    lead = np.array([1.0 / (1.0 + s.index) for s in sentences])
    rest = (Scored(sentences[i], 0.0) for i in ranked_rows(tuple(sentences), lead)
            if sentences[i].ref not in taken)
    return fill_budget([*chosen, *rest], budget)


def budget_limit(budget: Budget) -> float:
    """The budget as :func:`~newsweave.summarize.features.costs` counts it: a byte budget
    pays one joining space per sentence, so it gains one for the first sentence's."""
    return float(budget.limit + (1 if budget.unit == "bytes" else 0))


def take_nonredundant(
    sentences: Sequence[Sentence], scores: np.ndarray, order: Sequence[int],
    similarity: np.ndarray, redundancy: float, budget: Budget,
) -> list[Scored]:
    """Rows in ``order`` best first, skipping any whose cosine with a sentence already taken
    exceeds ``redundancy``, until the budget is full.

    Parameters
    ----------
    sentences, scores:
        The story's sentences and the score each is reported with.
    order:
        Candidate rows, best first.
    similarity:
        The sentence-by-sentence cosine matrix.
    redundancy:
        Cosine above which a candidate repeats a chosen sentence.
    budget:
        The summary's budget.

    Returns
    -------
    list of Scored
        The chosen sentences, best first, within budget.
    """
    chosen: list[int] = []
    spent = 0.0
    limit = budget_limit(budget)
    extra = 1 if budget.unit == "bytes" else 0
    for row in order:
        cost = budget.cost(sentences[row].text) + extra
        if spent + cost > limit or (chosen and similarity[row, chosen].max() > redundancy):
            continue
        chosen.append(row)
        spent += cost
    return fill_budget((Scored(sentences[i], float(scores[i])) for i in chosen), budget)


def greedy_coverage(
    incidence: sp.csr_matrix, weights: np.ndarray, costs: np.ndarray, limit: float,
    bonus: np.ndarray | None = None,
) -> list[int]:
    """Rows that cover much concept weight within ``limit``, chosen greedily.

    Each step takes the affordable row with the best (newly covered weight + bonus) /
    cost ** :data:`COST_SCALING`; at the end the best single affordable row replaces the
    choice when it alone is worth more (the step that makes the greedy a constant-factor
    approximation of the budgeted optimum).

    Parameters
    ----------
    incidence:
        Rows by concepts, nonzero where a row holds a concept.
    weights:
        Each concept's weight (non-negative).
    costs:
        Each row's cost.
    limit:
        Largest total cost.
    bonus:
        A per-row value added once when the row is taken (zero when None).

    Returns
    -------
    list of int
        The chosen rows, in the order taken.
    """
    extra = np.zeros(incidence.shape[0]) if bonus is None else bonus
    covered = np.zeros(incidence.shape[1], dtype=bool)
    incidence = (incidence > 0).astype(np.float64).tocsr()

    def ratio() -> np.ndarray:
        gains = np.asarray(incidence @ np.where(covered, 0.0, weights)).ravel() + extra
        return np.where(gains > 0, gains / np.maximum(costs, 1.0) ** COST_SCALING, -np.inf)

    def take(row: int) -> None:
        covered[incidence[row].indices] = True

    chosen = budgeted_greedy(ratio, take, costs, limit)
    return _best_single_if_better(incidence, weights, costs, limit, extra, chosen)


def budgeted_greedy(value: Callable[[], np.ndarray], take: Callable[[int], None],
                    costs: np.ndarray, limit: float) -> list[int]:
    """The loop every greedy selection shares: take the affordable row of highest
    ``value()``, tell ``take`` (which updates what ``value`` sees), repeat until nothing
    affordable is left or no row has a finite value.

    Parameters
    ----------
    value:
        Each row's current value; ``-inf`` for a row not worth taking.
    take:
        Called with each chosen row.
    costs, limit:
        Each row's cost and the total allowed.

    Returns
    -------
    list of int
        The chosen rows in the order taken.
    """
    chosen: list[int] = []
    spent = 0.0
    open_rows = costs <= limit
    while open_rows.any():
        current = np.where(open_rows, value(), -np.inf)
        best = int(np.argmax(current))
        if not np.isfinite(current[best]):
            break
        chosen.append(best)
        spent += costs[best]
        take(best)
        open_rows[best] = False
        open_rows &= costs <= limit - spent
    return chosen


def coverage_value(incidence: sp.csr_matrix, weights: np.ndarray, rows: Sequence[int],
                   bonus: np.ndarray | None = None) -> float:
    """The concept weight ``rows`` cover together, plus their bonuses."""
    if not rows:
        return 0.0
    covered = np.asarray(incidence[list(rows)].sum(axis=0)).ravel() > 0
    extra = 0.0 if bonus is None else float(bonus[list(rows)].sum())
    return float(weights[covered].sum()) + extra


def _best_single_if_better(
    incidence: sp.csr_matrix, weights: np.ndarray, costs: np.ndarray, limit: float,
    bonus: np.ndarray, chosen: list[int],
) -> list[int]:
    singles = np.asarray(incidence @ weights).ravel() + bonus
    singles[costs > limit] = -np.inf
    best = int(np.argmax(singles))
    if np.isfinite(singles[best]) and singles[best] > coverage_value(
            incidence, weights, chosen, bonus):
        return [best]
    return chosen
