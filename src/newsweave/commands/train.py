"""``newsweave train``: refit the learned sentence scorer on Multi-News train.

The result is a small JSON (weights and a table of stem statistics, no text) that
``--algorithm learned`` reads; the package ships one fitted with the defaults.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from newsweave.cli import write_output
from newsweave.summarize.learned import LEXICON_CLUSTERS, TRAIN_CLUSTERS, train

DEFAULT_DATA = Path("..") / "shared" / "data" / "multinews" / "train.jsonl.gz"
"""Where Multi-News train lies relative to the project root (see ../shared/README.md)."""


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "train",
        help="refit the learned summarizer's sentence scorer on Multi-News train",
        description="Fit the ridge regression of the 'learned' summarizer on Multi-News "
        "train clusters and the stem statistics it uses on the clusters after them, and "
        "write them as JSON (to stdout unless -o is given).",
    )
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, metavar="FILE",
                        help=f"Multi-News train.jsonl.gz (default {DEFAULT_DATA})")
    parser.add_argument("--limit", type=int, default=TRAIN_CLUSTERS, metavar="K",
                        help=f"clusters the regression is fitted on (default {TRAIN_CLUSTERS})")
    parser.add_argument("--lexicon-limit", type=int, default=LEXICON_CLUSTERS, metavar="M",
                        help="clusters after those the stem statistics are counted on "
                        f"(default {LEXICON_CLUSTERS})")
    parser.add_argument("-o", "--output", type=Path, metavar="FILE",
                        help="write the weights to FILE instead of stdout")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    scorer = train(args.data, args.limit, args.lexicon_limit)
    write_output(json.dumps(scorer.to_dict(), separators=(",", ":")) + "\n", args.output)
    return 0
