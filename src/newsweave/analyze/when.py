"""Conflicts over *when* one event happened: the day and the clock time outlets give it.

A reader laying reports side by side notices "arrested Friday" against "late Thursday night,
the FBI ... arresting", or a fire that broke out "at about 2045 GMT" against "about 8.40pm".
This pass reads such moments the way the timeline does and compares those of one event:

1. **Moments.** Each day a sentence names is resolved against its article's publication
   date (:func:`newsweave.analyze.dates.find_dates`, read once for the timeline and this
   pass); a weekday of an undated report stays a weekday, still a day of the week to compare
   ("on Thursday" / "on Friday"), and its "yesterday" stays unread. A part of the day
   ("Friday night", "early Saturday") and a clock time ("8:40 p.m.", "2045 GMT", "shortly
   after 2 a.m.", a time of no zone read in the zone its bracketed restatement gives: "2 a.m.
   (0600 GMT)") narrow the day. Every moment is a span of minutes: "night" from 6 p.m. to 5
   a.m., a clock time its minute, a round hour its first five ("3 a.m." allows "3:02 a.m.",
   not "1:52 a.m."); a whole day holds the small hours after it ("Friday" holds "1 a.m."
   that night).
2. **One event.** Two moments of different outlets date one event when the words that time
   dates share a folded event word (those of :data:`newsweave.analyze.slots.EVENT_WORDS`:
   "arrested" / "arresting", "sank" / "went down"), their sentences share another content
   word and reach the cosine the places pass asks
   (:data:`newsweave.analyze.slots.EVENT_SIMILARITY`), they do not name two different people
   ("Vincent Jackson was arrested early Jan. 6" / "Jamal Williams was arrested early
   Sunday"), they lie less than :data:`MAX_GAP_MINUTES` apart, and neither sentence is marked as
   about another event. Left out: a day governed by a reporting verb ("said Sunday": when it
   was said), a clause about what is planned ("will be sworn in on May 7": plans move), a
   date in a list or a range, a time inside brackets.
3. **Conflict** when neither span holds the other. Spans apart cannot both be right ("on
   Saturday" / "on Sunday"); overlapping ones may ("late Thursday night" / "Friday"), and the
   note says so, as the figures' notes do for ranges. Clock times of different zones, or
   of which one gives no zone, are compared by their minutes past the hour only.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

import numpy as np

from newsweave.analyze.dates import WEEKDAY_NAMES, WEEKDAYS, DateMention, find_dates
from newsweave.analyze.names import TITLES
from newsweave.analyze.ner import CALENDAR_WORDS, ORG_WORDS, PLACE_WORDS
from newsweave.analyze.slots import (
    EVENT_SIMILARITY,
    EVENT_WORDS,
    components,
    folded_tokens,
    other_event,
)
from newsweave.analyze.slots import repeated_stems as story_stems
from newsweave.analyze.timeline import year_hint
from newsweave.models import Article, Claim, Sentence, SentenceRef, Statement, Story
from newsweave.summarize.vectors import token_stems

MINUTES_PER_DAY = 24 * 60
MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY
SMALL_HOURS = 5 * 60
"""How far past midnight a day's events may run: "Friday night" ends at 5 a.m. Saturday, and
an event "on Friday" may have been in its night."""
ROUND_HOUR_MINUTES = 5
"""A whole hour ("2 a.m.") covers its first minutes: a reporter rounds 2:03 down to 2 a.m.,
not 1:52 up."""
MAX_GAP_MINUTES = 2 * MINUTES_PER_DAY
"""Two moments of one event lie less than this apart: a report misdates an event by a day or
so (a night told as the next day, a weekday slip: "July 7" / "Thursday evening", July 9);
the accident on Saturday and the request for help "on Wednesday, four days after the
accident" are two events."""
MAX_CLOCK_GAP_MINUTES = 90
"""Furthest apart two clock times of one event may be: a report gets a time wrong by minutes
(8:38 / 8:45 p.m.; 10 / 10:30 a.m.), not hours; a plane's departure from Los Angeles at 4:30
p.m. PDT and from New York at 1:19 a.m. are two departures."""
HEDGE_MINUTES = 20
"""How far "shortly after" or "just before" a time may reach."""
EVENT_AFTER_WORDS = 2
"""Content words after a time that may still name its event ("on Thursday intercepted")."""

# Parts of a day, in minutes after its midnight; "early" and "late" take the first or last
# half of the part they qualify (of the whole news day when they qualify no part).
_PARTS = {"morning": (300, 720), "afternoon": (720, 1080), "evening": (1080, 1440),
          "night": (1080, MINUTES_PER_DAY + SMALL_HOURS)}
_DAY = (0, MINUTES_PER_DAY)
_PART_WORD = re.compile(r"\b(morning|afternoon|evening|night|early|late)\b", re.IGNORECASE)

_CLOCK = re.compile(
    r"(?<![\w:.])(?P<h>1[0-2]|0?[1-9])(?:\s?[:.]\s?(?P<m>[0-5]\d))?\s?(?P<half>[ap])"
    r"(?:\.\s?m\.|\s?m\b)"
    r"|(?<![\w:.])(?P<h24>[01]\d|2[0-3])[:.]?(?P<m24>[0-5]\d)"
    r"(?=\s*(?:GMT|UTC|hrs\b|hours\b|local\s+time))",
    re.IGNORECASE,
)
_WEEKDAY = re.compile(WEEKDAY_NAMES)
_DIGIT = re.compile(r"\d")
_NAME = re.compile(r"\b[A-Z][a-z]+(?:\s+(?:[A-Z]\.\s*)*[A-Z][a-z]+)+\b")
# Words that open a run of capitalised words without being a first name ("The Barents Sea",
# "Monday Vincent Jackson", "Late Thursday").
_NOT_FORENAMES = frozenset({"The", "A", "An", "Another", "This", "That", "His", "Her", "Their",
                            "Late", "Early", *(word.capitalize() for word in CALENDAR_WORDS)})
_NOT_PEOPLE = ORG_WORDS | PLACE_WORDS
_ZONE = re.compile(r"\s*\(?\s*(?P<zone>GMT|UTC|[ECMP][SD]T|[ECMP]T|BST|CET)\b")
# Hours ahead of GMT, a summer zone counted as its standard one: the hour of slack
# _hours_apart allows covers it.
_UTC_OFFSET = {"GMT": 0, "UTC": 0, "BST": 0, "CET": 1, "EST": -5, "EDT": -5, "ET": -5,
               "CST": -6, "CDT": -6, "CT": -6, "MST": -7, "MDT": -7, "MT": -7, "PST": -8,
               "PDT": -8, "PT": -8}
_AFTER = re.compile(r"\b(?:shortly|just|soon|right)\s+(?:after|past)\s+$", re.IGNORECASE)
_BEFORE = re.compile(r"\b(?:shortly|just|right)\s+before\s+$", re.IGNORECASE)
# A bracketed restatement of a time in another zone: "at 1:19 a.m. local time (0519 GMT)".
_BRACKETED = re.compile(r"\([^()]*\)")
_RESTATED = re.compile(r"(?:\s+local\s+time)?\s*\(\s*(?P<clock>[^()]*)\)", re.IGNORECASE)

# Verbs that report rather than happen: a day right next to one says when it was said.
_REPORTING = frozenset({
    "said", "says", "told", "announced", "reported", "added", "stated", "confirmed",
    "quoted", "declared", "disclosed", "revealed", "noted", "explained", "warned", "insisted",
    "claimed", "according", "denied", "acknowledged", "admitted", "testified", "wrote",
    "reports",
})
_RELATIVE = re.compile(r"\s(?:which|who|whom|whose|where|that)\s")
# Words that make the day after them a bound of the event, not its day.
_BOUNDS = frozenset({"until", "till", "since", "by", "before", "after"})
# A day counted from the event: "On Wednesday, four days after the accident".
_COUNTED_FROM = re.compile(r"\W*(?:[\w-]+\s+){0,2}(?:days?|weeks?|hours?)\s+(?:after|later|before|"
                           r"earlier)\b", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[,;:]|\s(?:and|but|while|after|before|when|where|which|who|that)\s"
                           r"|\s[-–—]+\s")
_PLANNED = re.compile(r"\b(?:will|would|expected|scheduled|slated|planned|plans?|planning|"
                      r"due\s+to|likely|"
                      r"could|may|might)\b", re.IGNORECASE)
# A date joined to another as a list or a range ("on Nov. 6 and 7"): neither alone is the
# event's.
_LISTED_AFTER = re.compile(r"\s*(?:and|or|to|through|-|–)\s*\d")
_LISTED_BEFORE = re.compile(r"\d\s*(?:and|or|to|through|-|–)\s*$")


@dataclass(frozen=True, slots=True)
class Moment:
    """When one sentence says its event happened, as a span of minutes.

    ``frame`` says what the span counts from: "date" (minutes since 1 January of year 1),
    "week" (since a Monday's midnight: a weekday of an undated report), "clock" (since a
    midnight of no known day: a time with no day beside it) or "unread" (a relative day of
    an undated report: never compared). ``event`` holds the folded event words the time
    dates, ``topic`` the sentence's other content stems, ``names`` the last words of the
    names of two or more words it gives (people's surnames among them), ``day`` the day
    resolved, if any.
    """

    sentence: Sentence
    expression: str
    frame: str
    start: int
    end: int
    zone: str | None
    event: frozenset[str]
    names: frozenset[str] = frozenset()
    day: date | None = None
    topic: frozenset[str] = frozenset()

    def on_week(self) -> tuple[int, int]:
        """The span counted from the Monday of its week, for comparing with a weekday."""
        if self.frame != "date":
            return self.start, self.end
        monday = (self.start // MINUTES_PER_DAY - 1) // 7 * 7 + 1  # ordinal 1 is a Monday
        return self.start - monday * MINUTES_PER_DAY, self.end - monday * MINUTES_PER_DAY

    def on_clock(self) -> tuple[int, int]:
        """The span counted from the midnight of its own day."""
        day = self.start // MINUTES_PER_DAY * MINUTES_PER_DAY if self.frame != "clock" else 0
        return self.start - day, self.end - day


def when_claims(story: Story, similarity: np.ndarray, row_of: dict[SentenceRef, int]
                ) -> list[Claim]:
    """Conflicts where outlets date one event differently.

    Parameters
    ----------
    story:
        The story, its articles split into sentences.
    similarity, row_of:
        The story TF-IDF cosine of every two sentences, and each sentence's row in it.

    Returns
    -------
    list of Claim
        One conflict per event dated differently, one statement per version.
    """
    hint = year_hint(story)
    repeated = story_stems(story)
    moments = [m for article in story.articles for m in article_moments(article, hint)
               if not other_event(m.sentence.text, None, repeated, years=False)]
    texts = [article.text for article in story.articles]
    person = lru_cache(maxsize=None)(lambda name: _said_alone(name, texts))
    pairs = {(i, j): relation(a, moments[j]) for i, a in enumerate(moments)
             for j in range(i + 1, len(moments))
             if _one_event(a, moments[j], similarity, row_of, person)}
    edges = [pair for pair, how in pairs.items() if how]
    claims = []
    for group in components(len(moments), edges):
        if any(pairs.get((i, j)) in ("apart", "overlap") for i in group for j in group):
            claims.append(_when_claim(story, [moments[i] for i in group]))
    return claims


def _said_alone(name: str, texts: list[str]) -> bool:
    """Whether the story also uses a name's last word alone, after a word in lower case
    ("said Jackson", "the Kursk"): a person's surname does, the last word of a place or a
    body ("Arctic Circle", "Northern Fleet") does not."""
    word = name.capitalize()
    alone = re.compile(rf"(?<![\w.])[a-z]+,? {word}\b(?! [A-Z])")
    return any(alone.search(text) for text in texts if word in text)


def _one_event(a: Moment, b: Moment, similarity: np.ndarray, row_of: dict[SentenceRef, int],
               person: Callable[[str], bool]) -> bool:
    """Whether two moments of different outlets date one event: a shared event word, similar
    sentences, and not two people's (each names someone, and no one both)."""
    if a.sentence.article_id == b.sentence.article_id or not a.event & b.event or \
            similarity[row_of[a.sentence.ref], row_of[b.sentence.ref]] < EVENT_SIMILARITY \
            or not a.topic & b.topic:
        return False
    people_a = {n for n in a.names if person(n)}
    people_b = {n for n in b.names if person(n)}
    return not (people_a and people_b and not people_a & people_b)


def relation(a: Moment, b: Moment) -> str:
    """How two moments of one event stand: "within" (one holds the other), "overlap" (they
    may both be right), "apart" (they cannot), or "" when they cannot be compared (a day
    against a clock time of no day; an undated report's "yesterday") or are two events (days
    apart; clock times hours apart)."""
    if "unread" in (a.frame, b.frame):
        return ""
    if a.frame == b.frame == "date":
        spans, period = ((a.start, a.end), (b.start, b.end)), 0
    elif "clock" not in (a.frame, b.frame):
        spans, period = (a.on_week(), b.on_week()), MINUTES_PER_WEEK
    elif _clocked(a) and _clocked(b):
        spans, period = (a.on_clock(), b.on_clock()), MINUTES_PER_DAY
    else:
        return ""
    if a.zone != b.zone:
        if _hours_apart(a, b):
            return ""  # two events: 4:30 p.m. PDT and 1:19 a.m. (0519 GMT) are two take-offs
        return _minutes_apart(spans[0], spans[1])
    (a_start, a_end), (b_start, b_end) = spans
    turn = min((-period, 0, period), key=lambda t: abs(b_start + t - a_start))
    low, high = b_start + turn, b_end + turn
    if _clocked(a) and _clocked(b):
        two_events = abs(low - a_start) > MAX_CLOCK_GAP_MINUTES
    else:
        two_events = max(low - a_end, a_start - high) >= MAX_GAP_MINUTES
    if two_events:
        return ""  # days apart, or clock times hours apart
    a_reach, b_reach = _reach(a, a_end, b), _reach(b, high, a)
    if (a_start <= low and high <= a_reach) or (low <= a_start and a_end <= b_reach):
        return "within"
    return "overlap" if low < a_reach and a_start < b_reach else "apart"


def _hours_apart(a: Moment, b: Moment) -> bool:
    """Whether two clock times of known zones lie further apart than one event's times may,
    an hour of summer time allowed."""
    if a.zone not in _UTC_OFFSET or b.zone not in _UTC_OFFSET:
        return False
    gap = (a.start - 60 * _UTC_OFFSET[a.zone] - b.start + 60 * _UTC_OFFSET[b.zone]) \
        % MINUTES_PER_DAY
    return min(gap, MINUTES_PER_DAY - gap) > MAX_CLOCK_GAP_MINUTES + 60


def _minutes_apart(a: tuple[int, int], b: tuple[int, int]) -> str:
    """Two times in different zones, or of which only one gives its zone ("2045 GMT",
    "8.40pm"): zones lie whole hours apart, so their minutes past the hour must agree; "apart"
    when they cannot, else "" (the hours are not compared: a report's conversion often misses
    an hour of summer time, "1:19 a.m. EST" / "1:19 a.m. local time (0519 GMT)")."""
    if a[1] - a[0] > ROUND_HOUR_MINUTES or b[1] - b[0] > ROUND_HOUR_MINUTES:
        return ""
    start, end = a[0] % 60, a[0] % 60 + (a[1] - a[0])
    other = b[0] % 60
    ends = [other + turn for turn in (-60, 0, 60)]
    width = b[1] - b[0]
    return "" if any(low < end and start < low + width for low in ends) else "apart"


def _reach(moment: Moment, end: int, other: Moment) -> int:
    """Where a moment may end against another: a whole day against a time of day reaches into
    the small hours of the next ("Friday" holds "Friday night" and "1 a.m." after it, and
    meets "early Saturday"); against another whole day it is its own 24 hours."""
    return end + SMALL_HOURS if not _timed(moment) and _timed(other) else end


def _clocked(moment: Moment) -> bool:
    """Whether the moment is a clock time (a minute, or the few a hedge allows)."""
    return moment.end - moment.start <= HEDGE_MINUTES


def _timed(moment: Moment) -> bool:
    """Whether the moment narrows its day (a part of it or a clock time)."""
    return moment.end - moment.start < MINUTES_PER_DAY


def article_moments(article: Article, year_hint: date | None = None) -> Iterator[Moment]:
    """The moments an article's sentences give their events, in text order.

    Parameters
    ----------
    article:
        One article split into sentences; its publication date resolves relative days.
    year_hint:
        A date near the story's, giving an undated article's "Nov. 6" its year.
    """
    starts = [s.start for s in article.sentences]
    days: dict[int, list[DateMention]] = {}
    for mention in find_dates(article.text, article.published, year_hint=year_hint):
        index = bisect_right(starts, mention.start) - 1
        if index >= 0 and mention.start < article.sentences[index].end and \
                mention.shape == "XXXX-XX-XX":
            days.setdefault(index, []).append(mention)
    for index, sentence in enumerate(article.sentences):
        yield from _sentence_moments(sentence, days.get(index, []))


def _sentence_moments(sentence: Sentence, mentions: list[DateMention]) -> Iterator[Moment]:
    if not mentions and not _DIGIT.search(sentence.text):
        return  # most sentences: no day and no clock time
    text = _BRACKETED.sub(lambda m: " " * len(m.group()), sentence.text)
    offset = sentence.start
    days = [m for m in mentions if not text[m.start - offset:m.end - offset].isspace()
            and not _aside(text, m.start - offset, m.end - offset, day=True)]
    clocks = list(_CLOCK.finditer(text))
    used: set[int] = set()
    for clock in clocks:
        if _aside(text, clock.start(), clock.end()):
            continue
        day = _nearest(days, clock.start() + offset)
        if day is not None:
            used.add(id(day))
        yield _moment(sentence, text, clock.start(), clock.end(), day, clock)
    for day in days:
        if id(day) not in used:
            yield _moment(sentence, text, day.start - offset, day.end - offset, day, None)


def _nearest(days: list[DateMention], at: int, reach: int = 40) -> DateMention | None:
    """The day written within ``reach`` characters of a clock time ("10 a.m. Monday")."""
    close = [d for d in days if d.start - reach <= at <= d.end + reach]
    return min(close, key=lambda d: abs(d.start - at), default=None)


def _aside(text: str, start: int, end: int, day: bool = False) -> bool:
    """Whether the time is not one the sentence gives its event: said then ("said Sunday";
    "On Monday, health officials ... announced that they had found"), planned, one of a list,
    or for a day a bound ("did not report the accident until early Aug. 14", "since") or the
    day of a later event ("On Wednesday, four days after the accident, ... asked")."""
    before, after = text[:start], text[end:]
    if _LISTED_AFTER.match(after) or _LISTED_BEFORE.search(before):
        return True
    preceding = re.findall(r"[a-z]+", before[-30:].lower())[-2:]
    words = preceding + re.findall(r"[a-z]+", after[:20].lower())[:1]
    if _REPORTING.intersection(words) or _PLANNED.search(_clause(text, start, end)):
        return True
    if day and ((preceding and preceding[-1] in _BOUNDS) or _COUNTED_FROM.match(after)):
        return True
    begin, stop = _clause_bounds(text, start, end)
    return not re.search(r"\w", text[begin:start]) and _said_first(
        text[stop.end():] if stop else after)


def _said_first(text: str) -> bool:
    """Whether a reporting verb comes before any event word in ``text``: what a time that
    opens the sentence dates ("On Monday, officials announced that they had found ...")."""
    for token in folded_tokens(text):
        if token in _REPORTING:
            return True
        stems = token_stems([token])
        if stems and stems[0] in EVENT_WORDS:
            return False
    return False


def _clause_bounds(text: str, start: int, end: int) -> tuple[int, re.Match[str] | None]:
    """Where the clause of ``text[start:end]`` begins, and the break that ends it (None at
    the sentence's end)."""
    cuts = [m.end() for m in _CLAUSE_BREAK.finditer(text, 0, start)]
    return (cuts[-1] if cuts else 0), _CLAUSE_BREAK.search(text, end)


def _clause(text: str, start: int, end: int) -> str:
    """The clause holding ``text[start:end]``."""
    begin, stop = _clause_bounds(text, start, end)
    return text[begin:stop.start() if stop else len(text)]


def _event_words(text: str, start: int, end: int) -> frozenset[str]:
    """The folded event words that a time at ``text[start:end]`` dates: those before it in its
    clause ("was arrested Friday", "plunged ... on Sunday") and the first words after it ("on
    Thursday intercepted"), not an event told further on ("silent Sunday on the subject of two
    Israelis arrested"); after a clause that is only the time, the sentence's ("Late Thursday
    night, the FBI ... arresting")."""
    begin, stop = _clause_bounds(text, start, end)
    before = folded_tokens(text[begin:start])
    after = folded_tokens(text[end:stop.start() if stop else len(text)])
    if not before and begin == 0 and stop is not None:
        # the time stands first, then its event, up to a clause about something else ("At
        # 4:54 a.m., the balloonists crossed the line from which they had departed")
        main = _RELATIVE.split(text[stop.end():], maxsplit=1)[0]
        after = folded_tokens(main)
    else:
        after = after[:EVENT_AFTER_WORDS]
    return frozenset(token_stems([*before, *after])) & EVENT_WORDS


def _moment(sentence: Sentence, text: str, start: int, end: int, day: DateMention | None,
            clock: re.Match[str] | None) -> Moment:
    offset = sentence.start
    day_text = day.text if day else ""
    low, high = _within_day(day_text, clock, text)
    zone = _zone(text, end) if clock else None
    restated = _zoned_restatement(sentence.text, end) if clock and zone is None else None
    if restated is not None:  # "at 2 a.m. (0600 GMT)": the time in a zone known
        shift = restated[0] - low
        low, high, zone = low + shift, high + shift, restated[1]
        end = sentence.text.index(")", end) + 1
    weekday = _weekday(day.text) if day is not None else None
    if day is not None and day.when is not None and day.granularity == "day":
        frame, base = "date", day.when.toordinal() * MINUTES_PER_DAY
    elif weekday is not None:
        frame, base = "week", weekday * MINUTES_PER_DAY
    elif clock is not None and day is None:
        frame, base = "clock", 0
    else:
        frame, base = "unread", 0
    spans = [(start, end)] + ([(day.start - offset, day.end - offset)] if day else [])
    first, last = min(s for s, _ in spans), max(e for _, e in spans)
    event = _event_words(text, first, last)
    expression = " ".join(text[first:last].split())
    return Moment(sentence, expression, frame, base + low, base + high, zone, event,
                  _people(sentence.text), day.when if day else None,
                  frozenset(token_stems(folded_tokens(sentence.text))) - EVENT_WORDS)


def _people(text: str) -> frozenset[str]:
    """The surnames of the people a sentence names in full ("Vincent Jackson", "David L.
    Smith"): two arrests told of two people ("Vincent Jackson was arrested early Jan. 6" /
    "Jamal Williams was arrested early Sunday") are two events. A name with a word of an
    organisation or a place in it ("Foreign Ministry", "Barents Sea") is no one's."""
    surnames = set()
    for name in _NAME.findall(text):
        words = [w for w in re.findall(r"[A-Za-z]{2,}", name) if w.lower() not in TITLES]
        if len(words) >= 2 and words[0] not in _NOT_FORENAMES and \
                not any(w.lower() in _NOT_PEOPLE for w in words):
            surnames.add(words[-1].lower())
    return frozenset(surnames)


def _weekday(text: str) -> int | None:
    """The day of the week (Monday 0) of the one weekday ``text`` names."""
    found = {WEEKDAYS.index(name.lower()) for name in _WEEKDAY.findall(text)}
    return found.pop() if len(found) == 1 else None


def _zoned_restatement(text: str, end: int) -> tuple[int, str] | None:
    """The minute and zone of a time restated in brackets right after a time of no zone
    ("2 a.m. (0600 GMT)")."""
    found = _RESTATED.match(text, end)
    if found is None:
        return None
    clock = _CLOCK.match(found.group("clock"))
    zone = _zone(found.group("clock"), clock.end()) if clock else None
    return (_minutes(clock), zone) if clock and zone else None


def _zone(text: str, end: int) -> str | None:
    found = _ZONE.match(text, end)
    return found.group("zone").upper() if found else None


def _within_day(day_text: str, clock: re.Match[str] | None, text: str) -> tuple[int, int]:
    """The minutes of its day a moment covers: a clock time's minute (or first minutes of a
    round hour), else the part of the day named, else the news day."""
    if clock is not None:
        minute = _minutes(clock)
        width = ROUND_HOUR_MINUTES if not (clock.group("m") or clock.group("m24")) else 1
        before = text[:clock.start()]
        if _AFTER.search(before):
            return minute, minute + HEDGE_MINUTES
        if _BEFORE.search(before):
            return minute - HEDGE_MINUTES, minute + 1
        return minute, minute + width
    words = {w.lower() for w in _PART_WORD.findall(day_text)}
    parts = [p for p in _PARTS if p in words]
    low, high = _PARTS[parts[0]] if len(parts) == 1 else _DAY
    middle = (low + high) // 2
    if "early" in words:
        return (low, middle) if parts else (0, 9 * 60)
    if "late" in words:
        return (middle, high) if parts else (18 * 60, high + SMALL_HOURS)
    return low, high


def _minutes(clock: re.Match[str]) -> int:
    if clock.group("h24"):
        return int(clock.group("h24")) * 60 + int(clock.group("m24"))
    hour = int(clock.group("h")) % 12 + (12 if clock.group("half").lower() == "p" else 0)
    return hour * 60 + int(clock.group("m") or 0)


def _when_claim(story: Story, group: list[Moment]) -> Claim:
    """One conflict: each sentence's version once, in story order. The note names each
    outlet once with its versions, a day with the date it was resolved to, and says whether
    the versions can all be right (overlapping spans: "late Thursday night" and "Friday" may
    be one night) or not."""
    versions: list[Moment] = []
    for moment in group:
        if all(moment.sentence.ref != v.sentence.ref for v in versions):
            versions.append(moment)
    by_outlet: dict[str, dict[str, None]] = {}
    for moment in versions:
        label = story.article(moment.sentence.article_id).label
        by_outlet.setdefault(label, {})[_reading(moment)] = None
    said = "; ".join(f"{label}: {', '.join(readings)}" for label, readings in by_outlet.items())
    kinds = {relation(a, b) for i, a in enumerate(versions) for b in versions[i + 1:]}
    verdict = ("they cannot all be right" if "apart" in kinds
               else "they may all be right: the times they allow overlap")
    distinct = dict.fromkeys(m.expression for m in versions)
    return Claim(kind="conflict", topic=f"when: {' or '.join(distinct)}",
                 statements=tuple(Statement(ref=m.sentence.ref, text=m.sentence.text,
                                            value=m.expression) for m in versions),
                 note=f"the outlets date it differently ({said}); {verdict}")


def _reading(moment: Moment) -> str:
    """A version as said, with the date it resolves to: "'Friday' (2 April 1999)"."""
    day = f" ({moment.day.day} {moment.day:%B %Y})" if moment.day else ""
    zone = f" {moment.zone}" if moment.zone and moment.zone not in moment.expression else ""
    return f"'{moment.expression}'{zone}{day}"
