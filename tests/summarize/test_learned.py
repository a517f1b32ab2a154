"""The learned scorer: weights load from package data, the lexicon and the regression learn
what they should, and ``newsweave train`` writes weights the summarizer can use."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from newsweave.cli import main
from newsweave.errors import InvalidOptionError
from newsweave.models import Article, Budget, Sentence, Story
from newsweave.summarize.features import (
    FEATURE_NAMES,
    Lexicon,
    ranked_rows,
    sentence_bigrams,
    sentence_features,
)
from newsweave.summarize.learned import (
    LENGTH_EXPONENT,
    REDUNDANCY,
    LearnedSummarizer,
    SentenceScorer,
    fit,
    fit_lexicon,
    kept_share,
    load_scorer,
    select_by_share,
)
from newsweave.summarize.vectors import SentenceVectors, token_stems
from newsweave.text import split_article, tokenize


def test_shipped_weights_load_from_package_data() -> None:
    scorer = load_scorer()
    assert scorer.features == FEATURE_NAMES
    assert scorer.weights.shape == (len(FEATURE_NAMES),)
    assert len(scorer.lexicon.keep) > 1000  # thousands of stems, statistics only
    assert "multinews" in scorer.trained_on.lower() or "train" in scorer.trained_on


def test_shipped_lexicon_marks_page_furniture_as_rarely_kept() -> None:
    lexicon = load_scorer().lexicon
    junk = lexicon.keep["javascript"]
    assert junk < lexicon.default_keep < lexicon.keep["presid"]


def test_weights_for_other_features_are_refused(tmp_path: Path) -> None:
    data = load_scorer().to_dict()
    data["features"] = data["features"][:-1]
    path = tmp_path / "old.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(InvalidOptionError, match="retrain"):
        SentenceScorer.load(path)


def test_unreadable_weights_name_the_file(tmp_path: Path) -> None:
    with pytest.raises(InvalidOptionError, match=r"missing\.json"):
        SentenceScorer.load(tmp_path / "missing.json")


def test_kept_share_is_the_mean_of_unigram_and_bigram_precision() -> None:
    sentence = split_article(Article(id="a", text="Rescue boats reached stranded villagers."))
    reference = token_stems(tokenize("Boats reached the villagers after floods."))
    unigrams = set(reference)
    bigrams = sentence_bigrams(reference)
    # stems: rescu boat reach strand villag -> 3/5 unigrams; bigrams: boat reach of 4 -> 1/4
    assert kept_share(sentence.sentences[0], unigrams, bigrams) == pytest.approx(
        (3 / 5 + 1 / 4) / 2)


def test_lexicon_learns_which_stems_summaries_keep() -> None:
    examples = [([f"The minister resigned over the scandal. Subscribe to our newsletter {i}."],
                 "The minister resigned.") for i in range(60)]
    lexicon = fit_lexicon(examples, min_sources=10)
    assert lexicon.keep["minist"] > lexicon.default_keep > lexicon.keep["newslett"]
    assert lexicon.idf["minist"] == pytest.approx(0.0)


def test_regression_learns_to_prefer_kept_sentences(example_story: Story) -> None:
    lexicon = load_scorer().lexicon
    lead = " ".join(a.sentences[0].text for a in example_story.articles)
    scorer = fit([(example_story, lead)], lexicon, "example")
    sentences = example_story.sentences
    matrix = sentence_features(sentences, SentenceVectors.build(sentences),
                               len(example_story.articles), lexicon)
    scores = scorer.predict(matrix)
    firsts = np.array([s.index == 0 for s in sentences])
    assert scores[firsts].mean() > scores[~firsts].mean()
    assert SentenceScorer.from_dict(scorer.to_dict()).predict(matrix) == pytest.approx(scores)


def test_fit_without_examples_is_refused() -> None:
    with pytest.raises(InvalidOptionError, match="no training example"):
        fit([], Lexicon({}, {}, 1.0, 0.0))


def test_train_command_writes_weights_the_summarizer_reads(
        shared_data: Path, tmp_path: Path, example_story: Story) -> None:
    output = tmp_path / "weights.json"
    code = main(["train", "--data", str(shared_data / "multinews" / "train.jsonl.gz"),
                 "--limit", "3", "--lexicon-limit", "5", "-o", str(output)])
    assert code == 0
    scorer = SentenceScorer.load(output)
    assert "clusters 0-2" in scorer.trained_on
    chosen = LearnedSummarizer(weights=output).select(example_story, Budget(60))
    assert chosen and sum(len(i.sentence.text.split()) for i in chosen) <= 60


def test_train_command_reports_missing_data_in_one_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["train", "--data", str(tmp_path / "nope.jsonl.gz"), "--limit", "2"])
    assert code == 1
    assert "nope.jsonl.gz" in capsys.readouterr().err


def _sentences(*texts: str) -> tuple[Sentence, ...]:
    return split_article(Article(id="a", text=" ".join(texts))).sentences


LONG = ("Officials said on Monday that the new bridge over the river, which had been planned "
        "for more than a decade and was delayed twice by disputes over its cost and route, "
        "would open to traffic in the spring, easing congestion in the old town centre where "
        "lorries now queue for hours, and that a second crossing further south was being "
        "studied by engineers from the regional transport authority.")


def test_long_sentences_compete_only_when_allowed() -> None:
    sentences = _sentences("The bridge will open in spring.", LONG,
                           "Engineers are studying a second crossing to the south.")
    assert len(sentences[1].text.split()) > 60
    scores = np.array([0.1, 0.9, 0.2])
    assert ranked_rows(sentences, scores) == [2, 0, 1]  # the long one only fills
    assert ranked_rows(sentences, scores, allow_long=True) == [1, 2, 0]


def test_at_equal_share_the_longer_sentence_ranks_first() -> None:
    sentences = _sentences("The bridge opens in spring.",
                           "The new bridge over the river opens to traffic in the spring.")
    vectors = SentenceVectors.build(sentences)
    chosen = select_by_share(sentences, np.array([0.5, 0.5]), vectors, 0.4, Budget(12))
    assert [item.sentence.index for item in chosen] == [1]
    both = select_by_share(sentences, np.array([0.5, 0.5]), vectors, 1.0, Budget(40))
    assert [item.sentence.index for item in both] == [1, 0]
    assert both[0].score == pytest.approx(0.5 * 12 ** LENGTH_EXPONENT)


def test_a_repeat_of_a_chosen_sentence_is_skipped() -> None:
    sentences = _sentences("Protesters stormed the government building in Bishkek on Wednesday.",
                           "Protesters stormed the government building in Bishkek.",
                           "The president fled the capital by plane.")
    vectors = SentenceVectors.build(sentences)
    chosen = select_by_share(sentences, np.array([0.6, 0.5, 0.3]), vectors, REDUNDANCY,
                             Budget(100))
    assert [item.sentence.index for item in chosen] == [0, 2]
