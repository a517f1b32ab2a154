"""Which sentences may stand alone in a summary, and how well they read out of context."""

from __future__ import annotations

import re

from newsweave.models import Sentence

MIN_WORDS = 6
"""Shorter sentences are fragments, headings or datelines more often than facts."""
MAX_WORDS = 60
"""Longer ones are run-ons or merged captions, and cost a summary its breadth."""
DANGLING_PENALTY = 0.75
"""Score factor for a sentence that leans on the sentences around it: it opens on a reference
to what came before ("It said", "And others ..."), or holds a quote cut open or a quotation
whose speaker another sentence names."""
PERSONAL_PENALTY = 0.6
"""Score factor for a writer's first or second person outside quotes ("I was outside his
home", "When you garden organically, you think of your plants as ...")."""

# A pronoun or connective among the first three words ("It said", "Earlier he told"), a
# conjunction, a "that" or "which" or a connective adverb opening the sentence ("And others
# are considering it", "Which is a good thing for ...", "That could change too.", "Moreover,
# the two sides also have to decide ..."), or a pronoun that says
# something a little later ("In a statement it said"): what they mean is in the sentences
# before.
_DANGLING_START = re.compile(
    r"^(?:(?:\S+\s+){0,2}(?:it|he|she|they|this|these|those|but|also|however|meanwhile|"
    r"still|yet|then|his|her|their|its)\b"
    r"|(?:and|or|nor|so|that|which|moreover|furthermore|besides|additionally|nevertheless|"
    r"nonetheless|thus|therefore|hence|likewise|similarly|otherwise)\b"
    r"|(?:\S+\s+){3,4}(?:it|he|she|they)\s+(?:said|says|added|told|stated)\b)",
    re.IGNORECASE,
)
# A sentence wholly in brackets is an editor's note to other editors, not news: "(Story will
# move in the "a" category.)", "(Optional add end.)".
_BRACKETED = re.compile(r"^\([^()]*\)\W*$")
# A label opening the sentence, a speaker's in a transcript or a form's field: "DR.
# BRAZELTON: Both.", "Position: To be public housing tenants.", "With: Jerry Seinfeld."
_LABEL = re.compile(r"^[A-Z][\w.']*(?:\s+[A-Z][\w.']*)?:\s")
_TERMINALS = (".", "!", "?", "…")
# A North American telephone number ("404-526-5456", "(206) 448-8035") or an e-mail address,
# the wire's "(at)" for "@" included ("chambers(at)star-telegram.com").
_CONTACT = re.compile(r"(?:\(\d{3}\)\s?|\b\d{3}-)\d{3}-\d{4}\b|\w(?:@|\(at\))\w[\w-]*\.\w",
                      re.IGNORECASE)
# Quotes and brackets that may close a sentence after its last mark.
_CLOSERS = "\"”’')]"
_QUOTED = re.compile(r"[\"“][^\"”]*[\"”]?")
# A sentence that is one quotation and nothing else.
_QUOTATION_ONLY = re.compile(r"^[\"“][^\"“”]*[\"”]$")
# Case-sensitive so that "US" is not "us"; a capital only where a sentence may start ("We
# approached his aides", "You're both right.").
_PERSONAL = re.compile(r"\b(?:I|[Ww]e|[Oo]ur|us|me|[Mm]y|[Yy]ou(?:r|rs|rself)?)\b")


def is_eligible(sentence: Sentence) -> bool:
    """Whether the sentence can be a summary sentence at all."""
    words = len(sentence.text.split())
    text = sentence.text.rstrip()
    return (
        MIN_WORDS <= words <= MAX_WORDS
        and sum(map(str.isalpha, text)) > len(text) / 2
        and is_whole(text)
        and not gives_contact(text)
    )


def gives_contact(text: str) -> bool:
    """Whether ``text`` gives a telephone number or an e-mail address: in news copy that is
    how to reach the wire, its sales desk or the writer ("Questions should be directed to
    CoxNet, the Cox News Service, in Atlanta at 404-526-5456."), not news."""
    return bool(_CONTACT.search(text))


def is_whole(text: str) -> bool:
    """Whether ``text`` is a whole statement rather than a piece of one: not a question, a
    lead-in or a clause cut short (ending on "?", ":" or "," before any closing quote: 'Amnesty
    International uses the term "prisoner of conscience,"'), not opening in lower case (the
    rest of a sentence split after a quote: 'responded Tom Sherak, distribution head of 20th
    Century Fox.'), not opening on a label ('DR. BRAZELTON: Both.'), not wholly in brackets
    (a credit or a note: '(Malone, Cox News Service).') and with its brackets paired (an
    editor's note split in two: 'OPTIONAL MATERIAL FOLLOWS.)')."""
    opening = text.lstrip("\"“‘'( ")
    return (
        not text.rstrip(_CLOSERS).endswith(("?", ":", ","))
        and not _BRACKETED.match(text)
        and not opening[:1].islower()
        and not _LABEL.match(text)
        and text.count("(") == text.count(")")
    )


def reads_alone(sentence: Sentence) -> bool:
    """Whether a sentence outside eligibility may still fill a summary's last words: a whole
    statement (:func:`is_whole`) that ends on a full stop or the like and leans on nothing
    around it (:func:`standalone_factor`). "It's going to take years.", a quote's last
    sentence, or "The fire was extinguished in", a text cut short (Multi-News cuts its
    inputs), read as broken fragments at a summary's end. (Eligible sentences may end
    unpunctuated: Multi-News glues many sentences whose mark its release lost.)"""
    text = sentence.text.rstrip()
    return (is_whole(text) and text.rstrip(_CLOSERS).endswith(_TERMINALS)
            and not gives_contact(text) and standalone_factor(sentence) == 1.0)


def standalone_factor(sentence: Sentence) -> float:
    """1.0 for a sentence that reads well alone, less for one that leans on its context."""
    factor = 1.0
    if leans_on_context(sentence.text):
        factor *= DANGLING_PENALTY
    if _PERSONAL.search(_QUOTED.sub(" ", sentence.text)):
        factor *= PERSONAL_PENALTY
    return factor


def leans_on_context(text: str) -> bool:
    """Whether ``text`` needs the sentences around it to be understood: it opens on a
    reference to what came before ("It said", "And others are considering it"), or its quote
    is cut open or closed without its opening, or it is a quotation whole, its speaker named
    in another sentence ('"There will be no next Seinfeld."')."""
    paired = text.count('"') % 2 == 0 and text.count("“") == text.count("”")
    return (not paired or bool(_DANGLING_START.match(text.lstrip("\"“ ")))
            or bool(_QUOTATION_ONLY.match(text.rstrip())))
