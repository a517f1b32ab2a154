"""newsweave: many news reports of one story in, one brief a reader can trust out.

The pipeline, one stage a subpackage: :mod:`~newsweave.ingest` (readers, cleaning) ->
:mod:`~newsweave.text` (sentences, tokens) -> :mod:`~newsweave.summarize` (selection
algorithms) -> :mod:`~newsweave.analyze` (entities, timeline, claims) ->
:mod:`~newsweave.report` (renderers). They meet in :mod:`~newsweave.models`.
"""

__version__ = "0.1.0"

from newsweave.api import brief, make_budget
from newsweave.errors import (
    EmptyStoryError,
    IngestError,
    InvalidOptionError,
    MissingExtraError,
    NewsweaveError,
    NoArticleError,
    StoryTooLargeError,
    UnknownAlgorithmError,
)
from newsweave.ingest import read_articles, read_story
from newsweave.models import (
    Article,
    Brief,
    Budget,
    Claim,
    Entity,
    Mention,
    Quote,
    Sentence,
    SentenceRef,
    Statement,
    Story,
    SummarySentence,
    TimelineEvent,
)
from newsweave.report import render

__all__ = [
    "Article", "Brief", "Budget", "Claim", "EmptyStoryError", "Entity", "IngestError",
    "InvalidOptionError", "Mention", "MissingExtraError", "NewsweaveError", "NoArticleError",
    "Quote", "Sentence", "SentenceRef", "Statement", "Story", "StoryTooLargeError",
    "SummarySentence", "TimelineEvent", "UnknownAlgorithmError",
    "__version__", "brief", "make_budget", "read_articles", "read_story", "render",
]
