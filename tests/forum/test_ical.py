from datetime import UTC, datetime

import pytest
from icalendar import Calendar

from forum.enums import SessionFormat
from tests.factories.forum_programme import EditionFactory, SessionFactory

pytestmark = pytest.mark.django_db


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


def test_session_ics_parses_back_in_utc(client):
    session = SessionFactory(
        title="Opening, with commas; and semicolons",
        room="Popov Room",
        starts_at=datetime(2027, 5, 10, 7, 0, tzinfo=UTC),
        ends_at=datetime(2027, 5, 10, 8, 30, tzinfo=UTC),
        remote_participation_url="https://example.org/join",
    )
    calendar = parse(client.get(f"/forum/2027/sessions/{session.pk}.ics"))
    events = calendar.walk("VEVENT")
    assert len(events) == 1
    event = events[0]
    assert str(event["SUMMARY"]) == "Opening, with commas; and semicolons"
    assert str(event["LOCATION"]) == "Popov Room"
    start, end = event.decoded("DTSTART"), event.decoded("DTEND")
    assert start == datetime(2027, 5, 10, 7, 0, tzinfo=UTC)
    assert end == datetime(2027, 5, 10, 8, 30, tzinfo=UTC)
    assert start.utcoffset().total_seconds() == 0
    assert event["DTSTART"].to_ical().endswith(b"Z")
    assert str(event["URL"]).endswith(f"/forum/2027/sessions/{session.pk}/")
    assert "https://example.org/join" in str(event["DESCRIPTION"])
    assert str(event["UID"]) == f"wsis-forum-session-{session.pk}@wsis.org"


def test_programme_ics_has_every_session_and_respects_filters(client):
    edition = EditionFactory()
    other = EditionFactory(year=2026)
    ids = {
        SessionFactory(edition=edition, format=SessionFormat.ONLINE).pk,
        SessionFactory(edition=edition, format=SessionFormat.HYBRID).pk,
    }
    SessionFactory(edition=other)
    calendar = parse(client.get("/forum/2027/programme.ics"))
    uids = {str(e["UID"]) for e in calendar.walk("VEVENT")}
    assert uids == {f"wsis-forum-session-{pk}@wsis.org" for pk in ids}
    assert str(calendar["VERSION"]) == "2.0"

    online = parse(client.get("/forum/2027/programme.ics?format=online"))
    assert len(online.walk("VEVENT")) == 1


def test_session_ics_of_another_edition_is_404(client):
    session = SessionFactory()
    assert client.get(f"/forum/2026/sessions/{session.pk}.ics").status_code == 404
