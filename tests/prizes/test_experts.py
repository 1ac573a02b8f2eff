from datetime import timedelta

import pytest
import time_machine
from django.db.models import F
from django.urls import reverse
from django.utils import timezone

from accounts.roles import EXPERT_GROUP
from forum.models import Edition
from prizes.enums import PhaseKind, ProjectStatus
from prizes.models import ContestPhase, ExpertAssignment, ExpertScore
from prizes.selectors import proposed_winners
from prizes.services import expert_score_save, winner_confirm
from tests.factories.accounts import UserFactory
from tests.factories.prizes import ProjectFactory, category, contest_at
from tests.support.refusals import NOT_ALLOWED, refused


@pytest.fixture
def selection(db):
    contest = contest_at(timezone.now(), PhaseKind.SELECTION)
    ContestPhase.objects.filter(contest=contest, kind=PhaseKind.VOTING).update(
        end_applied_at=timezone.now()
    )
    # As in the real contest, the Champions are announced (end of Phase IV) weeks before
    # the ceremony at the Forum.
    ContestPhase.objects.filter(contest=contest, kind=PhaseKind.CEREMONY).update(
        starts_at=F("starts_at") + timedelta(days=30), ends_at=F("ends_at") + timedelta(days=30)
    )
    Edition.objects.filter(pk=contest.edition_id).update(
        starts_on=F("starts_on") + timedelta(days=30), ends_on=F("ends_on") + timedelta(days=30)
    )
    c1 = [ProjectFactory(contest=contest, status=ProjectStatus.CHAMPION) for _ in range(2)]
    c2 = ProjectFactory(
        contest=contest, category=category(contest, "C2"), status=ProjectStatus.CHAMPION
    )
    expert = UserFactory(groups=[EXPERT_GROUP])
    assignment = ExpertAssignment.objects.create(contest=contest, expert=expert)
    assignment.categories.add(category(contest, "C1"))
    return contest, c1, c2, expert


def test_expert_scores_only_assigned_categories(selection):
    _contest, c1, c2, expert = selection
    expert_score_save(expert=expert, project=c1[0], score=8, comment="Good")
    expert_score_save(expert=expert, project=c1[0], score=9)  # may revise, still one row
    assert ExpertScore.objects.get(project=c1[0]).score == 9
    with refused(NOT_ALLOWED):
        expert_score_save(expert=expert, project=c2, score=5)


def test_non_expert_cannot_score_even_if_assigned(selection):
    contest, c1, _c2, _expert = selection
    outsider = UserFactory()
    ExpertAssignment.objects.create(contest=contest, expert=outsider).categories.add(c1[0].category)
    with refused(NOT_ALLOWED):
        expert_score_save(expert=outsider, project=c1[0], score=5)


def test_scoring_only_during_selection_phase(selection):
    contest, c1, _c2, expert = selection
    phase = ContestPhase.objects.get(contest=contest, kind=PhaseKind.SELECTION)
    with time_machine.travel(phase.ends_at + timedelta(seconds=1), tick=False):
        with refused("closed"):
            expert_score_save(expert=expert, project=c1[0], score=5)


def test_review_page_lists_only_assigned_champions(client, selection):
    contest, c1, c2, expert = selection
    client.force_login(expert)
    body = client.get(reverse("prizes:review", args=[contest.year])).content.decode()
    assert c1[0].title in body and c1[1].title in body and c2.title not in body
    response = client.post(
        reverse("prizes:review_score", args=[contest.year, c2.pk]), {f"p{c2.pk}-score": 3}
    )
    assert response.status_code == 403
    assert not ExpertScore.objects.exists()
    client.post(
        reverse("prizes:review_score", args=[contest.year, c1[0].pk]), {f"p{c1[0].pk}-score": 11}
    )
    assert not ExpertScore.objects.exists()  # out of range: refused with a message


def test_review_page_hidden_from_non_experts(client, selection):
    contest = selection[0]
    client.force_login(UserFactory())
    assert client.get(reverse("prizes:review", args=[contest.year])).status_code == 404


def test_proposed_winner_is_highest_mean_and_ties_stand(selection):
    _contest, c1, _c2, expert = selection
    second = UserFactory(groups=[EXPERT_GROUP])
    ExpertAssignment.objects.create(contest=c1[0].contest, expert=second).categories.add(
        c1[0].category
    )
    expert_score_save(expert=expert, project=c1[0], score=9)
    expert_score_save(expert=second, project=c1[0], score=7)
    expert_score_save(expert=expert, project=c1[1], score=7)
    assert proposed_winners(contest=c1[0].contest)[c1[0].category_id] == [c1[0].pk]
    expert_score_save(expert=second, project=c1[1], score=9)
    assert sorted(proposed_winners(contest=c1[0].contest)[c1[0].category_id]) == sorted(
        p.pk for p in c1
    )


def test_champions_hidden_until_the_announcement_date(client, selection):
    """Seed 002: "Champions will be announced on 25 April", the end of Phase IV."""
    contest, c1, _c2, _expert = selection
    url = reverse("prizes:results", args=[contest.year])
    body = client.get(url).content.decode()
    assert "Champions will be announced" in body and c1[0].title not in body
    client.force_login(c1[0].submitter)
    own = client.get(reverse("prizes:submit_edit", args=[contest.year, c1[0].pk])).content.decode()
    assert "Nominated" in own and "Champion" not in own
    announcement = ContestPhase.objects.get(contest=contest, kind=PhaseKind.SELECTION).ends_at
    with time_machine.travel(announcement, tick=False):
        body = client.get(url).content.decode()
        client.force_login(c1[0].submitter)  # weeks later: a new session
        own = client.get(
            reverse("prizes:submit_edit", args=[contest.year, c1[0].pk])
        ).content.decode()
    assert c1[0].title in body
    assert "Champion" in own


def test_winner_is_not_listed_again_among_its_categorys_champions(client, selection):
    contest, c1, _c2, _expert = selection
    winner_confirm(project=c1[0], by=UserFactory(is_staff=True))
    ceremony = ContestPhase.objects.get(contest=contest, kind=PhaseKind.CEREMONY)
    with time_machine.travel(ceremony.starts_at, tick=False):
        response = client.get(reverse("prizes:results", args=[contest.year]))
    result = next(r for r in response.context["categories"] if r.category.action_line.code == "C1")
    assert result.winners == [c1[0]]
    assert c1[0] not in result.champions and c1[1] in result.champions


def test_winners_hidden_until_ceremony(client, selection):
    contest, c1, _c2, _expert = selection
    winner_confirm(project=c1[0], by=UserFactory(is_staff=True))
    url = reverse("prizes:results", args=[contest.year])
    announcement = ContestPhase.objects.get(contest=contest, kind=PhaseKind.SELECTION).ends_at
    with time_machine.travel(announcement, tick=False):
        body = client.get(url).content.decode()
        page = client.get(reverse("prizes:project", args=[contest.year, c1[0].pk])).content.decode()
        client.force_login(c1[0].submitter)
        own = client.get(
            reverse("prizes:submit_edit", args=[contest.year, c1[0].pk])
        ).content.decode()
    assert "prizes-winner" not in body and "Champions" in body
    assert "Winner" not in page
    assert "Champion" in own and "Winner" not in own
    ceremony = ContestPhase.objects.get(contest=contest, kind=PhaseKind.CEREMONY)
    with time_machine.travel(ceremony.starts_at, tick=False):
        body = client.get(url).content.decode()
    assert "prizes-winner" in body and c1[0].title in body


def test_winner_needs_final_tally(db):
    contest = contest_at(timezone.now(), PhaseKind.VOTING)
    project = ProjectFactory(contest=contest, status=ProjectStatus.CHAMPION)
    with refused():
        winner_confirm(project=project, by=None)


def test_my_page_links_expert_to_scoring(client, selection):
    contest, _c1, _c2, expert = selection
    client.force_login(expert)
    body = client.get(reverse("accounts:my")).content.decode()
    assert reverse("prizes:review", args=[contest.year]) in body and "C1" in body


def test_projects_admin_shows_and_sorts_by_the_mean_expert_score(admin_client, selection):
    contest = selection[0]
    scored, unscored, low = (ProjectFactory(contest=contest) for _ in range(3))
    for score in (3, 4):
        ExpertScore.objects.create(project=scored, expert=UserFactory(), score=score)
    ExpertScore.objects.create(project=low, expert=UserFactory(), score=1)
    url = reverse("admin:prizes_project_changelist")
    body = admin_client.get(url).content.decode()
    assert "3.50 (2)" in body and "1.00 (1)" in body
    # mean_score is list_display's sixth column after the action checkbox.
    response = admin_client.get(url, {"o": "6"})
    shown = [p.pk for p in response.context["cl"].result_list]
    assert shown.index(low.pk) < shown.index(scored.pk)
    assert unscored.pk in shown
