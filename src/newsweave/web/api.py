"""The JSON API: digest pasted text or uploaded files, list the stored stories, digest one.

Every digest answer is the document `newsweave digest --format json` prints (see
`newsweave schema`). Errors answer `{"detail": "<one line>"}` with a 4xx status:
413 for a body or an article count above the limits, 422 for input that holds no article
or fails validation, 403 for URLs sent to a server started without --fetch-urls, 404 for an
unknown story, 503 when stories are not available.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Form, Path, Query, Request, Response, UploadFile
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator
from starlette.concurrency import run_in_threadpool

from newsweave import __version__
from newsweave.ingest.metadata import iso_date
from newsweave.report.json_report import to_dict
from newsweave.stream.store import StoryInfo
from newsweave.web.errors import digest_errors
from newsweave.web.inputs import PastedArticle, Upload, read_inputs
from newsweave.web.service import DigestService, TooManyArticles
from newsweave.web.stories import MAX_STORIES_PAGE, list_stories, story_digest
from newsweave.web.urls import MAX_URL_CHARS, MAX_URLS, fetch_urls, url_problem

router = APIRouter(prefix="/api")

DIGEST_DOC = "The digest document, as `newsweave digest --format json` prints it."


class FieldError(BaseModel):
    loc: list[str | int] = Field(description="Where: body, then the field's path")
    msg: str


class ErrorBody(BaseModel):
    """Every error answer: a one-line `detail`; validation errors add `errors`."""

    detail: str
    errors: list[FieldError] | None = None


def _error(description: str) -> dict[str, Any]:
    return {"description": description, "model": ErrorBody}


INVALID: dict[int | str, dict[str, Any]] = {
    422: _error("No article in the input, or a field fails validation")
}
ERRORS: dict[int | str, dict[str, Any]] = {
    413: _error("The body, or the number of articles, is above the server's limits"),
    **INVALID,
}
URL_ERRORS: dict[int | str, dict[str, Any]] = {
    403: _error("URLs sent to a server started without --fetch-urls"),
    **ERRORS,
}
STORY_ERRORS: dict[int | str, dict[str, Any]] = {
    404: _error("No story with this id"),
    503: _error("No story store (start with --db FILE), or stories are not installed"),
}


def service(request: Request) -> DigestService:
    """The app's digest service (one per app)."""
    found: DigestService = request.app.state.service
    return found


Service = Annotated[DigestService, Depends(service)]


def _calendar_day(value: str) -> str:
    if iso_date(value) != value:
        raise ValueError(f"not a calendar day between years 1000 and 8999: {value!r}")
    return value


PublicationDate = Annotated[
    str, Field(pattern=r"^\d{4}-\d{2}-\d{2}$"), AfterValidator(_calendar_day)
]


class ArticleIn(BaseModel):
    """One article: its text as pasted (plain text, HTML, JSON or JSON Lines), and the
    metadata to use where the text carries none."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, description="The article: plain text, HTML or JSON")
    title: str | None = Field(None, max_length=1000, description="Headline")
    source: str | None = Field(None, max_length=200, description="Outlet name")
    url: str | None = Field(None, max_length=2000, description="Address (metadata only)")
    published: PublicationDate | None = Field(None, description="Publication date, YYYY-MM-DD")


def _fetchable(url: str) -> str:
    problem = url_problem(url)
    if problem:
        raise ValueError(problem)
    return url


FetchableUrl = Annotated[str, Field(max_length=MAX_URL_CHARS), AfterValidator(_fetchable)]


class DigestRequest(BaseModel):
    """Articles about one event, given as text or as web addresses, and the summary length
    wanted. At least one article or URL."""

    model_config = ConfigDict(extra="forbid")

    articles: list[ArticleIn] = Field(default_factory=list, description="The articles to digest")
    urls: list[FetchableUrl] = Field(
        default_factory=list,
        max_length=MAX_URLS,
        description="http(s) addresses of articles for the server to fetch and digest; only "
        "when it was started with --fetch-urls (403 otherwise). A URL that cannot be fetched "
        "or read is listed in the digest's `skipped` with its reason",
    )
    words: int | None = Field(None, description="Summary length in words (default 150)")

    @model_validator(mode="before")
    @classmethod
    def _not_empty(cls, data: Any) -> Any:
        if isinstance(data, dict) and not data.get("articles") and not data.get("urls"):
            raise ValueError("no articles and no urls: give at least one article or URL")
        return data


@router.get("/health", summary="Is the server up")
def health(request: Request) -> dict[str, Any]:
    """Answers while the server runs; `stories` says whether a story store was given."""
    return {
        "status": "ok",
        "version": __version__,
        "stories": request.app.state.settings.db is not None,
    }


@router.post(
    "/digest",
    summary="Digest pasted articles or web addresses",
    responses={200: {"description": DIGEST_DOC}, **URL_ERRORS},
)
def digest_text(body: DigestRequest, digests: Service) -> dict[str, Any]:
    """Digest the articles in the body, and those at `urls` when the server fetches URLs
    (started with --fetch-urls). An article's `url` is metadata only, never fetched."""
    pasted = [PastedArticle(**article.model_dump()) for article in body.articles]
    with digest_errors():
        count = len(pasted) + len(body.urls)
        check_count(count, digests.settings.max_articles, "articles and URLs")
        digests.options(body.words)  # a bad length is refused before anything is fetched
        fetched = fetch_urls(body.urls, digests.settings)
        inputs = read_inputs(pasted, [])
        inputs.documents.extend(fetched.documents)
        inputs.skipped.extend(fetched.skipped)
        return to_dict(digests.digest(inputs, body.words))


@router.post(
    "/digest/files",
    summary="Digest uploaded files",
    responses={200: {"description": DIGEST_DOC}, **ERRORS},
)
async def digest_files(
    files: Annotated[
        list[UploadFile], File(description="Article files, any format newsweave reads")
    ],
    digests: Service,
    words: Annotated[int | None, Form(description="Summary length in words")] = None,
) -> dict[str, Any]:
    """Digest the uploaded files; a file name is used as a label, never as a path."""
    with digest_errors():
        uploads = await read_uploads(files, digests.settings.max_articles)
        result = await run_in_threadpool(digests.digest, read_inputs([], uploads), words)
    return to_dict(result)


def check_count(count: int, limit: int, what: str) -> None:
    """Raises `TooManyArticles` when a request brings more than `limit` articles."""
    if count > limit:
        raise TooManyArticles(f"{count} {what} in one request; the limit is {limit}")


async def read_uploads(files: list[UploadFile], limit: int) -> list[Upload]:
    """The uploads' bytes, leaving out the empty part a browser sends for no file."""
    chosen = [f for f in files if f.filename or (f.size or 0) > 0]
    check_count(len(chosen), limit, "files")
    return [Upload(f.filename, await f.read()) for f in chosen]


@router.get(
    "/sample/digest",
    summary="Digest of the bundled sample",
    responses={200: {"description": DIGEST_DOC}},
)
def sample_digest(digests: Service) -> dict[str, Any]:
    """The bundled sample (five fictional outlets on one fictional event), digested."""
    return to_dict(digests.sample())


@router.get(
    "/stories",
    summary="List the stories in the store",
    responses={
        200: {
            "description": "A page of stories",
            "headers": {
                "X-Total-Count": {
                    "description": "How many stories the store holds",
                    "schema": {"type": "integer"},
                }
            },
        },
        **STORY_ERRORS,
    },
)
def stories(
    request: Request,
    response: Response,
    limit: Annotated[int, Query(ge=1, le=MAX_STORIES_PAGE, description="Stories per page")] = 100,
    offset: Annotated[int, Query(ge=0, description="Stories to skip, newest first")] = 0,
) -> list[StoryInfo]:
    """The stories of the store given with --db, the one with the newest article first, with
    their articles: `limit` of them after the first `offset`. The `X-Total-Count` header
    says how many there are."""
    found, total = list_stories(request.app.state.settings.db, limit, offset)
    response.headers["X-Total-Count"] = str(total)
    return found


@router.get(
    "/stories/{story_id}/digest",
    summary="Digest one story",
    responses={200: {"description": DIGEST_DOC}, **STORY_ERRORS, **INVALID},
)
def story(
    story_id: Annotated[str, Path(max_length=200, description="A story id from /api/stories")],
    request: Request,
    digests: Service,
) -> dict[str, Any]:
    """The digest of the story's articles."""
    db = request.app.state.settings.db
    with digest_errors():
        return to_dict(digests.limited(lambda: story_digest(db, story_id, digests.options(None))))
