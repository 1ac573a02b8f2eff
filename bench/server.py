"""What the HTTP benchmarks share: gunicorn on 127.0.0.1 and a bounded load client.

The load client sends a fixed list of requests over keep-alive connections from a few
processes, stops at a time limit, and reports throughput and latency percentiles. It only
ever connects to 127.0.0.1.
"""

from __future__ import annotations

import http.client
import multiprocessing
import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# One request: (method, path, headers).
Job = tuple[str, str, dict[str, str]]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_gunicorn(
    port: int, *, workers: int, threads: int, settings: str, worker_class: str = "gthread"
) -> subprocess.Popen:
    """gunicorn with the portal on 127.0.0.1:``port``, once /healthz answers."""
    env = os.environ.copy()
    env["DJANGO_SETTINGS_MODULE"] = settings
    # The production configuration file, as the web container runs it (its hooks included),
    # with the shape under test, no access log and no worker recycling mid-run on top.
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "wsis_portal.wsgi:application",
        "--config",
        "python:wsis_portal.gunicorn_conf",
        "--access-logfile",
        "/dev/null",
        "--max-requests",
        "0",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(workers),
        "--worker-class",
        worker_class,
        "--keep-alive",
        "30",
        "--timeout",
        "120",
        "--log-level",
        "warning",
    ]
    if worker_class == "gthread":
        command += ["--threads", str(threads)]
    process = subprocess.Popen(command, cwd=ROOT, env=env)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/healthz")
            conn.getresponse().read()
            return process
        except OSError:
            time.sleep(0.2)
    process.kill()
    sys.exit("gunicorn did not start")


def _connection_worker(port, jobs, deadline, out, expected):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    for method, path, headers in jobs:
        if time.monotonic() > deadline:
            break
        started = time.perf_counter()
        size = 0
        try:
            conn.request(method, path, headers=headers)
            response = conn.getresponse()
            size = len(response.read())
            status = response.status
        except (OSError, http.client.HTTPException):
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            status = 0
        out.append((time.perf_counter() - started, status in expected, status, size))
    conn.close()


def _client_process(port, job_lists, seconds, expected, queue):
    deadline = time.monotonic() + seconds
    queue.put(
        in_threads(_connection_worker, [(port, jobs, deadline) for jobs in job_lists], expected)
    )


def in_threads(target, each: list[tuple], *common) -> list:
    """``target(*args, results, *common)`` in a thread per ``args`` of ``each``; what they
    appended to ``results``."""
    results: list = []
    threads = [threading.Thread(target=target, args=(*args, results, *common)) for args in each]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


def run_load(
    port: int,
    jobs: list[Job],
    *,
    connections: int,
    processes: int,
    seconds: float,
    expected: set[int],
    dealt: list[list[Job]] | None = None,
) -> dict:
    """Spread ``jobs`` over ``connections`` connections in ``processes`` client processes:
    job *j* to connection *j* mod ``connections``, unless ``dealt`` gives each connection's
    list (in order) itself."""
    per_connection = dealt or [jobs[i::connections] for i in range(connections)]
    processes = min(processes, len(per_connection))
    groups = [per_connection[i::processes] for i in range(processes)]
    queue: multiprocessing.Queue = multiprocessing.Queue()
    started = time.perf_counter()
    workers = [
        multiprocessing.Process(
            target=_client_process, args=(port, group, seconds, expected, queue)
        )
        for group in groups
    ]
    for w in workers:
        w.start()
    results = []
    for _ in workers:
        results.extend(queue.get())
    for w in workers:
        w.join()
    return summarize(results, time.perf_counter() - started)


def summarize(results: list, elapsed: float) -> dict:
    """Throughput and latency of (seconds, ok, status, bytes) answers over ``elapsed``."""
    latencies = [r[0] for r in results] or [0.0]
    statuses: dict[int, int] = {}
    for r in results:
        statuses[r[2]] = statuses.get(r[2], 0) + 1
    ok = sum(1 for r in results if r[1])
    return {
        "requests": len(results),
        "ok": ok,
        "rps": ok / elapsed,
        "p50_ms": 1000 * percentile(latencies, 0.50),
        "p95_ms": 1000 * percentile(latencies, 0.95),
        "p99_ms": 1000 * percentile(latencies, 0.99),
        "bytes": max((r[3] for r in results), default=0),
        "statuses": statuses,
    }
