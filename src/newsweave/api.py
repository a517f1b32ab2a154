"""The Python API: ``newsweave.brief(...)`` from inputs to a :class:`~newsweave.Brief`."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from newsweave.analyze import DEFAULT_NER, Analysis, NerBackend, analyze, conflict_sentences
from newsweave.errors import InvalidOptionError, StoryTooLargeError
from newsweave.ingest import read_story
from newsweave.ingest.decode import DEFAULT_MAX_BYTES
from newsweave.models import Article, Brief, Budget, Story
from newsweave.summarize import Summarizer, create, summarize
from newsweave.summarize.candidates import bounded_note
from newsweave.text import split_article

DEFAULT_WORDS = 150
MAX_STORY_SENTENCES = 50_000
"""Most sentences a brief reads. What it compares pair by pair is bounded
(:mod:`newsweave.summarize.candidates`), but reading, naming, dating and quoting grow with the
story: 45,855 sentences (1,803 DUC reports) brief in 38 s at 0.9 GB, two thirds of it entities
and quotes. 50,000 sentences hold some 1,800 news reports."""


def make_budget(
    words: int | None = None, bytes: int | None = None, sentences: int | None = None
) -> Budget:
    """The one budget given, or the default of :data:`DEFAULT_WORDS` words.

    Raises
    ------
    InvalidOptionError
        When more than one is given, or a limit is below 1.
    """
    given = {unit: limit for unit, limit in
             (("words", words), ("bytes", bytes), ("sentences", sentences)) if limit is not None}
    if len(given) > 1:
        raise InvalidOptionError(f"give one budget, not {' and '.join(given)}")
    unit, limit = next(iter(given.items()), ("words", DEFAULT_WORDS))
    if limit < 1:
        raise InvalidOptionError(f"the {unit} budget must be at least 1, got {limit}")
    return Budget(limit=limit, unit=unit)  # type: ignore[arg-type]


def brief(
    inputs: Story | Sequence[Article] | Sequence[str | Path] | str | Path,
    *,
    words: int | None = None,
    bytes: int | None = None,
    sentences: int | None = None,
    algorithm: str | Summarizer = "default",
    analysis: bool = True,
    cover_conflicts: bool = False,
    ner: NerBackend = DEFAULT_NER,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Brief:
    """A brief of one story.

    Parameters
    ----------
    inputs:
        A :class:`Story`, a list of :class:`Article`, or paths (files, folders, ``"-"``).
    words, bytes, sentences:
        The summary's budget; at most one. Default: 150 words.
    algorithm:
        A registered summarizer name (see ``newsweave.summarize.available()``) or an instance.
    analysis:
        Fill the entity, timeline, claim and quote sections (off: summary only, faster).
    cover_conflicts:
        Put each conflicting version of a fact in the summary first (one sentence per
        version), then fill the rest of the budget as usual. Implies ``analysis``.
    ner:
        The name finder for entities: ``rules`` (default, fast), ``spacy`` (the ``ner`` extra)
        or ``auto`` (spaCy when installed).
    max_bytes:
        Largest input file read.

    Raises
    ------
    NewsweaveError
        Any of its subclasses: unreadable input, empty story, a story over
        ``MAX_STORY_SENTENCES``, unknown algorithm, bad budget.
    """
    budget = make_budget(words, bytes, sentences)
    chooser = create(algorithm) if isinstance(algorithm, str) else algorithm
    story, warnings = _story(inputs, max_bytes)
    _check_size(story)
    if note := bounded_note(story, claims=analysis or cover_conflicts):
        warnings.append(note)
    summarizer = chooser.for_story(story, budget)
    found = analyze(story, ner=ner) if analysis or cover_conflicts else Analysis()
    required = conflict_sentences(story, found.claims) if cover_conflicts else []
    summary = summarize(story, budget, summarizer, required=required)
    if not summary:
        warnings.append(_nothing_fits(story, budget))
    return Brief(
        story=story,
        summary=tuple(summary),
        budget=budget,
        algorithm=summarizer.name,
        entities=found.entities,
        timeline=found.timeline,
        claims=found.claims,
        quotes=found.quotes,
        warnings=tuple(warnings),
    )


def _nothing_fits(story: Story, budget: Budget) -> str:
    """Why the summary is empty: a budget under the shortest sentence (``--bytes 10`` gave an
    empty summary and exit status 0 without a word)."""
    shortest = min(budget.cost(sentence.text) for sentence in story.sentences)
    return (f"the summary is empty: no sentence fits in {budget.limit} {budget.unit}; the "
            f"shortest has {shortest}")


def _check_size(story: Story) -> None:
    """Refuse a story too large to brief before it is analysed: beyond what a brief compares
    pair by pair, its memory and time still grow with the story.

    Raises
    ------
    StoryTooLargeError
        When the story has more than ``MAX_STORY_SENTENCES`` sentences.
    """
    count = len(story.sentences)
    if count > MAX_STORY_SENTENCES:
        raise StoryTooLargeError(
            f"the reports hold {count:,} sentences; a brief reads at most "
            f"{MAX_STORY_SENTENCES:,} (some 1,800 news reports): give fewer or shorter reports")


def _story(
    inputs: Story | Sequence[Article] | Sequence[str | Path] | str | Path, max_bytes: int
) -> tuple[Story, list[str]]:
    if isinstance(inputs, Story):
        return inputs, []
    if isinstance(inputs, str | Path):
        inputs = [inputs]
    articles = [item for item in inputs if isinstance(item, Article)]
    if articles:
        if len(articles) != len(inputs):
            raise InvalidOptionError("give either articles or paths, not both")
        return Story(articles=tuple(a if a.sentences else split_article(a) for a in articles)), []
    paths = [item for item in inputs if isinstance(item, str | Path)]
    return read_story(paths, max_bytes=max_bytes)
