#!/usr/bin/env python
"""Admin search over the big tables: each list with a typical search beside the same list
without one, in this process, as a superuser.

    DATABASE_URL=postgres://…/<a copy of the WSIS-scale database> \\
        python bench/admin_search.py [--rounds 5] [--explain]

For every list: a warm-up, then ``--rounds`` alternations of the unsearched list (the
baseline) and the searched one through Django's test client; prints the medians, their
ratio and the searched page's slowest query. ``--explain`` also prints ``EXPLAIN ANALYZE``
of that query.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.prizes_data import setup_django

ADMIN_EMAIL = "bench-admin-search@example.invalid"

# (list, typical search): part of an email, a name, an entry or project title.
SEARCHES = [
    ("/admin/accounts/user/", "voter-123456"),
    ("/admin/account/emailaddress/", "voter-123456"),
    ("/admin/accounts/stakeholderprofile/", "Diallo"),
    ("/admin/stocktaking/entry/", "Telemedicine"),
    ("/admin/prizes/vote/", "voter-123456"),
    ("/admin/prizes/vote/", "Twinning"),
    ("/admin/forum/registration/", "participant-7"),
    ("/admin/forum/session/", "Partnerships"),
    ("/admin/prizes/project/", "Twinning"),
    # Broad: 111,111 accounts match, more than the keys listed (admin_search.LISTED_UP_TO).
    ("/admin/accounts/user/", "voter-1"),
    ("/admin/prizes/vote/", "voter-1"),
]


def _timed(client, url: str) -> float:
    started = time.perf_counter()
    response = client.get(url)
    elapsed = 1000 * (time.perf_counter() - started)
    assert response.status_code == 200, (url, response.status_code)
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--explain", action="store_true")
    args = parser.parse_args()
    setup_django()
    from urllib.parse import urlencode

    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from accounts.models import User

    settings.ALLOWED_HOSTS = ["testserver"]
    admin, _created = User.objects.get_or_create(
        email=ADMIN_EMAIL, defaults={"is_staff": True, "is_superuser": True}
    )
    client = Client()
    client.force_login(admin)
    try:
        for path, term in SEARCHES:
            searched = f"{path}?{urlencode({'q': term})}"
            _timed(client, path), _timed(client, searched)  # warm-up
            base_ms, page_ms = [], []
            for _ in range(args.rounds):
                base_ms.append(_timed(client, path))
                page_ms.append(_timed(client, searched))
            with CaptureQueriesContext(connection) as queries:
                _timed(client, searched)
            slowest = max(queries.captured_queries, key=lambda q: float(q["time"]))
            base, page = statistics.median(base_ms), statistics.median(page_ms)
            print(
                f"{searched}: {page:.0f} ms ({min(page_ms):.0f}-{max(page_ms):.0f}), "
                f"without q {base:.0f} ms, {page / base:.1f}x; {len(queries)} queries, "
                f"slowest {1000 * float(slowest['time']):.0f} ms",
                flush=True,
            )
            if args.explain:
                with connection.cursor() as cursor:
                    cursor.execute("EXPLAIN (ANALYZE, BUFFERS OFF) " + slowest["sql"])
                    print("    " + slowest["sql"][:400])
                    for (line,) in cursor.fetchall():
                        print("    " + line)
    finally:
        User.objects.filter(email=ADMIN_EMAIL).delete()


if __name__ == "__main__":
    main()
