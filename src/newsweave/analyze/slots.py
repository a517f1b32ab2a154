"""Conflicts over *when* and *where* one event happened, and what marks another event.

Figures are compared by what they count (:mod:`newsweave.analyze.claims`); times, dates and
places have no such noun, so they are compared by the event they attach to instead:

1. **When.** Each clock time ("8:38 p.m.", "at 08:03 local time"), day ("on Sunday",
   "Nov. 7", resolved against the article's publication date by
   :func:`newsweave.analyze.dates.find_dates`) and year ("launched in 1995") is read with
   the words around it, its *event* ("took off", "sank", "sworn in"). Two outlets that date
   one event differently, in sentences about the same thing, disagree. Days that say when a
   report was written are left out: one governed by a reporting verb ("said Sunday") and one
   that is the article's own publication day ("rescuers struggled Monday").
2. **Where.** One event placed at a town by one outlet and miles away from it by another, or
   at two towns of one state ("Fairfield, N.J." / "Caldwell, N.J.").
3. **Another event.** A sentence that names another event than the story's ("the Lauda Air
   crash", "another earthquake", a year before the report's) is compared only with sentences
   about that event (:func:`other_event`).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache

import numpy as np
import scipy.sparse as sp
from scipy.sparse.csgraph import connected_components

from newsweave.analyze.dates import DateMention, find_dates
from newsweave.models import Claim, Sentence, SentenceRef, Statement, Story
from newsweave.summarize.vectors import token_stems
from newsweave.text import tokenize
from newsweave.text.stopwords import STOP_WORDS

WHEN_WINDOW = 8
"""Content words either side of a time expression whose words name the event it dates ("the plane
took off at 8:38 p.m. from Runway 22")."""

WHEN_SIMILARITY = 0.12
"""Story TF-IDF cosine two sentences need before their times are read as dating one event:
stories are full of different events on different days."""

WHEN_MIN_SHARED = 1
"""Event words (not used by most articles) the two windows must share."""

WHEN_SAME_FACT_SIMILARITY = 0.25
"""Cosine at which two sentences tell the same fact, so that the dates they give are of one
event whatever words stand next to them ("took him to a remote area ... on Oct. 7" / "a
chronology for the night of Oct. 6"), when they are at most :data:`SAME_FACT_MAX_DAYS`
apart."""

SAME_FACT_MAX_DAYS = 2
"""Days apart two dates of one fact may be when only the sentences' likeness ties them."""

MAX_GAP = {"time": 30, "day": 7, "year": 2}
"""Furthest apart two versions of one event's time (minutes), day (days) or year may be: "Nov.
22" and "Nov. 25" date one shipwreck; "Nov. 27" and "April 6" are two events."""

ROUND_HOUR_SPREAD = 5
"""Minutes either side of a whole hour ("2 a.m."): a reporter rounds 2:03 to 2 a.m., not
1:52."""

APPROXIMATE_SPREAD = 15
"""Minutes either side of a time hedged with "about" or "around"."""

# Verbs that report rather than happen: a day right next to one says when it was said
# ("said Sunday", "Clinton Thursday condemned").
_REPORTING = frozenset({
    "condemned", "vowed", "urged", "called", "pledged", "promised", "expressed", "welcomed",
    "demanded", "praised", "criticized", "criticised", "appealed", "asked",
    "said", "says", "told", "announced", "reported", "added", "stated", "confirmed",
    "quoted", "declared", "disclosed", "revealed", "noted", "explained", "warned", "insisted",
    "claimed", "according", "denied", "acknowledged", "admitted", "testified", "wrote",
})
_SOFT_BEFORE = frozenset({"on", "late", "early", "night", "morning", "afternoon", "evening",
                          "the", "of"})
_HEDGED_TIME = re.compile(r"\b(?:about|around|approximately|roughly|some|shortly after|"
                          r"just after|just before)\s+$", re.IGNORECASE)
_CLOCK = re.compile(
    r"(?<![\w:.])(?P<h>1[0-2]|0?[1-9])(?::(?P<m>[0-5]\d))?\s?(?P<half>[ap])\.?\s?m\b\.?"
    r"|(?<![\w:.])(?P<h24>[01]?\d|2[0-3])[:.](?P<m24>[0-5]\d)(?=\s+(?:local|GMT|hrs|hours)\b)",
    re.IGNORECASE,
)
# Words folded to one event before comparing windows: "took off", "left" and "departed" date
# one departure; "sank", "went down" and "plunged" one sinking.
_EVENT_SYNONYMS = (
    (re.compile(r"\b(?:took off|left|departed|lifted off|take-?off)\b", re.IGNORECASE),
     "depart"),
    (re.compile(r"\b(?:sank|sunk|sink|sinking|went down|plunged|crashed|accident|disaster"
                r"|tragedy)\b", re.IGNORECASE), "incident"),
    (re.compile(r"\b(?:sworn in|inaugurat\w*|swearing-in)\b", re.IGNORECASE), "inaugur"),
    (re.compile(r"\b(?:landed|landing|touched down|arrived|arrival)\b", re.IGNORECASE),
     "land"),
    (re.compile(r"\b(?:launched|commissioned|completed|entered service)\b", re.IGNORECASE),
     "commission"),
    (re.compile(r"\b(?:radar contact|radar screens?|radar signal)\b", re.IGNORECASE), "radar"),
    (re.compile(r"\b(?:appeared|showed up|turned up|emerged|was seen|spotted|sighted|sighting)"
                r"\b", re.IGNORECASE), "appear"),
    (re.compile(r"\b(?:arrest(?:ed|s|ing)?|detained|detention|captured|apprehended)\b",
                re.IGNORECASE), "arrest"),
    (re.compile(r"\b(?:found|located|discovered|discovery|recovered|retrieved)\b",
                re.IGNORECASE), "find"),
)
EVENT_WORDS = frozenset(token_stems(word for _, word in _EVENT_SYNONYMS))
"""The folded event words: shared by most articles (every report tells of the crash), they
still tie two dates to one event."""

EVENT_SIMILARITY = 0.03
"""Cosine enough when two windows share a folded event word ("took off", "left"): the event
is named, so the sentences need only be about the same story, not say the same."""

_DAY_NAMES = frozenset({
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
    "oct", "nov", "dec",
})
_WORD = re.compile(r"[A-Za-z][\w'’.-]*[A-Za-z]|[A-Za-z]|\d[\d,.:]*")


@dataclass(frozen=True, slots=True)
class TimeMention:
    """A time, day or year in one sentence, with the event words around it.

    ``low``/``high`` bound the value in its unit (minutes after midnight for a clock time,
    ordinal day for a day, the year for a year); ``unit`` says which.
    """

    sentence: Sentence
    text: str
    unit: str
    low: int
    high: int
    event: frozenset[str]
    future: bool = False


# Another event than the story's, named in a sentence: a year before the report's ("the
# crash of a Lauda Air jet in 1991"), an event named after something the story is not about
# ("the Lauda Air crash", "the 1998 Adana earthquake"), or one said to be another ("another
# strong earthquake struck on Sunday"). Its figures and dates are that event's.
_EVENT_NOUNS = (r"(?:crash|earthquake|quake|tremor|bombing|attack|explosion|blast|disaster"
                r"|accident|sinking|fire|flood|storm|hurricane|shooting|massacre|election|war"
                r"|raid|riot|collision)")
_NAMED_EVENT = re.compile(
    rf"\b(?:[Tt]he|[Aa]n?)\s+(?:\d{{4}}\s+)?(?P<name>(?:[A-Z][\w'-]+\s+){{1,3}})"
    rf"{_EVENT_NOUNS}\b")
_ANOTHER_EVENT = re.compile(
    rf"\b(?:another|a second|a new|an earlier|a previous|an? separate)\s+(?:[a-z]+\s+)?"
    rf"{_EVENT_NOUNS}\b", re.IGNORECASE)
_YEAR = re.compile(r"(?<!since )(?<!than )(?<!until )(?<!than in )\b(?P<year>1[89]\d\d|20\d\d)"
                   r"\b(?![-–]\d)")


def repeated_stems(story: Story) -> frozenset[str]:
    """Content stems used by at least two of the story's articles: what the story is about,
    as opposed to a name one report brings in from elsewhere ("the Lauda Air crash").

    Parameters
    ----------
    story:
        The story, its articles split into sentences.

    Returns
    -------
    frozenset of str
    """
    counts: dict[str, int] = defaultdict(int)
    for article in story.articles:
        for term in {t for s in article.sentences for t in token_stems(s.tokens)}:
            counts[term] += 1
    return frozenset(t for t, n in counts.items() if n >= 2)


def other_event(text: str, published: date | None, repeated: frozenset[str],
                years: bool = True) -> str:
    """What marks ``text`` as about another event than the story's, or "" when nothing does.

    Parameters
    ----------
    text:
        One sentence.
    published:
        Its article's publication date; without it a year marks nothing.
    repeated:
        Stems two or more articles use (:func:`repeated_stems`): an event named with them is
        the story's own ("the EgyptAir crash", "the Paris crash").
    years:
        Whether a year before the report's marks another event; not for dates, where the year
        is what is compared ("the Kursk, completed in 1994").

    Returns
    -------
    str
        The year, the event's name, or "another"; "" for the story's own event.
    """
    if _ANOTHER_EVENT.search(text):
        return "another"
    for match in _NAMED_EVENT.finditer(text):
        name = match.group("name").strip()
        if set(token_stems(tokenize(name))) - repeated:
            return name
    if years and published is not None:
        stated = [int(m.group("year")) for m in _YEAR.finditer(text)]
        past = [y for y in stated if y < published.year]
        if past and len(past) == len(stated):
            return str(past[0])
    return ""


def components(size: int, edges: list[tuple[int, int]]) -> list[list[int]]:
    """Connected components of ``size`` nodes joined by ``edges``, each in node order.

    Parameters
    ----------
    size:
        Number of nodes, numbered from 0.
    edges:
        Pairs of node numbers.

    Returns
    -------
    list of list of int
        Every node in exactly one component, singletons included.
    """
    rows = [i for i, _ in edges]
    cols = [j for _, j in edges]
    graph = sp.csr_matrix((np.ones(len(edges)), (rows, cols)), shape=(size, size))
    _, labels = connected_components(graph, directed=False)
    groups: dict[int, list[int]] = defaultdict(list)
    for node, label in enumerate(labels.tolist()):
        groups[label].append(node)
    return list(groups.values())


# 1. When ------------------------------------------------------------------------------------

def when_claims(story: Story, similarity: np.ndarray, row_of: dict[SentenceRef, int],
                common: frozenset[str]) -> list[Claim]:
    """Conflicts where outlets give one event different times, days or years.

    Parameters
    ----------
    story:
        The story, its articles split into sentences.
    similarity:
        Story TF-IDF cosine between every two sentences, rows as in ``row_of``.
    row_of:
        Each sentence's row in ``similarity``.
    common:
        Stems most articles use: shared by everything, they tie no two events together.

    Returns
    -------
    list of Claim
        One conflict per event dated differently, its statements one per version.
    """
    mentions = [m for article in story.articles for sentence in article.sentences
                for m in time_mentions(sentence, article.published)]
    repeated = repeated_stems(story)
    events = [other_event(m.sentence.text, None, repeated, years=False) for m in mentions]
    in_sentence: dict[SentenceRef, list[TimeMention]] = defaultdict(list)
    for mention in mentions:
        in_sentence[mention.sentence.ref].append(mention)
    edges = [(i, j) for i, a in enumerate(mentions) for j in range(i + 1, len(mentions))
             if events[i] == events[j] and not _dated_in_both(a, mentions[j], in_sentence)
             and _dates_one_event_differently(a, mentions[j], similarity, row_of, common)]
    return [_when_claim(story, [mentions[i] for i in group])
            for group in components(len(mentions), edges) if len(group) > 1]


def _dated_in_both(a: TimeMention, b: TimeMention,
                   in_sentence: dict[SentenceRef, list[TimeMention]]) -> bool:
    """Whether one sentence also gives the other's time: "enacted in 1996, and used 82 times
    last year" in two reports dates two events alike, not one event two ways."""
    def gives(mention: TimeMention, ref: SentenceRef) -> bool:
        return any(m.unit == mention.unit and m.low <= mention.high and mention.low <= m.high
                   for m in in_sentence[ref])
    return gives(a, b.sentence.ref) or gives(b, a.sentence.ref)


def time_mentions(sentence: Sentence, published: date | None) -> list[TimeMention]:
    """The clock times, days and years a sentence names for an event, with its words.

    Parameters
    ----------
    sentence:
        One sentence.
    published:
        Its article's publication date: resolves "on Sunday", and the day of writing it
        names is left out. Without it only clock times, full dates and years are read.

    Returns
    -------
    list of TimeMention
        In text order; days governed by a reporting verb ("said Sunday") are left out.
    """
    return list(_time_mentions(sentence, published))


def _time_mentions(sentence: Sentence, published: date | None) -> Iterator[TimeMention]:
    text = sentence.text
    for match in _CLOCK.finditer(text):
        minutes = _minutes(match)
        spread = _time_spread(match, text)
        yield TimeMention(sentence, match.group(0).strip(), "time", minutes - spread,
                          minutes + spread, _event_words(text, match.start(), match.end()),
                          _future(text, match.start(), match.end()))
    for mention in _dates(text, published):
        when = mention.when
        if when is None or mention.granularity not in ("day", "year") or \
                _next_to_reporting_verb(text, mention) or _in_a_list(text, mention) or \
                _ANAPHORIC_DAY.search(mention.text):
            continue
        if mention.granularity == "day" and when == published:
            continue  # the day of writing: "rescuers struggled Monday"
        event = _event_words(text, mention.start, mention.end)
        value = when.toordinal() if mention.granularity == "day" else when.year
        yield TimeMention(sentence, mention.text, mention.granularity or "", value, value,
                          event, _future(text, mention.start, mention.end))


# A sentence about what is planned or expected: its times are not yet facts to compare with
# what happened ("on course to cross ... at about 7 a.m." / "crossed ... at 4:54 a.m.").
_FUTURE = re.compile(r"\b(?:will|would|expected|scheduled|planned|plans?|hoped?|hopes|"
                     r"on course|due to|likely|intended|going to)\b", re.IGNORECASE)
# The clause around a time: from the last comma, semicolon or " and " before it to the next.
_CLAUSE_BREAK = re.compile(r"[,;]|\band\b")


def _future(text: str, start: int, end: int) -> bool:
    """Whether the clause of ``text[start:end]`` speaks of what is planned or expected."""
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(text, 0, start)]
    after = _CLAUSE_BREAK.search(text, end)
    clause = text[breaks[-1] if breaks else 0:after.start() if after else len(text)]
    return bool(_FUTURE.search(clause))


# A day counted from another event of the text ("a day earlier", "two days later"): read
# against the publication date it would be a guess.
_ANAPHORIC_DAY = re.compile(r"\b(?:earlier|later|before|after|previous|next|following)\b",
                            re.IGNORECASE)


def _in_a_list(text: str, mention: DateMention) -> bool:
    """Whether the date is joined to another as a list or a range ("in 1996 and 1997"):
    neither alone is what the sentence says of the event."""
    after = text[mention.end:mention.end + 12]
    before = text[max(0, mention.start - 12):mention.start]
    return bool(re.match(r"\s*(?:and|or|to|through|-|–)\s*\d", after)
                or re.search(r"\d\s*(?:and|or|to|through|-|–)\s*$", before))


@lru_cache(maxsize=8192)
def _dates(text: str, published: date | None) -> tuple[DateMention, ...]:
    return tuple(find_dates(text, published))


def _minutes(match: re.Match[str]) -> int:
    if match.group("h24"):
        return int(match.group("h24")) * 60 + int(match.group("m24"))
    hour = int(match.group("h")) % 12 + (12 if match.group("half").lower() == "p" else 0)
    return hour * 60 + int(match.group("m") or 0)


def _time_spread(match: re.Match[str], text: str) -> int:
    if _HEDGED_TIME.search(text[:match.start()]):
        return APPROXIMATE_SPREAD
    whole_hour = match.group("h") and not match.group("m")
    return ROUND_HOUR_SPREAD if whole_hour else 0


def _next_to_reporting_verb(text: str, mention: DateMention) -> bool:
    """Whether a reporting verb comes right before the expression (softeners skipped) or
    right after it."""
    following = tokenize(text[mention.end:mention.end + 20])[:1]  # "Clinton Thursday condemned"
    if following and following[0] in _REPORTING:
        return True
    for word in reversed(_WORD.findall(text[max(0, mention.start - 60):mention.start])[-6:]):
        if word.lower() in _REPORTING:
            return True
        if word.lower() not in _SOFT_BEFORE and not word[:1].isupper():
            return False
    return False


# Words that start a clause about another event: "rescued on Nov. 25, three days after the
# boy ... left Cuba" dates the rescue, not the leaving. One right before the time ("just after
# midnight on Nov. 6", within TIME_MODIFIER_WORDS words) qualifies the time instead.
TIME_MODIFIER_WORDS = 2
_CONNECTIVE = re.compile(r"\b(?:after|before|since|until|when|while|following)\b",
                         re.IGNORECASE)


def _event_words(text: str, start: int, end: int) -> frozenset[str]:
    """Content stems within :data:`WHEN_WINDOW` words of ``text[start:end]`` and in its
    clause (up to a connective such as "after"), events folded."""
    before_text, after_text = text[:start], text[end:]
    cuts = [m.end() for m in _CONNECTIVE.finditer(before_text)
            if len(before_text[m.end():].split()) > TIME_MODIFIER_WORDS]
    before_text = before_text[cuts[-1] if cuts else 0:]
    cut = _CONNECTIVE.search(after_text)
    if cut is not None:
        after_text = after_text[:cut.start()]
    before = _folded_tokens(before_text)[-WHEN_WINDOW:]
    after = _folded_tokens(after_text)[:WHEN_WINDOW]
    return frozenset(token_stems([*before, *after]))


def _folded_tokens(text: str) -> list[str]:
    """Content tokens of ``text``, event phrases folded; numbers, days and months dropped."""
    for pattern, word in _EVENT_SYNONYMS:
        text = pattern.sub(word, text)
    return [t for t in tokenize(text) if not t[:1].isdigit() and t not in _DAY_NAMES
            and t not in STOP_WORDS]


def _dates_one_event_differently(a: TimeMention, b: TimeMention, similarity: np.ndarray,
                                 row_of: dict[SentenceRef, int], common: frozenset[str]
                                 ) -> bool:
    if a.unit != b.unit or a.sentence.article_id == b.sentence.article_id or \
            a.future != b.future or a.text.lower() == b.text.lower():
        return False
    if (a.low <= b.high and b.low <= a.high) or \
            max(a.low, b.low) - min(a.high, b.high) > MAX_GAP[a.unit]:
        return False
    cosine = similarity[row_of[a.sentence.ref], row_of[b.sentence.ref]]
    if cosine >= WHEN_SAME_FACT_SIMILARITY and (
            a.unit != "day" or abs(a.low - b.low) <= SAME_FACT_MAX_DAYS):
        return True
    if (a.event | b.event) & EVENT_WORDS:
        return bool(a.event & b.event & EVENT_WORDS) and bool(cosine >= EVENT_SIMILARITY)
    shared = (a.event & b.event) - common
    return bool(cosine >= WHEN_SIMILARITY) and len(shared) >= WHEN_MIN_SHARED


def _when_claim(story: Story, group: list[TimeMention]) -> Claim:
    statements: dict[SentenceRef, Statement] = {}
    for mention in group:
        statements.setdefault(mention.sentence.ref, Statement(
            ref=mention.sentence.ref, text=mention.sentence.text, value=mention.text))
    shared = frozenset.intersection(*(m.event for m in group)) or group[0].event
    said = "; ".join(dict.fromkeys(
        f"{story.article(m.sentence.article_id).label}: {m.text}" for m in group))
    return Claim(kind="conflict", topic=f"when: {_label(group[0].sentence.text, shared)}",
                 statements=tuple(statements.values()),
                 note=f"the outlets date it differently ({said})")


def _label(text: str, stems: frozenset[str]) -> str:
    """Up to three words of ``text`` whose stems are in ``stems``: a label for the event."""
    words = [w for w in dict.fromkeys(re.findall(r"[A-Za-z][\w'-]+", text))
             if set(token_stems(_folded_tokens(w))) & stems]
    return " ".join(words[:3]) or text[:40]


def _outlet_pairs(sentences: tuple[Sentence, ...], similarity: np.ndarray, at_least: float
                  ) -> Iterator[tuple[int, int, Sentence, Sentence]]:
    """Pairs of sentences of different articles whose cosine reaches ``at_least``."""
    rows, cols = np.nonzero(np.triu(similarity, k=1) >= at_least)
    for i, j in zip(rows.tolist(), cols.tolist(), strict=True):
        if sentences[i].article_id != sentences[j].article_id:
            yield i, j, sentences[i], sentences[j]


def _name_claim(story: Story, a: Sentence, b: Sentence, names: tuple[str, str],
                what: str = "name") -> Claim:
    said = "; ".join(f"{story.article(s.article_id).label}: {n}"
                     for s, n in zip((a, b), names, strict=True))
    return Claim(kind="conflict", topic=f"{what}: {names[0]} or {names[1]}",
                 statements=(Statement(ref=a.ref, text=a.text, value=names[0]),
                             Statement(ref=b.ref, text=b.text, value=names[1])),
                 note=f"the outlets name it differently ({said})")


# 3. Where ------------------------------------------------------------------------------------

# A place given as a distance from another: "about 45 miles north of the desert town of Mut".
_OFFSET = re.compile(
    r"\b(?:\d[\d,.]*|[a-z]+)\s+(?:miles|kilometers|kilometres|km)\s+(?:north|south|east|west)"
    r"(?:east|west)?\s+of\s+(?:the\s+)?(?:[a-z]+\s+){0,4}(?P<place>[A-Z][\w'-]+)")
_AT_PLACE = re.compile(r"\b(?:at|in)\s+(?P<place>[A-Z][\w'-]+)")
# A town and its state or country abbreviation: "Fairfield, N.J.", "Caldwell, N.J.".
_PLACE_IN_REGION = re.compile(
    r"\b(?P<place>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?),\s(?P<region>[A-Z][a-z]?\.\s?[A-Z]\.|"
    r"[A-Z][a-z]{2,4}\.)")


def place_claims(story: Story, similarity: np.ndarray) -> list[Claim]:
    """Conflicts where outlets place one event differently.

    Two sentences of different outlets that name the same event (a folded event word such as
    "landed" or "took off") disagree on where when one puts it at a place and the other a
    distance away from that place ("at Mut" / "45 miles north of ... Mut"), or when they name
    different towns of one region ("Fairfield, N.J." / "Caldwell, N.J.").

    Parameters
    ----------
    story, similarity:
        As for :func:`when_claims`; ``similarity`` rows in ``story.sentences`` order.

    Returns
    -------
    list of Claim
        One conflict per pair of sentences, valued with the two places.
    """
    sentences = story.sentences
    events = [frozenset(token_stems(_folded_tokens(s.text))) & EVENT_WORDS for s in sentences]
    names = [_names_by_places(s.text) for s in sentences]
    claims: dict[tuple[str, ...], Claim] = {}
    for i, j, a, b in _outlet_pairs(sentences, similarity, EVENT_SIMILARITY):
        if not events[i] & events[j] and not names[i] & names[j]:
            continue
        places = _places_apart(a.text, b.text) or _places_apart(b.text, a.text)
        if places:
            claim, key = _name_claim(story, a, b, places, "where"), tuple(sorted(places))
            claims[key] = _merged(claims[key], claim) if key in claims else claim
    return list(claims.values())


def _merged(first: Claim, second: Claim) -> Claim:
    """One conflict of the two, each sentence once: several pairs of outlets that place one
    thing in the same two towns."""
    refs = {st.ref for st in first.statements}
    return replace(first, statements=(*first.statements,
                                      *(st for st in second.statements if st.ref not in refs)))


# A name of two or more capitalised words ("Southern Poverty Law Center") placed in a town: two
# sentences that put it in two towns of one state place one organisation differently.
_MULTIWORD_NAME = re.compile(r"\b[A-Z][a-z]+(?:\s+(?:of\s+)?[A-Z][a-z]+){1,4}\b")
_BASED = re.compile(r"^-based\s+(?:the\s+)?")
PLACE_NAME_WINDOW = 60
"""Characters before a place within which the nearest name is the one placed there ("the
Southern Poverty Law Center, a nonprofit organization in Birmingham, Ala.")."""


def _names_by_places(text: str) -> frozenset[str]:
    """The name each town in a region is given for: the one right after "-based"
    ("Montgomery, Ala.-based Southern Poverty Law Center"), else the nearest one before it."""
    names: set[str] = set()
    for place in _PLACE_IN_REGION.finditer(text):
        based = _BASED.match(text[place.end():])
        after = _MULTIWORD_NAME.match(text, place.end() + based.end()) if based else None
        before = [m.group(0) for m in _MULTIWORD_NAME.finditer(
            text, max(0, place.start() - PLACE_NAME_WINDOW), place.start())]
        if after is not None:
            names.add(after.group(0))
        elif before:
            names.add(before[-1])
    return frozenset(names)


def _places_apart(a: str, b: str) -> tuple[str, str] | None:
    """The two places when ``a`` and ``b`` place one event differently, else None."""
    offsets = {m.group("place"): m.group(0) for m in _OFFSET.finditer(a)}
    for match in _AT_PLACE.finditer(b):
        place = match.group("place")
        if place in offsets and not any(m.group("place") == place for m in _OFFSET.finditer(b)):
            return offsets[place], match.group(0)
    regions = {m.group("region").replace(" ", ""): m.group("place")
               for m in _PLACE_IN_REGION.finditer(a)}
    for match in _PLACE_IN_REGION.finditer(b):
        other = regions.get(match.group("region").replace(" ", ""))
        if other and other != match.group("place") and other not in b \
                and match.group("place") not in a:
            return other, match.group("place")
    return None


__all__ = ["TimeMention", "components", "other_event", "place_claims", "repeated_stems",
           "time_mentions", "when_claims"]
