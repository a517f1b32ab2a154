"""Which sentences may stand alone in a summary, and how well they read out of context."""

from __future__ import annotations

import re

from newsweave.models import Sentence

MIN_WORDS = 6
"""Shorter sentences are fragments, headings or datelines more often than facts."""
MAX_WORDS = 60
"""Longer ones are run-ons or merged captions, and cost a summary its breadth."""
DANGLING_PENALTY = 0.75
"""Score factor for a sentence that opens on a reference to what came before ("It said")."""
FIRST_PERSON_PENALTY = 0.6
"""Score factor for a reporter's first person outside quotes ("I was outside his home")."""

# A pronoun or connective among the first three words ("It said", "Earlier he told"), or a
# pronoun that says something a little later ("In a statement it said"): whom they mean is in
# the sentences before.
_DANGLING_START = re.compile(
    r"^(?:(?:\S+\s+){0,2}(?:it|he|she|they|this|these|those|but|also|however|meanwhile|"
    r"still|yet|then|his|her|their|its)\b"
    r"|(?:\S+\s+){3,4}(?:it|he|she|they)\s+(?:said|says|added|told|stated)\b)",
    re.IGNORECASE,
)
# A sentence wholly in brackets is an editor's note to other editors, not news: "(Story will
# move in the "a" category.)", "(Optional add end.)".
_BRACKETED = re.compile(r"^\([^()]*\)\W*$")
_QUOTED = re.compile(r"[\"“][^\"”]*[\"”]?")
# Case-sensitive so that "US" is not "us"; a capital only where a sentence may start ("We
# approached his aides").
_FIRST_PERSON = re.compile(r"\b(?:I|[Ww]e|[Oo]ur|us|me|[Mm]y)\b")


def is_eligible(sentence: Sentence) -> bool:
    """Whether the sentence can be a summary sentence at all."""
    words = len(sentence.text.split())
    text = sentence.text.rstrip()
    return (
        MIN_WORDS <= words <= MAX_WORDS
        and not text.endswith(("?", ":"))
        and not _BRACKETED.match(text)
        and sum(map(str.isalpha, text)) > len(text) / 2
    )


def reads_alone(sentence: Sentence) -> bool:
    """Whether a sentence outside eligibility may still fill a summary's last words: one that
    leans on what came before ("It's going to take years.", a quote's last sentence with
    its closing mark and no opening one) reads as a broken fragment at a summary's end."""
    text = sentence.text
    balanced = text.count('"') % 2 == 0 and text.count("“") == text.count("”")
    return balanced and standalone_factor(sentence) == 1.0


def standalone_factor(sentence: Sentence) -> float:
    """1.0 for a sentence that reads well alone, less for one that leans on its context."""
    factor = 1.0
    if _DANGLING_START.match(sentence.text.lstrip("\"“ ")):
        factor *= DANGLING_PENALTY
    if _FIRST_PERSON.search(_QUOTED.sub(" ", sentence.text)):
        factor *= FIRST_PERSON_PENALTY
    return factor
