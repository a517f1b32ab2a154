"""Score a temporal tagger against TimeML gold (TempEval-3 TimeBank and AQUAINT).

The measures are TempEval-3's (UzZaman et al. 2013) for temporal expressions:

* relaxed extent: a found expression matches a gold one when their spans overlap at all;
  matching is one-to-one, in text order. Precision is matched found / found, recall matched
  gold / gold, and F1 their harmonic mean.
* value accuracy: among matched pairs, the share whose normalised TIMEX3 value is the gold's.
* value F1: extent F1 × value accuracy, the figure TempEval-3 ranks normalisation by
  (HeidelTime 77.6 and SUTime 67.4 on its test set, all types).

Everything the tagger finds counts as a DATE for the DATE figures; "all types" compares it
with every gold expression (DATE, TIME, DURATION, SET) for extent only.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from newsweave.analyze.dates import DateMention, find_dates
from newsweave.errors import NewsweaveError

Tagger = Callable[[str, date | None], Sequence[DateMention]]
DATE_TYPE = "DATE"


@dataclass(frozen=True, slots=True)
class GoldTimex:
    """One gold TIMEX3: its span in the document text, its type and normalised value."""

    start: int
    end: int
    type: str
    value: str


@dataclass(frozen=True, slots=True)
class TimemlDocument:
    """A document with its creation time (the anchor) and its gold expressions."""

    id: str
    dct: date | None
    text: str
    timexes: tuple[GoldTimex, ...]


@dataclass(frozen=True, slots=True)
class TimexCounts:
    """Counts behind the extent and value scores; they add up across documents."""

    gold: int = 0
    found: int = 0
    matched: int = 0
    value_correct: int = 0

    def __add__(self, other: TimexCounts) -> TimexCounts:
        return TimexCounts(self.gold + other.gold, self.found + other.found,
                           self.matched + other.matched,
                           self.value_correct + other.value_correct)

    @property
    def precision(self) -> float:
        return self.matched / self.found if self.found else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def extent_f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0

    @property
    def value_accuracy(self) -> float:
        return self.value_correct / self.matched if self.matched else 0.0

    @property
    def value_f1(self) -> float:
        return self.extent_f1 * self.value_accuracy


@dataclass(frozen=True, slots=True)
class TimemlScores:
    """DATE extent and value counts, and extent counts over all gold types."""

    date: TimexCounts
    all_types: TimexCounts

    def __add__(self, other: TimemlScores) -> TimemlScores:
        return TimemlScores(self.date + other.date, self.all_types + other.all_types)


def load_timeml(path: Path) -> list[TimemlDocument]:
    """Documents from a gzipped JSON-lines TimeML file (one document a line).

    Raises
    ------
    NewsweaveError
        When the file cannot be read or a line lacks ``text``, ``dct`` or ``timexes``.
    """
    try:
        with gzip.open(path, "rt", encoding="utf-8") as lines:
            return [_document(json.loads(line)) for line in lines if line.strip()]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise NewsweaveError(f"cannot read TimeML data {path}: {exc}") from exc


def _document(record: dict[str, Any]) -> TimemlDocument:
    timexes = tuple(GoldTimex(int(t["start"]), int(t["end"]), str(t["type"]), str(t["value"]))
                    for t in record["timexes"])
    dct = date.fromisoformat(record["dct"][:10]) if record["dct"] else None
    return TimemlDocument(str(record.get("doc", "")), dct, str(record["text"]), timexes)


def _overlapping_pairs(
    gold: Sequence[GoldTimex], found: Sequence[DateMention]
) -> list[tuple[GoldTimex, DateMention]]:
    """One-to-one pairs of overlapping spans, each gold taking the first free overlap."""
    pairs = []
    used: set[int] = set()
    for g in gold:
        for index, mention in enumerate(found):
            if index not in used and mention.start < g.end and g.start < mention.end:
                used.add(index)
                pairs.append((g, mention))
                break
    return pairs


def score_document(document: TimemlDocument, found: Sequence[DateMention]) -> TimemlScores:
    """Counts for one document given what a tagger found in it."""
    dates = [g for g in document.timexes if g.type == DATE_TYPE]
    date_pairs = _overlapping_pairs(dates, found)
    all_pairs = _overlapping_pairs(document.timexes, found)
    return TimemlScores(
        date=TimexCounts(len(dates), len(found), len(date_pairs),
                         sum(g.value == m.value for g, m in date_pairs)),
        all_types=TimexCounts(len(document.timexes), len(found), len(all_pairs)),
    )


def evaluate(documents: Iterable[TimemlDocument], tagger: Tagger = find_dates) -> TimemlScores:
    """Run ``tagger`` on each document, anchored at its creation date, and add up the counts.

    Parameters
    ----------
    documents:
        TimeML documents, e.g. from :func:`load_timeml`.
    tagger:
        A function ``(text, anchor) -> mentions``; :func:`~newsweave.analyze.dates.find_dates`
        by default.

    Returns
    -------
    TimemlScores
        DATE extent and value counts, and all-types extent counts.
    """
    total = TimemlScores(TimexCounts(), TimexCounts())
    for document in documents:
        total += score_document(document, tagger(document.text, document.dct))
    return total


def dateparser_tagger(text: str, anchor: date | None) -> list[DateMention]:
    """The baseline: ``dateparser.search.search_dates`` (English) as a tagger.

    It returns datetimes, not periods, so every value is a day; spans are found by locating
    each returned string in the text, in order.
    """
    from dateparser.search import search_dates

    settings = {"RELATIVE_BASE": datetime.combine(anchor, time())} if anchor else None
    found = search_dates(text, languages=["en"], settings=settings) or []
    mentions = []
    position = 0
    for expression, when in found:
        start = text.find(expression, position)
        if start < 0:
            continue
        position = start + len(expression)
        mentions.append(DateMention(start, position, expression, when.date().isoformat(),
                                    relative=True, shape="XXXX-XX-XX"))
    return mentions
