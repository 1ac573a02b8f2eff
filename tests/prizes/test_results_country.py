"""Prize results by country (beside the ITU region), and the links to the certificates and
the booklet once the results are published."""

from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from prizes.enums import PhaseKind, ProjectStatus
from prizes.models import ContestPhase
from tests.factories.accounts import StakeholderFactory
from tests.factories.prizes import ProjectFactory, contest_at

pytestmark = pytest.mark.django_db


@pytest.fixture
def decided():
    contest = contest_at(timezone.now(), "after")
    ContestPhase.objects.filter(contest=contest, kind=PhaseKind.VOTING).update(
        end_applied_at=timezone.now()
    )
    return contest


def test_results_filter_by_country_and_region(client, decided):
    ProjectFactory(contest=decided, title="Kenyan winner", country="KE", status="winner")
    ProjectFactory(contest=decided, title="Thai champion", country="TH", status="champion")
    ProjectFactory(contest=decided, title="Indian champion", country="IN", status="champion")
    url = reverse("prizes:results", args=[decided.year])
    page = client.get(url).content.decode()
    for title in ("Kenyan winner", "Thai champion", "Indian champion"):
        assert title in page
    # Only countries with a Champion or Winner are offered, by name.
    assert '<option value="TH">Thailand</option>' in page
    assert 'value="FR"' not in page
    thai = client.get(url + "?country=th").content.decode()
    assert "Thai champion" in thai and "Indian champion" not in thai
    assert "Kenyan winner" not in thai
    assert 'value="TH" selected' in thai
    both = client.get(url + "?region=asia-pacific&country=IN").content.decode()
    assert "Indian champion" in both and "Thai champion" not in both
    # A country outside the region: nothing, not an error.
    none = client.get(url + "?region=africa&country=IN")
    assert none.status_code == 200 and "Indian champion" not in none.content.decode()
    # An unknown country shows every country.
    assert "Thai champion" in client.get(url + "?country=ZZ").content.decode()
    assert client.get(url + "?country=%00%ff").status_code in (200, 400)


@pytest.mark.parametrize("projects", [1, 3])
def test_results_query_count_with_country_filter(
    client, decided, projects, django_assert_max_num_queries
):
    for n in range(projects):
        ProjectFactory(contest=decided, country=["KE", "TH", "IN"][n], status="champion")
    with django_assert_max_num_queries(7):
        response = client.get(reverse("prizes:results", args=[decided.year]) + "?country=KE")
    assert response.status_code == 200


def test_project_page_links_the_certificate_once_results_are_published(client):
    contest = contest_at(timezone.now(), PhaseKind.SELECTION)
    ContestPhase.objects.filter(contest=contest, kind=PhaseKind.VOTING).update(
        end_applied_at=timezone.now()
    )
    owner = StakeholderFactory()
    winner = ProjectFactory(contest=contest, status=ProjectStatus.WINNER, submitter=owner)
    certificate = reverse("prizes:certificate", args=[contest.year, winner.pk])
    client.force_login(owner)
    assert certificate not in client.get(winner.get_absolute_url()).content.decode()
    ceremony = ContestPhase.objects.get(contest=contest, kind=PhaseKind.CEREMONY)
    with time_machine.travel(ceremony.starts_at + timedelta(minutes=5), tick=False):
        client.force_login(owner)
        page = client.get(winner.get_absolute_url()).content.decode()
        assert certificate in page and "Winner's certificate (PDF)" in page
        results = client.get(reverse("prizes:results", args=[contest.year])).content.decode()
        assert reverse("prizes:booklet", args=[contest.year]) in results
