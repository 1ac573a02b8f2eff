"""One project's page and what the public may know of its status, by the clock."""

from __future__ import annotations

from datetime import datetime

from django.contrib.auth.models import AnonymousUser
from django.http import Http404
from django.utils.translation import gettext as _

from accounts.models import User

from ..enums import BALLOT_STATES, PhaseKind, ProjectStatus
from ..models import Contest, Project
from .contests import phase


def ballot_project(*, contest: Contest, project_id: int, user: User | AnonymousUser) -> Project:
    """A project page: public when on the ballot; drafts only for their submitter and staff.

    The same rule guards the project's attachments (listed on the page, downloaded by a view).
    """
    project = (
        Project.objects.filter(contest=contest, pk=project_id)
        .select_related("category__action_line", "contest")
        .prefetch_related("sdgs", "attachments")
        .first()
    )
    if project is None:
        raise Http404(_("This project does not exist."))
    if project.status in BALLOT_STATES:
        return project
    if user.is_authenticated and (user.pk == project.submitter_id or user.is_staff):
        return project
    raise Http404(_("This project is not public."))


def champions_announced(contest: Contest, now: datetime) -> bool:
    """Champions are announced on the announcement date, the end of Phase IV (seed 002:
    "Champions will be announced on 25 April"), not the moment voting closes."""
    announcement = phase(contest, PhaseKind.SELECTION) or phase(contest, PhaseKind.VOTING)
    return bool(announcement and announcement.has_ended(now))


def public_status(project: Project, contest: Contest, now: datetime) -> str:
    """What the public (and the submitter) may know: a Champion stays Nominated until the
    announcement date, and a Winner stays a Champion until the ceremony phase starts."""
    if project.status in (ProjectStatus.CHAMPION, ProjectStatus.WINNER) and not (
        champions_announced(contest, now)
    ):
        return ProjectStatus.NOMINATED
    if project.status == ProjectStatus.WINNER:
        ceremony = phase(contest, PhaseKind.CEREMONY)
        if ceremony is None or not ceremony.has_started(now):
            return ProjectStatus.CHAMPION
    return project.status
