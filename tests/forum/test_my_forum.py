"""What /my/ shows of the Forum and the Prizes: one's session proposals with their state and
an edit link while the call is open, the registration windows one has not used yet, and
the certificate of a recognised project once the results are published."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from forum.proposals.enums import ProposalStatus
from prizes.enums import PhaseKind, ProjectStatus
from prizes.models import ContestPhase
from tests.factories.accounts import StakeholderFactory
from tests.factories.forum_programme import EditionFactory
from tests.factories.prizes import ProjectFactory, contest_at
from tests.factories.proposals import DURING_CALL, ProposalCallFactory, ProposalFactory

pytestmark = pytest.mark.django_db

AFTER_CALL = datetime(2027, 3, 5, 12, 0, tzinfo=UTC)


def _my(client, user) -> str:
    client.force_login(user)
    return client.get(reverse("accounts:my")).content.decode()


def test_my_proposals_show_their_state_and_an_edit_link_while_the_call_is_open(client):
    user = StakeholderFactory()
    call = ProposalCallFactory()
    draft = ProposalFactory(call=call, proposer=user, title="Open data for rivers")
    ProposalFactory(call=call, proposer=user, title="Rejected idea", status=ProposalStatus.REJECTED)
    ProposalFactory(call=call, title="Someone else's proposal")
    edit = reverse("forum:proposal_edit", args=[2027, draft.pk])
    with time_machine.travel(DURING_CALL, tick=False):
        html = _my(client, user)
    assert "My session proposals" in html
    assert "Open data for rivers" in html and "Rejected idea" in html
    assert "Someone else" not in html
    assert "Submitted" in html and "Not accepted" in html
    assert "Edit “<bdi>Open data for rivers</bdi>”" in html and f'href="{edit}"' in html
    assert "Edit “<bdi>Rejected idea</bdi>”" not in html
    with time_machine.travel(AFTER_CALL, tick=False):
        html = _my(client, user)
    assert "Open data for rivers" in html and "Edit “<bdi>Open data for rivers</bdi>”" not in html


def test_no_proposals_section_for_someone_who_proposed_nothing(client):
    assert "My session proposals" not in _my(client, StakeholderFactory())


def test_registration_windows_are_listed_until_one_registers(client):
    user = StakeholderFactory()
    edition = EditionFactory(year=2027)
    during = edition.registration_opens_at + timedelta(days=3)
    register = reverse("forum:register", args=[2027])
    with time_machine.travel(during, tick=False):
        html = _my(client, user)
        assert "WSIS Forum registration" in html and f'href="{register}"' in html
        assert "Deadline:" in html
        edition.registrations.create(user=user, mode="in_person")
        html = _my(client, user)
    assert f'href="{register}"' not in html
    with time_machine.travel(edition.registration_closes_at + timedelta(days=1), tick=False):
        assert f'href="{register}"' not in _my(client, StakeholderFactory())


def test_a_recognised_project_links_its_certificate_once_results_are_published(client):
    contest = contest_at(timezone.now(), PhaseKind.SELECTION)
    user = StakeholderFactory()
    champion = ProjectFactory(contest=contest, status=ProjectStatus.CHAMPION, submitter=user)
    certificate = reverse("prizes:certificate", args=[contest.year, champion.pk])
    assert certificate not in _my(client, user)
    ceremony = ContestPhase.objects.get(contest=contest, kind=PhaseKind.CEREMONY).starts_at
    with time_machine.travel(ceremony + timedelta(minutes=1), tick=False):
        html = _my(client, user)
    assert f'href="{certificate}"' in html and "Champion's certificate (PDF)" in html
