"""Claim labels are runs of the statement's own words, not lists of keywords."""

from newsweave.analyze.labels import MAX_LABEL_WORDS, key_phrase
from newsweave.text import content_stems, tokenize

AL_JAZEERA = ("Earlier in the day bodyguards of Bakiyev fired shots into the air in an attempt "
              "to disperse opposition protesters who gathered to disrupt a rally he was holding "
              "in the southern city of Osh.")
RFE_RL = ("The reports came after Bakiev’s bodyguards fired gunshots into the air to help him "
          "escape a crowd of opponents who disrupted his rally in the southern city of Osh "
          "earlier in the day.")


def _stems(text: str) -> set[str]:
    return set(content_stems(tokenize(text)))


def test_agreement_label_is_the_shared_run_of_words() -> None:
    label = key_phrase(AL_JAZEERA, _stems(AL_JAZEERA) & _stems(RFE_RL))
    assert label == "bodyguards of Bakiyev fired shots into the air"


def test_dates_and_reporting_verbs_do_not_make_a_label() -> None:
    text = "Earlier in the day officials said on Monday that the talks had failed."
    assert key_phrase(text, _stems("earlier day said Monday")) == \
        "Earlier in the day officials said on Monday…"


def test_single_source_label_leaves_out_names_and_opens_on_a_word() -> None:
    text = "On April 14, Russia pledged $50 million in aid and loans to Kyrgyzstan."
    keys = _stems("14 Russia pledged 50 million aid loans")
    assert key_phrase(text, keys, names=False) == "pledged $50 million in aid and loans"
    assert key_phrase(text, keys) == "Russia pledged $50 million in aid and loans"


def test_label_is_never_longer_than_the_maximum() -> None:
    text = "Bakiyev Kazakhstan Osh Bishkek Jalalabad Taraz Astana Moscow Minsk Ankara Riga."
    label = key_phrase(text, _stems(text))
    assert len(label.split()) == MAX_LABEL_WORDS
    assert label.startswith("Bakiyev")


def test_without_key_words_the_opening_stands_in() -> None:
    assert key_phrase("A short one.", set()) == "A short one"


def test_label_runs_on_to_the_noun_and_drops_a_dangling_clause() -> None:
    text = ("Within hours, visiting Assistant Secretary of State Robert Blake had offered "
            "help to Kyrgyzstan’s new government.")
    assert key_phrase(text, _stems("offered help new"), names=False) == \
        "offered help to Kyrgyzstan’s new government"
    text = ("Some lawmakers from Bakiev’s own Bright Path (Ak-Jol) party have joined the ranks "
            "of his opponents, calling for the president’s impeachment.")
    assert key_phrase(text, _stems("joined ranks opponents calling"), names=False) == \
        "joined the ranks of his opponents"


def test_a_bracket_the_label_cuts_is_closed_again() -> None:
    text = ("Turkey, already a member country of the North Atlantic Treaty Organization (NATO), "
            "signed an agreement on Customs Union with the EU in January 1996.")
    label = key_phrase(text, content_stems(tokenize("north atlantic treaty organization nato")))
    assert label == "North Atlantic Treaty Organization (NATO)"
