"""Sessions as the seeds describe them: a type apart from the building block, a rapporteur,
speakers with their country, and a "More information" link that is not "Join remotely"."""

import pytest

from forum.enums import SessionFormat, SessionRole, SessionType
from forum.models import SessionPerson
from tests.factories.forum_programme import EditionFactory, PersonFactory, SessionFactory

pytestmark = pytest.mark.django_db


def test_session_page_shows_type_rapporteur_and_speaker_country(client):
    session = SessionFactory(session_type=SessionType.ROUND_TABLE)
    SessionPerson.objects.create(
        session=session,
        person=PersonFactory(name="Liberato Bautista", country="PH"),
        role=SessionRole.SPEAKER,
    )
    SessionPerson.objects.create(
        session=session, person=PersonFactory(name="Note Taker"), role=SessionRole.RAPPORTEUR
    )
    response = client.get(session.get_absolute_url())
    body = response.content.decode()
    assert "Round table" in body
    assert "Philippines" in body
    assert "Rapporteur" in body
    assert [r.person.name for r in response.context["roles"]][-1] == "Note Taker"


def test_more_information_link_is_not_called_join_remotely(client):
    session = SessionFactory(
        format=SessionFormat.IN_PERSON,
        remote_participation_url="",
        more_info_url="https://example.org/about-the-event",
    )
    body = client.get(session.get_absolute_url()).content.decode()
    assert 'href="https://example.org/about-the-event" rel="noopener">More information</a>' in body
    assert "Join remotely" not in body


def test_programme_filters_by_session_type(client):
    edition = EditionFactory()
    SessionFactory(edition=edition, title="A workshop", session_type=SessionType.WORKSHOP)
    SessionFactory(edition=edition, title="A round table", session_type=SessionType.ROUND_TABLE)
    body = client.get(f"/forum/{edition.year}/programme/?session_type=round_table").content
    assert b"A round table" in body and b"A workshop" not in body
