"""Averages and the "gap closed" ratio issue 6 tracks, on numbers worked out by hand."""

from __future__ import annotations

import pytest

from newsweave.evaluate.results import SystemSummary, gap_closed, summarize_runs
from newsweave.evaluate.rouge import METRICS, RougeScore
from newsweave.evaluate.runner import ClusterOutcome, SystemRun


def summary(system: str, peer: bool, r1: float, r2: float) -> SystemSummary:
    scores = {"rouge1": RougeScore(r1, r1, r1), "rouge2": RougeScore(r2, r2, r2),
              "rougeLsum": RougeScore(r1, r1, r1)}
    return SystemSummary(system, peer, 1, scores, 100.0, 1.0, 1.0, 0.001)


def test_gap_closed_against_the_best_non_oracle_peer() -> None:
    systems = [summary("ours", False, 0.45, 0.10), summary("lead", True, 0.40, 0.12),
               summary("lexrank", True, 0.38, 0.14), summary("oracle", True, 0.50, 0.20)]
    # best peer lead 0.40, (0.45 - 0.40) / (0.50 - 0.40) = 0.5.
    # best peer lexrank 0.14, (0.10 - 0.14) / (0.20 - 0.14) = -2/3.
    assert gap_closed(systems, "f1")["ours"] == pytest.approx({"rouge1": 0.5, "rouge2": -2 / 3})


def test_no_gap_without_an_oracle_or_a_peer() -> None:
    assert gap_closed([summary("ours", False, 0.4, 0.1), summary("lead", True, 0.3, 0.1)],
                      "f1") == {}
    assert gap_closed([summary("ours", False, 0.4, 0.1), summary("oracle", True, 0.5, 0.2)],
                      "recall") == {}


def test_summaries_are_macro_averages_with_time_percentiles() -> None:
    def run(cluster: str, recall: float, seconds: float) -> SystemRun:
        score = RougeScore(0.5, recall, 0.5)
        return SystemRun(cluster, "lead", True, ("A sentence.",), 2, seconds,
                         dict.fromkeys(METRICS, score))

    outcomes = [ClusterOutcome(f"c{i}", (run(f"c{i}", r, s),))
                for i, (r, s) in enumerate([(0.2, 0.001), (0.4, 0.003), (0.9, 0.002)])]
    (lead,) = summarize_runs([*outcomes, ClusterOutcome("bad", problem="not JSON")])
    assert lead.clusters == 3
    assert lead.scores["rouge1"].recall == pytest.approx(0.5)
    assert lead.ms_median == pytest.approx(2.0)
    assert lead.seconds_total == pytest.approx(0.006)
