"""The plain data model that flows through the whole pipeline.

Readers make :class:`Article` objects, the text stage fills their :class:`Sentence` tuple,
a :class:`Story` groups articles, and summarizers and analysers fill a :class:`Brief`.
Modules meet here and nowhere else.

Every class is a frozen, slotted dataclass with concrete types (``datetime.date``, not
``str``) and a ``to_dict``/``from_dict`` pair; ``Brief.from_dict(brief.to_dict())``
gives back an equal brief, so JSON output is a lossless serialisation of the model.
A :class:`Sentence` refers into its article by id and character offsets (like a spaCy
``Span`` into its ``Doc``), which is what makes attribution and highlighting exact.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any, Literal

BudgetUnit = Literal["words", "bytes", "sentences"]
BUDGET_UNITS: tuple[BudgetUnit, ...] = ("words", "bytes", "sentences")
EntityKind = Literal["PERSON", "PLACE", "ORG", "PRODUCT"]
"""PRODUCT is OntoNotes' kind for craft and products: a ship, a plane, a car model ("the
submarine Kursk", "Volvo S80"), neither a person, a place nor an organisation."""


def _date_or_none(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _iso_or_none(value: date | None) -> str | None:
    return value.isoformat() if value else None


def content_id(text: str) -> str:
    """A stable id for text that came without one: the first 16 hex digits of its SHA-256."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence, pointing into its article by id and character offsets.

    ``article.text[start:end] == text`` always holds; ``index`` is the sentence's position in
    its article and ``paragraph`` the paragraph it stands in (lead paragraphs matter in news).
    """

    article_id: str
    index: int
    start: int
    end: int
    text: str
    paragraph: int = 0
    tokens: tuple[str, ...] = ()

    @property
    def ref(self) -> SentenceRef:
        return SentenceRef(self.article_id, self.index)

    def to_dict(self) -> dict[str, Any]:
        return {
            "article_id": self.article_id,
            "index": self.index,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "paragraph": self.paragraph,
            "tokens": list(self.tokens),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Sentence:
        return cls(
            article_id=str(data["article_id"]),
            index=int(data["index"]),
            start=int(data["start"]),
            end=int(data["end"]),
            text=str(data["text"]),
            paragraph=int(data.get("paragraph", 0)),
            tokens=tuple(data.get("tokens", ())),
        )


@dataclass(frozen=True, slots=True, order=True)
class SentenceRef:
    """The address of a sentence: which article, which sentence in it."""

    article_id: str
    index: int

    def to_dict(self) -> dict[str, Any]:
        return {"article_id": self.article_id, "index": self.index}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SentenceRef:
        return cls(str(data["article_id"]), int(data["index"]))


@dataclass(frozen=True, slots=True)
class Article:
    """One news report, cleaned.

    ``id`` is the input's own id when it gave one (the ``"id"`` of a JSONL line) and a content
    hash otherwise. ``source`` is the outlet ("BBC"), ``origin`` where it was read from (a path,
    ``"<stdin>"``, ``file.jsonl:3``). ``sentences`` is empty until the text stage has run.
    """

    id: str
    text: str
    source: str | None = None
    title: str | None = None
    url: str | None = None
    published: date | None = None
    origin: str | None = None
    sentences: tuple[Sentence, ...] = ()

    @property
    def label(self) -> str:
        """How the article is named to a reader: its outlet, or failing that its id."""
        return self.source or self.id

    def with_sentences(self, sentences: tuple[Sentence, ...]) -> Article:
        return replace(self, sentences=sentences)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "source": self.source,
            "title": self.title,
            "url": self.url,
            "published": _iso_or_none(self.published),
            "origin": self.origin,
            "text": self.text,
            "sentences": [s.to_dict() for s in self.sentences],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        return cls(
            id=str(data["id"]),
            text=str(data["text"]),
            source=data.get("source"),
            title=data.get("title"),
            url=data.get("url"),
            published=_date_or_none(data.get("published")),
            origin=data.get("origin"),
            sentences=tuple(Sentence.from_dict(s) for s in data.get("sentences", ())),
        )


@dataclass(frozen=True, slots=True)
class Story:
    """Articles that report the same event."""

    articles: tuple[Article, ...]
    id: str = ""
    title: str | None = None

    def article(self, article_id: str) -> Article:
        for article in self.articles:
            if article.id == article_id:
                return article
        raise KeyError(article_id)

    def sentence(self, ref: SentenceRef) -> Sentence:
        return self.article(ref.article_id).sentences[ref.index]

    @property
    def sentences(self) -> tuple[Sentence, ...]:
        return tuple(s for a in self.articles for s in a.sentences)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "articles": [a.to_dict() for a in self.articles],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Story:
        return cls(
            articles=tuple(Article.from_dict(a) for a in data["articles"]),
            id=str(data.get("id", "")),
            title=data.get("title"),
        )


@dataclass(frozen=True, slots=True)
class Budget:
    """How long a summary may be: at most ``limit`` words, bytes (UTF-8) or sentences."""

    limit: int
    unit: BudgetUnit = "words"

    def __post_init__(self) -> None:
        if self.unit not in BUDGET_UNITS:
            raise ValueError(f"Budget unit {self.unit!r} is not one of {', '.join(BUDGET_UNITS)}")
        if self.limit < 1:
            raise ValueError(f"Budget limit must be at least 1, got {self.limit}")

    def cost(self, text: str) -> int:
        """What ``text`` costs in this budget's unit."""
        if self.unit == "words":
            return len(text.split())
        if self.unit == "bytes":
            return len(text.encode("utf-8"))
        return 1

    def to_dict(self) -> dict[str, Any]:
        return {"limit": self.limit, "unit": self.unit}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Budget:
        return cls(limit=int(data["limit"]), unit=data.get("unit", "words"))


@dataclass(frozen=True, slots=True)
class SummarySentence:
    """A sentence chosen for the summary, with why it was chosen and who reports it.

    ``support`` holds the matching sentences of *other* articles: the same fact as told by
    other outlets, best match per article, so a reader sees "BBC; also Al Jazeera, RFE/RL".
    """

    sentence: Sentence
    score: float
    support: tuple[SentenceRef, ...] = ()

    @property
    def article_ids(self) -> tuple[str, ...]:
        return (self.sentence.article_id, *(ref.article_id for ref in self.support))

    def to_dict(self) -> dict[str, Any]:
        return {
            "sentence": self.sentence.to_dict(),
            "score": self.score,
            "support": [ref.to_dict() for ref in self.support],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SummarySentence:
        return cls(
            sentence=Sentence.from_dict(data["sentence"]),
            score=float(data["score"]),
            support=tuple(SentenceRef.from_dict(r) for r in data.get("support", ())),
        )


@dataclass(frozen=True, slots=True)
class Mention:
    """Where an entity is named: a character span of one article's text."""

    article_id: str
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"article_id": self.article_id, "start": self.start, "end": self.end,
                "text": self.text}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Mention:
        return cls(str(data["article_id"]), int(data["start"]), int(data["end"]),
                   str(data["text"]))


@dataclass(frozen=True, slots=True)
class Entity:
    """A person, place, organisation or product, with every spelling the sources use for it."""

    name: str
    kind: EntityKind
    variants: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = ()

    @property
    def article_ids(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(m.article_id for m in self.mentions))

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "kind": self.kind,
            "variants": list(self.variants),
            "mentions": [m.to_dict() for m in self.mentions],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Entity:
        return cls(
            name=str(data["name"]),
            kind=data["kind"],
            variants=tuple(data.get("variants", ())),
            mentions=tuple(Mention.from_dict(m) for m in data.get("mentions", ())),
        )


@dataclass(frozen=True, slots=True)
class TimelineEvent:
    """Something that happened on a date, as one or more sentences report it.

    ``when`` is None when the expression could not be resolved (a relative date in an
    article with no known publication date); ``granularity`` says how precise ``when`` is.
    ``year_inferred`` says the report gave a month and day ("April 14") but no date of its
    own, so the year came from the story's other reports.
    """

    when: date | None
    expression: str
    text: str
    sentences: tuple[SentenceRef, ...]
    granularity: Literal["day", "month", "year"] = "day"
    year_inferred: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "when": _iso_or_none(self.when),
            "expression": self.expression,
            "text": self.text,
            "sentences": [r.to_dict() for r in self.sentences],
            "granularity": self.granularity,
            "year_inferred": self.year_inferred,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TimelineEvent:
        return cls(
            when=_date_or_none(data.get("when")),
            expression=str(data["expression"]),
            text=str(data["text"]),
            sentences=tuple(SentenceRef.from_dict(r) for r in data.get("sentences", ())),
            granularity=data.get("granularity", "day"),
            year_inferred=bool(data.get("year_inferred", False)),
        )


@dataclass(frozen=True, slots=True)
class Statement:
    """One source's version of a fact: the sentence, and the value it gives if any."""

    ref: SentenceRef
    text: str
    value: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"ref": self.ref.to_dict(), "text": self.text, "value": self.value}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Statement:
        return cls(SentenceRef.from_dict(data["ref"]), str(data["text"]), data.get("value"))


ClaimKind = Literal["agreement", "conflict", "single_source"]


@dataclass(frozen=True, slots=True)
class Claim:
    """A fact as the sources tell it: confirmed by several, contradicted, or told by one."""

    kind: ClaimKind
    topic: str
    statements: tuple[Statement, ...]
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "topic": self.topic,
            "statements": [s.to_dict() for s in self.statements],
            "note": self.note,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Claim:
        return cls(
            kind=data["kind"],
            topic=str(data["topic"]),
            statements=tuple(Statement.from_dict(s) for s in data.get("statements", ())),
            note=str(data.get("note", "")),
        )


@dataclass(frozen=True, slots=True)
class Quote:
    """Words a source puts in someone's mouth."""

    speaker: str | None
    text: str
    ref: SentenceRef

    def to_dict(self) -> dict[str, Any]:
        return {"speaker": self.speaker, "text": self.text, "ref": self.ref.to_dict()}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Quote:
        return cls(data.get("speaker"), str(data["text"]), SentenceRef.from_dict(data["ref"]))


@dataclass(frozen=True, slots=True)
class Brief:
    """What newsweave says about a story: the summary and the analysis sections.

    The story travels with the brief, so a brief is self-contained: a renderer can name each
    sentence's outlets and a web page can highlight a sentence in its source article.
    """

    story: Story
    summary: tuple[SummarySentence, ...]
    budget: Budget
    algorithm: str
    entities: tuple[Entity, ...] = ()
    timeline: tuple[TimelineEvent, ...] = ()
    claims: tuple[Claim, ...] = ()
    quotes: tuple[Quote, ...] = ()
    warnings: tuple[str, ...] = field(default=())

    def sources_of(self, item: SummarySentence) -> tuple[str, ...]:
        """The outlets reporting a summary sentence, its own first."""
        labels = (self.story.article(a).label for a in item.article_ids)
        return tuple(dict.fromkeys(labels))

    def to_dict(self) -> dict[str, Any]:
        return {
            "story": self.story.to_dict(),
            "summary": [s.to_dict() for s in self.summary],
            "budget": self.budget.to_dict(),
            "algorithm": self.algorithm,
            "entities": [e.to_dict() for e in self.entities],
            "timeline": [e.to_dict() for e in self.timeline],
            "claims": [c.to_dict() for c in self.claims],
            "quotes": [q.to_dict() for q in self.quotes],
            "warnings": list(self.warnings),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Brief:
        return cls(
            story=Story.from_dict(data["story"]),
            summary=tuple(SummarySentence.from_dict(s) for s in data["summary"]),
            budget=Budget.from_dict(data["budget"]),
            algorithm=str(data["algorithm"]),
            entities=tuple(Entity.from_dict(e) for e in data.get("entities", ())),
            timeline=tuple(TimelineEvent.from_dict(e) for e in data.get("timeline", ())),
            claims=tuple(Claim.from_dict(c) for c in data.get("claims", ())),
            quotes=tuple(Quote.from_dict(q) for q in data.get("quotes", ())),
            warnings=tuple(data.get("warnings", ())),
        )
