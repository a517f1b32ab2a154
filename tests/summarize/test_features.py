"""Concepts, costs and the candidate order the algorithms share."""

from __future__ import annotations

import numpy as np

from newsweave.models import Article, Budget, Sentence
from newsweave.summarize.eligibility import is_eligible, standalone_factor
from newsweave.summarize.features import Concepts, costs, ranked_rows
from newsweave.text import split_article

TEXT = ("Heavy rain caused floods in the northern province on Monday. "
        "Roads were closed. "
        "Rescue boats reached the stranded villagers. "
        "Officials said more rain was expected later in the week. "
        "Floods again.")


def _sentences() -> tuple[Sentence, ...]:
    return split_article(Article(id="a", text=TEXT)).sentences


def test_fillers_come_after_every_eligible_sentence_and_fragments_never() -> None:
    sentences = _sentences()
    scores = np.array([0.1, 0.9, 0.5, 0.3, 0.8])
    order = ranked_rows(sentences, scores)
    # eligible by score, then the filler "Roads were closed."; "Floods again." is too short
    assert order == [2, 3, 0, 1]


def test_a_filler_must_read_alone() -> None:
    # A quote's last sentence ends a DUC brief badly: 'It's going to take years."'.
    text = ("Half of the reservation's adults have no job, census figures show. "
            "\"We didn't get into this situation in a couple of weeks. "
            "It's going to take years.\" "
            "Schools will get new buses. "
            "He said so twice.")
    sentences = split_article(Article(id="a", text=text)).sentences
    assert [s.text for s in sentences][2:] == [
        "It's going to take years.\"", "Schools will get new buses.", "He said so twice."]
    order = ranked_rows(sentences, np.array([0.5, 0.4, 0.9, 0.2, 0.8]))
    assert order == [0, 1, 3]  # the eligible ones, then the one filler that reads alone


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


def _readability(text: str) -> float:
    return standalone_factor(Sentence("a", 0, 0, len(text), text))


def test_a_sentence_that_leans_on_its_context_or_the_reporter_reads_worse_alone() -> None:
    plain = _readability("Kyrgyzstan's interim government said Mr Bakiyev had signed a letter.")
    assert plain == 1.0
    for leaning in ("In a statement it said Mr Bakiyev had signed a letter.",
                    "We approached Mr Bakiyev's aides and they confirmed it.",
                    "I was outside his home when the shots were fired."):
        assert _readability(leaning) < plain, leaning
    # A quoted "we" is the speaker's, and "US" is a country, not "us".
    assert _readability('Omarov said: "We organized a special plane for him."') == 1.0
    assert _readability("US President Barack Obama joined the talks in Astana.") == 1.0


def test_an_editors_note_in_brackets_is_never_a_summary_sentence() -> None:
    def eligible(text: str) -> bool:
        return is_eligible(Sentence("a", 0, 0, len(text), text))

    assert not eligible('(Story will move in the "a" category.)')
    assert not eligible("(Optional add end: the company will announce results in May.)")
    assert eligible("(AP) The company will announce its results in May, officials said.")
    assert eligible("(AP) The toll rose to 80 on Monday (five of them children).")
