"""The bundled sample: a fictional event covered by five fictional outlets, written for
newsweave. `articles/` holds the five articles; ANSWERS.json records what is in them by
construction (facts, conflicts, quotes, entities, dates), for tests and benchmarks."""

from __future__ import annotations

from pathlib import Path


def sample_path() -> Path:
    """The folder holding the bundled sample articles."""
    return Path(__file__).resolve().parent / "articles"


def answers_path() -> Path:
    """The sample's ground truth (ANSWERS.json)."""
    return Path(__file__).resolve().parent / "ANSWERS.json"
