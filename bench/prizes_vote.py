#!/usr/bin/env python
"""WSIS Prizes benchmark: vote POSTs against gunicorn and PostgreSQL, beside a baseline, and
the final tally over 2,000,000 votes.

    DATABASE_URL=postgres://… REDIS_URL=redis://… python bench/prizes_vote.py

One command: it prepares data in the configured PostgreSQL database (contests of the years
2900-2902, voters ``bench-voter-N@example.invalid``, removed again at the end unless
``--keep``), starts gunicorn on 127.0.0.1 with ``bench.prizes_settings`` (the portal plus a
baseline view that authenticates the session and inserts one row), drives it with
``--connections`` concurrent keep-alive connections from a bounded load client (a fixed
number of requests and a time limit, loopback only), and prints requests per second and
p50/p99 latency for the vote endpoint and for the baseline, round by round. Then it fills a
contest with ``--tally-votes`` votes (one INSERT … SELECT generate_series) and times the
final tally (COUNT(*) grouped by category and project, plus the Tally upsert).
"""

from __future__ import annotations

import argparse
import http.client
import multiprocessing
import os
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["DJANGO_SETTINGS_MODULE"] = "bench.prizes_settings"

VOTE_YEAR, BASELINE_YEAR, TALLY_YEAR = 2900, 2901, 2902
VOTER_EMAIL = "bench-voter-{}@example.invalid"


def setup_django():
    import django

    django.setup()
    from django.db import connection

    if connection.vendor != "postgresql":
        sys.exit("The benchmark needs PostgreSQL: set DATABASE_URL=postgres://…")


def cleanup() -> None:
    from django.contrib.auth import get_user_model
    from django.contrib.sessions.models import Session
    from django.db import connection

    from prizes.models import Contest, Project, Tally

    years = (VOTE_YEAR, TALLY_YEAR)
    with connection.cursor() as cursor:
        cursor.execute(
            "DELETE FROM prizes_vote WHERE contest_id IN "
            "(SELECT id FROM prizes_contest WHERE year BETWEEN %s AND %s)",
            list(years),
        )
    Tally.objects.filter(contest__year__range=years).delete()
    Project.sdgs.through.objects.filter(project__contest__year__range=years).delete()
    Project.objects.filter(contest__year__range=years).delete()
    Contest.objects.filter(year__range=years).delete()
    User = get_user_model()
    ids = list(User.objects.filter(email__startswith="bench-voter-").values_list("pk", flat=True))
    Session.objects.filter(session_key__startswith="benchprizes").delete()
    from allauth.account.models import EmailAddress

    EmailAddress.objects.filter(user_id__in=ids).delete()
    User.objects.filter(pk__in=ids).delete()


def make_contest(year: int, per_category: int):
    from django.utils import timezone

    from prizes.demo import _projects
    from prizes.enums import ProjectStatus
    from prizes.services import contest_create

    now = timezone.now()
    kinds = ["submission", "nomination", "voting", "selection", "ceremony"]
    offsets = [(-60, -30), (-30, -1), (-1, 30), (30, 40), (40, 45)]
    phases = {
        kind: (now + timedelta(days=a), now + timedelta(days=b))
        for kind, (a, b) in zip(kinds, offsets, strict=True)
    }
    from forum.models import Edition

    ceremony_start, ceremony_end = phases["ceremony"]
    edition, _ = Edition.objects.get_or_create(
        year=year,
        defaults={
            "starts_on": timezone.localtime(ceremony_start).date(),
            "ends_on": timezone.localtime(ceremony_end).date(),
            "published_at": timezone.now(),
        },
    )
    contest = contest_create(
        year=year, title=f"Benchmark {year}", phases=phases, edition=edition, published=True
    )
    import random

    _projects(contest, per_category, ProjectStatus.NOMINATED, random.Random(year))
    return contest


def make_voters(count: int) -> list[tuple[int, str, str]]:
    """Verified voters with a signed-in database session each: (user id, session, csrf)."""
    from allauth.account.models import EmailAddress
    from django.contrib.auth import (
        BACKEND_SESSION_KEY,
        HASH_SESSION_KEY,
        SESSION_KEY,
        get_user_model,
    )
    from django.contrib.sessions.backends.db import SessionStore
    from django.contrib.sessions.models import Session
    from django.utils import timezone

    User = get_user_model()
    User.objects.bulk_create(
        [User(email=VOTER_EMAIL.format(i), password="!") for i in range(count)],
        batch_size=5000,
    )
    users = list(
        User.objects.filter(email__startswith="bench-voter-").order_by("pk").only("pk", "password")
    )
    EmailAddress.objects.bulk_create(
        [EmailAddress(user=u, email=u.email, verified=True, primary=True) for u in users],
        batch_size=5000,
    )
    store = SessionStore()
    expire = timezone.now() + timedelta(days=1)
    voters, sessions = [], []
    for user in users:
        key = "benchprizes" + secrets.token_hex(12)
        data = store.encode(
            {
                SESSION_KEY: str(user.pk),
                BACKEND_SESSION_KEY: "django.contrib.auth.backends.ModelBackend",
                HASH_SESSION_KEY: user.get_session_auth_hash(),
            }
        )
        sessions.append(Session(session_key=key, session_data=data, expire_date=expire))
        voters.append((user.pk, key, secrets.token_hex(16)))
    Session.objects.bulk_create(sessions, batch_size=5000)
    return voters


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_gunicorn(port: int, workers: int, threads: int) -> subprocess.Popen:
    env = os.environ.copy()
    env["DJANGO_SETTINGS_MODULE"] = "bench.prizes_settings"
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "wsis_portal.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--worker-class",
            "gthread",
            "--threads",
            str(threads),
            "--keep-alive",
            "30",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    deadline = time.monotonic() + 30
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


# --- the load client ----------------------------------------------------------------------------


def _connection_worker(port, jobs, deadline, out, expected):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    for path, session, csrf in jobs:
        if time.monotonic() > deadline:
            break
        headers = {
            "Cookie": f"sessionid={session}; csrftoken={csrf}",
            "X-CSRFToken": csrf,
            "Content-Length": "0",
            "User-Agent": "wsis-bench/1.0",
        }
        started = time.perf_counter()
        try:
            conn.request("POST", path, headers=headers)
            response = conn.getresponse()
            response.read()
            status = response.status
        except (OSError, http.client.HTTPException):
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            status = 0
        out.append((time.perf_counter() - started, status in expected, status))
    conn.close()


def _client_process(port, job_lists, seconds, expected, queue):
    deadline = time.monotonic() + seconds
    results: list = []
    threads = [
        threading.Thread(target=_connection_worker, args=(port, jobs, deadline, results, expected))
        for jobs in job_lists
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    queue.put(results)


def run_load(port, jobs, connections, processes, seconds, expected):
    """Spread ``jobs`` over ``connections`` connections in ``processes`` client processes."""
    per_connection = [jobs[i::connections] for i in range(connections)]
    groups = [per_connection[i::processes] for i in range(processes)]
    queue = multiprocessing.Queue()
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
    elapsed = time.perf_counter() - started
    latencies = sorted(r[0] for r in results)
    ok = sum(1 for r in results if r[1])
    statuses: dict[int, int] = {}
    for r in results:
        statuses[r[2]] = statuses.get(r[2], 0) + 1
    return {
        "requests": len(results),
        "ok": ok,
        "rps": ok / elapsed,
        "p50_ms": 1000 * latencies[len(latencies) // 2],
        "p99_ms": 1000 * latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))],
        "statuses": statuses,
    }


def vote_jobs(contest, voters, categories_slice):
    from prizes.models import Project

    projects: dict[int, list[int]] = {}
    for pk, category_id in (
        Project.objects.filter(contest=contest).order_by("pk").values_list("pk", "category_id")
    ):
        projects.setdefault(category_id, []).append(pk)
    categories = sorted(projects)[categories_slice]
    jobs = []
    for n, (_user_id, session, csrf) in enumerate(voters):
        for k, category_id in enumerate(categories):
            options = projects[category_id]
            jobs.append((category_id, options[(n + k) % len(options)], session, csrf))
    return jobs


def bench_votes(args) -> list[dict]:
    from prizes.models import Category

    vote_contest = make_contest(VOTE_YEAR, 3)
    base_contest = make_contest(BASELINE_YEAR, 3)
    voters = make_voters(args.voters)
    rounds = args.rounds
    # Each round uses its own categories so every request is a first vote (no refusals).
    per_round = 18 // (rounds + 1)
    port = free_port()
    server = start_gunicorn(port, args.workers, args.threads)
    rows = []
    try:
        for rnd in range(rounds + 1):
            part = slice(rnd * per_round, (rnd + 1) * per_round)
            votes = [
                (f"/prizes/{VOTE_YEAR}/vote/{project}/", session, csrf)
                for _c, project, session, csrf in vote_jobs(vote_contest, voters, part)
            ]
            base = []
            categories = dict(
                Category.objects.filter(contest=base_contest).values_list("pk", "contest_id")
            )
            for category_id, project, session, csrf in vote_jobs(base_contest, voters, part):
                base.append(
                    (
                        f"/bench/prizes/insert/{categories[category_id]}/{category_id}/{project}/",
                        session,
                        csrf,
                    )
                )
            limit = args.requests if rnd else min(args.requests, 1000)
            for name, jobs, expected in (
                ("baseline", base[:limit], {201}),
                ("vote", votes[:limit], {303}),
            ):
                result = run_load(
                    port, jobs, args.connections, args.client_processes, args.seconds, expected
                )
                result.update(name=name, round=rnd)
                if rnd:  # round 0 warms up both
                    rows.append(result)
                print(
                    f"  round {rnd}{' (warm-up)' if not rnd else ''} {name:8s} "
                    f"{result['rps']:8.1f} req/s  p50 {result['p50_ms']:6.1f} ms  "
                    f"p99 {result['p99_ms']:6.1f} ms  ok {result['ok']}/{result['requests']}  "
                    f"{result['statuses']}",
                    flush=True,
                )
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
    return rows


def bench_tally(args) -> dict:
    from django.db import connection

    from prizes.demo import bulk_votes
    from prizes.models import Vote
    from prizes.services import tally_compute, tally_counts

    contest = make_contest(TALLY_YEAR, 56)  # 1,008 projects, as in a real contest
    started = time.perf_counter()
    bulk_votes(contest=contest, count=args.tally_votes, prefix="bench-voter-t")
    fill = time.perf_counter() - started
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE prizes_vote")
    total = Vote.objects.filter(contest=contest).count()
    timings = {"count_only": [], "final_tally": [], "complete_ballot": []}
    for _ in range(args.tally_runs):
        t = time.perf_counter()
        tally_counts(contest=contest)
        timings["count_only"].append(time.perf_counter() - t)
        t = time.perf_counter()
        tally_compute(contest=contest)
        timings["final_tally"].append(time.perf_counter() - t)
    contest.complete_ballot_required = True
    for _ in range(args.tally_runs):
        t = time.perf_counter()
        tally_compute(contest=contest)
        timings["complete_ballot"].append(time.perf_counter() - t)
    with connection.cursor() as cursor:
        cursor.execute(
            "EXPLAIN (ANALYZE, FORMAT TEXT) SELECT category_id, project_id, COUNT(*) "
            "FROM prizes_vote WHERE contest_id = %s AND valid GROUP BY 1, 2",
            [contest.pk],
        )
        plan = "\n".join(row[0] for row in cursor.fetchall())
    return {
        "votes": total,
        "fill_s": fill,
        **{k: 1000 * statistics.median(v) for k, v in timings.items()},
        "plan": plan,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--voters", type=int, default=2000)
    parser.add_argument("--requests", type=int, default=6000, help="per endpoint and round")
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--seconds", type=float, default=60, help="time limit per run")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--client-processes", type=int, default=4)
    parser.add_argument("--workers", type=int, default=4, help="gunicorn workers")
    parser.add_argument("--threads", type=int, default=8, help="threads per gunicorn worker")
    parser.add_argument("--tally-votes", type=int, default=2_000_000)
    parser.add_argument("--tally-runs", type=int, default=5)
    parser.add_argument("--skip-load", action="store_true")
    parser.add_argument("--skip-tally", action="store_true")
    parser.add_argument("--keep", action="store_true", help="keep the benchmark data")
    args = parser.parse_args()
    setup_django()
    cleanup()
    try:
        if not args.skip_load:
            print(
                f"Vote POSTs: {args.connections} connections, {args.voters} voters, "
                f"gunicorn {args.workers} workers x {args.threads} threads",
                flush=True,
            )
            rows = bench_votes(args)
            for name in ("baseline", "vote"):
                mine = [r for r in rows if r["name"] == name]
                print(
                    f"{name:8s} mean {statistics.mean(r['rps'] for r in mine):8.1f} req/s  "
                    f"p50 {statistics.median(r['p50_ms'] for r in mine):6.1f} ms  "
                    f"p99 {statistics.median(r['p99_ms'] for r in mine):6.1f} ms"
                )
            ratio = statistics.mean(
                r["rps"] for r in rows if r["name"] == "vote"
            ) / statistics.mean(r["rps"] for r in rows if r["name"] == "baseline")
            print(f"vote / baseline throughput: {ratio:.0%}")
        if not args.skip_tally:
            print(f"Final tally over {args.tally_votes:,} votes:", flush=True)
            tally = bench_tally(args)
            print(
                f"  {tally['votes']:,} votes inserted in {tally['fill_s']:.1f} s; median of "
                f"{args.tally_runs}: COUNT(*) query {tally['count_only']:.0f} ms, final tally "
                f"with upsert {tally['final_tally']:.0f} ms, with the complete-ballot rule "
                f"{tally['complete_ballot']:.0f} ms"
            )
            print(tally["plan"])
    finally:
        if not args.keep:
            cleanup()


if __name__ == "__main__":
    main()
