#!/usr/bin/env python
"""The voting-day peak test: Locust against gunicorn (the production configuration file),
PostgreSQL, Redis, a real Celery worker and beat, for five minutes.

    DATABASE_URL=postgres://… REDIS_URL=redis://127.0.0.1:6379/<n> .venv/bin/python bench/peak.py

The target, written down:
  2,000,000 votes in a month            = 2,000,000 / (30 × 86,400 s)  =   0.77 votes/s on average
  bursts fifty times the average        = 0.77 × 50                    =  38.6  votes/s (the real peak)
  ten times the real peak               = 38.6 × 10                    = 385.8  votes/s (the target)
Around each vote a voter also opens a ballot category (2 per 4 votes) and a project page
(1 per 4 votes): 675 voter requests/s. Anonymous visitors add a third of that (225/s): home
page, stocktaking searches, the ballot and project pages. About 900 requests/s in all.

What it does: migrates and seeds the demo content if the database is empty, makes a contest
(year 2950) in its voting phase with 18 categories × ``--per-category`` nominated projects
and enough verified voters, each with a signed-in database session (as a sign-in leaves it),
collects static files, starts gunicorn with wsis_portal/gunicorn_conf.py and the production
settings (DJANGO_DEBUG=false, DJANGO_CONN_MAX_AGE=60, three Redis databases from REDIS_URL),
a Celery worker and beat, runs Locust headless (bench/peak_locustfile.py) for ``--minutes``
at ``--scale`` × the target, then prints per endpoint the requests, failures, rate and
p50/p95/p99, compares the votes in the database with the votes acknowledged (303), and
says how far below the target the machine stayed. ``--keep`` keeps the data.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.peak_report import read_stats, report, worker_figures  # noqa: E402

OUT = ROOT / "var" / "peak"
YEAR = 2950
VOTER_EMAIL = "peak-voter-{}@example.invalid"

AVERAGE = 2_000_000 / (30 * 86_400)
TARGET_VOTES = AVERAGE * 50 * 10
MIX = {"vote": 4, "ballot": 2, "project_voter": 1}
VISITOR_MIX = {"home": 2, "stocktaking": 2, "ballot_visitor": 1, "project_visitor": 1}
VISITOR_SHARE = 1 / 3  # visitor requests per voter request
PER_USER = 2.0  # requests per second asked by each simulated user

ENV = {
    "DJANGO_SETTINGS_MODULE": "wsis_portal.settings",
    "DJANGO_DEBUG": "false",
    "DJANGO_SECRET_KEY": "peak-bench-only-" + "x" * 40,
    "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
    "DJANGO_SECURE_SSL_REDIRECT": "false",
    "DJANGO_CONN_MAX_AGE": "60",
    "DJANGO_PROXY_COUNT": "1",
    "DJANGO_STATIC_ROOT": str(OUT / "static"),
    "DJANGO_LOG_LEVEL": "WARNING",
    "EMAIL_URL": "consolemail://",
    "PORTAL_BASE_URL": "http://127.0.0.1",
}


def setup_django() -> None:
    for key, value in ENV.items():
        os.environ.setdefault(key, value)
    import django

    django.setup()
    from django.db import connection

    if connection.vendor != "postgresql" or not os.environ.get("REDIS_URL"):
        sys.exit("The peak test needs PostgreSQL and Redis: set DATABASE_URL and REDIS_URL.")


def cleanup() -> None:
    from allauth.account.models import EmailAddress
    from django.contrib.auth import get_user_model
    from django.contrib.sessions.models import Session
    from django.db import connection

    from prizes.models import Contest, Project, Tally

    with connection.cursor() as cursor:
        cursor.execute(
            "DELETE FROM prizes_vote WHERE contest_id IN "
            "(SELECT id FROM prizes_contest WHERE year = %s)",
            [YEAR],
        )
    Tally.objects.filter(contest__year=YEAR).delete()
    Project.sdgs.through.objects.filter(project__contest__year=YEAR).delete()
    Project.objects.filter(contest__year=YEAR).delete()
    Contest.objects.filter(year=YEAR).delete()
    User = get_user_model()
    ids = list(User.objects.filter(email__startswith="peak-voter-").values_list("pk", flat=True))
    Session.objects.filter(session_key__startswith="peakbench").delete()
    EmailAddress.objects.filter(user_id__in=ids).delete()
    User.objects.filter(pk__in=ids).delete()


def make_contest(per_category: int):
    import random

    from django.utils import timezone

    from forum.models import Edition
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
    edition, _ = Edition.objects.get_or_create(
        year=YEAR,
        defaults={
            "starts_on": timezone.localtime(phases["ceremony"][0]).date(),
            "ends_on": timezone.localtime(phases["ceremony"][1]).date(),
            "published_at": now,
        },
    )
    contest = contest_create(
        year=YEAR, title=f"Peak {YEAR}", phases=phases, edition=edition, published=True
    )
    _projects(contest, per_category, ProjectStatus.NOMINATED, random.Random(YEAR))
    return contest


def make_voters(count: int) -> list[tuple[str, str]]:
    """Verified voters with a signed-in database session each: (session key, csrf token)."""
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
        [User(email=VOTER_EMAIL.format(i), password="!") for i in range(count)], batch_size=5000
    )
    users = list(User.objects.filter(email__startswith="peak-voter-").only("pk", "password"))
    EmailAddress.objects.bulk_create(
        [EmailAddress(user=u, email=u.email, verified=True, primary=True) for u in users],
        batch_size=5000,
    )
    store, expire = SessionStore(), timezone.now() + timedelta(days=1)
    voters, sessions = [], []
    for user in users:
        key = "peakbench" + secrets.token_hex(14)
        data = store.encode(
            {
                SESSION_KEY: str(user.pk),
                BACKEND_SESSION_KEY: "django.contrib.auth.backends.ModelBackend",
                HASH_SESSION_KEY: user.get_session_auth_hash(),
            }
        )
        sessions.append(Session(session_key=key, session_data=data, expire_date=expire))
        voters.append((key, secrets.token_hex(16)))
    Session.objects.bulk_create(sessions, batch_size=5000)
    return voters


def write_plan(contest, voters, scale: float) -> tuple[Path, dict]:
    from prizes.models import Project

    projects: dict[str, list[int]] = {}
    for pk, code in Project.objects.filter(contest=contest).values_list(
        "pk", "category__action_line__code"
    ):
        projects.setdefault(code, []).append(pk)
    voter_rate = scale * TARGET_VOTES * sum(MIX.values()) / MIX["vote"]
    visitor_rate = voter_rate * VISITOR_SHARE
    plan = {
        "year": YEAR,
        "voters": voters,
        "projects": projects,
        "codes": sorted(projects),
        "words": ["broadband", "school", "health", "women", "rural", "data", "cloud", "youth"],
        "mix": {**MIX, **VISITOR_MIX},
        "voter_users": max(1, math.ceil(voter_rate / PER_USER)),
        "visitor_users": max(1, math.ceil(visitor_rate / PER_USER)),
        "voter_task_rate": voter_rate / max(1, math.ceil(voter_rate / PER_USER)),
        "visitor_task_rate": visitor_rate / max(1, math.ceil(visitor_rate / PER_USER)),
        "target_votes": scale * TARGET_VOTES,
        "target_requests": voter_rate + visitor_rate,
    }
    path = OUT / "plan.json"
    path.write_text(json.dumps(plan))
    return path, plan


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def spawn(name: str, command: list[str], **extra: str) -> subprocess.Popen:
    log = (OUT / f"{name}.log").open("w")
    env = {**os.environ, **extra}
    return subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)


def wait_http(port: int, seconds: float = 90) -> None:
    import http.client

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", "/healthz/web", headers={"Host": "127.0.0.1"})
            if conn.getresponse().status == 200:
                return
        except OSError:
            pass
        time.sleep(0.5)
    sys.exit("gunicorn did not answer /healthz/web")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=float, default=5)
    parser.add_argument("--scale", type=float, default=1.0, help="fraction of the target load")
    parser.add_argument("--per-category", type=int, default=20)
    parser.add_argument("--keep", action="store_true", help="keep the contest and voters")
    parser.add_argument(
        "--drain",
        type=int,
        default=240,
        help="seconds Locust waits at the end for answers to requests in flight",
    )
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    setup_django()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("seed_demo", "--if-empty", verbosity=0)
    call_command("collectstatic", "--noinput", verbosity=0)
    cleanup()
    seconds = args.minutes * 60
    contest = make_contest(args.per_category)
    needed = math.ceil(args.scale * TARGET_VOTES * seconds / 18 * 1.1) + 50
    voters = make_voters(needed)
    plan_path, plan = write_plan(contest, voters, args.scale)
    print(
        f"target: {plan['target_votes']:.1f} votes/s, {plan['target_requests']:.0f} requests/s "
        f"({plan['voter_users']} voters + {plan['visitor_users']} visitors at "
        f"{PER_USER:g} requests/s each); {len(voters):,} voters; {args.minutes:g} minutes",
        flush=True,
    )
    port = free_port()
    python = sys.executable
    processes = [
        spawn(
            "gunicorn",
            [
                python,
                "-m",
                "gunicorn",
                "wsis_portal.wsgi:application",
                "--config",
                "python:wsis_portal.gunicorn_conf",
                "--bind",
                f"127.0.0.1:{port}",
            ],
        ),
        spawn(
            "worker",
            [
                python,
                "-m",
                "celery",
                "-A",
                "wsis_portal",
                "worker",
                "--loglevel=INFO",
                "--concurrency=2",
                "-n",
                "peak@%h",
            ],
        ),
        spawn(
            "beat",
            [
                python,
                "-m",
                "celery",
                "-A",
                "wsis_portal",
                "beat",
                "--loglevel=INFO",
                "--schedule",
                str(OUT / "celerybeat-schedule"),
            ],
        ),
    ]
    try:
        wait_http(port)
        (OUT / "votes.json").unlink(missing_ok=True)
        users = plan["voter_users"] + plan["visitor_users"]
        started = time.monotonic()
        subprocess.run(
            [
                python,
                "-m",
                "locust",
                "-f",
                str(ROOT / "bench" / "peak_locustfile.py"),
                "--headless",
                "--users",
                str(users),
                "--spawn-rate",
                str(max(10, users // 10)),
                "--run-time",
                f"{int(seconds)}s",
                "--host",
                f"http://127.0.0.1:{port}",
                "--json-file",
                str(OUT / "locust"),  # Locust adds .json
                "--only-summary",
                "--stop-timeout",
                str(args.drain),
            ],
            cwd=ROOT,
            env={**os.environ, "PEAK_PLAN": str(plan_path)},
            stdout=(OUT / "locust.log").open("w"),
            stderr=subprocess.STDOUT,
            check=False,
        )
        elapsed = time.monotonic() - started
    finally:
        for process in processes:
            process.send_signal(signal.SIGTERM)
        for process in processes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
    from prizes.models import Vote

    votes = Vote.objects.filter(contest=contest).count()
    votes_seen = json.loads((OUT / "votes.json").read_text())
    rows = read_stats(OUT / "locust.json")
    report(rows, plan, min(elapsed, seconds), votes_seen, votes, worker_figures(OUT))
    print(f"\nlogs and Locust CSV files: {OUT}")
    if not args.keep:
        cleanup()


if __name__ == "__main__":
    main()
