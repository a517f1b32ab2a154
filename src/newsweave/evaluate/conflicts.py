"""Score found conflicts against hand-annotated ones: the work of ``eval-conflicts``.

No public benchmark marks where news reports of one event disagree, so the gold standard is
hand-made: one JSON file per cluster (``tests/data/conflicts/*.json``)::

    {"cluster": "D0640D", "dataset": "duc2006",      # or "example": "kyrgyzstan-2010"
     "split": "dev",                                  # or "test": annotated after tuning
     "documents": ["APW20000814.0117", ...],          # the articles read, a subset of the cluster
     "conflicts": [{"kind": "number", "topic": "crew aboard",
                    "sentences": [{"doc": "APW20000814.0117", "span": "116 men aboard"}, ...]}]}

An ECB+ sub-topic is named ``{"dataset": "ecbplus", "cluster": "3_ecbplus", "documents":
["3_1ecbplus", ...]}``: topic 3, its ``ecbplus`` half (reports of one event; the ``ecb`` half
reports a similar, different one). ECB+ text was rebuilt from PTB tokens, one sentence a line,
so it reads "7: 15 a. m." and "U. S."; the first line of an ``ecbplus`` document is its URL,
which names the outlet and is not prose. The documents carry no date.

A sentence is located by its document and a short span of its text (never a whole article:
benchmark text stays out of the repository). A found conflict *matches* a gold conflict when it
links sentences of two different documents that are both in that gold conflict. Precision is
the share of found conflicts that match some gold conflict; recall the share of gold conflicts
matched by some found conflict.
"""

from __future__ import annotations

import gc
import gzip
import json
import re
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsweave.analyze import (
    DEFAULT_NER,
    analyze,
    build_timeline,
    clear_caches,
    find_entities,
    find_quotes,
)
from newsweave.analyze.claims import find_claims
from newsweave.errors import IngestError, NewsweaveError
from newsweave.ingest import articles_from_record, read_story
from newsweave.models import Claim, SentenceRef, Story
from newsweave.text.tokens import stem

DATASET_FILES = {
    "duc2006": "duc2006/duc2006.jsonl.gz",
    "duc2007": "duc2007/duc2007_main_23topics.jsonl.gz",
}
"""Benchmark files a gold cluster may come from, below the shared data folder."""

ECBPLUS_FILES = ("ecbplus/entities_train.jsonl.gz", "ecbplus/entities_dev.jsonl.gz")
"""The ECB+ topics, below the shared data folder (the test topics 36-45 are not among them)."""

ECBPLUS_TEST_TOPICS = range(36, 46)
"""ECB+ test topics: never read for annotation, tuning or scoring here."""

CORPORA = {"ecbplus": "ECB+"}
"""Where a gold cluster's reports come from, for totals apart: ECB+, or else DUC (with the
bundled example, annotated alike)."""

SPLITS = ("dev", "test")
"""Gold clusters the analysis was tuned on ("dev"), and those annotated afterwards ("test")."""

_AGENCIES = {"APW": "AP", "NYT": "New York Times", "XIE": "Xinhua"}
_DOC_DATE = re.compile(r"^[A-Z]{3}(\d{4})(\d{2})(\d{2})")
_ECBPLUS_CLUSTER = re.compile(r"^(\d+)_(ecb|ecbplus)$")
# The first line of an ECB+ report as tokenised: "http: / / www. nytimes. com / 2013 / ...".
_URL_LINE = re.compile(r"^https?: / / (?:www\. )?([^/]+?) /")


class GoldError(NewsweaveError):
    """A gold file is malformed or points at a sentence that is not there."""


@dataclass(frozen=True, slots=True)
class GoldCluster:
    """One annotated cluster: the story read and its conflicts as sets of sentences."""

    name: str
    story: Story
    conflicts: tuple[frozenset[SentenceRef], ...]
    topics: tuple[str, ...]
    split: str = "dev"
    corpus: str = "DUC"


@dataclass(frozen=True, slots=True)
class Score:
    """Counts for one cluster (or summed over many) and the measures they give."""

    gold: int
    found: int
    found_matching: int
    gold_matched: int

    @property
    def precision(self) -> float:
        return self.found_matching / self.found if self.found else 0.0

    @property
    def recall(self) -> float:
        return self.gold_matched / self.gold if self.gold else 0.0

    def __add__(self, other: Score) -> Score:
        return Score(self.gold + other.gold, self.found + other.found,
                     self.found_matching + other.found_matching,
                     self.gold_matched + other.gold_matched)


def matches(found: Iterable[SentenceRef], gold: frozenset[SentenceRef]) -> bool:
    """Whether a found conflict links two sentences of ``gold`` from different documents."""
    inside = {ref.article_id for ref in found if ref in gold}
    return len(inside) >= 2


def score(found: list[frozenset[SentenceRef]], gold: tuple[frozenset[SentenceRef], ...]) -> Score:
    """Precision and recall counts of found conflicts against gold ones.

    Parameters
    ----------
    found:
        Each found conflict as the set of sentences it links.
    gold:
        Each gold conflict as the set of sentences a reader flagged for it.

    Returns
    -------
    Score
    """
    return Score(
        gold=len(gold),
        found=len(found),
        found_matching=sum(any(matches(f, g) for g in gold) for f in found),
        gold_matched=sum(any(matches(f, g) for f in found) for g in gold),
    )


def conflict_refs(claims: Iterable[Claim]) -> list[frozenset[SentenceRef]]:
    """The sentences each conflict claim links."""
    return [frozenset(s.ref for s in c.statements) for c in claims if c.kind == "conflict"]


def load_gold(path: Path, data_dir: Path, example_dir: Path) -> GoldCluster:
    """One gold file with its story read from the benchmark data or the bundled example.

    Raises
    ------
    GoldError
        When the file is not valid, or a span is not found in its document.
    NewsweaveError
        When the benchmark data cannot be read.
    """
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise GoldError(f"cannot read gold file {path}: {exc}") from exc
    if "example" in record:
        story = read_story([example_dir / record["example"]])[0]
    else:
        story = benchmark_story(data_dir, record["dataset"], record["cluster"],
                                record["documents"])
    conflicts = tuple(
        frozenset(_locate(story, s["doc"], s["span"], path) for s in conflict["sentences"])
        for conflict in record["conflicts"]
    )
    split = record.get("split", "dev")
    if split not in SPLITS:
        raise GoldError(f"{path.name}: split {split!r} is not one of {', '.join(SPLITS)}")
    return GoldCluster(name=path.stem, story=story, conflicts=conflicts,
                       topics=tuple(c["topic"] for c in record["conflicts"]), split=split,
                       corpus=CORPORA.get(record.get("dataset", ""), "DUC"))


def benchmark_story(data_dir: Path, dataset: str, cluster: str, documents: list[str]) -> Story:
    """The named documents of one DUC cluster or ECB+ sub-topic, as a story of cleaned, split
    articles.

    Raises
    ------
    GoldError
        When the dataset, the cluster or a document is not there; names the valid datasets.
        A document with no prose left after cleaning is left out of the story.
    """
    if dataset == "ecbplus":
        texts = _ecbplus_texts(data_dir, cluster)
        to_record = _ecbplus_document
    elif dataset in DATASET_FILES:
        record = _cluster_record(data_dir / DATASET_FILES[dataset], "id", cluster)
        texts = dict(zip(record["doc_ids"], record["documents"], strict=True))
        to_record = _document
    else:
        raise GoldError(f"unknown dataset {dataset!r}; valid: "
                        f"{', '.join([*DATASET_FILES, 'ecbplus'])}")
    missing = [d for d in documents if d not in texts]
    if missing:
        raise GoldError(f"{cluster} has no document {', '.join(missing)}")
    return _story(cluster, {doc: texts[doc] for doc in documents}, to_record)


def _story(cluster: str, texts: dict[str, str],
           to_record: Callable[[str, str], dict[str, str]]) -> Story:
    """The documents as a story of cleaned, split articles, in order."""
    articles = []
    for doc, text in texts.items():
        try:
            articles.extend(articles_from_record(to_record(doc, text), f"{cluster}/{doc}"))
        except IngestError:
            continue  # a table or list with no prose; a gold span in it fails in _locate
    return Story(articles=tuple(articles), id=cluster)


def _ecbplus_texts(data_dir: Path, cluster: str) -> dict[str, str]:
    """The documents of one ECB+ sub-topic ("3_ecbplus": topic 3, its ecbplus half)."""
    named = _ECBPLUS_CLUSTER.match(cluster)
    if not named:
        raise GoldError(f"ECB+ cluster {cluster!r} is not a sub-topic such as 3_ecb or 3_ecbplus")
    topic, half = named.groups()
    if int(topic) in ECBPLUS_TEST_TOPICS:
        raise GoldError(f"ECB+ cluster {cluster!r}: topic {topic} is a test topic (36-45), "
                        "never used here")
    documents: dict[str, str] = {}
    for name in ECBPLUS_FILES:
        path = data_dir / name
        if path.exists():
            documents = _cluster_record(path, "topic", topic, missing_ok=True).get(
                "documents", {})
        if documents:
            break
    own = re.compile(rf"^{topic}_\d+{half}$")
    texts = {doc: text for doc, text in documents.items() if own.match(doc)}
    if not texts:
        raise GoldError(f"no ECB+ topic {topic!r} in {data_dir}: "
                        f"{', '.join(ECBPLUS_FILES)}")
    return texts


def _cluster_record(path: Path, field: str, value: str, missing_ok: bool = False
                    ) -> dict[str, Any]:
    try:
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            for line in handle:
                record: dict[str, Any] = json.loads(line)
                if str(record.get(field)) == value:
                    return record
    except (OSError, EOFError, json.JSONDecodeError) as exc:
        raise GoldError(f"cannot read {path}: {exc}") from exc
    if missing_ok:
        return {}
    raise GoldError(f"{path} has no cluster {value!r}")


def _ecbplus_document(doc_id: str, text: str) -> dict[str, str]:
    """An ECB+ document as an article record: its URL line, when it has one, names the outlet
    (the domain) and is dropped; an ``ecb`` document has none and is named by its id."""
    first, _, rest = text.partition("\n")
    url = _URL_LINE.match(first)
    if not url:
        return {"id": doc_id, "text": text}
    return {"id": doc_id, "text": rest, "source": url.group(1).replace(" ", "")}


# A line break inside a DUC paragraph: paragraphs start with a tab, wrapped lines do not.
_WRAPPED_LINE = re.compile(r"\n(?![\t\n])")


def _document(doc_id: str, text: str) -> dict[str, str]:
    """A DUC document as an article record: agency from the id's prefix, date from its digits.

    AP text is hard-wrapped at 70 columns; its lines are joined back into paragraphs so that
    cleaning does not take each wrapped line for a paragraph (or a headline).
    """
    record = {"id": doc_id, "text": _WRAPPED_LINE.sub(" ", text),
              "source": _AGENCIES.get(doc_id[:3], doc_id[:3])}
    date = _DOC_DATE.match(doc_id)
    if date:
        record["published"] = "-".join(date.groups())
    return record


def _normalise(text: str) -> str:
    return " ".join(text.replace("``", '"').replace("''", '"').split()).lower()


def _locate(story: Story, doc: str, span: str, path: Path) -> SentenceRef:
    try:
        article = story.article(doc)
    except KeyError:
        raise GoldError(f"{path.name}: document {doc!r} is not in the story") from None
    wanted = _normalise(span)
    for sentence in article.sentences:
        if wanted in _normalise(sentence.text):
            return sentence.ref
    raise GoldError(f"{path.name}: no sentence of {doc} contains {span!r}")


@dataclass(frozen=True, slots=True)
class ClusterResult:
    """One gold cluster's score and how long the claims analysis took."""

    name: str
    articles: int
    score: Score
    seconds: float
    split: str = "dev"
    corpus: str = "DUC"


def evaluate(golds: Iterable[GoldCluster]) -> list[ClusterResult]:
    """Run :func:`find_claims` on each gold cluster and score its conflicts."""
    results = []
    for gold in golds:
        started = time.perf_counter()
        claims = find_claims(gold.story)
        seconds = time.perf_counter() - started
        results.append(ClusterResult(gold.name, len(gold.story.articles),
                                     score(conflict_refs(claims), gold.conflicts), seconds,
                                     gold.split, gold.corpus))
    return results


SPEED_DATASET = "duc2006"
"""The clusters timed for the speed figure: DUC 2006, 50 clusters of 25 articles."""

SECTIONS: dict[str, Callable[[Story], object]] = {
    "entities": lambda story: find_entities(story, ner=DEFAULT_NER),
    "timeline": build_timeline,
    "claims": find_claims,
    "quotes": find_quotes,
}
"""The sections :func:`newsweave.analyze.analyze` runs, in its order, each timed on its own."""

_PER_TEXT_CACHES: tuple[Callable[[], None], ...] = (clear_caches, stem.cache_clear)
"""What the analysis (and the word stems it shares with the summarizers) caches per sentence,
word or name and keeps from one story to the next in one process: cleared before each timed
run so that it pays what a first brief pays."""


@dataclass(frozen=True, slots=True)
class AnalysisTiming:
    """CPU seconds of one cluster's whole analysis and of each section on its own."""

    cluster: str
    articles: int
    analysis: float
    sections: dict[str, float]


def time_analysis(data_dir: Path, clusters: int | None = None) -> list[AnalysisTiming]:
    """CPU seconds of :func:`newsweave.analyze.analyze` on each DUC 2006 cluster, cold.

    Each cluster is read once. Its whole analysis is timed with the per-text caches empty
    (:data:`_PER_TEXT_CACHES`), then, emptied again, each section in the order ``analyze``
    runs them. The first cluster is analysed once untimed before: imports, compiled patterns
    and the date parser's data load once a process, like a model.

    Parameters
    ----------
    data_dir:
        The shared benchmark data folder.
    clusters:
        How many clusters, from the first; all 50 when None.

    Returns
    -------
    list of AnalysisTiming
        In the file's order.

    Raises
    ------
    GoldError
        When the DUC 2006 file cannot be read.
    """
    timings: list[AnalysisTiming] = []
    for story in _duc_stories(data_dir / DATASET_FILES[SPEED_DATASET], clusters):
        if not timings:
            analyze(story)
        timings.append(AnalysisTiming(story.id or "", len(story.articles),
                                      _cold_seconds(analyze, story),
                                      {name: _cold_seconds(section, story)
                                       for name, section in SECTIONS.items()}))
    return timings


def _cold_seconds(run: Callable[[Story], object], story: Story) -> float:
    for clear in _PER_TEXT_CACHES:
        clear()
    gc.collect()  # the garbage of the run before is not this run's to collect
    started = time.process_time()
    run(story)
    return time.process_time() - started


def _duc_stories(path: Path, limit: int | None) -> Iterator[Story]:
    """The first ``limit`` clusters of a DUC file as whole stories, the file read once."""
    try:
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            for count, line in enumerate(handle):
                if limit is not None and count >= limit:
                    return
                record = json.loads(line)
                yield _story(record["id"], dict(zip(record["doc_ids"], record["documents"],
                                                    strict=True)), _document)
    except (OSError, EOFError, json.JSONDecodeError) as exc:
        raise GoldError(f"cannot read {path}: {exc}") from exc
