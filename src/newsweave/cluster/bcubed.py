"""BCubed precision, recall and F1 of a clustering against the true one (Bagga & Baldwin 1998).

For each item, precision is the share of its predicted cluster that shares its true cluster,
recall the share of its true cluster that shares its predicted one; both are averaged over
items. With ``n[p, g]`` items in predicted cluster ``p`` and true cluster ``g``, that is
``sum(n[p, g]**2 / size(p)) / N``, computed here from the contingency counts in one pass.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Mapping
from dataclasses import dataclass

from newsweave.errors import InvalidOptionError


@dataclass(frozen=True, slots=True)
class BCubed:
    """BCubed scores of one clustering."""

    precision: float
    recall: float

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


def bcubed(predicted: Mapping[str, Hashable], truth: Mapping[str, Hashable]) -> BCubed:
    """BCubed scores of ``predicted`` (item to cluster) against ``truth`` on the same items.

    Raises
    ------
    InvalidOptionError
        When the two mappings do not cover the same items, or cover none.
    """
    if predicted.keys() != truth.keys() or not predicted:
        missing = sorted(set(truth) ^ set(predicted))[:3]
        raise InvalidOptionError(
            f"BCubed needs the same non-empty items on both sides; differing: {missing}")
    pairs = Counter((predicted[item], truth[item]) for item in predicted)
    predicted_sizes = Counter(predicted.values())
    true_sizes = Counter(truth.values())
    n = len(predicted)
    precision = sum(c * c / predicted_sizes[p] for (p, _), c in pairs.items()) / n
    recall = sum(c * c / true_sizes[g] for (_, g), c in pairs.items()) / n
    return BCubed(precision=precision, recall=recall)
