"""The admin home's "needs action now" (issue 14, item 5).

Each app registers its panels (``registry.add_dashboard``): a moderation queue with the age
of its oldest item, phases opening or closing in the next seven days, decisions waiting,
deliveries pending. This module keeps the panels a person may see (their permission is
checked before anything is read) and reads each in one query, so the page costs a fixed
number of queries whatever the size of the queues.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.db.models import Count, Min, QuerySet
from django.utils.translation import gettext_lazy as _

from .registry import DashboardFigure, DashboardSource, Label, registry

# How far ahead the phases panel looks.
HORIZON = timedelta(days=7)

SECTIONS: dict[str, Label] = {
    "queues": _("Waiting for moderation"),
    "decisions": _("Decisions to take"),
    "phases": _("Opening or closing in the next 7 days"),
    "deliveries": _("Emails waiting to be sent"),
}


@dataclass(frozen=True)
class Panel:
    source: DashboardSource
    figure: DashboardFigure
    url: str
    now: datetime

    @property
    def title(self) -> Label:
        return self.source.title

    @property
    def oldest_age(self) -> timedelta | None:
        return None if self.figure.oldest is None else self.now - self.figure.oldest


def queue_figure(queryset: QuerySet, *, since: str) -> DashboardFigure:
    """How many rows wait and when the oldest arrived, in one query."""
    row = queryset.aggregate(count=Count("pk"), oldest=Min(since))
    return DashboardFigure(count=row["count"], oldest=row["oldest"])


def dashboard_sections(*, user: Any, now: datetime) -> list[tuple[Label, list[Panel]]]:
    """The panels ``user`` may see, grouped by section in a fixed order; empty sections
    are left out. One query per panel (plus the user's permissions, read once)."""
    grouped: dict[str, list[Panel]] = {key: [] for key in SECTIONS}
    for source in registry.dashboard:
        if not user.has_perm(source.permission):
            continue
        grouped.setdefault(source.section, []).append(
            Panel(source=source, figure=source.read(now), url=source.url(), now=now)
        )
    return [(SECTIONS.get(key, key), panels) for key, panels in grouped.items() if panels]


def outbox_pending(now: datetime) -> DashboardFigure:
    from .models import OutboxMessage, OutboxStatus

    return queue_figure(
        OutboxMessage.objects.filter(status=OutboxStatus.PENDING), since="created_at"
    )


def register_portal_panels() -> None:
    from django.urls import reverse

    registry.add_dashboard(
        DashboardSource(
            key="outbox",
            section="deliveries",
            title=_("Outbox: messages pending delivery"),
            permission="wsis_portal.view_outboxmessage",
            read=outbox_pending,
            url=lambda: (
                reverse("admin:wsis_portal_outboxmessage_changelist") + "?status__exact=pending"
            ),
        )
    )


def phases_figure(
    queryset: QuerySet,
    *,
    now: datetime,
    label: Any,
    url: Any,
) -> DashboardFigure:
    """Rows (``starts_at``/``ends_at`` models) opening or closing within ``HORIZON``, soonest
    first, in one query; ``label(obj)`` and ``url(obj)`` describe each."""
    from django.db.models import Q

    from .registry import DashboardRow

    until = now + HORIZON
    rows = []
    window = Q(starts_at__gte=now, starts_at__lt=until) | Q(ends_at__gte=now, ends_at__lt=until)
    for obj in queryset.filter(window):
        if now <= obj.starts_at < until:
            rows.append(DashboardRow(label(obj), obj.starts_at, url(obj), _("opens")))
        if now <= obj.ends_at < until:
            rows.append(DashboardRow(label(obj), obj.ends_at, url(obj), _("closes")))
    rows.sort(key=lambda row: row.at or now)
    return DashboardFigure(count=len(rows), rows=rows)
