"""Concepts, costs and the candidate order the algorithms share."""

from __future__ import annotations

import numpy as np

from newsweave.models import Article, Budget, Sentence
from newsweave.summarize.eligibility import is_eligible, standalone_factor
from newsweave.summarize.features import Concepts, costs, ranked_rows
from newsweave.text import split_article

TEXT = ("Heavy rain caused floods in the northern province on Monday. "
        "Main roads were closed. "
        "Rescue boats reached the stranded villagers. "
        "Officials said more rain was expected later in the week. "
        "Floods again.")


def _sentences() -> tuple[Sentence, ...]:
    return _story(TEXT)


def _story(*texts: str) -> tuple[Sentence, ...]:
    """The sentences of one article made of ``texts``."""
    return split_article(Article(id="a", text=" ".join(texts))).sentences


def test_fillers_come_after_every_eligible_sentence_and_fragments_never() -> None:
    sentences = _sentences()
    scores = np.array([0.1, 0.9, 0.5, 0.3, 0.8])
    order = ranked_rows(sentences, scores)
    # eligible by score, then the filler "Main roads were closed."; "Floods again." is too short
    assert order == [2, 3, 0, 1]


def test_a_filler_must_read_alone() -> None:
    # A quote's last sentence ends a DUC brief badly: 'It's going to take years."'.
    sentences = _story("Half of the reservation's adults have no job, census figures show.",
                       "\"We didn't get into this situation in a couple of weeks.",
                       "It's going to take years.\"",
                       "Schools will get new buses.",
                       "He said so twice.")
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


def _eligible(text: str) -> bool:
    return is_eligible(Sentence("a", 0, 0, len(text), text))


def test_pieces_of_statements_are_never_summary_sentences() -> None:
    """What DUC summaries held: the rest of a sentence split after a quote, a transcript's or
    a form's label, an editor's note split in two."""
    assert not _eligible("responded Tom Sherak, distribution head of 20th Century Fox, "
                         "which is releasing the film.")
    assert not _eligible("Position: To be public housing tenants in the new buildings.")
    assert not _eligible("OPTIONAL MATERIAL FOLLOWS in the late edition of the paper.)")
    assert not _eligible('(Story will move in the "a" category of the morning report')
    assert not _eligible('Amnesty International uses the term "prisoner of conscience,"')
    # A title before a name, a quoted title and a bracket closed in the sentence are whole.
    assert _eligible('"Star Wars: Episode I -- The Phantom Menace" was screened on Tuesday.')
    assert _eligible("Gov. George W. Bush (R-Texas) met 13 gay Republicans on Thursday.")


def test_quotes_cut_open_speakerless_quotations_and_opening_conjunctions_lean_on_context(
) -> None:
    plain = _readability("Organic gardeners don't use synthetic fertilizers or pesticides.")
    for leaning in (
        '"Gardeners usually have to experiment to find the best crops for their soil.',
        "The surplus is the people's money.\"",
        '"There will be no next Seinfeld."',
        "And others, including the New York City school district, are considering it.",
        'Which is a good thing for "Star Wars" creator George Lucas.',
        "That could change too, as the district reviews its budget.",
        "Moreover, the two sides also have to decide on the last troop redeployment.",
    ):
        assert _readability(leaning) < plain, leaning
    assert _readability('"The plan was a mistake," said Dunlap, the council\'s director.') == plain
    assert _readability("Anderson said the district would review its budget.") == plain


def test_a_writer_addressing_the_reader_reads_worse_alone() -> None:
    plain = _readability("Organic gardeners think of plants as part of a whole system.")
    addressed = _readability("When you garden organically, you think of your plants as part "
                             "of a whole system.")
    assert addressed < plain
    assert _readability('"You can look at the tests," Franke said.') == plain  # the speaker's


def test_questions_credits_quotes_alone_and_fragments_never_fill_a_summary() -> None:
    sentences = _story("The study examined 5,000 adults over ten years in three states.",
                       "Are you obese?",
                       "(Malone, Cox News Service).",
                       "\"All of science is theory.\"",
                       "Four hundred families.",
                       "Rain squalls massed offshore.",
                       "\nThe fire was extinguished in")
    assert len(sentences) == 7
    order = ranked_rows(sentences, np.array([0.5, 0.9, 0.9, 0.9, 0.9, 0.1, 0.9]))
    assert order == [0, 5]


def test_contact_details_are_no_summary_sentence() -> None:
    """A wire's service lines were chosen ('Questions should be directed to CoxNet, the Cox
    News Service, in Atlanta at 404-526-5456.'); a vote's or a year's figures are news."""
    assert not _eligible("Questions should be directed to CoxNet, the Cox News Service, in "
                         "Atlanta at 404-526-5456.")
    assert not _eligible("Jena Heath can be reached by e-mail at jenah(at)coxnews.com today.")
    assert _eligible("The House voted 232-196 to approve the bill in the 1998-99 session.")
