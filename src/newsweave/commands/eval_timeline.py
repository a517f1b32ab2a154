"""``newsweave eval-timeline``: date finding and resolution on TimeML, and timeline speed.

Prints two tables: how well :func:`~newsweave.analyze.dates.find_dates` finds and resolves
the temporal expressions of TempEval-3's TimeBank and AQUAINT (DATE relaxed extent F1, value
accuracy and value F1, per corpus and combined, and extent F1 over all types), optionally
beside ``dateparser``'s ``search_dates``; and how long
:func:`~newsweave.analyze.timeline.build_timeline` takes on 25-article DUC 2006 clusters.
TempEval-3's platinum test set is never read. The evaluation code is imported only when
the command runs.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsweave.cli import add_data_argument, write_output
from newsweave.errors import IngestError, InvalidOptionError, NewsweaveError
from newsweave.models import Article, Story

if TYPE_CHECKING:
    from newsweave.evaluate.timeml import Tagger, TimemlDocument, TimemlScores

"""Where the benchmark data sits beside a checkout of the project."""

CORPORA = ("timebank", "aquaint")
SPEED_DATA = "duc2006/duc2006.jsonl.gz"
DEFAULT_SPEED_CLUSTERS = 5
# DUC document ids carry the article's date: APW19990707.0181, NYT19980613.0022.
_DUC_ID_DATE = re.compile(r"(\d{4})(\d\d)(\d\d)")


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "eval-timeline",
        help="score date finding and resolution on TimeBank and AQUAINT; time the timeline",
        description="Find and resolve the temporal expressions of TempEval-3's TimeBank and "
        "AQUAINT documents against their creation dates and score them as TempEval-3 does "
        "(relaxed extent F1, value accuracy, value F1 = F1 x accuracy), then time the "
        "timeline of 25-article DUC 2006 clusters. The platinum test set is never read.",
    )
    add_data_argument(parser)
    parser.add_argument("--limit", type=int, metavar="K",
                        help="only the first K documents of each corpus")
    parser.add_argument("--dateparser", action="store_true",
                        help="also score dateparser's search_dates, the library baseline")
    parser.add_argument("--speed-clusters", type=int, default=DEFAULT_SPEED_CLUSTERS,
                        metavar="N", help="DUC 2006 clusters to time (default "
                        f"{DEFAULT_SPEED_CLUSTERS}; 0 skips the speed run)")
    parser.add_argument("-o", "--output", type=Path, metavar="FILE",
                        help="write to FILE instead of stdout")
    parser.set_defaults(func=run)


def _score_row(name: str, scores: TimemlScores, seconds: float) -> str:
    d = scores.date
    return (f"{name:22} {d.gold:5} {d.found:6} {100 * d.precision:6.1f} {100 * d.recall:6.1f} "
            f"{100 * d.extent_f1:6.1f} {100 * d.value_accuracy:6.1f} {100 * d.value_f1:6.1f} "
            f"{100 * scores.all_types.extent_f1:6.1f} {seconds:7.2f}")


def _score_table(corpora: dict[str, list[TimemlDocument]], taggers: dict[str, Tagger]
                 ) -> list[str]:
    from newsweave.evaluate.timeml import evaluate

    rows = [f"{'corpus / tagger':22} {'gold':>5} {'found':>6} {'P':>6} {'R':>6} {'F1':>6} "
            f"{'v.acc':>6} {'v.F1':>6} {'allF1':>6} {'sec':>7}"]
    for tagger_name, tagger in taggers.items():
        total = None
        elapsed = 0.0
        for corpus, documents in corpora.items():
            started = time.perf_counter()
            scores = evaluate(documents, tagger)
            seconds = time.perf_counter() - started
            rows.append(_score_row(f"{corpus} / {tagger_name}", scores, seconds))
            total = scores if total is None else total + scores
            elapsed += seconds
        if total is not None and len(corpora) > 1:
            rows.append(_score_row(f"combined / {tagger_name}", total, elapsed))
    return rows


def _duc_story(record: dict[str, Any], origin: str) -> Story:
    """A DUC cluster as a story, each article anchored at the date in its document id."""
    from newsweave.ingest import articles_from_record
    from newsweave.text import split_article

    articles: list[Article] = []
    for doc_id, text in zip(record["doc_ids"], record["documents"], strict=True):
        match = _DUC_ID_DATE.search(doc_id)
        published = f"{match[1]}-{match[2]}-{match[3]}" if match else None
        document = {"id": doc_id, "text": text, "published": published}
        try:
            articles += articles_from_record(document, f"{origin}#{doc_id}")
        except IngestError:
            continue  # an empty document: the cluster is timed without it
    return Story(tuple(split_article(a) for a in articles), id=str(record.get("id", "")))


def _speed_table(path: Path, clusters: int) -> list[str]:
    from newsweave.analyze.timeline import build_timeline

    rows = [f"{'cluster':8} {'articles':>8} {'chars':>8} {'events':>6} {'wall s':>7} "
            f"{'CPU s':>6}"]
    worst_wall = worst_cpu = 0.0
    try:
        with gzip.open(path, "rt", encoding="utf-8") as lines:
            records = [json.loads(line) for _, line in zip(range(clusters), lines,
                                                           strict=False)]
    except (OSError, EOFError, ValueError) as exc:
        raise NewsweaveError(f"cannot read the speed clusters {path}: {exc}") from exc
    for number, record in enumerate(records, 1):
        story = _duc_story(record, f"{path}:{number}")
        started, cpu_started = time.perf_counter(), time.process_time()
        events = build_timeline(story)
        wall, cpu = time.perf_counter() - started, time.process_time() - cpu_started
        worst_wall, worst_cpu = max(worst_wall, wall), max(worst_cpu, cpu)
        rows.append(f"{story.id:8} {len(story.articles):8} "
                    f"{sum(len(a.text) for a in story.articles):8} {len(events):6} "
                    f"{wall:7.3f} {cpu:6.3f}")
    rows.append(f"slowest: {worst_wall:.3f} s wall, {worst_cpu:.3f} s CPU "
                "(target <= 1 s on one core)")
    return rows


def run(args: argparse.Namespace) -> int:
    from newsweave.analyze.dates import find_dates
    from newsweave.evaluate.timeml import dateparser_tagger, load_timeml

    if not args.data.is_dir():
        raise InvalidOptionError(f"--data {args.data} is not a folder; give the folder "
                                 "holding timeml/ and duc2006/")
    if args.limit is not None and args.limit < 1:
        raise InvalidOptionError(f"--limit must be at least 1, got {args.limit}")
    corpora = {name: load_timeml(args.data / "timeml" / f"{name}.jsonl.gz")[:args.limit]
               for name in CORPORA}
    taggers: dict[str, Tagger] = {"newsweave": find_dates}
    if args.dateparser:
        taggers["dateparser"] = dateparser_tagger
    lines = ["TempEval-3 TimeBank and AQUAINT, anchored at each document's creation date: "
             "DATE expressions (relaxed extent P/R/F1, value accuracy on found ones, value "
             "F1 = F1 x accuracy), and extent F1 over all types (allF1)", ""]
    lines += _score_table(corpora, taggers)
    if args.speed_clusters > 0:
        lines += ["", "Speed: build_timeline on DUC 2006 clusters (sentences split "
                  "beforehand, not timed)", ""]
        lines += _speed_table(args.data / SPEED_DATA, args.speed_clusters)
    write_output("\n".join(lines) + "\n", args.output)
    return 0
