"""The near-duplicate index finds what datasketch's MinHashLSH finds, on real reports."""

from __future__ import annotations

import random

import numpy as np
from datasketch import LeanMinHash, MinHashLSH  # type: ignore[import-untyped]

from newsweave.cluster.features import (
    MINHASH_SCHEME,
    MINHASH_SEED,
    NUM_PERM,
    content_tokens,
    signatures,
)
from newsweave.cluster.ingest import NEAR_DUPLICATE_JACCARD
from newsweave.cluster.neardup import NearDuplicateIndex
from newsweave.models import Story

# Rewrites of each report: from a word changed in a hundred to one in three, so their
# estimated Jaccard with the report runs from above the threshold to well below it.
EDIT_RATES = (0.0, 0.005, 0.01, 0.02, 0.04, 0.08, 0.15, 0.3)


def _rewrites(story: Story) -> list[list[str]]:
    """Each report's tokens, then copies with words replaced at every rate, shuffled."""
    rng = random.Random(4)
    originals = [content_tokens(article) for article in story.articles]
    copies = [[word if rng.random() >= rate else f"w{rng.randrange(10**6)}" for word in tokens]
              for tokens in originals for rate in EDIT_RATES]
    rng.shuffle(copies)
    return originals + copies


def _datasketch_earliest(rows: np.ndarray) -> list[str | None]:
    """The earliest earlier row each row shares a band with, through MinHashLSH."""
    lsh = MinHashLSH(threshold=NEAR_DUPLICATE_JACCARD, num_perm=NUM_PERM)
    found: list[str | None] = []
    for number, row in enumerate(rows):
        minhash = LeanMinHash(seed=MINHASH_SEED, hashvalues=row, scheme=MINHASH_SCHEME)
        hits = lsh.query(minhash)
        found.append(min(hits, key=lambda key: int(key[1:])) if hits else None)
        lsh.insert(f"a{number}", minhash)
    return found


def test_index_finds_the_earliest_near_duplicate_datasketch_finds(
        example_story: Story) -> None:
    rows = signatures(_rewrites(example_story))
    index = NearDuplicateIndex(NEAR_DUPLICATE_JACCARD, NUM_PERM)
    # Stored bytes go in, as an ingest and a restarted one give them.
    ours = [index.add(f"a{number}", number, row.tobytes()) for number, row in enumerate(rows)]
    assert ours == _datasketch_earliest(rows)
    # Not vacuous: copies of reports are found, and the heavily rewritten ones are not.
    assert 10 < sum(found is not None for found in ours) < len(rows) - 10


def test_an_article_is_not_its_own_near_duplicate(example_story: Story) -> None:
    index = NearDuplicateIndex(NEAR_DUPLICATE_JACCARD, NUM_PERM)
    row = signatures([content_tokens(example_story.articles[0])])[0].tobytes()
    assert index.add("first", 1, row) is None
    assert index.add("again", 2, row) == "first"
    assert index.add("third", 3, row) == "first"
