"""Short labels for claims: a phrase a reader can scan, taken from the statement itself.

A claim's label used to be its shared words sorted names first ("Bakiyev Osh day
bodyguards"): every word right, the whole unreadable. A label here is instead the shortest
run of the statement's own words that holds most of the words that matter to the claim (for
an agreement, the words every source uses; for a fact one source alone reports, the words no
other source uses): "bodyguards of Bakiyev fired shots into the air". Being a run of the
text, it reads as the source wrote it, and it needs no parser.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from newsweave.analyze.ner import CALENDAR_WORDS
from newsweave.text import content_stems, tokenize

# A label is at most this many words: long enough for "who did what" ("US President Barack
# Obama and Russia's President Dmitriy Medvedev"), short enough to scan in a list.
MAX_LABEL_WORDS = 8
# With fewer key words than this in any window, no run of the text is a fair label; the
# statement's opening words stand in, cut to the maximum.
MIN_KEY_WORDS = 2
# Words that frame a fact rather than tell it: when it was said and who said it. They are
# shared by reports of different facts ("earlier in the day", "said"), so they do not make
# a run a label.
_FRAMING = frozenset(content_stems(tokenize(
    " ".join(CALENDAR_WORDS) + " day days week weeks month months year years earlier later"
    " hour hours minute minutes today yesterday tonight said says say told tell reported"
    " reports according mr mrs ms dr")))
_WORD = re.compile(r"\S+")
# Punctuation a label does not open or close with (quotes, brackets, commas, dashes).
_BRACKETS = (("(", ")"), ("[", "]"))
_EDGE_PUNCTUATION = "\"'“”‘’«»()[]{},;:.!?–—-"


def key_phrase(text: str, key_stems: Iterable[str], *, names: bool = True,
               max_words: int = MAX_LABEL_WORDS) -> str:
    """The shortest run of ``text``'s words holding the most words of ``key_stems``.

    Parameters
    ----------
    text:
        The statement the label names, as the source wrote it.
    key_stems:
        Content stems (as :func:`newsweave.text.content_stems` gives them) that make the
        claim: what the sources share, or what only one source says. Framing words (dates,
        "said") never count.
    names:
        Whether capitalised words count as key words. A fact only one source reports is
        what happened, not who reported it ("The BBC's Rayhan Demytrie, in Jalalabad,
        says"), so its label leaves names out.
    max_words:
        The longest label.

    Returns
    -------
    str
        A run of ``text`` that starts and ends on a key word, trimmed of edge punctuation;
        when no run holds :data:`MIN_KEY_WORDS` key words, the opening words of ``text``
        (with an ellipsis when cut).
    """
    keys = frozenset(key_stems) - _FRAMING
    words = _WORD.findall(text)
    hits = [_key_of(word, keys, names) for word in words]
    best: tuple[int, int, int] | None = None  # (-key words, length, start)
    for start, first in enumerate(hits):
        # A label opens on a word, not on a figure ("14, Russia pledged").
        if not first or not words[start][:1].isalpha():
            continue
        for end in range(start, min(start + max_words, len(words))):
            if not hits[end]:
                continue
            held = len(set(hits[start:end + 1]) - {""})
            candidate = (-held, end - start, start)
            if best is None or candidate < best:
                best = candidate
    if best is None or -best[0] < MIN_KEY_WORDS:
        return _opening(words, max_words)
    _, length, start = best
    end = start + length + 1
    if end < min(len(words), start + max_words) and _runs_on(words[end - 1], words[end]):
        end += 1  # "offered help to Kyrgyzstan's new" + "government"
    return _trim(_drop_dangling(" ".join(words[start:end])))


def _runs_on(last: str, following: str) -> bool:
    """Whether the phrase reads cut off without the following word: nothing closes it and
    that word carries content ("Kyrgyzstan's new | government")."""
    return last[-1:].isalnum() and bool(content_stems(tokenize(following)))


def _drop_dangling(phrase: str) -> str:
    """Without a lone word after the last comma ("joined the ranks of his opponents,
    calling"): it opens a clause the label does not hold."""
    head, comma, tail = phrase.rpartition(",")
    if comma and len(tail.split()) == 1 and len(head.split()) >= MIN_KEY_WORDS:
        return head
    return phrase


def _key_of(word: str, keys: frozenset[str], names: bool) -> str:
    """The word's key stems joined, or "" when it holds none (or is a name left out)."""
    if not names and word[:1].isupper():
        return ""
    return " ".join(sorted(frozenset(content_stems(tokenize(word))) & keys))


def _opening(words: list[str], max_words: int) -> str:
    cut = len(words) > max_words
    opening = _trim(" ".join(words[:max_words]))
    return f"{opening}…" if cut else opening


def _trim(phrase: str) -> str:
    return _balance_brackets(phrase.strip(_EDGE_PUNCTUATION + " "))


def _balance_brackets(phrase: str) -> str:
    """The phrase with a bracket trimming left open closed again: "the North Atlantic Treaty
    Organization (NATO" -> "... (NATO)"; a closing one left alone is dropped."""
    for opener, closer in _BRACKETS:
        missing = phrase.count(opener) - phrase.count(closer)
        if missing > 0:
            phrase += closer * missing
        elif missing < 0:
            phrase = phrase.replace(closer, "", -missing)
    return phrase


__all__ = ["MAX_LABEL_WORDS", "MIN_KEY_WORDS", "key_phrase"]
