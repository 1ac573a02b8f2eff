"""Time the programme page, its iCalendar export and the sessions API for a Forum of 250
sessions (the real size) and 2,500 (ten times), inside a transaction that is rolled back.

For the iCalendar file it also times, in the same run: a plain ``.values()`` fetch of the same
rows (the baseline), the file built cold (programme version bumped, so nothing cached), warm
(from the cache) and a revalidation answered with a 304.

    DJANGO_DEBUG=true DATABASE_URL=... [REDIS_URL=...] python bench/forum_programme.py
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wsis_portal.settings")

import django

django.setup()

from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from forum.models import SDG, ActionLine, BuildingBlock, Edition, Session  # noqa: E402

YEAR = 2099


class Rollback(Exception):
    pass


def build(n: int) -> None:
    edition = Edition.objects.create(
        year=YEAR,
        starts_on=date(YEAR, 5, 10),
        ends_on=date(YEAR, 5, 14),
        venue="Bench",
        published_at=datetime.now(UTC),
    )
    blocks = list(BuildingBlock.objects.all())
    lines = list(ActionLine.objects.all())
    goals = list(SDG.objects.all())
    start = datetime(YEAR, 5, 10, 7, tzinfo=UTC)
    sessions = Session.objects.bulk_create(
        Session(
            edition=edition,
            building_block=blocks[i % len(blocks)],
            title=f"Bench session {i}",
            starts_at=start + timedelta(days=i % 5, minutes=15 * (i % 40)),
            ends_at=start + timedelta(days=i % 5, minutes=15 * (i % 40) + 60),
        )
        for i in range(n)
    )
    Session.action_lines.through.objects.bulk_create(
        Session.action_lines.through(session=s, actionline=lines[i % len(lines)])
        for i, s in enumerate(sessions)
    )
    Session.sdgs.through.objects.bulk_create(
        Session.sdgs.through(session=s, sdg=goals[i % len(goals)]) for i, s in enumerate(sessions)
    )


def measure(client: Client, url: str, runs: int = 7) -> tuple[float, int]:
    client.get(url)
    times = []
    for _ in range(runs):
        with CaptureQueriesContext(connection) as queries:
            t0 = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - t0) * 1000)
        assert response.status_code == 200, url
    return statistics.median(times), len(queries)


def timed(call, runs: int = 7) -> tuple[float, int]:
    call()
    times = []
    for _ in range(runs):
        with CaptureQueriesContext(connection) as queries:
            t0 = time.perf_counter()
            call()
            times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times), len(queries)


def calendar_figures(client: Client, n: int) -> None:
    """The calendar against its baseline: the rows alone, then the file cold, warm and 304."""
    from forum.programme.caching import programme_version_bump
    from forum.programme.ical import ROW_FIELDS, calendar_bytes

    url = f"/forum/{YEAR}/programme.ics"
    rows = Session.objects.filter(edition__year=YEAR).order_by("starts_at", "title", "pk")

    def cold() -> None:
        programme_version_bump()
        assert client.get(url).status_code == 200

    def before() -> None:
        # As the file was built until now: model instances (the writer is the new one), no cache.
        calendar_bytes(
            list(rows.select_related("edition", "building_block")), name="x", base_url=""
        )

    etag = client.get(url)["ETag"]
    figures = [
        ("baseline: .values() of the same rows", lambda: list(rows.values(*ROW_FIELDS))),
        ("model instances, same writer, no cache", before),
        ("programme.ics cold (version bumped)", cold),
        ("programme.ics warm (cached bytes)", lambda: client.get(url)),
        ("programme.ics revalidated (304)", lambda: client.get(url, HTTP_IF_NONE_MATCH=etag)),
    ]
    baseline = None
    for label, call in figures:
        ms, q = timed(call)
        baseline = baseline or ms
        print(
            f"{n:>5} sessions  {label:<45} median {ms:7.1f} ms  {q:>2} queries  "
            f"{ms / baseline:5.2f}x baseline"
        )


def main() -> None:
    client = Client()
    print("load average:", " ".join(f"{x:.2f}" for x in os.getloadavg()))
    for n in (250, 2500):
        try:
            with transaction.atomic():
                build(n)
                for url in [
                    "/forum/",  # baseline: a small page
                    f"/forum/{YEAR}/programme/",
                    f"/forum/{YEAR}/programme/?format=hybrid&sdg=9",
                    f"/forum/{YEAR}/programme.ics",
                    f"/api/forum/{YEAR}/sessions/",
                ]:
                    ms, q = measure(client, url)
                    print(f"{n:>5} sessions  {url:<45} median {ms:7.1f} ms  {q:>2} queries")
                calendar_figures(client, n)
                raise Rollback
        except Rollback:
            pass
    print("load average:", " ".join(f"{x:.2f}" for x in os.getloadavg()))


if __name__ == "__main__":
    main()
