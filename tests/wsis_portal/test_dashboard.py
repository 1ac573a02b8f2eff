"""The admin home's "needs action now" (issue 14, item 5): counts, ages, links,
permissions, and a fixed number of queries."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.contrib.auth.models import Permission
from django.urls import reverse

from accounts.roles import SECRETARIAT
from consultations.models import CommentFlag
from prizes.enums import PhaseKind, ProjectStatus
from stocktaking.enums import RevisionKind
from stocktaking.models import Call, EntryRevision
from tests.factories.accounts import UserFactory
from tests.factories.consultations import (
    CommentFactory,
    SubmissionFactory,
    consultation_with_phases,
)
from tests.factories.prizes import ProjectFactory, category, contest_at
from tests.factories.stocktaking import EntryFactory
from wsis_portal.dashboard import dashboard_sections
from wsis_portal.models import OutboxMessage
from wsis_portal.registry import registry

pytestmark = pytest.mark.django_db

NOW = datetime(2031, 3, 10, 9, 0, tzinfo=UTC)


def _world(n: int = 1) -> None:
    """``n`` of each waiting thing, plus things that must not be counted."""
    owner = UserFactory()
    for i in range(n):
        with time_machine.travel(NOW - timedelta(days=3 + i), tick=False):
            EntryRevision.objects.create(
                entry=EntryFactory(submitter=owner),
                kind=RevisionKind.SUBMISSION,
                data={},
                proposed_by=owner,
            )
            SubmissionFactory()
            CommentFlag.objects.create(comment=CommentFactory(), user=UserFactory())
            OutboxMessage.objects.create(purpose="test.dashboard", obj=owner, recipient=owner)
    SubmissionFactory(email_confirmed_at=None)  # not confirmed: not waiting yet
    hidden = CommentFactory(is_hidden=True)
    CommentFlag.objects.create(comment=hidden, user=UserFactory())  # already dealt with

    # A contest in the Expert Group's selection, its final tally done: C1 has Champions and
    # no Winner, C2 has its Winner, C3 has only nominated projects.
    contest = contest_at(NOW, PhaseKind.SELECTION)
    contest.phases.filter(kind=PhaseKind.VOTING).update(end_applied_at=NOW - timedelta(days=2))
    for _ in range(n):
        ProjectFactory(contest=contest, status=ProjectStatus.CHAMPION)
    ProjectFactory(contest=contest, category=category(contest, "C2"), status=ProjectStatus.WINNER)
    ProjectFactory(contest=contest, category=category(contest, "C3"))
    # Champions of a contest whose final tally has not run yet: nothing to decide.
    ProjectFactory(contest=contest_at(NOW, PhaseKind.SELECTION), status=ProjectStatus.CHAMPION)
    for _ in range(n):
        ProjectFactory(
            contest=contest, status=ProjectStatus.SUBMITTED, submitted_at=NOW - timedelta(days=9)
        )
    # Opening in three days; a call closing in two days; a call closing in a month.
    consultation_with_phases(opening=NOW + timedelta(days=3))
    Call.objects.create(
        year=2031, kind="new", report_year=2031, starts_at=NOW - timedelta(days=30),
        ends_at=NOW + timedelta(days=2),
    )  # fmt: skip
    Call.objects.create(
        year=2031, kind="updates", report_year=2031, starts_at=NOW - timedelta(days=30),
        ends_at=NOW + timedelta(days=30),
    )  # fmt: skip


def _panels(user) -> dict[str, object]:
    return {
        panel.source.key: panel
        for _title, panels in dashboard_sections(user=user, now=NOW)
        for panel in panels
    }


def test_the_dashboard_counts_what_waits_and_the_oldest_age():
    _world()
    panels = _panels(UserFactory(is_staff=True, is_superuser=True))

    figures = {key: panel.figure.count for key, panel in panels.items()}
    assert figures == {
        "stocktaking-moderation": 1,
        "stocktaking-calls": 1,
        "prizes-submissions": 1,
        "prizes-winners": 1,
        "prizes-phases": 0,
        "consultations-inputs": 1,
        "consultations-flags": 1,
        "consultations-phases": 1,
        "outbox": 1,
    }
    assert panels["stocktaking-moderation"].oldest_age == timedelta(days=3)
    assert panels["prizes-submissions"].oldest_age == timedelta(days=9)
    calls = panels["stocktaking-calls"].figure.rows
    assert [(str(r.note), r.at) for r in calls] == [("closes", NOW + timedelta(days=2))]
    opening = panels["consultations-phases"].figure.rows[0]
    assert (str(opening.note), opening.at) == ("opens", NOW + timedelta(days=3))


def test_each_panel_links_to_the_filtered_admin_list(admin_client):
    _world()
    superuser = UserFactory(is_staff=True, is_superuser=True)
    links = {key: panel.url for key, panel in _panels(superuser).items()}
    assert links["prizes-submissions"].endswith("?status__exact=submitted")
    assert links["consultations-flags"].endswith("?flagged=yes&is_hidden__exact=0")
    assert links["outbox"].endswith("?status__exact=pending")
    for url in links.values():
        assert admin_client.get(url).status_code == 200, url


def test_a_role_sees_only_the_panels_it_may_view():
    _world()
    secretariat = UserFactory(is_staff=True, groups=[SECRETARIAT])
    assert "outbox" not in _panels(secretariat)  # the operator's, not the Secretariat's
    assert "stocktaking-moderation" in _panels(secretariat)

    moderator = UserFactory(is_staff=True)
    moderator.user_permissions.add(Permission.objects.get(codename="view_comment"))
    assert set(_panels(moderator)) == {"consultations-flags"}
    assert _panels(UserFactory(is_staff=True)) == {}


@pytest.mark.parametrize("n", [1, 3])
def test_the_dashboard_reads_one_query_per_panel_whatever_the_queues(n, django_assert_num_queries):
    _world(n)
    superuser = UserFactory(is_staff=True, is_superuser=True)
    with django_assert_num_queries(len(registry.dashboard)):
        panels = _panels(superuser)
    assert panels["stocktaking-moderation"].figure.count == n
    assert panels["prizes-winners"].figure.count == 1


@pytest.mark.parametrize("n", [1, 3])
def test_the_admin_home_shows_the_dashboard_in_a_fixed_number_of_queries(
    n, client, django_assert_max_num_queries
):
    _world(n)
    with time_machine.travel(NOW, tick=False):
        client.force_login(UserFactory(is_staff=True, groups=[SECRETARIAT]))
        with django_assert_max_num_queries(18):
            body = client.get(reverse("admin:index")).content.decode()
    assert "Needs action now" in body
    assert "Stocktaking entries and updates to moderate" in body
    assert reverse("admin:stocktaking_moderationitem_changelist") in body
    assert f"oldest {2 + n} days ago" in body
    assert "Outbox" not in body.split("Needs action now")[1].split("content-main")[0]
