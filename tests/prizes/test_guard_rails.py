"""The Secretariat's guard rails on Winner decisions (issue 14, item 4)."""

from datetime import timedelta

import pytest
import time_machine
from django.db.models import F
from django.urls import reverse
from django.utils import timezone

from accounts.roles import EXPERT_GROUP
from forum.models import Edition
from prizes.enums import PhaseKind, ProjectStatus
from prizes.models import ContestPhase, ExpertAssignment
from prizes.services import expert_score_save, winner_confirm, winner_revoke
from tests.factories.accounts import UserFactory
from tests.factories.prizes import ProjectFactory, contest_at
from wsis_portal.refusals import Refusal


@pytest.fixture
def selection(db):
    """Selection phase after the final tally; the ceremony (publication) weeks later."""
    contest = contest_at(timezone.now(), PhaseKind.SELECTION)
    ContestPhase.objects.filter(contest=contest, kind=PhaseKind.VOTING).update(
        end_applied_at=timezone.now()
    )
    ContestPhase.objects.filter(contest=contest, kind=PhaseKind.CEREMONY).update(
        starts_at=F("starts_at") + timedelta(days=30), ends_at=F("ends_at") + timedelta(days=30)
    )
    Edition.objects.filter(pk=contest.edition_id).update(
        starts_on=F("starts_on") + timedelta(days=30), ends_on=F("ends_on") + timedelta(days=30)
    )
    a, b = (ProjectFactory(contest=contest, status=ProjectStatus.CHAMPION) for _ in range(2))
    experts = [UserFactory(groups=[EXPERT_GROUP]) for _ in range(2)]
    for expert in experts:
        ExpertAssignment.objects.create(contest=contest, expert=expert).categories.add(a.category)
    return contest, a, b, experts


def _score(experts, project, *scores):
    for expert, score in zip(experts, scores, strict=True):
        expert_score_save(expert=expert, project=project, score=score)


def test_second_winner_refused_without_a_tie(selection):
    _contest, a, b, experts = selection
    _score(experts, a, 9, 8)
    _score(experts, b, 7, 8)
    winner_confirm(project=a, by=None)
    with pytest.raises(Refusal, match="already has a Winner") as refused:
        winner_confirm(project=b, by=None)
    assert refused.value.code == "second_winner"
    b.refresh_from_db()
    assert b.status == ProjectStatus.CHAMPION


def test_second_winner_allowed_when_the_expert_scores_tie(selection):
    _contest, a, b, experts = selection
    _score(experts, a, 9, 7)
    _score(experts, b, 8, 8)
    winner_confirm(project=a, by=None)
    winner_confirm(project=b, by=None)
    a.refresh_from_db()
    b.refresh_from_db()
    assert a.status == b.status == ProjectStatus.WINNER


def test_withdrawing_a_winner_needs_a_reason(selection):
    _contest, a, _b, _experts = selection
    staff = UserFactory(is_staff=True)
    winner_confirm(project=a, by=staff)
    with pytest.raises(Refusal, match="reason"):
        winner_revoke(project=a, by=staff, reason="  ")
    a.refresh_from_db()
    assert a.status == ProjectStatus.WINNER
    winner_revoke(project=a, by=staff, reason="Conflict of interest found")
    a.refresh_from_db()
    assert (a.status, a.status_reason) == (ProjectStatus.CHAMPION, "Conflict of interest found")


def test_decisions_refused_once_results_are_published(selection):
    contest, a, b, _experts = selection
    staff = UserFactory(is_staff=True)
    winner_confirm(project=a, by=staff)
    ceremony = ContestPhase.objects.get(contest=contest, kind=PhaseKind.CEREMONY)
    with time_machine.travel(ceremony.starts_at, tick=False):
        with pytest.raises(Refusal, match="published"):
            winner_confirm(project=b, by=staff)
        with pytest.raises(Refusal, match="published"):
            winner_revoke(project=a, by=staff, reason="Too late")
    a.refresh_from_db()
    b.refresh_from_db()
    assert (a.status, b.status) == (ProjectStatus.WINNER, ProjectStatus.CHAMPION)


def test_admin_action_shows_a_confirmation_page_before_deciding(admin_client, selection):
    _contest, a, _b, _experts = selection
    url = reverse("admin:prizes_project_changelist")
    data = {"action": "confirm_winner", "_selected_action": [a.pk], "reason": ""}
    page = admin_client.post(url, data)
    assert page.status_code == 200
    body = page.content.decode()
    assert a.title in body and 'name="confirm" value="yes"' in body
    assert f'name="_selected_action" value="{a.pk}"' in body
    a.refresh_from_db()
    assert a.status == ProjectStatus.CHAMPION  # nothing changed yet
    done = admin_client.post(url, {**data, "confirm": "yes"}, follow=True)
    a.refresh_from_db()
    assert a.status == ProjectStatus.WINNER
    assert "1 done." in done.content.decode()


def test_admin_shows_why_a_second_winner_is_refused(admin_client, selection):
    _contest, a, b, experts = selection
    _score(experts, a, 9, 9)
    _score(experts, b, 5, 5)
    winner_confirm(project=a, by=None)
    response = admin_client.post(
        reverse("admin:prizes_project_changelist"),
        {"action": "confirm_winner", "_selected_action": [b.pk], "confirm": "yes"},
        follow=True,
    )
    assert "already has a Winner" in response.content.decode()
    b.refresh_from_db()
    assert b.status == ProjectStatus.CHAMPION


def test_admin_withdraw_without_reason_is_refused_with_the_reason(admin_client, selection):
    _contest, a, _b, _experts = selection
    winner_confirm(project=a, by=None)
    url = reverse("admin:prizes_project_changelist")
    data = {"action": "revoke_winner", "_selected_action": [a.pk], "reason": ""}
    page = admin_client.post(url, data).content.decode()
    assert 'name="reason"' in page  # the reason can still be typed on the confirmation page
    response = admin_client.post(url, {**data, "confirm": "yes"}, follow=True)
    assert "Give a reason for withdrawing" in response.content.decode()
    a.refresh_from_db()
    assert a.status == ProjectStatus.WINNER
    admin_client.post(url, {**data, "reason": "Ineligible", "confirm": "yes"})
    a.refresh_from_db()
    assert a.status == ProjectStatus.CHAMPION


@pytest.mark.parametrize(
    ("changelist", "action"),
    [
        ("admin:prizes_project_changelist", "nominate"),
        ("admin:prizes_project_changelist", "decline"),
        ("admin:prizes_vote_changelist", "invalidate"),
        ("admin:consultations_submission_changelist", "mark_accepted"),
        ("admin:account_emailaddress_changelist", "make_verified"),
        ("admin:wsis_portal_outboxmessage_changelist", "retry_now"),
    ],
)
def test_every_state_changing_action_asks_first(admin_client, changelist, action):
    """Without confirm=yes the action only shows its confirmation page (an empty selection
    of ids still reaches the action: Django filters it to nothing)."""
    response = admin_client.post(reverse(changelist), {"action": action, "_selected_action": ["0"]})
    assert response.status_code == 200
    assert 'name="confirm" value="yes"' in response.content.decode()
