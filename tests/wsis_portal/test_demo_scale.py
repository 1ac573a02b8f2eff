"""``seed_demo --scale``: the sizes asked for, valid data, and nothing doubled on a rerun.

The real ``wsis`` scale (500,000 accounts, 2,000,000 votes) takes minutes; these tests run
the same code at a small scale that keeps its arithmetic (the vote mix per voter number).
"""

from __future__ import annotations

from io import StringIO

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db.models import Count, F

from forum.demo_programme import CURRENT_YEAR
from forum.models import Session
from prizes.enums import BALLOT_STATES
from prizes.models import Contest, Project, Vote
from stocktaking.models import Entry
from wsis_portal import demo_scale
from wsis_portal.demo import DEMO_EMAIL_DOMAIN

SMALL = {"accounts": 50, "entries": 320, "votes": 200, "projects": 200, "sessions": 90}


@pytest.fixture
def small_scale(monkeypatch):
    monkeypatch.setitem(demo_scale.SCALES, "small", SMALL)


def seed_small() -> str:
    out = StringIO()
    call_command("seed_demo", scale="small", stdout=out)
    return out.getvalue()


def counts() -> dict[str, int]:
    contest = Contest.objects.get(year=CURRENT_YEAR)
    voters = get_user_model().objects.filter(email__regex=demo_scale.voter_email_regex())
    return {
        "accounts": voters.count(),
        "verified": EmailAddress.objects.filter(user__in=voters, verified=True).count(),
        "entries": Entry.objects.filter(is_demo=True).count(),
        "votes": Vote.objects.filter(contest=contest).count(),
        "projects": Project.objects.filter(contest=contest, status__in=BALLOT_STATES).count(),
        "sessions": Session.objects.filter(edition__year=CURRENT_YEAR).count(),
    }


@pytest.mark.django_db
def test_scale_seeds_every_size_and_a_rerun_adds_nothing(small_scale):
    seed_small()
    first = counts()
    # 5 voters fill the 18 categories, 20 vote in 3 and 25 in 2: 90 + 60 + 50.
    assert first == {**SMALL, "verified": SMALL["accounts"]}
    seed_small()
    assert counts() == first


@pytest.mark.django_db
def test_scale_votes_respect_the_ballot_and_one_vote_per_category(small_scale):
    seed_small()
    contest = Contest.objects.get(year=CURRENT_YEAR)
    votes = Vote.objects.filter(contest=contest)
    assert not votes.exclude(project__status__in=BALLOT_STATES).exists()
    assert not votes.exclude(category_id=F("project__category_id")).exists()
    per_voter = sorted(votes.values("voter_id").annotate(n=Count("*")).values_list("n", flat=True))
    assert per_voter.count(18) == 5 and per_voter.count(3) == 20 and per_voter.count(2) == 25
    assert all(v.voter.email.endswith(DEMO_EMAIL_DOMAIN) for v in votes.select_related("voter"))
    cast = votes.values_list("cast_at", flat=True)
    voting = contest.phases.get(kind="voting")
    assert all(voting.starts_at <= at < voting.ends_at for at in cast)


@pytest.mark.django_db
def test_scale_sessions_copy_their_originals_in_parallel_rooms(small_scale):
    seed_small()
    copies = Session.objects.filter(edition__year=CURRENT_YEAR, room__startswith="Parallel room")
    assert copies.exists()
    for session in copies.prefetch_related("action_lines", "roles")[:10]:
        assert session.ends_at > session.starts_at
        assert session.roles.exists()


@pytest.mark.django_db
def test_scale_leaves_statistics_for_the_planner(small_scale):
    from django.db import connection

    out = seed_small()
    assert "statistics (ANALYZE)" in out
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT relname, reltuples FROM pg_class WHERE relname IN "
            "('forum_session', 'prizes_project', 'stocktaking_entry')"
        )
        tuples = dict(cursor.fetchall())
    # -1 is "never analysed": the planner would guess the sizes.
    assert all(count > 0 for count in tuples.values()), tuples
