"""Features and online clustering on real reports: the example story and DUC 2006 topics."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from newsweave.cluster.bcubed import bcubed
from newsweave.cluster.features import (
    content_hash,
    featurize,
    names_in,
    stored_features,
)
from newsweave.cluster.ingest import Ingester
from newsweave.cluster.online import OnlineClusterer
from newsweave.cluster.recluster import recluster
from newsweave.cluster.sources import iter_items, prepare
from newsweave.models import Story
from newsweave.store import open_store


def test_names_fold_spelling_variants(example_story: Story) -> None:
    bbc, cnn = example_story.articles[1], example_story.articles[2]
    assert "Bakiyev" in bbc.text and "Bakiev" in cnn.text
    assert "bakev" in names_in(bbc.text) & names_in(cnn.text)


def test_rewrapped_text_hashes_alike() -> None:
    assert content_hash("Bakiyev left.\nHe flew") == content_hash("Bakiyev  left. He flew\n")


def test_example_reports_form_one_story(example_story: Story) -> None:
    clusterer = OnlineClusterer()
    stories = {clusterer.add(featurize(a), seq) for seq, a in enumerate(example_story.articles)}
    assert stories == {"s0"}


def test_dated_article_outside_window_starts_a_story(example_story: Story) -> None:
    clusterer = OnlineClusterer(window_days=7)
    first, second = (featurize(a) for a in example_story.articles[1:3])
    assert first.published is not None
    later = replace(second, published=first.published.replace(year=2011))
    assert clusterer.add(first, 1) != clusterer.add(later, 2)


def test_stale_stories_close(example_story: Story) -> None:
    clusterer = OnlineClusterer(window_articles=2)
    features = [featurize(a) for a in example_story.articles]
    clusterer.add(features[0], 0)
    assert clusterer.add(features[1], 10) == "s10"  # s0 closed: 10 ingests since its last
    assert "s0" not in clusterer.open_
    assert all("s0" not in postings for postings in clusterer.index_.values())


def test_duc_topics_come_out_as_stories(duc_stream: tuple[Path, dict[str, str]],
                                        tmp_path: Path) -> None:
    """DUC topics are themes followed over years, not events: articles of one topic share
    less than reports of one event, hence the loose threshold and the three-year window."""
    path, truth = duc_stream
    options = {"threshold": 0.1, "window_days": 1200}
    with open_store(str(tmp_path / "duc.db")) as store:
        Ingester(store, OnlineClusterer(**options)).ingest(
            prepare(list(iter_items([path])), 10_000_000).prepared)
        online = {f.article_id: f.story_id for f in store.fingerprints()}
        recluster(store, OnlineClusterer(**options))
        batch = {f.article_id: f.story_id for f in store.fingerprints()}
    for predicted in (online, batch):
        scores = bcubed(predicted, truth)
        assert scores.precision >= 0.9, scores
        assert scores.recall >= 0.5, scores


def test_a_second_ingest_carries_on_the_open_story(example_dir: Path, tmp_path: Path) -> None:
    items = list(iter_items([example_dir]))
    with open_store(str(tmp_path / "news.db")) as store:
        Ingester(store).ingest(prepare(items[:2], 10_000_000).prepared)
        Ingester(store).ingest(prepare(items[2:], 10_000_000).prepared)
        [story] = store.stories()
    assert story.size == 4


def test_stored_features_are_the_computed_ones(example_dir: Path, tmp_path: Path) -> None:
    prepared = prepare(list(iter_items([example_dir])), 10_000_000).prepared
    with open_store(str(tmp_path / "news.db")) as store:
        Ingester(store).ingest(prepared)
        restored = [stored_features(item) for item in store.articles()]
    for original, again in zip((p.features for p in prepared), restored, strict=True):
        assert again.terms == original.terms
        assert again.names == original.names
        assert (again.signature == original.signature).all()
        assert (again.published, again.content_hash) == (original.published,
                                                         original.content_hash)
