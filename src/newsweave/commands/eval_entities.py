"""``newsweave eval-entities``: entity coreference on ECB+, name finding, and speed.

Prints three tables: the cross-document coreference scores of the ECB+ gold mentions
(MUC, B-cubed, CEAF-e, CoNLL F1); how well each name finder finds the gold named HUMAN and
LOC mentions; and how long :func:`~newsweave.analyze.entities.find_entities` takes on one
25-article DUC 2006 cluster. The evaluation code is imported only when the command runs.
"""

from __future__ import annotations

import argparse
import gzip
import json
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsweave.cli import add_data_argument, write_output
from newsweave.errors import InvalidOptionError
from newsweave.models import Story

if TYPE_CHECKING:
    from newsweave.analyze.ner import NerBackend
    from newsweave.evaluate.coref import CorefScores
    from newsweave.evaluate.ecbplus import Topic

"""Where the benchmark data sits beside a checkout of the project."""

SPLITS = ("dev", "train")
SPEED_CLUSTER = "duc2006/duc2006.jsonl.gz"
"""The speed run's cluster: the first of DUC 2006 (25 AP, NYT and Xinhua articles)."""


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "eval-entities",
        help="score entity coreference on ECB+, name finding, and entity-analysis speed",
        description="Group the gold HUMAN and LOC mentions of every ECB+ topic across its "
        "documents and score the grouping (MUC, B-cubed, CEAF-e, CoNLL F1); measure how "
        "many gold names each name finder finds; time the entity analysis of one "
        "25-article DUC 2006 cluster. ECB+ test topics (36-45) are never read.",
    )
    add_data_argument(parser)
    parser.add_argument("--split", choices=SPLITS, default="dev",
                        help="ECB+ topics to score (default dev; tune on train)")
    parser.add_argument("--topics", type=lambda v: [t for t in v.split(",") if t],
                        metavar="T,U", help="only these topics of the split")
    parser.add_argument("--ner", choices=("auto", "spacy", "rules"), action="append",
                        help="name finders to measure and time (repeatable; default: rules, "
                        "and spacy when installed)")
    parser.add_argument("--no-speed", action="store_true", help="skip the speed run")
    parser.add_argument("-o", "--output", type=Path, metavar="FILE",
                        help="write to FILE instead of stdout")
    parser.set_defaults(func=run)


def _backends(asked: list[NerBackend] | None) -> list[NerBackend]:
    from newsweave.analyze.ner import spacy_available

    if asked:
        return list(dict.fromkeys(asked))
    return ["rules", "spacy"] if spacy_available() else ["rules"]


def _coref_table(scores: CorefScores) -> list[str]:
    rows = [f"{'metric':10} {'recall':>7} {'precision':>9} {'F1':>6}"]
    for name, prf in (("MUC", scores.muc), ("B-cubed", scores.b_cubed),
                      ("CEAF-e", scores.ceaf_e)):
        rows.append(f"{name:10} {100 * prf.recall:7.2f} {100 * prf.precision:9.2f} "
                    f"{100 * prf.f1:6.2f}")
    rows.append(f"{'CoNLL F1':10} {'':7} {'':9} {100 * scores.conll_f1:6.2f}")
    return rows


def _detection_table(topics: list[Topic], backends: list[NerBackend]) -> list[str]:
    from newsweave.evaluate.ecbplus import detection_scores

    rows = [f"{'finder':8} {'gold':>6} {'found':>6} {'precision':>9} {'recall':>7} "
            f"{'overlap recall':>14}"]
    for backend in backends:
        found = detection_scores(topics, backend)
        rows.append(f"{backend:8} {found.gold:6} {found.found:6} {100 * found.precision:9.2f} "
                    f"{100 * found.recall:7.2f} {100 * found.lenient_recall:14.2f}")
    return rows


def _speed_story(data: Path) -> Story:
    from newsweave.errors import NewsweaveError
    from newsweave.ingest import articles_from_record
    from newsweave.text import split_article

    path = data / SPEED_CLUSTER
    try:
        with gzip.open(path, "rt", encoding="utf-8") as lines:
            record = json.loads(lines.readline())
    except (OSError, EOFError, ValueError) as exc:
        raise NewsweaveError(f"cannot read the speed cluster {path}: {exc}") from exc
    articles = articles_from_record(record, f"{path}:1")
    return Story(tuple(split_article(a) for a in articles), id=str(record.get("id", "")))


def _speed_table(data: Path, backends: list[NerBackend]) -> list[str]:
    from newsweave.analyze.entities import find_entities

    story = _speed_story(data)
    first = Story(story.articles[:1])
    characters = sum(len(a.text) for a in story.articles)
    rows = [f"cluster {story.id}: {len(story.articles)} articles, {characters:,} characters",
            f"{'finder':8} {'wall s':>8} {'CPU s':>8} {'entities':>8}"]
    for backend in backends:
        find_entities(first, ner=backend)  # loads the model, which is not timed
        started, cpu = time.perf_counter(), time.process_time()
        entities = find_entities(story, ner=backend)
        rows.append(f"{backend:8} {time.perf_counter() - started:8.2f} "
                    f"{time.process_time() - cpu:8.2f} {len(entities):8}")
    return rows


def run(args: argparse.Namespace) -> int:
    from newsweave.evaluate.ecbplus import evaluate, load_topics

    if not args.data.is_dir():
        raise InvalidOptionError(f"--data {args.data} is not a folder; give the folder "
                                 "holding ecbplus/ and duc2006/")
    topics = load_topics(args.data / "ecbplus" / f"entities_{args.split}.jsonl.gz",
                         args.topics)
    backends = _backends(args.ner)
    lines = [f"ECB+ {args.split}: {len(topics)} topics, {sum(len(t.mentions) for t in topics)} "
             "gold HUMAN/LOC mentions; entity coreference from gold mentions", ""]
    lines += _coref_table(evaluate(topics))
    lines += ["", "Name finding: gold named HUMAN/LOC mentions of the eval sentences "
              "(exact spans)", ""]
    lines += _detection_table(topics, backends)
    if not args.no_speed:
        lines += ["", "Speed: find_entities on one cluster, model load excluded", ""]
        lines += _speed_table(args.data, backends)
    write_output("\n".join(lines) + "\n", args.output)
    return 0
