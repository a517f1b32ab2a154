"""BCubed precision, recall and F1 of a story clustering against the true one.

The metric itself is the coreference scorer's (:func:`newsweave.evaluate.coref.b_cubed`,
Bagga & Baldwin 1998: per item, the share of its predicted cluster in its true cluster and
the reverse, averaged); this module only turns "item to cluster" mappings into clusters and
checks that both sides cover the same items.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Mapping

from newsweave.errors import InvalidOptionError
from newsweave.evaluate.coref import PRF, Chain, b_cubed

BCubed = PRF


def _clusters(assignment: Mapping[str, Hashable]) -> list[Chain]:
    members: dict[Hashable, set[str]] = defaultdict(set)
    for item, cluster in assignment.items():
        members[cluster].add(item)
    return [frozenset(group) for group in members.values()]


def bcubed(predicted: Mapping[str, Hashable], truth: Mapping[str, Hashable]) -> BCubed:
    """BCubed scores of ``predicted`` (item to cluster) against ``truth`` on the same items.

    Raises
    ------
    InvalidOptionError
        When the two mappings do not cover the same items, or cover none.
    """
    if predicted.keys() != truth.keys() or not predicted:
        differing = sorted(set(truth) ^ set(predicted))[:3]
        raise InvalidOptionError(
            f"BCubed needs the same non-empty items on both sides; differing: {differing}")
    return b_cubed(_clusters(truth), _clusters(predicted))
