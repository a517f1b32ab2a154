"""Sentences, tokens, stems and stop words: the text stage of the pipeline."""

from newsweave.text.sentences import split_article, split_sentences
from newsweave.text.tokens import content_stems, stem, tokenize

__all__ = ["content_stems", "split_article", "split_sentences", "stem", "tokenize"]
