"""Peers to compare newsweave's algorithms with: a lead baseline, five classic summarizers from
sumy, and a greedy extractive oracle (an upper bound no real system reaches).

Every peer is a :class:`~newsweave.summarize.Summarizer`, so the evaluation runs it exactly as
it runs newsweave's own: ``select(story, budget)`` then the same ordering, the same cut. Each
peer ranks sentences its own way and fills the budget the way newsweave's algorithms do
(:func:`~newsweave.summarize.fill_budget`: best first, a sentence too long is passed over),
so no system gains by running over and being cut.

sumy's default tokenizer needs NLTK's punkt data, which cannot be downloaded here; sumy is
given newsweave's own sentences (from :mod:`newsweave.text`, one sumy paragraph per article)
and a data-free word tokenizer (:func:`newsweave.text.tokenize`). Stop words are sumy's own
English list (it ships in the package), the stemmer sumy's own English Snowball stemmer.
"""

from __future__ import annotations

import warnings
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any, ClassVar

from sumy.models.dom import ObjectDocumentModel, Paragraph
from sumy.models.dom import Sentence as SumySentence
from sumy.nlp.stemmers import Stemmer
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.summarizers.lsa import LsaSummarizer
from sumy.summarizers.luhn import LuhnSummarizer
from sumy.summarizers.sum_basic import SumBasicSummarizer
from sumy.summarizers.text_rank import TextRankSummarizer
from sumy.utils import get_stop_words

from newsweave.evaluate.rouge import Reference, Tokens, ngram_counts, rouge_tokens
from newsweave.models import Budget, Sentence, Story
from newsweave.summarize import Scored, Summarizer, fill_budget
from newsweave.summarize.base import require_sentences
from newsweave.text import split_sentences, tokenize

SUMY_LANGUAGE = "english"


class LeadPeer(Summarizer):
    """Lead baseline: the first sentence of every report, then the second of every report…"""

    name = "lead"

    def __init__(self) -> None:
        """No parameters (``Summarizer.get_params`` reads them from ``__init__``)."""

    def select(self, story: Story, budget: Budget) -> list[Scored]:
        require_sentences(story)
        depth = max(len(article.sentences) for article in story.articles)
        ranked = (
            Scored(article.sentences[index], 1.0 / (1 + index))
            for index in range(depth)
            for article in story.articles
            if index < len(article.sentences)
        )
        return fill_budget(ranked, budget)


class _SumyTokenizer:
    """Stands in for sumy's ``Tokenizer``, which loads NLTK punkt data that is not installed:
    newsweave's sentence splitter and its word tokenizer, neither needing any data file."""

    language = SUMY_LANGUAGE

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return tuple(paragraph[start:end] for start, end in split_sentences(paragraph))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(tokenize(sentence))


_TOKENIZER = _SumyTokenizer()


class SumyPeer(Summarizer):
    """A sumy summarizer run on newsweave's sentences; subclasses name the sumy class."""

    sumy_class: ClassVar[type[Any]]

    def __init__(self) -> None:
        """No parameters: each runs with sumy's defaults (``get_params`` reads ``__init__``)."""

    def select(self, story: Story, budget: Budget) -> list[Scored]:
        require_sentences(story)
        document = ObjectDocumentModel(
            Paragraph([SumySentence(s.text, _TOKENIZER) for s in article.sentences])
            for article in story.articles
        )
        by_text: dict[str, Sentence] = {}
        for sentence in story.sentences:
            by_text.setdefault(sentence.text.strip(), sentence)
        ranking: list[Any] = []

        def keep_ranking(infos: list[Any]) -> list[Any]:
            # sumy hands the count hook every sentence best first; keep that ranking whole
            # and fill the budget from it, instead of asking sumy for a number of sentences.
            ranking.extend(infos)
            return infos

        with warnings.catch_warnings():
            # sumy's LSA warns on every story with fewer words than sentences; the ranking
            # is still made, and a warning per cluster would bury the table.
            warnings.simplefilter("ignore", UserWarning)
            self._summarizer()(document, keep_ranking)
        ranked = (Scored(by_text[str(info.sentence)], float(info.rating)) for info in ranking)
        return fill_budget(_unique_texts(ranked), budget)

    def _summarizer(self) -> Any:
        summarizer = self.sumy_class(Stemmer(SUMY_LANGUAGE))
        # sumy takes stop words through a setter after construction (its only way).
        summarizer.stop_words = get_stop_words(SUMY_LANGUAGE)
        return summarizer


def _unique_texts(ranked: Iterable[Scored]) -> Iterable[Scored]:
    """Drop a sentence whose text was already ranked (wire copies repeat sentences)."""
    seen: set[str] = set()
    for item in ranked:
        if item.sentence.text not in seen:
            seen.add(item.sentence.text)
            yield item


def _sumy_peer(name: str, sumy_class: type[Any], doc: str) -> type[SumyPeer]:
    """A :class:`SumyPeer` subclass for one sumy summarizer (each peer needs its own ``name``)."""
    attributes = {"name": name, "sumy_class": sumy_class, "__doc__": doc}
    return type(sumy_class.__name__.replace("Summarizer", "Peer"), (SumyPeer,), attributes)


SumyLexRank = _sumy_peer("sumy-lexrank", LexRankSummarizer,
                         "sumy LexRank (Erkan & Radev 2004): PageRank over idf-cosine similarity.")
SumyTextRank = _sumy_peer("sumy-textrank", TextRankSummarizer,
                          "sumy TextRank (Mihalcea & Tarau 2004): PageRank over word overlap.")
SumyLsa = _sumy_peer("sumy-lsa", LsaSummarizer,
                     "sumy LSA (Steinberger & Ježek 2004): weight in the top singular vectors.")
SumyLuhn = _sumy_peer("sumy-luhn", LuhnSummarizer,
                      "sumy Luhn (1958): clusters of significant (frequent) words in a sentence.")
SumySumBasic = _sumy_peer("sumy-sumbasic", SumBasicSummarizer,
                          "sumy SumBasic (Nenkova & Vanderwende 2005): mean word probability.")


class GreedyOracle(Summarizer):
    """Greedy extractive oracle: adds the sentence that most raises ROUGE-1 + ROUGE-2 recall
    against the human summaries, while it fits and raises it; an upper bound, not a system.

    Parameters
    ----------
    references:
        The human summaries of the story being summarized (an oracle reads the answers).
    """

    name = "oracle"

    def __init__(self, *, references: Sequence[Reference]) -> None:
        self.references = references

    def select(self, story: Story, budget: Budget) -> list[Scored]:
        sentences = require_sentences(story)
        targets = [_reference_counts(self.references, n) for n in ORACLE_NGRAMS]
        weights = [1.0 / max(sum(map(sum, t.values())), 1) for t in targets]
        grams = [_sentence_grams(s.text) for s in sentences]
        current: list[Counter[Tokens]] = [Counter() for _ in ORACLE_NGRAMS]
        candidates = [i for i, g in enumerate(grams) if not targets[0].keys().isdisjoint(g[0])]
        chosen: list[Scored] = []
        spent = 0
        while True:
            affordable = [i for i in candidates
                          if spent + _cost(sentences[i], budget, bool(chosen)) <= budget.limit]
            gains = {i: _gain(grams[i], current, targets, weights) for i in affordable}
            best = max(affordable, key=gains.__getitem__, default=None)
            if best is None or gains[best] <= 0:
                return chosen
            spent += _cost(sentences[best], budget, bool(chosen))
            chosen.append(Scored(sentences[best], gains[best]))
            candidates.remove(best)
            for counts, new in zip(current, grams[best], strict=True):
                counts.update(new)


ORACLE_NGRAMS = (1, 2)
"""The oracle maximises ROUGE-1 + ROUGE-2 recall, each normalised by its reference total."""

_RefCounts = dict[Tokens, tuple[int, ...]]


def _reference_counts(references: Sequence[Reference], n: int) -> _RefCounts:
    """Each n-gram of any reference and its count in every reference (0 where absent)."""
    counts = [ref.ngrams[n - 1] for ref in references]
    grams = set().union(*counts)
    return {gram: tuple(c[gram] for c in counts) for gram in grams}


def _sentence_grams(text: str) -> list[Counter[Tokens]]:
    tokens = rouge_tokens(text)
    return [ngram_counts(tokens, n) for n in ORACLE_NGRAMS]


def _cost(sentence: Sentence, budget: Budget, after_another: bool) -> int:
    """A sentence's cost in the budget; in bytes the line break before it counts too."""
    return budget.cost(sentence.text) + (1 if budget.unit == "bytes" and after_another else 0)


def _gain(
    grams: list[Counter[Tokens]], current: list[Counter[Tokens]], targets: list[_RefCounts],
    weights: list[float],
) -> float:
    """How much adding a sentence's n-grams raises the clipped hits summed over references."""
    total = 0.0
    for new, have, target, weight in zip(grams, current, targets, weights, strict=True):
        hits = 0
        for gram, count in new.items():
            refs = target.get(gram)
            if refs:
                before = have[gram]
                hits += sum(min(r, before + count) - min(r, before) for r in refs)
        total += weight * hits
    return total
