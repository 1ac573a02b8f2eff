#!/usr/bin/env python
"""Time the Secretariat's statistics pages of the admin with 2,000,000 votes in one contest,
beside a baseline measured in the same rounds (a bare ``SELECT count(*)`` of the votes table).

    DATABASE_URL=postgres://… REDIS_URL=redis://… python bench/statistics_pages.py

One command: it makes a contest of the year 2904 with 1,008 projects (18 categories x 56),
about 111,112 voters (``bench-voter-s…``, 90% with a stakeholder profile in one of the ITU
regions' countries) and ``--votes`` votes (one INSERT … SELECT generate_series, the
``prizes.demo.bulk_votes`` helper), runs ``VACUUM ANALYZE``, then opens each statistics page
``--rounds`` times as a Secretariat user (Django's test client, in process, so the figure is
the server's time without the network), each page right after the baseline query. It prints
medians, the spread and the ratio page / baseline, the queries of one page view with their
times, and EXPLAIN ANALYZE of the two queries that read the votes. ``--index`` measures again
with a candidate covering index and drops it. The data is removed at the end unless ``--keep``
(a later run with the same ``--votes`` reuses it).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["DJANGO_SETTINGS_MODULE"] = "bench.prizes_settings"

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.models import Group  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402

from accounts.roles import SECRETARIAT  # noqa: E402
from forum.base.regions import COUNTRY_REGION  # noqa: E402

YEAR = 2904
PREFIX = "bench-voter-s"
STAFF_EMAIL = "bench-statistics-secretariat@example.invalid"
CANDIDATE_INDEX = (
    "CREATE INDEX bench_vote_statistics ON prizes_vote (contest_id, cast_at) "
    "INCLUDE (category_id, voter_id) WHERE valid"
)


def cleanup() -> None:
    from prizes.models import Contest, Project, Tally

    with connection.cursor() as cursor:
        cursor.execute(
            "DELETE FROM prizes_vote WHERE contest_id IN "
            "(SELECT id FROM prizes_contest WHERE year = %s)",
            [YEAR],
        )
        cursor.execute(
            "DELETE FROM accounts_stakeholderprofile WHERE user_id IN "
            "(SELECT id FROM accounts_user WHERE email LIKE %s)",
            [PREFIX + "%"],
        )
        cursor.execute("DROP INDEX IF EXISTS bench_vote_statistics")
    Tally.objects.filter(contest__year=YEAR).delete()
    Project.sdgs.through.objects.filter(project__contest__year=YEAR).delete()
    Project.objects.filter(contest__year=YEAR).delete()
    Contest.objects.filter(year=YEAR).delete()
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM accounts_user WHERE email LIKE %s", [PREFIX + "%"])
    get_user_model().objects.filter(email=STAFF_EMAIL).delete()


def prepare(votes: int):
    """The contest with its votes, reused when a kept run left the same number."""
    from prizes.demo import bulk_votes
    from prizes.models import Contest, Vote

    contest = Contest.objects.filter(year=YEAR).first()
    if contest is not None and Vote.objects.filter(contest=contest).count() >= votes:
        print(f"Reusing contest {YEAR} and its votes", flush=True)
        return contest, None
    cleanup()
    contest = make_contest()
    started = time.perf_counter()
    bulk_votes(contest=contest, count=votes, prefix=PREFIX)
    fill = time.perf_counter() - started
    codes = sorted(COUNTRY_REGION)
    with connection.cursor() as cursor:
        # Nine voters in ten have a profile, spread over the countries of every region.
        cursor.execute(
            """
            INSERT INTO accounts_stakeholderprofile
                (user_id, full_name, organisation_name, organisation_country, stakeholder_type,
                 job_title, telephone, updated_at)
            SELECT u.id, 'Bench voter', 'Bench organisation',
                   (%(codes)s::text[])[1 + (u.id %% array_length(%(codes)s::text[], 1))],
                   'civil_society', '', '', now()
            FROM accounts_user u
            WHERE u.email LIKE %(pattern)s AND u.id %% 10 <> 0
            ON CONFLICT DO NOTHING
            """,
            {"codes": codes, "pattern": PREFIX + "%"},
        )
        cursor.execute("VACUUM ANALYZE prizes_vote")
        cursor.execute("VACUUM ANALYZE accounts_user")
        cursor.execute("VACUUM ANALYZE accounts_stakeholderprofile")
    return contest, fill


def make_contest():
    """A contest in voting with 1,008 nominated projects (18 categories x 56, as in a real
    contest), from countries of every region and of every stakeholder type."""
    from datetime import timedelta

    from django.utils import timezone

    from accounts.enums import StakeholderType
    from forum.models import Edition
    from prizes.enums import ProjectStatus
    from prizes.models import Project
    from prizes.services import contest_create

    now = timezone.now()
    kinds = ["submission", "nomination", "voting", "selection", "ceremony"]
    offsets = [(-90, -60), (-60, -31), (-31, 30), (30, 40), (40, 45)]
    phases = {
        kind: (now + timedelta(days=a), now + timedelta(days=b))
        for kind, (a, b) in zip(kinds, offsets, strict=True)
    }
    edition, _ = Edition.objects.get_or_create(
        year=YEAR,
        defaults={
            "starts_on": timezone.localtime(phases["ceremony"][0]).date(),
            "ends_on": timezone.localtime(phases["ceremony"][1]).date(),
        },
    )
    contest = contest_create(
        year=YEAR, title=f"Benchmark {YEAR}", phases=phases, edition=edition, published=True
    )
    submitter, _ = get_user_model().objects.get_or_create(
        email=PREFIX + "submitter@example.invalid"
    )
    codes = sorted(COUNTRY_REGION)
    types = [value for value, _label in StakeholderType.choices]
    Project.objects.bulk_create(
        Project(
            contest=contest,
            category=category,
            title=f"Benchmark project {category.pk}-{i}",
            description="Benchmark project.",
            organisation=f"Benchmark organisation {category.pk}-{i}",
            country=codes[(category.pk * 56 + i) % len(codes)],
            stakeholder_type=types[i % len(types)],
            submitter=submitter,
            status=ProjectStatus.NOMINATED,
            submitted_at=phases["submission"][0],
        )
        for category in contest.categories.all()
        for i in range(56)
    )
    return contest


def secretariat_client() -> Client:
    user, _ = get_user_model().objects.get_or_create(email=STAFF_EMAIL, defaults={"is_staff": True})
    user.groups.add(Group.objects.get(name=SECRETARIAT))
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    return client


def baseline_ms() -> float:
    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM prizes_vote")
        cursor.fetchone()
    return 1000 * (time.perf_counter() - started)


def page_ms(client: Client, url: str, params: dict) -> float:
    started = time.perf_counter()
    response = client.get(url, params)
    elapsed = 1000 * (time.perf_counter() - started)
    assert response.status_code == 200, (url, response.status_code)
    return elapsed


def measure(client: Client, pages: list[tuple[str, str, dict]], rounds: int) -> list[dict]:
    for _name, url, params in pages:  # warm-up: caches, plans, the first connection
        page_ms(client, url, params)
    baseline_ms()
    rows = []
    for name, url, params in pages:
        base, page = [], []
        for _ in range(rounds):
            base.append(baseline_ms())
            page.append(page_ms(client, url, params))
        with CaptureQueriesContext(connection) as queries:
            client.get(url, params)
        rows.append(
            {
                "name": name,
                "baseline": base,
                "page": page,
                "queries": len(queries),
                "slowest": sorted(
                    ((float(q["time"]) * 1000, q["sql"][:90]) for q in queries.captured_queries),
                    reverse=True,
                )[:3],
            }
        )
    return rows


def report(rows: list[dict], label: str) -> None:
    print(f"\n{label}")
    print(
        f"{'page':34s} {'queries':>7s} {'page ms (median, min-max)':>28s} "
        f"{'baseline ms':>22s} {'ratio':>6s}"
    )
    for row in rows:
        page, base = row["page"], row["baseline"]
        ratio = statistics.median(page) / statistics.median(base)
        print(
            f"{row['name']:34s} {row['queries']:7d} "
            f"{statistics.median(page):10.1f} ({min(page):7.1f}-{max(page):7.1f}) "
            f"{statistics.median(base):8.1f} ({min(base):5.1f}-{max(base):5.1f}) "
            f"{ratio:6.1f}"
        )
        for ms, sql in row["slowest"]:
            print(f"    {ms:8.1f} ms  {sql}")


def explain(contest_id: int) -> None:
    with connection.cursor() as cursor:
        for sql in (
            "SELECT (cast_at AT TIME ZONE 'Europe/Zurich')::date, category_id, count(*) "
            "FROM prizes_vote WHERE contest_id = %s AND valid GROUP BY 1, 2",
            "SELECT p.organisation_country, count(u.id) FROM accounts_user u "
            "LEFT JOIN accounts_stakeholderprofile p ON p.user_id = u.id WHERE u.id IN "
            "(SELECT voter_id FROM prizes_vote WHERE contest_id = %s AND valid) GROUP BY 1",
        ):
            cursor.execute("EXPLAIN (ANALYZE, COSTS OFF) " + sql, [contest_id])
            print("\n" + "\n".join(row[0] for row in cursor.fetchall()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--votes", type=int, default=2_000_000)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--index", action="store_true", help="also try the candidate index")
    parser.add_argument("--explain", action="store_true", help="print the two query plans")
    parser.add_argument("--keep", action="store_true", help="keep the data for a later run")
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("The benchmark needs PostgreSQL: set DATABASE_URL=postgres://…")
    from prizes.models import Vote

    try:
        contest, fill = prepare(args.votes)
        total = Vote.objects.count()
        in_contest = Vote.objects.filter(contest=contest).count()
        if fill is not None:
            print(f"{in_contest:,} votes inserted in {fill:.1f} s", flush=True)
        print(f"votes table: {total:,} rows, {in_contest:,} in the benchmark contest")
        client = secretariat_client()
        prizes = reverse("admin:prizes_vote_statistics")
        pages = [
            ("prizes (whole contest)", prizes, {"contest": contest.pk}),
            (
                "prizes (one week of votes)",
                prizes,
                {"contest": contest.pk, "date_from": "2000-01-01", "date_to": "2000-01-07"},
            ),
            ("prizes XLSX download", prizes, {"contest": contest.pk, "download": "xlsx"}),
            ("stocktaking", reverse("admin:stocktaking_entry_statistics"), {}),
            ("forum registrations", reverse("admin:forum_registration_statistics"), {}),
            ("consultation inputs", reverse("admin:consultations_submission_statistics"), {}),
        ]
        # The week: the last seven local days of the votes, wherever the helper put them.
        last = (
            Vote.objects.filter(contest=contest)
            .order_by("-cast_at")
            .values_list("cast_at", flat=True)[:1][0]
        )
        from datetime import timedelta

        from django.utils import timezone

        last_day = timezone.localtime(last).date()
        pages[1][2]["date_from"] = (last_day - timedelta(days=6)).isoformat()
        pages[1][2]["date_to"] = last_day.isoformat()
        report(measure(client, pages, args.rounds), "Without a new index")
        if args.explain:
            explain(contest.pk)
        if args.index:
            with connection.cursor() as cursor:
                started = time.perf_counter()
                cursor.execute(CANDIDATE_INDEX)
                built = time.perf_counter() - started
                cursor.execute("VACUUM ANALYZE prizes_vote")
            report(
                measure(client, pages[:3], args.rounds),
                f"With {CANDIDATE_INDEX.split(' ON ')[1]} (built in {built:.1f} s)",
            )
            if args.explain:
                explain(contest.pk)
            with connection.cursor() as cursor:
                cursor.execute("DROP INDEX bench_vote_statistics")
    finally:
        if not args.keep:
            cleanup()


if __name__ == "__main__":
    main()
