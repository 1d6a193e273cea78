"""An evaluation run as a Markdown table and as JSON (per-cluster and mean scores)."""

from __future__ import annotations

from typing import Any

from newsweave.evaluation.harness import EvaluationRun
from newsweave.evaluation.published import PUBLISHED

PEER_FOR_SPEED = "lexrank"


def _percent(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.2f}"


def _share(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


def _time_ratio(run: EvaluationRun, system: str) -> str:
    if PEER_FOR_SPEED not in run.systems:
        return "–"
    peer = run.mean_seconds(PEER_FOR_SPEED)
    return f"{run.mean_seconds(system) / peer:.2f}" if peer > 0 else "–"


def markdown(run: EvaluationRun, published_key: str | None = None) -> str:
    """The main table (ROUGE-1.5.5 recall when it ran), a rouge-score table, the published
    reference numbers, and the checks."""
    stem = "with" if run.stemming else "no"
    lines = [
        f"{run.dataset}: {len(run.clusters)} cluster{'s' * (len(run.clusters) != 1)} "
        f"({', '.join(run.clusters)}), "
        f"language {run.language}, {run.words} words, whole sentences only",
        "",
    ]
    if run.skipped:
        lines += [f"{len(run.skipped)} documents skipped (no system was given them):", ""]
        lines += [f"- {s.input}: {s.reason}" for s in run.skipped] + [""]
    if run.perl_averages:
        lines += [
            f"ROUGE-1.5.5 recall (%, {stem} stemming, -l {run.words}), mean time per cluster "
            f"(each the median of {run.repeat} run{'s' * (run.repeat != 1)}), and time as a "
            "ratio to sumy LexRank in this run:",
            "",
            "| system | R-1 | R-2 | R-L | R-SU4 | R-2 95% interval | ms / cluster "
            "| time / LexRank |",
            "|---|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for system in run.systems:
            cells = [
                _percent(run.mean(system, f"perl.{k}.r"))
                for k in ("rouge-1", "rouge-2", "rouge-l", "rouge-su4")
            ]
            interval = (
                run.mean(system, "perl.rouge-2.r.low"),
                run.mean(system, "perl.rouge-2.r.high"),
            )
            cells.append(" – ".join(_percent(v) for v in interval))
            lines.append(
                f"| {system} | {' | '.join(cells)} | {1000 * run.mean_seconds(system):.1f} "
                f"| {_time_ratio(run, system)} |"
            )
        lines.append("")
    else:
        lines += [f"ROUGE-1.5.5 did not run: {run.perl_error or 'not requested'}", ""]
    lines += [
        "rouge-score (%): recall and F1, without and with the Porter stemmer:",
        "",
        "| system | R-1 R | R-2 R | R-L R | R-1 F | R-2 F | R-L F | stem R-1 R | stem R-2 R "
        "| stem R-1 F | stem R-2 F |",
        "|---|" + "---:|" * 10,
    ]
    keys = [f"rs.rouge{k}.{f}" for f in "rf" for k in ("1", "2", "L")]
    keys += [f"rs_stem.rouge{k}.{f}" for f in "rf" for k in ("1", "2")]
    for system in run.systems:
        lines.append(
            f"| {system} | " + " | ".join(_percent(run.mean(system, k)) for k in keys) + " |"
        )
    lines += [
        "",
        "Checks: citations that resolve to exact source spans (newsweave only; must be 1.00), "
        "redundancy (highest TF-IDF cosine between two summary sentences), share of "
        "sentences opening with a dangling connective or pronoun, mean summary words:",
        "",
        "| system | citations resolve | redundancy | dangling | words |",
        "|---|---:|---:|---:|---:|",
    ]
    for system in run.systems:
        words = sum(r.words for r in run.of(system)) / max(len(run.of(system)), 1)
        lines.append(
            f"| {system} | {_share(run.mean(system, 'citations_resolve'))} "
            f"| {_share(run.mean(system, 'redundancy'))} "
            f"| {_share(run.mean(system, 'dangling'))} | {words:.0f} |"
        )
    if published_key in PUBLISHED:
        lines += [
            "",
            "Published, not re-run (ROUGE-1.5.5 recall, %, on the full set):",
            "",
            "| system | R-1 | R-2 |",
            "|---|---:|---:|",
        ]
        lines += [
            f"| {p.system} | {p.rouge_1:.2f} | {p.rouge_2:.2f} |" for p in PUBLISHED[published_key]
        ]
    return "\n".join(lines) + "\n"


def as_json(run: EvaluationRun, machine: dict[str, Any] | None = None) -> dict[str, Any]:
    """Everything in the run: settings, means per system and scores per cluster."""
    keys = sorted({k for r in run.results for k in (*r.scores, *r.checks)})
    return {
        "dataset": run.dataset,
        "language": run.language,
        "words": run.words,
        "rouge155_stemming": run.stemming,
        "rouge155_error": run.perl_error,
        "timed_runs_per_cluster": run.repeat,
        "skipped": [{"input": s.input, "reason": s.reason} for s in run.skipped],
        "machine": machine or {},
        "clusters": run.clusters,
        "systems": {
            system: {
                "mean": {k: run.mean(system, k) for k in keys},
                "mean_seconds": run.mean_seconds(system),
                "rouge155": run.perl_averages.get(system, {}),
                "per_cluster": [
                    {
                        "cluster": r.cluster,
                        "seconds": r.seconds,
                        "words": r.words,
                        "scores": r.scores,
                        "checks": r.checks,
                        "summary": r.summary,
                    }
                    for r in run.of(system)
                ],
            }
            for system in run.systems
        },
    }
