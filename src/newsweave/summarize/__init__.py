"""Selection algorithms behind one interface, registered by name.

Importing this package registers every algorithm; :func:`create` makes one by name and
:func:`summarize` runs one and attributes its sentences.
"""

from newsweave.models import Budget, Story, SummarySentence
from newsweave.summarize import centroid as _centroid  # noqa: F401  (registers itself)
from newsweave.summarize.attribution import attribute
from newsweave.summarize.base import Scored, Summarizer, fill_budget
from newsweave.summarize.registry import DEFAULT_ALGORITHM, available, create, describe
from newsweave.summarize.vectors import SentenceVectors


def summarize(story: Story, budget: Budget, algorithm: str | Summarizer = "default"
              ) -> list[SummarySentence]:
    """The story's summary within ``budget``: chosen, attributed and in reading order."""
    summarizer = create(algorithm) if isinstance(algorithm, str) else algorithm
    chosen = summarizer.select(story, budget)
    return attribute(story, chosen, SentenceVectors.build(story.sentences))


__all__ = ["DEFAULT_ALGORITHM", "Scored", "Summarizer", "available", "create", "describe",
           "fill_budget", "summarize"]
