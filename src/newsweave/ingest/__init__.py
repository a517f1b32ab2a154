"""Readers and cleaning: from files, pages, JSONL and stdin to :class:`~newsweave.Article`."""

from newsweave.ingest.clean import CleanText, clean_text
from newsweave.ingest.readers import ReadResult, articles_from_record, read_articles, read_story

__all__ = ["CleanText", "ReadResult", "articles_from_record", "clean_text", "read_articles",
           "read_story"]
