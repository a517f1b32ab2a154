"""The brief's analysis sections as plain rows, so every renderer says them the same way.

A row holds display strings only; Markdown and HTML differ in markup, not in what they say.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from newsweave.models import Brief, Claim, SentenceRef

SECTION_LIMITS = {
    "entities": 15, "timeline": 30, "undated": 10, "conflict": 20, "agreement": 10,
    "single-source": 10, "quotes": 12,
}
"""Rows a section shows before "… N more": a brief of 25 reports has some 100 quotes and as
many undated dates, which would bury the rest. Entities come most reported first, claims
most supported first; JSON has every row, HTML keeps the rest folded."""

MIN_FOLDED = 3
"""A section folds only this many rows or more: "… and 1 more" would save the reader nothing."""

UNDATED_HEADING = "Not on the timeline: dates in reports that give no date of their own"
"""Heading of the events whose relative date could not be resolved. They get a section of
their own so that the timeline is a list of dates, and the reason is said once, not on
every row."""

YEAR_INFERRED_NOTE = "year from the other reports"
"""After the expression of a date whose year is not in its report ("April 14" in an undated
report), which the story's dated reports supplied."""

KIND_LABELS = {"PERSON": "person", "PLACE": "place", "ORG": "organisation",
               "PRODUCT": "craft or product"}
CLAIM_SECTIONS = {
    "conflict": ("conflict", "Where sources conflict"),
    "agreement": ("agreement", "What sources agree on"),
    "single_source": ("single-source", "Reported by one source only"),
}


@dataclass(frozen=True, slots=True)
class Row:
    """One line of a section: a lead (name, date, topic), its text, and the outlets."""

    lead: str
    text: str
    sources: str
    detail: str = ""


def outlets(brief: Brief, refs: Iterable[SentenceRef]) -> str:
    """The outlets of ``refs``, each once, in order."""
    labels = (brief.story.article(ref.article_id).label for ref in refs)
    return ", ".join(dict.fromkeys(labels))


def entity_rows(brief: Brief) -> list[Row]:
    rows = []
    for entity in brief.entities:
        others = [v for v in entity.variants if v != entity.name]
        labels = (brief.story.article(a).label for a in entity.article_ids)
        rows.append(Row(
            lead=entity.name,
            text=KIND_LABELS.get(entity.kind, entity.kind.lower()),
            sources=", ".join(dict.fromkeys(labels)),
            detail=f"also written {', '.join(others)}" if others else "",
        ))
    return rows


def timeline_rows(brief: Brief) -> list[Row]:
    """The dated events, each led by its date at the precision the text gives."""
    rows = []
    for event in brief.timeline:
        if event.when is None:
            continue
        when = event.when.isoformat()
        if event.granularity == "month":
            when = event.when.strftime("%Y-%m")
        elif event.granularity == "year":
            when = str(event.when.year)
        detail = f"\u201c{event.expression}\u201d"
        if event.year_inferred:
            detail += f", {YEAR_INFERRED_NOTE}"
        rows.append(Row(lead=when, text=event.text, sources=outlets(brief, event.sentences),
                        detail=detail))
    return rows


def undated_rows(brief: Brief) -> list[Row]:
    """The events left undated, each led by the expression that could not be resolved."""
    return [Row(lead=f"\u201c{event.expression}\u201d", text=event.text,
                sources=outlets(brief, event.sentences))
            for event in brief.timeline if event.when is None]


def claim_rows(brief: Brief, kind: str) -> list[Row]:
    return [_claim_row(brief, claim) for claim in brief.claims if claim.kind == kind]


def _claim_row(brief: Brief, claim: Claim) -> Row:
    versions = (f"{statement.value or statement.text} ({outlets(brief, [statement.ref])})"
                for statement in claim.statements)
    return Row(
        lead=claim.topic,
        text=" \u00b7 ".join(dict.fromkeys(versions)),  # one outlet saying it twice is one version
        sources=outlets(brief, (s.ref for s in claim.statements)),
        detail=claim.note,
    )


def quote_rows(brief: Brief) -> list[Row]:
    return [Row(lead=quote.speaker or "unnamed speaker", text=quote.text,
                sources=outlets(brief, [quote.ref])) for quote in brief.quotes]


@dataclass(frozen=True, slots=True)
class Section:
    """A titled list of rows; ``key`` names it for styling and for tests. ``more`` holds the
    rows past the section's limit (:data:`SECTION_LIMITS`)."""

    key: str
    heading: str
    rows: list[Row]
    more: list[Row]

    @classmethod
    def limited(cls, key: str, heading: str, rows: list[Row]) -> Section:
        limit = SECTION_LIMITS[key]
        if len(rows) < limit + MIN_FOLDED:
            return cls(key, heading, rows, [])
        return cls(key, heading, rows[:limit], rows[limit:])


def sections(brief: Brief) -> list[Section]:
    """Every non-empty analysis section, in the order a reader wants them."""
    found = [
        Section.limited("entities", "People, places and organisations", entity_rows(brief)),
        Section.limited("timeline", "Timeline", timeline_rows(brief)),
        Section.limited("undated", UNDATED_HEADING, undated_rows(brief)),
        *(Section.limited(key, heading, claim_rows(brief, kind))
          for kind, (key, heading) in CLAIM_SECTIONS.items()),
        Section.limited("quotes", "Quotes", quote_rows(brief)),
    ]
    return [section for section in found if section.rows]
