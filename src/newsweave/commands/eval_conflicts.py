"""``newsweave eval-conflicts``: precision and recall of found conflicts against hand annotations.

Reads every gold file in ``--gold`` (see :mod:`newsweave.evaluate.conflicts` for the format),
runs the claims analysis on each annotated cluster and prints one row per cluster, the totals
of the clusters the analysis was tuned on ("dev") and of those annotated after ("test"), each
also by corpus (DUC with the bundled example, and ECB+) when a split holds both, and how
long the whole analysis (entities, timeline, claims, quotes) of each 25-article DUC 2006
cluster takes on this machine: median, 90th percentile and slowest CPU seconds.
"""

from __future__ import annotations

import statistics
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsweave.cli import add_data_argument, warn, write_output
from newsweave.errors import InvalidOptionError

if TYPE_CHECKING:
    from newsweave.evaluate.conflicts import AnalysisTiming, ClusterResult

DEFAULT_GOLD = Path("tests/data/conflicts")
DEFAULT_EXAMPLES = Path("examples")
SPEED_TARGET = 1.0
"""CPU seconds the issue allows for the analysis of a 25-article cluster on one core."""
PERCENTILE = 90


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "eval-conflicts",
        help="score found conflicts against hand-annotated ones",
        description="Run the claims analysis on every hand-annotated cluster and print "
        "precision (found conflicts that link two sentences of one gold conflict) and recall "
        "(gold conflicts so linked), per cluster and in total for the clusters tuned on (dev) "
        "and those annotated after tuning (test), then the CPU time of the whole analysis of "
        "each 25-article DUC 2006 cluster.",
    )
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD, metavar="DIR",
                        help=f"folder of gold JSON files (default {DEFAULT_GOLD})")
    add_data_argument(parser)
    parser.add_argument("--examples", type=Path, default=DEFAULT_EXAMPLES, metavar="DIR",
                        help=f"bundled examples folder (default {DEFAULT_EXAMPLES})")
    parser.add_argument("--speed-clusters", type=int, default=None, metavar="N",
                        help="time the analysis of the first N DUC 2006 clusters "
                        "(default all 50; 0 skips the speed table)")
    parser.add_argument("-o", "--output", type=Path, metavar="FILE",
                        help="write the table to FILE instead of stdout")
    parser.set_defaults(func=run)


def run(args: Any) -> int:
    from newsweave.evaluate.conflicts import SPLITS, evaluate, load_gold, time_analysis

    if args.speed_clusters is not None and args.speed_clusters < 0:
        raise InvalidOptionError(f"--speed-clusters {args.speed_clusters} is negative; give 0 "
                                 "(no speed table) or a number of clusters")
    paths = sorted(args.gold.glob("*.json")) if args.gold.is_dir() else []
    if not paths:
        raise InvalidOptionError(f"--gold {args.gold} holds no .json gold file")
    has_data = args.data.is_dir()
    if not has_data:
        warn(f"no benchmark data in {args.data}: scoring the bundled example only")
    golds = [load_gold(p, args.data, args.examples) for p in paths
             if has_data or "example" in p.name]
    results = evaluate(golds)
    del golds  # a hundred stories kept alive would slow the timed runs' garbage collection
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
    if has_data and args.speed_clusters != 0:
        lines.extend(_speed_table(time_analysis(args.data, args.speed_clusters)))
    write_output("\n".join(lines) + "\n", args.output)
    return 0


def _row(name: str, split: str, results: list[ClusterResult]) -> str:
    """One line: the clusters' articles and summed counts, precision, recall, milliseconds."""
    score = sum((r.score for r in results[1:]), results[0].score)
    articles = sum(r.articles for r in results)
    ms = sum(r.seconds for r in results) * 1000
    return (f"{name:40} {split:>5} {articles:>8} {score.gold:>5} {score.found:>5} "
            f"{score.precision:>5.2f} {score.recall:>5.2f} {ms:>7.0f}")


def _speed_table(timings: list[AnalysisTiming]) -> list[str]:
    """Median, 90th percentile and slowest CPU seconds of the whole analysis and of each
    section, how many clusters go over the target, and the slowest cluster."""
    columns = {"analysis": [t.analysis for t in timings]}
    columns.update({name: [t.sections[name] for t in timings] for name in timings[0].sections})
    slowest = max(timings, key=lambda t: t.analysis)
    lines = [f"\nwhole analysis of {len(timings)} DUC 2006 clusters, CPU s, each run cold "
             "(per-text caches emptied):",
             f"{'section':10} {'median':>7} {'p90':>7} {'max':>7} {'> 1 s':>6}"]
    lines.extend(f"{name:10} {statistics.median(values):>7.2f} {_percentile(values):>7.2f} "
                 f"{max(values):>7.2f} {sum(v > SPEED_TARGET for v in values):>6}"
                 for name, values in columns.items())
    lines.append(_timing_line("slowest", slowest))
    lines.extend(_timing_line(f"over {SPEED_TARGET:g} s", t) for t in timings
                 if t.analysis > SPEED_TARGET and t is not slowest)
    return lines


def _timing_line(label: str, timing: AnalysisTiming) -> str:
    """One cluster's time, whole and by section."""
    sections = ", ".join(f"{name} {seconds:.2f}" for name, seconds in timing.sections.items())
    return (f"{label}: {timing.cluster} ({timing.articles} articles) {timing.analysis:.2f} s "
            f"({sections})")


def _percentile(values: list[float]) -> float:
    """The :data:`PERCENTILE` th percentile, interpolated (a single value is its own)."""
    if len(values) < 2:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[PERCENTILE - 1]
