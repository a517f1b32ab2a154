"""The HTTP API through FastAPI's TestClient: briefs from JSON and files, limits, errors."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from newsweave.models import Brief
from newsweave.report.sections import MIN_FOLDED, SECTION_LIMITS


def _check_brief(data: dict[str, Any], words: int) -> Brief:
    """The answer is the model's JSON, and every offset points at its sentence's text."""
    brief = Brief.from_dict(data)
    assert brief.to_dict() == data
    assert brief.summary
    assert sum(len(item.sentence.text.split()) for item in brief.summary) <= words
    for item in brief.summary:
        article = brief.story.article(item.sentence.article_id)
        assert article.text[item.sentence.start:item.sentence.end] == item.sentence.text
        for ref in item.support:
            assert ref.article_id != article.id
            brief.story.sentence(ref)  # resolves: support points at a real sentence
    return brief


def test_healthz_reports_status_algorithms_and_limits(client: TestClient) -> None:
    body = client.get("/healthz").json()
    assert body["status"] == "ok"
    assert "centroid" in body["algorithms"]
    assert body["limits"]["max_request_bytes"] > 0
    assert body["limits"]["brief_workers"] >= 1  # processes, by default
    assert body["fetch"] is False
    assert body["sections"]["limits"]["quotes"] == SECTION_LIMITS["quotes"]
    assert body["sections"]["min_folded"] == MIN_FOLDED


def test_brief_of_the_example_from_json(client: TestClient, example_payload: dict[str, Any]
                                        ) -> None:
    response = client.post("/briefs", json=example_payload)
    assert response.status_code == 200
    brief = _check_brief(response.json(), words=150)
    assert brief.entities and brief.claims  # the analysis runs unless turned off
    assert [a.id for a in brief.story.articles] == [a["id"] for a in example_payload["articles"]]
    assert {a.source for a in brief.story.articles} == {"Al Jazeera", "BBC", "CNN", "RFE/RL"}
    assert any("Bakiyev" in item.sentence.text for item in brief.summary)
    assert any(item.support for item in brief.summary)


def test_a_date_is_read_under_the_names_the_cli_reads_it_by(
        client: TestClient, two_reports: list[dict[str, str]]) -> None:
    # Feeds call it "date" or "published_at" as often as "published"; the CLI reads all three.
    rferl, bbc = two_reports
    reports = [{**rferl, "date": "2010-04-15"}, {**bbc, "published_at": "2010-04-15T17:05:00Z"}]
    response = client.post("/briefs?analysis=false", json={"articles": reports})
    assert response.status_code == 200
    published = {a["id"]: a["published"] for a in response.json()["story"]["articles"]}
    assert published == {"rferl-1": "2010-04-15", "bbc-1": "2010-04-15"}


def test_budget_and_algorithm_come_from_the_query(
    client: TestClient, example_payload: dict[str, Any]
) -> None:
    response = client.post("/briefs?sentences=2&algorithm=centroid&analysis=false",
                           json=example_payload)
    brief = Brief.from_dict(response.json())
    assert len(brief.summary) == 2
    assert brief.entities == brief.claims == ()
    assert brief.budget.unit == "sentences"


def test_brief_of_uploaded_files_reads_them_like_the_cli(
    client: TestClient, example_files: list[Path]
) -> None:
    files = [("files", (path.name, path.read_bytes(), "text/plain")) for path in example_files]
    response = client.post("/briefs/files?words=60&analysis=false", files=files)
    assert response.status_code == 200
    brief = _check_brief(response.json(), words=60)
    assert [a.id for a in brief.story.articles] == [p.stem for p in example_files]
    assert [a.origin for a in brief.story.articles] == [p.name for p in example_files]


def test_reports_sent_as_html_are_extracted_without_their_scripts(client: TestClient) -> None:
    page = ("<html><head><title>Bakiyev leaves</title><script>track()</script></head><body>"
            "<nav>Home | World</nav><article><h1>Bakiyev leaves Kyrgyzstan</h1>"
            "<p>Deposed Kyrgyz President Kurmanbek Bakiyev has left the country and flown to "
            "neighbouring Kazakhstan, officials in Bishkek said on Thursday.</p>"
            "<p>His departure follows an uprising this month in which scores of people died "
            "in clashes between police and protesters in the capital.</p></article>"
            "<footer>Copyright</footer></body></html>")
    response = client.post("/briefs?analysis=false",
                           json={"articles": [{"html": page, "source": "Example News"}]})
    assert response.status_code == 200
    [article] = response.json()["story"]["articles"]
    assert article["source"] == "Example News"
    assert "Kurmanbek Bakiyev has left the country" in article["text"]
    assert "track()" not in article["text"] and "Copyright" not in article["text"]


def test_pasted_jsonl_records_travel_with_uploaded_files(
    client: TestClient, example_files: list[Path]
) -> None:
    """What the page sends when files are chosen and reports pasted too."""
    record = b'{"source": "Pasted Post", "text": "Kyrgyzstan\'s interim leader Roza Otunbayeva '
    record += b'said Bakiyev had signed a letter of resignation before flying out."}'
    response = client.post("/briefs/files?analysis=false", files=[
        ("files", (example_files[0].name, example_files[0].read_bytes(), "text/plain")),
        ("files", ("pasted-1.jsonl", record, "application/json")),
    ])
    assert response.status_code == 200
    articles = response.json()["story"]["articles"]
    assert [a["source"] for a in articles] == ["Al Jazeera", "Pasted Post"]
    assert articles[1]["origin"] == "pasted-1.jsonl:1"


def test_uploaded_names_cannot_leave_the_temp_folder(
    client: TestClient, example_files: list[Path]
) -> None:
    text = example_files[0].read_bytes()
    response = client.post("/briefs/files?analysis=false", files=[
        ("files", ("../../etc/evil.txt", text, "text/plain")),
        ("files", ("..\\x/.hidden name.txt", example_files[1].read_bytes(), "text/plain")),
    ])
    assert response.status_code == 200
    origins = [a["origin"] for a in response.json()["story"]["articles"]]
    assert origins == ["evil.txt", "hidden_name.txt"]


def test_unreadable_upload_is_named_without_the_servers_temp_path(client: TestClient) -> None:
    response = client.post("/briefs/files", files=[
        ("files", ("scan.pdf", b"%PDF-1.4 binary", "application/pdf")),
    ])
    assert response.status_code == 422
    body = response.json()
    assert body["error"] == "NoArticleError"
    assert "scan.pdf" in body["detail"]
    assert "/tmp" not in body["detail"] and "newsweave-" not in body["detail"]


def test_one_bad_report_among_good_ones_is_a_warning(
    client: TestClient, example_payload: dict[str, Any]
) -> None:
    payload = {"articles": [*example_payload["articles"], {"text": "   \n  "}]}
    body = client.post("/briefs?analysis=false", json=payload).json()
    assert len(body["story"]["articles"]) == 4
    assert any("articles.jsonl line 5" in warning for warning in body["warnings"])


@pytest.mark.parametrize(("query", "status", "words"), [
    ("?algorithm=nope", 400, ["nope", "centroid"]),
    ("?words=10&sentences=2", 400, ["words and sentences"]),
    ("?words=0", 400, ["at least 1", "0"]),
])
def test_bad_options_are_400_naming_the_value_and_the_choices(
    client: TestClient, query: str, status: int, words: list[str]
) -> None:
    response = client.post(f"/briefs{query}", json={"articles": [{"text": "A report."}]})
    assert response.status_code == status
    assert all(word in response.json()["detail"] for word in words)


def test_a_report_with_nothing_to_read_is_422(client: TestClient) -> None:
    response = client.post("/briefs", json={"articles": [{"text": " ", "source": "BBC"}]})
    assert response.status_code == 422
    assert response.json()["error"] == "NoArticleError"
    assert 'non-empty "text" or "html"' in response.json()["detail"]


def test_schema_violations_are_422(client: TestClient) -> None:
    assert client.post("/briefs", json={"articles": []}).status_code == 422
    assert client.post("/briefs", json={"articles": [{"body": "x"}]}).status_code == 422
    assert client.post("/briefs", content=b"not json",
                       headers={"Content-Type": "application/json"}).status_code == 422


def test_a_schema_violation_answers_like_any_error_with_a_readable_line(
        client: TestClient) -> None:
    response = client.post("/briefs", json={"articles": [{"txt": "A report.", "source": "BBC"}]})
    assert response.status_code == 422
    body = response.json()
    assert body["error"] == "ValidationError"
    assert body["detail"] == "articles.0.txt: Extra inputs are not permitted"
    assert body["errors"][0]["loc"] == ["body", "articles", 0, "txt"]


def test_declared_body_over_the_limit_is_413_before_reading(
    client_with: Callable[..., TestClient], example_payload: dict[str, Any]
) -> None:
    small = client_with(max_request_bytes=2000)
    response = small.post("/briefs", json=example_payload)
    assert response.status_code == 413
    assert "2,000-byte limit" in response.json()["detail"]


def test_chunked_body_over_the_limit_is_413(
    client_with: Callable[..., TestClient], example_files: list[Path]
) -> None:
    small = client_with(max_request_bytes=2000)
    data = example_files[0].read_bytes()

    def chunks() -> Any:
        yield b'{"articles": [{"text": '
        for start in range(0, len(data), 500):
            yield repr(data[start:start + 500]).encode()
    response = small.post("/briefs", content=chunks(),
                          headers={"Content-Type": "application/json"})
    assert response.status_code == 413
    assert "limit" in response.json()["detail"]


@pytest.mark.parametrize(("limits", "status", "message"), [
    ({"max_articles": 3}, 413, "4 reports is over the limit of 3"),
    ({"timeout_seconds": 0.001}, 503, "0.001-second limit"),
])
def test_too_many_reports_or_too_long_a_brief_is_refused(
    client_with: Callable[..., TestClient], example_payload: dict[str, Any],
    limits: dict[str, Any], status: int, message: str,
) -> None:
    response = client_with(**limits).post("/briefs", json=example_payload)
    assert response.status_code == status
    assert message in response.json()["detail"]


def test_a_report_under_the_body_limit_but_too_long_to_brief_is_413(client: TestClient) -> None:
    readings = "\n\n".join(" ".join(f"Gauge {k} read {j} metres." for j in range(10))
                           for k in range(5_200))
    response = client.post("/briefs", json={"articles": [{"text": readings, "source": "Log"}]})
    assert response.status_code == 413
    assert response.json()["error"] == "StoryTooLargeError"
    assert "a brief reads at most 50,000" in response.json()["detail"]


def test_urls_are_not_fetched_unless_enabled(client: TestClient) -> None:
    response = client.post("/briefs", json={"articles": [{"url": "https://example.com/a"}]})
    assert response.status_code == 403
    assert "--allow-fetch" in response.json()["detail"]


def test_enabled_fetching_still_refuses_loopback_and_metadata_addresses(
    client_with: Callable[..., TestClient],
) -> None:
    fetching = client_with(allow_fetch=True)
    for url in ("http://127.0.0.1:8000/healthz", "http://169.254.169.254/latest/meta-data",
                "http://[::1]/", "file:///etc/passwd"):
        response = fetching.post("/briefs", json={"articles": [{"url": url}]})
        assert response.status_code == 403, url
        assert response.json()["error"] == "FetchRefusedError"


def test_only_allowed_host_names_are_answered(
    client_with: Callable[..., TestClient],
) -> None:
    """A page on another name rebound to 127.0.0.1 sends its own name as Host: refused."""
    loopback = client_with(allowed_hosts=("127.0.0.1", "localhost"))
    assert loopback.get("/healthz", headers={"Host": "localhost:8000"}).status_code == 200
    assert loopback.get("/healthz", headers={"Host": "evil.example"}).status_code == 400


def test_openapi_documents_every_route(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/briefs", "/briefs/files", "/healthz"} <= set(paths)
    assert "413" in paths["/briefs"]["post"]["responses"]
    assert client.get("/docs").status_code == 200


def test_the_page_and_its_files_are_served_with_a_strict_policy(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200
    assert "script-src 'self'" in page.headers["content-security-policy"]
    assert '<script src="/static/app.js"' in page.text
    script = client.get("/static/app.js")
    assert script.headers["content-type"].startswith(("text/javascript",
                                                      "application/javascript"))
    assert "innerHTML" not in script.text  # data only ever reaches the page as text
    assert client.get("/static/style.css").status_code == 200
