"""Direct quotes and who said them.

News attributes a quote in a handful of fixed shapes, and :func:`find_quotes` reads them in
this order, first match wins:

1. after the quote, verb then name: ``"...," said Ilyas Omarov, a spokesman``;
2. after the quote, name or pronoun then verb: ``"...," Forestier-Walker said`` /
   ``"...," he said``;
3. before the quote: ``Al Jazeera's Robin Forestier-Walker, in southern Kyrgyzstan, said: "..."``;
4. no attribution, but the sentence before held a quote: a quotation running on over
   paragraphs, so the same speaker.

A pronoun ("he", "it") is resolved to the last speaker named in the article within
:data:`PRONOUN_WINDOW` sentences, counting reported speech ("Azattyk radio said ..."), and a
surname to the full name used before ("Omarov" -> "Ilyas Omarov"); otherwise the speaker is
None. Scare quotes ("a "deportation"") are not quotes: a quote has at least
:data:`MIN_QUOTE_WORDS` words.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from newsweave.analyze.names import TITLES
from newsweave.models import Article, Quote, Sentence, Story

MIN_QUOTE_WORDS = 4
"""Words a quoted span needs to be a quote rather than a quoted term ("spilling blood")."""

PRONOUN_WINDOW = 3
"""Sentences back that a "he said" may reach for its speaker."""

_VERBS = (r"(?:said|says|say|told|tells|added|adds|warned|warns|stated|explained|insisted"
          r"|noted|declared|asked|wrote|recalled|argued|continued|replied)")
_NAME = r"(?:[A-Z][\w.'’-]*(?:\s+(?:de|al|bin|van|von|la)?\s*[A-Z][\w.'’-]*){0,3})"
_PRONOUN = r"(?:he|she|it|they)"
_QUOTED = re.compile(r"(?:“|``|\")(?P<text>[^\"“”]+?)(?:”|''|\"|$)")
_AFTER_VERB_NAME = re.compile(rf"^\s*,?\s*{_VERBS}\s+(?P<name>{_NAME})")
_AFTER_NAME_VERB = re.compile(rf"^\s*,?\s*(?P<name>{_NAME}|{_PRONOUN})\s+{_VERBS}\b")
_BEFORE = re.compile(
    rf"(?P<name>{_NAME})(?:,[^,\"“]+,)?\s+{_VERBS}(?:\s+\w+)?\s*[:,]?\s*$"
)
# Reported speech names a speaker too: "Azattyk radio said ...", "the ministry said ...".
_REPORTED = re.compile(
    rf"(?P<name>{_NAME})(?:\s+(?:radio|television|newspaper|news agency|agency|spokesman))?"
    rf"(?:,[^,]+,)?\s+{_VERBS}\b"
)
_POSSESSOR = re.compile(r"^.*['’]s\s+")
# Words before a name that are not part of it; names.TITLES plus military ranks it lacks.
_TITLES = TITLES | {"admiral", "adm", "navy", "army", "rear", "maj", "major", "cmdr"}
_NOT_NAMES = frozenset({"The", "A", "An", "In", "On", "But", "And", "It", "He", "She", "They",
                        "This", "That", "Earlier", "Later", "Meanwhile"})


@dataclass
class _Memory:
    """What an article has said so far: the names seen, the last speaker and where."""

    names: list[str]
    speaker: str | None = None
    speaker_at: int = -PRONOUN_WINDOW - 1
    quote_at: int = -2


def find_quotes(story: Story) -> tuple[Quote, ...]:
    """Every direct quote in the story with its speaker, article by article.

    Parameters
    ----------
    story:
        Articles already split into sentences.

    Returns
    -------
    tuple of Quote
        In article and sentence order; ``speaker`` is None where no speaker is clear.
    """
    return tuple(q for article in story.articles for q in _article_quotes(article))


def _article_quotes(article: Article) -> Iterator[Quote]:
    memory = _Memory(names=[])
    for sentence in article.sentences:
        quoted = [m for m in _QUOTED.finditer(sentence.text)
                  if len(m.group("text").split()) >= MIN_QUOTE_WORDS]
        for match in quoted:
            speaker = _speaker(sentence, match, memory)
            memory.quote_at = sentence.index
            yield Quote(speaker=speaker, text=match.group("text").strip(" ,"),
                        ref=sentence.ref)
        _remember(sentence, memory, quoted)


def _speaker(sentence: Sentence, match: re.Match[str], memory: _Memory) -> str | None:
    after = sentence.text[match.end():]
    before = sentence.text[:match.start()]
    for found in (_AFTER_VERB_NAME.match(after), _AFTER_NAME_VERB.match(after),
                  _BEFORE.search(before)):
        if found and found.group("name") not in _NOT_NAMES - {"He", "She", "It"}:
            return _resolve(found.group("name"), sentence.index, memory)
    if memory.quote_at == sentence.index - 1 or memory.quote_at == sentence.index:
        return memory.speaker
    return None


def _resolve(name: str, index: int, memory: _Memory) -> str | None:
    """A pronoun to the recent speaker, a surname to the full name, a possessor and titles
    dropped ("Al Jazeera's Robin Forestier-Walker", "Admiral Vladimir Kuroyedov")."""
    if name.lower() in ("he", "she", "it", "they"):
        recent = index - memory.speaker_at <= PRONOUN_WINDOW
        return memory.speaker if recent else None
    name = _untitled(_POSSESSOR.sub("", name).strip())
    full = next((n for n in memory.names if n != name and n.endswith(" " + name)), name)
    memory.speaker, memory.speaker_at = full, index
    return full


def _untitled(name: str) -> str:
    words = name.split()
    while len(words) > 1 and words[0].rstrip(".").lower() in _TITLES:
        words = words[1:]
    return " ".join(words)


def _remember(sentence: Sentence, memory: _Memory, quoted: list[re.Match[str]]) -> None:
    """Names and reported speakers outside the quotes, for later pronouns and surnames."""
    outside = _QUOTED.sub(" ", sentence.text) if quoted else sentence.text
    for match in re.finditer(_NAME, outside):
        name = _untitled(_POSSESSOR.sub("", match.group(0)).strip())
        if " " in name and name not in memory.names:
            memory.names.append(name)
    reported = _REPORTED.search(outside)
    if reported and reported.group("name") not in _NOT_NAMES and not quoted:
        _resolve(reported.group("name"), sentence.index, memory)
