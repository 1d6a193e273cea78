"""HTML pages: main text and metadata through trafilatura, pages without articles refused."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

from newsweave.errors import InputError
from newsweave.ingest import read_bytes, read_sources, source_label

DATA = Path(__file__).parent / "data" / "ingest"


def test_article_page_text_and_metadata() -> None:
    path = str(DATA / "article.html")
    result = read_sources([path])
    assert result.skipped == []
    [doc] = result.documents
    assert (doc.origin, doc.format) == (path, "html")
    assert doc.title == "Harbour bridge reopens after storm repairs"
    assert doc.source == "The Lowtown Ledger"
    assert doc.url == "https://www.lowtownledger.example/news/harbour-bridge-reopens"
    assert doc.published == "2024-03-14"
    assert doc.language == "en"
    paragraphs = doc.body.split("\n\n")
    assert "The Harbour Bridge in Lowtown reopened" in doc.body
    assert any(p.startswith("Mayor Ilse Varga cut a ribbon") for p in paragraphs)
    assert len(paragraphs) >= 4 and all(p.strip() == p and p for p in paragraphs)
    for boilerplate in ("Sport", "All rights reserved", "newsletter", "Privacy"):
        assert boilerplate not in doc.body
    assert source_label(doc) == "The Lowtown Ledger"


def test_page_without_metadata_falls_back_to_file_stem() -> None:
    [doc] = read_sources([DATA / "nodate.htm"]).documents
    assert doc.language == "fr"
    assert doc.published is None and doc.url is None and doc.source is None
    assert "« Nous attendions deux mille personnes" in doc.body
    assert "Accueil" not in doc.body
    assert source_label(doc) == "nodate"


def test_page_without_article_text_is_skipped() -> None:
    path = str(DATA / "no_article.html")
    result = read_sources([path])
    assert result.documents == []
    assert [(s.input, s.reason) for s in result.skipped] == [
        (path, "HTML page has no article text")
    ]
    with pytest.raises(InputError, match=r"^HTML page has no article text$"):
        read_bytes((DATA / "no_article.html").read_bytes(), "page")


def test_html_is_sniffed_on_stdin_and_in_text_files(tmp_path: Path) -> None:
    markup = (DATA / "article.html").read_bytes()
    saved = tmp_path / "saved_page.txt"
    saved.write_bytes(markup)
    result = read_sources(["-", saved], stdin=io.BytesIO(markup))
    assert [(d.origin, d.format) for d in result.documents] == [
        ("stdin", "html"),
        (str(saved), "html"),
    ]
    assert result.documents[0].body == result.documents[1].body


def test_cp1252_page_is_decoded(tmp_path: Path) -> None:
    markup = (DATA / "nodate.htm").read_text(encoding="utf-8").replace('charset="utf-8"', "")
    page = tmp_path / "legacy.html"
    page.write_bytes(markup.encode("cp1252"))
    [doc] = read_sources([page]).documents
    assert "présidente de l’association" in doc.body


def test_importing_ingest_does_not_import_trafilatura() -> None:
    code = (
        "import sys, newsweave.ingest\n"
        "heavy = [m for m in sys.modules if m.split('.')[0] in "
        "{'trafilatura', 'htmldate', 'lxml', 'charset_normalizer'}]\n"
        "assert not heavy, heavy\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
