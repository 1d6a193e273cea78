"""One evaluation run: every system on every cluster, the same budget, scored the same way.

Order of work: prepare each cluster once (untimed, shared), warm every system up on the
first cluster (model loading and imports are not counted as summarising), then time each
system on each cluster, score all summaries with rouge-score, and with ROUGE-1.5.5 when it
can run here (otherwise the reason is kept in `perl_error`).
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from newsweave.errors import InputError, MissingDependency
from newsweave.evaluation.checks import citations_resolve, dangling_share, redundancy
from newsweave.evaluation.cluster import Cluster
from newsweave.evaluation.rouge import RougeTask, Scores, perl_rouge, rouge_score
from newsweave.evaluation.systems import PreparedCluster, System, prepare, word_count
from newsweave.model import Skipped

Progress = Callable[[str], None]


@dataclass
class ClusterResult:
    """One system on one cluster."""

    system: str
    cluster: str
    seconds: float
    words: int
    summary: list[str]
    scores: Scores = field(default_factory=dict)
    checks: dict[str, float] = field(default_factory=dict)


@dataclass
class EvaluationRun:
    """All results of a run, with what it was run on."""

    dataset: str
    language: str  # the clusters' ISO 639-1 code, or "mixed"
    words: int
    stemming: bool  # ROUGE-1.5.5's -m (the rouge-score figures come both ways)
    clusters: list[str]
    systems: list[str]
    results: list[ClusterResult]
    repeat: int = 1  # timed runs per cluster and system; the time kept is their median
    skipped: list[Skipped] = field(default_factory=list)  # documents no system was given
    perl_averages: dict[str, Scores] = field(default_factory=dict)
    perl_error: str | None = None

    def of(self, system: str) -> list[ClusterResult]:
        return [r for r in self.results if r.system == system]

    def mean(self, system: str, key: str) -> float | None:
        """The mean of a score or check over the clusters; ROUGE-1.5.5 keys use the
        script's own average."""
        if key.startswith("perl.") and system in self.perl_averages:
            return self.perl_averages[system].get(key)
        values = [r.scores.get(key, r.checks.get(key)) for r in self.of(system)]
        present = [v for v in values if v is not None]
        return sum(present) / len(present) if present else None

    def mean_seconds(self, system: str) -> float:
        results = self.of(system)
        return sum(r.seconds for r in results) / max(len(results), 1)


def evaluate(
    clusters: Sequence[Cluster],
    systems: Sequence[System],
    *,
    dataset: str,
    words: int,
    stemming: bool,
    perl: bool = True,
    repeat: int = 1,
    progress: Progress = lambda _: None,
) -> EvaluationRun:
    """Run and score every system on every cluster; each cluster's time is the median of
    `repeat` runs."""
    if not clusters:
        raise InputError("no clusters to evaluate")
    prepared = [prepare(c) for c in clusters]
    for system in systems:
        system.summarize(prepared[0], words)  # warm-up: imports, model load, caches
    results = []
    for item in prepared:
        progress(f"summarising {item.cluster.id}")
        for system in systems:
            results.append(_timed(system, item, words, repeat))
    languages = {c.language for c in clusters}
    run = EvaluationRun(
        dataset=dataset,
        language=languages.pop() if len(languages) == 1 else "mixed",
        words=words,
        stemming=stemming,
        clusters=[c.id for c in clusters],
        systems=[s.name for s in systems],
        results=results,
        repeat=max(repeat, 1),
        skipped=[s for item in prepared for s in item.skipped],
    )
    progress("scoring")
    _score(run, {c.id: c for c in clusters}, perl)
    return run


def _timed(system: System, prepared: PreparedCluster, words: int, repeat: int) -> ClusterResult:
    times = []
    for _ in range(max(repeat, 1)):
        start = time.perf_counter()
        output = system.summarize(prepared, words)
        times.append(time.perf_counter() - start)
    seconds = statistics.median(times)
    checks = {
        "redundancy": redundancy(output.sentences, prepared.cluster.language),
        "dangling": dangling_share(output.sentences),
    }
    if output.digest is not None:
        checks["citations_resolve"] = citations_resolve(output.digest)
    return ClusterResult(
        system=system.name,
        cluster=prepared.cluster.id,
        seconds=seconds,
        words=sum(word_count(s) for s in output.sentences),
        summary=output.sentences,
        checks=checks,
    )


def _score(run: EvaluationRun, clusters: dict[str, Cluster], perl: bool) -> None:
    english = run.language == "en"  # else every word is coded, for any script (see rouge)
    for system in run.systems:
        results = run.of(system)
        tasks = [RougeTask("\n".join(r.summary), clusters[r.cluster].references) for r in results]
        for result, scores in zip(
            results, rouge_score(tasks, words=run.words, english=english), strict=True
        ):
            result.scores.update(scores)
        if not perl or run.perl_error:
            continue
        try:
            averages, per_cluster = perl_rouge(
                tasks, words=run.words, stem=run.stemming, english=english
            )
        except MissingDependency as error:
            run.perl_error = str(error)
            continue
        run.perl_averages[system] = averages
        for result, scores in zip(results, per_cluster, strict=True):
            result.scores.update(scores)
