from __future__ import annotations

from pathlib import Path

import pytest

from newsweave.errors import InputError
from newsweave.evaluation.multiling import read_multiling

DATA = Path(__file__).parent / "data" / "eval" / "multiling"
SHARED = Path(__file__).resolve().parents[2] / "shared" / "bench" / "multiling2011"


def test_english_topics_documents_and_references() -> None:
    clusters = read_multiling(DATA)
    assert [c.id for c in clusters] == ["M000", "M001"]
    first, second = clusters
    assert first.language == "en"
    assert len(first.documents) == 2 and len(second.documents) == 1
    assert first.references == (
        "A ferry ran aground off Tessel Point on Thursday.\n"
        "All 212 passengers were rescued by lifeboats.",
        "The Tessel Point ferry grounding ended with every passenger safe.",
    )
    assert second.references == ("The library reopened on Monday.",)


def test_title_date_prefix_and_date_line_become_metadata() -> None:
    document = read_multiling(DATA)[0].documents[0]
    assert document.title == "Ferry runs aground off Tessel Point"
    assert document.published == "2024-05-02"
    assert document.language == "en"
    assert document.format == "multiling"
    assert document.origin.endswith("M0000.english")
    assert document.body.startswith("A passenger ferry ran aground")
    assert "Thursday, May 2, 2024" not in document.body


def test_date_line_alone_gives_the_date() -> None:
    document = read_multiling(DATA)[0].documents[1]
    assert document.title == "Tessel ferry refloated after two days"
    assert document.published == "2024-05-04"
    assert document.body.startswith("Salvage crews refloated")


def test_other_language_day_first_prefix_and_english_original_date() -> None:
    (cluster,) = read_multiling(DATA, language="French")
    assert cluster.language == "fr"
    first, second = cluster.documents
    assert first.title == "Un ferry s'échoue au large de la pointe de Tessel"
    assert first.published == "2024-05-02"
    assert first.body.startswith("Un ferry de passagers")  # "Jeudi 2 mai 2024" dropped
    # the second French file is cp1252 and has no English-readable date: the English
    # original's date is used
    assert second.title == "Le ferry de Tessel renfloué"
    assert second.published == "2024-05-04"
    assert second.body.startswith("Les équipes de sauvetage")


def test_unknown_language_lists_the_choices() -> None:
    with pytest.raises(InputError, match="unknown MultiLing language 'klingon'; choose one of"):
        read_multiling(DATA, language="klingon")


def test_folder_without_the_layout_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no reference summaries for english"):
        read_multiling(tmp_path)
    (tmp_path / "model_summaries" / "English").mkdir(parents=True)
    with pytest.raises(InputError, match="no source_texts/ in it"):
        read_multiling(tmp_path)


def test_topic_without_references_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "model_summaries" / "English").mkdir(parents=True)
    (tmp_path / "source_texts").mkdir()
    (tmp_path / "source_texts" / "M0030.english").write_text("Title\n\nBody text here.\n")
    with pytest.raises(InputError, match="no reference summaries for topic M003"):
        read_multiling(tmp_path)


@pytest.mark.parametrize(
    "language", ["english", "czech", "arabic", "hebrew", "hindi", "greek", "french"]
)
def test_the_shared_set_reads_whole(language: str) -> None:
    if not SHARED.is_dir():
        pytest.skip("../shared/bench/multiling2011 is not beside the repository")
    clusters = read_multiling(SHARED, language=language)
    assert [c.id for c in clusters] == [f"M00{t}" for t in range(10)]
    assert all(len(c.documents) == 10 and len(c.references) >= 2 for c in clusters)
    assert all(d.published and d.published.startswith("20") for c in clusters for d in c.documents)
    assert all("\ufffd" not in d.body for c in clusters for d in c.documents)
    # every text has a title line and a body (M0075.greek ends its lines with a bare CR)
    assert all(len(d.title or "") < 300 for c in clusters for d in c.documents)
    assert all(len(d.body) > 300 for c in clusters for d in c.documents)


def test_lines_ended_by_a_bare_carriage_return(tmp_path: Path) -> None:
    (tmp_path / "source_texts").mkdir()
    (tmp_path / "model_summaries" / "english").mkdir(parents=True)
    (tmp_path / "model_summaries" / "english" / "M000.A").write_text("A summary.\n")
    text = "Dam gives way \r\rMonday, March 3, 2025\r\rThe dam failed at 2am.\rMore text.\r"
    (tmp_path / "source_texts" / "M0000.english").write_bytes(text.encode())
    (document,) = read_multiling(tmp_path)[0].documents
    assert document.title == "Dam gives way"
    assert document.published == "2025-03-03"
    assert document.body.startswith("The dam failed at 2am.\nMore text.")


@pytest.mark.parametrize(
    ("text", "body_start", "published"),
    [
        # a caption before the date line, the date glued to the first sentence
        (
            "Caption of the photo\n\nTuesday, January 18, 2005Through a telethon, many gave.\n",
            "Caption of the photo\n\nThrough a telethon",
            "2005-01-18",
        ),
        # other scripts and digits: the whole short line is the date
        ("शुक्रवार, जून २, २००६\nसेना ने कहा कि जांच जारी है।\n", "सेना ने कहा", None),
        (
            "Samedi 1er janvier 2005\n\nLors d'un volte-face inattendu, les nations riches.\n",
            "Lors d'un volte-face",
            None,
        ),
        # a first sentence that starts with a date keeps its words
        (
            "On 12 March 2005 the council voted to close the bridge.\n",
            "On 12 March 2005 the council",
            None,
        ),
    ],
)
def test_date_lines_in_the_wild(
    tmp_path: Path, text: str, body_start: str, published: str | None
) -> None:
    (tmp_path / "model_summaries" / "English").mkdir(parents=True)
    (tmp_path / "model_summaries" / "English" / "M000.A.250").write_text("Reference.\n")
    (tmp_path / "source_texts").mkdir()
    (tmp_path / "source_texts" / "M0000.english").write_text("A title\n\n" + text, encoding="utf-8")
    (document,) = read_multiling(tmp_path)[0].documents
    assert document.body.startswith(body_start)
    assert document.published == published
