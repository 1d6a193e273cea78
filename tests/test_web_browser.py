"""The web app in a real browser: Debian's Chromium driven by Playwright, against the app
served by uvicorn on 127.0.0.1 (a free port). Screenshots go to tests/artifacts/; with
NEWSWEAVE_UPDATE_SCREENSHOTS=1 the README's docs/images/digest-page.png is retaken too.

Skipped, with the reason, when the `playwright` package or the Chromium executable
(/usr/bin/chromium, or $NEWSWEAVE_CHROMIUM) is missing: `bash scripts/install_browser.sh`
installs Chromium; Playwright's own browser download is never used.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi", reason="the web extra is not installed: pip install -e '.[web]'")
sync_api = pytest.importorskip(
    "playwright.sync_api", reason="playwright is not installed: pip install -e '.[test]'"
)
CHROMIUM = Path(os.environ.get("NEWSWEAVE_CHROMIUM", "/usr/bin/chromium"))
if not CHROMIUM.is_file():
    pytest.skip(
        f"no Chromium at {CHROMIUM}: run 'bash scripts/install_browser.sh' (Debian's chromium)",
        allow_module_level=True,
    )

import uvicorn  # noqa: E402

from newsweave.sample import sample_path  # noqa: E402
from newsweave.web.app import create_app  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
ARTIFACTS = REPO / "tests" / "artifacts"
README_IMAGE = REPO / "docs" / "images" / "digest-page.png"
LAPTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}
README_SIZE = {"width": 1366, "height": 1600}
HOSTILE = (
    "Officials in Tarnow said the river rose two metres overnight and 300 people left home. "
    "A caption read <script>window.pwned = 1; alert('script ran')</script> under the photo. "
    "Another read <img src=x onerror=\"window.pwned = 2; alert('onerror ran')\"> beside it.\n\n"
    "The mayor said the shelters would stay open until the water goes down."
)
HOSTILE_HTML = (
    b"<html><head><title>Flood in Tarnow</title>"
    b"<script>window.pwned = 3</script></head><body><article>"
    b"<p>The river rose two metres overnight in Tarnow and 300 people left home, "
    b'the mayor said on Monday.</p><img src=x onerror="window.pwned = 4">'
    b"<p>Shelters will stay open until the water goes down, officials said.</p>"
    b"<p>&lt;script&gt;window.pwned = 5&lt;/script&gt; was printed in a caption.</p>"
    b"</article></body></html>"
)


@pytest.fixture(scope="module")
def base_url() -> Iterator[str]:
    listening = socket.socket()
    listening.bind(("127.0.0.1", 0))
    listening.listen(64)
    server = uvicorn.Server(uvicorn.Config(create_app(), log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [listening]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            pytest.fail("the server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{listening.getsockname()[1]}"
    server.should_exit = True
    thread.join(timeout=10)
    listening.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True)
        yield launched
        launched.close()


class Watched:
    """A page with everything it asked the network for, its console errors and dialogs."""

    def __init__(self, browser: Any, viewport: dict[str, int]) -> None:
        self.page = browser.new_page(viewport=viewport)
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)

        def dismiss(dialog: Any) -> None:
            self.dialogs.append(dialog.message)
            dialog.dismiss()

        self.page.on("dialog", dismiss)


@pytest.fixture()
def laptop(browser: Any) -> Iterator[Watched]:
    watched = Watched(browser, LAPTOP)
    yield watched
    watched.page.close()


def shoot(page: Any, name: str, *, full_page: bool = False) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / name
    page.screenshot(path=str(path), full_page=full_page)
    return path


def test_sample_page_loads_with_nothing_from_elsewhere(laptop: Watched, base_url: str) -> None:
    page = laptop.page
    page.goto(f"{base_url}/sample")
    assert page.title().startswith("Orvenian dam bursts")
    assert page.locator(".column").count() == 5
    assert page.locator(".summary-item").count() >= 5
    assert all(url.startswith(base_url) or url.startswith("data:") for url in laptop.requests)
    assert laptop.errors == []
    shoot(page, "digest-page-top.png")
    shoot(page, "digest-page-full.png", full_page=True)


def test_clicking_a_citation_shows_the_cited_sentence(laptop: Watched, base_url: str) -> None:
    page = laptop.page
    page.goto(f"{base_url}/sample")
    item = page.locator(".summary-item").first
    evidence = item.locator(".evidence")
    assert evidence.is_hidden()
    cite = item.locator("a.cite").nth(1)  # another outlet than the one the text is from
    sentence_id = cite.get_attribute("data-sentences").split()[0]
    sentence = page.locator(f'[id="{sentence_id}"]')
    cite.click()
    assert evidence.is_visible()
    assert cite.get_attribute("aria-expanded") == "true"
    current = evidence.locator(".evidence-item.current .evidence-text")
    assert current.count() >= 1
    assert current.first.inner_text().strip('“”"') == sentence.inner_text()
    assert "active" in sentence.get_attribute("class")
    # the column holding the sentence has been scrolled into the columns' visible area
    columns_box = page.locator("#columns").bounding_box()
    sentence_box = sentence.bounding_box()
    assert columns_box["x"] <= sentence_box["x"] < columns_box["x"] + columns_box["width"]
    shoot(page, "citation-clicked.png")
    # the README's picture: the summary with one citation open, and the outlets' columns
    page.evaluate("window.scrollTo(0, 0)")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    picture = ARTIFACTS / "digest-page.png"
    page.screenshot(path=str(picture), full_page=True, clip={"x": 0, "y": 0, **README_SIZE})
    if os.environ.get("NEWSWEAVE_UPDATE_SCREENSHOTS") == "1":
        README_IMAGE.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(picture, README_IMAGE)
    cite.click()
    assert evidence.is_hidden()


def test_hovering_a_citation_shows_its_sentence(laptop: Watched, base_url: str) -> None:
    page = laptop.page
    page.goto(f"{base_url}/sample")
    cite = page.locator(".summary-item a.cite").nth(2)
    sentence_id = cite.get_attribute("data-sentences").split()[0]
    cite.hover()
    tip = page.locator("#cite-tip")
    assert tip.is_visible()
    assert page.locator(f'[id="{sentence_id}"]').inner_text() in tip.inner_text()
    shoot(page, "citation-hover.png")
    page.mouse.move(5, 5)
    assert tip.is_hidden()


def test_a_citation_of_one_clause_says_which(laptop: Watched, base_url: str) -> None:
    page = laptop.page
    page.goto(f"{base_url}/sample")
    cite = page.locator(".summary-item a.cite.partial").first
    backs = cite.get_attribute("data-backs")
    assert backs and backs.startswith("backs only “")
    cite.hover()
    tip = page.locator("#cite-tip")
    assert tip.inner_text().startswith(backs)
    cite.click()
    evidence = page.locator(".evidence-item.current").first
    assert evidence.locator(".scope").inner_text() == backs + ":"
    marked = evidence.locator("mark").first.inner_text()
    sentence_id = cite.get_attribute("data-sentences").split()[0]
    assert marked and marked in page.locator(f'[id="{sentence_id}"]').inner_text()
    assert laptop.errors == []


def test_citations_work_from_the_keyboard(laptop: Watched, base_url: str) -> None:
    page = laptop.page
    page.goto(f"{base_url}/sample")
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('cite')"):
            break
    else:
        pytest.fail("no citation reached with Tab")
    assert page.locator("#cite-tip").is_visible()  # focus shows the sentence too
    page.keyboard.press("Enter")
    panel_id = page.evaluate("document.activeElement.getAttribute('aria-controls')")
    panel = page.locator(f'[id="{panel_id}"]')
    assert panel.is_visible()
    page.keyboard.press("Escape")
    assert panel.is_hidden()
    assert page.evaluate("document.activeElement.classList.contains('cite')")


def test_show_in_article_scrolls_to_the_sentence(laptop: Watched, base_url: str) -> None:
    page = laptop.page
    page.goto(f"{base_url}/sample")
    page.locator(".summary-item a.cite").first.click()
    link = page.locator(".evidence:visible .show-in-article").last
    sentence_id = link.get_attribute("data-sentences")
    link.click()
    sentence = page.locator(f'[id="{sentence_id}"]')
    sync_api.expect(sentence).to_be_in_viewport()
    assert page.evaluate("document.activeElement.id") == sentence_id
    conflict_cite = page.locator("#differences a.cite").last
    target = conflict_cite.get_attribute("data-sentences")
    conflict_cite.click()
    sync_api.expect(page.locator(f'[id="{target}"]')).to_be_in_viewport()
    assert "k-conflicting" in page.locator(f'[id="{target}"]').get_attribute("class")


def test_legend_switches_a_highlight_off(laptop: Watched, base_url: str) -> None:
    page = laptop.page
    page.goto(f"{base_url}/sample")
    agreed = page.locator(".column .s.k-agreed").first
    colour = "getComputedStyle(el).backgroundColor"
    before = agreed.evaluate(f"el => {colour}")
    page.locator('#legend input[data-kind="agreed"]').uncheck()
    assert agreed.evaluate(f"el => {colour}") != before
    assert agreed.evaluate(f"el => {colour}") == "rgba(0, 0, 0, 0)"


def test_pasted_script_and_onerror_never_run(laptop: Watched, base_url: str) -> None:
    page = laptop.page
    page.goto(base_url + "/")
    kestrel = (sample_path() / "kestrel24.txt").read_text("utf-8")
    page.fill("#text-1", HOSTILE)
    page.fill("#source-1", '<img src=x onerror="window.pwned = 6">')
    page.fill("#text-2", kestrel)
    page.set_input_files(
        "#files", files=[{"name": "tarnow.html", "mimeType": "text/html", "buffer": HOSTILE_HTML}]
    )
    page.click("button[type=submit]")
    page.wait_for_url(f"{base_url}/digest/**")
    assert page.locator(".column").count() == 3
    page.wait_for_timeout(300)  # let any (wrongly) injected handler fire
    assert page.evaluate("typeof window.pwned") == "undefined"
    assert laptop.dialogs == []
    shown = page.locator("#columns").inner_text()
    assert "<script>window.pwned = 1; alert('script ran')</script>" in shown
    assert "onerror=\"window.pwned = 2; alert('onerror ran')\"" in shown
    assert page.locator("#main img").count() == 0
    assert page.locator("script").count() == 1
    shoot(page, "hostile-article.png")


def test_phone_width_has_no_sideways_page_scroll(browser: Any, base_url: str) -> None:
    phone = Watched(browser, PHONE)
    page = phone.page
    try:
        for path in ("/", "/sample"):
            page.goto(base_url + path)
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= PHONE["width"], path
        page.locator(".summary-item a.cite").first.click()
        assert page.locator(".summary-item .evidence").first.is_visible()
        shoot(page, "digest-page-phone.png")
        shoot(page, "digest-page-phone-full.png", full_page=True)
        assert phone.errors == []
    finally:
        page.close()


def test_the_form_adds_article_boxes(laptop: Watched, base_url: str) -> None:
    page = laptop.page
    page.goto(base_url + "/")
    assert page.locator("textarea[name=texts]").count() == 3
    page.click("#add-box")
    assert page.locator("textarea[name=texts]").count() == 4
    assert page.evaluate("document.activeElement.id") == "text-4"
    assert page.locator('label[for="text-4"]').inner_text() == "Article 4"


def test_clicking_an_entity_highlights_its_mentions(laptop: Watched, base_url: str) -> None:
    page = laptop.page
    page.goto(f"{base_url}/sample")
    links = page.locator("#entities a.entity-link")
    if links.count() == 0:
        pytest.skip("the digest has no entities yet")
    link = links.first
    ids = link.get_attribute("data-sentences").split()
    link.click()
    for sentence_id in ids:
        assert "active" in page.locator(f'[id="{sentence_id}"]').get_attribute("class")
    sync_api.expect(page.locator(f'[id="{ids[0]}"]')).to_be_in_viewport()


def test_pasting_without_files_digests(laptop: Watched, base_url: str) -> None:
    page = laptop.page
    page.goto(base_url + "/")
    page.fill("#source-1", "Kestrel")
    page.fill("#text-1", (sample_path() / "kestrel24.txt").read_text("utf-8"))
    page.fill("#text-2", (sample_path() / "velmora_courier.txt").read_text("utf-8"))
    page.click("button[type=submit]")
    page.wait_for_url(f"{base_url}/digest/**")
    headings = page.locator(".column h3").all_inner_texts()
    assert headings == ["[1] Kestrel", "[2] pasted article 2"]
    assert page.locator(".summary-item").count() >= 2


def test_timeline_events_lead_to_their_sentences(laptop: Watched, base_url: str) -> None:
    page = laptop.page
    page.goto(f"{base_url}/sample")
    events = page.locator("#timeline svg a.event")
    if events.count() == 0:
        pytest.skip("the digest has no timeline yet")
    event = events.first
    sentence_id = event.get_attribute("data-sentences").split()[0]
    event.click()
    sentence = page.locator(f'[id="{sentence_id}"]')
    sync_api.expect(sentence).to_be_in_viewport()
    assert "active" in sentence.get_attribute("class")
