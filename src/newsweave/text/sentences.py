"""Sentence splitting that gets news text right.

blingfire's finite-state splitter does most of the work (it ships its model, is fast and
handles "U.S.", "O.S.C.E.", "p.m." and closing quotes well). Two repairs follow it:

1. An abbreviation or a lone initial before a capital does not end a sentence ("St. Louis",
   "Gen. Jones", "George W. Bush"), which blingfire sometimes splits.
2. A quotation that runs over several sentences and closes with its speaker stays one
   sentence (``"He left on Sunday. I can't say where," said Omarov.``), so a quote keeps its
   attribution.

Paragraphs are the lines of the cleaned text; no sentence crosses a paragraph.
"""

from __future__ import annotations

import re

import blingfire

from newsweave.models import Article, Sentence
from newsweave.text.tokens import tokenize

# Abbreviations that precede a name or a number and so never end a news sentence.
_NON_FINAL_ABBREVIATIONS = frozenset(
    (
        "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "sgt", "capt", "cmdr",
        "adm", "sen", "rep", "gov", "pres", "rev", "st", "fr", "sr", "jr", "no", "nos", "vol",
        "art", "fig", "jan", "feb", "mar", "apr", "aug", "sep", "sept", "oct", "nov", "dec",
        "mt", "ft", "messrs", "hon", "supt", "det", "insp", "amb", "brig",
    )
)
_LAST_WORD = re.compile(r"(?:^|[\s(\[\"“])([A-Za-z]+)\.$")
_OPEN_QUOTE = re.compile(r"[\"“]")
# A closing quote followed by its speaker: '," said Omarov' / '," he said' / '," Omarov told CNN'.
_QUOTE_THEN_SPEAKER = re.compile(
    r"[,?!]?[\"”]\s*,?\s*(?:[a-z]+ed|said|says|told|asked|added|warned|wrote|insisted|"
    r"(?:he|she|they|it|[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){0,3})\s+(?:[a-z]+ed|said|says|told|"
    r"asked|added|warned|wrote|insisted))\b"
)
_PARAGRAPH = re.compile(r"[^\n]+")


def _ends_with_non_final_abbreviation(piece: str) -> bool:
    match = _LAST_WORD.search(piece)
    if not match:
        return False
    word = match.group(1)
    return word.lower() in _NON_FINAL_ABBREVIATIONS or (len(word) == 1 and word.isupper())


def _quote_is_open(piece: str) -> bool:
    straight = piece.count('"')
    return straight % 2 == 1 or piece.count("“") > piece.count("”")


def _should_join(current: str, following: str) -> bool:
    if _ends_with_non_final_abbreviation(current) and following[:1].isupper():
        return True
    if not any(c.isalnum() for c in following):
        return True
    return _quote_is_open(current) and bool(_QUOTE_THEN_SPEAKER.search(following))


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences in ``text``, paragraph by paragraph."""
    spans: list[tuple[int, int]] = []
    for paragraph in _PARAGRAPH.finditer(text):
        spans.extend(_split_paragraph(paragraph.group(), paragraph.start()))
    return spans


def _split_paragraph(paragraph: str, offset: int) -> list[tuple[int, int]]:
    if not paragraph.strip():
        return []
    _, raw_spans = blingfire.text_to_sentences_and_offsets(paragraph)
    merged: list[list[int]] = []
    for start, end in raw_spans:
        if merged and _should_join(paragraph[merged[-1][0]:merged[-1][1]], paragraph[start:end]):
            merged[-1][1] = end
        else:
            merged.append([start, end])
    return [(offset + start, offset + end) for start, end in merged]


def split_article(article: Article) -> Article:
    """The article with its sentences filled in (offsets into ``article.text``)."""
    sentences = []
    paragraph_starts = [m.start() for m in _PARAGRAPH.finditer(article.text)]
    paragraph = -1
    for index, (start, end) in enumerate(split_sentences(article.text)):
        while paragraph + 1 < len(paragraph_starts) and paragraph_starts[paragraph + 1] <= start:
            paragraph += 1
        text = article.text[start:end]
        sentences.append(
            Sentence(
                article_id=article.id,
                index=index,
                start=start,
                end=end,
                text=text,
                paragraph=max(paragraph, 0),
                tokens=tuple(tokenize(text)),
            )
        )
    return article.with_sentences(tuple(sentences))
