"""Load on `newsweave serve`: many concurrent digest requests of the bundled sample.

Starts the server in its own process on 127.0.0.1 (a free port; loopback only, nothing
else is ever contacted), sends one warm-up request (the embedding model loads) and three
requests one at a time (a digest's time with no queue), then fires --requests
POST /api/digest requests of the five sample articles, --concurrency at a time, and prints
errors, throughput, latency percentiles and the server's peak resident memory (VmHWM from
/proc, so Linux only). Bounded: every request has a timeout and the whole run a deadline;
the server is stopped at the end whatever happens.

    python bench/serve_load.py [--requests 100] [--concurrency 100] [--workers 2] [--ner rules]
                               [--json bench/results/serve_load.json]
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import platform
import re
import signal
import statistics
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import asdict, dataclass
from pathlib import Path

from newsweave.sample import sample_path

HOST = "127.0.0.1"  # loopback only, by design: there is no option to change it
SERVING = re.compile(r"serving on http://127\.0\.0\.1:(\d+)/")


@dataclass
class Result:
    requests: int
    concurrency: int
    workers: int
    errors: int
    wall_seconds: float
    throughput_per_second: float
    p50_ms: float
    p99_ms: float
    max_ms: float
    warmup_ms: float
    alone_ms: float
    rss_after_warmup_mb: float
    peak_rss_mb: float
    machine: str


def sample_body() -> bytes:
    articles = [{"text": p.read_text("utf-8")} for p in sorted(sample_path().iterdir())]
    return json.dumps({"articles": articles}).encode("utf-8")


def start_server(workers: int, timeout: float, ner: str) -> tuple[subprocess.Popen[str], int]:
    command = [sys.executable, "-m", "newsweave.web", "--host", HOST, "--port", "0"]
    command += ["--workers", str(workers), "--ner", ner]
    server = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    found: list[int] = []

    def read_port() -> None:
        assert server.stderr is not None
        for line in server.stderr:
            match = SERVING.search(line)
            if match and not found:
                found.append(int(match.group(1)))
            elif not match:
                sys.stderr.write(line)

    threading.Thread(target=read_port, daemon=True).start()
    deadline = time.monotonic() + timeout
    while not found:
        if server.poll() is not None or time.monotonic() > deadline:
            stop_server(server)
            raise SystemExit("serve_load: the server did not start")
        time.sleep(0.05)
    return server, found[0]


def stop_server(server: subprocess.Popen[str]) -> None:
    if server.poll() is None:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def memory_mb(pid: int, field: str) -> float:
    """VmRSS (now) or VmHWM (peak) of a process, in MB (1024 * 1024 bytes)."""
    status = Path(f"/proc/{pid}/status").read_text()
    kilobytes = int(re.search(rf"^{field}:\s+(\d+) kB", status, re.M).group(1))  # type: ignore[union-attr]
    return kilobytes / 1024


def post(port: int, path: str, body: bytes, timeout: float) -> tuple[int, float]:
    """(status, seconds) of one POST; status 0 for a connection failure or a timeout."""
    start = time.perf_counter()
    connection = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        connection.request("POST", path, body, {"content-type": "application/json"})
        answer = connection.getresponse()
        data = answer.read()
        status = answer.status
        if status == 200:
            json.loads(data)["summary"]  # a full digest came back
    except (OSError, http.client.HTTPException, ValueError, KeyError):
        status = 0
    finally:
        connection.close()
    return status, time.perf_counter() - start


def wait_healthy(port: int, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPConnection(HOST, port, timeout=2)
            connection.request("GET", "/api/health")
            if connection.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.1)
    raise SystemExit("serve_load: the server never answered /api/health")


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * len(ordered) + 0.5) - 1))
    return ordered[index]


def run(requests: int, concurrency: int, workers: int, timeout: float, ner: str) -> Result:
    body = sample_body()
    server, port = start_server(workers, timeout=60, ner=ner)
    try:
        wait_healthy(port, timeout=60)
        status, warmup = post(port, "/api/digest", body, timeout)
        if status != 200:
            raise SystemExit(f"serve_load: the warm-up request failed ({status})")
        alone = statistics.median(post(port, "/api/digest", body, timeout)[1] for _ in range(3))
        rss_after_warmup = memory_mb(server.pid, "VmRSS")
        latencies: list[float] = []
        errors = 0
        start = time.perf_counter()
        with ThreadPoolExecutor(max_workers=concurrency) as pool:
            futures = [
                pool.submit(post, port, "/api/digest", body, timeout) for _ in range(requests)
            ]
            for future in as_completed(futures, timeout=timeout * 2):
                status, seconds = future.result()
                latencies.append(seconds)
                errors += status != 200
        wall = time.perf_counter() - start
        peak = memory_mb(server.pid, "VmHWM")
    finally:
        stop_server(server)
    return Result(
        requests=requests,
        concurrency=concurrency,
        workers=workers,
        errors=errors,
        wall_seconds=round(wall, 2),
        throughput_per_second=round(requests / wall, 2),
        p50_ms=round(statistics.median(latencies) * 1000, 1),
        p99_ms=round(percentile(latencies, 0.99) * 1000, 1),
        max_ms=round(max(latencies) * 1000, 1),
        warmup_ms=round(warmup * 1000, 1),
        alone_ms=round(alone * 1000, 1),
        rss_after_warmup_mb=round(rss_after_warmup, 1),
        peak_rss_mb=round(peak, 1),
        machine=f"{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}",
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=100, help="requests in all (max 1000)")
    parser.add_argument("--concurrency", type=int, default=100, help="requests in flight")
    parser.add_argument("--workers", type=int, default=2, help="the server's --workers")
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds per request")
    parser.add_argument(
        "--ner", choices=("auto", "spacy", "rules"), default="auto", help="the server's --ner"
    )
    parser.add_argument("--json", metavar="FILE", help="also write the numbers here")
    args = parser.parse_args()
    if not 1 <= args.requests <= 1000 or not 1 <= args.concurrency <= 200:
        parser.error("--requests must be 1 to 1000 and --concurrency 1 to 200")
    result = run(args.requests, args.concurrency, args.workers, args.timeout, args.ner)
    print(f"newsweave serve, {result.machine}; server --workers {result.workers}")
    print(
        f"{result.requests} POST /api/digest of the bundled sample (5 articles), "
        f"{result.concurrency} concurrent"
    )
    print(f"errors       {result.errors}")
    print(f"wall time    {result.wall_seconds:.2f} s")
    print(f"throughput   {result.throughput_per_second:.2f} digests/s")
    print(f"latency      p50 {result.p50_ms:.0f} ms · p99 {result.p99_ms:.0f} ms")
    print(f"             max {result.max_ms:.0f} ms")
    print(f"first request {result.warmup_ms:.0f} ms (the embedding model loads)")
    print(f"one request alone, before the burst: {result.alone_ms:.0f} ms (median of 3)")
    print(
        f"server RSS   {result.rss_after_warmup_mb:.0f} MB after warm-up · "
        f"peak {result.peak_rss_mb:.0f} MB"
    )
    if args.json:
        Path(args.json).write_text(json.dumps(asdict(result), indent=2) + "\n", encoding="utf-8")
    return 1 if result.errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
