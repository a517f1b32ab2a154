"""``newsweave stories``: list the stored stories, or brief them all into a folder."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from datetime import date
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import Progress

from newsweave.api import DEFAULT_WORDS
from newsweave.cli import add_db_argument, warn, write_output
from newsweave.cluster.scale import brief_stories
from newsweave.commands.ingest import add_scale_arguments, client_from
from newsweave.errors import InvalidOptionError, NewsweaveError
from newsweave.store import StoryRow, default_url, open_store

_BRIEF_SUFFIXES = {"md": ".md", "json": ".json", "html": ".html"}


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "stories",
        help="list the stories in the store, or brief them",
        description="List stored stories, newest first: id, size, title, date span, outlets "
        "and article ids. With --briefs DIR, write a brief of each listed story into DIR "
        "(on Dask with --workers or --scheduler).",
    )
    add_db_argument(parser)
    parser.add_argument("--since", type=_date, metavar="DATE",
                        help="only stories with an article published on or after DATE "
                        "(YYYY-MM-DD; undated stories are left out)")
    parser.add_argument("--min-size", type=int, default=1, metavar="N",
                        help="only stories of at least N articles (default 1)")
    parser.add_argument("--json", action="store_true", help="one JSON object a line")
    parser.add_argument("--briefs", type=Path, metavar="DIR",
                        help="write a brief of each listed story to DIR/<id>.<format>")
    parser.add_argument("--format", choices=sorted(_BRIEF_SUFFIXES), default="md",
                        help="format of the briefs (default md)")
    parser.add_argument("--words", type=int, default=DEFAULT_WORDS, metavar="N",
                        help=f"length of each brief in words (default {DEFAULT_WORDS})")
    add_scale_arguments(parser)
    parser.set_defaults(func=run)


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (use YYYY-MM-DD)") from None


def run(args: argparse.Namespace) -> int:
    with open_store(args.db, must_exist=True) as store:
        rows = [r for r in store.stories(args.since) if r.size >= args.min_size]
    if args.briefs is not None:
        return _write_briefs(args, rows)
    lines = [json.dumps(_as_dict(r)) if args.json else _as_line(r) for r in rows]
    write_output("".join(line + "\n" for line in lines), None)
    return 0


def _as_dict(row: StoryRow) -> dict[str, Any]:
    return {"id": row.id, "size": row.size, "title": row.title,
            "first_published": _iso(row.first_published),
            "last_published": _iso(row.last_published),
            "outlets": list(row.outlets), "article_ids": list(row.article_ids)}


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _as_line(row: StoryRow) -> str:
    span = (f"{row.first_published}..{row.last_published}" if row.first_published
            else "undated")
    return "\t".join((row.id, str(row.size), row.title or "", span,
                      ", ".join(row.outlets) or "-", " ".join(row.article_ids)))


def _write_briefs(args: argparse.Namespace, rows: list[StoryRow]) -> int:
    if args.words < 1:
        raise InvalidOptionError(f"--words must be at least 1, got {args.words}")
    try:
        args.briefs.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise NewsweaveError(f"cannot create {args.briefs}: {exc.strerror or exc}") from exc
    url = args.db or default_url()
    with ExitStack() as stack:
        client = client_from(args, stack)
        progress = stack.enter_context(Progress(console=Console(stderr=True), transient=True))
        task = progress.add_task("briefing", total=len(rows))
        briefs = brief_stories(url, [r.id for r in rows], words=args.words, fmt=args.format,
                               client=client)
        written = _save(briefs, args.briefs, _BRIEF_SUFFIXES[args.format],
                        lambda: progress.advance(task))
    print(f"wrote {written} briefs to {args.briefs}")
    return 0


def _save(briefs: Iterator[tuple[str, str | NewsweaveError]], folder: Path, suffix: str,
          advance: Callable[[], None]) -> int:
    written = 0
    for story_id, outcome in briefs:
        advance()
        if isinstance(outcome, NewsweaveError):
            warn(f"story {story_id} was not briefed: {outcome}")
            continue
        write_output(outcome, folder / f"{story_id}{suffix}")
        written += 1
    return written
