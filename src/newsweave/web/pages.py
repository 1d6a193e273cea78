"""The HTML pages: the form to paste or upload articles, the digest page, the stories, and
the API reference. Pages are rendered on the server; app.js only adds the interactions."""

from __future__ import annotations

from pathlib import Path as FilePath
from typing import Annotated

from fastapi import APIRouter, File, Form, Path, Request, UploadFile
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.responses import HTMLResponse, RedirectResponse, Response

from newsweave.errors import NewsweaveError, NoArticlesError
from newsweave.model import Digest
from newsweave.report.json_report import to_dict
from newsweave.stream.store import StoryInfo
from newsweave.web.api import check_count, read_uploads, service
from newsweave.web.apidocs import operations, schemas
from newsweave.web.errors import status_of
from newsweave.web.inputs import PastedArticle, read_inputs
from newsweave.web.stories import STORIES_PAGE, list_stories, story_digest
from newsweave.web.templating import render
from newsweave.web.urls import MAX_URLS, fetch_urls, split_urls
from newsweave.web.view import digest_view

router = APIRouter(include_in_schema=False)

PASTE_BOXES = 3
LATEST_STORIES = 10
NOTHING = "nothing to digest: paste an article's text or choose files"
NOTHING_OR_URLS = "nothing to digest: paste an article's text, choose files or give web addresses"


def _page(template: str, status: int = 200, **context: object) -> HTMLResponse:
    return HTMLResponse(render(template, **context), status_code=status)


def _form(
    request: Request,
    *,
    error: str | None = None,
    status: int = 200,
    texts: list[str] | None = None,
    sources: list[str] | None = None,
    urls: str = "",
    words: int | None = None,
) -> HTMLResponse:
    settings = request.app.state.settings
    texts = list(texts or [])
    sources = list(sources or [])
    boxes = max(PASTE_BOXES, len(texts))
    texts += [""] * (boxes - len(texts))
    sources += [""] * (boxes - len(sources))
    return _page(
        "index.html.j2",
        status,
        page_title="Digest articles",
        error=error,
        boxes=list(zip(sources, texts, strict=True)),
        urls=urls,
        max_urls=MAX_URLS,
        words=words or settings.default_words,
        settings=settings,
        stories=_latest_stories(settings.db),
    )


def _latest_stories(db: FilePath | None) -> list[StoryInfo] | None:
    """The newest stories for the form page; None when there is no store to pick from."""
    if db is None:
        return None
    try:
        return list_stories(db, LATEST_STORIES)[0]
    except HTTPException:
        return None


def _digest_page(digest: Digest, *, kind: str, permalink: str | None = None) -> HTMLResponse:
    view = digest_view(digest, to_dict(digest))
    return _page("digest.html.j2", view=view, page_title=view.title, kind=kind, link=permalink)


@router.api_route("/", methods=["GET", "HEAD"], response_class=HTMLResponse)  # monitors use HEAD
def index(request: Request) -> HTMLResponse:
    return _form(request)


@router.post("/digest")
async def digest_form(
    request: Request,
    texts: Annotated[list[str], Form()] = [],  # noqa: B006 (FastAPI copies defaults)
    sources: Annotated[list[str], Form()] = [],  # noqa: B006
    files: Annotated[list[UploadFile], File()] = [],  # noqa: B006
    urls: Annotated[str, Form()] = "",
    words: Annotated[int | None, Form()] = None,
) -> Response:
    """Digest the form's articles, keep the digest, and send the browser to its page."""
    digests = service(request)
    pasted = [
        PastedArticle(text=text, source=source.strip() or None)
        for text, source in zip(texts, [*sources, *[""] * len(texts)], strict=False)
        if text.strip()
    ]
    addresses = split_urls(urls)
    try:
        uploads = await read_uploads(files, digests.settings.max_articles)
        count = len(pasted) + len(uploads) + len(addresses)
        check_count(count, digests.settings.max_articles, "articles")
        if not count:
            fetching = digests.settings.fetch_urls
            raise NoArticlesError(NOTHING_OR_URLS if fetching else NOTHING)
        digests.options(words)  # a bad length is refused before anything is fetched
        inputs = read_inputs(pasted, uploads)
        fetched = await run_in_threadpool(fetch_urls, addresses, digests.settings)
        inputs.documents.extend(fetched.documents)
        inputs.skipped.extend(fetched.skipped)
        result = await run_in_threadpool(digests.digest, inputs, words)
    except NewsweaveError as error:
        return _form(
            request,
            error=str(error),
            status=status_of(error),
            texts=texts,
            sources=sources,
            urls=urls,
            words=words,
        )
    key = digests.cache.add(result)
    return RedirectResponse(f"/digest/{key}", status_code=303)


@router.get("/digest/{key}", response_class=HTMLResponse)
def digest_page(request: Request, key: Annotated[str, Path(max_length=64)]) -> HTMLResponse:
    found = service(request).cache.get(key)
    if found is None:
        raise HTTPException(404, "this digest is no longer kept: digest the articles again")
    return _digest_page(found, kind="pasted", permalink=f"/digest/{key}")


@router.get("/sample", response_class=HTMLResponse)
def sample_page(request: Request) -> HTMLResponse:
    return _digest_page(service(request).sample(), kind="sample", permalink="/sample")


@router.get("/stories", response_class=HTMLResponse)
def stories_page(request: Request) -> HTMLResponse:
    found, total = list_stories(request.app.state.settings.db, STORIES_PAGE)
    return _page("stories.html.j2", page_title="Stories", stories=found, total=total)


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story_page(request: Request, story_id: Annotated[str, Path(max_length=200)]) -> HTMLResponse:
    db = request.app.state.settings.db
    digests = service(request)
    try:
        found = digests.limited(lambda: story_digest(db, story_id, digests.options(None)))
    except NewsweaveError as error:
        raise HTTPException(status_of(error), str(error)) from error
    return _digest_page(found, kind="story", permalink=f"/stories/{story_id}")


@router.get("/api/docs", response_class=HTMLResponse)
def api_docs(request: Request) -> HTMLResponse:
    openapi = request.app.openapi()
    return _page(
        "api.html.j2",
        page_title="API",
        operations=operations(openapi),
        schemas=schemas(openapi),
        settings=request.app.state.settings,
    )
