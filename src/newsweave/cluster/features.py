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
import zlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from itertools import chain, filterfalse

import numpy as np
from datasketch import MinHash  # type: ignore[import-untyped]

from newsweave.models import Article
from newsweave.store.base import StoredArticle, encode_json
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
# Odd multiplier of the polynomial that hashes a shingle from its words' CRC-32 values.
SHINGLE_MULTIPLIER = np.uint32(0x9E3779B1)
# The value of a signature that has seen nothing (datasketch's empty MinHash holds it too).
EMPTY_VALUE = np.uint32(0xFFFFFFFF)
# Articles whose signatures are computed in one block: their (permutations x shingles)
# table, 64 x some 100,000 values (25 MB) for long articles, stays well within memory.
SIGNATURE_BLOCK = 400
# Names how signatures are made; stores record it, since signatures of two schemes do not
# compare (a store made under another is re-signed when an ingest opens it). Change it
# whenever anything above that shapes a signature changes.
SIGNATURE_SCHEME = (f"crc32-words{SHINGLE_WORDS}-poly-fmix32-{MINHASH_SCHEME}"
                    f"-seed{MINHASH_SEED}-perm{NUM_PERM}")
# A name is a capitalised word that does not open a sentence; at most this many are kept.
MAX_NAMES = 30
# Token-to-stem entries kept between articles before the cache starts afresh.
STEM_CACHE_SIZE = 200_000
_STEMS: dict[str, str] = {}
# What a one-letter token stems to in that cache: no stem is a space.
_NO_TERM = " "
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


def signatures(token_lists: Sequence[list[str]]) -> np.ndarray:
    """The MinHash signatures of many articles' word shingles, one row each, in a few numpy
    passes over the whole batch instead of a MinHash (and a Python call a shingle) an article.

    A shingle's hash is a polynomial of its words' CRC-32 values (each word hashed once, in C,
    though it is in three shingles); an article shorter than ``SHINGLE_WORDS`` words has one
    shingle, its words followed by zeros, and an article with no words the empty signature
    (every value the largest). The values are those of datasketch's MinHash (scheme
    "affine32", seed ``MINHASH_SEED``) fed the shingle hashes: see :func:`shingle_hashes`.

    Parameters
    ----------
    token_lists:
        Each article's tokens, stop words dropped.

    Returns
    -------
    np.ndarray
        ``uint32``, ``len(token_lists)`` rows of ``NUM_PERM`` values.
    """
    if len(token_lists) > SIGNATURE_BLOCK:
        return np.concatenate([signatures(token_lists[start:start + SIGNATURE_BLOCK])
                               for start in range(0, len(token_lists), SIGNATURE_BLOCK)])
    lengths = np.fromiter(map(len, token_lists), dtype=np.intp, count=len(token_lists))
    words = np.fromiter(map(zlib.crc32, map(str.encode, chain.from_iterable(token_lists))),
                        dtype=np.uint32, count=int(lengths.sum()))
    hashes, counts = _batch_shingle_hashes(words, lengths)
    multipliers, offsets = _permutations()
    # (permutations x shingles), each a * fmix(h) + b wrapping mod 2^32: a bijection of h.
    # Permutations are rows so that an article's shingles are contiguous in each: the
    # minimum over a run of a row is ten times faster than over a run of rows.
    values = np.multiply.outer(multipliers, _fmix32(hashes))
    values += offsets[:, np.newaxis]
    out = np.full((len(token_lists), NUM_PERM), EMPTY_VALUE, dtype=np.uint32)
    has = counts > 0
    if has.any():
        firsts = (np.cumsum(counts) - counts)[has]
        out[has] = np.minimum.reduceat(values, firsts, axis=1).T
    return out


def _batch_shingle_hashes(words: np.ndarray, lengths: np.ndarray
                          ) -> tuple[np.ndarray, np.ndarray]:
    """The shingle hashes of articles whose word hashes are concatenated in ``words`` (with
    ``lengths`` words each), in article order, and how many shingles each article has."""
    position = np.arange(words.size) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    left = np.repeat(lengths, lengths) - position  # words from here to the article's end
    padded = np.concatenate([words, np.zeros(SHINGLE_WORDS - 1, dtype=np.uint32)])
    combined = np.zeros(words.size, dtype=np.uint32)
    for k in range(SHINGLE_WORDS):
        # Words past the article's end count as zero (the next article's are no part of it).
        combined *= SHINGLE_MULTIPLIER
        combined += np.where(left > k, padded[k:k + words.size], np.uint32(0))
    # A shingle starts wherever SHINGLE_WORDS words are left, and at the first word of an
    # article shorter than that.
    starts = (left >= SHINGLE_WORDS) | (position == 0)
    counts = np.where(lengths >= SHINGLE_WORDS, lengths - SHINGLE_WORDS + 1,
                      np.minimum(lengths, 1))
    return combined[starts], counts


def shingle_hashes(tokens: list[str]) -> list[int]:
    """The shingle hashes of one article, word by word in Python: the definition that
    :func:`signatures` computes in bulk (tests feed these to datasketch's MinHash)."""
    words = [zlib.crc32(token.encode("utf-8")) for token in tokens]
    if not words:
        return []
    padded = words + [0] * (SHINGLE_WORDS - 1)
    out = []
    for start in range(max(len(words) - SHINGLE_WORDS + 1, 1)):
        value = 0
        for word in padded[start:start + SHINGLE_WORDS]:
            value = (value * int(SHINGLE_MULTIPLIER) + word) % 2**32
        out.append(value)
    return out


def _fmix32(values: np.ndarray) -> np.ndarray:
    """MurmurHash3's 32-bit finalizer, the bijection datasketch's "affine32" scheme applies
    to every input hash before its permutations: it spreads the structured polynomial hashes
    over all 32 bits."""
    values = values ^ (values >> np.uint32(16))
    values *= np.uint32(0x85EBCA6B)
    values ^= values >> np.uint32(13)
    values *= np.uint32(0xC2B2AE35)
    values ^= values >> np.uint32(16)
    return values


@cache
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    """The ``NUM_PERM`` affine permutations (odd multipliers, offsets) datasketch draws from
    ``MINHASH_SEED`` for the "affine32" scheme: drawn by the library, applied here in bulk."""
    minhash = MinHash(num_perm=NUM_PERM, seed=MINHASH_SEED, scheme=MINHASH_SCHEME)
    multipliers, offsets = minhash.permutations
    return multipliers.astype(np.uint32), offsets.astype(np.uint32)


def signature(tokens: list[str]) -> np.ndarray:
    """The MinHash signature of one article's tokens (stop words dropped)."""
    row: np.ndarray = signatures([tokens])[0]
    return row


def _terms(tokens: list[str]) -> Counter[str]:
    """Counts of the content stems of ``tokens``, which hold no stop words (callers drop
    them, and so this pass need not test them again); one-letter tokens are dropped.

    Stems come from a plain dict filled with the tokens it lacks (``content_stems`` on them
    at once) and emptied when it outgrows ``STEM_CACHE_SIZE``: news vocabulary repeats, and
    folding runs three regular expressions a token. One-letter tokens map to ``_NO_TERM``,
    counted with the rest and then dropped: cheaper than a pass that filters them out.
    """
    if len(_STEMS) > STEM_CACHE_SIZE:
        _STEMS.clear()
    new = set(filterfalse(_STEMS.__contains__, tokens))
    if new:
        _STEMS.update(dict.fromkeys(new, _NO_TERM))
        longer = [token for token in new if len(token) > 1]
        _STEMS.update(zip(longer, content_stems(longer), strict=True))
    counts = Counter(map(_STEMS.__getitem__, tokens))
    counts.pop(_NO_TERM, None)
    return counts


def names_in(text: str) -> frozenset[str]:
    """Capitalised words inside sentences, lower-cased: a cheap stand-in for named entities.

    Sentence-initial words are skipped (most are not names); so are stop words ("The").
    Names are stemmed and spelling-folded like terms, so "Bakiyev's" and "Bakiev" meet.
    """
    words = tokenize(" ".join(_NAME.findall(text)))
    found = _terms(list(filterfalse(STOP_WORDS.__contains__, words)))
    return frozenset(name for name, _ in found.most_common(MAX_NAMES))


def featurize(article: Article) -> Features:
    """The features of one article (see :func:`featurize_all`).

    Parameters
    ----------
    article:
        A cleaned article.

    Returns
    -------
    Features
        Plain data, picklable, the same in every process.
    """
    return featurize_all([article])[0]


def featurize_all(articles: Sequence[Article]) -> list[Features]:
    """The features of many articles: signatures in bulk (see :func:`signatures`), the rest
    an article at a time, from its sentences' tokens when it has been split (the reader's
    work, reused) or else from its text.

    Parameters
    ----------
    articles:
        Cleaned articles.

    Returns
    -------
    list[Features]
        One for each article, in order: plain data, picklable, the same in every process.
    """
    token_lists = [content_tokens(article) for article in articles]
    return [Features(article_id=article.id, content_hash=content_hash(article.text),
                     signature=row, terms=dict(_terms(tokens)), names=names_in(article.text),
                     published=article.published)
            for article, tokens, row in zip(articles, token_lists, signatures(token_lists),
                                            strict=True)]


def content_tokens(article: Article) -> list[str]:
    """The article's tokens without stop words: what its shingles and terms are made of."""
    words = ([t for s in article.sentences for t in s.tokens] if article.sentences
             else tokenize(article.text))
    return list(filterfalse(STOP_WORDS.__contains__, words))  # no Python frame a token


def features_json(features: Features) -> str:
    """The term and name counts as JSON, for :attr:`StoredArticle.features`."""
    return encode_json({"terms": features.terms, "names": sorted(features.names)})


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
