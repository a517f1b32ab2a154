"""Entities, timeline, claims and quotes across sources: the brief's analysis sections.

Each analyser takes a :class:`~newsweave.models.Story` and returns model objects; this module
runs them together so a brief gets every section from one call.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsweave.analyze.claims import conflict_sentences, find_claims
from newsweave.analyze.entities import find_entities
from newsweave.analyze.quotes import find_quotes
from newsweave.analyze.timeline import build_timeline
from newsweave.models import Claim, Entity, Quote, Story, TimelineEvent


@dataclass(frozen=True, slots=True)
class Analysis:
    """The analysis sections of one story."""

    entities: tuple[Entity, ...] = ()
    timeline: tuple[TimelineEvent, ...] = ()
    claims: tuple[Claim, ...] = ()
    quotes: tuple[Quote, ...] = ()


def analyze(story: Story) -> Analysis:
    """Every analysis section of ``story``."""
    return Analysis(
        entities=find_entities(story),
        timeline=build_timeline(story),
        claims=find_claims(story),
        quotes=find_quotes(story),
    )


__all__ = ["Analysis", "analyze", "build_timeline", "conflict_sentences", "find_claims",
           "find_entities", "find_quotes"]
