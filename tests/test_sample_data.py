"""Consistency of the shipped sample data and its ground truth (src/newsweave/sample).

Every string the ground truth quotes must be an exact substring of the named file, each
fact's kind must match how many articles report it, and the sample must contain at least
what later tests rely on (conflicts, quotes, entity variants, relative dates, boilerplate).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

SAMPLE = Path(__file__).resolve().parents[1] / "src/newsweave/sample"


def _load() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((SAMPLE / "ANSWERS.json").read_text(encoding="utf-8"))
    return data


ANSWERS = _load()
FILES = [a["file"] for a in ANSWERS["articles"]]


def raw(name: str) -> str:
    return (SAMPLE / "articles" / name).read_text(encoding="utf-8")


def body(name: str) -> str:
    """The article text a reader sees: the JSON `text` field, HTML paragraphs, or the file."""
    content = raw(name)
    if name.endswith(".json"):
        text: str = json.loads(content)["text"]
        return text
    if name.endswith(".html"):
        article = content[content.index("<article") : content.index("</article>")]
        paragraphs = re.findall(r"<p>(.*?)</p>", article, flags=re.S)
        return "\n".join(re.sub(r"<[^>]+>", "", p) for p in paragraphs)
    return content


def assert_in(name: str, s: str) -> None:
    assert s, f"empty string for {name}"
    assert s in raw(name), f"{s!r} is not in {name}"


def iso(value: str) -> dt.date:
    return dt.date.fromisoformat(value)


def test_files_exist_and_are_distinct_outlets() -> None:
    assert len(FILES) == 5
    assert len(set(FILES)) == 5
    for name in FILES:
        assert (SAMPLE / "articles" / name).is_file(), name
    assert len({a["source"] for a in ANSWERS["articles"]}) == 5
    assert (SAMPLE / "README.md").is_file()


def test_formats_and_metadata() -> None:
    formats = Counter(a["format"] for a in ANSWERS["articles"])
    assert formats == {"txt": 3, "html": 1, "json": 1}
    for a in ANSWERS["articles"]:
        assert Path(a["file"]).suffix == "." + a["format"]
        if a["published"] is not None:
            iso(a["published"])
        if a.get("published_inferred") is not None:
            iso(a["published_inferred"])
    dated = [a for a in ANSWERS["articles"] if a["published"]]
    assert len(dated) >= 3
    assert any(a["published"] != dated[0]["published"] for a in dated)
    undated = [a for a in ANSWERS["articles"] if a["published"] is None]
    assert undated

    by_format = {a["format"]: a for a in ANSWERS["articles"]}
    record = json.loads(raw(by_format["json"]["file"]))
    assert set(record) >= {"title", "source", "url", "published", "text"}
    assert record["title"] == by_format["json"]["title"]
    assert record["published"].startswith(by_format["json"]["published"])

    html = raw(by_format["html"]["file"])
    for marker in (
        '<html lang="en">',
        "<title>",
        'property="og:site_name"',
        'property="article:published_time"',
        'rel="canonical"',
        "<nav",
        "<article",
        "<h1>",
        "<figcaption>",
        "<aside",
        "<footer",
    ):
        assert marker in html, marker
    assert by_format["html"]["published"] in html

    headers = [raw(a["file"]) for a in ANSWERS["articles"] if a["format"] == "txt"]
    assert any(re.match(r"date \d{4}-\d{2}-\d{2} [A-Z]+ : \S", h) for h in headers)
    assert any(re.match(r"[^\n|]+ \| [^\n]+\n\n", h) for h in headers)


def test_article_strings_are_exact_substrings() -> None:
    kinds_seen: set[str] = set()
    for a in ANSWERS["articles"]:
        name = a["file"]
        assert_in(name, a["first_story_sentence"])
        assert a["first_story_sentence"] in body(name)
        if a["title"]:
            assert_in(name, a["title"])
        if a["dateline"]:
            assert_in(name, a["dateline"])
        assert len(a["boilerplate"]) == len(a["boilerplate_kinds"])
        for s in a["boilerplate"]:
            assert_in(name, s)
        kinds_seen.update(a["boilerplate_kinds"])
    assert {"nav", "photo_caption", "newsletter", "source_trailer", "share"} <= kinds_seen


def test_article_lengths() -> None:
    for name in FILES:
        words = len(body(name).split())
        assert 250 <= words <= 450, (name, words)


def test_facts() -> None:
    n = len(FILES)
    ids = [f["id"] for f in ANSWERS["facts"]]
    assert len(ids) == len(set(ids))
    for f in ANSWERS["facts"]:
        assert sorted(f["articles"]) == sorted(f["evidence"]), f["id"]
        assert len(set(f["articles"])) == len(f["articles"])
        for name, evidence in f["evidence"].items():
            assert name in FILES
            assert_in(name, evidence)
            assert evidence in body(name), (f["id"], name)
        for name, texts in f.get("restated", {}).items():
            assert name in f["evidence"], (f["id"], name)  # a second statement of an outlet
            for again in texts:
                assert_in(name, again)
        count = len(f["articles"])
        expected = {"consensus": {n, n - 1}, "corroborated": {2, 3}, "single": {1}}[f["kind"]]
        assert count in expected, (f["id"], f["kind"], count)
    kinds = Counter(f["kind"] for f in ANSWERS["facts"])
    assert kinds["consensus"] >= 4
    assert kinds["corroborated"] >= 3
    assert kinds["single"] >= 5
    singles = {f["articles"][0] for f in ANSWERS["facts"] if f["kind"] == "single"}
    assert singles == set(FILES), "every outlet needs a fact only it reports"


def test_conflicts() -> None:
    seen = set()
    for c in ANSWERS["conflicts"]:
        assert c["kind"] in {"number", "date", "claim", "participant"}
        assert c["judgment"] in {"compatible", "tension", "contradiction"}
        assert len({cl["file"] for cl in c["claims"]}) >= 2, c["id"]
        for cl in c["claims"]:
            assert_in(cl["file"], cl["evidence"])
            if c["kind"] == "date":
                iso(cl["value"])
        seen.add((c["kind"], c["judgment"]))
    assert ("number", "compatible") in seen
    assert ("claim", "contradiction") in seen
    assert ("participant", "tension") in seen
    assert ("number", "contradiction") in seen or ("date", "contradiction") in seen

    assert ANSWERS["non_conflicts"]
    for pair in ANSWERS["non_conflicts"]:
        for side in (pair["a"], pair["b"]):
            assert_in(side["file"], side["evidence"])
    assert any(p["a"]["file"] == p["b"]["file"] for p in ANSWERS["non_conflicts"])


def test_quotes() -> None:
    forms: set[str] = set()
    multi = []
    for q in ANSWERS["quotes"]:
        for v in q["variants"]:
            assert_in(v["file"], v["text"])
            assert_in(v["file"], v["speaker_description"])
            for part in v.get("parts", []):
                assert_in(v["file"], part)
            forms.add(v["form"])
        if len({v["file"] for v in q["variants"]}) >= 2:
            multi.append(q)
            descriptions = {v["speaker_description"] for v in q["variants"]}
            assert len(descriptions) == len(q["variants"]), q["id"]
    assert multi, "one quote must be worded differently by two outlets"
    assert {"split", "partial", "unnamed"} <= forms
    assert forms & {"guillemets", "nested_single"}
    assert any(q["speaker"] is None for q in ANSWERS["quotes"])


def test_entities() -> None:
    types = set()
    for e in ANSWERS["entities"]:
        assert e["type"] in {"PERSON", "ORG", "PLACE"}
        types.add(e["type"])
        for v in e["variants"]:
            assert any(v in raw(name) for name in e["articles"]), (e["canonical"], v)
        for name in e["articles"]:
            assert any(v in raw(name) for v in e["variants"]), (e["canonical"], name)
    assert types == {"PERSON", "ORG", "PLACE"}
    multi = [e for e in ANSWERS["entities"] if len(e["variants"]) >= 2 and len(e["articles"]) >= 2]
    assert len(multi) >= 4
    # an accented and an unaccented spelling of the same place
    assert any(
        e["type"] == "PLACE"
        and any(v != v.encode("ascii", "ignore").decode() for v in e["variants"])
        and any(v.isascii() for v in e["variants"])
        for e in multi
    )
    # an acronym next to the full name of an organisation
    assert any(
        e["type"] == "ORG" and any(v.isupper() and len(v) <= 5 for v in e["variants"])
        for e in multi
    )


def test_dates() -> None:
    for d in ANSWERS["dates"]:
        assert_in(d["file"], d["expression"])
        start = iso(d["date"])
        if d["end"] is not None:
            assert iso(d["end"]) >= start
        assert d["granularity"] in {"day", "week", "month", "season", "year"}
    published = {a["file"]: a["published"] for a in ANSWERS["articles"]}
    future = [
        d
        for d in ANSWERS["dates"]
        if published[d["file"]] and iso(d["date"]) > iso(published[d["file"]])
    ]
    assert any("tuesday" in d["expression"].lower() for d in future), "a future weekday"
    expressions = " | ".join(d["expression"].lower() for d in ANSWERS["dates"])
    for needed in (
        "monday",
        "tuesday",
        "last month",
        "yesterday",
        "two years ago",
        "later that month",
        "summer of",
        "around 4 p.m.",
        "14-15",
        "this weekend",
    ):
        assert needed in expressions, needed


@pytest.mark.parametrize("name", FILES)
def test_no_seed_boilerplate_strings(name: str) -> None:
    # The sample is original writing: it must not reuse the seed cluster's scraping noise.
    for s in ("Skip to main content", "Source link", "Sputnik", "Globe editors"):
        assert s not in raw(name)
