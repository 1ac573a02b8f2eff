#!/usr/bin/env python
"""WSIS Prizes benchmark: vote POSTs against gunicorn and PostgreSQL, beside a baseline.

    DATABASE_URL=postgres://… REDIS_URL=redis://… python bench/prizes_vote.py

One command: it migrates the configured PostgreSQL database (a new empty one will do),
prepares data in it (contests of the years 2900-2901, voters
``bench-voter-N@example.invalid``, removed again at the end unless ``--keep``), starts
gunicorn on 127.0.0.1 with ``bench.prizes_settings`` (the portal plus a
baseline view that authenticates the session and inserts one row), drives it with
``--connections`` concurrent keep-alive connections from a bounded load client (both
endpoints of a round over the same connections, ``bench/paired_load.py``) (a fixed
number of requests and a time limit, loopback only), and prints requests per second and
p50/p99 latency for the vote endpoint and for the baseline, round by round, alternating
which goes first. The final tally is timed by ``bench/prizes_tally.py``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import statistics
import sys
import tempfile
import time
from contextlib import nullcontext
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.paired_load import run_paired
from bench.pg_waits import WaitSampler
from bench.prizes_data import (
    BASELINE_YEAR,
    VOTE_YEAR,
    cleanup,
    make_contest,
    make_voters,
    setup_django,
)
from bench.prizes_phases import read as read_phases
from bench.server import free_port, run_load, start_gunicorn


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


def deal(jobs: list, per_voter: int, connections: int, how: str) -> list[list]:
    """Each connection's requests, in order. ``voters``: whole voters, one after another
    (a voter's votes follow each other on one connection, as a person votes one category
    after the next). ``votes``: request *j* to connection *j* mod ``connections``, which
    sends one voter's votes in several categories on several connections at the same
    moment (the mode of the runs before 2026-11-30 20:00 UTC)."""
    if how == "votes":
        return [jobs[i::connections] for i in range(connections)]
    voters = [jobs[i : i + per_voter] for i in range(0, len(jobs), per_voter)]
    return [[job for voter in voters[c::connections] for job in voter] for c in range(connections)]


def _headers(session: str, csrf: str) -> dict[str, str]:
    return {
        "Cookie": f"sessionid={session}; csrftoken={csrf}",
        "X-CSRFToken": csrf,
        "Content-Length": "0",
        "User-Agent": "wsis-bench/1.0",
    }


def bench_votes(args) -> list[dict]:
    vote_contest = make_contest(VOTE_YEAR, 3)
    base_contest = make_contest(BASELINE_YEAR, 3)
    voters = make_voters(args.voters)
    rounds = args.rounds
    # Each round uses its own categories so every request is a first vote (no refusals).
    per_round = 18 // (rounds + 1)
    port = free_port()
    phases_dir = None
    if args.phases:
        phases_dir = Path(tempfile.mkdtemp(prefix="prizes-phases-"))
        os.environ["BENCH_PHASES_DIR"] = str(phases_dir)
    server = start_gunicorn(
        port, workers=args.workers, threads=args.threads, settings="bench.prizes_settings"
    )
    rows = []
    try:
        for rnd in range(rounds + 1):
            part = slice(rnd * per_round, (rnd + 1) * per_round)
            votes = [
                ("POST", f"/prizes/{VOTE_YEAR}/vote/{project}/", _headers(session, csrf))
                for _c, project, session, csrf in vote_jobs(vote_contest, voters, part)
            ]
            base = [
                (
                    "POST",
                    f"/bench/prizes/insert/{base_contest.pk}/{category_id}/{project}/",
                    _headers(session, csrf),
                )
                for category_id, project, session, csrf in vote_jobs(base_contest, voters, part)
            ]
            limit = args.requests if rnd else min(args.requests, 1000)
            order = [("baseline", base[:limit], {201}), ("vote", votes[:limit], {303})]
            if rnd % 2 == 0:  # alternate who goes first, so neither always meets a warm cache
                order.reverse()
            if args.paired:
                # Both endpoints over the same connections: the same spread over the workers.
                loads = [
                    (deal(jobs, per_round, args.connections, args.deal), expected)
                    for _name, jobs, expected in order
                ]
                paired = run_paired(
                    port, loads, processes=args.client_processes, seconds=args.seconds
                )
                for (name, _jobs, _expected), result in zip(order, paired, strict=True):
                    _record(rows, result, name, rnd)
                continue
            for name, jobs, expected in order:
                started = time.time()
                with WaitSampler() if args.waits else nullcontext() as sampler:
                    result = run_load(
                        port,
                        jobs,
                        connections=args.connections,
                        processes=args.client_processes,
                        seconds=args.seconds,
                        expected=expected,
                        dealt=deal(jobs, per_round, args.connections, args.deal),
                    )
                _record(rows, result, name, rnd)
                if sampler is not None:
                    print(f"    PostgreSQL backends: {sampler.summary()}", flush=True)
                if phases_dir is not None:
                    _print_phases(read_phases(phases_dir, started, time.time()).get(name))
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
        if phases_dir is not None:
            shutil.rmtree(phases_dir, ignore_errors=True)
    return rows


def _record(rows: list[dict], result: dict, name: str, rnd: int) -> None:
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


def _print_phases(phases: dict | None) -> None:
    if not phases:
        print("    phases: none recorded", flush=True)
        return
    print(
        f"    inside Django, mean of {phases['n']}: wall {phases['wall_ms']:.1f} ms = "
        f"thread CPU {phases['cpu_ms']:.1f} + SQL {phases['sql_ms']:.1f} "
        f"({phases['sql_count']:.1f} statements) + Redis {phases['redis_ms']:.1f} "
        f"({phases['redis_count']:.1f} commands) + waiting for the GIL or a core "
        f"{phases['wait_ms']:.1f}; requests per worker {phases['per_worker']}",
        flush=True,
    )


def summary(rows: list[dict]) -> None:
    for name in ("baseline", "vote"):
        mine = [r for r in rows if r["name"] == name]
        print(
            f"{name:8s} mean {statistics.mean(r['rps'] for r in mine):8.1f} req/s  "
            f"p50 {statistics.median(r['p50_ms'] for r in mine):6.1f} ms  "
            f"p99 {statistics.median(r['p99_ms'] for r in mine):6.1f} ms"
        )
    ratios = []
    for rnd in sorted({r["round"] for r in rows}):
        pair = {r["name"]: r for r in rows if r["round"] == rnd}
        ratios.append(pair["vote"]["rps"] / pair["baseline"]["rps"])
        p99 = pair["vote"]["p99_ms"] / pair["baseline"]["p99_ms"]
        print(f"  round {rnd}: throughput {ratios[-1]:.0%}, p99 {p99:.2f}x the baseline's")
    mean = statistics.mean(r["rps"] for r in rows if r["name"] == "vote") / statistics.mean(
        r["rps"] for r in rows if r["name"] == "baseline"
    )
    p99s = [
        statistics.median(r["p99_ms"] for r in rows if r["name"] == name)
        for name in ("vote", "baseline")
    ]
    print(
        f"vote / baseline throughput: {mean:.0%} (rounds {min(ratios):.0%}-{max(ratios):.0%}, "
        f"median {statistics.median(ratios):.0%}); p99 {p99s[0] / p99s[1]:.2f}x the baseline's"
    )


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
    parser.add_argument("--keep", action="store_true", help="keep the benchmark data")
    parser.add_argument(
        "--deal",
        choices=("voters", "votes"),
        default="voters",
        help="voters: a voter's votes one after another on one connection (default); "
        "votes: vote j on connection j mod N, one voter's categories at the same moment",
    )
    parser.add_argument(
        "--fresh-connections",
        dest="paired",
        action="store_false",
        help="each endpoint of a round on its own new connections (the runs before "
        "2026-12-01 02:30 UTC); by default both go over the same connections, one after "
        "the other (bench/paired_load.py)",
    )
    parser.add_argument(
        "--waits", action="store_true", help="sample pg_stat_activity's wait events per run"
    )
    parser.add_argument(
        "--phases",
        action="store_true",
        help="time each request's CPU, SQL and Redis inside gunicorn (bench/prizes_phases.py)",
    )
    args = parser.parse_args()
    if args.paired and (args.waits or args.phases):
        parser.error("--waits and --phases time one endpoint's run: add --fresh-connections")
    setup_django()
    from django.core.management import call_command

    # A fresh database works as it is: the tables first (nothing to do when up to date).
    call_command("migrate", verbosity=0, interactive=False)
    cleanup()
    try:
        print(
            f"Vote POSTs: {args.connections} connections, {args.voters} voters, "
            f"gunicorn {args.workers} workers x {args.threads} threads, "
            f"dealt by {args.deal[:-1]}, "
            f"{'the same connections for both' if args.paired else 'new connections each'}",
            flush=True,
        )
        summary(bench_votes(args))
    finally:
        if not args.keep:
            cleanup()


if __name__ == "__main__":
    main()
