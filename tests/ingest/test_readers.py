"""Readers for every input format, and every kind of bad input."""

from __future__ import annotations

import gzip
import io
import json
import sys
from datetime import date
from pathlib import Path

import pytest

from newsweave.errors import IngestError, NoArticleError
from newsweave.ingest import read_articles

BODY = ("The river burst its banks on Monday, flooding the old town. "
        "Rescue teams evacuated about 300 residents overnight, officials said.")


def test_folder_of_text_files(example_dir: Path) -> None:
    result = read_articles([example_dir])
    assert [a.id for a in result.articles] == [
        "000_7afdc91638b36233", "001_0644b31f70d166b7", "002_e650edd0c95d0191",
        "003_4b1982676398886e"]
    assert all(a.sentences for a in result.articles)
    assert not result.warnings


def test_html_page_gives_text_title_date_and_site(tmp_path: Path) -> None:
    page = tmp_path / "flood.html"
    page.write_text(f"""<!doctype html><html><head><title>Flood hits old town | Daily News</title>
<meta property="og:site_name" content="Daily News">
<meta property="article:published_time" content="2021-07-12T08:00:00Z">
</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Flood hits old town</h1><p>{BODY}</p>
<p>The mayor said the damage would cost at least $2 million to repair.</p></article>
<footer>Copyright 2021 Daily News</footer></body></html>""", encoding="utf-8")
    (article,) = read_articles([page]).articles
    assert "Rescue teams evacuated about 300 residents" in article.text
    assert "Home" not in article.text and "Copyright" not in article.text
    assert article.title and "Flood hits old town" in article.title
    assert article.published == date(2021, 7, 12)
    assert article.source == "Daily News"


def test_jsonl_articles_keep_their_ids_and_metadata(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    lines = [
        {"id": "reuters-1", "text": BODY, "source": "Reuters", "title": "Flood",
         "url": "https://example.org/1", "published": "2021-07-12"},
        {"id": "ap-7", "html": f"<html><body><article><p>{BODY} Water rose fast in the "
         "night and the bridge closed.</p></article></body></html>", "source": "AP"},
    ]
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    articles = read_articles([path]).articles
    assert [a.id for a in articles] == ["reuters-1", "ap-7"]
    assert articles[0].published == date(2021, 7, 12)
    assert articles[0].url == "https://example.org/1"
    assert articles[1].source == "AP"
    assert all(s.article_id == a.id for a in articles for s in a.sentences)


def test_a_wire_headline_in_capitals_is_read_in_its_storys_casing(tmp_path: Path) -> None:
    path = tmp_path / "wire.jsonl"
    path.write_text(json.dumps({"id": "NYT-1", "title": "&HT; RIVER BURSTS ITS BANKS IN OLD TOWN",
                                "text": BODY}) + "\n", encoding="utf-8")
    assert read_articles([path]).articles[0].title == "River bursts its banks in old town"


def test_cluster_line_gzipped(tmp_path: Path) -> None:
    path = tmp_path / "clusters.jsonl.gz"
    record = {"id": "c42", "documents": [BODY, "Officials said 300 people left their homes."],
              "summaries": ["A flood."]}
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.write(json.dumps(record) + "\n")
    assert [a.id for a in read_articles([path]).articles] == ["c42/0", "c42/1"]


def test_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(BODY.encode("utf-8"))))
    (article,) = read_articles(["-"]).articles
    assert article.origin == "<stdin>"
    assert len(article.sentences) == 2


def test_cp1252_text_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "cafe.txt"
    path.write_bytes("Café owners in München said the naïve plan would fail, "
                     "and the mayor disagreed.".encode("cp1252"))
    (article,) = read_articles([path]).articles
    assert article.text.startswith("Café owners in München said the naïve plan")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_or_without_bom_is_decoded(tmp_path: Path, encoding: str) -> None:
    """Windows tools write UTF-16 with a byte-order mark; some exports leave it out."""
    path = tmp_path / "utf16.txt"
    text = BODY + " The café reopened on Tuesday."
    path.write_bytes(text.encode(encoding))
    assert read_articles([path]).articles[0].text == text


@pytest.mark.parametrize("name, content, message", [
    ("empty.txt", b"", "file is empty"),
    ("blank.txt", b"   \n\n  ", "file is empty"),
    ("photo.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "binary file (a PNG image)"),
    ("noise.txt", bytes(range(256)) * 20, "binary file"),
    ("menu.html", b"<html><body><nav><a href='/'>Home</a></nav></body></html>",
     "no article text found"),
    ("bad.jsonl", b"this is not json\n", "line 1: not JSON"),
    ("list.jsonl", b"[1, 2]\n", "item 0: expected a JSON object, got int"),
    ("cut.json", b'[{"id": "a", "text": "x"},\n {"id": "b"', "not a JSON array (Expecting ',' "
     "delimiter at column 12 of line 2)"),
    ("notext.jsonl", b'{"title": "no body"}\n', 'needs a non-empty "text" or "html" field'),
    ("date.jsonl", json.dumps({"text": BODY, "published": "someday"}).encode(),
     "is not a date"),
])
def test_bad_input_gives_one_clear_error(
    tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(IngestError, match=None) as caught:
        read_articles([path])
    assert message in str(caught.value)
    assert name in str(caught.value)


def test_huge_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    with pytest.raises(NoArticleError,
                       match=r"huge.txt: file is 50.0 MiB, over the limit of 20.0 MiB"):
        read_articles([path])


def test_a_small_limit_is_said_in_bytes(example_dir: Path) -> None:
    report = example_dir / "000_7afdc91638b36233.txt"
    with pytest.raises(NoArticleError, match=r"file is 3,408 bytes, over the limit of 1,000 "
                       r"bytes \(raise it with --max-bytes\)"):
        read_articles([report], max_bytes=1000)


def test_empty_folder(tmp_path: Path) -> None:
    with pytest.raises(NoArticleError, match=r"folder has no \.txt, \.html or \.jsonl file"):
        read_articles([tmp_path])


def test_a_folder_inside_a_folder_is_named_not_passed_over(tmp_path: Path,
                                                           example_dir: Path) -> None:
    (tmp_path / "bbc").mkdir()
    (tmp_path / "bbc" / "report.txt").write_text(BODY, encoding="utf-8")
    with pytest.raises(NoArticleError) as raised:
        read_articles([tmp_path])
    assert str(raised.value) == (
        f"no article could be read from 1 input(s): skipped {tmp_path / 'bbc'}: a folder "
        f"inside a folder is not read (give it as a PATH of its own); {tmp_path}: folder has "
        "no .txt, .html or .jsonl file")
    result = read_articles([tmp_path, tmp_path / "bbc"])
    assert [a.id for a in result.articles] == ["report"]


def test_bad_file_among_good_ones_is_a_warning(tmp_path: Path, example_dir: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    good = example_dir / "001_0644b31f70d166b7.txt"
    result = read_articles([tmp_path, good])
    assert len(result.articles) == 1
    assert any("notes.pdf: not a .txt, .html or .jsonl file" in w for w in result.warnings)
    assert any("empty.txt: file is empty" in w for w in result.warnings)


def test_bad_jsonl_line_among_good_ones_is_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_text(json.dumps({"text": BODY}) + "\n{broken\n", encoding="utf-8")
    result = read_articles([path])
    assert len(result.articles) == 1
    assert result.warnings == [
        f"skipped {path} line 2: not JSON (Expecting property name enclosed in double quotes "
        "at column 2)"]


def test_an_unterminated_string_is_placed_once(tmp_path: Path) -> None:
    path = tmp_path / "cut.jsonl"
    path.write_text(json.dumps({"id": "a1", "text": BODY}) + '\n{"id": "a2", "text": "Water\n',
                    encoding="utf-8")
    assert read_articles([path]).warnings == [
        f"skipped {path} line 2: not JSON (Unterminated string starting at column 22)"]


def test_duplicate_article_is_reported_not_repeated(tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(BODY, encoding="utf-8")
    result = read_articles([tmp_path])
    assert len(result.articles) == 1
    assert result.warnings == [f"skipped {tmp_path / 'b.txt'}: same text as {tmp_path / 'a.txt'}"]


def test_a_text_file_named_jsonl_lists_its_first_bad_lines_and_counts_the_rest(
        tmp_path: Path) -> None:
    lines = [f"Paragraph {n} of a scraped page saved under the wrong name." for n in range(500)]
    path = tmp_path / "page.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(NoArticleError) as raised:
        read_articles([path])
    message = str(raised.value)
    assert message.startswith(f"{path}: line 1: not JSON (Expecting value at column 1); line 2:")
    assert message.endswith("line 10: not JSON (Expecting value at column 1); and 490 more bad "
                            "lines")
    path.write_text("\n".join([*lines, json.dumps({"id": "ap-1", "text": BODY})]) + "\n",
                    encoding="utf-8")
    result = read_articles([path])
    assert [a.id for a in result.articles] == ["ap-1"]
    assert len(result.warnings) == 11
    assert result.warnings[-1] == f"skipped 490 more bad lines of {path}"


def test_a_json_array_export_is_read_item_by_item(tmp_path: Path) -> None:
    path = tmp_path / "export.json"
    records = [{"id": "reuters-1", "text": BODY, "source": "Reuters", "date": "2021-07-12"},
               {"id": "ap-7", "title": "no text"},
               {"id": "ap-8", "text": "The bridge stays closed all week, officials said. "
                "Engineers inspect it on Friday.", "source": "AP"}]
    path.write_text(json.dumps(records, indent=2), encoding="utf-8")
    result = read_articles([path])
    assert [(a.id, a.origin) for a in result.articles] == [
        ("reuters-1", f"{path}[0]"), ("ap-8", f"{path}[2]")]
    assert result.articles[0].published == date(2021, 7, 12)
    assert result.warnings == [f'skipped {path} item 1: needs a non-empty "text" or "html" '
                               "field"]


def test_a_repeated_id_is_made_unique_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    records = [{"id": "story-1", "text": BODY, "source": "AP"},
               {"id": "story-1", "text": "Officials said the bridge would stay closed all week. "
                "Engineers will inspect it on Friday.", "source": "Reuters"}]
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    result = read_articles([path])
    assert [a.id for a in result.articles] == ["story-1", "story-1-2"]
    assert result.warnings == [f"{path}:2: id 'story-1' is already the id of {path}:1; this "
                               "article is 'story-1-2'"]
    assert {s.article_id for s in result.articles[1].sentences} == {"story-1-2"}


@pytest.mark.parametrize("key", ["published", "date", "published_at"])
def test_a_jsonl_date_is_read_under_its_usual_names(tmp_path: Path, key: str) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps({"id": "ap-1", "text": BODY, key: "2021-07-12"}) + "\n",
                    encoding="utf-8")
    (article,) = read_articles([path]).articles
    assert article.published == date(2021, 7, 12)


def test_a_bad_date_is_named_under_the_key_it_came_in(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps({"id": "ap-1", "text": BODY, "date": "next Tuesday-ish"}) + "\n",
                    encoding="utf-8")
    with pytest.raises(NoArticleError, match='line 1: "date" value \'next Tuesday-ish\' is '
                       "not a date"):
        read_articles([path])


def test_record_without_splitting_keeps_text_and_metadata() -> None:
    from newsweave.ingest import articles_from_record

    record = {"id": "r1", "text": BODY, "source": "Reuters", "published": "2021-07-12"}
    (lean,) = articles_from_record(record, "feed:1", split=False)
    (full,) = articles_from_record(record, "feed:1")
    assert lean.sentences == () and len(full.sentences) == 2
    assert (lean.id, lean.text, lean.source, lean.published) == (
        full.id, full.text, full.source, full.published)


def test_unreadable_cluster_document_is_named_in_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "cluster.jsonl"
    record = {"id": "c7", "documents": [BODY, "Related Stories\nMore News", BODY + " Again."]}
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    result = read_articles([path])
    assert [a.id for a in result.articles] == ["c7/0", "c7/2"]
    assert result.warnings == [f"skipped {path}:1#1: no article text left after removing page "
                               "furniture"]


def test_a_lone_surrogate_escape_in_json_is_replaced_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "cut.jsonl"
    path.write_text('{"id": "s1", "text": "Protesters gathered in the capital on Monday, police '
                    'said. The crowd left \\ud800 after talks. A pair \\ud83d\\ude00 stays."}\n',
                    encoding="utf-8")
    [article] = read_articles([path]).articles
    assert "left \ufffd after talks" in article.text and "\U0001f600" in article.text
    article.text.encode("utf-8")  # storable
