"""Benchmark of the site search ``/search/`` over 100,000 entries, 2,500 sessions, 1,000 projects.

Starts gunicorn on 127.0.0.1 (loopback only) as ``bench/stocktaking_search.py`` does, drives it
with CONCURRENCY client threads and prints p50/p95 of each scenario beside two baselines of
the same round (the home page and the unfiltered Stocktaking page), for several rounds.

    DATABASE_URL=postgres://... REDIS_URL=redis://... \\
        .venv/bin/python bench/site_search.py [--seed] [--rounds 3] [--requests 200]

``--seed`` first runs ``seed_demo --only stocktaking --entries 100000``; the sessions, speakers,
outcome reports and prize projects are added by ``bench/site_search_data.py`` when missing
(``--remove`` deletes them at the end). Every request count and duration is bounded.
"""

from __future__ import annotations

import argparse
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent))

from stocktaking_search import (
    ACTION_LINES,
    PY,
    ROOT,
    env_for,
    free_port,
    get,
    manage,
    manage_last_line,
    pct,
    run_scenario,
)

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
OTHER_LANGUAGES = ["教育", "宽带", "远程医疗", "образование", "التعليم", "éducation"]
YEARS = ["2020", "2021", "2022", "2098"]


def search(**params: str) -> str:
    return "/search/?" + urlencode(params)


# Matches among the 100,000 bench entries (all kinds matched besides): a rare word, common
# words, and multi-word queries that match a quarter of the entries.
RARE = ["telecentre", "andes", "tsunami"]
COMMON = ["jobs", "broadband", "podcast"]
MULTI = ["community network", "sign language", "early warning"]


# Different in every run (seconds since the epoch, modulo about 11 days).
RUN = int(time.time()) % 1_000_000


def cold(words: list[str], n: int, salt: int) -> list[str]:
    """``n`` distinct addresses of the same searches: each misses the result cache.

    The grouped page ignores ``page`` but the cached answer is keyed on it, so every
    request computes the search (as after a write) with the work of the plain address. The
    run's own number (``RUN``) keeps a run from finding what the one before it cached (an
    answer is kept two minutes).
    """
    return [
        search(q=words[i % len(words)], page=str((RUN * 1000 + salt) * 100_000 + i + 2))
        for i in range(n)
    ]


def scenarios(rng: random.Random, requests: int, salt: int) -> list[tuple[str, list[str]]]:
    filtered = [
        search(q=w, action_line=rng.choice(ACTION_LINES), year=rng.choice(YEARS))
        for w in WORDS
        for _ in range(4)
    ]
    one_kind = [search(q=w, kind=k, page="2") for w in WORDS for k in ("entries", "sessions")]
    other = [search(q=w) for w in OTHER_LANGUAGES]
    for paths in (filtered, one_kind):
        rng.shuffle(paths)
    return [
        ("baseline: home page /", ["/"]),
        ("baseline: unfiltered first page /stocktaking/", ["/stocktaking/"]),
        ("site search: rare word, cold (cache miss)", cold(RARE, requests, salt)),
        ("site search: rare word, warm (cache hit)", [search(q=w) for w in RARE]),
        ("site search: common word, cold", cold(COMMON, requests, salt)),
        ("site search: common word, warm", [search(q=w) for w in COMMON]),
        ("site search: multi-word, cold", cold(MULTI, requests, salt)),
        ("site search: multi-word, warm", [search(q=w) for w in MULTI]),
        ("site search: word + Action Line + year (72 combinations)", filtered),
        ("site search: one kind, page 2 (entries or sessions)", one_kind),
        ("site search: zh/ru/ar/fr words", other),
    ]


def start_server(
    env: dict, workers: int, var_dir: str, threads: int = 1
) -> tuple[subprocess.Popen, int, object]:
    port = free_port()
    log = open(Path(var_dir) / "gunicorn.log", "w")  # noqa: SIM115
    server = subprocess.Popen(
        [
            PY,
            "-m",
            "gunicorn",
            "wsis_portal.wsgi:application",
            # The production configuration file (its hooks included), in this bench's shape:
            # sync workers (one thread each), no access log, no recycling mid-run.
            "--config",
            "python:wsis_portal.gunicorn_conf",
            "--worker-class",
            "sync" if threads == 1 else "gthread",
            "--threads",
            str(threads),
            "--access-logfile",
            "/dev/null",
            "--max-requests",
            "0",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--timeout",
            "120",
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    for _ in range(150):
        try:
            if get(port, "/healthz", timeout=2)[1] in (200, 503):
                break
        except OSError:
            time.sleep(0.2)
    return server, port, log


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200, help="requests per scenario")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--workers", type=int, default=4, help="gunicorn sync workers")
    parser.add_argument(
        "--threads",
        type=int,
        default=1,
        help="threads per worker: more than 1 runs gthread workers, as production does",
    )
    parser.add_argument("--max-seconds", type=float, default=120, help="per scenario")
    parser.add_argument("--seed", action="store_true", help="seed 100,000 entries first")
    parser.add_argument("--remove", action="store_true", help="delete the bench data at the end")
    args = parser.parse_args()

    var_dir = tempfile.mkdtemp(prefix="search-bench-")
    env = env_for(var_dir)
    if args.seed:
        manage(env, "seed_demo", "--only", "stocktaking", "--entries", "100000")
    started = time.monotonic()
    manage(env, "shell", "-c", "import bench.site_search_data as d; d.seed()")
    print(
        f"bench sessions, speakers, reports and projects ready in {time.monotonic() - started:.0f} s"
    )
    counts = manage_last_line(
        env,
        "shell",
        "-c",
        "from stocktaking.models import Entry; from forum.models import Session, Person, "
        "OutcomeReport; from prizes.models import Project; "
        "print(Entry.objects.filter(status='published').count(), Session.objects.count(), "
        "Project.objects.count(), Person.objects.count(), OutcomeReport.objects.count())",
    ).split()
    print(
        "published entries {}, sessions {}, projects {}, people {}, outcome reports {}".format(
            *counts
        )
    )
    manage(env, "collectstatic", "--noinput")
    tables = "stocktaking_entry stocktaking_entryactionline stocktaking_entrysdg forum_session "
    tables += "forum_person forum_sessionperson forum_outcomereport prizes_project"
    manage(
        env,
        "shell",
        "-c",
        "from django.db import connection; c = connection.cursor(); "
        f"[c.execute('VACUUM ANALYZE ' + t) for t in {tables.split()!r}]",
    )
    server, port, log = start_server(env, args.workers, var_dir, args.threads)
    try:
        rng = random.Random(15)
        plan = scenarios(rng, args.requests, 0)
        # Warm the workers (imports, templates) and the warm scenarios' cached answers.
        warm = [p for name, paths in plan if "cold" not in name for p in paths[:3]]
        run_scenario(port, warm, 4 * args.workers, args.concurrency, 60)
        kind = "sync" if args.threads == 1 else f"gthread ({args.threads} threads each)"
        print(
            f"\n{args.concurrency} concurrent clients, gunicorn {args.workers} {kind} workers, "
            f"up to {args.requests} requests per scenario, {args.rounds} rounds"
        )
        print("| round | scenario | requests | p50 ms | p95 ms | p95 / home p95 | errors |")
        print("|---|---|---|---|---|---|---|")
        for round_number in range(1, args.rounds + 1):
            load = Path("/proc/loadavg").read_text().split()[0]
            home_p95 = None
            for name, paths in scenarios(random.Random(15), args.requests, round_number):
                timings, errors = run_scenario(
                    port, paths, args.requests, args.concurrency, args.max_seconds
                )
                p95 = pct(timings, 95)
                home_p95 = home_p95 or p95
                print(
                    f"| {round_number} (load {load}) | {name} | {len(timings)} | "
                    f"{pct(timings, 50):.0f} | {p95:.0f} | {p95 / home_p95:.2f} | {errors} |",
                    flush=True,
                )
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()  # type: ignore[attr-defined]
        if args.remove:
            manage(env, "shell", "-c", "import bench.site_search_data as d; d.remove()")


if __name__ == "__main__":
    main()
