"""The conflicts scorer on a hand-made case, and the evaluation over the hand annotations."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from newsweave.cli import main
from newsweave.evaluate.conflicts import (
    GoldError,
    benchmark_story,
    evaluate,
    load_gold,
    matches,
    score,
    time_analysis,
)
from newsweave.models import SentenceRef

GOLD = Path(__file__).resolve().parents[1] / "data" / "conflicts"
EXAMPLE_GOLD = GOLD / "example-kyrgyzstan-2010.json"


def ref(article: str, index: int) -> SentenceRef:
    return SentenceRef(article, index)


def test_scorer_on_a_hand_made_case() -> None:
    toll = frozenset({ref("a", 1), ref("b", 4), ref("c", 2)})
    asylum = frozenset({ref("b", 9), ref("c", 7)})
    gold = (toll, asylum)
    found = [
        frozenset({ref("a", 1), ref("c", 2), ref("d", 5)}),  # links two toll sentences: match
        frozenset({ref("b", 9), ref("b", 4)}),  # one sentence of each gold: no match
        frozenset({ref("a", 1), ref("a", 3)}),  # one document only: no match
    ]
    result = score(found, gold)
    assert (result.gold, result.found, result.found_matching, result.gold_matched) == (2, 3, 1, 1)
    assert result.precision == pytest.approx(1 / 3)
    assert result.recall == pytest.approx(1 / 2)
    assert not matches({ref("b", 9), ref("b", 4)}, asylum)
    assert (result + result).recall == pytest.approx(1 / 2)


def test_example_annotation_scores_without_shared_data(example_dir: Path, tmp_path: Path
                                                      ) -> None:
    gold = load_gold(EXAMPLE_GOLD, tmp_path, example_dir.parent)
    assert len(gold.conflicts) == 7
    [result] = evaluate([gold])
    assert result.score.precision == 1.0
    assert result.score.gold_matched >= 4  # death toll, Belarus asylum, arrest, resignation


def test_a_span_that_is_not_there_is_a_clear_error(example_dir: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(EXAMPLE_GOLD.read_text().replace("left at least 80 people dead",
                                                    "left at least 81 people dead"))
    with pytest.raises(GoldError, match="81 people"):
        load_gold(bad, tmp_path, example_dir.parent)


def test_ecbplus_report_is_named_by_its_outlet_and_loses_its_url_line(tmp_path: Path) -> None:
    import gzip
    import json

    text = ("http: / / www. nydailynews. com / news / national / texas - escape\n"
            "Texas convict escapes\n"
            "Rewards totaling $30, 000 are offered for information leading to the escapee.\n"
            "A spokeswoman said Thursday that the convicted sex offender was still on the run.")
    topic = {"topic": "3", "documents": {"3_5ecbplus": text, "3_5ecb": "Another event."}}
    (tmp_path / "ecbplus").mkdir()
    with gzip.open(tmp_path / "ecbplus" / "entities_train.jsonl.gz", "wt") as handle:
        handle.write(json.dumps(topic) + "\n")
    story = benchmark_story(tmp_path, "ecbplus", "3_ecbplus", ["3_5ecbplus"])
    [article] = story.articles
    assert article.label == "nydailynews.com"
    assert "http" not in " ".join(s.text for s in article.sentences)
    with pytest.raises(GoldError, match="3_ecbplus has no document 3_5ecb"):
        benchmark_story(tmp_path, "ecbplus", "3_ecbplus", ["3_5ecb"])


@pytest.mark.parametrize("cluster", ["36_ecbplus", "45_ecb", "3_plus"])
def test_ecbplus_test_topics_and_malformed_names_are_refused(cluster: str, tmp_path: Path
                                                             ) -> None:
    with pytest.raises(GoldError, match=cluster):
        benchmark_story(tmp_path, "ecbplus", cluster, ["x"])


def test_eval_over_all_annotations(shared_data: Path, example_dir: Path) -> None:
    golds = [load_gold(p, shared_data, example_dir.parent) for p in sorted(GOLD.glob("*.json"))]
    assert len(golds) >= 88
    assert all(len(g.story.articles) >= 3 for g in golds)
    results = evaluate([g for g in golds if g.split == "dev"])
    totals = {}
    for corpus in ("DUC", "ECB+"):
        scores = [r.score for r in results if r.corpus == corpus]
        totals[corpus] = sum(scores[1:], scores[0])
    assert totals["DUC"].gold >= 130 and totals["ECB+"].gold >= 40
    # Regression floors below the dev figures docs/bench/conflicts.md reports (round eight's
    # start: DUC and the example P 0.89, R 0.50; ECB+ dev, 48 sub-topics with round seven's
    # held-out set, P 0.57, R 0.22); the held-out ECB+ test figures are reported, not asserted.
    assert totals["DUC"].precision >= 0.8
    assert totals["DUC"].recall >= 0.45
    assert totals["ECB+"].precision >= 0.5
    assert totals["ECB+"].recall >= 0.2


def test_cli_prints_the_table(example_dir: Path, tmp_path: Path,
                              capsys: pytest.CaptureFixture[str]) -> None:
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    (gold_dir / EXAMPLE_GOLD.name).write_text(EXAMPLE_GOLD.read_text())
    code = main(["eval-conflicts", "--gold", str(gold_dir), "--data", str(tmp_path / "none"),
                 "--examples", str(example_dir.parent)])
    out, err = capsys.readouterr()
    assert code == 0
    assert "example-kyrgyzstan-2010" in out and "TOTAL" in out
    assert "scoring the bundled example only" in err


def test_cli_without_gold_files_fails_in_one_line(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval-conflicts", "--gold", str(tmp_path)]) == 1
    assert capsys.readouterr().err.strip().count("\n") == 0


def _duc_file_of_the_example(example_dir: Path, data: Path) -> None:
    """A one-cluster DUC 2006 file made of the bundled example's four reports."""
    import gzip
    import json

    texts = [p.read_text(encoding="utf-8") for p in sorted(example_dir.glob("*.txt"))]
    record = {"id": "D0601A", "documents": texts,
              "doc_ids": [f"APW2010040{k}.0001" for k in range(len(texts))]}
    (data / "duc2006").mkdir(parents=True)
    with gzip.open(data / "duc2006" / "duc2006.jsonl.gz", "wt", encoding="utf-8") as handle:
        handle.write(json.dumps(record) + "\n")


def test_whole_analysis_is_timed_section_by_section(example_dir: Path, tmp_path: Path) -> None:
    _duc_file_of_the_example(example_dir, tmp_path)
    [timing] = time_analysis(tmp_path)
    assert timing.cluster == "D0601A" and 3 <= timing.articles <= 4  # as DUC text, cleaned
    assert list(timing.sections) == ["entities", "timeline", "claims", "quotes"]
    assert timing.analysis > 0 and all(s > 0 for s in timing.sections.values())


def test_cli_prints_the_speed_table(example_dir: Path, tmp_path: Path,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    _duc_file_of_the_example(example_dir, tmp_path / "data")
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    (gold_dir / EXAMPLE_GOLD.name).write_text(EXAMPLE_GOLD.read_text())
    code = main(["eval-conflicts", "--gold", str(gold_dir), "--data", str(tmp_path / "data"),
                 "--examples", str(example_dir.parent), "--speed-clusters", "5"])
    out = capsys.readouterr().out
    assert code == 0
    assert "whole analysis of 1 DUC 2006 clusters" in out
    for section in ("analysis", "entities", "timeline", "claims", "quotes"):
        assert re.search(rf"^{section} +\d+\.\d\d +\d+\.\d\d +\d+\.\d\d +0$", out, re.M)
    assert "slowest: D0601A (" in out


def test_a_negative_number_of_speed_clusters_is_refused(tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]
                                                        ) -> None:
    assert main(["eval-conflicts", "--speed-clusters", "-1"]) == 1
    assert "--speed-clusters -1" in capsys.readouterr().err
