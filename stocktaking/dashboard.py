"""WSIS Stocktaking's panels on the admin home (wsis_portal.dashboard)."""

from __future__ import annotations

from datetime import datetime

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wsis_portal.dashboard import phases_figure, queue_figure
from wsis_portal.registry import DashboardFigure, DashboardSource, registry

from .enums import RevisionStatus
from .models import Call, EntryRevision


def moderation_waiting(now: datetime) -> DashboardFigure:
    """New entries and updates of published ones, waiting for the Secretariat."""
    return queue_figure(
        EntryRevision.objects.filter(status=RevisionStatus.PENDING), since="created_at"
    )


def calls_soon(now: datetime) -> DashboardFigure:
    return phases_figure(
        Call.objects.order_by("starts_at"),
        now=now,
        label=str,
        url=lambda call: reverse("admin:stocktaking_call_change", args=[call.pk]),
    )


def register() -> None:
    registry.add_dashboard(
        DashboardSource(
            key="stocktaking-moderation",
            section="queues",
            title=_("Stocktaking entries and updates to moderate"),
            permission="stocktaking.view_moderationitem",
            read=moderation_waiting,
            url=lambda: reverse("admin:stocktaking_moderationitem_changelist"),
        )
    )
    registry.add_dashboard(
        DashboardSource(
            key="stocktaking-calls",
            section="phases",
            title=_("Stocktaking calls"),
            permission="stocktaking.view_call",
            read=calls_soon,
            url=lambda: reverse("admin:stocktaking_call_changelist"),
        )
    )
