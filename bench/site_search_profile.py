"""Where one cold ``/search/`` request spends its time, in-process, with the bench's settings.

Runs the Django test client in this process (``DJANGO_DEBUG=false``, the settings of
``bench/site_search.py``'s gunicorn, one kept connection) against the database of
``DATABASE_URL``. Every request misses the result cache (a new ``page`` each time). Prints,
per word, the median wall and CPU (``time.thread_time``) of the whole request beside the
home page, and each query's time as the app sent it; ``--explain`` adds an
``EXPLAIN (ANALYZE, BUFFERS)`` of each query, ``--profile N`` a cProfile of N cold requests.

    DATABASE_URL=postgres://... REDIS_URL=redis://... \\
        .venv/bin/python bench/site_search_profile.py [--repeat 9] [--explain] [--profile 20]
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

WORDS = ["telecentre", "andes", "jobs", "broadband", "community network", "sign language"]
FILTERED = [
    "/search/?q=jobs&action_line=C7-EEMP&year=2021",
    "/search/?q=broadband&action_line=C3&year=2098",
]


def setup() -> None:
    os.environ.update(
        DJANGO_DEBUG="false",
        DJANGO_SECRET_KEY="benchmark-only-not-secret",
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        DJANGO_SECURE_SSL_REDIRECT="false",
        DJANGO_VAR_DIR=str(Path(tempfile.gettempdir()) / "search-profile-var"),
        DJANGO_LOG_LEVEL="WARNING",
        DJANGO_CONN_MAX_AGE="600",
        DJANGO_SETTINGS_MODULE="wsis_portal.settings",
    )
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    if not (Path(settings.STATIC_ROOT) / "staticfiles.json").exists():
        call_command("collectstatic", "--noinput", verbosity=0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=9)
    parser.add_argument("--explain", action="store_true")
    parser.add_argument("--profile", type=int, default=0)
    parser.add_argument("--words", nargs="*", default=WORDS)
    args = parser.parse_args()
    setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1")
    salt = time.time_ns() % 10**9
    counter = iter(range(10**9))

    def cold(path: str) -> str:
        return f"{path}&page={salt * 1000 + next(counter) + 2}"

    def timed(path: str) -> tuple[float, float]:
        wall, cpu = time.perf_counter(), time.thread_time()
        response = client.get(path)
        assert response.status_code == 200, (path, response.status_code)
        return (time.perf_counter() - wall) * 1000, (time.thread_time() - cpu) * 1000

    paths = [f"/search/?q={w}" for w in args.words] + FILTERED
    for path in ["/", *paths]:  # warm: imports, templates, catalogues, the backend's caches
        client.get(cold(path) if path != "/" else path)
    print(f"load {Path('/proc/loadavg').read_text().split()[0]}")
    print("| request | wall p50 ms | cpu p50 ms (this process) | queries | query ms (sum) |")
    print("|---|---|---|---|---|")
    # "warm": the same address each time, answered from the cache after its first request.
    rows = {p: [] for p in ["/", *paths, "warm: /search/?q=jobs"]}
    for _ in range(args.repeat):
        for path in rows:
            with CaptureQueriesContext(connection) as captured:
                if path.startswith("warm: "):
                    wall, cpu = timed(path.removeprefix("warm: "))
                else:
                    wall, cpu = timed(cold(path) if path != "/" else path)
            rows[path].append((wall, cpu, len(captured), captured.captured_queries))
    for path, runs in rows.items():
        query_ms = [sum(float(q["time"]) for q in r[3]) * 1000 for r in runs]
        print(
            f"| {path} | {statistics.median(r[0] for r in runs):.1f} | "
            f"{statistics.median(r[1] for r in runs):.1f} | {runs[0][2]} | "
            f"{statistics.median(query_ms):.1f} |"
        )
    for path in paths:
        print(f"\n{path}: per query (median of {args.repeat}, ms)")
        runs = rows[path]
        for i, q in enumerate(runs[0][3]):
            times = [float(r[3][i]["time"]) * 1000 for r in runs if len(r[3]) > i]
            print(f"  {statistics.median(times):7.2f}  {q['sql'][:150]}")
        if args.explain:
            from wsis_portal.site_search import SEARCH_SETTINGS

            with connection.cursor() as cursor:
                for q in runs[0][3]:
                    sql = q["sql"]
                    if not sql.lstrip().upper().startswith(("SELECT", "WITH", "EXECUTE")):
                        continue
                    cursor.execute("BEGIN")
                    cursor.execute(SEARCH_SETTINGS)  # the search's own planner settings
                    cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql)
                    plan = [r[0] for r in cursor.fetchall()]
                    cursor.execute("ROLLBACK")
                    print(f"\n  -- {sql[:200]}")
                    print("\n".join("     " + line for line in plan))
    if args.profile:
        profiler = cProfile.Profile()
        profiler.enable()
        for i in range(args.profile):
            client.get(cold(paths[i % len(paths)]))
        profiler.disable()
        stats = pstats.Stats(profiler)
        stats.sort_stats("cumulative").print_stats(60)
        stats.sort_stats("tottime").print_stats(40)


if __name__ == "__main__":
    main()
