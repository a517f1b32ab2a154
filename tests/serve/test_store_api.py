"""The store's routes: POST /articles, GET /stories, GET /stories/{id}, its brief."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from newsweave.models import Brief, Story


@pytest.fixture
def stored(client_with: Callable[..., TestClient], tmp_path: Path) -> TestClient:
    """A client of an app whose store is a fresh SQLite file."""
    return client_with(db=str(tmp_path / "stories.db"))


def test_ingest_stores_each_report_once_in_one_story(
    stored: TestClient, example_payload: dict[str, Any]
) -> None:
    first = stored.post("/articles", json=example_payload).json()
    assert (first["stored"], first["exact_duplicates"], first["new_stories"]) == (4, 0, 1)
    [story] = first["stories"]
    ids = [a["id"] for a in example_payload["articles"]]
    assert story["article_ids"] == ids
    assert story["outlets"] == ["Al Jazeera", "BBC", "CNN", "RFE/RL"]
    again = stored.post("/articles", json=example_payload).json()
    assert (again["stored"], again["exact_duplicates"]) == (0, 4)
    assert stored.get("/stories").json() == first["stories"]


def test_a_stored_story_and_its_brief(stored: TestClient, example_payload: dict[str, Any]
                                      ) -> None:
    story_id = stored.post("/articles", json=example_payload).json()["stories"][0]["id"]
    story = Story.from_dict(stored.get(f"/stories/{story_id}").json())
    assert [a.id for a in story.articles] == [a["id"] for a in example_payload["articles"]]
    assert all(a.sentences for a in story.articles)
    response = stored.get(f"/stories/{story_id}/brief?words=60&analysis=false")
    brief = Brief.from_dict(response.json())
    assert brief.story.id == story_id
    assert 0 < sum(len(s.sentence.text.split()) for s in brief.summary) <= 60


def test_listing_filters_by_date_size_and_count(
    stored: TestClient, example_payload: dict[str, Any]
) -> None:
    stored.post("/articles", json=example_payload)
    lone = {"articles": [{"id": "quake", "published": "2011-03-11", "source": "NHK",
                          "text": "A magnitude 9.0 earthquake struck off the coast of Japan "
                                  "on Friday. A tsunami followed within the hour."}]}
    stored.post("/articles", json=lone)
    assert len(stored.get("/stories").json()) == 2
    assert [s["article_ids"] for s in stored.get("/stories?since=2011-01-01").json()] == [
        ["quake"]]
    assert [s["size"] for s in stored.get("/stories?min_size=2").json()] == [4]
    assert len(stored.get("/stories?limit=1").json()) == 1
    assert stored.get("/stories?since=yesterday").status_code == 422


def test_an_unknown_story_is_404_naming_it(stored: TestClient) -> None:
    for path in ("/stories/s404", "/stories/s404/brief"):
        response = stored.get(path)
        assert response.status_code == 404
        assert response.json()["detail"] == ("no story 's404' in the store; GET /stories "
                                             "lists the stored ones")


def test_unreadable_reports_are_422_and_store_nothing(stored: TestClient) -> None:
    response = stored.post("/articles", json={"articles": [{"text": "  "}, {"html": "<p>"}]})
    assert response.status_code == 422
    assert "articles.jsonl:1" in response.json()["detail"]
    assert stored.get("/stories").json() == []


def test_a_store_that_cannot_open_is_503(client_with: Callable[..., TestClient],
                                         tmp_path: Path) -> None:
    broken = client_with(db=str(tmp_path / "no-such-folder" / "x.db"))
    response = broken.get("/stories")
    assert response.status_code == 503
    assert response.json()["error"] == "StoreError"
    assert "no-such-folder" in response.json()["detail"]
