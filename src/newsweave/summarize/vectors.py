"""TF-IDF vectors of a story's sentences: the similarity every algorithm and attribution use.

Terms are Snowball stems of content words. IDF is computed over the story's own sentences,
so a word every sentence uses weighs nothing and a word two outlets share weighs much.
Rows are L2-normalised, so a dot product is a cosine.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import scipy.sparse as sp

from newsweave.models import Sentence, SentenceRef
from newsweave.text import content_stems

STEM_CACHE_SIZE = 1 << 17
"""Distinct tokens whose stems are remembered: a 25-article story has about 10,000, and
folding and stemming each costs three regular expressions and a Snowball call."""


@lru_cache(maxsize=STEM_CACHE_SIZE)
def _token_stem(token: str) -> str:
    stems = content_stems((token,))
    return stems[0] if stems else ""


def token_stems(tokens: Iterable[str]) -> list[str]:
    """:func:`newsweave.text.content_stems` of ``tokens``, memoised per token (every
    algorithm asks for a sentence's stems several times per story)."""
    return [stem for stem in map(_token_stem, tokens) if stem]


def sentence_stems(sentence: Sentence) -> list[str]:
    """The content stems of a sentence (see :func:`token_stems`)."""
    return token_stems(sentence.tokens)


@dataclass(frozen=True)
class SentenceVectors:
    """One row per sentence, in the order given."""

    sentences: tuple[Sentence, ...]
    matrix: sp.csr_matrix
    vocabulary: dict[str, int]

    @classmethod
    def build(cls, sentences: tuple[Sentence, ...]) -> SentenceVectors:
        vocabulary: dict[str, int] = {}
        rows, cols, vals = [], [], []
        for row, sentence in enumerate(sentences):
            for term in sentence_stems(sentence):
                rows.append(row)
                cols.append(vocabulary.setdefault(term, len(vocabulary)))
                vals.append(1.0)
        shape = (len(sentences), max(len(vocabulary), 1))
        counts = sp.csr_matrix((vals, (rows, cols)), shape=shape, dtype=np.float64)
        counts.sum_duplicates()
        document_frequency = np.asarray((counts > 0).sum(axis=0)).ravel()
        idf = np.log((len(sentences) + 1) / (document_frequency + 1)) + 1.0
        weighted = counts.multiply(idf).tocsr()
        norms = np.sqrt(np.asarray(weighted.multiply(weighted).sum(axis=1)).ravel())
        norms[norms == 0] = 1.0
        normalised = sp.csr_matrix(sp.diags(1.0 / norms) @ weighted)
        return cls(sentences=sentences, matrix=normalised, vocabulary=vocabulary)

    def cosine(self, a: SentenceRef, b: SentenceRef) -> float:
        """The cosine of two of the sentences, by reference."""
        rows = self.rows()
        return float(self.matrix[rows[a]].multiply(self.matrix[rows[b]]).sum())

    def rows(self) -> dict[SentenceRef, int]:
        """Each sentence's row in the matrix."""
        return {sentence.ref: row for row, sentence in enumerate(self.sentences)}

    def similarity(self) -> np.ndarray:
        """The dense sentence-by-sentence cosine matrix."""
        return np.asarray((self.matrix @ self.matrix.T).todense())

    def centroid_similarity(self) -> np.ndarray:
        """Each sentence's cosine with the story's centroid."""
        centroid = np.asarray(self.matrix.sum(axis=0)).ravel()
        norm = np.linalg.norm(centroid)
        if norm == 0:
            return np.zeros(len(self.sentences))
        return np.asarray(self.matrix @ (centroid / norm)).ravel()
