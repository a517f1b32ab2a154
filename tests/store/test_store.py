"""The store contract, run against SQLite and (when a server is given) PostgreSQL."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from newsweave.cluster.ingest import Ingester
from newsweave.cluster.sources import iter_items, prepare
from newsweave.models import Story
from newsweave.store import Store, StoreError, open_store


def _ingest(store: Store, paths: list[str | Path]) -> Ingester:
    ingester = Ingester(store, batch_size=2)
    ingester.ingest(prepare(list(iter_items(paths)), 10_000_000).prepared)
    return ingester


def test_example_is_one_story_with_every_outlet(store: Store, example_dir: Path) -> None:
    report = _ingest(store, [example_dir]).report
    assert (report.stored, report.new_stories) == (4, 1)
    [story] = store.stories()
    assert story.size == 4
    assert set(story.outlets) == {"Al Jazeera", "BBC", "CNN", "RFE/RL"}
    assert story.article_ids == tuple(sorted(story.article_ids))  # ingest order: by file name
    assert story.first_published == story.last_published == date(2010, 4, 15)


def test_ingest_twice_stores_once(store: Store, example_dir: Path) -> None:
    _ingest(store, [example_dir])
    again = _ingest(store, [example_dir]).report
    assert (again.stored, again.exact_duplicates) == (0, 4)
    assert sum(1 for _ in store.fingerprints()) == 4
    assert store.stories()[0].size == 4


def test_near_duplicate_is_stored_and_marked(store: Store, example_dir: Path,
                                             tmp_path: Path) -> None:
    _ingest(store, [example_dir])
    original = store.story_articles(store.stories()[0].id)[1]
    rerun = tmp_path / "rerun.txt"
    rerun.write_text(original.text.replace("Kazakhstan", "Kazakhstan,", 1) + "\nUpdated.\n",
                     encoding="utf-8")
    report = _ingest(store, [rerun]).report
    assert (report.stored, report.near_duplicates) == (1, 1)
    stored = {a.article.id: a for a in store.articles()}
    assert stored["rerun"].duplicate_of == original.id
    assert stored["rerun"].story_id == stored[original.id].story_id


def test_story_round_trips_to_a_briefable_story(store: Store, example_dir: Path,
                                                example_story: Story) -> None:
    _ingest(store, [example_dir])
    story = store.story(store.stories()[0].id)
    assert [a.text for a in story.articles] == [a.text for a in example_story.articles]
    assert [len(a.sentences) for a in story.articles] == [
        len(a.sentences) for a in example_story.articles]
    assert story.title


def test_unknown_story_names_the_id(store: Store) -> None:
    with pytest.raises(StoreError, match="'s99'"):
        store.story("s99")


def test_since_filters_by_date(store: Store, example_dir: Path) -> None:
    _ingest(store, [example_dir])
    assert len(store.stories(date(2010, 4, 15))) == 1
    assert store.stories(date(2010, 4, 16)) == []


def test_replace_stories_is_atomic(store: Store, example_dir: Path) -> None:
    _ingest(store, [example_dir])
    [story] = store.stories()
    ids = story.article_ids
    split = {ids[0]: "a", **{i: "b" for i in ids[1:]}}
    rows = [replace(story, id="a", size=1), replace(story, id="b", size=len(ids) - 1)]
    store.replace_stories(split, rows)
    assert {s.id: s.article_ids for s in store.stories()} == {"a": ids[:1], "b": ids[1:]}


def test_a_file_that_is_not_sqlite_is_refused(tmp_path: Path) -> None:
    bogus = tmp_path / "notes.db"
    bogus.write_text("this is not a database, just notes\n" * 200, encoding="utf-8")
    with pytest.raises(StoreError, match=r"notes\.db"):
        open_store(str(bogus))
