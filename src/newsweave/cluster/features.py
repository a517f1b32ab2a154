"""What clustering needs to know about an article, computed once at ingest.

An article is read, cleaned and split by :mod:`newsweave.ingest` exactly as ``brief`` does;
this module then reduces it to a :class:`Features` record: a content hash (exact
duplicates), a MinHash signature (near duplicates), term counts of content stems (TF-IDF
similarity), capitalised names (entity overlap) and the publication date (time window).
Features are plain data so a Dask worker can compute them and ship them to the process that
clusters; terms are stem strings, not Python ``hash()`` values, because string hashing is
salted per process and workers must agree with the driver (a shared vocabulary).
"""

from __future__ import annotations

import hashlib
import json
import re
import threading
import zlib
from collections import Counter
from dataclasses import dataclass
from datetime import date

import numpy as np
from datasketch import LeanMinHash, MinHash  # type: ignore[import-untyped]

from newsweave.models import Article
from newsweave.store.base import COMPACT_JSON, StoredArticle
from newsweave.text import content_stems, tokenize
from newsweave.text.stopwords import STOP_WORDS

# MinHash permutations: 64 estimate a Jaccard of 0.8 within about +-0.05, at a quarter of the
# cost of datasketch's default 128.
NUM_PERM = 64
# Words per shingle: 3-word shingles tell a re-run wire story from a different one on the
# same subject, which shares single words but rarely runs of three.
SHINGLE_WORDS = 3
# Fixed seed: signatures stored today must compare with signatures computed next year.
MINHASH_SEED = 1
# datasketch's 32-bit affine permutations: signatures fit in 4 bytes a value.
MINHASH_SCHEME = "affine32"
# A name is a capitalised word that does not open a sentence; at most this many are kept.
MAX_NAMES = 30
# Token-to-stem entries kept between articles before the cache starts afresh.
STEM_CACHE_SIZE = 200_000
_STEMS: dict[str, str] = {}
# The capital comes first and the look-behinds (word start, not after a sentence end, not at
# a line start) look back past it: a pattern that opens with a character class lets the
# regex engine skip to the next capital in C instead of trying every position.
_NAME = re.compile(r"[A-Z](?<![.!?\"“]\s[A-Z])(?<!^[A-Z])(?<!\w[A-Z])[a-z]+(?:[-'][A-Z]?[a-z]+)?\b",
                   re.MULTILINE)


@dataclass(frozen=True, slots=True)
class Features:
    """One article reduced to what deduplication and clustering compare."""

    article_id: str
    content_hash: str
    signature: np.ndarray
    terms: dict[str, int]
    names: frozenset[str]
    published: date | None


def content_hash(text: str) -> str:
    """SHA-256 of the text with whitespace collapsed: re-wrapped copies hash alike."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


_MINHASHES = threading.local()


def _reused_minhash() -> MinHash:
    """This thread's MinHash with the seeded permutations, drawn once and cleared for every
    article: drawing and checking permutations (which a new or copied MinHash does) costs
    more than hashing an article. One a thread, since a Dask worker may run several."""
    found: MinHash | None = getattr(_MINHASHES, "minhash", None)
    if found is None:
        found = _MINHASHES.minhash = MinHash(num_perm=NUM_PERM, seed=MINHASH_SEED,
                                             hashfunc=zlib.crc32, scheme=MINHASH_SCHEME)
    return found


def shingles(tokens: list[str]) -> list[bytes]:
    """The article's runs of ``SHINGLE_WORDS`` words (all of it when it is shorter)."""
    if len(tokens) < SHINGLE_WORDS:
        return [" ".join(tokens).encode("utf-8")]
    runs = zip(*(tokens[i:] for i in range(SHINGLE_WORDS)), strict=False)
    # map over C methods, not a comprehension: no Python frame a shingle.
    return list(map(str.encode, map(" ".join, runs)))


def signature(tokens: list[str]) -> np.ndarray:
    """The MinHash values of the article's word shingles (CRC-32 hashed: fast and stable)."""
    hasher = _reused_minhash()
    hasher.clear()
    hasher.update_batch(shingles(tokens))
    values: np.ndarray = hasher.hashvalues.astype(np.uint32)
    return values


def signature_from_bytes(data: bytes) -> LeanMinHash:
    """A stored signature back as a (lean: no permutations) MinHash, for the near-duplicate
    index, which needs only the values."""
    return LeanMinHash(seed=MINHASH_SEED, hashvalues=np.frombuffer(data, dtype=np.uint32),
                       scheme=MINHASH_SCHEME)


def _terms(tokens: list[str]) -> Counter[str]:
    """Counts of the content stems of ``tokens``, which hold no stop words (callers drop
    them, and so this pass need not test them again); one-letter tokens are dropped.

    Stems come from a plain dict filled with the tokens it lacks (``content_stems`` on them
    at once) and emptied when it outgrows ``STEM_CACHE_SIZE``: news vocabulary repeats, and
    folding runs three regular expressions a token.
    """
    kept = [t for t in tokens if len(t) > 1]
    if len(_STEMS) > STEM_CACHE_SIZE:
        _STEMS.clear()
    new = list(set(kept).difference(_STEMS))
    _STEMS.update(zip(new, content_stems(new), strict=True))
    return Counter(map(_STEMS.__getitem__, kept))


def names_in(text: str) -> frozenset[str]:
    """Capitalised words inside sentences, lower-cased: a cheap stand-in for named entities.

    Sentence-initial words are skipped (most are not names); so are stop words ("The").
    Names are stemmed and spelling-folded like terms, so "Bakiyev's" and "Bakiev" meet.
    """
    words = tokenize(" ".join(_NAME.findall(text)))
    found = _terms([word for word in words if word not in STOP_WORDS])
    return frozenset(name for name, _ in found.most_common(MAX_NAMES))


def featurize(article: Article) -> Features:
    """The features of one article, from its sentences' tokens when it has been split (the
    reader's work, reused) or else from its text.

    Parameters
    ----------
    article:
        A cleaned article.

    Returns
    -------
    Features
        Plain data, picklable, the same in every process.
    """
    words = ([t for s in article.sentences for t in s.tokens] if article.sentences
             else tokenize(article.text))
    tokens = [t for t in words if t not in STOP_WORDS]
    return Features(
        article_id=article.id,
        content_hash=content_hash(article.text),
        signature=signature(tokens),
        terms=dict(_terms(tokens)),
        names=names_in(article.text),
        published=article.published,
    )


def features_json(features: Features) -> str:
    """The term and name counts as JSON, for :attr:`StoredArticle.features`."""
    return COMPACT_JSON.encode({"terms": features.terms, "names": sorted(features.names)})


def stored_features(item: StoredArticle) -> Features:
    """The features of a stored article, from what the store kept: no text is read again."""
    counts = json.loads(item.features)
    return Features(
        article_id=item.article.id,
        content_hash=item.content_hash,
        signature=np.frombuffer(item.signature, dtype=np.uint32),
        terms=counts["terms"],
        names=frozenset(counts["names"]),
        published=item.article.published,
    )
