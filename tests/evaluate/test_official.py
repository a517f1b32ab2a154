"""The Python scorer agrees with the official ROUGE-1.5.5 Perl script on real DUC 2006 data."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsweave.evaluate.official import official_available, official_scores
from newsweave.evaluate.results import mean_score
from newsweave.evaluate.rouge import METRICS
from newsweave.evaluate.runner import EvalConfig, read_lines, run_all
from newsweave.models import Budget

CLUSTERS = 10
AGREEMENT_POINTS = 0.5
"""The issue's bar; the two differ only where the script's WordNet exception list stems an
irregular form ("ran" -> "run") that the Porter stemmer leaves alone."""


@pytest.mark.skipif(not official_available(),
                    reason="ROUGE-1.5.5 needs perl with XML::Parser (libxml-parser-perl)")
def test_python_and_official_rouge_agree_on_duc_2006(shared_data: Path) -> None:
    lines = read_lines(shared_data / "duc2006" / "duc2006.jsonl.gz", CLUSTERS)
    outcomes = run_all(lines, EvalConfig(Budget(250), (), ("lead",)))
    runs = [o.runs[0] for o in outcomes]
    theirs = official_scores([r.summary for r in runs], [o.reference_lines for o in outcomes])
    for metric in METRICS:
        ours = mean_score([r.scores[metric] for r in runs])
        assert 100 * abs(ours.recall - theirs[metric].recall) < AGREEMENT_POINTS, metric
        assert 100 * abs(ours.f1 - theirs[metric].f1) < AGREEMENT_POINTS, metric
        assert theirs[metric].recall > 0.02
