"""The load-test tool runs end to end (a few requests; the real run is a benchmark)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsweave.errors import NewsweaveError
from newsweave.serve.loadtest import payload, run_load, table


def test_a_small_load_run_succeeds_and_reports_percentiles(live_url: str,
                                                           example_dir: Path) -> None:
    result = run_load(live_url, payload(example_dir), requests=4, concurrency=2,
                      query="?analysis=false")
    assert result.failures == {}
    assert len(result.latencies) == 4
    assert 0 < result.percentile(50) <= result.percentile(99) <= result.percentile(100)
    assert table(result, 4, 2).splitlines()[2].startswith("| 4 | 2 | 4 | 0 | ")


def test_failures_are_counted_by_status(live_url: str) -> None:
    result = run_load(live_url, b'{"articles": []}', requests=2, concurrency=2, query="")
    assert result.failures == {"422": 2}


def test_a_folder_without_reports_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(NewsweaveError, match=r"no \.txt reports"):
        payload(tmp_path)
