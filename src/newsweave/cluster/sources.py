"""From the SOURCE arguments of ``ingest`` to work items, and from work items to features.

An archive is read as a stream: a JSONL file (optionally gzipped) one line at a time, a
folder file by file, ``-`` as JSONL on standard input. Each line or file is one work item;
:func:`prepare` turns a list of items into articles and their clustering features, with the
same readers ``brief`` uses. Items are plain tuples so chunks of them travel to Dask workers.
What a folder holds that ingest does not read is an item too, a "skip" whose reason
:func:`prepare` reports with the other warnings, so that nothing is passed over in silence.
"""

from __future__ import annotations

import gzip
import io
import json
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TypeVar

from newsweave.cluster.features import Features, featurize_all
from newsweave.errors import IngestError
from newsweave.ingest import articles_from_record, read_articles
from newsweave.ingest.readers import (
    HTML_SUFFIXES,
    JSONL_SUFFIXES,
    STDIN,
    TEXT_SUFFIXES,
    json_problem,
    load_record,
)
from newsweave.models import Article

# A work item: ("line", origin, JSON text), ("file", path, "") or ("skip", path, reason).
Item = tuple[str, str, str]
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Prepared:
    """An article ready to store (sentences dropped: they are recomputed when briefed)."""

    article: Article
    features: Features


@dataclass
class PreparedChunk:
    """The articles of a chunk of work items, and a warning for every item skipped."""

    prepared: list[Prepared] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    items: int = 0


def iter_items(sources: Sequence[str | Path]) -> Iterator[Item]:
    """Work items of every source, in order: JSONL lines, text and HTML files.

    Raises
    ------
    IngestError
        When a source does not exist or is of a kind ingest cannot read.
    """
    for source in sources:
        if str(source) == STDIN:
            yield from _lines(sys.stdin, "<stdin>")
            continue
        path = Path(source)
        if path.is_dir():
            yield from _folder_items(path)
        elif path.is_file():
            yield from _file_items(path)
        else:
            raise IngestError(str(path), "no such file or folder")


def _folder_items(folder: Path) -> Iterator[Item]:
    for child in sorted(p for p in folder.iterdir() if not p.name.startswith(".")):
        if child.is_dir():
            yield ("skip", str(child), "a folder inside a folder is not read (give it as a "
                   "SOURCE of its own)")
        elif _kind(child) == "other":
            yield ("skip", str(child), "not a .txt, .html or .jsonl file")
        else:
            yield from _file_items(child)


def _kind(path: Path) -> str:
    name = path.name.lower().removesuffix(".gz")
    if name.endswith(JSONL_SUFFIXES):
        return "jsonl"
    return "file" if name.endswith(TEXT_SUFFIXES + HTML_SUFFIXES) else "other"


def _file_items(path: Path) -> Iterator[Item]:
    """A JSONL file line by line; any other file, and a JSON array (which only parses whole),
    as one item read by ``brief``'s readers."""
    if _kind(path) != "jsonl":
        yield ("file", str(path), "")
        return
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    try:
        with opener(path, "rb") as raw:
            if _opens_array(raw.read(_SNIFF_BYTES)):
                yield ("file", str(path), "")
                return
        with opener(path, "rb") as raw:
            yield from _lines(io.TextIOWrapper(raw, encoding="utf-8-sig", errors="replace"),
                              str(path))
    except (OSError, EOFError) as exc:
        raise IngestError(str(path), f"cannot read: {exc}") from exc


_SNIFF_BYTES = 4096


def _opens_array(head: bytes) -> bool:
    return head.removeprefix(b"\xef\xbb\xbf").lstrip().startswith(b"[")


def _lines(handle: IO[str], origin: str) -> Iterator[Item]:
    for number, line in enumerate(handle, 1):
        if line.strip():
            yield ("line", f"{origin}:{number}", line)


def chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """``items`` in lists of ``size`` (the last may be shorter)."""
    chunk: list[T] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def prepare(items: Sequence[Item], max_bytes: int) -> PreparedChunk:
    """Read, clean and featurize a chunk of items; a bad item becomes a warning.

    Parameters
    ----------
    items:
        Work items from :func:`iter_items`.
    max_bytes:
        Largest file read.

    Returns
    -------
    PreparedChunk
        The articles (sentences dropped) with their features, and the warnings.
    """
    result = PreparedChunk(items=len(items))
    articles: list[Article] = []
    for kind, origin, text in items:
        try:
            articles.extend(_read_item(kind, origin, text, max_bytes, result.warnings))
        except IngestError as exc:
            result.warnings.append(f"skipped {exc}")
    # Featurized together: signatures are computed for the whole chunk at once.
    result.prepared = [Prepared(unsplit(article), features)
                       for article, features in zip(articles, featurize_all(articles),
                                                    strict=True)]
    return result


def unsplit(article: Article) -> Article:
    """The article without its sentences, which the store does not keep; no copy of one
    read without them (``dataclasses.replace`` inspects the class at every call)."""
    return article.with_sentences(()) if article.sentences else article


def _read_item(kind: str, origin: str, text: str, max_bytes: int,
               warnings: list[str]) -> list[Article]:
    if kind == "skip":
        raise IngestError(origin, text)
    if kind == "file":
        read = read_articles([origin], max_bytes=max_bytes)
        warnings.extend(read.warnings)
        return read.articles
    try:
        record = load_record(text)
    except json.JSONDecodeError as exc:
        raise IngestError(origin, f"not JSON ({json_problem(exc)})") from exc
    return articles_from_record(record, origin, split=False, warnings=warnings)
