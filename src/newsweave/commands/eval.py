"""``newsweave eval DATA.jsonl[.gz]``: ROUGE of every algorithm and peer against human summaries.

The evaluation code (and sumy, NLTK, rouge-score behind it) is imported only when the command
runs, so other subcommands start as fast as before.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsweave.cli import add_budget_arguments, needs_extra, warn, write_output
from newsweave.errors import InvalidOptionError
from newsweave.evaluate.systems import PEERS
from newsweave.summarize import available

if TYPE_CHECKING:
    from rich.console import Console

    from newsweave.evaluate.results import SystemSummary
    from newsweave.evaluate.runner import ClusterOutcome, EvalConfig

DEFAULT_WORDS = 250
"""DUC's summary length; Multi-News papers use 260 (give ``--words 260``)."""
PROGRESS_MIN_CLUSTERS = 20
"""Fewer clusters finish too soon for a progress bar to help."""
TABLE_WIDTH = 150
"""Width of the table written to a file or pipe, where rich cannot ask a terminal (so that
every column shows in full instead of rich's 80-column fallback)."""
SUMY_NOTE = ("note: sumy peers run on newsweave's sentence splitter and a data-free word "
             "tokenizer (NLTK punkt is not installed), with sumy's English stop words and "
             "stemmer")


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "eval",
        help="score algorithms and peers with ROUGE against human summaries",
        description="Summarize every cluster of a benchmark file (one JSON line\n"
        '{"id", "documents": [...], "summaries": [...]} per cluster, gzip or not) with each\n'
        "algorithm and peer, cut every summary to the same length (the first N words when\n"
        "over, as ROUGE's -l does) and print ROUGE-1, -2 and -Lsum (rouge-score, Porter\n"
        "stemmer, references combined as ROUGE-1.5.5 -f A).",
        epilog=f"algorithms: {', '.join(available())}\npeers: {', '.join(PEERS)}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("data", type=Path, metavar="DATA", help="clusters, .jsonl or .jsonl.gz")
    add_budget_arguments(parser, DEFAULT_WORDS)
    parser.add_argument("--algorithms", type=_names, metavar="A,B",
                        help="newsweave algorithms to run, or none (default: every registered "
                        "one)")
    parser.add_argument("--peers", type=_names, metavar="P,Q",
                        help=f"peers to run, or none (default: {','.join(PEERS)})")
    parser.add_argument("--limit", type=int, metavar="K", help="only the first K clusters")
    parser.add_argument("--max-articles", type=int, metavar="K",
                        help="only the first K articles of each cluster (how systems fare with "
                        "fewer sources; the human summaries stay those of the whole cluster)")
    parser.add_argument("--jobs", type=int, default=1, metavar="N",
                        help="worker processes (default 1)")
    parser.add_argument("--official", action="store_true",
                        help="also score with the ROUGE-1.5.5 Perl script (needs Perl's "
                        "XML::Parser: Debian libxml-parser-perl)")
    parser.add_argument("-o", "--output", type=Path, metavar="FILE",
                        help="write per-cluster results to FILE (.json or .csv)")
    parser.set_defaults(func=run)


def _names(text: str) -> tuple[str, ...]:
    names = tuple(n.strip() for n in text.split(",") if n.strip())
    return () if names == ("none",) else names


def run(args: argparse.Namespace) -> int:
    from rich.console import Console

    from newsweave.api import make_budget

    with needs_extra("eval", "newsweave eval"):
        from newsweave.evaluate import peers, rouge  # noqa: F401  (the extra's imports)
        from newsweave.evaluate.official import check_official
        from newsweave.evaluate.results import output_suffix
        from newsweave.evaluate.runner import EvalConfig, read_lines
        from newsweave.evaluate.systems import check_names

    given = (args.words, args.bytes, args.sentences)
    budget = make_budget(*given) if any(v is not None for v in given) else make_budget(
        words=DEFAULT_WORDS)
    for flag, value in (("--limit", args.limit), ("--max-articles", args.max_articles)):
        if value is not None and value < 1:
            raise InvalidOptionError(f"{flag} must be at least 1, got {value}")
    config = EvalConfig(budget, tuple(available()) if args.algorithms is None else args.algorithms,
                        tuple(PEERS) if args.peers is None else args.peers, args.max_articles)
    check_names(config.algorithms, config.peers)
    if args.official:
        check_official()
    if args.output is not None:
        output_suffix(args.output)
    lines = read_lines(args.data, args.limit)
    outcomes = _run(lines, config, args.jobs)
    console = Console(file=sys.stdout)
    if not console.is_terminal:
        console = Console(file=sys.stdout, width=TABLE_WIDTH)
    _report(args, config, outcomes, console)
    return 0


def _run(lines: list[tuple[str, str]], config: EvalConfig, jobs: int) -> list[ClusterOutcome]:
    """Run with a progress bar on stderr when it is a terminal and the run is long."""
    from rich.console import Console
    from rich.progress import Progress

    from newsweave.evaluate.runner import run_all

    console = Console(stderr=True)
    shown = console.is_terminal and len(lines) >= PROGRESS_MIN_CLUSTERS
    with Progress(console=console, transient=True, disable=not shown) as progress:
        task = progress.add_task("clusters", total=len(lines))
        return run_all(lines, config, jobs=jobs, on_done=lambda: progress.advance(task))


def _report(args: argparse.Namespace, config: EvalConfig, outcomes: list[ClusterOutcome],
            console: Console) -> None:
    """Warnings, the table(s) and the results file."""
    from newsweave.evaluate.results import print_report, results_text, summarize_runs
    from newsweave.evaluate.systems import EvaluationError

    scored = [o for o in outcomes if not o.problem]
    dropped = _warn_skipped(outcomes)
    if not scored:  # an empty table and exit 0 read as a run that worked
        raise EvaluationError(f"no cluster of {args.data} could be scored (the warnings above "
                              "say why)")
    summaries = summarize_runs(scored)
    unit = f"{config.budget.limit} {config.budget.unit}"
    notes = [f"{len(scored)} cluster(s) scored, {len(outcomes) - len(scored)} skipped; "
             f"every summary cut to {unit}; rouge-score, Porter stemmer, references "
             "combined as ROUGE-1.5.5 -f A; scores in points (x100)"]
    if config.max_articles is not None:
        notes.append(f"only the first {config.max_articles} article(s) of each cluster read")
    if any(p.startswith("sumy-") for p in config.peers):
        notes.append(SUMY_NOTE)
    print_report(summaries, f"ROUGE on {args.data.name} ({unit})", notes, console)
    meta: dict[str, Any] = {
        "data": str(args.data), "budget": config.budget.to_dict(),
        "clusters_scored": len(scored), "clusters_skipped": len(outcomes) - len(scored),
        "documents_dropped": dropped, "max_articles": config.max_articles,
    }
    if args.official and scored:
        official = _official(summaries, scored)
        print_report(official, f"ROUGE-1.5.5.pl on {args.data.name} ({unit}; R-Lsum = "
                     "the script's ROUGE-L on one sentence a line)", [], console)
        meta["official"] = [s.to_dict() for s in official]
    if args.output is not None:
        write_output(results_text(args.output, summaries, outcomes, meta), args.output)


def _warn_skipped(outcomes: list[ClusterOutcome]) -> int:
    """Warn about each skipped cluster and the dropped documents; the number dropped."""
    for outcome in outcomes:
        if outcome.problem:
            warn(f"skipped cluster {outcome.problem}")
    dropped = sum(o.skipped_documents for o in outcomes)
    if dropped:
        warn(f"{dropped} document(s) with no readable text dropped from their clusters")
    return dropped


def _official(summaries: list[SystemSummary], scored: list[ClusterOutcome]
              ) -> list[SystemSummary]:
    """Each system's row with the official script's scores in place of rouge-score's."""
    from newsweave.evaluate.official import official_scores

    references = [o.reference_lines for o in scored]
    return [
        replace(s, scores=official_scores(
            [run.summary for o in scored for run in o.runs if run.system == s.system],
            references))
        for s in summaries
    ]
