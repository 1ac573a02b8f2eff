"""The activity log: one row per change of state, written with the change, shown in the admin."""

from datetime import timedelta

import pytest
import time_machine
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone

from accounts.roles import EXPERT_GROUP, SECRETARIAT
from consultations.services import comment_hide
from forum.enums import RegistrationStatus
from forum.programme.services import registration_cancel
from prizes.enums import PhaseKind, ProjectStatus
from prizes.models import ContestPhase, Project
from prizes.services import contest_voting_close, project_status_change, project_submit
from tests.factories.accounts import UserFactory
from tests.factories.consultations import CommentFactory
from tests.factories.forum_programme import RegistrationFactory
from tests.factories.prizes import ProjectFactory, contest_at, vote
from tests.support.refusals import refused
from wsis_portal.models import ActivityLog, ActorKind

pytestmark = pytest.mark.django_db


def _rows(obj):
    return list(
        ActivityLog.objects.filter(
            content_type=ContentType.objects.get_for_model(type(obj)), object_id=obj.pk
        ).order_by("at", "pk")
    )


def test_an_action_logs_who_what_when_why_and_the_states():
    contest = contest_at(timezone.now(), PhaseKind.SUBMISSION)
    project = ProjectFactory(contest=contest, status=ProjectStatus.DRAFT)
    project_submit(submitter=project.submitter, project=project)
    [row] = _rows(project)
    assert (row.actor, row.actor_kind, row.action) == (
        project.submitter,
        ActorKind.USER,
        "project_submit",
    )
    assert (row.field, row.before, row.after) == ("status", "draft", "submitted")
    assert row.object_repr == str(project) and row.at == project.status_changed_at


def test_a_refused_move_changes_nothing_and_logs_nothing():
    contest = contest_at(timezone.now(), PhaseKind.SUBMISSION)
    project = ProjectFactory(contest=contest, status=ProjectStatus.DRAFT)
    with refused("transition"):
        project_status_change(
            project=project, to=ProjectStatus.WINNER, by=None, action="winner_confirm"
        )
    project.refresh_from_db()
    assert project.status == ProjectStatus.DRAFT and _rows(project) == []


def test_champions_are_promoted_one_by_one_by_the_clock_with_a_log_row_each():
    UserFactory(groups=[EXPERT_GROUP])
    contest = contest_at(timezone.now(), PhaseKind.VOTING, champions_per_category=2)
    projects = [ProjectFactory(contest=contest) for _ in range(3)]
    for i, project in enumerate(projects):
        for _ in range(i + 1):
            vote(project)
    voting = ContestPhase.objects.get(contest=contest, kind=PhaseKind.VOTING)
    with time_machine.travel(voting.ends_at + timedelta(seconds=1), tick=False):
        assert contest_voting_close(phase_id=voting.pk) is True
    champions = Project.objects.filter(status=ProjectStatus.CHAMPION).order_by("pk")
    assert list(champions) == projects[1:]
    for champion in champions:
        [row] = _rows(champion)
        assert (row.actor, row.actor_kind, row.action) == (
            None,
            ActorKind.CLOCK,
            "contest_voting_close",
        )
        assert (row.before, row.after) == ("nominated", "champion")
        assert row.reason == "Among the most voted projects of the category."
    assert _rows(projects[0]) == []


def test_moderation_and_cancellation_are_logged_with_their_reason():
    secretary = UserFactory(is_staff=True)
    comment = CommentFactory()
    assert comment_hide(comment=comment, by=secretary, reason="Spam")
    assert not comment_hide(comment=comment, by=secretary, reason="Spam again")  # no change
    [row] = _rows(comment)
    assert (row.field, row.before, row.after, row.reason) == ("is_hidden", "False", "True", "Spam")
    registration = RegistrationFactory()
    registration_cancel(registration=registration)
    registration_cancel(registration=registration)  # twice: one change, one row
    [row] = _rows(registration)
    assert row.actor == registration.user and registration.status == RegistrationStatus.CANCELLED


def test_secretariat_filters_the_log_and_sees_it_on_the_object(client):
    contest = contest_at(timezone.now(), PhaseKind.SUBMISSION)
    project = ProjectFactory(contest=contest, status=ProjectStatus.DRAFT, title="Rural clinics")
    project_submit(submitter=project.submitter, project=project)
    registration_cancel(registration=RegistrationFactory())  # another kind of object
    client.force_login(UserFactory(is_staff=True, groups=[SECRETARIAT]))
    listing = client.get(
        reverse("admin:wsis_portal_activitylog_changelist"), {"action": "project_submit"}
    )
    assert listing.status_code == 200
    body = listing.content.decode()
    assert "Rural clinics" in body and "project_submit" in body
    other = client.get(
        reverse("admin:wsis_portal_activitylog_changelist"), {"action": "winner_confirm"}
    )
    assert "Rural clinics" not in other.content.decode()
    page = client.get(reverse("admin:prizes_project_change", args=[project.pk]))
    assert page.status_code == 200
    assert "project_submit" in page.content.decode()
    # Nobody edits the log, not even the Secretariat.
    row = ActivityLog.objects.get(action="project_submit")
    change = client.post(reverse("admin:wsis_portal_activitylog_change", args=[row.pk]), {})
    assert change.status_code == 403
    row.refresh_from_db()
    assert row.action == "project_submit"
    assert client.post(reverse("admin:wsis_portal_activitylog_add")).status_code == 403
