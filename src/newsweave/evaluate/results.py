"""Per-system averages of an evaluation, the "gap closed" ratio, and the files and tables.

Scores are macro averages over clusters (every cluster weighs the same, as ROUGE-1.5.5's
``-t 0`` averages). Times are of ``select()`` alone, per cluster: median and 95th percentile.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from rich.console import Console
from rich.table import Table

from newsweave.errors import InvalidOptionError
from newsweave.evaluate.rouge import METRICS, RougeScore
from newsweave.evaluate.runner import ClusterOutcome, SystemRun
from newsweave.evaluate.systems import ORACLE

TAIL_PERCENTILE = 95
"""The slow-cluster time reported beside the median."""
OUTPUT_SUFFIXES = (".json", ".csv")
GAP_METRICS = ("rouge1", "rouge2")
"""Issue 6 tracks the share of the lead-to-oracle gap closed on ROUGE-1 and ROUGE-2."""
_LABELS = {"rouge1": "R-1", "rouge2": "R-2", "rougeLsum": "R-Lsum"}


@dataclass(frozen=True, slots=True)
class SystemSummary:
    """One system's averages over the clusters it ran on."""

    system: str
    peer: bool
    clusters: int
    scores: dict[str, RougeScore]
    words: float
    ms_median: float
    ms_p95: float
    seconds_total: float

    def to_dict(self) -> dict[str, Any]:
        return {
            "system": self.system, "peer": self.peer, "clusters": self.clusters,
            "words": round(self.words, 1), "ms_median": round(self.ms_median, 2),
            "ms_p95": round(self.ms_p95, 2), "seconds_total": round(self.seconds_total, 2),
            **{f"{m}_{part}": round(getattr(self.scores[m], name), 5)
               for m in METRICS for part, name in
               (("p", "precision"), ("r", "recall"), ("f", "f1"))},
        }


def summarize_runs(outcomes: Sequence[ClusterOutcome]) -> list[SystemSummary]:
    """Each system's averages, in the order the systems ran."""
    by_system: dict[str, list[SystemRun]] = {}
    for outcome in outcomes:
        for run in outcome.runs:
            by_system.setdefault(run.system, []).append(run)
    return [_summary(runs) for runs in by_system.values()]


def _summary(runs: list[SystemRun]) -> SystemSummary:
    ms = np.array([run.seconds * 1000 for run in runs])
    return SystemSummary(
        system=runs[0].system, peer=runs[0].peer, clusters=len(runs),
        scores={metric: mean_score([run.scores[metric] for run in runs]) for metric in METRICS},
        words=float(np.mean([run.words for run in runs])),
        ms_median=float(np.median(ms)), ms_p95=float(np.percentile(ms, TAIL_PERCENTILE)),
        seconds_total=float(ms.sum() / 1000),
    )


def mean_score(scores: Sequence[RougeScore]) -> RougeScore:
    """The mean precision, recall and F1 of several scores (each averaged on its own)."""
    return RougeScore(*(float(np.mean([getattr(s, part) for s in scores]))
                        for part in ("precision", "recall", "f1")))


def gap_closed(summaries: Sequence[SystemSummary], part: str) -> dict[str, dict[str, float]]:
    """(ours − best peer) / (oracle − best peer) for each of our systems, on R-1 and R-2.

    ``part`` is ``"f1"`` or ``"recall"``. The best peer is the best non-oracle peer on each
    measure. Empty when there is no oracle, no other peer, or the oracle is not above the
    best peer (the ratio would mean nothing).
    """
    oracle = next((s for s in summaries if s.system == ORACLE), None)
    peers = [s for s in summaries if s.peer and s.system != ORACLE]
    if oracle is None or not peers:
        return {}
    ratios: dict[str, dict[str, float]] = {}
    for metric in GAP_METRICS:
        best = max(getattr(p.scores[metric], part) for p in peers)
        span = getattr(oracle.scores[metric], part) - best
        if span <= 0:
            return {}
        for ours in (s for s in summaries if not s.peer):
            ratios.setdefault(ours.system, {})[metric] = (
                getattr(ours.scores[metric], part) - best) / span
    return ratios


def render_table(summaries: Sequence[SystemSummary], title: str) -> Table:
    """The rich table: R-1, R-2, R-Lsum as F1 and as recall (in points), mean words out,
    ``select()`` milliseconds per cluster (median, p95) and seconds over all clusters."""
    table = Table(title=title)
    table.add_column("system")
    table.add_column("kind")
    for part in ("F1", "R"):
        for metric in METRICS:
            table.add_column(f"{_LABELS[metric]} {part}", justify="right")
    for name in ("words", "ms median", f"ms p{TAIL_PERCENTILE}", "s total"):
        table.add_column(name, justify="right")
    for s in summaries:
        table.add_row(
            s.system, "peer" if s.peer else "ours",
            *(f"{100 * s.scores[m].f1:.2f}" for m in METRICS),
            *(f"{100 * s.scores[m].recall:.2f}" for m in METRICS),
            f"{s.words:.0f}", f"{s.ms_median:.1f}", f"{s.ms_p95:.1f}", f"{s.seconds_total:.1f}",
        )
    return table


def gap_lines(summaries: Sequence[SystemSummary]) -> list[str]:
    """One "gap closed" line per algorithm and measure kind, or none without an oracle."""
    lines = []
    for part, label in (("f1", "F1"), ("recall", "recall")):
        for system, ratios in gap_closed(summaries, part).items():
            shown = ", ".join(f"{_LABELS[m]} {r:+.2f}" for m, r in ratios.items())
            lines.append(f"gap closed ({label}) by {system}: {shown}  "
                         "[(ours - best peer) / (oracle - best peer)]")
    return lines


def print_report(summaries: Sequence[SystemSummary], title: str, notes: Sequence[str],
                 console: Console) -> None:
    """The table, the gap-closed lines and the notes, on ``console``."""
    console.print(render_table(summaries, title))
    for line in [*gap_lines(summaries), *notes]:
        console.print(line, highlight=False, markup=False)


def results_text(path: Path, summaries: Sequence[SystemSummary],
                 outcomes: Sequence[ClusterOutcome], meta: dict[str, Any]) -> str:
    """Per-cluster results as JSON (with averages and summaries) or CSV, by ``path``'s suffix.

    Raises
    ------
    InvalidOptionError
        When the suffix is neither ``.json`` nor ``.csv``.
    """
    suffix = output_suffix(path)
    runs = [run for outcome in outcomes for run in outcome.runs]
    if suffix == ".csv":
        return _csv([run.row() for run in runs])
    document = {
        **meta,
        "systems": [s.to_dict() for s in summaries],
        "gap_closed": {"f1": gap_closed(summaries, "f1"),
                       "recall": gap_closed(summaries, "recall")},
        "skipped": [{"cluster": o.cluster, "problem": o.problem} for o in outcomes if o.problem],
        "clusters": [{**run.row(), "summary": list(run.summary)} for run in runs],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def output_suffix(path: Path) -> str:
    """``.json`` or ``.csv``: the results format ``path`` asks for.

    Raises
    ------
    InvalidOptionError
        When the suffix is neither, so a long run is not wasted on a name that cannot be used.
    """
    suffix = path.suffix.lower()
    if suffix not in OUTPUT_SUFFIXES:
        raise InvalidOptionError(f"cannot write results to {path}: the suffix {suffix!r} is "
                                 f"not one of {', '.join(OUTPUT_SUFFIXES)}")
    return suffix


def _csv(rows: list[dict[str, Any]]) -> str:
    buffer = io.StringIO()
    if rows:
        writer = csv.DictWriter(buffer, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return buffer.getvalue()
