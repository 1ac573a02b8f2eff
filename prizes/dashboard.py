"""The WSIS Prizes' panels on the admin home (wsis_portal.dashboard)."""

from __future__ import annotations

from datetime import datetime

from django.db.models import Count
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wsis_portal.dashboard import phases_figure, queue_figure
from wsis_portal.registry import DashboardFigure, DashboardSource, registry

from .enums import PhaseKind, ProjectStatus
from .models import Category, ContestPhase, Project


def submissions_waiting(now: datetime) -> DashboardFigure:
    """Submitted projects not yet nominated or declined."""
    return queue_figure(
        Project.objects.filter(status=ProjectStatus.SUBMITTED), since="submitted_at"
    )


def winners_to_confirm(now: datetime) -> DashboardFigure:
    """Categories with Champions and no Winner yet, in contests whose final tally is done
    and whose ceremony has not started (from then on the results are public and the
    decisions can no longer change)."""
    voting_ended = ContestPhase.objects.filter(kind=PhaseKind.VOTING, end_applied_at__isnull=False)
    ceremony_ahead = ContestPhase.objects.filter(kind=PhaseKind.CEREMONY, starts_at__gt=now)
    count = (
        Category.objects.filter(contest_id__in=voting_ended.values("contest_id"))
        .filter(contest_id__in=ceremony_ahead.values("contest_id"))
        .filter(projects__status=ProjectStatus.CHAMPION)
        .exclude(projects__status=ProjectStatus.WINNER)
        .aggregate(n=Count("pk", distinct=True))["n"]
    )
    return DashboardFigure(count=count)


def phases_soon(now: datetime) -> DashboardFigure:
    return phases_figure(
        ContestPhase.objects.select_related("contest").order_by("starts_at"),
        now=now,
        label=lambda phase: f"{phase.contest}: {phase.get_kind_display()}",
        url=lambda phase: reverse("admin:prizes_contest_change", args=[phase.contest_id]),
    )


def _projects(query: str = "") -> str:
    return reverse("admin:prizes_project_changelist") + query


def register() -> None:
    registry.add_dashboard(
        DashboardSource(
            key="prizes-submissions",
            section="queues",
            title=_("Prize projects submitted, to nominate or decline"),
            permission="prizes.view_project",
            read=submissions_waiting,
            url=lambda: _projects("?status__exact=submitted"),
        )
    )
    registry.add_dashboard(
        DashboardSource(
            key="prizes-winners",
            section="decisions",
            title=_("Prize categories whose Winner is not confirmed"),
            permission="prizes.view_project",
            read=winners_to_confirm,
            url=lambda: _projects("?status__exact=champion"),
        )
    )
    registry.add_dashboard(
        DashboardSource(
            key="prizes-phases",
            section="phases",
            title=_("Prize contest phases"),
            permission="prizes.view_contest",
            read=phases_soon,
            url=lambda: reverse("admin:prizes_contest_changelist"),
        )
    )
