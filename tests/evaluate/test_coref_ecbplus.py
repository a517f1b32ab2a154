"""ECB+ entity coreference on a couple of dev topics, and the eval-entities command.

Skipped where ../shared/data is absent. Topics 36-45 (ECB+ test) must be refused unread.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from newsweave.cli import main
from newsweave.evaluate.coref import score
from newsweave.evaluate.ecbplus import (
    EcbPlusError,
    detection_scores,
    evaluate,
    gold_chains,
    link_mentions,
    load_topics,
)

DEV_TOPICS = ["2", "5"]


@pytest.fixture(scope="module")
def dev_file(shared_data: Path) -> Path:
    return shared_data / "ecbplus" / "entities_dev.jsonl.gz"


def test_topics_keep_only_eval_sentence_human_and_loc_mentions(dev_file: Path) -> None:
    topics = load_topics(dev_file, DEV_TOPICS)
    assert [t.id for t in topics] == DEV_TOPICS
    for topic in topics:
        assert topic.mentions
        for m in topic.mentions:
            assert m.type in {"HUMAN", "LOC"}
            assert topic.documents[m.doc][m.start:m.end] == m.text
            assert m.sentence in topic.eval_sentences[m.doc]


def test_every_gold_mention_lands_in_exactly_one_entity(dev_file: Path) -> None:
    topic = load_topics(dev_file, ["2"])[0]
    groups = link_mentions(topic)
    keys = [m.key for group in groups for m in group]
    assert sorted(keys) == sorted(m.key for m in topic.mentions)
    assert all(len({m.type for m in group}) == 1 for group in groups)


def test_dev_topics_beat_the_singleton_and_one_entity_baselines(dev_file: Path) -> None:
    topics = load_topics(dev_file, DEV_TOPICS)
    key = gold_chains(topics)
    mentions = [m.key for t in topics for m in t.mentions]
    ours = evaluate(topics)
    singletons = score(key, [{m} for m in mentions])
    one_each = score(key, [{m.key for m in t.mentions} for t in topics])
    assert ours.conll_f1 > max(singletons.conll_f1, one_each.conll_f1) + 0.15
    assert ours.conll_f1 > 0.65


def test_names_are_grouped_across_documents(dev_file: Path) -> None:
    topic = load_topics(dev_file, ["2"])[0]
    degeneres = [g for g in link_mentions(topic)
                 if any(m.text == "Ellen DeGeneres" for m in g)]
    assert len(degeneres) == 1
    assert len({m.doc for m in degeneres[0]}) > 5


def test_test_topics_are_refused(dev_file: Path) -> None:
    with pytest.raises(EcbPlusError, match="test topics"):
        load_topics(dev_file, ["36"])


def test_an_unknown_topic_is_named_with_the_ones_held(dev_file: Path) -> None:
    with pytest.raises(EcbPlusError, match="no topic 99; it holds: 2, 5"):
        load_topics(dev_file, ["99"])


def test_rule_finder_finds_most_gold_names(dev_file: Path) -> None:
    found = detection_scores(load_topics(dev_file, ["2"]), "rules")
    assert found.gold > 50
    assert found.recall > 0.4
    assert found.precision > 0.4


def test_eval_entities_prints_the_tables(shared_data: Path, capsys: pytest.CaptureFixture[str]
                                         ) -> None:
    code = main(["eval-entities", "--data", str(shared_data), "--topics", "2",
                 "--ner", "rules", "--no-speed"])
    out = capsys.readouterr().out
    assert code == 0
    assert "CoNLL F1" in out
    assert "rules" in out
    assert "MUC" in out and "CEAF-e" in out


def test_eval_entities_refuses_a_test_topic(shared_data: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval-entities", "--data", str(shared_data), "--topics", "40"]) == 1
    assert "EcbPlusError" in capsys.readouterr().err
