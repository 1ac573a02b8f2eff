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


def library_calendar(sessions, *, name: str, base_url: str) -> Calendar:
    """The calendar as the ``icalendar`` library builds it (how the export was first made)."""
    from icalendar import Event

    from forum.programme.ical import PRODID, session_uid

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    for session in sessions:
        event = Event()
        event.add("uid", session_uid(session))
        event.add("dtstart", session.starts_at.astimezone(UTC))
        event.add("dtend", session.ends_at.astimezone(UTC))
        event.add("summary", session.title)
        if session.room:
            event.add("location", session.room)
        description = session.description
        if session.remote_participation_url:
            description = f"{description}\n\n{session.remote_participation_url}".strip()
        if description:
            event.add("description", description)
        event.add("url", base_url + session.get_absolute_url())
        event.add("categories", [str(session.building_block)])
        calendar.add_component(event)
    return calendar


def test_written_calendar_reads_back_as_the_library_builds_it():
    from forum.programme.ical import calendar_bytes

    tricky = [
        SessionFactory(
            title="Ouverture, avec virgules; points-virgules \\ et barre — ÉDITION 2027 " * 3,
            description="Line one,\nline two; \\ «guillemets» 中文会议 العربية " * 4,
            room="Salle Popov, 2e étage",
            remote_participation_url="https://example.org/join?x=1,2;3",
        ),
        SessionFactory(title="Short", description="plain words, folded by slicing " * 9, room=""),
    ]
    name = "WSIS Forum 2027, programme; all"
    written = Calendar.from_ical(
        calendar_bytes(tricky, name=name, base_url="https://www.example.org")
    )
    built = Calendar.from_ical(
        library_calendar(tricky, name=name, base_url="https://www.example.org").to_ical()
    )
    assert str(written["X-WR-CALNAME"]) == str(built["X-WR-CALNAME"])
    assert str(written["PRODID"]) == str(built["PRODID"])
    ours, theirs = written.walk("VEVENT"), built.walk("VEVENT")
    assert len(ours) == len(theirs) == 2
    for mine, reference in zip(ours, theirs, strict=True):
        for key in ("UID", "SUMMARY", "LOCATION", "DESCRIPTION", "URL"):
            assert str(mine.get(key)) == str(reference.get(key)), key
        for key in ("DTSTART", "DTEND"):
            assert mine.decoded(key) == reference.decoded(key)
        assert mine["CATEGORIES"].cats == reference["CATEGORIES"].cats
    for line in calendar_bytes(tricky, name=name, base_url="https://x.org").split(b"\r\n"):
        assert len(line) <= 75
