"""``newsweave brief PATH...``: a brief of the reports given."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from newsweave.analyze import DEFAULT_NER, NER_BACKENDS
from newsweave.api import DEFAULT_WORDS, brief
from newsweave.cli import (
    add_budget_arguments,
    add_db_argument,
    add_max_bytes_argument,
    warn,
    write_output,
)
from newsweave.errors import InvalidOptionError
from newsweave.models import Story
from newsweave.report import RENDERERS, render
from newsweave.store import open_store
from newsweave.summarize import DEFAULT_ALGORITHM, describe

_SUFFIX_FORMATS = {".md": "md", ".markdown": "md", ".json": "json", ".html": "html", ".htm": "html"}


def add_parser(subparsers: Any) -> None:
    algorithms = describe()
    parser = subparsers.add_parser(
        "brief",
        help="summarize several reports of one story into an attributed brief",
        description="Read news reports of one story (.txt, .html, .jsonl files, folders, or - "
        "for stdin) and print a brief: a summary whose every sentence names the outlets "
        "that report it.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="algorithms:\n" + "\n".join(f"  {n:12} {d}" for n, d in algorithms.items()),
    )
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help="article files, folders of them, or - for stdin")
    parser.add_argument("--story", metavar="ID",
                        help="brief a stored story instead of PATHs (`newsweave stories` "
                        "lists them)")
    add_db_argument(parser)
    add_budget_arguments(parser, DEFAULT_WORDS)
    parser.add_argument("--format", choices=sorted(RENDERERS), default=None,
                        help="output format (default: from -o's suffix, else md)")
    parser.add_argument("-o", "--output", type=Path, metavar="FILE",
                        help="write to FILE instead of stdout")
    parser.add_argument("--algorithm", choices=sorted(algorithms), default=DEFAULT_ALGORITHM,
                        help=f"summarizer (default {DEFAULT_ALGORITHM})")
    parser.add_argument("--cover-conflicts", action="store_true",
                        help="put each source's version of every conflict in the summary first")
    parser.add_argument("--ner", choices=NER_BACKENDS, default=DEFAULT_NER,
                        help="name finder for entities: rules (default, fast), spacy (needs "
                        "the ner extra), auto (spacy when installed)")
    parser.add_argument("--no-analysis", dest="analysis", action="store_false",
                        help="summary only: no entities, timeline, claims or quotes")
    add_max_bytes_argument(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    result = brief(
        _inputs(args),
        words=args.words,
        bytes=args.bytes,
        sentences=args.sentences,
        algorithm=args.algorithm,
        analysis=args.analysis,
        cover_conflicts=args.cover_conflicts,
        ner=args.ner,
        max_bytes=args.max_bytes,
    )
    for message in result.warnings:
        warn(message)
    fmt = args.format or _SUFFIX_FORMATS.get(
        args.output.suffix.lower() if args.output else "", "md"
    )
    write_output(render(result, fmt), args.output)
    return 0


def _inputs(args: argparse.Namespace) -> list[str] | Story:
    """The PATHs, or the stored story --story names; one or the other.

    Raises
    ------
    InvalidOptionError
        When both or neither are given.
    """
    if args.story is None:
        if not args.paths:
            raise InvalidOptionError("give PATHs to read, or --story ID to brief a stored story")
        return list(args.paths)
    if args.paths:
        raise InvalidOptionError("give PATHs or --story, not both")
    with open_store(args.db, must_exist=True) as store:
        return store.story(args.story)
