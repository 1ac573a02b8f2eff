import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from forum.models import SDG
from prizes.enums import PhaseKind, ProjectStatus
from prizes.models import ContestPhase
from prizes.selectors import home_items, matrix_counts
from prizes.services import tally_compute
from tests.factories.prizes import ProjectFactory, category, contest_at, vote
from wsis_portal.registry import registry


def test_index_lists_current_and_archive(client, db):
    current = contest_at(timezone.now(), PhaseKind.VOTING)
    past = contest_at(timezone.now(), "after")
    body = client.get(reverse("prizes:index")).content.decode()
    assert current.title in body and past.title in body
    assert body.index(current.title) < body.index("Past contests") < body.index(past.title)


def test_contest_page_shows_timeline_with_current_phase(client, voting_contest):
    body = client.get(reverse("prizes:contest", args=[voting_contest.year])).content.decode()
    assert body.count('aria-current="step"') == 1
    assert "Public online voting" in body and "left" in body


def test_unknown_year_is_404(client, db):
    assert client.get(reverse("prizes:contest", args=[1999])).status_code == 404


@pytest.mark.parametrize("count", [1, 3])
def test_results_page_query_budget(client, db, count, django_assert_num_queries):
    contest = contest_at(timezone.now(), "after")
    ContestPhase.objects.filter(contest=contest, kind=PhaseKind.VOTING).update(
        end_applied_at=timezone.now()
    )
    for i in range(count):
        project = ProjectFactory(
            contest=contest,
            category=category(contest, f"C{i + 1}"),
            status=ProjectStatus.WINNER,
        )
        vote(project)
    tally_compute(contest=contest)
    url = reverse("prizes:results", args=[contest.year])
    # session-less visitor: contest + phases, categories, champions with tallies
    with django_assert_num_queries(4):
        body = client.get(url).content.decode()
    assert body.count("prizes-winner") == count


@pytest.mark.parametrize("count", [1, 3])
def test_live_results_query_budget(client, db, count, django_assert_num_queries):
    contest = contest_at(timezone.now(), PhaseKind.VOTING, live_results_public=True)
    for i in range(count):
        vote(ProjectFactory(contest=contest, category=category(contest, f"C{i + 1}")))
    tally_compute(contest=contest)
    with django_assert_num_queries(5):
        body = client.get(reverse("prizes:results", args=[contest.year])).content.decode()
    assert "live counts" in body
    # One bar chart per category with votes, its data table collapsed below it.
    assert body.count('role="img"') == count
    assert body.count('<details class="data-table">') == count
    assert "leads with 1 valid vote so far" in body


def test_live_results_hidden_when_not_allowed(client, nominated):
    vote(nominated[0])
    tally_compute(contest=nominated[0].contest)
    body = client.get(reverse("prizes:results", args=[nominated[0].contest.year])).content.decode()
    assert "Valid votes" not in body
    assert "published here once public voting has closed" in body


def test_my_page_lists_projects_and_votes(client, nominated, stakeholder):
    mine = ProjectFactory(
        contest=nominated[0].contest, submitter=stakeholder, status=ProjectStatus.WINNER
    )
    vote(nominated[0], voter=stakeholder)
    client.force_login(stakeholder)
    body = client.get(reverse("accounts:my")).content.decode()
    assert mine.title in body and nominated[0].title in body
    # Decisions stay unpublished: no Champion before the announcement date, no Winner
    # before the ceremony.
    assert "<td>Champion" not in body and "<td>Winner" not in body
    assert "<td>Nominated</td>" in body
    certificate = reverse("prizes:certificate", args=[mine.contest.year, mine.pk])
    assert certificate not in body
    ceremony = ContestPhase.objects.get(contest=mine.contest, kind=PhaseKind.CEREMONY)
    with time_machine.travel(ceremony.starts_at, tick=False):
        client.force_login(stakeholder)  # weeks later: a new session
        body = client.get(reverse("accounts:my")).content.decode()
    # The status, and from the ceremony on the Winner's certificate beside it.
    assert "<td>Winner · " in body and f'href="{certificate}"' in body


def test_home_items_show_open_voting(nominated):
    items = home_items(timezone.now())
    assert any(reverse("prizes:ballot", args=[nominated[0].contest.year]) == i.url for i in items)
    assert home_items in registry.home


def test_matrix_counts_projects_by_action_line_and_sdg(nominated):
    sdg = SDG.objects.get(number=9)
    nominated[0].sdgs.add(sdg)
    nominated[2].sdgs.add(sdg)
    ProjectFactory(contest=nominated[0].contest, status=ProjectStatus.DRAFT).sdgs.add(sdg)
    assert matrix_counts() == {("C1", 9): 1, ("C2", 9): 1}


def test_seed_demo_is_idempotent(db):
    from prizes import demo
    from prizes.models import Contest, Project, Vote

    demo.seed(votes=36)
    demo.seed(votes=36)
    assert Contest.objects.count() == 2
    current = Contest.objects.get(year=demo.current_edition().year)
    assert Project.objects.filter(contest=current, status=ProjectStatus.NOMINATED).count() == 180
    assert Vote.objects.filter(contest=current).count() == 36
    past = Contest.objects.get(year=demo.PAST_YEAR)
    assert Project.objects.filter(contest=past, status=ProjectStatus.WINNER).count() == 18
    # Each contest belongs to the edition whose days hold its ceremony.
    for contest in (current, past):
        ceremony = contest.phases.get(kind="ceremony")
        assert contest.edition.starts_on <= timezone.localtime(ceremony.starts_at).date()
        assert timezone.localtime(ceremony.ends_at).date() <= contest.edition.ends_on


def test_action_line_page_lists_published_winners(client, db):
    from prizes.models import ContestPhase as Phase

    contest = contest_at(timezone.now(), PhaseKind.SELECTION)
    winner = ProjectFactory(contest=contest, status=ProjectStatus.WINNER)
    url = reverse("forum:action_line", args=["C1"])
    assert winner.title not in client.get(url).content.decode()
    ceremony = Phase.objects.get(contest=contest, kind=PhaseKind.CEREMONY)
    with time_machine.travel(ceremony.starts_at, tick=False):
        assert winner.title in client.get(url).content.decode()
