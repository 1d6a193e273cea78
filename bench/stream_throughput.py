"""Throughput and peak memory of `newsweave ingest` on synthetic streams, local and Dask.

    .venv/bin/python bench/stream_throughput.py --sizes 1000 10000 100000 --engines local dask

For each size the stream is generated once by `newsweave.stream.synthetic` (made-up events
on eight subjects, 3-8 articles each from ten made-up outlets, about 10% republished
copies, articles of 2-3 KB) and written as JSON Lines shards of 1,000 articles. Each run
is a fresh `newsweave ingest SHARDS/ --db NEW.db` in its own process, so the time is end to
end (reading files, parsing, cleaning, language, embedding, MinHash, dedup,
clustering, SQLite commits) and the peak memory is that process's (and, for the local
engine's worker processes and a Dask LocalCluster's workers, their largest) RSS.
The cost exponent is the slope of log(seconds) against log(articles).
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SHARD = 1000
HERE = Path(__file__).resolve().parent


def write_stream(size: int, folder: Path, seed: int = 0) -> None:
    from newsweave.stream.synthetic import synthetic_stream

    folder.mkdir(parents=True, exist_ok=True)
    stream = synthetic_stream(size, seed=seed)
    for shard in range(math.ceil(size / SHARD)):
        with open(folder / f"shard-{shard:04d}.jsonl", "w", encoding="utf-8") as handle:
            for item in itertools.islice(stream, SHARD):
                doc = item.document
                record = {
                    "title": doc.title,
                    "text": doc.body,
                    "source": doc.source,
                    "published": doc.published,
                    "id": doc.origin,
                }
                handle.write(json.dumps(record) + "\n")


def run_once(folder: Path, engine: str, workers: int) -> dict[str, object]:
    """One ingest in a child process: seconds, articles, peak RSS in MB."""
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        command = [
            sys.executable,
            "-m",
            "newsweave",
            "ingest",
            str(folder),
            "--db",
            str(db),
            "--engine",
            engine,
            "--workers",
            str(workers),
            "--quiet",
        ]
        started = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True, check=True)
        seconds = time.perf_counter() - started
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        return {
            "seconds": seconds,
            "summary": done.stdout.strip(),
            "children_peak_rss_mb": usage.ru_maxrss / 1024,
            "db_mb": db.stat().st_size / 2**20 if db.exists() else 0.0,
        }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--engines", nargs="+", default=["local", "dask"])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--data", type=Path, default=Path(tempfile.gettempdir()) / "nw-stream")
    parser.add_argument("--out", type=Path, default=HERE / "results" / "stream_throughput.json")
    parser.add_argument(
        "--measure", nargs=3, metavar=("FOLDER", "ENGINE", "WORKERS"), help=argparse.SUPPRESS
    )
    args = parser.parse_args()
    if args.measure:  # a fresh process per measurement, so RUSAGE_CHILDREN is its own
        folder, engine, workers = args.measure
        print(json.dumps(run_once(Path(folder), engine, int(workers))))
        return 0
    rows = []
    for size in args.sizes:
        folder = args.data / f"n{size}"
        if not folder.is_dir():
            write_stream(size, folder)
        for engine in args.engines:
            measured = subprocess.run(
                [sys.executable, __file__, "--measure", str(folder), engine, str(args.workers)],
                capture_output=True,
                text=True,
                check=True,
            )
            row = {
                "articles": size,
                "engine": engine,
                "workers": args.workers,
                **json.loads(measured.stdout),
            }
            row["articles_per_s"] = size / row["seconds"]
            rows.append(row)
            print(
                f"{size:>7} {engine:<6} {row['seconds']:8.1f} s {row['articles_per_s']:7.0f}/s "
                f"peak {row['children_peak_rss_mb']:7.0f} MB  db {row['db_mb']:.0f} MB",
                flush=True,
            )
    for engine in args.engines:
        points = [
            (math.log(r["articles"]), math.log(r["seconds"])) for r in rows if r["engine"] == engine
        ]
        if len(points) >= 2:
            mx = sum(x for x, _ in points) / len(points)
            my = sum(y for _, y in points) / len(points)
            slope = sum((x - mx) * (y - my) for x, y in points) / sum(
                (x - mx) ** 2 for x, _ in points
            )
            print(f"{engine}: seconds ~ articles^{slope:.2f}")
            rows.append({"engine": engine, "cost_exponent": slope})
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({"cpus": os.cpu_count(), "rows": rows}, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
