"""A dated timeline of a story: what happened when, and which sources say so.

1. Each article's dates are found and resolved against its publication date
   (:func:`~newsweave.analyze.dates.find_dates`); a date with no anchor to resolve it
   ("last Wednesday" in an undated article) is kept, with ``when`` None. A month and day
   ("April 14") in an undated article takes its year from the story's dated reports when
   they fall within a few months of each other, and says so (``year_inferred``).
2. Dates too vague for a timeline (quarters, seasons, decades, "now", "recently") are dropped;
   a week ("last week") counts as the month it mostly falls in. Within a sentence a date
   inside another one kept ("this month" beside "7 April") is dropped, and so is a page's
   "last updated" line.
3. Sentences on the same date that tell the same event, by their words outside the date
   expression, are merged into one event, however many sources tell it.
4. Events are sorted by date, coarser before finer on the same first day; unresolved events
   come last, in story order.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date

from newsweave.analyze.dates import DateMention, Granularity, find_dates
from newsweave.models import Article, Sentence, Story, TimelineEvent
from newsweave.text import content_stems, split_article, tokenize

# Two sentences on one date tell the same event when at least this share (Jaccard) of their
# content stems, outside the date expressions, is common. In DUC 2006 cluster D0604D (the
# "Phantom Menace" premiere), cross-source sentences on one day sharing 0.11 to 0.5 of their
# stems told the same event (mostly the 19 May opening); 87 of the 124 same-day pairs
# shared none.
SAME_EVENT_SIMILARITY = 0.1
# An event's text is its most concise sentence of at least this many words, cut to the
# maximum (with an ellipsis) so that a timeline row stays one line or two.
MIN_EVENT_WORDS = 6
MAX_EVENT_WORDS = 30
# Lines that only say when a page was published or updated are not events.
_PAGE_DATELINE = re.compile(
    r"^\W*(?:page\s+)?(?:last\s+)?(?:updated|published|posted|modified)\b", re.IGNORECASE
)
_WEEK_SHAPE = "XXXX-WXX"
# ISO weeks run Monday to Sunday; their Thursday lies in the month holding most of the week.
_THURSDAY = 4
_GRANULARITY_ORDER: dict[Granularity, int] = {"year": 0, "month": 1, "day": 2}
# An undated report's "April 14" takes its year from the story's dated reports only when
# these span at most this many days: a story followed over years gives no one year.
YEAR_HINT_MAX_SPAN_DAYS = 90


@dataclass(frozen=True, slots=True)
class _Dated:
    """One sentence's date: where, when, how precisely, and the words it uses besides."""

    sentence: Sentence
    when: date | None
    granularity: Granularity
    expression: str
    stems: frozenset[str]
    year_inferred: bool


@dataclass(slots=True)
class _Event:
    """Dated sentences being merged into one event."""

    items: list[_Dated] = field(default_factory=list)

    def similarity(self, item: _Dated) -> float:
        return max(_jaccard(item.stems, other.stems) for other in self.items)

    def freeze(self) -> TimelineEvent:
        chosen = _representative(self.items)
        refs = tuple(dict.fromkeys(i.sentence.ref for i in self.items))
        return TimelineEvent(when=chosen.when, expression=chosen.expression,
                             text=_shorten(chosen.sentence.text), sentences=refs,
                             granularity=chosen.granularity,
                             year_inferred=chosen.year_inferred)


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    union = a | b
    return len(a & b) / len(union) if union else 0.0


def _representative(items: list[_Dated]) -> _Dated:
    """The most concise sentence long enough to say something, else the first."""
    long_enough = [i for i in items if len(i.sentence.text.split()) >= MIN_EVENT_WORDS]
    return min(long_enough, key=lambda i: len(i.sentence.text)) if long_enough else items[0]


def _shorten(text: str) -> str:
    words = " ".join(text.split()).split(" ")
    if len(words) <= MAX_EVENT_WORDS:
        return " ".join(words)
    return " ".join(words[:MAX_EVENT_WORDS]).rstrip(",;:") + "…"


def _week_as_month(value: str) -> date:
    """The first day of the month holding most of an ISO week ("2010-W14" -> 2010-04-01)."""
    year, week = value.split("-W")
    return date.fromisocalendar(int(year), int(week), _THURSDAY).replace(day=1)


def _placed(mention: DateMention) -> tuple[date | None, Granularity] | None:
    """Where a mention goes on a timeline, or None when it is too vague to place.

    A week counts as the month it mostly falls in; an unresolved mention has no date but
    the granularity of its shape (a weekday is a day, "this month" a month).
    """
    if mention.granularity is not None:
        return mention.when, mention.granularity
    if mention.shape != _WEEK_SHAPE:
        return None
    return (_week_as_month(mention.value) if mention.value else None), "month"


def _contains(outer: tuple[date | None, Granularity], inner: tuple[date | None, Granularity]
              ) -> bool:
    """Whether a coarser resolved date covers a finer one (April 2010 covers 7 April 2010)."""
    (outer_when, outer_g), (inner_when, inner_g) = outer, inner
    if outer_when is None or inner_when is None:
        return False
    if _GRANULARITY_ORDER[outer_g] >= _GRANULARITY_ORDER[inner_g]:
        return False
    if outer_g == "year":
        return outer_when.year == inner_when.year
    return (outer_when.year, outer_when.month) == (inner_when.year, inner_when.month)


def year_hint(story: Story) -> date | None:
    """The latest publication date of the story's reports, if they span a few months."""
    dated = [article.published for article in story.articles if article.published]
    if not dated or (max(dated) - min(dated)).days > YEAR_HINT_MAX_SPAN_DAYS:
        return None
    return max(dated)


def _sentence_dates(article: Article, year_hint: date | None) -> list[_Dated]:
    """The dated sentences of one article, finest date per sentence kept."""
    starts = [s.start for s in article.sentences]
    by_sentence: dict[int, list[tuple[DateMention, tuple[date | None, Granularity]]]] = {}
    for mention in find_dates(article.text, article.published, year_hint=year_hint):
        place = _placed(mention)
        index = bisect_right(starts, mention.start) - 1
        if place is None or index < 0 or mention.start >= article.sentences[index].end:
            continue
        by_sentence.setdefault(index, []).append((mention, place))
    dated = []
    for index, found in by_sentence.items():
        sentence = article.sentences[index]
        if _PAGE_DATELINE.match(sentence.text):
            continue
        stems = _stems_outside(sentence, [m for m, _ in found])
        for mention, place in _finest(found):
            dated.append(_Dated(sentence, place[0], place[1], mention.text, stems,
                                mention.year_inferred))
    return dated


def _finest(
    found: list[tuple[DateMention, tuple[date | None, Granularity]]]
) -> list[tuple[DateMention, tuple[date | None, Granularity]]]:
    """One mention per distinct date in a sentence, dropping dates covered by finer ones;
    unresolved mentions are distinct by their expression."""
    first_per_date: dict[tuple[object, ...], tuple[DateMention, tuple[date | None, Granularity]]]
    first_per_date = {}
    for mention, place in found:
        key = place if place[0] else (*place, mention.text.lower())
        first_per_date.setdefault(key, (mention, place))
    unique = list(first_per_date.values())
    return [(m, p) for m, p in unique if not any(_contains(p, other) for _, other in unique)]


def _stems_outside(sentence: Sentence, mentions: list[DateMention]) -> frozenset[str]:
    """Content stems of a sentence with its date expressions blanked out."""
    text = sentence.text
    for mention in mentions:
        start = max(mention.start - sentence.start, 0)
        end = mention.end - sentence.start
        text = text[:start] + " " * (end - start) + text[end:]
    return frozenset(content_stems(tokenize(text)))


def _sort_key(event: TimelineEvent, article_order: dict[str, int]
              ) -> tuple[bool, date, int, int, int]:
    """By date, coarser first on a shared first day; undated last; then in story order."""
    first = event.sentences[0]
    story_order = (article_order[first.article_id], first.index)
    if event.when is None:
        return (True, date.min, 0, *story_order)
    return (False, event.when, _GRANULARITY_ORDER[event.granularity], *story_order)


def build_timeline(story: Story) -> tuple[TimelineEvent, ...]:
    """The story's dated events, each linked to the sentences (and so sources) that tell it.

    Parameters
    ----------
    story:
        The articles; ``Article.published`` anchors relative dates, and the dated articles
        give an undated one's "April 14" its year. Articles without sentences are split
        first.

    Returns
    -------
    tuple[TimelineEvent, ...]
        Events sorted by date (coarser first on a shared first day); events whose date could
        not be resolved (``when`` None, ``expression`` kept) come last, in story order.
    """
    events: dict[tuple[date | None, Granularity], list[_Event]] = {}
    hint = year_hint(story)
    for article in story.articles:
        split = article if article.sentences else split_article(article)
        for item in _sentence_dates(split, hint):
            _merge(events.setdefault((item.when, item.granularity), []), item)
    article_order = {article.id: index for index, article in enumerate(story.articles)}
    frozen = (event.freeze() for group in events.values() for event in group)
    return tuple(sorted(frozen, key=lambda event: _sort_key(event, article_order)))


def _merge(group: list[_Event], item: _Dated) -> None:
    """Add ``item`` to the event of its date that tells the same thing, or start one.

    Unresolved dates never merge: "last Thursday" in two undated reports need not be one day.
    """
    if item.when is not None:
        best = max(group, key=lambda event: event.similarity(item), default=None)
        if best is not None and best.similarity(item) >= SAME_EVENT_SIMILARITY:
            best.items.append(item)
            return
    group.append(_Event([item]))


def describe_when(event: TimelineEvent) -> str:
    """How a timeline row names its date: "2010-04-07", "April 2010", "2010", or a note.

    Parameters
    ----------
    event:
        A timeline event.

    Returns
    -------
    str
        The date at the event's granularity; for an unresolved event, a note quoting the
        expression and saying why it has no date.
    """
    if event.when is None:
        return (f'undated: "{event.expression}" (the report gives no publication date '
                "to resolve it against)")
    if event.granularity == "year":
        return f"{event.when.year}"
    if event.granularity == "month":
        return event.when.strftime("%B %Y")
    return event.when.isoformat()


__all__ = ["MAX_EVENT_WORDS", "MIN_EVENT_WORDS", "SAME_EVENT_SIMILARITY",
           "YEAR_HINT_MAX_SPAN_DAYS", "build_timeline", "describe_when"]
