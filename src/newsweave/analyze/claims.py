"""What the sources agree on, where they conflict, and what only one of them reports.

:func:`find_claims` runs four passes over a story, each a plain reading a careful editor
makes when laying reports side by side:

1. **Figures.** Every count is read as a range (:mod:`newsweave.analyze.numbers`) and filed
   under what it counts: a casualty frame ("dead", "injured", "arrested", "aboard") named near
   it, or else the noun it counts. Counts of one frame and one order of magnitude are one
   figure; when sources give it differently, that is a conflict whose note says whether the
   versions can both be true ("at least 80" vs "more than 80") or not.
2. **Polarity.** Two sources tell the same fact, and one of them refuses, denies, negates or
   cannot confirm it ("offered Bakiev sanctuary" vs "turned down an offer of political
   asylum"). A sentence such as "These claims were not confirmed" speaks of the sentence
   before it and is read with it.
3. **Agreement.** Sentences of different outlets that say the same (story TF-IDF cosine at
   least :data:`AGREEMENT_SIMILARITY`) form one fact confirmed by several outlets.
4. **Single source.** Salient sentences (a figure or a name in them) that no other outlet
   comes close to, most central to the story first.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache

import numpy as np
import scipy.sparse as sp

from newsweave.analyze.dates import WEEKDAY_NAMES
from newsweave.analyze.dates import clear_caches as clear_date_caches
from newsweave.analyze.labels import key_phrase
from newsweave.analyze.ner import CALENDAR_WORDS
from newsweave.analyze.numbers import (
    Quantity,
    agrees,
    find_quantities,
    relation,
    without_restatements,
)
from newsweave.analyze.slots import (
    components,
    other_event,
    place_claims,
    repeated_stems,
    residence_claims,
    street_claims,
)
from newsweave.analyze.when import when_claims
from newsweave.models import Article, Claim, Sentence, SentenceRef, Statement, Story
from newsweave.summarize.candidates import nearest_reports
from newsweave.summarize.vectors import SentenceVectors
from newsweave.text import content_stems, stem, tokenize
from newsweave.text.stopwords import STOP_WORDS

AGREEMENT_SIMILARITY = 0.4
"""Cosine at which two outlets' sentences tell the same fact. Higher than attribution's 0.3:
an agreement is shown as a fact of its own, so it must be the same fact, not the same topic."""
AGREEMENT_MIN_SHARED = 3
"""Content words two outlets' sentences must share to tell one fact. Short sentences reach
:data:`AGREEMENT_SIMILARITY` on one shared word ("I don't sell a lot of beer" / "I don't know
how to turn it around"), and single links chained such pairs into "facts" of six quotes with
nothing in common."""


POLARITY_SIMILARITY = 0.2
"""Cosine (with synonyms folded) at which a negated sentence is taken to speak of the same
fact as an affirmed one. Checked on the example: 0.2 joins "offered Bakiev sanctuary" with
"turned down an offer of political asylum in Belarus"."""

FIGURE_SIMILARITY = 0.05
"""Cosine needed between two sentences whose counts share only a noun ("2,000 supporters"),
not a casualty frame: within one story the same noun mostly counts the same thing, but two
sentences with nothing else in common are about different parts of it."""

SAME_FIGURE_RATIO = 3.0
"""Counts of one frame within this factor of each other are read as one figure told
differently; further apart (Nairobi's 200 dead, Dar es Salaam's 11) they are two figures."""

FRAME_WINDOW = 6
"""Tokens either side of a count searched for the casualty frame it counts."""

SINGLE_SOURCE_MAX_SIMILARITY = 0.2
"""A sentence is told by one source only when no other outlet's sentence reaches this cosine."""

MAX_SINGLE_SOURCE = 8
"""Single-source facts listed, most central to the story first."""

MAX_AGREEMENTS = 12
"""Agreements listed of each sort (figures, sentences), most outlets first."""

MIN_NAMES_FOR_SALIENCE = 2
"""Proper names (capitalised, not sentence-initial) that make a sentence salient on their own."""

# What a count near these words counts. Words, not stems, so "lives" does not match "live".
FRAMES: dict[str, frozenset[str]] = {
    "death toll": frozenset({
        "killed", "kill", "kills", "killing", "dead", "death", "deaths", "died", "die",
        "dying", "fatalities", "toll", "bodies", "perished", "lives",
    }),
    "injured": frozenset({"injured", "injuring", "injuries", "wounded", "wounding", "hurt"}),
    "missing": frozenset({"missing", "unaccounted"}),
    "arrests": frozenset({"arrested", "arrests", "detained", "detentions", "rounded"}),
    # All aboard, the crew and the passengers are three counts (109 aboard, 100 passengers,
    # nine crew members), each compared only with itself.
    "people aboard": frozenset({"aboard", "board"}),
    "crew": frozenset({"crew", "crewmen", "sailors", "seamen", "submariners"}),
    "passengers": frozenset({"passengers"}),
    "homeless": frozenset({"homeless", "displaced", "evacuated"}),
}
_FRAME_OF = {word: frame for frame, words in FRAMES.items() for word in words}

# Nouns counting time. A duration ("five days", "four-year contract", "43 years old") is not
# a figure compared across reports: stories are full of unrelated spans (a contract's term, a
# worker's seniority, the days a motion waited), and on clusters held out before tuning 1 of
# 8 duration conflicts found was one a reader flagged (rounds two and three). Ages are read
# apart, from a name and a number in apposition (_AGE).
_TIME_NOUNS = frozenset({
    "years", "year", "days", "day", "hours", "hour", "minutes", "minute", "seconds",
    "weeks", "week", "months", "month", "decades",
})
# Nouns that count people in general: "116 sailors", "118 submariners" and "107-man crew" are
# one figure; "73 family members" or "62 Egyptian passengers" name a part, not the whole.
_PEOPLE_NOUNS = frozenset({
    "people", "persons", "person", "sailors", "crew", "crewmen", "personnel", "submariners",
    "seamen", "soldiers", "servicemen", "troops", "civilians", "citizens", "victims", "men",
    "bodies", "lives", "others", "dead", "killed", "injured", "wounded", "aboard",
})

# Nouns that count one kind of thing under different words: "2,000 rebels" and "some
# 1,500-2000 fighters" are one figure.
_NOUN_CLASS = dict.fromkeys(
    ("fighters", "rebels", "militants", "guerrillas", "insurgents", "gunmen"),
    "fighters")

SCALE_RATIO = 1.25
"""Percentages and magnitudes are one figure only when this close (52.4 % and 53 %; 7.4 and
7.8): 29 % and 53 % in one election are two candidates, magnitude 5 and 7 two tremors."""
_SCALE_KEYS = frozenset({"percent", "magnitud"})


@dataclass(frozen=True, slots=True)
class KeyedPattern:
    """A case-blind pattern and the words (lower case) it cannot match without: a sentence
    holding none of them is not searched. Substring tests cost a fraction of a regex search,
    and most sentences hold none of the words (the antonyms' twelve searches a sentence took
    a tenth of the claims' time)."""

    pattern: re.Pattern[str]
    keywords: tuple[str, ...]

    def search(self, text: str, lowered: str | None) -> re.Match[str] | None:
        """``pattern.search(text)``; ``lowered`` is :func:`ascii_lower` of ``text``."""
        if lowered is not None and not any(map(lowered.__contains__, self.keywords)):
            return None
        return self.pattern.search(text)


def ascii_lower(text: str) -> str | None:
    """``text`` lower-cased for :meth:`KeyedPattern.search`, None when it is not ASCII: a
    case-blind regex matches letters that lower-casing does not turn into the keywords' (a
    long s for "s", a dotted capital I)."""
    return text.lower() if text.isascii() else None


def _keyed(pattern: str, *keywords: str) -> KeyedPattern:
    return KeyedPattern(re.compile(pattern, re.IGNORECASE), keywords)


# Cues that a sentence refuses, denies or cannot confirm what it reports. Plain "not" is left
# out: "I can't say where he went" negates nothing another outlet asserts. "Declined" refuses
# only with what is declined after it ("declined to comment", "declined the offer"): a market
# share that "declined" or "declined to 25 percent" fell. A court that "denied bail" (parole,
# entry, access) refuses a grant, and denies no fact another outlet states.
_NEGATIVE_CUE = _keyed(
    r"\b(?:turned down|refused|refuses|rejected|rejects|dismissed"
    r"|(?:denied|denies)(?!\s+(?:him\s+|her\s+|them\s+)?(?:bail|parole|entry|access)\b)"
    r"|declin(?:ed|es)(?=\s+(?:to(?!\s+[\d$£€])|an?|the|his|her|their|comment|requests?"
    r"|invitations?)\b)"
    r"|not (?:been |be )?confirmed|unconfirmed|without confirmation|no confirmation"
    r"|refrained from|no requests?|(?:has|have) not been)\b",
    "turned down", "refuse", "reject", "dismissed", "denie", "declin", "confirm",
    "refrained from", "no request", "not been",
)
# A condition put on the fact: "he will only step down if ...", or put first: "If Mr Woodward
# wanted to see him he would simply place a red flag", "If the claims are submitted properly,
# the company will take the appropriate actions": the modal in the main clause, after the
# condition's comma or a pronoun subject, not inside the condition ("If there is to be a new
# procedure in which the president will play a different role, such change must come ...").
# "If" after a verb of knowing or asking opens a question, not a condition ("did not know if
# there could be additional bombs").
_CONDITIONAL_CUE = _keyed(
    r"\b(?:only|might|may|would|will|ready)\b[^.;]*"
    r"(?<!\bknow )(?<!\bknew )(?<!\bsure )(?<!\basked )(?<!\bwonder )(?<!\bunclear )\bif\b"
    r"|^\W*if\b[^.;,]*?(?:,[^.;,]*?|\b(?:he|she|they|we|you)\s+)\b(?:would|will|could|might)\b",
    "if")
# A plain negation in a sentence that uses no cue: it does not state the fact plainly either
# ("there was no tsunami risk" beside "dismissed concerns that the earthquake would cause
# tsunamis"; "had not been pressured" beside "dismissed press reports").
_PLAIN_NEGATION = re.compile(r"\b(?:not|no|never|nor)\b|n't\b", re.IGNORECASE)
# A sentence that speaks of the one before it: "These claims were not confirmed"; "the
# election commission ... denied the allegations".
_ANAPHORIC = re.compile(
    r"\b(?:these|this|those|that|the|such)\s+(?:claims?|reports?|accounts?|allegations?"
    r"|accusations?|charges?|statements?|figures?)\b",
    re.IGNORECASE,
)
# Words and phrases that name one event, folded to one word before comparing polarity.
_SYNONYM_WORDS = (
    (("sanctuary", "refuge", "safe haven"), "asylum"),
    (("resignation", "resigned", "step down", "stepped down", "quit", "relinquish power",
      "relinquished power"), "resign"),
    (("detained", "detain", "detention", "arrested"), "arrest"),
    (("assistance", "help", "aid"), "assist"),
    (("request", "requested", "requests", "ask", "asked", "seek", "seeking", "sought"), "ask"),
    (("communication", "communications", "contact"), "contact"),
)
# All of them in one pattern, so a sentence is scanned once, not once a synonym; the group
# that matched ("s3") names the word it folds to.
_SYNONYMS = re.compile(
    "|".join(rf"(?P<s{k}>\b(?:{'|'.join(map(re.escape, words))})\b)"
             for k, (words, _) in enumerate(_SYNONYM_WORDS)),
    re.IGNORECASE)
# The words a synonym opens with: a sentence none of whose tokens is one of them is not
# scanned for synonyms (most are not, and the scan took a twentieth of the analysis).
_SYNONYM_OPENERS = frozenset(phrase.split()[0] for words, _ in _SYNONYM_WORDS for phrase in words)
_EVENT_WORDS = frozenset({"asylum", "resign", "arrest", "offer", "assist", "ask", "contact"})
EVENT_WORD_WEIGHT = 3
"""A shared event word (resign, arrest, asylum, offer) counts as this many shared words: on
its own it ties two sentences to one event ("signed a letter of resignation" vs "might step
down if"), which a name or a place does not."""


# Words of one topic that say opposite things: (one side, the other side), each with the words
# it needs.
ANTONYMS: dict[str, tuple[KeyedPattern, KeyedPattern]] = {
    "consent": (_keyed(r"\b(?:accepted|agreed to)\b", "accepted", "agreed to"),
                _keyed(r"\b(?:refused|rejected|declined|turned down)\b",
                       "refused", "rejected", "declined", "turned down")),
    "confirmation": (_keyed(r"\bconfirmed\b", "confirmed"),
                     _keyed(r"\b(?:denied|denies)\b", "denied", "denies")),
    "cause": (_keyed(r"\b(?:collision|collided)\b", "collision", "collided"),
              _keyed(r"\b(?:explosion|exploded|blast)\b", "explosion", "exploded", "blast")),
    "departure": (_keyed(r"\b(?:deport(?:ed|ation)|expelled)\b", "deport", "expelled"),
                  _keyed(r"\binvit(?:ed|ation)\b", "invit")),
    "verdict": (_keyed(r"(?<!not )\bguilty\b", "guilty"),
                _keyed(r"\b(?:innocent|not guilty|acquitted)\b",
                       "innocent", "not guilty", "acquitted")),
    "survival": (_keyed(r"\b(?:all|every)\b[^.;]{0,40}\b(?:dead|died|perished)\b"
                        r"|\bnone\b[^.;]{0,40}\bsurvived\b",
                        "dead", "died", "perished", "survived"),
                 _keyed(r"\b(?:(?:still|be|are|were) alive|survivors)\b", "alive", "survivors")),
}

ANTONYM_MIN_SHARED = 2
"""Words (not used by most articles) two sentences must share before opposite words in them
("guilty" / "acquitted") are read as opposite accounts of one thing."""

# What two sentences must both speak of before opposite words in them are rival accounts of
# one thing, when they share too few words to tell: what caused the event (a collision in one,
# an explosion in the other) and why someone left (deported / invited).
ANTONYM_TOPICS: dict[str, re.Pattern[str]] = {
    concept: re.compile(pattern, re.IGNORECASE)
    for concept, pattern in (
        ("cause", r"\b(?:caus(?:e|ed|es|ing)|damaged by|blamed|resulted|led to|due to)\b"),
        ("departure", r"\b(?:depart\w*|left|leave|leaving|come|came|fly|flew|flown)\b"),
        ("survival", r"\b(?:crew\w*|sailors|submariners|passengers|people|aboard|miners"
         r"|hostages|victims)\b"),
    )
}

ANTONYM_SIMILARITY = 0.1
"""Cosine of the two sentences' word sets needed as well: sharing a name is not enough."""

CUE_SCOPE = (15, 50)
"""Characters before and after a refusal or condition that it governs: what is refused comes
after the cue ("turned down an offer of political asylum in Belarus"), with a word or two of
its subject before it."""

POLARITY_MIN_WEIGHT = 3
"""Weight of shared words two sentences need before a polarity difference counts as a conflict;
one shared word is a topic, not a fact. Words in more than half the articles ("Bakiyev",
"government") do not count, event words excepted: every sentence shares them."""

# A run of capitalised words ("Robin Forestier-Walker", "Nursultan Nazarbayev").
_NAME = re.compile(r"\b[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*(?:\s+[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*)*")
_TITLES = frozenset({"mr", "mrs", "ms", "dr", "president", "prime", "minister", "the"})
_POSSESSIVE = re.compile(r"['’]s$")


@dataclass(frozen=True, slots=True)
class _Figure:
    """A count in one sentence, filed under what it counts."""

    sentence: Sentence
    quantity: Quantity
    key: str
    framed: bool
    day: str = ""


def find_claims(story: Story) -> tuple[Claim, ...]:
    """Conflicts, agreements and single-source facts across the story's articles.

    Parameters
    ----------
    story:
        Articles already split into sentences.

    Returns
    -------
    tuple of Claim
        Conflicts first (figures, then polarity and destinations), then agreements (most
        outlets first), then single-source facts (most central first). Empty for a story of
        one article. A story too large to compare whole is read in the reports nearest its
        centre (:func:`~newsweave.summarize.candidates.nearest_reports`).
    """
    story = nearest_reports(story)
    sentences = story.sentences
    if len({s.article_id for s in sentences}) < 2:
        return ()
    vectors = SentenceVectors.build(sentences)
    similarity = vectors.similarity()
    row_of = {s.ref: row for row, s in enumerate(sentences)}
    common = _ubiquitous_stems(story)
    figures = _figure_claims(story, similarity, row_of)
    polarity = [*_polarity_claims(story, common), *_destination_claims(story),
                *place_claims(story, similarity), *residence_claims(story),
                *street_claims(story), *when_claims(story, similarity, row_of)]
    used = {st.ref for claim in (*figures, *polarity) if claim.kind == "conflict"
            for st in claim.statements}
    agreements = _agreement_claims(sentences, similarity, used)
    single = _single_source_claims(story, sentences, similarity, vectors)
    conflicts = [c for c in (*figures, *polarity) if c.kind == "conflict"]
    figure_agreements = sorted((c for c in figures if c.kind == "agreement"),
                               key=lambda c: -len({s.ref.article_id for s in c.statements}))
    figure_agreements = figure_agreements[:MAX_AGREEMENTS]
    return (*conflicts, *figure_agreements, *agreements, *single)


# 1. Figures ----------------------------------------------------------------------------------

def _figure_claims(
    story: Story, similarity: np.ndarray, row_of: dict[SentenceRef, int]
) -> list[Claim]:
    by_key: dict[str, list[_Figure]] = defaultdict(list)
    for figure in _figures(story):
        by_key[figure.key].append(figure)
    claims = []
    for key, figures in by_key.items():
        for group in _same_figure_groups(figures, similarity, row_of):
            claim = _figure_claim(story, key, group)
            if claim is not None:
                claims.append(claim)
    return claims


def _figures(story: Story) -> Iterator[_Figure]:
    """Every figure of the story, its key marked with the other event it belongs to, if any:
    one the sentence names ("the Lauda Air crash"), or a past year in the figure's own clause
    ("the 1998 quake ... injured 1,500", but not "attacked in July 1998, had asked for $12
    million")."""
    people = _people_named(story)
    repeated = repeated_stems(story)
    for article in story.articles:
        for sentence in article.sentences:
            figures = list(_sentence_figures(sentence, people))
            if not figures:
                continue  # most sentences: no need to look for another event in them
            named = other_event(sentence.text, article.published, repeated, years=False)
            for figure in figures:
                clause = _clause(sentence.text, figure.quantity.start, figure.quantity.end)
                event = named or other_event(clause, article.published, repeated) or \
                    _another_time(clause)
                if event:
                    figure = replace(figure, key=f"{figure.key} ({event})")
                if not figure.framed and figure.quantity.noun in _GENERIC_PEOPLE:
                    # a crowd ("130 people were marching" on Monday) is one day's: another
                    # day's ("200 people set off" on Wednesday) is another crowd
                    figure = replace(figure, day=_weekday(clause) or _weekday(sentence.text))
                yield figure


_WEEKDAY = re.compile(rf"\b({WEEKDAY_NAMES})\b")


def _weekday(text: str) -> str:
    """The one weekday ``text`` names, or "" when it names none or several."""
    days = set(_WEEKDAY.findall(text))
    return days.pop() if len(days) == 1 else ""


# A count over several days or nights ("over 50 arrests have been made over four nights of
# protesting"): a running total, not the count of one day's event another report gives. A
# figure of something still to come ("plans to launch its own test early next year with about
# 100 autistic children"): a planned event, not the one reported.
_ANOTHER_TIME = re.compile(
    r"(?P<span>\b(?:over|in|during|across)\s+(?:the\s+(?:past|last)\s+)?"
    r"(?:two|three|four|five|six|seven|eight|nine|ten|several|\d+)\s+(?:days|nights|weeks)\b)"
    r"|(?P<planned>\b(?:plans?|planned|planning|intends?)\s+to\b|\bnext\s+(?:year|month)\b)",
    re.IGNORECASE)


def _another_time(clause: str) -> str:
    """The span of days a clause counts over ("over four nights"), "planned" when it speaks
    of something still to come, or "" for the story's own time."""
    found = _ANOTHER_TIME.search(clause)
    if found is None:
        return ""
    return found.group("span").lower() if found.group("span") else "planned"


def _clause(text: str, start: int, end: int) -> str:
    """The clause of ``text[start:end]``: from the comma or semicolon before it to the next."""
    before = max(text.rfind(",", 0, start), text.rfind(";", 0, start))
    after = [i for i in (text.find(",", end), text.find(";", end)) if i >= 0]
    return text[before + 1:min(after) if after else len(text)]


def _sentence_figures(sentence: Sentence, people: dict[str, set[str]]) -> Iterator[_Figure]:
    """The counts and ages of one sentence, each filed under what it counts."""
    quantities = without_restatements(find_quantities(sentence.text), sentence.text)
    # Read only where there is a figure to frame: most sentences have none.
    words = [(m.start(), m.group(0).lower()) for m in re.finditer(r"[\w']+", sentence.text)
             ] if quantities else []
    groups = _enumerated_groups(sentence.text) if len(quantities) > 1 else {}
    for quantity in quantities:
        figure = _count_figure(sentence, quantity, words, groups)
        if figure is not None:
            yield figure
    yield from _age_figures(sentence, people)


def _count_figure(sentence: Sentence, quantity: Quantity, words: list[tuple[int, str]],
                  groups: dict[int, str]) -> _Figure | None:
    """One count filed under what it counts: a part of a whole, a group named by nationality,
    a casualty frame, or its noun; None for a span of time or a count of nothing named."""
    noun = quantity.noun
    if noun and noun.endswith("ed") and noun not in _FRAME_OF:
        quantity = replace(quantity, noun=None)  # "Flight 990 crashed": no counted noun
        noun = None
    part_after = _PART_AFTER.match(sentence.text[quantity.end:])
    if part_after and not noun:
        noun = part_after.group("noun").lower()  # "the two other victims": victims
    if noun in _TIME_NOUNS:
        return None
    if _PART_BEFORE.search(sentence.text[:quantity.start]) or part_after:
        # "the other nine provinces", "the two other victims", "two more people died": a
        # part, not all of them
        return _Figure(sentence, quantity, f"other {noun or 'others'}", framed=True)
    if noun and _is_capitalised(quantity):
        # "96 Germans", "two Danes": a part of those aboard, counted on its own
        return _Figure(sentence, quantity, f"number of {noun}", framed=True)
    if quantity.start in groups:
        # "12 Somali and 11 Yemeni pirates": each nationality a part of the 23 pirates
        return _Figure(sentence, quantity, f"number of {groups[quantity.start]}", framed=True)
    frame = None if noun in _MEASURE_NOUNS else _frame(quantity, words)
    if frame:
        return _Figure(sentence, quantity, frame, framed=True)
    if noun:
        return _Figure(sentence, quantity, _NOUN_CLASS.get(noun, stem(noun)), framed=False)
    return None


def _age_figures(sentence: Sentence, people: dict[str, set[str]]) -> Iterator[_Figure]:
    """Ages given with a name ("Smith, 42," or "42-year-old John Smith"), each filed under that
    person."""
    for match in _ages(sentence.text):
        person = _person(match.group("first"), match.group("name"), people)
        if person is None:
            continue
        age = float(_stated_age(match))
        quantity = Quantity(text=match.group(0), low=age, high=age, noun="years old",
                            start=match.start(), end=match.end())
        yield _Figure(sentence, quantity, f"age of {person}", framed=True)


# Two counts of capitalised groups side by side, "12 Somali and 11 Yemeni pirates", "five
# Americans, two British tourists": the sentence counts the parts of a whole by group.
_COUNT = r"(?:\d[\d,]*|(?i:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve))"
_GROUP_PAIR = re.compile(
    rf"\b(?P<first>{_COUNT})\s+(?P<first_group>[A-Z][a-z]+)(?:\s+[a-z]+)?\s*(?:,\s*|and\s+)+"
    rf"(?P<second>{_COUNT})\s+(?P<second_group>[A-Z][a-z]+)\b")


def _enumerated_groups(text: str) -> dict[int, str]:
    """Where each count of an enumeration of groups starts, and the group it counts (lower
    case): a part of the whole, which another report may give in one figure."""
    groups: dict[int, str] = {}
    for match in _GROUP_PAIR.finditer(text):
        named = {side: match.group(f"{side}_group").lower() for side in ("first", "second")}
        # A headline's "3 Dead, 5 Injured" counts casualties, not groups.
        if len(set(named.values())) == 2 and not set(named.values()) & _FRAME_OF.keys():
            groups.update((match.start(side), group) for side, group in named.items())
    return groups


_PART_BEFORE = re.compile(r"\b(?:other|remaining|another|additional|further)\s+$",
                          re.IGNORECASE)
_PART_AFTER = re.compile(r"^\s+(?:other|more|additional|further)\s+(?P<noun>[A-Za-z]+)",
                         re.IGNORECASE)


def _is_capitalised(quantity: Quantity) -> bool:
    """Whether the counted noun is written with a capital: a nationality or other group."""
    last = quantity.text.split()[-1] if quantity.text.split() else ""
    return last[:1].isupper() and last.lower() == quantity.noun and \
        len(quantity.text.split()) > 1


# Units and other measures: a count of these is never a casualty figure, whatever word is
# near it ("the water temperature, about 52 degrees, helped preserve the bodies"; "killing a
# mother of 12", whose 12 are her offspring).
_MEASURE_NOUNS = frozenset({
    "feet", "miles", "inches", "pounds", "tons", "acres", "degrees", "percent", "money",
    "magnitude", "hours", "kilometers", "meters", "votes", "seats", "points", "offspring",
})


def _people_named(story: Story) -> dict[str, set[str]]:
    """For each surname given an age, the ages one article gives it: an article that gives
    two ("Marianne Gingrich, 48 ... Newt Gingrich, 56") names two people of that surname, and
    a bare surname may then be either of them."""
    ages: dict[str, set[str]] = defaultdict(set)
    for article in story.articles:
        per_article: dict[str, set[str]] = defaultdict(set)
        for sentence in article.sentences:
            for match in _ages(sentence.text):
                per_article[match.group("name")].add(_stated_age(match))
        for surname, given in per_article.items():
            if len(given) > 1:
                ages[surname] |= given
    return ages


def _person(first: str | None, surname: str, people: dict[str, set[str]]) -> str | None:
    """Whom an age is given for: the surname, or the full name when two people share the
    surname; None when the surname is shared and no first name says which of them it is."""
    if surname not in people:
        return surname
    return f"{first} {surname}" if first else None


# An age in apposition: "Udi Hargov, 27, and ...", "Kennedy, 38, is ...", "Rudolph, a
# 31-year-old carpenter", "Sharron Diane Crawford Smith, age 61"; and a "31-year-old" that
# opens a sentence about a named subject.
_AGE = re.compile(
    r"(?:\b(?P<first>[A-Z][a-z]+)\s+(?:[A-Z][a-z]+\s+)?)?"
    r"\b(?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b)"
    r"(?P<name>[A-Z][a-z]+(?:-[A-Z][a-z]+)?),\s"
    r"(?:(?P<age>\d{1,2})(?=,|\s+and\b|\.)|an?\s+(?P<compound>\d{1,2})-year-old\b"
    r"|aged?\s+(?P<aged>\d{1,2})\b)"
)
# An age written before the full name: "61-year-old Katherine Gomes", "the 17-year-old
# Stephen Lawrence" (and as ECB+ tokens read, "61 - year - old").
_AGE_BEFORE = re.compile(
    r"\b(?P<before>\d{1,2})\s?-\s?year\s?-\s?old\s+(?P<first>[A-Z][a-z]+)\s+"
    r"(?:[A-Z][a-z]+\s+){0,2}(?P<name>[A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b")


def _ages(text: str) -> Iterator[re.Match[str]]:
    """Every age given to a named person in ``text``, after the name or before it (each looked
    for only where its cheap hint is written: most sentences give no age)."""
    if _AGE_HINT.search(text):
        yield from _AGE.finditer(text)
    if "year" in text:
        yield from _AGE_BEFORE.finditer(text)


# What an age after a name needs: a comma and a number, "a 31-", or "age".
_AGE_HINT = re.compile(r",\s(?:\d|an?\s+\d|aged?\s)")


def _stated_age(match: re.Match[str]) -> str:
    """The age an :func:`_ages` match states, whichever way it is written."""
    return next(v for v in (match.groupdict().get(g) for g in ("age", "compound", "aged",
                                                               "before")) if v)


def _frame(quantity: Quantity, words: list[tuple[int, str]]) -> str | None:
    """The casualty frame named nearest the count, within :data:`FRAME_WINDOW` tokens."""
    if quantity.noun in _FRAME_OF:
        return _FRAME_OF[quantity.noun]
    first = next((i for i, (start, _) in enumerate(words) if start >= quantity.start), len(words))
    last = next((i for i, (start, _) in enumerate(words) if start >= quantity.end), len(words))
    candidates = [
        (min(abs(i - first), abs(i - last + 1)), _FRAME_OF[word])
        for i, (_, word) in enumerate(words)
        if word in _FRAME_OF and not first <= i < last
        and (first - FRAME_WINDOW <= i < last + FRAME_WINDOW)
        and all(_is_filler(w) for _, w in words[min(i + 1, last):max(i, first)])
    ]
    return min(candidates)[1] if candidates else None


# Words that may stand between a count and its frame ("10 people were reported killed", "the
# toll rose to 80") besides stop words.
_FRAME_FILLERS = frozenset({
    "nearly", "reportedly", "estimated", "officially", "rose", "reached", "climbed", "stood",
    "reported", "confirmed", "feared", "believed", "left", "now",
})


def _is_filler(word: str) -> bool:
    """Whether a word between a count and a frame word leaves the frame the count's. Another
    number, or a word of content ("two helicopters were evacuating injured", "arrested
    Subryan ... several blocks away", "died peacefully in her sleep aged 91"), says the frame
    belongs to something else."""
    return (word in STOP_WORDS or word in _FRAME_FILLERS) and not word[:1].isdigit()


def _same_figure_groups(
    figures: list[_Figure], similarity: np.ndarray, row_of: dict[SentenceRef, int]
) -> list[list[_Figure]]:
    """Single-linkage groups of counts that are one figure, told alike or differently."""
    contexts = [_context(f) for f in figures]
    by_article: dict[str, list[Quantity]] = defaultdict(list)
    for figure in figures:
        by_article[figure.sentence.article_id].append(figure.quantity)

    def joined(i: int, j: int) -> bool:
        a, b = figures[i], figures[j]
        if a.day and b.day and a.day != b.day:
            return False
        if not _same_figure(a, b, similarity, row_of):
            return False
        same_value = relation(a.quantity, b.quantity) == "same"
        one_article = a.sentence.article_id == b.sentence.article_id
        if same_value and one_article:
            return True  # a report giving its figure again
        cosine = similarity[row_of[a.sentence.ref], row_of[b.sentence.ref]]
        if _is_measure(a) and not (contexts[i] & contexts[j] or cosine >= AGREEMENT_SIMILARITY):
            return False  # "$1 million" in two reports is one figure only if it is of one thing
        return same_value or (not one_article and not _stated_in_both(a, b, by_article))

    edges = [(i, j) for i in range(len(figures)) for j in range(i + 1, len(figures))
             if joined(i, j)]
    return [[figures[i] for i in group] for group in components(len(figures), edges)]


def _stated_in_both(a: _Figure, b: _Figure, by_article: dict[str, list[Quantity]]) -> bool:
    """Whether one article also gives the other's value: then that article agrees on it, and
    its other value is another figure ("at least 15 years of experience ... eligible in five
    years", told by two reports), not a second version of the first. (Two values in one
    article are never versions of one figure either: an article does not contradict itself,
    its "four seconds later" and "nine seconds later" are two moments.)"""
    return any(relation(a.quantity, q) == "same" for q in by_article[b.sentence.article_id]) \
        or any(relation(b.quantity, q) == "same" for q in by_article[a.sentence.article_id])


FIGURE_CONTEXT = 60
"""Characters either side of a measure (:func:`_is_measure`) whose words say what it
measures ("the epicenter ... 55 miles east of Istanbul"): two such figures are one only when
these words share one, or the sentences tell one fact (:data:`AGREEMENT_SIMILARITY`). Without
it, every distance or sum of a story would be compared with every other."""


def _is_measure(figure: _Figure) -> bool:
    """Whether the figure is a measure (a length, a sum of money) or a count of
    people with no casualty frame ("7.4 million people"), whose noun does not say what is
    measured or counted, unlike "aftershocks" or "troops"."""
    noun = figure.quantity.noun
    return not figure.framed and (noun in _MEASURE_NOUNS or noun in _GENERIC_PEOPLE) \
        and noun not in _SCALE_NOUNS


_GENERIC_PEOPLE = frozenset({"people", "persons", "men", "others", "residents"})


_SCALE_NOUNS = frozenset({"magnitude"})

def _context(figure: _Figure) -> frozenset[str]:
    """The content stems of the words around the figure, numbers and its own unit left out."""
    text = figure.sentence.text
    start, end = figure.quantity.start, figure.quantity.end
    before = text[max(0, start - FIGURE_CONTEXT):start].split()[1:]
    after = text[end:end + FIGURE_CONTEXT].split()[:-1]
    stems = _folded_stems(" ".join((*before, *after)))
    return frozenset(w for w in stems if not w[:1].isdigit() and w not in _NUMBER_STEMS) - \
        _folded_stems(figure.quantity.noun or "")


_NUMBER_STEMS = frozenset(content_stems(tokenize(
    "one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty"
    " hundred thousand million billion")))


def _same_figure(
    a: _Figure, b: _Figure, similarity: np.ndarray, row_of: dict[SentenceRef, int]
) -> bool:
    if not a.framed and \
            similarity[row_of[a.sentence.ref], row_of[b.sentence.ref]] < FIGURE_SIMILARITY:
        return False
    if not _same_kind(a.quantity.noun, b.quantity.noun):
        return False
    upper_bound = a.quantity.low == 0 or b.quantity.low == 0
    if relation(a.quantity, b.quantity) != "disjoint" and not upper_bound:
        return True
    low, high = sorted((_magnitude(a.quantity), _magnitude(b.quantity)))
    ratio = SCALE_RATIO if a.key in _SCALE_KEYS else SAME_FIGURE_RATIO
    return high <= low * ratio


def _same_kind(a: str | None, b: str | None) -> bool:
    """Whether two counted nouns can count the same thing: equal, both people, or one unsaid."""
    return a is None or b is None or a == b or (a in _PEOPLE_NOUNS and b in _PEOPLE_NOUNS)


def _magnitude(quantity: Quantity) -> float:
    """One value standing for the range: its finite bound nearest the stated number."""
    if quantity.vague:
        return float(np.sqrt(quantity.low * quantity.high))
    return max(quantity.low, 1.0) if quantity.low > 0 or quantity.high == np.inf \
        else max(quantity.high, 1.0)


def _figure_claim(story: Story, key: str, group: list[_Figure]) -> Claim | None:
    """A conflict or agreement over one figure; None when only one outlet gives it.

    (None is "no claim here", the normal case for most counts, not a rejected input.)"""
    per_article: dict[str, list[_Figure]] = defaultdict(list)
    for figure in group:
        per_article[figure.sentence.article_id].append(figure)
    if len(per_article) < 2:
        return None
    versions = _distinct_versions(group)
    statements = tuple(
        Statement(ref=f.sentence.ref, text=f.sentence.text, value=f.quantity.text)
        for f in _one_per_article_and_value(group)
    )
    base = key.split(" (")[0]
    topic = key if base in FRAMES or key.startswith(("age of", "number of")) else \
        f"number of {group[0].quantity.noun}"
    if len(versions) == 1:
        return Claim(kind="agreement", topic=topic, statements=statements,
                     note=f"{len(per_article)} sources give {versions[0].text}")
    if not _differs_across_articles(group):
        return None
    agreed = _why_versions_agree(versions)
    if agreed:
        return Claim(kind="agreement", topic=topic, statements=statements,
                     note=f"{len(per_article)} sources agree: {agreed}")
    if group[0].quantity.noun in _LENGTH_NOUNS and len(per_article) < LENGTH_MIN_REPORTS:
        return None
    return Claim(kind="conflict", topic=topic, statements=statements,
                 note=_figure_note(story, versions, group))


LENGTH_MIN_REPORTS = 3
"""Reports that must give a length differently before it is a conflict. Two reports' lengths
are mostly two distances (a village 12 miles from Grozny, troops advanced nine miles; Izmit 90
miles from Istanbul, a refinery 110 km from it; two altitudes of one dive): on dev, the three
length conflicts of two reports were all false alarms, and five of six given by three or more
reports (a wreck's depth, a strip's length, the fall of a climber) were real."""
_LENGTH_NOUNS = frozenset({"feet", "miles", "inches", "yards"})


def _distinct_versions(group: list[_Figure]) -> list[Quantity]:
    versions: list[Quantity] = []
    for figure in group:
        if not any(agrees(figure.quantity, v) for v in versions):
            versions.append(figure.quantity)
    return versions


def _one_per_article_and_value(group: list[_Figure]) -> list[_Figure]:
    seen: set[tuple[str, float, float, bool, bool]] = set()
    kept = []
    for f in sorted(group, key=lambda f: (f.sentence.article_id, f.sentence.index)):
        q = f.quantity
        key = (f.sentence.article_id, q.low, q.high, q.low_open, q.vague)
        if key not in seen:
            seen.add(key)
            kept.append(f)
    return kept


def _why_versions_agree(versions: list[Quantity]) -> str:
    """Why differently worded versions still agree, or "" when they do not.

    They agree when no two exclude each other and either one exact figure stands that the
    others round ("113" with "more than 100"), or every version is a two-sided approximation
    ("some 300 miles", "485 kilometers"), not a stated range ("2,000-2,500"). Versions that
    hedge with one-sided bounds or vague
    words ("at least 80", "more than 80", "scores") do not pin a figure down together, so
    they stay a conflict whose note says how they differ."""
    if any(relation(a, b) == "disjoint" for i, a in enumerate(versions) for b in versions[i:]):
        return ""
    exact = [v for v in versions if v.exact]
    if len(exact) == 1:
        return f"{exact[0].text} stated exactly, the other versions round it"
    if not exact and all(not v.vague and not v.ranged and v.low > 0 and v.high < np.inf
                         for v in versions):
        return "the versions are approximations of one figure"
    return ""


def _differs_across_articles(group: list[_Figure]) -> bool:
    return any(
        a.sentence.article_id != b.sentence.article_id
        and not agrees(a.quantity, b.quantity)
        for i, a in enumerate(group) for b in group[i + 1:]
    )


def _figure_note(story: Story, versions: list[Quantity], group: list[_Figure]) -> str:
    """Plain words for how the versions differ: which cannot both be true, which merely hedge."""
    said = "; ".join(f"{v.text} ({v.describe()})" for v in versions)
    parts = [f"sources give {said}"]
    disjoint = [(a, b) for i, a in enumerate(versions) for b in versions[i + 1:]
                if relation(a, b) == "disjoint"]
    if disjoint:
        a, b = disjoint[0]
        parts.append(f"'{a.text}' and '{b.text}' cannot both be right")
    else:
        parts.append("the versions can all be true but say different things")
    vague = [v.text for v in versions if v.vague]
    if vague:
        parts.append(f"{', '.join(vague)} name no number")
    open_low = [v for v in versions if v.low_open]
    closed_low = [v for v in versions if not v.low_open and not v.vague and v.high == np.inf]
    if open_low and closed_low:
        parts.append(f"'{closed_low[0].text}' allows exactly {closed_low[0].low:,.0f}, "
                     f"'{open_low[0].text}' does not")
    dates = {story.article(f.sentence.article_id).published for f in group} - {None}
    if len(dates) > 1:
        parts.append("the reports are from different days, so the figure may have changed")
    return "; ".join(parts)


# 2. Polarity ---------------------------------------------------------------------------------

Mode = str
"""How a sentence holds its fact: "affirmed", "negated" (refused, denied, unconfirmed),
"conditional" (only if ...), or "contrary" (it uses the opposite word: "acquitted", "guilty")."""


@dataclass(frozen=True, slots=True)
class _Reading:
    """A sentence read for polarity: its folded content stems, how it holds them, and the
    stems the refusal or condition governs (its ``scope``: the words around the cue)."""

    sentences: tuple[Sentence, ...]
    stems: frozenset[str]
    mode: Mode
    scope: frozenset[str]
    cue: str = ""


def _polarity_claims(story: Story, common: frozenset[str]) -> list[Claim]:
    readings = [r for article in story.articles for r in _readings(article.sentences)]
    negated = [r for r in readings if r.mode != "affirmed"]
    affirmed = [r for r in readings if r.mode == "affirmed"
                and not _PLAIN_NEGATION.search(r.sentences[-1].text)]
    close = _close_readings(negated, affirmed)
    pairs = []
    for i, a in enumerate(negated):
        for j in np.flatnonzero(close[i]).tolist():
            b = affirmed[j]
            shared = _shared_fact(a, b, common)
            if shared & a.scope:
                pairs.append((b, a, shared))
    pairs.extend(_antonym_pairs(readings, common))
    return [_polarity_claim(story, group) for group in _merge_pairs(pairs)]


COSINE_SLACK = 1e-9
"""Below :data:`POLARITY_SIMILARITY` by this much, a pair is still checked one by one: the
matrix's floating point need not round as :func:`_binary_cosine` does."""


def _close_readings(rows: list[_Reading], cols: list[_Reading]) -> np.ndarray:
    """Which pairs of readings may tell one fact, their stem sets' cosine near enough
    :data:`POLARITY_SIMILARITY`: every pair at once in one sparse product, so that
    :func:`_shared_fact` is asked only of those (a story has thousands of pairs, few close)."""
    vocabulary: dict[str, int] = {}
    cells = [[(k, vocabulary.setdefault(t, len(vocabulary))) for k, r in enumerate(side)
              for t in r.stems] for side in (rows, cols)]
    left, right = (
        sp.csr_matrix((np.ones(len(side)), ([k for k, _ in side], [t for _, t in side])),
                      shape=(size, len(vocabulary)))
        for side, size in zip(cells, (len(rows), len(cols)), strict=True))
    shared = (left @ right.T).toarray()
    sizes = np.outer([len(r.stems) for r in rows], [len(r.stems) for r in cols])
    close: np.ndarray = shared >= (POLARITY_SIMILARITY - COSINE_SLACK) * np.sqrt(sizes)
    return close


def _shared_fact(a: _Reading, b: _Reading, common: frozenset[str]) -> frozenset[str]:
    """The stems two readings of different outlets share when they tell one fact (enough
    shared weight, :data:`POLARITY_MIN_WEIGHT`, and cosine), else none."""
    if a.sentences[0].article_id == b.sentences[0].article_id:
        return frozenset()
    shared = (a.stems & b.stems) - (common - _EVENT_WORDS)
    weight = sum(EVENT_WORD_WEIGHT if w in _EVENT_WORDS else 1 for w in shared)
    if weight >= POLARITY_MIN_WEIGHT and _binary_cosine(a, b) >= POLARITY_SIMILARITY:
        return shared
    return frozenset()


def _antonym_pairs(readings: list[_Reading], common: frozenset[str]) -> Iterator[_Pair]:
    """Sentences of one topic where one outlet uses a word and another its opposite."""
    single = [(r, r.sentences[0].text) for r in readings if len(r.sentences) == 1]
    lowered = [ascii_lower(text) for _, text in single]
    for concept, (one_side, other_side) in ANTONYMS.items():
        # Each side searched once a sentence; a sentence that uses both words takes no side.
        sides = [(r, one_side.search(text, low), other_side.search(text, low))
                 for (r, text), low in zip(single, lowered, strict=True)]
        ones = [(r, one.group(0)) for r, one, other in sides if one and not other]
        others = [(r, other.group(0)) for r, one, other in sides if other and not one]
        for (a, word_a), (b, word_b) in itertools.product(ones, others):
            if a.sentences[0].article_id == b.sentences[0].article_id:
                continue
            shared = (a.stems & b.stems) - common - _folded_stems(f"{word_a} {word_b}")
            if _same_topic(concept, a, b) or (len(shared) >= ANTONYM_MIN_SHARED and
                                              _binary_cosine(a, b) >= ANTONYM_SIMILARITY):
                yield (replace(a, mode="contrary", cue=word_a),
                       replace(b, mode="contrary", cue=word_b), shared | {concept})


def _same_topic(concept: str, a: _Reading, b: _Reading) -> bool:
    """Whether both sentences speak of the concept's topic (:data:`ANTONYM_TOPICS`)."""
    topic = ANTONYM_TOPICS.get(concept)
    return topic is not None and all(topic.search(r.sentences[0].text) for r in (a, b))


_Pair = tuple["_Reading", "_Reading", frozenset[str]]


def _merge_pairs(pairs: list[_Pair]) -> list[list[_Pair]]:
    """Pairs that share a sentence and a word are one conflict told by several outlets.

    Two pairs share a sentence and a word exactly when they share a (sentence, word) key, so
    each pair is joined to the first that holds each of its keys: linear in the pairs, where
    testing every two of them took 2 of a 4-second brief of 80 copied reports and grew with
    the fourth power of the copies.
    """
    first: dict[tuple[SentenceRef, str], int] = {}
    edges = []
    for i, (a, b, words) in enumerate(pairs):
        for key in itertools.product({s.ref for s in (*a.sentences, *b.sentences)}, words):
            if (j := first.setdefault(key, i)) != i:
                edges.append((j, i))
    return [[pairs[i] for i in group] for group in components(len(pairs), edges)]


def _ubiquitous_stems(story: Story) -> frozenset[str]:
    """Stems used by more than half the articles: shared by everything, they link nothing.
    Two articles share every word of their common topic, so a story needs three for this."""
    if len(story.articles) < 3:
        return frozenset()
    spread = _stem_spread(story.articles, lambda sentence: _folded_stems(sentence.text))
    return frozenset(t for t, n in spread.counts.items() if n * 2 > spread.articles)


def _readings(sentences: tuple[Sentence, ...]) -> Iterator[_Reading]:
    for i, sentence in enumerate(sentences):
        stems = _folded_stems(sentence.text)
        mode, scope, cue = _mode(sentence.text)
        if mode == "negated" and i and _ANAPHORIC.search(sentence.text):
            both = stems | _folded_stems(sentences[i - 1].text)
            yield _Reading((sentences[i - 1], sentence), both, mode, both, cue)
        yield _Reading((sentence,), stems, mode, scope, cue)


def _mode(text: str) -> tuple[Mode, frozenset[str], str]:
    """How the sentence holds its fact, and the stems within :data:`CUE_SCOPE` of the cue (all
    of them when it affirms): "the Court refused the appeal" does not deny that
    "the plane took off" in the same sentence."""
    lowered = ascii_lower(text)
    for mode, cue in (("negated", _NEGATIVE_CUE), ("conditional", _CONDITIONAL_CUE)):
        found = cue.search(text, lowered)
        if found:
            after = text[found.end():found.end() + CUE_SCOPE[1]]
            after = _CLAUSE_AFTER.split(after, maxsplit=1)[0]
            window = text[max(0, found.start() - CUE_SCOPE[0]):found.end()] + after
            return mode, _folded_stems(window), found.group(0)
    return "affirmed", _folded_stems(text), ""


# Where what is refused ends: "refused to leave the courtroom after being asked to" refuses
# leaving, not the asking.
_CLAUSE_AFTER = re.compile(r"\b(?:after|before|when|because|while|since|until)\b")


@lru_cache(maxsize=4096)
def _folded_stems(text: str) -> frozenset[str]:
    tokens = tokenize(text)
    if _may_hold_synonym(text, tokens):
        tokens = tokenize(_SYNONYMS.sub(_synonym, text))
    return frozenset(stem for token in tokens for stem in _token_stems(token))


def _may_hold_synonym(text: str, tokens: list[str]) -> bool:
    """Whether :data:`_SYNONYMS` may match ``text``: a whole word opens each synonym, so in
    ASCII text it is one of the tokens, or a part of one joined by an apostrophe ("d'aid").
    Other text is scanned: a case-blind regex reads letters as others (a long s as "s")."""
    if not text.isascii():
        return True
    if "'" in text:
        tokens = [part for token in tokens for part in token.split("'")]
    return not _SYNONYM_OPENERS.isdisjoint(tokens)


def _synonym(match: re.Match[str]) -> str:
    return _SYNONYM_WORDS[int(str(match.lastgroup)[1:])][1]


@lru_cache(maxsize=65536)
def _token_stems(token: str) -> tuple[str, ...]:
    """The content stem of one token (none for a stop word), cached: a story repeats its
    words, and spelling folding is three regular expressions per call."""
    return tuple(content_stems((token,)))


def _binary_cosine(a: _Reading, b: _Reading) -> float:
    """Cosine of the two stem sets as binary vectors."""
    return len(a.stems & b.stems) / float(np.sqrt(len(a.stems) * len(b.stems)) or 1.0)


def _polarity_claim(story: Story, group: list[_Pair]) -> Claim:
    readings = [r for a, b, _ in group for r in sorted((a, b), key=lambda r: r.mode != "affirmed")]
    statements: dict[SentenceRef, Statement] = {}
    for reading in readings:
        for s in reading.sentences:
            value = reading.cue or STATES
            statements.setdefault(s.ref, Statement(ref=s.ref, text=s.text, value=value))
    shared = frozenset.union(*(shared for _, _, shared in group))
    concepts = sorted(shared & ANTONYMS.keys())
    order = {article.id: i for i, article in enumerate(story.articles)}
    return Claim(
        kind="conflict",
        topic=concepts[0] if concepts else _topic_words(readings[0].sentences[-1].text, shared),
        statements=tuple(sorted(statements.values(),
                                key=lambda st: (order[st.ref.article_id], st.value != STATES))),
        note=_polarity_note(story, readings),
    )


STATES = "states it"
"""The value shown for a statement that affirms what another outlet refuses or conditions."""


def _polarity_note(story: Story, readings: list[_Reading]) -> str:
    """What each outlet says, each outlet once and in story order ("BBC reports it as fact and
    says 'ready to relinquish power if'"): an outlet may both state a fact and condition it."""
    said: dict[str, list[str]] = {article.label: [] for article in story.articles}
    for reading in readings:
        source = story.article(reading.sentences[0].article_id).label
        what = "reports it as fact" if reading.mode == "affirmed" else f"says '{reading.cue}'"
        if what not in said[source]:
            said[source].append(what)
    return "; ".join(f"{source} {' and '.join(sorted(whats, key=_fact_first))}"
                     for source, whats in said.items() if whats)


def _fact_first(what: str) -> bool:
    return what != "reports it as fact"


# 2b. Where someone goes next -----------------------------------------------------------------

# A move whose destination is named, guessed or withheld: "may fly on to Turkey or Latvia",
# "one possible destination could be ... Belarus", "to an undisclosed location".
_DESTINATION = re.compile(
    r"\b(?:fly|flies|flew|flown|go|goes|went|head(?:ed|s)?|travel(?:led|ed|s)?|move[ds]?"
    r"|leaves?)\s+(?:on\s+)?(?:to|for)\s+(?P<place>[A-Z][\w'-]+(?:\s+or\s+[A-Z][\w'-]+)?)"
    r"|\bdestination\b[^.]*?\b(?P<guessed>[A-Z][\w'-]+)\W*$"
    r"|\b(?P<withheld>undisclosed (?:location|destination)|can't say where|cannot say where"
    r"|unknown destination)\b"
)
# A move reported as uncertain: only these are versions of "where next", not the move made.
_HEDGE = _keyed(r"\b(?:may|might|could|possible|possibly|undisclosed|can't|cannot|"
                r"unknown|reportedly)\b", "may", "might", "could", "possibl", "undisclosed",
                "can't", "cannot", "unknown", "reportedly")
WITHHELD = "undisclosed"
"""The value of a statement that says the destination is not being told."""


def _destination_claims(story: Story) -> list[Claim]:
    """One conflict when outlets name different next destinations for a move they are unsure
    of ("Turkey or Latvia" / "Belarus" / "undisclosed"); a move made and agreed on ("flown to
    Kazakhstan") is not hedged, so it is not a version."""
    statements = [
        Statement(ref=sentence.ref, text=sentence.text, value=value)
        for sentence in story.sentences if _HEDGE.search(sentence.text, ascii_lower(sentence.text))
        for value in _destinations(sentence.text)[:1]
    ]
    per_article: dict[str, set[str | None]] = defaultdict(set)
    for statement in statements:
        per_article[statement.ref.article_id].add(statement.value)
    if len(per_article) < 2 or len(set().union(*per_article.values())) < 2:
        return []
    said = "; ".join(f"{story.article(a).label}: {', '.join(sorted(v for v in values if v))}"
                     for a, values in per_article.items())
    return [Claim(kind="conflict", topic="where next", statements=tuple(statements),
                  note=f"the outlets name different next destinations ({said})")]


def _destinations(text: str) -> list[str]:
    found = []
    for match in _DESTINATION.finditer(text):
        found.append(match.group("place") or match.group("guessed") or WITHHELD)
    return found


# 3. Agreement --------------------------------------------------------------------------------

def _agreement_claims(
    sentences: tuple[Sentence, ...], similarity: np.ndarray, used: set[SentenceRef]
) -> list[Claim]:
    groups = _agreement_groups(sentences, similarity)
    claims = []
    for rows in groups:
        chosen = _best_per_article(rows, sentences, similarity)
        if len(chosen) < 2 or any(sentences[r].ref in used for r in chosen):
            continue
        statements = tuple(Statement(ref=sentences[r].ref, text=sentences[r].text)
                           for r in chosen)
        claims.append(Claim(
            kind="agreement",
            topic=_shared_topic([sentences[r] for r in chosen]),
            statements=statements,
            note=f"told alike by {len(chosen)} sources",
        ))
    claims.sort(key=lambda c: -len(c.statements))
    return claims[:MAX_AGREEMENTS]


def _agreement_groups(sentences: tuple[Sentence, ...], similarity: np.ndarray) -> list[list[int]]:
    rows, cols = np.nonzero(np.triu(similarity, k=1) >= AGREEMENT_SIMILARITY)
    stems = [frozenset(content_stems(s.tokens)) for s in sentences]
    edges = [(i, j) for i, j in zip(rows.tolist(), cols.tolist(), strict=True)
             if sentences[i].article_id != sentences[j].article_id
             and len(stems[i] & stems[j]) >= AGREEMENT_MIN_SHARED]
    return [g for g in components(len(sentences), edges) if len(g) > 1]


def _best_per_article(
    rows: list[int], sentences: tuple[Sentence, ...], similarity: np.ndarray
) -> list[int]:
    """The group's most central sentence of each article, in story order."""
    best: dict[str, tuple[float, int]] = {}
    for row in rows:
        centrality = float(similarity[row, rows].sum())
        article = sentences[row].article_id
        if article not in best or centrality > best[article][0]:
            best[article] = (centrality, row)
    return sorted(row for _, row in best.values())


def _shared_topic(sentences: list[Sentence]) -> str:
    """The first statement's shortest run of words holding most of the words all share."""
    common = set.intersection(*(set(content_stems(s.tokens)) for s in sentences))
    return key_phrase(sentences[0].text, common)


def _topic_words(text: str, stems: frozenset[str]) -> str:
    """The words of ``text`` whose (folded) stems are in ``stems``, names first, at most four;
    the start of the text when none is."""
    tokens = re.findall(r"[\w'’-]+", text)
    # The first word is left out: its capital is the sentence's, and it is more often a
    # connective ("Earlier", "Meanwhile") than the topic.
    words = [t for t in dict.fromkeys(tokens[1:]) if len(t) > 2 and _folded_stems(t) & stems]
    words.sort(key=lambda w: not w[:1].isupper())
    return " ".join(words[:4]) or text[:40]


# 4. Single source ----------------------------------------------------------------------------

def _single_source_claims(
    story: Story, sentences: tuple[Sentence, ...], similarity: np.ndarray,
    vectors: SentenceVectors
) -> list[Claim]:
    centrality = vectors.centroid_similarity()
    # Articles by number: comparing every two sentences' article ids as strings was most
    # of the time this pass took.
    numbers: dict[str, int] = {}
    articles = np.array([numbers.setdefault(s.article_id, len(numbers)) for s in sentences])
    spread = _stem_spread((a for a in story.articles if a.sentences), _sentence_stems)
    # Each sentence's best match in the other articles, all rows at once.
    elsewhere = np.where(articles[:, None] != articles[None, :], similarity, 0.0)
    best_elsewhere = elsewhere.max(axis=1, initial=0.0)
    candidates = []
    for row, sentence in enumerate(sentences):
        if best_elsewhere[row] >= SINGLE_SOURCE_MAX_SIMILARITY:
            continue
        if find_quantities(sentence.text) or \
                len(_names(sentence.text)) >= MIN_NAMES_FOR_SALIENCE:
            candidates.append((float(centrality[row]), sentence))
    candidates.sort(key=lambda c: (-c[0], c[1].ref))
    return [
        Claim(kind="single_source", topic=_own_words(sentence, spread),
              statements=(Statement(ref=sentence.ref, text=sentence.text),),
              note="no other source reports this")
        for _, sentence in candidates[:MAX_SINGLE_SOURCE]
    ]


@dataclass(frozen=True, slots=True)
class _Spread:
    """In how many of a story's articles each content stem occurs."""

    articles: int
    counts: Counter[str]


def _stem_spread(articles: Iterable[Article],
                 stems_of: Callable[[Sentence], Iterable[str]]) -> _Spread:
    """How many of ``articles`` use each stem that ``stems_of`` finds in a sentence."""
    counts: Counter[str] = Counter()
    total = 0
    for article in articles:
        counts.update(set().union(*map(stems_of, article.sentences)))
        total += 1
    return _Spread(total, counts)


def _sentence_stems(sentence: Sentence) -> list[str]:
    """``content_stems(sentence.tokens)``, a token at a time through the cache."""
    return [s for token in sentence.tokens for s in _token_stems(token)]


def _own_words(sentence: Sentence, spread: _Spread) -> str:
    """A label for a fact one source reports: the run of its words that holds most of those
    at most half the articles use (what it adds), names left out."""
    rare = {s for s in content_stems(sentence.tokens)
            if spread.counts[s] * 2 <= spread.articles}
    return key_phrase(sentence.text, rare, names=False)


def _names(text: str) -> list[str]:
    """Capitalised runs other than the sentence's first word, titles and stop words dropped."""
    names = []
    for match in _NAME.finditer(text):
        words = [w for w in match.group(0).split() if w.lower() not in _TITLES]
        if match.start() == 0 and words:
            words = words[1:] if match.group(0).split()[0] == words[0] else words
        name = _POSSESSIVE.sub("", " ".join(w for w in words if w.lower() not in STOP_WORDS))
        if name and name not in names and name.lower() not in CALENDAR_WORDS:
            names.append(name)
    return names


def clear_caches() -> None:
    """Forget the per-sentence caches (quantities, folded stems) and the dates read per
    article, for timing a cold run."""
    clear_date_caches()
    find_quantities.cache_clear()
    _folded_stems.cache_clear()
    _token_stems.cache_clear()


def conflict_sentences(story: Story, claims: tuple[Claim, ...] | list[Claim]) -> list[SentenceRef]:
    """Sentences that, put in a summary, show each conflict: one per version of the fact.

    For each conflict claim, in order, the first sentence giving each distinct value (each
    outlet's version). The lead's summarizer forces these in so a brief never hides a
    disagreement.

    Parameters
    ----------
    story:
        The story the claims were found in (every ref must point into it).
    claims:
        The output of :func:`find_claims`; non-conflict claims are ignored.

    Returns
    -------
    list of SentenceRef
        No duplicates, in claim order.

    Raises
    ------
    KeyError
        When a statement's ref is not in ``story``.
    """
    refs: list[SentenceRef] = []
    for claim in claims:
        if claim.kind != "conflict":
            continue
        seen_values: set[str | None] = set()
        for statement in claim.statements:
            story.sentence(statement.ref)
            if statement.value not in seen_values and statement.ref not in refs:
                seen_values.add(statement.value)
                refs.append(statement.ref)
    return refs
