"""Cross-document entity coreference on ECB+ (Cybulska and Vossen 2014), with gold mentions.

Each ECB+ topic holds news reports of two similar events (an ``ecb`` and an ``ecbplus``
subtopic). Given the gold spans of its HUMAN and LOC mentions in the validated ("eval")
sentences, :func:`link_mentions` groups them into entities across the documents, and
:func:`evaluate` scores the grouping with MUC, B-cubed and CEAF-e
(:mod:`newsweave.evaluate.coref`). The same name rules as the brief's entity analysis
(:mod:`newsweave.analyze.names`) link the named mentions; the other mentions are linked by
sieves, each a named, commented rule (see :func:`link_mentions`).

:func:`detection_scores` measures the other half of entity analysis, finding the names:
how many of the gold named HUMAN/LOC mentions :func:`newsweave.analyze.ner.find_names` finds.

Topics 36 to 45 are ECB+'s test topics; they are refused, never read.
"""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np
from scipy.cluster.hierarchy import DisjointSet, fcluster, linkage
from scipy.spatial.distance import pdist

from newsweave.analyze.names import NameForm, group_forms, name_tokens
from newsweave.analyze.ner import NerBackend, find_names, is_headline, line_at
from newsweave.errors import NewsweaveError
from newsweave.evaluate.coref import CorefScores, score
from newsweave.models import Article, EntityKind, Sentence
from newsweave.text.stopwords import STOP_WORDS
from newsweave.text.tokens import stem

TEST_TOPICS = frozenset(str(t) for t in range(36, 46))
"""ECB+'s test topics (Cybulska and Vossen 2015 split): never read here."""

MENTION_TYPES: dict[str, EntityKind] = {"HUMAN": "PERSON", "LOC": "PLACE"}
"""The gold types scored, and the kind a name of that type votes for."""

DOCUMENT_DISTANCE = 0.9
"""Cosine distance (average linkage over tf-idf vectors) under which two documents of a topic
are taken to report the same event; tuned on the train topics. Common nouns ("the actress")
are linked only within such a group."""

PRONOUN_WINDOW = 5
"""How many sentences back a pronoun looks for its antecedent (tuned on train: 2 to 8 differ
by 0.4 CoNLL F1)."""

PRONOUNS: frozenset[str] = frozenset(
    {
        "he", "him", "his", "himself", "she", "her", "hers", "herself", "they", "them", "their",
        "theirs", "themselves", "it", "its", "itself", "we", "us", "our", "ours", "ourselves",
        "i", "me", "my", "mine", "myself", "you", "your", "yours", "who", "whom", "whose",
        "which", "that", "there", "where", "here", "this", "these", "those", "one",
    }
)
"""Mentions that name nothing themselves: linked to an antecedent in their own document."""

GENDERS: dict[str, str] = {
    **dict.fromkeys(("he", "him", "his", "himself"), "male"),
    **dict.fromkeys(("she", "her", "hers", "herself"), "female"),
}
"""Pronouns that stand for one person of a known gender: their antecedent is a name."""

RELATIVE_PRONOUNS: frozenset[str] = frozenset({"who", "whom", "whose", "which", "that", "where"})
"""Pronouns whose antecedent is the mention just before them in their sentence."""

_CONTEXT = 30
"""Characters before a name searched for the role noun standing beside it."""

_ADDRESS = re.compile(r"\s*(?:https?:|www\.)")
"""A line that is a web address (ECB+ keeps the source's, tokenised)."""

_LEAD = re.compile(r"^(?:(?:in|at|on|to|from|near|into|inside|outside|across|of|the|a|an|"
                   r"this|that|these|those)\s+)+", re.IGNORECASE)
_HEAD_END = re.compile(r"\s(?:in|at|on|near|from|with|who|which|that)\s.*$|\s*[,(].*$")
_QUOTES = re.compile(r"''|``|[\"“”]")


class EcbPlusError(NewsweaveError):
    """ECB+ data cannot be used as asked (unreadable file, a test topic)."""


@dataclass(frozen=True, slots=True)
class GoldMention:
    """One gold mention: a span of a document, its type and its gold entity."""

    doc: str
    start: int
    end: int
    text: str
    type: str
    cluster: str
    sentence: int

    @property
    def key(self) -> tuple[str, int, int]:
        return (self.doc, self.start, self.end)


@dataclass(frozen=True, slots=True)
class Topic:
    """One ECB+ topic: its documents (one sentence a line) and its scored gold mentions."""

    id: str
    documents: dict[str, str]
    mentions: tuple[GoldMention, ...]
    eval_sentences: dict[str, tuple[int, ...]]


def _topic(record: dict[str, Any]) -> Topic:
    mentions = tuple(
        GoldMention(str(m["doc"]), int(m["start"]), int(m["end"]), str(m["text"]),
                    str(m["type"]), str(m["cluster"]), int(m["sent"]))
        for m in record["mentions"] if m["in_eval_sentence"] and m["type"] in MENTION_TYPES
    )
    sentences = {doc: tuple(int(i) for i in found)
                 for doc, found in record.get("eval_sentences", {}).items()}
    return Topic(str(record["topic"]), dict(record["documents"]), mentions, sentences)


def load_topics(path: Path, topics: Iterable[str] | None = None) -> list[Topic]:
    """The topics of an ECB+ entity file (gzipped JSON lines, one topic a line).

    Parameters
    ----------
    path
        ``entities_train.jsonl.gz`` or ``entities_dev.jsonl.gz``.
    topics
        Only these topic ids (all the file holds when None).

    Returns
    -------
    list of Topic
        In file order, with the HUMAN and LOC mentions of the eval sentences.

    Raises
    ------
    EcbPlusError
        When a test topic (36-45) is asked for or met, or the file cannot be read.
    """
    wanted = None if topics is None else set(topics)
    if wanted and wanted & TEST_TOPICS:
        raise EcbPlusError(f"topics {', '.join(sorted(wanted & TEST_TOPICS))} are ECB+ test "
                           "topics (36-45), which are not used; choose train or dev topics")
    try:
        with gzip.open(path, "rt", encoding="utf-8") as lines:
            records = [json.loads(line) for line in lines if line.strip()]
        found = [_topic(r) for r in records if wanted is None or str(r["topic"]) in wanted]
    except (OSError, EOFError, ValueError, KeyError, TypeError) as exc:
        raise EcbPlusError(f"cannot read ECB+ data {path}: {exc}") from exc
    if any(t.id in TEST_TOPICS for t in found):
        raise EcbPlusError(f"{path} holds ECB+ test topics (36-45); use the train or dev file")
    missing = sorted(wanted - {t.id for t in found}) if wanted else []
    if missing or not found:
        held = ", ".join(str(r.get("topic")) for r in records)
        raise EcbPlusError(f"{path} has no topic {', '.join(missing) or '(empty file)'}; "
                           f"it holds: {held}")
    return found


_EVENT_CLUES = re.compile(r"(?<![\n.] )\b[A-Z][a-zA-Z]+|\b\d{4}\b")
"""What tells two events of a topic apart: the names (capitalised words not opening a
sentence) and the years; the common words of a topic ("rehab", "actress") are shared."""


def group_documents(documents: dict[str, str]) -> dict[str, int]:
    """Documents of a topic grouped by the event they report.

    Each document is a tf-idf vector (log counts) of its names and years
    (:data:`_EVENT_CLUES`); groups are cut from an average-linkage tree at
    :data:`DOCUMENT_DISTANCE`.

    Returns
    -------
    dict
        Document id -> group number.
    """
    ids = sorted(documents)
    if len(ids) < 2:
        return dict.fromkeys(ids, 0)
    bags = [Counter(w.lower() for w in _EVENT_CLUES.findall(documents[d])) for d in ids]
    vocabulary = {w: i for i, w in enumerate(sorted(set().union(*bags)))}
    counts = np.zeros((len(ids), len(vocabulary)))
    for row, bag in enumerate(bags):
        for word, n in bag.items():
            counts[row, vocabulary[word]] = n
    idf = np.log(len(ids) / np.count_nonzero(counts, axis=0)) + 1
    tree = linkage(pdist(np.log1p(counts) * idf, "cosine"), method="average")
    labels = fcluster(tree, t=DOCUMENT_DISTANCE, criterion="distance")
    return {doc: int(label) for doc, label in zip(ids, labels, strict=True)}


def _core(text: str) -> str:
    """The mention without quotes, leading prepositions and determiners ("at the Center")."""
    return _LEAD.sub("", _QUOTES.sub("", text).strip()).strip()


def _pronoun(mention: GoldMention) -> str:
    """The mention in lower case without a clitic ("She's" -> "she")."""
    return re.sub(r"['’]\w*$", "", mention.text.lower())


def _is_pronoun(mention: GoldMention) -> bool:
    return _pronoun(mention) in PRONOUNS


@dataclass(frozen=True, slots=True)
class _Reading:
    """What the sieves need of a mention: the name it gives, if any, and its head's stem."""

    name: str | None
    head: str
    roles: frozenset[str] = frozenset()
    """Stems of the common nouns a name stands beside: "actress" in "actress Lindsay Lohan",
    "lawyer" in "lawyer Mark Heller"."""


def _at_line_start(text: str, start: int) -> bool:
    return start == 0 or text[start - 1] == "\n"


def _read(mention: GoldMention, text: str, lowercase: set[str]) -> _Reading:
    """A mention's name and head: "Betty Ford Center in Rancho Mirage" names "Betty Ford
    Center"; "a rehab facility in Malibu" names nothing, its head is "facility"; "Hackers"
    at a sentence start, "Teen" in a headline, "MAN" in capitals name nothing when the
    topic writes "hackers", "teen", "man" elsewhere."""
    phrase = _HEAD_END.sub("", _core(mention.text))
    phrase = re.sub(r"^.*['’]s\s+", "", phrase)
    words = phrase.split()
    if not words or _is_pronoun(mention):
        return _Reading(None, mention.text.lower())
    head = words[-1]
    uncertain = (_at_line_start(text, mention.start) or head.isupper()
                 or is_headline(line_at(text, mention.start)))
    common = len(words) == 1 and uncertain and head.lower() in lowercase
    if head[:1].isupper() and not common:
        first = next(i for i, w in enumerate(words) if w[:1].isupper() or w[:1].isdigit())
        before = re.search(r"([a-z][\w-]*)\s+$", text[max(0, mention.start - _CONTEXT):
                                                        mention.start])
        roles = [w.lower() for w in words[:first]] + ([before.group(1)] if before else [])
        return _Reading(" ".join(words[first:]), stem(head.lower()),
                        frozenset(stem(r) for r in roles if r not in STOP_WORDS))
    return _Reading(None, stem(re.sub(r"\W", "", head.lower())) or head.lower())


def _with_names_respelled(mentions: Sequence[GoldMention], readings: list[_Reading]
                          ) -> list[_Reading]:
    """Read a mention taken for a common noun as a name when another mention of the topic
    spells that name ("MICROSOFT", or "Microsoft" opening a sentence, for "Microsoft")."""
    names = {(m.type, r.name.lower()): r.name for m, r in zip(mentions, readings, strict=True)
             if r.name is not None}
    return [replace(r, name=names.get((m.type, _HEAD_END.sub("", _core(m.text)).lower())))
            if r.name is None and not _is_pronoun(m) else r
            for m, r in zip(mentions, readings, strict=True)]


def _lowercase_words(topic: Topic) -> set[str]:
    """Words the topic writes in lower case, its web addresses left out ("microsoft. com")."""
    return {w for text in topic.documents.values() for line in text.splitlines()
            if not _ADDRESS.match(line) for w in re.findall(r"\b[a-z]+", line)}


def _inside(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """Whether a one-word name opens a longer one ("Promises" in "Promises Treatment
    Center"), or a longer name runs inside one ("Promises Treatment Center" in "Malibu
    Promises Treatment Center"); a lone word inside ("Malibu") is most often another entity."""
    if len(short) >= len(long):
        return False
    if len(short) == 1:
        return long[0] == short[0]
    return any(long[k:k + len(short)] == short for k in range(len(long) - len(short) + 1))


def _link_contained(groups: Sequence[Sequence[NameForm]], members: dict[str, list[int]],
                    links: DisjointSet, place: bool) -> None:
    """Sieve 1b: a name inside one other, longer name is that name (see :func:`_inside`).

    A place's name of two words or more that opens several longer ones is all of them:
    "Betty Ford" for "Betty Ford Center", "Betty Ford Clinic", "Betty Ford Treatment Center".
    """
    for group in groups:
        for form in group:
            longer = {j for j, other in enumerate(groups) for o in other
                      if _inside(form.tokens, o.tokens)}
            if len(longer) == 1 or (place and len(form.tokens) > 1 and longer):
                for j in longer:
                    links.merge(members[form.text][0], members[groups[j][0].text][0])


def _link_names(mentions: Sequence[GoldMention], readings: Sequence[_Reading],
                links: DisjointSet) -> None:
    """Sieve 1: names, topic-wide, by the brief's name rules (spellings, surnames, acronyms)."""
    for gold_type in MENTION_TYPES:
        forms: dict[str, NameForm] = {}
        members: dict[str, list[int]] = defaultdict(list)
        for i, (m, reading) in enumerate(zip(mentions, readings, strict=True)):
            if m.type == gold_type and reading.name is not None:
                form = forms.setdefault(reading.name, NameForm(reading.name,
                                                               name_tokens(reading.name)))
                form.count += 1
                form.votes[MENTION_TYPES[gold_type]] += 1
                members[reading.name].append(i)
        groups = [group.forms for group in group_forms(forms.values())]
        for group in groups:
            indices = [i for form in group for i in members[form.text]]
            for i in indices[1:]:
                links.merge(indices[0], i)
        _link_contained(groups, members, links, place=gold_type == "LOC")


def _link_nouns_by_role(mentions: Sequence[GoldMention], readings: Sequence[_Reading],
                        events: dict[str, int], links: DisjointSet) -> None:
    """Sieve 2a: common nouns ("the lawyer") join the one named entity of their event that
    the documents call so ("lawyer Mark Heller")."""
    roles: dict[tuple[str, int, str], set[int]] = defaultdict(set)
    for i, (m, reading) in enumerate(zip(mentions, readings, strict=True)):
        for role in reading.roles:
            roles[(m.type, events[m.doc], role)].add(links[i])
    for i, (m, reading) in enumerate(zip(mentions, readings, strict=True)):
        named = roles.get((m.type, events[m.doc], reading.head), set())
        if reading.name is None and not _is_pronoun(m) and len(named) == 1:
            links.merge(i, next(iter(named)))


def _link_common_nouns(mentions: Sequence[GoldMention], readings: Sequence[_Reading],
                       events: dict[str, int], links: DisjointSet) -> None:
    """Sieve 2: common nouns with the same head, within documents that report one event."""
    first: dict[tuple[str, int, str], int] = {}
    for i, (m, reading) in enumerate(zip(mentions, readings, strict=True)):
        if reading.name is None and not _is_pronoun(m):
            key = (m.type, events[m.doc], reading.head)
            links.merge(i, first.setdefault(key, i))


def _candidates(mentions: Sequence[GoldMention], i: int) -> list[int]:
    """Earlier mentions of the same type in the same document within the window, nearest
    first, pronouns left out."""
    m = mentions[i]
    return [j for j in range(i - 1, -1, -1)
            if mentions[j].doc == m.doc and mentions[j].type == m.type
            and not _is_pronoun(mentions[j])
            and m.sentence - mentions[j].sentence <= PRONOUN_WINDOW]


def _antecedent(mentions: Sequence[GoldMention], readings: Sequence[_Reading], i: int,
                gender_of: dict[int, str], links: DisjointSet) -> int | None:
    """The antecedent of pronoun ``i``, by the first rule that applies.

    1. A relative pronoun (who, which, where) takes the nearest mention in its sentence.
    2. A personal pronoun takes the nearest name whose entity's gender (as the story's
       pronouns tell it) does not clash with its own, else the nearest name.
    3. Any other takes the nearest mention.
    """
    m, pronoun = mentions[i], _pronoun(mentions[i])
    earlier = _candidates(mentions, i)
    if pronoun in RELATIVE_PRONOUNS:
        same = [j for j in earlier if mentions[j].sentence == m.sentence]
        return same[0] if same else None
    if pronoun in GENDERS:
        named = [j for j in earlier if readings[j].name is not None]
        agreeing = [j for j in named
                    if gender_of.get(links[j], GENDERS[pronoun]) == GENDERS[pronoun]]
        earlier = agreeing or named or earlier
    return earlier[0] if earlier else None


def _genders(mentions: Sequence[GoldMention], readings: Sequence[_Reading],
             links: DisjointSet) -> dict[int, str]:
    """Each named entity's gender, as most of the he/she pronouns just after its names say."""
    votes: dict[int, Counter[str]] = defaultdict(Counter)
    for i, m in enumerate(mentions):
        gender = GENDERS.get(_pronoun(m))
        named = [j for j in _candidates(mentions, i) if readings[j].name is not None]
        if gender and named:
            votes[links[named[0]]][gender] += 1
    return {entity: found.most_common(1)[0][0] for entity, found in votes.items()}


def _link_pronouns(mentions: Sequence[GoldMention], readings: Sequence[_Reading],
                   links: DisjointSet) -> None:
    """Sieve 3: pronouns, to an antecedent in their own document (see :func:`_antecedent`)."""
    gender_of = _genders(mentions, readings, links)
    found = [(i, _antecedent(mentions, readings, i, gender_of, links))
             for i, m in enumerate(mentions) if _is_pronoun(m)]
    for i, j in found:
        if j is not None:
            links.merge(i, j)


def link_mentions(topic: Topic) -> list[list[GoldMention]]:
    """Group a topic's gold mentions into entities across its documents.

    Each mention is first read (:func:`_read`): the name it gives ("Betty Ford Center" in
    "the Betty Ford Center in Rancho Mirage") or, for a common noun, the stem of its head.
    The sieves then run in order, and a mention is linked by every sieve that applies:

    1. names, across the whole topic, by :func:`newsweave.analyze.names.group_forms`
       (spellings, surnames, acronyms); 1b. a name inside one longer name joins it;
    2. common nouns with the same head stem, within one group of documents reporting the
       same event (:func:`group_documents`), since "the actress" of one event is not that
       of another; 2a. a common noun joins the one named entity of its event the
       documents call so ("lawyer Mark Heller");
    3. pronouns, to an antecedent in their own document (:func:`_antecedent`), within
       :data:`PRONOUN_WINDOW` sentences.

    Mentions of different gold types (HUMAN, LOC) are never linked.

    Parameters
    ----------
    topic
        The topic, its mentions in document and text order.

    Returns
    -------
    list of list of GoldMention
        The entities; a mention no sieve links is an entity of its own.
    """
    mentions = sorted(topic.mentions, key=lambda m: (m.doc, m.start))
    lowercase = _lowercase_words(topic)
    readings = _with_names_respelled(
        mentions, [_read(m, topic.documents[m.doc], lowercase) for m in mentions])
    links = DisjointSet(range(len(mentions)))
    _link_names(mentions, readings, links)
    events = group_documents(topic.documents)
    _link_common_nouns(mentions, readings, events, links)
    _link_nouns_by_role(mentions, readings, events, links)
    _link_pronouns(mentions, readings, links)
    return [[mentions[i] for i in sorted(group)] for group in links.subsets()]


def gold_chains(topics: Iterable[Topic]) -> list[set[tuple[str, int, int]]]:
    """The key: every topic's gold entities as sets of mention keys."""
    chains: dict[str, set[tuple[str, int, int]]] = defaultdict(set)
    for topic in topics:
        for m in topic.mentions:
            chains[f"{topic.id}/{m.cluster}"].add(m.key)
    return list(chains.values())


def evaluate(topics: Sequence[Topic]) -> CorefScores:
    """MUC, B-cubed, CEAF-e and CoNLL F1 of :func:`link_mentions` over the topics.

    Parameters
    ----------
    topics
        Train or dev topics from :func:`load_topics`.

    Returns
    -------
    CorefScores
        Scores over all the topics' mentions at once (as the CoNLL scorer does a corpus).
    """
    response = [{m.key for m in group} for t in topics for group in link_mentions(t)]
    return score(gold_chains(topics), response)


@dataclass(frozen=True, slots=True)
class DetectionScores:
    """How many gold names a name finder found (exact span) and how many it found wrongly."""

    gold: int
    found: int
    exact: int
    overlapping: int

    @property
    def precision(self) -> float:
        return self.exact / self.found if self.found else 0.0

    @property
    def recall(self) -> float:
        return self.exact / self.gold if self.gold else 0.0

    @property
    def lenient_recall(self) -> float:
        """Gold names some found name overlaps (boundaries may differ)."""
        return self.overlapping / self.gold if self.gold else 0.0

    def __add__(self, other: DetectionScores) -> DetectionScores:
        return DetectionScores(self.gold + other.gold, self.found + other.found,
                               self.exact + other.exact, self.overlapping + other.overlapping)


def _as_article(doc: str, text: str) -> Article:
    """A document as an article whose sentences are its lines (ECB+ gives one a line)."""
    sentences: list[Sentence] = []
    offset = 0
    for index, line in enumerate(text.split("\n")):
        sentences.append(Sentence(doc, index, offset, offset + len(line), line))
        offset += len(line) + 1
    return Article(doc, text, sentences=tuple(sentences))


def _gold_names(topic: Topic, doc: str) -> set[tuple[int, int]]:
    """Spans of the names in a document's gold mentions, as written (capitalised): "Betty
    Ford Center" in "the Betty Ford Center in Rancho Mirage"."""
    text, lowercase = topic.documents[doc], _lowercase_words(topic)
    spans = set()
    for m in topic.mentions:
        name = _read(m, text, lowercase).name if m.doc == doc else None
        if name is not None:
            start = m.start + m.text.find(name)
            spans.add((start, start + len(name)))
    return spans


def detection_scores(topics: Sequence[Topic], backend: NerBackend) -> DetectionScores:
    """How well the name finder finds the gold named HUMAN/LOC mentions of the eval sentences.

    Found names outside the eval sentences are not counted (nothing is annotated there);
    nationalities and other names ECB+ does not annotate count against precision.

    Raises
    ------
    InvalidOptionError
        When ``backend`` is ``spacy`` and spaCy is not installed.
    """
    total = DetectionScores(0, 0, 0, 0)
    for topic in topics:
        docs = sorted(topic.documents)
        articles = [_as_article(d, topic.documents[d]) for d in docs]
        for article, spans in zip(articles, find_names(articles, backend), strict=True):
            lines = set(topic.eval_sentences.get(article.id, ()))
            found = {(s.start, s.end) for s in spans
                     if _line_of(article, s.start) in lines}
            gold = _gold_names(topic, article.id)
            overlapping = sum(1 for g in gold if any(f[0] < g[1] and g[0] < f[1] for f in found))
            total += DetectionScores(len(gold), len(found), len(gold & found), overlapping)
    return total


def _line_of(article: Article, offset: int) -> int:
    return article.text.count("\n", 0, offset)
