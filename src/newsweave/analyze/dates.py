"""Find the dates a news text names and resolve them against its publication date.

A rule-based tagger in the style of HeidelTime: each rule is one regular expression with a
resolver that turns a match into a TIMEX3 value ("2010-04-07", "2010-04", "2010", "2010-W14",
"1989-Q3", "PRESENT_REF"...). Each rule runs over the lines holding one of its keywords;
where matches overlap the leftmost, then longest, wins. Rules were chosen over
``dateparser.search.search_dates``, which on TimeBank and AQUAINT finds DATE spans far less
well (extent F1 0.57 against 0.93), resolves only to days, and runs about thirty times
slower (docs/bench/timeline.md); ``dateparser`` still parses the one-off date strings
readers meet in metadata.

Relative expressions ("last Wednesday", "four days ago", "7 April" with no year) need an
anchor, the article's publication date. News conventions decide the direction: a bare
weekday, month or month-day means the most recent one on or before the anchor, unless the
sentence speaks of the future ("will", "is scheduled to"...), when it means the next one.
Without an anchor such expressions are reported with ``value`` None: kept, never guessed.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from typing import Literal

Granularity = Literal["day", "month", "year"]

_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
# The month a season is over by, to tell whether "last fall" is this year's or last year's.
_SEASON_LAST_MONTH = {"SP": 5, "SU": 8, "FA": 11, "WI": 2}
_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "a couple of": 2,
}
_TENS = {"ten": 10, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
         "seventy": 70, "eighty": 80, "ninety": 90}
_UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
          "eight": 8, "nine": 9}
_TEENS = {"eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
          "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3,
             "4th": 4}

# Pieces the rules are built from. Month and weekday names must be capitalised: lower-case
# "march", "may" and "fall" are verbs far more often than dates.
_MONTH = (r"(?P<mon>(?:January|February|March|April|May|June|July|August|September|October|"
          r"November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?)(?!\w))")
_FULL_MONTH_NOT_MAY = (r"(?P<mon>(?:January|February|March|April|June|July|August|September|"
                       r"October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|"
                       r"Oct|Nov|Dec)\.)(?!\w))")
WEEKDAY_NAMES = r"(?:" + "|".join(d.capitalize() for d in WEEKDAYS) + ")"
"""A capitalised weekday name, as a regular expression group ("Monday" ... "Sunday"); the
claims read a crowd's day with it too."""
_WEEKDAY = rf"(?P<wd>{WEEKDAY_NAMES}\b)"
_LEADING_WEEKDAY = rf"(?:{WEEKDAY_NAMES},?\s+)?"
_DAY = r"(?<![\w$.,/-])(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b(?!-|[.,:/]\d)"
# A year, but not a time of day in four figures ("at 1600 GMT", "0800 hours").
_YEAR = (r"(?<![\w$.,/-])(?P<year>1[6-9]\d\d|20\d\d)\b(?![.,]\d|%|-\w"
         r"|\s*(?:GMT|UTC|[ECMP][SD]T|BST|CET|hours\b|hrs\b|(?i:local\s+time)))")
_PART = r"(?i:early|late|mid|(?:the\s+)?(?:end|beginning|start|middle)\s+of|around)"
_PART_PREFIX = rf"(?:{_PART}(?:\s+on)?\s+|(?i:mid|late|early)-)?"
_TIME_OF_DAY = r"(?:,?\s+(?i:morning|afternoon|evening|night))?"
_NUMBER = (r"(?P<num>\d{1,3}|(?i:a\s+couple\s+of|an?|one|two|three|four|five|six|seven|eight|"
           r"nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|several|a\s+few|few))")
_HEDGE = r"(?:(?i:about|nearly|almost|some|more\s+than|over|roughly|just|only)\s+)?"
_QUARTER_ORDINAL = r"(?P<ord>(?i:first|second|third|fourth|1st|2nd|3rd|4th))"

# Words that put a sentence in the future, so that a bare "Friday" means the next one.
_FUTURE_CUE = re.compile(
    r"\b(?:will|won't|shall|going\s+to|plans?\s+to|planned|planning|scheduled|set\s+to|"
    r"expected\s+to|expects?\s+to|is\s+to|are\s+to|is\s+due|are\s+due|upcoming|"
    r"as\s+soon\s+as)\b|'ll\b",
    re.IGNORECASE,
)
# Reported speech in the future: "said the commission would give Putin a proposal on
# Wednesday", in the same clause (no comma between: "said they would appeal the decision,
# announced Wednesday" names a past day).
_WOULD = re.compile(r"\b(?:said|says)\s+(?:that\s+)?(?:[\w'-]+\s+){1,5}would\s[^,;]*$",
                    re.IGNORECASE)
# A deadline ("by February", "until Friday") lies ahead even in a past-tense sentence.
_DEADLINE = re.compile(r"\b(?:by|until|till|through)\s+$", re.IGNORECASE)
# How far around an expression its sentence is searched for future cues, in characters.
_TENSE_WINDOW = 80
_SENTENCE_BREAK = re.compile(r"(?<!\.\.)[.!?]\s|\n")
# Choosing the year of "7 April" (no year given): one of these years around the anchor's,
# putting it before the anchor, or after it in a future sentence, give or take a quarter
# (a past-tense report may still name a date ahead: "the loan is due June 30"). A quarter
# scored best on TimeBank+AQUAINT among 0, 7, 14, 30, 60, 90, 120, 150 and 182 days.
_YEAR_CHOICES = (-1, 0, 1)
_DATE_SLACK_DAYS = 90
_GRANULARITY_OF_SHAPE: dict[str, Granularity] = {
    "XXXX-XX-XX": "day", "XXXX-XX": "month", "XXXX": "year"}
# Resolving a relative expression against this stand-in tells its shape when there is no
# anchor; the value itself is thrown away.
_STAND_IN_ANCHOR = date(2000, 6, 15)
# Months in a year and days in a week, for the calendar arithmetic.
_MONTHS_PER_YEAR = 12
_DAYS_PER_WEEK = 7
_SATURDAY = 5  # date.weekday() of Saturday


@dataclass(frozen=True, slots=True)
class DateMention:
    """A temporal expression found in a text, with its TIMEX3 value if it could be resolved.

    ``value`` is None for a relative expression ("last Wednesday", "7 April" with no year)
    when no anchor date was given: the expression is kept, never guessed. ``shape`` is the
    value with its digits as X ("XXXX-XX-XX", "XXXX-WXX", "PRESENT_REF"), known even then,
    so that a caller can tell a day from a quarter without a date. ``year_inferred`` marks a
    month and day ("April 14") of an undated text given its year by :func:`find_dates`'s
    ``year_hint``.
    """

    start: int
    end: int
    text: str
    value: str | None
    relative: bool
    shape: str
    year_inferred: bool = False

    @property
    def when(self) -> date | None:
        """The first day of the period the value names, if it is a day, month or year."""
        if self.granularity is None or self.value is None:
            return None
        parts = [int(p) for p in self.value.split("-")]
        return date(parts[0], *(parts[1:] + [1] * (3 - len(parts))))

    @property
    def granularity(self) -> Granularity | None:
        """"day", "month" or "year" for such values; None for weeks, quarters, decades, refs."""
        return _GRANULARITY_OF_SHAPE.get(self.shape)


@dataclass(slots=True)
class _Context:
    """What a resolver may look at: the text, the anchor, and what earlier mentions named."""

    text: str
    anchor: date | None
    year_hint: date | None = None
    last_quarter: str | None = field(default=None)

    def future(self, start: int, end: int) -> bool:
        """Whether the sentence around ``text[start:end]`` speaks of the future."""
        before = self.text[max(0, start - _TENSE_WINDOW):start]
        if _DEADLINE.search(before):
            return True
        breaks = list(_SENTENCE_BREAK.finditer(before))
        if breaks:
            before = before[breaks[-1].end():]
        after = self.text[end:end + _TENSE_WINDOW]
        stop = _SENTENCE_BREAK.search(after)
        if stop:
            after = after[:stop.start()]
        reported = _WOULD.search(before) and not after.startswith(("'s", "’s"))
        return bool(_FUTURE_CUE.search(before) or _FUTURE_CUE.search(after) or reported)


Resolver = Callable[[re.Match[str], _Context], str | None]


@dataclass(frozen=True, slots=True)
class _Rule:
    """A pattern and how to resolve it; ``relative`` rules need an anchor to give a value.

    ``keywords`` are strings one of which every match contains (lower-case ones in the
    lower-cased text, capitalised ones as they stand): the pattern only runs over lines (and
    the line after) that hold one, which makes tagging several times faster.
    """

    keywords: tuple[str, ...]
    pattern: re.Pattern[str]
    resolve: Resolver
    relative: bool


def _day(d: date) -> str:
    return d.isoformat()


def _month(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def _week(d: date) -> str:
    year, week, _ = d.isocalendar()
    return f"{year:04d}-W{week:02d}"


def _quarter_of(d: date) -> int:
    return (d.month - 1) // 3 + 1


def _shift_month(d: date, months: int) -> tuple[int, int]:
    index = d.year * _MONTHS_PER_YEAR + d.month - 1 + months
    return index // _MONTHS_PER_YEAR, index % _MONTHS_PER_YEAR + 1


def _month_number(name: str) -> int:
    return _MONTHS.index(name[:3].lower()) + 1


def _number(word: str) -> int | None:
    """The value of a count ("four", "a", "12"); None for vague ones ("several", "a few")."""
    word = re.sub(r"\s+", " ", word.lower())
    return int(word) if word.isdigit() else _NUMBER_WORDS.get(word)


def _year_for(day_in: Callable[[int], date], anchor: date, future: bool) -> date | None:
    """The date ``day_in(year)`` gives for the year that makes it the most recent one up to
    the anchor (the next one from it in future sentences), allowing
    :data:`_DATE_SLACK_DAYS` of slack; None when no year gives a valid date (30 February)."""
    candidates = []
    for offset in _YEAR_CHOICES:
        try:
            candidates.append(day_in(anchor.year + offset))
        except ValueError:
            continue
    slack = timedelta(days=_DATE_SLACK_DAYS)
    if future:
        return min((d for d in candidates if d >= anchor - slack), default=None)
    return max((d for d in candidates if d <= anchor + slack), default=None)


def _nth_weekday(month: int, weekday: int, n: int) -> Callable[[int], date]:
    """The ``n``-th ``weekday`` of ``month`` (n = -1: the last), as a function of the year."""

    def day_in(year: int) -> date:
        if n > 0:
            first = date(year, month, 1)
            return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
        last = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
        return last - timedelta(days=(last.weekday() - weekday) % 7)

    return day_in


def _fixed(month: int, day: int) -> Callable[[int], date]:
    return lambda year: date(year, month, day)


def _election_day(year: int) -> date:
    """US Election Day: the Tuesday after the first Monday of November."""
    return _nth_weekday(11, 0, 1)(year) + timedelta(days=1)


# Holidays news dates events by, named without a trailing "Day", and the day each falls on
# in a given year.
_HOLIDAYS: dict[str, Callable[[int], date]] = {
    "christmas eve": _fixed(12, 24),
    "christmas": _fixed(12, 25),
    "new year's eve": _fixed(12, 31),
    "new year's": _fixed(1, 1),
    "independence": _fixed(7, 4),
    "the fourth of july": _fixed(7, 4),
    "valentine's": _fixed(2, 14),
    "halloween": _fixed(10, 31),
    "thanksgiving": _nth_weekday(11, 3, 4),
    "labor": _nth_weekday(9, 0, 1),
    "memorial": _nth_weekday(5, 0, -1),
    "election": _election_day,
}


def _word(m: re.Match[str], group: str) -> str:
    """A group's text lower-cased with spaces folded; "" when the rule has no such group or
    it did not take part in the match."""
    return re.sub(r"\s+", " ", m.groupdict().get(group) or "").lower()


def _resolve_iso(m: re.Match[str], ctx: _Context) -> str | None:
    try:
        return _day(date(int(m["year"]), int(m["month"]), int(m["day"])))
    except ValueError:
        return None


def _resolve_month_day(m: re.Match[str], ctx: _Context) -> str | None:
    """"April 14, 2010", "15 April 2010", "7 April" (year from the anchor)."""
    month, day = _month_number(m["mon"]), int(m["day"])
    if m["year"]:
        try:
            return _day(date(int(m["year"]), month, day))
        except ValueError:
            return None
    near = ctx.anchor or ctx.year_hint
    if near is None:
        return None
    found = _year_for(_fixed(month, day), near, ctx.future(m.start(), m.end()))
    return _day(found) if found else None


def _resolve_holiday(m: re.Match[str], ctx: _Context) -> str | None:
    """"Thanksgiving", "last Christmas", "Election Day": the most recent (or next) one."""
    if ctx.anchor is None:
        return None
    day_in = _HOLIDAYS[_word(m, "holiday").replace("’", "'").removesuffix(" day")]
    rel = _word(m, "rel")
    future = rel == "next" or (rel != "last" and ctx.future(m.start(), m.end()))
    found = _year_for(day_in, ctx.anchor, future)
    return _day(found) if found else None


def _resolve_month_year(m: re.Match[str], ctx: _Context) -> str | None:
    """"July 1999", "January this year", "June last year"."""
    month = _month_number(m["mon"])
    if "year" in m.re.groupindex:
        return _month(int(m["year"]), month)
    if ctx.anchor is None:
        return None
    shift = {"last": -1, "this": 0, "next": 1}[_word(m, "rel")]
    return _month(ctx.anchor.year + shift, month)


def _resolve_month(m: re.Match[str], ctx: _Context) -> str | None:
    """"April", "last April", "next March": the most recent (or, in the future, next) one."""
    if ctx.anchor is None:
        return None
    month = _month_number(m["mon"])
    rel = _word(m, "rel")
    year = ctx.anchor.year
    if rel == "next" or (not rel and ctx.future(m.start(), m.end())):
        year += month < ctx.anchor.month or (rel == "next" and month == ctx.anchor.month)
    elif rel != "this":
        year -= month > ctx.anchor.month or (rel == "last" and month == ctx.anchor.month)
    return _month(year, month)


def _resolve_year(m: re.Match[str], ctx: _Context) -> str | None:
    return m["year"]


def _resolve_word_year(m: re.Match[str], ctx: _Context) -> str | None:
    """"nineteen ninety-six", "the year two thousand", "two thousand and one"."""
    if m["century"]:
        tail = _TEENS.get((m["tens"] or "").lower()) or (
            _TENS.get((m["tens"] or "").lower(), 0) + _UNITS.get((m["unit"] or "").lower(), 0)
        )
        return f"{1900 + tail:04d}"
    return f"{2000 + _UNITS.get((m['unit2'] or '').lower(), 0):04d}"


def _resolve_decade(m: re.Match[str], ctx: _Context) -> str | None:
    if m["dec"]:
        return m["dec"]
    return f"19{_TENS[m['decword'].lower().removesuffix('ies') + 'y'] // 10}"


def _resolve_century(m: re.Match[str], ctx: _Context) -> str | None:
    return f"{int(m['cent']) - 1:02d}"


def _resolve_relative_day(m: re.Match[str], ctx: _Context) -> str | None:
    """"today", "yesterday", "late yesterday", "tomorrow morning", "tonight"."""
    if ctx.anchor is None:
        return None
    shift = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[m["rd"].lower()]
    return _day(ctx.anchor + timedelta(days=shift))


# A weekday set beside the date it falls on: "on Aug. 14, a Monday", "Aug. 14, which was a
# Monday" (the day of that date, not the Monday before the anchor).
_APPOSED_DATE = re.compile(
    rf"{_MONTH}\s+(?P<day>[12]\d|3[01]|0?[1-9]),?(?:\s+(?P<year>\d{{4}}),)?"
    r"\s+(?:which\s+was\s+)?an?\s+$")
_APPOSITION_WINDOW = 40


def _resolve_weekday(m: re.Match[str], ctx: _Context) -> str | None:
    """A weekday: the most recent on or before the anchor, or after it in future sentences.

    "last Friday" is the Friday of the week before the anchor's (on a Thursday, "last
    Wednesday" is eight days back, not yesterday), as TimeBank's annotators read it;
    "the previous Friday" excludes the anchor's own day; "next Friday" and "the following
    Friday" look forward, excluding it too.
    """
    if ctx.anchor is None:
        return None
    apposed = _APPOSED_DATE.search(ctx.text, max(0, m.start() - _APPOSITION_WINDOW), m.start())
    if apposed:
        return _resolve_month_day(apposed, ctx)
    target = WEEKDAYS.index(m["wd"].lower())
    rel = _word(m, "rel")
    if rel == "last":
        monday = ctx.anchor - timedelta(days=ctx.anchor.weekday() + _DAYS_PER_WEEK)
        return _day(monday + timedelta(days=target))
    forward = rel in {"next", "this coming", "the following"} or (
        rel in {"", "this", "early", "late"} and ctx.future(m.start(), m.end())
    )
    strict = rel in {"next", "the previous", "the following"}
    if forward:
        gap = (target - ctx.anchor.weekday()) % _DAYS_PER_WEEK or (_DAYS_PER_WEEK * strict)
        return _day(ctx.anchor + timedelta(days=gap))
    gap = (ctx.anchor.weekday() - target) % _DAYS_PER_WEEK or (_DAYS_PER_WEEK * strict)
    return _day(ctx.anchor - timedelta(days=gap))


def _resolve_unit(m: re.Match[str], ctx: _Context) -> str | None:
    """"last week", "this month", "next year", "earlier this month", "the weekend"."""
    if ctx.anchor is None:
        return None
    rel = _word(m, "rel")
    shift = {"last": -1, "next": 1}.get(rel, 0)
    unit = m["unit"].lower()
    anchor = ctx.anchor
    if unit == "weekend":
        return _weekend(anchor, rel, shift, ctx.future(m.start(), m.end()))
    if unit == "week":
        return _week(anchor + timedelta(weeks=shift))
    if unit == "month":
        return _month(*_shift_month(anchor, shift))
    if unit == "decade":
        return f"{anchor.year // 10 + shift:03d}"
    return f"{anchor.year + shift:04d}"


def _weekend(anchor: date, rel: str, shift: int, future: bool) -> str:
    """"the weekend" is the one just past (a Monday report's Saturday and Sunday) unless the
    sentence looks ahead; "this/last/next weekend" count from the anchor's own week."""
    if not rel and not future and anchor.weekday() < _SATURDAY:
        shift = -1
    return _week(anchor + timedelta(weeks=shift)) + "-WE"


def _resolve_ago(m: re.Match[str], ctx: _Context) -> str | None:
    """"four days ago", "two weeks ago", "a year earlier"; vague counts are PAST_REF."""
    count = _number(m["num"])
    if count is None:
        return "PAST_REF"
    if ctx.anchor is None:
        return None
    unit = m["unit"].lower().rstrip("s")
    anchor = ctx.anchor
    if unit == "day":
        return _day(anchor - timedelta(days=count))
    if unit == "week":
        return _week(anchor - timedelta(weeks=count))
    if unit == "month":
        return _month(*_shift_month(anchor, -count))
    if unit == "decade":
        return f"{anchor.year // 10 - count:03d}"
    return _year_ago(anchor.year - count, ctx)


def _year_ago(year: int, ctx: _Context) -> str:
    """A year ago; in a text that has named a quarter, that quarter a year ago (financial
    reports compare "third-quarter profit" with "a year earlier")."""
    if ctx.last_quarter:
        return f"{year:04d}-{ctx.last_quarter.split('-')[1]}"
    return f"{year:04d}"


def _resolve_year_earlier(m: re.Match[str], ctx: _Context) -> str | None:
    """"year-earlier", "the year-ago quarter": last year, or that quarter last year."""
    if ctx.anchor is None:
        return None
    return _year_ago(ctx.anchor.year - 1, ctx)


def _resolve_quarter(m: re.Match[str], ctx: _Context) -> str | None:
    """"the third quarter", "fourth-quarter", "the 1988 second quarter", "the quarter".

    With no year given it is the anchor's year, except a quarter two or more ahead of the
    anchor's, which must be last year's ("fourth quarter" in a January report).
    """
    year = m["qyear"] or m["qyear2"]
    quarter = _ORDINALS[m["ord"].lower()]
    if year:
        return f"{year}-Q{quarter}"
    if ctx.anchor is None:
        return None
    shift = {"last": -1, "next": 1}.get(_word(m, "rel").removesuffix(" year's"), 0)
    behind = quarter - _quarter_of(ctx.anchor) >= 2
    return f"{ctx.anchor.year + shift - (behind and not shift):04d}-Q{quarter}"


def _resolve_named_quarter(m: re.Match[str], ctx: _Context) -> str | None:
    """"this quarter" is the anchor's; "the quarter", "the latest quarter" and "last quarter"
    the last one completed before the anchor, whose results the news is reporting."""
    if ctx.anchor is None:
        return None
    current = _word(m, "rel") in {"this", "the current"}
    index = ctx.anchor.year * 4 + _quarter_of(ctx.anchor) - 1 - (not current)
    return f"{index // 4:04d}-Q{index % 4 + 1}"


def _resolve_season(m: re.Match[str], ctx: _Context) -> str | None:
    """"last fall", "this summer", "the winter of 1994"."""
    season = _SEASONS[m["season"].lower()]
    if m["year"]:
        return f"{m['year']}-{season}"
    if ctx.anchor is None:
        return None
    rel = _word(m, "rel")
    year = ctx.anchor.year
    over = ctx.anchor.month > _SEASON_LAST_MONTH[season] and season != "WI"
    if rel in {"last", "this past"}:
        year -= not over
    elif rel == "next":
        year += over
    return f"{year:04d}-{season}"


def _resolve_season_either(m: re.Match[str], ctx: _Context) -> str | None:
    """The season rule has two shapes ("last fall", "the winter of 1994")."""
    if m["season2"]:
        return f"{m['year2']}-{_SEASONS[m['season2'].lower()]}"
    return _resolve_season(m, ctx)


def _constant(value: str) -> Resolver:
    def resolve(m: re.Match[str], ctx: _Context) -> str | None:
        return value

    return resolve


def _rule(
    keywords: tuple[str, ...], pattern: str, resolve: Resolver, *, relative: bool = True
) -> _Rule:
    return _Rule(keywords, re.compile(_WORD_START + pattern), resolve, relative)


# Keywords that gate rules (see _Rule): centuries a year starts with, month, weekday and
# holiday names as the patterns require them to be written.
_MONTH_KEYS = tuple(m.capitalize() for m in _MONTHS)
_WEEKDAY_KEYS = tuple(d.capitalize() for d in WEEKDAYS)
_CENTURIES = ("16", "17", "18", "19", "20")
_HOLIDAY_KEYS = ("Christmas", "Thanksgiving", "New Year", "Independence", "Fourth of July",
                 "Valentine", "Halloween", "Labor Day", "Memorial Day", "Election Day")
_SEASON_KEYS = ("spring", "summer", "fall", "autumn", "winter")
# Every pattern starts with this: matches begin at a word's start, and the check rejects the
# positions inside words before any alternative is tried, which makes tagging much faster.
_WORD_START = r"(?<!\w)(?=\w)"
_LINE_BREAK = re.compile(r"\n")
_UNIT_WORDS = r"(?i:days?|weeks?|months?|years?|decades?)"
_DURATION_AHEAD = r"(?!\s+(?:\w+\s+)?(?i:days?|weeks?|months?|years?|decades?|quarters?|hours?))"

_RULES: tuple[_Rule, ...] = (
    _rule(("-",), r"\b(?P<year>\d{4})-(?P<month>\d\d)-(?P<day>\d\d)\b", _resolve_iso,
          relative=False),
    _rule(_MONTH_KEYS,
          rf"{_LEADING_WEEKDAY}{_PART_PREFIX}{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?{_TIME_OF_DAY}",
          _resolve_month_day),
    _rule(_MONTH_KEYS,
          rf"{_LEADING_WEEKDAY}{_PART_PREFIX}{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?",
          _resolve_month_day),
    # A span of days, given by its first ("Oct. 12-13, 1992: A Concorde flies around the
    # world", in a chronology).
    _rule(_MONTH_KEYS,
          rf"{_MONTH}\s+(?P<day>[12]\d|3[01]|0?[1-9])[-–](?:[12]\d|3[01]|0?[1-9])\b"
          rf"(?:,?\s+{_YEAR})?",
          _resolve_month_day),
    _rule(_MONTH_KEYS, rf"{_PART_PREFIX}{_MONTH},?\s+(?:of\s+)?{_YEAR}", _resolve_month_year,
          relative=False),
    _rule(_MONTH_KEYS, rf"{_MONTH}\s+(?P<rel>(?i:last|this|next))\s+(?i:year)\b",
          _resolve_month_year),
    _rule(_MONTH_KEYS,
          rf"(?:(?P<rel>(?i:last|this|next))\s+|{_PART_PREFIX}){_FULL_MONTH_NOT_MAY}",
          _resolve_month),
    _rule(("May",), r"(?:(?P<rel>(?i:last|this|next))\s+|(?i:in|since|by|until|during|early|"
          r"late|mid|of|before|after|from|through)[\s-]+)(?P<mon>May)\b(?!\s+(?:be|have)\b)",
          _resolve_month),
    _rule(_CENTURIES,
          r"(?:(?i:fiscal|the\s+(?:fiscal\s+|calendar\s+)?year|calendar)\s+|"
          rf"{_PART_PREFIX}){_YEAR}",
          _resolve_year, relative=False),
    _rule(("nineteen", "thousand"),
          r"(?:(?i:the\s+year)\s+)?(?:(?P<century>(?i:nineteen))\s+(?P<tens>(?i:ten|twenty|"
          r"thirty|forty|fifty|sixty|seventy|eighty|ninety|eleven|twelve|thirteen|fourteen|"
          r"fifteen|sixteen|seventeen|eighteen|nineteen))(?:[-\s](?P<unit>(?i:one|two|three|"
          r"four|five|six|seven|eight|nine))\b)?|(?i:two\s+thousand)(?:\s+(?:and\s+)?"
          r"(?P<unit2>(?i:one|two|three|four|five|six|seven|eight|nine))\b)?)",
          _resolve_word_year, relative=False),
    _rule(("0s", "0's", "ties"),
          r"(?:(?i:the)\s+)?(?:(?i:early|late|mid)[-\s])?(?:(?<![\w$])(?P<dec>1[6-9]\d|20\d)0"
          r"'?s\b|(?P<decword>(?i:twenties|thirties|forties|fifties|sixties|seventies|"
          r"eighties|nineties))\b)", _resolve_decade, relative=False),
    _rule(("century",), r"(?:(?i:the)\s+)?(?P<cent>\d{1,2})(?:st|nd|rd|th)[-\s](?i:century)\b",
          _resolve_century, relative=False),
    _rule(_HOLIDAY_KEYS,
          r"(?:(?P<rel>(?i:last|this|next))\s+)?(?P<holiday>Christmas(?:\s+(?:Eve|Day))?|"
          r"Thanksgiving(?:\s+Day)?|New\s+Year['’]s\s+(?:Eve|Day)|Independence\s+Day|"
          r"(?i:the\s+)?Fourth\s+of\s+July|Valentine['’]s\s+Day|Halloween|Labor\s+Day|"
          r"Memorial\s+Day|Election\s+Day)\b", _resolve_holiday),
    _rule(("today", "yesterday", "tomorrow", "tonight"),
          r"(?:(?i:late|early|earlier|later)\s+)?(?P<rd>\b(?i:today|yesterday|tomorrow|tonight)"
          rf"\b){_TIME_OF_DAY}", _resolve_relative_day),
    _rule(_WEEKDAY_KEYS,
          r"(?:(?P<rel>(?i:last|this\s+coming|this\s+past|this|next|the\s+previous|the\s+"
          rf"following|earlier|early|late|later))\s+)?{_WEEKDAY}{_TIME_OF_DAY}",
          _resolve_weekday),
    # The unit is lower-case: "This Week" is a television programme.
    _rule(("week", "month", "year", "decade"),
          r"(?:(?i:early|late|earlier|later|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+"
          r"of|the\s+middle\s+of)\s+(?:(?i:in)\s+)?)?(?P<rel>(?i:last|this|next|the\s+current|"
          r"the\s+same))\s+(?:(?i:fiscal)\s+)?(?P<unit>weekend|week|month|year|decade)"
          r"\b(?!-)", _resolve_unit),
    _rule(("earlier in", "later in"),
          r"(?i:earlier|later)\s+(?i:in)\s+(?P<rel>(?i:the))\s+(?P<unit>(?i:week|month|year))\b",
          _resolve_unit),
    _rule(("weekend",), r"\b(?i:the|over\s+the)\s+(?P<unit>(?i:weekend))\b", _resolve_unit),
    _rule(("ago", "earlier"),
          rf"{_HEDGE}{_NUMBER}\s+(?:or\s+so\s+)?(?P<unit>{_UNIT_WORDS})\s+(?:or\s+so\s+)?"
          r"(?i:ago|earlier)\b", _resolve_ago),
    _rule(("year-earlier", "year-ago", "year earlier"),
          r"(?:(?i:the)\s+)?(?:(?i:comparable|same)\s+)?(?i:year-earlier|year-ago|"
          r"year\s+earlier)(?:\s+(?:(?:first|second|third|fourth)\s+)?(?i:quarter|period))?",
          _resolve_year_earlier),
    _rule(("quarter",),
          r"(?:(?i:the)\s+)?(?:(?P<rel>(?i:this\s+year's|last\s+year's|next\s+year's|"
          r"fiscal|latest|current|same))\s+)?(?:(?P<qyear>(?:19|20)\d\d)\s+)?(?:(?i:fiscal)"
          rf"[-\s])?{_QUARTER_ORDINAL}[-\s](?:(?i:fiscal)\s+)?(?i:quarter)\b(?:\s+(?i:of)\s+"
          r"(?:(?i:fiscal)\s+)?(?P<qyear2>(?:19|20)\d\d))?", _resolve_quarter),
    _rule(("quarter", "latest period"),
          r"(?P<rel>(?i:the(?:\s+latest)?|this|the\s+current|last))\s+(?i:quarter)\b(?!s|-)|"
          r"(?i:the\s+latest\s+period)\b",
          _resolve_named_quarter),
    _rule(_SEASON_KEYS,
          r"(?:(?P<rel>(?i:last|this\s+past|this|next|early|late|the\s+early|the\s+late|"
          r"the(?=\s+(?:spring|summer|winter))))\s+(?P<season>(?i:spring|summer|fall|autumn|"
          rf"winter))\b(?:\s+(?i:of)\s+{_YEAR})?|(?i:the\s+)?(?P<season2>(?i:spring|summer|"
          r"fall|autumn|winter))\s+(?i:of)\s+(?P<year2>1[6-9]\d\d|20\d\d)\b)",
          _resolve_season_either),
    _rule(("now", "current", "present", "these days", "moment"),
          r"\b(?i:right\s+now|now|currently|current|at\s+present|presently|nowadays|"
          r"these\s+days|at\s+the\s+moment)\b(?!-)", _constant("PRESENT_REF"), relative=False),
    _rule(("recent", "past", "formerly"),
          r"\b(?i:(?:more\s+)?recently|recent\s+(?:years|months|weeks|days)|"
          rf"the\s+past{_DURATION_AHEAD}|formerly)\b", _constant("PAST_REF"), relative=False),
    _rule(("future", "coming", "years ahead"),
          r"\b(?i:the\s+(?:near\s+|distant\s+)?future|the\s+coming\s+"
          r"(?:years|months|weeks|days)|the\s+years\s+ahead)\b(?!-)",
          _constant("FUTURE_REF"), relative=False),
)


_YEAR_GROUPS = ("year", "year2", "qyear", "qyear2")
"""Groups that hold an explicit year: a match with one needs no anchor."""


def _line_starts(text: str) -> list[int]:
    """Where each line of ``text`` starts (a line keeps its line break)."""
    return [0, *(m.end() for m in _LINE_BREAK.finditer(text))]


def _lines_holding(haystack: str, starts: list[int], keywords: tuple[str, ...]) -> set[int]:
    """The lines of ``haystack`` (starting at ``starts``) that hold one of ``keywords``: one
    search from each line found to the next line, not a test of every line."""
    lines: set[int] = set()
    for keyword in keywords:
        at = haystack.find(keyword)
        while at >= 0:
            line = bisect_right(starts, at) - 1
            lines.add(line)
            if line + 1 == len(starts):
                break
            at = haystack.find(keyword, starts[line + 1])
    return lines


def _rules_by_window(text: str) -> dict[int, list[int]]:
    """For each line, the rules (indices, in order) to try from it: those with a keyword in
    the line or the next one (see :func:`_candidates`).

    Keywords are found by searching the whole text and mapping each hit to its line, so a
    rule none of whose keywords the text holds costs one search, and the others a search a
    line that holds them (testing every rule's keywords at every line took a fifth of the
    timeline). Lower-casing keeps line breaks, so the lower-cased text has the same lines."""
    plain = (text, _line_starts(text))
    lowered_text = text.lower()
    lowered = (lowered_text, _line_starts(lowered_text))
    found: dict[tuple[bool, tuple[str, ...]], set[int]] = {}
    windows: dict[int, list[int]] = defaultdict(list)
    for index, rule in enumerate(_RULES):
        cased = rule.keywords[0][0].isupper()
        key = (cased, rule.keywords)
        if key not in found:
            found[key] = _lines_holding(*(plain if cased else lowered), rule.keywords)
        for window in sorted({w for line in found[key] for w in (line - 1, line) if w >= 0}):
            windows[window].append(index)
    return windows


def _candidates(text: str) -> Iterator[tuple[int, int, int, re.Match[str]]]:
    """Every rule's matches, as (start, -length, rule index, match) for leftmost-longest.

    A match starts on one line but may run onto the next (hard-wrapped text breaks "April"
    from "14"), so each rule is run from each line over it and the line after, when one of
    its keywords is there (:func:`_rules_by_window`)."""
    starts = _line_starts(text)
    ends = [*starts[1:], len(text)]
    for window, rules in sorted(_rules_by_window(text).items()):
        start, line_end = starts[window], ends[window]
        window_end = ends[min(window + 1, len(ends) - 1)]
        for index in rules:
            for m in _RULES[index].pattern.finditer(text, start, window_end):
                if m.start() >= line_end:
                    break
                if m.end() > m.start():
                    yield m.start(), -(m.end() - m.start()), index, m


def _stand_in(rule: _Rule, m: re.Match[str], ctx: _Context) -> str:
    """What the rule would give with an anchor, for the shape of an unresolved mention."""
    stand_in = _Context(ctx.text, _STAND_IN_ANCHOR, last_quarter=ctx.last_quarter)
    return rule.resolve(m, stand_in) or ""


def _shape(value: str) -> str:
    return re.sub(r"\d", "X", value)


def find_dates(text: str, anchor: date | None = None, *,
               year_hint: date | None = None) -> list[DateMention]:
    """The temporal expressions in ``text``, resolved against ``anchor`` where relative.

    Parameters
    ----------
    text:
        Any English text, typically one article's cleaned text.
    anchor:
        The text's publication date. Relative expressions ("yesterday", "last Wednesday",
        "7 April" with no year) resolve against it; when it is None their ``value`` is None.
    year_hint:
        For a text with no anchor, a date it was written near (the publication dates of
        other reports of its story). It gives a month and day ("April 14") its year, marked
        ``year_inferred``, and nothing else: "last Wednesday" needs the day the text was
        written, which a story's other reports do not tell.

    Returns
    -------
    list[DateMention]
        Non-overlapping mentions in text order; where rules overlap, the leftmost and then
        the longest match wins.
    """
    return list(_found_dates(text, anchor, year_hint))


@lru_cache(maxsize=256)
def _found_dates(text: str, anchor: date | None, year_hint: date | None
                 ) -> tuple[DateMention, ...]:
    """:func:`find_dates`, kept for the last texts read: the timeline and the conflicts over
    when an event happened read the same articles' dates."""
    ctx = _Context(text=text, anchor=anchor, year_hint=year_hint)
    mentions: list[DateMention] = []
    taken_until = 0
    for start, _, index, m in sorted(_candidates(text), key=lambda c: c[:3]):
        if start < taken_until:
            continue
        rule = _RULES[index]
        value = rule.resolve(m, ctx)
        if value is not None and re.fullmatch(r"\d{4}-Q\d", value):
            ctx.last_quarter = value
        relative = rule.relative and not any(m.groupdict().get(g) for g in _YEAR_GROUPS)
        # Without an anchor, a relative rule resolves only through the year hint.
        inferred = anchor is None and relative and value is not None
        mentions.append(DateMention(start, m.end(), m.group(), value, relative,
                                    _shape(value if value else _stand_in(rule, m, ctx)),
                                    inferred))
        taken_until = m.end()
    return tuple(mentions)


def clear_caches() -> None:
    """Forget the dates read from the last texts, for timing a cold run."""
    _found_dates.cache_clear()
