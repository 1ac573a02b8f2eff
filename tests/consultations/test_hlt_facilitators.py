"""The year's High-Level Track facilitators on the consultation's page, once the Secretariat
publishes them (issue 14, item 10)."""

import pytest
from django.contrib.admin import helpers
from django.urls import reverse

from accounts.roles import SECRETARIAT
from forum.enums import SessionRole
from forum.models import HighLevelTheme, SessionPerson
from forum.programme.hlt_publishing import hlt_facilitators_publish, hlt_facilitators_withdraw
from tests.factories.accounts import UserFactory
from tests.factories.consultations import consultation_with_phases
from tests.factories.forum_programme import EditionFactory, PersonFactory, SessionFactory
from tests.support.refusals import refused
from wsis_portal.models import ActivityLog

pytestmark = pytest.mark.django_db


def _facilitators(edition, n: int = 1) -> list:
    theme = HighLevelTheme.objects.create(edition=edition, title="Bridging digital divides")
    session = SessionFactory(edition=edition, hlt_theme=theme)
    people = []
    for i in range(n):
        person = PersonFactory(name=f"Ada Facilitator {i}", country="KE")
        SessionPerson.objects.create(
            session=session, person=person, role=SessionRole.HLT_FACILITATOR
        )
        people.append(person)
    # A speaker of the same session is not a facilitator.
    SessionPerson.objects.create(
        session=session, person=PersonFactory(name="Sam Speaker"), role=SessionRole.SPEAKER
    )
    return people


@pytest.fixture
def consultation():
    return consultation_with_phases(edition=EditionFactory(year=2027))


def test_draft_facilitators_are_not_shown(client, consultation):
    _facilitators(consultation.edition)
    body = client.get(consultation.get_absolute_url()).content.decode()
    assert "Ada Facilitator" not in body
    assert "High-Level Track facilitators of" not in body


def test_published_facilitators_are_listed_with_their_theme(client, consultation):
    _facilitators(consultation.edition)
    staff = UserFactory(is_staff=True, groups=[SECRETARIAT])
    assert hlt_facilitators_publish(edition=consultation.edition, by=staff)
    assert not hlt_facilitators_publish(edition=consultation.edition, by=staff)  # once

    body = client.get(consultation.get_absolute_url()).content.decode()
    assert "High-Level Track facilitators of the WSIS Forum 2027" in body
    assert "Ada Facilitator 0" in body
    assert "Bridging digital divides" in body
    assert "Kenya" in body
    assert "Sam Speaker" not in body
    assert ActivityLog.objects.filter(action="hlt_facilitators_publish", actor=staff).count() == 1


def test_withdrawing_needs_a_reason_and_hides_them_again(client, consultation):
    _facilitators(consultation.edition)
    hlt_facilitators_publish(edition=consultation.edition, by=None)
    with refused("reason"):
        hlt_facilitators_withdraw(edition=consultation.edition, by=None, reason="")
    assert hlt_facilitators_withdraw(edition=consultation.edition, by=None, reason="Wrong list")
    assert "Ada Facilitator" not in client.get(consultation.get_absolute_url()).content.decode()
    assert ActivityLog.objects.get(action="hlt_facilitators_withdraw").reason == "Wrong list"


def test_the_secretariat_publishes_them_from_the_edition_list(client, consultation):
    _facilitators(consultation.edition)
    client.force_login(UserFactory(is_staff=True, groups=[SECRETARIAT]))
    url = reverse("admin:forum_edition_changelist")
    data = {
        "action": "publish_hlt_facilitators",
        helpers.ACTION_CHECKBOX_NAME: [consultation.edition.pk],
    }
    assert client.post(url, data).status_code == 200  # the confirmation page
    consultation.edition.refresh_from_db()
    assert consultation.edition.hlt_facilitators_published_at is None
    client.post(url, {**data, "confirm": "yes"})
    consultation.edition.refresh_from_db()
    assert consultation.edition.hlt_facilitators_published_at is not None


@pytest.mark.parametrize("n", [1, 3])
def test_the_page_reads_the_facilitators_in_one_query(n, client, django_assert_max_num_queries):
    consultation = consultation_with_phases(edition=EditionFactory(year=2027))
    _facilitators(consultation.edition, n)
    hlt_facilitators_publish(edition=consultation.edition, by=None)
    with django_assert_max_num_queries(5):
        body = client.get(consultation.get_absolute_url()).content.decode()
    assert body.count("Ada Facilitator") == n
