"""BCubed on clusterings whose scores can be worked out by hand."""

from __future__ import annotations

import pytest

from newsweave.cluster.bcubed import bcubed
from newsweave.errors import InvalidOptionError


def test_perfect_clustering_scores_one() -> None:
    truth = {"a": 1, "b": 1, "c": 2}
    scores = bcubed({"a": "x", "b": "x", "c": "y"}, truth)
    assert (scores.precision, scores.recall, scores.f1) == (1.0, 1.0, 1.0)


def test_everything_in_one_cluster() -> None:
    # Truth {a,b} {c}: in one predicted cluster a and b have precision 2/3, c 1/3.
    scores = bcubed({"a": "x", "b": "x", "c": "x"}, {"a": 1, "b": 1, "c": 2})
    assert scores.precision == pytest.approx((2 / 3 + 2 / 3 + 1 / 3) / 3)
    assert scores.recall == 1.0


def test_all_singletons() -> None:
    scores = bcubed({"a": "x", "b": "y", "c": "z"}, {"a": 1, "b": 1, "c": 2})
    assert scores.precision == 1.0
    assert scores.recall == pytest.approx((1 / 2 + 1 / 2 + 1) / 3)
    assert scores.f1 == pytest.approx(2 * scores.recall / (1 + scores.recall))


def test_items_must_match() -> None:
    with pytest.raises(InvalidOptionError, match="'c'"):
        bcubed({"a": "x", "b": "x"}, {"a": 1, "b": 1, "c": 2})
