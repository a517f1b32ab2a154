"""Realistic small streams for the clustering tests: DUC 2006 topics from ../shared."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

# Three DUC 2006 topics of different subjects, six articles each: enough for stories to form.
TOPICS = 3
ARTICLES_PER_TOPIC = 6


@pytest.fixture(scope="session")
def duc_stream(shared_data: Path,
               tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """A JSONL stream interleaving three DUC topics, and each article's true topic."""
    records, truth = [], {}
    with gzip.open(shared_data / "duc2006" / "duc2006.jsonl.gz", "rt", encoding="utf-8") as f:
        for _, line in zip(range(TOPICS), f, strict=False):
            cluster = json.loads(line)
            for doc_id, text in list(zip(cluster["doc_ids"], cluster["documents"],
                                         strict=True))[:ARTICLES_PER_TOPIC]:
                records.append({"id": doc_id, "text": text,
                                "published": f"{doc_id[3:7]}-{doc_id[7:9]}-{doc_id[9:11]}"})
                truth[doc_id] = cluster["id"]
    interleaved = [records[i + j * ARTICLES_PER_TOPIC] for i in range(ARTICLES_PER_TOPIC)
                   for j in range(TOPICS)]
    path = tmp_path_factory.mktemp("duc") / "stream.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in interleaved), encoding="utf-8")
    return path, truth
