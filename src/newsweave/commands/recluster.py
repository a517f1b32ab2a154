"""``newsweave recluster``: rebuild every story of the store in one batch pass."""

from __future__ import annotations

import argparse
from typing import Any

from newsweave.cli import add_db_argument
from newsweave.cluster.recluster import recluster
from newsweave.commands.ingest import add_clustering_arguments, clusterer_from
from newsweave.store import open_store


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "recluster",
        help="rebuild the stories of the store from all its articles",
        description="Replay every stored article through a fresh clusterer whose IDF knows "
        "the whole archive, and replace all stories at once.",
    )
    add_db_argument(parser)
    add_clustering_arguments(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    clusterer = clusterer_from(args)
    with open_store(args.db, must_exist=True) as store:
        rows = recluster(store, clusterer)
    articles = sum(row.size for row in rows)
    print(f"re-clustered {articles} articles into {len(rows)} stories")
    return 0
