"""Benchmark of WSIS Stocktaking: search, first page, report and CSV export at 100,000 entries.

Starts gunicorn on 127.0.0.1 (loopback only), drives it with CONCURRENCY client threads and
prints p50/p95 latency of each scenario beside the home page ``/`` measured in the same run,
then the memory growth of the web worker while it streams the CSV export of every entry.

    DATABASE_URL=postgres://... REDIS_URL=redis://... \\
        .venv/bin/python bench/stocktaking_search.py [--seed] [--requests 200]

``--seed`` first runs ``seed_demo --only stocktaking --entries 100000`` and times it.
Every request count and duration is bounded; gunicorn is stopped at the end.
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import itertools
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable

WORDS = [
    "broadband",
    "telemedicine",
    "literacy",
    "agriculture",
    "cybersecurity",
    "e-government",
    "coding",
    "e-waste",
    "radio",
    "library",
    "spectrum",
    "open data",
    "health records",
    "community network",
    "early warning",
    "jobs",
    "e-commerce",
    "artificial intelligence",
]
REGIONS = ["africa", "americas", "arab-states", "asia-pacific", "cis", "europe"]
ACTION_LINES = [
    "C1",
    "C2",
    "C3",
    "C4",
    "C5",
    "C6",
    "C7-EGOV",
    "C7-EBUS",
    "C7-ELEA",
    "C7-EHEA",
    "C7-EEMP",
    "C7-EENV",
    "C7-EAGR",
    "C7-ESCI",
    "C8",
    "C9",
    "C10",
    "C11",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def env_for(var_dir: str) -> dict:
    env = os.environ.copy()
    env.update(
        DJANGO_DEBUG="false",
        DJANGO_SECRET_KEY="benchmark-only-not-secret",
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        DJANGO_SECURE_SSL_REDIRECT="false",
        DJANGO_VAR_DIR=var_dir,
        DJANGO_LOG_LEVEL="WARNING",
        DJANGO_CONN_MAX_AGE="60",
    )
    if not env.get("DATABASE_URL"):
        sys.exit("Set DATABASE_URL to the PostgreSQL database to benchmark.")
    return env


def manage(env: dict, *args: str) -> str:
    result = subprocess.run(
        [PY, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True, text=True
    )
    return result.stdout


def manage_last_line(env: dict, *args: str) -> str:
    """The last line ``manage.py shell -c`` prints (it may announce auto-imports first)."""
    lines = manage(env, *args).strip().splitlines()
    return lines[-1] if lines else ""


def get(port: int, path: str, timeout: float = 30.0) -> tuple[float, int, int]:
    started = time.perf_counter()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("GET", path, headers={"Host": "127.0.0.1"})
        response = conn.getresponse()
        size = 0
        while chunk := response.read(65536):
            size += len(chunk)
        return time.perf_counter() - started, response.status, size
    finally:
        conn.close()


def run_scenario(port, paths, requests, concurrency, max_seconds):
    """Fire ``requests`` GETs from ``concurrency`` threads (bounded in time)."""
    deadline = time.monotonic() + max_seconds
    source = iter(itertools.islice(itertools.cycle(paths), requests))
    lock = threading.Lock()
    timings: list[float] = []
    errors = 0

    def client():
        nonlocal errors
        while time.monotonic() < deadline:
            with lock:
                path = next(source, None)
            if path is None:
                return
            elapsed, status, _ = get(port, path)
            with lock:
                if status == 200:
                    timings.append(elapsed)
                else:
                    errors += 1

    with ThreadPoolExecutor(concurrency) as pool:
        for _ in range(concurrency):
            pool.submit(client)
    return timings, errors


def pct(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))] * 1000


def rss_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(p) for p in path.read_text().split()] if path.exists() else []


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200, help="requests per scenario")
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--workers", type=int, default=4, help="gunicorn sync workers")
    parser.add_argument("--max-seconds", type=float, default=120, help="per scenario")
    parser.add_argument("--seed", action="store_true", help="seed 100,000 entries first")
    args = parser.parse_args()

    var_dir = tempfile.mkdtemp(prefix="stk-bench-")
    env = env_for(var_dir)
    if args.seed:
        started = time.monotonic()
        out = manage(env, "seed_demo", "--only", "stocktaking", "--entries", "100000")
        made = [line for line in out.splitlines() if "stocktaking entries in" in line]
        print(
            f"seed_demo --entries 100000: {time.monotonic() - started:.1f} s in all"
            + (f" ({made[-1].strip()})" if made else " (already there, nothing added)")
        )
    count = manage_last_line(
        env,
        "shell",
        "-c",
        "from stocktaking.models import Entry; print(Entry.objects.filter(status='published').count())",
    )
    print(f"published entries: {count}")
    manage(env, "collectstatic", "--noinput")
    # What autovacuum does after a bulk load: statistics and the visibility map (index-only scans).
    manage(
        env,
        "shell",
        "-c",
        "from django.db import connection; c = connection.cursor(); "
        "[c.execute('VACUUM ANALYZE ' + t) for t in ('stocktaking_entry', 'stocktaking_entryactionline', 'stocktaking_entrysdg')]",
    )
    report_years = manage_last_line(
        env,
        "shell",
        "-c",
        "from stocktaking.models import Call; print(' '.join(str(y) for y in sorted(set(Call.objects.values_list('report_year', flat=True)))))",
    ).split()

    port = free_port()
    log = open(Path(var_dir) / "gunicorn.log", "w")  # noqa: SIM115
    server = subprocess.Popen(
        [
            PY,
            "-m",
            "gunicorn",
            "wsis_portal.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(args.workers),
            "--timeout",
            "120",
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        for _ in range(100):
            try:
                if get(port, "/healthz", timeout=2)[1] in (200, 503):
                    break
            except OSError:
                time.sleep(0.2)
        rng = random.Random(7)
        searches = [
            f"/stocktaking/?q={w.replace(' ', '+')}&region={rng.choice(REGIONS)}&action_line={rng.choice(ACTION_LINES)}"
            for w in WORDS
            for _ in range(12)
        ]
        rng.shuffle(searches)
        # Search in the other languages: Chinese by character pairs (two characters), Russian
        # and Arabic by stems, French with accents (the demo data has one entry in ten in them).
        other_languages = [
            f"/stocktaking/?q={quote(w)}&region={rng.choice(REGIONS)}"
            for w in [
                "教育",
                "宽带",
                "远程医疗",
                "образование",
                "телемедицина",
                "التعليم",
                "الصحة",
                "éducation",
                "alfabetización",
            ]
            for _ in range(12)
        ]
        rng.shuffle(other_languages)
        reports = [f"/stocktaking/reports/{y}/" for y in report_years] + [
            f"/stocktaking/reports/{y}/{r}/" for y in report_years for r in REGIONS
        ]
        scenarios = [
            ("home page / (baseline)", ["/"]),
            (
                "search: text + region + Action Line, distinct queries (facet cache misses)",
                searches,
            ),
            (
                "search in zh/ru/ar/fr/es: text + region, distinct queries (facet cache misses)",
                other_languages,
            ),
            ("unfiltered first page /stocktaking/", ["/stocktaking/"]),
            ("search: one text + two facets, repeated (facet cache hits)", [searches[0]]),
            ("report pages /stocktaking/reports/<year>/[<region>/]", reports),
        ]
        # Warm the processes (imports, connections, templates), not the measured queries.
        run_scenario(
            port,
            ["/", "/stocktaking/", "/stocktaking/reports/"],
            3 * args.workers,
            args.concurrency,
            30,
        )
        # Cold: the first unfiltered page after published data changed (the data version
        # empties the page's caches), measured once the processes are warm, as on a running
        # site: a worker's very first request also pays imports, connections and templates.
        cold = []
        for _ in range(5):
            manage(
                env,
                "shell",
                "-c",
                "from stocktaking.services import search_cache_bump; search_cache_bump()",
            )
            cold.append(get(port, "/stocktaking/")[0] * 1000)
        print(
            "\nunfiltered first page right after a data change (cold cache), median of 5: "
            f"{statistics.median(cold):.0f} ms ({', '.join(f'{c:.0f}' for c in cold)})\n"
        )
        print(
            f"{args.concurrency} concurrent clients, gunicorn {args.workers} sync workers, up to {args.requests} requests each"
        )
        print("| scenario | requests | p50 ms | p95 ms | errors |\n|---|---|---|---|---|")
        for name, paths in scenarios:
            timings, errors = run_scenario(
                port, paths, args.requests, args.concurrency, args.max_seconds
            )
            print(
                f"| {name} | {len(timings)} | {pct(timings, 50):.0f} | {pct(timings, 95):.0f} | {errors} |"
            )

        workers = children(server.pid)
        before = {pid: rss_kb(pid) for pid in workers}
        peak = dict(before)
        done = threading.Event()

        def sample():
            while not done.is_set():
                for pid in workers:
                    with contextlib.suppress(FileNotFoundError, ProcessLookupError):
                        peak[pid] = max(peak[pid], rss_kb(pid))
                time.sleep(0.05)

        sampler = threading.Thread(target=sample)
        sampler.start()
        elapsed, status, size = get(port, "/stocktaking/export.csv", timeout=600)
        done.set()
        sampler.join()
        growth = max((peak[p] - before[p]) for p in workers) / 1024
        print(
            f"\nCSV export of all entries: HTTP {status}, {size / 1e6:.1f} MB in {elapsed:.1f} s; "
            f"largest web worker RSS growth during it: {growth:.1f} MB"
        )
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()


if __name__ == "__main__":
    main()
