"""Sentence splitting on the cases news text gets wrong elsewhere."""

from __future__ import annotations

import pytest

from newsweave.models import Article
from newsweave.text import content_stems, split_article, split_sentences, tokenize


def sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text)]


@pytest.mark.parametrize("text, expected", [
    ("Mr. Bakiyev left the U.S. on Monday. He returned later.",
     ["Mr. Bakiyev left the U.S. on Monday.", "He returned later."]),
    ("The O.S.C.E. said it was pleased. Others were not.",
     ["The O.S.C.E. said it was pleased.", "Others were not."]),
    ("He flew to St. Louis on Friday. Gen. Jones met George W. Bush there.",
     ["He flew to St. Louis on Friday.", "Gen. Jones met George W. Bush there."]),
    ('He said: "It is over." Then he left.', ['He said: "It is over."', "Then he left."]),
    ('"He [Bakiev] left on Sunday. I can\'t say where he went," said Ilyas Omarov, a spokesman.',
     ['"He [Bakiev] left on Sunday. I can\'t say where he went," said Ilyas Omarov, '
      "a spokesman."]),
    ("The U.N. agreed (with reservations.) Others did not.",
     ["The U.N. agreed (with reservations.)", "Others did not."]),
    ("It cost $1.5 million at 5 p.m. on Jan. 5. They paid.",
     ["It cost $1.5 million at 5 p.m. on Jan. 5.", "They paid."]),
    ("First paragraph ends here\nSecond paragraph starts here.",
     ["First paragraph ends here", "Second paragraph starts here."]),
])
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_split_article_sets_offsets_paragraphs_and_tokens() -> None:
    article = split_article(Article(id="a", text="One here. Two here.\nThree here."))
    assert [(s.index, s.paragraph, s.text) for s in article.sentences] == [
        (0, 0, "One here."), (1, 0, "Two here."), (2, 1, "Three here.")]
    assert article.sentences[2].tokens == ("three", "here")


def test_tokens_and_stems_fold_spelling_variants() -> None:
    assert tokenize("Bakiyev's guards fired 2,000 shots.") == [
        "bakiyev", "guards", "fired", "2,000", "shots"]
    assert content_stems(tokenize("Bakiyev met Nazarbayev")) == content_stems(
        tokenize("Bakiev met Nazarbaev"))
    assert content_stems(tokenize("Kazakhstan")) != content_stems(tokenize("Kyrgyzstan"))
