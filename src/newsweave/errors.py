"""One exception tree for everything newsweave rejects.

    NewsweaveError             base: the CLI prints ``Type: message`` and exits non-zero
    ├── IngestError            an input could not be read (empty, binary, undecodable, too big,
    │                          malformed JSON, HTML with no article); names the input
    │   └── NoArticleError     none of the inputs given yields an article
    ├── EmptyStoryError        nothing left to summarize after reading and cleaning
    ├── UnknownAlgorithmError  a summarizer name that is not registered; lists the registered
    ├── MissingExtraError      a feature whose optional extra is not installed; names the extra
    └── InvalidOptionError     an option value out of range; names the value and what is valid

Messages name the bad value and, where there is a choice, the valid options. Functions raise;
none returns None to mean "rejected". Every error pickles with its type, message and
attributes, so one raised in a worker process (``newsweave serve`` briefs in processes)
reaches the server as it was raised.
"""

from __future__ import annotations

from typing import Any


class NewsweaveError(Exception):
    """Base class of every error newsweave raises on purpose."""

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickle by message and attributes, never by calling ``__init__`` again.

        Exception's own pickling calls ``type(self)(*self.args)``, and ``args`` holds the
        formatted message, not the arguments of a subclass's ``__init__`` (``origin, reason``,
        ``name, available``...), so unpickling would fail or garble the message.
        """
        return (_rebuild, (type(self), self.args, self.__dict__))


def _rebuild(cls: type[NewsweaveError], args: tuple[Any, ...], state: dict[str, Any]
             ) -> NewsweaveError:
    """An error of class ``cls`` with ``args`` and attributes ``state``, its ``__init__``
    skipped (the inverse of :meth:`NewsweaveError.__reduce__`)."""
    error = cls.__new__(cls, *args)
    error.args = args
    error.__dict__.update(state)
    return error


class IngestError(NewsweaveError):
    """An input could not be turned into an article."""

    def __init__(self, origin: str, reason: str) -> None:
        self.origin = origin
        self.reason = reason
        super().__init__(f"{origin}: {reason}")


class NoArticleError(IngestError):
    """Not one of the inputs yields an article; the message says why each failed."""

    def __init__(self, reason: str) -> None:
        self.origin = ""
        self.reason = reason
        NewsweaveError.__init__(self, reason)


class EmptyStoryError(NewsweaveError):
    """There is nothing to summarize."""


class StoryTooLargeError(NewsweaveError):
    """A story has more sentences than a brief can read in bounded memory."""


class UnknownAlgorithmError(NewsweaveError):
    """A summarizer was asked for by a name that is not registered."""

    def __init__(self, name: str, available: list[str]) -> None:
        self.name = name
        self.available = available
        super().__init__(f"no summarizer named {name!r}; available: {', '.join(available)}")


class MissingExtraError(NewsweaveError):
    """A feature needs an optional extra (``pip install 'newsweave[extra]'``) that is missing."""

    def __init__(self, what: str, extra: str, missing: str | None) -> None:
        self.extra = extra
        super().__init__(f"{what} needs the {extra} extra ({missing} is missing): "
                         f"pip install 'newsweave[{extra}]'")


class InvalidOptionError(NewsweaveError):
    """An option has a value outside its valid range."""
