#!/usr/bin/env python
"""CPU per vote POST beside the baseline insert, in-process: robust on a shared machine.

    DATABASE_URL=postgres://… REDIS_URL=redis://… python bench/prizes_vote_cpu.py

Where ``bench/prizes_vote.py`` measures throughput against gunicorn (which the machine's
other load moves by tens of percent), this sends the same requests through Django's WSGI
handler in this process (every middleware, ``bench.prizes_settings``, real PostgreSQL and
Redis) one at a time, and counts the CPU each one costs: this thread's CPU
(``time.thread_time``) and the CPU of this connection's PostgreSQL backend (from
``/proc/<pid>/schedstat`` in nanoseconds, else ``/proc/<pid>/stat`` in clock ticks, when the
server runs on this machine). Other processes' load slows both endpoints' wall time but
hardly their CPU time. By default the endpoints alternate request by request (a vote, a
baseline insert, then the other way round), so that a change in the machine's load or in
the caches falls on both alike, and the figures are means with the top and bottom tenth left
out; ``--alternate batch`` keeps the earlier batches of ``--batch`` requests (the figures of
the passes before 2026-11-30 22:30 UTC). Every vote is a first vote. ``--profile`` prints a
cProfile (thread CPU clock) of each.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.prizes_data import (
    BASELINE_YEAR,
    VOTE_YEAR,
    cleanup,
    make_contest,
    make_voters,
    setup_django,
)
from bench.prizes_vote import vote_jobs

TICKS = os.sysconf("SC_CLK_TCK")


def _backend_cpu(pid: int | None) -> float:
    """Seconds of CPU used so far by a PostgreSQL backend on this machine (0 if unreadable)."""
    if pid is None:
        return 0.0
    try:  # nanoseconds on CPU; clock ticks (10 ms) are too coarse for one request
        return int(Path(f"/proc/{pid}/schedstat").read_text().split()[0]) / 1e9
    except (OSError, ValueError, IndexError):
        pass
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / TICKS


def _environ(path: str, session: str, csrf: str) -> dict:
    import io as _io

    return {
        "REQUEST_METHOD": "POST",
        "PATH_INFO": path,
        "SCRIPT_NAME": "",
        "QUERY_STRING": "",
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "8000",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "127.0.0.1",
        "HTTP_HOST": "127.0.0.1",
        "HTTP_COOKIE": f"sessionid={session}; csrftoken={csrf}",
        "HTTP_X_CSRFTOKEN": csrf,
        "HTTP_USER_AGENT": "wsis-bench/1.0",
        "CONTENT_LENGTH": "0",
        "wsgi.input": _io.BytesIO(b""),
        "wsgi.url_scheme": "http",
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": True,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
        "wsgi.version": (1, 0),
    }


def _run(app, requests, expected: str, profiler=None) -> tuple[list[float], float, float]:
    """Send ``requests``; return each one's thread CPU, the batch's wall and backend CPU."""
    from django.db import connection

    statuses: list[str] = []

    def start_response(status, headers, exc_info=None):
        statuses.append(status)

    connection.ensure_connection()
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    cpu = []
    backend_before, wall_before = _backend_cpu(pid), time.perf_counter()
    for environ in requests:
        before = time.thread_time()
        if profiler is not None:
            profiler.enable()
        body = app(environ, start_response)
        b"".join(body)
        body.close()  # request_finished: what a server does after each response
        if profiler is not None:
            profiler.disable()
        cpu.append(time.thread_time() - before)
    wall = time.perf_counter() - wall_before
    backend = _backend_cpu(pid) - backend_before
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        if cursor.fetchone()[0] != pid:
            sys.exit("the database connection changed during a batch: CPU not comparable")
    wrong = [s for s in statuses if not s.startswith(expected)]
    if wrong:
        sys.exit(f"unexpected answers: {wrong[:5]} ({len(wrong)} of {len(statuses)})")
    return cpu, wall, backend


def _interleaved(app, votes, base, needed, profilers) -> dict[str, list]:
    """Each endpoint's (thread CPU, backend CPU) per request, one vote and one baseline
    insert after another, which goes first alternating; the first tenth warms both up."""
    from django.db import connection

    statuses: list[str] = []

    def start_response(status, headers, exc_info=None):
        statuses.append(status)

    connection.ensure_connection()
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    warm = needed // 10
    out: dict[str, list] = {"vote": [], "baseline": []}
    for n in range(needed):
        order = [("vote", votes[n], "303"), ("baseline", base[n], "201")]
        if n % 2:
            order.reverse()
        for name, environ, expected in order:
            profiler = profilers[name] if n >= warm else None
            backend_before, before = _backend_cpu(pid), time.thread_time()
            if profiler is not None:
                profiler.enable()
            body = app(environ, start_response)
            b"".join(body)
            body.close()  # request_finished: what a server does after each response
            if profiler is not None:
                profiler.disable()
            cpu = time.thread_time() - before
            backend = _backend_cpu(pid) - backend_before
            if not statuses[-1].startswith(expected):
                sys.exit(f"unexpected answer from the {name}: {statuses[-1]}")
            if n >= warm:
                out[name].append((cpu, backend))
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        if cursor.fetchone()[0] != pid:
            sys.exit("the database connection changed during the run: CPU not comparable")
    return out


def _trimmed(values: list[float], cut: float = 0.1) -> float:
    ordered = sorted(values)
    k = int(len(ordered) * cut)
    return statistics.mean(ordered[k : len(ordered) - k])


def report_interleaved(results: dict[str, list]) -> None:
    rows = {}
    for name, pairs in results.items():
        thread = 1000 * _trimmed([c for c, _b in pairs])
        backend = 1000 * _trimmed([b for _c, b in pairs])
        rows[name] = (thread, backend)
        print(
            f"{name:8s} thread CPU {thread:.3f} ms (median "
            f"{1000 * statistics.median(c for c, _b in pairs):.3f}); PostgreSQL backend CPU "
            f"{backend:.3f} ms; {len(pairs)} requests, means without the top and bottom tenth"
        )
    (vt, vb), (bt, bb) = rows["vote"], rows["baseline"]
    print(
        f"vote / baseline: thread CPU {vt / bt:.3f}x, backend CPU {vb / bb:.3f}x, "
        f"thread + backend CPU {(vt + vb) / (bt + bb):.3f}x"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--voters", type=int, default=400)
    parser.add_argument(
        "--alternate",
        choices=["request", "batch"],
        default="request",
        help="alternate the endpoints request by request (default) or in batches",
    )
    parser.add_argument("--batches", type=int, default=8, help="alternating, per endpoint")
    parser.add_argument("--batch", type=int, default=200, help="requests per batch")
    parser.add_argument("--profile", action="store_true", help="print a cProfile of each")
    parser.add_argument("--keep", action="store_true", help="keep the benchmark data")
    args = parser.parse_args()
    setup_django()
    from django.core.wsgi import get_wsgi_application
    from django.db import connection

    # One backend for the whole run, so that its CPU can be read between batches.
    connection.settings_dict["CONN_MAX_AGE"] = None
    cleanup()
    try:
        vote_contest = make_contest(VOTE_YEAR, 3)
        base_contest = make_contest(BASELINE_YEAR, 3)
        voters = make_voters(args.voters)
        app = get_wsgi_application()
        votes = [
            _environ(f"/prizes/{VOTE_YEAR}/vote/{project}/", session, csrf)
            for _c, project, session, csrf in vote_jobs(vote_contest, voters, slice(0, 18))
        ]
        base = [
            _environ(
                f"/bench/prizes/insert/{base_contest.pk}/{category_id}/{project}/", session, csrf
            )
            for category_id, project, session, csrf in vote_jobs(base_contest, voters, slice(0, 18))
        ]
        needed = args.batch * (args.batches + 1)
        if needed > len(votes):
            sys.exit(f"--voters too few: {needed} first votes needed, {len(votes)} available")
        profilers = {"vote": None, "baseline": None}
        if args.profile:
            profilers = {name: cProfile.Profile(time.thread_time) for name in profilers}
        if args.alternate == "request":
            report_interleaved(_interleaved(app, votes, base, needed, profilers))
            _print_profiles(profilers)
            return
        results: dict[str, list] = {"vote": [], "baseline": []}
        for n in range(args.batches + 1):  # batch 0 warms both up
            part = slice(n * args.batch, (n + 1) * args.batch)
            order = [("vote", votes[part], "303"), ("baseline", base[part], "201")]
            if n % 2:
                order.reverse()
            for name, requests, expected in order:
                cpu, wall, backend = _run(app, requests, expected, profilers[name] if n else None)
                if n:
                    results[name].append((cpu, wall, backend))
        report(results, args.batch)
        _print_profiles(profilers)
    finally:
        if not args.keep:
            cleanup()


def _print_profiles(profilers: dict) -> None:
    for name, profiler in profilers.items():
        if profiler is None:
            continue
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(45)
        print(f"\n=== cProfile, {name} (thread CPU) ===\n{out.getvalue()}")


def report(results: dict[str, list], batch: int) -> None:
    rows = {}
    for name, batches in results.items():
        cpu = [c for b in batches for c in b[0]]
        rows[name] = {
            "cpu_mean": 1000 * statistics.mean(cpu),
            "cpu_median": 1000 * statistics.median(cpu),
            "backend": 1000 * sum(b[2] for b in batches) / (batch * len(batches)),
            "wall": 1000 * sum(b[1] for b in batches) / (batch * len(batches)),
            "batch_cpu": [1000 * statistics.mean(b[0]) for b in batches],
        }
        r = rows[name]
        print(
            f"{name:8s} thread CPU mean {r['cpu_mean']:.3f} ms (median {r['cpu_median']:.3f}); "
            f"PostgreSQL backend CPU {r['backend']:.3f} ms; wall {r['wall']:.3f} ms; "
            f"batches {', '.join(f'{x:.2f}' for x in r['batch_cpu'])}"
        )
    v, b = rows["vote"], rows["baseline"]
    print(
        f"vote / baseline: thread CPU {v['cpu_mean'] / b['cpu_mean']:.2f}x, "
        f"thread + backend CPU {(v['cpu_mean'] + v['backend']) / (b['cpu_mean'] + b['backend']):.2f}x, "
        f"wall {v['wall'] / b['wall']:.2f}x"
    )


if __name__ == "__main__":
    main()
