"""Selection algorithms behind one interface, registered by name.

Importing this package registers every algorithm; :func:`create` makes one by name and
:func:`summarize` runs one and attributes its sentences.
"""

from collections.abc import Sequence

from newsweave.models import Budget, SentenceRef, Story, SummarySentence
from newsweave.summarize import auto as _auto  # noqa: F401  (registers itself)
from newsweave.summarize import centroid as _centroid  # noqa: F401
from newsweave.summarize import ilp as _ilp  # noqa: F401
from newsweave.summarize import learned as _learned  # noqa: F401
from newsweave.summarize import lexrank as _lexrank  # noqa: F401
from newsweave.summarize import mmr as _mmr  # noqa: F401
from newsweave.summarize import semantic as _semantic  # noqa: F401
from newsweave.summarize import submodular as _submodular  # noqa: F401
from newsweave.summarize.attribution import attribute
from newsweave.summarize.base import Scored, Summarizer, fill_budget
from newsweave.summarize.candidates import candidate_story
from newsweave.summarize.registry import DEFAULT_ALGORITHM, available, create, describe
from newsweave.summarize.vectors import SentenceVectors

REQUIRED_SCORE = 0.0
"""Score of a sentence put in because it was required, not because the algorithm chose it."""


REQUIRED_SHARE = 0.5
"""Largest part of a budget that required sentences may take."""

REPEAT_COSINE = 0.5
"""Cosine with a required sentence at which an algorithm's pick says the same again."""


def summarize(
    story: Story,
    budget: Budget,
    algorithm: str | Summarizer = "default",
    *,
    required: Sequence[SentenceRef] = (),
) -> list[SummarySentence]:
    """The story's summary within ``budget``: chosen, attributed and in reading order.

    ``required`` sentences go in first, within :data:`REQUIRED_SHARE` of the budget (the
    conflicts a reader must see, without crowding out the story itself); the algorithm fills
    what is left, skipping repeats of them. In a story too large to compare whole, the
    algorithm chooses among :func:`~newsweave.summarize.candidates.candidate_story`'s
    sentences; attribution still reads every report.
    """
    summarizer = create(algorithm) if isinstance(algorithm, str) else algorithm
    vectors = SentenceVectors.build(story.sentences)
    share = Budget(max(1, int(budget.limit * REQUIRED_SHARE)), budget.unit)
    forced = fill_budget((Scored(story.sentence(ref), REQUIRED_SCORE) for ref in required),
                         share)
    left = budget.limit - sum(budget.cost(item.sentence.text) + _gap(budget) for item in forced)
    chosen = list(forced)
    if left >= 1:
        rest = summarizer.select(candidate_story(story), Budget(left, budget.unit))
        chosen += [item for item in rest if not _repeats(item, forced, vectors)]
    return attribute(story, chosen, vectors)


def _gap(budget: Budget) -> int:
    """What joining a sentence to the others costs: a space, in a byte budget."""
    return 1 if budget.unit == "bytes" else 0


def _repeats(item: Scored, forced: list[Scored], vectors: SentenceVectors) -> bool:
    return any(vectors.cosine(item.sentence.ref, other.sentence.ref) >= REPEAT_COSINE
               for other in forced)


__all__ = ["DEFAULT_ALGORITHM", "Scored", "Summarizer", "available", "create", "describe",
           "fill_budget", "summarize"]
