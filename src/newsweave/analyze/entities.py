"""The people, places and organisations of a story, each with every spelling its sources use.

Names are found in each article (:func:`newsweave.analyze.ner.find_names`: spaCy when
installed, capitalisation rules otherwise), their spellings grouped across sources
(:func:`newsweave.analyze.names.group_forms`: transliterations, surnames, acronyms), and the
groups returned as :class:`~newsweave.models.Entity` objects whose mentions point into the
articles' text, the most talked-about first.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from functools import lru_cache

from newsweave.analyze.names import (
    NameForm,
    NameGroup,
    country_names,
    group_forms,
    is_acronym,
    is_company,
    name_tokens,
)
from newsweave.analyze.ner import (
    COMPASS_WORDS,
    ORG_WORDS,
    PLACE_WORDS,
    NameSpan,
    NerBackend,
    find_names,
    is_product_name,
    lowercase_words,
)
from newsweave.models import Entity, EntityKind, Mention, Story

CUE_VOTES = 2
"""How many votes a cue ("Mr", "President", "in", "Ministry") is worth against one tag of the
name finder: a cue says more than a statistical tag, which often calls a foreign surname or
town an ORG (spaCy's "Bakiev", "Osh")."""

COUNTRY_ACRONYMS = frozenset({"US", "USA", "UK", "UAE", "USSR", "DRC", "PRC", "ROK", "DPRK"})
"""Acronyms that name countries, not organisations: an acronym nothing voted on is otherwise
taken for an organisation ("OSCE"), which would make "US" one."""


NATIONALITY_ADJECTIVES = frozenset({
    "british", "english", "scottish", "welsh", "irish", "french", "dutch", "spanish",
    "portuguese", "swedish", "danish", "finnish", "polish", "turkish", "kurdish", "jewish",
    "chinese", "japanese", "vietnamese", "burmese", "taiwanese", "cantonese", "sudanese",
    "lebanese", "maltese", "congolese", "senegalese", "nepalese", "swiss", "greek", "arab",
    "thai", "filipino",
    # Nationalities of countries a story often leaves unnamed ("American officials" in a
    # story that says "the United States"), and the irregular ones.
    "american", "canadian", "mexican", "cuban", "brazilian", "argentine", "colombian",
    "venezuelan", "peruvian", "chilean", "german", "italian", "austrian", "belgian",
    "norwegian", "hungarian", "romanian", "bulgarian", "ukrainian", "russian", "soviet",
    "czech", "slovak", "serbian", "croatian", "bosnian", "albanian", "georgian", "armenian",
    "azerbaijani", "azeri", "kazakh", "uzbek", "kyrgyz", "tajik", "turkmen", "afghan",
    "pakistani", "indian", "bangladeshi", "iranian", "iraqi", "syrian", "jordanian", "saudi",
    "yemeni", "kuwaiti", "israeli", "palestinian", "egyptian", "libyan", "algerian",
    "moroccan", "tunisian", "ethiopian", "somali", "kenyan", "tanzanian", "ugandan",
    "rwandan", "nigerian", "ghanaian", "zimbabwean", "australian", "korean", "indonesian",
    "malaysian", "mongolian", "european", "african", "asian",
    # Peoples named by a noun ("Turks", "Danes", "Serbs") and by faith or tongue.
    "turk", "dane", "pole", "swede", "finn", "scot", "brit", "serb", "croat", "kurd", "hutu",
    "tutsi", "pashtun", "jew", "muslim", "christian", "catholic", "protestant", "hindu",
    "sikh", "buddhist", "islamic", "arabic", "swahili", "persian", "hispanic", "latino",
})
"""Adjectives and nouns of peoples, faiths and languages that the story may use without
naming the country, or whose country's name does not follow from them ("Kurdish rebels",
"French officials", "Hutu militias"): never entities, as nationalities are not."""

_NATIONALITIES = frozenset(token for word in NATIONALITY_ADJECTIVES for token in name_tokens(word))
"""The same, folded as name tokens are."""


def _default_kind(group: NameGroup) -> EntityKind:
    """A group nothing voted on (and no country's acronym): an acronym is an organisation's; a
    full name a person's; a lone word a place's (people named once by one word are rarer in
    news than places)."""
    if all(is_acronym(form.text) for form in group.forms):
        return "ORG"
    long_forms = any(len(form.tokens) > 1 for form in group.forms)
    return "PERSON" if long_forms else "PLACE"


def _names_a_country(group: NameGroup) -> bool:
    """Whether the group is written as a country's acronym ("U.S."), which settles its kind:
    a cue next to it ("the U.S., who fears ...") would make it a person."""
    return any(form.text.replace(".", "") in COUNTRY_ACRONYMS for form in group.forms)


@lru_cache(maxsize=8192)
def _is_nationality(word: str) -> bool:
    """Whether a word, or each part of a compound, names a people, in the singular or the
    plural ("Americans", "Cuban-Americans", "Serbs")."""
    return all(
        token in _NATIONALITIES or token.removesuffix("s") in _NATIONALITIES
        for part in word.split("-") for token in name_tokens(part)
    ) and bool(name_tokens(word))


def _names_people(form: NameForm) -> bool:
    """Whether a longer form names a people in the plural ("Bosnian Serbs", "Twelve Americans"
    at a sentence's start) or is made of nationalities only ("Arab Muslim", "South Korean"):
    groups of people,
    where "Russian Navy", "Royal Jordanian" and Malcolm English are not."""
    words = form.text.split()
    if all(_is_nationality(word) or word.lower() in COMPASS_WORDS for word in words):
        return True
    plural = words[-1].endswith("s") and _is_nationality(words[-1])
    return plural and not {w.lower() for w in words} & (ORG_WORDS | PLACE_WORDS)


PEOPLE_ENDINGS = ("an", "en", "ese", "i")
"""How the names of peoples end ("Salvadoran", "Chechen", "Congolese", "Iraqi")."""


def _written_as_a_people(form: NameForm, texts: set[str]) -> bool:
    """Whether a one-word name ending as peoples' names do is written in the singular and the
    plural both ("Chechen" and "Chechens", "Salvadoran" and "Salvadorans"): a people, not a
    place, whose country's name need not follow from it (Chechnya); a person's name is not
    one ("the Kennedys")."""
    singular = form.text.removesuffix("s")
    return (form.kind != "PERSON" and singular.lower().endswith(PEOPLE_ENDINGS)
            and {singular, singular + "s"} <= texts)


def _beside_its_region(form: NameForm, written: set[tuple[str, ...]]) -> bool:
    """Whether a longer name ends in a nationality whose place the story names with the same
    words before it ("Latin American" beside "Latin America", "North American" beside "North
    America"): an adjective, as "Kazakh" beside "Kazakhstan" is."""
    *region, last = form.tokens
    return _is_nationality(form.text.split()[-1]) and any(
        (*region, place) in written for place in country_names(last))


def _without_demonyms(forms: list[NameForm]) -> list[NameForm]:
    """Drop nationalities ("Kazakh" beside "Kazakhstan", "Kurdish", "Americans") and groups of
    people ("Bosnian Serbs") before grouping: they name no one thing, and would pass for an
    organisation's short name ("Russian" for "Russian Federation")."""
    one_word = {f.tokens[0] for f in forms if len(f.tokens) == 1}
    written = {f.tokens for f in forms}
    texts = {f.text for f in forms}

    def nationality(form: NameForm) -> bool:
        if len(form.tokens) > 1:
            return _names_people(form) or _beside_its_region(form, written)
        return (_is_nationality(form.text) or _written_as_a_people(form, texts)
                or not country_names(form.tokens[0]).isdisjoint(one_word))

    return [f for f in forms if not nationality(f)]


_FIRST_WORD = re.compile(r"(\S+)\s+")


def _without_nationality(span: NameSpan, seen: set[str]) -> NameSpan:
    """The name without a nationality that describes the person it stands before, which the
    story shows by naming the rest alone elsewhere ("Egyptian Mustafa Mahmoud Said Ahmed" and
    "Mustafa Mahmoud Said Ahmed"). Kept where it is part of the name: of an organisation or a
    place ("Russian Navy", "Norwegian Foreign Ministry", "Cuban Adjustment Act"), or of a
    two-word name ("Saudi Arabia", "Indian Ocean")."""
    first = _FIRST_WORD.match(span.text)
    if first is None or not _is_nationality(first.group(1)):
        return span
    rest = span.text[first.end():].split()
    if (len(rest) < 2 or " ".join(rest) not in seen
            or {w.lower() for w in rest} & (ORG_WORDS | PLACE_WORDS)):
        return span
    return replace(span, start=span.start + first.end(), text=span.text[first.end():])


def _without_nationalities(found: list[list[NameSpan]]) -> list[list[NameSpan]]:
    seen = {" ".join(span.text.split()) for spans in found for span in spans}
    return [[_without_nationality(span, seen) for span in spans] for spans in found]


KIND_ORDER: tuple[EntityKind, ...] = ("PERSON", "PLACE", "ORG", "PRODUCT")
"""Which kind a tie of votes goes to."""


def _makers(forms: dict[str, NameForm]) -> frozenset[str]:
    """The names before a model's designation ("Volvo" of "Volvo S80", "Toyota" of "Toyota
    RAV4"): written alone, they name the company that makes it, however often "Volvo says"
    makes a speaker of it. ("Concorde Flight AF4590" is longer: a flight of the Concorde.)"""
    pairs = (form.text.split() for form in forms.values())
    return frozenset(maker for maker, *model in pairs if len(model) == 1
                     and is_product_name(model[0]) and not is_product_name(maker))


def _kind(group: NameGroup, makers: frozenset[str], lowercase: frozenset[str]) -> EntityKind:
    """By the votes, but a company suffix settles it: "Starbucks Corp." is an organisation
    however often its stores are "in Starbucks"; and so does making a product. A name made of
    common words is no person's (:func:`_of_common_words`)."""
    if is_company(group) or any(form.text in makers for form in group.forms):
        return "ORG"
    if _names_a_country(group):
        return "PLACE"
    votes = group.votes
    if not votes:
        kind = _default_kind(group)
    else:
        kind = min(votes, key=lambda k: (-votes[k], KIND_ORDER.index(k)))
    if kind == "PERSON" and _of_common_words(_longest(group), lowercase):
        return "ORG"
    return kind


def _is_holiday(form: NameForm, lowercase: frozenset[str]) -> bool:
    """A day named by common words ("Labor Day", "Memorial Day", "National Day"): a date,
    which the timeline reads, not a person's name ("Doris Day" keeps hers)."""
    return form.text.split()[-1] == "Day" and _of_common_words(form, lowercase)


def _longest(group: NameGroup) -> NameForm:
    return max(group.forms, key=lambda form: len(form.tokens))


def _of_common_words(form: NameForm, lowercase: frozenset[str]) -> bool:
    """Whether a name of two words or more is made of words the story also writes in lower
    case: "Human Rights" (of "Human Rights in China said"), "Information Center", "General
    Staff" are institutions cut short, not people, whose given names are seldom common words
    ("Jim Hall")."""
    words = form.text.replace("-", " ").split()
    return len(words) > 1 and all(word.lower() in lowercase for word in words)


def _display_name(group: NameGroup) -> str:
    """The full name over a surname or an acronym, spelt the way most mentions spell its words:
    "Kurmanbek Bakiyev" when the surname alone is mostly written "Bakiyev", even if the full
    name happens to appear more often as "Kurmanbek Bakiev"; an "and" does not make a name
    fuller ("National Highway Traffic Safety Administration", written so 13 times, over a
    single "... Traffic and Safety Administration")."""
    usage: Counter[str] = Counter()
    for form in group.forms:
        for word in form.text.split():
            usage[word] += form.count
    longest = max(map(_fullness, group.forms))
    best = max((form for form in group.forms if _fullness(form) == longest),
               key=lambda f: (_usage(f, usage), f.count, -len(f.text)))
    return " ".join(best.text.split())


_POSSESSIVE_GAP = re.compile(r"['’]s[ \t]*\n?[ \t]*")
POSSESSIVE_NAME_MIN = 2
"""Times a story must write "X's Y" to make one name of it."""


def _possessive_pairs(text: str, spans: list[NameSpan]) -> Iterator[int]:
    """Where a name is followed by a possessive and another name: "Martha" + "'s " +
    "Vineyard" gives the index of "Martha"."""
    for i in range(len(spans) - 1):
        if _POSSESSIVE_GAP.fullmatch(text, spans[i].end, spans[i + 1].start):
            yield i


def _pair_text(first: NameSpan, second: NameSpan) -> str:
    return f"{' '.join(first.text.split())}'s {' '.join(second.text.split())}"


def _with_possessive_names(texts: list[str], found: list[list[NameSpan]]
                           ) -> list[list[NameSpan]]:
    """Join the two names around a possessive into one when the story writes the pair at
    least :data:`POSSESSIVE_NAME_MIN` times and the first more often so than alone (a quote
    opening on "People are ..." is no "People" of its own): "Martha's Vineyard",
    "National People's Congress", "People's Liberation Army" are one name each, where
    "Russia's Interfax" and "Kennedy's plane" stay apart. (The name finder cuts names at a
    possessive, as ECB+ annotates names, "the Sam's Club" naming "Club"; joining them here
    serves the brief without changing what the finder is scored on.)"""
    pairs: Counter[str] = Counter()
    openers: Counter[str] = Counter()
    for text, spans in zip(texts, found, strict=True):
        for i in _possessive_pairs(text, spans):
            pairs[_pair_text(spans[i], spans[i + 1])] += 1
            openers[" ".join(spans[i].text.split())] += 1
    seen = Counter(" ".join(span.text.split()) for spans in found for span in spans)

    def mostly_opens(first: str) -> bool:
        return seen[first] - openers[first] < openers[first]

    fixed = {pair for pair, count in pairs.items()
             if count >= POSSESSIVE_NAME_MIN and mostly_opens(pair.rsplit("'s ", 1)[0])}
    return [_joined(text, spans, fixed) if fixed else spans
            for text, spans in zip(texts, found, strict=True)]


def _joined(text: str, spans: list[NameSpan], fixed: set[str]) -> list[NameSpan]:
    joined = list(spans)
    for i in sorted(_possessive_pairs(text, spans), reverse=True):
        first, second = spans[i], spans[i + 1]
        if _pair_text(first, second) in fixed:
            joined[i:i + 2] = [NameSpan(first.start, second.end, text[first.start:second.end],
                                        None, second.cue or first.cue)]
    return joined


def _fullness(form: NameForm) -> int:
    """How many words of a name count towards its being the full one: all but "and"."""
    return sum(token != "and" for token in form.tokens)


def _usage(form: NameForm, usage: Counter[str]) -> int:
    """How often the story writes the words of the form ("and", "&" left out) as it does."""
    return sum(usage[w] for w in form.text.split() if w not in ("and", "&"))


def _collect(story: Story, backend: NerBackend) -> tuple[dict[str, NameForm],
                                                         list[tuple[str, NameSpan]]]:
    """Each distinct surface form with its kind votes, and every mention with its article."""
    forms: dict[str, NameForm] = {}
    mentions: list[tuple[str, NameSpan]] = []
    texts = [article.text for article in story.articles]
    found = _with_possessive_names(texts, _without_nationalities(find_names(story.articles,
                                                                            backend)))
    for article, spans in zip(story.articles, found, strict=True):
        for span in spans:
            text = " ".join(span.text.split())
            form = forms.get(text)
            if form is None:  # a form's tokens are read once, not at each of its mentions
                form = forms[text] = NameForm(text, name_tokens(text))
            form.count += 1
            if span.kind is not None:
                form.votes[span.kind] += 1
            if span.cue is not None:
                form.votes[span.cue] += CUE_VOTES
            mentions.append((article.id, span))
    return forms, mentions


def _entity(group: NameGroup, mentions: list[Mention], makers: frozenset[str],
            lowercase: frozenset[str]) -> Entity:
    kind = _kind(group, makers, lowercase)
    seen = Counter(" ".join(m.text.split()) for m in mentions)
    variants = tuple(sorted(seen, key=lambda text: (-seen[text], text)))
    return Entity(_display_name(group), kind, variants, tuple(mentions))


def _salience(entity: Entity) -> tuple[int, int, str]:
    return (-len(entity.article_ids), -len(entity.mentions), entity.name)


def find_entities(story: Story, *, ner: NerBackend = "auto") -> tuple[Entity, ...]:
    """The people, places, organisations and products the story's articles name, grouped
    across them.

    Parameters
    ----------
    story
        The articles, with their sentences.
    ner
        Which name finder to use: ``auto`` (spaCy when installed, else rules), ``spacy`` or
        ``rules`` (see :func:`newsweave.analyze.ner.find_names`).

    Returns
    -------
    tuple of Entity
        One entity per person, place or organisation, its spellings merged (Bakiyev and
        Bakiev, OSCE and its expansion); sorted by salience: the number of articles naming
        it, then its number of mentions. Each mention points into its article's text.

    Raises
    ------
    InvalidOptionError
        When ``ner`` is unknown, or is ``spacy`` and spaCy is not installed.
    """
    forms, spans = _collect(story, ner)
    lowercase = lowercase_words(tuple(article.text for article in story.articles))
    named = [f for f in forms.values() if f.tokens and not _is_holiday(f, lowercase)]
    groups = group_forms(_without_demonyms(named))
    owner = {id(form): i for i, group in enumerate(groups) for form in group.forms}
    by_group: list[list[Mention]] = [[] for _ in groups]
    for article_id, span in spans:
        index = owner.get(id(forms[" ".join(span.text.split())]))
        if index is not None:
            by_group[index].append(Mention(article_id, span.start, span.end, span.text))
    makers = _makers(forms)
    entities = (_entity(group, found, makers, lowercase)
                for group, found in zip(groups, by_group, strict=True))
    return tuple(sorted(entities, key=_salience))
