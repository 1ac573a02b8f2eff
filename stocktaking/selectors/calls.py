"""The calls for entries: open now, opening next, and for the home page."""

from __future__ import annotations

from datetime import datetime

from django.db.models import Min, Q
from django.utils import timezone

from wsis_portal.publishing import published_q

from ..caching import cached
from ..enums import CallKind
from ..models import Call


def calls_for_home(*, now: datetime) -> list[Call]:
    """Calls open now or opening later (one query)."""
    return list(Call.objects.filter(published_q(), ends_at__gt=now).order_by("starts_at")[:4])


def calls_next_change(*, now: datetime) -> datetime | None:
    """When the calls shown on the home page next open or close (one query)."""
    found = Call.objects.filter(published_q(), ends_at__gt=now).aggregate(
        opens=Min("starts_at", filter=Q(starts_at__gt=now)), closes=Min("ends_at")
    )
    return min((moment for moment in found.values() if moment), default=None)


def next_call(*, kind: str, now: datetime | None = None) -> Call | None:
    now = now or timezone.now()
    return (
        Call.objects.filter(published_q(), kind=kind, starts_at__gt=now)
        .order_by("starts_at")
        .first()
    )


def call_open(*, kind: str = CallKind.NEW_ENTRIES, now: datetime | None = None) -> Call | None:
    return open_call(kind=kind, now=now)


def call_open_for_display(*, kind: str = CallKind.NEW_ENTRIES) -> Call | None:
    """The open call of ``kind`` for a link on a read-only page.

    The calls come from the cache (refreshed whenever a call is saved), but whether one is
    open is still decided from the clock now; the submit pages themselves read the database.
    """
    now = timezone.now()
    calls = cached(("calls",), lambda: list(Call.objects.filter(published_q()).order_by("ends_at")))
    return next((c for c in calls if c.kind == kind and c.is_open(now)), None)


def open_call(*, kind: str, now: datetime | None = None) -> Call | None:
    """The call of ``kind`` open at ``now`` (the clock decides), if any."""
    now = now or timezone.now()
    # A draft call is not open to anyone, whatever its dates.
    return Call.objects.open_at(now).filter(published_q(), kind=kind).order_by("ends_at").first()
