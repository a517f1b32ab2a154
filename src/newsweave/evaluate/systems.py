"""The systems an evaluation can run: newsweave's registered algorithms and the peers.

Peers are listed here by import path, so the command line can name them without importing sumy
and NLTK (two seconds) on every ``newsweave`` call; :func:`create_system` imports on use.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from typing import TYPE_CHECKING

from newsweave.errors import NewsweaveError
from newsweave.summarize import Summarizer, available, create

if TYPE_CHECKING:
    from newsweave.evaluate.rouge import Reference

PEERS: dict[str, str] = {
    "lead": "newsweave.evaluate.peers:LeadPeer",
    "sumy-lexrank": "newsweave.evaluate.peers:SumyLexRank",
    "sumy-textrank": "newsweave.evaluate.peers:SumyTextRank",
    "sumy-lsa": "newsweave.evaluate.peers:SumyLsa",
    "sumy-luhn": "newsweave.evaluate.peers:SumyLuhn",
    "sumy-sumbasic": "newsweave.evaluate.peers:SumySumBasic",
    "oracle": "newsweave.evaluate.peers:GreedyOracle",
}
"""Peer name → ``module:Class``, in the order tables list them."""

ORACLE = "oracle"
"""The peer that reads the references: an upper bound, never the "best peer"."""


class EvaluationError(NewsweaveError):
    """An evaluation cannot run as asked (unknown system, unreadable data, no ROUGE script)."""


def check_names(algorithms: Sequence[str], peers: Sequence[str]) -> None:
    """Raise :class:`EvaluationError` naming any unknown algorithm or peer and the valid ones.

    Raises
    ------
    EvaluationError
        When a name is neither a registered algorithm nor a peer, as asked for.
    """
    unknown_algorithms = [a for a in algorithms if a not in available()]
    if unknown_algorithms:
        raise EvaluationError(f"unknown algorithm(s) {', '.join(unknown_algorithms)}; "
                              f"registered: {', '.join(available())}")
    unknown_peers = [p for p in peers if p not in PEERS]
    if unknown_peers:
        raise EvaluationError(f"unknown peer(s) {', '.join(unknown_peers)}; "
                              f"available: {', '.join(PEERS)}")


def create_system(name: str, *, peer: bool, references: Sequence[Reference]) -> Summarizer:
    """A fresh summarizer: a registered algorithm, or a peer (the oracle gets the references).

    Parameters
    ----------
    name:
        A registered algorithm name, or a key of :data:`PEERS` when ``peer`` is true.
    peer:
        Whether ``name`` names a peer rather than one of newsweave's algorithms.
    references:
        The cluster's human summaries, which only the oracle reads.

    Returns
    -------
    Summarizer
        Ready to ``select``.

    Raises
    ------
    EvaluationError
        When ``name`` is not a known peer.
    UnknownAlgorithmError
        When ``name`` is not a registered algorithm.
    """
    if not peer:
        return create(name)
    if name not in PEERS:
        raise EvaluationError(f"unknown peer {name!r}; available: {', '.join(PEERS)}")
    module, _, attribute = PEERS[name].partition(":")
    cls: type[Summarizer] = getattr(importlib.import_module(module), attribute)
    return cls(references=references) if name == ORACLE else cls()  # type: ignore[call-arg]
