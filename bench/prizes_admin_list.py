#!/usr/bin/env python
"""WSIS Prizes benchmark: the admin's votes list over the tally benchmark's 2,000,000 votes.

    DATABASE_URL=postgres://… python bench/prizes_tally.py --mix all --keep
    DATABASE_URL=postgres://… python bench/prizes_admin_list.py [--rounds 5]

Opens ``/admin/prizes/vote/`` (unfiltered, filtered by the benchmark's contest, and one year
of the date drill-down) as a superuser through Django's test client in this process, each
round right after the baseline, a bare ``SELECT count(*) FROM prizes_vote``, and prints the
medians and their ratio. It reads the data ``bench/prizes_tally.py --keep`` left; run that
script again without ``--keep`` to remove it.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.prizes_data import TALLY_YEAR, setup_django

ADMIN_EMAIL = "bench-admin-prizes@example.invalid"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    setup_django()
    from django.conf import settings
    from django.db import connection
    from django.test import Client

    from accounts.models import User
    from prizes.models import Contest

    settings.ALLOWED_HOSTS = ["testserver"]
    contest = Contest.objects.filter(year=TALLY_YEAR).first()
    if contest is None:
        sys.exit("No benchmark votes: run bench/prizes_tally.py --keep first.")
    admin, _created = User.objects.get_or_create(
        email=ADMIN_EMAIL, defaults={"is_staff": True, "is_superuser": True}
    )
    client = Client()
    client.force_login(admin)
    year = contest.votes.order_by().values_list("cast_at__year", flat=True).first()
    pages = [
        "/admin/prizes/vote/",
        f"/admin/prizes/vote/?contest__id__exact={contest.pk}",
        f"/admin/prizes/vote/?cast_at__year={year}",
    ]
    try:
        for url in pages:
            assert client.get(url).status_code == 200, url  # warm-up
            page_ms, base_ms = [], []
            for _ in range(args.rounds):
                started = time.perf_counter()
                with connection.cursor() as cursor:
                    cursor.execute("SELECT count(*) FROM prizes_vote")
                base_ms.append(1000 * (time.perf_counter() - started))
                started = time.perf_counter()
                client.get(url)
                page_ms.append(1000 * (time.perf_counter() - started))
            page, base = statistics.median(page_ms), statistics.median(base_ms)
            print(
                f"{url}: page {page:.0f} ms ({min(page_ms):.0f}-{max(page_ms):.0f}), "
                f"count(*) {base:.0f} ms, {page / base:.1f}x",
                flush=True,
            )
    finally:
        User.objects.filter(email=ADMIN_EMAIL).delete()


if __name__ == "__main__":
    main()
