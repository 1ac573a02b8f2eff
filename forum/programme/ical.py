"""iCalendar (RFC 5545) exports of sessions, with times in UTC.

Written out directly rather than through the ``icalendar`` library's component objects:
a programme of 2,500 sessions took most of a second to build that way, and the handful of
properties a session has need only the standard's text escaping and line folding. The
whole programme is built from plain rows (``.values()``, no model instances) and its
finished bytes are cached under the programme version (``forum.programme.caching``).
``tests/forum/test_ical.py`` reads the output back with ``icalendar`` and compares it
with what the library builds.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from datetime import UTC, datetime
from typing import Any

from django.utils import timezone

from ..models import Session

PRODID = "-//ITU//WSIS Forum portal//EN"
LINE_OCTETS = 75
_SPECIAL = re.compile(r"[\\;,\r\n]")
# What a VEVENT needs of a session, read with .values() for a whole programme.
ROW_FIELDS = (
    "pk",
    "title",
    "description",
    "starts_at",
    "ends_at",
    "room",
    "remote_participation_url",
    "building_block_id",
)


def session_uid(session: Session) -> str:
    return f"wsis-forum-session-{session.pk}@wsis.org"


def escape_text(value: str) -> str:
    """A TEXT value: backslash, semicolon, comma and line breaks escaped (RFC 5545 3.3.11)."""
    if not _SPECIAL.search(value):  # most rooms and many titles: nothing to escape
        return value
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
    if line.isascii():  # one octet a character: cut by slicing
        if len(line) <= LINE_OCTETS:
            return line
        rest = line[LINE_OCTETS:]
        step = LINE_OCTETS - 1
        return "\r\n ".join(
            [line[:LINE_OCTETS], *(rest[i : i + step] for i in range(0, len(rest), step))]
        )
    if len(line.encode()) <= LINE_OCTETS:
        return line
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
    # Cut from isoformat() ("2027-05-10T07:00:00+00:00"): several times faster than strftime
    # over the 5,000 times of a large programme.
    iso = value.astimezone(UTC).isoformat()
    return f"{iso[0:4]}{iso[5:7]}{iso[8:10]}T{iso[11:13]}{iso[14:16]}{iso[17:19]}Z"


def session_row(session: Session) -> dict[str, Any]:
    """The row ``.values(*ROW_FIELDS)`` gives, taken from a session already in memory."""
    return {name: getattr(session, name) for name in ROW_FIELDS}


def _event_lines(row: Mapping[str, Any], *, url: str, category: str, stamp: str) -> list[str]:
    # Only the lines of free text can pass 75 octets; the others are short by construction.
    lines = [
        "BEGIN:VEVENT",
        f"UID:wsis-forum-session-{row['pk']}@wsis.org",
        f"DTSTAMP:{stamp}",
        f"DTSTART:{utc_stamp(row['starts_at'])}",
        f"DTEND:{utc_stamp(row['ends_at'])}",
        fold(f"SUMMARY:{escape_text(row['title'])}"),
    ]
    if row["room"]:
        lines.append(fold(f"LOCATION:{escape_text(row['room'])}"))
    description = row["description"]
    if row["remote_participation_url"]:
        description = f"{description}\n\n{row['remote_participation_url']}".strip()
    if description:
        lines.append(fold(f"DESCRIPTION:{escape_text(description)}"))
    lines.append(fold(f"URL:{url}"))
    lines.append(fold(f"CATEGORIES:{escape_text(category)}"))
    lines.append("END:VEVENT")
    return lines


def calendar_from_rows(
    rows: Iterable[Mapping[str, Any]],
    *,
    name: str,
    url_of: Callable[[int], str],
    categories: Mapping[int, str],
) -> bytes:
    """One VCALENDAR with a VEVENT per row; ``url_of(pk)`` is a session's absolute link and
    ``categories`` the building block names by id."""
    stamp = utc_stamp(timezone.now())
    lines = [
        "BEGIN:VCALENDAR",
        f"PRODID:{escape_text(PRODID)}",
        "VERSION:2.0",
        "CALSCALE:GREGORIAN",
        # As the library writes this non-standard property: unescaped, on one line.
        fold("X-WR-CALNAME:" + " ".join(str(name).split())),
    ]
    for row in rows:
        lines.extend(
            _event_lines(
                row,
                url=url_of(row["pk"]),
                category=categories.get(row["building_block_id"], ""),
                stamp=stamp,
            )
        )
    lines.append("END:VCALENDAR")
    return ("\r\n".join(lines) + "\r\n").encode()


def calendar_bytes(sessions: Iterable[Session], *, name: str, base_url: str) -> bytes:
    """The calendar of sessions already in memory (one session's page); ``base_url`` makes
    the session links absolute."""
    sessions = list(sessions)
    return calendar_from_rows(
        [session_row(s) for s in sessions],
        name=name,
        url_of={s.pk: base_url + s.get_absolute_url() for s in sessions}.__getitem__,
        categories={s.building_block_id: str(s.building_block) for s in sessions},
    )
