"""The CLI end to end, as a user runs it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from newsweave import __version__
from newsweave.cli import main


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "newsweave.cli", *args],
                          capture_output=True, text=True, timeout=60)


def test_brief_of_example_in_a_subprocess(example_dir: Path) -> None:
    done = run("brief", str(example_dir))
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("# Kyrgyz ex-leader Kurmanbek Bakiyev flies to Kazakhstan")
    assert "*[BBC; also RFE/RL, CNN]*" in done.stdout
    assert done.stderr == ""


@pytest.mark.parametrize("suffix, check", [
    (".json", lambda text: json.loads(text)["algorithm"]),
    (".html", lambda text: text.startswith("<!doctype html>")),
    (".md", lambda text: text.startswith("# ")),
])
def test_output_file_format_follows_suffix(
    tmp_path: Path, example_dir: Path, suffix: str, check: object
) -> None:
    out = tmp_path / f"brief{suffix}"
    assert main(["brief", str(example_dir), "--sentences", "3", "-o", str(out)]) == 0
    assert check(out.read_text(encoding="utf-8"))  # type: ignore[operator]


def test_format_flag_wins(example_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["brief", str(example_dir), "--format", "json", "--words", "50"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["budget"] == {"limit": 50, "unit": "words"}


def test_bad_input_is_one_line_and_exit_1(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    done = run("brief", str(empty))
    assert done.returncode == 1
    assert done.stderr == f"newsweave: NoArticleError: {empty}: file is empty\n"
    assert "Traceback" not in done.stderr


def test_a_story_too_large_to_brief_is_refused_in_one_line(tmp_path: Path) -> None:
    """A 1.3 MB log of 52,000 short readings, far under the file limit, holds more sentences
    than a brief reads: one line and exit 1, not minutes of analysis."""
    huge = tmp_path / "gauges.txt"
    huge.write_text("\n\n".join(" ".join(f"Gauge {k} read {j} metres." for j in range(10))
                                 for k in range(5_200)), encoding="utf-8")
    done = run("brief", str(huge))
    assert done.returncode == 1
    assert done.stderr == ("newsweave: StoryTooLargeError: the reports hold 52,000 sentences; "
                           "a brief reads at most 50,000 (some 1,800 news reports): give "
                           "fewer or shorter reports\n")


def test_skipped_input_is_a_warning_and_brief_still_made(
    tmp_path: Path, example_dir: Path
) -> None:
    (tmp_path / "blob.txt").write_bytes(b"\x00\x01\x02" * 100)
    done = run("brief", str(tmp_path), str(example_dir / "001_0644b31f70d166b7.txt"))
    assert done.returncode == 0
    assert f"newsweave: warning: skipped {tmp_path / 'blob.txt'}: binary file" in done.stderr
    assert "## Summary" in done.stdout


def test_usage_errors_exit_2(example_dir: Path) -> None:
    done = run("brief", str(example_dir), "--words", "10", "--bytes", "10")
    assert done.returncode == 2
    assert "not allowed with argument" in done.stderr
    assert run("brief", str(example_dir), "--algorithm", "magic").returncode == 2


@pytest.mark.parametrize("value", ["0", "-5", "lots"])
def test_max_bytes_must_be_a_positive_number(example_dir: Path, value: str) -> None:
    done = run("brief", str(example_dir), "--max-bytes", value)
    assert done.returncode == 2
    assert "argument --max-bytes:" in done.stderr.splitlines()[-1]


def test_a_budget_no_sentence_fits_says_the_summary_is_empty(example_dir: Path) -> None:
    done = run("brief", str(example_dir), "--bytes", "10", "--no-analysis")
    assert done.returncode == 0
    warning = "the summary is empty: no sentence fits in 10 bytes; the shortest has 34"
    assert done.stderr == f"newsweave: warning: {warning}\n"
    assert f"## Warnings\n\n- {warning}" in done.stdout


def test_version_and_help() -> None:
    assert run("--version").stdout.strip() == f"newsweave {__version__}"
    helped = run("brief", "--help")
    assert "algorithms:" in helped.stdout and "centroid" in helped.stdout


def test_missing_extra_is_one_line_naming_it(monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    """Without the eval extra, eval says which extra to install (simulated: sumy hidden)."""
    import builtins

    real_import = builtins.__import__

    def no_sumy(name: str, *args: object, **kwargs: object) -> object:
        if name == "sumy" or name.startswith("sumy."):
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return real_import(name, *args, **kwargs)  # type: ignore[arg-type]

    import newsweave.evaluate

    for module in [m for m in sys.modules if m.startswith(("sumy", "newsweave.evaluate.peers"))]:
        monkeypatch.delitem(sys.modules, module)
    monkeypatch.delattr(newsweave.evaluate, "peers", raising=False)
    monkeypatch.setattr(builtins, "__import__", no_sumy)
    assert main(["eval", "nowhere.jsonl"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("newsweave: MissingExtraError: newsweave eval needs the eval extra (sumy")
    assert "pip install 'newsweave[eval]'" in err
