"""Conflicts over *where* one event happened, and what marks another event.

Figures are compared by what they count (:mod:`newsweave.analyze.claims`); places have no such
noun, so they are compared by the event they attach to instead:

1. **Where.** One event placed at a town by one outlet and miles away from it by another, or
   at two towns of one state ("Fairfield, N.J." / "Caldwell, N.J."), or one organisation
   placed in two towns of one state; one person given two home towns ("LaSalle, 36, of
   Bloomington" / "LaSalle, 36, of Minneapolis"; :func:`residence_claims`).
2. **Another event.** A sentence that names another event than the story's ("the Lauda Air
   crash", "another earthquake", a year before the report's) is compared only with sentences
   about that event (:func:`other_event`).
3. **Streets.** One street named differently ("Independence Street" / "Independent Street",
   "Philip Street" / "Phillips Road"; :func:`street_claims`).

*When* one event happened is compared in :mod:`newsweave.analyze.when`, by the event words
of this module. (A first *when* pass, reading days and times by the
words around them, was deleted in round four: none of the 6 conflicts it found on clusters
held out from it was one a reader flagged; see ``docs/bench/conflicts.md``.)
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import replace
from datetime import date

import numpy as np
import scipy.sparse as sp
from rapidfuzz import fuzz
from scipy.sparse.csgraph import connected_components

from newsweave.analyze.names import TITLES
from newsweave.analyze.ner import CALENDAR_WORDS, ORG_WORDS
from newsweave.models import Claim, Sentence, Statement, Story
from newsweave.summarize.vectors import token_stems
from newsweave.text import tokenize
from newsweave.text.stopwords import STOP_WORDS

# Words folded to one event before comparing sentences: "took off", "left" and "departed" name
# one departure; "sank", "went down" and "plunged" one sinking. "Left" departs only as a verb:
# not after an article or a possessive ("his left knee", "the left wing"), not hyphened
# ("left-wing"), and not as what an event leaves behind ("left 80 people dead").
_LEFT_AS_DEPARTURE = (
    r"(?<!\bthe )(?<!\ba )(?<!\ban )(?<!\bhis )(?<!\bher )(?<!\bits )(?<!\btheir )(?<!\bmy )"
    r"(?<!\bour )(?<!\byour )left(?!-)"
    r"(?!(?:\s+[\w,-]+){0,4}?\s+(?:dead|injured|wounded|homeless|hurt|stranded|missing)\b)")
_EVENT_SYNONYMS = (
    (re.compile(rf"\b(?:took off|{_LEFT_AS_DEPARTURE}|departed|lifted off|take-?off)\b",
                re.IGNORECASE), "depart"),
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
    (re.compile(r"\b(?:fire|blaze|broke out)\b", re.IGNORECASE), "blaze"),
    (re.compile(r"\b(?:attack(?:ed|s)?|raid(?:ed)?|thwarted|foiled|intercepted)\b",
                re.IGNORECASE), "attack"),
)
EVENT_WORDS = frozenset(token_stems(word for _, word in _EVENT_SYNONYMS))
"""The folded event words: shared by most articles (every report tells of the crash), they
still tie two sentences to one event."""

EVENT_SIMILARITY = 0.03
"""Cosine enough when two sentences share a folded event word ("took off", "left"): the event
is named, so the sentences need only be about the same story, not say the same."""

_DAY_NAMES = CALENDAR_WORDS | {
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
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
    if not edges:
        return [[node] for node in range(size)]  # most figure groups: no sparse graph needed
    rows = [i for i, _ in edges]
    cols = [j for _, j in edges]
    graph = sp.csr_matrix((np.ones(len(edges)), (rows, cols)), shape=(size, size))
    _, labels = connected_components(graph, directed=False)
    groups: dict[int, list[int]] = defaultdict(list)
    for node, label in enumerate(labels.tolist()):
        groups[label].append(node)
    return list(groups.values())


def folded_tokens(text: str) -> list[str]:
    """Content tokens of ``text``, event phrases folded; numbers, days and months dropped."""
    for pattern, word in _EVENT_SYNONYMS:
        text = pattern.sub(word, text)
    return [t for t in tokenize(text) if not t[:1].isdigit() and t not in _DAY_NAMES
            and t not in STOP_WORDS]


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
_OFFSET_UNITS = ("miles", "kilomet", "km")
"""Strings one of which every :data:`_OFFSET` match holds (it is case-sensitive): a sentence
without them, nearly every one, is not searched, the pattern being slow to fail on any."""
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
        The story, and the TF-IDF cosine of every two of its sentences, rows in
        ``story.sentences`` order.

    Returns
    -------
    list of Claim
        One conflict per pair of sentences, valued with the two places.
    """
    sentences = story.sentences
    can_place = _may_place_apart(sentences)
    # Only the pairs _places_apart could answer are looked at: most sentences name no place.
    placeable = np.where(can_place, similarity, -np.inf)
    needed = np.asarray(can_place.any(axis=1), dtype=bool)
    events = [frozenset(token_stems(folded_tokens(s.text))) & EVENT_WORDS if needed[k]
              else frozenset() for k, s in enumerate(sentences)]
    names = [_names_by_places(s.text) if needed[k] else frozenset()
             for k, s in enumerate(sentences)]
    claims: dict[tuple[str, ...], Claim] = {}
    for i, j, a, b in _outlet_pairs(sentences, placeable, EVENT_SIMILARITY):
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


def _may_place_apart(sentences: tuple[Sentence, ...]) -> np.ndarray:
    """Which pairs of sentences :func:`_places_apart` could find two places in, either way
    round: one gives a distance and the other a place, or both a town of a region. A
    necessary condition, cheap to test once a sentence instead of once a pair."""
    def has(pattern: re.Pattern[str]) -> np.ndarray:
        return np.array([pattern.search(s.text) is not None for s in sentences], dtype=bool)

    offset = np.array([any(unit in s.text for unit in _OFFSET_UNITS)
                       and _OFFSET.search(s.text) is not None for s in sentences], dtype=bool)
    at_place, in_region = has(_AT_PLACE), has(_PLACE_IN_REGION)
    return (np.outer(offset, at_place) | np.outer(at_place, offset)
            | np.outer(in_region, in_region))


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


# A person's home town as news gives it: "Anthony Phillip LaSalle, 36, of Bloomington",
# "LuAnn Marie Johnson of Burnsville": a full name (two or more capitalised words), an age in
# apposition or not, then "of" and the town.
_RESIDENT = re.compile(
    r"\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*\s+(?P<surname>[A-Z][A-Za-z'-]+)"
    r"(?:,\s+\d{1,3},)?\s+of\s+(?P<place>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\b")


_NOT_SURNAMES = ORG_WORDS | TITLES
"""Words that end a name of an organisation or an office, not a person's: what follows their
"of" is their field or country, not a home town."""


def residence_claims(story: Story) -> list[Claim]:
    """Conflicts where outlets give one person different home towns ("LaSalle, 36, of
    Bloomington" / "LaSalle, 36, of Minneapolis").

    A person is known by surname; two outlets that give the same surname two towns disagree
    on where that person lives, unless one of them gives both towns (two people, or a town and
    its district).

    Parameters
    ----------
    story:
        Articles already split into sentences.

    Returns
    -------
    list of Claim
        One conflict per surname, each sentence that gives a town once.
    """
    said: dict[str, dict[str, list[tuple[Sentence, str]]]] = defaultdict(lambda: defaultdict(list))
    for sentence in story.sentences:
        for match in _RESIDENT.finditer(sentence.text):
            if match.group("surname").lower() in _NOT_SURNAMES:
                continue  # "the European Court of Human Rights", "Secretary of State"
            said[match.group("surname")][sentence.article_id].append(
                (sentence, match.group("place")))
    claims = []
    for surname, by_article in said.items():
        towns = {a: {town for _, town in given} for a, given in by_article.items()}
        if len({frozenset(t) for t in towns.values()}) < 2 or any(
                len(t) > 1 for t in towns.values()):
            continue
        statements = tuple(Statement(ref=s.ref, text=s.text, value=town)
                           for given in by_article.values() for s, town in given[:1])
        claims.append(Claim(
            kind="conflict", topic=f"where {surname} lives", statements=statements,
            note="the outlets give different home towns (" + "; ".join(
                f"{story.article(st.ref.article_id).label}: {st.value}" for st in statements)
            + ")"))
    return claims


# 4. Streets named differently ----------------------------------------------------------------

_STREET_KIND_WORDS = ("Street", "St.", "Road", "Rd.", "Avenue", "Ave.", "Boulevard", "Blvd.",
                      "Lane", "Drive", "Place")
# A street as news names it: "Independence Street", "Fourth Avenue", "2088 Philip Street".
_STREET = re.compile(rf"\b(?P<name>[A-Z][a-z]+)\s+"
                     rf"(?P<kind>{'|'.join(map(re.escape, _STREET_KIND_WORDS))})(?=\W|$)")

STREET_SIMILARITY = 75
"""rapidfuzz ratio (0-100) at or above which two street names are one street spelled or
typed differently ("Independent" / "Independence" 87, "Philip" / "Phillips" 86), not two
streets ("Church" / "Chestnut" 43). People's names are not compared this way: on dev most
given names spelled two ways were transliterations ("Dmitry" / "Dmitriy" Medvedev, "Masoud" /
"Massoud" Dalman, "Grigory" / "Gregory" Yavlinsky), which a reader does not flag."""


def street_claims(story: Story) -> list[Claim]:
    """Conflicts where outlets name one street differently ("Independence Street" /
    "Independent Street"; "Fourth Avenue" / "Fourth Street"; "Philip Street" / "Phillips
    Road").

    Street names of close spelling (:data:`STREET_SIMILARITY`) are one street; an article that
    names two of them speaks of two streets (a corner), and then none of them is compared.
    Each conflict quotes, of each article, the first sentence that names the street.
    """
    named: dict[str, dict[str, Sentence]] = defaultdict(dict)
    for sentence in story.sentences:
        if not any(kind in sentence.text for kind in _STREET_KIND_WORDS):
            continue  # most sentences name no street
        for match in _STREET.finditer(sentence.text):
            kind = match.group("kind").rstrip(".")
            street = f"{match.group('name')} {_STREET_KINDS.get(kind, kind)}"
            named[street].setdefault(sentence.article_id, sentence)
    streets = list(named)
    edges = [(i, j) for i in range(len(streets)) for j in range(i + 1, len(streets))
             if fuzz.ratio(streets[i].split()[0], streets[j].split()[0]) >= STREET_SIMILARITY]
    claims = []
    for group in components(len(streets), edges):
        claim = _street_claim(story, {streets[k]: named[streets[k]] for k in group})
        if claim is not None:
            claims.append(claim)
    return claims


_STREET_KINDS = {"St": "Street", "Rd": "Road", "Ave": "Avenue", "Blvd": "Boulevard"}


def _street_claim(story: Story, names: dict[str, dict[str, Sentence]]) -> Claim | None:
    """A conflict when two or more names of one street come from different articles, each
    keeping to one; None otherwise."""
    articles = [a for by_article in names.values() for a in by_article]
    if len(names) < 2 or len(articles) != len(set(articles)):
        return None
    statements = tuple(Statement(ref=s.ref, text=s.text, value=name)
                       for name, by_article in names.items() for s in by_article.values())
    said = "; ".join(f"{story.article(st.ref.article_id).label}: {st.value}"
                     for st in statements)
    return Claim(kind="conflict", topic=f"street: {' / '.join(names)}", statements=statements,
                 note=f"the outlets name the street differently ({said})")


__all__ = ["components", "other_event", "place_claims", "repeated_stems", "residence_claims",
           "street_claims"]
