"""The command line: parse, call the API, render, map errors to exit codes.

Each subcommand lives beside the code it drives, as a module with ``add_parser(subparsers)``
that sets ``func``; this module only lists them. Only newsweave's own errors are caught: they
print ``newsweave: Type: message`` on stderr and exit 1. A bug still shows its traceback.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from newsweave import __version__
from newsweave.errors import MissingExtraError, NewsweaveError
from newsweave.ingest.decode import DEFAULT_MAX_BYTES
from newsweave.store import DB_ENV, DEFAULT_DB

COMMANDS = {
    "brief": "newsweave.commands.brief",
    "serve": "newsweave.commands.serve",
    "ingest": "newsweave.commands.ingest",
    "stories": "newsweave.commands.stories",
    "recluster": "newsweave.commands.recluster",
    "eval": "newsweave.commands.eval",
    "eval-entities": "newsweave.commands.eval_entities",
    "eval-timeline": "newsweave.commands.eval_timeline",
    "eval-conflicts": "newsweave.commands.eval_conflicts",
    "train": "newsweave.commands.train",
}
"""Each subcommand's name and the module that adds it, in the order ``--help`` lists them.
Only the module of the command being run is imported: some bring Dask or a web server."""

EXIT_ERROR = 1
EXIT_INTERRUPTED = 130


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser, with only ``command``'s subcommand when it is one, else them all."""
    parser = argparse.ArgumentParser(
        prog="newsweave",
        description="Turn many news reports of one story into one attributed brief.",
    )
    parser.add_argument("--version", action="version", version=f"newsweave {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in [command] if command in COMMANDS else COMMANDS:
        importlib.import_module(COMMANDS[name]).add_parser(subparsers)
    return parser


def add_budget_arguments(parser: argparse.ArgumentParser, default_words: int) -> None:
    """--words/--bytes/--sentences, mutually exclusive, shared by brief and eval."""
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--words", type=int, metavar="N",
                       help=f"summary length in words (default {default_words})")
    group.add_argument("--bytes", type=int, metavar="N", help="summary length in UTF-8 bytes")
    group.add_argument("--sentences", type=int, metavar="N", help="summary length in sentences")


def add_max_bytes_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--max-bytes", type=_positive_int, default=DEFAULT_MAX_BYTES,
                        metavar="N",
                        help=f"largest input file read (default {DEFAULT_MAX_BYTES:,} bytes)")


def _positive_int(text: str) -> int:
    """An argparse type: a whole number of at least 1 (--max-bytes 0 refused every file as
    "0.0 MiB, over the 0.0 MiB limit")."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return value


SHARED_DATA = Path("../shared/data")
"""Where the benchmark data lies beside a checkout of the repo (never inside it)."""


def add_db_argument(parser: argparse.ArgumentParser) -> None:
    """--db, shared by ingest, stories, recluster, serve and brief --story."""
    parser.add_argument("--db", metavar="URL", default=None,
                        help=f"SQLite file or postgresql:// URL (default ${DB_ENV}, "
                        f"else ./{DEFAULT_DB})")


def add_data_argument(parser: argparse.ArgumentParser) -> None:
    """--data DIR for the commands that score against benchmark data."""
    parser.add_argument("--data", type=Path, default=SHARED_DATA, metavar="DIR",
                        help=f"benchmark data folder (default {SHARED_DATA})")


@contextmanager
def needs_extra(extra: str, what: str) -> Iterator[None]:
    """Imports inside the block that fail name the optional extra to install, in one line."""
    try:
        yield
    except ImportError as exc:
        raise MissingExtraError(what, extra, exc.name) from exc


def warn(message: str) -> None:
    print(f"newsweave: warning: {message}", file=sys.stderr)


def write_output(text: str, output: Path | None) -> None:
    """Write to ``output``, or to stdout when it is None."""
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise NewsweaveError(f"cannot write {output}: {exc.strerror or exc}") from exc


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser(argv[0] if argv else None)
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except NewsweaveError as exc:
        print(f"newsweave: {type(exc).__name__}: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("newsweave: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        sys.stderr.close()
        return EXIT_ERROR


if __name__ == "__main__":
    sys.exit(main())
