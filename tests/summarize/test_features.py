"""Concepts, costs and the candidate order the algorithms share."""

from __future__ import annotations

import numpy as np

from newsweave.models import Article, Budget, Sentence
from newsweave.summarize.features import Concepts, costs, ranked_rows
from newsweave.text import split_article

TEXT = ("Heavy rain caused floods in the northern province on Monday. "
        "Sign me up! "
        "Rescue boats reached the stranded villagers. "
        "Officials said more rain was expected later in the week. "
        "Floods again.")


def _sentences() -> tuple[Sentence, ...]:
    return split_article(Article(id="a", text=TEXT)).sentences


def test_fillers_come_after_every_eligible_sentence_and_fragments_never() -> None:
    sentences = _sentences()
    scores = np.array([0.1, 0.9, 0.5, 0.3, 0.8])
    order = ranked_rows(sentences, scores)
    assert order == [2, 3, 0, 1]  # eligible by score, then "Sign me up!"; "Floods again." out


def test_bigram_concepts_count_articles_not_sentences() -> None:
    first = split_article(Article(id="a", text="Heavy rain fell. Heavy rain again today."))
    second = split_article(Article(id="b", text="Heavy rain hit the coast."))
    concepts = Concepts.build(first.sentences + second.sentences)
    assert concepts.article_frequency[concepts.names.index("heavi rain")] == 2
    both = Concepts.build(first.sentences, orders=(1, 2))
    assert {"heavi", "rain", "heavi rain"} <= set(both.names)


def test_byte_costs_include_the_joining_space() -> None:
    sentences = _sentences()[:2]
    assert costs(sentences, Budget(100, "bytes")).tolist() == [
        len(s.text.encode()) + 1 for s in sentences]
    assert costs(sentences, Budget(3, "sentences")).tolist() == [1.0, 1.0]
