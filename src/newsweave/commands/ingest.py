"""``newsweave ingest SOURCE...``: add articles to the store and cluster them into stories.

Commits every ``--batch-size`` articles; a committed batch is acknowledged on stderr
(``committed N articles``) or on the progress bar, and survives any crash after that.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from typing import Any

from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from newsweave.cli import add_db_argument, add_max_bytes_argument, warn
from newsweave.cluster.ingest import DEFAULT_BATCH_SIZE, Ingester, IngestReport
from newsweave.cluster.online import (
    DEFAULT_THRESHOLD,
    DEFAULT_WINDOW_ARTICLES,
    DEFAULT_WINDOW_DAYS,
    OnlineClusterer,
)
from newsweave.cluster.scale import dask_client, prepared_chunks
from newsweave.cluster.sources import Prepared, iter_items
from newsweave.errors import InvalidOptionError, NoArticleError
from newsweave.ingest.readers import FirstFew
from newsweave.store import open_store

MAX_WARNINGS = 50
"""Skipped inputs and lines named on stderr; the rest are counted (a 200 MB text piped in as
JSONL printed 2.3 million lines and held them all in memory)."""


def add_scale_arguments(parser: argparse.ArgumentParser) -> None:
    """--workers and --scheduler, shared by ingest and stories --briefs."""
    parser.add_argument("--workers", type=int, metavar="N", default=0,
                        help="run on a local Dask cluster of N worker processes")
    parser.add_argument("--scheduler", metavar="URL",
                        help="run on the Dask cluster at URL (tcp://host:port)")


def add_clustering_arguments(parser: argparse.ArgumentParser) -> None:
    """The clustering options, shared by ingest and recluster."""
    parser.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD, metavar="X",
                        help=f"least cosine to join a story (default {DEFAULT_THRESHOLD})")
    parser.add_argument("--window-articles", type=int, default=DEFAULT_WINDOW_ARTICLES,
                        metavar="N", help="a story stays open for N ingests after its last "
                        f"article (default {DEFAULT_WINDOW_ARTICLES:,})")
    parser.add_argument("--window-days", type=int, default=DEFAULT_WINDOW_DAYS, metavar="N",
                        help="dated articles join stories within N days of their dates "
                        f"(default {DEFAULT_WINDOW_DAYS})")


def clusterer_from(args: argparse.Namespace) -> OnlineClusterer:
    """The clusterer the options describe.

    Raises
    ------
    InvalidOptionError
        When the threshold is outside (0, 1] or a window is below 1.
    """
    if not 0 < args.threshold <= 1:
        raise InvalidOptionError(f"--threshold must be in (0, 1], got {args.threshold}")
    for name in ("window_articles", "window_days"):
        if getattr(args, name) < 1:
            raise InvalidOptionError(
                f"--{name.replace('_', '-')} must be at least 1, got {getattr(args, name)}")
    return OnlineClusterer(threshold=args.threshold, window_articles=args.window_articles,
                           window_days=args.window_days)


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "ingest",
        help="add articles to the store and group them into stories",
        description="Read articles (JSONL files, .gz too; folders of .txt/.html/.jsonl; - for "
        "JSONL on stdin), skip the ones already stored, mark near-duplicates, and put each "
        "into the best matching open story or a new one.",
    )
    parser.add_argument("sources", nargs="+", metavar="SOURCE",
                        help="JSONL files, article files, folders, or -")
    add_db_argument(parser)
    parser.add_argument("--batch-size", type=int, default=DEFAULT_BATCH_SIZE, metavar="N",
                        help=f"articles per committed transaction (default {DEFAULT_BATCH_SIZE})")
    add_clustering_arguments(parser)
    add_scale_arguments(parser)
    add_max_bytes_argument(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.batch_size < 1:
        raise InvalidOptionError(f"--batch-size must be at least 1, got {args.batch_size}")
    clusterer = clusterer_from(args)
    with ExitStack() as stack:
        store = stack.enter_context(open_store(args.db))
        client = client_from(args, stack)
        acknowledge = stack.enter_context(_acknowledger())
        ingester = Ingester(store, clusterer, batch_size=args.batch_size,
                            on_commit=acknowledge)
        chunks = prepared_chunks(iter_items(args.sources), max_bytes=args.max_bytes,
                                 client=client)
        skipped = FirstFew(MAX_WARNINGS)
        report = ingester.ingest(_articles(chunks, skipped))
    report.warnings[:0] = skipped.named
    _print_report(report, skipped.more)
    if report.warnings and not (report.stored or report.exact_duplicates):
        raise NoArticleError("no article could be read from the sources given (the warnings "
                             "above say why)")
    return 0


def client_from(args: argparse.Namespace, stack: ExitStack) -> Any:
    """A Dask client when --workers or --scheduler asks for one (closed with ``stack``),
    else None: run in this process."""
    if not (args.workers or args.scheduler):
        return None
    return stack.enter_context(dask_client(args.workers, args.scheduler))


def _articles(chunks: Iterator[Any], skipped: FirstFew) -> Iterator[Prepared]:
    for chunk in chunks:
        for message in chunk.warnings:
            skipped.add(message)
        yield from chunk.prepared


@contextmanager
def _acknowledger() -> Iterator[Callable[[int], None]]:
    """A commit callback: a rich progress line on a terminal, else one line per commit."""
    if not sys.stderr.isatty():
        yield _print_commit
        return
    columns = (SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("ingesting", total=None)
        yield lambda stored: progress.update(task, description=f"committed {stored:,} articles")


def _print_commit(stored: int) -> None:
    print(f"newsweave: committed {stored} articles", file=sys.stderr, flush=True)


def _print_report(report: IngestReport, unlisted: int) -> None:
    for message in report.warnings:
        warn(message)
    if unlisted:
        warn(f"skipped {unlisted:,} more inputs or lines, not listed one by one")
    print(f"stored {report.stored} articles ({report.near_duplicates} near-duplicates), "
          f"skipped {report.exact_duplicates} already stored; {report.new_stories} new stories")
