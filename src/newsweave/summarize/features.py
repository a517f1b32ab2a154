"""What the selection algorithms measure about a story's sentences: concepts and features.

Concepts are the units a summary should cover: adjacent pairs of content stems (bigrams, as
in Gillick & Favre 2009) and, optionally, single content stems. A concept weighs by the number
of articles that use it, since what several outlets report is what the story is about.

Sentence features feed the learned scorer (:mod:`newsweave.summarize.learned`); each is cheap
(one pass over the story's TF-IDF and concept matrices), so scoring stays within milliseconds.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

import numpy as np
import scipy.sparse as sp

from newsweave.models import Budget, Sentence
from newsweave.summarize.attribution import SUPPORT_THRESHOLD
from newsweave.summarize.eligibility import (
    MAX_WORDS,
    is_eligible,
    reads_alone,
    standalone_factor,
)
from newsweave.summarize.vectors import SentenceVectors, sentence_stems

FILLER_MIN_WORDS = 4
"""Shorter sentences never fill leftover budget, even last: in DUC summaries 15 of the 19
three-word fillers were fragments or leaned on their article ("Four hundred families.", "In
ten years.", "Zyuganov told reporters.", "The engine turned.")."""

FEATURE_NAMES: tuple[str, ...] = (
    "bias",
    "lead",  # 1 for an article's first sentence: news writes what happened first
    "inverse_position",  # 1 / sqrt(1 + index)
    "relative_position",  # index / sentences in the article
    "log_words",  # log(1 + words): longer sentences hold more of the reference
    "short",  # 1 under ELIGIBLE words: fragments, headings, datelines
    "centroid",  # cosine with the story's TF-IDF centroid
    "support",  # share of the other articles with a sentence reporting the same fact
    "concept_mass",  # mean article frequency of the sentence's bigrams, over the articles
    "unigram_mass",  # mean article frequency of the sentence's content stems
    "standalone",  # 1 for a sentence that reads alone, less when it leans on context
    "quote",  # 1 when the sentence holds a quotation mark
    "article_position",  # the article's place in the story, 0 first, 1 last
    "keep_odds",  # mean log-odds that a summary keeps the sentence's stems (Lexicon)
    "least_kept",  # the lowest of those: one "javascript" or "subscriber" marks page junk
    "background_idf",  # mean inverse document frequency of its stems in news (Lexicon)
)
"""The learned scorer's inputs, in the order of its weight vector."""


@dataclass(frozen=True)
class Lexicon:
    """Background statistics of stems in news: how rare each is (inverse document frequency)
    and how often a human summary keeps it when a source uses it (log-odds).

    Learned from Multi-News train by ``newsweave train``; it holds statistics per stem, no
    text. A stem it does not know gets the defaults (a rare word, kept at the base rate).
    """

    idf: Mapping[str, float]
    keep: Mapping[str, float]
    default_idf: float
    default_keep: float

    def columns(self, stems: list[str]) -> tuple[float, float, float]:
        """Mean keep log-odds, lowest keep log-odds and mean IDF of ``stems``."""
        if not stems:
            return self.default_keep, self.default_keep, self.default_idf
        keep = [self.keep.get(s, self.default_keep) for s in stems]
        idf = [self.idf.get(s, self.default_idf) for s in stems]
        return sum(keep) / len(keep), min(keep), sum(idf) / len(idf)

    def to_dict(self) -> dict[str, object]:
        return {"idf": dict(self.idf), "keep": dict(self.keep),
                "default_idf": self.default_idf, "default_keep": self.default_keep}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Lexicon:
        return cls({str(k): float(v) for k, v in data["idf"].items()},
                   {str(k): float(v) for k, v in data["keep"].items()},
                   float(data["default_idf"]), float(data["default_keep"]))


def sentence_bigrams(stems: list[str]) -> set[str]:
    """Adjacent pairs of content stems, joined by a space."""
    return {f"{a} {b}" for a, b in pairwise(stems)}


@dataclass(frozen=True)
class Concepts:
    """A sentence-by-concept incidence matrix and each concept's article frequency."""

    sentences: tuple[Sentence, ...]
    matrix: sp.csr_matrix
    names: tuple[str, ...]
    article_frequency: np.ndarray

    @classmethod
    def build(cls, sentences: tuple[Sentence, ...], *, orders: tuple[int, ...] = (2,)
              ) -> Concepts:
        """Concepts of ``sentences``: content stems (order 1), their bigrams (order 2) or both.

        Parameters
        ----------
        sentences:
            The story's sentences, in any order; rows follow it.
        orders:
            Which n-gram orders count as concepts.

        Returns
        -------
        Concepts
            The incidence matrix (one row per sentence, 1 where the sentence holds the
            concept) and the number of distinct articles that hold each concept.
        """
        index: dict[str, int] = {}
        rows: list[int] = []
        cols: list[int] = []
        for row, sentence in enumerate(sentences):
            stems = sentence_stems(sentence)
            found = (sentence_bigrams(stems) if 2 in orders else set()) | (
                set(stems) if 1 in orders else set())
            rows.extend([row] * len(found))
            cols.extend([index.setdefault(concept, len(index)) for concept in found])
        matrix = sp.csr_matrix(
            (np.ones(len(rows)), (rows, cols)), shape=(len(sentences), max(len(index), 1))
        )
        return cls(sentences, matrix, tuple(index), article_frequency(sentences, matrix))

    def shared(self, min_articles: int, articles: int) -> tuple[sp.csr_matrix, np.ndarray]:
        """The incidence columns and article frequencies of the concepts that at least
        ``min_articles`` articles use (all articles, in a story of fewer)."""
        keep = self.article_frequency >= min(min_articles, articles)
        return self.matrix[:, keep].tocsr(), self.article_frequency[keep]


def article_frequency(sentences: tuple[Sentence, ...], incidence: sp.spmatrix) -> np.ndarray:
    """How many distinct articles use each column of a sentence-by-term ``incidence``: one
    sparse product with the sentence-to-article map, not a set per term (a 25-article story
    has some 20,000 bigrams)."""
    ids: dict[str, int] = {}
    article = [ids.setdefault(s.article_id, len(ids)) for s in sentences]
    membership = sp.csr_matrix((np.ones(len(sentences)), (article, np.arange(len(sentences)))),
                               shape=(max(len(ids), 1), len(sentences)))
    return np.asarray(((membership @ (incidence != 0)) > 0).sum(axis=0), dtype=np.float64
                      ).ravel()


def costs(sentences: tuple[Sentence, ...], budget: Budget) -> np.ndarray:
    """What each sentence costs in the budget's unit, with the byte budget's joining space."""
    extra = 1 if budget.unit == "bytes" else 0
    return np.array([budget.cost(s.text) + extra for s in sentences], dtype=np.float64)


def eligible_rows(sentences: tuple[Sentence, ...]) -> np.ndarray:
    """Rows of the sentences that may stand in a summary; all rows when none may."""
    rows = np.array([i for i, s in enumerate(sentences) if is_eligible(s)], dtype=np.int64)
    return rows if rows.size else np.arange(len(sentences))


def ranked_rows(sentences: tuple[Sentence, ...], scores: np.ndarray, *,
                allow_long: bool = False) -> list[int]:
    """Rows best first: every eligible sentence, then the short ones of at least
    :data:`FILLER_MIN_WORDS` words that read alone, which only fill what budget the others
    leave.

    Filling matters because ROUGE rewards a summary that uses its whole length: on 300
    Multi-News val clusters the fillers raised the learned scorer from 43.7/14.4 to
    44.1/14.6 R-1/R-2 F1. With ``allow_long``, sentences over eligibility's
    :data:`~newsweave.summarize.eligibility.MAX_WORDS` compete with the eligible ones
    instead of only filling: Multi-News's tokenized release glues sentences together (6.6 %
    of its val sentences are longer), and those are often what its summaries keep.
    """
    eligible = eligible_rows(sentences)
    if allow_long:
        long = [i for i, s in enumerate(sentences) if len(s.text.split()) > MAX_WORDS]
        eligible = np.union1d(eligible, np.array(long, dtype=np.int64))
    rest = np.setdiff1d(np.arange(len(sentences)), eligible)
    fillers = [i for i in rest.tolist()
               if len(sentences[i].text.split()) >= FILLER_MIN_WORDS and reads_alone(sentences[i])]
    return (sorted(eligible.tolist(), key=lambda i: (-scores[i], i))
            + sorted(fillers, key=lambda i: (-scores[i], i)))


def support(sentences: tuple[Sentence, ...], similarity: np.ndarray, articles: int) -> np.ndarray:
    """Each sentence's share of the other articles that report the same fact.

    A sentence of another article "reports the same fact" when its cosine reaches
    :data:`~newsweave.summarize.attribution.SUPPORT_THRESHOLD`, the rule attribution uses.
    """
    ids = sorted({s.article_id for s in sentences})
    article_of = np.array([ids.index(s.article_id) for s in sentences])
    membership = np.zeros((len(sentences), len(ids)))
    membership[np.arange(len(sentences)), article_of] = 1.0
    reports = ((similarity >= SUPPORT_THRESHOLD).astype(np.float64) @ membership) > 0
    reports[np.arange(len(sentences)), article_of] = False
    return np.asarray(reports.sum(axis=1) / max(articles - 1, 1), dtype=np.float64)


def _mean_mass(incidence: sp.csr_matrix, frequency: np.ndarray, articles: int) -> np.ndarray:
    counts = np.asarray(incidence.sum(axis=1)).ravel()
    mass = np.asarray(incidence @ frequency).ravel()
    return np.asarray(mass / np.maximum(counts, 1.0) / max(articles, 1), dtype=np.float64)


def sentence_features(
    sentences: tuple[Sentence, ...], vectors: SentenceVectors, articles: int, lexicon: Lexicon
) -> np.ndarray:
    """The :data:`FEATURE_NAMES` of every sentence, one row each.

    Parameters
    ----------
    sentences:
        The story's sentences, grouped by article in story order.
    vectors:
        Their TF-IDF vectors (for centroid similarity and support).
    articles:
        How many articles the story has.
    lexicon:
        Background statistics of stems.

    Returns
    -------
    numpy.ndarray
        A ``(len(sentences), len(FEATURE_NAMES))`` matrix.
    """
    sizes: dict[str, int] = {}
    order: dict[str, int] = {}
    for s in sentences:
        sizes[s.article_id] = sizes.get(s.article_id, 0) + 1
        order.setdefault(s.article_id, len(order))
    index = np.array([s.index for s in sentences], dtype=np.float64)
    words = np.array([len(s.text.split()) for s in sentences], dtype=np.float64)
    bigrams = Concepts.build(sentences)
    stems = (vectors.matrix != 0).astype(np.float64)  # the TF-IDF rows hold each stem once
    lexical = np.array([lexicon.columns(sentence_stems(s)) for s in sentences]
                       ).reshape(len(sentences), 3)
    columns = [
        np.ones(len(sentences)),
        (index == 0).astype(np.float64),
        1.0 / np.sqrt(1.0 + index),
        index / np.array([sizes[s.article_id] for s in sentences]),
        np.log1p(words),
        np.array([0.0 if is_eligible(s) else 1.0 for s in sentences]),
        vectors.centroid_similarity(),
        support(sentences, vectors.similarity(), articles),
        _mean_mass(bigrams.matrix, bigrams.article_frequency, articles),
        _mean_mass(stems, article_frequency(sentences, stems), articles),
        np.array([standalone_factor(s) for s in sentences]),
        np.array([1.0 if ('"' in s.text or "“" in s.text) else 0.0 for s in sentences]),
        np.array([order[s.article_id] for s in sentences]) / max(articles - 1, 1),
        *lexical.T,
    ]
    return np.column_stack(columns)

