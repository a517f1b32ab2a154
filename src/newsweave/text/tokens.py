"""Word tokens, Snowball stems and stop words, shared by every algorithm and scorer."""

from __future__ import annotations

import re
from functools import lru_cache

import Stemmer

from newsweave.text.stopwords import STOP_WORDS

# Words (with inner apostrophes and hyphens kept apart), and numbers with their separators.
_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|\d+(?:[.,]\d+)*", re.UNICODE)
# The same on lower-cased ASCII text, where ASCII classes match the same and faster.
_ASCII_TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)*|[0-9]+(?:[.,][0-9]+)*")
# The possessive endings dropped from a token ("Bakiyev's" -> "bakiyev").
_POSSESSIVE = ("'s", "’s")
# The same on lower-cased ASCII text: an "'s" after a letter that ends its token (no letter,
# and no apostrophe and letter, follows). Cut from the text before matching, it spares a
# test of every token. The pattern opens with the literal "'s" and looks back past it for the
# letter, so the regex engine skips in C to the next "'s" instead of trying every position.
_ASCII_POSSESSIVE = re.compile(r"'s(?<=[a-z]'s)(?![a-z]|'[a-z])")
_STEMMER = Stemmer.Stemmer("english")
# Transliteration variants of one name fold to one form: Bakiyev/Bakiev, Nazarbayev/Nazarbaev,
# Kaliyev/Kalyev, Dmitry/Dmitriy, Jalal'abad/Jalalabad. Each fold runs only on a token that
# holds what its pattern cannot match without (an apostrophe, its ending): string tests are
# cheaper than regex searches, and most tokens need none of the three.
_APOSTROPHE = re.compile(r"['’]")
_EV_ENDINGS = ("ev", "eva", "evs")
_IYEV = re.compile(r"(?<=[a-z])[iy]+e(v|va|vs)$")
_FINAL_Y = re.compile(r"(?<=[a-z]{3})(?:iy|y)$")


def tokenize(text: str) -> list[str]:
    """Lower-cased word and number tokens; possessive 's is dropped ("Bakiyev's" -> "bakiyev").

    ASCII text (most news) takes a faster path with the same tokens: lower-cased in one call
    instead of one a token, matched with ASCII classes (a Unicode letter is ``[a-z]`` there),
    possessives cut from the text, when an "'s" occurs, instead of from every token. Other
    text is matched before it is lower-cased, since lower-casing "İ" adds a combining mark
    that would split its word.
    """
    if text.isascii():
        lowered = text.lower()
        if "'s" in lowered:
            lowered = _ASCII_POSSESSIVE.sub("", lowered)
        return _ASCII_TOKEN.findall(lowered)
    tokens = [t.lower() for t in _TOKEN.findall(text)]
    return [t[:-2] if t.endswith(_POSSESSIVE) else t for t in tokens]


def fold_spelling(token: str) -> str:
    """One spelling for the transliteration variants of a name ("bakiyev" -> "bakev")."""
    if "'" in token or "’" in token:
        token = _APOSTROPHE.sub("", token)
    if token.endswith(_EV_ENDINGS):
        token = _IYEV.sub(r"e\1", token)
    if token.endswith("y"):
        token = _FINAL_Y.sub("i", token)
    return token


@lru_cache(maxsize=200_000)
def stem(token: str) -> str:
    """The Snowball (Porter 2) stem of a lower-cased token."""
    return str(_STEMMER.stemWord(token))


def content_stems(tokens: tuple[str, ...] | list[str]) -> list[str]:
    """Stems of the tokens that carry content, spelling variants folded; stop words and
    one-letter tokens dropped."""
    return [stem(fold_spelling(t)) for t in tokens if t not in STOP_WORDS and len(t) > 1]


TITLE_WORDS = 12
"""Words of a text's opening that title it when it has no headline (a stored story, a brief)."""


def opening_words(text: str, count: int = TITLE_WORDS) -> str:
    """The first ``count`` words of ``text``, an ellipsis saying where it was cut: the title of
    a text no one gave a headline, since a story or a page titled "Brief" tells a reader
    nothing."""
    words = text.split(maxsplit=count)  # the rest, if any, in one piece
    if len(words) <= count:
        return " ".join(words)
    return " ".join(words[:count]).rstrip(",;:") + " \u2026"
