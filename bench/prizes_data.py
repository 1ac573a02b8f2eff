"""The WSIS Prizes benchmarks' data: contests of the years 2900-2902 and verified voters
``bench-voter-N@example.invalid`` with a signed-in database session each, and their removal.
"""

from __future__ import annotations

import os
import secrets
import sys
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
    # Updated, not only created: the phases follow the clock, and a database kept from an
    # earlier run (another local day) would hold a Forum whose days miss the ceremony.
    edition, _ = Edition.objects.update_or_create(
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
