"""Batch re-clustering: replay every stored article through a fresh clusterer.

Online clustering decides with what it has seen; replaying the whole store lets stories be
rebuilt with other options (a new threshold or window) or with an IDF that knows the whole
archive from the first article on, since the clusterer is warmed on every article's terms
before the replay. Near-duplicates stay with the article they repeat. The new stories
replace the old ones in one transaction: a reader sees the old set or the new, never a mix.
"""

from __future__ import annotations

from newsweave.cluster.features import stored_features
from newsweave.cluster.ingest import extend_story
from newsweave.cluster.online import OnlineClusterer
from newsweave.store import Store, StoryRow


def recluster(store: Store, clusterer: OnlineClusterer) -> list[StoryRow]:
    """Re-cluster every article of ``store`` with ``clusterer`` and replace its stories.

    Parameters
    ----------
    store:
        The store whose stories are rebuilt.
    clusterer:
        A fresh clusterer, configured as wanted; its IDF is fixed to the whole archive.

    Returns
    -------
    list[StoryRow]
        The new stories (without outlets and article ids; ``store.stories()`` has them).
    """
    stored = list(store.articles())
    features = [stored_features(item) for item in stored]
    clusterer.warm(features)
    assignment: dict[str, str] = {}
    rows: dict[str, StoryRow] = {}
    for item, feature in zip(stored, features, strict=True):
        forced = assignment[item.duplicate_of] if item.duplicate_of else None
        story_id = clusterer.add(feature, item.seq, forced)
        assignment[item.article.id] = story_id
        rows[story_id] = extend_story(rows.get(story_id), story_id, item.article, item.seq)
    store.replace_stories(assignment, list(rows.values()))
    return list(rows.values())
