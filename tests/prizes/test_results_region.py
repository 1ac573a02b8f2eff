"""Prize results by region: "WSIS Prize winners from the region" (seed 003)."""

import pytest
from django.utils import timezone

from prizes.enums import PhaseKind, ProjectStatus
from prizes.models import ContestPhase
from tests.factories.prizes import ProjectFactory, contest_at

pytestmark = pytest.mark.django_db


def test_results_filter_by_itu_region(client):
    contest = contest_at(timezone.now(), "after")
    ContestPhase.objects.filter(contest=contest, kind=PhaseKind.VOTING).update(
        end_applied_at=timezone.now()
    )
    ProjectFactory(
        contest=contest, title="Kenyan champion", country="KE", status=ProjectStatus.CHAMPION
    )
    ProjectFactory(
        contest=contest, title="Thai champion", country="TH", status=ProjectStatus.CHAMPION
    )
    url = f"/prizes/{contest.year}/results/"
    everything = client.get(url).content.decode()
    assert "Kenyan champion" in everything and "Thai champion" in everything
    asia = client.get(url + "?region=asia-pacific").content.decode()
    assert "Thai champion" in asia and "Kenyan champion" not in asia
    assert 'value="asia-pacific" selected' in asia
    # An unknown region shows every region rather than an error.
    odd = client.get(url + "?region=%00x")
    assert odd.status_code in (200, 400)
    assert "Kenyan champion" in client.get(url + "?region=mars").content.decode()
