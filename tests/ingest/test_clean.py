"""Cleaning on the example's real noise: every story sentence kept, every junk line gone."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from newsweave.ingest.clean import clean_text, parse_full_date, recase_title

JUNK = [
    "Skip to main content",
    "Print Sponsor",
    "Click to play",
    "By Ivan Watson, CNN",
    "Rayhan Demytrie, BBC News, Jalalabad",
    "Page last updated at",
    "The BBC is not responsible",
    "May require registration",
    "Video: Back to normal in Kyrgyzstan",
    "Gallery: Unrest in Kyrgyzstan",
    "Profile: Roza Otunbayeva",
    "Interview: Kurmanbek Bakiyev",
    "Inside Story",
    "Bakiyev calls for protest probe",
    "Has China's housing bubble burst?",
    "Times Online",
    "Prevent civil war",
    "Creating destabalisation",
    "Calm Returned To City",
    "with back to camera",
    "Outsed Kyrgyz President",
    "Shots are fired at the rally",
    "President Kurmanbek Bakiev was overthrown earlier this month",  # CNN highlight bullet
    "(CNN) --",
    "(RFE/RL)",
]

STORY_SENTENCES = [
    # first and last body sentences of each report, and ones next to junk
    "His brother, Zhanybek, accompanied him, according to Russia's ITAR-TASS state news agency.",
    "Since being ousted, Bakiyev had been holed up in Jalal'abad where he maintains support.",
    "Because it is trying to put the country back on its feet,\" he said.",
    "Deposed Kyrgyzstan President Kurmanbek Bakiyev has left the country and flown to "
    "neighbouring Kazakhstan.",
    "The big question now is whether or not he will be able to come back, our correspondent adds.",
    "Four days after fleeing his country to neighboring Kazakhstan, Kyrgyzstan's deposed "
    "president Kurmanbek Bakiev is once again on the move",
    "has publicly offered Bakiev sanctuary in his country.",
    "Kyrgyz President Kurmanbek Bakiev has reportedly flown out of the country to neighboring "
    "Kazakhstan.",
    "RFE/RL correspondent Bruce Pannier, who is in Osh, says calm has returned to the city",
    "Within hours, visiting Assistant Secretary of State Robert Blake had offered help",
]


@pytest.fixture(scope="module")
def cleaned(example_dir: Path) -> dict[str, str]:
    return {p.name: clean_text(p.read_text(encoding="utf-8")).text
            for p in sorted(example_dir.glob("*.txt"))}


@pytest.mark.parametrize("junk", JUNK)
def test_junk_is_dropped(cleaned: dict[str, str], junk: str) -> None:
    assert all(junk not in text for text in cleaned.values())


@pytest.mark.parametrize("sentence", STORY_SENTENCES)
def test_story_sentences_are_kept(cleaned: dict[str, str], sentence: str) -> None:
    assert any(sentence in text for text in cleaned.values())


def test_every_body_paragraph_is_kept(example_dir: Path) -> None:
    """Each report keeps all its story paragraphs: counted by hand on the example."""
    expected = {"000": 20, "001": 26, "002": 11, "003": 11}
    for path in sorted(example_dir.glob("*.txt")):
        paragraphs = clean_text(path.read_text(encoding="utf-8")).text.split("\n")
        assert len(paragraphs) == expected[path.name[:3]], path.name


def test_outlets_titles_and_dates_are_detected(example_dir: Path) -> None:
    found = {p.name[:3]: clean_text(p.read_text(encoding="utf-8"))
             for p in sorted(example_dir.glob("*.txt"))}
    assert [found[k].source for k in sorted(found)] == ["Al Jazeera", "BBC", "CNN", "RFE/RL"]
    assert found["001"].title == "Kyrgyz ex-leader Kurmanbek Bakiyev flies to Kazakhstan"
    assert found["002"].title == "Ousted Kyrgyz president on the move"
    assert found["003"].title == "Bakiev Reportedly Leaves For Kazakhstan"
    assert found["001"].published == date(2010, 4, 15)
    assert found["002"].published is None  # the CNN page states no date: none is guessed


def test_dateline_is_cut_from_first_paragraph() -> None:
    cleaned = clean_text("WASHINGTON (AP) _ The Senate voted on the bill late on Tuesday night.")
    assert cleaned.text == "The Senate voted on the bill late on Tuesday night."
    assert cleaned.source == "AP"


def test_hard_wrapped_duc_paragraphs_are_joined() -> None:
    raw = ("\tPINE RIDGE, S.D. (AP) -- President Clinton turned the attention  \n"
           "of his national poverty tour today to arguably the poorest, most \n"
           "forgotten U.S. citizens of them all: American Indians. \n\n\n"
           "\tHe called it ``a moment of hope'' for the tribe &AMP; its people. \n")
    cleaned = clean_text(raw)
    assert cleaned.text.split("\n") == [
        "President Clinton turned the attention of his national poverty tour today to arguably "
        "the poorest, most forgotten U.S. citizens of them all: American Indians.",
        'He called it "a moment of hope" for the tribe & its people.',
    ]


def test_wire_paragraphs_opened_by_a_tab_without_blank_lines_are_all_kept() -> None:
    """AP copy indents each paragraph and leaves no blank line: read as one block, its
    unfinished lines went as captions and most of the story was lost."""
    raw = ("\t   FRANKFURT, Germany (AP) _ Europe's new currency, the euro, will\n"
           "rival the U.S. dollar as an international currency over the long\n"
           "term, Der Spiegel magazine reported Sunday.\n"
           "\t   A number of countries are already planning to hold the euro as\n"
           "part of their foreign currency reserves, the magazine quoted\n"
           "European Central Bank chief Wim Duisenberg as saying.\n"
           "\t   Oil imports to Europe can also be calculated in euros as well as\n"
           "dollars, Duisenberg was quoted as saying.\n")
    assert clean_text(raw).text.split("\n") == [
        "Europe's new currency, the euro, will rival the U.S. dollar as an international "
        "currency over the long term, Der Spiegel magazine reported Sunday.",
        "A number of countries are already planning to hold the euro as part of their foreign "
        "currency reserves, the magazine quoted European Central Bank chief Wim Duisenberg as "
        "saying.",
        "Oil imports to Europe can also be calculated in euros as well as dollars, Duisenberg "
        "was quoted as saying.",
    ]


def test_listed_sentences_are_story_text_but_highlights_and_links_are_not() -> None:
    raw = ("Milliyet (National):\n\n"
           "-- The European Union is extending 750 million U.S. dollars in loans to Turkey.\n\n"
           "  • Bakiev's departure follows days of rallies by opponents and supporters\n\n"
           "* Kyrgyzstan country profile\n\n"
           "Turkey's exports increased by 8.37 percent in January.\n")
    assert clean_text(raw).text.split("\n") == [
        "The European Union is extending 750 million U.S. dollars in loans to Turkey.",
        "Turkey's exports increased by 8.37 percent in January.",
    ]


def test_long_unpunctuated_prose_is_kept() -> None:
    """A paragraph cut short (as Multi-News inputs are) is data, not a headline."""
    prose = " ".join(["the council debated the plan for many hours"] * 5)
    assert clean_text(prose).text == prose


@pytest.mark.parametrize("text, expected", [
    ("Page last updated at 17:05 GMT, Thursday, 15 April 2010 18:05 UK", date(2010, 4, 15)),
    ("Posted April 15, 2010", date(2010, 4, 15)),
    ("2010-04-19T10:00:00Z", date(2010, 4, 19)),
    ("on 31 February 2010", None),
    ("no date here", None),
])
def test_parse_full_date(text: str, expected: date | None) -> None:
    assert parse_full_date(text) == expected


def test_an_all_capitals_headline_takes_its_storys_casing() -> None:
    text = ("Kozmo.com, the online delivery service, and Starbucks said Tuesday they would link "
            "up. The NATO chief said Turkey would not be left out.")
    assert recase_title("KOZMO, STARBUCKS LINK UP", text) == "Kozmo, Starbucks link up"
    assert recase_title("NATO CHIEF: TURKEY NOT LEFT OUT", text) == \
        "NATO chief: Turkey not left out"
    assert recase_title("UPDATE", text) == "UPDATE"
    assert recase_title("Kyrgyz ex-leader flies to Kazakhstan", text) == \
        "Kyrgyz ex-leader flies to Kazakhstan"


def test_wire_datelines_and_slugs_without_an_outlet_are_cut() -> None:
    """New York Times wire copy opens paragraphs with a dateline in capitals, often after the
    story's slug, and names no outlet: it opened summary sentences ("WASHINGTON _ The ...")."""
    raw = ("   TOPEKA, Kan. _ Four high school biology teachers were hashing over the vote of\n"
           "the Kansas Board of Education to delete virtually any mention of evolution.\n\n"
           "   AUTISM-CURE (Undated) _ When news broke a few months ago that Seattle would\n"
           "become one of two places doing federally funded research, the researchers were\n"
           "deluged with calls.\n\n"
           "   CUBA-ELIAN _ MIAMI _ As both sides await a federal appeals court ruling, the\n"
           "mayor of Miami flies to Washington to meet with Attorney General Janet Reno.\n\n"
           "   _ Like thousands of children, 7-year-old Kyle Carroll takes Ritalin.\n\n"
           "   Evolution _ the theory that life on Earth has mutated and adapted _ is the\n"
           "accepted theory in the biological sciences, said Mary Blythe.\n")
    assert clean_text(raw).text.split("\n") == [
        "Four high school biology teachers were hashing over the vote of the Kansas Board of "
        "Education to delete virtually any mention of evolution.",
        "When news broke a few months ago that Seattle would become one of two places doing "
        "federally funded research, the researchers were deluged with calls.",
        "As both sides await a federal appeals court ruling, the mayor of Miami flies to "
        "Washington to meet with Attorney General Janet Reno.",
        "Like thousands of children, 7-year-old Kyle Carroll takes Ritalin.",
        "Evolution _ the theory that life on Earth has mutated and adapted _ is the accepted "
        "theory in the biological sciences, said Mary Blythe.",
    ]


def test_an_outlets_dateline_is_cut_without_a_space_after_its_underscore() -> None:
    cleaned = clean_text("CARACAS, Venezuela (AP) _Venezuelan, Mexican and Saudi oil delegations "
                         "will meet in Madrid next week.")
    assert cleaned.text.startswith("Venezuelan, Mexican")


@pytest.mark.parametrize("note", [
    "   (STORY CAN END HERE. OPTIONAL MATERIAL FOLLOWS.)",
    "   By Carol Smith. (Story will move in the ``a'' category.)",
    "   EDITORS: Jerry Seinfeld is back in his hometown for a 10-show run of stand-up.",
])
def test_notes_to_editors_are_dropped(note: str) -> None:
    """Wire notes to editors were chosen as summary sentences ('Story will move in the "a"
    category.)', 'OPTIONAL MATERIAL FOLLOWS.)')."""
    story = ("The tribal leadership is overlooking the crime, said Officer Roanna Buck.",
             "Another disparity frequently cited by the police is the lack of equipment.")
    assert clean_text(f"{story[0]}\n\n{note}\n\n{story[1]}").text.split("\n") == list(story)


def test_a_wrapped_line_ending_on_a_dotted_abbreviation_does_not_end_its_paragraph() -> None:
    """Xinhua's copy wraps after "U.S."; read as three paragraphs, "Congress against planning
    new spending or tax cuts." became a summary sentence."""
    raw = ("Raines also said that there was no indication that the U.S.\n"
           "federal budget will be balanced in 1998 and cautioned the U.S.\n"
           "Congress against planning new spending or tax cuts.\n\n\n"
           "Both the White House and the U.S. Congress expected a higher deficit.\n")
    assert clean_text(raw).text.split("\n") == [
        "Raines also said that there was no indication that the U.S. federal budget will be "
        "balanced in 1998 and cautioned the U.S. Congress against planning new spending or "
        "tax cuts.",
        "Both the White House and the U.S. Congress expected a higher deficit.",
    ]
