"""iCalendar (RFC 5545) exports of sessions, with times in UTC."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC

from django.utils import timezone
from icalendar import Calendar, Event

from .models import Session

PRODID = "-//ITU//WSIS Forum portal//EN"


def session_uid(session: Session) -> str:
    return f"wsis-forum-session-{session.pk}@wsis.org"


def _event(session: Session, *, base_url: str, stamp) -> Event:
    event = Event()
    event.add("uid", session_uid(session))
    event.add("dtstamp", stamp)
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
    return event


def calendar_bytes(sessions: Iterable[Session], *, name: str, base_url: str) -> bytes:
    """One VCALENDAR with a VEVENT per session; ``base_url`` makes the session links absolute."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    stamp = timezone.now().astimezone(UTC)
    for session in sessions:
        calendar.add_component(_event(session, base_url=base_url, stamp=stamp))
    return calendar.to_ical()
