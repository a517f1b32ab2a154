"""Who reports a chosen sentence, and in what order a reader should meet the sentences.

Attribution: for each chosen sentence, the best matching sentence of every *other* article,
kept when their cosine reaches :data:`SUPPORT_THRESHOLD`. Ordering: by where the fact stands
in the articles that report it (news puts what happened first), earliest report first.
"""

from __future__ import annotations

from datetime import date

import numpy as np

from newsweave.models import SentenceRef, Story, SummarySentence
from newsweave.summarize.base import Scored
from newsweave.summarize.vectors import SentenceVectors

SUPPORT_THRESHOLD = 0.3
"""Cosine (story TF-IDF) at which another article's sentence is taken to report the same fact;
checked by hand on the example: 0.3 joins "flown to neighbouring Kazakhstan" across three
outlets and keeps "Bakiyev fled to Jalal'abad" apart from "Bakiev fled to the south"."""


def attribute(
    story: Story, chosen: list[Scored], vectors: SentenceVectors
) -> list[SummarySentence]:
    """The chosen sentences with their supporting sentences, in reading order.

    Only the chosen rows are compared with every sentence: the whole sentence-by-sentence
    product grows with the square of the story (9,338 sentences: 0.1 GB more).
    """
    row_of = vectors.rows()
    rows = [row_of[item.sentence.ref] for item in chosen]
    similarity = (vectors.matrix[rows] @ vectors.matrix.T).toarray()
    summary = []
    for item, scores in zip(chosen, similarity, strict=True):
        summary.append(
            SummarySentence(
                sentence=item.sentence,
                score=round(float(item.score), 6),
                support=_support(vectors, scores, item.sentence.article_id),
            )
        )
    return sorted(summary, key=lambda s: _reading_key(story, s))


def _support(
    vectors: SentenceVectors, scores: np.ndarray, own_article: str
) -> tuple[SentenceRef, ...]:
    best: dict[str, tuple[float, SentenceRef]] = {}
    for row in np.flatnonzero(scores >= SUPPORT_THRESHOLD):
        sentence = vectors.sentences[row]
        if sentence.article_id == own_article:
            continue
        current = best.get(sentence.article_id)
        if current is None or scores[row] > current[0]:
            best[sentence.article_id] = (float(scores[row]), sentence.ref)
    ranked = sorted(best.values(), key=lambda pair: (-pair[0], pair[1]))
    return tuple(ref for _, ref in ranked)


def _reading_key(story: Story, item: SummarySentence) -> tuple[float, date, str, int]:
    refs = (item.sentence.ref, *item.support)
    position = min(ref.index / max(len(story.article(ref.article_id).sentences), 1) for ref in refs)
    published = story.article(item.sentence.article_id).published or date.max
    return (round(position, 3), published, item.sentence.article_id, item.sentence.index)
