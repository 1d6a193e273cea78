from __future__ import annotations

import json
from pathlib import Path

import newsweave
from newsweave.model import Digest
from newsweave.report.fact_wording import own_wordings

HOSTILE = (
    "Officials said the <script>alert('x')</script> bridge reopened on Friday after repairs.\n\n"
    'Residents cheered as the first cars crossed <img src=x onerror="alert(1)"> the river.\n\n'
    "The mayor said the repairs had cost about 2 million euros and took three weeks."
)


def test_html_escapes_article_text_and_makes_no_requests(tmp_path: Path) -> None:
    (tmp_path / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    html = newsweave.render(newsweave.digest([tmp_path / "hostile.txt"]), "html")
    assert "<script>" not in html
    assert "<img" not in html
    assert "&lt;script&gt;" in html
    assert "http://" not in html and "https://" not in html
    assert "Content-Security-Policy" in html


def test_html_citations_link_to_sentence_anchors(sample_digest: Digest) -> None:
    html = newsweave.render(sample_digest, "html")
    for item in sample_digest.summary:
        for sentence_id in item.citations:
            assert f'href="#{sentence_id}"' in html
            assert f'id="{sentence_id}"' in html


def test_markdown_numbers_sources_and_lists_evidence(sample_digest: Digest) -> None:
    markdown = newsweave.render(sample_digest, "md")
    for number, article in enumerate(sample_digest.articles, start=1):
        assert f"{number}. **{article.source}**" in markdown
    if any(len(s.citations) > 1 for s in sample_digest.summary):
        assert "## Evidence" in markdown


def test_json_sentences_are_exact_spans(sample_digest: Digest) -> None:
    document = json.loads(newsweave.render(sample_digest, "json"))
    assert document["schema_version"] == "1.6"
    from newsweave.report.json_report import SCHEMA_VERSION, schema_text

    assert json.loads(schema_text())["$id"] == f"newsweave/digest/{SCHEMA_VERSION}"
    for article in document["articles"]:
        for sentence in article["sentences"]:
            assert article["text"][sentence["start"] : sentence["end"]] == sentence["text"]


def test_markdown_keeps_article_markup_as_text(tmp_path: Path) -> None:
    (tmp_path / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    markdown = newsweave.render(newsweave.digest([tmp_path / "hostile.txt"]), "md")
    assert "<img" not in markdown and "<script>" not in markdown
    assert "&lt;script&gt;" in markdown or "&lt;img" in markdown


def test_markdown_keeps_markdown_syntax_of_articles_as_text(tmp_path: Path) -> None:
    (tmp_path / "marks.txt").write_text(
        "The council called the plan *urgent* and posted it [here](http://example.com/x).\n\n"
        "Its file was named budget_final_v2, _draft_ and cost `2 million` euros in all.\n",
        encoding="utf-8",
    )
    markdown = newsweave.render(newsweave.digest([tmp_path / "marks.txt"]), "md")
    assert r"\*urgent\*" in markdown and r"\[here\](http://example.com/x)" in markdown
    assert r"\_draft\_" in markdown and r"\`2 million\`" in markdown
    assert "budget_final_v2" in markdown  # no emphasis inside a word: left as written
    assert "*urgent*" not in markdown.replace(r"\*", "")


def test_html_declares_the_digest_language(sample_digest: Digest) -> None:
    assert '<html lang="en">' in newsweave.render(sample_digest, "html")


def test_markdown_shows_agreement_outliers_and_differences(sample_digest: Digest) -> None:
    markdown = newsweave.render(sample_digest, "md")
    for heading in ("## Agreed", "## Where they differ", "## Only in [1] Arclight Wire"):
        assert heading in markdown
    assert "**death toll** (contradiction):" in markdown
    assert "[5] velmora_courier: 14 — “Fourteen people died" in markdown


def test_markdown_names_what_an_outlet_leaves_out(tmp_path: Path) -> None:
    # lines repeated word for word across a batch are cleaned away as boilerplate, so the
    # three outlets word the reopening differently
    for name, body in {
        "a.txt": "The Quayside Bridge reopened to traffic on Friday after eight months of "
        "repairs.\n\nThe mayor cut a ribbon at noon.",
        "b.txt": "Traffic returned to the Quayside Bridge on Friday after eight months of "
        "repairs.\n\nCyclists were the first across.",
        "c.txt": "After eight months of repairs the Quayside Bridge reopened to traffic on "
        "Friday.\n\nTolls will not be charged this year.",
        "d.txt": "A new ferry timetable starts on Monday for the harbour route.",
    }.items():
        (tmp_path / name).write_text(f"Harbour news\n\n{body}\n", encoding="utf-8")
    digest = newsweave.digest([tmp_path])
    markdown = newsweave.render(digest, "md")
    assert "- **consensus** “" in markdown
    only_d = markdown.split("## Only in [4] d", 1)[1].split("## ", 1)[0]
    assert "Widely reported but not in this outlet:" in only_d
    assert "Quayside Bridge" in only_d
    html = newsweave.render(digest, "html")
    html_d = html.split(">Only in [4] d</h2>", 1)[1].split("</section>", 1)[0]
    assert "Widely reported but not in this outlet:" in html_d and "Quayside Bridge" in html_d


def test_html_shows_conflicts_side_by_side_and_links_every_claim(sample_digest: Digest) -> None:
    html = newsweave.render(sample_digest, "html")
    assert 'id="differ-h"' in html and 'id="agreed-h"' in html
    conflicts_part = html.split('id="differ-h"', 1)[1].split("</section>", 1)[0]
    assert conflicts_part.count('<table class="claims">') == len(sample_digest.conflicts)
    for conflict in sample_digest.conflicts:
        for claim in conflict.claims:
            assert f'href="#{claim.sentence_id}"' in html
    assert 'class="sentence conflicting"' in html or "conflicting" in html


def test_html_agreed_marks_show_each_outlets_own_wording(sample_digest: Digest) -> None:
    html = newsweave.render(sample_digest, "html")
    agreed = html.split('id="agreed-h"', 1)[1].split("</section>", 1)[0]
    # the missing people: Greywater words it its own way, shown on its mark
    assert ('title="The Greywater Times: “with more than 20 people missing.”">[3]</a>') in agreed


def test_only_in_points_to_the_conflicts_of_a_fact(sample_digest: Digest) -> None:
    # only the Courier says "Fourteen people died", but others give a death toll too: the
    # "Only in" item sends the reader to the conflict instead of implying exclusivity
    (fourteen,) = [f for f in sample_digest.facts if f.text.startswith("Fourteen people died")]
    assert fourteen.kind == "single"
    (toll,) = sample_digest.conflicts_of(fourteen)
    assert toll.subject == "death toll"
    markdown = newsweave.render(sample_digest, "md")
    assert f"“{fourteen.text}” (see “death toll” under Where they differ)" in markdown
    html = newsweave.render(sample_digest, "html")
    assert f'<h3 id="conflict-{toll.id}">' in html
    assert f'(see <a href="#conflict-{toll.id}">death toll</a> under Where they differ)' in html
    # an item whose facts (an outlet's facts of one sentence) are in no conflict points nowhere
    lonely = [
        wording
        for article in sample_digest.articles
        for wording in own_wordings(sample_digest, sample_digest.only_in(article.id))
        if not any(sample_digest.conflicts_of(f) for f in wording.facts)
    ]
    only_in = [
        line
        for section in markdown.split("\n## ")
        if section.startswith("Only in")
        for line in section.splitlines()
        if line.startswith("- ")
    ]
    assert lonely
    for wording in lonely:
        (line,) = [x for x in only_in if wording.facts[0].text in x]
        assert "(see" not in line


def test_one_article_has_no_cross_source_sections(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text(HOSTILE, encoding="utf-8")
    digest = newsweave.digest([tmp_path / "one.txt"])
    markdown = newsweave.render(digest, "md")
    assert "## Agreed" not in markdown and "## Where they differ" not in markdown
    assert "## Only in" not in markdown
    assert 'id="differ-h"' not in newsweave.render(digest, "html")


def test_an_agreed_fact_whose_outlets_differ_points_to_the_conflict(
    sample_digest: Digest,
) -> None:
    # Arclight and Belsar both report the prime minister's visit, but on different days:
    # "Agreed" must not let the item read as if both said "on Tuesday"
    (visit,) = [f for f in sample_digest.facts if "Castell cut short" in f.text]
    assert visit.kind != "single"
    (day,) = sample_digest.conflicts_of(visit)
    assert day.kind == "date"
    agreed = newsweave.render(sample_digest, "md").split("## Agreed", 1)[1].split("## ", 1)[0]
    assert f"“{visit.text}”" in agreed and "under Where they differ)" in agreed
    html = newsweave.render(sample_digest, "html")
    agreed_html = html.split('id="agreed-h"', 1)[1].split("</section>", 1)[0]
    assert f'<a href="#conflict-{day.id}">' in agreed_html


def test_a_summary_sentence_another_outlet_contradicts_says_so(sample_digest: Digest) -> None:
    # "... killing nine people" is in the summary; the Courier says fourteen died: the
    # reader learns it where the summary says it, with the other wording
    nine = next(s for s in sample_digest.summary if "killing nine people" in s.text)
    ((toll, others),) = [
        (c, o) for c, o in sample_digest.disputes_of(nine) if c.subject == "death toll"
    ]
    assert [(sample_digest.article(c.article_id).source, c.text) for c in others] == [
        ("velmora_courier", "Fourteen")
    ]
    quiet = [s for s in sample_digest.summary if not sample_digest.disputes_of(s)]
    assert quiet  # most summary sentences state what no outlet disputes
    markdown = newsweave.render(sample_digest, "md")
    line = next(x for x in markdown.splitlines() if x.startswith(nine.text))
    assert line.endswith("(contradiction, “death toll”: [5] “Fourteen”; see Where they differ)")
    assert all("see Where they differ)" not in x for x in markdown.splitlines()
               if x.startswith(quiet[0].text))  # fmt: skip
    html = newsweave.render(sample_digest, "html")
    assert (
        f'<span class="disputed">(contradiction, <a href="#conflict-{toll.id}">“death toll”</a>: '
        "[5] “Fourteen”; see Where they differ)</span>"
    ) in html


def test_no_dispute_from_a_cited_value_a_shared_one_or_a_compatible_one(tmp_path: Path) -> None:
    from newsweave.model import Claim, Conflict, SummarySentence, TextSpan

    def claim(article: str, sentence: str, value: str) -> Claim:
        span = TextSpan(article, sentence, 0, 1, "x")
        return Claim(value, value, sentence, article, 0, 1, span)

    item = SummarySentence("t", "a-s1", "a", ["a-s1", "b-s1"], ["a", "b"])
    cited_only = Conflict("c1", "death toll", "number", "contradiction",
                          [claim("b", "b-s1", "9"), claim("c", "c-s1", "14")])  # fmt: skip
    shared = Conflict("c2", "number of troops", "number", "tension",
                      [claim("a", "a-s1", "12"), claim("b", "b-s1", "12")])  # fmt: skip
    compatible = Conflict("c3", "people evacuated", "number", "compatible",
                          [claim("a", "a-s1", "2,000"), claim("c", "c-s1", "2,100")])  # fmt: skip
    disputed = Conflict("c4", "amount in metres", "number", "tension",
                        [claim("a", "a-s1", "4"), claim("b", "b-s1", "4"),
                         claim("c", "c-s1", "5")])  # fmt: skip
    day = Conflict("c5", "day of: the visit", "date", "contradiction",
                   [claim("a", "a-s1", "2025-03-11 (Tuesday)"),
                    claim("b", "b-s1", "2025-04-11 (Friday)")])  # fmt: skip
    digest = Digest(articles=[], summary=[item], skipped=[],
                    conflicts=[cited_only, shared, compatible, disputed, day])  # fmt: skip
    assert [(c.id, [x.value for x in o]) for c, o in digest.disputes_of(item)] == [
        ("c4", ["5"]), ("c5", ["2025-04-11 (Friday)"])
    ]  # fmt: skip
    # amounts by their ranges: "some 100,000" (90,000-110,000) holds with "tens of
    # thousands" (20,000-99,999), not with "well over 100,000" (105,000 or more)
    some = Claim("100,000 (approximate)", "some 100,000", "a-s1", "a", 0, 1,
                 TextSpan("a", "a-s1", 0, 1, "x"), 90_000, 110_000)  # fmt: skip
    tens = Claim("20,000-99,999 (vague)", "tens of thousands", "b-s1", "b", 0, 1,
                 TextSpan("b", "b-s1", 0, 1, "x"), 20_000, 99_999)  # fmt: skip
    over = Claim("100,000 (well over)", "well over 100,000", "c-s1", "c", 0, 1,
                 TextSpan("c", "c-s1", 0, 1, "x"), 105_000, None)  # fmt: skip
    assert not some.cannot_hold_with(tens) and not tens.cannot_hold_with(some)
    assert tens.cannot_hold_with(over) and over.cannot_hold_with(tens)
    troops = Conflict("c6", "number of troops", "number", "tension", [some, tens, over])
    digest = Digest(articles=[], summary=[item], skipped=[], conflicts=[troops])
    assert digest.disputes_of(item) == []


def test_an_untitled_digest_is_headed_by_the_first_words_of_its_summary() -> None:
    from newsweave.model import Document
    from newsweave.report.markdown import HEADLINE_WORDS, headline

    long = (
        "Rescuers in boats lifted more than three hundred people from rooftops and balconies "
        "on Monday after the dam above the town gave way in the night."
    )
    documents = [Document(origin="a.txt", format="txt", body=f"{long}\n\nThe water fell.")]
    digest = newsweave.digest_documents(documents, options=newsweave.DigestOptions(ner="rules"))
    words = long.split()[:HEADLINE_WORDS]
    assert headline(digest) == " ".join(words) + " …"
    assert newsweave.render(digest, "md").startswith(f"# {' '.join(words)} …\n")
    short = "The dam above the town gave way in the night."
    documents = [Document(origin="b.txt", format="txt", body=f"{short}\n\nThe water fell.")]
    digest = newsweave.digest_documents(documents, options=newsweave.DigestOptions(ner="rules"))
    assert headline(digest) == short
