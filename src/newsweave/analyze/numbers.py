"""Quantities as news reports state them: exact, bounded ("at least 80") or vague ("scores").

Sources rarely disagree with a bare "79 vs 80": they hedge. A reader comparing "at least 80",
"more than 80", "scores" and "dozens" needs each read as a range of values, so that
:func:`relation` can say whether two reports can both be right and, if so, how they still
differ. A :class:`Quantity` is that range, with the words that gave it.

Parsing is one regular expression per part (qualifier, number, scale word, counted noun);
years, times, dates and ordinals are not quantities and are skipped.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Literal

from newsweave.text.stopwords import STOP_WORDS

Relation = Literal["same", "compatible", "disjoint"]

APPROXIMATE_SPREAD = 0.1
""""about 80" is read as 80 ± 10 %: the rounding a reporter applies to a count."""

NEARLY_SPREAD = 0.1
""""nearly 80" / "almost 80" is read as 72 up to (not including) 80."""

# Vague plurals, read as (low, high) counts. "dozens" starts at two dozen, "scores" at two
# score; the upper ends are where a reporter would switch to the next word up.
VAGUE_RANGES: dict[str, tuple[float, float]] = {
    "a handful": (2, 6),
    "a few": (2, 5),
    "several": (3, 9),
    "dozens": (24, 144),
    "scores": (40, 200),
    "hundreds": (200, 999),
    "thousands": (2_000, 9_999),
    "tens of thousands": (20_000, 99_999),
    "hundreds of thousands": (200_000, 999_999),
    "millions": (2_000_000, 9_999_999),
}

_WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "a dozen": 12, "a hundred": 100, "a thousand": 1000,
}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
# "a mother of 12", "father of three": the number counts offspring, never casualties.
_PARENT_OF = re.compile(r"\b(?:mother|father|parent|grandmother|grandfather|mom|dad)\s+of\s+$",
                        re.IGNORECASE)
# Abbreviations written onto the number, as the British press does: a sum's scale ("£88m",
# "$136M", "2m euros", "£1.7bn") or else a unit ("fell 600m", "about 200ft", "a 5km run").
_GLUED_SCALES = {"m": 1_000_000, "bn": 1_000_000_000, "k": 1_000}
_GLUED_UNITS = {"m": "metres", "ft": "feet", "km": "kilometres", "cm": "centimetres",
                "kg": "kilograms"}
_GLUED = frozenset({*_GLUED_SCALES, *_GLUED_UNITS})
_CURRENCY_NOUNS = frozenset({"euros", "euro", "dollars", "dollar", "pounds", "yen", "yuan",
                             "francs", "marks", "rupees", "dlrs"})

# Qualifier -> how it bounds the number n: (low, high, low_open, high_open) as factors of n;
# None means unbounded on that side.
_BOUNDS: dict[str, tuple[float | None, float | None, bool, bool]] = {
    "at least": (1.0, None, False, False),
    "no fewer than": (1.0, None, False, False),
    "no less than": (1.0, None, False, False),
    "a minimum of": (1.0, None, False, False),
    "more than": (1.0, None, True, False),
    "over": (1.0, None, True, False),
    "upwards of": (1.0, None, True, False),
    "in excess of": (1.0, None, True, False),
    "exceeding": (1.0, None, True, False),
    "at most": (0.0, 1.0, False, False),
    "up to": (0.0, 1.0, False, False),
    "no more than": (0.0, 1.0, False, False),
    "fewer than": (0.0, 1.0, False, True),
    "less than": (0.0, 1.0, False, True),
    "under": (0.0, 1.0, False, True),
    "nearly": (1.0 - NEARLY_SPREAD, 1.0, False, True),
    "just under": (1.0 - NEARLY_SPREAD, 1.0, False, True),
    "just below": (1.0 - NEARLY_SPREAD, 1.0, False, True),
    "just over": (1.0, 1.0 + NEARLY_SPREAD, True, False),
    "just above": (1.0, 1.0 + NEARLY_SPREAD, True, False),
    "almost": (1.0 - NEARLY_SPREAD, 1.0, False, True),
    "about": (1.0 - APPROXIMATE_SPREAD, 1.0 + APPROXIMATE_SPREAD, False, False),
    "around": (1.0 - APPROXIMATE_SPREAD, 1.0 + APPROXIMATE_SPREAD, False, False),
    "approximately": (1.0 - APPROXIMATE_SPREAD, 1.0 + APPROXIMATE_SPREAD, False, False),
    "roughly": (1.0 - APPROXIMATE_SPREAD, 1.0 + APPROXIMATE_SPREAD, False, False),
    "some": (1.0 - APPROXIMATE_SPREAD, 1.0 + APPROXIMATE_SPREAD, False, False),
    "an estimated": (1.0 - APPROXIMATE_SPREAD, 1.0 + APPROXIMATE_SPREAD, False, False),
}


# A measure written as a modifier ("a 16-inch strip", "a nearly 9-pound tire part", "a 54-day
# strike") is a figure like "16 inches"; the unit is read in the plural it is compared in.
# Other modifiers ("22-story building", "two-thirds") still name no amount.
UNIT_MODIFIERS = {
    "inch": "inches", "foot": "feet", "pound": "pounds", "mile": "miles", "meter": "meters",
    "metre": "metres", "kilometer": "kilometers", "kilometre": "kilometres", "acre": "acres",
    "ton": "tons", "tonne": "tonnes", "kilogram": "kilograms", "hour": "hours",
    "minute": "minutes", "day": "days", "week": "weeks", "month": "months", "year": "years",
}


def _alternation(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, longest first so "tens of thousands" beats "thousands"."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_NUMBER = (
    r"(?P<digits>\d{1,3}(?:,\s?\d{3})+|\d+(?:\.\d+)?)"
    r"(?:\s?(?:to|-|–)\s?(?P<upper>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![\d:]))?"
    rf"|(?P<word>{_alternation(_WORD_NUMBERS)})(?:[- ](?P<unit_word>one|two|three|four|five|six"
    r"|seven|eight|nine))?(?![a-z])"  # "tens of thousands" is vague, not "ten"
)
_QUANTITY = re.compile(
    rf"(?<![\w$£€.,-])(?=[\w$£€])(?:(?P<qualifier>{_alternation(_BOUNDS)})\s+)?"
    rf"(?P<money>[$£€]\s?|(?-i:dlrs|US\$)\s)?(?:{_NUMBER})"
    rf"(?:(?P<glued>{_alternation(_GLUED)})(?!\w))?"
    rf"(?:\s+(?P<scale>{_alternation(_SCALES)}))?"
    r"(?P<percent>\s?%|\s+per\s?cent)?"
    r"(?P<compound>-(?:man|member|strong|person|degree(?=\s+(?:earthquake|quake|tremor))"
    rf"|(?P<unit_compound>{_alternation(UNIT_MODIFIERS)})(?![\w-])))?"
    # The counted noun may follow one capitalised modifier or initialism: "500 Kyrgyz
    # soldiers", "483.75 million U.S. dollars" (not a count of "U").
    r"(?:\s+(?:of\s+)?(?-i:(?:[A-Z][a-z]+|(?:[A-Z]\.){2,})\s+(?=[a-z]))?"
    r"(?P<noun>[A-Za-z][A-Za-z-]*))?"
    rf"|(?P<vague>\b(?:{_alternation(VAGUE_RANGES)}))\b(?:\s+of\s+(?P<vague_noun>[A-Za-z-]+)"
    r"|\s+(?P<vague_unit>hours|days|weeks)\b)?",
    re.IGNORECASE,
)
_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december"
    "|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
# A number that is part of a date, a clock time or a year is not a count; nor is a rate
# ("once every two years"), a coordinate ("longitude 9 degrees west") or a point in time
# ("two weeks ago").
_DATE_WORDS = (*_MONTHS.split("|"), "every", "longitude", "latitude")
_DATE_BEFORE = re.compile(rf"(?:(?:{_MONTHS})\.?|\bevery|\blongitude|\blatitude)\s*$",
                          re.IGNORECASE)
_DATE_WORD_REACH = 1 + max(map(len, _DATE_WORDS))
"""Characters the longest word :data:`_DATE_BEFORE` ends with takes, with a full stop."""
_NOT_COUNT_AFTER = re.compile(r"^\s*(?:ago\b|latitude|longitude)", re.IGNORECASE)
_COORDINATE_AFTER = re.compile(r"^\s*(?:west|east|north|south)\b", re.IGNORECASE)
_NOT_COUNT_NOUNS = frozenset(
    {"january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december", "am", "pm", "a", "p", "o'clock", "gmt", "est", "bst"}
)
# Nouns after which a number in year range (1800-2099) is still a count: "1,900 people".
_PEOPLE = frozenset({"people", "persons", "dead", "killed", "victims", "passengers"})
_YEAR = re.compile(r"^(1[89]|20)\d\d$")
_WORD_BOUNDARY_BEFORE = re.compile(r"[\w$£€.:/-]$")


@dataclass(frozen=True, slots=True)
class Quantity:
    """A stated amount read as the range of values it allows.

    ``low``/``high`` bound the value (``high`` may be ``math.inf``); ``low_open`` and
    ``high_open`` say whether the bound itself is excluded ("more than 80" excludes 80).
    ``vague`` marks words like "scores" that name no number; ``ranged`` an explicit range
    ("2,000-2,500"), whose ends are stated, not rounded. ``noun`` is the counted word
    ("people", "percent", "dollars") in lower case, when one follows.
    """

    text: str
    low: float
    high: float
    low_open: bool = False
    high_open: bool = False
    vague: bool = False
    ranged: bool = False
    noun: str | None = None
    start: int = 0
    end: int = 0

    @property
    def exact(self) -> bool:
        return self.low == self.high and not self.vague

    def describe(self) -> str:
        """The range in words, for notes: "exactly 80", "80 or more", "roughly 40 to 200"."""
        if self.exact:
            return f"exactly {_fmt(self.low)}"
        if self.vague:
            return f"roughly {_fmt(self.low)} to {_fmt(self.high)}"
        if math.isinf(self.high):
            return f"above {_fmt(self.low)}" if self.low_open else f"{_fmt(self.low)} or more"
        if self.low == 0:
            return f"below {_fmt(self.high)}" if self.high_open else f"{_fmt(self.high)} or fewer"
        return f"{_fmt(self.low)} to {_fmt(self.high)}"


CONVERSION_TOLERANCE = 0.05
"""A converted figure ("100 meters" as feet) is read as ±5 %: the source rounded in its own unit,
so the exact conversion is not what it claimed."""

# Metric lengths are compared in the unit most of the English-language press uses.
_CONVERSIONS: dict[str, tuple[str, float]] = {
    **dict.fromkeys(("meters", "metres", "meter", "metre", "m"), ("feet", 3.28084)),
    **dict.fromkeys(("kilometers", "kilometres", "kilometer", "kilometre", "km"),
                    ("miles", 0.621371)),
    "foot": ("feet", 1.0),
    "mile": ("miles", 1.0),
    **dict.fromkeys(("centimeters", "centimetres", "cm"), ("inches", 0.393701)),
    **dict.fromkeys(("kilograms", "kg"), ("pounds", 2.20462)),
    **dict.fromkeys(("tonnes", "metric tons"), ("tons", 1.0)),
    "metres": ("feet", 3.28084),
    "months": ("hours", 730.0),
    **dict.fromkeys(("square kilometers", "square kilometres", "square km"),
                    ("square miles", 0.386102)),
    # Durations in hours: "waited 24 hours" and "several days later" can then be compared.
    **dict.fromkeys(("days", "day"), ("hours", 24.0)),
    **dict.fromkeys(("weeks", "week"), ("hours", 168.0)),
    "hour": ("hours", 1.0),
}


def _fmt(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,.1f}"


@lru_cache(maxsize=4096)
def find_quantities(text: str) -> tuple[Quantity, ...]:
    """Every count or amount stated in ``text``, in order; dates, times and years skipped.

    Parameters
    ----------
    text:
        One sentence.

    Returns
    -------
    tuple of Quantity
        With character offsets into ``text``. Cached: the claims passes ask more than once.
    """
    if not _may_hold_quantity(text):
        return ()
    found = (_quantity(match, text) for match in _QUANTITY.finditer(text))
    return _join_hours_and_minutes([q for q in found if q is not None], text)


_DIGIT = re.compile(r"\d")
_LETTERS = re.compile(r"[a-z]+")
_NUMBER_WORD_ENDS = frozenset(phrase.split()[-1] for phrase in (*_WORD_NUMBERS, *VAGUE_RANGES))
"""The last word of each number word and vague plural: a quantity without digits ends its run
of letters with one ("a dozen", "tens of thousands")."""


def _may_hold_quantity(text: str) -> bool:
    """Whether :data:`_QUANTITY` may match ``text``: it has a digit, or (in ASCII text, whose
    lower-casing the case-blind pattern agrees with) a run of letters that ends a number word.
    Most sentences state no quantity, and telling so costs a fraction of the pattern's scan."""
    if _DIGIT.search(text) or not text.isascii():
        return True
    return not _NUMBER_WORD_ENDS.isdisjoint(_LETTERS.findall(text.lower()))


_BRACKET_OPEN = re.compile(r"^\s*\(\s*$")
_BRACKET_CLOSE = re.compile(r"^\s*\)")


def without_restatements(found: tuple[Quantity, ...], text: str) -> list[Quantity]:
    """The figures of ``found`` but those that only restate the one before them in brackets,
    converted ("about 58km (36 miles)"): read on its own the conversion would be exact where
    the figure it converts is not, and two reports would seem to give two distances.

    Parameters
    ----------
    found:
        The quantities of ``text``, as :func:`find_quantities` gives them.
    text:
        The sentence they were read from.

    Returns
    -------
    list of Quantity
        In order; a bracketed figure is dropped only when it counts what the one before counts.
    """
    kept: list[Quantity] = []
    for quantity in found:
        last = kept[-1] if kept else None
        if last is not None and last.noun is not None and quantity.noun == last.noun \
                and _BRACKET_OPEN.match(text[last.end:quantity.start]) \
                and _BRACKET_CLOSE.match(text[quantity.end:]):
            continue
        kept.append(quantity)
    return kept


_HOURS_MINUTES_GAP = re.compile(r"^\s*,?\s*(?:and\s+)?$")
MINUTES_PER_HOUR = 60


def _join_hours_and_minutes(found: list[Quantity], text: str) -> tuple[Quantity, ...]:
    """One duration for "3 hours, 50 minutes": the hours and the minutes after them."""
    joined: list[Quantity] = []
    for quantity in found:
        last = joined[-1] if joined else None
        if last is not None and last.noun == "hours" and quantity.noun == "minutes" and \
                quantity.exact and _HOURS_MINUTES_GAP.match(text[last.end:quantity.start]):
            extra = quantity.low / MINUTES_PER_HOUR
            joined[-1] = replace(last, text=text[last.start:quantity.end], low=last.low + extra,
                                 high=last.high + extra, end=quantity.end)
        else:
            joined.append(quantity)
    return tuple(joined)


def _quantity(match: re.Match[str], text: str) -> Quantity | None:
    """The match read as a Quantity, or None when it is a date, time, year or part of a word.

    (None here is "this match is not a quantity", a normal outcome of scanning, not a
    rejected input.)"""
    start = match.start()
    if start and _WORD_BOUNDARY_BEFORE.search(text[:start]):
        return None
    if match.group("vague"):
        return _vague_quantity(match)
    value, noun = _value_and_noun(match, text)
    if _is_not_a_count(match, text, value, noun):
        return None
    noun, end = _counted_thing(match, text, noun)
    low, high, low_open, high_open = _bounds(_qualifier(match, text, noun), value)
    if match.group("upper"):
        low = value
        high = float(match.group("upper").replace(",", "")) * _scale(match)
    noun, low, high = _converted(noun, low, high)
    return Quantity(text=text[start:end].strip(), low=low, high=high, low_open=low_open,
                    high_open=high_open, ranged=bool(match.group("upper")), noun=noun,
                    start=start, end=end)


def _vague_quantity(match: re.Match[str]) -> Quantity:
    """A count given by a word ("scores of people", "dozens of citizens"): its range."""
    noun, low, high = _converted(
        _lower(match.group("vague_noun") or match.group("vague_unit")),
        *VAGUE_RANGES[match.group("vague").lower()])
    return Quantity(text=match.group(0).strip(), low=low, high=high, vague=True,
                    noun=noun, start=match.start(), end=match.end())


def _value_and_noun(match: re.Match[str], text: str) -> tuple[float, str | None]:
    """The number, scaled by a glued "m"/"bn", and the word after it, or a glued unit."""
    value = _value(match)
    noun = _lower(match.group("noun"))
    if noun in STOP_WORDS:
        noun = None
    if _PARENT_OF.search(text[:match.start()]):
        noun = "offspring"  # "a mother of 12" counts her children, not the dead
    glued = _lower(match.group("glued"))
    glued_unit = bool(glued) and not (match.group("money") or noun in _CURRENCY_NOUNS)
    if glued and not glued_unit:
        value *= _GLUED_SCALES.get(glued, 1)
    elif glued in _GLUED_UNITS:
        noun = _GLUED_UNITS[glued]
    return value, noun


def _counted_thing(match: re.Match[str], text: str, noun: str | None
                   ) -> tuple[str | None, int]:
    """What the number counts and where the quantity's text ends: a unit compound, the head
    noun after an adjective, an area, percent, money, or an earthquake's magnitude."""
    end = match.end("noun") if noun and noun == _lower(match.group("noun")) \
        else _number_end(match)
    if match.group("unit_compound"):
        noun, end = UNIT_MODIFIERS[match.group("unit_compound").lower()], _number_end(match)
    if noun and _ADJECTIVE_ENDING.search(noun):
        noun, end = _head_noun(text, end, noun)
    elif noun == "square" and (area := _AREA_UNIT.match(text[end:])):
        noun, end = f"square {area.group('unit').lower()}", end + area.end()
    if match.group("percent") or match.group("money"):
        return ("percent" if match.group("percent") else "money"), _number_end(match)
    if _is_magnitude(match, text):
        return "magnitude", _number_end(match)
    return noun, end


def _qualifier(match: re.Match[str], text: str, noun: str | None) -> str | None:
    """The qualifier before the number ("at least", "more than"); "over" with a duration
    means during ("lose 24 percent over four years") unless a span word comes before it
    ("held for over four days")."""
    qualifier = match.group("qualifier")
    if qualifier and qualifier.lower() == "over" and noun in _DURATIONS and \
            not _SPAN_BEFORE.search(text[:match.start()]):
        return None
    return qualifier


# A counted word that is an adjective ("five submersible attack vessels"): the thing counted
# is the plural noun a word or two later, so that "four submersible rescue vehicles" is not
# read as the same count of "submersible".
_ADJECTIVE_ENDING = re.compile(r"(?:ible|able|ive|ous|ic|al|ian|ese)$")
_HEAD_NOUN = re.compile(r"^(?:\s+[a-z]+){0,2}?\s+(?P<head>[a-z]+[^s\W]s)\b")


# Words after which "over" with a duration is "more than" ("held for over four days").
_SPAN_BEFORE = re.compile(r"\b(?:for|after|in|of|lasting|lasted|took|than)\s+$", re.IGNORECASE)
_AREA_UNIT = re.compile(r"^\s+(?P<unit>miles|kilometers|kilometres|km|meters|metres|feet)\b",
                        re.IGNORECASE)
_DURATIONS = frozenset({"years", "year", "months", "month", "weeks", "week", "days", "day",
                        "hours", "hour", "minutes", "decades", "seconds"})


def _head_noun(text: str, end: int, noun: str) -> tuple[str, int]:
    """The plural noun within two words after an adjective, and where it ends."""
    head = _HEAD_NOUN.match(text[end:])
    if head is None:
        return noun, end
    return head.group("head"), end + head.end("head")


def _converted(noun: str | None, low: float, high: float) -> tuple[str | None, float, float]:
    """The range in the unit its kind is compared in (:data:`_CONVERSIONS`), with rounding
    room; unchanged for a noun that is not a unit."""
    if noun not in _CONVERSIONS:
        return noun, low, high
    unit, factor = _CONVERSIONS[noun]
    return unit, low * factor * (1 - CONVERSION_TOLERANCE), high * factor * (
        1 + CONVERSION_TOLERANCE)


# Richter magnitudes: "magnitude 7.4", "a magnitude of 7.8", "6.7-degree earthquake",
# "five degrees on the Richter scale".
_MAGNITUDE_BEFORE = re.compile(r"magnitude(?:\s+of)?\s*$", re.IGNORECASE)
_RICHTER_AFTER = re.compile(r"^\s+degrees?\s+on\s+the\s+Richter", re.IGNORECASE)


def _is_magnitude(match: re.Match[str], text: str) -> bool:
    return bool(_MAGNITUDE_BEFORE.search(text[:match.start()])
                or (match.group("compound") or "").startswith("-degree")
                or _RICHTER_AFTER.match(text[_number_end(match):])
                or ((match.group("noun") or "").lower() == "degrees"
                and "magnitude" in text[max(0, match.start() - 30):match.start()].lower()))


def _number_end(match: re.Match[str]) -> int:
    return max(match.end(group) for group in ("digits", "upper", "word", "unit_word", "glued",
                                              "scale", "percent", "compound"))


def _lower(word: str | None) -> str | None:
    return word.lower() if word else None


def _value(match: re.Match[str]) -> float:
    if match.group("digits"):
        value = float(re.sub(r",\s?", "", match.group("digits")))
    else:
        value = float(_WORD_NUMBERS[match.group("word").lower()])
        if match.group("unit_word"):
            value += _WORD_NUMBERS[match.group("unit_word").lower()]
    return value * _scale(match)


def _scale(match: re.Match[str]) -> float:
    return float(_SCALES[match.group("scale").lower()]) if match.group("scale") else 1.0


def _is_not_a_count(match: re.Match[str], text: str, value: float, noun: str | None) -> bool:
    """A clock time, date, year, one-word "one", or a modifier ("22-story", "two-thirds")."""
    digits = match.group("digits") or ""
    number_end = match.end("upper") if match.group("upper") else max(match.end("digits"),
                                                                      match.end("unit_word"),
                                                                      match.end("word"))
    after = text[number_end:number_end + 1]
    if after == ":" or (after == "-" and not match.group("compound")):
        return True
    if text[match.end():match.end() + 2] in (":0", ":1", ":2", ":3"):
        return True
    if (match.group("word") or "").lower() == "one" and not match.group("unit_word"):
        return True
    if _after_date_word(text, match.start()) or _is_identifier(match, text):
        return True
    if _APPOSITION_BEFORE.search(text[:match.start()]) and not noun and not \
            match.group("qualifier") and _APPOSITION_AFTER.match(text[match.end():]):
        return True
    if noun in _NOT_COUNT_NOUNS:
        return True
    after_text = text[match.end():]
    if _NOT_COUNT_AFTER.match(after_text):
        return True
    if noun == "degrees" and _COORDINATE_AFTER.match(after_text):
        return True
    return bool(_YEAR.match(digits)) and not match.group("qualifier") and noun not in _PEOPLE \
        and not match.group("glued")  # "fell 2000ft" is no year


def _after_date_word(text: str, start: int) -> bool:
    """Whether ``text[:start]`` ends in a month, "every", "longitude" or "latitude" and spaces
    (:data:`_DATE_BEFORE`). The word ends where the trailing spaces start, so the pattern is
    searched from :data:`_DATE_WORD_REACH` characters before there, not from the sentence's
    start at every number (the search still sees what stands before, for its word boundary)."""
    word_end = len(text[:start].rstrip())
    return _DATE_BEFORE.search(text, max(0, word_end - _DATE_WORD_REACH), start) is not None


# A bare number set off by commas after a noun phrase is an age ("his wife, 33, and her
# sister, 34"), not a count of anything.
_APPOSITION_BEFORE = re.compile(r"[A-Za-z],\s$")
_APPOSITION_AFTER = re.compile(r"^(?:,|\.|\s+and\b)")
# A number right after a capitalised word names a thing ("Flight 990", "Runway 26", "a Boeing
# 757", "Local 325"); a qualifier or sentence-opening word before it ("About 50", "Some 27")
# does not.
_NAME_BEFORE = re.compile(r"\b(?P<name>[A-Z][A-Za-z]+)\s$")
_NOT_A_NAME = frozenset({"exactly", "nearly", "total", "including", "only", "another"})


def _is_identifier(match: re.Match[str], text: str) -> bool:
    if match.group("qualifier"):
        return False
    name = _NAME_BEFORE.search(text[:match.start()])
    if name is None:
        return False
    word = name.group("name").lower()
    return word not in STOP_WORDS and word not in _BOUNDS and word not in _NOT_A_NAME \
        and word not in _WORD_NUMBERS


def _bounds(qualifier: str | None, value: float) -> tuple[float, float, bool, bool]:
    if not qualifier:
        return value, value, False, False
    low_factor, high_factor, low_open, high_open = _BOUNDS[qualifier.lower()]
    low = value * low_factor if low_factor is not None else 0.0
    high = value * high_factor if high_factor is not None else math.inf
    return low, high, low_open, high_open


def relation(a: Quantity, b: Quantity) -> Relation:
    """Whether two stated amounts agree, could both be right, or cannot both be right.

    Returns
    -------
    "same"
        The same range ("80" and "80"; "at least 80" and "no fewer than 80").
    "compatible"
        The ranges overlap: both can be true, but they say different things ("at least 80"
        allows exactly 80, "more than 80" does not; "scores" allows 80).
    "disjoint"
        No value satisfies both ("at least 80" and "dozens" of 30).
    """
    if (a.low, a.high, a.low_open, a.high_open) == (b.low, b.high, b.low_open, b.high_open):
        return "same"
    return "compatible" if _overlap(a, b) else "disjoint"


def agrees(a: Quantity, b: Quantity) -> bool:
    """Whether two stated amounts are one figure told alike: the same range, or one a
    reporter's rounding of the other (see :func:`rounds`)."""
    return relation(a, b) == "same" or rounds(a, b) or rounds(b, a)


# The number as written, for the place of its last digit: "23.5", "120,000", "2 million".
_WRITTEN_NUMBER = re.compile(
    rf"\d[\d,]*(?:\.(?P<fraction>\d+))?(?:\s+(?P<scale>{_alternation(_SCALES)}))?", re.IGNORECASE)


def rounds(a: Quantity, b: Quantity) -> bool:
    """Whether ``a`` is ``b`` given with fewer digits: "23 percent" for "23.5 percent", "9" for
    "9.1", "3 percent" for "almost 3 percent", "2 million" for "2.4 million".

    A figure written to a given place stands for every value that rounds to it, half a unit of
    its last digit either side (the unit is 0.1 for "23.5", 1 for "23", a million for "2
    million"); ``b`` is that figure told more precisely when its whole range lies within. Two
    whole numbers never round each other ("36" and "37 killed" stay two figures), nor does a
    one-sided bound ("more than 5,000" is not "5,000").

    Parameters
    ----------
    a:
        The figure that may be the rounded one; it must be stated exactly, in digits.
    b:
        The figure that may be the precise one.

    Returns
    -------
    bool
    """
    written = _WRITTEN_NUMBER.search(a.text)
    if not a.exact or written is None or relation(a, b) == "same":
        return False
    scale = _SCALES[written.group("scale").lower()] if written.group("scale") else 1
    half_unit = scale * 10.0 ** -len(written.group("fraction") or "") / 2
    return a.low - half_unit <= b.low and b.high <= a.high + half_unit


def _overlap(a: Quantity, b: Quantity) -> bool:
    low, low_open = max((a.low, a.low_open), (b.low, b.low_open))
    # max over (value, open) takes the larger low bound and, at a tie, the excluding one;
    # min over (value, included) takes the smaller high bound and, at a tie, the excluding one.
    high, high_included = min((a.high, not a.high_open), (b.high, not b.high_open))
    return low < high or (low == high and not low_open and high_included)
