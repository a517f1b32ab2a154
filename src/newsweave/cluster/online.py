"""Online story clustering: each new article joins the best open story or starts one.

A single pass in the manner of topic detection and tracking systems (Allan et al. 1998):

1. The article becomes a TF-IDF vector: sublinear counts of content stems (plus its names,
   boosted) times an IDF kept over the stream so far, cut to its heaviest terms, unit length.
2. Candidate stories are found through an inverted index from term to the open stories whose
   centroid carries that term, so an article is compared with a few dozen stories, not all.
3. A candidate is open when it was last fed within ``window_articles`` ingests and, when both
   sides have a publication date, within ``window_days`` of its date span.
4. The article joins the candidate of highest cosine with its centroid if that cosine reaches
   ``threshold``, else it starts a story of its own.

Stories that fall out of the window leave the index, so the work per article is bounded by
the window, not by the stream: the cost grows linearly with the stream.
"""

from __future__ import annotations

import math
from collections import Counter, OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from itertools import chain, compress, islice, repeat
from operator import eq, gt, itemgetter, mul

from newsweave.cluster.features import Features

# Cosine with a story centroid from which an article joins the story: tuned on the
# Multi-News validation stream (docs/bench/stream.md); same-story pairs there sit above 0.25.
DEFAULT_THRESHOLD = 0.25
# Stories stay open for this many ingested articles: a day of a large news feed.
DEFAULT_WINDOW_ARTICLES = 20_000
# ... and, between dated articles, for this many days either side of their date span.
DEFAULT_WINDOW_DAYS = 30
# Terms kept per article vector and per story centroid: the tail adds cost, not accuracy.
ARTICLE_TERMS = 40
CENTROID_TERMS = 100
# A centroid may grow this far past CENTROID_TERMS before it is cut back: cutting at every
# article would sort the centroid at every article of a large story.
CENTROID_SLACK = 50
# Terms of an article used to look up candidate stories, and candidates scored in full.
QUERY_TERMS = 15
MAX_CANDIDATES = 10
# A term in more open stories than this ("year", "people") finds no candidates: it would
# cost a pass over its postings and separates nothing.
MAX_POSTINGS = 50
# A capitalised name counts this much more than the same word in lower case.
NAME_BOOST = 1.5
NAME_PREFIX = "@"
# Logarithms of integers (term counts, document frequencies) kept before the cache of them
# starts afresh: some 10 MB.
LOG_CACHE_SIZE = 100_000
# IDF is computed as if the stream also held this many articles sharing no term: a handful
# of reports of one event (the whole store, early on) then keep their shared words instead
# of seeing them weighed down as if they were common English.
PRIOR_DOCUMENTS = 100


class _Logarithms(dict[int, float]):
    """``math.log`` of the integers asked for, kept: term counts and document frequencies
    repeat, and a dict look-up costs a third of what ``math.log`` of an int does. Emptied
    past ``LOG_CACHE_SIZE`` entries, since the frequencies of common words grow with the
    stream."""

    def __missing__(self, number: int) -> float:
        if len(self) >= LOG_CACHE_SIZE:
            self.clear()
        value = self[number] = math.log(number)
        return value


_LOGS = _Logarithms()


@dataclass
class _OpenStory:
    id: str
    centroid: dict[str, float]
    size: int = 0
    last_seq: int = 0
    first: date | None = None
    last: date | None = None
    norm: float = 0.0


@dataclass
class OnlineClusterer:
    """Assigns a stream of articles to stories; configure here, feed with :meth:`add`.

    Parameters
    ----------
    threshold:
        Least cosine with a story's centroid for an article to join it.
    window_articles:
        How many ingests a story stays open after its last article.
    window_days:
        How many days either side of a story's date span a dated article may join it.
    """

    threshold: float = DEFAULT_THRESHOLD
    window_articles: int = DEFAULT_WINDOW_ARTICLES
    window_days: int = DEFAULT_WINDOW_DAYS
    documents_: int = 0
    document_frequency_: Counter[str] = field(default_factory=Counter)
    open_: OrderedDict[str, _OpenStory] = field(default_factory=OrderedDict)
    index_: dict[str, set[str]] = field(default_factory=dict)
    idf_frozen_: bool = False

    def warm(self, features: list[Features]) -> None:
        """Fix the IDF to that of ``features`` (a whole archive), before replaying it."""
        for item in features:
            self._count_document(item.terms, self._names(item))
        self.idf_frozen_ = True

    def add(self, features: Features, seq: int, story_id: str | None = None) -> str:
        """The id of the story the article joins; a new story is named ``s<seq>``.

        Parameters
        ----------
        features:
            The article's features.
        seq:
            Its ingest sequence number, the clock of the article window.
        story_id:
            Forces the story (a near-duplicate's original's, or a replay's).

        Returns
        -------
        str
            The story id.
        """
        self._close_stale(seq)
        vector = self.vector(features)
        if story_id is None:
            story_id = self._best_story(vector, features.published) or f"s{seq}"
        self._join(story_id, vector, seq, features.published)
        return story_id

    @staticmethod
    def _names(features: Features) -> dict[str, int]:
        """Names under their own key, counted like the same stem: a capitalised word counts
        again, boosted."""
        return {NAME_PREFIX + name: features.terms.get(name, 1) for name in features.names}

    def _count_document(self, terms: dict[str, int], names: dict[str, int]) -> None:
        """Count one article's terms and names into the document frequencies."""
        self.documents_ += 1
        self.document_frequency_.update(terms.keys())
        self.document_frequency_.update(names.keys())

    def vector(self, features: Features) -> dict[str, float]:
        """The article's unit TF-IDF vector as stories see it, heaviest terms first; counts
        the article into the IDF unless :meth:`warm` has fixed it."""
        names = self._names(features)
        if not self.idf_frozen_:
            self._count_document(features.terms, names)
        # Terms, then names: the order ties between equal weights are kept in.
        weights = self._weights(features.terms, 1.0)
        weights.update(self._weights(names, NAME_BOOST))
        top = _heaviest(weights, ARTICLE_TERMS)
        norm = _norm(top.values())
        return {term: w / norm for term, w in top.items()}

    def _weights(self, terms: dict[str, int], boost: float) -> dict[str, float]:
        """Sublinear term frequency times smoothed IDF times ``boost`` (one pass, no call a
        term: this runs for every term of every article)."""
        logs, frequency = _LOGS, self.document_frequency_
        base = math.log(self.documents_ + PRIOR_DOCUMENTS + 1) + 1.0
        return {term: (1.0 + logs[count]) * (base - logs[frequency[term] + 1]) * boost
                for term, count in terms.items()}

    def _best_story(self, vector: dict[str, float], published: date | None) -> str | None:
        """The open story most similar to ``vector`` at or above the threshold, if any.

        Candidates are the stories sharing most of the article's heaviest terms (counted in
        C by ``Counter``: summing weights in Python cost more than all the rest and picked
        the same stories); only they are scored in full.
        """
        index = self.index_
        # The vector's terms come heaviest first (see :meth:`vector`).
        postings = (index.get(term, ()) for term in islice(vector, QUERY_TERMS))
        hits = Counter(chain.from_iterable(p for p in postings if len(p) <= MAX_POSTINGS))
        best, best_score = None, self.threshold
        for story_id in _most_shared(hits):
            story = self.open_[story_id]
            if not self._in_date_window(story, published):
                continue
            centroid = story.centroid
            # fsum: exactly rounded, so the order of the set (salted per process) cannot
            # change a score and with it a tie.
            shared = vector.keys() & centroid.keys()
            score = math.fsum(map(mul, map(vector.__getitem__, shared),
                                  map(centroid.__getitem__, shared)))
            score /= story.norm
            if score >= best_score:
                best, best_score = story_id, score
        return best

    def _in_date_window(self, story: _OpenStory, published: date | None) -> bool:
        if published is None or story.first is None or story.last is None:
            return True
        return ((story.first - published).days <= self.window_days
                and (published - story.last).days <= self.window_days)

    def _join(self, story_id: str, vector: dict[str, float], seq: int,
              published: date | None) -> None:
        story = self.open_.pop(story_id, None) or _OpenStory(id=story_id, centroid={})
        self.open_[story_id] = story  # most recently fed last: stale stories sit in front
        centroid = story.centroid
        for term, weight in vector.items():
            if term in centroid:
                centroid[term] += weight
            else:
                centroid[term] = weight
                self.index_.setdefault(term, set()).add(story_id)
        if len(centroid) > CENTROID_TERMS + CENTROID_SLACK:
            self._trim(story)
        story.norm = _norm(story.centroid.values())
        story.size += 1
        story.last_seq = seq
        if published is not None:
            story.first = min(story.first or published, published)
            story.last = max(story.last or published, published)

    def _trim(self, story: _OpenStory) -> None:
        """Keep the story's ``CENTROID_TERMS`` heaviest terms; the rest leave the index."""
        kept = _heaviest(story.centroid, CENTROID_TERMS)
        for term in story.centroid.keys() - kept.keys():
            self._unindex(term, story.id)
        story.centroid = kept

    def _unindex(self, term: str, story_id: str) -> None:
        postings = self.index_.get(term)
        if postings is not None:
            postings.discard(story_id)
            if not postings:
                del self.index_[term]

    def _close_stale(self, seq: int) -> None:
        while self.open_:
            story = next(iter(self.open_.values()))
            if seq - story.last_seq <= self.window_articles:
                return
            del self.open_[story.id]
            for term in story.centroid:
                self._unindex(term, story.id)


def _most_shared(hits: Counter[str]) -> list[str]:
    """The ``MAX_CANDIDATES`` stories that share most query terms, most first, ties broken
    by the larger id (postings are sets, whose order varies from run to run): the stories
    ``heapq.nlargest`` picks from (count, id) pairs, without its Python loop over a hundred
    stories. Counts above the cut-off count all make the list; ties at the cut-off are
    ranked by id alone, by one sort in C.
    """
    counts = hits.values()
    if len(hits) <= MAX_CANDIDATES:
        return [story for _, story in sorted(zip(counts, hits, strict=True), reverse=True)]
    cut = sorted(counts)[-MAX_CANDIDATES]
    above = list(compress(hits, map(gt, counts, repeat(cut))))
    tied = sorted(compress(hits, map(eq, counts, repeat(cut))), reverse=True)
    ranked = sorted(zip(map(hits.__getitem__, above), above, strict=True), reverse=True)
    return [story for _, story in ranked] + tied[:MAX_CANDIDATES - len(above)]


def _heaviest(weights: dict[str, float], count: int) -> dict[str, float]:
    """The ``count`` heaviest entries of ``weights``, heaviest first, ties in insertion order.

    A stable sort in C: the same entries and order as ``heapq.nlargest`` (documented as
    equal to this), whose loop runs in Python, an item at a time.
    """
    return dict(sorted(weights.items(), key=itemgetter(1), reverse=True)[:count])


def _norm(weights: Iterable[float]) -> float:
    """Euclidean length of a vector's weights, 1 for an empty one (so it can divide).

    ``sum`` over ``map(mul, ...)`` adds the same products in the same order as a generator
    of ``w * w`` (the same float), with no Python frame a term.
    """
    values = list(weights)
    return math.sqrt(sum(map(mul, values, values))) or 1.0
