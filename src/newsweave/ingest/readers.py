"""Readers: from paths, folders, JSONL lines and stdin to cleaned :class:`Article` objects.

Formats, chosen by file suffix and, failing that, by a look at the content:

* ``.txt`` (or any text): one scraped article, cleaned by :mod:`newsweave.ingest.clean`;
* ``.html``/``.htm``: one page, extracted by :mod:`newsweave.ingest.html`;
* ``.jsonl``/``.json`` (optionally ``.gz``): one article a line ``{"text" or "html", "id",
  "source", "title", "url", "published" (or "date")}``, or one cluster a line
  ``{"id", "documents"}``; or a JSON array of those objects;
* ``-``: standard input, in any of the above.

One bad input among good ones becomes a warning naming it; the caller decides whether an
input with nothing readable is fatal. Nothing is dropped silently.
"""

from __future__ import annotations

import gzip
import io
import json
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from functools import partial
from pathlib import Path
from typing import Any, NoReturn

from newsweave.errors import IngestError, NoArticleError
from newsweave.ingest.clean import (
    CleanText,
    clean_text,
    clean_title,
    parse_full_date,
    recase_title,
)
from newsweave.ingest.decode import DEFAULT_MAX_BYTES, decode_text, read_limited
from newsweave.ingest.html import extract_html
from newsweave.models import Article, Story, content_id
from newsweave.text import split_article

TEXT_SUFFIXES = (".txt", ".text")
HTML_SUFFIXES = (".html", ".htm")
JSONL_SUFFIXES = (".jsonl", ".json", ".ndjson")
STDIN = "-"
PUBLISHED_KEYS = ("published", "date", "published_at", "publication_date")
"""Keys a JSON article's publication date is read from, the first one given."""


@dataclass
class ReadResult:
    """Articles read, and a warning for every input or line that was skipped."""

    articles: list[Article] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def read_articles(
    inputs: Sequence[str | Path], *, max_bytes: int = DEFAULT_MAX_BYTES
) -> ReadResult:
    """Every article in ``inputs`` (files, folders, ``-``), split into sentences.

    Raises
    ------
    IngestError
        When no input yields an article; the message names every input and why.
    """
    result = ReadResult()
    failures: list[str] = []
    for path in _expand(inputs, result.warnings):
        try:
            found = list(_read_one(path, max_bytes, result.warnings))
        except IngestError as exc:
            failures.append(str(exc))
            continue
        result.articles.extend(found)
    if not result.articles:
        _raise_nothing_read(inputs, failures, result.warnings)
    result.warnings.extend(f"skipped {reason}" for reason in failures)
    result.articles = _unique(result.articles, result.warnings)
    return result


def _raise_nothing_read(
    inputs: Sequence[str | Path], failures: list[str], warnings: list[str]
) -> NoReturn:
    """One input, one reason: say it plainly; several: list why each failed."""
    reasons = failures + warnings
    if len(reasons) == 1:
        raise NoArticleError(reasons[0])
    if not reasons:
        raise NoArticleError("no input given")
    raise NoArticleError(f"no article could be read from {len(inputs)} input(s): "
                         + "; ".join(reasons))


def read_story(inputs: Sequence[str | Path], **options: Any) -> tuple[Story, list[str]]:
    """One story of every article in ``inputs``, and the warnings raised while reading."""
    result = read_articles(inputs, **options)
    return Story(articles=tuple(result.articles)), result.warnings


def _expand(inputs: Iterable[str | Path], warnings: list[str]) -> Iterator[str | Path]:
    for item in inputs:
        if str(item) == STDIN:
            yield STDIN
            continue
        path = Path(item)
        if path.is_dir():
            entries = sorted(p for p in path.iterdir() if not p.name.startswith("."))
            files = [p for p in entries if p.is_file()]
            readable = [p for p in files if _kind_by_suffix(p) is not None]
            for skipped in sorted(set(files) - set(readable)):
                warnings.append(f"skipped {skipped}: not a .txt, .html or .jsonl file")
            warnings.extend(f"skipped {p}: a folder inside a folder is not read (give it as "
                            "a PATH of its own)" for p in entries if p.is_dir())
            if not readable:
                warnings.append(f"{path}: folder has no .txt, .html or .jsonl file")
            yield from readable
        else:
            yield path


def _kind_by_suffix(path: Path) -> str | None:
    name = path.name.lower().removesuffix(".gz")
    for kind, suffixes in (("text", TEXT_SUFFIXES), ("html", HTML_SUFFIXES),
                           ("jsonl", JSONL_SUFFIXES)):
        if name.endswith(suffixes):
            return kind
    return None


def _read_one(path: str | Path, max_bytes: int, warnings: list[str]) -> Iterator[Article]:
    if path == STDIN:
        origin, data = "<stdin>", sys.stdin.buffer.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise IngestError(origin, f"input is over the {max_bytes:,}-byte limit "
                              "(raise it with --max-bytes)")
        kind = None
    else:
        path = Path(path)
        origin, data = str(path), read_limited(path, max_bytes)
        if path.name.lower().endswith(".gz"):
            data = _gunzip(data, origin, max_bytes)
        kind = _kind_by_suffix(path)
    text = decode_text(data, origin)
    kind = kind or _sniff(text)
    if kind == "jsonl":
        yield from _read_jsonl(text, origin, warnings)
    else:
        cleaned = extract_html(text, origin) if kind == "html" else clean_text(text)
        stem = Path(origin).stem if origin != "<stdin>" else None
        yield _article(cleaned, origin, article_id=stem)


def _gunzip(data: bytes, origin: str, max_bytes: int) -> bytes:
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as handle:
            out = handle.read(max_bytes * 8 + 1)
    except (OSError, EOFError) as exc:
        raise IngestError(origin, f"not a valid gzip file ({exc})") from exc
    if len(out) > max_bytes * 8:
        raise IngestError(origin, "decompressed size is over the limit")
    return out


def _sniff(text: str) -> str:
    head = text.lstrip()[:1000].lower()
    if head.startswith(("{", "[")):
        return "jsonl"
    if head.startswith("<") and any(tag in head for tag in ("<html", "<body", "<!doctype", "<p")):
        return "html"
    return "text"


# A JSON escape of a UTF-16 surrogate: a lone one ("\ud800", from text cut mid-emoji) decodes
# to a string that no UTF-8 encoder, hash or database accepts.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
# json.loads joins an escaped pair into one character; what is left of the range is alone.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def load_record(line: str) -> Any:
    """One JSON line, lone surrogates replaced with U+FFFD so that the text can be stored.

    Raises
    ------
    json.JSONDecodeError
        When the line is not JSON.
    """
    record = json.loads(line)
    return _valid_unicode(record) if _SURROGATE_ESCAPE.search(line) else record


def _valid_unicode(value: Any) -> Any:
    if isinstance(value, str):
        return _LONE_SURROGATE.sub("\ufffd", value)
    if isinstance(value, dict):
        return {_valid_unicode(k): _valid_unicode(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_valid_unicode(v) for v in value]
    return value


def _read_jsonl(text: str, origin: str, warnings: list[str]) -> Iterator[Article]:
    found = False
    failures = FirstFew()
    for label, where, load in _records(text, origin):
        try:
            for article in articles_from_record(load(), where, warnings=warnings):
                found = True
                yield article
        except json.JSONDecodeError as exc:
            failures.add(f"{label}: not JSON ({json_problem(exc)})")
        except IngestError as exc:
            failures.add(f"{label}: {exc.reason}")
    if not found:
        raise IngestError(origin, failures.summary() or "no JSON lines")
    warnings.extend(f"skipped {origin} {failure}" for failure in failures.named)
    if failures.more:
        warnings.append(f"skipped {failures.more:,} more bad lines of {origin}")


def _records(text: str, origin: str) -> Iterator[tuple[str, str, Callable[[], Any]]]:
    """Each record's label, origin and loader: the items of a JSON array (a ``.json`` export
    is often one, and was read line by line into a wall of "not JSON"), else each line.

    Raises
    ------
    IngestError
        When the text opens a JSON array that does not parse.
    """
    if text.lstrip().startswith("["):
        try:
            document = load_record(text)
        except json.JSONDecodeError as exc:
            raise IngestError(origin, f"not a JSON array ({json_problem(exc)} of line "
                              f"{exc.lineno})") from exc
        for index, record in enumerate(document):
            yield f"item {index}", f"{origin}[{index}]", partial(_given, record)
        return
    for number, line in enumerate(text.splitlines(), 1):
        if line.strip():
            yield f"line {number}", f"{origin}:{number}", partial(load_record, line)


def _given(record: Any) -> Any:
    return record


def json_problem(error: json.JSONDecodeError) -> str:
    """What is wrong and where: "Expecting value at column 1", and "Unterminated string
    starting at column 22" (whose message already ends in "at")."""
    return f"{error.msg.removesuffix(' at')} at column {error.colno}"


MAX_LISTED_FAILURES = 10
"""Bad lines of one file named one by one; the rest are counted."""


@dataclass
class FirstFew:
    """The first ``limit`` messages and how many more came: a text file named .jsonl is bad on
    every line, and naming 2 million lines helps no one (nor does holding them in memory)."""

    limit: int = MAX_LISTED_FAILURES
    named: list[str] = field(default_factory=list)
    more: int = 0

    def add(self, message: str) -> None:
        if len(self.named) < self.limit:
            self.named.append(message)
        else:
            self.more += 1

    def summary(self) -> str:
        more = [f"and {self.more:,} more bad lines"] if self.more else []
        return "; ".join(self.named + more)


def articles_from_record(
    record: Any, origin: str, *, split: bool = True, warnings: list[str] | None = None
) -> list[Article]:
    """Articles from one JSON record: an article object, or a cluster with ``documents``.

    ``split=False`` leaves the sentences empty: for a caller that only stores or clusters the
    articles (sentence splitting is half the reading time), splitting again when it needs them.
    A cluster document that cannot be read is skipped with a line in ``warnings``.

    Raises
    ------
    IngestError
        When the record is not an article or a cluster, or no document of it can be read.
    """
    if not isinstance(record, dict):
        raise IngestError(origin, f"expected a JSON object, got {type(record).__name__}")
    if "documents" in record:
        return _cluster_articles(record, origin, split, [] if warnings is None else warnings)
    return [_record_article(record, origin, split)]


def _cluster_articles(
    record: dict[str, Any], origin: str, split: bool, warnings: list[str]
) -> list[Article]:
    documents = record["documents"]
    if not isinstance(documents, list) or not documents:
        raise IngestError(origin, '"documents" must be a non-empty list')
    cluster = str(record.get("id", "")) or None
    articles: list[Article] = []
    skipped: list[str] = []
    for position, document in enumerate(documents):
        where = f"{origin}#{position}"
        if isinstance(document, str):
            document = {"text": document}
        if cluster and isinstance(document, dict) and "id" not in document:
            document = {**document, "id": f"{cluster}/{position}"}
        try:
            articles.append(_record_article(document, where, split))
        except IngestError as exc:
            if len(documents) == 1:
                raise
            skipped.append(f"skipped {exc}")
    if not articles:
        raise IngestError(origin, "no document of the cluster has text")
    warnings.extend(skipped)
    return articles


def _record_article(record: Any, origin: str, split: bool = True) -> Article:
    if not isinstance(record, dict):
        raise IngestError(origin, f"expected a JSON object, got {type(record).__name__}")
    raw_html, raw_text = record.get("html"), record.get("text")
    if isinstance(raw_html, str) and raw_html.strip():
        cleaned = extract_html(raw_html, origin)
    elif isinstance(raw_text, str) and raw_text.strip():
        cleaned = clean_text(raw_text)
    else:
        raise IngestError(origin, 'needs a non-empty "text" or "html" field')
    published = _parse_published(*_published_field(record), origin)
    given = CleanText(
        text=cleaned.text,
        title=_title(record.get("title")) or cleaned.title,
        source=_str_or_none(record.get("source")) or cleaned.source,
        published=published or cleaned.published,
    )
    article_id = record.get("id")
    return _article(
        given,
        origin,
        article_id=str(article_id) if article_id not in (None, "") else None,
        url=_str_or_none(record.get("url")),
        split=split,
    )


def _title(value: Any) -> str | None:
    return clean_title(str(value)) if value is not None else None


def _str_or_none(value: Any) -> str | None:
    return str(value).strip() or None if value is not None else None


def _published_field(record: dict[str, Any]) -> tuple[str, Any]:
    """The key and value of the record's publication date: feeds and scrapers name it
    ``date`` or ``published_at`` as often as ``published``, and a date read from none of them
    was dropped without a word, leaving the report off the timeline."""
    for key in PUBLISHED_KEYS:
        if record.get(key) not in (None, ""):
            return key, record[key]
    return PUBLISHED_KEYS[0], None


def _parse_published(key: str, value: Any, origin: str) -> date | None:
    if value in (None, ""):
        return None
    text = str(value).strip()
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    found = parse_full_date(text)
    if found is None:
        raise IngestError(origin, f'"{key}" value {text!r} is not a date (use YYYY-MM-DD)')
    return found


def _article(
    cleaned: CleanText,
    origin: str,
    *,
    article_id: str | None,
    url: str | None = None,
    split: bool = True,
) -> Article:
    if not cleaned.text.strip():
        raise IngestError(origin, "no article text left after removing page furniture")
    article = Article(
        id=article_id or content_id(cleaned.text),
        text=cleaned.text,
        source=cleaned.source,
        title=recase_title(cleaned.title, cleaned.text) if cleaned.title else None,
        url=url,
        published=cleaned.published,
        origin=origin,
    )
    if not split:
        return article
    article = split_article(article)
    if not article.sentences:
        raise IngestError(origin, "no sentence found in the text")
    return article


def _unique(articles: list[Article], warnings: list[str]) -> list[Article]:
    """Drop exact duplicate texts and make ids unique, with a warning for each: an id the
    input gave is the reader's handle on the article, so renaming one is said out loud."""
    seen_text: dict[str, str] = {}
    id_origins: dict[str, str] = {}
    unique: list[Article] = []
    for article in articles:
        if article.text in seen_text:
            warnings.append(
                f"skipped {article.origin}: same text as {seen_text[article.text]}"
            )
            continue
        seen_text[article.text] = article.origin or article.id
        article_id, n = article.id, 2
        while article_id in id_origins:
            article_id, n = f"{article.id}-{n}", n + 1
        id_origins[article_id] = article.origin or article_id
        if article_id != article.id:
            warnings.append(f"{article.origin}: id {article.id!r} is already the id of "
                            f"{id_origins[article.id]}; this article is {article_id!r}")
            article = split_article(replace(article, id=article_id, sentences=()))
        unique.append(article)
    return unique
