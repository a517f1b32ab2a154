"""Story titles: the first real headline among a story's articles, on SQLite and PostgreSQL.

A reader gives an article a title only when its input has one (a JSONL "title", an HTML
page's title, a headline line atop a scraped page); a story whose first article has none is
titled after that article's first words only until an article with a headline joins it.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import Any

from newsweave.cluster.ingest import Ingester
from newsweave.cluster.sources import iter_items, prepare
from newsweave.store import Store, open_store

# The example's reports as a feed of scraped pages, in file order: Al Jazeera's page opens
# on story text (no headline), the BBC's on its headline, which cleaning keeps as the title.
AL_JAZEERA, BBC = "000_7afdc91638b36233", "001_0644b31f70d166b7"
BBC_HEADLINE = "Kyrgyz ex-leader Kurmanbek Bakiyev flies to Kazakhstan"


def _stream(example_dir: Path, path: Path, names: list[str] | None = None) -> Path:
    """The example's raw pages as JSONL records (id and text, no "title" field) at ``path``."""
    pages = sorted(example_dir.glob("*.txt"))
    records = [{"id": page.stem, "text": page.read_text(encoding="utf-8")} for page in pages
               if names is None or page.stem in names]
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def _ingest(store: Store, path: Path) -> None:
    prepared = prepare(list(iter_items([path])), 10_000_000).prepared
    titles = {item.article.id: item.article.title for item in prepared}
    assert titles[AL_JAZEERA] is None and titles[BBC] == BBC_HEADLINE  # as the readers make them
    Ingester(store, batch_size=2).ingest(prepared)


def _first_words(store: Store, article_id: str) -> str:
    [article] = [a.article for a in store.articles() if a.article.id == article_id]
    return " ".join(article.text.split()[:12]) + " …"  # a headline's length of its opening


def test_story_takes_the_first_headline_when_its_first_article_has_none(
        store: Store, example_dir: Path, tmp_path: Path) -> None:
    _ingest(store, _stream(example_dir, tmp_path / "feed.jsonl"))
    [story] = store.stories()
    assert story.article_ids[0] == AL_JAZEERA  # the first article, untitled, keeps its id
    assert (story.title, story.headline) == (BBC_HEADLINE, True)
    assert store.story(story.id).title == BBC_HEADLINE  # what a brief of it is titled


def test_first_words_stand_in_until_a_headline_comes(store: Store, example_dir: Path,
                                                     tmp_path: Path) -> None:
    only_untitled = _stream(example_dir, tmp_path / "first.jsonl", [AL_JAZEERA])
    prepared = prepare(list(iter_items([only_untitled])), 10_000_000).prepared
    Ingester(store).ingest(prepared)
    [story] = store.stories()
    assert (story.title, story.headline) == (_first_words(store, AL_JAZEERA), False)
    _ingest(store, _stream(example_dir, tmp_path / "more.jsonl", [AL_JAZEERA, BBC]))
    [story] = store.stories()
    assert (story.size, story.title, story.headline) == (2, BBC_HEADLINE, True)


@contextmanager
def _raw(store_url: str) -> Iterator[tuple[Any, str]]:
    """A plain connection to the store's database and its placeholder, to age it."""
    if store_url.startswith("postgresql://"):
        import psycopg

        with psycopg.connect(store_url, autocommit=True) as connection:
            yield connection, "%s"
        return
    with closing(sqlite3.connect(store_url, isolation_level=None)) as connection:
        yield connection, "?"


def test_an_old_store_opens_lists_its_stories_and_gets_its_headline(
        store_url: str, example_dir: Path, tmp_path: Path) -> None:
    with open_store(store_url) as store:
        _ingest(store, _stream(example_dir, tmp_path / "feed.jsonl"))
        first_words = _first_words(store, AL_JAZEERA)
    with _raw(store_url) as (connection, mark):
        # As stores were written before: no headline column, titled by the first article.
        connection.execute("ALTER TABLE stories DROP COLUMN headline")
        connection.execute(f"UPDATE stories SET title = {mark}", (first_words,))
    with open_store(store_url) as store:
        [story] = store.stories()
        assert (story.size, story.title, story.headline) == (4, BBC_HEADLINE, True)
    with open_store(store_url) as store:  # opened again: nothing left to bring up to date
        assert [s.title for s in store.stories()] == [BBC_HEADLINE]
