"""Scores published by others, shown beside ours and never re-run: ROUGE-1.5.5 recall, %.

MultiLing 2011 English: 250 words, no stemming (TAC 2011 MultiLing pilot overview).
DUC 2004 task 2: 100 words, with stemming (the repository of competitive baseline and
state-of-the-art summaries of Hong et al., LREC 2014).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PublishedScore:
    system: str
    rouge_1: float
    rouge_2: float


PUBLISHED: dict[str, tuple[PublishedScore, ...]] = {
    "multiling2011-en": (
        PublishedScore("Centroid baseline", 38.11, 10.96),
        PublishedScore("CLASSY (best participant)", 46.48, 17.05),
        PublishedScore("Topline", 52.49, 25.18),
    ),
    "duc2004": (
        PublishedScore("LexRank", 36.00, 7.51),
        PublishedScore("Centroid", 36.42, 7.98),
        PublishedScore("Submodular", 39.23, 9.37),
        PublishedScore("DPP", 39.84, 9.62),
        PublishedScore("ICSISumm", 38.44, 9.81),
    ),
}
