"""One registry of summarizers by name: the CLI's choices, ``--help`` and the docs come from it.

Algorithms register themselves with :func:`register` where they are defined; importing
:mod:`newsweave.summarize` imports them all, so the registry is complete once the package is.
"""

from __future__ import annotations

from typing import Any, TypeVar

from newsweave.errors import UnknownAlgorithmError
from newsweave.summarize.base import Summarizer

DEFAULT_ALGORITHM = "auto"
"""The algorithm a brief uses unless told otherwise, chosen by measurement: ``mmr`` (best of
ours on DUC 2006/2007, 1.5+ points over every peer on both) when the budget keeps under 30 %
of the input, ``learned`` (best of ours on Multi-News) when it keeps more; see
:mod:`newsweave.summarize.auto` and docs/bench/summarize.md."""

_REGISTRY: dict[str, type[Summarizer]] = {}
S = TypeVar("S", bound=type[Summarizer])


def register(cls: S) -> S:
    """Class decorator: make ``cls`` available under ``cls.name``."""
    if cls.name in _REGISTRY:
        raise ValueError(f"a summarizer named {cls.name!r} is already registered")
    _REGISTRY[cls.name] = cls
    return cls


def available() -> list[str]:
    """Registered algorithm names, sorted."""
    return sorted(_REGISTRY)


def describe() -> dict[str, str]:
    """Each algorithm's name and its docstring's summary, the first paragraph on one line
    (a summary wrapped over two lines was cut mid-phrase in ``brief --help`` and the page)."""
    return {name: _summary_line(_REGISTRY[name].__doc__ or "") for name in available()}


def _summary_line(docstring: str) -> str:
    return " ".join(docstring.strip().split("\n\n", 1)[0].split())


def create(name: str, **params: Any) -> Summarizer:
    """A new summarizer by name; raises :class:`UnknownAlgorithmError` for an unknown name."""
    if name == "default":
        name = DEFAULT_ALGORITHM
    try:
        cls = _REGISTRY[name]
    except KeyError:
        raise UnknownAlgorithmError(name, available()) from None
    return cls(**params)
