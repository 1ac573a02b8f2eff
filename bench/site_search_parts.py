"""Where a cold ``/search/`` request's time goes, part by part, in-process.

Runs the Django test client in this process with the settings of ``bench/site_search.py``'s
gunicorn (``site_search_profile.setup``) against the database of ``DATABASE_URL``. Every request
misses the result cache (a new ``page`` each time). Prints, per word, the medians of the whole
request (wall and this thread's CPU), of ``site_search()`` (wall and CPU) and of the page's
render (CPU), leaving out the first ``--skip`` requests.

``--first`` measures instead a new process's first searches (the worker's first visitors),
without and then with ``wsis_portal.warm_up`` (each in a fresh interpreter). ``--planned``
runs the statements planned for each search rather than prepared (``search_prepared`` off),
so the two can be compared in alternation on one machine. Copied into an older checkout (one
without the warm-up or prepared statements), it measures that checkout's code the same way.

    DATABASE_URL=postgres://... REDIS_URL=redis://... \\
        .venv/bin/python bench/site_search_parts.py [--repeat 60] [--planned] [--first] WORD...
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def _ms(seconds: float) -> float:
    return seconds * 1000


def parts(words: list[str], repeat: int, skip: int, planned: bool) -> None:
    from django.test import Client

    from wsis_portal import views_search

    if planned:
        from wsis_portal import search_prepared

        search_prepared.execution = lambda connection, sql, params: (sql, params)  # type: ignore[assignment]
    timed: dict[str, list[tuple[float, float]]] = {"search": [], "render": []}
    search, render = views_search.site_search, views_search.render

    def timed_search(**kwargs):  # type: ignore[no-untyped-def]
        wall, cpu = time.perf_counter(), time.thread_time()
        results = search(**kwargs)
        timed["search"].append((time.perf_counter() - wall, time.thread_time() - cpu))
        return results

    def timed_render(*args, **kwargs):  # type: ignore[no-untyped-def]
        wall, cpu = time.perf_counter(), time.thread_time()
        response = render(*args, **kwargs)
        timed["render"].append((time.perf_counter() - wall, time.thread_time() - cpu))
        return response

    views_search.site_search, views_search.render = timed_search, timed_render  # type: ignore[assignment]
    client = Client(HTTP_HOST="127.0.0.1")
    salt = time.time_ns() % 10**9
    print(f"load {Path('/proc/loadavg').read_text().split()[0]}, planned={planned}")
    print("| words | request wall | request CPU | search wall | search CPU | render CPU |")
    print("|---|---|---|---|---|---|")
    for word in words:
        whole: list[tuple[float, float]] = []
        timed["search"].clear()
        timed["render"].clear()
        for i in range(repeat):
            wall, cpu = time.perf_counter(), time.thread_time()
            response = client.get("/search/", {"q": word, "page": salt * 1000 + i + 2})
            assert response.status_code == 200, response.status_code
            whole.append((time.perf_counter() - wall, time.thread_time() - cpu))
        columns = [
            [w for w, _ in whole[skip:]],
            [c for _, c in whole[skip:]],
            [w for w, _ in timed["search"][skip:]],
            [c for _, c in timed["search"][skip:]],
            [c for _, c in timed["render"][skip:]],
        ]
        cells = " | ".join(f"{_ms(statistics.median(values)):.2f}" for values in columns)
        print(f"| {word} | {cells} |", flush=True)


def first_searches(words: list[str], warm: bool) -> None:
    from django.test import Client

    client = Client(HTTP_HOST="127.0.0.1")
    client.get("/")
    client.get("/stocktaking/")
    if warm:
        from wsis_portal import warm_up

        wall, cpu = time.perf_counter(), time.thread_time()
        warm_up.warm_worker(serves_on_this_thread=True)
        print(
            f"  warm-up: wall {_ms(time.perf_counter() - wall):.1f} ms, "
            f"CPU {_ms(time.thread_time() - cpu):.1f} ms"
        )
    salt = time.time_ns() % 10**9
    for i, word in enumerate(words * 2):
        wall, cpu = time.perf_counter(), time.thread_time()
        client.get("/search/", {"q": word, "page": salt * 1000 + i + 2})
        print(
            f"  search {i + 1} ({word}): wall {_ms(time.perf_counter() - wall):.1f} ms, "
            f"CPU {_ms(time.thread_time() - cpu):.1f} ms"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("words", nargs="*", default=["jobs", "telecentre", "community network"])
    parser.add_argument("--repeat", type=int, default=60)
    parser.add_argument("--skip", type=int, default=10)
    parser.add_argument("--planned", action="store_true")
    parser.add_argument("--first", action="store_true")
    parser.add_argument("--warm", action="store_true", help=argparse.SUPPRESS)  # --first's child
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.first and not args.child:
        for warm in (False, True):
            print(f"a new process, {'with' if warm else 'without'} the warm-up:", flush=True)
            command = [sys.executable, __file__, "--first", "--child", *args.words]
            subprocess.run(command + (["--warm"] if warm else []), check=True)
        return
    from site_search_profile import setup

    setup()
    if args.first:
        first_searches(args.words, args.warm)
    else:
        parts(args.words, args.repeat, args.skip, args.planned)


if __name__ == "__main__":
    main()
