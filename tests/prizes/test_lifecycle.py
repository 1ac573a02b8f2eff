"""One contest through its five phases: the clock moves (time-machine) and a real Celery
worker on Redis applies the transitions."""

from datetime import timedelta

import time_machine
from django.urls import reverse
from django.utils import timezone

from accounts.roles import EXPERT_GROUP
from prizes import tasks
from prizes.enums import PhaseKind, ProjectStatus
from prizes.models import ContestPhase, ExpertAssignment, ExpertScore, Project, Tally, Vote
from prizes.services import projects_nominate, winner_confirm
from tests.conftest import wait_for
from tests.factories.accounts import StakeholderFactory, UserFactory
from tests.factories.prizes import DESCRIPTION, category, contest_at


def at(phase: ContestPhase, days: float = 1) -> time_machine.travel:
    return time_machine.travel(phase.starts_at + timedelta(days=days), tick=True)


def run_tick_on_worker() -> None:
    """What beat does every minute, as of the travelled clock, on the real worker."""
    tasks.transitions_apply.delay(at=timezone.now().isoformat())


def test_contest_lifecycle_through_five_phases(celery_worker, client):
    contest = contest_at(
        timezone.now() + timedelta(days=10), open_phase="before", champions_per_category=1
    )
    phases = {p.kind: p for p in ContestPhase.objects.filter(contest=contest)}
    submitters = [StakeholderFactory() for _ in range(3)]
    secretariat = UserFactory(is_staff=True)
    expert = UserFactory(groups=[EXPERT_GROUP])
    assignment = ExpertAssignment.objects.create(contest=contest, expert=expert)
    assignment.categories.add(category(contest, "C1"))
    year = contest.year

    # Phase 1: submission. Stakeholders enter and submit projects in the browser.
    with at(phases[PhaseKind.SUBMISSION]):
        for i, submitter in enumerate(submitters):
            client.force_login(submitter)
            response = client.post(
                reverse("prizes:submit", args=[year]),
                {
                    "category": category(contest, "C1").pk,
                    "title": f"Village broadband {i}",
                    "description": DESCRIPTION,
                    "organisation": f"Org {i}",
                    "country": "KE",
                    "stakeholder_type": "civil_society",
                    "sdgs": [str(pk) for pk in _sdg_ids()],
                    "action": "submit",
                },
            )
            assert response.status_code == 302, response.content.decode()[:2000]
        assert Project.objects.filter(status=ProjectStatus.SUBMITTED).count() == 3

    # Phase 2: nomination. Nothing of the submitters changes any more.
    with at(phases[PhaseKind.NOMINATION]):
        project = Project.objects.order_by("pk").first()
        client.force_login(project.submitter)
        page = client.get(reverse("prizes:submit_edit", args=[year, project.pk]))
        assert "The submission phase ended" in page.content.decode()
        client.post(reverse("prizes:submit_edit", args=[year, project.pk]), {"title": "Changed"})
        project.refresh_from_db()
        assert project.title == "Village broadband 0"
        projects_nominate(projects=Project.objects.all(), by=secretariat, nominate=True)

    # Phase 3: public voting; the worker applies the start of voting once.
    with at(phases[PhaseKind.VOTING]):
        run_tick_on_worker()
        wait_for(
            lambda: ContestPhase.objects.filter(
                pk=phases[PhaseKind.VOTING].pk, transition_applied_at__isnull=False
            ).exists()
        )
        favourite = Project.objects.order_by("pk").last()
        for _ in range(3):
            client.force_login(UserFactory())
            url = reverse("prizes:vote", args=[year, favourite.pk])
            assert client.get(url).status_code == 200
            assert client.post(url).status_code == 303
        client.force_login(UserFactory())
        client.post(reverse("prizes:vote", args=[year, Project.objects.order_by("pk").first().pk]))
        assert Vote.objects.count() == 4
        results = client.get(reverse("prizes:results", args=[year])).content.decode()
        assert "Champions" not in results

    # Phase 4: selection. The worker runs the final tally and names the Champion, once.
    with at(phases[PhaseKind.SELECTION]):
        voter = UserFactory()
        client.force_login(voter)
        late = client.post(reverse("prizes:vote", args=[year, favourite.pk]))
        assert late.status_code == 403  # the clock closed voting, whatever the worker did
        run_tick_on_worker()
        run_tick_on_worker()
        wait_for(
            lambda: ContestPhase.objects.filter(
                pk=phases[PhaseKind.VOTING].pk, end_applied_at__isnull=False
            ).exists(),
            timeout=60,
        )
        wait_for(lambda: Project.objects.filter(status=ProjectStatus.CHAMPION).exists())
        assert list(
            Project.objects.filter(status=ProjectStatus.CHAMPION).values_list("pk", flat=True)
        ) == [favourite.pk]
        assert Tally.objects.get(project=favourite).votes == 3
        client.force_login(expert)
        review = client.get(reverse("prizes:review", args=[year]))
        assert favourite.title in review.content.decode()
        client.post(
            reverse("prizes:review_score", args=[year, favourite.pk]),
            {f"p{favourite.pk}-score": 9, f"p{favourite.pk}-comment": "Strong impact"},
        )
        assert ExpertScore.objects.get(project=favourite, expert=expert).score == 9
        favourite.refresh_from_db()
        winner_confirm(project=favourite, by=secretariat)
        results = client.get(reverse("prizes:results", args=[year])).content.decode()
        assert "Champions" in results and favourite.title in results
        assert "prizes-winner" not in results  # the decision stays unpublished

    # Phase 5: the ceremony. The results page publishes the Winner by the clock alone.
    with at(phases[PhaseKind.CEREMONY]):
        results = client.get(reverse("prizes:results", args=[year])).content.decode()
        assert "prizes-winner" in results and favourite.title in results
    assert "ERROR" not in celery_worker.output()


def _sdg_ids():
    from forum.models import SDG

    return SDG.objects.filter(number__in=[4, 9]).values_list("pk", flat=True)
