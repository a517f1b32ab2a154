"""Direct quotes and who said them.

News attributes a quote in a handful of fixed shapes, and :func:`find_quotes` reads them in
this order, first match wins:

1. after the quote, verb then name: ``"...," said Ilyas Omarov, a spokesman``;
2. after the quote, name or pronoun then verb: ``"...," Forestier-Walker said`` /
   ``"...," he said``;
3. before the quote: ``Al Jazeera's Robin Forestier-Walker, in southern Kyrgyzstan, said: "..."``;
4. a partial quote reported by the one speaker named before it: ``Morningstar said the plane
   "is not ..."``;
5. no attribution: the speaker of the sentence's quote before it (``"...," said Scott, "and
   ..."``), or, for a quote opening its sentence right after one, of that quote: a quotation
   running on over paragraphs. A quote with unread narration before it stays unnamed.

A pronoun ("he", "it") is resolved to the last speaker named in the article within
:data:`PRONOUN_WINDOW` sentences, counting reported speech ("Azattyk radio said ..."), and a
surname to the full name used before ("Omarov" -> "Ilyas Omarov"); otherwise the speaker is
None. Scare quotes ("a "deportation"") are not quotes: a quote has at least
:data:`MIN_QUOTE_WORDS` words.

Quotes are listed speaker by speaker in turns of up to :data:`QUOTES_PER_TURN`, the speakers
most sources name first: a brief of 25 reports holds a hundred quotes, and its first dozen
should be the story's main voices, several of them, not the first report's. Within a turn a
speaker's quotes stay together and in order, since one often runs on over paragraphs.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace

from newsweave.analyze.names import TITLES, is_title
from newsweave.analyze.ner import CALENDAR_WORDS, DESCRIBES, ORG_WORDS, PLACE_WORDS, TITLE_SEQUELS
from newsweave.models import Article, Quote, Sentence, Story
from newsweave.text.stopwords import STOP_WORDS

MIN_QUOTE_WORDS = 4
"""Words a quoted span needs to be a quote rather than a quoted term ("spilling blood")."""

MAX_NAME_WORDS = 3
"""Words kept from the end of a capitalised run before or after "said"."""

PRONOUN_WINDOW = 3
"""Sentences back that a "he said" may reach for its speaker."""

QUOTES_PER_TURN = 3
"""Quotes a speaker gives before the next speaker's turn: the chief executive quoted twenty
times still leaves room for the others in the first dozen."""

_VERBS = (r"(?:said|says|say|told|tells|added|adds|warned|warns|stated|explain(?:ed|s)"
          r"|insist(?:ed|s)|not(?:ed|es)|declare[ds]|ask(?:ed|s)|wrote|writes|recall(?:ed|s)"
          r"|argue[ds]|continue[ds]|replied|replies|predict(?:ed|s)|acknowledge[ds]|admit(?:ted|s)"
          r"|concede[ds]|complain(?:ed|s)|caution(?:ed|s)|respond(?:ed|s)|counter(?:ed|s)"
          r"|quip(?:ped|s)|observe[ds]|murmured|whispered|shouted|cried|joked|boast(?:ed|s)"
          r"|remark(?:ed|s)|emphasi[zs]e[ds]|stress(?:ed|es)|conclude[ds]|recount(?:ed|s)"
          r"|testified|announce[ds]|demand(?:ed|s))")
# A name may hold "of" ("Bureau of Accident Investigations", "Secretary of State Madeleine
# Albright").
_NAME = (r"(?:[A-Z][\w.'’-]*(?:\s+(?:de|al|bin|van|von|la|of(?:\s+the)?)?\s*"
         r"[A-Z][\w.'’-]*){0,5})")
_PRONOUN = r"(?:he|she|it|they)"
_MARK = re.compile(r"``|''|[\"“”]")
_CLOSERS = frozenset({"”", "''"})
_OPENS = re.compile(r"^\s*(?:``|[\"“])")
# Words set off between a name and its verb: "Smith, a spokesman, said"; two commas' worth when
# they open in lower case, on no conjunction ("Richard Fox, an agent with the Bureau of
# Alcohol, Tobacco and Firearms, said").
_APPOSITIVE = (r"(?:,[^,\"“]+,|,\s+(?!(?:as|and|but|or|if|when|while|though|because)\b)[a-z]"
               r"[^,\"“]*,[^,\"“]*,)?")
# An office between the verb and the name: "said EU education commissioner Viviane Reding",
# "said State Department spokesman Nicholas Burns" (else the speaker is "EU").
_ROLES = (r"(?:spokes(?:man|woman|person)|minister|commissioner|secretary|official|chief"
          r"|president|head|leader|ambassador|envoy|director|chairman|chairwoman|correspondent"
          r"|analyst|expert|professor|lawyer|attorney|prosecutor|representative|adviser"
          r"|advisor|aide|governor|mayor|senator|commander|officer)")
_OFFICE = rf"(?:(?:the\s+)?(?:{_NAME}\s+)?(?:[a-z][\w-]*\s+){{0,2}}?{_ROLES},?\s+)"
# A description set off before the name: "said the Southampton town supervisor, Vincent
# Cannuscio", "said a spokeswoman, Susan Asmus", "said her mother, Amancia Reyes".
_DESCRIBED = (rf"(?:(?:the|a|an|his|her|their|{_NAME}['’]s)\s+(?:{_NAME}\s+)?"
              rf"(?:[a-z][\w-]*\s+){{0,2}}[a-z][\w-]*,\s+)")
# A name ending its clause, as after "the" one must: "said the Rev. Christopher Carlisle, an
# Episcopal priest", "says the Times.", not "said the Southampton town supervisor".
_CLAUSE_END = r"(?=\s*[,.;:]|\s*$|\s+(?:of|in|at|on)\s)"
# Who after the verb: "said Ilyas Omarov", "said the spokesman, John Smith", "said the Rev.
# Christopher Carlisle".
_NAMED = (rf"(?:{_OFFICE}|{_DESCRIBED})?(?:the\s+(?={_NAME}{_CLAUSE_END}))?"
          rf"(?P<name>{_NAME})")
# A word between a name and its verb before the quote: "Quayle also said: ...", "Smith
# later told reporters ...".
_ADVERB = r"(?:\s+(?:also|later|then|again|once|[a-z]+ly))?"
_AFTER_VERB_NAME = re.compile(rf"^\s*,?\s*{_VERBS}\s+{_NAMED}")
# A source, read last: 'Makhashev said he was not making "a threat," according to Interfax'
# is Makhashev's.
_ACCORDING = re.compile(rf"^\s*,?\s*according\s+to\s+{_NAMED}")
_AFTER_NAME_VERB = re.compile(
    rf"^\s*,?\s*(?:(?:a|an|the)\s+[a-z]+\s+|the\s+)?(?P<name>{_NAME}|{_PRONOUN})"
    rf"{_APPOSITIVE}{_ADVERB}\s+{_VERBS}\b"
)
# The verb first before the quote: 'Says McCarty: "..."', 'Still, said Lee, "..."'.
_VERB_FIRST = re.compile(rf"(?:^|[,;]\s*)(?i:{_VERBS})\s+{_NAMED}\s*[:,]?\s*$")
# Reported speech with the verb first: "..., said Cindy Stanphill, the manager there."
# The name ends its clause: "said the Chinese orphanages operate ..." names no one.
_REPORTED_AFTER = re.compile(rf",\s+{_VERBS}\s+{_NAMED}{_CLAUSE_END}")
_BEFORE = re.compile(
    rf"(?P<name>{_NAME}|\b{_PRONOUN}){_APPOSITIVE}{_ADVERB}\s+{_VERBS}(?:\s+\w+)?\s*[:,]?\s*$"
)
# Reported speech names a speaker too: "Azattyk radio said ...", "the ministry said ...".
_SPEECH = re.compile(rf"\b{_VERBS}\b")
# Someone speaks after the quote, in words not read as a name.
_UNREAD_AFTER = re.compile(rf"\b(?:{_VERBS}|according\s+to)\b")
_MEDIUM = r"(?:\s+(?:radio|television|newspaper|news agency|agency|spokesman))?"
_REPORTED = re.compile(rf"(?P<name>{_NAME}){_MEDIUM}{_APPOSITIVE}\s+{_VERBS}\b")
# A partial quote's speaker, reporting it before its marks: 'Byrd said this was "a remarkable
# position to take."', 'But, he said, innovations ... have "proved to be a boon."'
_SAYS_BEFORE = re.compile(
    rf"(?P<name>{_NAME}|\b{_PRONOUN}){_MEDIUM}{_APPOSITIVE}{_ADVERB}\s+{_VERBS}\b")
# A sentence's subject whose words a participle reports: 'Locke agreed, calling salmon "the
# very definition of the Pacific Northwest."'
# The verb in the past ("White House counsel Charles Ruff refused" is no name and verb).
_SAYING = re.compile(rf"^(?P<name>{_NAME}){_APPOSITIVE}\s+(?:ha[sd]\s+)?(?:also\s+)?[a-z]+ed\b"
                     rf"[^\"“,]*,\s+(?:saying|adding|calling|noting|arguing|warning|insisting"
                     rf"|explaining)\b[^\"“]*$")
# A name after a preposition is where the speaker is or works, not the speaker ('a geophysicist
# in Golden, Colo., said', 'an agent with the Bureau of Alcohol, Tobacco and Firearms, said').
_OBJECT_BEFORE = re.compile(
    r"\b(?:with|of|for|by|(?<!according )to|on|at|in|near|from)\s+(?:the\s+)?$")
_POSSESSOR = re.compile(r"^.*['’]s\s+")
_POSSESSIVE_MARK = re.compile(r"['’]s?$")
# Words before a name that are not part of it; names.TITLES plus the words of ranks and the
# offices of companies it lacks ("Rear Adm.", "Army Maj.", "CEO Howard Schultz").
_TITLES = TITLES | {"navy", "army", "rear", "major", "ceo", "executive", "founder",
                    "co-founder", "cofounder", "director", "manager", "analyst", "editor",
                    "owner", "coach", "secretary-general"}
_NOT_NAME_WORDS = (_TITLES | STOP_WORDS | TITLE_SEQUELS | {"agent", "madame", "sister"}
                   | frozenset(re.findall(r"[a-z]+", _VERBS)))
"""Words a speaker's name does not open with: titles, function words, speech verbs."""
_NOT_PERSON_WORDS = ORG_WORDS | PLACE_WORDS | CALENDAR_WORDS | _NOT_NAME_WORDS
"""Words that make a name at a sentence's opening no person's ("Early Friday", "Hewlett-Packard
Co.")."""
# A sentence opening on a name, then a comma or a word in lower case: its subject.
# One person, not a list ("Barak, Arafat and Clinton gathered ...").
_SUBJECT = re.compile(rf"^(?:(?:But|And|Still|Yet|Now|So),?\s+)?(?P<name>{_NAME})"
                      rf"(?!(?:,\s*{_NAME})*,?\s+(?:and|or|&)\s)(?:,|\s+[a-z])")
_HONORIFIC = re.compile(r"\b(Mr|Mrs|Ms|Miss)\.?\s+(?:[A-Z][\w.'’-]*\s+)*?"
                        r"(?P<surname>[A-Z][\w'’-]+)\b(?!\s+[A-Z])")
_SUBORDINATORS = frozenset({"After", "When", "While", "If", "Although", "Though", "Because",
                            "Since", "Before", "Until", "Unless", "As", "Once", "Whether"})
"""Openings of a clause whose subject is not the sentence's ("After Budd gave his name, the
employee asked ...")."""
_CAPITALISED_BEFORE = re.compile(r"[A-Z][\w.'’-]*\s+$")
_SENTENCE_OPENING = re.compile(r"(?:^|[.!?:]['\"”’]*\s+|\n\s*|[\"“`]\s*|_\s+)$")
_NOT_NAMES = frozenset({"The", "A", "An", "In", "On", "But", "And", "It", "He", "She", "They",
                        "This", "That", "Earlier", "Later", "Meanwhile"})


@dataclass
class _Memory:
    """What an article has said so far: the names seen, the last speaker and where."""

    names: list[str]
    speaker: str | None = None
    speaker_at: int = -PRONOUN_WINDOW - 1
    quote_at: int = -2
    subject: str | None = None
    subject_at: int = -2
    pronouns: dict[str, str] = field(default_factory=dict)
    """"he" or "she" for a name ('"...," he said') or for a surname after an honorific ("Ms.
    Beck")."""


def find_quotes(story: Story) -> tuple[Quote, ...]:
    """Every direct quote in the story with its speaker, article by article.

    Parameters
    ----------
    story:
        Articles already split into sentences.

    Returns
    -------
    tuple of Quote
        Speaker by speaker in turns of up to :data:`QUOTES_PER_TURN`, those named by the most
        articles first (ties: who speaks first), each speaker's quotes in story order; quotes
        with no clear speaker (``speaker`` None) last, in story order.
    """
    quotes = [q for article in story.articles for q in _article_quotes(article)]
    plain = _plain_names({q.speaker for q in quotes if q.speaker}, story)
    quotes = [_renamed(q, plain) for q in quotes]
    full_names = _full_names(q.speaker for q in quotes)
    by_speaker: dict[str, list[Quote]] = defaultdict(list)
    unnamed = []
    for quote in _first_of_each(_renamed(q, full_names) for q in quotes):
        if quote.speaker is None:
            unnamed.append(quote)
        else:
            by_speaker[quote.speaker].append(quote)
    words = [_words(article.text) for article in story.articles]
    reach = {speaker: _articles_naming(words, speaker) for speaker in by_speaker}
    speakers = sorted(by_speaker, key=lambda speaker: -reach[speaker])  # stable: first first
    turns = max(map(len, by_speaker.values()), default=0)
    ordered = (quote for turn in range(0, turns, QUOTES_PER_TURN) for speaker in speakers
               for quote in by_speaker[speaker][turn:turn + QUOTES_PER_TURN])
    return (*ordered, *unnamed)


def _renamed(quote: Quote, names: dict[str, str]) -> Quote:
    if quote.speaker is None or quote.speaker not in names:
        return quote
    return replace(quote, speaker=names[quote.speaker])


def _plain_names(speakers: Iterable[str], story: Story) -> dict[str, str]:
    """Three-word speakers whose first word is a common noun capitalised at a sentence's
    opening ("Balloonists Bertrand Piccard", "Pilots Brian Jones") to the name without it: the
    story writes the word in lower case elsewhere ("the balloonists") and the name without it
    ("said Bertrand Piccard"). "John Paul Stevens" stays: "Paul Stevens" never stands alone."""
    text = "\n".join(article.text for article in story.articles)
    plain = {}
    for speaker in speakers:
        first, *rest = speaker.split()
        if len(rest) == 2 and first.istitle() and _common_noun(first, text) \
                and _stands_alone(" ".join(rest), text):
            plain[speaker] = " ".join(rest)
    return plain


def _common_noun(word: str, text: str) -> bool:
    """Whether the text writes the word in lower case ("the balloonists") and capitalises it
    only to open a sentence (not "Bill", of "President Bill Clinton" and "Bill Dal Col")."""
    return f" {word.lower()}" in text and all(
        _SENTENCE_OPENING.search(text, max(0, at - 5), at) for at in _places(word, text))


def _stands_alone(name: str, text: str) -> bool:
    """Whether the text has the name with no capitalised word just before it."""
    return any(not _CAPITALISED_BEFORE.search(text, max(0, at - 40), at)
               for at in _places(name, text))


def _places(words: str, text: str) -> Iterator[int]:
    """Where the words stand whole in the text ("Educator", not "Parent Educators"), found by
    plain substring search: a story's text is long and a regular expression per speaker slow."""
    at = text.find(words)
    while at >= 0:
        end = at + len(words)
        if not (text[at - 1:at].isalnum() or text[end:end + 1].isalnum()):
            yield at
        at = text.find(words, end)


def _first_of_each(quotes: Iterable[Quote]) -> list[Quote]:
    """A quote two reports carry word for word (wire copy) once, where it is first given, with
    a speaker if any report names one."""
    first: dict[str, Quote] = {}
    for quote in quotes:
        kept = first.get(quote.text)
        if kept is None or (kept.speaker is None and quote.speaker):
            first[quote.text] = quote
    return list(first.values())


def _full_names(speakers: Iterable[str | None]) -> dict[str, str]:
    """A surname one report quotes ("Schultz said") to the full name another gives it
    ("Howard Schultz"), where only one speaker of the story has that surname."""
    by_surname: dict[str, set[str]] = defaultdict(set)
    for speaker in filter(None, speakers):
        if len(speaker.split()) > 1:
            by_surname[speaker.split()[-1]].add(speaker)
    return {surname: next(iter(names)) for surname, names in by_surname.items()
            if len(names) == 1}


def _articles_naming(words: list[frozenset[str]], speaker: str) -> int:
    """How many articles name the speaker (by the last word of the name: "Schultz"), given
    each article's words: a set per article, so that a story of hundreds of reports is read
    once, not once per speaker."""
    surname = speaker.split()[-1].rstrip(".,")
    return sum(surname in article for article in words)


# A word with its inner apostrophes and hyphens ("O'Brien", "Abu-Jamal", "Schultz's").
_WORD = re.compile(r"\w+(?:[-'’]\w+)*")


def _words(text: str) -> frozenset[str]:
    """The words of ``text``, each also split at its apostrophes and hyphens ("Schultz's"
    gives "Schultz")."""
    found: set[str] = set()
    for word in _WORD.findall(text):
        found.add(word)
        found.update(re.split(r"[-'’]", word))
    return frozenset(found)


@dataclass
class _Found:
    """A quote being read: where it is, what it says, who said it and how sure that is."""

    sentence: Sentence
    text: str
    speaker: str | None
    attributed: bool
    runs_on: bool
    fallback: str | None = None


def _article_quotes(article: Article) -> list[Quote]:
    """The article's quotes; a quotation running over sentences takes the speaker named where
    it closes ('"At this point we do not know. ... never know," Hall said.')."""
    memory = _Memory(names=[])
    found: list[_Found] = []
    inside, paragraph = False, 0
    for sentence in article.sentences:
        # A quotation goes on in a new paragraph only by opening it with a mark of its own: one
        # left open is a lost closing mark, and the narration after it no quote.
        inside, paragraph = inside and sentence.paragraph == paragraph, sentence.paragraph
        spans, inside = _spans(sentence.text, inside)
        spans = [span for span in spans if len(span.text.split()) >= MIN_QUOTE_WORDS]
        for span in spans:
            previous = found[-1] if found and found[-1].sentence is sentence else None
            found.append(_read(sentence, span, memory, previous))
            memory.quote_at = sentence.index
        _remember(sentence, memory, bool(spans))
    for later, earlier in zip(found[::-1], found[-2::-1], strict=False):
        if earlier.runs_on and not earlier.attributed and later.attributed \
                and later.sentence.index - earlier.sentence.index <= 1:
            earlier.speaker, earlier.attributed = later.speaker, True
    return [Quote(speaker=f.speaker if f.attributed else f.fallback, text=f.text,
                  ref=f.sentence.ref) for f in found]


@dataclass(frozen=True, slots=True)
class _Span:
    """A quotation inside a sentence: the offsets of its marks and of the words between."""

    open: int
    start: int
    end: int
    close: int
    text: str


def _spans(text: str, inside: bool) -> tuple[list[_Span], bool]:
    """The quotations in ``text`` and whether it ends inside one.

    ``inside`` says the sentence before ended inside a quotation: then the text runs on in it
    up to the first mark, unless the sentence opens with a mark of its own (the convention
    for a quotation that goes on in a new paragraph)."""
    spans: list[_Span] = []
    opened: int | None = 0 if inside and not _OPENS.match(text) else None
    content = 0
    for mark in _MARK.finditer(text):
        closing = mark.group(0) in _CLOSERS or (opened is not None and mark.group(0) == '"')
        if opened is None and not closing:
            opened, content = mark.start(), mark.end()
            continue
        begin = content if opened is not None else 0
        words = text[begin:mark.start()].strip(" ,")
        spans.append(_Span(opened or 0, begin, mark.start(), mark.end(), words))
        opened = None
    if opened is not None:
        spans.append(_Span(opened, content, len(text), len(text), text[content:].strip(" ,")))
        return spans, True
    return spans, False


def _read(sentence: Sentence, span: _Span, memory: _Memory, previous: _Found | None) -> _Found:
    """The quote in ``span`` with its speaker; ``previous`` is the sentence's quote before it,
    if any."""
    runs_on = span.end == len(sentence.text)
    after = sentence.text[span.close:]
    before = sentence.text[:span.open]
    next_mark = _MARK.search(after)
    rest = after[:next_mark.start()] if next_mark else after  # up to the sentence's next quote
    for match in (_AFTER_VERB_NAME.match(after), _AFTER_NAME_VERB.match(after),
                  _BEFORE.search(before), _VERB_FIRST.search(before), _sole_sayer(before),
                  _SAYING.match(before),
                  _sole_sayer(rest), _REPORTED_AFTER.search(rest), _ACCORDING.match(after)):
        if match and _a_place(match):
            break
        if match and match.group("name") not in _NOT_NAMES - {"He", "She", "It"} \
                and match.group("name").rstrip(".").lower() not in CALENDAR_WORDS:  # "said Monday."
            # Read but unresolved ('"...," she said' with no woman at hand): no one's, rather
            # than the last speaker's.
            speaker = _resolve(match.group("name"), sentence.index, memory)
            return _Found(sentence, span.text, speaker, speaker is not None, runs_on)
    unread = bool(_UNREAD_AFTER.search(rest) or (previous is None and before.strip()))
    fallback = None if unread else _running_on(sentence, memory, previous)
    return _Found(sentence, span.text, None, False, runs_on, fallback=fallback)


def _sole_sayer(before: str) -> re.Match[str] | None:
    """The one speech clause between the last quote mark and a quote ('Morningstar said the
    Saratoga "is ..."'), or in the words after a quote ('"I don't know how you put a price tag
    on the investigation" of such a suspect, McCraw said'); none when two people speak there
    ('Smith said Jones told him "..."')."""
    since_mark = before[max((mark.end() for mark in _MARK.finditer(before)), default=0):]
    clauses = [match for match in _SAYS_BEFORE.finditer(since_mark)
               if match.group("name") not in _NOT_NAMES - {"He", "She", "It"}
               and not _a_place(match)]
    return clauses[0] if len({match.group("name") for match in clauses}) == 1 else None


def _running_on(sentence: Sentence, memory: _Memory, previous: _Found | None) -> str | None:
    """The speaker of the quote just before: the sentence's own ('"...," said Scott, "and
    ..."'), else, for a quote opening its sentence, the speaker of the sentence before, quoted
    or reporting ('"..." Smith said. "..."', 'Brown says she tries to ... "If I hear ..."').
    The caller gives none to a quote with words of its own before it ('Founder Jane Doe, who
    ..., said in a short Webcast, "..."') or a speaker after it ('"..." if the strike ends, said
    Shoemaker, who ...', 'according to a source'): someone else's, unread."""
    if previous is not None:
        return previous.speaker if previous.attributed else previous.fallback
    just_before = sentence.index - 1 in (memory.quote_at, memory.speaker_at)
    return memory.speaker if just_before else None


def _a_place(match: re.Match[str]) -> bool:
    """Whether the name before "said" is where the speaker is ("a geophysicist at the center
    in Golden, Colo., said"): the speaker is then no name the patterns can take."""
    return bool(_OBJECT_BEFORE.search(match.string, 0, match.start("name")))


def _resolve(name: str, index: int, memory: _Memory) -> str | None:
    """A pronoun to the recent speaker, a surname to the full name, a possessor and titles
    dropped ("Al Jazeera's Robin Forestier-Walker", "Admiral Vladimir Kuroyedov")."""
    if name.lower() in ("he", "she", "it", "they"):
        return _resolve_pronoun(name.lower(), index, memory)
    untitled = _untitled(_POSSESSOR.sub("", name).strip())
    if untitled is None:
        return None
    name = untitled
    full = next((n for n in memory.names if n != name and n.endswith(" " + name)), name)
    memory.speaker, memory.speaker_at = full, index
    return full


def _resolve_pronoun(pronoun: str, index: int, memory: _Memory) -> str | None:
    """"he" or "she" to the person the sentence before opened on, else (and "it", "they") to
    the recent speaker; never to one the article calls by another pronoun ('"...," she said'
    after Barry, whom a '"...," he said' named)."""
    candidates = [memory.subject] if pronoun in ("he", "she") \
        and memory.subject_at == index - 1 else []
    if index - memory.speaker_at <= PRONOUN_WINDOW:
        candidates.append(memory.speaker)
    person = next((candidate for candidate in candidates
                   if candidate and _called(candidate, memory) in (None, pronoun)), None)
    if person is None:
        return None
    if pronoun in ("he", "she"):
        memory.pronouns[person] = pronoun
    if person != memory.speaker:
        memory.speaker, memory.speaker_at = person, index
    return person


def _called(person: str, memory: _Memory) -> str | None:
    """The pronoun the article used for the person, or the one an honorific before the surname
    gives ("Ms. Beck")."""
    return memory.pronouns.get(person) or memory.pronouns.get(person.split()[-1])


def _is_title(word: str) -> bool:
    return word in _TITLES or is_title(word)


def _untitled(name: str) -> str | None:
    """The name without the titles and offices before it, what stands before a title being
    the title's ("Coast Guard Rear Admiral Richard Larrabbee", "Attorney General Janet Reno",
    "President-elect Hugo Chavez"), a description ("London-based Amnesty International"), a
    possessive's mark ("Jones'") and a sentence's opening verb no part of it ("Added Woody
    Enderson"); a person's name is at most :data:`MAX_NAME_WORDS` words. None when only titles
    are left ("Adm.", "Secretary")."""
    words = [word for word in _POSSESSIVE_MARK.sub("", name.rstrip(".")).split()
             if not DESCRIBES.search(word)]
    titles = [i for i, word in enumerate(words[:-1]) if _is_title(word.rstrip(".").lower())]
    if titles:
        words = words[titles[-1] + 1:]
        if words[0] == "of":  # the office's department: "Secretary of State Madeleine Albright"
            words = words[2:]
    if "of" in words:
        head = words[:words.index("of")]
        if not {word.lower() for word in head} & ORG_WORDS:
            words = head  # a person and where from: "Steve Miller of Air News"
        else:  # an institution, whole: "the Bureau of Accident Investigations"
            return " ".join(words[1:] if words[0].lower() in STOP_WORDS else words)
    words = words[-MAX_NAME_WORDS:]
    while words and words[0].rstrip(".").lower() in _NOT_NAME_WORDS:
        words = words[1:]
    return " ".join(words) or None


def _remember(sentence: Sentence, memory: _Memory, quoted: bool) -> None:
    """Names and reported speakers outside the quotes, for later pronouns and surnames."""
    for match in re.finditer(_NAME, _MARK.sub(" ", sentence.text)):
        name = _untitled(_POSSESSOR.sub("", match.group(0)).strip())
        if name and " " in name and name not in memory.names:
            memory.names.append(name)
    for honorific in _HONORIFIC.finditer(sentence.text):
        memory.pronouns[honorific.group("surname")] = "he" if honorific.group(1) == "Mr" else "she"
    if not quoted:
        memory.subject, memory.subject_at = _person_subject(sentence.text, memory), sentence.index
    speaks = not quoted and _SPEECH.search(sentence.text)  # a cheap test first: most do not
    reported = speaks and (_REPORTED.search(sentence.text)
                           or _REPORTED_AFTER.search(sentence.text))
    if reported and _a_place(reported):  # someone speaks, but not by a name read here
        memory.speaker, memory.speaker_at = None, sentence.index
    elif reported and reported.group("name") not in _NOT_NAMES \
            and reported.group("name").rstrip(".").lower() not in CALENDAR_WORDS:
        _resolve(reported.group("name"), sentence.index, memory)


def _person_subject(text: str, memory: _Memory) -> str | None:
    """The person a sentence opens on, whom a "he said" in the next sentence is: 'Thomas
    Terich, a professor of geography, empathizes with the opponents. "It's a difficult
    situation," he says.' A surname counts when it is one full name's of the article; a name
    with an organisation's, a place's or a date's word is no person."""
    opening = _SUBJECT.match(text)
    name = opening and _untitled(_POSSESSOR.sub("", opening.group("name")).strip())
    if not name or opening is None or _POSSESSOR.match(opening.group("name")) \
            or opening.group("name").split()[0] in _SUBORDINATORS:  # 'After Budd gave ...'
        return None
    if " " not in name:  # a surname: of one full name, or a person by an honorific ("Ms. Beck")
        full = [known for known in memory.names if known.endswith(" " + name)]
        if len(full) == 1:
            return full[0]
        return name if _HONORIFIC.match(opening.group("name")) else None
    words = {word.rstrip(".").lower() for word in name.split()}
    return None if words & _NOT_PERSON_WORDS else name
