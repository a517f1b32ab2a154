"""``newsweave eval-conflicts``: precision and recall of found conflicts against hand annotations.

Reads every gold file in ``--gold`` (see :mod:`newsweave.evaluate.conflicts` for the format),
runs the claims analysis on each annotated cluster and prints one row per cluster, the totals
of the clusters the analysis was tuned on ("dev") and of those annotated after ("test"), each
also by corpus (DUC with the bundled example, and ECB+) when a split holds both, and how
long the analysis of one whole 25-article DUC cluster takes on this machine.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsweave.cli import add_data_argument, warn, write_output
from newsweave.errors import InvalidOptionError

if TYPE_CHECKING:
    from newsweave.evaluate.conflicts import ClusterResult

DEFAULT_GOLD = Path("tests/data/conflicts")
DEFAULT_EXAMPLES = Path("examples")
TIMING_CLUSTER = ("duc2006", "D0640D")
"""A whole DUC cluster (25 articles, the Kursk sinking) timed for the speed figure."""


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "eval-conflicts",
        help="score found conflicts against hand-annotated ones",
        description="Run the claims analysis on every hand-annotated cluster and print "
        "precision (found conflicts that link two sentences of one gold conflict) and recall "
        "(gold conflicts so linked), per cluster and in total for the clusters tuned on (dev) "
        "and those annotated after tuning (test), then the time to analyse a whole "
        "25-article DUC cluster.",
    )
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD, metavar="DIR",
                        help=f"folder of gold JSON files (default {DEFAULT_GOLD})")
    add_data_argument(parser)
    parser.add_argument("--examples", type=Path, default=DEFAULT_EXAMPLES, metavar="DIR",
                        help=f"bundled examples folder (default {DEFAULT_EXAMPLES})")
    parser.add_argument("-o", "--output", type=Path, metavar="FILE",
                        help="write the table to FILE instead of stdout")
    parser.set_defaults(func=run)


def run(args: Any) -> int:
    from newsweave.evaluate.conflicts import SPLITS, evaluate, load_gold, time_full_cluster

    paths = sorted(args.gold.glob("*.json")) if args.gold.is_dir() else []
    if not paths:
        raise InvalidOptionError(f"--gold {args.gold} holds no .json gold file")
    has_data = args.data.is_dir()
    if not has_data:
        warn(f"no benchmark data in {args.data}: scoring the bundled example only")
    golds = [load_gold(p, args.data, args.examples) for p in paths
             if has_data or "example" in p.name]
    results = evaluate(golds)
    lines = [f"{'cluster':40} {'split':>5} {'articles':>8} {'gold':>5} {'found':>5} {'P':>5} "
             f"{'R':>5} {'ms':>7}"]
    lines.extend(_row(r.name, r.split, [r]) for r in results)
    for split in SPLITS:
        chosen = [r for r in results if r.split == split]
        corpora = sorted({r.corpus for r in chosen})
        if len(corpora) > 1:
            lines.extend(_row(f"TOTAL {split} {corpus}", split,
                              [r for r in chosen if r.corpus == corpus]) for corpus in corpora)
        if chosen:
            lines.append(_row(f"TOTAL {split}", split, chosen))
    if has_data:
        wall, cpu = time_full_cluster(args.data, *TIMING_CLUSTER)
        lines.append(f"claims analysis of the whole {TIMING_CLUSTER[1]} cluster (25 articles, "
                     f"best of 3 cold runs): {cpu:.2f} s CPU, {wall:.2f} s wall")
    write_output("\n".join(lines) + "\n", args.output)
    return 0


def _row(name: str, split: str, results: list[ClusterResult]) -> str:
    """One line: the clusters' articles and summed counts, precision, recall, milliseconds."""
    score = sum((r.score for r in results[1:]), results[0].score)
    articles = sum(r.articles for r in results)
    ms = sum(r.seconds for r in results) * 1000
    return (f"{name:40} {split:>5} {articles:>8} {score.gold:>5} {score.found:>5} "
            f"{score.precision:>5.2f} {score.recall:>5.2f} {ms:>7.0f}")
