"""find_dates: resolution against a publication date, and nothing guessed without one.

The anchor of most cases is the example's: the BBC report of Thursday 15 April 2010.
"""

from __future__ import annotations

from datetime import date

import pytest

from newsweave.analyze.dates import find_dates

THURSDAY = date(2010, 4, 15)
MONDAY = date(2010, 4, 19)


def _only(text: str, anchor: date | None) -> tuple[str, str | None]:
    mentions = find_dates(text, anchor)
    assert len(mentions) == 1, mentions
    return mentions[0].text, mentions[0].value


@pytest.mark.parametrize(
    ("text", "anchor", "expression", "value"),
    [
        ("The 7 April uprising killed scores of people.", THURSDAY, "7 April", "2010-04-07"),
        ("Protesters stormed the offices last Wednesday.", THURSDAY, "last Wednesday",
         "2010-04-07"),
        ("He left the country on Thursday.", THURSDAY, "Thursday", "2010-04-15"),
        ("No details of their conversation late on April 14 were given.", THURSDAY,
         "late on April 14", "2010-04-14"),
        ('"He left on Sunday," the spokesman said.', MONDAY, "Sunday", "2010-04-18"),
        ("Talks were held on April 14, 2010 in Astana.", None, "April 14, 2010", "2010-04-14"),
        ("It happened on 15 April 2010.", None, "15 April 2010", "2010-04-15"),
        ("He was president until 2010.", None, "2010", "2010"),
        ("He was elected in April.", THURSDAY, "April", "2010-04"),
        ("He fled four days ago.", THURSDAY, "four days ago", "2010-04-11"),
        ("He said today that he would not resign.", THURSDAY, "today", "2010-04-15"),
        ("He spoke yesterday.", THURSDAY, "yesterday", "2010-04-14"),
        ("He was ousted this month.", THURSDAY, "this month", "2010-04"),
        ("Protests erupted last week.", THURSDAY, "last week", "2010-W14"),
        ("He was overthrown earlier this month.", THURSDAY, "earlier this month", "2010-04"),
        ("The minister will travel to Bishkek on Tuesday.", THURSDAY, "Tuesday", "2010-04-20"),
        ("Sales fell in the third quarter.", date(1989, 10, 26), "the third quarter",
         "1989-Q3"),
        ("Turnout was low in the 1990s.", None, "the 1990s", "199"),
        ("Stores open on Thanksgiving Day.", date(2000, 1, 7), "Thanksgiving Day",
         "1999-11-25"),
    ],
)
def test_resolves_against_the_publication_date(
    text: str, anchor: date | None, expression: str, value: str
) -> None:
    assert _only(text, anchor) == (expression, value)


@pytest.mark.parametrize(
    ("text", "expression", "granularity"),
    [
        ("Protesters stormed the offices last Wednesday.", "last Wednesday", "day"),
        ("The 7 April uprising killed scores of people.", "7 April", "day"),
        ("He fled four days ago.", "four days ago", "day"),
        ("He was ousted this month.", "this month", "month"),
        ("He spoke yesterday.", "yesterday", "day"),
    ],
)
def test_relative_dates_stay_unresolved_without_an_anchor(
    text: str, expression: str, granularity: str
) -> None:
    (mention,) = find_dates(text, None)
    assert (mention.text, mention.value, mention.relative) == (expression, None, True)
    assert mention.when is None
    assert mention.granularity == granularity


def test_a_sentence_with_several_dates_gives_them_in_order() -> None:
    text = ("Bakiyev, ousted in the 7 April uprising, flew to Kazakhstan on Thursday, "
            "a week after protests that began last Tuesday.")
    found = [(m.text, m.value) for m in find_dates(text, THURSDAY)]
    assert found == [("7 April", "2010-04-07"), ("Thursday", "2010-04-15"),
                     ("last Tuesday", "2010-04-06")]
    spans = [(m.start, m.end) for m in find_dates(text, THURSDAY)]
    assert all(text[s:e] == m for (s, e), (m, _) in zip(spans, found, strict=True))


def test_words_that_only_look_like_dates_are_not_dates() -> None:
    text = ("Supporters may march on the capital; the fall of the government was "
            "reported by 1,998 people and 2010.5 percent.")
    assert find_dates(text, THURSDAY) == []


def test_when_is_the_first_day_of_the_period() -> None:
    month, year = find_dates("It rained in April 2009 and all of 2008.", None)
    assert (month.when, month.granularity) == (date(2009, 4, 1), "month")
    assert (year.when, year.granularity) == (date(2008, 1, 1), "year")


SATURDAY_26_AUGUST_2000 = date(2000, 8, 26)
TUESDAY_29_AUGUST_2000 = date(2000, 8, 29)


@pytest.mark.parametrize(
    ("text", "anchor", "found"),
    [
        # Wire copy on the Kursk: a time of day in four figures is no year.
        ("A British team arrived at the scene at 1600 GMT and reported calm seas.",
         SATURDAY_26_AUGUST_2000, []),
        ("The divers surfaced at 0800 hours, local time.", SATURDAY_26_AUGUST_2000, []),
        # A weekday beside the date it falls on is that date, not the Monday before the
        # anchor.
        ("Then on Aug. 14, a Monday, the navy announced that the Kursk had a malfunction.",
         SATURDAY_26_AUGUST_2000, [("Aug. 14", "2000-08-14"), ("Monday", "2000-08-14")]),
        # Reported speech in the future looks ahead; a past day in another clause does not.
        ("Klebanov also said the commission would give Putin a proposal on Wednesday.",
         TUESDAY_29_AUGUST_2000, [("Wednesday", "2000-08-30")]),
        ("They said they would appeal the decision, announced Wednesday by the INS.",
         TUESDAY_29_AUGUST_2000, [("Wednesday", "2000-08-23")]),
        # A span of days in a chronology is dated by its first day (it was "Oct." of the
        # anchor's year and a bare 1992).
        ("Oct. 12-13, 1992: A Concorde operated by Air France flies around the world.",
         SATURDAY_26_AUGUST_2000, [("Oct. 12-13, 1992", "1992-10-12")]),
        # An ellipsis inside a quotation does not end the sentence its future is told in.
        ('"We shall prosecute these in Tanzania ... any time, but not after Monday," he said.',
         SATURDAY_26_AUGUST_2000, [("Monday", "2000-08-28")]),
    ],
)
def test_wire_copy_times_appositions_and_reported_future(
        text: str, anchor: date, found: list[tuple[str, str]]) -> None:
    assert [(m.text, m.value) for m in find_dates(text, anchor)] == found


def test_a_date_broken_over_two_lines_is_read_whole() -> None:
    """Hard-wrapped text: a rule is tried from the line before the one holding its keyword,
    so a match may start on one line and end on the next, whichever line holds the keyword."""
    text = ("Officials said he arrived late\nyesterday and left on April\n14, 2010.\n"
            "In the capital, Christmas\nDay passed quietly.")
    assert [(m.text, m.value) for m in find_dates(text, THURSDAY)] == [
        ("late\nyesterday", "2010-04-14"), ("April\n14, 2010", "2010-04-14"),
        ("Christmas\nDay", "2009-12-25")]
