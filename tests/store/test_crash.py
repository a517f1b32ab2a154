"""A crash mid-ingest (SIGKILL) loses no acknowledged article and leaves the store consistent."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

from newsweave.models import Story

ARTICLES = 600
BATCH = 10
KILL_AFTER_COMMITS = 3


def _stream(story: Story, path: Path) -> list[str]:
    """Distinct articles made from the example's paragraphs, rotated and with a line added."""
    ids = []
    with path.open("w", encoding="utf-8") as handle:
        for number in range(ARTICLES):
            article = story.articles[number % len(story.articles)]
            paragraphs = article.text.split("\n")
            turn = number % len(paragraphs)
            text = "\n".join(paragraphs[turn:] + paragraphs[:turn])
            text += f"\nUpdate {number}: officials in Bishkek gave a new count at {number} GMT."
            ids.append(f"wire-{number}")
            handle.write(json.dumps({"id": ids[-1], "text": text, "source": article.source})
                         + "\n")
    return ids


def _ingest(stream: Path, db: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "newsweave.cli", "ingest", str(stream), "--db", str(db),
         "--batch-size", str(BATCH)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _acknowledged_before_kill(process: subprocess.Popen[str]) -> int:
    assert process.stderr is not None
    commits = 0
    acknowledged = 0
    for line in process.stderr:
        if line.startswith("newsweave: committed "):
            acknowledged = int(line.split()[2])
            commits += 1
            if commits == KILL_AFTER_COMMITS:
                process.send_signal(signal.SIGKILL)
                break
    process.wait()
    return acknowledged


def _check_consistent(db: Path) -> list[str]:
    """Integrity, and every invariant between articles and stories; the stored ids by seq."""
    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        ids = [row[0] for row in connection.execute("SELECT id FROM articles ORDER BY seq")]
        seqs = [row[0] for row in connection.execute("SELECT seq FROM articles ORDER BY seq")]
        assert seqs == list(range(1, len(ids) + 1))
        sizes = dict(connection.execute("SELECT id, size FROM stories"))
        counted = dict(connection.execute(
            "SELECT story_id, COUNT(*) FROM articles GROUP BY story_id"))
        assert sizes == counted  # no story without its articles, no article without its story
    return ids


def test_sigkill_mid_ingest_loses_nothing_acknowledged(example_story: Story,
                                                        tmp_path: Path) -> None:
    ids = _stream(example_story, tmp_path / "wire.jsonl")
    db = tmp_path / "news.db"
    process = _ingest(tmp_path / "wire.jsonl", db)
    acknowledged = _acknowledged_before_kill(process)
    assert process.returncode == -signal.SIGKILL
    assert acknowledged == KILL_AFTER_COMMITS * BATCH
    stored = _check_consistent(db)
    assert len(stored) < ARTICLES, "the ingest finished before it could be killed"
    assert stored == ids[:len(stored)]  # every acknowledged article, and in order
    assert len(stored) >= acknowledged

    rerun = _ingest(tmp_path / "wire.jsonl", db)
    out, err = rerun.communicate(timeout=300)
    assert rerun.returncode == 0, err
    assert f"skipped {len(stored)} already stored" in out
    assert _check_consistent(db) == ids
