"""Sentence splitting: hard cases, exact offsets, paragraph breaks, speed, lazy import."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from newsweave.text import clean_documents, split_sentences

DATA = Path(__file__).parent / "data" / "text"
SEEDS = Path(
    os.environ.get("NEWSWEAVE_SEEDS", Path(__file__).resolve().parents[2] / "shared" / "seeds")
)


def sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text)]


HARD_CASES = [
    # abbreviations
    (
        "Mr. Korven met Mrs. Venn and Dr. Piet in the U.S. on Monday. They talked.",
        ["Mr. Korven met Mrs. Venn and Dr. Piet in the U.S. on Monday.", "They talked."],
    ),
    (
        "The U.K. and the U.S. agreed. Gen. Aurel Piet was there.",
        ["The U.K. and the U.S. agreed.", "Gen. Aurel Piet was there."],
    ),
    (
        "He lives at No. 10 Harbour Street. She left.",
        ["He lives at No. 10 Harbour Street.", "She left."],
    ),
    (
        "Talks start at 4 p.m. and end at 6 a.m. on Feb. 7. The port stays shut.",
        ["Talks start at 4 p.m. and end at 6 a.m. on Feb. 7.", "The port stays shut."],
    ),
    (
        "They met in St. Petersburg on Feb. 8. It rained.",
        ["They met in St. Petersburg on Feb. 8.", "It rained."],
    ),
    ("The Élysée said so. Poutine agreed.", ["The Élysée said so.", "Poutine agreed."]),
    ("It happened two years ago. Korven left.", ["It happened two years ago.", "Korven left."]),
    # initials
    (
        "J. R. R. Tolkien wrote books. George W. Bush was president.",
        ["J. R. R. Tolkien wrote books.", "George W. Bush was president."],
    ),
    # quotations spanning sentences
    ("“We are ready. We will go,” he said.", ["“We are ready. We will go,” he said."]),
    (
        "“We are ready,” he said. “We will go.” Then he left.",
        ["“We are ready,” he said.", "“We will go.”", "Then he left."],
    ),
    (
        '“Mr. Korven needs a deal," said Dara Venn, a union official.',
        ['“Mr. Korven needs a deal," said Dara Venn, a union official.'],
    ),
    (
        'It was expected to be “long and hard." Venn added more.',
        ['It was expected to be “long and hard."', "Venn added more."],
    ),
    # ellipsis inside a quotation
    (
        "“They left the door open so we have to walk through it … In a way we are testing them,”"
        " said an official. “Nobody knows.”",
        [
            "“They left the door open so we have to walk through it … In a way we are testing"
            " them,” said an official.",
            "“Nobody knows.”",
        ],
    ),
    # missing space after a full stop, but not in U.S., numbers or web addresses
    (
        "The strike began in April.The pilots' union agreed.",
        ["The strike began in April.", "The pilots' union agreed."],
    ),
    (
        "Growth was 2.5 per cent. See www.example.com for more.",
        ["Growth was 2.5 per cent.", "See www.example.com for more."],
    ),
    ("Rates rose 3.25% in 2021. Prices fell.", ["Rates rose 3.25% in 2021.", "Prices fell."]),
    # dashes, brackets, closing quotes
    (
        "The talks—long and hard—ended. Nobody won.",
        ["The talks—long and hard—ended.", "Nobody won."],
    ),
    ("He said (it was rare.) Then he left.", ["He said (it was rare.)", "Then he left."]),
    (
        "They wanted “a fair deal.” The port said no.",
        ["They wanted “a fair deal.”", "The port said no."],
    ),
    # fragments that cannot stand alone are merged back
    ("Peskov said on Monday. .", ["Peskov said on Monday. ."]),
    ("The port authority said. in a statement.", ["The port authority said. in a statement."]),
    # headings: a line is its own sentence
    (
        "Ships stack up at the breakwater\nThe port authority said it had offered a raise.",
        ["Ships stack up at the breakwater", "The port authority said it had offered a raise."],
    ),
    # full stops of other scripts: the Devanagari danda, Arabic "؟", CJK full-width stops
    (
        "बांध टूट गया और नौ लोग मारे गए। बचाव दल नावों से पहुंचे। जांच जारी है.",
        ["बांध टूट गया और नौ लोग मारे गए।", "बचाव दल नावों से पहुंचे।", "जांच जारी है."],
    ),
    ("هل انهار السد؟ نعم، انهار صباح الاثنين.", ["هل انهار السد؟", "نعم، انهار صباح الاثنين."]),
    ("大坝决堤。九人死亡！救援仍在继续", ["大坝决堤。", "九人死亡！", "救援仍在继续"]),
]


@pytest.mark.parametrize(("text", "expected"), HARD_CASES)
def test_hard_cases(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_offsets_are_exact_stripped_and_within_paragraphs() -> None:
    text = "  First one.  Second one!\n\n\tThird — “quoted.”  \nÇa va? Très bien. \u2028Next line."
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == [
        "First one.",
        "Second one!",
        "Third — “quoted.”",
        "Ça va?",
        "Très bien.",
        "Next line.",
    ]
    for start, end in spans:
        piece = text[start:end]
        assert piece == piece.strip() and "\n" not in piece
    assert spans == sorted(spans)


def test_empty_and_blank() -> None:
    assert split_sentences("") == []
    assert split_sentences(" \n\n \t") == []


def test_unclosed_quotation_does_not_swallow_the_paragraph() -> None:
    text = "“We are ready. We will go. Nobody can stop us. The port is ours. We stay. Forever."
    assert len(split_sentences(text)) == 6


def test_fixture_articles_split_into_sentences() -> None:
    bodies = [path.read_text(encoding="utf-8") for path in sorted(DATA.glob("*.txt"))]
    for result in clean_documents(bodies):
        for start, end in split_sentences(result.text):
            piece = result.text[start:end]
            assert piece == piece.strip() and "\n" not in piece
            assert any(char.isalnum() for char in piece)


def test_import_is_lazy() -> None:
    code = "import sys, newsweave.text; print('nupunkt' in sys.modules or 'pysbd' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@pytest.mark.parametrize(
    ("text", "first"),
    [
        # an opening quote hides the title from the library; any title length is repaired
        (
            "He thanked “Messrs. Lind and Venn for the deal. Then he left.",
            "He thanked “Messrs. Lind and Venn for the deal.",
        ),
        (
            "A letter from “Prof. Lind arrived on Monday. It was short.",
            "A letter from “Prof. Lind arrived on Monday.",
        ),
        (
            "A letter from “Gov. Lind arrived on Monday. It was short.",
            "A letter from “Gov. Lind arrived on Monday.",
        ),
        (
            "A court martial found Army Spc. Tam Lind guilty. He was jailed.",
            "A court martial found Army Spc. Tam Lind guilty.",
        ),
        ("Pfc. Ode Venn testified on Monday. It was short.", "Pfc. Ode Venn testified on Monday."),
    ],
)
def test_a_title_before_a_name_never_ends_a_sentence(text: str, first: str) -> None:
    start, end = split_sentences(text)[0]
    assert text[start:end] == first


def test_seed_sentences_have_no_fragments() -> None:
    files = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
    if len(files) < 5:
        pytest.skip(f"seed articles not found in {SEEDS}")
    results = clean_documents([path.read_text(encoding="utf-8") for path in files])
    for result in results:
        for start, end in split_sentences(result.text):
            piece = result.text[start:end]
            assert any(char.isalnum() for char in piece), piece
            assert piece[0] not in "”’»,;:)]" and not piece[0].islower(), piece
            assert not piece.endswith(("Mr.", "Mrs.", "Ms.", "Dr.")), piece


def test_most_sentences_is_never_fewer_than_the_split_gives() -> None:
    from newsweave.text import most_sentences

    texts = [text for text, _ in HARD_CASES]
    texts += [path.read_text(encoding="utf-8") for path in sorted(DATA.glob("*.txt"))]
    texts += [
        "in April.The French left.Then\u2028they came back… Why?!",
        "जारी है। दूसरा वाक्य। तीसरा",
        "東京に行った。大阪にも行った！本当？",
        "No stop at all",
        "",
        "Line one\nLine two\r\nLine three\x85Line four",
        " ".join(f"Rescuers reached street {n}." for n in range(50)),
    ]
    for text in texts:
        assert most_sentences(text) >= len(split_sentences(text)), text
    # a bound, not a guess: one stop per sentence and one more
    assert most_sentences("One. Two. Three.") == 4


def test_most_sentences_knows_every_end_the_library_and_the_lines_know() -> None:
    import random

    from nupunkt.core.language_vars import PunktLanguageVars

    from newsweave.text import most_sentences
    from newsweave.text.sentences import _LINE

    # a later nupunkt that ends sentences at another mark must not pass unnoticed
    for mark in [*PunktLanguageVars.sent_end_chars, "…"]:
        assert most_sentences(f"One{mark} Two{mark} Three") == 3, mark
    for breaker in "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029":
        assert _LINE.fullmatch(breaker) is None
        assert most_sentences(f"One{breaker}Two") == 2
    pieces = "Mr.|U.S.|2.5|Dr. Smith|“Go.”|Yes!|Why?!|wait…|।|。|in April.The|(it was rare.)"
    pieces += "|said.|Then|he|\n|\u2028| "
    rng = random.Random(7)
    for _ in range(2000):
        text = " ".join(rng.choice(pieces.split("|")) for _ in range(rng.randint(1, 30)))
        assert most_sentences(text) >= len(split_sentences(text)), text
