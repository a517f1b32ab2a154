"""A hashed lexical model of what a Multi-News summary keeps of a sentence.

The 16 features of :mod:`newsweave.summarize.features` describe a sentence's place and how
central it is, not what it says. This model reads the words: each sentence becomes its
content stems (stop words and one-letter tokens as they are), their unigrams and adjacent
bigrams, and a few position and length tokens, all hashed into :data:`COLUMNS` columns (a
term by ``zlib.crc32``, stable across runs and platforms; a bigram by mixing its two terms'
codes, so a whole story's bigrams hash in a few numpy operations). A ridge regression over
all of Multi-News train learns a coefficient per column; the package ships only the largest
ones (an int32 column and a float16 value each), so scoring needs numpy and a table lookup,
and no fitting library.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import IO

import numpy as np
import scipy.sparse as sp
from scipy.sparse.linalg import LinearOperator, cg

from newsweave.models import Sentence
from newsweave.summarize.vectors import STEM_CACHE_SIZE
from newsweave.text import content_stems

HASH_BITS = 20
"""2^20 columns: few enough collisions among Multi-News's ~1.5 M distinct unigrams and
bigrams that seen in more than a handful of sentences, small enough to fit in a minute's
memory."""
COLUMNS = 1 << HASH_BITS
LENGTH_EDGES = (5, 10, 15, 20, 30, 40, 60, 90)
"""Token counts that start a new length bucket (9 buckets, <5 to 90+)."""
MAX_INDEX = 9
"""Sentence indexes from here on share one token (9+)."""
MAX_ARTICLE = 4
"""Article places from here on share one token (4+)."""
MAX_ARTICLES = 6
"""Stories of this many articles or more share one token (6+)."""
PENALTY = 0.3
"""Ridge penalty. On 5,000 train clusters (session 4) 0.1, 1 and 10 gave held-out
correlations 0.311, 0.303 and 0.239; 0.3 was used for the 43k-cluster model."""
TOLERANCE = 1e-3
"""Relative residual at which conjugate gradients stop: tighter costs minutes and moves no
ranking."""
KEEP = 100_000
"""Coefficients shipped, the largest in magnitude (0.6 MB as int32 + float16)."""


MULTIPLIER = 0x9E3779B1
"""Knuth's multiplicative constant: spreads the first term's code before the second's is
mixed in, so "police said" and "said police" land apart."""


@lru_cache(maxsize=STEM_CACHE_SIZE)
def token_code(token: str) -> int:
    """``zlib.crc32`` of the token's term: its content stem, or the token itself when it has
    none (stop words and one-letter tokens stay: "said" or "but" next to a stem tells
    something of the sentence's kind). crc32 is the same in every process and platform,
    unlike ``hash()``."""
    stems = content_stems((token,))
    return zlib.crc32((stems[0] if stems else token).encode("utf-8"))


def column(feature: str) -> int:
    """The hashed column of a feature string (a single term or a context token)."""
    return zlib.crc32(feature.encode("utf-8")) & (COLUMNS - 1)


def bigram_columns(first: np.ndarray, second: np.ndarray) -> np.ndarray:
    """Columns of adjacent term pairs from their terms' codes, computed on whole arrays."""
    mixed = ((first * MULTIPLIER) ^ second) & 0xFFFFFFFF
    return np.asarray((mixed ^ (mixed >> HASH_BITS)) & (COLUMNS - 1), dtype=np.int64)


def _columns(prefix: str, count: int) -> np.ndarray:
    return np.array([column(f"#{prefix}{k}") for k in range(count)], dtype=np.int64)


_INDEX = _columns("i", MAX_INDEX + 1)
_PLACE = _columns("a", MAX_ARTICLE + 1)
_INDEX_PLACE = _columns("ia", (MAX_INDEX + 1) * (MAX_ARTICLE + 1))
_LENGTH = _columns("len", len(LENGTH_EDGES) + 1)
_ARTICLES = _columns("n", MAX_ARTICLES + 1)
_BIAS = column("#bias")
_QUOTE = column("#quote")


def _context(sentences: Sequence[Sentence], articles: int, lengths: np.ndarray
             ) -> tuple[np.ndarray, np.ndarray]:
    """Rows and columns of the tokens every sentence has: bias, its index, its article's
    place, the pair of them, its length bucket, the story's article count, and a quote mark
    when it holds one."""
    places: dict[str, int] = {}
    place = np.minimum([places.setdefault(s.article_id, len(places)) for s in sentences],
                       MAX_ARTICLE)
    index = np.minimum([s.index for s in sentences], MAX_INDEX)
    count = len(sentences)
    quoted = np.array([i for i, s in enumerate(sentences) if '"' in s.text or "“" in s.text],
                      dtype=np.int64)
    rows = np.concatenate([np.tile(np.arange(count), 6), quoted])
    cols = np.concatenate([
        np.full(count, _BIAS), _INDEX[index], _PLACE[place],
        _INDEX_PLACE[index * (MAX_ARTICLE + 1) + place],
        _LENGTH[np.searchsorted(LENGTH_EDGES, lengths, side="right")],
        np.full(count, _ARTICLES[min(articles, MAX_ARTICLES)]), np.full(len(quoted), _QUOTE)])
    return rows, cols


def hashed_rows(sentences: Sequence[Sentence], articles: int
                ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Row, column and value of every nonzero feature of the story's sentences.

    Unigrams and bigrams of a sentence's terms share a weight of 1 (each counts 1 / their
    number), since the target is a density; the context tokens count 1 each. Only the token
    codes are computed per token in Python (memoised); the rest is whole-array arithmetic,
    so an 800-sentence story costs a few milliseconds.

    Parameters
    ----------
    sentences:
        The story's sentences, grouped by article in story order.
    articles:
        How many articles the story has.

    Returns
    -------
    tuple of numpy.ndarray
        Rows (int64), columns (int64) and values (float64), one entry per feature.
    """
    lengths = np.array([len(s.tokens) for s in sentences], dtype=np.int64)
    codes = np.fromiter((token_code(t) for s in sentences for t in s.tokens), dtype=np.uint64,
                        count=int(lengths.sum()))
    owner = np.repeat(np.arange(len(sentences)), lengths)
    pairs = np.flatnonzero(owner[:-1] == owner[1:])
    lexical = lengths + np.maximum(lengths - 1, 0)
    share = 1.0 / np.maximum(lexical, 1)
    context_rows, context_cols = _context(sentences, articles, lengths)
    rows = np.concatenate([owner, owner[pairs], context_rows])
    cols = np.concatenate([(codes & np.uint64(COLUMNS - 1)).astype(np.int64),
                           bigram_columns(codes[pairs], codes[pairs + 1]), context_cols])
    vals = np.concatenate([share[owner], share[owner[pairs]], np.ones(len(context_rows))])
    return rows, cols, vals


@dataclass(frozen=True)
class HashedModel:
    """The shipped coefficients of the hashed columns; the others count 0."""

    columns: np.ndarray
    values: np.ndarray
    trained_on: str = ""
    table: np.ndarray = field(init=False, repr=False)
    """Every column's coefficient (4 MB): one gather scores a story."""

    def __post_init__(self) -> None:
        table = np.zeros(COLUMNS, dtype=np.float64)
        table[self.columns] = self.values
        object.__setattr__(self, "table", table)

    def score(self, sentences: Sequence[Sentence], articles: int) -> np.ndarray:
        """Each sentence's predicted kept share, relative to its story's mean."""
        rows, cols, vals = hashed_rows(sentences, articles)
        return np.bincount(rows, weights=self.table[cols] * vals, minlength=len(sentences))

    def save(self, path: Path) -> None:
        """Write the table as an uncompressed ``.npz`` (int32 columns, float16 values)."""
        with path.open("wb") as handle:
            np.savez(handle, columns=self.columns.astype(np.int32),
                     values=self.values.astype(np.float16),
                     trained_on=np.array(self.trained_on))

    @classmethod
    def load(cls, source: Path | IO[bytes]) -> HashedModel:
        """A table written by :meth:`save`, from a path or an open binary file."""
        with np.load(source, allow_pickle=False) as data:
            return cls(data["columns"].astype(np.int64), data["values"].astype(np.float64),
                       str(data["trained_on"]))


def fit_ridge(matrix: sp.csr_matrix, targets: np.ndarray, penalty: float = PENALTY,
              tolerance: float = TOLERANCE) -> np.ndarray:
    """Ridge coefficients of ``targets`` on ``matrix`` by conjugate gradients.

    The normal equations (X'X + penalty I) w = X'y are never formed: each step costs two
    sparse products, so 650,000 sentences by 2^20 columns fit in the memory of the matrix.
    There is no separate intercept (the ``#bias`` token plays it; the targets are demeaned).
    """
    transposed = matrix.T.tocsr()

    def normal(vector: np.ndarray) -> np.ndarray:
        return np.asarray(transposed @ (matrix @ vector) + penalty * vector)

    operator = LinearOperator((matrix.shape[1], matrix.shape[1]), matvec=normal,
                              dtype=np.float64)
    solution, _ = cg(operator, transposed @ targets, rtol=tolerance, maxiter=1000)
    return np.asarray(solution, dtype=np.float64)


def prune(coefficients: np.ndarray, mass: np.ndarray, keep: int = KEEP, trained_on: str = ""
          ) -> HashedModel:
    """The ``keep`` coefficients that move the training predictions most, as a shippable model.

    A column's weight in the predictions is its coefficient times its mass (the sum of its
    values over the training sentences): a common bigram with a small coefficient moves more
    scores than a rare name with a large one. Kept by that product, 100,000 coefficients
    score as the whole table (within-story correlation with the kept share 0.352 against
    0.353; the 100,000 largest coefficients alone: 0.320).
    """
    order = np.argsort(-np.abs(coefficients * mass), kind="stable")[:keep]
    columns = np.sort(order[coefficients[order] != 0])
    return HashedModel(columns, coefficients[columns], trained_on)


def fit(examples: Iterable[tuple[Sequence[Sentence], int, np.ndarray]], *,
        penalty: float = PENALTY, keep: int = KEEP, trained_on: str = "") -> HashedModel:
    """The hashed model fitted on stories' sentences and their kept shares, pruned.

    Each story's targets are taken relative to their mean: only the order of sentences within
    a story matters to the ranking, and a story whose sources all repeat the summary should
    not teach that its words are better than another story's.

    Parameters
    ----------
    examples:
        Each story's sentences, its article count and its sentences' kept shares.
    penalty:
        The ridge penalty.
    keep:
        How many coefficients to keep.
    trained_on:
        A note of the data used, kept with the table.

    Returns
    -------
    HashedModel
        The pruned coefficients.

    Raises
    ------
    ValueError
        When ``examples`` holds no sentence.
    """
    rows: list[np.ndarray] = []
    cols: list[np.ndarray] = []
    vals: list[np.ndarray] = []
    targets: list[np.ndarray] = []
    count = 0
    for sentences, articles, shares in examples:
        if not len(sentences):
            continue
        r, c, v = hashed_rows(sentences, articles)
        rows.append(r + count)
        cols.append(c.astype(np.int32))
        vals.append(v.astype(np.float32))
        targets.append(shares - shares.mean())
        count += len(sentences)
    if not count:
        raise ValueError("no training sentence given")
    matrix = sp.csr_matrix((np.concatenate(vals), (np.concatenate(rows), np.concatenate(cols))),
                           shape=(count, COLUMNS), dtype=np.float64)
    mass = np.asarray(abs(matrix).sum(axis=0)).ravel()
    return prune(fit_ridge(matrix, np.concatenate(targets), penalty), mass, keep, trained_on)
