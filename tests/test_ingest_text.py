"""Plain-text inputs and decoding: bodies kept verbatim, encodings detected, binaries refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsweave.errors import InputError
from newsweave.ingest import read_bytes, read_sources

STORY = (
    "Lowtown tram line approved | Local news\n"
    "date 2024-06-03 LOWTOWN : The council approved the tram line on Monday.\n"
    "\n"
    "  Work starts in June.\n"
)


def write(tmp_path: Path, name: str, data: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


def test_text_body_is_verbatim_with_crlf_normalised(tmp_path: Path) -> None:
    path = write(tmp_path, "story.txt", STORY.replace("\n", "\r\n").encode())
    result = read_sources([path])
    assert result.skipped == []
    [doc] = result.documents
    assert doc.body == STORY
    assert (doc.origin, doc.format) == (path, "text")
    assert (doc.title, doc.source, doc.url, doc.published, doc.language) == (None,) * 5


def test_markdown_and_unknown_extension_given_explicitly_are_read(tmp_path: Path) -> None:
    md = write(tmp_path, "notes.md", b"# Tram\n\nThe tram line was approved.\n")
    odd = write(tmp_path, "story.article", STORY.encode())
    result = read_sources([md, odd])
    assert [d.origin for d in result.documents] == [md, odd]
    assert {d.format for d in result.documents} == {"text"}


def test_utf8_bom_is_dropped(tmp_path: Path) -> None:
    path = write(tmp_path, "bom.txt", "\ufeffCafé opens.\n".encode())
    assert read_sources([path]).documents[0].body == "Café opens.\n"


def test_utf16_with_bom_is_decoded(tmp_path: Path) -> None:
    path = write(tmp_path, "wide.txt", "Grüße aus Lowtown.\n".encode("utf-16"))
    assert read_sources([path]).documents[0].body == "Grüße aus Lowtown.\n"


@pytest.mark.parametrize(
    "text",
    [
        "The café on Rue Étienne reopened on Tuesday. “We are delighted,” said Renée — "
        "who had waited ten months.\n",
        "Le maire a déclaré : « Nous sommes prêts. » C’était prévu depuis l’été.\n",
        "naïve résumé\n",
    ],
)
def test_cp1252_text_is_decoded(tmp_path: Path, text: str) -> None:
    path = write(tmp_path, "legacy.txt", text.encode("cp1252"))
    result = read_sources([path])
    assert result.skipped == []
    assert result.documents[0].body == text


def test_cyrillic_cp1251_is_detected(tmp_path: Path) -> None:
    text = "Президент Франции встретился с президентом России в Москве в понедельник.\n"
    path = write(tmp_path, "ru.txt", text.encode("cp1251"))
    assert read_sources([path]).documents[0].body == text


def test_utf8_with_a_stray_cp1252_quote_keeps_both(tmp_path: Path) -> None:
    data = "Zoë said ".encode() + "“yes”".encode("cp1252") + " in Göteborg.\n".encode()
    path = write(tmp_path, "mixed.txt", data)
    assert read_sources([path]).documents[0].body == "Zoë said “yes” in Göteborg.\n"


@pytest.mark.parametrize(
    "data",
    [
        b"Lowtown\x00\x00\x00\x01\x02 tram",
        b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4,
        bytes(range(1, 32)) * 30,
    ],
    ids=["nul-bytes", "png", "control-bytes"],
)
def test_binary_file_is_skipped(tmp_path: Path, data: bytes) -> None:
    path = write(tmp_path, "picture.txt", data)
    result = read_sources([path])
    assert result.documents == []
    assert [(s.input, s.reason) for s in result.skipped] == [(path, "binary file, not text")]


@pytest.mark.parametrize("data", [b"", b"  \n\t\r\n  ", "\ufeff \n".encode()])
def test_empty_or_whitespace_file_is_skipped(tmp_path: Path, data: bytes) -> None:
    path = write(tmp_path, "blank.txt", data)
    result = read_sources([path])
    assert result.documents == []
    assert [(s.input, s.reason) for s in result.skipped] == [(path, "empty file")]


def test_same_article_twice_gives_two_documents(tmp_path: Path) -> None:
    first = write(tmp_path, "a.txt", STORY.encode())
    second = write(tmp_path, "b.txt", STORY.encode())
    result = read_sources([first, second, first])
    assert [d.origin for d in result.documents] == [first, second, first]
    assert all(d.body == STORY for d in result.documents)


def test_read_bytes_returns_documents_and_raises_one_line_errors() -> None:
    [doc] = read_bytes(STORY.encode(), "memo", filename="memo.txt")
    assert (doc.origin, doc.format, doc.body) == ("memo", "text", STORY)
    with pytest.raises(InputError, match=r"^empty file$"):
        read_bytes(b" \n", "blank")
    with pytest.raises(InputError, match=r"^binary file, not text$"):
        read_bytes(b"\x00\x01\x02", "blob")
