"""``newsweave train``: refit the learned sentence scorer on Multi-News train.

The result is a small JSON (weights and a table of stem statistics, no text) that
``--algorithm learned`` reads; the package ships one fitted with the defaults. With
``--hashed-output`` it also refits the hashed lexical model (a table of hashed-column
coefficients, about 7 minutes and 2.4 GB on all of Multi-News train); without it, only the JSON is
refitted, in a few minutes.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from newsweave.cli import write_output
from newsweave.summarize.hashed import KEEP
from newsweave.summarize.learned import (
    HASHED_CLUSTERS,
    LEXICON_CLUSTERS,
    TRAIN_CLUSTERS,
    train,
    train_hashed,
)

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
    parser.add_argument("--hashed-output", type=Path, metavar="FILE.npz",
                        help="also refit the hashed lexical model and write it to FILE.npz "
                        "(about 7 minutes and 2.4 GB on all of Multi-News train)")
    parser.add_argument("--hashed-limit", type=int, default=HASHED_CLUSTERS, metavar="H",
                        help="clusters after the regression's the hashed model is fitted on "
                        f"(default {HASHED_CLUSTERS}: all the rest)")
    parser.add_argument("--hashed-keep", type=int, default=KEEP, metavar="N",
                        help=f"hashed coefficients kept, the largest (default {KEEP})")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    scorer = train(args.data, args.limit, args.lexicon_limit)
    if args.hashed_output is not None:
        train_hashed(args.data, args.limit, args.limit + args.hashed_limit,
                     args.hashed_keep).save(args.hashed_output)
    write_output(json.dumps(scorer.to_dict(), separators=(",", ":")) + "\n", args.output)
    return 0
