"""The ROUGE scorer on pairs checked by hand, and the cut to the budget."""

from __future__ import annotations

import pytest
from rouge_score import rouge_scorer

from newsweave.evaluate.rouge import METRICS, Reference, cut_to_budget, score_summary
from newsweave.models import Budget, Story
from newsweave.text import split_sentences


def scores(summary: list[str], *references: str) -> dict[str, tuple[float, float, float]]:
    result = score_summary(summary, [Reference.from_text(r) for r in references])
    return {m: (s.precision, s.recall, s.f1) for m, s in result.items()}


def test_one_reference_by_hand() -> None:
    # Stems: police→polic, killed→kill. Reference tokens: the gunman kill the policeman (5);
    # summary: polic kill the gunman (4). Unigram hits the, gunman, kill = 3; bigram hits
    # "kill the", "the gunman" = 2 of 4 and 3; LCS "kill the" (or "the gunman") = 2.
    got = scores(["Police killed the gunman."], "The gunman killed the policeman.")
    assert got["rouge1"] == pytest.approx((3 / 4, 3 / 5, 2 / 3))
    assert got["rouge2"] == pytest.approx((2 / 3, 2 / 4, 4 / 7))
    assert got["rougeLsum"] == pytest.approx((2 / 4, 2 / 5, 4 / 9))


def test_several_references_sum_counts_as_rouge_155_f_a() -> None:
    # Summary: the cat sat on the mat (6 unigrams, 5 bigrams).
    # ref 1 "the cat sat": 3 unigram hits of 3, 2 bigram hits of 2, LCS 3.
    # ref 2 "a dog sat on the mat": 4 unigram hits of 6, 3 bigram hits of 5, LCS 4.
    # Recall = hits / reference total, precision = hits / (2 references x summary length).
    got = scores(["The cat sat on the mat."], "The cat sat.", "A dog sat on the mat.")
    assert got["rouge1"] == pytest.approx((7 / 12, 7 / 9, 2 / 3))
    assert got["rouge2"] == pytest.approx((5 / 10, 5 / 7, 10 / 17))
    assert got["rougeLsum"] == pytest.approx((7 / 12, 7 / 9, 2 / 3))


def test_summary_level_lcs_takes_the_union_over_summary_sentences() -> None:
    # The ROUGE paper's example (section 3.2): the reference sentence's LCS with the first
    # summary sentence is "alpha bravo", with the second "alpha charlie echo"; their union
    # has 4 of the reference's 5 tokens, out of 10 summary tokens.
    got = scores(["Alpha bravo foxtrot golf hotel.", "Alpha charlie hotel india echo."],
                 "Alpha bravo charlie delta echo.")
    assert got["rougeLsum"] == pytest.approx((4 / 10, 4 / 5, 8 / 15))


def test_one_reference_agrees_with_rouge_score(example_story: Story) -> None:
    summary = [s.text for s in example_story.articles[0].sentences[:6]]
    reference = ("Kyrgyzstan's ousted president Kurmanbek Bakiyev left the country for "
                 "Kazakhstan on Thursday.\nThe interim government said he had resigned. "
                 "Dozens of people were killed in protests in Bishkek last week.")
    ours = score_summary(summary, [Reference.from_text(reference)])
    theirs = rouge_scorer.RougeScorer(list(METRICS), use_stemmer=True).score(
        "\n".join(reference[a:b] for a, b in split_sentences(reference)), "\n".join(summary))
    for metric in METRICS:
        assert ours[metric].f1 == pytest.approx(theirs[metric].fmeasure)
        assert ours[metric].recall == pytest.approx(theirs[metric].recall)


def test_no_reference_is_an_error() -> None:
    with pytest.raises(ValueError, match="at least one reference"):
        score_summary(["A sentence."], [])


@pytest.mark.parametrize("budget, expected", [
    (Budget(5), ["one two three", "four five"]),
    (Budget(3), ["one two three"]),
    (Budget(100), ["one two three", "four five six seven"]),
    (Budget(2, "sentences"), ["one two three", "four five six seven"]),
    (Budget(1, "sentences"), ["one two three"]),
    (Budget(18, "bytes"), ["one two three", "four"]),
])
def test_cut_to_budget(budget: Budget, expected: list[str]) -> None:
    assert cut_to_budget(["one two three", "four five six seven"], budget) == expected


def test_byte_cut_never_splits_a_character() -> None:
    # "Zürich" is 7 bytes, "ü" bytes 2 and 3: a 2-byte cut ends inside it and drops it whole.
    assert cut_to_budget(["Zürich"], Budget(2, "bytes")) == ["Z"]
    assert cut_to_budget(["Zürich"], Budget(3, "bytes")) == ["Zü"]
