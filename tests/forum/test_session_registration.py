"""Per-session registration for online-only sessions, with its own deadline (issue 17, item 4;
seed 001: "Registration … (virtual participation only) … Deadline is Monday, 30 January")."""

from datetime import timedelta

import pytest
import time_machine
from django.db import IntegrityError, transaction

from forum.enums import SessionFormat
from forum.models import SessionRegistration
from forum.programme.services import session_register
from tests.factories.accounts import StakeholderFactory
from tests.factories.forum_programme import SessionFactory
from wsis_portal.refusals import Refusal

pytestmark = pytest.mark.django_db


@pytest.fixture
def online_session():
    session = SessionFactory(format=SessionFormat.ONLINE, remote_participation_url="")
    session.registration_required = True
    session.registration_closes_at = session.starts_at - timedelta(days=1)
    session.save()
    return session


def test_only_an_online_session_with_a_deadline_takes_registration():
    session = SessionFactory(format=SessionFormat.HYBRID)
    session.registration_required = True
    session.registration_closes_at = session.starts_at
    with pytest.raises(IntegrityError), transaction.atomic():
        session.save()


def test_register_before_the_deadline_once(client, online_session):
    user = StakeholderFactory()
    url = f"/forum/{online_session.edition.year}/sessions/{online_session.pk}/"
    with time_machine.travel(online_session.registration_closes_at - timedelta(hours=1)):
        client.force_login(user)
        page = client.get(url).content.decode()
        assert "Register for this session" in page
        response = client.post(url + "register/")
        assert response.status_code == 302
        client.post(url + "register/")  # a second click changes nothing
        page = client.get(url).content.decode()
    assert SessionRegistration.objects.filter(session=online_session, user=user).count() == 1
    assert "You are registered for this online session." in page


def test_registration_is_refused_one_second_after_the_deadline(online_session):
    user = StakeholderFactory()
    with pytest.raises(Refusal, match="closed"):
        session_register(
            session=online_session,
            user=user,
            now=online_session.registration_closes_at + timedelta(seconds=1),
        )
    assert not SessionRegistration.objects.exists()


def test_session_without_its_own_registration_refuses(online_session):
    other = SessionFactory(format=SessionFormat.ONLINE)
    with pytest.raises(Refusal, match="no registration of its own"):
        session_register(session=other, user=StakeholderFactory(), now=other.starts_at)


def test_anonymous_visitor_is_asked_to_sign_in(client, online_session):
    url = f"/forum/{online_session.edition.year}/sessions/{online_session.pk}/"
    with time_machine.travel(online_session.registration_closes_at - timedelta(hours=1)):
        page = client.get(url).content.decode()
        assert "Sign in to register" in page
        assert client.post(url + "register/").status_code == 302
    assert not SessionRegistration.objects.exists()
