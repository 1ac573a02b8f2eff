"""Deadline reminders of the contest: submitters with drafts, and voters who opted in for
the categories they have not voted in yet. Each once per recipient and window."""

from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from prizes.enums import PhaseKind, ProjectStatus
from prizes.models import ContestPhase, VotingReminder
from prizes.services import draft_reminders_send, vote_reminders_send
from tests.factories.accounts import StakeholderFactory
from tests.factories.prizes import ProjectFactory, category, contest_at, vote
from wsis_portal import outbox

pytestmark = pytest.mark.django_db


def _phase(contest, kind):
    return ContestPhase.objects.get(contest=contest, kind=kind)


def _sent_to() -> list[str]:
    outbox.deliver_pending()
    return sorted(m.to[0] for m in mail.outbox)


def test_submitters_with_drafts_are_reminded_once_before_the_deadline():
    contest = contest_at(timezone.now(), PhaseKind.SUBMISSION)
    deadline = _phase(contest, PhaseKind.SUBMISSION).ends_at
    drafter = StakeholderFactory(email="drafter@example.org")
    ProjectFactory(contest=contest, submitter=drafter, status=ProjectStatus.DRAFT, title="D1")
    ProjectFactory(
        contest=contest,
        submitter=drafter,
        status=ProjectStatus.DRAFT,
        title="D2",
        category=category(contest, "C2"),
    )
    ProjectFactory(
        contest=contest,
        submitter=StakeholderFactory(email="done@example.org"),
        status=ProjectStatus.SUBMITTED,
    )
    with time_machine.travel(deadline - timedelta(days=5), tick=False):
        assert draft_reminders_send(timezone.now()) == 0  # too early
    with time_machine.travel(deadline - timedelta(days=2), tick=False):
        assert draft_reminders_send(timezone.now()) == 1
        assert draft_reminders_send(timezone.now()) == 0
        assert _sent_to() == ["drafter@example.org"]
        body = mail.outbox[0].body
        assert "D1" in body and "D2" in body
        assert reverse("prizes:submit_edit", args=[contest.year, 1]).rsplit("/", 2)[0] in body

    # Someone who starts a draft on the last day is reminded too; nobody twice.
    late = StakeholderFactory(email="late@example.org")
    with time_machine.travel(deadline - timedelta(hours=20), tick=False):
        ProjectFactory(contest=contest, submitter=late, status=ProjectStatus.DRAFT)
        assert draft_reminders_send(timezone.now()) == 1
        assert draft_reminders_send(timezone.now()) == 0
        assert _sent_to() == ["drafter@example.org", "late@example.org"]
    with time_machine.travel(deadline + timedelta(minutes=1), tick=False):
        assert draft_reminders_send(timezone.now()) == 0


def test_a_draft_submitted_before_delivery_sends_nothing():
    contest = contest_at(timezone.now(), PhaseKind.SUBMISSION)
    deadline = _phase(contest, PhaseKind.SUBMISSION).ends_at
    project = ProjectFactory(contest=contest, status=ProjectStatus.DRAFT)
    with time_machine.travel(deadline - timedelta(days=1), tick=False):
        assert draft_reminders_send(timezone.now()) == 1  # queued, not delivered yet
        type(project).objects.filter(pk=project.pk).update(status=ProjectStatus.SUBMITTED)
        assert _sent_to() == []


@pytest.fixture
def ballot():
    """A contest in voting with nominees in C1, C2 and C3 (none in the other categories)."""
    contest = contest_at(timezone.now(), PhaseKind.VOTING)
    projects = {
        code: ProjectFactory(contest=contest, category=category(contest, code))
        for code in ("C1", "C2", "C3")
    }
    return contest, projects


def test_voter_who_opted_in_is_reminded_only_of_categories_not_voted(client, ballot):
    contest, projects = ballot
    closes = _phase(contest, PhaseKind.VOTING).ends_at
    voter = StakeholderFactory(email="voter@example.org")
    client.force_login(voter)
    response = client.post(reverse("prizes:vote_reminder", args=[contest.year]), {"remind": "1"})
    assert response.status_code == 302
    assert VotingReminder.objects.filter(contest=contest, voter=voter).exists()
    vote(projects["C1"], voter=voter)
    # Did not opt in: never reminded, whatever they voted.
    StakeholderFactory(email="quiet@example.org")
    # Opted in but voted in every category one can vote in: nothing to remind.
    complete = StakeholderFactory(email="complete@example.org")
    VotingReminder.objects.create(contest=contest, voter=complete)
    for project in projects.values():
        vote(project, voter=complete)

    with time_machine.travel(closes - timedelta(days=5), tick=False):
        assert vote_reminders_send(timezone.now()) == 0
    with time_machine.travel(closes - timedelta(days=2), tick=False):
        assert vote_reminders_send(timezone.now()) == 1
        assert vote_reminders_send(timezone.now()) == 0
        assert _sent_to() == ["voter@example.org"]
    body = mail.outbox[0].body
    c1, c2, c3 = (category(contest, code) for code in ("C1", "C2", "C3"))
    assert str(c2.action_line) in body and str(c3.action_line) in body
    assert str(c1.action_line) not in body  # voted there already
    assert str(category(contest, "C4").action_line) not in body  # nothing to vote for there
    assert reverse("prizes:ballot_category", args=[contest.year, "C2"]) in body

    # Opting in on the last day still brings one reminder.
    late = StakeholderFactory(email="late-voter@example.org")
    with time_machine.travel(closes - timedelta(hours=12), tick=False):
        client.force_login(late)
        client.post(reverse("prizes:vote_reminder", args=[contest.year]), {"remind": "1"})
        assert vote_reminders_send(timezone.now()) == 1
        assert vote_reminders_send(timezone.now()) == 0
        assert _sent_to() == ["late-voter@example.org", "voter@example.org"]


def test_opting_out_or_voting_everywhere_before_delivery_sends_nothing(client, ballot):
    contest, projects = ballot
    closes = _phase(contest, PhaseKind.VOTING).ends_at
    leaves, finishes = StakeholderFactory(), StakeholderFactory()
    for user in (leaves, finishes):
        VotingReminder.objects.create(contest=contest, voter=user)
    with time_machine.travel(closes - timedelta(days=1), tick=False):
        assert vote_reminders_send(timezone.now()) == 2
        client.force_login(leaves)
        client.post(reverse("prizes:vote_reminder", args=[contest.year]), {"remind": "0"})
        for project in projects.values():
            vote(project, voter=finishes)
        assert _sent_to() == []


def test_the_ballot_offers_the_reminder_and_refuses_it_once_voting_closed(client, ballot):
    contest, _projects = ballot
    voter = StakeholderFactory()
    client.force_login(voter)
    page = client.get(reverse("prizes:ballot", args=[contest.year])).content.decode()
    assert "Remind me before voting closes" in page
    client.post(reverse("prizes:vote_reminder", args=[contest.year]), {"remind": "1"})
    page = client.get(reverse("prizes:ballot", args=[contest.year])).content.decode()
    assert "Stop the reminder" in page
    closes = _phase(contest, PhaseKind.VOTING).ends_at
    with time_machine.travel(closes + timedelta(minutes=1), tick=False):
        client.force_login(voter)  # the earlier session has expired by then
        url = reverse("prizes:vote_reminder", args=[contest.year])
        response = client.post(url, {"remind": "0"})
        assert response.status_code == 403
        assert "phase ended" in response.content.decode()
    assert VotingReminder.objects.filter(voter=voter).exists()
    client.logout()
    assert client.post(url, {"remind": "1"}).status_code == 302  # to the sign-in page
    assert VotingReminder.objects.count() == 1
