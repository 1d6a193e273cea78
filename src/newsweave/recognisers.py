"""The names of the entity recognisers a digest can use (`DigestOptions.ner`, `--ner`),
kept apart from `newsweave.entities` so that the command line can offer them without
importing the recognisers."""

from __future__ import annotations

RECOGNISERS = ("auto", "spacy", "rules")
RECOGNISER_HELP = (
    "entity types: spaCy when the ner extra is installed (auto), spaCy or else an error "
    "(spacy), or the rules alone (rules, fastest)"
)
