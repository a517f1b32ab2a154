"""ingest, stories, recluster and brief --story, through the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsweave.cli import main


@pytest.fixture
def db(tmp_path: Path, example_dir: Path, capsys: pytest.CaptureFixture[str]) -> str:
    url = str(tmp_path / "news.db")
    assert main(["ingest", str(example_dir), "--db", url]) == 0
    out, err = capsys.readouterr()
    assert out == "stored 4 articles (0 near-duplicates), skipped 0 already stored; 1 new stories\n"
    assert err == "newsweave: committed 4 articles\n"
    return url


def test_stories_lists_the_story(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stories", "--db", db, "--json"]) == 0
    [story] = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert story["size"] == 4
    assert story["article_ids"][0] == "000_7afdc91638b36233"  # the input's own id (file stem)
    assert (story["first_published"], story["last_published"]) == ("2010-04-15", "2010-04-15")
    assert main(["stories", "--db", db, "--since", "2011-01-01"]) == 0
    assert capsys.readouterr().out == ""


def test_brief_of_a_stored_story(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["brief", "--story", "s1", "--db", db, "--words", "60"]) == 0
    out = capsys.readouterr().out
    assert "Bakiyev" in out or "Bakiev" in out
    assert "BBC" in out


def test_brief_needs_paths_or_story(db: str, example_dir: Path,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["brief", str(example_dir), "--story", "s1", "--db", db]) == 1
    assert capsys.readouterr().err == (
        "newsweave: InvalidOptionError: give PATHs or --story, not both\n")
    assert main(["brief", "--story", "s404", "--db", db]) == 1
    assert "StoreError: no story 's404'" in capsys.readouterr().err


def test_recluster_keeps_the_story(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["recluster", "--db", db]) == 0
    assert capsys.readouterr().out == "re-clustered 4 articles into 1 stories\n"


def test_briefs_written_per_story(db: str, tmp_path: Path,
                                  capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stories", "--db", db, "--briefs", str(tmp_path / "briefs")]) == 0
    assert capsys.readouterr().out.startswith("wrote 1 briefs")
    assert "Kyrgyz" in (tmp_path / "briefs" / "s1.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("command", [["stories"], ["brief", "--story", "s1"], ["recluster"]])
def test_reading_a_store_that_is_not_there_says_so_and_makes_no_file(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]) -> None:
    typo = tmp_path / "nwes.db"
    assert main([*command, "--db", str(typo)]) == 1
    assert capsys.readouterr().err == (f"newsweave: StoreError: no store at '{typo}': "
                                       "`newsweave ingest` makes one (--db or $NEWSWEAVE_DB "
                                       "names another)\n")
    assert not typo.exists()


def test_bad_sources_and_options_are_one_line_errors(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "news.db")
    assert main(["ingest", str(tmp_path / "missing.jsonl"), "--db", db]) == 1
    assert capsys.readouterr().err.endswith("missing.jsonl: no such file or folder\n")
    assert main(["ingest", str(tmp_path), "--db", db, "--threshold", "1.5"]) == 1
    assert "--threshold must be in (0, 1], got 1.5" in capsys.readouterr().err


def test_an_ingest_that_reads_nothing_fails(tmp_path: Path, example_dir: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "news.db")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "scan.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    assert main(["ingest", str(tmp_path / "empty.txt"), str(tmp_path / "scan.txt"),
                 "--db", db]) == 1
    err = capsys.readouterr().err
    assert "skipped " + str(tmp_path / "empty.txt") + ": file is empty" in err
    assert "scan.txt: binary file (a PNG image)" in err
    assert err.endswith("no article could be read from the sources given (the warnings above "
                        "say why)\n")
    assert main(["ingest", str(example_dir), "--db", db]) == 0
    assert main(["ingest", str(example_dir), "--db", db]) == 0  # all stored already: no error


def test_an_ingest_names_its_first_50_skipped_lines_and_counts_the_rest(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    stream = tmp_path / "feed.jsonl"
    page = [f"Paragraph {n} of a scraped page, saved as JSONL by mistake." for n in range(200)]
    good = json.dumps({"id": "a1", "text": "Kyrgyz opposition leaders said on Thursday they "
                       "had taken control of the government."})
    stream.write_text("\n".join([*page, good]) + "\n", encoding="utf-8")
    assert main(["ingest", str(stream), "--db", str(tmp_path / "n.db")]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("stored 1 articles")
    warnings = [line for line in err.splitlines() if line.startswith("newsweave: warning:")]
    assert len(warnings) == 51
    assert warnings[0].endswith("feed.jsonl:1: not JSON (Expecting value at column 1)")
    assert warnings[-1] == ("newsweave: warning: skipped 150 more inputs or lines, not listed "
                           "one by one")


def test_bad_jsonl_lines_are_warnings(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                      example_story: object) -> None:
    stream = tmp_path / "feed.jsonl"
    stream.write_text('{"id": "a1", "text": "Kyrgyz opposition leaders said on Thursday they '
                      'had taken control of the government."}\nnot json\n{"id": "a2"}\n',
                      encoding="utf-8")
    assert main(["ingest", str(stream), "--db", str(tmp_path / "n.db")]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("stored 1 articles")
    assert "feed.jsonl:2: not JSON" in err
    assert 'feed.jsonl:3: needs a non-empty "text" or "html" field' in err


def test_an_ingest_reads_a_json_array_and_names_what_a_folder_holds_that_it_skips(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        two_reports: list[dict[str, str]]) -> None:
    feed = tmp_path / "feed"
    (feed / "2010-archive").mkdir(parents=True)
    (feed / "notes.docx").write_bytes(b"PK\x03\x04")
    export = [{**report, "date": "2010-04-15"} for report in two_reports]
    # A pretty-printed export: line by line it is nothing but "not JSON".
    (feed / "export.json").write_text(json.dumps(export, indent=2), encoding="utf-8")
    db = str(tmp_path / "n.db")
    assert main(["ingest", str(feed), "--db", db]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("stored 2 articles")
    assert "not JSON" not in err
    assert f"skipped {feed / 'notes.docx'}: not a .txt, .html or .jsonl file" in err
    assert f"skipped {feed / '2010-archive'}: a folder inside a folder is not read" in err
    assert main(["stories", "--db", db]) == 0
    listed = capsys.readouterr().out
    assert "rferl-1" in listed and "bbc-1" in listed


def test_a_bad_line_says_where_without_repeating_itself(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    stream = tmp_path / "feed.jsonl"
    stream.write_text('{"id": "a1", "text": "Kyrgyz opposition leaders said on Thursday they '
                      'had taken control of the government."}\n{"id": "a2", "text": "cut',
                      encoding="utf-8")
    assert main(["ingest", str(stream), "--db", str(tmp_path / "n.db")]) == 0
    err = capsys.readouterr().err
    assert "feed.jsonl:2: not JSON (Unterminated string starting at column 22)" in err
