"""When two spellings name the same person, place or organisation.

Sources spell one name many ways: transliterations (Bakiyev/Bakiev, Otunbayeva/Otunbaeva),
British and American spelling (Organisation/Organization), punctuation (Jalal'abad/Jalalabad,
Co-operation/Cooperation), titles (Mr Bakiyev), a surname for the full name, an acronym for
its expansion (OSCE). This module turns a surface form into folded name tokens and groups
forms that name one thing, without merging look-alikes (Kazakhstan/Kyrgyzstan, two people
who share a surname). It knows no names: only spelling rules and string similarity
(:mod:`rapidfuzz`).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from newsweave.models import EntityKind
from newsweave.text.tokens import fold_spelling, tokenize

SURNAME_SIMILARITY = 0.85
"""Least normalised Levenshtein similarity of two folded family names (or one-word names) that
may be one name: Jala'abad/Jalalabad is 0.89; Austria/Australia (0.78) and
Kazakhstan/Kyrgyzstan (0.5) stay apart."""

GIVEN_NAME_SIMILARITY = 0.75
"""Least similarity of two given names once the family names match: Roza/Rosa is 0.75,
John/Jane 0.25, so two people sharing a surname stay apart."""

MIN_FUZZY_LENGTH = 4
"""Shorter tokens must match exactly after folding: one edit in a short word is a new word."""

CUTOFF_SLACK = 0.01
"""How far below :data:`SURNAME_SIMILARITY` rapidfuzz's cut-off is set when it picks the
candidate spellings :func:`_similar` then confirms."""

ACRONYM_LENGTHS = range(2, 7)
"""How many letters an acronym may have (UN ... UNESCO)."""

TITLES: frozenset[str] = frozenset(
    {
        "mr", "mrs", "ms", "miss", "dr", "sir", "lord", "lady", "president", "vice", "prime",
        "minister", "premier", "chancellor", "king", "queen", "prince", "princess", "gen", "col",
        "colonel", "captain", "capt", "sgt", "sergeant", "lieutenant", "lt", "governor", "gov",
        "senator", "sen", "rep", "representative", "judge", "mayor", "secretary", "ambassador",
        "chairman", "chairwoman", "chief", "commander", "professor", "prof", "rev", "reverend",
        "pope", "bishop", "sheikh", "deputy", "acting", "former", "interim", "leader", "spokesman",
        "spokeswoman", "officer", "lawyer", "attorney", "assistant", "envoy", "admiral", "adm",
        "cmdr", "maj", "sheriff", "commissioner", "superintendent", "inspector", "congressman",
        "congresswoman", "assemblyman", "assemblywoman", "councilman", "councilwoman", "speaker"
    }
)
"""Words that stand before a name without being part of it ("President Kurmanbek Bakiyev",
"Mr Bakiyev", "Adm. Vladimir Kuroyedov", "Police Commissioner Robert Manumba"); they also
mark the name as a person's."""

_HYPHENATED_TITLE = re.compile(
    rf"(?:vice|deputy|ex)-(?:{'|'.join(sorted(TITLES))})|(?:{'|'.join(sorted(TITLES))})-elect")


def is_title(word: str) -> bool:
    """Whether a lower-case word is a title, alone or hyphenated with its rank ("president",
    "vice-president", "president-elect")."""
    return word in TITLES or ("-" in word and bool(_HYPHENATED_TITLE.fullmatch(word)))


COMPANY_SUFFIXES: frozenset[str] = frozenset(
    {"inc", "incorporated", "corp", "corporation", "co", "cos", "ltd", "llc", "plc", "lp",
     "llp", "ag", "gmbh", "nv", "bv", "ab"}
)
"""Words that end a company's name without telling it from others: "Starbucks Corp." and
"Starbucks" are one company, "Time Warner Inc." and "Time Inc." two (compared with the suffix,
they looked like two people sharing a surname, "Inc"); European ones too ("DaimlerChrysler AG",
"Volvo AB")."""

GENERATIONS: frozenset[str] = frozenset({"jr", "sr", "ii", "iii", "iv"})
"""Words after a family name that tell a son from his father ("John F. Kennedy Jr.")."""

NATIONALITY_ENDINGS: tuple[tuple[str, str], ...] = (
    ("n", ""), ("an", ""), ("i", ""), ("ian", ""), ("ese", ""), ("", "stan"), ("", "istan"),
    ("ish", "ei"), ("ish", "ain"), ("ish", "en"), ("ish", "and"), ("k", "ce"), ("ese", "a"),
    ("ese", "on"), ("i", "ia"), ("ic", "ia"), ("ian", "i"), ("", "i"),
)
"""Endings that a nationality and its country put after the stem they share, in folded
spelling (a final "y" is "i"): Russia-n, Iraq-i, Kazakh-stan, Turk-ish / Turk-ey, Brit-ish /
Brit-ain, Gree-k / Gree-ce, Chin-ese / Chin-a, Leban-ese / Leban-on, Somal-i / Somal-ia,
Ital-ian / Ital-y, German / German-y."""

MIN_NATIONALITY_STEM = 3
"""Letters the two must share at least (Pol-ish / Pol-and)."""

_CONNECTORS = frozenset({"of", "for", "and", "the", "in", "on", "de", "du", "la", "le", "al"})
_BRITISH_ENDINGS = ((re.compile(r"is(ation|e|ed|ing)$"), r"iz\1"), (re.compile(r"tre$"), "ter"))


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _fold_token(token: str) -> str:
    """One spelling for a name token's transliteration and British/American variants."""
    for pattern, replacement in _BRITISH_ENDINGS:
        token = pattern.sub(replacement, token)
    return fold_spelling(token)


def name_tokens(text: str) -> tuple[str, ...]:
    """The folded tokens that identify a name, titles, leading "the" and company suffixes
    ("Corp.") left out.

    Parameters
    ----------
    text
        A surface form as an article gives it ("Mr Bakiyev's", "the Organisation for ...").

    Returns
    -------
    tuple of str
        Lower-case, accent-free, transliteration-folded tokens; hyphens and apostrophes
        inside a word are dropped so "Co-operation" and "Cooperation" agree. Empty when the
        text holds nothing but titles or a suffix ("Inc").
    """
    tokens = tokenize(_strip_accents(_CRAFT_PREFIX.sub("", text)).replace("-", "").replace("‐", ""))
    while tokens and (tokens[0] in TITLES or tokens[0] == "the"):
        tokens = tokens[1:]
    while tokens and tokens[-1] in COMPANY_SUFFIXES:
        tokens = tokens[:-1]
    return tuple(_fold_token(t) for t in tokens)


CRAFT_PREFIXES: frozenset[str] = frozenset({"uss", "hms", "rms", "mv"})
"""Prefixes of ships' names ("USS Grasp", "U.S.S. Briscoe"): like a title, no part of the name
the sources share ("the Grasp")."""
_DOTTED_PREFIXES = "|".join(r"\.?".join(prefix) for prefix in sorted(CRAFT_PREFIXES))
_CRAFT_PREFIX = re.compile(rf"^(?:{_DOTTED_PREFIXES})\.?\s+", re.IGNORECASE)


def has_title(text: str) -> bool:
    """Whether the form opens with a title that marks a person ("Mr", "President")."""
    tokens = tokenize(text)
    return bool(tokens) and tokens[0] in TITLES and tokens[0] not in {"former", "acting"}


def is_acronym(text: str) -> bool:
    """Whether the form is an acronym: 2 to 6 capitals, dots allowed ("OSCE", "U.N.")."""
    letters = text.replace(".", "")
    return len(letters) in ACRONYM_LENGTHS and letters.isalpha() and letters.isupper()


def initials(text: str) -> str:
    """The acronym a long name would have: the initials of its words, connectors left out.

    "Organisation for Security and Co-operation in Europe" gives "OSCE"; "the United
    Nations" gives "UN".
    """
    words = re.findall(r"[^\W\d_][\w'’-]*", _strip_accents(text))
    letters = [w[0] for w in words if w.lower() not in _CONNECTORS]
    return "".join(letters).upper()


def is_demonym(word: str, place: str) -> bool:
    """Whether a folded one-word form names the people of a place ("kazakh", "kazakhstan";
    "greeks", "greece").

    Nationalities are not entities here; without a gazetteer, they are told by their
    country's name standing beside them in the story.
    """
    return place in country_names(word)


@lru_cache(maxsize=50_000)
def country_names(word: str) -> frozenset[str]:
    """The folded country names a nationality's spelling allows ("turkish" -> "turkei",
    ...): one set look-up per pair of names then, for the thousands a story compares."""
    forms = {word, word[:-1]} if word.endswith("s") else {word}
    return frozenset(
        form[:len(form) - len(nationality)] + country
        for form in forms for nationality, country in NATIONALITY_ENDINGS
        if form.endswith(nationality) and len(form) - len(nationality) >= MIN_NATIONALITY_STEM
    )


def _similar(a: str, b: str, threshold: float) -> bool:
    if a == b:
        return True
    if min(len(a), len(b)) < MIN_FUZZY_LENGTH or a[0] != b[0]:
        return False
    return Levenshtein.normalized_similarity(a, b) >= threshold


def same_name(a: Sequence[str], b: Sequence[str]) -> bool:
    """Whether two folded names (from :func:`name_tokens`) are spellings of one name.

    Their last tokens must be close (the family name, or the whole of a one-word name:
    :data:`SURNAME_SIMILARITY`). Names of the same length match when every earlier token is
    close too (:data:`GIVEN_NAME_SIMILARITY`); names of two words or more but of different
    lengths when their first full given names are ("W. Mark Felt", "Mark Felt"; "Dirk A.
    Kempthorne", "Dirk Kempthorne").
    """
    if not a or not b or is_demonym(a[-1], b[-1]) or is_demonym(b[-1], a[-1]):
        return False
    if not _similar(a[-1], b[-1], SURNAME_SIMILARITY):
        return False
    if len(a) == len(b):
        return all(_similar(x, y, GIVEN_NAME_SIMILARITY)
                   for x, y in zip(a[:-1], b[:-1], strict=True))
    given_a, given_b = _given_name(a), _given_name(b)
    return bool(given_a and given_b) and _similar(given_a, given_b, GIVEN_NAME_SIMILARITY)


def _given_name(tokens: Sequence[str]) -> str:
    """The first token before the family name that is more than an initial, "" if none."""
    return next((t for t in tokens[:-1] if len(t) > 1), "")


@dataclass(slots=True)
class NameForm:
    """One surface form of a name in a story, with how often and as what it was seen."""

    text: str
    tokens: tuple[str, ...]
    votes: Counter[EntityKind] = field(default_factory=Counter)
    count: int = 0

    @property
    def kind(self) -> EntityKind | None:
        """The kind most of its mentions were given, None when no mention said."""
        return self.votes.most_common(1)[0][0] if self.votes else None


@dataclass(slots=True, eq=False)
class NameGroup:
    """Forms found to name one thing; two groups are equal only if they are the same."""

    forms: list[NameForm] = field(default_factory=list)

    @property
    def votes(self) -> Counter[EntityKind]:
        total: Counter[EntityKind] = Counter()
        for form in self.forms:
            total.update(form.votes)
        return total

    @property
    def count(self) -> int:
        return sum(form.count for form in self.forms)

    def is_person(self) -> bool:
        """Whether most votes say PERSON; a group nothing voted on may be a person's too."""
        votes = self.votes
        return votes["PERSON"] >= max(votes["PLACE"], votes["ORG"], votes["PRODUCT"])

    def is_organisation(self) -> bool:
        """Whether more votes say ORG than anything else."""
        votes = self.votes
        return votes["ORG"] > max(votes["PERSON"], votes["PLACE"], votes["PRODUCT"])


def _spelling_match(form: NameForm, group: NameGroup) -> bool:
    return any(same_name(form.tokens, other.tokens) for other in group.forms)


def _acronym_match(form: NameForm, group: NameGroup) -> bool:
    acronym = form.text.replace(".", "").upper()
    return any(len(o.tokens) > 1 and initials(o.text) == acronym for o in group.forms)


def _may_be_surname(form: NameForm) -> bool:
    """Whether the form may be a person's family name: one word not seen as a place, an
    organisation or a product ("Boeing" is no family name of a one-off "EgyptAir Boeing")."""
    return len(form.tokens) == 1 and form.kind in (None, "PERSON")


def _surname_match(form: NameForm, group: NameGroup) -> bool:
    """A one-word name (:func:`_may_be_surname`) is a person's family name, as in "Bakiyev"
    for "Kurmanbek Bakiyev"; a country is not one of a name that ends in its nationality
    ("Russia", "Various Russian officials"). The spellings are compared before the group's
    votes are counted: few groups end in the name, and counting is the dearer test."""
    return any(
        len(o.tokens) > 1 and _similar(form.tokens[0], _family_name(o.tokens), SURNAME_SIMILARITY)
        and not is_demonym(o.tokens[-1], form.tokens[0])
        for o in group.forms
    ) and group.is_person()


def _family_name(tokens: Sequence[str]) -> str:
    """The family name of a full name, a generation after it left out ("John F. Kennedy Jr."
    is a Kennedy)."""
    if len(tokens) > 2 and tokens[-1] in GENERATIONS:
        return tokens[-2]
    return tokens[-1]


def is_company(group: NameGroup) -> bool:
    """Whether a form of the group ends in a company suffix ("Ford Motor Co.")."""
    return any(form.text.split()[-1].rstrip(".").lower() in COMPANY_SUFFIXES
               for form in group.forms)


def _short_form_match(form: NameForm, group: NameGroup) -> bool:
    """A one-word name is an organisation's first word, as in "Amnesty" for "Amnesty
    International". Written as one word: "Time Inc." is a company's full name, not "Time
    Warner Inc."'s short one; and not a title: "General" is no short form of "General Motors".
    Nor a place ("Istanbul" of "Istanbul Technical University"), unless some mentions show
    it to be an organisation's name and the group is a company's: "talks at Ford" read as a
    place, "Ford employees" as a company, and "Ford Motor Co." is one."""
    if len(form.text.split()) != 1 or form.tokens[0] in TITLES:
        return False
    if form.kind == "PLACE" and not (form.votes["ORG"] and is_company(group)):
        return False
    return group.is_organisation() and any(
        len(o.tokens) > 1 and o.tokens[0] == form.tokens[0] for o in group.forms)


def _family_name_first(form: NameForm, groups: list[NameGroup], alone: set[str]
                       ) -> NameGroup | None:
    """The one person whose two-word name opens with a one-word name the story gives a person
    and whose second word the story never writes alone: the family name comes first
    ("President Jiang" for "Jiang Zemin", never "Zemin"). Where the second word stands alone
    ("Jaguars" of "Jacksonville Jaguars", "Timmons") the first is no family name; two such
    people leave it alone."""
    if len(form.tokens) != 1 or form.kind != "PERSON":
        return None
    people = [g for g in groups if g.is_person() and any(
        len(o.tokens) == 2 and o.tokens[0] == form.tokens[0] and o.tokens[1] not in alone
        for o in g.forms)]
    return people[0] if len(people) == 1 else None


def _best(groups: Iterable[NameGroup]) -> NameGroup | None:
    """The most mentioned of the candidate groups: a bare surname two people share goes to
    the one the story is about."""
    return max(groups, key=lambda g: g.count, default=None)


def _best_expansion(groups: list[NameGroup]) -> NameGroup | None:
    """The group an acronym stands for: an organisation's or a place's before a person's
    ("AP" is the Associated Press, not "Augusto Pinochet", named more often), then the most
    mentioned."""
    return max(groups, key=lambda g: (not (g.votes["PERSON"] and g.is_person()), g.count),
               default=None)


@dataclass(slots=True)
class _Blocks:
    """Groups filed by what a matching form must share with them, so that a form is compared
    with a few groups, not all: the matching rules all need an equal first letter or equal
    initials (a 25-article cluster has some 800 forms)."""

    spelling: dict[str, list[NameGroup]] = field(default_factory=dict)
    surname: dict[str, list[NameGroup]] = field(default_factory=dict)
    acronym: dict[str, list[NameGroup]] = field(default_factory=dict)
    first_word: dict[str, list[NameGroup]] = field(default_factory=dict)
    last_words: dict[NameGroup, set[str]] = field(default_factory=dict)
    alone: set[str] = field(default_factory=set)
    """The story's one-word names."""
    words_by_letter: dict[str, dict[str, None]] = field(default_factory=dict)

    def add(self, form: NameForm, group: NameGroup) -> None:
        last = form.tokens[-1]
        self.last_words.setdefault(group, set()).add(last)
        self.words_by_letter.setdefault(last[0], {})[last] = None
        for index, key in self._keys(form):
            bucket = index.setdefault(key, [])
            if group not in bucket:
                bucket.append(group)

    def _keys(self, form: NameForm) -> Iterator[tuple[dict[str, list[NameGroup]], str]]:
        yield self.spelling, form.tokens[-1][0]
        if len(form.tokens) > 1:
            yield self.surname, _family_name(form.tokens)[0]
            yield self.acronym, initials(form.text)
            yield self.first_word, form.tokens[0]

    def _close_last_words(self, word: str) -> set[str]:
        """The last words of the groups' forms that :func:`same_name` accepts as spellings of
        ``word`` (:func:`_similar`): found once a form among all the distinct last words, in
        one rapidfuzz call, instead of testing each group's forms one by one. The call's cut-off
        is a little lower than the test it stands for, so rounding hides no candidate."""
        words = self.words_by_letter.get(word[0], {})
        found = process.extract(word, words.keys(), scorer=Levenshtein.normalized_similarity,
                                score_cutoff=SURNAME_SIMILARITY - CUTOFF_SLACK, limit=None)
        close = {other for other, _, _ in found if _similar(word, other, SURNAME_SIMILARITY)}
        return close | ({word} if word in words else set())

    def expansions(self, form: NameForm) -> list[NameGroup]:
        """The groups with a long form an acronym abbreviates."""
        acronym = form.text.replace(".", "").upper()
        return [g for g in self.acronym.get(acronym, []) if _acronym_match(form, g)]

    def place(self, form: NameForm) -> NameGroup | None:
        """The group the form joins by the first rule of :func:`group_forms` that applies."""
        spelled = self.spelling.get(form.tokens[-1][0], [])
        close = self._close_last_words(form.tokens[-1])
        spelling = _best(g for g in spelled
                         if not close.isdisjoint(self.last_words[g]) and _spelling_match(form, g))
        if is_acronym(form.text):
            return _best_expansion(self.expansions(form)) or spelling
        if spelling is not None:
            return spelling
        surnamed = self.surname.get(form.tokens[0][0], []) if _may_be_surname(form) else []
        shortened = self.first_word.get(form.tokens[0], [])
        return (_best(g for g in surnamed if _surname_match(form, g))
                or _best(g for g in shortened if _short_form_match(form, g))
                or _family_name_first(form, shortened, self.alone))


def group_forms(forms: Iterable[NameForm]) -> list[NameGroup]:
    """Group the forms that name one thing.

    Longer names are placed first so that a surname or an acronym meets its full form. A
    form joins the most mentioned group it matches, by the first rule that applies:

    1. an acronym joins a group with a long form whose initials it is (OSCE), and merges
       the other groups it abbreviates into that one;
    2. a form joins a group holding another spelling of it (:func:`same_name`);
    3. a one-word name not seen as a place or organisation joins a person's group whose
       full name ends in it (Bakiyev -> Kurmanbek Bakiyev);
    4. a one-word name not seen as a place joins an organisation's group whose long name
       begins with it (Amnesty -> Amnesty International);
    5. a one-word name seen as a person's joins the one person whose two-word name opens
       with it and ends in a word never written alone (Jiang -> Jiang Zemin);
    6. otherwise it starts a group of its own.

    Parameters
    ----------
    forms
        Distinct surface forms with their mention counts and kind votes; forms without name
        tokens are skipped.

    Returns
    -------
    list of NameGroup
        The groups, in the order they were started.
    """
    ordered = sorted((f for f in forms if f.tokens), key=lambda f: (-len(f.tokens), -f.count))
    groups: list[NameGroup] = []
    blocks = _Blocks(alone={f.tokens[0] for f in ordered if len(f.tokens) == 1})
    merged: dict[NameGroup, NameGroup] = {}
    for form in ordered:
        group = blocks.place(form)
        if group is None:
            group = NameGroup()
            groups.append(group)
        while group in merged:
            group = merged[group]
        if is_acronym(form.text):
            _merge_expansions(group, blocks.expansions(form), groups, merged)
        group.forms.append(form)
        blocks.add(form, group)
    return groups


def _content_tokens(form: NameForm) -> tuple[str, ...]:
    return tuple(t for t in form.tokens if t not in _CONNECTORS)


def _alike_words(a: str, b: str) -> bool:
    """Two words of one name: close spellings, or one cut short of the other ("Auto",
    "Automobile")."""
    short, long = sorted((a, b), key=len)
    return (_similar(a, b, GIVEN_NAME_SIMILARITY)
            or (len(short) >= MIN_FUZZY_LENGTH and long.startswith(short)))


def _spelled_alike(group: NameGroup, other: NameGroup) -> bool:
    """Whether two groups' long forms are one name's, word by word once "and", "of" and the
    like are left out; "Greg Martin" and "General Motors", both GM, are not."""
    return any(
        len(a) == len(b) > 1 and all(_alike_words(x, y) for x, y in zip(a, b, strict=True))
        for a in map(_content_tokens, group.forms) for b in map(_content_tokens, other.forms))


def _merge_expansions(group: NameGroup, expansions: list[NameGroup], groups: list[NameGroup],
                      merged: dict[NameGroup, NameGroup]) -> None:
    """Merge into ``group`` the other groups the same acronym abbreviates: "United Auto
    Workers" and "United Automobile Workers" are both the UAW, "National Highway Traffic
    Safety Administration" and "... Traffic and Safety Administration" both NHTSA, when their
    words are alike (:func:`_spelled_alike`). A form later placed in a merged group goes to
    ``group``."""
    for other in expansions:
        while other in merged:
            other = merged[other]
        if other is not group and _spelled_alike(group, other):
            group.forms.extend(other.forms)
            groups.remove(other)
            merged[other] = group
