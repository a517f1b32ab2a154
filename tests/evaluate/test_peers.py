"""Peers on the bundled example: real sentences, within budget, and the oracle on top."""

from __future__ import annotations

import pytest

from newsweave.evaluate.peers import GreedyOracle, LeadPeer
from newsweave.evaluate.rouge import Reference, score_summary
from newsweave.evaluate.systems import PEERS, EvaluationError, check_names, create_system
from newsweave.models import Budget, Story

# A human-style summary of the example's story (four reports of Bakiyev leaving Kyrgyzstan).
REFERENCE = Reference.from_text(
    "Kyrgyzstan's ousted president Kurmanbek Bakiyev has flown to neighbouring Kazakhstan.\n"
    "The interim government led by Roza Otunbayeva said he had signed a letter of resignation.\n"
    "Bakiyev fled the capital Bishkek after protests in which dozens of people were killed.\n"
    "Russia, the United States and Kazakhstan helped broker his departure."
)


# Every peer in words; the other units for each way of filling a budget (the sumy peers share
# theirs, so one of them stands for all five).
CASES = [(name, Budget(60)) for name in PEERS] + [
    (name, budget) for name in ("lead", "sumy-luhn", "oracle")
    for budget in (Budget(400, "bytes"), Budget(3, "sentences"))
]


@pytest.mark.parametrize("name, budget", CASES)
def test_peer_output_is_story_sentences_within_budget(
    example_story: Story, name: str, budget: Budget
) -> None:
    peer = create_system(name, peer=True, references=[REFERENCE])
    assert peer.name == name and repr(peer).startswith(type(peer).__name__)
    chosen = peer.select(example_story, budget)
    assert chosen
    spent = sum(budget.cost(c.sentence.text) for c in chosen) + (
        len(chosen) - 1 if budget.unit == "bytes" else 0)
    assert spent <= budget.limit
    assert all(example_story.sentence(c.sentence.ref) == c.sentence for c in chosen)
    assert len({c.sentence.text for c in chosen}) == len(chosen)


def test_lead_takes_first_sentences_round_robin(example_story: Story) -> None:
    chosen = LeadPeer().select(example_story, Budget(len(example_story.articles), "sentences"))
    assert [c.sentence.index for c in chosen] == [0] * len(example_story.articles)
    assert [c.sentence.article_id for c in chosen] == [a.id for a in example_story.articles]


def test_oracle_beats_every_other_peer_on_rouge_1_plus_2(example_story: Story) -> None:
    def rouge_1_plus_2(name: str) -> float:
        chosen = create_system(name, peer=True, references=[REFERENCE]).select(
            example_story, Budget(60))
        scores = score_summary([c.sentence.text for c in chosen], [REFERENCE])
        return scores["rouge1"].recall + scores["rouge2"].recall

    oracle = rouge_1_plus_2("oracle")
    assert all(oracle >= rouge_1_plus_2(name) for name in PEERS if name != "oracle")


def test_oracle_stops_when_nothing_more_helps(example_story: Story) -> None:
    tiny = Reference.from_text("Bakiyev flew to Kazakhstan.")
    chosen = GreedyOracle(references=[tiny]).select(example_story, Budget(500))
    assert 1 <= len(chosen) <= 3


def test_unknown_names_list_the_valid_ones() -> None:
    with pytest.raises(EvaluationError, match=r"unknown peer.*lexrank.*available: lead"):
        check_names(["centroid"], ["lexrank"])
    with pytest.raises(EvaluationError, match=r"unknown algorithm.*nope.*registered: .*centroid"):
        check_names(["nope"], [])
