"""LexRank, MMR and the submodular summarizer each do the one thing they are named for."""

from __future__ import annotations

import numpy as np
import pytest
import scipy.sparse as sp

from newsweave.errors import InvalidOptionError
from newsweave.models import Budget, Story
from newsweave.summarize import create
from newsweave.summarize.lexrank import centrality
from newsweave.summarize.mmr import ConceptGain, MMRSummarizer, mmr_order
from newsweave.summarize.submodular import submodular_order

# Sentence 0 resembles all others; 1-3 resemble only sentence 0; 4 stands alone.
STAR = np.array([
    [1.0, 0.5, 0.5, 0.5, 0.0],
    [0.5, 1.0, 0.0, 0.0, 0.0],
    [0.5, 0.0, 1.0, 0.0, 0.0],
    [0.5, 0.0, 0.0, 1.0, 0.0],
    [0.0, 0.0, 0.0, 0.0, 1.0],
])
# Sentences 0 and 1 say the same thing; 2 says something else, a little less central.
TWINS = np.array([
    [1.0, 0.95, 0.1],
    [0.95, 1.0, 0.1],
    [0.1, 0.1, 1.0],
])


def test_lexrank_hub_is_most_central_and_scores_are_a_distribution() -> None:
    scores = centrality(STAR)
    assert scores.sum() == pytest.approx(1.0)
    assert int(np.argmax(scores)) == 0
    assert scores[1] == pytest.approx(scores[2]) == pytest.approx(scores[3])
    assert scores[4] < scores[1]  # an isolated sentence gets only the random jump


def test_lexrank_prefers_what_outlets_repeat(example_story: Story) -> None:
    chosen = create("lexrank").select(example_story, Budget(2, "sentences"))
    assert any("Kazakhstan" in item.sentence.text for item in chosen)


def test_mmr_takes_the_novel_sentence_before_the_twin() -> None:
    order = mmr_order(np.array([0.9, 0.89, 0.6]), TWINS, np.ones(3), 2.0, trade_off=0.5)
    assert order == [0, 2]


def test_mmr_with_trade_off_one_ranks_by_relevance_alone() -> None:
    order = mmr_order(np.array([0.9, 0.89, 0.6]), TWINS, np.ones(3), 2.0, trade_off=1.0)
    assert order == [0, 1]


# Rows 0 and 1 hold the same shared phrase (concept 0), row 2 another (concept 1); no row
# resembles another by cosine, so only the concept term can tell row 1 repeats row 0.
SAME_PHRASE = ConceptGain(sp.csr_matrix(np.array([[1.0, 0.0], [1.0, 0.0], [0.0, 1.0]])),
                          np.array([2.0, 2.0]), np.ones(3), np.ones(3))


def test_mmr_concepts_prefer_a_sentence_that_adds_a_shared_phrase() -> None:
    relevance = np.array([0.9, 0.8, 0.75])
    plain = mmr_order(relevance, np.eye(3), np.ones(3), 2.0, 0.7, SAME_PHRASE, 0.0)
    with_concepts = mmr_order(relevance, np.eye(3), np.ones(3), 2.0, 0.7, SAME_PHRASE, 0.5)
    assert plain == [0, 1]
    assert with_concepts == [0, 2]


def test_mmr_rejects_a_negative_concept_weight() -> None:
    with pytest.raises(InvalidOptionError, match="concept_weight must be 0 or more, got -1"):
        MMRSummarizer(concept_weight=-1)


@pytest.mark.parametrize("bad", [-0.1, 1.5])
def test_mmr_rejects_a_trade_off_outside_zero_one(bad: float) -> None:
    with pytest.raises(InvalidOptionError, match=str(bad)):
        MMRSummarizer(trade_off=bad)


def test_submodular_diversity_skips_the_twin_of_a_chosen_sentence() -> None:
    labels = np.array([0, 0, 1])
    order = submodular_order(TWINS, labels, np.ones(3), 2.0)
    assert sorted(order) in ([0, 2], [1, 2])


def test_submodular_respects_cost() -> None:
    order = submodular_order(TWINS, np.array([0, 0, 1]), np.array([3.0, 1.0, 1.0]), 2.0)
    assert 0 not in order and sorted(order) == [1, 2]
