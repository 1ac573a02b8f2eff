"""The first stocktaking pages after a data change (cold cache), beside baselines in the same run.

Run against a database of published entries (``seed_demo --only stocktaking --entries 100000``):

    DATABASE_URL=postgres://... REDIS_URL=redis://... \\
        .venv/bin/python bench/stocktaking_first_page.py [--rounds 7]

Each round bumps the stocktaking cache version (what every change of published data does)
and times, in this process through Django's test client (no network, no gunicorn):
- the unfiltered page ``/stocktaking/`` right after the bump (cold), then again (warm);
- the same page's old cache-miss work: the one-query facet count over every published entry;
- a bare ``SELECT`` of the first 20 published entries (the floor of any list page);
- a yearly report page right after the bump, and the admin list of entries.
It prints the median and the worst round of each, and the load average before and after.
A superuser ``bench-admin@example.org`` is created if missing (to open the admin list).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wsis_portal.settings")
os.environ.setdefault("DJANGO_DEBUG", "false")
os.environ.setdefault("DJANGO_SECRET_KEY", "benchmark-only-not-secret")
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver")
os.environ.setdefault("DJANGO_SECURE_SSL_REDIRECT", "false")
os.environ.setdefault("DJANGO_LOG_LEVEL", "WARNING")
os.environ.setdefault("DJANGO_VAR_DIR", tempfile.mkdtemp(prefix="stk-first-page-"))


def timed(fn) -> float:
    started = time.perf_counter()
    fn()
    return (time.perf_counter() - started) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()

    import django

    django.setup()
    from django.core.management import call_command

    call_command("collectstatic", "--noinput", verbosity=0)  # DEBUG off serves hashed names
    from django.db import connection
    from django.test import Client

    from accounts.models import User
    from stocktaking.models import Call
    from stocktaking.selectors import facet_counts, published_entries
    from stocktaking.services import search_cache_bump

    admin = User.objects.filter(email="bench-admin@example.org").first()
    if admin is None:
        admin = User.objects.create_superuser(email="bench-admin@example.org", password=None)
    year = (  # the newest report that has entries
        Call.objects.filter(entries__isnull=False)
        .order_by("-report_year")
        .values_list("report_year", flat=True)
        .first()
    )
    client = Client()
    staff = Client()
    staff.force_login(admin)

    def get(c: Client, url: str) -> None:
        response = c.get(url)
        assert response.status_code == 200, (url, response.status_code)

    def bare() -> None:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT id, title, organisation, country, region, stakeholder_type, start_year,"
                " is_success_story, published_at, description FROM stocktaking_entry"
                " WHERE status = 'published' ORDER BY published_at DESC, id DESC LIMIT 20"
            )
            cursor.fetchall()

    in_report = published_entries().filter(call__report_year=year).count()
    print(f"published entries: {published_entries().count()}; report {year}: {in_report}")
    print(f"load average before: {os.getloadavg()}")
    # Warm the process (imports, templates, connection), not the measured pages.
    get(client, "/stocktaking/")
    get(staff, "/admin/stocktaking/entry/")
    rows: dict[str, list[float]] = {}
    for _ in range(args.rounds):
        search_cache_bump()
        rows.setdefault("unfiltered /stocktaking/, first after a change (cold)", []).append(
            timed(lambda: get(client, "/stocktaking/"))
        )
        rows.setdefault("unfiltered /stocktaking/, again (warm)", []).append(
            timed(lambda: get(client, "/stocktaking/"))
        )
        rows.setdefault("baseline: bare SELECT of 20 published entries", []).append(timed(bare))
        rows.setdefault("before: one-query facet count over every entry", []).append(
            timed(lambda: facet_counts(published_entries(), sort="newest", limit=20))
        )
        search_cache_bump()
        rows.setdefault(f"/stocktaking/reports/{year}/, first after a change (cold)", []).append(
            timed(lambda: get(client, f"/stocktaking/reports/{year}/"))
        )
        rows.setdefault("before: the report's facet count over its entries", []).append(
            timed(lambda: facet_counts(published_entries().filter(call__report_year=year)))
        )
        rows.setdefault("admin /admin/stocktaking/entry/", []).append(
            timed(lambda: get(staff, "/admin/stocktaking/entry/"))
        )
    print(f"load average after: {os.getloadavg()}\n")
    print("| measure | median ms | worst ms |\n|---|---|---|")
    for name, values in rows.items():
        print(f"| {name} | {statistics.median(values):.0f} | {max(values):.0f} |")


if __name__ == "__main__":
    main()
