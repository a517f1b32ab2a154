"""``newsweave eval-timeline`` end to end: its tables, and a one-line error for bad data."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsweave.cli import main


def test_prints_scores_per_corpus_and_the_speed_table(
    shared_data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["eval-timeline", "--data", str(shared_data), "--limit", "3",
                 "--speed-clusters", "1"])
    out = capsys.readouterr().out
    assert code == 0
    rows = {line.split(" / ")[0]: line for line in out.splitlines() if " / newsweave" in line}
    assert set(rows) == {"timebank", "aquaint", "combined"}
    assert "D0601A" in out
    assert "slowest:" in out


def test_a_missing_data_folder_is_one_line_and_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["eval-timeline", "--data", str(tmp_path / "nowhere")])
    err = capsys.readouterr().err
    assert code == 1
    assert err.count("\n") == 1
    assert "InvalidOptionError" in err and "nowhere" in err
