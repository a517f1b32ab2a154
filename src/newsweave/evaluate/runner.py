"""Run every system on every cluster of a benchmark file and score it: the work of ``eval``.

A cluster is one JSON line ``{"id", "documents": [str, ...], "summaries": [str, ...]}`` (gzip
or not). Each system summarizes it within the budget; the summary is its sentences in the order
:func:`newsweave.summarize.summarize` puts them, one a line, cut to the budget by
:func:`~newsweave.evaluate.rouge.cut_to_budget`, and scored against every human summary. Only
``select()`` is timed: reading, ordering and scoring are the harness's cost, not the system's.

A bad document is dropped and counted; a bad cluster (not JSON, no document with text, no
human summary) is skipped with its reason, so one broken line never ends a long run.
"""

from __future__ import annotations

import gzip
import json
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import Any

from newsweave.errors import IngestError
from newsweave.evaluate.rouge import METRICS, Reference, RougeScore, cut_to_budget, score_summary
from newsweave.evaluate.systems import EvaluationError, create_system
from newsweave.ingest import articles_from_record
from newsweave.models import Budget, Story
from newsweave.summarize import Scored, Summarizer, summarize
from newsweave.text import split_sentences


@dataclass(frozen=True, slots=True)
class Cluster:
    """One benchmark item: the story to summarize and its human summaries, sentence-split."""

    story: Story
    reference_lines: tuple[tuple[str, ...], ...]
    skipped_documents: int = 0

    @property
    def references(self) -> tuple[Reference, ...]:
        return tuple(Reference.from_sentences(lines) for lines in self.reference_lines)

    def first_articles(self, count: int) -> Cluster:
        """The cluster with only its first ``count`` articles, the same human summaries."""
        return replace(self, story=replace(self.story, articles=self.story.articles[:count]))


@dataclass(frozen=True, slots=True)
class EvalConfig:
    """What to run: the budget, newsweave's algorithms and the peers, by name; and, to see how
    systems fare with fewer sources, at most ``max_articles`` of each cluster (in file order)."""

    budget: Budget
    algorithms: tuple[str, ...]
    peers: tuple[str, ...]
    max_articles: int | None = None

    @property
    def systems(self) -> tuple[tuple[str, bool], ...]:
        """Every system as (name, is_peer), algorithms first."""
        return (*((a, False) for a in self.algorithms), *((p, True) for p in self.peers))


@dataclass(frozen=True, slots=True)
class SystemRun:
    """One system's summary of one cluster, its length, its time and its scores."""

    cluster: str
    system: str
    peer: bool
    summary: tuple[str, ...]
    words: int
    seconds: float
    scores: dict[str, RougeScore]

    def row(self) -> dict[str, Any]:
        """A flat record (one CSV row): ids, length, milliseconds, then P/R/F1 per measure."""
        row: dict[str, Any] = {"cluster": self.cluster, "system": self.system,
                               "peer": self.peer, "words": self.words,
                               "ms": round(self.seconds * 1000, 3)}
        for metric in METRICS:
            score = self.scores[metric]
            row.update({f"{metric}_p": round(score.precision, 5),
                        f"{metric}_r": round(score.recall, 5), f"{metric}_f": round(score.f1, 5)})
        return row


@dataclass(frozen=True, slots=True)
class ClusterOutcome:
    """Every system's run on one cluster, or why the cluster was skipped (``problem``)."""

    cluster: str
    runs: tuple[SystemRun, ...] = ()
    reference_lines: tuple[tuple[str, ...], ...] = ()
    skipped_documents: int = 0
    problem: str = ""


def read_lines(path: Path, limit: int | None = None) -> list[tuple[str, str]]:
    """The first ``limit`` non-empty lines of a JSONL file (gzip by ``.gz``), with origins.

    Raises
    ------
    EvaluationError
        When the file cannot be opened or is not valid gzip/UTF-8.
    """
    lines: list[tuple[str, str]] = []
    try:
        for number, line in _numbered_lines(path):
            if limit is not None and len(lines) >= limit:
                break
            if line.strip():
                lines.append((f"{path}:{number}", line))
    except (OSError, EOFError, UnicodeDecodeError) as exc:
        raise EvaluationError(f"cannot read {path}: {exc}") from exc
    if not lines:
        raise EvaluationError(f"{path} has no cluster line")
    return lines


def _numbered_lines(path: Path) -> Iterator[tuple[int, str]]:
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as handle:
        yield from enumerate(handle, 1)


def parse_cluster(line: str, origin: str) -> Cluster:
    """The cluster on one JSON line.

    Raises
    ------
    IngestError
        When the line is not JSON, has no readable document, or has no human summary.
    """
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise IngestError(origin, f"not JSON ({exc.msg} at column {exc.colno})") from exc
    articles = articles_from_record(record, origin)
    summaries = record.get("summaries")
    if not isinstance(summaries, list) or not any(isinstance(s, str) and s.strip()
                                                  for s in summaries):
        raise IngestError(origin, 'needs a non-empty "summaries" list of strings to score against')
    reference_lines = tuple(
        tuple(text[start:end] for start, end in split_sentences(text))
        for text in summaries if isinstance(text, str) and text.strip()
    )
    story = Story(articles=tuple(articles), id=str(record.get("id") or origin))
    return Cluster(story, reference_lines, len(record["documents"]) - len(articles))


class _Timed(Summarizer):
    """Wraps a summarizer to time its ``select()`` alone, whatever runs around it."""

    name = "timed"

    def __init__(self, *, inner: Summarizer) -> None:
        self.inner = inner
        self.seconds_ = 0.0

    def select(self, story: Story, budget: Budget) -> list[Scored]:
        start = time.perf_counter()
        chosen = self.inner.select(story, budget)
        self.seconds_ = time.perf_counter() - start
        return chosen


def run_system(cluster: Cluster, name: str, peer: bool, budget: Budget,
               references: Sequence[Reference]) -> SystemRun:
    """One system's summary of ``cluster``, cut to ``budget`` and scored."""
    timed = _Timed(inner=create_system(name, peer=peer, references=references))
    ordered = summarize(cluster.story, budget, timed)
    lines = cut_to_budget([item.sentence.text for item in ordered], budget)
    return SystemRun(
        cluster=cluster.story.id, system=name, peer=peer, summary=tuple(lines),
        words=sum(len(line.split()) for line in lines), seconds=timed.seconds_,
        scores=score_summary(lines, references),
    )


def run_cluster(config: EvalConfig, origin: str, line: str) -> ClusterOutcome:
    """Every system of ``config`` on the cluster of one line; a bad line becomes a problem."""
    try:
        cluster = parse_cluster(line, origin)
    except IngestError as exc:
        return ClusterOutcome(cluster=origin, problem=str(exc))
    if config.max_articles is not None:
        cluster = cluster.first_articles(config.max_articles)
    references = cluster.references
    runs = tuple(run_system(cluster, name, peer, config.budget, references)
                 for name, peer in config.systems)
    return ClusterOutcome(cluster.story.id, runs, cluster.reference_lines,
                          cluster.skipped_documents)


def run_all(
    lines: Sequence[tuple[str, str]], config: EvalConfig, *, jobs: int = 1,
    on_done: Callable[[], None] | None = None,
) -> list[ClusterOutcome]:
    """Every cluster's outcome, in input order, on ``jobs`` processes.

    Parameters
    ----------
    lines:
        ``(origin, JSON line)`` pairs, as :func:`read_lines` gives them.
    config:
        The budget and the systems to run.
    jobs:
        Worker processes; 1 runs in this process. Clusters are handed out one at a time and
        the results gathered back in input order.
    on_done:
        Called each time a cluster is done (a progress bar's advance).

    Returns
    -------
    list[ClusterOutcome]
        One per line, skipped ones included with their ``problem``.

    Raises
    ------
    EvaluationError
        When ``jobs`` is below 1.
    """
    if jobs < 1:
        raise EvaluationError(f"--jobs must be at least 1, got {jobs}")
    outcomes: list[ClusterOutcome] = []
    for outcome in _outcomes(partial(run_cluster, config), lines, jobs):
        outcomes.append(outcome)
        if on_done is not None:
            on_done()
    return outcomes


def _outcomes(
    work: Callable[[str, str], ClusterOutcome], lines: Sequence[tuple[str, str]], jobs: int
) -> Iterator[ClusterOutcome]:
    origins, texts = [o for o, _ in lines], [t for _, t in lines]
    if jobs == 1:
        yield from map(work, origins, texts)
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        yield from pool.map(work, origins, texts)
