"""Stories in the web app: the store given with --db, listed and digested by the API and
the pages. Skipped until `newsweave.stream` (the story store) is installed."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi", reason="the web extra is not installed: pip install -e '.[web]'")
stream = pytest.importorskip("newsweave.stream", reason="newsweave.stream is not available yet")

from fastapi.testclient import TestClient  # noqa: E402

from newsweave.sample import sample_path  # noqa: E402
from newsweave.web.app import create_app  # noqa: E402
from newsweave.web.settings import WebSettings  # noqa: E402


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not hasattr(stream, "ingest"):
        pytest.skip("newsweave.stream has no ingest() to fill a store with")
    db = tmp_path_factory.mktemp("stories") / "stories.db"
    stream.ingest([str(sample_path())], db)
    return db


@pytest.fixture(scope="module")
def client(store: Path) -> Iterator[TestClient]:
    with TestClient(create_app(WebSettings(db=store))) as test_client:
        yield test_client


def stories(client: TestClient) -> list[dict[str, Any]]:
    answer = client.get("/api/stories")
    assert answer.status_code == 200, answer.text
    found: list[dict[str, Any]] = answer.json()
    return found


def test_the_store_lists_the_sample_as_a_story(client: TestClient) -> None:
    found = stories(client)
    assert found
    biggest = max(found, key=lambda s: s["size"])
    assert biggest["size"] == 5
    assert len(biggest["articles"]) == 5
    assert {"id", "title", "first_date", "last_date", "top_entities"} <= set(biggest)
    assert client.get("/api/health").json()["stories"] is True


def test_a_story_digest_cites_its_articles(client: TestClient) -> None:
    story = max(stories(client), key=lambda s: s["size"])
    answer = client.get(f"/api/stories/{story['id']}/digest")
    assert answer.status_code == 200, answer.text
    data = answer.json()
    assert len(data["articles"]) == 5
    sentence_ids = {s["id"] for a in data["articles"] for s in a["sentences"]}
    assert all(c in sentence_ids for item in data["summary"] for c in item["citations"])


def test_an_unknown_story_is_a_404(client: TestClient) -> None:
    answer = client.get("/api/stories/no-such-story/digest")
    assert answer.status_code == 404
    assert "no-such-story" in answer.json()["detail"]
    assert client.get("/stories/no-such-story").status_code == 404


def test_story_pages_list_and_show_stories(client: TestClient) -> None:
    story = max(stories(client), key=lambda s: s["size"])
    listing = client.get("/stories")
    assert listing.status_code == 200
    assert f'href="/stories/{story["id"]}"' in listing.text
    count = len(stories(client))
    assert f"{count} {'story' if count == 1 else 'stories'} in the store" in listing.text
    form = client.get("/")
    assert "Latest stories" in form.text
    assert f'href="/stories/{story["id"]}"' in form.text
    page = client.get(f"/stories/{story['id']}")
    assert page.status_code == 200
    assert page.text.count('class="column"') == 5


def test_a_missing_store_file_is_a_503(tmp_path: Path) -> None:
    with TestClient(create_app(WebSettings(db=tmp_path / "none.db"))) as client:
        answer = client.get("/api/stories")
        assert answer.status_code == 503
        assert "none.db" in answer.json()["detail"]
        assert not (tmp_path / "none.db").exists()


def test_stories_come_in_pages_with_their_total(tmp_path: Path) -> None:
    from newsweave.stream.ingest_run import ingest_documents
    from newsweave.stream.synthetic import synthetic_stream

    db = tmp_path / "paged.db"
    ingest_documents([x.document for x in synthetic_stream(60, seed=4)], db)
    with TestClient(create_app(WebSettings(db=db))) as client:
        every = stories(client)
        assert len(every) >= 3
        first = client.get("/api/stories", params={"limit": 1})
        assert first.status_code == 200
        assert first.headers["X-Total-Count"] == str(len(every))
        second = client.get("/api/stories", params={"limit": 1, "offset": 1}).json()
        assert [s["id"] for s in first.json() + second] == [s["id"] for s in every[:2]]
        assert client.get("/api/stories", params={"limit": 0}).status_code == 422
        assert client.get("/api/stories", params={"limit": 1001}).status_code == 422
        assert client.get("/api/stories", params={"offset": len(every)}).json() == []
        page = client.get("/stories").text
        assert f"{len(every)} stories in the store" in page
        spec = client.get("/openapi.json").json()["paths"]["/api/stories"]["get"]
        assert "X-Total-Count" in spec["responses"]["200"]["headers"]
