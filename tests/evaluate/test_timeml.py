"""The TimeML scorer on a hand-made document, the loader, and a run on real TimeBank."""

from __future__ import annotations

import gzip
import json
from datetime import date
from pathlib import Path

import pytest

from newsweave.analyze.dates import DateMention, find_dates
from newsweave.errors import NewsweaveError
from newsweave.evaluate.timeml import (
    GoldTimex,
    TimemlDocument,
    evaluate,
    load_timeml,
    score_document,
)

TEXT = ("Iraq said Friday it would withdraw by next month. Talks lasted three hours "
        "and resumed on Aug. 9, 1990.")
#        Friday: 10-16; next month: 42-52; three hours: 65-76; Aug. 9, 1990: 92-104


def _gold() -> TimemlDocument:
    return TimemlDocument(
        id="hand", dct=date(1990, 8, 15), text=TEXT,
        timexes=(
            GoldTimex(10, 16, "DATE", "1990-08-10"),
            GoldTimex(42, 52, "DATE", "1990-09"),
            GoldTimex(65, 76, "DURATION", "PT3H"),
            GoldTimex(92, 104, "DATE", "1990-08-09"),
        ),
    )


def _mention(start: int, end: int, value: str) -> DateMention:
    return DateMention(start, end, TEXT[start:end], value, relative=True, shape="")


def test_spans_match_when_they_overlap_and_values_count_only_on_matches() -> None:
    found = [
        _mention(10, 16, "1990-08-10"),   # exact span, right value
        _mention(37, 52, "1990-10"),      # "by next month": overlaps, wrong value
        _mention(0, 4, "1990"),           # "Iraq": no gold, a false positive
    ]
    scores = score_document(_gold(), found)
    # DATE: 3 gold, 3 found, 2 matched (the 1990 date is missed), 1 value right.
    assert (scores.date.gold, scores.date.found, scores.date.matched) == (3, 3, 2)
    assert scores.date.precision == pytest.approx(2 / 3)
    assert scores.date.recall == pytest.approx(2 / 3)
    assert scores.date.extent_f1 == pytest.approx(2 / 3)
    assert scores.date.value_accuracy == pytest.approx(1 / 2)
    assert scores.date.value_f1 == pytest.approx(1 / 3)
    # All types: the duration is a fourth gold expression, still unmatched.
    assert (scores.all_types.gold, scores.all_types.matched) == (4, 2)


def test_one_found_span_matches_one_gold_span_only() -> None:
    wide = [_mention(10, 52, "1990-08-10")]  # covers two gold dates
    scores = score_document(_gold(), wide)
    assert scores.date.matched == 1


def test_counts_add_up_over_documents() -> None:
    once = evaluate([_gold()])
    twice = evaluate([_gold(), _gold()])
    assert twice.date.gold == 2 * once.date.gold
    assert twice.date.matched == 2 * once.date.matched
    assert twice.date.value_f1 == pytest.approx(once.date.value_f1)


def test_the_tagger_gets_the_hand_made_document_right() -> None:
    scores = evaluate([_gold()], find_dates)
    assert scores.date.extent_f1 == pytest.approx(1.0)
    assert scores.date.value_accuracy == pytest.approx(1.0)


def test_load_timeml_reads_gzipped_lines(tmp_path: Path) -> None:
    path = tmp_path / "tiny.jsonl.gz"
    record = {"doc": "d1", "dct": "1990-08-15", "text": TEXT,
              "timexes": [{"start": 10, "end": 16, "text": "Friday", "type": "DATE",
                           "value": "1990-08-10", "tid": "t1"}]}
    with gzip.open(path, "wt", encoding="utf-8") as out:
        out.write(json.dumps(record) + "\n")
    (document,) = load_timeml(path)
    assert (document.id, document.dct) == ("d1", date(1990, 8, 15))
    assert document.timexes == (GoldTimex(10, 16, "DATE", "1990-08-10"),)


def test_load_timeml_names_the_bad_file(tmp_path: Path) -> None:
    path = tmp_path / "broken.jsonl.gz"
    path.write_bytes(b"not gzip")
    with pytest.raises(NewsweaveError, match=r"broken\.jsonl\.gz"):
        load_timeml(path)


def test_a_few_timebank_documents(shared_data: Path) -> None:
    documents = load_timeml(shared_data / "timeml" / "timebank.jsonl.gz")[:15]
    scores = evaluate(documents)
    assert scores.date.gold > 50
    # These 15 give extent F1 0.93 and value F1 0.82; the floors leave room for changes.
    assert scores.date.extent_f1 > 0.8
    assert scores.date.value_f1 > 0.65
