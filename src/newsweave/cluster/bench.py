"""The stream benchmark behind docs/bench/stream.md: ``python -m newsweave.cluster.bench``.

The stream is every document of the Multi-News validation split (each cluster one story)
and of the DUC 2006 and 2007 clusters (DUC documents dated from their ids, e.g.
APW19990707.0181), shuffled with a fixed seed. It is ingested into a fresh SQLite store
exactly as ``newsweave ingest`` does, and the stored stories are scored with BCubed against
the true clusters, over the articles stored (documents the reader rejects, such as empty
scrapes, and exact repeats are not in the store and so not scored).

The cost curve grows the stream with perturbed copies: copy k shifts the letters of every
content word by k places (so a copy is a new set of stories, lexically apart from the
original), moves dates on by k * ``COPY_DAYS``, and is shuffled and appended, like the next
period of a feed. The elapsed time at every 10,000 articles shows whether cost is linear.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import resource
import tempfile
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, suppress
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import numpy as np
import scipy.sparse as sp

from newsweave.cluster.bcubed import BCubed, bcubed
from newsweave.cluster.features import featurize_all, stored_features
from newsweave.cluster.ingest import Ingester
from newsweave.cluster.online import DEFAULT_WINDOW_ARTICLES, OnlineClusterer
from newsweave.cluster.recluster import recluster
from newsweave.cluster.scale import dask_client, prepared_chunks
from newsweave.cluster.sources import Prepared, iter_items, unsplit
from newsweave.errors import IngestError
from newsweave.ingest import articles_from_record
from newsweave.ingest.decode import DEFAULT_MAX_BYTES
from newsweave.store import open_store
from newsweave.text.stopwords import STOP_WORDS

DATA = Path(__file__).resolve().parents[3].parent / "shared" / "data"
SOURCES = ("multinews/val.jsonl.gz", "duc2006/duc2006.jsonl.gz",
           "duc2007/duc2007_main_23topics.jsonl.gz")
SEED = 2026
# DUC topics are themes followed over up to three years (1996-2000), not week-long events:
# the benchmark opens the date window that wide so dated articles may join them.
DUC_WINDOW_DAYS = 1_200
# How far each perturbed copy of the stream moves in time.
COPY_DAYS = 1_500
CURVE_STEP = 10_000
# Articles whose nearest neighbour is looked up for the similarity ceiling.
NN_SAMPLE = 2_000
# Documents timed stage by stage.
STAGE_SAMPLE = 5_000
_DUC_DATE = re.compile(r"^[A-Z]{3}(\d{4})(\d{2})(\d{2})")
_WORD = re.compile(r"[A-Za-z]+")


@dataclass(frozen=True, slots=True)
class Run:
    """One ingest of a stream: how many articles, how long (wall clock, and CPU seconds of
    the ingesting process and of any worker processes it started), and the checkpoints.

    The CPU figure is the honest one on a shared machine, whose other jobs stretch the wall
    clock two or three times.
    """

    articles: int
    seconds: float
    checkpoints: tuple[tuple[int, float, float], ...]
    cpu_seconds: float = 0.0

    @property
    def rate(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0

    @property
    def cpu_rate(self) -> float:
        return self.articles / self.cpu_seconds if self.cpu_seconds else 0.0


def stream_records(data: Path = DATA) -> list[tuple[dict[str, Any], str]]:
    """Every document as an article record with its true story, shuffled."""
    records: list[tuple[dict[str, Any], str]] = []
    for name in SOURCES:
        with gzip.open(data / name, "rt", encoding="utf-8") as handle:
            for line in handle:
                records.extend(_cluster_records(json.loads(line)))
    random.Random(SEED).shuffle(records)
    return records


def _cluster_records(cluster: dict[str, Any]) -> Iterator[tuple[dict[str, Any], str]]:
    doc_ids = cluster.get("doc_ids") or []
    for position, text in enumerate(cluster["documents"]):
        doc_id = doc_ids[position] if position < len(doc_ids) else f"{cluster['id']}/{position}"
        record: dict[str, Any] = {"id": doc_id, "text": text}
        found = _DUC_DATE.match(doc_id)
        if found:
            record["published"] = "-".join(found.groups())
        yield record, str(cluster["id"])


def perturbed(records: list[tuple[dict[str, Any], str]], copy: int
              ) -> list[tuple[dict[str, Any], str]]:
    """Copy ``copy`` of the stream: letters of content words shifted, dates moved, shuffled."""
    out = []
    for record, story in records:
        changed = {**record, "id": f"{record['id']}~{copy}",
                   "text": _WORD.sub(lambda m: _shift(m.group(), copy), record["text"])}
        if "published" in record:
            moved = date.fromisoformat(record["published"]) + timedelta(days=COPY_DAYS * copy)
            changed["published"] = moved.isoformat()
        out.append((changed, f"{story}~{copy}"))
    random.Random(SEED + copy).shuffle(out)
    return out


def _shift(word: str, by: int) -> str:
    if word.lower() in STOP_WORDS:
        return word
    return "".join(_shift_letter(c, by) for c in word)


def _shift_letter(letter: str, by: int) -> str:
    base = ord("a") if letter.islower() else ord("A")
    return chr(base + (ord(letter) - base + by) % 26)


def grown(records: list[tuple[dict[str, Any], str]], size: int
          ) -> list[tuple[dict[str, Any], str]]:
    """The stream followed by as many perturbed copies as it takes to reach ``size``."""
    out = list(records)
    copy = 1
    while len(out) < size:
        out.extend(perturbed(records, copy))
        copy += 1
    return out[:size]


def write_stream(records: Sequence[tuple[dict[str, Any], str]], path: Path) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for record, _ in records:
            handle.write(json.dumps(record) + "\n")


def run_ingest(stream: Path, db: Path, *, workers: int = 0,
               window_days: int = DUC_WINDOW_DAYS) -> Run:
    """Ingest ``stream`` into a new store at ``db``, timing it (wall and CPU)."""
    clusterer = OnlineClusterer(window_days=window_days)
    checkpoints: list[tuple[int, float, float]] = []
    cpu_start = _cpu_seconds()
    with ExitStack() as stack:
        client = stack.enter_context(dask_client(workers)) if workers else None
        with open_store(str(db)) as store:
            start = time.perf_counter()
            ingester = Ingester(store, clusterer, on_commit=lambda n: _checkpoint(
                n, start, cpu_start, checkpoints))
            chunks = prepared_chunks(iter_items([stream]), max_bytes=DEFAULT_MAX_BYTES,
                                     client=client)
            report = ingester.ingest(_prepared(chunks))
            seconds = time.perf_counter() - start
    # Dask's worker processes are children of this one, reaped when the cluster closes
    # above: only then does the CPU they used count in :func:`_cpu_seconds`.
    return Run(report.stored, seconds, tuple(checkpoints), _cpu_seconds() - cpu_start)


def _cpu_seconds() -> float:
    """CPU seconds (user and system) of this process and of its reaped children."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def _prepared(chunks: Iterator[Any]) -> Iterator[Prepared]:
    for chunk in chunks:
        yield from chunk.prepared


def _checkpoint(stored: int, start: float, cpu_start: float,
                checkpoints: list[tuple[int, float, float]]) -> None:
    if not checkpoints or stored // CURVE_STEP > checkpoints[-1][0] // CURVE_STEP:
        checkpoints.append((stored, time.perf_counter() - start, _cpu_seconds() - cpu_start))


def store_assignment(db: Path) -> dict[str, str]:
    with open_store(str(db)) as store:
        return {f.article_id: f.story_id for f in store.fingerprints()}


def score(predicted: dict[str, str], truth: dict[str, str]) -> BCubed:
    """BCubed over the stored articles."""
    return bcubed(predicted, {article: truth[article] for article in predicted})


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m newsweave.cluster.bench",
                                     description=__doc__.split("\n\n")[0] if __doc__ else "")
    parser.add_argument("--data", type=Path, default=DATA, help="the shared data folder")
    parser.add_argument("--limit", type=int, default=0, help="use the first N documents only")
    parser.add_argument("--workers", type=int, default=2, help="Dask workers (0: skip)")
    parser.add_argument("--curve", type=int, default=100_000,
                        help="grow the stream to N articles for the cost curve (0: skip)")
    args = parser.parse_args(argv)
    records = stream_records(args.data)
    records = records[:args.limit] if args.limit else records
    truth = {record["id"]: story for record, story in records}
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        write_stream(records, tmp / "stream.jsonl")
        single = run_ingest(tmp / "stream.jsonl", tmp / "one.db")
        _print_quality(single, tmp / "one.db", truth, len(records))
        runs = [("1 process", single)]
        if args.workers:
            runs.append((f"{args.workers} Dask workers (LocalCluster)", run_ingest(
                tmp / "stream.jsonl", tmp / "dask.db", workers=args.workers)))
        _print_throughput(runs)
        _print_stages(stage_seconds(records[:STAGE_SAMPLE], tmp / "stages.db"),
                      len(records[:STAGE_SAMPLE]))
        if args.curve:
            write_stream(grown(records, args.curve), tmp / "grown.jsonl")
            _print_curve(run_ingest(tmp / "grown.jsonl", tmp / "grown.db"))
    return 0


def _print_quality(run: Run, db: Path, truth: dict[str, str], documents: int) -> None:
    predicted = store_assignment(db)
    with open_store(str(db)) as store:
        rows = recluster(store, OnlineClusterer(window_days=DUC_WINDOW_DAYS))
    batch = score(store_assignment(db), truth)
    online = score(predicted, truth)
    print(f"stream: {documents} documents, {run.articles} stored, "
          f"{len(set(truth.values()))} true stories; recluster made {len(rows)} stories\n")
    print("| clustering | articles | BCubed P | BCubed R | BCubed F1 |\n|---|---|---|---|---|")
    for name, scores in (("online (ingest)", online), ("batch (recluster)", batch)):
        _print_scores(name, run.articles, scores)
    for part, prefix in (("Multi-News", "multinews"), ("DUC 2006+2007", "D0")):
        chosen = {a: s for a, s in predicted.items() if truth[a].startswith(prefix)}
        _print_scores(f"online, {part} articles only", len(chosen), score(chosen, truth))
    print()
    print("nearest-neighbour accuracy (ceiling of the similarity): "
          f"{nearest_neighbour_accuracy(db, truth):.3f}\n")


def nearest_neighbour_accuracy(db: Path, truth: dict[str, str],
                               sample: int = NN_SAMPLE) -> float:
    """How often an article's most similar other article (the clusterer's own TF-IDF
    vectors, IDF over the whole store) is of its true story, among articles whose story has
    more than one stored article: a ceiling for any method built on this similarity."""
    with open_store(str(db)) as store:
        features = [stored_features(item) for item in store.articles()]
    clusterer = OnlineClusterer()
    clusterer.warm(features)
    vocabulary: dict[str, int] = {}
    rows, cols, values = [], [], []
    for row, item in enumerate(features):
        for term, weight in clusterer.vector(item).items():
            rows.append(row)
            cols.append(vocabulary.setdefault(term, len(vocabulary)))
            values.append(weight)
    matrix = sp.csr_matrix((values, (rows, cols)), shape=(len(features), len(vocabulary)))
    stories = np.array([truth[item.article_id] for item in features])
    sizes = Counter(stories.tolist())
    mated = [i for i, story in enumerate(stories) if sizes[story] > 1]
    chosen = np.random.default_rng(SEED).choice(mated, min(sample, len(mated)), replace=False)
    similarity = (matrix[chosen] @ matrix.T).toarray()
    similarity[np.arange(len(chosen)), chosen] = -1.0
    return float((stories[similarity.argmax(axis=1)] == stories[chosen]).mean())


def _print_scores(name: str, articles: int, scores: BCubed) -> None:
    print(f"| {name} | {articles} | {scores.precision:.3f} | {scores.recall:.3f} | "
          f"{scores.f1:.3f} |")


def stage_seconds(records: Sequence[tuple[dict[str, Any], str]], db: Path) -> dict[str, float]:
    """CPU seconds each ingest stage takes on ``records``, run one stage after the other."""
    start = time.process_time()
    articles = []
    for number, (record, _) in enumerate(records):
        with suppress(IngestError):
            articles.extend(articles_from_record(record, f"stream:{number}", split=False))
    read = time.process_time()
    prepared = [Prepared(unsplit(a), f)
                for a, f in zip(articles, featurize_all(articles), strict=True)]
    featurized = time.process_time()
    with open_store(str(db)) as store:
        Ingester(store, OnlineClusterer(window_days=DUC_WINDOW_DAYS)).ingest(prepared)
    done = time.process_time()
    return {"read, clean (newsweave.ingest)": read - start,
            "features (hash, MinHash, stems, names)": featurized - read,
            "dedup + clustering + SQLite commits": done - featurized}


def _print_stages(seconds: dict[str, float], articles: int) -> None:
    total = sum(seconds.values())
    print(f"stages, first {articles} documents\n")
    print("| stage | CPU s | share | articles per CPU-second |\n|---|---|---|---|")
    for name, spent in seconds.items():
        print(f"| {name} | {spent:.1f} | {spent / total:.0%} | {articles / spent:.0f} |")
    print()


def _print_throughput(runs: list[tuple[str, Run]]) -> None:
    print("| ingest + clustering | articles | wall s | articles/s (wall) | CPU s | "
          "articles per CPU-second |\n|---|---|---|---|---|---|")
    for name, run in runs:
        print(f"| {name} | {run.articles} | {run.seconds:.1f} | {run.rate:.0f} | "
              f"{run.cpu_seconds:.1f} | {run.cpu_rate:.0f} |")
    print()


def _print_curve(run: Run) -> None:
    print(f"cost curve (window {DEFAULT_WINDOW_ARTICLES:,} articles)\n")
    print("| articles stored | wall s | articles/s so far (wall) | CPU s | "
          "articles per CPU-second so far |\n|---|---|---|---|---|")
    for stored, seconds, cpu in (*run.checkpoints, (run.articles, run.seconds, run.cpu_seconds)):
        print(f"| {stored} | {seconds:.1f} | {stored / seconds:.0f} | {cpu:.1f} | "
              f"{stored / cpu:.0f} |")


if __name__ == "__main__":
    raise SystemExit(main())
