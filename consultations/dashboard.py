"""The Open Consultation Process's panels on the admin home (wsis_portal.dashboard)."""

from __future__ import annotations

from datetime import datetime

from django.db.models import Count, Min
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wsis_portal.dashboard import phases_figure, queue_figure
from wsis_portal.registry import DashboardFigure, DashboardSource, registry

from .enums import SubmissionStatus
from .models import CommentFlag, ConsultationPhase, Submission, counted_submission_q


def inputs_waiting(now: datetime) -> DashboardFigure:
    """Confirmed inputs nobody has accepted or set aside yet."""
    return queue_figure(
        Submission.objects.filter(counted_submission_q(), status=SubmissionStatus.RECEIVED),
        since="created_at",
    )


def flagged_comments(now: datetime) -> DashboardFigure:
    """Comments flagged by users and still shown; the age is that of the oldest flag."""
    row = CommentFlag.objects.filter(comment__is_hidden=False).aggregate(
        count=Count("comment", distinct=True), oldest=Min("created_at")
    )
    return DashboardFigure(count=row["count"], oldest=row["oldest"])


def phases_soon(now: datetime) -> DashboardFigure:
    return phases_figure(
        ConsultationPhase.objects.select_related("consultation__edition").order_by("starts_at"),
        now=now,
        label=lambda phase: f"{phase.consultation}: {phase}",
        url=lambda phase: reverse(
            "admin:consultations_consultation_change", args=[phase.consultation_id]
        ),
    )


def register() -> None:
    registry.add_dashboard(
        DashboardSource(
            key="consultations-inputs",
            section="queues",
            title=_("Consultation inputs received, to accept or set aside"),
            permission="consultations.view_submission",
            read=inputs_waiting,
            url=lambda: (
                reverse("admin:consultations_submission_changelist") + "?status__exact=received"
            ),
        )
    )
    registry.add_dashboard(
        DashboardSource(
            key="consultations-flags",
            section="queues",
            title=_("Comments flagged by users"),
            permission="consultations.view_comment",
            read=flagged_comments,
            url=lambda: (
                reverse("admin:consultations_comment_changelist")
                + "?flagged=yes&is_hidden__exact=0"
            ),
        )
    )
    registry.add_dashboard(
        DashboardSource(
            key="consultations-phases",
            section="phases",
            title=_("Consultation phases"),
            permission="consultations.view_consultation",
            read=phases_soon,
            url=lambda: reverse("admin:consultations_consultation_changelist"),
        )
    )
