"""The store contract, run against SQLite and (when a server is given) PostgreSQL."""

from __future__ import annotations

import json
import sqlite3
import zlib
from dataclasses import replace
from datetime import date
from pathlib import Path

import numpy as np
import pytest
from datasketch import MinHash  # type: ignore[import-untyped]

from newsweave.cluster.features import (
    MINHASH_SCHEME,
    MINHASH_SEED,
    NUM_PERM,
    SIGNATURE_SCHEME,
    content_tokens,
    featurize,
)
from newsweave.cluster.ingest import Ingester
from newsweave.cluster.sources import iter_items, prepare
from newsweave.models import Article, Story
from newsweave.store import Store, StoreError, open_store
from newsweave.store.base import encode_json


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


# The signature scheme of stores written before schemes were recorded: CRC-32 of each
# 3-word shingle's text, fed to datasketch's MinHash. Its first values for the example's BBC
# report, as those stores hold them, check that this test rebuilds it faithfully.
OLD_SCHEME = "crc32-shingles3-affine32-seed1-perm64"
BBC_OLD_SIGNATURE_START = [1254498, 129906, 18662980, 9773196, 14046398, 3356948]


def _old_signature(article: Article) -> bytes:
    tokens = content_tokens(article)
    minhash = MinHash(num_perm=NUM_PERM, seed=MINHASH_SEED, scheme=MINHASH_SCHEME,
                      hashfunc=zlib.crc32)
    runs = zip(tokens, tokens[1:], tokens[2:], strict=False)
    minhash.update_batch(" ".join(run).encode() for run in runs)
    return bytes(minhash.hashvalues.astype(np.uint32).tobytes())


def _make_old(store: Store, scheme: str) -> list[tuple[str, bytes]]:
    """Give the stored articles signatures of the old scheme, recorded as ``scheme``."""
    old = [(a.article.id, _old_signature(a.article)) for a in store.articles()]
    store.resign(old, scheme)
    return old


def test_a_new_store_records_its_signature_scheme(store: Store, example_dir: Path) -> None:
    assert store.signature_scheme() is None
    report = _ingest(store, [example_dir]).report
    assert store.signature_scheme() == SIGNATURE_SCHEME
    assert not any("re-signed" in w for w in report.warnings)


def test_old_signatures_are_recomputed_and_still_find_near_duplicates(
        store: Store, example_dir: Path, tmp_path: Path) -> None:
    _ingest(store, [example_dir])
    old = dict(_make_old(store, OLD_SCHEME))
    bbc = next(a.article for a in store.articles() if a.article.source == "BBC")
    assert list(np.frombuffer(old[bbc.id], np.uint32)[:6]) == BBC_OLD_SIGNATURE_START
    rerun = tmp_path / "rerun.txt"
    rerun.write_text(bbc.text + "\nUpdated.\n", encoding="utf-8")
    report = _ingest(store, [rerun]).report
    [notice] = [w for w in report.warnings if "re-signed" in w]
    assert "4 stored articles" in notice and OLD_SCHEME in notice and SIGNATURE_SCHEME in notice
    assert report.near_duplicates == 1
    assert store.signature_scheme() == SIGNATURE_SCHEME
    resigned = {f.article_id: f.signature for f in store.fingerprints()}
    assert resigned[bbc.id] == featurize(bbc).signature.tobytes() != old[bbc.id]
    assert not _ingest(store, [rerun]).report.warnings  # re-signed once, not at every ingest


def test_a_store_that_recorded_no_scheme_is_resigned(example_dir: Path,
                                                    tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with open_store(str(path)) as store:
        _ingest(store, [example_dir])
        _make_old(store, OLD_SCHEME)
    with sqlite3.connect(path) as connection:  # as written before schemes were recorded
        connection.execute("DELETE FROM meta")
    with open_store(str(path)) as store:
        assert store.signature_scheme() is None
        [notice] = _ingest(store, [example_dir]).report.warnings
        assert "a scheme it did not record" in notice
        signed = {f.article_id: f.signature for f in store.fingerprints()}
        assert signed == {a.article.id: featurize(a.article).signature.tobytes()
                          for a in store.articles()}


def test_json_encoding_takes_what_orjson_refuses() -> None:
    article = {"id": "a1", "text": "Bishkek \ud800 Osh", "names": ["bakev", "osh"]}
    assert json.loads(encode_json(article)) == article
    plain = {"terms": {"bishkek": 3, "osh": 1}, "names": ["osh"]}
    assert encode_json(plain) == json.dumps(plain, separators=(",", ":"))

