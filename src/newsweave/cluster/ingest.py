"""Ingest: deduplicate, cluster and store prepared articles, one committed batch at a time.

For each article, in order:

1. an exact repeat (same content hash) of a stored article is skipped: ingest is idempotent;
2. an id already stored with other text is skipped with a warning (ids are the inputs' own);
3. a near repeat (MinHash LSH, Jaccard >= ``NEAR_DUPLICATE_JACCARD``) is stored, marked as a
   duplicate of the first stored article it repeats, and joins that article's story;
4. anything else joins the best open story or starts one (:mod:`newsweave.cluster.online`).

Every ``batch_size`` articles, the batch and the stories it touched are committed in one
transaction; only then does the batch count as acknowledged. The clustering state is rebuilt
from the store when an ingest starts, so a second ingest (or one after a crash) carries on;
first, a store whose signatures were made under another scheme than this version's (see
``SIGNATURE_SCHEME``) has them recomputed from its texts, with a warning.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from newsweave.cluster.features import (
    NUM_PERM,
    SIGNATURE_BLOCK,
    SIGNATURE_SCHEME,
    content_tokens,
    features_json,
    signatures,
    stored_features,
)
from newsweave.cluster.neardup import NearDuplicateIndex
from newsweave.cluster.online import OnlineClusterer
from newsweave.cluster.sources import Prepared, chunks
from newsweave.models import Article
from newsweave.store import Store, StoredArticle, StoryRow
from newsweave.text import opening_words

# Estimated Jaccard of word shingles from which an article counts as a copy of another
# (a wire story re-run with a new headline or a corrected figure).
NEAR_DUPLICATE_JACCARD = 0.8
# Articles per committed transaction: large enough to amortise the commit, small enough that
# a crash loses little.
DEFAULT_BATCH_SIZE = 500


@dataclass
class IngestReport:
    """What an ingest did; ``warnings`` names every input skipped and why."""

    stored: int = 0
    near_duplicates: int = 0
    exact_duplicates: int = 0
    new_stories: int = 0
    warnings: list[str] = field(default_factory=list)


class Ingester:
    """Feeds prepared articles into a store, keeping dedup and clustering state in memory.

    Parameters
    ----------
    store:
        Where articles and stories go; its contents seed the state.
    clusterer:
        The online clusterer (its options say how stories are formed).
    batch_size:
        Articles per transaction.
    on_commit:
        Called with the number of articles acknowledged so far after each commit.
    """

    def __init__(self, store: Store, clusterer: OnlineClusterer | None = None, *,
                 batch_size: int = DEFAULT_BATCH_SIZE,
                 on_commit: Callable[[int], None] | None = None) -> None:
        self.store = store
        self.clusterer = clusterer or OnlineClusterer()
        self.batch_size = batch_size
        self.on_commit = on_commit
        self.report = IngestReport()
        self._near = NearDuplicateIndex(NEAR_DUPLICATE_JACCARD, NUM_PERM)
        self._hashes: dict[str, str] = {}
        self._story_of: dict[str, str] = {}
        self._seq = 0
        self._pending: list[StoredArticle] = []
        self._touched: dict[str, StoryRow] = {}
        self._stories = {row.id: row for row in store.stories(members=False)}
        self._resign()
        self._load_state()

    def _resign(self) -> None:
        """Recompute every stored signature when the store's were made under another scheme
        than this version's (or under one it did not record): signatures of two schemes
        cannot be compared, and a near-duplicate would go unnoticed. Recorded once done."""
        recorded = self.store.signature_scheme()
        if recorded == SIGNATURE_SCHEME:
            return
        resigned: list[tuple[str, bytes]] = []
        for block in chunks((s.article for s in self.store.articles()), SIGNATURE_BLOCK):
            rows = signatures([content_tokens(article) for article in block])
            resigned.extend((a.id, row.tobytes()) for a, row in zip(block, rows, strict=True))
        self.store.resign(resigned, SIGNATURE_SCHEME)
        if resigned:
            made = f"scheme {recorded!r}" if recorded else "a scheme it did not record"
            self.report.warnings.append(
                f"re-signed the {len(resigned)} stored articles for near-duplicate detection: "
                f"the store's signatures were made under {made}, this version's under "
                f"{SIGNATURE_SCHEME!r}")

    def _load_state(self) -> None:
        for fingerprint in self.store.fingerprints():
            self._hashes[fingerprint.content_hash] = fingerprint.article_id
            self._story_of[fingerprint.article_id] = fingerprint.story_id
            self._near.add(fingerprint.article_id, fingerprint.seq, fingerprint.signature)
            self._seq = fingerprint.seq
        since = max(self._seq - self.clusterer.window_articles, 0)
        for stored in self.store.articles(since_seq=since):
            self.clusterer.add(stored_features(stored), stored.seq, stored.story_id)

    def ingest(self, prepared: Iterable[Prepared]) -> IngestReport:
        """Store every article of ``prepared``; commits as it goes and at the end."""
        for item in prepared:
            self.add(item)
        self.flush()
        return self.report

    def add(self, item: Prepared) -> None:
        """Deduplicate, cluster and queue one article; commits when the batch is full."""
        article, features = item.article, item.features
        if features.content_hash in self._hashes:
            self.report.exact_duplicates += 1
            return
        if article.id in self._story_of:
            self.report.warnings.append(
                f"skipped {article.origin or article.id}: id {article.id!r} is already stored "
                "with other text")
            return
        self._seq += 1
        signature = features.signature.tobytes()
        original = self._near.add(article.id, self._seq, signature)
        story_id = self.clusterer.add(features, self._seq,
                                      self._story_of[original] if original else None)
        self._hashes[features.content_hash] = article.id
        self._story_of[article.id] = story_id
        self._pending.append(StoredArticle(
            article, self._seq, features.content_hash, signature,
            features_json(features), story_id, original))
        self._touch(story_id, item)
        self.report.near_duplicates += original is not None
        if len(self._pending) >= self.batch_size:
            self.flush()

    def _touch(self, story_id: str, item: Prepared) -> None:
        row = self._touched.get(story_id) or self._stories.get(story_id)
        self.report.new_stories += row is None
        self._touched[story_id] = extend_story(row, story_id, item.article, self._seq)

    def flush(self) -> None:
        """Commit the pending batch and the stories it touched, in one transaction."""
        if not self._pending:
            return
        self.store.write_batch(self._pending, list(self._touched.values()))
        self.report.stored += len(self._pending)
        self._stories.update(self._touched)
        self._pending, self._touched = [], {}
        if self.on_commit is not None:
            self.on_commit(self.report.stored)


def extend_story(row: StoryRow | None, story_id: str, article: Article, seq: int) -> StoryRow:
    """The story ``row`` with ``article`` (ingested as number ``seq``) added; None starts one.

    A story is titled after its first article that has a headline; until one comes, after
    the first words of its first article.
    """
    published = article.published
    if row is None:
        return StoryRow(id=story_id, size=1, title=_title(article), first_published=published,
                        last_published=published, first_seq=seq, last_seq=seq,
                        headline=bool(article.title))
    dates = [d for d in (row.first_published, row.last_published, published) if d]
    retitle = not row.headline and bool(article.title)
    # Built field by field, not with dataclasses.replace, which inspects the class each call.
    return StoryRow(id=row.id, size=row.size + 1,
                    title=article.title if retitle else row.title,
                    first_published=min(dates, default=None),
                    last_published=max(dates, default=None), first_seq=row.first_seq,
                    last_seq=seq, outlets=row.outlets, article_ids=row.article_ids,
                    headline=row.headline or retitle)


def _title(article: Article) -> str:
    """The article's headline, or its opening words when it has none."""
    return article.title or opening_words(article.text)
