"""Reads of Forum editions: programme, sessions, figures, partners, registrations."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from itertools import groupby
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import Count, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils.functional import Promise

from accounts.enums import StakeholderType
from wsis_portal.publishing import can_preview, published_q, visible
from wsis_portal.registry import MatrixItem

from ..base.regions import region_for_country
from ..enums import AttendanceMode, PartnerTier, Region, RegistrationStatus
from ..models import (
    SDG,
    ActionLine,
    BuildingBlock,
    Edition,
    Partner,
    Registration,
    Session,
    SessionPerson,
    SessionRegistration,
)
from ..proposals.visibility import programme_public_q
from .filters import SessionFilter
from .ical import ROW_FIELDS

GENEVA = ZoneInfo(settings.TIME_ZONE)


def editions() -> QuerySet[Edition]:
    """Published editions (the public list never shows a draft)."""
    return (
        Edition.objects.filter(published_q())
        .annotate(session_count=Count("sessions"))
        .order_by("-year")
    )


def edition_by_year(year: int, *, user: Any = None) -> Edition:
    """The edition of ``year``; a draft is a 404 except for staff (preview)."""
    return get_object_or_404(visible(Edition.objects.all(), user), year=year)


@dataclass
class EditionFigures:
    participants: int
    in_person: int
    remote: int
    countries: int
    sessions: int
    by_stakeholder_type: list[tuple[str | Promise, int]] = field(default_factory=list)
    by_region: list[tuple[str | Promise, int]] = field(default_factory=list)


def edition_figures(*, edition: Edition) -> EditionFigures:
    """Figures computed from the data: confirmed registrations, their countries, sessions."""
    confirmed = Registration.objects.filter(edition=edition, status=RegistrationStatus.CONFIRMED)
    totals = confirmed.aggregate(
        participants=Count("id"),
        in_person=Count("id", filter=Q(mode=AttendanceMode.IN_PERSON)),
        remote=Count("id", filter=Q(mode=AttendanceMode.REMOTE)),
        countries=Count("country", distinct=True),
    )
    per_type = dict(confirmed.values_list("stakeholder_type").annotate(n=Count("id")).order_by())
    per_region: dict[str, int] = {}
    for country, n in confirmed.values_list("country").annotate(n=Count("id")).order_by():
        region = region_for_country(country)
        if region is not None:
            per_region[region] = per_region.get(region, 0) + n
    return EditionFigures(
        participants=totals["participants"],
        in_person=totals["in_person"],
        remote=totals["remote"],
        countries=totals["countries"],
        sessions=Session.objects.filter(programme_public_q(), edition=edition).count(),
        by_stakeholder_type=[
            (label, per_type[value])
            for value, label in StakeholderType.choices
            if value in per_type
        ],
        by_region=[
            (label, per_region[value]) for value, label in Region.choices if value in per_region
        ],
    )


def partners_by_tier(*, edition: Edition) -> list[tuple[str | Promise, list[Partner]]]:
    partners = list(Partner.objects.filter(edition=edition))
    labels = dict(PartnerTier.choices)
    return [(labels[tier], list(rows)) for tier, rows in groupby(partners, key=lambda p: p.tier)]


def programme_filter(*, edition: Edition, data: Any) -> SessionFilter:
    """The edition's sessions with their tags, filtered by the request's GET parameters."""
    queryset = (
        Session.objects.filter(programme_public_q(), edition=edition)
        .select_related("building_block", "edition")
        .prefetch_related(
            Prefetch("action_lines", queryset=ActionLine.objects.order_by("number")),
            Prefetch("sdgs", queryset=SDG.objects.order_by("number")),
        )
        .order_by("starts_at", "title", "pk")
    )
    return SessionFilter(data or None, queryset=queryset)


def programme_calendar_rows(*, edition: Edition, data: Any) -> tuple[list[dict[str, Any]], bool]:
    """The filtered programme as plain rows for the iCalendar file (one query), and whether
    the filters given were valid (only then is the result worth caching)."""
    queryset = Session.objects.filter(programme_public_q(), edition=edition).order_by(
        "starts_at", "title", "pk"
    )
    filterset = SessionFilter(data or None, queryset=queryset)
    valid = not filterset.is_bound or filterset.is_valid()
    return list(filterset.qs.values(*ROW_FIELDS)), valid


def building_block_names() -> dict[int, str]:
    """Every building block's name in the active language, by id (a calendar's categories)."""
    return {block.pk: str(block) for block in BuildingBlock.objects.all()}


@dataclass
class ProgrammeDay:
    day: date
    sessions: list[Session]


def programme_days(sessions: Iterable[Any], *, now: datetime) -> list[ProgrammeDay]:
    """Group sessions (already ordered by start) by their day in Geneva; mark those under way."""
    days: list[ProgrammeDay] = []
    for day, rows in groupby(sessions, key=lambda s: s.starts_at.astimezone(GENEVA).date()):
        items = list(rows)
        for session in items:
            session.happening_now = session.is_happening(now)
        days.append(ProgrammeDay(day=day, sessions=items))
    return days


def programme_days_next_change(days: list[ProgrammeDay], *, now: datetime) -> datetime | None:
    """When a session of these days next starts or ends: its "Happening now" mark changes."""
    moments = [
        moment
        for day in days
        for session in day.sessions
        for moment in (session.starts_at, session.ends_at)
        if moment > now
    ]
    return min(moments, default=None)


def session_for_page(*, year: int, session_id: int, user: Any = None) -> Session:
    return get_object_or_404(
        Session.objects.filter(edition__in=visible(Edition.objects.all(), user))
        .filter(programme_public_q() if not can_preview(user) else Q())
        .select_related("edition", "building_block")
        .prefetch_related(
            Prefetch(
                "roles",
                queryset=SessionPerson.objects.select_related("person").order_by(
                    "role", "order", "pk"
                ),
            ),
            Prefetch("action_lines", queryset=ActionLine.objects.order_by("number")),
            Prefetch("sdgs", queryset=SDG.objects.order_by("number")),
        ),
        edition__year=year,
        pk=session_id,
    )


def registration_of(*, edition: Edition, user: Any) -> Registration | None:
    if not user.is_authenticated:
        return None
    return Registration.objects.filter(edition=edition, user=user).first()


def in_person_places_left(*, edition: Edition) -> int:
    """Places left in the room: the capacity less the confirmed in-person registrations.

    ``registration_create`` asks it with the edition row locked, so that the count it sees is
    the one it acts on.
    """
    taken = Registration.objects.filter(
        edition=edition, mode=AttendanceMode.IN_PERSON, status=RegistrationStatus.CONFIRMED
    ).count()
    return max(edition.in_person_capacity - taken, 0)


def registration_to_cancel(*, year: int, user: Any) -> Registration:
    """The user's own confirmed registration for ``year``; anyone else's (or none) is a 404."""
    return get_object_or_404(
        Registration.objects.select_related("edition"),
        edition__year=year,
        user=user,
        status=RegistrationStatus.CONFIRMED,
    )


def registrations_of_user(*, user: Any) -> list[Registration]:
    return list(
        Registration.objects.filter(user=user).select_related("edition").order_by("-edition__year")
    )


def registrations_for_export(
    *, queryset: QuerySet[Registration] | None = None
) -> Iterator[Registration]:
    """Rows for the secretariat's CSV export, streamed in chunks."""
    queryset = queryset if queryset is not None else Registration.objects.all()
    return (
        queryset.select_related("edition", "user", "user__profile")
        .order_by("edition__year", "created_at", "pk")
        .iterator(chunk_size=2000)
    )


# The matrix: sessions tagged with both an Action Line and an SDG.


def session_matrix_counts() -> dict[tuple[str, int], int]:
    rows = (
        Session.objects.filter(
            published_q("edition__"),
            programme_public_q(),
            action_lines__isnull=False,
            sdgs__isnull=False,
        )
        .values_list("action_lines__code", "sdgs__number")
        .annotate(n=Count("id", distinct=True))
        .order_by()
    )
    return {(code, number): n for code, number, n in rows}


def session_matrix_items(action_line: ActionLine, sdg: SDG, limit: int) -> list[MatrixItem]:
    sessions = (
        Session.objects.filter(
            published_q("edition__"), programme_public_q(), action_lines=action_line
        )
        .filter(sdgs=sdg)
        .select_related("edition", "building_block")
        .order_by("-starts_at")[:limit]
    )
    return [
        MatrixItem(
            kind="session",
            title=s.title,
            url=s.get_absolute_url(),
            subtitle=f"{s.edition} · {s.building_block}",
        )
        for s in sessions
    ]


def is_registered_for_session(*, session: Session, user: Any) -> bool:
    if not user.is_authenticated or not session.registration_required:
        return False
    return SessionRegistration.objects.filter(session=session, user=user).exists()
