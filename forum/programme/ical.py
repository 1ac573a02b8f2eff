"""iCalendar (RFC 5545) exports of sessions, with times in UTC.

Written out directly rather than through the ``icalendar`` library's component objects:
a programme of 2,500 sessions took most of a second to build that way, and the handful of
properties a session has need only the standard's text escaping and line folding.
``tests/forum/test_ical.py`` reads the output back with ``icalendar`` and compares it
with what the library builds.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

from django.utils import timezone

from ..models import Session

PRODID = "-//ITU//WSIS Forum portal//EN"
LINE_OCTETS = 75


def session_uid(session: Session) -> str:
    return f"wsis-forum-session-{session.pk}@wsis.org"


def escape_text(value: str) -> str:
    """A TEXT value: backslash, semicolon, comma and line breaks escaped (RFC 5545 3.3.11)."""
    return (
        value.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\r", "\\n")
        .replace("\n", "\\n")
    )


def fold(line: str) -> str:
    """Fold a content line at 75 octets, never inside a UTF-8 character (RFC 5545 3.1)."""
    if len(line) <= LINE_OCTETS // 4 or len(line.encode()) <= LINE_OCTETS:
        return line
    if line.isascii():  # one octet a character: cut by slicing
        rest = line[LINE_OCTETS:]
        step = LINE_OCTETS - 1
        return "\r\n ".join(
            [line[:LINE_OCTETS], *(rest[i : i + step] for i in range(0, len(rest), step))]
        )
    parts: list[str] = []
    current: list[str] = []
    size, limit = 0, LINE_OCTETS
    for char in line:
        width = len(char.encode())
        if size + width > limit:
            parts.append("".join(current))
            current, size, limit = [], 0, LINE_OCTETS - 1  # continuation lines start with " "
        current.append(char)
        size += width
    parts.append("".join(current))
    return "\r\n ".join(parts)


def utc_stamp(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _event_lines(session: Session, *, base_url: str, stamp: str) -> list[str]:
    lines = [
        "BEGIN:VEVENT",
        f"UID:{escape_text(session_uid(session))}",
        f"DTSTAMP:{stamp}",
        f"DTSTART:{utc_stamp(session.starts_at)}",
        f"DTEND:{utc_stamp(session.ends_at)}",
        f"SUMMARY:{escape_text(session.title)}",
    ]
    if session.room:
        lines.append(f"LOCATION:{escape_text(session.room)}")
    description = session.description
    if session.remote_participation_url:
        description = f"{description}\n\n{session.remote_participation_url}".strip()
    if description:
        lines.append(f"DESCRIPTION:{escape_text(description)}")
    lines.append(f"URL:{base_url}{session.get_absolute_url()}")
    lines.append(f"CATEGORIES:{escape_text(str(session.building_block))}")
    lines.append("END:VEVENT")
    return lines


def calendar_bytes(sessions: Iterable[Session], *, name: str, base_url: str) -> bytes:
    """One VCALENDAR with a VEVENT per session; ``base_url`` makes the session links absolute."""
    stamp = utc_stamp(timezone.now())
    lines = [
        "BEGIN:VCALENDAR",
        f"PRODID:{escape_text(PRODID)}",
        "VERSION:2.0",
        "CALSCALE:GREGORIAN",
        # As the library writes this non-standard property: unescaped, on one line.
        "X-WR-CALNAME:" + " ".join(str(name).split()),
    ]
    for session in sessions:
        lines.extend(_event_lines(session, base_url=base_url, stamp=stamp))
    lines.append("END:VCALENDAR")
    return ("\r\n".join(fold(line) for line in lines) + "\r\n").encode()
