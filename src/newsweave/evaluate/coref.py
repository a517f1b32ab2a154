"""Coreference scores: MUC, B-cubed, CEAF-e and their mean, the CoNLL F1.

The definitions are those of the CoNLL-2012 reference scorer as Pradhan et al. (2014),
"Scoring Coreference Partitions of Predicted Mentions", restate them:

* MUC (Vilain et al. 1995) counts links: a key chain of ``n`` mentions split into ``p`` parts
  by the response (a mention the response lacks is a part of its own) has ``n - p`` of its
  ``n - 1`` links recalled; precision swaps key and response. Singletons carry no links.
* B-cubed (Bagga and Baldwin 1998) averages, over mentions, how much of a mention's key chain
  its response chain shares (recall) and the converse (precision).
* CEAF-e (Luo 2005) aligns key and response chains one-to-one to maximise the summed entity
  similarity ``2|K∩R| / (|K| + |R|)``, found with the Hungarian algorithm
  (:func:`scipy.optimize.linear_sum_assignment`); recall divides by the number of key chains,
  precision by the number of response chains.

Mentions are any hashable values (an ECB+ mention is ``(doc, start, end)``); a chain is a set
of them. Every score here is a fraction in [0, 1].
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from scipy.optimize import linear_sum_assignment

Chain = frozenset[Hashable]


@dataclass(frozen=True, slots=True)
class PRF:
    """Recall, precision and their harmonic mean, F1."""

    recall: float
    precision: float

    @property
    def f1(self) -> float:
        total = self.recall + self.precision
        return 2 * self.recall * self.precision / total if total else 0.0


@dataclass(frozen=True, slots=True)
class CorefScores:
    """The three standard metrics of one key/response pair and their CoNLL mean."""

    muc: PRF
    b_cubed: PRF
    ceaf_e: PRF

    @property
    def conll_f1(self) -> float:
        """The CoNLL-2012 headline figure: the unweighted mean of the three F1 scores."""
        return (self.muc.f1 + self.b_cubed.f1 + self.ceaf_e.f1) / 3


def _ratio(numerator: float, denominator: float) -> float:
    return numerator / denominator if denominator else 0.0


def _chains(groups: Iterable[Iterable[Hashable]]) -> list[Chain]:
    return [frozenset(group) for group in groups if group]


def _muc_side(key: Sequence[Chain], response: Sequence[Chain]) -> float:
    """MUC recall of ``response`` against ``key``; swap them for precision."""
    owner = {mention: i for i, chain in enumerate(response) for mention in chain}
    links = sum(len(chain) - 1 for chain in key)
    found = 0
    for chain in key:
        parts = {owner.get(mention, ("absent", mention)) for mention in chain}
        found += len(chain) - len(parts)
    return _ratio(found, links)


def _overlaps(key: Sequence[Chain], response: Sequence[Chain]) -> Counter[tuple[int, int]]:
    """``|K_i ∩ R_j|`` for every pair of chains that share a mention, keyed ``(i, j)``.

    Counting through a mention index keeps this linear in the mentions; the full matrix of
    set intersections would be quadratic in the chains of a whole corpus.
    """
    owner = {mention: j for j, chain in enumerate(response) for mention in chain}
    return Counter((i, owner[m]) for i, chain in enumerate(key) for m in chain if m in owner)


def _b_cubed_side(key: Sequence[Chain], response: Sequence[Chain]) -> float:
    """B-cubed recall of ``response`` against ``key``; swap them for precision."""
    total = sum(len(chain) for chain in key)
    shared = sum(n ** 2 / len(key[i]) for (i, _), n in _overlaps(key, response).items())
    return _ratio(shared, total)


def _ceaf_e_similarity(key: Sequence[Chain], response: Sequence[Chain]) -> float:
    """The summed phi-4 similarity of the best one-to-one alignment of the chains."""
    if not key or not response:
        return 0.0
    phi = np.zeros((len(key), len(response)))
    for (i, j), n in _overlaps(key, response).items():
        phi[i, j] = 2 * n / (len(key[i]) + len(response[j]))
    rows, cols = linear_sum_assignment(phi, maximize=True)
    return float(phi[rows, cols].sum())


def muc(key: Sequence[Chain], response: Sequence[Chain]) -> PRF:
    """MUC recall and precision of ``response`` chains against ``key`` chains."""
    return PRF(_muc_side(key, response), _muc_side(response, key))


def b_cubed(key: Sequence[Chain], response: Sequence[Chain]) -> PRF:
    """B-cubed recall and precision of ``response`` chains against ``key`` chains."""
    return PRF(_b_cubed_side(key, response), _b_cubed_side(response, key))


def ceaf_e(key: Sequence[Chain], response: Sequence[Chain]) -> PRF:
    """Entity-based CEAF recall and precision of ``response`` against ``key``."""
    similarity = _ceaf_e_similarity(key, response)
    return PRF(_ratio(similarity, len(key)), _ratio(similarity, len(response)))


def score(key: Iterable[Iterable[Hashable]], response: Iterable[Iterable[Hashable]]
          ) -> CorefScores:
    """MUC, B-cubed and CEAF-e of a response clustering against the key.

    Parameters
    ----------
    key
        The gold chains, each an iterable of hashable mentions; empty chains are ignored.
    response
        The system's chains over the same kind of mentions (they may include mentions the key
        lacks, and lack some it has, as with predicted mentions).

    Returns
    -------
    CorefScores
        Recall and precision of each metric; ``conll_f1`` is their F1 mean.
    """
    key_chains, response_chains = _chains(key), _chains(response)
    return CorefScores(
        muc=muc(key_chains, response_chains),
        b_cubed=b_cubed(key_chains, response_chains),
        ceaf_e=ceaf_e(key_chains, response_chains),
    )
