"""Sentences, tokens, stems and stop words: the text stage of the pipeline."""

from newsweave.text.sentences import split_article, split_sentences
from newsweave.text.tokens import content_stems, opening_words, stem, tokenize

__all__ = [
    "content_stems", "opening_words", "split_article", "split_sentences", "stem", "tokenize",
]
