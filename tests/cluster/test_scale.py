"""Dask scale-out: the same stories and briefs on workers as in one process."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from newsweave.cluster.ingest import Ingester
from newsweave.cluster.online import OnlineClusterer
from newsweave.cluster.scale import brief_stories, prepared_chunks
from newsweave.cluster.sources import iter_items
from newsweave.store import open_store

distributed = pytest.importorskip("dask.distributed")


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                       dashboard_address=None)
    with distributed.Client(cluster) as connected:
        yield connected
    cluster.close()


def _ingest(stream: Path, db: Path, client: Any) -> dict[str, str]:
    with open_store(str(db)) as store:
        chunks = prepared_chunks(iter_items([stream]), max_bytes=10_000_000, client=client,
                                 chunk_size=4)
        Ingester(store, OnlineClusterer(threshold=0.1, window_days=1200)).ingest(
            p for chunk in chunks for p in chunk.prepared)
        return {f.article_id: f.story_id for f in store.fingerprints()}


def test_workers_make_the_same_stories(client: Any, duc_stream: tuple[Path, dict[str, str]],
                                       tmp_path: Path) -> None:
    stream, truth = duc_stream
    assert _ingest(stream, tmp_path / "dask.db", client) == _ingest(
        stream, tmp_path / "one.db", None)
    assert set(truth) == set(_ingest(stream, tmp_path / "again.db", client))


def test_workers_brief_stored_stories(client: Any, example_dir: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "news.db")
    with open_store(db) as store:
        Ingester(store).ingest(p for chunk in prepared_chunks(
            iter_items([example_dir]), max_bytes=10_000_000) for p in chunk.prepared)
    [(story_id, text)] = list(brief_stories(db, ["s1"], words=50, fmt="md", client=client))
    assert story_id == "s1"
    assert isinstance(text, str) and "BBC" in text
    [(_, error)] = list(brief_stories(db, ["s9"], words=50, fmt="md", client=client))
    assert "no story 's9'" in str(error)
