"""Multi-News clusters: `|||||` separators, NEWLINE_CHAR tokens, one cluster per line."""

from __future__ import annotations

import io
from pathlib import Path

from newsweave.ingest import read_sources

DATA = Path(__file__).parent / "data" / "ingest"


def test_src_file_gives_one_document_per_article_per_line() -> None:
    # line 1 ends with a separator (as the dataset's lines often do): no article after it;
    # line 2 has an empty article between two separators: reported.
    path = str(DATA / "clusters.src")
    result = read_sources([path])
    assert [(d.origin, d.format) for d in result.documents] == [
        (f"{path}:1#0", "multinews"),
        (f"{path}:1#1", "multinews"),
        (f"{path}:2#0", "multinews"),
        (f"{path}:2#2", "multinews"),
    ]
    assert result.documents[0].body == (
        "Lowtown council approved the new tram line on Monday.\n\nConstruction starts in June."
    )
    assert result.documents[1].body == (
        "Councillors voted 31 to 9 in favour of the tram route.\nOpponents cited the cost."
    )
    assert [(s.input, s.reason) for s in result.skipped] == [
        (f"{path}:2#1", "empty article in a Multi-News cluster")
    ]


def test_single_cluster_text_file_gives_numbered_articles(tmp_path: Path) -> None:
    path = tmp_path / "cluster.txt"
    path.write_text(
        "First outlet's story.\nSecond paragraph.\n|||||\nSecond outlet's story.\n",
        encoding="utf-8",
    )
    result = read_sources([path])
    assert [(d.origin, d.format, d.body) for d in result.documents] == [
        (f"{path}#0", "multinews", "First outlet's story.\nSecond paragraph."),
        (f"{path}#1", "multinews", "Second outlet's story."),
    ]


def test_multinews_line_is_sniffed_on_stdin() -> None:
    line = b"Story one. NEWLINE_CHAR NEWLINE_CHAR More. ||||| Story two.\n"
    result = read_sources(["-"], stdin=io.BytesIO(line))
    assert [(d.origin, d.body) for d in result.documents] == [
        ("stdin#0", "Story one.\n\nMore."),
        ("stdin#1", "Story two."),
    ]
