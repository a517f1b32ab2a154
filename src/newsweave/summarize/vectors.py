"""TF-IDF vectors of a story's sentences: the similarity every algorithm and attribution use.

Terms are Snowball stems of content words. IDF is computed over the story's own sentences,
so a word every sentence uses weighs nothing and a word two outlets share weighs much.
Rows are L2-normalised, so a dot product is a cosine.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from newsweave.models import Sentence, SentenceRef
from newsweave.text import content_stems


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
            for term in content_stems(sentence.tokens):
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
