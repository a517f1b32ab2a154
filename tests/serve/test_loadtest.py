"""The load-test tool runs end to end (a few requests; the real run is a benchmark)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from newsweave.errors import NewsweaveError
from newsweave.serve.loadtest import cpu_seconds, measured, payload, run_load, table

SPIN = "import time\nend = time.process_time() + 0.3\nwhile time.process_time() < end: pass"
"""A child that uses 0.3 s of CPU and ends."""


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


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux's /proc")
def test_cpu_seconds_count_the_tree_ended_children_included() -> None:
    before = cpu_seconds(os.getpid())
    subprocess.run([sys.executable, "-c", SPIN], check=True)
    after = cpu_seconds(os.getpid())
    assert before is not None and after is not None
    assert after - before >= 0.3
    assert cpu_seconds(2**22 + 1) is None  # above Linux's largest pid: no such process


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux's /proc")
def test_a_measured_run_reports_the_cores_the_server_used(live_url: str,
                                                          example_dir: Path) -> None:
    """The live server runs in this process (its brief workers under it)."""
    result = measured(live_url, os.getpid(), payload(example_dir), requests=4, concurrency=2,
                      query="?analysis=false")
    assert result.server_cpu_seconds is not None and result.server_cpu_seconds > 0
    cores = table(result, 4, 2).splitlines()[2].split("|")[-2]
    assert 0 < float(cores) < os.cpu_count() + 1
