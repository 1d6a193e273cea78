"""Entities: time of finding and merging people, organisations and places, with the rules
alone and with the spaCy recogniser of the `ner` extra, on the same articles in one run;
and how many planted sample entities each finds as one entity of the right type.

Story sets are those of `bench/alignment.py`: the bundled sample, the seeds, MultiLing 2011
M000 (10 articles) and M000-M004 (50 articles). Times are warm medians (the GeoNames
gazetteer and the spaCy pipeline are loaded once before timing; their load times are
printed apart). The peer is spaCy's own entity recogniser run bare over the same texts
(`nlp.pipe`), which is the floor of any spaCy-based recogniser.

    python bench/entities.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import json
import platform
import time
from collections.abc import Sequence

from alignment import story_sets
from timing import median_seconds

import newsweave
from newsweave.entities import find_entities
from newsweave.entities.gazetteer import _places, fold
from newsweave.entities.ner import _pipeline, spacy_available
from newsweave.ingest import read_sources
from newsweave.model import Article, Entity
from newsweave.pipeline import build_articles

TYPES = {"PERSON": "person", "PLACE": "place", "ORG": "organisation"}


def sample_score(entities: Sequence[Entity], articles: Sequence[Article]) -> str:
    """Planted entities (written in the text) found as exactly one entity of their type."""
    answers = json.loads((newsweave.sample_path().parent / "ANSWERS.json").read_text("utf-8"))
    text = " ".join(fold(a.text) for a in articles)
    right = total = 0
    for answer in answers["entities"]:
        forms = [f for f in answer["variants"] if fold(f) in text]
        if not forms:
            continue
        total += 1
        wanted = {fold(f) for f in forms}
        hits = [e for e in entities if wanted & {fold(e.name), *map(fold, e.aliases)}]
        right += len(hits) == 1 and hits[0].type == TYPES[answer["type"]]
    return f"{right}/{total}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    print(f"# entities bench · {platform.processor() or platform.machine()} · repeat {args.repeat}")
    started = time.perf_counter()
    _places()
    print(f"gazetteer load: {time.perf_counter() - started:.2f} s")
    started = time.perf_counter()
    with_spacy = spacy_available()
    if with_spacy:
        print(f"spaCy pipeline load: {time.perf_counter() - started:.2f} s")
    else:
        print("spaCy not installed (pip install '.[ner]'): spaCy columns are empty")
    print()
    print(
        "| story | articles | rules (s) | spaCy (s) | bare spaCy NER (s) "
        "| entities rules / spaCy | sample right rules / spaCy |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, paths in story_sets().items():
        articles, _ = build_articles(read_sources(paths).documents)
        rules = median_seconds(lambda a=articles: find_entities(a, ner="rules"), args.repeat)
        found_rules = find_entities(articles, ner="rules")
        cells = ["", "", "", ""]
        if with_spacy:
            nlp = _pipeline()
            spacy_time = median_seconds(
                lambda a=articles: find_entities(a, ner="spacy"), args.repeat
            )
            bare = median_seconds(
                lambda a=articles, n=nlp: list(n.pipe(x.text for x in a)), args.repeat
            )
            found_spacy = find_entities(articles, ner="spacy")
            cells = [f"{spacy_time:.3f}", f"{bare:.3f}", str(len(found_spacy)), ""]
        score = ""
        if name.startswith("bundled"):
            score = sample_score(found_rules, articles)
            if with_spacy:
                score += " / " + sample_score(found_spacy, articles)
        count = f"{len(found_rules)}" + (f" / {cells[2]}" if with_spacy else "")
        row = [name, str(len(articles)), f"{rules:.3f}", cells[0], cells[1], count, score]
        print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()
