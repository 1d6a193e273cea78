"""DUC 2003/2004 reader: SGML documents, dates, entities, cluster ids and reference forms."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from newsweave.errors import ConfigError, InputError
from newsweave.evaluation.duc import cluster_id, read_duc, read_duc_file, read_reference

DUC = Path(__file__).parent / "data" / "eval" / "duc"
DOCS = DUC / "docs"
MODELS = DUC / "models"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def sgml(tmp_path: Path, text: str, name: str = "APW19981016.0001") -> Path:
    return write(tmp_path / name, text)


def body_of(tmp_path: Path, text: str) -> str:
    [doc] = read_duc_file(sgml(tmp_path, f"<DOC><TEXT>{text}</TEXT></DOC>"))
    return doc.body


def test_clusters_ids_languages_and_order() -> None:
    clusters = read_duc(DOCS, MODELS)
    assert [c.id for c in clusters] == ["D30001", "D30002"]
    assert {c.language for c in clusters} == {"en"}
    first, second = clusters
    assert [Path(d.origin).name for d in first.documents] == [
        "APW19981016.0240",
        "NYT19981017.0101",
    ]
    assert [Path(d.origin).name for d in second.documents] == [
        "APW19981022.0005",
        "XIE19981020.0033#0",
        "XIE19981020.0033#1",
    ]
    assert {d.format for d in first.documents + second.documents} == {"duc"}
    assert {d.language for d in first.documents + second.documents} == {"en"}


def test_document_with_paragraphs_and_entities() -> None:
    doc = read_duc(DOCS, MODELS)[0].documents[0]
    assert doc.origin == str(DOCS / "d30001t" / "APW19981016.0240")
    assert doc.title == 'Lowtown harbor bridge reopens after "storm" repairs'
    assert doc.body == (
        "LOWTOWN (AP) -- The Quayside Bridge reopened to traffic on Friday, six weeks after a"
        " storm tore away part of its deck & railings.\n\n"
        "Engineers from Marsh & Partners said the repairs cost $4.2 million, less than the"
        " city's first estimate of <5 million>."
    )
    assert (doc.published, doc.source, doc.url) == ("1998-10-16", "APW", None)


def test_document_without_paragraph_tags_uses_indentation_and_docno_date() -> None:
    doc = read_duc(DOCS, MODELS)[0].documents[1]
    assert doc.title == "Commuters return to the Quayside Bridge"
    assert doc.body.split("\n\n") == [
        "By ANNA TELLER",
        "Commuters crowded onto the Quayside Bridge on Saturday morning — the first weekend"
        " since it reopened.",
        "``It feels like the town is whole again,'' said Rosa Petrak, who drives across it"
        " twice a day.",
        "City officials said a second inspection is planned for spring.",
    ]
    assert (doc.published, doc.source) == ("1998-10-17", "NYT")


def test_file_with_two_docs() -> None:
    _, first, second = read_duc(DOCS, MODELS)[1].documents
    path = DOCS / "d30002t" / "XIE19981020.0033"
    assert (first.origin, second.origin) == (f"{path}#0", f"{path}#1")
    assert first.title == "Northvale opens new rail line"
    assert first.body == (
        "NORTHVALE, October 19 (Xinhua) -- A new rail line linking Northvale with the coastal"
        " town of Brindle opened on Monday.\n\n"
        "The 40-kilometer line cuts the journey from two hours to 35 minutes, the regional"
        " transport office said."
    )
    assert first.published == "1998-10-19"  # DATE_TIME wins over the DOCNO's 1998-10-20
    assert second.title is None
    assert second.body == (
        "Ticket sales on the Northvale–Brindle line passed 10,000 in its first two days."
    )
    assert (second.published, second.source) == ("1998-10-21", "XIE")


def test_date_element_with_month_name() -> None:
    doc = read_duc(DOCS, MODELS)[1].documents[0]
    assert (doc.title, doc.published) == ("Brindle shops report busier week", "1998-10-22")
    assert doc.body == (
        "Shop owners in Brindle said trade rose by a fifth in the week the rail line opened."
    )


def test_references_html_and_plain_matched_case_insensitively() -> None:
    first, second = read_duc(DOCS, MODELS)
    assert first.references == (
        "The Quayside Bridge in Lowtown reopened on Friday after storm repairs.\n"
        "Marsh & Partners put the cost at $4.2 million, below the first estimate.\n"
        "Commuters returned on Saturday.",
        "The storm-damaged Quayside Bridge reopened after six weeks.\n"
        "Repairs cost $4.2 million and a second inspection is planned.",
    )
    assert second.references == (
        "A rail line between Northvale and Brindle opened on October 19, 1998.\n"
        "Ticket sales passed 10,000 in two days and Brindle shops got busier.",
    )


def test_language_is_normalised_and_checked() -> None:
    assert {c.language for c in read_duc(DOCS, MODELS, language="EN-us")} == {"en"}
    with pytest.raises(ConfigError, match="ISO 639-1"):
        read_duc(DOCS, MODELS, language="english!")


@pytest.mark.parametrize(
    ("name", "expected"),
    [("d30001t", "D30001"), ("d061j", "D061"), ("D30001", "D30001"), ("topic7", "TOPIC7")],
)
def test_cluster_id(name: str, expected: str) -> None:
    assert cluster_id(name) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("AT&amp;T &AMP; Co", "AT&T & Co"),
        ("&amp;lt;P&amp;gt; stays text", "&lt;P&gt; stays text"),  # decoded once only
        ("&lt;P&gt; is not a paragraph", "<P> is not a paragraph"),
        ("it&#39;s &#x27;quoted&#X27;", "it's 'quoted'"),
        ("&quot;Caf&eacute;&QUOT; &Eacute;tat &EACUTE;TAT", '"Café" État éTAT'),
        ("no &UR; layout &LR; codes&QL;", "no layout codes"),
        ("dash&MD;here", "dash — here"),
        ("bare & ampersand and &notice", "bare & ampersand and &notice"),
        ("a&nbsp;b", "a b"),
    ],
)
def test_entities(tmp_path: Path, text: str, expected: str) -> None:
    assert body_of(tmp_path, text) == expected


def test_other_tags_are_dropped_and_paragraph_text_before_first_p_kept(tmp_path: Path) -> None:
    text = "Lead line\n<ANNOTATION> note </ANNOTATION>\n<p>One\n  two</P>\n<P id=x>Three</P>"
    assert body_of(tmp_path, text) == "Lead line note\n\nOne two\n\nThree"


def test_plain_paragraphs(tmp_path: Path) -> None:
    assert body_of(tmp_path, "\n  All lines\n  indented stay\n  one paragraph\n") == (
        "All lines indented stay one paragraph"
    )
    assert body_of(tmp_path, "\nFirst\nstill first\n\n\t\nSecond\n") == (
        "First still first\n\nSecond"
    )
    assert body_of(tmp_path, "\tTab one\nmore\n\tTab two\n") == "Tab one more\n\nTab two"


def test_tolerant_sgml(tmp_path: Path) -> None:
    text = (
        "junk before\n<doc id='a'>\n<DOCNO>AP880911-0016</DOCNO>\n<Text>First</Text>\n"
        '<DOC lang="en"><DOCNO> NYT19981016.0001 </DOCNO><DATE_TIME> 1998-10-15 </DATE_TIME>'
        "<TEXT>Second</TEXT>\n"  # no </DOC>: the next <DOC> or the end closes it
    )
    first, second = read_duc_file(sgml(tmp_path, text), language=None)
    assert (first.body, first.source, first.published) == ("First", "AP", "1988-09-11")
    assert (second.body, second.source, second.published) == ("Second", "NYT", "1998-10-15")
    assert first.language is None


def test_unreadable_dates_fall_back_or_stay_none(tmp_path: Path) -> None:
    text = (
        "<DOC><DOCNO>XIE19981020.0001</DOCNO><DATE_TIME>13/45/1998</DATE_TIME>"
        "<TEXT>a</TEXT></DOC>\n"
        "<DOC><DOCNO>LA010189-0001</DOCNO><DATE><P>January 1, 1989, Sunday</P></DATE>"
        "<TEXT>b</TEXT></DOC>\n"
        "<DOC><DOCNO>FT923-5089</DOCNO><TEXT>c</TEXT></DOC>\n"
        "<DOC><DOCNO>XIE19981340.0001</DOCNO><TEXT>d</TEXT></DOC>"
    )
    docs = read_duc_file(sgml(tmp_path, text))
    assert [d.published for d in docs] == ["1998-10-20", "1989-01-01", None, None]
    assert [d.source for d in docs] == ["XIE", "LA", None, "XIE"]


def test_reference_html_without_anchors_and_plain_with_markup_like_text(tmp_path: Path) -> None:
    html = "<html><head><title>D1.M.100.T.A</title></head><body><p>One &amp; two.</p>\n"
    html += "<p>Three.</p></body></html>"
    assert read_reference(write(tmp_path / "a", html)) == "One & two.\nThree."
    plain = "  A < B &amp; C  \n\n\nD\r\n"
    assert read_reference(write(tmp_path / "b", plain)) == "A < B &amp; C\nD"


def copy_set(tmp_path: Path) -> tuple[Path, Path]:
    docs, models = tmp_path / "docs", tmp_path / "models"
    shutil.copytree(DOCS, docs)
    shutil.copytree(MODELS, models)
    return docs, models


def test_missing_reference_is_an_error(tmp_path: Path) -> None:
    docs, models = copy_set(tmp_path)
    (models / "d30002.m.100.t.c").unlink()
    write(models / "D300021.M.100.T.A", "Not cluster D30002.\n")
    with pytest.raises(InputError) as error:
        read_duc(docs, models)
    assert str(error.value) == f"no reference summaries for cluster D30002 in {models}"


def test_errors_name_the_path(tmp_path: Path) -> None:
    docs, models = copy_set(tmp_path)
    bad = write(docs / "d30001t" / "notes.txt", "just some notes\n")
    with pytest.raises(InputError, match=r"notes\.txt: no <DOC> element; not a DUC"):
        read_duc(docs, models)
    write(bad, "<DOC><DOCNO>X</DOCNO><TEXT> <P> </P> </TEXT></DOC>")
    with pytest.raises(InputError) as error:
        read_duc(docs, models)
    assert str(error.value) == f"{bad}: DUC document has no text in a <TEXT> element"
    bad.unlink()
    empty = write(models / "D30001.M.100.T.C", "\n  \n")
    with pytest.raises(InputError) as error:
        read_duc(docs, models)
    assert str(error.value) == f"{empty}: empty reference summary"
    empty.unlink()
    (docs / "d30002u").mkdir()
    with pytest.raises(InputError) as error:
        read_duc(docs, models)
    assert str(error.value) == f"{docs / 'd30002u'} and {docs / 'd30002t'} are both cluster D30002"


def test_folder_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is not a folder of DUC documents"):
        read_duc(tmp_path / "missing", MODELS)
    with pytest.raises(InputError, match="is not a folder of DUC reference summaries"):
        read_duc(DOCS, tmp_path / "missing")
    with pytest.raises(InputError, match="no cluster folders in"):
        read_duc(tmp_path, MODELS)
    (tmp_path / "d30001t").mkdir()
    with pytest.raises(InputError, match="no documents in cluster folder"):
        read_duc(tmp_path, MODELS)
    (tmp_path / "d30001t" / "x").write_bytes(b"\x00\x01binary")
    with pytest.raises(InputError, match=r"d30001t/x: binary file, not text"):
        read_duc(tmp_path, MODELS)
