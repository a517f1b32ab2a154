"""What a brief compares pair by pair when a story is too large to compare whole.

The summarizers and the claims hold sentence-by-sentence cosine matrices, so their memory
grows with the square of the sentence count: 4,858 sentences (149 DUC reports) took `mmr`
to 0.43 GB and the claims to 0.68 GB, 9,338 sentences took them to 1.3 and 2.3 GB. A story of
more than :data:`MAX_COMPARED_SENTENCES` is bounded before they see it, in one linear pass
over its TF-IDF vectors:

* the summarizer chooses among the sentences that lead their reports, then those nearest the
  story's centroid (:func:`candidate_story`): news puts what happened first, and what many
  reports say is what the centroid holds;
* the claims compare whole reports, those nearest the story's centroid
  (:func:`nearest_reports`): a conflict or an agreement is between reports, so a report is
  read whole or not at all.

A story within the bound is returned as it is, so its brief is what it was.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import numpy as np
import scipy.sparse as sp

from newsweave.models import Sentence, Story
from newsweave.summarize.vectors import SentenceVectors

MAX_COMPARED_SENTENCES = 5_000
"""Most sentences a summarizer or the claims compare pair by pair: the cap briefs had before
(some 150 news reports, 0.7 GB at most), so every story that briefed then briefs the same."""
LEAD_SENTENCES = 3
"""Sentences of each report that are candidates before any other: a report's lead."""


def candidate_story(story: Story, limit: int = MAX_COMPARED_SENTENCES) -> Story:
    """``story`` with at most ``limit`` sentences: each report's first
    :data:`LEAD_SENTENCES`, then the others, each group nearest the story's centroid first.

    Every report stays, even with no sentence left, so a summarizer still counts how many
    articles share a phrase among all of them; sentences keep their index in their report.
    """
    sentences = story.sentences
    if len(sentences) <= limit:
        return story
    centrality = SentenceVectors.build(sentences).centroid_similarity()
    beyond_lead = np.array([s.index >= LEAD_SENTENCES for s in sentences])
    order = np.lexsort((np.arange(len(sentences)), -centrality, beyond_lead))
    kept = {sentences[row].ref for row in order[:limit].tolist()}
    return _keeping(story, lambda sentence: sentence.ref in kept)


def nearest_reports(story: Story, limit: int = MAX_COMPARED_SENTENCES) -> Story:
    """``story`` with only the reports nearest its centroid (by the cosine of a report's
    summed TF-IDF with the story's), whole and in story order, while their sentences number
    at most ``limit``; a report longer than what is left is passed over for shorter ones."""
    sentences = story.sentences
    if len(sentences) <= limit:
        return story
    closeness = _report_closeness(story, SentenceVectors.build(sentences))
    chosen: set[str] = set()
    left = limit
    for position in np.argsort(-closeness, kind="stable").tolist():
        report = story.articles[position]
        if 0 < len(report.sentences) <= left:
            chosen.add(report.id)
            left -= len(report.sentences)
    return replace(story, articles=tuple(a for a in story.articles if a.id in chosen))


def bounded_note(story: Story, *, claims: bool = True, limit: int = MAX_COMPARED_SENTENCES
                 ) -> str | None:
    """What a brief of ``story`` did not compare, in a warning's words (``claims``: whether
    the brief has them; a story of one report has none); None within the bound."""
    count = len(story.sentences)
    if count <= limit:
        return None
    note = (f"the story holds {count:,} sentences, more than a brief compares pair by pair "
            f"({limit:,}): the summary was chosen among the {limit:,} that lead their reports "
            f"or stand nearest the story's centre")
    if not claims or len(story.articles) < 2:
        return note
    compared = nearest_reports(story, limit)
    if len(compared.articles) < 2:
        return (f"{note}; no conflicts, agreements or single-source facts were sought: they "
                f"compare whole reports, and fewer than two of its reports fit in {limit:,} "
                f"sentences")
    return (f"{note}, and conflicts, agreements and single-source facts were sought among "
            f"the {len(compared.articles):,} of {len(story.articles):,} reports nearest its "
            f"centre ({len(compared.sentences):,} sentences)")


def _report_closeness(story: Story, vectors: SentenceVectors) -> np.ndarray:
    """Each report's cosine with the story's centroid, its sentences' vectors summed."""
    position = {article.id: k for k, article in enumerate(story.articles)}
    owner = [position[s.article_id] for s in vectors.sentences]
    membership = sp.csr_matrix((np.ones(len(owner)), (owner, np.arange(len(owner)))),
                               shape=(len(story.articles), len(owner)))
    reports = membership @ vectors.matrix
    centroid = np.asarray(vectors.matrix.sum(axis=0)).ravel()
    norms = np.sqrt(np.asarray(reports.multiply(reports).sum(axis=1)).ravel())
    scale = np.maximum(np.linalg.norm(centroid) * norms, 1e-12)
    return np.asarray(np.asarray(reports @ centroid).ravel() / scale)


def _keeping(story: Story, keep: Callable[[Sentence], bool]) -> Story:
    return replace(story, articles=tuple(
        article.with_sentences(tuple(s for s in article.sentences if keep(s)))
        for article in story.articles))
