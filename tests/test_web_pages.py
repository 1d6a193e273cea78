"""The server-rendered pages: the form, the digest page, escaping of article text, errors."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser

import pytest

pytest.importorskip("fastapi", reason="the web extra is not installed: pip install -e '.[web]'")

from fastapi.testclient import TestClient

from newsweave.sample import sample_path
from newsweave.web.app import create_app

HOSTILE = (
    "Officials in Tarnow said the river rose two metres overnight and 300 people left home. "
    "A caption read <script>window.pwned = 1</script> under the photo of the bridge. "
    'Another read <img src=x onerror="window.pwned = 2"> beside the map of the valley.\n\n'
    "The mayor said the shelters would stay open until the water goes down."
)


class Elements(HTMLParser):
    """The start tags of a page, with their attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def elements(page: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = Elements()
    parser.feed(page)
    return parser.tags


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    with TestClient(create_app()) as test_client:
        yield test_client


def post_form(client: TestClient, texts: list[str], sources: list[str] | None = None) -> str:
    """Submits the form, follows the redirect, and returns the digest page."""
    data = {"texts": texts, "sources": sources or [""] * len(texts), "words": "120"}
    answer = client.post("/digest", data=data, follow_redirects=False)
    assert answer.status_code == 303, answer.text
    assert re.fullmatch(r"/digest/[\w-]+", answer.headers["location"])
    page = client.get(answer.headers["location"])
    assert page.status_code == 200
    return page.text


def test_every_script_is_a_same_origin_file(client: TestClient) -> None:
    for path in ("/", "/sample", "/api/docs"):
        tags = elements(client.get(path).text)
        scripts = [attrs for tag, attrs in tags if tag == "script"]
        assert scripts == [{"src": scripts[0]["src"], "defer": None}]
        assert str(scripts[0]["src"]).startswith("/static/app.js")
        for _tag, attrs in tags:
            assert not any(name.startswith("on") for name in attrs), attrs
            assert "style" not in attrs
        assert client.get(str(scripts[0]["src"])).status_code == 200


def test_the_form_offers_paste_upload_and_the_sample(client: TestClient) -> None:
    tags = elements(client.get("/").text)
    names = [attrs.get("name") for tag, attrs in tags if tag in ("textarea", "input")]
    assert names.count("texts") == 3 and names.count("sources") == 3
    assert "files" in names and "words" in names
    form = next(attrs for tag, attrs in tags if tag == "form")
    assert form["enctype"] == "multipart/form-data" and form["action"] == "/digest"
    assert ("a", {"href": "/sample"}) in tags


def test_sample_page_citations_point_at_sentences_of_the_page(client: TestClient) -> None:
    page = client.get("/sample").text
    tags = elements(page)
    ids = {attrs["id"] for _tag, attrs in tags if attrs.get("id")}
    cites = [attrs for tag, attrs in tags if tag == "a" and "cite" in str(attrs.get("class"))]
    summary_cites = [c for c in cites if c.get("data-evidence")]
    assert len(summary_cites) >= 5
    for cite in cites:
        for sentence_id in str(cite["data-sentences"]).split():
            assert sentence_id in ids
        assert str(cite["href"]).removeprefix("#") in ids
    for cite in summary_cites:
        assert cite["data-evidence"] in ids
    # every outlet gets a column, and the three kinds of highlight are all present
    assert page.count('class="column"') == 5
    for kind in ("k-agreed", "k-single", "k-conflicting"):
        assert kind in page
    assert "Where they differ" in page and "Who said what" in page


def test_sample_evidence_quotes_the_cited_sentences_exactly(
    client: TestClient, sample_digest: object
) -> None:
    page = client.get("/sample").text
    first = page.split('id="evidence-0"', 1)[1].split("</div>", 1)[0]
    quoted = re.findall(r'<q class="evidence-text">(.*?)</q>', first, re.S)
    assert len(quoted) >= 2
    assert "A dam upstream of the Orvenian town of Velmora" in quoted[0]


def test_pasted_markup_is_shown_as_text_never_as_markup(client: TestClient) -> None:
    kestrel = (sample_path() / "kestrel24.txt").read_text("utf-8")
    page = post_form(client, [HOSTILE, kestrel], ["Tarnow Daily <b>", ""])
    assert "&lt;script&gt;window.pwned = 1&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=&#34;window.pwned = 2&#34;&gt;" in page
    assert "Tarnow Daily &lt;b&gt;" in page
    tags = elements(page)
    assert not [attrs for tag, attrs in tags if tag == "img"]
    assert [tag for tag, _ in tags].count("script") == 1


def test_an_empty_form_is_sent_back_with_the_reason(client: TestClient) -> None:
    answer = client.post("/digest", data={"texts": ["", " "], "sources": ["", ""]})
    assert answer.status_code == 422
    assert "nothing to digest" in answer.text
    assert 'role="alert"' in answer.text


def test_the_form_keeps_what_was_typed_when_it_is_refused(client: TestClient) -> None:
    answer = client.post("/digest", data={"texts": ["<i>x</i>"], "sources": ["Mine"], "words": "3"})
    assert answer.status_code == 422
    assert "words must be between" in answer.text
    assert "&lt;i&gt;x&lt;/i&gt;</textarea>" in answer.text
    assert 'value="Mine"' in answer.text


def test_uploads_through_the_form(client: TestClient) -> None:
    files = [("files", (p.name, p.read_bytes())) for p in sorted(sample_path().iterdir())]
    answer = client.post("/digest", files=files, data={"texts": [""]}, follow_redirects=False)
    assert answer.status_code == 303
    page = client.get(answer.headers["location"]).text
    assert page.count('class="column"') == 5
    assert "greywater_times.html" in page


def test_an_unknown_digest_key_is_a_404_page(client: TestClient) -> None:
    answer = client.get("/digest/no-such-key")
    assert answer.status_code == 404
    assert "text/html" in answer.headers["content-type"]
    assert "no longer kept" in answer.text


def test_stories_page_explains_why_there_are_none(client: TestClient) -> None:
    answer = client.get("/stories")
    assert answer.status_code == 503
    assert "--db FILE" in answer.text
