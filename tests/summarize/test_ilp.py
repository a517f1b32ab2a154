"""The concept ILP finds the true optimum, and falls back to the greedy when HiGHS gives up."""

from __future__ import annotations

import itertools
from types import SimpleNamespace
from typing import Any

import numpy as np
import pytest
import scipy.optimize
import scipy.sparse as sp

from newsweave.models import Article, Budget, Sentence, Story
from newsweave.summarize import ilp
from newsweave.summarize.ilp import CoverageProblem, coverage_problem, solve
from newsweave.summarize.selection import greedy_coverage
from newsweave.text import split_article

REPORTS = (
    "Floods hit the northern province on Monday. Heavy rain caused the floods across the "
    "valley. Rescue boats reached stranded villagers in the afternoon. The local football "
    "club postponed its match.",
    "Heavy rain caused floods in the northern province. Rescue boats reached stranded "
    "villagers near the river. Officials opened schools as shelters for families.",
    "The northern province saw floods after heavy rain. Officials opened schools as "
    "shelters for the displaced. Rescue boats reached stranded villagers by nightfall.",
)


def _story() -> Story:
    return Story(tuple(split_article(Article(id=f"a{i}", text=t)) for i, t in enumerate(REPORTS)))


def _brute_force(problem: CoverageProblem) -> float:
    rows = range(len(problem.sentences))
    best = 0.0
    for size in range(len(problem.sentences) + 1):
        for subset in itertools.combinations(rows, size):
            if problem.costs[list(subset)].sum() <= problem.limit:
                best = max(best, problem.value(list(subset)))
    return best


@pytest.mark.parametrize("words", [8, 15, 22, 30])
def test_ilp_reaches_the_brute_force_optimum(words: int) -> None:
    problem = coverage_problem(_story(), Budget(words), min_articles=2)
    assert 4 <= len(problem.sentences) <= 12  # small enough to enumerate every subset
    chosen = solve(problem)
    assert problem.costs[chosen].sum() <= problem.limit
    assert problem.value(chosen) == pytest.approx(_brute_force(problem))


def test_concepts_weigh_by_articles_that_use_them() -> None:
    problem = coverage_problem(_story(), Budget(30), min_articles=2)
    assert set(problem.weights) <= {2.0, 3.0}  # bigrams of one article only are dropped
    assert 3.0 in problem.weights  # "rescue boat", "boat reach", "heavi rain": all three


def test_greedy_fallback_when_the_solver_finds_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[dict[str, Any]] = []

    def gave_up(*args: Any, **kwargs: Any) -> SimpleNamespace:
        calls.append(kwargs["options"])
        return SimpleNamespace(x=None, status=1, message="Time limit reached")

    monkeypatch.setattr(scipy.optimize, "milp", gave_up)
    problem = coverage_problem(_story(), Budget(22), min_articles=2)
    chosen = solve(problem, time_limit=0.01)
    assert calls == [{"time_limit": 0.01, "disp": False}]
    expected = greedy_coverage(problem.incidence, problem.weights, problem.costs,
                               problem.limit, problem.bonus)
    assert chosen == expected and chosen


def test_greedy_answer_kept_when_better_than_a_cut_short_solve(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(scipy.optimize, "milp", lambda *a, **k: SimpleNamespace(
        x=np.zeros(1000), status=1, message="Time limit reached"))
    problem = coverage_problem(_story(), Budget(22), min_articles=2)
    assert problem.value(solve(problem)) > 0


def test_best_single_sentence_beats_a_greedy_of_cheap_ones() -> None:
    # Two cheap rows worth 1 each, one row worth 10 costing the whole budget.
    incidence = sp.csr_matrix(np.array([[1, 0, 0], [0, 1, 0], [0, 0, 1]], dtype=float))
    weights = np.array([1.0, 1.0, 10.0])
    chosen = greedy_coverage(incidence, weights, np.array([1.0, 1.0, 10.0]), 10.0)
    assert chosen == [2]


def test_summarizer_returns_whole_sentences_within_budget() -> None:
    chosen = ilp.ConceptILPSummarizer(min_articles=2).select(_story(), Budget(20))
    assert sum(len(item.sentence.text.split()) for item in chosen) <= 20
    assert all(isinstance(item.sentence, Sentence) for item in chosen)
    assert any("Rescue boats" in item.sentence.text for item in chosen)
