"""The work behind the routes: read reports, brief (in worker processes), ingest (in threads).

Nothing here knows HTTP; routers run briefs through :mod:`newsweave.serve.workers` and store
work through :func:`newsweave.serve.limits.run_limited`, and the error handler turns what
they raise into status codes. What a worker process runs is a module-level function of
picklable arguments, so it can be sent to the worker by name. Reports sent as JSON are read
as one JSONL upload and files through a private temp folder, so they are cleaned, split,
de-duplicated and given ids exactly as ``newsweave brief`` and ``newsweave ingest`` would.
"""

from __future__ import annotations

import json
import re
import tempfile
import threading
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsweave.api import brief
from newsweave.cluster.ingest import Ingester
from newsweave.cluster.sources import Item, prepare
from newsweave.errors import NoArticleError
from newsweave.ingest import read_story
from newsweave.models import Article, Story
from newsweave.serve.fetch import FetchRefusedError, fetch_page
from newsweave.serve.schemas import IngestOut, StoryOut
from newsweave.serve.settings import ServeSettings
from newsweave.store import open_store

if TYPE_CHECKING:  # deps imports the workers, which import this module
    from newsweave.serve.deps import BriefOptions

JSON_UPLOAD_NAME = "articles.jsonl"
"""The name JSON reports are read under: origins and messages say ``articles.jsonl:N`` or
``articles.jsonl line N`` for the N-th report of the request."""

_UNSAFE_NAME = re.compile(r"[^\w.\-]+")
"""Characters replaced in an uploaded file's name before it is written to the temp folder."""

WARM_UP_TEXT = "Roza Otunbayeva spoke in Bishkek on Monday. She said 80 people had died."
"""A two-sentence report briefed once by each brief worker before it takes a request: the
analysis loads its language models on first use, which the first client should not wait for."""


def warm_up() -> None:
    """Brief :data:`WARM_UP_TEXT` once, loading whatever the pipeline loads lazily."""
    brief([Article(id="warm-up", text=WARM_UP_TEXT)])


def brief_story(story: Story, options: BriefOptions, warnings: Sequence[str] = ()
                ) -> dict[str, Any]:
    """``Brief.to_dict()`` of ``story`` with ``options``, reading warnings first."""
    result = brief(story, words=options.limit_in("words"), bytes=options.limit_in("bytes"),
                   sentences=options.limit_in("sentences"), algorithm=options.algorithm,
                   analysis=options.analysis, cover_conflicts=options.cover_conflicts)
    return replace(result, warnings=(*warnings, *result.warnings)).to_dict()


def brief_records(records: Sequence[dict[str, Any]], options: BriefOptions,
                  settings: ServeSettings) -> dict[str, Any]:
    """A brief of JSON reports (fetching URL-only ones when the settings allow)."""
    return brief_uploads([(JSON_UPLOAD_NAME, _jsonl(records, settings))], options)


def _jsonl(records: Sequence[dict[str, Any]], settings: ServeSettings) -> bytes:
    lines = (json.dumps(with_page(record, f"article {number}", settings))
             for number, record in enumerate(records, 1))
    return "\n".join(lines).encode("utf-8")


def with_page(record: dict[str, Any], origin: str, settings: ServeSettings) -> dict[str, Any]:
    """``record``, with the page at its URL as ``html`` when it has no text of its own.

    Raises
    ------
    FetchRefusedError
        When the record has only a URL and fetching is off, or the URL is not public.
    """
    url = record.get("url")
    if record.get("text") or record.get("html") or not url:
        return record
    if not settings.allow_fetch:
        raise FetchRefusedError(origin, "has only a URL, and this service does not fetch "
                                "pages (start it with --allow-fetch); send its text or html")
    return {**record, "html": fetch_page(url)}


def brief_uploads(uploads: Sequence[tuple[str, bytes]], options: BriefOptions
                  ) -> dict[str, Any]:
    """A brief of uploaded files, read from a private temp folder like a folder on disk.

    The server's temp path is replaced by the uploaded names in origins, warnings and errors:
    it means nothing to the client.
    """
    with tempfile.TemporaryDirectory(prefix="newsweave-") as folder:
        _save_uploads(Path(folder), uploads)
        try:
            story, warnings = read_story([folder])
        except NoArticleError as exc:
            raise NoArticleError(_without(folder, str(exc))) from None
    articles = tuple(replace(a, origin=_without(folder, a.origin or "")) for a in story.articles)
    return brief_story(Story(articles=articles), options,
                       [_without(folder, w) for w in warnings])


def _without(folder: str, text: str) -> str:
    """``text`` with the temp folder's path taken out: files by their uploaded names, the
    folder itself as "the upload"."""
    return text.replace(folder + "/", "").replace(folder, "the upload")


def _save_uploads(folder: Path, uploads: Sequence[tuple[str, bytes]]) -> None:
    """Save each upload under its own name reduced to safe characters, so none can be
    written outside ``folder`` or hidden (dot files are skipped by the reader)."""
    names: set[str] = set()
    for position, (name, data) in enumerate(uploads):
        safe = _UNSAFE_NAME.sub("_", Path(name).name).lstrip(".") or "upload.txt"
        if safe in names:
            safe = f"{position}_{safe}"
        names.add(safe)
        (folder / safe).write_bytes(data)


def ingest_records(records: Sequence[dict[str, Any]], settings: ServeSettings,
                   lock: threading.Lock) -> IngestOut:
    """Store JSON reports and cluster them into stories, as ``newsweave ingest`` does.

    One ingest at a time (``lock``): the clustering state is rebuilt from the store by each,
    and two at once would each miss the other's new stories. So it runs in a server thread,
    not a brief worker process: with ingests in series, processes would add no parallelism,
    the lock would have to cross processes, and killing a worker at the time limit would cut
    a store write short in the middle of a story's clustering.

    Raises
    ------
    NoArticleError
        When no report can be read; the message says why for each.
    StoreError
        When the store cannot be opened.
    """
    items: list[Item] = [("line", f"{JSON_UPLOAD_NAME}:{number}",
                          json.dumps(with_page(record, f"article {number}", settings)))
                         for number, record in enumerate(records, 1)]
    chunk = prepare(items, max_bytes=settings.max_request_bytes)
    if not chunk.prepared:
        raise NoArticleError("no report could be read: " + "; ".join(chunk.warnings))
    ids = {item.article.id for item in chunk.prepared}
    with lock, open_store(settings.db) as store:
        report = Ingester(store).ingest(chunk.prepared)
        rows = [row for row in store.stories() if ids & set(row.article_ids)]
    return IngestOut(stored=report.stored, near_duplicates=report.near_duplicates,
                     exact_duplicates=report.exact_duplicates, new_stories=report.new_stories,
                     warnings=[*chunk.warnings, *report.warnings],
                     stories=[StoryOut.from_row(row) for row in rows])
