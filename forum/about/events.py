"""Reads of the calendar of regional, national and outside WSIS events."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Prefetch, QuerySet
from django.shortcuts import get_object_or_404

from ..enums import EventKind, Region
from ..models import Edition, Event, EventPerson


@dataclass(frozen=True)
class EventCalendar:
    upcoming: list[Event]
    past: list[Event]
    region: str
    kind: str


def event_calendar(*, today: date, region: str = "", kind: str = "") -> EventCalendar:
    """Upcoming events soonest first, past ones newest first; unknown filters are ignored."""
    region = region if region in Region.values else ""
    kind = kind if kind in EventKind.values else ""
    events = Event.objects.select_related("feeds_edition")
    if region:
        events = events.filter(region=region)
    if kind:
        events = events.filter(kind=kind)
    upcoming = list(events.filter(ends_on__gte=today).order_by("starts_on", "title"))
    past = list(events.filter(ends_on__lt=today).order_by("-starts_on", "title"))
    return EventCalendar(upcoming=upcoming, past=past, region=region, kind=kind)


def event_for_page(*, pk: int) -> Event:
    return get_object_or_404(
        Event.objects.select_related("feeds_edition").prefetch_related(
            Prefetch("roles", queryset=EventPerson.objects.select_related("person")),
            "action_lines",
            "sdgs",
        ),
        pk=pk,
    )


def events_feeding(*, edition: Edition) -> QuerySet[Event]:
    return Event.objects.filter(feeds_edition=edition).order_by("starts_on")
