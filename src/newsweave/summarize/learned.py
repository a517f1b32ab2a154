"""A sentence scorer learned from Multi-News: how much of a sentence a human summary keeps.

The target of a training sentence is its n-gram precision against the cluster's reference
summary (the mean of its content-stem unigram and bigram precision): the share of what it
says that a summary writer kept. A ridge regression maps the cheap features of
:mod:`newsweave.summarize.features` to that share; its weights ship as JSON in
``newsweave/data/`` and ``newsweave train`` refits them. Running it costs one matrix product.

A share is a density, so sentences rank by share x sqrt(words) (at equal density a longer
sentence brings more of what the summary keeps), and sentences too long for eligibility
compete too: both raised Multi-News val 1,000 from 44.41/15.14 to 44.86/16.03 R-1/R-2 F1.
"""

from __future__ import annotations

import gzip
import itertools
import json
import math
import zipfile
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from newsweave.errors import IngestError, InvalidOptionError
from newsweave.ingest import articles_from_record
from newsweave.models import Budget, Sentence, Story
from newsweave.summarize import hashed
from newsweave.summarize.base import Scored, Summarizer, require_sentences
from newsweave.summarize.features import (
    FEATURE_NAMES,
    Lexicon,
    ranked_rows,
    sentence_bigrams,
    sentence_features,
)
from newsweave.summarize.registry import register
from newsweave.summarize.selection import take_nonredundant
from newsweave.summarize.vectors import SentenceVectors, sentence_stems, token_stems
from newsweave.text import tokenize

WEIGHTS_RESOURCE = "sentence_scorer.json"
"""The shipped weights, in the package's ``data`` folder."""
HASHED_RESOURCE = "hashed_scorer.npz"
"""The shipped coefficients of the hashed lexical model (:mod:`newsweave.summarize.hashed`)."""
BLEND = 0.6
"""Share of the hashed model's prediction in the score, the rest the 16-feature ridge's. On
the first 300 Multi-News val clusters 0.5, 0.6 and 0.7 gave 45.38/15.95, 45.48/16.03 and
45.49/16.07 R-1/R-2 F1 (session 4); 0.6 did best on val 1,000."""
TRAIN_CLUSTERS = 1500
"""Multi-News train clusters the regression is fitted on (about 30,000 sentences: 16 weights
need no more, and fitting stays near a minute)."""
LEXICON_CLUSTERS = 20_000
"""Clusters the lexicon is counted on: enough to see 7,000 stems in 50+ documents each."""
MIN_SOURCES = 50
"""Stems in fewer training documents than this are not listed: their rates are noise, and
leaving them out keeps the shipped table small (about 7,000 stems from 20,000 clusters)."""
SMOOTHING = 20.0
"""Pseudo-documents at the base keep rate added to every stem (additive smoothing), so a stem
seen in 50 documents cannot claim a rate of 0 or 1."""
REDUNDANCY = 0.4
"""Cosine above which a candidate repeats a chosen sentence. On 300 Multi-News val clusters
(R-1/R-2 F1, with :data:`LENGTH_EXPONENT` and long sentences ranked) 0.3 gave 44.92/15.43,
0.4 44.87/15.57, 0.5 44.80/15.57, 0.6 44.72/15.53 (see docs/bench/summarize.md)."""
LENGTH_EXPONENT = 0.5
"""Sentences rank by predicted kept share x words ** LENGTH_EXPONENT: the share is a density,
and at equal density a longer sentence brings more of what the summary keeps for one
sentence's worth of repeats risked. On 300 Multi-News val clusters 0: 44.36/15.06 (repeats at
0.5), 0.3: 44.81/15.55, 0.5: 44.87/15.57, 1.0: 44.84/15.45 R-1/R-2 F1 (repeats at 0.4)."""
HASHED_CLUSTERS = 43_500
"""Clusters after the regression's that the hashed model is fitted on: all the rest of
Multi-News train (44,972 clusters). Its words need every sentence it can get: 5,000, 23,000
and 43,000 clusters raised the first 300 val clusters step by step (docs/bench/summarize.md)."""
RIDGE = 1.0
"""L2 penalty of the regression (on standardised features): enough to keep correlated
position features from trading huge opposite weights, too little to flatten them."""


@dataclass(frozen=True)
class SentenceScorer:
    """A linear model over standardised :data:`FEATURE_NAMES`."""

    features: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    weights: np.ndarray
    lexicon: Lexicon
    trained_on: str = ""

    def score(self, story: Story) -> np.ndarray:
        """The predicted kept share of each of the story's sentences, in story order."""
        sentences = story.sentences
        matrix = sentence_features(sentences, SentenceVectors.build(sentences),
                                   len(story.articles), self.lexicon)
        return self.predict(matrix)

    def predict(self, matrix: np.ndarray) -> np.ndarray:
        """Scores of feature rows."""
        return np.asarray(((matrix - self.mean) / self.scale) @ self.weights, dtype=np.float64)

    def to_dict(self) -> dict[str, Any]:
        return {"features": list(self.features), "mean": self.mean.tolist(),
                "scale": self.scale.tolist(), "weights": self.weights.tolist(),
                "trained_on": self.trained_on, "lexicon": self.lexicon.to_dict()}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SentenceScorer:
        """A scorer from its JSON form.

        Raises
        ------
        InvalidOptionError
            When the weights were fitted on other features than this version computes.
        """
        features = tuple(data["features"])
        if features != FEATURE_NAMES:
            raise InvalidOptionError(
                f"sentence scorer weights are for features {list(features)}; this version "
                f"computes {list(FEATURE_NAMES)} (retrain with `newsweave train`)")
        return cls(features, np.array(data["mean"]), np.array(data["scale"]),
                   np.array(data["weights"]), Lexicon.from_dict(data["lexicon"]),
                   str(data.get("trained_on", "")))

    @classmethod
    def load(cls, path: Path | None = None) -> SentenceScorer:
        """The weights at ``path``, or the shipped ones.

        Raises
        ------
        InvalidOptionError
            When the file cannot be read or is not a scorer's JSON.
        """
        try:
            text = (path.read_text(encoding="utf-8") if path is not None else
                    resources.files("newsweave.data").joinpath(WEIGHTS_RESOURCE)
                    .read_text(encoding="utf-8"))
            return cls.from_dict(json.loads(text))
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise InvalidOptionError(
                f"cannot read sentence scorer weights {path or WEIGHTS_RESOURCE}: {exc}"
            ) from exc


@lru_cache(maxsize=4)
def load_scorer(path: Path | None = None) -> SentenceScorer:
    """:meth:`SentenceScorer.load`, read once per path (the shipped table is 7,000 stems)."""
    return SentenceScorer.load(path)


@lru_cache(maxsize=4)
def load_hashed(path: Path | None = None) -> hashed.HashedModel:
    """The hashed model at ``path`` or the shipped one, read once per path.

    Raises
    ------
    InvalidOptionError
        When the file cannot be read or is not a table written by ``newsweave train``.
    """
    try:
        if path is not None:
            return hashed.HashedModel.load(path)
        with resources.files("newsweave.data").joinpath(HASHED_RESOURCE).open("rb") as data:
            return hashed.HashedModel.load(data)
    except (OSError, ValueError, KeyError, zipfile.BadZipFile) as exc:
        raise InvalidOptionError(
            f"cannot read the hashed model {path or HASHED_RESOURCE}: {exc}") from exc


def kept_share(sentence: Sentence, reference_unigrams: set[str], reference_bigrams: set[str]
               ) -> float:
    """The training target: mean of the sentence's unigram and bigram precision against the
    reference, over content stems."""
    stems = sentence_stems(sentence)
    if not stems:
        return 0.0
    unigram = sum(s in reference_unigrams for s in stems) / len(stems)
    bigrams = sentence_bigrams(stems)
    bigram = len(bigrams & reference_bigrams) / len(bigrams) if bigrams else 0.0
    return (unigram + bigram) / 2.0


def kept_shares(story: Story, reference: str) -> np.ndarray:
    """:func:`kept_share` of each of the story's sentences against its reference summary."""
    stems = token_stems(tokenize(reference))
    unigrams, bigrams = set(stems), sentence_bigrams(stems)
    return np.array([kept_share(s, unigrams, bigrams) for s in story.sentences],
                    dtype=np.float64)


def training_rows(story: Story, reference: str, lexicon: Lexicon
                  ) -> tuple[np.ndarray, np.ndarray]:
    """Features and targets of one training story against its reference summary."""
    sentences = story.sentences
    matrix = sentence_features(sentences, SentenceVectors.build(sentences), len(story.articles),
                               lexicon)
    return matrix, kept_shares(story, reference)


def fit(examples: Iterable[tuple[Story, str]], lexicon: Lexicon, trained_on: str = ""
        ) -> SentenceScorer:
    """A ridge regression of :func:`kept_share` on the features of every sentence.

    Parameters
    ----------
    examples:
        Stories with their reference summary.
    lexicon:
        Background stem statistics, best from other clusters than ``examples`` (a lexicon
        fitted on the same summaries would make its features look better than they are).
    trained_on:
        A note of the data used, kept with the weights.

    Returns
    -------
    SentenceScorer
        The fitted model.

    Raises
    ------
    InvalidOptionError
        When ``examples`` is empty.
    """
    blocks = [training_rows(story, reference, lexicon) for story, reference in examples]
    if not blocks:
        raise InvalidOptionError("no training example given; need at least one story")
    matrix = np.vstack([m for m, _ in blocks])
    targets = np.concatenate([t for _, t in blocks])
    mean, scale = matrix.mean(axis=0), matrix.std(axis=0)
    mean[0], scale[0] = 0.0, 1.0  # the bias column stays a column of ones
    scale[scale == 0] = 1.0
    standard = (matrix - mean) / scale
    penalty = RIDGE * np.eye(standard.shape[1])
    penalty[0, 0] = 0.0
    weights = np.linalg.solve(standard.T @ standard + penalty, standard.T @ targets)
    return SentenceScorer(FEATURE_NAMES, mean, scale, weights, lexicon, trained_on)


def fit_lexicon(examples: Iterable[tuple[list[str], str]], min_sources: int = MIN_SOURCES
                ) -> Lexicon:
    """Stem statistics from document clusters and their reference summaries.

    Parameters
    ----------
    examples:
        Each cluster's document texts and its reference summary.
    min_sources:
        Stems used by fewer documents are left out (they take the defaults).

    Returns
    -------
    Lexicon
        IDF over documents and smoothed keep log-odds of every stem frequent enough.
    """
    documents = 0
    used: Counter[str] = Counter()
    kept: Counter[str] = Counter()
    for texts, reference in examples:
        summary = set(token_stems(tokenize(reference)))
        for text in texts:
            stems = set(token_stems(tokenize(text)))
            documents += 1
            used.update(stems)
            kept.update(stems & summary)
    base = sum(kept.values()) / max(sum(used.values()), 1)
    frequent = sorted(s for s, n in used.items() if n >= min_sources)
    return Lexicon(
        idf={s: round(math.log(documents / used[s]), 3) for s in frequent},
        keep={s: round(_log_odds((kept[s] + SMOOTHING * base) / (used[s] + SMOOTHING)), 3)
              for s in frequent},
        default_idf=round(math.log(max(documents, 1) / max(min_sources - 1, 1)), 3),
        default_keep=round(_log_odds(base), 3) if 0 < base < 1 else 0.0,
    )


def _log_odds(p: float) -> float:
    return math.log(p / (1.0 - p))


def select_by_share(sentences: tuple[Sentence, ...], shares: np.ndarray,
                    vectors: SentenceVectors, redundancy: float, budget: Budget) -> list[Scored]:
    """Sentences best first by predicted kept share x words ** :data:`LENGTH_EXPONENT`,
    sentences too long for eligibility among the candidates, repeats skipped, budget filled.

    Parameters
    ----------
    sentences:
        The story's sentences.
    shares:
        Their predicted kept shares.
    vectors:
        Their TF-IDF vectors (for the repeat test).
    redundancy:
        Cosine with an already chosen sentence above which a candidate is a repeat.
    budget:
        The summary's budget.

    Returns
    -------
    list of Scored
        The chosen sentences, each scored by its ranking value.
    """
    words = np.array([len(s.text.split()) for s in sentences], dtype=np.float64)
    values = shares * np.maximum(words, 1.0) ** LENGTH_EXPONENT
    return take_nonredundant(sentences, values, ranked_rows(sentences, values, allow_long=True),
                             vectors.similarity(), redundancy, budget)


@register
class LearnedSummarizer(Summarizer):
    """Sentences ranked by a blend of two models learned on Multi-News (a ridge regression on
    16 features and a hashed lexical model), times the square root of their length, repeats
    skipped.

    Parameters
    ----------
    weights:
        A weights file written by ``newsweave train``; None uses the shipped weights.
    hashed:
        A hashed model written by ``newsweave train --hashed-output``; None uses the shipped
        one.
    blend:
        Share of the hashed model's prediction in the score (0 ranks by the ridge alone).
    redundancy:
        Cosine with an already chosen sentence above which a candidate is a repeat.

    Raises
    ------
    InvalidOptionError
        When a weights file cannot be read.
    """

    name = "learned"

    def __init__(self, *, weights: Path | None = None, hashed: Path | None = None,
                 blend: float = BLEND, redundancy: float = REDUNDANCY) -> None:
        self.weights = weights
        self.hashed = hashed
        self.blend = blend
        self.redundancy = redundancy

    def select(self, story: Story, budget: Budget) -> list[Scored]:
        scorer = load_scorer(self.weights)
        sentences = require_sentences(story)
        vectors = SentenceVectors.build(sentences)
        articles = len(story.articles)
        shares = scorer.predict(sentence_features(sentences, vectors, articles, scorer.lexicon))
        if self.blend:
            lexical = load_hashed(self.hashed).score(sentences, articles)
            shares = (1.0 - self.blend) * shares + self.blend * lexical
        return select_by_share(sentences, shares, vectors, self.redundancy, budget)


def read_training_clusters(path: Path, start: int, stop: int) -> Iterator[dict[str, Any]]:
    """Lines ``start`` to ``stop`` of a gzipped Multi-News JSONL file, parsed.

    Raises
    ------
    InvalidOptionError
        When the file cannot be read.
    """
    try:
        with gzip.open(path, "rt", encoding="utf-8") as lines:
            for line in itertools.islice(lines, start, stop):
                yield json.loads(line)
    except (OSError, ValueError) as exc:
        raise InvalidOptionError(f"cannot read training data {path}: {exc}") from exc


def training_examples(path: Path, start: int, stop: int) -> Iterator[tuple[Story, str]]:
    """The stories of clusters ``start`` to ``stop`` with their first reference summary;
    clusters with no readable document are passed over.

    Raises
    ------
    InvalidOptionError
        When the file cannot be read.
    """
    for record in read_training_clusters(path, start, stop):
        try:
            articles = articles_from_record(
                {"id": record["id"], "documents": record["documents"]}, f"{path}:{record['id']}")
        except IngestError:
            continue  # a cluster of empty or junk-only documents teaches nothing
        yield Story(tuple(articles), id=str(record["id"])), str(record["summaries"][0])


def train(path: Path, limit: int = TRAIN_CLUSTERS, lexicon_limit: int = LEXICON_CLUSTERS
          ) -> SentenceScorer:
    """Fit the lexicon and the scorer on Multi-News train: the regression on the first
    ``limit`` clusters, the lexicon on the ``lexicon_limit`` clusters after them.

    Parameters
    ----------
    path:
        Multi-News ``train.jsonl.gz`` (``{"id", "documents", "summaries"}`` a line).
    limit, lexicon_limit:
        How many clusters each part uses.

    Returns
    -------
    SentenceScorer
        The fitted scorer.

    Raises
    ------
    InvalidOptionError
        When a limit is below 1, or the data cannot be read or holds no usable cluster.
    """
    if limit < 1 or lexicon_limit < 1:
        raise InvalidOptionError(
            f"training limits must be at least 1, got limit={limit}, "
            f"lexicon_limit={lexicon_limit}")
    lexicon = fit_lexicon(
        ([str(d) for d in record["documents"]], str(record["summaries"][0]))
        for record in read_training_clusters(path, limit, limit + lexicon_limit))
    note = (f"{path.name}: regression on clusters 0-{limit - 1}, lexicon on "
            f"{limit}-{limit + lexicon_limit - 1}")
    return fit(training_examples(path, 0, limit), lexicon, note)


def train_hashed(path: Path, start: int, stop: int, keep: int = hashed.KEEP
                 ) -> hashed.HashedModel:
    """Fit the hashed lexical model on Multi-News train clusters ``start`` to ``stop``.

    All of Multi-News train after the regression's clusters takes about 7 minutes (5 of CPU)
    and 2.4 GB of memory; the lexicon's clusters may be among them, since the hashed model
    reads no lexicon feature.

    Raises
    ------
    InvalidOptionError
        When the data cannot be read or holds no usable sentence.
    """
    examples = ((story.sentences, len(story.articles), kept_shares(story, reference))
                for story, reference in training_examples(path, start, stop))
    try:
        return hashed.fit(examples, keep=keep,
                          trained_on=f"{path.name}: hashed ridge on clusters {start}-{stop - 1}")
    except ValueError as exc:
        raise InvalidOptionError(f"cannot fit the hashed model on {path}: {exc}") from exc
