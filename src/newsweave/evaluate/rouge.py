"""ROUGE-1, ROUGE-2 and ROUGE-Lsum against one or several human summaries, as ROUGE-1.5.5 does.

Tokens come from ``rouge-score``'s tokenizer with its Porter stemmer (lower-case, anything
but ``[a-z0-9]`` is a space, words over three letters stemmed), the same rules the official
Perl script applies. What ``rouge-score`` lacks is the official way of combining several
references (``ROUGE-1.5.5.pl -f A``): hits and counts are *summed* over the references before
dividing, so with references ``r1 … rk`` and a peer ``p``::

    recall    = Σ hits(ri, p) / Σ |ri|
    precision = Σ hits(ri, p) / (k · |p|)
    F1        = 2·P·R / (P + R)

(``rouge-score``'s own ``score_multi`` takes the best single reference instead.) N-gram hits
are clipped counts, ``Σ_g min(count_ri(g), count_p(g))``; bigrams run across sentence breaks
as in the Perl script. ROUGE-Lsum is the summary-level LCS of the ROUGE paper (section 3.2):
for each reference sentence the union of its LCS with every peer sentence, each hit clipped
by the unigram counts left in that reference/peer pair, built on ``rouge-score``'s ``lcs_ind``.
The one known difference from the Perl script is that it also looks irregular forms up in a
WordNet exception list before stemming ("ran" → "run"); the two agree within half a point.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from nltk.stem import porter  # type: ignore[import-untyped]  # the stemmer rouge-score uses
from rouge_score.rouge_scorer import lcs_ind
from rouge_score.tokenize import tokenize as rouge_tokenize

from newsweave.models import Budget
from newsweave.text import split_sentences

METRICS = ("rouge1", "rouge2", "rougeLsum")
"""The measures scored, in the order tables show them."""

_PORTER = porter.PorterStemmer()
Tokens = tuple[str, ...]


class _CachedStemmer:
    """Porter stems memoised: the same few thousand words recur in every summary."""

    @staticmethod
    @lru_cache(maxsize=500_000)
    def stem(word: str) -> str:
        return str(_PORTER.stem(word))


_STEMMER = _CachedStemmer()


def rouge_tokens(text: str) -> Tokens:
    """``rouge-score``'s tokens of ``text``, Porter-stemmed (``use_stemmer=True``)."""
    return tuple(rouge_tokenize(text, _STEMMER))


@dataclass(frozen=True, slots=True)
class RougeScore:
    """Precision, recall and F1 of one measure, each in [0, 1]."""

    precision: float
    recall: float
    f1: float

    @classmethod
    def from_counts(cls, hits: int, reference_total: int, peer_total: int) -> RougeScore:
        """The score of ``hits`` matches out of ``reference_total`` and ``peer_total`` units."""
        recall = hits / reference_total if reference_total else 0.0
        precision = hits / peer_total if peer_total else 0.0
        total = precision + recall
        return cls(precision, recall, 2 * precision * recall / total if total else 0.0)


@dataclass(frozen=True, slots=True)
class Reference:
    """One human summary, tokenized once: its sentences' tokens, unigram and bigram counts."""

    sentences: tuple[Tokens, ...]
    ngrams: tuple[Counter[Tokens], Counter[Tokens]]

    @classmethod
    def from_text(cls, text: str) -> Reference:
        """A reference from its text, split into sentences by newsweave's splitter."""
        return cls.from_sentences([text[a:b] for a, b in split_sentences(text)])

    @classmethod
    def from_sentences(cls, sentences: Sequence[str]) -> Reference:
        """A reference from sentences already split (one a line in ROUGE's SPL format)."""
        tokens = tuple(t for t in (rouge_tokens(s) for s in sentences) if t)
        flat = [token for sentence in tokens for token in sentence]
        return cls(tokens, (ngram_counts(flat, 1), ngram_counts(flat, 2)))


def ngram_counts(tokens: Sequence[str], n: int) -> Counter[Tokens]:
    """How often each n-gram of ``tokens`` occurs."""
    return Counter(tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1))


def clipped_hits(reference: Counter[Tokens], peer: Counter[Tokens]) -> int:
    """Matches of ``peer`` in ``reference``, each n-gram counted at most as often as in both."""
    return sum(min(count, peer[gram]) for gram, count in reference.items())


def summary_lcs_hits(reference: Sequence[Tokens], peer: Sequence[Tokens]) -> int:
    """Summary-level LCS hits of ``peer`` against ``reference`` (ROUGE-1.5.5's ROUGE-L on
    sentence-per-line input), each token clipped by the unigram counts left in the pair."""
    ref_left = Counter(t for sentence in reference for t in sentence)
    peer_left = Counter(t for sentence in peer for t in sentence)
    hits = 0
    for sentence in reference:
        union = sorted(set().union(*(_lcs_positions(sentence, p) for p in peer)))
        for index in union:
            token = sentence[index]
            if ref_left[token] > 0 and peer_left[token] > 0:
                hits += 1
                ref_left[token] -= 1
                peer_left[token] -= 1
    return hits


def _lcs_positions(reference: Tokens, peer: Tokens) -> set[int]:
    """Positions in ``reference`` of one longest common subsequence with ``peer``.

    Tokens the other side lacks can never be in a common subsequence, so they are dropped
    before ``lcs_ind``'s quadratic table is built: most sentence pairs share a handful of
    tokens, and this makes the table that small (DUC scoring ran ten times faster).
    """
    shared = set(reference).intersection(peer)
    if not shared:
        return set()
    positions = [i for i, token in enumerate(reference) if token in shared]
    kept = [reference[i] for i in positions]
    return {positions[i] for i in lcs_ind(kept, [t for t in peer if t in shared])}


def score_summary(
    summary: Sequence[str], references: Sequence[Reference]
) -> dict[str, RougeScore]:
    """ROUGE-1, -2 and -Lsum of a summary against references, combined as ``-f A`` does.

    Parameters
    ----------
    summary:
        The summary's sentences, one a string (ROUGE's sentence-per-line input).
    references:
        The human summaries, at least one.

    Returns
    -------
    dict[str, RougeScore]
        One score per name in :data:`METRICS`.

    Raises
    ------
    ValueError
        When no reference is given: there is nothing to score against.
    """
    if not references:
        raise ValueError("score_summary needs at least one reference summary")
    peer = Reference.from_sentences(summary)
    scores = {}
    for order, name in enumerate(METRICS[:2]):
        hits = sum(clipped_hits(ref.ngrams[order], peer.ngrams[order]) for ref in references)
        ref_total = sum(ref.ngrams[order].total() for ref in references)
        scores[name] = RougeScore.from_counts(
            hits, ref_total, len(references) * peer.ngrams[order].total()
        )
    lcs_hits = sum(summary_lcs_hits(ref.sentences, peer.sentences) for ref in references)
    ref_tokens = sum(ref.ngrams[0].total() for ref in references)
    scores["rougeLsum"] = RougeScore.from_counts(
        lcs_hits, ref_tokens, len(references) * peer.ngrams[0].total()
    )
    return scores


def cut_to_budget(sentences: Sequence[str], budget: Budget) -> list[str]:
    """The summary cut to exactly ``budget`` when it is over, sentence lines kept.

    This is the ROUGE convention (``ROUGE-1.5.5.pl -l N`` / ``-b N``): the first N
    whitespace-separated words, or the first N UTF-8 bytes (never half a character; the
    line breaks between sentences count as one byte each), or the first N sentences. A
    summary within budget is returned unchanged, so every system is scored on at most the
    same length.
    """
    if budget.unit == "sentences":
        return list(sentences[:budget.limit])
    kept: list[str] = []
    left = budget.limit
    for sentence in sentences:
        cost = budget.cost(sentence) + (1 if budget.unit == "bytes" and kept else 0)
        if cost <= left:
            kept.append(sentence)
            left -= cost
            continue
        partial = _cut_words(sentence, left) if budget.unit == "words" else _cut_bytes(
            sentence, left - (1 if kept else 0))
        if partial:
            kept.append(partial)
        break
    return kept


def _cut_words(sentence: str, words: int) -> str:
    return " ".join(sentence.split()[:words])


def _cut_bytes(sentence: str, size: int) -> str:
    return sentence.encode("utf-8")[:max(size, 0)].decode("utf-8", errors="ignore").rstrip()
