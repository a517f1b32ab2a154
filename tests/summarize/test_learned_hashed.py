"""The hashed lexical model of the learned summarizer: features are stable hashes of what a
sentence says, the fit learns which words a summary keeps, the shipped table loads small and
moves the ranking the right way, and ``newsweave train --hashed-output`` refits it."""

from __future__ import annotations

import zlib
from importlib import resources
from pathlib import Path

import numpy as np
import pytest

from newsweave.cli import main
from newsweave.errors import InvalidOptionError
from newsweave.models import Article, Budget, Sentence, Story
from newsweave.summarize import hashed
from newsweave.summarize.base import Scored
from newsweave.summarize.learned import (
    BLEND,
    HASHED_RESOURCE,
    LearnedSummarizer,
    load_hashed,
)
from newsweave.text import split_article


def _article(article_id: str, *texts: str) -> Article:
    return split_article(Article(id=article_id, text=" ".join(texts)))


def _sentences(*texts: str) -> tuple[Sentence, ...]:
    return _article("a", *texts).sentences


def _code(term: str) -> int:
    return zlib.crc32(term.encode("utf-8"))


def test_terms_are_crc32_of_their_stem_so_tables_outlive_the_process() -> None:
    assert hashed.token_code("ministers") == _code("minist")
    assert hashed.token_code("the") == _code("the")  # stop words stay as they are
    assert hashed.column("#bias") == _code("#bias") % hashed.COLUMNS


def test_a_bigram_column_depends_on_the_order_of_its_terms() -> None:
    police, said = np.array([_code("polic")], np.uint64), np.array([_code("said")], np.uint64)
    assert hashed.bigram_columns(police, said) != hashed.bigram_columns(said, police)
    assert 0 <= int(hashed.bigram_columns(police, said)[0]) < hashed.COLUMNS


def test_a_sentence_is_its_stems_their_bigrams_and_context_tokens() -> None:
    sentence = _sentences("The minister resigned on Monday.")[0]
    rows, cols, vals = hashed.hashed_rows((sentence,), articles=3)
    lexical = vals[vals < 1.0]
    assert len(lexical) == 5 + 4 and lexical.sum() == pytest.approx(1.0)  # a density
    minister, resigned = (np.array([_code(t)], np.uint64) for t in ("minist", "resign"))
    assert _code("minist") % hashed.COLUMNS in cols.tolist()
    assert int(hashed.bigram_columns(minister, resigned)[0]) in cols.tolist()
    assert hashed.column("#ia0") in cols.tolist() and hashed.column("#n3") in cols.tolist()
    assert len(cols) == 9 + 6  # no quote mark
    assert set(rows.tolist()) == {0}


def test_a_quoted_sentence_gets_the_quote_token() -> None:
    sentences = _sentences('"We will rebuild," the mayor said.', "The mayor spoke.")
    rows, cols, _ = hashed.hashed_rows(sentences, 1)
    assert rows[cols == hashed.column("#quote")].tolist() == [0]


def test_article_place_counts_articles_in_story_order() -> None:
    story = Story((_article("x", "Floods hit the north."), _article("y", "Rain fell again.")))
    rows, cols, _ = hashed.hashed_rows(story.sentences, len(story.articles))
    assert hashed.column("#a1") in cols[rows == 1].tolist()
    assert hashed.column("#a1") not in cols[rows == 0].tolist()


NEWS = ("The minister resigned after the bribery scandal.",
        "Police arrested two officials on Monday.")
FURNITURE = ("Subscribe to our newsletter for more stories.",
             "Click here to enable javascript in your browser.")


def _kept_news_examples(count: int) -> list[tuple[tuple[Sentence, ...], int, np.ndarray]]:
    sentences = _sentences(*NEWS, *FURNITURE)
    return [(sentences, 1, np.array([0.8, 0.7, 0.0, 0.1]))] * count


def test_fit_learns_which_words_a_summary_keeps() -> None:
    model = hashed.fit(_kept_news_examples(3), keep=200)
    scores = model.score(_sentences("The minister resigned.", "Subscribe to our newsletter."), 1)
    assert scores[0] > scores[1]
    assert len(model.columns) <= 200


def test_fit_without_sentences_is_refused() -> None:
    with pytest.raises(ValueError, match="no training sentence"):
        hashed.fit([])


def test_pruning_keeps_the_coefficients_that_move_predictions_most() -> None:
    coefficients = np.array([0.0, -3.0, 0.5, 2.0, 0.0])
    mass = np.array([9.0, 1.0, 100.0, 0.1, 0.0])  # column 2 is common, column 3 rare
    model = hashed.prune(coefficients, mass, keep=2)
    assert model.columns.tolist() == [1, 2]
    assert model.values.tolist() == [-3.0, 0.5]


def test_a_saved_table_scores_as_the_fitted_one(tmp_path: Path) -> None:
    model = hashed.fit(_kept_news_examples(2), keep=100, trained_on="toy")
    path = tmp_path / "toy.npz"
    model.save(path)
    loaded = hashed.HashedModel.load(path)
    sentences = _sentences(*NEWS)
    assert loaded.trained_on == "toy"
    assert loaded.score(sentences, 1) == pytest.approx(model.score(sentences, 1), rel=1e-2)


@pytest.mark.parametrize("content", [b"not a table", b"PK\x03\x04 cut short"])
def test_an_unreadable_table_names_the_file(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "broken.npz"
    path.write_bytes(content)
    with pytest.raises(InvalidOptionError, match=r"broken\.npz"):
        load_hashed(path)


def test_shipped_table_is_small_and_loads_from_package_data() -> None:
    data = resources.files("newsweave.data").joinpath(HASHED_RESOURCE)
    assert len(data.read_bytes()) < 700_000
    model = load_hashed()
    assert 30_000 <= len(model.columns) <= hashed.KEEP
    assert model.columns.max() < hashed.COLUMNS
    assert "clusters" in model.trained_on


REPORT = (
    "Kyrgyzstan's interim government said on Thursday that the death toll from ethnic "
    "clashes in the south had risen to 170.",
    "Thousands of ethnic Uzbeks fled across the border into Uzbekistan.",
)
COMMENT = "The big question now is whether he will come back, our correspondent adds."
FURNITURE_LINES = ("Follow us on Twitter and Facebook for the latest updates.",
                   "Click here to subscribe to our newsletter.")


def test_shipped_table_ranks_reports_over_comment_and_page_furniture() -> None:
    scores = load_hashed().score(_sentences(*REPORT, COMMENT, *FURNITURE_LINES), 1)
    assert min(scores[:2]) > scores[2] > max(scores[3:])


def test_the_blend_moves_the_ranking_toward_reported_facts(example_story: Story) -> None:
    budget = Budget(150)
    ridge = LearnedSummarizer(blend=0.0).select(example_story, budget)
    blended = LearnedSummarizer().select(example_story, budget)
    assert BLEND > 0 and sum(len(i.sentence.text.split()) for i in blended) <= 150

    def resignation(chosen: list[Scored]) -> bool:
        return any("request to resign" in item.sentence.text for item in chosen)

    # the story's news is that Bakiyev resigned; the ridge alone fills with shots fired in
    # the air and "There were no reports of injuries."
    assert resignation(blended) and not resignation(ridge)


def test_train_command_refits_the_hashed_model(
        shared_data: Path, tmp_path: Path, example_story: Story) -> None:
    weights, table = tmp_path / "weights.json", tmp_path / "hashed.npz"
    code = main(["train", "--data", str(shared_data / "multinews" / "train.jsonl.gz"),
                 "--limit", "3", "--lexicon-limit", "5", "--hashed-limit", "5",
                 "--hashed-keep", "2000", "-o", str(weights), "--hashed-output", str(table)])
    assert code == 0
    model = hashed.HashedModel.load(table)
    assert "clusters 3-7" in model.trained_on and 0 < len(model.columns) <= 2000
    chosen = LearnedSummarizer(weights=weights, hashed=table).select(example_story, Budget(60))
    assert chosen and sum(len(i.sentence.text.split()) for i in chosen) <= 60
