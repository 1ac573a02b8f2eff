"""Where a benchmarked request's time goes, inside gunicorn (``bench/prizes_vote.py --phases``).

Benchmark only: ``bench.prizes_settings`` puts this middleware first when
``BENCH_PHASES_DIR`` is set. For each request it writes one line to a file per worker
process: the endpoint, the request's wall time inside Django, the CPU time of its thread, and
the wall time and number of its SQL statements and of its rate-limiter Redis command. What
is left of the wall time (neither CPU, SQL nor Redis) is time the thread waited for the GIL
or for a core; what the client saw beyond the wall time was spent outside Django (the
socket, gunicorn's poller and thread pool).
"""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

_local = threading.local()
_lock = threading.Lock()
_out: dict[int, object] = {}


def _endpoint(path: str) -> str:
    if path.startswith("/bench/prizes/insert/"):
        return "baseline"
    if "/vote/" in path:
        return "vote"
    return "other"


def _sql(execute, sql, params, many, context):
    started = time.perf_counter()
    try:
        return execute(sql, params, many, context)
    finally:
        stats = getattr(_local, "stats", None)
        if stats is not None:
            stats[0] += time.perf_counter() - started
            stats[1] += 1


def _timed(function):
    def timed(*args, **kwargs):
        started = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            stats = getattr(_local, "stats", None)
            if stats is not None:
                stats[2] += time.perf_counter() - started
                stats[3] += function.__name__ in ("_decide", "_count")

    return timed


def _patch_redis() -> None:
    """Time the rate limiter: sending counts ahead (``PendingHits``) and waiting for or
    reading Redis's answer (``_decide``, once per check); in code before ``PendingHits``
    (to compare), its one call ``_count``."""
    from wsis_portal import ratelimit

    if hasattr(ratelimit, "PendingHits"):
        ratelimit._decide = _timed(ratelimit._decide)
        ratelimit.PendingHits.__init__ = _timed(ratelimit.PendingHits.__init__)
    else:
        ratelimit._count = _timed(ratelimit._count)


def _write(line: str) -> None:
    # One line-buffered file per worker process (opened after gunicorn's fork).
    with _lock:
        out = _out.get(os.getpid())
        if out is None:
            folder = Path(os.environ["BENCH_PHASES_DIR"])
            out = _out[os.getpid()] = open(folder / f"{os.getpid()}.tsv", "a", buffering=1)  # noqa: SIM115
        out.write(line)  # type: ignore[attr-defined]


class PhasesMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        _patch_redis()

    def __call__(self, request):
        from django.db import connection

        _local.stats = stats = [0.0, 0, 0.0, 0]
        wall, cpu = time.perf_counter(), time.thread_time()
        with connection.execute_wrapper(_sql):
            response = self.get_response(request)
        wall, cpu = time.perf_counter() - wall, time.thread_time() - cpu
        _local.stats = None
        line = (
            f"{time.time():.3f}\t{_endpoint(request.path)}\t{wall:.6f}\t{cpu:.6f}\t"
            f"{stats[0]:.6f}\t{stats[1]}\t{stats[2]:.6f}\t{stats[3]}\n"
        )
        _write(line)
        return response


def read(folder: Path, since: float, until: float) -> dict[str, dict]:
    """Mean phase times (ms) and counts per endpoint for the requests that ended in
    [since, until]."""
    sums: dict[str, list[float]] = {}
    workers: dict[str, list[int]] = {}
    for file in sorted(folder.glob("*.tsv")):
        served: dict[str, int] = {}
        for line in file.read_text().splitlines():
            at, name, *values = line.split("\t")
            if not since <= float(at) <= until:
                continue
            served[name] = served.get(name, 0) + 1
            row = sums.setdefault(name, [0.0] * 7)
            for i, value in enumerate(values):
                row[i] += float(value)
            row[6] += 1
        for name, n in served.items():
            workers.setdefault(name, []).append(n)
    result: dict[str, dict] = {}
    for name, (wall, cpu, sql, sqls, redis, rediss, n) in sums.items():
        result[name] = {
            "n": n,
            "wall_ms": 1000 * wall / n,
            "cpu_ms": 1000 * cpu / n,
            "sql_ms": 1000 * sql / n,
            "sql_count": sqls / n,
            "redis_ms": 1000 * redis / n,
            "redis_count": rediss / n,
            "wait_ms": 1000 * max(0.0, wall - cpu - sql - redis) / n,
            # Requests served by each gunicorn worker: the kernel deals the connections.
            "per_worker": sorted(workers[name], reverse=True),
        }
    return result
