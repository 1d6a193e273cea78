"""The JSON API of `newsweave serve`: digests of pasted text and uploaded files, limits,
errors, headers and the OpenAPI document, through FastAPI's in-process test client."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi", reason="the web extra is not installed: pip install -e '.[web]'")

from fastapi.testclient import TestClient

from newsweave.sample import sample_path
from newsweave.web.app import create_app
from newsweave.web.settings import WebSettings

SAMPLE_FILES = sorted(sample_path().iterdir())


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    with TestClient(create_app()) as test_client:
        yield test_client


def small_client(**limits: Any) -> TestClient:
    return TestClient(create_app(WebSettings(**limits)))


def sample_articles() -> list[dict[str, str]]:
    return [{"text": path.read_text("utf-8")} for path in SAMPLE_FILES]


def check_citations(data: dict[str, Any]) -> None:
    """Every summary citation names a sentence of the digest, in the article it says."""
    sentences = {s["id"]: (a["id"], s["text"]) for a in data["articles"] for s in a["sentences"]}
    for item in data["summary"]:
        assert item["citations"][0] == item["sentence_id"]
        assert sentences[item["sentence_id"]][1] == item["text"]
        for cited in item["citations"]:
            assert sentences[cited][0] in item["cited_articles"]


def test_health_says_whether_stories_are_available(client: TestClient) -> None:
    answer = client.get("/api/health")
    assert answer.status_code == 200
    assert answer.json()["status"] == "ok"
    assert answer.json()["stories"] is False


def test_pasted_sample_digests_like_the_library(client: TestClient, sample_digest: Any) -> None:
    answer = client.post("/api/digest", json={"articles": sample_articles()})
    assert answer.status_code == 200, answer.text
    data = answer.json()
    assert len(data["articles"]) == 5
    assert [a["origin"] for a in data["articles"]] == [f"pasted article {n}" for n in range(1, 6)]
    assert [s["text"] for s in data["summary"]] == [s.text for s in sample_digest.summary]
    assert {a["source"] for a in data["articles"]} >= {"Arclight Wire", "The Greywater Times"}
    check_citations(data)
    assert data["conflicts"] and data["quotes"]


def test_metadata_given_with_the_text_is_used(client: TestClient) -> None:
    texts = [path.read_text("utf-8") for path in SAMPLE_FILES if path.suffix == ".txt"]
    articles = [
        {"text": text, "source": f"Outlet {n}", "published": "2025-03-10"}
        for n, text in enumerate(texts, start=1)
    ]
    answer = client.post("/api/digest", json={"articles": articles, "words": 60})
    assert answer.status_code == 200, answer.text
    data = answer.json()
    assert [a["source"] for a in data["articles"]] == [f"Outlet {n}" for n in range(1, 4)]
    assert {a["published"] for a in data["articles"]} == {"2025-03-10"}
    assert data["settings"]["words"] == 60
    assert sum(len(s["text"].split()) for s in data["summary"]) <= 60


@pytest.mark.parametrize(
    ("body", "words_in_detail"),
    [
        ({"articles": []}, "articles"),
        ({"articles": [{"text": ""}]}, "text"),
        ({"articles": [{"text": "x", "path": "/etc/passwd"}]}, "path"),
        ({"articles": [{"text": "x"}], "words": 5}, "words"),
        ({"articles": [{"text": "x", "published": "last week"}]}, "published"),
        ({"articles": [{"text": "x", "published": "2022-13-45"}]}, "calendar day"),
        ({"articles": [{"text": "x", "published": "0001-01-01"}]}, "calendar day"),
        ({"texts": ["x"]}, "articles"),
    ],
)
def test_invalid_bodies_answer_422_naming_the_field(
    client: TestClient, body: dict[str, Any], words_in_detail: str
) -> None:
    answer = client.post("/api/digest", json=body)
    assert answer.status_code == 422
    assert words_in_detail in answer.json()["detail"]


def test_text_without_an_article_answers_422_with_the_reason(client: TestClient) -> None:
    answer = client.post("/api/digest", json={"articles": [{"text": "   \n\t "}]})
    assert answer.status_code == 422
    assert answer.json()["detail"] == "no articles to digest: pasted article 1: empty"


def test_malformed_json_answers_422(client: TestClient) -> None:
    answer = client.post(
        "/api/digest", content=b'{"articles": [', headers={"content-type": "application/json"}
    )
    assert answer.status_code == 422
    assert "JSON" in answer.json()["detail"]


def test_a_body_above_the_limit_is_refused_before_it_is_read() -> None:
    with small_client(max_body_bytes=2000) as client:
        answer = client.post("/api/digest", json={"articles": [{"text": "word " * 1000}]})
        assert answer.status_code == 413
        assert answer.json()["detail"] == "request body is above the 2 KB limit"
        assert answer.headers["content-security-policy"]


def test_uploads_above_the_limit_are_refused_and_forms_get_a_page() -> None:
    files = [("files", ("big.txt", b"word " * 2000))]
    with small_client(max_body_bytes=5000) as client:
        answer = client.post("/api/digest/files", files=files)
        assert answer.status_code == 413
        assert answer.json()["detail"] == "request body is above the 4.9 KB limit"
        page = client.post("/digest", files=files)
        assert page.status_code == 413
        assert "text/html" in page.headers["content-type"]
        assert "request body is above the 4.9 KB limit" in page.text


def test_a_chunked_body_above_the_limit_is_refused_while_read() -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"articles": [{"text": "'
        for _ in range(50):
            yield b"word " * 100
        yield b'"}]}'

    with small_client(max_body_bytes=5000) as client:
        answer = client.post(
            "/api/digest", content=chunks(), headers={"content-type": "application/json"}
        )
        assert answer.status_code == 413
        assert "limit" in answer.json()["detail"]


def test_more_articles_than_allowed_answers_413() -> None:
    with small_client(max_articles=2) as client:
        answer = client.post("/api/digest", json={"articles": sample_articles()[:3]})
        assert answer.status_code == 413
        assert "limit is 2" in answer.json()["detail"]


def test_uploaded_files_are_read_in_memory_and_labelled_by_name(client: TestClient) -> None:
    files = [("files", (path.name, path.read_bytes())) for path in SAMPLE_FILES]
    answer = client.post("/api/digest/files", files=files, data={"words": "100"})
    assert answer.status_code == 200, answer.text
    data = answer.json()
    assert [a["origin"] for a in data["articles"]] == [p.name for p in SAMPLE_FILES]
    assert [a["format"] for a in data["articles"]] == ["json", "text", "html", "text", "text"]
    check_citations(data)


def test_an_upload_named_like_a_server_path_is_only_a_label(client: TestClient) -> None:
    kestrel = (sample_path() / "kestrel24.txt").read_bytes()
    courier = (sample_path() / "velmora_courier.txt").read_bytes()
    files = [
        ("files", ("../../../etc/passwd", kestrel)),
        ("files", ("C:\\Windows\\win.ini", courier)),
    ]
    answer = client.post("/api/digest/files", files=files)
    assert answer.status_code == 200, answer.text
    articles = answer.json()["articles"]
    assert [a["origin"] for a in articles] == ["passwd", "win.ini"]
    assert "root:" not in articles[0]["text"]
    assert "Halmir" in articles[0]["text"]


def test_unusable_uploads_are_reported(client: TestClient) -> None:
    files = [("files", ("photo.png", b"\x89PNG\r\n\x1a\n" + bytes(200)))]
    answer = client.post("/api/digest/files", files=files)
    assert answer.status_code == 422
    assert "photo.png: binary file" in answer.json()["detail"]


def test_too_many_files_answers_413() -> None:
    text = (sample_path() / "kestrel24.txt").read_bytes()
    with small_client(max_articles=2) as client:
        files = [("files", (f"a{n}.txt", text)) for n in range(3)]
        answer = client.post("/api/digest/files", files=files)
        assert answer.status_code == 413


def test_the_sample_digest_shows_no_server_path(client: TestClient) -> None:
    answer = client.get("/api/sample/digest")
    assert answer.status_code == 200
    origins = [a["origin"] for a in answer.json()["articles"]]
    assert origins == [p.name for p in SAMPLE_FILES]
    assert str(Path(sample_path())) not in answer.text


def test_stories_answer_503_without_a_store(client: TestClient) -> None:
    for path in ("/api/stories", "/api/stories/abc/digest"):
        answer = client.get(path)
        assert answer.status_code == 503
        assert "--db" in answer.json()["detail"]


def test_unknown_routes_and_methods_answer_json_errors(client: TestClient) -> None:
    assert client.get("/api/nothing").status_code == 404
    assert client.get("/api/nothing").json()["detail"] == "Not Found"
    assert client.get("/api/digest").status_code == 405


def test_openapi_document_and_reference_page_list_every_operation(client: TestClient) -> None:
    openapi = client.get("/openapi.json").json()
    paths = set(openapi["paths"])
    assert {
        "/api/digest",
        "/api/digest/files",
        "/api/sample/digest",
        "/api/stories",
        "/api/stories/{story_id}/digest",
    } <= paths
    assert not any(path.startswith(("/sample", "/digest/")) for path in paths)
    page = client.get("/api/docs")
    assert page.status_code == 200
    for path in paths:
        assert f"<code>{path}</code>" in page.text
    assert "cdn" not in page.text.lower()


def test_every_answer_carries_the_security_headers(client: TestClient) -> None:
    for answer in (client.get("/api/health"), client.get("/api/nothing"), client.get("/")):
        policy = answer.headers["content-security-policy"]
        assert "script-src 'self'" in policy
        assert "default-src 'none'" in policy
        assert "unsafe-inline" not in policy
        assert answer.headers["x-content-type-options"] == "nosniff"
        assert answer.headers["x-frame-options"] == "DENY"


def test_too_much_text_for_one_digest_answers_413(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsweave import pipeline

    monkeypatch.setattr(pipeline, "MAX_DIGEST_SENTENCES", 3)
    text = "The dam burst on Monday. Nine people died. The river rose. Rescuers came."
    body = {"articles": [{"text": text, "source": "A"}, {"text": text + " More.", "source": "B"}]}
    answer = client.post("/api/digest", json=body)
    assert answer.status_code == 413
    assert answer.json()["detail"].startswith("too much text for one digest")


def test_an_unexpected_error_is_a_500_in_the_api_s_own_form(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from newsweave.web.service import DigestService

    def broken(*_args: Any, **_kwargs: Any) -> Any:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(DigestService, "digest", broken)
    with TestClient(create_app(), raise_server_exceptions=False) as test_client:
        answer = test_client.post("/api/digest", json={"articles": [{"text": "The dam held."}]})
    assert answer.status_code == 500
    assert answer.headers["content-type"].startswith("application/json")
    assert answer.json()["detail"].startswith("internal error (RuntimeError)")
    assert "disk on fire" not in answer.text  # the log has it, not the answer
    assert "content-security-policy" in answer.headers  # as on every other answer
    assert answer.headers["x-content-type-options"] == "nosniff"


def test_monitors_may_ask_with_head(client: TestClient) -> None:
    answer = client.head("/")
    assert answer.status_code == 200 and answer.text == ""


def test_json_sent_as_plain_text_is_told_the_content_type(client: TestClient) -> None:
    answer = client.post(
        "/api/digest",
        content='{"articles": [{"text": "The dam held."}]}',
        headers={"content-type": "text/plain"},
    )
    assert answer.status_code == 422
    assert answer.json()["detail"] == (
        "send the body as JSON with Content-Type: application/json (got text/plain)"
    )
