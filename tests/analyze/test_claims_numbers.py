"""Reading stated amounts as ranges: bounds, vague words, units, and what is not a count."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from newsweave.analyze import numbers
from newsweave.analyze.numbers import (
    Quantity,
    agrees,
    find_quantities,
    relation,
    rounds,
    without_restatements,
)


def one(text: str) -> Quantity:
    found = find_quantities(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize("text, low, high, low_open, vague, noun", [
    ("unrest that left at least 80 people dead", 80, math.inf, False, False, "people"),
    ("leaving more than 80 people dead", 80, math.inf, True, False, "people"),
    ("an uprising that killed scores of people", 40, 200, False, True, "people"),
    ("the deaths of dozens of citizens", 24, 144, False, True, "citizens"),
    ("to address around 2,000 supporters", 1800, 2200, False, False, "supporters"),
    ("Russia pledged $50 million in aid", 50e6, 50e6, False, False, "money"),
    ("Putin had 52.4 percent of the vote", 52.4, 52.4, False, False, "percent"),
    ("it carries a 107-man crew", 107, 107, False, False, "crew"),
    ("the evacuation of twenty-five sailors", 25, 25, False, False, "sailors"),
    ("killing at least 36 Russian servicemen", 36, math.inf, False, False, "servicemen"),
    ("the submarine was 330 to 510 feet down", 330, 510, False, False, "feet"),
    ("fewer than 10 people", 0, 10, False, False, "people"),
    ("as tens of thousands of protesters took to the streets", 20_000, 99_999, False, True,
     "protesters"),
])
def test_amounts_read_as_ranges(text: str, low: float, high: float, low_open: bool,
                                vague: bool, noun: str) -> None:
    quantity = one(text)
    assert (quantity.low, quantity.high) == pytest.approx((low, high))
    assert (quantity.low_open, quantity.vague, quantity.noun) == (low_open, vague, noun)
    assert text[quantity.start:quantity.end] == quantity.text


def test_metres_are_compared_as_feet_with_rounding_room() -> None:
    depth = one("where the sea is about 100 meters deep")
    assert depth.noun == "feet"
    assert depth.low < 328 < depth.high
    assert relation(depth, one("trapped 354 feet below the surface")) == "compatible"
    assert relation(depth, one("some 450 feet down")) == "disjoint"


@pytest.mark.parametrize("text", [
    "The Kursk was launched in 1995.",
    "On April 14, Russia spoke.",
    "It landed at 10:30 p.m. on Aug. 12.",
    "It toppled the 22-story building.",
    "two-thirds of its passengers",
    "a 90-story tower belonging to the agency",
    "Flight 990 crashed off Nantucket.",
    "when an Aeroperu Boeing 757 crashed after takeoff",
    "controllers cleared Runway 26 for the fire brigade",
    "Kennedy, 38, his wife, 33, and her sister, 34, were killed.",
    "Fatal earthquakes occur about once every two years.",
    "Wyoming is one of the states",
])
def test_dates_times_years_and_modifiers_are_not_counts(text: str) -> None:
    assert find_quantities(text) == ()


@pytest.mark.parametrize("a, b, expected", [
    ("at least 80 people", "no fewer than 80 people", "same"),
    ("at least 80 people", "more than 80 people", "compatible"),
    ("scores of people", "at least 80 people", "compatible"),
    ("80 people", "more than 80 people", "disjoint"),
    ("dozens of people", "more than 200 people", "disjoint"),
    ("36 soldiers", "38 soldiers", "disjoint"),
    ("nearly 80 people", "80 people", "disjoint"),
])
def test_relation_says_whether_both_can_be_right(a: str, b: str, expected: str) -> None:
    assert relation(one(a), one(b)) == expected
    assert relation(one(b), one(a)) == expected


@pytest.mark.parametrize("text, value", [
    ("in the 6.7-degree earthquake", 6.7),
    ("identified as magnitude 7.5 by the MIT scientists", 7.5),
    ("a preliminary magnitude of 7.8", 7.8),
    ("measured at four degrees on the Richter scale", 4.0),
])
def test_richter_magnitudes(text: str, value: float) -> None:
    quantity = one(text)
    assert (quantity.noun, quantity.low) == ("magnitude", value)


def test_describe_says_the_range_in_words() -> None:
    assert one("at least 80 people").describe() == "80 or more"
    assert one("more than 80 people").describe() == "above 80"
    assert one("scores of people").describe() == "roughly 40 to 200"
    assert one("exactly 113 people").describe() == "exactly 113"


def test_an_adjective_before_the_noun_does_not_stand_for_what_is_counted() -> None:
    attack = one("and five submersible attack vessels came to its rescue")
    rescue = one("Four submersible rescue vehicles took turns at the site")
    assert (attack.noun, attack.text) == ("vessels", "five submersible attack vessels")
    assert rescue.noun == "vehicles"


def test_a_capitalised_modifier_or_initialism_before_the_noun_is_skipped() -> None:
    """Xinhua's "483.75 million U.S. dollars" was a count of "U", so two sums of one themed
    cluster were listed as the conflicting "number of u"."""
    assert one("a sum of 483.75 million U.S. dollars, despite").noun == "dollars"
    assert one("500 Kyrgyz soldiers were sent south").noun == "soldiers"
    assert one("the 12 U.N. inspectors left Baghdad").noun == "inspectors"


def test_a_range_with_a_stray_space_after_the_comma_is_one_range() -> None:
    fighters = one("the rebels still have some 1, 500-2000 fighters, he said")
    assert (fighters.low, fighters.high, fighters.ranged) == (1500, 2000, True)
    assert not one("about 2,000 fighters").ranged


def test_days_and_hours_are_compared_as_hours() -> None:
    waited = one("his friend waited 24 hours before calling the sheriff")
    later = one("did not report the truck stolen until several days later")
    assert (waited.noun, later.noun) == ("hours", "hours")
    assert relation(waited, later) == "disjoint"


@pytest.mark.parametrize("text, low, high, noun", [
    ("The Concorde ran over a 16-inch stray piece of metal.", 16, 16, "inches"),
    ("the tire suffered a nearly 13-inch gash", 11.7, 13, "inches"),
    ("a nearly 9-pound tire part hit the wing", 8.1, 9, "pounds"),
    ("the group's 19-acre property near Hayden Lake", 19, 19, "acres"),
    ("the 54-day strike that shut most of its plants", 54 * 24, 54 * 24, "hours"),
])
def test_a_measure_written_as_a_modifier_is_a_figure(text: str, low: float, high: float,
                                                     noun: str) -> None:
    quantity = one(text)
    assert quantity.noun == noun
    assert quantity.low <= low * 1.06 and quantity.high >= high * 0.94  # converted units: ±5 %


@pytest.mark.parametrize("rounded, precise", [
    # Round four's held-out false alarms: one report rounds the study's figures.
    ("compared with 23 percent of those in the sham needle group",
     "compared with 23.5 percent and 9.1 percent", ),
    ("and only 9 percent of those who watched videos", "and 9.1 percent of subjects"),
    ("sales of books sold to adults dropped 3 percent last year",
     "sales over all declined almost 3 percent, to"),
    ("cocaine-free urine in 54 percent of the patients", "53.8 percent of those receiving"),
    ("a 6 magnitude quake", "The 6.1 magnitude quake struck Qeshm island"),
    ("a population of 2 million people", "a population of 2.4 million people"),
])
def test_a_figure_with_fewer_digits_agrees_with_one_it_rounds(rounded: str, precise: str
                                                             ) -> None:
    a, b = find_quantities(rounded)[0], find_quantities(precise)[0]
    assert rounds(a, b) and not rounds(b, a)
    assert agrees(a, b) and agrees(b, a)


@pytest.mark.parametrize("a, b", [
    ("the crash killed 36 people", "the crash killed 37 people"),
    ("5,000 people were injured", "more than 5,000 people were injured"),
    ("jewels worth $2 million", "jewels worth $2.6 million"),
    ("magnitude 5.9", "magnitude 6.1"),
    ("almost 300 people", "300 people"),
    ("about 100 people", "100 people"),
])
def test_whole_numbers_bounds_and_equal_precision_do_not_round(a: str, b: str) -> None:
    first, second = find_quantities(a)[0], find_quantities(b)[0]
    assert not agrees(first, second)


@pytest.mark.parametrize("text, low, high, noun", [
    # British style: a sum's scale or a unit written onto the number.
    ("a masked thief stole £88m worth of precious stones", 88e6, 88e6, "money"),
    ("an $136M haul of diamonds and jewels", 136e6, 136e6, "money"),
    ("they made off with 2m euros in gems and watches", 2e6, 2e6, "euros"),
    ("he fell 2000ft near the Mount Sefton Bivvy", 2000, 2000, "feet"),
    ("falling 150m down a steep icy gully", 150 * 3.28084 * 0.95, 150 * 3.28084 * 1.05, "feet"),
    ("a Bloomington mother of 12 was killed", 12, 12, "offspring"),
])
def test_glued_abbreviations_and_a_parent_of_n(text: str, low: float, high: float, noun: str
                                              ) -> None:
    quantity = one(text)
    assert (quantity.low, quantity.high, quantity.noun) == pytest.approx((low, high, noun))
    assert text[quantity.start:quantity.end] == quantity.text


def test_a_conversion_in_brackets_restates_the_figure_before_it() -> None:
    text = "The USGS put the epicentre at about 58km (36 miles) south-west of Bandar Abbas."
    kilometers, miles = find_quantities(text)
    assert miles.exact and not kilometers.exact
    assert without_restatements((kilometers, miles), text) == [kilometers]
    both = "It cost $100 (£60) and 5 miles (8 km) of road."
    assert [q.text for q in without_restatements(find_quantities(both), both)] == [
        "$100", "5 miles"]
    # A bracketed number that counts nothing named is no conversion: kept.
    counts = "Ten (10) people died and 40 were hurt."
    assert [q.text for q in without_restatements(find_quantities(counts), counts)] == [
        "Ten", "10", "40"]


def test_a_sentence_is_skipped_only_when_it_states_no_quantity() -> None:
    """find_quantities skips the pattern for a sentence with no digit and no number word; every
    line of the example, and sentences with number words in any case or inside other words,
    are skipped only when the pattern finds nothing in them."""
    example = Path(__file__).parents[2] / "examples" / "kyrgyzstan-2010"
    lines = [line for path in sorted(example.glob("*.txt"))
             for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    lines += ["Someone often weighed the tent's height.", "Twenty-One SAILORS died.",
              "A dozen were hurt and a handful missing.", "Tens of thousands fled; a few stayed.",
              "Several hundred.", "Scores died", "ſeveral people died.", "Millions,",
              "US$ ten", "He said nothing at all."]
    for line in lines:
        if numbers._QUANTITY.search(line):
            assert numbers._may_hold_quantity(line), line
    assert not numbers._may_hold_quantity("Someone often weighed the tent's height.")
    assert find_quantities("Twenty-One SAILORS died.")[0].low == 21


def test_a_date_word_before_a_number_is_found_from_near_it() -> None:
    """Whether a month (or "every", "longitude") ends the text before a number is searched
    only near where the text's trailing spaces start; at every offset of these lines it is
    what the search of the whole text before it says."""
    lines = ["Flight 990 crashed on Oct. 31, 1999, killing all 217 people aboard.",
             "Every 2 years; whenevery 3 days; once every  \n  4 weeks, at longitude 9 west.",
             "He died in DECEMBER\n\n 12 days later; the ſeptember 3 vote; Sept 4; Mayo 5.",
             "At latitude\t45 north, 1,200 people were evacuated in May 2004."]
    for line in lines:
        for offset in range(len(line) + 1):
            expected = numbers._DATE_BEFORE.search(line[:offset]) is not None
            assert numbers._after_date_word(line, offset) == expected, (line, offset)
